// bmm — exact: rationals of any size, for arithmetic that outgrows bmm::ratio's 64-bit terms
// (rates compounded over a long horizon), and exact_money<C>, an amount of a currency held as an
// exact rational number of minor units until a named rounding makes it money.
//
// Opt-in: this header brings Boost.Multiprecision's cpp_int, so bmm/bmm.hpp does not include it.
// A value is held in 128-bit terms while they fit and in cpp_int beyond (detail/wide_int.hpp):
// ratio::parse("1.035") multiplied year by year overflows ratio in year 9; as an exact it goes on.
//
//   operation                         result           note
//   exact ± exact, exact × exact      exact            exact at any size, lowest terms
//   exact / exact                     exact            undefined_error for a zero divisor;
//                                                      try_divide returns std::nullopt
//   exact <=> exact                   bool
//   pow(exact, n)                     exact            n >= 0, or n < 0 for a non-zero base
//   x.round(places, mode)             decimal          the way to a printed figure: mode named
//   exact_money ± exact_money         exact_money<C>   currencies never mix
//   exact_money × exact, × ratio      exact_money<C>
//   exact_money / exact_money         exact            a share, undefined_error on a zero divisor
//   m.round(mode)                     money<C>         overflow_error beyond money's range
//   exact_money × exact_money         does not compile
//
//   bmm::exact rate = bmm::exact::parse("1.035"), growth(1);
//   for (int year = 0; year < 30; ++year) growth *= rate;      // (207/200)^30, no overflow
//   bmm::exact_money<bmm::currency::gbp> budget(bmm::gbp::from_millions("100"));
//   (budget * growth).round(bmm::rounding_mode::half_even);    // £280,679,370.47
//   bmm::to_string(bmm::exact::parse("2.5%"));                 // "0.025"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "decimal.hpp"
#include "detail/decimal_text.hpp"
#include "detail/int128.hpp"
#include "detail/text.hpp"
#include "detail/wide_int.hpp"
#include "error.hpp"
#include "money.hpp"
#include "ratio.hpp"
#include "rounding.hpp"
#include "zero.hpp"

namespace bmm {

namespace detail {
struct exact_access;
}  // namespace detail

class exact {
public:
    /// Zero.
    exact() noexcept = default;
    /// Zero, from bmm::zero.
    exact(zero_t) noexcept {}  // NOLINT: zero converts implicitly
    /// Returns: the whole number n (integers only: exact(0.5) does not compile).
    template <class I, std::enable_if_t<detail::is_ratio_int<I>, int> = 0>
    explicit exact(I n) noexcept : num_(static_cast<std::int64_t>(n)) {}
    /// Returns: r exactly.
    explicit exact(ratio r) noexcept : num_(r.numerator()), den_(r.denominator()) {}
    /// Returns: d exactly (0.90 is 9/10).
    explicit exact(decimal d) : exact(ratio::from_decimal(d)) {}
    /// Returns: numerator / denominator in lowest terms.
    /// Throws: undefined_error if denominator is zero.
    exact(const boost::multiprecision::cpp_int& numerator,
          const boost::multiprecision::cpp_int& denominator)
        : exact(make(detail::wide_int(numerator), detail::wide_int(denominator))) {}

    /// Reads "1.035", "-3", "207/200", "3.5%", "1,000/3", " 12.5 % " (ratio::parse's grammar,
    /// without its 64-bit limit: at most 36 significant digits on each side of '/').
    /// Returns: the exact value in lowest terms.
    /// Throws: parse_error naming the text and the offset, for malformed text ("", "n/a", "%",
    /// "1//2") or a zero denominator ("1/0").
    [[nodiscard]] static exact parse(std::string_view text);
    /// Returns: parse(text), or std::nullopt exactly where parse would throw.
    [[nodiscard]] static std::optional<exact> try_parse(std::string_view text) noexcept;

    /// Returns: the numerator in lowest terms (it carries the sign).
    [[nodiscard]] boost::multiprecision::cpp_int numerator() const { return num_.big(); }
    /// Returns: the denominator in lowest terms, always > 0.
    [[nodiscard]] boost::multiprecision::cpp_int denominator() const { return den_.big(); }
    /// Returns: −1, 0 or 1.
    [[nodiscard]] int sign() const noexcept { return num_.sign(); }
    /// Returns: true for a whole number.
    [[nodiscard]] bool is_integer() const noexcept { return den_ == detail::wide_int(1); }
    /// Returns: the value as a ratio, or std::nullopt when its lowest terms do not fit int64.
    [[nodiscard]] std::optional<ratio> to_ratio() const;

    /// Returns: the value rounded to `places` decimal places (0..18) by `mode`.
    /// Requires: 0 <= places <= 18. Throws: overflow_error if the rounded figure does not fit a
    /// decimal (its units are int64).
    [[nodiscard]] decimal round(int places, rounding_mode mode) const;

    /// Returns: a / b, or std::nullopt when b is zero.
    [[nodiscard]] static std::optional<exact> try_divide(const exact& a, const exact& b);

    friend exact operator-(const exact& a) { return exact(-a.num_, a.den_, raw_tag{}); }
    friend exact operator+(const exact& a, const exact& b) {
        if (a.den_ == b.den_) return make(a.num_ + b.num_, a.den_);
        return make(a.num_ * b.den_ + b.num_ * a.den_, a.den_ * b.den_);
    }
    friend exact operator-(const exact& a, const exact& b) { return a + (-b); }
    friend exact operator*(const exact& a, const exact& b) {
        // Cross-reduced first, so the product is in lowest terms without a gcd of the result.
        const detail::wide_int g1 = detail::wide_int::gcd(a.num_, b.den_);
        const detail::wide_int g2 = detail::wide_int::gcd(b.num_, a.den_);
        if (g1.is_zero() || g2.is_zero()) return exact();  // a zero numerator
        return exact(
            detail::wide_int::divide_exact(a.num_, g1) * detail::wide_int::divide_exact(b.num_, g2),
            detail::wide_int::divide_exact(a.den_, g2) * detail::wide_int::divide_exact(b.den_, g1),
            raw_tag{});
    }
    /// Returns: a / b. Throws: undefined_error when b is zero (try_divide does not).
    friend exact operator/(const exact& a, const exact& b) {
        if (auto q = try_divide(a, b)) return *std::move(q);
        throw undefined_error("division of an exact value by zero");
    }
    exact& operator+=(const exact& b) { return *this = *this + b; }
    exact& operator-=(const exact& b) { return *this = *this - b; }
    exact& operator*=(const exact& b) { return *this = *this * b; }
    /// Divides by b. Throws: undefined_error when b is zero; *this is then unchanged.
    exact& operator/=(const exact& b) { return *this = *this / b; }

    friend bool operator==(const exact& a, const exact& b) {
        return a.num_ == b.num_ && a.den_ == b.den_;  // lowest terms are unique
    }
    friend bool operator!=(const exact& a, const exact& b) { return !(a == b); }
    friend bool operator<(const exact& a, const exact& b) { return cmp(a, b) < 0; }
    friend bool operator<=(const exact& a, const exact& b) { return cmp(a, b) <= 0; }
    friend bool operator>(const exact& a, const exact& b) { return cmp(a, b) > 0; }
    friend bool operator>=(const exact& a, const exact& b) { return cmp(a, b) >= 0; }

private:
    friend struct detail::exact_access;

    struct raw_tag {};
    exact(detail::wide_int n, detail::wide_int d, raw_tag)
        : num_(std::move(n)), den_(std::move(d)) {}
    static exact make(detail::wide_int n, detail::wide_int d) {
        if (d.is_zero()) throw undefined_error("an exact value with a zero denominator");
        if (d.sign() < 0) {
            n = -n;
            d = -d;
        }
        const detail::wide_int g = detail::wide_int::gcd(n, d);
        if (g != detail::wide_int(1)) {
            n = detail::wide_int::divide_exact(n, g);
            d = detail::wide_int::divide_exact(d, g);
        }
        return exact(std::move(n), std::move(d), raw_tag{});
    }
    static int cmp(const exact& a, const exact& b) {
        if (a.den_ == b.den_) return detail::wide_int::compare(a.num_, b.num_);
        return detail::wide_int::compare(a.num_ * b.den_, b.num_ * a.den_);
    }
    static std::optional<exact> parse_impl(std::string_view text, const char** why,
                                           std::size_t* where);

    detail::wide_int num_;
    detail::wide_int den_{std::int64_t{1}};
};

namespace detail {
/// bmm's own headers' access to an exact value's wide integers.
struct exact_access {
    /// Returns: n / d in lowest terms. Throws: undefined_error if d is zero.
    [[nodiscard]] static exact from_wide(const wide_int& n, const wide_int& d) {
        return exact::make(n, d);
    }
    [[nodiscard]] static const wide_int& numerator(const exact& x) noexcept { return x.num_; }
    [[nodiscard]] static const wide_int& denominator(const exact& x) noexcept { return x.den_; }
};
}  // namespace detail

/// Returns: a^n exactly. Throws: undefined_error for a zero base with n < 0.
[[nodiscard]] inline exact pow(exact a, long long n) {
    if (n < 0) {
        a = exact(1) / a;
        n = -n;
    }
    exact r(1);
    while (n > 0) {
        if (n & 1) r *= a;
        n >>= 1;
        if (n > 0) a *= a;
    }
    return r;
}

/// Returns: the value in its shortest exact form: a decimal when it has one ("1.035", "-3",
/// "0.025"), otherwise lowest terms ("1/3", "-207/7"). exact::parse reads either back.
[[nodiscard]] std::string to_string(const exact& x);

/// An amount of currency C as an exact rational number of minor units: the unrounded figures of
/// a projection (a budget compounded by exact rates), money only through a named rounding.
template <class C>
class exact_money {
    static_assert(is_currency_v<C>, "bmm::exact_money<C>: C must be a currency tag");

public:
    using currency_type = C;

    /// Zero.
    exact_money() noexcept = default;
    /// Zero, from bmm::zero.
    exact_money(zero_t) noexcept {}  // NOLINT: zero converts implicitly
    /// Returns: m exactly.
    explicit exact_money(money<C> m) noexcept : minor_(m.in_minor_units()) {}
    /// Returns: `units` minor units (a fraction of a penny is fine: exact(1, 3) is a third).
    [[nodiscard]] static exact_money from_minor_units(exact units) {
        exact_money m;
        m.minor_ = std::move(units);
        return m;
    }
    /// Returns: the amount in minor units, exactly.
    [[nodiscard]] const exact& in_minor_units() const noexcept { return minor_; }
    /// Returns: the amount in major units (pounds), exactly.
    [[nodiscard]] exact in_major_units() const { return minor_ / exact(money<C>::minor_per_major); }
    /// Returns: −1, 0 or 1.
    [[nodiscard]] int sign() const noexcept { return minor_.sign(); }
    /// Returns: true when no rounding is needed (a whole number of minor units).
    [[nodiscard]] bool is_exact_money() const noexcept { return minor_.is_integer(); }

    /// Returns: the amount rounded to a whole minor unit by `mode`.
    /// Throws: overflow_error naming the amount if the rounded figure is out of money's range.
    [[nodiscard]] money<C> round(rounding_mode mode) const {
        const detail::wide_int r =
            detail::round_div(detail::exact_access::numerator(minor_),
                              detail::exact_access::denominator(minor_), mode);
        if (!r.is_small() || !detail::fits_i64(r.small())) {
            throw overflow_error("the exact " + std::string(C::code) + " amount " +
                                     to_string(in_major_units()) +
                                     " rounded is out of the 64-bit range of minor units",
                                 to_string(in_major_units()));
        }
        return money<C>::from_minor_units(static_cast<std::int64_t>(r.small()));
    }

    friend exact_money operator-(const exact_money& a) { return from_minor_units(-a.minor_); }
    friend exact_money operator+(const exact_money& a, const exact_money& b) {
        return from_minor_units(a.minor_ + b.minor_);
    }
    friend exact_money operator-(const exact_money& a, const exact_money& b) {
        return from_minor_units(a.minor_ - b.minor_);
    }
    friend exact_money operator*(const exact_money& a, const exact& r) {
        return from_minor_units(a.minor_ * r);
    }
    friend exact_money operator*(const exact& r, const exact_money& a) { return a * r; }
    friend exact_money operator*(const exact_money& a, ratio r) { return a * exact(r); }
    friend exact_money operator*(ratio r, const exact_money& a) { return a * exact(r); }
    /// Returns: a ÷ r. Throws: undefined_error when r is zero.
    friend exact_money operator/(const exact_money& a, const exact& r) {
        return from_minor_units(a.minor_ / r);
    }
    /// Returns: the exact share a ÷ b. Throws: undefined_error when b is zero.
    friend exact operator/(const exact_money& a, const exact_money& b) {
        return a.minor_ / b.minor_;
    }
    exact_money& operator+=(const exact_money& b) { return *this = *this + b; }
    exact_money& operator-=(const exact_money& b) { return *this = *this - b; }
    exact_money& operator*=(const exact& r) { return *this = *this * r; }

    friend void operator*(const exact_money&, const exact_money&)
        BMM_DELETED("money * money has no meaning; multiply by a bmm::exact or bmm::ratio");

    friend bool operator==(const exact_money& a, const exact_money& b) {
        return a.minor_ == b.minor_;
    }
    friend bool operator!=(const exact_money& a, const exact_money& b) { return !(a == b); }
    friend bool operator<(const exact_money& a, const exact_money& b) {
        return a.minor_ < b.minor_;
    }
    friend bool operator<=(const exact_money& a, const exact_money& b) {
        return a.minor_ <= b.minor_;
    }
    friend bool operator>(const exact_money& a, const exact_money& b) {
        return a.minor_ > b.minor_;
    }
    friend bool operator>=(const exact_money& a, const exact_money& b) {
        return a.minor_ >= b.minor_;
    }
    friend bool operator==(const exact_money& a, money<C> b) { return a == exact_money(b); }
    friend bool operator!=(const exact_money& a, money<C> b) { return a != exact_money(b); }

private:
    exact minor_;
};

/// Returns: the amount in major units in its shortest exact form ("1234.56", "617/3").
template <class C>
[[nodiscard]] std::string to_string(const exact_money<C>& m) {
    return to_string(m.in_major_units());
}

// ---------------------------------------------------------------------------------------------
// Implementation

inline std::optional<ratio> exact::to_ratio() const {
    if (!num_.is_small() || !den_.is_small()) return std::nullopt;
    if (!detail::fits_i64(num_.small()) || !detail::fits_i64(den_.small())) return std::nullopt;
    return detail::ratio_access::from128(num_.small(), den_.small());
}

inline decimal exact::round(int places, rounding_mode mode) const {
    BMM_EXPECTS(places >= 0 && places <= decimal::max_places);
    const detail::wide_int r = detail::round_div(num_ * detail::wide_pow10(places), den_, mode);
    if (!r.is_small() || !detail::fits_i64(r.small())) {
        throw overflow_error("the exact value " + to_string(*this) + " rounded to " +
                                 std::to_string(places) + " places does not fit a decimal",
                             to_string(*this));
    }
    return decimal::from_units(static_cast<std::int64_t>(r.small()), places);
}

inline std::optional<exact> exact::try_divide(const exact& a, const exact& b) {
    if (b.num_.is_zero()) return std::nullopt;
    const bool negative = b.num_.sign() < 0;
    return a * exact(negative ? -b.den_ : b.den_, negative ? -b.num_ : b.num_, raw_tag{});
}

inline std::optional<exact> exact::parse_impl(std::string_view text, const char** why,
                                              std::size_t* where) {
    std::size_t lead = 0;
    std::string_view body = detail::trim(text, &lead);
    bool percent = false;
    if (!body.empty() && body.back() == '%') {
        body = detail::trim(body.substr(0, body.size() - 1));
        percent = true;
    }
    auto read = [&](std::string_view part, std::size_t offset, std::optional<exact>& out) -> bool {
        const detail::decimal_text t = detail::scan_decimal(part);
        if (!t.ok()) {
            *why = t.error;
            *where = lead + offset + t.error_position;
            return false;
        }
        const detail::wide_int digits =
            detail::wide_int::from_i128(t.negative ? -t.digits : t.digits);
        out = make(digits, detail::wide_pow10(t.fraction_digits));
        return true;
    };
    const std::size_t slash = body.find('/');
    std::optional<exact> a, b;
    if (!read(body.substr(0, slash), 0, a)) return std::nullopt;
    exact value = *a;
    if (slash != std::string_view::npos) {
        if (!read(body.substr(slash + 1), slash + 1, b)) return std::nullopt;
        if (b->sign() == 0) {
            *why = "the denominator is zero, so the value is undefined";
            *where = lead + slash + 1;
            return std::nullopt;
        }
        value = value / *b;
    }
    if (percent) value = value / exact(100);
    return value;
}

inline exact exact::parse(std::string_view text) {
    const char* why = nullptr;
    std::size_t where = 0;
    if (auto r = parse_impl(text, &why, &where)) return *std::move(r);
    throw parse_error(text, "an exact value", why, where);
}

inline std::optional<exact> exact::try_parse(std::string_view text) noexcept {
    const char* why = nullptr;
    std::size_t where = 0;
    try {
        return parse_impl(text, &why, &where);
    } catch (...) {
        return std::nullopt;  // std::bad_alloc: no value
    }
}

inline std::string to_string(const exact& x) {
    using detail::wide_int;
    const wide_int& n = detail::exact_access::numerator(x);
    const wide_int& d = detail::exact_access::denominator(x);
    if (d == wide_int(1)) return n.to_string();
    // A decimal exists when d = 2^a · 5^b; it then has max(a, b) places.
    wide_int rest = d, q, r;
    int twos = 0, fives = 0;
    for (;;) {
        wide_int::floor_divmod(rest, wide_int(2), q, r);
        if (!r.is_zero()) break;
        rest = q;
        ++twos;
    }
    for (;;) {
        wide_int::floor_divmod(rest, wide_int(5), q, r);
        if (!r.is_zero()) break;
        rest = q;
        ++fives;
    }
    if (rest != wide_int(1)) return n.to_string() + "/" + d.to_string();
    const int places = twos > fives ? twos : fives;
    const wide_int scaled = wide_int::divide_exact(n * detail::wide_pow10(places), d);
    std::string digits = (scaled.sign() < 0 ? -scaled : scaled).to_string();
    if (digits.size() <= static_cast<std::size_t>(places)) {
        digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(places), 1, '.');
    if (scaled.sign() < 0) digits.insert(0, 1, '-');
    return digits;
}

}  // namespace bmm
