#!/usr/bin/env bash
# Bitweave benchmark: for int8 output-stationary systolic arrays of size N x N (N = 4, 8, 16, 32) prints
# compile time, Verilator build time (cold cache), co-simulation throughput and emitted Verilog size.
#
#   bench/run.sh [VECTORS]        (default 2000 tiles per size)
#
# Compile time is the wall time of `bitweave compile` including JVM start-up. Build time is the Verilator
# + C++ build of the model with an empty Bitweave cache and ccache disabled (a truly cold build; with
# ccache warm, later builds of the same model are much faster). Throughput is from the simulation binary alone (tiles are random length,
# see dsl/INTERFACE.md), as reported by `bitweave sim --stats`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vectors="${1:-2000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bw="$root/bitweave"
example="$root/dsl/examples/systolic_os_int8.bw"

"$bw" --version >/dev/null   # builds the jar first so its build is not timed

printf '%-6s %10s %10s %9s %12s %14s %10s %9s\n' size compile_s build_s run_s vectors/s cycles/s verilog_B lines
for n in 4 8 16 32; do
  out="$work/os$n"
  t0=$(date +%s.%N)
  "$bw" compile "$example" -o "$out" -P ROWS=$n -P COLS=$n >/dev/null
  t1=$(date +%s.%N)
  compile_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
  bytes=$(cat "$out"/*.v | wc -c)
  lines=$(cat "$out"/*.v | wc -l)
  stats=$(CCACHE_DISABLE=1 "$bw" sim "$example" -P ROWS=$n -P COLS=$n --vectors "$vectors" --seed 1 \
            --cache-dir "$work/cache$n" --stats | grep '^stats:')
  get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$stats"; }
  printf '%-6s %10.2f %10s %9s %12s %14s %10s %9s\n' "${n}x${n}" "$compile_s" "$(get build_s)" "$(get run_s)" \
    "$(get vectors_per_s)" "$(get cycles_per_s)" "$bytes" "$lines"
done
