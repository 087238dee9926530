/* SPDX-License-Identifier: BSD-3-Clause */
#include <rte_cycles.h>
#include <rte_ethdev.h>

#include "bench.h"
#include "pacing.h"

/*
 * Receive on the peer port: a frame that is a probe of this run still
 * out gives one round-trip sample (TSC at Rx minus the TSC at send);
 * other frames with a probe header are counted as unmatched, anything
 * else as foreign, and dropped.
 */
static uint16_t
lat_receive(struct bench_lcore *lc)
{
	struct bench_run *run = lc->run;
	const struct bench_opts *o = run->o;
	struct rte_mbuf *pkts[BENCH_MAX_BURST];
	uint16_t total = 0;
	unsigned int qi;

	for (qi = 0; qi < lc->nb_queues; qi++) {
		uint64_t bytes = 0, probes = 0, t;
		uint16_t n, i;

		n = rte_eth_rx_burst(
			o->peer_port, lc->queues[qi], pkts, o->burst);
		if (n == 0)
			continue;
		t = rte_rdtsc();
		for (i = 0; i < n; i++) {
			struct pkt_bench_hdr h;
			uint64_t sent;

			if (!pkt_parse_bench(
				    rte_pktmbuf_mtod(pkts[i], uint8_t *),
				    rte_pktmbuf_data_len(pkts[i]), &h)) {
				counter_add(&lc->st.foreign, 1);
				continue;
			}
			if (!probe_match(&run->probes, &h, &sent)) {
				counter_add(&lc->st.unmatched, 1);
				continue;
			}
			/* The TSC is invariant across cores; a probe sent
			 * by another lcore is timed here too. */
			sample_set_add(&lc->lat, t > sent ? t - sent : 0);
			bytes += rte_pktmbuf_pkt_len(pkts[i]) + PKT_FCS_LEN;
			probes++;
		}
		counter_add(&lc->st.rx_pkts, probes);
		counter_add(&lc->st.rx_bytes, bytes);
		rte_pktmbuf_free_bulk(pkts, n);
		total += n;
	}
	return total;
}

/* Record the pending probes as leaving now, then send them. */
static uint16_t
lat_send(struct bench_lcore *lc, uint16_t queue, struct rte_mbuf **pkts,
	uint16_t n, const uint16_t *sizes)
{
	struct bench_run *run = lc->run;
	uint64_t t = rte_rdtsc(), bytes = 0;
	uint16_t i, sent;

	for (i = 0; i < n; i++)
		probe_sent(&run->probes,
			pkt_seq(rte_pktmbuf_mtod(pkts[i], uint8_t *)), t);
	sent = rte_eth_tx_burst(run->o->port, queue, pkts, n);
	for (i = 0; i < sent; i++)
		bytes += sizes[i];
	counter_add(&lc->st.tx_pkts, sent);
	counter_add(&lc->st.tx_bytes, bytes);
	return sent;
}

/* Probes built but never sent: forget them before freeing. */
static void
lat_discard(struct bench_lcore *lc, struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++)
		probe_cancel(&lc->run->probes,
			pkt_seq(rte_pktmbuf_mtod(pkts[i], uint8_t *)));
	rte_pktmbuf_free_bulk(pkts, n);
}

/*
 * Round-trip latency: paced probes leave on the lcore's queues of --port
 * in turn and come back on its queues of --peer-port. When sending ends
 * the lcore keeps receiving until every probe is back or --drain-ms has
 * passed.
 */
void
latency_loop(struct bench_lcore *lc)
{
	struct bench_run *run = lc->run;
	const struct bench_opts *o = run->o;
	struct rte_mbuf *pend[BENCH_MAX_BURST];
	uint16_t sizes[BENCH_MAX_BURST];
	uint16_t n_pend = 0, off = 0;
	uint64_t built = 0, drain_end = 0, prev;
	unsigned int qi = 0;
	bool sending = true;
	struct pacer pacer;

	prev = lc->t_start = rte_rdtsc();
	pacer_init(&pacer, run->hz, lc->rate,
		pacer_default_cap(lc->rate, o->burst), prev);
	for (;;) {
		uint64_t moved = 0, now;

		if (sending &&
			(lcore_should_stop(lc, prev) ||
				(built == lc->quota && n_pend == 0))) {
			sending = false;
			lc->t_stop = prev;
			drain_end = prev + run->hz * o->drain_ms / 1000;
			if (n_pend != 0)
				lat_discard(lc, pend + off, n_pend);
			n_pend = 0;
		}
		if (!sending &&
			(lc->st.rx_pkts >= lc->st.tx_pkts || prev >= drain_end))
			break;
		if (sending && n_pend == 0) {
			uint64_t want = o->burst;

			want = RTE_MIN(want, lc->quota - built);
			want = RTE_MIN(want, pacer_credit(&pacer, prev));
			if (want != 0) {
				n_pend = gen_build(lc, pend, want, sizes);
				off = 0;
				pacer_consume(&pacer, n_pend);
				built += n_pend;
			}
		}
		if (n_pend != 0) {
			uint16_t sent = lat_send(lc, lc->queues[qi], pend + off,
				n_pend, sizes + off);

			off += sent;
			n_pend -= sent;
			moved += sent;
			if (n_pend == 0 && ++qi == lc->nb_queues)
				qi = 0;
		}
		moved += lat_receive(lc);
		now = rte_rdtsc();
		if (moved != 0)
			counter_add(&lc->st.busy_cycles, now - prev);
		prev = now;
	}
	counter_add(&lc->st.loop_cycles, prev - lc->t_start);
}
