/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Adapter lifetime: references, the port registry and the references of
 * the event sources (igb_pf_adapter.h).
 */
#include <errno.h>

#include <rte_config.h>

#include "igb_pf_adapter.h"
#include "igb_pf_hw.h"

/* The adapters of the published ports that have not closed. */
static struct igb_pf_adapter *registry[RTE_MAX_ETHPORTS];
static rte_spinlock_t registry_lock = RTE_SPINLOCK_INITIALIZER;

void
igb_pf_adapter_init(
	struct igb_pf_adapter *ad, void (*release)(struct igb_pf_adapter *ad))
{
	rte_spinlock_recursive_init(&ad->lock);
	atomic_init(&ad->refs, 1);
	ad->release = release;
	atomic_init(&ad->closed, false);
	ad->published = false;
}

int
igb_pf_adapter_publish(struct igb_pf_adapter *ad, uint16_t port)
{
	int ret = 0;

	if (port >= RTE_MAX_ETHPORTS)
		return -EINVAL;
	rte_spinlock_lock(&registry_lock);
	if (registry[port] != NULL) {
		ret = -EEXIST;
	} else {
		registry[port] = ad;
		ad->port = port;
		ad->published = true;
	}
	rte_spinlock_unlock(&registry_lock);
	return ret;
}

struct igb_pf_adapter *
igb_pf_adapter_get(uint16_t port)
{
	struct igb_pf_adapter *ad;

	if (port >= RTE_MAX_ETHPORTS)
		return NULL;
	rte_spinlock_lock(&registry_lock);
	/* A published adapter still has the port's reference: the count
	 * cannot reach zero before this one is added. */
	ad = registry[port];
	if (ad != NULL)
		igb_pf_adapter_hold(ad);
	rte_spinlock_unlock(&registry_lock);
	return ad;
}

void
igb_pf_adapter_hold(struct igb_pf_adapter *ad)
{
	atomic_fetch_add_explicit(&ad->refs, 1, memory_order_relaxed);
}

void
igb_pf_adapter_put(struct igb_pf_adapter *ad)
{
	if (atomic_fetch_sub_explicit(&ad->refs, 1, memory_order_acq_rel) == 1)
		ad->release(ad);
}

int
igb_pf_adapter_lock(struct igb_pf_adapter *ad)
{
	/* Close may hold the lock for long (an application callback that
	 * closed the port holds it across the VFs' removal): stop waiting
	 * once it is closing. */
	while (!rte_spinlock_recursive_trylock(&ad->lock)) {
		if (atomic_load(&ad->closed))
			return -ENODEV;
		rte_pause();
	}
	if (ad->closed) {
		rte_spinlock_recursive_unlock(&ad->lock);
		return -ENODEV;
	}
	return 0;
}

void
igb_pf_adapter_unlock(struct igb_pf_adapter *ad)
{
	rte_spinlock_recursive_unlock(&ad->lock);
}

struct igb_pf_adapter *
igb_pf_adapter_enter(uint16_t port, int *ret)
{
	struct igb_pf_adapter *ad = igb_pf_adapter_get(port);

	if (ad == NULL) {
		*ret = -ENODEV;
		return NULL;
	}
	*ret = igb_pf_adapter_lock(ad);
	if (*ret != 0) {
		igb_pf_adapter_put(ad);
		return NULL;
	}
	return ad;
}

void
igb_pf_adapter_leave(struct igb_pf_adapter *ad)
{
	igb_pf_adapter_unlock(ad);
	igb_pf_adapter_put(ad);
}

int
igb_pf_adapter_commit(struct igb_pf_adapter *ad, int ret)
{
	if (ret == 0)
		igb_pf_hw_sync(&ad->hw, &ad->sriov);
	igb_pf_adapter_leave(ad);
	return ret;
}

bool
igb_pf_adapter_close(struct igb_pf_adapter *ad)
{
	bool first;

	rte_spinlock_recursive_lock(&ad->lock);
	first = !ad->closed;
	ad->closed = true;
	if (first && ad->published) {
		rte_spinlock_lock(&registry_lock);
		registry[ad->port] = NULL;
		rte_spinlock_unlock(&registry_lock);
		ad->published = false;
	}
	rte_spinlock_recursive_unlock(&ad->lock);
	return first;
}

/* EAL removed the interrupt callback after it returned. */
static void
intr_removed(struct rte_intr_handle *h, void *arg)
{
	(void)h;
	igb_pf_adapter_put(arg);
}

/* Unregisters cb; returns whether it was registered. */
static bool
intr_remove(struct igb_pf_adapter *ad, rte_intr_callback_fn cb)
{
	int ret;

	for (;;) {
		/* EAL removes nothing while the source's callbacks run. */
		ret = rte_intr_callback_unregister(ad->intr_handle, cb, ad);
		if (ret != -EAGAIN)
			break;
		/* Running: removed (and intr_removed called) on return. */
		ret = rte_intr_callback_unregister_pending(
			ad->intr_handle, cb, ad, intr_removed);
		if (ret != -EAGAIN)
			return ret > 0;
		/* It returned in between: unregister it now. */
	}
	if (ret <= 0)
		return false;
	igb_pf_adapter_put(ad);
	return true;
}

int
igb_pf_adapter_intr_attach(struct igb_pf_adapter *ad, struct rte_intr_handle *h,
	rte_intr_callback_fn cb)
{
	int ret;

	ad->intr_handle = h;
	igb_pf_adapter_hold(ad);
	ret = rte_intr_callback_register(h, cb, ad);
	/* -EPIPE (EAL's wake-up failed) leaves cb registered. */
	if (ret != 0 && !intr_remove(ad, cb))
		igb_pf_adapter_put(ad);
	return ret;
}

void
igb_pf_adapter_intr_detach(struct igb_pf_adapter *ad, rte_intr_callback_fn cb)
{
	if (ad->intr_handle != NULL)
		intr_remove(ad, cb);
}

int
igb_pf_adapter_alarm_start(
	struct igb_pf_adapter *ad, uint64_t us, rte_eal_alarm_callback cb)
{
	int ret;

	igb_pf_adapter_hold(ad);
	ret = igb_pf_adapter_alarm_rearm(ad, us, cb);
	if (ret != 0)
		igb_pf_adapter_put(ad);
	return ret;
}

int
igb_pf_adapter_alarm_rearm(
	struct igb_pf_adapter *ad, uint64_t us, rte_eal_alarm_callback cb)
{
	int ret;

	/* Under the lock: close sets `closed` before it cancels, so either
	 * it sees (and cancels) this alarm or the alarm is not set. */
	ret = igb_pf_adapter_lock(ad);
	if (ret != 0)
		return ret;
	ret = rte_eal_alarm_set(us, cb, ad);
	igb_pf_adapter_unlock(ad);
	return ret;
}

void
igb_pf_adapter_alarm_stop(struct igb_pf_adapter *ad, rte_eal_alarm_callback cb)
{
	int n;

	/* From within cb it cancels nothing (rte_errno EINPROGRESS). */
	n = rte_eal_alarm_cancel(cb, ad);
	for (; n > 0; n--)
		igb_pf_adapter_put(ad);
}
