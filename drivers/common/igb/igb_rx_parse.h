/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Meaning of an advanced Rx write-back descriptor for an mbuf: packet type
 * and offload flags (pure, unit tested). Both are table look-ups so that
 * the burst loop has no data-dependent branches for them; the tables are
 * constant expressions of the rules below.
 */
#ifndef IGB_RX_PARSE_H
#define IGB_RX_PARSE_H

#include <stdint.h>

#include <rte_branch_prediction.h>
#include <rte_mbuf.h>
#include <rte_mbuf_ptype.h>

#include "igb_desc.h"

#define IGB_IF_BIT(v, bit, yes, no) (((v) & (bit)) ? (yes) : (no))

/* Packet type of the 7 type bits of pkt_info: the first L3 bit in the
 * order IPv4 with options, IPv4, IPv6 with extensions, IPv6; then the
 * first L4 bit in the order TCP, UDP, SCTP. Non-IP: Ethernet only. */
#define IGB_PT_L3(t) \
	IGB_IF_BIT(t, IGB_RXD_PKT_IPV4_EX, RTE_PTYPE_L3_IPV4_EXT, \
		IGB_IF_BIT(t, IGB_RXD_PKT_IPV4, RTE_PTYPE_L3_IPV4, \
			IGB_IF_BIT(t, IGB_RXD_PKT_IPV6_EX, \
				RTE_PTYPE_L3_IPV6_EXT, \
				IGB_IF_BIT(t, IGB_RXD_PKT_IPV6, \
					RTE_PTYPE_L3_IPV6, 0))))
#define IGB_PT_L4(t) \
	IGB_IF_BIT(t, IGB_RXD_PKT_TCP, RTE_PTYPE_L4_TCP, \
		IGB_IF_BIT(t, IGB_RXD_PKT_UDP, RTE_PTYPE_L4_UDP, \
			IGB_IF_BIT( \
				t, IGB_RXD_PKT_SCTP, RTE_PTYPE_L4_SCTP, 0)))
#define IGB_PT(t) \
	(RTE_PTYPE_L2_ETHER | (IGB_PT_L3(t) ? IGB_PT_L3(t) | IGB_PT_L4(t) : 0))
#define IGB_PT4(t) IGB_PT(t), IGB_PT((t) + 1), IGB_PT((t) + 2), IGB_PT((t) + 3)
#define IGB_PT16(t) \
	IGB_PT4(t), IGB_PT4((t) + 4), IGB_PT4((t) + 8), IGB_PT4((t) + 12)

/* Entry 128: an ETQF match (for index computations without a branch). */
#define IGB_PT_ETQF_IDX 128
static const uint32_t igb_rx_ptype_tbl[129] = {IGB_PT16(0), IGB_PT16(16),
	IGB_PT16(32), IGB_PT16(48), IGB_PT16(64), IGB_PT16(80), IGB_PT16(96),
	IGB_PT16(112), RTE_PTYPE_UNKNOWN};

static inline uint32_t
igb_rx_ptype(uint16_t pkt_info)
{
	if (unlikely(pkt_info & IGB_RXD_PKT_ETQF))
		return igb_rx_ptype_tbl[IGB_PT_ETQF_IDX]; /* a filter id */
	return igb_rx_ptype_tbl[(pkt_info >> IGB_RXD_PKT_SHIFT) & 0x7f];
}

/*
 * Checksum flags, indexed by 5 bits of the extended status/errors:
 * bit 0 UDPCS, 1 L4CS, 2 IPCS (status bits 4-6), 3 L4E, 4 IPE (error bits
 * 29-30). A checksum the NIC did not check gives no flag.
 */
#define IGB_CS_STAT_SHIFT 4
#define IGB_CS_STAT_MASK 0x7
#define IGB_CS_ERR_SHIFT 26
#define IGB_CS_ERR_MASK 0x18
#define IGB_CS_IDX(staterr) \
	((((staterr) >> IGB_CS_STAT_SHIFT) & IGB_CS_STAT_MASK) | \
		(((staterr) >> IGB_CS_ERR_SHIFT) & IGB_CS_ERR_MASK))
#define IGB_CS(i) \
	(IGB_IF_BIT(i, 0x4, \
		 IGB_IF_BIT(i, 0x10, RTE_MBUF_F_RX_IP_CKSUM_BAD, \
			 RTE_MBUF_F_RX_IP_CKSUM_GOOD), \
		 0) | \
		IGB_IF_BIT(i, 0x3, \
			IGB_IF_BIT(i, 0x8, RTE_MBUF_F_RX_L4_CKSUM_BAD, \
				RTE_MBUF_F_RX_L4_CKSUM_GOOD), \
			0))
#define IGB_CS4(i) IGB_CS(i), IGB_CS((i) + 1), IGB_CS((i) + 2), IGB_CS((i) + 3)

static const uint64_t igb_rx_csum_tbl[32] = {IGB_CS4(0), IGB_CS4(4), IGB_CS4(8),
	IGB_CS4(12), IGB_CS4(16), IGB_CS4(20), IGB_CS4(24), IGB_CS4(28)};

static inline uint64_t
igb_rx_csum_flags(uint32_t staterr)
{
	return igb_rx_csum_tbl[IGB_CS_IDX(staterr)];
}

/* Checksum and VLAN flags; VP means the NIC removed the tag. */
static inline uint64_t
igb_rx_ol_flags(uint32_t staterr)
{
	uint64_t f = igb_rx_csum_flags(staterr);

	if (staterr & IGB_RXD_STAT_VP)
		f |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
	return f;
}

#endif /* IGB_RX_PARSE_H */
