// Spec for bmm/audit/sum.hpp: a printed total against its printed parts, exactly, under every
// rounding mode; the finding says what fits.
#include <doctest/doctest.h>

#include <bmm/audit/sum.hpp>
//
#include <cstdint>
#include <optional>
#include <vector>

#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
using bmm::printed_interval;
using bmm::rounding_mode;
}  // namespace

TEST_CASE("four lines of 1.09 truncated to 1.0 and their total 4.36 truncated to 4.3 agree") {
    const std::vector<bmm::decimal> lines{d("1.0"), d("1.0"), d("1.0"), d("1.0")};
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("4.3"), lines, rounding_mode::floor)) ==
          bmm::verdict::rounding);
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("4.3"), lines, rounding_mode::toward_zero)) ==
          bmm::verdict::rounding);
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("4.4"), lines, rounding_mode::floor)) ==
          bmm::verdict::error);
    // Half up, 1.0 is below 1.05: four of them stay below 4.2, so 4.3 is an error.
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("4.3"), lines, bmm::rounding_mode::half_up)) ==
          bmm::verdict::error);
    // Rounded up, four lines of (0.9, 1.0] sum to more than 3.6 and at most 4.0.
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("3.7"), lines, rounding_mode::ceiling)) ==
          bmm::verdict::rounding);
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("3.6"), lines, rounding_mode::ceiling)) ==
          bmm::verdict::error);
}

TEST_CASE("a total that does not add up is one stored finding naming what fits") {
    const std::vector<bmm::decimal> lines{d("35.6"), d("0.6"), d("-0.7"), d("-33.6"), d("0.0")};
    bmm::cell_ref where;
    where.section = "Public Health";
    where.row = "Total Public Health";
    where.column = "budget";
    const bmm::findings f = bmm::audit_sum(d("2.2"), lines, rounding_mode::half_up, where);
    CHECK(f.cells_checked() == 1);
    CHECK(f.errors() == 1);
    CHECK_FALSE(f.ok());
    REQUIRE(f.size() == 1);
    CHECK(f[0].where == where);
    CHECK(f[0].rule == "sum");
    CHECK(f[0].printed == "2.2");
    CHECK(f[0].expected == "1.9");
    // Five half-up figures of 1 dp: 1.9 - 0.25 to 1.9 + 0.25, the ends open or closed as the
    // figures' signs make them.
    REQUIRE(f[0].fits.has_value());
    CHECK(f[0].fits->lo == bmm::ratio(33, 20));
    CHECK(f[0].fits->hi == bmm::ratio(43, 20));
    // A total that adds up is counted, not stored.
    const bmm::findings ok = bmm::audit_sum(d("1.9"), lines, rounding_mode::half_up);
    CHECK(ok.empty());
    CHECK(ok.count(bmm::verdict::agrees) == 1);
    CHECK(ok.ok());
}

TEST_CASE("the waste tonnage table: one column's total does not add up") {
    // Seed 003 ¶49: Recycling/Compost, Energy recovery, Landfill, Total.
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("0.0"), {d("0.1"), d("0.1"), d("-0.2")},
                                                bmm::rounding_mode::half_up)) ==
          bmm::verdict::agrees);
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("272402"), {d("161106"), d("104010"), d("7286")},
                                                bmm::rounding_mode::half_up)) ==
          bmm::verdict::agrees);
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("280335"), {d("166260"), d("103050"), d("11025")},
                                                bmm::rounding_mode::half_up)) ==
          bmm::verdict::agrees);
    // Actual tonnage 2022/23: the rows add to 270,691, the report prints 281,024.
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("281024"), {d("159420"), d("103163"), d("8108")},
                                                bmm::rounding_mode::half_up)) ==
          bmm::verdict::error);
}

TEST_CASE("audit_sum adds its parts exactly: top, 1p, -1p total top, no overflow on the way") {
    // Found in review: the parts were added in order with ratio's checked +, so 2^63 - 1 units
    // and one more overflowed on the way to a total that fits.
    const bmm::decimal top = bmm::decimal::from_units(INT64_MAX, 2);
    const bmm::decimal penny = bmm::decimal::from_units(1, 2);
    CHECK(bmm_test::only_verdict(bmm::audit_sum(
              top, {top, penny, -penny}, bmm::rounding_mode::half_up)) == bmm::verdict::agrees);
    CHECK(bmm_test::only_verdict(
              bmm::audit_sum(bmm::decimal::from_units(0, 2), {penny, top, -penny, -top},
                             bmm::rounding_mode::half_up)) == bmm::verdict::agrees);
    // A wrong total is still classified, from intervals summed exactly (4·10^18 × 3 - 4·10^18 × 2:
    // a running sum beyond int64, a total within 2^62).
    const bmm::decimal four = d("4000000000000000000");
    const std::vector<bmm::decimal> parts{four, four, four, -four, -four};
    CHECK(bmm_test::only_verdict(bmm::audit_sum(four, parts, bmm::rounding_mode::half_up)) ==
          bmm::verdict::agrees);
    CHECK(bmm_test::only_verdict(
              bmm::audit_sum(d("3999999999999999998"), parts, bmm::rounding_mode::half_up)) ==
          bmm::verdict::rounding);
    CHECK(bmm_test::only_verdict(
              bmm::audit_sum(d("3999999999999999995"), parts, bmm::rounding_mode::half_up)) ==
          bmm::verdict::error);
    // Only a total that does not fit is an overflow_error.
    CHECK_THROWS_AS((void)bmm_test::only_verdict(
                        bmm::audit_sum(top, {top, penny}, bmm::rounding_mode::half_up)),
                    bmm::overflow_error);
}

TEST_CASE("the DSG table's blocks add to its totals, and the High Needs variance is 18.3") {
    // Seed 003 ¶41: Schools, Central Services Schools, High Needs, Early Years.
    CHECK(bmm_test::only_verdict(
              bmm::audit_sum(d("264.9"), {d("131.2"), d("5.0"), d("84.4"), d("44.3")},
                             bmm::rounding_mode::half_up)) == bmm::verdict::agrees);
    CHECK(bmm_test::only_verdict(
              bmm::audit_sum(d("283.2"), {d("131.2"), d("5.0"), d("102.7"), d("44.3")},
                             bmm::rounding_mode::half_up)) == bmm::verdict::agrees);
    CHECK(bmm_test::only_verdict(bmm::audit_derived(
              d("18.3"), bmm::ratio::from_decimal(d("102.7")) - bmm::ratio::from_decimal(d("84.4")),
              bmm::printed_interval::of(d("102.7"), bmm::rounding_mode::half_up) -
                  bmm::printed_interval::of(d("84.4"), bmm::rounding_mode::half_up),
              bmm::rounding_mode::half_up)) == bmm::verdict::agrees);
}
