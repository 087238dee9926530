/* SPDX-License-Identifier: BSD-3-Clause */
#include <rte_cycles.h>
#include <rte_ethdev.h>

#include "bench.h"
#include "pacing.h"

/*
 * Tx-only generator. Packets the queue does not take stay pending and go
 * first on the next poll, so with --count exactly that many are sent.
 */
void
tx_gen_loop(struct bench_lcore *lc)
{
	struct bench_run *run = lc->run;
	const struct bench_opts *o = run->o;
	struct rte_mbuf *pend[BENCH_MAX_BURST];
	uint16_t sizes[BENCH_MAX_BURST];
	uint16_t n_pend = 0, off = 0;
	unsigned int qi = 0;
	uint64_t built = 0, prev;
	struct pacer pacer;

	prev = lc->t_start = rte_rdtsc();
	pacer_init(&pacer, run->hz, lc->rate,
		pacer_default_cap(lc->rate, o->burst), prev);
	while (!lcore_should_stop(lc, prev)) {
		uint64_t now;
		uint16_t nb = 0;

		if (n_pend == 0) {
			uint64_t want = o->burst;

			if (built == lc->quota)
				break;
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
			nb = rte_eth_tx_burst(
				o->port, lc->queues[qi], pend + off, n_pend);
			if (nb != 0) {
				uint64_t bytes = 0;
				uint16_t i;

				for (i = off; i < off + nb; i++)
					bytes += sizes[i];
				counter_add(&lc->st.tx_pkts, nb);
				counter_add(&lc->st.tx_bytes, bytes);
				off += nb;
				n_pend -= nb;
				if (n_pend == 0 && ++qi == lc->nb_queues)
					qi = 0;
			}
		}
		now = rte_rdtsc();
		if (nb != 0)
			counter_add(&lc->st.busy_cycles, now - prev);
		prev = now;
	}
	lc->t_stop = prev;
	counter_add(&lc->st.loop_cycles, prev - lc->t_start);
	if (n_pend != 0)
		rte_pktmbuf_free_bulk(pend + off, n_pend);
}
