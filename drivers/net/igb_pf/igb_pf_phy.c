/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>

#include "igb_pf_phy.h"

#define MDIC_POLLS 1000
#define MDIC_POLL_US 5

/* 82576: MDIC.READY sets when the PHY access is over; ERROR if it
 * failed (QEMU: a PHY address but 1, or a register it does not model). */
static int
mdic_wait(struct igb_hw *hw, uint32_t *mdic)
{
	unsigned int i;

	for (i = 0; i < MDIC_POLLS; i++) {
		*mdic = igb_read(hw, IGB_MDIC);
		if (*mdic & IGB_MDIC_READY)
			return (*mdic & IGB_MDIC_ERROR) ? -EIO : 0;
		igb_delay_us(hw, MDIC_POLL_US);
	}
	return -ETIMEDOUT;
}

int
igb_pf_phy_read(struct igb_hw *hw, uint32_t reg, uint16_t *val)
{
	uint32_t mdic;
	int ret;

	igb_write(hw, IGB_MDIC,
		reg << IGB_MDIC_REG_SHIFT | IGB_PHY_ADDR << IGB_MDIC_PHY_SHIFT |
			IGB_MDIC_OP_READ);
	ret = mdic_wait(hw, &mdic);
	if (ret == 0)
		*val = (uint16_t)(mdic & IGB_MDIC_DATA_MASK);
	return ret;
}

int
igb_pf_phy_write(struct igb_hw *hw, uint32_t reg, uint16_t val)
{
	uint32_t mdic;

	igb_write(hw, IGB_MDIC,
		val | reg << IGB_MDIC_REG_SHIFT |
			IGB_PHY_ADDR << IGB_MDIC_PHY_SHIFT | IGB_MDIC_OP_WRITE);
	return mdic_wait(hw, &mdic);
}

int
igb_pf_phy_start_autoneg(struct igb_hw *hw)
{
	uint16_t bmcr;
	int ret;

	/* 82576 4.5.7.2: set link up, then restart autonegotiation. */
	igb_write(hw, IGB_CTRL, igb_read(hw, IGB_CTRL) | IGB_CTRL_SLU);
	ret = igb_pf_phy_read(hw, IGB_PHY_BMCR, &bmcr);
	if (ret != 0)
		return ret;
	return igb_pf_phy_write(
		hw, IGB_PHY_BMCR, bmcr | IGB_BMCR_AUTOEN | IGB_BMCR_ANRESTART);
}

void
igb_pf_link_read(struct igb_hw *hw, struct igb_pf_link *link)
{
	uint32_t status = igb_read(hw, IGB_STATUS);

	link->up = (status & IGB_STATUS_LU) != 0;
	link->full_duplex = (status & IGB_STATUS_FD) != 0;
	if (status & IGB_STATUS_SPEED_1000)
		link->speed_mbps = 1000;
	else if (status & IGB_STATUS_SPEED_100)
		link->speed_mbps = 100;
	else
		link->speed_mbps = 10;
}
