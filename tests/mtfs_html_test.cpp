// Spec for bmm/io/mtfs_html.hpp: a printed plan as one self-contained HTML page with inline SVG
// charts: no script, no network, status never by colour alone, a key, every chart described and
// its figures in a table.
#include <bmm/io/mtfs_html.hpp>
// (the header under test first)
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {
using C = bmm::currency::gbp;
using bmm::gbp;
using fy = bmm::fiscal_year<>;
gbp m(const char* s) { return gbp::from_millions(s); }
bmm::ratio r(const char* s) { return bmm::ratio::parse(s); }

bmm::mtfs_plan<C> plan() {
    bmm::mtfs_plan<C> p;
    p.base_year = fy{2023};
    p.years = 3;
    p.services = {{"Adults & <Older> People", m("60"), m("166.9")},
                  {"Children", m("50"), m("119.3")}};
    p.pay_award = {r("4.5%"), r("3%"), r("3%")};
    p.inflation = {r("3.5%"), r("2%"), r("2%")};
    p.funding = {{"Business rates & council tax", m("390"),
                  std::vector<bmm::funding_step<C>>(3, bmm::funding_step<C>::grow(r("1%")))}};
    p.reserves = {{"General balances", bmm::reserve_kind::general, m("30.2"), {}}};
    p.gap_draw_order = {"General balances"};
    p.risk_assessed_level.assign(3, m("20"));
    p.dsg = bmm::mtfs_dsg<C>{
        m("59.4"), {m("18.3"), m("18.3"), m("18.3")}, date::year{2026} / date::March / 31};
    return p;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

bmm::mtfs_dashboard<C> dashboard() {
    const auto policy = bmm::savings_policy::red_excluded();
    const auto unit = bmm::print_unit::millions(1);
    const auto mode = bmm::rounding_mode::half_even;
    bmm::mtfs_dashboard<C> d;
    d.title = "MTFS 2024/25 to 2026/27 & beyond";
    d.plan = bmm::project(plan(), policy).printed(unit, mode);
    d.scenarios = bmm::side_by_side(
        std::vector<bmm::mtfs_scenario<C>>{
            {"Pay +1%", bmm::moved(plan(), bmm::mtfs_assumption::pay_award, r("1%"))}},
        policy, unit, mode);
    d.sensitivities = {
        bmm::sensitivity(plan(), policy, bmm::mtfs_assumption::pay_award, r("1%"), unit, mode)};
    return d;
}
}  // namespace

TEST_CASE("the dashboard is one page with no script, no external resource and escaped names") {
    const std::string html = bmm::to_html(dashboard());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(count(html, "<script") == 0);
    CHECK(count(html, "src=") == 0);
    CHECK(count(html, "href=") == 0);
    CHECK(count(html, "url(") == 0);
    // The only URL is the SVG namespace, once per chart.
    CHECK(count(html, "http") == count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(html.find("<title>MTFS 2024/25 to 2026/27 &amp; beyond</title>") != std::string::npos);
    CHECK(html.find("Adults & <Older>") == std::string::npos);
    CHECK(html.find("<th scope=\"row\">Adults &amp; &lt;Older&gt; People</th>") !=
          std::string::npos);
    CHECK(html.find("<th scope=\"row\">Business rates &amp; council tax</th>") !=
          std::string::npos);
    CHECK(count(html, "<html") == 1);
    CHECK(count(html, "</html>") == 1);
}

TEST_CASE("every chart has a title, a description, a key and its figures in a table") {
    const auto d = dashboard();
    const std::string html = bmm::to_html(d);
    // The gap, reserves and scenario charts, and no more.
    CHECK(count(html, "<svg xmlns") == 3);
    CHECK(count(html, "role=\"img\"") == 3);
    CHECK(count(html, "<desc id=") == 3);
    CHECK(count(html, "<ul class=\"key\">") == 3);
    CHECK(html.find("The funding gap by year and cumulatively") != std::string::npos);
    CHECK(html.find("Reserves against the risk-assessed level") != std::string::npos);
    CHECK(html.find("The gap by year in each scenario") != std::string::npos);
    // Each year's printed gap is in the table, formatted as printed.
    for (const auto& y : d.plan.years) {
        CHECK(html.find(bmm::to_string(y.gap, bmm::money_format::millions(1).with_rounding(
                                                  bmm::rounding_mode::half_even))) !=
              std::string::npos);
    }
}

TEST_CASE(
    "a year below the risk-assessed level is marked by a symbol and words, not colour alone") {
    const auto d = dashboard();
    REQUIRE(d.plan.first_year_below_level.has_value());
    const std::string html = bmm::to_html(d);
    std::size_t below = 0;
    for (const auto& y : d.plan.years) below += y.below_level ? 1 : 0;
    CHECK(count(html, "▲ below level") == below);  // one status cell per year below
    CHECK(html.find("General balances: below level") != std::string::npos);  // in the key
    CHECK(html.find("General balances first fall below the risk-assessed level in " +
                    bmm::to_string(*d.plan.first_year_below_level)) != std::string::npos);
    CHECK(html.find("▲ exceeds reserves") != std::string::npos);  // the DSG deficit
    CHECK(html.find("when the statutory override ends, the DSG deficit is") != std::string::npos);
    // Series differ by dash and marker as well as colour.
    CHECK(html.find("stroke-dasharray=\"8 4\"") != std::string::npos);
    CHECK(html.find("stroke-dasharray=\"2 4\"") != std::string::npos);
}

TEST_CASE("the sensitivity table shows each year's effect with its sign") {
    const auto d = dashboard();
    const std::string html = bmm::to_html(d);
    CHECK(html.find("pay_award +1 points") != std::string::npos);
    CHECK(html.find(bmm::to_string(d.sensitivities[0].printed_effect[0],
                                   bmm::money_format::millions(1).with_plus_sign())) !=
          std::string::npos);
}

TEST_CASE("the format of a print unit shows its figures without rounding them again") {
    const auto mode = bmm::rounding_mode::half_even;
    CHECK(bmm::to_string(m("5.3"), bmm::format_of(bmm::print_unit::millions(1), mode)) == "£5.3m");
    CHECK(bmm::to_string(m("5.297"), bmm::format_of(bmm::print_unit::thousands(0), mode)) ==
          "5,297");
    CHECK(bmm::to_string(gbp::parse("5297400.07"),
                         bmm::format_of(bmm::print_unit::minor_units(), mode)) == "£5,297,400.07");
    CHECK(bmm::to_string(gbp::parse("5297400"),
                         bmm::format_of(bmm::print_unit::major_units(), mode)) == "£5,297,400");
}
