/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MAC and VLAN anti-spoofing as the PF programs it, against the register
 * model. 82576 DTXSWC: bit n (MACAS) has the NIC drop what pool n sends
 * from a source MAC none of the pool's receive-address entries holds,
 * bit 8 + n (VLANAS) what it sends tagged with a VLAN no VLVF entry of
 * the pool holds; bit 31 switches VM-to-VM traffic (7.10.3.6). The spoof check is on for every
 * VF from its creation, the administrator turns each half off and on per
 * VF, and what the VF or its reset does leaves it as the administrator
 * set it. QEMU stores these bits and applies neither (emulator.rst): this
 * test and the register read back in the guest (pf-kernel-vf-policy,
 * pf-vflr) are all that is checked of them.
 */
#include <errno.h>
#include <stdlib.h>

#include "igb_check.h"
#include "igb_mbx_msg.h"
#include "igb_model.h"
#include "igb_pf_hw.h"
#include "igb_pf_mbx.h"

#define MACAS(vf) IGB_DTXSWC_MAC_SPOOF(vf)
#define VLANAS(vf) IGB_DTXSWC_VLAN_SPOOF(vf)
#define LOOPBACK IGB_DTXSWC_VMDQ_LOOPBACK_EN

static uint8_t macs[IGB_PF_MAX_VFS][IGB_PF_ETH_ALEN]; /* 02:00:00:00:00:1n */
static struct igb_model *m;
static struct igb_pf_sriov s;
static struct igb_pf_mbx_server srv;

static uint32_t
dtxswc(void)
{
	return model_reg(m, IGB_DTXSWC);
}

/* Both anti-spoof bits of every VF below n. */
static uint32_t
all_on(unsigned int n)
{
	uint32_t bits = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		bits |= MACAS(i) | VLANAS(i);
	return bits;
}

/* An administrator call as the API makes it: the change, then the
 * registers from the PF's state (igb_pf_adapter_commit). */
static int
admin(int (*fn)(struct igb_pf_sriov *, uint16_t, bool), uint16_t vf, bool on)
{
	int ret = fn(&s, vf, on);

	if (ret == 0)
		igb_pf_hw_sync(&m->hw, &s);
	return ret;
}

static void
vf_request(unsigned int vf, const struct igb_msg *msg)
{
	struct igb_msg r;

	model_vf_send(m, vf, msg);
	igb_pf_mbx_service(&srv);
	model_vf_recv(m, vf, &r);
}

static void
vf_reset(unsigned int vf)
{
	struct igb_msg msg;

	igb_msg_encode_reset(&msg);
	vf_request(vf, &msg);
}

static void
test_default_on(void)
{
	unsigned int n;

	for (n = 1; n <= IGB_PF_MAX_VFS; n++) {
		model_init(m);
		igb_pf_sriov_init(&s, (uint16_t)n,
			(const uint8_t(*)[IGB_PF_ETH_ALEN])macs);
		igb_pf_hw_sriov_enable(&m->hw, &s);
		if (!CHECK_EQ("new VFs: loopback, MACAS and VLANAS of each VF",
			    LOOPBACK | all_on(n), dtxswc()))
			printf("  with %u VFs\n", n);
	}
	CHECK("the PF's pool (7) is never checked",
		!(dtxswc() & (MACAS(IGB_PF_POOL) | VLANAS(IGB_PF_POOL))));
	CHECK_EQ("bits 30:16 stay clear", 0, dtxswc() & 0x7fff0000);
}

static void
test_admin_per_vf(void)
{
	const uint32_t on = LOOPBACK | all_on(3);

	model_init(m);
	igb_pf_sriov_init(&s, 3, (const uint8_t(*)[IGB_PF_ETH_ALEN])macs);
	igb_pf_hw_sriov_enable(&m->hw, &s);
	vf_reset(0);
	vf_reset(1);
	vf_reset(2);
	CHECK_EQ("VF resets leave the bits", on, dtxswc());

	admin(igb_pf_admin_set_mac_spoofchk, 1, false);
	CHECK_EQ("MAC check off for VF 1: MACAS 1 only clear", on & ~MACAS(1),
		dtxswc());
	admin(igb_pf_admin_set_vlan_spoofchk, 1, false);
	CHECK_EQ("VLAN check off for VF 1: VLANAS 1 clear too",
		on & ~(MACAS(1) | VLANAS(1)), dtxswc());
	admin(igb_pf_admin_set_vlan_spoofchk, 2, false);
	CHECK_EQ("VLAN check off for VF 2: VF 0's bits and VF 2's MACAS kept",
		on & ~(MACAS(1) | VLANAS(1) | VLANAS(2)), dtxswc());
	admin(igb_pf_admin_set_mac_spoofchk, 1, true);
	admin(igb_pf_admin_set_vlan_spoofchk, 1, true);
	CHECK_EQ("VF 1 both on again", on & ~VLANAS(2), dtxswc());
	admin(igb_pf_admin_set_vlan_spoofchk, 2, true);
	CHECK_EQ("VF 2 on again: as at creation", on, dtxswc());
	admin(igb_pf_admin_set_mac_spoofchk, 0, true);
	CHECK_EQ("turning on what is on changes nothing", on, dtxswc());

	CHECK_EQ("MAC check of VF 3 of 3", -EINVAL,
		admin(igb_pf_admin_set_mac_spoofchk, 3, false));
	CHECK_EQ("VLAN check of VF 7", -EINVAL,
		admin(igb_pf_admin_set_vlan_spoofchk, IGB_PF_POOL, false));
	CHECK_EQ("refused calls leave the register", on, dtxswc());
}

/* Trust widens what the mailbox allows a VF, never what it may send. */
static void
test_trust(void)
{
	const uint32_t on = LOOPBACK | all_on(3);
	struct igb_msg msg;

	admin(igb_pf_admin_set_trust, 0, true);
	CHECK_EQ("trusting VF 0 keeps its bits", on, dtxswc());
	igb_msg_encode_set_promisc(&msg, true, true);
	vf_request(0, &msg);
	CHECK("trusted VF 0 is unicast promiscuous",
		model_reg(m, IGB_VMOLR(0)) & IGB_VMOLR_ROPE);
	CHECK_EQ("promiscuous VF 0 keeps its bits", on, dtxswc());
	admin(igb_pf_admin_set_mac_spoofchk, 0, false);
	admin(igb_pf_admin_set_trust, 0, false);
	CHECK_EQ("withdrawing trust leaves the spoof check as set",
		on & ~MACAS(0), dtxswc());
	admin(igb_pf_admin_set_mac_spoofchk, 0, true);
}

/* What the VF asks for, its FLR and its reset keep the administrator's
 * setting, for it and for the others. */
static void
test_vf_cannot_change(void)
{
	const uint32_t set = (LOOPBACK | all_on(3)) & ~(MACAS(1) | VLANAS(1));
	const uint8_t mac[6] = {0x02, 0, 0, 0, 0, 0x51};
	uint16_t h[2] = {0x10, 0x20};
	struct igb_msg msg;

	admin(igb_pf_admin_set_mac_spoofchk, 1, false);
	admin(igb_pf_admin_set_vlan_spoofchk, 1, false);
	igb_msg_encode_set_mac(&msg, mac);
	vf_request(1, &msg);
	igb_msg_encode_set_vlan(&msg, 300, true);
	vf_request(1, &msg);
	igb_msg_encode_set_multicast(&msg, h, 2, true);
	vf_request(1, &msg);
	igb_msg_encode_set_lpe(&msg, 9018);
	vf_request(1, &msg);
	CHECK_EQ("VF 1's requests leave DTXSWC", set, dtxswc());

	model_vf_reset(m, 1);
	igb_pf_mbx_service(&srv);
	CHECK_EQ("VF 1's FLR consumed", 0, s.vf[1].cts);
	CHECK_EQ("FLR keeps the bits (VF 1 off, the others on)", set, dtxswc());
	vf_reset(1);
	CHECK_EQ("VF_RESET after the FLR keeps them", set, dtxswc());
	model_vf_reset(m, 0);
	igb_pf_mbx_service(&srv);
	vf_reset(0);
	CHECK_EQ("VF 0's FLR and reset keep them", set, dtxswc());
	igb_pf_vf_clear_requests(&s, 2);
	igb_pf_hw_sync(&m->hw, &s);
	CHECK_EQ("clearing VF 2's requests keeps them", set, dtxswc());
}

static void
test_teardown_clears(void)
{
	igb_pf_hw_sriov_disable(&m->hw);
	CHECK_EQ("SR-IOV off: no anti-spoof bit, no loopback", 0, dtxswc());
	model_init(m);
	igb_pf_sriov_init(&s, 0, NULL);
	igb_pf_hw_sriov_enable(&m->hw, &s);
	CHECK_EQ("no VF: no anti-spoof bit, no loopback", 0, dtxswc());
}

int
main(void)
{
	unsigned int i;

	for (i = 0; i < IGB_PF_MAX_VFS; i++) {
		macs[i][0] = 0x02;
		macs[i][5] = (uint8_t)(0x10 + i);
	}
	m = calloc(1, sizeof(*m));
	if (m == NULL)
		return EXIT_FAILURE;
	srv.hw = &m->hw;
	srv.s = &s;
	test_default_on();
	test_admin_per_vf();
	test_trust();
	test_vf_cannot_change();
	test_teardown_clears();
	free(m);
	return check_exit();
}
