/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Shared by net_igb_pf and igb-pfd (library igb_pf_host); nothing else of
 * the PMD is. Self-contained: DPDK headers only.
 *
 * Device arguments of net_igb_pf, e.g.
 *   -a 0000:01:00.0,num_vfs=2,vf0_mac=02:00:00:00:00:10,vf1_trust=on
 * The keys: IGB_PF_DEVARGS_KEYS below.
 */
#ifndef IGB_PF_DEVARGS_H
#define IGB_PF_DEVARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_ether.h>

/* VF numbers: the 82576's 8 pools, the last the PF's own (the PMD checks
 * these against its own limits, igb_pf_adapter.h). */
#define IGB_PF_DEVARGS_MAX_VFS 7
#define IGB_PF_DEVARGS_VLAN_MAX 4094

/*
 * Every key the parser knows, as X(ID, key, value form); "vf<N>_" keys
 * are per VF, N in 0..6. keep_vfs=on leaves the VFs in place on close;
 * vf<N>_vlan is the VF's port VLAN. The parser dispatches on this list
 * and the PMD declares it to DPDK's tools (IGB_PF_DEVARGS_PARAMS), so a
 * key cannot be accepted without being declared.
 */
#define IGB_PF_DEVARGS_KEYS(X) \
	X(NUM_VFS, "num_vfs", "<1-7>") \
	X(KEEP_VFS, "keep_vfs", "<on|off>") \
	X(VF_MAC, "vf<N>_mac", "<xx:xx:xx:xx:xx:xx>") \
	X(VF_VLAN, "vf<N>_vlan", "<1-4094>") \
	X(VF_TRUST, "vf<N>_trust", "<on|off>") \
	X(VF_SPOOFCHK, "vf<N>_spoofchk", "<on|off>")

/* The keys with their value forms, for RTE_PMD_REGISTER_PARAM_STRING. */
#define IGB_PF_DEVARG_DECLARE(id, key, form) key "=" form " "
#define IGB_PF_DEVARGS_PARAMS IGB_PF_DEVARGS_KEYS(IGB_PF_DEVARG_DECLARE)

struct igb_pf_vf_devargs {
	bool has_mac;
	uint8_t mac[RTE_ETHER_ADDR_LEN];
	uint16_t vlan; /* 0: not given */
	int8_t trust; /* -1: not given, else 0/1 */
	int8_t spoofchk; /* -1: not given, else 0/1 */
};

struct igb_pf_devargs {
	uint16_t num_vfs; /* 0: not given */
	bool keep_vfs;
	struct igb_pf_vf_devargs vf[IGB_PF_DEVARGS_MAX_VFS];
};

/* Value parsers: 0 on success, else -EINVAL with a message in err. */
int igb_pf_parse_num_vfs(
	const char *val, uint16_t *out, char *err, size_t errlen);
int igb_pf_parse_bool(const char *val, bool *out);
int igb_pf_parse_vlan(const char *val, uint16_t *out);

/*
 * Parses a devargs string (may be NULL or empty). On error returns
 * -EINVAL with a message naming the key and the allowed values in err,
 * and leaves *out zeroed.
 */
int igb_pf_devargs_parse(
	const char *args, struct igb_pf_devargs *out, char *err, size_t errlen);

/* Checks per-VF keys against the VF count in use. */
int igb_pf_devargs_check_vfs(const struct igb_pf_devargs *da, uint16_t num_vfs,
	char *err, size_t errlen);

#endif /* IGB_PF_DEVARGS_H */
