# summary: testpmd on net_igb_vf killed (-9) under a ping flood, igb-pfd serving: PF sees the FLR, drops the VF's VLAN and multicast filters, keeps its pinned MAC; a new testpmd gets the VF back
# timeout: 1200
# What must survive the crash is the administrator's (pinned MAC); what
# the dead VF asked for (a VLAN filter, a multicast address) must go from
# the PF's table and from the device's registers, so that the next user
# of the VF starts from the state the first one found.
# shellcheck source=../lib/fault.sh
. "$IGB_TOP/test/vm/lib/fault.sh"

MC_ADDR=01:00:5e:00:00:fb
VID=100
# PF state and register fields that must read the same before the dead
# VF's requests and after its replacement started.
STATE_KEYS=(mac mac_pinned port_vlan vlans trusted mac_anti_spoof
	vlan_anti_spoof state max_frame mc_hashes mc_overflow promisc_unicast
	promisc_multicast)
REGS_KEYS=(hw_macs hw_vlans hw_mc_filter hw_allmulti hw_rx hw_tx mta_bits)

# vf_view LABEL: PF state and registers of VF 0 into VIEW_<LABEL>.
vf_view() {
	local st rg
	st=$(telemetry pfd /igb_pf/vfs 0)
	rg=$(telemetry pfd /igb_pf/regs 0)
	printf -v "VIEW_$1" '%s\n%s' "$(tel_fields "$st" "${STATE_KEYS[@]}")" \
		"$(tel_fields "$rg" "${REGS_KEYS[@]}")"
	local v="VIEW_$1"
	echo "${!v}" > "$SCEN_OUT/view-$1.txt"
	TEL="${!v}"
}

flrs_above() { # N: VF 0's FLR count at the PF is above N
	[ "$(telemetry pfd /igb_pf/mbx 0 | sed -n 's/^flrs=//p')" -gt "$1" ]
}

# vf_testpmd NAME: testpmd on VF 0 with our PMD and the PF's MAC, its
# link up, icmpecho chosen but not started (the filters of the test go
# in before traffic).
vf_testpmd() {
	vf_testpmd_start "$1"
	assert_eq "$1: VF MAC from the PF" "$VF_MAC" "$(testpmd_mac "$1" 0)"
	testpmd_wait_link "$1" 240
	testpmd_cmd "$1" "set fwd icmpecho" > /dev/null
}

# forward NAME: start icmpecho; the VF answers pings.
forward() {
	testpmd_cmd "$1" start > /dev/null
	wait_for 120 "$1: VF answers a ping" ping -n -c 1 -W 2 "$VF_IP"
}

pfd_serve pfd 1
vf_vfio 0
peer_up

vf_testpmd vf
vf_view clean
assert_eq "VF 0 active" state=active "$(echo "$TEL" | grep '^state=')"
assert_eq "VF 0 Rx on in VFRE" hw_rx=1 "$(echo "$TEL" | grep '^hw_rx=')"

# State for the crash to leak: a VLAN filter and a multicast address.
testpmd_cmd vf "vlan set filter on 0" > /dev/null
out=$(testpmd_cmd vf "rx_vlan add $VID 0")
[[ ! "$out" =~ [Ee]rror|[Ff]ail ]] || fail "rx_vlan add $VID refused: $out"
out=$(testpmd_cmd vf "mcast_addr add 0 $MC_ADDR")
[[ ! "$out" =~ [Ee]rror|[Ff]ail ]] || fail "mcast_addr add refused: $out"
vf_view loaded
assert_eq "VLAN $VID in the PF's table" "vlans=$VID" \
	"$(echo "$TEL" | grep '^vlans=')"
assert_eq "VLAN $VID in a VLVF entry of pool 0" "hw_vlans=$VID" \
	"$(echo "$TEL" | grep '^hw_vlans=')"
assert_eq "one multicast hash" mc_hashes=1 \
	"$(echo "$TEL" | grep '^mc_hashes=')"
assert_eq "pool 0 accepts MTA hits" hw_mc_filter=1 \
	"$(echo "$TEL" | grep '^hw_mc_filter=')"
mta=$(tel_get mta_bits)
assert_num "MTA bits with the multicast address" -ge 1 "$mta"
forward vf
assert_num "ping loss before the crash (%)" -eq 0 "$(ping_loss "$VF_IP" 20)"
TEL=$(telemetry pfd /igb_pf/mbx 0)
flrs=$(tel_get flrs)
resets=$(tel_get resets)

# Crash under traffic: a ping flood runs while testpmd dies.
ping -q -f -w 8 "$VF_IP" > "$SCEN_OUT/flood.txt" 2>&1 &
flood=$!
sleep 3
pid=$(tp_var PID vf)
t0=$(date +%s%N)
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
log "testpmd (pid $pid) killed"
wait_for 120 "PF saw VF 0's function level reset" flrs_above "$flrs"
flr_ms=$((($(date +%s%N) - t0) / 1000000))
wait "$flood" || true
log "flood: $(tail -n 2 "$SCEN_OUT/flood.txt" | tr '\n' ' ')"
vf_view crashed
assert_eq "VF 0 waits for a reset" state=reset \
	"$(echo "$TEL" | grep '^state=')"
assert_eq "no VLAN left in the PF's table" vlans= \
	"$(echo "$TEL" | grep '^vlans=')"
assert_eq "no VLVF entry left for pool 0" hw_vlans= \
	"$(echo "$TEL" | grep '^hw_vlans=')"
assert_eq "no multicast hash left" mc_hashes=0 \
	"$(echo "$TEL" | grep '^mc_hashes=')"
assert_eq "pool 0 no longer accepts MTA hits" hw_mc_filter=0 \
	"$(echo "$TEL" | grep '^hw_mc_filter=')"
assert_num "MTA bits after the crash" -lt "$mta" "$(tel_get mta_bits)"
assert_eq "pinned MAC kept" "mac=$VF_MAC" "$(echo "$TEL" | grep '^mac=')"
assert_eq "pinned MAC still in an address entry of pool 0" \
	"hw_macs=$VF_MAC" "$(echo "$TEL" | grep '^hw_macs=')"
assert_eq "VF 0 Rx off in VFRE" hw_rx=0 "$(echo "$TEL" | grep '^hw_rx=')"

t1=$(date +%s)
vf_testpmd vf2
vf_view back
forward vf2
back_s=$(($(date +%s) - t1))
assert_num "ping loss after the restart (%)" -eq 0 \
	"$(ping_loss "$VF_IP" 50)"
TEL=$(telemetry pfd /igb_pf/mbx 0)
assert_num "VF_RESET requests at the PF" -gt "$resets" "$(tel_get resets)"
diff -u "$SCEN_OUT/view-clean.txt" "$SCEN_OUT/view-back.txt" ||
	fail "PF state/registers of VF 0 differ from before the dead VF's requests"
log "ok: PF state and registers of VF 0 as before: $(tr '\n' ' ' < "$SCEN_OUT/view-back.txt")"
note "FLR seen ${flr_ms} ms after kill -9; new testpmd forwarding in ${back_s}s"
# The PF removes its VFs on quit only once no process holds them.
kill -9 "$(tp_var PID vf2)"
wait "$(tp_var PID vf2)" 2>/dev/null || true
pfd_stop pfd
