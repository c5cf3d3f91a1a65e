// Spec for bmm/trend.hpp: direction of travel (improving / stable / deteriorating) from two
// figures and a polarity, with an optional stable band; short-term, year-on-year and long-term
// trends over a measure's figures, all compared exactly (the long-term average as a ratio).
#include <doctest/doctest.h>

#include <array>
#include <bmm/trend.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {
using bmm::direction;
using bmm::polarity;
using bmm::ratio;
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
const bmm::fiscal_year<> fy{2023};  // 2023/24: M1 is April 2023
const bmm::fiscal_year<> last_year{2022};
constexpr polarity higher = polarity::higher_is_better;
constexpr polarity lower = polarity::lower_is_better;
constexpr polarity to_target = polarity::close_to_target;
}  // namespace

static_assert(bmm::to_string(direction::improving) == "improving");
static_assert(bmm::to_symbol(direction::stable) == "\xE2\x86\x94");

TEST_SUITE("trend") {
    // --- compare -----------------------------------------------------------------------------

    TEST_CASE("higher is better: a rise is improving, a fall deteriorating, no change stable") {
        CHECK(bmm::compare(d("14"), d("15"), higher) == direction::improving);
        CHECK(bmm::compare(d("15"), d("14"), higher) == direction::deteriorating);
        CHECK(bmm::compare(d("15"), d("15"), higher) == direction::stable);
        CHECK(bmm::compare(d("-3"), d("-2"), higher) == direction::improving);
        CHECK(bmm::compare(d("0.01"), d("-0.01"), higher) == direction::deteriorating);
    }

    TEST_CASE("lower is better: a fall is improving, a rise deteriorating, no change stable") {
        // The contract's example: 14 -> 15 with lower is better.
        CHECK(bmm::compare(d("14"), d("15"), lower) == direction::deteriorating);
        CHECK(bmm::compare(d("15"), d("14"), lower) == direction::improving);
        CHECK(bmm::compare(d("15"), d("15"), lower) == direction::stable);
        CHECK(bmm::compare(d("-2"), d("-3"), lower) == direction::improving);
    }

    TEST_CASE("equal figures are stable whatever their printed places") {
        for (const polarity p : {higher, lower}) {
            CHECK(bmm::compare(d("15"), d("15.00"), p) == direction::stable);
            CHECK(bmm::compare(d("0.50"), d("0.5"), p) == direction::stable);
        }
        CHECK(bmm::compare(d("15"), d("15.0"), to_target, d("10")) == direction::stable);
    }

    TEST_CASE("close to target: moving nearer the target improves, moving away deteriorates") {
        const auto target = d("100");
        CHECK(bmm::compare(d("90"), d("95"), to_target, target) == direction::improving);
        CHECK(bmm::compare(d("110"), d("104"), to_target, target) == direction::improving);
        CHECK(bmm::compare(d("90"), d("105"), to_target, target) ==
              direction::improving);  // crossed
        CHECK(bmm::compare(d("95"), d("90"), to_target, target) == direction::deteriorating);
        CHECK(bmm::compare(d("101"), d("120"), to_target, target) == direction::deteriorating);
        CHECK(bmm::compare(d("95"), d("106"), to_target, target) == direction::deteriorating);
        // The same distance on the other side is no nearer: stable.
        CHECK(bmm::compare(d("90"), d("110"), to_target, target) == direction::stable);
        CHECK(bmm::compare(d("100"), d("100"), to_target, target) == direction::stable);
        CHECK(bmm::compare(ratio(1, 3), ratio(2, 3), to_target, ratio(1, 2)) == direction::stable);
    }

    TEST_CASE("close to target without a target is an invalid_argument") {
        CHECK_THROWS_AS((void)bmm::compare(d("90"), d("95"), to_target), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::compare(ratio(9), ratio(9), to_target), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::compare(d("90"), d("95"), to_target, std::nullopt,
                                           bmm::amber_band::absolute(d("10"))),
                        bmm::invalid_argument);
    }

    TEST_CASE("without a stable band only no change at all is stable") {
        CHECK(bmm::compare(d("10.000"), d("10.001"), higher) == direction::improving);
        CHECK(bmm::compare(d("10.000"), d("10.001"), higher, std::nullopt,
                           bmm::amber_band::none()) == direction::improving);
    }

    TEST_CASE(
        "an absolute stable band: a change exactly equal to the band is stable, just over is "
        "not") {
        const auto band = bmm::amber_band::absolute(d("0.5"));
        CHECK(bmm::compare(d("10"), d("10.5"), higher, std::nullopt, band) == direction::stable);
        CHECK(bmm::compare(d("10"), d("10.51"), higher, std::nullopt, band) ==
              direction::improving);
        CHECK(bmm::compare(d("10"), d("9.5"), higher, std::nullopt, band) == direction::stable);
        CHECK(bmm::compare(d("10"), d("9.49"), higher, std::nullopt, band) ==
              direction::deteriorating);
        CHECK(bmm::compare(d("10"), d("10.5"), lower, std::nullopt, band) == direction::stable);
        CHECK(bmm::compare(d("10"), d("10.500001"), lower, std::nullopt, band) ==
              direction::deteriorating);
        // Close to target: the band applies to the change in distance from the target.
        CHECK(bmm::compare(d("90"), d("90.5"), to_target, d("100"), band) == direction::stable);
        CHECK(bmm::compare(d("90"), d("90.6"), to_target, d("100"), band) == direction::improving);
    }

    TEST_CASE("a relative stable band is a share of |previous|, boundary included") {
        const auto band = bmm::amber_band::relative(ratio(1, 10));  // 10%
        CHECK(bmm::compare(d("50"), d("55"), higher, std::nullopt, band) == direction::stable);
        CHECK(bmm::compare(d("50"), d("55.01"), higher, std::nullopt, band) ==
              direction::improving);
        CHECK(bmm::compare(d("50"), d("45"), higher, std::nullopt, band) == direction::stable);
        CHECK(bmm::compare(d("50"), d("44.99"), higher, std::nullopt, band) ==
              direction::deteriorating);
        // A share of the previous figure, not the current one: 55 -> 50 is 5, within 5.5.
        CHECK(bmm::compare(d("55"), d("50"), higher, std::nullopt, band) == direction::stable);
        CHECK(bmm::compare(d("55"), d("49.5"), higher, std::nullopt, band) == direction::stable);
        CHECK(bmm::compare(d("55"), d("49.49"), higher, std::nullopt, band) ==
              direction::deteriorating);
        // Of its magnitude: from -50 the band is 5 either way.
        CHECK(bmm::compare(d("-50"), d("-45"), higher, std::nullopt, band) == direction::stable);
        CHECK(bmm::compare(d("-50"), d("-44.99"), higher, std::nullopt, band) ==
              direction::improving);
        CHECK(bmm::compare(d("-50"), d("-55.01"), higher, std::nullopt, band) ==
              direction::deteriorating);
        // From zero a relative band is empty.
        CHECK(bmm::compare(d("0"), d("0.01"), higher, std::nullopt, band) == direction::improving);
        CHECK(bmm::compare(d("0"), d("0"), higher, std::nullopt, band) == direction::stable);
    }

    TEST_CASE("a relative band of a third is exact, though a third is no finite decimal") {
        const auto band = bmm::amber_band::relative(ratio(1, 3));
        // A third of 10 is 3.333...: 13.333333 is within it, 13.333334 is not.
        CHECK(bmm::compare(d("10"), d("13.333333"), lower, std::nullopt, band) ==
              direction::stable);
        CHECK(bmm::compare(d("10"), d("13.333334"), lower, std::nullopt, band) ==
              direction::deteriorating);
        CHECK(bmm::compare(ratio(10), ratio(40, 3), lower, std::nullopt, band) ==
              direction::stable);
    }

    TEST_CASE("the decimal and ratio forms of compare agree") {
        const std::array<const char*, 9> figures{"-1.5", "0",    "0.1", "0.30", "9.99",
                                                 "10",   "10.5", "11",  "100"};
        const std::array<bmm::amber_band, 3> bands{bmm::amber_band::none(),
                                                   bmm::amber_band::absolute(d("0.5")),
                                                   bmm::amber_band::relative(ratio(1, 20))};
        for (const char* a : figures) {
            for (const char* b : figures) {
                for (const bmm::amber_band& band : bands) {
                    for (const polarity p : {higher, lower, to_target}) {
                        CAPTURE(a);
                        CAPTURE(b);
                        const auto from_decimal = bmm::compare(d(a), d(b), p, d("10"), band);
                        const auto from_ratio =
                            bmm::compare(ratio::from_decimal(d(a)), ratio::from_decimal(d(b)), p,
                                         ratio::from_decimal(d("10")), band);
                        CHECK(from_decimal == from_ratio);
                    }
                }
            }
        }
    }

    TEST_CASE("compare is exact: 0.1 + 0.2 against 0.3 is stable, and a band of 0.1 holds at 0.1") {
        const bmm::decimal sum = d("0.1") + d("0.2");
        CHECK(bmm::compare(sum, d("0.3"), higher) == direction::stable);
        CHECK(bmm::compare(d("0.3"), sum, lower) == direction::stable);
        // In binary floating point 0.3 - 0.2 is a little over 0.1; here it is exactly the band.
        const auto band = bmm::amber_band::absolute(d("0.1"));
        CHECK(bmm::compare(d("0.2"), d("0.3"), higher, std::nullopt, band) == direction::stable);
        CHECK(bmm::compare(d("0.2"), sum, higher, std::nullopt, band) == direction::stable);
        // A third against its nearest decimals.
        CHECK(bmm::compare(ratio::from_decimal(d("0.333333")), ratio(1, 3), higher) ==
              direction::improving);
        CHECK(bmm::compare(ratio(1, 3), ratio::from_decimal(d("0.333334")), higher) ==
              direction::improving);
        CHECK(bmm::compare(ratio(1, 3), ratio(2, 6), higher) == direction::stable);
    }

    TEST_CASE("directions read as words and as the outlook arrows of seed 004") {
        CHECK(bmm::to_string(direction::improving) == "improving");
        CHECK(bmm::to_string(direction::stable) == "stable");
        CHECK(bmm::to_string(direction::deteriorating) == "deteriorating");
        CHECK(bmm::to_symbol(direction::improving) == "\xE2\x86\x91");      // ↑
        CHECK(bmm::to_symbol(direction::stable) == "\xE2\x86\x94");         // ↔
        CHECK(bmm::to_symbol(direction::deteriorating) == "\xE2\x86\x93");  // ↓
    }

    // --- value_history -----------------------------------------------------------------------

    TEST_CASE("a value history records, replaces and looks up figures by month") {
        bmm::value_history<> h;
        h.record(fy.month(1), d("14")).record(fy.month(2), d("16"));
        h.record(fy.month(2), d("15"));
        CHECK(h.size() == 2);
        CHECK(h.at(fy.month(2)) == d("15"));
        CHECK(h.at(fy.month(3)) == std::nullopt);
        CHECK(h.before(fy.month(3), 5) == std::vector<bmm::decimal>{d("15"), d("14")});
        CHECK(h.before(fy.month(3), 1) == std::vector<bmm::decimal>{d("15")});
        CHECK(h.before(fy.month(2), 5) == std::vector<bmm::decimal>{d("14")});
        CHECK(h.before(fy.month(1), 5).empty());
        CHECK(h.before(fy.month(3), 0).empty());
    }

    TEST_CASE("recording a figure for an invalid month is an invalid_argument") {
        bmm::value_history<> h;
        CHECK_THROWS_AS(h.record(fy.month(13), d("1")), bmm::invalid_argument);
        CHECK_THROWS_AS(h.record(fy.month(0), d("1")), bmm::invalid_argument);
        CHECK(h.size() == 0);
    }

    TEST_CASE("the short-term trend compares a month with the previous recorded period") {
        // Seed 003 OCC10.05 % of calls abandoned (lower is better): April 2023 14%, May 15%.
        bmm::value_history<> h;
        h.record(fy.month(1), d("14")).record(fy.month(2), d("15"));
        CHECK(bmm::short_trend(h, fy.month(2), lower) == direction::deteriorating);
        CHECK(bmm::short_trend(h, bmm::fiscal_month<>::parse("M2 2023/24"), higher) ==
              direction::improving);
        // Within a stable band of one point it is stable.
        CHECK(bmm::short_trend(h, fy.month(2), lower, std::nullopt,
                               bmm::amber_band::absolute(d("1"))) == direction::stable);
        // Against a target of 15%, close to target, it improved.
        CHECK(bmm::short_trend(h, fy.month(2), to_target, d("15")) == direction::improving);
    }

    TEST_CASE("the short-term trend skips months without a figure") {
        bmm::value_history<> quarterly;
        quarterly.record(fy.month(3), d("10")).record(fy.month(6), d("12"));
        CHECK(bmm::short_trend(quarterly, fy.month(6), higher) == direction::improving);
        // Across the year end: M3 of 2024/25 against M12 of 2023/24.
        quarterly.record(fy.month(12), d("13")).record(bmm::fiscal_year<>{2024}.month(3), d("11"));
        CHECK(bmm::short_trend(quarterly, bmm::fiscal_year<>{2024}.month(3), higher) ==
              direction::deteriorating);
    }

    TEST_CASE("the short-term trend is std::nullopt without an earlier figure or a current one") {
        bmm::value_history<> h;
        h.record(fy.month(3), d("10"));
        CHECK(bmm::short_trend(h, fy.month(3), higher) == std::nullopt);  // nothing earlier
        CHECK(bmm::short_trend(h, fy.month(4), higher) == std::nullopt);  // nothing for M4
        CHECK(bmm::short_trend(bmm::value_history<>{}, fy.month(1), higher) == std::nullopt);
    }

    TEST_CASE("a trend computed close to target without the target is an invalid_argument") {
        bmm::value_history<> h;
        h.record(last_year.month(2), d("16")).record(fy.month(1), d("14"));
        h.record(fy.month(2), d("15"));
        CHECK_THROWS_AS((void)bmm::short_trend(h, fy.month(2), to_target), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::year_on_year(h, fy.month(2), to_target), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::long_trend(h, fy.month(2), 2, to_target), bmm::invalid_argument);
    }

    TEST_CASE("year on year compares a month with the same month a year earlier") {
        // Seed 003 OCC10.05 calls abandoned, lower is better: May 2023 15% (April 14%). The May
        // 2022 figure of 16% is illustrative, not from the report.
        bmm::value_history<> h;
        h.record(last_year.month(2), d("16"))
            .record(last_year.month(3), d("11"))
            .record(fy.month(1), d("14"))
            .record(fy.month(2), d("15"));
        const auto may = bmm::fiscal_month<>::parse("M2 2023/24");
        CHECK(bmm::year_on_year(h, may, lower) == direction::improving);
        CHECK(bmm::short_trend(h, may, lower) == direction::deteriorating);  // against April
        CHECK(bmm::year_on_year(h, may, lower, std::nullopt, bmm::amber_band::absolute(d("1"))) ==
              direction::stable);
        // The same month of a calendar with another start month.
        bmm::value_history<1> calendar;
        calendar.record(bmm::fiscal_year<1>{2022}.month(5), d("16"))
            .record(bmm::fiscal_year<1>{2023}.month(5), d("15"));
        CHECK(bmm::year_on_year(calendar, bmm::fiscal_year<1>{2023}.month(5), lower) ==
              direction::improving);
    }

    TEST_CASE("year on year is std::nullopt when either month has no figure") {
        bmm::value_history<> h;
        h.record(last_year.month(1), d("16")).record(fy.month(1), d("14"));
        h.record(fy.month(2), d("15"));
        // May 2022 is missing: April 2022 and April 2023 do not stand in for it.
        CHECK(bmm::year_on_year(h, fy.month(2), lower) == std::nullopt);
        CHECK(bmm::year_on_year(h, fy.month(1), lower) == direction::improving);
        CHECK(bmm::year_on_year(h, fy.month(3), lower) == std::nullopt);  // nothing for June
        CHECK(bmm::year_on_year(h, last_year.month(1), lower) == std::nullopt);
    }

    TEST_CASE("the long-term trend compares with the exact average of the last n figures") {
        // Earlier figures 10, 10, 11 average 31/3 = 10.333...; 10.33 is below it. A naive
        // average rounded to the figures' two places would be 10.33 and call it stable.
        bmm::value_history<> h;
        h.record(fy.month(1), d("0"))
            .record(fy.month(2), d("10"))
            .record(fy.month(3), d("10"))
            .record(fy.month(4), d("11"))
            .record(fy.month(5), d("10.33"));
        const auto m5 = fy.month(5);
        CHECK(bmm::long_trend(h, m5, 3, higher) == direction::deteriorating);
        CHECK(bmm::long_trend(h, m5, 3, lower) == direction::improving);
        const bmm::decimal naive = ratio(31, 3).round(2, bmm::rounding_mode::half_up);
        CHECK(naive == d("10.33"));
        CHECK(bmm::compare(naive, d("10.33"), higher) == direction::stable);  // the wrong answer
        // Close to a target of 10, 10.33 is nearer than 10.333...
        CHECK(bmm::long_trend(h, m5, 3, to_target, d("10")) == direction::improving);
        // Only the last n figures count: with the 0 of M1 the average is 31/4 = 7.75.
        CHECK(bmm::long_trend(h, m5, 4, higher) == direction::improving);
        // n = 1 is the short-term trend.
        CHECK(bmm::long_trend(h, m5, 1, higher) == bmm::short_trend(h, m5, higher));
    }

    TEST_CASE("the long-term trend with a stable band measures it from the exact average") {
        bmm::value_history<> h;
        h.record(fy.month(1), d("10")).record(fy.month(2), d("11")).record(fy.month(3), d("11"));
        h.record(fy.month(4), d("11"));
        // Average 32/3; 11 is 1/3 above it.
        CHECK(bmm::long_trend(h, fy.month(4), 3, higher, std::nullopt,
                              bmm::amber_band::absolute(d("0.333333"))) == direction::improving);
        CHECK(bmm::long_trend(h, fy.month(4), 3, higher, std::nullopt,
                              bmm::amber_band::absolute(d("0.333334"))) == direction::stable);
        // An average that is exactly a figure is stable without a band.
        bmm::value_history<> even;
        even.record(fy.month(1), d("10")).record(fy.month(2), d("11"));
        even.record(fy.month(3), d("10.50"));
        CHECK(bmm::long_trend(even, fy.month(3), 2, higher) == direction::stable);
    }

    TEST_CASE("the long-term trend skips months without figures") {
        bmm::value_history<> quarterly;
        quarterly.record(fy.month(3), d("9"))
            .record(fy.month(6), d("10"))
            .record(fy.month(9), d("12"))
            .record(fy.month(12), d("11"));
        CHECK(bmm::long_trend(quarterly, fy.month(12), 2, higher) == direction::stable);
        CHECK(bmm::long_trend(quarterly, fy.month(12), 3, higher) == direction::improving);
    }

    TEST_CASE("the long-term trend is std::nullopt with fewer than n earlier figures") {
        bmm::value_history<> h;
        h.record(fy.month(1), d("10")).record(fy.month(2), d("11")).record(fy.month(3), d("12"));
        CHECK(bmm::long_trend(h, fy.month(3), 2, higher) == direction::improving);
        CHECK(bmm::long_trend(h, fy.month(3), 3, higher) == std::nullopt);
        CHECK(bmm::long_trend(h, fy.month(1), 1, higher) == std::nullopt);
        CHECK(bmm::long_trend(h, fy.month(4), 1, higher) == std::nullopt);  // no figure for M4
    }

    TEST_CASE("a long-term trend over zero periods is an invalid_argument") {
        bmm::value_history<> h;
        h.record(fy.month(1), d("10")).record(fy.month(2), d("11"));
        CHECK_THROWS_AS((void)bmm::long_trend(h, fy.month(2), 0, higher), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::long_trend(bmm::value_history<>{}, fy.month(2), 0, higher),
                        bmm::invalid_argument);
    }
}

TEST_CASE(
    "property: a trend is the sign of the exact gain, mirrored by polarity, and the trends of a "
    "history are compare of its figures (20,000 pairs)") {
    std::mt19937_64 gen(5);
    std::uniform_int_distribution<std::int64_t> units(-50'000, 50'000);
    std::uniform_int_distribution<int> places(0, 3);
    auto figure = [&] { return bmm::decimal::from_units(units(gen), places(gen)); };
    auto r = [](bmm::decimal d) { return bmm::ratio::from_decimal(d); };
    auto abs = [](bmm::ratio x) { return x < bmm::zero ? -x : x; };
    for (int trial = 0; trial < 20'000; ++trial) {
        const bmm::decimal a = figure(), b = figure(), t = figure(),
                           w = bmm::decimal::from_units(units(gen) % 500 + 500, 1);
        const direction up = bmm::compare(a, b, bmm::polarity::higher_is_better);
        const direction down = bmm::compare(a, b, bmm::polarity::lower_is_better);
        const direction near = bmm::compare(a, b, bmm::polarity::close_to_target, t);
        CAPTURE(trial);
        CHECK((up == direction::stable) == (a == b));
        CHECK((up == direction::improving) == (b > a));
        CHECK(down == (up == direction::improving       ? direction::deteriorating
                       : up == direction::deteriorating ? direction::improving
                                                        : direction::stable));
        CHECK(bmm::compare(b, a, bmm::polarity::higher_is_better) == down);
        const bmm::ratio before = abs(r(a) - r(t)), now = abs(r(b) - r(t));
        CHECK(near == (now < before   ? direction::improving
                       : now > before ? direction::deteriorating
                                      : direction::stable));
        // Within an absolute tolerance w the change is stable.
        const direction tolerant = bmm::compare(a, b, bmm::polarity::higher_is_better, std::nullopt,
                                                bmm::amber_band::absolute(w));
        CHECK((tolerant == direction::stable) == (abs(r(b) - r(a)) <= r(w)));
        if (tolerant != direction::stable) CHECK(tolerant == up);
    }
    // A history's trends are compare of its own figures.
    for (int trial = 0; trial < 500; ++trial) {
        bmm::value_history<> h;
        const bmm::fiscal_year<> first{2022};
        std::vector<bmm::decimal> figures;
        for (unsigned k = 1; k <= 24; ++k) {
            figures.push_back(figure());
            h.record((first + date::years{static_cast<int>((k - 1) / 12)}).month((k - 1) % 12 + 1),
                     figures.back());
        }
        const auto m = bmm::fiscal_year<>{2023}.month(1 + static_cast<unsigned>(trial) % 12);
        const std::size_t at = 12 + static_cast<std::size_t>(trial) % 12;  // m's figure
        const auto pol = bmm::polarity::lower_is_better;
        CHECK(bmm::short_trend(h, m, pol) == bmm::compare(figures[at - 1], figures[at], pol));
        CHECK(bmm::year_on_year(h, m, pol) == bmm::compare(figures[at - 12], figures[at], pol));
        CHECK(bmm::long_trend(h, m, 1, pol) == bmm::short_trend(h, m, pol));
        const std::size_t n = 1 + static_cast<std::size_t>(trial) % 12;
        bmm::ratio sum;
        for (std::size_t k = at - n; k < at; ++k) sum += r(figures[k]);
        CHECK(bmm::long_trend(h, m, n, pol) ==
              bmm::compare(sum / bmm::ratio(static_cast<std::int64_t>(n)), r(figures[at]), pol));
        CHECK_FALSE(bmm::long_trend(h, m, at + 1, pol).has_value());
    }
}
