/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Projection of the SR-IOV state (igb_pf_vf.h) onto the 82576 registers:
 * VMDq pools, per-pool filters and enables, the shared MAC/VLAN/multicast
 * tables. Every sync rewrites the whole projection, so the device always
 * matches the state whatever happened before (VFLR, PF reset, a request
 * refused half way).
 */
#ifndef IGB_PF_HW_H
#define IGB_PF_HW_H

#include "igb_hw.h"
#include "igb_pf_vf.h"

/* RAR entry of VF n's address: counted down from the last entry. */
#define IGB_PF_VF_RAR(vf) (IGB_RAR_ENTRIES - 1 - (vf))
/* Entries 0 .. IGB_PF_MAX_MACS - 1 belong to the PF. */
#define IGB_PF_MAX_MACS (IGB_RAR_ENTRIES - IGB_PF_MAX_VFS)

/* Receive address entry: mac for the given pools (0 pools: entry off). */
void igb_pf_hw_set_rar(struct igb_hw *hw, unsigned int idx,
	const uint8_t mac[IGB_PF_ETH_ALEN], uint8_t pools);

/* VMOLR value of a pool (VF n or IGB_PF_POOL). */
uint32_t igb_pf_hw_vmolr(const struct igb_pf_sriov *s, unsigned int pool);

/* VMVIR value of a VF pool. */
uint32_t igb_pf_hw_vmvir(const struct igb_pf_vf *v);

/* The 128-word multicast table: union of every pool's hashes. */
void igb_pf_hw_mta(const struct igb_pf_sriov *s, uint32_t mta[IGB_MTA_WORDS]);

/*
 * VMDq mode with the PF on the last pool as the default pool, VF-to-VF
 * switching, VLAN filtering and long frames on; then a full sync.
 */
void igb_pf_hw_sriov_enable(struct igb_hw *hw, const struct igb_pf_sriov *s);

/* Rewrites every VF-dependent register from s. */
void igb_pf_hw_sync(struct igb_hw *hw, const struct igb_pf_sriov *s);

/* Leaves VMDq mode: VF pools off, VF addresses and VLANs removed. */
void igb_pf_hw_sriov_disable(struct igb_hw *hw);

/* Global reset (CTRL.RST) with interrupts, Rx and Tx off before. */
#define IGB_PF_RESET_DELAY_US 10000
void igb_pf_hw_reset(struct igb_hw *hw);

/* "PF reset done": lets the VFs out of their reset wait (RSTI -> RSTD). */
void igb_pf_hw_pf_ready(struct igb_hw *hw);

#endif /* IGB_PF_HW_H */
