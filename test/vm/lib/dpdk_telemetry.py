#!/usr/bin/env python3
"""Ask a DPDK process's telemetry socket one command.

usage: dpdk_telemetry.py FILE_PREFIX COMMAND [VF KEY]
Prints the JSON answer, or with VF and KEY one field of VF's entry in the
answer's "vfs" dict, keyed by VF number (the /igb_pf/vfs and /igb_pf/mbx
layout).
"""
import json
import socket
import sys


def query(prefix, cmd):
    path = "/var/run/dpdk/%s/dpdk_telemetry.v2" % prefix
    with socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as s:
        s.settimeout(30)
        s.connect(path)
        info = json.loads(s.recv(65536).decode())
        s.send(cmd.encode())
        return json.loads(s.recv(info.get("max_output_len", 16384)).decode())


def main(argv):
    if len(argv) not in (3, 5):
        sys.exit("usage: dpdk_telemetry.py FILE_PREFIX COMMAND [VF KEY]")
    answer = query(argv[1], argv[2])
    if len(argv) == 3:
        print(json.dumps(answer))
        return
    body = answer.get(argv[2].split(",")[0])
    if not isinstance(body, dict):
        sys.exit("telemetry: no answer to %s: %s" % (argv[2], answer))
    entry = body.get("vfs", {}).get(argv[3])
    if not isinstance(entry, dict) or argv[4] not in entry:
        sys.exit("telemetry: no %s of VF %s in %s" % (argv[4], argv[3], answer))
    print(entry[argv[4]])


if __name__ == "__main__":
    main(sys.argv)
