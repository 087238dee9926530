/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mailbox transport, both ends. The VF side works on the VF BAR
 * (V2PMAILBOX, VMBMEM at the VF offsets), the PF side on the PF BAR
 * (P2VMAILBOX(n), VMBMEM(n), MBVFICR, VFLRE).
 *
 * Handshake (82576, and QEMU alike): the sender takes the buffer (VFU /
 * PFU), writes the words and signals (REQ / STS), which also releases the
 * buffer; the receiver takes the buffer, reads, and acknowledges (ACK),
 * releasing it again. 82576: one buffer serves both directions, and a
 * side's bit (VFU / PFU) sets only while the other side's is clear. The
 * messages in it are Linux igb's protocol (igb_mbx_msg.h), not the
 * datasheet's; the datasheet's IOV flows (4.5.11.2) run over it.
 */
#ifndef IGB_MBX_H
#define IGB_MBX_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_hw.h"
#include "igb_mbx_msg.h"

#define IGB_MBX_TIMEOUT_US 2000000u
#define IGB_MBX_POLL_US 50u

/* ---- VF side ---- */
struct igb_mbx_vf {
	struct igb_hw *hw;
	uint32_t latched; /* read-to-clear bits seen, not yet consumed */
	uint32_t last_raw; /* V2PMAILBOX at the last read (diagnostics) */
	uint32_t timeout_us; /* bound of every wait */
	uint32_t poll_us;
	/* A PF message that arrived while a request waited for its reply */
	bool held;
	struct igb_msg held_msg;
	/* A request went out unanswered: its answer may come yet. */
	bool stale;
	/* PF messages dropped as no answer to the request waiting */
	uint32_t dropped;
};

void igb_mbx_vf_init(struct igb_mbx_vf *mbx, struct igb_hw *hw);

/* Read V2PMAILBOX, latching PFSTS/PFACK/RSTD; returns current | latched,
 * or all ones (nothing latched) if the device is gone. */
uint32_t igb_mbx_vf_sample(struct igb_mbx_vf *mbx);

/*
 * A V2PMAILBOX value of a VF that is no longer on the bus: its reads
 * complete with all ones (surprise removal; 82576: a PF reset that
 * clears SR-IOV takes the VFs with it). 82576: V2PMAILBOX bits 31:8 are
 * reserved and read 0 on a present VF. The transport calls then fail
 * with -ENODEV.
 */
static inline bool
igb_mbx_vf_gone(uint32_t v2pmailbox)
{
	return v2pmailbox == UINT32_MAX;
}

/* Consume latched bits of mask; true if any of them was latched. */
bool igb_mbx_vf_take(struct igb_mbx_vf *mbx, uint32_t mask);

/* Send one message and wait for the PF's PFACK: 0, -EBUSY (buffer held by
 * the PF throughout), -ETIMEDOUT (no PFACK), -ENODEV (device gone). */
int igb_mbx_vf_send(struct igb_mbx_vf *mbx, const struct igb_msg *m);

/* Read a pending PF message (PFSTS latched): 0, or -EAGAIN if none. A
 * message held back by igb_mbx_vf_request() is returned first. Any
 * message but PF_CONTROL is an answer: the stale one, if one was due. */
int igb_mbx_vf_recv(struct igb_mbx_vf *mbx, struct igb_msg *m);

/* Wait up to the timeout for a PF message: 0 or -ETIMEDOUT. */
int igb_mbx_vf_wait_recv(struct igb_mbx_vf *mbx, struct igb_msg *m);

/*
 * Send a request and wait for the reply of the same type. An unsolicited
 * PF_CONTROL message met on the way is held for igb_mbx_vf_recv().
 * Returns 0 with the reply in *reply, or the transport error.
 *
 * Replies carry no sequence number: a request that went out and got no
 * reply in time is failed for good, and no later request is sent until
 * its late reply has come and been dropped (-ETIMEDOUT while it does
 * not). igb_mbx_vf_init() starts afresh.
 */
int igb_mbx_vf_request(struct igb_mbx_vf *mbx, const struct igb_msg *req,
	struct igb_msg *reply);

/* ---- PF side (vf = VF number, 0..7) ---- */
bool igb_mbx_pf_check_msg(struct igb_hw *hw, unsigned int vf);
bool igb_mbx_pf_check_ack(struct igb_hw *hw, unsigned int vf);
bool igb_mbx_pf_check_reset(struct igb_hw *hw, unsigned int vf);

/* Read a VF request (m->len = IGB_MBX_WORDS) and acknowledge it. */
int igb_mbx_pf_read(struct igb_hw *hw, unsigned int vf, struct igb_msg *m);

/* Write a message for the VF and raise PFSTS: 0 or -EBUSY. */
int igb_mbx_pf_write(
	struct igb_hw *hw, unsigned int vf, const struct igb_msg *m);

/* Free a buffer a VF left locked (P2VMAILBOX.RVFU). QEMU: this also
 * clears the VF's request and ack bits in MBVFICR. */
void igb_mbx_pf_release_vf_lock(struct igb_hw *hw, unsigned int vf);

#endif /* IGB_MBX_H */
