// Spec for bmm/audit.hpp: auditing a published budget table cell by cell — seed 003's overall
// table finds exactly its two real errors and its two sign-convention cells; a changed figure is
// reported; an exact-but-rounded table is never called an error; bad rows are typed errors.
#include <doctest/doctest.h>

#include <bmm/audit.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {

bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }

bmm::published_row row(const char* name, int level, const char* budget, const char* forecast,
                       const char* variance, const char* pct) {
    bmm::published_row r;
    r.name = name;
    r.level = level;
    if (*budget != '\0') {
        r.budget = d(budget);
        r.forecast = d(forecast);
        r.variance = d(variance);
        r.variance_pct = d(pct);
    }
    return r;
}

/// Seed 003, Annex B "Overall Financial Position" (Table 11), as printed (£m, 1 dp, %).
std::vector<bmm::published_row> seed003_overall() {
    return {
        row("Adult Services", 0, "226.9", "226.9", "0.0", "0.0"),
        row("Children's Services", 0, "169.3", "172.4", "3.1", "1.8"),
        row("Environment & Place", 0, "74.5", "75.1", "0.6", "0.8"),
        row("Public Health", 0, "2.2", "2.2", "0.0", "0.0"),
        row("Community Safety", 0, "24.8", "24.8", "0.0", "0.0"),
        row("Resources", 0, "69.7", "71.3", "1.6", "2.3"),
        row("Directorate Total", 1, "567.4", "572.7", "5.3", "0.9"),
        row("Budgets Held Centrally", 0, "", "", "", ""),
        row("Capital Financing", 0, "28.4", "28.4", "0.0", "0.0"),
        row("Interest on Balances", 0, "-16.7", "-17.2", "-0.5", "3.0"),
        row("Inflation", 0, "9.3", "9.3", "0.0", "0.0"),
        row("Contingency", 0, "12.4", "9.1", "-3.3", "-29.6"),
        row("Un-ringfenced Specific Grants", 0, "-41.5", "-41.5", "0.0", "0.0"),
        row("Insurance", 0, "1.4", "1.4", "0.0", "0.0"),
        row("Contribution from COVID-19 reserve", 0, "-7.4", "-8.9", "-1.5", "20.3"),
        row("Contribution from Budget Priority Reserve", 0, "-2.3", "-2.3", "0.0", "0.0"),
        row("Contributions to reserves", 0, "20.1", "20.1", "0.0", "0.0"),
        row("Contribution to balances", 0, "7.6", "7.6", "0.0", "0.0"),
        row("Total Budgets Held Centrally", 1, "11.3", "6.0", "-5.3", "-49.6"),
        row("Net Operating Budget", 2, "578.7", "578.7", "0.0", "0.0"),
        row("Business Rates & Council Tax funding", 0, "-578.7", "-578.7", "0.0", "0.0"),
        row("Forecast Year End Position", 3, "0.0", "0.0", "0.0", "0.0"),
    };
}

}  // namespace

TEST_CASE("seed 003's overall table: two real errors, two sign-convention cells, nothing more") {
    const auto rows = seed003_overall();
    const auto report = bmm::audit_budget_table(rows);
    // 21 rows with figures: 21 variances + 21 % (the zero-budget row's % is checked too) +
    // 2 × 4 totals' budget and forecast.
    CHECK(report.cells_checked == 50);
    REQUIRE(report.findings.size() == 4);
    const auto& f = report.findings;
    CHECK(rows[f[0].row].name == "Interest on Balances");
    CHECK(f[0].column == bmm::audit_column::variance_pct);
    CHECK(f[0].what == bmm::finding_class::sign);
    CHECK(f[0].published == d("3.0"));
    CHECK(f[0].computed == d("-3.0"));
    CHECK(rows[f[1].row].name == "Contingency");
    CHECK(f[1].what == bmm::finding_class::error);
    CHECK(f[1].computed == d("-26.6"));  // -3.3 / 12.4, where -29.6 is printed
    CHECK(rows[f[2].row].name == "Contribution from COVID-19 reserve");
    CHECK(f[2].what == bmm::finding_class::sign);
    CHECK(rows[f[3].row].name == "Total Budgets Held Centrally");
    CHECK(f[3].what == bmm::finding_class::error);
    CHECK(f[3].computed == d("-46.9"));  // -5.3 / 11.3, where -49.6 is printed
    CHECK(report.errors() == 2);
    CHECK(report.count(bmm::finding_class::sign) == 2);
}

TEST_CASE("under the signed-budget convention the income lines pass and the errors remain") {
    bmm::audit_options o;
    o.basis = bmm::variance_basis::signed_budget;
    const auto report = bmm::audit_budget_table(seed003_overall(), o);
    CHECK(report.errors() == 2);
    CHECK(report.count(bmm::finding_class::sign) == 0);
}

TEST_CASE("the interval rule: -29.6% cannot come from -3.3 of 12.4 at any rounding") {
    // -3.35 / 12.35 = -27.1%: the furthest the printed inputs reach.
    const std::vector<bmm::published_row> one{
        row("Contingency", 0, "12.4", "9.1", "-3.3", "-27.1")};
    CHECK(bmm::audit_budget_table(one).findings.at(0).what == bmm::finding_class::rounding);
    const std::vector<bmm::published_row> two{
        row("Contingency", 0, "12.4", "9.1", "-3.3", "-27.2")};
    CHECK(bmm::audit_budget_table(two).findings.at(0).what == bmm::finding_class::error);
}

TEST_CASE("a copy with one figure changed reports that figure") {
    auto rows = seed003_overall();
    rows[5].forecast = d("75.3");  // Resources forecast 71.3 -> 75.3
    const auto report = bmm::audit_budget_table(rows);
    CHECK(report.errors() == 4);
    int resources = 0, total = 0;
    for (const auto& f : report.findings) {
        if (f.row == 5 && f.column == bmm::audit_column::variance) ++resources;
        if (f.row == 6 && f.column == bmm::audit_column::forecast) ++total;
    }
    CHECK(resources == 1);  // 75.3 - 69.7 is not the printed 1.6
    CHECK(total == 1);      // the Directorate Total no longer adds up
    // A change within rounding is reported as a rounding effect, not an error.
    auto near = seed003_overall();
    near[5].forecast = d("71.4");
    const auto small = bmm::audit_budget_table(near);
    CHECK(small.errors() == 2);
    CHECK(small.count(bmm::finding_class::rounding) == 2);
}

TEST_CASE("change since the last report is checked when printed") {
    auto r = row("Resources", 0, "69.7", "71.3", "1.6", "2.3");
    r.previous_variance = d("1.2");
    r.change = d("0.5");
    const auto report = bmm::audit_budget_table({r});
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings[0].column == bmm::audit_column::change);
    CHECK(report.findings[0].computed == d("0.4"));
    CHECK(report.findings[0].what == bmm::finding_class::rounding);  // |0.5 - 0.4| <= 0.15
}

TEST_CASE("property: the audit never calls an exact-but-rounded table an error (100,000 tables)") {
    std::mt19937_64 gen(2023);
    std::uniform_int_distribution<int> lines(1, 9);
    std::uniform_int_distribution<std::int64_t> pence(-80'000'000'00, 300'000'000'00);
    std::uniform_int_distribution<std::int64_t> drift(-5'000'000'00, 5'000'000'00);
    int errors = 0, signs = 0;
    for (int trial = 0; trial < 100'000; ++trial) {
        // Exact figures in pence, printed in £m at 1 dp, % from the exact figures.
        struct exact {
            std::int64_t budget, forecast;
        };
        std::vector<exact> figures;
        std::vector<bmm::published_row> rows;
        auto print = [&](const char* name, int level, exact e) {
            bmm::published_row r;
            r.name = name;
            r.level = level;
            const auto unit = bmm::ratio(1, 100'000'000);  // pence -> £m
            r.budget = (bmm::ratio(e.budget) * unit).round(1, bmm::rounding_mode::half_up);
            r.forecast = (bmm::ratio(e.forecast) * unit).round(1, bmm::rounding_mode::half_up);
            r.variance =
                (bmm::ratio(e.forecast - e.budget) * unit).round(1, bmm::rounding_mode::half_up);
            if (e.budget != 0) {
                r.variance_pct =
                    (bmm::ratio(e.forecast - e.budget, e.budget < 0 ? -e.budget : e.budget))
                        .percent(1, bmm::rounding_mode::half_up);
            }
            rows.push_back(r);
        };
        exact grand{0, 0};
        const int groups = 1 + trial % 3;
        for (int g = 0; g < groups; ++g) {
            exact sub{0, 0};
            const int n = lines(gen);
            for (int i = 0; i < n; ++i) {
                const std::int64_t b = trial % 7 == 0 ? pence(gen) % 1'000'000 : pence(gen);
                const exact e{b, b + drift(gen)};
                print("line", 0, e);
                sub.budget += e.budget;
                sub.forecast += e.forecast;
            }
            print("subtotal", 1, sub);
            grand.budget += sub.budget;
            grand.forecast += sub.forecast;
        }
        print("total", 2, grand);
        const auto report = bmm::audit_budget_table(rows);
        errors += static_cast<int>(report.errors());
        signs += static_cast<int>(report.count(bmm::finding_class::sign));
    }
    CHECK(errors == 0);
    CHECK(signs == 0);
}

TEST_CASE("bad rows are invalid_argument naming the row and its line") {
    std::vector<bmm::published_row> rows{row("Directorate Total", 1, "1.0", "1.0", "0.0", "0.0")};
    rows[0].source_line = 7;
    try {
        (void)bmm::audit_budget_table(rows);
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() == "Directorate Total");
        CHECK(std::string(e.what()).find("line 7") != std::string::npos);
        CHECK(std::string(e.what()).find("nothing to sum") != std::string::npos);
    }
    auto negative = row("x", -1, "1.0", "1.0", "0.0", "0.0");
    CHECK_THROWS_AS((void)bmm::audit_budget_table({negative}), bmm::invalid_argument);
    auto half = row("x", 0, "1.0", "1.0", "0.0", "0.0");
    half.forecast.reset();
    CHECK_THROWS_AS((void)bmm::audit_budget_table({half}), bmm::invalid_argument);
}

TEST_CASE("read_published_table reads the bmm-audit CSV contract") {
    const auto csv = bmm::read_csv(
        "line,level,budget,forecast,variance,variance_pct,previous_variance,change\n"
        "Resources,0,69.7,71.3,1.6,2.3%,1.2,0.4\n"
        "\"Budgets Held Centrally, heading\",,,,,,,\n"
        "Interest on Balances,0,(16.7),(17.2),-0.5,3.0,,\n"
        "Total,1,\"1,053.0\",71.3,1.6,2.3,,\n");
    const auto rows = bmm::read_published_table(csv);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].variance_pct == d("2.3"));
    CHECK(rows[0].change == d("0.4"));
    CHECK(rows[0].source_line == 2);
    CHECK(rows[1].is_heading());
    CHECK(rows[1].name == "Budgets Held Centrally, heading");
    CHECK(rows[2].budget == d("-16.7"));
    CHECK_FALSE(rows[2].previous_variance.has_value());
    CHECK(rows[3].level == 1);
    CHECK(rows[3].budget == d("1053.0"));
}

TEST_CASE("malformed audit CSV is a parse_error naming the line and column") {
    auto message_of = [](const char* text) -> std::string {
        try {
            (void)bmm::read_published_table(bmm::read_csv(text));
        } catch (const bmm::parse_error& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(message_of("line,level,budget,forecast,variance\nA,0,1,1,0\n").find("variance_pct") !=
          std::string::npos);
    const std::string cell =
        message_of("line,level,budget,forecast,variance,variance_pct\nA,0,1.0,abc,0,0\n");
    CHECK(cell.find("\"abc\"") != std::string::npos);
    CHECK(cell.find("line 2, column forecast") != std::string::npos);
    CHECK(message_of("line,level,budget,forecast,variance,variance_pct\nA,x,1,1,0,0\n")
              .find("\"x\" as a level") != std::string::npos);
    CHECK(message_of("line,level,budget,forecast,variance,variance_pct\nA,0,1,1\n")
              .find("line 2: 4 cells") != std::string::npos);
    CHECK(message_of("line,level,budget,forecast,variance,variance_pct\nA,0,1,1,0,(-1)\n")
              .find("line 2") != std::string::npos);
}

TEST_CASE("the Public Health table's lines do not add to its printed total") {
    // Seed 003 ¶58: Public Health Functions 35.6, Recharges 0.6, Other Income -0.7, Grant Income
    // -33.6, Transfer to reserve 0.0; "Total Public Health" 2.2. Printed half-up, the lines stand
    // for at most 2.15 (exclusive): no rounding reaches 2.2.
    const std::vector<bmm::decimal> lines{d("35.6"), d("0.6"), d("-0.7"), d("-33.6"), d("0.0")};
    CHECK(bmm::audit_sum(lines, d("2.2")) == bmm::finding_class::error);
    CHECK(bmm::audit_sum(lines, d("1.9")) == std::nullopt);  // what they do add to
    // Through the table auditor: the total row's budget is the finding.
    std::vector<bmm::published_row> rows;
    const char* names[] = {"Public Health Functions", "Public Health Recharges", "Other Income",
                           "Grant Income", "Transfer to Public Health Reserve"};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bmm::published_row r;
        r.name = names[i];
        r.budget = lines[i];
        r.forecast = lines[i];
        r.variance = d("0.0");
        rows.push_back(r);
    }
    bmm::published_row total;
    total.name = "Total Public Health";
    total.level = 1;
    total.budget = total.forecast = d("2.2");
    total.variance = d("0.0");
    rows.push_back(total);
    const auto report = bmm::audit_budget_table(rows);
    REQUIRE(report.errors() == 2);  // its budget and its forecast
    CHECK(report.findings[0].row == 5);
    CHECK(report.findings[0].column == bmm::audit_column::budget);
    CHECK(report.findings[0].computed == d("1.9"));
}

TEST_CASE("the waste tonnage table: one column's total does not add up") {
    // Seed 003 ¶49: Recycling/Compost, Energy recovery, Landfill, Total.
    CHECK(bmm::audit_sum({d("0.1"), d("0.1"), d("-0.2")}, d("0.0")) == std::nullopt);
    CHECK(bmm::audit_sum({d("161106"), d("104010"), d("7286")}, d("272402")) == std::nullopt);
    CHECK(bmm::audit_sum({d("166260"), d("103050"), d("11025")}, d("280335")) == std::nullopt);
    // Actual tonnage 2022/23: the rows add to 270,691, the report prints 281,024.
    CHECK(bmm::audit_sum({d("159420"), d("103163"), d("8108")}, d("281024")) ==
          bmm::finding_class::error);
}

TEST_CASE("the DSG table's blocks add to its totals; the High Needs variance is 18.3") {
    // Seed 003 ¶41: Schools, Central Services Schools, High Needs, Early Years.
    CHECK(bmm::audit_sum({d("131.2"), d("5.0"), d("84.4"), d("44.3")}, d("264.9")) == std::nullopt);
    CHECK(bmm::audit_sum({d("131.2"), d("5.0"), d("102.7"), d("44.3")}, d("283.2")) ==
          std::nullopt);
    CHECK(bmm::audit_derived(
              d("18.3"), bmm::ratio::from_decimal(d("102.7")) - bmm::ratio::from_decimal(d("84.4")),
              bmm::printed_interval::of(d("102.7"), bmm::rounding_mode::half_up) -
                  bmm::printed_interval::of(d("84.4"), bmm::rounding_mode::half_up)) ==
          std::nullopt);
}

TEST_CASE("printed intervals follow the rounding mode's ties") {
    using bmm::printed_interval;
    const auto up = printed_interval::of(d("2.2"), bmm::rounding_mode::half_up);
    CHECK(up.lo == bmm::ratio(43, 20));
    CHECK(up.lo_closed);        // 2.15 rounds half-up to 2.2
    CHECK_FALSE(up.hi_closed);  // 2.25 rounds to 2.3
    const auto neg = printed_interval::of(d("-0.7"), bmm::rounding_mode::half_up);
    CHECK_FALSE(neg.lo_closed);  // -0.75 rounds away from zero to -0.8
    CHECK(neg.hi_closed);        // -0.65 rounds to -0.7
    const auto even = printed_interval::of(d("0.2"), bmm::rounding_mode::half_even);
    CHECK(even.lo_closed);
    CHECK(even.hi_closed);  // 0.15 and 0.25 both round to 0.2
    CHECK_FALSE(printed_interval::of(d("0.3"), bmm::rounding_mode::half_even).hi_closed);
    CHECK(up.meets(printed_interval::exactly(bmm::ratio(43, 20))));
    CHECK_FALSE(up.meets(printed_interval::exactly(bmm::ratio(9, 4))));
}

TEST_CASE("a long level is a parse error, not an overflow (found by fuzzing)") {
    CHECK_THROWS_AS(
        (void)bmm::read_published_table(bmm::read_csv(
            "line,level,budget,forecast,variance,variance_pct\nA,-533333328,1,1,0,0\n")),
        bmm::parse_error);
    CHECK_THROWS_AS(
        (void)bmm::read_published_table(bmm::read_csv(
            "line,level,budget,forecast,variance,variance_pct\nA,99999999999,1,1,0,0\n")),
        bmm::parse_error);
}
