/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tx burst for plain frames with SSE: each frame's advanced data
 * descriptor (address; DTYP data, DEXT, IFCS, EOP, length; PAYLEN) is
 * built in a register and written with one 16-byte store. The rest (reaping,
 * RS per tx_rs_thresh, the hand-over of other frames to the full path,
 * one tail write) is igb_tx_burst_plain()'s, the same as the scalar
 * simple path's.
 */
#include <stddef.h>

#include <rte_common.h>
#include <rte_mbuf.h>
#include <rte_vect.h>

#include "igb_rxtx.h"
#include "igb_tx_run.h"

static_assert(offsetof(union igb_tx_desc, read.cmd_type_len) == 8 &&
		offsetof(union igb_tx_desc, read.olinfo_status) == 12,
	"Tx descriptor: address, cmd_type_len, olinfo_status");

static inline uint16_t
tx_sse_run(struct igb_tx_queue *txq, uint16_t tail, struct rte_mbuf **pkts,
	uint16_t n, uint64_t *bytes)
{
	volatile union igb_tx_desc *d = &txq->ring[tail];
	struct rte_mbuf **sw = &txq->sw_mbuf[tail];
	uint16_t *sw_last = &txq->sw_last[tail];
	uint64_t sum = 0;
	uint16_t i;

	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];
		uint64_t words;

		if (unlikely(!igb_tx_plain(m)))
			break;
		/* cmd_type_len in the low half, olinfo_status in the high. */
		words = (uint64_t)(IGB_TX_CMD_PLAIN | m->data_len) |
			(uint64_t)m->pkt_len << (32 + IGB_TXD_PAYLEN_SHIFT);
		_mm_store_si128((__m128i *)(uintptr_t)&d[i],
			_mm_set_epi64x((long long)words,
				(long long)rte_mbuf_data_iova(m)));
		sw[i] = m;
		sw_last[i] = tail + i;
		sum += m->pkt_len;
	}
	*bytes += sum;
	return i;
}

uint16_t
igb_tx_burst_sse(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	return igb_tx_burst_plain(queue, pkts, n, tx_sse_run);
}
