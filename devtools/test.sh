#!/usr/bin/env bash
# Install, build, run every unit test and every guest scenario. One line per
# test, then "N passed, N failed"; exit status 1 if anything failed.
#
#   devtools/test.sh [--no-vm] [SCENARIO...]
#
# The guest part prints "running NAME (k/N)" and each scenario's result
# as it ends. The run ends with the time each phase took.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${IGB_BUILD:-$top/build}
vm=1
scens=()
for a in "$@"; do
	case "$a" in
	--no-vm) vm=0 ;;
	-*) echo "test.sh: unknown option $a" >&2; exit 2 ;;
	*) scens+=("$a") ;;
	esac
done

passed=0
failed=0
# XFAIL (a documented defect of a driver that is not ours, after the
# scenario's own assertions passed) counts as passed.
result() { # STATUS NAME [DETAIL]
	echo "$1 $2${3:+ $3}"
	if [ "$1" = PASS ] || [ "$1" = XFAIL ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
}

# phase NAME: the part since the previous mark is over; its time goes
# into the summary at the end.
start=$(date +%s)
mark=$start
phases=()
phase() {
	local now
	now=$(date +%s)
	phases+=("$1 $((now - mark))s")
	mark=$now
}

the_end() {
	local list
	list=$(printf '%s, ' "${phases[@]}")
	echo "test.sh: phases: ${list%, }"
	echo "test.sh: $(($(date +%s) - start))s in all"
	echo "$passed passed, $failed failed"
	[ $failed = 0 ]
	exit
}

mkdir -p "$build"
"$top/devtools/setup.sh" > "$build/setup.log" 2>&1 || {
	cat "$build/setup.log"
	result FAIL setup
	phase setup
	the_end
}
phase setup
# build.sh also installs the SDK into a scratch root and builds the
# examples from it (devtools/build-examples.sh): its steps' lines.
sdk_results() {
	local st name rest
	[ -f "$build/sdk/results" ] || return 0
	while read -r st name rest; do
		result "$st" "$name" "$rest"
	done < "$build/sdk/results"
}
rm -f "$build/sdk/results"
if ! IGB_BUILD=$build "$top/devtools/build.sh"; then
	result FAIL build
	sdk_results
	phase build
	the_end
fi
result PASS build
sdk_results
phase build
if "$top/devtools/lint.sh" > "$build/lint.log" 2>&1; then
	result PASS lint
else
	result FAIL lint
	cat "$build/lint.log"
fi
phase lint

# Unit tests: meson runs them; its JSON log gives one result per test.
meson test -C "$build" --no-rebuild --print-errorlogs > "$build/unit.log" 2>&1
if [ -f "$build/meson-logs/testlog.json" ]; then
	while IFS=$'\t' read -r res name secs; do
		case "$res" in
		OK) result PASS "$name" "${secs}s" ;;
		SKIP) result FAIL "$name" "(skipped: not allowed)" ;;
		*) result FAIL "$name" "($res)" ;;
		esac
	done < <(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    t = json.loads(line)
    name = t["name"].split(":", 1)[-1].replace(" / ", "/")
    print("%s\t%s\t%.1f" % (t["result"], name, t["duration"]))
' "$build/meson-logs/testlog.json")
	grep -q '^Ok:\|^Fail:' "$build/unit.log" || cat "$build/unit.log"
	grep -qE '^(Fail|Unexpected Pass|Timeout): *[1-9]' "$build/unit.log" &&
		sed -n '/^Summary of Failures/,$p' "$build/unit.log"
fi
phase unit

# The burst tests again, built with ASan and UBSan (the rest of the tree is
# not): the differential test keeps its rings in malloc()ed memory of
# their exact size, so a read past a ring or a software ring is caught.
asan=$build/sanitize
san_tests=(test_igb_rxtx_vec test_igb_rxtx_burst)
if { [ -f "$asan/build.ninja" ] ||
	meson setup "$asan" "$top" -Db_sanitize=address,undefined \
		-Db_lundef=false > "$build/sanitize.log" 2>&1; } &&
	ninja -C "$asan" "${san_tests[@]/#/test/unit/common/}" \
		>> "$build/sanitize.log" 2>&1; then
	for t in "${san_tests[@]}"; do
		if ASAN_OPTIONS=detect_leaks=0 \
			UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
			"$asan/test/unit/common/$t" > "$asan/$t.log" 2>&1; then
			result PASS "sanitize/$t" \
				"($(tail -n 1 "$asan/$t.log"), ASan+UBSan)"
		else
			result FAIL "sanitize/$t"
			grep -v '^ok ' "$asan/$t.log"
		fi
	done
else
	result FAIL sanitize/build
	tail -n 30 "$build/sanitize.log"
fi
phase sanitize

# Cost per packet of the shared Rx/Tx burst code, without a device
# (test/perf/run.sh short mode, ~30 s with callgrind): its result line, then
# its table. FAIL if a frame or an mbuf went wrong (the harness's checks).
if "$top/test/perf/run.sh" --build "$build" --callgrind \
	> "$build/perf.log" 2>&1; then
	result PASS perf/cost-per-packet "(short run, figures noisy)"
	sed -n '/^case .*cyc min/,$s/^/    /p' "$build/perf.log"
else
	result FAIL perf/cost-per-packet
	cat "$build/perf.log"
fi
phase perf

# The PF mailbox soak (10 million seeded requests, checked against the
# reference model), then every fuzz target for a bounded run
# (IGB_FUZZ_SECONDS each, default 60).
soak_line=$("$build/test/fuzz/soak-pf-mailbox" --out "$build" \
	2> "$build/soak.err" | tail -n 1)
case "$soak_line" in
"PASS soak/pf-mailbox "*) result PASS soak/pf-mailbox \
	"${soak_line#PASS soak/pf-mailbox }" ;;
*) result FAIL soak/pf-mailbox "${soak_line#FAIL soak/pf-mailbox }"
	head -n 5 "$build/soak.err" ;;
esac
for t in $("$top/test/fuzz/build.sh" --list); do
	if fuzz_line=$(IGB_FUZZ_BUILD=$build/fuzz "$top/test/fuzz/run.sh" \
		"$t" "${IGB_FUZZ_SECONDS:-60}" 2> "$build/fuzz-$t.err"); then
		result PASS "fuzz/$t" "${fuzz_line#PASS fuzz/"$t" }"
	else
		result FAIL "fuzz/$t" "${fuzz_line#FAIL fuzz/"$t" }"
		cat "$build/fuzz-$t.err"
	fi
done
phase fuzz

[ $vm = 1 ] || the_end

# The bench's own reporting: guests that give no result must be reported.
# Its status counts too: a self-test that died before its lines fails.
st_rc=0
IGB_BUILD=$build "$top/test/vm/selftest.sh" --out "$build/vm/selftest" \
	> "$build/vm-selftest.log" 2>&1 || st_rc=$?
st_fails=$failed
while IFS= read -r line; do
	case "$line" in
	PASS\ *|FAIL\ *)
		st=${line%% *}
		rest=${line#* }
		result "$st" "vm-selftest/${rest%%:*}" "${rest#*: }"
		;;
	*) echo "$line" ;;
	esac
done < "$build/vm-selftest.log"
[ "$st_rc" = 0 ] || [ "$failed" != "$st_fails" ] ||
	result FAIL vm-selftest "(exit $st_rc without a FAIL line)"
phase vm-selftest

if [ ${#scens[@]} = 0 ]; then
	# zz-* are scratch, demo is the README's, "# suite: no" ones are
	# measurements; a "[wip: ...]" scenario does not pass yet: listed,
	# not counted.
	list=$("$top/test/vm/run.sh" --list | grep -vE '^(zz-|demo )' |
		grep -v '\[not in the suite: ')
	mapfile -t scens < <(echo "$list" | grep -v '\[wip: ' |
		awk '{ print $1 }')
	echo "$list" | grep '\[wip: ' |
		sed -E 's/^([^ ]+) +\[wip: ([^]]*)\].*/WIP vm\/\1 (not run: \2)/'
fi
# One guest for every scenario; its lines as they come.
out=$build/vm/test-$(date +%Y%m%d-%H%M%S)
declare -A seen
booted=
while IFS= read -r line; do
	case "$line" in
	running\ *)
		[ -n "$booted" ] || { phase guest-boot; booted=1; }
		echo "$line"
		;;
	PASS\ *|XFAIL\ *|FAIL\ *)
		st=${line%% *}
		rest=${line#* }
		s=${rest%% *}
		rest=${rest#"$s"}
		seen[$s]=1
		result "$st" "vm/$s" "${rest# }"
		;;
	*) echo "$line" ;;
	esac
done < <(IGB_BUILD=$build "$top/test/vm/run.sh" --pcap --out "$out" \
	"${scens[@]}" 2>&1 | tee "$build/vm.log")
for s in "${scens[@]}"; do
	[ -n "${seen[$s]:-}" ] || result FAIL "vm/$s" "(no result)"
done
[ -n "$booted" ] || phase guest-boot
phase "guest-scenarios(${#scens[@]})"
the_end
