/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <string.h>

#include "catalogue.h"
#include "igb_mbx_msg.h"

static const char *const cat_names[CAT_COUNT] = {
	[CAT_NO_HANDSHAKE] = "no_handshake",
	[CAT_HANDSHAKE] = "handshake",
	[CAT_MAC] = "mac",
	[CAT_MULTICAST] = "multicast",
	[CAT_VLAN] = "vlan",
	[CAT_LPE] = "lpe",
	[CAT_PROMISC] = "promisc",
	[CAT_UNKNOWN_ID] = "unknown_id",
	[CAT_RANDOM] = "random",
	[CAT_FLOOD] = "flood",
};

const char *
rogue_cat_name(enum rogue_cat cat)
{
	return cat < CAT_COUNT ? cat_names[cat] : "?";
}

const char *
rogue_outcome_name(enum rogue_outcome o)
{
	static const char *const names[OUT_COUNT] = {
		"ACK", "NACK", "unanswered"};

	return o < OUT_COUNT ? names[o] : "?";
}

bool
rogue_as_expected(enum rogue_expect e, enum rogue_outcome o)
{
	switch (e) {
	case EXPECT_NACK:
		return o == OUT_NACK;
	case EXPECT_ACK:
		return o == OUT_ACK;
	case EXPECT_SILENT:
		return o == OUT_UNANSWERED;
	default:
		return true;
	}
}

int
rogue_cat_parse(const char *name)
{
	int c;

	for (c = 0; c < CAT_COUNT; c++)
		if (strcmp(name, cat_names[c]) == 0)
			return c;
	return -1;
}

/* Appends to a fixed list, dropping what does not fit. */
struct list {
	struct rogue_msg *out;
	unsigned int n, max;
	enum rogue_cat cat;
};

static struct rogue_msg *
next(struct list *l, enum rogue_expect expect, const char *what)
{
	struct rogue_msg *r;

	if (l->n >= l->max)
		return NULL;
	r = &l->out[l->n++];
	memset(r, 0, sizeof(*r));
	r->cat = l->cat;
	r->expect = expect;
	snprintf(r->what, sizeof(r->what), "%s", what);
	return r;
}

/* A request written word by word: the malformed ones. */
static void
raw(struct list *l, enum rogue_expect expect, const char *what, uint32_t w0,
	uint32_t w1, uint32_t w2)
{
	struct rogue_msg *r = next(l, expect, what);

	if (r == NULL)
		return;
	r->m.w[0] = w0;
	r->m.w[1] = w1;
	r->m.w[2] = w2;
	r->m.len = IGB_MBX_WORDS;
}

static void
mac_msg(struct list *l, enum rogue_expect expect, const char *what,
	uint32_t sub, const uint8_t *mac)
{
	struct rogue_msg *r = next(l, expect, what);

	if (r == NULL)
		return;
	igb_msg_encode_set_mac(&r->m, mac);
	r->m.w[0] |= sub;
}

static void
vlan_msg(struct list *l, enum rogue_expect expect, const char *what,
	uint32_t vid, int add)
{
	raw(l, expect, what, IGB_MSG_SET_VLAN | (add ? IGB_MSG_VLAN_ADD : 0),
		vid, 0);
}

static void
lpe_msg(struct list *l, enum rogue_expect expect, const char *what,
	uint32_t frame)
{
	struct rogue_msg *r = next(l, expect, what);

	if (r != NULL)
		igb_msg_encode_set_lpe(&r->m, frame);
}

/* count hashes, all 0x0123 except slot bad_slot (< count) set to bad. */
static void
mc_msg(struct list *l, enum rogue_expect expect, const char *what,
	uint32_t info, unsigned int count, int bad_slot, uint16_t bad)
{
	struct rogue_msg *r = next(l, expect, what);
	unsigned int i;

	if (r == NULL)
		return;
	r->m.w[0] = IGB_MSG_SET_MULTICAST | info << IGB_MSG_INFO_SHIFT;
	for (i = 0; i < count && i < 2 * (IGB_MBX_WORDS - 1); i++)
		r->m.w[1 + i / 2] |=
			(uint32_t)((int)i == bad_slot ? bad : 0x0123)
			<< (16 * (i % 2));
	r->m.len = IGB_MBX_WORDS;
}

static void
no_handshake(struct list *l)
{
	static const uint8_t some[] = {0x02, 0x00, 0x00, 0x00, 0xbe, 0xef};

	mac_msg(l, EXPECT_NACK, "a MAC before reset", 0, some);
	vlan_msg(l, EXPECT_NACK, "VLAN 100 add before reset", 100, 1);
	mc_msg(l, EXPECT_NACK, "1 multicast hash before reset", 1, 1, -1, 0);
	lpe_msg(l, EXPECT_NACK, "frame 1518 before reset", 1518);
	raw(l, EXPECT_NACK, "multicast promisc before reset",
		IGB_MSG_SET_PROMISC | IGB_MSG_PROMISC_MULTICAST, 0, 0);
	raw(l, EXPECT_NACK, "unknown id 0x7 before reset", 0x0007, 0, 0);
}

static void
mac(struct list *l, const struct rogue_ctx *ctx)
{
	static const uint8_t mcast[] = {0x01, 0x00, 0x5e, 0x00, 0x00, 0x01};
	static const uint8_t zero[IGB_ETHER_ADDR_LEN];
	static const uint8_t bcast[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	static const uint8_t group[] = {0x03, 0x00, 0x00, 0x00, 0x00, 0x10};
	static const uint8_t fresh[] = {0x02, 0x00, 0x00, 0x00, 0xbe, 0xef};

	mac_msg(l, EXPECT_NACK, "multicast MAC", 0, mcast);
	mac_msg(l, EXPECT_NACK, "group-bit MAC", 0, group);
	mac_msg(l, EXPECT_NACK, "all-zero MAC", 0, zero);
	mac_msg(l, EXPECT_NACK, "broadcast MAC", 0, bcast);
	if (ctx->have_other_mac)
		mac_msg(l, EXPECT_NACK, "another VF's MAC", 0, ctx->other_mac);
	mac_msg(l, EXPECT_NACK, "MAC sub-command 3", 3u << IGB_MSG_INFO_SHIFT,
		fresh);
	mac_msg(l, EXPECT_NACK, "MAC sub-command 0xff", IGB_MSG_INFO_MASK,
		fresh);
	mac_msg(l, EXPECT_NACK, "MAC filter add, multicast",
		IGB_MSG_MAC_FILTER_ADD, mcast);
	mac_msg(l, EXPECT_NACK, "MAC filter add (none offered)",
		IGB_MSG_MAC_FILTER_ADD, fresh);
	if (ctx->have_other_mac)
		mac_msg(l, EXPECT_NACK, "MAC filter add, another VF's",
			IGB_MSG_MAC_FILTER_ADD, ctx->other_mac);
	mac_msg(l, EXPECT_ACK, "own MAC again", 0, ctx->own_mac);
	mac_msg(l, EXPECT_ACK, "MAC filters clear", IGB_MSG_MAC_FILTER_CLR,
		zero);
}

static void
multicast(struct list *l)
{
	mc_msg(l, EXPECT_NACK, "31 hashes (max 30)", 31, 31, -1, 0);
	mc_msg(l, EXPECT_NACK, "64 hashes (above the mailbox)", 64, 31, -1, 0);
	mc_msg(l, EXPECT_NACK, "127 hashes", 127, 31, -1, 0);
	mc_msg(l, EXPECT_NACK, "255 hashes (with overflow bit)", 255, 31, -1,
		0);
	mc_msg(l, EXPECT_NACK, "hash 0x1000 (12-bit table)", 1, 1, 0, 0x1000);
	mc_msg(l, EXPECT_NACK, "hash 0xffff in slot 30", 30, 30, 29, 0xffff);
	mc_msg(l, EXPECT_ACK, "30 hashes", 30, 30, -1, 0);
	mc_msg(l, EXPECT_ACK, "no hashes", 0, 0, -1, 0);
}

static void
vlan(struct list *l)
{
	vlan_msg(l, EXPECT_NACK, "VLAN 4096 add", 4096, 1);
	vlan_msg(l, EXPECT_NACK, "VLAN 4096 delete", 4096, 0);
	vlan_msg(l, EXPECT_NACK, "VLAN 0xffff add", 0xffff, 1);
	vlan_msg(l, EXPECT_NACK, "VLAN 0x10000 add (low bits 0)", 0x10000, 1);
	vlan_msg(l, EXPECT_NACK, "VLAN 0x10064 add (low bits 100)", 0x10064, 1);
	vlan_msg(l, EXPECT_NACK, "VLAN 0xffffffff delete", 0xffffffffu, 0);
	/* 4095 fits the 12 bits but 802.1Q reserves it. */
	vlan_msg(l, EXPECT_NACK, "VLAN 4095 add", 4095, 1);
	vlan_msg(l, EXPECT_NACK, "VLAN 4095 delete", 4095, 0);
	/* 0 (priority tags; igbvf adds it on every open): own pool only,
	 * never another VF's entry. */
	vlan_msg(l, EXPECT_ACK, "VLAN 0 add", 0, 1);
	vlan_msg(l, EXPECT_ACK, "VLAN 0 delete (other VFs keep it)", 0, 0);
}

static void
lpe(struct list *l)
{
	lpe_msg(l, EXPECT_NACK, "frame 0", 0);
	lpe_msg(l, EXPECT_NACK, "frame 63", 63);
	lpe_msg(l, EXPECT_NACK, "frame 9217", 9217);
	lpe_msg(l, EXPECT_NACK, "frame 16384", 16384);
	lpe_msg(l, EXPECT_NACK, "frame 16385", 16385);
	lpe_msg(l, EXPECT_NACK, "frame 0xffffffff", 0xffffffffu);
	lpe_msg(l, EXPECT_ACK, "frame 9216", 9216);
	lpe_msg(l, EXPECT_ACK, "frame 1518", 1518);
}

static void
promisc(struct list *l)
{
	raw(l, EXPECT_NACK, "unicast promisc (untrusted)",
		IGB_MSG_SET_PROMISC | IGB_MSG_PROMISC_UNICAST, 0, 0);
	raw(l, EXPECT_NACK, "promisc flag 0x04",
		IGB_MSG_SET_PROMISC | 0x04u << IGB_MSG_INFO_SHIFT, 0, 0);
	raw(l, EXPECT_NACK, "promisc flags 0xff",
		IGB_MSG_SET_PROMISC | IGB_MSG_INFO_MASK, 0, 0);
	raw(l, EXPECT_ACK, "multicast promisc on",
		IGB_MSG_SET_PROMISC | IGB_MSG_PROMISC_MULTICAST, 0, 0);
	raw(l, EXPECT_ACK, "promisc off", IGB_MSG_SET_PROMISC, 0, 0);
}

static void
unknown_id(struct list *l)
{
	static const uint16_t ids[] = {0x0000, 0x0007, 0x0008, 0x0009, 0x00ff,
		0x0100, 0x0101, 0x0200, 0x7fff, 0xfffe, 0xffff};
	char what[48];
	unsigned int i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		snprintf(what, sizeof(what), "message id 0x%04x", ids[i]);
		raw(l, EXPECT_NACK, what, ids[i], 0xdeadbeef, 0);
	}
}

unsigned int
rogue_catalogue(enum rogue_cat cat, const struct rogue_ctx *ctx,
	struct rogue_msg *out, unsigned int max)
{
	struct list l = {.out = out, .max = max, .cat = cat};

	switch (cat) {
	case CAT_NO_HANDSHAKE:
		no_handshake(&l);
		break;
	case CAT_MAC:
		mac(&l, ctx);
		break;
	case CAT_MULTICAST:
		multicast(&l);
		break;
	case CAT_VLAN:
		vlan(&l);
		break;
	case CAT_LPE:
		lpe(&l);
		break;
	case CAT_PROMISC:
		promisc(&l);
		break;
	case CAT_UNKNOWN_ID:
		unknown_id(&l);
		break;
	default:
		break;
	}
	return l.n;
}

void
rogue_reset_msg(struct rogue_msg *out)
{
	memset(out, 0, sizeof(*out));
	out->cat = CAT_HANDSHAKE;
	out->expect = EXPECT_ACK;
	igb_msg_encode_reset(&out->m);
	snprintf(out->what, sizeof(out->what), "VF_RESET");
}

uint64_t
rogue_rand(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545f4914f6cdd1dull;
}

void
rogue_random_msg(uint64_t *state, struct rogue_msg *out)
{
	uint16_t type;
	unsigned int i;

	memset(out, 0, sizeof(*out));
	out->cat = CAT_RANDOM;
	for (i = 0; i < IGB_MBX_WORDS; i++)
		out->m.w[i] = (uint32_t)(rogue_rand(state) >> 32);
	out->m.len = IGB_MBX_WORDS;
	type = igb_msg_type(out->m.w[0]);
	if (out->m.w[0] & (IGB_MSG_ACK | IGB_MSG_NACK))
		out->expect = EXPECT_SILENT;
	else if (type >= IGB_MSG_VF_RESET && type <= IGB_MSG_SET_PROMISC)
		out->expect = EXPECT_ANY;
	else
		out->expect = EXPECT_NACK;
	snprintf(out->what, sizeof(out->what), "random 0x%08x", out->m.w[0]);
}

void
rogue_flood_msg(uint32_t n, struct rogue_msg *out)
{
	memset(out, 0, sizeof(*out));
	out->cat = CAT_FLOOD;
	out->expect = EXPECT_NACK;
	out->m.w[0] = 0x00fe;
	out->m.w[1] = n;
	out->m.len = 2;
	snprintf(out->what, sizeof(out->what), "flood %u", n);
}
