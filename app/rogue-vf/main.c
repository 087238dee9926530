/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rogue-vf: a hostile VF. Opens a VF through vfio-pci with the PF's VF
 * token and speaks the mailbox by hand with requests a sane VF never
 * sends; reports what the PF answered. Exit 0: every answer as expected;
 * 1: some answers were not; 2: bad options; 3: no usable device.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "options.h"
#include "report.h"
#include "vfio_vf.h"

#define CATALOGUE_MAX 32

static void
run_fixed(struct rogue_run *r, enum rogue_cat cat, const struct rogue_ctx *ctx)
{
	struct rogue_msg msgs[CATALOGUE_MAX];
	unsigned int n, i;

	n = rogue_catalogue(cat, ctx, msgs, CATALOGUE_MAX);
	for (i = 0; i < n; i++)
		rogue_exchange(r, &msgs[i]);
}

static void
run_all(struct rogue_run *r, struct vfio_vf *vf, struct rogue_opts *o)
{
	static const enum rogue_cat after_reset[] = {CAT_MAC, CAT_MULTICAST,
		CAT_VLAN, CAT_LPE, CAT_PROMISC, CAT_UNKNOWN_ID};
	const struct timespec settle = {.tv_nsec = 100000000};
	struct rogue_msg msg;
	uint64_t state = o->seed;
	unsigned int i;

	if (o->only[CAT_NO_HANDSHAKE]) {
		/* An FLR drops the VF's clear-to-send state at the PF. */
		if (vfio_vf_reset(vf) != 0)
			printf("rogue-vf: FLR refused, relying on the open's "
			       "reset\n");
		nanosleep(&settle, NULL);
		run_fixed(r, CAT_NO_HANDSHAKE, &o->ctx);
	}
	if (rogue_handshake(r) != 0)
		printf("rogue-vf: reset handshake not answered\n");
	memcpy(o->ctx.own_mac, r->mac, sizeof(r->mac));
	for (i = 0; i < sizeof(after_reset) / sizeof(after_reset[0]); i++)
		if (o->only[after_reset[i]])
			run_fixed(r, after_reset[i], &o->ctx);
	if (o->only[CAT_RANDOM])
		for (i = 0; i < o->random_count; i++) {
			rogue_random_msg(&state, &msg);
			rogue_exchange(r, &msg);
		}
	if (o->only[CAT_FLOOD] && o->flood_count != 0)
		rogue_flood(r, o->flood_count);
	/* Leave the VF as a reset leaves it. */
	rogue_handshake(r);
}

int
main(int argc, char **argv)
{
	struct rogue_opts o;
	struct rogue_run r;
	struct vfio_vf vf;
	char err[256];
	int ret;

	setvbuf(stdout, NULL, _IOLBF, 0); /* progress visible in a log */
	if (rogue_opts_parse(&o, argc, argv, err, sizeof(err)) != 0) {
		fprintf(stderr, "rogue-vf: %s (try --help)\n", err);
		return 2;
	}
	if (o.help) {
		rogue_opts_usage(argv[0]);
		return 0;
	}
	if (vfio_vf_open(&vf, o.pci, o.vf_token, err, sizeof(err)) != 0) {
		fprintf(stderr, "rogue-vf: %s\n", err);
		return 3;
	}
	rogue_run_init(&r, vf.bar0);
	r.verbose = o.verbose;
	r.reply_timeout_us = o.timeout_ms * 1000u;
	run_all(&r, &vf, &o);
	vfio_vf_close(&vf);
	rogue_report_text(stdout, &r);
	if (o.json != NULL) {
		ret = rogue_report_json(o.json, &r, o.seed);
		if (ret != 0) {
			fprintf(stderr, "rogue-vf: %s: %s\n", o.json,
				strerror(-ret));
			return 3;
		}
	}
	return r.unexpected == 0 &&
			(r.recovered || !o.only[CAT_FLOOD] ||
				o.flood_count == 0)
		? 0
		: 1;
}
