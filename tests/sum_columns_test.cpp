// Spec for bmm/sum_columns.hpp: sums by group equal bmm::sum of each group's amounts (running
// sums beyond int64 included), and the totals of a hierarchy equal budget_table's.
#include <doctest/doctest.h>

#include <bmm/sum_columns.hpp>
// (the header under test comes first)
#include <bmm/variance.hpp>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "support/spec.hpp"

namespace {

using bmm::gbp;
constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();

}  // namespace

TEST_CASE("sums by group equal bmm::sum of each group's amounts") {
    std::mt19937_64 rng(3);
    for (bool huge : {false, true}) {
        std::vector<gbp> amounts;
        std::vector<std::uint32_t> group;
        std::vector<std::vector<gbp>> members(50);
        for (int i = 0; i < 30'000; ++i) {
            const auto g = static_cast<std::uint32_t>(rng() % 49);  // group 49 stays empty
            // With huge amounts, running sums leave int64 and come back (±2^61 alternating).
            std::int64_t a = static_cast<std::int64_t>(rng() % 2'000'000'001) - 1'000'000'000;
            if (huge) a = (members[g].size() % 2 == 0 ? 1 : -1) * (std::int64_t{1} << 61) + a % 7;
            amounts.push_back(gbp::from_minor_units(a));
            group.push_back(g);
            members[g].push_back(amounts.back());
        }
        std::vector<gbp> sums(50, gbp::from_minor_units(99));
        bool all_fit = true;
        std::vector<std::optional<gbp>> want;
        for (const auto& m : members) {
            try {
                want.push_back(bmm::sum(m));
            } catch (const bmm::overflow_error&) {
                want.push_back(std::nullopt);
                all_fit = false;
            }
        }
        if (all_fit) {
            bmm::sums_by_group<bmm::currency::gbp>(amounts, group, sums);
            for (std::size_t g = 0; g < 50; ++g) CHECK(sums[g] == *want[g]);
            CHECK(sums[49] == gbp::from_minor_units(0));
        } else {
            CHECK_THROWS_AS(bmm::sums_by_group<bmm::currency::gbp>(amounts, group, sums),
                            bmm::overflow_error);
        }
    }
}

TEST_CASE("a group sum beyond money is an overflow_error naming the group") {
    const std::vector<gbp> amounts{gbp::from_minor_units(i64_max), gbp::from_minor_units(5),
                                   gbp::from_minor_units(i64_max)};
    const std::vector<std::uint32_t> group{1, 0, 1};
    std::vector<gbp> sums(2, gbp::from_minor_units(0));
    CHECK_THROWS_WITH_AS(bmm::sums_by_group<bmm::currency::gbp>(amounts, group, sums),
                         doctest::Contains("group 1"), bmm::overflow_error);
    // A running sum beyond int64 on the way to one that fits is no error.
    const std::vector<gbp> back{gbp::from_minor_units(i64_max), gbp::from_minor_units(i64_max),
                                gbp::from_minor_units(-i64_max)};
    const std::vector<std::uint32_t> one{0, 0, 0};
    std::vector<gbp> s(1, gbp::from_minor_units(0));
    bmm::sums_by_group<bmm::currency::gbp>(back, one, s);
    CHECK(s[0] == gbp::from_minor_units(i64_max));
}

TEST_CASE("a group index beyond the sums is an invalid_argument naming the line") {
    const std::vector<gbp> amounts(3, gbp::from_minor_units(1));
    const std::vector<std::uint32_t> group{0, 2, 1};
    std::vector<gbp> sums(2, gbp::from_minor_units(0));
    CHECK_THROWS_WITH_AS(bmm::sums_by_group<bmm::currency::gbp>(amounts, group, sums),
                         doctest::Contains("line 1 is in group 2 of 2"), bmm::invalid_argument);
}

TEST_CASE("the totals of a hierarchy equal budget_table's on random tables") {
    std::mt19937_64 rng(11);
    for (int trial = 0; trial < 200; ++trial) {
        bmm::budget_table<bmm::currency::gbp> table;
        std::vector<int> levels;
        std::vector<gbp> amounts;
        int open_lines = 0;
        for (int row = 0; row < 80; ++row) {
            const int level =
                open_lines > 0 && rng() % 3 == 0 ? static_cast<int>(rng() % 4) + 1 : 0;
            try {
                if (level == 0) {
                    const gbp a = gbp::from_minor_units(
                        static_cast<std::int64_t>(rng() % 1'000'000) - 300'000);
                    table.add_line("line", a, a);
                    amounts.push_back(a);
                } else {
                    table.add_total("total", level);
                    amounts.push_back(gbp::from_minor_units(-1));  // not read
                }
                levels.push_back(level);
                ++open_lines;
            } catch (const bmm::invalid_argument&) {
                // a total with nothing to sum: budget_table refuses it, so does the column
                std::vector<int> l = levels;
                std::vector<gbp> a = amounts;
                l.push_back(level);
                a.push_back(gbp::from_minor_units(0));
                std::vector<gbp> o(l.size(), gbp::from_minor_units(0));
                CHECK_THROWS_AS(bmm::hierarchy_totals<bmm::currency::gbp>(l, a, o),
                                bmm::invalid_argument);
            }
        }
        std::vector<gbp> out(levels.size(), gbp::from_minor_units(0));
        bmm::hierarchy_totals<bmm::currency::gbp>(levels, amounts, out);
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < out.size(); ++i) wrong += out[i] != table[i].figures.budget;
        CHECK(wrong == 0);
    }
}

TEST_CASE("a total of seed 003's shape sums its lines, then the totals below it") {
    // Two lines -> subtotal (1); one line; both -> total (2).
    const std::vector<int> levels{0, 0, 1, 0, 2};
    const std::vector<gbp> amounts{gbp::from_minor_units(100), gbp::from_minor_units(250),
                                   gbp::from_minor_units(0), gbp::from_minor_units(-50),
                                   gbp::from_minor_units(0)};
    std::vector<gbp> out(5, gbp::from_minor_units(0));
    bmm::hierarchy_totals<bmm::currency::gbp>(levels, amounts, out);
    CHECK(out[2] == gbp::from_minor_units(350));
    CHECK(out[4] == gbp::from_minor_units(300));
}

TEST_CASE("a negative level, a total with nothing to sum or a total beyond money name the row") {
    std::vector<gbp> out(3, gbp::from_minor_units(0));
    const std::vector<gbp> a{gbp::from_minor_units(1), gbp::from_minor_units(1),
                             gbp::from_minor_units(1)};
    CHECK_THROWS_WITH_AS(
        bmm::hierarchy_totals<bmm::currency::gbp>(std::vector<int>{0, -1, 1}, a, out),
        doctest::Contains("row 1"), bmm::invalid_argument);
    CHECK_THROWS_WITH_AS(
        bmm::hierarchy_totals<bmm::currency::gbp>(std::vector<int>{0, 1, 1}, a, out),
        doctest::Contains("row 2"), bmm::invalid_argument);
    const std::vector<gbp> big{gbp::from_minor_units(i64_max), gbp::from_minor_units(1),
                               gbp::from_minor_units(0)};
    CHECK_THROWS_WITH_AS(
        bmm::hierarchy_totals<bmm::currency::gbp>(std::vector<int>{0, 0, 1}, big, out),
        doctest::Contains("row 2"), bmm::overflow_error);
}
