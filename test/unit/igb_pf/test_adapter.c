/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The adapter's lifetime (igb_pf_adapter.c) against a telemetry or API
 * request racing the port's close, forced with threads: the request that
 * got the adapter before close must find it alive and closed (-ENODEV),
 * and the adapter must go with the last reference, not with the port.
 *
 * The adapters are adapter_fakes.h's: a release that comes too early
 * shows as a failed check.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>

#include "adapter_fakes.h"
#include "igb_check.h"
#include "igb_pf_adapter.h"

#define PORT 3

/* The request holds its reference: the adapter has the port's and it. */
static bool
two_refs(void *arg)
{
	struct igb_pf_adapter *ad = arg;

	return atomic_load(&ad->refs) == 2;
}

/* The close of a port as igb_pf_dev_close does it, minus the device. */
static void
port_close(struct igb_pf_adapter *ad)
{
	CHECK("close: first close", igb_pf_adapter_close(ad));
	CHECK("close: the port is no longer found",
		igb_pf_adapter_get(PORT) == NULL);
	igb_pf_adapter_put(ad);
}

struct request {
	sem_t got; /* the request holds its reference */
	sem_t go; /* close is done: carry on */
	struct igb_pf_adapter *ad;
	int lock_ret;
	unsigned int released_at_lock;
	unsigned int released_before_put;
};

/* A telemetry request that looked the port up just before it closed. */
static void *
request_paused(void *arg)
{
	struct request *r = arg;

	r->ad = igb_pf_adapter_get(PORT);
	sem_post(&r->got);
	sem_wait(&r->go);
	r->released_at_lock = atomic_load(&fake_released);
	r->lock_ret = igb_pf_adapter_lock(r->ad);
	if (r->lock_ret == 0)
		igb_pf_adapter_unlock(r->ad);
	r->released_before_put = atomic_load(&fake_released);
	igb_pf_adapter_put(r->ad);
	return NULL;
}

static void
test_request_paused_over_close(void)
{
	struct igb_pf_adapter *ad = fake_adapter_new(PORT);
	struct request r = {.lock_ret = 1};
	pthread_t t;

	sem_init(&r.got, 0, 0);
	sem_init(&r.go, 0, 0);
	pthread_create(&t, NULL, request_paused, &r);
	sem_wait(&r.got);
	CHECK("paused: the request found the adapter", r.ad == ad);
	port_close(ad);
	CHECK_EQ("paused: adapter kept after the port's reference went", 0,
		atomic_load(&fake_released));
	sem_post(&r.go);
	pthread_join(t, NULL);
	CHECK_EQ("paused: adapter alive when the request locks it", 0,
		r.released_at_lock);
	CHECK_EQ("paused: the request answers -ENODEV", -ENODEV, r.lock_ret);
	CHECK_EQ("paused: adapter alive until the request lets go", 0,
		r.released_before_put);
	CHECK_EQ("paused: released once, by the request's put", 1,
		atomic_load(&fake_released));
	sem_destroy(&r.got);
	sem_destroy(&r.go);
	free(ad);
}

/* A request that arrives while close holds the adapter's lock. */
static void *
request_blocked(void *arg)
{
	int *ret = arg;
	struct igb_pf_adapter *ad;

	ad = igb_pf_adapter_enter(PORT, ret);
	if (ad != NULL)
		igb_pf_adapter_leave(ad);
	return NULL;
}

static void
test_request_blocked_on_close(void)
{
	struct igb_pf_adapter *ad = fake_adapter_new(PORT);
	int ret = 1;
	pthread_t t;

	/* Close is under way, holding the lock (its device work). */
	rte_spinlock_recursive_lock(&ad->lock);
	pthread_create(&t, NULL, request_blocked, &ret);
	CHECK("blocked: the request holds a reference, waits for the lock",
		fake_wait(two_refs, ad));
	/* The request gives up once the port is closing (or gets the lock
	 * after it), its reference keeping the adapter alive meanwhile. */
	port_close(ad);
	rte_spinlock_recursive_unlock(&ad->lock);
	pthread_join(t, NULL);
	CHECK_EQ("blocked: the request answers -ENODEV", -ENODEV, ret);
	CHECK_EQ("blocked: released once the request let go", 1,
		atomic_load(&fake_released));
	free(ad);
}

static void
test_open_port(void)
{
	struct igb_pf_adapter *ad = fake_adapter_new(PORT), *in, *again;
	struct igb_pf_adapter other;
	int ret;

	igb_pf_adapter_init(&other, fake_release_zeroed);
	CHECK_EQ("open: a second adapter on the port refused", -EEXIST,
		igb_pf_adapter_publish(&other, PORT));
	CHECK_EQ("open: port out of range refused", -EINVAL,
		igb_pf_adapter_publish(&other, RTE_MAX_ETHPORTS));
	CHECK("open: no adapter on another port",
		igb_pf_adapter_enter(PORT + 1, &ret) == NULL);
	CHECK_EQ("open: -ENODEV for it", -ENODEV, ret);
	in = igb_pf_adapter_enter(PORT, &ret);
	CHECK("open: request gets the adapter", in == ad);
	CHECK_EQ("open: request succeeds", 0, ret);
	/* The application's mailbox callback calls the API under the lock. */
	again = igb_pf_adapter_enter(PORT, &ret);
	CHECK("open: nested request on the same thread", again == ad);
	CHECK_EQ("open: three references", 3, atomic_load(&ad->refs));
	igb_pf_adapter_leave(again);
	igb_pf_adapter_leave(in);
	CHECK_EQ("open: the port's reference left", 1, atomic_load(&ad->refs));
	CHECK("open: first close", igb_pf_adapter_close(ad));
	CHECK("open: closing twice does nothing", !igb_pf_adapter_close(ad));
	CHECK("open: a closed adapter is not entered",
		igb_pf_adapter_lock(ad) == -ENODEV);
	CHECK_EQ("open: kept until the port's reference goes", 0,
		atomic_load(&fake_released));
	igb_pf_adapter_put(ad);
	CHECK_EQ("open: released with the port's reference", 1,
		atomic_load(&fake_released));
	free(ad);
}

int
main(void)
{
	test_open_port();
	test_request_paused_over_close();
	test_request_blocked_on_close();
	return check_exit();
}
