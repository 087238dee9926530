#!/usr/bin/perl
# console-prompt.pl seen|strip PROMPT < TEXT
#
# Finds a console program's PROMPT at the end of TEXT (its output since the
# command was sent). DPDK's cmdline writes its prompt one byte per write(),
# so a line another thread prints meanwhile (testpmd's "\nPort 0: link state
# change event\n", a PMD's log line from the interrupt thread) can land
# between two of its bytes: "t\nPort 0: link state change event\nestpmd> ".
# Such lines end with a newline; so the prompt's bytes may be split by text
# that ends with one, and such text may follow the prompt.
#
#   seen:  exit 0 if the prompt is there, 1 if not (yet).
#   strip: TEXT without the prompt (its last piece where it is split);
#          exit 1, TEXT as is, if it is not there.
use strict;
use warnings;

my ($mode, $prompt) = @ARGV;
die "usage: console-prompt.pl seen|strip PROMPT < TEXT\n"
	unless defined $prompt && $prompt ne '' &&
	($mode eq 'seen' || $mode eq 'strip');
local $/;
my $text = <STDIN> // '';
my @t = split //, $text;
my @p = split //, $prompt;
my ($n, $m) = (scalar @t, scalar @p);

# $ok[$k] is a bit string over text positions: bit $i set when text[0, i)
# ends with the first k bytes of the prompt (split as above). $any[$k]:
# bit $i set when some j <= i has bit j of $ok[$k], i.e. a split part of
# the text may start there.
my @ok = (("\xff" x (($n >> 3) + 1)), map { "\0" x (($n >> 3) + 1) } 1 .. $m);
my @any = map { "\0" x (($n >> 3) + 1) } 0 .. $m;
vec($any[0], $_, 1) = 1 for 0 .. $n;
for my $i (1 .. $n) {
	my $c = $t[$i - 1];
	for my $k (1 .. $m) {
		my $v = ($c eq $p[$k - 1] && vec($ok[$k - 1], $i - 1, 1)) ||
			($c eq "\n" && vec($any[$k], $i - 1, 1));
		vec($ok[$k], $i, 1) = 1 if $v;
		vec($any[$k], $i, 1) = 1 if $v || vec($any[$k], $i - 1, 1);
	}
}

# Seen: text[0, n) ends with the whole prompt, the last split being what
# follows it. Where it ends: the last place its last byte is.
my $seen = vec($ok[$m], $n, 1);
my $end = $n;
$end-- until !$seen ||
	($t[$end - 1] eq $p[$m - 1] && vec($ok[$m - 1], $end - 1, 1));
if ($mode eq 'seen') {
	exit($seen ? 0 : 1);
}
if (!$seen) {
	print $text;
	exit 1;
}

# Leave out the prompt's last piece: the bytes from where it ends back to
# the split before them (a split ends with a newline, which the prompt has
# none of, so this piece is the prompt's own). Pieces before a split stay:
# which bytes they were is not certain ("t\n...event\n" has two t's).
my $from = $end;
my $k = $m;
while ($k > 0 && $t[$from - 1] eq $p[$k - 1] &&
	vec($ok[$k - 1], $from - 1, 1)) {
	$from--;
	$k--;
}
print @t[0 .. $from - 1], @t[$end .. $n - 1];
