/* SPDX-License-Identifier: BSD-3-Clause */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>

#include "perf_run.h"

#define POOL_SIZE 8191
#define POOL_CACHE 256

const char *const perf_kind_name[KIND_COUNT] = {"rx", "tx", "fwd"};

int
perf_run_init(struct perf_run *r, const struct perf_opts *o,
	const struct perf_driver *drv, const struct perf_frame *frame,
	uint64_t tsc_overhead)
{
	char name[RTE_MEMPOOL_NAMESIZE];

	*r = (struct perf_run){
		.o = o, .drv = drv, .tsc_overhead = tsc_overhead};
	snprintf(name, sizeof(name), "perf_%s", drv->name);
	r->mp = rte_pktmbuf_pool_create(name, POOL_SIZE, POOL_CACHE, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
	if (r->mp == NULL) {
		printf("igb-perf: %s: no memory for the mempool\n", drv->name);
		return -1;
	}
	if (nic_model_init(&r->nm, drv->name, drv->rx_base, drv->tx_base,
		    frame) != 0) {
		printf("igb-perf: %s: no memory for the BAR\n", drv->name);
		rte_mempool_free(r->mp);
		r->mp = NULL;
		return -1;
	}
	if (drv->open != NULL && drv->open(r) != 0) {
		perf_run_fini(r);
		return -1;
	}
	return 0;
}

void
perf_run_fini(struct perf_run *r)
{
	if (r->mp == NULL)
		return;
	if (r->drv->close != NULL)
		r->drv->close(r);
	nic_model_fini(&r->nm);
	rte_mempool_free(r->mp);
	r->mp = NULL;
}

static void
add_window(struct perf_run *r, int dir, uint64_t t0, uint64_t t1, uint16_t pkts)
{
	struct perf_meter *m = &r->meter[dir];
	uint64_t d = t1 - t0;

	if (d > PERF_PREEMPT_CYCLES) {
		m->dropped++;
		return;
	}
	m->cycles += d > r->tsc_overhead ? d - r->tsc_overhead : 0;
	m->pkts += pkts;
}

/* The application's end: a received frame is exactly what the NIC
 * model put in the ring, described as the driver reports that frame. */
static bool
check_rx(struct perf_run *r, struct rte_mbuf **pkts, uint16_t n)
{
	const struct perf_driver *d = r->drv;
	char who[48];
	uint16_t i;

	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];

		if (m->nb_segs != 1 || m->next != NULL ||
			m->pkt_len != m->data_len) {
			printf("FAIL %s app rx: frame %u: %u segments, pkt_len "
			       "%u, data_len %u; expected one segment\n",
				d->name, r->app_rx_seq, m->nb_segs, m->pkt_len,
				m->data_len);
			return false;
		}
		if (m->packet_type != d->rx_ptype ||
			(m->ol_flags & d->rx_ol_mask) != d->rx_ol_want) {
			printf("FAIL %s app rx: frame %u: ptype 0x%x ol_flags "
			       "0x%" PRIx64 ", expected 0x%x and 0x%" PRIx64
			       " under 0x%" PRIx64 "\n",
				d->name, r->app_rx_seq, m->packet_type,
				m->ol_flags, d->rx_ptype, d->rx_ol_want,
				d->rx_ol_mask);
			return false;
		}
		snprintf(who, sizeof(who), "%s app rx", d->name);
		if (!perf_frame_check(r->nm.frame, rte_pktmbuf_mtod(m, void *),
			    m->data_len, r->app_rx_seq, who))
			return false;
		r->app_rx_seq++;
	}
	return true;
}

/* One timed Rx burst of up to r->o->burst frames the NIC model delivered
 * (at most up to target), checked: the count, or -1. */
static int
timed_rx(struct perf_run *r, struct rte_mbuf **burst, uint32_t target)
{
	uint64_t t0, t1;
	uint16_t n;

	if (nic_rx_deliver(&r->nm, target - r->nm.rx_seq) < 0)
		return -1;
	t0 = rte_rdtsc();
	n = r->rx_burst(r->rxq, burst, r->o->burst);
	t1 = rte_rdtsc();
	add_window(r, 0, t0, t1, n);
	r->rx_returned += n;
	if (!check_rx(r, burst, n)) {
		rte_pktmbuf_free_bulk(burst, n);
		return -1;
	}
	return n;
}

/* One timed Tx burst of k frames; the NIC model sends them and writes
 * DD back. The driver must take them all: 0, or -1. */
static int
timed_tx(struct perf_run *r, struct rte_mbuf **burst, uint16_t k)
{
	uint64_t t0, t1;
	uint16_t n;

	t0 = rte_rdtsc();
	n = r->tx_burst(r->txq, burst, k);
	t1 = rte_rdtsc();
	add_window(r, 1, t0, t1, n);
	r->tx_returned += n;
	if (n != k) {
		printf("FAIL %s driver tx: took %u of %u frames with the "
		       "ring drained by the NIC\n",
			r->drv->name, n, k);
		rte_pktmbuf_free_bulk(burst + n, k - n);
		return -1;
	}
	return nic_tx_complete(&r->nm) == k ? 0 : -1;
}

static int
rep_rx(struct perf_run *r, uint64_t pkts)
{
	struct rte_mbuf *burst[MAX_BURST];
	uint64_t got = 0;
	uint32_t target = r->nm.rx_seq + pkts;

	while (got < pkts) {
		int n = timed_rx(r, burst, target);

		if (n < 0)
			return -1;
		if (r->o->fault == FAULT_LEAK && !r->leaked && n > 0) {
			r->leaked = true;
			rte_pktmbuf_free_bulk(burst + 1, n - 1);
		} else {
			rte_pktmbuf_free_bulk(burst, n);
		}
		got += n;
	}
	return 0;
}

/* Tx: the application builds each burst, the driver queues it, the NIC
 * model sends it and writes DD back. */
static int
rep_tx(struct perf_run *r, uint64_t pkts)
{
	struct rte_mbuf *burst[MAX_BURST];
	uint64_t sent = 0;

	while (sent < pkts) {
		uint16_t k = RTE_MIN((uint64_t)r->o->burst, pkts - sent);
		uint16_t i;

		if (rte_pktmbuf_alloc_bulk(r->mp, burst, k) != 0) {
			printf("FAIL %s app tx: mempool empty (%u free)\n",
				r->drv->name, rte_mempool_avail_count(r->mp));
			return -1;
		}
		for (i = 0; i < k; i++) {
			uint32_t seq = r->app_tx_seq++;

			if (r->o->fault == FAULT_TX_SEQ && seq == FAULT_SEQ)
				seq++;
			perf_frame_write(r->nm.frame,
				rte_pktmbuf_mtod(burst[i], void *), seq);
			burst[i]->data_len = r->nm.frame->len;
			burst[i]->pkt_len = r->nm.frame->len;
		}
		if (timed_tx(r, burst, k) < 0)
			return -1;
		sent += k;
	}
	return 0;
}

/* Forwarding: what the driver receives goes straight back out. */
static int
rep_fwd(struct perf_run *r, uint64_t pkts)
{
	struct rte_mbuf *burst[MAX_BURST];
	uint64_t done = 0;
	uint32_t target = r->nm.rx_seq + pkts;

	while (done < pkts) {
		int n = timed_rx(r, burst, target);

		if (n < 0)
			return -1;
		if (n > 0 && timed_tx(r, burst, (uint16_t)n) < 0)
			return -1;
		done += (uint64_t)n;
	}
	return 0;
}

int
perf_run_rep(struct perf_run *r, enum perf_kind kind, uint64_t pkts)
{
	static int (*const rep_fn[KIND_COUNT])(struct perf_run *, uint64_t) = {
		rep_rx, rep_tx, rep_fwd};

	memset(r->meter, 0, sizeof(r->meter));
	return rep_fn[kind](r, pkts);
}

int
perf_run_begin(struct perf_run *r, enum perf_kind kind)
{
	r->pool_before = rte_mempool_avail_count(r->mp);
	nic_model_reset(&r->nm);
	if (r->o->fault == FAULT_RX_LEN)
		r->nm.bad_len_seq = FAULT_SEQ;
	if (r->o->fault == FAULT_RX_CKSUM)
		r->nm.bad_cksum_seq = FAULT_SEQ;
	r->app_rx_seq = 0;
	r->app_tx_seq = 0;
	r->rx_returned = 0;
	r->tx_returned = 0;
	r->rxq = NULL;
	r->txq = NULL;
	if (r->drv->up(r, kind != KIND_TX, kind != KIND_RX) != 0)
		return -1;
	if (r->o->warmup > 0 && perf_run_rep(r, kind, r->o->warmup) != 0)
		return -1;
	return 0;
}

/* What the driver's calls returned, and its own counters if it keeps
 * them, against the frames the case moved. */
static bool
check_counts(struct perf_run *r, bool rx, uint64_t total, uint64_t pkts,
	uint64_t bytes)
{
	const char *dir = rx ? "rx" : "tx";
	uint64_t returned = rx ? r->rx_returned : r->tx_returned;
	uint64_t want_bytes = total * r->nm.frame->len;
	bool ok = true;

	if (returned != total) {
		printf("FAIL %s %s calls: returned %" PRIu64
		       " frames in all, expected %" PRIu64 "\n",
			r->drv->name, dir, returned, total);
		ok = false;
	}
	if (r->drv->stats != NULL && (pkts != total || bytes != want_bytes)) {
		printf("FAIL %s %s stats: %" PRIu64 " packets %" PRIu64
		       " bytes, expected %" PRIu64 " and %" PRIu64 "\n",
			r->drv->name, dir, pkts, bytes, total, want_bytes);
		ok = false;
	}
	return ok;
}

int
perf_run_end(
	struct perf_run *r, enum perf_kind kind, uint64_t total, bool checked)
{
	uint64_t pkts[2] = {0, 0}, bytes[2] = {0, 0};
	unsigned int pool_after;
	bool ok = true;

	if (r->drv->stats != NULL) {
		if (r->rxq != NULL)
			r->drv->stats(r, true, &pkts[0], &bytes[0]);
		if (r->txq != NULL)
			r->drv->stats(r, false, &pkts[1], &bytes[1]);
	}
	r->drv->down(r);
	r->rxq = NULL;
	r->txq = NULL;
	if (!checked)
		return -1;
	if (kind != KIND_TX &&
		(r->app_rx_seq != total || r->nm.rx_seq != total ||
			!check_counts(r, true, total, pkts[0], bytes[0]))) {
		printf("FAIL %s totals: received %u frames, NIC delivered %u, "
		       "expected %" PRIu64 "\n",
			r->drv->name, r->app_rx_seq, r->nm.rx_seq, total);
		ok = false;
	}
	if (kind != KIND_RX &&
		(r->nm.tx_seq != total ||
			!check_counts(r, false, total, pkts[1], bytes[1]))) {
		printf("FAIL %s totals: NIC sent %u frames, expected %" PRIu64
		       "\n",
			r->drv->name, r->nm.tx_seq, total);
		ok = false;
	}
	pool_after = rte_mempool_avail_count(r->mp);
	if (pool_after != r->pool_before) {
		printf("FAIL %s mbufs: %u free before the case, %u after\n",
			r->drv->name, r->pool_before, pool_after);
		ok = false;
	}
	return ok ? 0 : -1;
}
