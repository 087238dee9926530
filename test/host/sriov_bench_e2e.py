#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""End-to-end tests of the built sriov-bench on virtual ports.

Each test runs the binary with --no-huge, a small -m, a unique
--file-prefix and net_null / net_ring vdevs, then checks its exit code,
its messages and its --json report.

Usage: sriov_bench_e2e.py BINARY TEST...   (or --list)
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

BIN = None
TESTS = {}


def test(fn):
    TESTS[fn.__name__] = fn
    return fn


class Fail(Exception):
    pass


def check(cond, what, seen=None):
    if not cond:
        raise Fail(what + ("" if seen is None else f" (seen: {seen!r})"))
    print(f"ok   {what}")


def check_eq(expected, seen, what):
    if expected != seen:
        raise Fail(f"{what}: expected {expected!r}, seen {seen!r}")
    print(f"ok   {what} = {seen!r}")


class Run:
    """One execution: exit code, stdout, stderr and the JSON report."""

    def __init__(self, rc, out, err, report):
        self.rc, self.out, self.err, self.report = rc, out, err, report


def eal(name, vdevs, lcores):
    prefix = f"sb-{name}-{os.getpid()}"
    args = ["-l", lcores, "--no-huge", "-m", "64", "--no-pci",
            "--no-telemetry", "--file-prefix", prefix,
            "--log-level", "*:warning"]
    for v in vdevs:
        args += ["--vdev", v]
    return args


def run(name, vdevs, app_args, lcores="0", json_report=True, timeout=30,
        interrupt_after=None, env=None):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "report.json")
        args = [BIN] + eal(name, vdevs, lcores) + ["--"] + app_args
        if json_report:
            args += ["--json", path]
        print("run: " + " ".join(args))
        p = subprocess.Popen(args, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
        head = ""
        if interrupt_after is not None:
            # The start line is printed once the handler is in place.
            head = p.stdout.readline()
            if not head.startswith("sriov-bench: "):
                p.kill()
                raise Fail(f"no start line before the signal: {head!r}")
            time.sleep(interrupt_after)
            p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=timeout)
            out = head + out
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            raise Fail(f"no exit within {timeout} s; stdout: {out[-2000:]}")
        sys.stdout.write(out)
        sys.stdout.write(err)
        report = None
        if json_report and os.path.exists(path):
            with open(path) as f:
                report = json.load(f)
        return Run(p.returncode, out, err, report)


def ok_run(name, vdevs, app_args, lcores="0", **kw):
    r = run(name, vdevs, app_args, lcores, **kw)
    check_eq(0, r.rc, "exit code")
    check(r.report is not None, "JSON report written and parses")
    return r


def port(r, n):
    return next(p for p in r.report["ports"] if p["port"] == n)


# IMIX 64:7,576:4,1500:1 in sending order, as the manual describes it
# (smooth weighted round-robin).
IMIX_ORDER = [64, 576, 64, 64, 576, 64, 1500, 64, 576, 64, 576, 64]


@test
def tx_count_exact():
    n = 1000003
    r = ok_run("txcount", ["net_null0"],
               ["--mode", "tx", "--count", str(n), "--quiet",
                "--size-mix", "64:7,576:4,1500:1"])
    j = r.report
    check_eq(n, j["tx"]["packets"], "tx packets = --count")
    check_eq(n, port(r, 0)["opackets"], "port opackets = --count")
    full, rest = divmod(n, len(IMIX_ORDER))
    check_eq(full * sum(IMIX_ORDER) + sum(IMIX_ORDER[:rest]),
             j["tx"]["bytes"], "tx bytes follow the size mix")
    check_eq(0, j["rx"]["packets"], "nothing received in tx mode")
    check_eq(None, j["loss"], "loss unknown in tx mode")
    check_eq(False, j["interrupted"], "not interrupted")
    check(j["cycles_per_packet"] > 0, "cycles per packet measured",
          j["cycles_per_packet"])
    check_eq(0, j["mbuf_exhaustion"]["total"], "no mbuf exhaustion")
    check("Tx " in r.out and "cycles per packet" in r.out,
          "summary table printed")


@test
def tx_count_exact_multi_queue():
    n = 100001
    r = ok_run("txmq", ["net_null0"],
               ["--mode", "tx", "--count", str(n), "--queues", "3",
                "--quiet"], lcores="0-1")
    j = r.report
    check_eq(n, j["tx"]["packets"], "tx packets = --count over 3 queues")
    check_eq(n, port(r, 0)["opackets"], "port opackets = --count")
    check_eq([(1, 3)], [(l["lcore"], l["queues"]) for l in j["lcores"]],
             "worker lcore 1 polls the 3 queues")


@test
def tx_rate_limit():
    rate = 20000
    r = ok_run("txrate", ["net_null0"],
               ["--mode", "tx", "--rate", "20k", "--duration", "1",
                "--quiet"])
    j = r.report
    due = rate * j["elapsed_s"]
    # Never above the rate plus the 10 ms credit cap (200 packets). Below
    # it when the shared machine takes the core away for longer than the
    # cap (by design: no catch-up bursts), so the lower bound is loose;
    # the pacing arithmetic itself is unit-tested exactly.
    check(j["tx"]["packets"] <= due + 200,
          f"tx packets at most {rate} pps x {j['elapsed_s']:.3f} s + 200",
          j["tx"]["packets"])
    check(j["tx"]["packets"] >= 0.1 * due,
          f"tx packets at least 10 % of {rate} pps x "
          f"{j['elapsed_s']:.3f} s", j["tx"]["packets"])
    # The deadline and the reported elapsed time are two TSC reads: allow
    # a millisecond of difference at the low end.
    check(0.999 <= j["elapsed_s"] <= 3, "ran 1 s", j["elapsed_s"])


@test
def tx_progress_lines():
    r = ok_run("txprog", ["net_null0"],
               ["--mode", "tx", "--duration", "2.5", "--rate", "1M"])
    times = [float(m.group(1)) for m in
             re.finditer(r"^\[ *(\d+\.\d) s\] tx +[\d.]+ Mpps +[\d.]+ "
                         r"Gbit/s \| drops \d+ nombuf \d+$", r.out, re.M)]
    # 2 lines in 2.5 s; 1 if the shared machine stalled the run a while.
    check(1 <= len(times) <= 2, "progress lines in 2.5 s: 1 or 2",
          len(times))
    check(times[0] >= 1.0 and all(b - a >= 1.0 for a, b in
                                  zip(times, times[1:])),
          "at least a second apart", times)


@test
def rx_count_exact():
    n = 500000
    r = ok_run("rxcount", ["net_null0"],
               ["--mode", "rx", "--count", str(n), "--quiet"])
    j = r.report
    check_eq(n, j["rx"]["packets"], "rx packets = --count")
    check_eq(n, port(r, 0)["ipackets"], "port ipackets = --count")
    check_eq("net_null", port(r, 0)["driver"], "driver name reported")
    # net_null hands out 64-byte buffers: 68-byte frames with the FCS.
    check_eq(68 * n, j["rx"]["bytes"], "rx bytes count the FCS")
    check_eq(None, j["loss"], "loss unknown in rx mode")


@test
def fwd_null_pair_macswap():
    r = ok_run("fwdnull", ["net_null0", "net_null1"],
               ["--mode", "fwd", "--peer-port", "1", "--fwd", "macswap",
                "--duration", "1", "--quiet"], lcores="0-1")
    j = r.report
    rx, tx = j["rx"]["packets"], j["tx"]["packets"]
    check(rx > 10000, "forwarded traffic", rx)
    check_eq(rx - tx, j["loss"], "loss = received - sent")
    check_eq(j["tx_drops"], j["loss"], "loss = packets Tx refused")
    check_eq(rx, port(r, 0)["ipackets"] + port(r, 1)["ipackets"],
             "rx = ipackets of both ports")
    check_eq(tx, port(r, 0)["opackets"] + port(r, 1)["opackets"],
             "tx = opackets of both ports")
    check_eq("macswap", j["config"]["fwd"], "macswap mode reported")
    check(all(re.fullmatch(r"([0-9A-F]{2}:){5}[0-9A-F]{2}", p["mac"])
              for p in j["ports"]), "port MAC addresses reported",
          [p["mac"] for p in j["ports"]])


@test
def fwd_count_exact():
    n = 100000
    r = ok_run("fwdcount", ["net_null0", "net_null1"],
               ["--mode", "fwd", "--peer-port", "1", "--count", str(n),
                "--quiet"])
    check_eq(n, r.report["rx"]["packets"], "fwd stops after --count")
    check_eq(n, r.report["tx"]["packets"], "all of them sent on")


@test
def fwd_ring_pair_tx_first():
    r = ok_run("fwdring", ["net_ring0", "net_ring1"],
               ["--mode", "fwd", "--peer-port", "1", "--tx-first", "64",
                "--duration", "1", "--quiet"], lcores="0-1")
    j = r.report
    p0, p1 = port(r, 0), port(r, 1)
    check_eq(128, j["seeded"], "64 packets seeded on each port")
    check(j["rx"]["packets"] > 1000, "seeded packets circulate",
          j["rx"]["packets"])
    check_eq(0, j["loss"], "no loss between two ring loops")
    check_eq(j["rx"]["packets"], j["tx"]["packets"], "rx = tx")
    check_eq(j["rx"]["packets"], p0["ipackets"] + p1["ipackets"],
             "rx = ipackets of both ports")
    # Every packet ever sent is either received or still in a ring: the
    # rings hold exactly the seeds at the end.
    check_eq(128, p0["opackets"] + p1["opackets"] - p0["ipackets"] -
             p1["ipackets"], "packets in flight at the end = seeds")


@test
def lat_ring_loopback():
    n = 20000
    r = ok_run("latring", ["net_ring0"],
               ["--mode", "lat", "--count", str(n), "--rate", "200k",
                "--quiet"])
    j = r.report
    lat = j["latency_ns"]
    check_eq(n, j["tx"]["packets"], "probes sent = --count")
    check_eq(n, j["rx"]["packets"], "probes back")
    check_eq(0, j["loss"], "no loss on a ring loopback")
    check_eq(n, lat["samples"], "one sample per probe")
    order = [lat[k] for k in ("min", "median", "p99", "p999", "max")]
    check(order == sorted(order), "min <= median <= p99 <= p99.9 <= max",
          order)
    check(lat["min"] > 0, "min latency above 0", lat["min"])
    # Same lcore sends and receives: only a stolen core (shared machine)
    # makes a round trip on a ring long.
    check(lat["max"] < 1e9, "max latency below 1 s", lat["max"])
    check(lat["min"] <= lat["mean"] <= lat["max"], "mean within range",
          lat["mean"])
    check("latency (ns) over 20000 probes" in r.out,
          "latency line in the summary")
    check_eq(0, j["unmatched"], "no unmatched probe frames")
    check("unmatched probe frames 0" in r.out, "unmatched in the summary")


@test
def lat_null_pair_no_probes():
    # net_null drops what it sends and hands out pool buffers on Rx: old
    # probes still in them must not count as round trips.
    n = 20000
    r = ok_run("latnull", ["net_null0", "net_null1"],
               ["--mode", "lat", "--peer-port", "1", "--count", str(n),
                "--rate", "200k", "--drain-ms", "50", "--quiet"])
    j = r.report
    check_eq(n, j["tx"]["packets"], "probes sent")
    check_eq(0, j["rx"]["packets"], "no probe back from net_null")
    check_eq(0, j["latency_ns"]["samples"], "no latency samples")
    check_eq(n, j["loss"], "every probe lost")
    check_eq(0, j["unmatched"], "no probe-like frame from this run")
    check("latency (ns) over 0 probes" in r.out, "summary: 0 probes")


@test
def lat_ring_two_queues():
    r = ok_run("latmq", ["net_ring0"],
               ["--mode", "lat", "--count", "4000", "--queues", "2",
                "--quiet"], lcores="0-1")
    j = r.report
    check_eq(4000, j["rx"]["packets"], "probes back over 2 queues")
    check_eq(4000, j["latency_ns"]["samples"], "samples over 2 queues")


@test
def lat_loss_counted():
    # Probes leave on ring 0 but are awaited on ring 1: none come back.
    r = ok_run("latloss", ["net_ring0", "net_ring1"],
               ["--mode", "lat", "--peer-port", "1", "--count", "500",
                "--drain-ms", "50", "--quiet"])
    j = r.report
    check_eq(500, j["tx"]["packets"], "probes sent")
    check_eq(500, j["loss"], "loss = sent - received")
    check_eq(100.0, j["loss_pct"], "loss 100 %")
    check_eq(0, j["latency_ns"]["samples"], "no samples")


@test
def sigint_ends_cleanly():
    r = run("sigint", ["net_null0"],
            ["--mode", "tx", "--duration", "60", "--quiet"],
            interrupt_after=1.5)
    check_eq(0, r.rc, "exit code after SIGINT")
    check(r.report is not None, "JSON report written")
    check_eq(True, r.report["interrupted"], "run marked interrupted")
    check(r.report["elapsed_s"] < 10, "stopped early",
          r.report["elapsed_s"])
    check(r.report["tx"]["packets"] > 0, "traffic counted",
          r.report["tx"]["packets"])
    check("(interrupted)" in r.out, "summary says interrupted")


def refused(name, vdevs, app_args, message, rc=1):
    r = run(name, vdevs, app_args)
    check_eq(rc, r.rc, "exit code")
    check(message in r.err, f"stderr has: {message}", r.err.strip())
    check(r.report is None, "no JSON report")


@test
def error_no_such_port():
    refused("noport", ["net_null0"], ["--mode", "tx", "--port", "5"],
            "sriov-bench: error: --port 5: no such port "
            "(1 port: 0 net_null0)")


@test
def error_no_such_peer_port():
    refused("nopeer", ["net_null0", "net_ring0"],
            ["--mode", "fwd", "--peer-port", "7"],
            "--peer-port 7: no such port (2 ports: 0 net_null0, "
            "1 net_ring0)")


@test
def error_no_ports_at_all():
    refused("noports", [], ["--mode", "rx"],
            "--port 0: no such port (0 ports; add --vdev or bind a device")


@test
def error_too_many_queues():
    refused("queues", ["net_ring0"], ["--mode", "rx", "--queues", "17"],
            "--queues 17: port 0 (net_ring0) offers 16 Rx and 16 Tx queues")


@test
def error_size_above_mtu():
    refused("mtu", ["net_null0"], ["--mode", "tx", "--size", "1600"],
            "frame size 1600 needs MTU 1582 but port 0 (net_null0) has "
            "MTU 1500")
    refused("mtumix", ["net_null0"],
            ["--mode", "tx", "--size-mix", "64:10,9000:1"],
            "frame size 9000 needs MTU 8982 but port 0 (net_null0)")
    refused("mtulat", ["net_ring0"], ["--mode", "lat", "--size", "1519"],
            "frame size 1519 needs MTU 1501 but port 0 (net_ring0)")
    r = ok_run("mtuok", ["net_null0"],
               ["--mode", "tx", "--size", "1518", "--count", "1000",
                "--quiet"])
    check_eq(1000 * 1518, r.report["tx"]["bytes"],
             "1518-byte frames fit MTU 1500")


@test
def error_pool_too_big():
    refused("pool", ["net_null0"], ["--mode", "tx", "--mbufs", "16M"],
            "cannot create a pool of 16000000 mbufs of 2176 bytes")


@test
def error_bad_options():
    refused("badopt", ["net_null0"], ["--mode", "tx", "--bogus"],
            "sriov-bench: error: unknown option --bogus (see --help)", rc=2)
    refused("badmix", ["net_null0"],
            ["--mode", "tx", "--size", "64", "--size-mix", "64:1"],
            "--size and --size-mix exclude each other", rc=2)


@test
def error_repeated_option():
    # Every option takes one value: a second one is refused, not ignored.
    refused("twomode", ["net_null0"],
            ["--mode", "tx", "--mode", "rx", "--count", "10"],
            "sriov-bench: error: --mode given twice (tx, then rx) "
            "(see --help)", rc=2)
    refused("twoquiet", ["net_null0"],
            ["--mode", "tx", "--quiet", "--count=10", "--quiet"],
            "sriov-bench: error: --quiet given twice (see --help)", rc=2)
    refused("twocount", ["net_null0"],
            ["--mode", "tx", "--count=10", "--count", "20"],
            "--count given twice (10, then 20)", rc=2)


@test
def error_json_unwritable():
    # Checked before the run: no traffic, no summary, no start line.
    r = run("jsonbad", ["net_null0"],
            ["--mode", "tx", "--count", "10", "--quiet", "--json",
             "/nonexistent-dir/report.json"], json_report=False)
    check_eq(1, r.rc, "exit code")
    check("--json /nonexistent-dir/report.json: No such file or directory"
          in r.err, "error names the file", r.err.strip())
    check("sriov-bench: tx on" not in r.out and "Tx " not in r.out,
          "refused before the run", r.out.strip())
    with tempfile.TemporaryDirectory() as tmp:
        r = run("jsondir", ["net_null0"],
                ["--mode", "tx", "--count", "10", "--json", tmp],
                json_report=False)
        check_eq(1, r.rc, "exit code for a directory")
        check(f"--json {tmp}: Is a directory" in r.err,
              "error says it is a directory", r.err.strip())
        check("Tx " not in r.out, "refused before the run", r.out.strip())
        # A setup failure after the file was opened leaves nothing behind,
        # and an existing report is left as it was.
        path = os.path.join(tmp, "new.json")
        r = run("jsonleft", ["net_null0"],
                ["--mode", "tx", "--port", "5", "--json", path],
                json_report=False)
        check_eq(1, r.rc, "exit code for no such port")
        check(not os.path.exists(path), "no empty report left behind")
        old = os.path.join(tmp, "old.json")
        with open(old, "w") as f:
            f.write("{}\n")
        run("jsonkeep", ["net_null0"],
            ["--mode", "tx", "--port", "5", "--json", old],
            json_report=False)
        with open(old) as f:
            check_eq("{}\n", f.read(), "existing report untouched")


def svg_text(path):
    """The SVG gnuplot wrote, and the text of its labels."""
    with open(path) as f:
        svg = f.read()
    check(svg.startswith("<?xml") and "<svg" in svg, "an SVG document")
    check("Produced by GNUPLOT" in svg, "written by gnuplot")
    return svg, re.findall(r"<text>([^<]*)</text>", svg)


@test
def plot_ring_fwd():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fwd.svg")
        r = ok_run("plotfwd", ["net_ring0", "net_ring1"],
                   ["--mode", "fwd", "--peer-port", "1", "--tx-first", "32",
                    "--duration", "2.5", "--quiet", "--plot", path],
                   lcores="0-1")
        svg, texts = svg_text(path)
    for port in ("port 0 (net_ring0)", "port 1 (net_ring1)"):
        for d in ("rx", "tx"):
            check(f"{port} {d}" in texts, f"legend names {port} {d}", texts)
    check("sriov-bench fwd: packets per second" in texts, "rates title")
    check(not any(t.startswith("p99") for t in texts),
          "no latency panel outside lat mode")
    check(r.report["rx"]["packets"] > 0, "traffic ran")


@test
def plot_ring_lat():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "lat.svg")
        r = ok_run("plotlat", ["net_ring0"],
                   ["--mode", "lat", "--count", "5000", "--rate", "20k",
                    "--quiet", "--plot", path])
        svg, texts = svg_text(path)
    lat = r.report["latency_ns"]
    check("port 0 (net_ring0) rx" in texts, "legend names the port", texts)
    check("round-trip latency over 5000 probes" in texts,
          "latency panel title", texts)
    for label, key in (("p50", "median"), ("p99", "p99"),
                       ("p99.9", "p999")):
        want = f"{label} {lat[key]:.0f} ns"
        check(want in texts, f"percentile marked: {want}", texts)


@test
def error_plot_without_gnuplot():
    # No gnuplot in PATH: refused before the run, nothing written.
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "x.svg")
        r = run("plotnognu", ["net_null0"],
                ["--mode", "tx", "--count", "10", "--plot", path],
                env=dict(os.environ, PATH=tmp))
        check_eq(1, r.rc, "exit code")
        check("sriov-bench: error: --plot: gnuplot not found in PATH"
              in r.err, "error says gnuplot is missing", r.err.strip())
        check("sriov-bench: tx on" not in r.out and "Tx " not in r.out,
              "refused before the run", r.out.strip())
        check(r.report is None, "no JSON report")
        check(not os.path.exists(path), "no plot file")
        r = run("plotbad", ["net_null0"],
                ["--mode", "tx", "--count", "10", "--plot",
                 "/nonexistent-dir/x.svg"])
        check_eq(1, r.rc, "exit code for an unwritable plot")
        check("--plot /nonexistent-dir/x.svg: No such file or directory"
              in r.err, "error names the plot file", r.err.strip())
        check("Tx " not in r.out, "refused before the run")


@test
def help_text():
    r = run("help", ["net_null0"], ["--help"], json_report=False)
    check_eq(0, r.rc, "exit code")
    check("Usage: sriov-bench [EAL args] -- --mode tx|rx|fwd|lat" in r.out,
          "usage printed")


def main():
    global BIN
    if len(sys.argv) >= 2 and sys.argv[1] == "--list":
        print("\n".join(TESTS))
        return 0
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    failed = 0
    for name in sys.argv[2:]:
        try:
            TESTS[name]()
            print(f"PASS {name}")
        except Fail as e:
            print(f"FAIL {name}: {e}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
