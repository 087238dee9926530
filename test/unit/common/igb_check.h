/* SPDX-License-Identifier: BSD-3-Clause */
/* Assertion helpers for the igb unit tests: each check prints what it
 * verified; a failure prints expected and seen and makes check_exit()
 * return non-zero. */
#ifndef IGB_CHECK_H
#define IGB_CHECK_H

#include <inttypes.h>
#include <stdio.h>

static unsigned int checks_run;
static unsigned int checks_failed;

static inline void
check_u64(const char *what, uint64_t expected, uint64_t seen)
{
	checks_run++;
	if (expected == seen) {
		printf("ok   %s = %" PRIu64 "\n", what, seen);
		return;
	}
	checks_failed++;
	printf("FAIL %s: expected %" PRIu64 " (0x%" PRIx64 "), seen %" PRIu64
	       " (0x%" PRIx64 ")\n",
		what, expected, expected, seen, seen);
}

static inline void
check_i64(const char *what, int64_t expected, int64_t seen)
{
	checks_run++;
	if (expected == seen) {
		printf("ok   %s = %" PRId64 "\n", what, seen);
		return;
	}
	checks_failed++;
	printf("FAIL %s: expected %" PRId64 ", seen %" PRId64 "\n", what,
		expected, seen);
}

static inline void
check_true(const char *what, int cond)
{
	checks_run++;
	if (!cond)
		checks_failed++;
	printf("%s %s\n", cond ? "ok  " : "FAIL", what);
}

static inline int
check_exit(void)
{
	printf("%u checks, %u failed\n", checks_run, checks_failed);
	return checks_failed ? 1 : 0;
}

#endif /* IGB_CHECK_H */
