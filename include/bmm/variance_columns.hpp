// bmm — variance columns: the variance and variance % of whole columns of budget lines, near the
// speed of memory, equal to bmm::variance_percent on every line and every tie.
//
//   variances(budget, forecast, out)          out[i] = forecast[i] − budget[i]
//   variance_percents(budget, forecast, places, mode, basis, units, has)
//                                             line i's variance % rounded to `places` by `mode`,
//                                             ÷ |budget| (magnitude) or ÷ budget (signed_budget),
//                                             as bmm::variance_percent(budget[i],
//                                             forecast[i] − budget[i], places, mode, basis):
//                                             units[i] × 10^-places when has[i] is 1; a zero
//                                             budget has no % — has[i] is 0 (and units[i] 0,
//                                             which is no figure)
//
//   std::vector<bmm::gbp> budget = ..., forecast = ...;               // n lines
//   std::vector<std::int64_t> units(n);
//   std::vector<std::uint8_t> has(n);
//   bmm::percent_column pct = bmm::variance_percents(
//       budget, forecast, 1, bmm::rounding_mode::half_up, bmm::variance_basis::magnitude, units, has);
//   pct[i];          // std::optional<bmm::decimal>: std::nullopt for a zero budget
//   pct.missing();   // how many lines have no %
//
// How: blocks of 256 lines go through a branch-free loop the compiler vectorises (an AVX2 copy is
// chosen at run time, see bmm/column.hpp): the quotient in double, then corrected exactly with
// integer-valued doubles, which is exact while |budget|, |forecast| < 2^51 and
// |variance| · 10^(places + 2) < 2^50 (for 1 dp: |variance| < 2^40 pence, £11bn). A block with a
// line outside those bounds is computed again line by line by the exact scalar path
// (bmm::variance_percent), so every result is the scalar one.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "column.hpp"
#include "decimal.hpp"
#include "detail/checked.hpp"
#include "error.hpp"
#include "money.hpp"
#include "rounding.hpp"
#include "variance.hpp"

namespace bmm {

namespace detail {
struct percent_column_access;
}

/// A read-only column of variance percentages at one number of places, each present or not (a
/// zero budget has no %): what variance_percents() returns over the columns it wrote.
class percent_column {
public:
    /// The %s in `units` (× 10^-places) where `has` is non-zero; `missing` lines have none.
    /// Throws: invalid_argument when the columns differ in length or places is outside 0..18.
    percent_column(column_view<std::int64_t> units, column_view<std::uint8_t> has, int places)
        : units_(units), has_(has), places_(places) {
        detail::check_same_size(units.size(), has.size(), "a percent column's units and flags");
        if (places < 0 || places > decimal::max_places) {
            throw invalid_argument("a percent column has 0..18 places");
        }
        for (std::uint8_t h : has) missing_ += h == 0;
    }

    [[nodiscard]] std::size_t size() const noexcept { return units_.size(); }
    [[nodiscard]] int places() const noexcept { return places_; }
    /// Returns: how many lines have no % (zero budgets).
    [[nodiscard]] std::size_t missing() const noexcept { return missing_; }
    /// Returns: line i's %, or std::nullopt when it has none. Requires: i < size().
    [[nodiscard]] std::optional<decimal> operator[](std::size_t i) const noexcept {
        if (has_[i] == 0) return std::nullopt;
        return decimal::from_units(units_[i], places_);
    }
    /// The columns read.
    [[nodiscard]] column_view<std::int64_t> units() const noexcept { return units_; }
    [[nodiscard]] column_view<std::uint8_t> has() const noexcept { return has_; }

private:
    friend struct detail::percent_column_access;
    percent_column(column_view<std::int64_t> units, column_view<std::uint8_t> has, int places,
                   std::size_t missing) noexcept
        : units_(units), has_(has), places_(places), missing_(missing) {}

    column_view<std::int64_t> units_;
    column_view<std::uint8_t> has_;
    int places_ = 0;
    std::size_t missing_ = 0;
};

/// Writes out[i] = forecast[i] − budget[i] for every line.
/// Throws: invalid_argument when the columns differ in length; overflow_error naming the first
/// line (0-based index) whose variance does not fit money (out is then partly written).
template <class C>
void variances(column_view<money<C>> budget, column_view<money<C>> forecast,
               column_span<money<C>> out, kernel_path path = active_kernel_path());

/// Writes every line's variance % (see the header comment) and returns the column read over
/// units and has. Every argument but the path is named by the caller: there is no default
/// rounding.
/// Throws: invalid_argument when the columns differ in length, places is outside 0..15 or the
/// path cannot run here; overflow_error naming the first line (0-based index) whose variance does
/// not fit money or whose % does not fit a decimal (the outputs are then partly written).
template <class C>
percent_column variance_percents(column_view<money<C>> budget, column_view<money<C>> forecast,
                                 int places, rounding_mode mode, variance_basis basis,
                                 column_span<std::int64_t> units, column_span<std::uint8_t> has,
                                 kernel_path path = active_kernel_path());

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

struct percent_column_access {
    static percent_column make(column_view<std::int64_t> units, column_view<std::uint8_t> has,
                               int places, std::size_t missing) noexcept {
        return percent_column(units, has, places, missing);
    }
};

namespace columns {

inline constexpr std::size_t block = 256;
inline constexpr double magic = 6755399441055744.0;  // 2^52 + 2^51
inline constexpr std::uint64_t magic_bits = 0x4338000000000000u;

BMM_DETAIL_ALWAYS_INLINE std::uint64_t bits(double y) noexcept {
    std::uint64_t u;
    std::memcpy(&u, &y, sizeof u);
    return u;
}
BMM_DETAIL_ALWAYS_INLINE double from_bits(std::uint64_t u) noexcept {
    double y;
    std::memcpy(&y, &u, sizeof y);
    return y;
}
/// x as a double, exactly, for |x| < 2^51 (64-bit integer adds only: SSE2 has no int64 convert).
BMM_DETAIL_ALWAYS_INLINE double to_double(std::uint64_t x) noexcept {
    return from_bits(x + magic_bits) - magic;
}
/// The integer-valued double y as int64 bits, exactly, for |y| < 2^51.
BMM_DETAIL_ALWAYS_INLINE std::uint64_t to_int(double y) noexcept {
    return bits(y + magic) - magic_bits;
}
/// 1 when y's sign bit is set, else 0 (y < 0 for y != -0.0).
BMM_DETAIL_ALWAYS_INLINE std::uint64_t sign_of(double y) noexcept { return bits(y) >> 63; }

/// What the fast loop needs of a call: 10^(places + 2) and the variance bound 2^k (|v| · scale
/// < 2^50 for v in [-2^k, 2^k)).
struct percent_params {
    double scale;
    std::uint64_t v_half;  ///< 2^k
    unsigned v_shift;      ///< k + 1
};

/// One block of `block` lines, branch-free. Returns: non-zero when some line is outside the
/// fast path's bounds (the block must be computed again exactly); `present` counts the lines with
/// a %.
///
/// With n = |variance| · 10^(places + 2) and d = |budget| (both integers below 2^51), every mode
/// is a floor: the magnitude is floor(T / B) with T = a·n + c and B = a·d (half up: 2n + d over
/// 2d; half down: 2n + d − 1 over 2d; toward zero: n over d; away from zero: n + d − 1 over d;
/// floor and ceiling: one or the other by the sign), and half even is half up less one on an exact
/// tie (T = q·B) with q odd. T, B < 2^52: the double quotient's nearest integer is floor(T / B)
/// or one more, and r = T − q·B (< 2^53, exact) tells which. The sign is put back last (÷ budget
/// for signed_budget flips it for a negative budget); a zero budget gives no %.
template <rounding_mode Mode, variance_basis Basis, class C>
BMM_DETAIL_ALWAYS_INLINE std::uint64_t percent_block(const money<C>* __restrict budget,
                                                     const money<C>* __restrict forecast,
                                                     std::int64_t* __restrict units,
                                                     std::uint8_t* __restrict has, percent_params p,
                                                     std::uint64_t& present) {
    const double scale = p.scale;
    const std::uint64_t v_half = p.v_half;
    std::uint64_t budget_range = 0, variance_range = 0, count = 0;
    BMM_DETAIL_IVDEP
    for (std::size_t i = 0; i < block; ++i) {
        const auto ub = static_cast<std::uint64_t>(budget[i].in_minor_units());
        const auto uf = static_cast<std::uint64_t>(forecast[i].in_minor_units());
        // The forecast needs no bound of its own: with |budget| < 2^51, a difference that
        // wrapped around int64 is never within 2^50 of zero.
        const std::uint64_t uv = uf - ub;
        budget_range |= ub + (std::uint64_t{1} << 51);  // < 2^52 iff budget in [-2^51, 2^51)
        variance_range |= uv + v_half;                  // < 2^(k+1) iff v in [-2^k, 2^k)
        const double vd = to_double(uv) * scale;        // exact: |v| · scale < 2^50
        const double n = std::fabs(vd), ad = std::fabs(to_double(ub));
        // Masks and 0/1 from sign bits, not comparisons or ?: (GCC's -O2 vectoriser leaves a
        // loop scalar for a branch, or for a bool it must widen).
        const std::uint64_t zero = 0 - sign_of(ad - 0.5);   // all ones for a zero budget
        const double d = ad + from_bits(zero & bits(1.0));  // never 0 (a zero budget has no %)
        std::uint64_t negative = uv >> 63;
        if constexpr (Basis == variance_basis::signed_budget) negative ^= ub >> 63;
        double top = n, bottom = d;
        if constexpr (Mode == rounding_mode::half_up || Mode == rounding_mode::half_even) {
            top = n + n + d;
            bottom = d + d;
        } else if constexpr (Mode == rounding_mode::half_down) {
            top = n + n + (d - 1.0);
            bottom = d + d;
        } else if constexpr (Mode == rounding_mode::away_from_zero) {
            top = n + (d - 1.0);
        } else if constexpr (Mode == rounding_mode::floor) {
            top = n + from_bits(bits(d - 1.0) & (0 - negative));
        } else if constexpr (Mode == rounding_mode::ceiling) {
            top = n + from_bits(bits(d - 1.0) & (negative - 1));
        }
        const double nearest = top / bottom + magic;  // its low bits: the nearest integer
        const double r = top - (nearest - magic) * bottom;
        std::uint64_t q = bits(nearest) - magic_bits - sign_of(r);
        if constexpr (Mode == rounding_mode::half_even) {
            q -= sign_of(std::fabs(r) - 0.5) & q;  // r == 0: a tie, to the even neighbour
        }
        const std::uint64_t flip = 0 - negative;
        units[i] = static_cast<std::int64_t>(((q ^ flip) - flip) & ~zero);
    }
    // The flags in a loop of their own, over the budgets just read (in L1): one loop writing
    // both 8-byte and 1-byte columns is unrolled to 64 lines a step and spills registers.
    BMM_DETAIL_IVDEP
    for (std::size_t i = 0; i < block; ++i) {
        const auto ub = static_cast<std::uint64_t>(budget[i].in_minor_units());
        const std::uint64_t present_here = (ub | (0 - ub)) >> 63;  // budget != 0
        has[i] = static_cast<std::uint8_t>(present_here);
        count += present_here;
    }
    present += count;
    return (budget_range >> 52) | (variance_range >> p.v_shift);
}

/// The exact scalar path for line i (its index named in errors).
template <class C>
BMM_NOINLINE void percent_exact(std::size_t i, money<C> budget, money<C> forecast, int places,
                                rounding_mode mode, variance_basis basis, std::int64_t& units,
                                std::uint8_t& has) {
    std::int64_t v = 0;
    if (detail::sub_overflow(forecast.in_minor_units(), budget.in_minor_units(), &v)) {
        throw overflow_error("the variance of line " + std::to_string(i) + " does not fit " +
                             std::string(C::code) + " money");
    }
    std::optional<decimal> p;
    try {
        p = variance_percent(budget, money<C>::from_minor_units(v), places, mode, basis);
    } catch (const overflow_error&) {
        throw overflow_error("the variance % of line " + std::to_string(i) +
                             " does not fit a decimal");
    }
    units = p ? p->units() : 0;
    has = p ? 1 : 0;
}

/// Every line from `first` on by the exact path. Returns: how many have a %.
template <class C>
std::size_t percent_exact_range(std::size_t first, std::size_t last, const money<C>* budget,
                                const money<C>* forecast, int places, rounding_mode mode,
                                variance_basis basis, std::int64_t* units, std::uint8_t* has) {
    std::size_t present = 0;
    for (std::size_t i = first; i < last; ++i) {
        percent_exact(i, budget[i], forecast[i], places, mode, basis, units[i], has[i]);
        present += has[i];
    }
    return present;
}

/// What one call computes: the columns, the places and the fast path's parameters.
template <class C>
struct percent_job {
    std::size_t n;
    const money<C>* budget;
    const money<C>* forecast;
    std::int64_t* units;
    std::uint8_t* has;
    int places;
    percent_params p;
};

/// The whole columns: fast blocks, each redone exactly when it has a line outside the bounds.
/// Returns: how many lines have a %.
template <rounding_mode Mode, variance_basis Basis, class C>
BMM_DETAIL_ALWAYS_INLINE std::size_t percent_blocks(const percent_job<C>& job) {
    const percent_job<C> j = job;
    std::uint64_t present = 0;
    std::size_t i = 0;
    for (; i + block <= j.n; i += block) {
        std::uint64_t count = 0;
        if (percent_block<Mode, Basis>(j.budget + i, j.forecast + i, j.units + i, j.has + i, j.p,
                                       count) != 0) {
            count = percent_exact_range(i, i + block, j.budget, j.forecast, j.places, Mode, Basis,
                                        j.units, j.has);
        }
        present += count;
    }
    present +=
        percent_exact_range(i, j.n, j.budget, j.forecast, j.places, Mode, Basis, j.units, j.has);
    return static_cast<std::size_t>(present);
}

template <rounding_mode Mode, variance_basis Basis, class C>
std::size_t percents_portable(const percent_job<C>& job) {
    return percent_blocks<Mode, Basis>(job);
}
#if BMM_DETAIL_AVX2_DISPATCH
template <rounding_mode Mode, variance_basis Basis, class C>
BMM_DETAIL_TARGET_AVX2 std::size_t percents_avx2(const percent_job<C>& job) {
    return percent_blocks<Mode, Basis>(job);
}
template <rounding_mode Mode, variance_basis Basis, class C>
BMM_DETAIL_TARGET_AVX512 std::size_t percents_avx512(const percent_job<C>& job) {
    return percent_blocks<Mode, Basis>(job);
}
#endif

template <rounding_mode Mode, variance_basis Basis, class C>
std::size_t percents_on(kernel_path path, const percent_job<C>& job) {
#if BMM_DETAIL_AVX2_DISPATCH
    if (path == kernel_path::avx512) return percents_avx512<Mode, Basis>(job);
    if (path == kernel_path::avx2) return percents_avx2<Mode, Basis>(job);
#endif
    static_cast<void>(path);
    return percents_portable<Mode, Basis>(job);
}

template <rounding_mode Mode, class C>
std::size_t percents_on(kernel_path path, variance_basis basis, const percent_job<C>& job) {
    if (basis == variance_basis::signed_budget) {
        return percents_on<Mode, variance_basis::signed_budget>(path, job);
    }
    return percents_on<Mode, variance_basis::magnitude>(path, job);
}

/// The checked difference of one block. Returns: non-zero when some line overflows.
template <class C>
BMM_DETAIL_ALWAYS_INLINE std::uint64_t variance_block(const money<C>* __restrict budget,
                                                      const money<C>* __restrict forecast,
                                                      money<C>* __restrict out) {
    std::uint64_t overflow = 0;
    BMM_DETAIL_IVDEP
    for (std::size_t i = 0; i < block; ++i) {
        const auto ub = static_cast<std::uint64_t>(budget[i].in_minor_units());
        const auto uf = static_cast<std::uint64_t>(forecast[i].in_minor_units());
        const std::uint64_t uv = uf - ub;
        overflow |= ((ub ^ uf) & (uf ^ uv)) >> 63;  // signs differ and the result's is b's
        out[i] = money<C>::from_minor_units(static_cast<std::int64_t>(uv));
    }
    return overflow;
}

template <class C>
BMM_NOINLINE void variances_exact(std::size_t first, std::size_t last, const money<C>* budget,
                                  const money<C>* forecast, money<C>* out) {
    for (std::size_t i = first; i < last; ++i) {
        std::int64_t v = 0;
        if (detail::sub_overflow(forecast[i].in_minor_units(), budget[i].in_minor_units(), &v)) {
            throw overflow_error("the variance of line " + std::to_string(i) + " does not fit " +
                                 std::string(C::code) + " money");
        }
        out[i] = money<C>::from_minor_units(v);
    }
}

template <class C>
BMM_DETAIL_ALWAYS_INLINE void variance_blocks(std::size_t n, const money<C>* budget,
                                              const money<C>* forecast, money<C>* out) {
    std::size_t i = 0;
    for (; i + block <= n; i += block) {
        if (variance_block(budget + i, forecast + i, out + i) != 0) {
            variances_exact(i, i + block, budget, forecast, out);
        }
    }
    variances_exact(i, n, budget, forecast, out);
}

template <class C>
void variances_portable(std::size_t n, const money<C>* budget, const money<C>* forecast,
                        money<C>* out) {
    variance_blocks(n, budget, forecast, out);
}
#if BMM_DETAIL_AVX2_DISPATCH
template <class C>
BMM_DETAIL_TARGET_AVX2 void variances_avx2(std::size_t n, const money<C>* budget,
                                           const money<C>* forecast, money<C>* out) {
    variance_blocks(n, budget, forecast, out);
}
template <class C>
BMM_DETAIL_TARGET_AVX512 void variances_avx512(std::size_t n, const money<C>* budget,
                                               const money<C>* forecast, money<C>* out) {
    variance_blocks(n, budget, forecast, out);
}
#endif

}  // namespace columns
}  // namespace detail

template <class C>
void variances(column_view<money<C>> budget, column_view<money<C>> forecast,
               column_span<money<C>> out, kernel_path path) {
    detail::check_same_size(budget.size(), forecast.size(), "the budget and forecast columns");
    detail::check_same_size(budget.size(), out.size(), "the budget and variance columns");
    detail::check_kernel_path(path);
#if BMM_DETAIL_AVX2_DISPATCH
    if (path == kernel_path::avx512) {
        detail::columns::variances_avx512(budget.size(), budget.data(), forecast.data(),
                                          out.data());
        return;
    }
    if (path == kernel_path::avx2) {
        detail::columns::variances_avx2(budget.size(), budget.data(), forecast.data(), out.data());
        return;
    }
#endif
    detail::columns::variances_portable(budget.size(), budget.data(), forecast.data(), out.data());
}

template <class C>
percent_column variance_percents(column_view<money<C>> budget, column_view<money<C>> forecast,
                                 int places, rounding_mode mode, variance_basis basis,
                                 column_span<std::int64_t> units, column_span<std::uint8_t> has,
                                 kernel_path path) {
    namespace dc = detail::columns;
    detail::check_same_size(budget.size(), forecast.size(), "the budget and forecast columns");
    detail::check_same_size(budget.size(), units.size(), "the budget and percent columns");
    detail::check_same_size(budget.size(), has.size(), "the budget and percent-flag columns");
    if (places < 0 || places > 15) throw invalid_argument("a variance % has 0..15 places");
    detail::check_kernel_path(path);
    const std::size_t n = budget.size();
    const std::int64_t scale = detail::pow10_64[places + 2];
    std::size_t present = 0;
    if (scale > (std::int64_t{1} << 50)) {
        // No variance but 0 is within the fast path's bounds: every line exactly.
        present = dc::percent_exact_range(0, n, budget.data(), forecast.data(), places, mode, basis,
                                          units.data(), has.data());
    } else {
        unsigned k = 0;  // the largest k with 2^k · scale <= 2^50
        while (k < 50 && (std::int64_t{1} << (k + 1)) <= (std::int64_t{1} << 50) / scale) ++k;
        const dc::percent_job<C> job{n,
                                     budget.data(),
                                     forecast.data(),
                                     units.data(),
                                     has.data(),
                                     places,
                                     {static_cast<double>(scale), std::uint64_t{1} << k, k + 1}};
        using rm = rounding_mode;
        switch (mode) {
            case rm::half_up:
                present = dc::percents_on<rm::half_up>(path, basis, job);
                break;
            case rm::half_down:
                present = dc::percents_on<rm::half_down>(path, basis, job);
                break;
            case rm::half_even:
                present = dc::percents_on<rm::half_even>(path, basis, job);
                break;
            case rm::toward_zero:
                present = dc::percents_on<rm::toward_zero>(path, basis, job);
                break;
            case rm::away_from_zero:
                present = dc::percents_on<rm::away_from_zero>(path, basis, job);
                break;
            case rm::floor:
                present = dc::percents_on<rm::floor>(path, basis, job);
                break;
            case rm::ceiling:
                present = dc::percents_on<rm::ceiling>(path, basis, job);
                break;
        }
    }
    return detail::percent_column_access::make(units, has, places, n - present);
}

}  // namespace bmm
