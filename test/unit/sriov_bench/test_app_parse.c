/* SPDX-License-Identifier: BSD-3-Clause */
/* app_parse_u64, the tools' one reading of a command-line number. */
#include <errno.h>
#include <stdio.h>

#include "app_parse.h"
#include "igb_check.h"

/* Parses s; *out starts at 7 to show what an error leaves. */
static int
parse(const char *s, bool si, uint64_t min, uint64_t max, uint64_t *out)
{
	*out = 7;
	return app_parse_u64(s, si, min, max, out);
}

static void
expect_value(const char *s, bool si, uint64_t expected)
{
	char what[128];
	uint64_t v;

	snprintf(what, sizeof(what), "'%s'%s reads", s, si ? " (k/M/G)" : "");
	CHECK_EQ(what, 0, (uint64_t)parse(s, si, 0, UINT64_MAX, &v));
	snprintf(what, sizeof(what), "  as %llu", (unsigned long long)expected);
	CHECK_EQ(what, expected, v);
}

static void
expect_error(const char *s, bool si, uint64_t min, uint64_t max, int err)
{
	char what[160];
	uint64_t v;

	snprintf(what, sizeof(what), "'%s'%s in %llu..%llu: %s", s,
		si ? " (k/M/G)" : "", (unsigned long long)min,
		(unsigned long long)max,
		err == -EINVAL ? "not a number" : "out of range");
	CHECK_EQ(what, (uint64_t)(int64_t)err,
		(uint64_t)(int64_t)parse(s, si, min, max, &v));
	CHECK_EQ("  leaves *out alone", 7, v);
}

int
main(void)
{
	expect_value("0", false, 0);
	expect_value("42", false, 42);
	expect_value("007", false, 7); /* decimal, not octal */
	expect_value("18446744073709551615", false, UINT64_MAX);
	expect_value("3k", true, 3000);
	expect_value("3K", true, 3000);
	expect_value("2M", true, 2000000);
	expect_value("4G", true, 4000000000ULL);
	expect_value("0G", true, 0);
	expect_value("18446744073G", true, 18446744073000000000ULL);

	expect_error("", false, 0, UINT64_MAX, -EINVAL);
	expect_error("-1", false, 0, UINT64_MAX, -EINVAL);
	expect_error("+1", false, 0, UINT64_MAX, -EINVAL);
	expect_error(" 1", false, 0, UINT64_MAX, -EINVAL);
	expect_error("1 ", false, 0, UINT64_MAX, -EINVAL);
	expect_error("0x10", false, 0, UINT64_MAX, -EINVAL);
	expect_error("1.5", false, 0, UINT64_MAX, -EINVAL);
	expect_error("18446744073709551616", false, 0, UINT64_MAX, -EINVAL);
	expect_error("3k", false, 0, UINT64_MAX, -EINVAL);
	expect_error("3m", true, 0, UINT64_MAX, -EINVAL);
	expect_error("3kk", true, 0, UINT64_MAX, -EINVAL);
	expect_error("k", true, 0, UINT64_MAX, -EINVAL);
	expect_error("18446744074G", true, 0, UINT64_MAX, -EINVAL);

	expect_error("0", false, 1, 10, -ERANGE);
	expect_error("11", false, 1, 10, -ERANGE);
	expect_error("2k", true, 1, 1999, -ERANGE);
	{
		uint64_t v;

		CHECK_EQ("'1' at min 1", 0,
			(uint64_t)parse("1", false, 1, 10, &v));
		CHECK_EQ("'10' at max 10", 0,
			(uint64_t)parse("10", false, 1, 10, &v));
		CHECK_EQ("  reads 10", 10, v);
	}
	return check_exit();
}
