#!/usr/bin/env python3
"""Send COUNT UDP frames from IFACE to DST_MAC and count those that come
back from DST_MAC (a macswap forwarder returns each frame to its sender).

usage: vf_flow.py IFACE DST_MAC COUNT [SIZE]
prints: sent=N received=M
"""
import select
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
MARK = b"igb-vf-flow"


def mac_bytes(text):
    return bytes(int(x, 16) for x in text.split(":"))


def frame(dst, src, seq, size):
    payload = MARK + struct.pack("!I", seq)
    payload += bytes(max(0, size - 42 - len(payload)))
    udp = struct.pack("!HHHH", 40000, 40001, 8 + len(payload), 0) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), seq & 0xFFFF,
                     0, 64, 17, 0, bytes([198, 18, 0, 1]),
                     bytes([198, 18, 0, 2]))
    csum = sum(struct.unpack("!10H", ip))
    csum = (csum & 0xFFFF) + (csum >> 16)
    csum = ~((csum & 0xFFFF) + (csum >> 16)) & 0xFFFF
    ip = ip[:10] + struct.pack("!H", csum) + ip[12:]
    return dst + src + b"\x08\x00" + ip + udp


def main():
    ifname, dst_text, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    size = int(sys.argv[4]) if len(sys.argv) > 4 else 64
    dst = mac_bytes(dst_text)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                      socket.htons(ETH_P_ALL))
    s.bind((ifname, 0))
    src = s.getsockname()[4][:6]
    seen = set()

    def drain(timeout):
        end = time.time() + timeout
        while True:
            left = end - time.time()
            if left <= 0 or not select.select([s], [], [], left)[0]:
                return
            data, addr = s.recvfrom(65535)
            if addr[2] == PACKET_OUTGOING or data[6:12] != dst:
                continue
            i = data.find(MARK)
            if i >= 0:
                seen.add(struct.unpack("!I", data[i + len(MARK):
                                                 i + len(MARK) + 4])[0])

    sent = 0
    for seq in range(count):
        s.send(frame(dst, src, seq, size))
        sent += 1
        drain(0.002)
    drain(3.0)
    print("sent=%d received=%d" % (sent, len(seen)))


if __name__ == "__main__":
    main()
