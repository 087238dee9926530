/* SPDX-License-Identifier: BSD-3-Clause */
/* VF provisioning through sysfs, against a fake sysfs tree. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "igb_pf_sysfs.h"

#define BDF "0000:01:00.0"

static char root[256];

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

static unsigned int
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

static void
expect(const char *what, int want, int ret, const char *err, const char *needle)
{
	char w[256];

	CHECK_EQ(what, want, ret);
	snprintf(
		w, sizeof(w), "%s: message has \"%s\" (%s)", what, needle, err);
	CHECK(w, strstr(err, needle) != NULL);
}

int
main(void)
{
	char err[512];
	unsigned int cur, total;
	bool created;
	int ret;

	snprintf(root, sizeof(root), "%s/igb_pf_sysfs.XXXXXX",
		getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(root) == NULL) {
		perror("mkdtemp");
		return EXIT_FAILURE;
	}
	mkdirs("bus/pci/devices/" BDF);
	mkdirs("module/vfio_pci/parameters");
	put("bus/pci/devices/" BDF "/sriov_totalvfs", "8\n");
	put("bus/pci/devices/" BDF "/sriov_numvfs", "0\n");

	ret = igb_pf_sysfs_check(root, BDF, true, err, sizeof(err));
	expect("unbound PF", -ENODEV, ret, err, "no driver");
	bind_to("igb");
	ret = igb_pf_sysfs_check(root, BDF, true, err, sizeof(err));
	expect("PF bound to igb", -ENODEV, ret, err, "bound to igb");
	bind_to("vfio-pci");
	ret = igb_pf_sysfs_check(root, BDF, true, err, sizeof(err));
	expect("vfio-pci without the option", -ENOTSUP, ret, err,
		"enable_sriov");
	put("module/vfio_pci/parameters/enable_sriov", "N\n");
	ret = igb_pf_sysfs_check(root, BDF, true, err, sizeof(err));
	expect("enable_sriov=N", -EPERM, ret, err,
		"modprobe vfio-pci enable_sriov=1");
	put("module/vfio_pci/parameters/enable_sriov", "Y\n");
	ret = igb_pf_sysfs_check(root, BDF, false, err, sizeof(err));
	expect("no VF token", -EPERM, ret, err, "--vfio-vf-token");
	ret = igb_pf_sysfs_check(root, BDF, true, err, sizeof(err));
	CHECK_EQ("vfio-pci, enable_sriov=Y, token", 0, ret);

	ret = igb_pf_sysfs_vf_count(root, BDF, &cur, &total, err, sizeof(err));
	CHECK_EQ("count read", 0, ret);
	CHECK_EQ("total VFs", 8, total);
	CHECK_EQ("current VFs", 0, cur);

	ret = igb_pf_sysfs_set_vfs(root, BDF, 8, 7, &created, err, sizeof(err));
	expect("8 VFs with a cap of 7", -EINVAL, ret, err, "at most 7");
	CHECK_EQ("nothing written", 0, numvfs());
	ret = igb_pf_sysfs_set_vfs(root, BDF, 2, 7, &created, err, sizeof(err));
	CHECK_EQ("create 2 VFs", 0, ret);
	CHECK_EQ("sriov_numvfs written", 2, numvfs());
	CHECK_EQ("created", 1, created);
	ret = igb_pf_sysfs_set_vfs(root, BDF, 2, 7, &created, err, sizeof(err));
	CHECK_EQ("2 VFs again: adopted", 0, ret);
	CHECK_EQ("adopted, not created", 0, created);
	ret = igb_pf_sysfs_set_vfs(root, BDF, 3, 7, &created, err, sizeof(err));
	expect("3 VFs while 2 exist", -EBUSY, ret, err, "already has 2 VFs");
	CHECK_EQ("existing VFs kept", 2, numvfs());
	ret = igb_pf_sysfs_set_vfs(root, BDF, 0, 7, &created, err, sizeof(err));
	CHECK_EQ("remove VFs", 0, ret);
	CHECK_EQ("sriov_numvfs back to 0", 0, numvfs());
	ret = igb_pf_sysfs_vf_count(
		root, "0000:02:00.0", &cur, &total, err, sizeof(err));
	expect("device without SR-IOV", -ENOENT, ret, err, "no SR-IOV");

	{
		char cmd[PATH_MAX + 16];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
		if (system(cmd) != 0)
			printf("note: could not remove %s\n", root);
	}
	return check_summary("test_sysfs");
}
