// bmm — savings: planned savings, their delivery status, and the "achievement of planned
// savings" measure.
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
// (bmm/audit/savings.hpp audits printed savings paragraphs and tables.)
//
//   auto s = bmm::summarize(items);
//   bmm::achievement(s)->percent(1, bmm::rounding_mode::half_up);   // 48.9
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
#include "money.hpp"
#include "period.hpp"
#include "ratio.hpp"

namespace bmm {

enum class savings_status : std::uint8_t { delivered, expected, amber, red };

/// Returns: "delivered", "expected", "amber", "red". Requires: s is an
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

    /// Returns: the amount of status s. Requires: s is an enumerator.
    [[nodiscard]] money<C> operator[](savings_status s) const noexcept {
        return by_status[static_cast<std::size_t>(s)];
    }
    /// Returns: the sum of all statuses, exactly (a running sum beyond the range on the way to a
    /// total that fits is no error). Throws: overflow_error if the total is out of the range of
    /// money.
    [[nodiscard]] money<C> total() const {
        detail::int_sum t;
        for (const money<C>& m : by_status) t.add(m.in_minor_units());
        return detail::savings_total<C>(t);
    }
    /// Returns: delivered + expected. Throws: overflow_error.
    [[nodiscard]] money<C> on_track() const {
        return (*this)[savings_status::delivered] + (*this)[savings_status::expected];
    }
    /// Returns: each status as a % of the total at `places`, adding to exactly 100 (largest
    /// remainder over the amounts in minor units).
    /// Throws: undefined_error for a zero total; invalid_argument for a negative amount or
    /// places outside 0..6; overflow_error if the amounts sum beyond int64.
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
/// overflow_error.
template <class C, unsigned S>
[[nodiscard]] savings_summary<C> summarize(const std::vector<saving<C, S>>& items) {
    return detail::summarize_savings(items, std::optional<fiscal_year<S>>());
}
/// Returns: the amounts per status of the items planned for year `only` (every item's amount is
/// still checked). Throws: as above.
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

/// Returns: summaries per directorate, in name order. Throws: as summarize().
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
/// Throws: overflow_error if the amounts sum beyond int64.
template <class C>
[[nodiscard]] std::optional<ratio> achievement(const savings_summary<C>& s) {
    return ratio_of(s.on_track(), s.total());
}

}  // namespace bmm
