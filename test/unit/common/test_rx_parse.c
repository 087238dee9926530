/* SPDX-License-Identifier: BSD-3-Clause */
/* Rx write-back parsing: packet type from pkt_info, checksum and VLAN
 * flags from the extended status and errors. */
#include "igb_check.h"
#include "igb_rx_parse.h"

#define PKT(bits) ((uint16_t)((bits) << IGB_RXD_PKT_SHIFT))

int
main(void)
{
	CHECK_EQ("IPv4/TCP",
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP,
		igb_rx_ptype(PKT(IGB_RXD_PKT_IPV4 | IGB_RXD_PKT_TCP)));
	CHECK_EQ("IPv6/UDP",
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6 | RTE_PTYPE_L4_UDP,
		igb_rx_ptype(PKT(IGB_RXD_PKT_IPV6 | IGB_RXD_PKT_UDP)));
	CHECK_EQ("IPv4 with options/SCTP",
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT | RTE_PTYPE_L4_SCTP,
		igb_rx_ptype(PKT(IGB_RXD_PKT_IPV4 | IGB_RXD_PKT_IPV4_EX |
			IGB_RXD_PKT_SCTP)));
	CHECK_EQ("non-IP frame is plain Ethernet", RTE_PTYPE_L2_ETHER,
		igb_rx_ptype(0));
	CHECK_EQ("ETQF match is unknown", RTE_PTYPE_UNKNOWN,
		igb_rx_ptype(IGB_RXD_PKT_ETQF | PKT(IGB_RXD_PKT_IPV4)));
	CHECK_EQ("RSS type bits ignored",
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4,
		igb_rx_ptype(PKT(IGB_RXD_PKT_IPV4) | 0x2));

	CHECK_EQ("good IP and L4 checksums",
		RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD,
		igb_rx_ol_flags(IGB_RXD_STAT_DD | IGB_RXD_STAT_IPCS |
			IGB_RXD_STAT_L4CS));
	CHECK_EQ("bad IP checksum", RTE_MBUF_F_RX_IP_CKSUM_BAD,
		igb_rx_ol_flags(IGB_RXD_STAT_IPCS | IGB_RXD_ERR_IPE));
	CHECK_EQ("bad UDP checksum", RTE_MBUF_F_RX_L4_CKSUM_BAD,
		igb_rx_ol_flags(IGB_RXD_STAT_UDPCS | IGB_RXD_ERR_L4E));
	CHECK_EQ("nothing checked, no flags", 0,
		igb_rx_ol_flags(IGB_RXD_STAT_DD | IGB_RXD_STAT_EOP));
	CHECK_EQ("IPv6 with extensions/TCP (IPv6 bit too)",
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6_EXT | RTE_PTYPE_L4_TCP,
		igb_rx_ptype(PKT(IGB_RXD_PKT_IPV6 | IGB_RXD_PKT_IPV6_EX |
			IGB_RXD_PKT_TCP)));
	CHECK_EQ("L4 bit without L3 bit: Ethernet only", RTE_PTYPE_L2_ETHER,
		igb_rx_ptype(PKT(IGB_RXD_PKT_UDP)));
	CHECK_EQ("both checksums bad",
		RTE_MBUF_F_RX_IP_CKSUM_BAD | RTE_MBUF_F_RX_L4_CKSUM_BAD,
		igb_rx_ol_flags(IGB_RXD_STAT_IPCS | IGB_RXD_STAT_L4CS |
			IGB_RXD_ERR_IPE | IGB_RXD_ERR_L4E));
	CHECK_EQ("error bits without the checked bits: no flags", 0,
		igb_rx_ol_flags(IGB_RXD_ERR_IPE | IGB_RXD_ERR_L4E));
	CHECK_EQ("good IP, bad TCP",
		RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_BAD,
		igb_rx_ol_flags(IGB_RXD_STAT_IPCS | IGB_RXD_STAT_L4CS |
			IGB_RXD_ERR_L4E));
	/* The bit numbers themselves (82576 advanced Rx write-back, extended
	 * errors; the same in DPDK's and Linux's e1000_defines.h and QEMU's
	 * model): L4E (TCPE) 29, IPE 30, RXE 31. */
	CHECK_EQ("L4E is error bit 29", 1u << 29, IGB_RXD_ERR_L4E);
	CHECK_EQ("IPE is error bit 30", 1u << 30, IGB_RXD_ERR_IPE);
	CHECK_EQ("RXE is error bit 31", 1u << 31, IGB_RXD_ERR_RXE);
	CHECK_EQ("bit 29 with L4 checked: L4 bad, IP good",
		RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_BAD,
		igb_rx_ol_flags(
			IGB_RXD_STAT_IPCS | IGB_RXD_STAT_L4CS | (1u << 29)));
	CHECK_EQ("bit 30 with IP checked: IP bad, L4 good",
		RTE_MBUF_F_RX_IP_CKSUM_BAD | RTE_MBUF_F_RX_L4_CKSUM_GOOD,
		igb_rx_ol_flags(
			IGB_RXD_STAT_IPCS | IGB_RXD_STAT_L4CS | (1u << 30)));
	CHECK_EQ("bit 31 (RXE) is no checksum flag",
		RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD,
		igb_rx_ol_flags(
			IGB_RXD_STAT_IPCS | IGB_RXD_STAT_L4CS | (1u << 31)));
	CHECK_EQ("stripped VLAN",
		RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED,
		igb_rx_ol_flags(IGB_RXD_STAT_VP));
	return check_exit();
}
