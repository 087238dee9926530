/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_igb_pf: statistics and the register dump. The port's totals are
 * its queue's software counters (as before the hardware had pools); its
 * xstats are its pool's hardware counters, and so are each VF's counters
 * (telemetry, rte_pmd_igb_pf_get_vf_stats), all widened by
 * igb_pool_stats.h under the adapter's lock.
 */
#include <errno.h>

#include <rte_eal.h>

#include "igb_ethdev_queue.h"
#include "igb_pf_private.h"

void
igb_pf_vfstats_update(struct igb_pf_adapter *ad)
{
	unsigned int vf;

	for (vf = 0; vf < ad->sriov.num_vfs; vf++)
		igb_pool_stats_sample(
			&ad->vfstats[vf], &ad->hw, IGB_POOL_STATS_PF(vf));
	igb_pool_stats_sample(
		&ad->pfstats, &ad->hw, IGB_POOL_STATS_PF(IGB_PF_POOL));
}

int
igb_pf_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	igb_eth_queue_stats_get(dev, st, true);
	return 0;
}

int
igb_pf_stats_reset(struct rte_eth_dev *dev)
{
	struct igb_pf_adapter *ad;
	int ret;

	igb_eth_queue_stats_reset(dev);
	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	igb_pf_vfstats_update(ad);
	igb_pool_stats_reset(&ad->pfstats);
	igb_pf_adapter_leave(ad);
	return 0;
}

/*
 * The PF pool's counters. A secondary process (dpdk-proc-info) has no
 * registry and leaves the device alone: it copies them from the primary's
 * adapter, in shared memory, as the primary's poll last sampled them
 * (every 100 ms).
 */
int
igb_pf_xstats_get(
	struct rte_eth_dev *dev, struct rte_eth_xstat *x, unsigned int n)
{
	struct igb_pool_stats cnt;
	struct igb_pf_adapter *ad;
	int ret;

	if (x == NULL || n < IGB_POOL_COUNTERS)
		return IGB_POOL_COUNTERS;
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		ad = igb_pf_port_adapter(dev);
		if (ad == NULL)
			return -ENODEV;
		igb_pool_stats_copy(&ad->pfstats, &cnt);
		return igb_pool_xstats_get(&cnt, x, n, 0);
	}
	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	igb_pf_vfstats_update(ad);
	ret = igb_pool_xstats_get(&ad->pfstats, x, n, 0);
	igb_pf_adapter_leave(ad);
	return ret;
}

/* Registers without read side effects (ICR, EICR, the mailboxes and the
 * clear-on-read statistics are left out). */
static const uint32_t dump_fixed[] = {
	IGB_CTRL,
	IGB_STATUS,
	IGB_CTRL_EXT,
	IGB_RCTL,
	IGB_TCTL,
	IGB_GPIE,
	IGB_EIMS,
	IGB_EIAC,
	IGB_IVAR_MISC,
	IGB_MRQC,
	IGB_VT_CTL,
	IGB_VFRE,
	IGB_VFTE,
	IGB_DTXSWC,
	IGB_RAL(0),
	IGB_RAH(0),
	IGB_VMOLR(IGB_PF_POOL),
};
#define DUMP_QUEUE_FIRST RTE_DIM(dump_fixed)
#define DUMP_POOL_FIRST (DUMP_QUEUE_FIRST + IGB_QUEUE_DUMP_REGS)
#define DUMP_COUNT (DUMP_POOL_FIRST + IGB_POOL_COUNTERS)

static uint32_t
dump_reg(unsigned int i)
{
	if (i < DUMP_QUEUE_FIRST)
		return dump_fixed[i];
	if (i < DUMP_POOL_FIRST)
		return igb_queue_dump_reg(IGB_PF_RXQ_BASE(IGB_PF_RX_QUEUE),
			IGB_PF_TXQ_BASE(IGB_PF_TX_QUEUE), i - DUMP_QUEUE_FIRST);
	return igb_pool_counter_reg(
		IGB_POOL_STATS_PF(IGB_PF_POOL), i - DUMP_POOL_FIRST);
}

int
igb_pf_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *regs)
{
	struct igb_pf_adapter *ad;
	int ret;

	/*
	 * A secondary process (dpdk-proc-info --dump-regs) has no registry:
	 * it reads through the primary's adapter, which is in shared memory,
	 * and the BAR that EAL mapped at the primary's address. It only
	 * reads registers without side effects.
	 */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		ad = igb_pf_port_adapter(dev);
		return ad == NULL ? -ENODEV
				  : igb_eth_get_reg(&ad->hw, regs, DUMP_COUNT,
					    dump_reg, IGB_DEV_ID_82576);
	}
	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	ret = igb_eth_get_reg(
		&ad->hw, regs, DUMP_COUNT, dump_reg, IGB_DEV_ID_82576);
	igb_pf_adapter_leave(ad);
	return ret;
}
