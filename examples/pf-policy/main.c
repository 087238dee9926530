/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pf-policy: the administrator's policy over VF requests, in an
 * application that owns the PF (net_igb_pf) and decides each request in
 * its RTE_ETH_EVENT_VF_MBOX callback, through the PMD's API
 * (rte_pmd_igb_pf.h), linked with pkg-config's igb-sriov-pmd.
 *
 * The policy:
 *  - promiscuous mode (unicast or multicast) only for the VFs named with
 *    --promisc-vfs; turning it off is always allowed;
 *  - a VF may change its MAC address only to one inside --mac-prefix.
 * Everything else (reset, multicast list, VLANs, frame size, extra MAC
 * filters) is left to the driver's own policy.
 *
 * The driver's policy refuses a trusted-only request (unicast
 * promiscuous, a move off a pinned MAC) before this program could allow
 * it, so at start every VF is trusted: this program's answers are the
 * policy. It prints each decision, and a line for each VF whose state
 * (as rte_pmd_igb_pf_get_vf_info reports it) changed, once a second.
 *
 * The PF and its VFs come from EAL's -a with the PMD's devargs, e.g.
 *   -a 0000:01:00.0,num_vfs=2,vf0_mac=02:00:00:00:01:10
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mbuf.h>

#include <rte_pmd_igb_pf.h>

#define MAX_VFS 8
#define RING 256
#define MBUFS 1023

static bool promisc_allowed[MAX_VFS];
static struct rte_ether_addr prefix; /* --mac-prefix: address, bits */
static unsigned int prefix_bits;
static bool have_prefix;
static volatile sig_atomic_t quit;

static void
on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

static bool
inside_prefix(const struct rte_ether_addr *mac)
{
	unsigned int i, bits;
	uint8_t mask;

	for (i = 0; i * 8 < prefix_bits; i++) {
		bits = prefix_bits - i * 8;
		mask = bits >= 8 ? 0xff : (uint8_t)(0xff << (8 - bits));
		if ((mac->addr_bytes[i] ^ prefix.addr_bytes[i]) & mask)
			return false;
	}
	return true;
}

static const char *
verdict(uint16_t v)
{
	return v == RTE_PMD_IGB_PF_MB_EVENT_NOOP_NACK ? "refused" : "allowed";
}

/*
 * The PMD calls this from its event thread for each request, before its
 * own policy, holding the adapter's lock (which the API functions may
 * take again). p->retval is the answer: PROCEED lets the driver apply it,
 * NOOP_NACK refuses it.
 */
static int
on_vf_request(
	uint16_t port, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	struct rte_pmd_igb_pf_mb_event_param *p = ret_param;
	uint32_t w0 = ((const uint32_t *)p->msg)[0];
	uint32_t info = RTE_PMD_IGB_PF_MSG_INFO(w0);
	char mac[RTE_ETHER_ADDR_FMT_SIZE];
	struct rte_ether_addr addr;
	bool ok;

	(void)port;
	(void)type;
	(void)arg;
	switch (p->msg_type) {
	case RTE_PMD_IGB_PF_MSG_SET_PROMISC:
		ok = info == 0 ||
			(p->vfid < MAX_VFS && promisc_allowed[p->vfid]);
		p->retval = ok ? RTE_PMD_IGB_PF_MB_EVENT_PROCEED
			       : RTE_PMD_IGB_PF_MB_EVENT_NOOP_NACK;
		printf("pf-policy: vf %u promiscuous%s%s%s: %s (%s)\n", p->vfid,
			info & RTE_PMD_IGB_PF_MSG_PROMISC_UNICAST ? " unicast"
								  : "",
			info & RTE_PMD_IGB_PF_MSG_PROMISC_MULTICAST
				? " multicast"
				: "",
			info == 0 ? " off" : "", verdict(p->retval),
			info == 0    ? "turning it off"
				: ok ? "VF in --promisc-vfs"
				     : "VF not in --promisc-vfs");
		break;
	case RTE_PMD_IGB_PF_MSG_SET_MAC_ADDR:
		/* Info 0: the VF's own address; else extra filters. */
		if (info != 0 || !have_prefix ||
			rte_pmd_igb_pf_mb_event_mac(p, &addr) != 0)
			break;
		ok = inside_prefix(&addr);
		p->retval = ok ? RTE_PMD_IGB_PF_MB_EVENT_PROCEED
			       : RTE_PMD_IGB_PF_MB_EVENT_NOOP_NACK;
		rte_ether_format_addr(mac, sizeof(mac), &addr);
		printf("pf-policy: vf %u mac %s: %s (%s --mac-prefix)\n",
			p->vfid, mac, verdict(p->retval),
			ok ? "inside" : "outside");
		break;
	default:
		break; /* the driver decides */
	}
	return 0;
}

/* One line for a VF whose state changed since the last look. */
static void
print_vf_if_changed(
	uint16_t port, uint16_t vf, struct rte_pmd_igb_pf_vf_info *last)
{
	struct rte_pmd_igb_pf_vf_info vi;
	char mac[RTE_ETHER_ADDR_FMT_SIZE];

	if (rte_pmd_igb_pf_get_vf_info(port, vf, &vi) != 0 ||
		memcmp(&vi, last, sizeof(vi)) == 0)
		return;
	/* Counters alone are no news. */
	if (rte_is_same_ether_addr(&vi.mac, &last->mac) &&
		vi.promisc_unicast == last->promisc_unicast &&
		vi.promisc_multicast == last->promisc_multicast &&
		vi.trusted == last->trusted &&
		vi.clear_to_send == last->clear_to_send &&
		vi.mbx_nacks == last->mbx_nacks) {
		*last = vi;
		return;
	}
	*last = vi;
	rte_ether_format_addr(mac, sizeof(mac), &vi.mac);
	printf("pf-policy: vf %u state: mac=%s promisc_unicast=%u "
	       "promisc_multicast=%u trusted=%u clear_to_send=%u "
	       "requests=%" PRIu64 " nacks=%" PRIu64 "\n",
		vf, mac, vi.promisc_unicast, vi.promisc_multicast, vi.trusted,
		vi.clear_to_send, vi.mbx_requests, vi.mbx_nacks);
}

/* The PF port needs a queue pair to start, like any ethdev port. */
static int
pf_start(uint16_t port)
{
	struct rte_eth_conf conf = {0};
	struct rte_mempool *mp;
	int ret;

	mp = rte_pktmbuf_pool_create("pf_policy_mbufs", MBUFS, 32, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, rte_eth_dev_socket_id(port));
	if (mp == NULL)
		return -rte_errno;
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(
			port, 0, RING, rte_eth_dev_socket_id(port), NULL, mp);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(
			port, 0, RING, rte_eth_dev_socket_id(port), NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	return ret;
}

static void
usage(const char *prog)
{
	printf("usage: %s [EAL options] -a PF_BDF,num_vfs=N[,...] -- "
	       "[--promisc-vfs N[,N...]] [--mac-prefix MAC/BITS]\n"
	       "  --promisc-vfs  the VFs that may go promiscuous\n"
	       "  --mac-prefix   the addresses VFs may take, e.g. "
	       "02:00:00:00:01:00/40\n",
		prog);
}

static int
parse_vfs(const char *s)
{
	char *end;
	long v;

	do {
		v = strtol(s, &end, 10);
		if (end == s || v < 0 || v >= MAX_VFS ||
			(*end != ',' && *end != '\0'))
			return -1;
		promisc_allowed[v] = true;
		s = end + 1;
	} while (*end == ',');
	return 0;
}

static int
parse_prefix(const char *s)
{
	char buf[RTE_ETHER_ADDR_FMT_SIZE];
	const char *slash = strchr(s, '/');
	char *end;
	long bits;

	if (slash == NULL || (size_t)(slash - s) >= sizeof(buf))
		return -1;
	memcpy(buf, s, slash - s);
	buf[slash - s] = '\0';
	bits = strtol(slash + 1, &end, 10);
	if (rte_ether_unformat_addr(buf, &prefix) != 0 || *end != '\0' ||
		end == slash + 1 || bits < 0 || bits > 48)
		return -1;
	prefix_bits = (unsigned int)bits;
	have_prefix = true;
	return 0;
}

static int
parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"promisc-vfs", required_argument, NULL, 'p'},
		{"mac-prefix", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			if (parse_vfs(optarg) != 0) {
				fprintf(stderr,
					"pf-policy: bad --promisc-vfs '%s' "
					"(VF numbers 0..%d, comma separated)\n",
					optarg, MAX_VFS - 1);
				return -1;
			}
			break;
		case 'm':
			if (parse_prefix(optarg) != 0) {
				fprintf(stderr,
					"pf-policy: bad --mac-prefix '%s' "
					"(MAC/BITS, BITS 0..48)\n",
					optarg);
				return -1;
			}
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
	struct rte_pmd_igb_pf_vf_info last[MAX_VFS];
	int ret, num_vfs = -ENODEV, vf;
	uint16_t port;

	setvbuf(stdout, NULL, _IOLBF, 0);
	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "EAL init failed: %s\n",
			rte_strerror(rte_errno));
	if (parse_args(argc - ret, argv + ret) != 0)
		rte_exit(EXIT_FAILURE, "bad arguments\n");
	/* The PF port: the one the PF API knows. */
	RTE_ETH_FOREACH_DEV(port)
	{
		num_vfs = rte_pmd_igb_pf_get_num_vfs(port);
		if (num_vfs >= 0)
			break;
	}
	if (num_vfs < 0)
		rte_exit(EXIT_FAILURE,
			"no net_igb_pf port (give the PF with -a "
			"BDF,num_vfs=N)\n");
	if (num_vfs > MAX_VFS)
		num_vfs = MAX_VFS;
	ret = rte_eth_dev_callback_register(
		port, RTE_ETH_EVENT_VF_MBOX, on_vf_request, NULL);
	if (ret != 0)
		rte_exit(EXIT_FAILURE, "cannot register the callback: %s\n",
			rte_strerror(-ret));
	/* The driver's trusted-only refusals step aside for ours. */
	for (vf = 0; vf < num_vfs; vf++) {
		ret = rte_pmd_igb_pf_set_vf_trust(port, vf, 1);
		if (ret != 0)
			rte_exit(EXIT_FAILURE, "vf %d: trust: %s\n", vf,
				rte_strerror(-ret));
	}
	ret = pf_start(port);
	if (ret != 0)
		rte_exit(EXIT_FAILURE, "port %u: start failed: %s\n", port,
			rte_strerror(-ret));
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	printf("pf-policy: port %u serves %d VFs, ready\n", port, num_vfs);

	memset(last, 0, sizeof(last));
	while (!quit) {
		for (vf = 0; vf < num_vfs; vf++)
			print_vf_if_changed(port, vf, &last[vf]);
		sleep(1);
	}
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port); /* removes the VFs the PMD created */
	rte_eal_cleanup();
	printf("pf-policy: done\n");
	return EXIT_SUCCESS;
}
