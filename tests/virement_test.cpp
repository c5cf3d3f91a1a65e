// Spec for bmm/virement.hpp: virement requests balance or are rejected with the difference, and
// their approval level follows configurable thresholds — seed 003 Annex B-2a as the fixture.
#include <doctest/doctest.h>

#include <algorithm>
#include <bmm/virement.hpp>
#include <random>
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

TEST_CASE(
    "property: by_narration splits a table into its virements, whose imbalances add up to the "
    "table's, and a balanced request moves as much as it takes (2,000 tables)") {
    std::mt19937_64 gen(113);
    std::uniform_int_distribution<std::int64_t> pence(-5'000'000, 5'000'000);
    std::uniform_int_distribution<int> lines(1, 12), names(1, 4);
    for (int trial = 0; trial < 2'000; ++trial) {
        bmm::virement_request<bmm::currency::gbp> r;
        const int narrations = names(gen);
        for (int k = lines(gen); k > 0; --k) {
            line l;
            l.narration = "virement " + std::to_string(gen() % static_cast<unsigned>(narrations));
            l.expenditure = gbp::from_minor_units(pence(gen));
            l.income = gbp::from_minor_units(gen() % 3 == 0 ? 0 : pence(gen));
            r.lines.push_back(l);
        }
        // Half the tables are made to balance by a last line.
        if (trial % 2 == 0) {
            line l;
            l.narration = r.lines.back().narration;
            l.expenditure = -r.imbalance();
            r.lines.push_back(l);
        }
        const auto groups = r.by_narration();
        gbp imbalance, size;
        std::size_t count = 0;
        bool all_balance = true;
        std::vector<std::string> seen;
        for (const auto& g : groups) {
            REQUIRE_FALSE(g.lines.empty());
            for (const auto& l : g.lines) CHECK(l.narration == g.lines.front().narration);
            CHECK(std::find(seen.begin(), seen.end(), g.lines.front().narration) == seen.end());
            seen.push_back(g.lines.front().narration);
            imbalance += g.imbalance();
            size += g.size();
            count += g.lines.size();
            all_balance = all_balance && g.balances();
        }
        CHECK(count == r.lines.size());
        CHECK(imbalance == r.imbalance());
        CHECK(size == r.size());
        if (all_balance) CHECK(r.balances());
        // Groups come in the order of their first line, each its lines in table order.
        std::vector<std::string> first_seen;
        for (const auto& l : r.lines) {
            if (std::find(first_seen.begin(), first_seen.end(), l.narration) == first_seen.end()) {
                first_seen.push_back(l.narration);
            }
        }
        CHECK(first_seen == seen);
        for (const auto& grp : groups) {
            std::vector<gbp> in_table, in_group;
            for (const auto& l : r.lines) {
                if (l.narration == grp.lines.front().narration) in_table.push_back(l.expenditure);
            }
            for (const auto& l : grp.lines) in_group.push_back(l.expenditure);
            CHECK(in_table == in_group);
        }
        // A balanced request moves what it takes: the increases equal the decreases.
        if (r.balances()) {
            gbp taken;
            for (const auto& l : r.lines) {
                if (l.expenditure < bmm::zero) taken -= l.expenditure;
                if (l.income < bmm::zero) taken -= l.income;
            }
            CHECK(taken == r.size());
            CHECK_NOTHROW(r.check());
        } else {
            CHECK_THROWS_AS(r.check(), bmm::invalid_argument);
        }
    }
}

TEST_CASE(
    "property: the approver never falls as a virement grows, and each threshold is its own level") {
    const bmm::virement_rules<bmm::currency::gbp> rules(
        {{gbp::parse("250000.00"), "Director"},
         {gbp::parse("500000.00"), "Cabinet Member"},
         {gbp::parse("1000000.00"), "Cabinet"}},
        "Council");
    const std::vector<std::string> order{"Director", "Cabinet Member", "Cabinet", "Council"};
    auto rank = [&](const std::string& a) {
        return std::find(order.begin(), order.end(), a) - order.begin();
    };
    std::mt19937_64 gen(114);
    std::uniform_int_distribution<std::int64_t> pence(0, 200'000'000);
    for (int trial = 0; trial < 2'000; ++trial) {
        const gbp a = gbp::from_minor_units(pence(gen)), b = gbp::from_minor_units(pence(gen));
        const gbp small = a < b ? a : b, large = a < b ? b : a;
        CHECK(rank(rules.approver_for(small)) <= rank(rules.approver_for(large)));
    }
    CHECK(rules.approver_for(gbp::parse("250000.00")) == "Director");
    CHECK(rules.approver_for(gbp::parse("250000.01")) == "Cabinet Member");
    CHECK(rules.approver_for(gbp::parse("1000000.00")) == "Cabinet");
    CHECK(rules.approver_for(gbp::parse("1000000.01")) == "Council");
}
