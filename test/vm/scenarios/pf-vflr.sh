# summary: igb-pfd + kernel igbvf: a VF reset by FLR comes back with its admin settings and passes traffic
# timeout: 600
# The administrator pins VF 0's MAC, trusts it and turns spoof checking
# off. The VF is unbound, reset through sysfs (a PCIe FLR: VFLRE on the
# PF) and bound again: the PF must have restored its filters and kept the
# admin settings, and pings must flow again.
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"


kmod igbvf
pfd_serve pfd 1 --vf 0,trust=on
pfd_cmd pfd "set vf 0 spoofchk off"
peer_up
vf_up_igbvf 0 vf0 "$VF_IP/$NET_PREFIX"
assert_num "ping loss before FLR (%)" -eq 0 "$(ping_loss "$VF_IP" 20)"
flrs=$(pfd_vf pfd 0 flrs)

bdf=$(vf_bdf 0)
ip netns del vf0
echo "$bdf" > "$(pci_dev "$bdf")/driver/unbind"
echo 1 > "$(pci_dev "$bdf")/reset"
log "VF 0 unbound and reset (FLR)"
wait_for 10 "PF saw the FLR" \
	test "$(pfd_vf pfd 0 flrs)" -gt "$flrs"
pfd_show pfd 0
assert_eq "VF 0 waits for its reset after FLR" reset "$(pfd_get state)"
assert_eq "pinned MAC kept over FLR" "$VF_MAC" "$(pfd_get mac)"
assert_eq "trust kept over FLR" 1 "$(pfd_get trusted)"
assert_eq "spoof check setting kept over FLR" 0 "$(pfd_get mac_anti_spoof)"

vf_up_igbvf 0 vf0b "$VF_IP/$NET_PREFIX"
assert_eq "VF 0 MAC after FLR (igbvf)" "$VF_MAC" \
	"$(ip netns exec vf0b cat "/sys/class/net/$VF_IF/address")"
assert_eq "VF 0 active again" active "$(pfd_vf pfd 0 state)"
assert_num "ping loss after FLR (%)" -eq 0 "$(ping_loss "$VF_IP" 20)"
assert_num "ping loss VF -> peer after FLR (%)" -eq 0 \
	"$(ping_loss -n vf0b "$PEER_IP" 20)"
pfd_stop pfd
