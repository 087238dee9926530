/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Shared VLAN filter table: one entry per VLAN id with the set of pools
 * that receive it. It mirrors the 32 VLVF registers one to one (entry i is
 * VLVF[i]); a VLAN stays in the table (and in the global VFTA) while at
 * least one pool still uses it, so one pool's removal never drops the
 * VLAN for the others.
 */
#ifndef IGB_PF_VLAN_H
#define IGB_PF_VLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_mbx_msg.h"
#include "igb_regs.h"

#define IGB_PF_VLAN_ENTRIES IGB_VLVF_ENTRIES
/* The mailbox carries 12 bits; 802.1Q reserves VID 4095, so no filter. */
#define IGB_PF_VLAN_ID_MAX (IGB_VLAN_ID_MAX - 1)

struct igb_pf_vlan_entry {
	uint16_t vid;
	uint8_t pools; /* bit n: pool n receives this VLAN; 0 = free */
};

struct igb_pf_vlan_table {
	struct igb_pf_vlan_entry e[IGB_PF_VLAN_ENTRIES];
};

void igb_pf_vlan_init(struct igb_pf_vlan_table *t);

/* 0, -EINVAL (vid or pool out of range), -ENOSPC (table full). Idempotent. */
int igb_pf_vlan_add(
	struct igb_pf_vlan_table *t, uint16_t vid, unsigned int pool);

/* Drops pool from vid; frees the entry when no pool is left. Idempotent. */
int igb_pf_vlan_del(
	struct igb_pf_vlan_table *t, uint16_t vid, unsigned int pool);

/* Drops pool from every VLAN. */
void igb_pf_vlan_del_pool(struct igb_pf_vlan_table *t, unsigned int pool);

bool igb_pf_vlan_has(
	const struct igb_pf_vlan_table *t, uint16_t vid, unsigned int pool);

/* Number of pools sharing vid (its reference count). */
unsigned int igb_pf_vlan_users(const struct igb_pf_vlan_table *t, uint16_t vid);

/* Number of VLANs pool belongs to. */
unsigned int igb_pf_vlan_pool_count(
	const struct igb_pf_vlan_table *t, unsigned int pool);

/* Fills vids[] (up to max) with pool's VLANs; returns how many. */
unsigned int igb_pf_vlan_pool_list(const struct igb_pf_vlan_table *t,
	unsigned int pool, uint16_t *vids, unsigned int max);

#endif /* IGB_PF_VLAN_H */
