// bmm — ratio: an exact fraction, the basis of rates, variance %, % of target, % delivered.
//
// A ratio is numerator/denominator in lowest terms (denominator > 0), each an int64. Every
// operation is exact, computed through 128-bit intermediates; a result whose lowest terms do not
// fit int64 raises overflow_error rather than losing precision. A zero denominator is never a
// ratio: it is the typed "undefined" result (std::nullopt from try_ forms, undefined_error from
// throwing forms) — never inf or NaN.
//
//   operation                 result        note
//   ratio ± ratio             ratio         exact
//   ratio * ratio, ratio * n  ratio         exact
//   ratio / ratio             ratio         throws undefined_error for a zero divisor; try_divide
//   ratio <=> ratio           bool          exact (cross-multiplied in 128 bits)
//   r.round(places, mode)     decimal       the only way to a finite decimal: the mode is named
//   r.percent(places, mode)   decimal       100·r rounded, e.g. 1/12 -> 8.3 at 1 dp
//   ratio + money, money*money …            not provided (see money.hpp for money × ratio)
//
//   auto rate = bmm::ratio::parse("2.5%");             // 1/40
//   auto share = bmm::ratio(22'600, 30'200);           // 113/151
//   share.percent(1, bmm::rounding_mode::half_even);   // 74.8
//   bmm::ratio::try_make(5, 0);                        // std::nullopt: undefined
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "config.hpp"
#include "decimal.hpp"
#include "detail/decimal_text.hpp"
#include "detail/int128.hpp"
#include "error.hpp"
#include "rounding.hpp"
#include "zero.hpp"

namespace bmm {

namespace detail {
/// Integers that convert to int64 without loss: every signed type up to 64 bits and unsigned
/// types narrower than 64 bits (never bool, never floating point).
template <class I>
inline constexpr bool is_ratio_int = std::is_integral_v<I> && !std::is_same_v<I, bool> &&
                                     (std::is_signed_v<I> || sizeof(I) < sizeof(std::int64_t));
/// What ratio's integer constructors accept: is_ratio_int, and wider integers, so that those
/// reach the static_assert that names the rule.
template <class I>
inline constexpr bool is_ratio_int_arg = is_ratio_int<I> || is_wide_integer<I>;
struct ratio_access;
}  // namespace detail

class ratio {
public:
    /// Zero (0/1).
    constexpr ratio() noexcept = default;
    /// Zero (0/1), from bmm::zero.
    constexpr ratio(zero_t) noexcept {}  // NOLINT: zero converts implicitly

    /// Returns: the whole number n as a ratio (n/1). Integers only: ratio(0.5) does not compile
    /// (read decimals exactly with ratio::parse("0.5")).
    template <class I, std::enable_if_t<detail::is_ratio_int_arg<I>, int> = 0>
    explicit constexpr ratio(I n) noexcept : num_(static_cast<std::int64_t>(n)) {
        static_assert(!detail::is_wide_integer<I>,
                      "bmm: ratio(n) takes an integer of at most 64 bits: a wider n (__int128) "
                      "would be truncated");
    }

    /// Returns: numerator/denominator in lowest terms (integers only).
    /// Throws: undefined_error if denominator == 0; overflow_error if the lowest terms do not
    /// fit (only with INT64_MIN: over a negative odd denominator, or as the denominator of an
    /// odd numerator, where 2^63 would be needed).
    template <class I, class J,
              std::enable_if_t<detail::is_ratio_int_arg<I> && detail::is_ratio_int_arg<J>, int> = 0>
    constexpr ratio(I numerator, J denominator)
        : ratio(
              make(static_cast<std::int64_t>(numerator), static_cast<std::int64_t>(denominator))) {
        static_assert(!detail::is_wide_integer<I> && !detail::is_wide_integer<J>,
                      "bmm: ratio(n, d) takes integers of at most 64 bits: a wider one (__int128) "
                      "would be truncated");
    }

    /// Returns: numerator/denominator, or std::nullopt (undefined) when denominator == 0.
    /// Throws: overflow_error as for the constructor.
    [[nodiscard]] static constexpr std::optional<ratio> try_make(std::int64_t numerator,
                                                                 std::int64_t denominator);

    /// Reads "0.025", "2.5%", "-3", "1/12", " 12.5 % ", "1,000/3", "150%" (over 100 is fine).
    /// A trailing '%' divides by 100.
    /// Returns: the exact value in lowest terms.
    /// Throws: parse_error naming the text and the offset, for malformed text ("", "n/a", "%",
    /// "1//2") or a zero denominator in "a/0" (the message says so); overflow_error naming the
    /// text when the exact value's lowest terms do not fit int64.
    [[nodiscard]] static ratio parse(std::string_view text);
    /// Returns: parse(text), or std::nullopt exactly where parse would throw.
    [[nodiscard]] static std::optional<ratio> try_parse(std::string_view text) noexcept;
    /// Reads a percentage figure printed without its sign (a "%" column): a decimal, so
    /// from_percent("2.5") == parse("2.5%") and from_percent("-29.6") is -37/125.
    /// Returns: the exact value ÷ 100.
    /// Throws: parse_error naming the text for anything but a decimal ("2.5%", "1/2", "");
    /// overflow_error naming the text when the value's lowest terms do not fit int64.
    [[nodiscard]] static ratio from_percent(std::string_view text);
    /// Returns: the exact value of a decimal, e.g. 0.90 -> 9/10 (10^18 fits).
    [[nodiscard]] static constexpr ratio from_decimal(decimal d) noexcept;

    /// Returns: the numerator in lowest terms (carries the sign).
    [[nodiscard]] constexpr std::int64_t numerator() const noexcept { return num_; }
    /// Returns: the denominator in lowest terms, always > 0.
    [[nodiscard]] constexpr std::int64_t denominator() const noexcept { return den_; }
    /// Returns: -1, 0 or 1.
    [[nodiscard]] constexpr int sign() const noexcept { return num_ > 0 ? 1 : (num_ < 0 ? -1 : 0); }

    /// Returns: this value rounded to `places` decimal places (0..18) by `mode`.
    /// Throws: overflow_error if the rounded coefficient does not fit int64; invalid_argument if
    /// places is not 0..18.
    [[nodiscard]] constexpr decimal round(int places, rounding_mode mode) const;
    /// Returns: 100 × this value rounded to `places` decimal places by `mode` (a percentage).
    /// Throws: overflow_error as for round(); invalid_argument if places is not 0..16.
    [[nodiscard]] constexpr decimal percent(int places, rounding_mode mode) const;

    /// Returns: a / b, or std::nullopt (undefined) when b is zero.
    /// Throws: overflow_error when the exact quotient's lowest terms do not fit.
    [[nodiscard]] static constexpr std::optional<ratio> try_divide(ratio a, ratio b);

    /// Returns: -a.
    /// Throws: overflow_error for a numerator of INT64_MIN, which has no negation.
    friend constexpr ratio operator-(ratio a) {
        return result(-detail::i128(a.num_), a.den_, ratio(), "-", a);
    }
    /// Returns: a + b, exactly. Throws: overflow_error if its lowest terms do not fit int64.
    friend constexpr ratio operator+(ratio a, ratio b) {
        return result(detail::i128(a.num_) * b.den_ + detail::i128(b.num_) * a.den_,
                      detail::i128(a.den_) * b.den_, a, " + ", b);
    }
    /// Returns: a - b, exactly. Throws: overflow_error if its lowest terms do not fit int64.
    friend constexpr ratio operator-(ratio a, ratio b) {
        return result(detail::i128(a.num_) * b.den_ - detail::i128(b.num_) * a.den_,
                      detail::i128(a.den_) * b.den_, a, " - ", b);
    }
    /// Returns: a × b, exactly. Throws: overflow_error if its lowest terms do not fit int64.
    friend constexpr ratio operator*(ratio a, ratio b) {
        return result(detail::i128(a.num_) * b.num_, detail::i128(a.den_) * b.den_, a, " × ", b);
    }
    /// Returns: a × n, exactly. Throws: overflow_error if its lowest terms do not fit int64.
    friend constexpr ratio operator*(ratio a, std::int64_t n) {
        return result(detail::i128(a.num_) * n, a.den_, a, " × ", ratio(n));
    }
    friend constexpr ratio operator*(std::int64_t n, ratio a) { return a * n; }
    /// Returns: a ÷ b, exactly.
    /// Throws: undefined_error when b is zero (use try_divide for the non-throwing form);
    /// overflow_error if its lowest terms do not fit int64.
    friend constexpr ratio operator/(ratio a, ratio b) {
        if (auto q = try_divide(a, b)) return *q;
        throw undefined_error("division of a ratio by zero");
    }
    /// Adds, subtracts or multiplies by b. Returns: *this.
    /// Throws: overflow_error as the operator; *this is then unchanged.
    constexpr ratio& operator+=(ratio b) { return *this = *this + b; }
    constexpr ratio& operator-=(ratio b) { return *this = *this - b; }
    constexpr ratio& operator*=(ratio b) { return *this = *this * b; }

    /// Returns: the exact comparison of the values.
    friend constexpr bool operator==(ratio a, ratio b) noexcept {
        return a.num_ == b.num_ && a.den_ == b.den_;  // lowest terms are unique
    }
    friend constexpr bool operator!=(ratio a, ratio b) noexcept { return !(a == b); }
    friend constexpr bool operator<(ratio a, ratio b) noexcept { return cmp(a, b) < 0; }
    friend constexpr bool operator<=(ratio a, ratio b) noexcept { return cmp(a, b) <= 0; }
    friend constexpr bool operator>(ratio a, ratio b) noexcept { return cmp(a, b) > 0; }
    friend constexpr bool operator>=(ratio a, ratio b) noexcept { return cmp(a, b) >= 0; }

private:
    friend struct detail::ratio_access;
    /// Returns: n/d in lowest terms. Throws: overflow_error if it does not fit; undefined_error
    /// if d is 0.
    static constexpr ratio from128(detail::i128 n, detail::i128 d);
    static constexpr ratio make(std::int64_t n, std::int64_t d) {
        if (d == 0) throw undefined_error("a ratio with a zero denominator is undefined");
        return from128(n, d);
    }
    /// n/d (d != 0) in lowest terms: the result of `a op b` (a unary op when a is zero and op
    /// is "-"). Throws: overflow_error naming the operands when it does not fit.
    static constexpr ratio result(detail::i128 n, detail::i128 d, ratio a, const char* op, ratio b);
    [[noreturn]] static void overflow(ratio a, const char* op, ratio b, detail::i128 n,
                                      detail::i128 d);
    static constexpr int cmp(ratio a, ratio b) noexcept {
        const detail::i128 x = detail::i128(a.num_) * b.den_, y = detail::i128(b.num_) * a.den_;
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    static std::optional<ratio> parse_impl(std::string_view text, const char** why,
                                           std::size_t* where, bool* overflowed);

    std::int64_t num_ = 0;
    std::int64_t den_ = 1;
};

namespace detail {
/// bmm's own headers' access to ratio's 128-bit normalisation (money's unrounded amounts, exact
/// sums, resilience ratios).
struct ratio_access {
    /// Returns: n/d in lowest terms. Throws: overflow_error if it does not fit; undefined_error
    /// if d is 0.
    [[nodiscard]] static constexpr ratio from128(i128 n, i128 d) { return ratio::from128(n, d); }
};
}  // namespace detail

/// Returns: "1/12", "-3", "0": the exact value in lowest terms (ratio::parse reads it back).
[[nodiscard]] std::string to_string(ratio r);

// ---------------------------------------------------------------------------------------------
// Implementation

inline std::string to_string(ratio r) {
    std::string s = std::to_string(r.numerator());
    if (r.denominator() != 1) s += '/' + std::to_string(r.denominator());
    return s;
}

constexpr ratio ratio::from128(detail::i128 n, detail::i128 d) {
    if (d == 0) throw undefined_error("a ratio with a zero denominator is undefined");
    if (d < 0) {
        n = -n;
        d = -d;
    }
    const detail::i128 g = detail::gcd128(n, d);
    if (g > 1) {
        n /= g;
        d /= g;
    }
    if (!detail::fits_i64(n) || !detail::fits_i64(d)) {
        throw overflow_error("an exact ratio does not fit 64-bit numerator and denominator");
    }
    ratio r;
    r.num_ = static_cast<std::int64_t>(n);
    r.den_ = static_cast<std::int64_t>(d);
    return r;
}

constexpr ratio ratio::result(detail::i128 n, detail::i128 d, ratio a, const char* op, ratio b) {
    if (d < 0) {
        n = -n;
        d = -d;
    }
    const detail::i128 g = detail::gcd128(n, d);
    if (g > 1) {
        n /= g;
        d /= g;
    }
    if (!detail::fits_i64(n) || !detail::fits_i64(d)) overflow(a, op, b, n, d);
    ratio r;
    r.num_ = static_cast<std::int64_t>(n);
    r.den_ = static_cast<std::int64_t>(d);
    return r;
}

inline void ratio::overflow(ratio a, const char* op, ratio b, detail::i128 n, detail::i128 d) {
    std::string operands = std::string(op) == "-" && a == ratio()
                               ? "-(" + to_string(b) + ")"
                               : to_string(a) + op + to_string(b);
    throw overflow_error(operands + " = " + detail::i128_text(n) +
                         (d == 1 ? std::string() : "/" + detail::i128_text(d)) +
                         " does not fit a 64-bit numerator and denominator");
}

constexpr std::optional<ratio> ratio::try_make(std::int64_t numerator, std::int64_t denominator) {
    if (denominator == 0) return std::nullopt;
    return from128(numerator, denominator);
}

constexpr std::optional<ratio> ratio::try_divide(ratio a, ratio b) {
    if (b.num_ == 0) return std::nullopt;
    return result(detail::i128(a.num_) * b.den_, detail::i128(a.den_) * b.num_, a, " ÷ ", b);
}

constexpr ratio ratio::from_decimal(decimal d) noexcept {
    // units / 10^places with places <= 18: 10^18 fits int64 and the gcd only shrinks both.
    return from128(d.units(), detail::pow10_128(d.places()));
}

constexpr decimal ratio::round(int places, rounding_mode mode) const {
    if (places < 0 || places > decimal::max_places) {
        detail::out_of_range("ratio::round: places", places, 0, decimal::max_places);
    }
    const detail::i128 r =
        detail::div_round(detail::i128(num_) * detail::pow10_128(places), detail::i128(den_), mode);
    if (!detail::fits_i64(r)) {
        throw overflow_error(to_string(*this) + " rounded to " + std::to_string(places) +
                             " places does not fit a decimal (an int64 coefficient)");
    }
    return decimal::from_units(static_cast<std::int64_t>(r), places);
}

constexpr decimal ratio::percent(int places, rounding_mode mode) const {
    if (places < 0 || places > decimal::max_places - 2) {
        detail::out_of_range("ratio::percent: places", places, 0, decimal::max_places - 2);
    }
    const detail::i128 r = detail::div_round(detail::i128(num_) * detail::pow10_128(places + 2),
                                             detail::i128(den_), mode);
    if (!detail::fits_i64(r)) {
        throw overflow_error("100 × " + to_string(*this) + " rounded to " + std::to_string(places) +
                             " places does not fit a decimal (an int64 coefficient)");
    }
    return decimal::from_units(static_cast<std::int64_t>(r), places);
}

inline std::optional<ratio> ratio::parse_impl(std::string_view text, const char** why,
                                              std::size_t* where, bool* overflowed) {
    using detail::i128;
    std::size_t lead = 0;
    std::string_view body = detail::trim(text, &lead);
    bool percent = false;
    if (!body.empty() && body.back() == '%') {
        body = detail::trim(body.substr(0, body.size() - 1));
        percent = true;
    }
    // Each side is read as an exact fraction in lowest terms (both parts below 10^37).
    struct fraction {
        i128 n, d;
    };
    auto read = [&](std::string_view part, std::size_t offset, fraction& out) {
        const detail::decimal_text t = detail::scan_decimal(part);
        if (!t.ok()) {
            *why = t.error;
            *where = lead + offset + t.error_position;
            return false;
        }
        if (t.too_large || t.sticky) {  // well-formed, but not an exact 64-bit ratio
            *overflowed = true;
            return false;
        }
        out.n = t.negative ? -t.digits : t.digits;
        out.d = detail::pow10_128(t.fraction_digits);
        const i128 g = detail::gcd128(out.n, out.d);
        out.n /= g;
        out.d /= g;
        return true;
    };
    auto too_big = [](const i128& v) { return detail::abs128(v) > i128(detail::i64_max); };
    const std::size_t slash = body.find('/');
    fraction a{0, 1}, b{1, 1};
    // A malformed part is a parse error even when the other one is too long to be exact.
    if (!read(body.substr(0, slash), 0, a) && !*overflowed) return std::nullopt;
    if (slash != std::string_view::npos) {
        const bool long_numerator = *overflowed;
        *overflowed = false;
        if (!read(body.substr(slash + 1), slash + 1, b) && !*overflowed) return std::nullopt;
        if (!*overflowed && b.n == 0) {
            *why = "the denominator is zero, so the ratio is undefined";
            *where = lead + slash + 1;
            return std::nullopt;
        }
        *overflowed = *overflowed || long_numerator;
    }
    if (*overflowed) return std::nullopt;
    if (percent) b.n *= 100;  // |b.n| < 10^37, so 100·b.n < 2^127
    // a/b = (a.n·b.d) / (a.d·b.n). Cross-reduce; the result is then in lowest terms, so a part
    // beyond int64 means the value itself does not fit.
    const i128 g1 = detail::gcd128(a.n, b.n), g2 = detail::gcd128(a.d, b.d);
    const i128 an = a.n / (g1 == 0 ? 1 : g1), bn = b.n / (g1 == 0 ? 1 : g1);
    const i128 ad = a.d / g2, bd = b.d / g2;
    if (too_big(an) || too_big(bn) || too_big(ad) || too_big(bd)) {
        *overflowed = true;
        return std::nullopt;
    }
    i128 n = an * bd, d = ad * bn;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    if (!detail::fits_i64(n) || !detail::fits_i64(d)) {
        *overflowed = true;
        return std::nullopt;
    }
    return from128(n, d);
}

inline ratio ratio::parse(std::string_view text) {
    const char* why = nullptr;
    std::size_t where = 0;
    bool overflowed = false;
    if (auto r = parse_impl(text, &why, &where, &overflowed)) return *r;
    if (overflowed) {
        throw overflow_error(detail::quoted(text) + " does not fit an exact 64-bit ratio", text);
    }
    throw parse_error(text, "a ratio", why, where);
}

inline std::optional<ratio> ratio::try_parse(std::string_view text) noexcept {
    const char* why = nullptr;
    std::size_t where = 0;
    bool overflowed = false;
    try {
        return parse_impl(text, &why, &where, &overflowed);
    } catch (const error&) {
        return std::nullopt;
    }
}

inline ratio ratio::from_percent(std::string_view text) {
    const detail::decimal_text t = detail::scan_decimal(text);
    if (!t.ok()) throw parse_error(text, "a percentage", t.error, t.error_position);
    // At most 36 digits and 36 places: |n| < 10^36 and d <= 10^38 < 2^127.
    if (t.too_large || t.sticky) {
        throw overflow_error(detail::quoted(text) + " % does not fit an exact 64-bit ratio", text);
    }
    detail::i128 n = t.negative ? -t.digits : t.digits;
    detail::i128 d = detail::pow10_128(t.fraction_digits + 2);
    const detail::i128 g = detail::gcd128(n, d);
    n /= g;
    d /= g;
    if (!detail::fits_i64(n) || !detail::fits_i64(d)) {
        throw overflow_error(detail::quoted(text) + " % does not fit an exact 64-bit ratio", text);
    }
    return from128(n, d);
}

}  // namespace bmm
