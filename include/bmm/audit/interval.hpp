// bmm — audit/interval: the set of true values a printed figure stands for.
//
// A printed figure stands for the values its rounding mode turns into it — its printed interval.
// The ends depend on the mode ("2.2" at 1 dp; u = 0.1, the last digit):
//
//   mode             positive x (2.2)       negative x (-2.2)        zero (0.0)
//   half_up          [x - u/2, x + u/2)     (x - u/2, x + u/2]       (-u/2, u/2)
//   half_down        (x - u/2, x + u/2]     [x - u/2, x + u/2)       [-u/2, u/2]
//   half_even        closed if x's last digit is even, open if odd (both ends alike)
//   floor            [x, x + u)             [x, x + u)               [0, u)
//   ceiling          (x - u, x]             (x - u, x]               (-u, 0]
//   toward_zero      [x, x + u)             (x - u, x]               (-u, u)
//   away_from_zero   (x - u, x]             [x, x + u)               [0, 0]
//
//   operation                            result             note
//   printed_interval ± printed_interval  printed_interval   the sums/differences of their values
//   -printed_interval                    printed_interval
//   i.scaled(ratio k)                    printed_interval   k·i (a negative k swaps the ends)
//   i.divided_by(j)                      optional<...>      x ÷ y; std::nullopt when j reaches 0
//   i.meets(j), i.contains(r)            bool               exact, with open and closed ends
//   i == j                               bool               the same ends, open or closed alike
//
//   auto i = bmm::printed_interval::of(bmm::decimal::parse("2.2"), bmm::rounding_mode::floor);
//   i.contains(bmm::ratio(229, 100));   // true: [2.2, 2.3)
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "../decimal.hpp"
#include "../detail/exact_sum.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "../zero.hpp"

namespace bmm {

namespace detail {
/// Half the last printed digit (0.05 for "2.2"): 1 / (2·10^places).
[[nodiscard]] inline ratio half_unit(decimal d) {
    std::int64_t p = 2;
    for (int i = 0; i < d.places(); ++i) p *= 10;  // places <= 18: 2·10^18 fits
    return ratio(1, p);
}
/// The last printed digit (0.1 for "2.2"): 1 / 10^places.
[[nodiscard]] inline ratio last_unit(decimal d) {
    return ratio::from_decimal(decimal::from_units(1, d.places()));
}
}  // namespace detail

/// A set of true values: from lo to hi, each end open or closed. Never empty: lo < hi, or lo ==
/// hi with both ends closed (a single exact value).
struct printed_interval {
    ratio lo, hi;
    bool lo_closed = true, hi_closed = true;

    /// Returns: exactly the values that `mode` rounds to x at x's places (see the table above),
    /// e.g. floor: "2.2" is [2.2, 2.3); half_up: "-0.7" is (-0.75, -0.65].
    /// Throws: overflow_error only when x ± one unit does not fit a ratio (never for x with
    /// |units| < 2^62).
    [[nodiscard]] static printed_interval of(decimal x, rounding_mode mode);
    /// Returns: the single value v, a closed point.
    [[nodiscard]] static printed_interval exactly(ratio v) { return {v, v, true, true}; }

    /// Returns: {x + y : x in a, y in b}. Throws: overflow_error if an end does not fit a ratio.
    friend printed_interval operator+(const printed_interval& a, const printed_interval& b) {
        return {a.lo + b.lo, a.hi + b.hi, a.lo_closed && b.lo_closed, a.hi_closed && b.hi_closed};
    }
    /// Returns: {-x : x in a}. Throws: overflow_error as for +.
    friend printed_interval operator-(const printed_interval& a) {
        return {-a.hi, -a.lo, a.hi_closed, a.lo_closed};
    }
    /// Returns: {x - y : x in a, y in b}. Throws: overflow_error as for +.
    friend printed_interval operator-(const printed_interval& a, const printed_interval& b) {
        return a + (-b);
    }
    /// Returns: true for the same ends, each open or closed alike.
    friend bool operator==(const printed_interval& a, const printed_interval& b) noexcept {
        return a.lo == b.lo && a.hi == b.hi && a.lo_closed == b.lo_closed &&
               a.hi_closed == b.hi_closed;
    }
    friend bool operator!=(const printed_interval& a, const printed_interval& b) noexcept {
        return !(a == b);
    }
    /// Returns: {k·x : x in this}; a negative k swaps the ends, k = 0 gives the point 0.
    /// Throws: overflow_error as for +.
    [[nodiscard]] printed_interval scaled(ratio k) const;
    /// Returns: {x / y : x in this, y in y_range}, exactly (open and closed ends included), or
    /// std::nullopt when y_range contains zero or has zero as an end (the quotient is then
    /// undefined or unbounded). Throws: overflow_error as for +.
    [[nodiscard]] std::optional<printed_interval> divided_by(const printed_interval& y_range) const;

    /// Returns: true when v lies in the set.
    [[nodiscard]] bool contains(ratio v) const noexcept {
        return (lo < v || (lo == v && lo_closed)) && (v < hi || (v == hi && hi_closed));
    }
    /// Returns: true when v lies in the set or is one of its (open) ends.
    [[nodiscard]] bool reaches(ratio v) const noexcept { return lo <= v && v <= hi; }
    /// Returns: true when the two sets share a value.
    [[nodiscard]] bool meets(const printed_interval& o) const noexcept {
        const ratio l = lo > o.lo ? lo : o.lo;
        const bool l_closed =
            lo == o.lo ? (lo_closed && o.lo_closed) : (lo > o.lo ? lo_closed : o.lo_closed);
        const ratio h = hi < o.hi ? hi : o.hi;
        const bool h_closed =
            hi == o.hi ? (hi_closed && o.hi_closed) : (hi < o.hi ? hi_closed : o.hi_closed);
        return l < h || (l == h && l_closed && h_closed);
    }
};

// ---------------------------------------------------------------------------------------------
// Implementation

inline printed_interval printed_interval::of(decimal x, rounding_mode mode) {
    const ratio c = ratio::from_decimal(x), h = detail::half_unit(x), u = detail::last_unit(x);
    const int s = c.sign();
    switch (mode) {
        case rounding_mode::half_up:  // ties away from zero
            return {c - h, c + h, s > 0, s < 0};
        case rounding_mode::half_down:  // ties toward zero
            return {c - h, c + h, s <= 0, s >= 0};
        case rounding_mode::half_even: {
            const bool even = x.units() % 2 == 0;
            return {c - h, c + h, even, even};
        }
        case rounding_mode::floor:
            return {c, c + u, true, false};
        case rounding_mode::ceiling:
            return {c - u, c, false, true};
        case rounding_mode::toward_zero:
            if (s > 0) return {c, c + u, true, false};
            if (s < 0) return {c - u, c, false, true};
            return {-u, u, false, false};
        case rounding_mode::away_from_zero:
            if (s > 0) return {c - u, c, false, true};
            if (s < 0) return {c, c + u, true, false};
            return exactly(c);
    }
    return {c - u, c + u, true, true};  // not reached for an enumerator: a safe superset
}

inline printed_interval printed_interval::scaled(ratio k) const {
    if (k == zero) return exactly(ratio());
    if (k > zero) return {lo * k, hi * k, lo_closed, hi_closed};
    return {hi * k, lo * k, hi_closed, lo_closed};
}

inline std::optional<printed_interval> printed_interval::divided_by(
    const printed_interval& y) const {
    if (y.reaches(ratio())) return std::nullopt;
    // x / y is monotone in x and (y keeping its sign) in y, so its extremes are at the corners.
    // A corner belongs to the set when both its ends do — or when x's end is a closed 0, which
    // gives 0 for every y.
    struct corner {
        ratio value;
        bool closed;
    };
    const corner xs[2] = {{lo, lo_closed}, {hi, hi_closed}};
    const corner ys[2] = {{y.lo, y.lo_closed}, {y.hi, y.hi_closed}};
    corner cs[4] = {};
    std::size_t n = 0;
    for (const corner& xe : xs) {
        for (const corner& ye : ys) {
            cs[n++] = corner{xe.value / ye.value, xe.closed && (ye.closed || xe.value == zero)};
        }
    }
    printed_interval r{cs[0].value, cs[0].value, false, false};
    for (const corner& c : cs) {
        if (c.value < r.lo) r.lo = c.value;
        if (c.value > r.hi) r.hi = c.value;
    }
    for (const corner& c : cs) {
        if (c.value == r.lo) r.lo_closed = r.lo_closed || c.closed;
        if (c.value == r.hi) r.hi_closed = r.hi_closed || c.closed;
    }
    return r;
}

namespace detail {
/// An exact sum of printed intervals: each end summed by ratio_sum (so only a total end that does
/// not fit a ratio is an overflow_error), an end closed when every interval's end is.
class interval_sum {
public:
    /// Adds the interval i.
    void add(const printed_interval& i) noexcept {
        lo_.add(i.lo);
        hi_.add(i.hi);
        lo_closed_ = lo_closed_ && i.lo_closed;
        hi_closed_ = hi_closed_ && i.hi_closed;
    }
    /// Subtracts the interval i: adds {-x : x in i} (exactly: its ends need not negate as
    /// ratios).
    void sub(const printed_interval& i) noexcept {
        lo_.sub(i.hi);
        hi_.sub(i.lo);
        lo_closed_ = lo_closed_ && i.hi_closed;
        hi_closed_ = hi_closed_ && i.lo_closed;
    }
    /// Returns: the sum (the point 0 for no intervals). Throws: overflow_error if an end does
    /// not fit a ratio.
    [[nodiscard]] printed_interval total() const {
        return {lo_.total(), hi_.total(), lo_closed_, hi_closed_};
    }

private:
    ratio_sum lo_, hi_;
    bool lo_closed_ = true, hi_closed_ = true;
};
}  // namespace detail

}  // namespace bmm
