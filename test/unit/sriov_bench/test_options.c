/* SPDX-License-Identifier: BSD-3-Clause */
/* Command line of sriov-bench: defaults, every option, every error. */
#include <stdlib.h>

#include "igb_check.h"
#include "options.h"

#define MAX_ARGS 64

static char err[512];

/* Parse a space-separated command line (no quoting: "--opt=" gives an
 * empty value). */
static int
parse(struct bench_opts *o, const char *line)
{
	static char buf[1024];
	char *argv[MAX_ARGS];
	int argc = 0;
	char *tok;

	snprintf(buf, sizeof(buf), "%s", line);
	argv[argc++] = (char *)"sriov-bench";
	for (tok = strtok(buf, " "); tok != NULL && argc < MAX_ARGS;
		tok = strtok(NULL, " "))
		argv[argc++] = tok;
	err[0] = '\0';
	return bench_opts_parse(o, argc, argv, err, sizeof(err));
}

static void
test_defaults(void)
{
	struct bench_opts o;

	CHECK_EQ("'--mode tx' parses", 0, (uint64_t)parse(&o, "--mode tx"));
	CHECK_EQ("default mode tx", BENCH_MODE_TX, o.mode);
	CHECK_EQ("default port 0", 0, o.port);
	CHECK_EQ("default peer port = port", 0, o.peer_port);
	CHECK_EQ("default 1 queue", 1, o.queues);
	CHECK_EQ("default one size", 1, o.sizes.nb_entries);
	CHECK_EQ("default size 64", 64, o.sizes.size[0]);
	CHECK_EQ("default burst 32", 32, o.burst);
	CHECK_DBL("default duration 10 s", 10, o.duration, 0);
	CHECK_EQ("default no count", 0, o.count);
	CHECK_EQ("tx default rate unlimited", 0, o.rate);
	CHECK_EQ("default src ip 198.18.0.1", 0xc6120001, o.src_ip);
	CHECK_EQ("default dst ip 198.18.0.2", 0xc6120002, o.dst_ip);
	CHECK_EQ("default sport 49152", 49152, o.sport);
	CHECK_EQ("default dport 9", 9, o.dport);
	CHECK_EQ("default 1 flow", 1, o.flows);
	CHECK_EQ("default macs from the ports", 0,
		o.src_mac_set || o.dst_mac_set);
	CHECK_EQ("default not quiet", 0, o.quiet);
	CHECK_EQ("default no json", 1, o.json_path == NULL);
	CHECK_EQ("default no plot", 1, o.plot_path == NULL);
	CHECK_EQ("default 1024 rx descriptors", 1024, o.rxd);
	CHECK_EQ("default drain 100 ms", 100, o.drain_ms);
	CHECK_DBL("default link wait 5 s", 5, o.link_wait, 0);
	CHECK_EQ("default polls without Rx interrupts", 0, o.rx_intr);

	parse(&o, "--mode lat");
	CHECK_EQ("lat default rate 10000 pps", BENCH_DEFAULT_LAT_RATE, o.rate);
	parse(&o, "--mode lat --rate 0");
	CHECK_EQ("lat --rate 0 means unlimited", 0, o.rate);
	parse(&o, "--mode rx --count 5");
	CHECK_DBL("--count alone: no duration", 0, o.duration, 0);
	parse(&o, "--mode rx --count 5 --duration 2");
	CHECK_DBL("--count and --duration: duration kept", 2, o.duration, 0);
	CHECK_EQ("--count and --duration: count kept", 5, o.count);
	parse(&o, "--mode fwd --port 3");
	CHECK_EQ("fwd peer defaults to --port", 3, o.peer_port);
}

static void
test_every_option(void)
{
	struct bench_opts o;
	int ret;

	ret = parse(&o,
		"--mode fwd --port 1 --peer-port=2 --queues 4 "
		"--size 1518 --burst 64 --duration 2.5 --count 3M "
		"--src-mac 02:00:00:00:00:aA --dst-mac=0a:0b:0c:0d:0e:0f "
		"--src-ip 198.19.1.2 --dst-ip 198.19.255.254 --sport 1000 "
		"--dport 2000 --flows 16 --fwd macswap --tx-first 100 "
		"--json out.json --plot p.svg --quiet --rxd 512 --txd=256 "
		"--mbufs 64k "
		"--link-wait 0");
	CHECK_EQ("full fwd command line parses", 0, (uint64_t)ret);
	CHECK_STR("  no error message", "", err);
	CHECK_EQ("--mode fwd", BENCH_MODE_FWD, o.mode);
	CHECK_EQ("--port 1", 1, o.port);
	CHECK_EQ("--peer-port=2", 2, o.peer_port);
	CHECK_EQ("--queues 4", 4, o.queues);
	CHECK_EQ("--size 1518", 1518, o.sizes.size[0]);
	CHECK_EQ("--burst 64", 64, o.burst);
	CHECK_DBL("--duration 2.5", 2.5, o.duration, 0);
	CHECK_EQ("--count 3M", 3000000, o.count);
	CHECK_EQ("--src-mac byte 5 (mixed case hex)", 0xaa,
		o.src_mac.addr_bytes[5]);
	CHECK_EQ("--src-mac set", 1, o.src_mac_set);
	CHECK_EQ("--dst-mac byte 0", 0x0a, o.dst_mac.addr_bytes[0]);
	CHECK_EQ("--dst-mac byte 5", 0x0f, o.dst_mac.addr_bytes[5]);
	CHECK_EQ("--src-ip 198.19.1.2", 0xc6130102, o.src_ip);
	CHECK_EQ("--dst-ip 198.19.255.254", 0xc613fffe, o.dst_ip);
	CHECK_EQ("--sport 1000", 1000, o.sport);
	CHECK_EQ("--dport 2000", 2000, o.dport);
	CHECK_EQ("--flows 16", 16, o.flows);
	CHECK_EQ("--fwd macswap", BENCH_FWD_MACSWAP, o.fwd);
	CHECK_EQ("--tx-first 100", 100, o.tx_first);
	CHECK_STR("--json out.json", "out.json", o.json_path);
	CHECK_STR("--plot p.svg", "p.svg", o.plot_path);
	CHECK_EQ("--quiet", 1, o.quiet);
	CHECK_EQ("--rxd 512", 512, o.rxd);
	CHECK_EQ("--txd=256", 256, o.txd);
	CHECK_EQ("--mbufs 64k", 64000, o.mbufs);
	CHECK_DBL("--link-wait 0", 0, o.link_wait, 0);

	ret = parse(&o, "--mode fwd --fwd icmpecho --rx-intr");
	CHECK_EQ("fwd icmpecho with --rx-intr parses", 0, (uint64_t)ret);
	CHECK_EQ("--fwd icmpecho", BENCH_FWD_ICMPECHO, o.fwd);
	CHECK_STR("icmpecho: its name", "icmpecho", bench_fwd_name(o.fwd));
	CHECK_EQ("--rx-intr in fwd", 1, o.rx_intr);
	ret = parse(&o, "--mode rx --rx-intr");
	CHECK_EQ("rx with --rx-intr parses", 0, (uint64_t)ret);
	CHECK_EQ("--rx-intr in rx", 1, o.rx_intr);

	/* DPDK's rte_ether_unformat_addr also reads three 16-bit groups. */
	ret = parse(&o, "--mode tx --dst-mac 0a0b:0c0d:0e0f");
	CHECK_EQ("--dst-mac in 3 groups parses", 0, (uint64_t)ret);
	CHECK_EQ("--dst-mac 3 groups: byte 0", 0x0a, o.dst_mac.addr_bytes[0]);
	CHECK_EQ("--dst-mac 3 groups: byte 5", 0x0f, o.dst_mac.addr_bytes[5]);

	ret = parse(&o, "--mode tx --size-mix 64:7,576:4,1500:1 --rate 2M");
	CHECK_EQ("tx with size mix and rate parses", 0, (uint64_t)ret);
	CHECK_EQ("--size-mix: 3 sizes", 3, o.sizes.nb_entries);
	CHECK_EQ("--size-mix: pattern of 12", 12, o.sizes.pattern_len);
	CHECK_EQ("--rate 2M", 2000000, o.rate);
	parse(&o, "--mode lat --rate 500k --peer-port 1 --drain-ms 0");
	CHECK_EQ("--rate 500k", 500000, o.rate);
	CHECK_EQ("--drain-ms 0", 0, o.drain_ms);
	parse(&o, "--mode tx --count 2G --rate 1G");
	CHECK_EQ("--count 2G", 2000000000ULL, o.count);
	CHECK_EQ("--rate 1G (the ceiling)", BENCH_MAX_RATE, o.rate);
	parse(&o, "--mode tx --sport 65520 --flows 16");
	CHECK_EQ("flows may reach UDP port 65535", 16, o.flows);
	parse(&o, "--mode fwd --fwd io --peer-port 1");
	CHECK_EQ("mode checks run once every option is read", BENCH_MODE_FWD,
		o.mode);

	CHECK_EQ("-h asks for help", 1, (uint64_t)parse(&o, "-h"));
	CHECK_EQ("--help asks for help", 1,
		(uint64_t)parse(&o, "--mode tx --help"));
}

struct bad_case {
	const char *line;
	const char *message; /* expected part of the error */
};

static const struct bad_case bad_cases[] = {
	{"", "--mode is required"},
	{"--port 1", "--mode is required"},
	{"--mode foo", "--mode foo: must be tx, rx, fwd or lat"},
	{"--mode tx --bogus 1", "unknown option --bogus"},
	{"--mode tx --bogus=1", "unknown option --bogus"},
	{"--mode tx extra", "unexpected argument 'extra'"},
	{"--mode tx -q", "unexpected argument '-q'"},
	{"--mode tx --", "unexpected argument '--'"},
	{"--mode tx --port", "option --port needs a value"},
	{"--mode tx --quiet=1", "option --quiet takes no value"},
	{"--mode tx --port abc", "--port abc: not a number"},
	{"--mode tx --port -1", "--port -1: not a number"},
	{"--mode tx --port 65535", "--port 65535: must be 0..65534"},
	{"--mode tx --port 99999999999999999999", "not a number"},
	{"--mode tx --queues 0", "--queues 0: must be 1..1024"},
	{"--mode tx --queues 1025", "--queues 1025: must be 1..1024"},
	{"--mode tx --queues 2k", "--queues 2k: not a number"},
	{"--mode tx --size 63", "--size 63: must be 64..9600"},
	{"--mode tx --size 9601", "--size 9601: must be 64..9600"},
	{"--mode tx --size-mix=", "--size-mix : empty size mix"},
	{"--mode tx --size-mix 64:0", "weight 0 of size 64 out of range"},
	{"--mode tx --size-mix 64:x", "bad size mix entry '64:x'"},
	{"--mode tx --size-mix abc", "bad size mix entry 'abc'"},
	{"--mode tx --size-mix 64:7,", "bad size mix entry ''"},
	{"--mode tx --size-mix 64:1:2", "bad size mix entry '64:1:2'"},
	{"--mode tx --size-mix 32:1", "size 32 out of range 64..9600"},
	{"--mode tx --size-mix 64:1000,128:25",
		"weights add up to more than 1024"},
	{"--mode tx --size-mix 64,65,66,67,68,69,70,71,72,73,74,75,76,77,"
	 "78,79,80",
		"more than 16 sizes in the mix"},
	{"--mode tx --size 64 --size-mix 64:1",
		"--size and --size-mix exclude each other"},
	{"--mode rx --size 128", "do not apply to rx mode"},
	{"--mode rx --rate 1000", "--rate applies to tx and lat modes, not rx"},
	{"--mode fwd --rate 1000",
		"--rate applies to tx and lat modes, not fwd"},
	{"--mode tx --rate 1000000001", "must be 0..1000000000"},
	{"--mode tx --rate 5X", "--rate 5X: not a number"},
	{"--mode tx --rate 1.5M", "--rate 1.5M: not a number"},
	{"--mode tx --rate 20000000000G", "not a number"},
	{"--mode tx --rate 1 --queues 2",
		"--rate 1 is below one packet per second per queue"},
	{"--mode tx --burst 0", "--burst 0: must be 1..512"},
	{"--mode tx --burst 513", "--burst 513: must be 1..512"},
	{"--mode tx --duration 0", "--duration 0: must be above 0"},
	{"--mode tx --duration -1", "--duration -1: must be above 0"},
	{"--mode tx --duration abc", "not a number of seconds"},
	{"--mode tx --duration 1s", "not a number of seconds"},
	{"--mode tx --duration inf", "not a number of seconds"},
	{"--mode tx --duration 2e6", "at most 1e+06 seconds"},
	{"--mode tx --count 0", "--count 0: must be 1.."},
	{"--mode tx --count many", "--count many: not a number"},
	{"--mode tx --src-mac 02:00:00:00:00", "not a MAC address"},
	{"--mode tx --src-mac 02:00:00:00:00:0g", "not a MAC address"},
	{"--mode tx --dst-mac 02-00-00-00-00-01", "not a MAC address"},
	{"--mode tx --dst-mac 02:00:00:00:00:001", "not a MAC address"},
	{"--mode tx --dst-mac 02:00:00:00:00:01x", "not a MAC address"},
	{"--mode tx --dst-mac 2:00:00:00:00:01", "not a MAC address"},
	{"--mode tx --dst-mac +2:00:00:00:00:01", "not a MAC address"},
	{"--mode tx --dst-mac 0200.0000.0001", "not a MAC address"},
	{"--mode tx --dst-mac=", "not a MAC address"},
	{"--mode tx --src-ip 198.18.0", "--src-ip 198.18.0: not an IPv4"},
	{"--mode tx --dst-ip 300.1.1.1", "--dst-ip 300.1.1.1: not an IPv4"},
	{"--mode tx --sport 65536", "--sport 65536: must be 0..65535"},
	{"--mode tx --dport x", "--dport x: not a number"},
	{"--mode tx --flows 0", "--flows 0: must be 1..65536"},
	{"--mode tx --flows 65537", "--flows 65537: must be 1..65536"},
	{"--mode tx --sport 65535 --flows 2", "runs past UDP port 65535"},
	{"--mode tx --src-ip 255.255.255.255 --flows 2 --sport 0",
		"runs past 255.255.255.255"},
	{"--mode fwd --fwd swap",
		"--fwd swap: must be io, macswap or icmpecho"},
	{"--mode tx --rx-intr",
		"--rx-intr applies to rx and fwd modes, not tx"},
	{"--mode lat --rx-intr",
		"--rx-intr applies to rx and fwd modes, not lat"},
	{"--mode rx --rx-intr --rx-intr", "--rx-intr given twice"},
	{"--mode rx --rx-intr=1", "option --rx-intr takes no value"},
	{"--mode tx --fwd io", "--fwd applies to fwd mode, not tx"},
	{"--mode tx --peer-port 1",
		"--peer-port applies to fwd and lat modes, not tx"},
	{"--mode rx --peer-port 1",
		"--peer-port applies to fwd and lat modes, not rx"},
	{"--mode lat --tx-first 1", "--tx-first applies to fwd mode, not lat"},
	{"--mode fwd --tx-first 0", "--tx-first 0: must be 1..4096"},
	{"--mode fwd --tx-first 4097", "--tx-first 4097: must be 1..4096"},
	{"--mode tx --drain-ms 5", "--drain-ms applies to lat mode, not tx"},
	{"--mode lat --drain-ms 60001", "--drain-ms 60001: must be 0..60000"},
	{"--mode tx --json=", "--json: empty file name"},
	{"--mode tx --plot=", "--plot: empty file name"},
	{"--mode tx --plot a.svg --plot b.svg",
		"--plot given twice (a.svg, then b.svg)"},
	{"--mode tx --rxd 16", "--rxd 16: must be 32..32768"},
	{"--mode tx --txd 40000", "--txd 40000: must be 32..32768"},
	{"--mode tx --mbufs 100", "--mbufs 100: must be 1024..16777216"},
	{"--mode tx --link-wait 601", "must be 0..600 seconds"},
	{"--mode tx --link-wait -1", "must be 0..600 seconds"},
	{"--mode tx --mode rx", "--mode given twice (tx, then rx)"},
	{"--mode tx --mode=tx", "--mode given twice (tx, then tx)"},
	{"--mode tx --port 0 --port=1", "--port given twice (0, then 1)"},
	{"--mode tx --quiet --quiet", "--quiet given twice"},
	{"--mode tx --json a --json b", "--json given twice (a, then b)"},
	{"--mode tx --size 64 --size 128", "--size given twice"},
};

static void
test_errors(void)
{
	struct bench_opts o;
	unsigned int i;

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		char what[256];
		int ret = parse(&o, c->line);

		snprintf(what, sizeof(what), "'%s' is refused", c->line);
		CHECK_EQ(what, (uint64_t)-1, (uint64_t)ret);
		snprintf(what, sizeof(what), "  with \"%s\"", c->message);
		CHECK_CONTAINS(what, c->message, err);
	}
}

int
main(void)
{
	test_defaults();
	test_every_option();
	test_errors();
	return check_exit();
}
