/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Command-line numbers of the tools (sriov-bench, rogue-vf, igb-perf):
 * one reading of a count for all of them.
 */
#ifndef APP_PARSE_H
#define APP_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Reads s as an unsigned decimal: digits only (no sign, blank or base
 * prefix) and, with si_suffix, one trailing k or K (10^3), M (10^6) or
 * G (10^9). Returns 0 and sets *out when the value is in min..max;
 * -EINVAL when s is not such a number or its value does not fit in 64
 * bits; -ERANGE when it is outside min..max. *out is left alone on error.
 */
int app_parse_u64(const char *s, bool si_suffix, uint64_t min, uint64_t max,
	uint64_t *out);

#endif /* APP_PARSE_H */
