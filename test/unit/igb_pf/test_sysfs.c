/* SPDX-License-Identifier: BSD-3-Clause */
/* VF provisioning through sysfs, against a fake sysfs tree. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fake_sysfs.h"
#include "igb_check.h"
#include "igb_pf_sysfs.h"

static void
expect(const char *what, int want, int ret, const char *err, const char *needle)
{
	char w[256];

	CHECK_EQ(what, want, ret);
	snprintf(
		w, sizeof(w), "%s: message has \"%s\" (%s)", what, needle, err);
	CHECK(w, strstr(err, needle) != NULL);
}

static void
read_back(const char *rel, char *buf, size_t len)
{
	char path[PATH_MAX];
	FILE *f;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "r");
	if (f != NULL) {
		if (fgets(buf, (int)len, f) == NULL)
			buf[0] = '\0';
		fclose(f);
	}
}

#define RESET_METHOD "bus/pci/devices/" BDF "/reset_method"

/* The PF's reset methods emptied while VFs exist, put back after. */
static void
test_reset_hold(void)
{
	char err[512], saved[64], now[64];
	int ret;

	put("bus/pci/devices/" BDF "/sriov_numvfs", "2\n");
	ret = igb_pf_sysfs_hold_reset(
		root, BDF, saved, sizeof(saved), err, sizeof(err));
	expect("hold without reset_method (old kernel)", -ENOTSUP, ret, err,
		"Linux 5.15");
	put(RESET_METHOD, "flr pm bus\n");
	put("bus/pci/devices/" BDF "/sriov_numvfs", "0\n");
	ret = igb_pf_sysfs_hold_reset(
		root, BDF, saved, sizeof(saved), err, sizeof(err));
	CHECK_EQ("hold without VFs", 0, ret);
	read_back(RESET_METHOD, now, sizeof(now));
	CHECK("without VFs the methods stay", strcmp(now, "flr pm bus\n") == 0);
	CHECK("without VFs nothing saved", saved[0] == '\0');

	put("bus/pci/devices/" BDF "/sriov_numvfs", "2\n");
	ret = igb_pf_sysfs_hold_reset(
		root, BDF, saved, sizeof(saved), err, sizeof(err));
	CHECK_EQ("hold with 2 VFs", 0, ret);
	read_back(RESET_METHOD, now, sizeof(now));
	CHECK("with VFs an empty line is written", strcmp(now, "\n") == 0);
	CHECK("the methods are saved", strcmp(saved, "flr pm bus") == 0);

	ret = igb_pf_sysfs_release_reset(root, BDF, saved, err, sizeof(err));
	CHECK_EQ("release while the VFs exist", 0, ret);
	read_back(RESET_METHOD, now, sizeof(now));
	CHECK("while the VFs exist it stays empty", strcmp(now, "\n") == 0);

	/* A second process (a restart) finds it empty: saves nothing. The
	 * kernel shows no method as an empty file. */
	put(RESET_METHOD, "");
	{
		char saved2[64] = "x";

		ret = igb_pf_sysfs_hold_reset(
			root, BDF, saved2, sizeof(saved2), err, sizeof(err));
		CHECK_EQ("hold again", 0, ret);
		CHECK("already empty: nothing saved", saved2[0] == '\0');
		ret = igb_pf_sysfs_release_reset(
			root, BDF, saved2, err, sizeof(err));
		CHECK_EQ("release of nothing", 0, ret);
	}
	put("bus/pci/devices/" BDF "/sriov_numvfs", "0\n");
	ret = igb_pf_sysfs_release_reset(root, BDF, saved, err, sizeof(err));
	CHECK_EQ("release after the VFs are gone", 0, ret);
	read_back(RESET_METHOD, now, sizeof(now));
	CHECK("the methods are back", strcmp(now, "flr pm bus") == 0);
}

/* VF n at 0000:01:1n.0 bound to drv (NULL: none), command register cmd. */
static void
fake_vf(unsigned int n, const char *drv, unsigned int cmd)
{
	char vf[32], rel[128], path[PATH_MAX], target[PATH_MAX];
	unsigned char cfg[64] = {0x86, 0x80, 0xca, 0x10};
	FILE *f;

	snprintf(vf, sizeof(vf), "0000:01:1%u.0", n);
	snprintf(rel, sizeof(rel), "bus/pci/devices/%s", vf);
	mkdirs(rel);
	snprintf(path, sizeof(path), "%s/bus/pci/devices/" BDF "/virtfn%u",
		root, n);
	snprintf(target, sizeof(target), "../%s", vf);
	unlink(path);
	CHECK("virtfn link made", symlink(target, path) == 0);
	snprintf(path, sizeof(path), "%s/%s/driver", root, rel);
	unlink(path);
	if (drv != NULL) {
		snprintf(target, sizeof(target),
			"../../../../bus/pci/drivers/%s", drv);
		CHECK("VF driver link made", symlink(target, path) == 0);
	}
	cfg[4] = (unsigned char)cmd;
	cfg[5] = (unsigned char)(cmd >> 8);
	snprintf(path, sizeof(path), "%s/%s/config", root, rel);
	f = fopen(path, "wb");
	CHECK("VF config made", f != NULL);
	if (f != NULL) {
		fwrite(cfg, 1, sizeof(cfg), f);
		fclose(f);
	}
}

/* VFs a kernel driver holds, and those whose memory space went off. */
static void
test_vfs_lost(void)
{
	char out[256];

	put("bus/pci/devices/" BDF "/sriov_numvfs", "4\n");
	fake_vf(0, "igbvf", 0x0000);
	fake_vf(1, "igbvf", 0x0406);
	fake_vf(2, "vfio-pci", 0x0000);
	fake_vf(3, NULL, 0x0000);
	CHECK_EQ("VFs that lost their PCI state", 1,
		igb_pf_sysfs_kernel_vfs(root, BDF, true, out, sizeof(out)));
	CHECK("named with their driver",
		strcmp(out, "0000:01:10.0 (igbvf)") == 0);
	fake_vf(1, "igbvf", 0x0000);
	CHECK_EQ("two lost", 2,
		igb_pf_sysfs_kernel_vfs(root, BDF, true, out, sizeof(out)));
	CHECK("both named",
		strcmp(out, "0000:01:10.0 (igbvf), 0000:01:11.0 (igbvf)") == 0);
	printf("     lost: %s\n", out);
	fake_vf(1, "igbvf", 0x0406);
	CHECK_EQ("held by a kernel driver, lost or not", 2,
		igb_pf_sysfs_kernel_vfs(root, BDF, false, out, sizeof(out)));
	CHECK("vfio-pci and unbound VFs are not named",
		strcmp(out, "0000:01:10.0 (igbvf), 0000:01:11.0 (igbvf)") == 0);
	put("bus/pci/devices/" BDF "/sriov_numvfs", "0\n");
	CHECK_EQ("no VFs, none lost", 0,
		igb_pf_sysfs_kernel_vfs(root, BDF, true, out, sizeof(out)));
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
	test_reset_hold();
	test_vfs_lost();

	fake_root_remove();
	return check_exit();
}
