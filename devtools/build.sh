#!/usr/bin/env bash
# Configure (once) and build the tree in build/ against the installed DPDK.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${IGB_BUILD:-$top/build}
if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" "$top" > "$build.setup.log" 2>&1 || {
		cat "$build.setup.log" >&2
		exit 1
	}
	rm -f "$build.setup.log"
fi
ninja -C "$build" > /dev/null || ninja -C "$build"
