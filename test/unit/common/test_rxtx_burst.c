/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The shared Rx/Tx burst code on rings in memory, the test playing the
 * NIC: write-back parsing into mbufs, scattered frames, error drops, Rx
 * tail writes batched by the free threshold and wrapping, Tx descriptors
 * and context reuse, one tail write per burst, completions reaped below
 * the free threshold; the simple burst functions, their hand-over to the
 * full ones and their selection; RS groups, their reaping and bulk frees
 * (fast free or not). Needs EAL (no hugepages, no PCI) for the mempool.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_vect.h>

#include "igb_check.h"
#include "igb_model.h"
#include "igb_rxtx.h"
#include "rxtx_fixture.h"

#define RXQ IGB_VF_RXQ_BASE(0)
#define TXQ IGB_VF_TXQ_BASE(0)
#define NDESC 64

/* The tail registers, and the writes each got. */
#define RDT (RXQ + IGB_QREG_TAIL)
#define TDT (TXQ + IGB_QREG_TAIL)
#define RX_TAIL_WRITES m.vf_writes[RDT / 4]
#define TX_TAIL_WRITES m.vf_writes[TDT / 4]

static struct igb_model m;

static uint32_t
rdt(void)
{
	return m.vf_reg[RDT / 4];
}

static void
test_rx(struct rte_mempool *mp)
{
	struct rte_eth_rxconf conf = {.rx_free_thresh = 16};
	struct rte_mbuf *pkts[32];
	struct igb_rx_queue *q;
	uint16_t n, i, idx = 0;
	unsigned int avail0 = rte_mempool_avail_count(mp);

	CHECK_EQ("Rx queue create", 0,
		igb_rxq_create(&q, &m.vf_hw, RXQ, 0, 0, NDESC, SOCKET_ID_ANY,
			&conf, 0, mp));
	CHECK_EQ("Rx queue start", 0, igb_rxq_start(q));
	CHECK_EQ(
		"all slots armed", avail0 - NDESC, rte_mempool_avail_count(mp));
	CHECK_EQ("tail leaves one slot out", NDESC - 1, rdt());
	CHECK_EQ("ring length programmed", NDESC * 16,
		m.vf_reg[(RXQ + IGB_QREG_LEN) / 4]);
	CHECK_EQ("2 KiB buffers in SRRCTL", 2,
		m.vf_reg[(RXQ + IGB_QREG_SRRCTL) / 4] &
			IGB_SRRCTL_BSIZEPKT_MASK);

	for (i = 0; i < 20; i++)
		nic_rx(q, idx++, 60 + i, IGB_RXD_STAT_EOP | IGB_RXD_STAT_IPCS,
			(IGB_RXD_PKT_IPV4 | IGB_RXD_PKT_UDP)
				<< IGB_RXD_PKT_SHIFT);
	RX_TAIL_WRITES = 0;
	n = igb_rx_burst(q, pkts, 32);
	CHECK_EQ("20 frames received", 20, n);
	CHECK_EQ("length of frame 7", 67, pkts[7]->pkt_len);
	CHECK_EQ("ptype",
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP,
		pkts[7]->packet_type);
	CHECK_EQ("IP checksum good", RTE_MBUF_F_RX_IP_CKSUM_GOOD,
		pkts[7]->ol_flags);
	CHECK_EQ("one tail write for 20 refills", 1, RX_TAIL_WRITES);
	CHECK_EQ("tail one behind the next slot to refill", 19, rdt());
	rte_pktmbuf_free_bulk(pkts, n);

	for (i = 0; i < 10; i++)
		nic_rx(q, idx++, 100, IGB_RXD_STAT_EOP, 0);
	RX_TAIL_WRITES = 0;
	n = igb_rx_burst(q, pkts, 32);
	CHECK_EQ("10 more frames", 10, n);
	CHECK_EQ("below the threshold: no tail write", 0, RX_TAIL_WRITES);
	CHECK_EQ("10 slots wait for buffers", 10, q->nb_hold);
	CHECK_EQ("descriptor past the armed ones unavailable",
		RTE_ETH_RX_DESC_UNAVAIL,
		igb_rx_descriptor_status(q, NDESC - 10));
	CHECK_EQ("armed descriptor available", RTE_ETH_RX_DESC_AVAIL,
		igb_rx_descriptor_status(q, 0));
	rte_pktmbuf_free_bulk(pkts, n);

	/* A frame over three buffers, the last one arriving later. */
	nic_rx(q, idx++, 2048, 0, 0);
	nic_rx(q, idx++, 2048, 0, 0);
	n = igb_rx_burst(q, pkts, 32);
	CHECK_EQ("incomplete frame not returned", 0, n);
	nic_rx(q, idx++, 1000, IGB_RXD_STAT_EOP, 0);
	CHECK_EQ("written-back descriptor is done", RTE_ETH_RX_DESC_DONE,
		igb_rx_descriptor_status(q, 0));
	CHECK_EQ("queue count sees it", 1, igb_rx_queue_count(q));
	n = igb_rx_burst(q, pkts, 32);
	CHECK_EQ("scattered frame returned", 1, n);
	CHECK_EQ("three segments", 3, pkts[0]->nb_segs);
	CHECK_EQ("frame length", 5096, pkts[0]->pkt_len);
	CHECK_EQ("13 slots waiting: tail not moved yet", 19, rdt());
	rte_pktmbuf_free(pkts[0]);

	nic_rx(q, idx++, 64, IGB_RXD_STAT_EOP | IGB_RXD_ERR_RXE, 0);
	n = igb_rx_burst(q, pkts, 32);
	CHECK_EQ("frame with RXE dropped", 0, n);
	CHECK_EQ("and counted", 1, q->stats.errors);
	/* By bit number: error bit 29 is a bad L4 checksum (TCPE), a frame
	 * to deliver; bit 31 is RXE. */
	nic_rx(q, idx++, 64,
		IGB_RXD_STAT_EOP | IGB_RXD_STAT_IPCS | IGB_RXD_STAT_L4CS |
			(1u << 29),
		0);
	nic_rx(q, idx++, 64, IGB_RXD_STAT_EOP | (1u << 31), 0);
	n = igb_rx_burst(q, pkts, 32);
	CHECK_EQ("error bit 29: delivered, bit 31: dropped", 1, n);
	CHECK_EQ("error bit 29: L4 checksum bad, IP good",
		RTE_MBUF_F_RX_L4_CKSUM_BAD | RTE_MBUF_F_RX_IP_CKSUM_GOOD,
		n == 1 ? pkts[0]->ol_flags : 0);
	CHECK_EQ("error bit 31 counted", 2, q->stats.errors);
	rte_pktmbuf_free_bulk(pkts, n);

	/* VLAN: registered VIDs follow the strip setting, others (the PF's
	 * port VLAN) are hidden. */
	uint64_t own[64] = {0};

	own[100 / 64] |= UINT64_C(1) << (100 % 64);
	q->vlan_own = own;
	nic_rx(q, idx, 64, IGB_RXD_STAT_EOP | IGB_RXD_STAT_VP, 0);
	q->ring[idx++].wb.vlan = 100;
	nic_rx(q, idx, 64, IGB_RXD_STAT_EOP | IGB_RXD_STAT_VP, 0);
	q->ring[idx++].wb.vlan = 200;
	n = igb_rx_burst(q, pkts, 32);
	CHECK_EQ("two tagged frames", 2, n);
	CHECK_EQ("strip off: registered VID put back in the frame", 68,
		pkts[0]->pkt_len);
	CHECK_EQ("strip off: flags say VLAN, not stripped", RTE_MBUF_F_RX_VLAN,
		pkts[0]->ol_flags &
			(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED));
	CHECK_EQ("port VLAN hidden: frame untagged", 64, pkts[1]->pkt_len);
	CHECK_EQ("port VLAN hidden: no VLAN flags", 0,
		pkts[1]->ol_flags & RTE_MBUF_F_RX_VLAN);
	rte_pktmbuf_free_bulk(pkts, n);
	q->offloads |= RTE_ETH_RX_OFFLOAD_VLAN_STRIP;
	nic_rx(q, idx, 64, IGB_RXD_STAT_EOP | IGB_RXD_STAT_VP, 0);
	q->ring[idx++].wb.vlan = 100;
	n = igb_rx_burst(q, pkts, 32);
	CHECK_EQ("strip on: tag in the mbuf", 100, pkts[0]->vlan_tci);
	CHECK_EQ("strip on: stripped flags",
		RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED,
		pkts[0]->ol_flags &
			(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED));
	rte_pktmbuf_free_bulk(pkts, n);
	q->offloads = 0;

	/* Run round the ring twice. */
	for (i = 0; i < 2 * NDESC; i++) {
		nic_rx(q, idx, 64, IGB_RXD_STAT_EOP, 0);
		idx = (idx + 1) % NDESC;
		n = igb_rx_burst(q, pkts, 32);
		if (n != 1)
			break;
		rte_pktmbuf_free(pkts[0]);
	}
	CHECK_EQ("one frame per burst across two wraps", 2 * NDESC, i);
	CHECK("tail stays one behind the refill point",
		rdt() == (uint32_t)((q->refill + NDESC - 1) % NDESC));

	igb_rxq_stop(q);
	igb_rxq_release(q);
	CHECK_EQ("every mbuf back after stop and release", avail0,
		rte_mempool_avail_count(mp));
}

static struct rte_mbuf *
tx_mbuf(struct rte_mempool *mp, uint16_t len, uint64_t flags)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(mp);

	rte_pktmbuf_append(m, len);
	m->ol_flags = flags;
	m->l2_len = 14;
	m->l3_len = 20;
	return m;
}

/* A started Tx queue of NDESC slots. */
static struct igb_tx_queue *
txq_up(const char *what, const struct rte_eth_txconf *conf, uint64_t offloads)
{
	struct igb_tx_queue *q = NULL;
	char msg[96];

	snprintf(msg, sizeof(msg), "%s: queue create", what);
	CHECK_EQ(msg, 0,
		igb_txq_create(&q, &m.vf_hw, TXQ, 0, 0, NDESC, SOCKET_ID_ANY,
			conf, offloads));
	snprintf(msg, sizeof(msg), "%s: queue start", what);
	CHECK_EQ(msg, 0, q != NULL ? igb_txq_start(q) : -1);
	return q;
}

static void
test_tx(struct rte_mempool *mp)
{
	/* RS on every packet: each one is reported done on its own. */
	struct rte_eth_txconf conf = {.tx_free_thresh = 16, .tx_rs_thresh = 1};
	uint64_t ck = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM |
		RTE_MBUF_F_TX_UDP_CKSUM;
	struct rte_mbuf *pkts[64];
	struct igb_tx_queue *q;
	unsigned int avail0 = rte_mempool_avail_count(mp);
	uint16_t i, n;
	uint32_t c;

	q = txq_up("Tx", &conf, 0);
	for (i = 0; i < 10; i++)
		pkts[i] = tx_mbuf(mp, 60, 0);
	TX_TAIL_WRITES = 0;
	n = igb_tx_burst(q, pkts, 10);
	CHECK_EQ("10 frames queued", 10, n);
	CHECK_EQ("one tail write per burst", 1, TX_TAIL_WRITES);
	CHECK_EQ("tail register", 10, m.vf_reg[TDT / 4]);
	c = q->ring[3].read.cmd_type_len;
	CHECK_EQ("data descriptor command",
		IGB_TXD_DTYP_DATA | IGB_TXD_CMD_DEXT | IGB_TXD_CMD_IFCS |
			IGB_TXD_CMD_EOP | IGB_TXD_CMD_RS | 60,
		c);
	CHECK_EQ("free descriptors", NDESC - 1 - 10, q->nb_free);

	pkts[0] = tx_mbuf(mp, 100, ck);
	pkts[1] = tx_mbuf(mp, 100, ck);
	n = igb_tx_burst(q, pkts, 2);
	CHECK_EQ("2 checksummed frames", 2, n);
	CHECK_EQ("context descriptor first: IPv4, UDP",
		IGB_TXD_DTYP_CTXT | IGB_TXD_CMD_DEXT | IGB_TXC_TUCMD_IPV4 |
			IGB_TXC_TUCMD_L4T_UDP,
		((volatile struct igb_tx_ctx_desc *)&q->ring[10])
			->type_tucmd_mlhl);
	CHECK_EQ("context lengths: MAC 14, IP 20",
		(14u << IGB_TXC_MACLEN_SHIFT) | 20,
		((volatile struct igb_tx_ctx_desc *)&q->ring[10])
			->vlan_macip_lens);
	CHECK_EQ("data olinfo: checksums, payload length",
		IGB_TXD_POPTS_IXSM | IGB_TXD_POPTS_TXSM |
			(100u << IGB_TXD_PAYLEN_SHIFT),
		q->ring[11].read.olinfo_status);
	CHECK_EQ("second frame reuses the context (3 slots for 2 frames)", 13,
		q->tail);

	/* The NIC completes everything; a burst below the threshold reaps. */
	for (i = 0; i < q->tail; i++)
		q->ring[i].wb.status = IGB_TXD_STAT_DD;
	for (i = 0; i < 40; i++)
		pkts[i] = tx_mbuf(mp, 60, 0);
	n = igb_tx_burst(q, pkts, 40);
	CHECK_EQ("40 more queued", 40, n);
	CHECK_EQ("nothing reaped while free >= threshold", 0, q->clean);
	for (i = 0; i < 10; i++)
		pkts[i] = tx_mbuf(mp, 60, 0);
	n = igb_tx_burst(q, pkts, 10);
	CHECK_EQ("queued after reaping", 10, n);
	CHECK_EQ("completed frames reaped up to the first pending", 13,
		q->clean);
	CHECK_EQ("pending descriptor is full", RTE_ETH_TX_DESC_FULL,
		igb_tx_descriptor_status(q, 21)); /* slot 20 */
	CHECK_EQ("reaped descriptor is done", RTE_ETH_TX_DESC_DONE,
		igb_tx_descriptor_status(q, 13)); /* slot 12 */
	igb_txq_stop(q);
	igb_txq_release(q);
	CHECK_EQ("every mbuf back after stop", avail0,
		rte_mempool_avail_count(mp));
}

/* Which burst functions the offloads select, for queues of both kinds
 * (a port with a queue needing the full path gets it). */
static void
test_select(struct rte_mempool *mp)
{
	static const struct {
		const char *what;
		uint64_t rx, tx; /* offloads */
		bool rx_simple, tx_simple;
	} cases[] = {
		{"no offloads", 0, 0, true, true},
		{"scatter, fast free", RTE_ETH_RX_OFFLOAD_SCATTER,
			RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE, false, true},
		{"VLAN strip, IPv4 checksum", RTE_ETH_RX_OFFLOAD_VLAN_STRIP,
			RTE_ETH_TX_OFFLOAD_IPV4_CKSUM, false, false},
		{"Rx checksum, multi-segment Tx", RTE_ETH_RX_OFFLOAD_IPV4_CKSUM,
			RTE_ETH_TX_OFFLOAD_MULTI_SEGS, true, false},
	};
	struct rte_eth_rxconf rxconf = {0};
	struct rte_eth_txconf txconf = {0};
	uint16_t simd = rte_vect_get_max_simd_bitwidth();
	/* This test's host: x86 with SSE4.1 (the CI machine), or not. */
	const char *vec_rx_name =
		igb_vec_usable() ? "Vector SSE4.1" : "Scalar simple";
	const char *vec_tx_name = vec_rx_name;
	void *rxqs[2], *txqs[2];
	unsigned int i;

	printf("host: vector paths %s (SIMD bitwidth %u)\n",
		igb_vec_usable() ? "usable" : "not usable", simd);
	CHECK("burst names: not one of ours", igb_rx_burst_name(NULL) == NULL);
	for (i = 0; i < RTE_DIM(cases); i++) {
		char what[96];
		int ret;

		ret = igb_rxq_create((struct igb_rx_queue **)&rxqs[0], &m.vf_hw,
			RXQ, 0, 0, NDESC, SOCKET_ID_ANY, &rxconf, 0, mp);
		ret |= igb_rxq_create((struct igb_rx_queue **)&rxqs[1],
			&m.vf_hw, IGB_VF_RXQ_BASE(1), 0, 1, NDESC,
			SOCKET_ID_ANY, &rxconf, cases[i].rx, mp);
		ret |= igb_txq_create((struct igb_tx_queue **)&txqs[0],
			&m.vf_hw, TXQ, 0, 0, NDESC, SOCKET_ID_ANY, &txconf, 0);
		ret |= igb_txq_create((struct igb_tx_queue **)&txqs[1],
			&m.vf_hw, IGB_VF_TXQ_BASE(1), 0, 1, NDESC,
			SOCKET_ID_ANY, &txconf, cases[i].tx);
		snprintf(what, sizeof(what), "%s: 4 queues created",
			cases[i].what);
		CHECK_EQ(what, 0, ret);
		if (ret != 0)
			return;
		/* Plain queues get the vector function where it may run, and
		 * the scalar simple one with the SIMD bitwidth at 64 (as
		 * --force-max-simd-bitwidth=64 sets it). */
		snprintf(what, sizeof(what), "%s: Rx %s", cases[i].what,
			cases[i].rx_simple ? vec_rx_name : "Scalar");
		CHECK_STR(what, cases[i].rx_simple ? vec_rx_name : "Scalar",
			igb_rx_burst_name(igb_rx_burst_select(rxqs, 2)));
		snprintf(what, sizeof(what), "%s: Tx %s", cases[i].what,
			cases[i].tx_simple ? vec_tx_name : "Scalar");
		CHECK_STR(what, cases[i].tx_simple ? vec_tx_name : "Scalar",
			igb_tx_burst_name(igb_tx_burst_select(txqs, 2)));
		rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_DISABLED);
		snprintf(what, sizeof(what), "%s, SIMD bitwidth 64: Rx %s",
			cases[i].what,
			cases[i].rx_simple ? "Scalar simple" : "Scalar");
		CHECK(what,
			igb_rx_burst_select(rxqs, 2) ==
				(cases[i].rx_simple ? igb_rx_burst_simple
						    : igb_rx_burst));
		snprintf(what, sizeof(what), "%s, SIMD bitwidth 64: Tx %s",
			cases[i].what,
			cases[i].tx_simple ? "Scalar simple" : "Scalar");
		CHECK(what,
			igb_tx_burst_select(txqs, 2) ==
				(cases[i].tx_simple ? igb_tx_burst_simple
						    : igb_tx_burst));
		rte_vect_set_max_simd_bitwidth(simd);
		igb_rxq_release(rxqs[0]);
		igb_rxq_release(rxqs[1]);
		igb_txq_release(txqs[0]);
		igb_txq_release(txqs[1]);
	}
}

/* A plain frame: IPv4/TCP, both checksums good. */
static void
nic_rx_plain(struct igb_rx_queue *q, uint16_t idx, uint16_t len)
{
	nic_rx(q, idx, len,
		IGB_RXD_STAT_EOP | IGB_RXD_STAT_IPCS | IGB_RXD_STAT_L4CS,
		(IGB_RXD_PKT_IPV4 | IGB_RXD_PKT_TCP) << IGB_RXD_PKT_SHIFT);
}

static void
test_rx_simple(struct rte_mempool *mp)
{
	struct rte_eth_rxconf conf = {.rx_free_thresh = 16};
	struct rte_mbuf *pkts[32];
	struct igb_rx_queue *q;
	uint16_t n, i, idx = 0, got = 0;
	unsigned int avail0 = rte_mempool_avail_count(mp);
	bool ok;

	CHECK_EQ("simple Rx: queue create", 0,
		igb_rxq_create(&q, &m.vf_hw, RXQ, 3, 0, NDESC, SOCKET_ID_ANY,
			&conf, 0, mp));
	CHECK_EQ("simple Rx: queue start", 0, igb_rxq_start(q));

	for (i = 0; i < 20; i++)
		nic_rx_plain(q, idx++, 60 + i);
	RX_TAIL_WRITES = 0;
	n = igb_rx_burst_simple(q, pkts, 32);
	CHECK_EQ("simple: 20 frames", 20, n);
	CHECK_EQ("simple: length", 65, pkts[5]->pkt_len);
	CHECK_EQ("simple: data length", 65, pkts[5]->data_len);
	CHECK_EQ("simple: one segment", 1, pkts[5]->nb_segs);
	CHECK("simple: no next segment", pkts[5]->next == NULL);
	CHECK_EQ("simple: headroom", RTE_PKTMBUF_HEADROOM, pkts[5]->data_off);
	CHECK_EQ("simple: port from the queue", 3, pkts[5]->port);
	CHECK_EQ("simple: reference count", 1, rte_mbuf_refcnt_read(pkts[5]));
	CHECK_EQ("simple: ptype",
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP,
		pkts[5]->packet_type);
	CHECK_EQ("simple: checksum flags",
		RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD,
		pkts[5]->ol_flags);
	CHECK_EQ("simple: one tail write for 20 refills", 1, RX_TAIL_WRITES);
	CHECK_EQ("simple: tail one behind the refill point", 19, rdt());
	CHECK_EQ("simple: counted", 20, q->stats.packets);
	rte_pktmbuf_free_bulk(pkts, n);

	/* Plain, tagged (VP), over two buffers, RXE, plain: the simple path
	 * stops at the tag and the full one takes the rest, in order. */
	nic_rx_plain(q, idx++, 70);
	nic_rx(q, idx, 64, IGB_RXD_STAT_EOP | IGB_RXD_STAT_VP, 0);
	q->ring[idx++].wb.vlan = 100;
	nic_rx(q, idx++, 2048, 0, 0);
	nic_rx(q, idx++, 500, IGB_RXD_STAT_EOP, 0);
	nic_rx(q, idx++, 64, IGB_RXD_STAT_EOP | IGB_RXD_ERR_RXE, 0);
	nic_rx_plain(q, idx++, 71);
	n = igb_rx_burst_simple(q, pkts, 32);
	CHECK_EQ("mixed: 4 frames (RXE dropped)", 4, n);
	CHECK_EQ("mixed: plain first", 70, pkts[0]->pkt_len);
	CHECK_EQ("mixed: tag put back (strip off)", 68, pkts[1]->pkt_len);
	CHECK_EQ("mixed: VLAN flag", RTE_MBUF_F_RX_VLAN,
		pkts[1]->ol_flags & RTE_MBUF_F_RX_VLAN);
	CHECK_EQ("mixed: two segments", 2, pkts[2]->nb_segs);
	CHECK_EQ("mixed: scattered length", 2548, pkts[2]->pkt_len);
	CHECK_EQ("mixed: plain last", 71, pkts[3]->pkt_len);
	CHECK_EQ("mixed: RXE counted", 1, q->stats.errors);
	rte_pktmbuf_free_bulk(pkts, n);

	/* A frame split over two bursts, then plain ones. */
	nic_rx(q, idx++, 2048, 0, 0);
	n = igb_rx_burst_simple(q, pkts, 32);
	CHECK_EQ("split: nothing yet", 0, n);
	nic_rx(q, idx++, 100, IGB_RXD_STAT_EOP, 0);
	nic_rx_plain(q, idx++, 72);
	n = igb_rx_burst_simple(q, pkts, 32);
	CHECK_EQ("split: frame and the plain one after it", 2, n);
	CHECK_EQ("split: completed frame", 2148, pkts[0]->pkt_len);
	CHECK_EQ("split: plain frame", 72, pkts[1]->pkt_len);
	rte_pktmbuf_free_bulk(pkts, n);

	/* Bursts of 5 round the ring twice: runs stop at the ring's end. */
	ok = true;
	for (i = 0; i < 2 * NDESC / 5; i++) {
		uint16_t k;

		for (k = 0; k < 5; k++) {
			nic_rx_plain(q, idx, 60 + (got + k) % 100);
			idx = (idx + 1) % NDESC;
		}
		n = igb_rx_burst_simple(q, pkts, 32);
		for (k = 0; k < n; k++)
			ok &= pkts[k]->pkt_len == 60u + (got + k) % 100;
		got += n;
		rte_pktmbuf_free_bulk(pkts, n);
		if (n != 5)
			break;
	}
	CHECK_EQ("wrap: every frame received", 5 * (2 * NDESC / 5), got);
	CHECK("wrap: every frame in order", ok);
	CHECK("wrap: tail one behind the refill point",
		rdt() == (uint32_t)((q->refill + NDESC - 1) % NDESC));

	/* VLAN strip asked: the simple function hands the queue over. */
	q->offloads = RTE_ETH_RX_OFFLOAD_VLAN_STRIP;
	nic_rx(q, idx, 64, IGB_RXD_STAT_EOP | IGB_RXD_STAT_VP, 0);
	q->ring[idx].wb.vlan = 7;
	n = igb_rx_burst_simple(q, pkts, 32);
	CHECK_EQ("strip on: one frame", 1, n);
	CHECK_EQ("strip on: tag in the mbuf", 7, pkts[0]->vlan_tci);
	CHECK_EQ("strip on: stripped flags",
		RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED,
		pkts[0]->ol_flags &
			(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED));
	rte_pktmbuf_free_bulk(pkts, n);

	igb_rxq_stop(q);
	igb_rxq_release(q);
	CHECK_EQ("simple Rx: every mbuf back", avail0,
		rte_mempool_avail_count(mp));
}

/* Too few mbufs for the ring: start fails and takes none. */
static void
test_rx_nombuf(void)
{
	struct rte_eth_rxconf conf = {0};
	struct rte_mempool *small = rte_pktmbuf_pool_create("rxtx_small",
		NDESC / 2, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	struct igb_rx_queue *q;

	CHECK("small pool created", small != NULL);
	if (small == NULL)
		return;
	CHECK_EQ("small pool: queue create", 0,
		igb_rxq_create(&q, &m.vf_hw, RXQ, 0, 0, NDESC, SOCKET_ID_ANY,
			&conf, 0, small));
	CHECK_EQ("small pool: start fails", -ENOMEM, igb_rxq_start(q));
	CHECK_EQ("small pool: no mbuf taken", NDESC / 2,
		rte_mempool_avail_count(small));
	igb_rxq_release(q);
	rte_mempool_free(small);
}

/* Thresholds 0 ask for the defaults, which fit the smallest ring. */
static void
test_smallest_ring_defaults(struct rte_mempool *mp)
{
	struct rte_eth_rxconf rxconf = {0};
	struct rte_eth_txconf txconf = {0};
	struct igb_rx_queue *rxq;
	struct igb_tx_queue *txq;

	if (CHECK_EQ("32-slot Rx ring, default thresholds", 0,
		    igb_rxq_create(&rxq, &m.vf_hw, RXQ, 0, 0, IGB_RING_MIN_DESC,
			    SOCKET_ID_ANY, &rxconf, 0, mp))) {
		CHECK_EQ("its refill threshold: half the ring", 16,
			rxq->free_thresh);
		igb_rxq_release(rxq);
	}
	if (CHECK_EQ("32-slot Tx ring, default thresholds", 0,
		    igb_txq_create(&txq, &m.vf_hw, TXQ, 0, 0, IGB_RING_MIN_DESC,
			    SOCKET_ID_ANY, &txconf, 0))) {
		CHECK_EQ("its free threshold: half the ring", 16,
			txq->free_thresh);
		igb_txq_release(txq);
	}
	rxconf.rx_free_thresh = IGB_RING_MIN_DESC;
	CHECK_EQ("an Rx threshold of the whole ring refused", -EINVAL,
		igb_rxq_create(&rxq, &m.vf_hw, RXQ, 0, 0, IGB_RING_MIN_DESC,
			SOCKET_ID_ANY, &rxconf, 0, mp));
}

/* Descriptors of slots [from, to) carrying RS. */
static unsigned int
rs_count(const struct igb_tx_queue *q, uint16_t from, uint16_t to)
{
	unsigned int n = 0;
	uint16_t i;

	for (i = from; i < to; i++)
		n += !!(q->ring[i].read.cmd_type_len & IGB_TXD_CMD_RS);
	return n;
}

static void
test_tx_groups(struct rte_mempool *mp)
{
	struct rte_eth_txconf conf = {.tx_free_thresh = 16, .tx_rs_thresh = 8};
	struct rte_mbuf *pkts[32];
	struct igb_tx_queue *q;
	unsigned int avail0 = rte_mempool_avail_count(mp);
	uint16_t i, n;

	conf.tx_rs_thresh = NDESC - IGB_TX_MAX_SEGS;
	CHECK_EQ("RS threshold leaving no room for a largest packet", -EINVAL,
		igb_txq_create(&q, &m.vf_hw, TXQ, 0, 0, NDESC, SOCKET_ID_ANY,
			&conf, 0));
	conf.tx_rs_thresh = 0;
	CHECK_EQ("default RS threshold: queue create", 0,
		igb_txq_create(&q, &m.vf_hw, TXQ, 0, 0, NDESC, SOCKET_ID_ANY,
			&conf, 0));
	CHECK_EQ("default RS threshold on 64 slots: room for 41 descriptors",
		NDESC - IGB_TX_MAX_SEGS - 1, q->rs_thresh);
	igb_txq_release(q);
	CHECK_EQ("512 slots: queue create", 0,
		igb_txq_create(
			&q, &m.vf_hw, TXQ, 0, 0, 512, SOCKET_ID_ANY, &conf, 0));
	CHECK_EQ("default RS threshold on 512 slots", 32, q->rs_thresh);
	igb_txq_release(q);

	conf.tx_rs_thresh = 8;
	q = txq_up("RS every 8", &conf, 0);

	for (i = 0; i < 20; i++)
		pkts[i] = tx_mbuf(mp, 60, 0);
	TX_TAIL_WRITES = 0;
	n = igb_tx_burst_simple(q, pkts, 20);
	CHECK_EQ("simple: 20 frames", 20, n);
	CHECK_EQ("simple: one tail write", 1, TX_TAIL_WRITES);
	CHECK_EQ("simple: plain descriptor with EOP, RS on slot 7",
		IGB_TXD_DTYP_DATA | IGB_TXD_CMD_DEXT | IGB_TXD_CMD_IFCS |
			IGB_TXD_CMD_EOP | IGB_TXD_CMD_RS | 60,
		q->ring[7].read.cmd_type_len);
	CHECK_EQ("simple: payload length", 60u << IGB_TXD_PAYLEN_SHIFT,
		q->ring[7].read.olinfo_status);
	CHECK("simple: RS on slots 7 and 15 only",
		rs_count(q, 0, 20) == 2 &&
			(q->ring[15].read.cmd_type_len & IGB_TXD_CMD_RS));
	CHECK_EQ("simple: 4 descriptors since the last RS", 4, q->nb_open);

	/* 3 plain frames, then 2 segments: the full path takes over and RS
	 * goes on the end of the packet that completes the group. */
	for (i = 0; i < 3; i++)
		pkts[i] = tx_mbuf(mp, 60, 0);
	pkts[3] = tx_mbuf(mp, 100, 0);
	pkts[4] = tx_mbuf(mp, 50, 0);
	rte_pktmbuf_chain(pkts[3], pkts[4]);
	n = igb_tx_burst_simple(q, pkts, 4);
	CHECK_EQ("hand-over: 4 packets", 4, n);
	CHECK_EQ("hand-over: first segment, no EOP",
		IGB_TXD_DTYP_DATA | IGB_TXD_CMD_DEXT | IGB_TXD_CMD_IFCS | 100,
		q->ring[23].read.cmd_type_len);
	CHECK_EQ("hand-over: last segment with EOP and RS",
		IGB_TXD_DTYP_DATA | IGB_TXD_CMD_DEXT | IGB_TXD_CMD_IFCS |
			IGB_TXD_CMD_EOP | IGB_TXD_CMD_RS | 50,
		q->ring[24].read.cmd_type_len);
	CHECK_EQ("hand-over: frame length in both", 150,
		q->ring[23].read.olinfo_status >> IGB_TXD_PAYLEN_SHIFT);
	CHECK_EQ("hand-over: no other RS", 3, rs_count(q, 0, 25));
	CHECK_EQ("hand-over: group closed", 0, q->nb_open);

	/* The NIC writes DD only where RS was set. */
	CHECK_EQ("nothing done yet: nothing reaped", 0,
		igb_tx_done_cleanup(q, 0));
	q->ring[7].wb.status |= IGB_TXD_STAT_DD;
	CHECK_EQ("slot 10 in a pending group", RTE_ETH_TX_DESC_FULL,
		igb_tx_descriptor_status(q, 10 + NDESC - 25));
	CHECK_EQ("slot 3 in a done group", RTE_ETH_TX_DESC_DONE,
		igb_tx_descriptor_status(q, 3 + NDESC - 25));
	CHECK_EQ("first group: 8 packets", 8, igb_tx_done_cleanup(q, 0));
	CHECK_EQ("first group: mbufs back", avail0 - 17,
		rte_mempool_avail_count(mp));
	q->ring[15].wb.status |= IGB_TXD_STAT_DD;
	q->ring[24].wb.status |= IGB_TXD_STAT_DD;
	CHECK_EQ("cleanup stops after the group reaching its count", 8,
		igb_tx_done_cleanup(q, 1));
	CHECK_EQ("last group: 7 plain and 1 two-segment packet", 8,
		igb_tx_done_cleanup(q, 0));
	CHECK_EQ("all reaped", NDESC - 1, q->nb_free);
	CHECK_EQ("all mbufs back", avail0, rte_mempool_avail_count(mp));

	/* Without fast free, a segment still referenced elsewhere stays. */
	for (i = 0; i < 8; i++)
		pkts[i] = tx_mbuf(mp, 60, 0);
	rte_mbuf_refcnt_update(pkts[2], 1);
	n = igb_tx_burst_simple(q, pkts, 8);
	q->ring[(25 + 7) % NDESC].wb.status |= IGB_TXD_STAT_DD;
	CHECK_EQ("shared mbuf: group reaped", 8, igb_tx_done_cleanup(q, 0));
	CHECK_EQ("shared mbuf: one reference left", 1,
		rte_mbuf_refcnt_read(pkts[2]));
	CHECK_EQ("shared mbuf: the others back", avail0 - 1,
		rte_mempool_avail_count(mp));
	rte_pktmbuf_free(pkts[2]);

	igb_txq_stop(q);
	igb_txq_release(q);
	CHECK_EQ("RS groups: every mbuf back", avail0,
		rte_mempool_avail_count(mp));
}

static void
test_tx_fast_free(struct rte_mempool *mp)
{
	struct rte_eth_txconf conf = {.tx_free_thresh = 16, .tx_rs_thresh = 8};
	struct rte_mbuf *pkts[32];
	struct igb_tx_queue *q;
	unsigned int avail0 = rte_mempool_avail_count(mp);
	uint16_t i, n, sent = 0;
	bool chains_ok = true;

	q = txq_up("fast free", &conf, RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE);
	/* Rounds of 6 plain frames and one of 3 segments, all completed by
	 * the NIC, several times round the ring. */
	for (i = 0; i < 20; i++) {
		uint16_t k;

		for (k = 0; k < 6; k++)
			pkts[k] = tx_mbuf(mp, 60, 0);
		pkts[6] = tx_mbuf(mp, 60, 0);
		rte_pktmbuf_chain(pkts[6], tx_mbuf(mp, 60, 0));
		rte_pktmbuf_chain(pkts[6], tx_mbuf(mp, 60, 0));
		n = igb_tx_burst_simple(q, pkts, 7);
		if (n != 7)
			break;
		sent += n;
		for (k = 0; k < NDESC; k++)
			if (q->ring[k].read.cmd_type_len & IGB_TXD_CMD_RS)
				q->ring[k].wb.status |= IGB_TXD_STAT_DD;
	}
	CHECK_EQ("fast free: 140 packets through a 64-slot ring", 140, sent);
	igb_tx_done_cleanup(q, 0);
	CHECK_EQ("fast free: only the open group left", NDESC - 1 - q->nb_open,
		q->nb_free);
	igb_txq_stop(q);
	igb_txq_release(q);
	CHECK_EQ("fast free: every mbuf back", avail0,
		rte_mempool_avail_count(mp));
	/* Back in the pool, chained segments must look fresh. */
	n = avail0 < 32 ? avail0 : 32;
	rte_mempool_get_bulk(mp, (void **)pkts, n);
	for (i = 0; i < n; i++)
		chains_ok &= pkts[i]->next == NULL && pkts[i]->nb_segs == 1;
	rte_mempool_put_bulk(mp, (void **)pkts, n);
	CHECK("fast free: pool mbufs unchained", chains_ok);
}

int
main(void)
{
	struct rte_mempool *mp;

	model_init(&m);
	mp = fixture_pool("rxtx_test", 1023);
	if (mp == NULL)
		return check_exit();
	test_select(mp);
	test_rx(mp);
	test_rx_simple(mp);
	test_rx_nombuf();
	test_tx(mp);
	test_smallest_ring_defaults(mp);
	test_tx_groups(mp);
	test_tx_fast_free(mp);
	rte_eal_cleanup();
	return check_exit();
}
