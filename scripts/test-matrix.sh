#!/bin/sh
# Configures, builds and tests each named CMake preset in turn (see CMakePresets.json), then prints
# one line per configuration and a closing total. Stops at the first configuration that fails.
set -eu
[ $# -gt 0 ] || set -- gcc-cxx17 gcc-cxx20 clang-cxx17 clang-cxx20 asan asan-ndebug
summary=""
passed_total=0
failed_total=0
for preset in "$@"; do
  echo "=== bmm: configuration $preset ==="
  start=$(date +%s)
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  log="build/$preset/ctest.log"
  status=0
  ctest --preset "$preset" 2>&1 | tee "$log" || status=$?
  # ctest's own closing line: "100% tests passed, 0 tests failed out of 123"
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
  total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/')
  failed=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/')
  [ -n "$total" ] || { total=0; failed=0; status=1; }
  passed=$((total - failed))
  passed_total=$((passed_total + passed))
  failed_total=$((failed_total + failed))
  summary="$summary
  $preset: $passed passed, $failed failed ($(( $(date +%s) - start )) s)"
  if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    echo "bmm: configuration $preset failed$summary"
    echo "tests: $passed_total passed, $failed_total failed"
    exit 1
  fi
done
echo "bmm: every configuration passed:$summary"
echo "tests: $passed_total passed, $failed_total failed"
