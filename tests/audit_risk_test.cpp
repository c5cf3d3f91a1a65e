// Spec for bmm/audit/risk.hpp: the audit of seed 003's strategic risk table (Table 10), whose
// arrows for two risks contradict their scores, and of impossible scores and bands.
#include <doctest/doctest.h>

#include <bmm/audit/risk.hpp>
//
#include <algorithm>
#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {

struct printed_risk {
    bmm::strategic_risk risk;
    const char* band;   ///< "May Residual Risk Rating" symbol
    const char* arrow;  ///< "Direction of Travel" as printed
};

// Seed 003, Table 10: Strategic Risk Overview for May 2023 (inherent, April and May residual).
const std::vector<printed_risk>& table10() {
    static const std::vector<printed_risk> rows{
        {{"01. Financial Resilience", 25, 15, 15}, "\xE2\x97\x8F", "\xE2\x9E\xA1"},
        {{"02. Cyber security", 25, 15, 15}, "\xE2\x97\x8F", "\xE2\x9E\xA1"},
        {{"03. Capital Projects", 16, 12, 16}, "\xE2\x96\xB2", "\xE2\x86\x94"},
        {{"04. Demand Management - Adult", 16, 9, 12}, "\xE2\x97\x8F", "\xE2\x86\x94"},
        {{"05. Demand Management - Children", 25, 16, 16}, "\xE2\x96\xB2", "\xE2\x9E\xA1"},
        {{"06. Oxford Core Schemes", 20, 16, 16}, "\xE2\x96\xB2", "\xE2\x9E\xA1"},
        {{"07. Strategic Workforce Planning", 16, 12, 9},
         "\xE2\x98\x85",
         "\xE2\xAC\x87\xEF\xB8\x8F"},
    };
    return rows;
}

const bmm::risk_bands bands;  // seed 003: high from 16, medium from 10
}  // namespace

TEST_CASE(
    "Table 10: every band follows from its May score, but risks 03 and 04 have wrong arrows") {
    std::vector<std::string> wrong_arrows;
    for (const auto& row : table10()) {
        CAPTURE(row.risk.name);
        const auto findings = bmm::audit_risk(row.risk, bmm::status::parse(row.band),
                                              bmm::parse_risk_travel(row.arrow), bands);
        CHECK(findings.cells_checked() == 6);  // three scores, the band, the arrow, the residual
        for (const auto& f : findings) {
            CHECK(f.rule == "risk_travel");  // never the band
            CHECK(f.where.row == row.risk.name);
            CHECK(f.where.column == "travel");
            CHECK(f.verdict == bmm::verdict::error);
            wrong_arrows.push_back(row.risk.name + ": printed " + f.printed + ", scores say " +
                                   f.expected);
        }
    }
    CHECK(wrong_arrows ==
          std::vector<std::string>{"03. Capital Projects: printed maintained, scores say increased",
                                   "04. Demand Management - Adult: printed maintained, scores say "
                                   "increased"});
}

TEST_CASE("the risk audit also flags impossible scores and a residual above the inherent") {
    const auto impossible = bmm::audit_risk({"x", 25, 13, 12}, std::nullopt, std::nullopt, bands);
    REQUIRE(impossible.size() == 1);
    CHECK(impossible[0].rule == "risk_score");
    CHECK(impossible[0].where.column == "previous_residual");
    CHECK(impossible[0].printed == "13");
    CHECK(impossible.cells_checked() == 3);  // nothing else is checked
    const auto above = bmm::audit_risk({"y", 12, 12, 16}, std::nullopt, std::nullopt, bands);
    REQUIRE(above.size() == 1);
    CHECK(above[0].rule == "residual");
    CHECK(above[0].expected == "at most 12");
    const auto band =
        bmm::audit_risk({"z", 25, 16, 16}, bmm::status(bmm::rag::amber), std::nullopt, bands);
    REQUIRE(band.size() == 1);
    CHECK(band[0].rule == "risk_band");
    CHECK(band[0].printed == "Amber");
    CHECK(band[0].expected == "Red");
    // Other bands, other verdicts: high from 12 makes 12 Red.
    const auto narrow = bmm::audit_risk({"w", 16, 12, 12}, bmm::status(bmm::rag::amber),
                                        std::nullopt, bmm::risk_bands(6, 12));
    REQUIRE(narrow.size() == 1);
    CHECK(narrow[0].expected == "Red");
}

TEST_CASE(
    "property: audit_risk finds exactly the contradictions planted in a risk row (5,000 rows)") {
    // Scores from random factors; the printed band and arrow are the computed ones, or changed
    // on purpose. The audit must report each change and nothing else; an impossible score is
    // reported alone.
    std::mt19937_64 gen(10);
    std::uniform_int_distribution<unsigned> factor(1, 5), score(0, 30);
    const bmm::risk_bands default_bands;
    std::size_t planted = 0;
    for (int trial = 0; trial < 5'000; ++trial) {
        bmm::strategic_risk r{"risk", factor(gen) * factor(gen), factor(gen) * factor(gen),
                              factor(gen) * factor(gen)};
        const bool impossible = trial % 10 == 0;
        if (impossible) r.previous_residual = score(gen);
        const bool possible = bmm::is_possible_score(r.previous_residual) &&
                              r.previous_residual >= 1 && r.previous_residual <= 25;
        const bmm::rag band = bmm::to_rag(default_bands.level(r.residual));
        const bmm::risk_travel arrow = bmm::travel(r.previous_residual, r.residual);
        const bool wrong_band = gen() % 4 == 0, wrong_arrow = gen() % 4 == 0;
        const bmm::rag printed_band =
            wrong_band ? static_cast<bmm::rag>((static_cast<unsigned>(band) + 1u + gen() % 2) % 3)
                       : band;
        const bmm::risk_travel printed_arrow =
            wrong_arrow
                ? static_cast<bmm::risk_travel>((static_cast<unsigned>(arrow) + 1u + gen() % 2) % 3)
                : arrow;
        const auto f = bmm::audit_risk(r, bmm::status(printed_band), printed_arrow, default_bands);
        auto has = [&f](const char* rule) {
            return std::count_if(f.stored().begin(), f.stored().end(),
                                 [rule](const bmm::finding& x) { return x.rule == rule; });
        };
        CAPTURE(trial);
        if (!possible) {
            CHECK(f.size() == 1);
            CHECK(has("risk_score") == 1);
            continue;
        }
        CHECK(has("risk_band") == (wrong_band ? 1 : 0));
        CHECK(has("risk_travel") == (wrong_arrow ? 1 : 0));
        CHECK(has("residual") == (r.residual > r.inherent ? 1 : 0));
        CHECK(f.size() == static_cast<std::size_t>(wrong_band + wrong_arrow +
                                                   (r.residual > r.inherent ? 1 : 0)));
        planted += wrong_band + wrong_arrow;
        // Nothing printed, nothing to contradict but the scores themselves.
        CHECK(bmm::audit_risk(r, std::nullopt, std::nullopt, bands).size() ==
              (r.residual > r.inherent ? 1u : 0u));
    }
    CHECK(planted > 1'000);
    // A band never falls as the score rises, and travel is antisymmetric.
    for (unsigned a = 1; a <= 25; ++a) {
        for (unsigned b = a; b <= 25; ++b) {
            CHECK(static_cast<int>(default_bands.level(a)) <=
                  static_cast<int>(default_bands.level(b)));
            CHECK((bmm::travel(a, b) == bmm::risk_travel::increased) ==
                  (bmm::travel(b, a) == bmm::risk_travel::decreased));
        }
    }
}
