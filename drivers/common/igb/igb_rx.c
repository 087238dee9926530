/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ether.h>
#include <rte_malloc.h>
#include <rte_prefetch.h>

#include "igb_ring.h"
#include "igb_rx_parse.h"
#include "igb_rxtx.h"

#define RX_REFILL_CHUNK 64
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

/* Rings are sized for the maximum so a queue set up again reuses room. */
static const struct rte_memzone *
ring_zone(const char *kind, uint16_t port_id, uint32_t reg_base,
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

int
igb_rxq_create(struct igb_rx_queue **out, struct igb_hw *hw, uint32_t reg_base,
	uint16_t port_id, uint16_t queue_id, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_rxconf *conf,
	uint64_t offloads, struct rte_mempool *mp)
{
	struct igb_rx_queue *rxq;
	uint16_t thresh = conf->rx_free_thresh ? conf->rx_free_thresh
					       : IGB_RX_FREE_THRESH_DEFAULT;

	if (nb_desc % IGB_RING_DESC_MULT || nb_desc < IGB_RING_MIN_DESC ||
		nb_desc > IGB_RING_MAX_DESC || thresh >= nb_desc ||
		igb_rx_buf_len(mp) == 0)
		return -EINVAL;

	rxq = rte_zmalloc_socket(
		"igb_rxq", sizeof(*rxq), RTE_CACHE_LINE_SIZE, socket);
	if (rxq == NULL)
		return -ENOMEM;
	rxq->sw_ring = rte_zmalloc_socket("igb_rxq_sw",
		sizeof(rxq->sw_ring[0]) * nb_desc, RTE_CACHE_LINE_SIZE, socket);
	rxq->mz = ring_zone(
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
	rxq->port_id = port_id;
	rxq->queue_id = queue_id;
	rxq->deferred_start = conf->rx_deferred_start;
	*out = rxq;
	return 0;
}

static void
rxq_free_mbufs(struct igb_rx_queue *rxq)
{
	uint16_t i;

	for (i = 0; i < rxq->nb_desc; i++) {
		if (rxq->sw_ring[i] != NULL) {
			rte_pktmbuf_free_seg(rxq->sw_ring[i]);
			rxq->sw_ring[i] = NULL;
		}
	}
	if (rxq->pkt_first != NULL) {
		rxq->pkt_last->next = NULL;
		rte_pktmbuf_free(rxq->pkt_first);
		rxq->pkt_first = NULL;
		rxq->pkt_last = NULL;
	}
}

void
igb_rxq_release(struct igb_rx_queue *rxq)
{
	if (rxq == NULL)
		return;
	if (rxq->sw_ring != NULL)
		rxq_free_mbufs(rxq);
	rte_memzone_free(rxq->mz);
	rte_free(rxq->sw_ring);
	rte_free(rxq);
}

static void
rx_arm(struct igb_rx_queue *rxq, uint16_t idx, struct rte_mbuf *m)
{
	volatile union igb_rx_desc *d = &rxq->ring[idx];

	m->data_off = RTE_PKTMBUF_HEADROOM;
	m->port = rxq->port_id;
	rxq->sw_ring[idx] = m;
	d->read.pkt_addr = rte_cpu_to_le_64(rte_mbuf_data_iova_default(m));
	d->read.hdr_addr = 0; /* also clears DD */
}

int
igb_rxq_start(struct igb_rx_queue *rxq)
{
	struct igb_hw *hw = rxq->hw;
	uint32_t base = rxq->reg_base;
	uint16_t i;

	for (i = 0; i < rxq->nb_desc; i++) {
		struct rte_mbuf *m = rte_mbuf_raw_alloc(rxq->mp);

		if (m == NULL) {
			rxq_free_mbufs(rxq);
			return -ENOMEM;
		}
		rx_arm(rxq, i, m);
	}
	rxq->next = 0;
	rxq->refill = 0;
	rxq->nb_hold = 0;

	igb_write(hw, base + IGB_QREG_BAL, (uint32_t)rxq->ring_iova);
	igb_write(hw, base + IGB_QREG_BAH, (uint32_t)(rxq->ring_iova >> 32));
	igb_write(hw, base + IGB_QREG_LEN,
		rxq->nb_desc * sizeof(union igb_rx_desc));
	/* One buffer per descriptor; drop when the ring is empty so one
	 * stalled pool cannot block the shared packet buffer. */
	igb_write(hw, base + IGB_QREG_SRRCTL,
		(rxq->buf_len >> IGB_SRRCTL_BSIZEPKT_SHIFT) |
			IGB_SRRCTL_DESCTYPE_ADV_ONEBUF | IGB_SRRCTL_DROP_EN);
	igb_write(hw, base + IGB_QREG_HEAD, 0);
	igb_write(hw, base + IGB_QREG_TAIL, 0);
	igb_write(
		hw, base + IGB_QREG_DCTL, RXDCTL_THRESHOLDS | IGB_XDCTL_ENABLE);
	if (!igb_wait_queue_enable(hw, base + IGB_QREG_DCTL, true)) {
		rxq_free_mbufs(rxq);
		return -EIO;
	}
	rte_io_wmb();
	igb_write(hw, base + IGB_QREG_TAIL,
		igb_rx_tail_after_refill(0, rxq->nb_desc));
	rxq->started = true;
	return 0;
}

void
igb_rxq_stop(struct igb_rx_queue *rxq)
{
	uint32_t reg = rxq->reg_base + IGB_QREG_DCTL;

	igb_write(rxq->hw, reg, igb_read(rxq->hw, reg) & ~IGB_XDCTL_ENABLE);
	igb_wait_queue_enable(rxq->hw, reg, false);
	rxq_free_mbufs(rxq);
	rxq->started = false;
}

/* Give emptied slots new buffers, then move the tail once. */
static void
rx_refill(struct igb_rx_queue *rxq)
{
	struct rte_mbuf *bufs[RX_REFILL_CHUNK];
	uint16_t idx = rxq->refill;
	uint16_t done = 0;

	while (done < rxq->nb_hold) {
		uint16_t k = RTE_MIN(rxq->nb_hold - done, RX_REFILL_CHUNK);
		uint16_t i;

		if (rte_mempool_get_bulk(rxq->mp, (void **)bufs, k) != 0) {
			rxq->stats.nombuf += k;
			break;
		}
		for (i = 0; i < k; i++) {
			rx_arm(rxq, idx, bufs[i]);
			idx = igb_ring_next(idx, rxq->nb_desc);
		}
		done += k;
	}
	if (done == 0)
		return;
	rxq->refill = idx;
	rxq->nb_hold -= done;
	rte_io_wmb();
	igb_write_relaxed(rxq->hw, rxq->reg_base + IGB_QREG_TAIL,
		igb_rx_tail_after_refill(idx, rxq->nb_desc));
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
	} else if (want_strip) {
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
	uint16_t idx = rxq->next;
	uint16_t size = rxq->nb_desc;
	uint16_t nb_rx = 0;
	uint16_t taken = 0;
	uint64_t bytes = 0;

	while (nb_rx < n) {
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
		rxq->sw_ring[idx] = NULL;
		idx = igb_ring_next(idx, size);
		taken++;
		rte_prefetch0(rxq->sw_ring[idx]);

		m->data_len = len;
		if (first == NULL) {
			first = m;
			first->pkt_len = len;
			first->nb_segs = 1;
		} else {
			last->next = m;
			first->pkt_len += len;
			first->nb_segs++;
		}
		last = m;
		if (!(staterr & IGB_RXD_STAT_EOP))
			continue;

		if (unlikely(staterr & IGB_RXD_ERR_RXE)) {
			rte_pktmbuf_free(first);
			rxq->stats.errors++;
			first = NULL;
			continue;
		}
		first->ol_flags = igb_rx_ol_flags(staterr);
		first->packet_type = igb_rx_ptype(pkt_info);
		rx_vlan_fixup(rxq, &first, staterr, vlan);
		bytes += first->pkt_len;
		pkts[nb_rx++] = first;
		first = NULL;
	}
	rxq->next = idx;
	rxq->pkt_first = first;
	rxq->pkt_last = last;
	rxq->nb_hold += taken;
	if (igb_rx_refill_due(rxq->nb_hold, rxq->free_thresh))
		rx_refill(rxq);
	rxq->stats.packets += nb_rx;
	rxq->stats.bytes += bytes;
	return nb_rx;
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
