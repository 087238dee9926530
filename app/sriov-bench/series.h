/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_SERIES_H
#define SRIOV_BENCH_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "result.h"

/*
 * The ports' packet counters over the run, sampled once a second (and
 * at the start and end) for --plot: counters as the port reports them,
 * so the rate of an interval is the difference of two samples over
 * their time apart.
 */
struct series_sample {
	double t; /* seconds since the start */
	uint64_t ipackets[RESULT_MAX_PORTS];
	uint64_t opackets[RESULT_MAX_PORTS];
};

struct series {
	unsigned int nb_ports;
	size_t len;
	size_t cap;
	struct series_sample *v;
};

/* Append a sample; returns 0 or -1 (out of memory: sample dropped). */
int series_add(struct series *s, const struct series_sample *x);
void series_free(struct series *s);

/* Packets per second of port p between samples i - 1 and i (i >= 1). */
double series_rx_pps(const struct series *s, size_t i, unsigned int p);
double series_tx_pps(const struct series *s, size_t i, unsigned int p);

#endif
