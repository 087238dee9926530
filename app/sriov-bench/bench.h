/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_BENCH_H
#define SRIOV_BENCH_BENCH_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_mbuf.h>

#include "options.h"
#include "percentile.h"
#include "pkt_build.h"
#include "probe.h"
#include "result.h"
#include "series.h"

struct bench_run;

/* What one polling lcore does: queue indexes on the run's ports. */
struct bench_lcore {
	struct lcore_counters st; /* first: written on every poll */
	struct bench_run *run;
	unsigned int lcore_id;
	bool is_control; /* the main lcore: also runs control ticks */
	unsigned int nb_queues;
	uint16_t *queues;
	/* tx, lat: packets to send; rx, fwd: packets to receive; UINT64_MAX
	 * for no limit */
	uint64_t quota;
	uint64_t rate; /* tx, lat: this lcore's share; 0: no limit */
	uint64_t seq; /* generator state: next sequence number */
	uint32_t seq_step; /* lcores: their numbers interleave */
	uint32_t size_idx;
	uint32_t flow_idx;
	uint64_t t_start; /* TSC at loop start */
	uint64_t t_stop; /* TSC when sending or polling ended */
	struct sample_set lat;
	uint64_t intr_sleeps; /* --rx-intr: epoll waits */
	uint64_t intr_wakes; /* of which ended by an interrupt */
	uint32_t finished; /* set (release) when the loop has returned */
} __rte_cache_aligned;

struct bench_run {
	const struct bench_opts *o;
	struct rte_mempool *pool; /* generated frames */
	/* Rx rings; lat: a pool of its own, so a buffer a driver fills
	 * without receiving anything (net_null) never holds a probe */
	struct rte_mempool *rx_pool;
	struct probe_table probes; /* lat */
	struct pkt_template tmpl;
	uint64_t hz;
	uint32_t stop; /* atomic: main lcore or signal asks to end */
	uint32_t interrupted; /* atomic: ended by a signal */
	uint32_t failed; /* atomic: an lcore could not run (message printed) */
	unsigned int nb_lcores;
	struct bench_lcore *lcores;
	unsigned int nb_ports;
	uint16_t ports[RESULT_MAX_PORTS];
	uint64_t start_tsc;
	uint64_t next_tick; /* TSC of the next control tick */
	uint64_t next_progress;
	uint64_t deadline; /* 0: none */
	double last_progress_s;
	struct lcore_counters last;
	uint64_t last_drops;
	uint64_t last_nombuf;
	struct series series; /* --plot: port counters once a second */
};

static inline void
counter_add(uint64_t *c, uint64_t n)
{
	/* Single writer: a relaxed load and store, no locked instruction,
	 * and the main lcore never sees a torn value. */
	__atomic_store_n(c, *c + n, __ATOMIC_RELAXED);
}

static inline bool
bench_stopping(const struct bench_run *run)
{
	return __atomic_load_n(&run->stop, __ATOMIC_RELAXED) != 0;
}

/*
 * Control duties of the main lcore: end of duration or count, progress
 * once a second. control_tick runs every millisecond, from the datapath
 * when the main lcore polls too.
 */
void control_start(struct bench_run *run, uint64_t now);
void control_tick(struct bench_run *run, uint64_t now);
void control_stop(struct bench_run *run);
/* After the last lcore has returned: the last --plot sample. */
void control_finish(struct bench_run *run, uint64_t now);

static inline bool
lcore_should_stop(struct bench_lcore *lc, uint64_t now)
{
	if (lc->is_control && now >= lc->run->next_tick)
		control_tick(lc->run, now);
	return bench_stopping(lc->run);
}

/* Build up to n generated packets; returns n, or 0 if the pool is dry. */
uint16_t gen_build(struct bench_lcore *lc, struct rte_mbuf **pkts, uint16_t n,
	uint16_t *sizes);

/* Sum of frame sizes (with FCS) of received packets. */
static inline uint64_t
frames_bytes(struct rte_mbuf **pkts, uint16_t n)
{
	uint64_t bytes = 0;
	uint16_t i;

	for (i = 0; i < n; i++)
		bytes += rte_pktmbuf_pkt_len(pkts[i]) + PKT_FCS_LEN;
	return bytes;
}

/* --rx-intr (rx_intr.c): register the lcore's queues of port with its
 * epoll (-1: run stopped and failed); arm the queues of the ports, sleep
 * until a frame or a timeout, disarm; one line per lcore of counts. */
int rx_intr_register(struct bench_lcore *lc, uint16_t port);
void rx_intr_sleep(
	struct bench_lcore *lc, const uint16_t *ports, unsigned int nb);
void rx_intr_report(FILE *f, const struct bench_run *run);

/* Polling loops, one per mode; each returns when the run ends. */
void tx_gen_loop(struct bench_lcore *lc);
void rx_sink_loop(struct bench_lcore *lc);
void fwd_loop(struct bench_lcore *lc);
void latency_loop(struct bench_lcore *lc);

#endif
