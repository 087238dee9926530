/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The adapter's interrupt callback and poll alarm (igb_pf_adapter.c)
 * against a close, in EAL's interrupt thread (EAL without hugepages or
 * PCI; an eventfd stands for the PCI interrupt): close from within the
 * interrupt callback and from within the alarm (an application callback
 * closing the port), and close from another thread while the callback
 * runs. Threads and semaphores force each interleaving.
 *
 * The adapters are adapter_fakes.h's: an early release shows as a failed
 * check.
 */
#include <errno.h>
#include <semaphore.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>

#include "adapter_fakes.h"
#include "igb_check.h"
#include "igb_pf_adapter.h"

#define PORT 5

static int efd = -1;

/* The adapter was released. */
static bool
released_any(void *arg)
{
	(void)arg;
	return atomic_load(&fake_released) != 0;
}

/* An interrupt source for EAL's interrupt thread. */
static struct rte_intr_handle *
intr_new(void)
{
	struct rte_intr_handle *h;

	efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (efd < 0 || h == NULL || rte_intr_fd_set(h, efd) != 0 ||
		rte_intr_type_set(h, RTE_INTR_HANDLE_EXT) != 0) {
		perror("interrupt source");
		exit(EXIT_FAILURE);
	}
	return h;
}

static void
intr_raise(void)
{
	uint64_t one = 1;

	if (write(efd, &one, sizeof(one)) != sizeof(one))
		perror("eventfd write");
}

static void
intr_free(struct rte_intr_handle *h)
{
	rte_intr_instance_free(h);
	close(efd);
	efd = -1;
}

static void
intr_drain(void)
{
	uint64_t n;

	if (read(efd, &n, sizeof(n)) < 0)
		perror("eventfd read");
}

/* What a close does to the event sources, as igb_pf_dev_close. */
static void
port_close(struct igb_pf_adapter *ad, rte_eal_alarm_callback poll,
	rte_intr_callback_fn intr)
{
	CHECK("close: first close", igb_pf_adapter_close(ad));
	if (poll != NULL)
		igb_pf_adapter_alarm_stop(ad, poll);
	if (intr != NULL)
		igb_pf_adapter_intr_detach(ad, intr);
	igb_pf_adapter_put(ad);
}

static struct {
	sem_t running; /* the callback runs */
	sem_t proceed; /* it may carry on */
	sem_t done; /* it is about to return */
	unsigned int released_inside;
	int lock_ret;
} cb;

/* The interrupt callback where the application's LSC callback closes. */
static void
intr_closes(void *arg)
{
	struct igb_pf_adapter *ad = arg;

	intr_drain();
	port_close(ad, NULL, intr_closes);
	cb.released_inside = atomic_load(&fake_released);
	/* The handler checks `closed` after the application's callback. */
	cb.lock_ret = igb_pf_adapter_lock(ad);
	sem_post(&cb.done);
}

static void
test_close_inside_intr(void)
{
	struct igb_pf_adapter *ad = fake_adapter_new(PORT);
	struct rte_intr_handle *h = intr_new();

	cb.lock_ret = 1;
	CHECK_EQ("intr: callback attached", 0,
		igb_pf_adapter_intr_attach(ad, h, intr_closes));
	CHECK_EQ("intr: the callback holds a reference", 2,
		atomic_load(&ad->refs));
	intr_raise();
	sem_wait(&cb.done);
	CHECK_EQ("intr: adapter alive in its callback after close", 0,
		cb.released_inside);
	CHECK_EQ("intr: the callback sees the port closed", -ENODEV,
		cb.lock_ret);
	CHECK("intr: released once the callback returned",
		fake_wait(released_any, NULL));
	CHECK_EQ("intr: the callback is gone", -ENOENT,
		rte_intr_callback_unregister(h, intr_closes, (void *)-1));
	CHECK_EQ("intr: released once", 1, atomic_load(&fake_released));
	intr_free(h);
	free(ad);
}

/* An interrupt callback that runs while another thread closes. */
static void
intr_waits(void *arg)
{
	struct igb_pf_adapter *ad = arg;

	intr_drain();
	sem_post(&cb.running);
	sem_wait(&cb.proceed);
	cb.lock_ret = igb_pf_adapter_lock(ad);
	if (cb.lock_ret == 0)
		igb_pf_adapter_unlock(ad);
}

static void
test_close_during_intr(void)
{
	struct igb_pf_adapter *ad = fake_adapter_new(PORT);
	struct rte_intr_handle *h = intr_new();

	cb.lock_ret = 1;
	CHECK_EQ("intr busy: callback attached", 0,
		igb_pf_adapter_intr_attach(ad, h, intr_waits));
	intr_raise();
	sem_wait(&cb.running);
	/* Waiting for the callback here would never end. */
	port_close(ad, NULL, intr_waits);
	CHECK_EQ("intr busy: adapter kept while its callback runs", 0,
		atomic_load(&fake_released));
	sem_post(&cb.proceed);
	CHECK("intr busy: released once the callback returned",
		fake_wait(released_any, NULL));
	CHECK_EQ("intr busy: the callback saw the port closed", -ENODEV,
		cb.lock_ret);
	CHECK_EQ("intr busy: the callback is gone", -ENOENT,
		rte_intr_callback_unregister(h, intr_waits, (void *)-1));
	intr_free(h);
	free(ad);
}

/* The poll where the application's VF_MBOX callback closes the port,
 * then the poll's own end (igb_pf_poll). */
static void
poll_closes(void *arg)
{
	struct igb_pf_adapter *ad = arg;

	port_close(ad, poll_closes, NULL);
	cb.released_inside = atomic_load(&fake_released);
	cb.lock_ret = igb_pf_adapter_alarm_rearm(ad, 1, poll_closes);
	if (cb.lock_ret != 0)
		igb_pf_adapter_put(ad);
	sem_post(&cb.done);
}

static void
test_close_inside_poll(void)
{
	struct igb_pf_adapter *ad = fake_adapter_new(PORT);

	cb.lock_ret = 1;
	/* Held so that the callback's close waits for the checks. */
	rte_spinlock_recursive_lock(&ad->lock);
	CHECK_EQ("poll: alarm armed", 0,
		igb_pf_adapter_alarm_start(ad, 1, poll_closes));
	CHECK_EQ(
		"poll: the alarm holds a reference", 2, atomic_load(&ad->refs));
	rte_spinlock_recursive_unlock(&ad->lock);
	sem_wait(&cb.done);
	CHECK_EQ("poll: adapter alive in its callback after close", 0,
		cb.released_inside);
	CHECK_EQ("poll: not re-armed once closed", -ENODEV, cb.lock_ret);
	CHECK("poll: released once the callback ended",
		fake_wait(released_any, NULL));
	rte_errno = 0;
	CHECK_EQ("poll: no alarm left", 0,
		rte_eal_alarm_cancel(poll_closes, (void *)-1));
	CHECK_EQ("poll: released once", 1, atomic_load(&fake_released));
	free(ad);
}

/* A poll that re-arms itself until the port closes. */
static void
poll_again(void *arg)
{
	struct igb_pf_adapter *ad = arg;

	sem_post(&cb.running);
	if (igb_pf_adapter_alarm_rearm(ad, 1, poll_again) != 0)
		igb_pf_adapter_put(ad);
}

static void
test_close_while_polling(void)
{
	struct igb_pf_adapter *ad = fake_adapter_new(PORT);

	CHECK_EQ("polling: alarm armed", 0,
		igb_pf_adapter_alarm_start(ad, 1, poll_again));
	sem_wait(&cb.running);
	sem_wait(&cb.running);
	port_close(ad, poll_again, NULL);
	CHECK_EQ("polling: released by close", 1, atomic_load(&fake_released));
	rte_errno = 0;
	CHECK_EQ("polling: no alarm left", 0,
		rte_eal_alarm_cancel(poll_again, (void *)-1));
	while (sem_trywait(&cb.running) == 0)
		;
	free(ad);
}

int
main(void)
{
	char *args[] = {"test", "--no-huge", "-m", "32", "--no-pci",
		"--no-shconf", "--file-prefix=igb_pf_adapter_events", "-l", "0",
		"--no-telemetry", "--log-level=lib.eal:error"};

	/* Each check's line gets out even if EAL panics. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (rte_eal_init(RTE_DIM(args), args) < 0) {
		printf("FAIL EAL init: %s\n", rte_strerror(rte_errno));
		return EXIT_FAILURE;
	}
	sem_init(&cb.running, 0, 0);
	sem_init(&cb.proceed, 0, 0);
	sem_init(&cb.done, 0, 0);
	test_close_inside_intr();
	test_close_during_intr();
	test_close_inside_poll();
	test_close_while_polling();
	rte_eal_cleanup();
	return check_exit();
}
