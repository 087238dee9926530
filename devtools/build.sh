#!/usr/bin/env bash
# Configure (once) and build the tree in build/ against the installed DPDK.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${IGB_BUILD:-$top/build}
# Reconfigure an existing tree too: component folders are picked up by
# fs.is_file() at configure time, which ninja's own regeneration misses.
# The .pc relocatable also in a tree configured before it was the default
# (a reconfigure keeps a tree's options).
args=(-Dpkgconfig.relocatable=true)
[ ! -f "$build/build.ninja" ] || args+=(--reconfigure)
meson setup "${args[@]}" "$build" "$top" > "$build.setup.log" 2>&1 || {
	cat "$build.setup.log" >&2
	exit 1
}
rm -f "$build.setup.log"
ninja -C "$build" > /dev/null || ninja -C "$build"
# The SDK: install into a scratch root, build the examples from there
# (devtools/build-examples.sh; its result lines in $build/sdk/results).
IGB_BUILD=$build "$top/devtools/build-examples.sh" > "$build.sdk.log" 2>&1 || {
	cat "$build.sdk.log" >&2
	exit 1
}
rm -f "$build.sdk.log"
