/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the Tx burst functions for plain frames share (igb_tx.c's simple
 * one, igb_tx_vec_sse.c's vector one): completions reaped when free
 * descriptors run low, plain frames (one segment, no context) written one
 * descriptor each in one or two runs of contiguous slots, RS set once per
 * tx_rs_thresh descriptors, the first other frame and the rest of the
 * burst left to the full path, one tail write. Internal to
 * drivers/common/igb.
 */
#ifndef IGB_TX_RUN_H
#define IGB_TX_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_io.h>
#include <rte_mbuf.h>

#include "igb_ring.h"
#include "igb_rxtx.h"
#include "igb_tx_offload.h"

/* Descriptors reaped per burst when free ones run low: a few RS groups,
 * so the freed mbufs stay within the mempool cache. */
#define IGB_TX_REAP_BUDGET 64

/* cmd_type_len of a plain frame's descriptor, without the length. */
#define IGB_TX_CMD_PLAIN \
	(IGB_TXD_DTYP_DATA | IGB_TXD_CMD_DEXT | IGB_TXD_CMD_IFCS | \
		IGB_TXD_CMD_EOP)

/* Plain frames from pkts into slots from tail on, at most n, not past the
 * ring's end (RS is added afterwards); adds their bytes. Returns how many,
 * stopping at the first frame that is not plain. */
typedef uint16_t (*igb_tx_run_t)(struct igb_tx_queue *txq, uint16_t tail,
	struct rte_mbuf **pkts, uint16_t n, uint64_t *bytes);

/* Reap finished RS groups until about budget descriptors came back. */
void igb_tx_reap(struct igb_tx_queue *txq, uint16_t budget);
/* Queue what fits of pkts, any offloads and segments (no tail write). */
uint16_t igb_tx_fill_full(
	struct igb_tx_queue *txq, struct rte_mbuf **pkts, uint16_t n);

/* A frame the plain runs take: one segment, no context. */
static inline bool
igb_tx_plain(const struct rte_mbuf *m)
{
	return m->nb_segs == 1 && !(m->ol_flags & IGB_TX_CTX_FLAGS);
}

/* One TDT write per burst. The descriptors must be in memory before the
 * NIC sees the new tail and fetches them. */
static inline void
igb_tx_kick(struct igb_tx_queue *txq)
{
	rte_io_wmb();
	igb_write_relaxed(txq->hw, IGB_TDT(txq->reg_base), txq->tail);
}

/* Queue plain frames through run, one descriptor each, up to the first
 * other one. */
static inline uint16_t
igb_tx_fill_plain(struct igb_tx_queue *txq, struct rte_mbuf **pkts, uint16_t n,
	igb_tx_run_t run)
{
	uint16_t size = txq->nb_desc;
	uint16_t tail = txq->tail;
	uint16_t first, sent;
	uint32_t k;
	uint64_t bytes = 0;

	if (n > txq->nb_free)
		igb_tx_reap(txq, UINT16_MAX);
	n = RTE_MIN(n, txq->nb_free);
	first = RTE_MIN(n, size - tail);
	sent = run(txq, tail, pkts, first, &bytes);
	if (sent == first && first < n)
		sent += run(txq, 0, pkts + first, n - first, &bytes);
	/* RS on each descriptor that completes a group of rs_thresh (the
	 * NIC sees none of them before the tail moves). */
	for (k = txq->rs_thresh - txq->nb_open; k <= sent; k += txq->rs_thresh)
		txq->ring[igb_ring_add(tail, k - 1, size)].read.cmd_type_len |=
			rte_cpu_to_le_32(IGB_TXD_CMD_RS);
	/* The last RS went on frame k - rs_thresh (or before the burst). */
	txq->nb_open = sent + txq->rs_thresh - k;
	txq->tail = igb_ring_add(tail, sent, size);
	txq->nb_free -= sent;
	txq->stats.packets += sent;
	txq->stats.bytes += bytes;
	return sent;
}

/* A burst: plain frames through run, the first other one and the rest
 * through the full path; inline, so that each caller's run is inlined. */
static inline uint16_t
igb_tx_burst_plain(
	void *queue, struct rte_mbuf **pkts, uint16_t n, igb_tx_run_t run)
{
	struct igb_tx_queue *txq = queue;
	uint16_t sent;

	if (igb_tx_clean_due(txq->nb_free, txq->free_thresh))
		igb_tx_reap(txq, IGB_TX_REAP_BUDGET);
	sent = igb_tx_fill_plain(txq, pkts, n, run);
	if (sent < n && !igb_tx_plain(pkts[sent]))
		sent += igb_tx_fill_full(txq, pkts + sent, n - sent);
	if (sent > 0)
		igb_tx_kick(txq);
	return sent;
}

#endif /* IGB_TX_RUN_H */
