/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The VF's PCI command register. A reset of the PF resets its VFs'
 * configuration space behind vfio's back, and neither vfio nor EAL sets
 * the enables again on a device that stays open: Bus Master Enable goes
 * to 0, so the VF's DMA is dropped. QEMU: the VF's own Memory Space
 * Enable goes too and its registers then read 0 (no RSTI to see).
 * 82576: that bit is hardwired to 0 in a VF (the PF's VF MSE governs
 * decoding: SR-IOV specification, VF Command register), so only Bus
 * Master tells of the reset, and setting Memory Space is a harmless no-op
 * there.
 */
#include <errno.h>

#include <bus_pci_driver.h>
#include <ethdev_pci.h>

#include "igb_vf.h"

/* PCI Command: Memory Space Enable (not in DPDK 22.11's rte_pci.h). */
#define VF_PCI_COMMAND_MEMORY 0x2

static int
read_command(const struct rte_pci_device *pci, uint16_t *cmd)
{
	if (rte_pci_read_config(pci, cmd, sizeof(*cmd), RTE_PCI_COMMAND) !=
		sizeof(*cmd))
		return -EIO;
	return 0;
}

bool
igb_vf_pci_enables_lost(struct rte_eth_dev *dev)
{
	uint16_t cmd;

	return read_command(RTE_ETH_DEV_TO_PCI(dev), &cmd) == 0 &&
		!(cmd & RTE_PCI_COMMAND_MASTER);
}

int
igb_vf_pci_enables_restore(struct rte_eth_dev *dev)
{
	const struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	uint16_t cmd;

	if (read_command(pci, &cmd) != 0) {
		VF_LOG(ERR, dev, "cannot read the PCI command register");
		return -EIO;
	}
	if (cmd & RTE_PCI_COMMAND_MASTER)
		return 0;
	VF_LOG(NOTICE, dev,
		"PCI command 0x%04x lost bus-master enable (the PF was reset): "
		"restoring",
		cmd);
	cmd |= RTE_PCI_COMMAND_MASTER | VF_PCI_COMMAND_MEMORY;
	if (rte_pci_write_config(pci, &cmd, sizeof(cmd), RTE_PCI_COMMAND) !=
		sizeof(cmd)) {
		VF_LOG(ERR, dev, "cannot write the PCI command register");
		return -EIO;
	}
	return 0;
}
