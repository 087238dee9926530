# summary: kernel igb PF + upstream DPDK net_e1000_igb_vf (testpmd icmpecho); reports what happens
# timeout: 420
# The anchor for comparison: DPDK's own VF driver as Debian ships it,
# against the Linux PF. Asserted: the VF is created, bound to vfio-pci and
# claimed by net_e1000_igb_vf. Measured and reported in the result line:
# whether the probe completes, the MAC it gets, echo replies. A failure of
# that upstream driver is an XFAIL with its reason, not a pass.
# shellcheck source=../lib/testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"
PROBE_SECS=240

kernel_pf_up 1
ip link set "$KPF_IF" vf 0 mac "$VF_MAC"
vf=$(vf_bdf 0)
pci_bind "$vf" vfio-pci
peer_up

if ! TP_SOFT=1 TP_START_SECS=$PROBE_SECS testpmd_start up -l 0-1 -n 1 \
	-a "$vf" -- --forward-mode=icmpecho --nb-cores=1 \
	--total-num-mbufs=2048; then
	assert_match "EAL chose the upstream VF driver" \
		"Probe PCI driver: net_e1000_igb_vf \(8086:10ca\) device: $vf" \
		"$(cat "$SCEN_OUT/up.log")"
	xfail "upstream igb_vf probe did not finish within ${PROBE_SECS}s"
fi
assert_eq "driver of the VF port" net_e1000_igb_vf "$(testpmd_driver up 0)"
mac=$(testpmd_mac up 0)
assert_match "VF port MAC" '^([0-9a-f]{2}:){5}[0-9a-f]{2}$' "$mac"
testpmd_cmd up start > /dev/null
sleep 2
ip neigh replace "$VF_IP" lladdr "$mac" dev "$PEER_IF"
loss=$(ping_loss "$VF_IP" 20)
rx=$(testpmd_stat up 0 RX-packets)
tx=$(testpmd_stat up 0 TX-packets)
testpmd_stop up

summary="MAC $mac (PF set $VF_MAC), ping loss ${loss}%, port rx $rx tx $tx"
if [ "$mac" = "$VF_MAC" ] && [ "$loss" = 0 ]; then
	note "upstream igb_vf works: $summary"
else
	xfail "upstream igb_vf: $summary"
fi
