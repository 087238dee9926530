/* SPDX-License-Identifier: BSD-3-Clause */
/* Rate pacing arithmetic: packets due, credit cap, no drift. */
#include "igb_check.h"
#include "pacing.h"

static void
test_due(void)
{
	CHECK_EQ("1 ms at 1 Mpps, 1 GHz: 1000 due", 1000,
		pacer_due(1000000, 1000000000, 1000000));
	CHECK_EQ("just under one packet time: 0 due", 0,
		pacer_due(999, 1000000000, 1000000));
	CHECK_EQ("exactly one packet time: 1 due", 1,
		pacer_due(1000, 1000000000, 1000000));
	CHECK_EQ("3 pps at 10 Hz after 4 cycles: floor(1.2) = 1", 1,
		pacer_due(4, 10, 3));
	CHECK_EQ("3 pps at 10 Hz after 7 cycles: floor(2.1) = 2", 2,
		pacer_due(7, 10, 3));
	CHECK_EQ("rate above TSC frequency: 2 per cycle", 20,
		pacer_due(10, 1000, 2000));
	/* 10 hours at 3 GHz and 1 Gpps: elapsed * pps is ~1e23. */
	CHECK_EQ("10 h at 1 Gpps, 3 GHz TSC: exact, no overflow",
		36000ULL * 1000000000ULL,
		pacer_due(36000ULL * 3000000000ULL, 3000000000ULL,
			1000000000ULL));
	CHECK_EQ("10 h + 1/3 s at 1 Gpps, 3 GHz TSC",
		36000ULL * 1000000000ULL + 333333333ULL,
		pacer_due(36000ULL * 3000000000ULL + 1000000000ULL,
			3000000000ULL, 1000000000ULL));
}

static void
test_credit(void)
{
	struct pacer p;

	pacer_init(&p, 1000000000, 1000, 32, 5000);
	CHECK_EQ("no credit at the start", 0, pacer_credit(&p, 5000));
	CHECK_EQ("1 credit after 1 ms at 1000 pps", 1,
		pacer_credit(&p, 5000 + 1000000));
	pacer_consume(&p, 1);
	CHECK_EQ("spent: no credit in the same ms", 0,
		pacer_credit(&p, 5000 + 1999999));
	CHECK_EQ("10 credits after 11 ms, 1 spent", 10,
		pacer_credit(&p, 5000 + 11000000));
	/* A 1 s stall would be 999 packets behind: capped at 32, and the
	 * rate goes on from there instead of catching up. */
	CHECK_EQ("after a 1 s stall credit is capped at 32", 32,
		pacer_credit(&p, 5000 + 1011000000ULL));
	pacer_consume(&p, 32);
	CHECK_EQ("  then none", 0, pacer_credit(&p, 5000 + 1011000000ULL));
	CHECK_EQ("  then 1 per ms again", 1,
		pacer_credit(&p, 5000 + 1012000000ULL));

	pacer_init(&p, 1000000000, 0, 32, 0);
	CHECK_EQ("unlimited rate: always the cap", 32, pacer_credit(&p, 0));
	pacer_consume(&p, 1000000);
	CHECK_EQ("unlimited rate: still the cap after sending", 32,
		pacer_credit(&p, 1));
}

static void
test_no_drift(void)
{
	struct pacer p;
	uint64_t t, sent = 0;

	/* 12345 pps over 1 s polled every microsecond at a 1 GHz TSC: the
	 * packet time (81004.45 cycles) is fractional, the total exact. */
	pacer_init(&p, 1000000000, 12345, 4, 0);
	for (t = 0; t <= 1000000000; t += 1000) {
		uint64_t c = pacer_credit(&p, t);

		pacer_consume(&p, c);
		sent += c;
	}
	CHECK_EQ("12345 pps for 1 s sends exactly 12345", 12345, sent);

	/* Polling slower than the packet time: credit builds to the cap
	 * but whole-second totals stay exact. */
	pacer_init(&p, 1000000000, 100000, 64, 0);
	sent = 0;
	for (t = 0; t <= 2000000000; t += 500000) {
		uint64_t c = pacer_credit(&p, t);

		pacer_consume(&p, c);
		sent += c;
	}
	CHECK_EQ("100 kpps polled every 0.5 ms for 2 s: 200000", 200000, sent);
}

static void
test_default_cap(void)
{
	CHECK_EQ("cap at 20 kpps: 10 ms = 200 packets", 200,
		pacer_default_cap(20000, 32));
	CHECK_EQ("cap at 1 kpps: one burst (32) beats 10 ms", 32,
		pacer_default_cap(1000, 32));
	CHECK_EQ("cap when unlimited: one burst", 64, pacer_default_cap(0, 64));
}

int
main(void)
{
	test_default_cap();
	test_due();
	test_credit();
	test_no_drift();
	return check_exit();
}
