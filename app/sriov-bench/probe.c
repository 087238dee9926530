/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdlib.h>

#include "probe.h"

int
probe_table_init(struct probe_table *t, uint64_t nonce, uint32_t nb_slots)
{
	uint32_t i;

	t->nonce = nonce;
	t->mask = nb_slots - 1;
	t->slots = calloc(nb_slots, sizeof(*t->slots));
	if (t->slots == NULL)
		return -1;
	for (i = 0; i < nb_slots; i++)
		rte_spinlock_init(&t->slots[i].lock);
	return 0;
}

void
probe_table_free(struct probe_table *t)
{
	free(t->slots);
	t->slots = NULL;
}

void
probe_sent(struct probe_table *t, uint32_t seq, uint64_t tsc)
{
	struct probe_slot *s = &t->slots[seq & t->mask];

	rte_spinlock_lock(&s->lock);
	s->seq = seq;
	s->tsc = tsc;
	rte_spinlock_unlock(&s->lock);
}

void
probe_cancel(struct probe_table *t, uint32_t seq)
{
	struct probe_slot *s = &t->slots[seq & t->mask];

	rte_spinlock_lock(&s->lock);
	if (s->seq == seq)
		s->tsc = 0;
	rte_spinlock_unlock(&s->lock);
}

bool
probe_match(struct probe_table *t, const struct pkt_bench_hdr *h, uint64_t *tsc)
{
	struct probe_slot *s = &t->slots[h->seq & t->mask];
	bool out;

	if (h->nonce != t->nonce)
		return false;
	rte_spinlock_lock(&s->lock);
	out = s->tsc != 0 && s->seq == h->seq;
	if (out) {
		*tsc = s->tsc;
		s->tsc = 0;
	}
	rte_spinlock_unlock(&s->lock);
	return out;
}
