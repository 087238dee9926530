/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the Rx burst functions for plain frames share (igb_rx.c's simple
 * one, igb_rx_vec_sse.c's vector one): a burst is one or two runs of
 * contiguous slots (split at the ring's end), each stopping at the first
 * frame that is not plain; that frame and the rest of the burst go to the
 * full function, igb_rx_burst. Internal to drivers/common/igb.
 */
#ifndef IGB_RX_RUN_H
#define IGB_RX_RUN_H

#include <stdint.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_mbuf.h>

#include "igb_ring.h"
#include "igb_rxtx.h"

/* Status and error bits of a plain frame: done, in one buffer (EOP), no
 * tag stripped (VP), no error (RXE). */
#define IGB_RX_PLAIN_MASK \
	(IGB_RXD_STAT_DD | IGB_RXD_STAT_EOP | IGB_RXD_STAT_VP | IGB_RXD_ERR_RXE)
#define IGB_RX_PLAIN_OK (IGB_RXD_STAT_DD | IGB_RXD_STAT_EOP)

/* Plain frames from slot idx on, at most n, not past the ring's end, into
 * pkts; adds their bytes. Returns how many, stopping at the first other. */
typedef uint16_t (*igb_rx_run_t)(struct igb_rx_queue *rxq, uint16_t idx,
	struct rte_mbuf **pkts, uint16_t n, uint64_t *bytes);

/* The scalar run (igb_rx_burst_simple's). */
uint16_t igb_rx_simple_run(struct igb_rx_queue *rxq, uint16_t idx,
	struct rte_mbuf **pkts, uint16_t n, uint64_t *bytes);

/* End of a burst that took slots up to idx (taken of them) and returned
 * nb_rx frames of bytes: remember where it stopped, refill, count. (Not
 * an igb_rx_burst* name: test/perf/run.sh toggles collection on those.) */
void igb_rx_finish(struct igb_rx_queue *rxq, uint16_t idx, uint16_t taken,
	uint16_t nb_rx, uint64_t bytes);

/* A burst of plain frames through run; inline, so that each caller's run
 * is inlined too. A frame in progress or software tag stripping: the
 * whole burst is the full function's. */
static inline uint16_t
igb_rx_burst_plain(
	void *queue, struct rte_mbuf **pkts, uint16_t n, igb_rx_run_t run)
{
	struct igb_rx_queue *rxq = queue;
	uint16_t idx = rxq->next;
	uint16_t size = rxq->nb_desc;
	/* The runs stay within the slots holding a buffer: the vector one
	 * writes the mbufs of a whole step, also those after the first
	 * frame it does not take, and past those slots the mbufs are the
	 * application's. */
	uint16_t want = RTE_MIN(n, size - rxq->nb_hold);
	uint16_t first = RTE_MIN(want, size - idx);
	uint16_t nb_rx;
	uint64_t bytes = 0;

	if (unlikely(rxq->pkt_first != NULL ||
		    (rxq->offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP)))
		return igb_rx_burst(queue, pkts, n);

	nb_rx = run(rxq, idx, pkts, first, &bytes);
	if (nb_rx == first && first < want)
		nb_rx += run(rxq, 0, pkts + first, want - first, &bytes);
	idx = igb_ring_add(idx, nb_rx, size);
	igb_rx_finish(rxq, idx, nb_rx, nb_rx, bytes);
	/* Stopped at a frame for the full path: it takes the rest. */
	if (nb_rx < n &&
		(rte_le_to_cpu_32(rxq->ring[idx].wb.status_error) &
			IGB_RXD_STAT_DD))
		nb_rx += igb_rx_burst(queue, pkts + nb_rx, n - nb_rx);
	return nb_rx;
}

#endif /* IGB_RX_RUN_H */
