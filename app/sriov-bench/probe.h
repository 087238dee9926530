/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_PROBE_H
#define SRIOV_BENCH_PROBE_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_spinlock.h>

#include "pkt_build.h"

/*
 * Latency probes out on the wire, shared by the lat lcores (a probe may
 * come back on a queue another lcore polls). A received frame is a round
 * trip only if it carries this run's nonce and the sequence number of a
 * probe that was sent and has not come back yet: a driver that hands out
 * buffers still holding an old probe (net_null), a duplicate, or a frame
 * from an earlier run does not count.
 *
 * Probe seq lives in slot seq mod nb_slots; a probe still out when the
 * slot is needed again (nb_slots probes later) is forgotten, and comes
 * back as unmatched.
 */
#define PROBE_SLOTS_DEFAULT (1u << 18)

struct probe_slot {
	rte_spinlock_t lock;
	uint32_t seq;
	uint64_t tsc; /* send time; 0: no probe out in this slot */
};

struct probe_table {
	uint64_t nonce;
	uint32_t mask;
	struct probe_slot *slots;
};

/* nb_slots: a power of two. Returns 0 or -1 (out of memory). */
int probe_table_init(struct probe_table *t, uint64_t nonce, uint32_t nb_slots);
void probe_table_free(struct probe_table *t);

/* Probe seq leaves now (TSC tsc, not 0); called before the Tx burst, so
 * any lcore receiving it finds it. Sending it again updates the time. */
void probe_sent(struct probe_table *t, uint32_t seq, uint64_t tsc);

/* Probe seq was recorded but freed without being sent. */
void probe_cancel(struct probe_table *t, uint32_t seq);

/*
 * A received frame with bench header h: if it is a probe of this run
 * that is out, mark it back and give its send time in *tsc. Returns
 * false for anything else (counted as unmatched by the caller).
 */
bool probe_match(
	struct probe_table *t, const struct pkt_bench_hdr *h, uint64_t *tsc);

#endif
