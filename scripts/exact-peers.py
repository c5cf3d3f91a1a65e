#!/usr/bin/env python3
"""The exact peers a user would otherwise pick, timed in the same run as bmm: Python's decimal
(stdlib) and PostgreSQL's numeric (a private server), beside pandas.read_csv for the audit from
the file. Every peer's figures are checked against bmm's, not assumed.

    scripts/exact-peers.py BUILD_DIR WORK_DIR [--runs N] [--audit-lines N] [--file-lines N]

WORK_DIR must hold WORK_DIR/data.budget.i64 and data.forecast.i64 (bmm_bench_finance
--dump=WORK_DIR/data). The script writes its CSV files there and prints JSON on stdout:

  variance %, 10^7 lines, data in memory (Python lists of Decimal; a PostgreSQL table after COPY):
    "variance_pct/decimal", "variance_pct/postgres": median seconds; "... wrong": figures that
    differ from the exact half-up % (computed here in integers, as scripts/pandas-peer.py does)
  the audit of a published table of --audit-lines lines (default 10^6; bmm's bench table, its
  CSV written by bmm_bench_audit_memory), data in memory / in a table:
    "audit/decimal", "audit/postgres", "audit/bmm" (bmm::audit_budget_table on the table in
    memory: bmm_bench_audit --items=N), "audit/bmm-audit" (bmm-audit on the file, parsing and
    printing included); "... differ": findings (row, column, class, computed) not in bmm-audit's
  end to end from a CSV of --file-lines lines (default 10^7):
    "file/bmm-audit" (bmm-audit FILE --format csv > a file), "file/pandas.read_csv" (the file
    read, nothing else), "file/postgres" (CREATE TABLE, COPY, the audit);
    "file/postgres differ"

The PostgreSQL server is private: initdb into a temporary directory, listening only on a Unix
socket there, trust authentication, one worker per query (max_parallel_workers_per_gather = 0,
as bmm uses one core), fsync off (a throw-away cluster), stopped and removed on exit, also on
failure or a signal. As root it runs as the `postgres` user (initdb refuses root).
"""
import atexit
import csv
import glob
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

RUNS = 5
TENTH = Decimal("0.1")
HALF = Decimal("0.05")
HUNDRED = Decimal(100)


def log(msg):
    print("bmm peers: " + msg, file=sys.stderr, flush=True)


def median_time(f, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def exact_tenths(budget, forecast):
    """The exact variance % in tenths, half up, ÷ |budget| (numpy int64)."""
    v = forecast - budget
    d = np.abs(budget)
    n = v * 1000
    q = np.abs(n) // d
    r = np.abs(n) % d
    return np.sign(n) * (q + (2 * r >= d))


# ---- Python decimal, as a user writes it ----------------------------------------------------

def decimal_variance_pct(budgets, forecasts):
    return [((f - b) / abs(b) * HUNDRED).quantize(TENTH, ROUND_HALF_UP)
            for b, f in zip(budgets, forecasts)]


def interval(x):
    """A figure printed to 1 dp stands for [x - 0.05, x + 0.05]; half-up rounding closes the end
    toward zero (x > 0: the low end; x < 0: the high end)."""
    return (x - HALF, x + HALF, x > 0, x < 0)


def minus(a, b):
    return (a[0] - b[1], a[1] - b[0], a[2] and b[3], a[3] and b[2])


def meets(a, b):
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    lc = (a[2] and b[2]) if a[0] == b[0] else (a[2] if a[0] > b[0] else b[2])
    hc = (a[3] and b[3]) if a[1] == b[1] else (a[3] if a[1] < b[1] else b[3])
    return lo < hi or (lo == hi and lc and hc)


def decimal_audit(rows):
    """rows: (level, budget, forecast, variance, pct, previous, change) as Decimal (level int).
    Returns the findings as (row from 1, column, class, computed)."""
    out = []
    pending = []  # (level, budget, forecast, previous) a later total may still sum

    def linear(i, col, printed, exact, computed):
        if printed != exact:
            out.append((i, col, "rounding" if meets(interval(printed), computed) else "error",
                        exact))

    def total_interval(values):
        s = sum(values)
        k = len(values)
        return (s - HALF * k, s + HALF * k, all(x > 0 for x in values),
                all(x < 0 for x in values))

    for i, (level, b, f, v, p, pv, c) in enumerate(rows, start=1):
        if level > 0:
            members = []
            while pending and pending[-1][0] < level:
                members.append(pending.pop())
            for col, k in (("budget", 1), ("forecast", 2)):
                values = [m[k] for m in members]
                linear(i, col, (b, f)[k - 1], sum(values), total_interval(values))
        pending.append((level, b, f, pv))
        linear(i, "variance", v, f - b, minus(interval(f), interval(b)))
        if b == 0:
            if p != 0:
                out.append((i, "variance_pct", "rounding", Decimal(0)))
        else:
            exact = (v * HUNDRED / abs(b)).quantize(TENTH, ROUND_HALF_UP)
            if exact != p:
                corners = [(x / y, xc and yc)
                           for x, xc in ((v - HALF, v > 0), (v + HALF, v < 0))
                           for y, yc in ((b - HALF, b > 0), (b + HALF, b < 0))]
                sign = HUNDRED if b > 0 else -HUNDRED  # ÷ |budget|
                corners = [(x * sign, closed) for x, closed in corners]
                lo = min(x for x, _ in corners)
                hi = max(x for x, _ in corners)
                share = (lo, hi, any(cl for x, cl in corners if x == lo),
                         any(cl for x, cl in corners if x == hi))
                what = "error"
                if meets(interval(p), share):
                    what = "rounding"
                elif b < 0 and meets(interval(p), (-share[1], -share[0], share[3], share[2])):
                    what = "sign"
                out.append((i, "variance_pct", what, exact))
        if level > 0:
            values = [m[3] for m in members]
            linear(i, "previous_variance", pv, sum(values), total_interval(values))
        linear(i, "change", c, v - pv, minus(interval(v), interval(pv)))
    return out


def read_published(path):
    rows = []
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        for rec in r:
            rows.append((int(rec[1]),) + tuple(Decimal(x) for x in rec[2:8]))
    return rows


def bmm_audit_findings(path):
    """bmm-audit's findings of a CSV it wrote (--format csv), by header name."""
    found = set()
    with open(path, newline="") as f:
        r = csv.DictReader(f)
        for rec in r:
            found.add((int(rec["row"]), rec["column"], rec["class"], Decimal(rec["computed"])))
    return found


def differ(a, b):
    return len(set(a) ^ set(b))


# ---- PostgreSQL --------------------------------------------------------------------------------

def linear_sql(x, lo, hi, lc, hc):
    """SQL: the class of figure x printed to 1 dp against the interval [lo, hi] (ends closed when
    lc, hc) it was computed in. Written out, not a SQL function: PostgreSQL does not inline a
    function whose arguments are expressions used more than once, and a call costs ~10 us."""
    a = dict(alo="(%s - 0.05)" % x, ahi="(%s + 0.05)" % x, alc="(%s > 0)" % x, ahc="(%s < 0)" % x,
             blo="(%s)" % lo, bhi="(%s)" % hi, blc="(%s)" % lc, bhc="(%s)" % hc)
    meets = ("greatest({alo}, {blo}) < least({ahi}, {bhi}) OR (greatest({alo}, {blo}) = "
             "least({ahi}, {bhi}) AND CASE WHEN {alo} = {blo} THEN {alc} AND {blc} WHEN {alo} > "
             "{blo} THEN {alc} ELSE {blc} END AND CASE WHEN {ahi} = {bhi} THEN {ahc} AND {bhc} "
             "WHEN {ahi} < {bhi} THEN {ahc} ELSE {bhc} END)").format(**a)
    return "CASE WHEN %s THEN 'rounding' ELSE 'error' END" % meets


AUDIT_SQL = """
CREATE OR REPLACE FUNCTION meets(alo numeric, ahi numeric, alc bool, ahc bool,
                                 blo numeric, bhi numeric, blc bool, bhc bool) RETURNS bool
LANGUAGE sql IMMUTABLE AS $$
  SELECT greatest(alo, blo) < least(ahi, bhi)
      OR (greatest(alo, blo) = least(ahi, bhi)
          AND CASE WHEN alo = blo THEN alc AND blc WHEN alo > blo THEN alc ELSE blc END
          AND CASE WHEN ahi = bhi THEN ahc AND bhc WHEN ahi < bhi THEN ahc ELSE bhc END) $$;
-- A printed % p of variance v and budget b (1 dp each): the corners of v ÷ |b| over the
-- intervals the printed v and b stand for; rounding, sign (÷ budget) or error.
CREATE OR REPLACE FUNCTION pct_class(v numeric, b numeric, p numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN meets(p - 0.05, p + 0.05, p > 0, p < 0, lo, hi, lc, hc) THEN 'rounding'
              WHEN b < 0 AND meets(p - 0.05, p + 0.05, p > 0, p < 0, -hi, -lo, hc, lc)
              THEN 'sign' ELSE 'error' END
  FROM (SELECT lo, hi,
               (c1 = lo AND k1) OR (c2 = lo AND k2) OR (c3 = lo AND k3) OR (c4 = lo AND k4) AS lc,
               (c1 = hi AND k1) OR (c2 = hi AND k2) OR (c3 = hi AND k3) OR (c4 = hi AND k4) AS hc
        FROM (SELECT *, least(c1, c2, c3, c4) AS lo, greatest(c1, c2, c3, c4) AS hi
              FROM (SELECT (v - 0.05) / (b - 0.05) * 100 * sign(b) AS c1,
                           (v - 0.05) / (b + 0.05) * 100 * sign(b) AS c2,
                           (v + 0.05) / (b - 0.05) * 100 * sign(b) AS c3,
                           (v + 0.05) / (b + 0.05) * 100 * sign(b) AS c4,
                           v > 0 AND b > 0 AS k1, v > 0 AND b < 0 AS k2,
                           v < 0 AND b > 0 AS k3, v < 0 AND b < 0 AS k4) c) m) e $$;
DROP TABLE IF EXISTS findings;
CREATE UNLOGGED TABLE findings AS
WITH nxt AS (
  -- the parent of a row: the first later row of a higher level (the total that sums it)
  SELECT idx, budget, forecast, previous,
         CASE level WHEN 0 THEN n0 WHEN 1 THEN n1 WHEN 2 THEN n2 WHEN 3 THEN n3 WHEN 4 THEN n4
                    WHEN 5 THEN n5 WHEN 6 THEN n6 WHEN 7 THEN n7 WHEN 8 THEN n8 END AS parent
  FROM (SELECT *, min(idx) FILTER (WHERE level > 0) OVER w AS n0,
                  min(idx) FILTER (WHERE level > 1) OVER w AS n1,
                  min(idx) FILTER (WHERE level > 2) OVER w AS n2,
                  min(idx) FILTER (WHERE level > 3) OVER w AS n3,
                  min(idx) FILTER (WHERE level > 4) OVER w AS n4,
                  min(idx) FILTER (WHERE level > 5) OVER w AS n5,
                  min(idx) FILTER (WHERE level > 6) OVER w AS n6,
                  min(idx) FILTER (WHERE level > 7) OVER w AS n7,
                  min(idx) FILTER (WHERE level > 8) OVER w AS n8
        FROM published
        WINDOW w AS (ORDER BY idx DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) s),
sums AS (
  SELECT parent, count(*) AS k,
         sum(budget) AS sb, bool_and(budget > 0) AS bp, bool_and(budget < 0) AS bn,
         sum(forecast) AS sf, bool_and(forecast > 0) AS fp, bool_and(forecast < 0) AS fn,
         sum(previous) AS sv, bool_and(previous > 0) AS vp, bool_and(previous < 0) AS vn
  FROM nxt WHERE parent IS NOT NULL GROUP BY parent)
SELECT p.idx AS row, 'budget' AS col, %(budget)s AS class, s.sb AS computed
  FROM published p JOIN sums s ON s.parent = p.idx WHERE p.budget <> s.sb
UNION ALL
SELECT p.idx, 'forecast', %(forecast)s, s.sf
  FROM published p JOIN sums s ON s.parent = p.idx WHERE p.forecast <> s.sf
UNION ALL
SELECT p.idx, 'variance', %(variance)s, p.forecast - p.budget
  FROM published p WHERE p.variance <> p.forecast - p.budget
UNION ALL
SELECT p.idx, 'variance_pct', 'rounding', 0 FROM published p WHERE p.budget = 0 AND p.pct <> 0
UNION ALL
SELECT p.idx, 'variance_pct', pct_class(p.variance, p.budget, p.pct),
       round(p.variance * 100 / abs(p.budget), 1)
  FROM published p
  WHERE p.budget <> 0 AND round(p.variance * 100 / abs(p.budget), 1) <> p.pct
UNION ALL
SELECT p.idx, 'previous_variance', %(previous)s, s.sv
  FROM published p JOIN sums s ON s.parent = p.idx WHERE p.previous <> s.sv
UNION ALL
SELECT p.idx, 'change', %(change)s, p.variance - p.previous
  FROM published p WHERE p.change <> p.variance - p.previous;
"""
for _name, _sql in dict(
    budget=linear_sql("p.budget", "s.sb - 0.05 * s.k", "s.sb + 0.05 * s.k", "s.bp", "s.bn"),
    forecast=linear_sql("p.forecast", "s.sf - 0.05 * s.k", "s.sf + 0.05 * s.k", "s.fp", "s.fn"),
    variance=linear_sql("p.variance", "p.forecast - p.budget - 0.1", "p.forecast - p.budget + 0.1",
                        "p.forecast > 0 AND p.budget < 0", "p.forecast < 0 AND p.budget > 0"),
    previous=linear_sql("p.previous", "s.sv - 0.05 * s.k", "s.sv + 0.05 * s.k", "s.vp", "s.vn"),
    change=linear_sql("p.change", "p.variance - p.previous - 0.1",
                      "p.variance - p.previous + 0.1", "p.variance > 0 AND p.previous < 0",
                      "p.variance < 0 AND p.previous > 0")).items():
    AUDIT_SQL = AUDIT_SQL.replace("%(" + _name + ")s", _sql)

PUBLISHED_TABLE = """
DROP TABLE IF EXISTS published;
CREATE UNLOGGED TABLE published (idx bigint GENERATED ALWAYS AS IDENTITY, line text, level int,
  budget numeric, forecast numeric, variance numeric, pct numeric, previous numeric,
  change numeric);
"""


class Postgres:
    """A private PostgreSQL server in a temporary directory, on a Unix socket only."""

    def __init__(self, work):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            raise RuntimeError("PostgreSQL's initdb is not installed (Debian: postgresql)")
        self.bin = os.path.dirname(bins[-1])
        # Its own directory (the server's user must reach it; WORK_DIR may be private), which
        # also holds the files the server COPYs.
        self.dir = tempfile.mkdtemp(prefix="bmm-pg-")
        self.as_user = []
        if os.geteuid() == 0:
            import pwd
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        os.chmod(self.dir, 0o755)
        self.data = os.path.join(self.dir, "data")
        self.port = "5439"
        self.started = False
        self.run([os.path.join(self.bin, "initdb"), "-D", self.data, "--auth=trust", "-U",
                  "postgres", "-E", "UTF8", "--locale=C"])
        opts = ("-c listen_addresses='' -c unix_socket_directories='%s' -c port=%s "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_parallel_workers_per_gather=0 -c jit=off -c work_mem=512MB "
                "-c shared_buffers=512MB -c max_wal_size=8GB" % (self.dir, self.port))
        self.run([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-o", opts, "-w", "-l",
                  os.path.join(self.dir, "log"), "start"])
        self.started = True
        self.version = self.query("SHOW server_version").strip()

    def run(self, cmd):
        subprocess.run(self.as_user + cmd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)

    def psql(self, script):
        """Runs `script` in one session; returns its output."""
        r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.dir, "-p",
                            self.port, "-U", "postgres", "-d", "postgres", "-At"],
                           input=script, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("psql failed: " + r.stderr[-2000:])
        return r.stdout

    def query(self, sql):
        return self.psql(sql + ";\n")

    def timed(self, script, runs):
        """The median over `runs` runs of the statements of `script` (psql's \\timing, summed
        over its statements), in one session."""
        times = []
        for _ in range(runs):
            out = self.psql("\\timing on\n" + script)
            ms = [float(line.split()[1]) for line in out.splitlines() if line.startswith("Time: ")]
            times.append(sum(ms) / 1000.0)
        return statistics.median(times)

    def stop(self):
        if self.started:
            subprocess.run(self.as_user + [os.path.join(self.bin, "pg_ctl"), "-D", self.data,
                                           "-m", "immediate", "-w", "stop"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)


def pg_findings(pg):
    out = pg.query("COPY (SELECT row, col, class, computed FROM findings) TO STDOUT")
    found = set()
    for line in out.splitlines():
        row, col, what, computed = line.split("\t")
        found.add((int(row), col, what, Decimal(computed)))
    return found


def main():
    build, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    args = sys.argv[3:]
    opt = {"--runs": RUNS, "--audit-lines": 1_000_000, "--file-lines": 10_000_000}
    for k in opt:  # the last occurrence wins (run-bench.sh appends BMM_BENCH_PEER_ARGS)
        for j, a in enumerate(args):
            if a == k:
                opt[k] = int(args[j + 1])
    runs = opt["--runs"]
    bench = os.path.join(build, "bench")
    result = {"runs": runs, "python": sys.version.split()[0]}

    pg = None

    def cleanup(*_):
        if pg is not None:
            pg.stop()
        if _:
            sys.exit(3)

    atexit.register(cleanup)
    signal.signal(signal.SIGTERM, cleanup)
    signal.signal(signal.SIGINT, cleanup)

    # ---- variance % of the finance benchmark's lines ----
    budget = np.fromfile(os.path.join(work, "data.budget.i64"), dtype=np.int64)
    forecast = np.fromfile(os.path.join(work, "data.forecast.i64"), dtype=np.int64)
    exact = exact_tenths(budget, forecast)
    result["lines"] = int(budget.size)
    log("variance %%: Python decimal on %d lines (%d runs)" % (budget.size, runs))
    budgets = [Decimal(int(x)).scaleb(-2) for x in budget]
    forecasts = [Decimal(int(x)).scaleb(-2) for x in forecast]
    pct = decimal_variance_pct(budgets, forecasts)
    result["variance_pct/decimal wrong"] = int(np.count_nonzero(
        np.array([int(p.scaleb(1)) for p in pct], dtype=np.int64) != exact))
    del pct
    result["variance_pct/decimal"] = median_time(
        lambda: decimal_variance_pct(budgets, forecasts), runs)
    del budgets, forecasts

    pg = Postgres(work)
    result["postgres"] = pg.version
    files = pg.dir  # the CSV files the server reads
    lines_csv = os.path.join(files, "lines.csv")
    with open(lines_csv, "w") as f:
        for i, (b, fc) in enumerate(zip(budget.tolist(), forecast.tolist())):
            f.write("%d,%s,%s\n" % (i, Decimal(b).scaleb(-2), Decimal(fc).scaleb(-2)))
    os.chmod(lines_csv, 0o644)
    log("variance %%: PostgreSQL %s on %d lines (%d runs)" % (pg.version, budget.size, runs))
    pg.psql("CREATE UNLOGGED TABLE lines (id bigint, budget numeric(14,2), "
            "forecast numeric(14,2));\nCOPY lines FROM '%s' CSV;\nVACUUM ANALYZE lines;\n"
            % lines_csv)
    result["variance_pct/postgres"] = pg.timed(
        "DROP TABLE IF EXISTS pct;\nCREATE UNLOGGED TABLE pct AS SELECT id, "
        "round((forecast - budget) * 100 / abs(budget), 1) AS pct FROM lines;\n", runs)
    out = pg.query("COPY (SELECT (pct * 10)::bigint FROM pct ORDER BY id) TO STDOUT")
    got = np.array(out.split(), dtype=np.int64)
    result["variance_pct/postgres wrong"] = int(
        np.count_nonzero(got != exact)) if got.size == exact.size else int(exact.size)
    pg.psql("DROP TABLE lines; DROP TABLE pct;\n")
    os.remove(lines_csv)
    del budget, forecast, exact

    # ---- the audit of a published table, in memory ----
    audit = os.path.join(bench, "bmm-audit")

    def table_csv(lines):
        path = os.path.join(files, "published-%d.csv" % lines)
        subprocess.run([os.path.join(bench, "bmm_bench_audit_memory"), "--items=%d" % lines,
                        "--from=csv", "--keep-csv=" + path], check=True,
                       stdout=subprocess.DEVNULL)
        os.chmod(path, 0o644)
        return path

    def run_bmm_audit(path, out):
        with open(out, "w") as f:
            r = subprocess.run([audit, path, "--format", "csv"], stdout=f,
                               stderr=subprocess.DEVNULL)
        if r.returncode not in (0, 1):
            raise RuntimeError("bmm-audit failed on " + path)

    small = table_csv(opt["--audit-lines"])
    ref_path = os.path.join(work, "findings-small.csv")
    run_bmm_audit(small, ref_path)
    reference = bmm_audit_findings(ref_path)
    result["audit lines"] = opt["--audit-lines"]
    result["audit findings"] = len(reference)
    result["audit/bmm-audit"] = median_time(lambda: run_bmm_audit(small, ref_path), runs)
    # bmm's audit of the same table in memory (bmm_bench_audit's audit/bmm, its median).
    r = subprocess.run([os.path.join(bench, "bmm_bench_audit"), "--items=%d" % opt["--audit-lines"],
                        "--benchmark_filter=audit/bmm$", "--benchmark_repetitions=%d" % runs,
                        "--benchmark_report_aggregates_only=true", "--benchmark_format=json"],
                       check=True, capture_output=True, text=True)
    for b in json.loads(r.stdout)["benchmarks"]:
        if b.get("aggregate_name", "median") == "median":  # one run: no aggregates
            unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
            result["audit/bmm"] = b["real_time"] * unit
    log("audit: Python decimal on the %d-line table (%d runs)" % (opt["--audit-lines"], runs))
    rows = read_published(small)
    result["audit rows"] = len(rows)
    result["audit/decimal differ"] = differ(decimal_audit(rows), reference)
    result["audit/decimal"] = median_time(lambda: decimal_audit(rows), runs)
    del rows
    log("audit: PostgreSQL on the %d-line table (%d runs)" % (opt["--audit-lines"], runs))
    pg.psql(PUBLISHED_TABLE + "COPY published (line, level, budget, forecast, variance, pct, "
            "previous, change) FROM '%s' CSV HEADER;\nVACUUM ANALYZE published;\n" % small)
    result["audit/postgres"] = pg.timed(AUDIT_SQL, runs)
    result["audit/postgres differ"] = differ(pg_findings(pg), reference)
    os.remove(small)

    # ---- end to end from the file ----
    big = table_csv(opt["--file-lines"])
    result["file lines"] = opt["--file-lines"]
    result["file bytes"] = os.path.getsize(big)
    big_ref = os.path.join(work, "findings-big.csv")
    log("from the file: bmm-audit, pandas.read_csv, PostgreSQL COPY + audit on %d lines"
        % opt["--file-lines"])
    run_bmm_audit(big, big_ref)
    result["file/bmm-audit"] = median_time(lambda: run_bmm_audit(big, big_ref), runs)
    reference = bmm_audit_findings(big_ref)
    result["file findings"] = len(reference)
    try:
        import pandas as pd
        result["pandas"] = pd.__version__
        result["file/pandas.read_csv"] = median_time(lambda: pd.read_csv(big), runs)
    except ImportError:
        log("pandas is not installed: pandas.read_csv is skipped")
    result["file/postgres"] = pg.timed(
        PUBLISHED_TABLE + "COPY published (line, level, budget, forecast, variance, pct, "
        "previous, change) FROM '%s' CSV HEADER;\nANALYZE published;\n" % big + AUDIT_SQL,
        runs)
    result["file/postgres differ"] = differ(pg_findings(pg), reference)
    for p in (big, big_ref, ref_path):
        os.remove(p)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
