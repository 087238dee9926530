#!/bin/bash
# testpmd in the guest: Debian's dpdk-testpmd in interactive mode, driven
# through a FIFO (bench.sh console_*), and testpmd on a VF with our VF PMD.
[ -z "${IGB_LIB_TESTPMD:-}" ] || return 0
IGB_LIB_TESTPMD=1
# shellcheck source=bench.sh
. "$IGB_TOP/test/vm/lib/bench.sh"

TESTPMD=${TESTPMD:-dpdk-testpmd}

# testpmd_start NAME EAL-ARGS... -- TESTPMD-ARGS...: testpmd in interactive
# mode with --file-prefix=NAME. Waits TP_START_SECS (240) for the prompt;
# with TP_SOFT=1 a missing prompt returns 1 instead of failing.
# --no-mlockall: testpmd otherwise locks every page it has mapped, which
# in this guest means reading each library it loaded through 9p (6 s of a
# start measured); the data path does not need it here.
testpmd_start() {
	local name=$1 a has_sep=0
	shift
	for a in "$@"; do [ "$a" != -- ] || has_sep=1; done
	[ $has_sep = 1 ] || fail "testpmd_start $name: no -- before testpmd's own options"
	CONSOLE_SOFT=${TP_SOFT:-0} console_start "$name" 'testpmd> ' \
		"${TP_START_SECS:-240}" "$TESTPMD" --file-prefix="$name" "$@" \
		--no-mlockall -i
}

testpmd_cmd() { console_cmd "$@"; }
testpmd_stop() { console_stop "$1"; }

testpmd_driver() { # NAME PORT
	testpmd_cmd "$1" "show port info $2" |
		sed -n 's/^Driver name: *//p' | tr -d '\r' | head -n 1
}

testpmd_mac() { # NAME PORT: lower case
	testpmd_cmd "$1" "show port info $2" |
		sed -n 's/^MAC address: *//p' | tr -d '\r' | tr 'A-F' 'a-f' |
		head -n 1
}

# testpmd_stat NAME PORT FIELD: e.g. RX-packets, TX-packets, RX-errors.
testpmd_stat() {
	testpmd_cmd "$1" "show port stats $2" |
		grep -o "$3: *[0-9]*" | head -n 1 | awk '{ print $2 }'
}

# testpmd_xstat NAME PORT XSTAT...: their values in one "show port
# xstats" (one snapshot, so counters compared with each other agree),
# one line, in the order asked.
testpmd_xstat() {
	local name=$1 port=$2
	shift 2
	testpmd_cmd "$name" "show port xstats $port" | tr -d '\r' |
		awk -v keys="$*" '
			{ v[$1] = $2 }
			END { n = split(keys, k, " "); for (i = 1; i <= n; i++)
				printf "%s%s", v[k[i] ":"], i < n ? " " : "\n" }'
}

# testpmd_queue_info NAME rxq|txq PORT QUEUE FIELD: a field of "show rxq
# info" or "show txq info", e.g. "Rx queue state", "TX RS threshold".
testpmd_queue_info() {
	testpmd_cmd "$1" "show $2 info $3 $4" | tr -d '\r' |
		sed -n "s/^$5: *//p" | head -n 1
}

# testpmd_burst_modes NAME PORT: "RX/TX", the burst functions queue 0 of
# PORT runs (rx/tx_burst_mode_get, as "show rxq/txq info" prints them),
# e.g. "Vector SSE4.1/Vector SSE4.1"; logged.
testpmd_burst_modes() {
	local rx tx
	rx=$(testpmd_queue_info "$1" rxq "$2" 0 'Burst mode')
	tx=$(testpmd_queue_info "$1" txq "$2" 0 'Burst mode')
	log "$1: port $2 burst functions: Rx $rx, Tx $tx" >&2
	echo "$rx/$tx"
}

# testpmd_link_up NAME PORT: succeeds when testpmd reports link up.
testpmd_link_up() {
	testpmd_cmd "$1" "show port info $2" | grep -q 'Link status: up'
}

testpmd_link_down() {
	testpmd_cmd "$1" "show port info $2" | grep -q 'Link status: down'
}

# testpmd_wait_link NAME [SECS]: port 0 link up within SECS (60).
testpmd_wait_link() {
	wait_for "${2:-60}" "port 0 link up in testpmd $1" testpmd_link_up "$1" 0
}

# testpmd_mbufs_in_use NAME: mbufs of testpmd's pool not in the pool
# (nor in a per-lcore cache), from "dump_mempool".
testpmd_mbufs_in_use() {
	testpmd_cmd "$1" dump_mempool | tr -d '\r' | awk '
		/^mempool </ { f = ($0 ~ /^mempool <mb_pool_0>/) }
		f && /^  size=/ { split($0, a, "="); size = a[2] }
		f && /total_cache_count=/ { split($0, a, "="); cache = a[2] }
		f && /common_pool_count=/ { split($0, a, "="); pool = a[2] }
		END { if (size == "") print "none"; else print size - cache - pool }'
}

# testpmd_port_restart NAME [COMMAND...]: stop forwarding and port 0, run
# the COMMANDs (port settings that need a stopped port), start both
# again and wait for the link.
testpmd_port_restart() {
	local name=$1 c
	shift
	testpmd_cmd "$name" stop > /dev/null
	testpmd_cmd "$name" "port stop 0" > /dev/null
	for c in "$@"; do
		testpmd_cmd "$name" "$c" > /dev/null
	done
	testpmd_cmd "$name" "port start 0" 60 > /dev/null
	testpmd_cmd "$name" start > /dev/null
	testpmd_wait_link "$name"
}

# vf_testpmd_start NAME [EAL ARGS...] [-- TESTPMD ARGS...]: testpmd on
# $VF_BDF (VF 0 unless set) with our VF PMD, port 0 checked to be ours.
# When our PF (vfio-pci) serves the VF, the VF token goes with it; the
# kernel PF has none (and vfio-pci refuses one).
vf_testpmd_start() {
	local name=$1 eal=() app=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		eal+=("$1")
		shift
	done
	[ $# -eq 0 ] || shift
	app=("$@")
	: "${VF_BDF:=$(vf_bdf 0)}"
	[ -f "$VF_PMD" ] || fail "no VF PMD at $VF_PMD (build first)"
	[ "$(pci_driver "$PF_BDF")" != vfio-pci ] ||
		eal+=(--vfio-vf-token="${VF_TOKEN:?no VF token: source pf.sh}")
	testpmd_start "$name" -l 0-1 -n 1 -d "$VF_PMD" -a "$VF_BDF" \
		--log-level=pmd.net.igb_vf:info "${eal[@]}" -- \
		--nb-cores=1 --total-num-mbufs=4096 "${app[@]}"
	assert_eq "$name: driver of port 0" net_igb_vf "$(testpmd_driver "$name" 0)"
}
