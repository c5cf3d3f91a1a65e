// Spec for bmm/audit/ytd.hpp: a printed YTD figure against its measure's YTD rule and the monthly
// figures — seed 003's OCC07.02 (a stock summed) and OCC10.05 (a rate summed) are errors, and a
// month not given leaves the rule undecided.
#include <doctest/doctest.h>

#include <bmm/audit/ytd.hpp>
//
#include <optional>
#include <string>
#include <vector>

#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
bmm::ytd_month month(const char* label, const char* figure) {
    bmm::ytd_month m;
    m.label = label;
    if (*figure != '\0') m.figure = d(figure);
    return m;
}
const bmm::ytd_audit_options counts(bmm::rounding_mode::half_up);
const bmm::ytd_audit_options percents(bmm::rounding_mode::half_up, bmm::unit::percent);
}  // namespace

TEST_CASE("OCC07.02 is a stock: its YTD is May's figure, so a printed sum of the months is wrong") {
    const std::vector<bmm::ytd_month> months{month("April 2023", "103"), month("May 2023", "102")};
    const bmm::findings f = bmm::audit_ytd(d("205"), months, bmm::ytd_rule::latest, counts);
    REQUIRE(f.size() == 1);
    CHECK(f[0].verdict == bmm::verdict::error);
    CHECK(f[0].rule == "ytd_latest");
    CHECK(f[0].printed == "205");
    CHECK(f[0].expected == "102");
    CHECK(f[0].explanation ==
          "its rule is latest, so the YTD is the latest month's figure: May 2023's 102");
    CHECK(bmm_test::only_verdict(bmm::audit_ytd(d("102"), months, bmm::ytd_rule::latest, counts)) ==
          bmm::verdict::agrees);
    // As a flow, 205 is the months' sum.
    CHECK(bmm_test::only_verdict(bmm::audit_ytd(d("205"), months, bmm::ytd_rule::sum, counts)) ==
          bmm::verdict::agrees);
}

TEST_CASE("OCC10.05 is a rate: 13% and 15% cannot make 29%, which is the rates summed") {
    const std::vector<bmm::ytd_month> months{month("April 2023", "13"), month("May 2023", "15")};
    const bmm::findings f = bmm::audit_ytd(d("29"), months, bmm::ytd_rule::ratio_of_sums, percents);
    REQUIRE(f.size() == 1);
    CHECK(f[0].verdict == bmm::verdict::error);
    CHECK(f[0].printed == "29%");
    CHECK(f[0].expected == "13% to 15%");
    CHECK(f[0].explanation ==
          "its rule is ratio of sums (numerators over denominators, summed), so the YTD lies "
          "between the monthly rates, 13% to 15%; the rates summed, 13% + 15% = 28% (27% to 29% "
          "before rounding), give 29%: the YTD was summed, not a rate");
    // Within the rates, without their numerators and denominators: undecided, with what fits.
    const bmm::findings within =
        bmm::audit_ytd(d("14"), months, bmm::ytd_rule::ratio_of_sums, percents);
    REQUIRE(within.size() == 1);
    CHECK(within[0].verdict == bmm::verdict::undecided);
    REQUIRE(within[0].fits.has_value());
    CHECK(within[0].fits->contains(bmm::ratio(14)));
    CHECK(within.ok());
}

TEST_CASE("with the months' numerators and denominators a rate's YTD is checked exactly") {
    // Calls abandoned: 14 of 100, then 17.7 of 118 (15%): 31.7 of 218 is 14.54%.
    auto april = month("April 2023", "14");
    april.parts = bmm::rate_parts{d("14"), d("100")};
    auto may = month("May 2023", "15");
    may.parts = bmm::rate_parts{d("17.7"), d("118")};
    const std::vector<bmm::ytd_month> months{april, may};
    CHECK(bmm_test::only_verdict(bmm::audit_ytd(d("15"), months, bmm::ytd_rule::ratio_of_sums,
                                                percents)) == bmm::verdict::agrees);
    const bmm::findings summed =
        bmm::audit_ytd(d("29"), months, bmm::ytd_rule::ratio_of_sums, percents);
    REQUIRE(summed.size() == 1);
    CHECK(summed[0].verdict == bmm::verdict::error);
    CHECK(summed[0].expected == "15%");
    CHECK(summed[0].explanation.find("give 14.5%") != std::string::npos);
}

TEST_CASE("sums and averages are checked against the months' printed intervals") {
    // 1.24 + 1.24 rounds to 2.5: a rounding effect of two figures printed 1.2.
    const std::vector<bmm::ytd_month> months{month("April", "1.2"), month("May", "1.2")};
    CHECK(bmm_test::only_verdict(bmm::audit_ytd(d("2.5"), months, bmm::ytd_rule::sum, counts)) ==
          bmm::verdict::rounding);
    CHECK(bmm_test::only_verdict(bmm::audit_ytd(d("2.6"), months, bmm::ytd_rule::sum, counts)) ==
          bmm::verdict::error);
    CHECK(bmm_test::only_verdict(bmm::audit_ytd(d("1.2"), months, bmm::ytd_rule::average,
                                                counts)) == bmm::verdict::agrees);
    const bmm::findings mean = bmm::audit_ytd(d("1.4"), months, bmm::ytd_rule::average, counts);
    REQUIRE(mean.size() == 1);
    CHECK(mean[0].explanation ==
          "its rule is average, and the monthly mean is (1.2 + 1.2) / 2 = 1.2");
    // Whole counts are exact: 367 + 270 is 637, and 638 is no rounding of it.
    const std::vector<bmm::ytd_month> visits{month("April", "270"), month("May", "367")};
    CHECK(bmm_test::only_verdict(bmm::audit_ytd(d("638"), visits, bmm::ytd_rule::sum, counts)) ==
          bmm::verdict::error);
}

TEST_CASE("a month not given, or derived from the YTD itself, leaves the rule undecided") {
    const std::vector<bmm::ytd_month> gap{month("April 2023", ""), month("May 2023", "15")};
    const bmm::findings f = bmm::audit_ytd(d("30"), gap, bmm::ytd_rule::sum, counts);
    REQUIRE(f.size() == 1);
    CHECK(f[0].verdict == bmm::verdict::undecided);
    CHECK_FALSE(f[0].fits.has_value());
    CHECK(f[0].explanation == "April 2023 not given");
    auto derived = gap;
    derived[0].figure = d("15");
    derived[0].derived = true;
    CHECK(bmm::audit_ytd(d("30"), derived, bmm::ytd_rule::sum, counts)[0].explanation ==
          "April 2023 derived from the YTD");
    CHECK_THROWS_AS((void)bmm::audit_ytd(d("1"), {}, bmm::ytd_rule::sum, counts),
                    bmm::invalid_argument);
}
