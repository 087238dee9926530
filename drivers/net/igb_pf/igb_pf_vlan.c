/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <string.h>

#include "igb_pf_vlan.h"
#include "igb_regs.h"

void
igb_pf_vlan_init(struct igb_pf_vlan_table *t)
{
	memset(t, 0, sizeof(*t));
}

static int
vlan_find(const struct igb_pf_vlan_table *t, uint16_t vid)
{
	unsigned int i;

	for (i = 0; i < IGB_PF_VLAN_ENTRIES; i++)
		if (t->e[i].pools != 0 && t->e[i].vid == vid)
			return (int)i;
	return -1;
}

int
igb_pf_vlan_add(struct igb_pf_vlan_table *t, uint16_t vid, unsigned int pool)
{
	unsigned int i;
	int idx;

	if (vid > IGB_PF_VLAN_ID_MAX || pool >= IGB_MAX_POOLS)
		return -EINVAL;
	idx = vlan_find(t, vid);
	if (idx >= 0) {
		t->e[idx].pools |= (uint8_t)(1u << pool);
		return 0;
	}
	for (i = 0; i < IGB_PF_VLAN_ENTRIES; i++) {
		if (t->e[i].pools == 0) {
			t->e[i].vid = vid;
			t->e[i].pools = (uint8_t)(1u << pool);
			return 0;
		}
	}
	return -ENOSPC;
}

int
igb_pf_vlan_del(struct igb_pf_vlan_table *t, uint16_t vid, unsigned int pool)
{
	int idx;

	if (vid > IGB_PF_VLAN_ID_MAX || pool >= IGB_MAX_POOLS)
		return -EINVAL;
	idx = vlan_find(t, vid);
	if (idx < 0)
		return 0;
	t->e[idx].pools &= (uint8_t) ~(1u << pool);
	if (t->e[idx].pools == 0)
		t->e[idx].vid = 0;
	return 0;
}

void
igb_pf_vlan_del_pool(struct igb_pf_vlan_table *t, unsigned int pool)
{
	unsigned int i;

	if (pool >= IGB_MAX_POOLS)
		return;
	for (i = 0; i < IGB_PF_VLAN_ENTRIES; i++) {
		t->e[i].pools &= (uint8_t) ~(1u << pool);
		if (t->e[i].pools == 0)
			t->e[i].vid = 0;
	}
}

bool
igb_pf_vlan_has(
	const struct igb_pf_vlan_table *t, uint16_t vid, unsigned int pool)
{
	int idx = vlan_find(t, vid);

	return idx >= 0 && pool < IGB_MAX_POOLS &&
		(t->e[idx].pools & (1u << pool)) != 0;
}

unsigned int
igb_pf_vlan_users(const struct igb_pf_vlan_table *t, uint16_t vid)
{
	int idx = vlan_find(t, vid);

	return idx < 0 ? 0 : (unsigned int)__builtin_popcount(t->e[idx].pools);
}

unsigned int
igb_pf_vlan_pool_count(const struct igb_pf_vlan_table *t, unsigned int pool)
{
	return igb_pf_vlan_pool_list(t, pool, NULL, 0);
}

unsigned int
igb_pf_vlan_pool_list(const struct igb_pf_vlan_table *t, unsigned int pool,
	uint16_t *vids, unsigned int max)
{
	unsigned int i, n = 0;

	if (pool >= IGB_MAX_POOLS)
		return 0;
	for (i = 0; i < IGB_PF_VLAN_ENTRIES; i++) {
		if (!(t->e[i].pools & (1u << pool)))
			continue;
		if (vids != NULL && n < max)
			vids[n] = t->e[i].vid;
		n++;
	}
	return n;
}
