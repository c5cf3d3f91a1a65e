#!/bin/sh
# Builds bmm's libFuzzer targets (preset "fuzz": clang, ASan + UBSan) and runs each for SECONDS
# on a working copy of its seed corpus, then writes the figures to build/fuzz/results.md.
#   scripts/fuzz.sh SECONDS [SEED]
# A SEED makes the run repeatable (make test uses one); without it libFuzzer picks one.
# Exit status 1 if any target crashed, leaked, hung or tripped a sanitizer.
set -eu
seconds=${1:-300}
seed=${2:-0}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
out=build/fuzz/results.md
{
  echo "Fuzzing, $seconds s per target, $(clang++ --version | head -n 1)."
  echo
  echo "| target | executions | exec/s | coverage (cov) | features (ft) | corpus | result |"
  echo "|---|---:|---:|---:|---:|---:|---|"
} >"$out"
status=0
for src in fuzz/fuzz_*.cpp; do
  name=$(basename "$src" .cpp | sed 's/^fuzz_//')
  corpus=build/fuzz/corpus/$name
  mkdir -p "$corpus" build/fuzz/artifacts
  cp fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  log=build/fuzz/$name.log
  if build/fuzz/fuzz/bmm_fuzz_"$name" "$corpus" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -seed="$seed" -print_final_stats=1 -artifact_prefix=build/fuzz/artifacts/"$name"- \
       >"$log" 2>&1; then
    result=pass
  else
    result=FAIL
    status=1
    tail -n 40 "$log"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | sed 's/ft: //')
  files=$(ls "$corpus" | wc -l)
  echo "| $name | ${runs:-?} | ${rate:-?} | ${cov:-?} | ${ft:-?} | $files | $result |" >>"$out"
  echo "bmm fuzz: $name: $result (${runs:-?} runs, cov ${cov:-?}, corpus $files)"
done
cat "$out"
exit $status
