/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device side of the ring harness: plain memory stands in for BAR0,
 * and between bursts the model does what the 82576 would do with the
 * rings the driver programmed (BAL/BAH/LEN, TAIL). Rx: put a frame in each
 * buffer the NIC owns and write the advanced write-back descriptor. Tx:
 * check each descriptor the driver queued and write DD back where the
 * driver asked for it (RS).
 */
#ifndef NIC_MODEL_H
#define NIC_MODEL_H

#include <stdint.h>

#include "igb_hw.h"
#include "perf_frame.h"

#define NIC_MODEL_BAR_SIZE (128 * 1024) /* 82576 BAR0 */

struct nic_model {
	const char *name; /* the driver's, in messages */
	char tx_who[40]; /* "<name> nic tx" */
	uint8_t *bar;
	struct igb_hw hw; /* what the driver is given */
	const struct perf_frame *frame; /* what travels, both ways */
	uint32_t rx_base; /* queue register blocks */
	uint32_t tx_base;
	uint16_t rx_head;
	uint16_t tx_head;
	uint32_t rx_seq; /* stamp of the next frame received */
	uint32_t tx_seq; /* stamp expected on the next sent */
	/* Frames whose write-back is made wrong, to test the checks
	 * (UINT32_MAX: none): length one short; IPv4 checksum error. */
	uint32_t bad_len_seq;
	uint32_t bad_cksum_seq;
};

int nic_model_init(struct nic_model *nm, const char *name, uint32_t rx_base,
	uint32_t tx_base, const struct perf_frame *frame);
void nic_model_fini(struct nic_model *nm);

/* Restart the sequence numbers (the queues were set up again), no
 * deliberate faults. */
void nic_model_reset(struct nic_model *nm);

/* Receive up to max frames into the buffers the NIC owns. Returns the
 * number received, or -1 if the ring is not in a state the NIC accepts
 * (printed). */
int nic_rx_deliver(struct nic_model *nm, uint32_t max);

/* Send every frame queued up to the Tx tail and mark done the
 * descriptors with RS. Returns the number of frames, or -1 if one is not
 * what the Rx side or the test put in (printed). */
int nic_tx_complete(struct nic_model *nm);

#endif /* NIC_MODEL_H */
