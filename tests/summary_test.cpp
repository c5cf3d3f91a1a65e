// Spec for bmm/summary.hpp: counting statuses, percentages that add to exactly 100 (largest
// remainder) or rounded cell by cell as printed, counts per priority, roll-up rules.
#include <doctest/doctest.h>

#include <array>
#include <bmm/summary.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
using bmm_test::ds;
bmm::decimal sum(const std::vector<bmm::decimal>& v) {
    bmm::decimal s;
    for (const auto& x : v) s = s + x;
    return s;
}

}  // namespace

TEST_CASE("count tallies Green, Amber, Red, and every data status as unrated") {
    const std::vector<bmm::status> s{bmm::rag::green, bmm::rag::red,
                                     bmm::rag::green, bmm::data_status::monitoring_only,
                                     bmm::rag::amber, bmm::data_status::data_unavailable};
    const auto c = bmm::count(s);
    CHECK(c.green == 2);
    CHECK(c.amber == 1);
    CHECK(c.red == 1);
    CHECK(c.unrated == 2);
    CHECK(c.rated() == 4);
    CHECK(c.total() == 6);
    CHECK(c + c == bmm::rag_counts{4, 2, 2, 4});
}

TEST_CASE("largest-remainder percentages add to exactly 100, ties to the earlier cell") {
    // 1/3 each: 33.3 + 33.3 + 33.3 leaves 0.1 for the first cell.
    CHECK(bmm::percentages({1, 1, 1}, 1) == ds({"33.4", "33.3", "33.3"}));
    CHECK(bmm::percentages({1, 1, 1}, 0) == ds({"34", "33", "33"}));
    CHECK(bmm::percentages({2, 1}, 2) == ds({"66.67", "33.33"}));
    CHECK(bmm::percentages({0, 5, 0}, 1) == ds({"0.0", "100.0", "0.0"}));
}

TEST_CASE("per-cell rounding reproduces printed tables that do not add to 100") {
    // Three equal cells rounded on their own: 33 + 33 + 33 = 99.
    const auto printed = bmm::percentages({1, 1, 1}, 0, bmm::percent_rounding::per_cell);
    CHECK(printed == ds({"33", "33", "33"}));
    CHECK(sum(printed) == d("99"));
    // Halves round up by default and to even when asked.
    CHECK(bmm::percentages({1, 7}, 0, bmm::percent_rounding::per_cell) == ds({"13", "88"}));
    CHECK(bmm::percentages({1, 7}, 0, bmm::percent_rounding::per_cell,
                           bmm::rounding_mode::half_even) == ds({"12", "88"}));
}

TEST_CASE("percentages of nothing are undefined, and bad arguments are invalid") {
    CHECK_THROWS_AS((void)bmm::percentages({0, 0, 0}), bmm::undefined_error);
    CHECK_THROWS_AS((void)bmm::percentages(std::vector<std::int64_t>{}), bmm::undefined_error);
    try {
        (void)bmm::percentages({3, -1});
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() == "-1");
    }
    CHECK_THROWS_AS((void)bmm::percentages({1, 2}, 7), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::percentages({1, 2}, -1), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::percentages({INT64_MAX, 1}), bmm::overflow_error);
}

TEST_CASE(
    "property: at every accepted place count (0-6) largest-remainder percentages add to exactly "
    "100 and every cell has exactly that many places (120,000 vectors)") {
    std::mt19937_64 gen(44);
    std::uniform_int_distribution<int> length(1, 12);
    std::uniform_int_distribution<int> scale(0, 3);
    const std::int64_t limits[] = {3, 60, 10'000, 1'000'000'000'000};
    std::array<int, 7> trials_at{};  // per place count
    int failures = 0;
    int over = 0;
    int wrong_places = 0;
    int per_cell_wrong_places = 0;
    for (int trial = 0; trial < 120'000; ++trial) {
        std::vector<std::int64_t> counts(static_cast<std::size_t>(length(gen)));
        std::uniform_int_distribution<std::int64_t> count(0, limits[scale(gen)]);
        std::int64_t total = 0;
        for (auto& c : counts) total += (c = count(gen));
        if (total == 0) counts[0] = total = 1;
        const int p = trial % 7;  // every place count the API accepts, equally often
        ++trials_at[static_cast<std::size_t>(p)];
        const auto pct = bmm::percentages(counts, p);
        REQUIRE(pct.size() == counts.size());
        // Decimals compare by value (61 == 61.0): the sum is checked by value, the places apart.
        if (sum(pct) != bmm::decimal::from_units(100, 0)) ++failures;
        std::int64_t unit_den = 1;
        for (int i = 0; i < p; ++i) unit_den *= 10;
        const bmm::ratio unit(1, unit_den);
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (pct[i].places() != p) ++wrong_places;
            // Each cell is its exact share rounded down or up by less than one unit.
            const bmm::ratio exact(counts[i] * 100, total);
            const bmm::ratio diff = bmm::ratio::from_decimal(pct[i]) - exact;
            if (!(diff < unit) || !(-diff < unit) || (counts[i] == 0 && pct[i] != bmm::zero)) {
                ++over;
            }
        }
        // Rounded cell by cell the row may not add to 100, but each cell has p places too.
        for (const bmm::decimal& c : bmm::percentages(counts, p, bmm::percent_rounding::per_cell)) {
            if (c.places() != p) ++per_cell_wrong_places;
        }
    }
    for (int n : trials_at) CHECK(n >= 17'000);  // each place count is exercised
    CHECK(failures == 0);
    CHECK(over == 0);
    CHECK(wrong_places == 0);
    CHECK(per_cell_wrong_places == 0);
}

TEST_CASE("percentages keep the requested places even for whole shares: 100% at 6 places") {
    const auto p = bmm::percentages({0, 5, 0}, 6);
    REQUIRE(p.size() == 3);
    for (const bmm::decimal& c : p) CHECK(c.places() == 6);
    CHECK(bmm::to_string(p[1]) == "100.000000");
    CHECK(bmm::to_string(p[0]) == "0.000000");
    // 1/3 at 6 places: 33.333334 + 33.333333 + 33.333333.
    CHECK(bmm::percentages({1, 1, 1}, 6) == ds({"33.333334", "33.333333", "33.333333"}));
}

TEST_CASE("rag_counts sums are checked: one past INT64_MAX is an overflow_error, not a wrap") {
    constexpr std::int64_t max = INT64_MAX;
    bmm::rag_counts full{max, 0, 0, 0};
    CHECK_THROWS_AS(full.add(bmm::rag::green), bmm::overflow_error);
    CHECK(full == bmm::rag_counts{max, 0, 0, 0});  // unchanged by the failed add
    full.add(bmm::rag::amber);                     // another cell still counts
    CHECK(full == bmm::rag_counts{max, 1, 0, 0});
    bmm::rag_counts unrated{0, 0, 0, max};
    CHECK_THROWS_AS(unrated.add(bmm::data_status::not_reported), bmm::overflow_error);
    bmm::rag_counts red{0, 0, max - 1, 0};
    red.add(bmm::rag::red);  // up to INT64_MAX itself is fine
    CHECK(red.red == max);
    CHECK_THROWS_AS(red.add(bmm::rag::red), bmm::overflow_error);
    // rated(), total() and + are checked too.
    CHECK_THROWS_AS((void)full.rated(), bmm::overflow_error);
    CHECK(bmm::rag_counts{0, 0, max, 0}.rated() == max);
    CHECK_THROWS_AS((void)(bmm::rag_counts{0, 0, max, 1}.total()), bmm::overflow_error);
    CHECK_THROWS_AS((void)(bmm::rag_counts{max, 0, 0, 0} + bmm::rag_counts{1, 0, 0, 0}),
                    bmm::overflow_error);
    CHECK_THROWS_AS((void)(bmm::rag_counts{0, 0, 0, 1} + bmm::rag_counts{0, 0, 0, max}),
                    bmm::overflow_error);
    CHECK(bmm::rag_counts{max - 1, 0, 0, 0} + bmm::rag_counts{1, 0, 0, 0} ==
          bmm::rag_counts{max, 0, 0, 0});
    // The checked functions still work at compile time.
    static_assert(bmm::rag_counts{27, 6, 4, 7}.total() == 44);
    static_assert((bmm::rag_counts{1, 2, 3, 4} + bmm::rag_counts{1, 1, 1, 1}).rated() == 9);
    static_assert(bmm::rag_counts{}.add(bmm::rag::red).red == 1);
}

TEST_CASE("the rag_counts overload gives Green, Amber, Red, unrated in that order") {
    // Seed 003 Table 1, May 2023: 27 Green, 6 Amber, 4 Red, 7 monitoring only / unavailable.
    const auto p = bmm::percentages(bmm::rag_counts{27, 6, 4, 7}, 0);
    CHECK(p[0] == d("61"));
    CHECK(p[1] == d("14"));
    CHECK(p[2] == d("9"));
    CHECK(p[3] == d("16"));
}

TEST_CASE("by_priority counts each priority's measures under its own id, in priority order") {
    const std::vector<std::pair<bmm::measure_id, bmm::status>> rows{
        {bmm::measure_id::parse("OCC11.02"), bmm::rag::red},
        {bmm::measure_id::parse("OCC01.02"), bmm::rag::red},
        {bmm::measure_id::parse("OCC01.03"), bmm::data_status::monitoring_only},
        {bmm::measure_id::parse("occ11.01"), bmm::rag::green},
        {bmm::measure_id::parse("OCC02.01"), bmm::rag::green}};
    const auto groups = bmm::by_priority(rows);
    REQUIRE(groups.size() == 3);
    auto it = groups.begin();
    CHECK(it->first == "OCC01");
    CHECK(it->second == bmm::rag_counts{0, 0, 1, 1});
    ++it;
    CHECK(it->first == "OCC02");
    ++it;
    CHECK(it->first == "OCC11");  // "occ11.01" joins OCC11: prefixes compare ignoring case
    CHECK(it->second == bmm::rag_counts{1, 0, 1, 0});
}

TEST_CASE("roll-up rules: worst, majority with ties to the worse, share of Green") {
    const bmm::rag_counts c{3, 2, 0, 3};  // seed 003 OCC04: 3 Green, 2 Amber, 3 monitoring
    CHECK(bmm::overall(c, bmm::rollup_rule::worst) == bmm::rag::amber);
    CHECK(bmm::overall(c, bmm::rollup_rule::majority) == bmm::rag::green);
    CHECK(bmm::overall(c, bmm::rollup_rule::share_green) == bmm::rag::amber);  // 3/5 < 2/3
    CHECK(bmm::overall(c, bmm::rollup_rule::share_green, bmm::ratio(3, 5)) == bmm::rag::green);
    CHECK(bmm::overall(bmm::rag_counts{2, 2, 0, 0}, bmm::rollup_rule::majority) == bmm::rag::amber);
    CHECK(bmm::overall(bmm::rag_counts{1, 1, 1, 0}, bmm::rollup_rule::majority) == bmm::rag::red);
    CHECK(bmm::overall(bmm::rag_counts{3, 0, 2, 0}, bmm::rollup_rule::share_green) ==
          bmm::rag::red);  // 2/5 Red >= 1/3
    CHECK_FALSE(bmm::overall(bmm::rag_counts{0, 0, 0, 4}, bmm::rollup_rule::worst).has_value());
    CHECK_THROWS_AS((void)bmm::overall(c, bmm::rollup_rule::share_green, bmm::ratio(3, 2)),
                    bmm::invalid_argument);
}
