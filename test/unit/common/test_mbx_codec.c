/* SPDX-License-Identifier: BSD-3-Clause */
/* Mailbox message codec: the encodings Linux igb/igbvf expect, decoding of
 * what the other end sends, refusal of malformed input. */
#include <errno.h>
#include <string.h>

#include "igb_check.h"
#include "igb_mbx_msg.h"

static const uint8_t mac[6] = {0x02, 0x00, 0x00, 0x00, 0x00, 0x10};

static void
test_mac(void)
{
	struct igb_msg m;
	uint8_t out[6] = {0};

	igb_msg_encode_set_mac(&m, mac);
	CHECK_EQ("SET_MAC word 0", IGB_MSG_SET_MAC_ADDR, m.w[0]);
	CHECK_EQ("SET_MAC length", 3, m.len);
	CHECK_EQ("SET_MAC word 1 (bytes 0-3, LE)", 0x00000002, m.w[1]);
	CHECK_EQ("SET_MAC word 2 (bytes 4-5)", 0x1000, m.w[2]);
	CHECK_EQ("decode MAC", 0, igb_msg_decode_mac(&m, out));
	CHECK("MAC round trip", memcmp(out, mac, 6) == 0);
	m.len = 2;
	CHECK_EQ("decode MAC from a 2-word message", -EINVAL,
		igb_msg_decode_mac(&m, out));
}

static void
test_reset_reply(void)
{
	struct igb_msg m;
	uint8_t out[6];

	igb_msg_encode_reset_reply(&m, mac, true);
	CHECK_EQ("reset reply word 0: RESET|ACK, no CTS",
		IGB_MSG_VF_RESET | IGB_MSG_ACK, m.w[0]);
	CHECK_EQ("reset reply length", 3, m.len);
	igb_msg_decode_mac(&m, out);
	CHECK("reset reply carries the MAC", memcmp(out, mac, 6) == 0);
	igb_msg_encode_reset_reply(&m, NULL, false);
	CHECK_EQ("reset NACK word 0", IGB_MSG_VF_RESET | IGB_MSG_NACK, m.w[0]);
	CHECK_EQ("reset NACK word 1 is zero", 0, m.w[1]);
}

static void
test_multicast(void)
{
	uint16_t in[IGB_MSG_MC_MAX], out[IGB_MSG_MC_MAX];
	unsigned int i, n = 0;
	bool ovf = true;
	struct igb_msg m;

	for (i = 0; i < IGB_MSG_MC_MAX; i++)
		in[i] = 0x100 + i;
	CHECK_EQ("encode 30 hashes", 0,
		igb_msg_encode_set_multicast(&m, in, 30, false));
	CHECK_EQ("count in MSGINFO", 30, igb_msg_info(m.w[0]));
	CHECK_EQ("hash 0 in word 1 low half", 0x100, m.w[1] & 0xffff);
	CHECK_EQ("hash 1 in word 1 high half", 0x101, m.w[1] >> 16);
	CHECK_EQ("hash 29 in word 15 high half", 0x11d, m.w[15] >> 16);
	CHECK_EQ("decode 30 hashes", 0,
		igb_msg_decode_multicast(&m, out, &n, &ovf));
	CHECK_EQ("decoded count", 30, n);
	CHECK_EQ("decoded overflow", 0, ovf);
	CHECK("hashes round trip", memcmp(in, out, sizeof(in)) == 0);
	CHECK_EQ("encode 31 hashes refused", -EINVAL,
		igb_msg_encode_set_multicast(&m, in, 31, false));
	igb_msg_encode_set_multicast(&m, in, 30, true);
	CHECK_EQ("overflow bit 23", IGB_MSG_MC_OVERFLOW,
		m.w[0] & IGB_MSG_MC_OVERFLOW);
	igb_msg_decode_multicast(&m, out, &n, &ovf);
	CHECK_EQ("decoded overflow set", 1, ovf);
	m.w[0] = IGB_MSG_SET_MULTICAST | (31u << IGB_MSG_INFO_SHIFT);
	CHECK_EQ("decode count 31 refused", -EINVAL,
		igb_msg_decode_multicast(&m, out, &n, &ovf));
	/* MSGINFO bits 5 and 6 belong to the count: 64 is not 0. */
	m.w[0] = IGB_MSG_SET_MULTICAST | (64u << IGB_MSG_INFO_SHIFT);
	CHECK_EQ("decode count 64 refused", -EINVAL,
		igb_msg_decode_multicast(&m, out, &n, &ovf));
	m.w[0] = IGB_MSG_SET_MULTICAST | (0x25u << IGB_MSG_INFO_SHIFT);
	CHECK_EQ("decode count 37 refused", -EINVAL,
		igb_msg_decode_multicast(&m, out, &n, &ovf));
	m.w[0] = IGB_MSG_SET_MULTICAST | IGB_MSG_MC_OVERFLOW |
		(2u << IGB_MSG_INFO_SHIFT);
	CHECK_EQ("decode count 2 with overflow", 0,
		igb_msg_decode_multicast(&m, out, &n, &ovf));
	CHECK_EQ("count 2 beside the overflow bit", 2, n);
}

static void
test_vlan_lpe_promisc(void)
{
	struct igb_msg m;
	uint16_t vid = 0;
	uint32_t frame = 0;
	bool add = false, uc = true, mc = false;

	CHECK_EQ("encode VLAN 100 add", 0,
		igb_msg_encode_set_vlan(&m, 100, true));
	CHECK_EQ(
		"VLAN add word 0", IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD, m.w[0]);
	CHECK_EQ("VLAN word 1", 100, m.w[1]);
	CHECK_EQ("decode VLAN", 0, igb_msg_decode_vlan(&m, &vid, &add));
	CHECK_EQ("decoded VID", 100, vid);
	CHECK_EQ("decoded add", 1, add);
	CHECK_EQ("VID 4096 refused", -EINVAL,
		igb_msg_encode_set_vlan(&m, 4096, true));
	m.w[1] = 5000;
	CHECK_EQ("decode VID 5000 refused", -EINVAL,
		igb_msg_decode_vlan(&m, &vid, &add));

	igb_msg_encode_set_lpe(&m, 9022);
	CHECK_EQ("SET_LPE word 1", 9022, m.w[1]);
	CHECK_EQ("decode LPE", 0, igb_msg_decode_lpe(&m, &frame));
	CHECK_EQ("decoded frame", 9022, frame);

	igb_msg_encode_set_promisc(&m, false, true);
	CHECK_EQ("SET_PROMISC multicast word 0",
		IGB_MSG_SET_PROMISC | IGB_MSG_PROMISC_MULTICAST, m.w[0]);
	CHECK_EQ("decode promisc", 0, igb_msg_decode_promisc(&m, &uc, &mc));
	CHECK_EQ("decoded unicast", 0, uc);
	CHECK_EQ("decoded multicast", 1, mc);
	m.w[0] |= 0x04u << IGB_MSG_INFO_SHIFT;
	CHECK_EQ("unknown promisc flag refused", -EINVAL,
		igb_msg_decode_promisc(&m, &uc, &mc));
}

static void
test_replies(void)
{
	struct igb_msg m;

	igb_msg_encode_set_vlan(&m, 7, true);
	igb_msg_make_reply(&m, false, true);
	CHECK_EQ("NACK reply keeps type and info, adds NACK|CTS",
		IGB_MSG_SET_VLAN | IGB_MSG_VLAN_ADD | IGB_MSG_NACK |
			IGB_MSG_CTS,
		m.w[0]);
	CHECK_EQ("VLAN NACK -> -EPERM", -EPERM,
		igb_msg_reply_errno(IGB_MSG_SET_VLAN, m.w[0]));
	CHECK_EQ("MAC NACK -> -EPERM", -EPERM,
		igb_msg_reply_errno(IGB_MSG_SET_MAC_ADDR,
			IGB_MSG_SET_MAC_ADDR | IGB_MSG_NACK));
	CHECK_EQ("PROMISC NACK -> -ENOTSUP", -ENOTSUP,
		igb_msg_reply_errno(IGB_MSG_SET_PROMISC,
			IGB_MSG_SET_PROMISC | IGB_MSG_NACK | IGB_MSG_CTS));
	CHECK_EQ("LPE NACK -> -ENOTSUP", -ENOTSUP,
		igb_msg_reply_errno(
			IGB_MSG_SET_LPE, IGB_MSG_SET_LPE | IGB_MSG_NACK));
	CHECK_EQ("ACK -> 0", 0,
		igb_msg_reply_errno(IGB_MSG_SET_LPE,
			IGB_MSG_SET_LPE | IGB_MSG_ACK | IGB_MSG_CTS));
	CHECK_EQ("reply of another type -> -EPROTO", -EPROTO,
		igb_msg_reply_errno(
			IGB_MSG_SET_LPE, IGB_MSG_SET_VLAN | IGB_MSG_ACK));
	CHECK_EQ("neither ACK nor NACK -> -EPROTO", -EPROTO,
		igb_msg_reply_errno(IGB_MSG_SET_LPE, IGB_MSG_SET_LPE));
	igb_msg_encode_pf_control(&m, false);
	CHECK_EQ("PF_CONTROL without CTS: NACK (reset yourself)",
		IGB_MSG_PF_CONTROL | IGB_MSG_NACK, m.w[0]);
	igb_msg_encode_pf_control(&m, true);
	CHECK_EQ("PF_CONTROL with CTS", IGB_MSG_PF_CONTROL | IGB_MSG_CTS,
		m.w[0]);
}

static void
test_mta_hash(void)
{
	const uint8_t a[6] = {0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb};
	const uint8_t b[6] = {0x33, 0x33, 0x00, 0x00, 0x12, 0x34};

	/* bits 47:36 of the address: byte 5 << 4 | byte 4 >> 4 */
	CHECK_EQ("MTA hash 01:00:5e:00:00:fb", 0xfb0, igb_mta_hash(a));
	CHECK_EQ("MTA hash 33:33:00:00:12:34", 0x341, igb_mta_hash(b));
}

int
main(void)
{
	test_mac();
	test_reset_reply();
	test_multicast();
	test_vlan_lpe_promisc();
	test_replies();
	test_mta_hash();
	return check_exit();
}
