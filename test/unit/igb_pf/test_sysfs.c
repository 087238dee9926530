/* SPDX-License-Identifier: BSD-3-Clause */
/* VF provisioning through sysfs, against a fake sysfs tree. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "fake_sysfs.h"
#include "igb_pf_sysfs.h"

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

	fake_root_init("igb_pf_sysfs");
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

	fake_root_remove();
	return check_summary("test_sysfs");
}
