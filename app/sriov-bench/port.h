/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_PORT_H
#define SRIOV_BENCH_PORT_H

#include <stddef.h>
#include <stdint.h>

#include <rte_mempool.h>

#include "options.h"
#include "result.h"

/* The distinct ports a run uses: --port, then --peer-port if other. */
unsigned int port_list(
	const struct bench_opts *o, uint16_t ports[RESULT_MAX_PORTS]);

/*
 * Refuse what a port cannot do before touching it: unknown port, more
 * queues than it offers, frames bigger than its MTU. Returns 0, or -1
 * with a message in err.
 */
int port_check(const struct bench_opts *o, char *err, size_t err_len);

/* Mbuf data room that holds the largest frame any used port may pass. */
uint16_t port_data_room(const struct bench_opts *o);

/* Configure --queues Rx/Tx queue pairs on port, start it, enable
 * promiscuous mode and wait for link (both best effort). */
int port_setup(const struct bench_opts *o, uint16_t port,
	struct rte_mempool *pool, char *err, size_t err_len);

void port_teardown(uint16_t port);

/* The ethdev name, or "portN"; buf holds RTE_ETH_NAME_MAX_LEN bytes. */
void port_name(uint16_t port, char *buf);

/* Counters now; port_counters_delta gives end minus start. */
int port_counters_read(uint16_t port, struct port_counters *c);
void port_counters_delta(
	struct port_counters *end, const struct port_counters *start);

#endif
