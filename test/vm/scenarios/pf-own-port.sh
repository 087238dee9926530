# summary: testpmd on net_igb_pf (-d, driver name checked): the PF's own queue pair (queue 7, pool 7) answers pings through the vector burst functions; a deferred Rx queue started by its queue op; xstats, byte counters, register dump (dpdk-proc-info)
# timeout: 600
# The PF's own Rx/Tx through the shared burst code, on the last pool's
# queue, with one VF present so the PF really runs in VMDq mode.
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"
# shellcheck source=../lib/testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"

PF_IP=198.18.0.9

pf_setup
peer_up
testpmd_start pf -l 0-1 -n 1 \
	-d "$PF_PMD" -a "$PF_BDF,num_vfs=1" --vfio-vf-token="$VF_TOKEN" -- \
	--nb-cores=1 --total-num-mbufs=4096
assert_eq "PF port driver" net_igb_pf "$(testpmd_driver pf 0)"
assert_eq "VF created by the PMD" 1 "$(pf_numvfs)"
pf_mac=$(testpmd_mac pf 0)
testpmd_cmd pf "set fwd icmpecho" > /dev/null
testpmd_cmd pf start > /dev/null
testpmd_wait_link pf
assert_num "ping loss peer -> PF (%)" -eq 0 "$(ping_loss "$PF_IP" 30)"
assert_eq "the PF answered ARP with its own MAC" "$pf_mac" \
	"$(ip neigh show "$PF_IP" | awk '{ print $5 }')"
assert_num "PF port received" -ge 30 "$(testpmd_stat pf 0 RX-packets)"
# The guest's CPU (QEMU -cpu max) has SSE4.1: plain queues get the vector
# functions.
assert_eq "PF burst functions (Rx/Tx) that answered the pings" \
	"Vector SSE4.1/Vector SSE4.1" "$(testpmd_burst_modes pf 0)"

# The common queue glue on the PF port: queue info, deferred start and the
# queue start op, xstats (the PF pool's counters), bytes without the FCS.
assert_eq "Tx RS threshold shown (the one the queue uses)" 32 \
	"$(testpmd_queue_info pf txq 0 0 'TX RS threshold')"
testpmd_port_restart pf "port 0 rxq 0 deferred_start on"
assert_eq "a deferred Rx queue stays stopped at port start" stopped \
	"$(testpmd_queue_info pf rxq 0 0 'Rx queue state')"
assert_num "no echo while the Rx queue is stopped (loss %)" -eq 100 \
	"$(ping_loss "$PF_IP" 3)"
# (testpmd takes queue commands with forwarding stopped)
testpmd_cmd pf stop > /dev/null
testpmd_cmd pf "port 0 rxq 0 start" > /dev/null
testpmd_cmd pf start > /dev/null
assert_eq "the Rx queue started by its queue op" started \
	"$(testpmd_queue_info pf rxq 0 0 'Rx queue state')"
assert_num "ping loss after the queue start (%)" -eq 0 \
	"$(ping_loss "$PF_IP" 10)"
assert_num "xstat rx_good_packets_hw (pool 7's PVFGPRC)" -ge 40 \
	"$(testpmd_xstat pf 0 rx_good_packets_hw)"
bytes=$(testpmd_xstat pf 0 rx_q0_bytes rx_good_bytes)
assert_num "queue 0 received bytes" -gt 0 "${bytes% *}"
assert_eq "port Rx bytes (summed from its queue) = queue 0's" \
	"${bytes% *}" "${bytes#* }"

# The register dump (get_reg), as DPDK's secondary-process tool takes it
# while testpmd runs: 17 global registers, the queue pair, 9 counters.
regs=/tmp/pf-regs
dpdk-proc-info --file-prefix=pf -d "$PF_PMD" -a "$PF_BDF" \
	--vfio-vf-token="$VF_TOKEN" --log-level=lib.eal:error -- \
	--dump-regs="$regs" >&2 || true
reg() { # INDEX: the dump's 32-bit word, as a number
	printf '%d' "0x$(od -An -tx4 -j $(($1 * 4)) -N4 "$regs-port0" | tr -d ' ')"
}
assert_eq "register dump size (bytes)" 160 "$(stat -c %s "$regs-port0")"
assert_num "dump: STATUS.LU (link up)" -eq 2 $(($(reg 1) & 2))
assert_num "dump: MRQC in VMDq mode" -eq 3 $(($(reg 9) & 7))
assert_eq "dump: RAL(0)/RAH(0) hold the port's MAC" "$pf_mac" \
	"$(printf '%02x:%02x:%02x:%02x:%02x:%02x' $(($(reg 14) & 255)) \
		$(($(reg 14) >> 8 & 255)) $(($(reg 14) >> 16 & 255)) \
		$(($(reg 14) >> 24 & 255)) $(($(reg 15) & 255)) \
		$(($(reg 15) >> 8 & 255)))"
nb_rxd=$(testpmd_queue_info pf rxq 0 0 'Number of RXDs')
assert_num "dump: RDLEN of queue 7 = RXDs x 16" -eq $((nb_rxd * 16)) "$(reg 19)"
assert_num "dump: RXDCTL.ENABLE of queue 7" -ne 0 $(($(reg 23) & (1 << 25)))
rx_hw=$(testpmd_xstat pf 0 rx_good_packets_hw)
assert_num "dump: PVFGPRC(7), read after the xstat" -ge "$rx_hw" "$(reg 31)"
testpmd_stop pf
assert_eq "VFs removed at close" 0 "$(pf_numvfs)"
