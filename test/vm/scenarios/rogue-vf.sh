# summary: igb-pfd + 3 VFs: a rogue VF (app/rogue-vf) floods bad mailbox requests; our VF PMD and kernel igbvf keep 0% ping loss, all NACKed and counted
# timeout: 1200
# VF 0 is driven by the rogue tool, which speaks the mailbox by hand; VF 1
# by our VF PMD in testpmd (icmpecho), VF 2 by the kernel's igbvf in a
# namespace. While the rogue runs, the peer pings VF 1 and VF 2 in the
# background. The PF must stay up, NACK and count every bad request, and
# keep VF 1's and VF 2's filters as they were.
# shellcheck source=../lib/testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"
# shellcheck source=../lib/rogue.sh
. "$IGB_TOP/test/vm/lib/rogue.sh"

VF0_MAC=$(vf_mac 0) VF1_MAC=$(vf_mac 1)
VF1_IP=$(vf_ip 1) VF2_IP=$(vf_ip 2)
SEED=${ROGUE_SEED:-20261126}
RANDOM_COUNT=${ROGUE_RANDOM_COUNT:-100}
FLOOD_COUNT=${ROGUE_FLOOD_COUNT:-2000}

[ -x "$ROGUE" ] || fail "no rogue tool at $ROGUE (build first)"
kmod igbvf
pfd_serve pfd 3
pfd_pid=$(tp_var PID pfd)
peer_up

vf_up_igbvf 2 vf2 "$VF2_IP/$NET_PREFIX"
vf_vfio 1
vf_testpmd_start vf1
testpmd_cmd vf1 "set fwd icmpecho" > /dev/null
testpmd_cmd vf1 start > /dev/null
testpmd_wait_link vf1
assert_num "ping loss peer -> VF 1 before (%)" -eq 0 \
	"$(ping_loss "$VF1_IP" 10)"
assert_num "ping loss peer -> VF 2 before (%)" -eq 0 \
	"$(ping_loss "$VF2_IP" 10)"

vf_vfio 0
bdf0=$VF_BDF
out=$("$ROGUE" --pci "$bdf0" --vf-token 00000000-0000-0000-0000-000000000000 \
	--only unknown_id 2>&1) && fail "rogue opened VF 0 with a wrong token"
assert_match "wrong token refused" "cannot get the device" "$out"

vf1_before=$(pfd_filters pfd 1)
vf2_before=$(pfd_filters pfd 2)
log "VF 1 at the PF before: $(echo $vf1_before)"
log "VF 2 at the PF before: $(echo $vf2_before)"
nacks0=$(tel_value pfd /igb_pf/mbx 0 nacks)
ping_loop_start p1 "$VF1_IP"
ping_loop_start p2 "$VF2_IP"
t0=$(date +%s)

# 1. Every message type out of range, unknown ids, requests before the
# reset handshake, seeded random words: each answered one at a time.
rc=0
"$ROGUE" --pci "$bdf0" --vf-token "$VF_TOKEN" --seed "$SEED" \
	--random-count "$RANDOM_COUNT" --flood-count 0 --verbose \
	--other-mac "$VF1_MAC" --json "$SCEN_OUT/rogue.json" \
	> "$SCEN_OUT/rogue.out" 2>&1 || rc=$?
out=$(grep -v '^rogue-vf: [a-z_]*: ' "$SCEN_OUT/rogue.out")
echo "$out"
assert_eq "rogue-vf exit status (every answer as expected)" 0 "$rc"
nacks1=$(tel_value pfd /igb_pf/mbx 0 nacks)
sent=$(rogue_field "$out" sent)
nacked=$(rogue_field "$out" nacked)
bad=$(rogue_field "$out" bad)
assert_num "bad requests sent" -ge 60 "$bad"
assert_eq "bad requests NACKed" "$bad" "$(rogue_field "$out" bad_nacked)"
assert_eq "valid requests ACKed" "$(rogue_field "$out" valid)" \
	"$(rogue_field "$out" valid_acked)"
assert_eq "reply-flagged buffers left unanswered" \
	"$(rogue_field "$out" reply_flagged)" \
	"$(rogue_field "$out" reply_flagged_unanswered)"
assert_eq "PF NACK count (telemetry) = NACKs the rogue received" \
	"$nacked" "$((nacks1 - nacks0))"
assert_eq "PF NACK count: show vf 0 = telemetry" "$nacks1" \
	"$(pfd_vf pfd 0 mbx_nacks)"

# 2. A flood: requests written without waiting for the PF or reading
# its replies; then the rogue's reset handshake must still be answered.
rc=0
"$ROGUE" --pci "$bdf0" --vf-token "$VF_TOKEN" --only flood \
	--flood-count "$FLOOD_COUNT" > "$SCEN_OUT/rogue-flood.out" 2>&1 || rc=$?
cat "$SCEN_OUT/rogue-flood.out"
assert_eq "rogue-vf exit status after the flood (mailbox recovered)" 0 "$rc"
nacks2=$(tel_value pfd /igb_pf/mbx 0 nacks)
flood_nacked=$((nacks2 - nacks1))
assert_num "flood requests NACKed by the PF" -ge 1 "$flood_nacked"
assert_num "flood NACKs at most the requests written" -le "$FLOOD_COUNT" \
	"$flood_nacked"
secs=$(($(date +%s) - t0))

ping_loop_stop p1
p1_sent=$PING_SENT p1_lost=$PING_LOST
ping_loop_stop p2
p2_sent=$PING_SENT p2_lost=$PING_LOST
kill -0 "$pfd_pid" || fail "igb-pfd died"
testpmd_cmd vf1 "show port info 0" > /dev/null
note "rogue: sent=$sent bad=$bad NACKed=$nacked (PF counted $((nacks1 - nacks0))), flood sent=$FLOOD_COUNT PF NACKed=$flood_nacked, ${secs}s"
note "pings during the rogue: VF 1 $p1_sent sent $p1_lost lost, VF 2 $p2_sent sent $p2_lost lost"
assert_num "pings to VF 1 during the rogue" -ge 10 "$p1_sent"
assert_num "pings to VF 2 during the rogue" -ge 10 "$p2_sent"
assert_eq "pings lost to VF 1 (our VF PMD)" 0 "$p1_lost"
assert_eq "pings lost to VF 2 (igbvf)" 0 "$p2_lost"

assert_eq "VF 1 filters at the PF unchanged" "$vf1_before" \
	"$(pfd_filters pfd 1)"
assert_eq "VF 2 filters at the PF unchanged" "$vf2_before" \
	"$(pfd_filters pfd 2)"
assert_eq "VF 0 keeps its pinned MAC" "$VF0_MAC" "$(pfd_vf pfd 0 mac)"
assert_num "ping loss peer -> VF 1 after (%)" -eq 0 \
	"$(ping_loss "$VF1_IP" 10)"
assert_num "ping loss peer -> VF 2 after (%)" -eq 0 \
	"$(ping_loss "$VF2_IP" 10)"
pfd_cmd pfd mbx
testpmd_stop vf1
pfd_stop pfd
