#!/bin/bash
# Helpers for scenarios that run sriov-bench in the guest.
#
#   sb_run NAME EAL-ARGS... -- BENCH-ARGS...   run to the end
#   sb_start NAME EAL-ARGS... -- BENCH-ARGS... start in the background and
#                                              wait for its start line
#                                              (SB_START_SECS, 180)
#   sb_wait NAME [SECS]                        wait for a started run
#   sb_json NAME FIELD                         a field of its JSON report
#
# Each run gets --file-prefix NAME and --json $SCEN_OUT/NAME.json; its
# output goes to $SCEN_OUT/NAME.log. A non-zero exit fails the scenario.
[ -z "${IGB_LIB_SRIOV_BENCH:-}" ] || return 0
IGB_LIB_SRIOV_BENCH=1
# shellcheck source=bench.sh
. "$IGB_TOP/test/vm/lib/bench.sh"

# sb_cmd NAME ARGS...: the full command line in SB_CMD. (An array, not
# process substitution: the guest has no /dev/fd.)
sb_cmd() {
	local name=$1
	shift
	SB_CMD=("$SRIOV_BENCH" --file-prefix "$name")
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		SB_CMD+=("$1")
		shift
	done
	[ "${1:-}" = -- ] || fail "sb: no -- in the arguments"
	shift
	SB_CMD+=(-- "$@" --json "$SCEN_OUT/$name.json")
}

sb_run() {
	local name=$1 cmd
	sb_cmd "$@"
	cmd=("${SB_CMD[@]}")
	log "sriov-bench $name: ${cmd[*]}"
	"${cmd[@]}" > "$SCEN_OUT/$name.log" 2>&1 || {
		tail -n 20 "$SCEN_OUT/$name.log"
		fail "sriov-bench $name exited with $?"
	}
	grep -v '^EAL\|^TELEMETRY' "$SCEN_OUT/$name.log"
	sb_flatten "$name"
}

sb_start() {
	local name=$1 cmd pid
	sb_cmd "$@"
	cmd=("${SB_CMD[@]}")
	log "sriov-bench $name (background): ${cmd[*]}"
	"${cmd[@]}" > "$SCEN_OUT/$name.log" 2>&1 &
	pid=$!
	echo "$pid" >> "$SCEN_OUT/pids"
	printf -v "SB_PID_$name" %s "$pid"
	# EAL start-up alone takes up to a minute in the TCG guest.
	wait_for "${SB_START_SECS:-180}" "sriov-bench $name started" \
		grep -q '^sriov-bench: [a-z]* on port' "$SCEN_OUT/$name.log"
}

sb_wait() {
	local name=$1 secs=${2:-60} v pid rc=0
	v="SB_PID_$name"
	pid=${!v}
	for _ in $(seq 1 $((secs * 2))); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	kill -0 "$pid" 2>/dev/null && fail "sriov-bench $name still running after ${secs}s"
	wait "$pid" || rc=$?
	grep -v '^EAL\|^TELEMETRY' "$SCEN_OUT/$name.log"
	[ "$rc" = 0 ] || fail "sriov-bench $name exited with $rc"
	sb_flatten "$name"
}

# sb_flatten NAME: $SCEN_OUT/NAME.json as FIELD=VALUE lines in NAME.flat,
# FIELD a dotted path with list indexes as numbers (tx.packets,
# ports.0.driver, latency_ns.p99). Reads the layout sriov-bench's JSON
# writer produces (one member per line); awk, because starting python in
# the TCG guest takes seconds.
sb_flatten() {
	awk '
	{
		sub(/^[ \t]+/, ""); sub(/,$/, "")
		if ($0 == "}" || $0 == "]") { d--; next }
		if (match($0, /^"[^"]*": /)) {
			k = substr($0, 2, RLENGTH - 4); v = substr($0, RLENGTH + 1)
		} else if (d > 0 && arr[d]) {
			k = n[d]++; v = $0
		} else {
			k = ""; v = $0
		}
		if (v == "{" || v == "[") {
			d++; name[d] = k; arr[d] = (v == "["); n[d] = 0; next
		}
		if (v == "{}" || v == "[]") next
		path = ""
		for (i = 2; i <= d; i++) path = path name[i] "."
		gsub(/^"|"$/, "", v)
		print path k "=" v
	}' "$SCEN_OUT/$1.json" > "$SCEN_OUT/$1.flat" ||
		fail "sriov-bench $1: cannot read $SCEN_OUT/$1.json"
}

# sb_json NAME FIELD: one field of a finished run's report.
sb_json() {
	local v
	v=$(awk -v k="$2" 'index($0, k "=") == 1 {
		print substr($0, length(k) + 2); f = 1 } END { exit !f }' \
		"$SCEN_OUT/$1.flat") || fail "sriov-bench $1: no field $2"
	echo "$v"
}
