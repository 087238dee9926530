/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The contestants: this project's burst code as its ports select it
 * (ours), the same selection with vector paths disallowed (ours-scalar),
 * and upstream DPDK's igb burst code (upstream, see upstream_igb.c).
 */
#include <stdio.h>
#include <string.h>

#include <rte_mbuf.h>
#include <rte_vect.h>

#include "igb_rxtx.h"
#include "perf_driver.h"
#include "upstream_igb.h"

#define RX_PTYPE (RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP)
#define RX_CKSUM_GOOD \
	(RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD)
#define RX_CKSUM_MASK \
	(RTE_MBUF_F_RX_IP_CKSUM_MASK | RTE_MBUF_F_RX_L4_CKSUM_MASK)

static int
ours_queues(struct perf_run *r, bool rx, bool tx)
{
	struct rte_eth_rxconf rxconf = {0};
	struct rte_eth_txconf txconf = {0};
	uint64_t tx_offloads =
		r->o->fast_free ? RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE : 0;
	struct igb_rx_queue *rxq = NULL;
	struct igb_tx_queue *txq = NULL;
	/* Ring memzones are named after the port: one each. */
	uint16_t port = r->drv - perf_drivers;
	int ret;

	if (rx) {
		ret = igb_rxq_create(&rxq, &r->nm.hw, r->drv->rx_base, port, 0,
			r->o->ring, SOCKET_ID_ANY, &rxconf, 0, r->mp);
		r->rxq = rxq;
		if (ret == 0)
			ret = igb_rxq_start(rxq);
		if (ret != 0) {
			printf("FAIL %s setup: Rx queue: %s\n", r->drv->name,
				strerror(-ret));
			return -1;
		}
		r->rx_burst = r->o->full ? igb_rx_burst
					 : igb_rx_burst_select(&r->rxq, 1);
	}
	if (tx) {
		ret = igb_txq_create(&txq, &r->nm.hw, r->drv->tx_base, port, 0,
			r->o->ring, SOCKET_ID_ANY, &txconf, tx_offloads);
		r->txq = txq;
		if (ret == 0)
			ret = igb_txq_start(txq);
		if (ret != 0) {
			printf("FAIL %s setup: Tx queue: %s\n", r->drv->name,
				strerror(-ret));
			return -1;
		}
		r->tx_burst = r->o->full ? igb_tx_burst
					 : igb_tx_burst_select(&r->txq, 1);
	}
	return 0;
}

/* The selection made with vector paths disallowed, as an EAL option
 * --force-max-simd-bitwidth=64 would; the limit is restored after. */
static int
ours_scalar_queues(struct perf_run *r, bool rx, bool tx)
{
	uint16_t simd = rte_vect_get_max_simd_bitwidth();
	int ret;

	if (rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_DISABLED) != 0) {
		printf("FAIL %s setup: cannot limit the SIMD width\n",
			r->drv->name);
		return -1;
	}
	ret = ours_queues(r, rx, tx);
	rte_vect_set_max_simd_bitwidth(simd);
	return ret;
}

static void
ours_down(struct perf_run *r)
{
	struct igb_rx_queue *rxq = r->rxq;
	struct igb_tx_queue *txq = r->txq;

	if (rxq != NULL) {
		if (rxq->started)
			igb_rxq_stop(rxq);
		igb_rxq_release(rxq);
	}
	if (txq != NULL) {
		if (txq->started)
			igb_txq_stop(txq);
		igb_txq_release(txq);
	}
}

static void
ours_stats(const struct perf_run *r, bool rx, uint64_t *pkts, uint64_t *bytes)
{
	const struct igb_queue_stats *s = rx
		? &((const struct igb_rx_queue *)r->rxq)->stats
		: &((const struct igb_tx_queue *)r->txq)->stats;

	*pkts = s->packets;
	*bytes = s->bytes;
}

static int
upstream_open(struct perf_run *r)
{
	r->priv = upstream_igb_open("igb_perf_upstream", r->nm.bar);
	if (r->priv == NULL) {
		printf("igb-perf: upstream: no ethdev port for it\n");
		return -1;
	}
	return 0;
}

static void
upstream_close(struct perf_run *r)
{
	upstream_igb_close(r->priv);
	r->priv = NULL;
}

static int
upstream_up(struct perf_run *r, bool rx, bool tx)
{
	int ret;

	if (rx) {
		ret = upstream_igb_rxq_up(
			r->priv, r->o->ring, r->mp, &r->rxq, &r->rx_burst);
		if (ret != 0) {
			printf("FAIL upstream setup: Rx queue: %s\n",
				strerror(-ret));
			return -1;
		}
	}
	if (tx) {
		ret = upstream_igb_txq_up(
			r->priv, r->o->ring, &r->txq, &r->tx_burst);
		if (ret != 0) {
			printf("FAIL upstream setup: Tx queue: %s\n",
				strerror(-ret));
			return -1;
		}
	}
	return 0;
}

static void
upstream_down(struct perf_run *r)
{
	upstream_igb_queues_down(r->priv);
}

const struct perf_driver perf_drivers[DRV_COUNT] = {
	[DRV_OURS] =
		{
			.name = "ours",
			.rx_base = IGB_PF_RXQ_BASE(0),
			.tx_base = IGB_PF_TXQ_BASE(0),
			.rx_ptype = RX_PTYPE,
			.rx_ol_mask = RX_CKSUM_MASK,
			.rx_ol_want = RX_CKSUM_GOOD,
			.up = ours_queues,
			.down = ours_down,
			.stats = ours_stats,
		},
	[DRV_OURS_SCALAR] =
		{
			.name = "ours-scalar",
			.rx_base = IGB_PF_RXQ_BASE(0),
			.tx_base = IGB_PF_TXQ_BASE(0),
			.rx_ptype = RX_PTYPE,
			.rx_ol_mask = RX_CKSUM_MASK,
			.rx_ol_want = RX_CKSUM_GOOD,
			.up = ours_scalar_queues,
			.down = ours_down,
			.stats = ours_stats,
		},
	/* Upstream reports "good" from the error bits alone (it does not
	 * look at IPCS/L4CS) and sets no other flag for this frame: all
	 * of ol_flags is compared. */
	[DRV_UPSTREAM] =
		{
			.name = "upstream",
			.rx_base = UPSTREAM_IGB_RXQ_BASE,
			.tx_base = UPSTREAM_IGB_TXQ_BASE,
			.rx_ptype = RX_PTYPE,
			.rx_ol_mask = UINT64_MAX,
			.rx_ol_want = RX_CKSUM_GOOD,
			.open = upstream_open,
			.close = upstream_close,
			.up = upstream_up,
			.down = upstream_down,
		},
};
