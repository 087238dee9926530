/* SPDX-License-Identifier: BSD-3-Clause */
/* Mailbox server and register projection against the PF register model. */
#include <stdlib.h>
#include <string.h>

#include "igb_check.h"
#include "igb_mbx_msg.h"
#include "igb_model.h"
#include "igb_pf_hw.h"
#include "igb_pf_mbx.h"

static const uint8_t macs[2][IGB_PF_ETH_ALEN] = {
	{0x02, 0, 0, 0, 0, 0x10},
	{0x02, 0, 0, 0, 0, 0x11},
};

static struct igb_model *m;
static struct igb_pf_sriov s;
static struct igb_pf_mbx_server srv;
static enum igb_pf_mbx_verdict app_verdict = IGB_PF_MBX_PROCEED;
static unsigned int app_calls;

static enum igb_pf_mbx_verdict
app_ask(void *ctx, uint16_t vf, const struct igb_msg *msg)
{
	(void)ctx;
	(void)vf;
	(void)msg;
	app_calls++;
	return app_verdict;
}

/* VF sends msg, the server runs once, returns the reply word 0 (or 0). */
static uint32_t
roundtrip(unsigned int vf, const struct igb_msg *msg, struct igb_msg *out)
{
	struct igb_msg r;

	model_vf_send(m, vf, msg);
	igb_pf_mbx_service(&srv);
	if (!model_vf_recv(m, vf, &r))
		return 0;
	if (out != NULL)
		*out = r;
	return r.w[0];
}

static uint32_t
request(unsigned int vf, struct igb_msg *msg)
{
	return roundtrip(vf, msg, NULL);
}

static bool
mta_bit(uint16_t hash)
{
	return (model_reg(m, IGB_MTA(hash >> 5)) >> (hash & 31)) & 1;
}

static int
vlvf_find(uint16_t vid)
{
	unsigned int i;

	for (i = 0; i < IGB_VLVF_ENTRIES; i++) {
		uint32_t v = model_reg(m, IGB_VLVF(i));

		if ((v & IGB_VLVF_VLANID_ENABLE) &&
			(v & IGB_VLVF_VLANID_MASK) == vid)
			return (int)i;
	}
	return -1;
}

static uint32_t
vlvf_pools(uint16_t vid)
{
	int i = vlvf_find(vid);

	if (i < 0)
		return 0;
	return (model_reg(m, IGB_VLVF(i)) & IGB_VLVF_POOLSEL_MASK) >>
		IGB_VLVF_POOLSEL_SHIFT;
}

static bool
vfta_bit(uint16_t vid)
{
	return (model_reg(m, IGB_VFTA(vid >> 5)) >> (vid & 31)) & 1;
}

static void
test_enable(void)
{
	igb_pf_sriov_init(&s, 2, macs);
	igb_pf_hw_sriov_enable(&m->hw, &s);
	CHECK_EQ("VT_CTL: default pool 7, replication",
		7u << IGB_VT_CTL_DEF_POOL_SHIFT | IGB_VT_CTL_VM_REPL_EN,
		model_reg(m, IGB_VT_CTL));
	CHECK_EQ("MRQC: VMDq", IGB_MRQC_ENABLE_VMDQ, model_reg(m, IGB_MRQC));
	CHECK_EQ("RCTL: VLAN filter, long frames, CRC strip, broadcast",
		IGB_RCTL_VFE | IGB_RCTL_LPE | IGB_RCTL_SECRC | IGB_RCTL_BAM,
		model_reg(m, IGB_RCTL));
	CHECK_EQ("global RLPML opened to the largest frame", 9220,
		model_reg(m, IGB_RLPML));
	CHECK_EQ("VFRE: PF pool only before any VF reset", 0x80,
		model_reg(m, IGB_VFRE));
	CHECK_EQ("DTXSWC: switching + MAC and VLAN anti-spoof for 2 VFs",
		IGB_DTXSWC_VMDQ_LOOPBACK_EN | 0x0303, model_reg(m, IGB_DTXSWC));
	CHECK_EQ("VF 0 address in RAR 23",
		IGB_RAH_AV | 1u << IGB_RAH_POOL_SHIFT | 0x1000,
		model_reg(m, IGB_RAH(23)));
	CHECK_EQ("VF 1 address in RAR 22 (low)", 0x00000002,
		model_reg(m, IGB_RAL(22)));
	CHECK_EQ("unused VF slot RAR 21 off", 0, model_reg(m, IGB_RAH(21)));
	CHECK_EQ("PF pool VMOLR",
		IGB_VMOLR_BAM | IGB_VMOLR_LPE | IGB_VMOLR_STRCRC |
			IGB_VMOLR_AUPE | 1522,
		model_reg(m, IGB_VMOLR(7)));
	/* The PF port's own modes are its pool's VMOLR bits (QEMU ignores
	 * ROPE and MPME in VMDq mode: no guest test can show them). */
	s.pf.allmulti = true;
	igb_pf_hw_sync(&m->hw, &s);
	CHECK_EQ("PF port all-multicast: pool 7 MPME", IGB_VMOLR_MPME,
		model_reg(m, IGB_VMOLR(7)) & (IGB_VMOLR_MPME | IGB_VMOLR_ROPE));
	s.pf.promisc = true;
	igb_pf_hw_sync(&m->hw, &s);
	CHECK_EQ("PF port promiscuous: pool 7 ROPE and MPME",
		IGB_VMOLR_MPME | IGB_VMOLR_ROPE,
		model_reg(m, IGB_VMOLR(7)) & (IGB_VMOLR_MPME | IGB_VMOLR_ROPE));
	s.pf.allmulti = false;
	s.pf.promisc = false;
	igb_pf_hw_sync(&m->hw, &s);
	CHECK_EQ("PF port modes off: neither bit", 0,
		model_reg(m, IGB_VMOLR(7)) & (IGB_VMOLR_MPME | IGB_VMOLR_ROPE));
	igb_pf_hw_pf_ready(&m->hw);
	CHECK("CTRL_EXT.PFRSTD set",
		model_reg(m, IGB_CTRL_EXT) & IGB_CTRL_EXT_PFRSTD);
}

static void
test_cts_and_reset(void)
{
	struct igb_msg msg, r;
	uint32_t w0;

	igb_msg_encode_set_mac(&msg, macs[1]);
	w0 = request(0, &msg);
	CHECK_EQ("SET_MAC before reset: NACK without CTS",
		IGB_MSG_SET_MAC_ADDR | IGB_MSG_NACK, w0);
	CHECK_EQ("counted as not_cts", 1,
		s.vf[0].cnt.nack_by_reason[IGB_PF_NACK_NOT_CTS]);
	CHECK("REQ bit consumed",
		!(model_reg(m, IGB_MBVFICR) & IGB_MBVFICR_VFREQ(0)));
	CHECK("request acknowledged to the VF",
		model_reg(m, IGB_V2PMAILBOX_PF(0)) & IGB_V2PMAILBOX_PFACK);

	igb_msg_encode_reset(&msg);
	w0 = roundtrip(0, &msg, &r);
	CHECK_EQ("VF_RESET reply: RESET|ACK, no CTS",
		IGB_MSG_VF_RESET | IGB_MSG_ACK, w0);
	CHECK_EQ("reset reply carries the MAC (bytes 0-3)", 0x00000002, r.w[1]);
	CHECK_EQ("reset reply carries the MAC (bytes 4-5)", 0x1000,
		r.w[2] & 0xffff);
	CHECK_EQ("VFRE: VF 0 on", 0x81, model_reg(m, IGB_VFRE));
	CHECK_EQ("VFTE: VF 0 on", 0x81, model_reg(m, IGB_VFTE));
	CHECK_EQ("VF 0 clear to send", 1, s.vf[0].cts);

	igb_msg_encode_reset(&msg);
	request(1, &msg);
	CHECK_EQ("VFRE: VF 0 and 1 on", 0x83, model_reg(m, IGB_VFRE));

	msg.w[0] = IGB_MSG_SET_VLAN | IGB_MSG_ACK;
	msg.len = 2;
	w0 = request(0, &msg);
	CHECK_EQ("an already answered message gets no reply", 0, w0);
}

static void
test_multicast(void)
{
	struct igb_msg msg;
	uint16_t h0[3] = {0x010, 0x7ff, 0xfff};
	uint16_t h1[1] = {0x7ff};
	uint32_t w0;

	igb_msg_encode_set_multicast(&msg, h0, 3, false);
	w0 = request(0, &msg);
	CHECK_EQ("SET_MULTICAST: ACK|CTS",
		IGB_MSG_SET_MULTICAST | 3u << 16 | IGB_MSG_ACK | IGB_MSG_CTS,
		w0);
	CHECK("MTA bit 0x010", mta_bit(0x010));
	CHECK("MTA bit 0xfff", mta_bit(0xfff));
	CHECK("VMOLR(0) ROMPE", model_reg(m, IGB_VMOLR(0)) & IGB_VMOLR_ROMPE);
	igb_msg_encode_set_multicast(&msg, h1, 1, false);
	request(1, &msg);
	igb_msg_encode_set_multicast(&msg, NULL, 0, false);
	request(0, &msg);
	CHECK("VF 0 cleared its list: MTA bit 0x010 gone", !mta_bit(0x010));
	CHECK("VF 1 still has 0x7ff", mta_bit(0x7ff));
	CHECK("VMOLR(0) ROMPE off without hashes",
		!(model_reg(m, IGB_VMOLR(0)) & IGB_VMOLR_ROMPE));

	igb_msg_encode_set_multicast(&msg, h0, 3, true);
	request(0, &msg);
	CHECK("overflow: VMOLR(0) MPME",
		model_reg(m, IGB_VMOLR(0)) & IGB_VMOLR_MPME);
	CHECK("overflow: VF 1 not multicast promiscuous",
		!(model_reg(m, IGB_VMOLR(1)) & IGB_VMOLR_MPME));

	msg.w[0] = IGB_MSG_SET_MULTICAST | 31u << 16;
	msg.len = IGB_MBX_WORDS;
	w0 = request(0, &msg);
	CHECK_EQ("31 hashes: NACK|CTS",
		IGB_MSG_SET_MULTICAST | 31u << 16 | IGB_MSG_NACK | IGB_MSG_CTS,
		w0);
	CHECK("malformed list left VF 0's hashes", mta_bit(0x010));
	/* A count in MSGINFO bits 5-6 was once read as 0 and wiped the
	 * list (found by app/rogue-vf): 64 hashes cannot fit, refuse. */
	msg.w[0] = IGB_MSG_SET_MULTICAST | 64u << 16;
	w0 = request(0, &msg);
	CHECK_EQ("64 hashes: NACK|CTS",
		IGB_MSG_SET_MULTICAST | 64u << 16 | IGB_MSG_NACK | IGB_MSG_CTS,
		w0);
	CHECK("count 64 left VF 0's hashes", mta_bit(0x010));
	CHECK_EQ("VF 0 keeps its hash count", 3, s.vf[0].mc_count);
}

static void
test_vlan_lpe(void)
{
	struct igb_msg msg;
	uint32_t w0;

	igb_msg_encode_set_vlan(&msg, 100, true);
	request(0, &msg);
	igb_msg_encode_set_vlan(&msg, 100, true);
	w0 = request(1, &msg);
	CHECK_EQ("VF 1 joins VLAN 100: ACK",
		IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD | IGB_MSG_ACK | IGB_MSG_CTS,
		w0);
	CHECK_EQ("one VLVF entry for VLAN 100, pools 0 and 1", 0x3,
		vlvf_pools(100));
	CHECK("VFTA bit 100", vfta_bit(100));
	igb_msg_encode_set_vlan(&msg, 100, false);
	request(0, &msg);
	CHECK_EQ("VF 0 left: VLAN 100 pool 1 only", 0x2, vlvf_pools(100));
	CHECK("VFTA bit 100 kept for VF 1", vfta_bit(100));
	msg.w[0] = IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD;
	msg.w[1] = 5000;
	w0 = request(0, &msg);
	CHECK_EQ("VLAN 5000: NACK",
		IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD | IGB_MSG_NACK |
			IGB_MSG_CTS,
		w0);
	/* After the multicast counts 31 and 64. */
	CHECK_EQ("VLAN 5000 counted malformed", 3,
		s.vf[0].cnt.nack_by_reason[IGB_PF_NACK_MALFORMED]);

	igb_msg_encode_set_lpe(&msg, 9018);
	request(0, &msg);
	CHECK_EQ("VMOLR(0) RLPML 9022", 9022,
		model_reg(m, IGB_VMOLR(0)) & IGB_VMOLR_RLPML_MASK);
	CHECK_EQ("VMOLR(1) RLPML untouched", 1522,
		model_reg(m, IGB_VMOLR(1)) & IGB_VMOLR_RLPML_MASK);
	igb_msg_encode_set_lpe(&msg, 20000);
	w0 = request(0, &msg);
	CHECK_EQ("max frame 20000: NACK",
		IGB_MSG_SET_LPE | IGB_MSG_NACK | IGB_MSG_CTS, w0);

	msg.w[0] = 0x0077;
	msg.len = 1;
	w0 = request(0, &msg);
	CHECK_EQ("unknown type: NACK", 0x0077 | IGB_MSG_NACK | IGB_MSG_CTS, w0);
	CHECK_EQ("counted unknown", 1,
		s.vf[0].cnt.nack_by_reason[IGB_PF_NACK_UNKNOWN]);
}

static void
test_policy_in_registers(void)
{
	const uint8_t pin[6] = {0x02, 0, 0, 0, 0, 0x99};
	const uint8_t other[6] = {0x02, 0, 0, 0, 0, 0x55};
	struct igb_msg msg;
	uint32_t w0;

	igb_pf_admin_set_mac(&s, 1, pin);
	igb_pf_hw_sync(&m->hw, &s);
	CHECK_EQ("pinned MAC in RAR 22",
		0x9900 | IGB_RAH_AV | 2u << IGB_RAH_POOL_SHIFT,
		model_reg(m, IGB_RAH(22)));
	igb_msg_encode_set_mac(&msg, other);
	w0 = request(1, &msg);
	CHECK_EQ("VF 1 changes pinned MAC: NACK",
		IGB_MSG_SET_MAC_ADDR | IGB_MSG_NACK | IGB_MSG_CTS, w0);
	CHECK_EQ("RAR 22 still the pinned MAC",
		0x9900 | IGB_RAH_AV | 2u << IGB_RAH_POOL_SHIFT,
		model_reg(m, IGB_RAH(22)));
	igb_msg_encode_set_mac(&msg, other);
	msg.w[0] |= IGB_MSG_MAC_FILTER_CLR;
	w0 = request(1, &msg);
	CHECK_EQ("MAC filter clear: ACK",
		IGB_MSG_SET_MAC_ADDR | IGB_MSG_MAC_FILTER_CLR | IGB_MSG_ACK |
			IGB_MSG_CTS,
		w0);
	igb_msg_encode_set_mac(&msg, other);
	w0 = request(0, &msg);
	CHECK_EQ("VF 0 (not pinned) sets a new MAC: ACK",
		IGB_MSG_SET_MAC_ADDR | IGB_MSG_ACK | IGB_MSG_CTS, w0);
	CHECK_EQ("RAR 23 has VF 0's new MAC",
		0x5500 | IGB_RAH_AV | 1u << IGB_RAH_POOL_SHIFT,
		model_reg(m, IGB_RAH(23)));

	igb_msg_encode_set_promisc(&msg, true, false);
	w0 = request(0, &msg);
	CHECK_EQ("unicast promiscuous, untrusted: NACK",
		IGB_MSG_SET_PROMISC | IGB_MSG_PROMISC_UNICAST | IGB_MSG_NACK |
			IGB_MSG_CTS,
		w0);
	CHECK("no ROPE for untrusted VF 0",
		!(model_reg(m, IGB_VMOLR(0)) & IGB_VMOLR_ROPE));
	igb_pf_admin_set_trust(&s, 0, true);
	w0 = request(0, &msg);
	CHECK_EQ("unicast promiscuous, trusted: ACK",
		IGB_MSG_SET_PROMISC | IGB_MSG_PROMISC_UNICAST | IGB_MSG_ACK |
			IGB_MSG_CTS,
		w0);
	CHECK("ROPE for trusted VF 0",
		model_reg(m, IGB_VMOLR(0)) & IGB_VMOLR_ROPE);

	igb_pf_admin_set_port_vlan(&s, 1, 42);
	igb_pf_admin_set_mac_spoofchk(&s, 1, false);
	igb_pf_hw_sync(&m->hw, &s);
	CHECK_EQ("VMVIR(1): always insert VLAN 42",
		IGB_VMVIR_VLANA_DEFAULT | 42, model_reg(m, IGB_VMVIR(1)));
	CHECK("port VLAN: VMOLR(1) strips, no untagged",
		(model_reg(m, IGB_VMOLR(1)) &
			(IGB_VMOLR_STRVLAN | IGB_VMOLR_AUPE)) ==
			IGB_VMOLR_STRVLAN);
	CHECK_EQ("port VLAN 42 in VLVF for pool 1", 0x2, vlvf_pools(42));
	CHECK_EQ("port VLAN replaced VF 1's VLAN 100", 0, vlvf_pools(100));
	CHECK_EQ("spoofchk off for VF 1: MAC bit 1 clear",
		IGB_DTXSWC_VMDQ_LOOPBACK_EN | 0x0301, model_reg(m, IGB_DTXSWC));
	igb_msg_encode_set_vlan(&msg, 7, true);
	w0 = request(1, &msg);
	CHECK_EQ("VF with port VLAN adds VLAN 7: NACK",
		IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD | IGB_MSG_NACK |
			IGB_MSG_CTS,
		w0);
}

static void
test_app_verdict(void)
{
	struct igb_msg msg;
	uint32_t w0;

	srv.ask = app_ask;
	app_verdict = IGB_PF_MBX_NOOP_NACK;
	igb_msg_encode_set_vlan(&msg, 300, true);
	w0 = request(0, &msg);
	CHECK_EQ("application refuses: NACK",
		IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD | IGB_MSG_NACK |
			IGB_MSG_CTS,
		w0);
	CHECK_EQ("refused VLAN not programmed", 0, vlvf_pools(300));
	CHECK_EQ("counted as app refusal", 1,
		s.vf[0].cnt.nack_by_reason[IGB_PF_NACK_APP]);
	app_verdict = IGB_PF_MBX_NOOP_ACK;
	w0 = request(0, &msg);
	CHECK_EQ("application acknowledges without action: ACK",
		IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD | IGB_MSG_ACK | IGB_MSG_CTS,
		w0);
	CHECK_EQ("NOOP_ACK programs nothing", 0, vlvf_pools(300));
	app_verdict = IGB_PF_MBX_NOOP_NACK;
	igb_msg_encode_reset(&msg);
	w0 = request(0, &msg);
	CHECK_EQ("reset proceeds whatever the application says",
		IGB_MSG_VF_RESET | IGB_MSG_ACK, w0);
	CHECK_EQ("application asked for each request", 3, app_calls);
	app_verdict = IGB_PF_MBX_PROCEED;
	srv.ask = NULL;
}

/* The application's callback closed the port: nothing more is touched. */
static void
test_app_closes(void)
{
	struct igb_msg msg, r;
	uint32_t vlvf[IGB_VLVF_ENTRIES];
	unsigned int i;

	srv.ask = app_ask;
	app_verdict = IGB_PF_MBX_STOP;
	app_calls = 0;
	igb_msg_encode_set_vlan(&msg, 301, true);
	model_vf_send(m, 0, &msg);
	model_vf_send(m, 1, &msg);
	for (i = 0; i < IGB_VLVF_ENTRIES; i++)
		vlvf[i] = model_reg(m, IGB_VLVF(i));
	igb_pf_mbx_service_bounded(&srv);
	CHECK_EQ("stop: the application was asked once", 1, app_calls);
	CHECK("stop: the server stopped", srv.stopped);
	CHECK("stop: no reply to the request", !model_vf_recv(m, 0, &r));
	CHECK("stop: VLAN filters untouched",
		!memcmp(vlvf, &m->reg[IGB_VLVF(0) / 4], sizeof(vlvf)));
	CHECK("stop: VF 1's request not served",
		!model_vf_recv(m, 1, &r) &&
			(model_reg(m, IGB_MBVFICR) & IGB_MBVFICR_VFREQ(1)));
	CHECK_EQ("stop: a stopped server serves nothing", 0,
		igb_pf_mbx_service(&srv));
	CHECK_EQ("stop: the application not asked again", 1, app_calls);
	srv.stopped = false;
	app_verdict = IGB_PF_MBX_PROCEED;
	srv.ask = NULL;
	igb_pf_mbx_service(&srv);
	model_vf_recv(m, 0, &r);
	model_vf_recv(m, 1, &r);
}

static void
snapshot_vf1(uint32_t *snap)
{
	unsigned int i, n = 0;

	snap[n++] = model_reg(m, IGB_RAL(22));
	snap[n++] = model_reg(m, IGB_RAH(22));
	snap[n++] = model_reg(m, IGB_VMOLR(1));
	snap[n++] = model_reg(m, IGB_VMVIR(1));
	snap[n++] = model_reg(m, IGB_VFRE) & 2;
	snap[n++] = model_reg(m, IGB_VFTE) & 2;
	snap[n++] = model_reg(m, IGB_DTXSWC) & 0x0202;
	for (i = 0; i < IGB_VLVF_ENTRIES; i++) {
		uint32_t v = model_reg(m, IGB_VLVF(i));

		snap[n++] = (v & (2u << IGB_VLVF_POOLSEL_SHIFT))
			? (v & IGB_VLVF_VLANID_MASK) + 1
			: 0;
	}
}

/* Whatever VF 0 sends, VF 1's registers stay as they were. */
static void
test_isolation(void)
{
	uint32_t before[7 + IGB_VLVF_ENTRIES], after[7 + IGB_VLVF_ENTRIES];
	struct igb_msg msg;
	uint16_t h[30];
	unsigned int i;

	snapshot_vf1(before);
	igb_msg_encode_reset(&msg);
	request(0, &msg);
	for (i = 0; i < 30; i++)
		h[i] = (uint16_t)(i * 131);
	igb_msg_encode_set_multicast(&msg, h, 30, true);
	request(0, &msg);
	for (i = 0; i < 40; i++) {
		igb_msg_encode_set_vlan(&msg, (uint16_t)(40 + i), true);
		request(0, &msg);
	}
	igb_msg_encode_set_vlan(&msg, 42, false);
	request(0, &msg);
	igb_msg_encode_set_mac(&msg, macs[1]);
	request(0, &msg);
	igb_msg_encode_set_lpe(&msg, 64);
	request(0, &msg);
	for (i = 0; i < 64; i++) {
		msg.len = IGB_MBX_WORDS;
		msg.w[0] = (uint32_t)rand();
		msg.w[0] &= ~(IGB_MSG_ACK | IGB_MSG_NACK);
		if (igb_msg_type(msg.w[0]) == IGB_MSG_VF_RESET)
			continue;
		msg.w[1] = (uint32_t)rand();
		request(0, &msg);
	}
	model_vf_reset(m, 0);
	igb_pf_mbx_service(&srv);
	snapshot_vf1(after);
	CHECK("VF 1's RAR, VMOLR, VMVIR, enables, spoof bits and VLANs "
	      "untouched by VF 0",
		!memcmp(before, after, sizeof(before)));
	CHECK_EQ("VF 0's random messages all answered", s.vf[0].cnt.msgs,
		s.vf[0].cnt.acks + s.vf[0].cnt.nacks);
}

/* A VF raising REQ as fast as the PF answers: the service must return,
 * and the other VFs be answered meanwhile. */
static void
test_flood_bounded(void)
{
	uint64_t nacks = s.vf[0].cnt.nacks;
	struct igb_msg msg = {.w = {0x00fe}, .len = 1}, r;
	unsigned int events;

	model_vf_send(m, 0, &msg);
	m->vf_flood_w0 = msg.w[0];
	m->vf_flood = 1u << 0;
	igb_msg_encode_set_lpe(&msg, 1518);
	model_vf_send(m, 1, &msg);
	events = igb_pf_mbx_service_bounded(&srv);
	m->vf_flood = 0;
	CHECK_EQ("flooding VF: one request per round, rounds bounded",
		IGB_PF_MBX_ROUNDS, s.vf[0].cnt.nacks - nacks);
	CHECK("events counted", events > IGB_PF_MBX_ROUNDS);
	CHECK("VF 1 answered during the flood",
		model_vf_recv(m, 1, &r) &&
			igb_msg_type(r.w[0]) == IGB_MSG_SET_LPE &&
			(r.w[0] & (IGB_MSG_ACK | IGB_MSG_NACK)));
	/* Drain what the flood left pending. */
	igb_pf_mbx_service(&srv);
	model_vf_recv(m, 0, &r);
}

static void
test_flr_and_ping(void)
{
	struct igb_msg msg, r;
	uint32_t w0;

	/* VF 0 was reset by the FLR at the end of the isolation test. */
	CHECK_EQ("FLR consumed", 0, model_reg(m, IGB_VFLRE));
	CHECK_EQ("FLR: VF 0 Rx off until it resets", 0x82,
		model_reg(m, IGB_VFRE));
	CHECK_EQ("FLR dropped VF 0's VLANs", -1, vlvf_find(40));
	CHECK("FLR kept VF 0's address",
		model_reg(m, IGB_RAH(23)) & IGB_RAH_AV);
	igb_msg_encode_set_vlan(&msg, 9, true);
	w0 = request(0, &msg);
	CHECK_EQ("request after FLR: NACK without CTS",
		IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD | IGB_MSG_NACK, w0);

	igb_pf_mbx_ping_all(&srv);
	CHECK("ping reached VF 0", model_vf_recv(m, 0, &r));
	CHECK_EQ("ping to VF 0 (no CTS): reset yourself",
		IGB_MSG_PF_CONTROL | IGB_MSG_NACK, r.w[0]);
	CHECK("ping reached VF 1", model_vf_recv(m, 1, &r));
	CHECK_EQ("ping to VF 1: status with CTS",
		IGB_MSG_PF_CONTROL | IGB_MSG_CTS, r.w[0]);
	CHECK_EQ("ping VF 2 of 2", -EINVAL, igb_pf_mbx_ping(&srv, 2));

	/* A VF holding its buffer: the PF cannot take it, counts an error. */
	m->reg[IGB_P2VMAILBOX(1) / 4] |= IGB_P2VMAILBOX_VFU;
	CHECK_EQ("ping while the VF holds the buffer", -EBUSY,
		igb_pf_mbx_ping(&srv, 1));
	CHECK_EQ("mailbox error counted", 1, s.vf[1].cnt.mbx_errors);
	m->reg[IGB_P2VMAILBOX(1) / 4] &= ~IGB_P2VMAILBOX_VFU;
}

int
main(void)
{
	m = calloc(1, sizeof(*m));
	if (m == NULL)
		return EXIT_FAILURE;
	model_init(m);
	srv.hw = &m->hw;
	srv.s = &s;
	srand(1);
	test_enable();
	test_cts_and_reset();
	test_multicast();
	test_vlan_lpe();
	test_policy_in_registers();
	test_app_verdict();
	test_app_closes();
	test_isolation();
	test_flood_bounded();
	test_flr_and_ping();
	free(m);
	return check_exit();
}
