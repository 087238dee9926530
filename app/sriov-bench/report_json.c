/* SPDX-License-Identifier: BSD-3-Clause */
#include <arpa/inet.h>

#include "json_writer.h"
#include "report.h"

static void
kv_uint(struct json_writer *w, const char *k, uint64_t v)
{
	json_key(w, k);
	json_uint(w, v);
}

static void
kv_double(struct json_writer *w, const char *k, double v)
{
	json_key(w, k);
	json_double(w, v);
}

static void
kv_string(struct json_writer *w, const char *k, const char *v)
{
	json_key(w, k);
	json_string(w, v);
}

static void
kv_ipv4(struct json_writer *w, const char *k, uint32_t ip)
{
	char buf[INET_ADDRSTRLEN];
	struct in_addr a = {.s_addr = htonl(ip)};

	kv_string(w, k, inet_ntop(AF_INET, &a, buf, sizeof(buf)));
}

static void
json_rate(struct json_writer *w, const char *k, const struct rate *r)
{
	json_key(w, k);
	json_object_begin(w);
	kv_uint(w, "packets", r->packets);
	kv_uint(w, "bytes", r->bytes);
	kv_double(w, "mpps", r->mpps);
	kv_double(w, "gbps", r->gbps);
	json_object_end(w);
}

static void
json_config(struct json_writer *w, const struct bench_opts *o)
{
	unsigned int i;

	json_key(w, "config");
	json_object_begin(w);
	kv_string(w, "mode", bench_mode_name(o->mode));
	if (o->mode == BENCH_MODE_FWD)
		kv_string(w, "fwd", bench_fwd_name(o->fwd));
	kv_uint(w, "port", o->port);
	kv_uint(w, "peer_port", o->peer_port);
	kv_uint(w, "queues", o->queues);
	kv_uint(w, "burst", o->burst);
	kv_uint(w, "rate_pps", o->rate);
	kv_double(w, "duration_s", o->duration);
	kv_uint(w, "count", o->count);
	kv_uint(w, "flows", o->flows);
	kv_ipv4(w, "src_ip", o->src_ip);
	kv_ipv4(w, "dst_ip", o->dst_ip);
	kv_uint(w, "sport", o->sport);
	kv_uint(w, "dport", o->dport);
	json_key(w, "sizes");
	json_array_begin(w);
	for (i = 0; i < o->sizes.nb_entries; i++) {
		json_object_begin(w);
		kv_uint(w, "size", o->sizes.size[i]);
		kv_uint(w, "weight", o->sizes.weight[i]);
		json_object_end(w);
	}
	json_array_end(w);
	json_object_end(w);
}

int
report_json(FILE *f, const struct bench_opts *o, const struct bench_result *r)
{
	struct json_writer w;
	unsigned int i;

	json_init(&w, f);
	json_object_begin(&w);
	kv_string(&w, "tool", "sriov-bench");
	json_config(&w, o);
	kv_double(&w, "elapsed_s", r->elapsed_s);
	json_key(&w, "interrupted");
	json_bool(&w, r->interrupted);
	json_rate(&w, "rx", &r->rx);
	json_rate(&w, "tx", &r->tx);
	kv_uint(&w, "tx_drops", r->tx_drops);
	kv_uint(&w, "seeded", r->seeded);
	kv_uint(&w, "foreign", r->foreign);
	json_key(&w, "loss");
	if (r->loss_known)
		json_int(&w, r->loss);
	else
		json_null(&w);
	json_key(&w, "loss_pct");
	if (r->loss_known)
		json_double(&w, r->loss_pct);
	else
		json_null(&w);
	json_key(&w, "mbuf_exhaustion");
	json_object_begin(&w);
	kv_uint(&w, "total", r->mbuf_exhaustion);
	kv_uint(&w, "alloc_failures", r->alloc_fail);
	kv_uint(&w, "rx_nombuf", r->rx_nombuf);
	json_object_end(&w);
	kv_double(&w, "cycles_per_packet", r->cycles_per_pkt);
	json_key(&w, "ports");
	json_array_begin(&w);
	for (i = 0; i < r->nb_ports; i++) {
		const struct port_counters *p = &r->ports[i];

		json_object_begin(&w);
		kv_uint(&w, "port", p->port);
		kv_string(&w, "name", p->name);
		kv_string(&w, "driver", p->driver);
		kv_string(&w, "mac", p->mac);
		kv_uint(&w, "ipackets", p->ipackets);
		kv_uint(&w, "opackets", p->opackets);
		kv_uint(&w, "ibytes", p->ibytes);
		kv_uint(&w, "obytes", p->obytes);
		kv_uint(&w, "imissed", p->imissed);
		kv_uint(&w, "ierrors", p->ierrors);
		kv_uint(&w, "oerrors", p->oerrors);
		kv_uint(&w, "rx_nombuf", p->rx_nombuf);
		json_object_end(&w);
	}
	json_array_end(&w);
	json_key(&w, "lcores");
	json_array_begin(&w);
	for (i = 0; i < r->nb_lcores; i++) {
		const struct lcore_result *l = &r->lcores[i];

		json_object_begin(&w);
		kv_uint(&w, "lcore", l->lcore_id);
		kv_uint(&w, "queues", l->nb_queues);
		kv_uint(&w, "packets", l->packets);
		kv_double(&w, "busy_pct", l->busy_pct);
		kv_double(&w, "cycles_per_packet", l->cycles_per_pkt);
		json_object_end(&w);
	}
	json_array_end(&w);
	json_key(&w, "latency_ns");
	if (r->has_latency) {
		json_object_begin(&w);
		kv_uint(&w, "samples", r->lat.samples);
		kv_uint(&w, "held", r->lat.held);
		kv_double(&w, "min", r->lat.min_ns);
		kv_double(&w, "median", r->lat.median_ns);
		kv_double(&w, "p99", r->lat.p99_ns);
		kv_double(&w, "p999", r->lat.p999_ns);
		kv_double(&w, "max", r->lat.max_ns);
		kv_double(&w, "mean", r->lat.mean_ns);
		json_object_end(&w);
	} else {
		json_null(&w);
	}
	json_object_end(&w);
	return json_finish(&w);
}
