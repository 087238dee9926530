/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_PACING_H
#define SRIOV_BENCH_PACING_H

#include <stdint.h>

/*
 * Rate limiter in TSC cycles. The number of packets due is computed from
 * an anchor (time, count) with exact integer arithmetic, so rounding never
 * accumulates into drift. When the sender falls behind by more than
 * max_credit packets the anchor moves: a longer stall is not made up by a
 * burst above the configured rate.
 */
struct pacer {
	uint64_t hz; /* TSC cycles per second */
	uint64_t pps; /* 0: unlimited */
	uint64_t anchor_tsc;
	uint64_t anchor_due; /* packets due at anchor_tsc */
	uint64_t sent;
	uint64_t max_credit;
};

void pacer_init(struct pacer *p, uint64_t hz, uint64_t pps, uint64_t max_credit,
	uint64_t now);

/* Packets that may be sent at time now (at most max_credit). */
uint64_t pacer_credit(struct pacer *p, uint64_t now);

static inline void
pacer_consume(struct pacer *p, uint64_t n)
{
	p->sent += n;
}

/* Packets due after elapsed cycles at pps, rounded down, without overflow. */
uint64_t pacer_due(uint64_t elapsed, uint64_t hz, uint64_t pps);

/*
 * Credit cap for a sender: 10 ms worth of packets, so a sender that loses
 * its core for a moment (a shared or virtual CPU) still meets the rate,
 * but never less than one burst.
 */
static inline uint64_t
pacer_default_cap(uint64_t pps, uint16_t burst)
{
	return pps / 100 > burst ? pps / 100 : burst;
}

#endif
