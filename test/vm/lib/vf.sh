#!/bin/bash
# The VF scenarios: the Linux igb PF owns the PF, our net_igb_vf (loaded
# into Debian's testpmd with -d, testpmd.sh vf_testpmd_start) drives VF 0.
[ -z "${IGB_LIB_VF:-}" ] || return 0
IGB_LIB_VF=1
# shellcheck source=bench.sh
. "$IGB_TOP/test/vm/lib/bench.sh"
# shellcheck source=testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"

# vf_kernel_pf_setup [MTU]: kernel PF up with one VF whose MAC the PF pins,
# the VF bound to vfio-pci. Sets PF_IF and VF_BDF.
vf_kernel_pf_setup() {
	[ -f "$VF_PMD" ] || fail "no VF PMD at $VF_PMD (build first)"
	kernel_pf_up 1
	PF_IF=${KPF_IF:?}
	[ -z "$1" ] || ip link set "$PF_IF" mtu "$1"
	ip link set "$PF_IF" vf 0 mac "$VF_MAC"
	VF_BDF=$(vf_bdf 0)
	pci_bind "$VF_BDF" vfio-pci
}

# vf_flow COUNT [SIZE]: COUNT UDP frames from the peer to the VF; prints
# "SENT RECEIVED" (frames that came back from the VF's MAC).
vf_flow() {
	python3 "$IGB_TOP/test/vm/lib/vf_flow.py" "$PEER_IF" "$VF_MAC" "$@" |
		sed -n 's/^sent=\([0-9]*\) received=\([0-9]*\)$/\1 \2/p'
}
