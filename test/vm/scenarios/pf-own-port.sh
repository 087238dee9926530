# summary: testpmd on net_igb_pf (-d, driver name checked): the PF's own queues (pool 7) answer pings
# timeout: 600
# The PF's own Rx/Tx through the shared burst code, on the last pool's
# queue, with one VF present so the PF really runs in VMDq mode.
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"
# shellcheck source=../lib/testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"

PF_IP=198.18.0.9

pf_setup
peer_up
testpmd_start pf -l 0-1 -n 1 \
	-d "$PF_PMD" -a "$PF_BDF,num_vfs=1" --vfio-vf-token="$VF_TOKEN" -- \
	--nb-cores=1 --total-num-mbufs=4096
assert_eq "PF port driver" net_igb_pf "$(testpmd_driver pf 0)"
assert_eq "VF created by the PMD" 1 "$(pf_numvfs)"
pf_mac=$(testpmd_mac pf 0)
testpmd_cmd pf "set fwd icmpecho" > /dev/null
testpmd_cmd pf start > /dev/null
testpmd_wait_link pf
assert_num "ping loss peer -> PF (%)" -eq 0 "$(ping_loss "$PF_IP" 30)"
assert_eq "the PF answered ARP with its own MAC" "$pf_mac" \
	"$(ip neigh show "$PF_IP" | awk '{ print $5 }')"
assert_num "PF port received" -ge 30 "$(testpmd_stat pf 0 RX-packets)"
testpmd_stop pf
assert_eq "VFs removed at close" 0 "$(pf_numvfs)"
