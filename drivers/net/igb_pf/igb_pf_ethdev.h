/* SPDX-License-Identifier: BSD-3-Clause */
/* net_igb_pf: per-port private data shared by the ethdev glue, the private
 * API and telemetry. */
#ifndef IGB_PF_ETHDEV_H
#define IGB_PF_ETHDEV_H

#include <stdbool.h>

#include <ethdev_driver.h>
#include <rte_log.h>
#include <rte_pci.h>
#include <rte_spinlock.h>

#include "igb_hw.h"
#include "igb_pf_devargs.h"
#include "igb_pf_mbx.h"
#include "igb_pf_vf.h"
#include "rte_pmd_igb_pf.h"

extern int igb_pf_logtype;
#define IGB_PF_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_##level, igb_pf_logtype, "net_igb_pf: " fmt "\n", \
		##__VA_ARGS__)

/* VF counters as the NIC has them (32-bit, wrapping) and widened. */
enum {
	IGB_PF_VFSTAT_GPRC,
	IGB_PF_VFSTAT_GPTC,
	IGB_PF_VFSTAT_GORC,
	IGB_PF_VFSTAT_GOTC,
	IGB_PF_VFSTAT_MPRC,
	IGB_PF_VFSTATS
};

struct igb_pf_vf_hwstats {
	uint32_t last[IGB_PF_VFSTATS];
	uint64_t total[IGB_PF_VFSTATS];
};

struct igb_pf_adapter {
	struct igb_hw hw;
	/* Guards sriov, the registers it projects to and the mailbox. The
	 * event thread and API callers (and the application's mailbox
	 * callback, which may call the API) take it. */
	rte_spinlock_recursive_t lock;
	struct igb_pf_sriov sriov;
	struct igb_pf_mbx_server mbx;
	struct igb_pf_devargs devargs;
	struct igb_pf_vf_hwstats vfstats[IGB_PF_MAX_VFS];
	struct rte_eth_dev *dev;
	char bdf[PCI_PRI_STR_SIZE];
	bool created_vfs; /* this port wrote sriov_numvfs */
	bool link_up; /* last link state seen */
	bool polling; /* alarm armed */
	bool closed;
	unsigned int ticks;
};

/* The adapter of port, or NULL if port is not a net_igb_pf port. */
struct igb_pf_adapter *igb_pf_adapter_of(uint16_t port);

/* Folds the NIC's VF counters into the 64-bit totals (lock held). */
void igb_pf_vfstats_update(struct igb_pf_adapter *ad);

/* Registers the telemetry commands (once). */
void igb_pf_telemetry_init(void);

#endif /* IGB_PF_ETHDEV_H */
