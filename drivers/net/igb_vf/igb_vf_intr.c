/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rx queue interrupts (intr_conf.rxq) on vfio-pci MSI-X. EAL's convention
 * fixes the vectors: MSI-X vector 0 is the handle's own event fd (the
 * "other" causes), Rx queue q has an event fd of its own on vector
 * RTE_INTR_VEC_RXTX_OFFSET + q. The VF has three vectors, enough for its
 * two queues. Vector 0 stays unrouted: the mailbox is polled by the alarm
 * (igb_vf_events.c; QEMU: the misc vector fires on the wrong vector, see
 * doc/guides/emulator.rst).
 *
 * Nothing here runs in the burst functions: a port started without
 * intr_conf.rxq never reaches this file past the first test.
 */
#include <errno.h>

#include <bus_pci_driver.h>
#include <ethdev_pci.h>
#include <rte_interrupts.h>

#include "igb_vf.h"

/* The MSI-X vector of Rx queue q (EAL: vector 0 is not a queue's). */
#define RXQ_VECTOR(q) (RTE_INTR_VEC_RXTX_OFFSET + (q))
#define ALL_VECTORS (IGB_BIT(IGB_VF_MSIX_VECTORS) - 1)

/*
 * 82576: the VF's causes reach its MSI-X vectors through VTIVAR (one
 * byte per queue cause) and VTIVAR_MISC (mailbox); VTEIMS/VTEIMC mask a
 * vector, VTEIAC clears its VTEICR bit once the message is sent (without
 * it a second cause would not raise the vector again), VTEITR(n)
 * moderates it (0: every cause at once, the low latency a sleeping poller
 * wants). Only the Rx causes are routed; Tx completions are reaped by the
 * burst functions.
 *
 * QEMU: VTEIAM (auto-mask) is not written: the model turns a VF's write
 * into setting every other bit of the PF's EIAM. Auto-mask is not needed:
 * the application masks the vector itself (rx_queue_intr_disable) while
 * it polls.
 */
void
igb_vf_intr_hw_route(const struct igb_hw *hw, uint16_t nb_rxq)
{
	uint32_t ivar = 0, vectors = 0;
	uint16_t q;

	igb_write(hw, IGB_VF_EIMC, ALL_VECTORS);
	for (q = 0; q < nb_rxq; q++) {
		ivar |= IGB_VF_IVAR_RX(q, RXQ_VECTOR(q));
		vectors |= IGB_EICR_VECTOR(RXQ_VECTOR(q));
		igb_write(hw, IGB_VF_EITR(RXQ_VECTOR(q)), 0);
	}
	igb_write(hw, IGB_VF_IVAR_MISC, 0);
	igb_write(hw, IGB_VF_IVAR0, ivar);
	igb_write(hw, IGB_VF_EIAC, vectors);
}

/*
 * Masked and unrouted. QEMU: the routing stays in the model (a VF's
 * VTIVAR write only ever adds vectors to the PF's IVAR), so the mask is
 * what silences the queues; a routing written again is the same one.
 */
void
igb_vf_intr_hw_clear(const struct igb_hw *hw)
{
	igb_write(hw, IGB_VF_EIMC, ALL_VECTORS);
	igb_write(hw, IGB_VF_EIAC, 0);
	igb_write(hw, IGB_VF_IVAR0, 0);
}

void
igb_vf_rxq_intr_unmask(const struct igb_hw *hw, uint16_t qid)
{
	igb_write(hw, IGB_VF_EIMS, IGB_EICR_VECTOR(RXQ_VECTOR(qid)));
}

void
igb_vf_rxq_intr_mask(const struct igb_hw *hw, uint16_t qid)
{
	igb_write(hw, IGB_VF_EIMC, IGB_EICR_VECTOR(RXQ_VECTOR(qid)));
}

/* dev_configure: intr_conf.rxq needs one MSI-X event fd per Rx queue. */
int
igb_vf_intr_check(struct rte_eth_dev *dev)
{
	struct rte_intr_handle *ih = RTE_ETH_DEV_TO_PCI(dev)->intr_handle;

	if (!dev->data->dev_conf.intr_conf.rxq)
		return 0;
	if (ih == NULL || rte_intr_type_get(ih) != RTE_INTR_HANDLE_VFIO_MSIX ||
		!rte_intr_cap_multiple(ih)) {
		VF_LOG(ERR, dev,
			"Rx interrupts (intr_conf.rxq) need the VF bound to "
			"vfio-pci with MSI-X (EAL --vfio-intr msix, the "
			"default)");
		return -ENOTSUP;
	}
	if (dev->data->nb_rx_queues > IGB_VF_MSIX_VECTORS - 1) {
		VF_LOG(ERR, dev, "Rx interrupts: at most %u Rx queues",
			IGB_VF_MSIX_VECTORS - 1);
		return -EINVAL;
	}
	return 0;
}

/*
 * dev_start, after the queues: one event fd per Rx queue, the queue to
 * vector list ethdev's rte_eth_dev_rx_intr_ctl_q() reads, the routing,
 * then MSI-X on through vfio. Every vector starts masked.
 */
int
igb_vf_intr_start(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	struct rte_intr_handle *ih = RTE_ETH_DEV_TO_PCI(dev)->intr_handle;
	uint16_t nb = dev->data->nb_rx_queues, q;
	int ret;

	if (!dev->data->dev_conf.intr_conf.rxq)
		return 0;
	ret = igb_vf_intr_check(dev);
	if (ret)
		return ret;
	ret = rte_intr_efd_enable(ih, nb);
	if (ret) {
		VF_LOG(ERR, dev, "Rx interrupts: no event fds (%d)", ret);
		return ret;
	}
	if (rte_intr_vec_list_alloc(ih, "igb_vf_intr_vec", nb) != 0) {
		ret = -ENOMEM;
		goto fail_efd;
	}
	for (q = 0; q < nb; q++) {
		if (rte_intr_vec_list_index_set(ih, q, RXQ_VECTOR(q)) != 0) {
			ret = -rte_errno;
			goto fail_vec;
		}
	}
	igb_vf_intr_hw_route(&ad->hw, nb);
	if (rte_intr_enable(ih) != 0) {
		VF_LOG(ERR, dev, "Rx interrupts: vfio refused MSI-X");
		ret = -EIO;
		goto fail_hw;
	}
	ad->rx_intr = true;
	VF_LOG(INFO, dev, "Rx interrupts on MSI-X vectors %u-%u", RXQ_VECTOR(0),
		RXQ_VECTOR(nb - 1));
	return 0;

fail_hw:
	igb_vf_intr_hw_clear(&ad->hw);
fail_vec:
	rte_intr_vec_list_free(ih);
fail_efd:
	rte_intr_efd_disable(ih);
	return ret;
}

/* dev_stop, dev_close, dev_reset: back to a port without interrupts. The
 * application's epoll registrations of the queues go with the fds. */
void
igb_vf_intr_stop(struct rte_eth_dev *dev)
{
	struct igb_vf_adapter *ad = igb_vf_adapter(dev);
	struct rte_intr_handle *ih = RTE_ETH_DEV_TO_PCI(dev)->intr_handle;

	if (!ad->rx_intr)
		return;
	ad->rx_intr = false;
	if (!atomic_load(&ad->gone))
		igb_vf_intr_hw_clear(&ad->hw);
	rte_intr_disable(ih);
	rte_intr_efd_disable(ih);
	rte_intr_vec_list_free(ih);
}

static int
rxq_intr_usable(struct rte_eth_dev *dev)
{
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return -E_RTE_SECONDARY;
	if (!igb_vf_adapter(dev)->rx_intr) {
		VF_LOG(ERR, dev,
			"Rx interrupts are off: configure intr_conf.rxq = 1 "
			"and start the port");
		return -EINVAL;
	}
	return 0;
}

int
igb_vf_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t qid)
{
	int ret = rxq_intr_usable(dev);

	if (ret == 0)
		igb_vf_rxq_intr_unmask(&igb_vf_adapter(dev)->hw, qid);
	return ret;
}

int
igb_vf_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t qid)
{
	int ret = rxq_intr_usable(dev);

	if (ret == 0)
		igb_vf_rxq_intr_mask(&igb_vf_adapter(dev)->hw, qid);
	return ret;
}
