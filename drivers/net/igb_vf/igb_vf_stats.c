/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Statistics: the VF's 32-bit hardware counters (free running, they wrap
 * and are never cleared) accumulated into 64 bits, plus the queues'
 * software counters; xstats and a register dump.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "igb_rxtx.h"
#include "igb_vf.h"

static const struct {
	const char *name;
	uint32_t reg;
} vf_counters[IGB_VF_CNT_NUM] = {
	[IGB_VF_CNT_GPRC] = {"rx_good_packets_hw", IGB_VFGPRC},
	[IGB_VF_CNT_GPTC] = {"tx_good_packets_hw", IGB_VFGPTC},
	[IGB_VF_CNT_GORC] = {"rx_good_bytes_hw", IGB_VFGORC},
	[IGB_VF_CNT_GOTC] = {"tx_good_bytes_hw", IGB_VFGOTC},
	[IGB_VF_CNT_MPRC] = {"rx_multicast_packets", IGB_VFMPRC},
	[IGB_VF_CNT_GPRLBC] = {"rx_loopback_packets", IGB_VFGPRLBC},
	[IGB_VF_CNT_GPTLBC] = {"tx_loopback_packets", IGB_VFGPTLBC},
	[IGB_VF_CNT_GORLBC] = {"rx_loopback_bytes", IGB_VFGORLBC},
	[IGB_VF_CNT_GOTLBC] = {"tx_loopback_bytes", IGB_VFGOTLBC},
};

/* Unsigned 32-bit difference is right across one wrap. */
void
igb_vf_counters_sample(struct igb_vf_adapter *ad)
{
	unsigned int i;

	rte_spinlock_lock(&ad->stats_lock);
	for (i = 0; i < IGB_VF_CNT_NUM; i++) {
		uint32_t now = igb_read(&ad->hw, vf_counters[i].reg);

		ad->cnt.total[i] += (uint32_t)(now - ad->cnt.last[i]);
		ad->cnt.last[i] = now;
	}
	rte_spinlock_unlock(&ad->stats_lock);
}

static uint64_t
cnt(const struct igb_vf_adapter *ad, enum igb_vf_counter c)
{
	return ad->cnt.total[c] - ad->cnt.base[c];
}

int
igb_vf_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *s)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	uint16_t i;

	igb_vf_counters_sample(ad);
	s->ipackets = cnt(ad, IGB_VF_CNT_GPRC);
	s->opackets = cnt(ad, IGB_VF_CNT_GPTC);
	s->ibytes = cnt(ad, IGB_VF_CNT_GORC);
	s->obytes = cnt(ad, IGB_VF_CNT_GOTC);
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct igb_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq == NULL)
			continue;
		s->ierrors += rxq->stats.errors;
		s->rx_nombuf += rxq->stats.nombuf;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			s->q_ipackets[i] = rxq->stats.packets;
			s->q_ibytes[i] = rxq->stats.bytes;
			s->q_errors[i] = rxq->stats.errors;
		}
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct igb_tx_queue *txq = dev->data->tx_queues[i];

		if (txq == NULL || i >= RTE_ETHDEV_QUEUE_STAT_CNTRS)
			continue;
		s->q_opackets[i] = txq->stats.packets;
		s->q_obytes[i] = txq->stats.bytes;
	}
	return 0;
}

int
igb_vf_stats_reset(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	unsigned int i;

	igb_vf_counters_sample(ad);
	rte_spinlock_lock(&ad->stats_lock);
	for (i = 0; i < IGB_VF_CNT_NUM; i++)
		ad->cnt.base[i] = ad->cnt.total[i];
	rte_spinlock_unlock(&ad->stats_lock);
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct igb_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq != NULL)
			memset(&rxq->stats, 0, sizeof(rxq->stats));
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct igb_tx_queue *txq = dev->data->tx_queues[i];

		if (txq != NULL)
			memset(&txq->stats, 0, sizeof(txq->stats));
	}
	return 0;
}

int
igb_vf_xstats_get(
	struct rte_eth_dev *dev, struct rte_eth_xstat *x, unsigned int n)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	unsigned int i;

	if (x == NULL || n < IGB_VF_CNT_NUM)
		return IGB_VF_CNT_NUM;
	igb_vf_counters_sample(ad);
	for (i = 0; i < IGB_VF_CNT_NUM; i++) {
		x[i].id = i;
		x[i].value = cnt(ad, i);
	}
	return IGB_VF_CNT_NUM;
}

int
igb_vf_xstats_get_names(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names, unsigned int n)
{
	unsigned int i;

	RTE_SET_USED(dev);
	if (names == NULL || n < IGB_VF_CNT_NUM)
		return IGB_VF_CNT_NUM;
	for (i = 0; i < IGB_VF_CNT_NUM; i++)
		snprintf(names[i].name, sizeof(names[i].name), "%s",
			vf_counters[i].name);
	return IGB_VF_CNT_NUM;
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
static const uint32_t dump_qregs[] = {
	IGB_QREG_BAL,
	IGB_QREG_BAH,
	IGB_QREG_LEN,
	IGB_QREG_SRRCTL,
	IGB_QREG_HEAD,
	IGB_QREG_TAIL,
	IGB_QREG_DCTL,
};
#define DUMP_PER_QUEUE (2 * RTE_DIM(dump_qregs)) /* Rx and Tx */
#define DUMP_COUNT \
	(RTE_DIM(dump_fixed) + DUMP_PER_QUEUE * IGB_VF_MAX_QUEUES + \
		IGB_VF_CNT_NUM)

static uint32_t
dump_reg(unsigned int i)
{
	unsigned int q, r;

	if (i < RTE_DIM(dump_fixed))
		return dump_fixed[i];
	i -= RTE_DIM(dump_fixed);
	if (i >= DUMP_PER_QUEUE * IGB_VF_MAX_QUEUES)
		return vf_counters[i - DUMP_PER_QUEUE * IGB_VF_MAX_QUEUES].reg;
	q = i / DUMP_PER_QUEUE;
	r = i % DUMP_PER_QUEUE;
	return r < RTE_DIM(dump_qregs)
		? IGB_VF_RXQ_BASE(q) + dump_qregs[r]
		: IGB_VF_TXQ_BASE(q) + dump_qregs[r - RTE_DIM(dump_qregs)];
}

int
igb_vf_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *regs)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	uint32_t *data = regs->data;
	unsigned int i;

	if (data == NULL) {
		regs->length = DUMP_COUNT;
		regs->width = sizeof(uint32_t);
		return 0;
	}
	if (regs->length != 0 && regs->length != DUMP_COUNT)
		return -ENOTSUP;
	regs->length = DUMP_COUNT;
	regs->width = sizeof(uint32_t);
	regs->version = IGB_DEV_ID_82576_VF;
	for (i = 0; i < DUMP_COUNT; i++)
		data[i] = igb_read(&ad->hw, dump_reg(i));
	return 0;
}
