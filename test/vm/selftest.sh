#!/usr/bin/env bash
# Host test of the guest bench's reporting: a guest that gives no result
# must still end in "FAIL <scenario> (no result: <reason>)", the tail of
# its console and a non-zero status. Three guests that cannot give one:
#   mount   the guest's init cannot mount the output share (a wrong
#           vm.out= on the kernel command line)
#   panic   the kernel finds no init (rdinit= names a missing file)
#   hang    run.sh's deadline ends the guest while it boots
# Prints one line per case; exit status 1 if any case went otherwise.
#
#   test/vm/selftest.sh [--out DIR]
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=$top/build/vm/selftest-$(date +%Y%m%d-%H%M%S)
[ "${1:-}" != --out ] || out=$2
scen=baseline-kernel
bad=0

# check CASE REASON-REGEX [ENV=VALUE...] -- RUN.SH-OPTIONS...
check() {
	local name=$1 re=$2 envs=() rc lines tail last
	shift 2
	while [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	shift
	lines=$(env "${envs[@]}" "$here/run.sh" --out "$out/$name" "$@" \
		"$scen" 2>&1)
	rc=$?
	echo "$lines" > "$out/$name.txt"
	# The console's tail as printed, and the console's last line.
	tail=$(echo "$lines" | sed -n '/^---- guest did not finish/,/^guest: /p' |
		grep -c '^    .')
	last=$(grep -a . "$out/$name/console.log" | tail -n 1)
	if [ "$rc" = 0 ]; then
		echo "FAIL $name: run.sh exited 0"
	elif ! echo "$lines" | grep -qE "^FAIL $scen \(no result: $re"; then
		echo "FAIL $name: no 'FAIL $scen (no result: /$re/...)' line:"
		echo "$lines" | sed 's/^/    /'
	elif [ "$tail" -lt 1 ] || ! echo "$lines" | grep -qxF "    $last"; then
		echo "FAIL $name: the console's tail ($tail lines) is not printed"
	else
		echo "PASS $name: exit $rc, $(echo "$lines" | grep "^FAIL $scen")," \
			"$tail console lines"
		return 0
	fi
	bad=1
}

mkdir -p "$out"
check mount 'guest-init: cannot mount the output share at /no/such/folder' \
	VM_APPEND=vm.out=/no/such/folder -- --timeout 120
check panic 'Kernel panic - not syncing' VM_APPEND=rdinit=/no/such/init -- \
	--timeout 120
check hang 'guest killed at the 6s deadline' -- --timeout 6
exit $bad
