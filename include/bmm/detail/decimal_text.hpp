// bmm — detail: the one scanner for decimal text ("1,234.56", "-0.07", "£5.3", "+2.4").
// Money, decimal and ratio parsing all read numbers through it, so the grammar is the same
// everywhere:
//
//   text     := space* sign? symbol? number space*   |   space* symbol sign number space*
//   sign     := '+' | '-' | U+2212 (the typographic minus printed in reports)
//   number   := integer ('.' digit+)?
//   integer  := digit+  |  nonzero digit{0,2} (',' digit{3})+   (thousands separators, strictly
//                                                                grouped, no leading zero group)
//
// So "£493,032,40" (seed 002) is rejected at its last group, "0,001" (a European 0.001, not a
// thousand) at its first, and ".5" and "5." are rejected. Up to 36 significant digits and 36
// places are read exactly; longer numbers are well-formed but marked, so that every parser gives
// the error it gives 20 to 36 digits (an overflow, or for money an inexact amount): an integer
// part beyond 36 significant digits is too_large (digits is then 10^36, beyond every bmm type),
// and nonzero digits after the 36th kept one are sticky (digits then ends in an extra 1, one
// place further: the value rounds to any coarser place as the text does, and never reads
// exactly).
#pragma once

#include <cstddef>
#include <string_view>

#include "int128.hpp"
#include "text.hpp"

namespace bmm::detail {

struct decimal_text {
    bool negative = false;
    i128 digits = 0;          ///< every digit of the number as one integer (1,234.56 -> 123456)
    int fraction_digits = 0;  ///< digits after the point (1,234.56 -> 2)
    bool had_sign = false;
    bool had_symbol = false;
    bool too_large = false;  ///< more than 36 significant digits before the point
    bool sticky = false;     ///< nonzero digits beyond the 36 significant digits (or places) kept
    const char* error = nullptr;  ///< non-null: why the text is not a number
    std::size_t error_position = 0;

    [[nodiscard]] constexpr bool ok() const noexcept { return error == nullptr; }
};

inline constexpr std::string_view unicode_minus = "\xE2\x88\x92";  // U+2212 MINUS SIGN
inline constexpr int max_significant_digits = 36;

/// Scans `s` by the grammar above. `symbol` (e.g. "£") may appear once, before or after the sign;
/// empty means no symbol is accepted.
[[nodiscard]] constexpr decimal_text scan_decimal(std::string_view s,
                                                  std::string_view symbol = {}) noexcept {
    decimal_text out;
    std::size_t i = 0;
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t end = s.size();
    while (end > i && is_space(s[end - 1])) --end;
    auto fail = [&out](const char* why, std::size_t at) {
        out.error = why;
        out.error_position = at;
        return out;
    };
    auto take_symbol = [&]() {
        if (!symbol.empty() && !out.had_symbol && s.substr(i, symbol.size()) == symbol) {
            i += symbol.size();
            out.had_symbol = true;
        }
    };
    auto take_sign = [&]() {
        if (i < end && (s[i] == '-' || s[i] == '+')) {
            out.negative = s[i] == '-';
            out.had_sign = true;
            ++i;
        } else if (s.substr(i, unicode_minus.size()) == unicode_minus) {
            out.negative = true;
            out.had_sign = true;
            i += unicode_minus.size();
        }
    };
    if (i == end) return fail("the text is empty", i);
    take_symbol();
    take_sign();
    take_symbol();
    if (i >= end || !is_digit(s[i])) {
        return fail(i < end && s[i] == '.' ? "a digit must come before the decimal point"
                                           : "a number was expected",
                    i);
    }
    int significant = 0;
    auto push_digit = [&](char c, bool fraction) {
        if (out.digits == 0 && c == '0' && !fraction) return;  // leading zeros: not significant
        if (out.too_large) return;
        if (significant >= max_significant_digits ||
            (fraction && out.fraction_digits >= max_significant_digits)) {
            if (!fraction) {
                out.too_large = true;
            } else if (c != '0') {
                out.sticky = true;
            }
            return;  // a trailing zero dropped from the fraction keeps the value
        }
        if (out.digits != 0 || c != '0') ++significant;
        out.digits = out.digits * 10 + (c - '0');
        if (fraction) ++out.fraction_digits;
    };
    // Integer part, with optional strict thousands grouping.
    std::size_t group_start = i;
    bool grouped = false;
    while (i < end && (is_digit(s[i]) || s[i] == ',')) {
        if (s[i] == ',') {
            const std::size_t len = i - group_start;
            if (grouped ? len != 3 : (len < 1 || len > 3)) {
                return fail("thousands separators must separate groups of three digits", i);
            }
            if (!grouped && s[group_start] == '0') {
                return fail("a number with thousands separators does not start with a 0 group",
                            group_start);
            }
            grouped = true;
            group_start = i + 1;
        } else {
            push_digit(s[i], false);
        }
        ++i;
    }
    if (grouped && i - group_start != 3) {
        return fail("thousands separators must separate groups of three digits", group_start);
    }
    if (i < end && s[i] == '.') {
        ++i;
        if (i >= end || !is_digit(s[i])) return fail("a digit must follow the decimal point", i);
        while (i < end && is_digit(s[i])) {
            push_digit(s[i], true);
            ++i;
        }
    }
    if (i != end) return fail("unexpected character", i);
    if (out.too_large) {
        out.digits = pow10_128(max_significant_digits);
        out.fraction_digits = 0;
        out.sticky = false;
    } else if (out.sticky) {
        out.digits = out.digits * 10 + 1;
        ++out.fraction_digits;
    }
    return out;
}

}  // namespace bmm::detail
