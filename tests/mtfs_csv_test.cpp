// Spec for bmm/io/mtfs_csv.hpp: a plan and its scenarios read from one strict CSV file; every
// bad cell, row or column is a mtfs_csv_error at FILE:LINE:COLUMN, never a default.
#include <bmm/io/mtfs_csv.hpp>
// (the header under test first)
#include <doctest/doctest.h>

#include <string>

#include "support/spec.hpp"

namespace {
using C = bmm::currency::gbp;
using bmm::gbp;
using fy = bmm::fiscal_year<>;
gbp m(const char* s) { return gbp::from_millions(s); }
bmm::ratio r(const char* s) { return bmm::ratio::parse(s); }

const std::string header =
    "section,scenario,name,service,reserve,status,duration,base,2024/25,2025/26\n";
const std::string good_rows =
    "setting,,amounts,,,,,£m,,\n"                          // line 2
    "setting,,savings_policy,,,,,amber_weighted 50%,,\n"   // 3
    "setting,,dsg_override_ends,,,,,2026-03-31,,\n"        // 4
    "pay,,Adults,,,,,60.0,,\n"                             // 5
    "non_pay,,Adults,,,,,166.9,,\n"                        // 6
    "pay,,Children,,,,,50,,\n"                             // 7
    "non_pay,,Children,,,,,119.3,,\n"                      // 8
    "pay_award,,,,,,,,4.5%,3%\n"                           // 9
    "pay_award,Pay +1%,,,,,,,5.5%,4%\n"                    // 10
    "inflation,,,,,,,,3.5%,2%\n"                           // 11
    "demand_growth,,Adults,,,,,,2%,2%\n"                   // 12
    "saving,,Review,Adults,,amber,ongoing,,3.0,\n"         // 13
    "saving,,Fees,,,green,one_off,,,0.5\n"                 // 14
    "change,,Elections,,,,one_off,,0.9,\n"                 // 15
    "council_tax,,,,,,,300,,\n"                            // 16
    "council_tax_base_growth,,,,,,,,1%,1%\n"               // 17
    "council_tax_increase,,,,,,,,4.99%,2.99%\n"            // 18
    "referendum_limit,,,,,,,,4.99%,2.99%\n"                // 19
    "funding_growth,,Business rates,,,,,80,2%,2%\n"        // 20
    "funding,,Grants,,,,,41.5,43.0,40.0\n"                 // 21
    "reserve,,General balances,,,general,,30.2,,\n"        // 22
    "reserve,,Public Health,,,ring_fenced,,4.2,,\n"        // 23
    "reserve_movement,,Use,,Public Health,,,,-1.1,-0.7\n"  // 24
    "gap_draw,,General balances,,,,,,,\n"                  // 25
    "risk_assessed_level,,,,,,,,30.2,31\n"                 // 26
    "dsg,,,,,,,59.4,18.3,18.3\n"                           // 27
    "reserves_history,,2022/23,,,,,52.4,,\n";              // 28

constexpr std::size_t row_level = static_cast<std::size_t>(-1);
enum field : std::size_t {
    section,
    scenario,
    name,
    service,
    reserve,
    status,
    duration,
    base,
    year1,
    year2
};

/// The error of reading `text`, which must fail.
bmm::mtfs_csv_error error_of(const std::string& text) {
    try {
        (void)bmm::read_mtfs_csv<C>(text, "plan.csv");
    } catch (const bmm::mtfs_csv_error& e) {
        return e;
    }
    FAIL("read without an error:\n" << text);
    return bmm::mtfs_csv_error("", 0, 0, "", "", "");
}

/// good_rows with line `n` (2-based, as in the file) replaced by `row` (without its newline).
std::string with_line(std::size_t n, const std::string& row) {
    std::string text = header + good_rows;
    std::size_t start = 0;
    for (std::size_t l = 1; l < n; ++l) start = text.find('\n', start) + 1;
    const std::size_t end = text.find('\n', start);
    return text.substr(0, start) + row + text.substr(end);
}

/// The 1-based column (in characters) where field `field` of line `line` of `text` starts: the
/// place an error about that cell must name (rows here have no quoted commas).
std::size_t column_of(const std::string& text, std::size_t line, std::size_t field) {
    std::size_t start = 0;
    for (std::size_t l = 1; l < line; ++l) start = text.find('\n', start) + 1;
    std::size_t column = 1;
    for (std::size_t i = start; field > 0; ++i) {
        if (text[i] == ',') --field;
        if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) ++column;  // UTF-8
    }
    return column;
}

/// Reading `text` fails at `line`, in field `field` (or column 1 of the line for a whole row,
/// field = npos), saying `why`.
void located(const std::string& text, std::size_t line, std::size_t field, const char* why) {
    const auto e = error_of(text);
    INFO(std::string(e.what()));
    CHECK(e.file() == "plan.csv");
    CHECK(e.line() == line);
    CHECK(e.column() == (field == row_level ? 1 : column_of(text, line, field)));
    CHECK(std::string(e.what()).find(why) != std::string::npos);
    CHECK(std::string(e.what()).find(e.where()) != std::string::npos);
}
}  // namespace

TEST_CASE("a plan with its scenarios reads from one CSV file") {
    const auto f = bmm::read_mtfs_csv<C>(header + good_rows, "plan.csv");
    const auto& p = f.plan;
    CHECK(p.base_year == fy{2023});
    CHECK(p.years == 2);
    REQUIRE(p.services.size() == 2);
    CHECK(p.services[0].name == "Adults");
    CHECK(p.services[0].pay == m("60"));
    CHECK(p.services[1].non_pay == m("119.3"));
    CHECK(p.pay_award == std::vector<bmm::ratio>{r("4.5%"), r("3%")});
    CHECK(p.demand_growth.size() == 1);
    REQUIRE(p.savings.size() == 2);
    CHECK(p.savings[0].status == bmm::savings_status::amber);
    CHECK(p.savings[1].service.empty());  // corporate
    CHECK(p.savings[1].year == fy{2025});
    CHECK(p.savings[1].duration == bmm::item_duration::one_off);
    CHECK(p.changes[0].amount == m("0.9"));
    REQUIRE(p.council_tax.has_value());
    CHECK(p.council_tax->increase[0] == r("4.99%"));
    REQUIRE(p.funding.size() == 2);
    CHECK(p.funding[0].steps[0].rate() == r("2%"));
    CHECK(p.funding[1].steps[1].amount() == m("40.0"));
    CHECK(p.reserves[1].kind == bmm::reserve_kind::ring_fenced);
    CHECK(p.reserves[1].movements.size() == 2);
    CHECK(p.gap_draw_order == std::vector<std::string>{"General balances"});
    CHECK(p.risk_assessed_level[1] == m("31"));
    CHECK(p.dsg->override_ends == date::year{2026} / date::March / 31);
    CHECK(p.reserves_history == std::vector<gbp>{m("52.4")});
    CHECK(f.policy == bmm::savings_policy::amber_weighted(bmm::ratio(1, 2)));
    REQUIRE(f.scenarios.size() == 1);
    CHECK(f.scenarios[0].name == "Pay +1%");
    CHECK(f.scenarios[0].plan.pay_award == std::vector<bmm::ratio>{r("5.5%"), r("4%")});
    CHECK(f.scenarios[0].plan.inflation == p.inflation);
    // It projects.
    const auto x = bmm::project(p, *f.policy);
    CHECK(x.years() == 2);
}

TEST_CASE("amounts are read in the unit the file names, exactly") {
    const std::string thousands = with_line(2, "setting,,amounts,,,,,£000,,");
    const auto f = bmm::read_mtfs_csv<C>(thousands, "plan.csv");
    CHECK(f.plan.services[0].pay == gbp::from_thousands("60.0"));
    located(with_line(2, "setting,,amounts,,,,,£bn,,"), 2, base, "amounts are in");
    located(with_line(5, "pay,,Adults,,,,,60.000000001,,"), 5, base,
            "finer than the GBP minor unit");
}

TEST_CASE("malformed CSV is located in the file") {
    located(header + "pay,,\"Adults,,,,,60,,\n", 2, name, "quoted field is not closed");
    located("", 1, row_level, "no header row");
}

TEST_CASE("every column must be known, once, and the years consecutive") {
    located("section,name,base,colour,2024/25\n", 1, 3, "an unknown column");
    located("section,name,base,name,2024/25\n", 1, 3, "the column is given twice");
    located("section,name,base,2024/25,2026/27\n", 1, 4, "consecutive fiscal years");
    located("section,name,base,2024/25,status\n", 1, 4, "after every other column");
    located("section,name,2024/25\n", 1, row_level, "no \"base\" column");
    located("section,name,base\n", 1, row_level, "no fiscal year columns");
}

TEST_CASE("a row must have its section, its cells in the right places and none repeated") {
    located(with_line(5, "pay,,Adults,,,,,60.0,"), 5, year1,
            "the row has 9 cells; the header has 10");
    located(with_line(5, ",,Adults,,,,,60.0,,"), 5, section, "the section is blank");
    located(with_line(5, "payroll,,Adults,,,,,60.0,,"), 5, section, "an unknown section");
    located(with_line(5, "pay,,Adults,,,,,,,"), 5, base,
            "a pay row needs a base: the cell is blank");
    located(with_line(5, "pay,,Adults,,,,,60.0,1,"), 5, year1, "has no figures by year");
    located(with_line(5, "pay,,Adults,Adults,,,,60.0,,"), 5, service, "a pay row has no service");
    located(with_line(9, "pay_award,,,,,,,,4.5%,"), 9, year2, "2025/26 is blank");
    located(with_line(9, "pay_award,,,,,,,,4.5%,3 %%"), 9, year2, "as a ratio");
    located(with_line(13, "saving,,Review,Adults,,amber,,,3.0,"), 13, duration,
            "a saving row needs a duration");
    located(with_line(13, "saving,,Review,Adults,,amber,ongoing,,,"), 13, row_level,
            "an amount in at least one year");
    located(with_line(13, "saving,,Review,Adults,,purple,ongoing,,3.0,"), 13, status,
            "a delivery status");
    located(with_line(13, "saving,,Review,Adults,,amber,ongoing,,-3.0,"), 13, year1,
            "a positive amount");
    located(with_line(13, "saving,,Review,Adult,,amber,ongoing,,3.0,"), 13, service,
            "no service of the plan is called \"Adult\"");
    located(with_line(15, "change,,Elections,,,,sometimes,,0.9,"), 15, duration,
            "expected ongoing or one_off");
    // The same row twice: at the second, naming the first.
    located(with_line(6, "pay,,Adults,,,,,61.0,,"), 6, row_level, "the row repeats line 5");
    located(with_line(10, "pay_award,,,,,,,,5.5%,4%"), 10, row_level, "the row repeats line 9");
}

TEST_CASE("a missing input is a located error, never a default") {
    located(with_line(6, "pay,,Others,,,,,1,,"), 5, row_level, "has a pay row but no non_pay row");
    located(with_line(2, "setting,,other,,,,,x,,"), 2, name, "an unknown setting");
    std::string no_unit = header + good_rows;
    no_unit.erase(no_unit.find("setting,,amounts"),
                  std::string("setting,,amounts,,,,,£m,,\n").size());
    const auto e = error_of(no_unit);
    CHECK(std::string(e.what()).find("sets no unit for amounts") != std::string::npos);
    located(with_line(11, "demand_growth,,Children,,,,,,1%,1%"), 1, row_level, "no inflation row");
    located(with_line(18, "funding,,Extra,,,,,1,1,1"), 16, row_level,
            "no council_tax_increase row");
    located(with_line(4, "setting,,dsg_override_ends,,,,,31/03/2026,,"), 4, base, "YYYY-MM-DD");
    std::string no_date = with_line(4, "setting,,savings_policy,,,,,green_only,,");
    located(no_date, 4, row_level, "the row repeats line 3");
    located(with_line(24, "reserve_movement,,Use,,Public Heath,,,,-1.1,-0.7"), 24, reserve,
            "no reserve row is called \"Public Heath\"");
    located(with_line(25, "gap_draw,,Public Health,,,,,,,"), 25, name, "ring-fenced");
    located(with_line(28, "reserves_history,,2023/24,,,,,52.4,,"), 28, name,
            "before the base year");
}

TEST_CASE("a dsg row needs the override's end, and settings are known") {
    located(with_line(3, "setting,,savings_policy2,,,,,x,,"), 3, name, "an unknown setting");
    located(with_line(3, "setting,,savings_policy,,,,,half,,"), 3, base, "a savings policy");
    std::string text = header + good_rows;
    text.erase(text.find("setting,,dsg_override_ends"),
               std::string("setting,,dsg_override_ends,,,,,2026-03-31,,\n").size());
    located(text, 26, row_level, "needs the setting dsg_override_ends");
}

TEST_CASE("scenarios replace rates and amounts only, of rows the base plan has") {
    located(with_line(10, "pay,Pay +1%,Adults,,,,,61.0,,"), 10, scenario,
            "a scenario cannot change a pay row");
    located(with_line(10, "funding,Pay +1%,Levy,,,,,1,1,1"), 10, row_level,
            "changes a funding row the base plan does not have");
}

TEST_CASE("a council tax increase above the referendum limit is located at its cell") {
    located(with_line(18, "council_tax_increase,,,,,,,,4.99%,3.5%"), 18, year2,
            "the council tax increase of 3.5% in 2025/26 exceeds the referendum limit of 2.99%");
    const std::string scenario =
        header + good_rows + "council_tax_increase,Tax up,,,,,,,4.99%,4.99%\n";
    located(scenario, 29, year2, "(scenario \"Tax up\")");
}

TEST_CASE("a file that cannot be read names its path") {
    try {
        (void)bmm::load_mtfs_csv<C>("/nonexistent/plan.csv");
        FAIL("read");
    } catch (const bmm::mtfs_csv_error& e) {
        CHECK(e.where() == "/nonexistent/plan.csv");
        CHECK(std::string(e.what()).find("cannot be opened") != std::string::npos);
    }
}
