# summary: igb-pfd (net_igb_pf) + 2 kernel igbvf VFs in namespaces: peer<->VF and VF<->VF pings, 0% loss
# timeout: 600
# Our PF in userspace creates two VFs with pinned MACs; the kernel's igbvf
# drives them, each in its own namespace. Proves probe, VMDq, the mailbox
# reset/MAC handshake, per-VF counters and the NIC's VF-to-VF switch.
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"

VF0_MAC=$(vf_mac 0) VF1_MAC=$(vf_mac 1)
VF0_IP=$(vf_ip 0) VF1_IP=$(vf_ip 1)

kmod igbvf
pfd_serve pfd 2
assert_eq "VF 0 MAC pinned (PF view)" "$VF0_MAC" "$(pfd_vf pfd 0 mac)"

peer_up
vf_up_igbvf 0 vf0 "$VF0_IP/$NET_PREFIX"
vf0=$VF_IF
vf_up_igbvf 1 vf1 "$VF1_IP/$NET_PREFIX"
vf1=$VF_IF
assert_eq "VF 0 MAC as igbvf reports it" "$VF0_MAC" \
	"$(ip netns exec vf0 cat "/sys/class/net/$vf0/address")"
assert_eq "VF 1 MAC as igbvf reports it" "$VF1_MAC" \
	"$(ip netns exec vf1 cat "/sys/class/net/$vf1/address")"
pfd_show pfd 0
assert_eq "VF 0 state" active "$(pfd_get state)"
assert_num "VF 0 reset handshakes" -ge 1 "$(pfd_get mbx_resets)"

assert_num "ping loss peer -> VF 0 (%)" -eq 0 "$(ping_loss "$VF0_IP" 20)"
assert_num "ping loss peer -> VF 1 (%)" -eq 0 "$(ping_loss "$VF1_IP" 20)"
assert_num "ping loss VF 0 -> peer (%)" -eq 0 \
	"$(ping_loss -n vf0 "$PEER_IP" 20)"
assert_num "ping loss VF 1 -> peer (%)" -eq 0 \
	"$(ping_loss -n vf1 "$PEER_IP" 20)"
# VF to VF: the NIC switches it internally (DTXSWC loopback).
assert_num "ping loss VF 0 -> VF 1 (%)" -eq 0 \
	"$(ping_loss -n vf0 "$VF1_IP" 20)"
assert_num "ping loss VF 1 -> VF 0 (%)" -eq 0 \
	"$(ping_loss -n vf1 "$VF0_IP" 20)"

# Per-VF counters (VMDq mode): VF 0 received and sent at least its pings.
pfd_show pfd 0
assert_num "VF 0 received packets (VFGPRC)" -ge 60 "$(pfd_get rx_packets)"
assert_num "VF 0 sent packets (VFGPTC)" -ge 60 "$(pfd_get tx_packets)"
pfd_cmd pfd "show vfs"
pfd_cmd pfd mbx

pfd_stop pfd
assert_eq "VFs removed when igb-pfd quits" 0 "$(pf_numvfs)"
