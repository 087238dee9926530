/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ethdev queue glue both PMDs use (igb_ethdev_queue.h), driven through
 * DPDK's own ethdev calls on a port whose ops are the glue, on the PF's
 * queue registers of the register model: deferred start and the queue
 * start/stop ops; a dev_start whose Rx start fails leaves no queue
 * running and no mbuf taken; queue info (with the Tx RS threshold);
 * per-queue statistics; the register dump. Needs EAL (no hugepages, no
 * PCI) for the mempools and the port.
 */
#include <string.h>

#include <dev_driver.h>
#include <ethdev_driver.h>
#include <rte_eal.h>
#include <rte_malloc.h>

#include "igb_check.h"
#include "igb_ethdev_queue.h"
#include "igb_model.h"

#define NDESC 64
#define RXQ(q) IGB_PF_RXQ_BASE(7 + 8 * (q))
#define TXQ(q) IGB_PF_TXQ_BASE(7 + 8 * (q))

static struct igb_model model;

static int
configure(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	RTE_SET_USED(dev);
	info->max_rx_queues = 2;
	info->max_tx_queues = 2;
	info->max_mac_addrs = 1;
	info->min_rx_bufsize = IGB_RX_BUF_ALIGN;
	info->max_rx_pktlen = 9216;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = 9000;
	info->rx_offload_capa = IGB_RX_OFFLOADS;
	info->tx_offload_capa = IGB_TX_OFFLOADS;
	igb_eth_desc_lim_get(info);
	return 0;
}

static int
rx_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_rxconf *conf,
	struct rte_mempool *mp)
{
	return igb_eth_rx_queue_setup(
		dev, &model.hw, RXQ(qid), qid, nb_desc, socket, conf, mp);
}

static int
tx_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
	unsigned int socket, const struct rte_eth_txconf *conf)
{
	return igb_eth_tx_queue_setup(
		dev, &model.hw, TXQ(qid), qid, nb_desc, socket, conf);
}

static int
link_update(struct rte_eth_dev *dev, int wait)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(wait);
	return 0;
}

static int
stop(struct rte_eth_dev *dev)
{
	igb_eth_queues_stop(dev);
	return 0;
}

static int
close_port(struct rte_eth_dev *dev)
{
	igb_eth_queues_stop(dev);
	igb_eth_queues_release(dev);
	return 0;
}

static uint32_t
dump_at(unsigned int i)
{
	return igb_queue_dump_reg(RXQ(0), TXQ(0), i);
}

static int
get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *regs)
{
	RTE_SET_USED(dev);
	return igb_eth_get_reg(
		&model.hw, regs, IGB_QUEUE_DUMP_REGS, dump_at, 0x10c9);
}

static const struct eth_dev_ops ops = {
	.dev_configure = configure,
	.dev_infos_get = infos_get,
	.dev_start = igb_eth_queues_start,
	.dev_stop = stop,
	.dev_close = close_port,
	.link_update = link_update,
	.rx_queue_setup = rx_setup,
	.tx_queue_setup = tx_setup,
	.get_reg = get_reg,
	IGB_ETH_QUEUE_OPS,
};

static bool
enabled(uint32_t reg_base)
{
	return model.reg[(reg_base + IGB_QREG_DCTL) / 4] & IGB_XDCTL_ENABLE;
}

static struct rte_driver driver = {.name = "glue_test"};
static struct rte_device device = {.name = "glue_test", .driver = &driver};

static uint16_t
new_port(void)
{
	static unsigned int n;
	struct rte_eth_dev *dev;
	char name[32];

	snprintf(name, sizeof(name), "glue_test%u", n++);
	dev = rte_eth_dev_allocate(name);
	if (dev == NULL)
		return RTE_MAX_ETHPORTS;
	dev->dev_ops = &ops;
	dev->device = &device;
	igb_eth_burst_init(dev);
	dev->data->mac_addrs = rte_zmalloc(NULL, RTE_ETHER_ADDR_LEN, 0);
	rte_eth_dev_probing_finish(dev);
	return dev->data->port_id;
}

static int
setup(uint16_t port, uint16_t nq, struct rte_mempool *mp0,
	struct rte_mempool *mp1, bool rx_deferred, bool tx_deferred)
{
	struct rte_eth_conf conf = {0};
	struct rte_eth_rxconf rxc = {.rx_deferred_start = rx_deferred};
	struct rte_eth_txconf txc = {.tx_deferred_start = tx_deferred};
	uint16_t q;
	int ret;

	ret = rte_eth_dev_configure(port, nq, nq, &conf);
	for (q = 0; q < nq && ret == 0; q++) {
		ret = rte_eth_rx_queue_setup(port, q, NDESC, SOCKET_ID_ANY,
			&rxc, q == 0 ? mp0 : mp1);
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(
				port, q, NDESC, SOCKET_ID_ANY, &txc);
	}
	return ret;
}

static uint8_t
rx_state(uint16_t port, uint16_t q)
{
	struct rte_eth_rxq_info qi;

	if (rte_eth_rx_queue_info_get(port, q, &qi) != 0)
		return 0xff;
	return qi.queue_state;
}

/* net_igb_pf had no queue start op: a deferred queue stayed stopped. */
static void
test_deferred(struct rte_mempool *mp)
{
	uint16_t port = new_port();
	unsigned int avail = rte_mempool_avail_count(mp);

	CHECK_EQ("deferred: setup", 0, setup(port, 1, mp, mp, true, true));
	CHECK_EQ("deferred: dev_start", 0, rte_eth_dev_start(port));
	CHECK("deferred: Rx queue not enabled by dev_start", !enabled(RXQ(0)));
	CHECK("deferred: Tx queue not enabled by dev_start", !enabled(TXQ(0)));
	CHECK_EQ("deferred: Rx queue state stopped",
		RTE_ETH_QUEUE_STATE_STOPPED, rx_state(port, 0));
	CHECK_EQ("deferred: rte_eth_dev_rx_queue_start", 0,
		rte_eth_dev_rx_queue_start(port, 0));
	CHECK("deferred: Rx queue enabled (RXDCTL.ENABLE)", enabled(RXQ(0)));
	CHECK_EQ("deferred: Rx queue state started",
		RTE_ETH_QUEUE_STATE_STARTED, rx_state(port, 0));
	CHECK_EQ("deferred: Rx ring armed", avail - NDESC,
		rte_mempool_avail_count(mp));
	CHECK_EQ("deferred: a second Rx start is a no-op", 0,
		rte_eth_dev_rx_queue_start(port, 0));
	CHECK_EQ("deferred: and takes no more mbufs", avail - NDESC,
		rte_mempool_avail_count(mp));
	CHECK_EQ("deferred: rte_eth_dev_tx_queue_start", 0,
		rte_eth_dev_tx_queue_start(port, 0));
	CHECK("deferred: Tx queue enabled (TXDCTL.ENABLE)", enabled(TXQ(0)));
	CHECK_EQ("deferred: rte_eth_dev_rx_queue_stop", 0,
		rte_eth_dev_rx_queue_stop(port, 0));
	CHECK("deferred: Rx queue disabled", !enabled(RXQ(0)));
	CHECK_EQ("deferred: Rx mbufs back", avail, rte_mempool_avail_count(mp));
	CHECK_EQ("deferred: dev_stop", 0, rte_eth_dev_stop(port));
	CHECK("deferred: Tx queue disabled by dev_stop", !enabled(TXQ(0)));
	CHECK_EQ("deferred: close", 0, rte_eth_dev_close(port));
}

/* A start failing at Rx queue 1 (its pool holds fewer mbufs than its
 * ring): nothing may stay running (net_igb_pf left the rest on). */
static void
test_rollback(struct rte_mempool *mp, struct rte_mempool *tiny)
{
	uint16_t port = new_port();
	unsigned int avail = rte_mempool_avail_count(mp);
	uint16_t q;

	CHECK_EQ("rollback: setup", 0, setup(port, 2, mp, tiny, false, false));
	CHECK("rollback: dev_start fails", rte_eth_dev_start(port) != 0);
	for (q = 0; q < 2; q++) {
		CHECK("rollback: Tx queue disabled", !enabled(TXQ(q)));
		CHECK("rollback: Rx queue disabled", !enabled(RXQ(q)));
		CHECK_EQ("rollback: Rx queue state stopped",
			RTE_ETH_QUEUE_STATE_STOPPED, rx_state(port, q));
	}
	CHECK_EQ("rollback: Rx queue 0's mbufs back", avail,
		rte_mempool_avail_count(mp));
	CHECK_EQ("rollback: close", 0, rte_eth_dev_close(port));
}

static void
test_info_stats_regs(struct rte_mempool *mp)
{
	uint16_t port = new_port();
	struct rte_eth_dev *dev = &rte_eth_devices[port];
	struct igb_rx_queue *rxq;
	struct igb_tx_queue *txq;
	struct rte_eth_txq_info ti;
	struct rte_eth_stats st;
	struct rte_dev_reg_info regs = {0};
	uint32_t data[IGB_QUEUE_DUMP_REGS];

	CHECK_EQ("info: setup", 0, setup(port, 1, mp, mp, false, false));
	rxq = dev->data->rx_queues[0];
	txq = dev->data->tx_queues[0];
	CHECK_EQ("info: txq info", 0, rte_eth_tx_queue_info_get(port, 0, &ti));
	/* 64 descriptors: below the default 32, room for a 40-segment
	 * packet after the last RS. */
	CHECK_EQ("info: Tx RS threshold reported", 23, ti.conf.tx_rs_thresh);
	CHECK_EQ("info: the one the queue uses", txq->rs_thresh,
		ti.conf.tx_rs_thresh);
	CHECK_EQ("info: Tx free threshold reported", IGB_TX_FREE_THRESH_DEFAULT,
		ti.conf.tx_free_thresh);

	rxq->stats.packets = 21;
	rxq->stats.bytes = 2020;
	rxq->stats.errors = 2;
	txq->stats.packets = 5;
	txq->stats.bytes = 500;
	memset(&st, 0, sizeof(st));
	igb_eth_queue_stats_get(dev, &st, false);
	CHECK_EQ("stats: per-queue Rx bytes", 2020, st.q_ibytes[0]);
	CHECK_EQ("stats: per-queue Tx packets", 5, st.q_opackets[0]);
	CHECK_EQ("stats: no port totals when the port has its own", 0,
		st.ipackets);
	CHECK_EQ("stats: Rx errors always", 2, st.ierrors);
	memset(&st, 0, sizeof(st));
	igb_eth_queue_stats_get(dev, &st, true);
	CHECK_EQ("stats: port Rx packets from the queues", 21, st.ipackets);
	CHECK_EQ("stats: port Tx bytes from the queues", 500, st.obytes);
	igb_eth_queue_stats_reset(dev);
	CHECK_EQ("stats: reset", 0, rxq->stats.packets + txq->stats.bytes);

	CHECK_EQ("regs: size query", 0, rte_eth_dev_get_reg_info(port, &regs));
	CHECK_EQ("regs: count", IGB_QUEUE_DUMP_REGS, regs.length);
	model.reg[(TXQ(0) + IGB_QREG_TAIL) / 4] = 0x1234;
	regs.data = data;
	CHECK_EQ("regs: dump", 0, rte_eth_dev_get_reg_info(port, &regs));
	CHECK_EQ("regs: TDT is the 13th", 0x1234, data[12]);
	CHECK_EQ("regs: RDLEN is the 3rd", NDESC * 16, data[2]);
	CHECK_EQ("regs: version", 0x10c9, regs.version);
	regs.length = 3;
	CHECK_EQ("regs: a partial dump refused", -ENOTSUP,
		rte_eth_dev_get_reg_info(port, &regs));
	CHECK_EQ("info: close", 0, rte_eth_dev_close(port));
}

/* rx/tx_burst_mode_get name the port's function, stopped (what a start
 * would pick) or started; --force-max-simd-bitwidth=64 gives the scalar
 * one; a queue with VLAN strip makes Rx the full path. */
static void
test_burst_mode(struct rte_mempool *mp)
{
	uint16_t port = new_port();
	uint16_t simd = rte_vect_get_max_simd_bitwidth();
	const char *vec = igb_vec_usable() ? "Vector SSE4.1" : "Scalar simple";
	struct rte_eth_burst_mode mode;
	struct rte_eth_conf strip = {
		.rxmode.offloads = RTE_ETH_RX_OFFLOAD_VLAN_STRIP};

	CHECK_EQ("burst mode: setup", 0, setup(port, 1, mp, mp, false, false));
	CHECK_EQ("burst mode: Rx, stopped", 0,
		rte_eth_rx_burst_mode_get(port, 0, &mode));
	CHECK_STR("burst mode: Rx, stopped", vec, mode.info);
	CHECK_EQ("burst mode: dev_start", 0, rte_eth_dev_start(port));
	CHECK_EQ("burst mode: Rx, started", 0,
		rte_eth_rx_burst_mode_get(port, 0, &mode));
	CHECK_STR("burst mode: Rx, started", vec, mode.info);
	CHECK_EQ("burst mode: Tx, started", 0,
		rte_eth_tx_burst_mode_get(port, 0, &mode));
	CHECK_STR("burst mode: Tx, started", vec, mode.info);
	CHECK_EQ("burst mode: dev_stop", 0, rte_eth_dev_stop(port));

	rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_DISABLED);
	CHECK_EQ("burst mode: dev_start, SIMD 64", 0, rte_eth_dev_start(port));
	CHECK_EQ("burst mode: Rx, SIMD 64", 0,
		rte_eth_rx_burst_mode_get(port, 0, &mode));
	CHECK_STR("burst mode: Rx, SIMD 64", "Scalar simple", mode.info);
	CHECK_EQ("burst mode: Tx, SIMD 64", 0,
		rte_eth_tx_burst_mode_get(port, 0, &mode));
	CHECK_STR("burst mode: Tx, SIMD 64", "Scalar simple", mode.info);
	CHECK_EQ("burst mode: dev_stop, SIMD 64", 0, rte_eth_dev_stop(port));
	rte_vect_set_max_simd_bitwidth(simd);

	CHECK_EQ("burst mode: port with VLAN strip", 0,
		rte_eth_dev_configure(port, 1, 1, &strip));
	CHECK_EQ("burst mode: its Rx queue", 0,
		rte_eth_rx_queue_setup(
			port, 0, NDESC, SOCKET_ID_ANY, NULL, mp));
	CHECK_EQ("burst mode: Rx, VLAN strip", 0,
		rte_eth_rx_burst_mode_get(port, 0, &mode));
	CHECK_STR("burst mode: Rx, VLAN strip", "Scalar", mode.info);
	CHECK_EQ("burst mode: close", 0, rte_eth_dev_close(port));
}

int
main(void)
{
	char *args[] = {"test", "--no-huge", "-m", "64", "--no-pci",
		"--no-shconf", "--file-prefix=igb_glue_test", "-l", "0",
		"--log-level=lib.eal:error", "--log-level=pmd.common.igb:crit"};
	struct rte_mempool *mp, *tiny;

	if (rte_eal_init(RTE_DIM(args), args) < 0) {
		printf("FAIL EAL init\n");
		return 1;
	}
	model_init(&model);
	mp = rte_pktmbuf_pool_create("glue_test", 511, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	tiny = rte_pktmbuf_pool_create("glue_tiny", NDESC / 2, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	CHECK("mempools created", mp != NULL && tiny != NULL);
	if (mp == NULL || tiny == NULL)
		return check_exit();
	test_deferred(mp);
	test_rollback(mp, tiny);
	test_info_stats_regs(mp);
	test_burst_mode(mp);
	rte_eal_cleanup();
	return check_exit();
}
