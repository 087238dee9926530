/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Minimal checks for the PF unit tests: each check prints what it
 * verified; a failure prints expected vs seen and the test exits 1.
 */
#ifndef IGB_PF_TEST_CHECK_H
#define IGB_PF_TEST_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned int check_passed;
static unsigned int check_failed;

#define CHECK_EQ(what, expected, seen) \
	do { \
		long long e_ = (long long)(expected); \
		long long s_ = (long long)(seen); \
		if (e_ == s_) { \
			check_passed++; \
			printf("ok   %s = %lld\n", (what), s_); \
		} else { \
			check_failed++; \
			printf("FAIL %s: expected %lld (0x%llx), seen %lld " \
			       "(0x%llx)" \
			       " at %s:%d\n", \
				(what), e_, (unsigned long long)e_, s_, \
				(unsigned long long)s_, __FILE__, __LINE__); \
		} \
	} while (0)

#define CHECK(what, cond) CHECK_EQ(what, 1, !!(cond))

static inline int
check_summary(const char *name)
{
	printf("%s: %u checks passed, %u failed\n", name, check_passed,
		check_failed);
	return check_failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif /* IGB_PF_TEST_CHECK_H */
