#!/bin/sh
# Runs bmm's benchmarks and writes their same-run ratios as a Markdown table.
#   scripts/run-bench.sh BUILD_DIR OUTPUT.md
# Each benchmark runs 7 times in one process; the table uses the medians of that one run, so a
# ratio compares bmm with its baseline under the same machine conditions.
set -eu
build=${1:-build/bench}
out=${2:-bench/results.md}
json=$(mktemp)
part=$(mktemp)
peer=$(mktemp -d)
trap 'rm -rf "$json" "$part" "$peer"' EXIT
echo '{"benchmarks": []}' >"$json"
for program in money rag finance; do
  "$build/bench/bmm_bench_$program" --benchmark_repetitions=7 \
    --benchmark_report_aggregates_only=true --benchmark_format=json \
    --benchmark_out="$part" --benchmark_out_format=json >/dev/null
  python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); a["benchmarks"]+=b["benchmarks"]; json.dump(a, open(sys.argv[1], "w"))' "$json" "$part"
done
# The pandas peer, on the same generated data (written once by the benchmark programs).
peer_json='{}'
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  "$build/bench/bmm_bench_finance" --dump="$peer/data"
  "$build/bench/bmm_bench_rag" --dump="$peer/data"
  peer_json=$(/usr/bin/python3 scripts/pandas-peer.py "$peer/data" --runs 5)
else
  echo "bmm bench: python3-pandas is not installed: the pandas peer is skipped" >&2
fi
compiler=$(c++ --version | head -n 1)
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
python3 - "$json" "$out" "$compiler" "$cpu" "$(nproc)" "$peer_json" <<'PY'
import json, sys, datetime
path, out, compiler, cpu, cores, peer_json = sys.argv[1:7]
data = json.load(open(path))
peer = json.loads(peer_json)
median = {}
counters = {}
for b in data["benchmarks"]:
    if b.get("aggregate_name") == "median":
        name = b["run_name"]
        median[name] = b["real_time"] * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
        if "wrong_pennies" in b:
            counters[name] = "%d pennies wrong" % int(b["wrong_pennies"])
        if "wrong_ties" in b:
            counters[name] = "%d ties wrong" % int(b["wrong_ties"])
items = None
rows = [
    ("sum/raw_int64", "sum/raw_int64", None, "baseline"),
    ("sum/bmm", "sum/raw_int64", 1.3, "exact, overflow-checked"),
    ("sum/double", "sum/raw_int64", None, "information: inexact"),
    ("scale/raw_int64", "scale/raw_int64", None, "baseline"),
    ("scale/bmm", "scale/raw_int64", 3.0, "exact, half-even"),
    ("scale/double", "scale/raw_int64", None, "information: inexact"),
    ("rate/raw_int64", "rate/raw_int64", None, "baseline"),
    ("rate/bmm", "rate/raw_int64", 1.5, "exact, any target kind"),
    ("rate/double", "rate/raw_int64", None, "information"),
    ("variance_pct/raw_int64", "variance_pct/raw_int64", None, "baseline"),
    ("variance_pct/bmm", "variance_pct/raw_int64", 1.5, "exact, every tie right"),
    ("variance_pct/double", "variance_pct/raw_int64", None, "information"),
]
n = 10_000_000
lines = ["| benchmark | median ms (10^7 items) | ns/item | ratio to baseline | goal | result |",
         "|---|---:|---:|---:|---:|---|"]
ok = True
for name, base, goal, note in rows:
    if name not in median or base not in median:
        continue
    r = median[name] / median[base]
    verdict = note
    if goal is not None:
        passed = r <= goal
        ok = ok and passed
        verdict = ("pass" if passed else "FAIL") + f" ({note})"
    if name in counters:
        verdict += f", {counters[name]}"
    lines.append(f"| {name} | {median[name]/1e6:.2f} | {median[name]/n:.2f} | {r:.2f}x | "
                 f"{'<= %.1fx' % goal if goal else '-'} | {verdict} |")
if peer:
    lines += ["", "| peer (same data, in memory) | median ms | speed-up of bmm | goal | result |",
              "|---|---:|---:|---:|---|"]
    for task, note in (("variance_pct", "floating point, %d figures wrong" %
                        peer["variance_pct/pandas wrong"]), ("rate", "string statuses")):
        if task + "/bmm" not in median:
            continue
        t = peer[task + "/pandas"] * 1e9
        speedup = t / median[task + "/bmm"]
        passed = speedup >= 20
        ok = ok and passed
        lines.append(f"| {task}/pandas {peer['pandas']} | {t/1e6:.1f} | {speedup:.1f}x | >= 20x | "
                     f"{'pass' if passed else 'FAIL'} ({note}) |")
text = "\n".join([
    f"Run {datetime.date.today().isoformat()} on {cpu} ({cores} cores), {compiler}, -O2.",
    "", *lines, ""])
open(out, "w").write(text)
print(text)
sys.exit(0 if ok else 1)
PY
