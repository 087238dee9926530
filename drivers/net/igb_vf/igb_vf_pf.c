/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The VF side of the PF conversation: reset handshake, requests whose
 * NACK becomes an errno, and the poll that turns PF notifications into
 * link and reset events.
 */
#include <errno.h>
#include <string.h>

#include "igb_vf.h"

#define PF_RESET_POLL_US 1000

static bool
mac_is_zero(const uint8_t *mac)
{
	static const uint8_t zero[RTE_ETHER_ADDR_LEN];

	return memcmp(mac, zero, sizeof(zero)) == 0;
}

/* The PF's answer to VF_RESET (ACK with our MAC, or NACK without). */
static bool
reset_reply_ok(uint32_t w0)
{
	return igb_msg_type(w0) == IGB_MSG_VF_RESET &&
		(w0 & (IGB_MSG_ACK | IGB_MSG_NACK));
}

/*
 * The VF driver's start, 82576 4.5.11.2.2, in the reset coordination of
 * 4.5.11.2.3. CTRL.RST resets our queues and interrupts and tells the PF
 * (VFLRE; QEMU does so too). We may talk once RSTI is clear: the PF clears
 * it by writing CTRL_EXT.PFRSTD when its own reset is over. Then VF_RESET
 * (Linux igb's message); the reply carries our MAC.
 */
int
igb_vf_pf_reset(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	struct igb_msg req, reply;
	uint8_t mac[RTE_ETHER_ADDR_LEN];
	unsigned int waited = 0;
	uint32_t v;
	bool ok;
	int ret;

	rte_spinlock_lock(&ad->mbx_lock);
	/* 82576 4.5.11.2.2: VF software reset. */
	igb_write(&ad->hw, IGB_VF_CTRL, IGB_CTRL_RST);
	igb_flush(&ad->hw);
	igb_mbx_vf_init(&ad->mbx, &ad->hw);

	/* 82576 4.5.11.2.3: RSTI stays set while the PF is in reset. */
	while ((v = igb_mbx_vf_sample(&ad->mbx)) & IGB_V2PMAILBOX_RSTI) {
		if (igb_mbx_vf_gone(v)) {
			rte_spinlock_unlock(&ad->mbx_lock);
			VF_LOG(ERR, dev,
				"registers read all ones: the VF is gone");
			return -ENODEV;
		}
		if (waited >= IGB_VF_PF_RESET_WAIT_US) {
			rte_spinlock_unlock(&ad->mbx_lock);
			VF_LOG(ERR, dev,
				"PF still in reset after %u ms (RSTI set, no "
				"PFRSTD): is the PF driver loaded and its "
				"interface up?",
				waited / 1000);
			return -EAGAIN;
		}
		igb_delay_us(&ad->hw, PF_RESET_POLL_US);
		waited += PF_RESET_POLL_US;
	}
	/* Whatever the PF signalled before our reset is stale: RSTD, and a
	 * message (typically its "reset yourself" ping) that we drop without
	 * the ACK a PF that has not yet seen our reset would answer with a
	 * NACK. */
	igb_mbx_vf_take(&ad->mbx,
		IGB_V2PMAILBOX_RSTD | IGB_V2PMAILBOX_PFSTS |
			IGB_V2PMAILBOX_PFACK);

	/* 82576 4.5.11.2.2: then the PF sets up our pool and answers. */
	igb_msg_encode_reset(&req);
	ret = igb_mbx_vf_request(&ad->mbx, &req, &reply);
	ad->mbx.held = false; /* crossed the handshake: pre-CTS news */
	ok = ret == 0 && reset_reply_ok(reply.w[0]);
	if (ok) { /* under the lock: see igb_vf_claim_reset() */
		atomic_store(&ad->reset_pending, false);
		atomic_store(&ad->reset_event, false); /* done: not due */
	}
	rte_spinlock_unlock(&ad->mbx_lock);
	if (ret) {
		VF_LOG(ERR, dev,
			"PF did not answer VF_RESET (%s, V2PMAILBOX 0x%02x): "
			"is the PF interface up?",
			strerror(-ret), ad->mbx.last_raw);
		return ret;
	}
	if (!ok) {
		VF_LOG(ERR, dev, "unexpected reply 0x%08x to VF_RESET",
			reply.w[0]);
		return -EPROTO;
	}
	if ((reply.w[0] & IGB_MSG_ACK) &&
		igb_msg_decode_mac(&reply, mac) == 0 && !mac_is_zero(mac) &&
		rte_is_unicast_ether_addr((const struct rte_ether_addr *)mac)) {
		memcpy(ad->perm_addr.addr_bytes, mac, sizeof(mac));
	} else {
		char buf[RTE_ETHER_ADDR_FMT_SIZE];

		/* A multicast or broadcast address cannot be a port's own:
		 * a PF that gives one is as good as one that gives none. */
		rte_eth_random_addr(ad->perm_addr.addr_bytes);
		rte_ether_format_addr(buf, sizeof(buf), &ad->perm_addr);
		VF_LOG(NOTICE, dev,
			"PF assigned no unicast MAC address (reply 0x%08x); "
			"using random locally administered %s",
			reply.w[0], buf);
	}
	ad->pf_addr = ad->perm_addr;
	return 0;
}

/* A NACK without CTS: the PF has forgotten us (it reset this VF). */
static bool
lost_cts(uint32_t w0)
{
	return (w0 & IGB_MSG_NACK) && !(w0 & IGB_MSG_CTS);
}

int
igb_vf_pf_request(struct rte_eth_dev *dev, struct igb_msg *req)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	uint16_t type = igb_msg_type(req->w[0]);
	struct igb_msg reply;
	bool claimed, was_stale;
	uint32_t dropped;
	int ret;

	rte_spinlock_lock(&ad->mbx_lock);
	was_stale = ad->mbx.stale;
	dropped = ad->mbx.dropped;
	ret = igb_mbx_vf_request(&ad->mbx, req, &reply);
	dropped = ad->mbx.dropped - dropped;
	/* Still no answer to a request given up on before: the PF has not
	 * answered for two timeouts and only a reset handshake puts the
	 * conversation back in step. */
	claimed = (ret == 0 && lost_cts(reply.w[0])) ||
		(ret == -ETIMEDOUT && was_stale);
	claimed = claimed && igb_vf_claim_reset(ad);
	rte_spinlock_unlock(&ad->mbx_lock);
	if (dropped)
		VF_LOG(WARNING, dev,
			"PF sent %u message(s) of another type while request "
			"0x%x waited: dropped, not taken as its answer",
			dropped, type);
	if (ret) {
		VF_LOG(ERR, dev,
			"mailbox request 0x%x failed: %s (V2PMAILBOX 0x%02x)%s",
			type, strerror(-ret), ad->mbx.last_raw,
			ret == -ETIMEDOUT && was_stale
				? ": the PF answers no more, the port needs a "
				  "reset"
				: "");
		if (claimed)
			igb_vf_notify_reset(dev);
		return ret;
	}
	if (lost_cts(reply.w[0])) {
		VF_LOG(WARNING, dev,
			"PF refused request 0x%x: not clear to send, the port "
			"needs a reset",
			type);
		if (claimed)
			igb_vf_notify_reset(dev);
		return -EPERM;
	}
	ret = igb_msg_reply_errno(type, reply.w[0]);
	if (ret)
		VF_LOG(INFO, dev, "PF refused request 0x%x (reply 0x%08x): %s",
			type, reply.w[0], strerror(-ret));
	return ret;
}

void
igb_vf_pf_poll(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	bool reset = false, claimed;
	struct igb_msg m;
	unsigned int n;
	uint32_t v;

	if (!rte_spinlock_trylock(&ad->mbx_lock))
		return;
	v = igb_mbx_vf_sample(&ad->mbx);
	if (igb_mbx_vf_gone(v)) {
		rte_spinlock_unlock(&ad->mbx_lock);
		igb_vf_raise_gone(dev);
		return;
	}
	/* 82576 4.5.11.2.3: RSTI while the PF resets, RSTD once it is done:
	 * either way the PF has forgotten us. */
	if (v & IGB_V2PMAILBOX_RSTI)
		reset = true;
	if (igb_mbx_vf_take(&ad->mbx, IGB_V2PMAILBOX_RSTD))
		reset = true;
	/* The PF may send again as soon as we took a message: leave the
	 * rest to the next poll rather than hold the lock (and EAL's alarm
	 * thread) for as long as it keeps sending. */
	for (n = 0; n < IGB_VF_POLL_MSGS && igb_mbx_vf_recv(&ad->mbx, &m) == 0;
		n++) {
		/* PF_CONTROL with CTS is a status ping: the link check
		 * after every poll picks up what changed. */
		if (igb_msg_type(m.w[0]) == IGB_MSG_PF_CONTROL
				? !(m.w[0] & IGB_MSG_CTS)
				: lost_cts(m.w[0]))
			reset = true;
	}
	claimed = reset && igb_vf_claim_reset(ad);
	rte_spinlock_unlock(&ad->mbx_lock);

	if (claimed)
		igb_vf_notify_reset(dev);
}
