/* SPDX-License-Identifier: BSD-3-Clause */
/* VF state table: defaults, resets and administrator policy. */
#include <errno.h>
#include <string.h>

#include "igb_pf_vf.h"

static const char *const nack_names[IGB_PF_NACK_REASONS] = {
	[IGB_PF_ACK] = "ack",
	[IGB_PF_NACK_NOT_CTS] = "not_cts",
	[IGB_PF_NACK_MALFORMED] = "malformed",
	[IGB_PF_NACK_UNKNOWN] = "unknown",
	[IGB_PF_NACK_PINNED] = "pinned",
	[IGB_PF_NACK_IN_USE] = "in_use",
	[IGB_PF_NACK_UNTRUSTED] = "untrusted",
	[IGB_PF_NACK_NO_ROOM] = "no_room",
	[IGB_PF_NACK_UNSUPPORTED] = "unsupported",
	[IGB_PF_NACK_APP] = "app",
};

const char *
igb_pf_nack_name(enum igb_pf_nack reason)
{
	if ((unsigned int)reason >= IGB_PF_NACK_REASONS)
		return "invalid";
	return nack_names[reason];
}

bool
igb_pf_mac_valid(const uint8_t mac[IGB_PF_ETH_ALEN])
{
	static const uint8_t zero[IGB_PF_ETH_ALEN];

	/* Unicast (I/G bit clear) and not all zeros. */
	return !(mac[0] & 0x01) && memcmp(mac, zero, IGB_PF_ETH_ALEN) != 0;
}

/* True if mac is the PF's or another VF's address. */
bool
igb_pf_mac_taken(const struct igb_pf_sriov *s, uint16_t owner,
	const uint8_t mac[IGB_PF_ETH_ALEN])
{
	uint16_t i;

	if (owner != IGB_PF_SELF &&
		memcmp(s->pf.mac, mac, IGB_PF_ETH_ALEN) == 0)
		return true;
	for (i = 0; i < s->num_vfs; i++)
		if (i != owner &&
			memcmp(s->vf[i].mac, mac, IGB_PF_ETH_ALEN) == 0)
			return true;
	return false;
}

void
igb_pf_vf_clear_requests(struct igb_pf_sriov *s, uint16_t vf)
{
	struct igb_pf_vf *v = &s->vf[vf];

	memset(v->mc_hashes, 0, sizeof(v->mc_hashes));
	v->mc_count = 0;
	v->mc_overflow = false;
	v->promisc_uc = false;
	v->promisc_mc = false;
	v->max_frame = IGB_PF_FRAME_DEFAULT;
	igb_pf_vlan_del_pool(&s->vlans, vf);
	/* The port VLAN is admin state: it stays. Re-adding cannot fail
	 * since the entry was just freed at most. */
	if (v->port_vlan != 0)
		igb_pf_vlan_add(&s->vlans, v->port_vlan, vf);
}

int
igb_pf_sriov_init(struct igb_pf_sriov *s, uint16_t num_vfs,
	const uint8_t (*macs)[IGB_PF_ETH_ALEN])
{
	uint16_t i;

	if (num_vfs > IGB_PF_MAX_VFS || (num_vfs > 0 && macs == NULL))
		return -EINVAL;
	for (i = 0; i < num_vfs; i++)
		if (!igb_pf_mac_valid(macs[i]))
			return -EINVAL;
	memset(s, 0, sizeof(*s));
	s->num_vfs = num_vfs;
	s->pf.max_frame = IGB_PF_FRAME_DEFAULT;
	igb_pf_vlan_init(&s->vlans);
	for (i = 0; i < num_vfs; i++) {
		struct igb_pf_vf *v = &s->vf[i];

		memcpy(v->mac, macs[i], IGB_PF_ETH_ALEN);
		v->mac_spoofchk = true;
		v->vlan_spoofchk = true;
		v->rx_allowed = true;
		v->tx_allowed = true;
		igb_pf_vf_clear_requests(s, i);
	}
	return 0;
}

void
igb_pf_vf_flr(struct igb_pf_sriov *s, uint16_t vf)
{
	if (vf >= s->num_vfs)
		return;
	igb_pf_vf_clear_requests(s, vf);
	s->vf[vf].cts = false;
	s->vf[vf].cnt.flrs++;
}

uint8_t
igb_pf_vf_rx_pools(const struct igb_pf_sriov *s)
{
	uint8_t mask = 0;
	uint16_t i;

	for (i = 0; i < s->num_vfs; i++)
		if (s->vf[i].cts && s->vf[i].rx_allowed)
			mask |= (uint8_t)(1u << i);
	return mask;
}

unsigned int
igb_pf_vf_vlan_share(const struct igb_pf_sriov *s)
{
	return IGB_PF_VLAN_ENTRIES / (s->num_vfs + 1u);
}

uint8_t
igb_pf_vf_tx_pools(const struct igb_pf_sriov *s)
{
	uint8_t mask = 0;
	uint16_t i;

	for (i = 0; i < s->num_vfs; i++)
		if (s->vf[i].cts && s->vf[i].tx_allowed)
			mask |= (uint8_t)(1u << i);
	return mask;
}

uint16_t
igb_pf_vf_rlpml(const struct igb_pf_vf *v)
{
	/* Room for one VLAN tag on top of what the VF asked for. */
	return (uint16_t)(v->max_frame + IGB_PF_VLAN_ROOM);
}

void
igb_pf_vf_count(struct igb_pf_sriov *s, uint16_t vf, enum igb_pf_nack verdict)
{
	struct igb_pf_vf_counters *c;

	if (vf >= s->num_vfs || (unsigned int)verdict >= IGB_PF_NACK_REASONS)
		return;
	c = &s->vf[vf].cnt;
	c->msgs++;
	if (verdict == IGB_PF_ACK)
		c->acks++;
	else
		c->nacks++;
	c->nack_by_reason[verdict]++;
}

int
igb_pf_admin_set_mac(
	struct igb_pf_sriov *s, uint16_t vf, const uint8_t mac[IGB_PF_ETH_ALEN])
{
	static const uint8_t zero[IGB_PF_ETH_ALEN];

	if (vf >= s->num_vfs || mac == NULL)
		return -EINVAL;
	if (memcmp(mac, zero, IGB_PF_ETH_ALEN) == 0) {
		s->vf[vf].mac_pinned = false;
		return 0;
	}
	if (!igb_pf_mac_valid(mac))
		return -EINVAL;
	if (igb_pf_mac_taken(s, vf, mac))
		return -EADDRINUSE;
	memcpy(s->vf[vf].mac, mac, IGB_PF_ETH_ALEN);
	s->vf[vf].mac_pinned = true;
	return 0;
}

int
igb_pf_admin_set_port_vlan(struct igb_pf_sriov *s, uint16_t vf, uint16_t vid)
{
	struct igb_pf_vlan_table trial;
	struct igb_pf_vf *v;
	int ret;

	if (vf >= s->num_vfs || vid > IGB_PF_VLAN_ID_MAX)
		return -EINVAL;
	v = &s->vf[vf];
	if (vid == v->port_vlan)
		return 0;
	if (vid == 0) {
		igb_pf_vlan_del(&s->vlans, v->port_vlan, vf);
		v->port_vlan = 0;
		return 0;
	}
	/* The VF sees only its port VLAN from now on: its own VLANs go.
	 * Work on a copy so that a full table changes nothing. */
	trial = s->vlans;
	igb_pf_vlan_del_pool(&trial, vf);
	ret = igb_pf_vlan_add(&trial, vid, vf);
	if (ret != 0)
		return ret;
	s->vlans = trial;
	v->port_vlan = vid;
	return 0;
}

int
igb_pf_admin_set_trust(struct igb_pf_sriov *s, uint16_t vf, bool on)
{
	if (vf >= s->num_vfs)
		return -EINVAL;
	s->vf[vf].trusted = on;
	/* Losing trust withdraws what only trust allowed. */
	if (!on)
		s->vf[vf].promisc_uc = false;
	return 0;
}

int
igb_pf_admin_set_mac_spoofchk(struct igb_pf_sriov *s, uint16_t vf, bool on)
{
	if (vf >= s->num_vfs)
		return -EINVAL;
	s->vf[vf].mac_spoofchk = on;
	return 0;
}

int
igb_pf_admin_set_vlan_spoofchk(struct igb_pf_sriov *s, uint16_t vf, bool on)
{
	if (vf >= s->num_vfs)
		return -EINVAL;
	s->vf[vf].vlan_spoofchk = on;
	return 0;
}

int
igb_pf_admin_set_rx(struct igb_pf_sriov *s, uint16_t vf, bool on)
{
	if (vf >= s->num_vfs)
		return -EINVAL;
	s->vf[vf].rx_allowed = on;
	return 0;
}

int
igb_pf_admin_set_tx(struct igb_pf_sriov *s, uint16_t vf, bool on)
{
	if (vf >= s->num_vfs)
		return -EINVAL;
	s->vf[vf].tx_allowed = on;
	return 0;
}
