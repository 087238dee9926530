/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A pool's hardware counters (the 82576's per-VF statistics), 32 bits,
 * free running (they wrap and are never cleared), widened to 64 bits by
 * sampling. The same block is the VF's own view (IGB_POOL_STATS_VF) and
 * the PF's view of pool n (IGB_POOL_STATS_PF(n)); the PF port's own
 * traffic is pool IGB_PF_POOL's. Callers serialise the writers (sample,
 * restart, reset) of a set; a reader that cannot take the caller's lock
 * (a secondary process, which must not stall the primary) takes a
 * consistent copy with igb_pool_stats_copy.
 */
#ifndef IGB_POOL_STATS_H
#define IGB_POOL_STATS_H

#include <stdint.h>

#include <rte_ethdev.h>
#include <rte_seqcount.h>

#include "igb_hw.h"

struct rte_eth_dev;

/* The blocks: VFGPRC is at +0x10 in both (0xf10 in a VF's BAR, PVFGPRC(n)
 * in the PF's). */
#define IGB_POOL_STATS_VF 0x00f00
#define IGB_POOL_STATS_PF(pool) (0x10000 + 0x100 * (pool))

enum igb_pool_counter {
	IGB_POOL_GPRC,
	IGB_POOL_GPTC,
	IGB_POOL_GORC,
	IGB_POOL_GOTC,
	IGB_POOL_MPRC,
	IGB_POOL_GPRLBC,
	IGB_POOL_GPTLBC,
	IGB_POOL_GORLBC,
	IGB_POOL_GOTLBC,
	IGB_POOL_COUNTERS
};

struct igb_pool_stats {
	uint32_t last[IGB_POOL_COUNTERS]; /* raw value at the last sample */
	uint64_t total[IGB_POOL_COUNTERS]; /* accumulated */
	uint64_t base[IGB_POOL_COUNTERS]; /* total at the last reset */
	rte_seqcount_t seq; /* bumped around each write (zeroed: valid) */
};

/* The register of counter c in the block at block. */
uint32_t igb_pool_counter_reg(uint32_t block, enum igb_pool_counter c);

/* Adds what each counter moved since the last sample (right across one
 * wrap: the unsigned 32-bit difference). */
void igb_pool_stats_sample(
	struct igb_pool_stats *s, struct igb_hw *hw, uint32_t block);

/* Counts from the next sample on as if the counters read 0 now (they
 * restarted, e.g. with a reset VF); nothing counted is lost. */
void igb_pool_stats_restart(struct igb_pool_stats *s);

/* A copy of s as one writer left it, without a lock (a writer is never
 * held up; the copy is retried if one ran meanwhile). */
void igb_pool_stats_copy(
	const struct igb_pool_stats *s, struct igb_pool_stats *out);

/* Counter c since the last reset, and the reset (base = total). */
uint64_t igb_pool_stat(const struct igb_pool_stats *s, enum igb_pool_counter c);
void igb_pool_stats_reset(struct igb_pool_stats *s);

/* Port totals: packets and bytes, the bytes without the 4-byte FCS the
 * hardware counts (82576: good octets count through the CRC), as the
 * queues' byte counters and ethdev have them. */
void igb_pool_stats_to_eth(
	const struct igb_pool_stats *s, struct rte_eth_stats *st);

/* xstats of the counters, ids from first: n filled or the count needed. */
int igb_pool_xstats_get(const struct igb_pool_stats *s, struct rte_eth_xstat *x,
	unsigned int n, uint64_t first);
/* An eth_dev_ops xstats_get_names for a port whose xstats are these. */
int igb_pool_xstats_get_names(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names, unsigned int n);

#endif /* IGB_POOL_STATS_H */
