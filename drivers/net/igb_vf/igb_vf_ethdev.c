/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_igb_vf: probe, configuration, start/stop/reset and the ethdev ops.
 */
#include <errno.h>
#include <string.h>

#include <bus_pci_driver.h>
#include <ethdev_pci.h>
#include <rte_malloc.h>

#include "igb_ethdev_queue.h"
#include "igb_vf.h"

RTE_LOG_REGISTER(igb_vf_logtype, pmd.net.igb_vf, NOTICE);

static int
check_frame_fits(struct rte_eth_dev *dev, uint16_t mtu)
{
	uint32_t frame = mtu + IGB_VF_FRAME_OVERHEAD;
	uint16_t i;

	if (dev->data->dev_conf.rxmode.offloads & RTE_ETH_RX_OFFLOAD_SCATTER)
		return 0;
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct igb_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq != NULL && frame > rxq->buf_len) {
			VF_LOG(ERR, dev,
				"MTU %u needs %u-byte Rx buffers (queue %u has "
				"%u): enable scattered Rx or use larger mbufs",
				mtu, frame, i, rxq->buf_len);
			return -EINVAL;
		}
	}
	return 0;
}

static int
igb_vf_dev_configure(struct rte_eth_dev *dev)
{
	const struct rte_eth_conf *conf = &dev->data->dev_conf;

	if (conf->rxmode.mq_mode != RTE_ETH_MQ_RX_NONE ||
		conf->txmode.mq_mode != RTE_ETH_MQ_TX_NONE) {
		VF_LOG(ERR, dev,
			"multi-queue modes (RSS, VMDq, DCB) are the PF's to "
			"set; use mq_mode NONE");
		return -ENOTSUP;
	}
	return igb_vf_intr_check(dev);
}

static int
igb_vf_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	RTE_SET_USED(dev);
	info->max_rx_queues = IGB_VF_MAX_QUEUES;
	info->max_tx_queues = IGB_VF_MAX_QUEUES;
	info->min_rx_bufsize = IGB_RX_BUF_ALIGN;
	info->max_rx_pktlen = IGB_VF_MAX_FRAME;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = IGB_VF_MAX_FRAME - IGB_VF_FRAME_OVERHEAD;
	info->max_mac_addrs = 1;
	info->rx_offload_capa =
		IGB_RX_OFFLOADS | RTE_ETH_RX_OFFLOAD_VLAN_FILTER;
	info->tx_offload_capa = IGB_TX_OFFLOADS;
	igb_eth_desc_lim_get(info);
	info->default_rxconf.rx_free_thresh = IGB_RX_FREE_THRESH_DEFAULT;
	info->default_txconf.tx_free_thresh = IGB_TX_FREE_THRESH_DEFAULT;
	info->default_rxportconf.nb_queues = 1;
	info->default_txportconf.nb_queues = 1;
	info->speed_capa = RTE_ETH_LINK_SPEED_10M | RTE_ETH_LINK_SPEED_100M |
		RTE_ETH_LINK_SPEED_1G;
	return 0;
}

static const uint32_t *
igb_vf_ptypes_get(struct rte_eth_dev *dev)
{
	static const uint32_t ptypes[] = {RTE_PTYPE_L2_ETHER, RTE_PTYPE_L3_IPV4,
		RTE_PTYPE_L3_IPV4_EXT, RTE_PTYPE_L3_IPV6, RTE_PTYPE_L3_IPV6_EXT,
		RTE_PTYPE_L4_TCP, RTE_PTYPE_L4_UDP, RTE_PTYPE_L4_SCTP,
		RTE_PTYPE_UNKNOWN};

	RTE_SET_USED(dev);
	return ptypes;
}

static int
igb_vf_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_rxconf *conf,
	struct rte_mempool *mp)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	struct igb_rx_queue *rxq;
	int ret;

	ret = igb_eth_rx_queue_setup(dev, &ad->hw, IGB_VF_RXQ_BASE(qid), qid,
		nb_desc, socket, conf, mp);
	if (ret != 0)
		return ret;
	rxq = dev->data->rx_queues[qid];
	rxq->vlan_own = ad->vfta;
	return 0;
}

static int
igb_vf_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_txconf *conf)
{
	return igb_eth_tx_queue_setup(dev, &igb_vf_adapter(dev)->hw,
		IGB_VF_TXQ_BASE(qid), qid, nb_desc, socket, conf);
}

static int
igb_vf_dev_start(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	int ret;

	if (atomic_load(&ad->reset_pending)) {
		VF_LOG(ERR, dev,
			"the PF reset this VF: call rte_eth_dev_reset() before "
			"starting");
		return -EIO;
	}
	ret = check_frame_fits(dev, dev->data->mtu);
	if (ret)
		return ret;
	ret = igb_vf_set_max_frame(dev, dev->data->mtu);
	if (ret) {
		VF_LOG(ERR, dev, "PF refused max frame %u (MTU %u)",
			dev->data->mtu + IGB_VF_FRAME_OVERHEAD, dev->data->mtu);
		return ret;
	}
	ret = igb_eth_queues_start(dev);
	if (ret)
		return ret;
	ret = igb_vf_intr_start(dev);
	if (ret)
		igb_eth_queues_stop(dev);
	return ret;
}

static int
igb_vf_dev_stop(struct rte_eth_dev *dev)
{
	struct rte_eth_link link = {
		.link_status = RTE_ETH_LINK_DOWN,
		.link_autoneg = RTE_ETH_LINK_AUTONEG,
	};

	igb_vf_intr_stop(dev);
	igb_eth_queues_stop(dev);
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

int
igb_vf_dev_close(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);

	if (rte_eal_process_type() != RTE_PROC_PRIMARY || ad->closed)
		return 0;
	igb_vf_alarm_stop(dev);
	ad->closed = true;
	igb_vf_intr_stop(dev);
	igb_eth_queues_stop(dev);
	igb_eth_queues_release(dev);
	/* 82576 4.5.11.2.2: a VF reset leaves it quiet, queues and
	 * interrupts off; the PF sees VFLRE (QEMU alike). */
	igb_write(&ad->hw, IGB_VF_CTRL, IGB_CTRL_RST);
	return 0;
}

/*
 * Recovery after RTE_ETH_EVENT_INTR_RESET (the port is stopped): restore
 * the PCI command register if a PF reset cleared it, redo the handshake,
 * then replay MAC, VLANs, multicast list, modes and MTU.
 */
static int
igb_vf_dev_reset(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	struct rte_ether_addr old_perm = ad->perm_addr;
	struct rte_ether_addr *mac = &dev->data->mac_addrs[0];
	int ret;

	ret = igb_vf_pci_enables_restore(dev);
	if (ret)
		return ret;
	igb_vf_intr_stop(dev);
	igb_eth_queues_stop(dev);
	ret = igb_vf_pf_reset(dev);
	if (ret)
		return ret;
	/* Counters may restart with the VF: continue from here. */
	igb_vf_counters_restart(ad);
	igb_vf_counters_sample(ad);
	/* The application kept the PF's address: follow a new one. */
	if (rte_is_same_ether_addr(mac, &old_perm))
		rte_ether_addr_copy(&ad->perm_addr, mac);
	ret = igb_vf_filters_restore(dev);
	if (ret)
		VF_LOG(WARNING, dev,
			"reset done, but the PF refused part of the restored "
			"configuration: %s",
			strerror(-ret));
	else
		VF_LOG(INFO, dev, "reset done, configuration restored");
	return ret;
}

static const struct eth_dev_ops igb_vf_ops = {
	.dev_configure = igb_vf_dev_configure,
	.dev_start = igb_vf_dev_start,
	.dev_stop = igb_vf_dev_stop,
	.dev_close = igb_vf_dev_close,
	.dev_reset = igb_vf_dev_reset,
	.dev_infos_get = igb_vf_dev_infos_get,
	.dev_supported_ptypes_get = igb_vf_ptypes_get,
	.link_update = igb_vf_link_update,
	.promiscuous_enable = igb_vf_promiscuous_enable,
	.promiscuous_disable = igb_vf_promiscuous_disable,
	.allmulticast_enable = igb_vf_allmulticast_enable,
	.allmulticast_disable = igb_vf_allmulticast_disable,
	.mac_addr_set = igb_vf_mac_addr_set,
	.set_mc_addr_list = igb_vf_set_mc_addr_list,
	.mtu_set = igb_vf_mtu_set,
	.vlan_filter_set = igb_vf_vlan_filter_set,
	.vlan_offload_set = igb_vf_vlan_offload_set,
	.stats_get = igb_vf_stats_get,
	.stats_reset = igb_vf_stats_reset,
	.xstats_get = igb_vf_xstats_get,
	.xstats_get_names = igb_pool_xstats_get_names,
	.xstats_reset = igb_vf_stats_reset,
	.rx_queue_setup = igb_vf_rx_queue_setup,
	.tx_queue_setup = igb_vf_tx_queue_setup,
	.rx_queue_intr_enable = igb_vf_rx_queue_intr_enable,
	.rx_queue_intr_disable = igb_vf_rx_queue_intr_disable,
	IGB_ETH_QUEUE_OPS,
	.get_reg = igb_vf_get_reg,
};

/*
 * A secondary process (dpdk-proc-info, dpdk-pdump) gets the ops that read:
 * the primary owns the VF's registers and its mailbox. The register dump
 * reads only registers without side effects; close releases the port in
 * this process alone.
 */
static const struct eth_dev_ops igb_vf_secondary_ops = {
	.dev_close = igb_vf_dev_close,
	.dev_infos_get = igb_vf_dev_infos_get,
	.dev_supported_ptypes_get = igb_vf_ptypes_get,
	.link_update = igb_eth_link_update_shared,
	.stats_get = igb_vf_stats_get,
	.xstats_get = igb_vf_xstats_get,
	.xstats_get_names = igb_pool_xstats_get_names,
	IGB_ETH_QUEUE_INFO_OPS,
	.get_reg = igb_vf_get_reg,
};

static int
igb_vf_dev_init(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	char buf[RTE_ETHER_ADDR_FMT_SIZE];
	int ret;

	igb_eth_burst_init(dev);
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		dev->dev_ops = &igb_vf_secondary_ops;
		return 0;
	}
	dev->dev_ops = &igb_vf_ops;

	if (pci->mem_resource[0].addr == NULL ||
		pci->mem_resource[0].len < IGB_VF_BAR_SIZE) {
		VF_LOG(ERR, dev, "BAR0 not mapped or too small");
		return -ENODEV;
	}
	rte_eth_copy_pci_info(dev, pci);
	dev->data->dev_flags |= RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS |
		RTE_ETH_DEV_INTR_LSC | RTE_ETH_DEV_INTR_RMV;
	ad->hw.base = pci->mem_resource[0].addr;
	ad->hw.model = NULL;
	rte_spinlock_init(&ad->mbx_lock);
	rte_spinlock_init(&ad->stats_lock);

	dev->data->mac_addrs = rte_zmalloc("igb_vf_mac", RTE_ETHER_ADDR_LEN, 0);
	if (dev->data->mac_addrs == NULL)
		return -ENOMEM;
	/* 82576 4.5.11.2.2: the reset handshake before anything else. */
	ret = igb_vf_pf_reset(dev);
	if (ret)
		return ret;
	rte_ether_addr_copy(&ad->perm_addr, &dev->data->mac_addrs[0]);
	igb_vf_counters_sample(ad);
	igb_vf_alarm_start(dev);
	rte_ether_format_addr(buf, sizeof(buf), &ad->perm_addr);
	VF_LOG(INFO, dev, "82576 VF %04x:%04x, MAC %s", pci->id.vendor_id,
		pci->id.device_id, buf);
	return 0;
}

static int
igb_vf_dev_uninit(struct rte_eth_dev *dev)
{
	return igb_vf_dev_close(dev);
}

static int
igb_vf_pci_probe(struct rte_pci_driver *drv, struct rte_pci_device *pci)
{
	RTE_SET_USED(drv);
	return rte_eth_dev_pci_generic_probe(
		pci, sizeof(struct igb_vf_adapter), igb_vf_dev_init);
}

static int
igb_vf_pci_remove(struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_remove(pci, igb_vf_dev_uninit);
}

static const struct rte_pci_id igb_vf_pci_ids[] = {
	{RTE_PCI_DEVICE(IGB_VENDOR_ID_INTEL, IGB_DEV_ID_82576_VF)},
	{.vendor_id = 0},
};

static struct rte_pci_driver igb_vf_pmd = {
	.id_table = igb_vf_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING,
	.probe = igb_vf_pci_probe,
	.remove = igb_vf_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_igb_vf, igb_vf_pmd);
RTE_PMD_REGISTER_PCI_TABLE(net_igb_vf, igb_vf_pci_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_igb_vf, "vfio-pci");
