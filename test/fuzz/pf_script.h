/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A script for the PF mailbox server on the register model, checked
 * against the reference model (pf_oracle.h) after every operation:
 *
 *   byte 0           number of VFs, 1 + b % 7
 *   then operations  opcode byte (b % PF_OPS) and its operands:
 *     PF_OP_MESSAGE   vf (b % 16), words (b % 17), 4 bytes per word (LE)
 *     PF_OP_RESIGNAL  vf: REQ raised again on whatever the buffer holds
 *     PF_OP_FLR       vf (b % 16)
 *     PF_OP_ADMIN     action (b % 8), vf (b & 0x80: 0xff00 | b, else
 *                     b % 16), operands
 *     PF_OP_VERDICT   b % 4: NOOP_ACK, NOOP_NACK, PROCEED, PROCEED
 *     PF_OP_LOCK      vf (b % 8), b & 0x80: VF takes VFU, else PF frees it
 *     PF_OP_PING      vf (as for PF_OP_ADMIN); 0xff pings every VF
 *     PF_OP_VF_ACK    vf (b % 8): VFACK raised for the PF's last message
 *
 * A missing operand reads as 0.
 */
#ifndef IGB_FUZZ_PF_SCRIPT_H
#define IGB_FUZZ_PF_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

enum pf_op {
	PF_OP_MESSAGE,
	PF_OP_RESIGNAL,
	PF_OP_FLR,
	PF_OP_ADMIN,
	PF_OP_VERDICT,
	PF_OP_LOCK,
	PF_OP_PING,
	PF_OP_VF_ACK,
	PF_OPS
};

/* What the VFs' requests became (added to, never cleared). */
struct pf_script_counts {
	uint64_t ops; /* operations run */
	uint64_t sent; /* requests a VF put in an existing mailbox */
	uint64_t acked, nacked; /* the server answered them */
	/* Not answered, as designed: a buffer holding a reply (ACK or NACK
	 * set), a mailbox the VF holds locked, a VF beyond the VF count. */
	uint64_t ignored;
};

/* Runs one script from a fresh PF with every check; a violation goes to
 * oracle_fail(). cnt may be NULL. */
void pf_script_run(
	const uint8_t *data, size_t size, struct pf_script_counts *cnt);

#endif /* IGB_FUZZ_PF_SCRIPT_H */
