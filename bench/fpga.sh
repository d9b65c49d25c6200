#!/usr/bin/env bash
# Resource estimate (`bitweave estimate`, from the IR) against Yosys' measurement (`bitweave synth`) over the
# shipped examples, per target and flow, as one markdown table: example, target/flow, resource, estimate,
# measured, error %. One synth run per example and target gives both (synth prints the estimate beside its
# figures, README.md "bitweave estimate").
#   bench/fpga.sh [JAR]
#   FPGA_EXAMPLES="a b"   example names under dsl/examples (default: the small ones below; "" skips the table)
#   FPGA_TARGETS="..."    default "ice40 xilinx generic"
#   FPGA_GENERIC_FAST=1   generic with synth --fast (the short ABC script; default 1: the full script takes minutes)
#   FPGA_TSV=FILE         also write the measured figures as the calibration table's rows
#                         (compiler/src/test/resources/bitweave/estimate/measured.tsv)
#   FPGA_PNR_EXAMPLES="a b"  the second table: iCE40 place-and-route (synth --target ice40 --pnr, seed 1, 12 MHz
#                         target) on FPGA_PNR_DEVICES (default "up5k hx8k"); a unit too wide for the package is
#                         placed behind the AXI4-Stream wrapper, as --pnr does (default: the small examples below;
#                         "" skips the table)
# Columns are built by cells(): to add one (e.g. place-and-route Fmax), print it there and add its header
# in the two header lines below.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${1:-$root/target/bitweave.jar}"
if [ ! -f "$jar" ]; then
  "$root/bitweave" --version >/dev/null
fi
examples="${FPGA_EXAMPLES-dot8_mixed systolic_ws_int8 dot16_int8 matrix2x2x8_int8 cube4_int8}"
pnr_examples="${FPGA_PNR_EXAMPLES-dot8_mixed systolic_ws_int8 dot16_int8 matrix2x2x8_int8 cube4_int8 quant_mxfp8_e4m3 lut_m2n64k4_w2a8}"
pnr_devices="${FPGA_PNR_DEVICES:-up5k hx8k}"
targets="${FPGA_TARGETS:-ice40 xilinx generic}"
fast="${FPGA_GENERIC_FAST:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The beside block synth prints after its table: "resource  meas est err%  [meas est err%]", one flow per triple.
# Prints "resource flow measured estimate error" lines.
beside() {   # $1 synth output file, $2 flow names in column order
  awk -v flows="$2" '
    BEGIN { n = split(flows, f, " ") }
    /^  estimate \(bitweave estimate/ { on = 1; getline; next }
    /^  written:/ { on = 0 }
    on && NF == 1 + 3 * n { for (i = 1; i <= n; i++) rows[i] = rows[i] $1 " " f[i] " " $(3*i-1) " " $(3*i) " " $(3*i+1) "\n" }
    END { for (i = 1; i <= n; i++) printf "%s", rows[i] }   # one flow after the other
  ' "$1"
}

cells() {   # the row's cells after "example | target/flow | resource": estimate, measured, error %
  printf '| %s | %s | %s |' "$2" "$1" "$3"
}

if [ -n "$examples" ]; then
  printf '| example | target/flow | resource | estimate | measured | error %% |\n'
  printf '|---|---|---|---:|---:|---:|\n'
fi
for ex in $examples; do
  for t in $targets; do
    extra=()
    flows="dsp nodsp"
    if [ "$t" = generic ]; then
      flows="generic"
      [ "$fast" = 1 ] && extra=(--fast)
    fi
    out="$work/$ex-$t.txt"
    if ! java -jar "$jar" synth "$root/dsl/examples/$ex.bw" --target "$t" "${extra[@]}" >"$out" 2>&1; then
      printf '| %s | %s | n/a | | | %s |\n' "$ex" "$t" "$(grep -m1 -o 'error: .*' "$out" | cut -c1-80)"
      continue
    fi
    yosys="$(head -1 "$out" | sed 's/.*, \(Yosys [^,]*\)$/\1/')"
    while read -r res flow meas est err; do
      label="$t/$flow"
      [ "$t" = generic ] && label="generic${extra:+ (--fast)}"
      printf '| %s | %s | %s ' "$ex" "$label" "$res"
      cells "$meas" "$est" "$err"
      printf '\n'
      if [ -n "${FPGA_TSV:-}" ]; then
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ex" "$t" "$flow" "$res" "$meas" "$yosys" \
          "bitweave synth dsl/examples/$ex.bw --target $t${extra:+ --fast}" >>"$FPGA_TSV"
      fi
    done < <(beside "$out" "$flows")
  done
done

[ -z "$pnr_examples" ] && exit 0
printf '\n| example | part | placed top | ICESTORM_LC | ICESTORM_DSP | SB_IO | Fmax clk (MHz) | run s |\n'
printf '|---|---|---|---:|---:|---:|---:|---:|\n'
for ex in $pnr_examples; do
  for dev in $pnr_devices; do
    out="$work/$ex-pnr-$dev.txt"
    start=$(date +%s.%N)
    if ! java -jar "$jar" synth "$root/dsl/examples/$ex.bw" --target ice40 --pnr --device "$dev" >"$out" 2>&1; then
      printf '| %s | %s | n/a | | | | %s | |\n' "$ex" "$dev" "$(grep -m1 -o 'error: .*' "$out" | cut -c1-100)"
      continue
    fi
    secs=$(echo "$(date +%s.%N) - $start" | bc)
    top=$(grep -m1 -o '^pnr [^ ]* on' "$out" | awk '{print $2}')
    used() { awk -v r="$1" '$1 == r { print $2 "/" $4; found = 1 } END { if (!found) print 0 }' "$out"; }
    fmax=$(grep -m1 -o 'Fmax clk *[0-9.]* MHz' "$out" | awk '{print $3}')
    printf '| %s | %s | %s | %s | %s | %s | %s | %.0f |\n' "$ex" "$dev" "$top" "$(used ICESTORM_LC)" \
      "$(used ICESTORM_DSP)" "$(used SB_IO)" "${fmax:-n/a}" "$secs"
  done
done
