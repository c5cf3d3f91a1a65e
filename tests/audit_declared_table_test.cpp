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
#include <cstdint>
#include <random>
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

// ---------------------------------------------------------------------------------------------
// The property (issue 18, done-when line 2): random declared tables, their exact figures printed
// by bmm's own rounding (ratio::round by the declared mode), audited as printed.

namespace {

enum class shape { named, group, after, above, net_rows, net_blocks };
constexpr shape shapes[] = {shape::named, shape::above,    shape::group,
                            shape::after, shape::net_rows, shape::net_blocks};
enum class blocks { year, to_date, last_year };

/// One row's exact figures in one block, in pounds: the budget, the spend (forecast or actual)
/// and the previous forecast.
struct base {
    std::int64_t budget = 0, spend = 0, previous = 0;
};

struct column_spec {
    std::string heading;
    bmm::table_role role;
    std::string block;  // the figures' block (the declaration's block)
};

struct row_spec {
    std::string label;
    std::string group;
    bool heading = false;       // prints no figure
    std::vector<base> figures;  // one per figure block, in `block_names` order
};

/// A random declared table and its exact figures, printed.
struct random_table {
    bmm::table_declaration declaration;
    std::vector<std::string> block_names;
    std::vector<column_spec> columns;
    std::vector<row_spec> rows;
    std::vector<std::vector<std::string>> printed;  // per row, per column
    int places = 0;
    int pct_places = 1;
    std::int64_t pounds_per_unit = 1;  // one unit of the last printed place, in pounds
};

/// The printed text of an exact figure: rounded by bmm to `places` by `mode`; negatives in
/// brackets or with a sign.
std::string print(const bmm::ratio& exact, int places, bmm::rounding_mode mode, bool brackets,
                  bool percent) {
    const bmm::decimal d = exact.round(places, mode);
    const bool negative = d.units() < 0;
    std::string digits = bmm::to_string(negative ? -d : d);
    if (percent) digits += "%";
    if (!negative) return digits;
    return brackets ? "(" + digits + ")" : "-" + digits;
}

class table_maker {
public:
    explicit table_maker(std::uint64_t seed) : gen_(seed) {}

    random_table make(bmm::variance_direction direction, blocks extra, shape sh) {
        random_table t;
        mode_ = bmm_test::all_rounding_modes[static_cast<std::size_t>(pick(0, 6))];
        // Printed in £000 (0 or 1 places) or £m (1 or 2 places).
        const int format = pick(0, 3);
        const bmm::table_unit unit =
            format < 2 ? bmm::table_unit::thousands : bmm::table_unit::millions;
        t.places = format == 0 ? 0 : format == 1 ? 1 : format == 2 ? 1 : 2;
        t.pct_places = pick(0, 1);
        std::int64_t per = bmm::pounds_per(unit);
        for (int k = 0; k < t.places; ++k) per /= 10;
        t.pounds_per_unit = per;
        // Under infer the table is printed one way or the other, and declared infer.
        const bool budget_minus = direction == bmm::variance_direction::budget_minus_spend ||
                                  (direction == bmm::variance_direction::infer && pick(0, 1) == 1);
        budget_minus_ = budget_minus;

        bmm::table_declaration& d = t.declaration;
        d.title = "random";
        d.rounding = mode_;
        d.direction = direction;
        d.basis = bmm::percent_basis::magnitude;
        d.columns.push_back(bmm::table_column::of("Line", bmm::table_role::name));
        t.columns.push_back({"Line", bmm::table_role::name, ""});
        if (sh == shape::group) {
            d.columns.push_back(bmm::table_column::of("Area", bmm::table_role::group));
            t.columns.push_back({"Area", bmm::table_role::group, ""});
        }
        auto money = [&](const std::string& heading, bmm::table_role role,
                         const std::string& block) {
            bmm::table_column c = bmm::table_column::of(heading, role, unit, block);
            c.places = t.places;
            d.columns.push_back(c);
            t.columns.push_back({heading, role, block});
        };
        auto pct = [&](const std::string& heading, bmm::table_role role, const std::string& block) {
            bmm::table_column c =
                bmm::table_column::of(heading, role, bmm::table_unit::percent, block);
            d.columns.push_back(c);
            t.columns.push_back({heading, role, block});
        };
        const bool movement = sh != shape::net_blocks && pick(0, 1) == 1;
        if (sh == shape::net_blocks) {
            t.block_names = {"expenditure", "income", "net"};
        } else {
            t.block_names = {"year"};
        }
        for (const std::string& b : t.block_names) {
            money("Budget " + b, bmm::table_role::budget, b);
            if (movement) money("Previous forecast " + b, bmm::table_role::previous_forecast, b);
            money("Forecast " + b, bmm::table_role::forecast, b);
            money("Variance " + b, bmm::table_role::variance, b);
            if (movement) money("Movement " + b, bmm::table_role::movement, b);
            pct("Variance % " + b, bmm::table_role::variance_pct, b);
        }
        if (extra == blocks::to_date) {
            t.block_names.push_back("to_date");
            money("Budget to date", bmm::table_role::budget, "to_date");
            money("Actual to date", bmm::table_role::actual, "to_date");
            money("Variance to date", bmm::table_role::variance, "to_date");
            money("Remaining", bmm::table_role::remaining, "to_date");
            pct("% spent", bmm::table_role::pct_spent, "to_date");
        } else if (extra == blocks::last_year) {
            t.block_names.push_back("last_year");
            money("Budget last year", bmm::table_role::budget, "last_year");
            money("Outturn last year", bmm::table_role::actual, "last_year");
        }
        d.columns.push_back(bmm::table_column::of("Comment", bmm::table_role::note));
        t.columns.push_back({"Comment", bmm::table_role::note, ""});
        if (sh == shape::net_blocks) {
            d.nets.push_back(bmm::table_net{true, "net", "expenditure", "income", std::nullopt});
        }
        // Every row with a % has a budget of at least 1,000 units, so that a % is a few units
        // wide at most (a total of lines and income can fall near zero: drawn again).
        const bmm::table_declaration declared = d;
        for (;;) {
            rows(t, sh);
            if (wide_budgets(t)) break;
            t.rows.clear();
            t.declaration = declared;
        }
        print_all(t);
        return t;
    }

    static bool wide_budgets(const random_table& t) {
        for (const row_spec& r : t.rows) {
            if (r.heading) continue;
            for (std::size_t k = 0; k < t.block_names.size(); ++k) {
                if (t.block_names[k] == "last_year") continue;  // no % there
                const std::int64_t b = r.figures[k].budget;
                if ((b < 0 ? -b : b) < 1000 * t.pounds_per_unit) return false;
            }
        }
        return true;
    }

    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(gen_); }
    std::int64_t pick64(std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(gen_);
    }

private:
    /// A line's figures in one block: a budget of 1,000 to 200,000 units (negative: income),
    /// a spend that is the budget or off it by at least 50 units, a previous forecast.
    base line(const random_table& t, bool income) {
        const std::int64_t u = t.pounds_per_unit;
        const bool on_grid = pick(0, 3) == 0;  // ties: multiples of half a unit
        auto amount = [&](std::int64_t lo_units, std::int64_t hi_units) {
            if (on_grid && u >= 2) return pick64(2 * lo_units, 2 * hi_units) * (u / 2);
            return pick64(lo_units * u, hi_units * u);
        };
        base b;
        b.budget = amount(1000, 200000);
        const int kind = pick(0, 4);
        if (kind == 0) {
            b.spend = b.budget;
        } else {
            const std::int64_t off = amount(50, 20000);
            b.spend = b.budget + (kind % 2 == 0 ? off : -off);
        }
        b.previous = b.spend + (pick(0, 2) == 0 ? 0 : amount(-5000, 5000));
        if (income) {
            b.budget = -b.budget;
            b.spend = -b.spend;
            b.previous = -b.previous;
        }
        return b;
    }
    /// A k-th of a line's figures (negated: an income that a k-th of an expenditure).
    static base fraction_of(const base& x, std::int64_t k, int sign = 1) {
        return base{sign * (x.budget / k), sign * (x.spend / k), sign * (x.previous / k)};
    }
    row_spec fraction_row(const row_spec& of, std::string label, int sign) {
        row_spec r;
        r.label = std::move(label);
        for (const base& x : of.figures) r.figures.push_back(fraction_of(x, pick64(3, 8), sign));
        return r;
    }
    row_spec line_row(const random_table& t, std::string label, bool income = false) {
        row_spec r;
        r.label = std::move(label);
        for (std::size_t k = 0; k < t.block_names.size(); ++k) {
            r.figures.push_back(t.block_names[k] == "income"
                                    ? fraction_of(r.figures[0], pick64(2, 8), -1)
                                    : line(t, income));
        }
        if (t.block_names.front() == "expenditure") {  // net = expenditure + income
            base& n = r.figures[2];
            n.budget = r.figures[0].budget + r.figures[1].budget;
            n.spend = r.figures[0].spend + r.figures[1].spend;
            n.previous = r.figures[0].previous + r.figures[1].previous;
        }
        return r;
    }
    static row_spec sum_row(const random_table& t, std::string label,
                            const std::vector<std::pair<std::size_t, int>>& members) {
        row_spec r;
        r.label = std::move(label);
        r.figures.assign(t.block_names.size(), base{});
        for (const auto& m : members) {
            for (std::size_t k = 0; k < t.block_names.size(); ++k) {
                const base& x = t.rows[m.first].figures[k];
                r.figures[k].budget += m.second * x.budget;
                r.figures[k].spend += m.second * x.spend;
                r.figures[k].previous += m.second * x.previous;
            }
        }
        return r;
    }
    static std::vector<std::pair<std::size_t, int>> range(std::size_t from, std::size_t to) {
        std::vector<std::pair<std::size_t, int>> out;
        for (std::size_t i = from; i < to; ++i) out.push_back({i, 1});
        return out;
    }

    void rows(random_table& t, shape sh) {
        bmm::table_declaration& d = t.declaration;
        const int n = pick(2, 8);
        auto income = [&] { return pick(0, 9) == 0; };  // a tenth of the lines
        switch (sh) {
            case shape::named: {
                // Total = L1 + ... + L(n-1) - Less (a small subtracted member).
                bmm::table_total total;
                total.total = bmm::row_ref::named("Total");
                for (int i = 1; i < n; ++i) {
                    t.rows.push_back(line_row(t, "Service " + std::to_string(i)));
                    total.members.push_back({bmm::row_ref::named(t.rows.back().label), 1});
                }
                t.rows.push_back(fraction_row(t.rows.front(), "Less recharges", 1));
                total.members.push_back({bmm::row_ref::named("Less recharges"), -1});
                auto m = range(0, t.rows.size());
                m.back().second = -1;
                t.rows.push_back(sum_row(t, "Total", m));
                d.totals.push_back(total);
                break;
            }
            case shape::group: {
                // Lines of groups A and B interleaved; each group's total by the group column.
                std::vector<std::pair<std::size_t, int>> a, b;
                for (int i = 1; i <= n; ++i) {
                    const bool in_a = i == 1 || (i != 2 && pick(0, 1) == 0);
                    t.rows.push_back(line_row(t, "Service " + std::to_string(i), income()));
                    t.rows.back().group = in_a ? "A" : "B";
                    (in_a ? a : b).push_back({t.rows.size() - 1, 1});
                }
                t.rows.push_back(sum_row(t, "Total A", a));
                t.rows.push_back(sum_row(t, "Total B", b));
                for (const char* g : {"A", "B"}) {
                    bmm::table_total total;
                    total.total = bmm::row_ref::named(std::string("Total ") + g);
                    total.by = bmm::members_by::group;
                    total.group = g;
                    d.totals.push_back(total);
                }
                break;
            }
            case shape::after: {
                // A lone line, a heading, its lines, and an unlabelled total of those lines.
                t.rows.push_back(line_row(t, "Corporate"));
                row_spec h;
                h.label = "Services";
                h.heading = true;
                h.figures.assign(t.block_names.size(), base{});
                t.rows.push_back(h);
                for (int i = 1; i <= n; ++i) {
                    t.rows.push_back(line_row(t, "Service " + std::to_string(i), income()));
                }
                t.rows.push_back(sum_row(t, "", range(2, t.rows.size())));
                bmm::table_total total;
                total.total = bmm::row_ref::at(t.rows.size());
                total.by = bmm::members_by::after;
                total.after = bmm::row_ref::named("Services");
                d.totals.push_back(total);
                break;
            }
            case shape::above: {
                // Two groups by position, each with its total, and a grand total of the two.
                const int na = pick(1, 4), nb = pick(1, 4);
                for (int i = 1; i <= na; ++i)
                    t.rows.push_back(line_row(t, "A" + std::to_string(i), income()));
                t.rows.push_back(sum_row(t, "Total A", range(0, t.rows.size())));
                const std::size_t ta = t.rows.size() - 1;
                for (int i = 1; i <= nb; ++i)
                    t.rows.push_back(line_row(t, "B" + std::to_string(i), income()));
                t.rows.push_back(sum_row(t, "Total B", range(ta + 1, t.rows.size())));
                const std::size_t tb = t.rows.size() - 1;
                t.rows.push_back(sum_row(t, "Grand total", {{ta, 1}, {tb, 1}}));
                for (const char* g : {"Total A", "Total B"}) {
                    bmm::table_total total;
                    total.total = bmm::row_ref::named(g);
                    total.by = bmm::members_by::above;
                    d.totals.push_back(total);
                }
                bmm::table_total grand;
                grand.total = bmm::row_ref::named("Grand total");
                grand.members = {{bmm::row_ref::named("Total A"), 1},
                                 {bmm::row_ref::named("Total B"), 1}};
                d.totals.push_back(grand);
                break;
            }
            case shape::net_rows: {
                // Each service: an Expenditure row, an Income row (a quarter of it at most) and
                // their Net Expenditure.
                const int services = pick(1, 3);
                for (int s = 0; s < services; ++s) {
                    t.rows.push_back(line_row(t, "Expenditure"));
                    t.rows.push_back(fraction_row(t.rows.back(), "Income", -1));
                    const std::size_t e = t.rows.size() - 2;
                    t.rows.push_back(sum_row(t, "Net Expenditure", {{e, 1}, {e + 1, 1}}));
                }
                d.nets.push_back(bmm::table_net{false, "Net Expenditure", "Expenditure", "Income",
                                                std::nullopt});
                break;
            }
            case shape::net_blocks: {
                for (int i = 1; i <= n; ++i) {
                    t.rows.push_back(line_row(t, "Service " + std::to_string(i)));
                }
                t.rows.push_back(sum_row(t, "Total", range(0, t.rows.size())));
                bmm::table_total total;
                total.total = bmm::row_ref::named("Total");
                total.by = bmm::members_by::above;
                d.totals.push_back(total);
                break;
            }
        }
    }

    void print_all(random_table& t) {
        t.printed.clear();
        const std::int64_t u = t.pounds_per_unit;
        const std::int64_t per = u * ipow10(t.places);  // pounds per printed 1 (the unit)
        for (const row_spec& r : t.rows) {
            std::vector<std::string> cells;
            const bool brackets = pick(0, 1) == 0;
            for (const column_spec& c : t.columns) {
                if (c.role == bmm::table_role::name) {
                    cells.push_back(r.label);
                    continue;
                }
                if (c.role == bmm::table_role::group) {
                    cells.push_back(r.group);
                    continue;
                }
                if (c.role == bmm::table_role::note || r.heading) {
                    cells.emplace_back();
                    continue;
                }
                const std::size_t k = static_cast<std::size_t>(
                    std::find(t.block_names.begin(), t.block_names.end(), c.block) -
                    t.block_names.begin());
                const base& x = r.figures[k];
                const std::int64_t variance =
                    budget_minus_ ? x.budget - x.spend : x.spend - x.budget;
                std::int64_t pounds = 0;
                switch (c.role) {
                    case bmm::table_role::budget:
                        pounds = x.budget;
                        break;
                    case bmm::table_role::forecast:
                    case bmm::table_role::actual:
                        pounds = x.spend;
                        break;
                    case bmm::table_role::previous_forecast:
                        pounds = x.previous;
                        break;
                    case bmm::table_role::variance:
                        pounds = variance;
                        break;
                    case bmm::table_role::movement:
                        pounds = x.spend - x.previous;
                        break;
                    case bmm::table_role::remaining:
                        pounds = x.budget - x.spend;
                        break;
                    case bmm::table_role::variance_pct: {
                        const std::int64_t b = x.budget < 0 ? -x.budget : x.budget;
                        cells.push_back(print(bmm::ratio(100 * variance, b), t.pct_places, mode_,
                                              brackets, pick(0, 1) == 0));
                        continue;
                    }
                    case bmm::table_role::pct_spent:
                        cells.push_back(print(bmm::ratio(100 * x.spend, x.budget), t.pct_places,
                                              mode_, brackets, pick(0, 1) == 0));
                        continue;
                    default:
                        FAIL("a role the property does not print");
                }
                cells.push_back(print(bmm::ratio(pounds, per), t.places, mode_, brackets, false));
            }
            t.printed.push_back(std::move(cells));
        }
    }
    static std::int64_t ipow10(int n) {
        std::int64_t p = 1;
        for (int i = 0; i < n; ++i) p *= 10;
        return p;
    }

    std::mt19937_64 gen_;
    bmm::rounding_mode mode_ = bmm::rounding_mode::half_up;
    bool budget_minus_ = false;
};

/// The table as printed, read under its declaration (cells at line = row + 2, column = c + 1).
bmm::printed_table read(const random_table& t) {
    std::vector<bmm::text_field> headings;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        headings.push_back({t.columns[c].heading, bmm::source_position{"random.csv", 1, c + 1}});
    }
    std::vector<std::vector<bmm::text_field>> rows;
    std::vector<std::size_t> lines;
    for (std::size_t r = 0; r < t.printed.size(); ++r) {
        std::vector<bmm::text_field> fields;
        for (std::size_t c = 0; c < t.printed[r].size(); ++c) {
            fields.push_back({t.printed[r][c], bmm::source_position{"random.csv", r + 2, c + 1}});
        }
        rows.push_back(std::move(fields));
        lines.push_back(r + 2);
    }
    return bmm::printed_table::read(t.declaration, headings, rows, lines);
}

/// The printed figures a relation names: every one but a last-year figure of a line no total
/// sums (the lone line before the heading; last year's figures are checked by totals only).
std::vector<std::pair<std::size_t, std::size_t>> related_cells(const bmm::printed_table& p) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t r = 0; r < p.rows().size(); ++r) {
        for (std::size_t c = 0; c < p.columns().size(); ++c) {
            if (!p.cell(r, c).is_figure()) continue;
            if (p.rows()[r].label == "Corporate" && p.columns()[c].block == "last_year") continue;
            out.push_back({r, c});
        }
    }
    return out;
}

/// True when an error of the audit is at the cell, or at a relation that names the cell.
bool found_at(const bmm::printed_table& p, const bmm::declared_audit& a, std::size_t row,
              std::size_t column) {
    const std::string& heading = p.columns()[column].heading;
    for (const bmm::finding& f : a.found) {
        if (f.verdict == bmm::verdict::error && f.where.row_index == row &&
            f.where.column == heading) {
            return true;
        }
    }
    const bmm::relation_set s = bmm::relations_of(p);
    for (const bmm::finding& f : a.found) {
        if (f.verdict != bmm::verdict::error) continue;
        for (const bmm::relation& r : s.relations()) {
            if (r.rule != f.rule || s.cell(r.derived).where != f.where) continue;
            for (bmm::cell_id id : s.cells_of(r)) {
                const bmm::cell_ref& w = s.cell(id).where;
                if (w.row_index == row && w.column == heading) return true;
            }
        }
    }
    return false;
}

}  // namespace

TEST_CASE(
    "property: random declared tables printed by bmm's rounding audit with no finding but "
    "rounding, and a planted error is found at its cell") {
    const int per_combination = bmm_test::property_count(100'000) / 54 + 1;
    const bmm::variance_direction directions[] = {bmm::variance_direction::spend_minus_budget,
                                                  bmm::variance_direction::budget_minus_spend,
                                                  bmm::variance_direction::infer};
    const blocks block_sets[] = {blocks::year, blocks::to_date, blocks::last_year};
    table_maker maker(18);
    bmm::audit_options counted;  // rounding findings counted, not stored
    counted.store_rounding = false;
    std::size_t tables = 0, cells = 0, planted = 0, found = 0, rounding = 0;
    for (bmm::variance_direction dir : directions) {
        for (blocks bs : block_sets) {
            for (shape sh : shapes) {
                for (int i = 0; i < per_combination; ++i) {
                    random_table t = maker.make(dir, bs, sh);
                    const bmm::printed_table p = read(t);
                    const bmm::declared_audit a = bmm::audit_declared(p, counted);
                    ++tables;
                    cells +=
                        a.found.count(bmm::verdict::agrees) + a.found.count(bmm::verdict::rounding);
                    rounding += a.found.count(bmm::verdict::rounding);
                    bool clean = a.not_checked.empty() && a.found.errors() == 0;
                    for (const bmm::finding& f : a.found) {
                        clean = clean && f.verdict == bmm::verdict::rounding;
                    }
                    if (!clean) {
                        CAPTURE(tables);
                        CAPTURE(static_cast<int>(sh));
                        for (const bmm::finding& f : a.found) {
                            if (f.verdict == bmm::verdict::rounding) continue;
                            CAPTURE(f.rule);
                            CAPTURE(f.where.row);
                            CAPTURE(f.where.column);
                            CAPTURE(f.printed);
                            CHECK(f.verdict == bmm::verdict::rounding);
                        }
                        CHECK(a.not_checked.empty());
                        continue;
                    }
                    // Plant an error: one printed figure a relation names moved 25 to 60 units
                    // of its last place (away from zero for a variance or a %, which moved toward zero could
                    // land on the other direction or basis).
                    const auto related = related_cells(p);
                    REQUIRE(!related.empty());
                    const auto target = related[static_cast<std::size_t>(
                        maker.pick(0, static_cast<int>(related.size()) - 1))];
                    const bmm::table_cell& c = p.cell(target.first, target.second);
                    const bool percent = bmm::is_percent(p.columns()[target.second].role);
                    const int places = percent ? t.pct_places : t.places;
                    const bmm::decimal v = bmm::ratio::from_decimal(*c.value).round(
                        places, bmm::rounding_mode::half_up);  // at its printed places
                    std::int64_t delta = maker.pick(25, 60);
                    const bool away =
                        percent || p.columns()[target.second].role == bmm::table_role::variance;
                    if (away ? v.units() < 0 : maker.pick(0, 1) == 0) delta = -delta;
                    const bmm::decimal moved = bmm::decimal::from_units(v.units() + delta, places);
                    random_table wrong = t;
                    wrong.printed[target.first][target.second] =
                        bmm::to_string(moved) + (percent && maker.pick(0, 1) == 0 ? "%" : "");
                    const bmm::printed_table q = read(wrong);
                    const bmm::declared_audit b = bmm::audit_declared(q, counted);
                    ++planted;
                    const bool at = found_at(q, b, target.first, target.second);
                    if (at) ++found;
                    CAPTURE(tables);
                    CAPTURE(static_cast<int>(sh));
                    CAPTURE(p.rows()[target.first].name);
                    CAPTURE(p.columns()[target.second].heading);
                    CAPTURE(c.text);
                    CAPTURE(bmm::to_string(moved));
                    CHECK(at);
                    // No whole column read the other way because of one planted figure.
                    bool flipped = false;
                    for (const std::string& line : b.read_as) {
                        flipped = flipped || line.find("(declared") != std::string::npos;
                    }
                    CHECK(!flipped);
                    if (!at) {
                        for (const auto& row : wrong.printed) {
                            std::string line;
                            for (const auto& x : row) line += x + " | ";
                            MESSAGE(line);
                        }
                        for (const bmm::finding& f : b.found) {
                            MESSAGE(f.rule << " @ " << f.where.row << "/" << f.where.column << " "
                                           << bmm::to_string(f.verdict) << " " << f.printed);
                        }
                    }
                }
            }
        }
    }
    MESSAGE("declared tables: " << tables << ", cells checked: " << cells << " (" << rounding
                                << " rounding), planted errors found: " << found << " of "
                                << planted);
    CHECK(tables >= static_cast<std::size_t>(bmm_test::property_count(100'000)));
    CHECK(found == planted);
}
