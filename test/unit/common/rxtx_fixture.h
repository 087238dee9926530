/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the burst tests share: EAL (no hugepages, no PCI) for their mempool,
 * and the NIC's side of an Rx ring. Their device is VF 0's BAR of the
 * register model (igb_model.h).
 */
#ifndef IGB_TEST_RXTX_FIXTURE_H
#define IGB_TEST_RXTX_FIXTURE_H

#include <stdint.h>

#include <rte_mempool.h>

#include "igb_rxtx.h"

/* Starts EAL (its files named igb_NAME) and makes a pool NAME of n mbufs
 * of the default size, checked ("mempool created"): the pool or NULL. Exits
 * with status 1 if EAL does not start. */
struct rte_mempool *fixture_pool(const char *name, unsigned int n);

/* The NIC writes descriptor idx of q back: len bytes, status and errors
 * stat (DD added), packet type pkt_info. */
void nic_rx(struct igb_rx_queue *q, uint16_t idx, uint16_t len, uint32_t stat,
	uint16_t pkt_info);

/* An Rx queue's ring and software ring, set aside. */
struct fixture_rx_rings {
	volatile union igb_rx_desc *ring;
	struct rte_mbuf **sw_ring;
};

/* Give q (created, not started) a ring and software ring malloc()ed at
 * their exact size, so that ASan sees an access past them; its own go to
 * *own. Exits with status 1 if out of memory. */
void fixture_rx_exact_rings(
	struct igb_rx_queue *q, struct fixture_rx_rings *own);

/* Free them and put q's own back (before igb_rxq_release). */
void fixture_rx_own_rings(
	struct igb_rx_queue *q, const struct fixture_rx_rings *own);

#endif /* IGB_TEST_RXTX_FIXTURE_H */
