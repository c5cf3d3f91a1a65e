// bmm — report/printed: a cell as a report prints it, and the figure it prints (if any).
//
// Reports print figures in many forms; each is read exactly, keeping what it printed:
//
//   printed            number   scale  percent  money  suffix          negative by
//   "56.74%"           56.74    0      yes      no
//   "£439,343"         439343   0      no       yes
//   "£0.44m", "+6.7m"  0.44     6      no       yes/no                 ("+": explicit_plus)
//   "£1,762k"          1762     3      no       yes
//   "(1.2)", "- 315.7" -1.2     0      no       no                     brackets, a spaced sign
//   "−2.6%", "–0.5"    -2.6     0      yes      no                     U+2212 minus, en dash
//   "327.1 per 100,000" 327.1   0      no       no     "per 100,000"
//   "48 days", "32*"   48, 32                          "days"; mark "*" (a footnote)
//
// Anything else is not a figure, with the reason and where it went wrong: "£292,000,00" (a
// digit group of 2), "-2.6.%" (a second point), "£01m" (a leading zero), "" (blank). A cell
// that prints two figures ("+£1.0m or +4.5%", "£21.2m or 2.6%") gives both, in order.
//
// A printed figure stands for the values that round to it (bmm/audit/interval.hpp):
// interval(mode) is the number's printed interval times 10^scale, value() the number times
// 10^scale, both exact.
//
//   auto r = bmm::read_printed_figure("£0.44m");
//   r.figure->value();                                   // ratio 440000
//   r.figure->interval(bmm::rounding_mode::half_up);     // [435000, 445000)
//   bmm::read_printed_figure("£01m").problem;            // "a leading zero ..."
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../audit/finding.hpp"
#include "../audit/interval.hpp"
#include "../decimal.hpp"
#include "../detail/text.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"

namespace bmm {

/// One cell of a printed section, as printed: its text and where it was read (the audit's
/// printed_cell, bmm/audit/relations.hpp, is a cell with its figure and rounding).
struct section_cell {
    std::string text;
    std::optional<source_position> source;

    /// Returns: true when nothing is printed (only spaces, or nothing).
    [[nodiscard]] bool blank() const noexcept { return detail::trim(text).empty(); }
    friend bool operator==(const section_cell& a, const section_cell& b) noexcept {
        return a.text == b.text && a.source == b.source;
    }
    friend bool operator!=(const section_cell& a, const section_cell& b) noexcept {
        return !(a == b);
    }
};

/// A figure as printed (see the header comment).
struct printed_figure {
    decimal number;  ///< the digits as printed, with the sign: "£0.44m" is 0.44
    int scale = 0;   ///< the power of ten its suffix (and its column's unit) adds: "m" is 6
    bool percent = false;
    bool money = false;
    bool explicit_plus = false;  ///< printed with a "+"
    std::string suffix;          ///< unit words after the number ("per 100,000", "days")
    std::string mark;            ///< a footnote mark after it ("*", "¹")

    /// Returns: number × 10^scale, exactly. Throws: overflow_error beyond int64 ratios.
    [[nodiscard]] ratio value() const { return ratio::from_decimal(number) * pow10(scale); }
    /// Returns: the values that `mode` prints as this figure, times 10^scale.
    /// Throws: overflow_error beyond int64 ratios.
    [[nodiscard]] printed_interval interval(rounding_mode mode) const {
        return printed_interval::of(number, mode).scaled(pow10(scale));
    }
    /// Returns: the same figure with `extra` more powers of ten (a £000 column: 3).
    [[nodiscard]] printed_figure scaled_by(int extra) const {
        printed_figure f = *this;
        f.scale += extra;
        return f;
    }
    /// Returns: 10^k as a ratio (k from -18 to 18).
    [[nodiscard]] static ratio pow10(int k) {
        std::int64_t p = 1;
        for (int i = 0; i < (k < 0 ? -k : k) && i < 18; ++i) p *= 10;
        return k < 0 ? ratio(1, p) : ratio(p);
    }
};

/// What read_printed_figure found: the figure, or why the text is not one (problem) and the
/// byte offset where it went wrong.
struct figure_reading {
    std::optional<printed_figure> figure;
    std::string problem;
    std::size_t offset = 0;
};

/// Reads one printed figure (see the header comment); never throws but std::bad_alloc.
/// Returns: the figure, or the reason it is none.
[[nodiscard]] figure_reading read_printed_figure(std::string_view text);

/// Reads a cell that prints one figure or two joined by " or " ("£21.2m or 2.6%").
/// Returns: each figure in order, or the first part's reason it is not one.
[[nodiscard]] std::vector<figure_reading> read_printed_figures(std::string_view text);

/// Returns: the figure as `figure_text` prints a number at `places` decimal places: the same
/// money sign, scale, percent sign and suffix ("£13.8m" for 13.8 -> "£13.8m").
[[nodiscard]] std::string print_like(const printed_figure& like, decimal number);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
/// Returns: the length of the UTF-8 sequence `s` starts with when it is one of `options`.
[[nodiscard]] inline std::size_t starts_with_any(std::string_view s,
                                                 std::initializer_list<std::string_view> options) {
    for (std::string_view o : options) {
        if (s.substr(0, o.size()) == o) return o.size();
    }
    return 0;
}
inline constexpr std::string_view minus_sign = "\xE2\x88\x92";  // U+2212
inline constexpr std::string_view en_dash = "\xE2\x80\x93";     // U+2013
}  // namespace detail

inline figure_reading read_printed_figure(std::string_view text) {
    figure_reading out;
    std::size_t lead = 0;
    std::string_view t = detail::trim(text, &lead);
    auto fail = [&](std::string why, std::size_t at) {
        out.figure.reset();
        out.problem = std::move(why);
        out.offset = lead + at;
        return out;
    };
    if (t.empty()) return fail("nothing is printed", 0);
    printed_figure f;
    // Footnote marks at the end.
    for (;;) {
        bool found = false;
        for (std::string_view m : {"*", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x80\xA0"}) {
            if (t.size() > m.size() && t.substr(t.size() - m.size()) == m) {
                f.mark.insert(0, m);
                t = detail::trim(t.substr(0, t.size() - m.size()));
                found = true;
            }
        }
        if (!found) break;
    }
    std::size_t i = 0;
    bool negative = false;
    bool brackets = false;
    if (t[0] == '(' && t.back() == ')') {
        brackets = negative = true;
        t = t.substr(0, t.size() - 1);
        i = 1;
    }
    auto skip_spaces = [&] {
        while (i < t.size() && detail::is_space(t[i])) ++i;
    };
    if (i < t.size() && t[i] == '+') {
        f.explicit_plus = true;
        ++i;
    } else if (i < t.size() && t[i] == '-') {
        negative = !negative;
        ++i;
    } else if (std::size_t n =
                   detail::starts_with_any(t.substr(i), {detail::minus_sign, detail::en_dash})) {
        negative = !negative;
        i += n;
    }
    skip_spaces();
    if (t.substr(i, 2) == "\xC2\xA3") {  // £
        f.money = true;
        i += 2;
        if (!f.explicit_plus && !negative && i < t.size() && t[i] == '-') {
            negative = true;
            ++i;
        }
    }
    // Digits, grouped by commas in threes.
    const std::size_t start = i;
    std::string digits;
    std::size_t group = 0;
    bool grouped = false;
    while (i < t.size() && (detail::is_digit(t[i]) || t[i] == ',')) {
        if (t[i] == ',') {
            if (digits.empty()) return fail("a comma before any digit", i);
            if (grouped && group != 3)
                return fail("a digit group of " + std::to_string(group) + " (groups are of three)",
                            i);
            if (!grouped && group > 3) return fail("a first digit group of more than three", i);
            grouped = true;
            group = 0;
        } else {
            digits += t[i];
            ++group;
        }
        ++i;
    }
    if (digits.empty()) {
        if (i < t.size() && t[i] == '.') return fail("no digit before the point", i);
        return fail("no digits", start < t.size() ? start : 0);
    }
    if (grouped && group != 3) {
        return fail("a digit group of " + std::to_string(group) + " (groups are of three)",
                    i - group);
    }
    if (digits.size() > 1 && digits[0] == '0')
        return fail("a leading zero before other digits", start);
    std::string fraction;
    if (i < t.size() && t[i] == '.') {
        ++i;
        while (i < t.size() && detail::is_digit(t[i])) fraction += t[i++];
        if (fraction.empty()) return fail("no digit after the point", i);
    }
    if (fraction.size() > 18) return fail("more than 18 decimal places", i);
    // The suffix: %, m, k, bn, or unit words after a space.
    std::string_view rest = t.substr(i);
    if (!rest.empty() && rest[0] == '%') {
        f.percent = true;
        rest = rest.substr(1);
    } else if (rest.substr(0, 2) == "bn" && (rest.size() == 2 || !detail::is_alpha(rest[2]))) {
        f.scale = 9;
        rest = rest.substr(2);
    } else if (!rest.empty() && (rest[0] == 'm' || rest[0] == 'k') &&
               (rest.size() == 1 || !detail::is_alpha(rest[1]))) {
        f.scale = rest[0] == 'm' ? 6 : 3;
        rest = rest.substr(1);
    }
    if (!rest.empty()) {
        if (!detail::is_space(rest[0])) {
            return fail("\"" + std::string(rest.substr(0, 1)) + "\" after the number",
                        static_cast<std::size_t>(rest.data() - t.data()));
        }
        const std::string_view words = detail::trim(rest);
        for (char c : words) {
            if (c == '.' || c == '%' || c == '(' || c == ')') {
                return fail("\"" + std::string(1, c) + "\" in the words after the number",
                            static_cast<std::size_t>(rest.data() - t.data()));
            }
        }
        f.suffix = std::string(words);
    }
    (void)brackets;
    const std::string all =
        (negative ? "-" : "") + digits + (fraction.empty() ? "" : "." + fraction);
    auto d = decimal::try_parse(all);
    if (!d) return fail("a number too large to hold exactly", start);
    f.number = *d;
    out.figure = std::move(f);
    return out;
}

inline std::vector<figure_reading> read_printed_figures(std::string_view text) {
    std::vector<figure_reading> out;
    std::string_view t = text;
    for (;;) {
        const std::size_t k = t.find(" or ");
        if (k == std::string_view::npos) {
            out.push_back(read_printed_figure(t));
            break;
        }
        figure_reading r = read_printed_figure(t.substr(0, k));
        if (!r.figure) {
            r.offset += static_cast<std::size_t>(t.data() - text.data());
            return {r};
        }
        out.push_back(std::move(r));
        t = t.substr(k + 4);
    }
    return out;
}

inline std::string print_like(const printed_figure& like, decimal number) {
    std::string digits = to_string(number);
    bool neg = !digits.empty() && digits[0] == '-';
    if (neg) digits.erase(0, 1);
    const std::size_t point = digits.find('.');
    std::string whole = digits.substr(0, point);
    const std::string frac = point == std::string::npos ? "" : digits.substr(point);
    // Group as the printed figure grouped (a money or count figure of four digits or more).
    std::string grouped;
    for (std::size_t k = 0; k < whole.size(); ++k) {
        if (k > 0 && (whole.size() - k) % 3 == 0 && !like.percent) grouped += ',';
        grouped += whole[k];
    }
    std::string s = neg ? "-" : (like.explicit_plus && number > decimal() ? "+" : "");
    if (like.money) s += "\xC2\xA3";
    s += grouped + frac;
    if (like.percent) s += '%';
    if (like.scale == 6) s += 'm';
    if (like.scale == 3) s += 'k';
    if (like.scale == 9) s += "bn";
    if (!like.suffix.empty()) s += " " + like.suffix;
    return s;
}

}  // namespace bmm
