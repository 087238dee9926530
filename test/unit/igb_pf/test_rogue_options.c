/* SPDX-License-Identifier: BSD-3-Clause */
/* Command line of rogue-vf: the values it reads and the ones it refuses. */
#include <stdio.h>
#include <string.h>

#include "igb_check.h"
#include "options.h"

#define MAX_ARGS 16

static char err[256];

/* Parses "--pci 0000:00:04.0 --vf-token T" followed by extra words. */
static int
parse(struct rogue_opts *o, const char *extra)
{
	static char buf[512];
	char *argv[MAX_ARGS];
	char *tok;
	int argc = 0;

	snprintf(buf, sizeof(buf), "--pci 0000:00:04.0 --vf-token T %s", extra);
	argv[argc++] = (char *)"rogue-vf";
	for (tok = strtok(buf, " "); tok != NULL && argc < MAX_ARGS - 1;
		tok = strtok(NULL, " "))
		argv[argc++] = tok;
	argv[argc] = NULL;
	err[0] = '\0';
	return rogue_opts_parse(o, argc, argv, err, sizeof(err));
}

static void
expect_refused(const char *extra, const char *needle)
{
	struct rogue_opts o;
	char what[320];

	snprintf(what, sizeof(what), "'%s' refused", extra);
	CHECK_EQ(what, -1, parse(&o, extra));
	snprintf(what, sizeof(what), "  error names \"%s\" (%s)", needle, err);
	CHECK(what, strstr(err, needle) != NULL);
}

static void
test_other_mac(void)
{
	struct rogue_opts o;

	CHECK_EQ("--other-mac 02:00:00:00:00:aB parses", 0,
		parse(&o, "--other-mac 02:00:00:00:00:aB"));
	CHECK_EQ("  have_other_mac", 1, o.ctx.have_other_mac);
	CHECK_EQ("  byte 0", 0x02, o.ctx.other_mac[0]);
	CHECK_EQ("  byte 5 (mixed case)", 0xab, o.ctx.other_mac[5]);
	/* DPDK's rte_ether_unformat_addr also reads three 16-bit groups. */
	CHECK_EQ("--other-mac 0a0b:0c0d:0e0f parses", 0,
		parse(&o, "--other-mac 0a0b:0c0d:0e0f"));
	CHECK_EQ("  byte 0", 0x0a, o.ctx.other_mac[0]);
	CHECK_EQ("  byte 5", 0x0f, o.ctx.other_mac[5]);
	/* A multicast address is a request a hostile VF may try. */
	CHECK_EQ("--other-mac 01:00:5e:00:00:01 parses", 0,
		parse(&o, "--other-mac 01:00:5e:00:00:01"));

	expect_refused("--other-mac 02:00:00:00:00", "is not XX:XX");
	expect_refused("--other-mac 02-00-00-00-00-01", "is not XX:XX");
	expect_refused("--other-mac 02:00:00:00:00:01x", "is not XX:XX");
	expect_refused("--other-mac 02:00:00:00:00:001", "is not XX:XX");
	expect_refused("--other-mac 2:00:00:00:00:01", "is not XX:XX");
	/* sscanf's %x took a sign, a 0x prefix and blanks before. */
	expect_refused("--other-mac +2:00:00:00:00:01", "is not XX:XX");
	expect_refused("--other-mac 0x:00:00:00:00:01", "is not XX:XX");
	expect_refused("--other-mac 02:00:00:00:00:-1", "is not XX:XX");
}

static void
test_numbers(void)
{
	struct rogue_opts o;

	CHECK_EQ("defaults parse", 0, parse(&o, ""));
	CHECK_EQ("  seed 1", 1, o.seed);
	CHECK_EQ("  random count 200", 200, o.random_count);
	CHECK_EQ("  timeout 2000 ms", 2000, o.timeout_ms);
	CHECK_EQ("--seed 18446744073709551615 parses", 0,
		parse(&o, "--seed 18446744073709551615"));
	CHECK("  seed UINT64_MAX", o.seed == UINT64_MAX);
	/* Decimal, as every tool reads numbers (app_parse_u64). */
	CHECK_EQ("--seed 010 parses", 0, parse(&o, "--seed 010"));
	CHECK_EQ("  seed 10, not octal 8", 10, o.seed);
	CHECK_EQ("--random-count 10000000 parses", 0,
		parse(&o, "--random-count 10000000"));
	CHECK_EQ("  random count 10000000", 10000000, o.random_count);
	CHECK_EQ("--flood-count 0 parses", 0, parse(&o, "--flood-count 0"));
	CHECK_EQ("  flood count 0", 0, o.flood_count);

	expect_refused("--seed 0", "is not a number > 0");
	expect_refused("--seed -1", "is not a number > 0");
	expect_refused("--seed 18446744073709551616", "is not a number > 0");
	expect_refused("--seed 12x", "is not a number > 0");
	expect_refused("--seed 0x10", "is not a number > 0");
	expect_refused("--random-count +5", "is not a number 0..10000000");
	expect_refused(
		"--random-count 10000001", "is not a number 0..10000000");
	expect_refused("--flood-count -5", "is not a number 0..10000000");
	expect_refused("--timeout-ms 0", "--timeout-ms must be > 0");
}

int
main(void)
{
	test_other_mac();
	test_numbers();
	return check_exit();
}
