// Spec for bmm/audit/summary.hpp: the audit of a printed summary row against its statuses, for
// the rounding mode it is printed by.
#include <doctest/doctest.h>

#include <bmm/audit/summary.hpp>
//
#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
using bmm_test::ds;

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

/// Each finding as "cell printed->expected verdict", e.g. "amber% 13->14 rounding" (a % is a
/// finding of rule "share").
std::vector<std::string> described(const bmm::findings& f) {
    std::vector<std::string> out;
    for (const auto& x : f) {
        std::string s = x.where.column;
        if (x.rule == "share") s += '%';
        s += ' ' + x.printed + "->" + x.expected + ' ' + std::string(bmm::to_string(x.verdict));
        out.push_back(s);
    }
    return out;
}
std::size_t column_index(const std::string& column) {
    const char* const cells[] = {"green", "amber", "red", "unrated", "total"};
    for (std::size_t i = 0; i < 5; ++i) {
        if (column == cells[i]) return i;
    }
    return 5;
}
using strings = std::vector<std::string>;

constexpr const auto& all_modes = bmm_test::all_rounding_modes;
}  // namespace

// --- audit_summary: a printed row against its statuses ---------------------------------------

TEST_CASE("a printed summary row's counts and total are exact: any difference is an error") {
    const bmm::rag_counts actual{27, 7, 5, 6};  // 45 measures: 60%, 15.6%, 11.1%, 13.3%
    CHECK(bmm::audit_summary(actual, 45, printed({"60", "16", "11", "13"}), actual,
                             bmm::rounding_mode::half_up)
              .empty());
    CHECK(described(bmm::audit_summary(bmm::rag_counts{27, 6, 5, 6}, 44, printed({"", "", "", ""}),
                                       actual, bmm::rounding_mode::half_up)) ==
          strings{"amber 6->7 error", "total 44->45 error"});
    // No statuses at all: the counts are still checked, no percentage exists to check.
    CHECK(described(bmm::audit_summary(bmm::rag_counts{1, 0, 0, 0}, 1, printed({"100", "", "", ""}),
                                       bmm::rag_counts{}, bmm::rounding_mode::half_up)) ==
          strings{"green 1->0 error", "total 1->0 error"});
}

TEST_CASE(
    "a per-cell floor-rounded row is a rounding effect, not an error, and audited as floor-rounded "
    "it "
    "passes") {
    // 27, 6, 4, 7 of 44: 61.36%, 13.64%, 9.09%, 15.91%. Truncated cell by cell: 61, 13, 9, 15.
    const bmm::rag_counts c{27, 6, 4, 7};
    const auto floored =
        bmm::percentages(c, 0, bmm::percent_rounding::per_cell, bmm::rounding_mode::floor);
    REQUIRE(as_printed(floored) == printed({"61", "13", "9", "15"}));
    // Half up prints 14 and 16: the truncated 13 and 15 are the exact shares rounded down, more
    // than half a unit from them (0.64, 0.91) yet still roundings of them.
    CHECK(
        described(bmm::audit_summary(c, 44, as_printed(floored), c, bmm::rounding_mode::half_up)) ==
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
    CHECK(described(
              bmm::audit_summary(c, 44, as_printed(floored1), c, bmm::rounding_mode::half_up)) ==
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
    // Seed 003 Table 2's April row prints 4 of 32 (12.5%) as 12: a rounding effect half up.
    CHECK(described(bmm::audit_summary(
              bmm::rag_counts{12, 5, 4, 11}, 32, printed({"38", "16", "12", "34"}),
              bmm::rag_counts{12, 5, 4, 11}, bmm::rounding_mode::half_up)) ==
          strings{"red% 12->13 rounding"});
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
    CHECK(described(bmm::audit_summary(may, 44, printed({"63", "", "", ""}), may,
                                       bmm::rounding_mode::half_up)) ==
          strings{"green% 63->61 error"});
    // A % taken against the wrong total is caught when it is no rounding of the right share;
    // when it happens to be one (6 of 44 = 13.6% printed "14" beside 6 of 45 = 13.3%), the
    // wrong total is still an error of its own.
    const bmm::rag_counts right{27, 6, 4, 8};
    CHECK(described(bmm::audit_summary(may, 44, printed({"61", "14", "9", "16"}), right,
                                       bmm::rounding_mode::half_up)) ==
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
                if (f.verdict == bmm::verdict::error) ++largest_remainder_errors;
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
                    if (x.verdict == bmm::verdict::error) ++errors;
                    if (x.expected != bmm::to_string(expected[column_index(x.where.column)])) {
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
