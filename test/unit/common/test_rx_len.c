/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rx descriptors whose written-back length exceeds the queue's buffer (a
 * device or emulator bug, or SRRCTL set larger than the mbufs): the frame
 * is dropped and counted as an error by both burst functions, whether the
 * bad length is in a frame's only, first or middle buffer, and across
 * bursts; no mbuf handed to the application claims more than its buffer.
 * Needs EAL (no hugepages, no PCI) for the mempool.
 */
#include <stdbool.h>

#include <rte_eal.h>

#include "igb_check.h"
#include "igb_model.h"
#include "igb_rxtx.h"
#include "rxtx_fixture.h"

#define RXQ IGB_VF_RXQ_BASE(0)
#define NDESC 64

static struct igb_model m;

/* Every segment of every returned frame fits its buffer. */
static bool
all_fit(struct rte_mbuf **pkts, uint16_t n, uint16_t buf_len)
{
	const struct rte_mbuf *s;
	uint16_t i;

	for (i = 0; i < n; i++)
		for (s = pkts[i]; s != NULL; s = s->next)
			if (s->data_len > buf_len)
				return false;
	return true;
}

static const char *path; /* burst function under test */

static void
check_path(const char *text, uint64_t expected, uint64_t seen)
{
	char what[128];

	snprintf(what, sizeof(what), "%s: %s", path, text);
	CHECK_EQ(what, expected, seen);
}

static void
test_overlong(struct rte_mempool *mp, eth_rx_burst_t burst)
{
	struct rte_eth_rxconf conf = {.rx_free_thresh = 16};
	unsigned int avail0 = rte_mempool_avail_count(mp);
	struct rte_mbuf *pkts[32];
	struct igb_rx_queue *q;
	uint16_t n, idx = 0, bl;

	if (igb_rxq_create(&q, &m.vf_hw, RXQ, 0, 0, NDESC, SOCKET_ID_ANY, &conf,
		    0, mp) != 0 ||
		igb_rxq_start(q) != 0) {
		CHECK("Rx queue up", false);
		return;
	}
	bl = q->buf_len;
	check_path("buffer length (2 KiB mbufs)", 2048, bl);

	/* One-buffer frames: good, one byte too long, 64 KiB - 1, good. */
	nic_rx(q, idx++, 60, IGB_RXD_STAT_EOP, 0);
	nic_rx(q, idx++, bl + 1, IGB_RXD_STAT_EOP, 0);
	nic_rx(q, idx++, UINT16_MAX, IGB_RXD_STAT_EOP, 0);
	nic_rx(q, idx++, bl, IGB_RXD_STAT_EOP, 0);
	n = burst(q, pkts, 32);
	check_path("overlong one-buffer frames dropped", 2, n);
	check_path("frame before them", 60, n > 0 ? pkts[0]->pkt_len : 0);
	check_path("full-buffer frame after them", bl,
		n > 1 ? pkts[1]->pkt_len : 0);
	check_path("returned buffers within their length", 1,
		all_fit(pkts, n, bl));
	check_path("counted as Rx errors", 2, q->stats.errors);
	check_path("good frames counted", 2, q->stats.packets);
	rte_pktmbuf_free_bulk(pkts, n);

	/* Overlong first, then middle buffer of scattered frames. */
	nic_rx(q, idx++, bl + 100, 0, 0);
	nic_rx(q, idx++, 100, IGB_RXD_STAT_EOP, 0);
	nic_rx(q, idx++, bl, 0, 0);
	nic_rx(q, idx++, 4 * bl, 0, 0);
	nic_rx(q, idx++, 100, IGB_RXD_STAT_EOP, 0);
	nic_rx(q, idx++, 70, IGB_RXD_STAT_EOP, 0);
	n = burst(q, pkts, 32);
	check_path("scattered frames with an overlong buffer dropped", 1, n);
	check_path("the frame after them", 70, n > 0 ? pkts[0]->pkt_len : 0);
	check_path("two more errors", 4, q->stats.errors);
	rte_pktmbuf_free_bulk(pkts, n);

	/* The overlong buffer in one burst, the frame's end in the next. */
	nic_rx(q, idx++, bl, 0, 0);
	nic_rx(q, idx++, bl + 1, 0, 0);
	n = burst(q, pkts, 32);
	check_path("incomplete frame not returned", 0, n);
	nic_rx(q, idx++, 100, IGB_RXD_STAT_EOP, 0);
	nic_rx(q, idx++, 80, IGB_RXD_STAT_EOP, 0);
	n = burst(q, pkts, 32);
	check_path("frame completed in the next burst dropped", 1, n);
	check_path("and the frame after it kept", 80,
		n > 0 ? pkts[0]->pkt_len : 0);
	check_path("one more error", 5, q->stats.errors);
	rte_pktmbuf_free_bulk(pkts, n);

	igb_rxq_stop(q);
	igb_rxq_release(q);
	check_path("every mbuf back", avail0, rte_mempool_avail_count(mp));
}

int
main(void)
{
	struct rte_mempool *mp;

	model_init(&m);
	mp = fixture_pool("rx_len_test", 255);
	if (mp == NULL)
		return check_exit();
	path = "full";
	test_overlong(mp, igb_rx_burst);
	path = "simple";
	test_overlong(mp, igb_rx_burst_simple);
	rte_eal_cleanup();
	return check_exit();
}
