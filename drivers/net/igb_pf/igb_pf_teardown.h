/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What a closing port, or a probe that failed, leaves of the device and
 * of its VFs. keep_vfs keeps the VFs at close; a failed probe removes
 * what it created whatever keep_vfs says, or the next probe would find
 * them and take them for VFs it did not create. The device
 * work happens under the adapter's lock; removing the VFs does not: the
 * kernel holds a write of 0 to sriov_numvfs until every process using a
 * VF let it go, and no thread must wait for the lock meanwhile. The
 * adapter is closed by then, so nothing else uses the VFs.
 */
#ifndef IGB_PF_TEARDOWN_H
#define IGB_PF_TEARDOWN_H

#include <stddef.h>

#include "igb_pf_adapter.h"

enum igb_pf_end {
	IGB_PF_END_CLOSE,
	IGB_PF_END_PROBE_FAILED,
};

/*
 * For a closed (or never published) adapter without handlers: SR-IOV off
 * unless the VFs are kept (*kept: how many), a device reset, then the
 * removal of the VFs this port created unless kept, and the PF's reset
 * methods back (ad->reset_saved) if no VF is left. sysfs is the sysfs
 * mount ("/sys"). 0, or -errno and err says what failed.
 */
int igb_pf_teardown(struct igb_pf_adapter *ad, enum igb_pf_end why,
	const char *sysfs, unsigned int *kept, char *err, size_t errlen);

#endif /* IGB_PF_TEARDOWN_H */
