#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the fuzzers' seed corpora. pf-mailbox: valid scripts (format
in pf_script.h) with one or a few mailbox messages of each type, plus the
admin actions and events that change their verdict. vf-mailbox: the VF's
calls (format in fuzz_vf_mailbox.c) against an honest PF and against one
that NACKs, stays silent, answers late, resets, holds the buffer, floods
or falls off the bus.

    test/fuzz/gen_corpus.py [DIR]     (default: test/fuzz/corpus; the
                                       seeds go to DIR/TARGET/)
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


# vf-mailbox: VF calls, then the PF's script.
(VF_RESET, VF_MAC, VF_MC, VF_VLAN, VF_LPE, VF_MODE, VF_POLL, VF_RESTORE,
 VF_PF, VF_ANSWER, VF_AGENT) = range(11)
(PF_MSG, PF_REPLY, PF_PING, PF_RSTI, PF_RESET_DONE, PF_RSTD, PF_LOCK,
 PF_UNLOCK, PF_ACK, PF_STS, PF_GONE, PF_RAW, PF_TAKE, PF_FLOOD) = range(14)
ACK, NACK, NACK_NO_CTS, SILENT, IGNORE = range(5)
T_AFTER_TIMEOUT = 0xc8  # 8 << 18 us: 2.1 s, past the 2 s mailbox timeout
T_SOON = 0x05  # 5 us


def vf_mc(n):
    return bytes([VF_MC, n]) + b"".join(bytes([0x10, i]) for i in range(n))


def vf_vlan(vid, on=True):
    return bytes([VF_VLAN]) + struct.pack("<H", vid) + bytes([int(on)])


def vf_lpe(mtu):
    return bytes([VF_LPE]) + struct.pack("<H", mtu)


def pf(when, action, *operands):
    return bytes([VF_PF, when, action]) + bytes(operands)


def pf_reply(when, flags, mac=(0x02, 0, 0, 0, 0, 0x22)):
    return pf(when, PF_REPLY, flags, *mac, 0, 0)


def answer(msg_type, how):
    return bytes([VF_ANSWER, msg_type, how])


UP = bytes([VF_RESET])
EVERY_CALL = (bytes([VF_MAC, 0x02, 0, 0, 0, 0, 0x33]) + vf_mc(3) +
              vf_vlan(100) + vf_lpe(1500) + bytes([VF_MODE, 0, VF_MODE, 1,
              VF_MODE, 2, VF_MODE, 3, VF_POLL, VF_RESTORE]))

VF_SEEDS = {
    "handshake": UP,
    "every-call": UP + EVERY_CALL,
    "mc-overflow": UP + vf_mc(35) + vf_mc(2),
    "vlan-out-of-range": UP + vf_vlan(4096),
    "nack-no-cts": UP + answer(SET_MAC, NACK_NO_CTS) +
        bytes([VF_MAC, 0x02, 0, 0, 0, 0, 0x44, VF_POLL]),
    "nack": UP + answer(SET_VLAN, NACK) + vf_vlan(7) +
        answer(SET_PROMISC, NACK) + bytes([VF_MODE, 0]),
    "silent": UP + answer(SET_LPE, SILENT) + vf_lpe(9000) + vf_lpe(1500),
    "ignored": UP + answer(SET_VLAN, IGNORE) + vf_vlan(5),
    "late-reply": UP + bytes([VF_AGENT, 0]) +
        pf(T_AFTER_TIMEOUT, PF_REPLY, 0xa0, 0, 0, 0, 0, 0, 0, 0, 0) +
        vf_lpe(1500) + vf_lpe(1500),
    "reply-garbage": UP + bytes([VF_AGENT, 0]) + pf_reply(T_SOON, 0xe0) +
        vf_vlan(9) + pf_reply(T_SOON, 0x00) + vf_vlan(9),
    "pf-reset": UP + pf(0, PF_RSTI) + bytes([VF_POLL]) +
        pf(0, PF_RESET_DONE) + UP + bytes([VF_POLL]),
    "rsti-forever": pf(0, PF_RSTI) + UP,
    "reset-nack": answer(RESET, NACK) + UP,
    "reset-reply-no-mac": bytes([VF_AGENT, 0]) +
        pf_reply(T_SOON, 0x80, (0, 0, 0, 0, 0, 0)) + UP,
    "ping-no-cts": UP + pf(0, PF_PING, 0) + bytes([VF_POLL]),
    "ping-in-request": UP + bytes([VF_AGENT, 0]) + pf(T_SOON, PF_PING, 1) +
        pf_reply(0x06, 0xa0) + vf_vlan(3) + bytes([VF_POLL]),
    "flood": UP + pf(0, PF_FLOOD, 4) + vf_lpe(1500) + bytes([VF_POLL]),
    "gone": UP + pf(0, PF_GONE, 255) + bytes([VF_POLL]) + vf_lpe(1500),
    "pf-holds-buffer": UP + pf(0, PF_LOCK) + vf_lpe(1500) +
        pf(0, PF_UNLOCK) + vf_lpe(1500),
    "garbage-message": UP + pf(0, PF_MSG, 16, *range(64)) +
        bytes([VF_POLL, VF_MAC, 0x02, 0, 0, 0, 0, 0x55]),
    "raw-bits": UP + pf(0, PF_RAW, 0xff) + bytes([VF_POLL]) +
        pf(0, PF_ACK) + pf(0, PF_STS) + pf(0, PF_RSTD) + vf_lpe(1500),
    "taken-unanswered": UP + bytes([VF_AGENT, 0]) + pf(T_SOON, PF_TAKE) +
        vf_vlan(11) + bytes([VF_RESTORE]),
}


def write_seeds(out, seeds, first=b""):
    os.makedirs(out, exist_ok=True)
    for name, ops in sorted(seeds.items()):
        with open(os.path.join(out, name), "wb") as f:
            f.write(first(name, ops) if callable(first) else first + ops)
    print("%d seeds in %s" % (len(seeds), out))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "corpus")
    # Byte 0: six VFs unless the seed chose its own count.
    write_seeds(os.path.join(out, "pf-mailbox"), SEEDS,
                lambda name, ops: ops if name == "out-of-range"
                else bytes([5]) + ops)
    write_seeds(os.path.join(out, "vf-mailbox"), VF_SEEDS)


if __name__ == "__main__":
    main()
