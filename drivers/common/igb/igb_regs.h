/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register map of the Intel 82576 (igb family), PF and VF views.
 *
 * Datasheet: "Intel 82576EB Gigabit Ethernet Controller Datasheet",
 * revision 2.7, June 2014 (the last public revision; 2.63 of December
 * 2011 came before it). A comment "82576 4.5.9" cites section 4.5.9 of
 * that revision; registers carry its names (grep RDT, SRRCTL, VT_CTL).
 * Offsets and bit meanings are its facts, cross-checked against QEMU's
 * igb model (hw/net/igb_core.c) and the Linux igb/igbvf drivers.
 *
 * Sections the code cites, by what a reader finds there:
 *   4.5.4       interrupts during initialization (IMC around the reset)
 *   4.5.5       global reset and general configuration (CTRL.RST)
 *   4.5.7.2     MAC/PHY link setup (CTRL.SLU, autonegotiation)
 *   4.5.9       receive initialization (RDBAL ... RXDCTL, then RDT)
 *   4.5.9.2     enabling and disabling an Rx queue at run time
 *   4.5.10      transmit initialization (TDBAL ... TXDCTL)
 *   4.5.10.1    enabling and disabling a Tx queue at run time
 *   4.5.11.1    VMDq mode (MRQC, VT_CTL, VMOLR, pool bits of RAH, VLVF)
 *   4.5.11.2    IOV initialization: .1 the PF driver (VFRE, VFTE),
 *               .2 the VF driver (CTRL.RST, then the PF's answer),
 *               .3 full reset coordination (RSTI, CTRL_EXT.PFRSTD, RSTD)
 *   7.10.3.4    replication of multicast and broadcast to the pools
 *   7.10.3.6    Tx packet switching (VM to VM, DTXSWC)
 *
 * Comments say whose rule they state: "82576:" the silicon's (what real
 * hardware needs), "QEMU:" the emulator's (doc/guides/emulator.rst).
 */
#ifndef IGB_REGS_H
#define IGB_REGS_H

#include <stdint.h>

#define IGB_BIT(n) (UINT32_C(1) << (n))

#define IGB_VENDOR_ID_INTEL 0x8086
#define IGB_DEV_ID_82576 0x10c9
#define IGB_DEV_ID_82576_VF 0x10ca

/* Pools, queues and per-VF resources of the 82576. */
#define IGB_MAX_POOLS 8
#define IGB_MAX_VFS 7 /* the PF keeps the last pool */
#define IGB_NUM_QUEUES 16
#define IGB_VF_MAX_QUEUES 2 /* VF n owns queues n and n + 8 */
#define IGB_RAR_ENTRIES 24
#define IGB_MTA_WORDS 128
#define IGB_MTA_HASH_MASK (IGB_MTA_WORDS * 32 - 1) /* 12-bit hash: 0xfff */
#define IGB_VFTA_WORDS 128
#define IGB_VLVF_ENTRIES 32
#define IGB_MBX_WORDS 16 /* VMBMEM size per VF */

/* ---- General (PF BAR0; CTRL/STATUS also in the VF BAR) ---- */
#define IGB_CTRL 0x00000
#define IGB_STATUS 0x00008
#define IGB_CTRL_EXT 0x00018
#define IGB_MDIC 0x00020
#define IGB_ICR 0x000c0
#define IGB_ICS 0x000c8
#define IGB_IMS 0x000d0
#define IGB_IMC 0x000d8
#define IGB_IAM 0x000e0
#define IGB_RCTL 0x00100
#define IGB_TCTL 0x00400
#define IGB_GPIE 0x01514
#define IGB_EICS 0x01520
#define IGB_EIMS 0x01524
#define IGB_EIMC 0x01528
#define IGB_EIAC 0x0152c
#define IGB_EIAM 0x01530
#define IGB_EICR 0x01580
#define IGB_EITR(n) (0x01680 + 4 * (n))
#define IGB_IVAR0 0x01700
#define IGB_IVAR(n) (0x01700 + 4 * (n))
#define IGB_IVAR_MISC 0x01740
#define IGB_RXPBS 0x02404
#define IGB_QDE 0x02408
#define IGB_TXPBS 0x03404
#define IGB_DTXCTL 0x03590
#define IGB_RXCSUM 0x05000
#define IGB_RLPML 0x05004
#define IGB_MTA(n) (0x05200 + 4 * (n))
#define IGB_RAL(n) ((n) < 16 ? 0x05400 + 8 * (n) : 0x054e0 + 8 * ((n)-16))
#define IGB_RAH(n) (IGB_RAL(n) + 4)
#define IGB_PSRTYPE(n) (0x05480 + 4 * (n))
#define IGB_VFTA(n) (0x05600 + 4 * (n))
#define IGB_MRQC 0x05818
#define IGB_VT_CTL 0x0581c
#define IGB_RETA(n) (0x05c00 + 4 * (n))
#define IGB_RSSRK(n) (0x05c80 + 4 * (n))

/* CTRL */
#define IGB_CTRL_FD IGB_BIT(0)
#define IGB_CTRL_SLU IGB_BIT(6)
#define IGB_CTRL_RST IGB_BIT(26)
#define IGB_CTRL_VME IGB_BIT(30)
#define IGB_CTRL_PHY_RST IGB_BIT(31)

/* STATUS */
#define IGB_STATUS_FD IGB_BIT(0)
#define IGB_STATUS_LU IGB_BIT(1)
#define IGB_STATUS_SPEED_100 IGB_BIT(6)
#define IGB_STATUS_SPEED_1000 IGB_BIT(7)
#define IGB_STATUS_NUM_VFS_SHIFT 14
#define IGB_STATUS_NUM_VFS_MASK (0xfu << IGB_STATUS_NUM_VFS_SHIFT)
#define IGB_STATUS_IOV_MODE IGB_BIT(18)

/* CTRL_EXT */
#define IGB_CTRL_EXT_PFRSTD IGB_BIT(14) /* tells VFs: PF reset done */
#define IGB_CTRL_EXT_DRV_LOAD IGB_BIT(28)

/* MDIC: PHY register access */
#define IGB_MDIC_DATA_MASK 0x0000ffffu
#define IGB_MDIC_REG_SHIFT 16
#define IGB_MDIC_PHY_SHIFT 21
#define IGB_MDIC_OP_WRITE IGB_BIT(26)
#define IGB_MDIC_OP_READ IGB_BIT(27)
#define IGB_MDIC_READY IGB_BIT(28)
#define IGB_MDIC_ERROR IGB_BIT(30)
#define IGB_PHY_ADDR 1 /* 82576: the internal PHY (QEMU: the only one) */
#define IGB_PHY_BMCR 0x00
#define IGB_PHY_BMSR 0x01
#define IGB_BMCR_ANRESTART 0x0200
#define IGB_BMCR_AUTOEN 0x1000
#define IGB_BMSR_LSTATUS 0x0004

/* Interrupt causes */
#define IGB_ICR_LSC IGB_BIT(2)
#define IGB_ICR_VMMB IGB_BIT(8) /* mailbox or VFLR */
#define IGB_EICR_OTHER IGB_BIT(31)
#define IGB_GPIE_NSICR IGB_BIT(0)
#define IGB_GPIE_MSIX_MODE IGB_BIT(4)
#define IGB_GPIE_EIAME IGB_BIT(30)
#define IGB_GPIE_PBA IGB_BIT(31)
/* MSI-X mode: bit n of EICR, EICS, EIMS, EIMC, EIAC and EIAM is vector n. */
#define IGB_EICR_VECTOR(n) IGB_BIT(n)
/* An IVAR entry (one byte): the MSI-X vector in bits 4:0, valid bit 7. */
#define IGB_IVAR_VALID 0x80u
#define IGB_IVAR_VECTOR_MASK 0x1fu
/* IVAR_MISC: byte 0 maps the TCP timer, byte 1 the other causes (ICR:
 * link, mailbox, ...). */
#define IGB_IVAR_MISC_OTHER_SHIFT 8
#define IGB_IVAR_MISC_OTHER(vec) \
	((IGB_IVAR_VALID | (uint32_t)(vec)) << IGB_IVAR_MISC_OTHER_SHIFT)

/* RCTL */
#define IGB_RCTL_EN IGB_BIT(1)
#define IGB_RCTL_SBP IGB_BIT(2)
#define IGB_RCTL_UPE IGB_BIT(3)
#define IGB_RCTL_MPE IGB_BIT(4)
#define IGB_RCTL_LPE IGB_BIT(5)
#define IGB_RCTL_BAM IGB_BIT(15)
#define IGB_RCTL_VFE IGB_BIT(18)
#define IGB_RCTL_CFIEN IGB_BIT(19)
#define IGB_RCTL_SECRC IGB_BIT(26) /* the only CRC strip */

/* TCTL */
#define IGB_TCTL_EN IGB_BIT(1)
#define IGB_TCTL_PSP IGB_BIT(3)
#define IGB_TCTL_CT_SHIFT 4 /* collision threshold, bits 11:4 */
#define IGB_TCTL_COLD_SHIFT 12 /* collision distance, bits 21:12 */
/* The values Linux igb writes: CT 15, COLD 63 (byte times). */
#define IGB_TCTL_CT_DEFAULT (0xfu << IGB_TCTL_CT_SHIFT)
#define IGB_TCTL_COLD_DEFAULT (0x3fu << IGB_TCTL_COLD_SHIFT)
#define IGB_TCTL_RTLC IGB_BIT(24)

/* RXCSUM */
#define IGB_RXCSUM_IPOFL IGB_BIT(8)
#define IGB_RXCSUM_TUOFL IGB_BIT(9)
#define IGB_RXCSUM_CRCOFL IGB_BIT(11)
#define IGB_RXCSUM_PCSD IGB_BIT(13)

/* RAH */
#define IGB_RAH_POOL_SHIFT 18
#define IGB_RAH_POOL_MASK (0xffu << IGB_RAH_POOL_SHIFT)
#define IGB_RAH_AV IGB_BIT(31)

/* MRQC */
#define IGB_MRQC_ENABLE_MASK 0x7u
#define IGB_MRQC_ENABLE_VMDQ 0x3u
#define IGB_MRQC_ENABLE_VMDQ_RSS 0x5u

/* VT_CTL */
#define IGB_VT_CTL_DEF_POOL_SHIFT 7
#define IGB_VT_CTL_DEF_POOL_MASK (0x7u << IGB_VT_CTL_DEF_POOL_SHIFT)
#define IGB_VT_CTL_IGNORE_MAC IGB_BIT(28)
#define IGB_VT_CTL_DIS_DEF_POOL IGB_BIT(29)
#define IGB_VT_CTL_VM_REPL_EN IGB_BIT(30)

/* ---- Virtualisation (PF BAR0) ---- */
#define IGB_P2VMAILBOX(vf) (0x00c00 + 4 * (vf))
#define IGB_V2PMAILBOX_PF(vf) (0x00c40 + 4 * (vf))
#define IGB_VMBMEM(vf) (0x00800 + 64 * (vf))
#define IGB_MBVFICR 0x00c80
#define IGB_MBVFIMR 0x00c84
#define IGB_VFLRE 0x00c88 /* write 1 to clear */
#define IGB_VFRE 0x00c8c
#define IGB_VFTE 0x00c90
#define IGB_DTXSWC 0x03500
#define IGB_WVBR 0x03554
#define IGB_VMVIR(pool) (0x03700 + 4 * (pool))
#define IGB_VMOLR(pool) (0x05ad0 + 4 * (pool))
#define IGB_RPLOLR 0x05af0
#define IGB_IOVCTL 0x05bbc
#define IGB_VLVF(n) (0x05d00 + 4 * (n))
#define IGB_UTA(n) (0x0a000 + 4 * (n))
#define IGB_PVTCTRL(vf) (0x10000 + 0x100 * (vf))
#define IGB_PVFGPRC(vf) (0x10010 + 0x100 * (vf))
#define IGB_PVFGPTC(vf) (0x10014 + 0x100 * (vf))
#define IGB_PVFGORC(vf) (0x10018 + 0x100 * (vf))
#define IGB_PVFGOTC(vf) (0x10034 + 0x100 * (vf))
#define IGB_PVFMPRC(vf) (0x1003c + 0x100 * (vf))

/* P2VMAILBOX (PF side of VF n's mailbox) */
#define IGB_P2VMAILBOX_STS IGB_BIT(0) /* message sent to VF */
#define IGB_P2VMAILBOX_ACK IGB_BIT(1) /* VF message taken */
#define IGB_P2VMAILBOX_VFU IGB_BIT(2) /* VF owns the buffer */
#define IGB_P2VMAILBOX_PFU IGB_BIT(3) /* PF owns the buffer */
#define IGB_P2VMAILBOX_RVFU IGB_BIT(4) /* release a stuck VFU */

/* MBVFICR: VFREQ bit n, VFACK bit 16 + n (write 1 to clear) */
#define IGB_MBVFICR_VFREQ(vf) IGB_BIT(vf)
#define IGB_MBVFICR_VFACK(vf) IGB_BIT(16 + (vf))

/* VMOLR */
#define IGB_VMOLR_RLPML_MASK 0x00003fffu
#define IGB_VMOLR_LPE IGB_BIT(16)
#define IGB_VMOLR_RSSE IGB_BIT(17)
#define IGB_VMOLR_AUPE IGB_BIT(24) /* accept untagged */
#define IGB_VMOLR_ROMPE IGB_BIT(25) /* accept MTA hits */
#define IGB_VMOLR_ROPE IGB_BIT(26) /* accept UTA hits */
#define IGB_VMOLR_BAM IGB_BIT(27)
#define IGB_VMOLR_MPME IGB_BIT(28) /* all multicast */
#define IGB_VMOLR_STRVLAN IGB_BIT(30)
#define IGB_VMOLR_STRCRC IGB_BIT(31)

/* VLVF */
#define IGB_VLVF_VLANID_MASK 0x00000fffu
#define IGB_VLVF_POOLSEL_SHIFT 12
#define IGB_VLVF_POOLSEL_MASK (0xffu << IGB_VLVF_POOLSEL_SHIFT)
#define IGB_VLVF_LVLAN IGB_BIT(20)
#define IGB_VLVF_VLANID_ENABLE IGB_BIT(31)

/* VMVIR: per-pool default VLAN inserted on transmit */
#define IGB_VMVIR_VLAN_MASK 0x0000ffffu
#define IGB_VMVIR_VLANA_DEFAULT IGB_BIT(30)
#define IGB_VMVIR_VLANA_NEVER IGB_BIT(31)

/* DTXSWC */
#define IGB_DTXSWC_MAC_SPOOF(vf) IGB_BIT(vf)
#define IGB_DTXSWC_VLAN_SPOOF(vf) IGB_BIT(8 + (vf))
#define IGB_DTXSWC_VMDQ_LOOPBACK_EN IGB_BIT(31)

/* ---- Queue registers ----
 * One block per queue; the same layout serves Rx and Tx. The PF addresses
 * queue n at 0xc000/0xe000 + 0x40 n (all 16 queues). A VF addresses its
 * queue 0 and 1 at the legacy aliases 0x2800/0x3800 + 0x100 n, under the
 * same register names. A queue knows only its block's base (one of the
 * four below): IGB_RDT(base) etc. name each register of the block.
 */
#define IGB_PF_RXQ_BASE(n) (0x0c000 + 0x40 * (n))
#define IGB_PF_TXQ_BASE(n) (0x0e000 + 0x40 * (n))
#define IGB_VF_RXQ_BASE(n) (0x02800 + 0x100 * (n))
#define IGB_VF_TXQ_BASE(n) (0x03800 + 0x100 * (n))

#define IGB_QREG_BAL 0x00
#define IGB_QREG_BAH 0x04
#define IGB_QREG_LEN 0x08
#define IGB_QREG_SRRCTL 0x0c /* Rx only */
#define IGB_QREG_HEAD 0x10
#define IGB_QREG_DCA 0x14
#define IGB_QREG_TAIL 0x18
#define IGB_QREG_DCTL 0x28 /* RXDCTL / TXDCTL */
#define IGB_QREG_RQDPC 0x30 /* Rx drop count (PF view) */
#define IGB_QREG_WBAL 0x38 /* Tx head write-back */
#define IGB_QREG_WBAH 0x3c

/* Rx queue n: PF 0xc0xx + 0x40 n, VF 0x28xx + 0x100 n (xx as below). */
#define IGB_RDBAL(base) ((base) + IGB_QREG_BAL) /* PF 0xc000, VF 0x2800 */
#define IGB_RDBAH(base) ((base) + IGB_QREG_BAH) /* PF 0xc004, VF 0x2804 */
#define IGB_RDLEN(base) ((base) + IGB_QREG_LEN) /* PF 0xc008, VF 0x2808 */
#define IGB_SRRCTL(base) ((base) + IGB_QREG_SRRCTL) /* PF 0xc00c, VF 0x280c */
#define IGB_RDH(base) ((base) + IGB_QREG_HEAD) /* PF 0xc010, VF 0x2810 */
#define IGB_RDT(base) ((base) + IGB_QREG_TAIL) /* PF 0xc018, VF 0x2818 */
#define IGB_RXDCTL(base) ((base) + IGB_QREG_DCTL) /* PF 0xc028, VF 0x2828 */
#define IGB_RQDPC(base) ((base) + IGB_QREG_RQDPC) /* PF 0xc030 */

/* Tx queue n: PF 0xe0xx + 0x40 n, VF 0x38xx + 0x100 n (xx as below). */
#define IGB_TDBAL(base) ((base) + IGB_QREG_BAL) /* PF 0xe000, VF 0x3800 */
#define IGB_TDBAH(base) ((base) + IGB_QREG_BAH) /* PF 0xe004, VF 0x3804 */
#define IGB_TDLEN(base) ((base) + IGB_QREG_LEN) /* PF 0xe008, VF 0x3808 */
#define IGB_TDH(base) ((base) + IGB_QREG_HEAD) /* PF 0xe010, VF 0x3810 */
#define IGB_TDT(base) ((base) + IGB_QREG_TAIL) /* PF 0xe018, VF 0x3818 */
#define IGB_TXDCTL(base) ((base) + IGB_QREG_DCTL) /* PF 0xe028, VF 0x3828 */
#define IGB_TDWBAL(base) ((base) + IGB_QREG_WBAL) /* PF 0xe038, VF 0x3838 */
#define IGB_TDWBAH(base) ((base) + IGB_QREG_WBAH) /* PF 0xe03c, VF 0x383c */

/* RXDCTL / TXDCTL */
#define IGB_XDCTL_PTHRESH_SHIFT 0
#define IGB_XDCTL_HTHRESH_SHIFT 8
#define IGB_XDCTL_WTHRESH_SHIFT 16
#define IGB_XDCTL_ENABLE IGB_BIT(25)
#define IGB_RXDCTL_SWFLUSH IGB_BIT(26)

/* SRRCTL */
#define IGB_SRRCTL_BSIZEPKT_SHIFT 10 /* 1 KiB units, bits 6:0 */
#define IGB_SRRCTL_BSIZEPKT_MASK 0x0000007fu
#define IGB_SRRCTL_BSIZEHDR_SHIFT 2 /* 64 B units, bits 13:8 */
#define IGB_SRRCTL_BSIZEHDR_MASK 0x00003f00u
#define IGB_SRRCTL_DESCTYPE_ADV_ONEBUF IGB_BIT(25)
#define IGB_SRRCTL_DESCTYPE_MASK (0x7u << 25)
#define IGB_SRRCTL_DROP_EN IGB_BIT(31)

/* ---- PF statistics (read to clear) ---- */
#define IGB_CRCERRS 0x04000
#define IGB_ALGNERRC 0x04004
#define IGB_RXERRC 0x0400c
#define IGB_MPC 0x04010
#define IGB_RLEC 0x04040
#define IGB_ROC 0x040ac
#define IGB_RUC 0x040a4
#define IGB_GPRC 0x04074
#define IGB_BPRC 0x04078
#define IGB_MPRC 0x0407c
#define IGB_GPTC 0x04080
#define IGB_GORCL 0x04088
#define IGB_GORCH 0x0408c
#define IGB_GOTCL 0x04090
#define IGB_GOTCH 0x04094
#define IGB_RNBC 0x040a0
#define IGB_TORL 0x040c0
#define IGB_TORH 0x040c4
#define IGB_TOTL 0x040c8
#define IGB_TOTH 0x040cc
#define IGB_TPR 0x040d0
#define IGB_TPT 0x040d4
#define IGB_MPTC 0x040f0
#define IGB_BPTC 0x040f4

/* ---- VF BAR0 (16 KiB) ----
 * CTRL (RST only) and STATUS are at the PF offsets; queue registers are at
 * IGB_VF_RXQ_BASE/IGB_VF_TXQ_BASE. The rest are VF-private aliases.
 */
#define IGB_VF_BAR_SIZE 0x4000
#define IGB_VF_CTRL IGB_CTRL
#define IGB_VF_STATUS IGB_STATUS
#define IGB_VF_EICS IGB_EICS
#define IGB_VF_EIMS IGB_EIMS
#define IGB_VF_EIMC IGB_EIMC
#define IGB_VF_EIAC IGB_EIAC
#define IGB_VF_EIAM IGB_EIAM
#define IGB_VF_EICR IGB_EICR
#define IGB_VF_EITR(n) IGB_EITR(n)
#define IGB_VF_IVAR0 IGB_IVAR0
#define IGB_VF_IVAR_MISC IGB_IVAR_MISC
#define IGB_VF_PSRTYPE 0x00f0c
#define IGB_VF_V2PMAILBOX 0x00c40
#define IGB_VF_VMBMEM 0x00800
#define IGB_VF_MSIX_VECTORS 3
/* VF IVAR0 (VTIVAR): one byte per queue cause, the vector (0-2) in its
 * low bits and IGB_IVAR_VALID: byte 0 Rx queue 0, byte 1 Tx queue 0,
 * byte 2 Rx queue 1, byte 3 Tx queue 1 (Linux igbvf alike). */
#define IGB_VF_IVAR_RX(q, vec) \
	((IGB_IVAR_VALID | (uint32_t)(vec)) << (16 * (q)))

/* VF statistics: 32-bit, free running (wrap, never cleared) */
#define IGB_VFGPRC 0x00f10
#define IGB_VFGPTC 0x00f14
#define IGB_VFGORC 0x00f18
#define IGB_VFGOTC 0x00f34
#define IGB_VFMPRC 0x00f3c
#define IGB_VFGPRLBC 0x00f40
#define IGB_VFGPTLBC 0x00f44
#define IGB_VFGORLBC 0x00f48
#define IGB_VFGOTLBC 0x00f50

/* V2PMAILBOX (VF side). PFSTS, PFACK and RSTD clear when read. */
#define IGB_V2PMAILBOX_REQ IGB_BIT(0) /* message for the PF */
#define IGB_V2PMAILBOX_ACK IGB_BIT(1) /* PF message taken */
#define IGB_V2PMAILBOX_VFU IGB_BIT(2) /* VF owns the buffer */
#define IGB_V2PMAILBOX_PFU IGB_BIT(3) /* PF owns the buffer */
#define IGB_V2PMAILBOX_PFSTS IGB_BIT(4) /* PF wrote a message */
#define IGB_V2PMAILBOX_PFACK IGB_BIT(5) /* PF took our message */
#define IGB_V2PMAILBOX_RSTI IGB_BIT(6) /* PF reset in progress */
#define IGB_V2PMAILBOX_RSTD IGB_BIT(7) /* PF reset done */
#define IGB_V2PMAILBOX_R2C_BITS \
	(IGB_V2PMAILBOX_PFSTS | IGB_V2PMAILBOX_PFACK | IGB_V2PMAILBOX_RSTD)

#endif /* IGB_REGS_H */
