/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igb-perf: cost per packet of igb Rx/Tx burst code, without a device.
 * Each contestant (perf_driver.c: this project's burst code as a port
 * selects it, the same without vector paths, upstream DPDK's) runs its
 * queues over rings in host memory with a NIC model of its own playing
 * the 82576 between bursts. Only the driver calls are timed (rte_rdtsc
 * around each burst call, minus the cost of the timer reads); the
 * repetitions of a case interleave the contestants, in an order rotated
 * by one each time. Every frame is checked at both ends and each
 * contestant's mempool must be whole afterwards, otherwise the exit
 * status is 1.
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

#include "app_parse.h"
#include "igb_rxtx.h"
#include "perf_driver.h"
#include "perf_frame.h"
#include "perf_run.h"

#define MAX_REPS 64
#define FCS_LEN 4

static const uint16_t wire_size[2] = {64, 1518};

static void
usage(const char *prog)
{
	printf("usage: %s [--case rx|tx|fwd|all] [--size 64|1518|all]\n"
	       "       [--driver ours,ours-scalar,upstream|all] [--burst N] "
	       "[--ring N]\n"
	       "       [--pkts N] [--warmup N] [--reps N] [--full] "
	       "[--fast-free]\n"
	       "       [--inject rx-len|rx-cksum|tx-seq|leak]\n"
	       "Runs igb Rx/Tx burst code against rings in host memory and "
	       "prints cycles per\npacket spent in the driver calls, per "
	       "contestant: ours (the functions this\nproject's ports "
	       "select), ours-scalar (the same with vector paths "
	       "disallowed),\nupstream (DPDK's drivers/net/e1000/igb_rxtx.c). "
	       "Exit status 1: a frame or an\nmbuf went wrong.\n"
	       "--inject makes one such fault on purpose (frame %u): a wrong "
	       "Rx write-back\nlength or an IPv4 checksum error (rx, fwd), a "
	       "wrong Tx frame (tx), one\nreceived mbuf never freed (rx).\n"
	       "--full (ours) uses igb_rx_burst/igb_tx_burst instead of the "
	       "functions a port\nselects; --fast-free (ours; upstream has "
	       "none) sets\nRTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE on the Tx "
	       "queue.\n",
		prog, (unsigned int)FAULT_SEQ);
}

/* A comma-separated list of contestants, or "all". */
static int
parse_drivers(const char *arg, bool *drv)
{
	char list[64], *save = NULL, *name;
	int k;

	if (snprintf(list, sizeof(list), "%s", arg) >= (int)sizeof(list))
		return -EINVAL;
	for (name = strtok_r(list, ",", &save); name != NULL;
		name = strtok_r(NULL, ",", &save)) {
		for (k = 0; k < DRV_COUNT; k++)
			if (strcmp(name, "all") == 0 ||
				strcmp(name, perf_drivers[k].name) == 0)
				drv[k] = true;
		if (strcmp(name, "all") != 0) {
			for (k = 0; k < DRV_COUNT; k++)
				if (strcmp(name, perf_drivers[k].name) == 0)
					break;
			if (k == DRV_COUNT)
				return -EINVAL;
		}
	}
	return 0;
}

static int
parse_opts(int argc, char **argv, struct perf_opts *o, bool *drv)
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
		{"driver", required_argument, NULL, 'd'},
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
				if (strcmp(optarg, perf_kind_name[k]) == 0 ||
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
			else if (strcmp(optarg, "rx-cksum") == 0)
				o->fault = FAULT_RX_CKSUM;
			else if (strcmp(optarg, "tx-seq") == 0)
				o->fault = FAULT_TX_SEQ;
			else if (strcmp(optarg, "leak") == 0)
				o->fault = FAULT_LEAK;
			else
				goto bad;
			break;
		case 'd':
			if (parse_drivers(optarg, drv) != 0)
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
	for (k = 0; k < DRV_COUNT && !drv[k]; k++)
		;
	if (k == DRV_COUNT)
		for (k = 0; k < DRV_COUNT; k++)
			drv[k] = true;
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

static double
meter_cpp(const struct perf_meter *m)
{
	return m->pkts ? (double)m->cycles / m->pkts : 0;
}

/* Called after each case. run.sh --callgrind dumps the counts here
 * (--dump-after), one part per case. */
__rte_noinline void perf_case_done(void);
__rte_noinline void
perf_case_done(void)
{
	__asm__ volatile("" ::: "memory");
}

/* One contestant's figures for one case. */
struct perf_row {
	double min;
	double median;
};

static void
print_row(const struct perf_opts *o, enum perf_kind kind, uint16_t wire,
	const char *name, struct perf_rep *cpp, uint64_t dropped,
	struct perf_row *row)
{
	const struct perf_rep *med;

	qsort(cpp, o->reps, sizeof(cpp[0]), cmp_rep);
	med = &cpp[o->reps / 2];
	row->min = cpp[0].total;
	row->median = med->total;
	printf("%-4s %5u %5u %-20s %10" PRIu64 " %5u %8.1f %8.1f %8.1f "
	       "%8.1f %7" PRIu64 "\n",
		perf_kind_name[kind], wire, o->burst, name, o->pkts, o->reps,
		cpp[0].total, med->total, med->rx, med->tx, dropped);
	printf("RESULT case=%s size=%u burst=%u driver=%s pkts=%" PRIu64
	       " reps=%u warmup=%" PRIu64 " driver_calls_pkts=%" PRIu64
	       " cycles_min=%.1f cycles_median=%.1f rx_median=%.1f"
	       " tx_median=%.1f dropped_windows=%" PRIu64 "\n",
		perf_kind_name[kind], wire, o->burst, name, o->pkts, o->reps,
		o->warmup, o->warmup + o->pkts * o->reps, cpp[0].total,
		med->total, med->rx, med->tx, dropped);
}

/* Ratio rows: each of ours' contestants against upstream. */
static void
print_ratios(const struct perf_opts *o, enum perf_kind kind, uint16_t wire,
	const struct perf_run *runs, unsigned int n,
	const struct perf_row *rows)
{
	char name[48];
	unsigned int j, up;

	for (up = 0; up < n && runs[up].drv != &perf_drivers[DRV_UPSTREAM];
		up++)
		;
	if (up == n || rows[up].min <= 0 || rows[up].median <= 0)
		return;
	for (j = 0; j < n; j++) {
		if (j == up)
			continue;
		snprintf(name, sizeof(name), "%s/upstream", runs[j].drv->name);
		printf("%-4s %5u %5u %-20s %10s %5s %8.2f %8.2f %8s %8s %7s\n",
			perf_kind_name[kind], wire, o->burst, name, "ratio", "",
			rows[j].min / rows[up].min,
			rows[j].median / rows[up].median, "-", "-", "-");
	}
}

static int
run_case(struct perf_run *runs, unsigned int n, struct perf_frame *frame,
	enum perf_kind kind, uint16_t wire)
{
	const struct perf_opts *o = runs[0].o;
	static struct perf_rep cpp[DRV_COUNT][MAX_REPS];
	uint64_t dropped[DRV_COUNT] = {0};
	struct perf_row rows[DRV_COUNT];
	unsigned int i, j, began = 0;
	bool ok = true;
	int ret = 0;

	if (perf_frame_init(frame, wire - FCS_LEN) != 0)
		return -1;
	while (ok && began < n)
		ok = perf_run_begin(&runs[began++], kind) == 0;
	for (i = 0; ok && i < o->reps; i++) {
		for (j = 0; ok && j < n; j++) {
			unsigned int c = (i + j) % n;
			struct perf_run *r = &runs[c];

			ok = perf_run_rep(r, kind, o->pkts) == 0;
			cpp[c][i].rx = meter_cpp(&r->meter[0]);
			cpp[c][i].tx = meter_cpp(&r->meter[1]);
			cpp[c][i].total = cpp[c][i].rx + cpp[c][i].tx;
			dropped[c] += r->meter[0].dropped + r->meter[1].dropped;
		}
	}
	for (j = 0; j < began; j++)
		if (perf_run_end(&runs[j], kind, o->warmup + o->pkts * o->reps,
			    ok) != 0)
			ret = -1;
	if (!ok)
		ret = -1;
	if (ret == 0) {
		for (j = 0; j < n; j++)
			print_row(o, kind, wire, runs[j].drv->name, cpp[j],
				dropped[j], &rows[j]);
		print_ratios(o, kind, wire, runs, n, rows);
	}
	perf_case_done();
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
	static struct perf_run runs[DRV_COUNT];
	static struct perf_frame frame;
	bool drv[DRV_COUNT] = {false};
	struct perf_opts o;
	uint64_t overhead;
	unsigned int n = 0, j;
	int failed = 0;
	int k, s;

	if (parse_opts(argc, argv, &o, drv) != 0)
		return 2;
	snprintf(prefix, sizeof(prefix), "--file-prefix=igb-perf-%d",
		(int)getpid());
	if (rte_eal_init(RTE_DIM(eal_argv) - 1, eal_argv) < 0) {
		printf("igb-perf: EAL init failed (its messages are on "
		       "stderr)\n");
		return 2;
	}
	overhead = tsc_overhead();
	for (k = 0; k < DRV_COUNT; k++) {
		if (!drv[k])
			continue;
		if (perf_run_init(&runs[n], &o, &perf_drivers[k], &frame,
			    overhead) != 0) {
			failed = 2;
			break;
		}
		n++;
	}
	if (failed == 0) {
		printf("igb-perf: TSC %" PRIu64 " Hz, timer read pair %" PRIu64
		       " cycles (subtracted), ring %u, warmup %" PRIu64
		       ", windows over %u cycles dropped\n",
			rte_get_tsc_hz(), overhead, o.ring, o.warmup,
			PERF_PREEMPT_CYCLES);
		printf("%-4s %5s %5s %-20s %10s %5s %8s %8s %8s %8s %7s\n",
			"case", "size", "burst", "driver", "pkts/rep", "reps",
			"cyc/pkt", "cyc/pkt", "rx", "tx", "dropped");
		printf("%-4s %5s %5s %-20s %10s %5s %8s %8s %8s %8s %7s\n", "",
			"(B)", "", "", "", "", "min", "median", "(median)",
			"(median)", "windows");
	}
	for (k = 0; failed != 2 && k < KIND_COUNT; k++)
		for (s = 0; s < 2; s++)
			if (o.kind[k] && o.wire[s] &&
				run_case(runs, n, &frame, k, wire_size[s]) !=
					0) {
				printf("FAIL case %s %u B\n", perf_kind_name[k],
					wire_size[s]);
				failed = 1;
			}
	for (j = 0; j < n; j++)
		perf_run_fini(&runs[j]);
	eal_down();
	if (failed == 2)
		return 2;
	printf("igb-perf: %s\n",
		failed ? "FAILED" : "all frames and mbufs accounted for");
	return failed;
}
