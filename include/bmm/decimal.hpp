// bmm — decimal: an exact decimal number with a fixed number of places, as reports print them.
//
// A decimal is what a rounded ratio becomes ("0.9" % to 1 dp, "3.0" %) and what a printed
// figure is read as before its precision is known ("93.5"). It holds an int64 coefficient and
// 0..18 decimal places; 0.9 at 1 dp and 0.90 at 2 dp compare equal but keep their places.
//
//   operation               result    note
//   decimal ± decimal       decimal   places = the larger; overflow_error if it does not fit
//   -decimal                decimal   overflow_error for the one coefficient INT64_MIN
//   decimal <=> decimal     bool      exact, across places
//   decimal vs bmm::zero    bool
//   decimal * decimal       -         not provided: go through bmm::ratio (exact)
//
//   auto d = bmm::decimal::parse("-0.07");      // units() == -7, places() == 2
//   d.round(1, bmm::rounding_mode::half_up);    // "-0.1"
//   bmm::to_string(bmm::decimal::parse("-0.0")) // "0.0": never a negative zero
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config.hpp"
#include "detail/decimal_text.hpp"
#include "detail/int128.hpp"
#include "error.hpp"
#include "rounding.hpp"
#include "zero.hpp"

namespace bmm {

class decimal {
public:
    static constexpr int max_places = 18;

    /// Zero with no decimal places.
    constexpr decimal() noexcept = default;
    /// Zero with no decimal places, from bmm::zero.
    constexpr decimal(zero_t) noexcept {}  // NOLINT: zero converts implicitly, as in Au

    /// Returns: units × 10^-places, e.g. from_units(-7, 2) is -0.07.
    /// Throws: invalid_argument if places is not 0..18.
    [[nodiscard]] static constexpr decimal from_units(std::int64_t units, int places) {
        if (places < 0 || places > max_places) {
            detail::out_of_range("decimal::from_units: places", places, 0, max_places);
        }
        decimal d;
        d.units_ = units;
        d.places_ = static_cast<std::int8_t>(places);
        return d;
    }

    /// Reads "93.5", "-0.07", "+2.4", "1,234.5" (see detail/decimal_text.hpp for the grammar).
    /// Returns: the number with as many places as the text has digits after the point.
    /// Throws: parse_error naming the text and the offset, for malformed text ("", "n/a",
    /// "1,2"); overflow_error naming the text when the number or its places do not fit (more
    /// than 18 places, or a coefficient beyond int64).
    [[nodiscard]] static decimal parse(std::string_view text);
    /// Returns: parse(text), or std::nullopt exactly where parse would throw.
    [[nodiscard]] static std::optional<decimal> try_parse(std::string_view text) noexcept;

    /// Returns: the coefficient: the value is units() × 10^-places().
    [[nodiscard]] constexpr std::int64_t units() const noexcept { return units_; }
    /// Returns: the number of decimal places, 0..18.
    [[nodiscard]] constexpr int places() const noexcept { return places_; }

    /// Returns: this value rounded to `places` decimal places by `mode` (widening is exact).
    /// Throws: overflow_error if the widened coefficient does not fit int64; invalid_argument
    /// if places is not 0..18.
    [[nodiscard]] constexpr decimal round(int places, rounding_mode mode) const;

    /// Returns: -a, at a's places.
    /// Throws: overflow_error for the coefficient INT64_MIN, which has no negation.
    friend constexpr decimal operator-(decimal a) {
        if (a.units_ == detail::i64_min) {
            throw overflow_error("negating the decimal " + to_string(a) +
                                 " overflows (its coefficient is INT64_MIN)");
        }
        a.units_ = -a.units_;
        return a;
    }
    /// Returns: a + b exactly, at the larger of their places.
    /// Throws: overflow_error if the coefficient at those places does not fit int64.
    friend constexpr decimal operator+(decimal a, decimal b) { return combine(a, b, +1); }
    /// Returns: a - b exactly, at the larger of their places.
    /// Throws: overflow_error if the coefficient at those places does not fit int64.
    friend constexpr decimal operator-(decimal a, decimal b) { return combine(a, b, -1); }

    /// Returns: the comparison of the exact values, whatever their places.
    friend constexpr bool operator==(decimal a, decimal b) noexcept { return cmp(a, b) == 0; }
    friend constexpr bool operator!=(decimal a, decimal b) noexcept { return cmp(a, b) != 0; }
    friend constexpr bool operator<(decimal a, decimal b) noexcept { return cmp(a, b) < 0; }
    friend constexpr bool operator<=(decimal a, decimal b) noexcept { return cmp(a, b) <= 0; }
    friend constexpr bool operator>(decimal a, decimal b) noexcept { return cmp(a, b) > 0; }
    friend constexpr bool operator>=(decimal a, decimal b) noexcept { return cmp(a, b) >= 0; }

    /// Returns: "-0.07", "12.0", "3": exactly places() digits after the point, and never a
    /// negative zero.
    friend std::string to_string(decimal d);

private:
    static constexpr std::optional<decimal> from_text(const detail::decimal_text& t) noexcept;
    static constexpr detail::i128 scaled(decimal d, int places) noexcept {
        return detail::i128(d.units_) * detail::pow10_128(places - d.places_);
    }
    static constexpr int cmp(decimal a, decimal b) noexcept {
        const int p = a.places_ > b.places_ ? a.places_ : b.places_;
        const detail::i128 x = scaled(a, p), y = scaled(b, p);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    static constexpr decimal combine(decimal a, decimal b, int sign) {
        const int p = a.places_ > b.places_ ? a.places_ : b.places_;
        const detail::i128 r = sign > 0 ? scaled(a, p) + scaled(b, p) : scaled(a, p) - scaled(b, p);
        if (!detail::fits_i64(r)) {
            throw overflow_error("the decimal " + std::string(sign > 0 ? "sum " : "difference ") +
                                 to_string(a) + (sign > 0 ? " + " : " - ") + to_string(b) +
                                 " does not fit an int64 coefficient at " + std::to_string(p) +
                                 " places");
        }
        return from_units(static_cast<std::int64_t>(r), p);
    }

    std::int64_t units_ = 0;
    std::int8_t places_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Implementation

constexpr decimal decimal::round(int places, rounding_mode mode) const {
    if (places < 0 || places > max_places) {
        detail::out_of_range("decimal::round: places", places, 0, max_places);
    }
    detail::i128 r = 0;
    if (places >= places_) {
        r = scaled(*this, places);
    } else {
        r = detail::div_round(detail::i128(units_), detail::pow10_128(places_ - places), mode);
    }
    if (!detail::fits_i64(r)) {
        throw overflow_error("the decimal " + to_string(*this) + " at " + std::to_string(places) +
                             " places does not fit an int64 coefficient");
    }
    return from_units(static_cast<std::int64_t>(r), places);
}

inline decimal decimal::parse(std::string_view text) {
    const detail::decimal_text t = detail::scan_decimal(text);
    if (!t.ok()) throw parse_error(text, "a decimal number", t.error, t.error_position);
    if (auto d = from_text(t)) return *d;
    throw overflow_error(
        detail::quoted(text) + " does not fit a decimal (int64 coefficient, at most 18 places)",
        text);
}

inline std::optional<decimal> decimal::try_parse(std::string_view text) noexcept {
    const detail::decimal_text t = detail::scan_decimal(text);
    if (!t.ok()) return std::nullopt;
    return from_text(t);
}

constexpr std::optional<decimal> decimal::from_text(const detail::decimal_text& t) noexcept {
    const detail::i128 v = t.negative ? -t.digits : t.digits;
    if (t.too_large || t.sticky || t.fraction_digits > max_places || !detail::fits_i64(v)) {
        return std::nullopt;
    }
    return from_units(static_cast<std::int64_t>(v), t.fraction_digits);
}

namespace detail {

/// Writes |units| with `places` digits after the point, preceded by '-' when negative and
/// non-zero. Shared by decimal and money printing.
inline std::string fixed_point_text(std::int64_t units, int places) {
    // |INT64_MIN| does not fit int64: work on the unsigned magnitude.
    const bool negative = units < 0;
    std::uint64_t mag =
        negative ? 0u - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    char buf[48];
    int n = 0;
    int written = 0;
    do {
        if (written == places && places > 0) buf[n++] = '.';
        buf[n++] = static_cast<char>('0' + mag % 10);
        mag /= 10;
        ++written;
    } while (mag != 0 || written <= places);
    if (negative) buf[n++] = '-';
    std::string s;
    s.reserve(static_cast<std::size_t>(n));
    while (n > 0) s.push_back(buf[--n]);
    return s;
}

}  // namespace detail

inline std::string to_string(decimal d) { return detail::fixed_point_text(d.units_, d.places_); }

}  // namespace bmm
