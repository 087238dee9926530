/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reference model of the PF mailbox policy for the fuzzer, written from
 * the protocol rules (igb_pf_vf.h, igb_mbx_msg.h) and not from the
 * driver's code: what every VF state should be, which verdict every
 * request should get, which registers the device should hold. The fuzzer
 * applies each event to both and compares after every event; any
 * difference abort()s with a description.
 */
#ifndef IGB_FUZZ_PF_ORACLE_H
#define IGB_FUZZ_PF_ORACLE_H

#include <stdbool.h>
#include <stdint.h>

#include "igb_model.h"
#include "igb_pf_vf.h"

struct oracle_vf {
	uint8_t mac[IGB_PF_ETH_ALEN];
	bool pinned, trusted, cts;
	bool mac_spoof, vlan_spoof, rx, tx;
	uint16_t port_vlan;
	uint16_t mc[IGB_PF_MC_HASHES];
	uint8_t mc_count;
	bool mc_overflow, promisc_uc, promisc_mc;
	uint16_t max_frame;
	bool vf_lock; /* the VF holds VFU on its mailbox */
	struct igb_pf_vf_counters cnt;
};

struct oracle {
	uint16_t num_vfs;
	uint8_t pf_mac[IGB_PF_ETH_ALEN];
	struct oracle_vf vf[IGB_PF_POOLS];
	uint8_t vlan_pools[IGB_PF_VLAN_ID_MAX + 1]; /* pool mask per VLAN */
	unsigned int vlans_used; /* VLANs with a pool */
	unsigned int pool_vlans[IGB_PF_POOLS]; /* VLANs per pool */
};

/* Same defaults igb_pf_sriov_init() documents. */
void oracle_init(struct oracle *o, uint16_t num_vfs,
	const uint8_t pf_mac[IGB_PF_ETH_ALEN],
	const uint8_t (*macs)[IGB_PF_ETH_ALEN]);

/*
 * A request of VF vf (< num_vfs) as the server reads it (16 words) under
 * the application verdict app. Returns the expected verdict and applies
 * its effect; *counted is false for a buffer holding a reply (ACK/NACK
 * set), which the server must ignore.
 */
enum igb_pf_nack oracle_request(struct oracle *o, uint16_t vf,
	const uint32_t w[IGB_MBX_WORDS], int app, bool *counted);

/* True when the request is malformed by the message format alone. */
bool oracle_malformed(const uint32_t w[IGB_MBX_WORDS]);

void oracle_flr(struct oracle *o, uint16_t vf);

/* Administrator actions: expected return value, effect applied. */
int oracle_admin_mac(
	struct oracle *o, uint16_t vf, const uint8_t mac[IGB_PF_ETH_ALEN]);
int oracle_admin_port_vlan(struct oracle *o, uint16_t vf, uint16_t vid);
int oracle_admin_flag(
	struct oracle *o, uint16_t vf, unsigned int which, bool on);
int oracle_pf_vlan(struct oracle *o, uint16_t vid, bool add);

/* Compares driver state and device registers with the model; aborts. */
void oracle_check(const struct oracle *o, const struct igb_pf_sriov *s,
	const struct igb_model *m, const char *after);

/* Prints a violation and abort()s: the fuzzer's only failure path. The
 * soak sets a hook that does not return (it counts the mismatch and
 * longjmp()s to its next script); abort() follows if it does. */
extern void (*oracle_fail_hook)(void);

void oracle_fail(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

#endif /* IGB_FUZZ_PF_ORACLE_H */
