/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The vector burst functions against the scalar simple ones, which the
 * other burst tests pin down: two queues of the same size get the same
 * seeded random write-backs (Rx) or the same frames (Tx) and the same
 * bursts, and what comes out must match field by field, as must the
 * queues' state and their tail registers. The write-backs mix plain
 * frames with every kind the vector Rx hands over (a stripped tag, a
 * frame over several buffers, RXE, a length over the buffer, an ETQF
 * match, checksum errors), at every ring position and burst size; the
 * Tx frames mix plain ones with chained and offloaded ones.
 *
 * The rings and software rings are malloc()ed at their exact size, so a
 * build with -Db_sanitize=address,undefined (test.sh runs one) catches a
 * read or write past them.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_mbuf.h>

#include "igb_check.h"
#include "igb_model.h"
#include "igb_rxtx.h"
#include "rxtx_fixture.h"

#define NDESC 64
#define RX_ROUNDS 20000
#define TX_ROUNDS 5000
#define MAX_BURST 64
#define SHOW_MAX 5 /* mismatches printed */

static struct igb_model m;
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static unsigned int mismatches;

static uint32_t
rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

static const uint16_t bursts[] = {1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 32, 33, 64};

static void
differ(const char *what, unsigned int round, unsigned int k, uint64_t scalar,
	uint64_t vec)
{
	if (mismatches++ < SHOW_MAX)
		printf("differ: round %u item %u: %s: scalar 0x%" PRIx64
		       ", vector 0x%" PRIx64 "\n",
			round, k, what, scalar, vec);
}

#define SAME(what, a, b) \
	do { \
		if ((uint64_t)(a) != (uint64_t)(b)) \
			differ(what, round, k, (uint64_t)(a), (uint64_t)(b)); \
	} while (0)

/* ---- Rx ---------------------------------------------------------------- */

struct rx_side {
	struct igb_rx_queue *q;
	struct fixture_rx_rings own; /* the queue's own, restored */
	uint32_t base;
};

static void
rx_side_up(struct rx_side *s, uint32_t base, struct rte_mempool *mp)
{
	struct rte_eth_rxconf conf = {.rx_free_thresh = 16};

	s->base = base;
	CHECK_EQ("Rx queue create", 0,
		igb_rxq_create(&s->q, &m.vf_hw, base, 5, 0, NDESC,
			SOCKET_ID_ANY, &conf, 0, mp));
	fixture_rx_exact_rings(s->q, &s->own);
	CHECK_EQ("Rx queue start", 0, igb_rxq_start(s->q));
}

static void
rx_side_down(struct rx_side *s)
{
	igb_rxq_stop(s->q);
	fixture_rx_own_rings(s->q, &s->own);
	igb_rxq_release(s->q);
}

/* A write-back: mostly plain frames, with checksum bits and errors of
 * every kind, and each kind the vector path must leave to igb_rx_burst. */
static void
rx_writeback(union igb_rx_desc *w, uint16_t buf_len)
{
	uint32_t kind = rnd() % 100;
	uint32_t st = IGB_RXD_STAT_DD | IGB_RXD_STAT_EOP;

	st |= rnd() &
		(IGB_RXD_STAT_UDPCS | IGB_RXD_STAT_L4CS | IGB_RXD_STAT_IPCS |
			IGB_RXD_STAT_PIF);
	if (rnd() % 4 == 0)
		st |= rnd() & (IGB_RXD_ERR_IPE | IGB_RXD_ERR_L4E);
	memset(w, 0, sizeof(*w));
	w->wb.length = 60 + rnd() % (buf_len - 59);
	w->wb.pkt_info = rnd() & 0x7fff;
	w->wb.hdr_info = rnd();
	w->wb.rss_csum = rnd();
	w->wb.vlan = rnd();
	if (kind < 5)
		st |= IGB_RXD_STAT_VP;
	else if (kind < 10)
		st &= ~IGB_RXD_STAT_EOP; /* the frame goes on */
	else if (kind < 13)
		st |= IGB_RXD_ERR_RXE;
	else if (kind < 15)
		w->wb.length = buf_len + 1 + rnd() % 100;
	else if (kind < 18)
		w->wb.pkt_info |= IGB_RXD_PKT_ETQF;
	else if (kind < 19)
		w->wb.length = 0;
	w->wb.status_error = st;
}

static void
rx_mbuf_same(const struct rte_mbuf *a, const struct rte_mbuf *b,
	unsigned int round, unsigned int k)
{
	SAME("pkt_len", a->pkt_len, b->pkt_len);
	SAME("nb_segs", a->nb_segs, b->nb_segs);
	SAME("packet_type", a->packet_type, b->packet_type);
	SAME("ol_flags", a->ol_flags, b->ol_flags);
	if (a->ol_flags & RTE_MBUF_F_RX_VLAN)
		SAME("vlan_tci", a->vlan_tci, b->vlan_tci);
	SAME("port", a->port, b->port);
	for (; a != NULL && b != NULL; a = a->next, b = b->next) {
		SAME("segment data_len", a->data_len, b->data_len);
		SAME("segment data_off", a->data_off, b->data_off);
		SAME("segment refcnt", rte_mbuf_refcnt_read(a),
			rte_mbuf_refcnt_read(b));
	}
	SAME("segment chain ends together", a == NULL, b == NULL);
}

static void
rx_state_same(const struct rx_side *s, unsigned int round)
{
	const struct igb_rx_queue *a = s[0].q, *b = s[1].q;
	unsigned int k = 0;

	SAME("next", a->next, b->next);
	SAME("refill", a->refill, b->refill);
	SAME("nb_hold", a->nb_hold, b->nb_hold);
	SAME("frame in progress", a->pkt_first != NULL, b->pkt_first != NULL);
	SAME("packets", a->stats.packets, b->stats.packets);
	SAME("bytes", a->stats.bytes, b->stats.bytes);
	SAME("errors", a->stats.errors, b->stats.errors);
	SAME("nombuf", a->stats.nombuf, b->stats.nombuf);
	SAME("RDT", m.vf_reg[(s[0].base + IGB_QREG_TAIL) / 4],
		m.vf_reg[(s[1].base + IGB_QREG_TAIL) / 4]);
}

static void
test_rx_differential(struct rte_mempool *mp)
{
	struct rx_side s[2];
	struct rte_mbuf *got[2][MAX_BURST];
	unsigned int avail0 = rte_mempool_avail_count(mp);
	unsigned int round, frames = 0, plain = 0, handed_over = 0;
	uint16_t nic = 0; /* the NIC's head, the same on both rings */

	mismatches = 0;
	rx_side_up(&s[0], IGB_VF_RXQ_BASE(0), mp);
	rx_side_up(&s[1], IGB_VF_RXQ_BASE(1), mp);
	for (round = 0; round < RX_ROUNDS; round++) {
		uint16_t tail = m.vf_reg[(s[0].base + IGB_QREG_TAIL) / 4];
		uint16_t room = (tail + NDESC - nic) % NDESC;
		uint16_t fill = room ? rnd() % (room + 1) : 0;
		uint16_t n = bursts[rnd() % RTE_DIM(bursts)];
		uint16_t got_n[2], k;

		for (k = 0; k < fill; k++) {
			union igb_rx_desc w;

			rx_writeback(&w, s[0].q->buf_len);
			plain += (w.wb.status_error &
					 (IGB_RXD_STAT_EOP | IGB_RXD_STAT_VP |
						 IGB_RXD_ERR_RXE)) ==
					IGB_RXD_STAT_EOP &&
				w.wb.length <= s[0].q->buf_len;
			s[0].q->ring[nic] = w;
			s[1].q->ring[nic] = w;
			nic = (nic + 1) % NDESC;
		}
		got_n[0] = igb_rx_burst_simple(s[0].q, got[0], n);
		got_n[1] = igb_rx_burst_sse(s[1].q, got[1], n);
		k = 0;
		SAME("frames returned", got_n[0], got_n[1]);
		for (k = 0; k < RTE_MIN(got_n[0], got_n[1]); k++)
			rx_mbuf_same(got[0][k], got[1][k], round, k);
		rx_state_same(s, round);
		frames += got_n[1];
		handed_over += s[1].q->pkt_first != NULL;
		rte_pktmbuf_free_bulk(got[0], got_n[0]);
		rte_pktmbuf_free_bulk(got[1], got_n[1]);
	}
	printf("Rx: %u rounds, %u frames each side, %u plain write-backs, "
	       "%u rounds ending inside a frame\n",
		RX_ROUNDS, frames, plain, handed_over);
	CHECK_EQ("Rx: vector and scalar agree on every frame and state", 0,
		mismatches);
	CHECK("Rx: most write-backs were plain frames", plain > frames / 2);
	CHECK("Rx: rounds ended inside a frame", handed_over > 0);
	rx_side_down(&s[0]);
	rx_side_down(&s[1]);
	CHECK_EQ("Rx: every mbuf back", avail0, rte_mempool_avail_count(mp));
}

/* ---- Tx ---------------------------------------------------------------- */

struct tx_side {
	struct igb_tx_queue *q;
	volatile union igb_tx_desc *rte_ring;
	struct rte_mbuf **rte_sw;
	uint16_t *rte_last;
	uint32_t base;
};

static void
tx_side_up(struct tx_side *s, uint32_t base, uint64_t offloads)
{
	struct rte_eth_txconf conf = {.tx_rs_thresh = 8, .tx_free_thresh = 16};

	s->base = base;
	CHECK_EQ("Tx queue create", 0,
		igb_txq_create(&s->q, &m.vf_hw, base, 5, 0, NDESC,
			SOCKET_ID_ANY, &conf, offloads));
	s->rte_ring = s->q->ring;
	s->rte_sw = s->q->sw_mbuf;
	s->rte_last = s->q->sw_last;
	s->q->ring = aligned_alloc(IGB_RING_ALIGN, NDESC * sizeof(*s->q->ring));
	s->q->sw_mbuf = calloc(NDESC, sizeof(*s->q->sw_mbuf));
	s->q->sw_last = calloc(NDESC, sizeof(*s->q->sw_last));
	CHECK_EQ("Tx queue start", 0, igb_txq_start(s->q));
}

static void
tx_side_down(struct tx_side *s)
{
	igb_txq_stop(s->q);
	free((void *)(uintptr_t)s->q->ring);
	free(s->q->sw_mbuf);
	free(s->q->sw_last);
	s->q->ring = s->rte_ring;
	s->q->sw_mbuf = s->rte_sw;
	s->q->sw_last = s->rte_last;
	igb_txq_release(s->q);
}

/* The same frame twice: mostly plain, some chained or offloaded (the
 * full path's), each segment at a random headroom. */
static int
tx_frame_pair(struct rte_mempool *mp, struct rte_mbuf *out[2])
{
	uint32_t kind = rnd() % 100;
	uint16_t segs = kind < 8 ? 2 + rnd() % 2 : 1;
	uint16_t off = rnd() % RTE_PKTMBUF_HEADROOM;
	uint64_t flags = 0;
	uint16_t i, s, len[3];

	if (kind >= 8 && kind < 12)
		flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM;
	else if (kind >= 12 && kind < 14)
		flags = RTE_MBUF_F_TX_VLAN;
	for (s = 0; s < segs; s++)
		len[s] = 60 + rnd() % 1400;
	for (i = 0; i < 2; i++) {
		struct rte_mbuf *head = NULL, *last = NULL;

		for (s = 0; s < segs; s++) {
			struct rte_mbuf *x = rte_pktmbuf_alloc(mp);

			if (x == NULL)
				return -1;
			x->data_off = off;
			x->data_len = len[s];
			if (head == NULL) {
				head = x;
				head->pkt_len = 0;
				head->nb_segs = 0;
			} else {
				last->next = x;
			}
			head->pkt_len += len[s];
			head->nb_segs++;
			last = x;
		}
		head->ol_flags = flags;
		head->l2_len = RTE_ETHER_HDR_LEN;
		head->l3_len = 20;
		head->vlan_tci = 100;
		out[i] = head;
	}
	return 0;
}

static void
tx_state_same(const struct tx_side *s, uint16_t from, unsigned int round)
{
	const struct igb_tx_queue *a = s[0].q, *b = s[1].q;
	unsigned int k = 0, nulls;
	uint16_t i;

	SAME("tail", a->tail, b->tail);
	SAME("clean", a->clean, b->clean);
	SAME("nb_free", a->nb_free, b->nb_free);
	SAME("nb_open", a->nb_open, b->nb_open);
	SAME("ctx_in_flight", a->ctx_in_flight, b->ctx_in_flight);
	for (i = a->clean, nulls = 0; i != a->tail; i = (i + 1) % NDESC)
		nulls += a->sw_mbuf[i] == NULL;
	if (a->fast_free)
		SAME("ctx_in_flight = context slots not reaped", nulls,
			a->ctx_in_flight);
	SAME("packets", a->stats.packets, b->stats.packets);
	SAME("bytes", a->stats.bytes, b->stats.bytes);
	SAME("TDT", m.vf_reg[(s[0].base + IGB_QREG_TAIL) / 4],
		m.vf_reg[(s[1].base + IGB_QREG_TAIL) / 4]);
	/* The slots this burst wrote: descriptors word for word, buffer
	 * addresses relative to their own mbufs. */
	for (i = from; i != a->tail; i = (i + 1) % NDESC, k++) {
		const struct rte_mbuf *ma = a->sw_mbuf[i];
		const struct rte_mbuf *mb = b->sw_mbuf[i];
		uint64_t addr_a = a->ring[i].read.buf_addr;
		uint64_t addr_b = b->ring[i].read.buf_addr;

		SAME("slot holds an mbuf", ma != NULL, mb != NULL);
		SAME("slot's last descriptor", a->sw_last[i], b->sw_last[i]);
		if (ma != NULL && mb != NULL) {
			addr_a -= ma->buf_iova;
			addr_b -= mb->buf_iova;
		}
		SAME("buffer address", addr_a, addr_b);
		SAME("cmd_type_len", a->ring[i].read.cmd_type_len,
			b->ring[i].read.cmd_type_len);
		SAME("olinfo_status", a->ring[i].read.olinfo_status,
			b->ring[i].read.olinfo_status);
	}
}

/* The NIC sends up to the tail: DD where RS was set, on both rings. */
static void
tx_complete(struct tx_side *s, uint16_t *nic)
{
	uint16_t tail = m.vf_reg[(s[0].base + IGB_QREG_TAIL) / 4];
	uint16_t stop = rnd() % 4 ? tail : (*nic + rnd() % NDESC) % NDESC;

	while (*nic != tail && *nic != stop) {
		int i;

		for (i = 0; i < 2; i++)
			if (s[i].q->ring[*nic].read.cmd_type_len &
				IGB_TXD_CMD_RS)
				s[i].q->ring[*nic].wb.status = IGB_TXD_STAT_DD;
		*nic = (*nic + 1) % NDESC;
	}
}

static void
test_tx_differential(struct rte_mempool *mp, uint64_t offloads)
{
	struct tx_side s[2];
	unsigned int avail0 = rte_mempool_avail_count(mp);
	unsigned int round, sent = 0, full = 0;
	uint16_t nic = 0;
	char what[96];

	mismatches = 0;
	tx_side_up(&s[0], IGB_VF_TXQ_BASE(0), offloads);
	tx_side_up(&s[1], IGB_VF_TXQ_BASE(1), offloads);
	for (round = 0; round < TX_ROUNDS; round++) {
		struct rte_mbuf *pkts[2][MAX_BURST];
		uint16_t n = 1 + rnd() % 24;
		uint16_t from = s[0].q->tail;
		uint16_t took[2], i, k = 0;

		for (i = 0; i < n; i++) {
			struct rte_mbuf *pair[2];

			if (tx_frame_pair(mp, pair) != 0)
				break;
			pkts[0][i] = pair[0];
			pkts[1][i] = pair[1];
			full += !(pair[0]->nb_segs == 1 &&
				pair[0]->ol_flags == 0);
		}
		n = i;
		took[0] = igb_tx_burst_simple(s[0].q, pkts[0], n);
		took[1] = igb_tx_burst_sse(s[1].q, pkts[1], n);
		SAME("frames taken", took[0], took[1]);
		tx_state_same(s, from, round);
		sent += took[1];
		for (i = 0; i < 2; i++)
			for (k = took[i]; k < n; k++)
				rte_pktmbuf_free(pkts[i][k]);
		tx_complete(s, &nic);
	}
	snprintf(what, sizeof(what),
		"Tx%s: vector and scalar agree on every descriptor and state",
		offloads ? " (fast free)" : "");
	printf("Tx%s: %u rounds, %u frames sent each side, %u for the full "
	       "path\n",
		offloads ? " (fast free)" : "", TX_ROUNDS, sent, full);
	CHECK_EQ(what, 0, mismatches);
	CHECK("Tx: frames for the full path were in the mix", full > 0);
	tx_side_down(&s[0]);
	tx_side_down(&s[1]);
	CHECK_EQ("Tx: every mbuf back", avail0, rte_mempool_avail_count(mp));
}

int
main(void)
{
	struct rte_mempool *mp;

	model_init(&m);
	mp = fixture_pool("rxtx_vec", 2047);
	if (mp == NULL)
		return check_exit();
	CHECK("vector paths usable on this host (x86 with SSE4.1)",
		igb_vec_usable());
	test_rx_differential(mp);
	test_tx_differential(mp, 0);
	test_tx_differential(mp, RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE);
	rte_eal_cleanup();
	return check_exit();
}
