/* SPDX-License-Identifier: BSD-3-Clause */
#include <arpa/inet.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "report.h"

/*
 * Value constructors. Each returns NULL where jansson cannot hold the
 * value as it is, which makes the json_pack() around it fail, so the
 * report fails rather than carrying a wrong figure.
 */

/* json_int_t is signed 64-bit: a counter above INT64_MAX would wrap. */
static json_t *
u64(uint64_t v)
{
	return v <= INT64_MAX ? json_integer((json_int_t)v) : NULL;
}

/* NaN and the infinities have no JSON form: null. */
static json_t *
real(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

/* jansson takes UTF-8 only: a name that is not gets U+FFFD for each byte
 * outside ASCII (device names from the command line can be anything). */
static json_t *
text(const char *s)
{
	json_t *j = json_string(s);
	char *ascii, *p;

	if (j != NULL)
		return j;
	p = ascii = malloc(strlen(s) * 3 + 1);
	if (ascii == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x80) {
			*p++ = *s;
			continue;
		}
		memcpy(p, "\xef\xbf\xbd", 3);
		p += 3;
	}
	*p = '\0';
	j = json_string(ascii);
	free(ascii);
	return j;
}

static json_t *
ipv4(uint32_t ip)
{
	char buf[INET_ADDRSTRLEN];
	struct in_addr a = {.s_addr = htonl(ip)};

	return json_string(inet_ntop(AF_INET, &a, buf, sizeof(buf)));
}

static json_t *
rate(const struct rate *r)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "packets", u64(r->packets),
		"bytes", u64(r->bytes), "mpps", real(r->mpps), "gbps",
		real(r->gbps));
}

/* Appends v to a; a NULL v (or a) fails the array. */
static json_t *
append(json_t *a, json_t *v)
{
	if (a != NULL && json_array_append_new(a, v) == 0)
		return a;
	json_decref(a);
	return NULL;
}

static json_t *
config(const struct bench_opts *o)
{
	json_t *sizes = json_array();
	unsigned int i;

	for (i = 0; i < o->sizes.nb_entries; i++)
		sizes = append(sizes,
			json_pack("{s:o, s:o}", "size", u64(o->sizes.size[i]),
				"weight", u64(o->sizes.weight[i])));
	return json_pack("{s:s, s:s*, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o,"
			 " s:o, s:o, s:o, s:o, s:o}",
		"mode", bench_mode_name(o->mode), "fwd",
		o->mode == BENCH_MODE_FWD ? bench_fwd_name(o->fwd) : NULL,
		"port", u64(o->port), "peer_port", u64(o->peer_port), "queues",
		u64(o->queues), "burst", u64(o->burst), "rate_pps",
		u64(o->rate), "duration_s", real(o->duration), "count",
		u64(o->count), "flows", u64(o->flows), "src_ip",
		ipv4(o->src_ip), "dst_ip", ipv4(o->dst_ip), "sport",
		u64(o->sport), "dport", u64(o->dport), "sizes", sizes);
}

static json_t *
port(const struct port_counters *p)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o,"
			 " s:o, s:o, s:o, s:o}",
		"port", u64(p->port), "name", text(p->name), "driver",
		text(p->driver), "rx_burst_mode", text(p->rx_burst_mode),
		"tx_burst_mode", text(p->tx_burst_mode), "mac", text(p->mac),
		"ipackets", u64(p->ipackets), "opackets", u64(p->opackets),
		"ibytes", u64(p->ibytes), "obytes", u64(p->obytes), "imissed",
		u64(p->imissed), "ierrors", u64(p->ierrors), "oerrors",
		u64(p->oerrors), "rx_nombuf", u64(p->rx_nombuf));
}

static json_t *
lcore(const struct lcore_result *l)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "lcore", u64(l->lcore_id),
		"queues", u64(l->nb_queues), "packets", u64(l->packets),
		"busy_pct", real(l->busy_pct), "cycles_per_packet",
		real(l->cycles_per_pkt));
}

static json_t *
latency(const struct bench_result *r)
{
	const struct latency_result *l = &r->lat;

	if (!r->has_latency)
		return json_null();
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "samples",
		u64(l->samples), "held", u64(l->held), "min", real(l->min_ns),
		"median", real(l->median_ns), "p99", real(l->p99_ns), "p999",
		real(l->p999_ns), "max", real(l->max_ns), "mean",
		real(l->mean_ns));
}

static json_t *
document(const struct bench_opts *o, const struct bench_result *r)
{
	json_t *ports = json_array(), *lcores = json_array();
	unsigned int i;

	for (i = 0; i < r->nb_ports; i++)
		ports = append(ports, port(&r->ports[i]));
	for (i = 0; i < r->nb_lcores; i++)
		lcores = append(lcores, lcore(&r->lcores[i]));
	return json_pack("{s:s, s:o, s:o, s:b, s:o, s:o, s:o, s:o, s:o, s:o,"
			 " s:o, s:o, s:{s:o, s:o, s:o}, s:o, s:o, s:o, s:o}",
		"tool", "sriov-bench", "config", config(o), "elapsed_s",
		real(r->elapsed_s), "interrupted", r->interrupted, "rx",
		rate(&r->rx), "tx", rate(&r->tx), "tx_drops", u64(r->tx_drops),
		"seeded", u64(r->seeded), "foreign", u64(r->foreign),
		"unmatched", u64(r->unmatched), "loss",
		r->loss_known ? json_integer(r->loss) : json_null(), "loss_pct",
		r->loss_known ? real(r->loss_pct) : json_null(),
		"mbuf_exhaustion", "total", u64(r->mbuf_exhaustion),
		"alloc_failures", u64(r->alloc_fail), "rx_nombuf",
		u64(r->rx_nombuf), "cycles_per_packet", real(r->cycles_per_pkt),
		"ports", ports, "lcores", lcores, "latency_ns", latency(r));
}

int
report_json(FILE *f, const struct bench_opts *o, const struct bench_result *r)
{
	/* One member per line, two-space indent: the guest scenarios'
	 * sb_flatten (test/vm/lib/sriov-bench.sh) reads that layout. */
	const size_t flags =
		JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(9);
	json_t *doc = document(o, r);
	int ret;

	if (doc == NULL)
		return -1;
	ret = json_dumpf(doc, f, flags);
	json_decref(doc);
	if (ret != 0 || fputc('\n', f) == EOF || fflush(f) != 0 || ferror(f))
		return -1;
	return 0;
}
