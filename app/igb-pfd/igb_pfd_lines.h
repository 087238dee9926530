/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igb-pfd's prompt input: command lines taken from a file descriptor
 * (stdin) with a bounded wait, so the prompt loop keeps its cadence.
 * Input is read with read(2) into a buffer of our own and split here:
 * however many lines one write brought, each is returned without waiting
 * for more input (stdio would hold them where poll(2) cannot see them).
 */
#ifndef IGB_PFD_LINES_H
#define IGB_PFD_LINES_H

#include <stdbool.h>
#include <stddef.h>

/* Longest line taken, its newline included. */
#define PFD_LINE_MAX 256

enum pfd_line_status {
	PFD_LINE_READY, /* *line is the next line, its newline removed */
	PFD_LINE_WAIT, /* no complete line within the wait */
	PFD_LINE_TOO_LONG, /* a line over PFD_LINE_MAX - 1: dropped to its end */
	PFD_LINE_EOF, /* the input ended; every line was returned */
};

struct pfd_lines {
	int fd;
	size_t start; /* first byte of buf not returned yet */
	size_t len; /* bytes held in buf */
	bool skip; /* dropping the rest of a line too long */
	bool eof;
	char buf[PFD_LINE_MAX];
};

/*
 * Lines from fd. A closed fd is held on /dev/null (end of input) so that
 * no file opened later takes its number: call this before rte_eal_init().
 */
void pfd_lines_init(struct pfd_lines *in, int fd);

/*
 * The next line: one already read, else what one read(2) brings within
 * timeout_ms. A last line without its newline comes before PFD_LINE_EOF.
 * *line stays valid until the next call.
 */
enum pfd_line_status pfd_lines_next(
	struct pfd_lines *in, int timeout_ms, const char **line);

#endif /* IGB_PFD_LINES_H */
