/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <inttypes.h>

#include "report.h"

static const char *const expect_names[EXPECT_COUNT] = {
	[EXPECT_NACK] = "bad",
	[EXPECT_ACK] = "valid",
	[EXPECT_SILENT] = "reply_flagged",
	[EXPECT_ANY] = "maybe_valid",
};

/* Everything answered one by one: all categories but the flood. */
static struct rogue_tally
exchanged(const struct rogue_run *r)
{
	struct rogue_tally t = {0};
	int c, o;

	for (c = 0; c < CAT_COUNT; c++) {
		if (c == CAT_FLOOD)
			continue;
		t.sent += r->by_cat[c].sent;
		for (o = 0; o < OUT_COUNT; o++)
			t.out[o] += r->by_cat[c].out[o];
	}
	return t;
}

static void
line(FILE *f, const char *kind, const char *name, const struct rogue_tally *t)
{
	fprintf(f,
		"rogue-vf: %s=%s sent=%" PRIu64 " acked=%" PRIu64
		" nacked=%" PRIu64 " unanswered=%" PRIu64 "\n",
		kind, name, t->sent, t->out[OUT_ACK], t->out[OUT_NACK],
		t->out[OUT_UNANSWERED]);
}

void
rogue_report_text(FILE *f, const struct rogue_run *r)
{
	const struct rogue_tally *bad = &r->by_expect[EXPECT_NACK];
	const struct rogue_tally *valid = &r->by_expect[EXPECT_ACK];
	const struct rogue_tally *silent = &r->by_expect[EXPECT_SILENT];
	struct rogue_tally all = exchanged(r);
	int i;

	for (i = 0; i < CAT_COUNT; i++)
		if (i != CAT_FLOOD && r->by_cat[i].sent != 0)
			line(f, "category", rogue_cat_name(i), &r->by_cat[i]);
	for (i = 0; i < EXPECT_COUNT; i++)
		line(f, "expect", expect_names[i], &r->by_expect[i]);
	fprintf(f,
		"rogue-vf: sent=%" PRIu64 " acked=%" PRIu64 " nacked=%" PRIu64
		" unanswered=%" PRIu64 " bad=%" PRIu64 " bad_nacked=%" PRIu64
		" valid=%" PRIu64 " valid_acked=%" PRIu64
		" reply_flagged=%" PRIu64 " reply_flagged_unanswered=%" PRIu64
		" unexpected=%" PRIu64 " flood_sent=%" PRIu64
		" flood_pf_signals=%" PRIu64 " recovered=%d\n",
		all.sent, all.out[OUT_ACK], all.out[OUT_NACK],
		all.out[OUT_UNANSWERED], bad->sent, bad->out[OUT_NACK],
		valid->sent, valid->out[OUT_ACK], silent->sent,
		silent->out[OUT_UNANSWERED], r->unexpected,
		r->by_cat[CAT_FLOOD].sent, r->flood_pf_signals,
		r->recovered ? 1 : 0);
}

static void
json_tally(
	FILE *f, const char *name, const struct rogue_tally *t, const char *sep)
{
	fprintf(f,
		"    \"%s\": {\"sent\": %" PRIu64 ", \"acked\": %" PRIu64
		", \"nacked\": %" PRIu64 ", \"unanswered\": %" PRIu64 "}%s\n",
		name, t->sent, t->out[OUT_ACK], t->out[OUT_NACK],
		t->out[OUT_UNANSWERED], sep);
}

int
rogue_report_json(const char *path, const struct rogue_run *r, uint64_t seed)
{
	struct rogue_tally all = exchanged(r);
	FILE *f = fopen(path, "w");
	int i;

	if (f == NULL)
		return -errno;
	fprintf(f, "{\n  \"seed\": %" PRIu64 ",\n  \"categories\": {\n", seed);
	for (i = 0; i < CAT_COUNT; i++)
		if (i != CAT_FLOOD)
			json_tally(f, rogue_cat_name(i), &r->by_cat[i],
				i + 2 < CAT_COUNT ? "," : "");
	fprintf(f, "  },\n  \"expectations\": {\n");
	for (i = 0; i < EXPECT_COUNT; i++)
		json_tally(f, expect_names[i], &r->by_expect[i],
			i + 1 < EXPECT_COUNT ? "," : "");
	fprintf(f, "  },\n");
	json_tally(f, "total", &all, ",");
	fprintf(f,
		"  \"unexpected\": %" PRIu64 ",\n  \"notifications\": %" PRIu64
		",\n  \"flood\": {\"sent\": %" PRIu64
		", \"pf_signals\": %" PRIu64 ", \"recovered\": %s}\n}\n",
		r->unexpected, r->notifications, r->by_cat[CAT_FLOOD].sent,
		r->flood_pf_signals, r->recovered ? "true" : "false");
	if (fclose(f) != 0)
		return -errno;
	return 0;
}
