#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the fuzzer's seed corpus: valid scripts (format in
pf_script.h) with one or a few mailbox messages of each type, plus
the admin actions and events that change their verdict.

    test/fuzz/gen_corpus.py [DIR]     (default: test/fuzz/corpus/pf-mailbox)
"""
import os
import struct
import sys

RESET, SET_MAC, SET_MC, SET_VLAN, SET_LPE, SET_PROMISC = 1, 2, 3, 4, 5, 6


def info(v):
    return v << 16


def msg(vf, *words):
    return bytes([0, vf, len(words)]) + b"".join(
        struct.pack("<I", w & 0xffffffff) for w in words)


def mac_words(mac):
    b = bytes(mac) + b"\0\0"
    return struct.unpack("<II", b)


def set_mac(vf, mac, sub=0):
    return msg(vf, SET_MAC | info(sub), *mac_words(mac))


def set_mc(vf, hashes, overflow=False):
    words = [0] * ((len(hashes) + 1) // 2)
    for i, h in enumerate(hashes):
        words[i // 2] |= h << (16 * (i % 2))
    w0 = SET_MC | info(len(hashes) | (0x80 if overflow else 0))
    return msg(vf, w0, *words)


def reset(vf):
    return msg(vf, RESET)


def flr(vf):
    return bytes([2, vf])


def admin(action, vf, *args):
    return bytes([3, action, vf]) + bytes(args)


def app(verdict):
    return bytes([4, verdict])


def lock(vf, take):
    return bytes([5, vf | (0x80 if take else 0)])


def ping(vf):
    return bytes([6, vf])


def vf_ack(vf):
    return bytes([7, vf])


def resend(vf):
    return bytes([1, vf])


VF1_MAC = [0x02, 0, 0, 0, 0, 0x11]
NEW_MAC = [0x02, 0x12, 0x34, 0x56, 0x78, 0x9a]

SEEDS = {
    "reset": reset(0),
    "reset-two-vfs": reset(0) + reset(1),
    "not-cts": msg(0, SET_LPE, 9000),
    "mac-set": reset(0) + set_mac(0, NEW_MAC),
    "mac-in-use": reset(0) + set_mac(0, VF1_MAC),
    "mac-multicast": reset(0) + set_mac(0, [0x01, 0, 0x5e, 0, 0, 1]),
    "mac-filter-clear": reset(0) + set_mac(0, [0] * 6, 1),
    "mac-filter-add": reset(0) + set_mac(0, NEW_MAC, 2),
    "mac-pinned": reset(0) + admin(0, 0, 0, *NEW_MAC) +
        set_mac(0, [0x02, 0, 0, 0, 0, 0x33]),
    "mac-pinned-trusted": reset(0) + admin(0, 0, 0, *NEW_MAC) +
        admin(2, 0, 1) + set_mac(0, [0x02, 0, 0, 0, 0, 0x33]),
    "mc-three": reset(0) + set_mc(0, [0x010, 0x7ff, 0xfff]),
    "mc-thirty": reset(0) + set_mc(0, list(range(0, 30 * 100, 100))),
    "mc-overflow": reset(1) + set_mc(1, [1, 2], overflow=True),
    "mc-clear": reset(0) + set_mc(0, [5]) + set_mc(0, []),
    "vlan-add-del": reset(0) + msg(0, SET_VLAN | info(1), 100) +
        msg(0, SET_VLAN, 100),
    "vlan-shared": reset(0) + reset(1) + msg(0, SET_VLAN | info(1), 10) +
        msg(1, SET_VLAN | info(1), 10) + msg(0, SET_VLAN, 10),
    "vlan-max-id": reset(0) + msg(0, SET_VLAN | info(1), 4095),
    "vlan-table-full": reset(0) + reset(1) + b"".join(
        msg(i % 2, SET_VLAN | info(1), 200 + i) for i in range(33)),
    "vlan-port": reset(0) + admin(1, 0, 50, 0) +
        msg(0, SET_VLAN | info(1), 60) + flr(0) + reset(0),
    "lpe-jumbo": reset(0) + msg(0, SET_LPE, 9000),
    "lpe-default": reset(0) + msg(0, SET_LPE, 1518),
    "promisc-mc": reset(0) + msg(0, SET_PROMISC | info(2)),
    "promisc-uc-untrusted": reset(0) + msg(0, SET_PROMISC | info(1)),
    "promisc-uc-trusted": reset(0) + admin(2, 0, 1) +
        msg(0, SET_PROMISC | info(3)) + admin(2, 0, 0),
    "unknown-type": reset(0) + msg(0, 0x0100),
    "stale-reply": reset(0) + resend(0),
    "flr-then-request": reset(0) + flr(0) + msg(0, SET_PROMISC | info(2)),
    "app-verdicts": reset(0) + app(0) + msg(0, SET_LPE, 1) + app(1) +
        msg(0, SET_LPE, 9000) + app(2),
    "vf-lock": reset(0) + lock(0, True) + msg(0, SET_LPE, 9000) + ping(0) +
        lock(0, False) + msg(0, SET_LPE, 9000),
    "ping-all": reset(0) + ping(0xff) + vf_ack(0) + vf_ack(1),
    "admin-flags": admin(3, 0, 0) + admin(4, 1, 0) + admin(5, 0, 0) +
        admin(6, 1, 0) + reset(0) + reset(1),
    "pf-vlan": admin(7, 0, 100, 0x80) + reset(0) +
        msg(0, SET_VLAN | info(1), 100) + admin(7, 0, 100, 0),
    "out-of-range": bytes([2]) + reset(5) + reset(7) + reset(12) + flr(7) +
        flr(9) + ping(0x85) + admin(2, 0x90, 1),
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "corpus", "pf-mailbox")
    os.makedirs(out, exist_ok=True)
    for name, ops in sorted(SEEDS.items()):
        # Byte 0: six VFs unless the seed chose its own count.
        data = ops if name == "out-of-range" else bytes([5]) + ops
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print("%d seeds in %s" % (len(SEEDS), out))


if __name__ == "__main__":
    main()
