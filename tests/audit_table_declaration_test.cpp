// Spec for bmm/audit/table_declaration.hpp: the vocabulary of a declaration — roles, units, nil
// marks, brackets, directions, bases and comparisons, each spelt by to_string and read back by
// its parse_ / try_parse_ twins — which roles are figures, %s and summed; row references as a
// declaration writes them; and today's bmm-audit layout as a built-in declaration.
#include <doctest/doctest.h>

#include <bmm/audit/table_declaration.hpp>
//
#include <string>

TEST_CASE("every role is spelt by to_string and read back by try_parse_table_role") {
    for (std::size_t i = 0; i < bmm::table_role_count; ++i) {
        const auto r = static_cast<bmm::table_role>(i);
        CHECK(bmm::try_parse_table_role(bmm::to_string(r)) == r);
        CHECK(bmm::parse_table_role(" " + std::string(bmm::to_string(r)) + " ") == r);
    }
    CHECK(!bmm::try_parse_table_role("outturn"));
    CHECK_THROWS_AS((void)bmm::parse_table_role("outturn"), bmm::parse_error);
}

TEST_CASE("figure roles, percent roles and the roles a total sums are told apart") {
    CHECK(bmm::is_figure(bmm::table_role::budget));
    CHECK(bmm::is_figure(bmm::table_role::share));
    CHECK(!bmm::is_figure(bmm::table_role::name));
    CHECK(!bmm::is_figure(bmm::table_role::sign));
    CHECK(bmm::is_percent(bmm::table_role::pct_spent));
    CHECK(!bmm::is_percent(bmm::table_role::variance));
    CHECK(bmm::is_additive(bmm::table_role::at_risk));
    CHECK(bmm::is_additive(bmm::table_role::count));
    CHECK(!bmm::is_additive(bmm::table_role::variance_pct));
    CHECK(!bmm::is_additive(bmm::table_role::denominator));
}

TEST_CASE("units are spelt as councils print them and scale to pounds") {
    CHECK(bmm::parse_table_unit("£'000") == bmm::table_unit::thousands);
    CHECK(bmm::parse_table_unit("£\xE2\x80\x99"
                                "000") == bmm::table_unit::thousands);
    CHECK(bmm::parse_table_unit("£k") == bmm::table_unit::thousands);
    CHECK(bmm::parse_table_unit("£m") == bmm::table_unit::millions);
    CHECK(bmm::parse_table_unit("Count") == bmm::table_unit::count);
    CHECK(!bmm::try_parse_table_unit("$"));
    CHECK_THROWS_AS((void)bmm::parse_table_unit("£bn"), bmm::parse_error);
    CHECK(bmm::pounds_per(bmm::table_unit::millions) == 1000000);
    CHECK(bmm::pounds_per(bmm::table_unit::percent) == 1);
    CHECK(bmm::to_string(bmm::table_unit::thousands) == "£000");
}

TEST_CASE("the small enumerations read back what to_string spells") {
    CHECK(bmm::parse_nil_meaning("zero") == bmm::nil_meaning::printed_zero);
    CHECK(bmm::to_string(bmm::nil_meaning::absent) == "absent");
    CHECK(!bmm::try_parse_nil_meaning("nothing"));
    CHECK(bmm::parse_bracket_style("prose") == bmm::bracket_style::prose);
    CHECK(!bmm::try_parse_bracket_style("round"));
    CHECK(bmm::parse_percent_basis("signed") == bmm::percent_basis::signed_budget);
    CHECK(bmm::to_string(bmm::percent_basis::magnitude) == "magnitude");
    CHECK_THROWS_AS((void)bmm::parse_percent_basis("absolute"), bmm::parse_error);
    for (std::uint8_t i = 0; i < 7; ++i) {
        const auto c = static_cast<bmm::comparison>(i);
        CHECK(bmm::parse_comparison(bmm::to_string(c)) == c);
    }
    CHECK(!bmm::try_parse_comparison("=<"));
}

TEST_CASE("a variance direction is read in the words councils use for it") {
    using bmm::variance_direction;
    CHECK(bmm::parse_variance_direction("forecast - budget") ==
          variance_direction::spend_minus_budget);
    CHECK(bmm::parse_variance_direction("actual-budget") == variance_direction::spend_minus_budget);
    CHECK(bmm::parse_variance_direction("Budget - Spend") ==
          variance_direction::budget_minus_spend);
    CHECK(bmm::parse_variance_direction("infer") == variance_direction::infer);
    CHECK(bmm::to_string(variance_direction::budget_minus_spend) == "budget - forecast");
    CHECK(!bmm::try_parse_variance_direction("budget - budget"));
    CHECK(!bmm::try_parse_variance_direction("outturn"));
    CHECK_THROWS_AS((void)bmm::parse_variance_direction("forecast + budget"), bmm::parse_error);
}

TEST_CASE("a row reference is written as a declaration writes it") {
    CHECK(bmm::row_ref::named("Education").text() == "\"Education\"");
    bmm::row_ref r = bmm::row_ref::named("Expenditure");
    r.occurrence = 3;
    CHECK(r.text() == "\"Expenditure\"#3");
    CHECK(bmm::row_ref::at(8).text() == "@8");
    CHECK(bmm::row_ref::at(8) != bmm::row_ref::at(9));
}

TEST_CASE("a table_error says where the bad text is") {
    const bmm::table_error e(bmm::source_position{"a.csv", 3, std::size_t{7}}, "n/a", "a figure",
                             "not a figure");
    CHECK(bmm::table_error::place(e.where()) == "a.csv:3:7");
    CHECK(std::string(e.what()) ==
          "bmm: cannot read \"n/a\" as a figure: not a figure (at a.csv:3:7)");
    CHECK(e.reason() == "not a figure");
    CHECK(e.code() == bmm::errc::parse);
    CHECK(bmm::table_error::place(bmm::source_position{"", 2, std::nullopt}) == "<text>:2");
}

TEST_CASE("today's bmm-audit layout is one built-in declaration") {
    const bmm::table_declaration d =
        bmm::table_declaration::budget_layout(bmm::rounding_mode::floor);
    CHECK(d.builtin_budget_layout);
    CHECK(d.rounding == bmm::rounding_mode::floor);
    CHECK(d.direction == bmm::variance_direction::spend_minus_budget);
    CHECK(d.basis == bmm::percent_basis::magnitude);
    CHECK(d.columns.size() == 8);
    CHECK(d.column("level").role == bmm::table_role::level);
    CHECK(d.column("variance_pct").unit == bmm::table_unit::percent);
    CHECK(d.find_column("colour") == nullptr);
    CHECK_THROWS_AS((void)d.column("colour"), bmm::invalid_argument);
}
