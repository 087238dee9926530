/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>

#include "igb_desc.h"
#include "igb_queue.h"
#include "igb_rxtx.h"

const struct rte_memzone *
igb_ring_zone(const char *kind, uint16_t port_id, uint32_t reg_base,
	size_t desc_size, unsigned int socket)
{
	const struct rte_memzone *mz;
	char name[RTE_MEMZONE_NAMESIZE];

	snprintf(name, sizeof(name), "igb_%s_p%u_%x", kind, port_id, reg_base);
	mz = rte_memzone_lookup(name);
	if (mz != NULL)
		rte_memzone_free(mz);
	return rte_memzone_reserve_aligned(name, desc_size * IGB_RING_MAX_DESC,
		socket, RTE_MEMZONE_IOVA_CONTIG, IGB_RING_ALIGN);
}

bool
igb_queue_hw_enable(struct igb_hw *hw, uint32_t base, bool rx, uint64_t iova,
	uint32_t ring_bytes, uint32_t dctl_thresholds)
{
	uint32_t dctl = rx ? IGB_RXDCTL(base) : IGB_TXDCTL(base);

	/* 82576 4.5.9 (Rx), 4.5.10 (Tx): ring base and length, */
	igb_write(hw, rx ? IGB_RDBAL(base) : IGB_TDBAL(base), (uint32_t)iova);
	igb_write(hw, rx ? IGB_RDBAH(base) : IGB_TDBAH(base),
		(uint32_t)(iova >> 32));
	igb_write(hw, rx ? IGB_RDLEN(base) : IGB_TDLEN(base), ring_bytes);
	/* head = tail = 0 (82576 4.5.9: RDT moves on only once the queue
	 * is enabled; the Rx caller does that), */
	igb_write(hw, rx ? IGB_RDH(base) : IGB_TDH(base), 0);
	igb_write(hw, rx ? IGB_RDT(base) : IGB_TDT(base), 0);
	/* then thresholds and ENABLE; poll until ENABLE reads 1. */
	igb_write(hw, dctl, dctl_thresholds | IGB_XDCTL_ENABLE);
	return igb_wait_queue_enable(hw, dctl, true);
}

void
igb_queue_hw_disable(struct igb_hw *hw, uint32_t base, bool rx)
{
	uint32_t dctl = rx ? IGB_RXDCTL(base) : IGB_TXDCTL(base);

	/* 82576 4.5.9.2 (Rx), 4.5.10.1 (Tx): clear ENABLE, poll for 0. */
	igb_write(hw, dctl, igb_read(hw, dctl) & ~IGB_XDCTL_ENABLE);
	igb_wait_queue_enable(hw, dctl, false);
}
