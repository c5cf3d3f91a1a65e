// bmm — resilience: the reserves indicators of CIPFA's Financial Resilience Index, and years of
// cover, from a series of reserves as printed. Every result is an exact ratio; none is rounded.
//
//   reserves_sustainability(now, three_years_ago)   years reserves last at the average draw of
//                                                   the last three years: 3·now ÷ (then − now);
//                                                   std::nullopt when reserves did not fall
//   reserves_change(now, three_years_ago)           (now − then) ÷ then: the change over three
//                                                   years as a share (−0.25 is a quarter less)
//   reserves_level(reserves, net_revenue)           reserves ÷ net revenue expenditure
//   cover_years(reserves, annual_draw)              reserves ÷ draw; 0 once reserves are gone;
//                                                   std::nullopt when nothing is drawn
//
//   auto gbp = [](const char* s) { return bmm::gbp::from_millions(s); };
//   bmm::reserves_sustainability(gbp("30"), gbp("45"));   // 3·30 ÷ 15 = 6 years
//   bmm::reserves_change(gbp("30"), gbp("45"));           // −1/3
//   bmm::reserves_level(gbp("206.2"), gbp("578.7"));      // 2062/5787, 35.6%
//
// CIPFA counts usable reserves other than those held for schools and public health: pass that
// total (bmm/mtfs.hpp's available reserves: general and earmarked, not ring-fenced).
#pragma once

#include <optional>

#include "detail/int128.hpp"
#include "money.hpp"
#include "ratio.hpp"
#include "zero.hpp"

namespace bmm {

/// Returns: the years reserves `now` would last if they kept falling by the average of the last
/// three years' falls, 3·now ÷ (three_years_ago − now); 0 when reserves are gone (now <= 0);
/// std::nullopt when they did not fall on average (the measure has no finite value).
/// Throws: overflow_error when the exact ratio does not fit 64-bit terms.
template <class C>
[[nodiscard]] std::optional<ratio> reserves_sustainability(money<C> now, money<C> three_years_ago) {
    if (now <= zero) return ratio(0);
    const detail::i128 fall =
        detail::i128(three_years_ago.in_minor_units()) - detail::i128(now.in_minor_units());
    if (fall <= 0) return std::nullopt;
    return detail::ratio_access::from128(3 * detail::i128(now.in_minor_units()), fall);
}

/// Returns: the change in reserves over three years as a share of the earlier level,
/// (now − three_years_ago) ÷ three_years_ago; std::nullopt when the earlier level is zero.
/// Throws: overflow_error when the exact ratio does not fit 64-bit terms.
template <class C>
[[nodiscard]] std::optional<ratio> reserves_change(money<C> now, money<C> three_years_ago) {
    if (three_years_ago.is_zero()) return std::nullopt;
    const detail::i128 then = three_years_ago.in_minor_units();
    return detail::ratio_access::from128(detail::i128(now.in_minor_units()) - then, then);
}

/// Returns: reserves as a share of net revenue expenditure; std::nullopt for zero expenditure.
template <class C>
[[nodiscard]] std::optional<ratio> reserves_level(money<C> reserves,
                                                  money<C> net_revenue_expenditure) {
    return ratio_of(reserves, net_revenue_expenditure);
}

/// Returns: how many years reserves last at a constant annual draw: reserves ÷ draw; 0 once
/// reserves are gone (<= 0); std::nullopt when nothing is drawn (draw <= 0: never exhausted).
template <class C>
[[nodiscard]] std::optional<ratio> cover_years(money<C> reserves, money<C> annual_draw) {
    if (annual_draw <= zero) return std::nullopt;
    if (reserves <= zero) return ratio(0);
    return ratio(reserves.in_minor_units(), annual_draw.in_minor_units());
}

}  // namespace bmm
