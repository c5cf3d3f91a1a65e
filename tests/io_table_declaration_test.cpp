// Spec for bmm/io/table_declaration.hpp: a declaration's text (every statement, continuation
// lines, comments, row references) and a printed table's CSV read under it; anything else is a
// table_error at FILE:LINE:COLUMN — an unknown statement, role, unit or option, a repeated
// column, a money column without a unit, an undeclared heading, a declared column not printed,
// an unreadable figure, a row reference that names no row.
#include <doctest/doctest.h>

#include <bmm/io/table_declaration.hpp>
//
#include <optional>
#include <string>
#include <vector>

namespace {

/// The place of the table_error that reading `decl` (and `csv`, when given) throws.
std::string error_place(const std::string& decl, const std::string& csv = {}) {
    try {
        bmm::table_declaration d = bmm::parse_table_declaration(decl, "t.decl");
        if (!csv.empty()) (void)bmm::read_printed_table(csv, d, "t.csv");
    } catch (const bmm::table_error& e) {
        return bmm::table_error::place(e.where());
    }
    return "no error";
}

const char* const budget_decl =
    "table \"Adults\"\n"
    "rounding half_up\n"
    "column \"Service\" name\n"
    "column \"Budget £000\" budget £000\n"
    "column \"Forecast £000\" forecast £000\n"
    "column \"Variance £000\" variance £000\n";

}  // namespace

TEST_CASE("a declaration reads every statement into the declaration's value") {
    const bmm::table_declaration d = bmm::parse_table_declaration(
        "# a comment line\n"
        "table \"Isle of Wight, Adult Services\"\n"
        "rounding half_up\n"
        "direction budget - forecast   # favourable positive\n"
        "basis signed\n"
        "nil \"-\" absent\n"
        "nil \"–\" zero\n"
        "signed zeros\n"
        "ignore row @3, @5\n"
        "column \"SERVICE\" name\n"
        "column \"LY BUDGET £000\" budget last_year £000\n"
        "column \"% SPENT\" pct_spent nil \"-\" absent undefined \"0\" places 0\n"
        "column \"Share\" share brackets prose\n"
        "column \"Count\" count\n"
        "column \"Variance £m\" variance block \"month 2\" £m direction forecast - budget\n"
        "column \"ADV/FAV\" sign of \"Variance £m\" positive \"ADV\" negative \"FAV\"\n"
        "column \"Notes\" note\n"
        "total \"Total\" = \"A\" + \"B\" -\n"
        "    \"C\"\n"
        "total @8 = after \"2.Childrens Services\"\n"
        "total \"Totals\" = above in \"LY BUDGET £000\"\n"
        "total \"Actions\" = group \"Actions status\"\n"
        "net rows \"Net Expenditure\" = \"Expenditure\" + \"Income\"\n"
        "net blocks net = expenditure + income\n"
        "summary \"green\" + \"amber\" + unrated \"not rated\" total \"all\" shares of rated\n"
        "check \"Variance £m\" == 2 * \"Count\" @ \"Expenditure\"#2 - 1 for \"A\", \"B\"\n"
        "check \"Count\" @ \"of these 17\" <= \"Count\" @ \"red\"\n",
        "adults.decl");
    CHECK(d.title == "Isle of Wight, Adult Services");
    CHECK(d.file == "adults.decl");
    CHECK(d.rounding == bmm::rounding_mode::half_up);
    CHECK(d.direction == bmm::variance_direction::budget_minus_spend);
    CHECK(d.basis == bmm::percent_basis::signed_budget);
    REQUIRE(d.nil.size() == 2);
    CHECK(d.nil[1] == bmm::nil_mark{"–", bmm::nil_meaning::printed_zero});
    CHECK(d.signed_zeros);
    REQUIRE(d.ignored_rows.size() == 2);
    CHECK(d.ignored_rows[1].number == std::optional<std::size_t>(5));
    REQUIRE(d.columns.size() == 8);
    const bmm::table_column& ly = d.column("LY BUDGET £000");
    CHECK(ly.role == bmm::table_role::budget);
    CHECK(ly.block == "last_year");
    CHECK(ly.unit == bmm::table_unit::thousands);
    CHECK(ly.source->line == 11);
    CHECK(ly.source->column == std::optional<std::size_t>(8));
    const bmm::table_column& spent = d.column("% SPENT");
    CHECK(spent.unit == bmm::table_unit::percent);
    CHECK(spent.places == std::optional<int>(0));
    CHECK(spent.undefined == std::vector<std::string>{"0"});
    CHECK(spent.nil[0].meaning == bmm::nil_meaning::absent);
    CHECK(d.column("Share").brackets == bmm::bracket_style::prose);
    CHECK(d.column("Count").is_exact());
    const bmm::table_column& var = d.column("Variance £m");
    CHECK(var.block == "month 2");
    CHECK(var.direction == bmm::variance_direction::spend_minus_budget);
    CHECK(d.column("ADV/FAV").sign_of == "Variance £m");
    CHECK(d.column("ADV/FAV").negative == "FAV");
    REQUIRE(d.totals.size() == 4);
    REQUIRE(d.totals[0].members.size() == 3);
    CHECK(d.totals[0].members[2].sign == -1);
    CHECK(d.totals[0].members[2].row.label == "C");
    CHECK(d.totals[1].total.number == std::optional<std::size_t>(8));
    CHECK(d.totals[1].by == bmm::members_by::after);
    CHECK(d.totals[2].by == bmm::members_by::above);
    CHECK(d.totals[2].columns == std::vector<std::string>{"LY BUDGET £000"});
    CHECK(d.totals[3].group == "Actions status");
    REQUIRE(d.nets.size() == 2);
    CHECK(!d.nets[0].across_blocks);
    CHECK(d.nets[1].across_blocks);
    CHECK(d.nets[1].income == "income");
    REQUIRE(d.summaries.size() == 1);
    CHECK(d.summaries[0].parts.size() == 3);
    CHECK(d.summaries[0].parts[2].unrated);
    CHECK(d.summaries[0].of == bmm::shares_of::rated);
    REQUIRE(d.checks.size() == 2);
    const bmm::table_check& c = d.checks[0];
    CHECK(c.text == "\"Variance £m\" == 2 * \"Count\" @ \"Expenditure\"#2 - 1");
    REQUIRE(c.terms.size() == 2);
    CHECK(c.terms[1].coefficient == bmm::ratio(-2));
    CHECK(c.terms[1].row->occurrence == 2);
    CHECK(c.constant == bmm::ratio(-1));
    CHECK(c.rows.size() == 2);
    CHECK(d.checks[1].op == bmm::comparison::less_equal);
}

TEST_CASE("a declaration that breaks the format is a table_error at its file line and column") {
    CHECK(error_place("rounding half_up\nbogus 1\n") == "t.decl:2:1");
    CHECK(error_place("rounding sideways\n") == "t.decl:1:10");
    CHECK(error_place("column \"A\" name\n") == "t.decl:1:1");  // no rounding at all
    CHECK(error_place("rounding half_up\nrounding floor\n") == "t.decl:2:10");
    CHECK(error_place("rounding half_up\ncolumn \"A\" nmae\n") == "t.decl:2:12");
    CHECK(error_place("rounding half_up\ncolumn \"A\" budget\n") == "t.decl:2:8");  // no unit
    CHECK(error_place("rounding half_up\ncolumn \"A\" budget £000 colour red\n") == "t.decl:2:24");
    CHECK(error_place("rounding half_up\ncolumn \"A\" name\ncolumn \"A\" note\n") == "t.decl:3:8");
    CHECK(error_place("rounding half_up\ncolumn \"A\" budget %\n") == "t.decl:2:8");
    CHECK(error_place("rounding half_up\ncolumn \"A\" name\ncolumn \"S\" sign of \"A\" "
                      "positive \"+\" negative \"-\"\n") == "t.decl:3:8");  // A is not a figure
    CHECK(error_place("rounding half_up\ntotal \"T\" = \"A\" +\n") == "t.decl:2:17");
    CHECK(error_place("rounding half_up\ncheck remaining = budget\n") == "t.decl:2:17");
    CHECK(error_place("rounding half_up\ncolumn \"Q unclosed\n") == "t.decl:2:8");
    CHECK(error_place("rounding half_up\ndirection budget - outturn\n") == "t.decl:2:11");
    CHECK(error_place("rounding half_up\nsummary \"a\" + \"b\" shares of total\n") ==
          "t.decl:2:9");  // shares of a total that is not declared
    CHECK(!bmm::try_parse_table_declaration("rounding sideways\n"));
    CHECK(bmm::try_parse_table_declaration("rounding half_up\n"));
}

TEST_CASE("a printed table is read cell by cell under its declaration") {
    const bmm::table_declaration d = bmm::parse_table_declaration(
        std::string(budget_decl) + "nil \"-\" zero\nnil \"#DIV/0!\" absent\n", "t.decl");
    const bmm::printed_table t = bmm::read_printed_table(
        "Service,Budget £000,Forecast £000,Variance £000\n"
        "Adults,\"1,234\",\"£1,240\",6\n"
        "Children,-,(5),- 5\n"
        "Expenditure,,#DIV/0!,\n"
        "Expenditure,(0),-0,−2\n",
        d, "t.csv");
    REQUIRE(t.rows().size() == 4);
    CHECK(t.section() == "Adults");
    CHECK(t.cell(0, 1).value == bmm::decimal::parse("1234"));
    CHECK(t.cell(0, 2).value == bmm::decimal::parse("1240"));
    CHECK(t.cell(0, 2).text == "£1,240");
    CHECK(t.cell(0, 2).source.line == 2);
    CHECK(t.cell(0, 2).source.column == std::optional<std::size_t>(16));
    CHECK(t.cell(1, 1).kind == bmm::cell_kind::nil_zero);
    CHECK(t.cell(1, 2).value == bmm::decimal::parse("-5"));
    CHECK(t.cell(1, 3).value == bmm::decimal::parse("-5"));
    CHECK(t.cell(2, 1).kind == bmm::cell_kind::blank);
    CHECK(t.cell(2, 2).kind == bmm::cell_kind::blank);
    CHECK(t.cell(3, 1).negative_zero);
    CHECK(t.cell(3, 2).negative_zero);
    CHECK(!t.cell(3, 3).negative_zero);
    CHECK(t.cell(3, 3).value == bmm::decimal::parse("-2"));
    CHECK(t.rows()[2].name == "Expenditure#1");
    CHECK(t.rows()[3].name == "Expenditure#2");
    CHECK(t.rows()[2].line == 4);
    CHECK(!t.rows()[2].has_figures());
    CHECK(t.row(bmm::row_ref::named("Adults")) == 0);
    CHECK(!t.find_row(bmm::row_ref::named("Expenditure")));
    CHECK(t.find_row(bmm::row_ref::at(4)) == std::optional<std::size_t>(3));
}

TEST_CASE("bands, prose brackets and places read as the column declares") {
    const bmm::printed_table t = bmm::read_printed_table(
        "Line,Count,Share,Money\n"
        "complete,64,(55%),£9m\n"
        "not started,1,(less than 1%),less than £4m\n",
        bmm::parse_table_declaration("rounding half_up\ncolumn \"Line\" name\n"
                                     "column \"Count\" count\n"
                                     "column \"Share\" share brackets prose places 0\n"
                                     "column \"Money\" amount £m at_least 0\n"),
        "s.csv");
    CHECK(t.cell(0, 2).value == bmm::decimal::parse("55"));
    CHECK(t.cell(1, 2).kind == bmm::cell_kind::band);
    CHECK(t.cell(1, 2).band_below);
    CHECK(t.cell(1, 2).value == bmm::decimal::parse("1"));
    CHECK(t.cell(0, 3).value == bmm::decimal::parse("9"));
    CHECK(t.cell(1, 3).kind == bmm::cell_kind::band);
}

TEST_CASE("a table that does not fit its declaration is a table_error at the cell") {
    const std::string good = "Service,Budget £000,Forecast £000,Variance £000\n";
    CHECK(error_place(budget_decl, good + "A,1,2,1\n") == "no error");
    // An undeclared heading, and a declared column the table does not print.
    CHECK(error_place(budget_decl,
                      "Service,Budget £000,Forecast £000,Variance £000,Notes\n"
                      "A,1,2,1,x\n") == "t.csv:1:49");
    CHECK(error_place(budget_decl, "Service,Budget £000,Forecast £000\nA,1,2\n") == "t.decl:6:8");
    CHECK(error_place(budget_decl, "Service,Budget £000,Budget £000,Variance £000\n") ==
          "t.csv:1:21");  // a heading printed twice
    // Figures the column cannot hold.
    CHECK(error_place(budget_decl, good + "A,-,2,1\n") == "t.csv:2:3");  // no nil mark
    CHECK(error_place(budget_decl, good + "A,\"493,032,40\",2,1\n") == "t.csv:2:3");
    CHECK(error_place(budget_decl, good + "A,1,2%,1\n") == "t.csv:2:5");
    CHECK(error_place(budget_decl, good + "A,1,£2m,1\n") == "t.csv:2:5");
    CHECK(error_place(budget_decl, good + "A,(-1),2,1\n") == "t.csv:2:3");
    CHECK(error_place(budget_decl, good + "A,1,2,n/a\n") == "t.csv:2:7");
    CHECK(error_place(budget_decl, good + "A,1,2\n") == "t.csv:2:1");              // too few fields
    CHECK(error_place(budget_decl, good + "A,\"1,2\n") == "t.csv:2:3");            // bad CSV
    CHECK(error_place(budget_decl, good + "A,1,2,less than 1\n") == "t.csv:2:7");  // no bound
    CHECK(error_place(std::string(budget_decl) + "column \"%\" variance_pct places 1\n",
                      "Service,Budget £000,Forecast £000,Variance £000,%\nA,1,2,1,5%\n") ==
          "t.csv:2:9");
    // Row references that name no row, or a repeated label without its number.
    CHECK(error_place(std::string(budget_decl) + "total \"Total\" = \"A\" + \"B\"\n",
                      good + "A,1,2,1\nTotal,1,2,1\n") == "t.decl:7:23");
    CHECK(error_place(std::string(budget_decl) + "total \"Total\" = \"A\"\n",
                      good + "A,1,2,1\nA,1,2,1\nTotal,1,2,1\n") == "t.decl:7:17");
    CHECK(error_place(std::string(budget_decl) + "ignore row @9\n", good + "A,1,2,1\n") ==
          "t.decl:7:12");
}

TEST_CASE("today's bmm-audit layout is a built-in declaration matched in any case and order") {
    const bmm::table_declaration d =
        bmm::table_declaration::budget_layout(bmm::rounding_mode::half_up);
    CHECK(d.builtin_budget_layout);
    const bmm::printed_table t = bmm::read_printed_table(
        "LEVEL,Line,budget,forecast,variance,Variance_Pct\n"
        "0,Adults,12.4,9.1,-3.3,-26.6\n"
        "1,Total,12.4,9.1,-3.3,-26.6\n",
        d, "seed.csv");
    CHECK(t.rows()[1].level == std::optional<int>(1));
    CHECK(t.columns()[0].role == bmm::table_role::level);
    CHECK(error_place("", "") == "t.decl:1:1");
    try {
        (void)bmm::read_printed_table("line,level,budget,forecast,variance,variance_pct,colour\n",
                                      d, "seed.csv");
        FAIL("an unknown column was read");
    } catch (const bmm::table_error& e) {
        CHECK(bmm::table_error::place(e.where()) == "seed.csv:1:50");
        CHECK(std::string(e.what()).find("colour") != std::string::npos);
    }
}
