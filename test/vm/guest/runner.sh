#!/bin/bash
# Runs in the guest as PID 1 after switch_root: prepares the machine, runs
# each scenario listed in $out/scenarios with its own deadline, writes one
# result line per scenario to $out/results, then powers the guest off.
# $out/progress gets "running NAME (k/N)" before each scenario and its
# result line after it: run.sh prints them while the guest runs.
out=$1
# shellcheck source=/dev/null
. "$out/env"
export IGB_TOP IGB_BUILD IGB_KROOT IGB_KVER
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp LANG=C.UTF-8
# The host root is read-only here: no bytecode caches.
export PYTHONDONTWRITEBYTECODE=1

poweroff_now() {
	sync
	echo o > /proc/sysrq-trigger
	sleep 60
}
trap poweroff_now EXIT

mkdir -p /run/dpdk /run/netns /dev/hugepages /dev/pts /dev/shm
mount -t hugetlbfs none /dev/hugepages
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
dmesg -c > "$out/dmesg-boot" 2>&1
echo "runner: kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) cpus," \
	"$(awk '/HugePages_Total/ { print $2 }' /proc/meminfo) hugepages"

# DPDK's plugin folder. EAL loads every driver in it at each start
# (Debian ships about 130: 6 s of a testpmd start in this guest). The
# scenarios get a view of it with only the drivers they use, unless a
# scenario's header says "# dpdk-plugins: all" (the demo: what a user's
# machine does). The libraries' versioned names stay, so programs linked
# against them still find them; EAL loads only the ".so" and
# ".so.<ABI>" names, and the view has ".so" names for these alone.
DPDK_PLUGINS="bus_pci bus_vdev mempool_ring net_e1000"
pmd_dir=$(echo /usr/lib/*-linux-gnu/dpdk/pmds-*)
pmd_view=/run/dpdk-pmds
# For a scenario that compares the two (dpdk-start-cost).
export DPDK_PMD_DIR=$pmd_dir DPDK_PMD_VIEW=$pmd_view
plugins_prepare() {
	local abi n
	[ -d "$pmd_dir" ] || {
		echo "runner: no DPDK plugin folder ($pmd_dir): using none"
		pmd_dir=
		DPDK_PMD_DIR=
		return
	}
	abi=${pmd_dir##*/pmds-}
	mkdir -p /run/dpdk-pmds-all "$pmd_view"
	mount --bind "$pmd_dir" /run/dpdk-pmds-all
	ln -s /run/dpdk-pmds-all/*.so."${abi%%.*}" "$pmd_view"/
	for n in $DPDK_PLUGINS; do
		ln -s "/run/dpdk-pmds-all/librte_$n.so.$abi" \
			"$pmd_view/librte_$n.so"
	done
	echo "runner: DPDK plugins by default: $DPDK_PLUGINS (of" \
		"$(ls /run/dpdk-pmds-all/*.so | wc -l) in $pmd_dir)"
}
plugins_prepare

scen_dir=$IGB_TOP/test/vm/scenarios
total=$(grep -c . "$out/scenarios")
k=0
while read -r name; do
	[ -n "$name" ] || continue
	k=$((k + 1))
	dir=$out/$name
	mkdir -p "$dir"
	t=$(sed -n 's/^# timeout: *//p' "$scen_dir/$name.sh" | head -n 1)
	plugins=$(sed -n 's/^# dpdk-plugins: *//p' "$scen_dir/$name.sh" | head -n 1)
	[ -z "$pmd_dir" ] || [ "$plugins" = all ] ||
		mount --bind "$pmd_view" "$pmd_dir"
	echo "running $name ($k/$total)" >> "$out/progress"
	start=$(date +%s)
	echo "runner: === $name (deadline ${t:-240}s)"
	SCEN_NAME=$name SCEN_OUT=$dir timeout --kill-after=5 "${t:-240}" \
		bash -c '. "$IGB_TOP/test/vm/lib/bench.sh"
			bench_scenario_main "$1"' _ "$scen_dir/$name.sh" \
		> "$dir/log" 2>&1
	rc=$?
	dmesg -c > "$dir/dmesg" 2>&1
	secs=$(($(date +%s) - start))
	notes=$(tr '\n' ';' 2> /dev/null < "$dir/notes" | sed 's/;$//')
	case $rc in
	0) res=PASS ;;
	3) res=XFAIL ;;
	124|137) res=FAIL; notes="timed out after ${secs}s${notes:+; $notes}" ;;
	*) res=FAIL ;;
	esac
	line="$res $name ${secs}s${notes:+ ($notes)}"
	echo "$line" >> "$out/results"
	echo "$line" >> "$out/progress"
	echo "runner: $res $name ${secs}s"
	SCEN_OUT=$dir bash -c '. "$IGB_TOP/test/vm/lib/bench.sh"; bench_cleanup' \
		>> "$dir/log" 2>&1
	mountpoint -q "$pmd_dir" 2> /dev/null && umount "$pmd_dir"
done < "$out/scenarios"
touch "$out/done"
