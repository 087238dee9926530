/* SPDX-License-Identifier: BSD-3-Clause */
/* Latency probe matching: nonce, sequence numbers out, duplicates. */
#include "igb_check.h"
#include "probe.h"

#define NONCE 0x5eed5eed12345678ULL

static struct pkt_bench_hdr
hdr(uint32_t seq, uint64_t nonce)
{
	return (struct pkt_bench_hdr){
		.magic = PKT_BENCH_MAGIC, .seq = seq, .nonce = nonce};
}

static bool
match(struct probe_table *t, uint32_t seq, uint64_t nonce, uint64_t *tsc)
{
	struct pkt_bench_hdr h = hdr(seq, nonce);

	return probe_match(t, &h, tsc);
}

static void
test_match(void)
{
	struct probe_table t;
	uint64_t tsc = 0;

	CHECK_EQ("table of 16 slots", 0,
		(uint64_t)probe_table_init(&t, NONCE, 16));
	CHECK("nothing sent: no match", !match(&t, 0, NONCE, &tsc));
	probe_sent(&t, 3, 1000);
	CHECK("wrong nonce (an earlier run): no match",
		!match(&t, 3, NONCE ^ 1, &tsc));
	CHECK("sequence number never sent: no match",
		!match(&t, 4, NONCE, &tsc));
	CHECK("same slot, other sequence number: no match",
		!match(&t, 3 + 16, NONCE, &tsc));
	CHECK("probe out: match", match(&t, 3, NONCE, &tsc));
	CHECK_EQ("  its send time", 1000, tsc);
	CHECK("the same probe again (duplicate): no match",
		!match(&t, 3, NONCE, &tsc));

	probe_sent(&t, 5, 2000);
	probe_sent(&t, 5, 2500);
	CHECK("resent probe: match", match(&t, 5, NONCE, &tsc));
	CHECK_EQ("  with the last send time", 2500, tsc);

	probe_sent(&t, 6, 3000);
	probe_sent(&t, 6 + 16, 3100);
	CHECK("probe evicted by one a table later: no match",
		!match(&t, 6, NONCE, &tsc));
	CHECK("the later one matches", match(&t, 6 + 16, NONCE, &tsc));
	CHECK_EQ("  its send time", 3100, tsc);

	probe_sent(&t, 7, 4000);
	probe_cancel(&t, 7 + 16);
	CHECK("cancel of another sequence number leaves the probe",
		match(&t, 7, NONCE, &tsc));
	probe_sent(&t, 8, 5000);
	probe_cancel(&t, 8);
	CHECK("cancelled (never sent): no match", !match(&t, 8, NONCE, &tsc));
	probe_table_free(&t);
}

int
main(void)
{
	test_match();
	return check_exit();
}
