/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igb-pfd's prompt input: command lines taken from a file descriptor
 * (stdin) with a bounded wait, so the prompt loop keeps its cadence.
 */
#ifndef IGB_PFD_LINES_H
#define IGB_PFD_LINES_H

#include <stdbool.h>
#include <stdio.h>

/* Longest line taken, its newline included. */
#define PFD_LINE_MAX 256

enum pfd_line_status {
	PFD_LINE_READY, /* *line is the next line, its newline removed */
	PFD_LINE_WAIT, /* no complete line within the wait */
	PFD_LINE_EOF, /* the input ended; every line was returned */
};

struct pfd_lines {
	int fd;
	FILE *f;
	bool eof;
	char buf[PFD_LINE_MAX];
};

void pfd_lines_init(struct pfd_lines *in, int fd);

/*
 * The next line, waiting at most timeout_ms for input. *line stays valid
 * until the next call.
 */
enum pfd_line_status pfd_lines_next(
	struct pfd_lines *in, int timeout_ms, const char **line);

#endif /* IGB_PFD_LINES_H */
