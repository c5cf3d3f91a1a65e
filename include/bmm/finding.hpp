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
#include <vector>

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

/// The set of true values a printed figure may stand for: [lo, hi] with each end open or closed.
struct printed_interval {
    ratio lo, hi;
    bool lo_closed = true, hi_closed = true;

    /// Returns: the values that `mode` rounds to `x` at x's places. For the half modes the ends
    /// are exact (half_up: 2.2 stands for [2.15, 2.25), -0.7 for (-0.75, -0.65]); for the
    /// directed modes the closed interval x ± half a unit is used.
    [[nodiscard]] static printed_interval of(decimal x, rounding_mode mode) {
        const ratio c = ratio::from_decimal(x), h = detail::half_unit(x);
        printed_interval r{c - h, c + h, true, true};
        const ratio up = c + h, down = c - h;
        const bool even = x.units() % 2 == 0;
        switch (mode) {
            case rounding_mode::half_up:  // ties away from zero
                r.hi_closed = up < zero;
                r.lo_closed = down > zero;
                break;
            case rounding_mode::half_down:  // ties toward zero
                r.hi_closed = up > zero;
                r.lo_closed = down < zero;
                break;
            case rounding_mode::half_even:
                r.hi_closed = r.lo_closed = even;
                break;
            default:
                break;
        }
        return r;
    }
    /// The exact value: a closed point.
    [[nodiscard]] static printed_interval exactly(ratio v) { return {v, v, true, true}; }

    friend printed_interval operator+(const printed_interval& a, const printed_interval& b) {
        return {a.lo + b.lo, a.hi + b.hi, a.lo_closed && b.lo_closed, a.hi_closed && b.hi_closed};
    }
    friend printed_interval operator-(const printed_interval& a) {
        return {-a.hi, -a.lo, a.hi_closed, a.lo_closed};
    }
    friend printed_interval operator-(const printed_interval& a, const printed_interval& b) {
        return a + (-b);
    }
    /// Returns: true when the two sets share a value.
    [[nodiscard]] bool meets(const printed_interval& o) const {
        const bool lo_from_this = lo > o.lo || (lo == o.lo && !lo_closed);
        const ratio l = lo > o.lo ? lo : o.lo;
        const bool l_closed =
            lo == o.lo ? (lo_closed && o.lo_closed) : (lo_from_this ? lo_closed : o.lo_closed);
        const ratio h = hi < o.hi ? hi : o.hi;
        const bool h_closed =
            hi == o.hi ? (hi_closed && o.hi_closed) : (hi < o.hi ? hi_closed : o.hi_closed);
        return l < h || (l == h && l_closed && h_closed);
    }
};

/// Checks a printed figure that should equal a sum (or difference) of printed figures:
/// std::nullopt when the printed inputs' exact result rounds to it; rounding when true values
/// inside the inputs' intervals can give it; error otherwise. `computed` is the interval of the
/// result (e.g. printed_interval::of(a) + printed_interval::of(b)).
[[nodiscard]] inline std::optional<finding_class> audit_derived(
    decimal printed, ratio exact, const printed_interval& computed,
    rounding_mode mode = rounding_mode::half_up) {
    if (exact.round(printed.places(), mode) == printed) return std::nullopt;
    return printed_interval::of(printed, mode).meets(computed)
               ? std::optional(finding_class::rounding)
               : std::optional(finding_class::error);
}

/// Checks a printed total against its printed parts (see audit_derived): seed 003's waste table
/// prints 2022/23 tonnages 159,420 + 103,163 + 8,108 with the total 281,024 (an error: they sum
/// to 270,691).
[[nodiscard]] inline std::optional<finding_class> audit_sum(
    const std::vector<decimal>& parts, decimal printed_total,
    rounding_mode mode = rounding_mode::half_up) {
    ratio exact;
    printed_interval range = printed_interval::exactly(ratio());
    for (const decimal& p : parts) {
        exact += ratio::from_decimal(p);
        range = range + printed_interval::of(p, mode);
    }
    return audit_derived(printed_total, exact, range, mode);
}

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
