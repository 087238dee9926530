/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The harness's glue to upstream's igb burst code. igb_rxtx.c is included
 * whole and unmodified: its queue structures are private to it. Only the
 * queue part of its control path runs (queue setup, then what
 * eth_igb_rx_init/eth_igb_tx_init do per queue); the device-wide part
 * (RCTL, RSS, VMDq, TCTL) would program registers the NIC model does not
 * look at, so it is left out.
 */
#include "igb_rxtx.c" /* upstream: drivers/net/e1000 of the SDK tree */

#include "upstream_igb.h"

/* Referenced from parts of igb_rxtx.c this harness never runs
 * (eth_igb_tx_init, eth_igbvf_rx_init): the base code that defines them
 * is not built. */
void
e1000_config_collision_dist(struct e1000_hw *hw)
{
	RTE_SET_USED(hw);
	abort();
}

void
e1000_rlpml_set_vf(struct e1000_hw *hw, u16 max_size)
{
	RTE_SET_USED(hw);
	RTE_SET_USED(max_size);
	abort();
}

/* What eth_igb_infos_get (igb_ethdev.c) gives an 82576 as queue
 * defaults: Rx thresholds 8/8/1, rx_free_thresh 32, no drop; Tx
 * thresholds 8/1/1 (upstream's 1G driver ignores tx_free_thresh and
 * tx_rs_thresh). */
static const struct rte_eth_rxconf upstream_rxconf = {
	.rx_thresh = {.pthresh = 8, .hthresh = 8, .wthresh = 1},
	.rx_free_thresh = 32,
};
static const struct rte_eth_txconf upstream_txconf = {
	.tx_thresh = {.pthresh = 8, .hthresh = 1, .wthresh = 1},
};

struct upstream_igb {
	struct rte_eth_dev *dev;
};

static struct e1000_hw *
upstream_hw(struct upstream_igb *u)
{
	return E1000_DEV_PRIVATE_TO_HW(u->dev->data->dev_private);
}

struct upstream_igb *
upstream_igb_open(const char *name, uint8_t *bar)
{
	struct upstream_igb *u = calloc(1, sizeof(*u));
	struct rte_eth_dev_data *data;
	struct e1000_hw *hw;

	if (u == NULL)
		return NULL;
	u->dev = rte_eth_dev_allocate(name);
	if (u->dev == NULL) {
		free(u);
		return NULL;
	}
	data = u->dev->data;
	/* rte_eth_dev_release_port frees these three. */
	data->dev_private = rte_zmalloc("upstream_igb",
		sizeof(struct e1000_adapter), RTE_CACHE_LINE_SIZE);
	data->rx_queues = rte_zmalloc("upstream_igb", sizeof(void *), 0);
	data->tx_queues = rte_zmalloc("upstream_igb", sizeof(void *), 0);
	if (data->dev_private == NULL || data->rx_queues == NULL ||
		data->tx_queues == NULL) {
		upstream_igb_close(u);
		return NULL;
	}
	data->nb_rx_queues = 1;
	data->nb_tx_queues = 1;
	hw = upstream_hw(u);
	hw->hw_addr = bar;
	hw->mac.type = e1000_82576;
	hw->device_id = E1000_DEV_ID_82576;
	hw->vendor_id = 0x8086;
	return u;
}

void
upstream_igb_close(struct upstream_igb *u)
{
	if (u == NULL)
		return;
	if (u->dev->data->dev_private != NULL)
		upstream_igb_queues_down(u);
	rte_eth_dev_release_port(u->dev);
	free(u);
}

int
upstream_igb_rxq_up(struct upstream_igb *u, uint16_t nb_desc,
	struct rte_mempool *mp, void **rxqp, eth_rx_burst_t *burst)
{
	struct e1000_hw *hw = upstream_hw(u);
	struct igb_rx_queue *rxq;
	uint32_t srrctl, rxdctl, bsize, max_len;
	uint16_t room;
	int ret;

	ret = eth_igb_rx_queue_setup(
		u->dev, 0, nb_desc, SOCKET_ID_ANY, &upstream_rxconf, mp);
	if (ret != 0)
		return ret;
	rxq = u->dev->data->rx_queues[0];
	ret = igb_alloc_rx_queue_mbufs(rxq);
	if (ret != 0)
		return ret;
	E1000_WRITE_REG(hw, E1000_RDLEN(rxq->reg_idx),
		rxq->nb_rx_desc * sizeof(union e1000_adv_rx_desc));
	E1000_WRITE_REG(hw, E1000_RDBAH(rxq->reg_idx),
		(uint32_t)(rxq->rx_ring_phys_addr >> 32));
	E1000_WRITE_REG(hw, E1000_RDBAL(rxq->reg_idx),
		(uint32_t)rxq->rx_ring_phys_addr);
	/* One buffer per frame, sized in KiB: buffers under 1 KiB would take
	 * RCTL.BSIZE and scattered Rx, which the model does not do. */
	room = rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM;
	if (room < 1024)
		return -EINVAL;
	srrctl = E1000_SRRCTL_DESCTYPE_ADV_ONEBUF |
		((room >> E1000_SRRCTL_BSIZEPKT_SHIFT) &
			E1000_SRRCTL_BSIZEPKT_MASK);
	E1000_WRITE_REG(hw, E1000_SRRCTL(rxq->reg_idx), srrctl);
	rxdctl = E1000_RXDCTL_QUEUE_ENABLE | (rxq->pthresh & 0x1f) |
		(rxq->hthresh & 0x1f) << 8 | (rxq->wthresh & 0x1f) << 16;
	E1000_WRITE_REG(hw, E1000_RXDCTL(rxq->reg_idx), rxdctl);
	E1000_WRITE_REG(hw, E1000_RDH(rxq->reg_idx), 0);
	E1000_WRITE_REG(hw, E1000_RDT(rxq->reg_idx), rxq->nb_rx_desc - 1);
	/* Upstream's choice: scattered Rx when a buffer cannot hold the
	 * largest frame with two VLAN tags. */
	bsize = (srrctl & E1000_SRRCTL_BSIZEPKT_MASK)
		<< E1000_SRRCTL_BSIZEPKT_SHIFT;
	max_len = u->dev->data->mtu + E1000_ETH_OVERHEAD + 2 * VLAN_TAG_SIZE;
	*burst = bsize < max_len ? eth_igb_recv_scattered_pkts
				 : eth_igb_recv_pkts;
	*rxqp = rxq;
	return 0;
}

int
upstream_igb_txq_up(struct upstream_igb *u, uint16_t nb_desc, void **txqp,
	eth_tx_burst_t *burst)
{
	struct e1000_hw *hw = upstream_hw(u);
	struct igb_tx_queue *txq;
	uint32_t txdctl;
	int ret;

	ret = eth_igb_tx_queue_setup(
		u->dev, 0, nb_desc, SOCKET_ID_ANY, &upstream_txconf);
	if (ret != 0)
		return ret;
	txq = u->dev->data->tx_queues[0];
	E1000_WRITE_REG(hw, E1000_TDLEN(txq->reg_idx),
		txq->nb_tx_desc * sizeof(union e1000_adv_tx_desc));
	E1000_WRITE_REG(hw, E1000_TDBAH(txq->reg_idx),
		(uint32_t)(txq->tx_ring_phys_addr >> 32));
	E1000_WRITE_REG(hw, E1000_TDBAL(txq->reg_idx),
		(uint32_t)txq->tx_ring_phys_addr);
	E1000_WRITE_REG(hw, E1000_TDT(txq->reg_idx), 0);
	E1000_WRITE_REG(hw, E1000_TDH(txq->reg_idx), 0);
	txdctl = E1000_TXDCTL_QUEUE_ENABLE | (txq->pthresh & 0x1f) |
		(txq->hthresh & 0x1f) << 8 | (txq->wthresh & 0x1f) << 16;
	E1000_WRITE_REG(hw, E1000_TXDCTL(txq->reg_idx), txdctl);
	*burst = u->dev->tx_pkt_burst; /* set by the queue setup */
	*txqp = txq;
	return 0;
}

void
upstream_igb_queues_down(struct upstream_igb *u)
{
	struct rte_eth_dev_data *data = u->dev->data;
	struct e1000_hw *hw = upstream_hw(u);

	if (data->rx_queues != NULL && data->rx_queues[0] != NULL) {
		E1000_WRITE_REG(hw, E1000_RXDCTL(0), 0);
		eth_igb_rx_queue_release(u->dev, 0);
		data->rx_queues[0] = NULL;
	}
	if (data->tx_queues != NULL && data->tx_queues[0] != NULL) {
		E1000_WRITE_REG(hw, E1000_TXDCTL(0), 0);
		eth_igb_tx_queue_release(u->dev, 0);
		data->tx_queues[0] = NULL;
	}
}
