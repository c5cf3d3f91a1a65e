// bmm — money: exact amounts of one currency, in integer minor units (pence), never double.
//
//   operation                          result               note
//   money<C> ± money<C>                money<C>            checked: overflow_error, never wraps
//   -money, abs(money)                 money<C>            checked (INT64_MIN has no negation)
//   money * n, n * money  (integral)   money<C>            checked
//   money * ratio, money / ratio       unrounded_money<C>  exact; .round(mode) makes it money
//   money / n  (integral)              unrounded_money<C>  exact; .round(mode) makes it money
//   money / money                      ratio               undefined_error on a zero divisor;
//                                                          ratio_of(a, b) returns std::optional
//   money <=> money, money vs zero     bool
//   money<GBP> + money<EUR>            does not compile    currencies never mix
//   money * money                      does not compile    deleted: no meaning
//   money * double, money{1.5}         does not compile    deleted: floating point loses pennies
//   gbp{5}, gbp x = 5                  does not compile    pence? pounds? £000? say which:
//                                                          from_minor_units / from_major_units /
//                                                          parse / from_thousands / from_millions
//
//   auto budget = bmm::gbp::from_millions("22.6");            // £22,600,000.00 exactly
//   auto contrib = bmm::gbp::from_millions("6.8");
//   auto total = budget + contrib + bmm::gbp::from_millions("0.8");   // £30,200,000.00
//   auto monthly = (total / 12).round(bmm::rounding_mode::half_even);
//   bmm::to_string(bmm::gbp::parse("-0.07"));                 // "-0.07"
//
// Shown in £m, £000 or with separators by bmm/format.hpp; summed without overflow by bmm/sum.hpp;
// split without losing a penny by bmm/allocate.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "config.hpp"
#include "decimal.hpp"
#include "detail/checked.hpp"
#include "detail/decimal_text.hpp"
#include "detail/int128.hpp"
#include "error.hpp"
#include "ratio.hpp"
#include "rounding.hpp"
#include "zero.hpp"

namespace bmm {

/// Currency tags: ISO 4217 code, digits of the minor unit, and the symbol reports print.
/// Any type with these three static members is a currency (see is_currency_v).
namespace currency {
struct gbp {
    static constexpr std::string_view code = "GBP";
    static constexpr int minor_digits = 2;
    static constexpr std::string_view symbol = "\xC2\xA3";  // £
};
struct eur {
    static constexpr std::string_view code = "EUR";
    static constexpr int minor_digits = 2;
    static constexpr std::string_view symbol = "\xE2\x82\xAC";  // €
};
struct usd {
    static constexpr std::string_view code = "USD";
    static constexpr int minor_digits = 2;
    static constexpr std::string_view symbol = "$";
};
struct jpy {
    static constexpr std::string_view code = "JPY";
    static constexpr int minor_digits = 0;
    static constexpr std::string_view symbol = "\xC2\xA5";  // ¥
};
}  // namespace currency

namespace detail {
template <class C, class = void>
struct is_currency : std::false_type {};
template <class C>
struct is_currency<C,
                   std::void_t<decltype(C::code), decltype(C::minor_digits), decltype(C::symbol)>>
    : std::bool_constant<std::is_convertible_v<decltype(C::code), std::string_view> &&
                         std::is_convertible_v<decltype(C::symbol), std::string_view> &&
                         (C::minor_digits >= 0) && (C::minor_digits <= 9)> {};
}  // namespace detail

template <class C>
inline constexpr bool is_currency_v = detail::is_currency<C>::value;

template <class Currency>
class unrounded_money;

namespace detail {
/// Makes unrounded amounts (num / den minor units, den > 0): only money's operators do.
struct unrounded_access {
    template <class C>
    static constexpr unrounded_money<C> make(i128 num, i128 den) noexcept;
};
}  // namespace detail

template <class Currency>
class money {
    static_assert(is_currency_v<Currency>,
                  "bmm::money<C>: C must be a currency tag with static code, minor_digits (0..9) "
                  "and symbol members, like bmm::currency::gbp");

public:
    using currency_type = Currency;
    using rep = std::int64_t;
    static constexpr int minor_digits = Currency::minor_digits;
    static constexpr std::int64_t minor_per_major = [] {
        std::int64_t p = 1;
        for (int i = 0; i < Currency::minor_digits; ++i) p *= 10;
        return p;
    }();

    /// Zero.
    constexpr money() noexcept = default;
    /// Zero, from bmm::zero (the only value that converts implicitly).
    constexpr money(zero_t) noexcept {}  // NOLINT: zero converts implicitly

    // --- construction: every factory names its unit --------------------------------------------

    /// Returns: `units` minor units (pence for GBP): from_minor_units(-7) is -0.07.
    [[nodiscard]] static constexpr money from_minor_units(std::int64_t units) noexcept {
        money m;
        m.units_ = units;
        return m;
    }
    /// Returns: `units` whole major units (pounds): from_major_units(1'234) is 1234.00.
    /// Throws: overflow_error if that many pence do not fit int64.
    [[nodiscard]] static constexpr money from_major_units(std::int64_t units) {
        std::int64_t r = 0;
        if (detail::mul_overflow(units, minor_per_major, &r))
            overflow("converting whole", std::to_string(units) + " whole units");
        return from_minor_units(r);
    }

    /// Reads an amount in major units: "1234.56", "-0.07", "1,234.56", "£1,234.56", "-£5",
    /// "£-5", "+2.40" (grammar in detail/decimal_text.hpp). At most minor_digits decimals unless
    /// the extra digits are zeros. "-0" is zero.
    /// Returns: the amount, exactly.
    /// Throws: parse_error naming the text and the offset where it went wrong, for malformed
    /// text ("£493,032,40", "1.2.3", "", "n/a"); inexact_error naming the text if it is finer
    /// than a penny ("0.005"); overflow_error naming the text beyond ±92,233,720,368,547,758.07.
    [[nodiscard]] static money parse(std::string_view text) { return read(text, 0, nullptr); }
    /// Returns: as parse(text), rounding digits finer than a minor unit by `mode` instead of
    /// throwing inexact_error ("0.005" half_up is 0.01).
    /// Throws: parse_error and overflow_error as parse(text); never inexact_error.
    [[nodiscard]] static money parse(std::string_view text, rounding_mode mode) {
        return read(text, 0, &mode);
    }
    /// Reads a figure printed in thousands (£000): from_thousands("1,762") is 1,762,000.00.
    /// Returns: the amount, exactly.
    /// Throws: as parse(text) (the messages say "an amount in thousands").
    [[nodiscard]] static money from_thousands(std::string_view text) {
        return read(text, 3, nullptr);
    }
    /// Returns: as from_thousands(text), rounding digits finer than a minor unit by `mode`
    /// ("0.00001" half_up is 0.01).
    /// Throws: parse_error and overflow_error as parse(text); never inexact_error.
    [[nodiscard]] static money from_thousands(std::string_view text, rounding_mode mode) {
        return read(text, 3, &mode);
    }
    /// Reads a figure printed in millions (£m): from_millions("5.3") is 5,300,000.00 and
    /// from_millions("0.070") is 70,000.00.
    /// Returns: the amount, exactly.
    /// Throws: as parse(text) (the messages say "an amount in millions").
    [[nodiscard]] static money from_millions(std::string_view text) {
        return read(text, 6, nullptr);
    }
    /// Returns: as from_millions(text), rounding digits finer than a minor unit by `mode`
    /// (from_millions("1.2345678912", half_even) is 1,234,567.89).
    /// Throws: parse_error and overflow_error as parse(text); never inexact_error.
    [[nodiscard]] static money from_millions(std::string_view text, rounding_mode mode) {
        return read(text, 6, &mode);
    }
    /// Returns: parse(text), or std::nullopt exactly where parse(text) would throw.
    [[nodiscard]] static std::optional<money> try_parse(std::string_view text) noexcept {
        return try_read(text, 0, nullptr);
    }
    /// Returns: parse(text, mode), or std::nullopt exactly where it would throw.
    [[nodiscard]] static std::optional<money> try_parse(std::string_view text,
                                                        rounding_mode mode) noexcept {
        return try_read(text, 0, &mode);
    }
    /// Returns: from_thousands(text), or std::nullopt exactly where it would throw.
    [[nodiscard]] static std::optional<money> try_from_thousands(std::string_view text) noexcept {
        return try_read(text, 3, nullptr);
    }
    /// Returns: from_thousands(text, mode), or std::nullopt exactly where it would throw.
    [[nodiscard]] static std::optional<money> try_from_thousands(std::string_view text,
                                                                 rounding_mode mode) noexcept {
        return try_read(text, 3, &mode);
    }
    /// Returns: from_millions(text), or std::nullopt exactly where it would throw.
    [[nodiscard]] static std::optional<money> try_from_millions(std::string_view text) noexcept {
        return try_read(text, 6, nullptr);
    }
    /// Returns: from_millions(text, mode), or std::nullopt exactly where it would throw.
    [[nodiscard]] static std::optional<money> try_from_millions(std::string_view text,
                                                                rounding_mode mode) noexcept {
        return try_read(text, 6, &mode);
    }

    /// Returns: an exact decimal as money, e.g. from_decimal(decimal::parse("5.3"), 6) for £5.3m.
    /// `scale` is the power of ten of the decimal's unit (0 major units, 3 thousands, 6 millions).
    /// Throws: inexact_error naming the decimal if finer than a minor unit; overflow_error
    /// naming it if out of range; invalid_argument if scale is not 0..18.
    [[nodiscard]] static money from_decimal(decimal d, int scale = 0);

    // --- observers
    // --------------------------------------------------------------------------------

    /// Returns: the amount in minor units (pence): the exact stored value.
    [[nodiscard]] constexpr std::int64_t in_minor_units() const noexcept { return units_; }
    /// Returns: the amount as an exact decimal in major units (1234.56, with minor_digits places).
    [[nodiscard]] constexpr decimal in_major_units() const noexcept {
        return decimal::from_units(units_, minor_digits);
    }
    /// Returns: true for zero.
    [[nodiscard]] constexpr bool is_zero() const noexcept { return units_ == 0; }
    /// Returns: true below zero.
    [[nodiscard]] constexpr bool is_negative() const noexcept { return units_ < 0; }
    /// Returns: -1, 0 or 1.
    [[nodiscard]] constexpr int sign() const noexcept {
        return units_ > 0 ? 1 : (units_ < 0 ? -1 : 0);
    }

    // --- arithmetic (hidden friends) -------------------------------------------------------------

    /// Returns: a, unchanged.
    friend constexpr money operator+(money a) noexcept { return a; }
    /// Returns: -a.
    /// Throws: overflow_error for the one amount without a negation (INT64_MIN minor units).
    friend constexpr money operator-(money a) {
        std::int64_t r = 0;
        if (detail::sub_overflow(0, a.units_, &r)) overflow("negating", amount_text(a.units_));
        return from_minor_units(r);
    }
    /// Returns: a + b, exactly. Throws: overflow_error if the sum is out of range.
    friend constexpr money operator+(money a, money b) {
        std::int64_t r = 0;
        if (detail::add_overflow(a.units_, b.units_, &r))
            overflow("adding", amount_text(a.units_) + " + " + amount_text(b.units_));
        return from_minor_units(r);
    }
    /// Returns: a - b, exactly. Throws: overflow_error if the difference is out of range.
    friend constexpr money operator-(money a, money b) {
        std::int64_t r = 0;
        if (detail::sub_overflow(a.units_, b.units_, &r))
            overflow("subtracting", amount_text(a.units_) + " - " + amount_text(b.units_));
        return from_minor_units(r);
    }
    /// Adds (subtracts) b. Returns: *this.
    /// Throws: overflow_error if the result is out of range; *this is then unchanged.
    constexpr money& operator+=(money b) { return *this = *this + b; }
    constexpr money& operator-=(money b) { return *this = *this - b; }

    /// Returns: the amount times a whole number. Throws: overflow_error if out of range.
    template <class I, std::enable_if_t<detail::is_whole_number_arg<I>, int> = 0>
    friend constexpr money operator*(money a, I n) {
        static_assert(!detail::is_wide_integer<I>,
                      "bmm: money * n takes an integer of at most 64 bits: a wider n (__int128) "
                      "would be truncated");
        static_assert(sizeof(I) < sizeof(std::int64_t) || std::is_signed_v<I>,
                      "multiply money by a signed integer (a uint64_t count may not fit int64)");
        std::int64_t r = 0;
        if (detail::mul_overflow(a.units_, static_cast<std::int64_t>(n), &r))
            overflow("multiplying", amount_text(a.units_) + " × " + std::to_string(n));
        return from_minor_units(r);
    }
    template <class I, std::enable_if_t<detail::is_whole_number_arg<I>, int> = 0>
    friend constexpr money operator*(I n, money a) {
        return a * n;
    }
    /// Multiplies by n. Returns: *this.
    /// Throws: overflow_error if the product is out of range; *this is then unchanged.
    template <class I, std::enable_if_t<detail::is_whole_number_arg<I>, int> = 0>
    constexpr money& operator*=(I n) {
        return *this = *this * n;
    }

    /// Returns: the exact product, to be rounded with a named mode before it is money again.
    /// Exact in 128 bits; the rounding may throw overflow_error.
    friend constexpr unrounded_money<Currency> operator*(money a, ratio r) noexcept {
        return detail::unrounded_access::make<Currency>(detail::i128(a.units_) * r.numerator(),
                                                        r.denominator());
    }
    friend constexpr unrounded_money<Currency> operator*(ratio r, money a) noexcept {
        return a * r;
    }
    /// Returns: the exact quotient, to be rounded (the rounding may throw overflow_error, e.g.
    /// for the largest amount divided by 1/2).
    /// Throws: undefined_error if r is zero.
    friend constexpr unrounded_money<Currency> operator/(money a, ratio r) {
        if (r.numerator() == 0) throw undefined_error("division of money by a zero ratio");
        const detail::i128 n = detail::i128(a.units_) * r.denominator();
        return r.numerator() < 0
                   ? detail::unrounded_access::make<Currency>(-n, -detail::i128(r.numerator()))
                   : detail::unrounded_access::make<Currency>(n, r.numerator());
    }
    /// Returns: the exact quotient a / n, to be rounded. Throws: undefined_error if n == 0.
    template <class I, std::enable_if_t<detail::is_whole_number_arg<I>, int> = 0>
    friend constexpr unrounded_money<Currency> operator/(money a, I n) {
        static_assert(!detail::is_wide_integer<I>,
                      "bmm: money / n takes an integer of at most 64 bits: a wider n (__int128) "
                      "would be truncated");
        static_assert(sizeof(I) < sizeof(std::int64_t) || std::is_signed_v<I>,
                      "divide money by a signed integer (a uint64_t count may not fit int64)");
        if (n == 0) throw undefined_error("division of money by zero");
        const auto d = static_cast<std::int64_t>(n);
        return d < 0 ? detail::unrounded_access::make<Currency>(-detail::i128(a.units_),
                                                                -detail::i128(d))
                     : detail::unrounded_access::make<Currency>(a.units_, d);
    }
    /// Returns: the exact ratio a / b (e.g. a share of a total).
    /// Throws: undefined_error if b is zero (ratio_of returns std::nullopt instead);
    /// overflow_error when the lowest terms do not fit int64, which needs INT64_MIN minor units:
    /// an odd amount over it, or it over a negative odd amount (e.g. over minus one penny).
    friend constexpr ratio operator/(money a, money b) {
        if (b.units_ == 0) throw undefined_error("division of money by a zero amount");
        return ratio(a.units_, b.units_);
    }

    // Deliberately absent operations, deleted so that the compiler names the rule.
    friend void operator*(money, money)
        BMM_DELETED("money * money has no meaning; multiply by a bmm::ratio");
    template <class F>
    friend std::enable_if_t<std::is_floating_point_v<F>> operator*(money, F)
        BMM_DELETED("money * floating point loses pennies; use bmm::ratio");
    template <class F>
    friend std::enable_if_t<std::is_floating_point_v<F>> operator*(F, money)
        BMM_DELETED("floating point * money loses pennies; use bmm::ratio");
    template <class F>
    friend std::enable_if_t<std::is_floating_point_v<F>> operator/(money, F)
        BMM_DELETED("money / floating point loses pennies; use bmm::ratio");

    // --- comparison
    // -------------------------------------------------------------------------------

    /// Returns: the comparison of the amounts (or of the amount with zero).
    friend constexpr bool operator==(money a, money b) noexcept { return a.units_ == b.units_; }
    friend constexpr bool operator!=(money a, money b) noexcept { return a.units_ != b.units_; }
    friend constexpr bool operator<(money a, money b) noexcept { return a.units_ < b.units_; }
    friend constexpr bool operator<=(money a, money b) noexcept { return a.units_ <= b.units_; }
    friend constexpr bool operator>(money a, money b) noexcept { return a.units_ > b.units_; }
    friend constexpr bool operator>=(money a, money b) noexcept { return a.units_ >= b.units_; }
    friend constexpr bool operator==(money a, zero_t) noexcept { return a.units_ == 0; }
    friend constexpr bool operator!=(money a, zero_t) noexcept { return a.units_ != 0; }
    friend constexpr bool operator<(money a, zero_t) noexcept { return a.units_ < 0; }
    friend constexpr bool operator<=(money a, zero_t) noexcept { return a.units_ <= 0; }
    friend constexpr bool operator>(money a, zero_t) noexcept { return a.units_ > 0; }
    friend constexpr bool operator>=(money a, zero_t) noexcept { return a.units_ >= 0; }
    friend constexpr bool operator==(zero_t, money a) noexcept { return a.units_ == 0; }
    friend constexpr bool operator!=(zero_t, money a) noexcept { return a.units_ != 0; }
    friend constexpr bool operator<(zero_t, money a) noexcept { return 0 < a.units_; }
    friend constexpr bool operator<=(zero_t, money a) noexcept { return 0 <= a.units_; }
    friend constexpr bool operator>(zero_t, money a) noexcept { return 0 > a.units_; }
    friend constexpr bool operator>=(zero_t, money a) noexcept { return 0 >= a.units_; }

private:
    [[noreturn]] static void overflow(const char* what, const std::string& operands) {
        throw overflow_error(std::string(what) + " " + std::string(Currency::code) +
                             " amounts overflows the 64-bit range of minor units: " + operands);
    }
    static std::string amount_text(std::int64_t units) {
        return detail::fixed_point_text(units, Currency::minor_digits);
    }
    static money read(std::string_view text, int scale, const rounding_mode* mode);
    static std::optional<money> try_read(std::string_view text, int scale,
                                         const rounding_mode* mode) noexcept;

    std::int64_t units_ = 0;
};

/// An exact amount that is not yet a whole number of minor units: the result of money × ratio,
/// money / ratio and money / n. It becomes money only through a named rounding.
///
///   auto share = (bmm::gbp::parse("100.00") / 3).round(bmm::rounding_mode::half_even); // 33.33
template <class Currency>
class unrounded_money {
public:
    /// Returns: the amount rounded to a whole minor unit by `mode`.
    /// Throws: overflow_error if the rounded amount is out of money's range.
    [[nodiscard]] constexpr money<Currency> round(rounding_mode mode) const {
        if (detail::fits_i64(num_) && detail::fits_i64(den_)) {
            // The common case (amount × a small rate): a 64-bit division is several times
            // cheaper than a 128-bit one, and the quotient of int64 values (den_ > 0) fits.
            return money<Currency>::from_minor_units(detail::div_round(
                static_cast<std::int64_t>(num_), static_cast<std::int64_t>(den_), mode));
        }
        const detail::i128 r = detail::div_round(num_, detail::i128(den_), mode);
        if (!detail::fits_i64(r)) {
            throw overflow_error(
                "a rounded " + std::string(Currency::code) +
                " amount overflows the 64-bit range of minor units: " + detail::i128_text(num_) +
                "/" + detail::i128_text(den_) + " minor units, rounded");
        }
        return money<Currency>::from_minor_units(static_cast<std::int64_t>(r));
    }
    /// Returns: true when no rounding is needed (the amount is a whole number of minor units).
    [[nodiscard]] constexpr bool is_exact() const noexcept { return num_ % den_ == 0; }
    /// Returns: the exact amount in minor units as a ratio.
    /// Throws: overflow_error if its lowest terms do not fit int64.
    [[nodiscard]] constexpr ratio in_minor_units() const {
        return detail::ratio_access::from128(num_, den_);
    }

private:
    friend struct detail::unrounded_access;
    constexpr unrounded_money(detail::i128 num, detail::i128 den) noexcept : num_(num), den_(den) {}

    detail::i128 num_;  // minor units × den
    detail::i128 den_;  // > 0, at most |INT64_MIN|
};

template <class C>
constexpr unrounded_money<C> detail::unrounded_access::make(i128 num, i128 den) noexcept {
    return unrounded_money<C>(num, den);
}

using gbp = money<currency::gbp>;
using eur = money<currency::eur>;
using usd = money<currency::usd>;
using jpy = money<currency::jpy>;

/// Returns: `n` pence. pence(123'456) is £1,234.56.
[[nodiscard]] constexpr gbp pence(std::int64_t n) noexcept { return gbp::from_minor_units(n); }
/// Returns: `n` whole pounds. Throws: overflow_error if out of range.
[[nodiscard]] constexpr gbp pounds(std::int64_t n) { return gbp::from_major_units(n); }

/// Returns: |m|. Throws: overflow_error for the most negative amount.
template <class C>
[[nodiscard]] constexpr money<C> abs(money<C> m) {
    return m.is_negative() ? -m : m;
}

/// Returns: a / b as an exact ratio, or std::nullopt (undefined) when b is zero.
/// Throws: overflow_error only when the lowest terms do not fit int64, as for a / b (INT64_MIN
/// minor units over a negative odd amount, or an odd amount over INT64_MIN minor units).
template <class C>
[[nodiscard]] constexpr std::optional<ratio> ratio_of(money<C> a, money<C> b) {
    if (b.is_zero()) return std::nullopt;
    return ratio(a.in_minor_units(), b.in_minor_units());
}

/// Returns: the amount in major units with exactly minor_digits decimals: "-1234.56", "0.00",
/// never "-0.00" (money::parse reads it back). For £m, £000 and separators see bmm/format.hpp.
template <class C>
[[nodiscard]] std::string to_string(money<C> m) {
    return detail::fixed_point_text(m.in_minor_units(), C::minor_digits);
}

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// `digits` × 10^exponent rounded by `mode` (or exactly, when mode is null) into int64.
/// Returns: the value, or why it failed (1 inexact, 2 overflow).
struct scaled_result {
    std::int64_t value = 0;
    int failure = 0;
};
[[nodiscard]] constexpr scaled_result scale_to_i64(i128 digits, bool negative, int exponent,
                                                   const rounding_mode* mode) noexcept {
    scaled_result out;
    i128 v = 0;
    if (exponent >= 0) {
        if (exponent > 30 || (digits != 0 && digits > i128(i64_max) / pow10_128(exponent) + 1)) {
            out.failure = 2;
            return out;
        }
        v = digits * pow10_128(exponent);
        if (negative) v = -v;
    } else {
        const i128 p = pow10_128(-exponent);
        const i128 n = negative ? -digits : digits;
        if (n % p != 0 && mode == nullptr) {
            out.failure = 1;
            return out;
        }
        v = div_round(n, p, mode != nullptr ? *mode : rounding_mode::toward_zero);
    }
    if (!fits_i64(v)) {
        out.failure = 2;
        return out;
    }
    out.value = static_cast<std::int64_t>(v);
    return out;
}

inline constexpr const char* scale_names[] = {
    "an amount", "", "", "an amount in thousands", "", "", "an amount in millions"};

}  // namespace detail

template <class C>
money<C> money<C>::read(std::string_view text, int scale, const rounding_mode* mode) {
    const detail::decimal_text t = detail::scan_decimal(text, C::symbol);
    const char* what = detail::scale_names[scale];
    if (!t.ok()) throw parse_error(text, what, t.error, t.error_position);
    const auto r = detail::scale_to_i64(t.digits, t.negative,
                                        C::minor_digits + scale - t.fraction_digits, mode);
    if (r.failure == 1) {
        throw inexact_error(detail::quoted(text) + " is finer than the " + std::string(C::code) +
                                " minor unit: pass a rounding_mode to round it",
                            text);
    }
    if (r.failure == 2) {
        throw overflow_error(
            detail::quoted(text) + " is out of the range of " + std::string(C::code) + " money",
            text);
    }
    return from_minor_units(r.value);
}

template <class C>
std::optional<money<C>> money<C>::try_read(std::string_view text, int scale,
                                           const rounding_mode* mode) noexcept {
    const detail::decimal_text t = detail::scan_decimal(text, C::symbol);
    if (!t.ok()) return std::nullopt;
    const auto r = detail::scale_to_i64(t.digits, t.negative,
                                        C::minor_digits + scale - t.fraction_digits, mode);
    if (r.failure != 0) return std::nullopt;
    return from_minor_units(r.value);
}

template <class C>
money<C> money<C>::from_decimal(decimal d, int scale) {
    if (scale < 0 || scale > 18) detail::out_of_range("money::from_decimal: scale", scale, 0, 18);
    const bool negative = d.units() < 0;
    const detail::i128 mag = detail::abs128(detail::i128(d.units()));
    const auto r =
        detail::scale_to_i64(mag, negative, C::minor_digits + scale - d.places(), nullptr);
    if (r.failure == 1) {
        const std::string text = to_string(d);
        throw inexact_error(
            detail::quoted(text) + " is finer than the " + std::string(C::code) + " minor unit",
            text);
    }
    if (r.failure == 2) {
        const std::string text = to_string(d);
        throw overflow_error(detail::quoted(text) +
                                 (scale == 0 ? "" : " × 10^" + std::to_string(scale)) +
                                 " is out of the range of " + std::string(C::code) + " money",
                             text);
    }
    return from_minor_units(r.value);
}

}  // namespace bmm
