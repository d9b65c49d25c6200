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

echo "| config | variant | NAND | NOR | NOT | DFF | GE | depth | GE×depth | gain vs behavioral | paper |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
n=0
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
