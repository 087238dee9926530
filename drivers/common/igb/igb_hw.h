/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register accessor. A struct igb_hw normally points at a mapped BAR0; unit
 * tests point it at plain memory, or attach a model that sees every access
 * (read-to-clear bits, a simulated PF, virtual time).
 */
#ifndef IGB_HW_H
#define IGB_HW_H

#include <stdint.h>

#include <rte_branch_prediction.h>
#include <rte_cycles.h>
#include <rte_io.h>

#include "igb_regs.h"

struct igb_hw_model {
	uint32_t (*read)(void *ctx, uint32_t reg);
	void (*write)(void *ctx, uint32_t reg, uint32_t val);
	void (*delay_us)(void *ctx, unsigned int us);
	void *ctx;
};

struct igb_hw {
	uint8_t *base; /* BAR0 or plain memory */
	const struct igb_hw_model *model; /* NULL: access base */
};

static inline uint32_t
igb_read(const struct igb_hw *hw, uint32_t reg)
{
	if (unlikely(hw->model != NULL))
		return hw->model->read(hw->model->ctx, reg);
	return rte_read32(hw->base + reg);
}

static inline void
igb_write(const struct igb_hw *hw, uint32_t reg, uint32_t val)
{
	if (unlikely(hw->model != NULL)) {
		hw->model->write(hw->model->ctx, reg, val);
		return;
	}
	rte_write32(val, hw->base + reg);
}

/* Tail update after the caller's own write barrier. */
static inline void
igb_write_relaxed(const struct igb_hw *hw, uint32_t reg, uint32_t val)
{
	if (unlikely(hw->model != NULL)) {
		hw->model->write(hw->model->ctx, reg, val);
		return;
	}
	rte_write32_relaxed(val, hw->base + reg);
}

/* Posted writes reach the device before a read of STATUS returns. */
static inline void
igb_flush(const struct igb_hw *hw)
{
	(void)igb_read(hw, IGB_STATUS);
}

static inline void
igb_delay_us(const struct igb_hw *hw, unsigned int us)
{
	if (unlikely(hw->model != NULL && hw->model->delay_us != NULL)) {
		hw->model->delay_us(hw->model->ctx, us);
		return;
	}
	rte_delay_us_block(us);
}

#endif /* IGB_HW_H */
