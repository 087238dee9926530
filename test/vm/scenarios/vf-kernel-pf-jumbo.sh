# summary: kernel igb PF; MTU 9000 on both sides, 8972-byte pings to net_igb_vf (scattered Rx) pass
# timeout: 780
# Frames of 9014 bytes (max 9022 with a tag) span several 2 KiB mbufs: scattered Rx chains them,
# icmpecho answers with the chain, the PF allows the VF's SET_LPE.
. "$IGB_TOP/test/vm/lib/vf.sh"

vf_kernel_pf_setup 9000
peer_up 9000
vf_testpmd_start vf -- --enable-scatter --max-pkt-len=9022
mtu=$(testpmd_cmd vf "show port info 0" | sed -n 's/^MTU: *//p' | tr -d '\r')
assert_eq "VF port MTU" 9000 "$mtu"
testpmd_cmd vf "set fwd icmpecho" > /dev/null
testpmd_cmd vf start > /dev/null
testpmd_wait_link vf
# Scattered Rx needs the full Rx function.
rx_mode=$(testpmd_burst_modes vf 0)
assert_eq "VF Rx burst function with scattered Rx" Scalar "${rx_mode%%/*}"

loss=$(ping_loss "$VF_IP" 20 -M "do" -s 8972)
assert_num "8972-byte ping loss peer -> VF (%)" -eq 0 "$loss"
loss=$(ping_loss "$VF_IP" 20 -s 56)
assert_num "small ping loss peer -> VF (%)" -eq 0 "$loss"
testpmd_stop vf
