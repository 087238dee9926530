/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the Rx burst functions may touch, found by the Rx fuzzer
 * (test/fuzz/fuzz_rx_paths.c): only the slots that hold a buffer, and of
 * a frame only its bytes.
 * - A burst larger than those slots: the vector function wrote whole
 *   steps of four, also mbufs past the tail that the application holds
 *   (its reference count and lengths were overwritten), with a device
 *   writing only where it may.
 * - A device setting DD on the slot behind the tail: every function went
 *   on into the slots already returned, whose DD is left from their last
 *   write-back, and returned their mbufs a second time.
 * - VLAN_STRIP and a frame shorter than a tagged header whose buffer
 *   holds a VLAN EtherType from an earlier frame: rte_vlan_strip() moved
 *   the header to NULL.
 * - A device that never sets EOP: the full function chained every
 *   buffer into one frame, as many as the pool had.
 * The rings are malloc()ed at their exact size (as in test_rxtx_vec.c).
 */
#include <string.h>

#include <rte_eal.h>
#include <rte_ether.h>
#include <rte_mbuf.h>

#include "igb_check.h"
#include "igb_model.h"
#include "igb_rxtx.h"
#include "rxtx_fixture.h"

#define NDESC 64
#define RXQ IGB_VF_RXQ_BASE(0)

static struct igb_model m;

static const struct {
	const char *name;
	eth_rx_burst_t fn;
} paths[] = {{"full", igb_rx_burst}, {"simple", igb_rx_burst_simple},
	{"vector", igb_rx_burst_sse}};

struct side {
	struct igb_rx_queue *q;
	struct fixture_rx_rings own;
};

static void
up(struct side *s, struct rte_mempool *mp, uint16_t thresh, uint64_t offloads)
{
	struct rte_eth_rxconf conf = {.rx_free_thresh = thresh};

	CHECK_EQ("Rx queue create", 0,
		igb_rxq_create(&s->q, &m.vf_hw, RXQ, 0, 0, NDESC, SOCKET_ID_ANY,
			&conf, offloads, mp));
	fixture_rx_exact_rings(s->q, &s->own);
	CHECK_EQ("Rx queue start", 0, igb_rxq_start(s->q));
}

static void
down(struct side *s)
{
	igb_rxq_stop(s->q);
	fixture_rx_own_rings(s->q, &s->own);
	igb_rxq_release(s->q);
}

/* Plain frames into slots from *idx on. */
static void
frames(struct igb_rx_queue *q, uint16_t *idx, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++) {
		nic_rx(q, *idx, 60, IGB_RXD_STAT_EOP, 0);
		*idx = (*idx + 1) % NDESC;
	}
}

/* An honest device, a burst larger than the slots holding buffers: the
 * frames the application keeps (with a second reference, as a clone
 * does) stay as they are. */
static void
test_burst_past_tail(struct rte_mempool *mp, unsigned int p)
{
	struct rte_mbuf *kept[10], *pkts[NDESC];
	struct side s;
	uint16_t idx = 0, i, n, intact = 0;

	up(&s, mp, 16, 0);
	frames(s.q, &idx, 18);
	n = paths[p].fn(s.q, pkts, 18); /* refilled: the tail at 17 */
	rte_pktmbuf_free_bulk(pkts, n);
	frames(s.q, &idx, 45);
	CHECK_EQ("10 frames kept", 10, paths[p].fn(s.q, kept, 10));
	for (i = 0; i < 10; i++)
		rte_mbuf_refcnt_update(kept[i], 1);
	frames(s.q, &idx, 18); /* up to the tail */
	n = paths[p].fn(s.q, pkts, NDESC);
	CHECK_EQ(paths[p].name, 35 + 18, n);
	for (i = 0; i < 10; i++)
		intact += rte_mbuf_refcnt_read(kept[i]) == 2 &&
			kept[i]->data_len == 60 && kept[i]->nb_segs == 1;
	CHECK_EQ("burst past the tail: kept frames not written", 10, intact);
	rte_pktmbuf_free_bulk(pkts, n);
	for (i = 0; i < 10; i++)
		rte_pktmbuf_free(kept[i]);
	rte_pktmbuf_free_bulk(kept, 10);
	down(&s);
}

/* DD on the slot behind the tail: the burst stops at the last slot
 * holding a buffer and returns no mbuf the application has. */
static void
test_dd_behind_tail(struct rte_mempool *mp, unsigned int p)
{
	struct rte_mbuf *kept[20], *pkts[NDESC];
	struct side s;
	uint16_t idx = 0, i, j, n, again = 0;

	up(&s, mp, 32, 0);
	frames(s.q, &idx, 63);
	CHECK_EQ("20 frames kept", 20, paths[p].fn(s.q, kept, 20));
	nic_rx(s.q, 63, 60, IGB_RXD_STAT_EOP, 0); /* the tail's own slot */
	n = paths[p].fn(s.q, pkts, NDESC);
	CHECK_EQ(paths[p].name, 44, n);
	for (i = 0; i < n; i++)
		for (j = 0; j < 20; j++)
			again += pkts[i] == kept[j];
	CHECK_EQ("DD behind the tail: no kept mbuf returned again", 0, again);
	rte_pktmbuf_free_bulk(pkts, n);
	rte_pktmbuf_free_bulk(kept, 20);
	down(&s);
}

/* VLAN_STRIP, frames of 0 to 18 bytes over a buffer holding a tagged
 * header: only the 18-byte one is stripped. */
static void
test_short_tagged(struct rte_mempool *mp)
{
	static const uint16_t lens[] = {0, 2, 3, 4, 17, 18};
	struct rte_mbuf *pkts[RTE_DIM(lens)];
	struct side s;
	uint16_t i, n, ok = 0;

	up(&s, mp, 16, RTE_ETH_RX_OFFLOAD_VLAN_STRIP);
	for (i = 0; i < RTE_DIM(lens); i++) {
		uint8_t *data = (uint8_t *)s.q->sw_ring[i]->buf_addr +
			RTE_PKTMBUF_HEADROOM;

		memset(data, 0, 18);
		data[12] = 0x81; /* RTE_ETHER_TYPE_VLAN, TCI 100 */
		data[15] = 100;
		nic_rx(s.q, i, lens[i], IGB_RXD_STAT_EOP, 0);
	}
	n = igb_rx_burst(s.q, pkts, RTE_DIM(lens));
	CHECK_EQ("short tagged frames received", RTE_DIM(lens), n);
	for (i = 0; i + 1 < n; i++)
		ok += pkts[i]->data_len == lens[i] && pkts[i]->ol_flags == 0;
	CHECK_EQ("shorter than a tagged header: left as it is", n - 1, ok);
	CHECK_EQ("18 bytes: stripped", 14, pkts[n - 1]->data_len);
	CHECK_EQ("18 bytes: its tag", 100, pkts[n - 1]->vlan_tci);
	rte_pktmbuf_free_bulk(pkts, n);
	down(&s);
}

/* 63 buffers without EOP, then one with it: the frame never holds more
 * buffers than the longest frame fills, and is dropped, counted. */
static void
test_chain_without_eop(struct rte_mempool *mp)
{
	struct rte_mbuf *pkts[NDESC];
	struct side s;
	unsigned int avail;
	uint16_t i, n;

	up(&s, mp, 16, RTE_ETH_RX_OFFLOAD_SCATTER);
	avail = rte_mempool_avail_count(mp);
	CHECK_EQ("2048-byte buffers: 8 of them for a 16383-byte frame", 8,
		s.q->max_segs);
	for (i = 0; i < NDESC - 1; i++)
		nic_rx(s.q, i, s.q->buf_len, 0, 0);
	n = igb_rx_burst(s.q, pkts, NDESC);
	CHECK_EQ("no frame ended", 0, n);
	CHECK("a frame is being put together", s.q->pkt_first != NULL);
	if (s.q->pkt_first != NULL)
		CHECK_EQ("its buffers: as many as the longest frame's", 8,
			s.q->pkt_first->nb_segs);
	CHECK_EQ("the pool gave only the refill beyond the ring",
		avail - s.q->max_segs, rte_mempool_avail_count(mp));
	nic_rx(s.q, NDESC - 1, 60, IGB_RXD_STAT_EOP, 0);
	n = igb_rx_burst(s.q, pkts, NDESC);
	CHECK_EQ("the over-long frame is dropped", 0, n);
	CHECK_EQ("and counted", 1, s.q->stats.errors);
	CHECK_EQ("its buffers back in the pool (one slot awaits a refill)",
		avail + 1, rte_mempool_avail_count(mp));
	CHECK_EQ("that slot", 1, s.q->nb_hold);
	down(&s);
}

int
main(void)
{
	struct rte_mempool *mp;
	unsigned int avail0, p;

	model_init(&m);
	mp = fixture_pool("rx_bounds", 511);
	if (mp == NULL)
		return check_exit();
	avail0 = rte_mempool_avail_count(mp);
	CHECK("vector paths usable on this host (x86 with SSE4.1)",
		igb_vec_usable());
	for (p = 0; p < RTE_DIM(paths); p++) {
		test_burst_past_tail(mp, p);
		test_dd_behind_tail(mp, p);
	}
	test_short_tagged(mp);
	test_chain_without_eop(mp);
	CHECK_EQ("every mbuf back", avail0, rte_mempool_avail_count(mp));
	rte_eal_cleanup();
	return check_exit();
}
