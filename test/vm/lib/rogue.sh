#!/bin/bash
# Helpers of the rogue-vf scenario: pings kept going in the background in
# whole batches (no reply in flight is ever counted lost), the PF's view
# of a VF's filter state.
[ -z "${IGB_LIB_ROGUE:-}" ] || return 0
IGB_LIB_ROGUE=1
# shellcheck source=bench.sh
. "$IGB_TOP/test/vm/lib/bench.sh"
# shellcheck source=pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"

# ping_loop_start NAME [-n NS] DEST: batches of 10 pings until stopped;
# each batch's "N packets transmitted, M received" goes to NAME.ping.
ping_loop_start() {
	local name=$1 ns=()
	shift
	if [ "$1" = -n ]; then
		ns=(ip netns exec "$2")
		shift 2
	fi
	rm -f "$SCEN_OUT/$name.stop" "$SCEN_OUT/$name.ping"
	(
		until [ -e "$SCEN_OUT/$name.stop" ]; do
			"${ns[@]}" ping -n -q -c 10 -i 0.1 -W 2 "$1" 2>&1 |
				grep 'packets transmitted' || true
		done
	) > "$SCEN_OUT/$name.ping" &
	echo $! >> "$SCEN_OUT/pids"
	printf -v "PING_PID_$name" %s $!
}

# ping_loop_stop NAME: ends after the current batch; sets PING_SENT and
# PING_LOST (run it in the scenario's shell: the loop is its child).
ping_loop_stop() {
	local v="PING_PID_$1" r
	touch "$SCEN_OUT/$1.stop"
	wait "${!v}"
	r=$(awk '{ s += $1; r += $4 } END { print s + 0, s - r }' \
		"$SCEN_OUT/$1.ping")
	export PING_SENT=${r% *}
	export PING_LOST=${r#* }
}

# pfd_filters NAME VF: what a VF has asked the PF for, one key=value a line
# (traffic and mailbox counters left out: those move by design).
pfd_filters() {
	pfd_cmd "$1" "show vf $2" | grep -E '^(mac|mac_pinned|port_vlan|vlans|trusted|mac_anti_spoof|vlan_anti_spoof|state|max_frame|mc_hashes|mc_overflow|promisc_unicast|promisc_multicast)='
}

# rogue_field OUTPUT KEY: KEY=value of the rogue's final tally line.
rogue_field() {
	echo "$1" | grep '^rogue-vf: sent=' | tail -n 1 |
		grep -o "\b$2=[0-9]*" | cut -d= -f2
}
