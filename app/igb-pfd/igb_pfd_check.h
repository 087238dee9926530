/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igb-pfd's look at the system before EAL starts: the PF bound to
 * vfio-pci (loaded with enable_sriov=1), a VF token among the EAL options,
 * a hugetlbfs mount and reserved hugepages. A missing piece is one line
 * naming it, instead of a probe failure buried in EAL's log.
 */
#ifndef IGB_PFD_CHECK_H
#define IGB_PFD_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Value of EAL option name ("--name=value" or "--name value") in
 * argv[1..argc-1]; NULL if absent or given without a value. *present
 * tells whether the option appears at all.
 */
const char *pfd_eal_opt(int argc, char **argv, const char *name, bool *present);

/*
 * eal_argv: igb-pfd's EAL options (argv[0] is the program); pci: the PF;
 * sysfs: sysfs mount point ("/sys"); mounts: mount table ("/proc/mounts").
 * 0, or -errno with one line in err.
 */
int pfd_check_env(int eal_argc, char **eal_argv, const char *pci,
	const char *sysfs, const char *mounts, char *err, size_t errlen);

/*
 * --num-vfs n (0: not given) against the VFs the PF has now. The PMD
 * creates VFs only where there are none and takes existing ones at their
 * own count, so n over another count is refused here, before anything is
 * changed: -EBUSY with one line in err, in igb-pfd's terms (the PMD's own
 * refusal, for applications, names the devarg). 0 when n is 0, equal to
 * the count, or the PF has no VFs; -errno + err if the count is
 * unreadable.
 */
int pfd_check_num_vfs(const char *pci, unsigned int n, const char *sysfs,
	char *err, size_t errlen);

/*
 * Before EAL opens the PF: while it has VFs, its reset methods are emptied
 * (igb_pf_sysfs_hold_reset) so that neither this open nor the last close
 * resets the VFs with it; saved gets what to put back at exit. What was
 * done, if anything, goes to note (one line, "" if nothing). If that
 * cannot be done while a kernel driver holds a VF, refuses before the
 * device is touched: -errno with one line in err naming those VFs and
 * what to do. Without kernel-held VFs a failure is only a note.
 */
int pfd_hold_reset(const char *pci, const char *sysfs, char *saved,
	size_t savedlen, char *note, size_t notelen, char *err, size_t errlen);

#endif /* IGB_PFD_CHECK_H */
