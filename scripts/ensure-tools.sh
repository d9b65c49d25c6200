#!/usr/bin/env bash
# Installs the external tools Bitweave drives (Verilator for co-simulation; Yosys for synth/equiv;
# nextpnr-ice40 and icestorm's icepack for place-and-route and bitstreams; Icarus and ccache for tests
# and faster rebuilds) with apt-get when they are missing. Safe to run repeatedly: it does
# nothing when every tool is already on PATH.
set -euo pipefail

# Each command and the Debian package that provides it.
declare -A package=([verilator]=verilator [yosys]=yosys [nextpnr-ice40]=nextpnr-ice40
                    [icepack]=fpga-icestorm [iverilog]=iverilog [ccache]=ccache)
missing=()
for tool in verilator yosys nextpnr-ice40 icepack iverilog ccache; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${package[$tool]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "bitweave: installing missing tools: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "bitweave: error: ${missing[*]} missing and not root (no sudo): install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >&2
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
