// Spec for bmm/measure.hpp: measure ids as printed ("OCC11.02"), measures whose targets and
// policies are effective-dated and must agree with the measure's polarity, observations with
// their YTD figures, YTD targets from a measure's ytd_plan (an annual target and its profile,
// exact at every month).
#include <doctest/doctest.h>

#include <array>
#include <bmm/measure.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
const bmm::fiscal_year<> fy2023{2023};

bmm::measure<> calls_abandoned() {
    // Seed 003 OCC10.05: the percentage of customer telephone calls abandoned, lower is better.
    bmm::measure<> m{bmm::measure_id::parse("OCC10.05"), {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    m.title = "The percentage of customer telephone calls abandoned";
    m.owner = "Mark Haynes";
    m.unit = bmm::unit::percent;
    m.ytd = bmm::ytd_rule::ratio_of_sums;
    m.polarity = bmm::polarity::lower_is_better;
    m.targets.set(fy2023.month(1), bmm::target::parse("10%"));
    m.policies.set(fy2023.month(1),
                   bmm::rag_policy::lower_is_better(bmm::amber_band::relative(bmm::ratio(1, 2))));
    return m;
}

bmm::measure<> assessments() {
    // Seed 003 OCC07.03: multi-agency strength & needs assessments, higher is better, a flow
    // whose target of 7,500 for the year accrues month by month (cumulative).
    bmm::measure<> m{bmm::measure_id::parse("OCC07.03"), {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    m.cumulative = true;
    m.ytd = bmm::ytd_rule::sum;
    m.targets.set(fy2023.month(1), bmm::target::parse("438"));
    m.policies.set(fy2023.month(1),
                   bmm::rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(1, 5))));
    return m;
}
}  // namespace

TEST_CASE("a measure id reads its prefix, priority and number") {
    const auto id = bmm::measure_id::parse("OCC11.02");
    CHECK(id.prefix() == "OCC");
    CHECK(id.priority() == 11);
    CHECK(id.number() == 2);
    CHECK(id.priority_id() == "OCC11");
    CHECK(bmm::to_string(id) == "OCC11.02");
    CHECK(bmm::measure_id::parse(" OCC04.05: ") == bmm::measure_id::parse("occ04.05"));
    CHECK(bmm::to_string(bmm::measure_id::parse("PH1.2")) == "PH1.2");  // digits as read
}

TEST_CASE("measure ids order by prefix (ignoring case), priority, then number") {
    const auto a = bmm::measure_id::parse("OCC01.07"), b = bmm::measure_id::parse("OCC02.01"),
               c = bmm::measure_id::parse("occ02.03");
    CHECK(a < b);
    CHECK(b < c);
    CHECK(c > a);
    CHECK(b <= b);
    CHECK(bmm::measure_id::parse("ABC99.99") < a);
}

TEST_CASE("a malformed measure id is a parse_error naming it and where it failed") {
    struct bad {
        const char* text;
        const char* why;
    };
    const bad cases[] = {{"OCC11", "'.'"},
                         {"11.02", "letters"},
                         {"OCC.02", "priority"},
                         {"OCC11.", "measure number"},
                         {"OCC1234.1", "at most 3"},
                         {"OCC11.02x", "unexpected text"},
                         {"", "letters"}};
    for (const bad& c : cases) {
        CAPTURE(c.text);
        CHECK_FALSE(bmm::measure_id::try_parse(c.text).has_value());
        try {
            (void)bmm::measure_id::parse(c.text);
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == c.text);
            CHECK(std::string(e.what()).find(c.why) != std::string::npos);
        }
    }
    try {
        (void)bmm::measure_id::parse("OCC11.02x");
    } catch (const bmm::parse_error& e) {
        CHECK(e.position() == 8);
    }
    CHECK_THROWS_AS(bmm::measure_id("OC C", 1, 1), bmm::invalid_argument);
    CHECK_THROWS_AS(bmm::measure_id("OCC", 1000, 1), bmm::invalid_argument);
}

TEST_CASE(
    "a measure id that cannot be read says where: the first character that is wrong, or "
    "the end when something is missing") {
    struct bad {
        const char* text;
        std::size_t position;
    };
    for (const bad& c :
         {bad{"", 0}, bad{"   ", 3}, bad{"11.02", 0}, bad{"  11.02", 2}, bad{"OCC", 3},
          bad{"OCC.02", 3}, bad{"OCC11", 5}, bad{"OCC11,02", 5}, bad{"OCC11.", 6},
          bad{" occ1.x", 6}, bad{"OCC1234.1", 6}, bad{"OCC1.1234", 8}, bad{"ABCDEFGHI1.1", 8},
          bad{"OCC11.02x", 8}, bad{" OCC11.02::", 10}, bad{"OCC11.02 x", 8}}) {
        CAPTURE(c.text);
        try {
            (void)bmm::measure_id::parse(c.text);
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == c.text);
            CHECK(e.position() == c.position);
        }
    }
}

TEST_CASE("a measure rates an observation with the target and policy in force that month") {
    const auto m = calls_abandoned();
    const bmm::observation<> may{fy2023.month(2), d("15"), bmm::reading(d("29")),
                                 bmm::target::parse("20%")};
    CHECK(m.rate(may) == bmm::rag::amber);      // 15% against 10%: within half the target
    CHECK(m.rate_ytd(may) == bmm::rag::amber);  // as printed: 29% against 20%
    const bmm::observation<> no_ytd{fy2023.month(2), d("9"), std::nullopt, std::nullopt};
    CHECK(m.rate(no_ytd) == bmm::rag::green);
    CHECK_FALSE(m.rate_ytd(no_ytd).has_value());
    const bmm::observation<> missing{fy2023.month(3), bmm::data_status::data_unavailable,
                                     std::nullopt, std::nullopt};
    CHECK(m.rate(missing) == bmm::data_status::data_unavailable);
}

TEST_CASE("a stricter policy from October does not re-rate June") {
    auto m = calls_abandoned();
    const bmm::observation<> june{fy2023.month(3), d("14"), std::nullopt, std::nullopt};
    const auto before = m.rate(june);
    m.policies.set(fy2023.month(7), bmm::rag_policy::lower_is_better());
    CHECK(before == bmm::rag::amber);
    CHECK(m.rate(june) == bmm::rag::amber);
    CHECK(m.rate(fy2023.month(7), d("14")) == bmm::rag::red);
}

TEST_CASE("rating before any target or policy is in force, or against the wrong polarity, throws") {
    auto m = calls_abandoned();
    CHECK_THROWS_AS((void)m.rate(fy2023.prev().month(12), d("5")), bmm::invalid_argument);
    m.policies.set(fy2023.month(4), bmm::rag_policy::higher_is_better());
    try {
        (void)m.rate(fy2023.month(4), d("5"));
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() == "OCC10.05");
        CHECK(std::string(e.what()).find("higher is better") != std::string::npos);
    }
    m.cumulative = true;
    const bmm::observation<> o{fy2023.month(2), d("15"), bmm::reading(d("29")), std::nullopt};
    CHECK_THROWS_AS((void)m.rate_ytd(o), bmm::invalid_argument);
}

TEST_CASE("a cumulative measure's YTD target at any month comes from its ytd_plan exactly") {
    auto m = assessments();
    CHECK_FALSE(m.ytd_target(fy2023.month(2)).has_value());      // no plan yet
    m.ytd_plans.set(fy2023.month(1), bmm::ytd_plan{d("7500")});  // flat by default
    CHECK(m.ytd_target(fy2023.month(1)) == bmm::ratio(625));
    CHECK(m.ytd_target(fy2023.month(2)) == bmm::ratio(1250));
    CHECK(m.ytd_target(fy2023.month(12)) == bmm::ratio(7500));
    // Seed 003 prints OCC07.03's YTD target at May as 714 (April 276 + May 438), not the flat
    // 1,250: its profile is uneven. The later months are not published; spread evenly here, they
    // make the monthly targets sum to the year's 7,500 as a profile must.
    std::array<bmm::decimal, 12> months{};
    months.fill(d("678.6"));
    months[0] = d("276");
    months[1] = d("438");
    m.ytd_plans.set(
        fy2023.month(1),
        bmm::ytd_plan{d("7500"), bmm::ytd_profile::from_monthly_targets(d("7500"), months)});
    CHECK(m.ytd_target(fy2023.month(1)) == bmm::ratio(276));
    CHECK(m.ytd_target(fy2023.month(2)) == bmm::ratio(714));
    CHECK(m.ytd_target(fy2023.month(3)) == bmm::ratio::from_decimal(d("1392.6")));
    CHECK(m.ytd_target(fy2023.month(12)) == bmm::ratio(7500));
    // May's YTD 637 against 714 misses by 10.8%, within the 20% band: Amber, as printed.
    const bmm::observation<> may{fy2023.month(2), d("367"), bmm::reading(d("637")), std::nullopt};
    CHECK(m.rate_ytd(may) == bmm::rag::amber);
    CHECK(m.rate(may) == bmm::rag::amber);  // 367 against 438: 16.2% short
    const bmm::observation<> good{fy2023.month(2), d("438"), bmm::reading(d("714")), std::nullopt};
    CHECK(m.rate_ytd(good) == bmm::rag::green);
    CHECK_THROWS_AS((void)m.ytd_target(fy2023.month(13)), bmm::invalid_argument);
}

TEST_CASE("a YTD target from a plan is never rounded: 1,000 a year is 83.333... by April") {
    auto m = assessments();
    m.policies.set(fy2023.month(1), bmm::rag_policy::higher_is_better());  // any miss is Red
    m.ytd_plans.set(fy2023.month(1), bmm::ytd_plan{d("1000")});
    CHECK(m.ytd_target(fy2023.month(1)) == bmm::ratio(1000, 12));
    auto april = [](const char* ytd) {
        return bmm::observation<>{fy2023.month(1), d("80"), bmm::reading(d(ytd)), std::nullopt};
    };
    // Rounded to 2 places the target would be 83.33 and 83.33 would be Green.
    CHECK(m.rate_ytd(april("83.33")) == bmm::rag::red);
    CHECK(m.rate_ytd(april("83.333333")) == bmm::rag::red);
    CHECK(m.rate_ytd(april("83.34")) == bmm::rag::green);
    // From monthly weights 1:2:...: M1 carries 1/78 of the year.
    m.ytd_plans.set(fy2023.month(1),
                    bmm::ytd_plan{d("78"), bmm::ytd_profile::from_weights(
                                               {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})});
    CHECK(m.ytd_target(fy2023.month(3)) == bmm::ratio(6));
    CHECK(m.rate_ytd(bmm::observation<>{fy2023.month(3), d("3"), bmm::reading(d("6")),
                                        std::nullopt}) == bmm::rag::green);
    CHECK(m.rate_ytd(bmm::observation<>{fy2023.month(3), d("3"), bmm::reading(d("5.99")),
                                        std::nullopt}) == bmm::rag::red);
}

TEST_CASE("an observation's own YTD target wins over the plan, and the plan is effective-dated") {
    auto m = assessments();
    m.ytd_plans.set(fy2023.month(7), bmm::ytd_plan{d("7500")});  // from October on
    // Before the plan is in force a cumulative measure still needs a YTD target.
    const bmm::observation<> may{fy2023.month(2), d("367"), bmm::reading(d("637")), std::nullopt};
    CHECK_FALSE(m.ytd_target(fy2023.month(2)).has_value());
    try {
        (void)m.rate_ytd(may);
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() == "OCC07.03");
    }
    // October's YTD target is 7,500 × 7/12 = 4,375.
    CHECK(m.ytd_target(fy2023.month(7)) == bmm::ratio(4375));
    const bmm::observation<> oct{fy2023.month(7), d("700"), bmm::reading(d("4375")), std::nullopt};
    CHECK(m.rate_ytd(oct) == bmm::rag::green);
    // A printed YTD target is what the row is rated against, plan or not.
    const bmm::observation<> printed{fy2023.month(7), d("700"), bmm::reading(d("4375")),
                                     bmm::target::parse("5,000")};
    CHECK(m.rate_ytd(printed) == bmm::rag::amber);  // 12.5% short
    // Without a YTD actual there is nothing to rate.
    CHECK_FALSE(
        m.rate_ytd(bmm::observation<>{fy2023.month(7), d("700"), std::nullopt, std::nullopt})
            .has_value());
}

TEST_CASE("a plan's YTD target cannot be rated by explicit thresholds, which are not shares") {
    auto m = assessments();
    m.ytd_plans.set(fy2023.month(1), bmm::ytd_plan{d("7500")});
    m.policies.set(fy2023.month(1), bmm::rag_policy::thresholds(bmm::polarity::higher_is_better,
                                                                d("400"), d("300")));
    const bmm::observation<> may{fy2023.month(2), d("367"), bmm::reading(d("637")), std::nullopt};
    CHECK(m.rate(may) == bmm::rag::amber);  // the period thresholds still apply to May
    CHECK_THROWS_AS((void)m.rate_ytd(may), bmm::invalid_argument);
}
