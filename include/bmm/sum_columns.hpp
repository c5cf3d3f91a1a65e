// bmm — sum columns: exact sums of whole columns by group, and the totals of a table's hierarchy,
// equal to bmm::sum of the same amounts (bmm/sum.hpp) and to budget_table's totals.
//
//   sums_by_group(amounts, group, sums)     sums[g] = the exact sum of every amounts[i] with
//                                           group[i] == g (zero for a group with none)
//   hierarchy_totals(levels, amounts, out)  a table in print order: level 0 a line, k >= 1 a
//                                           total of the rows after the previous row of level
//                                           >= k not already inside a lower total (budget_table's
//                                           rule); out[i] is the line's amount or the total
//
//   std::vector<bmm::gbp> spend = ...;             // one per transaction
//   std::vector<std::uint32_t> cost_centre = ...;  // 0 .. 499
//   std::vector<bmm::gbp> by_centre(500);
//   bmm::sums_by_group(spend, cost_centre, by_centre);
//
// Every sum is exact: on int64 with each add checked, a group that overflows is summed again on
// a 128-bit accumulator (bmm::money_accumulator), so only a total that does not fit money is an
// error, never a running sum on the way to one that does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "column.hpp"
#include "detail/checked.hpp"
#include "error.hpp"
#include "money.hpp"
#include "sum.hpp"

namespace bmm {

/// Writes sums[g] = the exact sum of the amounts of group g, for every g < sums.size().
/// Throws: invalid_argument when amounts and group differ in length, or for a group index not
/// below sums.size() (naming the line, 0-based); overflow_error naming the group whose sum does
/// not fit money. (sums is then partly written.)
template <class C>
void sums_by_group(column_view<money<C>> amounts, column_view<std::uint32_t> group,
                   column_span<money<C>> sums);

/// Writes out[i] = amounts[i] for a line (levels[i] == 0) and the exact sum of its members for a
/// total (levels[i] = k >= 1: see the header comment); a total's own entry in amounts is not
/// read. The same totals as budget_table::add_total on the same rows.
/// Throws: invalid_argument when the columns differ in length, for a negative level or a total
/// with nothing to sum (naming the row, 0-based); overflow_error naming the total whose sum does
/// not fit money. (out is then partly written.)
template <class C>
void hierarchy_totals(column_view<int> levels, column_view<money<C>> amounts,
                      column_span<money<C>> out);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
template <class C>
money<C> group_total(const money_accumulator<C>& acc, std::size_t g) {
    try {
        return acc.total();
    } catch (const overflow_error&) {
        throw overflow_error("the sum of group " + std::to_string(g) + " (" +
                             acc.total_minor_units_text() + " minor units) does not fit " +
                             std::string(C::code) + " money");
    }
}
}  // namespace detail

template <class C>
void sums_by_group(column_view<money<C>> amounts, column_view<std::uint32_t> group,
                   column_span<money<C>> sums) {
    detail::check_same_size(amounts.size(), group.size(), "the amount and group columns");
    const std::size_t n = amounts.size(), groups = sums.size();
    std::vector<std::int64_t> narrow(groups, 0);
    bool overflowed = false;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t g = group[i];
        if (BMM_UNLIKELY(g >= groups)) {
            throw invalid_argument("line " + std::to_string(i) + " is in group " +
                                       std::to_string(g) + " of " + std::to_string(groups),
                                   std::to_string(g));
        }
        overflowed |= detail::add_overflow(narrow[g], amounts[i].in_minor_units(), &narrow[g]);
    }
    if (BMM_LIKELY(!overflowed)) {
        for (std::size_t g = 0; g < groups; ++g) sums[g] = money<C>::from_minor_units(narrow[g]);
        return;
    }
    // A running sum left int64: everything again on the escalating accumulator.
    std::vector<money_accumulator<C>> wide(groups);
    for (std::size_t i = 0; i < n; ++i) wide[group[i]] += amounts[i];
    for (std::size_t g = 0; g < groups; ++g) sums[g] = detail::group_total(wide[g], g);
}

template <class C>
void hierarchy_totals(column_view<int> levels, column_view<money<C>> amounts,
                      column_span<money<C>> out) {
    detail::check_same_size(levels.size(), amounts.size(), "the level and amount columns");
    detail::check_same_size(levels.size(), out.size(), "the level and total columns");
    struct pending {
        int level;
        money<C> amount;
    };
    std::vector<pending> stack;  // the rows a later total may still sum, in print order
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const int level = levels[i];
        if (level < 0) {
            throw invalid_argument(
                "row " + std::to_string(i) + " has the negative level " + std::to_string(level),
                std::to_string(level));
        }
        if (level == 0) {
            out[i] = amounts[i];
            stack.push_back({0, amounts[i]});
            continue;
        }
        money_accumulator<C> acc;
        std::size_t members = 0;
        while (!stack.empty() && stack.back().level < level) {
            acc += stack.back().amount;
            stack.pop_back();
            ++members;
        }
        if (members == 0) {
            throw invalid_argument("the total in row " + std::to_string(i) + " has nothing to sum");
        }
        try {
            out[i] = acc.total();
        } catch (const overflow_error&) {
            throw overflow_error("the total in row " + std::to_string(i) + " (" +
                                 acc.total_minor_units_text() + " minor units) does not fit " +
                                 std::string(C::code) + " money");
        }
        stack.push_back({level, out[i]});
    }
}

}  // namespace bmm
