#!/bin/sh
# Builds bmm's libFuzzer targets (the "fuzz" preset: clang, -fsanitize=fuzzer,address,undefined)
# and runs each for SECONDS on a working copy of its seed corpus, then writes the figures per
# target (executions, exec/s, coverage, features, corpus size, crashes and leaks) as a Markdown
# table to <build dir>/results.md.
#   scripts/fuzz.sh SECONDS [SEED]
# A SEED makes the run repeatable as far as a timed run can be (make test uses one); without it
# libFuzzer picks one. Environment:
#   FUZZ_BUILD_DIR  build directory (default build/fuzz, the preset's); another directory is
#                   configured with the preset's settings
#   FUZZ_JOBS       targets run at a time (default 1; each uses one core)
#   FUZZ_TARGETS    the targets to run, space-separated (default: every fuzz/fuzz_*.cpp)
#   FUZZ_DOC        a Markdown file whose block between "<!-- fuzz-results -->" and
#                   "<!-- /fuzz-results -->" is replaced by the table (e.g. docs/testing.md)
# Exit status 1 if any target crashed, leaked, hung or tripped a sanitizer.
set -eu
seconds=${1:-300}
seed=${2:-0}
dir=${FUZZ_BUILD_DIR:-build/fuzz}
jobs=${FUZZ_JOBS:-1}
if [ "$dir" = build/fuzz ]; then
  cmake --preset fuzz >/dev/null
else
  cmake --preset fuzz -B "$dir" >/dev/null
fi
cmake --build "$dir"
targets=${FUZZ_TARGETS:-$(for src in fuzz/fuzz_*.cpp; do basename "$src" .cpp | sed 's/^fuzz_//'; done)}
mkdir -p "$dir/artifacts"

run_one() {  # name -> writes $dir/<name>.row (a table row) and $dir/<name>.log
  name=$1
  corpus=$dir/corpus/$name
  mkdir -p "$corpus"
  cp fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  seeds=$(ls fuzz/corpus/"$name" 2>/dev/null | wc -l)
  log=$dir/$name.log
  rm -f "$dir/artifacts/$name-"*
  if "$dir"/fuzz/bmm_fuzz_"$name" "$corpus" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -seed="$seed" -print_final_stats=1 \
       -artifact_prefix="$dir/artifacts/$name-" >"$log" 2>&1; then
    result=pass
  else
    result=FAIL
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | sed 's/ft: //')
  files=$(ls "$corpus" | wc -l)
  crashes=$(ls "$dir/artifacts" | grep -c "^$name-crash-" || true)
  leaks=$(ls "$dir/artifacts" | grep -c "^$name-leak-" || true)
  others=$(ls "$dir/artifacts" | grep "^$name-" | grep -vc -e "-crash-" -e "-leak-" || true)
  echo "| $name | ${runs:-?} | ${rate:-?} | ${cov:-?} | ${ft:-?} | $seeds -> $files |" \
       "$crashes | $leaks | $others | $result |" | tr -s ' ' >"$dir/$name.row"
  echo "bmm fuzz: $name: $result (${runs:-?} runs, cov ${cov:-?}, ft ${ft:-?}, corpus $files)"
  [ "$result" = pass ] || tail -n 40 "$log"
}

# Run the targets, at most $jobs at a time.
running=0
for name in $targets; do
  run_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait
    running=0
  fi
done
wait

out=$dir/results.md
{
  echo "Fuzzing: $seconds s per target, seed $seed, $jobs at a time; $(clang++ --version | head -n 1)."
  echo
  echo "| target | executions | exec/s | coverage (cov) | features (ft) | corpus (seeds -> after) | crashes | leaks | timeouts / OOM | result |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for name in $targets; do cat "$dir/$name.row"; done
} >"$out"
cat "$out"

if [ -n "${FUZZ_DOC:-}" ]; then
  awk -v table="$out" '
    /<!-- fuzz-results -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- \/fuzz-results -->/ { skip = 0 }
    !skip { print }' "$FUZZ_DOC" >"$FUZZ_DOC.tmp" && mv "$FUZZ_DOC.tmp" "$FUZZ_DOC"
  echo "bmm fuzz: the table is in $FUZZ_DOC"
fi

status=0
for name in $targets; do
  grep -q '| pass |$' "$dir/$name.row" || status=1
done
exit $status
