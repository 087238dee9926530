/* SPDX-License-Identifier: BSD-3-Clause */
/* igb-pfd's system checks against a fake sysfs tree and mount table. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fake_sysfs.h"
#include "igb_check.h"
#include "igb_pfd_check.h"

#define TOKEN "--vfio-vf-token=0b63c8a6-54f5-4c2a-9b7b-8d7e2f9d3c11"

static char mounts[300];

/* Runs the check on a NULL-terminated EAL option list. */
static int
run(const char *pci, const char *const *opts, char *err)
{
	char *argv[16] = {(char *)(uintptr_t) "igb-pfd"};
	int argc = 1;

	while (*opts != NULL && argc < 15)
		argv[argc++] = (char *)(uintptr_t)*opts++;
	return pfd_check_env(argc, argv, pci, root, mounts, err, 512);
}

static void
expect(const char *what, int want, int ret, const char *err, const char *needle)
{
	char w[700];

	CHECK_EQ(what, want, ret);
	snprintf(
		w, sizeof(w), "%s: message has \"%s\" (%s)", what, needle, err);
	CHECK(w, strstr(err, needle) != NULL);
	CHECK("message is one line", strchr(err, '\n') == NULL);
}

static void
test_eal_opt(void)
{
	char *a[] = {"p", "-l", "0", "--huge-dir", "/h", "--file-prefix=x",
		"--no-huge"};
	bool present;
	const char *v;

	v = pfd_eal_opt(7, a, "--huge-dir", &present);
	CHECK("--huge-dir VALUE found", present && v && !strcmp(v, "/h"));
	v = pfd_eal_opt(7, a, "--file-prefix", &present);
	CHECK("--file-prefix=VALUE found", present && v && !strcmp(v, "x"));
	v = pfd_eal_opt(7, a, "--no-huge", &present);
	CHECK("flag present without value", present && v == NULL);
	v = pfd_eal_opt(7, a, "--in-memory", &present);
	CHECK("absent option", !present && v == NULL);
	v = pfd_eal_opt(7, a, "--file", &present);
	CHECK("a prefix of an option is not the option", !present);
}

/* A kernel-held VF at 0000:01:10.0 (virtfn0), or none. */
static void
kernel_vf(const char *drv)
{
	char path[PATH_MAX];

	mkdirs("bus/pci/devices/0000:01:10.0");
	snprintf(
		path, sizeof(path), "%s/bus/pci/devices/" BDF "/virtfn0", root);
	if (access(path, F_OK) != 0 && symlink("../0000:01:10.0", path) != 0)
		perror(path);
	snprintf(path, sizeof(path), "%s/bus/pci/devices/0000:01:10.0/driver",
		root);
	unlink(path);
	if (drv != NULL &&
		symlink("../../../../bus/pci/drivers/igbvf", path) != 0)
		perror(path);
}

/* The PF's reset methods before EAL opens it, and the refusal. */
static void
test_hold_reset(void)
{
	char saved[64], note[512], err[512], path[PATH_MAX];
	int ret;

	put("bus/pci/devices/" BDF "/sriov_totalvfs", "8\n");
	put("bus/pci/devices/" BDF "/sriov_numvfs", "0\n");
	put("bus/pci/devices/" BDF "/reset_method", "flr pm bus\n");
	ret = pfd_hold_reset(BDF, root, saved, sizeof(saved), note,
		sizeof(note), err, sizeof(err));
	CHECK_EQ("no VFs: nothing to hold", 0, ret);
	CHECK("no VFs: no note", note[0] == '\0' && saved[0] == '\0');

	put("bus/pci/devices/" BDF "/sriov_numvfs", "1\n");
	kernel_vf("igbvf");
	ret = pfd_hold_reset(BDF, root, saved, sizeof(saved), note,
		sizeof(note), err, sizeof(err));
	CHECK_EQ("VFs: reset disabled", 0, ret);
	CHECK("the methods saved", strcmp(saved, "flr pm bus") == 0);
	printf("     note: %s\n", note);
	CHECK("the note says what was done",
		strstr(note,
			"function reset is disabled (reset_method was "
			"'flr pm bus')") != NULL);

	/* A kernel without reset_method: refused, the VF named. */
	snprintf(path, sizeof(path), "%s/bus/pci/devices/" BDF "/reset_method",
		root);
	unlink(path);
	ret = pfd_hold_reset(BDF, root, saved, sizeof(saved), note,
		sizeof(note), err, sizeof(err));
	expect("no reset_method, a kernel VF: refused", -ENOTSUP, ret, err,
		"would take the PCI state of 0000:01:10.0 (igbvf): unbind it");
	/* Without a kernel-held VF the start goes on, with a note. */
	kernel_vf(NULL);
	ret = pfd_hold_reset(BDF, root, saved, sizeof(saved), note,
		sizeof(note), err, sizeof(err));
	CHECK_EQ("no reset_method, no kernel VF: goes on", 0, ret);
	CHECK("the note says why", strstr(note, "Linux 5.15") != NULL);
	put("bus/pci/devices/" BDF "/sriov_numvfs", "0\n");
}

/* --num-vfs over the VFs that exist: refused before EAL, nothing written. */
static void
test_num_vfs(void)
{
	char err[512], want[512];
	int ret;

	put("bus/pci/devices/" BDF "/sriov_totalvfs", "7\n");
	put("bus/pci/devices/" BDF "/sriov_numvfs", "2\n");
	put("bus/pci/devices/" BDF "/reset_method", "flr pm bus\n");
	err[0] = '\0';
	ret = pfd_check_num_vfs(BDF, 3, root, err, sizeof(err));
	printf("     err: %s\n", err);
	snprintf(want, sizeof(want),
		BDF " already has 2 VFs; use --num-vfs 2 or leave it out (or "
		    "remove them first: echo 0 > %s/bus/pci/devices/" BDF
		    "/sriov_numvfs)",
		root);
	expect("--num-vfs 3 over 2 VFs: refused", -EBUSY, ret, err, want);
	CHECK("  in igb-pfd's terms, not the devarg's",
		strstr(err, "num_vfs=") == NULL);
	CHECK_EQ("  sriov_numvfs untouched", 2, numvfs());

	CHECK_EQ("--num-vfs 2 over 2 VFs: goes on", 0,
		pfd_check_num_vfs(BDF, 2, root, err, sizeof(err)));
	CHECK_EQ("no --num-vfs over 2 VFs: goes on", 0,
		pfd_check_num_vfs(BDF, 0, root, err, sizeof(err)));
	put("bus/pci/devices/" BDF "/sriov_numvfs", "1\n");
	ret = pfd_check_num_vfs(BDF, 3, root, err, sizeof(err));
	expect("--num-vfs 3 over 1 VF: refused", -EBUSY, ret, err,
		"already has 1 VF; use --num-vfs 1");
	put("bus/pci/devices/" BDF "/sriov_numvfs", "0\n");
	CHECK_EQ("--num-vfs 3, no VFs yet: goes on", 0,
		pfd_check_num_vfs(BDF, 3, root, err, sizeof(err)));
	CHECK_EQ(
		"  sriov_numvfs untouched (the PMD creates them)", 0, numvfs());
}

int
main(void)
{
	static const char *const ok[] = {TOKEN, NULL};
	static const char *const none[] = {NULL};
	static const char *const no_value[] = {"--vfio-vf-token", NULL};
	static const char *const bad_uuid[] = {"--vfio-vf-token=abc", NULL};
	static const char *const no_huge[] = {TOKEN, "--no-huge", NULL};
	static const char *const in_mem[] = {TOKEN, "--in-memory", NULL};
	static const char *const dir_ok[] = {
		TOKEN, "--huge-dir", "/mnt/h/", NULL};
	static const char *const dir_bad[] = {TOKEN, "--huge-dir=/tmp/e", NULL};
	char err[512];
	int ret;

	test_eal_opt();
	fake_root_init("igb_pfd_check");
	snprintf(mounts, sizeof(mounts), "%s/mounts", root);
	mkdirs("bus/pci/devices/" BDF);
	mkdirs("module/vfio_pci/parameters");
	mkdirs("kernel/mm/hugepages/hugepages-2048kB");
	mkdirs("kernel/mm/hugepages/hugepages-1048576kB");
	put("module/vfio_pci/parameters/enable_sriov", "Y\n");
	put("kernel/mm/hugepages/hugepages-2048kB/nr_hugepages", "0\n");
	put("kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages", "0\n");
	put("mounts",
		"sysfs /sys sysfs rw 0 0\n"
		"none /dev/hugepages hugetlbfs rw,pagesize=2M 0 0\n"
		"none /mnt/h hugetlbfs rw,pagesize=2M 0 0\n");

	ret = run("0000:02:00.0", ok, err);
	expect("no such device", -ENODEV, ret, err, "no PCI device");
	ret = run(BDF, ok, err);
	expect("unbound PF", -ENODEV, ret, err, "bound to no driver");
	bind_to("igb");
	ret = run(BDF, ok, err);
	expect("PF bound to igb", -ENODEV, ret, err, BDF " is bound to igb");
	bind_to("vfio-pci");
	ret = run(BDF, none, err);
	expect("no VF token", -EPERM, ret, err, "--vfio-vf-token=<uuid>");
	ret = run(BDF, no_value, err);
	expect("token option without value", -EINVAL, ret, err, "needs a UUID");
	ret = run(BDF, bad_uuid, err);
	expect("token not a UUID", -EINVAL, ret, err, "abc is not a UUID");

	ret = run(BDF, ok, err);
	expect("no hugepages reserved", -ENOMEM, ret, err, "nr_hugepages is 0");
	ret = run(BDF, no_huge, err);
	CHECK_EQ("--no-huge needs no hugepages", 0, ret);
	put("kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages", "1\n");
	ret = run(BDF, ok, err);
	CHECK_EQ("one 1 GiB page reserved, hugetlbfs mounted", 0, ret);
	ret = run(BDF, dir_ok, err);
	CHECK_EQ("--huge-dir on a hugetlbfs mount (trailing /)", 0, ret);
	ret = run(BDF, dir_bad, err);
	expect("--huge-dir not hugetlbfs", -ENOENT, ret, err,
		"--huge-dir /tmp/e is not a hugetlbfs mount point");
	put("mounts", "sysfs /sys sysfs rw 0 0\n");
	ret = run(BDF, ok, err);
	expect("no hugetlbfs", -ENOENT, ret, err, "no hugetlbfs mounted");
	ret = run(BDF, in_mem, err);
	CHECK_EQ("--in-memory needs no mount", 0, ret);
	put("module/vfio_pci/parameters/enable_sriov", "N\n");
	ret = run(BDF, ok, err);
	expect("vfio-pci without enable_sriov", -EPERM, ret, err,
		"enable_sriov=1");
	test_hold_reset();
	test_num_vfs();
	fake_root_remove();
	return check_exit();
}
