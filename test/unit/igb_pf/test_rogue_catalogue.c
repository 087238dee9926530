/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * app/rogue-vf's messages against the PF mailbox server on the register
 * model: every one gets the answer the tool expects (bad ones NACKed,
 * valid ones ACKed, reply-flagged ones unanswered), the PF's NACK count
 * equals the NACKs the VF received, and the other VFs' state does not
 * move. The rogue-vf guest scenario repeats this on the emulated device.
 */
#include <string.h>

#include "catalogue.h"
#include "igb_check.h"
#include "igb_model.h"
#include "igb_pf_hw.h"
#include "igb_pf_mbx.h"

#define NUM_VFS 3
#define RANDOM_COUNT 2000

static const uint8_t macs[NUM_VFS][IGB_PF_ETH_ALEN] = {
	{0x02, 0, 0, 0, 0, 0x10},
	{0x02, 0, 0, 0, 0, 0x11},
	{0x02, 0, 0, 0, 0, 0x12},
};

static struct igb_model *m;
static struct igb_pf_sriov s;
static struct igb_pf_mbx_server srv;
static unsigned int wrong[EXPECT_COUNT], seen[EXPECT_COUNT], nacks_seen;

/* VF 0 sends, the PF runs once: its answer, if any. */
static enum rogue_outcome
answer(const struct rogue_msg *msg, struct igb_msg *r)
{
	model_vf_send(m, 0, &msg->m);
	igb_pf_mbx_service(&srv);
	if (!model_vf_recv(m, 0, r))
		return OUT_UNANSWERED;
	if (r->w[0] & IGB_MSG_ACK)
		return OUT_ACK;
	return r->w[0] & IGB_MSG_NACK ? OUT_NACK : OUT_UNANSWERED;
}

static void
exchange(const struct rogue_msg *msg, struct igb_msg *r)
{
	enum rogue_outcome o = answer(msg, r);

	nacks_seen += o == OUT_NACK;
	seen[msg->expect]++;
	if (!rogue_as_expected(msg->expect, o)) {
		wrong[msg->expect]++;
		printf("FAIL %s: %s (word 0 0x%08x) answered %s\n",
			rogue_cat_name(msg->cat), msg->what, msg->m.w[0],
			rogue_outcome_name(o));
	}
}

static void
run_category(enum rogue_cat cat, const struct rogue_ctx *ctx)
{
	struct rogue_msg msgs[32];
	struct igb_msg r;
	unsigned int i, n;

	n = rogue_catalogue(cat, ctx, msgs, 32);
	CHECK(rogue_cat_name(cat), n > 0);
	for (i = 0; i < n; i++)
		exchange(&msgs[i], &r);
}

static void
reset_handshake(unsigned int vf)
{
	struct rogue_msg msg;
	struct igb_msg r;

	rogue_reset_msg(&msg);
	model_vf_send(m, vf, &msg.m);
	igb_pf_mbx_service(&srv);
	model_vf_recv(m, vf, &r);
}

int
main(void)
{
	static const enum rogue_cat after_reset[] = {CAT_MAC, CAT_MULTICAST,
		CAT_VLAN, CAT_LPE, CAT_PROMISC, CAT_UNKNOWN_ID};
	struct rogue_ctx ctx = {.have_other_mac = 1};
	uint16_t vids_before[IGB_PF_VLAN_ENTRIES], vids[IGB_PF_VLAN_ENTRIES];
	struct igb_pf_vf vf1_before, vf2_before;
	unsigned int i, nv_before, e;
	struct rogue_msg msg;
	uint64_t state = 1;
	struct igb_msg r;

	m = calloc(1, sizeof(*m));
	if (m == NULL)
		return EXIT_FAILURE;
	model_init(m);
	srv.hw = &m->hw;
	srv.s = &s;
	igb_pf_sriov_init(&s, NUM_VFS, macs);
	for (i = 0; i < NUM_VFS; i++)
		igb_pf_admin_set_mac(&s, i, macs[i]);
	igb_pf_hw_sriov_enable(&m->hw, &s);
	igb_pf_hw_pf_ready(&m->hw);
	reset_handshake(1);
	reset_handshake(2);
	igb_pf_vlan_add(&s.vlans, 0, 2); /* igbvf's VLAN 0 */
	vf1_before = s.vf[1];
	vf2_before = s.vf[2];
	nv_before = igb_pf_vlan_pool_list(
		&s.vlans, 2, vids_before, IGB_PF_VLAN_ENTRIES);
	memcpy(ctx.other_mac, macs[1], IGB_PF_ETH_ALEN);
	memcpy(ctx.own_mac, macs[0], IGB_PF_ETH_ALEN);

	run_category(CAT_NO_HANDSHAKE, &ctx);
	rogue_reset_msg(&msg);
	exchange(&msg, &r);
	for (i = 0; i < sizeof(after_reset) / sizeof(after_reset[0]); i++)
		run_category(after_reset[i], &ctx);
	for (i = 0; i < RANDOM_COUNT; i++) {
		rogue_random_msg(&state, &msg);
		exchange(&msg, &r);
	}

	for (e = 0; e < EXPECT_COUNT; e++)
		CHECK_EQ("answers other than expected", 0, wrong[e]);
	CHECK("bad requests sent", seen[EXPECT_NACK] > 60);
	CHECK("valid requests sent", seen[EXPECT_ACK] > 10);
	CHECK("reply-flagged random words sent", seen[EXPECT_SILENT] > 100);
	CHECK_EQ("PF NACK count = NACKs the VF received", nacks_seen,
		s.vf[0].cnt.nacks);
	CHECK_EQ("VF 0 keeps its pinned MAC", 0,
		memcmp(s.vf[0].mac, macs[0], IGB_PF_ETH_ALEN));
	CHECK_EQ("VF 1 state untouched", 0,
		memcmp(&vf1_before, &s.vf[1], sizeof(vf1_before)));
	CHECK_EQ("VF 2 state untouched", 0,
		memcmp(&vf2_before, &s.vf[2], sizeof(vf2_before)));
	CHECK_EQ("VF 2 VLAN count", nv_before,
		igb_pf_vlan_pool_list(&s.vlans, 2, vids, IGB_PF_VLAN_ENTRIES));
	CHECK_EQ("VF 2 keeps VLAN 0 (VF 0 deleted its own)", 0,
		memcmp(vids, vids_before, nv_before * sizeof(vids[0])));
	free(m);
	return check_exit();
}
