/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_igb_pf: probe (the device's init sequence) and the ethdev ops of
 * the 82576 Physical Function. The PF always runs in VMDq mode with its
 * own traffic on the last pool (queues 7 and 15): QEMU issues the DMA of
 * queue q as VF (q mod 8) while that VF exists, so the PF must stay on a
 * pool no VF can have.
 */
#include <errno.h>
#include <string.h>

#include <bus_pci_driver.h>
#include <ethdev_pci.h>
#include <rte_eal.h>
#include <rte_malloc.h>

#include "igb_ethdev_queue.h"
#include "igb_pf_hw.h"
#include "igb_pf_phy.h"
#include "igb_pf_private.h"

RTE_LOG_REGISTER(igb_pf_logtype, pmd.net.igb_pf, NOTICE);

static const struct eth_dev_ops igb_pf_ops;
static const struct eth_dev_ops igb_pf_secondary_ops;

static const struct rte_pci_id pci_id_igb_pf_map[] = {
	{RTE_PCI_DEVICE(IGB_VENDOR_ID_INTEL, IGB_DEV_ID_82576)},
	{.vendor_id = 0},
};

static void
adapter_free(struct igb_pf_adapter *ad)
{
	rte_free(ad);
}

/* ---- Device setup ---- */

/* 82576: RAL(0)/RAH(0) hold the EEPROM's address after the reset; a
 * random one if they do not hold a valid one. */
static void
read_mac(struct igb_hw *hw, uint8_t mac[IGB_PF_ETH_ALEN])
{
	uint32_t ral = igb_read(hw, IGB_RAL(0));
	uint32_t rah = igb_read(hw, IGB_RAH(0));
	unsigned int i;

	for (i = 0; i < 4; i++)
		mac[i] = (uint8_t)(ral >> (8 * i));
	mac[4] = (uint8_t)rah;
	mac[5] = (uint8_t)(rah >> 8);
	if (!igb_pf_mac_valid(mac))
		rte_eth_random_addr(mac);
}

/*
 * 82576: a VF's interrupt causes reach its own vectors only in MSI-X
 * mode (GPIE.MSIX_MODE; QEMU alike). The PF's own causes (mailbox, link)
 * go to vector 0 through IVAR_MISC, auto-cleared by EIAC; with NSICR a
 * read of ICR clears it.
 */
static void
intr_setup(struct igb_hw *hw)
{
	igb_write(hw, IGB_GPIE, IGB_GPIE_MSIX_MODE | IGB_GPIE_NSICR);
	igb_write(hw, IGB_IVAR_MISC, IGB_IVAR_MISC_OTHER(0));
	igb_write(hw, IGB_EIAC, IGB_EICR_VECTOR(0));
}

/*
 * 82576 4.5.10, 4.5.9: transmit on, short frames padded, the default
 * collision fields, late collisions retried; then receive on. 82576:
 * both gate every pool, so they stay on while VFs exist, whether the
 * PF port runs or not.
 */
static void
mac_enable(struct igb_hw *hw)
{
	igb_write(hw, IGB_TCTL,
		IGB_TCTL_EN | IGB_TCTL_PSP | IGB_TCTL_CT_DEFAULT |
			IGB_TCTL_COLD_DEFAULT | IGB_TCTL_RTLC);
	igb_write(hw, IGB_RCTL, igb_read(hw, IGB_RCTL) | IGB_RCTL_EN);
}

static int
eth_igb_pf_dev_init(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct igb_pf_adapter *ad;
	const char *args = NULL;
	uint8_t mac[IGB_PF_ETH_ALEN];
	char err[512];
	int ret;

	igb_eth_burst_init(dev);
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		dev->dev_ops = &igb_pf_secondary_ops;
		return 0;
	}
	dev->dev_ops = &igb_pf_ops;

	ad = rte_zmalloc_socket("igb_pf_adapter", sizeof(*ad),
		RTE_CACHE_LINE_SIZE, pci->device.numa_node);
	if (ad == NULL)
		return -ENOMEM;
	igb_pf_adapter_init(ad, adapter_free);
	*(struct igb_pf_adapter **)dev->data->dev_private = ad;
	ad->dev = dev;
	ad->hw.base = pci->mem_resource[0].addr;
	ad->hw.model = NULL;
	rte_pci_device_name(&pci->addr, ad->bdf, sizeof(ad->bdf));
	if (ad->hw.base == NULL) {
		IGB_PF_LOG(ERR, "%s: BAR0 not mapped", ad->bdf);
		igb_pf_adapter_put(ad);
		return -ENODEV;
	}
	if (pci->device.devargs != NULL)
		args = pci->device.devargs->args;
	if (igb_pf_devargs_parse(args, &ad->devargs, err, sizeof(err)) != 0) {
		IGB_PF_LOG(ERR, "%s: %s", ad->bdf, err);
		igb_pf_adapter_put(ad);
		return -EINVAL;
	}

	/* 82576 4.5.4, 4.5.5: interrupts masked, CTRL.RST; the VFs see
	 * RSTI until the PF says it is ready (below). */
	igb_pf_hw_reset(&ad->hw);
	read_mac(&ad->hw, mac);
	ret = igb_pf_vfs_setup(ad, mac);
	if (ret != 0)
		goto fail;

	dev->data->mac_addrs = rte_zmalloc("igb_pf_mac", RTE_ETHER_ADDR_LEN, 0);
	if (dev->data->mac_addrs == NULL) {
		ret = -ENOMEM;
		goto fail;
	}
	memcpy(dev->data->mac_addrs[0].addr_bytes, mac, RTE_ETHER_ADDR_LEN);
	dev->data->dev_flags |=
		RTE_ETH_DEV_INTR_LSC | RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS;

	intr_setup(&ad->hw);
	mac_enable(&ad->hw);
	/* 82576 4.5.11.1: VMDq mode, the pools and their filters; the PF's
	 * station address in RAR 0, on its own pool. */
	igb_pf_hw_sriov_enable(&ad->hw, &ad->sriov);
	igb_pf_hw_set_rar(&ad->hw, 0, mac, IGB_BIT(IGB_PF_POOL));
	/* 82576 4.5.7.2: link up and autonegotiation restarted (QEMU: the
	 * link follows the restart). */
	ret = igb_pf_phy_start_autoneg(&ad->hw);
	if (ret != 0)
		IGB_PF_LOG(WARNING, "%s: PHY autonegotiation not started: %s",
			ad->bdf, strerror(-ret));
	/* 82576 4.5.11.2.3: CTRL_EXT.PFRSTD last: the VFs' RSTI clears,
	 * RSTD sets, they may leave their reset wait and talk. */
	igb_pf_hw_pf_ready(&ad->hw);

	ad->mbx.hw = &ad->hw;
	ad->mbx.s = &ad->sriov;
	ad->mbx.ask = igb_pf_ask_application;
	ad->mbx.ask_ctx = ad;
	igb_pf_link_check(ad);
	ret = igb_pf_adapter_publish(ad, dev->data->port_id);
	if (ret != 0) {
		IGB_PF_LOG(ERR, "%s: port %u has an adapter already", ad->bdf,
			dev->data->port_id);
		goto fail;
	}

	if (igb_pf_events_start(ad, pci->intr_handle) != 0)
		IGB_PF_LOG(ERR, "%s: cannot start the mailbox poll", ad->bdf);
	IGB_PF_LOG(NOTICE, "%s: PF " RTE_ETHER_ADDR_PRT_FMT ", %u VFs%s",
		ad->bdf, RTE_ETHER_ADDR_BYTES(&dev->data->mac_addrs[0]),
		ad->sriov.num_vfs, ad->created_vfs ? " (created)" : "");
	return 0;

fail:
	/* What this probe created goes, keep_vfs or not. */
	igb_pf_vfs_end(ad, IGB_PF_END_PROBE_FAILED);
	igb_pf_adapter_put(ad);
	return ret;
}

/* ---- ethdev operations ---- */

static int
igb_pf_dev_configure(struct rte_eth_dev *dev)
{
	const struct rte_eth_rxmode *rx = &dev->data->dev_conf.rxmode;
	struct igb_pf_adapter *ad;
	int ret;

	if (rx->mq_mode != RTE_ETH_MQ_RX_NONE &&
		rx->mq_mode != RTE_ETH_MQ_RX_VMDQ_ONLY) {
		IGB_PF_LOG(ERR, "%s: Rx multi-queue mode %d not offered",
			dev->data->name, rx->mq_mode);
		return -ENOTSUP;
	}
	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	ad->sriov.pf.vlan_strip =
		(rx->offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP) != 0;
	return igb_pf_adapter_commit(ad, 0);
}

static int
igb_pf_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct igb_pf_adapter *ad = igb_pf_port_adapter(dev);

	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_mac_addrs = 1;
	info->max_hash_mac_addrs = 0;
	info->max_vfs = ad->sriov.num_vfs;
	info->max_vmdq_pools = RTE_ETH_8_POOLS;
	info->min_rx_bufsize = IGB_RX_BUF_ALIGN;
	info->max_rx_pktlen = IGB_PF_FRAME_MAX;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu =
		IGB_PF_FRAME_MAX - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN;
	info->rx_offload_capa = IGB_RX_OFFLOADS;
	info->tx_offload_capa = IGB_TX_OFFLOADS;
	info->rx_queue_offload_capa = 0;
	info->tx_queue_offload_capa = 0;
	igb_eth_desc_lim_get(info);
	info->speed_capa = RTE_ETH_LINK_SPEED_10M_HD | RTE_ETH_LINK_SPEED_10M |
		RTE_ETH_LINK_SPEED_100M_HD | RTE_ETH_LINK_SPEED_100M |
		RTE_ETH_LINK_SPEED_1G;
	info->default_rxconf.rx_free_thresh = IGB_RX_FREE_THRESH_DEFAULT;
	info->default_txconf.tx_free_thresh = IGB_TX_FREE_THRESH_DEFAULT;
	return 0;
}

/* The port's one queue pair is the pool's first (IGB_PF_RX_QUEUE). */
static int
igb_pf_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_rxconf *conf,
	struct rte_mempool *mp)
{
	return igb_eth_rx_queue_setup(dev, &igb_pf_port_adapter(dev)->hw,
		IGB_PF_RXQ_BASE(IGB_PF_RX_QUEUE), qid, nb_desc, socket, conf,
		mp);
}

static int
igb_pf_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_txconf *conf)
{
	return igb_eth_tx_queue_setup(dev, &igb_pf_port_adapter(dev)->hw,
		IGB_PF_TXQ_BASE(IGB_PF_TX_QUEUE), qid, nb_desc, socket, conf);
}

static int
igb_pf_dev_start(struct rte_eth_dev *dev)
{
	struct igb_pf_adapter *ad;
	int ret;

	ret = igb_eth_queues_start(dev);
	if (ret != 0)
		return ret;
	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL) {
		igb_eth_queues_stop(dev);
		return ret;
	}
	mac_enable(&ad->hw);
	igb_pf_link_check(ad);
	igb_pf_adapter_leave(ad);
	return 0;
}

static int
igb_pf_dev_stop(struct rte_eth_dev *dev)
{
	/* Global Rx/Tx stay on: the VFs keep working without the PF port. */
	igb_eth_queues_stop(dev);
	dev->data->dev_started = 0;
	return 0;
}

static int
igb_pf_dev_close(struct rte_eth_dev *dev)
{
	struct igb_pf_adapter *ad = igb_pf_port_adapter(dev);

	/*
	 * Requests that got the adapter before this answer -ENODEV, the
	 * handlers leave it alone. Close may run inside either handler (an
	 * application callback), where it cannot wait for it: each handler
	 * drops its own reference when EAL is done with it.
	 */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY || ad == NULL ||
		!igb_pf_adapter_close(ad))
		return 0;
	if (dev->data->dev_started)
		igb_pf_dev_stop(dev);
	igb_pf_events_stop(ad);
	igb_eth_queues_release(dev);
	igb_pf_vfs_end(ad, IGB_PF_END_CLOSE);
	/* The port's reference: ad lives on while a request holds one. */
	*(struct igb_pf_adapter **)dev->data->dev_private = NULL;
	igb_pf_adapter_put(ad);
	return 0;
}

static int
igb_pf_link_update(struct rte_eth_dev *dev, int wait)
{
	struct igb_pf_adapter *ad;
	struct rte_eth_link old;
	int ret;

	RTE_SET_USED(wait); /* STATUS is current: nothing to wait for */
	rte_eth_linkstatus_get(dev, &old);
	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	igb_pf_link_check(ad);
	igb_pf_adapter_leave(ad);
	return old.link_status == dev->data->dev_link.link_status ? -1 : 0;
}

/* The PF's own Rx modes. 82576: honoured in VMDq mode too (VMOLR of the
 * PF's pool); QEMU: ignores these pool bits in VMDq mode. */
static int
rx_mode_set(struct rte_eth_dev *dev, bool promisc, bool on)
{
	struct igb_pf_adapter *ad;
	int ret;

	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	if (promisc)
		ad->sriov.pf.promisc = on;
	else
		ad->sriov.pf.allmulti = on;
	return igb_pf_adapter_commit(ad, 0);
}

static int
igb_pf_promiscuous_enable(struct rte_eth_dev *dev)
{
	return rx_mode_set(dev, true, true);
}

static int
igb_pf_promiscuous_disable(struct rte_eth_dev *dev)
{
	return rx_mode_set(dev, true, false);
}

static int
igb_pf_allmulticast_enable(struct rte_eth_dev *dev)
{
	return rx_mode_set(dev, false, true);
}

static int
igb_pf_allmulticast_disable(struct rte_eth_dev *dev)
{
	return rx_mode_set(dev, false, false);
}

static int
igb_pf_set_mc_addr_list(
	struct rte_eth_dev *dev, struct rte_ether_addr *mc, uint32_t n)
{
	struct igb_pf_adapter *ad;
	uint32_t i;
	int ret;

	if (n > IGB_PF_PF_MC_MAX) {
		IGB_PF_LOG(ERR, "%s: %u multicast addresses, at most %d",
			dev->data->name, n, IGB_PF_PF_MC_MAX);
		return -ENOSPC;
	}
	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	for (i = 0; i < n; i++)
		ad->sriov.pf.mc_hashes[i] = igb_mta_hash(mc[i].addr_bytes);
	ad->sriov.pf.mc_count = (uint16_t)n;
	return igb_pf_adapter_commit(ad, 0);
}

static int
igb_pf_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct igb_pf_adapter *ad;
	int ret;

	if (!igb_pf_mac_valid(addr->addr_bytes))
		return -EINVAL;
	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	if (igb_pf_mac_taken(&ad->sriov, IGB_PF_SELF, addr->addr_bytes)) {
		ret = -EADDRINUSE;
	} else {
		memcpy(ad->sriov.pf.mac, addr->addr_bytes, IGB_PF_ETH_ALEN);
		igb_pf_hw_set_rar(
			&ad->hw, 0, addr->addr_bytes, IGB_BIT(IGB_PF_POOL));
	}
	igb_pf_adapter_leave(ad);
	return ret;
}

static int
igb_pf_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct igb_pf_adapter *ad;
	int ret;

	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	ad->sriov.pf.max_frame = mtu + RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN;
	return igb_pf_adapter_commit(ad, 0);
}

static int
igb_pf_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vid, int on)
{
	struct igb_pf_adapter *ad;
	int ret;

	ad = igb_pf_adapter_enter(dev->data->port_id, &ret);
	if (ad == NULL)
		return ret;
	if (on)
		ret = igb_pf_vlan_add(&ad->sriov.vlans, vid, IGB_PF_POOL);
	else
		ret = igb_pf_vlan_del(&ad->sriov.vlans, vid, IGB_PF_POOL);
	return igb_pf_adapter_commit(ad, ret);
}

static const struct eth_dev_ops igb_pf_ops = {
	.dev_configure = igb_pf_dev_configure,
	.dev_infos_get = igb_pf_dev_infos_get,
	.dev_start = igb_pf_dev_start,
	.dev_stop = igb_pf_dev_stop,
	.dev_close = igb_pf_dev_close,
	.link_update = igb_pf_link_update,
	.stats_get = igb_pf_stats_get,
	.stats_reset = igb_pf_stats_reset,
	.xstats_get = igb_pf_xstats_get,
	.xstats_get_names = igb_pool_xstats_get_names,
	.xstats_reset = igb_pf_stats_reset,
	.get_reg = igb_pf_get_reg,
	.promiscuous_enable = igb_pf_promiscuous_enable,
	.promiscuous_disable = igb_pf_promiscuous_disable,
	.allmulticast_enable = igb_pf_allmulticast_enable,
	.allmulticast_disable = igb_pf_allmulticast_disable,
	.set_mc_addr_list = igb_pf_set_mc_addr_list,
	.mac_addr_set = igb_pf_mac_addr_set,
	.mtu_set = igb_pf_mtu_set,
	.vlan_filter_set = igb_pf_vlan_filter_set,
	.rx_queue_setup = igb_pf_rx_queue_setup,
	.tx_queue_setup = igb_pf_tx_queue_setup,
	IGB_ETH_QUEUE_OPS,
};

/*
 * A secondary process (dpdk-proc-info, dpdk-pdump) gets the ops that read
 * the primary's adapter and queues in shared memory: the primary owns the
 * registers, the VFs and the mailbox. The register dump reads only
 * registers without side effects; close releases the port in this
 * process alone.
 */
static const struct eth_dev_ops igb_pf_secondary_ops = {
	.dev_close = igb_pf_dev_close,
	.dev_infos_get = igb_pf_dev_infos_get,
	.link_update = igb_eth_link_update_shared,
	.stats_get = igb_pf_stats_get,
	.xstats_get = igb_pf_xstats_get,
	.xstats_get_names = igb_pool_xstats_get_names,
	.get_reg = igb_pf_get_reg,
	IGB_ETH_QUEUE_INFO_OPS,
};

/* ---- PCI driver ---- */

static int
eth_igb_pf_dev_uninit(struct rte_eth_dev *dev)
{
	return igb_pf_dev_close(dev);
}

static int
igb_pf_pci_probe(
	struct rte_pci_driver *drv __rte_unused, struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_probe(
		pci, sizeof(struct igb_pf_adapter *), eth_igb_pf_dev_init);
}

static int
igb_pf_pci_remove(struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_remove(pci, eth_igb_pf_dev_uninit);
}

static struct rte_pci_driver rte_igb_pf_pmd = {
	.id_table = pci_id_igb_pf_map,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
	.probe = igb_pf_pci_probe,
	.remove = igb_pf_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_igb_pf, rte_igb_pf_pmd);
RTE_PMD_REGISTER_PCI_TABLE(net_igb_pf, pci_id_igb_pf_map);
RTE_PMD_REGISTER_KMOD_DEP(net_igb_pf, "vfio-pci");
RTE_PMD_REGISTER_PARAM_STRING(net_igb_pf, IGB_PF_DEVARGS_PARAMS);
