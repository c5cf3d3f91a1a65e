#!/usr/bin/env python3
"""Checks that every bmm spec runs: names CTest cannot split, a zero-case guard on every entry.

    scripts/check-specs.py names [TESTS_DIR]   no TEST_CASE / SUBCASE / SCENARIO name holds ';'
    scripts/check-specs.py guard BUILD_DIR     every CTest entry that runs a doctest spec carries
                                               the zero-case guard (FAIL_REGULAR_EXPRESSION)
    scripts/check-specs.py counts BUILD_DIR    runs every spec entry's command and lists its
                                               doctest case count; fails if any runs none

Why: doctest_discover_tests makes one CTest entry per TEST_CASE, running the spec binary with
--test-case=<name>. It reads the names as a CMake list, so a name holding ';' becomes two
entries whose filters match nothing, and a doctest run that matches nothing exits 0: the case
never runs and CTest says Passed (issue 19: 42 of 464 entries, 21 specs). tests/CMakeLists.txt
therefore sets FAIL_REGULAR_EXPRESSION "test cases: +0 [|]" on every spec entry (doctest's
summary line "[doctest] test cases: 0 | 0 passed | ..."): `guard` checks that it is there, and
`names` keeps the names whole in the first place. Both run as CTest entries (spec_names.*,
spec_guard.*) in every configuration of `make test`; `names` also runs before the builds.

Exit status 0 when every check holds, 1 otherwise (each failure printed). Standard library only.
"""
import json
import os
import re
import subprocess
import sys

# The guard's regular expression, as tests/CMakeLists.txt sets it (BMM_SPEC_ZERO_CASES).
GUARD = "test cases: +0 [|]"
# Names that hold ';' on purpose: the guard's own self-test (tests/support/).
SELF_TEST = os.path.join("support", "spec_guard_selftest.cpp")
MACROS = ("TEST_CASE", "TEST_CASE_FIXTURE", "TEST_CASE_TEMPLATE", "SUBCASE", "SCENARIO",
          "SCENARIO_TEMPLATE", "GIVEN", "WHEN", "THEN", "AND_WHEN", "AND_THEN")
MACRO = re.compile(r"\b(" + "|".join(MACROS) + r")\s*\(")
LITERAL = re.compile(r'\s*(?:u8)?"((?:[^"\\\n]|\\.)*)"', re.S)


def spec_names(text):
    """Yields (line, macro, name) for each test macro whose first argument is a string literal
    (adjacent literals concatenated, as the compiler does)."""
    for m in MACRO.finditer(text):
        pos, parts = m.end(), []
        while True:
            lit = LITERAL.match(text, pos)
            if not lit:
                break
            parts.append(lit.group(1))
            pos = lit.end()
        if parts:
            yield text.count("\n", 0, m.start()) + 1, m.group(1), "".join(parts)


def check_names(tests_dir):
    bad = checked = 0
    for root, _, files in os.walk(tests_dir):
        for f in sorted(files):
            if not f.endswith((".cpp", ".hpp")):
                continue
            path = os.path.join(root, f)
            if os.path.relpath(path, tests_dir) == SELF_TEST:
                continue
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            for line, macro, name in spec_names(text):
                checked += 1
                if ";" in name:
                    bad += 1
                    print(f"{path}:{line}: {macro} name holds ';', which doctest_discover_tests "
                          f"splits into entries that run nothing: \"{name}\"")
    if checked == 0:
        print(f"bmm: no spec names found under {tests_dir}")
        return 1
    if bad:
        print(f"bmm: {bad} of {checked} spec names hold ';' (use a comma or a colon)")
        return 1
    print(f"bmm: {checked} spec names, none holds ';'")
    return 0


def ctest_entries(build_dir):
    out = subprocess.run(["ctest", "--test-dir", build_dir, "--show-only=json-v1"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out).get("tests", [])


def properties(entry):
    return {p["name"]: p["value"] for p in entry.get("properties", [])}


def runs_doctest(entry):
    return any(str(a).startswith("--test-case=") for a in entry.get("command", [])[1:])


def check_guard(build_dir):
    bad = specs = 0
    for t in ctest_entries(build_dir):
        if not runs_doctest(t) or "unguarded" in properties(t).get("LABELS", []):
            continue  # spec_guard.no_match.control runs without the guard on purpose
        specs += 1
        fail = properties(t).get("FAIL_REGULAR_EXPRESSION", [])
        if isinstance(fail, str):
            fail = [fail]
        if GUARD not in fail:
            bad += 1
            print(f"ctest entry \"{t['name']}\" runs a doctest spec without the zero-case guard "
                  f"(FAIL_REGULAR_EXPRESSION \"{GUARD}\")")
    if specs == 0:
        print(f"bmm: no doctest entries in {build_dir} (not built?)")
        return 1
    if bad:
        print(f"bmm: {bad} of {specs} doctest entries lack the zero-case guard")
        return 1
    print(f"bmm: all {specs} doctest entries carry the zero-case guard")
    return 0


def check_counts(build_dir):
    zero = rows = 0
    for t in ctest_entries(build_dir):
        props = properties(t)
        labels = props.get("LABELS", [])
        if "spec" not in labels:
            continue
        rows += 1
        r = subprocess.run(t["command"], cwd=props.get("WORKING_DIRECTORY", build_dir),
                           capture_output=True, text=True)
        m = re.search(r"test cases: *(\d+) *\|", r.stdout)
        n = int(m.group(1)) if m else -1
        print(f"{n}\t{t['name']}")
        if n <= 0:
            zero += 1
    print(f"bmm: {rows} spec entries, {zero} run no case", file=sys.stderr)
    return 1 if zero or rows == 0 else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "names":
        default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests")
        return check_names(os.path.normpath(argv[2] if len(argv) > 2 else default))
    if len(argv) == 3 and argv[1] == "guard":
        return check_guard(argv[2])
    if len(argv) == 3 and argv[1] == "counts":
        return check_counts(argv[2])
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
