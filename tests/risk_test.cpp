// Spec for bmm/risk.hpp: 5 × 5 risk scores, rating bands, direction of travel, and the audit of
// seed 003's strategic risk table (Table 10), whose arrows for two risks contradict their scores.
#include <doctest/doctest.h>

#include <algorithm>
#include <bmm/risk.hpp>
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

}  // namespace

TEST_CASE("a score is likelihood times impact, each 1 to 5") {
    CHECK(bmm::risk_score(4, 4).score() == 16);
    CHECK(bmm::risk_score(5, 5).score() == 25);
    CHECK_THROWS_AS(bmm::risk_score(0, 3), bmm::invalid_argument);
    CHECK_THROWS_AS(bmm::risk_score(3, 6), bmm::invalid_argument);
}

TEST_CASE("a printed score must be possible on a 5 x 5 scale") {
    CHECK(bmm::risk_score::from_score(12).score() == 12);
    CHECK(bmm::risk_score::from_score(12).likelihood() == 0);  // unknown factors
    for (unsigned impossible : {7u, 11u, 13u, 14u, 17u, 18u, 19u, 21u, 22u, 23u, 24u}) {
        CAPTURE(impossible);
        CHECK_FALSE(bmm::is_possible_score(impossible));
        try {
            (void)bmm::risk_score::from_score(impossible);
            FAIL("no error");
        } catch (const bmm::invalid_argument& e) {
            CHECK(e.input() == std::to_string(impossible));
        }
    }
    CHECK_THROWS_AS((void)bmm::risk_score::from_score(0), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::risk_score::from_score(26), bmm::invalid_argument);
}

TEST_CASE("default bands: high from 16, medium 10 to 15, low 1 to 9; they are configurable") {
    const bmm::risk_bands bands;
    CHECK(bands.level(16) == bmm::risk_level::high);
    CHECK(bands.level(15) == bmm::risk_level::medium);
    CHECK(bands.level(10) == bmm::risk_level::medium);
    CHECK(bands.level(9) == bmm::risk_level::low);
    CHECK(bmm::to_rag(bmm::risk_level::high) == bmm::rag::red);
    const bmm::risk_bands strict(8, 15);
    CHECK(strict.level(15) == bmm::risk_level::high);
    CHECK_THROWS_AS(bmm::risk_bands(15, 10), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bands.level(0), bmm::invalid_argument);
}

TEST_CASE("direction of travel from the previous score, and the printed arrows read back") {
    CHECK(bmm::travel(12, 16) == bmm::risk_travel::increased);
    CHECK(bmm::travel(15, 15) == bmm::risk_travel::maintained);
    CHECK(bmm::travel(12, 9) == bmm::risk_travel::decreased);
    CHECK(bmm::parse_risk_travel("\xE2\xAC\x87\xEF\xB8\x8F") == bmm::risk_travel::decreased);
    CHECK(bmm::parse_risk_travel("\xE2\x86\x94") == bmm::risk_travel::maintained);
    CHECK(bmm::parse_risk_travel(" Increased ") == bmm::risk_travel::increased);
    for (auto t :
         {bmm::risk_travel::increased, bmm::risk_travel::maintained, bmm::risk_travel::decreased}) {
        CHECK(bmm::parse_risk_travel(bmm::to_symbol(t)) == t);
        CHECK(bmm::parse_risk_travel(bmm::to_string(t)) == t);
    }
    for (const char* bad : {"", "sideways", "\xE2\x86\x97"}) {
        CAPTURE(bad);
        try {
            (void)bmm::parse_risk_travel(bad);
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == bad);
        }
    }
}

TEST_CASE("a direction of travel that is not one says where its word starts") {
    struct bad {
        std::string text;
        std::size_t position;
    };
    for (const bad& c : {bad{"sideways", 0}, bad{"  sideways ", 2}, bad{"\tup down", 1},
                         bad{" \xE2\x86\x97\xEF\xB8\x8F", 1}, bad{"", 0}, bad{"   ", 3}}) {
        CAPTURE(c.text);
        try {
            (void)bmm::parse_risk_travel(c.text);
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == c.text);
            CHECK(e.position() == c.position);
            CHECK(std::string(e.what()).find("(at offset " + std::to_string(c.position) + ")") !=
                  std::string::npos);
        }
    }
}

TEST_CASE("Table 10: every band follows from its May score; risks 03 and 04 have wrong arrows") {
    std::vector<std::string> wrong_arrows;
    for (const auto& row : table10()) {
        CAPTURE(row.risk.name);
        const auto findings = bmm::audit_risk(row.risk, bmm::status::parse(row.band),
                                              bmm::parse_risk_travel(row.arrow));
        for (const auto& f : findings) {
            CHECK(f.what == bmm::risk_finding::kind::travel);  // never the band
            wrong_arrows.push_back(row.risk.name + ": printed " + f.printed + ", scores say " +
                                   f.computed);
        }
    }
    CHECK(wrong_arrows ==
          std::vector<std::string>{"03. Capital Projects: printed maintained, scores say increased",
                                   "04. Demand Management - Adult: printed maintained, scores say "
                                   "increased"});
}

TEST_CASE("the risk audit also flags impossible scores and a residual above the inherent") {
    const auto impossible = bmm::audit_risk({"x", 25, 13, 12}, std::nullopt, std::nullopt);
    REQUIRE(impossible.size() == 1);
    CHECK(impossible[0].what == bmm::risk_finding::kind::impossible_score);
    CHECK(impossible[0].printed == "13");
    const auto above = bmm::audit_risk({"y", 12, 12, 16}, std::nullopt, std::nullopt);
    REQUIRE(above.size() == 1);
    CHECK(above[0].what == bmm::risk_finding::kind::residual_above_inherent);
    const auto band =
        bmm::audit_risk({"z", 25, 16, 16}, bmm::status(bmm::rag::amber), std::nullopt);
    REQUIRE(band.size() == 1);
    CHECK(band[0].printed == "Amber");
    CHECK(band[0].computed == "Red");
}

TEST_CASE(
    "property: audit_risk finds exactly the contradictions planted in a risk row (5,000 rows)") {
    // Scores from random factors; the printed band and arrow are the computed ones, or changed
    // on purpose. The audit must report each change and nothing else; an impossible score is
    // reported alone.
    std::mt19937_64 gen(10);
    std::uniform_int_distribution<unsigned> factor(1, 5), score(0, 30);
    const bmm::risk_bands bands;
    std::size_t planted = 0;
    for (int trial = 0; trial < 5'000; ++trial) {
        bmm::strategic_risk r{"risk", factor(gen) * factor(gen), factor(gen) * factor(gen),
                              factor(gen) * factor(gen)};
        const bool impossible = trial % 10 == 0;
        if (impossible) r.previous_residual = score(gen);
        const bool possible = bmm::is_possible_score(r.previous_residual) &&
                              r.previous_residual >= 1 && r.previous_residual <= 25;
        const bmm::rag band = bmm::to_rag(bands.level(r.residual));
        const bmm::risk_travel arrow = bmm::travel(r.previous_residual, r.residual);
        const bool wrong_band = gen() % 4 == 0, wrong_arrow = gen() % 4 == 0;
        const bmm::rag printed_band =
            wrong_band ? static_cast<bmm::rag>((static_cast<unsigned>(band) + 1u + gen() % 2) % 3)
                       : band;
        const bmm::risk_travel printed_arrow =
            wrong_arrow
                ? static_cast<bmm::risk_travel>((static_cast<unsigned>(arrow) + 1u + gen() % 2) % 3)
                : arrow;
        const auto f = bmm::audit_risk(r, bmm::status(printed_band), printed_arrow, bands);
        auto has = [&f](bmm::risk_finding::kind k) {
            return std::count_if(f.begin(), f.end(),
                                 [k](const bmm::risk_finding& x) { return x.what == k; });
        };
        CAPTURE(trial);
        if (!possible) {
            CHECK(f.size() == 1);
            CHECK(has(bmm::risk_finding::kind::impossible_score) == 1);
            continue;
        }
        CHECK(has(bmm::risk_finding::kind::band) == (wrong_band ? 1 : 0));
        CHECK(has(bmm::risk_finding::kind::travel) == (wrong_arrow ? 1 : 0));
        CHECK(has(bmm::risk_finding::kind::residual_above_inherent) ==
              (r.residual > r.inherent ? 1 : 0));
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
            CHECK(static_cast<int>(bands.level(a)) <= static_cast<int>(bands.level(b)));
            CHECK((bmm::travel(a, b) == bmm::risk_travel::increased) ==
                  (bmm::travel(b, a) == bmm::risk_travel::decreased));
        }
    }
}
