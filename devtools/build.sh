#!/usr/bin/env bash
# Configure (once) and build the tree in build/ against the installed DPDK.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${IGB_BUILD:-$top/build}
# Reconfigure an existing tree too: component folders are picked up by
# fs.is_file() at configure time, which ninja's own regeneration misses.
args=()
[ ! -f "$build/build.ninja" ] || args=(--reconfigure)
meson setup "${args[@]}" "$build" "$top" > "$build.setup.log" 2>&1 || {
	cat "$build.setup.log" >&2
	exit 1
}
rm -f "$build.setup.log"
ninja -C "$build" > /dev/null || ninja -C "$build"
