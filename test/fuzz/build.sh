#!/usr/bin/env bash
# Build a fuzz target with clang (libFuzzer, ASan, UBSan), outside meson:
# the rest of the tree builds with gcc. Rebuilds only when a source or
# header is newer than the binary.
#
#   test/fuzz/build.sh TARGET   -> prints the path of the fuzzer binary
#   test/fuzz/build.sh --list   -> prints the targets, one a line
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${IGB_FUZZ_BUILD:-$top/build/fuzz}
cc=${CLANG:-clang-14}

# The targets. cov: instrumented for coverage (the code under test and
# the input decoder). plain: sanitized only, so that the models' own
# branches and comparisons do not steer the fuzzer (nor slow it down
# several times). sdk: 1 if the code needs DPDK's driver headers and
# libraries (ethdev), else only DPDK's public headers and no libdpdk.
targets=(pf-mailbox vf-mailbox rx-paths)
declare -A cov plain sdk
cov[pf-mailbox]="drivers/common/igb/igb_mbx_msg.c
	drivers/common/igb/igb_mbx_pf.c drivers/net/igb_pf/igb_pf_vlan.c
	drivers/net/igb_pf/igb_pf_vf.c drivers/net/igb_pf/igb_pf_policy.c
	drivers/net/igb_pf/igb_pf_hw.c drivers/net/igb_pf/igb_pf_mbx.c
	test/fuzz/pf_script.c test/fuzz/fuzz_pf_mailbox.c"
plain[pf-mailbox]="test/fuzz/pf_oracle.c test/unit/common/igb_model.c
	test/fuzz/rte_shim.c"
sdk[pf-mailbox]=0
cov[vf-mailbox]="drivers/common/igb/igb_mbx_msg.c
	drivers/common/igb/igb_mbx_vf.c drivers/net/igb_vf/igb_vf_pf.c
	drivers/net/igb_vf/igb_vf_filters.c drivers/net/igb_vf/igb_vf_events.c
	test/fuzz/fuzz_vf_mailbox.c test/fuzz/vf_fuzz_pf.c"
plain[vf-mailbox]="test/unit/common/igb_model.c test/unit/igb_vf/vf_fakes.c
	drivers/net/igb_vf/igb_vf_stats.c drivers/net/igb_vf/igb_vf_pci.c
	drivers/common/igb/igb_pool_stats.c drivers/common/igb/igb_mbx_pf.c
	drivers/common/igb/igb_ethdev_queue.c drivers/common/igb/igb_queue.c
	drivers/common/igb/igb_rx.c drivers/common/igb/igb_tx.c
	drivers/common/igb/igb_rxtx_select.c drivers/common/igb/igb_tx_offload.c
	drivers/common/igb/igb_rx_vec_sse.c drivers/common/igb/igb_tx_vec_sse.c"
sdk[vf-mailbox]=1
# The three Rx burst functions on the burst tests' fixture (real EAL
# mempools); Tx and the mailbox only for the selection and the model.
cov[rx-paths]="drivers/common/igb/igb_rx.c
	drivers/common/igb/igb_rx_vec_sse.c drivers/common/igb/igb_rxtx_select.c
	drivers/common/igb/igb_queue.c test/fuzz/fuzz_rx_paths.c"
plain[rx-paths]="test/fuzz/rx_fuzz.c test/unit/common/rxtx_fixture.c
	test/unit/common/igb_model.c test/unit/include/igb_check.c
	drivers/common/igb/igb_tx.c drivers/common/igb/igb_tx_vec_sse.c
	drivers/common/igb/igb_tx_offload.c drivers/common/igb/igb_mbx_pf.c
	drivers/common/igb/igb_mbx_msg.c"
sdk[rx-paths]=1

if [ "${1:-}" = --list ]; then
	printf '%s\n' "${targets[@]}"
	exit 0
fi
t=${1:-}
if [ -z "$t" ] || [ -z "${cov[$t]:-}" ]; then
	echo "build.sh: unknown target '$t' (one of: ${targets[*]})" >&2
	exit 2
fi
bin=$out/fuzz-$t
# Split on blanks and newlines (read -d '' fails at the end of its input).
read -r -d '' -a cov_srcs <<< "${cov[$t]}" || true
read -r -d '' -a plain_srcs <<< "${plain[$t]}" || true

if [ -x "$bin" ] && [ -z "$(cd "$top" && find drivers test/fuzz \
	test/unit/common/igb_model.[ch] test/unit/igb_vf/vf_fakes.[ch] \
	test/unit/common/rxtx_fixture.[ch] test/unit/include \
	\( -name '*.[ch]' -o -name build.sh \) -newer "$bin")" ]; then
	echo "$bin"
	exit 0
fi

command -v "$cc" > /dev/null || {
	echo "build.sh: $cc not found (devtools/setup.sh installs clang-14)" >&2
	exit 1
}
mkdir -p "$out/$t.o"
cflags=(-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer
	-fno-sanitize-recover=all -Wall -Wextra -Werror)
read -r -a dpdk_cflags <<< "$(pkg-config --cflags libdpdk)"
cflags+=("${dpdk_cflags[@]}" -Idrivers/common/igb -Idrivers/net/igb_pf
	-Idrivers/net/igb_vf -Itest/unit/common -Itest/unit/include \
	-Itest/unit/igb_vf -Itest/fuzz)
libs=()
if [ "${sdk[$t]}" = 1 ]; then
	sdk_dir=$("$top/devtools/dpdk-sdk.sh")
	cflags+=(-I"$sdk_dir/lib/ethdev" -I"$sdk_dir/lib/eal/include"
		-I"$sdk_dir/lib/pci" -I"$sdk_dir/drivers/bus/pci"
		-DALLOW_INTERNAL_API -DALLOW_EXPERIMENTAL_API)
	read -r -a libs <<< "$(pkg-config --libs libdpdk) -lrte_bus_pci"
fi
objs=()
cd "$top"
for s in "${cov_srcs[@]}" "${plain_srcs[@]}"; do
	o=$out/$t.o/$(basename "${s%.c}").o
	san=address,undefined
	case " ${cov_srcs[*]} " in *" $s "*) san=fuzzer-no-link,$san ;; esac
	# The SSE4.1 files as meson builds them.
	isa=()
	case "$s" in *_sse.c) isa=(-msse4.1) ;; esac
	"$cc" "${cflags[@]}" ${isa[@]+"${isa[@]}"} -fsanitize="$san" \
		-c "$s" -o "$o"
	objs+=("$o")
done
"$cc" -fsanitize=fuzzer,address,undefined "${objs[@]}" "${libs[@]}" \
	-o "$bin.tmp"
mv "$bin.tmp" "$bin"
echo "$bin"
