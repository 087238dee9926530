/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_PERCENTILE_H
#define SRIOV_BENCH_PERCENTILE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Latency samples of one lcore. Keeps every sample up to cap, then a
 * uniform random subset of cap samples (reservoir sampling), so long runs
 * stay in bounded memory. min, max and sum always cover every sample.
 */
struct sample_set {
	uint64_t *v;
	size_t cap;
	size_t len; /* samples held, <= cap */
	uint64_t seen; /* samples offered */
	uint64_t min;
	uint64_t max;
	uint64_t sum;
	uint64_t rng;
};

int sample_set_init(struct sample_set *s, size_t cap, uint64_t seed);
void sample_set_free(struct sample_set *s);
void sample_set_add(struct sample_set *s, uint64_t x);

/* Append the samples of src to dst (dst keeps its cap; extra samples are
 * offered one by one so dst stays a uniform subset). */
void sample_set_merge(struct sample_set *dst, const struct sample_set *src);

/* Sort held samples; call before sample_set_percentile. */
void sample_set_sort(struct sample_set *s);

/*
 * Nearest-rank quantile of the sorted held samples: the smallest value
 * with at least ppm parts per million of the samples at or below it
 * (500000 = median, 999000 = p99.9). Integer ranks, so p99.9 of 1000
 * samples is exactly the 999th. ppm 0 gives the minimum; returns 0 when
 * there are no samples.
 */
#define QUANTILE_PPM_MAX 1000000u
uint64_t sample_set_quantile(const struct sample_set *s, uint32_t ppm);

#endif
