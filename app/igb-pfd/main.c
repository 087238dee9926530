/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igb-pfd: PF manager for the Intel 82576 on net_igb_pf. Owns the PF
 * port, provisions the VFs from its command line, keeps servicing them
 * (the PMD does that from EAL's interrupt thread) and takes admin
 * commands at a prompt on stdin, like `ip link set <pf> vf N ...`.
 * SIGINT/SIGTERM or "quit" close the port: the VFs go unless --keep-vfs.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "igb_pfd_check.h"
#include "igb_pfd_cmd.h"
#include "igb_pfd_lines.h"
#include "igb_pfd_opts.h"
#include "igb_pf_sysfs.h"
#include "rte_pmd_igb_pf.h"

#define PFD_MBUFS 2047
#define PFD_RING 256
#define PFD_PROMPT "igb-pfd> "

static volatile sig_atomic_t quit_signal;

static void
on_signal(int sig)
{
	quit_signal = sig;
}

static const char *
onoff(int v)
{
	return v ? "on" : "off";
}

static void
vlans_str(const struct rte_pmd_igb_pf_vf_info *vi, char *buf, size_t len)
{
	size_t off = 0;
	uint16_t i;

	buf[0] = '\0';
	for (i = 0; i < vi->nb_vlans && off < len; i++)
		off += (size_t)snprintf(buf + off, len - off, "%s%u",
			i ? "," : "", vi->vlans[i]);
	if (vi->nb_vlans == 0)
		snprintf(buf, len, "-");
}

static const char *
vf_state(const struct rte_pmd_igb_pf_vf_info *vi)
{
	if (!vi->clear_to_send)
		return "reset";
	return vi->rx_enabled && vi->tx_enabled ? "active" : "disabled";
}

static void
show_vfs(uint16_t port)
{
	struct rte_pmd_igb_pf_vf_info vi;
	char mac[RTE_ETHER_ADDR_FMT_SIZE], vl[200];
	int n = rte_pmd_igb_pf_get_num_vfs(port), vf;

	printf("VF  MAC                PINNED PORTVLAN TRUST SPOOFCHK STATE    "
	       "MAXFRAME MC  VLANS\n");
	for (vf = 0; vf < n; vf++) {
		if (rte_pmd_igb_pf_get_vf_info(port, vf, &vi) != 0)
			continue;
		rte_ether_format_addr(mac, sizeof(mac), &vi.mac);
		vlans_str(&vi, vl, sizeof(vl));
		printf("%-3d %-18s %-6s %-8u %-5s %-8s %-8s %-8u %-3u%s %s\n",
			vf, mac, vi.mac_pinned ? "yes" : "no", vi.port_vlan,
			onoff(vi.trusted), onoff(vi.mac_anti_spoof),
			vf_state(&vi), vi.max_frame, vi.nb_mc_hashes,
			vi.mc_overflow ? "+" : " ", vl);
	}
}

static void
show_vf(uint16_t port, int vf)
{
	struct rte_pmd_igb_pf_vf_info vi;
	struct rte_pmd_igb_pf_vf_stats st;
	char mac[RTE_ETHER_ADDR_FMT_SIZE], vl[200];
	int ret;

	ret = rte_pmd_igb_pf_get_vf_info(port, vf, &vi);
	if (ret == 0)
		ret = rte_pmd_igb_pf_get_vf_stats(port, vf, &st);
	if (ret != 0) {
		printf("error: VF %d: %s\n", vf, strerror(-ret));
		return;
	}
	rte_ether_format_addr(mac, sizeof(mac), &vi.mac);
	vlans_str(&vi, vl, sizeof(vl));
	printf("vf=%d\nmac=%s\nmac_pinned=%u\nport_vlan=%u\nvlans=%s\n"
	       "trusted=%u\nmac_anti_spoof=%u\nvlan_anti_spoof=%u\n"
	       "state=%s\nmax_frame=%u\nmc_hashes=%u\nmc_overflow=%u\n"
	       "promisc_unicast=%u\npromisc_multicast=%u\n"
	       "mbx_requests=%" PRIu64 "\nmbx_acks=%" PRIu64
	       "\nmbx_nacks=%" PRIu64 "\nmbx_resets=%" PRIu64 "\nflrs=%" PRIu64
	       "\nmbx_errors=%" PRIu64 "\nrx_packets=%" PRIu64
	       "\ntx_packets=%" PRIu64 "\nrx_bytes=%" PRIu64
	       "\ntx_bytes=%" PRIu64 "\nrx_multicast=%" PRIu64 "\n",
		vf, mac, vi.mac_pinned, vi.port_vlan, vl, vi.trusted,
		vi.mac_anti_spoof, vi.vlan_anti_spoof, vf_state(&vi),
		vi.max_frame, vi.nb_mc_hashes, vi.mc_overflow,
		vi.promisc_unicast, vi.promisc_multicast, vi.mbx_requests,
		vi.mbx_acks, vi.mbx_nacks, vi.mbx_resets, vi.flrs,
		vi.mbx_errors, st.ipackets, st.opackets, st.ibytes, st.obytes,
		st.imulticast);
}

static void
show_stats(uint16_t port, int only_vf)
{
	struct rte_pmd_igb_pf_vf_stats st;
	struct rte_eth_stats ps;
	int n = rte_pmd_igb_pf_get_num_vfs(port), vf;

	if (only_vf < 0 && rte_eth_stats_get(port, &ps) == 0)
		printf("PF   rx %" PRIu64 " pkts %" PRIu64 " bytes, tx %" PRIu64
		       " pkts %" PRIu64 " bytes\n",
			ps.ipackets, ps.ibytes, ps.opackets, ps.obytes);
	for (vf = 0; vf < n; vf++) {
		if ((only_vf >= 0 && vf != only_vf) ||
			rte_pmd_igb_pf_get_vf_stats(port, vf, &st) != 0)
			continue;
		printf("VF %d rx %" PRIu64 " pkts %" PRIu64 " bytes (%" PRIu64
		       " multicast), tx %" PRIu64 " pkts %" PRIu64 " bytes\n",
			vf, st.ipackets, st.ibytes, st.imulticast, st.opackets,
			st.obytes);
	}
}

static void
show_mbx(uint16_t port)
{
	struct rte_pmd_igb_pf_vf_info vi;
	int n = rte_pmd_igb_pf_get_num_vfs(port), vf;

	printf("VF  REQUESTS ACKS     NACKS    RESETS   FLRS     ERRORS\n");
	for (vf = 0; vf < n; vf++) {
		if (rte_pmd_igb_pf_get_vf_info(port, vf, &vi) != 0)
			continue;
		printf("%-3d %-8" PRIu64 " %-8" PRIu64 " %-8" PRIu64
		       " %-8" PRIu64 " %-8" PRIu64 " %-8" PRIu64 "\n",
			vf, vi.mbx_requests, vi.mbx_acks, vi.mbx_nacks,
			vi.mbx_resets, vi.flrs, vi.mbx_errors);
	}
}

static int
run_set(uint16_t port, const struct pfd_cmd *c)
{
	int ret;

	switch (c->kind) {
	case PFD_CMD_SET_MAC:
		return rte_pmd_igb_pf_set_vf_mac_addr(port, c->vf, &c->mac);
	case PFD_CMD_SET_VLAN:
		return rte_pmd_igb_pf_set_vf_vlan(port, c->vf, c->vlan);
	case PFD_CMD_SET_TRUST:
		return rte_pmd_igb_pf_set_vf_trust(port, c->vf, c->on);
	case PFD_CMD_SET_SPOOFCHK:
		ret = rte_pmd_igb_pf_set_vf_mac_anti_spoof(port, c->vf, c->on);
		if (ret == 0)
			ret = rte_pmd_igb_pf_set_vf_vlan_anti_spoof(
				port, c->vf, c->on);
		return ret;
	case PFD_CMD_SET_STATE:
		ret = rte_pmd_igb_pf_set_vf_rx(port, c->vf, c->on);
		if (ret == 0)
			ret = rte_pmd_igb_pf_set_vf_tx(port, c->vf, c->on);
		return ret;
	default:
		return -EINVAL;
	}
}

/* Runs one prompt line; returns false on quit. */
static bool
run_line(uint16_t port, const char *line)
{
	struct pfd_cmd c;
	char err[256];
	int ret = 0;

	if (pfd_cmd_parse(line, &c, err, sizeof(err)) != 0) {
		printf("error: %s\n", err);
		return true;
	}
	switch (c.kind) {
	case PFD_CMD_NONE:
		break;
	case PFD_CMD_HELP:
		fputs(pfd_cmd_help, stdout);
		break;
	case PFD_CMD_QUIT:
		return false;
	case PFD_CMD_SHOW_VFS:
		show_vfs(port);
		break;
	case PFD_CMD_SHOW_VF:
		show_vf(port, c.vf);
		break;
	case PFD_CMD_STATS:
		show_stats(port, c.vf);
		break;
	case PFD_CMD_MBX:
		show_mbx(port);
		break;
	case PFD_CMD_PING:
		ret = rte_pmd_igb_pf_ping_vf(
			port, c.vf < 0 ? RTE_PMD_IGB_PF_ALL_VFS : c.vf);
		break;
	default:
		ret = run_set(port, &c);
		break;
	}
	if (ret != 0)
		printf("error: %s\n", strerror(-ret));
	else if (c.kind >= PFD_CMD_PING)
		printf("done\n");
	return true;
}

static int
port_start(uint16_t port)
{
	struct rte_eth_conf conf = {.intr_conf.lsc = 0};
	struct rte_mempool *mp;
	int ret;

	mp = rte_pktmbuf_pool_create("pfd_mbufs", PFD_MBUFS, 64, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, rte_eth_dev_socket_id(port));
	if (mp == NULL)
		return -ENOMEM;
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, PFD_RING,
			rte_eth_dev_socket_id(port), NULL, mp);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(
			port, 0, PFD_RING, rte_eth_dev_socket_id(port), NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	return ret;
}

/* Prompt loop; the PMD services the VFs meanwhile. EOF keeps serving. */
static void
prompt_loop(uint16_t port, struct pfd_lines *in)
{
	bool interactive = isatty(STDIN_FILENO);
	const char *line;

	printf(PFD_PROMPT);
	fflush(stdout);
	while (!quit_signal) {
		switch (pfd_lines_next(in, 200, &line)) {
		case PFD_LINE_WAIT:
			continue;
		case PFD_LINE_EOF:
			usleep(200 * 1000);
			continue;
		case PFD_LINE_TOO_LONG:
			printf("error: line over %d characters, ignored\n",
				PFD_LINE_MAX - 1);
			break;
		case PFD_LINE_READY:
			if (!interactive)
				printf("%s\n", line);
			if (!run_line(port, line))
				return;
			break;
		}
		printf(PFD_PROMPT);
		fflush(stdout);
	}
	printf("\nsignal %d: leaving\n", (int)quit_signal);
}

static bool
has_cpu_option(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "-l", 2) || !strncmp(argv[i], "-c", 2) ||
			!strncmp(argv[i], "--lcores", 8))
			return true;
	return false;
}

/*
 * Default CPU placement: one lcore allowed on every CPU. The VFs are
 * served from EAL's interrupt thread, which inherits this set; pinned
 * to one CPU it can starve while a kernel VF driver busy-waits for a
 * mailbox reply on that CPU (igbvf polls with udelay for up to 1 s).
 */
static void
float_lcores(char *buf, size_t len)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n <= 1)
		snprintf(buf, len, "--lcores=0@(0)");
	else
		snprintf(buf, len, "--lcores=0@(0-%ld)", n - 1);
}

/* At exit: the PF's reset methods back once its VFs are gone; kept VFs
 * keep it disabled for the next PF process. */
static void
release_reset(const char *pci, const char *saved)
{
	unsigned int cur = 0, total;
	char err[512];

	if (saved[0] == '\0')
		return;
	if (igb_pf_sysfs_release_reset("/sys", pci, saved, err, sizeof(err)) !=
		0)
		fprintf(stderr, "igb-pfd: %s\n", err);
	else if (igb_pf_sysfs_vf_count(
			 "/sys", pci, &cur, &total, err, sizeof(err)) == 0 &&
		cur > 0)
		printf("igb-pfd: %s keeps its %u VFs: its function reset "
		       "stays disabled (reset_method was '%s')\n",
			pci, cur, saved);
	else
		printf("igb-pfd: %s: function reset back to '%s'\n", pci,
			saved);
}

int
main(int argc, char **argv)
{
	struct rte_eth_dev_info info;
	struct pfd_lines in;
	struct pfd_opts o;
	char err[512], note[512], reset_saved[128], lcores[64], **eal_argv;
	int eal_argc, n, ret, i, sep;
	uint16_t port;

	/* Before anything opens a file that could land on a closed stdin. */
	pfd_lines_init(&in, STDIN_FILENO);
	/* Our options follow "--"; EAL's come before. */
	for (sep = 1; sep < argc && strcmp(argv[sep], "--") != 0; sep++)
		;
	ret = pfd_opts_parse(argc - sep, argv + sep, &o, err, sizeof(err));
	if (ret > 0) {
		fputs(pfd_opts_usage, stdout);
		return EXIT_SUCCESS;
	}
	/* One line naming the problem, before EAL fills the screen. */
	if (ret == 0)
		ret = pfd_check_env(sep, argv, o.pci, "/sys", "/proc/mounts",
			err, sizeof(err));
	/* Before hold_reset, which changes the PF when it has VFs. */
	if (ret == 0)
		ret = pfd_check_num_vfs(
			o.pci, o.num_vfs, "/sys", err, sizeof(err));
	if (ret == 0)
		ret = pfd_hold_reset(o.pci, "/sys", reset_saved,
			sizeof(reset_saved), note, sizeof(note), err,
			sizeof(err));
	if (ret != 0) {
		fprintf(stderr, "igb-pfd: %s\n", err);
		return EXIT_FAILURE;
	}
	if (note[0] != '\0')
		printf("igb-pfd: %s\n", note);
	/* EAL gets its own options plus -a <PF with our devargs>. */
	eal_argv = calloc((size_t)sep + 4, sizeof(char *));
	if (eal_argv == NULL)
		return EXIT_FAILURE;
	for (i = 0; i < sep; i++)
		eal_argv[i] = argv[i];
	eal_argc = sep;
	eal_argv[eal_argc++] = (char *)(uintptr_t) "-a";
	eal_argv[eal_argc++] = o.devargs;
	if (!has_cpu_option(sep, argv)) {
		float_lcores(lcores, sizeof(lcores));
		eal_argv[eal_argc++] = lcores;
	}

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	n = rte_eal_init(eal_argc, eal_argv);
	if (n < 0) {
		fprintf(stderr, "igb-pfd: EAL init failed: %s\n",
			rte_strerror(rte_errno));
		free(eal_argv);
		return EXIT_FAILURE;
	}
	ret = -ENODEV;
	RTE_ETH_FOREACH_DEV(port)
	{
		if (rte_pmd_igb_pf_get_num_vfs(port) >= 0) {
			ret = 0;
			break;
		}
	}
	if (ret != 0) {
		fprintf(stderr,
			"igb-pfd: no net_igb_pf port at %s (see the log "
			"above)\n",
			o.pci);
		goto out;
	}
	ret = port_start(port);
	if (ret != 0) {
		fprintf(stderr, "igb-pfd: port %u start failed: %s\n", port,
			strerror(-ret));
		goto close;
	}
	rte_eth_dev_info_get(port, &info);
	printf("igb-pfd: port %u driver %s pci %s, %d VFs, ready\n", port,
		info.driver_name, o.pci, rte_pmd_igb_pf_get_num_vfs(port));
	fflush(stdout);
	prompt_loop(port, &in);
	rte_eth_dev_stop(port);
close:
	rte_eth_dev_close(port);
out:
	rte_eal_cleanup();
	free(eal_argv);
	release_reset(o.pci, reset_saved);
	printf("igb-pfd: done\n");
	return ret == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
