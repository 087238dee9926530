/* SPDX-License-Identifier: BSD-3-Clause */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "igb_check.h"

static unsigned int check_count;
static unsigned int check_failed;

/* Counts a check and starts its line; the caller ends it. */
static bool
check_begin(bool ok, const char *file, int line, const char *what)
{
	check_count++;
	if (ok) {
		printf("ok   %s", what);
	} else {
		check_failed++;
		printf("FAIL %s:%d: %s", file, line, what);
	}
	return ok;
}

bool
check_true_(
	const char *file, int line, const char *what, const char *expr, bool ok)
{
	if (check_begin(ok, file, line, what))
		printf("\n");
	else
		printf(": false: %s\n", expr);
	return ok;
}

static void
print_int(uint64_t v, bool is_signed)
{
	if (is_signed)
		printf("%" PRId64, (int64_t)v);
	else
		printf("%" PRIu64, v);
}

bool
check_eq_(const char *file, int line, const char *what, uint64_t expected,
	uint64_t seen, bool is_signed)
{
	if (check_begin(expected == seen, file, line, what)) {
		printf(" = ");
		print_int(seen, is_signed);
		printf("\n");
		return true;
	}
	printf(": expected ");
	print_int(expected, is_signed);
	printf(" (0x%" PRIx64 "), seen ", expected);
	print_int(seen, is_signed);
	printf(" (0x%" PRIx64 ")\n", seen);
	return false;
}

bool
check_dbl_(const char *file, int line, const char *what, double expected,
	double seen, double tol)
{
	double d = expected - seen;
	bool ok = d <= tol && d >= -tol;

	if (check_begin(ok, file, line, what))
		printf("\n");
	else
		printf(": expected %.9g (+/- %g), seen %.9g\n", expected, tol,
			seen);
	return ok;
}

bool
check_str_(const char *file, int line, const char *what, const char *expected,
	const char *seen, bool part)
{
	bool ok = seen != NULL &&
		(part ? strstr(seen, expected) != NULL
		      : strcmp(expected, seen) == 0);

	if (check_begin(ok, file, line, what))
		printf("\n");
	else
		printf(": expected %s\"%s\", seen \"%s\"\n",
			part ? "to contain " : "", expected,
			seen != NULL ? seen : "(null)");
	return ok;
}

int
check_exit(void)
{
	printf("%u checks, %u failed\n", check_count, check_failed);
	return check_failed == 0 ? 0 : 1;
}
