/* SPDX-License-Identifier: BSD-3-Clause */
/* Device argument parsing of net_igb_pf. */
#include <errno.h>
#include <string.h>

#include "igb_check.h"
#include "igb_pf_devargs.h"

static void
expect_error(const char *args, const char *needle)
{
	struct igb_pf_devargs da;
	char err[256];
	char what[320];
	int ret;

	ret = igb_pf_devargs_parse(args, &da, err, sizeof(err));
	snprintf(what, sizeof(what), "\"%s\" refused", args);
	CHECK_EQ(what, -EINVAL, ret);
	snprintf(what, sizeof(what), "\"%s\" error names \"%s\" (%s)", args,
		needle, err);
	CHECK(what, strstr(err, needle) != NULL);
	snprintf(what, sizeof(what), "\"%s\" leaves no VF count", args);
	CHECK_EQ(what, 0, da.num_vfs);
}

int
main(void)
{
	struct igb_pf_devargs da;
	char err[256];
	unsigned int n;
	int ret;

	for (n = 1; n <= 7; n++) {
		char args[32], what[64];

		snprintf(args, sizeof(args), "num_vfs=%u", n);
		ret = igb_pf_devargs_parse(args, &da, err, sizeof(err));
		snprintf(what, sizeof(what), "%s accepted", args);
		CHECK_EQ(what, 0, ret);
		CHECK_EQ("parsed VF count", n, da.num_vfs);
	}
	expect_error("num_vfs=0", "1..7");
	expect_error("num_vfs=8", "1..7");
	expect_error("num_vfs=-1", "1..7");
	expect_error("num_vfs=abc", "not a number");
	expect_error("num_vfs=2x", "not a number");
	expect_error("num_vfs=", "num_vfs");
	expect_error("num_vfs=2,vf0_mac=01:00:5e:00:00:01", "vf0_mac");
	expect_error("num_vfs=2,vf0_mac=02:00:00:00:00", "vf0_mac");
	expect_error("num_vfs=2,vf0_mac=00:00:00:00:00:00", "vf0_mac");
	expect_error("num_vfs=2,vf0_mac=02-00-00-00-00-01", "vf0_mac");
	expect_error("num_vfs=2,vf0_mac=02:00:00:00:00:01x", "vf0_mac");
	expect_error("num_vfs=2,vf0_mac=02:00:00:00:00:001", "vf0_mac");
	expect_error("num_vfs=2,vf0_mac=2:00:00:00:00:01", "vf0_mac");
	expect_error("num_vfs=2,vf0_mac=0100:5e00:0001", "vf0_mac");
	expect_error("num_vfs=2,vf0_mac", "vf0_mac");
	expect_error("num_vfs=2,vf1_vlan=4096", "vf1_vlan");
	expect_error("num_vfs=2,vf1_vlan=0", "vf1_vlan");
	expect_error("num_vfs=2,vf1_trust=maybe", "vf1_trust");
	expect_error("num_vfs=2,vf7_trust=on", "vf7_trust");
	expect_error("num_vfs=2,vf10_trust=on", "vf10_trust");
	expect_error("num_vfs=2,colour=red", "colour");
	expect_error("num_vfs=2,vf<N>_trust=on", "vf<N>_trust");
	expect_error("num_vfs=2,vf0_=on", "vf0_");
	expect_error("keep_vfs=perhaps", "keep_vfs");

	ret = igb_pf_devargs_parse(NULL, &da, err, sizeof(err));
	CHECK_EQ("no devargs", 0, ret);
	CHECK_EQ("no devargs: VF count not given", 0, da.num_vfs);
	CHECK_EQ("no devargs: trust not given", -1, da.vf[0].trust);

	ret = igb_pf_devargs_parse("num_vfs=2,keep_vfs=on,"
				   "vf0_mac=02:00:00:00:00:1A,vf1_vlan=100,"
				   "vf1_trust=on,vf0_spoofchk=off",
		&da, err, sizeof(err));
	CHECK_EQ("full devargs", 0, ret);
	CHECK_EQ("keep_vfs", 1, da.keep_vfs);
	CHECK_EQ("vf0 MAC given", 1, da.vf[0].has_mac);
	CHECK_EQ("vf0 MAC last byte", 0x1a, da.vf[0].mac[5]);
	CHECK_EQ("vf1 port VLAN", 100, da.vf[1].vlan);
	CHECK_EQ("vf1 trust", 1, da.vf[1].trust);
	CHECK_EQ("vf0 spoofchk", 0, da.vf[0].spoofchk);
	CHECK_EQ("vf1 spoofchk not given", -1, da.vf[1].spoofchk);
	CHECK_EQ("per-VF keys within 2 VFs", 0,
		igb_pf_devargs_check_vfs(&da, 2, err, sizeof(err)));
	CHECK_EQ("per-VF keys with 1 VF", -EINVAL,
		igb_pf_devargs_check_vfs(&da, 1, err, sizeof(err)));
	CHECK("error names vf1", strstr(err, "vf1") != NULL);

	/* DPDK's rte_ether_unformat_addr also reads three 16-bit groups. */
	ret = igb_pf_devargs_parse(
		"num_vfs=1,vf0_mac=0200:0000:002b", &da, err, sizeof(err));
	CHECK_EQ("vf0_mac in 3 groups", 0, ret);
	CHECK_EQ("vf0_mac 3 groups: byte 0", 0x02, da.vf[0].mac[0]);
	CHECK_EQ("vf0_mac 3 groups: byte 5", 0x2b, da.vf[0].mac[5]);
	return check_exit();
}
