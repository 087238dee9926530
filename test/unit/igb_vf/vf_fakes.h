/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Link-time stand-ins for the EAL alarm and the ethdev event call the VF
 * PMD makes: a test fires the poll alarm itself, in the thread it
 * chooses, and sees every event the PMD raises.
 */
#ifndef VF_FAKES_H
#define VF_FAKES_H

#include <stdatomic.h>

#include <ethdev_driver.h>

/* Events raised so far, by type. */
extern atomic_uint fake_events[RTE_ETH_EVENT_MAX];

/* Called in the raising thread for every event (NULL: nothing). */
extern void (*fake_event_hook)(
	struct rte_eth_dev *dev, enum rte_eth_event_type ev);

/* Forget events, hook and alarms. */
void fake_reset(void);

/* Alarms armed and not yet run or cancelled. */
unsigned int fake_alarms_armed(void);

/* Run the oldest armed alarm as EAL's alarm thread would (disarmed while
 * it runs; cancelling it from within reports EINPROGRESS; a cancel from
 * another thread does not wait for the run). Returns false if none was
 * armed. */
bool fake_alarm_fire(void);

struct igb_model;
struct igb_vf_adapter;

/*
 * A VF port before its handshake, on the register model m, whose PF
 * answers every request with ACK and pins 02:00:00:00:00:10: ad, data and
 * dev zeroed and wired (ad the private data, macs the address table).
 */
void fake_port_init(struct igb_model *m, struct igb_vf_adapter *ad,
	struct rte_eth_dev *dev, struct rte_eth_dev_data *data,
	struct rte_ether_addr *macs);

#endif /* VF_FAKES_H */
