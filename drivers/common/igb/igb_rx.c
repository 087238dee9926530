/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ether.h>
#include <rte_malloc.h>
#include <rte_prefetch.h>

#include "igb_queue.h"
#include "igb_ring.h"
#include "igb_rx_parse.h"
#include "igb_rx_run.h"
#include "igb_rxtx.h"

#define RX_REFILL_CHUNK 64
#define RX_PREFETCH_AHEAD IGB_RX_SW_RING_PAD /* mbufs */
#define RXDCTL_THRESHOLDS \
	((8u << IGB_XDCTL_PTHRESH_SHIFT) | (8u << IGB_XDCTL_HTHRESH_SHIFT) | \
		(1u << IGB_XDCTL_WTHRESH_SHIFT))

uint16_t
igb_rx_buf_len(struct rte_mempool *mp)
{
	uint32_t len = rte_pktmbuf_data_room_size(mp);

	if (len < RTE_PKTMBUF_HEADROOM + IGB_RX_BUF_ALIGN)
		return 0;
	/* SRRCTL.BSIZEPKT counts whole KiB. */
	len = RTE_ALIGN_FLOOR(len - RTE_PKTMBUF_HEADROOM, IGB_RX_BUF_ALIGN);
	return RTE_MIN(len, (uint32_t)IGB_RX_MAX_BUF);
}

/* data_off, refcnt, nb_segs and port of a fresh mbuf as one word, stored
 * by the bursts into each mbuf they return (mbufs are not written when
 * they are handed to the NIC; next is NULL for any mbuf in a pool). */
static uint64_t
mbuf_init_of(uint16_t port_id)
{
	struct rte_mbuf mb = {.data_off = RTE_PKTMBUF_HEADROOM,
		.nb_segs = 1,
		.port = port_id};
	uint64_t init;

	rte_mbuf_refcnt_set(&mb, 1);
	memcpy(&init, &mb.rearm_data, sizeof(init));
	return init;
}

int
igb_rxq_create(struct igb_rx_queue **out, struct igb_hw *hw, uint32_t reg_base,
	uint16_t port_id, uint16_t queue_id, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_rxconf *conf,
	uint64_t offloads, struct rte_mempool *mp)
{
	struct igb_rx_queue *rxq;
	/* 0 asks for the default, which must fit the smallest ring too. */
	uint16_t thresh = conf->rx_free_thresh
		? conf->rx_free_thresh
		: RTE_MIN(IGB_RX_FREE_THRESH_DEFAULT, nb_desc / 2);

	if (nb_desc % IGB_RING_DESC_MULT || nb_desc < IGB_RING_MIN_DESC ||
		nb_desc > IGB_RING_MAX_DESC || thresh >= nb_desc ||
		igb_rx_buf_len(mp) == 0)
		return -EINVAL;

	rxq = rte_zmalloc_socket(
		"igb_rxq", sizeof(*rxq), RTE_CACHE_LINE_SIZE, socket);
	if (rxq == NULL)
		return -ENOMEM;
	/* NULL entries past the end: the simple path prefetches ahead. */
	rxq->sw_ring = rte_zmalloc_socket("igb_rxq_sw",
		sizeof(rxq->sw_ring[0]) * (nb_desc + RX_PREFETCH_AHEAD),
		RTE_CACHE_LINE_SIZE, socket);
	rxq->mz = igb_ring_zone(
		"rx", port_id, reg_base, sizeof(union igb_rx_desc), socket);
	if (rxq->sw_ring == NULL || rxq->mz == NULL) {
		igb_rxq_release(rxq);
		return -ENOMEM;
	}
	rxq->hw = hw;
	rxq->ring = rxq->mz->addr;
	rxq->ring_iova = rxq->mz->iova;
	rxq->mp = mp;
	rxq->offloads = offloads;
	rxq->reg_base = reg_base;
	rxq->nb_desc = nb_desc;
	rxq->free_thresh = thresh;
	rxq->buf_len = igb_rx_buf_len(mp);
	/* 82576: RLPML and VMOLR.RLPML bound a frame at 14 bits of length. */
	rxq->max_segs =
		(IGB_VMOLR_RLPML_MASK + rxq->buf_len - 1) / rxq->buf_len;
	rxq->port_id = port_id;
	rxq->queue_id = queue_id;
	rxq->deferred_start = conf->rx_deferred_start;
	rxq->mbuf_init = mbuf_init_of(port_id);
	*out = rxq;
	return 0;
}

/* The slots holding a buffer are those not waiting for one: nb_desc -
 * nb_hold of them, from refill + nb_hold on (the others are stale). */
static void
rxq_free_mbufs(struct igb_rx_queue *rxq)
{
	uint16_t idx = igb_ring_add(rxq->refill, rxq->nb_hold, rxq->nb_desc);
	uint16_t i;

	for (i = rxq->nb_hold; i < rxq->nb_desc; i++) {
		rte_pktmbuf_free_seg(rxq->sw_ring[idx]);
		idx = igb_ring_next(idx, rxq->nb_desc);
	}
	rxq->refill = 0;
	rxq->nb_hold = rxq->nb_desc;
	if (rxq->pkt_first != NULL) {
		rxq->pkt_last->next = NULL;
		rte_pktmbuf_free(rxq->pkt_first);
		rxq->pkt_first = NULL;
		rxq->pkt_last = NULL;
	}
	rxq->pkt_bad = false;
}

void
igb_rxq_release(struct igb_rx_queue *rxq)
{
	if (rxq == NULL)
		return;
	if (rxq->sw_ring != NULL && rxq->started)
		rxq_free_mbufs(rxq);
	rte_memzone_free(rxq->mz);
	rte_free(rxq->sw_ring);
	rte_free(rxq);
}

/* Hand the k fresh buffers just put in sw_ring from slot idx on (no
 * wrap) to the NIC. */
static inline void
rx_arm(struct igb_rx_queue *rxq, uint16_t idx, uint16_t k)
{
	volatile union igb_rx_desc *d = &rxq->ring[idx];
	struct rte_mbuf **sw = &rxq->sw_ring[idx];
	uint16_t i;

	for (i = 0; i < k; i++) {
		d[i].read.pkt_addr =
			rte_cpu_to_le_64(rte_mbuf_data_iova_default(sw[i]));
		d[i].read.hdr_addr = 0; /* also clears DD */
	}
}

int
igb_rxq_start(struct igb_rx_queue *rxq)
{
	struct igb_hw *hw = rxq->hw;
	uint32_t base = rxq->reg_base;

	if (rte_mempool_get_bulk(
		    rxq->mp, (void **)rxq->sw_ring, rxq->nb_desc) != 0)
		return -ENOMEM;
	rx_arm(rxq, 0, rxq->nb_desc);
	rxq->next = 0;
	rxq->refill = 0;
	rxq->nb_hold = 0;

	/* 82576 4.5.9: SRRCTL before the queue is enabled. One buffer per
	 * descriptor; drop when the ring is empty (82576: so one stalled
	 * pool cannot block the shared packet buffer; QEMU ignores it). */
	igb_write(hw, IGB_SRRCTL(base),
		(rxq->buf_len >> IGB_SRRCTL_BSIZEPKT_SHIFT) |
			IGB_SRRCTL_DESCTYPE_ADV_ONEBUF | IGB_SRRCTL_DROP_EN);
	if (!igb_queue_hw_enable(hw, base, true, rxq->ring_iova,
		    rxq->nb_desc * sizeof(union igb_rx_desc),
		    RXDCTL_THRESHOLDS)) {
		rxq_free_mbufs(rxq);
		return -EIO;
	}
	/* 82576 4.5.9: RDT last, once ENABLE reads 1. Descriptors in memory
	 * before the NIC may fetch them; RDT one behind the head, since
	 * 82576: RDT == RDH is an empty ring. */
	rte_io_wmb();
	igb_write(hw, IGB_RDT(base), igb_rx_tail_after_refill(0, rxq->nb_desc));
	rxq->started = true;
	return 0;
}

void
igb_rxq_stop(struct igb_rx_queue *rxq)
{
	igb_queue_hw_disable(rxq->hw, rxq->reg_base, true);
	rxq_free_mbufs(rxq);
	rxq->started = false;
}

/*
 * Give the emptied slots new buffers, one mempool call per chunk, then
 * move RDT once. RDT stays one slot behind the next slot to refill:
 * 82576: RDT == RDH is an empty ring, and the NIC must never write a
 * slot that has no buffer yet.
 */
static void
rx_refill(struct igb_rx_queue *rxq)
{
	uint16_t idx = rxq->refill;
	uint16_t done = 0;

	while (done < rxq->nb_hold) {
		uint16_t k = RTE_MIN(rxq->nb_hold - done, RX_REFILL_CHUNK);

		/* Chunks stop at the ring's end, so slots are contiguous. */
		k = RTE_MIN(k, rxq->nb_desc - idx);
		if (rte_mempool_get_bulk(
			    rxq->mp, (void **)&rxq->sw_ring[idx], k) != 0) {
			rxq->stats.nombuf += k;
			break;
		}
		rx_arm(rxq, idx, k);
		idx = igb_ring_add(idx, k, rxq->nb_desc);
		done += k;
	}
	if (done == 0)
		return;
	rxq->refill = idx;
	rxq->nb_hold -= done;
	/* The buffer addresses must be in memory before the NIC sees the
	 * new tail (RDT). */
	rte_io_wmb();
	igb_write_relaxed(rxq->hw, IGB_RDT(rxq->reg_base),
		igb_rx_tail_after_refill(idx, rxq->nb_desc));
}

void
igb_rx_finish(struct igb_rx_queue *rxq, uint16_t idx, uint16_t taken,
	uint16_t nb_rx, uint64_t bytes)
{
	rxq->next = idx;
	rxq->nb_hold += taken;
	if (igb_rx_refill_due(rxq->nb_hold, rxq->free_thresh))
		rx_refill(rxq);
	rxq->stats.packets += nb_rx;
	rxq->stats.bytes += bytes;
}

/* Make the mbuf's VLAN state match what the application asked for,
 * whatever the PF configured for tag stripping. */
static void
rx_vlan_fixup(struct igb_rx_queue *rxq, struct rte_mbuf **m, uint32_t staterr,
	uint16_t vlan)
{
	bool want_strip = rxq->offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP;

	if (staterr & IGB_RXD_STAT_VP) {
		uint16_t vid = vlan & RTE_VLAN_ID_MASK;

		/* The PF inserts its port VLAN on transmit: the application
		 * never sees it (as Linux igbvf hides unregistered VIDs). */
		if (rxq->vlan_own != NULL &&
			!(rxq->vlan_own[vid / 64] &
				(UINT64_C(1) << (vid % 64)))) {
			(*m)->ol_flags &= ~(RTE_MBUF_F_RX_VLAN |
				RTE_MBUF_F_RX_VLAN_STRIPPED);
			return;
		}
		(*m)->vlan_tci = vlan;
		if (!want_strip)
			rte_vlan_insert(m);
	} else if (want_strip &&
		(*m)->data_len >= RTE_ETHER_HDR_LEN + RTE_VLAN_HLEN) {
		/* A first buffer shorter than a tagged header holds no tag
		 * (rte_vlan_strip() would look at stale bytes and, below
		 * RTE_VLAN_HLEN, move them to NULL). */
		rte_vlan_strip(*m);
	}
}

uint16_t
igb_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct igb_rx_queue *rxq = queue;
	volatile union igb_rx_desc *ring = rxq->ring;
	struct rte_mbuf *first = rxq->pkt_first;
	struct rte_mbuf *last = rxq->pkt_last;
	bool bad = rxq->pkt_bad;
	uint16_t idx = rxq->next;
	uint16_t size = rxq->nb_desc;
	uint16_t buf_len = rxq->buf_len;
	/* Only slots holding a buffer: past them, a DD the device set where
	 * it may not (or left from the last write-back) names an mbuf the
	 * application has. */
	uint16_t avail = size - rxq->nb_hold;
	uint16_t nb_rx = 0;
	uint16_t taken = 0;
	uint64_t bytes = 0;

	while (nb_rx < n && taken < avail) {
		volatile union igb_rx_desc *d = &ring[idx];
		uint32_t staterr = rte_le_to_cpu_32(d->wb.status_error);
		struct rte_mbuf *m;
		uint16_t len, pkt_info, vlan;

		if (!(staterr & IGB_RXD_STAT_DD))
			break;
		/* Read the rest of the write-back only after DD. */
		rte_atomic_thread_fence(__ATOMIC_ACQUIRE);
		len = rte_le_to_cpu_16(d->wb.length);
		pkt_info = rte_le_to_cpu_16(d->wb.pkt_info);
		vlan = rte_le_to_cpu_16(d->wb.vlan);

		m = rxq->sw_ring[idx];
		idx = igb_ring_next(idx, size);
		taken++;
		rte_prefetch0(rxq->sw_ring[idx]);

		/* 82576: the NIC never writes more than SRRCTL.BSIZEPKT: a
		 * longer length is a device bug or a wrong SRRCTL; drop it. */
		if (unlikely(len > buf_len)) {
			bad = true;
			len = 0;
		}
		memcpy(&m->rearm_data, &rxq->mbuf_init, sizeof(rxq->mbuf_init));
		m->data_len = len;
		if (first == NULL) {
			first = m;
			first->pkt_len = len;
			first->nb_segs = 1;
			last = m;
		} else if (unlikely(first->nb_segs >= rxq->max_segs)) {
			/* More buffers than the longest frame fills: a device
			 * that never ends the frame would chain the whole pool
			 * into it. Free each buffer past that at once, drop
			 * the frame at its end. */
			rte_pktmbuf_free_seg(m);
			bad = true;
		} else {
			last->next = m;
			first->pkt_len += len;
			first->nb_segs++;
			last = m;
		}
		if (!(staterr & IGB_RXD_STAT_EOP))
			continue;

		if (unlikely((staterr & IGB_RXD_ERR_RXE) || bad)) {
			rte_pktmbuf_free(first);
			rxq->stats.errors++;
			first = NULL;
			bad = false;
			continue;
		}
		first->ol_flags = igb_rx_ol_flags(staterr);
		first->packet_type = igb_rx_ptype(pkt_info);
		rx_vlan_fixup(rxq, &first, staterr, vlan);
		bytes += first->pkt_len;
		pkts[nb_rx++] = first;
		first = NULL;
	}
	rxq->pkt_first = first;
	rxq->pkt_last = last;
	rxq->pkt_bad = bad;
	igb_rx_finish(rxq, idx, taken, nb_rx, bytes);
	return nb_rx;
}

/*
 * Frames in one buffer (EOP), without a stripped tag (VP) or error (RXE)
 * and no longer than the buffer: an mbuf from the pool has refcnt and
 * nb_segs 1 and next NULL; data_off, port, the lengths, flags and type
 * are written. Anything else, or a queue that strips tags in
 * software, goes to igb_rx_burst.
 */
uint16_t
igb_rx_simple_run(struct igb_rx_queue *rxq, uint16_t idx,
	struct rte_mbuf **pkts, uint16_t n, uint64_t *bytes)
{
	volatile union igb_rx_desc *d = &rxq->ring[idx];
	struct rte_mbuf **sw = &rxq->sw_ring[idx];
	uint64_t init = rxq->mbuf_init;
	uint16_t buf_len = rxq->buf_len;
	uint16_t i;

	for (i = 0; i < n; i++) {
		uint32_t staterr = rte_le_to_cpu_32(d[i].wb.status_error);
		struct rte_mbuf *m = sw[i];
		uint16_t len;

		if ((staterr & IGB_RX_PLAIN_MASK) != IGB_RX_PLAIN_OK)
			break;
		/* Read the rest of the write-back only after DD. */
		rte_atomic_thread_fence(__ATOMIC_ACQUIRE);
		len = rte_le_to_cpu_16(d[i].wb.length);
		if (unlikely(len > buf_len))
			break; /* igb_rx_burst drops it */
		rte_prefetch0(sw[i + RX_PREFETCH_AHEAD]);
		memcpy(&m->rearm_data, &init, sizeof(init));
		m->data_len = len;
		m->pkt_len = len;
		m->ol_flags = igb_rx_csum_flags(staterr);
		m->packet_type =
			igb_rx_ptype(rte_le_to_cpu_16(d[i].wb.pkt_info));
		*bytes += len;
		pkts[i] = m;
	}
	return i;
}

uint16_t
igb_rx_burst_simple(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	return igb_rx_burst_plain(queue, pkts, n, igb_rx_simple_run);
}

uint32_t
igb_rx_queue_count(void *queue)
{
	struct igb_rx_queue *rxq = queue;
	uint16_t idx = rxq->next;
	uint32_t n = 0;

	while (n < (uint32_t)(rxq->nb_desc - rxq->nb_hold) &&
		(rte_le_to_cpu_32(rxq->ring[idx].wb.status_error) &
			IGB_RXD_STAT_DD)) {
		n++;
		idx = igb_ring_next(idx, rxq->nb_desc);
	}
	return n;
}

int
igb_rx_descriptor_status(void *queue, uint16_t offset)
{
	struct igb_rx_queue *rxq = queue;
	uint16_t idx;

	if (offset >= rxq->nb_desc)
		return -EINVAL;
	/* Slots without a buffer, and the one behind the tail, are ours. */
	if (offset >= rxq->nb_desc - rxq->nb_hold - 1)
		return RTE_ETH_RX_DESC_UNAVAIL;
	idx = igb_ring_add(rxq->next, offset, rxq->nb_desc);
	if (rte_le_to_cpu_32(rxq->ring[idx].wb.status_error) & IGB_RXD_STAT_DD)
		return RTE_ETH_RX_DESC_DONE;
	return RTE_ETH_RX_DESC_AVAIL;
}

void
igb_rxq_info(const struct igb_rx_queue *rxq, struct rte_eth_rxq_info *qinfo)
{
	qinfo->mp = rxq->mp;
	qinfo->nb_desc = rxq->nb_desc;
	qinfo->rx_buf_size = rxq->buf_len;
	qinfo->scattered_rx = !!(rxq->offloads & RTE_ETH_RX_OFFLOAD_SCATTER);
	qinfo->queue_state = rxq->started ? RTE_ETH_QUEUE_STATE_STARTED
					  : RTE_ETH_QUEUE_STATE_STOPPED;
	qinfo->conf.rx_free_thresh = rxq->free_thresh;
	qinfo->conf.rx_deferred_start = rxq->deferred_start;
	qinfo->conf.offloads = rxq->offloads;
	qinfo->conf.rx_thresh.pthresh = 8;
	qinfo->conf.rx_thresh.hthresh = 8;
	qinfo->conf.rx_thresh.wthresh = 1;
}
