#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Ask a DPDK process's telemetry socket one command.

usage: dpdk_telemetry.py FILE_PREFIX COMMAND [VF KEY | --vf VF | --vfs]
Prints the JSON answer; with VF and KEY one field of VF's entry in the
answer's "vfs" dict, keyed by VF number (the /igb_pf/vfs, /igb_pf/mbx and
/igb_pf/regs layout); with --vf VF key=value lines: the answer's scalars,
then the fields of VF's entry (lists joined by commas); with --vfs the
scalars, then VF.key=value lines for every VF (one snapshot of all of
them, in one round trip). Exit status 1 with
one line on stderr if the process cannot be reached or the answer lacks
what was asked.
"""
import json
import socket
import sys


def query(prefix, cmd):
    path = "/var/run/dpdk/%s/dpdk_telemetry.v2" % prefix
    with socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as s:
        s.settimeout(90)  # a loaded TCG guest answers slowly
        s.connect(path)
        info = json.loads(s.recv(65536).decode())
        s.send(cmd.encode())
        return json.loads(s.recv(info.get("max_output_len", 16384)).decode())


def text(v):
    if isinstance(v, list):
        return ",".join(str(x) for x in v)
    return str(v)


def vf_entry(body, vf, answer):
    entry = body.get("vfs", {}).get(vf)
    if not isinstance(entry, dict):
        sys.exit("telemetry: no VF %s in %s" % (vf, answer))
    return entry


def main(argv):
    if len(argv) not in (3, 4, 5) or (len(argv) == 4 and argv[3] != "--vfs"):
        sys.exit(__doc__.strip().splitlines()[2])
    try:
        answer = query(argv[1], argv[2])
    except (OSError, ValueError) as e:
        sys.exit("telemetry %s %s: %s" % (argv[1], argv[2], e))
    if len(argv) == 3:
        print(json.dumps(answer))
        return
    body = answer.get(argv[2].split(",")[0])
    if not isinstance(body, dict):
        sys.exit("telemetry: no answer to %s: %s" % (argv[2], answer))
    if argv[3] == "--vfs":
        vfs = body.get("vfs")
        if not isinstance(vfs, dict):
            sys.exit("telemetry: no VFs in %s" % answer)
        for k, v in body.items():
            if k != "vfs":
                print("%s=%s" % (k, text(v)))
        for vf in sorted(vfs, key=int):
            for k, v in vf_entry(body, vf, answer).items():
                print("%s.%s=%s" % (vf, k, text(v)))
        return
    if argv[3] == "--vf":
        entry = vf_entry(body, argv[4], answer)
        for k, v in body.items():
            if k != "vfs":
                print("%s=%s" % (k, text(v)))
        for k, v in entry.items():
            print("%s=%s" % (k, text(v)))
        return
    entry = vf_entry(body, argv[3], answer)
    if argv[4] not in entry:
        sys.exit("telemetry: no %s of VF %s in %s" % (argv[4], argv[3], answer))
    print(text(entry[argv[4]]))


if __name__ == "__main__":
    main(sys.argv)
