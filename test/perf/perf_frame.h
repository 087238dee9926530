/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Test traffic of the ring harness: one IPv4/UDP frame template per size,
 * each copy stamped with a sequence number so that both ends of the model
 * can tell which frame they hold.
 */
#ifndef PERF_FRAME_H
#define PERF_FRAME_H

#include <stdbool.h>
#include <stdint.h>

#define PERF_FRAME_MIN 60 /* 64 B on the wire, FCS stripped */
#define PERF_FRAME_MAX 1514 /* 1518 B on the wire */
#define PERF_FRAME_SEQ_OFF 42 /* first UDP payload byte */

struct perf_frame {
	uint8_t bytes[PERF_FRAME_MAX];
	uint16_t len;
};

/* Build the template for a frame of len bytes (without FCS). */
int perf_frame_init(struct perf_frame *f, uint16_t len);

/* Copy the template to buf and stamp it with seq. */
void perf_frame_write(const struct perf_frame *f, void *buf, uint32_t seq);

/* Does buf (len bytes) hold the template stamped with seq? Prints what
 * differs, prefixed by who, when it does not. */
bool perf_frame_check(const struct perf_frame *f, const void *buf, uint16_t len,
	uint32_t seq, const char *who);

#endif /* PERF_FRAME_H */
