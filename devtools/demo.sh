#!/usr/bin/env bash
# The two-minute demo: install what is needed, build, boot a guest with the
# emulated SR-IOV 82576, create a VF and move packets through it, then
# print a short summary (drivers, functions, packets each way).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
echo "demo: installing packages (Debian's archive only)..."
"$top/devtools/setup.sh" > /tmp/igb-setup.log 2>&1 || {
	cat /tmp/igb-setup.log
	exit 1
}
echo "demo: building..."
"$top/devtools/build.sh"
out=$top/build/vm/demo-$(date +%Y%m%d-%H%M%S)
echo "demo: booting the guest (TCG, about a minute)..."
rc=0
"$top/test/vm/run.sh" --pcap --out "$out" demo > "$out.log" 2>&1 || rc=$?
echo
echo "==== summary"
cat "$out/demo/summary" 2>/dev/null || echo "(no summary written)"
echo "===="
head -n 1 "$out.log"
echo "logs: $out (wire capture: $out/wire.pcap)"
[ $rc = 0 ] || { tail -n 30 "$out.log"; exit $rc; }
