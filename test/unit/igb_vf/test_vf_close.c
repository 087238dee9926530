/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An application that closes the port from its own event callback (LSC,
 * INTR_RESET, INTR_RMV), as rte_eth_dev_close() does it: dev_close, then
 * the port released (private data freed, dev->data NULL). The PMD must
 * not touch the port after the callback returned: no register access, no
 * alarm left armed, and no use of the freed adapter (built with
 * AddressSanitizer where the compiler has it, which reports one). Events
 * a request's reply reveals are raised from the poll alarm, not from
 * within the application's call.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "igb_check.h"
#include "igb_model.h"
#include "igb_vf.h"
#include "vf_fakes.h"

/* DPDK's constructors allocate for good: not leaks of the test. */
const char *__asan_default_options(void);

const char *
__asan_default_options(void)
{
	return "detect_leaks=0";
}

static struct igb_model m;
static struct rte_eth_dev dev;
static struct rte_eth_dev_data data;
static struct rte_ether_addr macs[1];
static enum rte_eth_event_type close_on;
static bool closed;
static uint64_t accesses_at_close;

static uint64_t
accesses(void)
{
	return m.nb_reads + m.nb_writes;
}

/* The application's callback: stop and close the port on close_on. */
static void
app_callback(struct rte_eth_dev *d, enum rte_eth_event_type ev)
{
	if (ev != close_on || closed)
		return;
	d->data->dev_started = 0; /* rte_eth_dev_stop(): no queues here */
	CHECK_EQ("callback: dev_close", 0, igb_vf_dev_close(d));
	/* rte_eth_dev_release_port() */
	free(d->data->dev_private);
	memset(d->data, 0, sizeof(*d->data));
	d->data = NULL;
	closed = true;
	accesses_at_close = accesses();
}

/* A port after its handshake, the poll alarm armed. */
static struct igb_vf_adapter *
setup_up(enum rte_eth_event_type ev)
{
	struct igb_vf_adapter *ad = calloc(1, sizeof(*ad));

	fake_reset();
	fake_event_hook = app_callback;
	close_on = ev;
	closed = false;
	fake_port_init(&m, ad, &dev, &data, macs);
	igb_vf_pf_reset(&dev);
	igb_vf_alarm_start(&dev);
	return ad;
}

static void
check_after_close(const char *what)
{
	char msg[128];

	snprintf(msg, sizeof(msg), "%s: the callback closed the port", what);
	CHECK(msg, closed);
	snprintf(msg, sizeof(msg), "%s: no alarm left armed", what);
	CHECK_EQ(msg, 0, fake_alarms_armed());
	snprintf(msg, sizeof(msg), "%s: no register access after close", what);
	CHECK_EQ(msg, accesses_at_close, accesses());
}

int
main(void)
{
	struct igb_vf_adapter *ad;

	/* The PF revokes clear-to-send: INTR_RESET from the poll. */
	setup_up(RTE_ETH_EVENT_INTR_RESET);
	model_pf_send(&m, IGB_MSG_PF_CONTROL);
	CHECK("reset: poll alarm run", fake_alarm_fire());
	check_after_close("reset");

	/* The link comes up: LSC. */
	setup_up(RTE_ETH_EVENT_INTR_LSC);
	data.dev_started = 1;
	data.dev_conf.intr_conf.lsc = 1;
	m.vf_reg[IGB_VF_STATUS / 4] = IGB_STATUS_LU | IGB_STATUS_FD;
	CHECK("lsc: poll alarm run", fake_alarm_fire());
	check_after_close("lsc");

	/* The device is gone: INTR_RMV. */
	setup_up(RTE_ETH_EVENT_INTR_RMV);
	data.dev_conf.intr_conf.rmv = 1;
	m.gone_reads = 1000000;
	CHECK("rmv: poll alarm run", fake_alarm_fire());
	check_after_close("rmv");

	/* A request's reply says the PF forgot us: the application hears
	 * of it from the poll, not from within its own call. */
	ad = setup_up(RTE_ETH_EVENT_INTR_RESET);
	m.answer[IGB_MSG_SET_VLAN] = ANSWER_NACK_NO_CTS;
	CHECK_EQ("request: refused -> -EPERM", -EPERM,
		igb_vf_vlan_filter_set(&dev, 7, 1));
	CHECK_EQ("request: no event within the call", 0,
		fake_events[RTE_ETH_EVENT_INTR_RESET]);
	CHECK("request: reset pending", !closed && ad->reset_pending);
	CHECK("request: poll alarm run", fake_alarm_fire());
	CHECK_EQ("request: INTR_RESET raised by the poll", 1,
		fake_events[RTE_ETH_EVENT_INTR_RESET]);
	check_after_close("request");
	return check_exit();
}
