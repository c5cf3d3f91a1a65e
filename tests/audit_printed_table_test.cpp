// Spec for bmm/audit/printed_table.hpp: one cell read under its column (figures with commas, a
// £ or a %, brackets as negatives or as prose, a sign with a space after it, negative zeros, nil
// marks per column before the table's, bands with their bound), refused with a table_error at
// its place when its column cannot hold it; a table read from fields under a declaration, its
// rows named uniquely, its row references resolved.
#include <doctest/doctest.h>

#include <bmm/audit/printed_table.hpp>
//
#include <string>
#include <vector>

namespace {

bmm::source_position at(std::size_t line, std::size_t column) {
    return bmm::source_position{"t.csv", line, column};
}

bmm::table_cell read(const char* text, const bmm::table_column& c,
                     const bmm::table_declaration& d = {}) {
    return bmm::read_table_cell(text, c, d, at(2, 3));
}

const bmm::table_column money =
    bmm::table_column::of("Budget £000", bmm::table_role::budget, bmm::table_unit::thousands);

}  // namespace

TEST_CASE("a figure reads as printed, its sign by brackets or a minus") {
    CHECK(read("1,234", money).value == bmm::decimal::parse("1234"));
    CHECK(read(" £1,234.5 ", money).value == bmm::decimal::parse("1234.5"));
    CHECK(read("(1,234)", money).value == bmm::decimal::parse("-1234"));
    CHECK(read("- 315.7", money).value == bmm::decimal::parse("-315.7"));
    CHECK(read("\xE2\x88\x92"
               "5",
               money)
              .value == bmm::decimal::parse("-5"));  // U+2212
    CHECK(read("\xE2\x80\x93"
               "5",
               money)
              .value == bmm::decimal::parse("-5"));  // U+2013
    CHECK(read("£40k", money).value == bmm::decimal::parse("40"));
    CHECK(read(".5", money).value == bmm::decimal::parse("0.5"));
    CHECK(read("7.240", money).value->places() == 3);
    CHECK(read("", money).kind == bmm::cell_kind::blank);
    CHECK(read("(0)", money).negative_zero);
    CHECK(read("-0", money).negative_zero);
    CHECK(!read("0", money).negative_zero);
}

TEST_CASE("a figure its column cannot hold is a table_error at its place") {
    for (const char* bad : {"-", "n/a", "1,2", "12,34,567", "1.", "(-1)", "--1", "1%", "£1m", "1m",
                            "1.2.3", "less than 1", "(1", "1e3"}) {
        CAPTURE(std::string(bad));
        try {
            (void)read(bad, money);
            FAIL("read");
        } catch (const bmm::table_error& e) {
            CHECK(bmm::table_error::place(e.where()) == "t.csv:2:3");
            CHECK(std::string(e.what()).find(std::string("\"") + bad + "\"") != std::string::npos);
        }
    }
    bmm::table_column pct =
        bmm::table_column::of("%", bmm::table_role::variance_pct, bmm::table_unit::percent);
    CHECK_THROWS_AS((void)read("£5", pct), bmm::table_error);
    pct.places = 1;
    CHECK_THROWS_AS((void)read("5.25%", pct), bmm::table_error);
    CHECK(read("(6.2%)", pct).value == bmm::decimal::parse("-6.2"));
}

TEST_CASE("nil marks read as their column declares before the table's marks") {
    bmm::table_declaration d;
    d.nil.push_back(bmm::nil_mark{"-", bmm::nil_meaning::printed_zero});
    bmm::table_column c = money;
    CHECK(read("-", c, d).kind == bmm::cell_kind::nil_zero);
    CHECK(read("-", c, d).value == bmm::decimal());
    c.nil.push_back(bmm::nil_mark{"-", bmm::nil_meaning::absent});
    CHECK(read("-", c, d).kind == bmm::cell_kind::blank);
    CHECK(read("-", c, d).text == "-");
}

TEST_CASE("brackets in prose are not a sign and a band needs its bound") {
    bmm::table_column share =
        bmm::table_column::of("Share", bmm::table_role::share, bmm::table_unit::percent);
    share.brackets = bmm::bracket_style::prose;
    CHECK(read("(83%)", share).value == bmm::decimal::parse("83"));
    const bmm::table_cell band = read("(less than 1%)", share);
    CHECK(band.kind == bmm::cell_kind::band);
    CHECK(band.band_below);
    CHECK(read("more than 90%", share).band_below == false);
    bmm::table_column amount =
        bmm::table_column::of("Figure", bmm::table_role::amount, bmm::table_unit::millions);
    CHECK(read("£9m", amount).value == bmm::decimal::parse("9"));
    CHECK_THROWS_AS((void)read("less than £4m", amount), bmm::table_error);
    amount.at_least = bmm::decimal();
    CHECK(read("less than £4m", amount).kind == bmm::cell_kind::band);
    CHECK_THROWS_AS((void)read("over £4m", amount), bmm::table_error);
}

TEST_CASE("text columns keep their text") {
    const bmm::table_column note = bmm::table_column::of("Notes", bmm::table_role::note);
    CHECK(read("n/a", note).kind == bmm::cell_kind::text);
    CHECK(read("  ", note).kind == bmm::cell_kind::blank);
}

TEST_CASE("a table read from fields names its rows uniquely and resolves references") {
    bmm::table_declaration d;
    d.rounding = bmm::rounding_mode::half_up;
    d.columns.push_back(bmm::table_column::of("", bmm::table_role::name));
    d.columns.push_back(money);
    d.ignored_rows.push_back(bmm::row_ref::at(2));
    auto f = [](const char* text, std::size_t line, std::size_t column) {
        return bmm::text_field{text, at(line, column)};
    };
    const bmm::printed_table t =
        bmm::printed_table::read(d, {f("", 1, 1), f("Budget £000", 1, 2)},
                                 {{f("Expenditure", 2, 1), f("10", 2, 13)},
                                  {f("Heading", 3, 1), f("Budget £000", 3, 9)},
                                  {f("", 4, 1), f("5", 4, 2)},
                                  {f("Expenditure", 5, 1), f("(3)", 5, 13)}},
                                 {2, 3, 4, 5});
    REQUIRE(t.rows().size() == 4);
    CHECK(t.rows()[0].name == "Expenditure#1");
    CHECK(t.rows()[1].ignored);
    CHECK(t.cell(1, 1).kind == bmm::cell_kind::text);  // an ignored row is not read as figures
    CHECK(t.rows()[2].name == "@3");
    CHECK(t.rows()[3].name == "Expenditure#2");
    CHECK(t.file() == "t.csv");
    bmm::row_ref second = bmm::row_ref::named("Expenditure");
    second.occurrence = 2;
    CHECK(t.row(second) == 3);
    CHECK(t.row(bmm::row_ref::at(3)) == 2);
    CHECK_THROWS_AS((void)t.row(bmm::row_ref::named("Expenditure")), bmm::table_error);
    CHECK_THROWS_AS((void)t.row(bmm::row_ref::named("Income")), bmm::table_error);
    CHECK_THROWS_AS((void)t.row(bmm::row_ref::at(5)), bmm::table_error);
    CHECK(t.find_column("Budget £000") == std::optional<std::size_t>(1));
    CHECK(!t.find_column("Forecast"));
}

TEST_CASE("a declaration without a name column is refused") {
    bmm::table_declaration d;
    d.columns.push_back(money);
    CHECK_THROWS_AS(
        (void)bmm::printed_table::read(d, {bmm::text_field{"Budget £000", at(1, 1)}}, {}, {}),
        bmm::table_error);
}
