/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Assertions of the host unit tests. A check that holds prints
 * "ok   WHAT" (and the value, for CHECK_EQ); one that fails prints
 * "FAIL file:line: WHAT" with the values it compared, and is counted.
 * main() ends with "return check_exit();": the totals, and exit status 1
 * if any check failed. Each macro evaluates its arguments once and yields
 * whether the check held. The counts are the test program's (igb_check.c),
 * so a fixture file linked beside the test checks into the same totals.
 * Checks are made from the test's main thread.
 */
#ifndef IGB_CHECK_H
#define IGB_CHECK_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

/* WHAT holds: COND is true. */
#define CHECK(what, cond) \
	check_true_(__FILE__, __LINE__, (what), #cond, (cond) != 0)

/* Integers (of any type, compared as 64 bits): SEEN equals EXPECTED. */
#define CHECK_EQ(what, expected, seen) \
	check_eq_(__FILE__, __LINE__, (what), (uint64_t)(expected), \
		(uint64_t)(seen), CHECK_SIGNED_(seen))

/* SEEN is within TOL of EXPECTED. */
#define CHECK_DBL(what, expected, seen, tol) \
	check_dbl_(__FILE__, __LINE__, (what), (expected), (seen), (tol))

/* SEEN is the string EXPECTED. */
#define CHECK_STR(what, expected, seen) \
	check_str_(__FILE__, __LINE__, (what), (expected), (seen), false)

/* SEEN contains the string EXPECTED. */
#define CHECK_CONTAINS(what, expected, seen) \
	check_str_(__FILE__, __LINE__, (what), (expected), (seen), true)

/* Printed signed or not as the type of x is (x is not evaluated). */
/* clang-format off */
#define CHECK_SIGNED_(x) \
	_Generic((x), \
		signed char: true, \
		short: true, \
		int: true, \
		long: true, \
		long long: true, \
		char: CHAR_MIN < 0, \
		default: false)
/* clang-format on */

/* The totals; main()'s exit status. */
int check_exit(void);

/* The macros' implementations. */
bool check_true_(const char *file, int line, const char *what, const char *expr,
	bool ok);
bool check_eq_(const char *file, int line, const char *what, uint64_t expected,
	uint64_t seen, bool is_signed);
bool check_dbl_(const char *file, int line, const char *what, double expected,
	double seen, double tol);
bool check_str_(const char *file, int line, const char *what,
	const char *expected, const char *seen, bool part);

#endif /* IGB_CHECK_H */
