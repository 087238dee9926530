/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_igb_vf: poll-mode driver for the 82576 Virtual Function.
 */
#ifndef IGB_VF_H
#define IGB_VF_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_spinlock.h>

#include "igb_hw.h"
#include "igb_mbx.h"
#include "igb_pool_stats.h"

extern int igb_vf_logtype;
#define VF_LOG(level, dev, fmt, ...) \
	rte_log(RTE_LOG_##level, igb_vf_logtype, "%s: " fmt "\n", \
		(dev)->data->name, ##__VA_ARGS__)

#define IGB_VF_POLL_US 100000 /* mailbox and counter poll period */
#define IGB_VF_POLL_MSGS 8 /* PF messages taken per poll, at most */
#define IGB_VF_PF_RESET_WAIT_US 3000000 /* bound for "PF still in reset" */
#define IGB_VF_MC_LIST_MAX 128 /* addresses kept for restore */
#define IGB_VF_MAX_FRAME 9216 /* Linux igb PF's SET_LPE limit */
#define IGB_VF_FRAME_OVERHEAD \
	(RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN + RTE_VLAN_HLEN)

struct igb_vf_adapter {
	struct igb_hw hw;
	struct igb_mbx_vf mbx;
	rte_spinlock_t mbx_lock; /* app thread vs. the poll alarm */
	rte_spinlock_t stats_lock;

	struct rte_ether_addr perm_addr; /* from the PF's reset reply */
	struct rte_ether_addr pf_addr; /* what the PF filters for us */
	uint64_t vfta[RTE_ETHER_MAX_VLAN_ID / 64 + 1]; /* VLANs added */
	struct rte_ether_addr mc[IGB_VF_MC_LIST_MAX];
	uint32_t nb_mc;
	bool mc_overflow; /* more than the PF's 30 hashes */
	bool allmulti;

	/* The PF reset us: handshake due. Alarm and application threads
	 * claim it with igb_vf_claim_reset(); the claim sets reset_event,
	 * for the poll alarm to raise INTR_RESET. */
	atomic_bool reset_pending;
	atomic_bool reset_event;
	/* The reset took the link down: LSC due from the poll as well. */
	atomic_bool link_event;
	atomic_bool gone; /* registers read all ones: INTR_RMV raised */
	bool alarm_armed;
	bool *alarm_stopped; /* in a poll: set if a callback closed the port */
	bool closed;
	bool rx_intr; /* Rx queue interrupts set up by dev_start */
	struct igb_pool_stats cnt; /* under stats_lock */
};

static inline struct igb_vf_adapter *
igb_vf_adapter(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

/* igb_vf_ethdev.c: the ops (dev_close also serves dev_uninit) */
int igb_vf_dev_close(struct rte_eth_dev *dev);

/* igb_vf_pf.c: the PF conversation */
int igb_vf_pf_reset(struct rte_eth_dev *dev);
int igb_vf_pf_request(struct rte_eth_dev *dev, struct igb_msg *req);
void igb_vf_pf_poll(struct rte_eth_dev *dev);

/* igb_vf_filters.c: addresses, VLANs, modes, frame size */
int igb_vf_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *a);
int igb_vf_set_mc_addr_list(
	struct rte_eth_dev *dev, struct rte_ether_addr *list, uint32_t nb);
int igb_vf_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vid, int on);
int igb_vf_vlan_offload_set(struct rte_eth_dev *dev, int mask);
int igb_vf_promiscuous_enable(struct rte_eth_dev *dev);
int igb_vf_promiscuous_disable(struct rte_eth_dev *dev);
int igb_vf_allmulticast_enable(struct rte_eth_dev *dev);
int igb_vf_allmulticast_disable(struct rte_eth_dev *dev);
int igb_vf_set_max_frame(struct rte_eth_dev *dev, uint16_t mtu);
int igb_vf_mtu_set(struct rte_eth_dev *dev, uint16_t mtu);
int igb_vf_filters_restore(struct rte_eth_dev *dev);

/* igb_vf_pci.c: the PCI command enables a PF reset clears */
bool igb_vf_pci_enables_lost(struct rte_eth_dev *dev);
int igb_vf_pci_enables_restore(struct rte_eth_dev *dev);

/* igb_vf_events.c: the poll alarm, its events (link, PF reset, device
 * gone) and link state */
int igb_vf_link_update(struct rte_eth_dev *dev, int wait);
void igb_vf_alarm_start(struct rte_eth_dev *dev);
void igb_vf_alarm_stop(struct rte_eth_dev *dev);
bool igb_vf_claim_reset(struct igb_vf_adapter *ad);
void igb_vf_notify_reset(struct rte_eth_dev *dev);
void igb_vf_raise_reset(struct rte_eth_dev *dev);
void igb_vf_raise_gone(struct rte_eth_dev *dev);

/* igb_vf_intr.c: Rx queue interrupts on vfio MSI-X (intr_conf.rxq) */
int igb_vf_intr_check(struct rte_eth_dev *dev);
int igb_vf_intr_start(struct rte_eth_dev *dev);
void igb_vf_intr_stop(struct rte_eth_dev *dev);
int igb_vf_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid);
int igb_vf_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid);
/* their register part */
void igb_vf_intr_hw_route(const struct igb_hw *hw, uint16_t nb_rxq);
void igb_vf_intr_hw_clear(const struct igb_hw *hw);
void igb_vf_rxq_intr_unmask(const struct igb_hw *hw, uint16_t qid);
void igb_vf_rxq_intr_mask(const struct igb_hw *hw, uint16_t qid);

/* igb_vf_stats.c: counters, xstats, register dump */
void igb_vf_counters_sample(struct igb_vf_adapter *ad);
void igb_vf_counters_restart(struct igb_vf_adapter *ad);
int igb_vf_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *s);
int igb_vf_stats_reset(struct rte_eth_dev *dev);
int igb_vf_xstats_get(
	struct rte_eth_dev *dev, struct rte_eth_xstat *x, unsigned int n);
int igb_vf_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *regs);

#endif /* IGB_VF_H */
