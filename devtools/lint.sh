#!/usr/bin/env bash
# Style and static checks: clang-format (.clang-format, DPDK-like), cppcheck
# on drivers/ and app/, shellcheck on the scripts. Prints each finding and
# one summary line per tool; exits non-zero if any tool found something.
#
#   devtools/lint.sh [--fix]     --fix rewrites C files with clang-format
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
fix=0
[ "${1:-}" != --fix ] || fix=1
bad=0

# The tree's files, tracked or not (but not ignored). safe.directory: a
# clone owned by another user (root linting /home/u/src/x) is still ours.
tree_files() {
	git -c safe.directory="$top" ls-files -co --exclude-standard -- "$@"
}
tree_files > /dev/null 2>&1 || {
	echo "lint: cannot list the files of $top with git (not a git checkout?)"
	exit 1
}
mapfile -t cfiles < <(tree_files '*.c' '*.h' |
	grep -E '^(drivers|app|examples|test)/')
mapfile -t shfiles < <(tree_files '*.sh' .ci/run test/vm/guest/init \
	test/vm/guest/runner.sh | sort -u)

if [ ${#cfiles[@]} -gt 0 ]; then
	if [ $fix = 1 ]; then
		clang-format -i "${cfiles[@]}"
	fi
	n=0
	for f in "${cfiles[@]}"; do
		if ! clang-format --dry-run -Werror "$f" > /dev/null 2>&1; then
			echo "clang-format: $f differs (devtools/lint.sh --fix)"
			n=$((n + 1))
		fi
	done
	echo "lint: clang-format: $n of ${#cfiles[@]} C files need formatting"
	[ $n = 0 ] || bad=1
fi

dirs=()
for d in drivers app; do
	[ -z "$(find "$d" -name '*.c' 2>/dev/null | head -n 1)" ] || dirs+=("$d")
done
if [ ${#dirs[@]} -gt 0 ]; then
	sdk=$("$top/devtools/dpdk-sdk.sh")
	incs=()
	while read -r d; do incs+=(-I "$d"); done < <(find drivers app -type d)
	# container_of (RTE_ETH_DEV_TO_PCI ...) is simplified for cppcheck,
	# which reads DPDK's offsetof arithmetic as a NULL dereference.
	out=$(cppcheck --quiet --enable=warning,performance,portability \
		--error-exitcode=1 --inline-suppr --std=c11 \
		--suppress=missingIncludeSystem --suppress=unknownMacro \
		-D__x86_64__ -DRTE_ARCH_X86_64 -DRTE_CACHE_LINE_SIZE=64 \
		-D__BYTE_ORDER__=1234 -D__ORDER_LITTLE_ENDIAN__=1234 \
		-D__ORDER_BIG_ENDIAN__=4321 -I /usr/include/dpdk \
		"-Dcontainer_of(p,t,m)=((t *)(p))" \
		-I "$sdk/lib/ethdev" -I "$sdk/drivers/bus/pci" \
		"${incs[@]}" "${dirs[@]}" 2>&1)
	rc=$?
	[ -z "$out" ] || echo "$out"
	echo "lint: cppcheck: $( [ $rc = 0 ] && echo clean || echo findings)"
	[ $rc = 0 ] || bad=1
fi

if command -v shellcheck > /dev/null; then
	# Scenarios and the bench library are bash files without a shebang.
	out=$(shellcheck -x -s bash -S warning "${shfiles[@]}" 2>&1)
	rc=$?
	[ -z "$out" ] || echo "$out"
	echo "lint: shellcheck: ${#shfiles[@]} scripts, $( [ $rc = 0 ] && echo clean || echo findings)"
	[ $rc = 0 ] || bad=1
else
	echo "lint: shellcheck not installed (devtools/setup.sh installs it)"
	bad=1
fi
exit $bad
