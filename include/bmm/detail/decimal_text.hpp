// bmm — detail: the one scanner for decimal text ("1,234.56", "-0.07", "£5.3", "+2.4").
// Money, decimal and ratio parsing all read numbers through it, so the grammar is the same
// everywhere:
//
//   text     := space* sign? symbol? number space*   |   space* symbol sign number space*
//   sign     := '+' | '-' | U+2212 (the typographic minus printed in reports)
//   number   := integer ('.' digit+)?
//   integer  := digit+  |  digit{1,3} (',' digit{3})+      (thousands separators, strictly grouped)
//
// So "£493,032,40" (seed 002) is rejected at its last group, ".5" and "5." are rejected, and
// at most 36 significant digits are read exactly.
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
    auto push_digit = [&](char c) {
        if (out.digits == 0 && c == '0') return true;  // leading zeros are not significant
        if (++significant > max_significant_digits) return false;
        out.digits = out.digits * 10 + (c - '0');
        return true;
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
            grouped = true;
            group_start = i + 1;
        } else if (!push_digit(s[i])) {
            return fail("too many significant digits", i);
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
            if (!push_digit(s[i])) return fail("too many significant digits", i);
            if (++out.fraction_digits > max_significant_digits) {
                return fail("too many decimal places", i);
            }
            ++i;
        }
    }
    if (i != end) return fail("unexpected character", i);
    return out;
}

}  // namespace bmm::detail
