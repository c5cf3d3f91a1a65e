// Spec for bmm/audit/table_relations.hpp: a published budget table's relations as a
// relation_set, whose plain audit gives audit_budget_table's findings exactly — on seed 003's
// tables as printed, and over random tables of every shape the audit reads (blank forecasts,
// blank variances, changes without previous variances, ...), in every rounding mode and both
// bases, with wrong figures planted; bad rows are refused as the audit refuses them.
#include <doctest/doctest.h>

#include <bmm/audit/table_relations.hpp>
//
#include <array>
#include <bmm/io/published_table.hpp>
#include <cstdint>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
std::vector<bmm::published_row> seed_table(const char* file) {
    return bmm::read_published_table(
        read_text(std::string(BMM_SOURCE_DIR) + "/examples/data/" + file));
}

void check_same(const std::vector<bmm::published_row>& rows, const bmm::table_audit_options& o) {
    const bmm::findings expected = bmm::audit_budget_table(rows, o);
    bmm::audit_options plain;
    plain.store_rounding = o.store_rounding;
    const bmm::findings got = bmm::audit(bmm::budget_table_relations(rows, o), plain);
    CHECK(got.cells_checked() == expected.cells_checked());
    for (std::uint8_t v = 0; v < 6; ++v) {
        CHECK(got.count(static_cast<bmm::verdict>(v)) ==
              expected.count(static_cast<bmm::verdict>(v)));
    }
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CAPTURE(i);
        CAPTURE(expected[i].where.row);
        CAPTURE(expected[i].where.column);
        CHECK(got[i].where == expected[i].where);
        CHECK(got[i].rule == expected[i].rule);
        CHECK(got[i].printed == expected[i].printed);
        CHECK(got[i].expected == expected[i].expected);
        CHECK(got[i].verdict == expected[i].verdict);
        CHECK(got[i].fits == expected[i].fits);
    }
    CHECK(got == expected);
}

}  // namespace

TEST_CASE("seed 003's overall table: the relations' audit is the table audit") {
    const auto rows = seed_table("seed003_overall.csv");
    bmm::table_audit_options o(bmm::rounding_mode::half_up);
    o.section = "Table 11";
    o.file = "seed003_overall.csv";
    check_same(rows, o);
    const bmm::findings found = bmm::audit(bmm::budget_table_relations(rows, o), {});
    CHECK(found.errors() == 2);
    CHECK(found.count(bmm::verdict::sign_convention) == 2);
    o.basis = bmm::variance_basis::signed_budget;
    check_same(rows, o);
}

TEST_CASE("seed 003's directorate tables (no forecast column) and DSG table: the same findings") {
    const bmm::table_audit_options o(bmm::rounding_mode::half_up);
    check_same(seed_table("seed003_directorates.csv"), o);
    check_same(seed_table("seed003_dsg.csv"), o);
    const auto s = bmm::budget_table_relations(seed_table("seed003_directorates.csv"), o);
    CHECK(s.cells().size() == 6u * 35u);  // six cells a row, 35 rows with figures
}

TEST_CASE(
    "property: over random tables of every shape, mode and basis, with wrong figures planted, "
    "the relations' audit is the table audit") {
#ifdef NDEBUG
    constexpr int trials = 40'000;
#else
    constexpr int trials = 4'000;
#endif
    constexpr const auto& modes = bmm_test::all_rounding_modes;
    std::mt19937_64 gen(1207);
    std::uniform_int_distribution<int> lines(1, 6);
    std::uniform_int_distribution<std::int64_t> pence(-80'000'000'00, 300'000'000'00);
    std::uniform_int_distribution<std::int64_t> drift(-5'000'000'00, 5'000'000'00);
    std::uniform_int_distribution<std::int64_t> wrong(-30, 30);
    std::bernoulli_distribution coin(0.5), rare(0.08);
    std::size_t errors = 0, checked = 0;
    for (int trial = 0; trial < trials; ++trial) {
        const bmm::rounding_mode mode = modes[static_cast<std::size_t>(trial) % modes.size()];
        const int shape = (trial / 7) % 5;
        struct exact {
            std::int64_t budget, forecast, previous;
        };
        std::vector<bmm::published_row> rows;
        const auto unit = bmm::ratio(1, 100'000'000);  // pence -> £m
        auto in_m = [&](std::int64_t p) { return (bmm::ratio(p) * unit).round(1, mode); };
        auto planted = [&](bmm::decimal x) {
            return rare(gen) ? bmm::decimal::from_units(x.units() + wrong(gen), 1) : x;
        };
        auto print = [&](int level, exact e) {
            bmm::published_row r;
            r.name = level == 0 ? "line" : "total";
            r.level = level;
            r.source_line = rows.size() + 2;
            const std::int64_t v = e.forecast - e.budget;
            r.budget = planted(in_m(e.budget));
            if (shape != 1) r.forecast = planted(in_m(e.forecast));
            if (!(shape == 2 && level == 0 && coin(gen))) r.variance = planted(in_m(v));
            if (shape == 4 && level > 0 && coin(gen)) r.forecast.reset();
            if (e.budget != 0 && !(shape == 4 && coin(gen))) {
                r.variance_pct =
                    bmm::ratio(v, e.budget < 0 ? -e.budget : e.budget).percent(1, mode);
                if (rare(gen)) r.variance_pct = planted(*r.variance_pct);
            }
            if (shape == 0 || (shape == 2 && level == 0) || (shape == 4 && coin(gen))) {
                r.previous_variance = planted(in_m(e.previous));
            }
            if (shape == 0 || shape == 2 || (shape == 4 && coin(gen))) {
                r.change = planted(in_m(v - e.previous));
            }
            if (r.change && r.previous_variance && !r.variance && !r.forecast) r.change.reset();
            if (r.variance_pct && !r.variance && !r.forecast) r.variance_pct.reset();
            rows.push_back(r);
        };
        exact grand{0, 0, 0};
        const int groups = 1 + trial % 3;
        for (int g = 0; g < groups; ++g) {
            exact sub{0, 0, 0};
            const int n = lines(gen);
            if (coin(gen))
                rows.push_back(bmm::published_row{"heading", 0, {}, {}, {}, {}, {}, {}, {}});
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
        bmm::table_audit_options o(mode);
        o.basis = coin(gen) ? bmm::variance_basis::magnitude : bmm::variance_basis::signed_budget;
        o.store_rounding = trial % 5 != 0;
        o.section = "random";
        o.file = "t.csv";
        CAPTURE(trial);
        // A table the audit refuses (a total printing what a member cannot give) is refused
        // alike.
        std::optional<bmm::findings> expected;
        try {
            expected = bmm::audit_budget_table(rows, o);
        } catch (const bmm::invalid_argument&) {
            CHECK_THROWS_AS((void)bmm::budget_table_relations(rows, o), bmm::invalid_argument);
            continue;
        }
        check_same(rows, o);
        errors += expected->errors();
        checked += expected->cells_checked();
    }
    CHECK(errors > static_cast<std::size_t>(trials) / 2);  // the planted figures were found
    CHECK(checked > static_cast<std::size_t>(trials) * 10);
}

TEST_CASE("bad rows are refused as audit_budget_table refuses them") {
    const bmm::table_audit_options o(bmm::rounding_mode::half_up);
    auto d = [](const char* s) { return std::optional(bmm::decimal::parse(s)); };
    std::vector<bmm::published_row> total_first{{"Total", 1, d("1.0"), {}, {}, {}, {}, {}, 2}};
    std::vector<bmm::published_row> negative{{"Line", -1, d("1.0"), {}, {}, {}, {}, {}, 2}};
    std::vector<bmm::published_row> no_budget{{"Line", 0, {}, d("1.0"), {}, {}, {}, {}, 2}};
    std::vector<bmm::published_row> pct_alone{{"Line", 0, d("1.0"), {}, {}, d("2.0"), {}, {}, 2}};
    std::vector<bmm::published_row> underivable{
        {"A", 0, d("1.0"), {}, {}, {}, {}, {}, 2},
        {"Total", 1, d("1.0"), d("1.0"), {}, {}, {}, {}, 3}};
    for (const auto* rows : {&total_first, &negative, &no_budget, &pct_alone, &underivable}) {
        CHECK_THROWS_AS((void)bmm::audit_budget_table(*rows, o), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::budget_table_relations(*rows, o), bmm::invalid_argument);
    }
    try {
        (void)bmm::budget_table_relations(underivable, o);
        FAIL("no throw");
    } catch (const bmm::invalid_argument& e) {
        CHECK(std::string(e.what()).find("row 2 (line 3), \"Total\"") != std::string::npos);
        CHECK(std::string(e.what()).find("row 1 (line 2), \"A\"") != std::string::npos);
    }
}
