# summary: igb-pfd (net_igb_pf) + testpmd on net_igb_vf (shared VF token): VF answers pings; promiscuous needs trust; 31 multicast addresses: 30 hashes and the overflow at the PF, VMOLR.MPME set, cleared at 30; all-multicast sets and clears MPME (QEMU ignores MPME: no delivery checked)
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

# More multicast addresses than the PF's 30 hashes: net_igb_vf sends 30
# with the overflow flag and asks for multicast promiscuous; the PF sets
# VMOLR.MPME for the pool. Then all-multicast mode, on and off. What is
# checked is the request, the PF's state and the register: QEMU stores
# MPME without applying it, so delivery past the 30th group cannot be
# shown on this bench.
mc() { printf '01:00:5e:00:02:%02x' "$1"; }
for i in $(seq 1 31); do
	out=$(testpmd_cmd vf "mcast_addr add 0 $(mc "$i")")
	[[ ! "$out" =~ [Ee]rror|[Ff]ail ]] || fail "mcast_addr add $i: $out"
done
assert_match "VF driver reports the overflow" \
	"31 multicast addresses exceed the 30 the PF filters" \
	"$(cat "$SCEN_OUT/vf.log")"
wait_for 10 "PF took VF 0's overflow flag" \
	test "$(pfd_vf pfd 0 mc_overflow)" = 1
pfd_show pfd 0
assert_eq "PF holds 30 hashes" 30 "$(pfd_get mc_hashes)"
assert_eq "VF 0 multicast promiscuous at the PF" 1 \
	"$(pfd_get promisc_multicast)"
assert_eq "VF 0's pool multicast promiscuous (VMOLR.MPME)" 1 \
	"$(tel_value pfd /igb_pf/regs 0 hw_allmulti)"
testpmd_cmd vf "mcast_addr remove 0 $(mc 31)" > /dev/null
wait_for 10 "overflow withdrawn at 30 addresses" \
	test "$(pfd_vf pfd 0 mc_overflow)" = 0
assert_eq "MPME cleared at 30 addresses" 0 \
	"$(tel_value pfd /igb_pf/regs 0 hw_allmulti)"
for mode in on off; do
	bit=$([ $mode = on ] && echo 1 || echo 0)
	testpmd_cmd vf "set allmulti 0 $mode" > /dev/null
	wait_for 10 "all-multicast $mode at the PF" \
		test "$(pfd_vf pfd 0 promisc_multicast)" = "$bit"
	assert_eq "all-multicast $mode: VMOLR.MPME" "$bit" \
		"$(tel_value pfd /igb_pf/regs 0 hw_allmulti)"
done
testpmd_stop vf
pfd_stop pfd
