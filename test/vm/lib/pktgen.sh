#!/bin/bash
# A steady flood from the virtio-net peer with the guest kernel's pktgen:
# COUNT UDP frames to one MAC at a fixed rate. Needs PEER_IF (peer_up).
#
#   flood_prepare DST_MAC DST_IP PPS COUNT [SIZE]  set it up (SIZE: on
#                                                  the wire, FCS included;
#                                                  64); slow in a loaded
#                                                  guest, so before the
#                                                  measured run
#   flood_start                                    start, in the background
#   flood_stop                                     wait for the end (or
#                                                  stop it); sets FLOOD_SENT
#
# A rate, not "as fast as it can": unpaced, pktgen keeps its CPU busy and
# starves everything else in the 2-CPU TCG guest (a few thousand frames
# per second is all the emulated virtio-net path gives anyway); paced, it
# sleeps between frames.
#
# pktgen's thread for CPU 0 sends; the writer of "start" to pgctrl waits
# until the thread stops, and a signal to it (bench_cleanup's kill) stops
# the thread too.

[ -z "${IGB_LIB_PKTGEN:-}" ] || return 0
IGB_LIB_PKTGEN=1
# shellcheck source=bench.sh
. "$IGB_TOP/test/vm/lib/bench.sh"

PG=/proc/net/pktgen

# pg_set FILE COMMAND: one pktgen command; pktgen answers in the file's
# "Result:" line.
pg_set() {
	echo "$2" > "$1" 2>/dev/null || true
	grep -q '^Result: OK' "$1" ||
		fail "pktgen: '$2' refused: $(grep '^Result:' "$1")"
}

flood_prepare() {
	local mac=$1 ip=$2 pps=$3 count=$4 size=${5:-64} dev
	kmod pktgen
	pg_set "$PG/kpktgend_0" rem_device_all
	pg_set "$PG/kpktgend_0" "add_device $PEER_IF"
	dev=$PG/$PEER_IF
	pg_set "$dev" "count $count"
	pg_set "$dev" "pkt_size $((size - 4))"
	pg_set "$dev" "ratep $pps"
	pg_set "$dev" "dst_mac $mac"
	pg_set "$dev" "dst $ip"
	pg_set "$dev" "src_min $PEER_IP"
	pg_set "$dev" "src_max $PEER_IP"
	pg_set "$dev" "udp_dst_min 9"
	pg_set "$dev" "udp_dst_max 9"
}

flood_start() {
	echo start > "$PG/pgctrl" &
	FLOOD_PID=$!
	echo "$FLOOD_PID" >> "$SCEN_OUT/pids"
	wait_for 10 "pktgen flood from $PEER_IF" flood_sending
}

# flood_sending: succeeds once pktgen has sent a frame.
flood_sending() {
	[ "$(flood_sofar)" -gt 0 ]
}

flood_sofar() {
	sed -n 's/.*pkts-sofar: *\([0-9]*\).*/\1/p' "$PG/$PEER_IF" | head -n 1
}

flood_stop() {
	for _ in $(seq 1 60); do
		kill -0 "$FLOOD_PID" 2>/dev/null || break
		sleep 0.5
	done
	echo stop > "$PG/pgctrl"
	wait "$FLOOD_PID" 2>/dev/null || true
	export FLOOD_SENT
	FLOOD_SENT=$(flood_sofar)
	log "pktgen: $(grep -A 1 '^Result:' "$PG/$PEER_IF" | tr -s ' \n' ' ')"
	pg_set "$PG/kpktgend_0" rem_device_all
}
