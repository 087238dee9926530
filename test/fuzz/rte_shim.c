/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one EAL function the mailbox and register code references:
 * igb_delay_us() falls back to it when no register model is attached.
 * The fuzzer always attaches one, so reaching this is a bug; linking
 * the whole of libdpdk for it is not worth its start-up cost.
 */
#include <stdlib.h>

#include <rte_cycles.h>

void
rte_delay_us_block(unsigned int us)
{
	(void)us;
	abort();
}
