/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Rx fuzzer's harness (rx_fuzz.c): three queues, one per Rx burst
 * function, on rings in malloc()ed memory, the device that writes their
 * descriptors back, the application that holds and frees what they
 * return, and the invariants checked after each step (a violation prints
 * "invariant violated: ..." and aborts). The input decoder is
 * fuzz_rx_paths.c.
 */
#ifndef IGB_RX_FUZZ_H
#define IGB_RX_FUZZ_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_mempool.h>

#include "igb_model.h"
#include "igb_rxtx.h"
#include "rxtx_fixture.h"

#define RX_FUZZ_NQ 3 /* full, simple, vector */
#define RX_FUZZ_HOLD 512 /* frames the application holds at most */
/* Each pool: the largest ring and as many mbufs again as the
 * application and operation 6 may keep. */
#define RX_FUZZ_POOL (IGB_RING_MAX_DESC + 1023)

/* One write-back as the device writes it; bytes are frame bytes 12-15
 * (the EtherType and a tag's TCI) written into the slot's buffer. */
struct rx_wb {
	uint32_t staterr;
	uint16_t len;
	uint16_t pkt_info;
	uint16_t vlan;
	uint8_t bytes[4];
};

struct rx_fuzz_conf {
	uint16_t nb_desc;
	uint16_t free_thresh;
	uint64_t offloads;
	uint8_t vlan_mode; /* 0 NULL, 1 none, 2 only vid, 3 all */
	uint16_t vid;
};

struct rx_held {
	struct rte_mbuf *m;
	uint64_t digest; /* of its mbufs' first cache lines, when returned */
};

struct rx_side {
	struct igb_rx_queue *rxq;
	struct fixture_rx_rings own; /* the queue's, put back */
	struct rte_mempool *mp;
	struct rx_held held[RX_FUZZ_HOLD]; /* oldest at held_first */
	unsigned int held_first;
	unsigned int nb_held;
	struct rte_mbuf *drained[RX_FUZZ_POOL]; /* taken by operation 6 */
	unsigned int nb_drained;
	uint32_t base;
};

struct rx_fuzz {
	struct igb_model m;
	struct rx_side q[RX_FUZZ_NQ];
	uint64_t vlan_own[4096 / 64];
	uint16_t nb_desc;
	uint16_t head; /* the device's next slot, the same in every ring */
	bool rogue; /* it wrote where it may not since the last start */
	bool running; /* queues set up and started */
	uint32_t epoch; /* the ownership check's mark */
};

void rx_fuzz_init(struct rx_fuzz *f);
/* Create and start the queues: false if the driver refused the
 * configuration (checked to be invalid). */
bool rx_fuzz_setup(struct rx_fuzz *f, const struct rx_fuzz_conf *c);
void rx_fuzz_teardown(struct rx_fuzz *f);

/* The device writes w at its head in every ring, if each has room;
 * false if one has not (nothing written). */
bool rx_fuzz_write(struct rx_fuzz *f, const struct rx_wb *w);
/* The device writes w's descriptor fields into slot of every ring. */
void rx_fuzz_rogue_write(
	struct rx_fuzz *f, uint16_t slot, const struct rx_wb *w);
/* One burst of n on each queue, and every check. */
void rx_fuzz_burst(struct rx_fuzz *f, uint16_t n);
/* The application frees its k oldest frames of each queue. */
void rx_fuzz_free_held(struct rx_fuzz *f, unsigned int k);
void rx_fuzz_restart(struct rx_fuzz *f);
/* b & 0x80: give the drained mbufs back; else take 16 * b more. */
void rx_fuzz_drain(struct rx_fuzz *f, uint8_t b);

#endif /* IGB_RX_FUZZ_H */
