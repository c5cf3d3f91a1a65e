// Spec for bmm/ytd.hpp: the YTD rules (sum, latest, ratio of sums, average) and their names.
#include <doctest/doctest.h>

#include <bmm/ytd.hpp>
//
#include <optional>
#include <vector>

#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
}  // namespace

TEST_CASE("YTD rules: sum for flows, latest for stocks, ratio of sums for rates, average") {
    // Seed 003 OCC07.03 assessments: April 270 (= 637 - 367), May 367: YTD 637.
    CHECK(bmm::ytd_sum({d("270"), d("367")}) == d("637"));
    // OCC07.06 children we care for is a stock: YTD is May's 755, never a sum.
    CHECK(bmm::ytd_latest({d("760"), d("755")}) == d("755"));
    CHECK_THROWS_AS((void)bmm::ytd_latest({}), bmm::invalid_argument);
    // Calls abandoned: 14% of 100 then 15% of 118 (¶16: calls up 18%) is 31.7 of 218: 14.5%.
    const auto rate = bmm::ytd_ratio_of_sums({{d("14"), d("100")}, {d("17.7"), d("118")}});
    REQUIRE(rate);
    CHECK(rate->percent(1, bmm::rounding_mode::half_up) == d("14.5"));
    CHECK_FALSE(bmm::ytd_ratio_of_sums({{d("0"), d("0")}}).has_value());
    // OCC11.12 average cash balance.
    CHECK(bmm::ytd_average({d("441293000"), d("441293001")}) == bmm::ratio(882586001, 2));
    CHECK_THROWS_AS((void)bmm::ytd_average({}), bmm::invalid_argument);
}

TEST_CASE("every YTD rule reads back from its name, and nothing else reads as one") {
    for (bmm::ytd_rule r : {bmm::ytd_rule::sum, bmm::ytd_rule::latest, bmm::ytd_rule::ratio_of_sums,
                            bmm::ytd_rule::average}) {
        CHECK(bmm::parse_ytd_rule(bmm::to_string(r)) == r);
    }
    CHECK(bmm::parse_ytd_rule(" Latest ") == bmm::ytd_rule::latest);
    CHECK_FALSE(bmm::try_parse_ytd_rule("ratios").has_value());
    CHECK_THROWS_WITH_AS((void)bmm::parse_ytd_rule("ratios"),
                         "bmm: cannot read \"ratios\" as a YTD rule: expected sum, latest, "
                         "ratio_of_sums or average",
                         bmm::parse_error);
}
