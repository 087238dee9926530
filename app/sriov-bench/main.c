/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sriov-bench: traffic benchmark for any ethdev port. Tx-only generator,
 * Rx-only sink, forwarder and round-trip latency, with a live progress
 * line, a summary table and an optional JSON report.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>

#include "out_file.h"
#include "plot.h"
#include "port.h"
#include "report.h"
#include "run.h"

#define EXIT_USAGE 2
#define POOL_CACHE 256

static struct bench_run *signal_run;

/* First SIGINT/SIGTERM ends the run with a summary; the handler resets
 * itself so a second one kills the process. */
static void
on_signal(int sig)
{
	RTE_SET_USED(sig);
	__atomic_store_n(&signal_run->interrupted, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&signal_run->stop, 1, __ATOMIC_RELAXED);
}

static void
signals_install(struct bench_run *run)
{
	struct sigaction sa;

	signal_run = run;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static struct rte_mempool *
pool_create(const struct bench_run *run, const char *name, char *err,
	size_t err_len)
{
	const struct bench_opts *o = run->o;
	uint16_t room = port_data_room(o);
	uint32_t n = o->mbufs;
	struct rte_mempool *mp;

	if (n == 0)
		n = run->nb_ports * o->queues * (o->rxd + o->txd) +
			run->nb_lcores * (2 * o->burst + POOL_CACHE) +
			run->nb_ports * o->queues * o->tx_first + 1024;
	mp = rte_pktmbuf_pool_create(
		name, n, POOL_CACHE, 0, room, rte_socket_id());
	if (mp == NULL)
		snprintf(err, err_len,
			"cannot create a pool of %u mbufs of %u bytes: %s "
			"(give EAL more memory with -m, or lower --mbufs, "
			"--rxd, --txd, --queues)",
			n, room, rte_strerror(rte_errno));
	return mp;
}

/* Addresses the generated frames carry (see --src-mac/--dst-mac). */
static void
template_init(struct bench_run *run)
{
	const struct bench_opts *o = run->o;
	struct pkt_template *t = &run->tmpl;
	struct rte_ether_addr a;

	if (o->src_mac_set) {
		memcpy(t->src_mac, o->src_mac.addr_bytes, sizeof(t->src_mac));
	} else {
		rte_eth_macaddr_get(o->port, &a);
		memcpy(t->src_mac, a.addr_bytes, sizeof(t->src_mac));
	}
	if (o->dst_mac_set) {
		memcpy(t->dst_mac, o->dst_mac.addr_bytes, sizeof(t->dst_mac));
	} else if (o->mode == BENCH_MODE_TX) {
		memset(t->dst_mac, 0xff, sizeof(t->dst_mac));
	} else {
		rte_eth_macaddr_get(o->peer_port, &a);
		memcpy(t->dst_mac, a.addr_bytes, sizeof(t->dst_mac));
	}
	t->src_ip = o->src_ip;
	t->dst_ip = o->dst_ip;
	t->sport = o->sport;
	t->dport = o->dport;
	t->nonce = run->probes.nonce;
}

static void
print_start(const struct bench_run *run)
{
	const struct bench_opts *o = run->o;
	char name[RTE_ETH_NAME_MAX_LEN];
	unsigned int i;

	port_name(o->port, name);
	printf("sriov-bench: %s on port %u (%s)", bench_mode_name(o->mode),
		o->port, name);
	if (o->peer_port != o->port) {
		port_name(o->peer_port, name);
		printf(" and port %u (%s)", o->peer_port, name);
	}
	printf(", %u queue%s, lcore%s", o->queues, o->queues == 1 ? "" : "s",
		run->nb_lcores == 1 ? "" : "s");
	for (i = 0; i < run->nb_lcores; i++)
		printf(" %u", run->lcores[i].lcore_id);
	if (o->duration > 0)
		printf(", %g s", o->duration);
	if (o->count != 0)
		printf(", %" PRIu64 " packets", o->count);
	printf("\n");
	fflush(stdout);
}

struct json_job {
	const struct bench_opts *o;
	const struct bench_result *r;
};

static int
json_emit(FILE *f, void *arg)
{
	const struct json_job *j = arg;

	return report_json(f, j->o, j->r);
}

/* The report files, opened before the run. */
struct bench_out {
	struct out_file json;
	struct out_file plot;
};

/* Set up, run, report into the opened files. Returns the exit code. */
static int
bench_main(struct bench_run *run, struct bench_out *out)
{
	const struct bench_opts *o = run->o;
	struct port_counters start[RESULT_MAX_PORTS];
	struct lcore_result *lres = NULL;
	unsigned int nb_started = 0, i;
	struct sample_set lat = {0};
	struct bench_result r;
	char err[1024];
	int rc = EXIT_FAILURE;

	if (port_check(o, err, sizeof(err)) != 0)
		goto out;
	run->nb_ports = port_list(o, run->ports);
	if (run_plan(run, err, sizeof(err)) != 0)
		goto out;
	run->pool = pool_create(run, "sriov_bench", err, sizeof(err));
	if (run->pool == NULL)
		goto out;
	run->rx_pool = o->mode == BENCH_MODE_LAT
		? pool_create(run, "sriov_bench_rx", err, sizeof(err))
		: run->pool;
	if (run->rx_pool == NULL)
		goto out;
	for (i = 0; i < run->nb_ports; i++, nb_started++)
		if (port_setup(o, run->ports[i], run->rx_pool, err,
			    sizeof(err)) != 0)
			goto out;
	template_init(run);
	for (i = 0; i < run->nb_ports; i++)
		port_counters_read(run->ports[i], &start[i]);
	lres = calloc(run->nb_lcores, sizeof(*lres));
	if (lres == NULL) {
		snprintf(err, sizeof(err), "out of memory");
		goto out;
	}

	/* Handler first: once the start line is out, SIGINT is handled. */
	signals_install(run);
	print_start(run);
	run_execute(run);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);

	if (run_collect(run, start, &r, lres, &lat) != 0) {
		snprintf(err, sizeof(err), "out of memory for latency samples");
		goto out;
	}
	if (__atomic_load_n(&run->failed, __ATOMIC_RELAXED) != 0) {
		snprintf(err, sizeof(err), "the run could not start");
		goto out;
	}
	report_text(stdout, o, &r);
	if (o->rx_intr)
		rx_intr_report(stdout, run);
	fflush(stdout);
	rc = EXIT_SUCCESS;
	if (out_file_write(&out->json, json_emit, &(struct json_job){o, &r}) !=
		0)
		rc = EXIT_FAILURE;
	if (plot_draw(&out->plot, o, &r, &run->series,
		    o->mode == BENCH_MODE_LAT ? &lat : NULL, run->hz) != 0)
		rc = EXIT_FAILURE;
	err[0] = '\0';
out:
	out_file_abandon(&out->json);
	out_file_abandon(&out->plot);
	if (rc != EXIT_SUCCESS && err[0] != '\0')
		fprintf(stderr, "sriov-bench: error: %s\n", err);
	for (i = 0; i < nb_started; i++)
		port_teardown(run->ports[i]);
	sample_set_free(&lat);
	free(lres);
	run_free(run);
	if (run->rx_pool != run->pool)
		rte_mempool_free(run->rx_pool);
	rte_mempool_free(run->pool);
	return rc;
}

/*
 * Before the run: a report that cannot be written, or a plot without
 * gnuplot, is known now rather than after the benchmark.
 */
static int
out_open(const struct bench_opts *o, struct bench_out *out, char *err,
	size_t err_len)
{
	out->plot.fd = -1;
	if (out_file_open(&out->json, "json", o->json_path, err, err_len) != 0)
		return -1;
	if ((o->plot_path != NULL && plot_check(err, err_len) != 0) ||
		out_file_open(&out->plot, "plot", o->plot_path, err, err_len) !=
			0) {
		out_file_abandon(&out->json);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct bench_opts o;
	struct bench_run run;
	struct bench_out out;
	char err[512];
	int ret, rc;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "sriov-bench: error: EAL init failed: %s\n",
			rte_strerror(rte_errno));
		return EXIT_FAILURE;
	}
	argc -= ret;
	argv += ret;
	ret = bench_opts_parse(&o, argc, argv, err, sizeof(err));
	if (ret == 1) {
		bench_opts_usage("sriov-bench");
		rc = EXIT_SUCCESS;
	} else if (ret < 0) {
		fprintf(stderr, "sriov-bench: error: %s (see --help)\n", err);
		rc = EXIT_USAGE;
	} else if (out_open(&o, &out, err, sizeof(err)) != 0) {
		fprintf(stderr, "sriov-bench: error: %s\n", err);
		rc = EXIT_FAILURE;
	} else {
		memset(&run, 0, sizeof(run));
		run.o = &o;
		run.hz = rte_get_tsc_hz();
		rc = bench_main(&run, &out);
	}
	rte_eal_cleanup();
	return rc;
}
