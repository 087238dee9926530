/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_igb_pf: the adapter (per-port private state) and its lifetime.
 *
 * The adapter is allocated apart from the ethdev (whose dev_private only
 * points to it) and counts its references: the port holds one until the
 * end of its close, and so does every other user that may outlive the
 * port's release (a telemetry or API request under way). Requests find
 * the adapter by port number in a registry of their own, never through
 * the ethdev, whose private data rte_eth_dev_release_port frees and
 * zeroes. Close marks the adapter closed under its lock and takes it out
 * of the registry; a request that got a reference before then takes the
 * lock, sees `closed` and answers -ENODEV.
 *
 * The interrupt callback and the poll alarm get the adapter as their
 * argument and hold a reference each while EAL may call them, so close
 * need not wait for them to return, which it cannot when it runs inside
 * them (an application callback closing the port).
 */
#ifndef IGB_PF_ADAPTER_H
#define IGB_PF_ADAPTER_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_alarm.h>
#include <rte_interrupts.h>
#include <rte_pci.h>
#include <rte_spinlock.h>

#include "igb_hw.h"
#include "igb_pf_devargs.h"
#include "igb_pf_mbx.h"
#include "igb_pf_vf.h"
#include "igb_pool_stats.h"

/* igb_pf_host's devargs stand alone: same limits as the PMD's. */
_Static_assert(IGB_PF_DEVARGS_MAX_VFS == IGB_PF_MAX_VFS, "devargs VF count");
_Static_assert(
	IGB_PF_DEVARGS_VLAN_MAX == IGB_PF_VLAN_ID_MAX, "devargs VLAN range");

struct rte_eth_dev;

struct igb_pf_adapter {
	struct igb_hw hw;
	/* Guards sriov, the registers it projects to, the mailbox and
	 * `closed` (which waiters for the lock also read). The event thread
	 * and API callers (and the application's mailbox callback, which may
	 * call the API) take it. */
	rte_spinlock_recursive_t lock;
	struct igb_pf_sriov sriov;
	struct igb_pf_mbx_server mbx;
	struct igb_pf_devargs devargs;
	struct igb_pool_stats vfstats[IGB_PF_MAX_VFS]; /* the VFs' pools */
	struct igb_pool_stats pfstats; /* the PF port's pool */
	struct rte_eth_dev *dev;
	char bdf[PCI_PRI_STR_SIZE];
	bool created_vfs; /* this port wrote sriov_numvfs */
	/* The PF's reset methods this port emptied (igb_pf_sysfs.h), to be
	 * put back when its VFs are gone; "" if it emptied nothing. */
	char reset_saved[128];
	bool link_up; /* last link state seen */
	atomic_bool closed; /* set once by close, under the lock */
	struct rte_intr_handle *intr_handle; /* the PCI device's */
	unsigned int ticks;
	atomic_uint refs;
	void (*release)(struct igb_pf_adapter *ad); /* frees ad */
	uint16_t port; /* registry slot once published */
	bool published;
};

/*
 * Starts ad's life (ad zeroed by the caller): the lock, and one
 * reference, the port's. release frees ad when the last reference goes.
 */
void igb_pf_adapter_init(
	struct igb_pf_adapter *ad, void (*release)(struct igb_pf_adapter *ad));

/* Makes ad the adapter igb_pf_adapter_get finds for port: 0, -EINVAL
 * (port out of range) or -EEXIST (port has an adapter). */
int igb_pf_adapter_publish(struct igb_pf_adapter *ad, uint16_t port);

/* A new reference to port's adapter; NULL if it has none or it closed. */
struct igb_pf_adapter *igb_pf_adapter_get(uint16_t port);

/* One more reference, for a holder that already has one. */
void igb_pf_adapter_hold(struct igb_pf_adapter *ad);

/* Drops a reference; the last one releases the adapter. */
void igb_pf_adapter_put(struct igb_pf_adapter *ad);

/*
 * Takes ad's lock: 0, or -ENODEV (and the lock not held) if ad closed,
 * which also ends the wait for a lock its close holds.
 */
int igb_pf_adapter_lock(struct igb_pf_adapter *ad);
void igb_pf_adapter_unlock(struct igb_pf_adapter *ad);

/*
 * A request's way in: a reference to port's adapter, locked, or NULL with
 * *ret = -ENODEV (no adapter, or closed). igb_pf_adapter_leave unlocks
 * and drops the reference.
 */
struct igb_pf_adapter *igb_pf_adapter_enter(uint16_t port, int *ret);
void igb_pf_adapter_leave(struct igb_pf_adapter *ad);

/*
 * Ends a change of ad->sriov made between igb_pf_adapter_enter and here:
 * if ret is 0 the state is projected to the registers (igb_pf_hw_sync),
 * then ad is left. Returns ret. Every change of the SR-IOV state, by the
 * ethdev ops or the private API, ends here.
 */
int igb_pf_adapter_commit(struct igb_pf_adapter *ad, int ret);

/*
 * Marks ad closed under its lock and takes it out of the registry; true
 * for the first call only. The caller still holds the port's reference.
 */
bool igb_pf_adapter_close(struct igb_pf_adapter *ad);

/*
 * Registers cb (argument ad) on h, with a reference for it: 0 or the
 * error of rte_intr_callback_register (then no reference is held).
 */
int igb_pf_adapter_intr_attach(struct igb_pf_adapter *ad,
	struct rte_intr_handle *h, rte_intr_callback_fn cb);

/*
 * Unregisters cb once ad is closed, without waiting for it: if it is
 * running (maybe this very call is inside it), EAL removes it when it
 * returns and its reference goes then.
 */
void igb_pf_adapter_intr_detach(
	struct igb_pf_adapter *ad, rte_intr_callback_fn cb);

/* Arms cb (argument ad) in us microseconds, with a reference for it: 0,
 * -ENODEV if ad closed, or the error of rte_eal_alarm_set. */
int igb_pf_adapter_alarm_start(
	struct igb_pf_adapter *ad, uint64_t us, rte_eal_alarm_callback cb);

/*
 * For cb itself, as it ends: arms the next round, which takes over the
 * running round's reference (0). Otherwise (-ENODEV once ad closed, or
 * the error of rte_eal_alarm_set) that reference is the caller's to put.
 */
int igb_pf_adapter_alarm_rearm(
	struct igb_pf_adapter *ad, uint64_t us, rte_eal_alarm_callback cb);

/*
 * Cancels cb once ad is closed. A round running in another thread is
 * waited for (it sees `closed` and re-arms nothing); called from within
 * cb, this returns at once and cb drops its reference as it ends.
 */
void igb_pf_adapter_alarm_stop(
	struct igb_pf_adapter *ad, rte_eal_alarm_callback cb);

#endif /* IGB_PF_ADAPTER_H */
