#!/bin/bash
# Helpers of the rogue-vf scenario: flood pings in the background and the
# kernel's count of their replies, rogues run side by side, the PF's view of
# a VF's filter state and mailbox counters.
[ -z "${IGB_LIB_ROGUE:-}" ] || return 0
IGB_LIB_ROGUE=1
# shellcheck source=bench.sh
. "$IGB_TOP/test/vm/lib/bench.sh"
# shellcheck source=pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"

# ping_flood_start NAME DEST: flood pings (ping -f) from the peer in
# batches of 500 until stopped; each batch's "N packets transmitted, M
# received" goes to NAME.ping.
ping_flood_start() {
	local name=$1 dest=$2
	rm -f "$SCEN_OUT/$name.stop" "$SCEN_OUT/$name.ping"
	(
		until [ -e "$SCEN_OUT/$name.stop" ]; do
			ping -n -q -f -c 500 -W 2 "$dest" 2>&1 |
				grep 'packets transmitted' || true
		done
	) > "$SCEN_OUT/$name.ping" &
	echo $! >> "$SCEN_OUT/pids"
	printf -v "PING_PID_$name" %s $!
}

# ping_flood_stop NAME: ends after the current batch; sets PING_SENT,
# PING_REPLIED and PING_DUPS as ping counted them (run it in the
# scenario's shell: the loop is its child).
ping_flood_stop() {
	local v="PING_PID_$1" r
	touch "$SCEN_OUT/$1.stop"
	wait "${!v}"
	r=$(awk '{ s += $1; r += $4; if (match($0, /\+[0-9]+ duplicates/))
		d += substr($0, RSTART + 1, RLENGTH - 12) }
		END { print s + 0, r + 0, d + 0 }' "$SCEN_OUT/$1.ping")
	read -r PING_SENT PING_REPLIED PING_DUPS <<< "$r"
	export PING_SENT PING_REPLIED PING_DUPS
}

# icmp_echo_counts: "ECHO_REQUESTS_SENT ECHO_REPLIES_RECEIVED" of this
# network namespace (/proc/net/snmp). The kernel counts a reply when it
# arrives, also one that comes after its ping has ended: ping itself
# waits only twice its longest round trip for the last replies of a
# flood, so on a loaded guest it may take a late reply for a lost one.
icmp_echo_counts() {
	awk '$1 == "Icmp:" && !n { for (i = 2; i <= NF; i++) col[$i] = i; n = 1; next }
		$1 == "Icmp:" { print $col["OutEchos"], $col["InEchoReps"] }' \
		/proc/net/snmp
}

# rogue_start NAME BDF ARGS...: the rogue tool on BDF in the background;
# output in NAME.out, exit status in NAME.rc, start and end (ms since the
# epoch) in NAME.t.
rogue_start() {
	local name=$1 bdf=$2
	shift 2
	rm -f "$SCEN_OUT/$name.rc" "$SCEN_OUT/$name.t"
	(
		rc=0
		date +%s%3N > "$SCEN_OUT/$name.t"
		"$ROGUE" --pci "$bdf" --vf-token "$VF_TOKEN" "$@" \
			> "$SCEN_OUT/$name.out" 2>&1 || rc=$?
		date +%s%3N >> "$SCEN_OUT/$name.t"
		echo "$rc" > "$SCEN_OUT/$name.rc"
	) &
	echo $! >> "$SCEN_OUT/pids"
	printf -v "ROGUE_PID_$name" %s $!
}

# rogues_wait NAME...: waits for the rogues, prints their output; fails
# unless each exited 0 (every answer as expected) and all of them ran at
# the same time (the last start before the first end).
rogues_wait() {
	local n v first_end=-1 last_start=0 s e
	for n in "$@"; do
		v="ROGUE_PID_$n"
		wait "${!v}" || true
		grep -v '^rogue-vf: [a-z_]*: ' "$SCEN_OUT/$n.out" | sed "s/^/$n: /"
		assert_eq "$n: rogue-vf exit status (every answer as expected)" \
			0 "$(cat "$SCEN_OUT/$n.rc")"
		s=$(sed -n 1p "$SCEN_OUT/$n.t") e=$(sed -n 2p "$SCEN_OUT/$n.t")
		[ "$s" -gt "$last_start" ] && last_start=$s
		{ [ "$first_end" -lt 0 ] || [ "$e" -lt "$first_end" ]; } &&
			first_end=$e
	done
	assert_num "rogues overlapping (ms from the last start to the first end)" \
		-gt 0 "$((first_end - last_start))"
}

# rogue_tally NAME: rogue NAME's final tally line into ROGUE[KEY] (no
# program run per field: a loaded TCG guest starts each slowly).
rogue_tally() {
	local line kv
	line=$(grep '^rogue-vf: sent=' "$SCEN_OUT/$1.out" | tail -n 1)
	[ -n "$line" ] || fail "$1: no tally line in $1.out"
	unset ROGUE
	declare -gA ROGUE
	for kv in ${line#rogue-vf: }; do
		ROGUE[${kv%%=*}]=${kv#*=}
	done
}

# mbx_snapshot NAME: igb-pfd NAME's mailbox counters of every VF, as
# VF.key=value lines.
mbx_snapshot() { telemetry_vfs "$1" /igb_pf/mbx; }

# snap_get SNAPSHOT VF KEY: one counter of a snapshot.
snap_get() {
	local l
	while IFS= read -r l; do
		if [[ $l == "$2.$3="* ]]; then
			echo "${l#*=}"
			return
		fi
	done <<< "$1"
	fail "no $2.$3 in the snapshot"
}

# mbx_delta BEFORE AFTER VF KEY: how much a counter moved between snapshots.
mbx_delta() { echo $(($(snap_get "$2" "$3" "$4") - $(snap_get "$1" "$3" "$4"))); }

# pfd_filters NAME VF: what a VF has asked the PF for, one key=value a line
# (traffic and mailbox counters left out: those move by design).
pfd_filters() {
	pfd_cmd "$1" "show vf $2" | grep -E '^(mac|mac_pinned|port_vlan|vlans|trusted|mac_anti_spoof|vlan_anti_spoof|state|max_frame|mc_hashes|mc_overflow|promisc_unicast|promisc_multicast)='
}

# pf_view NAME VF...: all igb-pfd NAME shows of these VFs that only they
# may move: their requests (pfd_filters), their mailbox counters, the
# filters the device holds for them, and the multicast table's bits
# (shared by all VFs).
pf_view() {
	local name=$1 vf sel
	shift
	sel=$(echo "$@" | tr ' ' '|')
	for vf in "$@"; do
		pfd_filters "$name" "$vf" | sed "s/^/$vf./"
	done
	telemetry_vfs "$name" /igb_pf/mbx | grep -E "^($sel)\."
	telemetry_vfs "$name" /igb_pf/regs | grep -E "^(($sel)\.|mta_bits=)"
}

# rogue_check_exact NAME VF BEFORE AFTER: a rogue that waited for every
# answer: each bad request NACKed, each valid one ACKed, each reply-flagged
# buffer ignored, nothing else unanswered; the PF's counters of VF moved
# by exactly the rogue's tally (snapshots BEFORE and AFTER, mbx_snapshot).
rogue_check_exact() {
	local n=$1 vf=$2 acked nacked
	rogue_tally "$n"
	acked=${ROGUE[acked]} nacked=${ROGUE[nacked]}
	assert_num "$n: bad requests sent" -ge 60 "${ROGUE[bad]}"
	assert_eq "$n: bad requests NACKed" "${ROGUE[bad]}" \
		"${ROGUE[bad_nacked]}"
	assert_eq "$n: valid requests ACKed" "${ROGUE[valid]}" \
		"${ROGUE[valid_acked]}"
	assert_eq "$n: reply-flagged buffers ignored" \
		"${ROGUE[reply_flagged]}" "${ROGUE[reply_flagged_unanswered]}"
	assert_eq "$n: nothing else unanswered" "${ROGUE[reply_flagged]}" \
		"${ROGUE[unanswered]}"
	assert_eq "$n: PF requests of VF $vf = answers the rogue received" \
		"$((acked + nacked))" "$(mbx_delta "$3" "$4" "$vf" requests)"
	assert_eq "$n: PF ACKs of VF $vf = ACKs the rogue received" \
		"$acked" "$(mbx_delta "$3" "$4" "$vf" acks)"
	assert_eq "$n: PF NACKs of VF $vf = NACKs the rogue received" \
		"$nacked" "$(mbx_delta "$3" "$4" "$vf" nacks)"
	assert_eq "$n: PF mailbox errors of VF $vf" 0 \
		"$(mbx_delta "$3" "$4" "$vf" errors)"
}

# rogue_check_flood NAME VF BEFORE AFTER COUNT: a rogue that wrote COUNT
# requests without waiting: its own exchanges (the reset handshakes)
# answered and counted exactly; of the flood the PF NACKed between 1 and
# COUNT (it reads what is in the buffer when it looks) and ACKed none.
rogue_check_flood() {
	local n=$1 vf=$2 acked nacked pf_acks pf_nacks
	rogue_tally "$n"
	acked=${ROGUE[acked]} nacked=${ROGUE[nacked]}
	pf_acks=$(mbx_delta "$3" "$4" "$vf" acks)
	pf_nacks=$(mbx_delta "$3" "$4" "$vf" nacks)
	assert_eq "$n: flood requests written" "$5" "${ROGUE[flood_sent]}"
	assert_eq "$n: mailbox answers a reset after the flood" 1 \
		"${ROGUE[recovered]}"
	assert_eq "$n: PF ACKs of VF $vf = ACKs the rogue received" \
		"$acked" "$pf_acks"
	assert_num "$n: flood requests the PF NACKed" -ge 1 \
		"$((pf_nacks - nacked))"
	assert_num "$n: flood NACKs at most the requests written" -le "$5" \
		"$((pf_nacks - nacked))"
	assert_eq "$n: PF requests of VF $vf = its ACKs + NACKs" \
		"$((pf_acks + pf_nacks))" "$(mbx_delta "$3" "$4" "$vf" requests)"
	export FLOOD_NACKED=$((pf_nacks - nacked))
}
