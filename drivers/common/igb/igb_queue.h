/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Control-path steps Rx and Tx queues share: ring memory, and the
 * register sequence that hands a ring to the NIC or takes it back.
 */
#ifndef IGB_QUEUE_H
#define IGB_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_memzone.h>

#include "igb_hw.h"

/* Room for the largest ring, so that a queue set up again with more
 * descriptors reuses its zone; kind is "rx" or "tx". */
const struct rte_memzone *igb_ring_zone(const char *kind, uint16_t port_id,
	uint32_t reg_base, size_t desc_size, unsigned int socket);

/* Programme base, length, head = tail = 0 of the Rx (RDBAL...RXDCTL) or
 * Tx (TDBAL...TXDCTL) queue block at base and enable the queue with the
 * given RXDCTL/TXDCTL thresholds; false if ENABLE did not read back. */
bool igb_queue_hw_enable(struct igb_hw *hw, uint32_t base, bool rx,
	uint64_t iova, uint32_t ring_bytes, uint32_t dctl_thresholds);

/* Clear RXDCTL/TXDCTL.ENABLE and wait for the NIC to let go of the ring. */
void igb_queue_hw_disable(struct igb_hw *hw, uint32_t base, bool rx);

#endif /* IGB_QUEUE_H */
