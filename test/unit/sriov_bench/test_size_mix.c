/* SPDX-License-Identifier: BSD-3-Clause */
/* Size mix: parsing, weights, and the interleaved sending pattern. */
#include <stdio.h>

#include "igb_check.h"
#include "size_mix.h"

static void
test_imix(void)
{
	/* Smooth weighted round-robin of 7:4:1, worked out by hand. */
	static const uint16_t expected[12] = {
		64,
		576,
		64,
		64,
		576,
		64,
		1500,
		64,
		576,
		64,
		576,
		64,
	};
	struct size_mix m;
	char err[128], what[64];
	unsigned int i, run = 0, longest = 0;

	CHECK_EQ("64:7,576:4,1500:1 parses", 0,
		(uint64_t)size_mix_parse(
			&m, "64:7,576:4,1500:1", err, sizeof(err)));
	CHECK_EQ("3 entries", 3, m.nb_entries);
	CHECK_EQ("entry 1 size 576", 576, m.size[1]);
	CHECK_EQ("entry 1 weight 4", 4, m.weight[1]);
	CHECK_EQ("pattern length = sum of weights", 12, m.pattern_len);
	for (i = 0; i < 12; i++) {
		snprintf(what, sizeof(what), "pattern[%u]", i);
		CHECK_EQ(what, expected[i], m.pattern[i]);
	}
	for (i = 0; i < m.pattern_len; i++) {
		run = i > 0 && m.pattern[i] == m.pattern[i - 1] ? run + 1 : 1;
		if (run > longest)
			longest = run;
	}
	CHECK_EQ("no more than 2 equal sizes in a row", 2, longest);
	CHECK_EQ("min size 64", 64, size_mix_min(&m));
	CHECK_EQ("max size 1500", 1500, size_mix_max(&m));
}

static void
test_counts(void)
{
	struct size_mix m;
	char err[128];
	unsigned int i, n64 = 0, n128 = 0, n9600 = 0;

	CHECK_EQ("64:500,128:499,9600 parses (bare size = weight 1)", 0,
		(uint64_t)size_mix_parse(
			&m, "64:500,128:499,9600", err, sizeof(err)));
	for (i = 0; i < m.pattern_len; i++) {
		n64 += m.pattern[i] == 64;
		n128 += m.pattern[i] == 128;
		n9600 += m.pattern[i] == 9600;
	}
	CHECK_EQ("pattern length 1000", 1000, m.pattern_len);
	CHECK_EQ("64 appears 500 times", 500, n64);
	CHECK_EQ("128 appears 499 times", 499, n128);
	CHECK_EQ("9600 appears once", 1, n9600);

	size_mix_single(&m, 256);
	CHECK_EQ("single size: one entry", 1, m.nb_entries);
	CHECK_EQ("single size: pattern of 1", 1, m.pattern_len);
	CHECK_EQ("single size: pattern holds it", 256, m.pattern[0]);
	CHECK_EQ("full 1024 weight accepted", 0,
		(uint64_t)size_mix_parse(
			&m, "64:1000,128:24", err, sizeof(err)));
	CHECK_EQ("  pattern of 1024", 1024, m.pattern_len);
}

static void
test_errors(void)
{
	static const struct {
		const char *spec;
		const char *message;
	} bad[] = {
		{"", "empty size mix"},
		{",", "bad size mix entry ''"},
		{"64:", "bad size mix entry '64:'"},
		{":3", "bad size mix entry ':3'"},
		{"64:-1", "bad size mix entry '64:-1'"},
		{"+64", "bad size mix entry '+64'"},
		{"64 :1", "bad size mix entry '64 :1'"},
		{"63:1", "size 63 out of range 64..9600"},
		{"9601", "size 9601 out of range 64..9600"},
		{"64:1025", "weight 1025 of size 64 out of range 1..1024"},
		{"64:1,128:0", "weight 0 of size 128 out of range"},
		{"64:600,128:425", "weights add up to more than 1024"},
	};
	struct size_mix m;
	char err[128], what[96];
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "'%s' refused", bad[i].spec);
		CHECK_EQ(what, (uint64_t)-1,
			(uint64_t)size_mix_parse(
				&m, bad[i].spec, err, sizeof(err)));
		snprintf(what, sizeof(what), "  with \"%s\"", bad[i].message);
		CHECK_CONTAINS(what, bad[i].message, err);
	}
}

int
main(void)
{
	test_imix();
	test_counts();
	test_errors();
	return check_exit();
}
