// bmm — audit/savings: printed savings paragraphs and tables against themselves.
//
//   audit_savings_split(p, mode)    a printed split of a total ("£13.8m (50%) ... £11.3m ... £3.1m"
//                                   of £28.2m): each printed % against its amount and the total
//                                   (a part printed without an amount is the total less the
//                                   others), the amounts against the total, the %s against 100
//   audit_savings_table(t, T, mode) a printed table of planned + carried forward = total per
//                                   directorate, and its TOTAL row against the column sums
//
//   rule           cell                          = what the printed figures give
//   share          a part's %                    its amount ÷ the total × 100 (or, for the one
//                                                part printed without an amount, the rest's)
//   sum            the split's total, a TOTAL    the parts' amounts, the column's figures
//                  row's cell
//   percent_total  the split's %s (printed: their sum)      100
//   row_total      a row's total                 planned + carried forward
//
// Printed figures stand for their rounding intervals (bmm/audit/interval.hpp), so each
// difference is a rounding effect or an error, never guessed.
//
//   bmm::audit_savings_split({"¶77", d("28.2"), {{"on track", d("13.8"), d("50")},
//                             {"amber", d("11.3"), {}}, {"red", d("3.1"), {}}}},
//                            bmm::rounding_mode::half_up);
//                             // one error: 50% printed, 49% expected (48.9% at 1 dp)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../decimal.hpp"
#include "../detail/exact_sum.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "../zero.hpp"
#include "derived.hpp"
#include "finding.hpp"
#include "interval.hpp"
#include "share.hpp"

namespace bmm {

/// One part of a printed savings split, as a paragraph prints it: "£0.9m (26%) are currently
/// assessed as amber" is {"amber", 0.9, 26}; "51% of these savings are forecast to be delivered"
/// is {"delivered", std::nullopt, 51}.
struct printed_savings_part {
    std::string label;
    std::optional<decimal> amount;   ///< £m (or any unit) as printed; std::nullopt if not printed
    std::optional<decimal> percent;  ///< the % without its sign; std::nullopt if not printed
};

/// A printed split of a savings total into parts (by status, or any division of the total).
struct printed_savings_split {
    std::string name;  ///< where it is printed, e.g. "seed 003 ¶82": each finding's section
    decimal total;     ///< the printed whole, in the parts' unit
    std::vector<printed_savings_part> parts;
    bool complete = true;  ///< the parts make up the whole: they add to it and to 100%
};

/// One row of a printed savings table: planned for the year, carried forward from the year
/// before, and their total (seed 003 ¶77's table, printed as negative reductions).
struct printed_savings_row {
    std::string directorate;
    decimal planned;
    decimal carried_forward;
    decimal total;
};

/// Audits a printed split of a savings total, every figure printed by `mode`:
///  - each part's printed % against its printed amount ÷ the total (seed 003 ¶77: £13.8m of
///    £28.2m is 48.9%, printed 50%: an error); a part of a complete split printed without an
///    amount, when it is the only one, against (total − the other amounts) ÷ total (¶82: 51% of
///    £3.4m beside £0.9m and £0.8m: 50%, a rounding effect); other %s without an amount are
///    checked only through the sum of the %s (each part's where: its label and index, column
///    "percent");
///  - in a complete split whose parts all print an amount, the amounts against the total (where:
///    no row, column "amount");
///  - in a complete split whose parts all print a %, the %s against 100 (no row, column
///    "percent"; printed is the sum of the printed %s).
/// Returns: the findings in part order, the split's own last.
/// Throws: overflow_error only for figures beyond int64 ratios.
[[nodiscard]] findings audit_savings_split(const printed_savings_split& split, rounding_mode mode);

/// Audits a printed savings table, every figure printed by `mode`: each row's total against
/// planned + carried forward (rule "row_total"), and the TOTAL row (`totals`, index
/// rows.size()) against the sums of the planned, carried-forward and total columns (rule
/// "sum") — its total is checked both ways, so it may have two findings. Each finding's
/// where.section is `section`, its row the directorate.
/// Returns: the findings in row order (the TOTAL row last), then column order.
/// Throws: overflow_error only for figures beyond int64 ratios.
[[nodiscard]] findings audit_savings_table(const std::vector<printed_savings_row>& rows,
                                           const printed_savings_row& totals, rounding_mode mode,
                                           const std::string& section = {});

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
/// Records one checked savings cell: agrees is counted, anything else stored.
inline void add_savings_cell(findings& out, cell_ref where, const char* rule, std::string printed,
                             std::string expected, verdict what,
                             std::optional<printed_interval> fits, std::string explanation = {}) {
    if (what == verdict::agrees) {
        out.tally(what);
        return;
    }
    finding f;
    f.where = std::move(where);
    f.rule = rule;
    f.printed = std::move(printed);
    f.fits = fits;
    f.expected = std::move(expected);
    f.verdict = what;
    f.explanation = std::move(explanation);
    out.add(std::move(f));
}
/// A printed figure against the exact value of a sum of printed figures, as audit_sum does:
/// `add(acc)` adds them to a ratio_sum (for the value) and to an interval_sum (for what fits,
/// only when the value does not round to the printed figure).
template <class Add>
void audit_savings_sum(findings& out, cell_ref where, const char* rule, decimal printed,
                       rounding_mode mode, const Add& add) {
    ratio_sum sum;  // exact: a running sum beyond a ratio is no error
    add([&sum](decimal d) { sum.add(d); });
    const ratio exact = sum.total();
    const decimal expected = exact.round(printed.places(), mode);
    if (expected == printed) {
        out.tally(verdict::agrees);
        return;
    }
    interval_sum range;
    add([&range, mode](decimal d) { range.add(printed_interval::of(d, mode)); });
    const printed_interval fits = range.total();
    add_savings_cell(out, std::move(where), rule, to_string(printed), to_string(expected),
                     verdict_of(printed, exact, fits, mode), fits);
}
inline cell_ref savings_cell(const std::string& section, std::string row,
                             std::optional<std::size_t> index, const char* column) {
    return cell_ref{section, std::move(row), column, index, std::nullopt};
}
}  // namespace detail

inline findings audit_savings_split(const printed_savings_split& split, rounding_mode mode) {
    findings out;
    const ratio hundred(100);
    const ratio total = ratio::from_decimal(split.total);
    std::size_t without_amount = 0, without_percent = 0;
    // The printed amounts, summed exactly; their intervals only when a check needs them.
    detail::ratio_sum amounts;
    for (const printed_savings_part& p : split.parts) {
        if (!p.percent) ++without_percent;
        if (!p.amount) {
            ++without_amount;
            continue;
        }
        amounts.add(*p.amount);
    }
    const ratio others = amounts.total();
    auto others_range = [&split, mode] {
        detail::interval_sum range;
        for (const printed_savings_part& p : split.parts) {
            if (p.amount) range.add(printed_interval::of(*p.amount, mode));
        }
        return range.total();
    };
    for (std::size_t i = 0; i < split.parts.size(); ++i) {
        const printed_savings_part& p = split.parts[i];
        if (!p.percent) continue;
        cell_ref where = detail::savings_cell(split.name, p.label, i, "percent");
        if (p.amount) {
            out.append(audit_share(*p.percent, *p.amount, split.total, mode, std::move(where)));
        } else if (split.complete && without_amount == 1) {
            // This part is the total less the others: 100 − 100 · others ÷ total, with the
            // total's true value shared by both terms.
            const std::string rest = "the total less the other parts";
            if (split.total == zero) {
                detail::add_savings_cell(out, std::move(where), "share", to_string(*p.percent), "",
                                         *p.percent == zero ? verdict::agrees : verdict::rounding,
                                         std::nullopt, rest + ", of a total printed as zero");
                continue;
            }
            const ratio exact = hundred - others / total * hundred;
            const decimal expected = exact.round(p.percent->places(), mode);
            verdict what = verdict::agrees;
            std::optional<printed_interval> fits;
            if (expected != *p.percent) {
                what = verdict::rounding;  // unbounded if the total may be near zero
                if (auto q = others_range().divided_by(printed_interval::of(split.total, mode))) {
                    fits = printed_interval::exactly(hundred) - q->scaled(hundred);
                    if (!printed_interval::of(*p.percent, mode).meets(*fits)) {
                        what = verdict::error;
                    }
                }
            }
            detail::add_savings_cell(out, std::move(where), "share", to_string(*p.percent),
                                     to_string(expected), what, fits, rest);
        }
    }
    if (split.complete && without_amount == 0 && !split.parts.empty()) {
        detail::audit_savings_sum(out, detail::savings_cell(split.name, "", std::nullopt, "amount"),
                                  "sum", split.total, mode, [&split](const auto& add) {
                                      for (const printed_savings_part& p : split.parts) {
                                          add(*p.amount);
                                      }
                                  });
    }
    if (split.complete && without_percent == 0 && !split.parts.empty()) {
        // The printed %s summed exactly, at the most places any of them has (the sum is then a
        // decimal exactly, so rounding it there changes nothing).
        detail::ratio_sum percents;
        int places = 0;
        for (const printed_savings_part& p : split.parts) {
            percents.add(*p.percent);
            if (p.percent->places() > places) places = p.percent->places();
        }
        const decimal sum = percents.total().round(places, rounding_mode::half_up);
        verdict what = verdict::agrees;
        std::optional<printed_interval> fits;
        if (sum != decimal::from_units(100, 0)) {
            detail::interval_sum range;
            for (const printed_savings_part& p : split.parts) {
                range.add(printed_interval::of(*p.percent, mode));
            }
            fits = range.total();
            what = fits->contains(hundred) ? verdict::rounding : verdict::error;
        }
        detail::add_savings_cell(out, detail::savings_cell(split.name, "", std::nullopt, "percent"),
                                 "percent_total", to_string(sum), "100", what, fits,
                                 "the printed %s add to " + to_string(sum) + ", not 100");
    }
    return out;
}

inline findings audit_savings_table(const std::vector<printed_savings_row>& rows,
                                    const printed_savings_row& totals, rounding_mode mode,
                                    const std::string& section) {
    findings out;
    auto row_total = [&](const printed_savings_row& r, std::size_t index) {
        detail::audit_savings_sum(out, detail::savings_cell(section, r.directorate, index, "total"),
                                  "row_total", r.total, mode, [&r](const auto& add) {
                                      add(r.planned);
                                      add(r.carried_forward);
                                  });
    };
    for (std::size_t i = 0; i < rows.size(); ++i) row_total(rows[i], i);
    const std::size_t n = rows.size();
    const struct {
        const char* column;
        decimal printed_savings_row::*cell;
    } columns[] = {{"planned", &printed_savings_row::planned},
                   {"carried_forward", &printed_savings_row::carried_forward},
                   {"total", &printed_savings_row::total}};
    for (const auto& c : columns) {
        detail::audit_savings_sum(out,
                                  detail::savings_cell(section, totals.directorate, n, c.column),
                                  "sum", totals.*c.cell, mode, [&rows, &c](const auto& add) {
                                      for (const printed_savings_row& r : rows) add(r.*c.cell);
                                  });
    }
    row_total(totals, n);
    return out;
}

}  // namespace bmm
