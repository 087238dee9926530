/* SPDX-License-Identifier: BSD-3-Clause */
/* Ring arithmetic: wrap, ranges, Rx tail placement and batching, Tx free
 * count and clean threshold. */
#include "igb_check.h"
#include "igb_ring.h"

int
main(void)
{
	CHECK_EQ("add without wrap", 7, igb_ring_add(3, 4, 512));
	CHECK_EQ("add wrapping", 2, igb_ring_add(510, 4, 512));
	CHECK_EQ("add to exactly the size wraps to 0", 0,
		igb_ring_add(500, 12, 512));
	CHECK_EQ("next at the end wraps", 0, igb_ring_next(511, 512));
	CHECK_EQ("next inside", 12, igb_ring_next(11, 512));
	CHECK_EQ("dist forward", 5, igb_ring_dist(3, 8, 512));
	CHECK_EQ("dist across the wrap", 6, igb_ring_dist(509, 3, 512));
	CHECK_EQ("dist of an empty range", 0, igb_ring_dist(9, 9, 512));
	CHECK("in range across the wrap", igb_ring_in_range(1, 509, 3, 512));
	CHECK("end excluded", !igb_ring_in_range(3, 509, 3, 512));
	CHECK("before start excluded", !igb_ring_in_range(508, 509, 3, 512));
	CHECK("empty range holds nothing", !igb_ring_in_range(9, 9, 9, 512));

	/* All slots armed at start: the tail leaves the last one out. */
	CHECK_EQ("Rx tail when nothing taken", 511,
		igb_rx_tail_after_refill(0, 512));
	CHECK_EQ("Rx tail after refilling up to slot 32", 31,
		igb_rx_tail_after_refill(32, 512));
	CHECK("no refill below the threshold", !igb_rx_refill_due(31, 32));
	CHECK("refill at the threshold", igb_rx_refill_due(32, 32));

	CHECK_EQ("Tx free with nothing in flight", 511,
		igb_tx_free_count(0, 512));
	CHECK_EQ(
		"Tx free with 100 in flight", 411, igb_tx_free_count(100, 512));
	CHECK("no clean while free >= threshold", !igb_tx_clean_due(32, 32));
	CHECK("clean when free < threshold", igb_tx_clean_due(31, 32));
	return check_exit();
}
