/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_net.h>

#include "igb_ring.h"
#include "igb_rxtx.h"

#define TXDCTL_THRESHOLDS \
	((8u << IGB_XDCTL_PTHRESH_SHIFT) | (1u << IGB_XDCTL_HTHRESH_SHIFT) | \
		(1u << IGB_XDCTL_WTHRESH_SHIFT))

#define TX_CKSUM_FLAGS \
	(RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)
#define TX_CTX_FLAGS (TX_CKSUM_FLAGS | RTE_MBUF_F_TX_VLAN)
#define TX_OK_FLAGS (TX_CTX_FLAGS | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)
/* TSO headers must fit the context descriptor fields. */
#define TX_TSO_MAX_HDR ((int)(IGB_TXC_MACLEN_MASK + IGB_TXC_IPLEN_MASK + 255))

int
igb_txq_create(struct igb_tx_queue **out, struct igb_hw *hw, uint32_t reg_base,
	uint16_t port_id, uint16_t queue_id, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_txconf *conf,
	uint64_t offloads)
{
	struct igb_tx_queue *txq;
	const struct rte_memzone *mz;
	char name[RTE_MEMZONE_NAMESIZE];
	uint16_t thresh = conf->tx_free_thresh ? conf->tx_free_thresh
					       : IGB_TX_FREE_THRESH_DEFAULT;

	if (nb_desc % IGB_RING_DESC_MULT || nb_desc < IGB_RING_MIN_DESC ||
		nb_desc > IGB_RING_MAX_DESC || thresh >= nb_desc - 1)
		return -EINVAL;

	txq = rte_zmalloc_socket(
		"igb_txq", sizeof(*txq), RTE_CACHE_LINE_SIZE, socket);
	if (txq == NULL)
		return -ENOMEM;
	txq->sw_ring = rte_zmalloc_socket("igb_txq_sw",
		sizeof(txq->sw_ring[0]) * nb_desc, RTE_CACHE_LINE_SIZE, socket);
	snprintf(name, sizeof(name), "igb_tx_p%u_%x", port_id, reg_base);
	mz = rte_memzone_lookup(name);
	if (mz != NULL)
		rte_memzone_free(mz);
	txq->mz = rte_memzone_reserve_aligned(name,
		sizeof(union igb_tx_desc) * IGB_RING_MAX_DESC, socket,
		RTE_MEMZONE_IOVA_CONTIG, IGB_RING_ALIGN);
	if (txq->sw_ring == NULL || txq->mz == NULL) {
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
	txq->port_id = port_id;
	txq->queue_id = queue_id;
	txq->deferred_start = conf->tx_deferred_start;
	*out = txq;
	return 0;
}

static void
txq_free_mbufs(struct igb_tx_queue *txq)
{
	uint16_t i;

	for (i = 0; i < txq->nb_desc; i++) {
		if (txq->sw_ring[i].mbuf != NULL) {
			rte_pktmbuf_free_seg(txq->sw_ring[i].mbuf);
			txq->sw_ring[i].mbuf = NULL;
		}
	}
}

void
igb_txq_release(struct igb_tx_queue *txq)
{
	if (txq == NULL)
		return;
	if (txq->sw_ring != NULL)
		txq_free_mbufs(txq);
	rte_memzone_free(txq->mz);
	rte_free(txq->sw_ring);
	rte_free(txq);
}

int
igb_txq_start(struct igb_tx_queue *txq)
{
	struct igb_hw *hw = txq->hw;
	uint32_t base = txq->reg_base;
	uint16_t i;

	for (i = 0; i < txq->nb_desc; i++) {
		txq->ring[i].read.buf_addr = 0;
		txq->ring[i].read.cmd_type_len = 0;
		txq->ring[i].read.olinfo_status = 0;
		txq->sw_ring[i].mbuf = NULL;
		txq->sw_ring[i].last = i;
	}
	txq->tail = 0;
	txq->clean = 0;
	txq->nb_free = igb_tx_free_count(0, txq->nb_desc);
	txq->ctx_next = 0;
	txq->ctx[0].valid = false;
	txq->ctx[1].valid = false;

	igb_write(hw, base + IGB_QREG_BAL, (uint32_t)txq->ring_iova);
	igb_write(hw, base + IGB_QREG_BAH, (uint32_t)(txq->ring_iova >> 32));
	igb_write(hw, base + IGB_QREG_LEN,
		txq->nb_desc * sizeof(union igb_tx_desc));
	igb_write(hw, base + IGB_QREG_HEAD, 0);
	igb_write(hw, base + IGB_QREG_TAIL, 0);
	igb_write(
		hw, base + IGB_QREG_DCTL, TXDCTL_THRESHOLDS | IGB_XDCTL_ENABLE);
	if (!igb_wait_queue_enable(hw, base + IGB_QREG_DCTL, true))
		return -EIO;
	txq->started = true;
	return 0;
}

void
igb_txq_stop(struct igb_tx_queue *txq)
{
	uint32_t reg = txq->reg_base + IGB_QREG_DCTL;

	igb_write(txq->hw, reg, igb_read(txq->hw, reg) & ~IGB_XDCTL_ENABLE);
	igb_wait_queue_enable(txq->hw, reg, false);
	txq_free_mbufs(txq);
	txq->started = false;
}

/* Reap packets whose last descriptor the NIC marked done; returns the
 * number of packets freed. */
static uint32_t
tx_clean(struct igb_tx_queue *txq, uint32_t max_pkts)
{
	struct igb_tx_entry *sw = txq->sw_ring;
	uint16_t idx = txq->clean;
	uint16_t size = txq->nb_desc;
	uint16_t freed = 0;
	uint32_t pkts = 0;

	while (idx != txq->tail && pkts < max_pkts) {
		uint16_t last = sw[idx].last;
		uint16_t end;

		if (!(rte_le_to_cpu_32(txq->ring[last].wb.status) &
			    IGB_TXD_STAT_DD))
			break;
		end = igb_ring_next(last, size);
		do {
			if (sw[idx].mbuf != NULL) {
				rte_pktmbuf_free_seg(sw[idx].mbuf);
				sw[idx].mbuf = NULL;
			}
			idx = igb_ring_next(idx, size);
			freed++;
		} while (idx != end);
		pkts++;
	}
	txq->clean = idx;
	txq->nb_free += freed;
	return pkts;
}

int
igb_tx_done_cleanup(void *queue, uint32_t free_cnt)
{
	return tx_clean(queue, free_cnt ? free_cnt : UINT32_MAX);
}

/* Context descriptor words for a packet's offloads. */
static void
tx_ctx_key(const struct rte_mbuf *m, uint64_t flags, struct igb_tx_ctx_key *k)
{
	uint32_t tucmd = IGB_TXD_DTYP_CTXT | IGB_TXD_CMD_DEXT;
	uint32_t mss_l4len = 0;

	if (flags & (RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM))
		tucmd |= IGB_TXC_TUCMD_IPV4;
	if (flags & RTE_MBUF_F_TX_TCP_SEG) {
		tucmd |= IGB_TXC_TUCMD_L4T_TCP;
		mss_l4len = ((uint32_t)m->tso_segsz << IGB_TXC_MSS_SHIFT) |
			((uint32_t)m->l4_len << IGB_TXC_L4LEN_SHIFT);
	} else {
		switch (flags & RTE_MBUF_F_TX_L4_MASK) {
		case RTE_MBUF_F_TX_TCP_CKSUM:
			tucmd |= IGB_TXC_TUCMD_L4T_TCP;
			break;
		case RTE_MBUF_F_TX_UDP_CKSUM:
			tucmd |= IGB_TXC_TUCMD_L4T_UDP;
			break;
		case RTE_MBUF_F_TX_SCTP_CKSUM:
			tucmd |= IGB_TXC_TUCMD_L4T_SCTP;
			break;
		default:
			tucmd |= IGB_TXC_TUCMD_L4T_RSV;
			break;
		}
	}
	k->vlan_macip_lens = (m->l3_len & IGB_TXC_IPLEN_MASK) |
		((uint32_t)(m->l2_len & IGB_TXC_MACLEN_MASK)
			<< IGB_TXC_MACLEN_SHIFT);
	if (flags & RTE_MBUF_F_TX_VLAN)
		k->vlan_macip_lens |= (uint32_t)m->vlan_tci
			<< IGB_TXC_VLAN_SHIFT;
	k->type_tucmd_mlhl = tucmd;
	k->mss_l4len = mss_l4len;
	k->valid = true;
}

static bool
ctx_equal(const struct igb_tx_ctx_key *a, const struct igb_tx_ctx_key *b)
{
	return a->valid && a->vlan_macip_lens == b->vlan_macip_lens &&
		a->type_tucmd_mlhl == b->type_tucmd_mlhl &&
		a->mss_l4len == b->mss_l4len;
}

uint16_t
igb_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct igb_tx_queue *txq = queue;
	struct igb_tx_entry *sw = txq->sw_ring;
	uint16_t size = txq->nb_desc;
	uint16_t tail = txq->tail;
	uint64_t bytes = 0;
	uint16_t sent;

	if (igb_tx_clean_due(txq->nb_free, txq->free_thresh))
		tx_clean(txq, UINT32_MAX);

	for (sent = 0; sent < n; sent++) {
		struct rte_mbuf *m = pkts[sent];
		uint64_t flags = m->ol_flags & TX_OK_FLAGS;
		struct igb_tx_ctx_key key;
		uint32_t cmd =
			IGB_TXD_DTYP_DATA | IGB_TXD_CMD_DEXT | IGB_TXD_CMD_IFCS;
		uint32_t olinfo;
		uint32_t paylen = m->pkt_len;
		uint16_t nb_used = m->nb_segs;
		uint16_t last;
		int slot = -1;
		bool new_ctx = false;

		if (unlikely(m->nb_segs > IGB_TX_MAX_SEGS))
			break;
		if (flags & TX_CTX_FLAGS) {
			tx_ctx_key(m, flags, &key);
			if (ctx_equal(&txq->ctx[0], &key))
				slot = 0;
			else if (ctx_equal(&txq->ctx[1], &key))
				slot = 1;
			else {
				slot = txq->ctx_next;
				new_ctx = true;
				nb_used++;
			}
		}
		if (nb_used > txq->nb_free) {
			txq->tail = tail;
			tx_clean(txq, UINT32_MAX);
			if (nb_used > txq->nb_free)
				break;
		}
		last = igb_ring_add(tail, nb_used - 1, size);

		if (new_ctx) {
			volatile struct igb_tx_ctx_desc *c =
				(volatile struct igb_tx_ctx_desc *)&txq
					->ring[tail];

			c->vlan_macip_lens =
				rte_cpu_to_le_32(key.vlan_macip_lens);
			c->seqnum_seed = 0;
			c->type_tucmd_mlhl =
				rte_cpu_to_le_32(key.type_tucmd_mlhl);
			/* key is complete here: new_ctx implies tx_ctx_key() */
			/* cppcheck-suppress uninitStructMember */
			c->mss_l4len_idx = rte_cpu_to_le_32(key.mss_l4len |
				((uint32_t)slot << IGB_TXC_IDX_SHIFT));
			/* cppcheck-suppress uninitStructMember */
			txq->ctx[slot] = key;
			txq->ctx_next = slot ^ 1;
			sw[tail].mbuf = NULL;
			sw[tail].last = last;
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

		for (; m != NULL; m = m->next) {
			volatile union igb_tx_desc *d = &txq->ring[tail];
			uint32_t c = cmd | m->data_len;

			if (m->next == NULL)
				c |= IGB_TXD_CMD_EOP | IGB_TXD_CMD_RS;
			d->read.buf_addr =
				rte_cpu_to_le_64(rte_mbuf_data_iova(m));
			d->read.cmd_type_len = rte_cpu_to_le_32(c);
			d->read.olinfo_status = rte_cpu_to_le_32(olinfo);
			sw[tail].mbuf = m;
			sw[tail].last = last;
			tail = igb_ring_next(tail, size);
		}
		txq->nb_free -= nb_used;
		bytes += pkts[sent]->pkt_len;
	}
	if (sent == 0)
		return 0;
	txq->tail = tail;
	/* One tail write per burst, after all descriptors are in memory. */
	rte_io_wmb();
	igb_write_relaxed(txq->hw, txq->reg_base + IGB_QREG_TAIL, tail);
	txq->stats.packets += sent;
	txq->stats.bytes += bytes;
	return sent;
}

uint16_t
igb_tx_prepare(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;
	int ret;

	RTE_SET_USED(queue);
	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];

		if (m->nb_segs > IGB_TX_MAX_SEGS ||
			(m->ol_flags & RTE_MBUF_F_TX_OFFLOAD_MASK &
				~TX_OK_FLAGS)) {
			rte_errno = (m->nb_segs > IGB_TX_MAX_SEGS) ? EINVAL
								   : ENOTSUP;
			return i;
		}
		if ((m->ol_flags & RTE_MBUF_F_TX_TCP_SEG) &&
			(m->tso_segsz == 0 || m->l4_len == 0 ||
				m->l2_len + m->l3_len + m->l4_len >
					TX_TSO_MAX_HDR)) {
			rte_errno = EINVAL;
			return i;
		}
		ret = rte_net_intel_cksum_prepare(m);
		if (ret != 0) {
			rte_errno = -ret;
			return i;
		}
	}
	return i;
}

int
igb_tx_descriptor_status(void *queue, uint16_t offset)
{
	struct igb_tx_queue *txq = queue;
	uint16_t idx;

	if (offset >= txq->nb_desc)
		return -EINVAL;
	idx = igb_ring_add(txq->tail, offset, txq->nb_desc);
	if (!igb_ring_in_range(idx, txq->clean, txq->tail, txq->nb_desc))
		return RTE_ETH_TX_DESC_DONE;
	if (rte_le_to_cpu_32(txq->ring[txq->sw_ring[idx].last].wb.status) &
		IGB_TXD_STAT_DD)
		return RTE_ETH_TX_DESC_DONE;
	return RTE_ETH_TX_DESC_FULL;
}

void
igb_txq_info(const struct igb_tx_queue *txq, struct rte_eth_txq_info *qinfo)
{
	qinfo->nb_desc = txq->nb_desc;
	qinfo->queue_state = txq->started ? RTE_ETH_QUEUE_STATE_STARTED
					  : RTE_ETH_QUEUE_STATE_STOPPED;
	qinfo->conf.tx_free_thresh = txq->free_thresh;
	qinfo->conf.tx_deferred_start = txq->deferred_start;
	qinfo->conf.offloads = txq->offloads;
	qinfo->conf.tx_thresh.pthresh = 8;
	qinfo->conf.tx_thresh.hthresh = 1;
	qinfo->conf.tx_thresh.wthresh = 1;
}
