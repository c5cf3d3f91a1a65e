// bmm — format: money as reports print it ("£5.3m", "£0.070m", "£4,685,633", "1,762", "(1.2)").
//
// Showing an amount in £m or £000 rounds it, so the rounding mode is part of the format and
// defaults to half_up (ties away from zero, as a spreadsheet's ROUND does). A value that rounds
// to zero is printed without a sign: never "-0.00" or "-£0.0m".
//
//   auto m = bmm::gbp::parse("5297400.00");
//   bmm::to_string(m, bmm::money_format::millions(1));     // "£5.3m"
//   bmm::to_string(m, bmm::money_format::millions(3));     // "£5.297m"
//   bmm::to_string(m, bmm::money_format::thousands());     // "5,297"
//   bmm::to_string(-m, bmm::money_format::millions(1).with_brackets());   // "(£5.3m)"
//   bmm::to_string(bmm::pence(-4), bmm::money_format::millions(1));       // "£0.0m"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "config.hpp"
#include "decimal.hpp"
#include "detail/decimal_text.hpp"
#include "detail/int128.hpp"
#include "error.hpp"
#include "money.hpp"
#include "rounding.hpp"

namespace bmm {

enum class negative_style { minus, brackets };

/// How to show an amount. Build one from a preset and adjust it with the with_… setters.
struct money_format {
    int scale = 0;            ///< power of ten of the unit shown: 0 units, 3 thousands, 6 millions
    int decimals = -1;        ///< digits after the point; -1 = the currency's minor digits
    bool symbol = true;       ///< prefix the currency symbol ("£")
    bool grouping = true;     ///< thousands separators in the integer part ("4,685,633")
    std::string_view suffix;  ///< after the number ("m" for millions)
    negative_style negative = negative_style::minus;
    bool plus_sign = false;  ///< "+2.4" for positive values (changes since last report)
    rounding_mode rounding = rounding_mode::half_up;

    /// "£1,234.56": major units with every minor digit.
    [[nodiscard]] static constexpr money_format full() noexcept { return {}; }
    /// "£4,685,633": whole major units.
    [[nodiscard]] static constexpr money_format whole() noexcept {
        money_format f;
        f.decimals = 0;
        return f;
    }
    /// "£5.3m" (decimals = 1), "£0.070m" (decimals = 3).
    [[nodiscard]] static constexpr money_format millions(int decimals = 1) noexcept {
        money_format f;
        f.scale = 6;
        f.decimals = decimals;
        f.suffix = "m";
        return f;
    }
    /// "1,762": thousands with no symbol, as the £000 columns of virement tables print them.
    [[nodiscard]] static constexpr money_format thousands(int decimals = 0) noexcept {
        money_format f;
        f.scale = 3;
        f.decimals = decimals;
        f.symbol = false;
        return f;
    }
    /// "-1.2" in a £m table column: millions, no symbol, no suffix.
    [[nodiscard]] static constexpr money_format millions_column(int decimals = 1) noexcept {
        money_format f = millions(decimals);
        f.symbol = false;
        f.suffix = {};
        return f;
    }

    [[nodiscard]] constexpr money_format with_brackets() const noexcept {
        money_format f = *this;
        f.negative = negative_style::brackets;
        return f;
    }
    [[nodiscard]] constexpr money_format with_plus_sign() const noexcept {
        money_format f = *this;
        f.plus_sign = true;
        return f;
    }
    [[nodiscard]] constexpr money_format with_rounding(rounding_mode m) const noexcept {
        money_format f = *this;
        f.rounding = m;
        return f;
    }
    [[nodiscard]] constexpr money_format without_symbol() const noexcept {
        money_format f = *this;
        f.symbol = false;
        return f;
    }
    [[nodiscard]] constexpr money_format without_grouping() const noexcept {
        money_format f = *this;
        f.grouping = false;
        return f;
    }
};

/// Returns: `m` shown in `format`, rounded by format.rounding; zero never carries a sign.
/// Requires: 0 <= format.scale <= 18, -1 <= format.decimals <= 18.
template <class C>
[[nodiscard]] std::string to_string(money<C> m, const money_format& format);

/// Reads an amount as printed in `format`, exactly: "£5.3m" and "(£5.3m)" in millions(),
/// "£0.070m", "-1.2" or "+2.4" in millions_column(), "1,762" in thousands() (£000),
/// "£4,685,633" in whole(). The currency symbol is optional; a minus sign, a plus sign or
/// brackets may mark the sign whatever the format's style; the format's suffix ("m") is
/// required when it has one. parse_money(to_string(m, f), f) is m rounded as f shows it.
/// Throws: parse_error naming the text for a malformed number ("£493,032,40" as printed in seed
/// 002), a missing suffix, or a sign inside brackets; inexact_error if the figure is finer than
/// the currency's minor unit; overflow_error if it is out of range.
template <class C>
[[nodiscard]] money<C> parse_money(std::string_view text, const money_format& format);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

inline std::string group_thousands(std::string digits) {
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i != 0 && (n - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

inline std::string u128_text(i128 v) {  // v >= 0
    if (v == 0) return "0";
    std::string s;
    while (v > 0) {
        s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    }
    return s;
}

}  // namespace detail

template <class C>
std::string to_string(money<C> m, const money_format& f) {
    const int decimals = f.decimals < 0 ? C::minor_digits : f.decimals;
    BMM_EXPECTS(f.scale >= 0 && f.scale <= 18 && decimals <= 18);
    // The shown coefficient: minor units × 10^(decimals - minor_digits - scale), rounded.
    const int shift = C::minor_digits + f.scale - decimals;
    detail::i128 v = m.in_minor_units();
    if (shift > 0) {
        v = detail::div_round(v, detail::pow10_128(shift), f.rounding);
    } else if (shift < 0) {
        v *= detail::pow10_128(-shift);  // |minor units| < 2^63, × 10^≤27 < 2^127
    }
    const bool negative = v < 0;
    std::string digits = detail::u128_text(detail::abs128(v));
    if (digits.size() <= static_cast<std::size_t>(decimals)) {
        digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    }
    std::string whole = digits.substr(0, digits.size() - static_cast<std::size_t>(decimals));
    std::string body = f.grouping ? detail::group_thousands(whole) : whole;
    if (decimals > 0)
        body += '.' + digits.substr(digits.size() - static_cast<std::size_t>(decimals));
    if (f.symbol) body.insert(0, C::symbol);
    body += f.suffix;
    if (negative) {
        return f.negative == negative_style::brackets ? "(" + body + ")" : "-" + body;
    }
    if (f.plus_sign && v > 0) return "+" + body;
    return body;
}

template <class C>
money<C> parse_money(std::string_view text, const money_format& f) {
    BMM_EXPECTS(f.scale >= 0 && f.scale <= 18);
    std::size_t offset = 0;
    std::string_view t = detail::trim(text, &offset);
    bool bracketed = false;
    if (t.size() >= 2 && t.front() == '(' && t.back() == ')') {
        bracketed = true;
        t = detail::trim(t.substr(1, t.size() - 2));
        ++offset;
    }
    if (!f.suffix.empty()) {
        if (t.size() < f.suffix.size() || t.substr(t.size() - f.suffix.size()) != f.suffix) {
            throw parse_error(text, "an amount",
                              "expected it to end in \"" + std::string(f.suffix) + "\"");
        }
        t = t.substr(0, t.size() - f.suffix.size());
    }
    const detail::decimal_text d = detail::scan_decimal(t, C::symbol);
    if (!d.ok()) throw parse_error(text, "an amount", d.error, offset + d.error_position);
    if (bracketed && d.had_sign) {
        throw parse_error(text, "an amount", "a sign inside brackets");
    }
    if (!detail::fits_i64(d.digits) || d.fraction_digits > decimal::max_places) {
        throw overflow_error("\"" + std::string(text) + "\" is out of range", text);
    }
    const auto magnitude = static_cast<std::int64_t>(d.digits);
    const decimal value =
        decimal::from_units((d.negative != bracketed) ? -magnitude : magnitude, d.fraction_digits);
    return money<C>::from_decimal(value, f.scale);
}

}  // namespace bmm
