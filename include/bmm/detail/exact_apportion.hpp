// bmm — detail: exact apportioning of figures that share a denominator, so that what is
// printed adds up: lines to their total (apportion) and a balance's opening plus its movements
// to its closing (round_roll_forward). Every figure is numerator / w for one positive w (the
// figures of one plan year over its common denominator, times the printed unit); the results are
// whole numbers of the printed unit. Each function works on detail::i128 (fast, for figures known
// to fit: no sum here can overflow them) and on wide_int (any size).
//
//   apportion({10, 10, 10} / 3, target 10)   ->  4, 3, 3   (the earlier tie gets the unit)
//   round_roll_forward(opening 4, closing 22/3, movements {5/3, 5/3}, ...)  ->  7 = 4 + 2 + 1
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "../rounding.hpp"
#include "int128.hpp"
#include "wide_int.hpp"

namespace bmm::detail {

/// The operations controlled rounding needs, for I = i128 and I = wide_int.
template <class I>
struct int_ops;

template <>
struct int_ops<i128> {
    /// q = ⌊a / d⌋, r = a − q·d (0 <= r < d). Requires: d > 0.
    static void floor_divmod(const i128& a, const i128& d, i128& q, i128& r) noexcept {
        if (fits_i64(a) && fits_i64(d)) {  // a 64-bit division is much cheaper
            const auto a64 = static_cast<std::int64_t>(a), d64 = static_cast<std::int64_t>(d);
            q = a64 / d64;
            r = a64 % d64;
        } else {
            q = a / d;
            r = a - q * d;  // one 128-bit division, not two
        }
        if (r < 0) {
            r += d;
            q -= 1;
        }
    }
    /// Returns: −1, 0 or 1 as 2r < d, 2r == d, 2r > d (without forming 2r). Requires: 0 <= r < d.
    static int compare_half(const i128& r, const i128& d) noexcept {
        const i128 rest = d - r;
        return r < rest ? -1 : (r > rest ? 1 : 0);
    }
    static bool is_even(const i128& q) noexcept { return q % 2 == 0; }
    static i128 from(std::int64_t v) noexcept { return v; }
    static i128 from128(const i128& v) noexcept { return v; }
    static std::size_t to_size(const i128& v) noexcept { return static_cast<std::size_t>(v); }
    /// Returns: the k-th largest of v[0..n) (1 <= k <= n), each in [0, w). A radix select on
    /// 6 bits at a time from the top of w: a pass of counting per level, without the mispredicted
    /// branches of a comparison select on remainders in no order.
    static i128 kth_largest(const i128* v, std::size_t n, std::size_t k, const i128& w,
                            std::vector<i128>& scratch) {
        int top = 1;  // w < 2^top (w > 0)
        i128 t = w;
        for (int step = 64; step > 0; step /= 2) {
            if ((t >> step) > 0) {
                t >>= step;
                top += step;
            }
        }
        constexpr int bits = 6;  // 64 buckets: a table of 200 lines leaves ~3 in each
        constexpr std::size_t buckets = std::size_t{1} << bits, mask = buckets - 1;
        int shift = top > bits ? top - bits : 0;
        scratch.assign(v, v + n);
        std::size_t count[buckets];
        for (;;) {
            for (std::size_t& c : count) c = 0;
            for (const i128& x : scratch)
                ++count[static_cast<std::size_t>((x >> shift) & i128(mask))];
            std::size_t bucket = buckets - 1, above = 0;
            while (above + count[bucket] < k) above += count[bucket--];
            k -= above;
            std::size_t kept = 0;
            for (const i128& x : scratch) {  // without a branch, as the counting
                scratch[kept] = x;
                kept += (static_cast<std::size_t>((x >> shift) & i128(mask))) == bucket
                            ? std::size_t{1}
                            : std::size_t{0};
            }
            scratch.resize(kept);
            // One left, or (at the last bits) every one left is the same value.
            if (shift == 0 || kept == 1) return scratch[0];
            shift = shift > bits ? shift - bits : 0;
        }
    }
};

template <>
struct int_ops<wide_int> {
    static void floor_divmod(const wide_int& a, const wide_int& d, wide_int& q, wide_int& r) {
        wide_int::floor_divmod(a, d, q, r);
    }
    static int compare_half(const wide_int& r, const wide_int& d) {
        return wide_int::compare(r, d - r);
    }
    static bool is_even(const wide_int& q) {
        wide_int half, rest;
        wide_int::floor_divmod(q, wide_int(2), half, rest);
        return rest.is_zero();
    }
    static wide_int from(std::int64_t v) { return wide_int(v); }
    static wide_int from128(const i128& v) { return wide_int::from_i128(v); }
    static std::size_t to_size(const wide_int& v) noexcept {
        return static_cast<std::size_t>(v.small());
    }
    /// Returns: the k-th largest of v[0..n) (1 <= k <= n).
    static wide_int kth_largest(const wide_int* v, std::size_t n, std::size_t k, const wide_int&,
                                std::vector<wide_int>& scratch) {
        scratch.assign(v, v + n);
        std::nth_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(k - 1),
                         scratch.end(), [](const wide_int& a, const wide_int& b) { return b < a; });
        return scratch[k - 1];
    }
};

/// Returns: n / d rounded to a whole number by `mode`. Requires: d > 0.
template <class I>
[[nodiscard]] I rounded(const I& n, const I& d, rounding_mode mode) {
    using ops = int_ops<I>;
    I q, r;
    ops::floor_divmod(n, d, q, r);
    if (r == I(0)) return q;
    const bool negative = q < I(0);  // n / d < 0 exactly when its floor is
    const I up = q + I(1);
    switch (mode) {
        case rounding_mode::floor:
            return q;
        case rounding_mode::ceiling:
            return up;
        case rounding_mode::toward_zero:
            return negative ? up : q;
        case rounding_mode::away_from_zero:
            return negative ? q : up;
        case rounding_mode::half_up:
        case rounding_mode::half_down:
        case rounding_mode::half_even: {
            const int c = ops::compare_half(r, d);
            if (c < 0) return q;
            if (c > 0) return up;
            if (mode == rounding_mode::half_up) return negative ? q : up;
            if (mode == rounding_mode::half_down) return negative ? up : q;
            return ops::is_even(q) ? q : up;
        }
    }
    return q;
}

/// Scratch space for apportion, reused from call to call.
template <class I>
struct apportion_scratch {
    std::vector<I> rest;
    std::vector<I> order_values;  ///< the remainders while a threshold is selected
};

/// Sets out[0..n) to whole numbers summing to `target`: each value's floor (values[i] / w), then
/// the difference between target and the sum of floors spread as evenly as it goes: each value
/// gets ⌊extra / n⌋ more and the (extra mod n) values with the largest remainders (ties: the
/// earlier) one more. When target lies between the sum of floors and the sum of ceilings, every
/// result is its value's floor or ceiling, and values already whole stay exact where they can.
/// Requires: w > 0; n > 0 unless target is zero.
template <class I>
void apportion(const I* values, std::size_t n, const I& w, const I& target, I* out,
               apportion_scratch<I>& scratch) {
    using ops = int_ops<I>;
    if (n == 0) return;
    scratch.rest.resize(n);
    I* rest = scratch.rest.data();
    I floors(0);
    for (std::size_t i = 0; i < n; ++i) {
        ops::floor_divmod(values[i], w, out[i], rest[i]);
        floors += out[i];
    }
    const I extra = target - floors;
    if (extra == I(0)) return;
    I each, left;
    ops::floor_divmod(extra, ops::from(static_cast<std::int64_t>(n)), each, left);
    if (each != I(0)) {
        for (std::size_t i = 0; i < n; ++i) out[i] += each;
    }
    if (left == I(0)) return;
    // left < n: the first `left` values by remainder, largest first, ties to the earlier. The
    // left-th largest remainder is found among copies of the remainders (contiguous: faster than
    // selecting indices); those above it get a unit, then the earliest of those equal to it.
    const std::size_t k = ops::to_size(left);
    const I threshold = ops::kth_largest(rest, n, k, w, scratch.order_values);
    std::size_t given = 0;
    for (std::size_t i = 0; i < n; ++i) {  // without a branch: remainders are in no order
        const bool above = threshold < rest[i];
        out[i] += ops::from(above ? 1 : 0);
        given += above ? std::size_t{1} : std::size_t{0};
    }
    for (std::size_t i = 0; i < n && given < k; ++i) {
        if (rest[i] == threshold) {
            out[i] += I(1);
            ++given;
        }
    }
}

/// Returns: the printed closing of one year of a balance, and sets out[0..n) to its printed
/// free movements: opening (already printed, whole units) + pinned (the sum of movements already
/// printed) + free movements (exact numerators over w) = closing. The closing is the exact
/// closing rounded by `mode` when the free movements can reach it with each rounded down or up;
/// otherwise the nearest closing they can reach; without free movements it is opening + pinned.
/// Requires: w > 0.
template <class I>
[[nodiscard]] I round_roll_forward(const I& opening, const I& pinned, const I* free, std::size_t n,
                                   const I& exact_closing, const I& w, rounding_mode mode, I* out,
                                   apportion_scratch<I>& scratch) {
    using ops = int_ops<I>;
    const I fixed = opening + pinned;
    if (n == 0) return fixed;
    I lo(0), q, r;
    std::int64_t fractional = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ops::floor_divmod(free[i], w, q, r);
        lo += q;
        if (r != I(0)) ++fractional;
    }
    const I low = fixed + lo, high = low + ops::from(fractional);
    I closing = rounded(exact_closing, w, mode);
    if (closing < low) closing = low;
    if (high < closing) closing = high;
    apportion(free, n, w, closing - fixed, out, scratch);
    return closing;
}

}  // namespace bmm::detail
