/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include "igb_mbx.h"
#include "igb_model.h"

#define R(off) (m->reg[(off) / 4])

static void agent_handle(struct igb_model *m);

/* Every access, from either BAR: counted, and lost while the device is
 * gone. */
static bool
gone_read(struct igb_model *m)
{
	m->nb_reads++;
	if (m->gone_reads == 0)
		return false;
	m->gone_reads--;
	return true;
}

static bool
gone_write(struct igb_model *m)
{
	m->nb_writes++;
	return m->gone_reads != 0;
}

static uint32_t
pf_read(void *ctx, uint32_t off)
{
	struct igb_model *m = ctx;

	return gone_read(m) ? UINT32_MAX : R(off);
}

/* QEMU: the PF's STS and ACK raise PFSTS and PFACK in the VF's
 * V2PMAILBOX; PFU sticks only while the VF does not hold VFU; RVFU takes
 * VFU from the VF and drops its pending REQ and ACK. */
static void
pf_mailbox_write(struct igb_model *m, unsigned int vf, uint32_t val)
{
	uint32_t *p2v = &R(IGB_P2VMAILBOX(vf));
	uint32_t *v2p = &R(IGB_V2PMAILBOX_PF(vf));

	if (val & IGB_P2VMAILBOX_STS) {
		*v2p |= IGB_V2PMAILBOX_PFSTS;
		if (m->vf_flood & (1u << vf)) {
			R(IGB_VMBMEM(vf)) = m->vf_flood_w0;
			R(IGB_MBVFICR) |= IGB_MBVFICR_VFREQ(vf);
		}
	}
	if (val & IGB_P2VMAILBOX_ACK)
		*v2p |= IGB_V2PMAILBOX_PFACK;
	if (val & IGB_P2VMAILBOX_PFU) {
		if (!(*p2v & IGB_P2VMAILBOX_VFU)) {
			*p2v |= IGB_P2VMAILBOX_PFU;
			*v2p |= IGB_V2PMAILBOX_PFU;
		}
	} else {
		*p2v &= ~IGB_P2VMAILBOX_PFU;
		*v2p &= ~IGB_V2PMAILBOX_PFU;
	}
	if (val & IGB_P2VMAILBOX_RVFU) {
		*p2v &= ~IGB_P2VMAILBOX_VFU;
		*v2p &= ~IGB_V2PMAILBOX_VFU;
		R(IGB_MBVFICR) &=
			~(IGB_MBVFICR_VFREQ(vf) | IGB_MBVFICR_VFACK(vf));
	}
}

static void
pf_write(void *ctx, uint32_t off, uint32_t val)
{
	struct igb_model *m = ctx;

	if (gone_write(m))
		return;
	if (off >= IGB_P2VMAILBOX(0) &&
		off <= IGB_P2VMAILBOX(MODEL_MAILBOXES - 1)) {
		pf_mailbox_write(m, (off - IGB_P2VMAILBOX(0)) / 4, val);
		return;
	}
	if (off == IGB_MBVFICR || off == IGB_VFLRE) {
		R(off) &= ~val;
		return;
	}
	R(off) = val;
}

/* Where VF 0's BAR offset off is kept: its mailbox in the PF's
 * registers, the rest in its own. */
static uint32_t *
vf_cell(struct igb_model *m, uint32_t off)
{
	if (off == IGB_VF_V2PMAILBOX)
		return &R(IGB_V2PMAILBOX_PF(0));
	if (off >= IGB_VF_VMBMEM && off < IGB_VF_VMBMEM + 4 * IGB_MBX_WORDS)
		return &R(IGB_VMBMEM(0) + off - IGB_VF_VMBMEM);
	return &m->vf_reg[off / 4];
}

static uint32_t
vf_read(void *ctx, uint32_t off)
{
	struct igb_model *m = ctx;
	uint32_t *p = vf_cell(m, off);
	uint32_t v = *p;

	if (gone_read(m))
		return UINT32_MAX;
	if (off == IGB_VF_V2PMAILBOX)
		*p &= ~IGB_V2PMAILBOX_R2C_BITS;
	return v;
}

/* QEMU: REQ and ACK raise the VF's bits in MBVFICR; VFU sticks only while
 * the PF does not hold PFU. */
static void
vf_mailbox_write(struct igb_model *m, uint32_t val)
{
	uint32_t *v2p = &R(IGB_V2PMAILBOX_PF(0));
	uint32_t *p2v = &R(IGB_P2VMAILBOX(0));

	if (val & IGB_V2PMAILBOX_REQ)
		R(IGB_MBVFICR) |= IGB_MBVFICR_VFREQ(0);
	if (val & IGB_V2PMAILBOX_ACK)
		R(IGB_MBVFICR) |= IGB_MBVFICR_VFACK(0);
	if (val & IGB_V2PMAILBOX_VFU) {
		if (!(*v2p & IGB_V2PMAILBOX_PFU)) {
			*v2p |= IGB_V2PMAILBOX_VFU;
			*p2v |= IGB_P2VMAILBOX_VFU;
		}
	} else {
		*v2p &= ~IGB_V2PMAILBOX_VFU;
		*p2v &= ~IGB_P2VMAILBOX_VFU;
	}
	if ((val & IGB_V2PMAILBOX_REQ) && m->agent)
		agent_handle(m);
	if ((val & IGB_V2PMAILBOX_ACK) && m->ping_flood) {
		m->ping_flood--;
		model_pf_send(m, IGB_MSG_PF_CONTROL | IGB_MSG_CTS);
	}
}

static void
vf_write(void *ctx, uint32_t off, uint32_t val)
{
	struct igb_model *m = ctx;

	if (gone_write(m))
		return;
	m->vf_writes[off / 4]++;
	if (off == IGB_VF_V2PMAILBOX) {
		vf_mailbox_write(m, val);
		return;
	}
	if (off == IGB_VF_CTRL) {
		/* RST clears itself: CTRL keeps nothing. */
		if (val & IGB_CTRL_RST)
			model_vf_reset(m, 0);
		return;
	}
	*vf_cell(m, off) = val;
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
	m->pf_ops.read = pf_read;
	m->pf_ops.write = pf_write;
	m->pf_ops.delay_us = model_delay;
	m->pf_ops.ctx = m;
	m->hw.model = &m->pf_ops;
	m->vf_ops.read = vf_read;
	m->vf_ops.write = vf_write;
	m->vf_ops.delay_us = model_delay;
	m->vf_ops.ctx = m;
	m->vf_hw.model = &m->vf_ops;
}

uint32_t
model_reg(const struct igb_model *m, uint32_t off)
{
	return R(off);
}

void
model_pf_send(struct igb_model *m, uint32_t w0)
{
	struct igb_msg msg = {.w = {w0}, .len = 1};

	igb_mbx_pf_write(&m->hw, 0, &msg);
}

void
model_vf_send(struct igb_model *m, unsigned int vf, const struct igb_msg *msg)
{
	unsigned int i;

	for (i = 0; i < IGB_MBX_WORDS; i++)
		R(IGB_VMBMEM(vf) + 4 * i) = i < msg->len ? msg->w[i] : 0;
	R(IGB_MBVFICR) |= IGB_MBVFICR_VFREQ(vf);
}

int
model_vf_recv(struct igb_model *m, unsigned int vf, struct igb_msg *msg)
{
	unsigned int i;

	if (!(R(IGB_V2PMAILBOX_PF(vf)) & IGB_V2PMAILBOX_PFSTS))
		return 0;
	R(IGB_V2PMAILBOX_PF(vf)) &= ~IGB_V2PMAILBOX_PFSTS;
	for (i = 0; i < IGB_MBX_WORDS; i++)
		msg->w[i] = R(IGB_VMBMEM(vf) + 4 * i);
	msg->len = IGB_MBX_WORDS;
	return 1;
}

/* QEMU: what its igb does on a VF reset, but for the queue enables. */
void
model_vf_reset(struct igb_model *m, unsigned int vf)
{
	R(IGB_VFRE) &= ~(1u << vf);
	R(IGB_VFTE) &= ~(1u << vf);
	R(IGB_VFLRE) |= 1u << vf;
}

/* Behave as a PF driver: take VF 0's request, acknowledge it, answer. */
static void
agent_handle(struct igb_model *m)
{
	struct igb_msg msg;
	uint16_t type;
	enum model_answer a;

	if (!igb_mbx_pf_check_msg(&m->hw, 0))
		return;
	type = igb_msg_type(R(IGB_VMBMEM(0)));
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
