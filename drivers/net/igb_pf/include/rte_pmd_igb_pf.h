/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Private API of net_igb_pf, the Intel 82576 Physical Function PMD: the
 * administrator's controls over the VFs (what `ip link set <pf> vf N ...`
 * does for the kernel PF), their statistics, and the mailbox event.
 *
 * Every function returns 0 on success, -ENODEV if port is not a
 * net_igb_pf port or is closing or closed, -EINVAL for a VF number or
 * value out of range.
 */
#ifndef RTE_PMD_IGB_PF_H
#define RTE_PMD_IGB_PF_H

#include <stdint.h>

#include <rte_ether.h>

#ifdef __cplusplus
extern "C" {
#endif

/** VF number meaning "every VF" where accepted. */
#define RTE_PMD_IGB_PF_ALL_VFS UINT16_MAX

/**
 * Answer an application gives to RTE_ETH_EVENT_VF_MBOX through
 * rte_pmd_igb_pf_mb_event_param.retval (the convention of net_ixgbe).
 * VF_RESET requests always proceed: the answer is ignored for them.
 */
enum rte_pmd_igb_pf_mb_event_rsp {
	RTE_PMD_IGB_PF_MB_EVENT_NOOP_ACK, /**< skip the request, ACK it */
	RTE_PMD_IGB_PF_MB_EVENT_NOOP_NACK, /**< skip the request, NACK it */
	RTE_PMD_IGB_PF_MB_EVENT_PROCEED, /**< let the driver's policy decide */
	RTE_PMD_IGB_PF_MB_EVENT_MAX
};

/**
 * Request types a VF sends (rte_pmd_igb_pf_mb_event_param.msg_type), and
 * what an application deciding on them reads in the message words.
 */
#define RTE_PMD_IGB_PF_MSG_VF_RESET 0x0001
/** Words 1-2: the address (rte_pmd_igb_pf_mb_event_mac). Info 0 changes
 * the VF's own address; a non-zero info adds or clears extra filters. */
#define RTE_PMD_IGB_PF_MSG_SET_MAC_ADDR 0x0002
/** Info bits 6:0: the number of 16-bit hashes in words 1..15. */
#define RTE_PMD_IGB_PF_MSG_SET_MULTICAST 0x0003
/** Word 1: the VLAN id; info RTE_PMD_IGB_PF_MSG_VLAN_ADD: add, else remove. */
#define RTE_PMD_IGB_PF_MSG_SET_VLAN 0x0004
/** Word 1: the largest frame, CRC included. */
#define RTE_PMD_IGB_PF_MSG_SET_LPE 0x0005
/** Info: RTE_PMD_IGB_PF_MSG_PROMISC_* bits asked for (0: both off). */
#define RTE_PMD_IGB_PF_MSG_SET_PROMISC 0x0006

/** The info field of a request: word 0 bits 23:16. */
#define RTE_PMD_IGB_PF_MSG_INFO(w0) (((w0) >> 16) & 0xffu)
#define RTE_PMD_IGB_PF_MSG_VLAN_ADD 0x01u
#define RTE_PMD_IGB_PF_MSG_PROMISC_UNICAST 0x01u
#define RTE_PMD_IGB_PF_MSG_PROMISC_MULTICAST 0x02u

/** Argument of RTE_ETH_EVENT_VF_MBOX callbacks. */
struct rte_pmd_igb_pf_mb_event_param {
	uint16_t vfid; /**< VF number */
	uint16_t msg_type; /**< request type (word 0 bits 15:0) */
	uint16_t retval; /**< in: PROCEED; out: the application's answer */
	void *msg; /**< the 16 mailbox words (uint32_t), read only */
};

/** A VF as the PF sees it. */
struct rte_pmd_igb_pf_vf_info {
	struct rte_ether_addr mac; /**< address the VF receives on */
	uint8_t mac_pinned; /**< set by the administrator */
	uint16_t port_vlan; /**< 0: none */
	uint8_t trusted;
	uint8_t mac_anti_spoof;
	uint8_t vlan_anti_spoof;
	uint8_t rx_enabled; /**< allowed by the administrator */
	uint8_t tx_enabled;
	uint8_t clear_to_send; /**< VF completed its reset handshake */
	uint16_t max_frame; /**< largest frame, CRC included */
	uint8_t nb_mc_hashes;
	uint8_t mc_overflow; /**< receives all multicast (MPME) */
	uint8_t promisc_unicast;
	uint8_t promisc_multicast;
	uint16_t nb_vlans; /**< VLANs the VF receives */
	uint16_t vlans[32];
	uint64_t mbx_requests;
	uint64_t mbx_acks;
	uint64_t mbx_nacks;
	uint64_t mbx_resets;
	uint64_t flrs;
	uint64_t mbx_errors;
};

/**
 * The address a SET_MAC_ADDR request carries. -EINVAL if the request is
 * of another type.
 */
int rte_pmd_igb_pf_mb_event_mac(const struct rte_pmd_igb_pf_mb_event_param *p,
	struct rte_ether_addr *mac);

/** Number of VFs the PF serves, or a negative errno. */
int rte_pmd_igb_pf_get_num_vfs(uint16_t port);

/** State of one VF. */
int rte_pmd_igb_pf_get_vf_info(
	uint16_t port, uint16_t vf, struct rte_pmd_igb_pf_vf_info *info);

/**
 * Pin a VF's MAC address: the VF gets it at its next reset and may not
 * change it unless trusted. A zero address unpins. -EADDRINUSE if the
 * address is the PF's or another VF's.
 */
int rte_pmd_igb_pf_set_vf_mac_addr(
	uint16_t port, uint16_t vf, const struct rte_ether_addr *mac);

/**
 * Port VLAN: the VF's frames are tagged with vlan_id on transmit (VMVIR)
 * and it receives only that VLAN, untagged. 0 removes it. -ENOSPC if the
 * 32-entry VLAN table is full.
 */
int rte_pmd_igb_pf_set_vf_vlan(uint16_t port, uint16_t vf, uint16_t vlan_id);

/** Trust: a trusted VF may change a pinned MAC and go unicast promiscuous. */
int rte_pmd_igb_pf_set_vf_trust(uint16_t port, uint16_t vf, uint8_t on);

/**
 * MAC / VLAN anti-spoofing (DTXSWC). Programmed as the 82576 wants it;
 * QEMU's emulated igb does not enforce it.
 */
int rte_pmd_igb_pf_set_vf_mac_anti_spoof(
	uint16_t port, uint16_t vf, uint8_t on);
int rte_pmd_igb_pf_set_vf_vlan_anti_spoof(
	uint16_t port, uint16_t vf, uint8_t on);

/** Allow or stop a VF's receive / transmit (VFRE / VFTE). */
int rte_pmd_igb_pf_set_vf_rx(uint16_t port, uint16_t vf, uint8_t on);
int rte_pmd_igb_pf_set_vf_tx(uint16_t port, uint16_t vf, uint8_t on);

/** A VF's traffic counters, 64-bit, since the last reset. */
struct rte_pmd_igb_pf_vf_stats {
	uint64_t ipackets; /**< VFGPRC */
	uint64_t opackets; /**< VFGPTC */
	uint64_t ibytes; /**< VFGORC */
	uint64_t obytes; /**< VFGOTC */
	uint64_t imulticast; /**< VFMPRC */
};

/**
 * A VF's traffic counters. The 82576 counts them only in VMDq mode,
 * which this PMD always uses.
 */
int rte_pmd_igb_pf_get_vf_stats(
	uint16_t port, uint16_t vf, struct rte_pmd_igb_pf_vf_stats *stats);
int rte_pmd_igb_pf_reset_vf_stats(uint16_t port, uint16_t vf);

/** Send a status ping (PF_CONTROL) to one VF or RTE_PMD_IGB_PF_ALL_VFS. */
int rte_pmd_igb_pf_ping_vf(uint16_t port, uint16_t vf);

#ifdef __cplusplus
}
#endif

#endif /* RTE_PMD_IGB_PF_H */
