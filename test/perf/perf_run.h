/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One contestant of igb-perf through one case: its queues over a NIC
 * model of its own, the timed driver calls, and the checks at both ends.
 * A contestant is a driver's burst code with the control path that sets
 * its queues up (perf_driver.h).
 */
#ifndef PERF_RUN_H
#define PERF_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ethdev.h>
#include <rte_mempool.h>

#include "nic_model.h"
#include "perf_frame.h"

#define MAX_BURST 256
#define FAULT_SEQ 1000 /* the frame that goes wrong */
/* A timed window this long means the thread lost its CPU (100 us at
 * 2.5 GHz; the longest honest window, a Tx burst that reaps a full
 * 512-slot ring, runs about 40,000 instructions). */
#define PERF_PREEMPT_CYCLES 250000

enum perf_kind { KIND_RX, KIND_TX, KIND_FWD, KIND_COUNT };

/* Faults a run can be told to make, to show that the checks catch them. */
enum perf_fault {
	FAULT_NONE,
	FAULT_RX_LEN,
	FAULT_RX_CKSUM,
	FAULT_TX_SEQ,
	FAULT_LEAK
};

struct perf_opts {
	bool kind[KIND_COUNT];
	bool wire[2]; /* 64 B, 1518 B */
	uint16_t burst;
	uint16_t ring;
	uint64_t pkts; /* per repetition */
	uint64_t warmup;
	unsigned int reps;
	enum perf_fault fault;
	bool full; /* ours: the full burst functions, whatever the offloads */
	bool fast_free; /* ours: Tx queues with MBUF_FAST_FREE */
};

struct perf_run;

struct perf_driver {
	const char *name;
	uint32_t rx_base; /* its queue 0 register blocks */
	uint32_t tx_base;
	/* What its Rx reports for the model's IPv4/UDP frame with good
	 * checksums: the packet type, and ol_flags under a mask. */
	uint32_t rx_ptype;
	uint64_t rx_ol_mask;
	uint64_t rx_ol_want;
	int (*open)(struct perf_run *r);
	void (*close)(struct perf_run *r);
	/* Queue 0 up (Rx, Tx or both), r->rxq/txq and the burst functions
	 * set; 0 or -1 (printed). */
	int (*up)(struct perf_run *r, bool rx, bool tx);
	void (*down)(struct perf_run *r);
	/* The queue's own counters, if it keeps them (else NULL). */
	void (*stats)(const struct perf_run *r, bool rx, uint64_t *pkts,
		uint64_t *bytes);
};

/* Driver time of the Rx or the Tx calls. Windows cut by preemption are
 * left out, with their packets, and counted. */
struct perf_meter {
	uint64_t cycles;
	uint64_t pkts;
	uint64_t dropped;
};

struct perf_run {
	const struct perf_opts *o;
	const struct perf_driver *drv;
	struct rte_mempool *mp; /* its own */
	struct nic_model nm;
	void *priv; /* the driver's, from open() */
	void *rxq;
	void *txq;
	eth_rx_burst_t rx_burst;
	eth_tx_burst_t tx_burst;
	uint32_t app_rx_seq; /* next frame the application expects */
	uint32_t app_tx_seq; /* next frame the application sends */
	uint64_t rx_returned; /* sum of what the burst calls returned */
	uint64_t tx_returned;
	uint64_t tsc_overhead; /* one rte_rdtsc pair */
	struct perf_meter meter[2]; /* Rx, Tx calls; this repetition */
	unsigned int pool_before;
	bool leaked; /* FAULT_LEAK done */
};

extern const char *const perf_kind_name[KIND_COUNT];

/* The mempool and the NIC model, then the driver's open(); 0 or -1. */
int perf_run_init(struct perf_run *r, const struct perf_opts *o,
	const struct perf_driver *drv, const struct perf_frame *frame,
	uint64_t tsc_overhead);
void perf_run_fini(struct perf_run *r);

/* Start a case: model reset, queues up, warm-up; 0 or -1. */
int perf_run_begin(struct perf_run *r, enum perf_kind kind);
/* One repetition of pkts frames, r->meter filled; 0 or -1. */
int perf_run_rep(struct perf_run *r, enum perf_kind kind, uint64_t pkts);
/* End a case: queues down, then every frame seen once by both ends, the
 * calls' (and the queues' own) counts right, the mempool whole. 0 or -1
 * (printed). */
int perf_run_end(
	struct perf_run *r, enum perf_kind kind, uint64_t total, bool checked);

#endif /* PERF_RUN_H */
