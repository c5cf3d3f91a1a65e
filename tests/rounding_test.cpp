// Spec: bmm/rounding.hpp — the named rounding modes.
#include <doctest/doctest.h>

#include <bmm/rounding.hpp>
#include <cstdint>

namespace {
using bmm::rounding_mode;
constexpr std::int64_t r10(std::int64_t tenths, rounding_mode m) {
    return bmm::detail::div_round<std::int64_t>(tenths, 10, m);
}
}  // namespace

// Static spec: the table in the header's opening comment, checked at compile time.
static_assert(r10(25, rounding_mode::half_up) == 3 && r10(-25, rounding_mode::half_up) == -3);
static_assert(r10(25, rounding_mode::half_down) == 2 && r10(-25, rounding_mode::half_down) == -2);
static_assert(r10(25, rounding_mode::half_even) == 2 && r10(35, rounding_mode::half_even) == 4);
static_assert(r10(-26, rounding_mode::toward_zero) == -2);
static_assert(r10(24, rounding_mode::away_from_zero) == 3);
static_assert(r10(-25, rounding_mode::floor) == -3 && r10(-25, rounding_mode::ceiling) == -2);

TEST_SUITE("rounding") {
    TEST_CASE("every mode reproduces the table in the header for 2.5 -2.5 2.4 and -2.6") {
        struct row {
            rounding_mode mode;
            std::int64_t expect[4];
        };
        const row table[] = {
            {rounding_mode::half_up, {3, -3, 2, -3}},
            {rounding_mode::half_down, {2, -2, 2, -3}},
            {rounding_mode::half_even, {2, -2, 2, -3}},
            {rounding_mode::toward_zero, {2, -2, 2, -2}},
            {rounding_mode::away_from_zero, {3, -3, 3, -3}},
            {rounding_mode::floor, {2, -3, 2, -3}},
            {rounding_mode::ceiling, {3, -2, 3, -2}},
        };
        const std::int64_t inputs[4] = {25, -25, 24, -26};
        for (const row& r : table) {
            for (int i = 0; i < 4; ++i) {
                CAPTURE(bmm::to_string(r.mode));
                CAPTURE(inputs[i]);
                CHECK(r10(inputs[i], r.mode) == r.expect[i]);
            }
        }
    }

    TEST_CASE("an exact quotient is never changed by any mode") {
        for (auto m : {rounding_mode::half_up, rounding_mode::half_down, rounding_mode::half_even,
                       rounding_mode::toward_zero, rounding_mode::away_from_zero,
                       rounding_mode::floor, rounding_mode::ceiling}) {
            CHECK(r10(-30, m) == -3);
            CHECK(r10(0, m) == 0);
            CHECK(bmm::detail::div_round<std::int64_t>(12, -4, m) == -3);
        }
    }

    TEST_CASE("half_even sends ties to the even neighbour on both sides of zero") {
        CHECK(r10(5, rounding_mode::half_even) == 0);
        CHECK(r10(15, rounding_mode::half_even) == 2);
        CHECK(r10(-15, rounding_mode::half_even) == -2);
        CHECK(r10(-5, rounding_mode::half_even) == 0);
    }

    TEST_CASE("a negative divisor rounds the true quotient not the remainder") {
        // 7 / -2 = -3.5
        CHECK(bmm::detail::div_round<std::int64_t>(7, -2, rounding_mode::floor) == -4);
        CHECK(bmm::detail::div_round<std::int64_t>(7, -2, rounding_mode::ceiling) == -3);
        CHECK(bmm::detail::div_round<std::int64_t>(7, -2, rounding_mode::half_up) == -4);
        CHECK(bmm::detail::div_round<std::int64_t>(7, -2, rounding_mode::half_even) == -4);
    }

    TEST_CASE("ties are found exactly even when the divisor is near the int64 limit") {
        const std::int64_t big = INT64_MAX - 1;  // even
        CHECK(bmm::detail::div_round<std::int64_t>(big / 2, big, rounding_mode::half_up) == 1);
        CHECK(bmm::detail::div_round<std::int64_t>(big / 2, big, rounding_mode::half_down) == 0);
        CHECK(bmm::detail::div_round<std::int64_t>(big / 2 - 1, big, rounding_mode::half_up) == 0);
    }

    TEST_CASE("every mode has a printable name") {
        CHECK(bmm::to_string(rounding_mode::half_even) == "half_even");
        CHECK(bmm::to_string(rounding_mode::ceiling) == "ceiling");
    }

    TEST_CASE("a divisor of INT64_MIN is rounded without negating it") {
        // |INT64_MIN| does not fit int64: the remainder is compared with |d| another way.
        using bmm::detail::div_round;
        const std::int64_t min = INT64_MIN, max = INT64_MAX;
        const std::int64_t half = -(std::int64_t{1} << 62);  // exactly -1/2 of INT64_MIN
        CHECK(div_round<std::int64_t>(half, min, rounding_mode::half_up) == 1);
        CHECK(div_round<std::int64_t>(half, min, rounding_mode::half_down) == 0);
        CHECK(div_round<std::int64_t>(half, min, rounding_mode::half_even) == 0);
        CHECK(div_round<std::int64_t>(-half, min, rounding_mode::half_up) == -1);
        CHECK(div_round<std::int64_t>(-half, min, rounding_mode::floor) == -1);
        CHECK(div_round<std::int64_t>(-half, min, rounding_mode::ceiling) == 0);
        CHECK(div_round<std::int64_t>(max, min, rounding_mode::half_up) == -1);
        CHECK(div_round<std::int64_t>(max, min, rounding_mode::toward_zero) == 0);
        CHECK(div_round<std::int64_t>(min + 1, min, rounding_mode::half_even) == 1);
        CHECK(div_round<std::int64_t>(min, min, rounding_mode::floor) == 1);
        CHECK(div_round<std::int64_t>(5, min, rounding_mode::away_from_zero) == -1);
        CHECK(div_round<std::int64_t>(5, min, rounding_mode::half_up) == 0);
    }

    TEST_CASE("quotients at the int64 edges are exact in every mode") {
        using bmm::detail::div_round;
        const std::int64_t min = INT64_MIN, max = INT64_MAX;
        for (auto m : {rounding_mode::half_up, rounding_mode::half_down, rounding_mode::half_even,
                       rounding_mode::toward_zero, rounding_mode::away_from_zero,
                       rounding_mode::floor, rounding_mode::ceiling}) {
            CAPTURE(bmm::to_string(m));
            CHECK(div_round<std::int64_t>(max, 1, m) == max);
            CHECK(div_round<std::int64_t>(min, 1, m) == min);
            CHECK(div_round<std::int64_t>(max, -1, m) == -max);
            CHECK(div_round<std::int64_t>(max, max, m) == 1);
            CHECK(div_round<std::int64_t>(min, max, m) ==
                  (m == rounding_mode::floor || m == rounding_mode::away_from_zero ? -2 : -1));
        }
        // max / 2 = 4611686018427387903.5: a tie, on both sides of zero.
        CHECK(div_round<std::int64_t>(max, 2, rounding_mode::half_even) == max / 2 + 1);
        CHECK(div_round<std::int64_t>(max, 2, rounding_mode::half_down) == max / 2);
        CHECK(div_round<std::int64_t>(min + 1, 2, rounding_mode::half_up) == (min + 1) / 2 - 1);
    }
}
