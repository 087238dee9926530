#!/bin/bash
# Helpers for the VF scenarios: the Linux igb PF owns the PF, our
# net_igb_vf (loaded into Debian's testpmd with -d) drives VF 0.
# Sourced by scenarios after bench.sh.

export VF_MAC=02:00:00:00:00:10
export VF_IP=198.18.0.2
VF_SO=$IGB_BUILD/drivers/net/igb_vf/librte_net_igb_vf.so

# vf_kernel_pf_setup [MTU]: kernel PF up with one VF whose MAC the PF pins,
# the VF bound to vfio-pci. Sets PF_IF and VF_BDF.
vf_kernel_pf_setup() {
	[ -f "$VF_SO" ] || fail "no VF PMD at $VF_SO (build first)"
	kernel_pf_up 1
	PF_IF=${KPF_IF:?}
	[ -z "$1" ] || ip link set "$PF_IF" mtu "$1"
	ip link set "$PF_IF" vf 0 mac "$VF_MAC"
	VF_BDF=$(vf_bdf 0)
	pci_bind "$VF_BDF" vfio-pci
}

# vf_testpmd_start NAME [EAL ARGS...] [-- TESTPMD ARGS...]: testpmd on VF 0
# with our PMD; checks the port is ours.
vf_testpmd_start() {
	local name=$1 eal=() app=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		eal+=("$1")
		shift
	done
	[ $# -eq 0 ] || shift
	app=("$@")
	# A loaded machine slows the TCG guest: allow a long start.
	TP_START_SECS=${TP_START_SECS:-420} testpmd_start "$name" -l 0-1 -n 1 -d "$VF_SO" -a "$VF_BDF" \
		--log-level=pmd.net.igb_vf:info "${eal[@]}" -- \
		--nb-cores=1 --total-num-mbufs=4096 "${app[@]}"
	assert_eq "driver of port 0" net_igb_vf "$(testpmd_driver "$name" 0)"
}

# testpmd_link_up NAME PORT: succeeds when testpmd reports link up.
testpmd_link_up() {
	testpmd_cmd "$1" "show port info $2" | grep -q 'Link status: up'
}

testpmd_link_down() {
	testpmd_cmd "$1" "show port info $2" | grep -q 'Link status: down'
}

vf_wait_link() { # NAME
	wait_for 30 "VF port link up in testpmd $1" testpmd_link_up "$1" 0
}

# vf_mbufs_in_use NAME: mbufs of testpmd's pool not in the pool (nor in a
# per-lcore cache), from "dump_mempool".
vf_mbufs_in_use() {
	testpmd_cmd "$1" dump_mempool | tr -d '\r' | awk '
		/^mempool </ { f = ($0 ~ /^mempool <mb_pool_0>/) }
		f && /^  size=/ { split($0, a, "="); size = a[2] }
		f && /total_cache_count=/ { split($0, a, "="); cache = a[2] }
		f && /common_pool_count=/ { split($0, a, "="); pool = a[2] }
		END { if (size == "") print "none"; else print size - cache - pool }'
}

# vf_flow COUNT [SIZE]: COUNT UDP frames from the peer to the VF; prints
# "SENT RECEIVED" (frames that came back from the VF's MAC).
vf_flow() {
	python3 "$IGB_TOP/test/vm/lib/vf_flow.py" "$PEER_IF" "$VF_MAC" "$@" |
		sed -n 's/^sent=\([0-9]*\) received=\([0-9]*\)$/\1 \2/p'
}

# vf_port_restart NAME: stop forwarding and the port, start both again.
vf_port_restart() {
	testpmd_cmd "$1" stop > /dev/null
	testpmd_cmd "$1" "port stop 0" > /dev/null
	testpmd_cmd "$1" "port start 0" > /dev/null
	testpmd_cmd "$1" start > /dev/null
}
