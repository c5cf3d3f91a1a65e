#!/bin/sh
# Installs, from Debian's packages, whatever bmm's build needs and this machine lacks.
#   scripts/install-deps.sh demo    compiler, CMake, Ninja, Boost, date
#   scripts/install-deps.sh test    + doctest, Google Benchmark, clang (second compiler, sanitizers),
#                                   clang-format, git (the format check lists tracked files),
#                                   chromium and python3 (the dashboard is rendered headless)
#   scripts/install-deps.sh bench   + python3-pandas and postgresql (the peers make bench times
#                                   beside bmm: pandas, PostgreSQL's numeric on a private server)
# Runs apt-get only when something is missing; as root directly, otherwise through sudo.
set -eu
need="g++ cmake ninja-build make libboost-dev libhowardhinnant-date-dev"
case "${1:-test}" in
  demo) ;;
  test | bench)
    need="$need doctest-dev libbenchmark-dev clang libclang-rt-dev clang-format git chromium python3"
    [ "$1" = bench ] && need="$need python3-pandas postgresql" ;;
  *) echo "usage: $0 demo|test|bench" >&2; exit 2 ;;
esac
missing=""
for pkg in $need; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0
echo "bmm: installing from Debian's packages:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
