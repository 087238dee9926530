/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "runner.h"

/* Without the EAL, rte_delay_us_block() has no timer frequency: give
 * the register accessor a model that maps the BAR and sleeps instead. */
static uint32_t
bar_read(void *ctx, uint32_t reg)
{
	return rte_read32((uint8_t *)ctx + reg);
}

static void
bar_write(void *ctx, uint32_t reg, uint32_t val)
{
	rte_write32(val, (uint8_t *)ctx + reg);
}

static int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/*
 * The transport bounds its waits in poll rounds of poll_us. A loaded TCG
 * guest oversleeps each short sleep many times over, which stretched a
 * 2 s wait to minutes: pace the rounds on a clock instead, sleeping only
 * while ahead of it. A clock more than PACE_SLACK_US behind (the last
 * wait ended a while ago) starts again from now.
 */
#define PACE_SLACK_US 100000
static int64_t pace_us;

static void
sleep_us(void *ctx, unsigned int us)
{
	int64_t t = now_us();
	struct timespec ts;

	(void)ctx;
	if (pace_us < t - PACE_SLACK_US)
		pace_us = t;
	pace_us += us;
	if (pace_us <= t)
		return;
	ts.tv_sec = (pace_us - t) / 1000000;
	ts.tv_nsec = (long)((pace_us - t) % 1000000) * 1000;
	nanosleep(&ts, NULL);
}

static struct igb_hw_model bar_model = {
	.read = bar_read,
	.write = bar_write,
	.delay_us = sleep_us,
};

void
rogue_run_init(struct rogue_run *r, uint8_t *bar0)
{
	memset(r, 0, sizeof(*r));
	bar_model.ctx = bar0;
	r->hw.base = bar0;
	r->hw.model = &bar_model;
	igb_mbx_vf_init(&r->mbx, &r->hw);
	r->mbx.poll_us = 200; /* the PF polls every 5 ms */
	r->reply_timeout_us = 2000000;
	r->silent_timeout_us = 100000;
}

/* A ping: PF_CONTROL with CTS, or with NACK and without CTS ("reset
 * yourself"); a NACK with CTS answers a request of that type. */
static bool
is_notification(uint32_t w0)
{
	return igb_msg_type(w0) == IGB_MSG_PF_CONTROL && !(w0 & IGB_MSG_ACK) &&
		(w0 & (IGB_MSG_NACK | IGB_MSG_CTS)) !=
		(IGB_MSG_NACK | IGB_MSG_CTS);
}

/* Waits for the answer to a request of type: PF notifications and late
 * answers to earlier requests (the flood's) are passed over. */
static enum rogue_outcome
wait_answer(struct rogue_run *r, uint16_t type, struct igb_msg *reply)
{
	unsigned int tries;

	for (tries = 0; tries < 2 * IGB_MBX_WORDS; tries++) {
		if (igb_mbx_vf_wait_recv(&r->mbx, reply) != 0)
			return OUT_UNANSWERED;
		if (is_notification(reply->w[0])) {
			r->notifications++;
			continue;
		}
		if (igb_msg_type(reply->w[0]) != type)
			continue;
		if (reply->w[0] & IGB_MSG_ACK)
			return OUT_ACK;
		if (reply->w[0] & IGB_MSG_NACK)
			return OUT_NACK;
	}
	return OUT_UNANSWERED;
}

static void
tally(struct rogue_run *r, const struct rogue_msg *msg, enum rogue_outcome o)
{
	r->by_cat[msg->cat].sent++;
	r->by_cat[msg->cat].out[o]++;
	r->by_expect[msg->expect].sent++;
	r->by_expect[msg->expect].out[o]++;
	if (!rogue_as_expected(msg->expect, o)) {
		r->unexpected++;
		printf("rogue-vf: UNEXPECTED %s: %s -> %s (word 0 0x%08x)\n",
			rogue_cat_name(msg->cat), msg->what,
			rogue_outcome_name(o), msg->m.w[0]);
	} else if (r->verbose) {
		printf("rogue-vf: %s: %s -> %s\n", rogue_cat_name(msg->cat),
			msg->what, rogue_outcome_name(o));
	}
}

enum rogue_outcome
rogue_exchange(struct rogue_run *r, const struct rogue_msg *msg)
{
	uint16_t type = igb_msg_type(msg->m.w[0]);
	enum rogue_outcome o = OUT_UNANSWERED;
	struct igb_msg reply;

	r->mbx.timeout_us = r->reply_timeout_us;
	if (igb_mbx_vf_send(&r->mbx, &msg->m) == 0) {
		if (msg->expect == EXPECT_SILENT)
			r->mbx.timeout_us = r->silent_timeout_us;
		o = wait_answer(r, type, &reply);
	}
	if (o == OUT_ACK && type == IGB_MSG_VF_RESET)
		igb_msg_decode_mac(&reply, r->mac);
	tally(r, msg, o);
	return o;
}

void
rogue_flood(struct rogue_run *r, uint32_t count)
{
	struct rogue_msg msg;
	struct igb_msg stale;
	unsigned int i, w;
	uint32_t n;

	for (n = 0; n < count; n++) {
		rogue_flood_msg(n, &msg);
		/* No VFU, no wait for PFACK, no reply read: only REQ. */
		for (w = 0; w < msg.m.len; w++)
			igb_write(&r->hw, IGB_VF_VMBMEM + 4 * w, msg.m.w[w]);
		igb_write(&r->hw, IGB_VF_V2PMAILBOX, IGB_V2PMAILBOX_REQ);
		if (igb_mbx_vf_take(&r->mbx, IGB_V2PMAILBOX_PFSTS))
			r->flood_pf_signals++;
		r->by_cat[CAT_FLOOD].sent++;
	}
	/* Whatever the PF still answers is read and thrown away. */
	r->mbx.timeout_us = r->silent_timeout_us;
	for (i = 0; i < 64; i++)
		if (igb_mbx_vf_wait_recv(&r->mbx, &stale) != 0)
			break;
	r->recovered = rogue_handshake(r) == 0;
}

int
rogue_handshake(struct rogue_run *r)
{
	struct rogue_msg msg;

	rogue_reset_msg(&msg);
	return rogue_exchange(r, &msg) == OUT_ACK ? 0 : -1;
}
