/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>

#include "percentile.h"

int
sample_set_init(struct sample_set *s, size_t cap, uint64_t seed)
{
	s->v = cap != 0 ? malloc(cap * sizeof(*s->v)) : NULL;
	if (cap != 0 && s->v == NULL)
		return -1;
	s->cap = cap;
	s->len = 0;
	s->seen = 0;
	s->min = UINT64_MAX;
	s->max = 0;
	s->sum = 0;
	s->rng = seed | 1;
	return 0;
}

void
sample_set_free(struct sample_set *s)
{
	free(s->v);
	s->v = NULL;
	s->cap = 0;
	s->len = 0;
}

/* xorshift64*: cheap and good enough to pick reservoir slots. */
static uint64_t
sample_rand(struct sample_set *s)
{
	s->rng ^= s->rng >> 12;
	s->rng ^= s->rng << 25;
	s->rng ^= s->rng >> 27;
	return s->rng * 0x2545f4914f6cdd1dULL;
}

void
sample_set_add(struct sample_set *s, uint64_t x)
{
	s->seen++;
	s->sum += x;
	if (x < s->min)
		s->min = x;
	if (x > s->max)
		s->max = x;
	if (s->len < s->cap) {
		s->v[s->len++] = x;
	} else if (s->cap != 0) {
		/* Keep the new sample with probability cap / seen. */
		uint64_t slot = sample_rand(s) % s->seen;

		if (slot < s->cap)
			s->v[slot] = x;
	}
}

void
sample_set_merge(struct sample_set *dst, const struct sample_set *src)
{
	size_t i;

	for (i = 0; i < src->len; i++)
		sample_set_add(dst, src->v[i]);
	/* Samples src dropped still count towards the totals. */
	dst->seen += src->seen - src->len;
	dst->sum += src->sum;
	for (i = 0; i < src->len; i++)
		dst->sum -= src->v[i];
	if (src->seen != 0 && src->min < dst->min)
		dst->min = src->min;
	if (src->seen != 0 && src->max > dst->max)
		dst->max = src->max;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a;
	uint64_t y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

void
sample_set_sort(struct sample_set *s)
{
	qsort(s->v, s->len, sizeof(*s->v), cmp_u64);
}

uint64_t
sample_set_quantile(const struct sample_set *s, uint32_t ppm)
{
	uint64_t rank;

	if (s->len == 0)
		return 0;
	if (ppm > QUANTILE_PPM_MAX)
		ppm = QUANTILE_PPM_MAX;
	rank = ((uint64_t)ppm * s->len + QUANTILE_PPM_MAX - 1) /
		QUANTILE_PPM_MAX;
	return s->v[rank == 0 ? 0 : rank - 1];
}
