/* SPDX-License-Identifier: BSD-3-Clause */
/* A fuzz input read as a byte stream: past its end every byte reads 0. */
#ifndef IGB_FUZZ_INPUT_H
#define IGB_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

struct input {
	const uint8_t *p;
	size_t n;
};

static inline uint8_t
next(struct input *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

/* Two bytes, little-endian. */
static inline uint16_t
next_half(struct input *in)
{
	uint16_t lo = next(in);

	return lo | (uint16_t)(next(in) << 8);
}

/* Four bytes, little-endian. */
static inline uint32_t
next_word(struct input *in)
{
	uint32_t w = 0;
	unsigned int i;

	for (i = 0; i < 4; i++)
		w |= (uint32_t)next(in) << (8 * i);
	return w;
}

#endif /* IGB_FUZZ_INPUT_H */
