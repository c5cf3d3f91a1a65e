// bmm — savings: planned savings, their delivery status, the "achievement of planned savings"
// measure, and the audit of printed savings paragraphs and tables.
//
//   saving<C>               directorate, description, amount (a positive saving), the financial
//                           year it was planned for, carried forward from an earlier year or new,
//                           and its status: delivered, expected (green), amber (at risk), red
//                           (not deliverable)
//   summarize(items)        amounts per status; total; shares that add to exactly 100%
//   by_directorate(items)   the same per directorate, in name order
//   achievement(summary)    (delivered + expected) ÷ total: the KPI rated against its target
//                           (seed 003: 13.8 of 28.2 = 48.9%, printed "50%"); rate it with
//                           bmm::rater(target, policy)(*achievement(s) * 100) (bmm/rag.hpp)
//   audit_savings_split(p)  a printed split of a total ("£13.8m (50%) ... £11.3m ... £3.1m" of
//                           £28.2m): each printed % against its amount and the total (a part
//                           printed without an amount is the total less the others), the
//                           amounts against the total, the %s against 100
//   audit_savings_table(t)  a printed table of planned + carried forward = total per directorate,
//                           and its TOTAL row against the column sums
// Printed figures stand for their rounding intervals (bmm/finding.hpp), so each difference is a
// rounding effect or an error, never guessed.
//
//   auto s = bmm::summarize(items);
//   bmm::achievement(s)->percent(1, bmm::rounding_mode::half_up);   // 48.9
//   bmm::audit_savings_split({"¶77", d("28.2"), {{"on track", d("13.8"), d("50")},
//                             {"amber", d("11.3"), {}}, {"red", d("3.1"), {}}}});
//                             // one error: 50% printed, 49% computed (48.9% at 1 dp)
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decimal.hpp"
#include "detail/exact_sum.hpp"
#include "detail/percentages.hpp"
#include "error.hpp"
#include "finding.hpp"
#include "money.hpp"
#include "period.hpp"
#include "ratio.hpp"

namespace bmm {

enum class savings_status : std::uint8_t { delivered, expected, amber, red };

/// Returns: "delivered", "expected", "amber", "red". Throws: nothing. Requires: s is an
/// enumerator.
[[nodiscard]] constexpr std::string_view to_string(savings_status s) noexcept {
    constexpr std::array<std::string_view, 4> names{"delivered", "expected", "amber", "red"};
    return names[static_cast<std::size_t>(s)];
}

/// One planned saving.
template <class C, unsigned S = 4>
struct saving {
    std::string directorate;
    std::string description;
    money<C> amount;  ///< the saving, positive (reports often print savings negative: negate)
    fiscal_year<S> year;
    bool carried_forward = false;  ///< planned for an earlier year and not yet achieved
    savings_status status = savings_status::expected;
};

namespace detail {
/// The exact sum `t` of minor units as money. Throws: overflow_error if it is out of range.
template <class C>
money<C> savings_total(const int_sum& t) {
    if (!t.fits()) {
        throw overflow_error("a total of savings is out of the range of " + std::string(C::code) +
                             " money");
    }
    return money<C>::from_minor_units(static_cast<std::int64_t>(t.value()));
}

}  // namespace detail

/// Amounts per status.
template <class C>
struct savings_summary {
    std::array<money<C>, 4> by_status{};  ///< indexed by savings_status

    /// Returns: the amount of status s. Throws: nothing. Requires: s is an enumerator.
    [[nodiscard]] money<C> operator[](savings_status s) const noexcept {
        return by_status[static_cast<std::size_t>(s)];
    }
    /// Returns: the sum of all statuses, exactly (a running sum beyond the range on the way to a
    /// total that fits is no error). Throws: overflow_error if the total is out of the range of
    /// money. Requires: nothing.
    [[nodiscard]] money<C> total() const {
        detail::int_sum t;
        for (const money<C>& m : by_status) t.add(m.in_minor_units());
        return detail::savings_total<C>(t);
    }
    /// Returns: delivered + expected. Throws: overflow_error. Requires: nothing.
    [[nodiscard]] money<C> on_track() const {
        return (*this)[savings_status::delivered] + (*this)[savings_status::expected];
    }
    /// Returns: each status as a % of the total at `places`, adding to exactly 100 (largest
    /// remainder over the amounts in minor units).
    /// Throws: undefined_error for a zero total; invalid_argument for a negative amount or
    /// places outside 0..6; overflow_error if the amounts sum beyond int64.
    /// Requires: nothing.
    [[nodiscard]] std::array<decimal, 4> shares(int places = 0) const {
        std::vector<std::int64_t> v;
        for (const money<C>& m : by_status) v.push_back(m.in_minor_units());
        const auto p = percentages(v, places);
        return {p[0], p[1], p[2], p[3]};
    }
};

namespace detail {
template <class C, unsigned S>
savings_summary<C> summarize_savings(const std::vector<saving<C, S>>& items,
                                     std::optional<fiscal_year<S>> only);
}  // namespace detail

/// Returns: the amounts per status of `items`.
/// Throws: invalid_argument naming the item for a negative amount (savings are positive);
/// overflow_error. Requires: nothing.
template <class C, unsigned S>
[[nodiscard]] savings_summary<C> summarize(const std::vector<saving<C, S>>& items) {
    return detail::summarize_savings(items, std::optional<fiscal_year<S>>());
}
/// Returns: the amounts per status of the items planned for year `only` (every item's amount is
/// still checked). Throws: as above. Requires: nothing.
template <class C, unsigned S>
[[nodiscard]] savings_summary<C> summarize(const std::vector<saving<C, S>>& items,
                                           fiscal_year<S> only) {
    return detail::summarize_savings(items, std::optional<fiscal_year<S>>(only));
}

template <class C, unsigned S>
savings_summary<C> detail::summarize_savings(const std::vector<saving<C, S>>& items,
                                             std::optional<fiscal_year<S>> only) {
    std::array<int_sum, 4> sums{};  // exact: only a status total beyond the range overflows
    for (const auto& item : items) {
        if (item.amount < zero) {
            throw invalid_argument("a saving is a positive amount (\"" + item.description +
                                       "\": " + to_string(item.amount) + ")",
                                   item.description);
        }
        if (only && item.year != *only) continue;
        sums[static_cast<std::size_t>(item.status)].add(item.amount.in_minor_units());
    }
    savings_summary<C> out;
    for (std::size_t k = 0; k < sums.size(); ++k) out.by_status[k] = savings_total<C>(sums[k]);
    return out;
}

/// Returns: summaries per directorate, in name order. Throws: as summarize(). Requires: nothing.
template <class C, unsigned S>
[[nodiscard]] std::map<std::string, savings_summary<C>> by_directorate(
    const std::vector<saving<C, S>>& items) {
    std::map<std::string, std::vector<saving<C, S>>> groups;
    for (const auto& item : items) groups[item.directorate].push_back(item);
    std::map<std::string, savings_summary<C>> out;
    for (const auto& [name, group] : groups) out.emplace(name, summarize(group));
    return out;
}

/// Returns: (delivered + expected) ÷ total, exactly; std::nullopt for no planned savings.
/// Throws: overflow_error if the amounts sum beyond int64. Requires: nothing.
template <class C>
[[nodiscard]] std::optional<ratio> achievement(const savings_summary<C>& s) {
    return ratio_of(s.on_track(), s.total());
}

// ---------------------------------------------------------------------------------------------
// Printed savings figures, audited

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
    std::string name;  ///< where it is printed, e.g. "seed 003 ¶82"
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

/// A checked cell of a printed savings split or table.
enum class savings_column : std::uint8_t { amount, percent, planned, carried_forward, total };

/// Returns: "amount", "percent", "planned", "carried_forward", "total". Throws: nothing.
/// Requires: c is an enumerator.
[[nodiscard]] constexpr std::string_view to_string(savings_column c) noexcept {
    constexpr std::array<std::string_view, 5> names{"amount", "percent", "planned",
                                                    "carried_forward", "total"};
    return names[static_cast<std::size_t>(c)];
}

/// A printed savings figure that differs from the value recomputed from the printed figures.
struct savings_finding {
    /// The row of a split that is the split as a whole (its amounts' sum, its %s' sum).
    static constexpr std::size_t whole = static_cast<std::size_t>(-1);

    std::size_t row = 0;  ///< the part or table row (the TOTAL row is rows.size()), or `whole`
    savings_column column = savings_column::percent;
    decimal published;  ///< the printed figure (for the %s' sum: the sum of the printed %s)
    decimal computed;   ///< from the printed figures, at the published figure's places
    finding_class what = finding_class::rounding;
};

/// The findings of a savings audit, with the number of printed cells it recomputed.
struct savings_audit {
    std::vector<savings_finding> findings;
    std::size_t cells_checked = 0;
    /// Returns: how many findings are of class c. Throws: nothing. Requires: nothing.
    [[nodiscard]] std::size_t count(finding_class c) const noexcept {
        std::size_t n = 0;
        for (const savings_finding& f : findings) n += f.what == c ? 1 : 0;
        return n;
    }
    /// Returns: count(finding_class::error). Throws: nothing. Requires: nothing.
    [[nodiscard]] std::size_t errors() const noexcept { return count(finding_class::error); }
};

/// Audits a printed split of a savings total, every figure printed by `mode`:
///  - each part's printed % against its printed amount ÷ the total (seed 003 ¶77: £13.8m of
///    £28.2m is 48.9%, printed 50%: an error); a part of a complete split printed without an
///    amount, when it is the only one, against (total − the other amounts) ÷ total (¶82: 51% of
///    £3.4m beside £0.9m and £0.8m: 50%, a rounding effect); other %s without an amount are
///    checked only through the sum of the %s;
///  - in a complete split whose parts all print an amount, the amounts against the total (row
///    savings_finding::whole, column amount);
///  - in a complete split whose parts all print a %, the %s against 100 (row whole, column
///    percent; published is the sum of the printed %s).
/// Returns: the findings in part order, the split's own last.
/// Throws: overflow_error only for figures beyond int64 ratios.
/// Requires: mode is an enumerator.
[[nodiscard]] savings_audit audit_savings_split(const printed_savings_split& split,
                                                rounding_mode mode = rounding_mode::half_up);

/// Audits a printed savings table, every figure printed by `mode`: each row's total against
/// planned + carried forward, and the TOTAL row (`totals`, reported as row rows.size()) against
/// the sums of the planned, carried-forward and total columns — its total is checked both ways,
/// so it may have two findings.
/// Returns: the findings in row order (the TOTAL row last), then column order.
/// Throws: overflow_error only for figures beyond int64 ratios.
/// Requires: mode is an enumerator.
[[nodiscard]] savings_audit audit_savings_table(const std::vector<printed_savings_row>& rows,
                                                const printed_savings_row& totals,
                                                rounding_mode mode = rounding_mode::half_up);

// ---------------------------------------------------------------------------------------------
// Implementation of the savings audit

namespace detail {
inline void add_savings_finding(savings_audit& out, std::size_t row, savings_column col,
                                decimal published, ratio exact, rounding_mode mode,
                                std::optional<finding_class> what) {
    ++out.cells_checked;
    if (what) {
        out.findings.push_back(
            savings_finding{row, col, published, exact.round(published.places(), mode), *what});
    }
}
/// The member `col` of rows[0..n) summed exactly into `exact`, then audited against `printed`
/// as audit_sum does (without building a vector of the column). Throws: overflow_error only
/// for figures beyond int64 ratios.
inline std::optional<finding_class> audit_savings_sum(const printed_savings_row* rows,
                                                      std::size_t n,
                                                      decimal printed_savings_row::*col,
                                                      decimal printed, rounding_mode mode,
                                                      ratio& exact) {
    ratio_sum sum;  // exact: a running sum beyond a ratio is no error
    for (std::size_t i = 0; i < n; ++i) sum.add(rows[i].*col);
    exact = sum.total();
    if (exact.round(printed.places(), mode) == printed) return std::nullopt;
    interval_sum range;
    for (std::size_t i = 0; i < n; ++i) range.add(printed_interval::of(rows[i].*col, mode));
    return audit_derived(printed, exact, range.total(), mode);
}
/// A row's total against its planned + carried forward, as audit_sum does. Throws: as above.
inline std::optional<finding_class> audit_savings_row(const printed_savings_row& r,
                                                      rounding_mode mode, ratio& exact) {
    ratio_sum sum;
    sum.add(r.planned);
    sum.add(r.carried_forward);
    exact = sum.total();
    if (exact.round(r.total.places(), mode) == r.total) return std::nullopt;
    interval_sum range;
    range.add(printed_interval::of(r.planned, mode));
    range.add(printed_interval::of(r.carried_forward, mode));
    return audit_derived(r.total, exact, range.total(), mode);
}
}  // namespace detail

inline savings_audit audit_savings_split(const printed_savings_split& split, rounding_mode mode) {
    savings_audit out;
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
        if (p.amount) {
            const ratio exact =
                split.total == zero ? ratio() : ratio::from_decimal(*p.amount) / total * hundred;
            detail::add_savings_finding(out, i, savings_column::percent, *p.percent, exact, mode,
                                        audit_share(*p.amount, split.total, *p.percent, mode));
        } else if (split.complete && without_amount == 1) {
            // This part is the total less the others: 100 − 100 · others ÷ total, with the
            // total's true value shared by both terms.
            if (split.total == zero) {
                detail::add_savings_finding(
                    out, i, savings_column::percent, *p.percent, ratio(), mode,
                    *p.percent == zero ? std::nullopt : std::optional(finding_class::rounding));
                continue;
            }
            const ratio exact = hundred - others / total * hundred;
            std::optional<finding_class> what;
            if (exact.round(p.percent->places(), mode) != *p.percent) {
                what = finding_class::rounding;  // unbounded if the total may be near zero
                if (auto q = others_range().divided_by(printed_interval::of(split.total, mode))) {
                    const printed_interval range =
                        printed_interval::exactly(hundred) - q->scaled(hundred);
                    if (!printed_interval::of(*p.percent, mode).meets(range)) {
                        what = finding_class::error;
                    }
                }
            }
            detail::add_savings_finding(out, i, savings_column::percent, *p.percent, exact, mode,
                                        what);
        }
    }
    if (split.complete && without_amount == 0 && !split.parts.empty()) {
        std::optional<finding_class> what;
        if (others.round(split.total.places(), mode) != split.total) {
            what = audit_derived(split.total, others, others_range(), mode);
        }
        detail::add_savings_finding(out, savings_finding::whole, savings_column::amount,
                                    split.total, others, mode, what);
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
        std::optional<finding_class> what;
        if (sum != decimal::from_units(100, 0)) {
            detail::interval_sum range;
            for (const printed_savings_part& p : split.parts) {
                range.add(printed_interval::of(*p.percent, mode));
            }
            what = range.total().contains(hundred) ? finding_class::rounding : finding_class::error;
        }
        detail::add_savings_finding(out, savings_finding::whole, savings_column::percent, sum,
                                    hundred, mode, what);
    }
    return out;
}

inline savings_audit audit_savings_table(const std::vector<printed_savings_row>& rows,
                                         const printed_savings_row& totals, rounding_mode mode) {
    savings_audit out;
    ratio exact;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto what = detail::audit_savings_row(rows[i], mode, exact);
        detail::add_savings_finding(out, i, savings_column::total, rows[i].total, exact, mode,
                                    what);
    }
    const std::size_t n = rows.size();
    const struct {
        savings_column column;
        decimal printed_savings_row::*cell;
    } columns[] = {{savings_column::planned, &printed_savings_row::planned},
                   {savings_column::carried_forward, &printed_savings_row::carried_forward},
                   {savings_column::total, &printed_savings_row::total}};
    for (const auto& c : columns) {
        const auto what =
            detail::audit_savings_sum(rows.data(), n, c.cell, totals.*c.cell, mode, exact);
        detail::add_savings_finding(out, n, c.column, totals.*c.cell, exact, mode, what);
    }
    const auto what = detail::audit_savings_row(totals, mode, exact);
    detail::add_savings_finding(out, n, savings_column::total, totals.total, exact, mode, what);
    return out;
}

}  // namespace bmm
