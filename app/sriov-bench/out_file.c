/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "out_file.h"

int
out_file_open(struct out_file *f, const char *opt, const char *path, char *err,
	size_t err_len)
{
	f->opt = opt;
	f->path = path;
	f->fd = -1;
	f->created = false;
	if (path == NULL)
		return 0;
	/* Not O_TRUNC: an existing report survives a run that fails. */
	f->fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (f->fd >= 0)
		f->created = true;
	else if (errno == EEXIST)
		f->fd = open(path, O_WRONLY | O_CLOEXEC);
	if (f->fd < 0) {
		snprintf(err, err_len, "--%s %s: %s", opt, path,
			strerror(errno));
		return -1;
	}
	return 0;
}

int
out_file_write(struct out_file *f, int (*fn)(FILE *s, void *arg), void *arg)
{
	FILE *s;
	int ret;

	if (f->fd < 0)
		return 0;
	if (ftruncate(f->fd, 0) != 0 || (s = fdopen(f->fd, "w")) == NULL) {
		fprintf(stderr, "sriov-bench: error: --%s %s: %s\n", f->opt,
			f->path, strerror(errno));
		out_file_abandon(f);
		return -1;
	}
	f->fd = -1;
	ret = fn(s, arg);
	if (fflush(s) != 0 || ferror(s))
		ret = -1;
	if (fclose(s) != 0 || ret != 0) {
		fprintf(stderr, "sriov-bench: error: --%s %s: write failed\n",
			f->opt, f->path);
		return -1;
	}
	return 0;
}

void
out_file_abandon(struct out_file *f)
{
	if (f->fd < 0)
		return;
	close(f->fd);
	f->fd = -1;
	if (f->created)
		unlink(f->path);
}
