/* SPDX-License-Identifier: BSD-3-Clause */
/* Latency percentiles: nearest rank, reservoir, merge. */
#include <stdlib.h>

#include "igb_check.h"
#include "percentile.h"

static void
test_ranks(void)
{
	struct sample_set s;
	uint64_t i;

	sample_set_init(&s, 1000, 1);
	CHECK_EQ("empty set: median 0", 0, sample_set_quantile(&s, 500000));
	/* 1..100 added in a scrambled order (37 is prime to 100). */
	for (i = 0; i < 100; i++)
		sample_set_add(&s, (i * 37) % 100 + 1);
	sample_set_sort(&s);
	CHECK_EQ("1..100: min (ppm 0)", 1, sample_set_quantile(&s, 0));
	CHECK_EQ("1..100: median is the 50th", 50,
		sample_set_quantile(&s, 500000));
	CHECK_EQ(
		"1..100: p99 is the 99th", 99, sample_set_quantile(&s, 990000));
	CHECK_EQ("1..100: p99.9 rounds up to the 100th", 100,
		sample_set_quantile(&s, 999000));
	CHECK_EQ("1..100: ppm 1000000 is the max", 100,
		sample_set_quantile(&s, 1000000));
	CHECK_EQ("1..100: p1 is the 1st", 1, sample_set_quantile(&s, 10000));
	CHECK_EQ("1..100: p50.5 rounds up to the 51st", 51,
		sample_set_quantile(&s, 505000));
	CHECK_EQ("min tracked", 1, s.min);
	CHECK_EQ("max tracked", 100, s.max);
	CHECK_EQ("sum tracked", 5050, s.sum);
	sample_set_free(&s);

	sample_set_init(&s, 1000, 1);
	for (i = 1000; i >= 1; i--)
		sample_set_add(&s, i * 10);
	sample_set_sort(&s);
	CHECK_EQ("10..10000: p99.9 is the 999th, not the max", 9990,
		sample_set_quantile(&s, 999000));
	CHECK_EQ("10..10000: p99 is the 990th", 9900,
		sample_set_quantile(&s, 990000));
	CHECK_EQ("10..10000: median is the 500th", 5000,
		sample_set_quantile(&s, 500000));
	sample_set_free(&s);

	sample_set_init(&s, 4, 1);
	sample_set_add(&s, 7);
	sample_set_sort(&s);
	CHECK_EQ("one sample: median", 7, sample_set_quantile(&s, 500000));
	CHECK_EQ("one sample: p99.9", 7, sample_set_quantile(&s, 999000));
	sample_set_free(&s);

	sample_set_init(&s, 8, 1);
	for (i = 0; i < 6; i++)
		sample_set_add(&s, i < 5 ? 3 : 1000);
	sample_set_sort(&s);
	CHECK_EQ("5 x 3 and 1 x 1000: median 3", 3,
		sample_set_quantile(&s, 500000));
	CHECK_EQ("5 x 3 and 1 x 1000: p99 1000", 1000,
		sample_set_quantile(&s, 990000));
	sample_set_free(&s);
}

static void
test_reservoir(void)
{
	struct sample_set s, t, m;
	uint64_t i, held_sum = 0, held_min = UINT64_MAX, held_max = 0;

	sample_set_init(&s, 100, 42);
	for (i = 1; i <= 10000; i++)
		sample_set_add(&s, i);
	CHECK_EQ("reservoir holds its cap", 100, s.len);
	CHECK_EQ("reservoir counts every sample", 10000, s.seen);
	CHECK_EQ("exact min over all", 1, s.min);
	CHECK_EQ("exact max over all", 10000, s.max);
	CHECK_EQ("exact sum over all", 50005000, s.sum);
	for (i = 0; i < s.len; i++) {
		held_sum += s.v[i];
		held_min = s.v[i] < held_min ? s.v[i] : held_min;
		held_max = s.v[i] > held_max ? s.v[i] : held_max;
	}
	/* A uniform subset of 1..10000 has a mean near 5000; a reservoir
	 * stuck on the first 100 samples would average 50. */
	CHECK("held samples are spread over the whole run (mean 3500..6500)",
		held_sum / s.len > 3500 && held_sum / s.len < 6500);
	CHECK("held samples include late ones", held_max > 9000);
	CHECK("held samples include early ones", held_min < 1000);

	sample_set_init(&t, 10, 7);
	sample_set_add(&t, 20000);
	sample_set_add(&t, 0);
	sample_set_init(&m, 110, 1);
	sample_set_merge(&m, &s);
	sample_set_merge(&m, &t);
	CHECK_EQ("merge: seen adds up", 10002, m.seen);
	CHECK_EQ("merge: held adds up", 102, m.len);
	CHECK_EQ("merge: min of both", 0, m.min);
	CHECK_EQ("merge: max of both", 20000, m.max);
	CHECK_EQ("merge: sum of both", 50025000, m.sum);
	sample_set_free(&s);
	sample_set_free(&t);
	sample_set_free(&m);

	sample_set_init(&s, 0, 1);
	sample_set_add(&s, 5);
	CHECK_EQ("zero-capacity set still counts", 1, s.seen);
	CHECK_EQ("  and holds nothing", 0, s.len);
	sample_set_free(&s);
}

int
main(void)
{
	test_ranks();
	test_reservoir();
	return check_exit();
}
