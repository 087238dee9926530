/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Descriptor ring arithmetic shared by Rx and Tx (pure, unit tested).
 *
 * 82576: the NIC owns the descriptors from its head up to (not including)
 * the tail register, and head == tail means "nothing for the NIC"; so one
 * slot always stays empty.
 */
#ifndef IGB_RING_H
#define IGB_RING_H

#include <stdbool.h>
#include <stdint.h>

static inline uint16_t
igb_ring_add(uint16_t idx, uint16_t n, uint16_t size)
{
	uint32_t v = (uint32_t)idx + n;

	return v >= size ? v - size : v;
}

static inline uint16_t
igb_ring_next(uint16_t idx, uint16_t size)
{
	return idx + 1 == size ? 0 : idx + 1;
}

/* Slots from 'from' up to (not including) 'to' going forward. */
static inline uint16_t
igb_ring_dist(uint16_t from, uint16_t to, uint16_t size)
{
	return to >= from ? to - from : size - from + to;
}

/* Is idx in the forward range [from, to)? */
static inline bool
igb_ring_in_range(uint16_t idx, uint16_t from, uint16_t to, uint16_t size)
{
	return igb_ring_dist(from, idx, size) < igb_ring_dist(from, to, size);
}

/*
 * Rx refill: slots [refill, refill + nb_hold) were handed to the
 * application. The tail register always points one slot behind the next
 * slot to refill, so the NIC never reaches a slot without a buffer.
 */
static inline uint16_t
igb_rx_tail_after_refill(uint16_t refill, uint16_t size)
{
	return refill == 0 ? size - 1 : refill - 1;
}

/* Rx tail writes are batched: refill only once this many slots wait. */
static inline bool
igb_rx_refill_due(uint16_t nb_hold, uint16_t free_thresh)
{
	return nb_hold >= free_thresh;
}

/* Tx: free descriptors remaining, given the count in flight. */
static inline uint16_t
igb_tx_free_count(uint16_t in_flight, uint16_t size)
{
	return size - 1 - in_flight;
}

/* Tx completions are reaped only when free descriptors drop below this. */
static inline bool
igb_tx_clean_due(uint16_t nb_free, uint16_t free_thresh)
{
	return nb_free < free_thresh;
}

#endif /* IGB_RING_H */
