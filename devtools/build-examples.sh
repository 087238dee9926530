#!/usr/bin/env bash
# The SDK as an application developer gets it: install the build tree
# into a scratch root (meson install --destdir), copy each example out of
# the source tree and build it with make against that root alone.
#
#   devtools/build-examples.sh            (IGB_BUILD: the build tree)
#
# Results, one line per step (PASS/FAIL sdk/...), on stdout and in
# $IGB_BUILD/sdk/results; the examples at
# $IGB_BUILD/sdk/examples/NAME/build/NAME. Exit status 1 if a step failed.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${IGB_BUILD:-$top/build}" && pwd)
sdk=$build/sdk
root=$sdk/root
res=$sdk/results
rc=0

rm -rf "$sdk"
mkdir -p "$sdk/examples"
: > "$res"
result() { # STATUS NAME [DETAIL]
	echo "$1 $2${3:+ $3}" | tee -a "$res"
	[ "$1" = PASS ] || rc=1
}
# step NAME LOG CMD...: run CMD, output in LOG; its result line.
step() {
	local name=$1 log=$2
	shift 2
	if "$@" > "$log" 2>&1; then
		result PASS "$name"
	else
		result FAIL "$name" "(log: $log)"
		tail -n 20 "$log"
		return 1
	fi
}

step sdk/install "$sdk/install.log" \
	env DESTDIR="$root" meson install -C "$build" --no-rebuild --quiet ||
	exit 1

# Where the .pc landed: libdir is multiarch on Debian. The .pc is
# relocatable (its prefix is its own place), so PKG_CONFIG_PATH alone
# points every path into the scratch root; libdpdk stays the system's.
pc=$(find "$root" -name igb-sriov-pmd.pc -path '*/pkgconfig/*')
if [ "$(echo "$pc" | grep -c .)" != 1 ]; then
	result FAIL sdk/pkg-config "(igb-sriov-pmd.pc under $root: '${pc}')"
	exit 1
fi
export PKG_CONFIG_PATH=${pc%/*}
flags=$(pkg-config --cflags --libs libdpdk igb-sriov-pmd)
# pkgconf escapes a space in a path with a backslash.
pmddir=$(pkg-config --variable=pmddir igb-sriov-pmd)
pmddir=${pmddir//\\ / }
# Nothing may point into the source or the build tree but the root.
stray=$(echo "$flags" | tr ' ' '\n' | grep -E '^-(I|L|Wl,-rpath,)' |
	sed -E 's/^-(I|L|Wl,-rpath,)//' | while read -r d; do
		d=$(realpath -m "$d")
		case "$d" in
		"$root"/*) ;;
		"$top"/* | "$build"/*) echo "$d" ;;
		esac
	done)
if [ -n "$stray" ] || ! [ -f "$pmddir/librte_net_igb_vf.so" ] ||
	! [ -f "$pmddir/librte_net_igb_pf.so" ]; then
	result FAIL sdk/pkg-config "(flags '$flags', pmddir '$pmddir', outside the root: '$stray')"
	exit 1
fi
result PASS sdk/pkg-config
printf "PKG_CONFIG_PATH=%q\n" "$PKG_CONFIG_PATH" > "$sdk/env"

# The installed header compiles alone, with DPDK's headers only (C
# as DPDK builds applications: gnu11, DPDK's own headers need POSIX).
hdr_check() {
	local cflags
	read -ra cflags <<< "$(pkg-config --cflags libdpdk igb-sriov-pmd)"
	printf '#include <rte_pmd_igb_pf.h>\n' |
		cc -std=gnu11 -Wall -Wextra -Werror -fsyntax-only \
			"${cflags[@]}" -x c -
}
step sdk/header "$sdk/header.log" hdr_check || true

# Each example, copied out of the tree, built with its own Makefile.
for ex in "$top"/examples/*/; do
	ex=$(basename "$ex")
	rm -rf "${sdk:?}/examples/$ex"
	cp -r "$top/examples/$ex" "$sdk/examples/$ex"
	step "sdk/example/$ex" "$sdk/examples/$ex.log" \
		make -C "$sdk/examples/$ex" || continue
done

# An application of the .pc calls the PF API: the dynamic linker finds
# the staged PF PMD through the rpath and resolves every symbol.
pf_api_check() {
	local bin=$sdk/examples/pf-policy/build/pf-policy out
	out=$(LD_BIND_NOW=1 ldd -r "$bin" 2>&1)
	echo "$out"
	echo "$out" | grep -q "librte_net_igb_pf.so => $pmddir/librte_net_igb_pf.so" &&
		! echo "$out" | grep -qiE 'undefined symbol|not found'
}
step sdk/pf-api-resolves "$sdk/pf-api.log" pf_api_check || true
exit $rc
