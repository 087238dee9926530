/* SPDX-License-Identifier: BSD-3-Clause */
#include <inttypes.h>
#include <stdio.h>

#include <rte_ethdev.h>

#include "bench.h"

/* Sum of every lcore's counters as they stand (relaxed reads). */
static void
counters_sum(const struct bench_run *run, struct lcore_counters *sum)
{
	unsigned int i;

	*sum = (struct lcore_counters){0};
	for (i = 0; i < run->nb_lcores; i++) {
		const struct lcore_counters *c = &run->lcores[i].st;

		sum->rx_pkts += __atomic_load_n(&c->rx_pkts, __ATOMIC_RELAXED);
		sum->rx_bytes +=
			__atomic_load_n(&c->rx_bytes, __ATOMIC_RELAXED);
		sum->tx_pkts += __atomic_load_n(&c->tx_pkts, __ATOMIC_RELAXED);
		sum->tx_bytes +=
			__atomic_load_n(&c->tx_bytes, __ATOMIC_RELAXED);
		sum->tx_drops +=
			__atomic_load_n(&c->tx_drops, __ATOMIC_RELAXED);
		sum->alloc_fail +=
			__atomic_load_n(&c->alloc_fail, __ATOMIC_RELAXED);
	}
}

/*
 * Drops and rx_nombuf the ports report, summed over the run's ports. In tx
 * mode nobody polls Rx, so what the port misses there is not a drop of the
 * benchmark's traffic.
 */
static void
port_drops(const struct bench_run *run, uint64_t *drops, uint64_t *nombuf)
{
	bool rx_counts = run->o->mode != BENCH_MODE_TX;
	unsigned int i;

	*drops = 0;
	*nombuf = 0;
	for (i = 0; i < run->nb_ports; i++) {
		struct rte_eth_stats s;

		if (rte_eth_stats_get(run->ports[i], &s) != 0)
			continue;
		*drops += s.oerrors;
		if (rx_counts) {
			*drops += s.imissed + s.ierrors;
			*nombuf += s.rx_nombuf;
		}
	}
}

static void
progress_print(struct bench_run *run, uint64_t now)
{
	enum bench_mode mode = run->o->mode;
	struct lcore_counters cur;
	uint64_t drops, nombuf;
	double t = (double)(now - run->start_tsc) / (double)run->hz;
	double dt = t - run->last_progress_s;

	if (dt <= 0)
		return;
	counters_sum(run, &cur);
	port_drops(run, &drops, &nombuf);
	/* Port counters include what happened before the run started. */
	drops += cur.tx_drops;
	printf("[%7.1f s]", t);
	if (mode != BENCH_MODE_RX)
		printf(" tx %8.3f Mpps %7.3f Gbit/s",
			(double)(cur.tx_pkts - run->last.tx_pkts) / dt / 1e6,
			(double)(cur.tx_bytes - run->last.tx_bytes) * 8 / dt /
				1e9);
	if (mode != BENCH_MODE_TX)
		printf(" | rx %8.3f Mpps %7.3f Gbit/s",
			(double)(cur.rx_pkts - run->last.rx_pkts) / dt / 1e6,
			(double)(cur.rx_bytes - run->last.rx_bytes) * 8 / dt /
				1e9);
	printf(" | drops %" PRIu64 " nombuf %" PRIu64 "\n",
		drops - run->last_drops,
		nombuf + cur.alloc_fail - run->last_nombuf);
	fflush(stdout);
	run->last = cur;
	run->last_drops = drops;
	run->last_nombuf = nombuf + cur.alloc_fail;
	run->last_progress_s = t;
}

/* Seconds from 0.1 s on: a shorter last interval gives a noisy rate. */
#define SERIES_MIN_LAST_S 0.1

/* One --plot sample of every port's packet counters. */
static void
series_sample(struct bench_run *run, uint64_t now)
{
	struct series_sample x = {
		.t = (double)(now - run->start_tsc) / (double)run->hz};
	unsigned int i;

	for (i = 0; i < run->nb_ports; i++) {
		struct rte_eth_stats s;

		if (rte_eth_stats_get(run->ports[i], &s) != 0)
			continue;
		x.ipackets[i] = s.ipackets;
		x.opackets[i] = s.opackets;
	}
	/* Out of memory: the plot misses this second, the run goes on. */
	(void)series_add(&run->series, &x);
}

void
control_finish(struct bench_run *run, uint64_t now)
{
	const struct series *s = &run->series;
	double t = (double)(now - run->start_tsc) / (double)run->hz;

	if (run->o->plot_path == NULL)
		return;
	if (s->len <= 1 || t - s->v[s->len - 1].t >= SERIES_MIN_LAST_S)
		series_sample(run, now);
}

/* Prime the progress baseline with the counters at the start. */
void
control_start(struct bench_run *run, uint64_t now)
{
	const struct bench_opts *o = run->o;

	run->start_tsc = now;
	run->next_tick = now;
	run->next_progress = now + run->hz;
	run->deadline = o->duration > 0
		? now + (uint64_t)(o->duration * (double)run->hz)
		: 0;
	run->last_progress_s = 0;
	run->last = (struct lcore_counters){0};
	port_drops(run, &run->last_drops, &run->last_nombuf);
	run->series.nb_ports = run->nb_ports;
	if (o->plot_path != NULL)
		series_sample(run, now);
}

static bool
lcores_all_finished(const struct bench_run *run)
{
	unsigned int i;

	for (i = 0; i < run->nb_lcores; i++)
		if (!__atomic_load_n(
			    &run->lcores[i].finished, __ATOMIC_ACQUIRE))
			return false;
	return true;
}

void
control_stop(struct bench_run *run)
{
	__atomic_store_n(&run->stop, 1, __ATOMIC_RELAXED);
}

void
control_tick(struct bench_run *run, uint64_t now)
{
	const struct bench_opts *o = run->o;

	run->next_tick = now + run->hz / 1000;
	if (bench_stopping(run))
		return;
	if (run->deadline != 0 && now >= run->deadline)
		control_stop(run);
	if (o->count != 0 && run->nb_lcores > 1 &&
		(o->mode == BENCH_MODE_RX || o->mode == BENCH_MODE_FWD)) {
		struct lcore_counters cur;

		counters_sum(run, &cur);
		if (cur.rx_pkts >= o->count)
			control_stop(run);
	}
	if (lcores_all_finished(run))
		control_stop(run);
	/* A second from this line, not from the last due time: a stalled
	 * main lcore does not print catch-up lines in quick succession. */
	if (!bench_stopping(run) && now >= run->next_progress) {
		if (!o->quiet)
			progress_print(run, now);
		if (o->plot_path != NULL)
			series_sample(run, now);
		run->next_progress = now + run->hz;
	}
}
