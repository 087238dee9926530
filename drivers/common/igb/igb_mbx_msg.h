/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PF <-> VF mailbox messages, compatible with Linux igb/igbvf. One codec for
 * both ends: the VF encodes requests and decodes replies, the PF decodes
 * requests and encodes replies and notifications.
 *
 * Word 0: bits 15:0 message type, 23:16 MSGINFO, 29 CTS, 30 NACK, 31 ACK.
 */
#ifndef IGB_MBX_MSG_H
#define IGB_MBX_MSG_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_regs.h"

#define IGB_MSG_TYPE_MASK 0x0000ffffu
#define IGB_MSG_INFO_SHIFT 16
#define IGB_MSG_INFO_MASK (0xffu << IGB_MSG_INFO_SHIFT)
#define IGB_MSG_CTS IGB_BIT(29) /* VF may send requests */
#define IGB_MSG_NACK IGB_BIT(30)
#define IGB_MSG_ACK IGB_BIT(31)

/* VF -> PF requests */
#define IGB_MSG_VF_RESET 0x0001
#define IGB_MSG_SET_MAC_ADDR 0x0002
#define IGB_MSG_SET_MULTICAST 0x0003
#define IGB_MSG_SET_VLAN 0x0004
#define IGB_MSG_SET_LPE 0x0005
#define IGB_MSG_SET_PROMISC 0x0006
/* PF -> VF: without CTS "reset yourself", with CTS a status/link ping */
#define IGB_MSG_PF_CONTROL 0x0100

/* MSGINFO flags */
#define IGB_MSG_MC_MAX 30 /* 16-bit hashes in words 1..15 */
/* The count takes MSGINFO bits 6:0 (bit 7 is the overflow flag): a count
 * above 30 in any of them is refused, never truncated. */
#define IGB_MSG_MC_COUNT_MASK (0x7fu << IGB_MSG_INFO_SHIFT)
#define IGB_MSG_MC_OVERFLOW (0x80u << IGB_MSG_INFO_SHIFT)
#define IGB_MSG_VLAN_ADD (0x01u << IGB_MSG_INFO_SHIFT)
#define IGB_MSG_PROMISC_UNICAST (0x01u << IGB_MSG_INFO_SHIFT)
#define IGB_MSG_PROMISC_MULTICAST (0x02u << IGB_MSG_INFO_SHIFT)
/* SET_MAC_ADDR: MSGINFO 0 sets the VF's own address; Linux igbvf also
 * sends these unicast filter sub-commands. */
#define IGB_MSG_MAC_FILTER_CLR (0x01u << IGB_MSG_INFO_SHIFT)
#define IGB_MSG_MAC_FILTER_ADD (0x02u << IGB_MSG_INFO_SHIFT)

#define IGB_MSG_RESET_REPLY_WORDS 3
#define IGB_VLAN_ID_MAX 4095
#define IGB_ETHER_ADDR_LEN 6

struct igb_msg {
	uint32_t w[IGB_MBX_WORDS];
	uint16_t len; /* words in use */
};

static inline uint16_t
igb_msg_type(uint32_t w0)
{
	return w0 & IGB_MSG_TYPE_MASK;
}

static inline uint8_t
igb_msg_info(uint32_t w0)
{
	return (w0 & IGB_MSG_INFO_MASK) >> IGB_MSG_INFO_SHIFT;
}

/* VF requests */
void igb_msg_encode_reset(struct igb_msg *m);
void igb_msg_encode_set_mac(struct igb_msg *m, const uint8_t *mac);
int igb_msg_encode_set_multicast(struct igb_msg *m, const uint16_t *hashes,
	unsigned int count, bool overflow);
int igb_msg_encode_set_vlan(struct igb_msg *m, uint16_t vid, bool add);
void igb_msg_encode_set_lpe(struct igb_msg *m, uint32_t max_frame);
void igb_msg_encode_set_promisc(
	struct igb_msg *m, bool unicast, bool multicast);

/* PF replies and notifications */
void igb_msg_encode_reset_reply(
	struct igb_msg *m, const uint8_t *mac, bool ack);
void igb_msg_make_reply(struct igb_msg *m, bool ack, bool cts);
void igb_msg_encode_pf_control(struct igb_msg *m, bool cts);

/* Decoders: -EINVAL on a malformed message, nothing written then. */
int igb_msg_decode_mac(const struct igb_msg *m, uint8_t *mac);
int igb_msg_decode_multicast(const struct igb_msg *m, uint16_t *hashes,
	unsigned int *count, bool *overflow);
int igb_msg_decode_vlan(const struct igb_msg *m, uint16_t *vid, bool *add);
int igb_msg_decode_lpe(const struct igb_msg *m, uint32_t *max_frame);
int igb_msg_decode_promisc(
	const struct igb_msg *m, bool *unicast, bool *multicast);

/*
 * Outcome of a request from the PF's reply word 0: 0 on ACK, -EPERM when
 * the PF refused a filter change (MAC, VLAN, multicast), -ENOTSUP when it
 * refused a mode it does not offer (promiscuous, frame size, unknown),
 * -EPROTO when the reply is not for this request.
 */
int igb_msg_reply_errno(uint16_t req_type, uint32_t reply_w0);

/* 12-bit MTA hash of a multicast address (filter type 0: bits 47:36). */
uint16_t igb_mta_hash(const uint8_t *mac);

#endif /* IGB_MBX_MSG_H */
