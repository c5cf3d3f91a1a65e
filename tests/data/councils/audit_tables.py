#!/usr/bin/env python3
"""Independent exact audit of the council tables under tests/data/councils/.

Each table directory holds `table.csv` (the table as printed), `relations.json`
(what every column is and which relations the printed figures should satisfy)
and, written by this script, `expected_findings.json`.

Rules (from the project's domain rules, "Auditing a printed table"):
  * a printed figure stands for its rounding interval: a figure printed with d
    decimal places stands for the values that round to it (half away from zero,
    called "half_up" here, the rounding of spreadsheet ROUND), so 6.2 stands for
    [6.15, 6.25), -6.2 for (-6.25, -6.15], 0 for (-0.05, 0.05) at 1 dp, a
    negative zero "(0)" or "-0" for (-0.5, 0); a column declared `exact`
    (counts) stands for itself;
  * a derived cell `agrees` when the relation, computed from the printed
    inputs at face value and rounded like the cell, gives the printed figure;
    it is a `rounding` effect when it does not but some choice of values inside
    the inputs' and the cell's intervals satisfies the relation; it is an
    `error` when no choice does; `undecided` when the data cannot decide (a
    ratio whose printed denominator is 0, so any printed figure fits).

Only the Python standard library is used and every number is a
fractions.Fraction: no floats anywhere.

Usage:
  python3 tests/data/councils/audit_tables.py            # audit all, write files
  python3 tests/data/councils/audit_tables.py DIR...     # audit some
  python3 tests/data/councils/audit_tables.py --check    # compare, write nothing
  python3 tests/data/councils/audit_tables.py --selftest # the script's own checks
Exit status: 0 when every table was read (and, with --check, every
expected_findings.json is unchanged); 1 when --check finds a difference; 2 when
a table or its relations.json cannot be read (undeclared column, unknown row,
unreadable cell), with the file and place named.
"""

import csv
import json
import os
import re
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))

VERDICTS = ("agrees", "rounding", "error", "undecided")


class TableError(Exception):
    """A located error in a table or its declaration (exit 2)."""


# ---------------------------------------------------------------------------
# Intervals with open or closed ends; None is an infinite end.


class Interval:
    __slots__ = ("lo", "hi", "lo_closed", "hi_closed")

    def __init__(self, lo, hi, lo_closed=True, hi_closed=True):
        self.lo, self.hi = lo, hi
        self.lo_closed = lo_closed if lo is not None else False
        self.hi_closed = hi_closed if hi is not None else False

    @staticmethod
    def point(v):
        return Interval(v, v, True, True)

    def scale(self, c):
        if c == 0:
            return Interval.point(Fraction(0))
        lo = None if self.lo is None else self.lo * c
        hi = None if self.hi is None else self.hi * c
        if c > 0:
            return Interval(lo, hi, self.lo_closed, self.hi_closed)
        return Interval(hi, lo, self.hi_closed, self.lo_closed)

    def __add__(self, other):
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi, self.lo_closed and other.lo_closed,
                        self.hi_closed and other.hi_closed)

    def intersects(self, other):
        # lower bound of the intersection
        if self.lo is None:
            lo, lo_c = other.lo, other.lo_closed
        elif other.lo is None:
            lo, lo_c = self.lo, self.lo_closed
        elif self.lo > other.lo:
            lo, lo_c = self.lo, self.lo_closed
        elif other.lo > self.lo:
            lo, lo_c = other.lo, other.lo_closed
        else:
            lo, lo_c = self.lo, self.lo_closed and other.lo_closed
        if self.hi is None:
            hi, hi_c = other.hi, other.hi_closed
        elif other.hi is None:
            hi, hi_c = self.hi, self.hi_closed
        elif self.hi < other.hi:
            hi, hi_c = self.hi, self.hi_closed
        elif other.hi < self.hi:
            hi, hi_c = other.hi, other.hi_closed
        else:
            hi, hi_c = self.hi, self.hi_closed and other.hi_closed
        if lo is None or hi is None:
            return True
        if lo < hi:
            return True
        return lo == hi and lo_c and hi_c

    def contains(self, v):
        return self.intersects(Interval.point(v))

    def excludes_zero(self):
        return not self.contains(Fraction(0))

    def to_json(self):
        return {
            "lo": None if self.lo is None else dec(self.lo),
            "hi": None if self.hi is None else dec(self.hi),
            "text": self.text(),
        }

    def text(self):
        lo = "-inf" if self.lo is None else dec(self.lo)
        hi = "+inf" if self.hi is None else dec(self.hi)
        return ("[" if self.lo_closed else "(") + lo + ", " + hi + \
            ("]" if self.hi_closed else ")")


def dec(q, places=None):
    """A Fraction as a decimal string: exact when it terminates, else to
    `places` (default 6) significant decimals with a trailing '...'."""
    q = Fraction(q)
    sign = "-" if q < 0 else ""
    q = abs(q)
    whole, rem = divmod(q.numerator, q.denominator)
    if rem == 0:
        return sign + str(whole)
    digits = []
    limit = 12 if places is None else places
    seen = 0
    while rem and seen < limit:
        rem *= 10
        d, rem = divmod(rem, q.denominator)
        digits.append(str(d))
        seen += 1
    s = sign + str(whole) + "." + "".join(digits)
    return s + ("..." if rem else "")


def round_half_away(q, dp):
    """Round a Fraction to dp decimals, half away from zero."""
    unit = Fraction(1, 10 ** dp)
    n = abs(q) / unit
    whole, rem = divmod(n.numerator, n.denominator)
    if 2 * rem >= n.denominator:
        whole += 1
    r = whole * unit
    return -r if q < 0 else r


# ---------------------------------------------------------------------------
# Cells as printed.

NUM_RE = re.compile(r"^(?P<neg>[-\u2212\u2013]\s*)?£?(?P<num>\d[\d,]*(\.\d+)?|\.\d+)"
                    r"(?P<pct>%)?$")
BAND_RE = re.compile(r"^(?P<word>less than|under|below|more than|over|above)\s+(?P<rest>.+)$",
                     re.IGNORECASE)


class Cell:
    """A parsed printed cell: kind is 'number', 'zero' (a nil mark meaning 0),
    'absent' (blank or a nil mark meaning nothing), 'text' or 'band'."""

    def __init__(self, text, kind, value=None, dp=0, neg_zero=False, band=None):
        self.text, self.kind, self.value, self.dp = text, kind, value, dp
        self.neg_zero, self.band = neg_zero, band

    def is_number(self):
        return self.kind in ("number", "zero", "band")


def parse_number(text, brackets_negative=True):
    """Return (value, dp, neg_zero) or None. Accepts 1,234  (1,234)  -1,234
    - 315.7  £1,234  6.2%  (6.2%)  -2.8%  (0)  -0  with en-dash or minus.
    With brackets_negative False, "(83%)" is 83%: the brackets are prose."""
    t = text.strip()
    neg = False
    if t.startswith("(") and t.endswith(")"):
        neg = brackets_negative
        t = t[1:-1].strip()
    t = t.replace(" ", "") if re.match(r"^[-\u2212\u2013]\s+\d", t) else t
    m = NUM_RE.match(t)
    if not m:
        return None
    if m.group("neg"):
        if neg:
            return None
        neg = True
    num = m.group("num").replace(",", "")
    dp = len(num.split(".")[1]) if "." in num else 0
    v = Fraction(num)
    neg_zero = neg and v == 0
    return (-v if neg else v), dp, neg_zero


def parse_cell(text, nil_marks, where, brackets_negative=True, suffix=""):
    t = text.strip()
    if not brackets_negative and t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    if suffix and t.endswith(suffix) and t not in nil_marks:
        t = t[: -len(suffix)].strip()
    if t in nil_marks:
        meaning = nil_marks[t]
        if meaning == "zero":
            return Cell(text, "zero", Fraction(0), 0)
        if meaning == "absent":
            return Cell(text, "absent")
        raise TableError(f"{where}: nil mark {t!r} has unknown meaning {meaning!r}")
    if t == "":
        return Cell(text, "absent")
    p = parse_number(t, brackets_negative)
    if p is not None:
        v, dp, nz = p
        return Cell(text, "number", v, dp, nz)
    m = BAND_RE.match(t)
    if m:
        p = parse_number(m.group("rest"))
        if p is None:
            raise TableError(f"{where}: band {t!r} has no readable figure")
        v, dp, _ = p
        word = m.group("word").lower()
        if word in ("less than", "under", "below"):
            band = Interval(None, v, False, False)
        else:
            band = Interval(v, None, False, False)
        return Cell(text, "band", v, dp, band=band)
    return Cell(text, "text")


# ---------------------------------------------------------------------------
# A table with its declaration.


class Table:
    def __init__(self, path):
        self.dir = path
        self.name = os.path.basename(path)
        self.csv_path = os.path.join(path, "table.csv")
        self.rel_path = os.path.join(path, "relations.json")
        try:
            with open(self.rel_path, encoding="utf-8") as f:
                self.decl = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            raise TableError(f"{self.rel_path}: {e}")
        try:
            with open(self.csv_path, encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
        except OSError as e:
            raise TableError(f"{self.csv_path}: {e}")
        if not rows:
            raise TableError(f"{self.csv_path}:1: empty table")
        self.header = rows[0]
        self.rows = rows[1:]
        width = len(self.header)
        for i, r in enumerate(self.rows, start=2):
            if len(r) != width:
                raise TableError(f"{self.csv_path}:{i}: {len(r)} cells, header has {width}")
        cols = self.decl.get("columns")
        if not isinstance(cols, dict):
            raise TableError(f"{self.rel_path}: 'columns' must map every heading to its role")
        for h in self.header:
            if h not in cols:
                raise TableError(f"{self.csv_path}:1: column {h!r} is not declared in relations.json")
        for h in cols:
            if h not in self.header:
                raise TableError(f"{self.rel_path}: declared column {h!r} is not in table.csv")
        if len(set(self.header)) != len(self.header):
            raise TableError(f"{self.csv_path}:1: repeated column heading")
        self.cols = cols
        self.label_col = self.decl.get("label_column")
        if self.label_col not in self.header:
            raise TableError(f"{self.rel_path}: label_column {self.label_col!r} is not a heading")
        if self.decl.get("rounding", "half_up") != "half_up":
            raise TableError(f"{self.rel_path}: only rounding 'half_up' (half away from zero) is supported")
        self.signed_zero = bool(self.decl.get("signed_zero", False))
        self.nil = dict(self.decl.get("nil_marks", {}))
        # row references: label, label#k (k-th occurrence), @N (data row N)
        self.labels = [r[self.header.index(self.label_col)].strip() for r in self.rows]
        self.cells = {}
        ignored = set()
        for ref in self.decl.get("ignore_rows", []):
            if not (isinstance(ref, str) and ref.startswith("@") and ref[1:].isdigit()
                    and 1 <= int(ref[1:]) <= len(self.rows)):
                raise TableError(f"{self.rel_path}: ignore_rows takes @N data-row numbers, not {ref!r}")
            ignored.add(int(ref[1:]) - 1)
        for ri, r in enumerate(self.rows):
            for ci, h in enumerate(self.header):
                c = self.cols[h]
                marks = dict(self.nil)
                marks.update(c.get("nil_marks", {}))
                where = f"{self.csv_path}:{ri + 2}:{ci + 1}"
                if ri in ignored:
                    self.cells[(ri, h)] = Cell(r[ci], "text")
                    continue
                brackets = c.get("brackets", "negative")
                if brackets not in ("negative", "parenthetical"):
                    raise TableError(f"{self.rel_path}: column {h!r}: brackets must be "
                                     "'negative' or 'parenthetical'")
                cell = parse_cell(r[ci], marks, where, brackets == "negative",
                                  c.get("suffix", ""))
                role = c.get("role")
                if role in ("text", "label", "ignored", "sign_label", "group"):
                    cell = Cell(r[ci], "text") if cell.kind != "absent" else cell
                elif cell.kind == "text":
                    raise TableError(f"{where}: cannot read {r[ci]!r} as a figure in column {h!r}")
                self.cells[(ri, h)] = cell

    # -- references --------------------------------------------------------
    def row(self, ref):
        if not isinstance(ref, str):
            raise TableError(f"{self.rel_path}: row reference {ref!r} must be a string")
        if ref.startswith("@"):
            n = int(ref[1:])
            if not 1 <= n <= len(self.rows):
                raise TableError(f"{self.rel_path}: row {ref} is outside the table")
            return n - 1
        name, k = ref, 1
        m = re.match(r"^(.*)#(\d+)$", ref)
        if m and m.group(1) in self.labels:
            name, k = m.group(1), int(m.group(2))
        hits = [i for i, l in enumerate(self.labels) if l == name]
        if len(hits) < k:
            raise TableError(f"{self.rel_path}: no row {ref!r} in {self.csv_path}")
        if k == 1 and len(hits) > 1 and not m:
            raise TableError(f"{self.rel_path}: row {ref!r} is repeated; write {ref}#1 … #{len(hits)}")
        return hits[k - 1]

    def col(self, h):
        if h not in self.cols:
            raise TableError(f"{self.rel_path}: no column {h!r}")
        return h

    def row_name(self, ri):
        l = self.labels[ri]
        if not l:
            return f"@{ri + 1}"
        same = [i for i, x in enumerate(self.labels) if x == l]
        return l if len(same) == 1 else f"{l}#{same.index(ri) + 1}"

    def interval(self, ri, h):
        cell = self.cells[(ri, h)]
        c = self.cols[h]
        if cell.kind == "zero":
            return Interval.point(Fraction(0))
        if cell.kind == "band":
            return cell.band
        if c.get("exact"):
            return Interval.point(cell.value)
        half = Fraction(1, 2 * 10 ** cell.dp)
        v = cell.value
        if v > 0:
            return Interval(v - half, v + half, True, False)
        if v < 0:
            return Interval(v - half, v + half, False, True)
        if cell.neg_zero:
            return Interval(-half, Fraction(0), False, False)
        if self.signed_zero:
            return Interval(Fraction(0), half, True, False)
        return Interval(-half, half, False, False)

    def rows_for(self, rel):
        sel = rel.get("rows", "all")
        if sel == "all":
            chosen = list(range(len(self.rows)))
        else:
            chosen = [self.row(r) for r in sel]
        excl = {self.row(r) for r in rel.get("except", [])}
        return [r for r in chosen if r not in excl]


# ---------------------------------------------------------------------------
# Relations.


class Audit:
    def __init__(self, table):
        self.t = table
        self.findings = []
        self.not_checked = []

    def cellref(self, ri, h):
        return {"row": self.t.row_name(ri), "row_index": ri + 1, "column": h}

    def add(self, rule, ri, h, verdict, fits, expected, explanation, candidates=None,
            extra=None):
        cell = self.t.cells[(ri, h)]
        f = {"rule": rule}
        f.update(self.cellref(ri, h))
        f["printed"] = cell.text.strip()
        f["printed_interval"] = self.t.interval(ri, h).text() if cell.is_number() else None
        f["fits"] = fits.to_json() if fits is not None else None
        f["expected"] = expected
        f["verdict"] = verdict
        f["explanation"] = explanation
        if candidates:
            f["candidates"] = candidates
        if extra:
            f.update(extra)
        self.findings.append(f)

    def skip(self, rule, ri, h, why):
        self.not_checked.append({"rule": rule, **self.cellref(ri, h), "why": why})

    # -- linear: target = sum(coef * cell) + const ---------------------------
    def terms_value(self, terms, ri_default):
        """(face value, interval, cells, missing) of sum(coef*cell)."""
        face = Fraction(0)
        iv = Interval.point(Fraction(0))
        cells, missing = [], []
        for term in terms:
            coef = Fraction(term.get("coef", 1))
            h = self.t.col(term["column"])
            ri = self.t.row(term["row"]) if "row" in term else ri_default
            cell = self.t.cells[(ri, h)]
            if not cell.is_number():
                missing.append((ri, h))
                continue
            face += coef * cell.value
            iv = iv + self.t.interval(ri, h).scale(coef)
            cells.append((coef, ri, h))
        return face, iv, cells, missing

    def check_linear_cell(self, rule, ri_t, h_t, face, rhs, cells, const=Fraction(0)):
        tcell = self.t.cells[(ri_t, h_t)]
        face += const
        rhs = rhs + Interval.point(const)
        tiv = self.t.interval(ri_t, h_t)
        exact_t = self.t.cols[h_t].get("exact")
        if tcell.kind == "band":
            face_ok = tcell.band.contains(face)
            expected = dec(face)
        else:
            shown = face if exact_t else round_half_away(face, tcell.dp)
            tval = tcell.value if tcell.kind != "zero" else Fraction(0)
            face_ok = shown == tval
            expected = dec(shown)
        feasible = rhs.intersects(tiv)
        verdict = "error" if not feasible else ("agrees" if face_ok else "rounding")
        cands = None
        expl = ""
        if verdict != "agrees":
            parts = " + ".join(f"{dec(c)}×{self.t.row_name(r)}/{h}" for c, r, h in cells)
            expl = (f"{rule}: printed {tcell.text.strip()} stands for {tiv.text()}; the inputs "
                    f"({parts}) allow {rhs.text()}; at face value {dec(face)}")
        if verdict == "error":
            cands = [dict(self.cellref(ri_t, h_t), needed=expected, role="derived cell")]
            tval = tcell.value if tcell.kind in ("number", "zero") else None
            for c, r, h in cells:
                if tval is None:
                    break
                cv = self.t.cells[(r, h)].value
                # value the input would need for the relation to hold at face value
                need = cv + (tval - face) / c
                cands.append(dict(self.cellref(r, h), needed=dec(need), role="input"))
            expl += ("; no values inside the printed intervals satisfy it. Any one of the "
                     f"{len(cands)} cells listed could be the wrong one.")
        self.add(rule, ri_t, h_t, verdict, rhs, expected, expl, cands,
                 extra={"face_value": dec(face)})

    def rel_linear(self, rel):
        """Per row: target column = sum(coef * column) (+ const)."""
        rule = rel.get("name") or f"{rel['target']} = linear"
        h_t = self.t.col(rel["target"])
        const = Fraction(rel.get("const", 0))
        for ri in self.t.rows_for(rel):
            tcell = self.t.cells[(ri, h_t)]
            face, rhs, cells, missing = self.terms_value(rel["terms"], ri)
            if not tcell.is_number():
                if tcell.kind == "absent" and not cells:
                    continue  # heading or blank row: nothing printed
                if tcell.kind == "absent":
                    if cells and not missing and rel.get("report_absent_target"):
                        self.skip(rule, ri, h_t, "derived cell not printed")
                    continue
                continue
            if missing:
                if len(missing) == len(rel["terms"]) and rel.get("skip_when_inputs_absent", True):
                    self.skip(rule, ri, h_t, "no input printed on this row")
                    continue
                self.add(rule, ri, h_t, "undecided", None, None,
                         f"{rule}: input(s) not printed: " +
                         ", ".join(f"{self.t.row_name(r)}/{h}" for r, h in missing))
                continue
            self.check_linear_cell(rule, ri, h_t, face, rhs, cells, const)

    def rel_row_sum(self, rel):
        """Per column: the total row = sum(coef * member rows)."""
        rule = rel.get("name") or f"{rel['total']} = sum of rows"
        ri_t = self.t.row(rel["total"])
        members = []
        for m in rel["members"]:
            if isinstance(m, str):
                members.append((Fraction(1), self.t.row(m)))
            else:
                members.append((Fraction(m.get("coef", 1)), self.t.row(m["row"])))
        for h in rel["columns"]:
            h = self.t.col(h)
            tcell = self.t.cells[(ri_t, h)]
            if not tcell.is_number():
                self.skip(rule, ri_t, h, "total cell not printed")
                continue
            face = Fraction(0)
            rhs = Interval.point(Fraction(0))
            cells, missing = [], []
            for coef, ri in members:
                cell = self.t.cells[(ri, h)]
                if not cell.is_number():
                    missing.append((ri, h))
                    continue
                face += coef * cell.value
                rhs = rhs + self.t.interval(ri, h).scale(coef)
                cells.append((coef, ri, h))
            if missing:
                self.add(rule, ri_t, h, "undecided", None, None,
                         f"{rule}: member cell(s) not printed: " +
                         ", ".join(f"{self.t.row_name(r)}/{c}" for r, c in missing))
                continue
            self.check_linear_cell(rule, ri_t, h, face, rhs, cells)

    # -- ratio: target = scale * N / D --------------------------------------
    def ratio_range(self, n, d):
        """Range of n/d over the box n x d, d excluding zero; returns Interval."""
        corners = []
        for nv, nc in ((n.lo, n.lo_closed), (n.hi, n.hi_closed)):
            for dv, dc in ((d.lo, d.lo_closed), (d.hi, d.hi_closed)):
                if nv is None or dv is None:
                    raise TableError(f"{self.t.rel_path}: ratio with an unbounded input")
                attained = nc and (dc or nv == 0 or d.lo == d.hi)
                corners.append((nv / dv, attained))
        lo = min(v for v, _ in corners)
        hi = max(v for v, _ in corners)
        lo_c = any(a for v, a in corners if v == lo)
        hi_c = any(a for v, a in corners if v == hi)
        return Interval(lo, hi, lo_c, hi_c)

    def check_ratio_cell(self, rule, ri_t, h_t, nface, niv, dface, div, scale, sign,
                         zero_prints, cells):
        tcell = self.t.cells[(ri_t, h_t)]
        tiv = self.t.interval(ri_t, h_t)
        if sign == "abs":
            if div.excludes_zero():
                if (div.hi is not None and div.hi <= 0):
                    div = div.scale(-1)
                    dface = -dface
        if dface == 0 and tcell.text.strip() in zero_prints:
            self.skip(rule, ri_t, h_t, f"denominator printed 0; the table prints "
                      f"{tcell.text.strip()!r} for a ratio it does not compute (declared)")
            return
        if not div.excludes_zero():
            self.add(rule, ri_t, h_t, "undecided", None, None,
                     f"{rule}: the denominator's interval {div.text()} contains 0, so the "
                     "ratio is unbounded and any printed figure fits; the table does not "
                     "declare what it prints for an undefined ratio")
            return
        rng = self.ratio_range(niv, div).scale(Fraction(scale))
        face = Fraction(scale) * nface / dface
        if tcell.kind == "band":
            face_ok = tcell.band.contains(face)
            expected = dec(face, 4)
        else:
            shown = round_half_away(face, tcell.dp)
            face_ok = shown == tcell.value
            expected = dec(shown)
        feasible = rng.intersects(tiv)
        verdict = "error" if not feasible else ("agrees" if face_ok else "rounding")
        expl = ""
        cands = None
        if verdict != "agrees":
            expl = (f"{rule}: printed {tcell.text.strip()} stands for {tiv.text()}; the inputs "
                    f"allow {rng.text()}; at face value {dec(face, 4)}")
        if verdict == "error":
            cands = [dict(self.cellref(ri_t, h_t), needed=expected, role="derived cell")]
            for r, h in cells:
                cands.append(dict(self.cellref(r, h), role="input"))
            expl += ("; no values inside the printed intervals satisfy it. Any of the "
                     f"{len(cands)} cells listed could be the wrong one.")
        self.add(rule, ri_t, h_t, verdict, rng, expected, expl, cands,
                 extra={"face_value": dec(face)})

    def rel_ratio(self, rel):
        """Per row: target = scale * sum(numerator terms) / sum(denominator terms)."""
        rule = rel.get("name") or f"{rel['target']} = ratio"
        h_t = self.t.col(rel["target"])
        scale = Fraction(rel.get("scale", 100))
        sign = rel.get("denominator_sign", "signed")
        zero_prints = set(rel.get("prints_when_denominator_zero", []))
        for ri in self.t.rows_for(rel):
            tcell = self.t.cells[(ri, h_t)]
            if not tcell.is_number():
                continue
            nface, niv, ncells, nmiss = self.terms_value(rel["numerator"], ri)
            if "denominator_value" in rel:
                dface = Fraction(rel["denominator_value"])
                div = Interval.point(dface)
                dcells, dmiss = [], []
            else:
                dface, div, dcells, dmiss = self.terms_value(rel["denominator"], ri)
            if nmiss or dmiss:
                self.add(rule, ri, h_t, "undecided", None, None,
                         f"{rule}: input(s) not printed: " +
                         ", ".join(f"{self.t.row_name(r)}/{h}" for r, h in nmiss + dmiss))
                continue
            cells = [(r, h) for _, r, h in ncells + dcells]
            self.check_ratio_cell(rule, ri, h_t, nface, niv, dface, div, scale, sign,
                                  zero_prints, cells)

    # -- shares of a partition sum to a whole ------------------------------
    def rel_partition_sum(self, rel):
        rule = rel.get("name") or "shares sum to the whole"
        h = self.t.col(rel["column"])
        rows = [self.t.row(r) for r in rel["rows"]]
        whole = Fraction(rel.get("total", 100))
        face = Fraction(0)
        shown = []
        bands = False
        rng = Interval.point(Fraction(0))
        for ri in rows:
            cell = self.t.cells[(ri, h)]
            if not cell.is_number():
                raise TableError(f"{self.t.rel_path}: {rule}: row {self.t.row_name(ri)} has no figure")
            if cell.kind == "band":
                bands = True
                shown.append(cell.band.text())
            else:
                face += cell.value
                shown.append(dec(cell.value))
            rng = rng + self.t.interval(ri, h)
        feasible = rng.contains(whole)
        face_ok = face == whole and not bands
        verdict = "error" if not feasible else ("agrees" if face_ok else "rounding")
        target = rows[-1] if "report_at" not in rel else self.t.row(rel["report_at"])
        expl = ""
        cands = None
        if verdict != "agrees":
            expl = (f"{rule}: the printed shares are {' + '.join(shown)}; inside their intervals "
                    f"they can add to any value in {rng.text()}, which "
                    f"{'contains' if feasible else 'does not contain'} {dec(whole)}")
        if verdict == "error":
            cands = [self.cellref(ri, h) for ri in rows]
            expl += f". Any of the {len(cands)} shares could be the wrong one."
        self.add(rule, target, h, verdict, rng, dec(whole), expl, cands,
                 extra={"rows": [self.t.row_name(ri) for ri in rows], "printed_terms": shown})

    # -- a text label that states a sign (ADV / FAV) --------------------------
    def rel_sign_label(self, rel):
        rule = rel.get("name") or "sign label"
        h_l = self.t.col(rel["column"])
        h_v = self.t.col(rel["of"])
        labels = rel["labels"]
        for ri in self.t.rows_for(rel):
            lcell = self.t.cells[(ri, h_l)]
            vcell = self.t.cells[(ri, h_v)]
            if lcell.kind == "absent" or not vcell.is_number():
                continue
            text = lcell.text.strip()
            iv = self.t.interval(ri, h_v)
            if text == labels.get("positive"):
                want = Interval(Fraction(0), None, False, False)
            elif text == labels.get("negative"):
                want = Interval(None, Fraction(0), False, False)
            elif "zero" in labels and text == labels["zero"]:
                want = Interval.point(Fraction(0))
            else:
                raise TableError(f"{self.t.csv_path}:{ri + 2}: label {text!r} is not one of {labels}")
            v = vcell.value
            face_sign = "positive" if v > 0 else "negative" if v < 0 else "zero"
            face_ok = labels.get(face_sign) == text
            feasible = iv.intersects(want)
            verdict = "error" if not feasible else ("agrees" if face_ok else "rounding")
            expl = "" if verdict == "agrees" else (
                f"{rule}: {text} needs a value in {want.text()}; {h_v} printed "
                f"{vcell.text.strip()} stands for {iv.text()}")
            self.add(rule, ri, h_l, verdict, iv, labels.get(face_sign), expl,
                     [self.cellref(ri, h_l), self.cellref(ri, h_v)] if verdict == "error" else None)

    def run(self):
        kinds = {
            "linear": self.rel_linear,
            "row_sum": self.rel_row_sum,
            "ratio": self.rel_ratio,
            "partition_sum": self.rel_partition_sum,
            "sign_label": self.rel_sign_label,
        }
        for i, rel in enumerate(self.t.decl.get("relations", [])):
            kind = rel.get("type")
            if kind not in kinds:
                raise TableError(f"{self.t.rel_path}: relation {i + 1} has unknown type {kind!r}")
            kinds[kind](rel)
        counts = {v: 0 for v in VERDICTS}
        for f in self.findings:
            counts[f["verdict"]] += 1
        numeric = sum(1 for (ri, h), c in self.t.cells.items() if c.is_number())
        checked = {(f["row_index"], f["column"]) for f in self.findings}
        return {
            "table": self.t.name,
            "source_csv": "table.csv",
            "rows": len(self.t.rows),
            "columns": len(self.t.header),
            "rounding": "half_up (half away from zero)",
            "counts": counts,
            "figures_printed": numeric,
            "derived_cells_checked": len(checked),
            "findings": self.findings,
            "not_checked": self.not_checked,
        }


def selftest():
    """Checks of the reading and interval rules; a planted error must be found."""
    import tempfile
    F = Fraction
    assert round_half_away(F("2.45"), 1) == F("2.5") and round_half_away(F("-2.45"), 1) == F("-2.5")
    assert round_half_away(F(1, 3), 2) == F("0.33")
    for text, want in (("1,234", (F(1234), 0, False)), ("(1,234)", (F(-1234), 0, False)),
                       ("- 315.7", (F("-315.7"), 1, False)), ("£1,234", (F(1234), 0, False)),
                       ("(6.2%)", (F("-6.2"), 1, False)), ("-2.8%", (F("-2.8"), 1, False)),
                       ("(0)", (F(0), 0, True)), ("\u20135", (F(-5), 0, False)),
                       ("0.000", (F(0), 3, False))):
        assert parse_number(text) == want, (text, parse_number(text))
    assert parse_number("(83%)", brackets_negative=False) == (F(83), 0, False)
    assert parse_number("1.2.3") is None and parse_number("n/a") is None
    a = Interval(F(1), F(2), True, False)
    assert a.intersects(Interval.point(F(1))) and not a.intersects(Interval.point(F(2)))
    assert (a + a.scale(-1)).text() == "(-1, 1)"
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "table.csv"), "w", encoding="utf-8") as f:
            f.write("Line,Budget,Forecast,Variance\nA,100,110,10\nB,200,190,(9)\n"
                    "C,50,50,3\nTotal,350,350,0\n")
        with open(os.path.join(d, "relations.json"), "w", encoding="utf-8") as f:
            json.dump({"label_column": "Line", "columns": {
                "Line": {"role": "label"}, "Budget": {"role": "budget"},
                "Forecast": {"role": "forecast"}, "Variance": {"role": "variance"}},
                "relations": [
                    {"type": "linear", "target": "Variance",
                     "terms": [{"column": "Forecast"}, {"column": "Budget", "coef": -1}]},
                    {"type": "row_sum", "total": "Total", "members": ["A", "B", "C"],
                     "columns": ["Budget", "Forecast", "Variance"]}]}, f)
        r = Audit(Table(d)).run()
        got = {(x["row"], x["column"], x["rule"].split(" ")[0]): x["verdict"] for x in r["findings"]}
        assert got[("B", "Variance", "Variance")] == "rounding"    # 190 - 200 = -10 vs (9)
        assert got[("C", "Variance", "Variance")] == "error"       # planted: 50 - 50 = 0 vs 3
        assert got[("Total", "Forecast", "Total")] == "agrees"
        assert got[("Total", "Variance", "Variance")] == "agrees"
        assert got[("Total", "Variance", "Total")] == "error"      # 10 - 9 + 3 = 4 vs 0 (+-1.5)
        bad = json.load(open(os.path.join(d, "relations.json")))
        del bad["columns"]["Forecast"]
        json.dump(bad, open(os.path.join(d, "relations.json"), "w"))
        try:
            Table(d)
            raise AssertionError("an undeclared column must be refused")
        except TableError as e:
            assert "not declared" in str(e)
    print("selftest: all checks pass")


def table_dirs(args):
    if args:
        return [os.path.abspath(a) for a in args]
    return sorted(os.path.join(HERE, d) for d in os.listdir(HERE)
                  if os.path.isfile(os.path.join(HERE, d, "table.csv")))


def main(argv):
    if "--selftest" in argv:
        selftest()
        return 0
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    status = 0
    total = {v: 0 for v in VERDICTS}
    print(f"{'table':48} {'rows':>4} {'cols':>4} {'agrees':>6} {'round':>6} {'error':>6} {'undec':>6}")
    for d in table_dirs(args):
        try:
            result = Audit(Table(d)).run()
        except TableError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        text = json.dumps(result, indent=1, ensure_ascii=False) + "\n"
        out = os.path.join(d, "expected_findings.json")
        if check:
            try:
                with open(out, encoding="utf-8") as f:
                    old = f.read()
            except OSError:
                old = None
            if old != text:
                print(f"differs: {out}", file=sys.stderr)
                status = 1
        else:
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
        c = result["counts"]
        for v in VERDICTS:
            total[v] += c[v]
        print(f"{result['table']:48} {result['rows']:>4} {result['columns']:>4} "
              f"{c['agrees']:>6} {c['rounding']:>6} {c['error']:>6} {c['undecided']:>6}")
        for f in result["findings"]:
            if f["verdict"] in ("error", "undecided"):
                print(f"    {f['verdict']}: {f['row']} / {f['column']}: printed {f['printed']}, "
                      f"fits {f['fits']['text'] if f['fits'] else '-'}  [{f['rule']}]")
    print(f"{'total':48} {'':>4} {'':>4} {total['agrees']:>6} {total['rounding']:>6} "
          f"{total['error']:>6} {total['undecided']:>6}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
