/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_PLOT_H
#define SRIOV_BENCH_PLOT_H

#include <stddef.h>
#include <stdint.h>

#include "options.h"
#include "out_file.h"
#include "percentile.h"
#include "result.h"
#include "series.h"

/*
 * --plot: once the run is over, gnuplot draws an SVG from data and a
 * script written to a temporary directory: packets per second of each
 * port (Rx and Tx) for each second of the run, and in lat mode the
 * latency CDF with the report's percentiles marked.
 */

/* Find gnuplot in PATH, before the run; 0, or -1 with a message. */
int plot_check(char *err, size_t err_len);

/*
 * Draw into f. lat: the sorted samples (lat mode), else NULL. Returns 0,
 * or -1 after printing an error.
 */
int plot_draw(struct out_file *f, const struct bench_opts *o,
	const struct bench_result *r, const struct series *s,
	const struct sample_set *lat, uint64_t hz);

#endif
