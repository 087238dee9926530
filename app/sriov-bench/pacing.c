/* SPDX-License-Identifier: BSD-3-Clause */
#include "pacing.h"

uint64_t
pacer_due(uint64_t elapsed, uint64_t hz, uint64_t pps)
{
	/*
	 * elapsed * pps overflows 64 bits after minutes at high rates: split
	 * elapsed into whole seconds and a remainder below hz. The remainder
	 * product stays below hz * pps, which fits 64 bits for a 10 GHz TSC
	 * at the option parser's 1 Gpps ceiling.
	 */
	uint64_t secs = elapsed / hz;
	uint64_t rem = elapsed % hz;

	return secs * pps + rem * pps / hz;
}

void
pacer_init(struct pacer *p, uint64_t hz, uint64_t pps, uint64_t max_credit,
	uint64_t now)
{
	p->hz = hz;
	p->pps = pps;
	p->anchor_tsc = now;
	p->anchor_due = 0;
	p->sent = 0;
	p->max_credit = max_credit;
}

uint64_t
pacer_credit(struct pacer *p, uint64_t now)
{
	uint64_t due;

	if (p->pps == 0)
		return p->max_credit;
	due = p->anchor_due + pacer_due(now - p->anchor_tsc, p->hz, p->pps);
	if (due <= p->sent)
		return 0;
	if (due - p->sent > p->max_credit) {
		p->anchor_tsc = now;
		p->anchor_due = p->sent + p->max_credit;
		return p->max_credit;
	}
	return due - p->sent;
}
