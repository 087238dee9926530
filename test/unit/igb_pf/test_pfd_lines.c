/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igb-pfd's prompt input driven through real pipes: what a script or a
 * FIFO writes in one go, lines split over writes, a line too long, a last
 * line without its newline, and stdin on /dev/null or closed.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "igb_check.h"
#include "igb_pfd_lines.h"

/* The prompt loop's wait. */
#define WAIT_MS 200

/* A reader that blocks stops the prompt loop: fail instead of hanging. */
static void
on_alarm(int sig)
{
	static const char msg[] = "FAIL the reader blocked for 5 s\n";

	(void)sig;
	if (write(STDOUT_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(2);
	_exit(1);
}

struct pipe_in {
	int rd, wr;
	struct pfd_lines in;
};

static void
pipe_open(struct pipe_in *p)
{
	int fds[2];

	if (pipe(fds) != 0) {
		perror("pipe");
		exit(1);
	}
	p->rd = fds[0];
	p->wr = fds[1];
	pfd_lines_init(&p->in, p->rd);
}

static void
pipe_close(struct pipe_in *p)
{
	if (p->wr >= 0)
		close(p->wr);
	close(p->rd);
}

/* One write(2) of all of s, as a script's printf or echo does. */
static void
put(struct pipe_in *p, const char *s)
{
	size_t n = strlen(s);

	if (write(p->wr, s, n) != (ssize_t)n) {
		perror("write");
		exit(1);
	}
}

static const char *
status_name(enum pfd_line_status st)
{
	switch (st) {
	case PFD_LINE_READY:
		return "READY";
	case PFD_LINE_WAIT:
		return "WAIT";
	case PFD_LINE_TOO_LONG:
		return "TOO_LONG";
	case PFD_LINE_EOF:
		return "EOF";
	}
	return "?";
}

static void
expect_line(struct pipe_in *p, const char *what, const char *want)
{
	const char *line = NULL;
	char w[300];
	enum pfd_line_status st = pfd_lines_next(&p->in, WAIT_MS, &line);

	snprintf(w, sizeof(w), "%s: a line (%s)", what, status_name(st));
	CHECK_EQ(w, PFD_LINE_READY, st);
	if (st != PFD_LINE_READY)
		return;
	snprintf(w, sizeof(w), "%s: '%.40s' is '%.40s'", what, line, want);
	CHECK(w, strcmp(line, want) == 0);
}

static void
expect_status(struct pipe_in *p, const char *what, enum pfd_line_status want)
{
	const char *line = NULL;
	enum pfd_line_status st = pfd_lines_next(&p->in, WAIT_MS, &line);
	char w[300];

	snprintf(w, sizeof(w), "%s: %s (%s)", what, status_name(want),
		status_name(st));
	CHECK_EQ(w, want, st);
}

static void
test_one_write(void)
{
	struct pipe_in p;

	/* printf 'help\nquit\n' | igb-pfd: both in the pipe at once. */
	pipe_open(&p);
	put(&p, "help\nquit\n");
	expect_line(&p, "one write: first", "help");
	expect_line(&p, "one write: second, no more input", "quit");
	expect_status(&p, "one write: then nothing", PFD_LINE_WAIT);
	put(&p, "show vfs\n\nmbx\n");
	expect_line(&p, "three lines: first", "show vfs");
	expect_line(&p, "three lines: empty", "");
	expect_line(&p, "three lines: third", "mbx");
	pipe_close(&p);
}

static void
test_split(void)
{
	struct pipe_in p;

	pipe_open(&p);
	put(&p, "sh");
	expect_status(&p, "half a line: no line yet", PFD_LINE_WAIT);
	put(&p, "ow vf 1\nst");
	expect_line(&p, "its rest", "show vf 1");
	put(&p, "ats\n");
	expect_line(&p, "next line over two writes", "stats");
	pipe_close(&p);
}

static void
test_too_long(void)
{
	char big[3 * PFD_LINE_MAX], w[80];
	enum pfd_line_status st = PFD_LINE_WAIT;
	const char *line = NULL;
	struct pipe_in p;
	int i;

	pipe_open(&p);
	/* The longest line taken: PFD_LINE_MAX - 1 characters. */
	memset(big, 'a', PFD_LINE_MAX - 1);
	strcpy(big + PFD_LINE_MAX - 1, "\n");
	put(&p, big);
	snprintf(w, sizeof(w), "%d characters", PFD_LINE_MAX - 1);
	big[PFD_LINE_MAX - 1] = '\0';
	expect_line(&p, w, big);

	/* One more: refused once, the line after it intact. */
	memset(big, 'b', PFD_LINE_MAX);
	strcpy(big + PFD_LINE_MAX, "\nhelp\n");
	put(&p, big);
	snprintf(w, sizeof(w), "%d characters: too long", PFD_LINE_MAX);
	expect_status(&p, w, PFD_LINE_TOO_LONG);
	expect_line(&p, "the line after the long one", "help");

	/*
	 * Three buffers' worth in one write, its end in another: one
	 * refusal, then the next line. Each call reads once, so dropping
	 * the rest takes calls that see no line (WAIT, at once: the pipe
	 * holds data); more than a few would mean it is not dropped.
	 */
	memset(big, 'c', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	put(&p, big);
	expect_status(&p, "long line, first buffer", PFD_LINE_TOO_LONG);
	put(&p, "ccc\nquit\n");
	for (i = 0; i < 8; i++) {
		st = pfd_lines_next(&p.in, WAIT_MS, &line);
		if (st != PFD_LINE_WAIT)
			break;
	}
	CHECK("long line: its rest dropped within 8 reads", i < 8);
	CHECK_EQ("long line: after its rest, a line (not refused again)",
		PFD_LINE_READY, st);
	CHECK("long line: the line after it is 'quit'",
		st == PFD_LINE_READY && strcmp(line, "quit") == 0);
	pipe_close(&p);
}

static void
test_eof(void)
{
	struct pipe_in p;

	pipe_open(&p);
	put(&p, "help\nquit");
	close(p.wr);
	p.wr = -1;
	expect_line(&p, "EOF: full line", "help");
	expect_line(&p, "EOF: last line without newline", "quit");
	expect_status(&p, "EOF: then the end", PFD_LINE_EOF);
	expect_status(&p, "EOF: and stays there", PFD_LINE_EOF);
	pipe_close(&p);
}

static void
test_dev_null(void)
{
	struct pfd_lines in;
	const char *line;
	int fd = open("/dev/null", O_RDONLY);

	CHECK("/dev/null opens", fd >= 0);
	pfd_lines_init(&in, fd);
	CHECK_EQ("stdin on /dev/null: the end", PFD_LINE_EOF,
		pfd_lines_next(&in, WAIT_MS, &line));
	close(fd);
}

/*
 * igb-pfd started with stdin closed: fd 0 is the lowest free fd, and the
 * first file opened after it (EAL's runtime config) would take it and be
 * read at the prompt. Here: the lowest free fd, then a pipe holding
 * "quit" opened after the reader, standing for EAL's file.
 */
static void
test_closed(void)
{
	const char *line = NULL;
	enum pfd_line_status st;
	struct pfd_lines in;
	int fd, other[2], i;
	char w[80];

	fd = open("/dev/null", O_RDONLY);
	CHECK("a free fd found", fd >= 0);
	close(fd);
	pfd_lines_init(&in, fd);
	if (pipe(other) != 0) {
		perror("pipe");
		exit(1);
	}
	if (write(other[1], "quit\n", 5) != 5) {
		perror("write");
		exit(1);
	}
	CHECK("closed fd: a file opened later does not get it",
		other[0] != fd && other[1] != fd);
	for (i = 0; i < 2; i++) {
		st = pfd_lines_next(&in, WAIT_MS, &line);
		snprintf(w, sizeof(w), "closed fd: call %d: EOF (%s%s%s)",
			i + 1, status_name(st), st == PFD_LINE_READY ? " " : "",
			st == PFD_LINE_READY ? line : "");
		CHECK_EQ(w, PFD_LINE_EOF, st);
	}
	close(other[0]);
	close(other[1]);
	close(fd);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGALRM, on_alarm);
	alarm(5);
	test_one_write();
	test_eof();
	test_dev_null();
	test_closed();
	test_too_long();
	test_split();
	return check_exit();
}
