// bmm — audit/summary: a printed summary row against the statuses it summarises.
//
// "27 61% | 6 14% | 4 9% | 7 16% | 44": each count (rule "count") against the actual count — a
// count that differs is an error, counts are exact — and each printed % (rule "share") against
// the exact share count ÷ total × 100 of the actual counts, for the mode the row is printed by:
//  - it agrees when the exact share lies in its printed interval for that mode (12.5% printed
//    "12" agrees under half_down and half_even, not under half_up);
//  - it is a rounding effect when it is still the exact share rounded at its places, down or up
//    (strictly within one printed unit), as another per-cell mode or a total-preserving
//    largest-remainder row prints it (seed 003 Table 2, April: 4 of 32 is 12.5%, printed "12");
//  - it is an error otherwise (27 of 45 is exactly 60%, so a printed "61" is no rounding of it).
// Each finding's where.column is "green", "amber", "red", "unrated" or "total"; the rest of
// where is the `row` given.
//
//   bmm::audit_summary({27, 6, 4, 7}, 44, {d("61"), d("14"), d("9"), d("16")},
//                      bmm::count(statuses), bmm::rounding_mode::half_up);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "../decimal.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "../summary.hpp"
#include "finding.hpp"
#include "interval.hpp"

namespace bmm {

/// Audits a printed summary row against `actual` counts (see the header comment): the counts
/// (green, amber, red, unrated), the total, then the percentages; `printed_percent` cells may be
/// absent (std::nullopt); with an actual total of zero no percentage is checked. `mode` is how
/// the printed %s were rounded, cell by cell.
/// Returns: the findings in that order (counts and agreeing %s counted, not stored).
/// Throws: overflow_error only (an actual total beyond int64, or a share × 100 that does not fit
/// an exact ratio).
[[nodiscard]] inline findings audit_summary(
    const rag_counts& printed, std::int64_t printed_total,
    const std::array<std::optional<decimal>, 4>& printed_percent, const rag_counts& actual,
    rounding_mode mode, const cell_ref& row = {}) {
    constexpr const char* columns[] = {"green", "amber", "red", "unrated", "total"};
    findings out;
    auto add = [&](std::size_t column, const char* rule, std::string shown, std::string expected,
                   verdict v, std::optional<printed_interval> fits) {
        finding f;
        f.where = row;
        f.where.column = columns[column];
        f.rule = rule;
        f.printed = std::move(shown);
        f.fits = fits;
        f.expected = std::move(expected);
        f.verdict = v;
        out.add(std::move(f));
    };
    const auto p = printed.cells(), a = actual.cells();
    for (std::size_t i = 0; i < 4; ++i) {
        if (p[i] == a[i]) {
            out.tally(verdict::agrees);
        } else {
            add(i, "count", std::to_string(p[i]), std::to_string(a[i]), verdict::error,
                printed_interval::exactly(ratio(a[i])));
        }
    }
    const std::int64_t total = actual.total();
    if (printed_total == total) {
        out.tally(verdict::agrees);
    } else {
        add(4, "count", std::to_string(printed_total), std::to_string(total), verdict::error,
            printed_interval::exactly(ratio(total)));
    }
    if (total == 0) return out;
    for (std::size_t i = 0; i < 4; ++i) {
        if (!printed_percent[i]) continue;
        const decimal pp = *printed_percent[i];
        const ratio exact = ratio(a[i], total) * ratio(100);
        if (printed_interval::of(pp, mode).contains(exact)) {
            out.tally(verdict::agrees);
            continue;
        }
        const bool a_rounding = printed_interval::of(pp, rounding_mode::floor).contains(exact) ||
                                printed_interval::of(pp, rounding_mode::ceiling).contains(exact);
        add(i, "share", to_string(pp), to_string(exact.round(pp.places(), mode)),
            a_rounding ? verdict::rounding : verdict::error, printed_interval::exactly(exact));
    }
    return out;
}

}  // namespace bmm
