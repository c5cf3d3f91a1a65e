#!/usr/bin/env python3
"""What including a bmm header costs: compile time of a one-line program, against baselines.

    scripts/compile-cost.py [--runs N] [--cxx g++] [--std c++17] [--opt O0 --opt O2]
                            [--header money.hpp ...] [--include DIR] [--info] [--out FILE.md]

For every public header (and the umbrella) a file `#include <bmm/X.hpp>` plus `int main(){}` is
compiled (syntax, templates and code generation; no link) at -O0 and at -O2, N times each; the
median is compared with the same program including only what the header needs from outside bmm:
<string> and <vector> always, date/date.h if the header uses date, Boost's cpp_int.hpp if it uses
Boost.Multiprecision. Goals (issue 7):
  a header with no external dependency   <= 2.0x  <string> + <vector>
  a header with dependencies             <= 1.15x its dependencies (+ <string> + <vector>)
  bmm/bmm.hpp                            <= 1.15x cpp_int.hpp + date.h (+ <string> + <vector>)
Exit status 1 when a goal is missed (0 with --info: the issue's goals are stated for g++
-std=c++17; other compilers and standards are reported for information).

Robust on a busy machine: the time that counts is the compiler's CPU time (user + system of
the compiler and everything it runs, from getrusage(RUSAGE_CHILDREN) before and after each
compile), which another process on the machine does not add to; wall time is reported beside
it. The N runs of every program are interleaved (run 1 of every header and every baseline,
then run 2, ...), so slow drift (thermal, frequency, cache) affects headers and baselines alike,
and the median of the N runs is used.
"""
import argparse
import os
import resource
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


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def compile_once(path, cxx, std, opt, obj):
    """One compile of `path`. Returns: (CPU seconds of the compiler and its children, wall)."""
    cpu0, wall0 = children_cpu(), time.perf_counter()
    subprocess.run([cxx, "-std=" + std, opt, "-I" + INCLUDE, "-c", path, "-o", obj], check=True)
    return children_cpu() - cpu0, time.perf_counter() - wall0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--std", default="c++17")
    ap.add_argument("--opt", action="append", default=None,
                    help="optimisation level: O0, O2, Os... (repeatable; default O0 and O2)")
    ap.add_argument("--header", action="append", default=None,
                    help="only this header (repeatable; e.g. money.hpp)")
    ap.add_argument("--include", default=None,
                    help="the include directory holding bmm/ (default: this checkout's include/)")
    ap.add_argument("--info", action="store_true",
                    help="report only: exit status 0 even when a goal is missed")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    global INCLUDE
    if args.include:
        INCLUDE = os.path.abspath(args.include)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    opts = ["-" + o.lstrip("-") for o in args.opt] if args.opt else ["-O0", "-O2"]
    headers = sorted(h for h in os.listdir(os.path.join(INCLUDE, "bmm")) if h.endswith(".hpp"))
    if args.header:
        unknown = [h for h in args.header if h not in headers]
        if unknown:
            ap.error("no such header: " + ", ".join(unknown))
        headers = sorted(args.header)

    # Every program to time: each header, and the baselines those headers need.
    plan = []  # (header, deps, header source, baseline source)
    for h in headers:
        deps = {"date", "boost"} if h == "bmm.hpp" else external_deps("bmm/" + h, args.cxx,
                                                                      args.std)
        baseline = BASE + (DATE if "date" in deps else "") + (BOOST if "boost" in deps else "")
        plan.append((h, deps, "#include <bmm/%s>\n" % h, baseline))
    sources = [BASE]
    for _, _, src, baseline in plan:
        for s in (baseline, src):
            if s not in sources:
                sources.append(s)

    samples = {}  # (source, opt) -> [(cpu, wall)]
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for i, s in enumerate(sources):
            paths[s] = os.path.join(tmp, "tu%d.cpp" % i)
            with open(paths[s], "w") as f:
                f.write(s + "int main() {}\n")
        obj = os.path.join(tmp, "tu.o")
        for opt in opts:  # warm the file cache: the first compile of anything is not timed
            compile_once(paths[BASE], args.cxx, args.std, opt, obj)
        for run in range(args.runs):
            # Interleaved: every program once per round; the order rotates each round, so no
            # program always follows the same one.
            order = [(s, opt) for opt in opts for s in sources]
            k = (run * 7) % len(order)
            for s, opt in order[k:] + order[:k]:
                samples.setdefault((s, opt), []).append(
                    compile_once(paths[s], args.cxx, args.std, opt, obj))

    def cpu(s, opt):
        return statistics.median(c for c, _ in samples[(s, opt)])

    def wall(s, opt):
        return statistics.median(w for _, w in samples[(s, opt)])

    rows, ok = [], True
    for opt in opts:
        base = cpu(BASE, opt)
        for h, deps, src, baseline in plan:
            t, b = cpu(src, opt), cpu(baseline, opt)
            if deps:
                goal, against = 1.15, " + ".join(sorted(deps))
            else:
                goal, against, b = 2.0, "<string> + <vector>", base
            ratio = t / b
            passed = ratio <= goal
            ok = ok and passed
            rows.append((opt, h, t, wall(src, opt), t / base, against, b, ratio, goal, passed))
    lines = ["| opt | header | CPU s | wall s | vs <string>+<vector> | baseline (CPU s) | ratio "
             "| goal | result |",
             "|---|---|---:|---:|---:|---|---:|---:|---|"]
    for opt, h, t, w, vs_base, against, b, ratio, goal, passed in rows:
        lines.append("| %s | `bmm/%s` | %.3f | %.3f | %.2fx | %s (%.3f) | %.2fx | <= %.2fx | %s |"
                     % (opt, h, t, w, vs_base, against, b, ratio, goal,
                        "pass" if passed else "FAIL"))
    cxx = subprocess.run([args.cxx, "--version"], capture_output=True, text=True).stdout
    load = os.getloadavg()
    text = ("%s, -std=%s; CPU time (user + sys) of the compiler, median of %d interleaved runs "
            "each; load average %.2f %.2f %.2f at the end.%s\n\n%s\n" % (
                cxx.splitlines()[0], args.std, args.runs, load[0], load[1], load[2],
                " For information (--info)." if args.info else "", "\n".join(lines)))
    missed = [r for r in rows if not r[9]]
    if missed:
        text += "\nMissed: %s\n" % ", ".join("%s %s (%.2fx > %.2fx)" % (r[1], r[0], r[7], r[8])
                                           for r in missed)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    return 0 if ok or args.info else 1


if __name__ == "__main__":
    sys.exit(main())
