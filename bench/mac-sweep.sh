#!/usr/bin/env bash
# Full cross product of the PE's multiplier structure (LANGUAGE.md 5.1) on every array shape: multiplier
# (and_array, booth, ent) x reduction (wallace, dadda, chain, wallace four_two, dadda four_two) x shape
# (OS 2x3, WS 3x2, adder tree K5 with accumulate) x three operand/accumulator type mixes, each through
# `bitweave sim` against the golden model. Prints one row per case and a summary; exits 1 if any fails.
# CI runs a covering subset (MacStructureCosimTest); this is the wide sweep (one Verilator build per case).
#
#   bench/mac-sweep.sh [VECTORS]      (default 300)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vectors="${1:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/bitweave" --version >/dev/null   # build the jar once, outside the loop
bw=(java -jar "$root/target/bitweave.jar")
types=("int8 int8 int32 wrap" "uint5 int6 int14 saturate" "int3 uint4 uint9 saturate")
reductions=("wallace" "dadda" "chain" "wallace four_two" "dadda four_two")
pass=0
fail=0
printf '| multiplier | reduction | shape | a x b -> acc | verdict |\n|---|---|---|---|---|\n'
for m in and_array booth ent; do
  for r in "${reductions[@]}"; do
    for shape in os ws tree; do
      case $shape in
        os) array="systolic(2, 3) of mac { dataflow output_stationary }" ;;
        ws) array="systolic(3, 2) of mac { dataflow weight_stationary }" ;;
        tree) array="adder_tree(5) of mac { pipeline 2
  accumulate }" ;;
      esac
      for t in "${types[@]}"; do
        read -r a b acc policy <<<"$t"
        f="$work/case.bw"
        printf 'design sweep\npe mac {\n  a : %s\n  b : %s\n  acc : %s %s\n  multiplier %s\n  reduction %s\n}\narray top = %s\n' \
          "$a" "$b" "$acc" "$policy" "$m" "$r" "$array" >"$f"
        if out=$("${bw[@]}" sim "$f" --vectors "$vectors" --cache-dir "$work/cache" 2>&1); then
          verdict="PASS"; pass=$((pass + 1))
        else
          verdict="FAIL: $(printf '%s' "$out" | head -1)"; fail=$((fail + 1))
        fi
        printf '| %s | %s | %s | %s x %s -> %s %s | %s |\n' "$m" "$r" "$shape" "$a" "$b" "$acc" "$policy" "$verdict"
      done
    done
  done
done
printf '\n%d cases: %d pass, %d fail (%s vectors each)\n' $((pass + fail)) "$pass" "$fail" "$vectors"
[ "$fail" -eq 0 ]
