/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A register model of the 82576 for the unit tests, behind struct igb_hw's
 * model seam, seen from two ends:
 *
 * - hw, the PF BAR: plain registers (CTRL.RST stays set: the record of a
 *   PF reset), the eight VF mailboxes (P2VMAILBOX(n), VMBMEM(n)), MBVFICR
 *   and VFLRE write-1-to-clear, and VF n's V2PMAILBOX at
 *   IGB_V2PMAILBOX_PF(n);
 * - vf_hw, VF 0's BAR: its V2PMAILBOX (PFSTS, PFACK and RSTD clear when
 *   read) and VMBMEM are VF 0's mailbox of the PF BAR, CTRL.RST resets the
 *   VF as the PF sees it (VFLRE), the other registers are VF 0's own.
 *
 * The buffer is owned by one side at a time (VFU and PFU exclusive, RVFU
 * takes it from a stuck VF), as QEMU's igb does. Delays advance virtual
 * time. An optional agent answers VF 0's requests as a PF driver would;
 * model_vf_send()/model_vf_recv() play any VF's end of its mailbox
 * without its BAR, for the PF's tests.
 */
#ifndef IGB_MODEL_H
#define IGB_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_hw.h"
#include "igb_mbx_msg.h"

#define MODEL_REGS (0x20000 / 4) /* PF BAR: 128 KiB */
#define MODEL_MAILBOXES 8 /* P2VMAILBOX(0..7) */
#define MODEL_LOG 64

/* How the agent answers one message type. */
enum model_answer {
	ANSWER_ACK,
	ANSWER_NACK,
	ANSWER_NACK_NO_CTS, /* the PF has lost our clear-to-send */
	ANSWER_SILENT, /* takes the message, never replies */
	ANSWER_IGNORE, /* does not even acknowledge it */
};

struct igb_model {
	uint32_t reg[MODEL_REGS]; /* the PF BAR's registers */
	/* VF 0's BAR: the registers that are its own (not its mailbox), and
	 * the writes that reached each. */
	uint32_t vf_reg[IGB_VF_BAR_SIZE / 4];
	uint32_t vf_writes[IGB_VF_BAR_SIZE / 4];
	uint64_t now_us; /* virtual time, advanced by delays */
	bool agent; /* answer VF 0's requests */
	enum model_answer answer[8]; /* by message type 1..7 */
	uint8_t mac[6]; /* MAC given in the reset reply */
	struct igb_msg log[MODEL_LOG]; /* requests the agent received */
	unsigned int nb_log;
	/* A message the PF sends VF 0 once virtual time reaches late_at_us
	 * (a late answer); late_at_us 0: none. */
	uint32_t late_w0;
	uint64_t late_at_us;
	/* The device is off the bus for the next gone_reads reads: they
	 * return all ones, writes are lost. */
	unsigned int gone_reads;
	/* PF_CONTROL pings the PF sends VF 0, one as soon as the VF took
	 * the last (a flooding PF). */
	unsigned int ping_flood;
	/* VFs (bit n: VF n) that, once the PF answered, write vf_flood_w0 and
	 * raise REQ again without reading the answer (flooding VFs). */
	uint8_t vf_flood;
	uint32_t vf_flood_w0;
	uint64_t nb_reads; /* register reads so far, either BAR */
	uint64_t nb_writes; /* and writes */
	struct igb_hw_model pf_ops;
	struct igb_hw_model vf_ops;
	struct igb_hw hw; /* the PF BAR */
	struct igb_hw vf_hw; /* VF 0's BAR */
};

void model_init(struct igb_model *m);

/* A PF BAR register, as it stands (no read side effect). */
uint32_t model_reg(const struct igb_model *m, uint32_t off);

/* The PF sends VF 0 an unsolicited message (e.g. a PF_CONTROL ping). */
void model_pf_send(struct igb_model *m, uint32_t w0);

/* VF vf writes msg into its buffer and raises REQ (without taking VFU). */
void model_vf_send(
	struct igb_model *m, unsigned int vf, const struct igb_msg *msg);

/* VF vf takes a message the PF posted (PFSTS): 1 with it in *msg, or 0. */
int model_vf_recv(struct igb_model *m, unsigned int vf, struct igb_msg *msg);

/* VF vf is reset (function level reset, or its CTRL.RST): its Rx and Tx
 * stop (VFRE, VFTE) and the PF is told (VFLRE). */
void model_vf_reset(struct igb_model *m, unsigned int vf);

#endif /* IGB_MODEL_H */
