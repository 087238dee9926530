/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A fake sysfs tree in a temporary folder for the tests of code that reads
 * and writes sysfs (VF provisioning, igb-pfd's checks). Paths are relative
 * to fake_root; the PF is BDF.
 */
#ifndef IGB_PF_TEST_FAKE_SYSFS_H
#define IGB_PF_TEST_FAKE_SYSFS_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BDF "0000:01:00.0"

static char root[256];

/* Creates the temporary root named after the test; exits on failure. */
static void
fake_root_init(const char *name)
{
	snprintf(root, sizeof(root), "%s/%s.XXXXXX",
		getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name);
	if (mkdtemp(root) == NULL) {
		perror("mkdtemp");
		exit(EXIT_FAILURE);
	}
}

static void
fake_root_remove(void)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("note: could not remove %s\n", root);
}

static void
put(const char *rel, const char *val)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		exit(EXIT_FAILURE);
	}
	fputs(val, f);
	fclose(f);
}

static void
mkdirs(const char *rel)
{
	char path[PATH_MAX];
	char *p;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (p = path + strlen(root) + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	}
	mkdir(path, 0755);
}

/* The PF's driver link points at drivers/<drv>. */
static void
bind_to(const char *drv)
{
	char link[PATH_MAX], target[PATH_MAX];

	snprintf(link, sizeof(link), "%s/bus/pci/devices/" BDF "/driver", root);
	snprintf(target, sizeof(target), "../../../../bus/pci/drivers/%s", drv);
	unlink(link);
	if (symlink(target, link) != 0) {
		perror(link);
		exit(EXIT_FAILURE);
	}
}

/* The PF's sriov_numvfs: 999 if unreadable, 998 if not a number. */
static inline unsigned int
numvfs(void)
{
	char path[PATH_MAX];
	unsigned int n = 999;
	FILE *f;

	snprintf(path, sizeof(path), "%s/bus/pci/devices/" BDF "/sriov_numvfs",
		root);
	f = fopen(path, "r");
	if (f != NULL) {
		if (fscanf(f, "%u", &n) != 1)
			n = 998;
		fclose(f);
	}
	return n;
}

#endif /* IGB_PF_TEST_FAKE_SYSFS_H */
