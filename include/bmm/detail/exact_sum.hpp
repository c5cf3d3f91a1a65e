// bmm — detail: exact sums of many figures. A table's total, a column of a printed table, the
// amounts of a split: each is summed exactly on 128 bits, so that only a total that does not fit
// its type is an overflow_error — never a running sum on the way to one that does (the rows
// 2^63 - 1, 1, -1 total 2^63 - 1). Shared by budget_table's totals, the table auditor,
// audit_sum and the savings audits (one mechanism, not a copy in each).
//
//   detail::int_sum    int64 values (minor units, decimal coefficients): 2^64 of them fit
//   detail::ratio_sum  ratios (printed decimals): over the least common multiple of their
//                      denominators, which for decimals stays a power of ten, or twice one
#pragma once

#include <cstdint>

#include "../error.hpp"
#include "../ratio.hpp"
#include "int128.hpp"

namespace bmm::detail {

/// An exact sum of int64 values on 128 bits (fewer than 2^64 of them cannot overflow it).
class int_sum {
public:
    constexpr void add(std::int64_t v) noexcept { sum_ += v; }
    /// Returns: the exact sum.
    [[nodiscard]] constexpr i128 value() const noexcept { return sum_; }
    /// Returns: true when the sum fits int64.
    [[nodiscard]] constexpr bool fits() const noexcept { return fits_i64(sum_); }

private:
    i128 sum_ = 0;
};

/// Checked 128-bit arithmetic within ±(2^127 - 1), portable to Boost's int128_t. Returns: true
/// (and leaves *out alone) when the exact result does not fit.
[[nodiscard]] constexpr i128 max128() noexcept { return ((i128(1) << 126) - 1) * 2 + 1; }
[[nodiscard]] constexpr bool add_overflow128(i128 a, i128 b, i128* out) noexcept {
    if ((b > 0 && a > max128() - b) || (b < 0 && a < -max128() - b)) return true;
    *out = a + b;
    return false;
}
[[nodiscard]] constexpr bool mul_overflow128(i128 a, i128 b, i128* out) noexcept {
    if (a != 0 && b != 0 && !(fits_i64(a) && fits_i64(b)) && abs128(a) > max128() / abs128(b)) {
        return true;
    }
    *out = a * b;
    return false;
}

/// An exact running sum of ratios on 128 bits (the numerator over the least common multiple of
/// the denominators), so that only a total that does not fit a ratio is an overflow_error.
class ratio_sum {
public:
    /// Adds r (an overflow of 128 bits is remembered and thrown by total()).
    void add(ratio r) noexcept { add128(r.numerator(), r.denominator()); }
    /// Subtracts r (exactly: -r need not be a ratio).
    void sub(ratio r) noexcept { add128(-i128(r.numerator()), r.denominator()); }
    /// Adds the exact value of a decimal.
    void add(decimal d) noexcept { add(ratio::from_decimal(d)); }
    /// Adds the fraction n / d (d > 0, need not be in lowest terms).
    void add_fraction(i128 n, i128 d) noexcept { add128(n, d); }
    /// Adds the sum s.
    void add(const ratio_sum& s) noexcept {
        if (s.overflowed_) {
            overflowed_ = true;
            return;
        }
        add128(s.num_, s.den_);
    }
    /// Returns: the sum. Throws: overflow_error if it does not fit a ratio.
    [[nodiscard]] ratio total() const {
        if (overflowed_) {
            throw overflow_error("an exact sum does not fit 128 bits, nor its total a ratio");
        }
        return ratio_access::from128(num_, den_);
    }

private:
    void add128(i128 n, i128 d) noexcept {
        if (n == 0 || overflowed_) return;
        if (d == den_) {  // the common case: figures printed to the same places
            overflowed_ = add_overflow128(num_, n, &num_);
            return;
        }
        // den_ × d / g over both: num_ × (d / g) + n × (den_ / g).
        const i128 g = gcd128(den_, d);
        i128 a = 0, b = 0, den = 0;
        overflowed_ = mul_overflow128(num_, d / g, &a) || mul_overflow128(n, den_ / g, &b) ||
                      mul_overflow128(den_, d / g, &den) || add_overflow128(a, b, &num_);
        den_ = den;
    }

    i128 num_ = 0;
    i128 den_ = 1;
    bool overflowed_ = false;
};

}  // namespace bmm::detail
