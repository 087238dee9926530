/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The VF side of the PF conversation against a simulated PF (register-file
 * model with a PF agent): reset handshake and its failure modes, NACKs
 * turned into -EPERM/-ENOTSUP, late replies never taken for the next
 * request, multicast overflow, lost clear-to-send and PF notifications
 * turned into the reset event, a VF gone from the bus and a flooding PF
 * (bounded poll), replay after a reset, and 32-bit counter wrap.
 */
#include <errno.h>
#include <string.h>

#include "igb_check.h"
#include "igb_model.h"
#include "igb_vf.h"
#include "vf_fakes.h"

int igb_vf_logtype; /* registered by the PMD's ethdev file */

static const uint8_t pf_mac[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x10};

static struct igb_model m;
static struct rte_eth_dev dev;
static struct rte_eth_dev_data data;
static struct igb_vf_adapter ad;
static struct rte_ether_addr macs[1];

static void
setup(void)
{
	fake_reset();
	fake_port_init(&m, &ad, &dev, &data, macs);
}

/* Handshake, then forget what the agent logged so far. */
static void
setup_up(void)
{
	setup();
	igb_vf_pf_reset(&dev);
	rte_ether_addr_copy(&ad.perm_addr, &macs[0]);
	m.nb_log = 0;
}

static void
test_handshake(void)
{
	setup();
	CHECK_EQ("handshake with the PF", 0, igb_vf_pf_reset(&dev));
	CHECK("VF reset signalled to the PF (CTRL.RST -> VFLRE)",
		m.reg[IGB_VFLRE / 4] & 1);
	CHECK_EQ("one message sent", 1, m.nb_log);
	CHECK_EQ("it is VF_RESET", IGB_MSG_VF_RESET, m.log[0].w[0]);
	CHECK("MAC from the reply words 1-2",
		memcmp(ad.perm_addr.addr_bytes, pf_mac, 6) == 0);
	CHECK_EQ("no reset pending", 0, ad.reset_pending);
}

static void
test_handshake_stale_ping(void)
{
	setup();
	/* The PF's "reset yourself" ping from before our reset. */
	model_pf_send(&m, IGB_MSG_PF_CONTROL);
	CHECK_EQ("handshake over a stale ping", 0, igb_vf_pf_reset(&dev));
	igb_vf_pf_poll(&dev);
	CHECK_EQ("stale ping does not raise a reset", 0, ad.reset_pending);
}

static void
test_pf_in_reset(void)
{
	setup();
	m.reg[IGB_V2PMAILBOX_PF(0) / 4] |= IGB_V2PMAILBOX_RSTI;
	CHECK_EQ(
		"RSTI never clears -> -EAGAIN", -EAGAIN, igb_vf_pf_reset(&dev));
	CHECK("gave up after the bound, not before",
		m.now_us >= IGB_VF_PF_RESET_WAIT_US &&
			m.now_us < IGB_VF_PF_RESET_WAIT_US + 10000);
	CHECK_EQ("no message sent while the PF is in reset", 0, m.nb_log);
}

static void
test_no_mac(void)
{
	const uint8_t *a = ad.perm_addr.addr_bytes;

	setup();
	m.answer[IGB_MSG_VF_RESET] = ANSWER_NACK;
	CHECK_EQ("handshake, PF has no MAC for us", 0, igb_vf_pf_reset(&dev));
	CHECK("random address is locally administered unicast",
		(a[0] & 0x02) && !(a[0] & 0x01));
	CHECK("and not the PF's", memcmp(a, pf_mac, 6) != 0);
}

/* Found by the vf-mailbox fuzzer: a reset reply carrying a multicast
 * address made it the port's own. */
static void
test_multicast_mac(void)
{
	static const uint8_t group[6] = {0x01, 0x00, 0x5e, 0x00, 0x00, 0x01};
	static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	const uint8_t *a = ad.perm_addr.addr_bytes;

	setup();
	memcpy(m.mac, group, sizeof(group));
	CHECK_EQ("handshake, PF gives a multicast address", 0,
		igb_vf_pf_reset(&dev));
	CHECK("multicast address refused: random locally administered "
	      "unicast instead",
		(a[0] & 0x02) && !(a[0] & 0x01));
	setup();
	memcpy(m.mac, bcast, sizeof(bcast));
	CHECK_EQ("handshake, PF gives the broadcast address", 0,
		igb_vf_pf_reset(&dev));
	CHECK("broadcast address refused", (a[0] & 0x02) && !(a[0] & 0x01));
	CHECK("the address the PF filters is the one taken",
		rte_is_same_ether_addr(&ad.perm_addr, &ad.pf_addr));
}

static void
test_no_reply(void)
{
	setup();
	m.answer[IGB_MSG_VF_RESET] = ANSWER_IGNORE;
	CHECK_EQ("PF never acknowledges -> -ETIMEDOUT", -ETIMEDOUT,
		igb_vf_pf_reset(&dev));
	setup();
	m.answer[IGB_MSG_VF_RESET] = ANSWER_SILENT;
	CHECK_EQ("PF acknowledges, never answers -> -ETIMEDOUT", -ETIMEDOUT,
		igb_vf_pf_reset(&dev));
}

static void
test_nacks(void)
{
	setup_up();
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_NACK;
	CHECK_EQ("VLAN add refused -> -EPERM", -EPERM,
		igb_vf_vlan_filter_set(&dev, 100, 1));
	CHECK_EQ("refused VLAN not remembered", 0,
		(ad.vfta[100 / 64] >> (100 % 64)) & 1);
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_ACK;
	CHECK_EQ("VLAN add accepted", 0, igb_vf_vlan_filter_set(&dev, 100, 1));
	CHECK_EQ("accepted VLAN remembered", 1,
		(ad.vfta[100 / 64] >> (100 % 64)) & 1);

	m.answer[IGB_MSG_SET_PROMISC] = ANSWER_NACK;
	m.nb_log = 0;
	CHECK_EQ("promiscuous refused -> -ENOTSUP", -ENOTSUP,
		igb_vf_promiscuous_enable(&dev));
	CHECK_EQ("asked with the unicast flag",
		IGB_MSG_SET_PROMISC | IGB_MSG_PROMISC_UNICAST, m.log[0].w[0]);
	CHECK_EQ("then restored the non-unicast mode", IGB_MSG_SET_PROMISC,
		m.log[1].w[0]);

	m.answer[IGB_MSG_SET_LPE] = ANSWER_NACK;
	CHECK_EQ("frame size refused -> -ENOTSUP", -ENOTSUP,
		igb_vf_set_max_frame(&dev, 9000));
	m.answer[IGB_MSG_SET_LPE] = ANSWER_ACK;
	m.nb_log = 0;
	CHECK_EQ("frame size accepted", 0, igb_vf_set_max_frame(&dev, 9000));
	CHECK_EQ("max frame = MTU + 22", 9022, m.log[0].w[1]);

	m.answer[IGB_MSG_SET_MAC_ADDR] = ANSWER_NACK;
	struct rte_ether_addr other = {{0x02, 0, 0, 0, 0, 0x99}};
	CHECK_EQ("MAC change refused -> -EPERM", -EPERM,
		igb_vf_mac_addr_set(&dev, &other));
	m.nb_log = 0;
	CHECK_EQ("setting the PF's own MAC needs no request", 0,
		igb_vf_mac_addr_set(&dev, &ad.perm_addr));
	CHECK_EQ("no message for it", 0, m.nb_log);
}

static void
test_timeout_request(void)
{
	setup_up();
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_SILENT;
	CHECK_EQ("no reply to SET_VLAN -> -ETIMEDOUT", -ETIMEDOUT,
		igb_vf_vlan_filter_set(&dev, 5, 1));
	CHECK_EQ("VLAN not remembered", 0, ad.vfta[0] & (1u << 5));
}

static bool
vlan_on(uint16_t vid)
{
	return (ad.vfta[vid / 64] >> (vid % 64)) & 1;
}

/*
 * The PF answers a request only after the VF gave up on it. Nothing in
 * the protocol tells that answer from the answer to the next request of
 * the same type: it must never be taken for one.
 */
static void
test_late_reply(void)
{
	const uint32_t late_nack = IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD |
		IGB_MSG_NACK | IGB_MSG_CTS;

	/* The late NACK is in the mailbox when request 2 starts. */
	setup_up();
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_SILENT;
	CHECK_EQ("late: VLAN 10 unanswered in time -> -ETIMEDOUT", -ETIMEDOUT,
		igb_vf_vlan_filter_set(&dev, 10, 1));
	model_pf_send(&m, late_nack);
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_ACK;
	CHECK_EQ("late: VLAN 20 gets its own ACK, not VLAN 10's NACK", 0,
		igb_vf_vlan_filter_set(&dev, 20, 1));
	CHECK_EQ("late: VLAN 30 gets its own ACK", 0,
		igb_vf_vlan_filter_set(&dev, 30, 1));
	CHECK_EQ("late: the PF saw three requests", 3, m.nb_log);
	CHECK("late: VF table has 20 and 30, not 10",
		vlan_on(20) && vlan_on(30) && !vlan_on(10));
	CHECK_EQ("late: no reset", 0, ad.reset_pending);

	/* The late NACK comes while request 2 is about to be sent. */
	setup_up();
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_SILENT;
	igb_vf_vlan_filter_set(&dev, 10, 1);
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_ACK;
	m.late_w0 = late_nack;
	m.late_at_us = m.now_us + 500000;
	CHECK_EQ("later: VLAN 20 accepted", 0,
		igb_vf_vlan_filter_set(&dev, 20, 1));
	CHECK_EQ("later: VLAN 30 accepted", 0,
		igb_vf_vlan_filter_set(&dev, 30, 1));
	CHECK("later: the late NACK has come", m.late_at_us == 0);
	CHECK("later: VF table has 20 and 30, not 10",
		vlan_on(20) && vlan_on(30) && !vlan_on(10));

	/* No answer at all: nothing is sent while one may still come. */
	setup_up();
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_SILENT;
	igb_vf_vlan_filter_set(&dev, 10, 1);
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_ACK;
	CHECK_EQ("silent: VLAN 20 while VLAN 10's answer is due -> -ETIMEDOUT",
		-ETIMEDOUT, igb_vf_vlan_filter_set(&dev, 20, 1));
	CHECK_EQ("silent: VLAN 20 not sent", 1, m.nb_log);
	CHECK_EQ("silent: two timeouts in a row: reset due", 1,
		ad.reset_pending);
	CHECK_EQ("silent: the event is due from the poll", 1, ad.reset_event);

	/* One answer late: dropped by the poll, no reset. */
	setup_up();
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_SILENT;
	igb_vf_vlan_filter_set(&dev, 10, 1);
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_ACK;
	model_pf_send(&m, late_nack);
	igb_vf_pf_poll(&dev);
	CHECK_EQ("late, polled: the poll drops the late NACK, no reset", 0,
		ad.reset_pending);
	CHECK_EQ("late, polled: then VLAN 20 goes out and is accepted", 0,
		igb_vf_vlan_filter_set(&dev, 20, 1));
	CHECK_EQ("late, polled: sent", 2, m.nb_log);
}

static void
test_multicast(void)
{
	struct rte_ether_addr list[40];
	unsigned int i;

	for (i = 0; i < 40; i++) {
		uint8_t b[6] = {
			0x01, 0x00, 0x5e, 0x00, (uint8_t)(i << 4), (uint8_t)i};

		memcpy(list[i].addr_bytes, b, 6);
	}
	setup_up();
	CHECK_EQ("5 multicast addresses", 0,
		igb_vf_set_mc_addr_list(&dev, list, 5));
	CHECK_EQ("one message", 1, m.nb_log);
	CHECK_EQ("count 5, no overflow",
		IGB_MSG_SET_MULTICAST | (5u << IGB_MSG_INFO_SHIFT),
		m.log[0].w[0]);
	CHECK_EQ("hash of address 1", igb_mta_hash(list[1].addr_bytes),
		m.log[0].w[1] >> 16);

	m.nb_log = 0;
	CHECK_EQ("31 multicast addresses", 0,
		igb_vf_set_mc_addr_list(&dev, list, 31));
	CHECK_EQ("two messages", 2, m.nb_log);
	CHECK_EQ("30 hashes with the overflow flag",
		IGB_MSG_SET_MULTICAST | (30u << IGB_MSG_INFO_SHIFT) |
			IGB_MSG_MC_OVERFLOW,
		m.log[0].w[0]);
	CHECK_EQ("then multicast promiscuous",
		IGB_MSG_SET_PROMISC | IGB_MSG_PROMISC_MULTICAST, m.log[1].w[0]);

	m.nb_log = 0;
	igb_vf_set_mc_addr_list(&dev, list, 3);
	CHECK_EQ("back to 3: multicast promiscuous off", IGB_MSG_SET_PROMISC,
		m.log[1].w[0]);
	CHECK_EQ("129 addresses refused", -ENOSPC,
		igb_vf_set_mc_addr_list(&dev, list, IGB_VF_MC_LIST_MAX + 1));
	CHECK_EQ("list kept", 3, ad.nb_mc);
}

static void
test_reset_events(void)
{
	setup_up();
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_NACK_NO_CTS;
	CHECK_EQ("NACK without CTS -> -EPERM", -EPERM,
		igb_vf_vlan_filter_set(&dev, 7, 1));
	CHECK_EQ("and a reset is pending", 1, ad.reset_pending);

	setup_up();
	model_pf_send(&m, IGB_MSG_PF_CONTROL | IGB_MSG_CTS);
	igb_vf_pf_poll(&dev);
	CHECK_EQ("PF ping with CTS: no reset", 0, ad.reset_pending);
	model_pf_send(&m, IGB_MSG_PF_CONTROL);
	igb_vf_pf_poll(&dev);
	CHECK_EQ("PF control without CTS: reset", 1, ad.reset_pending);

	setup_up();
	m.reg[IGB_V2PMAILBOX_PF(0) / 4] |= IGB_V2PMAILBOX_RSTI;
	igb_vf_pf_poll(&dev);
	CHECK_EQ("PF reset in progress (RSTI): reset", 1, ad.reset_pending);

	setup_up();
	m.reg[IGB_V2PMAILBOX_PF(0) / 4] |= IGB_V2PMAILBOX_RSTD;
	igb_vf_pf_poll(&dev);
	CHECK_EQ("PF reset done after ours (RSTD): reset", 1, ad.reset_pending);
	CHECK_EQ("handshake again", 0, igb_vf_pf_reset(&dev));
	CHECK_EQ("reset no longer pending", 0, ad.reset_pending);
}

/* A PF reset with the link up: LSC (down), then INTR_RESET, from one
 * poll. */
static void
test_reset_link_event(void)
{
	setup_up();
	data.dev_conf.intr_conf.lsc = 1;
	data.dev_started = 1;
	m.vf_reg[IGB_VF_STATUS / 4] = IGB_STATUS_LU | IGB_STATUS_FD;
	igb_vf_alarm_start(&dev);
	CHECK("reset link: first poll", fake_alarm_fire());
	CHECK_EQ("reset link: up before the reset", RTE_ETH_LINK_UP,
		data.dev_link.link_status);
	CHECK_EQ("reset link: one LSC for link up", 1,
		fake_events[RTE_ETH_EVENT_INTR_LSC]);
	model_pf_send(&m, IGB_MSG_PF_CONTROL);
	CHECK("reset link: poll after the PF's reset", fake_alarm_fire());
	CHECK_EQ("reset link: down", RTE_ETH_LINK_DOWN,
		data.dev_link.link_status);
	CHECK_EQ("reset link: LSC for link down", 2,
		fake_events[RTE_ETH_EVENT_INTR_LSC]);
	CHECK_EQ("reset link: and the reset event", 1,
		fake_events[RTE_ETH_EVENT_INTR_RESET]);
	CHECK("reset link: next poll", fake_alarm_fire());
	CHECK_EQ("reset link: no more events", 2,
		fake_events[RTE_ETH_EVENT_INTR_LSC]);
	igb_vf_alarm_stop(&dev);
	data.dev_conf.intr_conf.lsc = 0;
	data.dev_started = 0;
}

/* Surprise removal (or SR-IOV gone with a PF reset on silicon): every
 * read returns all ones, for good. */
static void
test_device_gone(void)
{
	uint64_t reads, t;
	char what[96];

	setup_up();
	data.dev_conf.intr_conf.rmv = 1;
	igb_vf_alarm_start(&dev);
	m.gone_reads = 1000000;
	reads = m.nb_reads;
	CHECK("gone: poll alarm run", fake_alarm_fire());
	reads = m.nb_reads - reads;
	snprintf(what, sizeof(what),
		"gone: the poll returns within 4 register reads (%" PRIu64 ")",
		reads);
	CHECK(what, reads <= 4);
	CHECK_EQ("gone: removal event", 1, fake_events[RTE_ETH_EVENT_INTR_RMV]);
	CHECK_EQ("gone: no reset event", 0,
		fake_events[RTE_ETH_EVENT_INTR_RESET]);
	CHECK_EQ("gone: link down", RTE_ETH_LINK_DOWN,
		data.dev_link.link_status);
	CHECK_EQ("gone: the poll alarm stops", 0, fake_alarms_armed());
	t = m.now_us;
	CHECK_EQ("gone: a request fails -> -ENODEV", -ENODEV,
		igb_vf_vlan_filter_set(&dev, 5, 1));
	CHECK_EQ("gone: at once", t, m.now_us);
	CHECK_EQ("gone: the reset handshake fails -> -ENODEV", -ENODEV,
		igb_vf_pf_reset(&dev));
	CHECK_EQ("gone: at once too", t, m.now_us);
	CHECK("gone: the device was gone throughout", m.gone_reads > 0);

	/* A PF that sends a message whenever the VF took the last. */
	setup_up();
	m.ping_flood = 1000;
	model_pf_send(&m, IGB_MSG_PF_CONTROL | IGB_MSG_CTS);
	igb_vf_pf_poll(&dev);
	/* Each message taken makes the PF send one more. */
	CHECK_EQ("flood: the poll takes 8 messages, leaves the rest", 8,
		1000 - m.ping_flood);
	igb_vf_pf_poll(&dev);
	CHECK_EQ("flood: 8 more the next time", 16, 1000 - m.ping_flood);
}

static void
test_restore(void)
{
	struct rte_ether_addr mc = {{0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb}};

	setup_up();
	igb_vf_vlan_filter_set(&dev, 100, 1);
	igb_vf_vlan_filter_set(&dev, 200, 1);
	igb_vf_set_mc_addr_list(&dev, &mc, 1);
	igb_vf_allmulticast_enable(&dev);
	data.mtu = 9000;
	igb_vf_pf_reset(&dev);
	m.nb_log = 0;
	CHECK_EQ("replay after reset", 0, igb_vf_filters_restore(&dev));
	CHECK_EQ("five requests", 5, m.nb_log);
	CHECK_EQ("VLAN 100 again", 100, m.log[0].w[1]);
	CHECK_EQ("VLAN 200 again", 200, m.log[1].w[1]);
	CHECK_EQ("multicast list again",
		IGB_MSG_SET_MULTICAST | (1u << IGB_MSG_INFO_SHIFT),
		m.log[2].w[0]);
	CHECK_EQ("all-multicast again",
		IGB_MSG_SET_PROMISC | IGB_MSG_PROMISC_MULTICAST, m.log[3].w[0]);
	CHECK_EQ("frame size for MTU 9000 again", 9022, m.log[4].w[1]);
}

static void
test_counters(void)
{
	struct rte_eth_stats s;

	setup();
	m.vf_reg[IGB_VFGPRC / 4] = 0xfffffff0;
	igb_vf_counters_sample(&ad);
	igb_vf_stats_reset(&dev);
	m.vf_reg[IGB_VFGPRC / 4] = 0x10; /* wrapped */
	m.vf_reg[IGB_VFGORC / 4] = 0x1000;
	memset(&s, 0, sizeof(s));
	igb_vf_stats_get(&dev, &s);
	CHECK_EQ("packets across a 32-bit wrap", 0x20, s.ipackets);
	m.vf_reg[IGB_VFGPRC / 4] = 0x30;
	igb_vf_stats_get(&dev, &s);
	CHECK_EQ("then counting on", 0x40, s.ipackets);
	igb_vf_stats_reset(&dev);
	igb_vf_stats_get(&dev, &s);
	CHECK_EQ("zero after reset", 0, s.ipackets);
}

int
main(void)
{
	test_handshake();
	test_handshake_stale_ping();
	test_pf_in_reset();
	test_no_mac();
	test_multicast_mac();
	test_no_reply();
	test_nacks();
	test_timeout_request();
	test_late_reply();
	test_multicast();
	test_reset_events();
	test_reset_link_event();
	test_device_gone();
	test_restore();
	test_counters();
	return check_exit();
}
