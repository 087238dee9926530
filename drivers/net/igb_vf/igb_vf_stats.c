/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Statistics: the VF pool's hardware counters (igb_pool_stats.h) for the
 * port totals and xstats, the queues' software counters per queue; and a
 * register dump.
 */
#include <rte_eal.h>

#include "igb_ethdev_queue.h"
#include "igb_vf.h"

void
igb_vf_counters_sample(struct igb_vf_adapter *ad)
{
	rte_spinlock_lock(&ad->stats_lock);
	igb_pool_stats_sample(&ad->cnt, &ad->hw, IGB_POOL_STATS_VF);
	rte_spinlock_unlock(&ad->stats_lock);
}

void
igb_vf_counters_restart(struct igb_vf_adapter *ad)
{
	rte_spinlock_lock(&ad->stats_lock);
	igb_pool_stats_restart(&ad->cnt);
	rte_spinlock_unlock(&ad->stats_lock);
}

/*
 * The pool counters now, as a consistent copy. A secondary process
 * (dpdk-proc-info) leaves the VF alone: it gets them as of the primary's
 * last sample, at most one poll period (IGB_VF_POLL_US) old.
 */
static void
counters_now(struct igb_vf_adapter *ad, struct igb_pool_stats *out)
{
	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		igb_vf_counters_sample(ad);
	igb_pool_stats_copy(&ad->cnt, out);
}

int
igb_vf_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *s)
{
	struct igb_pool_stats cnt;

	counters_now(igb_vf_adapter(dev), &cnt);
	igb_pool_stats_to_eth(&cnt, s);
	igb_eth_queue_stats_get(dev, s, false);
	return 0;
}

int
igb_vf_stats_reset(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);

	igb_vf_counters_sample(ad);
	rte_spinlock_lock(&ad->stats_lock);
	igb_pool_stats_reset(&ad->cnt);
	rte_spinlock_unlock(&ad->stats_lock);
	igb_eth_queue_stats_reset(dev);
	return 0;
}

int
igb_vf_xstats_get(
	struct rte_eth_dev *dev, struct rte_eth_xstat *x, unsigned int n)
{
	struct igb_pool_stats cnt;

	if (x == NULL || n < IGB_POOL_COUNTERS)
		return IGB_POOL_COUNTERS;
	counters_now(igb_vf_adapter(dev), &cnt);
	return igb_pool_xstats_get(&cnt, x, n, 0);
}

/* Registers safe to read at any time: no read-to-clear ones (the mailbox
 * and EICR are left out on purpose). */
static const uint32_t dump_fixed[] = {
	IGB_VF_CTRL,
	IGB_VF_STATUS,
	IGB_VF_EIMS,
	IGB_VF_EIAC,
	IGB_VF_EIAM,
	IGB_VF_EITR(0),
	IGB_VF_EITR(1),
	IGB_VF_EITR(2),
	IGB_VF_IVAR0,
	IGB_VF_IVAR_MISC,
	IGB_VF_PSRTYPE,
};
#define DUMP_QUEUES (IGB_QUEUE_DUMP_REGS * IGB_VF_MAX_QUEUES)
#define DUMP_COUNT (RTE_DIM(dump_fixed) + DUMP_QUEUES + IGB_POOL_COUNTERS)

static uint32_t
dump_reg(unsigned int i)
{
	unsigned int q;

	if (i < RTE_DIM(dump_fixed))
		return dump_fixed[i];
	i -= RTE_DIM(dump_fixed);
	if (i >= DUMP_QUEUES)
		return igb_pool_counter_reg(IGB_POOL_STATS_VF, i - DUMP_QUEUES);
	q = i / IGB_QUEUE_DUMP_REGS;
	return igb_queue_dump_reg(IGB_VF_RXQ_BASE(q), IGB_VF_TXQ_BASE(q),
		i % IGB_QUEUE_DUMP_REGS);
}

int
igb_vf_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *regs)
{
	return igb_eth_get_reg(&igb_vf_adapter(dev)->hw, regs, DUMP_COUNT,
		dump_reg, IGB_DEV_ID_82576_VF);
}
