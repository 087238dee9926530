/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <stdlib.h>

#include <rte_eal.h>
#include <rte_mbuf.h>

#include "igb_check.h"
#include "rxtx_fixture.h"

struct rte_mempool *
fixture_pool(const char *name, unsigned int n)
{
	char prefix[64];
	char *args[] = {"test", "--no-huge", "-m", "64", "--no-pci",
		"--no-shconf", prefix, "-l", "0", "--log-level=lib.eal:error"};
	struct rte_mempool *mp;

	snprintf(prefix, sizeof(prefix), "--file-prefix=igb_%s", name);
	if (rte_eal_init(RTE_DIM(args), args) < 0) {
		printf("FAIL EAL init\n");
		exit(1);
	}
	mp = rte_pktmbuf_pool_create(
		name, n, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	CHECK("mempool created", mp != NULL);
	return mp;
}

void
nic_rx(struct igb_rx_queue *q, uint16_t idx, uint16_t len, uint32_t stat,
	uint16_t pkt_info)
{
	volatile union igb_rx_desc *d = &q->ring[idx];

	d->wb.pkt_info = pkt_info;
	d->wb.length = len;
	d->wb.vlan = 0;
	d->wb.status_error = stat | IGB_RXD_STAT_DD;
}

void
fixture_rx_exact_rings(struct igb_rx_queue *q, struct fixture_rx_rings *own)
{
	own->ring = q->ring;
	own->sw_ring = q->sw_ring;
	q->ring = aligned_alloc(IGB_RING_ALIGN, q->nb_desc * sizeof(*q->ring));
	q->sw_ring =
		calloc(q->nb_desc + IGB_RX_SW_RING_PAD, sizeof(*q->sw_ring));
	if (q->ring == NULL || q->sw_ring == NULL) {
		printf("FAIL exact-size Rx rings: out of memory\n");
		exit(1);
	}
}

void
fixture_rx_own_rings(struct igb_rx_queue *q, const struct fixture_rx_rings *own)
{
	free((void *)(uintptr_t)q->ring);
	free(q->sw_ring);
	q->ring = own->ring;
	q->sw_ring = own->sw_ring;
}
