#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Checks the metadata DPDK's tools read from a built PMD.

Runs dpdk-pmdinfo.py on the shared library and checks that it describes
exactly one driver, with the given name, PCI ID and kernel module, and
the device arguments KEYS_PROGRAM prints ("key=form" a line, from the
parser's own key list), or none without it.

Usage: pmdinfo_test.py PMDINFO PMD_SO NAME VENDOR:DEVICE KMOD [KEYS_PROGRAM]
"""
import json
import subprocess
import sys

failed = 0


def check(cond, what, seen):
    global failed
    if cond:
        print(f"ok   {what}")
    else:
        print(f"FAIL {what} (seen: {seen!r})")
        failed += 1


def main():
    if len(sys.argv) not in (6, 7):
        sys.exit(__doc__.strip().splitlines()[-1])
    tool, so, name, pci_id, kmod = sys.argv[1:6]
    out = subprocess.run([tool, so], stdout=subprocess.PIPE, check=True,
                         text=True).stdout
    drivers = json.loads(out)
    if len(drivers) != 1:
        names = [d.get("name") for d in drivers]
        sys.exit(f"FAIL {so}: {len(drivers)} drivers described, not 1:"
                 f" {names} (no metadata: not built with pmdinfogen?)")
    drv = drivers[0]
    check(drv.get("name") == name, f"driver name {name}", drv.get("name"))
    vendor, device = pci_id.split(":")
    ids = [(i.get("vendor"), i.get("device")) for i in drv.get("pci_ids", [])]
    check(ids == [(vendor, device)], f"PCI IDs: {pci_id} alone", ids)
    check(drv.get("kmod") == kmod, f"kernel module {kmod}", drv.get("kmod"))
    if len(sys.argv) == 7:
        keys = subprocess.run([sys.argv[6]], stdout=subprocess.PIPE,
                              check=True, text=True).stdout.split()
        declared = drv.get("params", "").split()
        for k in keys:
            check(k in declared, f"devarg {k} declared", declared)
        extra = [d for d in declared if d not in keys]
        check(not extra, "no devarg declared that the parser lacks", extra)
        check(len(keys) > 0, "the parser has keys", keys)
    else:
        check("params" not in drv, "no devargs declared", drv.get("params"))
    if failed:
        sys.exit(f"{failed} checks failed")


main()
