#!/bin/bash
# Helpers of the fault scenarios (vf-crash, pf-restart-kernel-vf,
# bad-configuration):
# refusals with a deadline. Sources pf.sh, whose telemetry helpers these
# scenarios use.
[ -z "${IGB_LIB_FAULT:-}" ] || return 0
IGB_LIB_FAULT=1
# shellcheck source=bench.sh
. "$IGB_TOP/test/vm/lib/bench.sh"
# shellcheck source=testpmd.sh
. "$IGB_TOP/test/vm/lib/testpmd.sh"
# shellcheck source=pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"

FAULT_DEADLINE=${FAULT_DEADLINE:-300}
export HUGE_NR=/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages

# run_refused DESC REGEX CMD...: CMD must end within FAULT_DEADLINE
# seconds and a line of its output must match REGEX. Sets REFUSAL_OUT,
# REFUSAL_RC, REFUSAL_LINE, REFUSAL_LINES (lines of output) and
# REFUSAL_MS, and logs the line.
run_refused() {
	local desc=$1 re=$2 out rc t0
	shift 2
	t0=$(date +%s%N)
	out=$(timeout "$FAULT_DEADLINE" "$@" < /dev/null 2>&1) && rc=0 || rc=$?
	REFUSAL_MS=$((($(date +%s%N) - t0) / 1000000))
	REFUSAL_OUT=$out
	REFUSAL_RC=$rc
	echo "$out" > "$SCEN_OUT/refusal-${desc//[^a-zA-Z0-9]/_}.log"
	[ "$rc" != 124 ] ||
		fail "$desc: still running after ${FAULT_DEADLINE}s"
	REFUSAL_LINE=$(echo "$out" | grep -E -m 1 -- "$re") || {
		echo "$out" | tail -n 20
		fail "$desc: no line of the output matches /$re/"
	}
	REFUSAL_LINES=$(echo "$out" | grep -c .)
	log "ok: $desc: exit $rc after $REFUSAL_MS ms, $REFUSAL_LINES line(s): $REFUSAL_LINE"
}

# expect_refusal DESC REGEX CMD...: run_refused, and the status must be
# non-zero.
expect_refusal() {
	run_refused "$@"
	[ "$REFUSAL_RC" != 0 ] || {
		echo "$REFUSAL_OUT" | tail -n 20
		fail "$1: exit status 0, expected a refusal"
	}
}

# testpmd_refused DESC REGEX EAL-ARGS...: Debian's testpmd treats a failed
# probe as a warning and runs on without ports (status 0 once stdin
# ends): the device must be refused with a line matching REGEX and no
# port may come up. Plain memory instead of hugepages: a refusal needs
# none, and the scenario takes the hugepages away on purpose.
testpmd_refused() {
	local desc=$1 re=$2
	shift 2
	run_refused "$desc" "$re" "$TESTPMD" -n 1 --file-prefix=bad \
		--no-huge -m 256 "$@" \
		-- --total-num-mbufs=2048 --no-mlockall
	assert_match "$desc: no port probed" 'No probed ethernet devices' \
		"$REFUSAL_OUT"
	assert_match "$desc: EAL refused the device" \
		'Requested device .* cannot be used' "$REFUSAL_OUT"
}

# pfd_refused DESC REGEX [EAL ARGS...] -- IGB-PFD ARGS...: igb-pfd must
# refuse with exactly one line of output, matching REGEX.
pfd_refused() {
	local desc=$1 re=$2
	shift 2
	expect_refusal "$desc" "$re" "$PFD" -n 1 --file-prefix=bad "$@"
	assert_eq "$desc: lines of output" 1 "$REFUSAL_LINES"
}
