/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * report_json: the --json document that scripts read (the host e2e test,
 * the guest scenarios' sb_json). Each fixture's document is printed, then
 * parsed back and every field checked.
 */
#include <math.h>
#include <stdlib.h>

#include <jansson.h>

#include "igb_check.h"
#include "report.h"

static struct lcore_result lcores[2] = {
	{.lcore_id = 1,
		.nb_queues = 2,
		.packets = 600,
		.cycles_per_pkt = 41.5,
		.busy_pct = 12.25},
	{.lcore_id = 3, .nb_queues = 1, .packets = 400},
};

/* lat mode, two ports, every optional part present. */
static void
lat_fixture(struct bench_opts *o, struct bench_result *r)
{
	memset(o, 0, sizeof(*o));
	memset(r, 0, sizeof(*r));
	o->mode = BENCH_MODE_LAT;
	o->port = 0;
	o->peer_port = 1;
	o->queues = 2;
	o->burst = 32;
	o->rate = 10000;
	o->duration = 2.5;
	o->count = 0;
	o->flows = 4;
	o->src_ip = 0xc6120001;
	o->dst_ip = 0xc612fffe;
	o->sport = 49152;
	o->dport = 9;
	o->sizes.nb_entries = 2;
	o->sizes.size[0] = 64;
	o->sizes.weight[0] = 7;
	o->sizes.size[1] = 1518;
	o->sizes.weight[1] = 1;
	r->elapsed_s = 2.5;
	r->rx = (struct rate){1000, 84000, 0.0004, 0.0002688};
	r->tx = (struct rate){1003, 84252, 0.0004012, 0.00026961};
	r->tx_drops = 0;
	r->foreign = 5;
	r->unmatched = 6;
	r->loss_known = true;
	r->loss = 3;
	r->loss_pct = 0.299102692;
	r->alloc_fail = 2;
	r->rx_nombuf = 1;
	r->mbuf_exhaustion = 3;
	r->cycles_per_pkt = NAN; /* no JSON form: null */
	r->nb_ports = 2;
	r->ports[0] = (struct port_counters){.port = 0,
		.name = "net_ring0",
		.driver = "net_ring",
		.rx_burst_mode = "not reported",
		.tx_burst_mode = "Vector SSE4.1",
		.mac = "02:00:00:00:00:01",
		.ipackets = 1000,
		.opackets = 1003,
		.ibytes = 84000,
		.obytes = 84252,
		.imissed = 1,
		.ierrors = 2,
		.oerrors = 3,
		.rx_nombuf = 1};
	r->ports[1] = (struct port_counters){.port = 1,
		.name = "a\"b\\c\t\x01",
		.driver = "caf\xc3\xa9",
		.mac = "02:00:00:00:00:02"};
	r->nb_lcores = 2;
	r->lcores = lcores;
	r->has_latency = true;
	r->lat = (struct latency_result){.samples = 997,
		.held = 997,
		.min_ns = 1200,
		.median_ns = 2500.5,
		.p99_ns = 9000,
		.p999_ns = 12000,
		.max_ns = 15000,
		.mean_ns = 2750.25};
}

/* tx mode: no peer, no loss, no latency. */
static void
tx_fixture(struct bench_opts *o, struct bench_result *r)
{
	lat_fixture(o, r);
	o->mode = BENCH_MODE_TX;
	o->rate = 0;
	o->count = 1000000;
	r->interrupted = true;
	r->loss_known = false;
	r->has_latency = false;
	r->cycles_per_pkt = 55.125;
	r->nb_ports = 1;
	r->nb_lcores = 1;
}

/* fwd mode names its rewrite; an invalid UTF-8 name is still written. */
static void
fwd_fixture(struct bench_opts *o, struct bench_result *r)
{
	tx_fixture(o, r);
	o->mode = BENCH_MODE_FWD;
	o->fwd = BENCH_FWD_MACSWAP;
	snprintf(r->ports[0].name, sizeof(r->ports[0].name), "bad\xff");
}

typedef void(fixture_fn)(struct bench_opts *o, struct bench_result *r);

/* Writes the fixture's document, prints it and parses it back. */
static json_t *
render(const char *name, fixture_fn *fixture)
{
	struct bench_opts o;
	struct bench_result r;
	char *buf = NULL;
	size_t len = 0;
	json_error_t jerr;
	json_t *doc;
	FILE *f = open_memstream(&buf, &len);
	int ret;

	fixture(&o, &r);
	ret = report_json(f, &o, &r);

	fclose(f);
	printf("---- %s document:\n%s----\n", name, buf);
	CHECK_EQ("report_json returns 0", 0, (uint64_t)ret);
	CHECK("ends with a newline", len > 0 && buf[len - 1] == '\n');
	doc = json_loads(buf, 0, &jerr);
	CHECK("document parses", doc != NULL);
	if (doc == NULL)
		printf("     %s at line %d\n", jerr.text, jerr.line);
	free(buf);
	return doc;
}

static const char *
str_at(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s != NULL ? s : "(not a string)";
}

static void
check_int(const char *what, json_t *o, const char *k, int64_t expected)
{
	json_t *v = json_object_get(o, k);

	CHECK(what, json_is_integer(v));
	if (json_is_integer(v))
		CHECK_EQ("  value", (uint64_t)expected,
			(uint64_t)json_integer_value(v));
}

static void
check_num(const char *what, json_t *o, const char *k, double expected)
{
	json_t *v = json_object_get(o, k);

	CHECK(what, json_is_number(v));
	CHECK_DBL("  value", expected, json_number_value(v),
		fabs(expected) * 1e-8);
}

static void
check_null(const char *what, json_t *o, const char *k)
{
	CHECK(what, json_is_null(json_object_get(o, k)));
}

/* The member names, in order, joined by spaces. */
static void
check_keys(const char *what, json_t *o, const char *expected)
{
	char keys[512] = "";
	const char *k;
	json_t *v;

	json_object_foreach(o, k, v)
	{
		(void)v;
		if (keys[0] != '\0')
			strncat(keys, " ", sizeof(keys) - strlen(keys) - 1);
		strncat(keys, k, sizeof(keys) - strlen(keys) - 1);
	}
	CHECK_STR(what, expected, keys);
}

static const char top_keys[] =
	"tool config elapsed_s interrupted rx tx tx_drops seeded foreign "
	"unmatched loss loss_pct mbuf_exhaustion cycles_per_packet ports "
	"lcores "
	"latency_ns";

static void
test_lat(void)
{
	json_t *doc = render("lat", lat_fixture);
	json_t *c, *p, *l;

	if (doc == NULL)
		return;
	check_keys("top-level members in order", doc, top_keys);
	CHECK_STR("tool", "sriov-bench", str_at(doc, "tool"));
	c = json_object_get(doc, "config");
	check_keys("config members (no fwd outside fwd mode)", c,
		"mode port peer_port queues burst rate_pps duration_s count "
		"flows src_ip dst_ip sport dport sizes");
	CHECK_STR("config.mode", "lat", str_at(c, "mode"));
	check_int("config.peer_port", c, "peer_port", 1);
	check_int("config.queues", c, "queues", 2);
	check_int("config.burst", c, "burst", 32);
	check_int("config.rate_pps", c, "rate_pps", 10000);
	check_num("config.duration_s", c, "duration_s", 2.5);
	check_int("config.count", c, "count", 0);
	check_int("config.flows", c, "flows", 4);
	CHECK_STR("config.src_ip", "198.18.0.1", str_at(c, "src_ip"));
	CHECK_STR("config.dst_ip", "198.18.255.254", str_at(c, "dst_ip"));
	check_int("config.sport", c, "sport", 49152);
	check_int("config.dport", c, "dport", 9);
	CHECK_EQ("config.sizes: 2", 2,
		json_array_size(json_object_get(c, "sizes")));
	p = json_array_get(json_object_get(c, "sizes"), 1);
	check_keys("config.sizes[1] members", p, "size weight");
	check_int("config.sizes[1].size", p, "size", 1518);
	check_int("config.sizes[1].weight", p, "weight", 1);

	check_num("elapsed_s", doc, "elapsed_s", 2.5);
	CHECK("interrupted false",
		json_is_false(json_object_get(doc, "interrupted")));
	p = json_object_get(doc, "rx");
	check_keys("rx members", p, "packets bytes mpps gbps");
	check_int("rx.packets", p, "packets", 1000);
	check_int("rx.bytes", p, "bytes", 84000);
	check_num("rx.mpps", p, "mpps", 0.0004);
	check_num("rx.gbps", p, "gbps", 0.0002688);
	p = json_object_get(doc, "tx");
	check_int("tx.packets", p, "packets", 1003);
	check_num("tx.gbps (9 digits)", p, "gbps", 0.00026961);
	check_int("tx_drops", doc, "tx_drops", 0);
	check_int("seeded", doc, "seeded", 0);
	check_int("foreign", doc, "foreign", 5);
	check_int("unmatched", doc, "unmatched", 6);
	check_int("loss", doc, "loss", 3);
	check_num("loss_pct", doc, "loss_pct", 0.299102692);
	p = json_object_get(doc, "mbuf_exhaustion");
	check_keys(
		"mbuf_exhaustion members", p, "total alloc_failures rx_nombuf");
	check_int("mbuf_exhaustion.total", p, "total", 3);
	check_int("mbuf_exhaustion.alloc_failures", p, "alloc_failures", 2);
	check_int("mbuf_exhaustion.rx_nombuf", p, "rx_nombuf", 1);
	check_null("cycles_per_packet NaN -> null", doc, "cycles_per_packet");

	CHECK_EQ("ports: 2", 2, json_array_size(json_object_get(doc, "ports")));
	p = json_array_get(json_object_get(doc, "ports"), 0);
	check_keys("ports[0] members", p,
		"port name driver rx_burst_mode tx_burst_mode mac ipackets "
		"opackets ibytes obytes imissed ierrors oerrors rx_nombuf");
	check_int("ports[0].port", p, "port", 0);
	CHECK_STR("ports[0].name", "net_ring0", str_at(p, "name"));
	CHECK_STR("ports[0].driver", "net_ring", str_at(p, "driver"));
	CHECK_STR("ports[0].rx_burst_mode", "not reported",
		str_at(p, "rx_burst_mode"));
	CHECK_STR("ports[0].tx_burst_mode", "Vector SSE4.1",
		str_at(p, "tx_burst_mode"));
	CHECK_STR("ports[0].mac", "02:00:00:00:00:01", str_at(p, "mac"));
	check_int("ports[0].ipackets", p, "ipackets", 1000);
	check_int("ports[0].opackets", p, "opackets", 1003);
	check_int("ports[0].ibytes", p, "ibytes", 84000);
	check_int("ports[0].obytes", p, "obytes", 84252);
	check_int("ports[0].imissed", p, "imissed", 1);
	check_int("ports[0].ierrors", p, "ierrors", 2);
	check_int("ports[0].oerrors", p, "oerrors", 3);
	check_int("ports[0].rx_nombuf", p, "rx_nombuf", 1);
	p = json_array_get(json_object_get(doc, "ports"), 1);
	check_int("ports[1].port", p, "port", 1);
	CHECK_STR("ports[1].name: quote, backslash, controls", "a\"b\\c\t\x01",
		str_at(p, "name"));
	CHECK_STR("ports[1].driver: UTF-8 kept", "caf\xc3\xa9",
		str_at(p, "driver"));

	CHECK_EQ("lcores: 2", 2,
		json_array_size(json_object_get(doc, "lcores")));
	p = json_array_get(json_object_get(doc, "lcores"), 0);
	check_keys("lcores[0] members", p,
		"lcore queues packets busy_pct cycles_per_packet");
	check_int("lcores[0].lcore", p, "lcore", 1);
	check_int("lcores[0].queues", p, "queues", 2);
	check_int("lcores[0].packets", p, "packets", 600);
	check_num("lcores[0].busy_pct", p, "busy_pct", 12.25);
	check_num("lcores[0].cycles_per_packet", p, "cycles_per_packet", 41.5);
	p = json_array_get(json_object_get(doc, "lcores"), 1);
	check_int("lcores[1].lcore", p, "lcore", 3);
	check_num("lcores[1].busy_pct 0", p, "busy_pct", 0);

	l = json_object_get(doc, "latency_ns");
	check_keys("latency_ns members", l,
		"samples held min median p99 p999 max mean");
	check_int("latency_ns.samples", l, "samples", 997);
	check_int("latency_ns.held", l, "held", 997);
	check_num("latency_ns.min", l, "min", 1200);
	check_num("latency_ns.median", l, "median", 2500.5);
	check_num("latency_ns.p99", l, "p99", 9000);
	check_num("latency_ns.p999", l, "p999", 12000);
	check_num("latency_ns.max", l, "max", 15000);
	check_num("latency_ns.mean", l, "mean", 2750.25);
	json_decref(doc);
}

static void
test_tx(void)
{
	json_t *doc = render("tx", tx_fixture);
	json_t *c;

	if (doc == NULL)
		return;
	check_keys("tx: top-level members in order", doc, top_keys);
	c = json_object_get(doc, "config");
	CHECK_STR("tx: config.mode", "tx", str_at(c, "mode"));
	CHECK("tx: no config.fwd", json_object_get(c, "fwd") == NULL);
	check_int("tx: config.count", c, "count", 1000000);
	CHECK("tx: interrupted true",
		json_is_true(json_object_get(doc, "interrupted")));
	check_null("tx: loss unknown -> null", doc, "loss");
	check_null("tx: loss_pct unknown -> null", doc, "loss_pct");
	check_null("tx: no latency -> null", doc, "latency_ns");
	check_num("tx: cycles_per_packet", doc, "cycles_per_packet", 55.125);
	CHECK_EQ("tx: ports: 1", 1,
		json_array_size(json_object_get(doc, "ports")));
	CHECK_EQ("tx: lcores: 1", 1,
		json_array_size(json_object_get(doc, "lcores")));
	json_decref(doc);
}

static void
test_fwd(void)
{
	json_t *doc = render("fwd", fwd_fixture);
	json_t *c;

	if (doc == NULL)
		return;
	c = json_object_get(doc, "config");
	check_keys("fwd: config members (fwd after mode)", c,
		"mode fwd port peer_port queues burst rate_pps duration_s "
		"count flows src_ip dst_ip sport dport sizes");
	CHECK_STR("fwd: config.fwd", "macswap", str_at(c, "fwd"));
	CHECK_STR("fwd: invalid UTF-8 byte as U+FFFD", "bad\xef\xbf\xbd",
		str_at(json_array_get(json_object_get(doc, "ports"), 0),
			"name"));
	json_decref(doc);
}

static void
test_write_error(void)
{
	struct bench_opts o;
	struct bench_result r;
	FILE *f = fopen("/dev/full", "w");

	lat_fixture(&o, &r);
	CHECK("/dev/full opens", f != NULL);
	if (f == NULL)
		return;
	CHECK_EQ("a full disk fails the report", (uint64_t)-1,
		(uint64_t)report_json(f, &o, &r));
	fclose(f);
}

/* jansson's integers are signed 64-bit: a counter it cannot hold fails the
 * report, and nothing is written, rather than a wrapped figure. */
static void
test_counter_too_big(void)
{
	struct bench_opts o;
	struct bench_result r;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int ret;

	lat_fixture(&o, &r);
	r.ports[1].obytes = (uint64_t)INT64_MAX + 1;
	ret = report_json(f, &o, &r);
	fclose(f);
	CHECK_EQ("a counter above INT64_MAX fails the report", (uint64_t)-1,
		(uint64_t)ret);
	CHECK_EQ("  and writes nothing", 0, len);
	free(buf);
}

int
main(void)
{
	test_lat();
	test_tx();
	test_fwd();
	test_write_error();
	test_counter_too_big();
	return check_exit();
}
