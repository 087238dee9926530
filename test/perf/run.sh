#!/usr/bin/env bash
# Cost per packet of the shared igb Rx/Tx burst code, without a device.
#
#   test/perf/run.sh [--build DIR] [--long] [--callgrind] [--burst N]
#                    [--full] [--fast-free]
#   test/perf/run.sh [--build DIR] --check-faults
#
# Short mode (the default, and the meson test in suite 'perf') moves a few
# hundred thousand frames per case and fails if any frame or mbuf goes
# wrong. --long runs enough repetitions for the published figures.
# --callgrind adds instructions per packet: each case runs again under
# valgrind with collection on only inside the burst functions (igb_rx_burst*,
# igb_tx_burst*), and the collected Ir total is divided by the packets
# those calls moved. --full and --fast-free are passed to igb-perf (the
# full burst functions; Tx queue with MBUF_FAST_FREE).
# --check-faults shows that the harness's checks fail when they should:
# each injected fault must end the run with status 1 and name the fault.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build
long=0
callgrind=0
faults=0
burst=32
extra=()

while [ $# -gt 0 ]; do
	case $1 in
	--build) build=$2; shift 2 ;;
	--long) long=1; shift ;;
	--callgrind) callgrind=1; shift ;;
	--burst) burst=$2; shift 2 ;;
	--check-faults) faults=1; shift ;;
	--full | --fast-free) extra+=("$1"); shift ;;
	-h|--help) sed -n '2,17s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done

exe=$build/test/perf/igb-perf
[ -x "$exe" ] || { echo "run.sh: $exe not built" >&2; exit 2; }

if [ "$long" = 1 ]; then
	timed=(--pkts 1000000 --reps 21 --warmup 200000)
	cg_pkts=200000
else
	timed=(--pkts 100000 --reps 3 --warmup 10000)
	cg_pkts=50000
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$faults" = 1 ]; then
	bad=0
	for spec in \
		'rx-len:FAIL app rx: frame 1000 length: expected 60, seen 59' \
		'tx-seq:FAIL nic tx: sequence: expected 1000, seen 1001' \
		'leak:FAIL mbufs: [0-9]+ free before the case, [0-9]+ after'; do
		f=${spec%%:*}
		want=${spec#*:}
		rc=0
		"$exe" --inject "$f" --size 64 --pkts 5000 --warmup 0 \
			>"$tmp/fault" 2>&1 || rc=$?
		if [ "$rc" = 1 ] && grep -Eq "^$want" "$tmp/fault"; then
			echo "PASS fault $f: exit 1, '$want'"
		else
			echo "FAIL fault $f: expected exit 1 and '$want', saw" \
				"exit $rc:"
			cat "$tmp/fault"
			bad=1
		fi
	done
	exit $bad
fi

echo "== timed run: $exe ${timed[*]} --burst $burst ${extra[*]}"
if ! "$exe" "${timed[@]}" --burst "$burst" "${extra[@]}" |
	tee "$tmp/timed"; then
	echo "run.sh: igb-perf reported a failure" >&2
	exit 1
fi

declare -A instr
if [ "$callgrind" = 1 ]; then
	command -v valgrind >/dev/null ||
		{ echo "run.sh: valgrind not installed" >&2; exit 2; }
	for c in rx tx fwd; do
		for s in 64 1518; do
			out=$tmp/cg.$c.$s
			echo "== callgrind: $c $s B, $cg_pkts packets"
			if ! valgrind --tool=callgrind --callgrind-out-file="$out" \
				--toggle-collect='igb_rx_burst*' \
				--toggle-collect='igb_tx_burst*' \
				"$exe" --case "$c" --size "$s" --burst "$burst" \
				"${extra[@]}" \
				--pkts "$cg_pkts" --reps 1 --warmup 0 \
				>"$tmp/cg.log" 2>&1; then
				cat "$tmp/cg.log"
				echo "run.sh: igb-perf failed under valgrind" >&2
				exit 1
			fi
			ir=$(awk '/^(totals|summary):/ { print $2; exit }' "$out")
			[ -n "$ir" ] && [ "$ir" -gt 0 ] || {
				echo "run.sh: no Ir collected in $out" >&2
				exit 1
			}
			instr[$c.$s]=$(awk -v ir="$ir" -v n="$cg_pkts" \
				'BEGIN { printf "%.1f", ir / n }')
		done
	done
fi

echo
# cyc/pkt: best and median repetition; rx/tx: the median repetition's
# split between the Rx and the Tx calls.
printf '%-5s %5s %5s %8s %8s %7s %7s %9s\n' case size burst "cyc min" \
	"cyc med" "rx" "tx" "instr"
awk '/^RESULT / {
	for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
	print v["case"], v["size"], v["burst"], v["cycles_min"],
		v["cycles_median"], v["rx_median"], v["tx_median"]
}' "$tmp/timed" | while read -r c s b cmin cmed rx tx; do
	printf '%-5s %5s %5s %8s %8s %7s %7s %9s\n' "$c" "$s" "$b" "$cmin" \
		"$cmed" "$rx" "$tx" "${instr[$c.$s]:--}"
done
echo "(cycles and instructions per packet, in the driver calls only)"
