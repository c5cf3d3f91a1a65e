// Spec for bmm/rag.hpp: rating a reading against a target under a policy — the bands, the
// boundary rule (a value on a boundary belongs to the better band), exactness, the fast integer
// path agreeing with the exact one, and effective-dated policies that never re-rate the past.
#include <doctest/doctest.h>

#include <bmm/effective.hpp>
#include <bmm/rag.hpp>
#include <cstdint>
#include <random>
#include <string>

#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
bmm::target t(const char* s) { return bmm::target::parse(s); }
const bmm::status green = bmm::rag::green, amber = bmm::rag::amber, red = bmm::rag::red;
}  // namespace

TEST_CASE("higher is better: meeting the target exactly is Green, a miss within the band Amber") {
    const auto p = bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("1.0")));
    CHECK(bmm::rate(d("61.50"), t("61.50%"), p) == green);
    CHECK(bmm::rate(d("61.51"), t("61.50%"), p) == green);
    CHECK(bmm::rate(d("60.50"), t("61.50%"), p) == amber);  // a miss exactly the band: Amber
    CHECK(bmm::rate(d("60.49"), t("61.50%"), p) == red);
}

TEST_CASE("lower is better mirrors it: at or under the target is Green") {
    const auto p = bmm::rag_policy::lower_is_better(bmm::amber_band::absolute(d("5")));
    CHECK(bmm::rate(d("10"), t("10%"), p) == green);
    CHECK(bmm::rate(d("9"), t("10%"), p) == green);
    CHECK(bmm::rate(d("15"), t("10%"), p) == amber);
    CHECK(bmm::rate(d("15.01"), t("10%"), p) == red);
}

TEST_CASE("with no amber band any miss is Red") {
    const auto p = bmm::rag_policy::higher_is_better();
    CHECK(bmm::rate(d("3.00"), t("3.00%"), p) == green);
    CHECK(bmm::rate(d("2.99"), t("3.00%"), p) == red);
}

TEST_CASE("a relative band is a share of the target's magnitude, compared exactly") {
    // 7.5% of 61.50 is 4.6125: seed 003 OCC01.07 YTD 56.98 (miss 4.52) Amber, May 56.74 Red.
    const auto p = bmm::rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(3, 40)));
    CHECK(bmm::rate(d("56.98"), t("61.50%"), p) == amber);
    CHECK(bmm::rate(d("56.74"), t("61.50%"), p) == red);
    CHECK(bmm::rate(d("56.8875"), t("61.50%"), p) == amber);  // exactly on the band
    CHECK(bmm::rate(d("56.8874"), t("61.50%"), p) == red);
    // A third of 10 is not a finite decimal: the comparison is still exact.
    const auto third =
        bmm::rag_policy::lower_is_better(bmm::amber_band::relative(bmm::ratio(1, 3)));
    CHECK(bmm::rate(d("13.333333"), t("10"), third) == amber);
    CHECK(bmm::rate(d("13.333334"), t("10"), third) == red);
}

TEST_CASE("close to target is Green within the green tolerance and Amber within the amber one") {
    const auto p = bmm::rag_policy::close_to_target(bmm::amber_band::relative(bmm::ratio(1, 10)),
                                                    bmm::amber_band::relative(bmm::ratio(1, 5)));
    // Seed 003 OCC11.12 average cash balance £441,293,000 against £480,000,000: 8.1% below.
    CHECK(bmm::rate(d("441293000"), t("£480,000,000"), p) == green);
    CHECK(bmm::rate(d("528000000"), t("£480,000,000"), p) == green);  // exactly +10%
    CHECK(bmm::rate(d("528000001"), t("£480,000,000"), p) == amber);
    CHECK(bmm::rate(d("384000000"), t("£480,000,000"), p) == amber);  // exactly -20%
    CHECK(bmm::rate(d("383999999"), t("£480,000,000"), p) == red);
    // Without a green tolerance only the target itself is Green.
    const auto exact = bmm::rag_policy::close_to_target({}, bmm::amber_band::absolute(d("0.5")));
    CHECK(bmm::rate(d("0.00"), t("0.00%"), exact) == green);
    CHECK(bmm::rate(d("-0.01"), t("0.00%"), exact) == amber);
}

TEST_CASE("a strict bound is not met by its own figure, but an inclusive one is") {
    const auto p = bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("0.5")));
    CHECK(bmm::rate(d("6.9"), t(">6.8%"), p) == green);
    CHECK(bmm::rate(d("6.8"), t(">6.8%"), p) == amber);
    CHECK(bmm::rate(d("6.8"), t(">=6.8%"), p) == green);
    CHECK(bmm::rate(d("6.3"), t(">6.8%"), p) == amber);
    CHECK(bmm::rate(d("6.29"), t(">6.8%"), p) == red);
    const auto lower = bmm::rag_policy::lower_is_better();
    CHECK(bmm::rate(d("19.99"), t("<20%"), lower) == green);
    CHECK(bmm::rate(d("20"), t("<20%"), lower) == red);
    CHECK(bmm::rate(d("20"), t("\xE2\x89\xA4 20%"), lower) == green);
}

TEST_CASE("a bound that contradicts the policy's polarity is an invalid_argument naming it") {
    try {
        (void)bmm::rate(d("5"), t(">6.8%"), bmm::rag_policy::lower_is_better());
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() == ">6.8%");
        CHECK(std::string(e.what()).find("lower is better") != std::string::npos);
    }
    CHECK_THROWS_AS((void)bmm::rate(d("5"), t("<20%"), bmm::rag_policy::higher_is_better()),
                    bmm::invalid_argument);
}

TEST_CASE("a within target rates the magnitude, either side") {
    // Seed 004: "< 2.0% of net budget" — +1.8% Yes, -0.7% Yes, +2.6% No, -2.6% No.
    const auto p = bmm::rag_policy::close_to_target({}, {});
    const auto within = t("< 2.0% of net budget");
    CHECK(bmm::rate(d("1.8"), within, p) == green);
    CHECK(bmm::rate(d("-0.7"), within, p) == green);
    CHECK(bmm::rate(d("2.6"), within, p) == red);
    CHECK(bmm::rate(d("-2.6"), within, p) == red);
    CHECK(bmm::rate(d("2.0"), within, p) == red);  // "<": 2.0 itself is outside
    CHECK(bmm::rate(d("-2.0"), t("<= 2.0% of net budget"), p) == green);
    const auto banded = bmm::rag_policy::close_to_target({}, bmm::amber_band::absolute(d("1")));
    CHECK(bmm::rate(d("2.6"), within, banded) == amber);
    CHECK(bmm::rate(d("-3.0"), within, banded) == amber);
    CHECK(bmm::rate(d("-3.01"), within, banded) == red);
}

TEST_CASE("a range is Green inclusive of both ends and Amber within the band of the nearer end") {
    const auto p = bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("2")));
    const auto r = t("93-95%");
    CHECK(bmm::rate(d("93"), r, p) == green);
    CHECK(bmm::rate(d("95"), r, p) == green);
    CHECK(bmm::rate(d("95.01"), r, p) == amber);
    CHECK(bmm::rate(d("91"), r, p) == amber);
    CHECK(bmm::rate(d("97"), r, p) == amber);
    CHECK(bmm::rate(d("90.99"), r, p) == red);
    CHECK(bmm::rate(d("97.01"), r, p) == red);
}

TEST_CASE("explicit thresholds ignore the target's figure but not its absence") {
    const auto p = bmm::rag_policy::thresholds(bmm::polarity::higher_is_better, d("90"), d("85"));
    CHECK(bmm::rate(d("90"), t("95%"), p) == green);
    CHECK(bmm::rate(d("85"), t("95%"), p) == amber);
    CHECK(bmm::rate(d("84.9"), t("95%"), p) == red);
    CHECK(bmm::rate(d("84.9"), bmm::target::none(), p) == bmm::data_status::monitoring_only);
    const auto low = bmm::rag_policy::thresholds(bmm::polarity::lower_is_better, d("10"), d("12"));
    CHECK(bmm::rate(d("10"), t("10%"), low) == green);
    CHECK(bmm::rate(d("12"), t("10%"), low) == amber);
    CHECK(bmm::rate(d("12.1"), t("10%"), low) == red);
}

TEST_CASE("thresholds in the wrong order, negative bands and tolerances are invalid_argument") {
    CHECK_THROWS_AS(
        (void)bmm::rag_policy::thresholds(bmm::polarity::higher_is_better, d("85"), d("90")),
        bmm::invalid_argument);
    CHECK_THROWS_AS(
        (void)bmm::rag_policy::thresholds(bmm::polarity::lower_is_better, d("12"), d("10")),
        bmm::invalid_argument);
    CHECK_THROWS_AS(
        (void)bmm::rag_policy::thresholds(bmm::polarity::close_to_target, d("1"), d("2")),
        bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::amber_band::absolute(d("-1")), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::amber_band::relative(bmm::ratio(-1, 10)), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::rag_policy::close_to_target(bmm::amber_band::absolute(d("2")),
                                                           bmm::amber_band::absolute(d("1"))),
                    bmm::invalid_argument);
}

TEST_CASE("a target scaled by an exact share rates against its scaled figures, unrounded") {
    // An annual 1,000 scaled to April's 1/12 is 83.333...: 83.33 misses it.
    const auto hi = bmm::rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(1, 10)));
    const bmm::ratio april(1, 12);
    CHECK(bmm::rate(d("83.34"), t("1000"), hi, april) == green);
    CHECK(bmm::rate(d("83.33"), t("1000"), hi, april) == amber);
    // The relative band follows the scaled figure: 10% of 83.333... is 8.333..., so Amber down to
    // 75 exactly.
    CHECK(bmm::rate(d("75"), t("1000"), hi, april) == amber);
    CHECK(bmm::rate(d("74.99"), t("1000"), hi, april) == red);
    // A rater built with the scale agrees, at every reading scale.
    const bmm::rater r(t("1000"), hi, april, 2);
    CHECK(r(d("83.34")) == green);
    CHECK(r(d("83.333")) == amber);
    CHECK(r(d("83.334")) == green);
    // Bounds, tolerances and ranges scale every figure; a scale of 1 changes nothing.
    const auto lo = bmm::rag_policy::lower_is_better();
    CHECK(bmm::rate(d("9.99"), t("<20"), lo, bmm::ratio(1, 2)) == green);
    CHECK(bmm::rate(d("10"), t("<20"), lo, bmm::ratio(1, 2)) == red);  // strict: 10 is not < 10
    const auto close = bmm::rag_policy::close_to_target({}, bmm::amber_band::absolute(d("1")));
    CHECK(bmm::rate(d("-1"), t("< 2.0% of net budget"), close, bmm::ratio(1, 2)) == amber);
    CHECK(bmm::rate(d("0.99"), t("< 2.0% of net budget"), close, bmm::ratio(1, 2)) == green);
    CHECK(bmm::rate(d("47"), t("93-95%"), hi, bmm::ratio(1, 2)) == green);
    CHECK(bmm::rate(d("47.5"), t("93-95%"), hi, bmm::ratio(1, 2)) == green);
    CHECK(bmm::rate(d("47.6"), t("93-95%"), hi, bmm::ratio(1, 2)) == amber);
    CHECK(bmm::rate(d("56.74"), t("61.50%"), hi, bmm::ratio(1)) ==
          bmm::rate(d("56.74"), t("61.50%"), hi));
    // A scale of zero makes every figure zero; no target and positions have no figures.
    CHECK(bmm::rate(d("0"), t("1000"), hi, bmm::ratio(0)) == green);
    CHECK(bmm::rate(d("5"), t(""), hi, april) == bmm::data_status::monitoring_only);
    CHECK(bmm::rate(bmm::position(0), t("Top quartile"), hi, april) == green);
}

TEST_CASE("a negative scale, or a scaled target under explicit thresholds, is invalid_argument") {
    const auto hi = bmm::rag_policy::higher_is_better();
    CHECK_THROWS_AS((void)bmm::rate(d("1"), t("10"), hi, bmm::ratio(-1, 2)), bmm::invalid_argument);
    const auto th = bmm::rag_policy::thresholds(bmm::polarity::higher_is_better, d("90"), d("85"));
    CHECK_THROWS_AS((void)bmm::rate(d("90"), t("95%"), th, bmm::ratio(1, 2)),
                    bmm::invalid_argument);
    CHECK(bmm::rate(d("90"), t("95%"), th, bmm::ratio(1)) == green);
}

TEST_CASE("data statuses and missing targets are not rated") {
    const auto p = bmm::rag_policy::higher_is_better();
    CHECK(bmm::rate(bmm::data_status::data_unavailable, t("61.50%"), p) ==
          bmm::data_status::data_unavailable);
    CHECK(bmm::rate(bmm::data_status::not_reported, t("61.50%"), p) ==
          bmm::data_status::not_reported);
    // Seed 003 OCC01.03: 40.00 with no target is "n/a", monitoring only.
    CHECK(bmm::rate(d("40.00"), t(""), p) == bmm::data_status::monitoring_only);
}

TEST_CASE("positions rate by levels: at or above the target Green, amber_steps below Amber") {
    const bmm::milestone_scale scale{"Delivering to plan", "Slightly behind schedule",
                                     "Significantly behind schedule", "Not started"};
    const auto target = bmm::target::parse("Delivering to plan", scale);
    const auto p = bmm::rag_policy::higher_is_better();
    CHECK(bmm::rate(scale.find("delivering to plan"), target, p) == green);
    CHECK(bmm::rate(scale.find("Slightly behind schedule"), target, p) == amber);
    CHECK(bmm::rate(scale.find("Significantly behind schedule"), target, p) == red);
    CHECK(bmm::rate(scale.find("Significantly behind schedule"), target, p.with_amber_steps(2)) ==
          amber);
    CHECK(bmm::rate(bmm::position(0), t("Top quartile"), p) == green);
    CHECK(bmm::rate(bmm::position(1), t("Top quartile"), p.with_amber_steps(0)) == red);
    CHECK_THROWS_AS((void)bmm::rate(d("1"), t("Top quartile"), p), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::rate(bmm::position(0), t("10"), p), bmm::invalid_argument);
}

TEST_CASE("a rater's integer fast path agrees with exact rating at every scale") {
    std::mt19937_64 gen(20230531);
    std::uniform_int_distribution<std::int64_t> units(-100'000, 100'000);
    std::uniform_int_distribution<int> places(0, 4);
    const bmm::target targets[] = {t("61.50%"), t(">6.8%"), t("<= 20"), t("93-95%"),
                                   t("< 2.0% of net budget")};
    const bmm::rag_policy policies[] = {
        bmm::rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(3, 40))),
        bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("0.35"))),
        bmm::rag_policy::lower_is_better(bmm::amber_band::relative(bmm::ratio(1, 3))),
        bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("1.5"))),
        bmm::rag_policy::close_to_target({}, bmm::amber_band::absolute(d("0.25")))};
    int disagreements = 0;
    for (int k = 0; k < 5; ++k) {
        const bmm::rater fast(targets[k], policies[k], 2);
        for (int i = 0; i < 20'000; ++i) {
            const auto x = bmm::decimal::from_units(units(gen), places(gen));
            if (fast(x) != fast(bmm::ratio::from_decimal(x))) ++disagreements;
        }
    }
    CHECK(disagreements == 0);
}

TEST_CASE("a rater exposes its Green and Amber intervals") {
    const bmm::rater r(t("61.50%"),
                       bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("1"))));
    REQUIRE(r.green().low);
    CHECK(*r.green().low == bmm::ratio(123, 2));
    CHECK_FALSE(r.green().high);
    CHECK(*r.amber().low == bmm::ratio(121, 2));
    CHECK_THROWS_AS(bmm::rater(t("1"), bmm::rag_policy::higher_is_better(), 19),
                    bmm::invalid_argument);
}

TEST_CASE("figures near the ends of int64 rate without overflow") {
    const auto p = bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("1")));
    const auto big = bmm::decimal::from_units(INT64_MAX, 0);
    const auto small = bmm::decimal::from_units(INT64_MIN, 0);
    CHECK(bmm::rate(big, t("10"), p) == green);
    CHECK(bmm::rate(small, t("10"), p) == red);
    CHECK(bmm::rate(big, bmm::target::value(big), p) == green);
}

TEST_CASE("an effective-dated policy applies from its month on and never re-rates earlier months") {
    const bmm::fiscal_year<> fy{2023};
    bmm::effective_dated<bmm::rag_policy> policies(
        fy.month(1), bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("5"))));
    const auto target = t("61.50%");
    const auto before = bmm::rate(d("57"), target, policies.at(fy.month(3)));
    policies.set(fy.month(7), bmm::rag_policy::higher_is_better());  // stricter from October
    CHECK(before == amber);
    CHECK(bmm::rate(d("57"), target, policies.at(fy.month(3))) == amber);
    CHECK(bmm::rate(d("57"), target, policies.at(fy.month(7))) == red);
    CHECK(bmm::rate(d("57"), target, policies.at(fy.next().month(1))) == red);
    CHECK(policies.effective_from(fy.month(9)) == fy.month(7));
    CHECK(policies.size() == 2);
    CHECK(policies.find(fy.prev().month(12)) == nullptr);
    try {
        (void)policies.at(fy.prev().month(12));
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() == "M12 2022/23");
    }
}
