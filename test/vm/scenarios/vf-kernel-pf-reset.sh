# summary: kernel igb PF reset (link down/up) under testpmd; net_igb_vf (scalar paths: --force-max-simd-bitwidth=64) raises the reset event, recovers via port reset, pings pass
# timeout: 900
# igb pings its VFs without clear-to-send and resets on "ip link down";
# the VF must report RTE_ETH_EVENT_INTR_RESET and come back after
# "port reset" with the PF's MAC and working traffic.
. "$IGB_TOP/test/vm/lib/vf.sh"

vf_kernel_pf_setup ""
peer_up
# The scalar burst functions here, as DPDK users get them by asking EAL
# for no SIMD (the other VF scenarios run the vector ones).
vf_testpmd_start vf --force-max-simd-bitwidth=64
testpmd_cmd vf "set fwd icmpecho" > /dev/null
testpmd_cmd vf start > /dev/null
testpmd_wait_link vf
assert_eq "VF burst functions at SIMD bitwidth 64 (Rx/Tx)" \
	"Scalar simple/Scalar simple" "$(testpmd_burst_modes vf 0)"
loss=$(ping_loss "$VF_IP" 10)
assert_num "ping loss before the PF reset (%)" -eq 0 "$loss"

ip link set "$PF_IF" down
wait_for 30 "reset event in testpmd" grep -q "Port 0: reset event" "$SCEN_OUT/vf.log"
wait_for 30 "VF link down in testpmd" testpmd_link_down vf 0
ip link set "$PF_IF" up
wait_for 30 "PF carrier back" carrier "$PF_IF"

testpmd_cmd vf stop > /dev/null
testpmd_cmd vf "port stop 0" > /dev/null
out=$(testpmd_cmd vf "port reset 0" 60)
echo "$out"
assert_match "port reset result" "Resetting ports|Done" "$out"
testpmd_cmd vf "port start 0" 60 > /dev/null
testpmd_cmd vf start > /dev/null
testpmd_wait_link vf
mac=$(testpmd_mac vf 0)
assert_eq "VF MAC after reset" "$VF_MAC" "$mac"
loss=$(ping_loss "$VF_IP" 20)
assert_num "ping loss after recovery (%)" -eq 0 "$loss"
testpmd_stop vf
