# summary: the README demo: our drivers (or the kernel's where ours are not built) moving packets through a VF
# timeout: 300
# Not part of the test suite (devtools/test.sh skips it): devtools/demo.sh
# runs it and prints $SCEN_OUT/summary, a short account for a person.

VF_MAC=02:00:00:00:00:10
VF_IP=198.18.0.2
sum=$SCEN_OUT/summary
say() { echo "$*" | tee -a "$sum"; }

vf_pmd=$IGB_BUILD/drivers/librte_net_igb_vf.so
say "guest: Linux $(uname -r), QEMU igb (82576) PF $PF_BDF + virtio-net peer on one hub"
kernel_pf_up 1
ip link set "$KPF_IF" vf 0 mac "$VF_MAC"
vf=$(vf_bdf 0)
say "PF $PF_BDF: Linux igb ($KPF_IF), VF 0 MAC pinned to $VF_MAC"
peer_up

if [ -f "$vf_pmd" ]; then
	pci_bind "$vf" vfio-pci
	testpmd_start vf -l 0-1 -n 1 -d "$vf_pmd" -a "$vf" -- \
		--forward-mode=icmpecho --nb-cores=1 --total-num-mbufs=2048
	drv=$(testpmd_driver vf 0)
	say "VF $vf: vfio-pci, testpmd port 0 driver $drv, MAC $(testpmd_mac vf 0)"
	testpmd_cmd vf start > /dev/null
	wait_for 30 "VF port link up" sh -c \
		"grep -q 'Port 0: link state change event\|Link status: up' '$SCEN_OUT/vf.log'"
else
	pci_bind "$vf" igbvf
	ifc=$(netdev_of "$vf")
	netns_add vf0 "$ifc" "$VF_IP/$NET_PREFIX"
	wait_for 30 "VF carrier" carrier "$ifc" vf0
	drv="igbvf (kernel; our VF PMD is not built)"
	say "VF $vf: Linux igbvf ($ifc in netns vf0, $VF_IP)"
fi

before_tx=$(cat "/sys/class/net/$PEER_IF/statistics/tx_packets")
before_rx=$(cat "/sys/class/net/$PEER_IF/statistics/rx_packets")
loss=$(ping_loss "$VF_IP" 50)
sent=$(($(cat "/sys/class/net/$PEER_IF/statistics/tx_packets") - before_tx))
got=$(($(cat "/sys/class/net/$PEER_IF/statistics/rx_packets") - before_rx))
say "traffic: 50 pings $PEER_IP -> $VF_IP: ${loss}% loss;" \
	"peer sent $sent frames to the VF and received $got back"
if [ -f "$vf_pmd" ]; then
	say "VF port counters: RX $(testpmd_stat vf 0 RX-packets)," \
		"TX $(testpmd_stat vf 0 TX-packets)"
	testpmd_stop vf
fi
assert_num "ping loss (%)" -eq 0 "$loss"
