/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "size_mix.h"

/*
 * Spread the sizes over the pattern by smooth weighted round-robin: each
 * slot goes to the entry with the most accumulated credit, so a 7:4:1 mix
 * never sends seven small frames in a row.
 */
static void
size_mix_build_pattern(struct size_mix *mix)
{
	int credit[SIZE_MIX_MAX_ENTRIES] = {0};
	unsigned int total = 0;
	unsigned int i, slot;

	for (i = 0; i < mix->nb_entries; i++)
		total += mix->weight[i];
	for (slot = 0; slot < total; slot++) {
		unsigned int best = 0;

		for (i = 0; i < mix->nb_entries; i++) {
			credit[i] += mix->weight[i];
			if (credit[i] > credit[best])
				best = i;
		}
		credit[best] -= (int)total;
		mix->pattern[slot] = mix->size[best];
	}
	mix->pattern_len = total;
}

void
size_mix_single(struct size_mix *mix, uint16_t size)
{
	memset(mix, 0, sizeof(*mix));
	mix->nb_entries = 1;
	mix->size[0] = size;
	mix->weight[0] = 1;
	size_mix_build_pattern(mix);
}

static int
parse_uint(const char *s, const char *end, unsigned long *val)
{
	char *stop;

	if (s == end || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	*val = strtoul(s, &stop, 10);
	if (errno != 0 || stop != end)
		return -1;
	return 0;
}

int
size_mix_parse(
	struct size_mix *mix, const char *spec, char *err, size_t err_len)
{
	const char *p = spec;
	unsigned int total = 0;

	memset(mix, 0, sizeof(*mix));
	if (*spec == '\0') {
		snprintf(err, err_len, "empty size mix");
		return -1;
	}
	for (;;) {
		const char *end = strchr(p, ',');
		const char *colon;
		unsigned long size, weight = 1;

		if (end == NULL)
			end = p + strlen(p);
		colon = memchr(p, ':', end - p);
		if (parse_uint(p, colon != NULL ? colon : end, &size) < 0 ||
			(colon != NULL &&
				parse_uint(colon + 1, end, &weight) < 0)) {
			snprintf(err, err_len,
				"bad size mix entry '%.*s' (want SIZE:WEIGHT)",
				(int)(end - p), p);
			return -1;
		}
		if (size < SIZE_MIX_MIN_FRAME || size > SIZE_MIX_MAX_FRAME) {
			snprintf(err, err_len, "size %lu out of range %u..%u",
				size, SIZE_MIX_MIN_FRAME, SIZE_MIX_MAX_FRAME);
			return -1;
		}
		if (weight == 0 || weight > SIZE_MIX_MAX_PATTERN) {
			snprintf(err, err_len,
				"weight %lu of size %lu out of range 1..%u",
				weight, size, SIZE_MIX_MAX_PATTERN);
			return -1;
		}
		if (mix->nb_entries == SIZE_MIX_MAX_ENTRIES) {
			snprintf(err, err_len, "more than %u sizes in the mix",
				SIZE_MIX_MAX_ENTRIES);
			return -1;
		}
		total += weight;
		if (total > SIZE_MIX_MAX_PATTERN) {
			snprintf(err, err_len, "weights add up to more than %u",
				SIZE_MIX_MAX_PATTERN);
			return -1;
		}
		mix->size[mix->nb_entries] = (uint16_t)size;
		mix->weight[mix->nb_entries] = (uint16_t)weight;
		mix->nb_entries++;
		if (*end == '\0')
			break;
		p = end + 1;
	}
	size_mix_build_pattern(mix);
	return 0;
}

uint16_t
size_mix_max(const struct size_mix *mix)
{
	uint16_t max = 0;
	unsigned int i;

	for (i = 0; i < mix->nb_entries; i++)
		if (mix->size[i] > max)
			max = mix->size[i];
	return max;
}

uint16_t
size_mix_min(const struct size_mix *mix)
{
	uint16_t min = UINT16_MAX;
	unsigned int i;

	for (i = 0; i < mix->nb_entries; i++)
		if (mix->size[i] < min)
			min = mix->size[i];
	return min;
}
