// Spec for bmm/resilience.hpp: CIPFA's Financial Resilience Index reserves measures and years of
// cover, exact, from printed reserves (seed 003's figures where it prints them).
#include <bmm/resilience.hpp>
// (the header under test first)
#include <doctest/doctest.h>

#include "support/spec.hpp"

namespace {
using bmm::gbp;
gbp m(const char* s) { return gbp::from_millions(s); }
}  // namespace

TEST_CASE(
    "reserves sustainability is the years reserves last at the last three years' average fall") {
    // 45 → 30 over three years: an average fall of 5 a year; 30 lasts 6 more years.
    CHECK(bmm::reserves_sustainability(m("30"), m("45")) == bmm::ratio(6));
    CHECK(bmm::reserves_sustainability(m("30"), m("31")) == bmm::ratio(90));
    // Reserves that did not fall have no finite measure; reserves gone last no years.
    CHECK_FALSE(bmm::reserves_sustainability(m("30"), m("30")).has_value());
    CHECK_FALSE(bmm::reserves_sustainability(m("30"), m("20")).has_value());
    CHECK(bmm::reserves_sustainability(m("-1"), m("20")) == bmm::ratio(0));
}

TEST_CASE("the change over three years is a share of the earlier level") {
    CHECK(bmm::reserves_change(m("30"), m("45")) == bmm::ratio(-1, 3));
    CHECK(bmm::reserves_change(m("50"), m("40")) == bmm::ratio(1, 4));
    CHECK_FALSE(bmm::reserves_change(m("50"), m("0")).has_value());
    CHECK(bmm::reserves_change(m("10"), m("-10")) == bmm::ratio(-2));
}

TEST_CASE(
    "seed 003 ¶107 and ¶113-115: reserves as a share of the net operating budget of Table 11") {
    // Earmarked reserves forecast at £176m and general balances at £30.2m on 31 March 2024,
    // against the net operating budget of £578.7m (Table 11): 2062/5787, 35.6%.
    const auto level = bmm::reserves_level(m("176") + m("30.2"), m("578.7"));
    REQUIRE(level.has_value());
    CHECK(*level == bmm::ratio(2062, 5787));
    CHECK(level->percent(1, bmm::rounding_mode::half_up) == bmm::decimal::parse("35.6"));
    CHECK_FALSE(bmm::reserves_level(m("1"), m("0")).has_value());
}

TEST_CASE(
    "years of cover: reserves over the annual draw, none once gone, no limit without a draw") {
    // Seed 003 ¶63: the Public Health reserve's £5.9m at £1.7m a year lasts 59/17 years.
    CHECK(bmm::cover_years(m("5.9"), m("1.7")) == bmm::ratio(59, 17));
    CHECK(bmm::cover_years(m("-2"), m("1.7")) == bmm::ratio(0));
    CHECK_FALSE(bmm::cover_years(m("5.9"), m("0")).has_value());
    CHECK_FALSE(bmm::cover_years(m("5.9"), m("-1")).has_value());
}

TEST_CASE("a measure whose exact terms do not fit 64 bits is an overflow_error") {
    const gbp big = gbp::from_minor_units(std::int64_t{9'000'000'000'000'000'001});
    CHECK_THROWS_AS((void)bmm::reserves_sustainability(big, big + gbp::from_minor_units(2)),
                    bmm::overflow_error);
}
