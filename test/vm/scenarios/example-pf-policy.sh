# summary: examples/pf-policy (built from the installed SDK) owns the PF: kernel igbvf MAC changes inside its prefix allowed, outside refused; promiscuous for the listed VF only (examples/vf-fwd on VFs 1 and 2); its decisions and the VFs' state
# timeout: 600
# pf-policy decides VF requests in its RTE_ETH_EVENT_VF_MBOX callback:
# MAC changes only inside 02:00:00:00:01:00/40, promiscuous only for VF 1.
# Kernel igbvf (VF 0) changes its MAC; it never asks for promiscuous mode
# (the kernel keeps the flag to itself), so vf-fwd asks for it on VF 1
# (allowed) and VF 2 (refused).
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"

SDK=$IGB_BUILD/sdk
POLICY=$SDK/examples/pf-policy/build/pf-policy
VFFWD=$SDK/examples/vf-fwd/build/vf-fwd
for p in "$POLICY" "$VFFWD"; do
	[ -x "$p" ] || fail "no $p (devtools/build.sh builds it)"
done
# shellcheck source=/dev/null
. "$SDK/env" # PKG_CONFIG_PATH of the staged install
export PKG_CONFIG_PATH
SDK_PMDDIR=$(pkg-config --variable=pmddir igb-sriov-pmd)
SDK_VF_PMD=${SDK_PMDDIR//\\ / }/librte_net_igb_vf.so # pkgconf escapes spaces
POL_LOG=$SCEN_OUT/pf-policy.log
FWD_LOG=$SCEN_OUT/vf-fwd.log
mac() { printf '02:00:00:00:01:%02x\n' $((0x10 + $1)); } # inside the prefix
IN_MAC=02:00:00:00:01:20
OUT_MAC=02:00:00:00:02:01

# pol_state VF KEY: KEY of pf-policy's last state line for VF.
pol_state() {
	grep "pf-policy: vf $1 state: " "$POL_LOG" | tail -n 1 |
		tr ' ' '\n' | sed -n "s/^$2=//p" | tr 'A-F' 'a-f'
}
pol_has() { grep -qi -- "$1" "$POL_LOG"; }
pol_state_is() { [ "$(pol_state "$1" "$2")" = "$3" ]; }

kmod igbvf
pf_setup
peer_up
log "pf-policy: $POLICY"
# Its lcore floats over both CPUs, as igb-pfd's does: with -l 0, EAL pins
# the PMD's event thread to the other CPU, where igbvf's probe busy-waits
# for the answer that thread would give (seen: "PF still in reset state").
stdbuf -oL -eL "$POLICY" --lcores='0@(0-1)' -n 1 --file-prefix=policy \
	--vfio-vf-token="$VF_TOKEN" \
	-a "$PF_BDF,num_vfs=3,vf0_mac=$(mac 0),vf1_mac=$(mac 1),vf2_mac=$(mac 2)" \
	-- --promisc-vfs 1 --mac-prefix 02:00:00:00:01:00/40 \
	> "$POL_LOG" 2>&1 &
POL_PID=$!
echo "$POL_PID" >> "$SCEN_OUT/pids"
wait_for 120 "pf-policy ready" pol_has 'serves 3 VFs, ready'
assert_eq "VFs created by the PMD" 3 "$(pf_numvfs)"

# 1. Kernel igbvf on VF 0: MAC changes.
vf_up_igbvf 0 vf0 "$(vf_ip 0)/$NET_PREFIX"
vf0=$VF_IF
wait_for 30 "pf-policy shows VF 0 up with its MAC" pol_state_is 0 \
	clear_to_send 1
assert_eq "VF 0 MAC (PF)" "$(mac 0)" "$(pol_state 0 mac)"
assert_num "ping loss peer -> igbvf VF 0 (%)" -eq 0 \
	"$(ping_loss "$(vf_ip 0)" 20)"

ip -n vf0 link set "$vf0" address "$IN_MAC"
assert_eq "VF 0 MAC inside the prefix (igbvf)" "$IN_MAC" \
	"$(ip netns exec vf0 cat "/sys/class/net/$vf0/address")"
wait_for 10 "pf-policy allowed $IN_MAC" \
	pol_has "vf 0 mac $IN_MAC: allowed (inside --mac-prefix)"
wait_for 10 "VF 0 MAC $IN_MAC at the PF" pol_state_is 0 mac "$IN_MAC"
ip neigh flush dev "$PEER_IF"
assert_num "ping loss peer -> VF 0 at $IN_MAC (%)" -eq 0 \
	"$(ping_loss "$(vf_ip 0)" 20)"

nacks=$(pol_state 0 nacks)
if ip -n vf0 link set "$vf0" address "$OUT_MAC" 2> "$SCEN_OUT/outmac.err"; then
	fail "igbvf took $OUT_MAC, outside the prefix"
fi
log "igbvf refused: $(cat "$SCEN_OUT/outmac.err")"
assert_match "igbvf's error" 'Cannot assign requested address' \
	"$(cat "$SCEN_OUT/outmac.err")"
wait_for 10 "pf-policy refused $OUT_MAC" \
	pol_has "vf 0 mac $OUT_MAC: refused (outside --mac-prefix)"
assert_eq "VF 0 MAC unchanged (igbvf)" "$IN_MAC" \
	"$(ip netns exec vf0 cat "/sys/class/net/$vf0/address")"
wait_for 10 "the PF counted the NACK" test "$(pol_state 0 nacks)" -gt "$nacks"
assert_eq "VF 0 MAC unchanged (PF)" "$IN_MAC" "$(pol_state 0 mac)"

# igbvf keeps promiscuous mode to itself: no request reaches the PF.
ip -n vf0 link set "$vf0" promisc on
sleep 2
assert_eq "no promiscuous request from igbvf" 0 \
	"$(grep -c 'vf 0 promiscuous' "$POL_LOG" || true)"
assert_eq "VF 0 not promiscuous at the PF" 0 \
	"$(pol_state 0 promisc_unicast)"

# 2. vf-fwd on VFs 1 and 2 asks for promiscuous mode on both.
vf_vfio 1
vf_vfio 2
stdbuf -oL -eL "$VFFWD" -l 1 -n 1 --file-prefix=vffwd -d "$SDK_VF_PMD" \
	-a "$(vf_bdf 1)" -a "$(vf_bdf 2)" --vfio-vf-token="$VF_TOKEN" -- \
	--ip "$(vf_ip 1)" --ip "$(vf_ip 2)" --promisc > "$FWD_LOG" 2>&1 &
echo $! >> "$SCEN_OUT/pids"
FWD_PID=$!
wait_for 120 "vf-fwd forwarding" grep -q 'forwarding on 2 port' "$FWD_LOG"
assert_match "VF 1 (listed): promiscuous on" 'port 0: promiscuous mode on' \
	"$(cat "$FWD_LOG")"
assert_match "VF 2 (not listed): refused" \
	'port 1: the PF refused promiscuous mode' "$(cat "$FWD_LOG")"
assert_match "pf-policy allowed VF 1" \
	'vf 1 promiscuous unicast: allowed \(VF in --promisc-vfs\)' \
	"$(cat "$POL_LOG")"
assert_match "pf-policy refused VF 2" \
	'vf 2 promiscuous unicast: refused \(VF not in --promisc-vfs\)' \
	"$(cat "$POL_LOG")"
wait_for 10 "VF 1 promiscuous at the PF" pol_state_is 1 promisc_unicast 1
wait_for 10 "VF 2 not promiscuous at the PF" pol_state_is 2 clear_to_send 1
assert_eq "VF 2 promiscuous unicast at the PF" 0 \
	"$(pol_state 2 promisc_unicast)"
assert_eq "VF 2 promiscuous multicast at the PF" 0 \
	"$(pol_state 2 promisc_multicast)"
assert_num "ping loss peer -> vf-fwd on VF 1 (%)" -eq 0 \
	"$(ping_loss "$(vf_ip 1)" 20)"
assert_num "ping loss peer -> vf-fwd on VF 2 (%)" -eq 0 \
	"$(ping_loss "$(vf_ip 2)" 20)"

kill -INT "$FWD_PID"
wait_for 30 "vf-fwd ends" grep -q 'vf-fwd: done' "$FWD_LOG"
grep -E 'pf-policy: vf [0-9] (mac|promiscuous)' "$POL_LOG"
kill -INT "$POL_PID"
wait_for 60 "pf-policy ends" pol_has 'pf-policy: done'
assert_eq "its VFs removed at close" 0 "$(pf_numvfs)"
