/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdlib.h>

#include "app_parse.h"

static uint64_t
si_multiplier(char c)
{
	switch (c) {
	case 'k':
	case 'K':
		return 1000;
	case 'M':
		return 1000000;
	case 'G':
		return 1000000000;
	}
	return 0;
}

int
app_parse_u64(const char *s, bool si_suffix, uint64_t min, uint64_t max,
	uint64_t *out)
{
	unsigned long long v;
	uint64_t mult = 1;
	char *end;

	/* strtoull alone would take blanks, a sign and wrap "-1". */
	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -EINVAL;
	if (si_suffix && *end != '\0' && end[1] == '\0') {
		mult = si_multiplier(*end);
		if (mult == 0)
			return -EINVAL;
		end++;
	}
	if (*end != '\0' || (v != 0 && mult > UINT64_MAX / v))
		return -EINVAL;
	v *= mult;
	if (v < min || v > max)
		return -ERANGE;
	*out = v;
	return 0;
}
