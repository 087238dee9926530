/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the PF's threaded tests share (adapter_fakes.c): adapters whose
 * release zeroes them the way rte_free zeroes what rte_eth_dev_release_port
 * frees (a zeroed lock is free and a zeroed `closed` is false, so a request
 * on freed memory goes ahead) and keeps the block, so a release that comes
 * too early shows as a failed check instead of undefined behaviour; and a
 * bounded wait for another thread's progress.
 */
#ifndef IGB_PF_TEST_ADAPTER_FAKES_H
#define IGB_PF_TEST_ADAPTER_FAKES_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "igb_pf_adapter.h"

/* Releases of fake adapters since the last fake_adapter_new(). */
extern atomic_uint fake_released;

/* The release of a fake adapter: zeroes it, counts it. */
void fake_release_zeroed(struct igb_pf_adapter *ad);

/* A fake adapter published on port (checked: "adapter published"). */
struct igb_pf_adapter *fake_adapter_new(uint16_t port);

/* Polls done(arg), yielding, until it holds or 5 s have passed: whether
 * it held. */
bool fake_wait(bool (*done)(void *arg), void *arg);

#endif /* IGB_PF_TEST_ADAPTER_FAKES_H */
