# summary: sriov-bench on DPDK's own net_e1000_igb PF: tx count, rx sink, fwd hairpin, counted at the virtio peer
# timeout: 600
# sriov-bench on a port whose driver nobody here wrote (Debian's DPDK igb
# PF driver, no VFs), against the kernel virtio-net peer on the hub.
# tx: exactly --count frames leave and reach the peer. rx, fwd: the peer
# pings an address whose MAC is nobody's; the port (promiscuous) takes the
# requests, and in fwd macswap mode sends each back to the peer. rx and fwd
# stop at --count frames (exact with one polling lcore); --duration is only
# the deadline.

# shellcheck source=../lib/sriov-bench.sh
. "$IGB_TOP/test/vm/lib/sriov-bench.sh"

FAR_IP=198.18.0.3
FAR_MAC=02:00:00:00:00:33
PINGS=100
EAL=(-l 0-1 -a "$PF_BDF")

peer_rx() { cat "/sys/class/net/$PEER_IF/statistics/rx_packets"; }

peer_up
pci_bind "$PF_BDF" vfio-pci
ip neigh replace "$FAR_IP" lladdr "$FAR_MAC" dev "$PEER_IF"

before=$(peer_rx)
sb_run tx "${EAL[@]}" -- --mode tx --count 1000 --rate 2000 \
	--dst-mac "$PEER_MAC" --dst-ip "$PEER_IP" --src-ip "$FAR_IP" \
	--link-wait 30 --quiet
assert_eq "driver of the port" net_e1000_igb "$(sb_json tx ports.0.driver)"
assert_eq "tx: frames sent" 1000 "$(sb_json tx tx.packets)"
assert_num "tx: port opackets" -eq 1000 "$(sb_json tx ports.0.opackets)"
assert_num "tx: frames at the peer" -ge 1000 $(($(peer_rx) - before))

sb_start rx "${EAL[@]}" -- --mode rx --count "$PINGS" --duration 60 \
	--link-wait 30 --quiet
ping -n -q -c $((PINGS + 50)) -i 0.02 -W 1 "$FAR_IP" > /dev/null 2>&1 || true
sb_wait rx 90
assert_eq "rx: frames received" "$PINGS" "$(sb_json rx rx.packets)"
assert_num "rx: port ipackets" -ge "$PINGS" "$(sb_json rx ports.0.ipackets)"

before=$(peer_rx)
sb_start fwd "${EAL[@]}" -- --mode fwd --fwd macswap --count "$PINGS" \
	--duration 60 --link-wait 30 --quiet
ping -n -q -c $((PINGS + 50)) -i 0.02 -W 1 "$FAR_IP" > /dev/null 2>&1 || true
sb_wait fwd 90
assert_eq "fwd: frames received" "$PINGS" "$(sb_json fwd rx.packets)"
assert_eq "fwd: frames sent back" "$PINGS" "$(sb_json fwd tx.packets)"
assert_eq "fwd: loss" 0 "$(sb_json fwd loss)"
assert_num "fwd: frames back at the peer" -ge "$PINGS" \
	$(($(peer_rx) - before))
note "tx $(sb_json tx tx.mpps) Mpps $(sb_json tx cycles_per_packet) cycles/pkt; fwd $(sb_json fwd rx.packets) frames"
