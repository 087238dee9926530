# summary: DPDK's secondary-process tools on live testpmd ports of net_igb_pf and net_igb_vf: dpdk-proc-info --stats/--xstats agree with testpmd, dpdk-pdump captures exactly the pinged frames; the secondaries change nothing (no VF reset, no mailbox request, no link event)
# timeout: 900
# testpmd (primary) owns the PF with one VF and answers pings on the PF's
# own queue; a second testpmd (primary of its own) drives the VF. Each
# port is then watched by DPDK's secondary-process tools attached to its
# primary's file prefix: they read counters from shared memory and ask the
# primary to capture. A secondary that probed like a primary would reset
# the VF or the PF (the VF would see the PF reset, the PF would count a
# VF_RESET), which the checks at the end rule out.
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"
# shellcheck source=../lib/testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"

PF_IP=198.18.0.9
# dpdk-pdump writes through a net_pcap port, which EAL creates in the
# primary too (hotplug): both processes load that driver.
PCAP_PMD=$(compgen -G '/run/dpdk-pmds-all/librte_net_pcap.so.*' | head -n 1)
[ -n "$PCAP_PMD" ] || fail "no net_pcap driver in DPDK's plugin folder"
# DPDK's rule for processes that share a mempool: the same mempool
# drivers registered in the same order, since a pool names its driver by
# its index in each process's table. dpdk-pdump's pool is filled by the
# primary; Debian's testpmd links a mempool driver (dpaa) that registers
# before the plugins, dpdk-pdump does not: it gets the same one first.
PDUMP_PRELOAD=$(ldd "$(command -v "$TESTPMD")" |
	awk '$1 ~ /^librte_mempool_/ { print $3 }' | paste -sd ' ')
log "mempool drivers testpmd links, preloaded into dpdk-pdump: ${PDUMP_PRELOAD:-none}"

# stat_fields TEXT: "RX-packets RX-bytes TX-packets TX-bytes" values of a
# "show port stats" or proc-info --stats text.
stat_fields() {
	local f
	for f in RX-packets RX-bytes TX-packets TX-bytes; do
		echo "$1" | grep -o "$f: *[0-9]*" | head -n 1 | awk '{ print $2 }'
	done | paste -sd ' '
}

# between DESC LOW SEEN HIGH: each field of SEEN lies between LOW's and
# HIGH's (space-separated lists of the same length).
between() {
	local -a lo se hi
	local i
	read -r -a lo <<< "$2"
	read -r -a se <<< "$3"
	read -r -a hi <<< "$4"
	assert_eq "$1: number of values" "${#lo[@]}" "${#se[@]}"
	for i in "${!lo[@]}"; do
		[ "${lo[i]}" -le "${se[i]}" ] && [ "${se[i]}" -le "${hi[i]}" ] ||
			fail "$1: value $i is ${se[i]}, not within testpmd's ${lo[i]}..${hi[i]} (testpmd: $2 / $4; secondary: $3)"
	done
	log "$1: $3 (testpmd before/after: $2 / $4)"
}

# xstat_values TEXT NAMES: the values of the xstats NAMES in TEXT
# ("name: value" lines), in order; "absent" for a missing one.
xstat_values() {
	echo "$1" | tr -d '\r' | awk -v keys="$2" '
		{ sub(/^ +/, ""); i = index($0, ": ");
		  if (i) v[substr($0, 1, i - 1)] = substr($0, i + 2) }
		END { n = split(keys, k, " "); for (j = 1; j <= n; j++)
			printf "%s%s", (k[j] in v) ? v[k[j]] : "absent",
				j < n ? " " : "\n" }'
}

# lsc_events NAME: link events testpmd NAME printed for port 0 so far.
lsc_events() {
	grep -c 'Port 0: link state change event' "$SCEN_OUT/$1.log" || true
}

# watch_port NAME PMD BDF IP EAL-ARGS...: proc-info and pdump attached to
# testpmd NAME (forwarding icmpecho on port 0) while the peer pings IP.
watch_port() {
	local name=$1 pmd=$2 bdf=$3 ip=$4 t1 t2 p r names xt1 xt2 xp cap n
	shift 4
	local eal=(--file-prefix="$name" -d "$pmd" -a "$bdf" "$@"
		--log-level=lib.eal:error)
	assert_num "$name: ping loss (%)" -eq 0 "$(ping_loss "$ip" 20)"
	# The VF's counters reach shared memory with its 100 ms poll.
	sleep 0.5

	t1=$(stat_fields "$(testpmd_cmd "$name" "show port stats 0")")
	sleep 0.3
	p=$(dpdk-proc-info "${eal[@]}" -- --stats 2>&1) ||
		fail "$name: dpdk-proc-info --stats failed: $p"
	echo "$p"
	t2=$(stat_fields "$(testpmd_cmd "$name" "show port stats 0")")
	between "$name: proc-info --stats (RX/TX packets, bytes)" "$t1" \
		"$(stat_fields "$p")" "$t2"
	assert_num "$name: RX-packets seen by proc-info" -ge 20 \
		"$(stat_fields "$p" | cut -d ' ' -f 1)"

	xt1=$(testpmd_cmd "$name" "show port xstats 0" | tr -d '\r')
	names=$(echo "$xt1" | sed -n 's/^\([a-z_0-9]*\): [0-9]*$/\1/p' |
		paste -sd ' ')
	assert_num "$name: xstats testpmd shows" -ge 10 "$(wc -w <<< "$names")"
	sleep 0.3
	xp=$(dpdk-proc-info "${eal[@]}" -- --xstats 2>&1) ||
		fail "$name: dpdk-proc-info --xstats failed: $xp"
	echo "$xp"
	xt2=$(testpmd_cmd "$name" "show port xstats 0" | tr -d '\r')
	between "$name: proc-info --xstats ($names)" \
		"$(xstat_values "$xt1" "$names")" \
		"$(xstat_values "$xp" "$names")" "$(xstat_values "$xt2" "$names")"

	# What changes the port is the primary's: a secondary's reset is refused.
	r=$(dpdk-proc-info "${eal[@]}" -- --xstats-reset 2>&1) || true
	assert_match "$name: counter reset from a secondary refused" \
		"Error clearing xstats for port 0: Operation not supported" "$r"
	assert_eq "$name: testpmd's counters after that" "$t2" \
		"$(stat_fields "$(testpmd_cmd "$name" "show port stats 0")")"

	cap=/tmp/$name-pdump
	rm -f "$cap"-*.pcap
	LD_PRELOAD=$PDUMP_PRELOAD stdbuf -oL -eL dpdk-pdump "${eal[@]}" -d "$PCAP_PMD" -- --pdump \
		"port=0,queue=*,rx-dev=$cap-rx.pcap,tx-dev=$cap-tx.pcap" \
		> "$SCEN_OUT/$name-pdump.log" 2>&1 &
	n=$!
	echo "$n" >> "$SCEN_OUT/pids"
	wait_for 60 "$name: dpdk-pdump capturing" \
		grep -q "^ core (" "$SCEN_OUT/$name-pdump.log"
	sleep 1
	assert_num "$name: ping loss while captured (%)" -eq 0 \
		"$(ping_loss "$ip" 25)"
	sleep 1
	kill -INT "$n"
	wait_for 30 "$name: dpdk-pdump done" sh -c "! kill -0 $n 2>/dev/null"
	wait "$n" 2>/dev/null || fail "$name: dpdk-pdump failed: $(tail -n 5 "$SCEN_OUT/$name-pdump.log")"
	cat "$SCEN_OUT/$name-pdump.log"
	assert_num "$name: echo requests in the Rx capture" -eq 25 \
		"$(tcpdump -n -r "$cap-rx.pcap" 2>/dev/null | grep -c "$ip: ICMP echo request")"
	assert_num "$name: echo replies in the Tx capture" -eq 25 \
		"$(tcpdump -n -r "$cap-tx.pcap" 2>/dev/null | grep -c "$ip > $PEER_IP: ICMP echo reply")"
	assert_num "$name: ping loss after the capture ended (%)" -eq 0 \
		"$(ping_loss "$ip" 10)"
	note "$name: stats $(stat_fields "$p" | cut -d ' ' -f 1) rx pkts, $(wc -w <<< "$names") xstats agree; pdump 25/25"
}

pf_setup
peer_up
testpmd_start pf -l 0-1 -n 1 -d "$PF_PMD" -d "$PCAP_PMD" \
	-a "$PF_BDF,num_vfs=1,vf0_mac=$VF_MAC" --vfio-vf-token="$VF_TOKEN" -- \
	--nb-cores=1 --total-num-mbufs=4096
assert_eq "PF port driver" net_igb_pf "$(testpmd_driver pf 0)"
testpmd_cmd pf "set fwd icmpecho" > /dev/null
testpmd_cmd pf start > /dev/null
testpmd_wait_link pf
lsc_pf=$(lsc_events pf)
watch_port pf "$PF_PMD" "$PF_BDF" "$PF_IP" --vfio-vf-token="$VF_TOKEN"
assert_eq "no link event in the PF's testpmd while the secondaries ran" \
	"$lsc_pf" "$(lsc_events pf)"
# One forwarding testpmd at a time on this guest's two CPUs.
testpmd_cmd pf stop > /dev/null

vf_vfio 0
vf_testpmd_start vf -d "$PCAP_PMD"
assert_eq "VF MAC from the PF" "$VF_MAC" "$(testpmd_mac vf 0)"
testpmd_cmd vf "set fwd icmpecho" > /dev/null
testpmd_cmd vf start > /dev/null
testpmd_wait_link vf
lsc_vf=$(lsc_events vf)
TEL=$(telemetry pf /igb_pf/mbx 0)
mbx_before=$(tel_fields "$TEL" requests resets)
watch_port vf "$VF_PMD" "$VF_BDF" "$VF_IP" --vfio-vf-token="$VF_TOKEN"

# The secondaries touched neither the VF nor the mailbox.
TEL=$(telemetry pf /igb_pf/mbx 0)
assert_eq "VF 0 mailbox requests and resets at the PF, before and after the secondaries" \
	"$mbx_before" "$(tel_fields "$TEL" requests resets)"
assert_eq "no reset event in the VF's testpmd" 0 \
	"$(grep -c 'reset event' "$SCEN_OUT/vf.log" || true)"
assert_eq "no link event in the VF's testpmd while the secondaries ran" \
	"$lsc_vf" "$(lsc_events vf)"
testpmd_stop vf
testpmd_stop pf
