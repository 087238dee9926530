/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_OUT_FILE_H
#define SRIOV_BENCH_OUT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * A report file (--json, --plot) opened before the run, so a path that
 * cannot be written is refused before any traffic, and written only at
 * the end. An existing file keeps its contents until then; a file the
 * bench created is removed again if the run fails before writing it.
 */
struct out_file {
	const char *opt; /* "json", "plot": for messages */
	const char *path; /* NULL: not asked for */
	int fd;
	bool created;
};

/* Open (or create) path for writing; on error a message in err. */
int out_file_open(struct out_file *f, const char *opt, const char *path,
	char *err, size_t err_len);

/*
 * Replace the file's contents with what fn writes to the stream (fn
 * returns 0 or -1), then close it. Returns 0, or -1 after printing an
 * error naming the option and file.
 */
int out_file_write(
	struct out_file *f, int (*fn)(FILE *s, void *arg), void *arg);

/* The run failed before writing: close, and remove what we created. */
void out_file_abandon(struct out_file *f);

#endif
