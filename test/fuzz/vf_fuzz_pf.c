/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The vf-mailbox fuzz target's PF: the actions the input schedules, run
 * as the VF's virtual time passes, and VF 0's BAR through the register
 * model with every access seen (what the VF read, took, signalled; the
 * bounds of reads and time of the call under way).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vf_fakes.h"
#include "vf_fuzz.h"

struct vf_fuzz vf_fuzz;

void
vf_fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "vf-mailbox invariant violated in %s: ",
		vf_fuzz.call != NULL ? vf_fuzz.call : "setup");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

#define V2P (vf_fuzz.m.reg[IGB_V2PMAILBOX_PF(0) / 4])

static void
pf_send(const struct igb_msg *msg)
{
	/* -EBUSY while the VF holds the buffer: the PF's message is lost,
	 * as a PF driver's would be. */
	(void)igb_mbx_pf_write(&vf_fuzz.m.hw, 0, msg);
}

static void
pf_act(const struct pf_act *a)
{
	struct igb_msg msg = a->msg;

	switch (a->what) {
	case PF_MSG:
		pf_send(&msg);
		break;
	case PF_REPLY:
		msg.w[0] = igb_msg_type(vf_fuzz.req_w0) |
			((uint32_t)(a->arg & 0xe0) << 24);
		pf_send(&msg);
		break;
	case PF_PING:
		igb_msg_encode_pf_control(&msg, a->arg & 1);
		pf_send(&msg);
		break;
	case PF_RSTI:
		V2P |= IGB_V2PMAILBOX_RSTI;
		break;
	case PF_RESET_DONE:
		V2P = (V2P & ~IGB_V2PMAILBOX_RSTI) | IGB_V2PMAILBOX_RSTD;
		break;
	case PF_RSTD:
		V2P |= IGB_V2PMAILBOX_RSTD;
		break;
	case PF_LOCK:
		igb_write(&vf_fuzz.m.hw, IGB_P2VMAILBOX(0), IGB_P2VMAILBOX_PFU);
		break;
	case PF_UNLOCK:
		igb_write(&vf_fuzz.m.hw, IGB_P2VMAILBOX(0), 0);
		break;
	case PF_ACK:
		V2P |= IGB_V2PMAILBOX_PFACK;
		break;
	case PF_STS:
		V2P |= IGB_V2PMAILBOX_PFSTS;
		break;
	case PF_GONE:
		vf_fuzz.m.gone_reads = 1 + 4u * a->arg;
		break;
	case PF_RAW:
		V2P |= a->arg;
		break;
	case PF_TAKE:
		if (igb_mbx_pf_check_msg(&vf_fuzz.m.hw, 0))
			igb_mbx_pf_read(&vf_fuzz.m.hw, 0, &msg);
		break;
	default:
		/* The model pings again each time the VF took a message. */
		vf_fuzz.m.ping_flood = 16u * a->arg;
		model_pf_send(&vf_fuzz.m, IGB_MSG_PF_CONTROL | IGB_MSG_CTS);
		break;
	}
}

void
vf_fuzz_pf_run(void)
{
	unsigned int i = 0;

	while (i < vf_fuzz.nq) {
		if (vf_fuzz.q[i].at_us > vf_fuzz.m.now_us) {
			i++;
			continue;
		}
		struct pf_act a = vf_fuzz.q[i];

		memmove(&vf_fuzz.q[i], &vf_fuzz.q[i + 1],
			(vf_fuzz.nq - i - 1) * sizeof(vf_fuzz.q[0]));
		vf_fuzz.nq--;
		pf_act(&a);
	}
}

void
vf_fuzz_op_pf(struct input *in)
{
	uint8_t t = next(in);
	struct pf_act a = {0};
	unsigned int i;

	a.at_us = vf_fuzz.m.now_us + ((uint64_t)(t & 0x3f) << (6 * (t >> 6)));
	a.what = next(in) % PF_ACTIONS;
	switch (a.what) {
	case PF_MSG:
		a.msg.len = next(in) % (IGB_MBX_WORDS + 1);
		for (i = 0; i < a.msg.len; i++)
			a.msg.w[i] = next_word(in);
		break;
	case PF_REPLY:
		a.arg = next(in);
		a.msg.len = 3;
		a.msg.w[1] = next_word(in);
		a.msg.w[2] = next_word(in);
		break;
	case PF_PING:
	case PF_GONE:
	case PF_RAW:
	case PF_FLOOD:
		a.arg = next(in);
		break;
	default:
		break;
	}
	if (vf_fuzz.nq < PF_QUEUE)
		vf_fuzz.q[vf_fuzz.nq++] = a;
}

/* VF 0's BAR through the model, every access seen. */
static uint32_t
vf_read(void *ctx, uint32_t off)
{
	uint32_t v;

	(void)ctx;
	if (++vf_fuzz.reads > vf_fuzz.read_bound)
		vf_fuzz_fail("more than %lu register reads: spinning",
			(unsigned long)vf_fuzz.read_bound);
	v = vf_fuzz.m.vf_ops.read(&vf_fuzz.m, off);
	if (off == IGB_VF_VMBMEM)
		vf_fuzz.w0_read = v;
	if (off == IGB_VF_V2PMAILBOX && !igb_mbx_vf_gone(v) &&
		vf_fuzz.mbx_reads++ < 2 &&
		(v & (IGB_V2PMAILBOX_RSTI | IGB_V2PMAILBOX_RSTD)))
		vf_fuzz.rst_seen = true;
	return v;
}

static void
vf_write(void *ctx, uint32_t off, uint32_t val)
{
	(void)ctx;
	if (off == IGB_VF_V2PMAILBOX && (val & IGB_V2PMAILBOX_ACK)) {
		/* The VF took the message it read. */
		if (igb_msg_type(vf_fuzz.w0_read) == IGB_MSG_PF_CONTROL) {
			vf_fuzz.revoked |= !(vf_fuzz.w0_read & IGB_MSG_CTS);
		} else {
			vf_fuzz.answered = true;
			vf_fuzz.answer = vf_fuzz.w0_read;
			vf_fuzz.revoked |= vf_fuzz_lost_cts(vf_fuzz.w0_read);
		}
	}
	if (off == IGB_VF_V2PMAILBOX && (val & IGB_V2PMAILBOX_REQ)) {
		vf_fuzz.req_w0 = vf_fuzz.m.reg[IGB_VMBMEM(0) / 4];
		vf_fuzz.reqs++;
	}
	vf_fuzz.m.vf_ops.write(&vf_fuzz.m, off, val);
}

static void
vf_delay(void *ctx, unsigned int us)
{
	(void)ctx;
	vf_fuzz.m.vf_ops.delay_us(&vf_fuzz.m, us);
	if (vf_fuzz.m.now_us - vf_fuzz.start_us > vf_fuzz.time_bound)
		vf_fuzz_fail("waited more than %lu us",
			(unsigned long)vf_fuzz.time_bound);
	vf_fuzz_pf_run();
}

void
vf_fuzz_setup(void)
{
	fake_reset();
	memset(&vf_fuzz, 0, sizeof(vf_fuzz));
	fake_port_init(&vf_fuzz.m, &vf_fuzz.ad, &vf_fuzz.dev, &vf_fuzz.data,
		vf_fuzz.macs);
	vf_fuzz.ops.read = vf_read;
	vf_fuzz.ops.write = vf_write;
	vf_fuzz.ops.delay_us = vf_delay;
	vf_fuzz.ad.hw.model = &vf_fuzz.ops;
	vf_fuzz.ad.mbx.hw = &vf_fuzz.ad.hw;
	vf_fuzz.data.dev_started = 1;
}
