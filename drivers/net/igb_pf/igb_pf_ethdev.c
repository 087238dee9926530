/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_igb_pf: ethdev glue of the 82576 Physical Function. The PF always
 * runs in VMDq mode with its own traffic on the last pool (queues 7 and
 * 15): QEMU issues the DMA of queue q as VF (q mod 8) while that VF
 * exists, so the PF must stay on a pool no VF can have.
 */
#include <errno.h>
#include <string.h>

#include <bus_pci_driver.h>
#include <ethdev_pci.h>
#include <rte_alarm.h>
#include <rte_eal.h>
#include <rte_interrupts.h>
#include <rte_uuid.h>

#include "igb_pf_ethdev.h"
#include "igb_pf_hw.h"
#include "igb_pf_phy.h"
#include "igb_pf_sysfs.h"
#include "igb_pf_teardown.h"
#include "igb_rxtx.h"

RTE_LOG_REGISTER(igb_pf_logtype, pmd.net.igb_pf, NOTICE);

#define IGB_PF_POLL_US 5000 /* mailbox and link poll period */
#define IGB_PF_STATS_TICKS 20 /* VF counters folded every 100 ms */
#define IGB_PF_RX_QUEUE IGB_PF_POOL /* pool n's first queue is n */
#define IGB_PF_TX_QUEUE IGB_PF_POOL
#define IGB_PF_DESC_MIN 32
#define IGB_PF_DESC_MAX 4096
#define IGB_PF_DESC_ALIGN 8
#define IGB_PF_SYSFS "/sys"

static const struct eth_dev_ops igb_pf_ops;

static const struct rte_pci_id pci_id_igb_pf_map[] = {
	{RTE_PCI_DEVICE(IGB_VENDOR_ID_INTEL, IGB_DEV_ID_82576)},
	{.vendor_id = 0},
};

/* dev_private holds only the adapter's address (igb_pf_adapter.h). */
static struct igb_pf_adapter *
adapter(struct rte_eth_dev *dev)
{
	return *(struct igb_pf_adapter **)dev->data->dev_private;
}

static void
adapter_free(struct igb_pf_adapter *ad)
{
	rte_free(ad);
}

/* ---- Event handling: mailbox, link, VF counters ---- */

static enum igb_pf_mbx_verdict
ask_application(void *ctx, uint16_t vf, const struct igb_msg *m)
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
static bool
link_check(struct igb_pf_adapter *ad)
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

void
igb_pf_vfstats_update(struct igb_pf_adapter *ad)
{
	static const uint32_t regs[IGB_PF_VFSTATS] = {
		[IGB_PF_VFSTAT_GPRC] = IGB_PVFGPRC(0),
		[IGB_PF_VFSTAT_GPTC] = IGB_PVFGPTC(0),
		[IGB_PF_VFSTAT_GORC] = IGB_PVFGORC(0),
		[IGB_PF_VFSTAT_GOTC] = IGB_PVFGOTC(0),
		[IGB_PF_VFSTAT_MPRC] = IGB_PVFMPRC(0),
	};
	unsigned int vf, i;

	for (vf = 0; vf < ad->sriov.num_vfs; vf++) {
		struct igb_pf_vf_hwstats *st = &ad->vfstats[vf];

		for (i = 0; i < IGB_PF_VFSTATS; i++) {
			uint32_t raw = igb_read(&ad->hw,
				regs[i] + IGB_PVFGPRC(vf) - IGB_PVFGPRC(0));

			st->total[i] += (uint32_t)(raw - st->last[i]);
			st->last[i] = raw;
		}
	}
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
		lsc = link_check(ad);
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

/* ---- Device setup ---- */

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

/* Creates or adopts the VFs; *num_vfs gets the count in use. */
static int
provision_vfs(struct igb_pf_adapter *ad, uint16_t *num_vfs)
{
	char err[512];
	unsigned int cur, total;
	rte_uuid_t token;
	int ret;

	err[0] = '\0';
	if (ad->devargs.num_vfs == 0) {
		/* No request: serve the VFs that already exist, if any. */
		if (igb_pf_sysfs_vf_count(IGB_PF_SYSFS, ad->bdf, &cur, &total,
			    err, sizeof(err)) != 0)
			cur = 0;
		if (cur > IGB_PF_MAX_VFS) {
			IGB_PF_LOG(ERR,
				"%s has %u VFs: at most %d (the PF keeps the "
				"last pool)",
				ad->bdf, cur, IGB_PF_MAX_VFS);
			return -EINVAL;
		}
		*num_vfs = (uint16_t)cur;
		return 0;
	}
	rte_eal_vfio_get_vf_token(token);
	ret = igb_pf_sysfs_check(IGB_PF_SYSFS, ad->bdf,
		!rte_uuid_is_null(token), err, sizeof(err));
	if (ret == 0)
		ret = igb_pf_sysfs_set_vfs(IGB_PF_SYSFS, ad->bdf,
			ad->devargs.num_vfs, IGB_PF_MAX_VFS, &ad->created_vfs,
			err, sizeof(err));
	if (ret != 0) {
		IGB_PF_LOG(ERR, "%s: cannot create %u VFs: %s", ad->bdf,
			ad->devargs.num_vfs, err);
		return ret;
	}
	*num_vfs = ad->devargs.num_vfs;
	return 0;
}

static int
apply_vf_devargs(struct igb_pf_adapter *ad)
{
	struct igb_pf_sriov *s = &ad->sriov;
	uint16_t vf;
	int ret = 0;

	for (vf = 0; vf < s->num_vfs && ret == 0; vf++) {
		const struct igb_pf_vf_devargs *v = &ad->devargs.vf[vf];

		if (v->has_mac)
			ret = igb_pf_admin_set_mac(s, vf, v->mac);
		if (ret == 0 && v->vlan != 0)
			ret = igb_pf_admin_set_port_vlan(s, vf, v->vlan);
		if (ret == 0 && v->trust >= 0)
			ret = igb_pf_admin_set_trust(s, vf, v->trust);
		if (ret == 0 && v->spoofchk >= 0) {
			igb_pf_admin_set_mac_spoofchk(s, vf, v->spoofchk);
			igb_pf_admin_set_vlan_spoofchk(s, vf, v->spoofchk);
		}
		if (ret != 0)
			IGB_PF_LOG(ERR, "%s: vf%u settings refused: %s",
				ad->bdf, vf, strerror(-ret));
	}
	return ret;
}

/*
 * While the PF has VFs its function reset stays off (igb_pf_sysfs.h), or
 * vfio-pci's reset at the last close would take the VFs' PCI state. VFs
 * a kernel driver holds that lost it already, to a reset at this open,
 * are named: only a rebind of their driver brings them back.
 */
static void
hold_reset(struct igb_pf_adapter *ad)
{
	char err[512], lost[256];
	unsigned int n;

	if (igb_pf_sysfs_hold_reset(IGB_PF_SYSFS, ad->bdf, ad->reset_saved,
		    sizeof(ad->reset_saved), err, sizeof(err)) != 0)
		IGB_PF_LOG(WARNING, "%s", err);
	else if (ad->reset_saved[0] != '\0')
		IGB_PF_LOG(INFO,
			"%s: function reset off while the VFs exist "
			"(reset_method was '%s')",
			ad->bdf, ad->reset_saved);
	if (ad->created_vfs)
		return;
	n = igb_pf_sysfs_kernel_vfs(
		IGB_PF_SYSFS, ad->bdf, true, lost, sizeof(lost));
	if (n > 0)
		IGB_PF_LOG(ERR,
			"%s: the PF's reset when this process opened it took "
			"the PCI state of %s: rebind %s driver. To keep VFs "
			"across a PF start, empty the PF's reset_method first "
			"(igb-pfd does)",
			ad->bdf, lost, n == 1 ? "its" : "their");
}

static int
sriov_setup(struct igb_pf_adapter *ad, uint8_t pf_mac[IGB_PF_ETH_ALEN])
{
	uint8_t macs[IGB_PF_MAX_VFS][IGB_PF_ETH_ALEN];
	uint16_t num_vfs, i;
	char err[256];
	int ret;

	ret = provision_vfs(ad, &num_vfs);
	if (ret != 0)
		return ret;
	if (num_vfs > 0)
		hold_reset(ad);
	ret = igb_pf_devargs_check_vfs(&ad->devargs, num_vfs, err, sizeof(err));
	if (ret != 0) {
		IGB_PF_LOG(ERR, "%s: %s", ad->bdf, err);
		return ret;
	}
	for (i = 0; i < num_vfs; i++)
		rte_eth_random_addr(macs[i]);
	ret = igb_pf_sriov_init(
		&ad->sriov, num_vfs, (const uint8_t(*)[IGB_PF_ETH_ALEN])macs);
	if (ret != 0)
		return ret;
	memcpy(ad->sriov.pf.mac, pf_mac, IGB_PF_ETH_ALEN);
	ret = apply_vf_devargs(ad);
	if (ret != 0)
		return ret;

	RTE_ETH_DEV_SRIOV(ad->dev).active = num_vfs ? RTE_ETH_8_POOLS : 0;
	RTE_ETH_DEV_SRIOV(ad->dev).nb_q_per_pool = 1;
	RTE_ETH_DEV_SRIOV(ad->dev).def_vmdq_idx = IGB_PF_POOL;
	RTE_ETH_DEV_SRIOV(ad->dev).def_pool_q_idx = IGB_PF_RX_QUEUE;
	return 0;
}

/*
 * MSI-X mode: the VFs' interrupts exist only in it (QEMU routes a VF's
 * causes to the VF's own vectors through the PF's EICR only when
 * GPIE.MSIX_MODE is set, like the 82576). The PF's own causes (mailbox,
 * link) go to vector 0 through IVAR_MISC, auto-cleared by EIAC; ICR
 * clears on read (NSICR).
 */
static void
intr_setup(struct igb_hw *hw)
{
	igb_write(hw, IGB_GPIE, IGB_GPIE_MSIX_MODE | IGB_GPIE_NSICR);
	igb_write(hw, IGB_IVAR_MISC, (uint32_t)IGB_IVAR_VALID << 8);
	igb_write(hw, IGB_EIAC, IGB_BIT(0));
}

/* Global Rx/Tx on: VF traffic needs them even with the PF port stopped. */
static void
mac_enable(struct igb_hw *hw)
{
	igb_write(hw, IGB_TCTL,
		IGB_TCTL_EN | IGB_TCTL_PSP | 0xfu << IGB_TCTL_CT_SHIFT |
			0x3fu << IGB_TCTL_COLD_SHIFT | IGB_TCTL_RTLC);
	igb_write(hw, IGB_RCTL, igb_read(hw, IGB_RCTL) | IGB_RCTL_EN);
}

static int
eth_igb_pf_dev_init(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct igb_pf_adapter *ad;
	const char *args = NULL;
	uint8_t mac[IGB_PF_ETH_ALEN];
	unsigned int kept;
	char err[512];
	int ret;

	dev->dev_ops = &igb_pf_ops;
	dev->rx_pkt_burst = igb_rx_burst;
	dev->tx_pkt_burst = igb_tx_burst;
	dev->tx_pkt_prepare = igb_tx_prepare;
	dev->rx_queue_count = igb_rx_queue_count;
	dev->rx_descriptor_status = igb_rx_descriptor_status;
	dev->tx_descriptor_status = igb_tx_descriptor_status;
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;

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

	igb_pf_hw_reset(&ad->hw);
	read_mac(&ad->hw, mac);
	ret = sriov_setup(ad, mac);
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
	igb_pf_hw_sriov_enable(&ad->hw, &ad->sriov);
	igb_pf_hw_set_rar(&ad->hw, 0, mac, IGB_BIT(IGB_PF_POOL));
	ret = igb_pf_phy_start_autoneg(&ad->hw);
	if (ret != 0)
		IGB_PF_LOG(WARNING, "%s: PHY autonegotiation not started: %s",
			ad->bdf, strerror(-ret));
	/* Configuration done: VFs may leave their reset wait and talk. */
	igb_pf_hw_pf_ready(&ad->hw);

	ad->mbx.hw = &ad->hw;
	ad->mbx.s = &ad->sriov;
	ad->mbx.ask = ask_application;
	ad->mbx.ask_ctx = ad;
	link_check(ad);
	ret = igb_pf_adapter_publish(ad, dev->data->port_id);
	if (ret != 0) {
		IGB_PF_LOG(ERR, "%s: port %u has an adapter already", ad->bdf,
			dev->data->port_id);
		goto fail;
	}

	if (igb_pf_adapter_intr_attach(
		    ad, pci->intr_handle, igb_pf_intr_handler) == 0 &&
		rte_intr_enable(ad->intr_handle) == 0) {
		igb_write(&ad->hw, IGB_IMS, IGB_ICR_VMMB | IGB_ICR_LSC);
		igb_write(&ad->hw, IGB_EIMS, IGB_BIT(0));
	} else
		IGB_PF_LOG(NOTICE, "%s: no interrupt, polling only", ad->bdf);
	if (igb_pf_adapter_alarm_start(ad, IGB_PF_POLL_US, igb_pf_poll) != 0)
		IGB_PF_LOG(ERR, "%s: cannot start the mailbox poll", ad->bdf);
	igb_pf_telemetry_init();
	IGB_PF_LOG(NOTICE, "%s: PF " RTE_ETHER_ADDR_PRT_FMT ", %u VFs%s",
		ad->bdf, RTE_ETHER_ADDR_BYTES(&dev->data->mac_addrs[0]),
		ad->sriov.num_vfs, ad->created_vfs ? " (created)" : "");
	return 0;

fail:
	/* What this probe created goes, keep_vfs or not. */
	if (igb_pf_teardown(ad, IGB_PF_END_PROBE_FAILED, IGB_PF_SYSFS, &kept,
		    err, sizeof(err)) != 0)
		IGB_PF_LOG(
			ERR, "%s: removing the VFs failed: %s", ad->bdf, err);
	igb_pf_adapter_put(ad);
	return ret;
}

/* ---- ethdev operations ---- */

static int
igb_pf_dev_configure(struct rte_eth_dev *dev)
{
	struct igb_pf_adapter *ad = adapter(dev);
	struct rte_eth_rxmode *rx = &dev->data->dev_conf.rxmode;

	if (rx->mq_mode != RTE_ETH_MQ_RX_NONE &&
		rx->mq_mode != RTE_ETH_MQ_RX_VMDQ_ONLY) {
		IGB_PF_LOG(ERR, "%s: Rx multi-queue mode %d not offered",
			ad->bdf, rx->mq_mode);
		return -ENOTSUP;
	}
	rte_spinlock_recursive_lock(&ad->lock);
	ad->sriov.pf.vlan_strip =
		(rx->offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP) != 0;
	igb_pf_hw_sync(&ad->hw, &ad->sriov);
	rte_spinlock_recursive_unlock(&ad->lock);
	return 0;
}

static int
igb_pf_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct igb_pf_adapter *ad = adapter(dev);

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
	info->rx_desc_lim = (struct rte_eth_desc_lim){
		.nb_max = IGB_PF_DESC_MAX,
		.nb_min = IGB_PF_DESC_MIN,
		.nb_align = IGB_PF_DESC_ALIGN,
	};
	info->tx_desc_lim = info->rx_desc_lim;
	info->speed_capa = RTE_ETH_LINK_SPEED_10M_HD | RTE_ETH_LINK_SPEED_10M |
		RTE_ETH_LINK_SPEED_100M_HD | RTE_ETH_LINK_SPEED_100M |
		RTE_ETH_LINK_SPEED_1G;
	info->default_rxconf.rx_free_thresh = IGB_RX_FREE_THRESH_DEFAULT;
	info->default_txconf.tx_free_thresh = IGB_TX_FREE_THRESH_DEFAULT;
	return 0;
}

static void
igb_pf_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	igb_rxq_release(dev->data->rx_queues[qid]);
	dev->data->rx_queues[qid] = NULL;
}

static void
igb_pf_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	igb_txq_release(dev->data->tx_queues[qid]);
	dev->data->tx_queues[qid] = NULL;
}

static int
igb_pf_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_rxconf *conf,
	struct rte_mempool *mp)
{
	struct igb_pf_adapter *ad = adapter(dev);
	struct igb_rx_queue *q;
	int ret;

	if (dev->data->rx_queues[qid] != NULL)
		igb_pf_rx_queue_release(dev, qid);
	ret = igb_rxq_create(&q, &ad->hw, IGB_PF_RXQ_BASE(IGB_PF_RX_QUEUE),
		dev->data->port_id, qid, nb_desc, socket, conf,
		conf->offloads | dev->data->dev_conf.rxmode.offloads, mp);
	if (ret == 0)
		dev->data->rx_queues[qid] = q;
	return ret;
}

static int
igb_pf_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_txconf *conf)
{
	struct igb_pf_adapter *ad = adapter(dev);
	struct igb_tx_queue *q;
	int ret;

	if (dev->data->tx_queues[qid] != NULL)
		igb_pf_tx_queue_release(dev, qid);
	ret = igb_txq_create(&q, &ad->hw, IGB_PF_TXQ_BASE(IGB_PF_TX_QUEUE),
		dev->data->port_id, qid, nb_desc, socket, conf,
		conf->offloads | dev->data->dev_conf.txmode.offloads);
	if (ret == 0)
		dev->data->tx_queues[qid] = q;
	return ret;
}

static int
igb_pf_dev_start(struct rte_eth_dev *dev)
{
	struct igb_pf_adapter *ad = adapter(dev);
	uint16_t i;
	int ret;

	dev->rx_pkt_burst = igb_rx_burst_select(
		dev->data->rx_queues, dev->data->nb_rx_queues);
	dev->tx_pkt_burst = igb_tx_burst_select(
		dev->data->tx_queues, dev->data->nb_tx_queues);
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct igb_tx_queue *q = dev->data->tx_queues[i];

		if (q->deferred_start)
			continue;
		ret = igb_txq_start(q);
		if (ret != 0)
			return ret;
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	}
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct igb_rx_queue *q = dev->data->rx_queues[i];

		if (q->deferred_start)
			continue;
		ret = igb_rxq_start(q);
		if (ret != 0)
			return ret;
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STARTED;
	}
	rte_spinlock_recursive_lock(&ad->lock);
	mac_enable(&ad->hw);
	link_check(ad);
	rte_spinlock_recursive_unlock(&ad->lock);
	return 0;
}

static int
igb_pf_dev_stop(struct rte_eth_dev *dev)
{
	uint16_t i;

	/* Global Rx/Tx stay on: the VFs keep working without the PF port. */
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		if (dev->data->rx_queues[i] != NULL)
			igb_rxq_stop(dev->data->rx_queues[i]);
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		if (dev->data->tx_queues[i] != NULL)
			igb_txq_stop(dev->data->tx_queues[i]);
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	dev->data->dev_started = 0;
	return 0;
}

static int
igb_pf_dev_close(struct rte_eth_dev *dev)
{
	struct igb_pf_adapter *ad = adapter(dev);
	unsigned int kept;
	char err[512];
	uint16_t i;

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
	igb_pf_adapter_alarm_stop(ad, igb_pf_poll);
	igb_write(&ad->hw, IGB_IMC, ~0u);
	rte_intr_disable(ad->intr_handle);
	igb_pf_adapter_intr_detach(ad, igb_pf_intr_handler);
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		igb_pf_rx_queue_release(dev, i);
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		igb_pf_tx_queue_release(dev, i);
	/* May block until VF processes let go, without the lock held. */
	if (igb_pf_teardown(ad, IGB_PF_END_CLOSE, IGB_PF_SYSFS, &kept, err,
		    sizeof(err)) != 0)
		IGB_PF_LOG(
			ERR, "%s: removing the VFs failed: %s", ad->bdf, err);
	if (kept > 0)
		IGB_PF_LOG(NOTICE, "%s: keeping %u VFs (keep_vfs=on)", ad->bdf,
			kept);
	/* The port's reference: ad lives on while a request holds one. */
	*(struct igb_pf_adapter **)dev->data->dev_private = NULL;
	igb_pf_adapter_put(ad);
	return 0;
}

static int
igb_pf_link_update(struct rte_eth_dev *dev, int wait)
{
	struct igb_pf_adapter *ad = adapter(dev);
	struct rte_eth_link old;

	(void)wait;
	rte_eth_linkstatus_get(dev, &old);
	rte_spinlock_recursive_lock(&ad->lock);
	link_check(ad);
	rte_spinlock_recursive_unlock(&ad->lock);
	return old.link_status == dev->data->dev_link.link_status ? -1 : 0;
}

static int
igb_pf_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st)
{
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct igb_rx_queue *q = dev->data->rx_queues[i];

		if (q == NULL)
			continue;
		st->ipackets += q->stats.packets;
		st->ibytes += q->stats.bytes;
		st->ierrors += q->stats.errors;
		st->rx_nombuf += q->stats.nombuf;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_ipackets[i] = q->stats.packets;
			st->q_ibytes[i] = q->stats.bytes;
		}
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct igb_tx_queue *q = dev->data->tx_queues[i];

		if (q == NULL)
			continue;
		st->opackets += q->stats.packets;
		st->obytes += q->stats.bytes;
		st->oerrors += q->stats.errors;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			st->q_opackets[i] = q->stats.packets;
			st->q_obytes[i] = q->stats.bytes;
		}
	}
	return 0;
}

static int
igb_pf_stats_reset(struct rte_eth_dev *dev)
{
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct igb_rx_queue *q = dev->data->rx_queues[i];

		if (q != NULL)
			memset(&q->stats, 0, sizeof(q->stats));
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct igb_tx_queue *q = dev->data->tx_queues[i];

		if (q != NULL)
			memset(&q->stats, 0, sizeof(q->stats));
	}
	return 0;
}

/* Runs fn on the SR-IOV state under the lock, then re-projects it. */
#define PF_UPDATE(dev, stmt) \
	do { \
		struct igb_pf_adapter *ad_ = adapter(dev); \
		rte_spinlock_recursive_lock(&ad_->lock); \
		stmt; \
		igb_pf_hw_sync(&ad_->hw, &ad_->sriov); \
		rte_spinlock_recursive_unlock(&ad_->lock); \
	} while (0)

/* In VMDq mode QEMU ignores these pool bits; the 82576 honours them. */
static int
igb_pf_promiscuous_enable(struct rte_eth_dev *dev)
{
	PF_UPDATE(dev, ad_->sriov.pf.promisc = true);
	return 0;
}

static int
igb_pf_promiscuous_disable(struct rte_eth_dev *dev)
{
	PF_UPDATE(dev, ad_->sriov.pf.promisc = false);
	return 0;
}

static int
igb_pf_allmulticast_enable(struct rte_eth_dev *dev)
{
	PF_UPDATE(dev, ad_->sriov.pf.allmulti = true);
	return 0;
}

static int
igb_pf_allmulticast_disable(struct rte_eth_dev *dev)
{
	PF_UPDATE(dev, ad_->sriov.pf.allmulti = false);
	return 0;
}

static int
igb_pf_set_mc_addr_list(
	struct rte_eth_dev *dev, struct rte_ether_addr *mc, uint32_t n)
{
	struct igb_pf_adapter *ad = adapter(dev);
	uint32_t i;

	if (n > IGB_PF_PF_MC_MAX) {
		IGB_PF_LOG(ERR, "%s: %u multicast addresses, at most %d",
			ad->bdf, n, IGB_PF_PF_MC_MAX);
		return -ENOSPC;
	}
	PF_UPDATE(dev, {
		for (i = 0; i < n; i++)
			ad_->sriov.pf.mc_hashes[i] =
				igb_mta_hash(mc[i].addr_bytes);
		ad_->sriov.pf.mc_count = (uint16_t)n;
	});
	return 0;
}

static int
igb_pf_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct igb_pf_adapter *ad = adapter(dev);
	int ret = 0;

	if (!igb_pf_mac_valid(addr->addr_bytes))
		return -EINVAL;
	rte_spinlock_recursive_lock(&ad->lock);
	if (igb_pf_mac_taken(&ad->sriov, IGB_PF_SELF, addr->addr_bytes)) {
		ret = -EADDRINUSE;
	} else {
		memcpy(ad->sriov.pf.mac, addr->addr_bytes, IGB_PF_ETH_ALEN);
		igb_pf_hw_set_rar(
			&ad->hw, 0, addr->addr_bytes, IGB_BIT(IGB_PF_POOL));
	}
	rte_spinlock_recursive_unlock(&ad->lock);
	return ret;
}

static int
igb_pf_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	PF_UPDATE(dev,
		ad_->sriov.pf.max_frame =
			mtu + RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN);
	return 0;
}

static int
igb_pf_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vid, int on)
{
	struct igb_pf_adapter *ad = adapter(dev);
	int ret;

	rte_spinlock_recursive_lock(&ad->lock);
	if (on)
		ret = igb_pf_vlan_add(&ad->sriov.vlans, vid, IGB_PF_POOL);
	else
		ret = igb_pf_vlan_del(&ad->sriov.vlans, vid, IGB_PF_POOL);
	if (ret == 0)
		igb_pf_hw_sync(&ad->hw, &ad->sriov);
	rte_spinlock_recursive_unlock(&ad->lock);
	return ret;
}

static void
igb_pf_rxq_info_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_rxq_info *qinfo)
{
	igb_rxq_info(dev->data->rx_queues[qid], qinfo);
}

static void
igb_pf_txq_info_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_txq_info *qinfo)
{
	igb_txq_info(dev->data->tx_queues[qid], qinfo);
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
	.promiscuous_enable = igb_pf_promiscuous_enable,
	.promiscuous_disable = igb_pf_promiscuous_disable,
	.allmulticast_enable = igb_pf_allmulticast_enable,
	.allmulticast_disable = igb_pf_allmulticast_disable,
	.set_mc_addr_list = igb_pf_set_mc_addr_list,
	.mac_addr_set = igb_pf_mac_addr_set,
	.mtu_set = igb_pf_mtu_set,
	.vlan_filter_set = igb_pf_vlan_filter_set,
	.rx_queue_setup = igb_pf_rx_queue_setup,
	.rx_queue_release = igb_pf_rx_queue_release,
	.tx_queue_setup = igb_pf_tx_queue_setup,
	.tx_queue_release = igb_pf_tx_queue_release,
	.rxq_info_get = igb_pf_rxq_info_get,
	.txq_info_get = igb_pf_txq_info_get,
	.tx_done_cleanup = igb_tx_done_cleanup,
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
RTE_PMD_REGISTER_PARAM_STRING(net_igb_pf,
	"num_vfs=<1-7> keep_vfs=<on|off> vf<N>_mac=<xx:xx:xx:xx:xx:xx> "
	"vf<N>_vlan=<1-4094> vf<N>_trust=<on|off> vf<N>_spoofchk=<on|off>");
