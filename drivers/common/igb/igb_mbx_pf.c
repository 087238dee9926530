/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>

#include "igb_mbx.h"

/* The PF never waits long for a VF: a VF may hold VFU for a few words. */
#define PF_LOCK_TRIES 10
#define PF_LOCK_DELAY_US 10

/* 82576: MBVFICR and VFLRE bits are write-1-to-clear. */
static bool
test_and_clear(struct igb_hw *hw, uint32_t reg, uint32_t bit)
{
	if (!(igb_read(hw, reg) & bit))
		return false;
	igb_write(hw, reg, bit);
	return true;
}

bool
igb_mbx_pf_check_msg(struct igb_hw *hw, unsigned int vf)
{
	return test_and_clear(hw, IGB_MBVFICR, IGB_MBVFICR_VFREQ(vf));
}

bool
igb_mbx_pf_check_ack(struct igb_hw *hw, unsigned int vf)
{
	return test_and_clear(hw, IGB_MBVFICR, IGB_MBVFICR_VFACK(vf));
}

bool
igb_mbx_pf_check_reset(struct igb_hw *hw, unsigned int vf)
{
	return test_and_clear(hw, IGB_VFLRE, IGB_BIT(vf));
}

/* 82576: PFU sticks only while the VF does not hold VFU. */
static int
pf_lock(struct igb_hw *hw, unsigned int vf)
{
	unsigned int n;

	for (n = 0; n < PF_LOCK_TRIES; n++) {
		igb_write(hw, IGB_P2VMAILBOX(vf), IGB_P2VMAILBOX_PFU);
		if (igb_read(hw, IGB_P2VMAILBOX(vf)) & IGB_P2VMAILBOX_PFU)
			return 0;
		igb_delay_us(hw, PF_LOCK_DELAY_US);
	}
	return -EBUSY;
}

int
igb_mbx_pf_read(struct igb_hw *hw, unsigned int vf, struct igb_msg *m)
{
	unsigned int i;
	int ret;

	ret = pf_lock(hw, vf);
	if (ret)
		return ret;
	for (i = 0; i < IGB_MBX_WORDS; i++)
		m->w[i] = igb_read(hw, IGB_VMBMEM(vf) + 4 * i);
	m->len = IGB_MBX_WORDS;
	/* 82576: ACK without PFU tells the VF and releases the buffer. */
	igb_write(hw, IGB_P2VMAILBOX(vf), IGB_P2VMAILBOX_ACK);
	return 0;
}

int
igb_mbx_pf_write(struct igb_hw *hw, unsigned int vf, const struct igb_msg *m)
{
	unsigned int i;
	int ret;

	ret = pf_lock(hw, vf);
	if (ret)
		return ret;
	/* A stale VF ack must not be taken for the ack of this message. */
	test_and_clear(hw, IGB_MBVFICR, IGB_MBVFICR_VFACK(vf));
	for (i = 0; i < m->len && i < IGB_MBX_WORDS; i++)
		igb_write(hw, IGB_VMBMEM(vf) + 4 * i, m->w[i]);
	igb_write(hw, IGB_P2VMAILBOX(vf), IGB_P2VMAILBOX_STS);
	return 0;
}

void
igb_mbx_pf_release_vf_lock(struct igb_hw *hw, unsigned int vf)
{
	igb_write(hw, IGB_P2VMAILBOX(vf), IGB_P2VMAILBOX_RVFU);
}
