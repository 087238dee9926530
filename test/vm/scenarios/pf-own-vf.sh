# summary: igb-pfd (net_igb_pf) + testpmd on net_igb_vf (shared VF token): VF answers pings; promiscuous needs trust
# timeout: 900
# Both of our PMDs, each in its own DPDK process: the PF process creates
# the VF and holds the VF token, the VF process opens the VF with it.
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"
# shellcheck source=../lib/testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"

pfd_serve pfd 1
vf_vfio 0
peer_up

vf_testpmd_start vf
assert_eq "VF MAC from the PF" "$VF_MAC" "$(testpmd_mac vf 0)"
testpmd_cmd vf "set fwd icmpecho" > /dev/null
testpmd_cmd vf start > /dev/null
testpmd_wait_link vf
assert_num "ping loss peer -> our VF (%)" -eq 0 "$(ping_loss "$VF_IP" 50)"
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
