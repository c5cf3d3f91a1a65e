// Spec for bmm/summary.hpp: counting statuses, percentages that add to exactly 100 (largest
// remainder) or rounded cell by cell as printed, counts per priority, roll-up rules, and the
// audit of a printed summary row for the rounding mode it is printed by.
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

using pcts = std::array<std::optional<bmm::decimal>, 4>;
pcts printed(std::initializer_list<const char*> texts) {
    pcts out;
    std::size_t i = 0;
    for (const char* t : texts) {
        if (*t != '\0') out.at(i) = d(t);
        ++i;
    }
    return out;
}
template <class Row>
pcts as_printed(const Row& row) {
    return {row[0], row[1], row[2], row[3]};
}

/// Each finding as "cell published->computed class", e.g. "amber% 13->14 rounding".
std::vector<std::string> described(const std::vector<bmm::summary_finding>& f) {
    static const char* const cells[] = {"green", "amber", "red", "unrated", "total"};
    std::vector<std::string> out;
    for (const auto& x : f) {
        std::string s = cells[static_cast<std::size_t>(x.where)];
        if (x.is_percent) s += '%';
        s += ' ';
        s += bmm::to_string(x.published);
        s += "->";
        s += bmm::to_string(x.computed);
        s += ' ';
        s += bmm::to_string(x.what);
        out.push_back(s);
    }
    return out;
}
using strings = std::vector<std::string>;

constexpr const auto& all_modes = bmm_test::all_rounding_modes;
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

// --- audit_summary: a printed row against its statuses ---------------------------------------

TEST_CASE("a printed summary row's counts and total are exact: any difference is an error") {
    const bmm::rag_counts actual{27, 7, 5, 6};  // 45 measures: 60%, 15.6%, 11.1%, 13.3%
    CHECK(bmm::audit_summary(actual, 45, printed({"60", "16", "11", "13"}), actual).empty());
    CHECK(described(bmm::audit_summary(bmm::rag_counts{27, 6, 5, 6}, 44, printed({"", "", "", ""}),
                                       actual)) ==
          strings{"amber 6->7 error", "total 44->45 error"});
    // No statuses at all: the counts are still checked, no percentage exists to check.
    CHECK(described(bmm::audit_summary(bmm::rag_counts{1, 0, 0, 0}, 1, printed({"100", "", "", ""}),
                                       bmm::rag_counts{})) ==
          strings{"green 1->0 error", "total 1->0 error"});
}

TEST_CASE(
    "a per-cell floor-rounded row is a rounding effect, not an error, and audited as "
    "floor-rounded it passes") {
    // 27, 6, 4, 7 of 44: 61.36%, 13.64%, 9.09%, 15.91%. Truncated cell by cell: 61, 13, 9, 15.
    const bmm::rag_counts c{27, 6, 4, 7};
    const auto floored =
        bmm::percentages(c, 0, bmm::percent_rounding::per_cell, bmm::rounding_mode::floor);
    REQUIRE(as_printed(floored) == printed({"61", "13", "9", "15"}));
    // Half up prints 14 and 16: the truncated 13 and 15 are the exact shares rounded down, more
    // than half a unit from them (0.64, 0.91) yet still roundings of them.
    CHECK(described(bmm::audit_summary(c, 44, as_printed(floored), c)) ==
          strings{"amber% 13->14 rounding", "unrated% 15->16 rounding"});
    CHECK(bmm::audit_summary(c, 44, as_printed(floored), c, bmm::rounding_mode::floor).empty());
    CHECK(
        bmm::audit_summary(c, 44, as_printed(floored), c, bmm::rounding_mode::toward_zero).empty());
    // Audited as rounded up, every truncated cell is one unit short of its ceiling.
    CHECK(
        described(bmm::audit_summary(c, 44, as_printed(floored), c, bmm::rounding_mode::ceiling)) ==
        strings{"green% 61->62 rounding", "amber% 13->14 rounding", "red% 9->10 rounding",
                "unrated% 15->16 rounding"});
    // At one place too: 27 of 44 is 61.36...% (61.3 truncated, 61.4 half up) and 4 of 44 is
    // 9.09...% (9.0, 9.1); 6 and 7 of 44 truncate and round alike (13.6, 15.9).
    const auto floored1 =
        bmm::percentages(c, 1, bmm::percent_rounding::per_cell, bmm::rounding_mode::floor);
    CHECK(described(bmm::audit_summary(c, 44, as_printed(floored1), c)) ==
          strings{"green% 61.3->61.4 rounding", "red% 9.0->9.1 rounding"});
}

TEST_CASE(
    "a share exactly at a tie passes or is a rounding effect as its mode rounds ties: half up, "
    "half down, half even") {
    using m = bmm::rounding_mode;
    // 1 and 7 of 8: 12.5% and 87.5%, both ties at whole percents (12 is even, 88 is even).
    const bmm::rag_counts c{1, 7, 0, 0};
    const auto up = printed({"13", "88", "0", "0"});
    const auto down = printed({"12", "87", "0", "0"});
    const auto even = printed({"12", "88", "0", "0"});
    CHECK(bmm::audit_summary(c, 8, up, c, m::half_up).empty());
    CHECK(described(bmm::audit_summary(c, 8, up, c, m::half_down)) ==
          strings{"green% 13->12 rounding", "amber% 88->87 rounding"});
    CHECK(described(bmm::audit_summary(c, 8, up, c, m::half_even)) ==
          strings{"green% 13->12 rounding"});
    CHECK(described(bmm::audit_summary(c, 8, down, c, m::half_up)) ==
          strings{"green% 12->13 rounding", "amber% 87->88 rounding"});
    CHECK(bmm::audit_summary(c, 8, down, c, m::half_down).empty());
    CHECK(described(bmm::audit_summary(c, 8, down, c, m::half_even)) ==
          strings{"amber% 87->88 rounding"});
    CHECK(described(bmm::audit_summary(c, 8, even, c, m::half_up)) ==
          strings{"green% 12->13 rounding"});
    CHECK(described(bmm::audit_summary(c, 8, even, c, m::half_down)) ==
          strings{"amber% 88->87 rounding"});
    CHECK(bmm::audit_summary(c, 8, even, c, m::half_even).empty());
    // The default is half up: seed 003 Table 2's April row prints 4 of 32 (12.5%) as 12.
    CHECK(described(bmm::audit_summary(
              bmm::rag_counts{12, 5, 4, 11}, 32, printed({"38", "16", "12", "34"}),
              bmm::rag_counts{12, 5, 4, 11})) == strings{"red% 12->13 rounding"});
    // A tie at one place: 1 of 16 is 6.25% (6.3 half up, 6.2 half down and half even), 3 of 16
    // is 18.75% (18.8 half up and half even, 18.7 half down).
    const bmm::rag_counts sixteen{1, 3, 12, 0};
    const auto at1 = printed({"6.2", "18.8", "75.0", "0.0"});
    CHECK(described(bmm::audit_summary(sixteen, 16, at1, sixteen, m::half_up)) ==
          strings{"green% 6.2->6.3 rounding"});
    CHECK(described(bmm::audit_summary(sixteen, 16, at1, sixteen, m::half_down)) ==
          strings{"amber% 18.8->18.7 rounding"});
    CHECK(bmm::audit_summary(sixteen, 16, at1, sixteen, m::half_even).empty());
}

TEST_CASE(
    "a printed percentage a whole unit or more from the exact share is an error in every mode") {
    // 27 of 45 is exactly 60%: 61 and 59 are no rounding of it, and neither is 62 for 61.36%.
    const bmm::rag_counts c{27, 7, 5, 6};
    for (const bmm::rounding_mode mode : all_modes) {
        CAPTURE(bmm::to_string(mode));
        const auto f = bmm::audit_summary(c, 45, printed({"61", "", "", ""}), c, mode);
        CHECK(described(f) == strings{"green% 61->60 error"});
        CHECK(described(bmm::audit_summary(c, 45, printed({"59", "", "", ""}), c, mode)) ==
              strings{"green% 59->60 error"});
        // 0 of 45 is exactly 0%: every mode prints 0, and 1 is an error.
        const bmm::rag_counts none{27, 7, 0, 11};
        CHECK(bmm::audit_summary(none, 45, printed({"", "", "0", ""}), none, mode).empty());
        CHECK(described(bmm::audit_summary(none, 45, printed({"", "", "1", ""}), none, mode)) ==
              strings{"red% 1->0 error"});
    }
    const bmm::rag_counts may{27, 6, 4, 7};  // 61.36% Green
    CHECK(described(bmm::audit_summary(may, 44, printed({"62", "", "", ""}), may,
                                       bmm::rounding_mode::half_up)) ==
          strings{"green% 62->61 rounding"});  // the ceiling of 61.36: a rounding
    CHECK(described(bmm::audit_summary(may, 44, printed({"63", "", "", ""}), may)) ==
          strings{"green% 63->61 error"});
    // A % taken against the wrong total is caught when it is no rounding of the right share;
    // when it happens to be one (6 of 44 = 13.6% printed "14" beside 6 of 45 = 13.3%), the
    // wrong total is still an error of its own.
    const bmm::rag_counts right{27, 6, 4, 8};
    CHECK(described(bmm::audit_summary(may, 44, printed({"61", "14", "9", "16"}), right)) ==
          strings{"unrated 7->8 error", "total 44->45 error", "green% 61->60 error",
                  "amber% 14->13 rounding", "unrated% 16->18 error"});
}

TEST_CASE(
    "property: a row rounded cell by cell by any mode, or by largest remainder, is never an error "
    "in any mode, and has no finding in its own mode (5,000 rows x 7 x 7 modes)") {
    std::mt19937_64 gen(2023);
    std::uniform_int_distribution<std::int64_t> count(0, 40);
    std::uniform_int_distribution<int> places(0, 2);
    int errors = 0, own_mode_findings = 0, wrong_computed = 0, largest_remainder_errors = 0;
    for (int trial = 0; trial < 5'000; ++trial) {
        bmm::rag_counts c{count(gen), count(gen), count(gen), count(gen)};
        if (c.total() == 0) c.green = 1;
        const int p = places(gen);
        const auto lr = bmm::percentages(c, p);
        for (const bmm::rounding_mode audit_mode : all_modes) {
            for (const auto& f : bmm::audit_summary(c, c.total(), as_printed(lr), c, audit_mode)) {
                if (f.what == bmm::finding_class::error) ++largest_remainder_errors;
            }
        }
        for (const bmm::rounding_mode print_mode : all_modes) {
            const auto row = bmm::percentages(c, p, bmm::percent_rounding::per_cell, print_mode);
            for (const bmm::rounding_mode audit_mode : all_modes) {
                const auto f = bmm::audit_summary(c, c.total(), as_printed(row), c, audit_mode);
                if (audit_mode == print_mode && !f.empty()) ++own_mode_findings;
                const auto expected =
                    bmm::percentages(c, p, bmm::percent_rounding::per_cell, audit_mode);
                for (const auto& x : f) {
                    if (x.what == bmm::finding_class::error) ++errors;
                    if (x.computed != expected[static_cast<std::size_t>(x.where)]) {
                        ++wrong_computed;
                    }
                }
            }
        }
    }
    CHECK(errors == 0);
    CHECK(own_mode_findings == 0);
    CHECK(wrong_computed == 0);
    CHECK(largest_remainder_errors == 0);
}
