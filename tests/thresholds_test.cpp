// Spec: every threshold of the domain rules, on both sides of it (issue 19). Each case names the
// rule at its boundary and fails under the bug that moves the boundary by one (a '>' for a '>=',
// a tie sent the other way, an amber saving counted as delivered, ...);
// scripts/mutation-check.py lists those bugs as one-line mutants and checks that these specs,
// with each header's own, kill every one. Covers rules across headers, as boundaries_test.cpp
// does: risk bands and direction of travel, RAG (a target met exactly, a miss equal to the amber
// band, strict targets, ranges, tolerances, thresholds, positions), exceptions and status
// changes, trends, summary percentages and roll-ups, variance and variance % (the fast paths'
// ties against div_round), the audit's printed intervals, savings, reserves, allocation's
// remainder ties, the rounding modes' ties and the YTD rules.
#include <doctest/doctest.h>

#include <array>
#include <bmm/bmm.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {

using bmm::gbp;
using bmm::rounding_mode;
using bmm::status;
using gbp_table = bmm::budget_table<bmm::currency::gbp>;
constexpr bmm::rag green = bmm::rag::green, amber = bmm::rag::amber, red = bmm::rag::red;
const bmm::fiscal_year<> fy2023{2023};

bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
bmm::target t(const char* s) { return bmm::target::parse(s); }
gbp p(std::int64_t pence) { return bmm::pence(pence); }
bmm::ratio r(std::int64_t n, std::int64_t den = 1) { return bmm::ratio(n, den); }

/// Rates `x` both ways a rater can: at its own places (the integer fast path) and one place
/// finer (the exact path, rate_other); CHECKs that the two agree and returns the rating.
status rate_both(const char* x, const bmm::target& target, const bmm::rag_policy& policy) {
    const bmm::decimal v = d(x);
    const status fast = bmm::rater(target, policy, v.places())(v);
    const status exact = bmm::rater(target, policy, v.places() + 1)(v);
    const status of_ratio = bmm::rater(target, policy)(bmm::ratio::from_decimal(v));
    CAPTURE(x);
    CHECK(exact == fast);
    CHECK(of_ratio == fast);
    return fast;
}

// The audit, in one place: the findings of `rows` as
// "column computed class" texts, by the integer fast path or by exact ratios alone.
enum class audit_path { fast, exact };
std::vector<std::string> audit(const std::vector<bmm::published_row>& rows, rounding_mode mode,
                               audit_path path) {
    const bmm::table_audit_options options(mode);
    const bmm::findings report = [&] {
        if (path == audit_path::fast) return bmm::audit_budget_table(rows, options);
        auto a = bmm::detail::table_audit_access::general_only(options);
        for (const auto& row : rows) a.add(row);
        return a.take_result();
    }();
    std::vector<std::string> out;
    for (const auto& f : report) {
        out.push_back(f.where.column + " " + f.expected + " " +
                      std::string(bmm::to_string(f.verdict)));
    }
    return out;
}
/// The verdict of an audit of one cell (agrees when it stored nothing).
bmm::verdict only(const bmm::findings& f) {
    REQUIRE(f.cells_checked() == 1);
    return f.empty() ? bmm::verdict::agrees : f[0].verdict;
}
/// Both paths, which must agree.
std::vector<std::string> audit(const std::vector<bmm::published_row>& rows, rounding_mode mode) {
    const auto fast = audit(rows, mode, audit_path::fast);
    CHECK(audit(rows, mode, audit_path::exact) == fast);
    return fast;
}
bmm::published_row line(const char* budget, const char* variance, const char* pct) {
    bmm::published_row row;
    row.name = "line";
    row.budget = d(budget);
    row.variance = d(variance);
    row.variance_pct = d(pct);
    return row;
}
bmm::published_row budget_row(const char* name, int level, const char* budget) {
    bmm::published_row row;
    row.name = name;
    row.level = level;
    row.budget = d(budget);
    return row;
}

}  // namespace

// --- Risk: bands at 9/10 and 15/16, direction of travel -------------------------------------

// A '>' for either '>=' in risk_bands::level moves 10 to low or 16 to medium: these fail to
// compile.
constexpr bmm::risk_bands default_bands{};
static_assert(default_bands.level(1) == bmm::risk_level::low);
static_assert(default_bands.level(9) == bmm::risk_level::low);
static_assert(default_bands.level(10) == bmm::risk_level::medium);
static_assert(default_bands.level(15) == bmm::risk_level::medium);
static_assert(default_bands.level(16) == bmm::risk_level::high);
static_assert(default_bands.level(25) == bmm::risk_level::high);
static_assert(bmm::to_rag(default_bands.level(16)) == bmm::rag::red);
static_assert(bmm::to_rag(default_bands.level(10)) == bmm::rag::amber);
static_assert(bmm::to_rag(default_bands.level(9)) == bmm::rag::green);
// Configured bands keep the same rule: each band starts at its own threshold.
static_assert(bmm::risk_bands(8, 15).level(7) == bmm::risk_level::low);
static_assert(bmm::risk_bands(8, 15).level(8) == bmm::risk_level::medium);
static_assert(bmm::risk_bands(8, 15).level(14) == bmm::risk_level::medium);
static_assert(bmm::risk_bands(8, 15).level(15) == bmm::risk_level::high);
// A printed score must be a product of two factors of 1 to 5: 20 and 25 are, 18 (3 x 6) and 24
// (4 x 6) are not.
static_assert(bmm::is_possible_score(20) && bmm::is_possible_score(25));
static_assert(!bmm::is_possible_score(18) && !bmm::is_possible_score(24));
// Direction of travel: an equal score is maintained, one point either way is not.
static_assert(bmm::travel(15, 15) == bmm::risk_travel::maintained);
static_assert(bmm::travel(15, 16) == bmm::risk_travel::increased);
static_assert(bmm::travel(16, 15) == bmm::risk_travel::decreased);

TEST_CASE("risk bands: 9 is low, 10 and 15 medium, 16 high, and travel is exact at one point") {
    // The static_asserts above, again at run time (through a non-constant band object).
    const bmm::risk_bands bands;
    const unsigned scores[] = {9, 10, 15, 16};
    const bmm::risk_level levels[] = {bmm::risk_level::low, bmm::risk_level::medium,
                                      bmm::risk_level::medium, bmm::risk_level::high};
    for (std::size_t i = 0; i < 4; ++i) {
        CAPTURE(scores[i]);
        CHECK(bands.level(scores[i]) == levels[i]);
        CHECK(bands.level(bmm::risk_score::from_score(scores[i])) == levels[i]);
    }
    CHECK(bmm::travel(9, 9) == bmm::risk_travel::maintained);
    // A printed arrow that says "maintained" for a one-point rise is a travel finding.
    const auto f =
        bmm::audit_risk({"r", 20, 15, 16}, status(red), bmm::risk_travel::maintained, bands);
    REQUIRE(f.size() == 1);
    CHECK(f[0].where.column == "travel");
    CHECK(f[0].verdict == bmm::verdict::error);
    CHECK(bmm::audit_risk({"r", 20, 16, 16}, status(red), bmm::risk_travel::maintained, bands)
              .empty());
}

// --- RAG ------------------------------------------------------------------------------------

TEST_CASE("RAG, higher is better: meeting the target is Green, a miss equal to the band Amber") {
    const auto policy = bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("5")));
    CHECK(rate_both("100.01", t("100"), policy) == green);
    CHECK(rate_both("100.00", t("100"), policy) == green);
    CHECK(rate_both("99.99", t("100"), policy) == amber);
    CHECK(rate_both("95.00", t("100"), policy) == amber);
    CHECK(rate_both("94.99", t("100"), policy) == red);
    // No band: any miss is Red, and the target itself is still Green.
    const auto strict = bmm::rag_policy::higher_is_better();
    CHECK(rate_both("100.00", t("100"), strict) == green);
    CHECK(rate_both("99.99", t("100"), strict) == red);
}

TEST_CASE("RAG, lower is better: meeting the target is Green, a miss equal to the band Amber") {
    const auto policy = bmm::rag_policy::lower_is_better(bmm::amber_band::absolute(d("2")));
    CHECK(rate_both("19.99", t("20%"), policy) == green);
    CHECK(rate_both("20.00", t("20%"), policy) == green);
    CHECK(rate_both("20.01", t("20%"), policy) == amber);
    CHECK(rate_both("22.00", t("20%"), policy) == amber);
    CHECK(rate_both("22.01", t("20%"), policy) == red);
}

TEST_CASE("RAG, relative bands: a share of the target's magnitude, negative targets included") {
    // 7.5% of 61.50 is 4.6125: Amber down to 56.8875 exactly.
    const auto policy = bmm::rag_policy::higher_is_better(bmm::amber_band::relative(r(3, 40)));
    CHECK(rate_both("56.89", t("61.50%"), policy) == amber);
    CHECK(rate_both("56.88", t("61.50%"), policy) == red);
    CHECK(bmm::rater(t("61.50%"), policy)(bmm::ratio::from_decimal(d("56.8875"))) == amber);
    CHECK(bmm::rater(t("61.50%"), policy)(bmm::ratio::from_decimal(d("56.8874"))) == red);
    // 10% of -10 is a band of 1, never -1: lower is better, Amber up to -9.
    const auto lower = bmm::rag_policy::lower_is_better(bmm::amber_band::relative(r(1, 10)));
    CHECK(rate_both("-10.00", t("-10"), lower) == green);
    CHECK(rate_both("-9.00", t("-10"), lower) == amber);
    CHECK(rate_both("-8.99", t("-10"), lower) == red);
}

TEST_CASE("RAG, strict targets: '>6.8%' is not met by 6.8, '>=6.8%' is, and bands still apply") {
    const auto policy = bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("0.5")));
    CHECK(rate_both("6.81", t(">6.8%"), policy) == green);
    CHECK(rate_both("6.80", t(">6.8%"), policy) == amber);
    CHECK(rate_both("6.30", t(">6.8%"), policy) == amber);
    CHECK(rate_both("6.29", t(">6.8%"), policy) == red);
    CHECK(rate_both("6.80", t(">=6.8%"), policy) == green);
    CHECK(rate_both("6.80", t("\xE2\x89\xA5 6.8%"), policy) == green);
    CHECK(rate_both("6.80", t(">6.8%"), bmm::rag_policy::higher_is_better()) == red);
    const auto lower = bmm::rag_policy::lower_is_better(bmm::amber_band::absolute(d("1")));
    CHECK(rate_both("19.99", t("<20%"), lower) == green);
    CHECK(rate_both("20.00", t("<20%"), lower) == amber);
    CHECK(rate_both("21.00", t("<20%"), lower) == amber);
    CHECK(rate_both("21.01", t("<20%"), lower) == red);
    CHECK(rate_both("20.00", t("<=20%"), lower) == green);
    CHECK(rate_both("20.00", t("<20%"), bmm::rag_policy::lower_is_better()) == red);
    CHECK(t(">6.8%").bound_side() == bmm::target::side::greater);
    CHECK(t(">=6.8%").bound_side() == bmm::target::side::greater_equal);
    CHECK(t("<20%").bound_side() == bmm::target::side::less);
    CHECK(t("<=20%").bound_side() == bmm::target::side::less_equal);
}

TEST_CASE("2017's finance rule: on target when |variance %| < 2.0, so 2.0 either way is not") {
    const auto policy = bmm::rag_policy::close_to_target({}, {});
    const auto rule = t("< 2.0% of net budget");
    for (const char* on : {"0.0", "1.9", "-1.9", "1.99", "-1.99"}) {
        CHECK(rate_both(on, rule, policy) == green);
    }
    for (const char* off : {"2.0", "-2.0", "2.01", "-2.01", "4.5"}) {
        CHECK(rate_both(off, rule, policy) == red);
    }
    // An inclusive tolerance keeps its ends.
    const auto inclusive = t("<= 2.0% of net budget");
    REQUIRE(inclusive.what() == bmm::target::kind::within);
    CHECK(rate_both("2.0", inclusive, policy) == green);
    CHECK(rate_both("-2.0", inclusive, policy) == green);
    CHECK(rate_both("-2.01", inclusive, policy) == red);
}

TEST_CASE(
    "RAG, ranges, tolerances, thresholds and positions: each end belongs to the better band") {
    const auto range = bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("1")));
    CHECK(rate_both("93.00", t("93-95%"), range) == green);
    CHECK(rate_both("95.00", t("93-95%"), range) == green);
    CHECK(rate_both("92.00", t("93-95%"), range) == amber);
    CHECK(rate_both("96.00", t("93-95%"), range) == amber);
    CHECK(rate_both("91.99", t("93-95%"), range) == red);
    CHECK(rate_both("96.01", t("93-95%"), range) == red);

    const auto close = bmm::rag_policy::close_to_target(bmm::amber_band::absolute(d("2")),
                                                        bmm::amber_band::absolute(d("5")));
    CHECK(rate_both("102.00", t("100"), close) == green);
    CHECK(rate_both("98.00", t("100"), close) == green);
    CHECK(rate_both("105.00", t("100"), close) == amber);
    CHECK(rate_both("95.00", t("100"), close) == amber);
    CHECK(rate_both("105.01", t("100"), close) == red);
    CHECK(rate_both("94.99", t("100"), close) == red);

    const auto high =
        bmm::rag_policy::thresholds(bmm::polarity::higher_is_better, d("90"), d("80"));
    CHECK(rate_both("90.00", t("90"), high) == green);
    CHECK(rate_both("89.99", t("90"), high) == amber);
    CHECK(rate_both("80.00", t("90"), high) == amber);
    CHECK(rate_both("79.99", t("90"), high) == red);
    const auto low = bmm::rag_policy::thresholds(bmm::polarity::lower_is_better, d("10"), d("20"));
    CHECK(rate_both("10.00", t("10"), low) == green);
    CHECK(rate_both("20.00", t("10"), low) == amber);
    CHECK(rate_both("20.01", t("10"), low) == red);

    // Top quartile with one amber step: the second quartile is Amber, the third Red.
    const auto steps = bmm::rag_policy::higher_is_better();
    CHECK(bmm::rate(bmm::position(0), t("Top quartile"), steps) == green);
    CHECK(bmm::rate(bmm::position(1), t("Top quartile"), steps) == amber);
    CHECK(bmm::rate(bmm::position(2), t("Top quartile"), steps) == red);
    CHECK(bmm::rate(bmm::position(2), t("Top quartile"), steps.with_amber_steps(2)) == amber);
}

// --- Exceptions and status changes ----------------------------------------------------------

namespace {
bmm::status_history<> monthly(std::initializer_list<status> statuses) {
    bmm::status_history<> h;
    unsigned m = 1;
    for (const status s : statuses) h.record(fy2023.month(m++), s);
    return h;
}
std::optional<bmm::exception_reason> exception_at(const bmm::status_history<>& h, unsigned m,
                                                  bmm::exception_rule rule = {}) {
    return bmm::exception_in(h, fy2023.month(m), rule);
}
}  // namespace

TEST_CASE("exceptions: Red at once, Amber only from its second period running (or the rule's)") {
    const auto persistent = bmm::exception_reason::persistent_amber;
    CHECK(exception_at(monthly({red}), 1) == bmm::exception_reason::red);
    CHECK(exception_at(monthly({green, red}), 2) == bmm::exception_reason::red);
    CHECK(exception_at(monthly({amber}), 1) == std::nullopt);
    CHECK(exception_at(monthly({amber, amber}), 2) == persistent);
    CHECK(exception_at(monthly({red, amber}), 2) == persistent);  // off target twice running
    CHECK(exception_at(monthly({amber, green, amber}), 3) == std::nullopt);
    CHECK(exception_at(monthly({green}), 1) == std::nullopt);
    CHECK(monthly({red, amber, amber}).off_target_run(fy2023.month(3)) == 3);
    CHECK(monthly({amber, green, amber}).off_target_run(fy2023.month(3)) == 1);
    // The rule's run length is a minimum: 3 needs three periods, and 1 makes any Amber one.
    CHECK(exception_at(monthly({amber, amber}), 2, {3}) == std::nullopt);
    CHECK(exception_at(monthly({amber, amber, amber}), 3, {3}) == persistent);
    CHECK(exception_at(monthly({amber}), 1, {1}) == persistent);
    // A reporting month without a rating breaks the run, unless it is skipped.
    const auto gap = monthly({amber, bmm::data_status::not_reported, amber});
    CHECK(exception_at(gap, 3) == std::nullopt);
    CHECK(exception_at(gap, 3, {2, bmm::missing_period::skipped}) == persistent);
    // Skipping unrated months never skips a Green one.
    CHECK(exception_at(monthly({amber, green, amber}), 3, {2, bmm::missing_period::skipped}) ==
          std::nullopt);
    // A quarterly measure's periods are its reporting months: M3 and M6 are consecutive.
    bmm::status_history<> q{bmm::frequency::quarterly};
    q.record(fy2023.month(3), amber).record(fy2023.month(6), amber);
    CHECK(bmm::exception_in(q, fy2023.month(6)) == persistent);
}

TEST_CASE("status changes: each of the six between ratings, and data statuses on either side") {
    using c = bmm::status_change;
    CHECK(bmm::classify_change(red, green) == c::red_to_green);
    CHECK(bmm::classify_change(amber, green) == c::amber_to_green);
    CHECK(bmm::classify_change(red, amber) == c::red_to_amber);
    CHECK(bmm::classify_change(green, amber) == c::green_to_amber);
    CHECK(bmm::classify_change(amber, red) == c::amber_to_red);
    CHECK(bmm::classify_change(green, red) == c::green_to_red);
    CHECK(bmm::classify_change(amber, amber) == c::unchanged);
    const status na = bmm::data_status::monitoring_only, nr = bmm::data_status::not_reported;
    CHECK(bmm::classify_change(na, na) == c::unchanged);
    CHECK(bmm::classify_change(na, nr) == c::unrated);
    CHECK(bmm::classify_change(na, red) == c::newly_rated);
    CHECK(bmm::classify_change(red, na) == c::no_longer_rated);
    CHECK(bmm::is_improvement(c::red_to_amber));
    CHECK_FALSE(bmm::is_improvement(c::green_to_amber));
    CHECK(bmm::is_deterioration(c::green_to_amber));
    CHECK_FALSE(bmm::is_deterioration(c::red_to_amber));
    CHECK(bmm::worse(amber, red) == red);
    CHECK(bmm::worse(red, amber) == red);
    CHECK(bmm::better(amber, green) == green);
}

// --- Trends ---------------------------------------------------------------------------------

TEST_CASE("trends: a change equal to the stable tolerance is stable, anything beyond it is not") {
    using bmm::direction;
    const auto hi = bmm::polarity::higher_is_better, lo = bmm::polarity::lower_is_better;
    CHECK(bmm::compare(d("10"), d("11"), hi) == direction::improving);
    CHECK(bmm::compare(d("10"), d("11"), lo) == direction::deteriorating);
    CHECK(bmm::compare(d("11"), d("10"), lo) == direction::improving);
    CHECK(bmm::compare(d("10"), d("10"), lo) == direction::stable);
    const auto one = bmm::amber_band::absolute(d("1"));
    CHECK(bmm::compare(d("10"), d("11"), hi, std::nullopt, one) == direction::stable);
    CHECK(bmm::compare(d("10"), d("11.01"), hi, std::nullopt, one) == direction::improving);
    CHECK(bmm::compare(d("10"), d("8.99"), hi, std::nullopt, one) == direction::deteriorating);
    const auto tenth = bmm::amber_band::relative(r(1, 10));  // of |previous|
    CHECK(bmm::compare(d("-10"), d("-9"), hi, std::nullopt, tenth) == direction::stable);
    CHECK(bmm::compare(d("-10"), d("-8.99"), hi, std::nullopt, tenth) == direction::improving);
    // Close to target: nearer improves from either side; equally far is stable.
    const auto near = bmm::polarity::close_to_target;
    CHECK(bmm::compare(d("8"), d("9"), near, d("10")) == direction::improving);
    CHECK(bmm::compare(d("12"), d("11"), near, d("10")) == direction::improving);
    CHECK(bmm::compare(d("9"), d("11"), near, d("10")) == direction::stable);
    CHECK(bmm::compare(d("9"), d("12"), near, d("10")) == direction::deteriorating);
}

TEST_CASE("trends over a history: the year-on-year month, and the exact average of n periods") {
    bmm::value_history<> h;
    const bmm::fiscal_year<> fy2022{2022};
    h.record(fy2022.month(6), d("50")).record(fy2023.month(5), d("10"));
    h.record(fy2023.month(6), d("40"));
    const auto hi = bmm::polarity::higher_is_better;
    CHECK(bmm::year_on_year(h, fy2023.month(6), hi) == bmm::direction::deteriorating);  // 50->40
    CHECK(bmm::short_trend(h, fy2023.month(6), hi) == bmm::direction::improving);       // 10->40
    bmm::value_history<> a;
    a.record(fy2023.month(1), d("1")).record(fy2023.month(2), d("2"));
    a.record(fy2023.month(3), d("1.5"));
    CHECK(bmm::long_trend(a, fy2023.month(3), 2, hi) == bmm::direction::stable);  // (1 + 2) / 2
    a.record(fy2023.month(3), d("1.51"));
    CHECK(bmm::long_trend(a, fy2023.month(3), 2, hi) == bmm::direction::improving);
    CHECK(bmm::long_trend(a, fy2023.month(3), 3, hi) == std::nullopt);
}

// --- Summary percentages and roll-ups -------------------------------------------------------

TEST_CASE("summary percentages: ties go to the earlier cell, per-cell rounding by its mode") {
    auto pct = [](std::vector<std::int64_t> counts, bmm::percent_rounding how, rounding_mode m) {
        std::vector<std::string> out;
        for (const auto& x : bmm::percentages(counts, 0, how, m)) out.push_back(bmm::to_string(x));
        return out;
    };
    using v = std::vector<std::string>;
    const auto lr = bmm::percent_rounding::largest_remainder;
    const auto cell = bmm::percent_rounding::per_cell;
    CHECK(pct({1, 1, 1}, lr, rounding_mode::half_up) == v{"34", "33", "33"});
    CHECK(pct({1, 1, 1, 1, 1, 1}, lr, rounding_mode::half_up) ==
          v{"17", "17", "17", "17", "16", "16"});
    // 1 of 8 is 12.5%: a tie.
    CHECK(pct({1, 7}, cell, rounding_mode::half_up) == v{"13", "88"});
    CHECK(pct({1, 7}, cell, rounding_mode::half_even) == v{"12", "88"});
    CHECK(pct({1, 7}, cell, rounding_mode::half_down) == v{"12", "87"});
    CHECK(pct({1, 7}, lr, rounding_mode::half_up) == v{"13", "87"});  // the earlier of the tie
    CHECK(pct({7, 1}, lr, rounding_mode::half_up) == v{"88", "12"});
}

TEST_CASE(
    "roll-ups: a majority tie goes to the worse rating, a share exactly at its bound counts") {
    using rule = bmm::rollup_rule;
    CHECK(bmm::overall({1, 2, 2, 0}, rule::majority) == red);
    CHECK(bmm::overall({2, 2, 1, 0}, rule::majority) == amber);
    CHECK(bmm::overall({3, 2, 1, 0}, rule::majority) == green);
    CHECK(bmm::overall({2, 0, 0, 5}, rule::worst) == green);
    CHECK(bmm::overall({2, 1, 0, 0}, rule::worst) == amber);
    CHECK(bmm::overall({2, 1, 0, 0}, rule::share_green) == green);  // exactly 2/3
    CHECK(bmm::overall({3, 2, 0, 0}, rule::share_green) == amber);  // 3/5 < 2/3
    CHECK(bmm::overall({1, 1, 1, 0}, rule::share_green) == red);    // Red exactly 1/3
    CHECK(bmm::overall({2, 2, 1, 0}, rule::share_green) == amber);  // Red 1/5
    CHECK(bmm::overall({0, 0, 0, 3}, rule::worst) == std::nullopt);
}

TEST_CASE("a printed summary %: its mode's interval passes, a rounding down or up is rounding") {
    const bmm::rag_counts counts{1, 7, 0, 0};  // 12.5% and 87.5%
    auto audit_pcts = [&](const char* g, const char* a, rounding_mode m) {
        return bmm::audit_summary(counts, 8, {d(g), d(a), std::nullopt, std::nullopt}, counts, m);
    };
    CHECK(audit_pcts("13", "88", rounding_mode::half_up).empty());
    CHECK(audit_pcts("12", "88", rounding_mode::half_even).empty());
    CHECK(audit_pcts("12", "87", rounding_mode::half_down).empty());
    const auto down = audit_pcts("12", "88", rounding_mode::half_up);
    REQUIRE(down.size() == 1);
    CHECK(down[0].where.column == "green");
    CHECK(down[0].expected == "13");
    CHECK(down[0].verdict == bmm::verdict::rounding);
    const auto up = audit_pcts("13", "88", rounding_mode::half_down);
    REQUIRE(up.size() == 2);
    CHECK(up[0].verdict == bmm::verdict::rounding);  // 12.5 printed 13: rounded up
    CHECK(up[1].verdict == bmm::verdict::rounding);  // 87.5 printed 88
    // 1 of 3 is 33.3...%: "34" is a rounding up, "35" no rounding of it.
    const bmm::rag_counts thirds{1, 2, 0, 0};
    const auto f34 =
        bmm::audit_summary(thirds, 3, {d("34"), {}, {}, {}}, thirds, rounding_mode::half_up);
    REQUIRE(f34.size() == 1);
    CHECK(f34[0].verdict == bmm::verdict::rounding);
    const auto f35 =
        bmm::audit_summary(thirds, 3, {d("35"), {}, {}, {}}, thirds, rounding_mode::half_up);
    REQUIRE(f35.size() == 1);
    CHECK(f35[0].verdict == bmm::verdict::error);
}

// --- Variance and variance % ----------------------------------------------------------------

TEST_CASE("variance is forecast less budget, change is variance less the previous one") {
    const bmm::budget_line<bmm::currency::gbp> over{"over", p(1000), p(1250), p(100)};
    CHECK(over.variance() == p(250));
    CHECK(over.change() == p(150));
    const bmm::budget_line<bmm::currency::gbp> under{"under", p(1000), p(900), std::nullopt};
    CHECK(under.variance() == p(-100));
    CHECK_FALSE(under.change().has_value());
    // Income (a negative budget): divided by |budget| the sign says over (+) or under (-).
    CHECK(bmm::variance_ratio(p(-1670), p(-50)) == r(-5, 167));
    CHECK(bmm::variance_ratio(p(-1670), p(-50), bmm::variance_basis::signed_budget) == r(5, 167));
    CHECK(bmm::variance_ratio(p(1670), p(50)) == r(5, 167));
    CHECK_FALSE(bmm::variance_ratio(p(0), p(50)).has_value());
    CHECK(bmm::variance_percent(p(-1670), p(-50)) == d("-3.0"));
    CHECK(bmm::variance_percent(p(-1670), p(-50), 1, rounding_mode::half_up,
                                bmm::variance_basis::signed_budget) == d("3.0"));
    gbp_table table;
    table.add_line("a", p(1000), p(1250), p(100));
    table.add_line("b", p(500), p(400), p(-50));
    const std::size_t total = table.add_total("total", 1);
    CHECK(table[total].figures.variance() == p(150));
    CHECK(table[total].figures.change() == p(100));
}

TEST_CASE("variance % ties: the fast path rounds as div_round does, in every mode and sign") {
    struct tie {
        std::int64_t budget, variance;
        int places;
        const char* half_up;  // the tie away from zero
        const char* half_even;
    };
    // 1 of 8 is 12.5% (a tie at 0 dp), 1 of 16 is 6.25% (at 1 dp), 1 of 32 is 3.125% (at 2 dp,
    // the wide path), 2^53 of 2^56 is 12.5% (beyond the fast path's 2^53).
    const std::int64_t big = std::int64_t{1} << 53;
    const tie ties[] = {{800, 100, 0, "13", "12"},      {1600, 100, 1, "6.3", "6.2"},
                        {3200, 100, 2, "3.13", "3.12"}, {8 * big, big, 0, "13", "12"},
                        {800, 300, 0, "38", "38"},      {800, 500, 0, "63", "62"}};
    for (const tie& x : ties) {
        for (const int sign : {1, -1}) {
            for (const auto basis :
                 {bmm::variance_basis::magnitude, bmm::variance_basis::signed_budget}) {
                const gbp b = p(x.budget), v = p(sign * x.variance);
                CAPTURE(x.budget);
                CAPTURE(sign);
                const bmm::ratio exact = *bmm::variance_ratio(b, v, basis);
                for (const rounding_mode m : bmm_test::all_rounding_modes) {
                    CAPTURE(bmm::to_string(m));
                    CHECK(bmm::variance_percent(b, v, x.places, m, basis) ==
                          exact.percent(x.places, m));
                }
                const std::string neg = sign < 0 ? "-" : "";
                CHECK(bmm::variance_percent(b, v, x.places, rounding_mode::half_up, basis) ==
                      d((neg + x.half_up).c_str()));
                CHECK(bmm::variance_percent(b, v, x.places, rounding_mode::half_even, basis) ==
                      d((neg + x.half_even).c_str()));
            }
            // A negative budget keeps the variance's sign under magnitude, and flips it under
            // signed_budget.
            const std::string same = (sign < 0 ? "-" : "") + std::string(x.half_up);
            const std::string flipped = (sign < 0 ? "" : "-") + std::string(x.half_up);
            CHECK(bmm::variance_percent(p(-x.budget), p(sign * x.variance), x.places) ==
                  d(same.c_str()));
            CHECK(bmm::variance_percent(p(-x.budget), p(sign * x.variance), x.places,
                                        rounding_mode::half_up,
                                        bmm::variance_basis::signed_budget) == d(flipped.c_str()));
        }
    }
}

TEST_CASE("the audit's variance % at a tie: the printed mode's rounding passes, the other not") {
    // 0.1 of 1.6 is 6.25%: half up prints 6.3, half even and half down 6.2.
    CHECK(audit({line("1.6", "0.1", "6.3")}, rounding_mode::half_up).empty());
    CHECK(audit({line("1.6", "0.1", "6.2")}, rounding_mode::half_even).empty());
    CHECK(audit({line("1.6", "0.1", "6.2")}, rounding_mode::half_down).empty());
    CHECK(audit({line("1.6", "-0.1", "-6.3")}, rounding_mode::half_up).empty());
    CHECK(audit({line("1.6", "-0.1", "-6.3")}, rounding_mode::floor).empty());
    CHECK(audit({line("1.6", "0.1", "6.2")}, rounding_mode::half_up) ==
          std::vector<std::string>{"variance_pct 6.3 rounding"});
    CHECK(audit({line("1.6", "0.1", "6.3")}, rounding_mode::half_even) ==
          std::vector<std::string>{"variance_pct 6.2 rounding"});
    // Seed 003's income line: -0.5 of -16.7 is -3.0% by |budget|, printed 3.0%: the sign
    // convention, not an error; printed 4.0% it is neither.
    CHECK(audit({line("-16.7", "-0.5", "3.0")}, rounding_mode::half_up) ==
          std::vector<std::string>{"variance_pct -3.0 sign_convention"});
    CHECK(audit({line("-16.7", "-0.5", "-3.0")}, rounding_mode::half_up).empty());
    CHECK(audit({line("16.7", "0.5", "-3.0")}, rounding_mode::half_up) ==
          std::vector<std::string>{"variance_pct 3.0 error"});
}

// --- Printed intervals and the audit of sums ------------------------------------------------

TEST_CASE("a printed figure's interval: each mode's ties on the right side, for both signs") {
    auto in = [](const char* printed, rounding_mode m, const char* x) {
        return bmm::printed_interval::of(d(printed), m).contains(bmm::ratio::from_decimal(d(x)));
    };
    const auto up = rounding_mode::half_up, down = rounding_mode::half_down,
               even = rounding_mode::half_even;
    CHECK(in("12.4", up, "12.35"));
    CHECK_FALSE(in("12.4", up, "12.45"));
    CHECK(in("-12.4", up, "-12.35"));
    CHECK_FALSE(in("-12.4", up, "-12.45"));
    CHECK_FALSE(in("12.4", down, "12.35"));
    CHECK(in("12.4", down, "12.45"));
    CHECK(in("-12.4", down, "-12.45"));
    CHECK(in("12.4", even, "12.35"));
    CHECK(in("12.4", even, "12.45"));
    CHECK_FALSE(in("12.3", even, "12.25"));
    CHECK_FALSE(in("12.3", even, "12.35"));
    CHECK(in("12.4", rounding_mode::floor, "12.4"));
    CHECK_FALSE(in("12.4", rounding_mode::floor, "12.5"));
    CHECK(in("12.4", rounding_mode::ceiling, "12.4"));
    CHECK_FALSE(in("12.4", rounding_mode::ceiling, "12.3"));
    CHECK(in("0", rounding_mode::toward_zero, "-0.9"));
    CHECK_FALSE(in("0", rounding_mode::toward_zero, "1"));
    CHECK(in("0", rounding_mode::away_from_zero, "0"));
    CHECK_FALSE(in("0", rounding_mode::away_from_zero, "0.1"));
}

TEST_CASE("an interval that only touches the printed one at an open end makes an error") {
    // 1 printed half up is [0.5, 1.5): a total printed 2 ([1.5, 2.5)) cannot be its sum.
    const auto up = rounding_mode::half_up;
    CHECK(only(bmm::audit_derived(d("2"), r(1), bmm::printed_interval::of(d("1"), up), up)) ==
          bmm::verdict::error);
    CHECK(only(bmm::audit_sum(d("2"), {d("1")}, up)) == bmm::verdict::error);
    CHECK(only(bmm::audit_sum(d("3"), {d("1"), d("1")}, up)) == bmm::verdict::rounding);
    CHECK(audit({budget_row("a", 0, "1"), budget_row("total", 1, "2")}, rounding_mode::half_up) ==
          std::vector<std::string>{"budget 1 error"});
    CHECK(audit({budget_row("a", 0, "1"), budget_row("b", 0, "1"), budget_row("total", 1, "3")},
                rounding_mode::half_up) == std::vector<std::string>{"budget 2 rounding"});
    // A share: 1 of 3 is 33.3...%; the printed figures allow 0.5..1.5 of 2.5..3.5, so
    // 14.3%..60% (both open), which a printed 60 ([59.5, 60.5)) meets and 61 does not.
    CHECK(only(bmm::audit_share(d("60"), d("1"), d("3"), up)) == bmm::verdict::rounding);
    CHECK(only(bmm::audit_share(d("61"), d("1"), d("3"), up)) == bmm::verdict::error);
    CHECK(only(bmm::audit_share(d("33"), d("1"), d("3"), up)) == bmm::verdict::agrees);
    // Printed by floor, 1 of 4 allows [1, 2) of [4, 5): 20%..50%, 50 itself excluded, which a
    // printed 50 ([50, 51)) only touches.
    CHECK(only(bmm::audit_share(d("50"), d("1"), d("4"), rounding_mode::floor)) ==
          bmm::verdict::error);
    CHECK(only(bmm::audit_share(d("49"), d("1"), d("4"), rounding_mode::floor)) ==
          bmm::verdict::rounding);
}

TEST_CASE("a total printed with fewer places is its members' exact sum rounded by the mode") {
    // 0.25 at 1 dp: 0.3 half up, 0.2 half even.
    const std::vector<bmm::published_row> rows{
        budget_row("a", 0, "0.10"), budget_row("b", 0, "0.15"), budget_row("total", 1, "0.2")};
    CHECK(audit(rows, rounding_mode::half_even).empty());
    CHECK(audit(rows, rounding_mode::half_up) == std::vector<std::string>{"budget 0.3 rounding"});
    CHECK(only(bmm::audit_sum(d("0.2"), {d("0.10"), d("0.15")}, rounding_mode::half_even)) ==
          bmm::verdict::agrees);
}

// --- Savings --------------------------------------------------------------------------------

TEST_CASE("savings: delivered and expected are on track, amber and red are not") {
    using s = bmm::savings_status;
    const std::vector<bmm::saving<bmm::currency::gbp>> items{
        {"A", "delivered", p(1000), fy2023, false, s::delivered},
        {"A", "expected", p(500), fy2023, false, s::expected},
        {"A", "at risk", p(300), fy2023, false, s::amber},
        {"B", "not deliverable", p(200), fy2023, false, s::red},
        {"B", "nothing yet", p(0), fy2023, false, s::amber},  // a zero saving is no error
        {"B", "next year", p(700), fy2023.next(), false, s::delivered}};
    const auto all = bmm::summarize(items, fy2023);
    CHECK(all.on_track() == p(1500));
    CHECK(all[s::amber] == p(300));
    CHECK(all.total() == p(2000));
    CHECK(bmm::achievement(all) == r(3, 4));
    CHECK(bmm::summarize(items, fy2023.next()).total() == p(700));
    CHECK(bmm::summarize(items).total() == p(2700));
    // Rated against the 95% KPI target, 75% misses; every saving delivered meets it exactly.
    const auto kpi = bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(d("5")));
    CHECK(bmm::rater(t("95%"), kpi)(*bmm::achievement(all) * r(100)) == red);
    bmm::savings_summary<bmm::currency::gbp> s95;
    s95.by_status = {p(95), p(0), p(5), p(0)};
    CHECK(bmm::rater(t("95%"), kpi)(*bmm::achievement(s95) * r(100)) == green);
    s95.by_status = {p(90), p(0), p(10), p(0)};
    CHECK(bmm::rater(t("95%"), kpi)(*bmm::achievement(s95) * r(100)) == amber);
}

// --- Reserves -------------------------------------------------------------------------------

TEST_CASE("reserves: a balance at its level or floor is not below it, an overspend reduces it") {
    const bmm::general_balances<bmm::currency::gbp> at{p(2260), {p(680), p(80)}, p(0), p(3020)};
    CHECK(at.closing() == p(3020));
    CHECK(at.at_or_above_level());
    auto over = at;
    over.forecast_variance = p(1);  // an overspend of a penny
    CHECK(over.closing() == p(3019));
    CHECK_FALSE(over.at_or_above_level());
    auto under = at;
    under.forecast_variance = p(-1);
    CHECK(under.closing() == p(3021));
    CHECK(under.headroom() == p(1));
    const auto rows = bmm::project_balances(p(100), fy2023, {p(-50), p(-1)}, {p(50)});
    CHECK_FALSE(rows[0].below_floor());  // exactly the floor
    CHECK(rows[1].below_floor());
    CHECK(bmm::first_year_below_floor(rows) == fy2023.next());
    const bmm::earmarked_reserve<bmm::currency::gbp> reserve{
        "x", p(1000), {{fy2023, p(100)}, {fy2023.next(), p(200)}}, {}, {}};
    CHECK(reserve.balance_after(fy2023) == p(900));  // a use counts by the end of its year
    CHECK(reserve.balance_after(fy2023.next()) == p(700));
    CHECK(reserve.balance_after(fy2023.prev()) == p(1000));
    using namespace date::literals;
    const bmm::dsg_deficit_reserve<bmm::currency::gbp> dsg{p(4110), p(1830),
                                                           2026_y / date::March / 31};
    CHECK(dsg.closing_deficit() == p(5940));
    CHECK(dsg.override_applies(2026_y / date::March / 31));
    CHECK_FALSE(dsg.override_applies(2026_y / date::April / 1));
}

// --- Allocation and rounding ties -----------------------------------------------------------

TEST_CASE("allocate: a remainder tie goes to the earlier part, in short and long tables") {
    auto pennies = [](const bmm::allocation<bmm::currency::gbp>& a) {
        std::vector<std::int64_t> out;
        for (const gbp& x : a.parts) out.push_back(x.in_minor_units());
        return out;
    };
    using v = std::vector<std::int64_t>;
    CHECK(pennies(bmm::allocate(p(10), {1, 1, 1})) == v{4, 3, 3});
    CHECK(pennies(bmm::allocate(p(6), {1, 2, 1})) == v{2, 3, 1});
    CHECK(pennies(bmm::allocate(p(-6), {1, 2, 1})) == v{-2, -3, -1});
    CHECK(pennies(bmm::allocate(p(5), {1, 2, 1})) == v{1, 3, 1});  // the largest remainder
    CHECK(pennies(bmm::allocate(p(5), 3)) == v{2, 2, 1});
    const auto apart = bmm::allocate(p(5), 3, bmm::allocation_policy::remainder_separately);
    CHECK(pennies(apart) == v{1, 1, 1});
    CHECK(apart.remainder == p(2));
    CHECK(pennies(bmm::allocate(p(1), {0, 1, 1}, bmm::allocation_policy::first_parts)) ==
          v{0, 1, 0});
    // Forty equal weights share 20 pennies: past the sort's runs of 16, the first twenty get one.
    const auto forty = pennies(bmm::allocate(p(20), std::vector<std::int64_t>(40, 1)));
    for (std::size_t i = 0; i < forty.size(); ++i) {
        CAPTURE(i);
        CHECK(forty[i] == (i < 20 ? 1 : 0));
    }
    // Thirty-three of weight 1 and one of weight 3 before them share 18: the one gets 3/2.
    std::vector<std::int64_t> w(34, 1);
    w[0] = 3;
    const auto mixed = pennies(bmm::allocate(p(18), w));
    CHECK(mixed[0] == 2);
    CHECK(mixed[16] == 1);
    CHECK(mixed[17] == 0);
}

TEST_CASE("rounding modes at their ties: the header's table, and the tie at each sign") {
    struct row {
        rounding_mode mode;
        std::array<const char*, 6> at;  // 2.5, -2.5, 3.5, -3.5, 2.4, -2.6
    };
    const row table[] = {
        {rounding_mode::half_up, {"3", "-3", "4", "-4", "2", "-3"}},
        {rounding_mode::half_down, {"2", "-2", "3", "-3", "2", "-3"}},
        {rounding_mode::half_even, {"2", "-2", "4", "-4", "2", "-3"}},
        {rounding_mode::toward_zero, {"2", "-2", "3", "-3", "2", "-2"}},
        {rounding_mode::away_from_zero, {"3", "-3", "4", "-4", "3", "-3"}},
        {rounding_mode::floor, {"2", "-3", "3", "-4", "2", "-3"}},
        {rounding_mode::ceiling, {"3", "-2", "4", "-3", "3", "-2"}},
    };
    const bmm::ratio values[] = {r(5, 2), r(-5, 2), r(7, 2), r(-7, 2), r(12, 5), r(-13, 5)};
    for (const row& x : table) {
        CAPTURE(bmm::to_string(x.mode));
        for (std::size_t i = 0; i < 6; ++i) {
            CAPTURE(bmm::to_string(values[i]));
            CHECK(values[i].round(0, x.mode) == d(x.at[i]));
            // The same tie in pennies, as money rounds a product.
            CHECK((p(1) * values[i]).round(x.mode) == p(values[i].round(0, x.mode).units()));
        }
    }
}

// --- Year to date ---------------------------------------------------------------------------

TEST_CASE("YTD: a stock is its latest month, a rate the ratio of sums, a flow the sum") {
    CHECK(bmm::ytd_latest({d("760"), d("755"), d("748")}) == d("748"));
    CHECK(bmm::ytd_latest({d("5")}) == d("5"));
    CHECK(bmm::ytd_sum({d("367"), d("270")}) == d("637"));
    // Calls abandoned: 150 of 1,000 then 14 of 100 is 164 of 1,100, not 15% + 14% or their mean.
    CHECK(bmm::ytd_ratio_of_sums({{d("150"), d("1000")}, {d("14"), d("100")}}) == r(164, 1100));
    CHECK(bmm::ytd_average({d("1"), d("2")}) == r(3, 2));
    // A flat plan accrues exactly: 7,500 a year is 625 by M1, 4,375 by M7, 7,500 by M12.
    const auto flat = bmm::ytd_profile::flat();
    CHECK(flat.share_to(1) == r(1, 12));
    CHECK(flat.share_to(12) == r(1));
    CHECK(flat.ytd(d("7500"), 7) == r(4375));
    bmm::measure<> m{bmm::measure_id::parse("OCC07.03"), {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    m.cumulative = true;
    m.polarity = bmm::polarity::higher_is_better;
    m.policies.set(fy2023.month(1), bmm::rag_policy::higher_is_better());
    m.ytd_plans.set(fy2023.month(1), bmm::ytd_plan{d("7500")});
    CHECK(m.ytd_target(fy2023.month(7)) == r(4375));
    const bmm::observation<> exactly{fy2023.month(7), d("700"), bmm::reading(d("4375")),
                                     std::nullopt};
    CHECK(m.rate_ytd(exactly) == green);
    const bmm::observation<> short_by_one{fy2023.month(7), d("700"), bmm::reading(d("4374")),
                                          std::nullopt};
    CHECK(m.rate_ytd(short_by_one) == red);
    // The observation's own YTD target wins over the plan.
    const bmm::observation<> own{fy2023.month(7), d("700"), bmm::reading(d("4374")), t("4000")};
    CHECK(m.rate_ytd(own) == green);
}
