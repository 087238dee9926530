/* SPDX-License-Identifier: BSD-3-Clause */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <rte_ether.h>

#include "app_parse.h"
#include "errmsg.h"
#include "options.h"

enum opt_id {
	OPT_PCI = 256,
	OPT_TOKEN,
	OPT_SEED,
	OPT_RANDOM,
	OPT_FLOOD,
	OPT_OTHER_MAC,
	OPT_ONLY,
	OPT_TIMEOUT,
	OPT_JSON,
	OPT_VERBOSE,
	OPT_HELP,
};

static const struct option long_opts[] = {
	{"pci", required_argument, NULL, OPT_PCI},
	{"vf-token", required_argument, NULL, OPT_TOKEN},
	{"seed", required_argument, NULL, OPT_SEED},
	{"random-count", required_argument, NULL, OPT_RANDOM},
	{"flood-count", required_argument, NULL, OPT_FLOOD},
	{"other-mac", required_argument, NULL, OPT_OTHER_MAC},
	{"only", required_argument, NULL, OPT_ONLY},
	{"timeout-ms", required_argument, NULL, OPT_TIMEOUT},
	{"json", required_argument, NULL, OPT_JSON},
	{"verbose", no_argument, NULL, OPT_VERBOSE},
	{"help", no_argument, NULL, OPT_HELP},
	{NULL, 0, NULL, 0},
};

void
rogue_opts_usage(const char *prog)
{
	printf("usage: %s --pci BDF --vf-token UUID [options]\n"
	       "  --seed N           random generator seed (default 1)\n"
	       "  --random-count N   random requests (default 200)\n"
	       "  --flood-count N    flood requests (default 1000)\n"
	       "  --other-mac MAC    another VF's address to try to take\n"
	       "  --only LIST        categories, comma separated:\n"
	       "                     no_handshake,mac,multicast,vlan,lpe,"
	       "promisc,unknown_id,random,flood\n"
	       "  --timeout-ms N     wait for each answer (default 2000)\n"
	       "  --json FILE        write the tallies as JSON too\n"
	       "  --verbose          one line per message\n",
		prog);
}

static int
parse_only(struct rogue_opts *o, const char *list, char *err, size_t errlen)
{
	char buf[256], *tok, *save = NULL;
	int c;

	if (strlen(list) >= sizeof(buf))
		return rogue_err(err, errlen, "--only: list too long");
	strcpy(buf, list);
	memset(o->only, 0, sizeof(o->only));
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
		tok = strtok_r(NULL, ",", &save)) {
		c = rogue_cat_parse(tok);
		if (c < 0 || c == CAT_HANDSHAKE)
			return rogue_err(err, errlen,
				"--only: unknown category '%s'", tok);
		o->only[c] = true;
	}
	return 0;
}

static void
defaults(struct rogue_opts *o)
{
	int c;

	memset(o, 0, sizeof(*o));
	o->seed = 1;
	o->random_count = 200;
	o->flood_count = 1000;
	o->timeout_ms = 2000;
	for (c = 0; c < CAT_COUNT; c++)
		o->only[c] = true;
}

int
rogue_opts_parse(
	struct rogue_opts *o, int argc, char **argv, char *err, size_t errlen)
{
	struct rte_ether_addr mac;
	uint64_t v;
	int opt;

	defaults(o);
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", long_opts, NULL)) != -1) {
		switch (opt) {
		case OPT_PCI:
			o->pci = optarg;
			break;
		case OPT_TOKEN:
			o->vf_token = optarg;
			break;
		case OPT_SEED:
			if (app_parse_u64(optarg, false, 1, UINT64_MAX, &v) !=
				0)
				return rogue_err(err, errlen,
					"--seed: '%s' is not a number > 0",
					optarg);
			o->seed = v;
			break;
		case OPT_RANDOM:
		case OPT_FLOOD:
		case OPT_TIMEOUT:
			if (app_parse_u64(optarg, false, 0, 10000000, &v) != 0)
				return rogue_err(err, errlen,
					"%s: '%s' is not a number 0..10000000",
					argv[optind - 1], optarg);
			if (opt == OPT_RANDOM)
				o->random_count = (uint32_t)v;
			else if (opt == OPT_FLOOD)
				o->flood_count = (uint32_t)v;
			else
				o->timeout_ms = (uint32_t)v;
			break;
		case OPT_OTHER_MAC:
			if (rte_ether_unformat_addr(optarg, &mac) != 0)
				return rogue_err(err, errlen,
					"--other-mac: '%s' is not "
					"XX:XX:XX:XX:XX:XX",
					optarg);
			memcpy(o->ctx.other_mac, mac.addr_bytes,
				sizeof(o->ctx.other_mac));
			o->ctx.have_other_mac = 1;
			break;
		case OPT_ONLY:
			if (parse_only(o, optarg, err, errlen) != 0)
				return -1;
			break;
		case OPT_JSON:
			o->json = optarg;
			break;
		case OPT_VERBOSE:
			o->verbose = true;
			break;
		case OPT_HELP:
			o->help = true;
			return 0;
		default:
			return rogue_err(err, errlen,
				"unknown or incomplete option '%s'",
				argv[optind - 1]);
		}
	}
	if (optind < argc)
		return rogue_err(
			err, errlen, "unexpected argument '%s'", argv[optind]);
	if (o->pci == NULL || o->vf_token == NULL)
		return rogue_err(
			err, errlen, "--pci and --vf-token are required");
	if (o->timeout_ms == 0)
		return rogue_err(err, errlen, "--timeout-ms must be > 0");
	return 0;
}
