// Prototype (bench/ only): a batch variance % written for vectorisation — a candidate for
// bmm::variance_percents(budgets, forecasts, out) in bmm/variance.hpp.
//
//   bmm_bench::variance_percents(budgets, forecasts, out, n)
//     out[i] = the variance % of line i to 1 dp, rounded half up (away from zero), ÷ |budget|,
//              in tenths of a percent: exactly bmm::variance_percent(b, f − b)->units();
//              no_percent for a zero budget.
//
// Exact by construction: with |budget|, |forecast| < 2^51 and |forecast − budget| < 2^40 (so
// N = |1000 · variance| < 2^50), every integer involved is exact in a double. Half up is
// floor(N / D + 1/2) = floor(T / B) with T = 2N + D < 2^52 and B = 2D (D = |budget|); the
// double quotient T / B is within 1/2 of the true one, so its nearest integer q is floor(T / B)
// or one more; q · B <= T + B < 2^53 and r = T − q · B are exact, and r < 0 means q − 1. The
// sign of the variance is put back last. Lines outside those bounds (and zero budgets) take the
// scalar exact path, bmm::variance_percent, block by block: the fast loop has no branch and no
// integer division, so a compiler can vectorise it (int64 <-> double by the 2^52 + 2^51 "magic
// number", which needs only 64-bit adds, and masks from sign bits: SSE2).
#pragma once

#include <bmm/variance.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

namespace bmm_bench {

inline constexpr std::int64_t no_percent = std::numeric_limits<std::int64_t>::min();

namespace batch_detail {

inline constexpr double magic = 6755399441055744.0;  // 2^52 + 2^51
inline constexpr std::uint64_t magic_bits = 0x4338000000000000u;

/// x as a double, exactly, for |x| < 2^51.
inline double to_double(std::int64_t x) {
    const std::uint64_t u = static_cast<std::uint64_t>(x) + magic_bits;
    double d;
    std::memcpy(&d, &u, sizeof d);
    return d - magic;
}
/// The integer double y as int64, exactly, for |y| < 2^51.
inline std::int64_t to_int(double y) {
    const double m = y + magic;
    std::uint64_t u;
    std::memcpy(&u, &m, sizeof u);
    return static_cast<std::int64_t>(u - magic_bits);
}

inline std::uint64_t bits(double y) {
    std::uint64_t u;
    std::memcpy(&u, &y, sizeof u);
    return u;
}
inline double from_bits(std::uint64_t u) {
    double y;
    std::memcpy(&y, &u, sizeof y);
    return y;
}
/// Returns: 1.0 when y's sign bit is set, else 0.0 — with 64-bit integer subtract, shift and
/// and only (SSE2 has no 64-bit compare or arithmetic shift, and y < 0 may become a branch).
inline double one_if_negative(double y) {
    const std::uint64_t all_ones_if_negative = 0 - (bits(y) >> 63);
    return from_bits(all_ones_if_negative & bits(1.0));
}

/// One block, branch-free. Returns: non-zero when some line needs the exact scalar path.
template <std::size_t Block>
inline std::uint64_t fast_block(const std::int64_t* __restrict b, const std::int64_t* __restrict f,
                                std::int64_t* __restrict out) {
    std::uint64_t outside = 0;
    for (std::size_t i = 0; i < Block; ++i) {
        const std::int64_t bi = b[i], fi = f[i];
        const std::int64_t v = static_cast<std::int64_t>(static_cast<std::uint64_t>(fi) -
                                                         static_cast<std::uint64_t>(bi));
        const double vd = to_double(v) * 1000.0;  // exact when |v| < 2^40: |1000 v| < 2^50
        const double n = std::fabs(vd);
        const double d0 = std::fabs(to_double(bi));
        const double zero = one_if_negative(d0 - 0.5);  // 1.0 for a zero budget
        // In range: b, f in [-2^51, 2^51), v in [-2^40, 2^40) (logical shifts), b != 0; one
        // OR into the reduction (a compiler vectorises that, not a conditional OR).
        outside |= ((static_cast<std::uint64_t>(bi) + (std::uint64_t{1} << 51)) >> 52) |
                   ((static_cast<std::uint64_t>(fi) + (std::uint64_t{1} << 51)) >> 52) |
                   ((static_cast<std::uint64_t>(v) + (std::uint64_t{1} << 40)) >> 41) |
                   (bits(zero) >> 52);
        const double d = d0 + zero;  // never 0 (a zero budget takes the exact path)
        // Half up (away from zero) is floor(n / d + 1/2) = floor((2n + d) / 2d).
        const double top = 2.0 * n + d, bottom = 2.0 * d;  // exact: < 2^52
        const double q = (top / bottom + magic) - magic;   // the nearest integer: floor or + 1
        const double r = top - q * bottom;                 // exact (< 2^53), never -0.0
        out[i] = to_int(std::copysign(q - one_if_negative(r), vd));
    }
    return outside;
}

/// The exact scalar path for one line.
inline std::int64_t exact_one(std::int64_t b, std::int64_t f) {
    const auto p =
        bmm::variance_percent(bmm::gbp::from_minor_units(b),
                              bmm::gbp::from_minor_units(f) - bmm::gbp::from_minor_units(b));
    return p ? p->units() : no_percent;
}

}  // namespace batch_detail

/// See the header comment. Throws: overflow_error as bmm::variance_percent (forecast − budget
/// beyond int64, or a % beyond a decimal).
inline void variance_percents(const std::int64_t* budgets, const std::int64_t* forecasts,
                              std::int64_t* out, std::size_t n) {
    constexpr std::size_t block = 256;
    std::size_t i = 0;
    for (; i + block <= n; i += block) {
        if (batch_detail::fast_block<block>(budgets + i, forecasts + i, out + i) != 0) {
            for (std::size_t k = i; k < i + block; ++k) {
                out[k] = batch_detail::exact_one(budgets[k], forecasts[k]);
            }
        }
    }
    for (; i < n; ++i) out[i] = batch_detail::exact_one(budgets[i], forecasts[i]);
}

}  // namespace bmm_bench
