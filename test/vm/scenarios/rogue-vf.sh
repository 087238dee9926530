# summary: igb-pfd + 5 VFs: 3 rogue VFs (app/rogue-vf) at once, catalogue+random then floods: bad requests NACKed, reply-flagged ignored, PF counts per VF = each rogue's tally (flood: ACKs exact, 1..N NACKs); our VF PMD and igbvf under ping -f lose 0 replies, their PF state and counters unchanged
# timeout: 1200
# VFs 0, 3 and 4 are driven by three rogue tools at the same time, each
# speaking the mailbox by hand; VF 1 by our VF PMD in testpmd (icmpecho),
# VF 2 by the kernel's igbvf in a namespace. While the rogues run, the
# peer flood-pings VF 1 and VF 2, and the kernel counts every echo reply
# that comes back, late ones too. Two rounds, all three rogues side by
# side in each: the catalogue and seeded random requests, each answer
# awaited; then a flood. The PF must stay up, answer each rogue as its
# tally says and count exactly that for its VF, and leave VF 1 and VF 2
# as they were.
# shellcheck source=../lib/testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"
# shellcheck source=../lib/rogue.sh
. "$IGB_TOP/test/vm/lib/rogue.sh"

ROGUE_VFS=(0 3 4)
VF1_IP=$(vf_ip 1) VF2_IP=$(vf_ip 2)
SEED=${ROGUE_SEED:-20261126}
RANDOM_COUNT=${ROGUE_RANDOM_COUNT:-100}
# Long enough for the three floods to overlap (each program takes a
# while to start in the guest).
FLOOD_COUNT=${ROGUE_FLOOD_COUNT:-200000}
# Three rogues, testpmd and two flood pings share the guest's 2 vCPUs.
ROGUE_TIMEOUT_MS=10000

[ -x "$ROGUE" ] || fail "no rogue tool at $ROGUE (build first)"
kmod igbvf
pfd_serve pfd 5
pfd_pid=$(tp_var PID pfd)
peer_up

vf_up_igbvf 2 vf2 "$VF2_IP/$NET_PREFIX"
vf_vfio 1
vf_testpmd_start vf1
tp_pid=$(tp_var PID vf1)
testpmd_cmd vf1 "set fwd icmpecho" > /dev/null
testpmd_cmd vf1 start > /dev/null
testpmd_wait_link vf1
assert_num "ping loss peer -> VF 1 before (%)" -eq 0 \
	"$(ping_loss "$VF1_IP" 10)"
assert_num "ping loss peer -> VF 2 before (%)" -eq 0 \
	"$(ping_loss "$VF2_IP" 10)"

declare -A bdf other_mac
for vf in "${ROGUE_VFS[@]}"; do
	vf_vfio "$vf"
	bdf[$vf]=$VF_BDF
done
# Each rogue also tries to take another VF's address.
other_mac[0]=$(vf_mac 1) other_mac[3]=$(vf_mac 2) other_mac[4]=$(vf_mac 0)
out=$("$ROGUE" --pci "${bdf[0]}" \
	--vf-token 00000000-0000-0000-0000-000000000000 \
	--only unknown_id 2>&1) && fail "rogue opened VF 0 with a wrong token"
assert_match "wrong token refused" "cannot get the device" "$out"

honest_before=$(pf_view pfd 1 2)
log "VF 1 and VF 2 at the PF before:"
echo "$honest_before"
mbx0=$(mbx_snapshot pfd)
icmp0=$(icmp_echo_counts)
ping_flood_start p1 "$VF1_IP"
ping_flood_start p2 "$VF2_IP"
t0=$(date +%s)

# While the pings run, only the rogues and the counter snapshots between
# the rounds: the checks come after (a loaded TCG guest starts each
# program slowly).
# 1. Every message type out of range, unknown ids, requests before the
# reset handshake, seeded random words (a seed per VF): each answered one
# at a time, three VFs at once.
for vf in "${ROGUE_VFS[@]}"; do
	rogue_start "vf$vf" "${bdf[$vf]}" --seed "$((SEED + vf))" \
		--random-count "$RANDOM_COUNT" --flood-count 0 \
		--timeout-ms "$ROGUE_TIMEOUT_MS" --verbose \
		--other-mac "${other_mac[$vf]}" --json "$SCEN_OUT/vf$vf.json"
done
rogues_wait vf0 vf3 vf4
mbx1=$(mbx_snapshot pfd)

# 2. Three floods at once: requests written without waiting for the PF
# or reading its replies; then each rogue's reset handshake must still be
# answered.
for vf in "${ROGUE_VFS[@]}"; do
	rogue_start "flood$vf" "${bdf[$vf]}" --only flood \
		--flood-count "$FLOOD_COUNT" --timeout-ms "$ROGUE_TIMEOUT_MS"
done
rogues_wait flood0 flood3 flood4
secs=$(($(date +%s) - t0))

ping_flood_stop p1
p1_sent=$PING_SENT p1_replied=$PING_REPLIED p1_dups=$PING_DUPS
ping_flood_stop p2
p2_sent=$PING_SENT p2_replied=$PING_REPLIED p2_dups=$PING_DUPS
sleep 2 # a last late reply
icmp1=$(icmp_echo_counts)
kill -0 "$pfd_pid" || fail "igb-pfd died"
kill -0 "$tp_pid" || fail "testpmd died"
mbx2=$(mbx_snapshot pfd)

tally=() flood=()
for vf in "${ROGUE_VFS[@]}"; do
	rogue_check_exact "vf$vf" "$vf" "$mbx0" "$mbx1"
	tally+=("VF $vf sent=${ROGUE[sent]} bad=${ROGUE[bad]} NACKed=${ROGUE[nacked]} ACKed=${ROGUE[acked]} ignored=${ROGUE[reply_flagged_unanswered]} PF=$(mbx_delta "$mbx0" "$mbx1" "$vf" requests)/$(mbx_delta "$mbx0" "$mbx1" "$vf" acks)/$(mbx_delta "$mbx0" "$mbx1" "$vf" nacks)")
	rogue_check_flood "flood$vf" "$vf" "$mbx1" "$mbx2" "$FLOOD_COUNT"
	flood+=("VF $vf sent=$FLOOD_COUNT PF NACKed=$FLOOD_NACKED")
done
assert_eq "show vf 0 NACKs = telemetry" "$(snap_get "$mbx2" 0 nacks)" \
	"$(pfd_vf pfd 0 mbx_nacks)"
testpmd_cmd vf1 "show port info 0" > /dev/null
read -r out0 in0 <<< "$icmp0"
read -r out1 in1 <<< "$icmp1"
late=$((in1 - in0 - p1_replied - p2_replied))
note "round 1 (each answer awaited): ${tally[*]} (PF=requests/ACKs/NACKs)"
note "round 2 (floods): ${flood[*]}; both rounds ${secs}s"
note "flood pings: VF 1 $p1_sent sent $((p1_sent - p1_replied)) unanswered in ping's time, VF 2 $p2_sent sent $((p2_sent - p2_replied)) unanswered in ping's time; $late replies came later"
assert_num "flood pings to VF 1 during the rogues" -ge 1000 "$p1_sent"
assert_num "flood pings to VF 2 during the rogues" -ge 1000 "$p2_sent"
assert_eq "duplicate replies (ping)" 0 "$((p1_dups + p2_dups))"
assert_eq "echo requests the kernel sent = ping's" \
	"$((p1_sent + p2_sent))" "$((out1 - out0))"
# Neither VF sent more replies than it got requests (no duplicates): as
# many replies as requests means none lost to either VF.
assert_eq "echo replies the kernel received (late ones too) = requests: 0 lost to VF 1 (our VF PMD) and VF 2 (igbvf)" \
	"$((out1 - out0))" "$((in1 - in0))"

honest_after=$(pf_view pfd 1 2)
assert_eq "VF 1 and VF 2 at the PF unchanged (requests, mailbox counters, device filters, multicast table)" \
	"$honest_before" "$honest_after"
for vf in "${ROGUE_VFS[@]}"; do
	assert_eq "VF $vf keeps its pinned MAC" "$(vf_mac "$vf")" \
		"$(pfd_vf pfd "$vf" mac)"
done
assert_num "ping loss peer -> VF 1 after (%)" -eq 0 \
	"$(ping_loss "$VF1_IP" 10)"
assert_num "ping loss peer -> VF 2 after (%)" -eq 0 \
	"$(ping_loss "$VF2_IP" 10)"
pfd_cmd pfd mbx
testpmd_stop vf1
pfd_stop pfd
