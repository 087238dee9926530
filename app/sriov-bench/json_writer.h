/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_JSON_WRITER_H
#define SRIOV_BENCH_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 16

/*
 * Streaming JSON writer with two-space indentation. Misuse (a value
 * where a key is due, unbalanced ends, nesting too deep) is recorded and
 * reported by json_finish rather than producing silently broken output.
 */
struct json_writer {
	FILE *f;
	unsigned int depth;
	bool in_object[JSON_MAX_DEPTH + 1];
	bool has_items[JSON_MAX_DEPTH + 1];
	bool key_pending;
	bool misuse;
};

void json_init(struct json_writer *w, FILE *f);
/* 0 if the document is complete and was written without error. */
int json_finish(struct json_writer *w);

void json_object_begin(struct json_writer *w);
void json_object_end(struct json_writer *w);
void json_array_begin(struct json_writer *w);
void json_array_end(struct json_writer *w);
void json_key(struct json_writer *w, const char *key);

void json_string(struct json_writer *w, const char *s);
void json_uint(struct json_writer *w, uint64_t v);
void json_int(struct json_writer *w, int64_t v);
/* NaN and infinities have no JSON form: written as null. */
void json_double(struct json_writer *w, double v);
void json_bool(struct json_writer *w, bool v);
void json_null(struct json_writer *w);

/* Write s as a quoted JSON string: control characters escaped, invalid
 * UTF-8 bytes replaced by U+FFFD. */
void json_write_escaped(FILE *f, const char *s);

#endif
