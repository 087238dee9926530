/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igb-perf: cost per packet of the shared Rx/Tx burst code, without a
 * device. The queues run over rings in host memory; nic_model plays the
 * 82576 between bursts. Only the driver calls are timed (rte_rdtsc around
 * igb_rx_burst/igb_tx_burst, minus the cost of the timer reads); every
 * frame is checked at both ends and the mempool must be whole afterwards,
 * otherwise the exit status is 1.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "app_parse.h"
#include "igb_rxtx.h"
#include "nic_model.h"
#include "perf_frame.h"

#define MAX_BURST 256
#define MAX_REPS 64
#define POOL_SIZE 8191
#define POOL_CACHE 256
#define FCS_LEN 4
/* A timed window this long means the thread lost its CPU (100 us at
 * 2.5 GHz; the longest honest window, a Tx burst that reaps a full
 * 512-slot ring, runs about 40,000 instructions). */
#define PREEMPT_CYCLES 250000
#define RX_PTYPE (RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP)
#define RX_CKSUM_GOOD \
	(RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD)
#define RX_CKSUM_MASK \
	(RTE_MBUF_F_RX_IP_CKSUM_MASK | RTE_MBUF_F_RX_L4_CKSUM_MASK)

enum perf_kind { KIND_RX, KIND_TX, KIND_FWD, KIND_COUNT };

/* Faults a run can be told to make, to show that the checks catch them. */
enum perf_fault { FAULT_NONE, FAULT_RX_LEN, FAULT_TX_SEQ, FAULT_LEAK };

#define FAULT_SEQ 1000 /* the frame that goes wrong */

static const char *const kind_name[KIND_COUNT] = {"rx", "tx", "fwd"};

struct perf_opts {
	bool kind[KIND_COUNT];
	bool wire[2]; /* 64 B, 1518 B */
	uint16_t burst;
	uint16_t ring;
	uint64_t pkts; /* per repetition */
	uint64_t warmup;
	unsigned int reps;
	enum perf_fault fault;
	bool full; /* the full burst functions, whatever the offloads */
	bool fast_free; /* Tx queues with RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE */
};

static const uint16_t wire_size[2] = {64, 1518};

/* Driver time of the Rx or the Tx calls. Windows cut by preemption are
 * left out, with their packets, and counted. */
struct perf_meter {
	uint64_t cycles;
	uint64_t pkts;
	uint64_t dropped;
};

/* One case in progress: the queues, the device model and the
 * application's end of the verification. */
struct perf_run {
	const struct perf_opts *o;
	struct rte_mempool *mp;
	struct nic_model nm;
	struct perf_frame frame;
	struct igb_rx_queue *rxq;
	struct igb_tx_queue *txq;
	eth_rx_burst_t rx_burst; /* as a port would select them */
	eth_tx_burst_t tx_burst;
	uint32_t app_rx_seq; /* next frame the application expects */
	uint32_t app_tx_seq; /* next frame the application sends */
	uint64_t tsc_overhead; /* one rte_rdtsc pair */
	struct perf_meter meter[2]; /* Rx, Tx calls; this repetition */
	bool leaked; /* FAULT_LEAK done */
};

static void
usage(const char *prog)
{
	printf("usage: %s [--case rx|tx|fwd|all] [--size 64|1518|all]\n"
	       "       [--burst N] [--ring N] [--pkts N] [--warmup N] "
	       "[--reps N]\n"
	       "       [--full] [--fast-free] [--inject rx-len|tx-seq|leak]\n"
	       "Runs the shared igb Rx/Tx burst code against rings in host "
	       "memory and prints\ncycles per packet spent in the driver "
	       "calls. Exit status 1: a frame or an mbuf\nwent wrong.\n"
	       "--inject makes one such fault on purpose (frame %u): a wrong "
	       "Rx write-back\nlength (rx, fwd), a wrong Tx frame (tx), one "
	       "received mbuf never freed (rx).\n"
	       "--full uses igb_rx_burst/igb_tx_burst instead of the "
	       "functions a port selects\n(the simple ones: the queues have "
	       "no offloads); --fast-free "
	       "sets\nRTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE "
	       "on the Tx queue.\n",
		prog, (unsigned int)FAULT_SEQ);
}

static int
parse_opts(int argc, char **argv, struct perf_opts *o)
{
	static const struct option longopts[] = {
		{"case", required_argument, NULL, 'c'},
		{"size", required_argument, NULL, 's'},
		{"burst", required_argument, NULL, 'b'},
		{"ring", required_argument, NULL, 'r'},
		{"pkts", required_argument, NULL, 'n'},
		{"warmup", required_argument, NULL, 'w'},
		{"reps", required_argument, NULL, 'R'},
		{"inject", required_argument, NULL, 'i'},
		{"full", no_argument, NULL, 'F'},
		{"fast-free", no_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	uint64_t v;
	int c, k, idx = 0;

	*o = (struct perf_opts){.burst = 32,
		.ring = 512,
		.pkts = 200000,
		.warmup = 20000,
		.reps = 1};
	while ((c = getopt_long(argc, argv, "h", longopts, &idx)) != -1) {
		switch (c) {
		case 'c':
			for (k = 0; k < KIND_COUNT; k++)
				if (strcmp(optarg, kind_name[k]) == 0 ||
					strcmp(optarg, "all") == 0)
					o->kind[k] = true;
			if (strcmp(optarg, "all") != 0 &&
				strcmp(optarg, "rx") != 0 &&
				strcmp(optarg, "tx") != 0 &&
				strcmp(optarg, "fwd") != 0)
				goto bad;
			break;
		case 's':
			if (strcmp(optarg, "64") == 0)
				o->wire[0] = true;
			else if (strcmp(optarg, "1518") == 0)
				o->wire[1] = true;
			else if (strcmp(optarg, "all") == 0)
				o->wire[0] = o->wire[1] = true;
			else
				goto bad;
			break;
		case 'b':
			if (app_parse_u64(optarg, false, 1, MAX_BURST, &v) != 0)
				goto bad;
			o->burst = v;
			break;
		case 'r':
			if (app_parse_u64(optarg, false, IGB_RING_MIN_DESC,
				    IGB_RING_MAX_DESC, &v) != 0 ||
				v % IGB_RING_DESC_MULT != 0)
				goto bad;
			o->ring = v;
			break;
		case 'n':
			if (app_parse_u64(
				    optarg, false, 1, UINT32_MAX / 2, &v) != 0)
				goto bad;
			o->pkts = v;
			break;
		case 'w':
			if (app_parse_u64(
				    optarg, false, 0, UINT32_MAX / 2, &v) != 0)
				goto bad;
			o->warmup = v;
			break;
		case 'R':
			if (app_parse_u64(optarg, false, 1, MAX_REPS, &v) != 0)
				goto bad;
			o->reps = v;
			break;
		case 'i':
			if (strcmp(optarg, "rx-len") == 0)
				o->fault = FAULT_RX_LEN;
			else if (strcmp(optarg, "tx-seq") == 0)
				o->fault = FAULT_TX_SEQ;
			else if (strcmp(optarg, "leak") == 0)
				o->fault = FAULT_LEAK;
			else
				goto bad;
			break;
		case 'F':
			o->full = true;
			break;
		case 'f':
			o->fast_free = true;
			break;
		case 'h':
			usage(argv[0]);
			exit(0);
		default:
			goto bad_quiet;
		}
	}
	if (optind != argc)
		goto bad_quiet;
	if (!o->kind[KIND_RX] && !o->kind[KIND_TX] && !o->kind[KIND_FWD])
		o->kind[KIND_RX] = o->kind[KIND_TX] = o->kind[KIND_FWD] = true;
	if (!o->wire[0] && !o->wire[1])
		o->wire[0] = o->wire[1] = true;
	/* A Tx ring keeps one slot empty: a burst must fit the rest. */
	if (o->burst >= o->ring) {
		printf("igb-perf: --burst %u needs a --ring above it\n",
			o->burst);
		goto bad_quiet;
	}
	return 0;
bad:
	printf("igb-perf: bad value '%s' for --%s\n", optarg,
		longopts[idx].name);
bad_quiet:
	usage(argv[0]);
	return -EINVAL;
}

/* Smallest cost of reading the TSC twice, subtracted from each window. */
static uint64_t
tsc_overhead(void)
{
	uint64_t best = UINT64_MAX;
	int i;

	for (i = 0; i < 10000; i++) {
		uint64_t t0 = rte_rdtsc();
		uint64_t t1 = rte_rdtsc();

		best = RTE_MIN(best, t1 - t0);
	}
	return best;
}

static void
add_window(struct perf_run *r, int dir, uint64_t t0, uint64_t t1, uint16_t pkts)
{
	struct perf_meter *m = &r->meter[dir];
	uint64_t d = t1 - t0;

	if (d > PREEMPT_CYCLES) {
		m->dropped++;
		return;
	}
	m->cycles += d > r->tsc_overhead ? d - r->tsc_overhead : 0;
	m->pkts += pkts;
}

/* Cycles per packet of one direction. */
static double
meter_cpp(const struct perf_meter *m)
{
	return m->pkts ? (double)m->cycles / m->pkts : 0;
}

/* The application's end: a received frame is exactly what the NIC
 * model put in the ring, described as the write-back said. */
static bool
check_rx(struct perf_run *r, struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];

		if (m->nb_segs != 1 || m->next != NULL ||
			m->pkt_len != m->data_len) {
			printf("FAIL app rx: frame %u: %u segments, pkt_len "
			       "%u, data_len %u; expected one segment\n",
				r->app_rx_seq, m->nb_segs, m->pkt_len,
				m->data_len);
			return false;
		}
		if (m->packet_type != RX_PTYPE ||
			(m->ol_flags & RX_CKSUM_MASK) != RX_CKSUM_GOOD) {
			printf("FAIL app rx: frame %u: ptype 0x%x ol_flags "
			       "0x%" PRIx64 ", expected 0x%x with good IP and "
			       "L4 checksums\n",
				r->app_rx_seq, m->packet_type, m->ol_flags,
				RX_PTYPE);
			return false;
		}
		if (!perf_frame_check(&r->frame, rte_pktmbuf_mtod(m, void *),
			    m->data_len, r->app_rx_seq, "app rx"))
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
	if (n != k) {
		printf("FAIL driver tx: took %u of %u frames with the "
		       "ring drained by the NIC\n",
			n, k);
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
			printf("FAIL app tx: mempool empty (%u free)\n",
				rte_mempool_avail_count(r->mp));
			return -1;
		}
		for (i = 0; i < k; i++) {
			uint32_t seq = r->app_tx_seq++;

			if (r->o->fault == FAULT_TX_SEQ && seq == FAULT_SEQ)
				seq++;
			perf_frame_write(&r->frame,
				rte_pktmbuf_mtod(burst[i], void *), seq);
			burst[i]->data_len = r->frame.len;
			burst[i]->pkt_len = r->frame.len;
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

static int
queues_up(struct perf_run *r, enum perf_kind kind)
{
	struct rte_eth_rxconf rxconf = {0};
	struct rte_eth_txconf txconf = {0};
	uint64_t tx_offloads =
		r->o->fast_free ? RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE : 0;
	int ret;

	if (kind != KIND_TX) {
		ret = igb_rxq_create(&r->rxq, &r->nm.hw, IGB_PF_RXQ_BASE(0), 0,
			0, r->o->ring, SOCKET_ID_ANY, &rxconf, 0, r->mp);
		if (ret == 0)
			ret = igb_rxq_start(r->rxq);
		if (ret != 0) {
			printf("FAIL setup: Rx queue: %s\n", strerror(-ret));
			return -1;
		}
		r->rx_burst = r->o->full
			? igb_rx_burst
			: igb_rx_burst_select((void **)&r->rxq, 1);
	}
	if (kind != KIND_RX) {
		ret = igb_txq_create(&r->txq, &r->nm.hw, IGB_PF_TXQ_BASE(0), 0,
			0, r->o->ring, SOCKET_ID_ANY, &txconf, tx_offloads);
		if (ret == 0)
			ret = igb_txq_start(r->txq);
		if (ret != 0) {
			printf("FAIL setup: Tx queue: %s\n", strerror(-ret));
			return -1;
		}
		r->tx_burst = r->o->full
			? igb_tx_burst
			: igb_tx_burst_select((void **)&r->txq, 1);
	}
	return 0;
}

static void
queues_down(struct perf_run *r)
{
	if (r->rxq != NULL) {
		if (r->rxq->started)
			igb_rxq_stop(r->rxq);
		igb_rxq_release(r->rxq);
		r->rxq = NULL;
	}
	if (r->txq != NULL) {
		if (r->txq->started)
			igb_txq_stop(r->txq);
		igb_txq_release(r->txq);
		r->txq = NULL;
	}
}

/* Cycles per packet of one repetition: Rx calls, Tx calls, both. */
struct perf_rep {
	double rx;
	double tx;
	double total;
};

static int
cmp_rep(const void *a, const void *b)
{
	double x = ((const struct perf_rep *)a)->total;
	double y = ((const struct perf_rep *)b)->total;

	return (x > y) - (x < y);
}

/* Both ends saw every frame once and in order, the driver counted them,
 * and all mbufs came home. */
static bool
check_totals(struct perf_run *r, enum perf_kind kind, uint64_t total,
	unsigned int pool_before)
{
	unsigned int pool_after = rte_mempool_avail_count(r->mp);
	bool ok = true;

	if (kind != KIND_TX &&
		(r->app_rx_seq != total || r->nm.rx_seq != total)) {
		printf("FAIL totals: received %u frames, NIC delivered %u, "
		       "expected %" PRIu64 "\n",
			r->app_rx_seq, r->nm.rx_seq, total);
		ok = false;
	}
	if (kind != KIND_RX && r->nm.tx_seq != total) {
		printf("FAIL totals: NIC sent %u frames, expected %" PRIu64
		       "\n",
			r->nm.tx_seq, total);
		ok = false;
	}
	if (pool_after != pool_before) {
		printf("FAIL mbufs: %u free before the case, %u after\n",
			pool_before, pool_after);
		ok = false;
	}
	return ok;
}

static int
run_case(struct perf_run *r, enum perf_kind kind, uint16_t wire)
{
	static int (*const rep_fn[KIND_COUNT])(struct perf_run *, uint64_t) = {
		rep_rx, rep_tx, rep_fwd};
	const struct perf_opts *o = r->o;
	unsigned int pool_before = rte_mempool_avail_count(r->mp);
	struct perf_rep cpp[MAX_REPS];
	uint64_t dropped = 0;
	uint64_t drv_pkts = 0, drv_bytes = 0;
	unsigned int i;
	int ret = -1;

	if (perf_frame_init(&r->frame, wire - FCS_LEN) != 0)
		return -1;
	nic_model_reset(&r->nm);
	if (o->fault == FAULT_RX_LEN)
		r->nm.bad_len_seq = FAULT_SEQ;
	r->app_rx_seq = 0;
	r->app_tx_seq = 0;
	if (queues_up(r, kind) != 0)
		goto out;
	if (o->warmup > 0 && rep_fn[kind](r, o->warmup) != 0)
		goto out;
	for (i = 0; i < o->reps; i++) {
		memset(r->meter, 0, sizeof(r->meter));
		if (rep_fn[kind](r, o->pkts) != 0)
			goto out;
		cpp[i].rx = meter_cpp(&r->meter[0]);
		cpp[i].tx = meter_cpp(&r->meter[1]);
		cpp[i].total = cpp[i].rx + cpp[i].tx;
		dropped += r->meter[0].dropped + r->meter[1].dropped;
	}
	if (r->rxq != NULL) {
		drv_pkts = r->rxq->stats.packets;
		drv_bytes = r->rxq->stats.bytes;
	} else {
		drv_pkts = r->txq->stats.packets;
		drv_bytes = r->txq->stats.bytes;
	}
	ret = 0;
out:
	queues_down(r);
	if (ret == 0) {
		uint64_t total = o->warmup + o->pkts * o->reps;
		const struct perf_rep *med;

		if (!check_totals(r, kind, total, pool_before) ||
			drv_pkts != total ||
			drv_bytes != total * r->frame.len) {
			if (drv_pkts != total ||
				drv_bytes != total * r->frame.len)
				printf("FAIL driver stats: %" PRIu64
				       " packets %" PRIu64
				       " bytes, expected %" PRIu64
				       " and %" PRIu64 "\n",
					drv_pkts, drv_bytes, total,
					total * r->frame.len);
			return -1;
		}
		qsort(cpp, o->reps, sizeof(cpp[0]), cmp_rep);
		med = &cpp[o->reps / 2];
		printf("%-4s %5u %5u %10" PRIu64 " %5u %8.1f %8.1f %8.1f "
		       "%8.1f %7" PRIu64 "\n",
			kind_name[kind], wire, o->burst, o->pkts, o->reps,
			cpp[0].total, med->total, med->rx, med->tx, dropped);
		printf("RESULT case=%s size=%u burst=%u pkts=%" PRIu64
		       " reps=%u warmup=%" PRIu64 " driver_calls_pkts=%" PRIu64
		       " cycles_min=%.1f cycles_median=%.1f rx_median=%.1f"
		       " tx_median=%.1f dropped_windows=%" PRIu64 "\n",
			kind_name[kind], wire, o->burst, o->pkts, o->reps,
			o->warmup, total, cpp[0].total, med->total, med->rx,
			med->tx, dropped);
	}
	return ret;
}

/* EAL leaves its runtime files behind; each run has a prefix of its own,
 * so it removes them. */
static void
eal_down(void)
{
	char dir[PATH_MAX];
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s", rte_eal_get_runtime_dir());
	rte_eal_cleanup();
	d = opendir(dir);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			unlinkat(dirfd(d), e->d_name, 0);
	closedir(d);
	rmdir(dir);
}

int
main(int argc, char **argv)
{
	/* A prefix of its own, so that runs may overlap. */
	char prefix[64];
	char *eal_argv[] = {argv[0], "-l", "0", "--no-huge", "--no-pci", "-m",
		"256", "--no-telemetry", "--iova-mode=va", prefix,
		"--log-level=lib.eal:warning", NULL};
	struct perf_opts o;
	struct perf_run r = {.o = &o};
	int failed = 0;
	int k, s;

	if (parse_opts(argc, argv, &o) != 0)
		return 2;
	snprintf(prefix, sizeof(prefix), "--file-prefix=igb-perf-%d",
		(int)getpid());
	if (rte_eal_init(RTE_DIM(eal_argv) - 1, eal_argv) < 0) {
		printf("igb-perf: EAL init failed (its messages are on "
		       "stderr)\n");
		return 2;
	}
	r.mp = rte_pktmbuf_pool_create("igb_perf", POOL_SIZE, POOL_CACHE, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
	if (r.mp == NULL ||
		nic_model_init(&r.nm, IGB_PF_RXQ_BASE(0), IGB_PF_TXQ_BASE(0),
			&r.frame) != 0) {
		printf("igb-perf: no memory for the mempool or the BAR\n");
		eal_down();
		return 2;
	}
	r.tsc_overhead = tsc_overhead();
	printf("igb-perf: TSC %" PRIu64 " Hz, timer read pair %" PRIu64
	       " cycles (subtracted), ring %u, warmup %" PRIu64
	       ", windows over %u cycles dropped\n",
		rte_get_tsc_hz(), r.tsc_overhead, o.ring, o.warmup,
		PREEMPT_CYCLES);
	printf("%-4s %5s %5s %10s %5s %8s %8s %8s %8s %7s\n", "case", "size",
		"burst", "pkts/rep", "reps", "cyc/pkt", "cyc/pkt", "rx", "tx",
		"dropped");
	printf("%-4s %5s %5s %10s %5s %8s %8s %8s %8s %7s\n", "", "(B)", "", "",
		"", "min", "median", "(median)", "(median)", "windows");
	for (k = 0; k < KIND_COUNT; k++)
		for (s = 0; s < 2; s++)
			if (o.kind[k] && o.wire[s] &&
				run_case(&r, k, wire_size[s]) != 0) {
				printf("FAIL case %s %u B\n", kind_name[k],
					wire_size[s]);
				failed = 1;
			}
	nic_model_fini(&r.nm);
	rte_mempool_free(r.mp);
	eal_down();
	printf("igb-perf: %s\n",
		failed ? "FAILED" : "all frames and mbufs accounted for");
	return failed;
}
