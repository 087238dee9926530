/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ether.h>
#include <rte_kvargs.h>

#include "igb_pf_devargs.h"

#define DEVARG_ID(id, key, form) DEVARG_##id,
enum devarg { IGB_PF_DEVARGS_KEYS(DEVARG_ID) };
#define DEVARG_KEY(id, key, form) [DEVARG_##id] = key,
static const char *const devarg_keys[] = {IGB_PF_DEVARGS_KEYS(DEVARG_KEY)};

int
igb_pf_parse_num_vfs(const char *val, uint16_t *out, char *err, size_t errlen)
{
	char *end;
	long n;

	if (val == NULL || *val == '\0') {
		snprintf(err, errlen, "num_vfs needs a value (1..%d)",
			IGB_PF_DEVARGS_MAX_VFS);
		return -EINVAL;
	}
	errno = 0;
	n = strtol(val, &end, 10);
	if (errno != 0 || *end != '\0' || end == val) {
		snprintf(err, errlen, "num_vfs=%s is not a number (1..%d)", val,
			IGB_PF_DEVARGS_MAX_VFS);
		return -EINVAL;
	}
	if (n < 1 || n > IGB_PF_DEVARGS_MAX_VFS) {
		snprintf(err, errlen,
			"num_vfs=%s out of range: 1..%d (8 pools, the PF keeps "
			"the last)",
			val, IGB_PF_DEVARGS_MAX_VFS);
		return -EINVAL;
	}
	*out = (uint16_t)n;
	return 0;
}

int
igb_pf_parse_bool(const char *val, bool *out)
{
	if (val == NULL)
		return -EINVAL;
	if (!strcmp(val, "on") || !strcmp(val, "1")) {
		*out = true;
		return 0;
	}
	if (!strcmp(val, "off") || !strcmp(val, "0")) {
		*out = false;
		return 0;
	}
	return -EINVAL;
}

int
igb_pf_parse_vlan(const char *val, uint16_t *out)
{
	char *end;
	long n;

	if (val == NULL || *val == '\0')
		return -EINVAL;
	errno = 0;
	n = strtol(val, &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > IGB_PF_DEVARGS_VLAN_MAX)
		return -EINVAL;
	*out = (uint16_t)n;
	return 0;
}

struct parse_ctx {
	struct igb_pf_devargs *da;
	char *err;
	size_t errlen;
};

/*
 * The entry of key in IGB_PF_DEVARGS_KEYS, with its VF number in *vf for
 * a "vf<N>_" key; -1 if the list has no such key.
 */
static int
devarg_lookup(const char *key, int *vf)
{
	static const char vf_prefix[] = "vf<N>_";
	char generic[32];
	unsigned int i;

	*vf = -1;
	if (strncmp(key, "vf", 2) == 0 && isdigit((unsigned char)key[2]) &&
		key[3] == '_' && key[2] - '0' < IGB_PF_DEVARGS_MAX_VFS) {
		*vf = key[2] - '0';
		snprintf(generic, sizeof(generic), "%s%s", vf_prefix, key + 4);
		key = generic;
	}
	for (i = 0; i < RTE_DIM(devarg_keys); i++) {
		if (strcmp(key, devarg_keys[i]) != 0)
			continue;
		/* "vf<N>_mac" typed as such names no VF */
		if ((*vf >= 0) != !strncmp(key, vf_prefix, strlen(vf_prefix)))
			return -1;
		return (int)i;
	}
	return -1;
}

static int
bad_bool(struct parse_ctx *c, const char *key, const char *val)
{
	snprintf(
		c->err, c->errlen, "%s=%s: use on or off", key, val ? val : "");
	return -EINVAL;
}

static int
handle_kv(const char *key, const char *val, void *opaque)
{
	struct parse_ctx *c = opaque;
	struct igb_pf_devargs *da = c->da;
	struct igb_pf_vf_devargs *v;
	struct rte_ether_addr mac;
	int id, n;
	bool b;

	id = devarg_lookup(key, &n);
	if (id < 0) {
		snprintf(c->err, c->errlen, "unknown key %s", key);
		return -EINVAL;
	}
	v = n >= 0 ? &da->vf[n] : NULL;
	switch ((enum devarg)id) {
	case DEVARG_NUM_VFS:
		return igb_pf_parse_num_vfs(
			val, &da->num_vfs, c->err, c->errlen);
	case DEVARG_KEEP_VFS:
		if (igb_pf_parse_bool(val, &da->keep_vfs) != 0)
			return bad_bool(c, key, val);
		return 0;
	case DEVARG_VF_MAC:
		if (val == NULL || rte_ether_unformat_addr(val, &mac) != 0 ||
			!rte_is_valid_assigned_ether_addr(&mac)) {
			snprintf(c->err, c->errlen,
				"%s=%s: need a unicast MAC xx:xx:xx:xx:xx:xx",
				key, val ? val : "");
			return -EINVAL;
		}
		memcpy(v->mac, mac.addr_bytes, sizeof(v->mac));
		v->has_mac = true;
		return 0;
	case DEVARG_VF_VLAN:
		if (igb_pf_parse_vlan(val, &v->vlan) == 0)
			return 0;
		snprintf(c->err, c->errlen, "%s=%s: VLAN id 1..4094", key,
			val ? val : "");
		return -EINVAL;
	case DEVARG_VF_TRUST:
	case DEVARG_VF_SPOOFCHK:
		if (igb_pf_parse_bool(val, &b) != 0)
			return bad_bool(c, key, val);
		if (id == DEVARG_VF_TRUST)
			v->trust = b;
		else
			v->spoofchk = b;
		return 0;
	}
	return -EINVAL;
}

int
igb_pf_devargs_parse(
	const char *args, struct igb_pf_devargs *out, char *err, size_t errlen)
{
	struct parse_ctx c = {.da = out, .err = err, .errlen = errlen};
	struct rte_kvargs *kv;
	unsigned int i;
	int ret;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < IGB_PF_DEVARGS_MAX_VFS; i++) {
		out->vf[i].trust = -1;
		out->vf[i].spoofchk = -1;
	}
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (args == NULL || args[0] == '\0')
		return 0;
	kv = rte_kvargs_parse(args, NULL);
	if (kv == NULL) {
		snprintf(err, errlen, "cannot parse device arguments \"%s\"",
			args);
		ret = -EINVAL;
		goto reset;
	}
	ret = rte_kvargs_process(kv, NULL, handle_kv, &c);
	rte_kvargs_free(kv);
	if (ret == 0)
		return 0;
	ret = -EINVAL;
reset:
	memset(out, 0, sizeof(*out));
	return ret;
}

int
igb_pf_devargs_check_vfs(const struct igb_pf_devargs *da, uint16_t num_vfs,
	char *err, size_t errlen)
{
	unsigned int i;

	for (i = num_vfs; i < IGB_PF_DEVARGS_MAX_VFS; i++) {
		const struct igb_pf_vf_devargs *v = &da->vf[i];

		if (v->has_mac || v->vlan || v->trust >= 0 ||
			v->spoofchk >= 0) {
			snprintf(err, errlen,
				"vf%u_* given but only %u VFs exist", i,
				num_vfs);
			return -EINVAL;
		}
	}
	return 0;
}
