/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sends the rogue's messages through the common VF mailbox transport and
 * tallies what the PF answered, per category and per expectation.
 */
#ifndef ROGUE_RUNNER_H
#define ROGUE_RUNNER_H

#include <stdbool.h>
#include <stdint.h>

#include "catalogue.h"
#include "igb_mbx.h"

struct rogue_tally {
	uint64_t sent;
	uint64_t out[OUT_COUNT];
};

struct rogue_run {
	struct igb_hw hw;
	struct igb_mbx_vf mbx;
	uint32_t reply_timeout_us; /* wait for an answer */
	uint32_t silent_timeout_us; /* wait where none is expected */
	bool verbose;
	struct rogue_tally by_cat[CAT_COUNT];
	struct rogue_tally by_expect[EXPECT_COUNT];
	uint64_t unexpected; /* outcome differs from the expectation */
	uint64_t notifications; /* PF_CONTROL messages met on the way */
	/* Flood: requests written, PF signals seen while writing. */
	uint64_t flood_pf_signals;
	bool recovered; /* reset handshake answered after the flood */
	uint8_t mac[IGB_ETHER_ADDR_LEN]; /* from the last reset reply */
};

/* bar0: the VF's mapped registers. */
void rogue_run_init(struct rogue_run *r, uint8_t *bar0);

/* Sends one message, waits for its answer, tallies. */
enum rogue_outcome rogue_exchange(
	struct rogue_run *r, const struct rogue_msg *msg);

/* VF_RESET: 0 when ACKed (the VF is clear to send), else -1. */
int rogue_handshake(struct rogue_run *r);

/* Writes count flood requests without waiting for PFACK or replies, then
 * drains the mailbox and proves it still serves a reset handshake. */
void rogue_flood(struct rogue_run *r, uint32_t count);

#endif /* ROGUE_RUNNER_H */
