/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vf-fwd: a tenant's network function on SR-IOV VF ports (net_igb_vf)
 * that lives through what the PF does to its VFs.
 *
 * Each port answers ARP and ICMP echo requests for its own IPv4 address
 * (--ip) and sends every other frame back to its sender with the Ethernet
 * addresses swapped (macswap), as a function at the end of a service
 * chain would. One lcore polls every port and, between bursts, acts on
 * what the event callbacks flagged:
 *
 *  - RTE_ETH_EVENT_INTR_RESET: the PF reset the VF (the PF's process
 *    restarted, or it was reset). The port must go through
 *    rte_eth_dev_reset(), then be configured and started again; while
 *    the PF is away the reset fails and is retried every second.
 *  - RTE_ETH_EVENT_INTR_LSC: the link went down or up; printed.
 *  - A request the PF refuses: with --promisc each start asks for
 *    promiscuous mode, which the PF's policy may NACK; the refusal is
 *    printed and the port works without it.
 *
 * The counters are the application's own: they keep counting across
 * resets, which restart the port's.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_arp.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_icmp.h>
#include <rte_ip.h>
#include <rte_mbuf.h>

#define NB_RXD 512
#define NB_TXD 512
#define BURST 32
#define NB_MBUFS 4095
#define MBUF_CACHE 128

struct port_state {
	rte_be32_t ip; /* the address this port answers for */
	struct rte_ether_addr mac;
	bool running; /* started; false while a reset is due or failed */
	uint64_t retry_at; /* timer cycles: next reset attempt */
	/* Set by the callbacks (EAL's interrupt or alarm thread), taken by
	 * the main loop. */
	atomic_bool reset_due;
	atomic_uint lsc_events;
	unsigned int lsc_seen;
	/* The application's counters. */
	uint64_t rx, tx, arp, icmp, swapped, dropped, resets, nacks;
};

static struct port_state ports[RTE_MAX_ETHPORTS];
static struct rte_mempool *pool;
static bool want_promisc;
static unsigned int period_s = 2;
static volatile sig_atomic_t quit;

static void
on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

/*
 * Runs in EAL's thread, while the PMD holds its own state: only flag.
 * The main loop does the work (a reset from here would deadlock or race
 * the data path).
 */
static int
on_event(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret)
{
	struct port_state *ps = &ports[port];

	(void)arg;
	(void)ret;
	if (type == RTE_ETH_EVENT_INTR_RESET)
		atomic_store(&ps->reset_due, true);
	else if (type == RTE_ETH_EVENT_INTR_LSC)
		atomic_fetch_add(&ps->lsc_events, 1);
	return 0;
}

/* Configure, set up one queue pair and start; ask for what was asked. */
static int
port_start(uint16_t port)
{
	struct port_state *ps = &ports[port];
	struct rte_eth_conf conf = {0};
	struct rte_eth_dev_info info;
	uint16_t nb_rxd = NB_RXD, nb_txd = NB_TXD;
	char mac[RTE_ETHER_ADDR_FMT_SIZE];
	int ret;

	ret = rte_eth_dev_info_get(port, &info);
	if (ret != 0)
		return ret;
	/* Link events only where the PMD raises them. */
	conf.intr_conf.lsc = (*info.dev_flags & RTE_ETH_DEV_INTR_LSC) != 0;
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nb_rxd, &nb_txd);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, nb_rxd,
			rte_eth_dev_socket_id(port), NULL, pool);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(
			port, 0, nb_txd, rte_eth_dev_socket_id(port), NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret != 0)
		return ret;
	/* The PF may have given the VF another address at its reset. */
	rte_eth_macaddr_get(port, &ps->mac);
	rte_ether_format_addr(mac, sizeof(mac), &ps->mac);
	printf("vf-fwd: port %u: started, driver %s, MAC %s\n", port,
		info.driver_name, mac);
	if (want_promisc) {
		/* A VF asks the PF, whose policy may say no: not fatal. */
		ret = rte_eth_promiscuous_enable(port);
		if (ret != 0) {
			ps->nacks++;
			printf("vf-fwd: port %u: the PF refused promiscuous "
			       "mode (%s): going on without it\n",
				port, rte_strerror(-ret));
		} else {
			printf("vf-fwd: port %u: promiscuous mode on\n", port);
		}
	}
	ps->running = true;
	return 0;
}

/* After RTE_ETH_EVENT_INTR_RESET: reset, configure, start again. */
static void
port_recover(uint16_t port)
{
	struct port_state *ps = &ports[port];
	int ret;

	/* Cleared first: a reset the PF does meanwhile flags it again. */
	atomic_store(&ps->reset_due, false);
	ps->running = false;
	printf("vf-fwd: port %u: resetting\n", port);
	ret = rte_eth_dev_reset(port); /* stops the port first */
	if (ret == 0)
		ret = port_start(port);
	if (ret != 0) {
		/* Typically the PF is not back yet (-EAGAIN, -ETIMEDOUT). */
		printf("vf-fwd: port %u: recovery failed (%s), retrying in "
		       "1 s\n",
			port, rte_strerror(-ret));
		atomic_store(&ps->reset_due, true);
		ps->retry_at = rte_get_timer_cycles() + rte_get_timer_hz();
		return;
	}
	ps->resets++;
	printf("vf-fwd: port %u: recovered (reset %" PRIu64 ")\n", port,
		ps->resets);
}

static void
print_link(uint16_t port)
{
	struct rte_eth_link link;

	if (rte_eth_link_get_nowait(port, &link) != 0)
		return;
	if (link.link_status == RTE_ETH_LINK_UP)
		printf("vf-fwd: port %u: link event: up, %u Mbps\n", port,
			link.link_speed);
	else
		printf("vf-fwd: port %u: link event: down\n", port);
}

/* The link as the reset found it (net_igb_vf raises LSC first if the
 * reset took the link down). */
static void
print_reset_event(uint16_t port)
{
	struct rte_eth_link link = {0};

	rte_eth_link_get_nowait(port, &link);
	printf("vf-fwd: port %u: reset event (the PF reset this VF), link "
	       "%s\n",
		port, link.link_status == RTE_ETH_LINK_UP ? "up" : "down");
}

/* An ARP request for ps->ip becomes its reply, in place. */
static bool
answer_arp(struct port_state *ps, struct rte_mbuf *m, struct rte_ether_hdr *eth)
{
	struct rte_arp_hdr *arp = (struct rte_arp_hdr *)(eth + 1);
	struct rte_arp_ipv4 *a = &arp->arp_data;

	if (m->data_len < sizeof(*eth) + sizeof(*arp) ||
		arp->arp_opcode != rte_cpu_to_be_16(RTE_ARP_OP_REQUEST) ||
		a->arp_tip != ps->ip)
		return false;
	arp->arp_opcode = rte_cpu_to_be_16(RTE_ARP_OP_REPLY);
	a->arp_tha = a->arp_sha;
	a->arp_sha = ps->mac;
	a->arp_tip = a->arp_sip;
	a->arp_sip = ps->ip;
	ps->arp++;
	return true;
}

/* An ICMP echo request to ps->ip becomes its reply, in place. */
static bool
answer_icmp(
	struct port_state *ps, struct rte_mbuf *m, struct rte_ether_hdr *eth)
{
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	struct rte_icmp_hdr *icmp;
	uint16_t ihl, len;
	rte_be32_t src;

	if (m->data_len < sizeof(*eth) + sizeof(*ip) ||
		ip->next_proto_id != IPPROTO_ICMP || ip->dst_addr != ps->ip)
		return false;
	ihl = rte_ipv4_hdr_len(ip);
	len = rte_be_to_cpu_16(ip->total_length);
	if (len < ihl + sizeof(*icmp) || m->data_len < sizeof(*eth) + len)
		return false;
	icmp = (struct rte_icmp_hdr *)((char *)ip + ihl);
	if (icmp->icmp_type != RTE_IP_ICMP_ECHO_REQUEST || icmp->icmp_code != 0)
		return false;
	icmp->icmp_type = RTE_IP_ICMP_ECHO_REPLY;
	icmp->icmp_cksum = 0;
	icmp->icmp_cksum = ~rte_raw_cksum(icmp, len - ihl);
	/* Swapping the addresses leaves the header checksum as it is. */
	src = ip->src_addr;
	ip->src_addr = ip->dst_addr;
	ip->dst_addr = src;
	ps->icmp++;
	return true;
}

/*
 * What goes back out: the reply to an ARP or echo request for us, or any
 * other frame to its sender. False: drop it (an ARP or ICMP frame that is
 * not for us).
 */
static bool
handle(struct port_state *ps, struct rte_mbuf *m)
{
	struct rte_ether_hdr *eth = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	bool ok;

	if (m->data_len < sizeof(*eth))
		return false;
	if (eth->ether_type == rte_cpu_to_be_16(RTE_ETHER_TYPE_ARP)) {
		ok = answer_arp(ps, m, eth);
	} else if (eth->ether_type == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) &&
		m->data_len >= sizeof(*eth) + sizeof(struct rte_ipv4_hdr) &&
		((struct rte_ipv4_hdr *)(eth + 1))->next_proto_id ==
			IPPROTO_ICMP) {
		ok = answer_icmp(ps, m, eth);
	} else {
		ps->swapped++;
		ok = true;
	}
	if (ok) {
		eth->dst_addr = eth->src_addr;
		eth->src_addr = ps->mac;
	}
	return ok;
}

static void
port_poll(uint16_t port)
{
	struct port_state *ps = &ports[port];
	struct rte_mbuf *rx[BURST], *tx[BURST];
	uint16_t n, i, nb_tx = 0, sent;

	n = rte_eth_rx_burst(port, 0, rx, BURST);
	ps->rx += n;
	for (i = 0; i < n; i++) {
		if (handle(ps, rx[i]))
			tx[nb_tx++] = rx[i];
		else
			rte_pktmbuf_free(rx[i]);
	}
	sent = nb_tx ? rte_eth_tx_burst(port, 0, tx, nb_tx) : 0;
	ps->tx += sent;
	ps->dropped += n - sent;
	for (i = sent; i < nb_tx; i++)
		rte_pktmbuf_free(tx[i]);
}

static void
print_counters(uint16_t port)
{
	const struct port_state *ps = &ports[port];

	printf("vf-fwd: port %u: rx %" PRIu64 " tx %" PRIu64 " arp %" PRIu64
	       " icmp %" PRIu64 " swapped %" PRIu64 " dropped %" PRIu64
	       " resets %" PRIu64 " nacks %" PRIu64 " %s\n",
		port, ps->rx, ps->tx, ps->arp, ps->icmp, ps->swapped,
		ps->dropped, ps->resets, ps->nacks,
		ps->running ? "running" : "stopped");
}

static void
main_loop(void)
{
	uint64_t next_print, now;
	unsigned int lsc;
	uint16_t port;

	next_print = rte_get_timer_cycles() + period_s * rte_get_timer_hz();
	while (!quit) {
		now = rte_get_timer_cycles();
		RTE_ETH_FOREACH_DEV(port)
		{
			struct port_state *ps = &ports[port];

			lsc = atomic_load(&ps->lsc_events);
			if (lsc != ps->lsc_seen) {
				ps->lsc_seen = lsc;
				print_link(port);
			}
			if (atomic_load(&ps->reset_due)) {
				if (ps->running)
					print_reset_event(port);
				ps->running = false;
				if (now >= ps->retry_at)
					port_recover(port);
			}
			if (ps->running)
				port_poll(port);
		}
		if (now >= next_print) {
			RTE_ETH_FOREACH_DEV(port)
			print_counters(port);
			next_print = now + period_s * rte_get_timer_hz();
		}
	}
}

static void
usage(const char *prog)
{
	printf("usage: %s [EAL options] -- --ip A.B.C.D [--ip ...] "
	       "[--promisc] [--period SECS]\n"
	       "  --ip       the IPv4 address a port answers ARP and ping "
	       "for, one per port in port order\n"
	       "  --promisc  ask for promiscuous mode at each start\n"
	       "  --period   seconds between counter lines (default 2)\n",
		prog);
}

/* The application's options (after EAL's): 0, or -1 after a message. */
static int
parse_args(int argc, char **argv, unsigned int *nb_ips)
{
	static const struct option longopts[] = {
		{"ip", required_argument, NULL, 'i'},
		{"promisc", no_argument, NULL, 'p'},
		{"period", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct in_addr a;
	char *end;
	long v;
	int c;

	*nb_ips = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (*nb_ips == RTE_MAX_ETHPORTS ||
				inet_pton(AF_INET, optarg, &a) != 1) {
				fprintf(stderr, "vf-fwd: bad --ip '%s'\n",
					optarg);
				return -1;
			}
			ports[(*nb_ips)++].ip = a.s_addr;
			break;
		case 'p':
			want_promisc = true;
			break;
		case 't':
			v = strtol(optarg, &end, 10);
			if (*end != '\0' || v < 1 || v > 3600) {
				fprintf(stderr,
					"vf-fwd: bad --period '%s' (1..3600)\n",
					optarg);
				return -1;
			}
			period_s = (unsigned int)v;
			break;
		default:
			usage(argv[0]);
			return -1;
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	unsigned int nb_ips, nb_ports;
	uint16_t port;
	int ret;

	/* One line per event, as it happens, also into a file or pipe. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "EAL init failed: %s\n",
			rte_strerror(rte_errno));
	argc -= ret;
	argv += ret;
	if (parse_args(argc, argv, &nb_ips) != 0)
		rte_exit(EXIT_FAILURE, "bad arguments\n");
	nb_ports = rte_eth_dev_count_avail();
	if (nb_ports == 0 || nb_ips != nb_ports)
		rte_exit(EXIT_FAILURE,
			"%u ports, %u --ip addresses: give one per port\n",
			nb_ports, nb_ips);
	pool = rte_pktmbuf_pool_create("vf_fwd_mbufs", NB_MBUFS * nb_ports,
		MBUF_CACHE, 0, RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
	if (pool == NULL)
		rte_exit(EXIT_FAILURE, "cannot create the mbuf pool: %s\n",
			rte_strerror(rte_errno));
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	RTE_ETH_FOREACH_DEV(port)
	{
		/* Registered once: callbacks outlive the port's resets. */
		rte_eth_dev_callback_register(
			port, RTE_ETH_EVENT_INTR_RESET, on_event, NULL);
		rte_eth_dev_callback_register(
			port, RTE_ETH_EVENT_INTR_LSC, on_event, NULL);
		ret = port_start(port);
		if (ret != 0)
			rte_exit(EXIT_FAILURE, "port %u: start failed: %s\n",
				port, rte_strerror(-ret));
	}
	printf("vf-fwd: forwarding on %u port(s); Ctrl-C to stop\n", nb_ports);
	main_loop();

	RTE_ETH_FOREACH_DEV(port)
	{
		print_counters(port);
		rte_eth_dev_stop(port);
		rte_eth_dev_close(port);
	}
	rte_eal_cleanup();
	printf("vf-fwd: done\n");
	return EXIT_SUCCESS;
}
