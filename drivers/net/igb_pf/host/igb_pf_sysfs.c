/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "igb_pf_sysfs.h"

static int
read_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	int ret = 0;

	if (f == NULL)
		return -errno;
	if (fgets(buf, (int)len, f) != NULL)
		buf[strcspn(buf, "\n")] = '\0';
	else if (ferror(f))
		ret = -EIO;
	else /* empty: reset_method with every method off */
		buf[0] = '\0';
	fclose(f);
	return ret;
}

static int
read_uint(const char *path, unsigned int *out)
{
	char buf[32], *end;
	unsigned long v;
	int ret;

	ret = read_line(path, buf, sizeof(buf));
	if (ret != 0)
		return ret;
	errno = 0;
	v = strtoul(buf, &end, 10);
	if (errno != 0 || end == buf || *end != '\0' || v > UINT_MAX)
		return -EIO;
	*out = (unsigned int)v;
	return 0;
}

/* The name of the driver bound to the device at dev (a sysfs folder), or
 * NULL if none. */
static const char *
driver_of(const char *dev, char *buf, size_t len)
{
	char path[PATH_MAX];
	const char *name;
	ssize_t n;

	if (snprintf(path, sizeof(path), "%s/driver", dev) >= (int)sizeof(path))
		return NULL;
	n = readlink(path, buf, len - 1);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	name = strrchr(buf, '/');
	return name != NULL ? name + 1 : buf;
}

int
igb_pf_sysfs_vf_count(const char *sysfs, const char *bdf, unsigned int *cur,
	unsigned int *total, char *err, size_t errlen)
{
	char path[PATH_MAX];
	int ret;

	snprintf(path, sizeof(path), "%s/bus/pci/devices/%s/sriov_totalvfs",
		sysfs, bdf);
	ret = read_uint(path, total);
	if (ret == 0) {
		snprintf(path, sizeof(path),
			"%s/bus/pci/devices/%s/sriov_numvfs", sysfs, bdf);
		ret = read_uint(path, cur);
	}
	if (ret != 0)
		snprintf(err, errlen, "%s: cannot read %s: %s (no SR-IOV?)",
			bdf, path, strerror(-ret));
	return ret;
}

int
igb_pf_sysfs_check(const char *sysfs, const char *bdf, bool have_token,
	char *err, size_t errlen)
{
	char path[PATH_MAX], link[PATH_MAX], val[16];
	const char *drv;
	struct stat st;
	int ret;

	snprintf(path, sizeof(path), "%s/bus/pci/devices/%s", sysfs, bdf);
	if (stat(path, &st) != 0) {
		snprintf(err, errlen, "no PCI device %s", bdf);
		return -ENODEV;
	}
	drv = driver_of(path, link, sizeof(link));
	if (drv == NULL) {
		snprintf(err, errlen,
			"%s is bound to no driver; bind it to vfio-pci", bdf);
		return -ENODEV;
	}
	if (strcmp(drv, "vfio-pci") != 0) {
		snprintf(err, errlen,
			"%s is bound to %s: VFs of a userspace PF need "
			"vfio-pci",
			bdf, drv);
		return -ENODEV;
	}
	snprintf(path, sizeof(path),
		"%s/module/vfio_pci/parameters/enable_sriov", sysfs);
	ret = read_line(path, val, sizeof(val));
	if (ret != 0) {
		snprintf(err, errlen,
			"vfio-pci has no enable_sriov option (%s: %s)", path,
			strerror(-ret));
		return -ENOTSUP;
	}
	if (strcmp(val, "Y") != 0 && strcmp(val, "1") != 0) {
		snprintf(err, errlen,
			"vfio-pci was loaded without enable_sriov=1: reload it "
			"with 'modprobe vfio-pci enable_sriov=1'");
		return -EPERM;
	}
	if (!have_token) {
		snprintf(err, errlen,
			"no VF token: start the PF process with "
			"--vfio-vf-token=<uuid> (VF processes need the same "
			"token)");
		return -EPERM;
	}
	return 0;
}

/* Writes s to the sysfs file path in one write(): 0 or -errno + err. */
static int
write_str(const char *path, const char *s, char *err, size_t errlen)
{
	size_t len = strlen(s);
	ssize_t w;
	int fd, e;

	/* O_TRUNC as a shell's redirection: sysfs ignores it, a test's
	 * fake tree needs it. */
	fd = open(path, O_WRONLY | O_TRUNC);
	if (fd < 0) {
		e = errno;
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
		return -e;
	}
	w = write(fd, s, len);
	e = w < 0 ? errno : EIO;
	close(fd);
	if (w != (ssize_t)len) {
		snprintf(err, errlen, "writing '%.*s' to %s failed: %s",
			(int)strcspn(s, "\n"), s, path, strerror(e));
		return -e;
	}
	return 0;
}

static int
write_numvfs(const char *sysfs, const char *bdf, unsigned int n, char *err,
	size_t errlen)
{
	char path[PATH_MAX], buf[16];

	snprintf(path, sizeof(path), "%s/bus/pci/devices/%s/sriov_numvfs",
		sysfs, bdf);
	snprintf(buf, sizeof(buf), "%u", n);
	return write_str(path, buf, err, errlen);
}

int
igb_pf_sysfs_set_vfs(const char *sysfs, const char *bdf, unsigned int n,
	unsigned int max_vfs, bool *created, char *err, size_t errlen)
{
	unsigned int cur, total;
	int ret;

	*created = false;
	ret = igb_pf_sysfs_vf_count(sysfs, bdf, &cur, &total, err, errlen);
	if (ret != 0)
		return ret;
	if (n == cur)
		return 0;
	if (n > max_vfs || n > total) {
		snprintf(err, errlen, "%s: %u VFs asked, at most %u", bdf, n,
			max_vfs < total ? max_vfs : total);
		return -EINVAL;
	}
	if (n != 0 && cur != 0) {
		snprintf(err, errlen,
			"%s already has %u VFs: use num_vfs=%u or write 0 to "
			"sriov_numvfs first",
			bdf, cur, cur);
		return -EBUSY;
	}
	ret = write_numvfs(sysfs, bdf, n, err, errlen);
	if (ret == 0)
		*created = n != 0;
	return ret;
}

static int
reset_method_path(const char *sysfs, const char *bdf, char *path, size_t len,
	char *err, size_t errlen)
{
	snprintf(path, len, "%s/bus/pci/devices/%s/reset_method", sysfs, bdf);
	if (access(path, F_OK) == 0)
		return 0;
	snprintf(err, errlen,
		"%s has no reset_method (Linux 5.15 or later has it): a PF "
		"process's start resets the VFs with the PF",
		bdf);
	return -ENOTSUP;
}

int
igb_pf_sysfs_hold_reset(const char *sysfs, const char *bdf, char *saved,
	size_t savedlen, char *err, size_t errlen)
{
	char path[PATH_MAX], methods[128];
	unsigned int cur, total;
	int ret;

	saved[0] = '\0';
	ret = igb_pf_sysfs_vf_count(sysfs, bdf, &cur, &total, err, errlen);
	if (ret != 0 || cur == 0)
		return ret;
	ret = reset_method_path(sysfs, bdf, path, sizeof(path), err, errlen);
	if (ret != 0)
		return ret;
	ret = read_line(path, methods, sizeof(methods));
	if (ret != 0) {
		snprintf(err, errlen, "cannot read %s: %s", path,
			strerror(-ret));
		return ret;
	}
	if (methods[0] == '\0')
		return 0;
	if (strlen(methods) >= savedlen) {
		snprintf(err, errlen, "%s: reset methods '%s' too long", bdf,
			methods);
		return -ENAMETOOLONG;
	}
	/* An empty line disables every method (the kernel ignores a
	 * write of nothing). */
	ret = write_str(path, "\n", err, errlen);
	if (ret == 0)
		snprintf(saved, savedlen, "%s", methods);
	return ret;
}

int
igb_pf_sysfs_release_reset(const char *sysfs, const char *bdf,
	const char *saved, char *err, size_t errlen)
{
	char path[PATH_MAX];
	unsigned int cur, total;
	int ret;

	if (saved[0] == '\0')
		return 0;
	ret = igb_pf_sysfs_vf_count(sysfs, bdf, &cur, &total, err, errlen);
	if (ret != 0 || cur != 0)
		return ret;
	ret = reset_method_path(sysfs, bdf, path, sizeof(path), err, errlen);
	if (ret == 0)
		ret = write_str(path, saved, err, errlen);
	return ret;
}

/* The PCI command register of the device at dev; -errno if unreadable. */
static int
pci_command(const char *dev)
{
	char path[PATH_MAX];
	uint8_t b[2];
	int fd;
	ssize_t n;

	if (snprintf(path, sizeof(path), "%s/config", dev) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -errno;
	n = pread(fd, b, sizeof(b), 4);
	close(fd);
	return n == 2 ? b[0] | b[1] << 8 : -EIO;
}

unsigned int
igb_pf_sysfs_kernel_vfs(const char *sysfs, const char *bdf, bool lost_only,
	char *out, size_t outlen)
{
	char dev[PATH_MAX], real[PATH_MAX], link[PATH_MAX];
	unsigned int cur, total, i, lost = 0;
	size_t len = 0;
	const char *drv, *name;
	char err[256];
	int cmd;

	out[0] = '\0';
	if (igb_pf_sysfs_vf_count(sysfs, bdf, &cur, &total, err, sizeof(err)) !=
		0)
		return 0;
	for (i = 0; i < cur; i++) {
		snprintf(dev, sizeof(dev), "%s/bus/pci/devices/%s/virtfn%u",
			sysfs, bdf, i);
		drv = driver_of(dev, link, sizeof(link));
		if (drv == NULL || strcmp(drv, "vfio-pci") == 0)
			continue;
		cmd = lost_only ? pci_command(dev) : 0;
		/* PCI 3.0 6.2.2: bit 1, memory space enable. */
		if (cmd < 0 || (cmd & 0x2) != 0)
			continue;
		if (realpath(dev, real) == NULL)
			snprintf(real, sizeof(real), "virtfn%u", i);
		name = strrchr(real, '/');
		name = name != NULL ? name + 1 : real;
		if (len < outlen)
			len += (size_t)snprintf(out + len, outlen - len,
				"%s%s (%s)", lost ? ", " : "", name, drv);
		lost++;
	}
	return lost;
}
