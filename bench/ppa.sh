#!/usr/bin/env bash
# Gate counts, gate equivalents and logic depth of today's units in the generic Yosys flow of
# `bitweave synth --target generic` (README.md, "bitweave synth"), as one markdown table:
#   bench/ppa.sh [JAR]        (default: target/bitweave.jar, built by ./bitweave when missing)
# Configurations: systolic OS and WS 4x4 and 16x16 int8 -> int32, adder tree K=16 int8 -> int32.
# The 16x16 arrays take minutes each (Yosys synthesizes 256 multipliers).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${1:-$root/target/bitweave.jar}"
if [ ! -f "$jar" ]; then
  "$root/bitweave" --version >/dev/null
fi
# name | design file | overrides
configs=(
  "systolic OS 4x4 int8/ACC32|dsl/examples/systolic_os_int8.bw|-P ROWS=4 -P COLS=4"
  "systolic OS 16x16 int8/ACC32|dsl/examples/systolic_os_int8.bw|-P ROWS=16 -P COLS=16"
  "systolic WS 4x4 int8/ACC32|bench/ppa/systolic_ws_int8_acc32.bw|-P N=4"
  "systolic WS 16x16 int8/ACC32|bench/ppa/systolic_ws_int8_acc32.bw|-P N=16"
  "adder tree K16 int8/ACC32|dsl/examples/dot16_int8.bw|-P K=16"
)

echo "| config | NAND | NOR | NOT | DFF | GE | depth | GE×depth |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for entry in "${configs[@]}"; do
  IFS='|' read -r name file overrides <<<"$entry"
  # shellcheck disable=SC2086 # the overrides are separate words on purpose
  out="$(java -jar "$jar" synth "$root/$file" --target generic $overrides)"
  figure() { awk -v key="$1" '$1 == key { print $2; exit }' <<<"$out"; }
  others="$(awk '/other cell type/ { printf " +%s %s", $2, $1 }' <<<"$out")"
  echo "| $name | $(figure NAND) | $(figure NOR) | $(figure NOT) | $(figure DFF) | $(figure GE)${others} | $(figure depth) | $(figure 'GE*depth') |"
done
