#!/usr/bin/env bash
# Fetch and unpack the DPDK source that matches the installed libdpdk, for
# the driver-SDK headers Debian does not package (ethdev_driver.h,
# ethdev_pci.h, bus_pci_driver.h ...). Prints the source tree's path.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${IGB_CACHE:-$top/.cache}/dpdk-src

ver=$(pkg-config --modversion libdpdk 2>/dev/null) || {
	echo "dpdk-sdk: libdpdk not found by pkg-config (run devtools/setup.sh)" >&2
	exit 1
}
pkgver=$(dpkg-query -W -f='${Version}' libdpdk-dev)
tree=$cache/dpdk-$ver
if [ -f "$tree/.igb-ready" ]; then
	echo "$tree"
	exit 0
fi
mkdir -p "$cache"
(
	cd "$cache"
	rm -rf "dpdk-$ver"
	apt-get source -qq -o APT::Sandbox::User=root --download-only "dpdk=$pkgver" 2>/dev/null ||
		apt-get source -qq -o APT::Sandbox::User=root --download-only "dpdk=$pkgver"
	dpkg-source -x --skip-debianization "dpdk_$pkgver.dsc" "dpdk-$ver" \
		> /dev/null
) >&2
srcver=$(cat "$tree/VERSION")
if [ "$srcver" != "$ver" ]; then
	echo "dpdk-sdk: source tree is DPDK $srcver but libdpdk is $ver" >&2
	exit 1
fi
touch "$tree/.igb-ready"
echo "$tree"
