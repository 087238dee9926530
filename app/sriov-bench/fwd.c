/* SPDX-License-Identifier: BSD-3-Clause */
#include <rte_cycles.h>
#include <rte_ethdev.h>

#include "bench.h"

/* Receive one burst on rx_port and send it out of tx_port, same queue
 * index. What the Tx queue does not take is freed and counted as lost. */
static uint16_t
fwd_burst(struct bench_lcore *lc, uint16_t rx_port, uint16_t tx_port,
	uint16_t queue, uint16_t want)
{
	const struct bench_opts *o = lc->run->o;
	struct rte_mbuf *pkts[BENCH_MAX_BURST];
	uint64_t bytes, unsent_bytes = 0;
	uint16_t n, sent;

	if (want == 0)
		return 0;
	n = rte_eth_rx_burst(rx_port, queue, pkts, want);
	if (n == 0)
		return 0;
	bytes = frames_bytes(pkts, n);
	if (o->fwd == BENCH_FWD_MACSWAP) {
		uint16_t i;

		for (i = 0; i < n; i++)
			pkt_macswap(rte_pktmbuf_mtod(pkts[i], uint8_t *));
	} else if (o->fwd == BENCH_FWD_ICMPECHO) {
		uint16_t i;

		for (i = 0; i < n; i++) {
			uint8_t *b = rte_pktmbuf_mtod(pkts[i], uint8_t *);

			if (!pkt_icmp_echo_reply(
				    b, rte_pktmbuf_data_len(pkts[i])))
				pkt_macswap(b);
		}
	}
	sent = rte_eth_tx_burst(tx_port, queue, pkts, n);
	if (sent < n) {
		unsent_bytes = frames_bytes(pkts + sent, n - sent);
		rte_pktmbuf_free_bulk(pkts + sent, n - sent);
		counter_add(&lc->st.tx_drops, n - sent);
	}
	counter_add(&lc->st.rx_pkts, n);
	counter_add(&lc->st.rx_bytes, bytes);
	counter_add(&lc->st.tx_pkts, sent);
	counter_add(&lc->st.tx_bytes, bytes - unsent_bytes);
	return n;
}

/*
 * --tx-first: put generated packets on a Tx queue to start traffic in a
 * loop. Stops at the first burst the queue refuses; only what was taken
 * counts as seeded.
 */
static void
fwd_seed(struct bench_lcore *lc, uint16_t port, uint16_t queue)
{
	const struct bench_opts *o = lc->run->o;
	struct rte_mbuf *pkts[BENCH_MAX_BURST];
	uint16_t sizes[BENCH_MAX_BURST];
	uint32_t left = o->tx_first;

	while (left != 0 && !bench_stopping(lc->run)) {
		uint16_t n = RTE_MIN(left, (uint32_t)o->burst);
		uint16_t sent;

		if (gen_build(lc, pkts, n, sizes) == 0)
			return;
		sent = rte_eth_tx_burst(port, queue, pkts, n);
		counter_add(&lc->st.seeded, sent);
		if (sent < n) {
			rte_pktmbuf_free_bulk(pkts + sent, n - sent);
			return;
		}
		left -= n;
	}
}

/* Burst size, no more than the packets left to receive. */
static uint16_t
fwd_want(const struct bench_lcore *lc)
{
	return RTE_MIN((uint64_t)lc->run->o->burst, lc->quota - lc->st.rx_pkts);
}

void
fwd_loop(struct bench_lcore *lc)
{
	struct bench_run *run = lc->run;
	const struct bench_opts *o = run->o;
	bool two_ports = o->port != o->peer_port;
	const uint16_t ports[] = {o->port, o->peer_port};
	unsigned int qi, nb_ports = two_ports ? 2 : 1;
	uint64_t prev;

	for (qi = 0; o->rx_intr && qi < nb_ports; qi++)
		if (rx_intr_register(lc, ports[qi]) != 0)
			return;

	for (qi = 0; qi < lc->nb_queues && o->tx_first != 0; qi++) {
		fwd_seed(lc, o->peer_port, lc->queues[qi]);
		if (two_ports)
			fwd_seed(lc, o->port, lc->queues[qi]);
	}
	prev = lc->t_start = rte_rdtsc();
	while (!lcore_should_stop(lc, prev)) {
		uint64_t moved = 0, now;

		for (qi = 0; qi < lc->nb_queues; qi++) {
			uint16_t q = lc->queues[qi];

			moved += fwd_burst(
				lc, o->port, o->peer_port, q, fwd_want(lc));
			if (two_ports)
				moved += fwd_burst(lc, o->peer_port, o->port, q,
					fwd_want(lc));
		}
		now = rte_rdtsc();
		if (moved != 0)
			counter_add(&lc->st.busy_cycles, now - prev);
		prev = now;
		if (lc->st.rx_pkts == lc->quota)
			break;
		if (moved == 0 && o->rx_intr) {
			rx_intr_sleep(lc, ports, nb_ports);
			prev = rte_rdtsc();
		}
	}
	lc->t_stop = prev;
	counter_add(&lc->st.loop_cycles, prev - lc->t_start);
}
