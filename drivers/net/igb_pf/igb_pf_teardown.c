/* SPDX-License-Identifier: BSD-3-Clause */
/* The device and the VFs at a port's end (igb_pf_teardown.h). */
#include "igb_pf_hw.h"
#include "igb_pf_sysfs.h"
#include "igb_pf_teardown.h"

int
igb_pf_teardown(struct igb_pf_adapter *ad, enum igb_pf_end why,
	const char *sysfs, unsigned int *kept, char *err, size_t errlen)
{
	bool keep = ad->devargs.keep_vfs && why == IGB_PF_END_CLOSE;
	bool remove, created;
	int ret;

	rte_spinlock_recursive_lock(&ad->lock);
	*kept = keep ? ad->sriov.num_vfs : 0;
	if (*kept == 0)
		igb_pf_hw_sriov_disable(&ad->hw);
	igb_pf_hw_reset(&ad->hw);
	remove = ad->created_vfs && !keep;
	if (remove)
		ad->created_vfs = false;
	rte_spinlock_recursive_unlock(&ad->lock);
	if (remove) {
		ret = igb_pf_sysfs_set_vfs(sysfs, ad->bdf, 0, IGB_PF_MAX_VFS,
			&created, err, errlen);
		if (ret != 0)
			return ret;
	}
	/* Once no VF is left, the PF's reset methods are back. */
	return igb_pf_sysfs_release_reset(
		sysfs, ad->bdf, ad->reset_saved, err, errlen);
}
