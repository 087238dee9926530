#!/usr/bin/env bash
# Run a fuzz target (build.sh --list names them) for a bounded time
# (default 60 s) from its checked-in seed corpus, test/fuzz/corpus/TARGET;
# new inputs it finds are kept in build/fuzz/TARGET/corpus and reused by
# the next run. Prints one line:
#
#   PASS fuzz/TARGET <execs> execs, <cov> coverage
#   FAIL fuzz/TARGET <reproducer path>
#
# and exits non-zero on a crash, sanitizer report or invariant violation.
# Replay a reproducer: build/fuzz/fuzz-TARGET <file>.
#
#   test/fuzz/run.sh TARGET [SECONDS]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
t=${1:-}
secs=${2:-60}
[ -n "$t" ] || { echo "usage: run.sh TARGET [SECONDS]" >&2; exit 2; }
case "$secs" in
''|*[!0-9]*) echo "run.sh: SECONDS must be a whole number, not '$secs'" >&2
	exit 2 ;;
esac
out=${IGB_FUZZ_BUILD:-$top/build/fuzz}
export IGB_FUZZ_BUILD=$out

bin=$("$here/build.sh" "$t") || { echo "FAIL fuzz/$t (build)"; exit 1; }
# The longest input: the Rx scripts carry frames' write-backs.
max_len=1024
[ "$t" != rx-paths ] || max_len=4096
mkdir -p "$out/$t/corpus" "$out/$t/crashes"
log=$out/$t/run.log
# First directory: where libFuzzer adds what it finds; the seeds stay as
# they are checked in.
"$bin" -max_total_time="$secs" -max_len="$max_len" -timeout=10 \
	-print_final_stats=1 \
	-artifact_prefix="$out/$t/crashes/" "$out/$t/corpus" "$here/corpus/$t" \
	> "$log" 2>&1
rc=$?

if [ $rc != 0 ]; then
	repro=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
	echo "FAIL fuzz/$t ${repro:-(exit $rc, see $log)}"
	grep -E 'invariant violated|ERROR: AddressSanitizer|runtime error:' \
		"$log" | head -n 3 >&2
	exit 1
fi
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
cov=$(sed -n 's/.*DONE *cov: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
if [ -z "$execs" ] || [ -z "$cov" ]; then
	echo "FAIL fuzz/$t (no final statistics, see $log)"
	exit 1
fi
echo "PASS fuzz/$t $execs execs, $cov coverage"
