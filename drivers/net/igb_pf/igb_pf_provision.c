/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_igb_pf: the VFs of the port. At probe: create them (devarg
 * num_vfs) or adopt those the PF has, keep the PF's function reset off
 * while they exist, apply the devargs' per-VF settings. At close or a
 * failed probe: remove them, or keep them (keep_vfs).
 */
#include <errno.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_uuid.h>

#include "igb_pf_private.h"
#include "igb_pf_sysfs.h"

/* Creates or adopts the VFs; *num_vfs gets the count in use. */
static int
provision_vfs(struct igb_pf_adapter *ad, uint16_t *num_vfs)
{
	char err[512];
	unsigned int cur, total;
	rte_uuid_t token;
	int ret;

	err[0] = '\0';
	if (ad->devargs.num_vfs == 0) {
		/* No request: serve the VFs that already exist, if any. */
		if (igb_pf_sysfs_vf_count(IGB_PF_SYSFS, ad->bdf, &cur, &total,
			    err, sizeof(err)) != 0)
			cur = 0;
		if (cur > IGB_PF_MAX_VFS) {
			IGB_PF_LOG(ERR,
				"%s has %u VFs: at most %d (the PF keeps the "
				"last pool)",
				ad->bdf, cur, IGB_PF_MAX_VFS);
			return -EINVAL;
		}
		*num_vfs = (uint16_t)cur;
		return 0;
	}
	rte_eal_vfio_get_vf_token(token);
	ret = igb_pf_sysfs_check(IGB_PF_SYSFS, ad->bdf,
		!rte_uuid_is_null(token), err, sizeof(err));
	if (ret == 0)
		ret = igb_pf_sysfs_set_vfs(IGB_PF_SYSFS, ad->bdf,
			ad->devargs.num_vfs, IGB_PF_MAX_VFS, &ad->created_vfs,
			err, sizeof(err));
	if (ret != 0) {
		IGB_PF_LOG(ERR, "%s: cannot create %u VFs: %s", ad->bdf,
			ad->devargs.num_vfs, err);
		return ret;
	}
	*num_vfs = ad->devargs.num_vfs;
	return 0;
}

static int
apply_vf_devargs(struct igb_pf_adapter *ad)
{
	struct igb_pf_sriov *s = &ad->sriov;
	uint16_t vf;
	int ret = 0;

	for (vf = 0; vf < s->num_vfs && ret == 0; vf++) {
		const struct igb_pf_vf_devargs *v = &ad->devargs.vf[vf];

		if (v->has_mac)
			ret = igb_pf_admin_set_mac(s, vf, v->mac);
		if (ret == 0 && v->vlan != 0)
			ret = igb_pf_admin_set_port_vlan(s, vf, v->vlan);
		if (ret == 0 && v->trust >= 0)
			ret = igb_pf_admin_set_trust(s, vf, v->trust);
		if (ret == 0 && v->spoofchk >= 0) {
			igb_pf_admin_set_mac_spoofchk(s, vf, v->spoofchk);
			igb_pf_admin_set_vlan_spoofchk(s, vf, v->spoofchk);
		}
		if (ret != 0)
			IGB_PF_LOG(ERR, "%s: vf%u settings refused: %s",
				ad->bdf, vf, strerror(-ret));
	}
	return ret;
}

/*
 * While the PF has VFs its function reset stays off (igb_pf_sysfs.h), or
 * vfio-pci's reset at the last close would take the VFs' PCI state. VFs
 * a kernel driver holds that lost it already, to a reset at this open,
 * are named: only a rebind of their driver brings them back.
 */
static void
hold_reset(struct igb_pf_adapter *ad)
{
	char err[512], lost[256];
	unsigned int n;

	if (igb_pf_sysfs_hold_reset(IGB_PF_SYSFS, ad->bdf, ad->reset_saved,
		    sizeof(ad->reset_saved), err, sizeof(err)) != 0)
		IGB_PF_LOG(WARNING, "%s", err);
	else if (ad->reset_saved[0] != '\0')
		IGB_PF_LOG(INFO,
			"%s: function reset off while the VFs exist "
			"(reset_method was '%s')",
			ad->bdf, ad->reset_saved);
	if (ad->created_vfs)
		return;
	n = igb_pf_sysfs_kernel_vfs(
		IGB_PF_SYSFS, ad->bdf, true, lost, sizeof(lost));
	if (n > 0)
		IGB_PF_LOG(ERR,
			"%s: the PF's reset when this process opened it took "
			"the PCI state of %s: rebind %s driver. To keep VFs "
			"across a PF start, empty the PF's reset_method first "
			"(igb-pfd does)",
			ad->bdf, lost, n == 1 ? "its" : "their");
}

int
igb_pf_vfs_setup(struct igb_pf_adapter *ad, const uint8_t *pf_mac)
{
	uint8_t macs[IGB_PF_MAX_VFS][IGB_PF_ETH_ALEN];
	uint16_t num_vfs, i;
	char err[256];
	int ret;

	ret = provision_vfs(ad, &num_vfs);
	if (ret != 0)
		return ret;
	if (num_vfs > 0)
		hold_reset(ad);
	ret = igb_pf_devargs_check_vfs(&ad->devargs, num_vfs, err, sizeof(err));
	if (ret != 0) {
		IGB_PF_LOG(ERR, "%s: %s", ad->bdf, err);
		return ret;
	}
	for (i = 0; i < num_vfs; i++)
		rte_eth_random_addr(macs[i]);
	ret = igb_pf_sriov_init(
		&ad->sriov, num_vfs, (const uint8_t(*)[IGB_PF_ETH_ALEN])macs);
	if (ret != 0)
		return ret;
	memcpy(ad->sriov.pf.mac, pf_mac, IGB_PF_ETH_ALEN);
	ret = apply_vf_devargs(ad);
	if (ret != 0)
		return ret;

	RTE_ETH_DEV_SRIOV(ad->dev).active = num_vfs ? RTE_ETH_8_POOLS : 0;
	RTE_ETH_DEV_SRIOV(ad->dev).nb_q_per_pool = 1;
	RTE_ETH_DEV_SRIOV(ad->dev).def_vmdq_idx = IGB_PF_POOL;
	RTE_ETH_DEV_SRIOV(ad->dev).def_pool_q_idx = IGB_PF_RX_QUEUE;
	return 0;
}

void
igb_pf_vfs_end(struct igb_pf_adapter *ad, enum igb_pf_end end)
{
	unsigned int kept;
	char err[512];

	/* May block until VF processes let go, without the lock held. */
	if (igb_pf_teardown(ad, end, IGB_PF_SYSFS, &kept, err, sizeof(err)) !=
		0)
		IGB_PF_LOG(
			ERR, "%s: removing the VFs failed: %s", ad->bdf, err);
	if (end == IGB_PF_END_CLOSE && kept > 0)
		IGB_PF_LOG(NOTICE, "%s: keeping %u VFs (keep_vfs=on)", ad->bdf,
			kept);
}
