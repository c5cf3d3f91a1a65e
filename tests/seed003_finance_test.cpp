// Seed 003 (Oxfordshire County Council, Business Management & Monitoring Report, May 2023),
// Annex B: the directorate tables (column by column, and as published tables through the table
// audit), the DSG table, the children-we-care-for counts and the highway defects table, each
// checked total by total with the printed-interval rule (figures printed half-up).
#include <doctest/doctest.h>

#include <bmm/audit/share.hpp>
#include <bmm/audit/sum.hpp>
#include <bmm/audit/table.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {

bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
using bmm_test::ds;

/// A row of a table printing budget and variance only (no forecast column).
bmm::published_row bv(const char* name, int level, const char* budget, const char* variance) {
    bmm::published_row r;
    r.name = name;
    r.level = level;
    r.budget = d(budget);
    r.variance = d(variance);
    return r;
}

bmm::published_row heading(const char* name) {
    bmm::published_row r;
    r.name = name;
    return r;
}

/// Annex B's five directorate tables as printed (¶9, ¶27, ¶44, ¶58, ¶67), in report order: each
/// directorate total is level 2, so that Public Health's own total (level 1) and Community
/// Safety's line are summed by "Total Public Health & Community Safety". (Children's memo line
/// "Overspend on High Needs DSG" is the DSG table's High Needs row, audited there.)
std::vector<bmm::published_row> directorate_tables() {
    return {
        heading("Adult Services"),
        bv("Adult Social Care", 0, "23.8", "0.0"),
        bv("Health, Education & Social Care Commissioning", 0, "5.1", "0.0"),
        bv("Housing & Social Care Commissioning", 0, "1.4", "0.0"),
        bv("Business Support Service", 0, "1.0", "0.0"),
        bv("Pooled Budgets", 0, "195.6", "0.0"),
        bv("Total Adult Services", 2, "226.9", "0.0"),
        heading("Children's Services"),
        bv("Education & Learning", 0, "40.8", "0.0"),
        bv("Children's Social Care", 0, "37.7", "1.8"),
        bv("Children's Social Care Countywide", 0, "85.8", "1.2"),
        bv("Schools", 0, "0.2", "0.0"),
        bv("Children's Services Central Costs", 0, "4.8", "0.0"),
        bv("Total Children's Services", 2, "169.3", "3.1"),
        heading("Environment & Place"),
        bv("Transport & Infrastructure", 0, "2.4", "0.0"),
        bv("Planning, Environment & Climate Change", 0, "37.1", "0.0"),
        bv("Highways & Operations", 0, "34.1", "0.6"),
        bv("Directorate Support", 0, "0.9", "0.0"),
        bv("Total Environment & Place", 2, "74.5", "0.6"),
        heading("Public Health and Community Safety"),
        bv("Public Health Functions", 0, "35.6", "0.0"),
        bv("Public Health Recharges", 0, "0.6", "0.0"),
        bv("Other Income", 0, "-0.7", "0.0"),
        bv("Grant Income", 0, "-33.6", "0.0"),
        bv("Transfer to Public Health Reserve", 0, "0.0", "0.0"),
        bv("Total Public Health", 1, "2.2", "0.0"),
        bv("Total Community Safety", 0, "24.8", "0.0"),
        bv("Total Public Health & Community Safety", 2, "27.0", "0.0"),
        heading("Resources"),
        bv("Corporate Services", 0, "3.0", "0.0"),
        bv("Human Resources & Organisational Development", 0, "3.0", "0.6"),
        bv("Communications, Strategy & Insight", 0, "3.1", "0.0"),
        bv("IT, Innovation & Digital", 0, "10.4", "0.3"),
        bv("Culture & Customer Experience", 0, "11.9", "0.2"),
        bv("Finance & Procurement", 0, "8.6", "0.1"),
        bv("Property, Investment & Facilities Management", 0, "19.1", "0.2"),
        bv("Law & Governance", 0, "7.7", "0.2"),
        bv("Delivery & Partnership", 0, "2.9", "0.0"),
        bv("Total Resources", 2, "69.7", "1.6"),
    };
}

struct column_check {
    const char* table;
    std::vector<bmm::decimal> lines;
    const char* printed_total;
    bmm::verdict expected = bmm::verdict::agrees;
};

}  // namespace

TEST_CASE(
    "every directorate and DSG table column adds to its printed total, except Public Health's "
    "budget") {
    const std::vector<column_check> checks{
        {"Adult Services budget", ds({"23.8", "5.1", "1.4", "1.0", "195.6"}), "226.9"},
        {"Adult Services variance", ds({"0.0", "0.0", "0.0", "0.0", "0.0"}), "0.0"},
        {"Children's Services budget", ds({"40.8", "37.7", "85.8", "0.2", "4.8"}), "169.3"},
        // 1.8 + 1.2 = 3.0 printed 3.1: a rounding effect (e.g. 1.84 + 1.24 = 3.08).
        {"Children's Services variance", ds({"0.0", "1.8", "1.2", "0.0", "0.0"}), "3.1",
         bmm::verdict::rounding},
        {"Environment & Place budget", ds({"2.4", "37.1", "34.1", "0.9"}), "74.5"},
        {"Environment & Place variance", ds({"0.0", "0.0", "0.6", "0.0"}), "0.6"},
        // 35.6 + 0.6 - 0.7 - 33.6 + 0.0 = 1.9, printed 2.2: no rounding reaches it.
        {"Public Health budget", ds({"35.6", "0.6", "-0.7", "-33.6", "0.0"}), "2.2",
         bmm::verdict::error},
        {"Public Health variance", ds({"0.0", "0.0", "0.0", "0.0", "0.0"}), "0.0"},
        {"Public Health & Community Safety budget", ds({"2.2", "24.8"}), "27.0"},
        {"Public Health & Community Safety variance", ds({"0.0", "0.0"}), "0.0"},
        {"Resources budget", ds({"3.0", "3.0", "3.1", "10.4", "11.9", "8.6", "19.1", "7.7", "2.9"}),
         "69.7"},
        {"Resources variance", ds({"0.0", "0.6", "0.0", "0.3", "0.2", "0.1", "0.2", "0.2", "0.0"}),
         "1.6"},
        // ¶41: the DSG table's columns (Schools, Central Services Schools, High Needs, Early
        // Years): 0.0 + 0.0 + 18.3 + 0.0 = 18.3.
        {"DSG budget", ds({"131.2", "5.0", "84.4", "44.3"}), "264.9"},
        {"DSG projected outturn", ds({"131.2", "5.0", "102.7", "44.3"}), "283.2"},
        {"DSG variance", ds({"0.0", "0.0", "18.3", "0.0"}), "18.3"},
    };
    for (const auto& c : checks) {
        CAPTURE(c.table);
        CHECK(bmm_test::only_verdict(bmm::audit_sum(d(c.printed_total), c.lines,
                                                    bmm::rounding_mode::half_up)) == c.expected);
    }
}

TEST_CASE("children we care for: subtotals and totals add up in every month") {
    // Seed 003 ¶44 table: Mainstream + Disabled Children = Subtotal; + Unaccompanied = Total.
    const char* mainstream[] = {"757", "778", "755", "752", "735", "719", "722", "704"};
    const char* disabled[] = {"61", "61", "62", "57", "57", "59", "57", "57"};
    const char* subtotal[] = {"818", "839", "817", "809", "792", "778", "779", "761"};
    const char* unaccompanied[] = {"66", "69", "73", "115", "105", "104", "104", "102"};
    const char* total[] = {"884", "908", "890", "924", "897", "882", "883", "863"};
    for (int i = 0; i < 8; ++i) {
        CAPTURE(i);
        CHECK(bmm_test::only_verdict(
                  bmm::audit_sum(d(subtotal[i]), {d(mainstream[i]), d(disabled[i])},
                                 bmm::rounding_mode::half_up)) == bmm::verdict::agrees);
        CHECK(bmm_test::only_verdict(
                  bmm::audit_sum(d(total[i]), {d(subtotal[i]), d(unaccompanied[i])},
                                 bmm::rounding_mode::half_up)) == bmm::verdict::agrees);
    }
}

TEST_CASE("highway defects: totals add up and each % change follows from its counts") {
    // Seed 003 ¶52 table: April, May, June, Total; 2022/23, 2023/24, % increase/decrease.
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("8459"), ds({"3320", "2927", "2212"}),
                                                bmm::rounding_mode::half_up)) ==
          bmm::verdict::agrees);
    CHECK(bmm_test::only_verdict(bmm::audit_sum(d("10561"), ds({"4143", "4944", "1474"}),
                                                bmm::rounding_mode::half_up)) ==
          bmm::verdict::agrees);
    struct row {
        const char* before;
        const char* after;
        const char* printed;
    };
    const row rows[] = {{"3320", "4143", "25"},
                        {"2927", "4944", "69"},
                        {"2212", "1474", "-33"},
                        {"8459", "10561", "25"}};
    for (const row& r : rows) {
        CAPTURE(r.printed);
        // % change = (after − before) ÷ before: the change is a share of the earlier count.
        const auto change = d(r.after) - d(r.before);
        CHECK(bmm_test::only_verdict(bmm::audit_share(d(r.printed), change, d(r.before),
                                                      bmm::rounding_mode::half_up)) ==
              bmm::verdict::agrees);
    }
}

TEST_CASE("the directorate tables' audit: Public Health's lines add to 1.9, not the printed 2.2") {
    const auto rows = directorate_tables();
    const auto report =
        bmm::audit_budget_table(rows, bmm::table_audit_options(bmm::rounding_mode::half_up));
    CHECK(report.cells_checked() == 12);  // six totals × (budget, variance)
    REQUIRE(report.size() == 2);
    // Children's Services: 1.8 + 1.2 printed 3.1 — a rounding effect (1.84 + 1.24 = 3.08).
    const auto& children = report[0];
    CHECK(children.where.row == "Total Children's Services");
    CHECK(children.where.column == "variance");
    CHECK(children.printed == "3.1");
    CHECK(children.expected == "3.0");
    CHECK(children.verdict == bmm::verdict::rounding);
    // Public Health: 35.6 + 0.6 - 0.7 - 33.6 + 0.0 = 1.9 printed 2.2 — an error; the printed 2.2
    // then adds correctly with Community Safety's 24.8 to 27.0.
    const auto& ph = report[1];
    CHECK(ph.where.row == "Total Public Health");
    CHECK(ph.where.column == "budget");
    CHECK(ph.printed == "2.2");
    CHECK(ph.expected == "1.9");
    CHECK(ph.verdict == bmm::verdict::error);
    CHECK(report.errors() == 1);
}

TEST_CASE("the DSG table audited as published: every variance and both totals follow") {
    // Seed 003 Annex B ¶41: 2023/24 Budget, Projected Outturn, Variance May 2023.
    auto line = [](const char* name, int level, const char* b, const char* f, const char* v) {
        bmm::published_row r;
        r.name = name;
        r.level = level;
        r.budget = d(b);
        r.forecast = d(f);
        r.variance = d(v);
        return r;
    };
    const std::vector<bmm::published_row> dsg{
        line("Schools block", 0, "131.2", "131.2", "0.0"),
        line("Central Services Schools block", 0, "5.0", "5.0", "0.0"),
        line("High Needs block", 0, "84.4", "102.7", "18.3"),
        line("Early Years block", 0, "44.3", "44.3", "0.0"),
        line("Total", 1, "264.9", "283.2", "18.3"),
    };
    const auto report =
        bmm::audit_budget_table(dsg, bmm::table_audit_options(bmm::rounding_mode::half_up));
    CHECK(report.cells_checked() == 7);  // five variances, the total's budget and outturn
    CHECK(report.empty());
    // The deficit of 18.3 is the High Needs variance: the unusable reserve's in-year movement.
    CHECK(bmm_test::only_verdict(
              bmm::audit_sum(d("59.4"), {d("41.1"), d("18.3")}, bmm::rounding_mode::half_up)) ==
          bmm::verdict::agrees);
}
