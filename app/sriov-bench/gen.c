/* SPDX-License-Identifier: BSD-3-Clause */
#include "bench.h"

uint16_t
gen_build(struct bench_lcore *lc, struct rte_mbuf **pkts, uint16_t n,
	uint16_t *sizes)
{
	const struct bench_run *run = lc->run;
	const struct size_mix *mix = &run->o->sizes;
	uint16_t i;

	if (rte_pktmbuf_alloc_bulk(run->pool, pkts, n) != 0) {
		counter_add(&lc->st.alloc_fail, n);
		return 0;
	}
	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];
		uint16_t size = mix->pattern[lc->size_idx];

		if (++lc->size_idx == mix->pattern_len)
			lc->size_idx = 0;
		pkt_build(rte_pktmbuf_mtod(m, uint8_t *), &run->tmpl, size,
			lc->flow_idx, (uint32_t)lc->seq);
		lc->seq += lc->seq_step;
		if (++lc->flow_idx == run->o->flows)
			lc->flow_idx = 0;
		m->data_len = pkt_data_len(size);
		m->pkt_len = m->data_len;
		sizes[i] = size;
	}
	return n;
}
