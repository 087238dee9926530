/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <string.h>

#include <rte_ether.h>

#include "igb_pool_stats.h"

static const struct {
	const char *name;
	uint32_t offset; /* in the block */
} counters[IGB_POOL_COUNTERS] = {
	[IGB_POOL_GPRC] = {"rx_good_packets_hw", 0x10},
	[IGB_POOL_GPTC] = {"tx_good_packets_hw", 0x14},
	[IGB_POOL_GORC] = {"rx_good_bytes_hw", 0x18},
	[IGB_POOL_GOTC] = {"tx_good_bytes_hw", 0x34},
	[IGB_POOL_MPRC] = {"rx_multicast_packets", 0x3c},
	[IGB_POOL_GPRLBC] = {"rx_loopback_packets", 0x40},
	[IGB_POOL_GPTLBC] = {"tx_loopback_packets", 0x44},
	[IGB_POOL_GORLBC] = {"rx_loopback_bytes", 0x48},
	[IGB_POOL_GOTLBC] = {"tx_loopback_bytes", 0x50},
};

uint32_t
igb_pool_counter_reg(uint32_t block, enum igb_pool_counter c)
{
	return block + counters[c].offset;
}

void
igb_pool_stats_sample(
	struct igb_pool_stats *s, struct igb_hw *hw, uint32_t block)
{
	uint32_t now[IGB_POOL_COUNTERS];
	unsigned int i;

	/* The register reads stay outside the write section: a reader
	 * retries for as short a time as possible. */
	for (i = 0; i < IGB_POOL_COUNTERS; i++)
		now[i] = igb_read(hw, block + counters[i].offset);
	rte_seqcount_write_begin(&s->seq);
	for (i = 0; i < IGB_POOL_COUNTERS; i++) {
		s->total[i] += (uint32_t)(now[i] - s->last[i]);
		s->last[i] = now[i];
	}
	rte_seqcount_write_end(&s->seq);
}

void
igb_pool_stats_restart(struct igb_pool_stats *s)
{
	unsigned int i;

	rte_seqcount_write_begin(&s->seq);
	for (i = 0; i < IGB_POOL_COUNTERS; i++)
		s->last[i] = 0;
	rte_seqcount_write_end(&s->seq);
}

void
igb_pool_stats_copy(const struct igb_pool_stats *s, struct igb_pool_stats *out)
{
	uint32_t sn;

	do {
		sn = rte_seqcount_read_begin(&s->seq);
		memcpy(out->last, s->last, sizeof(out->last));
		memcpy(out->total, s->total, sizeof(out->total));
		memcpy(out->base, s->base, sizeof(out->base));
	} while (rte_seqcount_read_retry(&s->seq, sn));
	rte_seqcount_init(&out->seq);
}

uint64_t
igb_pool_stat(const struct igb_pool_stats *s, enum igb_pool_counter c)
{
	return s->total[c] - s->base[c];
}

void
igb_pool_stats_reset(struct igb_pool_stats *s)
{
	unsigned int i;

	rte_seqcount_write_begin(&s->seq);
	for (i = 0; i < IGB_POOL_COUNTERS; i++)
		s->base[i] = s->total[i];
	rte_seqcount_write_end(&s->seq);
}

/* Packets and octets are two reads: never below zero if they disagree. */
static uint64_t
without_fcs(uint64_t bytes, uint64_t packets)
{
	uint64_t fcs = RTE_ETHER_CRC_LEN * packets;

	return bytes > fcs ? bytes - fcs : 0;
}

void
igb_pool_stats_to_eth(const struct igb_pool_stats *s, struct rte_eth_stats *st)
{
	st->ipackets = igb_pool_stat(s, IGB_POOL_GPRC);
	st->opackets = igb_pool_stat(s, IGB_POOL_GPTC);
	st->ibytes = without_fcs(igb_pool_stat(s, IGB_POOL_GORC), st->ipackets);
	st->obytes = without_fcs(igb_pool_stat(s, IGB_POOL_GOTC), st->opackets);
}

int
igb_pool_xstats_get(const struct igb_pool_stats *s, struct rte_eth_xstat *x,
	unsigned int n, uint64_t first)
{
	unsigned int i;

	if (x == NULL || n < IGB_POOL_COUNTERS)
		return IGB_POOL_COUNTERS;
	for (i = 0; i < IGB_POOL_COUNTERS; i++) {
		x[i].id = first + i;
		x[i].value = igb_pool_stat(s, i);
	}
	return IGB_POOL_COUNTERS;
}

int
igb_pool_xstats_get_names(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names, unsigned int n)
{
	unsigned int i;

	RTE_SET_USED(dev);
	if (names == NULL || n < IGB_POOL_COUNTERS)
		return IGB_POOL_COUNTERS;
	for (i = 0; i < IGB_POOL_COUNTERS; i++)
		snprintf(names[i].name, sizeof(names[i].name), "%s",
			counters[i].name);
	return IGB_POOL_COUNTERS;
}
