# summary: igb-pfd --keep-vfs quit, then killed (-9), and started again while testpmd runs on net_igb_vf: the VF reports the reset, recovers by port reset, pings pass
# timeout: 1500
# The VFs outlive the PF process (--keep-vfs, same VF token for the next
# one). The VF must notice the PF going through reset (RSTI/RSTD), say
# so with RTE_ETH_EVENT_INTR_RESET, and work again after "port reset"
# once a new PF process serves it, with its pinned MAC.
# shellcheck source=../lib/fault.sh
. "$IGB_TOP/test/vm/lib/fault.sh"

pfd_up() { pfd_serve "$1" 1 --keep-vfs; } # NAME

reset_events() { grep -c "Port 0: reset event" "$SCEN_OUT/vf.log" || true; }

events_above() { [ "$(reset_events)" -gt "$1" ]; }

# recover PFD WHAT: the new PF process PFD is up; the application's
# recovery (port stop, reset, start), then pings.
recover() {
	local t0 out
	t0=$(date +%s)
	testpmd_cmd vf stop > /dev/null
	testpmd_cmd vf "port stop 0" > /dev/null
	out=$(testpmd_cmd vf "port reset 0" 60)
	echo "$out"
	[[ ! "$out" =~ [Ff]ail|[Ee]rror ]] || fail "$2: port reset failed: $out"
	testpmd_cmd vf "port start 0" 60 > /dev/null
	testpmd_wait_link vf 240
	assert_eq "$2: VF MAC after the reset" "$VF_MAC" "$(testpmd_mac vf 0)"
	testpmd_cmd vf start > /dev/null
	wait_for 120 "$2: VF answers a ping" ping -n -c 1 -W 2 "$VF_IP"
	assert_num "$2: ping loss after recovery (%)" -eq 0 \
		"$(ping_loss "$VF_IP" 30)"
	assert_eq "$2: VF 0 active at the new PF" active \
		"$(tel_value "$1" /igb_pf/vfs 0 state)"
	assert_num "$2: VF_RESET requests at the new PF" -ge 1 \
		"$(tel_value "$1" /igb_pf/mbx 0 resets)"
	log "$2: recovered in $(($(date +%s) - t0))s"
}

# restart WHAT STOP-COMMAND...: stop the PF process, check the VF reports
# the reset and the VFs stay, start a new PF process, recover.
restart() {
	local what=$1 ev t0 next
	shift
	ev=$(reset_events)
	t0=$(date +%s%N)
	"$@"
	assert_eq "$what: VFs kept" 1 "$(pf_numvfs)"
	wait_for 120 "$what: reset event in testpmd" events_above "$ev"
	log "$what: reset event $((($(date +%s%N) - t0) / 1000000)) ms after the stop"
	wait_for 120 "$what: VF link down in testpmd" testpmd_link_down vf 0
	next=pfd$((++PFD_N))
	pfd_up "$next"
	assert_match "$what: new PF process serves the existing VF" \
		"igb-pfd: port 0 driver net_igb_pf pci $PF_BDF, 1 VFs, ready" \
		"$(cat "$SCEN_OUT/$next.log")"
	recover "$next" "$what"
	CUR_PFD=$next
}

quit_pfd() { console_stop "$1" 120; } # NAME

kill_pfd() { # NAME
	local pid
	pid=$(tp_var PID "$1")
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
	log "igb-pfd $1 (pid $pid) killed"
}

PFD_N=0
CUR_PFD=pfd0
pfd_up pfd0
vf_vfio 0
peer_up
vf_testpmd_start vf
testpmd_wait_link vf 240
testpmd_cmd vf "set fwd icmpecho" > /dev/null
testpmd_cmd vf start > /dev/null
wait_for 120 "VF answers a ping" ping -n -c 1 -W 2 "$VF_IP"
assert_num "ping loss before (%)" -eq 0 "$(ping_loss "$VF_IP" 20)"

restart "quit" quit_pfd "$CUR_PFD"
restart "kill -9" kill_pfd "$CUR_PFD"
testpmd_stop vf
quit_pfd "$CUR_PFD"
