#!/usr/bin/env bash
# The two-minute demo: install what is needed, build, boot a guest with the
# emulated SR-IOV 82576, create a VF and move packets through it, then
# print a short summary (drivers, functions, packets each way).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${IGB_BUILD:-$top/build}
mkdir -p "$build/vm"
echo "demo: installing packages (Debian's archive only)..."
"$top/devtools/setup.sh" > "$build/setup.log" 2>&1 || {
	cat "$build/setup.log"
	exit 1
}
echo "demo: building..."
IGB_BUILD=$build "$top/devtools/build.sh"
out=$build/vm/demo-$(date +%Y%m%d-%H%M%S)
echo "demo: booting the guest (TCG, about a minute)..."
rc=0
IGB_BUILD=$build "$top/test/vm/run.sh" --pcap --out "$out" demo \
	> "$out.log" 2>&1 || rc=$?
echo
echo "==== summary"
cat "$out/demo/summary" 2>/dev/null || echo "(no summary written)"
echo "===="
grep -E '^(PASS|FAIL|XFAIL) ' "$out.log" || echo "FAIL demo (no result line)"
echo "logs: $out (wire capture: $out/wire.pcap)"
[ $rc = 0 ] || { tail -n 30 "$out.log"; exit $rc; }
