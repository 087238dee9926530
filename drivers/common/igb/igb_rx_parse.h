/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Meaning of an advanced Rx write-back descriptor for an mbuf: packet type
 * and offload flags (pure functions, unit tested).
 */
#ifndef IGB_RX_PARSE_H
#define IGB_RX_PARSE_H

#include <stdint.h>

#include <rte_mbuf.h>
#include <rte_mbuf_ptype.h>

#include "igb_desc.h"

static inline uint32_t
igb_rx_ptype(uint16_t pkt_info)
{
	uint32_t t = (pkt_info >> IGB_RXD_PKT_SHIFT) & 0x7f;
	uint32_t ptype = RTE_PTYPE_L2_ETHER;

	if (pkt_info & IGB_RXD_PKT_ETQF)
		return RTE_PTYPE_UNKNOWN;
	if (t & IGB_RXD_PKT_IPV4_EX)
		ptype |= RTE_PTYPE_L3_IPV4_EXT;
	else if (t & IGB_RXD_PKT_IPV4)
		ptype |= RTE_PTYPE_L3_IPV4;
	else if (t & IGB_RXD_PKT_IPV6_EX)
		ptype |= RTE_PTYPE_L3_IPV6_EXT;
	else if (t & IGB_RXD_PKT_IPV6)
		ptype |= RTE_PTYPE_L3_IPV6;
	else
		return ptype;

	if (t & IGB_RXD_PKT_TCP)
		ptype |= RTE_PTYPE_L4_TCP;
	else if (t & IGB_RXD_PKT_UDP)
		ptype |= RTE_PTYPE_L4_UDP;
	else if (t & IGB_RXD_PKT_SCTP)
		ptype |= RTE_PTYPE_L4_SCTP;
	return ptype;
}

/* Checksum and VLAN flags; VP means the NIC removed the tag. */
static inline uint64_t
igb_rx_ol_flags(uint32_t staterr)
{
	uint64_t f = 0;

	if (staterr & IGB_RXD_STAT_IPCS)
		f |= (staterr & IGB_RXD_ERR_IPE) ? RTE_MBUF_F_RX_IP_CKSUM_BAD
						 : RTE_MBUF_F_RX_IP_CKSUM_GOOD;
	if (staterr & (IGB_RXD_STAT_L4CS | IGB_RXD_STAT_UDPCS))
		f |= (staterr & IGB_RXD_ERR_L4E) ? RTE_MBUF_F_RX_L4_CKSUM_BAD
						 : RTE_MBUF_F_RX_L4_CKSUM_GOOD;
	if (staterr & IGB_RXD_STAT_VP)
		f |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
	return f;
}

#endif /* IGB_RX_PARSE_H */
