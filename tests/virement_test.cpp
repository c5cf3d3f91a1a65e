// Spec for bmm/virement.hpp: virement requests balance or are rejected with the difference, and
// their approval level follows configurable thresholds — seed 003 Annex B-2a as the fixture.
#include <doctest/doctest.h>

#include <bmm/virement.hpp>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {
using bmm::gbp;
using line = bmm::virement_line<bmm::currency::gbp>;
gbp k(const char* s) { return gbp::from_thousands(s); }
constexpr auto T = bmm::virement_term::temporary;
constexpr auto P = bmm::virement_term::permanent;

/// Seed 003, Annex B-2a "Virements to approve" (£000).
bmm::virement_request<bmm::currency::gbp> annex_b2a() {
    return {{
        {"Delivering the Future Together & Transformation", "COD3",
         "Communications, Strategy & Insight", T, k("2,000"), k("0")},
        {"Delivering the Future Together & Transformation", "VSMMGT", "Strategic Measures", T,
         k("-2,000"), k("0")},
        {"Substance Misuse and Rough Sleeping Grants", "PH1 & 2", "Public Health Functions", T,
         k("1,762"), k("0")},
        {"Substance Misuse and Rough Sleeping Grants", "VSMMGT", "Strategic Measures", T, k("0"),
         k("-1,762")},
        {"Fire Service pay award - 2022/23 Full Year", "COM4-2", "Fire & Rescue", P, k("1,149"),
         k("0")},
        {"Fire Service pay award - 2022/23 Full Year", "VSMMGT", "Strategic Measures", P,
         k("-1,149"), k("0")},
        {"Fire Service pay award - 2023/24 Part Year", "COM4-2", "Fire & Rescue", P, k("678"),
         k("0")},
        {"Fire Service pay award - 2023/24 Part Year", "VSMMGT", "Strategic Measures", P, k("-678"),
         k("0")},
    }};
}
}  // namespace

TEST_CASE("Annex B-2a: the grand totals are 1,762 and -1,762 and the request balances") {
    const auto r = annex_b2a();
    CHECK(r.expenditure_total() == k("1,762"));
    CHECK(r.income_total() == k("-1,762"));
    CHECK(r.balances());
    CHECK_NOTHROW(r.check());
    CHECK(r.size() == k("5,589"));  // 2,000 + 1,762 + 1,149 + 678 moved
}

TEST_CASE("an unbalanced request is rejected with the difference") {
    auto r = annex_b2a();
    r.lines[6].expenditure = k("687");  // 678 mistyped
    CHECK_FALSE(r.balances());
    CHECK(r.imbalance() == k("9"));
    try {
        r.check();
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() ==
              "\xC2\xA3"
              "9,000.00");
        CHECK(std::string(e.what()).find("differ by \xC2\xA3"
                                         "9,000.00") != std::string::npos);
    }
}

TEST_CASE("the approval level is the first threshold that covers the size") {
    // Illustrative thresholds (a council's virement rules set its own).
    const bmm::virement_rules<bmm::currency::gbp> rules(
        {{k("250"), "Director"}, {k("1,000"), "Cabinet Member"}, {k("5,000"), "Cabinet"}},
        "Council");
    CHECK(rules.approver_for(k("250")) == "Director");
    CHECK(rules.approver_for(k("251")) == "Cabinet Member");
    CHECK(rules.approver_for(k("1,762")) == "Cabinet");
    CHECK(rules.approver_for(annex_b2a().size()) == "Council");
    CHECK_THROWS_AS(
        bmm::virement_rules<bmm::currency::gbp>({{k("1,000"), "A"}, {k("250"), "B"}}, "C"),
        bmm::invalid_argument);
}

TEST_CASE("Annex B-2a: each of its four virements balances on its own") {
    const auto groups = annex_b2a().by_narration();
    REQUIRE(groups.size() == 4);
    CHECK(groups[0].lines.at(0).narration == "Delivering the Future Together & Transformation");
    CHECK(groups[3].lines.at(0).narration == "Fire Service pay award - 2023/24 Part Year");
    for (const auto& g : groups) {
        CAPTURE(g.lines.at(0).narration);
        CHECK(g.lines.size() == 2);
        CHECK(g.balances());
        CHECK_NOTHROW(g.check());
    }
    // Expenditure moved per virement: 2,000, 1,762 (funded by grant income), 1,149 and 678.
    CHECK(groups[0].size() == k("2,000"));
    CHECK(groups[1].expenditure_total() == k("1,762"));
    CHECK(groups[1].income_total() == k("-1,762"));
    CHECK(groups[2].size() == k("1,149"));
    CHECK(groups[3].size() == k("678"));
}

TEST_CASE("a table can balance in total while two of its virements do not") {
    auto r = annex_b2a();
    r.lines[4].expenditure = k("1,150");  // Fire 2022/23: 1,150 against -1,149
    r.lines[6].expenditure = k("677");    // Fire 2023/24: 677 against -678
    CHECK(r.balances());                  // +1 and -1 cancel in the grand total
    const auto groups = r.by_narration();
    CHECK(groups[2].imbalance() == k("1"));
    CHECK(groups[3].imbalance() == k("-1"));
    CHECK_THROWS_AS(groups[2].check(), bmm::invalid_argument);
    CHECK_THROWS_AS(groups[3].check(), bmm::invalid_argument);
}
