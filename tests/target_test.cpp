// Spec for bmm/target.hpp: targets read exactly as the seed reports print them — values, bounds,
// "within" tolerances, ranges, quartiles and milestones — printed back, and YTD profiles that
// give the year-to-date target at any month exactly (or refuse weights that miss the whole).
#include <doctest/doctest.h>

#include <array>
#include <bmm/target.hpp>
#include <cstdint>
#include <random>
#include <string>

#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }

template <class F>
void check_parse_error(const char* text, F parse, const char* why) {
    CAPTURE(text);
    try {
        (void)parse(text);
        FAIL("no error");
    } catch (const bmm::parse_error& e) {
        CHECK(e.input() == text);
        const std::string what = e.what();
        CHECK(what.find(std::string("\"") + text + "\"") != std::string::npos);
        CHECK(what.find(why) != std::string::npos);
    }
}
}  // namespace

TEST_CASE("a figure is a value target with its unit: percent, money, days or a count") {
    const auto pct = bmm::target::parse("61.50%");  // seed 003 OCC01.07
    CHECK(pct.what() == bmm::target::kind::value);
    CHECK(pct.unit() == bmm::unit::percent);
    CHECK(pct.low() == d("61.50"));
    CHECK(pct.low().places() == 2);
    CHECK(bmm::target::parse("\xC2\xA3"
                             "300,000")
              .unit() == bmm::unit::money);
    CHECK(bmm::target::parse("\xC2\xA3"
                             "300,000")
              .low() == d("300000"));
    CHECK(bmm::target::parse("1,500").unit() == bmm::unit::number);
    CHECK(bmm::target::parse("48 days").unit() == bmm::unit::days);
    CHECK(bmm::target::parse("46.5 km").unit() == bmm::unit::length_km);
    CHECK(bmm::target::parse("100% achieved").low() == d("100"));
}

TEST_CASE("bounds read with ASCII and typographic comparison signs") {
    using side = bmm::target::side;
    CHECK(bmm::target::parse(">6.8%").bound_side() == side::greater);
    CHECK(bmm::target::parse(">= 28%").bound_side() == side::greater_equal);
    CHECK(bmm::target::parse("\xE2\x89\xA5 2315").bound_side() == side::greater_equal);
    CHECK(bmm::target::parse("<20%").bound_side() == side::less);
    CHECK(bmm::target::parse("\xE2\x89\xA4 10").bound_side() == side::less_equal);
    CHECK(bmm::target::parse(">2315").low() == d("2315"));
    CHECK(bmm::target::parse(">2315").what() == bmm::target::kind::bound);
}

TEST_CASE("a tolerance 'of net budget' is a within target, either side") {
    const auto t = bmm::target::parse("< 2.0% of net budget");  // seed 004
    CHECK(t.what() == bmm::target::kind::within);
    CHECK(t.low() == d("2.0"));
    CHECK(t.bound_side() == bmm::target::side::less);
    CHECK(t.qualifier() == "of net budget");
    CHECK(bmm::target::parse("\xE2\x89\xA4 2.0% of net budget").bound_side() ==
          bmm::target::side::less_equal);
    CHECK_THROWS_AS((void)bmm::target::within(d("-1"), true), bmm::invalid_argument);
}

TEST_CASE("a range reads its two ends, with a hyphen or an en dash") {
    const auto r = bmm::target::parse("93-95%");
    CHECK(r.what() == bmm::target::kind::range);
    CHECK(r.low() == d("93"));
    CHECK(r.high() == d("95"));
    CHECK(r.unit() == bmm::unit::percent);
    CHECK(bmm::target::parse("60 \xE2\x80\x93 63%") == bmm::target::parse("60-63%"));
    CHECK(bmm::target::parse("2-2.5").high() == d("2.5"));
    CHECK_THROWS_AS((void)bmm::target::range(d("95"), d("93")), bmm::invalid_argument);
}

TEST_CASE("quartiles and milestones are position targets") {
    const auto q = bmm::target::parse("Top quartile");
    CHECK(q.what() == bmm::target::kind::position);
    CHECK(q.at() == bmm::position(0));
    CHECK(q == bmm::target::quartile(1));
    CHECK(bmm::target::parse("bottom quartile").at() == bmm::position(3));
    CHECK_THROWS_AS((void)bmm::target::quartile(0), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::target::quartile(5), bmm::invalid_argument);
    const bmm::milestone_scale plan{"Delivering to plan", "Slightly behind schedule",
                                    "Significantly behind schedule"};
    const auto m = bmm::target::parse("slightly behind schedule", plan);
    CHECK(m.at() == bmm::position(1));
    CHECK(m.qualifier() == "Slightly behind schedule");
    CHECK(plan.size() == 3);
    CHECK(plan.label(bmm::position(2)) == "Significantly behind schedule");
    CHECK(better_than(bmm::position(0), bmm::position(1)));
    CHECK_THROWS_AS((void)plan.label(bmm::position(3)), bmm::invalid_argument);
}

TEST_CASE("no target: blank, a dash, n/a or 'No target' mean monitoring only") {
    for (const char* text : {"", " ", "-", "\xE2\x80\x93", "n/a", "No target", "monitoring only"}) {
        CAPTURE(text);
        CHECK(bmm::target::parse(text).is_none());
    }
    CHECK(bmm::to_string(bmm::target::none()) == "No target");
}

TEST_CASE("every target prints in a form that parses back to it") {
    const bmm::milestone_scale plan{"Delivering to plan", "Slightly behind schedule"};
    for (const char* text :
         {"61.50%",
          "\xC2\xA3"
          "300,000",
          "1,500", "48 days", ">6.8%", ">=28%", "<20%", "<= 10", "< 2.0% of net budget", "93-95%",
          "\xC2\xA3"
          "1-\xC2\xA3"
          "2",
          "Top quartile", "", "46.5 km"}) {
        CAPTURE(text);
        const auto t = bmm::target::parse(text);
        CHECK(bmm::target::parse(bmm::to_string(t)) == t);
    }
    const auto m = bmm::target::parse("Delivering to plan", plan);
    CHECK(bmm::target::parse(bmm::to_string(m), plan) == m);
    CHECK(bmm::to_string(bmm::target::parse(">6.8%")) == ">6.8%");
}

TEST_CASE("malformed targets are parse errors that say why") {
    auto parse = [](const char* t) { return bmm::target::parse(t); };
    check_parse_error("93-", parse, "high end");
    check_parse_error("95-93%", parse, "low to high");
    check_parse_error("60/20", parse, "composite");
    check_parse_error("abc", parse, "expected a number");
    check_parse_error(
        "\xC2\xA3"
        "5%",
        parse, "both pounds and a percentage");
    check_parse_error("12 apples", parse, "unexpected text");
    check_parse_error("> 2.0% of net budget", parse, "of <basis>");
    check_parse_error("1,50,0", parse, "groups of three digits");
    const bmm::milestone_scale plan{"Delivering to plan"};
    auto with_scale = [&plan](const char* t) { return bmm::target::parse(t, plan); };
    check_parse_error("On the moon", with_scale, "expected a number");
    check_parse_error("Delivering", with_scale, "expected a number");
    check_parse_error("Delivering to plan?", with_scale, "expected a number");
}

TEST_CASE("a number too big for a decimal is an overflow_error in targets and figures too") {
    // As decimal::parse says: the text is well formed, its value does not fit.
    for (const char* text : {"99999999999999999999%", ">0.0000000000000000001",
                             "1-99999999999999999999", "< 99999999999999999999 of net budget"}) {
        CAPTURE(text);
        CHECK_THROWS_WITH_AS((void)bmm::target::parse(text), doctest::Contains(text),
                             bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::target::parse(text, bmm::milestone_scale{"Done"}),
                        bmm::overflow_error);
    }
    for (const char* text :
         {"99999999999999999999", "-9223372036854775809", "1.0000000000000000001%"}) {
        CAPTURE(text);
        CHECK_THROWS_WITH_AS((void)bmm::parse_figure(text), doctest::Contains(text),
                             bmm::overflow_error);
    }
    // The extremes that do fit are read exactly.
    CHECK(bmm::parse_figure("9223372036854775807").value.units() == INT64_MAX);
    CHECK(bmm::parse_figure("-9223372036854775808").value.units() == INT64_MIN);
    CHECK(bmm::target::parse("0.000000000000000001%").low().places() == 18);
}

TEST_CASE("target and figure parse errors give the offset where the text went wrong") {
    auto offset = [](auto parse, const char* text) {
        try {
            (void)parse(text);
        } catch (const bmm::parse_error& e) {
            return e.position();
        }
        return std::size_t{0};
    };
    auto target = [](const char* t) { return bmm::target::parse(t); };
    auto figure = [](const char* t) { return bmm::parse_figure(t); };
    CHECK(offset(target, "12 apples") == 3);
    CHECK(offset(target, " 95-93%") == 4);
    CHECK(offset(target, "> 2.0% of net budget") == 7);
    CHECK(offset(target,
                 "\xC2\xA3"
                 "5%") == 3);
    CHECK(offset(figure, "1,2") == 2);  // the group that is not three digits
    CHECK(offset(figure, "n/a") == 0);
    CHECK_THROWS_WITH_AS((void)bmm::target::parse("12 apples"), doctest::Contains("(at offset 3)"),
                         bmm::parse_error);
}

TEST_CASE("a typographic minus reads in targets and figures as in money and ratios") {
    const std::string minus = "\xE2\x88\x92";
    CHECK(bmm::parse_figure(minus + "2.6%").value == d("-2.6"));
    CHECK(bmm::parse_figure(minus + "2.6%").unit == bmm::unit::percent);
    CHECK(bmm::target::parse("> " + minus + "5").low() == d("-5"));
    CHECK(bmm::target::parse(minus + "5-5").low() == d("-5"));
    CHECK_THROWS_AS((void)bmm::parse_figure(minus), bmm::parse_error);
    CHECK_THROWS_AS((void)bmm::parse_figure(minus + minus + "5"), bmm::parse_error);
}

TEST_CASE("milestone scales refuse empty, blank and repeated levels, and find names the text") {
    CHECK_THROWS_AS(bmm::milestone_scale(std::vector<std::string>{}), bmm::invalid_argument);
    CHECK_THROWS_AS((bmm::milestone_scale{"Done", " "}), bmm::invalid_argument);
    CHECK_THROWS_AS((bmm::milestone_scale{"Done", "DONE"}), bmm::invalid_argument);
    const bmm::milestone_scale plan{"Delivering to plan", "Behind"};
    for (const char* bad : {"Ahead", "", "Delivering"}) {
        CAPTURE(bad);
        CHECK_FALSE(plan.try_find(bad).has_value());
        try {
            (void)plan.find(bad);
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == bad);
            CHECK(std::string(e.what()).find("Delivering to plan") != std::string::npos);
            CHECK(std::string(e.what()).find('"' + std::string(bad) + '"') != std::string::npos);
        }
    }
    try {
        (void)plan.find("  Ahead");
        FAIL("no error");
    } catch (const bmm::parse_error& e) {
        CHECK(e.position() == 2);  // where the label starts
    }
}

TEST_CASE("a flat YTD profile gives annual x m / 12 exactly") {
    const auto flat = bmm::ytd_profile::flat();
    CHECK(flat.ytd(d("7500"), 2) == bmm::ratio(1250));  // seed 003 OCC07.03's annual 7,500
    CHECK(flat.share_to(1) == bmm::ratio(1, 12));
    CHECK(flat.share_to(12) == bmm::ratio(1));
    CHECK(flat.ytd(d("100"), 1, 1, bmm::rounding_mode::half_up) == d("8.3"));
    CHECK_THROWS_AS((void)flat.share_to(0), bmm::invalid_argument);
    CHECK_THROWS_AS((void)flat.share_to(13), bmm::invalid_argument);
}

TEST_CASE("weighted, shared and monthly-target profiles give exact YTD targets") {
    const auto weights = bmm::ytd_profile::from_weights({2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0});
    CHECK(weights.share_to(2) == bmm::ratio(4, 12));
    CHECK(weights.share_to(10) == bmm::ratio(1));
    CHECK(weights.share_to(12) == bmm::ratio(1));
    std::array<bmm::ratio, 12> shares;
    shares.fill(bmm::ratio(1, 10));
    shares[10] = shares[11] = bmm::ratio(0);
    const auto by_share = bmm::ytd_profile::from_shares(shares);
    CHECK(by_share.ytd(d("7500"), 3) == bmm::ratio(2250));
    std::array<bmm::decimal, 12> months;
    months.fill(d("600"));
    months[0] = d("276");  // April
    months[1] = d("438");  // May: seed 003 OCC07.03 YTD target 714 at May
    months[11] = d("1386");
    const auto by_target = bmm::ytd_profile::from_monthly_targets(d("7500"), months);
    CHECK(by_target.ytd(d("7500"), 2) == bmm::ratio(714));
}

TEST_CASE("a profile whose parts do not make the whole is an invalid_argument naming the sum") {
    std::array<bmm::ratio, 12> shares;
    shares.fill(bmm::ratio(1, 12));
    shares[11] = bmm::ratio(1, 24);  // 23/24 in all
    try {
        (void)bmm::ytd_profile::from_shares(shares);
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() == "23/24");
        CHECK(std::string(e.what()).find("sum to 23/24, not 1") != std::string::npos);
    }
    std::array<bmm::decimal, 12> months;
    months.fill(d("600"));
    try {
        (void)bmm::ytd_profile::from_monthly_targets(d("7500"), months);
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(std::string(e.what()).find("sum to 7200, not the annual target 7500") !=
              std::string::npos);
    }
    CHECK_THROWS_AS((void)bmm::ytd_profile::from_weights({}), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::ytd_profile::from_weights({-1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}),
                    bmm::invalid_argument);
}

TEST_CASE("parse_figure reads an actual as printed, with its unit") {
    CHECK(bmm::parse_figure("56.74%").value == d("56.74"));
    CHECK(bmm::parse_figure("56.74%").unit == bmm::unit::percent);
    CHECK(bmm::parse_figure("\xC2\xA3"
                            "439,343")
              .unit == bmm::unit::money);
    CHECK(bmm::parse_figure("1,339").value == d("1339"));
    CHECK(bmm::parse_figure("56 days").unit == bmm::unit::days);
    for (const char* bad : {"", "n/a", "15%%", "12 apples", "1,2"}) {
        CAPTURE(bad);
        try {
            (void)bmm::parse_figure(bad);
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == bad);
            CHECK(std::string(e.what()).find('"' + std::string(bad) + '"') != std::string::npos);
        }
    }
}

TEST_CASE(
    "property: a YTD profile's share grows month by month to the whole year, and from weights or "
    "monthly targets is their running sum (2,000 profiles)") {
    std::mt19937_64 gen(12);
    std::uniform_int_distribution<std::int64_t> weight(0, 1'000), units(0, 50'000);
    for (int trial = 0; trial < 2'000; ++trial) {
        std::array<std::int64_t, 12> w{};
        std::int64_t total = 0;
        for (auto& x : w) total += x = trial % 5 == 0 ? 7 : weight(gen);
        if (total == 0) continue;
        const auto p = bmm::ytd_profile::from_weights(w);
        std::int64_t running = 0;
        bmm::ratio previous;
        for (unsigned m = 1; m <= 12; ++m) {
            running += w[m - 1];
            CHECK(p.share_to(m) == bmm::ratio(running, total));
            CHECK(p.share_to(m) >= previous);
            previous = p.share_to(m);
            if (trial % 5 == 0) CHECK(p.share_to(m) == bmm::ytd_profile::flat().share_to(m));
        }
        CHECK(p.share_to(12) == bmm::ratio(1));
        // Monthly targets summing to the annual one: the YTD target is their running sum.
        std::array<bmm::decimal, 12> months{};
        std::int64_t annual_units = 0;
        for (auto& d : months) {
            d = bmm::decimal::from_units(units(gen), 1);
            annual_units += d.units();
        }
        if (annual_units == 0) continue;
        const bmm::decimal annual = bmm::decimal::from_units(annual_units, 1);
        const auto q = bmm::ytd_profile::from_monthly_targets(annual, months);
        std::int64_t so_far = 0;
        for (unsigned m = 1; m <= 12; ++m) {
            so_far += months[m - 1].units();
            CHECK(q.ytd(annual, m) == bmm::ratio(so_far, 10));
            CHECK(q.ytd(annual, m, 1, bmm::rounding_mode::half_up) ==
                  bmm::decimal::from_units(so_far, 1));
        }
        CHECK_THROWS_AS((void)p.share_to(13), bmm::invalid_argument);
    }
}
