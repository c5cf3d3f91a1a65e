// Spec for bmm/audit/interval.hpp: the interval a printed figure stands for, exact for every
// rounding mode (open and closed ends, negative numbers, zero), and interval arithmetic.
#include <doctest/doctest.h>

#include <bmm/audit/interval.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
using bmm::printed_interval;
using bmm::rounding_mode;
constexpr const auto& all_modes = bmm_test::all_rounding_modes;
}  // namespace

TEST_CASE("a printed figure stands for exactly the values its rounding mode turns into it") {
    // Every value at 3 dp within 0.2 of each printed figure (so every tie and every directed
    // boundary is tried): it lies in the printed interval if and only if it rounds to the figure.
    for (rounding_mode mode : all_modes) {
        for (const char* text : {"-2.3", "-2.2", "-0.1", "0.0", "0.1", "2.2", "2.3"}) {
            const bmm::decimal x = d(text);
            const printed_interval in = printed_interval::of(x, mode);
            int mismatches = 0;
            for (std::int64_t k = x.units() * 100 - 200; k <= x.units() * 100 + 200; ++k) {
                const bmm::decimal v = bmm::decimal::from_units(k, 3);
                const bool rounds_to_x = v.round(1, mode) == x;
                if (in.contains(bmm::ratio::from_decimal(v)) != rounds_to_x) ++mismatches;
            }
            CAPTURE(bmm::to_string(mode));
            CAPTURE(text);
            CHECK(mismatches == 0);
        }
    }
}

TEST_CASE("directed modes: a printed figure is a whole unit wide, on one side of it") {
    const auto floor = printed_interval::of(d("2.2"), rounding_mode::floor);
    CHECK(floor.lo == bmm::ratio(11, 5));
    CHECK(floor.hi == bmm::ratio(23, 10));
    CHECK(floor.lo_closed);
    CHECK_FALSE(floor.hi_closed);  // [2.2, 2.3)
    const auto ceiling = printed_interval::of(d("2.2"), rounding_mode::ceiling);
    CHECK(ceiling.lo == bmm::ratio(21, 10));
    CHECK_FALSE(ceiling.lo_closed);
    CHECK(ceiling.hi_closed);  // (2.1, 2.2]
    const auto truncated = printed_interval::of(d("-2.2"), rounding_mode::toward_zero);
    CHECK(truncated.lo == bmm::ratio(-23, 10));
    CHECK_FALSE(truncated.lo_closed);
    CHECK(truncated.hi_closed);  // (-2.3, -2.2]
    const auto zero_truncated = printed_interval::of(d("0.0"), rounding_mode::toward_zero);
    CHECK_FALSE(zero_truncated.lo_closed);
    CHECK_FALSE(zero_truncated.hi_closed);  // (-0.1, 0.1)
    const auto away = printed_interval::of(d("0.0"), rounding_mode::away_from_zero);
    CHECK(away.lo == bmm::ratio());
    CHECK(away.hi == bmm::ratio());  // only zero itself rounds away from zero to 0.0
    CHECK(away.contains(bmm::ratio()));
    const auto half_down_zero = printed_interval::of(d("0.0"), rounding_mode::half_down);
    CHECK(half_down_zero.lo_closed);
    CHECK(half_down_zero.hi_closed);  // [-0.05, 0.05]
}

TEST_CASE("dividing intervals is exact, with each end open or closed as its values are") {
    const printed_interval x{bmm::ratio(1), bmm::ratio(2), true, false};  // [1, 2)
    const printed_interval y{bmm::ratio(2), bmm::ratio(4), true, true};   // [2, 4]
    const auto q = x.divided_by(y);
    REQUIRE(q.has_value());
    CHECK(q->lo == bmm::ratio(1, 4));
    CHECK(q->lo_closed);  // 1 / 4
    CHECK(q->hi == bmm::ratio(1));
    CHECK_FALSE(q->hi_closed);  // 2 / 2 is not reached: 2 is not in x
    // A closed zero end gives zero for every divisor, whatever the divisor's ends.
    const printed_interval from_zero{bmm::ratio(), bmm::ratio(1), true, false};
    const printed_interval open{bmm::ratio(2), bmm::ratio(3), false, false};
    const auto z = from_zero.divided_by(open);
    REQUIRE(z.has_value());
    CHECK(z->lo == bmm::ratio());
    CHECK(z->lo_closed);
    CHECK(z->hi == bmm::ratio(1, 2));
    CHECK_FALSE(z->hi_closed);
    // Negative divisors flip the order.
    const auto neg = x.divided_by(-y);
    REQUIRE(neg.has_value());
    CHECK(neg->lo == bmm::ratio(-1));
    CHECK_FALSE(neg->lo_closed);
    CHECK(neg->hi == bmm::ratio(-1, 4));
    CHECK(neg->hi_closed);
    // A divisor that reaches zero (even as an open end) leaves the quotient unbounded.
    CHECK_FALSE(x.divided_by(printed_interval::of(d("0.0"), rounding_mode::half_up)));
    CHECK_FALSE(x.divided_by(printed_interval::of(d("0.1"), rounding_mode::ceiling)));
}

TEST_CASE("scaling and negating an interval keep its ends' openness with the ends") {
    const auto in = printed_interval::of(d("2.2"), rounding_mode::floor);  // [2.2, 2.3)
    const auto twice = in.scaled(bmm::ratio(2));
    CHECK(twice.lo == bmm::ratio(22, 5));
    CHECK(twice.lo_closed);
    CHECK_FALSE(twice.hi_closed);
    const auto flipped = in.scaled(bmm::ratio(-1));
    CHECK(flipped.lo == bmm::ratio(-23, 10));
    CHECK_FALSE(flipped.lo_closed);  // (-2.3, -2.2]
    CHECK(flipped.hi_closed);
    CHECK(in.scaled(bmm::ratio()).contains(bmm::ratio()));
    CHECK(in.reaches(bmm::ratio(23, 10)));
    CHECK_FALSE(in.contains(bmm::ratio(23, 10)));
    // Two half-open intervals that only touch at an open end do not meet.
    const auto next = printed_interval::of(d("2.3"), rounding_mode::floor);
    CHECK_FALSE(in.meets(next));
    CHECK(in.meets(printed_interval::of(d("2.3"), rounding_mode::ceiling)));
}

TEST_CASE("intervals are equal when their ends and their ends' openness are") {
    const auto a = printed_interval::of(d("2.2"), rounding_mode::floor);
    CHECK(a == printed_interval{bmm::ratio(11, 5), bmm::ratio(23, 10), true, false});
    CHECK(a != printed_interval{bmm::ratio(11, 5), bmm::ratio(23, 10), true, true});
    CHECK(a != printed_interval::of(d("2.2"), rounding_mode::ceiling));
}
