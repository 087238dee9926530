#!/usr/bin/env bash
# Cost per packet of igb Rx/Tx burst code without a device: this project's
# (ours, ours-scalar) against upstream DPDK's (upstream).
#
#   test/perf/run.sh [--build DIR] [--long] [--callgrind] [--burst N]
#                    [--driver ours,ours-scalar,upstream|all] [--full]
#                    [--fast-free] [--plot FILE.svg]
#   test/perf/run.sh [--build DIR] --check-faults
#
# Short mode (the default, and the meson test in suite 'perf') moves a few
# hundred thousand frames per case and contestant and fails if any frame
# or mbuf goes wrong. --long runs enough repetitions for the published
# figures. --callgrind adds instructions per packet: each contestant runs
# again under valgrind, collection on only inside its burst functions
# (ours: igb_rx_burst*, igb_tx_burst*; upstream: eth_igb_recv_pkts,
# eth_igb_recv_scattered_pkts, eth_igb_xmit_pkts), one dump per case, and
# each dump's Ir total is divided by the packets the case moved. --full
# and --fast-free are passed to igb-perf (ours only). --plot draws the
# summary as grouped bars with gnuplot (test/perf/plot.sh): per case the
# cycles of each contestant, and their instructions with --callgrind.
# --check-faults shows that the harness's checks fail when they should,
# for ours and for upstream: each injected fault must end the run with
# status 1 and name the fault.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build
long=0
callgrind=0
faults=0
burst=32
driver=all
plot=
extra=()

while [ $# -gt 0 ]; do
	case $1 in
	--build) build=$2; shift 2 ;;
	--long) long=1; shift ;;
	--callgrind) callgrind=1; shift ;;
	--burst) burst=$2; shift 2 ;;
	--driver) driver=$2; shift 2 ;;
	--plot) plot=$2; shift 2 ;;
	--check-faults) faults=1; shift ;;
	--full | --fast-free) extra+=("$1"); shift ;;
	-h|--help) sed -n '2,24s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done

exe=$build/test/perf/igb-perf
[ -x "$exe" ] || { echo "run.sh: $exe not built" >&2; exit 2; }

# The contestants, in igb-perf's order.
drivers=()
for d in ours ours-scalar upstream; do
	case ,$driver, in
	*,all,* | *,"$d",*) drivers+=("$d") ;;
	esac
done
[ ${#drivers[@]} -gt 0 ] ||
	{ echo "run.sh: no contestant in --driver '$driver'" >&2; exit 2; }
if [ -n "$plot" ]; then
	command -v gnuplot >/dev/null ||
		{ echo "run.sh: gnuplot not installed" >&2; exit 2; }
fi

if [ "$long" = 1 ]; then
	timed=(--pkts 1000000 --reps 21 --warmup 200000)
	cg_pkts=200000
else
	timed=(--pkts 100000 --reps 3 --warmup 10000)
	cg_pkts=20000
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$faults" = 1 ]; then
	bad=0
	for d in ours upstream; do
		for spec in \
			"rx-len:FAIL $d app rx: frame 1000 length: expected 60, seen 59" \
			"rx-cksum:FAIL $d app rx: frame 1000: ptype 0x[0-9a-f]+ ol_flags 0x[0-9a-f]+, expected" \
			"tx-seq:FAIL $d nic tx: sequence: expected 1000, seen 1001" \
			"leak:FAIL $d mbufs: [0-9]+ free before the case, [0-9]+ after"; do
			f=${spec%%:*}
			want=${spec#*:}
			rc=0
			"$exe" --driver "$d" --inject "$f" --size 64 --pkts 5000 \
				--warmup 0 >"$tmp/fault" 2>&1 || rc=$?
			if [ "$rc" = 1 ] && grep -Eq "^$want" "$tmp/fault"; then
				echo "PASS fault $f ($d): exit 1, '$want'"
			else
				echo "FAIL fault $f ($d): expected exit 1 and" \
					"'$want', saw exit $rc:"
				cat "$tmp/fault"
				bad=1
			fi
		done
	done
	exit $bad
fi

echo "== timed run: $exe ${timed[*]} --burst $burst --driver $driver" \
	"${extra[*]}"
if ! "$exe" "${timed[@]}" --burst "$burst" --driver "$driver" \
	"${extra[@]}" | tee "$tmp/timed"; then
	echo "run.sh: igb-perf reported a failure" >&2
	exit 1
fi

# Instructions per packet, one line "case size driver instr" per case.
: >"$tmp/instr"
if [ "$callgrind" = 1 ]; then
	command -v valgrind >/dev/null ||
		{ echo "run.sh: valgrind not installed" >&2; exit 2; }
	for d in "${drivers[@]}"; do
		if [ "$d" = upstream ]; then
			toggles=(--toggle-collect=eth_igb_recv_pkts
				--toggle-collect=eth_igb_recv_scattered_pkts
				--toggle-collect=eth_igb_xmit_pkts)
		else
			toggles=(--toggle-collect='igb_rx_burst*'
				--toggle-collect='igb_tx_burst*')
		fi
		out=$tmp/cg.$d
		echo "== callgrind: $d, $cg_pkts packets per case"
		if ! valgrind --tool=callgrind --callgrind-out-file="$out" \
			--dump-after=perf_case_done "${toggles[@]}" \
			"$exe" --driver "$d" --burst "$burst" "${extra[@]}" \
			--pkts "$cg_pkts" --reps 1 --warmup 0 \
			>"$tmp/cg.log" 2>&1; then
			cat "$tmp/cg.log"
			echo "run.sh: igb-perf failed under valgrind" >&2
			exit 1
		fi
		# Dump N is the N-th case igb-perf ran (perf_case_done).
		part=0
		while read -r c s n; do
			part=$((part + 1))
			ir=$(awk '/^(totals|summary):/ { print $2; exit }' \
				"$out.$part")
			[ -n "$ir" ] && [ "$ir" -gt 0 ] || {
				echo "run.sh: no Ir collected in $out.$part" >&2
				exit 1
			}
			awk -v c="$c" -v s="$s" -v d="$d" -v ir="$ir" -v n="$n" \
				'BEGIN { printf "%s %s %s %.1f\n", c, s, d, ir / n }' \
				>>"$tmp/instr"
		done < <(sed -n 's/^RESULT case=\([a-z]*\) size=\([0-9]*\) .*driver_calls_pkts=\([0-9]*\) .*/\1 \2 \3/p' \
			"$tmp/cg.log")
	done
fi

# The summary: per case one row per contestant (cyc/pkt: best and median
# repetition; rx/tx: the median repetition's split between the Rx and
# the Tx calls; instructions), then each of ours against upstream.
awk -v instr="$tmp/instr" -v data="$tmp/plot.dat" -v names="${drivers[*]}" '
function fmt(x) { return x == "" ? "-" : x }
function ratio(a, b) {
	if (a == "" || b == "" || b == 0)
		return "-"
	return sprintf("%.2f", a / b)
}
function flush(   i, d, line) {
	if (key == "")
		return
	line = "\"" c0 " " s0 "\""
	for (i = 1; i <= nd; i++) {
		d = dn[i]
		line = line " " fmt(cmin[d]) " " fmt(cmed[d]) " " \
			fmt(ins[c0 " " s0 " " d])
	}
	print line >data
	if (!("upstream" in cmin))
		return
	for (i = 1; i <= nd; i++) {
		d = dn[i]
		if (d == "upstream" || !(d in cmin))
			continue
		printf "%-5s %5s %5s %-20s %8s %8s %7s %7s %9s\n", c0, s0, b0,
			d "/upstream", ratio(cmin[d], cmin["upstream"]),
			ratio(cmed[d], cmed["upstream"]), "-", "-",
			ratio(ins[c0 " " s0 " " d],
				ins[c0 " " s0 " upstream"])
	}
}
BEGIN {
	nd = split(names, dn, " ")
	while ((getline l < instr) > 0) {
		split(l, f, " ")
		ins[f[1] " " f[2] " " f[3]] = f[4]
	}
	printf "%-5s %5s %5s %-20s %8s %8s %7s %7s %9s\n", "case", "size",
		"burst", "driver", "cyc min", "cyc med", "rx", "tx", "instr"
}
/^RESULT / {
	delete v
	for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
	k = v["case"] " " v["size"]
	if (k != key) {
		flush()
		key = k; c0 = v["case"]; s0 = v["size"]; b0 = v["burst"]
		delete cmin; delete cmed
	}
	d = v["driver"]
	cmin[d] = v["cycles_min"]; cmed[d] = v["cycles_median"]
	printf "%-5s %5s %5s %-20s %8s %8s %7s %7s %9s\n", c0, s0, b0, d,
		v["cycles_min"], v["cycles_median"], v["rx_median"],
		v["tx_median"], fmt(ins[k " " d])
}
END { flush() }' "$tmp/timed" >"$tmp/summary"
echo
cat "$tmp/summary"
echo "(cycles and instructions per packet, in the driver calls only;" \
	"ratios: ours/upstream)"

if [ -n "$plot" ]; then
	"$root/test/perf/plot.sh" "$tmp/plot.dat" "$plot" "$callgrind" \
		"${drivers[@]}"
	echo "== plot: $plot"
fi
