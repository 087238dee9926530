/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef ROGUE_OPTIONS_H
#define ROGUE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"

struct rogue_opts {
	const char *pci;
	const char *vf_token;
	uint64_t seed;
	uint32_t random_count;
	uint32_t flood_count;
	uint32_t timeout_ms; /* wait for each answer */
	struct rogue_ctx ctx; /* other_mac */
	bool only[CAT_COUNT]; /* categories to run */
	const char *json; /* NULL: summary lines only */
	bool verbose;
	bool help;
};

/* 0, or -1 with a one-line reason in err. */
int rogue_opts_parse(
	struct rogue_opts *o, int argc, char **argv, char *err, size_t errlen);

void rogue_opts_usage(const char *prog);

#endif /* ROGUE_OPTIONS_H */
