#!/usr/bin/env bash
# Build the PF mailbox fuzzer with clang (libFuzzer, ASan, UBSan), outside
# meson: the rest of the tree builds with gcc. Rebuilds only when a source
# or header is newer than the binary.
#
#   test/fuzz/build.sh        -> prints the path of the fuzzer binary
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${IGB_FUZZ_BUILD:-$top/build/fuzz}
cc=${CLANG:-clang-14}
bin=$out/fuzz-pf-mailbox

# Instrumented for coverage: the code under test and the input decoder.
cov_srcs=(
	drivers/common/igb/igb_mbx_msg.c
	drivers/common/igb/igb_mbx_pf.c
	drivers/net/igb_pf/igb_pf_vlan.c
	drivers/net/igb_pf/igb_pf_vf.c
	drivers/net/igb_pf/igb_pf_policy.c
	drivers/net/igb_pf/igb_pf_hw.c
	drivers/net/igb_pf/igb_pf_mbx.c
	test/fuzz/pf_script.c
	test/fuzz/fuzz_pf_mailbox.c
)
# Sanitized only: the reference model's and the register model's own
# branches and comparisons would steer the fuzzer and slow it down several
# times.
plain_srcs=(
	test/fuzz/pf_oracle.c
	test/unit/common/igb_model.c
	test/fuzz/rte_shim.c
)

if [ -x "$bin" ] && [ -z "$(cd "$top" && find \
	drivers/common/igb drivers/net/igb_pf test/fuzz \
	test/unit/common/igb_model.c test/unit/common/igb_model.h \
	\( -name '*.[ch]' -o -name build.sh \) \
	-newer "$bin")" ]; then
	echo "$bin"
	exit 0
fi

command -v "$cc" > /dev/null || {
	echo "build.sh: $cc not found (devtools/setup.sh installs clang-14)" >&2
	exit 1
}
mkdir -p "$out"
# Only DPDK's public headers are needed (rte_io.h, rte_cycles.h through
# igb_hw.h): none of these sources includes an SDK (driver) header.
cflags=(-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer
	-fno-sanitize-recover=all -Wall -Wextra -Werror)
read -r -a dpdk_cflags <<< "$(pkg-config --cflags libdpdk)"
cflags+=("${dpdk_cflags[@]}" -Idrivers/common/igb -Idrivers/net/igb_pf
	-Itest/unit/common -Itest/fuzz)
objs=()
cd "$top"
for s in "${cov_srcs[@]}" "${plain_srcs[@]}"; do
	o=$out/$(basename "${s%.c}").o
	san=address,undefined
	case " ${cov_srcs[*]} " in *" $s "*) san=fuzzer-no-link,$san ;; esac
	"$cc" "${cflags[@]}" -fsanitize="$san" -c "$s" -o "$o"
	objs+=("$o")
done
"$cc" -fsanitize=fuzzer,address,undefined "${objs[@]}" -o "$bin.tmp"
mv "$bin.tmp" "$bin"
echo "$bin"
