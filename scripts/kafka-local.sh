#!/usr/bin/env bash
# Runs a real single-node Apache Kafka 4.x broker (KRaft: broker + controller in one JVM) on
# 127.0.0.1 for integration tests and CI. No Docker and no Kafka tarball are needed: the jars come
# from Maven Central through Maven and are cached, so only the first run downloads anything.
#
#   scripts/kafka-local.sh start|stop|status
#
# Environment (all optional):
#   KAFKA_VERSION          Kafka release (org.apache.kafka:kafka_2.13) to run      [4.3.1]
#   KAFKA_PORT             client (PLAINTEXT) port on 127.0.0.1                     [9092]
#   KAFKA_CONTROLLER_PORT  KRaft controller port on 127.0.0.1                       [9093]
#   KAFKA_LOCAL_HOME       jar cache, one sub-directory per version    [~/.cache/pathway-kafka]
#   KAFKA_LOCAL_DATA       runtime dir: config, KRaft log dir, PID file [/tmp/pathway-kafka]
#   KAFKA_LOCAL_LOG        broker log file (kept after stop, for CI post-mortems)  [<data>.log]
#   KAFKA_START_TIMEOUT    seconds `start` waits for the broker                     [90]
#   KAFKA_HEAP_OPTS        JVM heap flags                               [-Xms256m -Xmx512m]
#   JAVA_HOME              if set, $JAVA_HOME/bin/java is used instead of `java` on PATH
set -euo pipefail

VERSION="${KAFKA_VERSION:-4.3.1}"
PORT="${KAFKA_PORT:-9092}"
CPORT="${KAFKA_CONTROLLER_PORT:-9093}"
CACHE="${KAFKA_LOCAL_HOME:-${HOME}/.cache/pathway-kafka}/${VERSION}"
DATA="${KAFKA_LOCAL_DATA:-/tmp/pathway-kafka}"
LOG="${KAFKA_LOCAL_LOG:-${DATA%/}.log}"
TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
PIDFILE="${DATA}/kafka.pid"
JAVA="${JAVA_HOME:+${JAVA_HOME}/bin/}java"

say() { echo "kafka-local: $*"; }
die() { echo "kafka-local: $*" >&2; exit 1; }

# Running = the PID file names a live process that really is our broker (guards against PID reuse).
running_pid() {
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null)" || return 1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Resolve kafka_2.13 and its runtime dependencies into $CACHE/libs once. Kafka 4 logs through
# SLF4J and ships log4j2 as its backend, so we add log4j-slf4j2-impl + log4j-core (and pin
# slf4j-api 2.x, which the 2.x binding needs; Kafka's own 1.7 callers work with it unchanged).
fetch_jars() {
  [[ -f "$CACHE/libs/.complete" ]] && return 0
  command -v mvn >/dev/null || die "mvn not found (needed once, to fetch Kafka ${VERSION} from Maven Central)"
  say "fetching Kafka ${VERSION} jars from Maven Central into $CACHE/libs (first run only)"
  mkdir -p "$CACHE"
  cat >"$CACHE/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.pathway</groupId><artifactId>kafka-local</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.17</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j2-impl</artifactId><version>2.24.3</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.24.3</version></dependency>
  </dependencies>
</project>
EOF
  rm -rf "$CACHE/libs"
  # Output goes to a file (even -B -q prints stray colour codes) and is shown only on failure.
  mvn -B -q -f "$CACHE/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$CACHE/libs" >"$CACHE/mvn.log" 2>&1 \
    || { cat "$CACHE/mvn.log" >&2; die "maven could not resolve Kafka ${VERSION} (see above)"; }
  touch "$CACHE/libs/.complete"   # marks a finished download; a half-done one is redone next time
}

# Everything the broker needs is generated fresh in $DATA on each start (tests want a clean broker).
write_config() {
  mkdir -p "$DATA/kraft"
  cat >"$DATA/server.properties" <<EOF
process.roles=broker,controller
node.id=1
# Static single-voter quorum: no --standalone / dynamic-quorum bootstrap needed at format time.
controller.quorum.voters=1@127.0.0.1:${CPORT}
listeners=PLAINTEXT://127.0.0.1:${PORT},CONTROLLER://127.0.0.1:${CPORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${PORT}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${DATA}/kraft
num.partitions=1
# One node, so every internal topic (offsets, transactions, share state) gets replication 1.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
default.replication.factor=1
# Internal topics are created on first use (50 partitions each by default); with 1 partition the
# first consumer group / idempotent producer waits far less for "coordinator loading".
offsets.topic.num.partitions=1
transaction.state.log.num.partitions=1
# The application creates its own topics; consumers should not wait 3 s for a group to settle.
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
EOF
  # Plain log4j2 config: INFO to stdout (redirected to $LOG), the chattiest internals at WARN.
  # shutdownHook=disable keeps logging alive until Kafka's own shutdown hook has finished.
  cat >"$DATA/log4j2.properties" <<'EOF'
shutdownHook=disable
appender.out.type=Console
appender.out.name=OUT
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=INFO
rootLogger.appenderRef.out.ref=OUT
logger.cfg.name=org.apache.kafka.common.config
logger.cfg.level=WARN
logger.state.name=state.change.logger
logger.state.level=WARN
logger.storage.name=org.apache.kafka.storage
logger.storage.level=WARN
EOF
}

start() {
  if pid="$(running_pid)"; then say "already running (pid $pid) on 127.0.0.1:$PORT, log: $LOG"; return 0; fi
  command -v "$JAVA" >/dev/null || die "java not found (set JAVA_HOME or put java 17+ on PATH)"
  port_open "$PORT" && die "127.0.0.1:$PORT is taken by another process; set KAFKA_PORT"
  port_open "$CPORT" && die "127.0.0.1:$CPORT is taken by another process; set KAFKA_CONTROLLER_PORT"
  fetch_jars
  rm -rf "$DATA" && write_config
  local cp="$CACHE/libs/*"
  local jvm=(${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -XX:+UseG1GC -Djava.awt.headless=true
             "-Dlog4j2.configurationFile=$DATA/log4j2.properties")
  # KRaft requires a formatted log dir. A cluster id is 16 random bytes in URL-safe base64 without
  # padding (what `kafka-storage.sh random-uuid` prints); generating it here saves a JVM start.
  local cid
  cid="$(head -c16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  : >"$LOG"
  "$JAVA" "${jvm[@]}" -cp "$cp" kafka.tools.StorageTool format --cluster-id="$cid" \
    -c "$DATA/server.properties" >>"$LOG" 2>&1 || { tail -n 20 "$LOG" >&2; die "storage format failed"; }
  # nohup execs java, so $! is the broker's own PID.
  nohup "$JAVA" "${jvm[@]}" -cp "$cp" kafka.Kafka "$DATA/server.properties" >>"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  say "starting Kafka ${VERSION} (pid $!) on 127.0.0.1:$PORT, log: $LOG"
  # Ready = port accepts connections AND the server logged its start (controller elected,
  # metadata loaded); an open port alone can still refuse metadata requests for a moment.
  local deadline=$((SECONDS + TIMEOUT))
  until port_open "$PORT" && grep -q 'Kafka Server started' "$LOG"; do
    running_pid >/dev/null || { tail -n 30 "$LOG" >&2; rm -f "$PIDFILE"; die "broker exited during startup"; }
    ((SECONDS < deadline)) || { tail -n 30 "$LOG" >&2; stop >/dev/null; die "not ready after ${TIMEOUT}s"; }
    sleep 0.5
  done
  say "ready on 127.0.0.1:$PORT"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid"
    # A single node shuts down in a few seconds; don't let CI hang on a stuck JVM.
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then say "no exit after 30s, sending KILL"; kill -KILL "$pid" || true; fi
    say "stopped (pid $pid)"
  else
    say "not running"
  fi
  rm -rf "$DATA"
}

status() {
  if pid="$(running_pid)"; then say "running (pid $pid) on 127.0.0.1:$PORT, log: $LOG"
  else say "not running"; return 1; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
