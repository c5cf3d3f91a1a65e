// bmm — finding: how a printed figure relates to the value recomputed from its printed inputs.
//
//   finding_class::rounding   some true values inside the printed inputs' rounding intervals
//                             give the printed figure: a rounding effect, not a mistake
//   finding_class::sign       it holds only under the other sign convention
//   finding_class::error      no values inside the intervals give it
//
//   bmm::audit_share(bmm::decimal::parse("13.8"), bmm::decimal::parse("28.2"),
//                    bmm::decimal::parse("50"));   // finding_class::error: 48.7%..49.2%
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "decimal.hpp"
#include "ratio.hpp"
#include "rounding.hpp"
#include "zero.hpp"

namespace bmm {

enum class finding_class : std::uint8_t { rounding, sign, error };

/// Returns: "rounding", "sign", "error".
[[nodiscard]] constexpr std::string_view to_string(finding_class c) noexcept {
    constexpr std::array<std::string_view, 3> names{"rounding", "sign", "error"};
    return names[static_cast<std::size_t>(c)];
}

namespace detail {
/// Half the last printed digit: the half-width of the interval a printed figure stands for.
[[nodiscard]] inline ratio half_unit(decimal d) {
    std::int64_t p = 2;
    for (int i = 0; i < d.places(); ++i) p *= 10;  // places <= 18: 2·10^18 fits
    return ratio(1, p);
}
[[nodiscard]] inline ratio abs_ratio(ratio r) { return r < zero ? -r : r; }
}  // namespace detail

/// Checks a printed percentage share against its printed part and whole ("£13.8m (50%) of
/// £28.2m"): std::nullopt when part ÷ whole rounds (by `mode`) to the printed figure; rounding
/// when some values inside the printed figures' intervals give it; error otherwise. A whole
/// whose interval contains zero allows any share (rounding).
/// Throws: overflow_error only for figures beyond int64 ratios.
[[nodiscard]] inline std::optional<finding_class> audit_share(
    decimal part, decimal whole, decimal printed_percent,
    rounding_mode mode = rounding_mode::half_up) {
    const ratio p0 = ratio::from_decimal(part), hp = detail::half_unit(part);
    const ratio w0 = ratio::from_decimal(whole), hw = detail::half_unit(whole);
    if (detail::abs_ratio(w0) <= hw) {
        return printed_percent == zero ? std::nullopt : std::optional(finding_class::rounding);
    }
    const ratio exact = p0 / w0 * ratio(100);
    if (exact.round(printed_percent.places(), mode) == printed_percent) return std::nullopt;
    const std::array<ratio, 4> corners{(p0 - hp) / (w0 - hw), (p0 - hp) / (w0 + hw),
                                       (p0 + hp) / (w0 - hw), (p0 + hp) / (w0 + hw)};
    ratio lo = corners[0], hi = corners[0];
    for (const ratio& c : corners) {
        if (c < lo) lo = c;
        if (c > hi) hi = c;
    }
    lo = lo * ratio(100);
    hi = hi * ratio(100);
    const ratio pp = ratio::from_decimal(printed_percent), h = detail::half_unit(printed_percent);
    return (pp + h < lo || pp - h > hi) ? finding_class::error : finding_class::rounding;
}

}  // namespace bmm
