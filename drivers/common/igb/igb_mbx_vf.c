/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>

#include "igb_mbx.h"

void
igb_mbx_vf_init(struct igb_mbx_vf *mbx, struct igb_hw *hw)
{
	mbx->hw = hw;
	mbx->latched = 0;
	mbx->last_raw = 0;
	mbx->timeout_us = IGB_MBX_TIMEOUT_US;
	mbx->poll_us = IGB_MBX_POLL_US;
	mbx->held = false;
	mbx->stale = false;
	mbx->dropped = 0;
}

uint32_t
igb_mbx_vf_sample(struct igb_mbx_vf *mbx)
{
	uint32_t v = igb_read(mbx->hw, IGB_VF_V2PMAILBOX);

	mbx->last_raw = v;
	if (unlikely(igb_mbx_vf_gone(v)))
		return v;
	/* 82576: PFSTS, PFACK and RSTD clear when read: keep them until
	 * consumed. */
	mbx->latched |= v & IGB_V2PMAILBOX_R2C_BITS;
	return v | mbx->latched;
}

bool
igb_mbx_vf_take(struct igb_mbx_vf *mbx, uint32_t mask)
{
	bool seen;

	igb_mbx_vf_sample(mbx);
	seen = (mbx->latched & mask) != 0;
	mbx->latched &= ~mask;
	return seen;
}

static unsigned int
poll_rounds(const struct igb_mbx_vf *mbx)
{
	return mbx->timeout_us / mbx->poll_us + 1;
}

/* Take the buffer. 82576: VFU sticks only while the PF holds no PFU. */
static int
vf_lock(struct igb_mbx_vf *mbx)
{
	unsigned int n = poll_rounds(mbx);

	while (n--) {
		uint32_t v;

		igb_write(mbx->hw, IGB_VF_V2PMAILBOX, IGB_V2PMAILBOX_VFU);
		v = igb_mbx_vf_sample(mbx);
		if (igb_mbx_vf_gone(v))
			return -ENODEV;
		if (v & IGB_V2PMAILBOX_VFU)
			return 0;
		igb_delay_us(mbx->hw, mbx->poll_us);
	}
	return -EBUSY;
}

static void
vf_read_buffer(struct igb_mbx_vf *mbx, struct igb_msg *m)
{
	unsigned int i;

	for (i = 0; i < IGB_MBX_WORDS; i++)
		m->w[i] = igb_read(mbx->hw, IGB_VF_VMBMEM + 4 * i);
	m->len = IGB_MBX_WORDS;
}

/* Caller holds the buffer and saw PFSTS; ACK releases the buffer. */
static void
vf_read_locked(struct igb_mbx_vf *mbx, struct igb_msg *m)
{
	vf_read_buffer(mbx, m);
	igb_write(mbx->hw, IGB_VF_V2PMAILBOX, IGB_V2PMAILBOX_ACK);
}

int
igb_mbx_vf_send(struct igb_mbx_vf *mbx, const struct igb_msg *m)
{
	unsigned int i, n;
	int ret;

	ret = vf_lock(mbx);
	if (ret)
		return ret;
	/* 82576: the buffer serves both ways: a PF message still in it
	 * would be lost. */
	if (igb_mbx_vf_take(mbx, IGB_V2PMAILBOX_PFSTS)) {
		vf_read_buffer(mbx, &mbx->held_msg);
		mbx->held = true;
		igb_write(mbx->hw, IGB_VF_V2PMAILBOX,
			IGB_V2PMAILBOX_ACK | IGB_V2PMAILBOX_VFU);
	}
	igb_mbx_vf_take(mbx, IGB_V2PMAILBOX_PFACK); /* stale ack */
	for (i = 0; i < IGB_MBX_WORDS; i++)
		igb_write(mbx->hw, IGB_VF_VMBMEM + 4 * i,
			i < m->len ? m->w[i] : 0);
	/* 82576: REQ without VFU signals the PF, releases the buffer. */
	igb_write(mbx->hw, IGB_VF_V2PMAILBOX, IGB_V2PMAILBOX_REQ);

	for (n = poll_rounds(mbx); n; n--) {
		if (igb_mbx_vf_take(mbx, IGB_V2PMAILBOX_PFACK))
			return 0;
		if (igb_mbx_vf_gone(mbx->last_raw))
			return -ENODEV;
		igb_delay_us(mbx->hw, mbx->poll_us);
	}
	return -ETIMEDOUT;
}

int
igb_mbx_vf_recv(struct igb_mbx_vf *mbx, struct igb_msg *m)
{
	uint32_t v;
	int ret;

	if (mbx->held) {
		*m = mbx->held_msg;
		mbx->held = false;
		return 0;
	}
	v = igb_mbx_vf_sample(mbx);
	if (igb_mbx_vf_gone(v))
		return -ENODEV;
	if (!(v & IGB_V2PMAILBOX_PFSTS))
		return -EAGAIN;
	ret = vf_lock(mbx);
	if (ret)
		return ret;
	mbx->latched &= ~IGB_V2PMAILBOX_PFSTS;
	vf_read_locked(mbx, m);
	if (igb_msg_type(m->w[0]) != IGB_MSG_PF_CONTROL)
		mbx->stale = false; /* the answer that was due */
	return 0;
}

int
igb_mbx_vf_wait_recv(struct igb_mbx_vf *mbx, struct igb_msg *m)
{
	unsigned int n;
	int ret;

	for (n = poll_rounds(mbx); n; n--) {
		ret = igb_mbx_vf_recv(mbx, m);
		if (ret != -EAGAIN)
			return ret;
		igb_delay_us(mbx->hw, mbx->poll_us);
	}
	return -ETIMEDOUT;
}

/*
 * Wait for the answer to a request of type want (any type but PF_CONTROL
 * when want is negative). PF notifications may come first; the last is
 * kept in *held. A message of another type is no answer to this request
 * (Linux igb's PF and ours always echo the request's type) and is dropped,
 * so that a stray word from the PF does not stand for the reply.
 */
static int
wait_answer(struct igb_mbx_vf *mbx, int want, struct igb_msg *reply,
	struct igb_msg *held, bool *have_held)
{
	unsigned int tries;
	uint16_t type;
	int ret;

	for (tries = 0; tries < 4; tries++) {
		ret = igb_mbx_vf_wait_recv(mbx, reply);
		if (ret)
			return ret;
		type = igb_msg_type(reply->w[0]);
		if (type == IGB_MSG_PF_CONTROL) {
			*held = *reply;
			*have_held = true;
		} else if (want < 0 || type == want) {
			return 0;
		} else {
			mbx->dropped++;
		}
	}
	return -ETIMEDOUT;
}

int
igb_mbx_vf_request(struct igb_mbx_vf *mbx, const struct igb_msg *req,
	struct igb_msg *reply)
{
	struct igb_msg held;
	bool have_held = false;
	int ret = 0;

	/* The late answer to a request given up on would read as this
	 * request's: wait for it and drop it before sending. */
	if (mbx->stale)
		ret = wait_answer(mbx, -1, reply, &held, &have_held);
	if (ret)
		goto out;
	ret = igb_mbx_vf_send(mbx, req);
	if (ret == 0)
		ret = wait_answer(
			mbx, igb_msg_type(req->w[0]), reply, &held, &have_held);
	/* -EBUSY: nothing went out; -ENODEV: no device to answer. Otherwise
	 * the request went out, and an answer may come yet. */
	if (ret && ret != -EBUSY && ret != -ENODEV)
		mbx->stale = true;
out:
	if (have_held && !mbx->held) {
		mbx->held_msg = held;
		mbx->held = true;
	}
	return ret;
}
