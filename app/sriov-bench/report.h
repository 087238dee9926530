/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_REPORT_H
#define SRIOV_BENCH_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "options.h"
#include "result.h"

/* The summary table printed at the end of every run. */
void report_text(
	FILE *f, const struct bench_opts *o, const struct bench_result *r);

/* The same figures as JSON, for scripts. Returns 0 or -1 (write error). */
int report_json(
	FILE *f, const struct bench_opts *o, const struct bench_result *r);

#endif
