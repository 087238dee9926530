/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * --rx-intr: an lcore whose poll found nothing arms its queues' Rx
 * interrupts and sleeps in epoll until one fires, then disarms them and
 * polls again. The sleep is bounded (RX_INTR_WAIT_MS) so that the run
 * still ends on time: the main lcore's control ticks and the stop flag
 * are seen between sleeps.
 */
#include <inttypes.h>
#include <stdio.h>

#include <rte_ethdev.h>
#include <rte_interrupts.h>

#include "bench.h"

#define RX_INTR_WAIT_MS 10

int
rx_intr_register(struct bench_lcore *lc, uint16_t port)
{
	unsigned int qi;

	for (qi = 0; qi < lc->nb_queues; qi++) {
		int ret = rte_eth_dev_rx_intr_ctl_q(port, lc->queues[qi],
			RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD, NULL);

		if (ret != 0) {
			fprintf(stderr,
				"sriov-bench: error: --rx-intr: port %u queue "
				"%u: no Rx interrupt event: %s\n",
				port, lc->queues[qi], rte_strerror(-ret));
			__atomic_store_n(&lc->run->failed, 1, __ATOMIC_RELAXED);
			__atomic_store_n(&lc->run->stop, 1, __ATOMIC_RELAXED);
			return -1;
		}
	}
	return 0;
}

static void
queues_arm(
	struct bench_lcore *lc, const uint16_t *ports, unsigned int nb, bool on)
{
	unsigned int p, qi;

	for (p = 0; p < nb; p++)
		for (qi = 0; qi < lc->nb_queues; qi++) {
			if (on)
				rte_eth_dev_rx_intr_enable(
					ports[p], lc->queues[qi]);
			else
				rte_eth_dev_rx_intr_disable(
					ports[p], lc->queues[qi]);
		}
}

/* A frame that arrived before the interrupt was armed raised nothing. */
static bool
queues_pending(struct bench_lcore *lc, const uint16_t *ports, unsigned int nb)
{
	unsigned int p, qi;

	for (p = 0; p < nb; p++)
		for (qi = 0; qi < lc->nb_queues; qi++)
			if (rte_eth_rx_queue_count(ports[p], lc->queues[qi]) >
				0)
				return true;
	return false;
}

void
rx_intr_sleep(struct bench_lcore *lc, const uint16_t *ports, unsigned int nb)
{
	struct rte_epoll_event ev[RESULT_MAX_PORTS];

	queues_arm(lc, ports, nb, true);
	if (!queues_pending(lc, ports, nb)) {
		lc->intr_sleeps++;
		if (rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, RTE_DIM(ev),
			    RX_INTR_WAIT_MS) > 0)
			lc->intr_wakes++;
	}
	queues_arm(lc, ports, nb, false);
}

void
rx_intr_report(FILE *f, const struct bench_run *run)
{
	unsigned int i;

	for (i = 0; i < run->nb_lcores; i++) {
		const struct bench_lcore *lc = &run->lcores[i];

		fprintf(f,
			"rx-intr: lcore %u: %" PRIu64 " sleeps, %" PRIu64
			" woken by an interrupt\n",
			lc->lcore_id, lc->intr_sleeps, lc->intr_wakes);
	}
}
