# summary: where a DPDK start in the guest goes: testpmd, igb-pfd and sriov-bench with Debian's defaults and with the bench's settings, phase by phase
# timeout: 900
# suite: no: a measurement, run by name (test/vm/run.sh dpdk-start-cost)
# Each program runs to its prompt or its first output after EAL init and
# is told to quit; every line it prints is stamped with the time since
# its start (--log-level=eal:debug gives the phases). Two settings,
# interleaved, RUNS times each:
#   debian  all of Debian's DPDK plugins, testpmd's own defaults
#   bench   the runner's plugin view and testpmd --no-mlockall (what the
#           scenarios use)
# The table (phase ends in seconds since exec, medians) is in
# $SCEN_OUT/table and the scenario's note. Asserted: every start worked
# and each port was ours.
# shellcheck source=../lib/vf.sh
. "$IGB_TOP/test/vm/lib/vf.sh"
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"

RUNS=${START_COST_RUNS:-3}
TABLE=$SCEN_OUT/table

# stamped LABEL CMD...: run CMD with "quit" on its stdin; its lines with
# the time since the start into $SCEN_OUT/LABEL.txt.
stamped() {
	local label=$1 t0 t l
	shift
	t0=${EPOCHREALTIME/./}
	{ echo quit | stdbuf -oL -eL "$@" 2>&1 && echo "rc=0" ||
		echo "rc=$?"; } | while IFS= read -r l; do
		t=$((${EPOCHREALTIME/./} - t0))
		printf '%d.%03d %s\n' $((t / 1000000)) $((t % 1000000 / 1000)) "$l"
	done > "$SCEN_OUT/$label.txt"
	grep -q ' rc=0$' "$SCEN_OUT/$label.txt" || {
		tail -n 20 "$SCEN_OUT/$label.txt"
		fail "$label did not end well"
	}
}

# at LABEL REGEX: seconds at the first line matching REGEX, or "-".
at() {
	awk -v re="$2" '$0 ~ re { print $1; f = 1; exit } END { if (!f) print "-" }' \
		"$SCEN_OUT/$1.txt"
}

# phases PROGRAM SETTING LABEL LAST-REGEX: one table row.
phases() {
	echo "$1 $2 $(at "$3" 'EAL: Detected CPU lcores') \
$(at "$3" 'EAL: Multi-process socket') $(at "$3" 'EAL: Probe PCI driver') \
$(at "$3" 'Interactive-mode selected|igb-pfd: port|Usage: ') \
$(at "$3" "$4")" >> "$TABLE"
}

view_on() { mountpoint -q "$DPDK_PMD_DIR" || mount --bind "$DPDK_PMD_VIEW" "$DPDK_PMD_DIR"; }
view_off() { ! mountpoint -q "$DPDK_PMD_DIR" || umount "$DPDK_PMD_DIR"; }

[ -n "${DPDK_PMD_DIR:-}" ] || fail "the runner made no plugin view"
: > "$TABLE"
vf_kernel_pf_setup ""
tp=("$TESTPMD" -l 0-1 -n 1 -d "$VF_PMD" -a "$VF_BDF" --log-level=eal:debug
	--file-prefix=tp)
sb=("$SRIOV_BENCH" -l 0-1 -n 1 -d "$VF_PMD" -a "$VF_BDF"
	--log-level=eal:debug --file-prefix=sb -- --help)
for r in $(seq 1 "$RUNS"); do
	view_off
	stamped "tp-debian-$r" "${tp[@]}" -- --nb-cores=1 \
		--total-num-mbufs=4096 -i
	phases testpmd debian "tp-debian-$r" 'testpmd> '
	stamped "sb-debian-$r" "${sb[@]}"
	phases sriov-bench debian "sb-debian-$r" 'Usage: '
	view_on
	stamped "tp-bench-$r" "${tp[@]}" -- --nb-cores=1 \
		--total-num-mbufs=4096 --no-mlockall -i
	phases testpmd bench "tp-bench-$r" 'testpmd> '
	stamped "sb-bench-$r" "${sb[@]}"
	phases sriov-bench bench "sb-bench-$r" 'Usage: '
done
grep -q "Driver name: *net_igb_vf\|Probe PCI driver: net_igb_vf" \
	"$SCEN_OUT/tp-bench-1.txt" || fail "testpmd's port is not net_igb_vf"

pci_bind "$VF_BDF" none
vfs_destroy
pf_setup
pfd=("$PFD" -n 1 --log-level=eal:debug --file-prefix=pfd
	--vfio-vf-token="$VF_TOKEN" -- --pci "$PF_BDF" --num-vfs 1)
for r in $(seq 1 "$RUNS"); do
	view_off
	stamped "pfd-debian-$r" "${pfd[@]}"
	phases igb-pfd debian "pfd-debian-$r" 'igb-pfd: port .* ready'
	view_on
	stamped "pfd-bench-$r" "${pfd[@]}"
	phases igb-pfd bench "pfd-bench-$r" 'igb-pfd: port .* ready'
done
grep -q 'driver net_igb_pf' "$SCEN_OUT/pfd-bench-1.txt" ||
	fail "igb-pfd's port is not net_igb_pf"

# Medians per program and setting.
awk '
	function med(str, n, a, i, j, t) {
		n = split(str, a, " ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
				t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
			}
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	{
		k = $1 " " $2
		if (!(k in seen)) { seen[k] = 1; order[++m] = k }
		for (c = 3; c <= 7; c++) vals[k, c] = vals[k, c] " " $c
	}
	END {
		printf "%-12s %-7s %8s %8s %8s %8s %8s\n", "program", "setting",
			"linked", "plugins", "probe", "eal", "ready"
		for (i = 1; i <= m; i++) {
			split(order[i], kk, " ")
			printf "%-12s %-7s", kk[1], kk[2]
			for (c = 3; c <= 7; c++) {
				v = vals[order[i], c]
				printf " %8s", v ~ /-/ ? "-" : sprintf("%.2f", med(v))
			}
			printf "\n"
		}
	}' "$TABLE" | tee "$TABLE.txt"
note "$(awk 'NR > 1 { printf "%s%s %s ready %ss", s, $1, $2, $7; s = ", " }' \
	"$TABLE.txt") (medians of $RUNS)"
