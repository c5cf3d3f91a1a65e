#!/usr/bin/env python3
"""What including a bmm header costs: compile time of a one-line program, against baselines.

    scripts/compile-cost.py [--runs N] [--cxx g++] [--std c++17] [--out FILE.md]

For every public header (and the umbrella) a file `#include <bmm/X.hpp>` plus `int main(){}` is
compiled (syntax, templates and code generation; no link) at -O0 and at -O2, N times each; the
median is compared with the same program including only what the header needs from outside bmm:
<string> and <vector> always, date/date.h if the header uses date, Boost's cpp_int.hpp if it uses
Boost.Multiprecision. Goals (issue 7):
  a header with no external dependency   <= 2.0x  <string> + <vector>
  a header with dependencies             <= 1.15x its dependencies (+ <string> + <vector>)
  bmm/bmm.hpp                            <= 1.15x cpp_int.hpp + date.h (+ <string> + <vector>)
Exit status 1 when a goal is missed.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = os.path.join(ROOT, "include")
DATE = "#include <date/date.h>\n"
BOOST = "#include <boost/multiprecision/cpp_int.hpp>\n"
BASE = "#include <string>\n#include <vector>\n"


def external_deps(header, cxx, std):
    """The outside headers (date, Boost.Multiprecision) a bmm header really includes with this
    compiler (conditional includes that are not taken do not count)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "deps.cpp")
        with open(path, "w") as f:
            f.write("#include <%s>\n" % header)
        out = subprocess.run([cxx, "-std=" + std, "-I" + INCLUDE, "-M", path],
                             capture_output=True, text=True, check=True).stdout
    deps = set()
    if "date/date.h" in out:
        deps.add("date")
    if "boost/multiprecision" in out:
        deps.add("boost")
    return deps


def compile_time(source, cxx, std, opt, runs, tmp):
    path = os.path.join(tmp, "tu.cpp")
    with open(path, "w") as f:
        f.write(source + "int main() {}\n")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([cxx, "-std=" + std, opt, "-I" + INCLUDE, "-c", path, "-o",
                        os.path.join(tmp, "tu.o")], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--std", default="c++17")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    headers = sorted(h for h in os.listdir(os.path.join(INCLUDE, "bmm")) if h.endswith(".hpp"))
    rows, ok = [], True
    with tempfile.TemporaryDirectory() as tmp:
        cache = {}

        def measure(source, opt):
            key = (source, opt)
            if key not in cache:
                cache[key] = compile_time(source, args.cxx, args.std, opt, args.runs, tmp)
            return cache[key]

        for opt in ("-O0", "-O2"):
            base = measure(BASE, opt)
            for h in headers:
                deps = external_deps("bmm/" + h, args.cxx, args.std)
                if h == "bmm.hpp":
                    deps = {"date", "boost"}
                baseline_src = BASE + (DATE if "date" in deps else "") + (
                    BOOST if "boost" in deps else "")
                t = measure("#include <bmm/%s>\n" % h, opt)
                b = measure(baseline_src, opt)
                if deps:
                    ratio, goal = t / b, 1.15
                    against = " + ".join(sorted(deps))
                else:
                    ratio, goal = t / base, 2.0
                    against = "<string> + <vector>"
                passed = ratio <= goal
                ok = ok and passed
                rows.append((opt, h, t, against, b if deps else base, ratio, goal, passed,
                             t / base))
    lines = ["| opt | header | seconds | vs <string>+<vector> | baseline | ratio | goal | result |",
             "|---|---|---:|---:|---|---:|---:|---|"]
    for opt, h, t, against, b, ratio, goal, passed, vs_base in rows:
        lines.append("| %s | `bmm/%s` | %.3f | %.2fx | %s (%.3f s) | %.2fx | <= %.2fx | %s |"
                     % (opt, h, t, vs_base, against, b, ratio, goal, "pass" if passed else "FAIL"))
    cxx = subprocess.run([args.cxx, "--version"], capture_output=True, text=True).stdout
    text = "%s, -std=%s, median of %d runs each.\n\n%s\n" % (
        cxx.splitlines()[0], args.std, args.runs, "\n".join(lines))
    print(text)
    if args.out:
        open(args.out, "w").write(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
