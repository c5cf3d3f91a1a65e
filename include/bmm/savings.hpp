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
//                           (seed 003: 13.8 of 28.2 = 48.9%, printed "50%")
//
//   auto s = bmm::summarize(items);
//   bmm::achievement(s)->percent(1, bmm::rounding_mode::half_up);   // 48.9
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"
#include "money.hpp"
#include "period.hpp"
#include "ratio.hpp"
#include "summary.hpp"

namespace bmm {

enum class savings_status : std::uint8_t { delivered, expected, amber, red };

/// Returns: "delivered", "expected", "amber", "red".
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

/// Amounts per status.
template <class C>
struct savings_summary {
    std::array<money<C>, 4> by_status{};  ///< indexed by savings_status

    [[nodiscard]] money<C> operator[](savings_status s) const noexcept {
        return by_status[static_cast<std::size_t>(s)];
    }
    /// Returns: the sum of all statuses. Throws: overflow_error.
    [[nodiscard]] money<C> total() const {
        money<C> t;
        for (const money<C>& m : by_status) t = t + m;
        return t;
    }
    /// Returns: delivered + expected. Throws: overflow_error.
    [[nodiscard]] money<C> on_track() const {
        return (*this)[savings_status::delivered] + (*this)[savings_status::expected];
    }
    /// Returns: each status as a % of the total at `places`, adding to exactly 100 (largest
    /// remainder over the amounts in minor units).
    /// Throws: undefined_error for a zero total; invalid_argument for a negative amount.
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
/// Throws: invalid_argument for a negative amount (savings are positive); overflow_error.
template <class C, unsigned S>
[[nodiscard]] savings_summary<C> summarize(const std::vector<saving<C, S>>& items) {
    return detail::summarize_savings(items, std::optional<fiscal_year<S>>());
}
/// Returns: the amounts per status of the items planned for year `only`. Throws: as above.
template <class C, unsigned S>
[[nodiscard]] savings_summary<C> summarize(const std::vector<saving<C, S>>& items,
                                           fiscal_year<S> only) {
    return detail::summarize_savings(items, std::optional<fiscal_year<S>>(only));
}

template <class C, unsigned S>
savings_summary<C> detail::summarize_savings(const std::vector<saving<C, S>>& items,
                                             std::optional<fiscal_year<S>> only) {
    savings_summary<C> out;
    for (const auto& item : items) {
        if (item.amount < zero) {
            throw invalid_argument("a saving is a positive amount (\"" + item.description +
                                       "\": " + to_string(item.amount) + ")",
                                   item.description);
        }
        if (only && item.year != *only) continue;
        auto& slot = out.by_status[static_cast<std::size_t>(item.status)];
        slot = slot + item.amount;
    }
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
template <class C>
[[nodiscard]] std::optional<ratio> achievement(const savings_summary<C>& s) {
    return ratio_of(s.on_track(), s.total());
}

}  // namespace bmm
