#!/usr/bin/env python3
"""Send COUNT test frames from IFACE with any source MAC, untagged or with
an 802.1Q tag: what a VF sends when its driver spoofs (the kernel passes
a packet socket's frames to igbvf unchanged). EtherType 0x88b5 (IEEE
local experimental), so that no stack on the wire answers them.

usage: send_frames.py IFACE SRC_MAC DST_MAC COUNT [VLAN]
prints: sent=N
"""
import socket
import struct
import sys
import time

from vf_flow import mac_bytes

ETH_P_LOCAL = 0x88B5
MARK = b"igb-spoof"


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__.strip().splitlines()[-2])
    ifname, count = sys.argv[1], int(sys.argv[4])
    head = mac_bytes(sys.argv[3]) + mac_bytes(sys.argv[2])
    if len(sys.argv) == 6:
        head += struct.pack("!HH", 0x8100, int(sys.argv[5]))
    head += struct.pack("!H", ETH_P_LOCAL)
    with socket.socket(socket.AF_PACKET, socket.SOCK_RAW) as s:
        s.bind((ifname, 0))
        for seq in range(count):
            f = head + MARK + struct.pack("!I", seq)
            s.send(f + bytes(max(0, 60 - len(f))))
            time.sleep(0.02)
    print("sent=%d" % count)


if __name__ == "__main__":
    main()
