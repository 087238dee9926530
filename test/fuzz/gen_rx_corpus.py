#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the Rx fuzzer's seed corpus: scripts (format in fuzz_rx_paths.c)
of plain frames, frames over several buffers, tags, errors, bursts of
several sizes around the ring's end, a drained pool, a restart and a
device writing beyond the tail.

    test/fuzz/gen_rx_corpus.py [DIR]     (default: test/fuzz/corpus/rx-paths)
"""
import os
import struct
import sys

DD, EOP, VP = 1, 2, 8
RXE = 1 << 31
STRIP, SCATTER = 1, 2
OWN_NULL, OWN_NONE, OWN_VID, OWN_ALL = 0, 4, 8, 12
IPV4_UDP = ((1 << 0) | (1 << 5)) << 4


def header(ring, thresh, flags=0, vid=0):
    return struct.pack("<HHBH", (ring - 32) // 8, thresh, flags, vid)


def wb(staterr, length, info=IPV4_UDP, vlan=0, data=b"\x08\x00\0\0"):
    return bytes([0]) + struct.pack("<IHHH", staterr, length, info,
                                    vlan) + data


def plain(count, length=60, bits=0x7, info=IPV4_UDP):
    return bytes([1, count]) + struct.pack("<HBH", length, bits, info)


def burst(n):
    if n < 0x80:
        return bytes([2, n])
    return bytes([2, 0x80]) + struct.pack("<H", n)


def rogue(slot, staterr, length=60, info=0, vlan=0):
    return bytes([3]) + struct.pack("<HIHHH", slot, staterr, length, info,
                                    vlan)


def free(k):
    return bytes([4, k])


RESTART = bytes([5])


def drain(b):
    return bytes([6, b])


def chain(segs, length, last, bits=0x7):
    return bytes([7, segs - 1]) + struct.pack("<HHB", length, last, bits)


SEEDS = {
    "plain": header(64, 16) + plain(20) + burst(32) + free(255) +
    plain(40, 1000) + burst(32) + burst(32),
    "wrap": header(32, 8) + (plain(20, 64) + burst(16) + free(16)) * 6,
    "burst-sizes": header(128, 32) + b"".join(
        plain(n + 3, 100) + burst(n) + free(8) for n in
        (1, 2, 3, 4, 5, 7, 8, 9, 31, 33)),
    "big-burst": header(64, 32) + plain(62) + burst(200) + free(255) +
    plain(62) + burst(64),
    "chain": header(64, 16, SCATTER) + chain(3, 2048, 100) +
    chain(2, 2048, 1) + burst(4) + chain(5, 2048, 0) + burst(1) + burst(1),
    "chain-split": header(64, 16, SCATTER) + chain(4, 2048, 60) +
    burst(2) + plain(4) + burst(8),
    "vlan-strip": header(64, 16, STRIP | OWN_VID, 100) +
    wb(DD | EOP | VP, 64, vlan=100) + wb(DD | EOP | VP, 64, vlan=200) +
    wb(DD | EOP, 64, data=b"\x81\x00\x00\x64") + burst(8),
    "vlan-insert": header(64, 16, OWN_ALL) + plain(5, 64, 0x8) +
    burst(8) + plain(3, 2048, 0x8) + burst(8),
    "vlan-hidden": header(64, 16, OWN_NONE) + plain(5, 64, 0x8) + burst(8),
    "errors": header(64, 16) + plain(3, 60, 0x7f) + wb(DD | EOP, 4000) +
    wb(DD | EOP | RXE, 60) + wb(DD | EOP, 60, info=0x8000) +
    chain(3, 2048, 5000) + plain(8, 0) + burst(32),
    "drained": header(256, 64) + drain(127) + drain(127) + drain(127) +
    plain(200) + burst(127) + burst(127) + drain(0x80) + burst(64),
    "restart": header(64, 16, SCATTER) + chain(3, 2048, 1) + plain(5) +
    burst(2) + RESTART + plain(10) + burst(32),
    "rogue-beyond-tail": header(64, 32) + plain(63) + burst(48) +
    rogue(63, DD | EOP) + rogue(0, DD) + burst(64) + burst(64),
    "stale-after-tail": header(64, 16) + plain(18) + burst(18) +
    plain(45) + burst(10) + plain(18) + burst(64),
    "large-ring": header(4096, 4095) + plain(255) * 16 + burst(0x1000) +
    plain(255) * 4 + burst(0x1000),
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "corpus", "rx-paths")
    os.makedirs(out, exist_ok=True)
    for name, data in SEEDS.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
