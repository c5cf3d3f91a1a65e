// bmm — trend: direction of travel (improving / stable / deteriorating) from figures and polarity.
//
//   compare(previous, current, polarity[, target][, stable])   one step
//   short_trend(h, m, pol)      m against the previous period in the history
//   year_on_year(h, m, pol)     m against the same month a year earlier
//   long_trend(h, m, n, pol)    m against the average of the n periods before it
//
// Higher is better: a rise improves; lower is better: a fall improves; close to target: moving
// nearer the target improves (it needs the target). A change within `stable` (an amber_band
// used as a tolerance: absolute, or relative to |previous|; none = only no change is stable) is
// stable. Everything is exact: the long-term average is compared as a ratio, never divided
// out. A trend that cannot be computed (no earlier period) is std::nullopt.
//
//   bmm::compare(bmm::decimal::parse("14"), bmm::decimal::parse("15"),
//                bmm::polarity::lower_is_better)           // direction::deteriorating
//   bmm::to_symbol(bmm::direction::improving)              // "↑"
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "decimal.hpp"
#include "detail/polarity.hpp"
#include "detail/sorted_map.hpp"
#include "error.hpp"
#include "period.hpp"
#include "ratio.hpp"

namespace bmm {

enum class direction : std::uint8_t { improving, stable, deteriorating };

/// Returns: "improving", "stable", "deteriorating".
[[nodiscard]] constexpr std::string_view to_string(direction d) noexcept {
    constexpr std::string_view names[3]{"improving", "stable", "deteriorating"};
    return names[static_cast<std::size_t>(d)];
}
/// Returns: "↑", "↔", "↓" (the outlook key of seed 004).
[[nodiscard]] constexpr std::string_view to_symbol(direction d) noexcept {
    constexpr std::string_view symbols[3]{"\xE2\x86\x91", "\xE2\x86\x94", "\xE2\x86\x93"};
    return symbols[static_cast<std::size_t>(d)];
}

/// Returns: the direction from `previous` to `current` (exact values).
/// Throws: invalid_argument for close_to_target without a target.
[[nodiscard]] inline direction compare(ratio previous, ratio current, polarity pol,
                                       std::optional<ratio> target = std::nullopt,
                                       amber_band stable = {}) {
    ratio gain;  // positive = better
    switch (pol) {
        case polarity::higher_is_better:
            gain = current - previous;
            break;
        case polarity::lower_is_better:
            gain = previous - current;
            break;
        case polarity::close_to_target: {
            if (!target) throw invalid_argument("a close-to-target trend needs the target");
            const ratio before = previous - *target, now = current - *target;
            gain = (before < zero ? -before : before) - (now < zero ? -now : now);
            break;
        }
    }
    const ratio magnitude = gain < zero ? -gain : gain;
    const auto band = stable.width_for(previous);
    if (magnitude == zero || (band && magnitude <= *band)) return direction::stable;
    return gain > zero ? direction::improving : direction::deteriorating;
}
/// As above, for decimals.
[[nodiscard]] inline direction compare(decimal previous, decimal current, polarity pol,
                                       std::optional<decimal> target = std::nullopt,
                                       amber_band stable = {}) {
    std::optional<ratio> t;
    if (target) t = ratio::from_decimal(*target);
    return compare(ratio::from_decimal(previous), ratio::from_decimal(current), pol, t, stable);
}

/// A measure's figures per fiscal month.
template <unsigned StartMonth = 4>
class value_history {
public:
    using month_type = fiscal_month<StartMonth>;
    /// Records (or replaces) the figure for m. Throws: invalid_argument for an invalid month.
    value_history& record(month_type m, decimal v) {
        if (!m.ok()) throw invalid_argument("a value history needs valid fiscal months");
        values_.insert_or_assign(m, v);
        return *this;
    }
    [[nodiscard]] std::optional<decimal> at(month_type m) const {
        const auto* e = values_.find(m);
        if (e == nullptr) return std::nullopt;
        return e->second;
    }
    /// Returns: up to n figures strictly before m, latest first.
    [[nodiscard]] std::vector<decimal> before(month_type m, std::size_t n) const {
        std::vector<decimal> out;
        std::size_t i = values_.lower_bound(m);
        while (i != 0 && out.size() < n) out.push_back(values_[--i].second);
        return out;
    }
    [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }

private:
    detail::sorted_map<month_type, decimal> values_;  ///< by month
};

/// Returns: m against the latest earlier figure, or std::nullopt without both.
template <unsigned S>
[[nodiscard]] std::optional<direction> short_trend(const value_history<S>& h, fiscal_month<S> m,
                                                   polarity pol,
                                                   std::optional<decimal> target = std::nullopt,
                                                   amber_band stable = {}) {
    const auto now = h.at(m);
    const auto prev = h.before(m, 1);
    if (!now || prev.empty()) return std::nullopt;
    return compare(prev.front(), *now, pol, target, stable);
}

/// Returns: m against the same fiscal month a year earlier, or std::nullopt without both.
template <unsigned S>
[[nodiscard]] std::optional<direction> year_on_year(const value_history<S>& h, fiscal_month<S> m,
                                                    polarity pol,
                                                    std::optional<decimal> target = std::nullopt,
                                                    amber_band stable = {}) {
    const auto now = h.at(m);
    const auto then = h.at(m - date::months{12});
    if (!now || !then) return std::nullopt;
    return compare(*then, *now, pol, target, stable);
}

/// Returns: m against the exact average of the n figures before it, or std::nullopt when fewer
/// than n exist. Throws: invalid_argument if n is 0.
template <unsigned S>
[[nodiscard]] std::optional<direction> long_trend(const value_history<S>& h, fiscal_month<S> m,
                                                  std::size_t n, polarity pol,
                                                  std::optional<decimal> target = std::nullopt,
                                                  amber_band stable = {}) {
    if (n == 0) throw invalid_argument("a long-term trend needs at least one earlier period");
    const auto now = h.at(m);
    const auto earlier = h.before(m, n);
    if (!now || earlier.size() < n) return std::nullopt;
    ratio sum;
    for (const decimal& d : earlier) sum += ratio::from_decimal(d);
    const ratio average = sum / ratio(static_cast<std::int64_t>(n));
    std::optional<ratio> t;
    if (target) t = ratio::from_decimal(*target);
    return compare(average, ratio::from_decimal(*now), pol, t, stable);
}

}  // namespace bmm
