/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which burst functions a port uses, from its queues' offloads. Both PMDs
 * call these at dev_start (ethdev copies the port's pointers when the
 * start succeeds).
 */
#include "igb_rxtx.h"

/* Offloads whose frames need the full paths' per-frame work. */
#define RX_FULL_OFFLOADS \
	(RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_SCATTER)
#define TX_FULL_OFFLOADS \
	(RTE_ETH_TX_OFFLOAD_VLAN_INSERT | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM | \
		RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM | \
		RTE_ETH_TX_OFFLOAD_SCTP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_TSO | \
		RTE_ETH_TX_OFFLOAD_MULTI_SEGS)

bool
igb_rxq_simple(const struct igb_rx_queue *rxq)
{
	return !(rxq->offloads & RX_FULL_OFFLOADS);
}

bool
igb_txq_simple(const struct igb_tx_queue *txq)
{
	return !(txq->offloads & TX_FULL_OFFLOADS);
}

eth_rx_burst_t
igb_rx_burst_select(void *const *rxqs, uint16_t nb_rxq)
{
	uint16_t i;

	for (i = 0; i < nb_rxq; i++)
		if (rxqs[i] != NULL && !igb_rxq_simple(rxqs[i]))
			return igb_rx_burst;
	return igb_rx_burst_simple;
}

eth_tx_burst_t
igb_tx_burst_select(void *const *txqs, uint16_t nb_txq)
{
	uint16_t i;

	for (i = 0; i < nb_txq; i++)
		if (txqs[i] != NULL && !igb_txq_simple(txqs[i]))
			return igb_tx_burst;
	return igb_tx_burst_simple;
}
