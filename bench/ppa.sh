#!/usr/bin/env bash
# Area and delay of every array shape in three variants, in the generic Yosys flow of
# `bitweave synth --target generic` (README.md, "bitweave synth"), as one markdown table:
#   behavioral  : `a * b` in the Verilog (Yosys builds the multiplier), CPA in every accumulation step
#   controlled  : `multiplier booth`: the same radix-4 partial products as the transformed variant, one
#                 bit heap and a CPA inside the loop (DOMAIN.md 2.4: the fair baseline for a transform)
#   transformed : booth plus the shape's bit-weight transform: OPT1 compressed accumulation for systolic
#                 and cube, with its one fusing adder (outside the loop) in `edge_pipeline` stages; OPT2
#                 same-bit-weight reduction for the tree; OPT2 and OPT1 (the accumulation over a group)
#                 with a pipelined edge adder for the 2D-Matrix
#   unpiped     : (not in the default list) transformed without `edge_pipeline`: one combinational adder
# "gain" is behavioral GE×depth / variant GE×depth (depth stands in for delay: Yosys does not size gates
# for a clock), beside the paper's area-efficiency ratio for the shape. The "direct+host" systolic rows
# are the leaner modes (LANGUAGE.md 6.1: no held copy of C / no de-skew, host-skewed operands).
#   bench/ppa.sh [quick|full] [JAR]   quick (default): 4x4 arrays, cube 4x4x4, tree K16 x N4, matrix 4x4x8;
#                                     full adds 16x16 arrays, cube 8x8x8 and tree K16 x N16 (tens of minutes)
#   PPA_ROWS=REGEX    only the configs whose name matches (e.g. PPA_ROWS='16x16|N16')
#   PPA_VARIANTS=...  the variants to run, default "behavioral controlled transformed" (the gain column
#                     needs behavioral in the same run), also "unpiped"
#   PPA_TABLES=...    the tables to print, default "shapes lut"
#   PPA_LUT_SIZES=... the MACs per cycle of the LUT table (default 32; full: "32 256")
#   PPA_LUT_K=...     its dot lengths (default "4 16")
#   PPA_LUT_ONLY=RE   only the rows whose "unit variant" matches, besides the plain LUT tile (e.g. 'tree.*behavioral')
#
# The second table (issue 8) sets the LUT tensor core against the MAC arrays at equal MACs per cycle: for W1
# (uint1), W2 (int2) and W4 (int4) weights x int8 activations and a dot length K of 4 (one table group) and
# 16 (four), a lut_core(2, N, K) tile (one tile of 2*N*K products every b cycles, so N = P*b/(2K) for P MACs
# per cycle), the same tile with the carry-save plane accumulator, the same tile built with multipliers
# (datapath mac: P*b multipliers, each busy one cycle in b), an adder tree K x P/K columns (behavioral,
# controlled = booth, transformed = booth + OPT2, and behavioral with the weights widened to int8 as a fixed
# int8 MAC takes them) and, at K4, an output-stationary systolic P/4 x 4 array (behavioral, controlled,
# booth + OPT1); every acc int16 wrap. P = 32 (quick) or 32 and 256 (full). "GE vs LUT tile" is the row's
# GE over the plain LUT tile's of the same weights and K: above 1 the LUT tile is smaller.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-quick}"
jar="${2:-$root/target/bitweave.jar}"
if [ ! -f "$jar" ]; then
  "$root/bitweave" --version >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# design TEXT for: shape-arguments | acc type | array body lines | transform line
design() {   # $1 name, $2 array head, $3 acc, $4 body, $5 multiplier line, $6 transform line
  printf 'design %s\npe mac {\n  a : int8\n  b : int8\n  acc : %s wrap\n%s}\narray top = %s of mac {\n%s%s}\n' \
    "$1" "$3" "$5" "$2" "$4" "$6"
}

# name | paper ratio | array head | acc | body lines | transform
configs=(
  "systolic OS 4x4|1.27|systolic(4, 4)|int32|  dataflow output_stationary\n|compressed_accumulation edge_pipeline 3"
  "systolic WS 4x4|1.27|systolic(4, 4)|int32|  dataflow weight_stationary\n|compressed_accumulation edge_pipeline 3"
  "systolic OS 4x4 direct+host|1.27|systolic(4, 4)|int32|  dataflow output_stationary\n  output direct\n  skew host\n|compressed_accumulation edge_pipeline 3"
  "systolic WS 4x4 direct+host|1.27|systolic(4, 4)|int32|  dataflow weight_stationary\n  output direct\n  skew host\n|compressed_accumulation edge_pipeline 3"
  "3D-Cube 4x4x4|1.28|cube(4, 4, 4)|int19||compressed_accumulation edge_pipeline 2"
  "adder tree K16 x N4|1.56|adder_tree(16)|int32|  columns 4\n|same_bit_weight_reduction"
  "adder tree K16 x N4 pipeline 2|1.56|adder_tree(16)|int32|  columns 4\n  pipeline 2\n|same_bit_weight_reduction"
  "2D-Matrix 4x4 K8|1.44|matrix(4, 4, 8)|int32||same_bit_weight_reduction compressed_accumulation edge_pipeline 3"
)
if [ "$size" = full ]; then
  configs+=(
    "systolic OS 16x16|1.27|systolic(16, 16)|int32|  dataflow output_stationary\n|compressed_accumulation edge_pipeline 3"
    "systolic WS 16x16|1.27|systolic(16, 16)|int32|  dataflow weight_stationary\n|compressed_accumulation edge_pipeline 3"
    "3D-Cube 8x8x8|1.28|cube(8, 8, 8)|int19||compressed_accumulation edge_pipeline 2"
    "adder tree K16 x N16|1.56|adder_tree(16)|int32|  columns 16\n|same_bit_weight_reduction"
  )
fi

synth() {   # prints "NAND NOR NOT DFF GE depth GExdepth" or "n/a: reason"
  local f="$1" out
  if ! out="$(java -jar "$jar" synth "$f" --target generic 2>&1)"; then
    echo "n/a: $(printf '%s' "$out" | grep -m1 -o 'error: [^[]*' | cut -c8- | cut -c1-90)"
    return
  fi
  figure() { awk -v key="$1" '$1 == key { print $2; exit }' <<<"$out"; }
  echo "$(figure NAND) $(figure NOR) $(figure NOT) $(figure DFF) $(figure GE) $(figure depth) $(figure 'GE*depth')"
}

tables=" ${PPA_TABLES:-shapes lut} "
n=0
if [[ "$tables" == *" shapes "* ]]; then
echo "| config | variant | NAND | NOR | NOT | DFF | GE | depth | GE×depth | gain vs behavioral | paper |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for entry in "${configs[@]}"; do
  IFS='|' read -r name paper head acc body transform <<<"$entry"
  if [ -n "${PPA_ROWS:-}" ] && ! grep -Eq "$PPA_ROWS" <<<"$name"; then
    continue
  fi
  body="$(printf '%b' "$body")"
  [ -z "$body" ] || body="$body"$'\n'   # $(...) dropped the body's last newline; the transform needs its own line
  base=""
  for variant in ${PPA_VARIANTS:-behavioral controlled transformed}; do
    n=$((n + 1))
    f="$work/ppa_$n.bw"
    case $variant in
      behavioral) design "ppa_$n" "$head" "$acc" "$body" "" "" >"$f" ;;
      controlled) design "ppa_$n" "$head" "$acc" "$body" "  multiplier booth
" "" >"$f" ;;
      transformed) design "ppa_$n" "$head" "$acc" "$body" "  multiplier booth
" "  transform $transform
" >"$f" ;;
      unpiped) design "ppa_$n" "$head" "$acc" "$body" "  multiplier booth
" "  transform ${transform% edge_pipeline *}
" >"$f" ;;
    esac
    read -r nand nor not dff ge depth gexd rest <<<"$(synth "$f")"
    if [ "$nand" = "n/a:" ]; then
      echo "| $name | $variant | $nand $nor $not $dff $ge $depth $gexd $rest | | | | | | | | $paper |"
      continue
    fi
    [ "$variant" = behavioral ] && base="$gexd"
    gain="$(awk -v b="$base" -v v="$gexd" 'BEGIN { if (b == "" || v == 0) print "-"; else printf "×%.2f", b / v }')"
    echo "| $name | $variant | $nand | $nor | $not | $dff | $ge | $depth | $gexd | $gain | ×$paper |"
  done
done
fi

# ---- the LUT tensor core against the MAC arrays at equal MACs per cycle ----
lut_design() {   # $1 name, $2 weight type, $3 "M, N, K", $4 extra member line
  printf 'design %s\npe p {\n  a : int8\n  b : %s\n  acc : int16 wrap\n}\narray top = lut_core(%s) of p {\n%s}\n' \
    "$1" "$2" "$3" "$4"
}
mac_design() {   # $1 name, $2 weight type, $3 array head, $4 body, $5 multiplier line, $6 transform line
  printf 'design %s\npe p {\n  a : int8\n  b : %s\n  acc : int16 wrap\n%s}\narray top = %s of p {\n%s%s}\n' \
    "$1" "$2" "$5" "$3" "$4" "$6"
}
lut_row() {   # $1 label, $2 unit, $3 variant, $4 design file, $5 MACs per cycle; sets lut_ge on the plain LUT row
  local nand nor not dff ge depth gexd rest
  if [ -n "${PPA_LUT_ONLY:-}" ] && [ "$3" != lut ] && ! grep -Eq "$PPA_LUT_ONLY" <<<"$2 $3"; then
    return
  fi
  read -r nand nor not dff ge depth gexd rest <<<"$(synth "$4")"
  if [ "$nand" = "n/a:" ]; then
    echo "| $1 | $2 | $3 | $nand $nor $not $dff $ge $depth $gexd $rest | | | | | |"
    return
  fi
  [ "$3" = "lut" ] && lut_ge="$ge"
  echo "| $1 | $2 | $3 | $dff | $ge | $depth | $gexd | $(awk -v g="$ge" -v p="$5" 'BEGIN { printf "%.1f", g / p }') |" \
    "$(awk -v g="$ge" -v l="${lut_ge:-}" 'BEGIN { if (l == "") print "-"; else printf "×%.2f", g / l }') |"
}
mac_rows() {   # $1 label, $2 weight type, $3 head, $4 unit, $5 body, $6 transform, $7 MACs per cycle
  n=$((n + 1)); mac_design "ppa_$n" "$2" "$3" "$5" "" "" >"$work/ppa_$n.bw"
  lut_row "$1" "$4" behavioral "$work/ppa_$n.bw" "$7"
  n=$((n + 1)); mac_design "ppa_$n" "$2" "$3" "$5" "  multiplier booth
" "" >"$work/ppa_$n.bw"
  lut_row "$1" "$4" controlled "$work/ppa_$n.bw" "$7"
  n=$((n + 1)); mac_design "ppa_$n" "$2" "$3" "$5" "  multiplier booth
" "  transform $6
" >"$work/ppa_$n.bw"
  lut_row "$1" "$4" transformed "$work/ppa_$n.bw" "$7"
}
if [[ "$tables" == *" lut "* ]]; then
  sizes="32"
  [ "$size" = full ] && sizes="32 256"
  sizes="${PPA_LUT_SIZES:-$sizes}"
  echo
  echo "| weights × A8, K, MACs/cycle | unit | variant | DFF | GE | depth | GE×depth | GE per MAC/cycle | GE vs LUT tile |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
  for p in $sizes; do
    for k in ${PPA_LUT_K:-4 16}; do
      for wb in 1 2 4; do
        wtype=int$wb
        [ "$wb" = 1 ] && wtype=uint1
        label="W$wb ($wtype) × A8, K$k, $p"
        if [ -n "${PPA_ROWS:-}" ] && ! grep -Eq "$PPA_ROWS" <<<"$label"; then
          continue
        fi
        lut_n=$((p * wb / (2 * k)))
        lut_ge=""
        unit="lut_core(2, $lut_n, $k)"
        n=$((n + 1)); lut_design "ppa_$n" "$wtype" "2, $lut_n, $k" "" >"$work/ppa_$n.bw"
        lut_row "$label" "$unit" lut "$work/ppa_$n.bw" "$p"
        n=$((n + 1)); lut_design "ppa_$n" "$wtype" "2, $lut_n, $k" "  transform compressed_accumulation
" >"$work/ppa_$n.bw"
        lut_row "$label" "$unit" "lut + compressed_accumulation" "$work/ppa_$n.bw" "$p"
        n=$((n + 1)); lut_design "ppa_$n" "$wtype" "2, $lut_n, $k" "  datapath mac
" >"$work/ppa_$n.bw"
        lut_row "$label" "$unit" "datapath mac" "$work/ppa_$n.bw" "$p"
        tree_body="  columns $((p / k))
"
        mac_rows "$label" "$wtype" "adder_tree($k)" "adder_tree($k) × $((p / k)) columns" "$tree_body" \
          same_bit_weight_reduction "$p"
        # the weights widened to int8 before the multiply, as a fixed int8 MAC unit takes them
        n=$((n + 1)); mac_design "ppa_$n" int8 "adder_tree($k)" "$tree_body" "" "" >"$work/ppa_$n.bw"
        lut_row "$label" "adder_tree($k) × $((p / k)) columns" "behavioral, weights as int8" "$work/ppa_$n.bw" "$p"
        if [ "$k" = 4 ]; then
          # output-stationary: every PE one MAC per cycle, whatever K is (the stream length)
          mac_rows "$label" "$wtype" "systolic($((p / 4)), 4)" "systolic OS $((p / 4))x4" "  dataflow output_stationary
" "compressed_accumulation edge_pipeline 3" "$p"
        fi
      done
    done
  done
fi
