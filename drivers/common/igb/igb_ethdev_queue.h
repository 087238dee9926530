/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ethdev side of the Rx/Tx queues, one for both PMDs: setup and
 * release into the port's queue arrays, start and stop (one queue, or all
 * of them with rollback and deferred start), queue info, per-queue
 * statistics, descriptor limits, burst functions and a register dump.
 *
 * It knows a port by its rte_eth_dev (the ethdev data and the burst
 * pointers), a queue's registers by the hw handle and the base of its
 * register block that the PMD passes: never a PMD's adapter.
 */
#ifndef IGB_ETHDEV_QUEUE_H
#define IGB_ETHDEV_QUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>

#include "igb_hw.h"
#include "igb_rxtx.h"

/* Setup: (re)creates queue qid of the port on the register block at
 * reg_base, releasing the old one first; logs and returns the error. */
int igb_eth_rx_queue_setup(struct rte_eth_dev *dev, struct igb_hw *hw,
	uint32_t reg_base, uint16_t qid, uint16_t nb_desc, unsigned int socket,
	const struct rte_eth_rxconf *conf, struct rte_mempool *mp);
int igb_eth_tx_queue_setup(struct rte_eth_dev *dev, struct igb_hw *hw,
	uint32_t reg_base, uint16_t qid, uint16_t nb_desc, unsigned int socket,
	const struct rte_eth_txconf *conf);

/* eth_dev_ops entries, the same in both PMDs (IGB_ETH_QUEUE_OPS). */
void igb_eth_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
void igb_eth_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
int igb_eth_rx_queue_start(struct rte_eth_dev *dev, uint16_t qid);
int igb_eth_rx_queue_stop(struct rte_eth_dev *dev, uint16_t qid);
int igb_eth_tx_queue_start(struct rte_eth_dev *dev, uint16_t qid);
int igb_eth_tx_queue_stop(struct rte_eth_dev *dev, uint16_t qid);
void igb_eth_rxq_info_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_rxq_info *qinfo);
void igb_eth_txq_info_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_txq_info *qinfo);
/* The port's burst function (what dev_start picked, or would pick now
 * while the port is stopped), by name: "Vector SSE4.1", "Scalar simple",
 * "Scalar". All queues of a port share it. */
int igb_eth_rx_burst_mode_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_burst_mode *mode);
int igb_eth_tx_burst_mode_get(
	struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_burst_mode *mode);

/* The queue ops that only read the queues (shared memory): a secondary
 * process's ops have these alone. */
#define IGB_ETH_QUEUE_INFO_OPS \
	.rxq_info_get = igb_eth_rxq_info_get, \
	.txq_info_get = igb_eth_txq_info_get, \
	.rx_burst_mode_get = igb_eth_rx_burst_mode_get, \
	.tx_burst_mode_get = igb_eth_tx_burst_mode_get

#define IGB_ETH_QUEUE_OPS \
	.rx_queue_release = igb_eth_rx_queue_release, \
	.tx_queue_release = igb_eth_tx_queue_release, \
	.rx_queue_start = igb_eth_rx_queue_start, \
	.rx_queue_stop = igb_eth_rx_queue_stop, \
	.tx_queue_start = igb_eth_tx_queue_start, \
	.tx_queue_stop = igb_eth_tx_queue_stop, \
	.tx_done_cleanup = igb_tx_done_cleanup, IGB_ETH_QUEUE_INFO_OPS

/*
 * link_update of a secondary process: the link as the primary last set it
 * in the port's shared data (its poll keeps it current); no register is
 * read.
 */
int igb_eth_link_update_shared(struct rte_eth_dev *dev, int wait);

/*
 * dev_start's queue part: picks the burst functions for the queues'
 * offloads, then starts every queue not set for deferred start, Tx first.
 * On a failure the queues it started are stopped again.
 */
int igb_eth_queues_start(struct rte_eth_dev *dev);
/* Stops every started queue (dev_stop, close, reset). */
void igb_eth_queues_stop(struct rte_eth_dev *dev);
/* Releases every queue (close). */
void igb_eth_queues_release(struct rte_eth_dev *dev);

/* The burst and descriptor functions a port has from its probe on. */
void igb_eth_burst_init(struct rte_eth_dev *dev);

/* Descriptor limits of the rings (dev_infos_get). */
void igb_eth_desc_lim_get(struct rte_eth_dev_info *info);

/*
 * Adds the queues' software counters to st: per queue always, and to the
 * port totals if port_totals (a port without hardware totals of its own).
 */
void igb_eth_queue_stats_get(const struct rte_eth_dev *dev,
	struct rte_eth_stats *st, bool port_totals);
void igb_eth_queue_stats_reset(struct rte_eth_dev *dev);

/*
 * Register dump (get_reg) of count registers, the i-th at reg_at(i); only
 * registers without read side effects belong in it.
 */
int igb_eth_get_reg(struct igb_hw *hw, struct rte_dev_reg_info *regs,
	unsigned int count, uint32_t (*reg_at)(unsigned int i),
	uint32_t version);
/* A queue pair's registers for a dump: IGB_QUEUE_DUMP_REGS of them. */
#define IGB_QUEUE_DUMP_REGS 14
uint32_t igb_queue_dump_reg(uint32_t rx_base, uint32_t tx_base, unsigned int i);

#endif /* IGB_ETHDEV_QUEUE_H */
