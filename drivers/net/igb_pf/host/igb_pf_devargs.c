/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ether.h>
#include <rte_kvargs.h>

#include "igb_pf_devargs.h"

#define KEY_NUM_VFS "num_vfs"
#define KEY_KEEP_VFS "keep_vfs"

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

/* Splits "vf<N>_<what>" into N and what; -1 if key is not per-VF. */
static int
vf_key(const char *key, const char **what)
{
	if (strncmp(key, "vf", 2) != 0 || !isdigit((unsigned char)key[2]) ||
		key[3] != '_')
		return -1;
	*what = key + 4;
	return key[2] - '0';
}

static int
handle_kv(const char *key, const char *val, void *opaque)
{
	struct parse_ctx *c = opaque;
	struct igb_pf_devargs *da = c->da;
	struct igb_pf_vf_devargs *v;
	struct rte_ether_addr mac;
	const char *what;
	bool b;
	int n;

	if (!strcmp(key, KEY_NUM_VFS))
		return igb_pf_parse_num_vfs(
			val, &da->num_vfs, c->err, c->errlen);
	if (!strcmp(key, KEY_KEEP_VFS)) {
		if (igb_pf_parse_bool(val, &da->keep_vfs) == 0)
			return 0;
		snprintf(c->err, c->errlen, "keep_vfs=%s: use on or off",
			val ? val : "");
		return -EINVAL;
	}
	n = vf_key(key, &what);
	if (n < 0 || n >= IGB_PF_DEVARGS_MAX_VFS) {
		snprintf(c->err, c->errlen, "unknown key %s", key);
		return -EINVAL;
	}
	v = &da->vf[n];
	if (!strcmp(what, "mac")) {
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
	}
	if (!strcmp(what, "vlan")) {
		if (igb_pf_parse_vlan(val, &v->vlan) == 0)
			return 0;
		snprintf(c->err, c->errlen, "%s=%s: VLAN id 1..4094", key,
			val ? val : "");
		return -EINVAL;
	}
	if (!strcmp(what, "trust") || !strcmp(what, "spoofchk")) {
		if (igb_pf_parse_bool(val, &b) != 0) {
			snprintf(c->err, c->errlen, "%s=%s: use on or off", key,
				val ? val : "");
			return -EINVAL;
		}
		if (what[0] == 't')
			v->trust = b;
		else
			v->spoofchk = b;
		return 0;
	}
	snprintf(c->err, c->errlen, "unknown key %s", key);
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
