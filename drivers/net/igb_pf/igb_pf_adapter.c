/* SPDX-License-Identifier: BSD-3-Clause */
/* Adapter lifetime: references and the port registry (igb_pf_adapter.h). */
#include <errno.h>

#include <rte_config.h>

#include "igb_pf_adapter.h"

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
	ad->closed = false;
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
	rte_spinlock_recursive_lock(&ad->lock);
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
