/* SPDX-License-Identifier: BSD-3-Clause */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_uuid.h>

#include "igb_pf_sysfs.h"
#include "igb_pfd_check.h"

const char *
pfd_eal_opt(int argc, char **argv, const char *name, bool *present)
{
	size_t len = strlen(name);
	int i;

	*present = false;
	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], name, len) != 0)
			continue;
		if (argv[i][len] == '=') {
			*present = true;
			return argv[i][len + 1] ? argv[i] + len + 1 : NULL;
		}
		if (argv[i][len] == '\0') {
			*present = true;
			return i + 1 < argc ? argv[i + 1] : NULL;
		}
	}
	return NULL;
}

static int
check_token(int argc, char **argv, bool *have, char *err, size_t errlen)
{
	const char *tok;
	rte_uuid_t u;
	bool present;

	tok = pfd_eal_opt(argc, argv, "--vfio-vf-token", &present);
	*have = tok != NULL;
	if (present && tok == NULL) {
		snprintf(err, errlen, "--vfio-vf-token needs a UUID");
		return -EINVAL;
	}
	if (tok != NULL && rte_uuid_parse(tok, u) != 0) {
		snprintf(err, errlen, "--vfio-vf-token %s is not a UUID", tok);
		return -EINVAL;
	}
	return 0;
}

/* 1 if dir (any mount point when NULL) is a hugetlbfs mount. */
static int
hugetlbfs_at(const char *mounts, const char *dir, char *err, size_t errlen)
{
	char line[PATH_MAX + 256], mnt[PATH_MAX], type[64];
	size_t len = dir != NULL ? strlen(dir) : 0;
	FILE *f = fopen(mounts, "r");
	int found = 0;

	if (f == NULL) {
		int e = errno;

		snprintf(
			err, errlen, "cannot read %s: %s", mounts, strerror(e));
		return -e;
	}
	/* "huge-dir/" names the same folder as "huge-dir". */
	while (len > 1 && dir[len - 1] == '/')
		len--;
	while (!found && fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%*s %4095s %63s", mnt, type) != 2 ||
			strcmp(type, "hugetlbfs") != 0)
			continue;
		found = dir == NULL ||
			(strlen(mnt) == len && strncmp(mnt, dir, len) == 0);
	}
	fclose(f);
	return found;
}

/* Hugepages reserved over every page size (nr_hugepages). */
static int
hugepages_reserved(
	const char *sysfs, unsigned long *total, char *err, size_t errlen)
{
	char dir[PATH_MAX], path[PATH_MAX + 300];
	struct dirent *e;
	unsigned long n;
	DIR *d;
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/kernel/mm/hugepages", sysfs);
	d = opendir(dir);
	if (d == NULL) {
		int er = errno;

		snprintf(err, errlen,
			"cannot read %s: %s (no hugepage "
			"support?)",
			dir, strerror(er));
		return -er;
	}
	*total = 0;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "hugepages-", 10) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s/nr_hugepages", dir,
			e->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue;
		if (fscanf(f, "%lu", &n) == 1)
			*total += n;
		fclose(f);
	}
	closedir(d);
	return 0;
}

static int
check_hugepages(int argc, char **argv, const char *sysfs, const char *mounts,
	char *err, size_t errlen)
{
	bool no_huge, in_memory, given;
	unsigned long pages;
	const char *dir;
	int ret;

	(void)pfd_eal_opt(argc, argv, "--no-huge", &no_huge);
	if (no_huge)
		return 0;
	dir = pfd_eal_opt(argc, argv, "--huge-dir", &given);
	if (given && dir == NULL) {
		snprintf(err, errlen, "--huge-dir needs a folder");
		return -EINVAL;
	}
	(void)pfd_eal_opt(argc, argv, "--in-memory", &in_memory);
	/* --in-memory takes pages from memfd: no mount needed. */
	if (!in_memory) {
		ret = hugetlbfs_at(mounts, dir, err, errlen);
		if (ret < 0)
			return ret;
		if (ret == 0 && dir != NULL) {
			snprintf(err, errlen,
				"--huge-dir %s is not a hugetlbfs mount point",
				dir);
			return -ENOENT;
		}
		if (ret == 0) {
			snprintf(err, errlen,
				"no hugetlbfs mounted: mount -t hugetlbfs "
				"none /dev/hugepages");
			return -ENOENT;
		}
	}
	ret = hugepages_reserved(sysfs, &pages, err, errlen);
	if (ret != 0)
		return ret;
	if (pages == 0) {
		snprintf(err, errlen,
			"no hugepages reserved (nr_hugepages is 0): e.g. echo "
			"256 > %s/kernel/mm/hugepages/hugepages-2048kB/"
			"nr_hugepages",
			sysfs);
		return -ENOMEM;
	}
	return 0;
}

int
pfd_check_env(int eal_argc, char **eal_argv, const char *pci, const char *sysfs,
	const char *mounts, char *err, size_t errlen)
{
	bool have_token;
	int ret;

	ret = check_token(eal_argc, eal_argv, &have_token, err, errlen);
	if (ret == 0)
		ret = igb_pf_sysfs_check(sysfs, pci, have_token, err, errlen);
	if (ret == 0)
		ret = check_hugepages(
			eal_argc, eal_argv, sysfs, mounts, err, errlen);
	return ret;
}

int
pfd_check_num_vfs(const char *pci, unsigned int n, const char *sysfs, char *err,
	size_t errlen)
{
	unsigned int cur, total;
	int ret;

	if (n == 0)
		return 0;
	ret = igb_pf_sysfs_vf_count(sysfs, pci, &cur, &total, err, errlen);
	if (ret != 0 || cur == 0 || cur == n)
		return ret;
	snprintf(err, errlen,
		"%s already has %u VF%s; use --num-vfs %u or leave it out "
		"(or remove them first: echo 0 > "
		"%s/bus/pci/devices/%s/sriov_numvfs)",
		pci, cur, cur == 1 ? "" : "s", cur, sysfs, pci);
	return -EBUSY;
}

int
pfd_hold_reset(const char *pci, const char *sysfs, char *saved, size_t savedlen,
	char *note, size_t notelen, char *err, size_t errlen)
{
	char why[512], vfs[256];
	unsigned int n;
	int ret;

	note[0] = '\0';
	ret = igb_pf_sysfs_hold_reset(
		sysfs, pci, saved, savedlen, why, sizeof(why));
	if (ret == 0) {
		if (saved[0] != '\0')
			snprintf(note, notelen,
				"%s has VFs: its function reset is disabled "
				"(reset_method was '%s') so that they keep "
				"their PCI state",
				pci, saved);
		return 0;
	}
	n = igb_pf_sysfs_kernel_vfs(sysfs, pci, false, vfs, sizeof(vfs));
	if (n == 0) {
		snprintf(note, notelen, "%s", why);
		return 0;
	}
	snprintf(err, errlen,
		"%s: %s; the PF's reset would take the PCI state of %s: "
		"unbind %s first, or empty reset_method yourself",
		pci, why, vfs, n == 1 ? "it" : "them");
	return ret;
}
