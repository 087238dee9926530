# summary: kernel igb PF; sriov-bench icmpecho on net_igb_vf: idle CPU over 20 s polling vs --rx-intr (MSI-X), then a ping flood through the interrupt-mode VF without loss
# timeout: 600
# The same responder twice on VF 0 (sriov-bench fwd icmpecho, one lcore
# that polls the queue itself): once polling, once with --rx-intr. Each
# idles for IDLE_SECS while utime+stime of the process
# (/proc/PID/stat) is sampled: polling must cost most of a CPU, the
# interrupt mode under MAX_IDLE_PCT. Then the peer floods the interrupt
# mode VF with pings: no loss, the VF's MSI-X vector fired (vfio-msix in
# /proc/interrupts) and the bench's sleeps were ended by interrupts.

# shellcheck source=../lib/sriov-bench.sh
. "$IGB_TOP/test/vm/lib/sriov-bench.sh"
# shellcheck source=../lib/vf.sh
. "$IGB_TOP/test/vm/lib/vf.sh"

IDLE_SECS=${RXI_IDLE_SECS:-20}
MAX_IDLE_PCT=${RXI_MAX_IDLE_PCT:-5}
MIN_POLL_PCT=${RXI_MIN_POLL_PCT:-80}
PINGS=${RXI_PINGS:-1000}
EAL=(-l 0 -d "$VF_PMD" --log-level=pmd.net.igb_vf:info)

# cpu_ticks PID: utime + stime so far, in clock ticks.
cpu_ticks() {
	# The name (field 2) has no spaces here: fields 14 and 15.
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# idle_pct NAME: percent of a CPU the started run NAME uses over
# IDLE_SECS with no traffic.
idle_pct() {
	local v="SB_PID_$1" pid t0 t1 hz
	pid=${!v}
	hz=$(getconf CLK_TCK)
	sleep 2 # past the first polls and the link wait
	t0=$(cpu_ticks "$pid")
	sleep "$IDLE_SECS"
	t1=$(cpu_ticks "$pid")
	awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$IDLE_SECS" \
		'BEGIN { printf "%.1f\n", 100 * d / hz / s }'
}

# msix_count BDF: interrupts vfio delivered for BDF's MSI-X vectors.
msix_count() {
	awk -v bdf="$1" 'index($0, "vfio-msix") && index($0, bdf) {
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) n += $i }
		END { print n + 0 }' /proc/interrupts
}

# stop_run NAME: SIGINT, then the report.
stop_run() {
	local v="SB_PID_$1"
	kill -INT "${!v}"
	sb_wait "$1" 60
}

vf_kernel_pf_setup ""
peer_up
# The bench answers pings but no ARP.
ip neigh replace "$VF_IP" lladdr "$VF_MAC" dev "$PEER_IF"
BENCH=(--mode fwd --fwd icmpecho --duration 600 --link-wait 30 --quiet)

sb_start poll "${EAL[@]}" -a "$VF_BDF" -- "${BENCH[@]}"
poll_pct=$(idle_pct poll)
log "polling: ${poll_pct}% of a CPU over ${IDLE_SECS}s idle"
loss=$(ping_loss "$VF_IP" 20)
assert_num "polling: ping loss (%)" -eq 0 "$loss"
stop_run poll
assert_num "polling: idle CPU (%) at least $MIN_POLL_PCT" -ge "$MIN_POLL_PCT" \
	"${poll_pct%.*}"

sb_start intr "${EAL[@]}" -a "$VF_BDF" -- "${BENCH[@]}" --rx-intr
grep -q 'Rx interrupts on MSI-X vectors 1-1' "$SCEN_OUT/intr.log" ||
	fail "intr: the VF did not report its Rx interrupt vector"
intr_pct=$(idle_pct intr)
log "rx-intr: ${intr_pct}% of a CPU over ${IDLE_SECS}s idle"
msix0=$(msix_count "$VF_BDF")
out=$(ping -n -q -f -c "$PINGS" -W 2 "$VF_IP" 2>&1) || true
echo "$out"
flood_loss=$(echo "$out" | sed -n 's/.* \([0-9.]*\)% packet loss.*/\1/p')
rtt=$(echo "$out" | sed -n 's|^rtt .* = [0-9.]*/\([0-9.]*\)/.*|\1|p')
msix1=$(msix_count "$VF_BDF")
stop_run intr

assert_num "rx-intr: idle CPU (%) under $MAX_IDLE_PCT" -lt "$MAX_IDLE_PCT" \
	"$(awk -v p="$intr_pct" 'BEGIN { printf "%d\n", p + 0.999 }')"
assert_eq "rx-intr: ping -f loss (%)" 0 "${flood_loss:-none}"
assert_num "rx-intr: VF MSI-X interrupts during the flood" -gt 0 \
	$((msix1 - msix0))
wakes=$(sed -n 's/^rx-intr: lcore [0-9]*: [0-9]* sleeps, \([0-9]*\) woken.*/\1/p' \
	"$SCEN_OUT/intr.log")
assert_num "rx-intr: sleeps ended by an interrupt" -gt 0 "${wakes:-0}"
assert_num "rx-intr: echo requests answered" -ge "$PINGS" \
	"$(sb_json intr rx.packets)"
note "idle CPU over ${IDLE_SECS}s: polling ${poll_pct}%, rx-intr ${intr_pct}%; ping -f $PINGS: ${flood_loss}% loss, avg rtt ${rtt} ms, $((msix1 - msix0)) MSI-X, $wakes wakes"
