/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A pool's hardware counters widened to 64 bits (igb_pool_stats.h), on the
 * register model: the VF's and the PF's views, a wrap, reset and restart,
 * the port totals without the FCS (a VF port counted 2104 bytes against
 * its queue's 2020 for 21 frames), xstats, and the lockless copy a
 * secondary process takes while the primary samples.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "igb_check.h"
#include "igb_model.h"
#include "igb_pool_stats.h"

static struct igb_model model;

/* Counter c of block: the VF's view in VF 0's BAR, a pool's in the PF's. */
static void
set(uint32_t block, enum igb_pool_counter c, uint32_t v)
{
	uint32_t *reg = block == IGB_POOL_STATS_VF ? model.vf_reg : model.reg;

	reg[igb_pool_counter_reg(block, c) / 4] = v;
}

/*
 * The primary's poll, until the reader has its copies: each sample moves
 * Rx and Tx packets together, so every consistent copy has them equal.
 */
/* Copies until the reader saw the counters move MOVES times (on one free
 * CPU that takes a few scheduler ticks), at most MAX_COPIES. */
#define MOVES 20
#define MAX_COPIES 200000000u
static struct igb_pool_stats shared;
static atomic_uint samples;
static atomic_bool copies_done;

static void *
sampler(void *arg)
{
	uint32_t i = 0;

	(void)arg;
	while (!atomic_load(&copies_done)) {
		i++;
		set(IGB_POOL_STATS_VF, IGB_POOL_GPRC, i);
		set(IGB_POOL_STATS_VF, IGB_POOL_GPTC, i);
		igb_pool_stats_sample(&shared, &model.vf_hw, IGB_POOL_STATS_VF);
		atomic_store(&samples, i);
	}
	return NULL;
}

static void
check_copy_while_sampling(void)
{
	struct igb_pool_stats c;
	unsigned int copies, torn = 0, moved = 0;
	uint64_t last = 0;
	pthread_t t;

	memset(&shared, 0, sizeof(shared));
	CHECK_EQ("sampler thread", 0, pthread_create(&t, NULL, sampler, NULL));
	while (atomic_load(&samples) == 0)
		;
	for (copies = 0; copies < MAX_COPIES && moved < MOVES; copies++) {
		igb_pool_stats_copy(&shared, &c);
		if (c.total[IGB_POOL_GPRC] != c.total[IGB_POOL_GPTC])
			torn++;
		if (c.total[IGB_POOL_GPRC] != last)
			moved++;
		last = c.total[IGB_POOL_GPRC];
	}
	atomic_store(&copies_done, true);
	pthread_join(t, NULL);
	CHECK_EQ("copies torn between two samples", 0, torn);
	CHECK_EQ("copies saw the counters move (taken while sampling)", MOVES,
		moved);
	igb_pool_stats_copy(&shared, &c);
	CHECK_EQ("the last copy has every sample", atomic_load(&samples),
		igb_pool_stat(&c, IGB_POOL_GPRC));
}

int
main(void)
{
	const uint32_t vf = IGB_POOL_STATS_VF, pf7 = IGB_POOL_STATS_PF(7);
	struct igb_pool_stats s;
	struct rte_eth_stats st;
	struct rte_eth_xstat x[IGB_POOL_COUNTERS];
	struct rte_eth_xstat_name names[IGB_POOL_COUNTERS];

	model_init(&model);
	CHECK_EQ("VF view: VFGPRC", 0xf10,
		igb_pool_counter_reg(vf, IGB_POOL_GPRC));
	CHECK_EQ("VF view: VFGOTLBC", 0xf50,
		igb_pool_counter_reg(vf, IGB_POOL_GOTLBC));
	CHECK_EQ("PF view of pool 7: PVFGPRC(7)", 0x10710,
		igb_pool_counter_reg(pf7, IGB_POOL_GPRC));
	CHECK_EQ("PF view of pool 2: PVFGOTC(2)", 0x10234,
		igb_pool_counter_reg(IGB_POOL_STATS_PF(2), IGB_POOL_GOTC));

	memset(&s, 0, sizeof(s));
	set(vf, IGB_POOL_GPRC, 0xfffffff0u);
	igb_pool_stats_sample(&s, &model.vf_hw, vf);
	set(vf, IGB_POOL_GPRC, 0x10);
	igb_pool_stats_sample(&s, &model.vf_hw, vf);
	CHECK_EQ("a wrap is counted", 0xfffffff0ull + 0x20,
		igb_pool_stat(&s, IGB_POOL_GPRC));

	memset(&s, 0, sizeof(s));
	set(vf, IGB_POOL_GPRC, 21);
	set(vf, IGB_POOL_GORC, 2104);
	set(vf, IGB_POOL_GPTC, 3);
	set(vf, IGB_POOL_GOTC, 3 * 64);
	igb_pool_stats_sample(&s, &model.vf_hw, vf);
	memset(&st, 0, sizeof(st));
	igb_pool_stats_to_eth(&s, &st);
	CHECK_EQ("port Rx packets", 21, st.ipackets);
	CHECK_EQ("port Rx bytes without the FCS (as the queue's)", 2020,
		st.ibytes);
	CHECK_EQ("port Tx bytes without the FCS", 3 * 60, st.obytes);
	CHECK_EQ("raw octets stay in the counter", 2104,
		igb_pool_stat(&s, IGB_POOL_GORC));

	s.total[IGB_POOL_GORC] = 10; /* octets behind packets: no underflow */
	igb_pool_stats_to_eth(&s, &st);
	CHECK_EQ("bytes never below zero", 0, st.ibytes);
	s.total[IGB_POOL_GORC] = 2104;

	igb_pool_stats_reset(&s);
	CHECK_EQ("reset", 0, igb_pool_stat(&s, IGB_POOL_GPRC));
	set(vf, IGB_POOL_GPRC, 25);
	igb_pool_stats_sample(&s, &model.vf_hw, vf);
	CHECK_EQ("counting after a reset", 4, igb_pool_stat(&s, IGB_POOL_GPRC));
	igb_pool_stats_restart(&s);
	set(vf, IGB_POOL_GPRC, 2); /* the VF's counters began again */
	igb_pool_stats_sample(&s, &model.vf_hw, vf);
	CHECK_EQ(
		"a restart loses nothing", 6, igb_pool_stat(&s, IGB_POOL_GPRC));

	CHECK_EQ("xstats: count without room", IGB_POOL_COUNTERS,
		igb_pool_xstats_get(&s, NULL, 0, 0));
	CHECK_EQ("xstats: filled", IGB_POOL_COUNTERS,
		igb_pool_xstats_get(&s, x, IGB_POOL_COUNTERS, 5));
	CHECK_EQ("xstats: ids from first", 5 + IGB_POOL_GPRC,
		x[IGB_POOL_GPRC].id);
	CHECK_EQ("xstats: value", 6, x[IGB_POOL_GPRC].value);
	CHECK_EQ("xstats names", IGB_POOL_COUNTERS,
		igb_pool_xstats_get_names(NULL, names, IGB_POOL_COUNTERS));
	CHECK("xstats name of GORC",
		strcmp(names[IGB_POOL_GORC].name, "rx_good_bytes_hw") == 0);
	check_copy_while_sampling();
	return check_exit();
}
