/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Upstream DPDK's igb burst code (drivers/net/e1000/igb_rxtx.c of the
 * source tree the build uses, compiled unmodified) on queue 0 of a
 * stand-in 82576 port without SR-IOV, whose BAR0 is a NIC model's memory.
 * Its queue 0 registers are at 0x2800 (Rx) and 0x3800 (Tx).
 */
#ifndef UPSTREAM_IGB_H
#define UPSTREAM_IGB_H

#include <stdint.h>

#include <rte_ethdev.h>
#include <rte_mempool.h>

#define UPSTREAM_IGB_RXQ_BASE 0x2800 /* E1000_RDBAL(0) */
#define UPSTREAM_IGB_TXQ_BASE 0x3800 /* E1000_TDBAL(0) */

struct upstream_igb;

/* An ethdev port (rte_eth_dev_allocate) with upstream's private data for
 * an 82576; NULL if out of ports or memory. */
struct upstream_igb *upstream_igb_open(const char *name, uint8_t *bar);
void upstream_igb_close(struct upstream_igb *u);

/*
 * Queue 0 through eth_igb_rx_queue_setup/eth_igb_tx_queue_setup with the
 * defaults eth_igb_infos_get gives an 82576, then started as the
 * per-queue part of eth_igb_rx_init/eth_igb_tx_init does it. Each returns
 * 0 and upstream's queue and burst function, or a negative errno.
 */
int upstream_igb_rxq_up(struct upstream_igb *u, uint16_t nb_desc,
	struct rte_mempool *mp, void **rxq, eth_rx_burst_t *burst);
int upstream_igb_txq_up(struct upstream_igb *u, uint16_t nb_desc, void **txq,
	eth_tx_burst_t *burst);

/* Release both queues (their mbufs go back to the pool). */
void upstream_igb_queues_down(struct upstream_igb *u);

#endif /* UPSTREAM_IGB_H */
