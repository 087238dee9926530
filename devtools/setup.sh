#!/usr/bin/env bash
# Install everything the build, the tests and the guest bench need, from
# Debian's archive only. Idempotent: a second run installs nothing new.
#
# The backports suite (QEMU 10 with the emulated igb) and the deb-src line
# (DPDK's driver SDK headers) are derived from the machine's existing apt
# configuration: no mirror host name is written here.
set -euo pipefail

[ "$(id -u)" = 0 ] || { echo "setup.sh: run as root" >&2; exit 1; }

list=/etc/apt/sources.list.d/igb-sriov-pmd.sources

# URI and Signed-By of the machine's main Debian archive entry (the one
# that carries the "bookworm" suite), from deb822 .sources files or the
# one-line format. Prints "URI<TAB>KEYRING" (keyring may be empty).
debian_source() {
	local f out
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] && [ "$f" != "$list" ] || continue
		out=$(awk '
			function flush() {
				if (u != "" && s && !done) { print u "\t" k; done = 1 }
				u = ""; k = ""; s = 0
			}
			/^URIs:/ { u = $2 }
			/^Signed-By:/ { k = $2 }
			/^Suites:/ { for (i = 2; i <= NF; i++)
				if ($i == "bookworm") s = 1 }
			/^$/ { flush() }
			END { flush() }' "$f")
		[ -n "$out" ] && { echo "$out"; return; }
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		out=$(sed 's/\[[^]]*\]//' "$f" |
			awk '$1 == "deb" && $3 == "bookworm" { print $2 "\t"; exit }')
		[ -n "$out" ] && { echo "$out"; return; }
	done
	return 1
}

if [ ! -f "$list" ]; then
	src=$(debian_source) || {
		echo "setup.sh: no bookworm apt source found to derive" \
			"backports and deb-src from" >&2
		exit 1
	}
	uri=${src%%$'\t'*}
	key=${src#*$'\t'}
	{
		printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\n' "$uri"
		printf 'Components: main\n'
		[ -z "$key" ] || printf 'Signed-By: %s\n' "$key"
		printf '\nTypes: deb-src\nURIs: %s\nSuites: bookworm\n' "$uri"
		printf 'Components: main\n'
		[ -z "$key" ] || printf 'Signed-By: %s\n' "$key"
	} > "$list"
	stamp=
else
	stamp=$(find /var/lib/apt/lists -maxdepth 1 -name '*backports*' \
		-newer "$list" 2>/dev/null | head -n 1)
fi
[ -n "$stamp" ] || apt-get update -qq

pkgs=(
	# build
	build-essential meson ninja-build pkg-config dpkg-dev python3
	python3-pyelftools
	libdpdk-dev dpdk dpdk-dev libnuma-dev libpcap-dev libelf-dev
	libjansson-dev
	# guest bench
	busybox-static kmod cpio gzip iproute2 iputils-ping tcpdump procps
	pciutils util-linux
	# performance harness (instructions per packet)
	valgrind
	# sriov-bench --plot
	gnuplot-nox
	# lint
	clang-format cppcheck shellcheck
	# host-side fuzzing (libFuzzer, ASan, UBSan)
	clang-14 libclang-rt-14-dev
)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "${missing[@]}"
fi

# QEMU 10 from backports: bookworm's 7.2 has no igb model.
if ! qemu-system-x86_64 -device help 2>/dev/null | grep -q '"igb"'; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends -t bookworm-backports \
		qemu-system-x86 qemu-system-data ipxe-qemu seabios
fi
qemu-system-x86_64 -device help | grep -q '"igb"' || {
	echo "setup.sh: qemu-system-x86_64 has no igb device" >&2
	exit 1
}
echo "setup.sh: packages ready"
