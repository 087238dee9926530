/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_OPTIONS_H
#define SRIOV_BENCH_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_ether.h>

#include "size_mix.h"

enum bench_mode {
	BENCH_MODE_TX,
	BENCH_MODE_RX,
	BENCH_MODE_FWD,
	BENCH_MODE_LAT,
};

enum bench_fwd {
	BENCH_FWD_IO,
	BENCH_FWD_MACSWAP,
	BENCH_FWD_ICMPECHO, /* IPv4 echo requests answered, macswap else */
};

#define BENCH_MAX_BURST 512u
#define BENCH_MAX_QUEUES 1024u
#define BENCH_MAX_RATE 1000000000ULL
#define BENCH_DEFAULT_DURATION 10.0
#define BENCH_DEFAULT_LAT_RATE 10000u
#define BENCH_MAX_TX_FIRST 4096u

/* Everything after "--" on the command line, checked for consistency. */
struct bench_opts {
	enum bench_mode mode;
	uint16_t port;
	uint16_t peer_port; /* == port unless --peer-port */
	uint16_t queues;
	struct size_mix sizes;
	uint64_t rate; /* packets per second in all; 0: unlimited */
	uint16_t burst;
	double duration; /* seconds; 0: until --count or interrupt */
	uint64_t count; /* 0: no packet limit */
	struct rte_ether_addr src_mac;
	struct rte_ether_addr dst_mac;
	bool src_mac_set; /* else the port's own address */
	bool dst_mac_set; /* else the peer port's address (fwd, lat)
				 * or broadcast (tx) */
	uint32_t src_ip; /* host byte order */
	uint32_t dst_ip;
	uint16_t sport;
	uint16_t dport;
	uint32_t flows; /* flow i: src_ip + i, sport + i */
	enum bench_fwd fwd;
	uint32_t tx_first; /* fwd: packets sent per queue to start */
	const char *json_path;
	const char *plot_path; /* --plot: SVG drawn by gnuplot */
	bool quiet;
	uint16_t rxd;
	uint16_t txd;
	uint32_t mbufs; /* 0: sized from rings, queues and burst */
	uint32_t drain_ms; /* lat: wait for the last probes */
	double link_wait; /* seconds to wait for link up */
	bool rx_intr; /* rx, fwd: sleep on Rx interrupts when idle */
};

/*
 * Parse argv (argv[0] is the program name). Returns 0 on success, 1 if
 * help was asked for, -1 with a message in err on a bad command line.
 */
int bench_opts_parse(
	struct bench_opts *o, int argc, char **argv, char *err, size_t err_len);

void bench_opts_usage(const char *prog);

const char *bench_mode_name(enum bench_mode mode);
const char *bench_fwd_name(enum bench_fwd fwd);

#endif
