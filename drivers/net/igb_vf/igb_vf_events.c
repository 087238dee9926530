/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The event loop: the poll alarm and the events it raises (link, PF
 * reset, device gone), and link state. The VF's mailbox interrupt cannot
 * be relied on (QEMU: it raises it on the wrong vector and VF reads of
 * EICR return 0), so an EAL alarm polls the mailbox and samples the
 * 32-bit counters before they can wrap twice. The alarm raises every
 * event of the port, never an ethdev call of the application: callbacks
 * may stop, reset or close the port.
 */
#include <rte_alarm.h>

#include "igb_vf.h"

int
igb_vf_link_update(struct rte_eth_dev *dev, int wait)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	struct rte_eth_link link = {0};
	uint32_t status;

	RTE_SET_USED(wait); /* STATUS is current: nothing to wait for */
	status = igb_read(&ad->hw, IGB_VF_STATUS);
	/* Up only while the PF has not reset us away. */
	if ((status & IGB_STATUS_LU) && !atomic_load(&ad->reset_pending) &&
		!atomic_load(&ad->gone) && dev->data->dev_started) {
		link.link_status = RTE_ETH_LINK_UP;
		link.link_duplex = (status & IGB_STATUS_FD)
			? RTE_ETH_LINK_FULL_DUPLEX
			: RTE_ETH_LINK_HALF_DUPLEX;
		if (status & IGB_STATUS_SPEED_1000)
			link.link_speed = RTE_ETH_SPEED_NUM_1G;
		else if (status & IGB_STATUS_SPEED_100)
			link.link_speed = RTE_ETH_SPEED_NUM_100M;
		else
			link.link_speed = RTE_ETH_SPEED_NUM_10M;
	} else {
		link.link_speed = RTE_ETH_SPEED_NUM_NONE;
		link.link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
	}
	link.link_autoneg = RTE_ETH_LINK_AUTONEG;
	return rte_eth_linkstatus_set(dev, &link);
}

/*
 * The poll (alarm thread) and a refused request (application thread) can
 * see the same reset at once: true only for the first caller since the
 * last handshake, which raises INTR_RESET. Mailbox observations claim
 * under the mailbox lock, which the handshake holds when it clears the
 * state: what the poll saw before the handshake is not news after it.
 */
bool
igb_vf_claim_reset(struct igb_vf_adapter *ad)
{
	bool pending = false;

	return atomic_compare_exchange_strong(
		&ad->reset_pending, &pending, true);
}

/*
 * Log, link down, and INTR_RESET from the next poll; LSC before it if the
 * link was up (an application that watches the link sees it go, as after
 * any other link loss).
 */
void
igb_vf_notify_reset(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);

	VF_LOG(NOTICE, dev,
		"PF reset or revoked clear-to-send: port needs "
		"rte_eth_dev_reset()");
	/* rte_eth_linkstatus_set() returns 0 if the state changed. */
	if (igb_vf_link_update(dev, 0) == 0)
		atomic_store(&ad->link_event, true);
	atomic_store(&ad->reset_event, true);
}

void
igb_vf_raise_reset(struct rte_eth_dev *dev)
{
	if (igb_vf_claim_reset(igb_vf_adapter(dev)))
		igb_vf_notify_reset(dev);
}

/* Log and link down; the poll raises INTR_RMV and stops. */
void
igb_vf_raise_gone(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);

	if (atomic_exchange(&ad->gone, true))
		return;
	VF_LOG(ERR, dev,
		"registers read all ones: the VF is gone (removed, or SR-IOV "
		"disabled by a PF reset); detach the port");
	igb_vf_link_update(dev, 0);
}

/* False if the callback closed the port: it may be freed, touch nothing. */
static bool
alarm_event(struct rte_eth_dev *dev, enum rte_eth_event_type ev,
	const bool *stopped)
{
	rte_eth_dev_callback_process(dev, ev, NULL);
	return !*stopped;
}

static void
igb_vf_alarm(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	bool stopped = false, lsc = false, gone;

	if (ad->closed)
		return;
	ad->alarm_stopped = &stopped;
	igb_vf_pf_poll(dev);
	gone = atomic_load(&ad->gone);
	if (!gone) {
		igb_vf_counters_sample(ad);
		lsc = igb_vf_link_update(dev, 0) == 0;
		/* Reset with the PF (the PF process died, vfio reset the
		 * PF): the registers read 0, so no RSTI; the PCI enables
		 * tell. */
		if (dev->data->dev_started &&
			!atomic_load(&ad->reset_pending) &&
			dev->data->dev_link.link_status == RTE_ETH_LINK_DOWN &&
			igb_vf_pci_enables_lost(dev))
			igb_vf_raise_reset(dev);
	}
	/* Events last: a callback that closes the port ends the run. */
	lsc = atomic_exchange(&ad->link_event, false) || lsc;
	if (lsc && dev->data->dev_conf.intr_conf.lsc &&
		!alarm_event(dev, RTE_ETH_EVENT_INTR_LSC, &stopped))
		return;
	if (atomic_exchange(&ad->reset_event, false) &&
		!alarm_event(dev, RTE_ETH_EVENT_INTR_RESET, &stopped))
		return;
	if (gone && dev->data->dev_conf.intr_conf.rmv &&
		!alarm_event(dev, RTE_ETH_EVENT_INTR_RMV, &stopped))
		return;
	ad->alarm_stopped = NULL;
	if (!gone) /* else nothing is left to poll */
		rte_eal_alarm_set(IGB_VF_POLL_US, igb_vf_alarm, dev);
}

void
igb_vf_alarm_start(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);

	if (ad->alarm_armed)
		return;
	if (rte_eal_alarm_set(IGB_VF_POLL_US, igb_vf_alarm, dev) == 0)
		ad->alarm_armed = true;
	else
		VF_LOG(ERR, dev, "cannot arm the mailbox poll alarm");
}

void
igb_vf_alarm_stop(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);

	if (!ad->alarm_armed)
		return;
	/* From another thread this waits for a running poll to end. From
	 * the poll's own event callback it cannot: tell the poll to stop,
	 * since the port may be freed once the callback returns. */
	rte_eal_alarm_cancel(igb_vf_alarm, dev);
	if (ad->alarm_stopped != NULL) {
		*ad->alarm_stopped = true;
		ad->alarm_stopped = NULL;
	}
	ad->alarm_armed = false;
}
