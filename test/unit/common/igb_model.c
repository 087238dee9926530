/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "igb_mbx.h"
#include "igb_model.h"

#define R(off) (m->reg[(off) / 4])

static void agent_handle(struct igb_model *m);

static uint32_t
model_read(void *ctx, uint32_t off)
{
	struct igb_model *m = ctx;
	uint32_t v = R(off);

	m->nb_reads++;
	if (m->gone_reads) {
		m->gone_reads--;
		return UINT32_MAX;
	}
	if (off == IGB_VF_V2PMAILBOX) {
		R(off) &= ~IGB_V2PMAILBOX_R2C_BITS;
		return v & ~(IGB_V2PMAILBOX_REQ | IGB_V2PMAILBOX_ACK);
	}
	if (off == IGB_P2VMAILBOX(0))
		return v & ~(IGB_P2VMAILBOX_STS | IGB_P2VMAILBOX_ACK);
	return v;
}

static void
vf_mailbox_write(struct igb_model *m, uint32_t val)
{
	if (val & IGB_V2PMAILBOX_REQ)
		R(IGB_MBVFICR) |= IGB_MBVFICR_VFREQ(0);
	if (val & IGB_V2PMAILBOX_ACK)
		R(IGB_MBVFICR) |= IGB_MBVFICR_VFACK(0);
	if (val & IGB_V2PMAILBOX_VFU) {
		if (!(R(IGB_VF_V2PMAILBOX) & IGB_V2PMAILBOX_PFU)) {
			R(IGB_VF_V2PMAILBOX) |= IGB_V2PMAILBOX_VFU;
			R(IGB_P2VMAILBOX(0)) |= IGB_P2VMAILBOX_VFU;
		}
	} else {
		R(IGB_VF_V2PMAILBOX) &= ~IGB_V2PMAILBOX_VFU;
		R(IGB_P2VMAILBOX(0)) &= ~IGB_P2VMAILBOX_VFU;
	}
	if ((val & IGB_V2PMAILBOX_REQ) && m->agent)
		agent_handle(m);
	if ((val & IGB_V2PMAILBOX_ACK) && m->flood) {
		m->flood--;
		model_pf_send(m, IGB_MSG_PF_CONTROL | IGB_MSG_CTS);
	}
}

static void
pf_mailbox_write(struct igb_model *m, uint32_t val)
{
	if (val & IGB_P2VMAILBOX_STS)
		R(IGB_VF_V2PMAILBOX) |= IGB_V2PMAILBOX_PFSTS;
	if (val & IGB_P2VMAILBOX_ACK)
		R(IGB_VF_V2PMAILBOX) |= IGB_V2PMAILBOX_PFACK;
	if (val & IGB_P2VMAILBOX_PFU) {
		if (!(R(IGB_P2VMAILBOX(0)) & IGB_P2VMAILBOX_VFU)) {
			R(IGB_P2VMAILBOX(0)) |= IGB_P2VMAILBOX_PFU;
			R(IGB_VF_V2PMAILBOX) |= IGB_V2PMAILBOX_PFU;
		}
	} else {
		R(IGB_P2VMAILBOX(0)) &= ~IGB_P2VMAILBOX_PFU;
		R(IGB_VF_V2PMAILBOX) &= ~IGB_V2PMAILBOX_PFU;
	}
	if (val & IGB_P2VMAILBOX_RVFU) {
		R(IGB_VF_V2PMAILBOX) &= ~IGB_V2PMAILBOX_VFU;
		R(IGB_P2VMAILBOX(0)) &= ~IGB_P2VMAILBOX_VFU;
	}
}

static void
model_write(void *ctx, uint32_t off, uint32_t val)
{
	struct igb_model *m = ctx;

	m->nb_writes++;
	if (m->gone_reads)
		return;
	switch (off) {
	case IGB_VF_V2PMAILBOX:
		vf_mailbox_write(m, val);
		break;
	case IGB_P2VMAILBOX(0):
		pf_mailbox_write(m, val);
		break;
	case IGB_MBVFICR:
	case IGB_VFLRE:
		R(off) &= ~val;
		break;
	case IGB_VF_CTRL:
		if (val & IGB_CTRL_RST)
			R(IGB_VFLRE) |= 1; /* the PF sees a VF reset */
		break;
	default:
		R(off) = val;
	}
}

static void
model_delay(void *ctx, unsigned int us)
{
	struct igb_model *m = ctx;

	m->now_us += us;
	if (m->late_at_us != 0 && m->now_us >= m->late_at_us) {
		m->late_at_us = 0;
		model_pf_send(m, m->late_w0);
	}
}

void
model_init(struct igb_model *m)
{
	memset(m, 0, sizeof(*m));
	m->ops.read = model_read;
	m->ops.write = model_write;
	m->ops.delay_us = model_delay;
	m->ops.ctx = m;
	m->hw.model = &m->ops;
}

void
model_pf_send(struct igb_model *m, uint32_t w0)
{
	struct igb_msg msg = {.w = {w0}, .len = 1};

	igb_mbx_pf_write(&m->hw, 0, &msg);
}

/* Behave as a PF driver: take the request, acknowledge it, answer. */
static void
agent_handle(struct igb_model *m)
{
	struct igb_msg msg;
	uint16_t type;
	enum model_answer a;

	if (!igb_mbx_pf_check_msg(&m->hw, 0))
		return;
	type = igb_msg_type(m->reg[IGB_VMBMEM(0) / 4]);
	a = type < 8 ? m->answer[type] : ANSWER_NACK;
	if (a == ANSWER_IGNORE)
		return;
	igb_mbx_pf_read(&m->hw, 0, &msg);
	if (m->nb_log < MODEL_LOG)
		m->log[m->nb_log++] = msg;
	if (a == ANSWER_SILENT)
		return;
	if (type == IGB_MSG_VF_RESET) {
		igb_msg_encode_reset_reply(&msg, m->mac, a == ANSWER_ACK);
	} else {
		msg.len = 2;
		igb_msg_make_reply(
			&msg, a == ANSWER_ACK, a != ANSWER_NACK_NO_CTS);
	}
	igb_mbx_pf_write(&m->hw, 0, &msg);
}
