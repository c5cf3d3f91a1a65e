#!/usr/bin/env python3
"""Mutation check of bmm's domain rules: does some spec fail when a rule is broken by one edit?

    scripts/mutation-check.py                 every mutant below
    scripts/mutation-check.py --list          the list, with each mutant's state in the sources
    scripts/mutation-check.py --only ID ...   some of them (ids as listed)
    scripts/mutation-check.py --doc docs/testing.md   also write the results table there
                                              (between <!-- mutation-results --> markers)

Each mutant is one edit of one line of a header: its exact original text, the replacement, the
rule that edit breaks, and the specs that should catch it (tests/<spec>_test.cpp). For each:
the edit is applied to a scratch copy of the sources (BUILD_DIR/src, default build/mutation/src:
never the working tree), only those specs are rebuilt (incrementally, in one build directory,
BUILD_DIR/build, GCC C++17 Debug) and run, and the mutant is
  killed     a spec failed, timed out, or failed to compile on a static_assert;
  survived   every spec passed: no spec states the rule at that edit (add one);
  invalid    the mutant did not compile for another reason (fix the list);
  stale      its original text is no longer in its file (or no spec it names exists): after a
             refactoring the list needs refreshing (the text is looked for in the other headers,
             and where it is found that is printed);
  ambiguous  its original text occurs more than once in its file (make it unique);
then the scratch copy is restored. The unmutated specs must pass first.

Exit status: 0 when every mutant is killed; 1 when one survived or is invalid or ambiguous; 2
when the rest are killed but some are stale (--allow-stale: 0 then); 3 when the unmutated specs
fail. Standard library only; needs cmake, ninja and g++ (as the gcc-cxx17 preset does).
"""
import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import List, Optional

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


@dataclass
class Mutant:
    id: str
    file: str  # relative to the repository root
    original: str  # exact text, on one line, once in the file
    replacement: str
    rule: str  # the rule the edit breaks
    specs: List[str] = field(default_factory=list)  # tests/<spec>_test.cpp that should kill it
    # Filled in by a run:
    state: str = ""
    detail: str = ""
    seconds: float = 0.0


def M(id, file, original, replacement, rule, *specs):
    return Mutant(id, "include/bmm/" + file, original, replacement, rule,
                  list(specs) if specs else ["thresholds"])


# The mutants: one-line edits of the domain rules, grouped by rule. The specs named are the ones
# that could catch each (thresholds_test.cpp states every threshold; a header's own spec its
# other rules). Keep each original unique in its file.
MUTANTS = [
    # Risk: bands and direction of travel.
    M("risk-high-from", "risk.hpp", "return score >= high_from_ ? risk_level::high",
      "return score > high_from_ ? risk_level::high",
      "a score of 16 is high", "thresholds", "risk"),
    M("risk-medium-from", "risk.hpp",
      ": (score >= medium_from_ ? risk_level::medium : risk_level::low);",
      ": (score > medium_from_ ? risk_level::medium : risk_level::low);",
      "a score of 10 is medium (issue 19's example)", "thresholds", "risk"),
    M("risk-travel-equal", "risk.hpp", "return current > previous",
      "return current >= previous", "an equal score is maintained", "thresholds", "risk"),
    M("risk-possible-score", "risk.hpp", "if (n % l == 0 && n / l >= 1 && n / l <= 5) return true;",
      "if (n % l == 0 && n / l >= 1 && n / l <= 6) return true;",
      "a score is a product of two factors of 1 to 5 (18 is not)", "risk"),
    # RAG.
    M("rag-fast-green-low", "rag.hpp",
      "const unsigned r = static_cast<unsigned>((u < green_lo_) | (u > green_hi_)) +",
      "const unsigned r = static_cast<unsigned>((u <= green_lo_) | (u > green_hi_)) +",
      "meeting a higher-is-better target exactly is Green (fast path)", "thresholds", "rag"),
    M("rag-fast-amber-high", "rag.hpp",
      "static_cast<unsigned>((u < amber_lo_) | (u > amber_hi_));",
      "static_cast<unsigned>((u < amber_lo_) | (u >= amber_hi_));",
      "a lower-is-better miss equal to the amber band is Amber (fast path)", "thresholds", "rag"),
    M("rag-exact-low", "rag.hpp",
      "if (low && (low_open ? !(x > *low) : x < *low)) return false;",
      "if (low && (low_open ? !(x > *low) : x <= *low)) return false;",
      "a figure on an inclusive lower boundary is inside it (exact path)", "thresholds", "rag"),
    M("rag-exact-high", "rag.hpp",
      "if (high && (high_open ? !(x < *high) : x > *high)) return false;",
      "if (high && (high_open ? !(x < *high) : x >= *high)) return false;",
      "a figure on an inclusive upper boundary is inside it (exact path)", "thresholds", "rag"),
    M("rag-strict-greater", "rag.hpp", "g.low_open = s == side::greater;", "g.low_open = false;",
      "'>6.8%' is not met by 6.8", "thresholds", "rag"),
    M("rag-strict-less", "rag.hpp", "g.high_open = s == side::less;", "g.high_open = false;",
      "'<20%' is not met by 20", "thresholds", "rag"),
    M("rag-within-strict", "rag.hpp",
      "g.low_open = g.high_open = t.bound_side() == side::less;",
      "g.low_open = g.high_open = false;",
      "2017: on target only when |variance %| < 2.0", "thresholds", "seed004_indicators"),
    M("rag-band-closed", "rag.hpp", "ai.low_open = false;", "ai.low_open = gi.low_open;",
      "a miss equal to the band below a strict target is Amber", "thresholds", "rag"),
    M("rag-fast-open-end", "rag.hpp",
      "li = in.low_open ? detail::floor_scaled(*in.low, places_) + 1",
      "li = in.low_open ? detail::floor_scaled(*in.low, places_)",
      "a strict lower bound excludes its own figure at the rater's scale", "thresholds", "rag"),
    M("rag-position-steps", "rag.hpp",
      "if (p.level() - target_level_ <= amber_steps_) return rag::amber;",
      "if (p.level() - target_level_ < amber_steps_) return rag::amber;",
      "a position amber_steps below its target is Amber", "thresholds", "rag"),
    M("rag-relative-magnitude", "detail/polarity.hpp",
      "return width_ * (reference < zero ? -reference : reference);",
      "return width_ * reference;",
      "a relative band is a share of the reference's magnitude", "thresholds", "rag"),
    # Targets.
    M("target-strict-parse", "target.hpp",
      "side = t[0] == '>' ? (eq ? target::side::greater_equal : target::side::greater)",
      "side = t[0] == '>' ? (eq ? target::side::greater_equal : target::side::greater_equal)",
      "'>' reads as a strict bound, '>=' as an inclusive one", "thresholds", "target"),
    M("target-flat-share", "target.hpp",
      "return flat_ ? ratio(static_cast<std::int64_t>(m), 12) : cumulative_[m - 1];",
      "return flat_ ? ratio(static_cast<std::int64_t>(m - 1), 12) : cumulative_[m - 1];",
      "a flat profile's YTD share by month m is m/12", "thresholds", "target"),
    # Status, exceptions and status changes.
    M("history-red-exception", "history.hpp",
      "if (s->is(rag::red)) return exception_reason::red;",
      "if (s->is(rag::red) && h.size() > 1) return exception_reason::red;",
      "a Red month is an exception at once", "thresholds", "history"),
    M("history-amber-run", "history.hpp",
      "if (s->is(rag::amber) && h.off_target_run(m, rule.missing) >= rule.amber_run) {",
      "if (s->is(rag::amber) && h.off_target_run(m, rule.missing) > rule.amber_run) {",
      "Amber two periods running is an exception", "thresholds", "history"),
    M("history-green-breaks", "history.hpp", "if (s.is(rag::green)) break;",
      "if (s.is(rag::green)) continue;",
      "a Green period ends a run of off-target periods", "thresholds", "history"),
    M("history-missing-breaks", "history.hpp",
      "if (missing == missing_period::breaks_run) break;",
      "if (missing != missing_period::breaks_run) break;",
      "a reporting month without a rating breaks the run (unless skipped)",
      "thresholds", "history"),
    M("history-same-data-status", "history.hpp",
      "if (before == after) return status_change::unchanged;",
      "if (before == after && before.is_rated()) return status_change::unchanged;",
      "the same data status twice is unchanged", "thresholds", "history"),
    M("history-green-to-red", "history.hpp",
      "return a == rag::amber ? status_change::green_to_amber : status_change::green_to_red;",
      "return a == rag::red ? status_change::green_to_amber : status_change::green_to_red;",
      "Green to Red and Green to Amber are told apart", "thresholds", "history"),
    M("history-improvement", "history.hpp", "c == status_change::red_to_amber;",
      "c == status_change::green_to_amber;", "Red to Amber is an improvement",
      "thresholds", "history"),
    M("status-worse", "status.hpp", "return severity(a) >= severity(b) ? a : b;",
      "return severity(a) <= severity(b) ? a : b;", "the worse of two ratings is the more severe",
      "thresholds", "status"),
    # Trends.
    M("trend-lower-better", "trend.hpp", "gain = previous - current;", "gain = current - previous;",
      "lower is better: a fall improves", "thresholds", "trend"),
    M("trend-stable-band", "trend.hpp",
      "if (magnitude == zero || (band && magnitude <= *band)) return direction::stable;",
      "if (magnitude == zero || (band && magnitude < *band)) return direction::stable;",
      "a change equal to the stable tolerance is stable", "thresholds", "trend"),
    M("trend-close-to-target", "trend.hpp",
      "gain = (before < zero ? -before : before) - (now < zero ? -now : now);",
      "gain = before - now;", "close to target: nearer improves from either side",
      "thresholds", "trend"),
    M("trend-year-on-year", "trend.hpp", "const auto then = h.at(m - date::months{12});",
      "const auto then = h.at(m - date::months{11});",
      "year on year compares the same month a year earlier", "thresholds", "trend"),
    M("trend-long-average", "trend.hpp",
      "const ratio average = sum / ratio(static_cast<std::int64_t>(n));",
      "const ratio average = sum / ratio(static_cast<std::int64_t>(n + 1));",
      "a long-term trend compares with the exact average of n periods", "thresholds", "trend"),
    # Summary percentages and roll-ups.
    M("summary-per-cell-mode", "detail/percentages.hpp",
      "const detail::i128 u = detail::div_round(whole * counts[i], total, per_cell_mode);",
      "const detail::i128 u = detail::div_round(whole * counts[i], total, rounding_mode::half_up);",
      "per-cell percentages round by the mode asked for", "thresholds", "summary"),
    M("summary-majority-tie", "summary.hpp",
      "if (c.red >= c.amber && c.red >= c.green) return rag::red;",
      "if (c.red > c.amber && c.red >= c.green) return rag::red;",
      "a majority tie goes to the worse rating", "thresholds", "summary"),
    M("summary-share-green", "summary.hpp", "if (g >= green_share) return rag::green;",
      "if (g > green_share) return rag::green;",
      "exactly the Green share rolls up to Green", "thresholds", "summary"),
    M("summary-rounding-up", "audit/summary.hpp",
      "printed_interval::of(pp, rounding_mode::ceiling).contains(exact);",
      "printed_interval::of(pp, rounding_mode::floor).contains(exact);",
      "a printed % rounded up from its share is a rounding effect", "thresholds", "summary"),
    # Variance and variance %.
    M("variance-sign", "variance.hpp",
      "[[nodiscard]] money<C> variance() const { return forecast - budget; }",
      "[[nodiscard]] money<C> variance() const { return budget - forecast; }",
      "variance = forecast - budget (positive = overspend)", "thresholds", "variance"),
    M("variance-change", "variance.hpp", "return variance() - *previous_variance;",
      "return *previous_variance - variance();", "change = variance - previous variance",
      "thresholds", "variance"),
    M("variance-magnitude", "variance.hpp",
      "return basis == variance_basis::magnitude && budget.is_negative() ? -r : r;",
      "return r;", "variance % divides by |budget| under variance_basis::magnitude",
      "thresholds", "variance"),
    M("variance-pct-fast-tie", "variance.hpp",
      "return decimal::from_units(q + away * static_cast<std::int64_t>(ar >= ad - ar), places);",
      "return decimal::from_units(q + away * static_cast<std::int64_t>(ar > ad - ar), places);",
      "the variance %'s fast path rounds a tie half up (away from zero)", "thresholds",
      "variance"),
    M("variance-pct-flip", "variance.hpp",
      "const bool flip = basis == variance_basis::magnitude && b < 0;",
      "const bool flip = basis == variance_basis::magnitude && b > 0;",
      "variance_percent's sign convention follows the basis", "thresholds", "variance"),
    M("variance-pct-wide-mode", "variance.hpp",
      "const i128 q = div_round(i128(v) * pow10_64[places + 2], d, mode);",
      "const i128 q = div_round(i128(v) * pow10_64[places + 2], d, rounding_mode::half_up);",
      "the variance %'s wide path rounds by the mode asked for", "thresholds", "variance"),
    # The audit and printed intervals.
    M("finding-half-up-ends", "audit/interval.hpp", "return {c - h, c + h, s > 0, s < 0};",
      "return {c - h, c + h, s < 0, s > 0};",
      "a figure printed half up holds its ties away from zero", "thresholds", "audit_interval"),
    M("finding-half-down-ends", "audit/interval.hpp", "return {c - h, c + h, s <= 0, s >= 0};",
      "return {c - h, c + h, s > 0, s < 0};",
      "a figure printed half down holds its ties toward zero", "thresholds", "audit_interval"),
    M("finding-meets-open", "audit/interval.hpp", "return l < h || (l == h && l_closed && h_closed);",
      "return l <= h;", "intervals touching at an open end do not meet", "thresholds", "audit_interval"),
    M("finding-divided-corner", "audit/interval.hpp",
      "cs[n++] = corner{xe.value / ye.value, xe.closed && (ye.closed || xe.value == zero)};",
      "cs[n++] = corner{xe.value / ye.value, true};",
      "a share's end from an open end of its inputs is open", "thresholds", "audit_interval"),
    M("audit-fast-sum-meets", "audit/table.hpp",
      "j.cls = l < h || (l == h && l_closed && h_closed) ? bmm::verdict::rounding",
      "j.cls = l <= h ? bmm::verdict::rounding",
      "the audit's fast path: a total touching its members' sum at an open end is an error",
      "thresholds", "audit_table"),
    M("audit-fast-sum-mode", "audit/table.hpp",
      "r = div_round<std::int64_t>(static_cast<std::int64_t>(exact_), pow10_64[p - q], mode);",
      "r = div_round<std::int64_t>(static_cast<std::int64_t>(exact_), pow10_64[p - q], "
      "rounding_mode::half_up);",
      "the audit's fast path rounds a total to fewer places by the table's mode",
      "thresholds", "audit_table"),
    M("audit-fast-pct-mode", "audit/table.hpp",
      "static_cast<std::int64_t>(d), options_.mode))",
      "static_cast<std::int64_t>(d), rounding_mode::half_up))",
      "the audit's fast variance % rounds a tie by the table's mode", "thresholds", "audit_table"),
    M("audit-fast-pct-sign", "audit/table.hpp",
      "} else if (bu < 0 && detail::meets(printed, detail::negated(share))) {",
      "} else if (bu != 0 && detail::meets(printed, detail::negated(share))) {",
      "only an income line's % (negative budget) can be the other sign convention",
      "thresholds", "audit"),
    M("audit-printed-exactly", "audit/table.hpp",
      "verdict::error, printed_interval::exactly(exact));",
      "verdict::rounding, printed_interval::exactly(exact));",
      "a table printed by largest remainder or controlled rounding adds up exactly in print: "
      "a total a unit off is an error", "audit_table", "table_rounding"),
    M("audit-largest-remainder-variance", "audit/table.hpp",
      "return column == row_figures::variance ? 2 : (column == row_figures::change ? 3 : 1);",
      "return column == row_figures::change ? 3 : 1;",
      "largest remainder's variance is a difference of printed figures: within two units",
      "audit_table", "table_rounding"),
    # Controlled rounding.
    M("controlled-zero-restricted", "detail/controlled_rounding.hpp",
      "return std::array<K, 4>{inf, rest, rest == 0 ? inf : up - rest, inf};",
      "return std::array<K, 4>{inf, rest, up - rest, inf};",
      "controlled rounding prints a multiple of the unit exactly", "variance", "table_rounding"),
    M("controlled-forecast", "detail/controlled_rounding.hpp",
      "own[k] = cb[at(db)] + cv[at(dv)] + cf[at(db + dv - kf)];",
      "own[k] = cb[at(db)] + cv[at(dv)] + cf[at(db + dv)];",
      "controlled rounding: the printed forecast (budget + variance) is the exact one rounded "
      "down or up", "variance", "table_rounding"),
    M("controlled-members-sum", "detail/controlled_rounding.hpp",
      "r.offset[d] = static_cast<int>(r.floor[d] - floors[d]);",
      "r.offset[d] = static_cast<int>(r.floor[d] - floors[d]) + 1;",
      "controlled rounding: a total prints the sum of its members", "variance", "table_rounding"),
    M("controlled-window", "detail/controlled_rounding.hpp",
      "next_window.hi[d] = made_hi < high ? made_hi : high;",
      "next_window.hi[d] = made_hi < high ? made_hi : high - 1;",
      "controlled rounding's programme keeps every partial sum from which the target is reached",
      "variance", "table_rounding"),
    M("controlled-small-cost", "detail/controlled_rounding.hpp",
      "const K total = layer[q] + cost;", "const K total = layer[q];",
      "controlled rounding is the closest: a member's distance counts (small totals)",
      "variance", "table_rounding"),
    # Savings.
    M("savings-amber-not-delivered", "savings.hpp",
      "return (*this)[savings_status::delivered] + (*this)[savings_status::expected];",
      "return (*this)[savings_status::delivered] + (*this)[savings_status::expected] + "
      "(*this)[savings_status::amber];",
      "amber savings are not counted as delivered or expected", "thresholds", "savings"),
    M("savings-zero-allowed", "savings.hpp", "if (item.amount < zero) {",
      "if (item.amount <= zero) {", "a zero saving is no error (only a negative one)",
      "thresholds", "savings"),
    M("savings-year-filter", "savings.hpp", "if (only && item.year != *only) continue;",
      "if (only && item.year < *only) continue;",
      "a year's summary counts only that year's savings", "thresholds", "savings"),
    # Reserves.
    M("reserves-overspend-reduces", "reserves.hpp", "return c - forecast_variance;",
      "return c + forecast_variance;", "an overspend reduces general balances",
      "thresholds", "reserves"),
    M("reserves-at-level", "reserves.hpp",
      "[[nodiscard]] bool at_or_above_level() const { return headroom() >= zero; }",
      "[[nodiscard]] bool at_or_above_level() const { return headroom() > zero; }",
      "balances exactly at the risk-assessed level are at it", "thresholds", "reserves"),
    M("reserves-below-floor", "reserves.hpp",
      "[[nodiscard]] bool below_floor() const noexcept { return closing < floor; }",
      "[[nodiscard]] bool below_floor() const noexcept { return closing <= floor; }",
      "a projected balance exactly at its floor is not below it", "thresholds", "reserves"),
    M("reserves-use-in-year", "reserves.hpp", "if (u.first <= y) b = b - u.second;",
      "if (u.first < y) b = b - u.second;", "a planned use counts by the end of its year",
      "thresholds", "reserves"),
    M("reserves-override-end", "reserves.hpp",
      "return date::sys_days(d) <= date::sys_days(override_ends);",
      "return date::sys_days(d) < date::sys_days(override_ends);",
      "the statutory override applies on its last day", "thresholds", "reserves"),
    # Allocation.
    M("allocate-run-tie", "detail/largest_remainder.hpp",
      "for (; j > lo && rest[x] > rest[order[j - 1]]; --j) order[j] = order[j - 1];",
      "for (; j > lo && rest[x] >= rest[order[j - 1]]; --j) order[j] = order[j - 1];",
      "a remainder tie goes to the earlier part (within a run of 16)", "thresholds", "allocate"),
    M("allocate-merge-tie", "detail/largest_remainder.hpp",
      "merged[k++] = rest[order[j]] > rest[order[i]] ? order[j++] : order[i++];",
      "merged[k++] = rest[order[j]] >= rest[order[i]] ? order[j++] : order[i++];",
      "a remainder tie goes to the earlier part (across runs: tables of more than 16)",
      "thresholds", "allocate"),
    M("allocate-first-parts-zero", "detail/largest_remainder.hpp", "if (w[i] == 0) continue;",
      "if (w[i] < 0) continue;", "a zero weight never gets a leftover penny (first_parts)",
      "thresholds", "allocate"),
    M("allocate-equal-extra", "allocate.hpp",
      "signed_units(give && i128(static_cast<std::int64_t>(i)) < left ? base + 1 : base));",
      "signed_units(give && i128(static_cast<std::int64_t>(i)) <= left ? base + 1 : base));",
      "n equal parts: the first |amount| % n parts get the extra penny", "thresholds",
      "allocate"),
    M("allocate-negative", "allocate.hpp",
      "const auto v = static_cast<std::int64_t>(negative ? -p : p);",
      "const auto v = static_cast<std::int64_t>(p);",
      "a negative amount's parts are negated", "thresholds", "allocate"),
    # Rounding modes.
    M("rounding-half-up-tie", "rounding.hpp", "return ar >= rest ? q + away : q;",
      "return ar > rest ? q + away : q;", "half up sends a tie away from zero",
      "thresholds", "rounding"),
    M("rounding-half-down-tie", "rounding.hpp", "return ar > rest ? q + away : q;",
      "return ar >= rest ? q + away : q;", "half down sends a tie toward zero",
      "thresholds", "rounding"),
    M("rounding-half-even-tie", "rounding.hpp", "return (q % 2 == 0) ? q : q + away;",
      "return (q % 2 != 0) ? q : q + away;", "half even sends a tie to the even neighbour",
      "thresholds", "rounding"),
    M("rounding-floor-negative", "rounding.hpp", "return negative ? q - 1 : q;", "return q;",
      "floor rounds a negative quotient down", "thresholds", "rounding"),
    M("rounding-ceiling-negative", "rounding.hpp", "return negative ? q : q + 1;",
      "return q + 1;", "ceiling rounds a negative quotient up, toward zero",
      "thresholds", "rounding"),
    # Measures: year to date.
    M("ytd-latest", "ytd.hpp", "return months.back();", "return months.front();",
      "a stock's YTD is its latest month", "thresholds", "ytd"),
    M("ytd-ratio-of-sums", "ytd.hpp", "d = d + m.denominator;", "d = d + m.numerator;",
      "a rate's YTD is the ratio of the sums", "thresholds", "ytd"),
    M("ytd-average", "ytd.hpp",
      "return ratio::from_decimal(ytd_sum(months)) / ratio(static_cast<std::int64_t>(months.size()));",
      "return ratio::from_decimal(ytd_sum(months)) / ratio(static_cast<std::int64_t>(months.size() + 1));",
      "an average's YTD is the sum over the months", "thresholds", "ytd"),
    M("ytd-own-target-wins", "measure.hpp",
      "if (o.ytd_target) return bmm::rate(*o.ytd_actual, *o.ytd_target, policy_at(o.month));",
      "if (o.ytd_target && !cumulative) return bmm::rate(*o.ytd_actual, *o.ytd_target, policy_at(o.month));",
      "an observation's own YTD target wins over the plan of a cumulative measure",
      "thresholds", "measure"),
]


def run(cmd, cwd=None, timeout=None):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def sources():
    """The files of the working tree that git knows or would add (tracked, and untracked files
    that are not ignored), relative to ROOT."""
    out = run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"mutation-check: git ls-files failed: {out.stderr}")
    return [f for f in out.stdout.split("\0") if f and os.path.isfile(os.path.join(ROOT, f))]


def sync(scratch):
    """Makes scratch a copy of the working tree's sources, rewriting only files whose contents
    differ (so that an unchanged file keeps its time and the build stays incremental)."""
    wanted = set(sources())
    for rel in sorted(wanted):
        src, dst = os.path.join(ROOT, rel), os.path.join(scratch, rel)
        with open(src, "rb") as f:
            data = f.read()
        if os.path.exists(dst):
            with open(dst, "rb") as f:
                if f.read() == data:
                    continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as f:
            f.write(data)
        shutil.copymode(src, dst)
    for dirpath, _, files in os.walk(scratch, topdown=False):
        for name in files:
            rel = os.path.relpath(os.path.join(dirpath, name), scratch)
            if rel not in wanted:
                os.remove(os.path.join(dirpath, name))
        if dirpath != scratch and not os.listdir(dirpath):
            os.rmdir(dirpath)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def resolve(m, scratch):
    """Sets m.state to stale / ambiguous when the mutant cannot be applied as listed."""
    if "\n" in m.original or "\n" in m.replacement:
        m.state, m.detail = "invalid", "a mutant is one line"
        return
    path = os.path.join(scratch, m.file)
    count = read(path).count(m.original) if os.path.exists(path) else 0
    if count == 0:
        m.state = "stale"
        elsewhere = []
        for dirpath, _, files in os.walk(os.path.join(scratch, "include")):
            for name in files:
                p = os.path.join(dirpath, name)
                if m.original in read(p):
                    elsewhere.append(os.path.relpath(p, scratch))
        m.detail = (f"not in {m.file}" if os.path.exists(path) else f"{m.file} is gone") + (
            f"; found in {', '.join(sorted(elsewhere))}" if elsewhere else "")
        return
    if count > 1:
        m.state, m.detail = "ambiguous", f"{count} times in {m.file}"
        return
    missing = [s for s in m.specs if not os.path.exists(spec_source(scratch, s))]
    m.specs = [s for s in m.specs if s not in missing]
    if not m.specs:
        m.state, m.detail = "stale", "no spec it names exists: " + ", ".join(missing)


def spec_source(scratch, spec):
    return os.path.join(scratch, "tests", spec + "_test.cpp")


def target(spec):
    return f"bmm_{spec}_test"


def build(build_dir, specs, jobs):
    return run(["cmake", "--build", build_dir, "--target"] + [target(s) for s in specs] +
               ["-j", str(jobs)])


def run_specs(build_dir, specs, timeout):
    """Returns the specs that failed (or timed out)."""
    failed = []
    for s in specs:
        exe = os.path.join(build_dir, "tests", target(s))
        try:
            r = run([exe, "--no-intro"], cwd=os.path.dirname(exe), timeout=timeout)
            if r.returncode != 0:
                failed.append(s)
        except subprocess.TimeoutExpired:
            failed.append(s + " (timed out)")
    return failed


def static_assert_failure(output):
    """Returns: the spec files whose static_asserts failed (GCC and Clang wordings)."""
    files = []
    for ln in output.splitlines():
        if "static assertion failed" in ln or "static_assert failed" in ln:
            name = os.path.basename(ln.split(":", 1)[0])
            if name.endswith("_test.cpp") and name not in files:
                files.append(name)
            elif not files:
                files.append("a static_assert")
    return files


def table(mutants):
    rows = ["| mutant | file | rule it breaks | result |", "|---|---|---|---|"]
    for m in mutants:
        result = (m.state + (f": {m.detail}" if m.detail else "")).replace("|", "\\|")
        rule = m.rule.replace("|", "\\|")
        rows.append(f"| `{m.id}` | `{m.file[len('include/bmm/'):] if m.file.startswith('include/bmm/') else m.file}` "
                    f"| {rule} | {result} |")
    return "\n".join(rows)


def summary(mutants):
    counts = {}
    for m in mutants:
        counts[m.state] = counts.get(m.state, 0) + 1
    killed = counts.get("killed", 0)
    others = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s != "killed")
    return f"{killed} of {len(mutants)} mutants killed" + (f" ({others})" if others else "")


def write_doc(path, mutants, seconds):
    begin, end = "<!-- mutation-results -->", "<!-- /mutation-results -->"
    text = read(path)
    if begin not in text or end not in text:
        sys.exit(f"mutation-check: {path} has no {begin} ... {end} block")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).stdout.strip()
    block = (f"{begin}\nMutation check: {summary(mutants)}; {len(mutants)} one-line mutants, "
             f"GCC C++17 Debug, {seconds / 60:.0f} min, at commit {commit}.\n\n"
             f"{table(mutants)}\n{end}")
    write(path, head + block + tail)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build", "mutation"))
    ap.add_argument("--only", nargs="+", metavar="ID")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=300, help="seconds per spec run")
    ap.add_argument("--allow-stale", action="store_true")
    ap.add_argument("--specs", nargs="+", metavar="SPEC",
                    help="run these specs for every mutant instead of the ones it names "
                         "(e.g. --specs thresholds: what the boundary specs alone kill)")
    ap.add_argument("--doc", metavar="MARKDOWN")
    args = ap.parse_args()

    ids = [m.id for m in MUTANTS]
    if len(set(ids)) != len(ids):
        sys.exit("mutation-check: mutant ids repeat")
    mutants = MUTANTS
    if args.only:
        unknown = set(args.only) - set(ids)
        if unknown:
            sys.exit("mutation-check: no mutant " + ", ".join(sorted(unknown)))
        mutants = [m for m in MUTANTS if m.id in args.only]

    scratch = os.path.join(args.build_dir, "src")
    build_dir = os.path.join(args.build_dir, "build")
    if args.specs:
        for m in mutants:
            m.specs = list(args.specs)
    os.makedirs(scratch, exist_ok=True)
    sync(scratch)
    for m in mutants:
        resolve(m, scratch)
    if args.list:
        for m in mutants:
            print(f"{m.id:28} {m.file:38} {m.state or 'ready':9} {m.detail}  [{m.rule}]")
        print(f"{len(mutants)} mutants")
        return 0

    started = time.time()
    configure = run(["cmake", "-S", scratch, "-B", build_dir, "-G", "Ninja",
                     "-DCMAKE_CXX_COMPILER=g++", "-DCMAKE_CXX_STANDARD=17",
                     "-DCMAKE_BUILD_TYPE=Debug", "-DBMM_BUILD_EXAMPLES=OFF",
                     "-DBMM_BUILD_BENCH=OFF", "-DBMM_INSTALL=OFF", "-DBMM_WERROR=OFF"])
    if configure.returncode != 0:
        sys.exit("mutation-check: configure failed:\n" + configure.stdout + configure.stderr)
    ready = [m for m in mutants if not m.state]
    needed = sorted({s for m in ready for s in m.specs})
    print(f"mutation-check: {len(ready)} of {len(mutants)} mutants to run; baseline: "
          f"{', '.join(needed)}", flush=True)
    b = build(build_dir, needed, args.jobs)
    if b.returncode != 0:
        print(b.stdout[-4000:] + b.stderr[-2000:])
        print("mutation-check: the unmutated specs do not build")
        return 3
    failed = run_specs(build_dir, needed, args.timeout)
    if failed:
        print("mutation-check: the unmutated specs fail: " + ", ".join(failed))
        return 3

    for i, m in enumerate(ready, 1):
        t0 = time.time()
        path = os.path.join(scratch, m.file)
        original = read(path)
        try:
            write(path, original.replace(m.original, m.replacement, 1))
            b = build(build_dir, m.specs, args.jobs)
            if b.returncode != 0:
                asserted = static_assert_failure(b.stdout + b.stderr)
                if asserted:
                    m.state, m.detail = "killed", "by static_assert in " + ", ".join(asserted)
                else:
                    m.state = "invalid"
                    lines = [ln for ln in (b.stdout + b.stderr).splitlines() if "error" in ln]
                    m.detail = (lines[0] if lines else "build failed")[:200]
            else:
                failed = run_specs(build_dir, m.specs, args.timeout)
                if failed:
                    m.state, m.detail = "killed", "by " + ", ".join(failed)
                else:
                    m.state = "survived"
                    m.detail = "ran " + ", ".join(m.specs)
        finally:
            write(path, original)
        m.seconds = time.time() - t0
        print(f"[{i}/{len(ready)}] {m.id}: {m.state} {m.detail} ({m.seconds:.0f} s)", flush=True)

    seconds = time.time() - started
    print()
    print(table(mutants))
    print()
    print(f"mutation-check: {summary(mutants)} in {seconds / 60:.1f} min")
    if args.doc:
        write_doc(args.doc, mutants, seconds)
    states = {m.state for m in mutants}
    if states & {"survived", "invalid", "ambiguous"}:
        return 1
    if "stale" in states and not args.allow_stale:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
