/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which burst functions a port uses, from its queues' offloads, the CPU
 * and the SIMD bitwidth EAL allows. Both PMDs call these at dev_start
 * (ethdev copies the port's pointers when the start succeeds).
 */
#include <rte_cpuflags.h>
#include <rte_vect.h>

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

bool
igb_vec_usable(void)
{
#ifdef RTE_ARCH_X86
	return rte_vect_get_max_simd_bitwidth() >= RTE_VECT_SIMD_128 &&
		rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_1) == 1;
#else
	return false;
#endif
}

/*
 * The vector functions read and write four Rx descriptors a step and
 * take the leftover slots of a run with the scalar code, so they have no
 * rule of their own on the ring size (a multiple of IGB_RING_DESC_MULT),
 * the burst size or the free threshold: the same queues suit both.
 */
eth_rx_burst_t
igb_rx_burst_select(void *const *rxqs, uint16_t nb_rxq)
{
	uint16_t i;

	for (i = 0; i < nb_rxq; i++)
		if (rxqs[i] != NULL && !igb_rxq_simple(rxqs[i]))
			return igb_rx_burst;
#ifdef RTE_ARCH_X86
	if (igb_vec_usable())
		return igb_rx_burst_sse;
#endif
	return igb_rx_burst_simple;
}

eth_tx_burst_t
igb_tx_burst_select(void *const *txqs, uint16_t nb_txq)
{
	uint16_t i;

	for (i = 0; i < nb_txq; i++)
		if (txqs[i] != NULL && !igb_txq_simple(txqs[i]))
			return igb_tx_burst;
#ifdef RTE_ARCH_X86
	if (igb_vec_usable())
		return igb_tx_burst_sse;
#endif
	return igb_tx_burst_simple;
}

const char *
igb_rx_burst_name(eth_rx_burst_t f)
{
#ifdef RTE_ARCH_X86
	if (f == igb_rx_burst_sse)
		return "Vector SSE4.1";
#endif
	if (f == igb_rx_burst_simple)
		return "Scalar simple";
	if (f == igb_rx_burst)
		return "Scalar";
	return NULL;
}

const char *
igb_tx_burst_name(eth_tx_burst_t f)
{
#ifdef RTE_ARCH_X86
	if (f == igb_tx_burst_sse)
		return "Vector SSE4.1";
#endif
	if (f == igb_tx_burst_simple)
		return "Scalar simple";
	if (f == igb_tx_burst)
		return "Scalar";
	return NULL;
}
