# summary: examples/vf-fwd (built from the installed SDK) answers on VF 0 under igb-pfd; igb-pfd killed -9, restarted, quit, restarted: the same vf-fwd recovers each time (reset, link, promiscuous refused), counters grow, pings 0% loss
# timeout: 600
# The example is the one devtools/build-examples.sh built against the
# staged install; its VF PMD comes from the install too (pmddir of the
# staged igb-sriov-pmd.pc). The PF's process goes away under it twice:
# a kill -9 (the VF sees the reset when the next PF process starts) and
# a quit (reset and link down at once: net_igb_vf raises LSC for the link
# down, then INTR_RESET; LSC says up after each recovery). The
# VF is untrusted, so the PF refuses the promiscuous mode vf-fwd asks
# for at each start. vf-fwd is never restarted.
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"

SDK=$IGB_BUILD/sdk
VFFWD=$SDK/examples/vf-fwd/build/vf-fwd
[ -x "$VFFWD" ] || fail "no vf-fwd at $VFFWD (devtools/build.sh builds it)"
# shellcheck source=/dev/null
. "$SDK/env" # PKG_CONFIG_PATH of the staged install
export PKG_CONFIG_PATH
SDK_PMDDIR=$(pkg-config --variable=pmddir igb-sriov-pmd)
SDK_VF_PMD=${SDK_PMDDIR//\\ / }/librte_net_igb_vf.so # pkgconf escapes spaces
[ -f "$SDK_VF_PMD" ] || fail "no installed VF PMD at $SDK_VF_PMD"
FWD_LOG=$SCEN_OUT/vf-fwd.log
PF_DEV=$(pci_dev "$PF_BDF")

pfd_up() { # NAME: igb-pfd serving VF 0, keeping it at exit
	pfd_start "$1" -- --pci "$PF_BDF" --num-vfs 1 \
		--vf "0,mac=$VF_MAC" --keep-vfs
	assert_eq "$1: PF driver" net_igb_pf "$(pfd_driver "$1")"
}

# fwd_count WHAT: how many lines of vf-fwd's output match WHAT.
fwd_count() { grep -c -- "$1" "$FWD_LOG" || true; }
fwd_more() { [ "$(fwd_count "$1")" -gt "$2" ]; }

# fwd_icmp: the icmp counter of vf-fwd's last counter line.
fwd_icmp() {
	grep 'vf-fwd: port 0: rx ' "$FWD_LOG" | tail -n 1 |
		sed -n 's/.* icmp \([0-9]*\) .*/\1/p'
}

# fwd_works WHAT: vf-fwd is the same process, answers 30 pings with no
# loss, and its counter line shows them.
fwd_works() {
	local before after
	kill -0 "$FWD_PID" || fail "$1: vf-fwd exited"
	wait_for 120 "$1: vf-fwd answers a ping" ping -n -c 1 -W 2 "$VF_IP"
	before=$(fwd_icmp)
	assert_num "$1: ping loss peer -> vf-fwd (%)" -eq 0 \
		"$(ping_loss "$VF_IP" 30)"
	sleep 2 # a counter line each second
	after=$(fwd_icmp)
	assert_num "$1: vf-fwd's icmp counter went on from $before" -ge \
		$((before + 30)) "$after"
	assert_eq "$1: vf-fwd still the first process" "$FWD_PID" \
		"$(pgrep -f "^$VFFWD" | head -n 1)"
}

# restart WHAT STOP-COMMAND...: the PF process goes, a new one comes;
# vf-fwd sees the reset, recovers by itself and answers again.
restart() {
	local what=$1 resets nacks ups downs fails events next
	shift
	fails=$(fwd_count 'recovery failed')
	events=$(fwd_count 'reset event')
	resets=$(fwd_count 'recovered (reset')
	nacks=$(fwd_count 'the PF refused promiscuous')
	ups=$(fwd_count 'link event: up')
	downs=$(fwd_count 'link event: down')
	"$@"
	assert_eq "$what: VF kept" 1 "$(cat "$PF_DEV/sriov_numvfs")"
	if [ "$what" = quit ]; then
		wait_for 60 "$what: vf-fwd prints the reset event" \
			fwd_more 'reset event' "$events"
		assert_match "$what: the link down at the reset event" \
			'reset event \(the PF reset this VF\), link down' \
			"$(grep 'reset event' "$FWD_LOG" | tail -n 1)"
		assert_num "$what: vf-fwd printed the link down (LSC)" -gt \
			"$downs" "$(fwd_count 'link event: down')"
		# No PF answers: each attempt fails (and is retried).
		wait_for 60 "$what: vf-fwd's recovery fails while the PF is away" \
			fwd_more 'recovery failed' "$fails"
	fi
	next=pfd$((++PFD_N))
	pfd_up "$next"
	wait_for 120 "$what: vf-fwd recovered" \
		fwd_more 'recovered (reset' "$resets"
	assert_num "$what: the new PF refused promiscuous mode again" -gt \
		"$nacks" "$(fwd_count 'the PF refused promiscuous')"
	assert_eq "$what: VF 0's MAC after the reset" "$VF_MAC" \
		"$(sed -n 's/.*port 0: started, .*MAC \(.*\)/\1/p' "$FWD_LOG" |
			tail -n 1 | tr 'A-F' 'a-f')"
	wait_for 60 "$what: vf-fwd prints the link up (LSC)" \
		fwd_more 'link event: up' "$ups"
	fwd_works "$what"
	assert_eq "$what: VF 0 active at the new PF" active \
		"$(tel_value "$next" /igb_pf/vfs 0 state)"
	CUR_PFD=$next
}

pf_setup
echo 1 > "$PF_DEV/sriov_numvfs"
vf_vfio 0
peer_up
PFD_N=0
CUR_PFD=pfd0
pfd_up pfd0

log "vf-fwd: $VFFWD with $SDK_VF_PMD"
stdbuf -oL -eL "$VFFWD" -l 1 -n 1 --file-prefix=vffwd -d "$SDK_VF_PMD" \
	-a "$VF_BDF" --vfio-vf-token="$VF_TOKEN" \
	--log-level=pmd.net.igb_vf:info -- \
	--ip "$VF_IP" --promisc --period 1 > "$FWD_LOG" 2>&1 &
FWD_PID=$!
echo "$FWD_PID" >> "$SCEN_OUT/pids"
wait_for 120 "vf-fwd forwarding" grep -q 'vf-fwd: forwarding on 1 port' \
	"$FWD_LOG"
assert_match "vf-fwd's port is net_igb_vf (the installed PMD)" \
	'port 0: started, driver net_igb_vf,' "$(cat "$FWD_LOG")"
assert_num "the PF refused vf-fwd's promiscuous mode (untrusted VF)" -eq 1 \
	"$(fwd_count 'the PF refused promiscuous')"
assert_eq "VF 0 not promiscuous at the PF" 0 "$(pfd_vf pfd0 0 promisc_unicast)"
fwd_works "first start"

restart "kill -9" pfd_kill "$CUR_PFD"
restart quit console_stop "$CUR_PFD" 120

assert_num "vf-fwd's resets" -eq 2 "$(fwd_count 'recovered (reset')"
kill -INT "$FWD_PID"
wait_for 30 "vf-fwd ends on SIGINT" grep -q 'vf-fwd: done' "$FWD_LOG"
assert_match "vf-fwd's last counter line: 2 resets, 3 NACKs, running" \
	'resets 2 nacks 3 running' \
	"$(grep 'vf-fwd: port 0: rx ' "$FWD_LOG" | tail -n 1)"
grep -E 'vf-fwd: port 0: (reset|resetting|recover|link|the PF|started)' \
	"$FWD_LOG" | head -n 40
pfd_stop "$CUR_PFD"
