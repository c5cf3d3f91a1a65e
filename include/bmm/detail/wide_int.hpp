// bmm — detail: an integer of any size. It is a 128-bit value while it fits in ±(2^127 − 1) and
// Boost.Multiprecision's cpp_int beyond, so arithmetic that outgrows 128 bits continues exactly
// instead of throwing. The big form is held behind a shared pointer to an immutable cpp_int, so a
// copy is cheap and a value that fits 128 bits never allocates.
//
//   wide_int a(i128(1) << 100), b = a * a;   // 2^200: the big form, exact
//   (b / a) == a;                             // true, and small again
//
// Invariant: the big form is used only for values outside ±(2^127 − 1), so every value has one
// form and equal values compare equal member by member.
//
// Only the operations used by bmm/exact.hpp and bmm/mtfs.hpp are here: + − × (and their
// in-place forms), unary −, comparisons, floor division with a positive divisor, gcd, and
// decimal text. The decimal text is written without cpp_int's str(), which trips GCC 12's
// -Wrestrict in C++20 (GCC bug 105329); nothing here instantiates cpp_rational, which trips
// -Wmaybe-uninitialized.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "../config.hpp"
#include "../rounding.hpp"
#include "int128.hpp"

// The 128-bit fast paths are forced inline (GCC otherwise keeps out-of-line clones of them).
#if defined(__GNUC__) || defined(__clang__)
#define BMM_DETAIL_WIDE_INLINE __attribute__((always_inline)) inline
#else
#define BMM_DETAIL_WIDE_INLINE inline
#endif

namespace bmm::detail {

using big_int = boost::multiprecision::cpp_int;

/// 2^127 − 1, the largest magnitude of a small wide_int (the same for __int128 and for Boost's
/// int128_t, whose own range is wider).
[[nodiscard]] inline i128 wide_small_max() noexcept {
    return ((i128(1) << 126) - 1) + (i128(1) << 126);
}

/// a + b, a − b, a × b with a result in ±(2^127 − 1); each returns true (and leaves *out
/// unspecified) when the exact result is outside that range.
[[nodiscard]] inline bool add_overflow_128(const i128& a, const i128& b, i128* out) noexcept {
#if BMM_DETAIL_NATIVE_INT128
    return __builtin_add_overflow(a, b, out) || *out == -wide_small_max() - 1;
#else
    const i128 m = wide_small_max();
    if (b > 0 ? a > m - b : a < -m - b) return true;
    *out = a + b;
    return false;
#endif
}
[[nodiscard]] inline bool sub_overflow_128(const i128& a, const i128& b, i128* out) noexcept {
#if BMM_DETAIL_NATIVE_INT128
    return __builtin_sub_overflow(a, b, out) || *out == -wide_small_max() - 1;
#else
    const i128 m = wide_small_max();
    if (b < 0 ? a > m + b : a < -m + b) return true;
    *out = a - b;
    return false;
#endif
}
[[nodiscard]] inline bool mul_overflow_128(const i128& a, const i128& b, i128* out) noexcept {
#if BMM_DETAIL_NATIVE_INT128
    return __builtin_mul_overflow(a, b, out) || *out == -wide_small_max() - 1;
#else
    if (a == 0 || b == 0) {
        *out = 0;
        return false;
    }
    if (abs128(a) > wide_small_max() / abs128(b)) return true;
    *out = a * b;
    return false;
#endif
}

class wide_int {
public:
    /// Zero.
    wide_int() noexcept = default;
    /// Returns: v. Requires: v is not the 128-bit minimum (values from int64 products never are).
    explicit wide_int(std::int64_t v) noexcept : small_(v) {}
    /// Returns: v (any 128-bit value; the minimum is held in the big form).
    static wide_int from_i128(const i128& v) {
        if (v < -wide_small_max()) return wide_int(to_big(v));
        wide_int w;
        w.small_ = v;
        return w;
    }
    /// Returns: v, small when it fits.
    explicit wide_int(big_int v) {
        if (fits_small(v)) {
            small_ = small_of(v);
        } else {
            big_ = std::make_shared<const big_int>(std::move(v));
        }
    }

    /// Returns: true when the value is held in 128 bits.
    [[nodiscard]] bool is_small() const noexcept { return big_ == nullptr; }
    /// Returns: the value. Requires: is_small().
    [[nodiscard]] const i128& small() const noexcept { return small_; }
    /// Returns: the value as a cpp_int.
    [[nodiscard]] big_int big() const { return big_ ? *big_ : to_big(small_); }
    /// Returns: −1, 0 or 1.
    [[nodiscard]] int sign() const noexcept {
        if (big_) return big_->sign();
        return small_ > 0 ? 1 : (small_ < 0 ? -1 : 0);
    }
    [[nodiscard]] bool is_zero() const noexcept { return big_ == nullptr && small_ == 0; }

    // The 128-bit case is inline and short; the cpp_int case is out of line (slow_*), so that
    // the common case costs a few instructions.
    BMM_DETAIL_WIDE_INLINE friend wide_int operator-(const wide_int& a) {
        if (BMM_LIKELY(!a.big_)) return raw(-a.small_);
        return slow_negate(a);
    }
    BMM_DETAIL_WIDE_INLINE friend wide_int operator+(const wide_int& a, const wide_int& b) {
        i128 r;
        if (BMM_LIKELY(!a.big_ && !b.big_ && !add_overflow_128(a.small_, b.small_, &r))) {
            return raw(r);
        }
        return slow_add(a, b);
    }
    BMM_DETAIL_WIDE_INLINE friend wide_int operator-(const wide_int& a, const wide_int& b) {
        i128 r;
        if (BMM_LIKELY(!a.big_ && !b.big_ && !sub_overflow_128(a.small_, b.small_, &r))) {
            return raw(r);
        }
        return slow_sub(a, b);
    }
    BMM_DETAIL_WIDE_INLINE friend wide_int operator*(const wide_int& a, const wide_int& b) {
        i128 r;
        if (BMM_LIKELY(!a.big_ && !b.big_ && !mul_overflow_128(a.small_, b.small_, &r))) {
            return raw(r);
        }
        return slow_mul(a, b);
    }
    BMM_DETAIL_WIDE_INLINE wide_int& operator+=(const wide_int& b) {
        i128 r;
        if (BMM_LIKELY(!big_ && !b.big_ && !add_overflow_128(small_, b.small_, &r))) {
            small_ = r;
            return *this;
        }
        return *this = slow_add(*this, b);
    }
    BMM_DETAIL_WIDE_INLINE wide_int& operator-=(const wide_int& b) {
        i128 r;
        if (BMM_LIKELY(!big_ && !b.big_ && !sub_overflow_128(small_, b.small_, &r))) {
            small_ = r;
            return *this;
        }
        return *this = slow_sub(*this, b);
    }
    BMM_DETAIL_WIDE_INLINE wide_int& operator*=(const wide_int& b) {
        i128 r;
        if (BMM_LIKELY(!big_ && !b.big_ && !mul_overflow_128(small_, b.small_, &r))) {
            small_ = r;
            return *this;
        }
        return *this = slow_mul(*this, b);
    }

    friend bool operator==(const wide_int& a, const wide_int& b) {
        if (!a.big_ && !b.big_) return a.small_ == b.small_;
        if (a.big_ && b.big_) return *a.big_ == *b.big_;
        return false;  // one form each: the big one is out of the small range
    }
    friend bool operator!=(const wide_int& a, const wide_int& b) { return !(a == b); }
    friend bool operator<(const wide_int& a, const wide_int& b) { return compare(a, b) < 0; }
    friend bool operator<=(const wide_int& a, const wide_int& b) { return compare(a, b) <= 0; }
    friend bool operator>(const wide_int& a, const wide_int& b) { return compare(a, b) > 0; }
    friend bool operator>=(const wide_int& a, const wide_int& b) { return compare(a, b) >= 0; }
    /// Returns: −1, 0 or 1 as a < b, a == b, a > b.
    [[nodiscard]] static int compare(const wide_int& a, const wide_int& b) {
        if (!a.big_ && !b.big_) return a.small_ < b.small_ ? -1 : (a.small_ > b.small_ ? 1 : 0);
        if (a.big_ && b.big_) {
            const int c = a.big_->compare(*b.big_);
            return c < 0 ? -1 : (c > 0 ? 1 : 0);
        }
        // One form each: the big one is beyond the small range, so its sign decides.
        return a.big_ ? a.big_->sign() : -b.big_->sign();
    }

    /// Sets q = ⌊a / d⌋ and r = a − q·d (0 <= r < d). Requires: d > 0.
    static void floor_divmod(const wide_int& a, const wide_int& d, wide_int& q, wide_int& r) {
        if (BMM_LIKELY(!a.big_ && !d.big_)) {
            i128 qq, rr;
            if (fits_i64(a.small_) && fits_i64(d.small_)) {  // a 64-bit division is much cheaper
                const auto a64 = static_cast<std::int64_t>(a.small_);
                const auto d64 = static_cast<std::int64_t>(d.small_);
                qq = a64 / d64;
                rr = a64 % d64;
            } else {
                qq = a.small_ / d.small_;
                rr = a.small_ - qq * d.small_;  // one 128-bit division, not two
            }
            if (rr < 0) {
                rr += d.small_;
                qq -= 1;
            }
            q = raw(qq);
            r = raw(rr);
            return;
        }
        slow_floor_divmod(a, d, q, r);
    }
    BMM_NOINLINE static void slow_floor_divmod(const wide_int& a, const wide_int& d, wide_int& q,
                                               wide_int& r) {
        big_int bq, br;
        boost::multiprecision::divide_qr(a.big(), d.big(), bq, br);
        if (br.sign() < 0) {
            br += d.big();
            bq -= 1;
        }
        q = wide_int(std::move(bq));
        r = wide_int(std::move(br));
    }
    /// Returns: a / d exactly. Requires: d > 0 and d divides a.
    [[nodiscard]] static wide_int divide_exact(const wide_int& a, const wide_int& d) {
        if (!a.big_ && !d.big_) {
            if (fits_i64(a.small_) && fits_i64(d.small_)) {
                return raw(static_cast<std::int64_t>(a.small_) /
                           static_cast<std::int64_t>(d.small_));
            }
            return raw(a.small_ / d.small_);
        }
        return wide_int(a.big() / d.big());
    }
    /// Returns: gcd(|a|, |b|) (gcd(0, 0) == 0).
    [[nodiscard]] static wide_int gcd(const wide_int& a, const wide_int& b) {
        if (!a.big_ && !b.big_) return raw(gcd128(a.small_, b.small_));
        return wide_int(boost::multiprecision::gcd(a.big(), b.big()));
    }

    /// Returns: the value in decimal ("-1234"), exact at any size.
    [[nodiscard]] std::string to_string() const {
        if (!big_) return decimal_of(small_);
        // Nine-digit groups from the least significant end; cpp_int's str() is avoided (see the
        // header comment).
        big_int v = *big_;
        const bool negative = v.sign() < 0;
        if (negative) v = -v;
        const big_int group(1'000'000'000);
        std::string digits;
        while (v >= group) {
            big_int q, r;
            boost::multiprecision::divide_qr(v, group, q, r);
            append_reversed(digits, r.convert_to<std::uint32_t>(), true);
            v = std::move(q);
        }
        append_reversed(digits, v.convert_to<std::uint32_t>(), false);
        if (negative) digits.push_back('-');
        return std::string(digits.rbegin(), digits.rend());
    }

private:
    BMM_NOINLINE static wide_int slow_negate(const wide_int& a) { return wide_int(-a.big()); }
    BMM_NOINLINE static wide_int slow_add(const wide_int& a, const wide_int& b) {
        return wide_int(a.big() + b.big());
    }
    BMM_NOINLINE static wide_int slow_sub(const wide_int& a, const wide_int& b) {
        return wide_int(a.big() - b.big());
    }
    BMM_NOINLINE static wide_int slow_mul(const wide_int& a, const wide_int& b) {
        return wide_int(a.big() * b.big());
    }
    static wide_int raw(const i128& v) noexcept {
        wide_int w;
        w.small_ = v;
        return w;
    }
    static bool fits_small(const big_int& v) {
        return v.is_zero() || boost::multiprecision::msb(boost::multiprecision::abs(v)) < 127;
    }
    static i128 small_of(const big_int& v) {
        big_int m = boost::multiprecision::abs(v);
        const auto lo = static_cast<std::uint64_t>(m & big_int(~std::uint64_t(0)));
        const auto hi = static_cast<std::uint64_t>(m >> 64);
        const i128 r = (i128(hi) << 64) | i128(lo);
        return v.sign() < 0 ? -r : r;
    }
    static big_int to_big(const i128& v) {
        if (v < -wide_small_max()) return -(big_int(1) << 127);  // the 128-bit minimum
        const i128 m = abs128(v);
        const auto lo = static_cast<std::uint64_t>(m & i128(~std::uint64_t(0)));
        const auto hi = static_cast<std::uint64_t>(m >> 64);
        big_int b(hi);
        b <<= 64;
        b |= big_int(lo);
        return v < 0 ? big_int(-b) : b;
    }
    static void append_reversed(std::string& out, std::uint32_t v, bool pad) {
        for (int i = 0; i < 9; ++i) {
            out.push_back(static_cast<char>('0' + v % 10));
            v /= 10;
            if (!pad && v == 0) return;
        }
    }
    static std::string decimal_of(i128 v) {
        if (v == 0) return "0";
        const bool negative = v < 0;
        std::string s;
        while (v != 0) {
            const i128 digit = v % 10;
            s.push_back(static_cast<char>('0' + static_cast<int>(digit < 0 ? -digit : digit)));
            v /= 10;
        }
        if (negative) s.push_back('-');
        return std::string(s.rbegin(), s.rend());
    }

    i128 small_ = 0;
    std::shared_ptr<const big_int> big_;  // non-null only outside ±(2^127 − 1)
};

/// Returns: n / d rounded to an integer by `mode`, given q = ⌊n / d⌋ and r = n − q·d
/// (0 <= r < d).
[[nodiscard]] inline wide_int round_from_floor(const wide_int& q, const wide_int& r,
                                               const wide_int& d, rounding_mode mode) {
    if (r.is_zero()) return q;
    const bool negative = q.sign() < 0;  // n / d < 0 exactly when its floor is
    const wide_int up = q + wide_int(1);
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
            const int c = wide_int::compare(r + r, d);
            if (c < 0) return q;
            if (c > 0) return up;
            if (mode == rounding_mode::half_up) return negative ? q : up;
            if (mode == rounding_mode::half_down) return negative ? up : q;
            wide_int half, rest;
            wide_int::floor_divmod(q, wide_int(2), half, rest);
            return rest.is_zero() ? q : up;
        }
    }
    return q;
}

/// Returns: n / d rounded to an integer by `mode`. Requires: d > 0.
[[nodiscard]] inline wide_int round_div(const wide_int& n, const wide_int& d, rounding_mode mode) {
    wide_int q, r;
    wide_int::floor_divmod(n, d, q, r);
    return round_from_floor(q, r, d, mode);
}

/// 10^n as a wide_int.
[[nodiscard]] inline wide_int wide_pow10(int n) {
    wide_int p(1);
    const wide_int ten(10);
    for (int i = 0; i < n; ++i) p *= ten;
    return p;
}

}  // namespace bmm::detail
