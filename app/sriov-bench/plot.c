/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "plot.h"

/* Points of the CDF drawn at most (the samples held are evenly picked). */
#define CDF_POINTS 2000u

static char gnuplot[PATH_MAX];

int
plot_check(char *err, size_t err_len)
{
	const char *path = getenv("PATH");

	while (path != NULL && *path != '\0') {
		const char *end = strchr(path, ':');
		size_t len = end != NULL ? (size_t)(end - path) : strlen(path);
		struct stat st;

		/* An empty PATH entry is the current directory. */
		if (snprintf(gnuplot, sizeof(gnuplot), "%.*s/gnuplot",
			    (int)(len != 0 ? len : 1),
			    len != 0 ? path : ".") < (int)sizeof(gnuplot) &&
			stat(gnuplot, &st) == 0 && S_ISREG(st.st_mode) &&
			access(gnuplot, X_OK) == 0)
			return 0;
		path = end != NULL ? end + 1 : NULL;
	}
	gnuplot[0] = '\0';
	snprintf(err, err_len,
		"--plot: gnuplot not found in PATH (Debian package "
		"gnuplot-nox)");
	return -1;
}

/* A gnuplot single-quoted string: a quote inside is doubled. */
static void
put_quoted(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			fputc('\'', f);
		fputc(*s, f);
	}
	fputc('\'', f);
}

/* Time, then Rx and Tx packets/s of each port, one line per interval. */
static int
write_rates(const char *path, const struct series *s)
{
	FILE *f = fopen(path, "w");
	size_t i;
	unsigned int p;

	if (f == NULL)
		return -1;
	for (i = 1; i < s->len; i++) {
		fprintf(f, "%.3f", s->v[i].t);
		for (p = 0; p < s->nb_ports; p++)
			fprintf(f, " %.1f %.1f", series_rx_pps(s, i, p),
				series_tx_pps(s, i, p));
		fputc('\n', f);
	}
	/* No interval at all (stopped at once): one zero line, so the
	 * panel is drawn rather than gnuplot failing on empty data. */
	if (s->len < 2) {
		fprintf(f, "0");
		for (p = 0; p < s->nb_ports; p++)
			fprintf(f, " 0 0");
		fputc('\n', f);
	}
	return fclose(f) == 0 ? 0 : -1;
}

/* Latency in ns and the share of samples at or below it. */
static int
write_cdf(const char *path, const struct sample_set *lat, uint64_t hz)
{
	FILE *f = fopen(path, "w");
	size_t n = lat->len, k, pts = n < CDF_POINTS ? n : CDF_POINTS;

	if (f == NULL)
		return -1;
	for (k = 0; k < pts; k++) {
		size_t i = pts > 1 ? k * (n - 1) / (pts - 1) : 0;
		double ns = (double)lat->v[i] * 1e9 / (double)hz;

		/* Log scale: a 0 ns sample is drawn at 1 ns. */
		fprintf(f, "%.1f %.6f\n", ns < 1 ? 1 : ns,
			(double)(i + 1) / (double)n);
	}
	return fclose(f) == 0 ? 0 : -1;
}

static void
script_rates(FILE *f, const char *dir, const struct bench_opts *o,
	const struct bench_result *r)
{
	unsigned int p;

	fprintf(f, "set title 'sriov-bench %s: packets per second'\n",
		bench_mode_name(o->mode));
	fprintf(f,
		"set xlabel 'time (s)'\nset ylabel 'packets/s'\n"
		"set xrange [0:*]\nset yrange [0:*]\nset grid\n"
		"set key below\nset format y '%%.1s%%c'\nplot ");
	for (p = 0; p < r->nb_ports; p++) {
		char title[128];
		int dir_i;

		for (dir_i = 0; dir_i < 2; dir_i++) {
			fprintf(f, "%s", p + dir_i == 0 ? "" : ", \\\n  ");
			put_quoted(f, dir);
			fprintf(f,
				" . '/rates.dat' using 1:%u with linespoints "
				"title ",
				2 + 2 * p + dir_i);
			snprintf(title, sizeof(title), "port %u (%s) %s",
				r->ports[p].port, r->ports[p].name,
				dir_i == 0 ? "rx" : "tx");
			put_quoted(f, title);
		}
	}
	fputc('\n', f);
}

static void
mark(FILE *f, const char *name, double ns, double y)
{
	fprintf(f,
		"set arrow from %.1f, graph 0 to %.1f, graph 1 nohead dt 2\n"
		"set label '%s %.0f ns' at %.1f, graph %.2f offset 0.5, 0\n",
		ns < 1 ? 1 : ns, ns < 1 ? 1 : ns, name, ns, ns < 1 ? 1 : ns, y);
}

static void
script_latency(FILE *f, const char *dir, const struct bench_result *r)
{
	const struct latency_result *l = &r->lat;

	fprintf(f,
		"reset\nset title 'round-trip latency over %llu probes'\n"
		"set xlabel 'latency (ns)'\nset ylabel 'share of probes'\n"
		"set grid\nset key off\nset yrange [0:1]\n",
		(unsigned long long)l->samples);
	if (l->held == 0) {
		fprintf(f,
			"set xrange [1:10]\nset logscale x\n"
			"set label 'no probe came back' at graph 0.4, "
			"graph 0.5\nplot 2 notitle\n");
		return;
	}
	mark(f, "p50", l->median_ns, 0.25);
	mark(f, "p99", l->p99_ns, 0.55);
	mark(f, "p99.9", l->p999_ns, 0.85);
	fprintf(f, "set logscale x\nplot ");
	put_quoted(f, dir);
	fprintf(f, " . '/cdf.dat' using 1:2 with steps notitle\n");
}

static int
write_script(const char *path, const char *dir, const struct bench_opts *o,
	const struct bench_result *r)
{
	FILE *f = fopen(path, "w");
	bool lat = r->has_latency;

	if (f == NULL)
		return -1;
	/* noenhanced: "net_ring0" is a name, not a subscript. */
	fprintf(f,
		"set terminal svg size 900,%u dynamic noenhanced "
		"font 'sans,12'\nset output ",
		lat ? 900u : 500u);
	put_quoted(f, dir);
	fprintf(f, " . '/plot.svg'\n");
	if (lat)
		fprintf(f, "set multiplot layout 2,1\n");
	script_rates(f, dir, o, r);
	if (lat) {
		script_latency(f, dir, r);
		fprintf(f, "unset multiplot\n");
	}
	return fclose(f) == 0 ? 0 : -1;
}

static int
run_gnuplot(const char *script)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execl(gnuplot, "gnuplot", script, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static int
copy_svg(FILE *out, void *arg)
{
	FILE *in = fopen(arg, "r");
	char buf[8192];
	size_t n;

	if (in == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), in)) != 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	n = ferror(in) || ferror(out);
	fclose(in);
	return n != 0 ? -1 : 0;
}

int
plot_draw(struct out_file *f, const struct bench_opts *o,
	const struct bench_result *r, const struct series *s,
	const struct sample_set *lat, uint64_t hz)
{
	static const char *const names[] = {
		"rates.dat", "cdf.dat", "plot.gp", "plot.svg"};
	const char *tmp = getenv("TMPDIR");
	char dir[PATH_MAX], p[4][PATH_MAX + 16];
	const char *why = NULL;
	unsigned int i;
	int ret = -1;

	if (f->path == NULL)
		return 0;
	snprintf(dir, sizeof(dir), "%s/sriov-bench-plot.XXXXXX",
		tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		fprintf(stderr, "sriov-bench: error: --plot: %s: %s\n", dir,
			strerror(errno));
		out_file_abandon(f);
		return -1;
	}
	for (i = 0; i < 4; i++)
		snprintf(p[i], sizeof(p[i]), "%s/%s", dir, names[i]);
	if (write_rates(p[0], s) != 0 ||
		(lat != NULL && write_cdf(p[1], lat, hz) != 0) ||
		write_script(p[2], dir, o, r) != 0)
		why = "cannot write gnuplot's input";
	else if (run_gnuplot(p[2]) != 0)
		why = "gnuplot failed";
	if (why != NULL) {
		fprintf(stderr, "sriov-bench: error: --plot %s: %s (in %s)\n",
			f->path, why, dir);
		out_file_abandon(f);
		return -1;
	}
	ret = out_file_write(f, copy_svg, p[3]);
	for (i = 0; i < 4; i++)
		unlink(p[i]);
	rmdir(dir);
	return ret;
}
