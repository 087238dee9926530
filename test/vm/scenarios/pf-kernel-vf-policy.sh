# summary: igb-pfd + kernel igbvf: pinned MAC refused, 40 multicast groups, shared VLAN 100, MTU 9000
# timeout: 900
# Policy as the kernel VF driver exercises it. (Promiscuous mode needs a
# VF driver that asks for it: kernel igbvf never does; pf-own-vf checks it
# with net_igb_vf.)
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"

VF0_MAC=$(vf_mac 0)

kmod igbvf
kmod 8021q
pfd_serve pfd 2
peer_up 9000
vf_up_igbvf 0 vf0 "$(vf_ip 0)/$NET_PREFIX"
vf0=$VF_IF
vf_up_igbvf 1 vf1 "$(vf_ip 1)/$NET_PREFIX"
vf1=$VF_IF

# 1. The VF may not move off its pinned MAC.
nacks=$(pfd_vf pfd 0 mbx_nacks)
if ip -n vf0 link set "$vf0" address 02:00:00:00:00:99 2> "$SCEN_OUT/setmac.err"; then
	fail "changing the pinned MAC succeeded"
fi
log "VF refused: $(cat "$SCEN_OUT/setmac.err")"
assert_eq "VF 0 MAC unchanged (igbvf)" "$VF0_MAC" \
	"$(ip netns exec vf0 cat "/sys/class/net/$vf0/address")"
assert_eq "VF 0 MAC unchanged (PF)" "$VF0_MAC" "$(pfd_vf pfd 0 mac)"
assert_num "PF NACKed the change" -gt "$nacks" "$(pfd_vf pfd 0 mbx_nacks)"

# 2. 40 multicast groups: the mailbox carries 30 hashes; the PF keeps
# them and multicast to a joined group still reaches the VF.
for i in $(seq 1 40); do
	ip -n vf0 maddr add "01:00:5e:00:01:$(printf %02x "$i")" dev "$vf0"
done
wait_for 10 "PF holds the VF's 30 multicast hashes" \
	test "$(pfd_vf pfd 0 mc_hashes)" -eq 30
mc0=$(pfd_vf pfd 0 rx_multicast)
ip route replace 224.0.0.0/4 dev "$PEER_IF"
ping -c 5 -i 0.1 -W 1 -I "$PEER_IF" 224.0.1.1 > /dev/null 2>&1 || true
wait_for 10 "multicast to 01:00:5e:00:01:01 counted by VF 0 (VFMPRC)" \
	test "$(pfd_vf pfd 0 rx_multicast)" -ge $((mc0 + 5))

# 3. VLAN 100 shared by both VFs; VF 0 leaves, VF 1 keeps receiving.
ip link add link "$PEER_IF" name peer.100 type vlan id 100
ip addr add 198.18.100.1/24 dev peer.100
ip link set peer.100 up
for n in 0 1; do
	ifc=$([ $n = 0 ] && echo "$vf0" || echo "$vf1")
	ip -n "vf$n" link add link "$ifc" name vl100 type vlan id 100
	ip -n "vf$n" addr add "198.18.100.$((n + 2))/24" dev vl100
	ip -n "vf$n" link set vl100 up
done
wait_for 10 "VLAN 100 in VF 0's filters" pfd_vf_has_vlan pfd 0 100
wait_for 10 "VLAN 100 in VF 1's filters" pfd_vf_has_vlan pfd 1 100
assert_num "ping loss peer -> VF 0 on VLAN 100 (%)" -eq 0 \
	"$(ping_loss 198.18.100.2 20)"
assert_num "ping loss peer -> VF 1 on VLAN 100 (%)" -eq 0 \
	"$(ping_loss 198.18.100.3 20)"
ip -n vf0 link del vl100
wait_for 10 "VF 0 left VLAN 100" pfd_vf_lacks_vlan pfd 0 100
pfd_vf_has_vlan pfd 1 100 || fail "VF 1 lost VLAN 100 when VF 0 left it"
log "ok: VF 1 still in VLAN 100 ($(pfd_vf pfd 1 vlans))"
assert_num "ping loss peer -> VF 1 on VLAN 100 after VF 0 left (%)" -eq 0 \
	"$(ping_loss 198.18.100.3 20)"

# 4. MTU 9000 on VF 1: jumbo pings both ways.
ip -n vf1 link set "$vf1" mtu 9000
wait_for 30 "VF 1 carrier after the MTU change" carrier "$vf1" vf1
wait_for 10 "PF took VF 1's max frame" \
	test "$(pfd_vf pfd 1 max_frame)" -ge 9018
assert_num "jumbo ping loss peer -> VF 1 (%)" -eq 0 \
	"$(ping_loss "$(vf_ip 1)" 10 -s 8900 -M "do")"
assert_num "jumbo ping loss VF 1 -> peer (%)" -eq 0 \
	"$(ping_loss -n vf1 "$PEER_IP" 10 -s 8900 -M "do")"
assert_eq "VF 0 max frame untouched" 1522 "$(pfd_vf pfd 0 max_frame)"
pfd_cmd pfd "show vfs"
pfd_stop pfd
