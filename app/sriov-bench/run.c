/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_random.h>

#include "port.h"
#include "run.h"

/* Latency samples kept per lcore for percentiles (8 MiB). */
#define LAT_SAMPLES_PER_LCORE (1u << 20)

/* Share of total for queue q of n: the remainder goes to the first. */
static uint64_t
queue_share(uint64_t total, unsigned int q, unsigned int n)
{
	return total / n + (q < total % n ? 1 : 0);
}

static int
lcore_assign(struct bench_run *run, unsigned int idx, unsigned int lcore_id,
	bool is_control)
{
	const struct bench_opts *o = run->o;
	struct bench_lcore *lc = &run->lcores[idx];
	unsigned int q;

	lc->run = run;
	lc->lcore_id = lcore_id;
	lc->is_control = is_control;
	lc->queues = calloc(o->queues, sizeof(*lc->queues));
	if (lc->queues == NULL)
		return -1;
	lc->seq = idx;
	lc->seq_step = run->nb_lcores;
	lc->quota = o->count != 0 ? 0 : UINT64_MAX;
	for (q = idx; q < o->queues; q += run->nb_lcores) {
		lc->queues[lc->nb_queues++] = q;
		lc->rate += queue_share(o->rate, q, o->queues);
		if (o->count != 0)
			lc->quota += queue_share(o->count, q, o->queues);
	}
	/* Received packets cannot be split ahead of time between lcores:
	 * with several, the main lcore stops the run at the total. */
	if (o->count != 0 && run->nb_lcores > 1 &&
		(o->mode == BENCH_MODE_RX || o->mode == BENCH_MODE_FWD))
		lc->quota = UINT64_MAX;
	if (o->mode == BENCH_MODE_LAT &&
		sample_set_init(
			&lc->lat, LAT_SAMPLES_PER_LCORE, lcore_id + 1) != 0)
		return -1;
	return 0;
}

int
run_plan(struct bench_run *run, char *err, size_t err_len)
{
	const struct bench_opts *o = run->o;
	unsigned int workers = rte_lcore_count() - 1;
	unsigned int i = 0, lcore_id;

	run->nb_lcores =
		workers == 0 ? 1 : RTE_MIN(workers, (unsigned int)o->queues);
	run->lcores = aligned_alloc(
		RTE_CACHE_LINE_SIZE, run->nb_lcores * sizeof(*run->lcores));
	if (run->lcores == NULL)
		goto nomem;
	memset(run->lcores, 0, run->nb_lcores * sizeof(*run->lcores));
	if (o->mode == BENCH_MODE_LAT &&
		probe_table_init(
			&run->probes, rte_rand(), PROBE_SLOTS_DEFAULT) != 0)
		goto nomem;
	if (workers == 0)
		return lcore_assign(run, 0, rte_get_main_lcore(), true) == 0
			? 0
			: -1;
	RTE_LCORE_FOREACH_WORKER(lcore_id)
	{
		if (i == run->nb_lcores)
			break;
		if (lcore_assign(run, i++, lcore_id, false) != 0)
			goto nomem;
	}
	return 0;
nomem:
	snprintf(err, err_len, "out of memory planning %u lcores",
		run->nb_lcores);
	return -1;
}

static int
lcore_entry(void *arg)
{
	struct bench_lcore *lc = arg;

	switch (lc->run->o->mode) {
	case BENCH_MODE_TX:
		tx_gen_loop(lc);
		break;
	case BENCH_MODE_RX:
		rx_sink_loop(lc);
		break;
	case BENCH_MODE_FWD:
		fwd_loop(lc);
		break;
	case BENCH_MODE_LAT:
		latency_loop(lc);
		break;
	}
	__atomic_store_n(&lc->finished, 1, __ATOMIC_RELEASE);
	return 0;
}

void
run_execute(struct bench_run *run)
{
	struct bench_lcore *main_lc = NULL;
	unsigned int i;

	control_start(run, rte_rdtsc());
	for (i = 0; i < run->nb_lcores; i++) {
		struct bench_lcore *lc = &run->lcores[i];

		if (lc->is_control)
			main_lc = lc;
		else
			rte_eal_remote_launch(lcore_entry, lc, lc->lcore_id);
	}
	if (main_lc != NULL) {
		lcore_entry(main_lc);
	} else {
		while (!bench_stopping(run)) {
			control_tick(run, rte_rdtsc());
			rte_delay_us_sleep(1000);
		}
	}
	rte_eal_mp_wait_lcore();
	control_finish(run, rte_rdtsc());
}

int
run_collect(struct bench_run *run, const struct port_counters *start,
	struct bench_result *r, struct lcore_result *lcore_out,
	struct sample_set *lat)
{
	struct lcore_counters st[RTE_MAX_LCORE];
	unsigned int ids[RTE_MAX_LCORE], queues[RTE_MAX_LCORE];
	struct port_counters ports[RESULT_MAX_PORTS];
	uint64_t t0 = UINT64_MAX, t1 = 0, held = 0;
	bool is_lat = run->o->mode == BENCH_MODE_LAT;
	unsigned int i;

	for (i = 0; i < run->nb_lcores; i++) {
		const struct bench_lcore *lc = &run->lcores[i];

		st[i] = lc->st;
		ids[i] = lc->lcore_id;
		queues[i] = lc->nb_queues;
		t0 = RTE_MIN(t0, lc->t_start);
		t1 = RTE_MAX(t1, lc->t_stop);
		held += lc->lat.len;
	}
	for (i = 0; i < run->nb_ports; i++) {
		port_counters_read(run->ports[i], &ports[i]);
		port_counters_delta(&ports[i], &start[i]);
	}
	if (is_lat) {
		if (sample_set_init(lat, held, 1) != 0)
			return -1;
		for (i = 0; i < run->nb_lcores; i++)
			sample_set_merge(lat, &run->lcores[i].lat);
		sample_set_sort(lat);
	}
	result_compute(r, run->o->mode, st, ids, queues, run->nb_lcores,
		lcore_out, ports, run->nb_ports, t1 > t0 ? t1 - t0 : 0, run->hz,
		is_lat ? lat : NULL);
	r->interrupted =
		__atomic_load_n(&run->interrupted, __ATOMIC_RELAXED) != 0;
	return 0;
}

void
run_free(struct bench_run *run)
{
	unsigned int i;

	for (i = 0; run->lcores != NULL && i < run->nb_lcores; i++) {
		free(run->lcores[i].queues);
		sample_set_free(&run->lcores[i].lat);
	}
	free(run->lcores);
	run->lcores = NULL;
	probe_table_free(&run->probes);
	series_free(&run->series);
}
