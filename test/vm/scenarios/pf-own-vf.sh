# summary: igb-pfd (net_igb_pf) + testpmd on net_igb_vf (shared VF token): VF answers pings; promiscuous needs trust
# timeout: 900
# Both of our PMDs, each in its own DPDK process: the PF process creates
# the VF and holds the VF token, the VF process opens the VF with it.
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"
# shellcheck source=../lib/vf.sh
. "$IGB_TOP/test/vm/lib/vf.sh"

VF0_MAC=02:00:00:00:00:10
VF0_IP=198.18.0.2

[ -f "$VF_PMD" ] || fail "no VF PMD at $VF_PMD (build first)"
pf_setup
pfd_start pfd -- --pci "$PF_BDF" --num-vfs 1 --vf "0,mac=$VF0_MAC"
assert_eq "PF driver" net_igb_pf "$(pfd_driver pfd)"
bdf=$(vf_bdf 0)
wait_for 20 "VF 0 at $bdf" test -e "$(pci_dev "$bdf")"
pci_bind "$bdf" vfio-pci
peer_up

TP_START_SECS=${TP_START_SECS:-420} testpmd_start vf -l 0-1 -n 1 \
	-d "$VF_PMD" -a "$bdf" --vfio-vf-token="$VF_TOKEN" -- \
	--nb-cores=1 --total-num-mbufs=4096
assert_eq "VF port driver" net_igb_vf "$(testpmd_driver vf 0)"
assert_eq "VF MAC from the PF" "$VF0_MAC" \
	"$(testpmd_mac vf 0 | tr 'A-F' 'a-f')"
testpmd_cmd vf "set fwd icmpecho" > /dev/null
testpmd_cmd vf start > /dev/null
wait_for 60 "VF port link up" testpmd_link_up vf 0
assert_num "ping loss peer -> our VF (%)" -eq 0 "$(ping_loss "$VF0_IP" 50)"
assert_eq "VF 0 active at the PF" active "$(pfd_vf pfd 0 state)"

# Unicast promiscuous is for trusted VFs only.
nacks=$(pfd_vf pfd 0 mbx_nacks)
out=$(testpmd_cmd vf "set promisc 0 on")
assert_match "VF driver reports the refusal" "Error during enabling promisc" \
	"$out"
pfd_show pfd 0
assert_num "PF NACKed the request" -gt "$nacks" "$(pfd_get mbx_nacks)"
assert_eq "promiscuous refused to the untrusted VF" 0 \
	"$(pfd_get promisc_unicast)"
pfd_cmd pfd "set vf 0 trust on"
out=$(testpmd_cmd vf "set promisc 0 on")
case "$out" in
*Error*) fail "promiscuous refused to the trusted VF: $out" ;;
esac
wait_for 10 "promiscuous granted to the trusted VF" \
	test "$(pfd_vf pfd 0 promisc_unicast)" = 1
testpmd_cmd vf "set promisc 0 off"
testpmd_stop vf
pfd_stop pfd
