/* SPDX-License-Identifier: BSD-3-Clause */
/* igb-pfd: prompt commands and command line. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "igb_check.h"
#include "igb_pfd_cmd.h"
#include "igb_pfd_opts.h"

static void
ok_cmd(const char *line, enum pfd_cmd_kind kind, int vf, struct pfd_cmd *c)
{
	char err[256], what[300];
	int ret = pfd_cmd_parse(line, c, err, sizeof(err));

	snprintf(what, sizeof(what), "'%s' parses", line);
	CHECK_EQ(what, 0, ret);
	snprintf(what, sizeof(what), "'%s' kind", line);
	CHECK_EQ(what, kind, c->kind);
	snprintf(what, sizeof(what), "'%s' VF", line);
	CHECK_EQ(what, vf, c->vf);
}

static void
bad_cmd(const char *line, const char *needle)
{
	struct pfd_cmd c;
	char err[256] = "", what[400];
	int ret = pfd_cmd_parse(line, &c, err, sizeof(err));

	snprintf(what, sizeof(what), "'%s' refused", line);
	CHECK_EQ(what, -EINVAL, ret);
	snprintf(what, sizeof(what), "'%s' error mentions '%s' (%s)", line,
		needle, err);
	CHECK(what, strstr(err, needle) != NULL);
}

static int
opts(const char *const *args, int n, struct pfd_opts *o, char *err)
{
	char *argv[16];
	int i;

	for (i = 0; i < n; i++)
		argv[i] = (char *)(uintptr_t)args[i];
	argv[n] = NULL;
	return pfd_opts_parse(n, argv, o, err, 256);
}

int
main(void)
{
	struct pfd_cmd c;
	struct pfd_opts o;
	char err[256];

	ok_cmd("", PFD_CMD_NONE, -1, &c);
	ok_cmd("show vfs", PFD_CMD_SHOW_VFS, -1, &c);
	ok_cmd("  show   vf 3 \t", PFD_CMD_SHOW_VF, 3, &c);
	ok_cmd("stats", PFD_CMD_STATS, -1, &c);
	ok_cmd("stats vf 1", PFD_CMD_STATS, 1, &c);
	ok_cmd("ping", PFD_CMD_PING, -1, &c);
	ok_cmd("ping vf 0", PFD_CMD_PING, 0, &c);
	ok_cmd("mbx", PFD_CMD_MBX, -1, &c);
	ok_cmd("quit", PFD_CMD_QUIT, -1, &c);
	ok_cmd("set vf 1 mac 02:00:00:00:00:AB", PFD_CMD_SET_MAC, 1, &c);
	CHECK_EQ("MAC last byte", 0xab, c.mac.addr_bytes[5]);
	ok_cmd("set vf 1 mac 00:00:00:00:00:00", PFD_CMD_SET_MAC, 1, &c);
	CHECK("zero MAC (unpin)", rte_is_zero_ether_addr(&c.mac));
	/* DPDK's rte_ether_unformat_addr also reads three 16-bit groups. */
	ok_cmd("set vf 1 mac 0200:0000:00cd", PFD_CMD_SET_MAC, 1, &c);
	CHECK_EQ("3-group MAC byte 0", 0x02, c.mac.addr_bytes[0]);
	CHECK_EQ("3-group MAC byte 5", 0xcd, c.mac.addr_bytes[5]);
	ok_cmd("set vf 0 vlan 100", PFD_CMD_SET_VLAN, 0, &c);
	CHECK_EQ("VLAN", 100, c.vlan);
	ok_cmd("set vf 0 vlan 0", PFD_CMD_SET_VLAN, 0, &c);
	CHECK_EQ("VLAN 0 removes", 0, c.vlan);
	ok_cmd("set vf 6 trust on", PFD_CMD_SET_TRUST, 6, &c);
	CHECK_EQ("trust on", 1, c.on);
	ok_cmd("set vf 2 spoofchk off", PFD_CMD_SET_SPOOFCHK, 2, &c);
	CHECK_EQ("spoofchk off", 0, c.on);
	ok_cmd("set vf 2 state disable", PFD_CMD_SET_STATE, 2, &c);
	CHECK_EQ("state disable", 0, c.on);

	bad_cmd("set vf 7 trust on", "0..6");
	bad_cmd("set vf -1 trust on", "0..6");
	bad_cmd("set vf x trust on", "0..6");
	bad_cmd("set vf 1 mac 01:00:5e:00:00:01", "unicast");
	bad_cmd("set vf 1 mac 02:00:00:00:00", "unicast");
	bad_cmd("set vf 1 mac 02-00-00-00-00-01", "unicast");
	bad_cmd("set vf 1 mac 02:00:00:00:00:01x", "unicast");
	bad_cmd("set vf 1 mac 0100:5e00:0001", "unicast");
	bad_cmd("set vf 1 vlan 4096", "0..4094");
	bad_cmd("set vf 1 vlan 4095", "0..4094");
	bad_cmd("set vf 1 trust maybe", "on or off");
	bad_cmd("set vf 1 state up", "enable or disable");
	bad_cmd("set vf 1 colour red", "colour");
	bad_cmd("set vf 1 trust", "usage");
	bad_cmd("show", "usage");
	bad_cmd("stats vf", "usage");
	bad_cmd("frobnicate", "frobnicate");

	{
		const char *a[] = {"--", "--pci", "0000:01:00.0", "--num-vfs",
			"2", "--vf", "0,mac=02:00:00:00:00:10,trust=on", "--vf",
			"1,vlan=100", "--keep-vfs"};

		CHECK_EQ("full command line", 0, opts(a, 10, &o, err));
		CHECK("devargs built",
			!strcmp(o.devargs,
				"0000:01:00.0,num_vfs=2,keep_vfs=on,"
				"vf0_mac=02:00:00:00:00:10,vf0_trust=on,vf1_"
				"vlan=100"));
		printf("     devargs: %s\n", o.devargs);
		CHECK_EQ(
			"--num-vfs 2 kept for the pre-EAL check", 2, o.num_vfs);
	}
	{
		const char *a[] = {"--", "--pci", "0000:01:00.0"};

		CHECK_EQ("PCI only", 0, opts(a, 3, &o, err));
		CHECK("devargs = PCI", !strcmp(o.devargs, "0000:01:00.0"));
		CHECK_EQ("no --num-vfs: 0", 0, o.num_vfs);
	}
	{
		const char *a[] = {
			"--", "--pci", "0000:01:00.0", "--num-vfs", "abc"};

		CHECK_EQ("--num-vfs abc", -EINVAL, opts(a, 5, &o, err));
		CHECK("error says not a number", strstr(err, "not a number"));
	}
	{
		const char *a[] = {
			"--", "--pci", "0000:01:00.0", "--num-vfs", "0"};

		CHECK_EQ("--num-vfs 0", -EINVAL, opts(a, 5, &o, err));
		CHECK("error gives the range", strstr(err, "1..7"));
	}
	{
		const char *a[] = {"--", "--num-vfs", "2"};

		CHECK_EQ("no --pci", -EINVAL, opts(a, 3, &o, err));
		CHECK("error asks for --pci", strstr(err, "--pci"));
	}
	{
		const char *a[] = {
			"--", "--pci", "0000:01:00.0", "--vf", "9,trust=on"};

		CHECK_EQ("--vf 9", -EINVAL, opts(a, 5, &o, err));
		CHECK("error gives the VF range", strstr(err, "0..6"));
	}
	{
		const char *a[] = {
			"--", "--pci", "0000:01:00.0", "--vf", "1,trust"};

		CHECK_EQ("--vf without value", -EINVAL, opts(a, 5, &o, err));
		CHECK("error asks KEY=VALUE", strstr(err, "KEY=VALUE"));
	}
	{
		const char *a[] = {"--", "--pci", "0000:01:00.0", "--bogus"};

		CHECK_EQ("unknown option", -EINVAL, opts(a, 4, &o, err));
		CHECK("error names it", strstr(err, "--bogus"));
	}
	return check_exit();
}
