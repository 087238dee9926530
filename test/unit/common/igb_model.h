/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A register-file model of the 82576 mailbox of VF 0, seen from both ends:
 * the VF BAR offsets (V2PMAILBOX 0xc40, VMBMEM 0x800, CTRL) and the PF BAR
 * offsets of VF 0 (P2VMAILBOX(0), VMBMEM(0), MBVFICR, VFLRE) share one
 * address map, as they do for VF 0. Bits behave as the datasheet (and
 * QEMU's model) say: read-to-clear PFSTS/PFACK/RSTD, buffer ownership
 * VFU/PFU exclusive, MBVFICR/VFLRE write-1-to-clear.
 *
 * An optional PF agent answers VF requests as a PF driver would.
 */
#ifndef IGB_MODEL_H
#define IGB_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_hw.h"
#include "igb_mbx_msg.h"

#define MODEL_REGS (0x20000 / 4)
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
	uint32_t reg[MODEL_REGS];
	uint64_t now_us; /* virtual time, advanced by delays */
	bool agent; /* answer VF requests */
	enum model_answer answer[8]; /* by message type 1..7 */
	uint8_t mac[6]; /* MAC given in the reset reply */
	struct igb_msg log[MODEL_LOG]; /* requests the agent received */
	unsigned int nb_log;
	/* A message the PF sends once virtual time reaches late_at_us (a
	 * late answer); late_at_us 0: none. */
	uint32_t late_w0;
	uint64_t late_at_us;
	/* The device is off the bus for the next gone_reads reads: they
	 * return all ones, writes are lost. */
	unsigned int gone_reads;
	/* PF_CONTROL pings the PF sends, one as soon as the VF took the
	 * last (a flooding PF). */
	unsigned int flood;
	uint64_t nb_reads; /* register reads so far */
	uint64_t nb_writes; /* and writes */
	struct igb_hw_model ops;
	struct igb_hw hw;
};

void model_init(struct igb_model *m);

/* The PF sends an unsolicited message (e.g. a PF_CONTROL ping). */
void model_pf_send(struct igb_model *m, uint32_t w0);

#endif /* IGB_MODEL_H */
