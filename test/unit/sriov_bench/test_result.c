/* SPDX-License-Identifier: BSD-3-Clause */
/* Run results: rates, loss, mbuf exhaustion, cycles per packet, latency
 * in ns, and the JSON report built from them. */
#include <stdlib.h>

#include "igb_check.h"
#include "options.h"
#include "report.h"
#include "result.h"

#define HZ 2000000000ULL /* a 2 GHz TSC */

static const unsigned int ids[2] = {1, 3};
static const unsigned int queues[2] = {2, 1};

static void
test_fwd(void)
{
	struct lcore_counters lc[2] = {
		{.rx_pkts = 1000000,
			.rx_bytes = 64000000,
			.tx_pkts = 999000,
			.tx_bytes = 63936000,
			.tx_drops = 1000,
			.alloc_fail = 5,
			.busy_cycles = 50000000,
			.loop_cycles = 100000000},
		{.rx_pkts = 0, .busy_cycles = 0, .loop_cycles = 100000000},
	};
	struct port_counters ports[2] = {
		{.port = 0, .rx_nombuf = 7},
		{.port = 1, .rx_nombuf = 3},
	};
	struct lcore_result out[2];
	struct bench_result r;

	result_compute(&r, BENCH_MODE_FWD, lc, ids, queues, 2, out, ports, 2,
		HZ, HZ, NULL);
	CHECK_DBL("1 s of 2e9 cycles", 1.0, r.elapsed_s, 1e-12);
	CHECK_DBL("rx 1 Mpps", 1.0, r.rx.mpps, 1e-12);
	CHECK_DBL("rx 64e6 bytes/s = 0.512 Gbit/s", 0.512, r.rx.gbps, 1e-12);
	CHECK_DBL("tx 0.999 Mpps", 0.999, r.tx.mpps, 1e-12);
	CHECK_EQ("fwd loss known", 1, r.loss_known);
	CHECK_EQ("fwd loss = received - sent", 1000, (uint64_t)r.loss);
	CHECK_DBL("fwd loss 0.1 %", 0.1, r.loss_pct, 1e-9);
	CHECK_EQ("tx drops summed", 1000, r.tx_drops);
	CHECK_EQ("rx_nombuf summed over ports", 10, r.rx_nombuf);
	CHECK_EQ("mbuf exhaustion = alloc failures + rx_nombuf", 15,
		r.mbuf_exhaustion);
	CHECK_DBL("lcore 1: 50e6 busy cycles / 1e6 packets", 50,
		out[0].cycles_per_pkt, 1e-12);
	CHECK_DBL("lcore 1: busy half the time", 50, out[0].busy_pct, 1e-9);
	CHECK_EQ("lcore 1: id", 1, out[0].lcore_id);
	CHECK_EQ("lcore 1: 2 queues", 2, out[0].nb_queues);
	CHECK_DBL("idle lcore: 0 cycles per packet, not a division by 0", 0,
		out[1].cycles_per_pkt, 0);
	CHECK_DBL("all lcores: 50 cycles per packet", 50, r.cycles_per_pkt,
		1e-12);
	CHECK_EQ("no latency in fwd", 0, r.has_latency);
}

static void
test_tx_and_zero_time(void)
{
	struct lcore_counters lc[1] = {
		{.tx_pkts = 300,
			.tx_bytes = 19200,
			.busy_cycles = 3000,
			.loop_cycles = 6000},
	};
	struct lcore_result out[1];
	struct bench_result r;

	result_compute(&r, BENCH_MODE_TX, lc, ids, queues, 1, out, NULL, 0,
		HZ / 2, HZ, NULL);
	CHECK_EQ("tx: loss unknown", 0, r.loss_known);
	CHECK_DBL(
		"tx: 300 packets in 0.5 s = 600 pps", 0.0006, r.tx.mpps, 1e-15);
	CHECK_DBL("tx: cycles per packet from sent packets", 10,
		out[0].cycles_per_pkt, 1e-12);
	result_compute(&r, BENCH_MODE_TX, lc, ids, queues, 1, out, NULL, 0, 0,
		HZ, NULL);
	CHECK_DBL("no active time: rate 0, not infinite", 0, r.tx.mpps, 0);
}

static void
test_latency(void)
{
	struct lcore_counters lc[1] = {
		{.tx_pkts = 1000,
			.rx_pkts = 998,
			.busy_cycles = 199800,
			.loop_cycles = 1000000},
	};
	struct lcore_result out[1];
	struct sample_set s;
	struct bench_result r;
	char *buf = NULL;
	size_t len = 0;
	struct bench_opts o;
	FILE *f;
	uint64_t i;

	sample_set_init(&s, 2000, 1);
	for (i = 1; i <= 998; i++)
		sample_set_add(&s, i * 2); /* 1 ns .. 998 ns */
	sample_set_sort(&s);
	result_compute(&r, BENCH_MODE_LAT, lc, ids, queues, 1, out, NULL, 0, HZ,
		HZ, &s);
	CHECK_EQ("lat: loss = sent - received", 2, (uint64_t)r.loss);
	CHECK_DBL("lat: loss 0.2 %", 0.2, r.loss_pct, 1e-9);
	CHECK_DBL("lat: cycles per packet over sends and receives", 100,
		out[0].cycles_per_pkt, 1e-12);
	CHECK_EQ("lat: samples", 998, r.lat.samples);
	CHECK_DBL("lat: min 1 ns (2 cycles at 2 GHz)", 1, r.lat.min_ns, 1e-9);
	CHECK_DBL("lat: max 998 ns", 998, r.lat.max_ns, 1e-9);
	CHECK_DBL("lat: median 499 ns", 499, r.lat.median_ns, 1e-9);
	CHECK_DBL("lat: p99 989 ns (rank 989 of 998)", 989, r.lat.p99_ns, 1e-9);
	CHECK_DBL("lat: p99.9 998 ns (rank 998 of 998)", 998, r.lat.p999_ns,
		1e-9);
	CHECK_DBL("lat: mean 499.5 ns", 499.5, r.lat.mean_ns, 1e-9);

	memset(&o, 0, sizeof(o));
	o.mode = BENCH_MODE_LAT;
	size_mix_single(&o.sizes, 64);
	f = open_memstream(&buf, &len);
	CHECK_EQ("JSON report writes", 0, (uint64_t)report_json(f, &o, &r));
	fclose(f);
	CHECK_CONTAINS("JSON: mode", "\"mode\": \"lat\"", buf);
	CHECK_CONTAINS("JSON: loss", "\"loss\": 2,", buf);
	/* Figures are JSON reals: jansson writes them with a decimal point. */
	CHECK_CONTAINS("JSON: median", "\"median\": 499.0,", buf);
	CHECK_CONTAINS("JSON: p999", "\"p999\": 998.0,", buf);
	free(buf);

	buf = NULL;
	o.mode = BENCH_MODE_TX;
	result_compute(&r, BENCH_MODE_TX, lc, ids, queues, 1, out, NULL, 0, HZ,
		HZ, NULL);
	f = open_memstream(&buf, &len);
	report_json(f, &o, &r);
	fclose(f);
	CHECK_CONTAINS("JSON tx: loss is null", "\"loss\": null,", buf);
	CHECK_CONTAINS("JSON tx: no latency", "\"latency_ns\": null", buf);
	free(buf);
	sample_set_free(&s);
}

int
main(void)
{
	test_fwd();
	test_tx_and_zero_time();
	test_latency();
	return check_exit();
}
