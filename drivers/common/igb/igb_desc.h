/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Advanced Rx/Tx descriptor formats of the 82576 (little endian in memory).
 */
#ifndef IGB_DESC_H
#define IGB_DESC_H

#include <stdint.h>

#include "igb_regs.h"

/* Advanced Rx descriptor: read format (driver -> NIC) and write-back. */
union igb_rx_desc {
	struct {
		uint64_t pkt_addr;
		uint64_t hdr_addr; /* bit 0 doubles as DD after write-back */
	} read;
	struct {
		uint16_t pkt_info; /* RSS type 3:0, packet type 15:4 */
		uint16_t hdr_info;
		uint32_t rss_csum; /* RSS hash or IP id + checksum */
		uint32_t status_error; /* extended status 19:0, errors 31:20 */
		uint16_t length;
		uint16_t vlan;
	} wb;
};

/* Write-back extended status */
#define IGB_RXD_STAT_DD IGB_BIT(0)
#define IGB_RXD_STAT_EOP IGB_BIT(1)
#define IGB_RXD_STAT_VP IGB_BIT(3) /* 802.1Q tag seen */
#define IGB_RXD_STAT_UDPCS IGB_BIT(4)
#define IGB_RXD_STAT_L4CS IGB_BIT(5) /* L4 checksum checked */
#define IGB_RXD_STAT_IPCS IGB_BIT(6) /* IPv4 csum checked */
#define IGB_RXD_STAT_PIF IGB_BIT(7)
#define IGB_RXD_STAT_VEXT IGB_BIT(9)
#define IGB_RXD_STAT_LB IGB_BIT(18) /* VM-to-VM loopback */
/* Write-back extended errors (bits 31:20). 82576: L4E (TCPE) is bit 29,
 * IPE 30, RXE 31, as in DPDK's and Linux's e1000_defines.h; QEMU's model
 * uses the same bits. */
#define IGB_RXD_ERR_HBO IGB_BIT(23)
#define IGB_RXD_ERR_L4E IGB_BIT(29)
#define IGB_RXD_ERR_IPE IGB_BIT(30)
#define IGB_RXD_ERR_RXE IGB_BIT(31)

/* Packet type field of pkt_info (after the 4-bit RSS type) */
#define IGB_RXD_PKT_SHIFT 4
#define IGB_RXD_PKT_IPV4 IGB_BIT(0)
#define IGB_RXD_PKT_IPV4_EX IGB_BIT(1)
#define IGB_RXD_PKT_IPV6 IGB_BIT(2)
#define IGB_RXD_PKT_IPV6_EX IGB_BIT(3)
#define IGB_RXD_PKT_TCP IGB_BIT(4)
#define IGB_RXD_PKT_UDP IGB_BIT(5)
#define IGB_RXD_PKT_SCTP IGB_BIT(6)
#define IGB_RXD_PKT_ETQF 0x8000u /* pkt_info bit: ETQF match */

/* Advanced Tx data descriptor */
union igb_tx_desc {
	struct {
		uint64_t buf_addr;
		uint32_t cmd_type_len;
		uint32_t olinfo_status;
	} read;
	struct {
		uint64_t rsvd;
		uint32_t nxtseq_seed;
		uint32_t status;
	} wb;
};

/* Advanced Tx context descriptor (occupies one ring slot) */
struct igb_tx_ctx_desc {
	uint32_t vlan_macip_lens;
	uint32_t seqnum_seed;
	uint32_t type_tucmd_mlhl;
	uint32_t mss_l4len_idx;
};

/* cmd_type_len */
#define IGB_TXD_LEN_MASK 0x0000ffffu
#define IGB_TXD_DTYP_CTXT (0x2u << 20)
#define IGB_TXD_DTYP_DATA (0x3u << 20)
#define IGB_TXD_CMD_EOP IGB_BIT(24)
#define IGB_TXD_CMD_IFCS IGB_BIT(25)
#define IGB_TXD_CMD_RS IGB_BIT(27)
#define IGB_TXD_CMD_DEXT IGB_BIT(29)
#define IGB_TXD_CMD_VLE IGB_BIT(30)
#define IGB_TXD_CMD_TSE IGB_BIT(31)
/* olinfo_status */
#define IGB_TXD_STAT_DD IGB_BIT(0)
#define IGB_TXD_IDX_SHIFT 4 /* context slot 0 or 1 */
#define IGB_TXD_POPTS_IXSM IGB_BIT(8)
#define IGB_TXD_POPTS_TXSM IGB_BIT(9)
#define IGB_TXD_PAYLEN_SHIFT 14

/* Context descriptor fields */
#define IGB_TXC_IPLEN_MASK 0x1ffu
#define IGB_TXC_MACLEN_SHIFT 9
#define IGB_TXC_MACLEN_MASK 0x7fu
#define IGB_TXC_VLAN_SHIFT 16
#define IGB_TXC_TUCMD_IPV4 IGB_BIT(10)
#define IGB_TXC_TUCMD_L4T_UDP (0x0u << 11)
#define IGB_TXC_TUCMD_L4T_TCP (0x1u << 11)
#define IGB_TXC_TUCMD_L4T_SCTP (0x2u << 11)
#define IGB_TXC_TUCMD_L4T_RSV (0x3u << 11)
#define IGB_TXC_IDX_SHIFT 4
#define IGB_TXC_L4LEN_SHIFT 8
#define IGB_TXC_MSS_SHIFT 16

/* Ring geometry. 82576: RDLEN/TDLEN must be a multiple of 128 bytes. */
#define IGB_RING_ALIGN 128
#define IGB_RING_DESC_MULT 8
#define IGB_RING_MIN_DESC 32
#define IGB_RING_MAX_DESC 4096
/* A packet may span at most this many Tx descriptors (QEMU: 64; 82576:
 * the datasheet's limit for non-TSO frames is lower still). */
#define IGB_TX_MAX_SEGS 40

#endif /* IGB_DESC_H */
