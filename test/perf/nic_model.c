/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_eal.h>
#include <rte_memory.h>

#include "igb_desc.h"
#include "nic_model.h"

/* What the model reports for every frame: IPv4/UDP, checksums verified. */
#define RX_PKT_INFO ((IGB_RXD_PKT_IPV4 | IGB_RXD_PKT_UDP) << IGB_RXD_PKT_SHIFT)
#define RX_STATUS \
	(IGB_RXD_STAT_DD | IGB_RXD_STAT_EOP | IGB_RXD_STAT_IPCS | \
		IGB_RXD_STAT_UDPCS | IGB_RXD_STAT_L4CS)
#define TX_CMD_MASK \
	(IGB_TXD_DTYP_DATA | IGB_TXD_DTYP_CTXT | IGB_TXD_CMD_DEXT | \
		IGB_TXD_CMD_EOP | IGB_TXD_CMD_IFCS | IGB_TXD_CMD_TSE | \
		IGB_TXD_CMD_VLE)
#define TX_CMD_PLAIN \
	(IGB_TXD_DTYP_DATA | IGB_TXD_CMD_DEXT | IGB_TXD_CMD_EOP | \
		IGB_TXD_CMD_IFCS)

static uint32_t
reg(const struct nic_model *nm, uint32_t off)
{
	return *(volatile uint32_t *)(nm->bar + off);
}

static void
reg_set(struct nic_model *nm, uint32_t off, uint32_t val)
{
	*(volatile uint32_t *)(nm->bar + off) = val;
}

/* A DMA address as the driver wrote it into a register or descriptor. */
static void *
dma_va(uint64_t iova)
{
	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return (void *)(uintptr_t)iova;
	return rte_mem_iova2virt(iova);
}

static void *
ring_of(const struct nic_model *nm, uint32_t base, uint16_t *size,
	size_t desc_size)
{
	uint64_t iova = reg(nm, base + IGB_QREG_BAL) |
		((uint64_t)reg(nm, base + IGB_QREG_BAH) << 32);

	if (!(reg(nm, base + IGB_QREG_DCTL) & IGB_XDCTL_ENABLE))
		return NULL;
	*size = reg(nm, base + IGB_QREG_LEN) / desc_size;
	return dma_va(iova);
}

int
nic_model_init(struct nic_model *nm, const char *name, uint32_t rx_base,
	uint32_t tx_base, const struct perf_frame *frame)
{
	nm->name = name;
	snprintf(nm->tx_who, sizeof(nm->tx_who), "%s nic tx", name);
	nm->bar = aligned_alloc(4096, NIC_MODEL_BAR_SIZE);
	if (nm->bar == NULL)
		return -ENOMEM;
	memset(nm->bar, 0, NIC_MODEL_BAR_SIZE);
	nm->hw.base = nm->bar;
	nm->hw.model = NULL; /* plain memory: the driver's real MMIO path */
	nm->frame = frame;
	nm->rx_base = rx_base;
	nm->tx_base = tx_base;
	nic_model_reset(nm);
	return 0;
}

void
nic_model_fini(struct nic_model *nm)
{
	free(nm->bar);
	nm->bar = NULL;
}

void
nic_model_reset(struct nic_model *nm)
{
	nm->rx_head = 0;
	nm->tx_head = 0;
	nm->rx_seq = 0;
	nm->tx_seq = 0;
	nm->bad_len_seq = UINT32_MAX;
	nm->bad_cksum_seq = UINT32_MAX;
}

int
nic_rx_deliver(struct nic_model *nm, uint32_t max)
{
	volatile union igb_rx_desc *ring;
	uint16_t size = 0;
	uint16_t tail = reg(nm, nm->rx_base + IGB_QREG_TAIL);
	uint32_t srrctl = reg(nm, nm->rx_base + IGB_QREG_SRRCTL);
	uint32_t bsize = (srrctl & IGB_SRRCTL_BSIZEPKT_MASK) * 1024;
	uint32_t n = 0;

	ring = ring_of(nm, nm->rx_base, &size, sizeof(*ring));
	if (ring == NULL || size == 0 || tail >= size) {
		printf("FAIL %s nic rx: queue not enabled or tail %u outside "
		       "ring of %u\n",
			nm->name, tail, size);
		return -1;
	}
	/* One buffer per frame: the model does not split frames. */
	if (nm->frame->len > bsize) {
		printf("FAIL %s nic rx: SRRCTL 0x%08x: %u B buffers, frame of "
		       "%u B\n",
			nm->name, srrctl, bsize, nm->frame->len);
		return -1;
	}
	while (nm->rx_head != tail && n < max) {
		volatile union igb_rx_desc *d = &ring[nm->rx_head];
		uint64_t addr = rte_le_to_cpu_64(d->read.pkt_addr);

		/* The NIC owns this slot: it must hold a fresh buffer. */
		if (addr == 0 ||
			(rte_le_to_cpu_64(d->read.hdr_addr) &
				IGB_RXD_STAT_DD)) {
			printf("FAIL %s nic rx: slot %u given to the NIC "
			       "without "
			       "a buffer (addr 0x%" PRIx64 ")\n",
				nm->name, nm->rx_head, addr);
			return -1;
		}
		perf_frame_write(nm->frame, dma_va(addr), nm->rx_seq);
		d->wb.pkt_info = rte_cpu_to_le_16(RX_PKT_INFO);
		d->wb.hdr_info = 0;
		d->wb.rss_csum = 0;
		d->wb.length = rte_cpu_to_le_16(
			nm->frame->len - (nm->rx_seq == nm->bad_len_seq));
		d->wb.vlan = 0;
		/* DD last: the driver reads the rest only after seeing it. */
		rte_wmb();
		d->wb.status_error = rte_cpu_to_le_32(RX_STATUS |
			(nm->rx_seq == nm->bad_cksum_seq ? IGB_RXD_ERR_IPE
							 : 0));
		nm->rx_seq++;
		nm->rx_head = nm->rx_head + 1 == size ? 0 : nm->rx_head + 1;
		n++;
	}
	reg_set(nm, nm->rx_base + IGB_QREG_HEAD, nm->rx_head);
	return n;
}

int
nic_tx_complete(struct nic_model *nm)
{
	volatile union igb_tx_desc *ring;
	uint16_t size = 0;
	uint16_t tail = reg(nm, nm->tx_base + IGB_QREG_TAIL);
	int n = 0;

	ring = ring_of(nm, nm->tx_base, &size, sizeof(*ring));
	if (ring == NULL || size == 0 || tail >= size) {
		printf("FAIL %s nic tx: queue not enabled or tail %u outside "
		       "ring of %u\n",
			nm->name, tail, size);
		return -1;
	}
	while (nm->tx_head != tail) {
		volatile union igb_tx_desc *d = &ring[nm->tx_head];
		uint32_t cmd = rte_le_to_cpu_32(d->read.cmd_type_len);
		uint32_t olinfo = rte_le_to_cpu_32(d->read.olinfo_status);
		uint16_t len = cmd & IGB_TXD_LEN_MASK;

		/* The harness sends single-buffer frames without offloads. */
		if ((cmd & TX_CMD_MASK) != TX_CMD_PLAIN ||
			olinfo >> IGB_TXD_PAYLEN_SHIFT != len) {
			printf("FAIL %s nic tx: slot %u: cmd_type_len 0x%08x "
			       "olinfo 0x%08x, expected a plain data "
			       "descriptor with EOP and PAYLEN = length\n",
				nm->name, nm->tx_head, cmd, olinfo);
			return -1;
		}
		if (!perf_frame_check(nm->frame,
			    dma_va(rte_le_to_cpu_64(d->read.buf_addr)), len,
			    nm->tx_seq, nm->tx_who))
			return -1;
		nm->tx_seq++;
		if (cmd & IGB_TXD_CMD_RS)
			d->wb.status = rte_cpu_to_le_32(IGB_TXD_STAT_DD);
		nm->tx_head = nm->tx_head + 1 == size ? 0 : nm->tx_head + 1;
		n++;
	}
	reg_set(nm, nm->tx_base + IGB_QREG_HEAD, nm->tx_head);
	return n;
}
