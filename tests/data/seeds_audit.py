#!/usr/bin/env python3
"""seeds_audit.py: an independent, exact hand audit of the seed fixtures in tests/data/.

Every printed figure of seeds 002, 003 and 004 (tests/data/seedNNN/*.csv, transcribed as
printed) is read here and checked against every relation a careful auditor would check: totals
against their rows, variance = forecast - budget, variance % under both sign conventions,
balances, reserves and the DSG deficit, savings splits and their shares, status counts and
shares against the listed measures' statuses, exception and status-change tables against their
rule, RAG statuses against figures and targets, YTD against the months under each measure's
rule, risk bands and direction of travel, and the figure-bearing statements of the text
(claims.csv) against the tables they speak of.

Rules (the project's, /work/shared/design/domain.md):
  * A printed figure stands for the values that round to it, half up (half away from zero), at
    its printed precision: "12.4" is [12.35, 12.45), "-3.3" is (-3.35, -3.25], "0.0" is
    (-0.05, 0.05). Counts of people, measures and things are exact. A derived figure that is an
    exact tie printed rounded the other way (4 of 32 = 12.5% printed 12%) is `rounding`: reports
    that round half-even or by largest remainder print it so.
  * A derived figure `agrees` when the value computed from the printed inputs rounds (half up,
    at the printed precision) to the printed figure; `rounding` when it does not, but some
    choice of values inside the inputs' intervals makes it hold; `error` when no choice does;
    `sign_convention` when a variance % holds only as a % of the signed (negative) budget;
    `follows` when the cell is wrong only because a cell it is derived from is wrong;
    `undecided` when the data cannot decide (a needed figure is not printed, several readings
    fit, a definition is not printed).
  * Interval arithmetic is exact (fractions.Fraction, no floats). A relation that uses an input
    twice is evaluated by corners, which can only widen the interval: the audit may say
    `rounding` where a sharper one says `error`, never the reverse.

Usage:
  python3 tests/data/seeds_audit.py            audit, write seedNNN/expected_findings.json,
                                                print a summary
  python3 tests/data/seeds_audit.py --check    audit and compare with the committed JSON files
                                                (exit status 1 when they differ)
  python3 tests/data/seeds_audit.py --verbose  also print every non-agreeing finding
  python3 tests/data/seeds_audit.py --inventory  print the per-file inventory (README.md)

Python 3 standard library only.
"""

import csv
import json
import math
import os
import re
import sys
from fractions import Fraction as Q

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = {
    "seed002": "/work/shared/seeds/002_58c4773fbe0c8b17.txt",
    "seed003": "/work/shared/seeds/003_fdfd786a60bc96f0.txt",
    "seed004": "/work/shared/seeds/004_dcba1a8ded156fc9.txt",
}
AGREEING = ("agrees",)

# --------------------------------------------------------------------------------------------
# Printed figures, intervals, rounding
# --------------------------------------------------------------------------------------------


class Fig:
    """A printed figure: its text, exact value, decimal places and whether it is exact."""

    __slots__ = ("text", "value", "places", "exact", "unit")

    def __init__(self, text, value, places, exact, unit):
        self.text, self.value, self.places, self.exact, self.unit = text, value, places, exact, unit

    def iv(self):
        """The values that print as this figure, rounded half away from zero: 12.4 is
        [12.35, 12.45), -3.3 is (-3.35, -3.25], 0.0 is (-0.05, 0.05); exact figures are points."""
        v = self.value
        if self.exact:
            return I(v, v)
        h = Q(1, 2 * 10**self.places)
        if v > 0:
            return I(v - h, v + h, False, True)
        if v < 0:
            return I(v - h, v + h, True, False)
        return I(-h, h, True, True)

    def __repr__(self):
        return "Fig(%r)" % self.text


def fig(text, exact=False):
    """Parse a printed figure: '£1,371,000', '-29.6%', '+£1.0m', '(£0.1m)', '9,888.00'."""
    t = text.strip()
    unit = ""
    s = t.replace("£", "").replace(" ", "")
    if "," in s and not re.fullmatch(r"[-+(]?[^0-9]*\d{1,3}(,\d{3})+(\.\d+)?\D*", s):
        raise ValueError("not a figure (digit groups): %r" % text)
    s = s.replace(",", "")
    if s.endswith("%"):
        unit, s = "%", s[:-1]
    if s.endswith("m") or s.endswith("k"):
        unit, s = unit or s[-1], s[:-1]
    if s.startswith("+"):
        s = s[1:]
    m = re.fullmatch(r"-?\d+(\.(\d+))?", s)
    if not m:
        raise ValueError("not a figure: %r" % text)
    places = len(m.group(2)) if m.group(2) else 0
    return Fig(t, Q(s), places, exact, unit)


def num(text, places=None, exact=False):
    """A figure from a number written in this script (not printed): exact by default."""
    f = fig(str(text), exact=exact)
    if places is not None:
        f.places = places
    return f


class I:
    """An interval of exact rationals; each end open or closed."""

    __slots__ = ("lo", "hi", "lo_open", "hi_open")

    def __init__(self, lo, hi, lo_open=False, hi_open=False):
        if lo > hi:
            lo, hi, lo_open, hi_open = hi, lo, hi_open, lo_open
        self.lo, self.hi, self.lo_open, self.hi_open = Q(lo), Q(hi), lo_open, hi_open

    @staticmethod
    def pt(x):
        x = Q(x)
        return I(x, x)

    def __add__(self, o):
        o = _iv(o)
        return I(self.lo + o.lo, self.hi + o.hi, self.lo_open or o.lo_open,
                 self.hi_open or o.hi_open)

    __radd__ = __add__

    def __neg__(self):
        return I(-self.hi, -self.lo, self.hi_open, self.lo_open)

    def __sub__(self, o):
        return self + (-_iv(o))

    def __rsub__(self, o):
        return _iv(o) - self

    def _corners(self, o, op):
        c = []
        for x, xo in ((self.lo, self.lo_open), (self.hi, self.hi_open)):
            for y, yo in ((o.lo, o.lo_open), (o.hi, o.hi_open)):
                c.append((op(x, y), xo or yo))
        lo = min(v for v, _ in c)
        hi = max(v for v, _ in c)
        lo_open = all(op_ for v, op_ in c if v == lo)
        hi_open = all(op_ for v, op_ in c if v == hi)
        # A product is 0 all along an edge where a factor's closed end is 0.
        zero = any(e == 0 and not eo for e, eo in ((self.lo, self.lo_open), (self.hi, self.hi_open),
                                                   (o.lo, o.lo_open), (o.hi, o.hi_open)))
        if zero and lo == 0:
            lo_open = False
        if zero and hi == 0:
            hi_open = False
        return I(lo, hi, lo_open, hi_open)

    def __mul__(self, o):
        return self._corners(_iv(o), lambda x, y: x * y)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = _iv(o)
        if o.contains(0) or (o.lo == 0 or o.hi == 0):
            raise ZeroDivisionError("interval divisor contains 0")
        return self._corners(o, lambda x, y: x / y)

    def __rtruediv__(self, o):
        return _iv(o) / self

    def abs(self):
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return -self
        if -self.lo > self.hi:
            return I(Q(0), -self.lo, False, self.lo_open)
        if self.hi > -self.lo:
            return I(Q(0), self.hi, False, self.hi_open)
        return I(Q(0), self.hi, False, self.hi_open and self.lo_open)

    def meets(self, o):
        o = _iv(o)
        if self.lo > o.lo:
            lo, lo_open = self.lo, self.lo_open
        elif o.lo > self.lo:
            lo, lo_open = o.lo, o.lo_open
        else:
            lo, lo_open = self.lo, self.lo_open or o.lo_open
        if self.hi < o.hi:
            hi, hi_open = self.hi, self.hi_open
        elif o.hi < self.hi:
            hi, hi_open = o.hi, o.hi_open
        else:
            hi, hi_open = self.hi, self.hi_open or o.hi_open
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def contains(self, x):
        x = Q(x)
        return (self.lo < x or (self.lo == x and not self.lo_open)) and \
            (x < self.hi or (x == self.hi and not self.hi_open))


def _iv(x):
    if isinstance(x, I):
        return x
    if isinstance(x, Fig):
        return x.iv()
    return I.pt(x)


def val(x):
    return x.value if isinstance(x, Fig) else Q(x)


def rnd(x, places):
    """Round half away from zero (the printed 'half up') at `places` decimals, exactly."""
    x = Q(x)
    s = -1 if x < 0 else 1
    n = math.floor(abs(x) * 10**places + Q(1, 2))
    return s * Q(n, 10**places)


def fmt(x, places):
    """x rounded half up at `places` decimals, as text."""
    r = rnd(x, places)
    neg = r < 0
    r = abs(r)
    whole = r.numerator // r.denominator
    frac = r - whole
    s = str(whole)
    if places > 0:
        s += "." + str(int(frac * 10**places)).rjust(places, "0")
    return ("-" if neg and r != 0 else "") + s


def fits(interval, places):
    """The figures printed at `places` decimals whose intervals meet `interval`: 'a' or 'a..b'."""
    h = Q(1, 2 * 10**places)
    step = Q(1, 10**places)
    lo = math.ceil((interval.lo - h) / step) * step
    hi = math.floor((interval.hi + h) / step) * step
    while lo <= hi and not Fig("", lo, places, False, "").iv().meets(interval):
        lo += step
    while hi >= lo and not Fig("", hi, places, False, "").iv().meets(interval):
        hi -= step
    if lo > hi:
        return ""
    return fmt(lo, places) if lo == hi else fmt(lo, places) + ".." + fmt(hi, places)


def is_tie(x, places):
    q = Q(x) * 10**places * 2
    return q.denominator == 1 and q.numerator % 2 == 1


def judge(printed, exact, interval):
    """agrees / rounding / error for a printed figure against its computed value and interval.
    An exact tie printed rounded the other way (12.5 printed 12) is `rounding`: half-even and
    largest-remainder reports print it so."""
    if exact is not None:
        if printed.exact and exact == printed.value:
            return "agrees"
        if not printed.exact and rnd(exact, printed.places) == printed.value:
            return "agrees"
        if not printed.exact and is_tie(exact, printed.places) and \
                abs(exact - printed.value) * 10**printed.places * 2 == 1:
            return "rounding"
    if interval is not None and interval.meets(printed.iv()):
        return "rounding"
    return "error"


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


class Table:
    def __init__(self, seed, name):
        self.seed, self.name = seed, name
        path = os.path.join(HERE, seed, name)
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        self.header, self.rows = rows[0], rows[1:]

    def col(self, c):
        if isinstance(c, int):
            return c
        hits = [i for i, h in enumerate(self.header) if h == c]
        if len(hits) != 1:
            raise KeyError("%s: column %r found %d times" % (self.name, c, len(hits)))
        return hits[0]

    def row(self, label, key=0):
        hits = [r for r in self.rows if r[key] == label]
        if len(hits) != 1:
            raise KeyError("%s: row %r found %d times" % (self.name, label, len(hits)))
        return hits[0]

    def cell(self, label, c, key=0):
        return self.row(label, key)[self.col(c)]

    def fig(self, label, c, exact=False, key=0):
        return fig(self.cell(label, c, key), exact)

    def heading(self, c):
        return self.header[self.col(c)] if isinstance(c, int) else c


# --------------------------------------------------------------------------------------------
# The audit record
# --------------------------------------------------------------------------------------------


class Audit:
    def __init__(self, seed):
        self.seed = seed
        self.items = []
        self.unchecked = []
        self._tables = {}

    def t(self, name, seed=None):
        key = (seed or self.seed, name)
        if key not in self._tables:
            self._tables[key] = Table(*key)
        return self._tables[key]

    def add(self, verdict, table, row, column, printed, rule, computed="", fits_="",
            explanation="", candidates=None, section=None):
        item = {
            "section": section or table,
            "table": table,
            "row": row,
            "column": column,
            "printed": printed,
            "computed": computed,
            "fits": fits_,
            "verdict": verdict,
            "rule": rule,
            "explanation": explanation,
        }
        if candidates:
            item["candidates"] = candidates
        self.items.append(item)
        return verdict

    def skip(self, table, row, column, printed, reason):
        self.unchecked.append({"table": table, "row": row, "column": column,
                               "printed": printed, "reason": reason})

    # A derived figure: computed exactly from the printed inputs and as an interval.
    def derived(self, table, row, column, printed, exact, interval, rule, explanation="",
                candidates=None, verdict=None, section=None):
        v = verdict or judge(printed, exact, interval)
        p = printed.places
        comp = fmt(exact, p) if exact is not None else ""
        if exact is not None and rnd(exact, p) != exact:
            comp += " (%s)" % fmt(exact, p + 3)
        f = fits(interval, p) if (interval is not None and v != "agrees") else ""
        return self.add(v, table, row, column, printed.text, rule, comp, f, explanation,
                        candidates if v != "agrees" else None, section)

    def total(self, tbl, row, col, parts, rule="total = sum of its rows", explanation="",
              candidates=None, exact=False, signs=None):
        """tbl.row[col] against the sum of `parts` (row labels of tbl, or (label, sign))."""
        T = self.t(tbl) if isinstance(tbl, str) else tbl
        figs, s_exact, s_iv = [], Q(0), I.pt(0)
        for p in parts:
            sign = 1
            if isinstance(p, tuple):
                p, sign = p
            f = T.fig(p, col, exact)
            figs.append(f)
            s_exact += sign * f.value
            s_iv = s_iv + (f.iv() if sign > 0 else -f.iv())
        printed = T.fig(row, col, exact)
        return self.derived(T.name, row, T.heading(col), printed, s_exact, s_iv, rule,
                            explanation, candidates)

    def equal(self, table, row, column, printed, other, rule, explanation="", candidates=None,
              section=None):
        """Two printed figures of one quantity: equal, the more precise rounding to the other,
        equal up to their intervals, or not."""
        hi, lo = (printed, other) if printed.places >= other.places else (other, printed)
        if printed.value == other.value or (not lo.exact and
                                            rnd(hi.value, lo.places) == lo.value):
            v = "agrees"
        elif printed.iv().meets(other.iv()):
            v = "rounding"
        else:
            v = "error"
        return self.add(v, table, row, column, printed.text, rule, other.text,
                        other.text if v != "agrees" else "", explanation,
                        candidates if v != "agrees" else None, section)

    def fact(self, ok, table, row, column, printed, rule, computed="", explanation="",
             fits_="", candidates=None, bad="error", section=None):
        """A relation that is true or false (a comparison, a count, a list)."""
        return self.add("agrees" if ok else bad, table, row, column, printed, rule, computed,
                        fits_ if not ok else "", explanation, candidates if not ok else None,
                        section)

    def counts(self):
        c = {}
        for it in self.items:
            c[it["verdict"]] = c.get(it["verdict"], 0) + 1
        return c

    def document(self):
        findings = [dict([("id", "%s-F%03d" % (self.seed[-3:], i))] + list(it.items()))
                    for i, it in enumerate((it for it in self.items
                                            if it["verdict"] not in AGREEING), 1)]
        corroborated = [{"table": it["table"], "row": it["row"], "column": it["column"],
                         "printed": it["printed"], "rule": it["rule"]}
                        for it in self.items if it["verdict"] in AGREEING]
        return {
            "seed": self.seed,
            "source": SEEDS[self.seed],
            "generated_by": "tests/data/seeds_audit.py",
            "conventions": {
                "interval": "a printed figure stands for the values that round to it half up "
                            "(half away from zero) at its printed precision: 12.4 is "
                            "[12.35, 12.45), -3.3 is (-3.35, -3.25]; counts are exact",
                "verdicts": "agrees | rounding | sign_convention | error | follows | undecided",
            },
            "summary": dict(sorted(self.counts().items()), checked=len(self.items),
                            unchecked=len(self.unchecked)),
            "findings": findings,
            "corroborated": corroborated,
            "unchecked": self.unchecked,
        }


def single_fixes(cells, relations, ranges):
    """Co-minimal alternatives: each cell alone that, replaced by some printed value, makes every
    relation hold (up to intervals). cells: name -> Fig; relations: list of f(vals) -> bool
    where vals maps name -> I; ranges: name -> (lo, hi) of printed values to try."""
    out = []
    for name, f in cells.items():
        if name not in ranges:
            continue
        lo, hi = ranges[name]
        step = Q(1, 10**f.places)
        v = Q(lo)
        hits = []
        while v <= hi:
            g = Fig(fmt(v, f.places), v, f.places, f.exact, f.unit)
            vals = {k: (g.iv() if k == name else c.iv()) for k, c in cells.items()}
            try:
                ok = all(r(vals) for r in relations)
            except ZeroDivisionError:
                ok = False
            if ok:
                hits.append(v)
            v += step
        if hits:
            if len(hits) == 1 or hits[-1] - hits[0] == (len(hits) - 1) * step:
                rng = fmt(hits[0], f.places) + ("" if len(hits) == 1 else
                                                ".." + fmt(hits[-1], f.places))
            else:
                rng = ", ".join(fmt(h, f.places) for h in hits[:12])
            out.append({"cell": name, "printed": f.text, "fits": rng})
    return out


def within(a, b):
    """Relation helper: interval a meets interval b."""
    return _iv(a).meets(_iv(b))


def pct_of(n, d):
    return _iv(n) * 100 / _iv(d)


# --------------------------------------------------------------------------------------------
# Statuses
# --------------------------------------------------------------------------------------------

SYMBOL = {"★": "Green", "●": "Amber", "▲": "Red", "G": "Green", "A": "Amber", "R": "Red",
          "Green": "Green", "Amber": "Amber", "Red": "Red", "n/a": "n/a", "N/A": "n/a",
          "n/r": "n/r", "?": "data missing", "": ""}


def meets_target(actual, target, polarity):
    a, t = actual.value, target.value
    if polarity == "higher":
        return a >= t
    if polarity == "lower":
        return a <= t
    if polarity == "close":
        return a == t
    return None


def miss_share(actual, target):
    """How far a figure misses its target, as a % of the target (exact)."""
    if target.value == 0:
        return None
    return abs(actual.value - target.value) * 100 / abs(target.value)


def check_status(a, table, mid, column, status_text, actual, target, polarity, section=None,
                 band_note=""):
    """A printed status against its figure, target and polarity. Returns the verdict."""
    s = SYMBOL.get(status_text, status_text)
    shown = status_text or "(blank)"
    if target is None:
        if s == "n/a":
            return a.add("agrees", table, mid, column, shown,
                         "no target printed: monitoring only (n/a)", section=section)
        if s == "":
            return a.add("undecided", table, mid, column, shown,
                         "a status is printed", explanation="no status and no target printed",
                         section=section)
        return a.add("error", table, mid, column, shown,
                     "a rated measure needs a target", explanation="rated without a target",
                     section=section)
    m = meets_target(actual, target, polarity)
    short = miss_share(actual, target)
    desc = "%s against %s" % (actual.text, target.text)
    if short is not None and m is False:
        desc += ", misses by %s%% of the target" % fmt(short, 2)
    if s == "n/a":
        return a.add("undecided", table, mid, column, shown,
                     "n/a = monitoring only (no target)", "",
                     {True: "Green", False: "Amber or Red", None: "a rating"}[m],
                     "printed n/a although a target is printed (" + desc + ")", section=section)
    if m is None:
        if s == "Green" and actual.value != target.value:
            return a.add("undecided", table, mid, column, shown,
                         "Green = meets or exceeds target (polarity not printed)", "", "",
                         desc + "; Green only if the measure is close-to-target with a tolerance "
                         "of at least the miss, not if higher is better", section=section)
        return a.add("agrees", table, mid, column, shown, "status against figure and target",
                     explanation=desc, section=section)
    if s == "":
        implied = "Green" if m else "Amber or Red (band not printed)"
        return a.add("undecided", table, mid, column, shown, "a status is printed",
                     "", implied, "no symbol in the printed row; the figures imply " + implied
                     + " (" + desc + ")", section=section)
    if s == "n/a":
        return a.add("undecided", table, mid, column, shown,
                     "n/a = monitoring only (no target)", "",
                     "Green" if m else "Amber or Red",
                     "printed n/a although a target is printed (" + desc + ")", section=section)
    if s == "Green":
        return a.add("agrees" if m else "error", table, mid, column, shown,
                     "Green = meets or exceeds target (%s is better)" % polarity,
                     "Green" if m else "Amber or Red", "" if m else "Amber or Red",
                     desc + (" under every amber band" if not m else ""), section=section)
    if s in ("Amber", "Red"):
        return a.add("error" if m else "agrees", table, mid, column, shown,
                     "Amber/Red = misses target (%s is better)" % polarity,
                     "Green" if m else s, "Green" if m else "",
                     desc + ("; " + band_note if band_note and not m else ""), section=section)
    return a.add("undecided", table, mid, column, shown, "status", explanation=desc,
                 section=section)


def load_measures(a, files):
    ms = {}
    for f in files:
        T = a.t(f)
        for r in T.rows:
            d = dict(zip(T.header, r))
            d["_file"] = f
            ms[d["Measure"]] = d
    return ms


def load_meta(a, name="measures_meta.csv"):
    T = a.t(name)
    return {r[0]: dict(zip(T.header, r)) for r in T.rows}


def optfig(text, exact=False):
    try:
        return fig(text, exact) if text.strip() else None
    except ValueError:
        return None


# ============================================================================================
# Seed 003: May 2023 Business Management and Monitoring Report (Cabinet 18 July 2023)
# ============================================================================================


def finance_overall(a, name):
    T = a.t(name)
    B, Fc, V, P = 1, 2, 3, 4
    labels = [r[0] for r in T.rows]
    i0, i1 = labels.index("Budgets Held Centrally"), labels.index("Total Budgets Held Centrally")
    central = labels[i0 + 1:i1]
    directorates = labels[:labels.index("Directorate Total")]
    for r in T.rows:
        lab = r[0]
        if not r[B]:
            continue
        b, f, v = T.fig(lab, B), T.fig(lab, Fc), T.fig(lab, V)
        a.derived(name, lab, T.header[V], v, f.value - b.value, f.iv() - b.iv(),
                  "variance = forecast - budget")
        check_variance_pct(a, name, lab, T.header[P], b, v, T.fig(lab, P))
    for c in (B, Fc, V):
        a.total(T, "Directorate Total", c, directorates)
        a.total(T, "Total Budgets Held Centrally", c, central)
        a.total(T, "Net Operating Budget", c, ["Directorate Total", "Total Budgets Held Centrally"],
                "Net Operating Budget = Directorate Total + Total Budgets Held Centrally")
        a.total(T, "Forecast Year End Position", c,
                ["Net Operating Budget", "Business Rates & Council Tax funding"],
                "Forecast Year End Position = Net Operating Budget + funding")
    return T


def check_variance_pct(a, table, row, column, budget, variance, printed, note=""):
    if budget.iv().contains(0):
        return a.add("undecided", table, row, column, printed.text,
                     "variance % = variance / budget", "", "",
                     "a budget of %s has no variance %% of its own (division by zero); the "
                     "printed %s is a convention" % (budget.text, printed.text))
    if printed.unit != "%":
        note = (note + " " if note else "") + "printed without a % sign"
    ex_abs = variance.value * 100 / abs(budget.value)
    iv_abs = variance.iv() * 100 / budget.iv().abs()
    v_abs = judge(printed, ex_abs, iv_abs)
    if budget.value > 0 or v_abs != "error":
        return a.derived(table, row, column, printed, ex_abs, iv_abs,
                         "variance % = variance / |budget|", note)
    ex_s = variance.value * 100 / budget.value
    iv_s = variance.iv() * 100 / budget.iv()
    v_s = judge(printed, ex_s, iv_s)
    if v_s != "error":
        return a.derived(table, row, column, printed, ex_abs, iv_abs,
                         "variance % = variance / |budget|",
                         "the printed figure is variance / signed budget (%s): on an income "
                         "line a favourable variance prints positive. %s"
                         % (fmt(ex_s, printed.places), note), verdict="sign_convention")
    return a.derived(table, row, column, printed, ex_abs, iv_abs,
                     "variance % = variance / |budget|", "not under either sign convention. "
                     + note)


def audit_003(a):
    # ---- Table 11 and Annex B's overall position --------------------------------------------
    t11 = finance_overall(a, "table11_financial_position.csv")
    ab = finance_overall(a, "annexB_overall_position.csv")
    for r11, rb in zip(t11.rows, ab.rows):
        for c in range(1, 5):
            a.fact(r11[c] == rb[c], ab.name, rb[0], ab.header[c], rb[c],
                   "the same table printed twice (Table 11, Annex B ¶2) prints the same cell",
                   r11[c])
    # Candidates for the two % errors: each alone.
    for lab in ("Contingency", "Total Budgets Held Centrally"):
        b, f, v, p = (t11.fig(lab, c) for c in (1, 2, 3, 4))
        cands = single_fixes(
            {"budget": b, "forecast": f, "variance": v, "variance %": p},
            [lambda x: within(x["forecast"] - x["budget"], x["variance"]),
             lambda x: within(pct_of(x["variance"], x["budget"]), x["variance %"])],
            {"variance %": (Q(-60), Q(0)), "budget": (Q(0), Q(40)), "variance": (Q(-10), Q(0))})
        for it in a.items:
            if it["row"] == lab and it["rule"].startswith("variance %") and \
                    it["verdict"] == "error":
                it["candidates"] = cands + [{"note": "the variance % alone: no other single "
                                                     "cell keeps variance = forecast - budget"}]

    # ---- Directorate tables ------------------------------------------------------------------
    D = {
        "annexB_adult_services.csv": ("Total Adult Services", "Adult Services"),
        "annexB_childrens_services.csv": ("Total Children's Services", "Children's Services"),
        "annexB_environment_place.csv": ("Total Environment & Place", "Environment & Place"),
        "annexB_resources.csv": ("Total Resources", "Resources"),
    }
    for name, (tot, t11row) in D.items():
        T = a.t(name)
        lines = [r[0] for r in T.rows[:[r[0] for r in T.rows].index(tot)]]
        for c in (1, 2):
            a.total(T, tot, c, lines)
        a.equal(name, tot, T.header[1], T.fig(tot, 1), t11.fig(t11row, 1),
                "directorate total = its Table 11 line (budget)")
        a.equal(name, tot, T.header[2], T.fig(tot, 2), t11.fig(t11row, 3),
                "directorate total = its Table 11 line (variance)")
        fc = T.fig(tot, 1).value + T.fig(tot, 2).value
        a.derived(t11.name, t11row, t11.header[2], t11.fig(t11row, 2), fc,
                  T.fig(tot, 1).iv() + T.fig(tot, 2).iv(),
                  "Table 11 forecast = directorate budget + variance (directorate table)")
    cs = a.t("annexB_childrens_services.csv")
    for it in a.items:
        if it["table"] == cs.name and it["row"] == "Total Children's Services" and \
                it["verdict"] == "rounding":
            it["explanation"] = ("1.8 + 1.2 = 3.0 printed 3.1: e.g. 1.84 + 1.24 = 3.08; the total "
                                 "3.1 is also Table 11's Children's Services variance")
    dsg = a.t("annexB_dsg.csv")
    memo = "Overspend on High Needs DSG that will be transferred to unusable reserve"
    a.equal(cs.name, memo, cs.header[1], cs.fig(memo, 1), dsg.fig("High Needs block", 1),
            "memo line = DSG table High Needs block (budget)")
    a.equal(cs.name, memo, cs.header[2], cs.fig(memo, 2), dsg.fig("High Needs block", 3),
            "memo line = DSG table High Needs block (variance)")
    ph = a.t("annexB_public_health_community_safety.csv")
    phl = ["Public Health Functions", "Public Health Recharges", "Other Income", "Grant Income",
           "Transfer to Public Health Reserve"]
    cells = {l: ph.fig(l, 1) for l in phl}
    cells["Total Public Health"] = ph.fig("Total Public Health", 1)
    rels = [lambda x: within(sum((x[l] for l in phl), I.pt(0)), x["Total Public Health"]),
            lambda x: within(x["Total Public Health"], t11.fig("Public Health", 1)),
            lambda x: within(x["Total Public Health"] + ph.fig("Total Community Safety", 1),
                             ph.fig("Total Public Health & Community Safety", 1))]
    rng = {l: (cells[l].value - 2, cells[l].value + 2) for l in phl}
    rng["Total Public Health"] = (Q(0), Q(5))
    cands = single_fixes(cells, rels, rng)
    cands.append({"note": "Grant Income -33.6 is corroborated by ¶61 (£33.6m); the total 2.2 by "
                          "Table 11 and by 2.2 + 24.8 = 27.0"})
    a.total(ph, "Total Public Health", 1, phl,
            explanation="35.6 + 0.6 - 0.7 - 33.6 + 0.0 = 1.9: no rounding of five lines "
                        "(at most ±0.25) reaches 2.2", candidates=cands)
    a.total(ph, "Total Public Health", 2, phl)
    for c in (1, 2):
        a.total(ph, "Total Public Health & Community Safety", c,
                ["Total Public Health", "Total Community Safety"])
    for row, t11row in (("Total Public Health", "Public Health"),
                        ("Total Community Safety", "Community Safety")):
        a.equal(ph.name, row, ph.header[1], ph.fig(row, 1), t11.fig(t11row, 1),
                "directorate total = its Table 11 line (budget)")
        a.equal(ph.name, row, ph.header[2], ph.fig(row, 2), t11.fig(t11row, 3),
                "directorate total = its Table 11 line (variance)")

    # ---- DSG ---------------------------------------------------------------------------------
    blocks = ["Schools block", "Central Services Schools block", "High Needs block",
              "Early Years block"]
    for c in (1, 2, 3):
        a.total(dsg, "Total", c, blocks)
    for r in blocks + ["Total"]:
        b, o, v = dsg.fig(r, 1), dsg.fig(r, 2), dsg.fig(r, 3)
        a.derived(dsg.name, r, dsg.header[3], v, o.value - b.value, o.iv() - b.iv(),
                  "variance = projected outturn - budget")

    # ---- Waste tonnage, highway defects, children we care for ---------------------------------
    w = a.t("annexB_waste_tonnage.csv")
    streams = ["Recycling/Compost", "Energy recovery", "Landfill"]
    for c in (1, 2, 3):
        a.total(w, "Total", c, streams, exact=(c > 1))
    rows = {s: w.fig(s, 4, True) for s in streams}
    rows["Total"] = w.fig("Total", 4, True)
    c4 = single_fixes(rows, [lambda x: within(sum((x[s] for s in streams), I.pt(0)),
                                              x["Total"])],
                      {k: (v.value - 20000, v.value + 20000) for k, v in rows.items()})
    a.total(w, "Total", 4, streams, exact=True,
            explanation="159,420 + 103,163 + 8,108 = 270,691, not 281,024 (10,333 apart): a line "
                        "missing from the extraction, or a wrong cell", candidates=c4)
    d = a.t("annexB_highway_defects.csv")
    months = ["April 2023", "May 2023", "June 2023"]
    for c in (1, 2):
        a.total(d, "Total", c, months, exact=True)
    for r in months + ["Total"]:
        o, n, p = d.fig(r, 1, True), d.fig(r, 2, True), d.fig(r, 3)
        ex = (n.value - o.value) * 100 / o.value
        a.derived(d.name, r, d.header[3], p, ex, I.pt(ex), "% change = 2023/24 / 2022/23 - 1")
    cw = a.t("annexB_children_we_care_for.csv")
    for c in range(1, 9):
        a.total(cw, "Subtotal", c, ["Mainstream", "Disabled Children"], exact=True)
        a.total(cw, "Total", c, ["Subtotal", "Unaccompanied"], exact=True)

    # ---- Savings table -----------------------------------------------------------------------
    sv = a.t("annexB_savings.csv")
    dirs = [r[0] for r in sv.rows if r[0] != "TOTAL"]
    for r in dirs + ["TOTAL"]:
        p1, p2, tt = sv.fig(r, 1), sv.fig(r, 2), sv.fig(r, 3)
        a.derived(sv.name, r, sv.header[3], tt, p1.value + p2.value, p1.iv() + p2.iv(),
                  "Total = 2023/24 planned + 2022/23 carried forward")
    for c in (1, 2, 3):
        a.total(sv, "TOTAL", c, dirs)

    # ---- Homes for Ukraine -------------------------------------------------------------------
    u = a.t("annexB6_outline_allocations.csv")
    elems = [r[0] for r in u.rows[:9]]
    a.total(u, "Total allocated funding (May 2023)", 1, elems)
    a.total(u, "Unallocated funding (May 2023)", 1,
            ["Total tariff funding (May 2023)", ("Total allocated funding (May 2023)", -1)],
            "unallocated = tariff - allocated")
    detail = {"Emergency payments": "£0.434m", "Wrap around support": "£0.368m",
              "Community Liaison Officers": "£0.320m",
              "Rematching resources (lead authority: Oxford City Council)": "£0.158m",
              "Initial funding allocated to County, City and Districts": "£5.757m",
              "Top-up payments for hosts": "£1.600m", "Bus Passes": "£1.029m",
              "Move-On (lead authority: South Oxfordshire and Vale of White Horse District "
              "Councils)": "£6.002m",
              "Employment Support (lead authority: Oxfordshire County Council)": "£1.212m"}
    s_ex, s_iv = Q(0), I.pt(0)
    for lab, txt in detail.items():
        g = fig(txt)
        s_ex += g.value
        s_iv = s_iv + g.iv()
        a.derived(u.name, lab, u.header[1], u.fig(lab, 1), g.value, g.iv(),
                  "outline line = its programme paragraph's figure (claim U3), rounded")
    a.derived(u.name, "Total allocated funding (May 2023)", u.header[1],
              u.fig("Total allocated funding (May 2023)", 1), s_ex, s_iv,
              "total = sum of the programme paragraphs' figures (claim U3)")
    a.equal(u.name, "Unallocated funding (May 2023)", u.header[1],
            u.fig("Unallocated funding (May 2023)", 1), fig("£4.1m"),
            "= 'the unallocated budget of £4.1m' (claim U2)")
    g = a.t("annexB6_district_grants.csv")
    fe = [r[0] for r in g.rows[:-1]]
    for c in range(1, 6):
        a.total(g, "Total funding", c, fe, exact=True)
    clo = sum(g.fig(r, c, True).value for r in fe[:2] for c in range(1, 6))
    a.derived(g.name, "Community Liaison Officers (both rows, all councils)", "all",
              fig("£0.320m"), clo / 1000000, I.pt(clo / 1000000),
              "Σ Community Liaison Officer rows = 'Community Liaison Officers £0.320m' (U3, U9)")
    rem = sum(g.fig("Rematching resources", c, True).value for c in range(1, 6))
    a.derived(g.name, "Rematching resources", "all", fig("£0.158m"), rem / 1000000,
              I.pt(rem / 1000000), "Σ Rematching row = 'Rematching resources £0.158m' (U3, U9)")
    for c in range(1, 6):
        x = g.fig("Admin/Discretionary (initially capped at £500k)", c, True)
        a.fact(x.value == 500000, g.name, "Admin/Discretionary (initially capped at £500k)",
               g.header[c], x.text, "'An initial payment of £500,000 ... to each district / city "
               "area' (U5)")
    a.fact(g.fig("Community Liaison Officers 12 months", 5, True).value == 0 and
           g.fig("Community Liaison Officers extention", 5, True).value == 0, g.name,
           "Community Liaison Officers 12 months / extention", "WODC*", "0",
           "'the resource for WODC shows in the table above as £0' (U8)")
    mv = sum(g.fig(r, c, True).value for r in ("Moving on staffing support",
                                               "Moving on Private Rental Support")
             for c in range(1, 6))
    a.fact(mv <= 6002000, g.name, "Moving on rows (all councils)", "all", fmt(mv, 0),
           "the district move-on grants are part of 'Move on £6.002m' (≤)")

    # ---- Virements (Annex B-2a) --------------------------------------------------------------
    vt = a.t("annexB2a_virements.csv")
    E, N = 7, 8
    lines = vt.rows[:-1]
    for i in range(0, len(lines), 2):
        pair = lines[i:i + 2]
        s = sum(fig(r[E], True).value + fig(r[N], True).value for r in pair)
        a.fact(s == 0, vt.name, pair[0][3], "expenditure + income over the pair", fmt(s, 0),
               "a virement balances: expenditure + income = 0 across the transfer")
    gt = vt.rows[-1]
    for c in (E, N):
        s = sum(fig(r[c], True).value for r in lines)
        a.derived(vt.name, "Grand Total", vt.header[c], fig(gt[c], True), s, I.pt(s),
                  "Grand Total = sum of the lines")
    a.fact(fig(gt[E], True).value + fig(gt[N], True).value == 0, vt.name, "Grand Total",
           "expenditure + income", gt[E] + " / " + gt[N], "the request balances overall")
    a.derived(vt.name, "Substance Misuse and Rough Sleeping Grants", vt.header[E],
              fig("£1.8m"), Q(1762, 1000), I.pt(Q(1762, 1000)),
              "¶66's '£1.8m expenditure budgets to Public Health' = the 1,762 (£000) line",
              section="Annex B ¶66 (claim B66)")
    a.derived(vt.name, "Substance Misuse and Rough Sleeping Grants", vt.header[E],
              fig("1,762", True), Q(1700, 1) , (fig("£1.1m").iv() + fig("£0.6m").iv()) * 1000,
              "the line is funded by ¶62's £1.1m rough sleeping grant + £0.6m housing grant",
              "1.1 + 0.6 = 1.7 against 1.762", section="Annex B ¶62, ¶66 (claim B66)",
              verdict=("rounding" if ((fig("£1.1m").iv() + fig("£0.6m").iv()) * 1000)
                       .contains(1762) else "error"))
    a.derived(vt.name, "Delivering the Future Together & Transformation", vt.header[E],
              fig("2,000", True), Q(2000), I.pt(2000),
              "= ¶1 c) and Annex B ¶109 '£2.0m' from the Transformation Reserve (claims R1c, B109)")

    # ---- Balances, reserves, DSG reserve (claims) --------------------------------------------
    C = "claims.csv"
    f = fig
    a.derived(C, "B113", "closing balances", f("£30.2m"),
              f("22.6").value + f("6.8").value + f("0.8").value,
              f("22.6").iv() + f("6.8").iv() + f("0.8").iv(),
              "closing = opening 22.6 + contributions 6.8 + 0.8 - overspend 0 (breakeven)",
              section="Annex B ¶113-115 (general balances)")
    a.derived(t11.name, "Contribution to balances", t11.header[1],
              t11.fig("Contribution to balances", 1), f("6.8").value + f("0.8").value,
              f("6.8").iv() + f("0.8").iv(),
              "Table 11 contribution to balances = ¶114's £6.8m + £0.8m top-up")
    occ11 = a.t("annexA_occ11_measures.csv")
    a.equal(occ11.name, "OCC11.03", "Period Actual", occ11.fig("OCC11.03", "Period Actual"),
            num(30200000), "forecast closing balances = 22.6 + 6.8 + 0.8 = £30.2m (¶113-115)")
    a.equal(occ11.name, "OCC11.03", "Period Target", occ11.fig("OCC11.03", "Period Target"),
            num(30200000), "risk-assessed level £30.2m (¶114; claim P24)")
    a.derived(C, "P25/B110", "deficit at 31 March 2024", f("£59.4m"),
              f("41.1").value + f("18.3").value, f("41.1").iv() + f("18.3").iv(),
              "DSG unusable reserve: closing deficit = opening 41.1 + in-year 18.3 (claims P25, "
              "B110)",
              section="¶25, Annex B ¶8, ¶110 (DSG)")
    a.equal(dsg.name, "Total", dsg.header[3], dsg.fig("Total", 3), f("£18.3m"),
            "the in-year deficit £18.3m (¶25, ¶41, ¶110)")
    a.derived(C, "B108", "remaining balance", f("£2.0m"), f("15.4").value - f("13.4").value,
              f("15.4").iv() - f("13.4").iv(), "COVID-19 reserve: 15.4 - 13.4 committed = 2.0",
              section="Annex B ¶108 (COVID-19 reserve)")
    a.derived(C, "B108", "uncommitted", f("£0.4m"),
              f("2.0").value - f("0.1").value - f("1.5").value,
              f("2.0").iv() - f("0.1").iv() - f("1.5").iv(),
              "COVID-19 reserve: 2.0 - 0.1 - 1.5 = 0.4 uncommitted",
              section="Annex B ¶108 (COVID-19 reserve)")
    cv = t11.fig("Contribution from COVID-19 reserve", 3)
    a.equal(t11.name, "Contribution from COVID-19 reserve", t11.header[3], cv, f("-1.5"),
            "additional use of the COVID-19 reserve = ¶108's £1.5m for Children's Social Care")
    a.equal(C, "A1103", "£2.0m additional contribution from the COVID-19 reserve", f("£2.0m"),
            Fig("1.5 (Table 11: -8.9 - -7.4)", Q(3, 2), 1, False, "m"),
            "OCC11.03's '£2.0m additional contribution from the COVID-19 reserve' = Table 11's "
            "additional contribution from that reserve",
            "¶108: of the reserve's remaining £2.0m, £0.1m (SARs) and £1.5m (Children's Social "
            "Care) are used and £0.4m remains uncommitted; Table 11 shows an additional £1.5m",
            [{"cell": "OCC11.03 comment '£2.0m'", "fits": "1.5 or 1.6"}],
            section="Annex A OCC11.03 comment (claim A1103)")
    a.derived(C, "B63", "balance left", f("£2.4m"),
              f("5.9").value - f("1.7").value - f("1.1").value - f("0.7").value,
              f("5.9").iv() - f("1.7").iv() - f("1.1").iv() - f("0.7").iv(),
              "Public Health reserve: 5.9 - 1.7 - 1.1 - 0.7 = 2.4",
              section="Annex B ¶63 (Public Health reserve)")
    a.derived(C, "B6", "added to contingency", f("£4.2m"), f("5.0").value - f("0.8").value,
              f("5.0").iv() - f("0.8").iv(), "5.0 one-off - 0.8 to balances = 4.2",
              section="Annex B ¶6")
    cg = t11.fig("Contingency", 1)
    a.derived(t11.name, "Contingency", t11.header[1], cg, f("8.3").value + f("4.2").value,
              f("8.3").iv() + f("4.2").iv(),
              "contingency budget = ¶6/¶101's £8.3m on-going + £4.2m one-off (claims B6, B101)",
              "8.3 + 4.2 = 12.5 printed 12.4: e.g. 8.26 + 4.18 = 12.44")
    a.derived(t11.name, "Contingency", t11.header[3], t11.fig("Contingency", 3), -f("3.3").value,
              -f("3.3").iv(), "contingency variance = -(¶106's £3.3m used) (claim B106)")
    infl = [r[0] for r in t11.rows if r[0].startswith("Inflation")][0]
    a.equal(t11.name, infl, t11.header[1], t11.fig(infl, 1), f("£9.4m"),
            "the pay inflation budget held centrally = ¶101's 'Ongoing funding for pay inflation "
            "totals £9.4m' (claim B101)",
            "9.3 and 9.4 cannot be one amount rounded ([9.25, 9.35) against [9.35, 9.45)); the "
            "footnote says the line is the pay-inflation funding still to be allocated, so "
            "£0.1m may have been allocated already: an error only if both speak of the same "
            "amount at the same date",
            [{"cell": "Table 11 Inflation budget", "printed": "9.3", "fits": "9.4"},
             {"cell": "¶101 '£9.4m'", "printed": "£9.4m", "fits": "£9.3m"}])
    if a.items[-1]["verdict"] == "error":
        a.items[-1]["verdict"] = "undecided"
    a.equal(t11.name, "Interest on Balances", t11.header[3],
            t11.fig("Interest on Balances", 3), f("-0.5"),
            "interest receivable £0.5m above budget (¶97, claims B97, A1101) = variance -0.5 on "
            "an income line")
    a.equal(t11.name, "Total Budgets Held Centrally", t11.header[3],
            t11.fig("Total Budgets Held Centrally", 3), f("-5.3"),
            "'a combined underspend of £5.3m against budgets held centrally' (¶94, claim B94)")
    a.equal(t11.name, "Directorate Total", t11.header[3], t11.fig("Directorate Total", 3),
            f("£5.3m"), "'a forecast Directorate overspend of £5.3m' (¶2, ¶21: claims B2, P21)")
    a.equal(t11.name, "Directorate Total", t11.header[4], t11.fig("Directorate Total", 4),
            f("0.9%"), "'£5.3m (0.9%)' (¶21, claim P21) and OCC11.04's 0.9%")
    for cid, tbl, row, col, txt, why in [
        ("B9", "annexB_adult_services.csv", "Total Adult Services", 1, "£226.9m", "¶9"),
        ("B26", "annexB_childrens_services.csv", "Total Children's Services", 2, "£3.1m", "¶26"),
        ("B26", "annexB_childrens_services.csv", "Total Children's Services", 1, "£169.3m", "¶26"),
        ("B44", "annexB_environment_place.csv", "Total Environment & Place", 2, "£0.6m", "¶44"),
        ("B44", "annexB_environment_place.csv", "Total Environment & Place", 1, "£74.5m", "¶44"),
        ("B51", "annexB_environment_place.csv", "Highways & Operations", 2, "£0.6m", "¶51, ¶55"),
        ("B51", "annexB_environment_place.csv", "Highways & Operations", 1, "£34.1m", "¶51"),
        ("B67", "annexB_resources.csv", "Total Resources", 2, "£1.6m", "¶67"),
        ("B67", "annexB_resources.csv", "Total Resources", 1, "£69.7m", "¶67"),
        ("B68", "annexB_resources.csv", "Human Resources & Organisational Development", 2,
         "£0.6m", "¶68"),
        ("B69", "annexB_resources.csv", "IT, Innovation & Digital", 2, "£0.3m", "¶69"),
        ("B70", "annexB_resources.csv", "Culture & Customer Experience", 2, "£0.2m", "¶70"),
        ("B70", "annexB_resources.csv", "Property, Investment & Facilities Management", 2,
         "£0.2m", "¶71"),
        ("B70", "annexB_resources.csv", "Law & Governance", 2, "£0.2m", "¶72"),
        ("B61", "annexB_public_health_community_safety.csv", "Grant Income", 1, "-£33.6m", "¶61"),
        ("B58", "annexB_public_health_community_safety.csv",
         "Total Public Health & Community Safety", 2, "0.0", "¶58 (breakeven)"),
        ("B41", "annexB_dsg.csv", "High Needs block", 3, "£18.3m", "¶41"),
        ("B75", "annexB_savings.csv", "TOTAL", 1, "-£28.2m", "¶75"),
        ("B76", "annexB_savings.csv", "TOTAL", 2, "-£10.2m", "¶76"),
        ("B78", "annexB_savings.csv", "Adult Services", 1, "-£18.1m", "¶78"),
        ("B82", "annexB_savings.csv", "Children's Services", 1, "-£3.4m", "¶82"),
        ("B85a", "annexB_savings.csv", "Environment & Place", 2, "-£2.3m", "¶85"),
    ]:
        T = a.t(tbl)
        a.equal(tbl, row, T.header[col], T.fig(row, col), f(txt),
                "the table cell = %s's figure (claim %s)" % (why, cid))
    a.derived(C, "B55", "supported transport overspend", f("£0.6m"),
              f("0.350").value + f("0.250").value, f("0.350").iv() + f("0.250").iv(),
              "0.350 + 0.250 = 0.6", section="Annex B ¶55")
    a.derived(C, "B22", "ring-fenced grants", f("£17.6m"),
              f("10.7").value + f("5.4").value + f("1.5").value,
              f("10.7").iv() + f("5.4").iv() + f("1.5").iv(), "10.7 + 5.4 + 1.5 = 17.6",
              section="Annex B ¶22-25")
    a.derived(C, "B103", "more than budgeted", f("1.0%"), f("5.5").value - f("4.5").value,
              f("5.5").iv() - f("4.5").iv(), "5.5% offer - 4.5% budgeted (¶102) = 1.0%",
              section="Annex B ¶103")
    a.equal(C, "B103", "cost of 1%", f("£2.6m"), f("£2.6m"),
            "¶103 '1.0% more ... £2.6m' = ¶104 '1% ... around £2.6m'", section="Annex B ¶104")
    a.derived(C, "B85b", "kWh decrease", f("7,367,068", True),
              f("21388773", True).value - f("14021705", True).value, None,
              "21,388,773 - 14,021,705 = 7,367,068", section="Annex B ¶85")
    a.fact(f("1.7").value <= f("2.3").value, C, "B85a", "£1.7m of the £2.3m", "£1.7m",
           "a part ≤ its whole", section="Annex B ¶85")
    a.fact(f("2.0").value <= f("4.3").value, C, "B109", "£2.0m of £4.3m", "£2.0m",
           "a use ≤ the reserve", section="Annex B ¶109")
    a.fact(f("0.1").value <= f("0.2").value, C, "B86", "£0.1m amber", "£0.1m",
           "≤ Community Safety's planned £0.2m (savings table)", section="Annex B ¶86")
    a.fact(3 + 1 == 4, C, "B93", "four debts", "four", "three cases + the other case = four",
           section="Annex B ¶93")
    a.fact(True, C, "R1f", "four debts £0.070m", "£0.070m", "= Annex B ¶93", section="¶1 f)")
    a.fact(True, C, "R1d", "£0.1m; £1.5m", "£0.1m; £1.5m", "= Annex B ¶108", section="¶1 d)")
    a.fact(True, C, "B73", "£0.1m", "£0.1m", "= Annex B ¶108", section="Annex B ¶73")
    a.fact(550 >= 500 >= 350, C, "U6", "£550 per month", "£550",
           "the top-up payment ≥ the government's £500 and £350", section="Annex B-6")
    a.fact(12 + 12 == 24, C, "U7", "up to 24 weeks", "24", "12 + 12 weeks", section="Annex B-6")
    a.equal(C, "B33", "148 target number", fig("148", True), fig("148", True),
            "= seed 002 OCC07.05 'The national expectation has subsequently been increased to "
            "148'", section="Annex B ¶33")
    for cid, why in (("P15b", "last year's first two months are not printed"),
                     ("P14a", "the population of the measure is not printed"),
                     ("A1004", "the number of inbound contacts is not printed")):
        a.skip(C, cid, "", "", why)

    # ---- Savings paragraphs ------------------------------------------------------------------
    sav = {"on track": f("£13.8m"), "amber": f("£11.3m"), "red": f("£3.1m"),
           "total": f("£28.2m"), "share": f("50%"), "OCC11.02": f("50.00%")}
    rels = [lambda x: within(x["on track"] + x["amber"] + x["red"], x["total"]),
            lambda x: within(pct_of(x["on track"], x["total"]), x["share"]),
            lambda x: within(pct_of(x["on track"], x["total"]), x["OCC11.02"])]
    cands = single_fixes(sav, rels, {"on track": (Q(10), Q(17)), "total": (Q(24), Q(32)),
                                     "share": (Q(40), Q(60)), "amber": (Q(8), Q(15)),
                                     "red": (Q(0), Q(6))})
    a.derived(C, "B77", "sum of the split", sav["total"],
              sav["on track"].value + sav["amber"].value + sav["red"].value,
              sav["on track"].iv() + sav["amber"].iv() + sav["red"].iv(),
              "13.8 + 11.3 + 3.1 = 28.2 (the savings table's TOTAL 2023/24)",
              section="Annex B ¶77")
    ex = sav["on track"].value * 100 / sav["total"].value
    a.derived(C, "B77", "£13.8m (50%)", sav["share"], ex, pct_of(sav["on track"], sav["total"]),
              "share = 13.8 / 28.2", "48.9%: no value inside 13.75..13.85 / 28.15..28.25 "
              "(48.7%..49.2%) prints 50%", cands +
              [{"cell": "share", "printed": "50%", "fits": "49"},
               {"cell": "OCC11.02 Period Actual", "printed": "50.00%", "fits": "48.67..49.20"},
               {"note": "no single cell: 13.8 or 28.2 changed to give 50% breaks 13.8 + 11.3 + "
                        "3.1 = 28.2; the two printed 50s are both wrong"}],
              section="Annex B ¶77")
    a.derived(occ11.name, "OCC11.02", "Period Actual", sav["OCC11.02"], ex,
              pct_of(sav["on track"], sav["total"]),
              "achievement of planned savings = (delivered + expected) / planned (¶77)",
              "the KPI printed to 2 dp as 50.00% is 48.94%", section="Annex A OCC11.02")
    a.add("follows", occ11.name, "OCC11.02", "YTD Actual", "50.00%",
          "YTD (latest) = the period figure", fmt(ex, 2), "48.67..49.20",
          "the YTD repeats the period cell, which is wrong", section="Annex A OCC11.02")
    a.fact(True, C, "A1102", "around 50%", "around 50%",
           "'around 50%' for 48.9%: a rounded word, not a figure", section="Annex A OCC11.02")
    a.fact(35 + 19 + 46 == 100, C, "B78", "35% + 19% + 46%", "100",
           "the split's shares add to 100", section="Annex B ¶78")
    a.derived(C, "B79", "46% of £18.1m", f("£8.3m"), Q(46, 100) * f("18.1").value,
              I(Q(455, 1000), Q(465, 1000)) * f("18.1").iv(),
              "¶79's £8.3m at greatest risk = ¶78's 46% unconfirmed of £18.1m",
              section="Annex B ¶78-79")
    a.fact(51 + 26 + 23 == 100, C, "B82", "51% + 26% + 23%", "100",
           "the split's shares add to 100", section="Annex B ¶82")
    for txt, amt in (("26%", "0.9"), ("23%", "0.8")):
        a.derived(C, "B82", "£%sm (%s)" % (amt, txt), f(txt),
                  f(amt).value * 100 / f("3.4").value, pct_of(f(amt), f("3.4")),
                  "share = amount / £3.4m", section="Annex B ¶82")
    dl = f("3.4").value - f("0.9").value - f("0.8").value
    a.derived(C, "B82", "51% forecast to be delivered", f("51%"), dl * 100 / f("3.4").value,
              (f("3.4").iv() - f("0.9").iv() - f("0.8").iv()) * 100 / f("3.4").iv(),
              "delivered = (3.4 - 0.9 - 0.8) / 3.4", section="Annex B ¶82")
    a.fact(f("0.7").value + f("0.3").value <= dl, C, "B82", "£0.7m + £0.3m", "£1.0m",
           "the named parts of the delivered savings ≤ the delivered £1.7m",
           section="Annex B ¶82")
    a.derived(C, "B83", "£1.0m + £0.4m", sv.fig("Environment & Place", 1),
              -(f("1.0").value + f("0.4").value), -(f("1.0").iv() + f("0.4").iv()),
              "E&P new savings 1.0 + 0.4 = the savings table's 1.4", section="Annex B ¶83")
    for txt, amt in (("72%", "1.0"), ("28%", "0.4")):
        a.derived(C, "B83", "£%sm (%s)" % (amt, txt), f(txt),
                  f(amt).value * 100 / f("1.4").value,
                  f(amt).iv() * 100 / (f("1.0").iv() + f("0.4").iv()),
                  "share = amount / (1.0 + 0.4)", section="Annex B ¶83")
    red_res = f("5.1").value - f("1.2").value - f("1.9").value
    a.fact(red_res >= Q(1, 2) * (f("1.5").value + f("0.9").value), C, "B87",
           "Resources red = 5.1 - 1.2 - 1.9", fmt(red_res, 1),
           "red ≥ 'the other half' of £1.5m + £0.9m (= 1.2)", section="Annex B ¶87")
    # The directorate paragraphs against ¶77 (assumptions in NOTES.md).
    pc = lambda lo, hi: I(Q(lo), Q(hi))  # noqa: E731
    green = pc("0.535", "0.545") * f("18.1").iv() + (f("3.4").iv() - f("0.9").iv() -
                                                     f("0.8").iv()) + f("1.0").iv() + \
        f("1.2").iv() + pc("0", "0.15")
    amber = f("8.3").iv() + f("0.9").iv() + f("0.1").iv() + f("1.9").iv()
    red = f("0.8").iv() + f("0.4").iv() + (f("5.1").iv() - f("1.2").iv() - f("1.9").iv()) + \
        pc("0", "0.15")
    for lab, ivl, pr in (("delivered or expected", green, "£13.8m"), ("amber", amber, "£11.3m"),
                         ("red", red, "£3.1m")):
        a.derived(C, "B77d", lab, f(pr), None, ivl,
                  "Σ directorates (¶78-87) = ¶77's split",
                  "Adults 54% of 18.1 green and its 46% unconfirmed (£8.3m) amber; Children "
                  "1.7/0.9/0.8; E&P 1.0/0/0.4; Community Safety 0.1 amber and 0.1 unstated; "
                  "Resources 1.2/1.9/rest", verdict=("rounding" if ivl.meets(f(pr).iv())
                                                     else "error"), section="Annex B ¶77-87")

    # ---- Debt --------------------------------------------------------------------------------
    a.derived(C, "B89", "2% above the 95% target", f("2%"), Q(97 - 95), f("97%").iv() - 95,
              "97% - 95% = 2%", section="Annex B ¶89")
    a.equal(occ11.name, "OCC11.09", "YTD Actual", occ11.fig("OCC11.09", "YTD Actual"),
            f("97%"), "'The combined collection rate ... for April and May was 97%' (¶89) = "
            "the YTD", section="Annex A OCC11.09 / Annex B ¶89")
    dr = occ11.fig("OCC11.10", "Period Actual")
    a.derived(C, "B90", "£0.44m", f("£0.44m"), dr.value / 1000000, I.pt(dr.value / 1000000),
              "¶90's £0.44m = OCC11.10 £439,343", section="Annex B ¶90")
    a.equal(occ11.name, "OCC11.10", "Period Target", occ11.fig("OCC11.10", "Period Target"),
            num(350000), "OCC11.10's target = ¶90's 'compared to a target of £0.35m'",
            "£300,000 against £0.35m (0.345..0.355): two targets for one measure in one report",
            [{"cell": "OCC11.10 Period Target and YTD Target", "printed": "£300,000",
              "fits": "£350,000"}, {"cell": "¶90 'a target of £0.35m'", "fits": "£0.30m"}],
            section="Annex A OCC11.10 / Annex B ¶90")
    a.derived(C, "A1110", "36% of the total bad debt", f("36%"), Q(158000 * 100) / dr.value,
              f("£0.158m").iv() * 100 / dr.iv(), "0.158 / 0.439343 = 36%",
              section="Annex A OCC11.10")
    a.fact(Q(36) <= Q(50), C, "B90", "top five cases 50%", "50%",
           "the top case's 36% (OCC11.10) ≤ the top five's 50% (¶90)", section="Annex B ¶90")
    a.derived(C, "A1110", "£0.439m", f("£0.439m"), dr.value / 1000000, None,
              "'Debt requiring impairment this month is £0.439m' = OCC11.10 £439,343",
              section="Annex A OCC11.10")
    asc = occ11.fig("OCC11.11", "Period Actual")
    a.derived(C, "B92", "£4.7m", f("£4.7m"), asc.value / 1000000, I.pt(asc.value / 1000000),
              "¶92 / OCC11.11 comment £4.7m = OCC11.11 £4,685,633", section="Annex B ¶92")
    a.equal(occ11.name, "OCC11.11", "Period Target", occ11.fig("OCC11.11", "Period Target"),
            num(3500000), "'reduce the adult contributions impairment to £3.5m by year end'")
    a.derived(C, "A1111", "£01m above the outturn position", f("£0.1m"),
              f("4.7").value - f("4.6").value, f("4.7").iv() - f("4.6").iv(),
              "4.7 (May) - 4.6 (2022/23 year end, ¶92) = 0.1", section="Annex A OCC11.11")
    a.add("undecided", C, "A1111", "£01m", "£01m", "a printed figure parses",
          explanation="'£01m' is not a well-formed figure (read here as £0.1m, which agrees)",
          section="Annex A OCC11.11")
    a.equal(occ11.name, "OCC11.15", "Period Target", occ11.fig("OCC11.15", "Period Target"),
            f("92%"), "'the target collection rate for 2023/24 is 92%' (¶91, claim B91)")
    a.equal(occ11.name, "OCC11.09", "Period Actual", occ11.fig("OCC11.09", "Period Actual"),
            f("98.32%"), "'The collection rate was 98.32%, above the target of 95%' (claim A1109)")

    # ---- Performance: Annex A ----------------------------------------------------------------
    files = ["annexA_occ%02d_measures.csv" % p for p in range(1, 12)]
    ms = load_measures(a, files)
    a.fact(len(a.t("annexA_occ08_measures.csv").rows) == 0, "annexA_occ08_measures.csv",
           "(none)", "", "This report does not contain any data",
           "a priority with no measures to report prints no rows")
    meta = load_meta(a)
    resolved = performance_003(a, ms, meta)
    summaries_003(a, ms, resolved)
    risks_003(a)
    claims_rest_003(a, ms)
    cross_seed(a)


BAND_NOTES = {
    "OCC01.02": "April (Table 5) 1,304 of 1,500 Amber, May 97.7% and YTD 55.4% short Red: a band "
                "in 13.07%..55.37% fits all three",
    "OCC01.07": "May 7.74% short Red, YTD 7.35% short Amber: a band in 7.35%..7.74%",
    "OCC04.04": "a band of at least 1.43%",
    "OCC07.03": "May 16.2% and YTD 10.8% short, April 270 of 276: a band of at least 16.22%",
    "OCC07.05": "7.14% over: a band of at least 7.14%",
    "OCC10.05": "15% against 10% is 50% over: a band of at least 50%",
    "OCC11.02": "47.4% short: a band below 47.37%",
    "OCC11.11": "33.9% over: a band below 33.88%",
}


def performance_003(a, ms, meta):
    """Statuses and YTD of every Annex A row. Returns the May status the audit accepts."""
    resolved = {}
    for mid, m in ms.items():
        pol = meta[mid]["polarity"]
        pa, pt = optfig(m["Period Actual"]), optfig(m["Period Target"])
        ya, yt = optfig(m["YTD Actual"]), optfig(m["YTD Target"])
        sec = "Annex A " + mid
        v = check_status(a, m["_file"], mid, "Status", m["Status"], pa, pt, pol, sec,
                         BAND_NOTES.get(mid, ""))
        check_status(a, m["_file"], mid, "YTD", m["YTD"], ya, yt, pol, sec,
                     BAND_NOTES.get(mid, ""))
        s = SYMBOL[m["Status"]]
        if v == "agrees":
            resolved[mid] = s
    # The three printed Green that miss their targets, and the three blank rows.
    resolved.update({
        "OCC05.03": "Amber",   # 3.93% short; its priority OCC05 is printed ● (Amber)
        "OCC11.10": "Red",     # 46.4% over; OCC11.11, the same kind, is Red at 33.9% over
        "OCC11.15": "Amber",   # 1.62% short; ¶17 counts one Amber in OCC11
        "OCC04.05": "Amber",   # 1.67% short; Table 6 prints it Amber
        "OCC04.06": "Green",   # 619 against 197
        "OCC04.08": "Green",   # 11,782 against 6,000
        "OCC11.12": "Green",   # polarity not printed: kept as printed (undecided finding)
    })
    # YTD against the months under each measure's rule.
    for mid, m in ms.items():
        rule = meta[mid]["ytd_rule"]
        pa, pt = optfig(m["Period Actual"]), optfig(m["Period Target"])
        ya, yt = optfig(m["YTD Actual"]), optfig(m["YTD Target"])
        tbl, sec = m["_file"], "Annex A " + mid
        if rule == "latest":
            if mid != "OCC07.02":
                a.derived(tbl, mid, "YTD Actual", ya, pa.value, pa.iv(),
                          "YTD of a stock = the latest figure (May)", section=sec)
            if pt is not None:
                a.derived(tbl, mid, "YTD Target", yt, pt.value, pt.iv(),
                          "YTD target of a stock = the period target", section=sec)
        elif rule == "sum":
            april = ya.value - pa.value
            april_t = (yt.value - pt.value) if (yt and pt) else None
            if april == 0 and (april_t in (None, 0)):
                a.add("undecided", tbl, mid, "YTD Actual", ya.text,
                      "YTD of a flow = April + May", "", "",
                      "YTD equals May's figure (and the YTD target May's target): either April "
                      "is not counted or the flow is printed under 'latest'", section=sec)
            elif april_t == 0:
                a.add("undecided", tbl, mid, "YTD Target", yt.text,
                      "YTD target of a flow = April's + May's target", "", "",
                      "the YTD actual sums two months (April %s) but the YTD target equals "
                      "May's target alone: April's target would be 0, or the YTD actual should "
                      "be May's %s" % (fmt(april, 0), pa.text), section=sec)
            elif april < 0 or (april_t is not None and april_t < 0):
                a.add("error", tbl, mid, "YTD Actual", ya.text, "YTD of a flow ≥ the month",
                      section=sec)
            else:
                a.add("agrees", tbl, mid, "YTD Actual", ya.text, "YTD of a flow = April + May",
                      explanation="April %s%s" % (fmt(april, pa.places), (
                          " against %s" % fmt(april_t, pt.places)) if april_t is not None
                                                  else ""), section=sec)
        else:
            a.skip(tbl, mid, "YTD Actual", ya.text if ya else "",
                   "%s: April's figure is not printed" % rule)
    # Known months: OCC07.05 (April = May), OCC11.15 (April 89%, ¶91), OCC10.05 (¶16, A1005).
    o7 = ms["OCC07.05"]
    a.equal(o7["_file"], "OCC07.05", "YTD Actual", fig(o7["YTD Actual"]), fig(o7["Period Actual"]),
            "YTD = April = May: 'there has been no change in the percentage figure' (¶15, "
            "claim P15c)")
    o = ms["OCC11.15"]
    lo = fig("89%").iv().lo
    hi = fig(o["Period Actual"]).iv().hi
    a.derived(o["_file"], "OCC11.15", "YTD Actual", fig(o["YTD Actual"]), None, I(lo, hi),
              "YTD rate (ratio of sums) lies between April (89%, ¶91, claim B91) and May (90.51%)",
              verdict="agrees" if I(lo, hi).meets(fig(o["YTD Actual"]).iv()) else "error")
    c = ms["OCC10.05"]
    may = fig(c["Period Actual"])
    april = may.iv() - fig("2%").iv()            # 'The abandonment rate increased by 2%'
    band = I(min(april.lo, may.iv().lo), max(april.hi, may.iv().hi))
    a.derived(c["_file"], "OCC10.05", "YTD Actual", fig(c["YTD Actual"]), None, band,
              "YTD of a rate = abandoned / offered over both months: between April and May",
              "April = May 15% less 2 points (¶16, claim P16a: 'The abandonment rate increased "
              "by 2%'); the "
              "printed 29% is the sum of the two months' rates (14% + 15%)",
              [{"cell": "YTD Actual", "printed": c["YTD Actual"], "fits": "12..16"}],
              verdict="error")
    a.derived(c["_file"], "OCC10.05", "YTD Target", fig(c["YTD Target"]),
              fig(c["Period Target"]).value, fig(c["Period Target"]).iv(),
              "YTD target of a rate = the rate target (10%), not the sum of two months' targets")
    o2 = ms["OCC07.02"]
    cw = a.t("annexB_children_we_care_for.csv")
    a.derived(o2["_file"], "OCC07.02", "YTD Actual", fig(o2["YTD Actual"], True),
              fig(o2["Period Actual"]).value, I.pt(fig(o2["Period Actual"]).value),
              "YTD of a stock = the latest figure (May)",
              "claim X4: 205 is a sum of two months; even so the children-we-care-for table gives "
              "April "
              "104 + May 102 = 206", [{"cell": "YTD Actual", "printed": "205", "fits": "102"}])
    a.equal(o2["_file"], "OCC07.02", "Period Actual", fig(o2["Period Actual"], True),
            cw.fig("Unaccompanied", "May 2023", True),
            "= the children we care for table, Unaccompanied, May 2023")
    return resolved


def meta_sum(ms, mid):
    """April's actual and target of a flow measure (YTD - May), where both are printed."""
    m = ms[mid]
    try:
        return (fig(m["YTD Actual"]).value - fig(m["Period Actual"]).value,
                fig(m["YTD Target"]).value - fig(m["Period Target"]).value)
    except (ValueError, KeyError):
        return None


def count_status(ids, resolved):
    c = {"Green": 0, "Amber": 0, "Red": 0, "other": 0}
    for i in ids:
        s = resolved[i]
        c[s if s in c else "other"] += 1
    return c


def summaries_003(a, ms, st):
    meta = load_meta(a)
    ids = list(ms)
    c = count_status(ids, st)
    n = len(ids)
    printed_syms = {"Green": 0, "Amber": 0, "Red": 0, "n/a": 0, "": 0}
    for m in ms.values():
        printed_syms[SYMBOL[m["Status"]]] += 1
    base = ("Annex A has %d rows; the audit's May statuses: %d Green, %d Amber, %d Red, %d "
            "monitoring only (printed symbols: %d ★, %d ●, %d ▲, %d n/a, %d blank)"
            % (n, c["Green"], c["Amber"], c["Red"], c["other"], printed_syms["Green"],
               printed_syms["Amber"], printed_syms["Red"], printed_syms["n/a"], printed_syms[""]))
    t1 = a.t("table01_summary_may2023.csv")
    why = {
        "Green": ("agrees", "27 (= 28 printed ★ - OCC05.03, OCC11.10, OCC11.15 + OCC04.06, "
                            "OCC04.08): right only because errors cancel; by the report's own "
                            "symbols one Green measure is not counted"),
        "Amber": ("follows", "7 with OCC05.03 (printed ★, 3.93% short of its target): the 6 "
                             "follows from OCC05.03's printed status"),
        "Red": ("follows", "5 with OCC11.10 (printed ★, 46% over its target): the 4 follows "
                           "from OCC11.10's printed status"),
        "Monitoring only/Data Unavailable": (
            "undecided", "6 printed n/a; 7 if one of OCC04.06 / OCC04.08 (no symbol printed, "
                         "each with a target it beats) was counted as monitoring only, as ¶14 "
                         "does"),
        "Total": ("error", "Annex A prints %d measure rows; the printed counts add to 44. By "
                           "the report's own statuses (Annex A's symbols, Table 6 for OCC04.05, "
                           "¶14's three monitoring-only, ¶17's one Amber) the counts are 28 / 6 / "
                           "4 / 7 of 45: Table 1 leaves out one Green measure, which one is not "
                           "printed (one of OCC02's two, OCC03.09, OCC05.03 or OCC09.02)" % n),
    }
    comp = {"Green": c["Green"], "Amber": c["Amber"], "Red": c["Red"],
            "Monitoring only/Data Unavailable": c["other"], "Total": n}
    for col in ("Green", "Amber", "Red", "Monitoring only/Data Unavailable", "Total"):
        p = t1.fig("Monthly", col, True)
        v, e = why[col]
        if p.value == comp[col]:
            v = "agrees"
        a.add(v, t1.name, "Monthly", col, p.text, "count of the listed measures' May statuses",
              str(comp[col]), str(comp[col]) if v != "agrees" else "", base + ". " + e,
              section="Table 1 (¶7)")
    a.fact(27 + 6 + 4 + 7 == 44, t1.name, "Monthly", "Total", "44",
           "Total = Green + Amber + Red + Monitoring (as printed)", section="Table 1 (¶7)")
    # Table 2: April as printed; May = Table 1.
    t2 = a.t("table02_monthly_comparison.csv")
    for label in ("April 2023", "May 2023"):
        r = t2.row(label)
        counts = [fig(r[i], True) for i in (1, 3, 5, 7)]
        total = fig(r[9].rstrip("*"), True)
        a.fact(sum(x.value for x in counts) == total.value, t2.name, label,
               t2.header[9], r[9], "Total = sum of the counts (as printed)")
        s = Q(0)
        for i, x in zip((2, 4, 6, 8), counts):
            pct = fig(r[i])
            ex = x.value * 100 / total.value
            s += pct.value
            a.derived(t2.name, label, t2.header[i - 1] + " %", pct, ex, I.pt(ex),
                      "share = count / total (as printed)",
                      "an exact tie (12.5%) printed 12: half-even or largest remainder, not "
                      "half-up" if rnd(ex, 0) != pct.value and ex * 2 == int(ex * 2) else "")
        a.fact(s == 100, t2.name, label, "shares", fmt(s, 0), "the shares add to 100%")
        if label == "May 2023":
            for i, col in ((1, "Green"), (3, "Amber"), (5, "Red"),
                           (7, "Monitoring only/Data Unavailable")):
                a.fact(r[i] == t1.cell("Monthly", col), t2.name, label, t2.header[i], r[i],
                       "Table 2's May row = Table 1")
                v, e = why[col]
                if int(r[i]) == comp[col]:
                    v = "agrees"
                a.add(v, t2.name, label, t2.header[i], r[i],
                      "count of the listed measures' May statuses", str(comp[col]),
                      str(comp[col]) if v != "agrees" else "", "as Table 1: " + e,
                      section="Table 2 (¶9)")
            v, e = why["Total"]
            a.add(v, t2.name, label, t2.header[9], r[9], "count of the listed measures", str(n),
                  str(n), "as Table 1: " + e, section="Table 2 (¶9)")
            for i, col in ((2, "Green"), (4, "Amber"), (6, "Red"),
                           (8, "Monitoring only/Data Unavailable")):
                right = fmt(Q(comp[col]) * 100 / n, 0)
                a.add("agrees" if right == fmt(fig(r[i]).value, 0) else "follows", t2.name,
                      label, t2.header[i - 1] + " %", r[i],
                      "share of the listed measures (%d)" % n, right + "%", right + "%",
                      "the printed share follows from Table 1's count and total 44",
                      section="Table 2 (¶9)")
    a.add("undecided", t2.name, "April 2023", "counts", "12, 5, 4, 11, 32*",
          "count of the listed measures' April statuses", "", "",
          "April's measure statuses are not published (Annex A is May's): the counts cannot be "
          "derived", section="Table 2 (¶9)")
    # ¶8, ¶9, ¶10
    C = "claims.csv"
    for cid, cnt, pct_txt, col in (("P8a", 27, "61%", "Green"), ("P8b", 6, "14%", "Amber"),
                                   ("P8c", 4, "9%", "Red")):
        a.fact(cnt == int(t1.cell("Monthly", col)), C, cid, "count", str(cnt), "= Table 1",
               section="¶8")
        v, e = why[col]
        a.add("agrees" if cnt == comp[col] else v, C, cid, "count (of the listed measures)",
              str(cnt), "count of the listed measures' May statuses", str(comp[col]),
              "" if cnt == comp[col] else str(comp[col]), "as Table 1: " + e, section="¶8")
        ex = Q(cnt * 100, 44)
        a.derived(C, cid, "share", fig(pct_txt), ex, I.pt(ex), "share = count / Table 1's 44",
                  section="¶8")
        right = Q(comp[col] * 100, n)
        a.add("agrees" if rnd(right, 0) == fig(pct_txt).value else "follows", C, cid,
              "share (of the listed measures)", pct_txt, "share of the %d listed measures" % n,
              fmt(right, 0) + "%", "" if rnd(right, 0) == fig(pct_txt).value else
              fmt(right, 0) + "%", "follows from Table 1's count and total", section="¶8")
    a.add("error", C, "P8b", "all six were Amber for 2+ months", "all six",
          "Amber exceptions = Amber this month and last", "5", "5",
          "the exception tables 5-9 list five Amber measures with an April Amber (OCC04.04, "
          "OCC04.05, OCC07.03, OCC07.05, OCC10.05); Table 1's sixth Amber cannot be one "
          "(OCC11.15 was not reported in April, Table 2's footnote)",
          [{"cell": "¶8 'all six'", "fits": "five"},
           {"cell": "exception tables 5-9", "fits": "a sixth Amber row (only OCC05.03 could be, "
                                                    "printed Green, April not published)"}],
          section="¶8")
    a.fact(27 > 12, C, "P9a", "Green increased", "27 > 12", "May Green > April Green",
           section="¶9")
    a.add("follows", C, "P9b", "Red remained static (4)", "4",
          "May Red = April Red", "5", "", "April 4 (Table 2) against the audit's May 5: follows "
          "from Table 1's Red (OCC11.10 printed Green)", section="¶9")
    # Table 3 and ¶10: the Red list.
    t3 = a.t("table03_red_measures.csv")
    listed = [r[0].split(":")[0] for r in t3.rows]
    reds = sorted(i for i in ms if st[i] == "Red")
    a.fact(all(st[i] == "Red" for i in listed), t3.name, "(all rows)", "", ", ".join(listed),
           "every listed measure is Red", section="Table 3 (¶10)")
    a.add("follows" if sorted(listed) != reds else "agrees", t3.name, "(the list)",
          t3.header[0], "four measures", "Red list = the measures rated Red in May",
          ", ".join(reds), "OCC11.10 missing",
          "follows from OCC11.10's printed ★ (£439,343 against a £300,000 target, lower is "
          "better)", section="Table 3 (¶10)")
    a.add("follows", C, "P10", "four measures", "four", "= the Red measures", str(len(reds)),
          str(len(reds)), "follows from OCC11.10's printed status", section="¶10")
    # Exception tables 5-9 and ¶12.
    ex_rows = []
    for tn in ("table05_occ01_exceptions.csv", "table06_occ04_exceptions.csv",
               "table07_occ07_exceptions.csv", "table08_occ10_exceptions.csv",
               "table09_occ11_exceptions.csv"):
        T = a.t(tn)
        for r in T.rows:
            mid = r[0][:8]
            ex_rows.append((tn, mid, r[1], r[2], r[3]))
            a.fact(r[2] == st[mid], tn, mid, T.header[2], r[2],
                   "May status = the Annex A status", st[mid],
                   "Annex A prints no symbol for OCC04.05: this table is its only printed "
                   "status" if mid == "OCC04.05" else "")
            if r[1] == "Amber" and mid in ("OCC01.02", "OCC07.03"):
                a_, t_ = meta_sum(ms, mid)
                a.fact(a_ < t_, tn, mid, T.header[1], r[1],
                       "April Amber = April misses its target (YTD - May: %s against %s)" % (
                           fmt(a_, 0), fmt(t_, 0)))
            ok = r[2] == "Red" or (r[2] == "Amber" and r[1] == "Amber")
            a.fact(ok, tn, mid, "(row)", "%s → %s" % (r[1], r[2]),
                   "an exception is Red, or Amber two periods running")
            a.fact(ms[mid]["Director"].split(";")[0] == r[3], tn, mid, T.header[3], r[3],
                   "Director = Annex A's (first named) director", ms[mid]["Director"])
            title = r[0][9:].lstrip(": ").strip() if r[0][8] == ":" else r[0][8:].strip()
            a.fact(title == ms[mid]["Title"], tn, mid, T.header[0], r[0],
                   "the measure's title = Annex A's", ms[mid]["Title"],
                   "Table 6 and ¶14 say 'aged under 65' (so does seed 002), Annex A says 'aged "
                   "over 65' (OCC04.03 is the 65-plus measure)" if mid == "OCC04.04" else "",
                   candidates=[{"cell": "Annex A OCC04.04 Title", "fits": "aged under 65"}]
                   if mid == "OCC04.04" else None)
    red_ex = sorted(m for (_, m, _, s, _) in ex_rows if s == "Red")
    amb_ex = sorted(m for (_, m, p, s, _) in ex_rows if s == "Amber")
    a.add("follows", "table09_occ11_exceptions.csv", "(the list)", "Measure:",
          ", ".join(m for (t, m, *_ ) in ex_rows if t.startswith("table09")),
          "the exceptions of OCC11 = its Red measures and its Amber-twice measures",
          "OCC11.02, OCC11.10, OCC11.11", "OCC11.10 missing",
          "follows from OCC11.10's printed status", section="Table 9")
    a.add("agrees" if len(red_ex) + 1 == 5 else "error", C, "P12", "five Red", "five",
          "= the Red exceptions", "5", "",
          "right: the tables list four, the fifth is OCC11.10 (printed Green, Red by its "
          "figures)", section="¶12")
    a.add("error", C, "P12", "six Amber", "six", "= the Amber exception rows of tables 5-9",
          str(len(amb_ex)), str(len(amb_ex)),
          "tables 5-9 list five Amber exceptions (%s)" % ", ".join(amb_ex),
          [{"cell": "¶12 'six'", "fits": "five"},
           {"cell": "tables 5-9", "fits": "a missing Amber row (only OCC05.03 could be: Amber by "
                                           "its figures, April not published)"}], section="¶12")
    # Table 4: status changes, April → May.
    t4 = a.t("table04_status_changes.csv")
    april = {m: p for (_, m, p, _, _) in ex_rows}
    april["OCC09.02"] = "Red"
    for r in t4.rows:
        kind, cell = r[0], r[1]
        frm, to = kind.split(" to ")
        if cell == "No change":
            known = [m for m, p in april.items() if p == frm and st.get(m) == to]
            a.add("undecided" if not known else "error", t4.name, kind, t4.header[1] or "measures",
                  cell, "the measures whose status went %s → %s" % (frm, to),
                  ", ".join(known), "",
                  "none among the measures whose April status is printed (tables 4-9); April "
                  "is not published for the others%s" % (
                      " (OCC05.03, Amber in May by its figures, could be Green→Amber)"
                      if kind == "Green to Amber" else ""), section="Table 4 (¶11)")
        else:
            mids = re.findall(r"OCC\d\d\.\d\d", cell)
            for mid in mids:
                if meta[mid]["ytd_rule"] == "sum" and meta_sum(ms, mid):
                    a_, t_ = meta_sum(ms, mid)
                    a.fact(a_ < t_, t4.name, kind, mid + " April figure", fmt(a_, 2),
                           "April %s misses its target (YTD - May: %s against %s)" % (
                               frm, fmt(a_, 2), fmt(t_, 2)))
            for mid in mids:
                ok = april.get(mid) == frm and st[mid] == to
                a.fact(ok, t4.name, kind, mid, mid,
                       "April %s (tables 5-9) → May %s (Annex A)" % (frm, to),
                       "%s → %s" % (april.get(mid, "?"), st[mid]), section="Table 4 (¶11)")
    # ¶13-17: per-priority counts.
    def prio(p):
        return [i for i in ms if i.startswith("OCC%02d." % p)]
    claims = {
        "P13": (1, 3, {"Green": 0, "Amber": 0, "Red": 2, "other": 1}),
        "P14": (4, 8, {"Green": 3, "Amber": 2, "Red": 0, "other": 3}),
        "P15": (7, 7, {"Green": 3, "Amber": 2, "Red": 0, "other": 2}),
        "P16": (10, 9, {"Green": 5, "Amber": 1, "Red": 3, "other": 0}),
        "P17": (11, 15, {"Green": 12, "Amber": 1, "Red": 2, "other": 0}),
    }
    notes = {
        ("P14", "Green"): ("undecided", "OCC04.06 and OCC04.08 print no symbol and both beat their "
                                        "targets: 4 Green, 2 monitoring only by their figures; "
                                        "¶14 counts one of them as monitoring only"),
        ("P14", "other"): ("undecided", "see Green"),
        ("P16", "total"): ("error", "Annex A prints six OCC10 rows (OCC10.03-OCC10.08): "
                                    "either ¶16 or Annex A (three rows not printed; seed 002 "
                                    "has OCC10.01 and OCC10.02, printed n/a) is wrong"),
        ("P16", "Red"): ("error", "no OCC10 row of Annex A is Red, Table 3 lists no OCC10 "
                                  "measure and Table 1's four Red are OCC01's two and OCC11's "
                                  "two: three OCC10 Red would make at least seven (OCC10's "
                                  "priority symbol is ▲)"),
        ("P17", "Green"): ("follows", "11 by the figures: ¶17 counts OCC11.10 (printed ★) as "
                                      "Green"),
        ("P17", "Red"): ("follows", "3 by the figures: follows from OCC11.10's printed ★"),
        ("P17", "Amber"): ("agrees", "OCC11.15 (printed ★, 1.62% short): ¶17 counts it Amber"),
    }
    for cid, (p, total, want) in claims.items():
        ids = prio(p)
        got = count_status(ids, st)
        nt = notes.get((cid, "total"))
        a.add("agrees" if len(ids) == total else (nt[0] if nt else "error"), C, cid,
              "measures", str(total), "= the priority's Annex A rows", str(len(ids)),
              "" if len(ids) == total else str(len(ids)), nt[1] if nt else "",
              section="¶" + cid[1:])
        for k in ("Green", "Amber", "Red", "other"):
            if want[k] == got[k] and (cid, k) not in notes:
                a.add("agrees", C, cid, k if k != "other" else "monitoring only", str(want[k]),
                      "= the priority's statuses", section="¶" + cid[1:])
                continue
            v, e = notes.get((cid, k), ("agrees" if want[k] == got[k] else "error", ""))
            if want[k] == got[k] and v == "undecided":
                v = "agrees"
            a.add(v, C, cid, k if k != "other" else "monitoring only", str(want[k]),
                  "= the priority's statuses", str(got[k]),
                  str(got[k]) if v != "agrees" else "", e, section="¶" + cid[1:])
    # Priority symbols (roll-up rule not printed).
    ps = a.t("annexA_priority_status.csv")
    rules_fit = {"worst": [], "majority": []}
    for r in ps.rows:
        p = int(r[0][3:5])
        ids = prio(p)
        got = count_status(ids, st)
        rated = got["Green"] + got["Amber"] + got["Red"]
        printed = SYMBOL.get(r[1], r[1])
        if rated == 0:
            a.fact(printed in ("data missing", "?!") or r[1] in ("?", "?!"), ps.name, r[0],
                   ps.header[1], r[1], "a priority without rated measures has no rating",
                   section="Annex A priority symbols")
            continue
        worst = "Red" if got["Red"] else ("Amber" if got["Amber"] else "Green")
        maj = max(("Red", "Amber", "Green"), key=lambda k: (got[k], ["Green", "Amber",
                                                                      "Red"].index(k)))
        fitting = [n for n, s in (("worst", worst), ("majority", maj)) if s == printed]
        for k in rules_fit:
            if k not in fitting:
                rules_fit[k].append(r[0][:5])
        a.add("agrees" if fitting else "undecided", ps.name, r[0], ps.header[1], r[1],
              "a priority's symbol summarises its measures (rule not printed)",
              "worst %s, majority %s" % (worst, maj), "",
              "%d Green, %d Amber, %d Red%s; fits: %s" % (
                  got["Green"], got["Amber"], got["Red"],
                  " (¶16: nine measures with three Red)" if p == 10 else "",
                  ", ".join(fitting) or "neither rule"), section="Annex A priority symbols")
    a.add("undecided", ps.name, "(all priorities)", ps.header[1], "▲ ★ ★ ★ ● ? ● ?! ★ ▲ ●",
          "one roll-up rule gives every priority's symbol", "", "",
          "'worst' misses %s; 'majority' misses %s (OCC04 and OCC07 both have more Green than "
          "Amber and no Red, one printed ★, the other ●)" % (", ".join(rules_fit["worst"]),
                                                             ", ".join(rules_fit["majority"])),
          section="Annex A priority symbols")


def risks_003(a):
    T = a.t("table10_strategic_risks.csv")
    band_sym = {"high": "▲", "medium": "●", "low": "★"}
    travel = {"increased": "⬆", "maintained": "➡", "decreased": "⬇️"}
    products = {i * j for i in range(1, 6) for j in range(1, 6)}
    for r in T.rows:
        name = r[0]
        inh, apr, may = (fig(r[i], True).value for i in (2, 3, 4))
        for i in (2, 3, 4):
            a.fact(fig(r[i], True).value in products, T.name, name, T.header[i], r[i],
                   "a score is likelihood × impact on a 5 × 5 scale")
        a.fact(may <= inh, T.name, name, T.header[4], r[4], "residual ≤ inherent score")
        band = "high" if may >= 16 else ("medium" if may >= 10 else "low")
        a.fact(r[5] == band_sym[band], T.name, name, T.header[5], r[5],
               "band: high ≥ 16 ▲, medium 10-15 ●, low 1-9 ★", band_sym[band])
        d = "increased" if may > apr else ("decreased" if may < apr else "maintained")
        ok = (r[6] == travel[d]) or (d == "maintained" and r[6] in ("➡", "↔"))
        a.fact(ok, T.name, name, T.header[6], r[6],
               "direction = April → May residual score (⬆ increased, ➡ maintained, ⬇ decreased)",
               "%s (%d → %d)" % (travel[d], apr, may),
               "printed ↔ (no change, as ➡ on the unchanged risks) although the score "
               "rose" if not ok else "", fits_=travel[d])


def claims_rest_003(a, ms):
    C = "claims.csv"
    f = fig
    a.derived(C, "P13a", "total target", f("25,150", True), Q(20950 + 4200), None,
              "22/23 target + 23/24 target", section="¶13 OCC01.02")
    a.equal(ms["OCC01.02"]["_file"], "OCC01.02", "YTD Actual", f(ms["OCC01.02"]["YTD Actual"]),
            f("1,339", True), "'actual LED replacement units completed as of 31 May 2023 "
            "totalling 1,339' (¶13)")
    a.fact(Q(22390 + 1339, 25150) > Q(85, 100), C, "P13b", "in excess of 85%",
           "85%", "(22,390 + 1,339) / 25,150 = %s%% > 85%%" % fmt(Q(23729 * 100, 25150), 1),
           section="¶13 OCC01.02")
    rem = 25150 - 22390 - 1339
    a.derived(C, "A0102f", "remaining 1400", Fig("1400", Q(1400), 0, False, ""), Q(rem),
              I(Q(1350), Q(1450)), "remaining = 25,150 - 22,390 - 1,339 = 1,421",
              "'1400' read as a figure rounded to the hundred", section="Annex A OCC01.02",
              verdict="rounding" if 1350 <= rem <= 1450 else "error")
    m7 = ms["OCC01.07"]
    a.equal(m7["_file"], "OCC01.07", "Period Target", f(m7["Period Target"]), f("61.50%"),
            "'Target 61.50%' (¶13, claim P13c)")
    a.equal(m7["_file"], "OCC01.07", "Period Actual", f(m7["Period Actual"]), f("56.74%"),
            "'forecast 56.74%' (¶13, claim P13c)")
    a.fact(58.2 > 55.1 > 54.4, C, "P13d", "first / second / 3rd", "58.2%; 55.1%; 54.4%",
           "the ranking follows the rates", section="¶13 OCC01.07")
    a.fact(f(ms["OCC04.05"]["Period Actual"]).value < 60, C, "P14b", "marginally below",
           "60%", "59.00% < 60%", section="¶14 OCC04.05")
    a.fact(abs(Q(7500, 3599) - 2) <= Q(1, 10), C, "P15a", "will need this to double", "7500",
           "7,500 / 3,599 = %s ≈ 2" % fmt(Q(7500, 3599), 2), section="¶15 OCC07.03")
    wt = f("301,902", True).value
    rr = f("150,086", True).value
    cells = {"rate": f("58.2%"), "recycled": f("150,086", True), "total": f("301,902", True)}
    cands = single_fixes(cells, [lambda x: within(pct_of(x["recycled"], x["total"]),
                                                  x["rate"])],
                         {"rate": (Q(40), Q(70)), "recycled": (Q(174000), Q(177000)),
                          "total": (Q(256000), Q(259000))})
    cands += [{"note": "58.2% is also Defra's published rate (¶13, seed 002 OCC01.09)"}]
    a.derived(C, "H2", "150,086 of 301,902 tonnes", f("58.2%"), rr * 100 / wt,
              I.pt(rr * 100 / wt), "the recycling rate = tonnes reused, recycled or composted / "
              "household waste (H1: 58.2 per cent)",
              "150,086 / 301,902 = 49.7%", cands, section="Highlights (climate)")
    a.fact(62.7 > 61.9, C, "H3", "second and fourth", "62.7; 61.9", "ranking", section="Highlights")
    a.fact(12 <= 17, C, "H5", "12 of 17", "12", "a part ≤ its whole", section="Highlights")
    a.fact(16 < 18, C, "H12", "16-year-old", "16", "under the age limit", section="Highlights")
    N = 7189
    for cid, share, cnt, oth in (("H8", "93.55%", "6,729", "99.01% of 7,120"),
                                 ("H10", "99.01%", "7,120", "93.55% of 6,729")):
        p, c = f(share), f(cnt, True)
        ex = c.value * 100 / N
        lo_n = math.ceil(c.value * 100 / p.iv().hi)
        hi_n = math.floor(c.value * 100 / p.iv().lo)
        a.derived(C, cid, cnt, p, ex, I.pt(ex), "share = count / the 7,189 children (H11)",
                  "%s / 7,189 = %s%%; the printed share needs %s applicants%s" % (
                      cnt, fmt(ex, 2), str(lo_n) if lo_n == hi_n else "%d..%d" % (lo_n, hi_n),
                      "; %s needs another: no single number of applicants fits both" % oth),
                  [{"cell": share, "fits": fmt(ex, 2) + "%"},
                   {"cell": cnt, "fits": ", ".join(str(k) for k in range(int(c.value) - 6,
                                                                        int(c.value) + 7)
                                                   if rnd(Q(k * 100, N), 2) == p.value)}],
                  section="Highlights (children)")
    ex = Q(6459 * 100, 7060)
    a.derived(C, "H9", "6,459", f("91.49%"), ex, I.pt(ex), "share = 6,459 / 7,060 (H11)",
              section="Highlights (children)")
    a.fact(6729 > 6459 and Q(9355) > Q(9149), C, "H9", "a higher number", "6,729 > 6,459",
           "comparison", section="Highlights (children)")
    a.derived(C, "H11", "129 more", f("129", True), Q(7189 - 7060), None, "7,189 - 7,060",
              section="Highlights (children)")
    # Annex A comments
    o3 = ms["OCC02.03"]
    apr = f(o3["YTD Actual"]).value - f(o3["Period Actual"]).value
    a.fact(f(o3["Period Actual"]).value > apr, C, "A0203", "a small increase on April",
           o3["Period Actual"], "May > April (YTD - May = %s)" % fmt(apr, 0),
           section="Annex A OCC02.03")
    o8 = ms["OCC04.08"]
    apr = f(o8["YTD Actual"]).value - f(o8["Period Actual"]).value
    a.equal(o8["_file"], "OCC04.08", "Period Actual", f(o8["Period Actual"]), f("11,782"),
            "'a total of 11,782 across May'")
    a.fact(f(o8["Period Actual"]).value > apr, C, "A0408", "has increased", "11,782",
           "May > April (YTD - May = %s)" % fmt(apr, 0), section="Annex A OCC04.08")
    o77 = ms["OCC07.07"]
    a.equal(o77["_file"], "OCC07.07", "Period Actual", f(o77["Period Actual"]), f("52%"),
            "'As of May, 52% of assessments were being dealt with on time' (claim A0707)")
    a.equal(o77["_file"], "OCC07.07", "Period Target", f(o77["Period Target"]), f("50.7%"),
            "'the current national timeliness figure of 50.7%' (claim A0707)")
    a.fact(98 + 2 == 100, C, "A1003", "98% / 2%", "98%; 2%", "satisfied + unsatisfied = 100",
           section="Annex A OCC10.03")
    a.equal(ms["OCC10.03"]["_file"], "OCC10.03", "Period Actual", f("98%"), f("98%"),
            "'98% customers surveyed were satisfied'")
    ex = Q(26597 * 100, 23960) - 100
    a.derived(C, "A1005c", "up/down 11%", f("11%"), ex, I.pt(ex),
              "26,597 / 23,960 - 1 (an increase: 'up/down' is as printed)",
              section="Annex A OCC10.05")
    a.fact(98 + 2 == 100, C, "A1005d", "98% answered / 2% abandoned", "98%; 2%",
           "answered + abandoned = 100", section="Annex A OCC10.05")
    a.equal(ms["OCC10.06"]["_file"], "OCC10.06", "Period Actual",
            f(ms["OCC10.06"]["Period Actual"]), f("100%"), "'satisfaction of 100%' (claim A1006)")
    # FOIs: 139 received, 83 closed on time, 56 open on time, 14 overdue; 90% on time.
    cells = {"received": f("139", True), "closed on time": f("83", True),
             "open on time": f("56", True), "overdue": f("14", True),
             "Period Actual": f(ms["OCC10.08"]["Period Actual"])}
    rels = [lambda x: within(x["closed on time"] + x["open on time"] + x["overdue"],
                             x["received"]),
            lambda x: within(pct_of(x["closed on time"] + x["open on time"], x["received"]),
                             x["Period Actual"])]
    cands = single_fixes(cells, rels, {k: (Q(0), Q(300)) for k in cells if k != "Period Actual"})
    a.add("error", C, "A1008", "83 + 56 + 14", "139", "the cases received = closed on time + "
          "open on time + overdue", "153", "153",
          "83 + 56 + 14 = 153, not 139; the printed 90% fits 125 of 139 on time (89.9%), i.e. "
          "14 overdue among the 139", cands, section="Annex A OCC10.08")
    a.equal(ms["OCC11.01"]["_file"], "OCC11.01", "Period Actual",
            f(ms["OCC11.01"]["Period Actual"]),
            Fig("0.0 / 578.7", Q(0), 2, True, "%"),
            "the council's forecast variance % = Table 11 year-end position 0.0 / 578.7 (claim "
            "A1101)")
    t11 = a.t("table11_financial_position.csv")
    ex = t11.fig("Directorate Total", 3).value * 100 / t11.fig("Directorate Total", 1).value
    a.derived(ms["OCC11.04"]["_file"], "OCC11.04", "Period Actual",
              f(ms["OCC11.04"]["Period Actual"]), ex,
              t11.fig("Directorate Total", 3).iv() * 100 / t11.fig("Directorate Total", 1).iv(),
              "directorate overspend / directorate budget (Table 11: 5.3 / 567.4; claim A1104)")
    dsg = a.t("annexB_dsg.csv")
    s = sum(dsg.fig(r, 3).value for r in ("Schools block", "Central Services Schools block",
                                          "Early Years block"))
    a.fact(s == 0 and f(ms["OCC11.05"]["Period Actual"]).value == 0, ms["OCC11.05"]["_file"],
           "OCC11.05", "Period Actual", ms["OCC11.05"]["Period Actual"],
           "schools / central / early years DSG variances 0.0 (DSG table) = 0.00% (claim A1105)")
    hn = dsg.fig("High Needs block", 3)
    a.add("undecided", ms["OCC11.06"]["_file"], "OCC11.06", "Period Actual",
          ms["OCC11.06"]["Period Actual"], "DSG high needs outturn variation",
          fmt(hn.value * 100 / dsg.fig("High Needs block", 1).value, 2) + "%", "",
          "claim A1106: the DSG table's High Needs variance is 18.3 on 84.4 (21.7%); the "
          "comment says the "
          "£18.3m overspend 'is in line with the KPI Target': the measure is the variation "
          "against the agreed deficit, a definition the report does not print",
          section="Annex A OCC11.06")
    a.add("undecided", ms["OCC11.07"]["_file"], "OCC11.07", "Period Actual",
          ms["OCC11.07"]["Period Actual"], "share of non-DSG grants spent", "100%?", "",
          "claim A1107: 'All non-DSG grants are expected to be spent' against a printed 95.00%: "
          "the measure "
          "may be capped at its target", section="Annex A OCC11.07")


def cross_seed(a):
    """Figures of seed 002 (January 2023) and seed 003 (May 2023) that speak of one thing."""
    t2 = a.t("occ07_measures.csv", "seed002")
    cw = a.t("annexB_children_we_care_for.csv")
    C = "claims.csv"
    u2 = t2.fig("OCC07.05", "YTD Actual", True)
    a.equal(C, "X1", "Unaccompanied, Jan 2023", cw.fig("Unaccompanied", "Jan 2023", True), u2,
            "seed 003's Jan 2023 count of unaccompanied children we care for = seed 002's "
            "January figure ('After 10 months we are supporting 105')",
            "115 against 105 (seed 002): two reports, possibly a later revision", section="X1")
    a.items[-1]["verdict"] = "undecided" if a.items[-1]["verdict"] == "error" else \
        a.items[-1]["verdict"]
    c2 = t2.fig("OCC07.06", "Period Actual", True)
    a.equal(C, "X2", "Subtotal, Jan 2023", cw.fig("Subtotal", "Jan 2023", True), c2,
            "children we care for excluding UASC, January 2023: seed 003's table = seed 002's "
            "OCC07.06", "809 against 805: a definition or a revision", section="X2")
    a.items[-1]["verdict"] = "undecided" if a.items[-1]["verdict"] == "error" else \
        a.items[-1]["verdict"]
    o76 = a.t("annexA_occ07_measures.csv")
    a.equal(C, "X3", "OCC07.06 May", o76.fig("OCC07.06", "Period Actual", True),
            cw.fig("Subtotal", "May 2023", True),
            "OCC07.06 'Number of Oxfordshire children we care for' = the table's May 2023 "
            "Subtotal (¶35: 'reduced to 761 at the end of May 2023')",
            "755 against 761 in one report (seed 002 shows the same kind of gap, 805 against "
            "809): the measure may count a narrower group; the report does not say",
            [{"cell": "OCC07.06 Period Actual", "fits": "761"},
             {"cell": "Annex B ¶34-35 May 2023 Subtotal", "fits": "755"}], section="X3")
    a.items[-1]["verdict"] = "undecided" if a.items[-1]["verdict"] == "error" else \
        a.items[-1]["verdict"]
    a.fact(True, C, "X5", "£0.158m", "£0.158m", "the same liquidated debtor in both reports",
           section="X5")
    ach = 1 - f_iv("10.2") / f_iv("17.4")
    a.add("undecided" if not (ach * 100).meets(fig("43%").iv()) else "agrees", C, "X6",
          "43% achieved", "43%", "achieved = 1 - not achieved / planned (2022/23 savings)",
          fmt((1 - Q(102, 174)) * 100, 1) + "%", fits((ach * 100), 0),
          "with seed 002's planned £17.4m and seed 003's £10.2m not achieved, 41% were "
          "achieved; the 2022/23 base of ¶23 (claim P23) may differ from January's plan (43% "
          "needs a base "
          "of about £17.9m)", section="X6")
    a.derived(C, "B35a", "14% increase", fig("14%"), Q(849 * 100, 742) - 100, None,
              "849 / 742 - 1", section="Annex B ¶35")
    a.equal(cw.name, "Subtotal", "May 2023", cw.fig("Subtotal", "May 2023", True),
            fig("761", True), "'the number has reduced to 761 at the end of May 2023' (¶35)")
    a.fact(761 > 742, C, "B35b", "still higher than at December 2021", "761",
           "761 > 742", section="Annex B ¶35")
    d = a.t("annexB_highway_defects.csv")
    a.equal(d.name, "Total", d.header[3], d.fig("Total", 3), fig("25%"),
            "'there were 25% more in the first quarter' (¶52, claim B52)")
    a.fact(d.fig("June 2023", 3).value < 0, d.name, "June 2023", d.header[3], d.cell("June 2023", 3),
           "'the number of defects has reduced in June 2023' (¶52)")


def f_iv(t):
    return fig(t).iv()


# ============================================================================================
# Seed 002: January 2023 performance annex
# ============================================================================================


def audit_002(a):
    files = ["occ%02d_measures.csv" % p for p in range(1, 12)]
    ms = load_measures(a, files)
    meta = load_meta(a)
    C = "claims.csv"
    f = fig
    for p in (6, 8):
        T = a.t("occ%02d_measures.csv" % p)
        a.fact(len(T.rows) == 0, T.name, "(none)", "", "This report does not contain any data",
               "a priority with no measures to report prints no rows (claim P06)")
    stated = {"OCC04.03": "Red", "OCC04.04": "Amber", "OCC05.04": "Green", "OCC10.05": "Amber"}
    for mid, m in ms.items():
        pol = meta[mid]["polarity"]
        pa, pt = optfig(m["Period Actual"]), optfig(m["Period Target"])
        ya, yt = optfig(m["YTD Actual"]), optfig(m["YTD Target"])
        tbl, sec = m["_file"], "Annex " + mid
        if m["Status"] == "n/r":
            a.fact(all(m[k] == "n/r" for k in ("Period Actual", "Period Target", "YTD Actual",
                                               "YTD Target", "YTD")), tbl, mid, "Status", "n/r",
                   "a measure not reported this period prints n/r in every cell")
            continue
        if m["Status"] == "n/a":
            for col, act, tgt in (("Status", pa, pt), ("YTD", ya, yt)):
                check_status(a, tbl, mid, col, "n/a", act, tgt, pol, sec)
        elif mid in stated:
            check_status(a, tbl, mid, "Status (stated in the comment: claim %s)" % {
                "OCC04.03": "C0403", "OCC04.04": "C0404", "OCC05.04": "C0504",
                "OCC10.05": "C1005b"}[mid], stated[mid], pa, pt, pol,
                         sec, {"OCC10.05": "18.30% against 10.00% is 83% over: Amber only for a "
                                           "band of at least 83%"}.get(mid, ""))
        else:
            a.skip(tbl, mid, "Status", "", "the status symbol is lost in the extraction")
        if pa is None and m["Period Actual"]:
            a.skip(tbl, mid, "Period Actual", m["Period Actual"], "a milestone text, not a figure")
            continue
        # YTD under the measure's rule (January is month 10; only January is printed).
        rule = meta[mid]["ytd_rule"]
        if ya is None and m["YTD Actual"]:
            a.add("undecided", tbl, mid, "YTD Actual", m["YTD Actual"], "a printed figure parses",
                  explanation="'%s' is not a well-formed figure (digit groups of 3 broken by the "
                              "extraction or the report): it could be £%s,%s or £%s" % (
                                  m["YTD Actual"], *guess_groups(m["YTD Actual"])), section=sec)
            if m["YTD Target"] and optfig(m["YTD Target"]) is None:
                a.add("undecided", tbl, mid, "YTD Target", m["YTD Target"],
                      "a printed figure parses", explanation="'%s' is not a well-formed "
                      "figure" % m["YTD Target"], section=sec)
            continue
        if rule == "latest":
            if mid == "OCC07.05":
                a.add("undecided", tbl, mid, "Period Actual", m["Period Actual"],
                      "period and YTD in one unit", "", "",
                      "the period figure -3.00 is the change in the month, the YTD 105 the "
                      "number of children (the comment: 'we are supporting 105')", section=sec)
                continue
            v = a.derived(tbl, mid, "YTD Actual", ya, pa.value, pa.iv(),
                          "YTD of a stock = the latest figure (January)",
                          "the printed YTD is a sum of monthly stock figures (%s times "
                          "January)" % fmt(ya.value / pa.value, 2) if ya.value != pa.value
                          else "", [{"cell": "YTD Actual", "printed": ya.text, "fits": pa.text}]
                          if ya.value != pa.value else None, section=sec)
            if yt is not None and pt is not None:
                a.derived(tbl, mid, "YTD Target", yt, pt.value, pt.iv(),
                          "YTD target of a stock = the period target",
                          "%s = 10 × %s: the target was summed too" % (yt.text, pt.text)
                          if yt.value == 10 * pt.value else "",
                          section=sec)
        elif rule == "sum":
            a.fact(ya.value >= pa.value, tbl, mid, "YTD Actual", ya.text,
                   "YTD of a flow (10 months) ≥ January",
                   explanation="the 9 months before January average %s" % fmt(
                       (ya.value - pa.value) / 9, 0), section=sec)
            if yt is not None and pt is not None:
                a.fact(yt.value >= pt.value, tbl, mid, "YTD Target", yt.text,
                       "YTD target of a flow ≥ January's target",
                       explanation=("10 × January's target" if yt.value == 10 * pt.value else
                                    "a profiled target: the 9 months before January average "
                                    "%s against January's %s" % (fmt((yt.value - pt.value) / 9,
                                                                       0), pt.text)),
                       section=sec)
        else:
            a.skip(tbl, mid, "YTD Actual", ya.text if ya else "",
                   "%s: the earlier months are not printed" % rule)
    # Comments' figures.
    o = ms
    pa = lambda i: f(o[i]["Period Actual"])  # noqa: E731
    a.derived(C, "C0203a", "32% below target", f("32%"),
              (1 - pa("OCC02.03").value / f(o["OCC02.03"]["Period Target"]).value) * 100,
              (1 - pa("OCC02.03").iv() / f(o["OCC02.03"]["Period Target"]).iv()) * 100,
              "shortfall = 1 - 76,796 / 100,000", "23.2% below: the digits of 23 transposed?",
              [{"cell": "'32% below'", "fits": "23%"}], section="OCC02.03 comment")
    a.derived(o["OCC02.03"]["_file"], "OCC02.03", "Period Actual", pa("OCC02.03"),
              Q(15666 + 48170 + 12960), None,
              "Museum [15,666] + History [48,170] + Victoria County History [12,960] (claim "
              "C0203b)")
    a.fact(Q(12960) / Q(108, 100) == 12000, C, "C0203b", "8% above the monthly target",
           "12,960", "VCH's monthly target = 12,960 / 1.08 = 12,000 (not printed)",
           section="OCC02.03 comment")
    ex = (pa("OCC03.14").value / f(o["OCC03.14"]["Period Target"]).value - 1) * 100
    a.derived(C, "C0314a", "32% above target", f("32%"), ex, I.pt(ex),
              "excess = 9,888 / 7,455 - 1", "32.6% rounds to 33%; 32% is the figure truncated",
              [{"cell": "'32% above'", "fits": "33% (half up) or 32% (truncated)"}],
              section="OCC03.14 comment")
    a.derived(o["OCC03.14"]["_file"], "OCC03.14", "Period Actual", pa("OCC03.14"),
              Q(9737 + 151), None, "Oxfordshire Museum (9737) + History Service (151) + VCH (no "
              "events) (claim C0314b)")
    a.derived(o["OCC05.01"]["_file"], "OCC05.01", "Period Actual", pa("OCC05.01"),
              Q(190 + 23 + 85), None, "190 DTP + 23 travel training + 85 bus passes (claim "
              "C0501)")
    net = f("135").iv() / f("3%").iv()
    a.derived(C, "C0503a", "3.09% of the network", f("3.09%"),
              f(o["OCC05.03"]["YTD Actual"]).value * 100 / (Q(135) / Q(3, 100)) / 100,
              f(o["OCC05.03"]["YTD Actual"]).iv() / net, "YTD km / network (135 km = 3%)",
              "138.60 / 4,500 km = 3.08%", section="OCC05.03 comment")
    a.fact(f(o["OCC05.03"]["YTD Actual"]).value > f(o["OCC05.03"]["YTD Target"]).value, C,
           "C0503a", "slightly above the expected target", "138.60 > 133.70", "comparison",
           section="OCC05.03 comment")
    months = (2023 - 2021) * 12 + (1 - 4) + 1
    a.fact(months == 22, C, "C0202", "22 consecutive months", "22",
           "April 2021 to January 2023 inclusive = %d months" % months,
           section="OCC02.02 comment")
    for mid in ("OCC02.02", "OCC02.10", "OCC03.05", "OCC03.06", "OCC01.02"):
        a.fact(pa(mid).value >= f(o[mid]["Period Target"]).value, C, "C" + mid[3:5] + mid[6:],
               "above target", o[mid]["Period Actual"], "January ≥ its target",
               section=mid + " comment")
    a.fact(f(o["OCC07.02"]["YTD Actual"]).value < f(o["OCC07.02"]["YTD Target"]).value, C,
           "C0702a", "remains below target", o["OCC07.02"]["YTD Actual"], "YTD < YTD target",
           section="OCC07.02 comment")
    a.equal(o["OCC07.05"]["_file"], "OCC07.05", "YTD Actual", f(o["OCC07.05"]["YTD Actual"]),
            f("105", True), "'After 10 months we are supporting 105'")
    a.fact(105 > 103, C, "C0705a", "above the original expectation", "105", "105 > 103",
           section="OCC07.05 comment")
    a.fact(45 + 60 < 109, C, "C0706", "less children than the first 3 months", "45 + 60",
           "Q2 45 + Q3 60 = 105 < Q1 109", section="OCC07.06 comment")
    a.equal(o["OCC07.07"]["_file"], "OCC07.07", "Period Actual", pa("OCC07.07"),
            f("612", True), "'612 children were the subject of a child protection plan'")
    a.equal(o["OCC07.07"]["_file"], "OCC07.07", "Period Target",
            f(o["OCC07.07"]["Period Target"]), f("550", True), "'above the target (550)'")
    a.fact(769 - 612 > 150, C, "C0707a", "over 150 less than the highpoint (769)", "150",
           "769 - 612 = 157 > 150", section="OCC07.07 comment")
    a.equal(C, "C0710a", "£17.5m", f("£17.5m"), f("£16.5m"),
            "OCC07.10's finance impact '£17.5m' = this report's DSG forecast (OCC11.06: "
            "'forecast to overspend by £16.5m')",
            "OCC11.06 says the £17.5m was 'reported last time': OCC07.10 prints the previous "
            "forecast", [{"cell": "OCC07.10 Finance Impact '£17.5m'", "fits": "£16.5m"}],
            section="OCC07.10 finance impact")
    a.skip(C, "C0204", "increased from December", "", "December's figure is not printed")
    a.equal(o["OCC11.07"]["_file"], "OCC11.07", "YTD Actual", f(o["OCC11.07"]["YTD Actual"]),
            f(o["OCC11.07"]["Period Actual"]), "'Position unchanged from last month' (claim "
            "C1107): the YTD = January")
    a.fact(Q(175, 10) < Q(203, 10), C, "C0710a", "slightly reduced deficit", "£17.5m < £20.3m",
           "comparison", section="OCC07.10 finance impact")
    a.equal(o["OCC09.05"]["_file"], "OCC09.05", "Period Actual", pa("OCC09.05"), f("1", True),
            "'One new community micro-enterprise' (claim C0905)")
    a.fact(99 + 1 == 100, C, "C1003", "99% / 1%", "99%; 1%", "satisfied + unsatisfied",
           section="OCC10.03 comment")
    a.equal(o["OCC10.03"]["_file"], "OCC10.03", "Period Actual", pa("OCC10.03"), f("99%"),
            "'99% customers surveyed were satisfied'")
    fcr = f(o["OCC10.04"]["Period Actual"])
    n_lo = max(math.ceil(8367 * 100 / fcr.iv().hi), math.ceil(2332 * 100 / f("21.7%").iv().hi))
    n_hi = min(math.floor(8367 * 100 / fcr.iv().lo), math.floor(2332 * 100 / f("21.7%").iv().lo))
    exact_n = [k for k in range(n_lo, n_hi + 1) if rnd(Q(8367 * 100, k), 0) == fcr.value and
               rnd(Q(2332 * 100, k), 1) == 217 / Q(10)]
    a.fact(bool(exact_n), C, "C1004", "8,367 resolved; 2,332 (21.7%) avoidable", "21.7%",
           "one number of inbound contacts N with 8,367 / N = 78% and 2,332 / N = 21.7%",
           "N in %d..%d" % (exact_n[0], exact_n[-1]) if exact_n else "",
           section="OCC10.04 comment")
    a.equal(o["OCC10.05"]["_file"], "OCC10.05", "Period Actual", f(o["OCC10.05"]["Period Actual"]),
            f("18.3%"), "'the abandonment rate increased by 4.3%, to 18.3%'")
    a.equal(o["OCC10.06"]["_file"], "OCC10.06", "Period Actual", pa("OCC10.06"), f("100%"),
            "'continued to maintain 100%' (claim C1006)")
    a.fact(Q(144, 10) > Q(126, 10), C, "C1101", "increased from £12.6m to £14.4m", "£14.4m",
           "comparison", section="OCC11.01 comment")
    # Savings: £17.4m = 51% (£9.1m) + 16% (£2.8m) + 33% (£5.8m)
    sav = {"planned": f("£17.4m"), "delivered": f("£9.1m"), "amber": f("£2.8m"),
           "red": f("£5.8m"), "51%": f("51%"), "16%": f("16%"), "33%": f("33%"),
           "OCC11.02": f(o["OCC11.02"]["Period Actual"])}
    rels = [lambda x: within(x["delivered"] + x["amber"] + x["red"], x["planned"]),
            lambda x: within(pct_of(x["delivered"], x["planned"]), x["51%"]),
            lambda x: within(pct_of(x["amber"], x["planned"]), x["16%"]),
            lambda x: within(pct_of(x["red"], x["planned"]), x["33%"]),
            lambda x: within(pct_of(x["delivered"], x["planned"]), x["OCC11.02"])]
    rng = {"planned": (Q(15), Q(20)), "delivered": (Q(7), Q(11)), "amber": (Q(1), Q(5)),
           "red": (Q(4), Q(8)), "51%": (Q(40), Q(60)), "16%": (Q(10), Q(20)),
           "33%": (Q(25), Q(40))}
    cands = single_fixes(sav, rels, rng)
    a.derived(C, "C1102a", "£17.4m", sav["planned"], Q(91 + 28 + 58, 10),
              sav["delivered"].iv() + sav["amber"].iv() + sav["red"].iv(),
              "planned = delivered + amber + red", "9.1 + 2.8 + 5.8 = 17.7", cands,
              section="OCC11.02 comment")
    for k, part in (("51%", "delivered"), ("16%", "amber"), ("33%", "red")):
        ex = sav[part].value * 100 / sav["planned"].value
        a.derived(C, "C1102a", k, sav[k], ex, pct_of(sav[part], sav["planned"]),
                  "share = amount / £17.4m", "",
                  cands if judge(sav[k], ex, pct_of(sav[part], sav["planned"])) == "error"
                  else None, section="OCC11.02 comment")
    a.fact(51 + 16 + 33 == 100, C, "C1102a", "51 + 16 + 33", "100", "shares add to 100",
           section="OCC11.02 comment")
    ex = sav["delivered"].value * 100 / sav["planned"].value
    a.derived(o["OCC11.02"]["_file"], "OCC11.02", "Period Actual", sav["OCC11.02"], ex,
              pct_of(sav["delivered"], sav["planned"]),
              "achievement of planned savings = 9.1 / 17.4 (comment)", "", cands)
    items = ["2.2", "1.1", "0.6", "1.0", "0.4", "0.2", "0.5"]
    s_ex = sum(f(x).value for x in items)
    s_iv = sum((f(x).iv() for x in items), I.pt(0))
    a.derived(C, "C1102b", "£5.8m (33%) are assess as red", sav["red"], s_ex,
              I(s_iv.lo, s_iv.hi + 10), "the red items listed ≤ ... = £5.8m",
              "2.2 + 1.1 + 0.6 + 1.0 + 0.4 + 0.2 + 0.5 = 6.0, plus an unquantified agency-staff "
              "saving", section="OCC11.02 comment")
    chain = [("C1103", "£37.2m", ["39.2", "-2.0"]), ("C1103", "£21.6m", ["37.2", "-14.4", "-1.2"]),
             ("C1103", "£7.3m", ["28.9", "-21.6"])]
    for cid, pr, parts in chain:
        a.derived(C, cid, pr, f(pr), sum(f(x).value for x in parts),
                  sum((f(x).iv() for x in parts), I.pt(0)),
                  "general balances: " + " ".join(parts) + " = " + pr,
                  section="OCC11.03 comment")
    a.equal(o["OCC11.03"]["_file"], "OCC11.03", "Period Actual",
            f(o["OCC11.03"]["Period Actual"]), num(21600000), "'balances will reduce to £21.6m'")
    a.equal(o["OCC11.03"]["_file"], "OCC11.03", "Period Target",
            f(o["OCC11.03"]["Period Target"]), num(28900000),
            "'The risk assessed level of balances for 2022/23 is £28.9m'")
    a.fact(True, C, "C1103", "projected overspend of £14.4m", "£14.4m",
           "= OCC11.01's £14.4m", section="OCC11.03 comment")
    parts = ["17.1", "4.9", "2.8", "-2.1", "-0.3"]
    a.derived(C, "C1105", "£22.4m", f("£22.4m"), sum(f(x).value for x in parts),
              sum((f(x).iv() for x in parts), I.pt(0)),
              "directorate overspend = 17.1 + 4.9 + 2.8 - 2.1 - 0.3", section="OCC11.05 comment")
    a.fact(Q(165) < Q(175), C, "C1106", "reduction in the overspend", "£16.5m < £17.5m",
           "comparison", section="OCC11.06 comment")
    nb = f("14.4").iv() * 100 / f("2.80%").iv()
    db = f("22.4").iv() * 100 / f("4.3%").iv()
    a.fact(True, C, "C1101", "2.80%", "2.80%", "implied net budget %s..%s £m (14.4 / 2.80%%); "
           "directorate budget %s..%s £m (22.4 / 4.3%%): not printed" % (
               fmt(nb.lo, 1), fmt(nb.hi, 1), fmt(db.lo, 1), fmt(db.hi, 1)),
           section="OCC11.01 / OCC11.05")
    a.fact(Q(915, 10) <= f(o["OCC11.08"]["Period Actual"]).value <= 95, C, "C1108",
           "91.5% and 95%", "92.67%", "the overall rate lies between its two parts' rates",
           section="OCC11.08 comment")
    for mid, txt, tgt in (("OCC11.09", "97%", "95%"), ("OCC11.15", "89%", "92%")):
        a.equal(o[mid]["_file"], mid, "Period Actual", f(txt), f(o[mid]["Period Actual"]),
                "the comment's '%s' = the Period Actual (claim C%s)" % (txt, mid[3:5] + mid[6:]))
        a.equal(o[mid]["_file"], mid, "Period Target", f(o[mid]["Period Target"]), f(tgt),
                "the comment's target = the Period Target")
    a.derived(C, "C1110", "£0.620m", f("£0.620m"), f(o["OCC11.10"]["Period Actual"]).value /
              1000000, None, "£620,046 in £m", section="OCC11.10 comment")
    a.fact(Q(158, 1000) <= Q(49, 100) * Q(620, 1000), C, "C1110", "£0.158m", "£0.158m",
           "one debtor ≤ the top two cases (49% of £0.620m)", section="OCC11.10 comment")
    a.fact(63 <= 544, C, "C1111", "63 of 544", "63", "a part ≤ its whole",
           section="OCC11.11 comment")
    a.fact(f(o["OCC11.12"]["Period Actual"]).value > f(o["OCC11.12"]["Period Target"]).value,
           C, "C1112", "higher than forecast", o["OCC11.12"]["Period Actual"], "comparison",
           section="OCC11.12 comment")
    a.equal(o["OCC11.13"]["_file"], "OCC11.13", "Period Target",
            f(o["OCC11.13"]["Period Target"]), f("0.35%"), "'average base rate of 0.35%' (claim "
            "C1113)")
    a.fact(58.2 > 55.1 > 54.4, C, "C0109a", "first / second / 3rd", "58.2%", "ranking",
           section="OCC01.09 comment")


def guess_groups(t):
    digits = re.sub(r"\D", "", t)
    return digits[:-6] if len(digits) > 6 else digits, digits[-6:], "{:,}".format(int(digits))


# ============================================================================================
# Seed 004: Quarter 1 2017-18 report (Performance Scrutiny Committee, 21 September 2017)
# ============================================================================================


def dashboard_rows(a):
    """Every success indicator row of the five dashboards: number -> dict."""
    out = {}
    for name in ("annex2_scs_dashboard.csv", "annex2_cef_dashboard.csv",
                 "annex2_ph_dashboard.csv", "annex2_communities_dashboard.csv",
                 "annex2_css_dashboard.csv", "annex2_css_dashboard_continued.csv"):
        T = a.t(name)
        prio = outcome = ""
        for r in T.rows:
            prio = r[0] or prio
            outcome = r[1] or outcome
            if len(T.header) == 8:
                n, text, tgt, cum, rag, out_ = r[2], r[3], r[4], r[5], r[6], r[7]
            else:
                n, text = r[2].split(" ", 1)
                tgt, cum, rag, out_ = r[3], r[4], r[5], r[6]
            out[int(n)] = {"table": name, "priority": prio, "outcome": outcome, "text": text,
                           "target": tgt, "cumulative": cum, "rag": rag, "outlook": out_}
    return out


def audit_004(a):
    C = "claims.csv"
    f = fig
    ind = dashboard_rows(a)
    a.fact(sorted(ind) == list(range(1, 51)), "annex2_*_dashboard.csv", "(all)", "Success Indicator",
           "50", "the dashboards list success indicators 1-50 once each (¶4: 50)",
           str(len(ind)), section="¶4")
    reds = sorted(n for n, d in ind.items() if d["rag"] == "R")
    a.fact(len(reds) == 2, C, "P4", "2 were rated as Red", "2", "count of Q1 RAG R",
           ", ".join(map(str, reds)), section="¶4")
    sc = a.t("annex1_red_outcomes.csv")
    named = sorted(int(r[3].split()[-1]) for r in sc.rows)
    a.fact(named == reds, C, "P4", "directly led to the 2 Red-rated outcomes", "2",
           "the Red indicators = Section C's dashboard details", ", ".join(map(str, named)),
           section="¶4")
    good = [n for n, d in ind.items() if d["outlook"] in ("↑", "↔")]
    a.fact(len(good) == 49, C, "P5", "49 of the 50", "49", "count of outlook ↑ or ↔",
           "%d (↓: %s)" % (len(good), ", ".join(str(n) for n, d in ind.items()
                                                 if d["outlook"] == "↓")), section="¶5")
    grids = ["annex1_outcomes_thriving_economy.csv",
             "annex1_outcomes_protecting_vulnerable_people.csv",
             "annex1_outcomes_efficient_public_services.csv"]
    n_out = sum(len(a.t(g).rows) for g in grids)
    a.fact(n_out == 23, C, "P3", "23 outcomes", "23", "the outcome tables list 23 outcomes",
           str(n_out), section="¶3")
    dash_out = {(d["table"], d["outcome"]) for d in ind.values()}
    a.fact(len(dash_out) == 23, C, "P3", "23 outcomes", "23",
           "the dashboards name 23 distinct outcomes", str(len(dash_out)), section="¶3")
    a.fact(21 + 2 == 23 and len(sc.rows) == 2, C, "P3", "21 Green or Amber; 2 Red", "21; 2",
           "21 + 2 = 23; Section C sets out 2 Red outcomes", section="¶3")
    a.add("undecided", grids[0], "(all)", "RAG", "", "21 outcomes Green or Amber", "", "",
          "the outcome tables' RAG colours are lost in the extraction: the 21 cannot be split "
          "or checked outcome by outcome", section="¶3")
    for n in (9, 10):
        d = ind[n]
        a.add("undecided", d["table"], str(n), "Q1 RAG", d["rag"] or "(blank)",
              "a Q1 RAG is printed", "", "",
              "no RAG printed for indicator %d (target '%s'): not updated this quarter?" % (
                  n, d["target"]), section="Annex 2 CEF dashboard")
    a.fact(all(ind[n]["rag"] == "G" for n in range(19, 31)), C, "A3",
           "all our public health measures are on target", "all",
           "indicators 19-30 are G", section="Annex 1 Section A")
    a.fact(f("85%").value >= f(ind[25]["target"]).value, C, "A3", "over 85% invited", "85%",
           "≥ indicator 25's target 84% (G)", section="Annex 1 Section A")
    a.fact(ind[41]["rag"] == "G" and f(ind[41]["target"]).value <= 59, C, "A5",
           "over 59% recycled", "59%", "≥ indicator 41's 59% (G)", section="Annex 1 Section A")
    a.fact(ind[37]["rag"] == "G", C, "A2", "All ... within 13 weeks", "all",
           "100% ≥ indicator 37's 50% (G)", section="Annex 1 Section A")
    a.fact(ind[49]["rag"] == "G" and ind[50]["rag"] == "G", C, "A7",
           "continued to meet our emergency service response standards", "",
           "indicators 49 and 50 are G", section="Annex 1 Section A")
    a.add("undecided", ind[36]["table"], "36", "Q1 RAG", ind[36]["rag"],
          "G = on target", "", "", "Section B: 'performance in Q1 did dip below target' while the "
          "Q1 RAG is G: the 2017 RAG is a judgement of the year-end outcome, not of the quarter's "
          "figure (no Q1 figure is printed)", section="Annex 1 Section B (claim B1)")
    a.fact(8920 < 9000, C, "S1b", "just under 9000 hours of care per month", "9000",
           "indicator 7's 8920 < 9000", section="Annex 1 Section C")
    a.fact(f(ind[46]["target"], True).value == 1562, C, "S2", "(target -1,562)", "-1,562",
           "= indicator 46's target 1,562 (the '-' is a dash, not a sign)",
           section="Annex 1 Section C")
    ex = (1 - Q(316, 371)) * 100
    a.derived(C, "D12", "by 15%", f("15%"), ex, I.pt(ex), "reduction = 1 - 316 / 371",
              section="Annex 2 indicator 12")
    ex = (Q(362, 266) - 1) * 100
    a.derived(C, "D13", "by 36%", f("36%"), ex, I.pt(ex), "increase = 362 / 266 - 1",
              section="Annex 2 indicator 13")
    for n, tgt, lo, hi in ((11, 629, 582, 667), (14, 1750, 458, 3000), (15, 12000, 9500, 19417),
                           (16, 4500, 3600, 6650), (12, 316, 0, 371), (13, 362, 266, 10**6),
                           (5, 14, 0, 28), (6, 66, 0, 67), (7, 8920, 0, 10**6)):
        d = ind[n]
        a.fact(f(d["target"], True).value == tgt and lo <= tgt <= hi, d["table"], str(n),
               "Target", d["target"], "the Target cell = the interim target in the indicator's "
               "text, between its start and end figures (claims D5, D11, D12, D13, D14)")
    a.fact(ind[32]["target"] == "60/20", ind[32]["table"], "32", "Target", "60/20",
           "the composite target = '60 new investors ... 20 of which are high value' (claim D32)")
    css = a.t("annex2_css_dashboard.csv")
    pairs = [(44, "3,332"), (45, "14,168"), (46, "6,248"), (47, "266,664"), (48, "1,000")]
    for n, annual in pairs:
        d = ind[n]
        q = f(d["target"], True).value
        a.derived(d["table"], str(n), "Outcome", f(annual, True), 4 * q, None,
                  "the year's outcome = 4 × the quarterly target",
                  section="Annex 2 CSS dashboard (claim D44)")
        a.fact(d["cumulative"] == "Y", d["table"], str(n), "Cumulative Target Y/N",
               d["cumulative"], "a quarterly target of a yearly outcome is cumulative")
    # Finance indicators.
    budgets = [("annex3_cef_finance.csv", 1), ("annex3_scs_finance.csv", 1),
               ("annex3_ph_finance.csv", 1), ("annex3_communities_finance.csv", 1),
               ("annex3_resources_finance.csv", 1), ("annex3_corporate.csv", 0)]
    for name, k in budgets:
        T = a.t(name)
        for r in T.rows:
            text, tgt, pos, on = r[k], r[k + 1], r[k + 2], r[k + 3]
            if not tgt.startswith("<"):
                continue
            m = re.match(r"\s*([+-]?[0-9.]+)\.?%", pos) or re.search(r"([+-]?[0-9.]+)\.?%", pos)
            pct = Q(m.group(1).rstrip("."))
            ok = (abs(pct) < 2) == (on == "Yes")
            a.fact(ok, name, text, "On Target?", on, "On Target? = |variance %| < 2.0 (either "
                   "sign; claims F1, F2, F3, F4, F5, F6)", "%s%%" % m.group(1))
            if ".%" in pos:
                a.add("undecided", name, text, "Position at end May 2017", pos,
                      "a printed figure parses", explanation="'%s' is not a well-formed figure "
                      "(read as -2.6%%)" % pos)
    ph = a.t("annex3_ph_finance.csv")
    gross_lo = f("31.3").iv().lo
    pct_hi = f("0.1").iv().hi * 100 / gross_lo
    a.add("error", ph.name, "Actual expenditure is in line with the latest agreed budget",
          "Position at end May 2017", "-2.6.% or -£0.1m",
          "variance % = variance / gross budget (the gross budget ≥ the £31.3m grant it spends)",
          "at most %s%%" % fmt(pct_hi, 2), "-0.5..0.0 (with -£0.1m) or ≤ -£0.8m (with -2.6%)",
          "£0.1m of a gross budget of at least £31.3m is at most 0.48%, not 2.6%; -2.6% of "
          "£31.3m is £0.8m",
          [{"cell": "-2.6%", "fits": "-0.0..-0.5%"}, {"cell": "-£0.1m", "fits": "≤ -£0.8m"}],
          section="Annex 3 Public Health (claim F3)")
    a.add("follows", ph.name, "Actual expenditure is in line with the latest agreed budget",
          "On Target?", "No", "On Target? = |variance %| < 2.0", "Yes (if -£0.1m is right)", "",
          "follows from the position's % (claim F3)", section="Annex 3 Public Health")
    cef = a.t("annex3_cef_finance.csv")
    items = ["4.4", "0.7", "0.9", "0.5"]
    a.fact(sum(f(x).value for x in items) <= f("6.7").value, C, "F2",
           "The forecast overspend includes ...", "+6.7m", "listed parts (6.5) ≤ the total",
           section="Annex 3 CEF")
    a.fact(f("0.7").value <= f("1.0").value, C, "F1", "Home to school transport £0.7m",
           "+£1.0m", "a part ≤ the total", section="Annex 3 CEF")
    a.equal(C, "F5", "Legal services +£0.4m", f("+£0.4m"), f("+£0.4m"),
            "the legal overspend = Resources' +£0.4m", section="Annex 3 Resources")
    parts = ["1.0", "6.7", "0", "-0.1", "0", "-0.5", "0", "0.4"]
    s_iv = sum((f(x).iv() if "." in x else I.pt(0) for x in parts), I.pt(0))
    a.derived(C, "F6", "+£7.6m", f("+£7.6m"), sum(f(x).value for x in parts), s_iv,
              "the Council's variance = Σ the directorates' (E&L, CSC, ASC, PH, Infrastructure, "
              "Commercial, Fire, Resources)", "1.0 + 6.7 + 0 - 0.1 + 0 - 0.5 + 0 + 0.4 = 7.5; "
              "the Council total may include other lines", section="Annex 3 Corporate")
    a.derived(C, "F7", "£4.6m", f("£4.6m"), f("2.5").value + f("2.1").value,
              f("2.5").iv() + f("2.1").iv(), "2.5 Efficiency + 2.1 Transformation",
              section="Annex 3 Corporate")
    co = a.t("annex3_corporate.csv")
    gb = "General balances as a proportion of the original gross budget (£797m for 2017/18)"
    ex = Q(212, 10) * 100 / 797
    a.derived(co.name, gb, "Position at end May 2017", f("2.6%"), ex,
              f("21.2").iv() * 100 / f("797").iv(), "share = £21.2m / £797m",
              "claim F8: 2.66% rounds to 2.7%; 2.6% is the figure truncated",
              [{"cell": "2.6%", "fits": "2.7% (half up)"}])
    tr = "Total reserves as a proportion of the original gross budget (£797m for 2017/18)"
    ex = Q(100 * 100, 797)
    a.derived(co.name, tr, "Position at end May 2017", f("12.5%"), ex,
              f("100").iv() * 100 / f("797").iv(), "share = £100m / £797m")
    res = ["17.9", "2.3", "1.1", "0.4", "0.8", "10.9", "1.3", "17.6", "4.6", "34.5", "1.2"]
    s = sum(f(x).value for x in res)
    a.add("undecided", co.name, tr, "Position at end May 2017", "£100m",
          "total reserves = Σ the reserves printed", fmt(s, 1), "",
          "the reserves Annex 3 prints add to %s (%s with general balances £21.2m; %s without "
          "school reserves): the composition of the £100m is not printed" % (
              fmt(s, 1), fmt(s + Q(212, 10), 1), fmt(s - Q(179, 10), 1)),
          section="Annex 3 (claim F9)")
    for name in ("annex3_cef_finance.csv", "annex3_scs_finance.csv", "annex3_ph_finance.csv",
                 "annex3_communities_finance.csv", "annex3_resources_finance.csv"):
        T = a.t(name)
        r = T.rows[-1]
        a.add("undecided", name, r[1], "Position at end May 2017 / On Target?", "(blank)",
              "a position and On Target? are printed", "", "",
              "claim F10: '100% achieved' against the footnote's 'at least 89% of the planned "
              "savings are "
              "expected to be delivered': by it, not on target")
    cc = a.t("annex3_corporate_continued.csv")
    for r in cc.rows:
        text, tgt, pos, on = r[0], r[1], r[2], r[3]
        lower = "days" in tgt
        t_, p_ = fig(tgt.replace(" days", "")), fig(pos.replace(" days", ""))
        ok = (p_.value <= t_.value) if lower else (p_.value >= t_.value)
        a.fact(ok == (on == "Yes"), cc.name, text, "On Target?", on,
               "On Target? = position %s target" % ("≤" if lower else "≥"), "%s against %s" % (
                   pos, tgt))
    cap = "Capital programme use of resources compared to programme agreed in February 2017"
    a.fact((f(co.cell(cap, 2)).value >= f(co.cell(cap, 1)).value) == (co.cell(cap, 3) == "Yes"),
           co.name, cap, "On Target?", co.cell(cap, 3), "On Target? = position ≥ target (claim "
           "F13)")
    a.skip(C, "A4", "over 270,000", "270,000", "indicator 47 prints no actual (a quarterly "
           "target of 66,666 and G)")
    a.skip(C, "A1", "5 new innovation bids", "5", "indicator 33 prints no actual")
    a.fact(True, C, "F11", "Improved by 6 days", "6", "previous 56 + 6 = 62 days (not printed)",
           section="Annex 3 Corporate (continued)")
    a.fact(True, C, "F12", "1% improvement", "1%", "previous 89% (not printed)",
           section="Annex 3 Corporate (continued)")
    a.fact(True, C, "P9", "12 strategic priorities", "12",
           "the 'How the council is changing' extract lists 12 (1-9, then 10-12)", section="¶9")


# ============================================================================================


def run():
    docs = {}
    for seed, fn in (("seed002", audit_002), ("seed003", audit_003), ("seed004", audit_004)):
        a = Audit(seed)
        fn(a)
        docs[seed] = (a, a.document())
    return docs


def unreferenced_claims(seed, a):
    """The claims (other than bare figures) that no check or skip names: should be none."""
    ids = set()
    for it in a.items + a.unchecked:
        for v in it.values():
            for tok in re.split(r"[\s(),:;]+", str(v)):
                ids.add(tok.strip("."))
    with open(os.path.join(HERE, seed, "claims.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r["claim_id"] for r in rows if r["kind"] != "figure" and r["claim_id"] not in ids]


def inventory(docs):
    """Per file: rows × columns, checks, and the verdicts other than agrees (a Markdown table)."""
    print("| seed | file | rows × cols | checks | agrees | other verdicts |")
    print("|---|---|---|---|---|---|")
    for seed, (a, _) in docs.items():
        for name in sorted(os.listdir(os.path.join(HERE, seed))):
            if not name.endswith(".csv"):
                continue
            T = Table(seed, name)
            its = [it for it in a.items if it["table"] == name]
            c = {}
            for it in its:
                c[it["verdict"]] = c.get(it["verdict"], 0) + 1
            other = ", ".join("%s %d" % (k, v) for k, v in sorted(c.items()) if k != "agrees")
            print("| %s | `%s` | %d × %d | %d | %d | %s |" % (
                seed[4:], name, len(T.rows), max(len(r) for r in [T.header] + T.rows), len(its),
                c.get("agrees", 0), other))


def main(argv):
    check = "--check" in argv
    verbose = "--verbose" in argv
    docs = run()
    if "--inventory" in argv:
        inventory(docs)
        return 0
    status = 0
    for seed, (a, doc) in docs.items():
        path = os.path.join(HERE, seed, "expected_findings.json")
        text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
        if check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            if old != text:
                print("%s: expected_findings.json differs from the audit" % seed)
                status = 1
        else:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        missing = unreferenced_claims(seed, a)
        if missing:
            print("%s: claims no check names: %s" % (seed, ", ".join(missing)))
            status = 1
        c = a.counts()
        print("%s: %d checks: %s; %d printed cells not checkable" % (
            seed, len(a.items), ", ".join("%s %d" % (k, c[k]) for k in sorted(c)),
            len(a.unchecked)))
        for it in a.items:
            if it["verdict"] == "error" or (verbose and it["verdict"] != "agrees"):
                print("  %-15s %s | %s | %s: printed %s, %s%s" % (
                    it["verdict"], it["table"], it["row"], it["column"], it["printed"],
                    it["rule"], (" -> " + it["fits"]) if it["fits"] else ""))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
