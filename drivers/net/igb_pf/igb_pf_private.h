/* SPDX-License-Identifier: BSD-3-Clause */
/* net_igb_pf: what the ethdev glue, the private API and telemetry share
 * (the adapter itself is in igb_pf_adapter.h). */
#ifndef IGB_PF_ETHDEV_H
#define IGB_PF_ETHDEV_H

#include <ethdev_driver.h>
#include <rte_log.h>

#include "igb_pf_adapter.h"
#include "rte_pmd_igb_pf.h"

extern int igb_pf_logtype;
#define IGB_PF_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_##level, igb_pf_logtype, "net_igb_pf: " fmt "\n", \
		##__VA_ARGS__)

/* Folds the NIC's VF counters into the 64-bit totals (lock held). */
void igb_pf_vfstats_update(struct igb_pf_adapter *ad);

/* Registers the telemetry commands (once). */
void igb_pf_telemetry_init(void);

#endif /* IGB_PF_ETHDEV_H */
