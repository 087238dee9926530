#!/bin/bash
# The guest bench's prompt matcher (test/vm/lib/console-prompt.pl) on the
# output interleavings seen in the guest: the prompt whole, split by
# testpmd's event line (what made pf-own-port miss its prompt in CI), split
# by a log line, followed by an event, and not there yet.
set -u
cp=$(cd "$(dirname "$0")/../vm/lib" && pwd)/console-prompt.pl
fails=0

# expect NAME WANT-SEEN TEXT [WANT-STRIPPED]: printf-style TEXT.
expect() {
	local name=$1 want=$2 text got out
	text=$(printf "$3"; echo .)
	text=${text%.}
	printf %s "$text" | "$cp" seen 'testpmd> '
	got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL $name: seen exit $got, expected $want"
		fails=$((fails + 1))
		return
	fi
	[ $# -ge 4 ] || { echo "ok $name"; return; }
	out=$(printf %s "$text" | "$cp" strip 'testpmd> '; echo .)
	out=${out%.}
	want=$(printf "$4"; echo .)
	want=${want%.}
	if [ "$out" != "$want" ]; then
		echo "FAIL $name: stripped to $(printf %q "$out"), expected $(printf %q "$want")"
		fails=$((fails + 1))
		return
	fi
	echo "ok $name"
}

expect whole 0 'Port 0: 52:54:00:12:34:56\ntestpmd> ' 'Port 0: 52:54:00:12:34:56\n'
expect split-by-event 0 \
	'Checking link statuses...\nDone\nt\nPort 0: link state change event\nestpmd> ' \
	'Checking link statuses...\nDone\nt\nPort 0: link state change event\n'
expect split-by-log-line 0 'RX-packets: 20\ntes''net_igb_vf: VF reset\n''tpmd> ' \
	'RX-packets: 20\ntesnet_igb_vf: VF reset\n'
expect split-twice 0 'te\nPort 0: a event\nst\nPort 0: b event\npmd> ' \
	'te\nPort 0: a event\nst\nPort 0: b event\n'
expect event-after 0 'Done\ntestpmd> \nPort 0: link state change event\n' \
	'Done\n\nPort 0: link state change event\n'
expect not-yet 1 'Checking link statuses...\n' 'Checking link statuses...\n'
expect part-only 1 'Done\nt\nPort 0: link state change event\nestpm'
expect piece-not-at-line-start 1 'Done\ntest\nxpmd> '
expect empty 1 ''
# The bench's other prompt, and usage errors.
printf 'ready\nigb-pfd> ' | "$cp" seen 'igb-pfd> ' ||
	{ echo "FAIL igb-pfd prompt not seen"; fails=$((fails + 1)); }
if "$cp" seen < /dev/null 2> /dev/null; then
	echo "FAIL no prompt given: exit 0"
	fails=$((fails + 1))
fi

# The bench's console_* (lib/bench.sh) on a fake console program whose
# prompt comes split by an event line after each command, as testpmd's did
# in CI, or whole after "whole".
SCEN_OUT=$(mktemp -d)
IGB_TOP=$(cd "$(dirname "$0")/../.." && pwd)
export IGB_BUILD=$SCEN_OUT # bench.sh names the build's programs
trap 'kill $(tp_var PID fake) 2>/dev/null; rm -rf "$SCEN_OUT"' EXIT
# shellcheck source=../vm/lib/bench.sh
. "$IGB_TOP/test/vm/lib/bench.sh"
cat > "$SCEN_OUT/fake.sh" <<'EOS'
split() { printf t; printf '\nPort 0: link state change event\n'; printf 'estpmd> '; }
split
while IFS= read -r l; do
	case "$l" in
	quit) exit 0 ;;
	whole) printf 'out-%s\n' "$l"; printf 'testpmd> ' ;;
	*) printf 'out-%s\n' "$l"; split ;;
	esac
done
EOS
console_check() { # NAME WANT GOT
	if [ "$2" = "$3" ]; then
		echo "ok $1"
	else
		echo "FAIL $1: $(printf %q "$3"), expected $(printf %q "$2")"
		fails=$((fails + 1))
	fi
}
t0=$(date +%s)
# A prompt not seen ends the test in fail() ("FAIL: fake: no prompt").
console_start fake 'testpmd> ' 10 bash "$SCEN_OUT/fake.sh" > /dev/null
console_check "console_start: returns with the fake at its prompt" running \
	"$(kill -0 "$(tp_var PID fake)" 2>/dev/null && echo running || echo gone)"
out=$(console_cmd fake hello 10)
console_check "console_cmd: output of a split prompt" \
	$'out-hello\nt\nPort 0: link state change event' "$out"
out=$(console_cmd fake whole 10)
console_check "console_cmd: output of a whole prompt" "out-whole" "$out"
console_stop fake 5 > /dev/null
console_check "console_stop: quit" gone \
	"$(kill -0 "$(tp_var PID fake)" 2>/dev/null && echo running || echo gone)"
console_check "3 prompts in less than 10 s" 1 $(($(date +%s) - t0 < 10))

[ $fails = 0 ] || { echo "$fails failed"; exit 1; }
echo "all passed"
