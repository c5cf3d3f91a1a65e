// Spec for bmm/audit/relations.hpp: printed cells and the relations between them, and their plain
// audit — linear relations (sums, differences, any coefficients) judged at their derived cell;
// percent relations under either basis, with the other basis a sign_convention; a zero
// denominator; exact cells; blank cells read through their definitions or left unchecked;
// relations across tables; aggregate cells; bad relations and overflow as typed errors.
#include <doctest/doctest.h>

#include <bmm/audit/relations.hpp>
//
#include <optional>
#include <string>
#include <vector>

#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {

bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
bmm::cell_ref ref(const char* section, const char* row, const char* column) {
    return bmm::cell_ref{section, row, column, std::nullopt, std::nullopt};
}
bmm::printed_cell half_up(const char* section, const char* row, const char* column,
                          const char* figure) {
    return bmm::printed_cell::figure(ref(section, row, column), d(figure),
                                     bmm::rounding_mode::half_up);
}

/// A set of cells printed half up in one section, added by row and column.
struct table {
    bmm::relation_set s;
    bmm::cell_id cell(const char* row, const char* column, const char* figure,
                      bmm::rounding_mode mode = bmm::rounding_mode::half_up) {
        const bmm::cell_ref where = ref("Table 11", row, column);
        return s.add_cell(*figure == '\0'
                              ? bmm::printed_cell::blank(where, mode)
                              : bmm::printed_cell::figure(where, d(figure), mode, figure));
    }
};

const bmm::audit_options plain{};

}  // namespace

TEST_CASE("seed 003's Contingency: -3.3 of 12.4 is -26.6%, and no rounding of them gives -29.6%") {
    table t;
    const auto b = t.cell("Contingency", "budget", "12.4");
    const auto f = t.cell("Contingency", "forecast", "9.1");
    const auto v = t.cell("Contingency", "variance", "-3.3");
    const auto p = t.cell("Contingency", "variance_pct", "-29.6");
    t.s.add_difference("variance = forecast - budget", v, f, b);
    t.s.add_percent("variance % = variance / |budget|", p, v, b, bmm::variance_basis::magnitude);
    const bmm::findings found = bmm::audit(t.s, plain);
    CHECK(found.cells_checked() == 2);
    CHECK(found.count(bmm::verdict::agrees) == 1);
    REQUIRE(found.size() == 1);
    const bmm::finding& e = found[0];
    CHECK(e.verdict == bmm::verdict::error);
    CHECK(e.where.row == "Contingency");
    CHECK(e.where.column == "variance_pct");
    CHECK(e.rule == "variance % = variance / |budget|");
    CHECK(e.printed == "-29.6");
    CHECK(e.expected == "-26.6");
    // (-3.35, -3.25] ÷ [12.35, 12.45) × 100: from -3.35/12.35 to -3.25/12.45, both open (each
    // corner holds an open end).
    REQUIRE(e.fits);
    CHECK(e.fits->lo == bmm::ratio(-33500, 1235));
    CHECK(e.fits->hi == bmm::ratio(-32500, 1245));
    CHECK_FALSE(e.fits->lo_closed);
    CHECK_FALSE(e.fits->hi_closed);
}

TEST_CASE("a sum agrees, is a rounding effect or is an error, judged at its total") {
    for (const char* total : {"4.0", "4.1", "4.3"}) {
        table t;
        std::vector<bmm::cell_id> parts;
        for (const char* row : {"A", "B", "C", "D"}) parts.push_back(t.cell(row, "budget", "1.0"));
        const auto tot = t.cell("Total", "budget", total);
        t.s.add_sum("Total = sum(members)", tot, parts);
        const bmm::findings found = bmm::audit(t.s, plain);
        CAPTURE(total);
        CHECK(found.cells_checked() == 1);
        const bmm::verdict v = bmm_test::only_verdict(found);
        if (std::string(total) == "4.0") {
            CHECK(v == bmm::verdict::agrees);
            CHECK(found.empty());
        } else if (std::string(total) == "4.1") {
            CHECK(v == bmm::verdict::rounding);  // four values in [0.95, 1.05) may sum to 4.1
            REQUIRE(found.size() == 1);
            CHECK(found[0].expected == "4.0");
            CHECK(found[0].fits ==
                  bmm::printed_interval{bmm::ratio(38, 10), bmm::ratio(42, 10), true, false});
        } else {
            CHECK(v == bmm::verdict::error);  // four values below 1.05 sum below 4.2
        }
    }
}

TEST_CASE("store_rounding = false counts rounding findings without storing them") {
    table t;
    const auto a = t.cell("A", "budget", "1.0"), b = t.cell("B", "budget", "1.0");
    const auto tot = t.cell("Total", "budget", "2.1");
    t.s.add_sum("sum", tot, {a, b});
    bmm::audit_options counted;
    counted.store_rounding = false;
    const bmm::findings found = bmm::audit(t.s, counted);
    CHECK(found.empty());
    CHECK(found.count(bmm::verdict::rounding) == 1);
    CHECK(bmm::audit(t.s, plain).size() == 1);
}

TEST_CASE("any linear relation: coefficients and a constant, solved for the derived cell") {
    // A balance: closing = opening + 2 × contributions - 5 (a constant), judged at the closing.
    table t;
    const auto open = t.cell("Reserve", "opening", "10.0");
    const auto in = t.cell("Reserve", "in", "1.5");
    for (const char* closing : {"8.0", "8.1", "8.3"}) {
        table u = t;
        const auto close = u.cell("Reserve", "closing", closing);
        u.s.add_linear("closing = opening + 2 x in - 5",
                       {{bmm::ratio(2), close}, {bmm::ratio(-2), open}, {bmm::ratio(-4), in}},
                       bmm::ratio(-10), close);
        CAPTURE(closing);
        const bmm::verdict v = bmm_test::only_verdict(bmm::audit(u.s, plain));
        // 10.0 + 3.0 - 5 = 8.0; the inputs allow [9.95 + 2.9 - 5, 10.05 + 3.1 - 5) = [7.85, 8.15)
        if (std::string(closing) == "8.0") CHECK(v == bmm::verdict::agrees);
        if (std::string(closing) == "8.1") CHECK(v == bmm::verdict::rounding);
        if (std::string(closing) == "8.3") CHECK(v == bmm::verdict::error);
    }
}

TEST_CASE("a % of a negative budget that holds only under the other basis is a sign_convention") {
    // Seed 003's Interest on Balances: -0.5 of -16.7 printed 3.0% (÷ budget, not ÷ |budget|).
    for (auto basis : {bmm::variance_basis::magnitude, bmm::variance_basis::signed_budget}) {
        table t;
        const auto b = t.cell("Interest on Balances", "budget", "-16.7");
        const auto v = t.cell("Interest on Balances", "variance", "-0.5");
        const auto p = t.cell("Interest on Balances", "variance_pct", "3.0");
        t.s.add_percent("variance_pct", p, v, b, basis);
        const bmm::findings found = bmm::audit(t.s, plain);
        if (basis == bmm::variance_basis::magnitude) {
            REQUIRE(found.size() == 1);
            CHECK(found[0].verdict == bmm::verdict::sign_convention);
            CHECK(found[0].expected == "-3.0");
        } else {
            CHECK(found.count(bmm::verdict::agrees) == 1);
        }
    }
}

TEST_CASE("a % of a printed zero has no value: 0 agrees, any other figure is rounding") {
    for (const char* pct : {"0.0", "12.5"}) {
        table t;
        const auto b = t.cell("Line", "budget", "0.0");
        const auto v = t.cell("Line", "variance", "0.3");
        const auto p = t.cell("Line", "variance_pct", pct);
        t.s.add_percent("variance_pct", p, v, b, bmm::variance_basis::magnitude);
        const bmm::findings found = bmm::audit(t.s, plain);
        CAPTURE(pct);
        if (std::string(pct) == "0.0") {
            CHECK(bmm_test::only_verdict(found) == bmm::verdict::agrees);
        } else {
            REQUIRE(found.size() == 1);
            CHECK(found[0].verdict == bmm::verdict::rounding);
            CHECK_FALSE(found[0].fits);
        }
    }
}

TEST_CASE("an exact cell (a count) stands for itself: it agrees only when it is the value") {
    for (const char* total : {"14", "15"}) {
        bmm::relation_set s;
        std::vector<bmm::cell_id> parts;
        for (const char* n : {"1", "3", "5", "5"}) {
            parts.push_back(s.add_cell(bmm::printed_cell::exact_figure(
                ref("Table 1", "May", "count"), d(n), bmm::rounding_mode::half_up)));
        }
        const auto tot = s.add_cell(bmm::printed_cell::exact_figure(
            ref("Table 1", "May", "total"), d(total), bmm::rounding_mode::half_up));
        s.add_sum("total = sum of the counts", tot, parts);
        CAPTURE(total);
        CHECK(bmm_test::only_verdict(bmm::audit(s, plain)) ==
              (std::string(total) == "14" ? bmm::verdict::agrees : bmm::verdict::error));
    }
}

TEST_CASE(
    "a blank cell is read through the relation that defines it, or its relation is not checked") {
    // A member whose forecast is blank: its forecast is its budget + its variance (the variance
    // relation defines it), so the total's forecast is checked from them.
    table t;
    const auto b1 = t.cell("A", "budget", "10.0"), f1 = t.cell("A", "forecast", "11.0");
    const auto v1 = t.cell("A", "variance", "1.0");
    const auto b2 = t.cell("B", "budget", "5.0"), f2 = t.cell("B", "forecast", "");
    const auto v2 = t.cell("B", "variance", "0.4");
    const auto tf = t.cell("Total", "forecast", "16.4");
    t.s.add_difference("variance", v1, f1, b1);
    t.s.add_linear("variance", {{bmm::ratio(1), v2}, {bmm::ratio(-1), f2}, {bmm::ratio(1), b2}},
                   bmm::ratio(), f2);  // derived f2: blank, so it defines f2
    t.s.add_sum("sum", tf, {f1, f2});
    const bmm::findings found = bmm::audit(t.s, plain);
    CHECK(found.cells_checked() == 2);  // A's variance and the total; B's relation defines f2
    CHECK(found.count(bmm::verdict::agrees) == 2);

    // With B's variance blank too, f2 cannot be read: the total is not checked.
    table u;
    const auto c1 = u.cell("A", "forecast", "11.0"), c2 = u.cell("B", "forecast", "");
    const auto tot = u.cell("Total", "forecast", "16.4");
    u.s.add_sum("sum", tot, {c1, c2});
    CHECK(bmm::audit(u.s, plain).cells_checked() == 0);
}

TEST_CASE("a relation across tables: a directorate total is its line in the overall table") {
    // Seed 003: Total Public Health 2.2 in its directorate table, and Public Health 2.2 in
    // Table 11; its lines add to 1.9.
    bmm::relation_set s;
    auto add = [&s](const char* section, const char* row, const char* figure) {
        return s.add_cell(half_up(section, row, "budget", figure));
    };
    std::vector<bmm::cell_id> lines;
    for (const char* f : {"35.6", "0.6", "-0.7", "-33.6", "0.0"}) {
        lines.push_back(add("Public Health and Community Safety", "a line", f));
    }
    const auto total = add("Public Health and Community Safety", "Total Public Health", "2.2");
    const auto overall = add("Table 11", "Public Health", "2.2");
    s.add_sum("Total Public Health = sum(lines)", total, lines);
    s.add_linear("Table 11's Public Health = the directorate's total",
                 {{bmm::ratio(1), overall}, {bmm::ratio(-1), total}}, bmm::ratio(), overall);
    const bmm::findings found = bmm::audit(s, plain);
    CHECK(found.cells_checked() == 2);
    REQUIRE(found.size() == 1);
    CHECK(found[0].where.row == "Total Public Health");
    CHECK(found[0].verdict == bmm::verdict::error);
    CHECK(found[0].expected == "1.9");
}

TEST_CASE("an aggregate cell stands for its own interval") {
    // Ninety-nine lines printed 1.0, summed into one cell: [99 × 0.95, 99 × 1.05).
    bmm::relation_set s;
    bmm::printed_cell rest = half_up("T", "99 other lines", "budget", "99.0");
    rest.interval =
        bmm::printed_interval{bmm::ratio(9405, 100), bmm::ratio(10395, 100), true, false};
    const auto agg = s.add_cell(rest);
    const auto one = s.add_cell(half_up("T", "line", "budget", "1.0"));
    const auto tot = s.add_cell(half_up("T", "Total", "budget", "104.0"));
    s.add_sum("sum", tot, {agg, one});
    // 104.0 is not 100.0 (an exact aggregate only agrees with its value), but [95.0, 105.0)
    // meets [103.95, 104.05): a rounding effect.
    const bmm::findings found = bmm::audit(s, plain);
    REQUIRE(found.size() == 1);
    CHECK(found[0].verdict == bmm::verdict::rounding);
    CHECK(found[0].printed == "104.0");  // no text: the figure
}

TEST_CASE("bad relations are invalid_argument naming the rule") {
    table t;
    const auto a = t.cell("A", "budget", "1.0"), b = t.cell("B", "budget", "2.0");
    CHECK_THROWS_AS(t.s.add_sum("sum", a, {b, bmm::cell_id{7}}), bmm::invalid_argument);
    CHECK_THROWS_AS(t.s.add_sum("sum", a, {}), bmm::invalid_argument);
    CHECK_THROWS_AS(t.s.add_linear("no derived", {{bmm::ratio(1), b}}, bmm::ratio(), a),
                    bmm::invalid_argument);
    CHECK_THROWS_AS(
        t.s.add_linear("cancels", {{bmm::ratio(1), a}, {bmm::ratio(-1), a}}, bmm::ratio(), a),
        bmm::invalid_argument);
    CHECK_THROWS_AS(t.s.add_linear("zero", {{bmm::ratio(0), a}}, bmm::ratio(), a),
                    bmm::invalid_argument);
    CHECK_THROWS_AS(t.s.add_percent("self", a, a, b, bmm::variance_basis::magnitude),
                    bmm::invalid_argument);
    CHECK_THROWS_AS((void)t.s.cell(bmm::cell_id{9}), bmm::invalid_argument);
    bmm::printed_cell heavy = half_up("T", "A", "budget", "1.0");
    heavy.weight = 0;
    CHECK_THROWS_AS(t.s.add_cell(heavy), bmm::invalid_argument);
    try {
        t.s.add_sum("Total Adults = sum(members)", a, {bmm::cell_id{42}});
        FAIL("no throw");
    } catch (const bmm::invalid_argument& e) {
        CHECK(std::string(e.what()).find("Total Adults = sum(members)") != std::string::npos);
    }
    CHECK(t.s.relations().empty());  // nothing was added by a refused relation
}

TEST_CASE("a recomputed value beyond exact 64-bit ratios is an overflow_error naming the rule") {
    bmm::relation_set s;
    auto add = [&s](const char* figure) {
        return s.add_cell(half_up("T", "row", "budget", figure));
    };
    const auto a = add("9000000000000000000"), b = add("9000000000000000000");
    const auto t = add("1.0");
    s.add_linear("t = a x b / 3", {{bmm::ratio(3), t}, {bmm::ratio(-7), a}, {bmm::ratio(-7), b}},
                 bmm::ratio(), t);
    try {
        (void)bmm::audit(s, plain);
        FAIL("no throw");
    } catch (const bmm::overflow_error& e) {
        CHECK(std::string(e.what()).find("t = a x b / 3") != std::string::npos);
    }
}

TEST_CASE("cells_of lists a relation's cells, derived first, each once") {
    table t;
    const auto a = t.cell("A", "x", "1.0"), b = t.cell("B", "x", "2.0"), c = t.cell("C", "x", "3");
    t.s.add_linear(
        "c = a + a + b",
        {{bmm::ratio(1), a}, {bmm::ratio(1), a}, {bmm::ratio(1), b}, {bmm::ratio(-1), c}},
        bmm::ratio(), c);
    t.s.add_percent("p", c, a, b, bmm::variance_basis::signed_budget);
    CHECK(t.s.cells_of(t.s.relations()[0]) == std::vector<bmm::cell_id>{c, a, b});
    CHECK(t.s.cells_of(t.s.relations()[1]) == std::vector<bmm::cell_id>{c, a, b});
    CHECK(t.s.cell(b).shown() == "2.0");
}
