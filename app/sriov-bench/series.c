/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>

#include "series.h"

int
series_add(struct series *s, const struct series_sample *x)
{
	if (s->len == s->cap) {
		size_t cap = s->cap != 0 ? 2 * s->cap : 64;
		struct series_sample *v = realloc(s->v, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->len++] = *x;
	return 0;
}

void
series_free(struct series *s)
{
	free(s->v);
	*s = (struct series){0};
}

static double
per_second(uint64_t now, uint64_t before, double dt)
{
	return dt > 0 && now >= before ? (double)(now - before) / dt : 0;
}

double
series_rx_pps(const struct series *s, size_t i, unsigned int p)
{
	const struct series_sample *a = &s->v[i - 1], *b = &s->v[i];

	return per_second(b->ipackets[p], a->ipackets[p], b->t - a->t);
}

double
series_tx_pps(const struct series *s, size_t i, unsigned int p)
{
	const struct series_sample *a = &s->v[i - 1], *b = &s->v[i];

	return per_second(b->opackets[p], a->opackets[p], b->t - a->t);
}
