/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "result.h"

uint64_t
result_handled(enum bench_mode mode, const struct lcore_counters *c)
{
	switch (mode) {
	case BENCH_MODE_TX:
		return c->tx_pkts;
	case BENCH_MODE_RX:
	case BENCH_MODE_FWD:
		return c->rx_pkts;
	case BENCH_MODE_LAT:
		/* Each probe costs a send and a receive. */
		return c->tx_pkts + c->rx_pkts;
	}
	return 0;
}

static void
rate_fill(struct rate *r, uint64_t packets, uint64_t bytes, double secs)
{
	r->packets = packets;
	r->bytes = bytes;
	r->mpps = secs > 0 ? (double)packets / secs / 1e6 : 0;
	r->gbps = secs > 0 ? (double)bytes * 8 / secs / 1e9 : 0;
}

static double
cycles_to_ns(uint64_t cycles, uint64_t hz)
{
	return (double)cycles * 1e9 / (double)hz;
}

void
result_compute(struct bench_result *r, enum bench_mode mode,
	const struct lcore_counters *lc, const unsigned int *lcore_ids,
	const unsigned int *lcore_queues, unsigned int nb_lcores,
	struct lcore_result *lcore_out, const struct port_counters *ports,
	unsigned int nb_ports, uint64_t active_cycles, uint64_t hz,
	const struct sample_set *lat)
{
	struct lcore_counters sum = {0};
	uint64_t handled = 0;
	unsigned int i;
	double secs;

	memset(r, 0, sizeof(*r));
	r->mode = mode;
	secs = (double)active_cycles / (double)hz;
	r->elapsed_s = secs;
	for (i = 0; i < nb_lcores; i++) {
		struct lcore_result *o = &lcore_out[i];
		uint64_t h = result_handled(mode, &lc[i]);

		sum.rx_pkts += lc[i].rx_pkts;
		sum.rx_bytes += lc[i].rx_bytes;
		sum.tx_pkts += lc[i].tx_pkts;
		sum.tx_bytes += lc[i].tx_bytes;
		sum.tx_drops += lc[i].tx_drops;
		sum.seeded += lc[i].seeded;
		sum.alloc_fail += lc[i].alloc_fail;
		sum.foreign += lc[i].foreign;
		sum.unmatched += lc[i].unmatched;
		sum.busy_cycles += lc[i].busy_cycles;
		handled += h;

		o->lcore_id = lcore_ids[i];
		o->nb_queues = lcore_queues[i];
		o->packets = h;
		o->cycles_per_pkt =
			h != 0 ? (double)lc[i].busy_cycles / (double)h : 0;
		o->busy_pct = lc[i].loop_cycles != 0
			? 100.0 * (double)lc[i].busy_cycles /
				(double)lc[i].loop_cycles
			: 0;
	}
	r->nb_lcores = nb_lcores;
	r->lcores = lcore_out;
	rate_fill(&r->rx, sum.rx_pkts, sum.rx_bytes, secs);
	rate_fill(&r->tx, sum.tx_pkts, sum.tx_bytes, secs);
	r->tx_drops = sum.tx_drops;
	r->seeded = sum.seeded;
	r->foreign = sum.foreign;
	r->unmatched = sum.unmatched;
	r->cycles_per_pkt =
		handled != 0 ? (double)sum.busy_cycles / (double)handled : 0;

	/*
	 * fwd: every received packet is either sent on or dropped.
	 * lat: every probe sent should come back.
	 */
	if (mode == BENCH_MODE_FWD) {
		r->loss_known = true;
		r->loss = (int64_t)(sum.rx_pkts - sum.tx_pkts);
		r->loss_pct = sum.rx_pkts != 0
			? 100.0 * (double)r->loss / (double)sum.rx_pkts
			: 0;
	} else if (mode == BENCH_MODE_LAT) {
		r->loss_known = true;
		r->loss = (int64_t)(sum.tx_pkts - sum.rx_pkts);
		r->loss_pct = sum.tx_pkts != 0
			? 100.0 * (double)r->loss / (double)sum.tx_pkts
			: 0;
	}

	r->nb_ports = nb_ports < RESULT_MAX_PORTS ? nb_ports : RESULT_MAX_PORTS;
	for (i = 0; i < r->nb_ports; i++) {
		r->ports[i] = ports[i];
		r->rx_nombuf += ports[i].rx_nombuf;
	}
	r->alloc_fail = sum.alloc_fail;
	r->mbuf_exhaustion = r->alloc_fail + r->rx_nombuf;

	if (lat != NULL) {
		r->has_latency = true;
		r->lat.samples = lat->seen;
		r->lat.held = lat->len;
		if (lat->seen != 0) {
			r->lat.min_ns = cycles_to_ns(lat->min, hz);
			r->lat.max_ns = cycles_to_ns(lat->max, hz);
			r->lat.mean_ns =
				cycles_to_ns(lat->sum, hz) / (double)lat->seen;
			r->lat.median_ns = cycles_to_ns(
				sample_set_quantile(lat, 500000), hz);
			r->lat.p99_ns = cycles_to_ns(
				sample_set_quantile(lat, 990000), hz);
			r->lat.p999_ns = cycles_to_ns(
				sample_set_quantile(lat, 999000), hz);
		}
	}
}
