/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A pool's hardware counters widened to 64 bits (igb_pool_stats.h), on the
 * register model: the VF's and the PF's views, a wrap, reset and restart,
 * the port totals without the FCS (a VF port counted 2104 bytes against
 * its queue's 2020 for 21 frames), xstats.
 */
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
	return check_exit();
}
