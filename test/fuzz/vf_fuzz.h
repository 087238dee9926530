/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The vf-mailbox fuzz target's state (fuzz_vf_mailbox.c: the VF calls and
 * their invariants; vf_fuzz_pf.c: the PF the input scripts, VF 0's BAR
 * watched).
 */
#ifndef IGB_VF_FUZZ_H
#define IGB_VF_FUZZ_H

#include <stdbool.h>
#include <stdint.h>

#include "fuzz_input.h"
#include "igb_model.h"
#include "igb_vf.h"

enum pf_action {
	PF_MSG,
	PF_REPLY,
	PF_PING,
	PF_RSTI,
	PF_RESET_DONE,
	PF_RSTD,
	PF_LOCK,
	PF_UNLOCK,
	PF_ACK,
	PF_STS,
	PF_GONE,
	PF_RAW,
	PF_TAKE,
	PF_FLOOD,
	PF_ACTIONS
};

/* The mailbox timeout the calls run with, but for the handshake (which
 * starts its mailbox afresh): a hundredth of the driver's, so that a
 * silent PF costs 400 poll rounds, not 40000. The waits are the same code
 * whatever the field holds. */
#define FUZZ_TIMEOUT_US (IGB_MBX_TIMEOUT_US / 100)
#define PF_QUEUE 16 /* PF actions pending */
#define R2C (IGB_V2PMAILBOX_PFSTS | IGB_V2PMAILBOX_PFACK | IGB_V2PMAILBOX_RSTD)

struct pf_act {
	uint64_t at_us;
	uint8_t what, arg;
	struct igb_msg msg;
};

struct vf_fuzz {
	struct igb_model m;
	struct igb_vf_adapter ad;
	struct rte_eth_dev dev;
	struct rte_eth_dev_data data;
	struct rte_ether_addr macs[1];
	struct igb_hw_model ops; /* VF 0's BAR, watched */
	struct pf_act q[PF_QUEUE];
	unsigned int nq;
	/* The call under way and what the VF did in it. */
	const char *call;
	uint64_t start_us, time_bound, reads, read_bound;
	uint32_t req_w0; /* word 0 of the last request signalled */
	uint32_t w0_read; /* word 0 the VF last read from its buffer */
	unsigned int reqs; /* requests signalled (REQ) */
	bool answered; /* a non-PF_CONTROL message consumed */
	uint32_t answer; /* the last one */
	bool revoked; /* consumed PF_CONTROL without CTS, or lost CTS */
	unsigned int mbx_reads; /* V2PMAILBOX reads */
	bool rst_seen; /* RSTI or RSTD in the poll's first samples */
};

extern struct vf_fuzz vf_fuzz;

/* Report a violated invariant of the call under way and abort. */
void __attribute__((noreturn, format(printf, 1, 2)))
vf_fuzz_fail(const char *fmt, ...);

/* A fresh port on a fresh model, its BAR watched. */
void vf_fuzz_setup(void);

/* Run the PF actions whose time has come, in the order given. */
void vf_fuzz_pf_run(void);

/* Queue the PF action the input gives (VF_OP_PF's operands). */
void vf_fuzz_op_pf(struct input *in);

/* A NACK without CTS: the PF has forgotten the VF. */
static inline bool
vf_fuzz_lost_cts(uint32_t w0)
{
	return (w0 & IGB_MSG_NACK) && !(w0 & IGB_MSG_CTS);
}

#endif /* IGB_VF_FUZZ_H */
