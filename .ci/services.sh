#!/usr/bin/env bash
# Starts the services the integration tests talk to, installing them from Debian's packages if
# this machine has none. Sourced by .ci/run.

ensure_postgres() {
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then return; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    local version; version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    # The tests connect as postgres over 127.0.0.1 without a password, as on the build machines.
    sed -i 's/^\(host\s\+all\s\+all\s\+127.0.0.1\/32\s\+\)\S\+/\1trust/' "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  local version; version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  echo "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q && return
    sleep 1
  done
  echo "PostgreSQL did not start" >&2
  return 1
}

ensure_kafka() {
  if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
    echo "Installing Java and Maven from Debian's packages (the Kafka broker runs from Maven Central jars)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless maven >/dev/null
  fi
  scripts/kafka-local.sh start
}

# No Docker engine runs on the build machines; the compose file is at least checked for validity.
validate_compose() {
  if ! command -v docker-compose >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  fi
  # The compose file refuses to start without its secrets; placeholders are enough to check its shape.
  MASTER_KEY=$(printf '0%.0s' {1..64}) AUTH_ISSUER=https://id.example.org/realms/pathway docker-compose -f docker-compose.yml config -q
  echo "docker-compose.yml is valid"
}

# The browser tests drive Debian's Chromium (never a downloaded browser build).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  echo "Installing Chromium from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}
