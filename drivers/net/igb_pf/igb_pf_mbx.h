/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PF mailbox server, compatible with Linux igb so that the kernel igbvf
 * and net_igb_vf both work: per-VF clear-to-send, VF_RESET answered with
 * the VF's address, every other request decoded, bounds-checked, passed
 * through the application's verdict and the policy, then ACKed or NACKed
 * and counted.
 */
#ifndef IGB_PF_MBX_H
#define IGB_PF_MBX_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_hw.h"
#include "igb_mbx_msg.h"
#include "igb_pf_vf.h"

/* What the application decided about a request (ixgbe's convention). */
enum igb_pf_mbx_verdict {
	IGB_PF_MBX_NOOP_ACK = 0, /* do nothing, ACK */
	IGB_PF_MBX_NOOP_NACK, /* do nothing, NACK */
	IGB_PF_MBX_PROCEED, /* let the driver's policy decide */
	IGB_PF_MBX_STOP, /* the port closed meanwhile: touch nothing more */
};

/* Asks the application about a request; NULL: always proceed. */
typedef enum igb_pf_mbx_verdict (*igb_pf_mbx_ask_t)(
	void *ctx, uint16_t vf, const struct igb_msg *m);

struct igb_pf_mbx_server {
	struct igb_hw *hw;
	struct igb_pf_sriov *s;
	igb_pf_mbx_ask_t ask;
	void *ask_ctx;
	/* ask said IGB_PF_MBX_STOP: the request is left unanswered and the
	 * server serves nothing any more. */
	bool stopped;
};

/*
 * Handles every pending VF event once: function level resets first, then
 * requests, then acknowledgements. Returns the number of events handled
 * (none once stopped).
 */
unsigned int igb_pf_mbx_service(struct igb_pf_mbx_server *srv);

/*
 * Services rounds until nothing is pending, at most IGB_PF_MBX_ROUNDS of
 * them: a VF that raises REQ as fast as the PF answers must not keep the
 * caller (the interrupt thread, holding the adapter lock) for ever. What
 * is left waits for the next interrupt or poll. Returns the events.
 */
#define IGB_PF_MBX_ROUNDS 16
unsigned int igb_pf_mbx_service_bounded(struct igb_pf_mbx_server *srv);

/*
 * Status ping to every VF (link change): PF_CONTROL with CTS to VFs that
 * completed their reset, NACK without CTS ("reset yourself") to the others.
 */
void igb_pf_mbx_ping_all(struct igb_pf_mbx_server *srv);

/* Same for one VF; 0, -EINVAL or the transport error. */
int igb_pf_mbx_ping(struct igb_pf_mbx_server *srv, uint16_t vf);

#endif /* IGB_PF_MBX_H */
