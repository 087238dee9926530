/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PHY access through MDIC and link bring-up, 82576 4.5.7.2: the MAC
 * takes the PHY's link with CTRL.SLU set, and autonegotiation is
 * (re)started in the PHY's BMCR, as Linux igb does. QEMU: the link comes
 * up only ~0.5 s after that restart; setting CTRL.SLU alone does nothing.
 */
#ifndef IGB_PF_PHY_H
#define IGB_PF_PHY_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_hw.h"

/* 0, -EIO (MDIC error) or -ETIMEDOUT (never ready). */
int igb_pf_phy_read(struct igb_hw *hw, uint32_t reg, uint16_t *val);
int igb_pf_phy_write(struct igb_hw *hw, uint32_t reg, uint16_t val);

/* Sets CTRL.SLU and restarts autonegotiation; link follows ~0.5 s later. */
int igb_pf_phy_start_autoneg(struct igb_hw *hw);

struct igb_pf_link {
	bool up;
	bool full_duplex;
	uint32_t speed_mbps;
};

/* Link as the MAC reports it (STATUS). */
void igb_pf_link_read(struct igb_hw *hw, struct igb_pf_link *link);

#endif /* IGB_PF_PHY_H */
