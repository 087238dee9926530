/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_RESULT_H
#define SRIOV_BENCH_RESULT_H

#include <stdbool.h>
#include <stdint.h>

#include "options.h"
#include "percentile.h"

/* Counters of one polling lcore; only that lcore writes them. */
struct lcore_counters {
	uint64_t rx_pkts;
	uint64_t rx_bytes; /* frame bytes with FCS */
	uint64_t tx_pkts;
	uint64_t tx_bytes;
	uint64_t tx_drops; /* fwd: received but not accepted for Tx */
	uint64_t seeded; /* fwd: --tx-first packets sent */
	uint64_t alloc_fail; /* packets that found no free mbuf */
	uint64_t foreign; /* lat: received frames without a probe */
	uint64_t unmatched; /* lat: probe frames not of a probe out */
	uint64_t busy_cycles; /* TSC cycles of polls that moved packets */
	uint64_t loop_cycles; /* TSC cycles in the polling loop */
};

/* Port counters over the run (end minus start), from rte_eth_stats. */
struct port_counters {
	uint16_t port;
	char name[64];
	char driver[32];
	/* Burst functions of queue 0 (rx/tx_burst_mode_get), or
	 * "not reported" by a driver without the op. */
	char rx_burst_mode[64];
	char tx_burst_mode[64];
	char mac[18]; /* xx:xx:xx:xx:xx:xx */
	uint64_t ipackets;
	uint64_t opackets;
	uint64_t ibytes;
	uint64_t obytes;
	uint64_t imissed;
	uint64_t ierrors;
	uint64_t oerrors;
	uint64_t rx_nombuf;
};

struct rate {
	uint64_t packets;
	uint64_t bytes;
	double mpps;
	double gbps; /* frame bits with FCS, per ns */
};

struct lcore_result {
	unsigned int lcore_id;
	unsigned int nb_queues;
	uint64_t packets; /* packets this lcore handled */
	double cycles_per_pkt; /* busy cycles / packets; 0 if none */
	double busy_pct;
};

struct latency_result {
	uint64_t samples; /* probes that came back */
	uint64_t held; /* of which kept for percentiles */
	double min_ns, median_ns, p99_ns, p999_ns, max_ns, mean_ns;
};

#define RESULT_MAX_PORTS 2

struct bench_result {
	enum bench_mode mode;
	double elapsed_s;
	bool interrupted;
	struct rate rx;
	struct rate tx;
	uint64_t tx_drops;
	uint64_t seeded;
	uint64_t foreign;
	uint64_t unmatched;
	bool loss_known; /* fwd and lat: both sides are ours */
	int64_t loss;
	double loss_pct; /* of packets sent */
	uint64_t alloc_fail;
	uint64_t rx_nombuf;
	uint64_t mbuf_exhaustion; /* alloc_fail + rx_nombuf */
	double cycles_per_pkt; /* all polling lcores together */
	unsigned int nb_ports;
	struct port_counters ports[RESULT_MAX_PORTS];
	unsigned int nb_lcores;
	struct lcore_result *lcores; /* caller-provided, nb_lcores long */
	bool has_latency;
	struct latency_result lat;
};

/* Packets an lcore handled in this mode (the cycles-per-packet divisor). */
uint64_t result_handled(enum bench_mode mode, const struct lcore_counters *c);

/*
 * Fill r from the lcores' counters and queue counts, the ports' counters
 * and the active time. lcore_out must hold nb_lcores entries. lat may be
 * NULL; if not, it must be sorted (sample_set_sort).
 */
void result_compute(struct bench_result *r, enum bench_mode mode,
	const struct lcore_counters *lc, const unsigned int *lcore_ids,
	const unsigned int *lcore_queues, unsigned int nb_lcores,
	struct lcore_result *lcore_out, const struct port_counters *ports,
	unsigned int nb_ports, uint64_t active_cycles, uint64_t hz,
	const struct sample_set *lat);

#endif
