#!/bin/bash
# Helpers for the VF scenarios: the Linux igb PF owns the PF, our
# net_igb_vf (loaded into Debian's testpmd with -d) drives VF 0.
# Sourced by scenarios after bench.sh.

VF_MAC=02:00:00:00:00:10
VF_IP=198.18.0.2
VF_SO=$IGB_BUILD/drivers/net/igb_vf/librte_net_igb_vf.so

# vf_kernel_pf_setup [MTU]: kernel PF up with one VF whose MAC the PF pins,
# the VF bound to vfio-pci. Sets PF_IF and VF_BDF.
vf_kernel_pf_setup() {
	[ -f "$VF_SO" ] || fail "no VF PMD at $VF_SO (build first)"
	kernel_pf_up 1
	PF_IF=$KPF_IF
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
	testpmd_start "$name" -l 0-1 -n 1 -d "$VF_SO" -a "$VF_BDF" \
		--log-level=pmd.net.igb_vf:info "${eal[@]}" -- \
		--nb-cores=1 --total-num-mbufs=4096 "${app[@]}"
	assert_eq "driver of port 0" net_igb_vf "$(testpmd_driver "$name" 0)"
}

# testpmd_link_up NAME PORT: succeeds when testpmd reports link up.
testpmd_link_up() {
	testpmd_cmd "$1" "show port info $2" | grep -q 'Link status: up'
}

vf_wait_link() { # NAME
	wait_for 30 "VF port link up in testpmd $1" testpmd_link_up "$1" 0
}
