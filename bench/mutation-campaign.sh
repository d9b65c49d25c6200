#!/usr/bin/env bash
# Mutation campaign: plants one small bug at a time in the generated RTL of every shipped example and
# asks `bitweave sim --rtl` to find it. Prints one row per mutation rule (mutants, killed, survived,
# stillborn = did not build) and lists every survivor, so an equivalent mutant can be told from a
# blind spot of the co-simulation.
#
#   bench/mutation-campaign.sh [VECTORS] [SEEDS]     (defaults: 300 vectors, seeds "1")
#
# A mutant is killed when sim prints FAIL (exit 1) on any of the seeds, survives when every seed
# PASSes, and is stillborn when Verilator cannot build it. Rules act on assignment lines only
# (`assign`, `<=` and `wire x = ...`), one occurrence per mutant. The test suite's CosimMutationTest keeps a fixed,
# fast subset of these in CI; this script is the wide sweep (minutes: one Verilator build per mutant).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vectors="${1:-300}"
seeds="${2:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/bitweave" --version >/dev/null   # build the jar once, outside the loop
bw=(java -jar "$root/target/bitweave.jar")
cache="$work/cache"

# rule NAME PERL-SUBSTITUTION: the substitution is applied to the Nth matching assignment line only.
rules=(
  "plus-to-minus|s/ \\+ / - /"
  "minus-to-plus|s/ - / + /"
  "const-0-to-1|s/1'b0/1'b1/"
  "const-1-to-0|s/1'b1/1'b0/"
  "and-to-or|s/ & / | /"
  "or-to-and|s/ \\| / & /"
  "drop-not|s/~(?=[\\w(])//"
  "ge-to-gt|s/>=/>/"
  "lt-to-le|s/ < / <= /"
  "register-bypass|s/\\b(\\w+)_q;/\$1_d;/"
  "drop-reset|DROP-RESET"
)

# mutate FILE RULE N: writes the mutant of FILE for the Nth site of RULE to stdout; exit 3 if no such site.
mutate() {
  perl -e '
    my ($file, $sub, $n) = @ARGV;
    open(my $fh, "<", $file) or die; my @lines = <$fh>; close $fh;
    my ($seen, $done, $in_reset) = (0, 0, 0);
    for my $line (@lines) {
      my $code = $line; $code =~ s{//.*}{};
      if ($sub eq "DROP-RESET") {
        if ($code =~ /if \(rst\) begin/) { $in_reset = 1; next; }
        if ($in_reset && $code =~ /^\s*end\b/) { $in_reset = 0; next; }
        if ($in_reset && $code =~ /<=/) { $seen++; if ($seen == $n) { $line = ""; $done = 1; } }
        next;
      }
      # assignments only: assign, <=, and wires declared with a value; never loop or if headers
      next unless $code =~ /\bassign\b|<=|^\s*wire\b[^;]*=/ && $code !~ /^\s*(localparam|parameter|for|if|end)\b/;
      my $try = $code;
      my $ok = eval "\$try =~ $sub";
      next unless $ok;
      $seen++;
      if ($seen == $n) { eval "\$line =~ $sub"; $done = 1; }
    }
    exit 3 unless $done;
    print @lines;
  ' "$1" "$2" "$3"
}

declare -A mutants killed survived stillborn
survivors=()
for bwfile in "$root"/dsl/examples/*.bw; do
  example="$(basename "$bwfile" .bw)"
  clean="$work/$example/clean"
  "${bw[@]}" compile "$bwfile" -o "$clean" >/dev/null
  for entry in "${rules[@]}"; do
    rule="${entry%%|*}"; sub="${entry#*|}"
    for v in "$clean"/*.v; do
      n=1
      while :; do
        dir="$work/$example/m"
        rm -rf "$dir"; cp -r "$clean" "$dir"
        if ! mutate "$v" "$sub" "$n" >"$dir/$(basename "$v")"; then break; fi
        mutants[$rule]=$(( ${mutants[$rule]:-0} + 1 ))
        verdict=survived
        for seed in $seeds; do
          out=$("${bw[@]}" sim "$bwfile" --rtl "$dir" --vectors "$vectors" --seed "$seed" --cache-dir "$cache" 2>&1 || true)
          case "$out" in
            FAIL*) verdict=killed; break ;;
            PASS*) ;;
            *) verdict=stillborn; break ;;
          esac
        done
        case $verdict in
          killed) killed[$rule]=$(( ${killed[$rule]:-0} + 1 )) ;;
          stillborn) stillborn[$rule]=$(( ${stillborn[$rule]:-0} + 1 )) ;;
          survived) survived[$rule]=$(( ${survived[$rule]:-0} + 1 ))
                    # the changed line as it now reads, or (for a dropped line) the line that went
                    line=$(diff "$v" "$dir/$(basename "$v")" | grep "^[<>]" | sort -r | head -1 \
                           | sed -e "s/^> *//" -e "s/^< */dropped: /" || true)
                    survivors+=("$example $(basename "$v") $rule #$n: $line") ;;
        esac
        n=$((n + 1))
      done
    done
  done
done

printf '| %-16s | %7s | %6s | %8s | %9s |\n' rule mutants killed survived stillborn
printf '|%s|\n' "------------------|---------|--------|----------|-----------"
total=0; tk=0; ts=0; tb=0
for entry in "${rules[@]}"; do
  rule="${entry%%|*}"
  m=${mutants[$rule]:-0}; k=${killed[$rule]:-0}; s=${survived[$rule]:-0}; b=${stillborn[$rule]:-0}
  printf '| %-16s | %7d | %6d | %8d | %9d |\n' "$rule" "$m" "$k" "$s" "$b"
  total=$((total + m)); tk=$((tk + k)); ts=$((ts + s)); tb=$((tb + b))
done
printf '| %-16s | %7d | %6d | %8d | %9d |\n' total "$total" "$tk" "$ts" "$tb"
echo
echo "survivors (vectors $vectors, seeds $seeds):"
for s in "${survivors[@]+"${survivors[@]}"}"; do echo "  $s"; done
