/* SPDX-License-Identifier: BSD-3-Clause */
/* Tiny assertion helpers for the sriov-bench unit tests: every check
 * prints what it verified; a failure shows expected and seen values and
 * makes check_exit() return non-zero. */
#ifndef SRIOV_BENCH_TEST_CHECK_H
#define SRIOV_BENCH_TEST_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static unsigned int check_count;
static unsigned int check_failed;

static inline void
check_result(int ok, const char *what)
{
	check_count++;
	if (!ok)
		check_failed++;
	printf("%s %s\n", ok ? "ok  " : "FAIL", what);
}

static inline void
check_u64(const char *what, uint64_t expected, uint64_t seen)
{
	check_result(expected == seen, what);
	if (expected != seen)
		printf("     expected %" PRIu64 ", seen %" PRIu64 "\n",
			expected, seen);
}

static inline void
check_dbl(const char *what, double expected, double seen, double tol)
{
	double d = expected - seen;
	int ok = d <= tol && d >= -tol;

	check_result(ok, what);
	if (!ok)
		printf("     expected %.9g (+/- %g), seen %.9g\n", expected,
			tol, seen);
}

static inline void
check_str(const char *what, const char *expected, const char *seen)
{
	int ok = seen != NULL && strcmp(expected, seen) == 0;

	check_result(ok, what);
	if (!ok)
		printf("     expected \"%s\"\n     seen     \"%s\"\n", expected,
			seen != NULL ? seen : "(null)");
}

/* seen contains the substring expected. */
static inline void
check_contains(const char *what, const char *expected, const char *seen)
{
	int ok = seen != NULL && strstr(seen, expected) != NULL;

	check_result(ok, what);
	if (!ok)
		printf("     expected to contain \"%s\"\n     seen \"%s\"\n",
			expected, seen != NULL ? seen : "(null)");
}

static inline int
check_exit(void)
{
	printf("%u checks, %u failed\n", check_count, check_failed);
	return check_failed == 0 ? 0 : 1;
}

#endif
