/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "igb_mbx_msg.h"
#include "igb_pf_hw.h"
#include "pf_oracle.h"

void (*oracle_fail_hook)(void);

void
oracle_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("pf-mailbox invariant violated: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (oracle_fail_hook != NULL)
		oracle_fail_hook();
	abort();
}

static bool
mac_unicast(const uint8_t mac[IGB_PF_ETH_ALEN])
{
	unsigned int i, any = 0;

	for (i = 0; i < IGB_PF_ETH_ALEN; i++)
		any |= mac[i];
	return any != 0 && !(mac[0] & 1);
}

/* Another function (the PF or another VF) already has mac. */
static bool
mac_owned_elsewhere(
	const struct oracle *o, uint16_t vf, const uint8_t mac[IGB_PF_ETH_ALEN])
{
	uint16_t i;

	if (memcmp(o->pf_mac, mac, IGB_PF_ETH_ALEN) == 0)
		return true;
	for (i = 0; i < o->num_vfs; i++)
		if (i != vf && memcmp(o->vf[i].mac, mac, IGB_PF_ETH_ALEN) == 0)
			return true;
	return false;
}

static void
vlan_join(struct oracle *o, uint16_t vid, unsigned int pool)
{
	if (o->vlan_pools[vid] & (1u << pool))
		return;
	if (o->vlan_pools[vid] == 0)
		o->vlans_used++;
	o->vlan_pools[vid] |= (uint8_t)(1u << pool);
	o->pool_vlans[pool]++;
}

static void
vlan_leave(struct oracle *o, uint16_t vid, unsigned int pool)
{
	if (!(o->vlan_pools[vid] & (1u << pool)))
		return;
	o->vlan_pools[vid] &= (uint8_t) ~(1u << pool);
	o->pool_vlans[pool]--;
	if (o->vlan_pools[vid] == 0)
		o->vlans_used--;
}

static void
vlan_leave_all(struct oracle *o, unsigned int pool)
{
	unsigned int vid;

	for (vid = 0; vid <= IGB_PF_VLAN_ID_MAX && o->pool_vlans[pool] > 0;
		vid++)
		vlan_leave(o, (uint16_t)vid, pool);
}

/* A pool may join vid: it is in the table already, or an entry is free. */
static bool
vlan_room(const struct oracle *o, uint16_t vid)
{
	return o->vlan_pools[vid] != 0 || o->vlans_used < IGB_PF_VLAN_ENTRIES;
}

static void
clear_requests(struct oracle *o, uint16_t vf)
{
	struct oracle_vf *v = &o->vf[vf];

	memset(v->mc, 0, sizeof(v->mc));
	v->mc_count = 0;
	v->mc_overflow = false;
	v->promisc_uc = false;
	v->promisc_mc = false;
	v->max_frame = IGB_PF_FRAME_DEFAULT;
	vlan_leave_all(o, vf);
	if (v->port_vlan != 0)
		vlan_join(o, v->port_vlan, vf);
}

void
oracle_init(struct oracle *o, uint16_t num_vfs,
	const uint8_t pf_mac[IGB_PF_ETH_ALEN],
	const uint8_t (*macs)[IGB_PF_ETH_ALEN])
{
	uint16_t i;

	memset(o, 0, sizeof(*o));
	o->num_vfs = num_vfs;
	memcpy(o->pf_mac, pf_mac, IGB_PF_ETH_ALEN);
	for (i = 0; i < num_vfs; i++) {
		struct oracle_vf *v = &o->vf[i];

		memcpy(v->mac, macs[i], IGB_PF_ETH_ALEN);
		v->mac_spoof = v->vlan_spoof = v->rx = v->tx = true;
		v->max_frame = IGB_PF_FRAME_DEFAULT;
	}
}

static void
word_bytes(const uint32_t w[IGB_MBX_WORDS], uint8_t mac[IGB_PF_ETH_ALEN])
{
	unsigned int i;

	for (i = 0; i < IGB_PF_ETH_ALEN; i++)
		mac[i] = (uint8_t)(w[1 + i / 4] >> (8 * (i % 4)));
}

static uint16_t
mc_hash(const uint32_t w[IGB_MBX_WORDS], unsigned int i)
{
	return (uint16_t)(w[1 + i / 2] >> (16 * (i % 2)));
}

bool
oracle_malformed(const uint32_t w[IGB_MBX_WORDS])
{
	uint32_t info = (w[0] >> IGB_MSG_INFO_SHIFT) & 0xff;
	uint8_t mac[IGB_PF_ETH_ALEN];
	unsigned int i, n;

	switch (w[0] & IGB_MSG_TYPE_MASK) {
	case IGB_MSG_VF_RESET:
		return false;
	case IGB_MSG_SET_MAC_ADDR:
		/* 0: set my address, 1: clear filters, 2: add a filter. */
		word_bytes(w, mac);
		return info > 2 || (info != 1 && !mac_unicast(mac));
	case IGB_MSG_SET_MULTICAST:
		n = info & 0x7f; /* bit 7: overflow */
		if (n > IGB_PF_MC_HASHES)
			return true;
		for (i = 0; i < n; i++)
			if (mc_hash(w, i) > IGB_PF_MC_HASH_MAX)
				return true;
		return false;
	case IGB_MSG_SET_VLAN:
		return w[1] > IGB_PF_VLAN_ID_MAX;
	case IGB_MSG_SET_LPE:
		return w[1] < IGB_PF_FRAME_MIN || w[1] > IGB_PF_FRAME_MAX;
	case IGB_MSG_SET_PROMISC:
		return (info & ~3u) != 0;
	default:
		return true; /* unknown type */
	}
}

/* Verdict and effect of a well-formed request of a clear-to-send VF. */
static enum igb_pf_nack
apply(struct oracle *o, uint16_t vf, const uint32_t w[IGB_MBX_WORDS])
{
	struct oracle_vf *v = &o->vf[vf];
	uint32_t info = (w[0] >> IGB_MSG_INFO_SHIFT) & 0xff;
	uint8_t mac[IGB_PF_ETH_ALEN];
	unsigned int i;
	uint16_t vid;

	switch (w[0] & IGB_MSG_TYPE_MASK) {
	case IGB_MSG_SET_MAC_ADDR:
		if (info == 1)
			return IGB_PF_ACK;
		if (info == 2)
			return IGB_PF_NACK_UNSUPPORTED;
		word_bytes(w, mac);
		if (v->pinned && !v->trusted &&
			memcmp(mac, v->mac, IGB_PF_ETH_ALEN) != 0)
			return IGB_PF_NACK_PINNED;
		if (mac_owned_elsewhere(o, vf, mac))
			return IGB_PF_NACK_IN_USE;
		memcpy(v->mac, mac, IGB_PF_ETH_ALEN);
		return IGB_PF_ACK;
	case IGB_MSG_SET_MULTICAST:
		memset(v->mc, 0, sizeof(v->mc));
		v->mc_count = info & 0x7f;
		for (i = 0; i < v->mc_count; i++)
			v->mc[i] = mc_hash(w, i);
		v->mc_overflow = (info & 0x80) != 0;
		return IGB_PF_ACK;
	case IGB_MSG_SET_VLAN:
		if (v->port_vlan != 0)
			return IGB_PF_NACK_PINNED;
		vid = (uint16_t)w[1];
		if (!(info & 1)) {
			vlan_leave(o, vid, vf);
			return IGB_PF_ACK;
		}
		/* A VF holds at most an equal share of the 32 entries
		 * (the VFs and the PF). */
		if (!(o->vlan_pools[vid] & (1u << vf)) &&
			o->pool_vlans[vf] >= 32u / (o->num_vfs + 1u))
			return IGB_PF_NACK_NO_ROOM;
		if (!vlan_room(o, vid))
			return IGB_PF_NACK_NO_ROOM;
		vlan_join(o, vid, vf);
		return IGB_PF_ACK;
	case IGB_MSG_SET_LPE:
		v->max_frame = (uint16_t)w[1];
		return IGB_PF_ACK;
	case IGB_MSG_SET_PROMISC:
		if ((info & 1) && !v->trusted)
			return IGB_PF_NACK_UNTRUSTED;
		v->promisc_uc = (info & 1) != 0;
		v->promisc_mc = (info & 2) != 0;
		return IGB_PF_ACK;
	default:
		oracle_fail("oracle: apply() on type %#x", w[0]);
	}
}

static void
count(struct oracle_vf *v, enum igb_pf_nack verdict)
{
	v->cnt.msgs++;
	if (verdict == IGB_PF_ACK)
		v->cnt.acks++;
	else
		v->cnt.nacks++;
	v->cnt.nack_by_reason[verdict]++;
}

enum igb_pf_nack
oracle_request(struct oracle *o, uint16_t vf, const uint32_t w[IGB_MBX_WORDS],
	int app, bool *counted)
{
	struct oracle_vf *v = &o->vf[vf];
	enum igb_pf_nack verdict;

	*counted = false;
	if (w[0] & (IGB_MSG_ACK | IGB_MSG_NACK))
		return IGB_PF_ACK;
	*counted = true;
	if ((w[0] & IGB_MSG_TYPE_MASK) == IGB_MSG_VF_RESET) {
		clear_requests(o, vf);
		v->cnt.resets++;
		v->cts = true;
		verdict = IGB_PF_ACK;
	} else if (!v->cts) {
		verdict = IGB_PF_NACK_NOT_CTS;
	} else if (app == 0) {
		verdict = IGB_PF_ACK;
	} else if (app == 1) {
		verdict = IGB_PF_NACK_APP;
	} else if (oracle_malformed(w)) {
		uint16_t type = w[0] & IGB_MSG_TYPE_MASK;

		verdict = type >= IGB_MSG_SET_MAC_ADDR &&
				type <= IGB_MSG_SET_PROMISC
			? IGB_PF_NACK_MALFORMED
			: IGB_PF_NACK_UNKNOWN;
	} else {
		verdict = apply(o, vf, w);
	}
	count(v, verdict);
	return verdict;
}

void
oracle_flr(struct oracle *o, uint16_t vf)
{
	clear_requests(o, vf);
	o->vf[vf].cts = false;
	o->vf[vf].cnt.flrs++;
}

int
oracle_admin_mac(
	struct oracle *o, uint16_t vf, const uint8_t mac[IGB_PF_ETH_ALEN])
{
	static const uint8_t zero[IGB_PF_ETH_ALEN];

	if (vf >= o->num_vfs)
		return -EINVAL;
	if (memcmp(mac, zero, IGB_PF_ETH_ALEN) == 0) {
		o->vf[vf].pinned = false;
		return 0;
	}
	if (!mac_unicast(mac))
		return -EINVAL;
	if (mac_owned_elsewhere(o, vf, mac))
		return -EADDRINUSE;
	memcpy(o->vf[vf].mac, mac, IGB_PF_ETH_ALEN);
	o->vf[vf].pinned = true;
	return 0;
}

int
oracle_admin_port_vlan(struct oracle *o, uint16_t vf, uint16_t vid)
{
	struct oracle_vf *v;
	unsigned int freed = 0, i;

	if (vf >= o->num_vfs || vid > IGB_PF_VLAN_ID_MAX)
		return -EINVAL;
	v = &o->vf[vf];
	if (vid == v->port_vlan)
		return 0;
	if (vid != 0) {
		/* The VF's own VLANs go first: entries it alone used free. */
		for (i = 0; i <= IGB_PF_VLAN_ID_MAX; i++)
			if (o->vlan_pools[i] == (1u << vf))
				freed++;
		if (!(o->vlan_pools[vid] & ~(1u << vf)) &&
			o->vlans_used - freed >= IGB_PF_VLAN_ENTRIES)
			return -ENOSPC;
	}
	vlan_leave_all(o, vf);
	if (vid != 0)
		vlan_join(o, vid, vf);
	v->port_vlan = vid;
	return 0;
}

int
oracle_admin_flag(struct oracle *o, uint16_t vf, unsigned int which, bool on)
{
	struct oracle_vf *v;

	if (vf >= o->num_vfs)
		return -EINVAL;
	v = &o->vf[vf];
	switch (which) {
	case 0:
		v->trusted = on;
		if (!on)
			v->promisc_uc = false;
		break;
	case 1:
		v->mac_spoof = on;
		break;
	case 2:
		v->vlan_spoof = on;
		break;
	case 3:
		v->rx = on;
		break;
	default:
		v->tx = on;
		break;
	}
	return 0;
}

int
oracle_pf_vlan(struct oracle *o, uint16_t vid, bool add)
{
	if (vid > IGB_PF_VLAN_ID_MAX)
		return -EINVAL;
	if (!add) {
		vlan_leave(o, vid, IGB_PF_POOL);
		return 0;
	}
	if (!vlan_room(o, vid))
		return -ENOSPC;
	vlan_join(o, vid, IGB_PF_POOL);
	return 0;
}

/* what names the item and idx its number: "mac byte of VF", 2. */
#define EXPECT_EQ(what, idx, want, got) \
	do { \
		unsigned long long w_ = (want), g_ = (got); \
		if (w_ != g_) \
			oracle_fail( \
				"after %s: %s %u: expected %#llx, seen %#llx", \
				after, (what), (unsigned int)(idx), w_, g_); \
	} while (0)
#define EXPECT_VF(what, vf, want, got) EXPECT_EQ(what " of VF", vf, want, got)

static void
check_vf(const struct oracle *o, const struct igb_pf_sriov *s, uint16_t i,
	const char *after)
{
	const struct oracle_vf *e = &o->vf[i];
	const struct igb_pf_vf *v = &s->vf[i];
	unsigned int j;

	for (j = 0; j < IGB_PF_ETH_ALEN; j++)
		EXPECT_VF("mac byte", i, e->mac[j], v->mac[j]);
	EXPECT_VF("mac_pinned", i, e->pinned, v->mac_pinned);
	EXPECT_VF("trusted", i, e->trusted, v->trusted);
	EXPECT_VF("cts", i, e->cts, v->cts);
	EXPECT_VF("port_vlan", i, e->port_vlan, v->port_vlan);
	EXPECT_VF("mac_spoofchk", i, e->mac_spoof, v->mac_spoofchk);
	EXPECT_VF("vlan_spoofchk", i, e->vlan_spoof, v->vlan_spoofchk);
	EXPECT_VF("rx_allowed", i, e->rx, v->rx_allowed);
	EXPECT_VF("tx_allowed", i, e->tx, v->tx_allowed);
	EXPECT_VF("mc_count", i, e->mc_count, v->mc_count);
	for (j = 0; j < IGB_PF_MC_HASHES; j++)
		EXPECT_VF("mc hash", i, e->mc[j], v->mc_hashes[j]);
	EXPECT_VF("mc_overflow", i, e->mc_overflow, v->mc_overflow);
	EXPECT_VF("promisc_uc", i, e->promisc_uc, v->promisc_uc);
	EXPECT_VF("promisc_mc", i, e->promisc_mc, v->promisc_mc);
	EXPECT_VF("max_frame", i, e->max_frame, v->max_frame);
	EXPECT_VF("msgs", i, e->cnt.msgs, v->cnt.msgs);
	EXPECT_VF("acks", i, e->cnt.acks, v->cnt.acks);
	EXPECT_VF("nacks", i, e->cnt.nacks, v->cnt.nacks);
	for (j = 0; j < IGB_PF_NACK_REASONS; j++)
		if (e->cnt.nack_by_reason[j] != v->cnt.nack_by_reason[j])
			oracle_fail("after %s: %s count of VF %u: expected "
				    "%" PRIu64 ", seen %" PRIu64,
				after, igb_pf_nack_name(j), i,
				e->cnt.nack_by_reason[j],
				v->cnt.nack_by_reason[j]);
	EXPECT_VF("resets", i, e->cnt.resets, v->cnt.resets);
	EXPECT_VF("flrs", i, e->cnt.flrs, v->cnt.flrs);
	EXPECT_VF("mbx_errors", i, e->cnt.mbx_errors, v->cnt.mbx_errors);
	/* Unconditional bounds, whatever the history. */
	if (v->mc_count > IGB_PF_MC_HASHES ||
		v->port_vlan > IGB_PF_VLAN_ID_MAX ||
		v->max_frame < IGB_PF_FRAME_MIN ||
		v->max_frame > IGB_PF_FRAME_MAX)
		oracle_fail("after %s: VF %u field out of bounds", after, i);
	if (v->promisc_uc && !v->trusted)
		oracle_fail(
			"after %s: VF %u promiscuous without trust", after, i);
	if (!igb_pf_mac_valid(v->mac) || igb_pf_mac_taken(s, i, v->mac))
		oracle_fail(
			"after %s: VF %u address invalid or shared", after, i);
}

/* The shared VLAN table against the model, then VLVF/VFTA against it. */
static void
check_vlans(const struct oracle *o, const struct igb_pf_sriov *s,
	const struct igb_model *m, const char *after)
{
	uint32_t vfta[IGB_VFTA_WORDS] = {0};
	uint8_t valid = (uint8_t)((1u << s->num_vfs) - 1) | (1u << IGB_PF_POOL);
	unsigned int i, used = 0;

	for (i = 0; i < IGB_PF_VLAN_ENTRIES; i++) {
		const struct igb_pf_vlan_entry *e = &s->vlans.e[i];
		uint32_t want = 0;

		if (e->pools != 0) {
			used++;
			if (e->vid > IGB_PF_VLAN_ID_MAX || (e->pools & ~valid))
				oracle_fail("after %s: VLAN entry %u vid %u "
					    "pools %#x out of bounds",
					after, i, e->vid, e->pools);
			EXPECT_EQ("pool mask of VLAN", e->vid,
				o->vlan_pools[e->vid], e->pools);
			want = IGB_VLVF_VLANID_ENABLE | e->vid |
				(uint32_t)e->pools << IGB_VLVF_POOLSEL_SHIFT;
			vfta[e->vid >> 5] |= UINT32_C(1) << (e->vid & 31);
		} else if (e->vid != 0) {
			oracle_fail("after %s: free VLAN entry %u keeps vid %u",
				after, i, e->vid);
		}
		EXPECT_EQ("VLVF", i, want, model_reg(m, IGB_VLVF(i)));
	}
	/* Every VLAN of the model is in the table once: counts agree. */
	EXPECT_EQ("VLAN entries in use, table size", IGB_PF_VLAN_ENTRIES,
		o->vlans_used, used);
	for (i = 0; i < IGB_VFTA_WORDS; i++)
		EXPECT_EQ("VFTA", i, vfta[i], model_reg(m, IGB_VFTA(i)));
	/* The table's queries agree with the model: reference counts and
	 * membership per VLAN, VLAN count per pool. */
	for (i = 0; i < IGB_PF_VLAN_ENTRIES; i++) {
		const struct igb_pf_vlan_entry *e = &s->vlans.e[i];
		unsigned int pool;

		if (e->pools == 0)
			continue;
		EXPECT_EQ("reference count of VLAN", e->vid,
			__builtin_popcount(o->vlan_pools[e->vid]),
			igb_pf_vlan_users(&s->vlans, e->vid));
		for (pool = 0; pool < IGB_PF_POOLS; pool++)
			EXPECT_EQ("membership of VLAN", e->vid,
				!!(o->vlan_pools[e->vid] & (1u << pool)),
				igb_pf_vlan_has(&s->vlans, e->vid, pool));
	}
	for (i = 0; i < IGB_PF_POOLS; i++) {
		unsigned int n = o->pool_vlans[i];

		EXPECT_EQ("VLAN count of pool", i, n,
			igb_pf_vlan_pool_count(&s->vlans, i));
		if (i < s->num_vfs && o->vf[i].port_vlan != 0)
			EXPECT_EQ("VLAN count of port-VLAN VF", i, 1, n);
	}
}

static uint32_t
vf_vmolr(const struct oracle_vf *v)
{
	uint32_t r = IGB_VMOLR_BAM | IGB_VMOLR_LPE | IGB_VMOLR_STRCRC |
		((v->max_frame + 4u) & IGB_VMOLR_RLPML_MASK);

	r |= v->port_vlan != 0 ? IGB_VMOLR_STRVLAN : IGB_VMOLR_AUPE;
	if (v->mc_count > 0)
		r |= IGB_VMOLR_ROMPE;
	if (v->mc_overflow || v->promisc_mc)
		r |= IGB_VMOLR_MPME;
	if (v->promisc_uc)
		r |= IGB_VMOLR_ROPE;
	return r;
}

static void
check_regs(const struct oracle *o, const struct igb_model *m, const char *after)
{
	uint32_t mta[IGB_MTA_WORDS] = {0};
	uint32_t vfre = IGB_BIT(IGB_PF_POOL), vfte = IGB_BIT(IGB_PF_POOL);
	uint32_t dtxswc = o->num_vfs > 0 ? IGB_DTXSWC_VMDQ_LOOPBACK_EN : 0;
	unsigned int i, j;

	for (i = 0; i < IGB_PF_MAX_VFS; i++) {
		const struct oracle_vf *v = &o->vf[i];
		unsigned int rar = IGB_PF_VF_RAR(i);
		uint32_t ral = 0, rah = 0, vmolr = 0, vmvir = 0;

		if (i < o->num_vfs) {
			ral = (uint32_t)v->mac[0] | (uint32_t)v->mac[1] << 8 |
				(uint32_t)v->mac[2] << 16 |
				(uint32_t)v->mac[3] << 24;
			rah = IGB_RAH_AV | (1u << i) << IGB_RAH_POOL_SHIFT |
				v->mac[4] | (uint32_t)v->mac[5] << 8;
			vmolr = vf_vmolr(v);
			if (v->port_vlan != 0)
				vmvir = IGB_VMVIR_VLANA_DEFAULT | v->port_vlan;
			if (v->cts && v->rx)
				vfre |= IGB_BIT(i);
			if (v->cts && v->tx)
				vfte |= IGB_BIT(i);
			if (v->mac_spoof)
				dtxswc |= IGB_DTXSWC_MAC_SPOOF(i);
			if (v->vlan_spoof)
				dtxswc |= IGB_DTXSWC_VLAN_SPOOF(i);
			for (j = 0; j < v->mc_count; j++)
				mta[v->mc[j] >> 5] |= UINT32_C(1)
					<< (v->mc[j] & 31);
		}
		EXPECT_EQ("RAL of VF", i, ral, model_reg(m, IGB_RAL(rar)));
		EXPECT_EQ("RAH of VF", i, rah, model_reg(m, IGB_RAH(rar)));
		EXPECT_EQ("VMOLR of VF", i, vmolr, model_reg(m, IGB_VMOLR(i)));
		EXPECT_EQ("VMVIR of VF", i, vmvir, model_reg(m, IGB_VMVIR(i)));
	}
	EXPECT_EQ("VFRE, pools", IGB_PF_POOLS, vfre, model_reg(m, IGB_VFRE));
	EXPECT_EQ("VFTE, pools", IGB_PF_POOLS, vfte, model_reg(m, IGB_VFTE));
	EXPECT_EQ("DTXSWC, VFs", o->num_vfs, dtxswc, model_reg(m, IGB_DTXSWC));
	for (i = 0; i < IGB_MTA_WORDS; i++)
		EXPECT_EQ("MTA", i, mta[i], model_reg(m, IGB_MTA(i)));
}

void
oracle_check(const struct oracle *o, const struct igb_pf_sriov *s,
	const struct igb_model *m, const char *after)
{
	uint16_t i;

	EXPECT_EQ("VF count, max", IGB_PF_MAX_VFS, o->num_vfs, s->num_vfs);
	for (i = 0; i < IGB_PF_MAX_VFS; i++) {
		if (i < o->num_vfs) {
			check_vf(o, s, i, after);
		} else if (s->vf[i].cnt.msgs != 0 || s->vf[i].cnt.flrs != 0 ||
			s->vf[i].cnt.mbx_errors != 0 || s->vf[i].cts) {
			oracle_fail("after %s: VF %u beyond num_vfs %u changed",
				after, i, o->num_vfs);
		}
	}
	check_vlans(o, s, m, after);
	check_regs(o, m, after);
}
