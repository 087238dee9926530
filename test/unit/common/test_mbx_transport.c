/* SPDX-License-Identifier: BSD-3-Clause */
/* Mailbox transport, both ends, against the register-file model: message
 * delivery, acknowledgement, read-to-clear latching, buffer ownership,
 * bounded waits. */
#include <errno.h>

#include "igb_check.h"
#include "igb_mbx.h"
#include "igb_model.h"

static struct igb_model m;
static struct igb_mbx_vf mbx;

static void
setup(void)
{
	model_init(&m);
	igb_mbx_vf_init(&mbx, &m.vf_hw);
}

static void
test_send_delivered(void)
{
	struct igb_msg req;

	setup();
	m.agent = true;
	m.answer[IGB_MSG_SET_LPE] = ANSWER_SILENT;
	igb_msg_encode_set_lpe(&req, 1522);
	CHECK_EQ("VF send, PF takes it", 0, igb_mbx_vf_send(&mbx, &req));
	CHECK_EQ("PF received one message", 1, m.nb_log);
	CHECK_EQ("PF read word 0", IGB_MSG_SET_LPE, m.log[0].w[0]);
	CHECK_EQ("PF read word 1", 1522, m.log[0].w[1]);
	CHECK_EQ("buffer free afterwards (no VFU/PFU)", 0,
		m.reg[IGB_V2PMAILBOX_PF(0) / 4] &
			(IGB_V2PMAILBOX_VFU | IGB_V2PMAILBOX_PFU));
}

static void
test_send_timeout(void)
{
	struct igb_msg req;
	int ret;

	setup();
	m.agent = true;
	m.answer[IGB_MSG_SET_LPE] = ANSWER_IGNORE;
	igb_msg_encode_set_lpe(&req, 1522);
	ret = igb_mbx_vf_send(&mbx, &req);
	CHECK_EQ("no PF ack -> -ETIMEDOUT", -ETIMEDOUT, ret);
	CHECK("gave up after the bound (virtual time >= timeout)",
		m.now_us >= mbx.timeout_us &&
			m.now_us <= mbx.timeout_us + 2 * mbx.poll_us);
}

static void
test_send_busy(void)
{
	struct igb_msg req;

	setup();
	igb_write(&m.hw, IGB_P2VMAILBOX(0), IGB_P2VMAILBOX_PFU);
	igb_msg_encode_reset(&req);
	CHECK_EQ("PF holds the buffer -> -EBUSY", -EBUSY,
		igb_mbx_vf_send(&mbx, &req));
	CHECK_EQ("PF saw no request", 0,
		igb_read(&m.hw, IGB_MBVFICR) & IGB_MBVFICR_VFREQ(0));
}

static void
test_pf_to_vf(void)
{
	struct igb_msg in;

	setup();
	CHECK_EQ("nothing pending -> -EAGAIN", -EAGAIN,
		igb_mbx_vf_recv(&mbx, &in));
	model_pf_send(&m, IGB_MSG_PF_CONTROL | IGB_MSG_CTS);
	CHECK_EQ("VF receives the PF message", 0, igb_mbx_vf_recv(&mbx, &in));
	CHECK_EQ("word 0", IGB_MSG_PF_CONTROL | IGB_MSG_CTS, in.w[0]);
	CHECK("PF sees the VF's ack", igb_mbx_pf_check_ack(&m.hw, 0));
	CHECK("ack consumed (write-1-to-clear)",
		!igb_mbx_pf_check_ack(&m.hw, 0));
	CHECK_EQ("message consumed", -EAGAIN, igb_mbx_vf_recv(&mbx, &in));
}

static void
test_latching(void)
{
	setup();
	m.reg[IGB_V2PMAILBOX_PF(0) / 4] |= IGB_V2PMAILBOX_RSTD;
	CHECK("RSTD seen by a sample",
		igb_mbx_vf_sample(&mbx) & IGB_V2PMAILBOX_RSTD);
	CHECK_EQ("hardware cleared RSTD on read", 0,
		m.reg[IGB_V2PMAILBOX_PF(0) / 4] & IGB_V2PMAILBOX_RSTD);
	CHECK("RSTD still latched", igb_mbx_vf_take(&mbx, IGB_V2PMAILBOX_RSTD));
	CHECK("taken once only", !igb_mbx_vf_take(&mbx, IGB_V2PMAILBOX_RSTD));
	m.reg[IGB_V2PMAILBOX_PF(0) / 4] |= IGB_V2PMAILBOX_RSTI;
	CHECK("RSTI is a level, not latched",
		igb_mbx_vf_sample(&mbx) & IGB_V2PMAILBOX_RSTI);
	m.reg[IGB_V2PMAILBOX_PF(0) / 4] &= ~IGB_V2PMAILBOX_RSTI;
	CHECK("RSTI gone with the hardware bit",
		!(igb_mbx_vf_sample(&mbx) & IGB_V2PMAILBOX_RSTI));
}

static void
test_request_with_crossing_ping(void)
{
	struct igb_msg req, reply, held;

	setup();
	m.agent = true;
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_ACK;
	/* A ping sits in the buffer when the VF starts its request. */
	model_pf_send(&m, IGB_MSG_PF_CONTROL | IGB_MSG_CTS);
	igb_msg_encode_set_vlan(&req, 10, true);
	CHECK_EQ(
		"request completes", 0, igb_mbx_vf_request(&mbx, &req, &reply));
	CHECK_EQ("reply is the VLAN ACK",
		IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD | IGB_MSG_ACK | IGB_MSG_CTS,
		reply.w[0]);
	CHECK_EQ("the ping was kept", 0, igb_mbx_vf_recv(&mbx, &held));
	CHECK_EQ("kept ping", IGB_MSG_PF_CONTROL | IGB_MSG_CTS, held.w[0]);
}

static void
test_request_with_stray_message(void)
{
	struct igb_msg req, reply;

	setup();
	m.agent = true;
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_SILENT;
	/* While the VLAN request waits, the PF leaves a word of another
	 * type: an ACK for a MAC change nobody asked for. */
	m.late_w0 = IGB_MSG_SET_MAC_ADDR | IGB_MSG_ACK | IGB_MSG_CTS;
	m.late_at_us = 1000;
	igb_msg_encode_set_vlan(&req, 10, true);
	CHECK_EQ("a message of another type is no answer: timeout", -ETIMEDOUT,
		igb_mbx_vf_request(&mbx, &req, &reply));
	CHECK_EQ("the stray message was dropped", 1, mbx.dropped);
	CHECK("the request is left stale (its answer may come)", mbx.stale);
	CHECK("the stray message is not kept as a notification",
		igb_mbx_vf_recv(&mbx, &reply) == -EAGAIN);
}

static void
test_pf_side(void)
{
	struct igb_msg msg;

	setup();
	igb_write(&m.vf_hw, IGB_VF_CTRL, IGB_CTRL_RST);
	CHECK("VF reset seen by the PF (VFLRE)",
		igb_mbx_pf_check_reset(&m.hw, 0));
	CHECK("VFLRE cleared", !igb_mbx_pf_check_reset(&m.hw, 0));
	igb_write(&m.vf_hw, IGB_VF_V2PMAILBOX, IGB_V2PMAILBOX_VFU);
	igb_msg_encode_pf_control(&msg, true);
	CHECK_EQ("PF write while the VF holds the buffer -> -EBUSY", -EBUSY,
		igb_mbx_pf_write(&m.hw, 0, &msg));
	igb_mbx_pf_release_vf_lock(&m.hw, 0);
	CHECK_EQ("PF write after RVFU", 0, igb_mbx_pf_write(&m.hw, 0, &msg));
	CHECK("VF sees PFSTS", igb_mbx_vf_sample(&mbx) & IGB_V2PMAILBOX_PFSTS);
}

int
main(void)
{
	test_send_delivered();
	test_send_timeout();
	test_send_busy();
	test_pf_to_vf();
	test_latching();
	test_request_with_crossing_ping();
	test_request_with_stray_message();
	test_pf_side();
	return check_exit();
}
