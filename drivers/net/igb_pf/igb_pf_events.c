/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_igb_pf: the event loop. The mailbox (VF requests), the link and the
 * VF counters are served in rounds under the adapter's lock, by the PF's
 * interrupt when the device gives one and by a poll alarm always: the
 * interrupt is an accelerator, the poll guarantees progress. Events for
 * the application (LSC, VF_MBOX) are raised from these rounds.
 */
#include <errno.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_interrupts.h>

#include "igb_pf_hw.h"
#include "igb_pf_phy.h"
#include "igb_pf_private.h"

#define IGB_PF_POLL_US 5000 /* mailbox and link poll period */
#define IGB_PF_STATS_TICKS 20 /* VF counters folded every 100 ms */

enum igb_pf_mbx_verdict
igb_pf_ask_application(void *ctx, uint16_t vf, const struct igb_msg *m)
{
	struct igb_pf_adapter *ad = ctx;
	struct rte_pmd_igb_pf_mb_event_param p = {
		.vfid = vf,
		.msg_type = igb_msg_type(m->w[0]),
		.retval = RTE_PMD_IGB_PF_MB_EVENT_PROCEED,
		.msg = (void *)(uintptr_t)m->w,
	};

	rte_eth_dev_callback_process(ad->dev, RTE_ETH_EVENT_VF_MBOX, &p);
	/* The callback may have closed the port (this thread holds the
	 * lock, so only the callback can have). */
	if (ad->closed)
		return IGB_PF_MBX_STOP;
	switch (p.retval) {
	case RTE_PMD_IGB_PF_MB_EVENT_NOOP_ACK:
		return IGB_PF_MBX_NOOP_ACK;
	case RTE_PMD_IGB_PF_MB_EVENT_NOOP_NACK:
		return IGB_PF_MBX_NOOP_NACK;
	default:
		return IGB_PF_MBX_PROCEED;
	}
}

static void
link_set(struct igb_pf_adapter *ad, const struct igb_pf_link *l)
{
	struct rte_eth_link link = {
		.link_status = l->up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
		.link_speed = l->up ? l->speed_mbps : RTE_ETH_SPEED_NUM_NONE,
		.link_duplex = l->full_duplex ? RTE_ETH_LINK_FULL_DUPLEX
					      : RTE_ETH_LINK_HALF_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_AUTONEG,
	};

	rte_eth_linkstatus_set(ad->dev, &link);
}

/* Returns true if the link changed; then every VF is pinged. */
bool
igb_pf_link_check(struct igb_pf_adapter *ad)
{
	struct igb_pf_link l;

	igb_pf_link_read(&ad->hw, &l);
	link_set(ad, &l);
	if (l.up == ad->link_up)
		return false;
	ad->link_up = l.up;
	IGB_PF_LOG(INFO, "%s: link %s", ad->bdf, l.up ? "up" : "down");
	igb_pf_mbx_ping_all(&ad->mbx);
	return true;
}

/*
 * One round of event handling (intr: reading ICR first), under the lock;
 * true if the link changed. Nothing is touched once the port closed,
 * even by the application's mailbox callback in this round.
 */
static bool
service(struct igb_pf_adapter *ad, bool intr)
{
	bool lsc = false;

	if (igb_pf_adapter_lock(ad) != 0)
		return false;
	/* GPIE.NSICR: reading ICR acknowledges every cause. */
	if (intr)
		(void)igb_read(&ad->hw, IGB_ICR);
	igb_pf_mbx_service_bounded(&ad->mbx);
	if (!ad->closed) {
		lsc = igb_pf_link_check(ad);
		if (++ad->ticks % IGB_PF_STATS_TICKS == 0)
			igb_pf_vfstats_update(ad);
	}
	igb_pf_adapter_unlock(ad);
	return lsc;
}

/*
 * The port may close from another thread after the check: the callback
 * then reports a port being closed; ad->dev stays a valid rte_eth_devices
 * slot whatever happens.
 */
static void
notify_lsc(struct igb_pf_adapter *ad)
{
	bool lsc;

	if (igb_pf_adapter_lock(ad) != 0)
		return;
	lsc = ad->dev->data->dev_conf.intr_conf.lsc != 0;
	igb_pf_adapter_unlock(ad);
	if (lsc)
		rte_eth_dev_callback_process(
			ad->dev, RTE_ETH_EVENT_INTR_LSC, NULL);
}

/* The interrupt's reference keeps ad (not the port) alive in here. */
static void
igb_pf_intr_handler(void *arg)
{
	struct igb_pf_adapter *ad = arg;

	if (service(ad, true))
		notify_lsc(ad);
	/* Not once the application's LSC callback closed the port. */
	if (igb_pf_adapter_lock(ad) == 0) {
		rte_intr_ack(ad->intr_handle);
		igb_pf_adapter_unlock(ad);
	}
}

/* The interrupt is an accelerator; the poll guarantees progress. */
static void
igb_pf_poll(void *arg)
{
	struct igb_pf_adapter *ad = arg;
	int ret;

	if (service(ad, false))
		notify_lsc(ad);
	ret = igb_pf_adapter_alarm_rearm(ad, IGB_PF_POLL_US, igb_pf_poll);
	if (ret == 0)
		return;
	if (ret != -ENODEV)
		IGB_PF_LOG(ERR, "%s: cannot re-arm the mailbox poll: %s",
			ad->bdf, strerror(-ret));
	igb_pf_adapter_put(ad);
}

int
igb_pf_events_start(struct igb_pf_adapter *ad, struct rte_intr_handle *intr)
{
	if (igb_pf_adapter_intr_attach(ad, intr, igb_pf_intr_handler) == 0 &&
		rte_intr_enable(ad->intr_handle) == 0) {
		/* 82576 4.5.4: unmasked last: mailbox and VFLR (VMMB), link,
		 * on vector 0. */
		igb_write(&ad->hw, IGB_IMS, IGB_ICR_VMMB | IGB_ICR_LSC);
		igb_write(&ad->hw, IGB_EIMS, IGB_EICR_VECTOR(0));
	} else
		IGB_PF_LOG(NOTICE, "%s: no interrupt, polling only", ad->bdf);
	return igb_pf_adapter_alarm_start(ad, IGB_PF_POLL_US, igb_pf_poll);
}

void
igb_pf_events_stop(struct igb_pf_adapter *ad)
{
	igb_pf_adapter_alarm_stop(ad, igb_pf_poll);
	igb_write(&ad->hw, IGB_IMC, ~0u);
	rte_intr_disable(ad->intr_handle);
	igb_pf_adapter_intr_detach(ad, igb_pf_intr_handler);
}
