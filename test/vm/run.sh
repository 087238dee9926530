#!/usr/bin/env bash
# Boot one TCG guest with an emulated SR-IOV 82576, run the named scenarios
# inside it, copy their logs out, power off, and report.
#
#   test/vm/run.sh [--pcap] [--timeout SECS] [--out DIR] SCENARIO...
#   test/vm/run.sh --list
#
# Prints "running NAME (k/N)" as each scenario starts and its result line
# as it ends ("PASS name 12s", "FAIL name ...", or "XFAIL name ..." for a
# documented defect of a driver that is not ours), and exits non-zero if
# any failed. A scenario the guest gave no result for (the guest failed
# to start, panicked, or hung and was killed at the deadline) is reported
# "FAIL name (no result: REASON)" with the tail of the console.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
scen_dir=$here/scenarios

usage() {
	sed -n '4,6p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

# Scenario header fields: "# timeout: N" (seconds, default 240),
# "# summary: text" (one line for --list), "# wip: reason" for a
# scenario that does not pass yet (devtools/test.sh reports it, runs it
# only when named), "# suite: no: why" for one devtools/test.sh leaves
# out (a measurement), "# dpdk-plugins: all" (guest/runner.sh).
scen_field() {
	sed -n "s/^# $2: *//p" "$scen_dir/$1.sh" | head -n 1
}

list() {
	local f n w x
	for f in "$scen_dir"/*.sh; do
		n=$(basename "$f" .sh)
		w=$(scen_field "$n" wip)
		x=$(scen_field "$n" suite)
		case "$x" in
		no*) x="[not in the suite${x#no}] " ;;
		*) x= ;;
		esac
		printf '%-26s %s%s%s\n' "$n" "${w:+[wip: $w] }" "$x" \
			"$(scen_field "$n" summary)"
	done
}

pcap=0
timeout=
out=
build=${IGB_BUILD:-$top/build}
scens=()
while [ $# -gt 0 ]; do
	case "$1" in
	--list) list; exit 0 ;;
	--pcap) pcap=1 ;;
	--timeout) timeout=$2; shift ;;
	--out) out=$2; shift ;;
	--build) build=$2; shift ;;
	-h|--help) usage ;;
	-*) echo "run.sh: unknown option $1" >&2; usage ;;
	*) scens+=("$1") ;;
	esac
	shift
done
[ ${#scens[@]} -gt 0 ] || usage
for s in "${scens[@]}"; do
	[ -f "$scen_dir/$s.sh" ] || {
		echo "run.sh: no scenario '$s' (see --list)" >&2
		exit 2
	}
done

guest=$("$here/build-guest.sh")
kver=$(cat "$guest/kver")
if [ -z "$timeout" ]; then
	timeout=90
	for s in "${scens[@]}"; do
		t=$(scen_field "$s" timeout)
		timeout=$((timeout + ${t:-240} + 15))
	done
fi
[ -n "$out" ] || out=$top/build/vm/$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out/results" "$out/progress" "$out/done"
printf '%s\n' "${scens[@]}" > "$out/scenarios"
# Read by the guest's init (busybox sh) and runner: quoted, so a path may
# hold a space.
{
	printf 'IGB_OUT=%q\n' "$out"
	printf 'IGB_TOP=%q\n' "$top"
	printf 'IGB_BUILD=%q\n' "$build"
	printf 'IGB_KROOT=%q\n' "$guest/kroot"
	printf 'IGB_KVER=%q\n' "$kver"
} > "$out/env"
# QEMU's option syntax: a comma in a value is written twice.
qout=${out//,/,,}

# shellcheck disable=SC2054 # commas belong to QEMU's option syntax
net=(-netdev hubport,id=n1,hubid=0 -device igb,bus=rp1,netdev=n1
	-netdev hubport,id=n2,hubid=0
	-device virtio-net-pci,netdev=n2,mac=02:00:00:00:00:01)
# shellcheck disable=SC2054
[ $pcap = 0 ] || net+=(-object filter-dump,id=f1,netdev=n1,file="$qout/wire.pcap")

# show_progress: print the guest's complete new lines of $out/progress
# ("running ..." and result lines); a failure comes with its log's tail.
shown=0
current=
declare -A result
show_progress() {
	local total line name
	[ -f "$out/progress" ] || return 0
	total=$(wc -l < "$out/progress")
	[ "$total" -gt "$shown" ] || return 0
	mapfile -t -s "$shown" -n $((total - shown)) lines < "$out/progress"
	shown=$total
	for line in "${lines[@]}"; do
		echo "$line"
		case "$line" in
		PASS\ *|XFAIL\ *|FAIL\ *) ;;
		running\ *) current=${line#running }; current=${current%% *}; continue ;;
		*) continue ;;
		esac
		name=${line#* }
		name=${name%% *}
		result[$name]=${line%% *}
		[ "$name" != "$current" ] || current=
		if [ "${line%% *}" = FAIL ] && [ -f "$out/$name/log" ]; then
			echo "---- tail of $out/$name/log"
			tail -n 25 "$out/$name/log" | sed 's/^/    /'
		fi
	done
}

# no_result_reason: why the guest ended without a result, from the
# console and QEMU's exit status.
no_result_reason() {
	local l
	l=$(grep -a -m 1 -o 'guest-init: .*' "$out/console.log" 2>/dev/null) &&
		{ echo "${l%$'\r'}"; return; }
	l=$(grep -a -m 1 -o 'Kernel panic - .*' "$out/console.log" 2>/dev/null) &&
		{ echo "${l%$'\r'}"; return; }
	case $qrc in
	124|137) echo "guest killed at the ${timeout}s deadline" ;;
	0) echo "guest powered off after ${elapsed}s without it" ;;
	*) echo "qemu exited with status $qrc after ${elapsed}s" ;;
	esac
}

# 2 GiB keeps all guest RAM below 4 GiB, so SeaBIOS leaves the root port's
# prefetchable window below 4 GiB too. QEMU 10.0 registers the igb VF BARs
# as 32-bit (pcie_sriov_pf_init() realizes the VFs before the PF sets the
# VF BAR type) and drops the high dword of a VF BAR address: with a 64-bit
# window (-m 3072 puts it at 0xc000000000) VF registers are unreachable.
# no_timer_check: under host load the guest kernel otherwise may panic at
# boot ("timer doesn't work through Interrupt-remapped IO-APIC").
start=$(date +%s)
set +e
timeout --kill-after=10 "$timeout" qemu-system-x86_64 \
	-accel tcg,thread=multi -cpu max \
	-M q35,kernel-irqchip=split -m 2048 -smp 2 \
	-nographic -no-reboot -monitor none -serial stdio \
	-kernel "$guest/kroot/boot/vmlinuz-$kver" -initrd "$guest/initrd.gz" \
	-append "console=ttyS0 quiet intel_iommu=on iommu=pt hugepages=512 panic=-1 no_timer_check${VM_APPEND:+ $VM_APPEND}" \
	-device intel-iommu,intremap=on,caching-mode=on \
	-fsdev local,id=hr,path=/,security_model=none,readonly=on \
	-device virtio-9p-pci,fsdev=hr,mount_tag=hostroot \
	-fsdev local,id=wk,path="$qout",security_model=none \
	-device virtio-9p-pci,fsdev=wk,mount_tag=work \
	-device pcie-root-port,id=rp1,slot=1 \
	"${net[@]}" < /dev/null > "$out/console.log" 2>&1 &
qpid=$!
set -e
while kill -0 "$qpid" 2> /dev/null; do
	show_progress
	sleep 1
done
qrc=0
wait "$qpid" || qrc=$?
elapsed=$(($(date +%s) - start))
show_progress

fails=0
reason=
for s in "${scens[@]}"; do
	case "${result[$s]:-}" in
	PASS|XFAIL) continue ;;
	FAIL) fails=$((fails + 1)); continue ;;
	esac
	[ -n "$reason" ] || reason=$(no_result_reason)
	if [ "$s" = "$current" ]; then
		echo "FAIL $s (no result: $reason, while it ran)"
	else
		echo "FAIL $s (no result: $reason)"
	fi
	fails=$((fails + 1))
done
if [ ! -f "$out/done" ]; then
	echo "---- guest did not finish (qemu exit $qrc after ${elapsed}s);" \
		"tail of $out/console.log"
	tail -n 30 "$out/console.log" | sed 's/^/    /'
fi
echo "guest: ${elapsed}s, logs in $out"
[ $fails = 0 ]
