/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VF provisioning through sysfs (sriov_numvfs) for a PF held by vfio-pci.
 * The kernel only lets a userspace PF create VFs when vfio-pci was loaded
 * with enable_sriov=1 and the PF process set a VF token
 * (--vfio-vf-token): both are checked first so the error says which is
 * missing. sysfs is the mount point ("/sys"; tests pass a fake tree).
 */
#ifndef IGB_PF_SYSFS_H
#define IGB_PF_SYSFS_H

#include <stdbool.h>
#include <stddef.h>

/* Current and maximum VF count of a PCI device: 0 or -errno + err. */
int igb_pf_sysfs_vf_count(const char *sysfs, const char *bdf, unsigned int *cur,
	unsigned int *total, char *err, size_t errlen);

/* Checks the device exists, its driver (vfio-pci), the module option
 * and the token: 0 or -errno + err. */
int igb_pf_sysfs_check(const char *sysfs, const char *bdf, bool have_token,
	char *err, size_t errlen);

/*
 * Makes the device have n VFs (n <= max_vfs and sriov_totalvfs). Nothing
 * is written when it already has n; a different non-zero count is an
 * error (other users may hold those VFs). *created tells whether this
 * call created them. n = 0 removes them. 0 or -errno + err.
 */
int igb_pf_sysfs_set_vfs(const char *sysfs, const char *bdf, unsigned int n,
	unsigned int max_vfs, bool *created, char *err, size_t errlen);

#endif /* IGB_PF_SYSFS_H */
