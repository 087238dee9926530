/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/pci_regs.h>
#include <linux/vfio.h>

#include "errmsg.h"
#include "igb_regs.h"
#include "vfio_vf.h"

static int
group_number(const char *bdf, char *err, size_t errlen)
{
	char path[PATH_MAX], link[PATH_MAX];
	ssize_t n;

	snprintf(
		path, sizeof(path), "/sys/bus/pci/devices/%s/iommu_group", bdf);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return rogue_err(err, errlen,
			"no device %s with an IOMMU group (%s)", bdf,
			strerror(errno));
	link[n] = '\0';
	return atoi(basename(link));
}

static int
open_group(struct vfio_vf *vf, const char *bdf, char *err, size_t errlen)
{
	struct vfio_group_status st = {.argsz = sizeof(st)};
	char path[64];
	int num;

	num = group_number(bdf, err, errlen);
	if (num < 0)
		return -1;
	vf->container = open("/dev/vfio/vfio", O_RDWR);
	if (vf->container < 0)
		return rogue_err(
			err, errlen, "/dev/vfio/vfio: %s", strerror(errno));
	if (ioctl(vf->container, VFIO_GET_API_VERSION) != VFIO_API_VERSION ||
		!ioctl(vf->container, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU))
		return rogue_err(err, errlen, "vfio: no type 1 IOMMU support");
	snprintf(path, sizeof(path), "/dev/vfio/%d", num);
	vf->group = open(path, O_RDWR);
	if (vf->group < 0)
		return rogue_err(err, errlen,
			"%s: %s (is %s bound to vfio-pci?)", path,
			strerror(errno), bdf);
	if (ioctl(vf->group, VFIO_GROUP_GET_STATUS, &st) != 0 ||
		!(st.flags & VFIO_GROUP_FLAGS_VIABLE))
		return rogue_err(err, errlen,
			"vfio group %d not viable (every device in it must "
			"be bound to vfio-pci)",
			num);
	if (ioctl(vf->group, VFIO_GROUP_SET_CONTAINER, &vf->container) != 0 ||
		ioctl(vf->container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU) != 0)
		return rogue_err(err, errlen,
			"vfio group %d: cannot attach: %s", num,
			strerror(errno));
	return 0;
}

/* A VF decodes its BAR only with PCI COMMAND.MEM set. */
static int
enable_memory(struct vfio_vf *vf, char *err, size_t errlen)
{
	struct vfio_region_info cfg = {
		.argsz = sizeof(cfg), .index = VFIO_PCI_CONFIG_REGION_INDEX};
	uint16_t cmd;

	if (ioctl(vf->device, VFIO_DEVICE_GET_REGION_INFO, &cfg) != 0 ||
		pread(vf->device, &cmd, sizeof(cmd),
			(off_t)cfg.offset + PCI_COMMAND) != sizeof(cmd))
		return rogue_err(
			err, errlen, "config space: %s", strerror(errno));
	cmd |= PCI_COMMAND_MEMORY;
	if (pwrite(vf->device, &cmd, sizeof(cmd),
		    (off_t)cfg.offset + PCI_COMMAND) != sizeof(cmd))
		return rogue_err(
			err, errlen, "config space: %s", strerror(errno));
	return 0;
}

static int
map_bar0(struct vfio_vf *vf, char *err, size_t errlen)
{
	struct vfio_region_info bar = {
		.argsz = sizeof(bar), .index = VFIO_PCI_BAR0_REGION_INDEX};
	void *p;

	if (ioctl(vf->device, VFIO_DEVICE_GET_REGION_INFO, &bar) != 0)
		return rogue_err(err, errlen, "BAR0: %s", strerror(errno));
	if (!(bar.flags & VFIO_REGION_INFO_FLAG_MMAP) ||
		bar.size < IGB_VF_BAR_SIZE)
		return rogue_err(err, errlen,
			"BAR0: not mappable or %llu bytes (not an 82576 VF?)",
			(unsigned long long)bar.size);
	p = mmap(NULL, bar.size, PROT_READ | PROT_WRITE, MAP_SHARED, vf->device,
		(off_t)bar.offset);
	if (p == MAP_FAILED)
		return rogue_err(err, errlen, "BAR0 mmap: %s", strerror(errno));
	vf->bar0 = p;
	vf->bar0_len = bar.size;
	return 0;
}

int
vfio_vf_open(struct vfio_vf *vf, const char *bdf, const char *token, char *err,
	size_t errlen)
{
	char name[128];

	memset(vf, 0, sizeof(*vf));
	vf->container = vf->group = vf->device = -1;
	if (open_group(vf, bdf, err, errlen) != 0)
		goto error;
	/* The PF's owner set a VF token: the kernel wants it with the name. */
	snprintf(name, sizeof(name), "%s vf_token=%s", bdf, token);
	vf->device = ioctl(vf->group, VFIO_GROUP_GET_DEVICE_FD, name);
	if (vf->device < 0) {
		rogue_err(err, errlen, "%s: cannot get the device: %s%s", bdf,
			strerror(errno),
			errno == EACCES ? " (wrong VF token?)" : "");
		goto error;
	}
	if (enable_memory(vf, err, errlen) != 0 ||
		map_bar0(vf, err, errlen) != 0)
		goto error;
	return 0;
error:
	vfio_vf_close(vf);
	return -1;
}

int
vfio_vf_reset(struct vfio_vf *vf)
{
	return ioctl(vf->device, VFIO_DEVICE_RESET) == 0 ? 0 : -errno;
}

void
vfio_vf_close(struct vfio_vf *vf)
{
	if (vf->bar0 != NULL)
		munmap(vf->bar0, vf->bar0_len);
	if (vf->device >= 0)
		close(vf->device);
	if (vf->group >= 0)
		close(vf->group);
	if (vf->container >= 0)
		close(vf->container);
	vf->bar0 = NULL;
	vf->device = vf->group = vf->container = -1;
}
