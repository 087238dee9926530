/* SPDX-License-Identifier: BSD-3-Clause */
#include <inttypes.h>

#include "report.h"

static void
report_rate(FILE *f, const char *dir, const struct rate *r)
{
	fprintf(f, "  %-4s %14" PRIu64 " %16" PRIu64 " %10.4f %10.4f\n", dir,
		r->packets, r->bytes, r->mpps, r->gbps);
}

void
report_text(FILE *f, const struct bench_opts *o, const struct bench_result *r)
{
	unsigned int i;

	fprintf(f, "\nsriov-bench %s", bench_mode_name(o->mode));
	if (o->mode == BENCH_MODE_FWD)
		fprintf(f, " (%s)", bench_fwd_name(o->fwd));
	fprintf(f, ": port %u", o->port);
	if (o->peer_port != o->port)
		fprintf(f, " %s port %u",
			o->mode == BENCH_MODE_FWD ? "<->" : "->", o->peer_port);
	fprintf(f, ", %u queue%s, %.3f s%s\n", o->queues,
		o->queues == 1 ? "" : "s", r->elapsed_s,
		r->interrupted ? " (interrupted)" : "");
	fprintf(f, "  %-4s %14s %16s %10s %10s\n", "", "packets", "bytes",
		"Mpps", "Gbit/s");
	if (o->mode != BENCH_MODE_TX)
		report_rate(f, "Rx", &r->rx);
	if (o->mode != BENCH_MODE_RX)
		report_rate(f, "Tx", &r->tx);
	if (r->seeded != 0)
		fprintf(f, "  seeded (--tx-first) %" PRIu64 "\n", r->seeded);
	if (r->loss_known)
		fprintf(f, "  loss %" PRId64 " (%.4f %%)\n", r->loss,
			r->loss_pct);
	if (o->mode == BENCH_MODE_LAT)
		fprintf(f,
			"  unmatched probe frames %" PRIu64
			" (not a probe of this run still out)\n",
			r->unmatched);
	if (r->foreign != 0)
		fprintf(f, "  foreign frames %" PRIu64 "\n", r->foreign);
	fprintf(f,
		"  mbuf exhaustion %" PRIu64 " (alloc failures %" PRIu64
		", rx_nombuf %" PRIu64 ")\n",
		r->mbuf_exhaustion, r->alloc_fail, r->rx_nombuf);
	fprintf(f, "  %-4s %-16s %12s %12s %9s %9s %9s\n", "port", "name",
		"ipackets", "opackets", "imissed", "ierrors", "oerrors");
	for (i = 0; i < r->nb_ports; i++) {
		const struct port_counters *p = &r->ports[i];

		fprintf(f,
			"  %-4u %-16s %12" PRIu64 " %12" PRIu64 " %9" PRIu64
			" %9" PRIu64 " %9" PRIu64 "\n",
			p->port, p->name, p->ipackets, p->opackets, p->imissed,
			p->ierrors, p->oerrors);
	}
	for (i = 0; i < r->nb_ports; i++)
		fprintf(f, "  port %u %s: Rx burst %s, Tx burst %s\n",
			r->ports[i].port, r->ports[i].driver,
			r->ports[i].rx_burst_mode, r->ports[i].tx_burst_mode);
	fprintf(f, "  %-5s %6s %14s %7s %11s\n", "lcore", "queues", "packets",
		"busy %", "cycles/pkt");
	for (i = 0; i < r->nb_lcores; i++) {
		const struct lcore_result *l = &r->lcores[i];

		fprintf(f, "  %-5u %6u %14" PRIu64 " %7.1f %11.1f\n",
			l->lcore_id, l->nb_queues, l->packets, l->busy_pct,
			l->cycles_per_pkt);
	}
	fprintf(f, "  cycles per packet (all polling lcores): %.1f\n",
		r->cycles_per_pkt);
	if (r->has_latency) {
		const struct latency_result *l = &r->lat;

		fprintf(f, "  latency (ns) over %" PRIu64 " probes",
			l->samples);
		if (l->held != l->samples)
			fprintf(f, " (percentiles from %" PRIu64 ")", l->held);
		fprintf(f,
			":\n    min %.0f  median %.0f  p99 %.0f  p99.9 %.0f"
			"  max %.0f  mean %.0f\n",
			l->min_ns, l->median_ns, l->p99_ns, l->p999_ns,
			l->max_ns, l->mean_ns);
	}
}
