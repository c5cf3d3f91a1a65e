// Spec: bmm/sum.hpp — exact totals, escalating to 128 bits only when a running sum overflows.
#include <doctest/doctest.h>

#include <array>
#include <bmm/sum.hpp>
#include <cstdint>
#include <list>
#include <random>
#include <vector>

#include "support/spec.hpp"

using bmm::gbp;

namespace {
constexpr std::int64_t max64 = INT64_MAX;
constexpr std::int64_t min64 = INT64_MIN;
}  // namespace

TEST_SUITE("sum") {
    TEST_CASE("the total of a column is exact to the penny") {
        const std::vector<gbp> v{gbp::from_millions("22.6"), gbp::from_millions("6.8"),
                                 gbp::from_millions("0.8")};
        CHECK(bmm::sum(v) == gbp::from_millions("30.2"));
        CHECK(bmm::sum(v.begin(), v.end()) == gbp::from_millions("30.2"));
        // double cannot say the same: the binary sum of the three figures is not 30.2.
        CHECK_FALSE(22.6 + 6.8 + 0.8 == 30.2);
    }

    SCENARIO("May 2023 Table 11: the directorate lines add up to the Directorate Total") {
        GIVEN("the six directorate budgets and forecasts as printed in seed 003") {
            const std::vector<gbp> budget{gbp::from_millions("226.9"), gbp::from_millions("169.3"),
                                          gbp::from_millions("74.5"),  gbp::from_millions("2.2"),
                                          gbp::from_millions("24.8"),  gbp::from_millions("69.7")};
            const std::vector<gbp> forecast{
                gbp::from_millions("226.9"), gbp::from_millions("172.4"),
                gbp::from_millions("75.1"),  gbp::from_millions("2.2"),
                gbp::from_millions("24.8"),  gbp::from_millions("71.3")};
            THEN("the totals are the printed 567.4 and 572.7 and the variance 5.3") {
                CHECK(bmm::sum(budget) == gbp::from_millions("567.4"));
                CHECK(bmm::sum(forecast) == gbp::from_millions("572.7"));
                CHECK(bmm::sum(forecast) - bmm::sum(budget) == gbp::from_millions("5.3"));
            }
        }
    }

    SCENARIO("Homes for Ukraine district allocations add up to their printed totals") {
        GIVEN("the funding elements per district of seed 003 Annex B-6") {
            // rows: CLO 12 months, CLO extension, Rematching, Admin/Discretionary,
            // Moving on staffing, Moving on Private Rental Support
            const std::int64_t elements[6][5] = {{50000, 50000, 50000, 50000, 0},
                                                 {30000, 30000, 30000, 30000, 0},
                                                 {158000, 0, 0, 0, 0},
                                                 {500000, 500000, 500000, 500000, 500000},
                                                 {0, 0, 170000, 0, 0},
                                                 {633000, 544000, 977000, 693000, 655000}};
            const char* printed[5] = {
                "\xC2\xA3"
                "1,371,000",
                "\xC2\xA3"
                "1,124,000",
                "\xC2\xA3"
                "1,727,000",
                "\xC2\xA3"
                "1,273,000",
                "\xC2\xA3"
                "1,155,000"};
            THEN("each district's column sums to its printed total") {
                for (int d = 0; d < 5; ++d) {
                    std::vector<gbp> column;
                    for (const auto& row : elements) column.push_back(bmm::pounds(row[d]));
                    CAPTURE(d);
                    CHECK(bmm::sum(column) == gbp::parse(printed[d]));
                }
            }
        }
    }

    TEST_CASE("a running sum that overflows is carried on exactly when the total fits") {
        const std::vector<gbp> v{gbp::from_minor_units(max64), bmm::pence(1), bmm::pence(-2)};
        CHECK(bmm::sum(v) == gbp::from_minor_units(max64 - 1));
        const std::vector<gbp> w{gbp::from_minor_units(max64), gbp::from_minor_units(max64),
                                 bmm::pence(5), gbp::from_minor_units(min64),
                                 gbp::from_minor_units(min64)};
        CHECK(bmm::sum(w) == bmm::pence(3));
        std::list<gbp> as_list(v.begin(), v.end());  // the non-random-access path
        CHECK(bmm::sum(as_list) == gbp::from_minor_units(max64 - 1));
    }

    TEST_CASE("a total that does not fit is an overflow_error that says the exact total") {
        const std::vector<gbp> v{gbp::from_minor_units(max64), bmm::pence(1)};
        CHECK_THROWS_WITH_AS((void)bmm::sum(v), doctest::Contains("9223372036854775808"),
                             bmm::overflow_error);
        const std::vector<gbp> w(4, gbp::from_minor_units(min64));
        CHECK_THROWS_AS((void)bmm::sum(w), bmm::overflow_error);
    }

    TEST_CASE("the accumulator stays on 64 bits until it must escalate") {
        bmm::money_accumulator<bmm::currency::gbp> acc;
        acc += bmm::pence(5);
        acc -= bmm::pence(2);
        CHECK(acc.is_narrow());
        CHECK(acc.total() == bmm::pence(3));
        acc += gbp::from_minor_units(max64);
        CHECK_FALSE(acc.is_narrow());
        CHECK(acc.total_minor_units_text() == "9223372036854775810");
        CHECK_THROWS_AS((void)acc.total(), bmm::overflow_error);
        acc -= gbp::from_minor_units(max64);
        CHECK(acc.total() == bmm::pence(3));
        acc -= gbp::from_minor_units(min64);
        acc -= gbp::from_minor_units(min64);
        CHECK(acc.total_minor_units_text() == "18446744073709551619");
    }

    TEST_CASE("an empty column sums to zero") {
        CHECK(bmm::sum(std::vector<gbp>{}) == bmm::zero);
        CHECK(bmm::sum(std::array<gbp, 0>{}) == bmm::zero);
    }

    TEST_CASE("sum agrees with a 128-bit reference on random columns with overflowing runs") {
        std::mt19937_64 rng(7);
        std::uniform_int_distribution<std::int64_t> any(min64, max64);
        __extension__ typedef __int128 i128;
        int fitted = 0;
        for (int trial = 0; trial < 2000; ++trial) {
            std::vector<gbp> v;
            i128 exact = 0;
            const int n = 1 + trial % 9;
            for (int i = 0; i < n; ++i) {
                const std::int64_t x = any(rng);
                v.push_back(gbp::from_minor_units(x));
                exact += x;
            }
            if (exact >= min64 && exact <= max64) {
                ++fitted;
                CHECK(bmm::sum(v).in_minor_units() == static_cast<std::int64_t>(exact));
            } else {
                CHECK_THROWS_AS((void)bmm::sum(v), bmm::overflow_error);
            }
        }
        CHECK(fitted > 100);
    }

    TEST_CASE(
        "a total of exactly plus or minus (2^63 - 1) pence fits and one penny more does not") {
        const gbp top = gbp::from_minor_units(max64), bottom = gbp::from_minor_units(-max64);
        CHECK(bmm::sum(std::vector<gbp>{top}) == top);
        CHECK(bmm::sum(std::vector<gbp>{gbp::from_minor_units(min64)}) ==
              gbp::from_minor_units(min64));
        CHECK(bmm::sum(std::vector<gbp>{top, bmm::pence(1), bmm::pence(-1)}) == top);
        CHECK(bmm::sum(std::vector<gbp>{bottom, bmm::pence(-1)}) == gbp::from_minor_units(min64));
        CHECK_THROWS_AS((void)bmm::sum(std::vector<gbp>{bottom, bmm::pence(-2)}),
                        bmm::overflow_error);
        CHECK(bmm::sum(std::vector<gbp>{top, bottom}) == bmm::zero);
        // Five maximal amounts and five minimal ones, in every lane of the four-way sum.
        std::vector<gbp> v(5, top);
        v.insert(v.end(), 5, bottom);
        v.push_back(bmm::pence(7));
        CHECK(bmm::sum(v) == bmm::pence(7));
        std::list<gbp> l(v.begin(), v.end());
        CHECK(bmm::sum(l) == bmm::pence(7));
        v.push_back(top);
        CHECK_THROWS_WITH_AS((void)bmm::sum(v), doctest::Contains("9223372036854775814"),
                             bmm::overflow_error);
    }

    TEST_CASE("the accumulator subtracts through the 128-bit path and back exactly") {
        bmm::money_accumulator<bmm::currency::gbp> acc;
        acc -= gbp::from_minor_units(min64);  // + 2^63: does not fit int64
        CHECK_FALSE(acc.is_narrow());
        CHECK(acc.total_minor_units_text() == "9223372036854775808");
        CHECK_THROWS_WITH_AS((void)acc.total(), doctest::Contains("9223372036854775808"),
                             bmm::overflow_error);
        acc -= bmm::pence(1);
        CHECK(acc.total() == gbp::from_minor_units(max64));
        acc += gbp::from_minor_units(min64);
        acc += gbp::from_minor_units(min64);
        CHECK(acc.total_minor_units_text() == "-9223372036854775809");
        CHECK_THROWS_AS((void)acc.total(), bmm::overflow_error);
    }
}
