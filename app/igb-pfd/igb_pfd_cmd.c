/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ether.h>

#include "igb_pf_devargs.h"
#include "igb_pfd_cmd.h"

#define MAX_WORDS 8

const char pfd_cmd_help[] =
	"show vfs                      list the VFs\n"
	"show vf N                     one VF in detail (key=value)\n"
	"set vf N mac XX:XX:XX:XX:XX:XX  pin the VF's MAC (all zeros unpins)\n"
	"set vf N vlan V               port VLAN V (0 removes it)\n"
	"set vf N trust on|off         trusted VFs may change MAC, go "
	"promiscuous\n"
	"set vf N spoofchk on|off      MAC and VLAN anti-spoofing\n"
	"set vf N state enable|disable VF receive and transmit\n"
	"stats [vf N]                  traffic counters\n"
	"mbx                           mailbox counters\n"
	"ping [vf N]                   status ping to one or every VF\n"
	"quit                          leave (VFs removed unless kept)\n";

static int
parse_vf(const char *w, int *vf)
{
	char *end;
	long n;

	n = strtol(w, &end, 10);
	if (*w == '\0' || *end != '\0' || n < 0 || n > 6)
		return -EINVAL;
	*vf = (int)n;
	return 0;
}

static int
fail(char *err, size_t errlen, const char *fmt, const char *arg)
{
	snprintf(err, errlen, fmt, arg);
	return -EINVAL;
}

static int
parse_set(char **w, int n, struct pfd_cmd *c, char *err, size_t errlen)
{
	if (n != 5 || strcmp(w[1], "vf") != 0)
		return fail(err, errlen, "usage: set vf N %s VALUE",
			n > 3 ? w[3] : "mac|vlan|trust|spoofchk|state");
	if (parse_vf(w[2], &c->vf) != 0)
		return fail(
			err, errlen, "VF number 0..6 expected, not '%s'", w[2]);
	if (!strcmp(w[3], "mac")) {
		c->kind = PFD_CMD_SET_MAC;
		if (rte_ether_unformat_addr(w[4], &c->mac) != 0 ||
			(!rte_is_zero_ether_addr(&c->mac) &&
				!rte_is_unicast_ether_addr(&c->mac)))
			return fail(err, errlen,
				"unicast MAC xx:xx:xx:xx:xx:xx expected, not "
				"'%s'",
				w[4]);
		return 0;
	}
	if (!strcmp(w[3], "vlan")) {
		c->kind = PFD_CMD_SET_VLAN;
		if (!strcmp(w[4], "0")) {
			c->vlan = 0;
			return 0;
		}
		if (igb_pf_parse_vlan(w[4], &c->vlan) != 0)
			return fail(err, errlen,
				"VLAN 0..4094 expected, not '%s'", w[4]);
		return 0;
	}
	if (!strcmp(w[3], "trust") || !strcmp(w[3], "spoofchk")) {
		c->kind = w[3][0] == 't' ? PFD_CMD_SET_TRUST
					 : PFD_CMD_SET_SPOOFCHK;
		if (igb_pf_parse_bool(w[4], &c->on) != 0)
			return fail(err, errlen, "on or off expected, not '%s'",
				w[4]);
		return 0;
	}
	if (!strcmp(w[3], "state")) {
		c->kind = PFD_CMD_SET_STATE;
		if (!strcmp(w[4], "enable"))
			c->on = true;
		else if (!strcmp(w[4], "disable"))
			c->on = false;
		else
			return fail(err, errlen,
				"enable or disable expected, not '%s'", w[4]);
		return 0;
	}
	return fail(err, errlen, "unknown VF setting '%s'", w[3]);
}

/* "vf N" after a command word, or nothing. */
static int
opt_vf(char **w, int n, struct pfd_cmd *c, char *err, size_t errlen)
{
	if (n == 1)
		return 0;
	if (n != 3 || strcmp(w[1], "vf") != 0)
		return fail(err, errlen, "usage: %s [vf N]", w[0]);
	if (parse_vf(w[2], &c->vf) != 0)
		return fail(
			err, errlen, "VF number 0..6 expected, not '%s'", w[2]);
	return 0;
}

int
pfd_cmd_parse(const char *line, struct pfd_cmd *c, char *err, size_t errlen)
{
	char buf[256], *w[MAX_WORDS], *save = NULL, *tok;
	int n = 0;

	memset(c, 0, sizeof(*c));
	c->vf = -1;
	if (strlen(line) >= sizeof(buf))
		return fail(err, errlen, "line too long%s", "");
	strcpy(buf, line);
	for (tok = strtok_r(buf, " \t\r\n", &save); tok != NULL;
		tok = strtok_r(NULL, " \t\r\n", &save)) {
		if (n == MAX_WORDS)
			return fail(err, errlen, "too many words%s", "");
		w[n++] = tok;
	}
	if (n == 0)
		return 0;
	if (!strcmp(w[0], "help") && n == 1) {
		c->kind = PFD_CMD_HELP;
		return 0;
	}
	if ((!strcmp(w[0], "quit") || !strcmp(w[0], "exit")) && n == 1) {
		c->kind = PFD_CMD_QUIT;
		return 0;
	}
	if (!strcmp(w[0], "show")) {
		if (n == 2 && !strcmp(w[1], "vfs")) {
			c->kind = PFD_CMD_SHOW_VFS;
			return 0;
		}
		if (n == 3 && !strcmp(w[1], "vf")) {
			c->kind = PFD_CMD_SHOW_VF;
			if (parse_vf(w[2], &c->vf) != 0)
				return fail(err, errlen,
					"VF number 0..6 expected, not '%s'",
					w[2]);
			return 0;
		}
		return fail(err, errlen, "usage: show vfs | show vf N%s", "");
	}
	if (!strcmp(w[0], "stats")) {
		c->kind = PFD_CMD_STATS;
		return opt_vf(w, n, c, err, errlen);
	}
	if (!strcmp(w[0], "ping")) {
		c->kind = PFD_CMD_PING;
		return opt_vf(w, n, c, err, errlen);
	}
	if (!strcmp(w[0], "mbx") && n == 1) {
		c->kind = PFD_CMD_MBX;
		return 0;
	}
	if (!strcmp(w[0], "set"))
		return parse_set(w, n, c, err, errlen);
	return fail(err, errlen, "unknown command '%s' (try help)", w[0]);
}
