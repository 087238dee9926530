/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_malloc.h>

#include "igb_queue.h"
#include "igb_ring.h"
#include "igb_rxtx.h"
#include "igb_tx_offload.h"
#include "igb_tx_run.h"

#define TXDCTL_THRESHOLDS \
	((8u << IGB_XDCTL_PTHRESH_SHIFT) | (1u << IGB_XDCTL_HTHRESH_SHIFT) | \
		(1u << IGB_XDCTL_WTHRESH_SHIFT))

/* The most descriptors one packet takes: its segments and a context. */
#define TX_MAX_PKT_DESC (IGB_TX_MAX_SEGS + 1)
/* Segments returned to the mempool per put_bulk. */
#define TX_FREE_BULK 64

int
igb_txq_create(struct igb_tx_queue **out, struct igb_hw *hw, uint32_t reg_base,
	uint16_t port_id, uint16_t queue_id, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_txconf *conf,
	uint64_t offloads)
{
	struct igb_tx_queue *txq;
	/* 0 asks for the default, which must fit the smallest ring too. */
	uint16_t thresh = conf->tx_free_thresh
		? conf->tx_free_thresh
		: RTE_MIN(IGB_TX_FREE_THRESH_DEFAULT, nb_desc / 2);
	uint16_t rs_max, rs;

	if (nb_desc % IGB_RING_DESC_MULT || nb_desc < IGB_RING_MIN_DESC ||
		nb_desc > IGB_RING_MAX_DESC || thresh >= nb_desc - 1)
		return -EINVAL;
	/* Descriptors after the last RS are never reported done: even with
	 * the most of them waiting (rs_thresh - 1) the largest packet must
	 * still fit, or the queue could stall for good. */
	rs_max = nb_desc - RTE_MIN(TX_MAX_PKT_DESC, nb_desc - 1);
	rs = conf->tx_rs_thresh ? conf->tx_rs_thresh
				: RTE_MIN(IGB_TX_RS_THRESH_DEFAULT, rs_max);
	if (rs > rs_max)
		return -EINVAL;

	txq = rte_zmalloc_socket(
		"igb_txq", sizeof(*txq), RTE_CACHE_LINE_SIZE, socket);
	if (txq == NULL)
		return -ENOMEM;
	txq->sw_mbuf = rte_zmalloc_socket("igb_txq_sw",
		sizeof(txq->sw_mbuf[0]) * nb_desc, RTE_CACHE_LINE_SIZE, socket);
	txq->sw_last = rte_zmalloc_socket("igb_txq_last",
		sizeof(txq->sw_last[0]) * nb_desc, RTE_CACHE_LINE_SIZE, socket);
	txq->mz = igb_ring_zone(
		"tx", port_id, reg_base, sizeof(union igb_tx_desc), socket);
	if (txq->sw_mbuf == NULL || txq->sw_last == NULL || txq->mz == NULL) {
		igb_txq_release(txq);
		return -ENOMEM;
	}
	txq->hw = hw;
	txq->ring = txq->mz->addr;
	txq->ring_iova = txq->mz->iova;
	txq->offloads = offloads;
	txq->reg_base = reg_base;
	txq->nb_desc = nb_desc;
	txq->free_thresh = thresh;
	txq->rs_thresh = rs;
	txq->fast_free = offloads & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	txq->port_id = port_id;
	txq->queue_id = queue_id;
	txq->deferred_start = conf->tx_deferred_start;
	*out = txq;
	return 0;
}

/* Put n segments back: one pool (fast free), else pool by pool. */
static void
tx_put(struct igb_tx_queue *txq, struct rte_mbuf **buf, unsigned int n)
{
	unsigned int i, from = 0;

	if (n == 0)
		return;
	if (txq->fast_free) {
		rte_mempool_put_bulk(buf[0]->pool, (void **)buf, n);
		return;
	}
	for (i = 1; i <= n; i++) {
		if (i == n || buf[i]->pool != buf[from]->pool) {
			rte_mempool_put_bulk(
				buf[from]->pool, (void **)&buf[from], i - from);
			from = i;
		}
	}
}

/*
 * Return the segments sent from slots [from, from + count) to their pools
 * with rte_mempool_put_bulk. With RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE the
 * application promises direct mbufs of one pool with a reference count
 * of 1, so they go back as they are (only the first one's pool is read),
 * straight from sw_mbuf when no context slot (NULL) is among them;
 * otherwise rte_pktmbuf_prefree_seg decides.
 */
static void
tx_free_slots(struct igb_tx_queue *txq, uint16_t from, uint16_t count)
{
	struct rte_mbuf *buf[TX_FREE_BULK];
	uint16_t size = txq->nb_desc;

	while (count > 0) {
		struct rte_mbuf **sw = &txq->sw_mbuf[from];
		uint16_t k = RTE_MIN(count, size - from);
		unsigned int nb = 0;
		uint16_t i;

		if (txq->fast_free && txq->ctx_in_flight == 0) {
			rte_mempool_put_bulk(sw[0]->pool, (void **)sw, k);
			from = igb_ring_add(from, k, size);
			count -= k;
			continue;
		}
		k = RTE_MIN(k, TX_FREE_BULK);
		/* NULL: a context slot, or (not fast free) still
		 * referenced. Two loops, so that the fast one has no call. */
		if (txq->fast_free) {
			for (i = 0; i < k; i++) {
				buf[nb] = sw[i];
				nb += buf[nb] != NULL;
			}
			txq->ctx_in_flight -= k - nb;
		} else {
			for (i = 0; i < k; i++) {
				struct rte_mbuf *m = sw[i];

				if (m != NULL)
					m = rte_pktmbuf_prefree_seg(m);
				buf[nb] = m;
				nb += m != NULL;
			}
		}
		tx_put(txq, buf, nb);
		from = igb_ring_add(from, k, size);
		count -= k;
	}
}

/* Everything not reaped, sent or not, is the driver's to free. */
static void
txq_free_mbufs(struct igb_tx_queue *txq)
{
	tx_free_slots(txq, txq->clean,
		igb_ring_dist(txq->clean, txq->tail, txq->nb_desc));
	txq->clean = txq->tail;
	txq->nb_free = igb_tx_free_count(0, txq->nb_desc);
}

void
igb_txq_release(struct igb_tx_queue *txq)
{
	if (txq == NULL)
		return;
	if (txq->sw_mbuf != NULL && txq->sw_last != NULL)
		txq_free_mbufs(txq);
	rte_memzone_free(txq->mz);
	rte_free(txq->sw_mbuf);
	rte_free(txq->sw_last);
	rte_free(txq);
}

int
igb_txq_start(struct igb_tx_queue *txq)
{
	uint16_t i;

	for (i = 0; i < txq->nb_desc; i++) {
		txq->ring[i].read.buf_addr = 0;
		txq->ring[i].read.cmd_type_len = 0;
		txq->ring[i].read.olinfo_status = 0;
	}
	txq->tail = 0;
	txq->clean = 0;
	txq->nb_free = igb_tx_free_count(0, txq->nb_desc);
	txq->nb_open = 0;
	txq->ctx_in_flight = 0;
	txq->ctx_next = 0;
	txq->ctx[0].valid = false;
	txq->ctx[1].valid = false;

	if (!igb_queue_hw_enable(txq->hw, txq->reg_base, false, txq->ring_iova,
		    txq->nb_desc * sizeof(union igb_tx_desc),
		    TXDCTL_THRESHOLDS))
		return -EIO;
	txq->started = true;
	return 0;
}

void
igb_txq_stop(struct igb_tx_queue *txq)
{
	igb_queue_hw_disable(txq->hw, txq->reg_base, false);
	txq_free_mbufs(txq);
	txq->started = false;
}

/*
 * Completions come in RS groups. 82576 (QEMU too): DD is written back only
 * into descriptors with RS set (advanced Tx descriptor, CMD.RS); RS goes on
 * the last descriptor of the packet that brings the descriptors written
 * since the previous RS to rs_thresh. So the group starting at the oldest
 * unreaped slot ends with the packet holding slot clean + rs_thresh - 1,
 * and there is such a closed group exactly when rs_thresh or more
 * descriptors are in flight (the open group is always shorter).
 */
static inline uint16_t
tx_group_end(const struct igb_tx_queue *txq, uint16_t from)
{
	return txq
		->sw_last[igb_ring_add(from, txq->rs_thresh - 1, txq->nb_desc)];
}

static inline bool
tx_desc_done(const struct igb_tx_queue *txq, uint16_t idx)
{
	return rte_le_to_cpu_32(txq->ring[idx].wb.status) & IGB_TXD_STAT_DD;
}

/* The oldest group's last slot if the NIC finished it, else -1. */
static int
tx_done_group(const struct igb_tx_queue *txq)
{
	uint16_t end;

	if (txq->nb_desc - 1 - txq->nb_free < txq->rs_thresh)
		return -1;
	end = tx_group_end(txq, txq->clean);
	return tx_desc_done(txq, end) ? end : -1;
}

static void
tx_reap_group(struct igb_tx_queue *txq, uint16_t end)
{
	uint16_t count = igb_ring_dist(txq->clean, end, txq->nb_desc) + 1;

	tx_free_slots(txq, txq->clean, count);
	txq->clean = igb_ring_next(end, txq->nb_desc);
	txq->nb_free += count;
}

void
igb_tx_reap(struct igb_tx_queue *txq, uint16_t budget)
{
	uint16_t before = txq->nb_free;
	int end;

	while (txq->nb_free - before < budget &&
		(end = tx_done_group(txq)) >= 0)
		tx_reap_group(txq, end);
}

int
igb_tx_done_cleanup(void *queue, uint32_t free_cnt)
{
	struct igb_tx_queue *txq = queue;
	uint32_t max = free_cnt ? free_cnt : UINT32_MAX;
	uint32_t pkts = 0;
	int end;

	while (pkts < max && (end = tx_done_group(txq)) >= 0) {
		uint16_t idx = txq->clean;

		for (;;) {
			pkts += txq->sw_last[idx] == idx; /* EOP slot */
			if (idx == end)
				break;
			idx = igb_ring_next(idx, txq->nb_desc);
		}
		tx_reap_group(txq, end);
	}
	return pkts;
}

/* RS on this packet's last descriptor? Counts its nb_used descriptors. */
static inline uint32_t
tx_rs_bit(uint16_t *nb_open, uint16_t nb_used, uint16_t rs_thresh)
{
	*nb_open += nb_used;
	if (*nb_open < rs_thresh)
		return 0;
	*nb_open = 0;
	return IGB_TXD_CMD_RS;
}

uint16_t
igb_tx_fill_full(struct igb_tx_queue *txq, struct rte_mbuf **pkts, uint16_t n)
{
	struct rte_mbuf **sw = txq->sw_mbuf;
	uint16_t *sw_last = txq->sw_last;
	uint16_t size = txq->nb_desc;
	uint16_t tail = txq->tail;
	uint64_t bytes = 0;
	uint16_t sent;

	for (sent = 0; sent < n; sent++) {
		struct rte_mbuf *m = pkts[sent];
		uint64_t flags = m->ol_flags & IGB_TX_OK_FLAGS;
		struct igb_tx_ctx_key key;
		uint32_t cmd =
			IGB_TXD_DTYP_DATA | IGB_TXD_CMD_DEXT | IGB_TXD_CMD_IFCS;
		uint32_t olinfo, rs;
		uint32_t paylen = m->pkt_len;
		uint16_t nb_used = m->nb_segs;
		uint16_t last;
		int slot = -1;
		bool new_ctx = false;

		if (unlikely(m->nb_segs > IGB_TX_MAX_SEGS))
			break;
		if (flags & IGB_TX_CTX_FLAGS) {
			igb_tx_ctx_key(m, flags, &key);
			if (igb_tx_ctx_equal(&txq->ctx[0], &key))
				slot = 0;
			else if (igb_tx_ctx_equal(&txq->ctx[1], &key))
				slot = 1;
			else {
				slot = txq->ctx_next;
				new_ctx = true;
				nb_used++;
			}
		}
		if (nb_used > txq->nb_free) {
			igb_tx_reap(txq, UINT16_MAX);
			if (nb_used > txq->nb_free)
				break;
		}
		last = igb_ring_add(tail, nb_used - 1, size);
		rs = tx_rs_bit(&txq->nb_open, nb_used, txq->rs_thresh);

		if (new_ctx) {
			volatile struct igb_tx_ctx_desc *c =
				(volatile struct igb_tx_ctx_desc *)&txq
					->ring[tail];

			c->vlan_macip_lens =
				rte_cpu_to_le_32(key.vlan_macip_lens);
			c->seqnum_seed = 0;
			c->type_tucmd_mlhl =
				rte_cpu_to_le_32(key.type_tucmd_mlhl);
			/* key is complete here: new_ctx implies igb_tx_ctx_key() */
			/* cppcheck-suppress uninitStructMember */
			c->mss_l4len_idx = rte_cpu_to_le_32(key.mss_l4len |
				((uint32_t)slot << IGB_TXC_IDX_SHIFT));
			/* cppcheck-suppress uninitStructMember */
			txq->ctx[slot] = key;
			txq->ctx_next = slot ^ 1;
			sw[tail] = NULL;
			sw_last[tail] = last;
			txq->ctx_in_flight += txq->fast_free;
			tail = igb_ring_next(tail, size);
		}

		olinfo = 0;
		if (slot >= 0)
			olinfo |= (uint32_t)slot << IGB_TXD_IDX_SHIFT;
		if (flags & RTE_MBUF_F_TX_IP_CKSUM)
			olinfo |= IGB_TXD_POPTS_IXSM;
		if (flags & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG))
			olinfo |= IGB_TXD_POPTS_TXSM;
		if (flags & RTE_MBUF_F_TX_TCP_SEG) {
			cmd |= IGB_TXD_CMD_TSE;
			paylen -= m->l2_len + m->l3_len + m->l4_len;
		}
		if (flags & RTE_MBUF_F_TX_VLAN)
			cmd |= IGB_TXD_CMD_VLE;
		olinfo |= paylen << IGB_TXD_PAYLEN_SHIFT;
		bytes += m->pkt_len;

		while (m != NULL) {
			volatile union igb_tx_desc *d = &txq->ring[tail];
			struct rte_mbuf *next = m->next;
			uint32_t c = cmd | m->data_len;

			if (next == NULL)
				c |= IGB_TXD_CMD_EOP | rs;
			else if (txq->fast_free) {
				/* Freed one by one as plain pool mbufs. */
				m->next = NULL;
				m->nb_segs = 1;
			}
			d->read.buf_addr =
				rte_cpu_to_le_64(rte_mbuf_data_iova(m));
			d->read.cmd_type_len = rte_cpu_to_le_32(c);
			d->read.olinfo_status = rte_cpu_to_le_32(olinfo);
			sw[tail] = m;
			sw_last[tail] = last;
			tail = igb_ring_next(tail, size);
			m = next;
		}
		txq->nb_free -= nb_used;
	}
	txq->tail = tail;
	txq->stats.packets += sent;
	txq->stats.bytes += bytes;
	return sent;
}

/* Plain frames into slots from tail on, at most n, not past the ring's
 * end; RS is added afterwards. */
static inline uint16_t
tx_simple_run(struct igb_tx_queue *txq, uint16_t tail, struct rte_mbuf **pkts,
	uint16_t n, uint64_t *bytes)
{
	volatile union igb_tx_desc *d = &txq->ring[tail];
	struct rte_mbuf **sw = &txq->sw_mbuf[tail];
	uint16_t *sw_last = &txq->sw_last[tail];
	uint16_t i;

	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];

		if (unlikely(!igb_tx_plain(m)))
			break;
		d[i].read.buf_addr = rte_cpu_to_le_64(rte_mbuf_data_iova(m));
		d[i].read.cmd_type_len =
			rte_cpu_to_le_32(IGB_TX_CMD_PLAIN | m->data_len);
		d[i].read.olinfo_status = rte_cpu_to_le_32(
			(uint32_t)m->pkt_len << IGB_TXD_PAYLEN_SHIFT);
		sw[i] = m;
		sw_last[i] = tail + i;
		*bytes += m->pkt_len;
	}
	return i;
}

uint16_t
igb_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct igb_tx_queue *txq = queue;
	uint16_t sent;

	if (igb_tx_clean_due(txq->nb_free, txq->free_thresh))
		igb_tx_reap(txq, IGB_TX_REAP_BUDGET);
	sent = igb_tx_fill_full(txq, pkts, n);
	if (sent > 0)
		igb_tx_kick(txq);
	return sent;
}

uint16_t
igb_tx_burst_simple(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	return igb_tx_burst_plain(queue, pkts, n, tx_simple_run);
}

int
igb_tx_descriptor_status(void *queue, uint16_t offset)
{
	struct igb_tx_queue *txq = queue;
	uint16_t size = txq->nb_desc;
	uint16_t left = size - 1 - txq->nb_free;
	uint16_t idx, from = txq->clean;

	if (offset >= size)
		return -EINVAL;
	idx = igb_ring_add(txq->tail, offset, size);
	if (!igb_ring_in_range(idx, txq->clean, txq->tail, size))
		return RTE_ETH_TX_DESC_DONE;
	/* Walk the closed RS groups to the one holding idx. */
	while (left >= txq->rs_thresh) {
		uint16_t end = tx_group_end(txq, from);
		uint16_t next = igb_ring_next(end, size);

		if (igb_ring_in_range(idx, from, next, size))
			return tx_desc_done(txq, end) ? RTE_ETH_TX_DESC_DONE
						      : RTE_ETH_TX_DESC_FULL;
		left -= igb_ring_dist(from, next, size);
		from = next;
	}
	return RTE_ETH_TX_DESC_FULL; /* no RS yet after idx */
}

void
igb_txq_info(const struct igb_tx_queue *txq, struct rte_eth_txq_info *qinfo)
{
	qinfo->nb_desc = txq->nb_desc;
	qinfo->queue_state = txq->started ? RTE_ETH_QUEUE_STATE_STARTED
					  : RTE_ETH_QUEUE_STATE_STOPPED;
	qinfo->conf.tx_free_thresh = txq->free_thresh;
	qinfo->conf.tx_rs_thresh = txq->rs_thresh;
	qinfo->conf.tx_deferred_start = txq->deferred_start;
	qinfo->conf.offloads = txq->offloads;
	qinfo->conf.tx_thresh.pthresh = 8;
	qinfo->conf.tx_thresh.hthresh = 1;
	qinfo->conf.tx_thresh.wthresh = 1;
}
