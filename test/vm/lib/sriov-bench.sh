#!/bin/bash
# Helpers for scenarios that run sriov-bench in the guest. Source after
# bench.sh (the runner does that): uses fail/log and $SCEN_OUT.
#
#   sb_run NAME EAL-ARGS... -- BENCH-ARGS...   run to the end
#   sb_start NAME EAL-ARGS... -- BENCH-ARGS... start in the background and
#                                              wait for its start line
#   sb_wait NAME [SECS]                        wait for a started run
#   sb_json NAME FIELD                         a field of its JSON report
#
# Each run gets --file-prefix NAME and --json $SCEN_OUT/NAME.json; its
# output goes to $SCEN_OUT/NAME.log. A non-zero exit fails the scenario.

SRIOV_BENCH=${SRIOV_BENCH:-$IGB_BUILD/app/sriov-bench/sriov-bench}

sb_args() { # NAME ARGS... -> the full command line, one word per line
	local name=$1
	shift
	printf '%s\n' "$SRIOV_BENCH" --file-prefix "$name"
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		printf '%s\n' "$1"
		shift
	done
	[ "$1" = -- ] || fail "sb: no -- in the arguments"
	shift
	printf '%s\n' -- "$@" --json "$SCEN_OUT/$name.json"
}

sb_run() {
	local name=$1 cmd
	mapfile -t cmd < <(sb_args "$@")
	log "sriov-bench $name: ${cmd[*]}"
	"${cmd[@]}" > "$SCEN_OUT/$name.log" 2>&1 || {
		tail -n 20 "$SCEN_OUT/$name.log"
		fail "sriov-bench $name exited with $?"
	}
	grep -v '^EAL\|^TELEMETRY' "$SCEN_OUT/$name.log"
}

sb_start() {
	local name=$1 cmd pid
	mapfile -t cmd < <(sb_args "$@")
	log "sriov-bench $name (background): ${cmd[*]}"
	"${cmd[@]}" > "$SCEN_OUT/$name.log" 2>&1 &
	pid=$!
	echo "$pid" >> "$SCEN_OUT/pids"
	printf -v "SB_PID_$name" %s "$pid"
	wait_for 60 "sriov-bench $name started" \
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
}

# sb_json NAME FIELD: FIELD is a dotted path, list indexes as numbers
# (tx.packets, ports.0.driver, latency_ns.p99).
sb_json() {
	python3 - "$SCEN_OUT/$1.json" "$2" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v[int(k)] if isinstance(v, list) else v[k]
print(v)
PY
}
