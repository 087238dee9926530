# summary: kernel igb PF; testpmd macswap on net_igb_vf (vector Rx/Tx) returns a 1000-frame flow; counters agree, no mbuf leak
# timeout: 780
# Every frame the peer sends must come back, the VF port must count as many
# in as out, and stopping the port must give every mbuf back to the pool.
. "$IGB_TOP/test/vm/lib/vf.sh"
N=1000

vf_kernel_pf_setup ""
peer_up
vf_testpmd_start vf --iova-mode=pa
testpmd_cmd vf "port stop 0" > /dev/null
idle=$(testpmd_mbufs_in_use vf)
assert_num "mbufs in use, port stopped, before the flow" -ge 0 "$idle"
testpmd_cmd vf "port start 0" > /dev/null
testpmd_cmd vf "set fwd macswap" > /dev/null
testpmd_cmd vf start > /dev/null
testpmd_wait_link vf
assert_eq "VF burst functions (Rx/Tx)" "Vector SSE4.1/Vector SSE4.1" \
	"$(testpmd_burst_modes vf 0)"
busy=$(testpmd_mbufs_in_use vf)
assert_num "mbufs held by the started port (Rx ring)" -gt "$idle" "$busy"
testpmd_cmd vf "clear port stats 0" > /dev/null

flow=$(vf_flow "$N")
read -r sent back <<< "$flow"
assert_num "frames the peer sent" -eq "$N" "$sent"
assert_num "frames returned by the VF" -eq "$N" "$back"

testpmd_cmd vf stop > /dev/null
rx=$(testpmd_stat vf 0 RX-packets)
tx=$(testpmd_stat vf 0 TX-packets)
assert_num "VF port RX-packets" -ge "$N" "$rx"
assert_num "VF port TX-packets" -eq "$rx" "$tx"
testpmd_cmd vf "show port xstats 0" | grep -E "good_packets|_hw" | head -8

testpmd_cmd vf "port stop 0" > /dev/null
after=$(testpmd_mbufs_in_use vf)
assert_num "mbufs in use, port stopped, after the flow" -eq "$idle" "$after"
testpmd_stop vf
