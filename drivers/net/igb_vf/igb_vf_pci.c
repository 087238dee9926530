/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The VF's PCI command register. A reset of the PF resets its VFs'
 * configuration space behind vfio's back: Bus Master Enable goes to 0
 * (and, on the emulator, the VF's own Memory Space Enable, which it needs
 * to decode BAR0; silicon takes that from the PF's VF MSE bit, which the
 * kernel restores). Neither vfio nor EAL sets them again on a device that
 * stays open: the VF's registers read 0 (no RSTI to see) and its DMA is
 * dropped until the driver does.
 */
#include <errno.h>

#include <bus_pci_driver.h>
#include <ethdev_pci.h>

#include "igb_vf.h"

/* PCI Command: Memory Space Enable (not in DPDK 22.11's rte_pci.h). */
#define VF_PCI_COMMAND_MEMORY 0x2
#define VF_PCI_ENABLES (VF_PCI_COMMAND_MEMORY | RTE_PCI_COMMAND_MASTER)

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
		(cmd & VF_PCI_ENABLES) != VF_PCI_ENABLES;
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
	if ((cmd & VF_PCI_ENABLES) == VF_PCI_ENABLES)
		return 0;
	VF_LOG(NOTICE, dev,
		"PCI command 0x%04x lost memory/bus-master enable (the PF was "
		"reset): restoring",
		cmd);
	cmd |= VF_PCI_ENABLES;
	if (rte_pci_write_config(pci, &cmd, sizeof(cmd), RTE_PCI_COMMAND) !=
		sizeof(cmd)) {
		VF_LOG(ERR, dev, "cannot write the PCI command register");
		return -EIO;
	}
	return 0;
}
