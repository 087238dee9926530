/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_SIZE_MIX_H
#define SRIOV_BENCH_SIZE_MIX_H

#include <stddef.h>
#include <stdint.h>

/* Frame sizes count the whole Ethernet frame including the 4-byte FCS. */
#define SIZE_MIX_MIN_FRAME 64u
#define SIZE_MIX_MAX_FRAME 9600u
#define SIZE_MIX_MAX_ENTRIES 16u
/* Upper bound on the sum of weights: the pattern holds one slot per unit. */
#define SIZE_MIX_MAX_PATTERN 1024u

struct size_mix {
	unsigned int nb_entries;
	uint16_t size[SIZE_MIX_MAX_ENTRIES];
	uint16_t weight[SIZE_MIX_MAX_ENTRIES];
	/* Sizes in sending order, weights interleaved evenly. */
	unsigned int pattern_len;
	uint16_t pattern[SIZE_MIX_MAX_PATTERN];
};

/* Mix with a single size. */
void size_mix_single(struct size_mix *mix, uint16_t size);

/*
 * Parse "SIZE:WEIGHT[,SIZE:WEIGHT...]" (a bare SIZE means weight 1).
 * Returns 0, or -1 with a message in err.
 */
int size_mix_parse(
	struct size_mix *mix, const char *spec, char *err, size_t err_len);

uint16_t size_mix_max(const struct size_mix *mix);
uint16_t size_mix_min(const struct size_mix *mix);

#endif
