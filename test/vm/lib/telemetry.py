#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Ask a DPDK process one telemetry question (socket protocol v2).

usage: telemetry.py FILE_PREFIX COMMAND [--vf N]

Prints the reply as key=value lines: the top-level scalars, then with
--vf N the fields of entry N of the "vfs" list (igb_pf's /igb_pf/vfs and
/igb_pf/mbx), lists joined by commas. Without --vf the whole reply is
printed as JSON. Exit status 1 with one line on stderr if the process
cannot be reached or the reply is not what was asked.
"""
import json
import socket
import sys


def ask(prefix, cmd):
    path = f"/var/run/dpdk/{prefix}/dpdk_telemetry.v2"
    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    s.settimeout(90)  # a loaded TCG guest answers slowly
    s.connect(path)
    hello = json.loads(s.recv(1 << 16))
    s.send(cmd.encode())
    reply = json.loads(s.recv(hello.get("max_output_len", 1 << 16)))
    s.close()
    key = cmd.split(",", 1)[0]
    if key not in reply:
        raise ValueError(f"no '{key}' in the reply: {reply}")
    return reply[key]


def scalar(v):
    if isinstance(v, list):
        return ",".join(str(x) for x in v)
    return str(v)


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--vf"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        data = ask(argv[1], argv[2])
    except (OSError, ValueError) as e:
        print(f"telemetry {argv[1]} {argv[2]}: {e}", file=sys.stderr)
        return 1
    if len(argv) == 3:
        print(json.dumps(data, sort_keys=True))
        return 0
    vf = int(argv[4])
    vfs = [e for e in data.get("vfs", []) if e.get("vf") == vf]
    if not vfs:
        print(f"telemetry {argv[2]}: no VF {vf}", file=sys.stderr)
        return 1
    for k, v in data.items():
        if k != "vfs":
            print(f"{k}={scalar(v)}")
    for k, v in vfs[0].items():
        print(f"{k}={scalar(v)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
