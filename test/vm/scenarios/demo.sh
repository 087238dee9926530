# summary: the README demo: our PF (igb-pfd) and our VF (testpmd) moving packets; kernel drivers if ours are not built
# timeout: 900
# dpdk-plugins: all
# Not part of the test suite (devtools/test.sh skips it): devtools/demo.sh
# runs it and prints $SCEN_OUT/summary, a short account for a person. It
# keeps all of Debian's DPDK plugins, as a user's machine has them: our
# PMDs must win the probe against upstream's and load beside the rest.
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"
# shellcheck source=../lib/testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"

sum=$SCEN_OUT/summary
say() { echo "$*" | tee -a "$sum"; }
peer_count() { cat "/sys/class/net/$PEER_IF/statistics/$1_packets"; }

say "guest: Linux $(uname -r); QEMU igb (82576) PF $PF_BDF and a virtio-net peer on one hub"
vf=$(vf_bdf 0)
ours=0
[ -f "$PF_PMD" ] && [ -x "$PFD" ] && [ -f "$VF_PMD" ] && ours=1
if [ $ours = 1 ]; then
	t0=$(date +%s)
	pfd_serve pfd 1
	say "PF $PF_BDF: vfio-pci, igb-pfd, driver $(pfd_driver pfd);" \
		"it created VF 0 with MAC $VF_MAC (PF bound and igb-pfd ready in" \
		"$(($(date +%s) - t0)) s)"
	vf_vfio 0
	peer_up
	t0=$(date +%s)
	vf_testpmd_start vf -- --forward-mode=icmpecho
	say "VF $vf: vfio-pci, testpmd port 0, driver $(testpmd_driver vf 0)," \
		"MAC $(testpmd_mac vf 0) (from the PF; testpmd ready in" \
		"$(($(date +%s) - t0)) s)"
	testpmd_cmd vf start > /dev/null
	testpmd_wait_link vf
else
	kernel_pf_up 1
	ip link set "$KPF_IF" vf 0 mac "$VF_MAC"
	say "PF $PF_BDF: Linux igb ($KPF_IF; our PF driver is not built)"
	pci_bind "$vf" igbvf
	ifc=$(netdev_of "$vf")
	peer_up
	netns_add vf0 "$ifc" "$VF_IP/$NET_PREFIX"
	wait_for 30 "VF carrier" carrier "$ifc" vf0
	say "VF $vf: Linux igbvf ($ifc in netns vf0, $VF_IP; our VF driver is not built)"
fi

tx0=$(peer_count tx)
rx0=$(peer_count rx)
loss=$(ping_loss "$VF_IP" 50)
say "traffic: 50 pings $PEER_IP -> $VF_IP, ${loss}% loss; the peer sent" \
	"$(($(peer_count tx) - tx0)) frames towards the VF and received" \
	"$(($(peer_count rx) - rx0)) back"
if [ $ours = 1 ]; then
	say "VF port counters: RX $(testpmd_stat vf 0 RX-packets)," \
		"TX $(testpmd_stat vf 0 TX-packets); PF view of VF 0:" \
		"state $(pfd_vf pfd 0 state), mailbox NACKs $(pfd_vf pfd 0 mbx_nacks)"
	# testpmd turns promiscuous mode on at start; the PF grants unicast
	# promiscuous to trusted VFs only.
	grep -q "Error during enabling promiscuous mode" "$SCEN_OUT/vf.log" &&
		say "(the NACK: testpmd asks for promiscuous mode at start; the" \
			"PF refuses it to an untrusted VF, testpmd goes on)"
	testpmd_stop vf
	pfd_stop pfd
fi
assert_num "ping loss (%)" -eq 0 "$loss"
