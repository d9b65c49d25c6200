#!/usr/bin/env bash
# Replays the reproducers of the field trial (issue 5) against one Bitweave build and prints a table:
# exit code, output size, wall time, peak memory and the first line printed, per case.
#
#   bench/field-trial.sh [BITWEAVE_JAR]     (default: the jar ./bitweave builds, target/bitweave.jar)
#
# Run it on an older jar and on the current one to compare before and after. Every case runs in a
# fresh temporary folder, so nothing of the repository is touched. The JVM is capped at 2 GB so a
# runaway case shows as an OutOfMemoryError instead of starving the machine.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -ge 1 ]; then
  jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
  "$root/bitweave" --version >/dev/null || exit 1
  jar="$root/target/bitweave.jar"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
example="$root/dsl/examples/dot16_int8.bw"

bw=(java -Xmx2g -jar "$jar")

# case NAME COMMAND...: runs COMMAND in a fresh folder $work/NAME (cwd) and prints one table row.
case_row() {
  local name="$1"; shift
  local dir="$work/$name"
  mkdir -p "$dir"
  cp "$example" "$dir/d.bw"
  printf 'keep me\n' > "$dir/README.md"
  (
    cd "$dir" || exit 1
    /usr/bin/time -f '%e %M' -o "$dir/.time" "$@" >"$dir/.out" 2>&1
    echo $? >"$dir/.rc"
  )
  local rc bytes secs rss first
  rc=$(cat "$dir/.rc")
  bytes=$(wc -c <"$dir/.out")
  # time(1) writes "Command exited with non-zero status N" before its numbers: take the last line.
  read -r secs rss < <(tail -1 "$dir/.time") || true
  first=$(head -c 4000 "$dir/.out" | tr -s '\n\t' '  ' | cut -c1-110)
  printf '| %-22s | %4s | %9s | %6s | %7s | %s |\n' "$name" "$rc" "$bytes" "$secs" "$((rss / 1024))" "$first"
}

echo "jar: $jar"
printf '| %-22s | %4s | %9s | %6s | %7s | %s |\n' case exit out_bytes secs rss_MB "output (start, lines joined)"
printf '|%s|\n' "------------------------|------|-----------|--------|---------|---------------------"

# 1. --trace onto a file Bitweave did not write, onto a folder
case_row trace-readme bash -c 'java -jar '"$jar"' sim d.bw --vectors 5 --trace README.md; rc=$?; printf " [README now: %s]" "$(head -c 20 README.md | tr -d "\n")"; exit $rc'
case_row trace-dir bash -c 'mkdir -p t; java -jar '"$jar"' sim d.bw --vectors 5 --trace t; rc=$?; printf " [files in t: %s]" "$(ls t | wc -l)"; exit $rc'
# 2. empty -o
case_row compile-empty-o "${bw[@]}" compile d.bw -o ""
# 3. 40,000 '*' after a parameter
case_row stars-40k bash -c 'printf "design x\nparam A = 1 " > s.bw; head -c 40000 /dev/zero | tr "\0" "*" >> s.bw; java -Xmx2g -jar '"$jar"' check s.bw'
# 4. design names that collide with generated names or exceed tool limits
# The lint runs from outside the output folder on the file list (verilator -F resolves relative to it).
for name in clk in_valid K g_chain; do
  case_row "name-$name" bash -c 'sed "s/^design .*/design '"$name"'/" d.bw > n.bw && java -jar '"$jar"' compile n.bw -o o >/dev/null && verilator --lint-only -Wall -F "$(ls o/*.f | grep -v _env.f)" 2>&1 | head -3; echo lint-rc=${PIPESTATUS[0]}'
done
long=$(printf 'n%.0s' $(seq 124))
case_row name-124-chars bash -c 'sed "s/^design .*/design '"$long"'/" d.bw > n.bw && java -jar '"$jar"' check n.bw'
# 5. the file list used from another folder
# with the documented command where the build writes one (<top>_env.f), else the plain list
case_row filelist-elsewhere bash -c 'java -jar '"$jar"' compile d.bw -o out/x >/dev/null && if [ -f out/x/dot16_int8_env.f ]; then BITWEAVE_RTL=out/x iverilog -g2012 -o /dev/null -c out/x/dot16_int8_env.f; else iverilog -g2012 -o /dev/null -c out/x/dot16_int8.f; fi && echo iverilog-ok'
# 7..10, 13: diagnostics
case_row stray-dot bash -c 'printf "design x.\n" > s.bw; java -jar '"$jar"' check s.bw'
case_row lone-cr bash -c 'printf "design x\rparam A = 1\rparam A = 2\r" > s.bw; java -jar '"$jar"' check s.bw'
case_row emoji-caret bash -c 'printf "design x\nparam /* \xf0\x9f\x98\x80\xf0\x9f\x98\x80 */ A = 1 +\n" > s.bw; java -jar '"$jar"' check s.bw 2>&1 | head -3'
for terms in 5000 100000; do
  case_row flat-sum-$terms bash -c '{ printf "design x\nparam A = 1"; for i in $(seq '$terms'); do printf " + 1"; done; printf "\n"; grep -v "^design" d.bw; } > s.bw; java -jar '"$jar"' check s.bw'
done
case_row bom bash -c 'printf "\xef\xbb\xbf" > s.bw; cat d.bw >> s.bw; java -jar '"$jar"' check s.bw'
# 11, 12: I/O wording, directories
case_row golden-missing-in "${bw[@]}" golden d.bw --in a=nosuch.txt --in b=nosuch.txt
case_row check-dot "${bw[@]}" check .
# 14: -P and option spelling
case_row P-arabic-digits "${bw[@]}" check d.bw -P K=١٦
case_row P-space "${bw[@]}" check d.bw -P 'K= 8'
case_row P-too-big "${bw[@]}" check d.bw -P K=9223372036854775808
case_row option-prefix "${bw[@]}" sim d.bw --vector 5
# 15: accumulator narrower than one product
case_row narrow-acc bash -c 'sed "s/int32/int4/" d.bw > w.bw; java -jar '"$jar"' check w.bw'
