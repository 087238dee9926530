# summary: kernel igb PF; net_igb_vf in testpmd icmpecho answers 100 pings; port Rx bytes = queue bytes
# timeout: 720
# The PF pins the VF's MAC; our PMD must learn it in the reset handshake
# and answer ARP and ICMP echo from the virtio-net peer without loss.
. "$IGB_TOP/test/vm/lib/vf.sh"

vf_kernel_pf_setup ""
peer_up
vf_testpmd_start vf
mac=$(testpmd_mac vf 0)
assert_eq "VF MAC reported by the port" "$VF_MAC" "$mac"
testpmd_cmd vf "set fwd icmpecho" > /dev/null
testpmd_cmd vf "start" > /dev/null
testpmd_wait_link vf

loss=$(ping_loss "$VF_IP" 100)
assert_num "ping loss peer -> VF (%)" -eq 0 "$loss"
rx=$(testpmd_stat vf 0 RX-packets)
assert_num "packets the VF received" -ge 100 "$rx"
# Port totals come from the pool's counters, which count the FCS: the
# port's Rx bytes must be the queue's (both without it). (Tx differs by
# the padding of short frames, which the NIC adds and counts.)
bytes=$(testpmd_xstat vf 0 rx_q0_bytes rx_good_bytes)
assert_num "queue 0 received bytes" -gt 0 "${bytes% *}"
assert_eq "port Rx bytes = queue 0's Rx bytes (no FCS)" \
	"${bytes% *}" "${bytes#* }"
testpmd_stop vf
