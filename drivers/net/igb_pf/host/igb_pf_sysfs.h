/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Shared by net_igb_pf and igb-pfd (library igb_pf_host); nothing else of
 * the PMD is. Self-contained: libc only.
 *
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

/*
 * The PF's function reset takes its VFs' PCI state with it (command
 * register, MSI-X: the VF is reset; on the 82576 a PF FLR resets the VFs,
 * and QEMU re-creates them), which a kernel VF driver never restores.
 * vfio-pci resets the PF when a process opens it and when the last one
 * closes it. So while VFs exist the PF's reset methods (reset_method,
 * Linux 5.15+) are emptied; the PMD resets the device itself (CTRL.RST),
 * which VF drivers ride out through the mailbox.
 *
 * igb_pf_sysfs_hold_reset: if the PF has VFs and a reset method, empties
 * it; saved gets the methods it had ("" if it changed nothing). 0, or
 * -errno + err (-ENOTSUP: the kernel has no reset_method).
 */
int igb_pf_sysfs_hold_reset(const char *sysfs, const char *bdf, char *saved,
	size_t savedlen, char *err, size_t errlen);

/* Puts back what hold_reset saved, once the PF has no VFs: 0 (done, or
 * nothing to do) or -errno + err. */
int igb_pf_sysfs_release_reset(const char *sysfs, const char *bdf,
	const char *saved, char *err, size_t errlen);

/*
 * The PF's VFs that a driver other than vfio-pci holds (a kernel VF
 * driver; vfio-pci's users restore their own PCI state); with lost_only,
 * only those whose PCI command register has memory space off, which is
 * what a PF reset leaves. Their "BDF (driver)" go to out, comma-separated.
 * Returns how many.
 */
unsigned int igb_pf_sysfs_kernel_vfs(const char *sysfs, const char *bdf,
	bool lost_only, char *out, size_t outlen);

#endif /* IGB_PF_SYSFS_H */
