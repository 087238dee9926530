/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rx queue interrupts on the VF, their register part on the model: queue
 * q's cause routed to MSI-X vector 1 + q (EAL's first queue vector), the
 * mailbox left unrouted, auto-clear on the queue vectors only, auto-mask
 * never written, every vector masked until the application unmasks one.
 * Then what dev_configure accepts: intr_conf.rxq only on a vfio MSI-X
 * handle, and no more queues than the VF has vectors for them; the ops
 * refuse (and touch no register) on a port started without it.
 */
#include <errno.h>

#include <bus_pci_driver.h>
#include <rte_interrupts.h>

#include "igb_check.h"
#include "igb_model.h"
#include "igb_vf.h"
#include "vf_fakes.h"

int igb_vf_logtype; /* registered by the PMD's ethdev file */

static struct igb_model m;
static struct igb_vf_adapter ad;
static struct rte_eth_dev dev;
static struct rte_eth_dev_data data;
static struct rte_ether_addr macs[1];
static struct rte_pci_device pci;

static uint32_t
vf_reg(uint32_t off)
{
	return m.vf_reg[off / 4];
}

static uint32_t
vf_writes(uint32_t off)
{
	return m.vf_writes[off / 4];
}

static void
check_route(void)
{
	model_init(&m);
	m.vf_reg[IGB_VF_EIMS / 4] = 0x7; /* a previous driver left them on */
	igb_vf_intr_hw_route(&m.vf_hw, 2);
	CHECK_EQ("2 queues: VTIVAR Rx 0 -> vector 1, Rx 1 -> vector 2, no Tx",
		0x00820081, vf_reg(IGB_VF_IVAR0));
	CHECK_EQ("2 queues: VTIVAR_MISC written invalid (mailbox polled)", 0,
		vf_reg(IGB_VF_IVAR_MISC));
	CHECK_EQ("2 queues: VTIVAR_MISC written", 1,
		vf_writes(IGB_VF_IVAR_MISC));
	CHECK_EQ("2 queues: VTEIAC auto-clears vectors 1 and 2", 0x6,
		vf_reg(IGB_VF_EIAC));
	CHECK_EQ("2 queues: every vector masked (VTEIMC)", 0x7,
		vf_reg(IGB_VF_EIMC));
	CHECK_EQ("2 queues: no vector unmasked (no VTEIMS write)", 0,
		vf_writes(IGB_VF_EIMS));
	CHECK_EQ("2 queues: VTEITR(1) written 0", 1, vf_writes(IGB_VF_EITR(1)));
	CHECK_EQ("2 queues: VTEITR(2) written 0", 1, vf_writes(IGB_VF_EITR(2)));
	CHECK_EQ("2 queues: VTEITR(1) 0", 0, vf_reg(IGB_VF_EITR(1)));
	CHECK_EQ("2 queues: VTEITR(0) (the unused misc vector) untouched", 0,
		vf_writes(IGB_VF_EITR(0)));
	CHECK_EQ("2 queues: VTEIAM never written", 0, vf_writes(IGB_VF_EIAM));

	model_init(&m);
	igb_vf_intr_hw_route(&m.vf_hw, 1);
	CHECK_EQ("1 queue: VTIVAR Rx 0 -> vector 1 only", 0x81,
		vf_reg(IGB_VF_IVAR0));
	CHECK_EQ("1 queue: VTEIAC vector 1 only", 0x2, vf_reg(IGB_VF_EIAC));
	CHECK_EQ("1 queue: VTEITR(2) untouched", 0, vf_writes(IGB_VF_EITR(2)));
}

static void
check_mask_and_clear(void)
{
	model_init(&m);
	igb_vf_rxq_intr_unmask(&m.vf_hw, 0);
	CHECK_EQ("unmask queue 0: VTEIMS vector 1", 0x2, vf_reg(IGB_VF_EIMS));
	igb_vf_rxq_intr_unmask(&m.vf_hw, 1);
	CHECK_EQ("unmask queue 1: VTEIMS vector 2", 0x4, vf_reg(IGB_VF_EIMS));
	igb_vf_rxq_intr_mask(&m.vf_hw, 1);
	CHECK_EQ("mask queue 1: VTEIMC vector 2", 0x4, vf_reg(IGB_VF_EIMC));
	igb_vf_rxq_intr_mask(&m.vf_hw, 0);
	CHECK_EQ("mask queue 0: VTEIMC vector 1", 0x2, vf_reg(IGB_VF_EIMC));

	igb_vf_intr_hw_route(&m.vf_hw, 2);
	igb_vf_intr_hw_clear(&m.vf_hw);
	CHECK_EQ("clear: every vector masked", 0x7, vf_reg(IGB_VF_EIMC));
	CHECK_EQ("clear: no auto-clear left", 0, vf_reg(IGB_VF_EIAC));
	CHECK_EQ("clear: queues unrouted", 0, vf_reg(IGB_VF_IVAR0));
}

/* A port on the model whose PCI device has a handle of the given type. */
static void
port_init(enum rte_intr_handle_type type, uint16_t nb_rxq, bool rxq_intr)
{
	fake_port_init(&m, &ad, &dev, &data, macs);
	dev.device = &pci.device;
	if (rte_intr_type_set(pci.intr_handle, type) != 0)
		CHECK("handle type set", false);
	data.nb_rx_queues = nb_rxq;
	data.dev_conf.intr_conf.rxq = rxq_intr;
}

static void
check_configure(void)
{
	pci.intr_handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (!CHECK("interrupt handle allocated", pci.intr_handle != NULL))
		return;

	port_init(RTE_INTR_HANDLE_UIO, 1, false);
	CHECK_EQ("no rxq interrupts: any handle is fine", 0,
		igb_vf_intr_check(&dev));
	port_init(RTE_INTR_HANDLE_UIO, 1, true);
	CHECK_EQ("rxq interrupts on UIO: refused", -ENOTSUP,
		igb_vf_intr_check(&dev));
	port_init(RTE_INTR_HANDLE_VFIO_MSI, 1, true);
	CHECK_EQ("rxq interrupts on vfio MSI (one vector): refused", -ENOTSUP,
		igb_vf_intr_check(&dev));
	port_init(RTE_INTR_HANDLE_VFIO_MSIX, 2, true);
	CHECK_EQ("rxq interrupts on vfio MSI-X, 2 queues: accepted", 0,
		igb_vf_intr_check(&dev));
	port_init(RTE_INTR_HANDLE_VFIO_MSIX, 3, true);
	CHECK_EQ("rxq interrupts, 3 queues (2 queue vectors): refused", -EINVAL,
		igb_vf_intr_check(&dev));

	/* Started without intr_conf.rxq: the ops refuse, stop is a no-op. */
	port_init(RTE_INTR_HANDLE_VFIO_MSIX, 1, false);
	m.nb_reads = m.nb_writes = 0;
	CHECK_EQ("enable on a port without Rx interrupts: -EINVAL", -EINVAL,
		igb_vf_rx_queue_intr_enable(&dev, 0));
	CHECK_EQ("disable on a port without Rx interrupts: -EINVAL", -EINVAL,
		igb_vf_rx_queue_intr_disable(&dev, 0));
	CHECK_EQ("start without intr_conf.rxq: nothing to do", 0,
		igb_vf_intr_start(&dev));
	igb_vf_intr_stop(&dev);
	CHECK_EQ("a port without Rx interrupts: no register access", 0,
		m.nb_reads + m.nb_writes);
	rte_intr_instance_free(pci.intr_handle);
}

int
main(void)
{
	check_route();
	check_mask_and_clear();
	check_configure();
	return check_exit();
}
