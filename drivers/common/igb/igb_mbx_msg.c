/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <string.h>

#include "igb_mbx_msg.h"

/* Addresses and hashes are packed in words 1.. in memory (LE) order. */
static void
put_bytes(struct igb_msg *m, const uint8_t *src, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		m->w[1 + i / 4] |= (uint32_t)src[i] << (8 * (i % 4));
}

static void
get_bytes(const struct igb_msg *m, uint8_t *dst, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		dst[i] = m->w[1 + i / 4] >> (8 * (i % 4));
}

static void
msg_start(struct igb_msg *m, uint32_t w0, uint16_t len)
{
	memset(m, 0, sizeof(*m));
	m->w[0] = w0;
	m->len = len;
}

void
igb_msg_encode_reset(struct igb_msg *m)
{
	msg_start(m, IGB_MSG_VF_RESET, 1);
}

void
igb_msg_encode_set_mac(struct igb_msg *m, const uint8_t *mac)
{
	msg_start(m, IGB_MSG_SET_MAC_ADDR, 3);
	put_bytes(m, mac, IGB_ETHER_ADDR_LEN);
}

int
igb_msg_encode_set_multicast(struct igb_msg *m, const uint16_t *hashes,
	unsigned int count, bool overflow)
{
	unsigned int i;

	if (count > IGB_MSG_MC_MAX)
		return -EINVAL;
	/* Linux VFs always send the full buffer; the PF reads count words. */
	msg_start(m,
		IGB_MSG_SET_MULTICAST | (count << IGB_MSG_INFO_SHIFT) |
			(overflow ? IGB_MSG_MC_OVERFLOW : 0),
		IGB_MBX_WORDS);
	for (i = 0; i < count; i++)
		m->w[1 + i / 2] |= (uint32_t)hashes[i] << (16 * (i % 2));
	return 0;
}

int
igb_msg_encode_set_vlan(struct igb_msg *m, uint16_t vid, bool add)
{
	if (vid > IGB_VLAN_ID_MAX)
		return -EINVAL;
	msg_start(m, IGB_MSG_SET_VLAN | (add ? IGB_MSG_VLAN_ADD : 0), 2);
	m->w[1] = vid;
	return 0;
}

void
igb_msg_encode_set_lpe(struct igb_msg *m, uint32_t max_frame)
{
	msg_start(m, IGB_MSG_SET_LPE, 2);
	m->w[1] = max_frame;
}

void
igb_msg_encode_set_promisc(struct igb_msg *m, bool unicast, bool multicast)
{
	msg_start(m,
		IGB_MSG_SET_PROMISC | (unicast ? IGB_MSG_PROMISC_UNICAST : 0) |
			(multicast ? IGB_MSG_PROMISC_MULTICAST : 0),
		1);
}

void
igb_msg_encode_reset_reply(struct igb_msg *m, const uint8_t *mac, bool ack)
{
	/* The reset reply never carries CTS (Linux igbvf compares exactly). */
	msg_start(m, IGB_MSG_VF_RESET | (ack ? IGB_MSG_ACK : IGB_MSG_NACK),
		IGB_MSG_RESET_REPLY_WORDS);
	if (mac != NULL)
		put_bytes(m, mac, IGB_ETHER_ADDR_LEN);
}

void
igb_msg_make_reply(struct igb_msg *m, bool ack, bool cts)
{
	m->w[0] &= ~(IGB_MSG_ACK | IGB_MSG_NACK | IGB_MSG_CTS);
	m->w[0] |= (ack ? IGB_MSG_ACK : IGB_MSG_NACK) | (cts ? IGB_MSG_CTS : 0);
	if (m->len == 0)
		m->len = 1;
}

/*
 * Without CTS the ping carries NACK: Linux's igbvf (like the e1000 VF base
 * code DPDK's igb_vf shares) takes "NACK without CTS" as "clear to send
 * lost" and resets itself, while a bare PF_CONTROL only keeps it waiting,
 * its link down for good when it came up before this PF served it.
 */
void
igb_msg_encode_pf_control(struct igb_msg *m, bool cts)
{
	msg_start(
		m, IGB_MSG_PF_CONTROL | (cts ? IGB_MSG_CTS : IGB_MSG_NACK), 1);
}

int
igb_msg_decode_mac(const struct igb_msg *m, uint8_t *mac)
{
	if (m->len < 3)
		return -EINVAL;
	get_bytes(m, mac, IGB_ETHER_ADDR_LEN);
	return 0;
}

int
igb_msg_decode_multicast(const struct igb_msg *m, uint16_t *hashes,
	unsigned int *count, bool *overflow)
{
	unsigned int n =
		(m->w[0] & IGB_MSG_MC_COUNT_MASK) >> IGB_MSG_INFO_SHIFT;
	unsigned int i;

	if (igb_msg_type(m->w[0]) != IGB_MSG_SET_MULTICAST ||
		n > IGB_MSG_MC_MAX || m->len < 1 + (n + 1) / 2)
		return -EINVAL;
	for (i = 0; i < n; i++)
		hashes[i] = m->w[1 + i / 2] >> (16 * (i % 2));
	*count = n;
	*overflow = (m->w[0] & IGB_MSG_MC_OVERFLOW) != 0;
	return 0;
}

int
igb_msg_decode_vlan(const struct igb_msg *m, uint16_t *vid, bool *add)
{
	if (igb_msg_type(m->w[0]) != IGB_MSG_SET_VLAN || m->len < 2 ||
		m->w[1] > IGB_VLAN_ID_MAX)
		return -EINVAL;
	*vid = m->w[1];
	*add = (m->w[0] & IGB_MSG_VLAN_ADD) != 0;
	return 0;
}

int
igb_msg_decode_lpe(const struct igb_msg *m, uint32_t *max_frame)
{
	if (igb_msg_type(m->w[0]) != IGB_MSG_SET_LPE || m->len < 2 ||
		m->w[1] > IGB_VMOLR_RLPML_MASK)
		return -EINVAL;
	*max_frame = m->w[1];
	return 0;
}

int
igb_msg_decode_promisc(const struct igb_msg *m, bool *unicast, bool *multicast)
{
	uint32_t known = IGB_MSG_PROMISC_UNICAST | IGB_MSG_PROMISC_MULTICAST;

	if (igb_msg_type(m->w[0]) != IGB_MSG_SET_PROMISC ||
		(m->w[0] & IGB_MSG_INFO_MASK & ~known) != 0)
		return -EINVAL;
	*unicast = (m->w[0] & IGB_MSG_PROMISC_UNICAST) != 0;
	*multicast = (m->w[0] & IGB_MSG_PROMISC_MULTICAST) != 0;
	return 0;
}

int
igb_msg_reply_errno(uint16_t req_type, uint32_t reply_w0)
{
	if (igb_msg_type(reply_w0) != req_type)
		return -EPROTO;
	if (reply_w0 & IGB_MSG_ACK)
		return 0;
	if (!(reply_w0 & IGB_MSG_NACK))
		return -EPROTO;
	switch (req_type) {
	case IGB_MSG_SET_MAC_ADDR:
	case IGB_MSG_SET_MULTICAST:
	case IGB_MSG_SET_VLAN:
	case IGB_MSG_VF_RESET:
		return -EPERM;
	default:
		return -ENOTSUP;
	}
}

uint16_t
igb_mta_hash(const uint8_t *mac)
{
	return ((mac[4] >> 4) | ((uint16_t)mac[5] << 4)) & IGB_MTA_HASH_MASK;
}
