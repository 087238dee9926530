/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register model of the 82576 PF BAR for the PF unit tests: plain
 * registers plus the mailbox semantics QEMU's igb implements (PFU only
 * while the VF does not hold VFU, STS/ACK raise PFSTS/PFACK on the VF
 * side, MBVFICR and VFLRE write-1-to-clear), and the VF end of each
 * mailbox for the test to play the VF.
 */
#ifndef IGB_PF_TEST_MODEL_H
#define IGB_PF_TEST_MODEL_H

#include <string.h>

#include "igb_hw.h"
#include "igb_mbx_msg.h"

#define PF_MODEL_BAR (128 * 1024)

struct pf_model {
	uint32_t r[PF_MODEL_BAR / 4];
	uint8_t vf_pfsts; /* V2PMAILBOX.PFSTS per VF: PF posted a message */
	uint8_t vf_pfack; /* V2PMAILBOX.PFACK per VF: PF took ours */
	/* VFs that, once the PF answered, write flood_w0 and raise REQ
	 * again without reading the answer. */
	uint8_t vf_flood;
	uint32_t flood_w0;
	struct igb_hw_model ops;
	struct igb_hw hw;
};

static uint32_t
pf_model_read(void *ctx, uint32_t reg)
{
	struct pf_model *m = ctx;

	return m->r[reg / 4];
}

static void
pf_model_write(void *ctx, uint32_t reg, uint32_t val)
{
	struct pf_model *m = ctx;
	uint32_t *p = &m->r[reg / 4];
	unsigned int vf;

	if (reg >= IGB_P2VMAILBOX(0) && reg <= IGB_P2VMAILBOX(7)) {
		vf = (reg - IGB_P2VMAILBOX(0)) / 4;
		if (val & IGB_P2VMAILBOX_STS)
			m->vf_pfsts |= 1u << vf;
		if (val & IGB_P2VMAILBOX_ACK)
			m->vf_pfack |= 1u << vf;
		if ((val & IGB_P2VMAILBOX_STS) && (m->vf_flood & (1u << vf))) {
			m->r[IGB_VMBMEM(vf) / 4] = m->flood_w0;
			m->r[IGB_MBVFICR / 4] |= IGB_MBVFICR_VFREQ(vf);
		}
		if (val & IGB_P2VMAILBOX_PFU) {
			if (!(*p & IGB_P2VMAILBOX_VFU))
				*p |= IGB_P2VMAILBOX_PFU;
		} else {
			*p &= ~IGB_P2VMAILBOX_PFU;
		}
		if (val & IGB_P2VMAILBOX_RVFU) {
			*p &= ~IGB_P2VMAILBOX_VFU;
			m->r[IGB_MBVFICR / 4] &= ~(
				IGB_MBVFICR_VFREQ(vf) | IGB_MBVFICR_VFACK(vf));
		}
		return;
	}
	if (reg == IGB_MBVFICR || reg == IGB_VFLRE) {
		*p &= ~val;
		return;
	}
	*p = val;
}

static void
pf_model_delay(void *ctx, unsigned int us)
{
	(void)ctx;
	(void)us;
}

static inline void
pf_model_init(struct pf_model *m)
{
	memset(m, 0, sizeof(*m));
	m->ops.read = pf_model_read;
	m->ops.write = pf_model_write;
	m->ops.delay_us = pf_model_delay;
	m->ops.ctx = m;
	m->hw.base = NULL;
	m->hw.model = &m->ops;
}

static inline uint32_t
pf_model_reg(const struct pf_model *m, uint32_t reg)
{
	return m->r[reg / 4];
}

/* The VF writes a request and raises REQ. */
static inline void
pf_model_vf_send(struct pf_model *m, unsigned int vf, const struct igb_msg *msg)
{
	unsigned int i;

	for (i = 0; i < IGB_MBX_WORDS; i++)
		m->r[(IGB_VMBMEM(vf) + 4 * i) / 4] =
			i < msg->len ? msg->w[i] : 0;
	m->r[IGB_MBVFICR / 4] |= IGB_MBVFICR_VFREQ(vf);
}

/* The VF reads a PF message if one was posted: 1 with it in *msg, or 0. */
static inline int
pf_model_vf_recv(struct pf_model *m, unsigned int vf, struct igb_msg *msg)
{
	unsigned int i;

	if (!(m->vf_pfsts & (1u << vf)))
		return 0;
	m->vf_pfsts &= ~(1u << vf);
	for (i = 0; i < IGB_MBX_WORDS; i++)
		msg->w[i] = m->r[(IGB_VMBMEM(vf) + 4 * i) / 4];
	msg->len = IGB_MBX_WORDS;
	return 1;
}

/* Function level reset of a VF as QEMU does it. */
static inline void
pf_model_vf_flr(struct pf_model *m, unsigned int vf)
{
	m->r[IGB_VFRE / 4] &= ~(1u << vf);
	m->r[IGB_VFTE / 4] &= ~(1u << vf);
	m->r[IGB_VFLRE / 4] |= 1u << vf;
}

#endif /* IGB_PF_TEST_MODEL_H */
