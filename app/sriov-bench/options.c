/* SPDX-License-Identifier: BSD-3-Clause */
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ether.h>

#include "app_parse.h"
#include "options.h"

enum opt_id {
	OPT_MODE,
	OPT_PORT,
	OPT_PEER_PORT,
	OPT_QUEUES,
	OPT_SIZE,
	OPT_SIZE_MIX,
	OPT_RATE,
	OPT_BURST,
	OPT_DURATION,
	OPT_COUNT,
	OPT_SRC_MAC,
	OPT_DST_MAC,
	OPT_SRC_IP,
	OPT_DST_IP,
	OPT_SPORT,
	OPT_DPORT,
	OPT_FLOWS,
	OPT_FWD,
	OPT_TX_FIRST,
	OPT_JSON,
	OPT_PLOT,
	OPT_QUIET,
	OPT_RXD,
	OPT_TXD,
	OPT_MBUFS,
	OPT_DRAIN_MS,
	OPT_LINK_WAIT,
	OPT_RX_INTR,
	OPT_HELP,
};

#define OPT_NB (OPT_HELP + 1)

struct opt_def {
	const char *name;
	enum opt_id id;
	bool has_arg;
};

static const struct opt_def opt_defs[] = {
	{"mode", OPT_MODE, true},
	{"port", OPT_PORT, true},
	{"peer-port", OPT_PEER_PORT, true},
	{"queues", OPT_QUEUES, true},
	{"size", OPT_SIZE, true},
	{"size-mix", OPT_SIZE_MIX, true},
	{"rate", OPT_RATE, true},
	{"burst", OPT_BURST, true},
	{"duration", OPT_DURATION, true},
	{"count", OPT_COUNT, true},
	{"src-mac", OPT_SRC_MAC, true},
	{"dst-mac", OPT_DST_MAC, true},
	{"src-ip", OPT_SRC_IP, true},
	{"dst-ip", OPT_DST_IP, true},
	{"sport", OPT_SPORT, true},
	{"dport", OPT_DPORT, true},
	{"flows", OPT_FLOWS, true},
	{"fwd", OPT_FWD, true},
	{"tx-first", OPT_TX_FIRST, true},
	{"json", OPT_JSON, true},
	{"plot", OPT_PLOT, true},
	{"quiet", OPT_QUIET, false},
	{"rxd", OPT_RXD, true},
	{"txd", OPT_TXD, true},
	{"mbufs", OPT_MBUFS, true},
	{"drain-ms", OPT_DRAIN_MS, true},
	{"link-wait", OPT_LINK_WAIT, true},
	{"rx-intr", OPT_RX_INTR, false},
	{"help", OPT_HELP, false},
};

const char *
bench_mode_name(enum bench_mode mode)
{
	switch (mode) {
	case BENCH_MODE_TX:
		return "tx";
	case BENCH_MODE_RX:
		return "rx";
	case BENCH_MODE_FWD:
		return "fwd";
	case BENCH_MODE_LAT:
		return "lat";
	}
	return "?";
}

const char *
bench_fwd_name(enum bench_fwd fwd)
{
	switch (fwd) {
	case BENCH_FWD_IO:
		return "io";
	case BENCH_FWD_MACSWAP:
		return "macswap";
	case BENCH_FWD_ICMPECHO:
		return "icmpecho";
	}
	return "?";
}

void
bench_opts_usage(const char *prog)
{
	printf("Usage: %s [EAL args] -- --mode tx|rx|fwd|lat [options]\n"
	       "Each option at most once.\n"
	       "  --port N            port to send from / receive on (0)\n"
	       "  --peer-port N       fwd: port to forward to; lat: port the\n"
	       "                      probes come back on (same port)\n"
	       "  --queues N          queue pairs per port (1)\n"
	       "  --size N            frame size with FCS, 64..9600 (64)\n"
	       "  --size-mix S:W,...  weighted sizes, e.g. 64:7,576:4,1500:1\n"
	       "  --rate PPS          tx, lat: packets/s in all, k/M/G "
	       "suffix,\n"
	       "                      0 unlimited (tx 0, lat %u)\n"
	       "  --burst N           packets per burst, 1..%u (32)\n"
	       "  --duration S        seconds to run (%g unless --count)\n"
	       "  --count N           tx, lat: packets to send; rx, fwd:\n"
	       "                      packets to receive (k/M/G suffix)\n"
	       "  --src-mac/--dst-mac MAC  (port's own / peer's or broadcast)\n"
	       "  --src-ip/--dst-ip A (198.18.0.1 / 198.18.0.2)\n"
	       "  --sport/--dport N   UDP ports (49152 / 9)\n"
	       "  --flows N           flow i uses src-ip + i, sport + i (1)\n"
	       "  --fwd io|macswap|icmpecho  fwd: rewrite (io); icmpecho\n"
	       "                      answers IPv4 pings, swaps MACs of the "
	       "rest\n"
	       "  --tx-first N        fwd: send N packets per queue to start\n"
	       "  --json FILE         write the report as JSON\n"
	       "  --plot FILE.svg     draw packets/s per port per second and\n"
	       "                      (lat) the latency CDF with gnuplot\n"
	       "  --quiet             no progress lines\n"
	       "  --rxd N / --txd N   descriptors per queue (1024)\n"
	       "  --mbufs N           mbuf pool size (from rings and queues)\n"
	       "  --drain-ms N        lat: wait this long for the last probes\n"
	       "                      (100)\n"
	       "  --link-wait S       wait up to S seconds for link up (5)\n"
	       "  --rx-intr           rx, fwd: when a poll finds nothing,\n"
	       "                      sleep on the Rx queue interrupts\n",
		prog, BENCH_DEFAULT_LAT_RATE, BENCH_MAX_BURST,
		BENCH_DEFAULT_DURATION);
}

static int
parse_ipv4(const char *s, uint32_t *ip)
{
	struct in_addr a;

	if (inet_pton(AF_INET, s, &a) != 1)
		return -1;
	*ip = ntohl(a.s_addr);
	return 0;
}

struct parse_state {
	bool mode_set, size_set, mix_set, rate_set, peer_set, fwd_set;
	bool tx_first_set, duration_set, count_set, drain_set;
	/* Each option's value (or "" for a flag) once it has been given:
	 * none takes a list, so a second occurrence is a mistake. */
	const char *given[OPT_NB];
};

#define FAIL(...) \
	do { \
		snprintf(err, err_len, __VA_ARGS__); \
		return -1; \
	} while (0)

/* Integer option value in [min, max]. */
static int
opt_range(const char *name, const char *val, uint64_t min, uint64_t max,
	bool suffix, uint64_t *out, char *err, size_t err_len)
{
	int ret = app_parse_u64(val, suffix, min, max, out);

	if (ret == -EINVAL)
		FAIL("--%s %s: not a number", name, val);
	if (ret != 0)
		FAIL("--%s %s: must be %llu..%llu", name, val,
			(unsigned long long)min, (unsigned long long)max);
	return 0;
}

static int
opt_seconds(const char *name, const char *val, double max, double *out,
	bool zero_ok, char *err, size_t err_len)
{
	char *end;

	errno = 0;
	*out = strtod(val, &end);
	if (end == val || *end != '\0' || errno != 0 || !isfinite(*out))
		FAIL("--%s %s: not a number of seconds", name, val);
	if (*out < 0 || (*out == 0 && !zero_ok) || *out > max)
		FAIL("--%s %s: must be %s%g seconds", name, val,
			zero_ok ? "0.." : "above 0 and at most ", max);
	return 0;
}

static int
opt_apply(struct bench_opts *o, struct parse_state *st, const struct opt_def *d,
	const char *val, char *err, size_t err_len)
{
	uint64_t v;

	switch (d->id) {
	case OPT_MODE:
		if (strcmp(val, "tx") == 0)
			o->mode = BENCH_MODE_TX;
		else if (strcmp(val, "rx") == 0)
			o->mode = BENCH_MODE_RX;
		else if (strcmp(val, "fwd") == 0)
			o->mode = BENCH_MODE_FWD;
		else if (strcmp(val, "lat") == 0)
			o->mode = BENCH_MODE_LAT;
		else
			FAIL("--mode %s: must be tx, rx, fwd or lat", val);
		st->mode_set = true;
		return 0;
	case OPT_PORT:
	case OPT_PEER_PORT:
		if (opt_range(d->name, val, 0, UINT16_MAX - 1, false, &v, err,
			    err_len) < 0)
			return -1;
		if (d->id == OPT_PORT) {
			o->port = (uint16_t)v;
		} else {
			o->peer_port = (uint16_t)v;
			st->peer_set = true;
		}
		return 0;
	case OPT_QUEUES:
		if (opt_range(d->name, val, 1, BENCH_MAX_QUEUES, false, &v, err,
			    err_len) < 0)
			return -1;
		o->queues = (uint16_t)v;
		return 0;
	case OPT_SIZE:
		if (opt_range(d->name, val, SIZE_MIX_MIN_FRAME,
			    SIZE_MIX_MAX_FRAME, false, &v, err, err_len) < 0)
			return -1;
		size_mix_single(&o->sizes, (uint16_t)v);
		st->size_set = true;
		return 0;
	case OPT_SIZE_MIX: {
		char why[128];

		if (size_mix_parse(&o->sizes, val, why, sizeof(why)) < 0)
			FAIL("--size-mix %s: %s", val, why);
		st->mix_set = true;
		return 0;
	}
	case OPT_RATE:
		if (opt_range(d->name, val, 0, BENCH_MAX_RATE, true, &o->rate,
			    err, err_len) < 0)
			return -1;
		st->rate_set = true;
		return 0;
	case OPT_BURST:
		if (opt_range(d->name, val, 1, BENCH_MAX_BURST, false, &v, err,
			    err_len) < 0)
			return -1;
		o->burst = (uint16_t)v;
		return 0;
	case OPT_DURATION:
		st->duration_set = true;
		return opt_seconds(
			d->name, val, 1e6, &o->duration, false, err, err_len);
	case OPT_COUNT:
		st->count_set = true;
		return opt_range(d->name, val, 1, UINT64_MAX / 2, true,
			&o->count, err, err_len);
	case OPT_SRC_MAC:
	case OPT_DST_MAC:
		if (rte_ether_unformat_addr(val,
			    d->id == OPT_SRC_MAC ? &o->src_mac : &o->dst_mac) <
			0)
			FAIL("--%s %s: not a MAC address (xx:xx:xx:xx:xx:xx)",
				d->name, val);
		if (d->id == OPT_SRC_MAC)
			o->src_mac_set = true;
		else
			o->dst_mac_set = true;
		return 0;
	case OPT_SRC_IP:
	case OPT_DST_IP:
		if (parse_ipv4(val,
			    d->id == OPT_SRC_IP ? &o->src_ip : &o->dst_ip) < 0)
			FAIL("--%s %s: not an IPv4 address", d->name, val);
		return 0;
	case OPT_SPORT:
	case OPT_DPORT:
		if (opt_range(d->name, val, 0, UINT16_MAX, false, &v, err,
			    err_len) < 0)
			return -1;
		if (d->id == OPT_SPORT)
			o->sport = (uint16_t)v;
		else
			o->dport = (uint16_t)v;
		return 0;
	case OPT_FLOWS:
		if (opt_range(d->name, val, 1, 65536, false, &v, err, err_len) <
			0)
			return -1;
		o->flows = (uint32_t)v;
		return 0;
	case OPT_FWD:
		if (strcmp(val, "io") == 0)
			o->fwd = BENCH_FWD_IO;
		else if (strcmp(val, "macswap") == 0)
			o->fwd = BENCH_FWD_MACSWAP;
		else if (strcmp(val, "icmpecho") == 0)
			o->fwd = BENCH_FWD_ICMPECHO;
		else
			FAIL("--fwd %s: must be io, macswap or icmpecho", val);
		st->fwd_set = true;
		return 0;
	case OPT_TX_FIRST:
		if (opt_range(d->name, val, 1, BENCH_MAX_TX_FIRST, false, &v,
			    err, err_len) < 0)
			return -1;
		o->tx_first = (uint32_t)v;
		st->tx_first_set = true;
		return 0;
	case OPT_JSON:
		if (*val == '\0')
			FAIL("--json: empty file name");
		o->json_path = val;
		return 0;
	case OPT_PLOT:
		if (*val == '\0')
			FAIL("--plot: empty file name");
		o->plot_path = val;
		return 0;
	case OPT_QUIET:
		o->quiet = true;
		return 0;
	case OPT_RXD:
	case OPT_TXD:
		if (opt_range(d->name, val, 32, 32768, false, &v, err,
			    err_len) < 0)
			return -1;
		if (d->id == OPT_RXD)
			o->rxd = (uint16_t)v;
		else
			o->txd = (uint16_t)v;
		return 0;
	case OPT_MBUFS:
		if (opt_range(d->name, val, 1024, 16777216, true, &v, err,
			    err_len) < 0)
			return -1;
		o->mbufs = (uint32_t)v;
		return 0;
	case OPT_DRAIN_MS:
		if (opt_range(d->name, val, 0, 60000, false, &v, err, err_len) <
			0)
			return -1;
		o->drain_ms = (uint32_t)v;
		st->drain_set = true;
		return 0;
	case OPT_LINK_WAIT:
		return opt_seconds(
			d->name, val, 600, &o->link_wait, true, err, err_len);
	case OPT_RX_INTR:
		o->rx_intr = true;
		return 0;
	case OPT_HELP:
		return 1;
	}
	FAIL("internal: unhandled option --%s", d->name);
}

/* Combinations that cannot work, found once every option is read. */
static int
opts_check(struct bench_opts *o, const struct parse_state *st, char *err,
	size_t err_len)
{
	const char *mode = bench_mode_name(o->mode);

	if (!st->mode_set)
		FAIL("--mode is required (tx, rx, fwd or lat)");
	if (st->size_set && st->mix_set)
		FAIL("--size and --size-mix exclude each other");
	if (o->mode == BENCH_MODE_RX && (st->size_set || st->mix_set))
		FAIL("--size and --size-mix do not apply to rx mode");
	if (st->rate_set && o->mode != BENCH_MODE_TX &&
		o->mode != BENCH_MODE_LAT)
		FAIL("--rate applies to tx and lat modes, not %s", mode);
	if (st->peer_set && o->mode != BENCH_MODE_FWD &&
		o->mode != BENCH_MODE_LAT)
		FAIL("--peer-port applies to fwd and lat modes, not %s", mode);
	if (st->fwd_set && o->mode != BENCH_MODE_FWD)
		FAIL("--fwd applies to fwd mode, not %s", mode);
	if (st->tx_first_set && o->mode != BENCH_MODE_FWD)
		FAIL("--tx-first applies to fwd mode, not %s", mode);
	if (o->rx_intr && o->mode != BENCH_MODE_RX && o->mode != BENCH_MODE_FWD)
		FAIL("--rx-intr applies to rx and fwd modes, not %s", mode);
	if (st->drain_set && o->mode != BENCH_MODE_LAT)
		FAIL("--drain-ms applies to lat mode, not %s", mode);
	if ((uint32_t)o->sport + o->flows - 1 > UINT16_MAX)
		FAIL("--sport %u with --flows %u runs past UDP port 65535",
			o->sport, o->flows);
	if ((uint64_t)o->src_ip + o->flows - 1 > UINT32_MAX)
		FAIL("--src-ip with --flows %u runs past 255.255.255.255",
			o->flows);
	if (o->rate != 0 && o->rate < o->queues)
		FAIL("--rate %llu is below one packet per second per queue "
		     "(--queues %u)",
			(unsigned long long)o->rate, o->queues);
	if (!st->peer_set)
		o->peer_port = o->port;
	if (!st->rate_set && o->mode == BENCH_MODE_LAT)
		o->rate = BENCH_DEFAULT_LAT_RATE;
	if (!st->duration_set && !st->count_set)
		o->duration = BENCH_DEFAULT_DURATION;
	return 0;
}

static void
opts_defaults(struct bench_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->queues = 1;
	size_mix_single(&o->sizes, SIZE_MIX_MIN_FRAME);
	o->burst = 32;
	o->src_ip = 0xc6120001; /* 198.18.0.1 */
	o->dst_ip = 0xc6120002; /* 198.18.0.2 */
	o->sport = 49152;
	o->dport = 9;
	o->flows = 1;
	o->fwd = BENCH_FWD_IO;
	o->rxd = 1024;
	o->txd = 1024;
	o->drain_ms = 100;
	o->link_wait = 5;
}

int
bench_opts_parse(
	struct bench_opts *o, int argc, char **argv, char *err, size_t err_len)
{
	struct parse_state st = {0};
	int i;

	opts_defaults(o);
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *eq, *val = NULL;
		const struct opt_def *d = NULL;
		size_t len, k;
		int ret;

		if (strcmp(arg, "-h") == 0)
			return 1;
		if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0')
			FAIL("unexpected argument '%s'", arg);
		arg += 2;
		eq = strchr(arg, '=');
		len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
		for (k = 0; k < sizeof(opt_defs) / sizeof(opt_defs[0]); k++)
			if (strlen(opt_defs[k].name) == len &&
				strncmp(opt_defs[k].name, arg, len) == 0)
				d = &opt_defs[k];
		if (d == NULL)
			FAIL("unknown option --%.*s", (int)len, arg);
		if (d->has_arg) {
			if (eq != NULL)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				FAIL("option --%s needs a value", d->name);
		} else if (eq != NULL) {
			FAIL("option --%s takes no value", d->name);
		}
		if (st.given[d->id] != NULL && d->has_arg)
			FAIL("--%s given twice (%s, then %s)", d->name,
				st.given[d->id], val);
		if (st.given[d->id] != NULL)
			FAIL("--%s given twice", d->name);
		st.given[d->id] = d->has_arg ? val : "";
		ret = opt_apply(o, &st, d, val, err, err_len);
		if (ret != 0)
			return ret;
	}
	return opts_check(o, &st, err, err_len);
}
