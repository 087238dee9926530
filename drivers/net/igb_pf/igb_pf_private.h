/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_igb_pf: what the PMD's own files share (the adapter itself is in
 * igb_pf_adapter.h): logging, the port's adapter, and the entry points of
 * the event loop (igb_pf_events.c), VF provisioning (igb_pf_provision.c)
 * and statistics (igb_pf_stats.c) that the ethdev ops (igb_pf_ethdev.c)
 * call. Nothing outside drivers/net/igb_pf includes it.
 */
#ifndef IGB_PF_PRIVATE_H
#define IGB_PF_PRIVATE_H

#include <ethdev_driver.h>
#include <rte_log.h>

#include "igb_pf_adapter.h"
#include "igb_pf_teardown.h"
#include "rte_pmd_igb_pf.h"

extern int igb_pf_logtype;
#define IGB_PF_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_##level, igb_pf_logtype, "net_igb_pf: " fmt "\n", \
		##__VA_ARGS__)

#define IGB_PF_SYSFS "/sys"
#define IGB_PF_RX_QUEUE IGB_PF_POOL /* pool n's first queue is n */
#define IGB_PF_TX_QUEUE IGB_PF_POOL

/* dev_private holds only the adapter's address (igb_pf_adapter.h); NULL
 * once the port closed. */
static inline struct igb_pf_adapter *
igb_pf_port_adapter(const struct rte_eth_dev *dev)
{
	return *(struct igb_pf_adapter **)dev->data->dev_private;
}

/* igb_pf_events.c: mailbox, link and counters, by interrupt and poll. */
/* Reads the link into the port; true if it changed (VFs pinged). Lock
 * held. */
bool igb_pf_link_check(struct igb_pf_adapter *ad);
/* The mailbox server's way to ask the application (ad->mbx.ask). */
enum igb_pf_mbx_verdict igb_pf_ask_application(
	void *ctx, uint16_t vf, const struct igb_msg *m);
/* Interrupt (if the device gives one) and poll on; 0 or the poll's
 * error. */
int igb_pf_events_start(
	struct igb_pf_adapter *ad, struct rte_intr_handle *intr);
/* Both off, without waiting for a round running this very call. */
void igb_pf_events_stop(struct igb_pf_adapter *ad);

/* igb_pf_provision.c: the VFs from sysfs and devargs, and their end. */
/* Creates or adopts the VFs, applies the devargs' VF settings and sets
 * the port's SR-IOV data; pf_mac is the PF's address. */
int igb_pf_vfs_setup(struct igb_pf_adapter *ad, const uint8_t *pf_mac);
/* Removes the VFs as `end` says (igb_pf_teardown.h), logging the result. */
void igb_pf_vfs_end(struct igb_pf_adapter *ad, enum igb_pf_end end);

/* igb_pf_stats.c: counters (lock held for the sampling ones). */
void igb_pf_vfstats_update(struct igb_pf_adapter *ad);
int igb_pf_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st);
int igb_pf_stats_reset(struct rte_eth_dev *dev);
int igb_pf_xstats_get(
	struct rte_eth_dev *dev, struct rte_eth_xstat *x, unsigned int n);
int igb_pf_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *regs);

#endif /* IGB_PF_PRIVATE_H */
