// Spec: every public parser refuses malformed input with a typed error that names it.
//
// A council's figures arrive from spreadsheets: blank cells, "n/a", thousands separators in odd
// places ("£493,032,40", seed 002's Annex A), months that do not exist ("13/2023", "M13"), a
// second year that does not follow the first ("2023/25"). For every public function that reads
// text, each row below gives at least three such inputs and asserts both the exception type and
// that what() quotes the offending input (and input() is it); the try_ twin, where there is one,
// returns std::nullopt for the same inputs. Inputs that look odd but are well formed (negative
// zero, a percentage over 100) are read, and the last test says what they read as.
#include <doctest/doctest.h>

#include <bmm/csv.hpp>
#include <bmm/decimal.hpp>
#include <bmm/error.hpp>
#include <bmm/format.hpp>
#include <bmm/io/published_table.hpp>
#include <bmm/measure.hpp>
#include <bmm/money.hpp>
#include <bmm/period.hpp>
#include <bmm/ratio.hpp>
#include <bmm/risk.hpp>
#include <bmm/status.hpp>
#include <bmm/target.hpp>
#include <initializer_list>
#include <string>
#include <string_view>

#include "support/spec.hpp"

using bmm::rounding_mode;

namespace {

const char* const pound = "\xC2\xA3";

std::string quoted(std::string_view s) { return '"' + std::string(s) + '"'; }

/// Every text in `bad` makes `parse` throw E, whose what() quotes the text and whose input() is
/// the text.
template <class E, class F>
void refuses(F parse, std::initializer_list<std::string> bad) {
    for (const std::string& text : bad) {
        CAPTURE(text);
        const std::string q = quoted(text);
        CHECK_THROWS_WITH_AS((void)parse(text), doctest::Contains(q.c_str()), E);
        try {
            (void)parse(text);
        } catch (const bmm::error& e) {
            CHECK(e.input() == text);
        }
    }
}

/// Every text in `bad` makes the try_ form say nothing.
template <class F>
void says_nothing(F try_parse, std::initializer_list<std::string> bad) {
    for (const std::string& text : bad) {
        CAPTURE(text);
        CHECK_FALSE(try_parse(text).has_value());
    }
}

/// The odd spreadsheet cells that no number parser accepts.
#define BMM_ODD_CELLS "", "   ", "n/a", "N/A", "-", std::string(pound) + "493,032,40"

}  // namespace

TEST_SUITE("malformed input") {
    TEST_CASE("money text that is not an amount is a parse_error naming it") {
        auto parse = [](const std::string& s) { return bmm::gbp::parse(s); };
        refuses<bmm::parse_error>(
            parse, {BMM_ODD_CELLS, "1.2.3", "12a", ".5", "5.", "1,23", "--5", "1 000", "(5)",
                    "13/2023", "2023/25", pound, std::string(pound) + pound + "5", "5%", "1e5"});
        says_nothing([](const std::string& s) { return bmm::gbp::try_parse(s); },
                     {BMM_ODD_CELLS, "1.2.3", "(5)", "13/2023", "2023/25", "5%"});
    }

    TEST_CASE("money finer than a penny is an inexact_error and beyond int64 an overflow_error") {
        auto parse = [](const std::string& s) { return bmm::gbp::parse(s); };
        refuses<bmm::inexact_error>(parse, {"0.005", "-0.001", "1.234", "0.0000001"});
        refuses<bmm::overflow_error>(parse, {"92233720368547758.08", "-92233720368547758.09",
                                             "99999999999999999999", "1,000,000,000,000,000,000"});
        says_nothing([](const std::string& s) { return bmm::gbp::try_parse(s); },
                     {"0.005", "1.234", "92233720368547758.08", "99999999999999999999"});
    }

    TEST_CASE("money read with a rounding mode refuses the same text but never as inexact") {
        for (auto mode : {rounding_mode::half_up, rounding_mode::half_even, rounding_mode::floor}) {
            CAPTURE(bmm::to_string(mode));
            auto parse = [mode](const std::string& s) { return bmm::gbp::parse(s, mode); };
            refuses<bmm::parse_error>(parse, {BMM_ODD_CELLS, "1.2.3", "1,23", "13/2023"});
            refuses<bmm::overflow_error>(parse, {"92233720368547758.08", "99999999999999999999.5"});
            CHECK_NOTHROW((void)parse("0.005"));
        }
        // Rounding can itself carry a figure out of range.
        refuses<bmm::overflow_error>(
            [](const std::string& s) { return bmm::gbp::parse(s, rounding_mode::half_up); },
            {"92233720368547758.075"});
    }

    TEST_CASE("figures in thousands and millions refuse malformed text naming it") {
        auto thousands = [](const std::string& s) { return bmm::gbp::from_thousands(s); };
        auto millions = [](const std::string& s) { return bmm::gbp::from_millions(s); };
        refuses<bmm::parse_error>(thousands, {BMM_ODD_CELLS, "1,7622", "1.762k", "(1,762)"});
        refuses<bmm::parse_error>(millions, {BMM_ODD_CELLS, "5.3m", "1.2.3", "(5.3)"});
        refuses<bmm::inexact_error>(thousands, {"0.000001", "1.234567"});
        refuses<bmm::inexact_error>(millions, {"0.000000001", "1.2345678912"});
        refuses<bmm::overflow_error>(thousands, {"92233720368548", "-92233720368548"});
        refuses<bmm::overflow_error>(millions, {"100000000000", "-92233720368.548"});
        CHECK_THROWS_WITH_AS((void)bmm::gbp::from_thousands("n/a"),
                             doctest::Contains("an amount in thousands"), bmm::parse_error);
        CHECK_THROWS_WITH_AS((void)bmm::gbp::from_millions("n/a"),
                             doctest::Contains("an amount in millions"), bmm::parse_error);
    }

    TEST_CASE("figures in thousands and millions with a rounding mode refuse the same text") {
        auto thousands = [](const std::string& s) {
            return bmm::gbp::from_thousands(s, rounding_mode::half_even);
        };
        auto millions = [](const std::string& s) {
            return bmm::gbp::from_millions(s, rounding_mode::half_even);
        };
        refuses<bmm::parse_error>(thousands, {BMM_ODD_CELLS, "1,7622", "1.762k"});
        refuses<bmm::parse_error>(millions, {BMM_ODD_CELLS, "5.3m", "1.2.3"});
        refuses<bmm::overflow_error>(thousands,
                                     {"92233720368548", "-92233720368548", "99999999999999999"});
        refuses<bmm::overflow_error>(millions,
                                     {"100000000000", "92233720368.548", "-99999999999999"});
    }

    TEST_CASE("other currencies refuse text in their own terms") {
        refuses<bmm::parse_error>([](const std::string& s) { return bmm::eur::parse(s); },
                                  {"", "n/a", std::string(pound) + "5", "$5"});
        refuses<bmm::parse_error>([](const std::string& s) { return bmm::usd::parse(s); },
                                  {"", "$$5", std::string(pound) + "5"});
        refuses<bmm::inexact_error>([](const std::string& s) { return bmm::jpy::parse(s); },
                                    {"1.5", "0.1", "1,500.01"});
        refuses<bmm::overflow_error>([](const std::string& s) { return bmm::jpy::parse(s); },
                                     {"9223372036854775808", "-9223372036854775809"});
    }

    TEST_CASE("decimal text that is not a number is a parse_error naming it") {
        auto parse = [](const std::string& s) { return bmm::decimal::parse(s); };
        refuses<bmm::parse_error>(parse,
                                  {BMM_ODD_CELLS, "1,2", "1e5", "--1", "0x10", "12%", "13/2023"});
        refuses<bmm::overflow_error>(
            parse, {"9223372036854775808", "0.0000000000000000001", "-9223372036854775809"});
        says_nothing([](const std::string& s) { return bmm::decimal::try_parse(s); },
                     {BMM_ODD_CELLS, "1,2", "12%", "9223372036854775808", "0.0000000000000000001"});
    }

    TEST_CASE("ratio text that is not a rate is a parse_error naming it") {
        auto parse = [](const std::string& s) { return bmm::ratio::parse(s); };
        refuses<bmm::parse_error>(
            parse, {BMM_ODD_CELLS, "%", "1//2", "1/0", "2.5%%", "1/x", "12 %%", "50% of budget"});
        refuses<bmm::overflow_error>(
            parse, {"99999999999999999999", "1/99999999999999999999", "0.00000000000000000001%"});
        says_nothing([](const std::string& s) { return bmm::ratio::try_parse(s); },
                     {BMM_ODD_CELLS, "%", "1/0", "2.5%%", "99999999999999999999"});
    }

    TEST_CASE("a percentage figure that is not a decimal is a parse_error naming it") {
        auto parse = [](const std::string& s) { return bmm::ratio::from_percent(s); };
        refuses<bmm::parse_error>(parse, {BMM_ODD_CELLS, "2.5%", "1/2", "12 %", "--3"});
        refuses<bmm::overflow_error>(
            parse, {"99999999999999999999", " 99999999999999999999 ", "0.000000000000000000001"});
    }

    TEST_CASE("fiscal year labels that name no fiscal year are parse_errors naming them") {
        refuses<bmm::parse_error>([](const std::string& s) { return bmm::fiscal_year<>::parse(s); },
                                  {BMM_ODD_CELLS, "2023/25", "13/2023", "2023", "FY", "2023/24/25",
                                   "2023\xE2\x80\x93"
                                   "24"});
        says_nothing([](const std::string& s) { return bmm::fiscal_year<>::try_parse(s); },
                     {BMM_ODD_CELLS, "2023/25", "13/2023", "2023"});
        // A January-start year is one calendar year: "2023/24" names none.
        refuses<bmm::parse_error>(
            [](const std::string& s) { return bmm::fiscal_year<1>::parse(s); },
            {BMM_ODD_CELLS, "2023/24", "2023/2024", "13/2023", "20233", "FY"});
        says_nothing([](const std::string& s) { return bmm::fiscal_year<1>::try_parse(s); },
                     {BMM_ODD_CELLS, "2023/24", "13/2023", "20233"});
        refuses<bmm::parse_error>(
            [](const std::string& s) { return bmm::fiscal_year<7>::parse(s); },
            {BMM_ODD_CELLS, "2023/25", "13/2023", "2023"});
        says_nothing([](const std::string& s) { return bmm::fiscal_year<7>::try_parse(s); },
                     {"2023/25", "13/2023", "2023"});
    }

    TEST_CASE("fiscal month labels of months that do not exist are parse_errors naming them") {
        refuses<bmm::parse_error>(
            [](const std::string& s) { return bmm::fiscal_month<>::parse(s); },
            {BMM_ODD_CELLS, "M13 2023/24", "M0 2023/24", "13/2023", "M3 2023/25", "M3",
             "3 2023/24"});
        says_nothing([](const std::string& s) { return bmm::fiscal_month<>::try_parse(s); },
                     {BMM_ODD_CELLS, "M13 2023/24", "13/2023", "M3 2023/25"});
        refuses<bmm::parse_error>(
            [](const std::string& s) { return bmm::fiscal_month<1>::parse(s); },
            {BMM_ODD_CELLS, "M3 2023/24", "M13 2023", "M3", "13/2023"});
        says_nothing([](const std::string& s) { return bmm::fiscal_month<1>::try_parse(s); },
                     {"M3 2023/24", "M13 2023", "M3"});
        refuses<bmm::parse_error>(
            [](const std::string& s) { return bmm::fiscal_month<7>::parse(s); },
            {BMM_ODD_CELLS, "M3 2023/25", "M13 2023/24", "M12"});
        says_nothing([](const std::string& s) { return bmm::fiscal_month<7>::try_parse(s); },
                     {"M3 2023/25", "M13 2023/24", "M12"});
    }

    TEST_CASE("fiscal quarter labels of quarters that do not exist are parse_errors naming them") {
        refuses<bmm::parse_error>(
            [](const std::string& s) { return bmm::fiscal_quarter<>::parse(s); },
            {BMM_ODD_CELLS, "Q5 2023/24", "Q0 2023/24", "Q1 2023/25", "Q1", "2023/24", "13/2023"});
        says_nothing([](const std::string& s) { return bmm::fiscal_quarter<>::try_parse(s); },
                     {BMM_ODD_CELLS, "Q5 2023/24", "Q1 2023/25", "Q1"});
        refuses<bmm::parse_error>(
            [](const std::string& s) { return bmm::fiscal_quarter<1>::parse(s); },
            {BMM_ODD_CELLS, "Q1 2023/24", "Q5 2023", "Q1"});
        says_nothing([](const std::string& s) { return bmm::fiscal_quarter<1>::try_parse(s); },
                     {"Q1 2023/24", "Q5 2023", "Q1"});
        refuses<bmm::parse_error>(
            [](const std::string& s) { return bmm::fiscal_quarter<7>::parse(s); },
            {BMM_ODD_CELLS, "Q1 2023/25", "Q5 2023/24", "2023/24"});
        says_nothing([](const std::string& s) { return bmm::fiscal_quarter<7>::try_parse(s); },
                     {"Q1 2023/25", "Q5 2023/24", "2023/24"});
    }

    TEST_CASE("a frequency that is not one of the report words is a parse_error naming it") {
        refuses<bmm::parse_error>([](const std::string& s) { return bmm::parse_frequency(s); },
                                  {BMM_ODD_CELLS, "mon thly", "fortnightly", "monthly monthly",
                                   "quarter ly", "bi-", "termly"});
    }

    TEST_CASE("a measure id that is not letters, a priority and a number is a parse_error") {
        auto parse = [](const std::string& s) { return bmm::measure_id::parse(s); };
        refuses<bmm::parse_error>(parse,
                                  {BMM_ODD_CELLS, "OCC", "OCC1102", "11.02", "OCC11.", "13/2023"});
        says_nothing([](const std::string& s) { return bmm::measure_id::try_parse(s); },
                     {BMM_ODD_CELLS, "OCC", "OCC1102", "11.02"});
    }

    TEST_CASE("a status that is none of the report's symbols and words is a parse_error") {
        // "n/a" is a status (monitoring only); blank cells and other words are not.
        auto parse = [](const std::string& s) { return bmm::status::parse(s); };
        refuses<bmm::parse_error>(parse, {"", "   ", "Purple", "G/A", "\xE2\x97\x8B", "n/a/r",
                                          "13/2023", "Greenish", "R A G"});
        says_nothing([](const std::string& s) { return bmm::status::try_parse(s); },
                     {"", "   ", "Purple", "G/A", "13/2023"});
    }

    TEST_CASE("a target that is none of the printed forms is a parse_error naming it") {
        // "", "-" and "n/a" are targets: none (monitoring only).
        auto parse = [](const std::string& s) { return bmm::target::parse(s); };
        refuses<bmm::parse_error>(
            parse, {"93-", "95-93%", "60/20", "abc", std::string(pound) + "5%", "12 apples",
                    "> 2.0% of net budget", "1,50,0", std::string(pound) + "493,032,40", "2023/25",
                    "13/2023", ">", "<= n/a"});
        refuses<bmm::overflow_error>(
            parse, {"99999999999999999999%", ">0.0000000000000000001", "1-99999999999999999999"});
    }

    TEST_CASE("a target read against a milestone scale refuses what is neither level nor figure") {
        const bmm::milestone_scale scale{"Delivering to plan", "Slightly behind schedule"};
        auto parse = [&scale](const std::string& s) { return bmm::target::parse(s, scale); };
        refuses<bmm::parse_error>(
            parse, {"Ahead of plan", "Delivering", "abc", "13/2023", "Top quartiles"});
        refuses<bmm::overflow_error>(parse, {"99999999999999999999", "<99999999999999999999%"});
        CHECK(parse(" delivering TO plan ").at() == bmm::position(0));
    }

    TEST_CASE("a milestone label that is not on the scale is a parse_error naming it") {
        const bmm::milestone_scale scale{"Delivering to plan", "Slightly behind schedule"};
        auto find = [&scale](const std::string& s) { return scale.find(s); };
        refuses<bmm::parse_error>(find, {BMM_ODD_CELLS, "Ahead", "Delivering", "Slightly behind"});
        says_nothing([&scale](const std::string& s) { return scale.try_find(s); },
                     {BMM_ODD_CELLS, "Ahead", "Delivering"});
    }

    TEST_CASE("an actual that is not one figure is a parse_error naming it") {
        auto parse = [](const std::string& s) { return bmm::parse_figure(s); };
        refuses<bmm::parse_error>(parse, {BMM_ODD_CELLS, "15%%", "12 apples", "1,2", "93-95%",
                                          "13/2023", std::string(pound) + "5%"});
        refuses<bmm::overflow_error>(parse, {"99999999999999999999", "0.0000000000000000001%",
                                             std::string(pound) + "99,999,999,999,999,999,999"});
    }

    TEST_CASE("a direction of travel that is not an arrow or a word is a parse_error") {
        refuses<bmm::parse_error>([](const std::string& s) { return bmm::parse_risk_travel(s); },
                                  {BMM_ODD_CELLS, "sideways", "\xE2\x86\x97", "up down"});
    }

    TEST_CASE("a figure that does not match its display format is a parse_error naming it") {
        auto whole = [](const std::string& s) {
            return bmm::parse_money<bmm::currency::gbp>(s, bmm::money_format::whole());
        };
        auto millions = [](const std::string& s) {
            return bmm::parse_money<bmm::currency::gbp>(s, bmm::money_format::millions());
        };
        refuses<bmm::parse_error>(whole, {BMM_ODD_CELLS, "(-5)", "1.2.3", "13/2023"});
        refuses<bmm::parse_error>(millions,
                                  {BMM_ODD_CELLS, "5.3", std::string(pound) + "5.3", "(-5.3m)"});
        refuses<bmm::overflow_error>(whole, {"99999999999999999999", "-99999999999999999999",
                                             std::string(pound) + "92,233,720,368,547,759"});
        refuses<bmm::inexact_error>(whole, {"0.001", std::string(pound) + "0.001", "(0.001)"});
        // Named by the whole text, not the number inside it ("0.000000001").
        refuses<bmm::inexact_error>(millions,
                                    {std::string(pound) + "0.000000001m", "(0.000000001m)"});
        refuses<bmm::overflow_error>(millions,
                                     {std::string(pound) + "99,999,999,999m",
                                      std::string("-").append(pound).append("92,233,720,368.6m")});
    }

    TEST_CASE("malformed CSV is a parse_error that quotes the offending field and its line") {
        struct row {
            std::string document;
            std::string field;  // the offending field, as csv_error quotes it
            const char* line;
        };
        for (const row& r : {row{"", "", "line 1"}, row{"a,b\n\"x", "x", "line 2"},
                             row{"a\"b\n", "a\"b", "line 1"}, row{"\"a\"b\n", "\"a\"b", "line 1"},
                             row{"a\rb", "a", "line 1"}, row{"a,b\n1,\"2", "2", "line 2"},
                             row{"h\nx,\"y\"z,w\n", "\"y\"z", "line 2"}}) {
            CAPTURE(r.document);
            const std::string q = quoted(r.field);
            CHECK_THROWS_WITH_AS((void)bmm::read_csv(r.document), doctest::Contains(q.c_str()),
                                 bmm::csv_error);
            CHECK_THROWS_WITH_AS((void)bmm::read_csv(r.document), doctest::Contains(r.line),
                                 bmm::parse_error);
        }
    }

    TEST_CASE("a bmm-audit table with a malformed cell is a parse_error naming the cell") {
        const std::string header = "line,level,budget,forecast,variance,variance_pct\n";
        auto with_budget = [&header](const std::string& cell) {
            return bmm::read_published_table(
                bmm::read_csv(header + "Adult Services,0," + bmm::csv_quote(cell) + ",1,1,1\n"));
        };
        refuses<bmm::parse_error>(with_budget, {"n/a", "-", std::string(pound) + "493,032,40",
                                                "1,2", "12%", "(-1.2)", "13/2023"});
        auto with_level = [&header](const std::string& cell) {
            return bmm::read_published_table(
                bmm::read_csv(header + "Adult Services," + bmm::csv_quote(cell) + ",1,1,0,0\n"));
        };
        refuses<bmm::parse_error>(with_level, {"x", "-1", "100", "1.5", "n/a"});
        CHECK_THROWS_WITH_AS(
            (void)bmm::read_published_table(bmm::read_csv("line,level,budget,forecast,variance\n")),
            doctest::Contains("\"variance_pct\""), bmm::parse_error);
    }

    TEST_CASE("odd but well-formed cells read as what they say") {
        // Negative zero is zero, and prints without its sign.
        CHECK(bmm::gbp::parse("-0") == bmm::zero);
        CHECK(bmm::to_string(bmm::gbp::parse("-0.00")) == "0.00");
        CHECK(bmm::to_string(bmm::gbp::from_millions("-0.0")) == "0.00");
        CHECK(bmm::to_string(bmm::decimal::parse("-0.0")) == "0.0");
        CHECK(bmm::ratio::parse("-0%") == bmm::zero);
        CHECK(bmm::parse_figure("-0.0%").value == bmm::zero);
        // A percentage over 100 is a figure like any other (seed 003 prints 176% of target).
        CHECK(bmm::ratio::parse("150%") == bmm::ratio(3, 2));
        CHECK(bmm::ratio::from_percent("176") == bmm::ratio(44, 25));
        CHECK(bmm::parse_figure("176%").value == bmm::decimal::parse("176"));
        CHECK(bmm::target::parse("> 100%").low() == bmm::decimal::parse("100"));
        // Blank cells and n/a are "no target" and "monitoring only", not errors.
        CHECK(bmm::target::parse("").is_none());
        CHECK(bmm::target::parse(" n/a ").is_none());
        CHECK(bmm::status::parse(" n/a ") == bmm::data_status::monitoring_only);
        // A typographic minus (U+2212) is a minus sign everywhere a number is read.
        const std::string minus = "\xE2\x88\x92";
        CHECK(bmm::gbp::parse(minus + "5") == bmm::pounds(-5));
        CHECK(bmm::decimal::parse(minus + "2.6") == bmm::decimal::parse("-2.6"));
        CHECK(bmm::ratio::parse(minus + "2.6%") == bmm::ratio(-13, 500));
        CHECK(bmm::parse_figure(minus + "2.6%").value == bmm::decimal::parse("-2.6"));
        CHECK(bmm::target::parse("<" + minus + "1").low() == bmm::decimal::parse("-1"));
    }

    TEST_CASE("a parse error says where the text went wrong") {
        auto position = [](auto parse, const std::string& text) {
            try {
                (void)parse(text);
            } catch (const bmm::error& e) {
                return e.position();
            }
            return std::size_t{0};
        };
        auto money = [](const std::string& s) { return bmm::gbp::parse(s); };
        auto target = [](const std::string& s) { return bmm::target::parse(s); };
        auto figure = [](const std::string& s) { return bmm::parse_figure(s); };
        auto frequency = [](const std::string& s) { return bmm::parse_frequency(s); };
        CHECK(position(money, std::string(pound) + "493,032,40") == 10);  // its last group
        CHECK(position(target, "12 apples") == 3);
        CHECK(position(target, "  93-") == 5);
        CHECK(position(target, "1,50,0") == 4);
        CHECK(position(target, "60/20") == 2);
        CHECK(position(figure, "15%%") == 3);
        CHECK(position(figure, "  abc") == 2);
        CHECK(position(frequency, "  termly") == 2);
    }
}
