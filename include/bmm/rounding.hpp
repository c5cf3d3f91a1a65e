// bmm — rounding: the named rounding modes every inexact step in bmm must choose from.
//
// No bmm operation rounds silently. An exact result that has more precision than its target
// (money × rate, a ratio to N decimal places, a figure shown in £m) is rounded only by a call
// that names one of these modes:
//
//   mode             2.5   -2.5   2.4   -2.6   |  what it means
//   half_up           3     -3     2     -3    |  nearest; ties away from zero (Excel's ROUND)
//   half_down         2     -2     2     -3    |  nearest; ties toward zero
//   half_even         2     -2     2     -3    |  nearest; ties to the even neighbour (banker's)
//   toward_zero       2     -2     2     -2    |  truncate
//   away_from_zero    3     -3     3     -3    |
//   floor             2     -3     2     -3    |  toward -infinity
//   ceiling           3     -2     3     -2    |  toward +infinity
//
// "half up" is symmetric (ties go away from zero for negatives too), as in Excel, ICU and most
// accounting practice; use `ceiling` semantics explicitly if a tie must move toward +infinity.
//
//   auto fee = (bmm::gbp::parse("100.00") * bmm::ratio(1, 3)).round(bmm::rounding_mode::half_even);
#pragma once

#include <string_view>

namespace bmm {

enum class rounding_mode {
    half_up,
    half_down,
    half_even,
    toward_zero,
    away_from_zero,
    floor,
    ceiling
};

/// Returns: the mode's name as spelt above ("half_up", ...).
[[nodiscard]] constexpr std::string_view to_string(rounding_mode m) noexcept {
    switch (m) {
        case rounding_mode::half_up:
            return "half_up";
        case rounding_mode::half_down:
            return "half_down";
        case rounding_mode::half_even:
            return "half_even";
        case rounding_mode::toward_zero:
            return "toward_zero";
        case rounding_mode::away_from_zero:
            return "away_from_zero";
        case rounding_mode::floor:
            return "floor";
        case rounding_mode::ceiling:
            return "ceiling";
    }
    return "unknown";
}

namespace detail {

/// The exact quotient n / d rounded to an integer by `mode`. Requires: d != 0, and n / d
/// representable in I (only n = min, d = -1 is not; true for I = i128 when n and d come from
/// int64 products). Every other pair is defined, d = the minimum of I included (it is never
/// negated).
template <class I>
[[nodiscard]] constexpr I div_round(I n, I d, rounding_mode mode) noexcept {
    I q = n / d;
    I r = n % d;
    if (r == 0) return q;
    const bool negative = (n < 0) != (d < 0);
    const I away = negative ? I(-1) : I(1);
    const I ar = r < 0 ? I(-r) : r;  // 0 < |r| < |d|, so -r never overflows
    // |d| - |r|, to compare 2|r| with |d| without overflow; for d < 0 it is -(d + |r|), where
    // d < d + |r| < 0, so neither the sum nor its negation overflows (even for d = min).
    const I rest = d < 0 ? I(-(d + ar)) : I(d - ar);
    switch (mode) {
        case rounding_mode::toward_zero:
            return q;
        case rounding_mode::away_from_zero:
            return q + away;
        case rounding_mode::floor:
            return negative ? q - 1 : q;
        case rounding_mode::ceiling:
            return negative ? q : q + 1;
        case rounding_mode::half_up:
            return ar >= rest ? q + away : q;
        case rounding_mode::half_down:
            return ar > rest ? q + away : q;
        case rounding_mode::half_even:
            if (ar > rest) return q + away;
            if (ar < rest) return q;
            return (q % 2 == 0) ? q : q + away;
    }
    return q;
}

}  // namespace detail
}  // namespace bmm
