/* SPDX-License-Identifier: BSD-3-Clause */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>

#include "pkt_build.h"
#include "port.h"

unsigned int
port_list(const struct bench_opts *o, uint16_t ports[RESULT_MAX_PORTS])
{
	ports[0] = o->port;
	if (o->peer_port == o->port)
		return 1;
	ports[1] = o->peer_port;
	return 2;
}

static_assert(sizeof(((struct port_counters *)0)->name) >= RTE_ETH_NAME_MAX_LEN,
	"port name buffer too small");

void
port_name(uint16_t port, char *buf)
{
	if (rte_eth_dev_get_name_by_port(port, buf) != 0)
		snprintf(buf, RTE_ETH_NAME_MAX_LEN, "port%u", port);
}

/* "2 ports: 0 net_null0, 1 net_ring0" for the no-such-port message. */
static void
port_inventory(char *buf, size_t len)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t nb = rte_eth_dev_count_avail();
	const char *sep = ":";
	size_t used;
	uint16_t p;

	used = snprintf(buf, len, "%u port%s", nb, nb == 1 ? "" : "s");
	if (nb == 0) {
		snprintf(buf + used, len - used,
			"; add --vdev or bind a device to a DPDK driver");
		return;
	}
	RTE_ETH_FOREACH_DEV(p)
	{
		if (used >= len)
			break;
		port_name(p, name);
		used += snprintf(
			buf + used, len - used, "%s %u %s", sep, p, name);
		sep = ",";
	}
}

/* carries: generated frames leave or arrive on this port. */
static int
port_check_one(const struct bench_opts *o, uint16_t port, const char *opt,
	bool carries, char *err, size_t err_len)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	struct rte_eth_dev_info info;
	uint16_t mtu, l3;
	int ret;

	if (!rte_eth_dev_is_valid_port(port)) {
		char inv[512];

		port_inventory(inv, sizeof(inv));
		snprintf(err, err_len, "%s %u: no such port (%s)", opt, port,
			inv);
		return -1;
	}
	port_name(port, name);
	ret = rte_eth_dev_info_get(port, &info);
	if (ret != 0) {
		snprintf(err, err_len, "port %u (%s): no device info: %s", port,
			name, rte_strerror(-ret));
		return -1;
	}
	if (o->queues > info.max_rx_queues || o->queues > info.max_tx_queues) {
		snprintf(err, err_len,
			"--queues %u: port %u (%s) offers %u Rx and %u Tx "
			"queues",
			o->queues, port, name, info.max_rx_queues,
			info.max_tx_queues);
		return -1;
	}
	ret = rte_eth_dev_get_mtu(port, &mtu);
	if (ret != 0) {
		snprintf(err, err_len, "port %u (%s): cannot read MTU: %s",
			port, name, rte_strerror(-ret));
		return -1;
	}
	/* The MTU bounds the L3 packet: frame minus header and FCS. */
	l3 = size_mix_max(&o->sizes) - PKT_L2_LEN - PKT_FCS_LEN;
	if (carries && l3 > mtu) {
		snprintf(err, err_len,
			"frame size %u needs MTU %u but port %u (%s) has MTU "
			"%u",
			size_mix_max(&o->sizes), l3, port, name, mtu);
		return -1;
	}
	return 0;
}

int
port_check(const struct bench_opts *o, char *err, size_t err_len)
{
	bool seeds = o->mode == BENCH_MODE_FWD && o->tx_first != 0;
	bool port_carries =
		o->mode == BENCH_MODE_TX || o->mode == BENCH_MODE_LAT || seeds;
	bool peer_carries = o->mode == BENCH_MODE_LAT || seeds;

	if (port_check_one(o, o->port, "--port", port_carries, err, err_len) <
		0)
		return -1;
	if (o->peer_port != o->port &&
		port_check_one(o, o->peer_port, "--peer-port", peer_carries,
			err, err_len) < 0)
		return -1;
	return 0;
}

uint16_t
port_data_room(const struct bench_opts *o)
{
	uint16_t ports[RESULT_MAX_PORTS];
	uint32_t room = RTE_MBUF_DEFAULT_DATAROOM;
	unsigned int i, n = port_list(o, ports);

	room = RTE_MAX(room, (uint32_t)size_mix_max(&o->sizes));
	for (i = 0; i < n; i++) {
		uint16_t mtu;

		/* Room for a full frame with two VLAN tags at this MTU. */
		if (rte_eth_dev_get_mtu(ports[i], &mtu) == 0)
			room = RTE_MAX(room,
				(uint32_t)mtu + PKT_L2_LEN + PKT_FCS_LEN + 8);
	}
	room += RTE_PKTMBUF_HEADROOM;
	return room > UINT16_MAX ? UINT16_MAX : (uint16_t)room;
}

static void
port_wait_link(const struct bench_opts *o, uint16_t port, const char *name)
{
	uint64_t end = rte_get_timer_cycles() +
		(uint64_t)(o->link_wait * rte_get_timer_hz());
	struct rte_eth_link link;

	for (;;) {
		memset(&link, 0, sizeof(link));
		if (rte_eth_link_get_nowait(port, &link) != 0 ||
			link.link_status == RTE_ETH_LINK_UP)
			return;
		if (rte_get_timer_cycles() >= end)
			break;
		rte_delay_us_sleep(100 * 1000);
	}
	printf("note: port %u (%s) link still down after %g s; going on\n",
		port, name, o->link_wait);
}

int
port_setup(const struct bench_opts *o, uint16_t port, struct rte_mempool *pool,
	char *err, size_t err_len)
{
	struct rte_eth_conf conf;
	struct rte_eth_dev_info info;
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t rxd = o->rxd, txd = o->txd, q;
	int ret;

	port_name(port, name);
	ret = rte_eth_dev_info_get(port, &info);
	if (ret != 0)
		goto fail;
	memset(&conf, 0, sizeof(conf));
	/* Spread flows over the queues where the port can hash. */
	if (o->queues > 1 && info.flow_type_rss_offloads != 0) {
		conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
		conf.rx_adv_conf.rss_conf.rss_hf = info.flow_type_rss_offloads &
			(RTE_ETH_RSS_IP | RTE_ETH_RSS_UDP);
	}
	if (info.tx_offload_capa & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE)
		conf.txmode.offloads |= RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	conf.intr_conf.rxq = o->rx_intr;
	ret = rte_eth_dev_configure(port, o->queues, o->queues, &conf);
	if (ret != 0)
		goto fail;
	ret = rte_eth_dev_adjust_nb_rx_tx_desc(port, &rxd, &txd);
	if (ret != 0)
		goto fail;
	for (q = 0; q < o->queues; q++) {
		ret = rte_eth_rx_queue_setup(
			port, q, rxd, rte_eth_dev_socket_id(port), NULL, pool);
		if (ret != 0)
			goto fail;
		ret = rte_eth_tx_queue_setup(
			port, q, txd, rte_eth_dev_socket_id(port), NULL);
		if (ret != 0)
			goto fail;
	}
	ret = rte_eth_dev_start(port);
	if (ret != 0)
		goto fail;
	if (o->mode != BENCH_MODE_TX) {
		ret = rte_eth_promiscuous_enable(port);
		if (ret != 0 && ret != -ENOTSUP)
			printf("note: port %u (%s) refused promiscuous mode: "
			       "%s\n",
				port, name, rte_strerror(-ret));
	}
	if (o->link_wait > 0)
		port_wait_link(o, port, name);
	return 0;
fail:
	snprintf(err, err_len, "port %u (%s): setup failed: %s", port, name,
		rte_strerror(-ret));
	return -1;
}

void
port_teardown(uint16_t port)
{
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
}

/* What rx/tx_burst_mode_get said (ret), as a name of up to 63 bytes. */
static void
burst_mode_name(char name[64], int ret, const struct rte_eth_burst_mode *mode)
{
	snprintf(name, 64, "%.63s", ret == 0 ? mode->info : "not reported");
}

int
port_counters_read(uint16_t port, struct port_counters *c)
{
	struct rte_eth_dev_info info;
	struct rte_eth_burst_mode mode;
	struct rte_ether_addr mac;
	struct rte_eth_stats s;
	int ret;

	memset(c, 0, sizeof(*c));
	c->port = port;
	port_name(port, c->name);
	if (rte_eth_dev_info_get(port, &info) == 0 && info.driver_name != NULL)
		snprintf(c->driver, sizeof(c->driver), "%s", info.driver_name);
	burst_mode_name(c->rx_burst_mode,
		rte_eth_rx_burst_mode_get(port, 0, &mode), &mode);
	burst_mode_name(c->tx_burst_mode,
		rte_eth_tx_burst_mode_get(port, 0, &mode), &mode);
	if (rte_eth_macaddr_get(port, &mac) == 0)
		rte_ether_format_addr(c->mac, sizeof(c->mac), &mac);
	ret = rte_eth_stats_get(port, &s);
	if (ret != 0)
		return ret;
	c->ipackets = s.ipackets;
	c->opackets = s.opackets;
	c->ibytes = s.ibytes;
	c->obytes = s.obytes;
	c->imissed = s.imissed;
	c->ierrors = s.ierrors;
	c->oerrors = s.oerrors;
	c->rx_nombuf = s.rx_nombuf;
	return 0;
}

void
port_counters_delta(
	struct port_counters *end, const struct port_counters *start)
{
	end->ipackets -= start->ipackets;
	end->opackets -= start->opackets;
	end->ibytes -= start->ibytes;
	end->obytes -= start->obytes;
	end->imissed -= start->imissed;
	end->ierrors -= start->ierrors;
	end->oerrors -= start->oerrors;
	end->rx_nombuf -= start->rx_nombuf;
}
