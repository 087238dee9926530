/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mailbox request policy: what a VF may change, after bounds-checking
 * everything it sent. Semantics follow the Linux igb PF so the kernel
 * igbvf driver works unchanged.
 */
#include <string.h>

#include "igb_pf_vf.h"

enum igb_pf_nack
igb_pf_req_reset(struct igb_pf_sriov *s, uint16_t vf)
{
	struct igb_pf_vf *v = &s->vf[vf];

	/* A reset request starts the VF from scratch, admin policy kept. */
	igb_pf_vf_clear_requests(s, vf);
	v->cnt.resets++;
	v->cts = true;
	return IGB_PF_ACK;
}

enum igb_pf_nack
igb_pf_req_set_mac(
	struct igb_pf_sriov *s, uint16_t vf, const uint8_t mac[IGB_PF_ETH_ALEN])
{
	struct igb_pf_vf *v = &s->vf[vf];

	if (!igb_pf_mac_valid(mac))
		return IGB_PF_NACK_MALFORMED;
	/* Re-asserting the pinned address is fine (igbvf does it on open);
	 * changing it needs trust. */
	if (v->mac_pinned && !v->trusted &&
		memcmp(v->mac, mac, IGB_PF_ETH_ALEN) != 0)
		return IGB_PF_NACK_PINNED;
	/* Two pools on one address would let a VF receive another's
	 * unicast traffic. */
	if (igb_pf_mac_taken(s, vf, mac))
		return IGB_PF_NACK_IN_USE;
	memcpy(v->mac, mac, IGB_PF_ETH_ALEN);
	return IGB_PF_ACK;
}

enum igb_pf_nack
igb_pf_req_mac_filter(struct igb_pf_sriov *s, uint16_t vf, bool clear,
	const uint8_t mac[IGB_PF_ETH_ALEN])
{
	(void)s;
	(void)vf;
	/* No extra unicast filters are handed out, so "clear all" always
	 * succeeds and "add" is refused (igbvf then reports -ENOSPC). */
	if (clear)
		return IGB_PF_ACK;
	if (!igb_pf_mac_valid(mac))
		return IGB_PF_NACK_MALFORMED;
	return IGB_PF_NACK_UNSUPPORTED;
}

enum igb_pf_nack
igb_pf_req_set_mc(struct igb_pf_sriov *s, uint16_t vf, const uint16_t *hashes,
	unsigned int count, bool overflow)
{
	struct igb_pf_vf *v = &s->vf[vf];
	unsigned int i;

	if (count > IGB_PF_MC_HASHES || (count > 0 && hashes == NULL))
		return IGB_PF_NACK_MALFORMED;
	for (i = 0; i < count; i++)
		if (hashes[i] > IGB_PF_MC_HASH_MAX)
			return IGB_PF_NACK_MALFORMED;
	for (i = 0; i < count; i++)
		v->mc_hashes[i] = hashes[i];
	for (; i < IGB_PF_MC_HASHES; i++)
		v->mc_hashes[i] = 0;
	v->mc_count = (uint8_t)count;
	v->mc_overflow = overflow;
	return IGB_PF_ACK;
}

enum igb_pf_nack
igb_pf_req_set_vlan(struct igb_pf_sriov *s, uint16_t vf, uint32_t vid, bool add)
{
	struct igb_pf_vf *v = &s->vf[vf];

	if (vid > IGB_PF_VLAN_ID_MAX)
		return IGB_PF_NACK_MALFORMED;
	if (v->port_vlan != 0)
		return IGB_PF_NACK_PINNED;
	if (!add) {
		igb_pf_vlan_del(&s->vlans, (uint16_t)vid, vf);
		return IGB_PF_ACK;
	}
	if (!igb_pf_vlan_has(&s->vlans, (uint16_t)vid, vf) &&
		igb_pf_vlan_pool_count(&s->vlans, vf) >=
			igb_pf_vf_vlan_share(s))
		return IGB_PF_NACK_NO_ROOM;
	if (igb_pf_vlan_add(&s->vlans, (uint16_t)vid, vf) != 0)
		return IGB_PF_NACK_NO_ROOM;
	return IGB_PF_ACK;
}

enum igb_pf_nack
igb_pf_req_set_lpe(struct igb_pf_sriov *s, uint16_t vf, uint32_t max_frame)
{
	if (max_frame < IGB_PF_FRAME_MIN || max_frame > IGB_PF_FRAME_MAX)
		return IGB_PF_NACK_MALFORMED;
	s->vf[vf].max_frame = (uint16_t)max_frame;
	return IGB_PF_ACK;
}

enum igb_pf_nack
igb_pf_req_set_promisc(struct igb_pf_sriov *s, uint16_t vf, bool uc, bool mc)
{
	struct igb_pf_vf *v = &s->vf[vf];

	/* Unicast promiscuous shows the VF other VFs' traffic: trusted
	 * VFs only. Multicast promiscuous is open to every VF. */
	if (uc && !v->trusted)
		return IGB_PF_NACK_UNTRUSTED;
	v->promisc_uc = uc;
	v->promisc_mc = mc;
	return IGB_PF_ACK;
}
