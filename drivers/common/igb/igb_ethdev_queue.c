/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <string.h>

#include <rte_log.h>

#include "igb_ethdev_queue.h"
#include "igb_ring.h"

RTE_LOG_REGISTER(igb_common_logtype, pmd.common.igb, NOTICE);
#define QUEUE_LOG(level, dev, fmt, ...) \
	rte_log(RTE_LOG_##level, igb_common_logtype, "%s: " fmt "\n", \
		(dev)->data->name, ##__VA_ARGS__)

int
igb_eth_rx_queue_setup(struct rte_eth_dev *dev, struct igb_hw *hw,
	uint32_t reg_base, uint16_t qid, uint16_t nb_desc, unsigned int socket,
	const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct igb_rx_queue *rxq;
	int ret;

	igb_eth_rx_queue_release(dev, qid);
	ret = igb_rxq_create(&rxq, hw, reg_base, dev->data->port_id, qid,
		nb_desc, socket, conf,
		conf->offloads | dev->data->dev_conf.rxmode.offloads, mp);
	if (ret == -EINVAL) {
		/* 82576: RDLEN counts 128 bytes, 8 descriptors, at a time. */
		QUEUE_LOG(ERR, dev,
			"Rx queue %u setup refused: %u descriptors (need a "
			"multiple of %u from %u to %u), rx_free_thresh %u "
			"(need fewer than the descriptors; 0: the default), "
			"mbufs of pool %s (need data room past the headroom)",
			qid, nb_desc, IGB_RING_DESC_MULT, IGB_RING_MIN_DESC,
			IGB_RING_MAX_DESC, conf->rx_free_thresh, mp->name);
		return ret;
	}
	if (ret != 0) {
		QUEUE_LOG(ERR, dev,
			"Rx queue %u setup (%u descriptors) failed: %s", qid,
			nb_desc, strerror(-ret));
		return ret;
	}
	dev->data->rx_queues[qid] = rxq;
	return 0;
}

int
igb_eth_tx_queue_setup(struct rte_eth_dev *dev, struct igb_hw *hw,
	uint32_t reg_base, uint16_t qid, uint16_t nb_desc, unsigned int socket,
	const struct rte_eth_txconf *conf)
{
	struct igb_tx_queue *txq;
	int ret;

	igb_eth_tx_queue_release(dev, qid);
	ret = igb_txq_create(&txq, hw, reg_base, dev->data->port_id, qid,
		nb_desc, socket, conf,
		conf->offloads | dev->data->dev_conf.txmode.offloads);
	if (ret == -EINVAL) {
		QUEUE_LOG(ERR, dev,
			"Tx queue %u setup refused: %u descriptors (need a "
			"multiple of %u from %u to %u), tx_free_thresh %u "
			"(need fewer than the descriptors less one), "
			"tx_rs_thresh %u (need room for a largest packet after "
			"it); 0: the default",
			qid, nb_desc, IGB_RING_DESC_MULT, IGB_RING_MIN_DESC,
			IGB_RING_MAX_DESC, conf->tx_free_thresh,
			conf->tx_rs_thresh);
		return ret;
	}
	if (ret != 0) {
		QUEUE_LOG(ERR, dev,
			"Tx queue %u setup (%u descriptors) failed: %s", qid,
			nb_desc, strerror(-ret));
		return ret;
	}
	dev->data->tx_queues[qid] = txq;
	return 0;
}

void
igb_eth_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	igb_rxq_release(dev->data->rx_queues[qid]);
	dev->data->rx_queues[qid] = NULL;
}

void
igb_eth_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	igb_txq_release(dev->data->tx_queues[qid]);
	dev->data->tx_queues[qid] = NULL;
}

int
igb_eth_rx_queue_start(struct rte_eth_dev *dev, uint16_t qid)
{
	struct igb_rx_queue *rxq = dev->data->rx_queues[qid];
	int ret;

	if (rxq->started)
		return 0;
	ret = igb_rxq_start(rxq);
	if (ret != 0) {
		QUEUE_LOG(ERR, dev, "Rx queue %u start failed: %s", qid,
			strerror(-ret));
		return ret;
	}
	dev->data->rx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

int
igb_eth_rx_queue_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	struct igb_rx_queue *rxq = dev->data->rx_queues[qid];

	if (rxq->started)
		igb_rxq_stop(rxq);
	dev->data->rx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

int
igb_eth_tx_queue_start(struct rte_eth_dev *dev, uint16_t qid)
{
	struct igb_tx_queue *txq = dev->data->tx_queues[qid];
	int ret;

	if (txq->started)
		return 0;
	ret = igb_txq_start(txq);
	if (ret != 0) {
		QUEUE_LOG(ERR, dev, "Tx queue %u start failed: %s", qid,
			strerror(-ret));
		return ret;
	}
	dev->data->tx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

int
igb_eth_tx_queue_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	struct igb_tx_queue *txq = dev->data->tx_queues[qid];

	if (txq->started)
		igb_txq_stop(txq);
	dev->data->tx_queue_state[qid] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

void
igb_eth_rxq_info_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_rxq_info *qinfo)
{
	igb_rxq_info(dev->data->rx_queues[qid], qinfo);
}

void
igb_eth_txq_info_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_txq_info *qinfo)
{
	igb_txq_info(dev->data->tx_queues[qid], qinfo);
}

static int
burst_mode_set(struct rte_eth_burst_mode *mode, const char *name)
{
	if (name == NULL)
		return -EINVAL;
	mode->flags = 0;
	snprintf(mode->info, sizeof(mode->info), "%s", name);
	return 0;
}

int
igb_eth_rx_burst_mode_get(struct rte_eth_dev *dev, __rte_unused uint16_t qid,
	struct rte_eth_burst_mode *mode)
{
	struct rte_eth_dev_data *data = dev->data;
	eth_rx_burst_t f = data->dev_started
		? dev->rx_pkt_burst
		: igb_rx_burst_select(data->rx_queues, data->nb_rx_queues);

	return burst_mode_set(mode, igb_rx_burst_name(f));
}

int
igb_eth_tx_burst_mode_get(struct rte_eth_dev *dev, __rte_unused uint16_t qid,
	struct rte_eth_burst_mode *mode)
{
	struct rte_eth_dev_data *data = dev->data;
	eth_tx_burst_t f = data->dev_started
		? dev->tx_pkt_burst
		: igb_tx_burst_select(data->tx_queues, data->nb_tx_queues);

	return burst_mode_set(mode, igb_tx_burst_name(f));
}

int
igb_eth_queues_start(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	uint16_t i;
	int ret = 0;

	dev->rx_pkt_burst =
		igb_rx_burst_select(data->rx_queues, data->nb_rx_queues);
	dev->tx_pkt_burst =
		igb_tx_burst_select(data->tx_queues, data->nb_tx_queues);
	for (i = 0; i < data->nb_tx_queues && ret == 0; i++) {
		const struct igb_tx_queue *txq = data->tx_queues[i];

		if (!txq->deferred_start)
			ret = igb_eth_tx_queue_start(dev, i);
	}
	for (i = 0; i < data->nb_rx_queues && ret == 0; i++) {
		const struct igb_rx_queue *rxq = data->rx_queues[i];

		if (!rxq->deferred_start)
			ret = igb_eth_rx_queue_start(dev, i);
	}
	if (ret != 0)
		igb_eth_queues_stop(dev);
	return ret;
}

void
igb_eth_queues_stop(struct rte_eth_dev *dev)
{
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++)
		if (dev->data->rx_queues[i] != NULL)
			igb_eth_rx_queue_stop(dev, i);
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		if (dev->data->tx_queues[i] != NULL)
			igb_eth_tx_queue_stop(dev, i);
}

void
igb_eth_queues_release(struct rte_eth_dev *dev)
{
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++)
		igb_eth_rx_queue_release(dev, i);
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		igb_eth_tx_queue_release(dev, i);
}

int
igb_eth_link_update_shared(struct rte_eth_dev *dev, int wait)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(wait);
	return -1; /* "not changed": this process changes nothing */
}

void
igb_eth_burst_init(struct rte_eth_dev *dev)
{
	dev->rx_pkt_burst = igb_rx_burst;
	dev->tx_pkt_burst = igb_tx_burst;
	dev->tx_pkt_prepare = igb_tx_prepare;
	dev->rx_queue_count = igb_rx_queue_count;
	dev->rx_descriptor_status = igb_rx_descriptor_status;
	dev->tx_descriptor_status = igb_tx_descriptor_status;
}

void
igb_eth_desc_lim_get(struct rte_eth_dev_info *info)
{
	info->rx_desc_lim = (struct rte_eth_desc_lim){
		.nb_max = IGB_RING_MAX_DESC,
		.nb_min = IGB_RING_MIN_DESC,
		.nb_align = IGB_RING_DESC_MULT,
	};
	info->tx_desc_lim = info->rx_desc_lim;
	info->tx_desc_lim.nb_seg_max = IGB_TX_MAX_SEGS;
	info->tx_desc_lim.nb_mtu_seg_max = IGB_TX_MAX_SEGS;
}

void
igb_eth_queue_stats_get(const struct rte_eth_dev *dev, struct rte_eth_stats *st,
	bool port_totals)
{
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct igb_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq == NULL)
			continue;
		if (port_totals) {
			st->ipackets += rxq->stats.packets;
			st->ibytes += rxq->stats.bytes;
		}
		st->ierrors += rxq->stats.errors;
		st->rx_nombuf += rxq->stats.nombuf;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[i] = rxq->stats.packets;
			st->q_ibytes[i] = rxq->stats.bytes;
			st->q_errors[i] = rxq->stats.errors;
		}
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct igb_tx_queue *txq = dev->data->tx_queues[i];

		if (txq == NULL)
			continue;
		if (port_totals) {
			st->opackets += txq->stats.packets;
			st->obytes += txq->stats.bytes;
		}
		st->oerrors += txq->stats.errors;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[i] = txq->stats.packets;
			st->q_obytes[i] = txq->stats.bytes;
		}
	}
}

void
igb_eth_queue_stats_reset(struct rte_eth_dev *dev)
{
	uint16_t i;

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
}

int
igb_eth_get_reg(struct igb_hw *hw, struct rte_dev_reg_info *regs,
	unsigned int count, uint32_t (*reg_at)(unsigned int i),
	uint32_t version)
{
	uint32_t *data = regs->data;
	unsigned int i;

	if (data != NULL && regs->length != 0 && regs->length != count)
		return -ENOTSUP;
	regs->length = count;
	regs->width = sizeof(uint32_t);
	if (data == NULL)
		return 0;
	regs->version = version;
	for (i = 0; i < count; i++)
		data[i] = igb_read(hw, reg_at(i));
	return 0;
}

/* A queue's registers: every one of its block but DCA and the PF-only
 * drop counter and head write-back. */
static const uint32_t queue_regs[] = {
	IGB_QREG_BAL,
	IGB_QREG_BAH,
	IGB_QREG_LEN,
	IGB_QREG_SRRCTL,
	IGB_QREG_HEAD,
	IGB_QREG_TAIL,
	IGB_QREG_DCTL,
};

uint32_t
igb_queue_dump_reg(uint32_t rx_base, uint32_t tx_base, unsigned int i)
{
	RTE_BUILD_BUG_ON(IGB_QUEUE_DUMP_REGS != 2 * RTE_DIM(queue_regs));
	return i < RTE_DIM(queue_regs)
		? rx_base + queue_regs[i]
		: tx_base + queue_regs[i - RTE_DIM(queue_regs)];
}
