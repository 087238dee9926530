# summary: kernel igb PF + kernel igbvf VF in a namespace; 0% ping loss
# timeout: 180
# Proves the bench with drivers nobody here wrote: the Linux igb PF pins
# the VF's MAC before igbvf binds, and the virtio-net peer pings the VF.

kernel_pf_up 1
ip link set "$KPF_IF" vf 0 mac "$VF_MAC"
pci_bind "$(vf_bdf 0)" igbvf
vf=$(netdev_of "$(vf_bdf 0)")
assert_eq "VF MAC set by the PF" "$VF_MAC" "$(cat "/sys/class/net/$vf/address")"

peer_up
netns_add vf0 "$vf" "$VF_IP/$NET_PREFIX"
wait_for 30 "VF carrier" carrier "$vf" vf0

loss=$(ping_loss "$VF_IP" 20)
assert_num "ping loss peer -> VF (%)" -eq 0 "$loss"
loss=$(ping_loss -n vf0 "$PEER_IP" 20)
assert_num "ping loss VF -> peer (%)" -eq 0 "$loss"
