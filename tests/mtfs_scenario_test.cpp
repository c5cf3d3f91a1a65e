// Spec for bmm/mtfs_scenario.hpp: assumptions moved, sensitivities year by year, scenarios side
// by side.
#include <bmm/mtfs_scenario.hpp>
// (the header under test first)
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {
using C = bmm::currency::gbp;
using bmm::gbp;
using fy = bmm::fiscal_year<>;
gbp m(const char* s) { return gbp::from_millions(s); }
bmm::ratio r(const char* s) { return bmm::ratio::parse(s); }
const auto half_even = bmm::rounding_mode::half_even;
const auto tenths = bmm::print_unit::millions(1);

bmm::mtfs_plan<C> plan() {
    bmm::mtfs_plan<C> p;
    p.base_year = fy{2024};
    p.years = 4;
    p.services = {{"Adults", m("100"), m("200")}, {"Children", m("50"), m("150")}};
    p.pay_award.assign(4, r("3%"));
    p.inflation.assign(4, r("2%"));
    p.demand_growth = {{"Adults", std::vector<bmm::ratio>(4, r("2%"))},
                       {"Children", std::vector<bmm::ratio>(4, r("1%"))}};
    p.council_tax = bmm::mtfs_council_tax<C>{m("350"), std::vector<bmm::ratio>(4, r("1%")),
                                             std::vector<bmm::ratio>(4, r("2.99%")),
                                             std::vector<bmm::ratio>(4, r("4.99%"))};
    p.funding = {{"Grants", m("150"),
                  std::vector<bmm::funding_step<C>>(4, bmm::funding_step<C>::grow(r("1%")))}};
    p.reserves = {{"General balances", bmm::reserve_kind::general, m("40"), {}}};
    p.gap_draw_order = {"General balances"};
    return p;
}
}  // namespace

TEST_CASE("moving an assumption changes only it, in the years named") {
    const auto base = plan();
    const auto higher = bmm::moved(base, bmm::mtfs_assumption::pay_award, r("1%"));
    CHECK(higher.pay_award == std::vector<bmm::ratio>(4, r("4%")));
    CHECK(higher.inflation == base.inflation);
    const auto once =
        bmm::moved(base, bmm::mtfs_assumption::inflation, r("0.5%"), fy{2026}, fy{2026});
    CHECK(once.inflation == std::vector<bmm::ratio>{r("2%"), r("2.5%"), r("2%"), r("2%")});
    const auto demand = bmm::moved(base, bmm::mtfs_assumption::demand_growth, r("-1%"));
    CHECK(demand.demand_growth[1].rates == std::vector<bmm::ratio>(4, bmm::ratio(0)));
    const auto tax = bmm::moved(base, bmm::mtfs_assumption::council_tax_increase, r("2%"));
    CHECK(tax.council_tax->increase[0] == r("4.99%"));
    CHECK_THROWS_AS(
        (void)bmm::moved(base, bmm::mtfs_assumption::pay_award, r("1%"), fy{2027}, fy{2026}),
        bmm::invalid_argument);
    CHECK_THROWS_AS(
        (void)bmm::moved(base, bmm::mtfs_assumption::pay_award, r("1%"), fy{2024}, fy{2025}),
        bmm::invalid_argument);  // 2024/25 is the base year
    auto no_tax = base;
    no_tax.council_tax.reset();
    CHECK_THROWS_AS(
        (void)bmm::moved(no_tax, bmm::mtfs_assumption::council_tax_base_growth, r("1%")),
        bmm::invalid_argument);
}

TEST_CASE(
    "a sensitivity gives each year's gap before and after and the effect, exact and printed") {
    const auto s = bmm::sensitivity(plan(), bmm::savings_policy::as_planned(),
                                    bmm::mtfs_assumption::pay_award, r("1%"), tenths, half_even);
    REQUIRE(s.years.size() == 4);
    CHECK(s.years[0] == fy{2025});
    // Year one: 1% more on the pay bill of 150 is 1.5 exactly.
    CHECK(s.effect[0] == bmm::exact_money<C>(m("1.5")));
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(s.effect[i] == s.moved_gap[i] - s.base_gap[i]);
        CHECK(s.printed_effect[i] == s.printed_moved_gap[i] - s.printed_base_gap[i]);
        CHECK(s.printed_base_gap[i] == s.base.years[i].gap);
        if (i > 0) CHECK(s.effect[i] > s.effect[i - 1]);  // it compounds
    }
    CHECK(s.assumption == bmm::mtfs_assumption::pay_award);
    CHECK(s.delta == r("1%"));
}

TEST_CASE("a sensitivity that breaks the referendum limit is the typed error naming the year") {
    CHECK_THROWS_AS((void)bmm::sensitivity(plan(), bmm::savings_policy::as_planned(),
                                           bmm::mtfs_assumption::council_tax_increase, r("2.01%"),
                                           tenths, half_even),
                    bmm::referendum_limit_error);
}

TEST_CASE("scenarios side by side keep their order and names, and refuse repeats and other years") {
    const auto base = plan();
    const std::vector<bmm::mtfs_scenario<C>> scenarios{
        {"Base", base},
        {"Pay +1%", bmm::moved(base, bmm::mtfs_assumption::pay_award, r("1%"))},
        {"Low inflation", bmm::moved(base, bmm::mtfs_assumption::inflation, r("-1%"))}};
    const auto side =
        bmm::side_by_side(scenarios, bmm::savings_policy::as_planned(), tenths, half_even);
    REQUIRE(side.size() == 3);
    CHECK(side[1].name == "Pay +1%");
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(side[1].printed.years[i].gap > side[0].printed.years[i].gap);
        CHECK(side[2].printed.years[i].gap < side[0].printed.years[i].gap);
    }
    auto repeated = scenarios;
    repeated[2].name = "Base";
    CHECK_THROWS_AS(
        (void)bmm::side_by_side(repeated, bmm::savings_policy::as_planned(), tenths, half_even),
        bmm::invalid_argument);
    auto shorter = scenarios;
    shorter[1].plan.years = 3;
    CHECK_THROWS_AS(
        (void)bmm::side_by_side(shorter, bmm::savings_policy::as_planned(), tenths, half_even),
        bmm::invalid_argument);
}

TEST_CASE("assumptions are named and parse back") {
    for (auto a :
         {bmm::mtfs_assumption::pay_award, bmm::mtfs_assumption::inflation,
          bmm::mtfs_assumption::demand_growth, bmm::mtfs_assumption::council_tax_base_growth,
          bmm::mtfs_assumption::council_tax_increase}) {
        CHECK(bmm::parse_mtfs_assumption(bmm::to_string(a)) == a);
    }
    CHECK(bmm::parse_mtfs_assumption(" Pay_Award ") == bmm::mtfs_assumption::pay_award);
    CHECK_THROWS_AS((void)bmm::parse_mtfs_assumption("pay"), bmm::parse_error);
    CHECK_FALSE(bmm::try_parse_mtfs_assumption("").has_value());
}
