#!/usr/bin/env bash
# The unit tests (vitest) on the other supported Node versions: 22 and 24 (the main run is on 20).
#
#   scripts/test-node-versions.sh [MAJOR...] [-- VITEST ARGS...]     (after pnpm install && pnpm build)
#
# Each Node comes from the registry's `node` package, installed into a temporary prefix. The native
# SQLite addon (better-sqlite3) is built for each Node's ABI against that Node's own headers, and
# kept in node_modules/.cache for the next run; the build of the Node that runs everything else is
# moved aside first and put back at the end, also on a failure or an interruption.
set -euo pipefail
cd "$(dirname "$0")/.."

versions=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do versions+=("$1") && shift; done
[ "${1:-}" = "--" ] && shift
# vitest's --exclude does not reach the projects of vitest.config.ts: they read RURALKIT_TEST_EXCLUDE
args=()
excluded=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--exclude" ] && [ $# -gt 1 ]; then excluded+=("$2") && shift 2; else args+=("$1") && shift; fi
done
[ ${#versions[@]} -gt 0 ] || versions=(22 24)

addon="$(cd packages/store-sqlite/node_modules/better-sqlite3 && pwd -P)"
addon_version="$(node -p "require('$addon/package.json').version")"
cache="$PWD/node_modules/.cache/ruralkit-node-versions"
work="$(mktemp -d)"
mv "$addon/build" "$work/build-main"
restore() {
  rm -rf "$addon/build"
  mv "$work/build-main" "$addon/build"
  rm -rf "$work"
}
trap restore EXIT
trap 'exit 130' INT TERM

for major in "${versions[@]}"; do
  echo "== Node $major: unit tests"
  npm i --prefix "$work/node$major" "node@$major" --no-audit --no-fund --loglevel=error
  # The Node binary beside include/node, so the native build finds this Node's headers.
  headers="$(find "$work/node$major" -path '*/include/node/common.gypi' | head -n 1)"
  bin="$(cd "$(dirname "$headers")/../../bin" && pwd)"
  abi="$("$bin/node" -p process.versions.modules)"
  built="$cache/better-sqlite3-$addon_version-abi$abi.node"
  rm -rf "$addon/build"
  if [ ! -f "$built" ]; then
    PATH="$bin:$PATH" pnpm rebuild better-sqlite3
    mkdir -p "$cache"
    cp "$addon/build/Release/better_sqlite3.node" "$built"
    rm -rf "$addon/build"
  fi
  mkdir -p "$addon/build/Release"
  cp "$built" "$addon/build/Release/better_sqlite3.node"
  "$bin/node" -e 'console.log(`Node ${process.version}`)'
  PATH="$bin:$PATH" RURALKIT_TEST_EXCLUDE="${excluded[*]}" pnpm vitest run ${args[@]+"${args[@]}"}
done
