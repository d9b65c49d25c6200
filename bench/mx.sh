#!/usr/bin/env bash
# The MX/BFP units (issue 7): for the quantizer of every OCP element format (fp32 in, blocks of 32) and
# the matching dequantizers, one markdown table of
#   golden blocks/s : the golden library (bitweave.numeric) alone: `bitweave golden` on BIG and on SMALL
#                     blocks, (BIG - SMALL) / (t_BIG - t_SMALL), so JVM start-up and the reading of the
#                     design cancel out (reading and printing the text files stay in)
#   sim blocks/s, cycles/s : the Verilated model alone, from `bitweave sim --stats` (one block per beat)
#   GE, DFF, depth  : `bitweave synth --target generic` (README.md, "bitweave synth")
#
#   bench/mx.sh [BLOCKS]     (default 20000 blocks for the simulation, 40000 for the golden model)
#   MX_ROWS=REGEX            only the rows whose name matches (e.g. MX_ROWS='e4m3')
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
blocks="${1:-20000}"
big=$((blocks * 2))
small=$((blocks / 10))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$root/target/bitweave.jar"
"$root/bitweave" --version >/dev/null   # builds the jar first
command -v verilator >/dev/null 2>&1 && command -v yosys >/dev/null 2>&1 || "$root/scripts/ensure-tools.sh"
rows="${MX_ROWS:-.}"

# N lines of 32 random fp32 bit patterns: random sign, an exponent field around 127 +- 20, random fraction
fp32_blocks() {
  awk -v n="$1" -v seed="$2" 'BEGIN { srand(seed); for (b = 0; b < n; b++) { line = "";
      for (i = 0; i < 32; i++) { e = 107 + int(rand() * 41); s = rand() < 0.5 ? 1 : 0;
        code = s * 2147483648 + e * 8388608 + int(rand() * 8388608);
        line = line (i ? " " : "") sprintf("0x%08X", code) }
      print line } }'
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }

golden_rate() {   # $1 design, $2 input name, $3 big file, $4 small file
  local t0 t1 t2 t3
  t0=$(now); java -jar "$jar" golden "$1" --in "$2=$4" >/dev/null; t1=$(now)
  t2=$(now); java -jar "$jar" golden "$1" --in "$2=$3" >/dev/null; t3=$(now)
  awk -v n=$((big - small)) -v d1="$(elapsed "$t0" "$t1")" -v d2="$(elapsed "$t2" "$t3")" \
    'BEGIN { d = d2 - d1; if (d <= 0) print "n/a"; else printf "%.0f", n / d }'
}

fp32_blocks "$big" 1 >"$work/x_big.txt"
head -n "$small" "$work/x_big.txt" >"$work/x_small.txt"

printf '| unit | golden blocks/s | sim blocks/s | sim cycles/s | GE | DFF | depth |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
for fmt in mxfp8_e4m3 mxfp8_e5m2 mxfp6_e3m2 mxfp6_e2m3 mxfp4 mxint8; do
  for unit in quantizer dequantizer; do
    name="${unit} ${fmt}"
    grep -Eq "$rows" <<<"$name" || continue
    bw="$work/${unit}_${fmt}.bw"
    if [ "$unit" = quantizer ]; then
      printf 'design q_%s\narray q = quantizer() of fp32 { to %s }\n' "$fmt" "$fmt" >"$bw"
      golden=$(golden_rate "$bw" x "$work/x_big.txt" "$work/x_small.txt")
    else
      # the dequantizer reads what the quantizer of the same format writes
      qbw="$work/quantizer_${fmt}.bw"
      printf 'design q_%s\narray q = quantizer() of fp32 { to %s }\n' "$fmt" "$fmt" >"$qbw"
      java -jar "$jar" golden "$qbw" --in "x=$work/x_big.txt" >"$work/b_big.txt"
      head -n "$small" "$work/b_big.txt" >"$work/b_small.txt"
      printf 'design d_%s\narray d = dequantizer() of %s { to fp32 }\n' "$fmt" "$fmt" >"$bw"
      golden=$(golden_rate "$bw" block "$work/b_big.txt" "$work/b_small.txt")
    fi
    stats=$(java -jar "$jar" sim "$bw" --vectors "$blocks" --seed 1 --cache-dir "$work/cache" --stats | grep '^stats:')
    get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$stats"; }
    java -jar "$jar" synth "$bw" --target generic -o "$work/syn_${unit}_${fmt}" >/dev/null
    json="$work/syn_${unit}_${fmt}/synth-generic.json"
    field() { sed -n "s/.*\"$1\" : \([0-9.]*\).*/\1/p" "$json"; }
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$golden" "$(get vectors_per_s)" "$(get cycles_per_s)" \
      "$(field ge)" "$(field dff)" "$(field depth)"
  done
done

# The block dot product (exact accumulation, blocks of 32, one block per operand, fp32 out) per element
# format, and the adder tree over a PE of that block format (the same arithmetic), against an int8 MAC dot unit of the same K (adder_tree(32) of int8 x int8 -> int32, no inner
# pipeline stage: like block_dot, a combinational datapath into one output register). Every row maps with the short
# ABC script (`synth --fast`): with the full script the mxint8 and mxfp8_e5m2 units did not finish in 50 minutes.
printf '\n| dot unit (K = 32, synth --fast) | GE | DFF | depth | GE x depth | GE vs int8 MAC |\n'
printf '|---|---:|---:|---:|---:|---:|\n'
synth_row() {   # $1 name, $2 design file
  java -jar "$jar" synth "$2" --target generic --fast -o "$work/syn_$1" >/dev/null
  local json="$work/syn_$1/synth-generic.json"
  field() { sed -n "s/.*\"$1\" : \([0-9.]*\).*/\1/p" "$json"; }
  echo "$(field ge) $(field dff) $(field depth) $(field geTimesDepth)"
}
mac="$work/mac_int8.bw"
printf 'design mac_int8\npe mac {\n  a : int8\n  b : int8\n  acc : int32 wrap\n}\narray top = adder_tree(32) of mac {\n  pipeline 0\n}\n' >"$mac"
read -r mge mdff mdepth mgd <<<"$(synth_row mac_int8 "$mac")"
printf '| int8 MAC (adder_tree) | %s | %s | %s | %s | x1.00 |\n' "$mge" "$mdff" "$mdepth" "$mgd"
for fmt in mxfp4 mxfp6_e2m3 mxfp6_e3m2 mxfp8_e4m3 mxfp8_e5m2 mxint8; do
  grep -Eq "$rows" <<<"dot $fmt" || continue
  bw="$work/dot_${fmt}.bw"
  printf 'design dot_%s\narray d = block_dot() of %s { block 32 }\n' "$fmt" "$fmt" >"$bw"
  read -r ge dff depth gd <<<"$(synth_row "dot_$fmt" "$bw")"
  printf '| block_dot %s | %s | %s | %s | %s | x%s |\n' "$fmt" "$ge" "$dff" "$depth" "$gd" \
    "$(awk -v a="$ge" -v b="$mge" 'BEGIN { printf "%.2f", a / b }')"
  # the same arithmetic as an MX array: adder_tree(32) over a PE with block operands (elements to fixed-point
  # integers, the integer tree, the scale add and one rounding), no inner stage either
  bw="$work/mxtree_${fmt}.bw"
  printf 'design mxtree_%s\npe p {\n  a : %s\n  b : %s\n  acc : fp32\n}\narray top = adder_tree(32) of p {\n  pipeline 0\n}\n' \
    "$fmt" "$fmt" "$fmt" >"$bw"
  read -r ge dff depth gd <<<"$(synth_row "mxtree_$fmt" "$bw")"
  printf '| adder_tree of %s | %s | %s | %s | %s | x%s |\n' "$fmt" "$ge" "$dff" "$depth" "$gd" \
    "$(awk -v a="$ge" -v b="$mge" 'BEGIN { printf "%.2f", a / b }')"
done
