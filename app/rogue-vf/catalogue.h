/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The rogue's messages: every VF -> PF request type with out-of-range
 * fields, unknown ids, requests before the reset handshake, seeded random
 * words and flood requests. Each message says what the PF must answer, so
 * bad requests (must be NACKed) are told apart from the valid ones sent to
 * reach or leave a state (must be ACKed).
 */
#ifndef ROGUE_CATALOGUE_H
#define ROGUE_CATALOGUE_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_mbx_msg.h"

enum rogue_cat {
	CAT_NO_HANDSHAKE, /* before VF_RESET: refused without CTS */
	CAT_HANDSHAKE, /* the VF_RESET request itself */
	CAT_MAC,
	CAT_MULTICAST,
	CAT_VLAN,
	CAT_LPE,
	CAT_PROMISC,
	CAT_UNKNOWN_ID,
	CAT_RANDOM,
	CAT_FLOOD,
	CAT_COUNT
};

enum rogue_expect {
	EXPECT_NACK, /* a bad request */
	EXPECT_ACK, /* a valid request */
	/* Word 0 carries ACK/NACK: the PF takes the buffer for a reply of
	 * its own and answers nothing (Linux igb does the same). */
	EXPECT_SILENT,
	EXPECT_ANY, /* random words that happen to form a known request */
	EXPECT_COUNT
};

enum rogue_outcome {
	OUT_ACK,
	OUT_NACK,
	OUT_UNANSWERED, /* no PFACK, or no reply in time */
	OUT_COUNT
};

struct rogue_msg {
	enum rogue_cat cat;
	enum rogue_expect expect;
	char what[48];
	struct igb_msg m;
};

/* Context the catalogue needs from the run. */
struct rogue_ctx {
	uint8_t own_mac[IGB_ETHER_ADDR_LEN]; /* from the reset reply */
	uint8_t other_mac[IGB_ETHER_ADDR_LEN]; /* another VF's */
	int have_other_mac;
};

const char *rogue_cat_name(enum rogue_cat cat);
const char *rogue_outcome_name(enum rogue_outcome o);

/* Whether the PF's answer is the one the message expects. */
bool rogue_as_expected(enum rogue_expect e, enum rogue_outcome o);
/* Category by name, or -1. */
int rogue_cat_parse(const char *name);

/* The reset handshake's request (valid, must be ACKed). */
void rogue_reset_msg(struct rogue_msg *out);

/* Fills out[] with the fixed messages of cat (not CAT_HANDSHAKE,
 * CAT_RANDOM, CAT_FLOOD);
 * returns how many (at most max). */
unsigned int rogue_catalogue(enum rogue_cat cat, const struct rogue_ctx *ctx,
	struct rogue_msg *out, unsigned int max);

/* Seeded generator: xorshift64* (state must not be 0). */
uint64_t rogue_rand(uint64_t *state);

/* One random request: 16 random words, expectation from word 0. */
void rogue_random_msg(uint64_t *state, struct rogue_msg *out);

/* The n-th flood request: an unknown id, a sequence number in word 1. */
void rogue_flood_msg(uint32_t n, struct rogue_msg *out);

#endif /* ROGUE_CATALOGUE_H */
