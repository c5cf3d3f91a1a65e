// Spec for bmm/audit/declared_table.hpp: each relation a declared table implies (relations_of)
// and its audit (audit_declared). For every role and row shape, one small table as printed that
// agrees, and the same table with one printed figure wrong, found as an error at that cell and
// nowhere else: variance by direction, variance %, % spent, movement, change, remaining, net
// rows, net blocks, totals by members (one subtracted), by group, after a heading and by
// position, summaries with shares of the total, of the rated parts and of a row, and a check
// the user writes. A declaration built in C++ whose summary's shares are of a total it does not
// declare is a table_error.
#include <doctest/doctest.h>

#include <bmm/audit/declared_table.hpp>
#include <bmm/io/table_declaration.hpp>
// (the header under test comes first)
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "support/spec.hpp"

namespace {

const std::string head = "table \"spec\"\nrounding half_up\n";

bmm::declared_audit audit_of(const std::string& declaration, const std::string& csv) {
    const bmm::table_declaration d = bmm::parse_table_declaration(head + declaration, "spec.decl");
    const bmm::printed_table t = bmm::read_printed_table(csv, d, "spec.csv");
    return bmm::audit_declared(t, bmm::audit_options{});
}

using cell = std::pair<std::string, std::string>;  // row name, column heading

/// The cells the audit calls an error, sorted.
std::vector<cell> errors_of(const bmm::declared_audit& a) {
    std::vector<cell> out;
    for (const bmm::finding& f : a.found) {
        if (f.verdict == bmm::verdict::error) out.emplace_back(f.where.row, f.where.column);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// The table agrees: no finding other than agrees or rounding, and `checked` relations agree.
void agrees(const bmm::declared_audit& a, std::size_t checked) {
    for (const bmm::finding& f : a.found) {
        CAPTURE(f.rule);
        CAPTURE(f.where.row);
        CHECK((f.verdict == bmm::verdict::agrees || f.verdict == bmm::verdict::rounding));
    }
    CHECK(a.found.errors() == 0);
    CHECK(a.found.count(bmm::verdict::agrees) == checked);
}

/// The relations of the declared table: their rule texts.
std::vector<std::string> rules_of(const std::string& declaration, const std::string& csv) {
    const bmm::table_declaration d = bmm::parse_table_declaration(head + declaration, "spec.decl");
    const bmm::relation_set s = bmm::relations_of(bmm::read_printed_table(csv, d, "spec.csv"));
    std::vector<std::string> out;
    for (const bmm::relation& r : s.relations()) out.push_back(r.rule);
    return out;
}

bool has(const std::vector<std::string>& rules, const std::string& rule) {
    return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

}  // namespace

TEST_CASE("a variance declared forecast - budget is forecast less budget, wrong at its cell") {
    const std::string d =
        "direction forecast - budget\n"
        "column \"Service\" name\ncolumn \"Budget\" budget £000\n"
        "column \"Forecast\" forecast £000\ncolumn \"Variance\" variance £000\n";
    const std::string ok =
        "Service,Budget,Forecast,Variance\nAdults,1200,1250,50\nChildren,800,780,(20)\n"
        "Housing,-300,-310,(10)\n";
    CHECK(has(rules_of(d, ok), "variance = forecast - budget"));
    agrees(audit_of(d, ok), 3);
    const std::string wrong =
        "Service,Budget,Forecast,Variance\nAdults,1200,1250,50\nChildren,800,780,(26)\n"
        "Housing,-300,-310,(10)\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Children", "Variance"}});
}

TEST_CASE("a variance declared budget - forecast is budget less forecast, wrong at its cell") {
    const std::string d =
        "direction budget - forecast\n"
        "column \"Service\" name\ncolumn \"Budget\" budget £000\n"
        "column \"Forecast\" forecast £000\ncolumn \"Variance\" variance £000\n";
    const std::string ok =
        "Service,Budget,Forecast,Variance\nAdults,1200,1250,(50)\nChildren,800,780,20\n"
        "Housing,-300,-310,10\n";
    CHECK(has(rules_of(d, ok), "variance = budget - forecast"));
    const bmm::declared_audit a = audit_of(d, ok);
    agrees(a, 3);
    CHECK(a.found.count(bmm::verdict::sign_convention) == 0);
    const std::string wrong =
        "Service,Budget,Forecast,Variance\nAdults,1200,1250,(50)\nChildren,800,780,20\n"
        "Housing,-300,-310,(10)\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Housing", "Variance"}});
}

TEST_CASE("a variance without a forecast is actual less budget, in its block") {
    const std::string d =
        "direction actual - budget\n"
        "column \"Service\" name\ncolumn \"Budget to date\" budget to_date £000\n"
        "column \"Actual to date\" actual to_date £000\n"
        "column \"Variance to date\" variance to_date £000\n";
    const std::string ok =
        "Service,Budget to date,Actual to date,Variance to date\nParks,400,390,(10)\n"
        "Libraries,250,262,12\n";
    CHECK(has(rules_of(d, ok), "variance[to_date] = actual - budget"));
    agrees(audit_of(d, ok), 2);
    const std::string wrong =
        "Service,Budget to date,Actual to date,Variance to date\nParks,400,390,(10)\n"
        "Libraries,250,262,21\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Libraries", "Variance to date"}});
}

TEST_CASE("a variance % is 100 x variance over the budget's magnitude, wrong at its cell") {
    const std::string d =
        "direction forecast - budget\nbasis magnitude\n"
        "column \"Service\" name\ncolumn \"Budget\" budget £000\n"
        "column \"Forecast\" forecast £000\ncolumn \"Variance\" variance £000\n"
        "column \"Variance %\" variance_pct % places 1\n";
    const std::string ok =
        "Service,Budget,Forecast,Variance,Variance %\nAdults,1200,1250,50,4.2%\n"
        "Income,-400,-380,20,5.0%\n";
    CHECK(has(rules_of(d, ok), "variance_pct = 100 x variance / |budget|"));
    agrees(audit_of(d, ok), 4);
    const std::string wrong =
        "Service,Budget,Forecast,Variance,Variance %\nAdults,1200,1250,50,5.2%\n"
        "Income,-400,-380,20,5.0%\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Adults", "Variance %"}});
}

TEST_CASE("a % spent is 100 x actual over budget, wrong at its cell") {
    const std::string d =
        "column \"Service\" name\ncolumn \"Budget\" budget £000\n"
        "column \"Actual\" actual £000\ncolumn \"% spent\" pct_spent % places 0\n";
    const std::string ok = "Service,Budget,Actual,% spent\nParks,400,130,33%\nRoads,900,600,67%\n";
    CHECK(has(rules_of(d, ok), "pct_spent = 100 x actual / budget"));
    agrees(audit_of(d, ok), 2);
    const std::string wrong =
        "Service,Budget,Actual,% spent\nParks,400,130,38%\nRoads,900,600,67%\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Parks", "% spent"}});
}

TEST_CASE("a movement is the latest forecast less the previous one, wrong at its cell") {
    const std::string d =
        "column \"Service\" name\ncolumn \"Previous forecast\" previous_forecast £m\n"
        "column \"Forecast\" forecast £m\ncolumn \"Movement\" movement £m\n";
    const std::string ok =
        "Service,Previous forecast,Forecast,Movement\nAdults,12.4,12.9,0.5\n"
        "Children,8.1,7.6,(0.5)\n";
    CHECK(has(rules_of(d, ok), "movement = forecast - previous_forecast"));
    agrees(audit_of(d, ok), 2);
    const std::string wrong =
        "Service,Previous forecast,Forecast,Movement\nAdults,12.4,12.9,0.5\n"
        "Children,8.1,7.6,0.5\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Children", "Movement"}});
}

TEST_CASE("a change is the variance less the previous variance, wrong at its cell") {
    const std::string d =
        "column \"Service\" name\ncolumn \"Month 2\" previous_variance £000\n"
        "column \"Month 5\" variance £000\ncolumn \"Movement\" change £000\n";
    const std::string ok =
        "Service,Month 2,Month 5,Movement\nAdults,\"1,621\",\"1,270\",(351)\n"
        "Education,436,814,378\n";
    CHECK(has(rules_of(d, ok), "change = variance - previous_variance"));
    agrees(audit_of(d, ok), 2);
    const std::string wrong =
        "Service,Month 2,Month 5,Movement\nAdults,\"1,621\",\"1,270\",(315)\n"
        "Education,436,814,378\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Adults", "Movement"}});
}

TEST_CASE("an amount remaining is the budget less the actual, wrong at its cell") {
    const std::string d =
        "column \"Service\" name\ncolumn \"Budget\" budget £\n"
        "column \"Spent\" actual £\ncolumn \"Remaining\" remaining £\n";
    const std::string ok =
        "Service,Budget,Spent,Remaining\nGrounds,\"£1,200\",£450,£750\nHall,£800,£820,-£20\n";
    CHECK(has(rules_of(d, ok), "remaining = budget - actual"));
    agrees(audit_of(d, ok), 2);
    const std::string wrong =
        "Service,Budget,Spent,Remaining\nGrounds,\"£1,200\",£450,£705\nHall,£800,£820,-£20\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Grounds", "Remaining"}});
}

TEST_CASE("net rows are each expenditure row plus the income row above them, wrong at the net") {
    const std::string d =
        "column \"Line\" name\ncolumn \"Budget\" budget £000\n"
        "net rows \"Net Expenditure\" = \"Expenditure\" + \"Income\"\n";
    const std::string ok =
        "Line,Budget\nExpenditure,900\nIncome,(300)\nNet Expenditure,600\n"
        "Expenditure,500\nIncome,(50)\nNet Expenditure,450\n";
    CHECK(has(rules_of(d, ok), "Net Expenditure#2 = Expenditure#2 + Income#2"));
    agrees(audit_of(d, ok), 2);
    const std::string wrong =
        "Line,Budget\nExpenditure,900\nIncome,(300)\nNet Expenditure,600\n"
        "Expenditure,500\nIncome,(50)\nNet Expenditure,550\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Net Expenditure#2", "Budget"}});
}

TEST_CASE("net blocks are each role of the net block the sum of expenditure and income") {
    const std::string d =
        "column \"Service\" name\n"
        "column \"Exp budget\" budget block \"expenditure\" £000\n"
        "column \"Inc budget\" budget block \"income\" £000\n"
        "column \"Net budget\" budget block \"net\" £000\n"
        "net blocks \"net\" = \"expenditure\" + \"income\"\n";
    const std::string ok =
        "Service,Exp budget,Inc budget,Net budget\nParks,900,(300),600\nRoads,500,(50),450\n";
    CHECK(has(rules_of(d, ok), "budget[net] = budget[expenditure] + budget[income]"));
    agrees(audit_of(d, ok), 2);
    const std::string wrong =
        "Service,Exp budget,Inc budget,Net budget\nParks,900,(300),660\nRoads,500,(50),450\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Parks", "Net budget"}});
}

TEST_CASE("a total of named members adds and subtracts them, wrong at the total") {
    const std::string d =
        "column \"Line\" name\ncolumn \"Figure\" amount £m\n"
        "total \"Overspend\" = \"Pressures\" + \"Unachieved savings\" - \"Underspends\"\n";
    const std::string ok =
        "Line,Figure\nPressures,14\nUnachieved savings,16\nUnderspends,26\nOverspend,4\n";
    CHECK(has(rules_of(d, ok), "Overspend = Pressures + Unachieved savings - Underspends"));
    agrees(audit_of(d, ok), 1);
    const std::string wrong =
        "Line,Figure\nPressures,14\nUnachieved savings,16\nUnderspends,26\nOverspend,56\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Overspend", "Figure"}});
}

TEST_CASE("a total of a group sums the rows whose group column names it, in every money column") {
    const std::string d =
        "column \"Service\" name\ncolumn \"Area\" group\n"
        "column \"Budget\" budget £000\ncolumn \"Forecast\" forecast £000\n"
        "total \"People\" = group \"P\"\ntotal \"Place\" = group \"Q\"\n";
    const std::string ok =
        "Service,Area,Budget,Forecast\nAdults,P,100,110\nRoads,Q,50,45\nChildren,P,70,72\n"
        "People,,170,182\nPlace,,50,45\n";
    CHECK(has(rules_of(d, ok), "People = Adults + Children"));
    agrees(audit_of(d, ok), 4);
    const std::string wrong =
        "Service,Area,Budget,Forecast\nAdults,P,100,110\nRoads,Q,50,45\nChildren,P,70,72\n"
        "People,,170,192\nPlace,,50,45\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"People", "Forecast"}});
}

TEST_CASE("a total after a heading sums the rows between them, a lone line above left out") {
    const std::string d =
        "column \"Service\" name\ncolumn \"Budget\" budget £000\n"
        "total @5 = after \"Children's Services\"\n";
    const std::string ok =
        "Service,Budget\nCorporate,40\nChildren's Services,\nSchools,300\nSocial care,120\n"
        ",420\n";
    CHECK(has(rules_of(d, ok), "@5 = Schools + Social care"));
    agrees(audit_of(d, ok), 1);
    const std::string wrong =
        "Service,Budget\nCorporate,40\nChildren's Services,\nSchools,300\nSocial care,120\n"
        ",460\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"@5", "Budget"}});
}

TEST_CASE("a total above sums the rows since the previous total, a nested total for its rows") {
    const std::string d =
        "column \"Service\" name\ncolumn \"Budget\" budget £000\n"
        "total \"Total A\" = above\ntotal \"Total B\" = above\n"
        "total \"Grand total\" = \"Total A\" + \"Total B\"\n";
    const std::string ok =
        "Service,Budget\nA1,10\nA2,20\nTotal A,30\nB1,5\nB2,7\nB3,1\nTotal B,13\n"
        "Grand total,43\n";
    const std::vector<std::string> rules = rules_of(d, ok);
    CHECK(has(rules, "Total A = A1 + A2"));
    CHECK(has(rules, "Total B = B1 + B2 + B3"));
    agrees(audit_of(d, ok), 3);
    const std::string wrong =
        "Service,Budget\nA1,10\nA2,20\nTotal A,30\nB1,5\nB2,7\nB3,1\nTotal B,22\n"
        "Grand total,52\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Total B", "Budget"}});
}

TEST_CASE("a summary's parts add to its total and their shares of the total to 100") {
    const std::string d =
        "column \"Status\" name\ncolumn \"Measures\" count\ncolumn \"Share\" share % places 0\n"
        "summary \"Green\" + \"Amber\" + \"Red\" total \"All\" shares of total\n";
    const std::string ok =
        "Status,Measures,Share\nGreen,12,60%\nAmber,5,25%\nRed,3,15%\nAll,20,100%\n";
    const std::vector<std::string> rules = rules_of(d, ok);
    CHECK(has(rules, "All = Green + Amber + Red"));
    CHECK(has(rules, "share = 100 x count / All"));
    CHECK(has(rules, "share of 3 parts sum to 100"));
    agrees(audit_of(d, ok), 5);
    const std::string wrong =
        "Status,Measures,Share\nGreen,12,60%\nAmber,5,25%\nRed,3,25%\nAll,20,100%\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Red", "Share"}});
    const std::string total_wrong =
        "Status,Measures,Share\nGreen,12,60%\nAmber,5,25%\nRed,3,15%\nAll,21,100%\n";
    const std::vector<cell> found = errors_of(audit_of(d, total_wrong));
    CHECK(std::find(found.begin(), found.end(), cell{"All", "Measures"}) != found.end());
}

TEST_CASE("a summary's shares of the rated parts leave the unrated out of the denominator") {
    const std::string d =
        "column \"Status\" name\ncolumn \"Measures\" count\ncolumn \"Share\" share % places 0\n"
        "summary \"Green\" + unrated \"Not rated\" + \"Red\" shares of rated\n";
    const std::string ok = "Status,Measures,Share\nGreen,6,75%\nNot rated,4,\nRed,2,25%\n";
    CHECK(has(rules_of(d, ok), "share = 100 x count / the rated parts (2 rows)"));
    agrees(audit_of(d, ok), 3);
    const std::string wrong = "Status,Measures,Share\nGreen,6,75%\nNot rated,4,\nRed,2,35%\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Red", "Share"}});
}

TEST_CASE("a summary's shares of a row divide each part's count by that row's count") {
    const std::string d =
        "column \"Status\" name\ncolumn \"Measures\" count\ncolumn \"Share\" share % places 0\n"
        "summary \"On target\" + \"Improving\" shares of \"Reported\"\n";
    const std::string ok =
        "Status,Measures,Share\nReported,40,\nOn target,30,75%\nImproving,4,10%\n";
    CHECK(has(rules_of(d, ok), "share = 100 x count / Reported"));
    agrees(audit_of(d, ok), 2);
    const std::string wrong =
        "Status,Measures,Share\nReported,40,\nOn target,30,57%\nImproving,4,10%\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"On target", "Share"}});
}

TEST_CASE("a check the user writes holds on every row, wrong at its first cell") {
    const std::string d =
        "column \"Scheme\" name\ncolumn \"Planned\" amount £000\n"
        "column \"Delivered\" amount block \"delivered\" £000\n"
        "column \"Slipped\" amount block \"slipped\" £000\n"
        "check \"Slipped\" == \"Planned\" - \"Delivered\"\n";
    const std::string ok = "Scheme,Planned,Delivered,Slipped\nDepot,500,420,80\nPool,300,300,0\n";
    CHECK(has(rules_of(d, ok), "\"Slipped\" == \"Planned\" - \"Delivered\""));
    agrees(audit_of(d, ok), 2);
    const std::string wrong =
        "Scheme,Planned,Delivered,Slipped\nDepot,500,420,80\nPool,300,300,30\n";
    CHECK(errors_of(audit_of(d, wrong)) == std::vector<cell>{{"Pool", "Slipped"}});
}

TEST_CASE("a summary built in C++ with shares of a total but no total row is a table_error") {
    bmm::table_declaration d;
    d.title = "summary";
    d.rounding = bmm::rounding_mode::half_up;
    d.columns.push_back(bmm::table_column::of("Status", bmm::table_role::name));
    d.columns.push_back(
        bmm::table_column::of("Measures", bmm::table_role::count, bmm::table_unit::count));
    d.columns.push_back(
        bmm::table_column::of("Share", bmm::table_role::share, bmm::table_unit::percent));
    bmm::table_summary s;
    s.parts.push_back(bmm::summary_part{bmm::row_ref::named("Green"), false});
    s.parts.push_back(bmm::summary_part{bmm::row_ref::named("Red"), false});
    s.of = bmm::shares_of::total;  // and no total
    d.summaries.push_back(s);
    const bmm::printed_table t =
        bmm::read_printed_table("Status,Measures,Share\nGreen,3,75%\nRed,1,25%\n", d, "s.csv");
    CHECK_THROWS_AS((void)bmm::relations_of(t), bmm::table_error);
    CHECK_THROWS_AS((void)bmm::audit_declared(t, bmm::audit_options{}), bmm::table_error);
    // The same declaration with its total declared is audited.
    d.summaries.front().total = bmm::row_ref::named("All");
    const bmm::printed_table with_total = bmm::read_printed_table(
        "Status,Measures,Share\nGreen,3,75%\nRed,1,25%\nAll,4,\n", d, "s.csv");
    CHECK(bmm::audit_declared(with_total, bmm::audit_options{}).found.errors() == 0);
}
