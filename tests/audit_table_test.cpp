// Spec for bmm/audit/table.hpp: auditing a published budget table cell by cell — seed 003's overall
// table finds exactly its two real errors and its two sign-convention cells; a changed figure is
// reported; blank cells are recomputed from what is printed; tables without a forecast column
// (seed 003's directorate tables) are audited by their budget and variance columns; an
// exact-but-rounded table is never called an error, whatever its rounding mode; a table printed
// by largest remainder or controlled rounding is judged by what that rounding promises; bad rows
// are typed errors.
#include <doctest/doctest.h>

#include <bmm/audit/table.hpp>
//
#include <algorithm>
#include <array>
#include <bmm/audit/sum.hpp>  // the reference of the running-sums property
#include <bmm/io/published_table.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {

bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
/// The options of a table printed half up (seed 003's).
const bmm::table_audit_options half_up(bmm::rounding_mode::half_up);

bmm::published_row row(const char* name, int level, const char* budget, const char* forecast,
                       const char* variance, const char* pct) {
    bmm::published_row r;
    r.name = name;
    r.level = level;
    auto cell = [](const char* text) {
        return *text == '\0' ? std::optional<bmm::decimal>() : std::optional(d(text));
    };
    r.budget = cell(budget);
    r.forecast = cell(forecast);
    r.variance = cell(variance);
    r.variance_pct = cell(pct);
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
    const auto report = bmm::audit_budget_table(rows, half_up);
    // 21 rows with figures: 21 variances + 21 % (the zero-budget row's % is checked too) +
    // 2 × 4 totals' budget and forecast.
    CHECK(report.cells_checked() == 50);
    REQUIRE(report.size() == 4);
    const auto& f = report.stored();
    CHECK(f[0].where.row == "Interest on Balances");
    CHECK(f[0].where.column == "variance_pct");
    CHECK(f[0].verdict == bmm::verdict::sign_convention);
    CHECK(f[0].printed == "3.0");
    CHECK(f[0].expected == "-3.0");
    CHECK(f[1].where.row == "Contingency");
    CHECK(f[1].verdict == bmm::verdict::error);
    CHECK(f[1].expected == "-26.6");  // -3.3 / 12.4, where -29.6 is printed
    CHECK(f[2].where.row == "Contribution from COVID-19 reserve");
    CHECK(f[2].verdict == bmm::verdict::sign_convention);
    CHECK(f[3].where.row == "Total Budgets Held Centrally");
    CHECK(f[3].verdict == bmm::verdict::error);
    CHECK(f[3].expected == "-46.9");  // -5.3 / 11.3, where -49.6 is printed
    CHECK(report.errors() == 2);
    CHECK(report.count(bmm::verdict::sign_convention) == 2);
}

TEST_CASE("under the signed-budget convention the income lines pass and the errors remain") {
    bmm::table_audit_options o(bmm::rounding_mode::half_up);
    o.basis = bmm::variance_basis::signed_budget;
    const auto report = bmm::audit_budget_table(seed003_overall(), o);
    CHECK(report.errors() == 2);
    CHECK(report.count(bmm::verdict::sign_convention) == 0);
}

TEST_CASE("the interval rule: -29.6% cannot come from -3.3 of 12.4 at any rounding") {
    // -3.35 / 12.35 = -27.1%: the furthest the printed inputs reach.
    const std::vector<bmm::published_row> one{
        row("Contingency", 0, "12.4", "9.1", "-3.3", "-27.1")};
    CHECK(bmm::audit_budget_table(one, half_up).stored().at(0).verdict == bmm::verdict::rounding);
    const std::vector<bmm::published_row> two{
        row("Contingency", 0, "12.4", "9.1", "-3.3", "-27.2")};
    CHECK(bmm::audit_budget_table(two, half_up).stored().at(0).verdict == bmm::verdict::error);
}

TEST_CASE("a copy with one figure changed reports that figure") {
    auto rows = seed003_overall();
    rows[5].forecast = d("75.3");  // Resources forecast 71.3 -> 75.3
    const auto report = bmm::audit_budget_table(rows, half_up);
    CHECK(report.errors() == 4);
    int resources = 0, total = 0;
    for (const auto& f : report.stored()) {
        if (f.where.row_index == 5u && f.where.column == "variance") ++resources;
        if (f.where.row_index == 6u && f.where.column == "forecast") ++total;
    }
    CHECK(resources == 1);  // 75.3 - 69.7 is not the printed 1.6
    CHECK(total == 1);      // the Directorate Total no longer adds up
    // A change within rounding is reported as a rounding effect, not an error.
    auto near = seed003_overall();
    near[5].forecast = d("71.4");
    const auto small = bmm::audit_budget_table(near, half_up);
    CHECK(small.errors() == 2);
    CHECK(small.count(bmm::verdict::rounding) == 2);
}

TEST_CASE("change since the last report is checked when printed") {
    auto r = row("Resources", 0, "69.7", "71.3", "1.6", "2.3");
    r.previous_variance = d("1.2");
    r.change = d("0.5");
    const auto report = bmm::audit_budget_table({r}, half_up);
    REQUIRE(report.size() == 1);
    CHECK(report[0].where.column == "change");
    CHECK(report[0].expected == "0.4");
    CHECK(report[0].verdict == bmm::verdict::rounding);  // |0.5 - 0.4| <= 0.15
}

TEST_CASE(
    "property: the audit never calls an exact-but-rounded table an error, in every rounding mode "
    "(105,000 tables)") {
    // Exact figures in pence, every cell printed in £m at 1 dp (and every % at 1 dp) by one
    // rounding mode, the audit told that mode. Four shapes of table take turns: every column
    // printed; no forecast column (seed 003's directorate tables); blank variances beside printed
    // forecasts and %, with changes on every row but previous variances on lines only; and the
    // plain budget / forecast / variance / % table.
    constexpr const auto& modes = bmm_test::all_rounding_modes;
    std::mt19937_64 gen(2023);
    std::uniform_int_distribution<int> lines(1, 9);
    std::uniform_int_distribution<std::int64_t> pence(-80'000'000'00, 300'000'000'00);
    std::uniform_int_distribution<std::int64_t> drift(-5'000'000'00, 5'000'000'00);
    std::bernoulli_distribution coin(0.5);
    std::array<int, 7> errors{}, signs{};
    std::array<std::size_t, 7> checked{};
    constexpr int trials = 105'000;
    for (int trial = 0; trial < trials; ++trial) {
        const std::size_t m = static_cast<std::size_t>(trial) % modes.size();
        const bmm::rounding_mode mode = modes[m];
        const int shape = (trial / 7) % 4;
        struct exact {
            std::int64_t budget, forecast, previous;
        };
        std::vector<bmm::published_row> rows;
        const auto unit = bmm::ratio(1, 100'000'000);  // pence -> £m
        auto in_m = [&](std::int64_t p) { return (bmm::ratio(p) * unit).round(1, mode); };
        auto print = [&](int level, exact e) {
            bmm::published_row r;
            r.name = level == 0 ? "line" : "total";
            r.level = level;
            const std::int64_t v = e.forecast - e.budget;
            r.budget = in_m(e.budget);
            if (shape != 1) r.forecast = in_m(e.forecast);
            if (!(shape == 2 && level == 0 && coin(gen))) r.variance = in_m(v);
            if (e.budget != 0) {
                r.variance_pct =
                    bmm::ratio(v, e.budget < 0 ? -e.budget : e.budget).percent(1, mode);
            }
            if (shape == 0 || (shape == 2 && level == 0)) r.previous_variance = in_m(e.previous);
            if (shape == 0 || shape == 2) r.change = in_m(v - e.previous);
            rows.push_back(r);
        };
        exact grand{0, 0, 0};
        const int groups = 1 + trial % 3;
        for (int g = 0; g < groups; ++g) {
            exact sub{0, 0, 0};
            const int n = lines(gen);
            for (int i = 0; i < n; ++i) {
                const std::int64_t b = trial % 11 == 0 ? pence(gen) % 1'000'000 : pence(gen);
                const exact e{b, b + drift(gen), drift(gen)};
                print(0, e);
                sub.budget += e.budget;
                sub.forecast += e.forecast;
                sub.previous += e.previous;
            }
            print(1, sub);
            grand.budget += sub.budget;
            grand.forecast += sub.forecast;
            grand.previous += sub.previous;
        }
        print(2, grand);
        bmm::table_audit_options o(bmm::rounding_mode::half_up);
        o.mode = mode;
        const auto report = bmm::audit_budget_table(rows, o);
        errors[m] += static_cast<int>(report.errors());
        signs[m] += static_cast<int>(report.count(bmm::verdict::sign_convention));
        checked[m] += report.cells_checked();
    }
    for (std::size_t m = 0; m < modes.size(); ++m) {
        CAPTURE(bmm::to_string(modes[m]));
        CHECK(errors[m] == 0);
        CHECK(signs[m] == 0);
        CHECK(checked[m] > 15'000u * 20u);  // every table had its derived cells checked
    }
}

TEST_CASE("a blank variance beside a printed % is recomputed from forecast - budget and checked") {
    // Seed 003's Contingency line with its variance left blank: -29.6% is still an error.
    auto r = row("Contingency", 0, "12.4", "9.1", "-3.3", "-29.6");
    r.variance.reset();
    const auto report = bmm::audit_budget_table({r}, half_up);
    CHECK(report.cells_checked() == 1);
    REQUIRE(report.size() == 1);
    CHECK(report[0].where.column == "variance_pct");
    CHECK(report[0].expected == "-26.6");
    CHECK(report[0].verdict == bmm::verdict::error);
    // From a printed variance of -3.3 the % reaches at most -3.35 / 12.35 = -27.1%. From forecast
    // and budget, whose true values share the budget's, it reaches 9.05 / 12.45 - 1 = -27.3% and
    // no further: -27.2 is a rounding effect, -27.4 an error (forecast - budget taken as an
    // independent -3.4..-3.2 would wrongly reach -3.4 / 12.35 = -27.5%).
    auto minus_27_2 = row("Contingency", 0, "12.4", "9.1", "-3.3", "-27.2");
    CHECK(bmm::audit_budget_table({minus_27_2}, half_up).stored().at(0).verdict ==
          bmm::verdict::error);
    minus_27_2.variance.reset();
    CHECK(bmm::audit_budget_table({minus_27_2}, half_up).stored().at(0).verdict ==
          bmm::verdict::rounding);
    auto minus_27_4 = row("Contingency", 0, "12.4", "9.1", "", "-27.4");
    CHECK(bmm::audit_budget_table({minus_27_4}, half_up).stored().at(0).verdict ==
          bmm::verdict::error);
    // Neither a variance nor a forecast: nothing to check a % against.
    auto bare = r;
    bare.forecast.reset();
    CHECK_THROWS_AS((void)bmm::audit_budget_table({bare}, half_up), bmm::invalid_argument);
}

TEST_CASE("a change is checked from forecast - budget when the variance is blank") {
    auto r = row("Resources", 0, "69.7", "71.3", "", "2.3");
    r.variance.reset();
    r.previous_variance = d("1.2");
    r.change = d("0.7");  // 71.3 - 69.7 - 1.2 = 0.4; at most 0.55 from the printed figures
    const auto report = bmm::audit_budget_table({r}, half_up);
    CHECK(report.cells_checked() == 2);  // the % and the change
    REQUIRE(report.size() == 1);
    CHECK(report[0].where.column == "change");
    CHECK(report[0].expected == "0.4");
    CHECK(report[0].verdict == bmm::verdict::error);
}

TEST_CASE("a total's change without a previous variance is the sum of its members' changes") {
    auto a = row("A", 0, "10.0", "10.4", "0.4", "4.0");
    a.previous_variance = d("0.1");
    a.change = d("0.3");
    auto b = row("B", 0, "20.0", "19.5", "-0.5", "-2.5");
    b.change = d("-0.2");  // a line's change with no previous variance is an input
    auto total = row("Total", 1, "30.0", "29.9", "-0.1", "-0.3");
    total.change = d("0.3");  // 0.3 + -0.2 = 0.1
    const auto report = bmm::audit_budget_table({a, b, total}, half_up);
    REQUIRE(report.size() == 1);
    CHECK(report[0].where.row_index == 2u);
    CHECK(report[0].where.column == "change");
    CHECK(report[0].expected == "0.1");
    CHECK(report[0].verdict == bmm::verdict::error);
    // A total's previous variance is the sum of its members' (B's from its variance and change:
    // -0.5 - -0.2 = -0.3), and a total's change with a previous variance is variance - previous.
    total.previous_variance = d("-0.2");
    total.change = d("0.1");
    const auto sums = bmm::audit_budget_table({a, b, total}, half_up);
    CHECK(sums.empty());
    total.previous_variance = d("0.5");
    total.change = d("-0.6");
    const auto wrong = bmm::audit_budget_table({a, b, total}, half_up);
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].where.column == "previous_variance");
    CHECK(wrong[0].expected == "-0.2");
    CHECK(wrong[0].verdict == bmm::verdict::error);
}

TEST_CASE("a table without a forecast column is audited by its budget and variance totals") {
    // Seed 003 Annex B ¶44 (Environment & Place): budget and forecast outturn variance only.
    std::vector<bmm::published_row> rows{
        row("Transport & Infrastructure", 0, "2.4", "", "0.0", ""),
        row("Planning, Environment & Climate Change", 0, "37.1", "", "0.0", ""),
        row("Highways & Operations", 0, "34.1", "", "0.6", ""),
        row("Directorate Support", 0, "0.9", "", "0.0", ""),
        row("Total Environment & Place", 1, "74.5", "", "0.6", ""),
    };
    const auto clean = bmm::audit_budget_table(rows, half_up);
    CHECK(clean.cells_checked() == 2);  // the total's budget and variance
    CHECK(clean.empty());
    // A printed % is checked against the printed variance and budget.
    rows[4].variance_pct = d("0.8");
    CHECK(bmm::audit_budget_table(rows, half_up).cells_checked() == 3);
    CHECK(bmm::audit_budget_table(rows, half_up).stored().empty());
    rows[4].variance_pct = d("1.8");
    CHECK(bmm::audit_budget_table(rows, half_up).errors() == 1);
    // A wrong variance total is found.
    rows[4].variance_pct.reset();
    rows[4].variance = d("0.9");
    const auto wrong = bmm::audit_budget_table(rows, half_up);
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].where.column == "variance");
    CHECK(wrong[0].expected == "0.6");
    CHECK(wrong[0].verdict == bmm::verdict::error);
    // A total printing a column its members neither print nor let be derived is rejected.
    rows[4].forecast = d("75.1");
    rows[2].variance.reset();
    CHECK_THROWS_AS((void)bmm::audit_budget_table(rows, half_up), bmm::invalid_argument);
}

TEST_CASE("the rounding mode decides the printed intervals the audit uses") {
    // Four lines of 1.09 truncated to 1.0, their total 4.36 truncated to 4.3: a rounding effect
    // under floor (and toward zero), an error under half up (lines of at most 1.05 sum below 4.25).
    std::vector<bmm::published_row> rows;
    for (int i = 0; i < 4; ++i) rows.push_back(row("line", 0, "1.0", "1.0", "0.0", "0.0"));
    rows.push_back(row("total", 1, "4.3", "4.3", "0.0", "0.0"));
    bmm::table_audit_options floor(bmm::rounding_mode::half_up);
    floor.mode = bmm::rounding_mode::floor;
    const auto truncated = bmm::audit_budget_table(rows, floor);
    CHECK(truncated.errors() == 0);
    CHECK(truncated.count(bmm::verdict::rounding) == 2);  // budget and forecast
    CHECK(bmm::audit_budget_table(rows, half_up).errors() == 2);
}

TEST_CASE(
    "a table printed to keep its totals must add up in print: a total a unit off is an error") {
    // Four lines and a total that do not add up by one unit: per cell a rounding effect, but
    // largest remainder and controlled rounding print every total as the sum of its members.
    std::vector<bmm::published_row> rows;
    for (int i = 0; i < 4; ++i) rows.push_back(row("line", 0, "1.0", "1.0", "0.0", "0.0"));
    rows.push_back(row("total", 1, "4.1", "4.0", "-0.1", "-2.4"));
    CHECK(bmm::audit_budget_table(rows, half_up).errors() == 0);
    for (const auto how :
         {bmm::table_rounding::largest_remainder, bmm::table_rounding::controlled}) {
        const auto found = bmm::audit_budget_table(
            rows, bmm::table_audit_options(how, bmm::rounding_mode::half_up));
        CHECK(found.errors() == 1);
        REQUIRE(found.size() == 1);
        CHECK(found[0].where.column == "budget");
        CHECK(found[0].rule == "sum");
        CHECK(found[0].expected == "4.0");
        // The variance's -0.1 = 4.0 - 4.1 holds in print, and so does its -2.4%.
    }
    // A variance that is not forecast - budget in print is an error too.
    rows.back() = row("total", 1, "4.0", "4.0", "0.1", "2.5");
    CHECK(bmm::audit_budget_table(rows, half_up).errors() == 0);  // per cell: a rounding effect
    const auto controlled = bmm::audit_budget_table(
        rows,
        bmm::table_audit_options(bmm::table_rounding::controlled, bmm::rounding_mode::half_up));
    CHECK(controlled.errors() == 1);
}

TEST_CASE(
    "a variance % from the exact figures fits the intervals of the rule the table was printed by") {
    // Controlled rounding printed budget 1.09 as 1.0 and variance 0.19 as 0.1 (each rounded down,
    // within a unit); the % from the exact figures is 17.4. Read as half-up figures, 0.1 of 1.0
    // is at most 0.15 / 0.95 = 15.8%: an error; read as printed, anything below 0.2 / 0.9 fits.
    const std::vector<bmm::published_row> rows{row("line", 0, "1.0", "1.1", "0.1", "17.4")};
    CHECK(bmm::audit_budget_table(rows, half_up).errors() == 1);
    const auto printed = bmm::audit_budget_table(
        rows,
        bmm::table_audit_options(bmm::table_rounding::controlled, bmm::rounding_mode::half_up));
    CHECK(printed.errors() == 0);
    CHECK(printed.count(bmm::verdict::rounding) == 1);
    // Largest remainder's "11.7 11.6 -0.1 0.0%" (a line whose budget is its forecast, 11.65):
    // its variance is a difference of two figures each within a unit, so within two units.
    const std::vector<bmm::published_row> lr{row("line", 0, "11.7", "11.6", "-0.1", "0.0")};
    CHECK(bmm::audit_budget_table(lr, half_up).errors() == 1);
    CHECK(
        bmm::audit_budget_table(lr, bmm::table_audit_options(bmm::table_rounding::largest_remainder,
                                                             bmm::rounding_mode::half_up))
            .errors() == 0);
    // Budget 1.09 printed 1.0 and forecast 1.01 printed 1.1 (each within a unit, keeping their
    // totals): a variance of -0.08 printed 0.1, nearly two units off, and a -7.3% beside it.
    const std::vector<bmm::published_row> two{row("line", 0, "1.0", "1.1", "0.1", "-7.3")};
    CHECK(bmm::audit_budget_table(two,
                                  bmm::table_audit_options(bmm::table_rounding::largest_remainder,
                                                           bmm::rounding_mode::half_up))
              .errors() == 0);
    CHECK(bmm::audit_budget_table(two, bmm::table_audit_options(bmm::table_rounding::controlled,
                                                                bmm::rounding_mode::half_up))
              .errors() == 1);  // controlled rounding prints every variance within a unit
    // Beyond the rule's intervals it is an error still: 50.0% of 1.0 needs a variance near 0.5.
    const std::vector<bmm::published_row> far{row("line", 0, "1.0", "1.1", "0.1", "50.0")};
    CHECK(bmm::audit_budget_table(far, bmm::table_audit_options(bmm::table_rounding::controlled,
                                                                bmm::rounding_mode::half_up))
              .errors() == 1);
}

TEST_CASE("figures too large for exact arithmetic are an overflow_error naming the row") {
    // Each line is fine on its own; their sum, 1.2·10^19, does not fit a 64-bit ratio.
    const auto csv = bmm::read_csv(
        "line,level,budget,forecast,variance,variance_pct\n"
        "A,0,4000000000000000000,4000000000000000000,0,0\n"
        "B,0,4000000000000000000,4000000000000000000,0,0\n"
        "C,0,4000000000000000000,4000000000000000000,0,0\n"
        "Total,1,1,1,0,0\n");
    const auto rows = bmm::read_published_table(csv);
    try {
        (void)bmm::audit_budget_table(rows, half_up);
        FAIL("no error");
    } catch (const bmm::overflow_error& e) {
        CHECK(e.input() == "Total");
        CHECK(std::string(e.what()).find("row 4 (line 5)") != std::string::npos);
    }
}

TEST_CASE("a total that fits is audited even when a running sum of its members does not") {
    // Found in review: members were summed in row order with ratio's checked +, so the budgets
    // 2^63 - 1, 1, -1 (as bmm-audit may read them from a CSV) overflowed on the way to their
    // total, 2^63 - 1, which fits.
    const std::string top = "9223372036854775807";
    std::string text = "line,level,budget,forecast,variance,variance_pct\n";
    text += "A,0," + top + "," + top + ",0,0\n";
    text += "B,0,1,0.5,-0.5,-50\n";
    text += "C,0,-1,-0.5,0.5,50\n";
    text += "Total,1," + top + "," + top + ",0,0\n";
    CHECK(bmm::audit_budget_table(bmm::read_published_table(bmm::read_csv(text)), half_up)
              .stored()
              .empty());
    // A wrong total is still found, with exact figures in both passes: the exact sum, and the
    // interval sum (each member's printed interval, summed exactly) that makes 5 too few an
    // error (five whole figures reach at most 2.5 either side of their printed sum).
    // Budgets 4·10^18 × 3 - 4·10^18 × 2: the running sum 1.2·10^19 does not fit, the total does
    // (and is below 2^62, so that its printed interval fits a ratio).
    const std::string four = "4000000000000000000";
    auto table = [&four](const std::string& total) {
        std::string t = "line,level,budget,forecast,variance,variance_pct\n";
        for (const std::string& budget : {four, four, four, "-" + four, "-" + four}) {
            t += "Line,0," + budget + "," + budget + ",0,0\n";
        }
        t += "Total,1," + total + "," + total + ",0,0\n";
        return bmm::read_published_table(bmm::read_csv(t));
    };
    CHECK(bmm::audit_budget_table(table(four), half_up).stored().empty());
    const auto found = bmm::audit_budget_table(table("3999999999999999995"), half_up);
    REQUIRE(found.size() == 2);
    CHECK(found[0].where.column == "budget");
    CHECK(found[0].verdict == bmm::verdict::error);
    CHECK(found[0].expected == "4000000000000000000");
    CHECK(found[1].where.column == "forecast");
    CHECK(bmm::audit_budget_table(table("3999999999999999998"), half_up).stored()[0].verdict ==
          bmm::verdict::rounding);
    // Members printed to different places (1 dp and 2 dp) sum exactly too.
    std::string mixed = "line,level,budget,forecast,variance,variance_pct\n";
    mixed += "A,0,922337203685477580.7,922337203685477580.7,0.0,0.0\n";
    mixed += "B,0,0.01,0.01,0.00,0.0\n";
    mixed += "C,0,-0.01,-0.01,0.00,0.0\n";
    mixed += "Total,1,922337203685477580.7,922337203685477580.7,0.0,0.0\n";
    CHECK(bmm::audit_budget_table(bmm::read_published_table(bmm::read_csv(mixed)), half_up)
              .stored()
              .empty());
}

TEST_CASE("bad rows are invalid_argument naming the row and its line") {
    std::vector<bmm::published_row> rows{row("Directorate Total", 1, "1.0", "1.0", "0.0", "0.0")};
    rows[0].source_line = 7;
    try {
        (void)bmm::audit_budget_table(rows, half_up);
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() == "Directorate Total");
        CHECK(std::string(e.what()).find("line 7") != std::string::npos);
        CHECK(std::string(e.what()).find("nothing to sum") != std::string::npos);
    }
    auto negative = row("x", -1, "1.0", "1.0", "0.0", "0.0");
    CHECK_THROWS_AS((void)bmm::audit_budget_table({negative}, half_up), bmm::invalid_argument);
    auto half = row("x", 0, "1.0", "1.0", "0.0", "0.0");
    half.budget.reset();  // a forecast may be blank (not printed), a budget may not
    CHECK_THROWS_AS((void)bmm::audit_budget_table({half}, half_up), bmm::invalid_argument);
}

TEST_CASE("the Public Health table's lines do not add to its printed total") {
    // Seed 003 Annex B ¶58: Public Health Functions 35.6, Recharges 0.6, Other Income -0.7, Grant
    // Income -33.6, Transfer to reserve 0.0; "Total Public Health" 2.2; Total Community Safety
    // 24.8; "Total Public Health & Community Safety" 27.0. Budget and variance only: no forecast
    // is printed. Printed half-up, the lines stand for less than 2.15: no rounding reaches 2.2.
    // (bmm/audit/sum.hpp's spec checks the lines alone.) Through the table auditor, as printed:
    // the total's budget is the one finding.
    std::vector<bmm::published_row> rows{
        row("Public Health Functions", 0, "35.6", "", "0.0", ""),
        row("Public Health Recharges", 0, "0.6", "", "0.0", ""),
        row("Other Income", 0, "-0.7", "", "0.0", ""),
        row("Grant Income", 0, "-33.6", "", "0.0", ""),
        row("Transfer to Public Health Reserve", 0, "0.0", "", "0.0", ""),
        row("Total Public Health", 1, "2.2", "", "0.0", ""),
        row("Total Community Safety", 0, "24.8", "", "0.0", ""),
        row("Total Public Health & Community Safety", 2, "27.0", "", "0.0", ""),
    };
    const auto report = bmm::audit_budget_table(rows, half_up);
    CHECK(report.cells_checked() == 4);  // two totals × (budget, variance)
    REQUIRE(report.size() == 1);
    CHECK(report[0].where.row_index == 5u);
    CHECK(report[0].where.column == "budget");
    CHECK(report[0].printed == "2.2");
    CHECK(report[0].expected == "1.9");
    CHECK(report[0].verdict == bmm::verdict::error);
}

TEST_CASE("printed intervals follow the rounding mode's ties (half modes)") {
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

namespace {
/// A random published table for the differential property below: exact figures (in thousandths)
/// printed at 0 to 2 places by `mode` (a tenth of the tables by another), mostly all at one
/// number of places; some figures left blank, some perturbed (so that errors and sign findings
/// come up), budgets at or near zero, and a few figures beyond the fast path's bounds.
std::vector<bmm::published_row> random_table(std::mt19937_64& gen, bmm::rounding_mode mode) {
    std::uniform_int_distribution<int> lines(1, 6), small(0, 99), places(0, 2);
    auto chance = [&](int percent) { return small(gen) < percent; };
    // A third of the tables hold tiny figures (a few units), where intervals often touch at
    // an end, so that every open and closed end decides some cells.
    const bool tiny = chance(33);
    std::uniform_int_distribution<std::int64_t> exact(tiny ? -3'000 : -4'000'000,
                                                      tiny ? 9'000 : 20'000'000);
    const bool mixed = chance(15), previous = chance(50), change = chance(50);
    const int p = tiny ? places(gen) % 2 : places(gen);
    const bmm::rounding_mode print = chance(10) ? bmm::rounding_mode::floor : mode;
    auto figure = [&](std::int64_t x) {
        const int k = mixed && chance(30) ? places(gen) : p;
        std::int64_t u = bmm::ratio(x, 1000).round(k, print).units();
        if (chance(8)) u += small(gen) % 7 - 3;  // a few units off: at or past an end
        if (small(gen) == 0 && chance(50)) {
            u = u % 4'096 * (std::int64_t{1} << 40);  // beyond the % fast path's bound
        }
        if (small(gen) == 1 && chance(50)) u = (std::int64_t{1} << 59) + u;  // at the bound
        if (small(gen) == 0 && chance(2)) u = INT64_MAX - small(gen);        // sums overflow
        return bmm::decimal::from_units(u, k);
    };
    std::vector<bmm::published_row> rows;
    auto row = [&](int level, std::int64_t b, std::int64_t f, std::int64_t prev) {
        bmm::published_row r;
        r.name = level == 0 ? "line" : "total";
        r.level = level;
        if (chance(3)) b = (small(gen) % 3 - 1) * 300;  // a budget at or near zero
        r.budget = figure(b);
        if (!chance(20)) r.forecast = figure(f + (chance(5) ? small(gen) * 1000 : 0));
        if (!chance(20) || !r.forecast) {
            r.variance = figure(f - b + (chance(5) ? small(gen) * 1000 : 0));
        }
        if (!chance(10) && b != 0) {
            // The % at 1 dp from the exact figures, sometimes negated or moved.
            const auto pct = bmm::ratio(f - b, b < 0 ? -b : b).percent(1, print);
            r.variance_pct =
                chance(10) ? -pct : (chance(5) ? pct + bmm::decimal::parse("0.3") : pct);
        }
        if (previous && !chance(3)) r.previous_variance = figure(prev);
        if (change && !chance(3)) r.change = figure(f - b - prev + (chance(5) ? 7'000 : 0));
        rows.push_back(r);
    };
    struct sums {
        std::int64_t b = 0, f = 0, p = 0;
    };
    sums grand;
    const int groups = 1 + small(gen) % 3;
    for (int g = 0; g < groups; ++g) {
        sums sub;
        for (int n = lines(gen); n > 0; --n) {
            const std::int64_t b = exact(gen), f = b + exact(gen) / 10, prev = exact(gen) / 20;
            row(0, b, f, prev);
            sub.b += b;
            sub.f += f;
            sub.p += prev;
        }
        row(1, sub.b + (chance(5) ? 3'000 : 0), sub.f, sub.p);
        grand.b += sub.b;
        grand.f += sub.f;
        grand.p += sub.p;
    }
    row(2, grand.b, grand.f, grand.p);
    return rows;
}

/// The audit with every cell by exact ratios alone, or its error message.
struct audited {
    std::vector<bmm::finding> findings;
    std::size_t cells = 0;
    std::string error;
};
audited audit_with(const std::vector<bmm::published_row>& rows, const bmm::table_audit_options& o,
                   bool general_only) {
    audited out;
    try {
        auto a = general_only ? bmm::detail::table_audit_access::general_only(o)
                              : bmm::budget_table_audit(o);
        for (const auto& r : rows) a.add(r);
        out.findings = a.result().stored();
        out.cells = a.result().cells_checked();
    } catch (const bmm::error& e) {
        out.error = e.what();
    }
    return out;
}
}  // namespace

TEST_CASE(
    "property: the integer fast path finds exactly what exact ratios find, in every mode and "
    "basis (30,000 tables)") {
    // An implementation property: the fast path (one number of places, figures within its
    // bounds) must give the same findings — row, column, printed, computed, class — the same
    // cells checked and the same errors as the exact ratio path it stands in for.
    constexpr const auto& modes = bmm_test::all_rounding_modes;
    std::mt19937_64 gen(77);
    int different = 0, errors = 0;
    std::array<std::size_t, 6> seen{};
    for (int trial = 0; trial < 30'000; ++trial) {
        bmm::table_audit_options o(bmm::rounding_mode::half_up);
        o.mode = modes[static_cast<std::size_t>(trial) % modes.size()];
        const auto rows = random_table(gen, o.mode);
        o.basis =
            trial % 2 == 0 ? bmm::variance_basis::magnitude : bmm::variance_basis::signed_budget;
        const audited fast = audit_with(rows, o, false), exact = audit_with(rows, o, true);
        // Every member of every finding: where, rule, printed, expected, verdict and what fits.
        const bool same = fast.error == exact.error && fast.cells == exact.cells &&
                          fast.findings == exact.findings;
        for (const auto& f : exact.findings) ++seen[static_cast<std::size_t>(f.verdict)];
        errors += !exact.error.empty();
        if (!same) {
            ++different;
            CAPTURE(trial);
            CAPTURE(fast.error);
            CAPTURE(exact.error);
            CHECK(same);
            if (different > 3) break;
        }
    }
    CHECK(different == 0);
    // Every verdict a table's cell can have came up.
    CHECK(seen[static_cast<std::size_t>(bmm::verdict::rounding)] > 1'000u);
    CHECK(seen[static_cast<std::size_t>(bmm::verdict::sign_convention)] > 100u);
    CHECK(seen[static_cast<std::size_t>(bmm::verdict::error)] > 1'000u);
    CHECK(errors > 100);  // bad tables too: the same error, with the same message
}

TEST_CASE(
    "property: a total of many rows, summed as the audit streams, is judged as audit_sum judges "
    "its members (3,000 tables)") {
    // Totals of up to 80 rows: their members are kept as running sums (integers, or fractions
    // for mixed places and huge figures), not as rows. Each total's budget must be judged as
    // audit_sum judges the printed members, on both the fast and the exact path.
    std::mt19937_64 gen(1313);
    std::uniform_int_distribution<int> count(1, 80), small(0, 99), places(0, 3);
    std::size_t findings = 0, overflows = 0, mismatches = 0;
    for (int trial = 0; trial < 3'000; ++trial) {
        const auto mode = bmm_test::all_rounding_modes[static_cast<std::size_t>(trial) % 7];
        const bool mixed = small(gen) < 30, huge = small(gen) < 5;
        const int p = places(gen);
        auto figure = [&](std::int64_t thousandths) {
            const int k = mixed && small(gen) < 30 ? places(gen) : p;
            std::int64_t u = bmm::ratio(thousandths, 1000).round(k, mode).units();
            if (huge && small(gen) < 20) u = (std::int64_t{1} << 60) + u;  // beyond fast_bound
            return bmm::decimal::from_units(u, k);
        };
        std::vector<bmm::published_row> rows;
        std::vector<bmm::decimal> subtotals;
        struct expected {
            std::size_t row;
            std::optional<bmm::verdict> what;
            bool overflow;
        };
        std::vector<expected> want;
        auto total = [&](int level, const std::vector<bmm::decimal>& parts, std::int64_t exact) {
            bmm::published_row t;
            t.name = "total";
            t.level = level;
            t.budget = figure(exact + (small(gen) < 10 ? small(gen) * 10 : 0));
            expected e{rows.size(), std::nullopt, false};
            try {
                const bmm::findings f = bmm::audit_sum(*t.budget, parts, mode);
                if (!f.stored().empty()) e.what = f.stored().front().verdict;
            } catch (const bmm::overflow_error&) {
                e.overflow = true;
            }
            want.push_back(e);
            rows.push_back(t);
            return *t.budget;
        };
        std::int64_t grand = 0;
        for (int g = 1 + small(gen) % 3; g > 0; --g) {
            std::vector<bmm::decimal> parts;
            std::int64_t sum = 0;
            for (int n = count(gen); n > 0; --n) {
                const std::int64_t x =
                    std::uniform_int_distribution<std::int64_t>(-2'000'000, 9'000'000)(gen);
                bmm::published_row r;
                r.name = "line";
                r.budget = figure(x);
                parts.push_back(*r.budget);
                rows.push_back(r);
                sum += x;
            }
            subtotals.push_back(total(1, parts, sum));
            grand += sum;
        }
        total(2, subtotals, grand);
        for (const bool general : {false, true}) {
            const bmm::table_audit_options o(mode);
            const audited a = audit_with(rows, o, general);
            // The first overflow ends the audit with an overflow_error naming that row (and no
            // report); without one, every total's finding is audit_sum's.
            bool ok = true;
            const auto first_overflow = std::find_if(want.begin(), want.end(),
                                                     [](const expected& e) { return e.overflow; });
            if (!a.error.empty() || first_overflow != want.end()) {
                ok = first_overflow != want.end() &&
                     a.error.find("row " + std::to_string(first_overflow->row + 1) + ",") !=
                         std::string::npos;
                overflows += ok;
            } else {
                std::size_t k = 0;
                for (const expected& e : want) {
                    auto row_of = [&a](std::size_t i) { return *a.findings[i].where.row_index; };
                    while (k < a.findings.size() && row_of(k) < e.row) ++k;
                    const bool found = k < a.findings.size() && row_of(k) == e.row;
                    ok = ok && found == e.what.has_value() &&
                         (!found || a.findings[k].verdict == *e.what);
                    findings += found;
                }
            }
            if (!ok) {
                ++mismatches;
                CAPTURE(trial);
                CAPTURE(general);
                CAPTURE(a.error);
                CHECK(ok);
            }
        }
        if (mismatches > 3) break;
    }
    CHECK(mismatches == 0);
    CHECK(findings > 500);  // totals that do not add up came up
    CHECK(overflows > 10);  // and sums beyond a ratio
}

TEST_CASE(
    "a total of many rows names the first of them that neither prints nor lets be derived a "
    "figure it prints") {
    // Rows 1-20 and 22-40 print a forecast, row 21 neither a forecast nor a variance: the total
    // printing a forecast is an invalid_argument naming row 21, however many rows are summed.
    std::vector<bmm::published_row> rows;
    for (int i = 1; i <= 40; ++i) {
        rows.push_back(i == 21 ? row("Odd one", 0, "1.0", "", "", "")
                               : row("Line", 0, "1.0", "1.0", "", ""));
    }
    rows.push_back(row("Total", 1, "40.0", "40.0", "", ""));
    CHECK_THROWS_WITH_AS((void)bmm::audit_budget_table(rows, half_up),
                         "bmm: row 41, \"Total\", is a total printing a forecast that row 21, "
                         "\"Odd one\" neither prints nor lets be derived",
                         bmm::invalid_argument);
    rows[20] = row("Odd one", 0, "1.0", "1.0", "", "");
    CHECK(bmm::audit_budget_table(rows, half_up).stored().empty());
}

TEST_CASE("budget_table_audit audits row by row what audit_budget_table audits of the whole") {
    const auto rows = seed003_overall();
    const auto whole = bmm::audit_budget_table(rows, half_up);
    bmm::budget_table_audit audit(half_up);
    std::size_t added = 0;
    for (const auto& r : rows) added += audit.add(r);
    CHECK(audit.rows() == rows.size());
    CHECK(added == whole.size());
    const auto report = audit.take_result();
    CHECK(report == whole);
    CHECK(audit.result().empty());  // taken
    CHECK(audit.result().cells_checked() == 0);
}

TEST_CASE("published rows and findings are equal when every member is, figures by value") {
    const auto a = row("Resources", 0, "69.7", "71.3", "1.6", "2.3");
    auto b = a;
    CHECK(a == b);
    b.variance_pct = d("2.30");  // the same figure to more places
    CHECK(a == b);
    b.source_line = 7;
    CHECK(a != b);
    b = a;
    b.change = d("0.0");  // printed where a prints nothing
    CHECK(a != b);
    b = a;
    b.name = "Resources ";
    CHECK(a != b);
    const auto found = bmm::audit_budget_table(seed003_overall(), half_up);
    bmm::finding g = found[1];
    CHECK(found[1] == g);
    g.verdict = bmm::verdict::rounding;
    CHECK(found[1] != g);
    g = found[1];
    g.where.column = "variance";
    CHECK(found[1] != g);
    g = found[1];
    g.expected = "-26.5";
    CHECK(found[1] != g);
}

TEST_CASE("a streamed audit is a value: a copy taken midway goes on to the same findings") {
    static_assert(std::is_copy_constructible_v<bmm::budget_table_audit>);
    const auto rows = seed003_overall();
    bmm::budget_table_audit audit(half_up);
    const std::size_t half = rows.size() / 2;
    for (std::size_t k = 0; k < half; ++k) audit.add(rows[k]);
    bmm::budget_table_audit copy = audit;  // with rows pending their totals
    for (std::size_t k = half; k < rows.size(); ++k) {
        audit.add(rows[k]);
        copy.add(rows[k]);
    }
    const auto whole = bmm::audit_budget_table(rows, half_up);
    REQUIRE(copy.result().stored().size() == whole.size());
    CHECK(audit.result().stored().size() == whole.size());
    CHECK(copy.result() == whole);
    CHECK(audit.result() == whole);
}

TEST_CASE("a row the streamed audit rejects leaves the audit as it was before the row") {
    // A total whose member lacks the printed column: rejected (the findings of its own cells
    // checked so far are dropped), and the audit goes on as if it had not been added.
    auto a = row("A", 0, "1.0", "", "", "");  // a budget only
    auto b = row("B", 0, "2.0", "2.0", "0.0", "0.0");
    auto bad = row("Total", 1, "3.5", "3.1", "", "");  // its budget is wrong; A has no forecast
    auto good = row("Total", 1, "3.0", "", "", "");
    bmm::budget_table_audit audit(half_up);
    audit.add(a);
    audit.add(b);
    CHECK(audit.result().cells_checked() == 2);  // B's variance and variance %
    try {
        audit.add(bad);
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(std::string(e.what()).find("row 3, \"Total\", is a total printing a forecast that "
                                         "row 1, \"A\" neither prints") != std::string::npos);
    }
    CHECK(audit.rows() == 2);
    CHECK(audit.result().empty());               // the bad total's budget finding is dropped
    CHECK(audit.result().cells_checked() == 2);  // and its cells
    audit.add(good);
    const auto whole = bmm::audit_budget_table({a, b, good}, half_up);
    CHECK(audit.result().cells_checked() == whole.cells_checked());
    CHECK(audit.result().stored().size() == whole.size());
}

TEST_CASE(
    "store_rounding = false counts the rounding findings, stores only the others, and changes no "
    "count") {
    auto rows = seed003_overall();
    rows[5].forecast = d("71.4");  // two rounding findings, as above
    bmm::table_audit_options counted(bmm::rounding_mode::half_up);
    counted.store_rounding = false;
    const auto all = bmm::audit_budget_table(rows, half_up);
    const auto some = bmm::audit_budget_table(rows, counted);
    CHECK(all.count(bmm::verdict::rounding) == 2);
    CHECK(some.count(bmm::verdict::rounding) == 2);
    CHECK(some.size() + 2 == all.size());  // counted, not stored
    CHECK(some.errors() == all.errors());
    CHECK(some.count(bmm::verdict::sign_convention) == all.count(bmm::verdict::sign_convention));
    CHECK(some.cells_checked() == all.cells_checked());
    CHECK(some.size() == all.size() - 2);
    for (const auto& f : some.stored()) CHECK(f.verdict != bmm::verdict::rounding);
}
