#!/usr/bin/env python3
"""The peer an analyst would otherwise pick: the same variance-% table and RAG rating in pandas.

    scripts/pandas-peer.py PREFIX [--runs N]

Reads the data bmm's benchmarks generated (bmm_bench_finance / bmm_bench_rag --dump=PREFIX),
times the idiomatic pandas code for each task (median of N runs, data already in memory) and
prints JSON: {"variance_pct/pandas": seconds, "rate/pandas": seconds, "variance/pandas":
seconds, "variance_pct/pandas wrong": n, "pandas": version}. The variance % is computed as an
analyst writes it, in floating point with pandas' round (ties to even, on binary fractions); the
count of results that differ from the exact half-up figure is reported. "variance/pandas" is
pandas' own floor for the variance-% task, for information: one pass, forecast - budget.
"""
import json
import statistics
import sys
import time

import numpy as np
import pandas as pd


def median_time(f, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    prefix = sys.argv[1]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--runs" else 5
    budget = np.fromfile(prefix + ".budget.i64", dtype=np.int64)
    forecast = np.fromfile(prefix + ".forecast.i64", dtype=np.int64)
    lines = pd.DataFrame({"budget": budget / 100.0, "forecast": forecast / 100.0})

    def variance_pct():
        variance = lines["forecast"] - lines["budget"]
        return (variance / lines["budget"].abs() * 100).round(1)

    def variance():
        return lines["forecast"] - lines["budget"]

    pct = variance_pct()
    # The exact half-up result in tenths of a percent, for the count of wrong figures.
    v = forecast - budget
    d = np.abs(budget)
    n = v * 1000
    q = np.abs(n) // d
    r = np.abs(n) % d
    exact = np.sign(n) * (q + (2 * r >= d))
    wrong = int(np.count_nonzero(np.rint(pct.to_numpy() * 10).astype(np.int64) != exact))

    measure = np.fromfile(prefix + ".measure.u32", dtype=np.uint32)
    units = np.fromfile(prefix + ".units.i64", dtype=np.int64)
    green = np.fromfile(prefix + ".green_from.i64", dtype=np.int64)
    amber = np.fromfile(prefix + ".amber_from.i64", dtype=np.int64)
    obs = pd.DataFrame({"measure": measure, "actual": units / 100.0})
    targets = pd.DataFrame({"green": green / 100.0, "amber": amber / 100.0})

    def rate():
        t = targets.iloc[obs["measure"].to_numpy()].reset_index(drop=True)
        status = np.select([obs["actual"] >= t["green"], obs["actual"] >= t["amber"]],
                           ["Green", "Amber"], default="Red")
        return pd.Series(status).value_counts()

    result = {
        "variance_pct/pandas": median_time(variance_pct, runs),
        "rate/pandas": median_time(rate, runs),
        "variance/pandas": median_time(variance, runs),
        "variance_pct/pandas wrong": wrong,
        "pandas": pd.__version__,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
