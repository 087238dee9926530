/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tallies out: one line per category and per expectation, a final line
 * the guest scenario parses, and optionally the same as JSON.
 */
#ifndef ROGUE_REPORT_H
#define ROGUE_REPORT_H

#include <stdio.h>

#include "runner.h"

void rogue_report_text(FILE *f, const struct rogue_run *r);

/* 0 or -errno. */
int rogue_report_json(
	const char *path, const struct rogue_run *r, uint64_t seed);

#endif /* ROGUE_REPORT_H */
