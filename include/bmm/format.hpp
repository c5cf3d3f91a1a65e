// bmm — format: money and percentages as reports print them ("£5.3m", "£0.070m", "£4,685,633",
// "1,762", "(1.2)", "0.9%", "-26.6%", "+25%") — and parsing each back exactly.
//
// Showing an amount in £m or £000, or a percentage at 1 dp, rounds it, so the rounding mode is
// part of the format and defaults to half_up (ties away from zero, as a spreadsheet's ROUND
// does). A value that rounds to zero is printed without a sign: never "-0.00", "-£0.0m" or
// "-0.0%" (nor "+0.0%").
//
//   function                                   from             to
//   to_string(money, money_format)             money            "£5.3m", "1,762", "(1.2)"
//   parse_money<C>(text, money_format)         "£5.3m"          money (exact)
//   to_string(decimal, percent_format)         a % figure 0.9   "0.9%"  (the figure is the %)
//   to_string(ratio, percent_format)           a share 9/1000   "0.9%"  (the share × 100)
//   parse_percent(text, percent_format)        "(1.2)%"         decimal -1.2 (exact, as printed)
//
//   auto m = bmm::gbp::parse("5297400.00");
//   bmm::to_string(m, bmm::money_format::millions(1));     // "£5.3m"
//   bmm::to_string(m, bmm::money_format::millions(3));     // "£5.297m"
//   bmm::to_string(m, bmm::money_format::thousands());     // "5,297"
//   bmm::to_string(-m, bmm::money_format::millions(1).with_brackets());   // "(£5.3m)"
//   bmm::to_string(bmm::pence(-4), bmm::money_format::millions(1));       // "£0.0m"
//   bmm::to_string(bmm::ratio(-33, 124), bmm::percent_format::places(1)); // "-26.6%"
//   bmm::to_string(bmm::decimal::parse("2.4"), bmm::percent_format::places(1).with_plus_sign());
//                                                                         // "+2.4%"
//   bmm::parse_percent("(1.2)%");                                         // -1.2
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config.hpp"
#include "decimal.hpp"
#include "detail/decimal_text.hpp"
#include "detail/int128.hpp"
#include "detail/try_twin.hpp"
#include "error.hpp"
#include "money.hpp"
#include "ratio.hpp"
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

    /// Returns: "£1,234.56": major units with every minor digit.
    [[nodiscard]] static constexpr money_format full() noexcept { return {}; }
    /// Returns: "£4,685,633": whole major units.
    [[nodiscard]] static constexpr money_format whole() noexcept {
        money_format f;
        f.decimals = 0;
        return f;
    }
    /// Returns: "£5.3m" (decimals = 1), "£0.070m" (decimals = 3).
    /// Requires: 0 <= decimals <= 18 (an invalid_argument when used).
    [[nodiscard]] static constexpr money_format millions(int decimals = 1) noexcept {
        money_format f;
        f.scale = 6;
        f.decimals = decimals;
        f.suffix = "m";
        return f;
    }
    /// Returns: "1,762": thousands with no symbol, as the £000 columns of virement tables print
    /// them. Requires: 0 <= decimals <= 18 (an invalid_argument when used).
    [[nodiscard]] static constexpr money_format thousands(int decimals = 0) noexcept {
        money_format f;
        f.scale = 3;
        f.decimals = decimals;
        f.symbol = false;
        return f;
    }
    /// Returns: "-1.2" in a £m table column: millions, no symbol, no suffix.
    /// Requires: 0 <= decimals <= 18 (an invalid_argument when used).
    [[nodiscard]] static constexpr money_format millions_column(int decimals = 1) noexcept {
        money_format f = millions(decimals);
        f.symbol = false;
        f.suffix = {};
        return f;
    }

    /// Returns: this format, negatives in brackets ("(1.2)").
    [[nodiscard]] constexpr money_format with_brackets() const noexcept {
        money_format f = *this;
        f.negative = negative_style::brackets;
        return f;
    }
    /// Returns: this format, positives with a plus ("+2.4").
    [[nodiscard]] constexpr money_format with_plus_sign() const noexcept {
        money_format f = *this;
        f.plus_sign = true;
        return f;
    }
    /// Returns: this format, rounding by m.
    [[nodiscard]] constexpr money_format with_rounding(rounding_mode m) const noexcept {
        money_format f = *this;
        f.rounding = m;
        return f;
    }
    /// Returns: this format without the currency symbol.
    [[nodiscard]] constexpr money_format without_symbol() const noexcept {
        money_format f = *this;
        f.symbol = false;
        return f;
    }
    /// Returns: this format without thousands separators.
    [[nodiscard]] constexpr money_format without_grouping() const noexcept {
        money_format f = *this;
        f.grouping = false;
        return f;
    }
};

/// Returns: `m` shown in `format`, rounded by format.rounding; zero never carries a sign.
/// Throws: invalid_argument unless 0 <= format.scale <= 18 and -1 <= format.decimals <= 18.
template <class C>
[[nodiscard]] std::string to_string(money<C> m, const money_format& format);

/// Returns: the amount exactly as printed. Reads an amount as printed in `format`: "£5.3m" and "(£5.3m)" in millions(),
/// "£0.070m", "-1.2" or "+2.4" in millions_column(), "1,762" in thousands() (£000),
/// "£4,685,633" in whole(). The currency symbol is optional; a minus sign, a plus sign or
/// brackets may mark the sign whatever the format's style; the format's suffix ("m") is
/// required when it has one. parse_money(to_string(m, f), f) is m rounded as f shows it.
/// Throws: parse_error naming the text for a malformed number ("£493,032,40" as printed in seed
/// 002), a missing suffix, or a sign inside brackets; inexact_error naming the text (e.g.
/// "£0.001") if the figure is finer than the currency's minor unit; overflow_error naming the
/// text if it is out of range (every amount from INT64_MIN to INT64_MAX minor units reads);
/// invalid_argument unless 0 <= format.scale <= 18.
template <class C>
[[nodiscard]] money<C> parse_money(std::string_view text, const money_format& format);
/// Returns: parse_money<C>(text, format), or std::nullopt exactly where it would throw.
template <class C>
[[nodiscard]] std::optional<money<C>> try_parse_money(std::string_view text,
                                                      const money_format& format) noexcept {
    return detail::try_twin([text, &format] { return parse_money<C>(text, format); });
}

/// How to show a percentage. Build one from a preset and adjust it with the with_… setters.
struct percent_format {
    int decimals = 1;  ///< digits after the point; -1 = a decimal's own places (not for ratios)
    negative_style negative = negative_style::minus;  ///< "-1.2%" or "(1.2)%"
    bool plus_sign = false;    ///< "+2.4%" for positive values (changes, % increases)
    bool percent_sign = true;  ///< the "%" after the number (a "%" column prints none)
    bool grouping = false;     ///< thousands separators ("1,234.5%")
    rounding_mode rounding = rounding_mode::half_up;

    /// Returns: "0.9%" at `decimals` places (decimals = 1), "25%" (decimals = 0).
    /// Requires: -1 <= decimals <= 16 (an invalid_argument when used).
    [[nodiscard]] static constexpr percent_format places(int decimals = 1) noexcept {
        percent_format f;
        f.decimals = decimals;
        return f;
    }
    /// Returns: a format that prints a decimal % with its own places ("48.9%", "50.00%").
    [[nodiscard]] static constexpr percent_format as_printed() noexcept { return places(-1); }
    /// Returns: this format, negatives in brackets ("(1.2)%").
    [[nodiscard]] constexpr percent_format with_brackets() const noexcept {
        percent_format f = *this;
        f.negative = negative_style::brackets;
        return f;
    }
    /// Returns: this format, positives with a plus ("+25%").
    [[nodiscard]] constexpr percent_format with_plus_sign() const noexcept {
        percent_format f = *this;
        f.plus_sign = true;
        return f;
    }
    /// Returns: this format, rounding by m.
    [[nodiscard]] constexpr percent_format with_rounding(rounding_mode m) const noexcept {
        percent_format f = *this;
        f.rounding = m;
        return f;
    }
    /// Returns: this format without the "%" (a table column headed "%").
    [[nodiscard]] constexpr percent_format without_percent_sign() const noexcept {
        percent_format f = *this;
        f.percent_sign = false;
        return f;
    }
    /// Returns: this format with thousands separators.
    [[nodiscard]] constexpr percent_format with_grouping() const noexcept {
        percent_format f = *this;
        f.grouping = true;
        return f;
    }
};

/// Shows a percentage figure (0.9 means 0.9%, as variance_percent() and ratio::percent() give
/// it): "0.9%", "-26.6%", "+2.4%", "(1.2)%".
/// Returns: `percent` rounded to format.decimals by format.rounding (or with its own places when
/// decimals is -1); zero never carries a sign ("0.0%", never "-0.0%" or "+0.0%").
/// Throws: overflow_error when widening to more places does not fit an int64 coefficient;
/// invalid_argument unless -1 <= format.decimals <= 18.
[[nodiscard]] std::string to_string(decimal percent, const percent_format& format);

/// Shows a share as a percentage: 9/1000 is "0.9%", -33/124 is "-26.6%".
/// Returns: 100 × share rounded to format.decimals by format.rounding, shown as above.
/// Throws: overflow_error when the rounded % does not fit a decimal; invalid_argument unless
/// 0 <= format.decimals <= 16.
[[nodiscard]] std::string to_string(ratio share, const percent_format& format);

/// Reads a percentage as printed: "0.9%", "-26.6%", "+2.4%", "(1.2)%", "(1.2%)", "−3.0%" (the
/// typographic minus), "1,234.5%"; the "%" is required when format.percent_sign is set and
/// optional otherwise; a minus sign, a plus sign or brackets may mark the sign whatever the
/// format's style. parse_percent(to_string(p, f), f) is p as f rounds it.
/// Returns: the figure exactly, with as many places as the text has (e.g. -1.2 for "(1.2)%").
/// Throws: parse_error naming the text for a malformed number, a missing "%", or a sign inside
/// brackets; overflow_error for more than 18 places or a coefficient beyond int64.
[[nodiscard]] decimal parse_percent(std::string_view text,
                                    const percent_format& format = percent_format::places());
/// Returns: parse_percent(text, format), or std::nullopt exactly where it would throw.
[[nodiscard]] inline std::optional<decimal> try_parse_percent(
    std::string_view text, const percent_format& format = percent_format::places()) noexcept {
    return detail::try_twin([text, &format] { return parse_percent(text, format); });
}

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
    if (f.scale < 0 || f.scale > 18) detail::out_of_range("money_format: scale", f.scale, 0, 18);
    if (decimals > 18) detail::out_of_range("money_format: decimals", decimals, -1, 18);
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
    if (f.scale < 0 || f.scale > 18) detail::out_of_range("money_format: scale", f.scale, 0, 18);
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
    // The signed amount in minor units, exactly: digits × 10^(minor digits + scale − places),
    // with the sign applied before the range check, so INT64_MIN minor units reads back. The
    // errors name the text as given ("£0.001m"), not the number inside it.
    const auto r = detail::scale_to_i64(d.digits, d.negative != bracketed,
                                        C::minor_digits + f.scale - d.fraction_digits, nullptr);
    if (r.failure == 1) {
        throw inexact_error(
            detail::quoted(text) + " is finer than the " + std::string(C::code) + " minor unit",
            text);
    }
    if (r.failure == 2) {
        throw overflow_error(
            detail::quoted(text) + " is out of the range of " + std::string(C::code) + " money",
            text);
    }
    return money<C>::from_minor_units(r.value);
}

inline std::string to_string(decimal p, const percent_format& f) {
    if (f.decimals < -1 || f.decimals > decimal::max_places) {
        detail::out_of_range("percent_format: decimals", f.decimals, -1, decimal::max_places);
    }
    const decimal shown = f.decimals < 0 ? p : p.round(f.decimals, f.rounding);
    const std::int64_t u = shown.units();
    // The magnitude's digits (|INT64_MIN| does not fit int64: work unsigned).
    const std::uint64_t mag =
        u < 0 ? 0u - static_cast<std::uint64_t>(u) : static_cast<std::uint64_t>(u);
    std::string digits = std::to_string(mag);
    const auto places = static_cast<std::size_t>(shown.places());
    if (digits.size() <= places) digits.insert(0, places + 1 - digits.size(), '0');
    std::string whole = digits.substr(0, digits.size() - places);
    std::string body = f.grouping ? detail::group_thousands(whole) : whole;
    if (places > 0) {
        body += '.';
        body += digits.substr(digits.size() - places);
    }
    std::string out;
    if (u < 0) {
        if (f.negative == negative_style::brackets) {
            out = "(";
            out += body;
            out += ')';
        } else {
            out = "-";
            out += body;
        }
    } else if (u > 0 && f.plus_sign) {
        out = "+";
        out += body;
    } else {
        out = body;
    }
    if (f.percent_sign) out += '%';
    return out;
}

inline std::string to_string(ratio share, const percent_format& f) {
    if (f.decimals < 0 || f.decimals > decimal::max_places - 2) {
        detail::out_of_range("percent_format: decimals (of a share)", f.decimals, 0,
                             decimal::max_places - 2);
    }
    return to_string(share.percent(f.decimals, f.rounding), f);
}

inline decimal parse_percent(std::string_view text, const percent_format& f) {
    std::size_t offset = 0;
    std::string_view t = detail::trim(text, &offset);
    bool had_percent = false;
    auto take_percent = [&]() {
        if (!t.empty() && t.back() == '%') {
            t = detail::trim(t.substr(0, t.size() - 1));
            had_percent = true;
        }
    };
    take_percent();  // "(1.2)%" or "1.2%"
    bool bracketed = false;
    if (t.size() >= 2 && t.front() == '(' && t.back() == ')') {
        bracketed = true;
        t = t.substr(1, t.size() - 2);
        std::size_t inner = 0;
        t = detail::trim(t, &inner);
        offset += 1 + inner;
        if (!had_percent) take_percent();  // "(1.2%)"
    }
    if (f.percent_sign && !had_percent) {
        throw parse_error(text, "a percentage", "expected it to end in \"%\"");
    }
    const detail::decimal_text d = detail::scan_decimal(t);
    if (!d.ok()) throw parse_error(text, "a percentage", d.error, offset + d.error_position);
    if (bracketed && d.had_sign) throw parse_error(text, "a percentage", "a sign inside brackets");
    // The sign applied before the range check, so that INT64_MIN units read back.
    const detail::i128 v = (d.negative != bracketed) ? -d.digits : d.digits;
    if (d.too_large || d.sticky || !detail::fits_i64(v) ||
        d.fraction_digits > decimal::max_places) {
        throw overflow_error(detail::quoted(text) + " is out of range", text);
    }
    return decimal::from_units(static_cast<std::int64_t>(v), d.fraction_digits);
}

}  // namespace bmm
