/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The VF's "reset pending" state between threads: the poll alarm and an
 * application request may see the PF's reset at the same time, and the
 * reset handshake clears the state while the alarm may raise it again.
 * INTR_RESET must be raised once per reset. Built with ThreadSanitizer
 * where the compiler has it: an unsynchronised check-then-set is then
 * reported whatever the interleaving, so the test does not depend on the
 * threads happening to collide.
 */
#include <pthread.h>
#include <string.h>

#include "igb_check.h"
#include "igb_model.h"
#include "igb_vf.h"
#include "vf_fakes.h"

int igb_vf_logtype; /* registered by the PMD's ethdev file */

static struct igb_model m;
static struct rte_eth_dev dev;
static struct rte_eth_dev_data data;
static struct igb_vf_adapter ad;
static struct rte_ether_addr macs[1];
static pthread_barrier_t start;

static void
setup(void)
{
	fake_reset();
	fake_port_init(&m, &ad, &dev, &data, macs);
}

/* What the poll (alarm thread) or a refused request (application thread)
 * does on seeing the PF's reset; the next poll raises the event. */
static void *
raiser(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&start);
	igb_vf_raise_reset(&dev);
	return NULL;
}

static void *
resetter(void *arg)
{
	int *ret = arg;

	pthread_barrier_wait(&start);
	*ret = igb_vf_pf_reset(&dev);
	return NULL;
}

static void
run_pair(void *(*a)(void *), void *a_arg, void *(*b)(void *), void *b_arg)
{
	pthread_t ta, tb;

	pthread_barrier_init(&start, NULL, 2);
	pthread_create(&ta, NULL, a, a_arg);
	pthread_create(&tb, NULL, b, b_arg);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	pthread_barrier_destroy(&start);
}

int
main(void)
{
	unsigned int round, bad_pair = 0, bad_reset = 0;
	int ret;

	rte_log_set_global_level(RTE_LOG_WARNING);
	setup();
	CHECK_EQ("handshake", 0, igb_vf_pf_reset(&dev));
	igb_vf_alarm_start(&dev);
	for (round = 0; round < 200; round++) {
		unsigned int before = fake_events[RTE_ETH_EVENT_INTR_RESET];
		bool pending;

		/* Both see the reset: one INTR_RESET. */
		run_pair(raiser, NULL, raiser, NULL);
		fake_alarm_fire();
		if (fake_events[RTE_ETH_EVENT_INTR_RESET] != before + 1)
			bad_pair++;
		/* The application resets while the alarm sees a new reset:
		 * before or after the handshake clears the state, and
		 * raised only in the second case. */
		ret = -1;
		run_pair(resetter, &ret, raiser, NULL);
		fake_alarm_fire();
		pending = ad.reset_pending;
		if (ret != 0 ||
			fake_events[RTE_ETH_EVENT_INTR_RESET] !=
				before + 1 + pending)
			bad_reset++;
		if (pending && igb_vf_pf_reset(&dev) != 0)
			bad_reset++;
	}
	CHECK_EQ(
		"rounds where two raisers raised other than once", 0, bad_pair);
	CHECK_EQ("rounds where reset and raise disagree with the events", 0,
		bad_reset);
	return check_exit();
}
