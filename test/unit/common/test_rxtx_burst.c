/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The shared Rx/Tx burst code on rings in memory, the test playing the
 * NIC: write-back parsing into mbufs, scattered frames, error drops, Rx
 * tail writes batched by the free threshold and wrapping, Tx descriptors
 * and context reuse, one tail write per burst, completions reaped below
 * the free threshold. Needs EAL (no hugepages, no PCI) for the mempool.
 */
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>

#include "igb_check.h"
#include "igb_rxtx.h"

#define RXQ IGB_VF_RXQ_BASE(0)
#define TXQ IGB_VF_TXQ_BASE(0)
#define NDESC 64

static uint32_t regs[IGB_VF_BAR_SIZE / 4];
static unsigned int rx_tail_writes, tx_tail_writes;

static uint32_t
rd(void *ctx, uint32_t off)
{
	(void)ctx;
	return regs[off / 4];
}

static void
wr(void *ctx, uint32_t off, uint32_t val)
{
	(void)ctx;
	regs[off / 4] = val;
	rx_tail_writes += off == RXQ + IGB_QREG_TAIL;
	tx_tail_writes += off == TXQ + IGB_QREG_TAIL;
}

static void
nodelay(void *ctx, unsigned int us)
{
	(void)ctx;
	(void)us;
}

static const struct igb_hw_model ops = {rd, wr, nodelay, NULL};
static struct igb_hw hw = {.model = &ops};

/* The NIC writes one descriptor back. */
static void
nic_rx(struct igb_rx_queue *q, uint16_t idx, uint16_t len, uint32_t stat,
	uint16_t pkt_info)
{
	volatile union igb_rx_desc *d = &q->ring[idx];

	d->wb.pkt_info = pkt_info;
	d->wb.length = len;
	d->wb.vlan = 0;
	d->wb.status_error = stat | IGB_RXD_STAT_DD;
}

static uint32_t
rdt(void)
{
	return regs[(RXQ + IGB_QREG_TAIL) / 4];
}

static void
test_rx(struct rte_mempool *mp)
{
	struct rte_eth_rxconf conf = {.rx_free_thresh = 16};
	struct rte_mbuf *pkts[32];
	struct igb_rx_queue *q;
	uint16_t n, i, idx = 0;
	unsigned int avail0 = rte_mempool_avail_count(mp);

	check_i64("Rx queue create", 0,
		igb_rxq_create(&q, &hw, RXQ, 0, 0, NDESC, SOCKET_ID_ANY, &conf,
			0, mp));
	check_i64("Rx queue start", 0, igb_rxq_start(q));
	check_u64(
		"all slots armed", avail0 - NDESC, rte_mempool_avail_count(mp));
	check_u64("tail leaves one slot out", NDESC - 1, rdt());
	check_u64("ring length programmed", NDESC * 16,
		regs[(RXQ + IGB_QREG_LEN) / 4]);
	check_u64("2 KiB buffers in SRRCTL", 2,
		regs[(RXQ + IGB_QREG_SRRCTL) / 4] & IGB_SRRCTL_BSIZEPKT_MASK);

	for (i = 0; i < 20; i++)
		nic_rx(q, idx++, 60 + i, IGB_RXD_STAT_EOP | IGB_RXD_STAT_IPCS,
			(IGB_RXD_PKT_IPV4 | IGB_RXD_PKT_UDP)
				<< IGB_RXD_PKT_SHIFT);
	rx_tail_writes = 0;
	n = igb_rx_burst(q, pkts, 32);
	check_u64("20 frames received", 20, n);
	check_u64("length of frame 7", 67, pkts[7]->pkt_len);
	check_u64("ptype",
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP,
		pkts[7]->packet_type);
	check_u64("IP checksum good", RTE_MBUF_F_RX_IP_CKSUM_GOOD,
		pkts[7]->ol_flags);
	check_u64("one tail write for 20 refills", 1, rx_tail_writes);
	check_u64("tail one behind the next slot to refill", 19, rdt());
	rte_pktmbuf_free_bulk(pkts, n);

	for (i = 0; i < 10; i++)
		nic_rx(q, idx++, 100, IGB_RXD_STAT_EOP, 0);
	rx_tail_writes = 0;
	n = igb_rx_burst(q, pkts, 32);
	check_u64("10 more frames", 10, n);
	check_u64("below the threshold: no tail write", 0, rx_tail_writes);
	check_u64("10 slots wait for buffers", 10, q->nb_hold);
	check_i64("descriptor past the armed ones unavailable",
		RTE_ETH_RX_DESC_UNAVAIL,
		igb_rx_descriptor_status(q, NDESC - 10));
	check_i64("armed descriptor available", RTE_ETH_RX_DESC_AVAIL,
		igb_rx_descriptor_status(q, 0));
	rte_pktmbuf_free_bulk(pkts, n);

	/* A frame over three buffers, the last one arriving later. */
	nic_rx(q, idx++, 2048, 0, 0);
	nic_rx(q, idx++, 2048, 0, 0);
	n = igb_rx_burst(q, pkts, 32);
	check_u64("incomplete frame not returned", 0, n);
	nic_rx(q, idx++, 1000, IGB_RXD_STAT_EOP, 0);
	check_i64("written-back descriptor is done", RTE_ETH_RX_DESC_DONE,
		igb_rx_descriptor_status(q, 0));
	check_u64("queue count sees it", 1, igb_rx_queue_count(q));
	n = igb_rx_burst(q, pkts, 32);
	check_u64("scattered frame returned", 1, n);
	check_u64("three segments", 3, pkts[0]->nb_segs);
	check_u64("frame length", 5096, pkts[0]->pkt_len);
	check_u64("13 slots waiting: tail not moved yet", 19, rdt());
	rte_pktmbuf_free(pkts[0]);

	nic_rx(q, idx++, 64, IGB_RXD_STAT_EOP | IGB_RXD_ERR_RXE, 0);
	n = igb_rx_burst(q, pkts, 32);
	check_u64("frame with RXE dropped", 0, n);
	check_u64("and counted", 1, q->stats.errors);

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
	check_u64("two tagged frames", 2, n);
	check_u64("strip off: registered VID put back in the frame", 68,
		pkts[0]->pkt_len);
	check_u64("strip off: flags say VLAN, not stripped", RTE_MBUF_F_RX_VLAN,
		pkts[0]->ol_flags &
			(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED));
	check_u64("port VLAN hidden: frame untagged", 64, pkts[1]->pkt_len);
	check_u64("port VLAN hidden: no VLAN flags", 0,
		pkts[1]->ol_flags & RTE_MBUF_F_RX_VLAN);
	rte_pktmbuf_free_bulk(pkts, n);
	q->offloads |= RTE_ETH_RX_OFFLOAD_VLAN_STRIP;
	nic_rx(q, idx, 64, IGB_RXD_STAT_EOP | IGB_RXD_STAT_VP, 0);
	q->ring[idx++].wb.vlan = 100;
	n = igb_rx_burst(q, pkts, 32);
	check_u64("strip on: tag in the mbuf", 100, pkts[0]->vlan_tci);
	check_u64("strip on: stripped flags",
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
	check_u64("one frame per burst across two wraps", 2 * NDESC, i);
	check_true("tail stays one behind the refill point",
		rdt() == (uint32_t)((q->refill + NDESC - 1) % NDESC));

	igb_rxq_stop(q);
	igb_rxq_release(q);
	check_u64("every mbuf back after stop and release", avail0,
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

	check_i64("Tx queue create", 0,
		igb_txq_create(
			&q, &hw, TXQ, 0, 0, NDESC, SOCKET_ID_ANY, &conf, 0));
	check_i64("Tx queue start", 0, igb_txq_start(q));
	for (i = 0; i < 10; i++)
		pkts[i] = tx_mbuf(mp, 60, 0);
	tx_tail_writes = 0;
	n = igb_tx_burst(q, pkts, 10);
	check_u64("10 frames queued", 10, n);
	check_u64("one tail write per burst", 1, tx_tail_writes);
	check_u64("tail register", 10, regs[(TXQ + IGB_QREG_TAIL) / 4]);
	c = q->ring[3].read.cmd_type_len;
	check_u64("data descriptor command",
		IGB_TXD_DTYP_DATA | IGB_TXD_CMD_DEXT | IGB_TXD_CMD_IFCS |
			IGB_TXD_CMD_EOP | IGB_TXD_CMD_RS | 60,
		c);
	check_u64("free descriptors", NDESC - 1 - 10, q->nb_free);

	pkts[0] = tx_mbuf(mp, 100, ck);
	pkts[1] = tx_mbuf(mp, 100, ck);
	n = igb_tx_burst(q, pkts, 2);
	check_u64("2 checksummed frames", 2, n);
	check_u64("context descriptor first: IPv4, UDP",
		IGB_TXD_DTYP_CTXT | IGB_TXD_CMD_DEXT | IGB_TXC_TUCMD_IPV4 |
			IGB_TXC_TUCMD_L4T_UDP,
		((volatile struct igb_tx_ctx_desc *)&q->ring[10])
			->type_tucmd_mlhl);
	check_u64("context lengths: MAC 14, IP 20",
		(14u << IGB_TXC_MACLEN_SHIFT) | 20,
		((volatile struct igb_tx_ctx_desc *)&q->ring[10])
			->vlan_macip_lens);
	check_u64("data olinfo: checksums, payload length",
		IGB_TXD_POPTS_IXSM | IGB_TXD_POPTS_TXSM |
			(100u << IGB_TXD_PAYLEN_SHIFT),
		q->ring[11].read.olinfo_status);
	check_u64("second frame reuses the context (3 slots for 2 frames)", 13,
		q->tail);

	/* The NIC completes everything; a burst below the threshold reaps. */
	for (i = 0; i < q->tail; i++)
		q->ring[i].wb.status = IGB_TXD_STAT_DD;
	for (i = 0; i < 40; i++)
		pkts[i] = tx_mbuf(mp, 60, 0);
	n = igb_tx_burst(q, pkts, 40);
	check_u64("40 more queued", 40, n);
	check_u64("nothing reaped while free >= threshold", 0, q->clean);
	for (i = 0; i < 10; i++)
		pkts[i] = tx_mbuf(mp, 60, 0);
	n = igb_tx_burst(q, pkts, 10);
	check_u64("queued after reaping", 10, n);
	check_u64("completed frames reaped up to the first pending", 13,
		q->clean);
	check_i64("pending descriptor is full", RTE_ETH_TX_DESC_FULL,
		igb_tx_descriptor_status(q, 21)); /* slot 20 */
	check_i64("reaped descriptor is done", RTE_ETH_TX_DESC_DONE,
		igb_tx_descriptor_status(q, 13)); /* slot 12 */
	igb_txq_stop(q);
	igb_txq_release(q);
	check_u64("every mbuf back after stop", avail0,
		rte_mempool_avail_count(mp));
}

int
main(void)
{
	char *args[] = {"test", "--no-huge", "-m", "64", "--no-pci",
		"--no-shconf", "--file-prefix=igb_rxtx_test", "-l", "0",
		"--log-level=lib.eal:error"};
	struct rte_mempool *mp;

	if (rte_eal_init(RTE_DIM(args), args) < 0) {
		printf("FAIL EAL init\n");
		return 1;
	}
	mp = rte_pktmbuf_pool_create("rxtx_test", 1023, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	check_true("mempool created", mp != NULL);
	if (mp == NULL)
		return check_exit();
	test_rx(mp);
	test_tx(mp);
	rte_eal_cleanup();
	return check_exit();
}
