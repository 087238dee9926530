#!/usr/bin/env bash
# Grouped bars of run.sh's summary (called by run.sh --plot):
#
#   test/perf/plot.sh DATA FILE.svg CALLGRIND DRIVER...
#
# DATA: one line per case, "\"case size\"" then per DRIVER its cycles per
# packet (best, median) and instructions per packet ("-": not measured).
# Draws per case cycles (best and median) of each driver side by side,
# and below them instructions if CALLGRIND is 1. Fails unless every case
# has cycles for every driver (and instructions, with CALLGRIND) and the
# SVG names every driver.
set -euo pipefail

[ $# -ge 4 ] || { sed -n '2,10s/^# \{0,1\}//p' "$0" >&2; exit 2; }
data=$1
svg=$2
cg=$3
shift 3
names="$*"

# Every bar there: a contestant without figures is a failed chart. (awk
# splits the quoted "case size" label in two: figures start at $3.)
awk -v n=$# -v cg="$cg" '{
	for (i = 0; i < n; i++)
		for (k = 0; k < (cg == 1 ? 3 : 2); k++)
			if ($(3 + 3 * i + k) !~ /^[0-9.]+$/) {
				printf "plot.sh: case %s %s: no figure %d for " \
					"driver %d\n", $1, $2, k + 1, i + 1
				bad = 1
			}
	if (NF != 2 + 3 * n)
		bad = 1
} END { exit bad }' "$data" >&2 ||
	{ echo "plot.sh: $data does not cover every driver" >&2; exit 1; }

height=440
[ "$cg" != 1 ] || height=800
gnuplot <<GNUPLOT
set terminal svg size 900,$height dynamic font 'sans,12' background rgb 'white'
set output '$svg'
set datafile missing '-'
set style data histograms
set style histogram clustered gap 1
set style fill solid 1.0 border -1
set boxwidth 0.9
set grid ytics
set key outside below horizontal
set yrange [0:*]
set offsets graph 0, graph 0, graph 0.1, graph 0
names = '$names'
n = words(names)
# Per driver a colour, and a light tint of it for the median bars.
dark = '#6a3d9a #1b9e77 #1f78b4 #e6550d'
light = '#cab2d6 #a6dbc8 #a6cee3 #fdd0a2'
if ($cg == 1) { set multiplot layout 2,1 }
set title 'igb burst code, device-less: cycles per packet in the driver calls (best and median repetition)'
set ylabel 'cycles / packet'
plot for [j=1:2*n] '$data' \
	using (column(2 + 3*((j-1)/2) + (j-1)%2)):xtic(1) \
	title word(names, (j-1)/2 + 1).((j-1)%2 ? ' median' : ' best') \
	linecolor rgb word((j-1)%2 ? light : dark, (j-1)/2 + 1) \
	fillstyle solid 1.0 border lc 'black'
if ($cg == 1) {
	set title 'instructions per packet in the driver calls (callgrind)'
	set ylabel 'instructions / packet'
	plot for [i=1:n] '$data' using (column(4 + 3*(i-1))):xtic(1) \
		title word(names, i) linecolor rgb word(dark, i) \
		fillstyle solid 1.0 border lc 'black'
	unset multiplot
}
GNUPLOT

for d in "$@"; do
	grep -qF "$d best" "$svg" ||
		{ echo "plot.sh: $svg does not name '$d'" >&2; exit 1; }
done
