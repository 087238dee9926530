/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The PF's view of its VFs: one state record per VF (what the VF asked
 * for, what the administrator pinned, mailbox counters) plus the tables
 * the VFs share (VLAN filters). Pure data and policy: no registers here;
 * igb_pf_hw.c projects this state onto the device.
 *
 * Invariant: a request or admin call about VF n only ever changes vf[n]
 * and pool n's bits in the shared tables.
 */
#ifndef IGB_PF_VF_H
#define IGB_PF_VF_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_mbx_msg.h"
#include "igb_regs.h"
#include "igb_pf_vlan.h"

#define IGB_PF_POOLS IGB_MAX_POOLS
#define IGB_PF_MAX_VFS IGB_MAX_VFS
#define IGB_PF_POOL (IGB_PF_POOLS - 1) /* the PF's own pool: the last */
#define IGB_PF_MC_HASHES IGB_MSG_MC_MAX
#define IGB_PF_MC_HASH_MAX IGB_MTA_HASH_MASK
#define IGB_PF_PF_MC_MAX 64 /* PF's own multicast addresses */
#define IGB_PF_FRAME_MIN 64
#define IGB_PF_FRAME_DEFAULT 1518
#define IGB_PF_FRAME_MAX 9216
#define IGB_PF_VLAN_ROOM 4u /* a pool's size limit: max frame + one tag */
#define IGB_PF_ETH_ALEN IGB_ETHER_ADDR_LEN

/* Why a request was refused; index into the per-VF NACK counters. */
enum igb_pf_nack {
	IGB_PF_ACK = 0,
	IGB_PF_NACK_NOT_CTS, /* VF has not completed its reset handshake */
	IGB_PF_NACK_MALFORMED, /* count, id, size, flag or address invalid */
	IGB_PF_NACK_UNKNOWN, /* message type not understood */
	IGB_PF_NACK_PINNED, /* administrator pinned the MAC or VLAN */
	IGB_PF_NACK_IN_USE, /* address belongs to another function */
	IGB_PF_NACK_UNTRUSTED, /* needs a trusted VF */
	IGB_PF_NACK_NO_ROOM, /* VLAN table full, or the VF's share of it used */
	IGB_PF_NACK_UNSUPPORTED, /* valid request the PF does not offer */
	IGB_PF_NACK_APP, /* refused by the application callback */
	IGB_PF_NACK_REASONS
};

const char *igb_pf_nack_name(enum igb_pf_nack reason);

struct igb_pf_vf_counters {
	uint64_t msgs; /* requests received */
	uint64_t acks;
	uint64_t nacks;
	uint64_t nack_by_reason[IGB_PF_NACK_REASONS];
	uint64_t resets; /* VF_RESET requests */
	uint64_t flrs; /* function level resets seen (VFLRE) */
	uint64_t mbx_errors; /* mailbox busy or unreadable */
};

struct igb_pf_vf {
	/* Requested by the VF (reset on FLR and VF_RESET). */
	uint16_t mc_hashes[IGB_PF_MC_HASHES];
	uint8_t mc_count;
	bool mc_overflow; /* VF has more groups than hashes sent */
	bool promisc_uc;
	bool promisc_mc;
	uint16_t max_frame; /* largest frame, CRC included */

	/* Both: the VF may set it unless pinned. Survives resets. */
	uint8_t mac[IGB_PF_ETH_ALEN];

	/* Administrator policy. Survives resets. */
	bool mac_pinned;
	uint16_t port_vlan; /* 0: none; else VMVIR default VLAN */
	bool trusted;
	bool mac_spoofchk;
	bool vlan_spoofchk;
	bool rx_allowed;
	bool tx_allowed;

	/* Protocol state. */
	bool cts; /* clear to send: VF_RESET handshake done */

	struct igb_pf_vf_counters cnt;
};

/* The PF's own pool settings, projected next to the VFs'. */
struct igb_pf_own {
	uint8_t mac[IGB_PF_ETH_ALEN]; /* no VF may claim it */
	uint16_t mc_hashes[IGB_PF_PF_MC_MAX];
	uint16_t mc_count;
	bool allmulti;
	bool promisc;
	bool vlan_strip;
	uint16_t max_frame;
};

struct igb_pf_sriov {
	uint16_t num_vfs;
	struct igb_pf_own pf;
	struct igb_pf_vf vf[IGB_PF_MAX_VFS];
	struct igb_pf_vlan_table vlans; /* shared by all pools, PF too */
};

/*
 * Sets up num_vfs VFs (0..IGB_PF_MAX_VFS) with their default state; macs
 * gives each VF's initial address (num_vfs entries). -EINVAL otherwise.
 */
int igb_pf_sriov_init(struct igb_pf_sriov *s, uint16_t num_vfs,
	const uint8_t (*macs)[IGB_PF_ETH_ALEN]);

bool igb_pf_mac_valid(const uint8_t mac[IGB_PF_ETH_ALEN]);

/* Owner index of the PF's own address in igb_pf_mac_taken(). */
#define IGB_PF_SELF IGB_PF_MAX_VFS

/*
 * True if mac belongs to a function other than owner (a VF index, or
 * IGB_PF_SELF for the PF): re-setting one's own address is no conflict.
 */
bool igb_pf_mac_taken(const struct igb_pf_sriov *s, uint16_t owner,
	const uint8_t mac[IGB_PF_ETH_ALEN]);

/* Forget everything the VF itself asked for; admin policy stays. */
void igb_pf_vf_clear_requests(struct igb_pf_sriov *s, uint16_t vf);

/* Function level reset: clear requests, withdraw clear-to-send. */
void igb_pf_vf_flr(struct igb_pf_sriov *s, uint16_t vf);

/* Pool mask of VFs whose Rx/Tx may be on (CTS and allowed by admin). */
uint8_t igb_pf_vf_rx_pools(const struct igb_pf_sriov *s);
uint8_t igb_pf_vf_tx_pools(const struct igb_pf_sriov *s);

/*
 * VLANs one VF may ask for: an equal share of the 32 VLVF entries among
 * the VFs and the PF, so a VF filling the shared table cannot lock the
 * others (and the PF) out of theirs.
 */
unsigned int igb_pf_vf_vlan_share(const struct igb_pf_sriov *s);

/* Effective Rx max frame of a VF pool (CRC included). */
uint16_t igb_pf_vf_rlpml(const struct igb_pf_vf *v);

/*
 * Mailbox requests, already decoded. Each returns IGB_PF_ACK or the NACK
 * reason and counts nothing (the server counts). vf must be < num_vfs.
 */
enum igb_pf_nack igb_pf_req_reset(struct igb_pf_sriov *s, uint16_t vf);
enum igb_pf_nack igb_pf_req_set_mac(struct igb_pf_sriov *s, uint16_t vf,
	const uint8_t mac[IGB_PF_ETH_ALEN]);
/* Extra unicast filters (MSGINFO 1 = clear all, 2 = add one). */
enum igb_pf_nack igb_pf_req_mac_filter(struct igb_pf_sriov *s, uint16_t vf,
	bool clear, const uint8_t mac[IGB_PF_ETH_ALEN]);
enum igb_pf_nack igb_pf_req_set_mc(struct igb_pf_sriov *s, uint16_t vf,
	const uint16_t *hashes, unsigned int count, bool overflow);
enum igb_pf_nack igb_pf_req_set_vlan(
	struct igb_pf_sriov *s, uint16_t vf, uint32_t vid, bool add);
enum igb_pf_nack igb_pf_req_set_lpe(
	struct igb_pf_sriov *s, uint16_t vf, uint32_t max_frame);
enum igb_pf_nack igb_pf_req_set_promisc(
	struct igb_pf_sriov *s, uint16_t vf, bool uc, bool mc);

/* Counts one handled request and its verdict. */
void igb_pf_vf_count(
	struct igb_pf_sriov *s, uint16_t vf, enum igb_pf_nack verdict);

/*
 * Administrator policy. 0 or -EINVAL (bad VF, address or id), -ENOSPC
 * (VLAN table full), -EADDRINUSE (address of another function).
 * A zero MAC unpins (the VF keeps its current one).
 */
int igb_pf_admin_set_mac(struct igb_pf_sriov *s, uint16_t vf,
	const uint8_t mac[IGB_PF_ETH_ALEN]);
int igb_pf_admin_set_port_vlan(
	struct igb_pf_sriov *s, uint16_t vf, uint16_t vid);
int igb_pf_admin_set_trust(struct igb_pf_sriov *s, uint16_t vf, bool on);
int igb_pf_admin_set_mac_spoofchk(struct igb_pf_sriov *s, uint16_t vf, bool on);
int igb_pf_admin_set_vlan_spoofchk(
	struct igb_pf_sriov *s, uint16_t vf, bool on);
int igb_pf_admin_set_rx(struct igb_pf_sriov *s, uint16_t vf, bool on);
int igb_pf_admin_set_tx(struct igb_pf_sriov *s, uint16_t vf, bool on);

#endif /* IGB_PF_VF_H */
