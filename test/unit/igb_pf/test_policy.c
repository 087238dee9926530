/* SPDX-License-Identifier: BSD-3-Clause */
/* VF state table, shared VLAN table and mailbox request policy. */
#include <errno.h>
#include <string.h>

#include "igb_check.h"
#include "igb_pf_vf.h"

static const uint8_t macs[IGB_PF_MAX_VFS][IGB_PF_ETH_ALEN] = {
	{0x02, 0, 0, 0, 0, 0x10},
	{0x02, 0, 0, 0, 0, 0x11},
	{0x02, 0, 0, 0, 0, 0x12},
	{0x02, 0, 0, 0, 0, 0x13},
	{0x02, 0, 0, 0, 0, 0x14},
	{0x02, 0, 0, 0, 0, 0x15},
	{0x02, 0, 0, 0, 0, 0x16},
};

static void
setup(struct igb_pf_sriov *s, uint16_t n)
{
	uint16_t i;

	igb_pf_sriov_init(s, n, macs);
	for (i = 0; i < n; i++)
		igb_pf_req_reset(s, i);
}

static void
test_init(void)
{
	struct igb_pf_sriov s;
	uint8_t bad[2][IGB_PF_ETH_ALEN] = {
		{0x02, 0, 0, 0, 0, 1},
		{0x01, 0, 0x5e, 0, 0, 1},
	};

	CHECK_EQ("init with 0 VFs (PF alone)", 0,
		igb_pf_sriov_init(&s, 0, NULL));
	CHECK_EQ("no VF pools with 0 VFs", 0, igb_pf_vf_rx_pools(&s));
	CHECK_EQ("init with 8 VFs", -EINVAL, igb_pf_sriov_init(&s, 8, macs));
	CHECK_EQ("init with a multicast VF MAC", -EINVAL,
		igb_pf_sriov_init(&s, 2, (const uint8_t(*)[6])bad));
	CHECK_EQ("init with 7 VFs", 0, igb_pf_sriov_init(&s, 7, macs));
	CHECK_EQ("fresh VF is not clear to send", 0, s.vf[3].cts);
	CHECK_EQ("fresh VF: no Rx pool enabled", 0, igb_pf_vf_rx_pools(&s));
	CHECK_EQ("fresh VF: default max frame", IGB_PF_FRAME_DEFAULT,
		s.vf[6].max_frame);
	CHECK_EQ("fresh VF: MAC spoof check on", 1, s.vf[0].mac_spoofchk);
	igb_pf_req_reset(&s, 3);
	CHECK_EQ("reset makes VF 3 clear to send", 1, s.vf[3].cts);
	CHECK_EQ("Rx pools after VF 3 reset", 0x08, igb_pf_vf_rx_pools(&s));
	igb_pf_admin_set_tx(&s, 3, false);
	CHECK_EQ("Tx pools with VF 3 Tx disallowed", 0, igb_pf_vf_tx_pools(&s));
}

static void
test_mac(void)
{
	struct igb_pf_sriov s;
	const uint8_t mc[6] = {0x01, 0, 0x5e, 0, 0, 1};
	const uint8_t zero[6] = {0};
	const uint8_t other[6] = {0x02, 0xaa, 0, 0, 0, 1};
	const uint8_t pin[6] = {0x02, 0, 0, 0, 0, 0x42};

	setup(&s, 2);
	CHECK_EQ("VF sets multicast MAC", IGB_PF_NACK_MALFORMED,
		igb_pf_req_set_mac(&s, 0, mc));
	CHECK_EQ("VF sets zero MAC", IGB_PF_NACK_MALFORMED,
		igb_pf_req_set_mac(&s, 0, zero));
	CHECK_EQ("VF sets its own new MAC", IGB_PF_ACK,
		igb_pf_req_set_mac(&s, 0, other));
	CHECK("VF 0 MAC is the new one", !memcmp(s.vf[0].mac, other, 6));
	CHECK_EQ("admin pins VF 0 MAC", 0, igb_pf_admin_set_mac(&s, 0, pin));
	CHECK_EQ("admin pin with multicast MAC", -EINVAL,
		igb_pf_admin_set_mac(&s, 0, mc));
	CHECK_EQ("admin pin on VF 2 of 2", -EINVAL,
		igb_pf_admin_set_mac(&s, 2, pin));
	CHECK_EQ("admin pins VF 1 to VF 0's MAC", -EADDRINUSE,
		igb_pf_admin_set_mac(&s, 1, pin));
	memcpy(s.pf.mac, other, 6);
	CHECK_EQ("VF 1 claims the PF's MAC", IGB_PF_NACK_IN_USE,
		igb_pf_req_set_mac(&s, 1, other));
	CHECK("PF re-sets its own MAC: no conflict",
		!igb_pf_mac_taken(&s, IGB_PF_SELF, other));
	CHECK("PF takes VF 0's MAC: conflict",
		igb_pf_mac_taken(&s, IGB_PF_SELF, pin));
	memset(s.pf.mac, 0, 6);
	CHECK_EQ("untrusted VF changes pinned MAC", IGB_PF_NACK_PINNED,
		igb_pf_req_set_mac(&s, 0, other));
	CHECK("pinned MAC unchanged", !memcmp(s.vf[0].mac, pin, 6));
	CHECK_EQ("VF re-asserts the pinned MAC", IGB_PF_ACK,
		igb_pf_req_set_mac(&s, 0, pin));
	igb_pf_admin_set_trust(&s, 0, true);
	CHECK_EQ("trusted VF changes pinned MAC", IGB_PF_ACK,
		igb_pf_req_set_mac(&s, 0, other));
	CHECK_EQ("MAC filter clear", IGB_PF_ACK,
		igb_pf_req_mac_filter(&s, 0, true, zero));
	CHECK_EQ("MAC filter add", IGB_PF_NACK_UNSUPPORTED,
		igb_pf_req_mac_filter(&s, 0, false, other));
	CHECK_EQ("MAC filter add multicast", IGB_PF_NACK_MALFORMED,
		igb_pf_req_mac_filter(&s, 0, false, mc));
	CHECK_EQ("admin unpins with zero MAC", 0,
		igb_pf_admin_set_mac(&s, 0, zero));
	CHECK_EQ("VF 0 no longer pinned", 0, s.vf[0].mac_pinned);
}

static void
test_multicast(void)
{
	struct igb_pf_sriov s;
	uint16_t h[31];
	unsigned int i;

	setup(&s, 2);
	for (i = 0; i < 31; i++)
		h[i] = (uint16_t)(0x100 + i);
	CHECK_EQ("3 hashes", IGB_PF_ACK, igb_pf_req_set_mc(&s, 1, h, 3, false));
	CHECK_EQ("VF 1 keeps 3 hashes", 3, s.vf[1].mc_count);
	CHECK_EQ("31 hashes (too many)", IGB_PF_NACK_MALFORMED,
		igb_pf_req_set_mc(&s, 1, h, 31, false));
	CHECK_EQ("malformed list changes nothing", 3, s.vf[1].mc_count);
	h[5] = 0x1000;
	CHECK_EQ("hash beyond the 4096-bit MTA", IGB_PF_NACK_MALFORMED,
		igb_pf_req_set_mc(&s, 1, h, 6, false));
	CHECK_EQ("bad hash changes nothing", 0x100, s.vf[1].mc_hashes[0]);
	h[5] = 0x105;
	CHECK_EQ("30 hashes with overflow", IGB_PF_ACK,
		igb_pf_req_set_mc(&s, 1, h, 30, true));
	CHECK_EQ("overflow remembered", 1, s.vf[1].mc_overflow);
	CHECK_EQ("30 hashes kept", 30, s.vf[1].mc_count);
	CHECK_EQ("empty list", IGB_PF_ACK,
		igb_pf_req_set_mc(&s, 1, NULL, 0, false));
	CHECK_EQ("list emptied", 0, s.vf[1].mc_count);
	CHECK_EQ("overflow cleared", 0, s.vf[1].mc_overflow);
}

static void
test_vlan(void)
{
	struct igb_pf_sriov s;
	unsigned int i;

	setup(&s, 3);
	CHECK_EQ("VF 0 joins VLAN 4095 (802.1Q reserved)",
		IGB_PF_NACK_MALFORMED, igb_pf_req_set_vlan(&s, 0, 4095, true));
	CHECK_EQ("VF 0 joins VLAN 4094", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 0, 4094, true));
	CHECK_EQ("VF 0 leaves VLAN 4094", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 0, 4094, false));
	CHECK_EQ("VF 0 joins VLAN 100", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 0, 100, true));
	CHECK_EQ("VF 1 joins VLAN 100", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 1, 100, true));
	CHECK_EQ("VLAN 100 shared by 2 pools", 2,
		igb_pf_vlan_users(&s.vlans, 100));
	CHECK_EQ("VF 1 joins VLAN 100 again", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 1, 100, true));
	CHECK_EQ("still 2 users", 2, igb_pf_vlan_users(&s.vlans, 100));
	CHECK_EQ("VF 0 leaves VLAN 100", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 0, 100, false));
	CHECK_EQ("VLAN 100 now 1 user", 1, igb_pf_vlan_users(&s.vlans, 100));
	CHECK("VF 1 still in VLAN 100", igb_pf_vlan_has(&s.vlans, 100, 1));
	CHECK("VF 0 out of VLAN 100", !igb_pf_vlan_has(&s.vlans, 100, 0));
	CHECK_EQ("VF 0 leaves VLAN 100 twice", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 0, 100, false));
	CHECK_EQ("VLAN 100 still 1 user", 1, igb_pf_vlan_users(&s.vlans, 100));
	CHECK_EQ("VLAN 4096", IGB_PF_NACK_MALFORMED,
		igb_pf_req_set_vlan(&s, 0, 4096, true));
	CHECK_EQ("VLAN 0x10064 (garbage above the id)", IGB_PF_NACK_MALFORMED,
		igb_pf_req_set_vlan(&s, 0, 0x10064, true));
	/* A VF's share with 3 VFs: 32 / 4 = 8 VLANs. */
	CHECK_EQ("VLAN share with 3 VFs", 8, igb_pf_vf_vlan_share(&s));
	for (i = 0; i < 8; i++)
		igb_pf_req_set_vlan(&s, 2, 200 + i, true);
	CHECK_EQ("VF 2 holds its 8 VLANs", 8,
		igb_pf_vlan_pool_count(&s.vlans, 2));
	CHECK_EQ("VF 2's 9th VLAN: share used", IGB_PF_NACK_NO_ROOM,
		igb_pf_req_set_vlan(&s, 2, 300, true));
	CHECK_EQ("VF 2 re-joins one of its VLANs", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 2, 200, true));
	CHECK_EQ("VF 1 joins VLAN 300 despite VF 2", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 1, 300, true));
	igb_pf_req_set_vlan(&s, 1, 300, false);
	/* The PF's own filters fill the rest of the table. */
	for (i = 8; i < IGB_PF_VLAN_ENTRIES - 1; i++)
		igb_pf_vlan_add(&s.vlans, 200 + i, IGB_PF_POOL);
	CHECK_EQ("VLAN table entries in use", IGB_PF_VLAN_ENTRIES,
		1 + igb_pf_vlan_pool_count(&s.vlans, 2) +
			igb_pf_vlan_pool_count(&s.vlans, IGB_PF_POOL));
	CHECK_EQ("33rd VLAN: table full", IGB_PF_NACK_NO_ROOM,
		igb_pf_req_set_vlan(&s, 0, 300, true));
	CHECK_EQ("joining an existing VLAN with a full table", IGB_PF_ACK,
		igb_pf_req_set_vlan(&s, 0, 205, true));
	CHECK_EQ("admin port VLAN with a full table", -ENOSPC,
		igb_pf_admin_set_port_vlan(&s, 0, 999));
	CHECK_EQ("failed port VLAN kept VF 0's VLANs", 1,
		igb_pf_vlan_has(&s.vlans, 205, 0));
	CHECK_EQ("failed port VLAN not recorded", 0, s.vf[0].port_vlan);
	igb_pf_req_reset(&s, 2);
	CHECK_EQ("reset drops VF 2's VLANs", 0,
		igb_pf_vlan_pool_count(&s.vlans, 2));
	CHECK_EQ("admin port VLAN 300 on VF 0", 0,
		igb_pf_admin_set_port_vlan(&s, 0, 300));
	CHECK_EQ("port VLAN replaced VF 0's own VLANs", 1,
		igb_pf_vlan_pool_count(&s.vlans, 0));
	CHECK("VF 0 receives VLAN 300", igb_pf_vlan_has(&s.vlans, 300, 0));
	CHECK_EQ("VF with port VLAN adds a VLAN", IGB_PF_NACK_PINNED,
		igb_pf_req_set_vlan(&s, 0, 7, true));
	CHECK_EQ("VF with port VLAN removes it", IGB_PF_NACK_PINNED,
		igb_pf_req_set_vlan(&s, 0, 300, false));
	CHECK_EQ("admin port VLAN 4096", -EINVAL,
		igb_pf_admin_set_port_vlan(&s, 0, 4096));
	igb_pf_vf_flr(&s, 0);
	CHECK("port VLAN survives FLR", igb_pf_vlan_has(&s.vlans, 300, 0));
	CHECK_EQ("admin clears the port VLAN", 0,
		igb_pf_admin_set_port_vlan(&s, 0, 0));
	CHECK_EQ("VLAN 300 gone", 0, igb_pf_vlan_users(&s.vlans, 300));
}

static void
test_lpe_promisc(void)
{
	struct igb_pf_sriov s;

	setup(&s, 2);
	CHECK_EQ("max frame 63", IGB_PF_NACK_MALFORMED,
		igb_pf_req_set_lpe(&s, 0, 63));
	CHECK_EQ("max frame 9217", IGB_PF_NACK_MALFORMED,
		igb_pf_req_set_lpe(&s, 0, 9217));
	CHECK_EQ(
		"max frame unchanged", IGB_PF_FRAME_DEFAULT, s.vf[0].max_frame);
	CHECK_EQ("max frame 9018", IGB_PF_ACK, igb_pf_req_set_lpe(&s, 0, 9018));
	CHECK_EQ(
		"RLPML leaves room for a tag", 9022, igb_pf_vf_rlpml(&s.vf[0]));
	CHECK_EQ("untrusted unicast promiscuous", IGB_PF_NACK_UNTRUSTED,
		igb_pf_req_set_promisc(&s, 0, true, true));
	CHECK_EQ("refused promiscuous sets nothing", 0, s.vf[0].promisc_mc);
	CHECK_EQ("untrusted multicast promiscuous", IGB_PF_ACK,
		igb_pf_req_set_promisc(&s, 0, false, true));
	CHECK_EQ("multicast promiscuous on", 1, s.vf[0].promisc_mc);
	igb_pf_admin_set_trust(&s, 1, true);
	CHECK_EQ("trusted unicast promiscuous", IGB_PF_ACK,
		igb_pf_req_set_promisc(&s, 1, true, false));
	CHECK_EQ("unicast promiscuous on", 1, s.vf[1].promisc_uc);
	igb_pf_admin_set_trust(&s, 1, false);
	CHECK_EQ(
		"losing trust ends unicast promiscuous", 0, s.vf[1].promisc_uc);
}

static void
test_flr_keeps_admin(void)
{
	struct igb_pf_sriov s;
	const uint8_t pin[6] = {0x02, 0, 0, 0, 0, 0x77};
	uint16_t h[2] = {1, 2};

	setup(&s, 2);
	igb_pf_admin_set_mac(&s, 1, pin);
	igb_pf_admin_set_trust(&s, 1, true);
	igb_pf_admin_set_mac_spoofchk(&s, 1, false);
	igb_pf_req_set_mc(&s, 1, h, 2, false);
	igb_pf_req_set_vlan(&s, 1, 55, true);
	igb_pf_req_set_lpe(&s, 1, 9018);
	igb_pf_req_set_promisc(&s, 1, true, true);
	igb_pf_vf_flr(&s, 1);
	CHECK_EQ("FLR withdraws clear-to-send", 0, s.vf[1].cts);
	CHECK_EQ("FLR counted", 1, s.vf[1].cnt.flrs);
	CHECK_EQ("FLR clears multicast", 0, s.vf[1].mc_count);
	CHECK_EQ("FLR clears VLANs", 0, igb_pf_vlan_pool_count(&s.vlans, 1));
	CHECK_EQ("FLR restores max frame", IGB_PF_FRAME_DEFAULT,
		s.vf[1].max_frame);
	CHECK_EQ("FLR clears promiscuous", 0,
		s.vf[1].promisc_uc | s.vf[1].promisc_mc);
	CHECK("FLR keeps the pinned MAC",
		!memcmp(s.vf[1].mac, pin, 6) && s.vf[1].mac_pinned);
	CHECK_EQ("FLR keeps trust", 1, s.vf[1].trusted);
	CHECK_EQ("FLR keeps spoof check setting", 0, s.vf[1].mac_spoofchk);
	CHECK_EQ("FLR on VF 5 of 2 is ignored", 0, s.vf[5].cnt.flrs);
}

/* Whatever VF 0 sends, VF 1's record and pool 1's VLANs stay as they were. */
static void
test_isolation(void)
{
	struct igb_pf_sriov s;
	struct igb_pf_vf before;
	uint16_t vl_before[IGB_PF_VLAN_ENTRIES], vl_after[IGB_PF_VLAN_ENTRIES];
	unsigned int nb, na, i;
	uint16_t h[30];
	uint8_t mac[6] = {0x02, 0, 0, 0, 0, 0x11}; /* VF 1's address */

	setup(&s, 2);
	igb_pf_req_set_vlan(&s, 1, 100, true);
	igb_pf_req_set_vlan(&s, 1, 101, true);
	igb_pf_req_set_mc(&s, 1, (uint16_t[]){7, 8}, 2, false);
	before = s.vf[1];
	nb = igb_pf_vlan_pool_list(&s.vlans, 1, vl_before, IGB_PF_VLAN_ENTRIES);

	for (i = 0; i < 30; i++)
		h[i] = (uint16_t)(i * 97);
	CHECK_EQ("VF 0 claims VF 1's MAC", IGB_PF_NACK_IN_USE,
		igb_pf_req_set_mac(&s, 0, mac));
	igb_pf_req_set_mc(&s, 0, h, 30, true);
	igb_pf_req_set_vlan(&s, 0, 100, true);
	igb_pf_req_set_vlan(&s, 0, 100, false);
	igb_pf_req_set_vlan(&s, 0, 101, false);
	for (i = 0; i < 40; i++)
		igb_pf_req_set_vlan(&s, 0, 1000 + i, true);
	igb_pf_req_set_lpe(&s, 0, 9216);
	igb_pf_req_set_promisc(&s, 0, true, true);
	igb_pf_req_reset(&s, 0);
	igb_pf_vf_flr(&s, 0);

	na = igb_pf_vlan_pool_list(&s.vlans, 1, vl_after, IGB_PF_VLAN_ENTRIES);
	CHECK("VF 1 record untouched by VF 0's requests",
		!memcmp(&before, &s.vf[1], sizeof(before)));
	CHECK_EQ("VF 1 VLAN count untouched", nb, na);
	CHECK("VF 1 VLAN ids untouched",
		!memcmp(vl_before, vl_after, nb * sizeof(uint16_t)));
}

int
main(void)
{
	test_init();
	test_mac();
	test_multicast();
	test_vlan();
	test_lpe_promisc();
	test_flr_keeps_admin();
	test_isolation();
	return check_exit();
}
