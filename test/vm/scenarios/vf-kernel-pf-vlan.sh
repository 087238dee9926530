# summary: kernel igb PF; VLAN 100 pings reach net_igb_vf only while it filters VLAN 100; port VLAN from the PF tags the VF's replies; strip/insert offloads agree
# timeout: 1000
# The peer pings through its VLAN 100 interface. testpmd (icmpecho) answers
# in the frame's own VLAN; with strip on it needs Tx insertion of VLAN 100.
. "$IGB_TOP/test/vm/lib/vf.sh"
VLAN_PEER_IP=198.18.1.1
VLAN_VF_IP=198.18.1.2

vlan_loss() { # COUNT
	ping_loss "$VLAN_VF_IP" "$1"
}

vf_kernel_pf_setup ""
peer_up
kmod 8021q
ip link add link "$PEER_IF" name peer.100 type vlan id 100
ip addr add "$VLAN_PEER_IP/24" dev peer.100
ip link set peer.100 up
vf_testpmd_start vf
testpmd_cmd vf "set fwd icmpecho" > /dev/null
testpmd_cmd vf "vlan set filter on 0" > /dev/null
testpmd_cmd vf start > /dev/null
testpmd_wait_link vf

assert_num "tagged ping loss, no VLAN filter on the VF (%)" -eq 100 \
	"$(vlan_loss 5)"
out=$(testpmd_cmd vf "rx_vlan add 100 0")
[[ ! "$out" =~ [Ee]rror|[Ff]ail ]] || fail "rx_vlan add 100 refused: $out"
log "ok: rx_vlan add 100 accepted"
assert_num "tagged ping loss, VLAN 100 filtered in (%)" -eq 0 \
	"$(vlan_loss 10)"
assert_num "untagged ping loss meanwhile (%)" -eq 0 \
	"$(ping_loss "$VF_IP" 5)"

# Strip on: the tag comes in the descriptor; insertion puts it back.
testpmd_port_restart vf "vlan set strip on 0" "tx_vlan set 0 100"
assert_num "tagged ping loss, strip + insert (%)" -eq 0 "$(vlan_loss 10)"
testpmd_port_restart vf "vlan set strip off 0" "tx_vlan reset 0"
assert_num "tagged ping loss, no offloads (%)" -eq 0 "$(vlan_loss 10)"

testpmd_cmd vf "rx_vlan rm 100 0" > /dev/null
assert_num "tagged ping loss, VLAN 100 removed (%)" -eq 100 \
	"$(vlan_loss 5)"

# Port VLAN: the PF inserts and strips VLAN 100 for the VF, whose untagged
# replies must leave tagged.
ip link set "$PF_IF" vf 0 vlan 100
sleep 1
for strip in off on; do
	testpmd_port_restart vf "vlan set strip $strip 0"
	assert_num "tagged ping loss, port VLAN 100, strip $strip (%)" -eq 0 \
		"$(vlan_loss 10)"
done
testpmd_stop vf
