/* SPDX-License-Identifier: BSD-3-Clause */
/* Private API (rte_pmd_igb_pf.h): the administrator's VF controls. */
#include <assert.h>
#include <errno.h>
#include <string.h>

#include "igb_mbx_msg.h"
#include "igb_pf_private.h"

/* The request layout the public header gives applications is the codec's. */
static_assert(RTE_PMD_IGB_PF_MSG_VF_RESET == IGB_MSG_VF_RESET, "msg type");
static_assert(
	RTE_PMD_IGB_PF_MSG_SET_MAC_ADDR == IGB_MSG_SET_MAC_ADDR, "msg type");
static_assert(
	RTE_PMD_IGB_PF_MSG_SET_MULTICAST == IGB_MSG_SET_MULTICAST, "msg type");
static_assert(RTE_PMD_IGB_PF_MSG_SET_VLAN == IGB_MSG_SET_VLAN, "msg type");
static_assert(RTE_PMD_IGB_PF_MSG_SET_LPE == IGB_MSG_SET_LPE, "msg type");
static_assert(
	RTE_PMD_IGB_PF_MSG_SET_PROMISC == IGB_MSG_SET_PROMISC, "msg type");
static_assert(RTE_PMD_IGB_PF_MSG_INFO(IGB_MSG_INFO_MASK) == 0xffu, "info");
static_assert(
	RTE_PMD_IGB_PF_MSG_VLAN_ADD << IGB_MSG_INFO_SHIFT == IGB_MSG_VLAN_ADD,
	"vlan add");
static_assert(RTE_PMD_IGB_PF_MSG_PROMISC_UNICAST << IGB_MSG_INFO_SHIFT ==
		IGB_MSG_PROMISC_UNICAST,
	"promisc unicast");
static_assert(RTE_PMD_IGB_PF_MSG_PROMISC_MULTICAST << IGB_MSG_INFO_SHIFT ==
		IGB_MSG_PROMISC_MULTICAST,
	"promisc multicast");

/*
 * Takes a reference to port's adapter and locks it; NULL (and *ret set)
 * if port is not an open net_igb_pf port or vf is out of range. Undone
 * by igb_pf_adapter_leave.
 */
static struct igb_pf_adapter *
lock_port(uint16_t port, uint16_t vf, int *ret)
{
	struct igb_pf_adapter *ad = igb_pf_adapter_enter(port, ret);

	if (ad == NULL)
		return NULL;
	if (vf >= ad->sriov.num_vfs && vf != RTE_PMD_IGB_PF_ALL_VFS) {
		igb_pf_adapter_leave(ad);
		*ret = -EINVAL;
		return NULL;
	}
	return ad;
}

/* A VF switch of the administrator (fn), committed. */
static int
admin(uint16_t port, uint16_t vf,
	int (*fn)(struct igb_pf_sriov *, uint16_t, bool), uint8_t on)
{
	struct igb_pf_adapter *ad;
	int ret;

	if (vf == RTE_PMD_IGB_PF_ALL_VFS)
		return -EINVAL;
	ad = lock_port(port, vf, &ret);
	if (ad == NULL)
		return ret;
	return igb_pf_adapter_commit(ad, fn(&ad->sriov, vf, on != 0));
}

int
rte_pmd_igb_pf_mb_event_mac(const struct rte_pmd_igb_pf_mb_event_param *p,
	struct rte_ether_addr *mac)
{
	struct igb_msg m = {.len = IGB_MBX_WORDS};

	if (p == NULL || p->msg == NULL || mac == NULL ||
		p->msg_type != IGB_MSG_SET_MAC_ADDR)
		return -EINVAL;
	memcpy(m.w, p->msg, sizeof(m.w));
	return igb_msg_decode_mac(&m, mac->addr_bytes);
}

int
rte_pmd_igb_pf_get_num_vfs(uint16_t port)
{
	struct igb_pf_adapter *ad;
	int ret;

	ad = lock_port(port, RTE_PMD_IGB_PF_ALL_VFS, &ret);
	if (ad == NULL)
		return ret;
	ret = ad->sriov.num_vfs;
	igb_pf_adapter_leave(ad);
	return ret;
}

int
rte_pmd_igb_pf_get_vf_info(
	uint16_t port, uint16_t vf, struct rte_pmd_igb_pf_vf_info *info)
{
	struct igb_pf_adapter *ad;
	const struct igb_pf_vf *v;
	int ret;

	if (info == NULL || vf == RTE_PMD_IGB_PF_ALL_VFS)
		return -EINVAL;
	ad = lock_port(port, vf, &ret);
	if (ad == NULL)
		return ret;
	v = &ad->sriov.vf[vf];
	memset(info, 0, sizeof(*info));
	memcpy(info->mac.addr_bytes, v->mac, RTE_ETHER_ADDR_LEN);
	info->mac_pinned = v->mac_pinned;
	info->port_vlan = v->port_vlan;
	info->trusted = v->trusted;
	info->mac_anti_spoof = v->mac_spoofchk;
	info->vlan_anti_spoof = v->vlan_spoofchk;
	info->rx_enabled = v->rx_allowed;
	info->tx_enabled = v->tx_allowed;
	info->clear_to_send = v->cts;
	info->max_frame = v->max_frame;
	info->nb_mc_hashes = v->mc_count;
	info->mc_overflow = v->mc_overflow;
	info->promisc_unicast = v->promisc_uc;
	info->promisc_multicast = v->promisc_mc;
	info->nb_vlans = (uint16_t)igb_pf_vlan_pool_list(
		&ad->sriov.vlans, vf, info->vlans, RTE_DIM(info->vlans));
	info->mbx_requests = v->cnt.msgs;
	info->mbx_acks = v->cnt.acks;
	info->mbx_nacks = v->cnt.nacks;
	info->mbx_resets = v->cnt.resets;
	info->flrs = v->cnt.flrs;
	info->mbx_errors = v->cnt.mbx_errors;
	igb_pf_adapter_leave(ad);
	return 0;
}

int
rte_pmd_igb_pf_set_vf_mac_addr(
	uint16_t port, uint16_t vf, const struct rte_ether_addr *mac)
{
	struct igb_pf_adapter *ad;
	int ret;

	if (mac == NULL || vf == RTE_PMD_IGB_PF_ALL_VFS)
		return -EINVAL;
	ad = lock_port(port, vf, &ret);
	if (ad == NULL)
		return ret;
	ret = igb_pf_admin_set_mac(&ad->sriov, vf, mac->addr_bytes);
	if (ret == 0 && ad->sriov.vf[vf].cts)
		IGB_PF_LOG(NOTICE,
			"%s: VF %u MAC set; the VF driver uses it after its "
			"next reset",
			ad->bdf, vf);
	return igb_pf_adapter_commit(ad, ret);
}

int
rte_pmd_igb_pf_set_vf_vlan(uint16_t port, uint16_t vf, uint16_t vlan_id)
{
	struct igb_pf_adapter *ad;
	int ret;

	if (vf == RTE_PMD_IGB_PF_ALL_VFS)
		return -EINVAL;
	ad = lock_port(port, vf, &ret);
	if (ad == NULL)
		return ret;
	return igb_pf_adapter_commit(
		ad, igb_pf_admin_set_port_vlan(&ad->sriov, vf, vlan_id));
}

int
rte_pmd_igb_pf_set_vf_trust(uint16_t port, uint16_t vf, uint8_t on)
{
	return admin(port, vf, igb_pf_admin_set_trust, on);
}

int
rte_pmd_igb_pf_set_vf_mac_anti_spoof(uint16_t port, uint16_t vf, uint8_t on)
{
	return admin(port, vf, igb_pf_admin_set_mac_spoofchk, on);
}

int
rte_pmd_igb_pf_set_vf_vlan_anti_spoof(uint16_t port, uint16_t vf, uint8_t on)
{
	return admin(port, vf, igb_pf_admin_set_vlan_spoofchk, on);
}

int
rte_pmd_igb_pf_set_vf_rx(uint16_t port, uint16_t vf, uint8_t on)
{
	return admin(port, vf, igb_pf_admin_set_rx, on);
}

int
rte_pmd_igb_pf_set_vf_tx(uint16_t port, uint16_t vf, uint8_t on)
{
	return admin(port, vf, igb_pf_admin_set_tx, on);
}

int
rte_pmd_igb_pf_get_vf_stats(
	uint16_t port, uint16_t vf, struct rte_pmd_igb_pf_vf_stats *stats)
{
	struct igb_pf_adapter *ad;
	const struct igb_pool_stats *t;
	int ret;

	if (stats == NULL || vf == RTE_PMD_IGB_PF_ALL_VFS)
		return -EINVAL;
	ad = lock_port(port, vf, &ret);
	if (ad == NULL)
		return ret;
	igb_pf_vfstats_update(ad);
	t = &ad->vfstats[vf];
	stats->ipackets = igb_pool_stat(t, IGB_POOL_GPRC);
	stats->opackets = igb_pool_stat(t, IGB_POOL_GPTC);
	stats->ibytes = igb_pool_stat(t, IGB_POOL_GORC);
	stats->obytes = igb_pool_stat(t, IGB_POOL_GOTC);
	stats->imulticast = igb_pool_stat(t, IGB_POOL_MPRC);
	igb_pf_adapter_leave(ad);
	return 0;
}

int
rte_pmd_igb_pf_reset_vf_stats(uint16_t port, uint16_t vf)
{
	struct igb_pf_adapter *ad;
	int ret;

	if (vf == RTE_PMD_IGB_PF_ALL_VFS)
		return -EINVAL;
	ad = lock_port(port, vf, &ret);
	if (ad == NULL)
		return ret;
	igb_pf_vfstats_update(ad);
	igb_pool_stats_reset(&ad->vfstats[vf]);
	igb_pf_adapter_leave(ad);
	return 0;
}

int
rte_pmd_igb_pf_ping_vf(uint16_t port, uint16_t vf)
{
	struct igb_pf_adapter *ad;
	int ret;

	ad = lock_port(port, vf, &ret);
	if (ad == NULL)
		return ret;
	if (vf == RTE_PMD_IGB_PF_ALL_VFS)
		igb_pf_mbx_ping_all(&ad->mbx);
	else
		ret = igb_pf_mbx_ping(&ad->mbx, vf);
	igb_pf_adapter_leave(ad);
	return ret;
}
