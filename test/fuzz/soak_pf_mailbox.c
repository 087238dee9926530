/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A long hostile run of the PF mailbox server at host speed: seeded
 * scripts (pf_script.h) in which 7 VFs send a mix of valid and malformed
 * requests, among FLRs, admin actions, mailbox locks and pings, every one
 * checked against the reference model. Prints the counts and requests/s;
 * fails on any mismatch, if sent != ACKed + NACKed + ignored, or if
 * anonymous resident or malloc'd memory grew between the first script
 * and the last.
 *
 *   soak-pf-mailbox [--seed N] [--requests N] [--script K] [--out DIR]
 *
 * --script K replays script K of the seed alone; the first failing script
 * is written to DIR/soak-pf-mailbox-crash, which the fuzzer binary also
 * replays (build/fuzz/fuzz-pf-mailbox FILE).
 */
#include <errno.h>
#include <inttypes.h>
#include <malloc.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "igb_mbx_msg.h"
#include "pf_oracle.h"
#include "pf_script.h"

#define SOAK_VFS 7
#define SOAK_OPS 2048 /* operations per script */
#define SOAK_OP_MAX 80 /* bytes one operation takes at most */
#define SOAK_SEED UINT64_C(0x82576)
#define SOAK_REQUESTS 10000000u

struct gen {
	uint64_t s; /* xorshift64* state */
	uint8_t *p; /* script being written */
	uint8_t locked; /* VFs the script left holding VFU */
	unsigned int noop_ops; /* ops left under a NOOP verdict */
};

static uint64_t
rnd(struct gen *g)
{
	g->s ^= g->s >> 12;
	g->s ^= g->s << 25;
	g->s ^= g->s >> 27;
	return g->s * UINT64_C(0x2545f4914f6cdd1d);
}

static unsigned int
pick(struct gen *g, unsigned int n)
{
	return (unsigned int)(rnd(g) % n);
}

static bool
chance(struct gen *g, unsigned int percent)
{
	return pick(g, 100) < percent;
}

static void
put(struct gen *g, unsigned int b)
{
	*g->p++ = (uint8_t)b;
}

/* Mostly the 7 VFs, now and then a mailbox or index beyond them. */
static unsigned int
pick_vf(struct gen *g)
{
	return chance(g, 2) ? pick(g, 16) : pick(g, SOAK_VFS);
}

static void
put_message(struct gen *g, unsigned int vf, const uint32_t *w, unsigned int n)
{
	unsigned int i;

	put(g, PF_OP_MESSAGE);
	put(g, vf);
	put(g, n);
	for (i = 0; i < n; i++) {
		put(g, w[i]);
		put(g, w[i] >> 8);
		put(g, w[i] >> 16);
		put(g, w[i] >> 24);
	}
}

/* An address: fresh, another function's (the PF's, a VF's), or bad. */
static void
mac_words(struct gen *g, uint32_t *w, bool bad)
{
	uint8_t mac[6] = {0x02, 0, 0, 0, 0, 0x10 + pick(g, SOAK_VFS)};

	if (chance(g, 10))
		mac[5] = 0x01; /* the PF's */
	else if (chance(g, 60))
		mac[5] = 0x40 + pick(g, 32);
	if (bad)
		mac[0] = chance(g, 50) ? 0x01 : 0; /* multicast, or zero */
	if (bad && mac[0] == 0)
		memset(mac, 0, sizeof(mac));
	w[1] = mac[0] | mac[1] << 8 | mac[2] << 16 | (uint32_t)mac[3] << 24;
	w[2] = mac[4] | mac[5] << 8;
}

/* A request of VF vf: a valid one of each type, or one made malformed. */
static void
gen_request(struct gen *g, unsigned int vf)
{
	uint32_t w[IGB_MBX_WORDS] = {0};
	bool bad = chance(g, 30);
	unsigned int n = 2, i, cnt;

	switch (pick(g, 8)) {
	case 0:
		w[0] = IGB_MSG_VF_RESET;
		n = 1;
		break;
	case 1:
		w[0] = IGB_MSG_SET_MAC_ADDR |
			(chance(g, 80) ? 0 : pick(g, bad ? 256 : 3))
				<< IGB_MSG_INFO_SHIFT;
		mac_words(g, w, bad);
		n = 3;
		break;
	case 2:
		cnt = bad && chance(g, 50) ? 31 + pick(g, 97) : pick(g, 31);
		w[0] = IGB_MSG_SET_MULTICAST | cnt << IGB_MSG_INFO_SHIFT |
			(chance(g, 10) ? IGB_MSG_MC_OVERFLOW : 0);
		for (i = 0; i < cnt && i < 2 * (IGB_MBX_WORDS - 1); i++)
			w[1 + i / 2] |= (uint32_t)pick(g, 4096)
				<< (16 * (i % 2));
		if (bad && cnt <= IGB_MSG_MC_MAX && cnt > 0)
			w[1 + pick(g, (cnt + 1) / 2)] |= 0xf000u
				<< (16 * pick(g, 2));
		n = IGB_MBX_WORDS;
		break;
	case 3:
		w[0] = IGB_MSG_SET_VLAN |
			(chance(g, 70) ? IGB_MSG_VLAN_ADD : 0);
		w[1] = bad ? 4096 + pick(g, 1 << 20) : 1 + pick(g, 40);
		break;
	case 4:
		w[0] = IGB_MSG_SET_LPE;
		w[1] = bad
			? (chance(g, 50) ? pick(g, 64) : 9217 + pick(g, 1000))
			: 64 + pick(g, 9216 - 64 + 1);
		break;
	case 5:
		w[0] = IGB_MSG_SET_PROMISC |
			(pick(g, 4) | (bad ? 4u << pick(g, 6) : 0))
				<< IGB_MSG_INFO_SHIFT;
		n = 1;
		break;
	case 6: /* a word that holds a reply: ignored */
		w[0] = (1 + pick(g, 6)) |
			(chance(g, 50) ? IGB_MSG_ACK : IGB_MSG_NACK) |
			(chance(g, 50) ? IGB_MSG_CTS : 0);
		break;
	default: /* random words: mostly an unknown type */
		n = pick(g, IGB_MBX_WORDS + 1);
		for (i = 0; i < n; i++)
			w[i] = (uint32_t)rnd(g);
		if (n > 0)
			w[0] &= ~(IGB_MSG_ACK | IGB_MSG_NACK);
		break;
	}
	put_message(g, vf, w, n);
}

static void
gen_admin(struct gen *g)
{
	unsigned int action = pick(g, 8), sel;

	put(g, PF_OP_ADMIN);
	put(g, action);
	put(g, chance(g, 5) ? 0x80 | pick(g, 128) : pick(g, SOAK_VFS + 1));
	switch (action) {
	case 0:
		sel = 0xc0 + pick(g, 64); /* an address that collides, or 0 */
		put(g, sel);
		break;
	case 1:
	case 7:
		put(g, chance(g, 50) ? 0 : 1 + pick(g, 40));
		put(g, action == 7 && chance(g, 60) ? 0x80 : 0);
		break;
	default:
		put(g, pick(g, 2));
		break;
	}
}

/* One operation: a request most of the time, else an event around it. */
static void
gen_op(struct gen *g)
{
	unsigned int r = pick(g, 100), vf;

	if (g->noop_ops > 0 && --g->noop_ops == 0) {
		put(g, PF_OP_VERDICT);
		put(g, 2); /* PROCEED */
		return;
	}
	if (g->locked && chance(g, 20)) {
		vf = (unsigned int)__builtin_ctz(g->locked);
		g->locked &= (uint8_t) ~(1u << vf);
		put(g, PF_OP_LOCK);
		put(g, vf);
		return;
	}
	if (r < 85) {
		gen_request(g, pick_vf(g));
	} else if (r < 87) {
		put(g, PF_OP_RESIGNAL);
		put(g, pick_vf(g));
	} else if (r < 89) {
		put(g, PF_OP_FLR);
		put(g, pick_vf(g));
	} else if (r < 93) {
		gen_admin(g);
	} else if (r < 94) {
		put(g, PF_OP_VERDICT);
		put(g, pick(g, 2)); /* NOOP_ACK or NOOP_NACK, for a while */
		g->noop_ops = 1 + pick(g, 8);
	} else if (r < 95) {
		vf = pick(g, SOAK_VFS);
		g->locked |= (uint8_t)(1u << vf);
		put(g, PF_OP_LOCK);
		put(g, 0x80 | vf);
	} else if (r < 98) {
		put(g, PF_OP_PING);
		put(g, chance(g, 50) ? 0xff : pick_vf(g));
	} else {
		put(g, PF_OP_VF_ACK);
		put(g, pick(g, 8));
	}
}

/* Script k of the run: its own generator state, from seed and k. */
static size_t
gen_script(uint8_t *buf, uint64_t seed, uint64_t k)
{
	struct gen g = {.p = buf};
	uint64_t z = seed + (k + 1) * UINT64_C(0x9e3779b97f4a7c15);
	unsigned int i;

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	g.s = (z ^ (z >> 31)) | 1;
	put(&g, SOAK_VFS - 1); /* 1 + b % 7 VFs */
	/* Most requests need the reset handshake first. */
	for (i = 0; i < SOAK_VFS; i++) {
		uint32_t w0 = IGB_MSG_VF_RESET;

		put_message(&g, i, &w0, 1);
	}
	for (i = 0; i < SOAK_OPS; i++)
		gen_op(&g);
	return (size_t)(g.p - buf);
}

static uint8_t script[SOAK_OPS * SOAK_OP_MAX + 256];
static jmp_buf mismatch_jmp;
static uint64_t mismatches;

static void
on_mismatch(void)
{
	mismatches++;
	longjmp(mismatch_jmp, 1);
}

/* One script; false if it ended at a mismatch. */
static bool
run_checked(size_t len, struct pf_script_counts *c)
{
	if (setjmp(mismatch_jmp) != 0)
		return false;
	pf_script_run(script, len, c);
	return true;
}

/*
 * Anonymous resident memory in KiB (RssAnon of /proc/self/status): what a
 * leak grows. The whole resident set also grows as code paths first run
 * late page in the program's text.
 */
static long
rss_kib(void)
{
	char line[256];
	long kib = -1;
	FILE *fp = fopen("/proc/self/status", "r");

	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (sscanf(line, "RssAnon: %ld kB", &kib) == 1)
			break;
	fclose(fp);
	return kib;
}

static size_t
malloced(void)
{
	return mallinfo2().uordblks;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
save_script(const char *dir, size_t len)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/soak-pf-mailbox-crash", dir);
	fp = fopen(path, "wb");
	if (fp == NULL || fwrite(script, 1, len, fp) != len) {
		fprintf(stderr, "soak: cannot write %s: %s\n", path,
			strerror(errno));
	} else {
		fprintf(stderr, "soak: failing script written to %s\n", path);
	}
	if (fp != NULL)
		fclose(fp);
}

static bool
parse_u64(const char *s, uint64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 0);
	return errno == 0 && *s != '\0' && *s != '-' && *end == '\0';
}

static void
usage(void)
{
	fprintf(stderr,
		"usage: soak-pf-mailbox [--seed N] [--requests N] "
		"[--script K] [--out DIR]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	uint64_t seed = SOAK_SEED, requests = SOAK_REQUESTS, only = 0, k;
	struct pf_script_counts c = {0};
	const char *out = ".";
	bool one = false, mem_ok;
	uint64_t first_bad = UINT64_MAX;
	long rss0 = 0, rss1;
	size_t mal0 = 0, mal1, len = 0;
	double t0, secs;
	int i;

	for (i = 1; i < argc; i++) {
		uint64_t *dst = NULL;

		if (strcmp(argv[i], "--seed") == 0)
			dst = &seed;
		else if (strcmp(argv[i], "--requests") == 0)
			dst = &requests;
		else if (strcmp(argv[i], "--script") == 0)
			dst = &only, one = true;
		else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
			out = argv[++i];
		else
			usage();
		if (dst != NULL &&
			(i + 1 >= argc || !parse_u64(argv[++i], dst)))
			usage();
	}
	printf("soak/pf-mailbox: seed %#" PRIx64 ", %u VFs, %u operations "
	       "per script (replay: --seed %#" PRIx64 ")\n",
		seed, SOAK_VFS, SOAK_OPS, seed);
	fflush(stdout);
	oracle_fail_hook = on_mismatch;
	/* Scripts differ in length: have every page of the buffer resident
	 * before the first measure. */
	memset(script, 0xff, sizeof(script));
	t0 = now_s();
	for (k = one ? only : 0; one ? k == only : c.sent < requests; k++) {
		len = gen_script(script, seed, k);
		if (!run_checked(len, &c) && first_bad == UINT64_MAX) {
			first_bad = k;
			save_script(out, len);
		}
		if (k == (one ? only : 0)) {
			/* Warm: everything static has been touched. */
			rss0 = rss_kib();
			mal0 = malloced();
		}
	}
	secs = now_s() - t0;
	rss1 = rss_kib();
	mal1 = malloced();
	printf("soak/pf-mailbox: %" PRIu64 " scripts, %" PRIu64
	       " operations in %.1f s\n",
		k - (one ? only : 0), c.ops, secs);
	printf("soak/pf-mailbox: memory after the first script and at the "
	       "end: anonymous resident %ld -> %ld KiB, malloc'd %zu -> %zu "
	       "bytes\n",
		rss0, rss1, mal0, mal1);
	if (first_bad != UINT64_MAX)
		printf("soak/pf-mailbox: first mismatch in script %" PRIu64
		       " (replay: --seed %#" PRIx64 " --script %" PRIu64 ")\n",
			first_bad, seed, first_bad);
	mem_ok = rss0 > 0 && rss1 <= rss0 && mal1 <= mal0;
	if (c.sent != c.acked + c.nacked + c.ignored)
		printf("soak/pf-mailbox: %" PRIu64 " requests sent but %" PRIu64
		       " answered or ignored\n",
			c.sent, c.acked + c.nacked + c.ignored);
	/* The last line is the result. */
	printf("%s soak/pf-mailbox %" PRIu64 " requests, %.0f/s, seed %#" PRIx64
	       ": %" PRIu64 " ACKed, %" PRIu64 " NACKed, %" PRIu64
	       " ignored, %" PRIu64 " mismatches, memory %s\n",
		mismatches == 0 && mem_ok &&
				c.sent == c.acked + c.nacked + c.ignored
			? "PASS"
			: "FAIL",
		c.sent, (double)c.sent / secs, seed, c.acked, c.nacked,
		c.ignored, mismatches, mem_ok ? "flat" : "GREW");
	return mismatches == 0 && mem_ok &&
			c.sent == c.acked + c.nacked + c.ignored
		? 0
		: 1;
}
