// Spec for bmm/audit/risk.hpp: the audit of seed 003's strategic risk table (Table 10), whose
// arrows for two risks contradict their scores, and of impossible scores and bands.
#include <doctest/doctest.h>

#include <bmm/audit/risk.hpp>
//
#include <optional>
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
