/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Rx fuzzer's harness; what it checks is listed in fuzz_rx_paths.c.
 * EAL and the first pool come from the burst tests' fixture
 * (test/unit/common/rxtx_fixture.c), the register file from their model:
 * queue n is VF 0's queue n.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ether.h>
#include <rte_mbuf.h>

#include "igb_ring.h"
#include "rx_fuzz.h"
#include "rxtx_fixture.h"

#define PORT 5
#define FRAME_BYTES 16 /* written into each buffer: MACs, type, TCI */

static const eth_rx_burst_t burst_fn[RX_FUZZ_NQ] = {
	igb_rx_burst, igb_rx_burst_simple, igb_rx_burst_sse};
static const char *const side_name[RX_FUZZ_NQ] = {"full", "simple", "vector"};

static void __attribute__((noreturn)) violated(const char *what, int q)
{
	fprintf(stderr, "invariant violated: %s (%s queue)\n", what,
		q >= 0 ? side_name[q] : "every");
	abort();
}

#define REQUIRE(cond, what, q) \
	do { \
		if (!(cond)) \
			violated(what, q); \
	} while (0)

static uint32_t
rdt(const struct rx_fuzz *f, const struct rx_side *s)
{
	return f->m.vf_reg[IGB_RDT(s->base) / 4];
}

void
rx_fuzz_init(struct rx_fuzz *f)
{
	char name[32];
	int q;

	memset(f, 0, sizeof(*f));
	model_init(&f->m);
	f->q[0].mp = fixture_pool("fuzz_rx0", RX_FUZZ_POOL);
	for (q = 1; q < RX_FUZZ_NQ; q++) {
		snprintf(name, sizeof(name), "fuzz_rx%d", q);
		f->q[q].mp = rte_pktmbuf_pool_create(name, RX_FUZZ_POOL, 0, 0,
			RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	}
	for (q = 0; q < RX_FUZZ_NQ; q++) {
		REQUIRE(f->q[q].mp != NULL, "pool created", q);
		f->q[q].base = IGB_VF_RXQ_BASE(q);
	}
	REQUIRE(igb_vec_usable(), "SSE4.1 burst usable on this host", 2);
}

/* ---- the application's frames ------------------------------------------ */

static uint64_t
frame_digest(const struct rte_mbuf *m)
{
	uint64_t h = 0xcbf29ce484222325ull;
	const struct rte_mbuf *s;
	size_t i;

	for (s = m; s != NULL; s = s->next) {
		const uint8_t *p = (const uint8_t *)s;

		for (i = 0; i < RTE_CACHE_LINE_MIN_SIZE; i++)
			h = (h ^ p[i]) * 0x100000001b3ull;
		h = (h ^ (uintptr_t)s->next) * 0x100000001b3ull;
	}
	return h;
}

static void
free_oldest(struct rx_side *s, int q)
{
	struct rx_held *h = &s->held[s->held_first];

	REQUIRE(frame_digest(h->m) == h->digest,
		"a frame the application holds was not written by the driver",
		q);
	/* Its reference and the driver's (hold()). */
	rte_pktmbuf_free(h->m);
	rte_pktmbuf_free(h->m);
	s->held_first = (s->held_first + 1) % RX_FUZZ_HOLD;
	s->nb_held--;
}

static void
hold(struct rx_side *s, int q, struct rte_mbuf *m)
{
	struct rte_mbuf *seg;
	struct rx_held *h;

	if (s->nb_held == RX_FUZZ_HOLD)
		free_oldest(s, q);
	h = &s->held[(s->held_first + s->nb_held++) % RX_FUZZ_HOLD];
	h->m = m;
	/* As an application keeping a clone does: a second reference. */
	for (seg = m; seg != NULL; seg = seg->next)
		rte_mbuf_refcnt_update(seg, 1);
	h->digest = frame_digest(m);
}

void
rx_fuzz_free_held(struct rx_fuzz *f, unsigned int k)
{
	int q;

	for (q = 0; q < RX_FUZZ_NQ; q++) {
		unsigned int i;

		for (i = 0; i < k && f->q[q].nb_held > 0; i++)
			free_oldest(&f->q[q], q);
	}
}

/* A returned frame is well formed. */
static void
check_frame(const struct rx_side *s, int q, const struct rte_mbuf *m)
{
	const struct rte_mbuf *seg;
	uint16_t buf_len = s->rxq->buf_len;
	unsigned int segs = 0;
	uint32_t bytes = 0;
	/* A tag put back into the data (VP without VLAN_STRIP). */
	bool tagged =
		(m->ol_flags &
			(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED)) ==
		RTE_MBUF_F_RX_VLAN;

	REQUIRE(m->port == PORT, "frame's port", q);
	for (seg = m; seg != NULL; seg = seg->next) {
		REQUIRE(++segs <= RX_FUZZ_POOL, "segment chain ends", q);
		REQUIRE(seg->pool == s->mp, "segment from the queue's pool", q);
		REQUIRE(rte_mbuf_refcnt_read(seg) == 1, "segment refcnt 1", q);
		REQUIRE((uint32_t)seg->data_off + seg->data_len <= seg->buf_len,
			"segment within its buffer", q);
		REQUIRE(seg->data_len <= buf_len +
					(seg == m && tagged ? RTE_VLAN_HLEN
							    : 0),
			"segment no longer than the Rx buffer", q);
		bytes += seg->data_len;
	}
	REQUIRE(m->nb_segs == segs, "nb_segs counts the chain", q);
	REQUIRE(m->pkt_len == bytes, "pkt_len sums the segments", q);
}

/* ---- ownership ---------------------------------------------------------- */

static void
mark(const struct rx_fuzz *f, struct rte_mbuf *m, const struct rx_side *s,
	int q)
{
	REQUIRE(m != NULL, "a slot holding a buffer has one", q);
	REQUIRE(m->pool == s->mp, "an mbuf of the queue's pool", q);
	REQUIRE(m->dynfield1[0] != f->epoch, "each mbuf in one place only", q);
	m->dynfield1[0] = f->epoch;
}

/* Each mbuf is in the pool, in a slot holding a buffer, in the frame in
 * progress, with the application or drained, once. */
static void
check_ownership(struct rx_fuzz *f, int q)
{
	struct rx_side *s = &f->q[q];
	const struct igb_rx_queue *rxq = s->rxq;
	unsigned int count = rte_mempool_avail_count(s->mp) + s->nb_drained;
	unsigned int i;

	f->epoch++;
	if (rxq->started) {
		uint16_t idx = rxq->next;

		REQUIRE(rxq->nb_hold <= rxq->nb_desc,
			"slots waiting for a buffer fit the ring", q);
		REQUIRE(igb_ring_add(rxq->refill, rxq->nb_hold, rxq->nb_desc) ==
				rxq->next,
			"slots waiting for a buffer end at next", q);
		for (i = rxq->nb_hold; i < rxq->nb_desc; i++) {
			mark(f, rxq->sw_ring[idx], s, q);
			idx = igb_ring_next(idx, rxq->nb_desc);
		}
		count += rxq->nb_desc - rxq->nb_hold;
	}
	if (rxq->pkt_first != NULL) {
		struct rte_mbuf *seg = rxq->pkt_first;

		for (;;) {
			mark(f, seg, s, q);
			count++;
			if (seg == rxq->pkt_last)
				break;
			seg = seg->next;
		}
	}
	for (i = 0; i < s->nb_held; i++) {
		struct rte_mbuf *seg =
			s->held[(s->held_first + i) % RX_FUZZ_HOLD].m;

		for (; seg != NULL; seg = seg->next, count++)
			mark(f, seg, s, q);
	}
	for (i = 0; i < s->nb_drained; i++)
		mark(f, s->drained[i], s, q);
	REQUIRE(count == RX_FUZZ_POOL, "no mbuf lost or counted twice", q);
}

/* ---- the device ---------------------------------------------------------- */

/* Slots from the head up to the tail are armed with their own buffers. */
static void
check_armed(const struct rx_fuzz *f, int q)
{
	const struct rx_side *s = &f->q[q];
	const struct igb_rx_queue *rxq = s->rxq;
	uint16_t idx;

	for (idx = f->head; idx != rdt(f, s);
		idx = igb_ring_next(idx, f->nb_desc)) {
		const struct rte_mbuf *m = rxq->sw_ring[idx];

		REQUIRE(m != NULL &&
				rxq->ring[idx].read.pkt_addr ==
					rte_mbuf_data_iova_default(m) &&
				rxq->ring[idx].read.hdr_addr == 0,
			"slots up to the tail armed with their buffers", q);
	}
}

static void
put_wb(volatile union igb_rx_desc *d, const struct rx_wb *w)
{
	union igb_rx_desc v = {.wb = {.pkt_info = w->pkt_info,
				       .status_error = w->staterr,
				       .length = w->len,
				       .vlan = w->vlan}};

	d->read.pkt_addr = v.read.pkt_addr;
	d->read.hdr_addr = v.read.hdr_addr;
}

bool
rx_fuzz_write(struct rx_fuzz *f, const struct rx_wb *w)
{
	static const uint8_t macs[12] = {
		0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2};
	int q;

	for (q = 0; q < RX_FUZZ_NQ; q++)
		if (igb_ring_dist(f->head, rdt(f, &f->q[q]), f->nb_desc) == 0)
			return false;
	for (q = 0; q < RX_FUZZ_NQ; q++) {
		struct igb_rx_queue *rxq = f->q[q].rxq;
		uint8_t *data = (uint8_t *)rxq->sw_ring[f->head]->buf_addr +
			RTE_PKTMBUF_HEADROOM;

		memcpy(data, macs, sizeof(macs));
		memcpy(data + sizeof(macs), w->bytes, sizeof(w->bytes));
		put_wb(&rxq->ring[f->head], w);
	}
	f->head = igb_ring_next(f->head, f->nb_desc);
	return true;
}

void
rx_fuzz_rogue_write(struct rx_fuzz *f, uint16_t slot, const struct rx_wb *w)
{
	int q;

	for (q = 0; q < RX_FUZZ_NQ; q++)
		put_wb(&f->q[q].rxq->ring[slot], w);
	f->rogue = true;
}

/* ---- the queues ----------------------------------------------------------- */

static void
start(struct rx_fuzz *f)
{
	int q;

	f->head = 0;
	f->rogue = false;
	for (q = 0; q < RX_FUZZ_NQ; q++) {
		struct rx_side *s = &f->q[q];
		int rc = igb_rxq_start(s->rxq);

		if (rc != 0) {
			REQUIRE(rc == -ENOMEM &&
					rte_mempool_avail_count(s->mp) <
						f->nb_desc,
				"start fails only without mbufs", q);
			f->running = false;
		}
		check_ownership(f, q);
	}
}

bool
rx_fuzz_setup(struct rx_fuzz *f, const struct rx_fuzz_conf *c)
{
	struct rte_eth_rxconf conf = {.rx_free_thresh = c->free_thresh};
	/* 0: the default, at most half the ring. */
	uint16_t thresh = c->free_thresh
		? c->free_thresh
		: RTE_MIN(IGB_RX_FREE_THRESH_DEFAULT, c->nb_desc / 2);
	bool valid = c->nb_desc % IGB_RING_DESC_MULT == 0 &&
		c->nb_desc >= IGB_RING_MIN_DESC &&
		c->nb_desc <= IGB_RING_MAX_DESC && thresh < c->nb_desc;
	void *rxqs[RX_FUZZ_NQ];
	eth_rx_burst_t chosen;
	int q;

	memset(f->vlan_own, 0, sizeof(f->vlan_own));
	if (c->vlan_mode == 3)
		memset(f->vlan_own, 0xff, sizeof(f->vlan_own));
	else if (c->vlan_mode == 2)
		f->vlan_own[c->vid / 64] = UINT64_C(1) << (c->vid % 64);
	f->nb_desc = c->nb_desc;
	for (q = 0; q < RX_FUZZ_NQ; q++) {
		struct rx_side *s = &f->q[q];
		int rc = igb_rxq_create(&s->rxq, &f->m.vf_hw, s->base, PORT, q,
			c->nb_desc, SOCKET_ID_ANY, &conf, c->offloads, s->mp);

		REQUIRE(rc == (valid ? 0 : -EINVAL),
			"queue created if and only if valid", q);
		if (!valid)
			return false;
		fixture_rx_exact_rings(s->rxq, &s->own);
		s->rxq->vlan_own = c->vlan_mode ? f->vlan_own : NULL;
		rxqs[q] = s->rxq;
	}
	chosen = igb_rx_burst_select(rxqs, RX_FUZZ_NQ);
	REQUIRE(chosen ==
			(igb_rxq_simple(f->q[0].rxq) ? igb_rx_burst_sse
						     : igb_rx_burst),
		"burst function chosen by the offloads", -1);
	REQUIRE(igb_rx_burst_name(chosen) != NULL, "burst function named", -1);
	f->running = true;
	start(f);
	return true;
}

void
rx_fuzz_teardown(struct rx_fuzz *f)
{
	int q;

	for (q = 0; q < RX_FUZZ_NQ; q++) {
		struct rx_side *s = &f->q[q];

		if (s->rxq->started)
			igb_rxq_stop(s->rxq);
		check_ownership(f, q);
		while (s->nb_held > 0)
			free_oldest(s, q);
		rte_mempool_put_bulk(s->mp, (void **)s->drained, s->nb_drained);
		s->nb_drained = 0;
		REQUIRE(rte_mempool_avail_count(s->mp) == RX_FUZZ_POOL,
			"every mbuf back in the pool", q);
		fixture_rx_own_rings(s->rxq, &s->own);
		igb_rxq_release(s->rxq);
		s->rxq = NULL;
	}
	f->running = false;
}

void
rx_fuzz_restart(struct rx_fuzz *f)
{
	int q;

	for (q = 0; q < RX_FUZZ_NQ; q++) {
		igb_rxq_stop(f->q[q].rxq);
		check_ownership(f, q);
	}
	start(f);
}

void
rx_fuzz_drain(struct rx_fuzz *f, uint8_t b)
{
	int q;

	for (q = 0; q < RX_FUZZ_NQ; q++) {
		struct rx_side *s = &f->q[q];
		unsigned int k =
			RTE_MIN(16u * b, rte_mempool_avail_count(s->mp));

		if (b & 0x80) {
			rte_mempool_put_bulk(
				s->mp, (void **)s->drained, s->nb_drained);
			s->nb_drained = 0;
			continue;
		}
		/* (A ring pool refuses to hand out nothing.) */
		REQUIRE(k == 0 ||
				rte_mempool_get_bulk(s->mp,
					(void **)&s->drained[s->nb_drained],
					k) == 0,
			"pool hands out what it has", q);
		s->nb_drained += k;
	}
}

/* ---- bursts --------------------------------------------------------------- */

static bool
frames_same(const struct rte_mbuf *a, const struct rte_mbuf *b)
{
	if (a->pkt_len != b->pkt_len || a->nb_segs != b->nb_segs ||
		a->ol_flags != b->ol_flags ||
		a->packet_type != b->packet_type ||
		((a->ol_flags & RTE_MBUF_F_RX_VLAN) &&
			a->vlan_tci != b->vlan_tci) ||
		memcmp(rte_pktmbuf_mtod(a, const void *),
			rte_pktmbuf_mtod(b, const void *),
			RTE_MIN(a->data_len, FRAME_BYTES)) != 0)
		return false;
	for (; a != NULL && b != NULL; a = a->next, b = b->next)
		if (a->data_len != b->data_len || a->data_off != b->data_off)
			return false;
	return a == NULL && b == NULL;
}

static void
compare(struct rx_fuzz *f, int qa, int qb, struct rte_mbuf **pa,
	struct rte_mbuf **pb, uint16_t na, uint16_t nb, bool strict)
{
	const struct igb_rx_queue *a = f->q[qa].rxq, *b = f->q[qb].rxq;
	uint16_t i;

	REQUIRE(na == nb, "the same number of frames", qb);
	for (i = 0; i < na; i++)
		REQUIRE(frames_same(pa[i], pb[i]), "the same frames", qb);
	REQUIRE(a->next == b->next && a->stats.packets == b->stats.packets &&
			a->stats.bytes == b->stats.bytes &&
			a->stats.errors == b->stats.errors &&
			(a->pkt_first == NULL) == (b->pkt_first == NULL),
		"the same descriptors consumed", qb);
	if (strict)
		REQUIRE(a->refill == b->refill && a->nb_hold == b->nb_hold &&
				a->pkt_bad == b->pkt_bad &&
				a->stats.nombuf == b->stats.nombuf &&
				rdt(f, &f->q[qa]) == rdt(f, &f->q[qb]),
			"the same refills", qb);
}

void
rx_fuzz_burst(struct rx_fuzz *f, uint16_t n)
{
	struct rte_mbuf **pkts[RX_FUZZ_NQ];
	uint16_t got[RX_FUZZ_NQ];
	int q;

	for (q = 0; q < RX_FUZZ_NQ; q++) {
		struct rx_side *s = &f->q[q];
		uint16_t i;

		/* Exactly n entries: ASan sees a write past them. */
		pkts[q] = malloc(sizeof(*pkts[q]) * (n ? n : 1));
		REQUIRE(pkts[q] != NULL, "burst array allocated", q);
		got[q] = burst_fn[q](s->rxq, pkts[q], n);
		REQUIRE(got[q] <= n, "no more frames than asked", q);
		for (i = 0; i < got[q]; i++)
			check_frame(s, q, pkts[q][i]);
		REQUIRE(igb_rx_queue_count(s->rxq) <=
				(uint32_t)(f->nb_desc - s->rxq->nb_hold),
			"queue count within the slots holding buffers", q);
	}
	compare(f, 1, 2, pkts[1], pkts[2], got[1], got[2], true);
	if (!f->rogue)
		compare(f, 1, 0, pkts[1], pkts[0], got[1], got[0], false);
	for (q = 0; q < RX_FUZZ_NQ; q++) {
		uint16_t i;

		for (i = 0; i < got[q]; i++)
			hold(&f->q[q], q, pkts[q][i]);
		free(pkts[q]);
		check_ownership(f, q);
		if (!f->rogue)
			check_armed(f, q);
	}
}
