/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rx/Tx queues and burst functions shared by the PF and VF PMDs. A queue
 * knows its hardware only through a register accessor and the base offset
 * of its register block (IGB_PF_RXQ_BASE(n), IGB_VF_RXQ_BASE(n), ...).
 */
#ifndef IGB_RXTX_H
#define IGB_RXTX_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_memzone.h>

#include "igb_desc.h"
#include "igb_hw.h"

#define IGB_RX_FREE_THRESH_DEFAULT 32
#define IGB_TX_FREE_THRESH_DEFAULT 32
#define IGB_TX_RS_THRESH_DEFAULT 32
#define IGB_RX_BUF_ALIGN 1024 /* SRRCTL.BSIZEPKT unit */
#define IGB_RX_MAX_BUF (127 * 1024)
/* NULL entries after the end of an Rx queue's sw_ring: the burst
 * functions read (to prefetch) this far ahead. */
#define IGB_RX_SW_RING_PAD 8

struct igb_queue_stats {
	uint64_t packets;
	uint64_t bytes;
	uint64_t errors; /* Rx: frames with RXE or too long, dropped */
	uint64_t nombuf; /* Rx: refill attempts without mbufs */
};

struct igb_rx_queue {
	struct igb_hw *hw;
	volatile union igb_rx_desc *ring;
	struct rte_mbuf **sw_ring;
	struct rte_mempool *mp;
	const struct rte_memzone *mz;
	struct rte_mbuf *pkt_first; /* frame spanning buffers, so far */
	struct rte_mbuf *pkt_last;
	bool pkt_bad; /* it has a buffer longer than buf_len: drop it */
	/* VLANs the port filters (4096-bit map), or NULL. A stripped tag
	 * outside the map is a PF port VLAN and is hidden (VF queues). */
	const uint64_t *vlan_own;
	uint64_t ring_iova;
	uint64_t offloads;
	uint64_t mbuf_init; /* rearm_data of a fresh mbuf of this queue */
	uint32_t reg_base;
	uint16_t nb_desc;
	uint16_t next; /* next descriptor to look at */
	uint16_t refill; /* first slot waiting for a buffer */
	uint16_t nb_hold; /* slots waiting for a buffer */
	uint16_t free_thresh;
	uint16_t buf_len; /* bytes the NIC may write per buffer */
	uint16_t max_segs; /* buffers of the longest frame */
	uint16_t queue_id;
	uint16_t port_id;
	bool started;
	bool deferred_start;
	struct igb_queue_stats stats;
};

/* A context descriptor's words (without its slot index): a packet whose
 * offloads need the same words reuses the slot instead of a new one. */
struct igb_tx_ctx_key {
	uint32_t vlan_macip_lens;
	uint32_t type_tucmd_mlhl;
	uint32_t mss_l4len;
	bool valid;
};

struct igb_tx_queue {
	struct igb_hw *hw;
	volatile union igb_tx_desc *ring;
	/* Slots from the oldest not reaped up to the tail: the segment sent
	 * from each (NULL for a context descriptor) and the last
	 * descriptor of its packet; other slots are stale. */
	struct rte_mbuf **sw_mbuf;
	uint16_t *sw_last;
	const struct rte_memzone *mz;
	uint64_t ring_iova;
	uint64_t offloads;
	uint32_t reg_base;
	uint16_t nb_desc;
	uint16_t tail; /* next descriptor to fill */
	uint16_t clean; /* oldest descriptor not yet reaped */
	uint16_t nb_free;
	uint16_t free_thresh;
	/* RS goes on the end of the packet that brings the descriptors
	 * written since the last RS to rs_thresh (see igb_tx.c). */
	uint16_t rs_thresh;
	uint16_t nb_open; /* descriptors written since the last RS */
	/* Fast free only: context descriptors among the slots not reaped;
	 * with none, sw_mbuf's pointers go back to the pool as they are. */
	uint16_t ctx_in_flight;
	uint16_t queue_id;
	uint16_t port_id;
	uint8_t ctx_next; /* context slot to overwrite next */
	bool fast_free; /* RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE */
	bool started;
	bool deferred_start;
	struct igb_tx_ctx_key ctx[2]; /* the NIC's two context slots */
	struct igb_queue_stats stats;
};

/*
 * Wait up to 10 ms for a queue's RXDCTL/TXDCTL.ENABLE to read back as
 * requested. 82576 4.5.9, 4.5.10: the bit takes effect some time after
 * the write, software polls it. QEMU: it reads back at once.
 */
static inline bool
igb_wait_queue_enable(struct igb_hw *hw, uint32_t dctl_reg, bool enabled)
{
	unsigned int us;

	for (us = 0; us < 10000; us += 10) {
		if (!!(igb_read(hw, dctl_reg) & IGB_XDCTL_ENABLE) == enabled)
			return true;
		igb_delay_us(hw, 10);
	}
	return false;
}

/* Creation and release (control path). */
int igb_rxq_create(struct igb_rx_queue **out, struct igb_hw *hw,
	uint32_t reg_base, uint16_t port_id, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket,
	const struct rte_eth_rxconf *conf, uint64_t offloads,
	struct rte_mempool *mp);
void igb_rxq_release(struct igb_rx_queue *rxq);
int igb_txq_create(struct igb_tx_queue **out, struct igb_hw *hw,
	uint32_t reg_base, uint16_t port_id, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket,
	const struct rte_eth_txconf *conf, uint64_t offloads);
void igb_txq_release(struct igb_tx_queue *txq);

/* Programme the ring into the NIC and enable it / disable and drain it. */
int igb_rxq_start(struct igb_rx_queue *rxq);
void igb_rxq_stop(struct igb_rx_queue *rxq);
int igb_txq_start(struct igb_tx_queue *txq);
void igb_txq_stop(struct igb_tx_queue *txq);

/* Largest frame one Rx buffer holds; frames above need scattered Rx. */
uint16_t igb_rx_buf_len(struct rte_mempool *mp);

/*
 * Burst functions (the queue pointer is the ethdev queue). igb_rx_burst
 * and igb_tx_burst handle every frame and offload. The simple (scalar)
 * and vector variants are faster for plain single-buffer frames and hand
 * any other frame, and the rest of the burst, to the full function, so
 * they are correct on any queue; igb_rx/tx_burst_select() pick them when
 * the configured offloads make plain frames the rule. The vector ones
 * (SSE4.1, x86 only) also need the CPU flag and a max SIMD bitwidth
 * (rte_vect_get_max_simd_bitwidth, --force-max-simd-bitwidth) of 128 or
 * more.
 */
uint16_t igb_rx_burst(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igb_rx_burst_simple(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igb_rx_burst_sse(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igb_tx_burst(void *txq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igb_tx_burst_simple(void *txq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igb_tx_burst_sse(void *txq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igb_tx_prepare(void *txq, struct rte_mbuf **pkts, uint16_t n);

/* Does the queue's configuration suit the simple burst function? */
bool igb_rxq_simple(const struct igb_rx_queue *rxq);
bool igb_txq_simple(const struct igb_tx_queue *txq);
/* May the vector burst functions run here (CPU flags, SIMD bitwidth)? */
bool igb_vec_usable(void);
/* A port's burst function, given its queues (at dev_start): the vector
 * one, else the simple one, when every queue suits them. */
eth_rx_burst_t igb_rx_burst_select(void *const *rxqs, uint16_t nb_rxq);
eth_tx_burst_t igb_tx_burst_select(void *const *txqs, uint16_t nb_txq);
/* What a burst function is, for rx/tx_burst_mode_get ("Vector SSE4.1",
 * "Scalar simple", "Scalar"), or NULL if it is none of these. */
const char *igb_rx_burst_name(eth_rx_burst_t f);
const char *igb_tx_burst_name(eth_tx_burst_t f);

/* Descriptor status and queue introspection. */
int igb_rx_descriptor_status(void *rxq, uint16_t offset);
int igb_tx_descriptor_status(void *txq, uint16_t offset);
uint32_t igb_rx_queue_count(void *rxq);
void igb_rxq_info(
	const struct igb_rx_queue *rxq, struct rte_eth_rxq_info *qinfo);
void igb_txq_info(
	const struct igb_tx_queue *txq, struct rte_eth_txq_info *qinfo);
int igb_tx_done_cleanup(void *txq, uint32_t free_cnt);

/* Offloads the shared burst code implements. */
#define IGB_RX_OFFLOADS \
	(RTE_ETH_RX_OFFLOAD_IPV4_CKSUM | RTE_ETH_RX_OFFLOAD_UDP_CKSUM | \
		RTE_ETH_RX_OFFLOAD_TCP_CKSUM | RTE_ETH_RX_OFFLOAD_VLAN_STRIP | \
		RTE_ETH_RX_OFFLOAD_SCATTER)
#define IGB_TX_OFFLOADS \
	(RTE_ETH_TX_OFFLOAD_VLAN_INSERT | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM | \
		RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM | \
		RTE_ETH_TX_OFFLOAD_SCTP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_TSO | \
		RTE_ETH_TX_OFFLOAD_MULTI_SEGS | \
		RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE)

#endif /* IGB_RXTX_H */
