/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
	if (fgets(buf, (int)len, f) == NULL)
		ret = -EIO;
	else
		buf[strcspn(buf, "\n")] = '\0';
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
	ssize_t n;
	int ret;

	snprintf(path, sizeof(path), "%s/bus/pci/devices/%s", sysfs, bdf);
	if (stat(path, &st) != 0) {
		snprintf(err, errlen, "no PCI device %s", bdf);
		return -ENODEV;
	}
	snprintf(
		path, sizeof(path), "%s/bus/pci/devices/%s/driver", sysfs, bdf);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		snprintf(err, errlen,
			"%s is bound to no driver; bind it to vfio-pci", bdf);
		return -ENODEV;
	}
	link[n] = '\0';
	drv = strrchr(link, '/');
	drv = drv != NULL ? drv + 1 : link;
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

static int
write_numvfs(const char *sysfs, const char *bdf, unsigned int n, char *err,
	size_t errlen)
{
	char path[PATH_MAX], buf[16];
	int fd, len;
	ssize_t w;

	snprintf(path, sizeof(path), "%s/bus/pci/devices/%s/sriov_numvfs",
		sysfs, bdf);
	fd = open(path, O_WRONLY);
	if (fd < 0) {
		int e = errno;

		snprintf(err, errlen, "cannot open %s: %s", path, strerror(e));
		return -e;
	}
	len = snprintf(buf, sizeof(buf), "%u", n);
	w = write(fd, buf, (size_t)len);
	if (w != len) {
		int e = w < 0 ? errno : EIO;

		close(fd);
		snprintf(err, errlen, "writing %u to %s failed: %s", n, path,
			strerror(e));
		return -e;
	}
	close(fd);
	return 0;
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
