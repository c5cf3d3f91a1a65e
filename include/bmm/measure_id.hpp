// bmm — measure_id: a performance measure's identifier ("OCC11.02"), as reports print it.
//
//   text           prefix   priority   number   priority_id()   prints
//   "OCC11.02"     "OCC"    11         2        "OCC11"         "OCC11.02"
//   "OCC04.05:"    "OCC"    4          5        "OCC04"         "OCC04.05" (one ':' is allowed)
//   " occ1.2 "     "occ"    1          2        "occ1"          "occ1.2"   (digits kept as read)
//
// Ids compare ignoring the prefix's case (==, !=, <, <=, >, >=: by prefix, then priority, then
// number). Split from bmm/measure.hpp so that headers which only name measures (summary.hpp)
// need no dates.
//
//   auto id = bmm::measure_id::parse("OCC01.07");   // id.priority() == 1, id.number() == 7
//   bmm::to_string(id);                             // "OCC01.07"
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "detail/text.hpp"
#include "error.hpp"

namespace bmm {

/// A measure's identifier: letters, a priority number, '.', a measure number ("OCC11.02").
class measure_id {
public:
    /// Throws: invalid_argument if the prefix is not 1-8 ASCII letters or a number is out of
    /// 0..999.
    measure_id(std::string_view prefix, unsigned priority, unsigned number,
               unsigned priority_digits = 2, unsigned number_digits = 2)
        : priority_(priority),
          number_(number),
          priority_digits_(static_cast<std::uint8_t>(priority_digits)),
          number_digits_(static_cast<std::uint8_t>(number_digits)) {
        if (prefix.empty() || prefix.size() > 8) {
            throw invalid_argument("a measure id prefix has 1 to 8 letters", prefix);
        }
        for (char c : prefix) {
            if (!detail::is_alpha(c)) {
                throw invalid_argument("a measure id prefix has letters only", prefix);
            }
        }
        if (priority > 999 || number > 999 || priority_digits < 1 || priority_digits > 3 ||
            number_digits < 1 || number_digits > 3) {
            throw invalid_argument("a measure id's numbers are 0 to 999");
        }
        prefix_ = std::string(prefix);
    }

    /// Reads "OCC11.02", "OCC04.05:", " occ1.2 " (the prefix is kept as written, compared
    /// ignoring case).
    /// Throws: parse_error naming the text, with the offset of the first character that is wrong
    /// (the end of the text when something is missing): no prefix, more than 8 letters (the
    /// ninth), no priority, no '.', no measure number, more than three digits (the fourth), or
    /// anything after (except one ':').
    [[nodiscard]] static measure_id parse(std::string_view text);
    [[nodiscard]] static std::optional<measure_id> try_parse(std::string_view text) noexcept;

    [[nodiscard]] const std::string& prefix() const noexcept { return prefix_; }
    [[nodiscard]] unsigned priority() const noexcept { return priority_; }
    [[nodiscard]] unsigned number() const noexcept { return number_; }
    /// Returns: the priority's own id, "OCC11".
    [[nodiscard]] std::string priority_id() const {
        return prefix_ + pad(priority_, priority_digits_);
    }

    friend bool operator==(const measure_id& a, const measure_id& b) noexcept {
        return a.priority_ == b.priority_ && a.number_ == b.number_ &&
               detail::iequals(a.prefix_, b.prefix_);
    }
    friend bool operator!=(const measure_id& a, const measure_id& b) noexcept { return !(a == b); }
    /// Ordered by prefix (ignoring case), then priority, then number.
    friend bool operator<(const measure_id& a, const measure_id& b) noexcept {
        const int c = compare_prefix(a.prefix_, b.prefix_);
        if (c != 0) return c < 0;
        if (a.priority_ != b.priority_) return a.priority_ < b.priority_;
        return a.number_ < b.number_;
    }
    friend bool operator>(const measure_id& a, const measure_id& b) noexcept { return b < a; }
    friend bool operator<=(const measure_id& a, const measure_id& b) noexcept { return !(b < a); }
    friend bool operator>=(const measure_id& a, const measure_id& b) noexcept { return !(a < b); }

    /// Returns: the measure number with the digits as read ("02").
    [[nodiscard]] std::string number_text() const { return pad(number_, number_digits_); }

private:
    static std::string pad(unsigned n, unsigned digits) {
        std::string s = std::to_string(n);
        while (s.size() < digits) s.insert(s.begin(), '0');
        return s;
    }
    static int compare_prefix(const std::string& a, const std::string& b) noexcept {
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
            const char x = detail::to_lower(a[i]), y = detail::to_lower(b[i]);
            if (x != y) return x < y ? -1 : 1;
        }
        return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
    }

    std::string prefix_;
    unsigned priority_ = 0;
    unsigned number_ = 0;
    std::uint8_t priority_digits_ = 2;
    std::uint8_t number_digits_ = 2;
};

/// Returns: "OCC11.02", with the digits as read (or as constructed).
[[nodiscard]] inline std::string to_string(const measure_id& id) {
    return id.priority_id() + '.' + id.number_text();
}

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
/// The pieces of a measure id as read ("OCC11.02": "OCC", 11, 2, two digits each).
struct measure_id_text {
    std::string_view prefix;
    unsigned priority = 0, number = 0, priority_digits = 0, number_digits = 0;
};

/// Reads an id's pieces. Returns: true with *out set, or false with *why and *where (the offset
/// of the first character that is wrong, or the end) set.
inline bool scan_measure_id(std::string_view text, measure_id_text* out, const char** why,
                            std::size_t* where) {
    std::size_t off = 0;
    const std::string_view t = trim(text, &off);
    std::size_t i = 0;
    // `at`: the offset in the trimmed text of the first character that is wrong (or the end).
    auto fail_at = [&](const char* reason, std::size_t at) {
        *why = reason;
        *where = off + at;
        return false;
    };
    auto fail = [&](const char* reason) { return fail_at(reason, i); };
    while (i < t.size() && is_alpha(t[i])) ++i;
    if (i == 0) return fail("expected letters such as \"OCC\"");
    if (i > 8) return fail_at("more than 8 letters", 8);  // the ninth letter
    out->prefix = t.substr(0, i);
    auto number = [&](unsigned& value, unsigned& digits) {
        value = 0;
        digits = 0;
        while (i < t.size() && is_digit(t[i]) && digits < 4) {
            value = value * 10 + static_cast<unsigned>(t[i] - '0');
            ++i;
            ++digits;
        }
    };
    number(out->priority, out->priority_digits);
    if (out->priority_digits == 0) return fail("expected a priority number after the letters");
    if (out->priority_digits > 3) {
        return fail_at("a priority has at most 3 digits", i - 1);  // the fourth digit
    }
    if (i >= t.size() || t[i] != '.') return fail("expected '.' between priority and measure");
    ++i;
    number(out->number, out->number_digits);
    if (out->number_digits == 0) return fail("expected a measure number after '.'");
    if (out->number_digits > 3) return fail_at("a measure number has at most 3 digits", i - 1);
    if (i < t.size() && t[i] == ':') ++i;
    if (i != t.size()) return fail("unexpected text after the measure id");
    return true;
}
}  // namespace detail

inline measure_id measure_id::parse(std::string_view text) {
    const char* why = nullptr;
    std::size_t where = 0;
    detail::measure_id_text p;
    if (!detail::scan_measure_id(text, &p, &why, &where)) {
        throw parse_error(text, "a measure id", why, where);
    }
    return measure_id(p.prefix, p.priority, p.number, p.priority_digits, p.number_digits);
}

inline std::optional<measure_id> measure_id::try_parse(std::string_view text) noexcept {
    const char* why = nullptr;
    std::size_t where = 0;
    detail::measure_id_text p;
    if (!detail::scan_measure_id(text, &p, &why, &where)) return std::nullopt;
    try {
        return measure_id(p.prefix, p.priority, p.number, p.priority_digits, p.number_digits);
    } catch (...) {  // std::bad_alloc from the prefix string
        return std::nullopt;
    }
}

}  // namespace bmm
