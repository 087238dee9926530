/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "igb_pfd_lines.h"

void
pfd_lines_init(struct pfd_lines *in, int fd)
{
	int null;

	memset(in, 0, sizeof(*in));
	in->fd = fd;
	if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
		return;
	/*
	 * Not open (stdin closed): the next file the process opens would
	 * get it, EAL's runtime config for one, and be read as commands.
	 * Hold it on /dev/null; it is the end of input either way.
	 */
	in->eof = true;
	null = open("/dev/null", O_RDONLY);
	if (null >= 0 && null != fd) {
		dup2(null, fd);
		close(null);
	}
}

/* The next complete line held, dropping what a line too long left. */
static enum pfd_line_status
take(struct pfd_lines *in, const char **line)
{
	char *s = in->buf + in->start, *nl;
	size_t n = in->len - in->start;

	while ((nl = memchr(s, '\n', n)) != NULL) {
		*nl = '\0';
		in->start += (size_t)(nl - s) + 1;
		if (!in->skip) {
			*line = s;
			return PFD_LINE_READY;
		}
		in->skip = false;
		s = nl + 1;
		n = in->len - in->start;
	}
	/* No newline held: keep the start of the line for the next read. */
	memmove(in->buf, s, n);
	in->start = 0;
	in->len = in->skip ? 0 : n;
	if (in->len == sizeof(in->buf)) {
		in->len = 0;
		in->skip = true;
		return PFD_LINE_TOO_LONG;
	}
	return PFD_LINE_WAIT;
}

enum pfd_line_status
pfd_lines_next(struct pfd_lines *in, int timeout_ms, const char **line)
{
	struct pollfd p = {.fd = in->fd, .events = POLLIN};
	enum pfd_line_status st = take(in, line);
	ssize_t n;

	if (st != PFD_LINE_WAIT)
		return st;
	if (!in->eof) {
		n = poll(&p, 1, timeout_ms);
		if (n == 0 || (n < 0 && errno == EINTR))
			return PFD_LINE_WAIT;
		/* Readable, hung up or not open: read(2) says which. */
		if (n > 0)
			n = read(in->fd, in->buf + in->len,
				sizeof(in->buf) - in->len);
		if (n > 0) {
			in->len += (size_t)n;
			return take(in, line);
		}
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			return PFD_LINE_WAIT;
		in->eof = true;
	}
	/* take() left less than a buffer, so the end fits. */
	if (in->len > 0) {
		in->buf[in->len] = '\0';
		in->len = 0;
		*line = in->buf;
		return PFD_LINE_READY;
	}
	return PFD_LINE_EOF;
}
