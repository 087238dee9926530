/* SPDX-License-Identifier: BSD-3-Clause */
/* The contestants igb-perf can run (perf_driver.c). */
#ifndef PERF_DRIVER_H
#define PERF_DRIVER_H

#include "perf_run.h"

enum perf_driver_id { DRV_OURS, DRV_OURS_SCALAR, DRV_UPSTREAM, DRV_COUNT };

extern const struct perf_driver perf_drivers[DRV_COUNT];

#endif /* PERF_DRIVER_H */
