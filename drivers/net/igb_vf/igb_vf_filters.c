/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Receive filters the PF programmes for us on request: unicast address,
 * multicast hashes, VLANs, promiscuous modes and the maximum frame size.
 * Everything is remembered so that a reset can replay it.
 */
#include <errno.h>
#include <string.h>

#include "igb_rxtx.h"
#include "igb_vf.h"

int
igb_vf_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *a)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	struct igb_msg req;
	int ret;

	if (!rte_is_valid_assigned_ether_addr(a))
		return -EINVAL;
	/* Linux igb refuses any SET_MAC_ADDR, even of the same address,
	 * once the administrator pinned one: do not ask for what we have. */
	if (rte_is_same_ether_addr(a, &ad->pf_addr))
		return 0;
	igb_msg_encode_set_mac(&req, a->addr_bytes);
	ret = igb_vf_pf_request(dev, &req);
	if (ret == 0)
		rte_ether_addr_copy(a, &ad->pf_addr);
	return ret;
}

/* Ask for multicast promiscuous when the application wants all multicast
 * or has more addresses than the PF can filter. */
static int
send_promisc(struct rte_eth_dev *dev, bool unicast)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	struct igb_msg req;

	igb_msg_encode_set_promisc(
		&req, unicast, ad->allmulti || ad->mc_overflow);
	return igb_vf_pf_request(dev, &req);
}

static int
send_mc_list(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	uint16_t hashes[IGB_MSG_MC_MAX];
	unsigned int n = RTE_MIN(ad->nb_mc, (uint32_t)IGB_MSG_MC_MAX);
	struct igb_msg req;
	unsigned int i;

	for (i = 0; i < n; i++)
		hashes[i] = igb_mta_hash(ad->mc[i].addr_bytes);
	igb_msg_encode_set_multicast(&req, hashes, n, ad->mc_overflow);
	return igb_vf_pf_request(dev, &req);
}

int
igb_vf_set_mc_addr_list(
	struct rte_eth_dev *dev, struct rte_ether_addr *list, uint32_t nb)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	bool was_overflow = ad->mc_overflow;
	int ret;

	if (nb > IGB_VF_MC_LIST_MAX) {
		VF_LOG(ERR, dev, "%u multicast addresses: at most %u supported",
			nb, IGB_VF_MC_LIST_MAX);
		return -ENOSPC;
	}
	memcpy(ad->mc, list, nb * sizeof(*list));
	ad->nb_mc = nb;
	ad->mc_overflow = nb > IGB_MSG_MC_MAX;
	if (ad->mc_overflow)
		VF_LOG(NOTICE, dev,
			"%u multicast addresses exceed the %u the PF filters: "
			"asking for multicast promiscuous",
			nb, IGB_MSG_MC_MAX);
	ret = send_mc_list(dev);
	if (ret == 0 && ad->mc_overflow != was_overflow)
		ret = send_promisc(dev, false);
	return ret;
}

static void
vfta_update(struct igb_vf_adapter *ad, uint16_t vid, bool on)
{
	if (on)
		ad->vfta[vid / 64] |= UINT64_C(1) << (vid % 64);
	else
		ad->vfta[vid / 64] &= ~(UINT64_C(1) << (vid % 64));
}

int
igb_vf_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vid, int on)
{
	struct igb_msg req;
	int ret;

	if (igb_msg_encode_set_vlan(&req, vid, on) != 0)
		return -EINVAL;
	ret = igb_vf_pf_request(dev, &req);
	if (ret == 0)
		vfta_update(igb_vf_adapter(dev), vid, on);
	return ret;
}

/* Stripping is the PF's choice (VMOLR.STRVLAN); the Rx path makes each
 * mbuf match the queue's setting whatever the NIC did. */
int
igb_vf_vlan_offload_set(struct rte_eth_dev *dev, int mask)
{
	uint64_t rx_offloads = dev->data->dev_conf.rxmode.offloads;
	uint16_t i;

	if (!(mask & RTE_ETH_VLAN_STRIP_MASK))
		return 0;
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct igb_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq == NULL)
			continue;
		if (rx_offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP)
			rxq->offloads |= RTE_ETH_RX_OFFLOAD_VLAN_STRIP;
		else
			rxq->offloads &= ~RTE_ETH_RX_OFFLOAD_VLAN_STRIP;
	}
	return 0;
}

int
igb_vf_promiscuous_enable(struct rte_eth_dev *dev)
{
	int ret = send_promisc(dev, true);

	/* A refused request may have cleared the multicast mode too. */
	if (ret)
		send_promisc(dev, false);
	return ret;
}

int
igb_vf_promiscuous_disable(struct rte_eth_dev *dev)
{
	return send_promisc(dev, false);
}

int
igb_vf_allmulticast_enable(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	int ret;

	ad->allmulti = true;
	ret = send_promisc(dev, false);
	if (ret)
		ad->allmulti = false;
	return ret;
}

int
igb_vf_allmulticast_disable(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);

	ad->allmulti = false;
	return send_promisc(dev, false);
}

int
igb_vf_set_max_frame(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct igb_msg req;

	igb_msg_encode_set_lpe(&req, mtu + IGB_VF_FRAME_OVERHEAD);
	return igb_vf_pf_request(dev, &req);
}

int
igb_vf_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	uint32_t frame = mtu + IGB_VF_FRAME_OVERHEAD;
	uint16_t i;

	if (frame > IGB_VF_MAX_FRAME)
		return -EINVAL;
	/* Without scattered Rx a frame must fit one buffer. */
	if (!(dev->data->dev_conf.rxmode.offloads &
		    RTE_ETH_RX_OFFLOAD_SCATTER)) {
		for (i = 0; i < dev->data->nb_rx_queues; i++) {
			struct igb_rx_queue *rxq = dev->data->rx_queues[i];

			if (rxq != NULL && frame > rxq->buf_len) {
				VF_LOG(ERR, dev,
					"MTU %u needs %u-byte buffers (have "
					"%u): enable scattered Rx",
					mtu, frame, rxq->buf_len);
				return -EINVAL;
			}
		}
	}
	if (!dev->data->dev_started)
		return 0; /* sent by dev_start */
	return igb_vf_set_max_frame(dev, mtu);
}

/* Replay our filters after a reset handshake made the PF forget them. */
int
igb_vf_filters_restore(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	struct rte_ether_addr *mac = &dev->data->mac_addrs[0];
	unsigned int w, b;
	int ret = 0, r;

	if (!rte_is_same_ether_addr(mac, &ad->perm_addr)) {
		r = igb_vf_mac_addr_set(dev, mac);
		if (r) {
			VF_LOG(WARNING, dev,
				"PF refused our MAC address after reset; using "
				"the PF's");
			rte_ether_addr_copy(&ad->perm_addr, mac);
		}
	}
	for (w = 0; w < RTE_DIM(ad->vfta); w++) {
		for (b = 0; b < 64; b++) {
			struct igb_msg req;

			if (!(ad->vfta[w] & (UINT64_C(1) << b)))
				continue;
			igb_msg_encode_set_vlan(&req, w * 64 + b, true);
			r = igb_vf_pf_request(dev, &req);
			if (r)
				ret = r;
		}
	}
	if (ad->nb_mc) {
		r = send_mc_list(dev);
		if (r)
			ret = r;
	}
	if (ad->allmulti || ad->mc_overflow) {
		r = send_promisc(dev, false);
		if (r)
			ret = r;
	}
	r = igb_vf_set_max_frame(dev, dev->data->mtu);
	return r ? r : ret;
}
