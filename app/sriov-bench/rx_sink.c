/* SPDX-License-Identifier: BSD-3-Clause */
#include <rte_cycles.h>
#include <rte_ethdev.h>

#include "bench.h"

/* Rx-only sink: count and free. With a quota (one lcore and --count) the
 * last bursts ask for no more than the remaining packets. */
void
rx_sink_loop(struct bench_lcore *lc)
{
	struct bench_run *run = lc->run;
	const struct bench_opts *o = run->o;
	struct rte_mbuf *pkts[BENCH_MAX_BURST];
	uint64_t now, prev;

	if (o->rx_intr && rx_intr_register(lc, o->port) != 0)
		return;
	prev = lc->t_start = rte_rdtsc();
	while (!lcore_should_stop(lc, prev)) {
		uint64_t moved = 0;
		unsigned int qi;

		for (qi = 0; qi < lc->nb_queues; qi++) {
			uint16_t want = RTE_MIN((uint64_t)o->burst,
				lc->quota - (lc->st.rx_pkts + moved));
			uint16_t n;

			if (want == 0)
				break;
			n = rte_eth_rx_burst(
				o->port, lc->queues[qi], pkts, want);
			if (n == 0)
				continue;
			counter_add(&lc->st.rx_bytes, frames_bytes(pkts, n));
			rte_pktmbuf_free_bulk(pkts, n);
			moved += n;
		}
		now = rte_rdtsc();
		if (moved != 0) {
			counter_add(&lc->st.rx_pkts, moved);
			counter_add(&lc->st.busy_cycles, now - prev);
		}
		prev = now;
		if (lc->st.rx_pkts == lc->quota)
			break;
		if (moved == 0 && o->rx_intr) {
			rx_intr_sleep(lc, &o->port, 1);
			prev = rte_rdtsc();
		}
	}
	lc->t_stop = prev;
	counter_add(&lc->st.loop_cycles, prev - lc->t_start);
}
