/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_RUN_H
#define SRIOV_BENCH_RUN_H

#include <stddef.h>

#include "bench.h"

/*
 * Spread the queues over the worker lcores (or the main lcore if there
 * is none), with each lcore's share of --count and --rate.
 */
int run_plan(struct bench_run *run, char *err, size_t err_len);

/* Poll until the run ends; returns with every lcore done. */
void run_execute(struct bench_run *run);

/* Gather counters into r; lcore_out holds run->nb_lcores entries. */
int run_collect(struct bench_run *run, const struct port_counters *start,
	struct bench_result *r, struct lcore_result *lcore_out,
	struct sample_set *lat);

void run_free(struct bench_run *run);

#endif
