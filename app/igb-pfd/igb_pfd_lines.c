/* SPDX-License-Identifier: BSD-3-Clause */
#include <poll.h>
#include <string.h>

#include "igb_pfd_lines.h"

void
pfd_lines_init(struct pfd_lines *in, int fd)
{
	in->fd = fd;
	in->f = fdopen(fd, "r");
	in->eof = in->f == NULL;
}

enum pfd_line_status
pfd_lines_next(struct pfd_lines *in, int timeout_ms, const char **line)
{
	struct pollfd p = {.fd = in->fd, .events = POLLIN};

	if (in->eof)
		return PFD_LINE_EOF;
	if (poll(&p, 1, timeout_ms) <= 0)
		return PFD_LINE_WAIT;
	if (fgets(in->buf, sizeof(in->buf), in->f) == NULL) {
		in->eof = true;
		return PFD_LINE_EOF;
	}
	in->buf[strcspn(in->buf, "\n")] = '\0';
	*line = in->buf;
	return PFD_LINE_READY;
}
