/* SPDX-License-Identifier: BSD-3-Clause */
/* The device and the VFs at a port's close (igb_pf_teardown.h). */
#include "igb_pf_hw.h"
#include "igb_pf_sysfs.h"
#include "igb_pf_teardown.h"

int
igb_pf_teardown(struct igb_pf_adapter *ad, const char *sysfs,
	unsigned int *kept, char *err, size_t errlen)
{
	bool remove, created;

	rte_spinlock_recursive_lock(&ad->lock);
	*kept = ad->devargs.keep_vfs ? ad->sriov.num_vfs : 0;
	if (*kept == 0)
		igb_pf_hw_sriov_disable(&ad->hw);
	igb_pf_hw_reset(&ad->hw);
	remove = ad->created_vfs && !ad->devargs.keep_vfs;
	if (remove)
		ad->created_vfs = false;
	rte_spinlock_recursive_unlock(&ad->lock);
	if (!remove)
		return 0;
	return igb_pf_sysfs_set_vfs(
		sysfs, ad->bdf, 0, IGB_PF_MAX_VFS, &created, err, errlen);
}
