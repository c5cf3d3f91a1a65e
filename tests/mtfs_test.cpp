// Spec for bmm/mtfs.hpp: a medium-term financial strategy projected exactly (a 30-year plan
// against an independent computation in Python's fractions), printed by controlled rounding so
// that every year adds up (a property over random plans), savings by delivery risk, the
// referendum limit, reserves closing the gap, the DSG deficit against them, and bad plans.
#include <bmm/mtfs.hpp>
// (the header under test first)
#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "fixtures/mtfs_30_years.hpp"
#include "support/spec.hpp"

namespace {

using C = bmm::currency::gbp;
using bmm::gbp;
using fy = bmm::fiscal_year<>;
gbp m(const char* s) { return gbp::from_millions(s); }
bmm::ratio r(const char* s) { return bmm::ratio::parse(s); }
const auto half_even = bmm::rounding_mode::half_even;
const auto tenths = bmm::print_unit::millions(1);

/// The plan of tests/fixtures/mtfs_30_years.py (keep the two in step).
bmm::mtfs_plan<C> fixture_plan(std::size_t years, const char* tax_growth, const char* tax_rise) {
    bmm::mtfs_plan<C> p;
    p.base_year = fy{2023};
    p.years = years;
    p.services = {{"Adult Services", m("80"), m("146.9")},
                  {"Children's Services", m("60"), m("109.3")},
                  {"Environment & Place", m("20"), m("54.5")}};
    p.pay_award.assign(years, r("3.5%"));
    p.inflation.assign(years, r("3.5%"));
    p.demand_growth = {{"Adult Services", std::vector<bmm::ratio>(years, r("2%"))},
                       {"Children's Services", std::vector<bmm::ratio>(years, r("1.5%"))}};
    const auto one_off = bmm::item_duration::one_off, ongoing = bmm::item_duration::ongoing;
    p.changes = {{"Systems replacement", "", p.year(0), m("1.5"), one_off},
                 {"Waste contract", "Environment & Place", p.year(3), m("0.5"), ongoing}};
    if (years > 10)
        p.changes.push_back({"Demography", "Adult Services", p.year(10), m("2.25"), ongoing});
    p.savings = {
        {"Care review", "Adult Services", p.year(1), m("3"), bmm::savings_status::amber, ongoing},
        {"Placements", "Children's Services", p.year(0), m("2"), bmm::savings_status::red, ongoing},
        {"Procurement", "", p.year(2), m("1"), bmm::savings_status::expected, ongoing},
        {"Fees", "Environment & Place", p.year(5), gbp::from_millions("0.333333"),
         bmm::savings_status::amber, one_off}};
    p.council_tax = bmm::mtfs_council_tax<C>{
        m("330"), std::vector<bmm::ratio>(years, r(tax_growth)),
        std::vector<bmm::ratio>(years, r(tax_rise)), std::vector<bmm::ratio>(years, r(tax_rise))};
    bmm::mtfs_funding<C> rates{"Business rates", m("110"), {}}, grants{"Grants", m("30"), {}};
    for (std::size_t t = 0; t < years; ++t) {
        rates.steps.push_back(bmm::funding_step<C>::grow(r("2%")));
        grants.steps.push_back(
            t % 2 == 0 ? bmm::funding_step<C>::set(m("30") + m("0.5") * static_cast<int>(t))
                       : bmm::funding_step<C>::grow(bmm::ratio(0)));
    }
    p.funding = {rates, grants};
    p.reserves = {{"Budget priorities",
                   bmm::reserve_kind::earmarked,
                   m("10"),
                   {{"Planned use", p.year(0), m("-1")}}},
                  {"General balances",
                   bmm::reserve_kind::general,
                   m("30.2"),
                   {{"Top-up", p.year(1), m("0.8")}}},
                  {"Public Health",
                   bmm::reserve_kind::ring_fenced,
                   m("5.9"),
                   {{"Use", p.year(0), m("-1.7")},
                    {"Use", p.year(1), m("-1.1")},
                    {"Use", p.year(2), m("-0.7")}}}};
    p.gap_draw_order = {"Budget priorities", "General balances"};
    p.dsg = bmm::mtfs_dsg<C>{m("59.4"), std::vector<gbp>(years, m("18.3")),
                             date::year{2026} / date::March / 31};
    return p;
}

const bmm::savings_policy amber_half = bmm::savings_policy::amber_weighted(bmm::ratio(1, 2));

/// Every exact figure of a projection by (year, name), as the fixture names them.
std::map<std::pair<int, std::string>, std::string> exact_figures(const bmm::mtfs_projection<C>& p,
                                                                 std::size_t services,
                                                                 std::size_t funding,
                                                                 std::size_t reserves) {
    std::map<std::pair<int, std::string>, std::string> out;
    for (std::size_t i = 0; i < p.years(); ++i) {
        const int t = static_cast<int>(i);
        auto put = [&](const std::string& name, const bmm::exact_money<C>& v) {
            out[{t, name}] = bmm::to_string(v);
        };
        put("spending", p.spending(i));
        put("funding", p.funding(i));
        put("gap", p.gap(i));
        put("cumulative_gap", p.cumulative_gap(i));
        put("pay_inflation", p.pay_inflation(i));
        put("price_inflation", p.price_inflation(i));
        put("demand_growth", p.demand_growth(i));
        put("savings_counted", p.savings_counted(i));
        put("general_balances", p.general_balances(i));
        put("available_reserves", p.available_reserves(i));
        put("dsg_deficit", p.dsg_deficit(i));
        for (std::size_t s = 0; s <= services; ++s)
            put("service " + std::to_string(s), p.service(i, s));
        for (std::size_t l = 0; l < funding; ++l)
            put("funding " + std::to_string(l), p.funding_line(i, l));
        for (std::size_t r2 = 0; r2 < reserves; ++r2) {
            put("reserve " + std::to_string(r2), p.reserve(i, r2));
            put("draw " + std::to_string(r2), p.draw(i, r2));
        }
    }
    return out;
}

/// Every printed figure by (year, name), as the fixture names them, in pence.
std::map<std::pair<int, std::string>, std::int64_t> printed_figures(const bmm::printed_mtfs<C>& p) {
    std::map<std::pair<int, std::string>, std::int64_t> out;
    for (std::size_t i = 0; i < p.years.size(); ++i) {
        const auto& y = p.years[i];
        const int t = static_cast<int>(i);
        auto put = [&](const std::string& name, gbp v) { out[{t, name}] = v.in_minor_units(); };
        put("budget opening", y.budget.opening);
        for (std::size_t k = 0; k < y.budget.movements.size(); ++k) {
            put("budget movement " + std::to_string(k), y.budget.movements[k].amount);
        }
        put("budget closing", y.budget.closing);
        for (std::size_t k = 0; k < y.spending.size(); ++k)
            put("spending " + std::to_string(k), y.spending[k]);
        put("funding total", y.funding_total);
        for (std::size_t k = 0; k < y.funding.size(); ++k)
            put("funding " + std::to_string(k), y.funding[k]);
        put("gap", y.gap);
        put("cumulative gap", y.cumulative_gap);
        for (std::size_t r2 = 0; r2 < y.reserves.size(); ++r2) {
            const auto& rf = y.reserves[r2];
            const std::string name = "reserve " + std::to_string(r2);
            put(name + " opening", rf.opening);
            std::size_t free = 0;
            for (const auto& l : rf.movements) {
                if (l.name == "Draw to close the gap") {
                    put(name + " draw", l.amount);
                } else {
                    put(name + " movement " + std::to_string(free++), l.amount);
                }
            }
            put(name + " closing", rf.closing);
        }
        put("dsg opening", y.dsg->opening);
        put("dsg in-year", y.dsg->movements[0].amount);
        put("dsg closing", y.dsg->closing);
    }
    return out;
}

template <class Exact, std::size_t NE, class Printed, std::size_t NP>
void check_against_fixture(const bmm::mtfs_projection<C>& p, const Exact (&exact)[NE],
                           const Printed (&printed)[NP]) {
    const auto ours = exact_figures(p, 3, 3, 3);
    CHECK(ours.size() == NE);
    std::size_t wrong = 0;
    for (const auto& f : exact) {
        const auto it = ours.find({f.year, f.name});
        if (it == ours.end() || it->second != f.value) {
            if (wrong++ == 0) {
                INFO("year " << f.year << " " << f.name << ": Python " << f.value << ", bmm "
                             << (it == ours.end() ? std::string("(none)") : it->second));
                CHECK(false);
            }
        }
    }
    CHECK(wrong == 0);
    const auto ours_printed = printed_figures(p.printed(tenths, half_even));
    CHECK(ours_printed.size() == NP);
    wrong = 0;
    for (const auto& f : printed) {
        const auto it = ours_printed.find({f.year, f.name});
        if (it == ours_printed.end() || it->second != f.pence) {
            if (wrong++ == 0) {
                INFO("year " << f.year << " " << f.name << ": Python " << f.pence << ", bmm "
                             << (it == ours_printed.end() ? -1 : it->second));
                CHECK(false);
            }
        }
    }
    CHECK(wrong == 0);
}

/// The identities every printed year must satisfy; returns how many checks failed.
int adds_up(const bmm::printed_mtfs<C>& p) {
    int failures = 0;
    auto expect = [&failures](bool ok) { failures += ok ? 0 : 1; };
    auto rolls = [&expect](const bmm::printed_roll_forward<C>& rf) {
        gbp sum = rf.opening;
        for (const auto& l : rf.movements) sum += l.amount;
        expect(sum == rf.closing);
    };
    gbp spending = p.base_spending, cumulative;
    std::vector<gbp> reserves;
    std::optional<gbp> dsg;
    for (const auto& y : p.years) {
        rolls(y.budget);
        expect(y.budget.opening == spending);
        spending = y.budget.closing;
        expect(y.spending_total == y.budget.closing);
        gbp lines, funds, drawn;
        for (gbp l : y.spending) lines += l;
        for (gbp f : y.funding) funds += f;
        expect(lines == y.spending_total);
        expect(funds == y.funding_total);
        expect(y.gap == y.spending_total - y.funding_total);
        cumulative += y.gap;
        expect(y.cumulative_gap == cumulative);
        gbp general, available;
        bool any_draw = false;
        for (std::size_t r2 = 0; r2 < y.reserves.size(); ++r2) {
            const auto& rf = y.reserves[r2];
            rolls(rf);
            if (reserves.size() > r2) expect(rf.opening == reserves[r2]);
            for (const auto& l : rf.movements) {
                if (l.name == "Draw to close the gap") {
                    drawn -= l.amount;
                    any_draw = true;
                }
            }
        }
        if (any_draw) expect(drawn == y.gap);
        reserves.clear();
        for (const auto& rf : y.reserves) reserves.push_back(rf.closing);
        if (y.dsg) {
            rolls(*y.dsg);
            if (dsg) expect(y.dsg->opening == *dsg);
            dsg = y.dsg->closing;
        }
        (void)general;
        (void)available;
    }
    return failures;
}

}  // namespace

TEST_CASE(
    "a 30-year plan compounding 3.5% has every exact and printed figure of Python's fractions") {
    const auto p = bmm::project(fixture_plan(30, "0.7%", "2.99%"), amber_half);
    CHECK_FALSE(p.fits_128_bits());  // it went on in cpp_int, without overflow_error
    REQUIRE(p.years() == 30);
    check_against_fixture(p, mtfs_30_years::exact, mtfs_30_years::printed);
    // The last year's exact gap has a denominator of hundreds of digits.
    CHECK(bmm::to_string(p.gap(29)).size() > 100);
    CHECK(adds_up(p.printed(tenths, half_even)) == 0);
}

TEST_CASE("a 10-year plan in steps of 0.5% runs in 128 bits and matches Python's fractions too") {
    const auto p = bmm::project(fixture_plan(10, "0%", "4.5%"), amber_half);
    CHECK(p.fits_128_bits());
    check_against_fixture(p, mtfs_10_years::exact, mtfs_10_years::printed);
}

TEST_CASE("compounding ratio 1.035 for 30 years throws in ratio and is exact in a plan") {
    bmm::ratio rate = r("1.035"), growth(1);
    int years = 0;
    CHECK_THROWS_AS(
        [&] {
            for (; years < 30; ++years) growth *= rate;
        }(),
        bmm::overflow_error);
    CHECK(years == 8);  // the ninth year overflows 64-bit terms
    bmm::mtfs_plan<C> p;
    p.base_year = fy{2023};
    p.years = 30;
    p.services = {{"All services", m("0"), m("100")}};
    p.pay_award.assign(30, bmm::ratio(0));
    p.inflation.assign(30, r("3.5%"));
    const auto x = bmm::project(p, bmm::savings_policy::as_planned());
    CHECK(x.spending(29) == bmm::exact_money<C>(m("100")) * bmm::pow(bmm::exact(rate), 30));
    CHECK(x.printed(bmm::print_unit::minor_units(), half_even).years[29].spending_total ==
          gbp::parse("280679370.47"));
}

TEST_CASE("a printed year adds up for random plans in every rounding mode and unit") {
    std::mt19937_64 rng(1503);
    auto pick = [&rng](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    const bmm::print_unit units[] = {bmm::print_unit::millions(1), bmm::print_unit::millions(0),
                                     bmm::print_unit::thousands(0), bmm::print_unit::minor_units()};
    int plans = 0, failures = 0, exact_failures = 0, beyond_128 = 0;
    for (int trial = 0; trial < 300; ++trial) {
        bmm::mtfs_plan<C> p;
        p.base_year = fy{2020 + static_cast<int>(pick(0, 10))};
        p.years = static_cast<std::size_t>(pick(1, 15));
        const auto n = p.years;
        const auto k = static_cast<std::size_t>(pick(1, 8));
        auto rate = [&] {  // a rate of a few %, any precision from whole % to 1/7
            const std::int64_t dens[] = {100, 200, 1000, 10000, 7, 3};
            const std::int64_t d = dens[pick(0, 5)];
            return bmm::ratio(pick(-d / 50, d / 12), d);
        };
        for (std::size_t s = 0; s < k; ++s) {
            p.services.push_back({"S" + std::to_string(s),
                                  gbp::from_minor_units(pick(0, 5'000'000'000)),
                                  gbp::from_minor_units(pick(-1'000'000'000, 9'000'000'000))});
            if (pick(0, 1)) {
                bmm::mtfs_demand d{"S" + std::to_string(s), {}};
                for (std::size_t t = 0; t < n; ++t) d.rates.push_back(rate());
                p.demand_growth.push_back(d);
            }
        }
        for (std::size_t t = 0; t < n; ++t) {
            p.pay_award.push_back(rate());
            p.inflation.push_back(rate());
        }
        const int items = static_cast<int>(pick(0, 10));
        for (int i = 0; i < items; ++i) {
            const std::string service =
                pick(0, 3) == 0 ? ""
                                : "S" + std::to_string(pick(0, static_cast<std::int64_t>(k) - 1));
            const fy year =
                p.year(static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(n) - 1)));
            const auto duration =
                pick(0, 1) ? bmm::item_duration::one_off : bmm::item_duration::ongoing;
            if (pick(0, 1)) {
                p.changes.push_back({"c", service, year,
                                     gbp::from_minor_units(pick(-50'000'000, 90'000'000)),
                                     duration});
            } else {
                p.savings.push_back({"s", service, year, gbp::from_minor_units(pick(0, 90'000'000)),
                                     static_cast<bmm::savings_status>(pick(0, 3)), duration});
            }
        }
        if (pick(0, 2) != 0) {
            bmm::mtfs_council_tax<C> ct{gbp::from_minor_units(pick(0, 20'000'000'000)), {}, {}, {}};
            for (std::size_t t = 0; t < n; ++t) {
                ct.base_growth.push_back(rate());
                ct.increase.push_back(rate());
                ct.referendum_limit.push_back(ct.increase.back());
            }
            p.council_tax = ct;
        }
        const int lines = static_cast<int>(pick(0, 3));
        for (int l = 0; l < lines; ++l) {
            bmm::mtfs_funding<C> f{
                "F" + std::to_string(l), gbp::from_minor_units(pick(0, 9'000'000'000)), {}};
            for (std::size_t t = 0; t < n; ++t) {
                f.steps.push_back(pick(0, 1) ? bmm::funding_step<C>::grow(rate())
                                             : bmm::funding_step<C>::set(
                                                   gbp::from_minor_units(pick(0, 9'000'000'000))));
            }
            p.funding.push_back(f);
        }
        const int reserves = static_cast<int>(pick(0, 3));
        for (int q = 0; q < reserves; ++q) {
            bmm::mtfs_reserve<C> res{"R" + std::to_string(q),
                                     static_cast<bmm::reserve_kind>(pick(0, 2)),
                                     gbp::from_minor_units(pick(-100'000'000, 5'000'000'000)),
                                     {}};
            const int moves = static_cast<int>(pick(0, 3));
            for (int mv = 0; mv < moves; ++mv) {
                res.movements.push_back(
                    {"m",
                     p.year(static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(n) - 1))),
                     gbp::from_minor_units(pick(-90'000'000, 90'000'000))});
            }
            if (res.kind != bmm::reserve_kind::ring_fenced && pick(0, 2) != 0) {
                p.gap_draw_order.push_back(res.name);
            }
            p.reserves.push_back(res);
        }
        if (pick(0, 1)) {
            for (std::size_t t = 0; t < n; ++t)
                p.risk_assessed_level.push_back(gbp::from_minor_units(pick(0, 3'000'000'000)));
        }
        if (pick(0, 1)) {
            p.dsg = bmm::mtfs_dsg<C>{
                gbp::from_minor_units(pick(0, 6'000'000'000)), {}, date::year{2026} / 3 / 31};
            for (std::size_t t = 0; t < n; ++t)
                p.dsg->in_year.push_back(gbp::from_minor_units(pick(-500'000'000, 2'000'000'000)));
        }
        const bmm::savings_policy policies[] = {bmm::savings_policy::as_planned(),
                                                bmm::savings_policy::red_excluded(),
                                                bmm::savings_policy::green_only(), amber_half};
        const auto x = bmm::project(p, policies[pick(0, 3)]);
        beyond_128 += x.fits_128_bits() ? 0 : 1;
        for (std::size_t i = 0; i < x.years(); ++i) {
            // Exactly: gap = spending − funding; cumulative = the previous + the gap.
            if (x.gap(i) != x.spending(i) - x.funding(i)) ++exact_failures;
            const auto before = i == 0 ? bmm::exact_money<C>() : x.cumulative_gap(i - 1);
            if (x.cumulative_gap(i) != before + x.gap(i)) ++exact_failures;
        }
        const auto mode = bmm_test::all_rounding_modes[static_cast<std::size_t>(pick(0, 6))];
        failures += adds_up(x.printed(units[pick(0, 3)], mode));
        ++plans;
    }
    CHECK(plans == 300);
    CHECK(exact_failures == 0);
    CHECK(failures == 0);
    CHECK(beyond_128 > 0);  // the property covers both paths
    CHECK(beyond_128 < 300);
}

TEST_CASE("each printed figure is its exact value rounded down or up when the year allows it") {
    // One service, no cash: the budget's free movements bracket the closing.
    const auto p = bmm::project(fixture_plan(10, "0%", "4.5%"), amber_half);
    const auto printed = p.printed(tenths, half_even);
    for (std::size_t i = 0; i < printed.years.size(); ++i) {
        const auto& y = printed.years[i];
        // The spending total is the exact one rounded half-even to £0.1m.
        CHECK(y.spending_total ==
              (p.spending(i) / bmm::exact(10'000'000)).round(half_even) * 10'000'000);
        CHECK(y.funding_total ==
              (p.funding(i) / bmm::exact(10'000'000)).round(half_even) * 10'000'000);
        for (std::size_t s = 0; s < y.spending.size(); ++s) {
            const auto exact_units = p.service(i, s) / bmm::exact(10'000'000);
            const gbp down = exact_units.round(bmm::rounding_mode::floor) * 10'000'000;
            const gbp up = exact_units.round(bmm::rounding_mode::ceiling) * 10'000'000;
            CHECK((y.spending[s] == down || y.spending[s] == up));
        }
    }
}

TEST_CASE("a small plan by hand: pay, prices, demand, savings at risk, one-offs and the gap") {
    bmm::mtfs_plan<C> plan;
    plan.base_year = fy{2023};
    plan.years = 3;
    plan.services = {{"Adult Services", m("60.0"), m("166.9")},
                     {"Children's Services", m("50"), m("119.3")}};
    plan.pay_award = {r("3%"), r("2.5%"), r("2%")};
    plan.inflation = {r("3.5%"), r("2%"), r("2%")};
    plan.demand_growth = {{"Adult Services", {r("2%"), r("2%"), r("1.5%")}}};
    plan.savings = {{"Review", "Adult Services", fy{2024}, m("3.0"), bmm::savings_status::amber,
                     bmm::item_duration::ongoing}};
    plan.changes = {{"One-off IT", "", fy{2025}, m("1.0"), bmm::item_duration::one_off}};
    plan.council_tax = bmm::mtfs_council_tax<C>{m("300"),
                                                {r("1%"), r("1%"), r("1%")},
                                                {r("4.99%"), r("2.99%"), r("2.99%")},
                                                {r("4.99%"), r("2.99%"), r("2.99%")}};
    plan.funding = {{"Business rates",
                     m("80"),
                     {bmm::funding_step<C>::grow(r("2%")), bmm::funding_step<C>::set(m("83")),
                      bmm::funding_step<C>::grow(r("0"))}}};
    const auto x = bmm::project(plan, bmm::savings_policy::red_excluded());
    // 2024/25: 396.2 + 110 × 3% + 286.2 × 3.5% + 226.9 × 2% − 3.0 (amber, counted)
    CHECK(x.pay_inflation(0) == bmm::exact_money<C>(m("3.3")));
    CHECK(x.price_inflation(0) == bmm::exact_money<C>(m("10.017")));
    CHECK(x.demand_growth(0) == bmm::exact_money<C>(m("4.538")));
    CHECK(x.spending(0) == bmm::exact_money<C>(m("411.055")));
    // Funding: 300 × 1.01 × 1.0499 + 80 × 1.02 = 318.1197 + 81.6
    CHECK(x.funding(0) == bmm::exact_money<C>(m("399.7197")));
    CHECK(x.gap(0) == bmm::exact_money<C>(m("11.3353")));
    // 2025/26: the one-off £1.0m is in; 2026/27 it is gone again.
    CHECK(x.service(1, 2) == bmm::exact_money<C>(m("1.0")));
    CHECK(x.service(2, 2) == bmm::exact_money<C>(m("0")));
    // Printed to £0.1m: 396.2 + 3.3 + 10.0 + 4.6 + 0 + 0 − 3.0 = 411.1. Demand, 4.538, takes the
    // unit that makes the closing the exact 411.055 rounded (its remainder is the largest).
    const auto printed = x.printed(tenths, half_even);
    const auto& y0 = printed.years[0];
    CHECK(y0.budget.opening == m("396.2"));
    CHECK(y0.budget.movements[0].amount == m("3.3"));
    CHECK(y0.budget.movements[1].amount == m("10.0"));
    CHECK(y0.budget.movements[2].amount == m("4.6"));
    CHECK(y0.budget.movements[5].amount == m("-3.0"));
    CHECK(y0.budget.closing == m("411.1"));
    CHECK(y0.funding_total == m("399.7"));
    CHECK(y0.gap == m("11.4"));
    CHECK(printed.years[1].budget.movements[4].amount == m("1.0"));   // the one-off comes in
    CHECK(printed.years[2].budget.movements[4].amount == m("-1.0"));  // and falls out
    CHECK(printed.spending_lines ==
          std::vector<std::string>{"Adult Services", "Children's Services", "Corporate items"});
    CHECK(printed.funding_lines == std::vector<std::string>{"Council tax", "Business rates"});
}

TEST_CASE(
    "seed 003 ¶75-88: £28.2m of savings counted as planned, red excluded, green only, amber at "
    "half") {
    // ¶77: £13.8m delivered or expected, £11.3m amber, £3.1m red, of £28.2m planned.
    bmm::mtfs_plan<C> plan;
    plan.base_year = fy{2022};
    plan.years = 1;
    plan.services = {{"Council", m("0"), m("600")}};
    plan.pay_award = {bmm::ratio(0)};
    plan.inflation = {bmm::ratio(0)};
    const fy y{2023};
    plan.savings = {{"On track", "Council", y, m("13.8"), bmm::savings_status::expected},
                    {"At risk", "Council", y, m("11.3"), bmm::savings_status::amber},
                    {"Not deliverable", "Council", y, m("3.1"), bmm::savings_status::red}};
    auto counted = [&](const bmm::savings_policy& pol) {
        return bmm::project(plan, pol).savings_counted(0);
    };
    CHECK(counted(bmm::savings_policy::as_planned()) == bmm::exact_money<C>(m("28.2")));
    CHECK(counted(bmm::savings_policy::red_excluded()) == bmm::exact_money<C>(m("25.1")));
    CHECK(counted(bmm::savings_policy::green_only()) == bmm::exact_money<C>(m("13.8")));
    CHECK(counted(amber_half) == bmm::exact_money<C>(m("19.45")));
    const auto printed =
        bmm::project(plan, bmm::savings_policy::green_only()).printed(tenths, half_even);
    CHECK(printed.years[0].savings_planned == m("28.2"));
    CHECK(printed.years[0].savings_counted == m("13.8"));
    CHECK(printed.years[0].spending_total == m("586.2"));  // 600 − 13.8
    CHECK(printed.policy == "green_only");
}

TEST_CASE("savings policies are named, parse back and refuse an amber share outside 0 to 1") {
    for (const auto& p : {bmm::savings_policy::as_planned(), bmm::savings_policy::red_excluded(),
                          bmm::savings_policy::green_only(), amber_half}) {
        CHECK(bmm::savings_policy::parse(to_string(p)) == p);
    }
    CHECK(bmm::savings_policy::parse(" Amber_Weighted 50% ") == amber_half);
    CHECK(amber_half.weight(bmm::savings_status::amber) == bmm::ratio(1, 2));
    CHECK(amber_half.weight(bmm::savings_status::red) == bmm::ratio(0));
    CHECK_THROWS_AS((void)bmm::savings_policy::amber_weighted(r("1.5")), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::savings_policy::parse("amber_weighted lots"), bmm::parse_error);
    CHECK_THROWS_AS((void)bmm::savings_policy::parse(""), bmm::parse_error);
    CHECK_FALSE(bmm::savings_policy::try_parse("red").has_value());
    CHECK(bmm::parse_reserve_kind("Ring-fenced") == bmm::reserve_kind::ring_fenced);
    CHECK_THROWS_AS((void)bmm::parse_reserve_kind("usable"), bmm::parse_error);
    CHECK(bmm::parse_item_duration("one-off") == bmm::item_duration::one_off);
    CHECK_FALSE(bmm::try_parse_item_duration("twice").has_value());
}

TEST_CASE(
    "a council tax increase above the referendum limit is a typed error naming the year and the "
    "limit") {
    auto plan = fixture_plan(10, "0%", "4.5%");
    plan.council_tax->increase[2] = r("5.5%");
    try {
        (void)bmm::project(plan, amber_half);
        FAIL("no error");
    } catch (const bmm::referendum_limit_error& e) {
        CHECK(e.year() == "2026/27");
        CHECK(e.increase() == r("5.5%"));
        CHECK(e.limit() == r("4.5%"));
        CHECK(std::string(e.what()).find("5.5%") != std::string::npos);
        CHECK(std::string(e.what()).find("referendum limit of 4.5%") != std::string::npos);
        CHECK(std::string(e.what()).find("2026/27") != std::string::npos);
    }
    plan.council_tax->increase[2] = r("4.5%");  // at the limit is allowed
    CHECK_NOTHROW((void)bmm::project(plan, amber_half));
}

TEST_CASE("reserves close the gap in order, down to zero, the last taking what remains") {
    const auto p = bmm::project(fixture_plan(30, "0.7%", "2.99%"), amber_half);
    // 2024/25: Budget priorities (10 − 1 = 9) first, then general balances.
    const auto gap = p.gap(0);
    CHECK(p.draw(0, 0) == bmm::exact_money<C>(m("9")));
    CHECK(p.draw(0, 1) == gap - bmm::exact_money<C>(m("9")));
    CHECK(p.reserve(0, 0) == bmm::exact_money<C>(m("0")));
    CHECK(p.draw(0, 2) == bmm::exact_money<C>(m("0")));  // ring-fenced: never drawn
    CHECK(p.reserve(0, 2) == bmm::exact_money<C>(m("4.2")));
    // The available reserves leave the ring-fenced Public Health reserve out.
    CHECK(p.available_reserves(0) == p.reserve(0, 0) + p.reserve(0, 1));
    const auto printed = p.printed(tenths, half_even);
    CHECK(printed.years[0].reserves[0].movements.back().name == "Draw to close the gap");
    CHECK(printed.years[0].reserves[0].closing == m("0"));
    CHECK(adds_up(printed) == 0);
}

TEST_CASE("the first year below the risk-assessed level and the DSG deficit passing the reserves") {
    auto plan = fixture_plan(10, "0%", "4.5%");
    plan.risk_assessed_level.assign(10, m("20"));
    const auto p = bmm::project(plan, amber_half);
    const auto first = p.first_year_below_level();
    REQUIRE(first.has_value());
    const std::size_t i = *plan.index_of(*first);
    CHECK(p.general_balances(i) < bmm::exact_money<C>(m("20")));
    if (i > 0) CHECK(p.general_balances(i - 1) >= bmm::exact_money<C>(m("20")));
    const auto printed = p.printed(tenths, half_even);
    CHECK(printed.first_year_below_level == first);
    CHECK(printed.years[i].below_level);
    CHECK(printed.years[i].risk_assessed_level == m("20"));
    // The DSG deficit (59.4 + 18.3 a year) passes the available reserves at once: 77.7 > 30.
    CHECK(p.dsg_passes_reserves() == fy{2024});
    CHECK(printed.dsg_passes_reserves == fy{2024});
    CHECK(printed.years[0].dsg->closing == m("77.7"));
    // The statutory override ends on 31 March 2026: at the end of 2025/26, 59.4 + 2 × 18.3.
    CHECK(printed.override_end_year == fy{2025});
    CHECK(printed.years[1].dsg->closing == m("96.0"));
    // A later end, as a parameter.
    plan.dsg->override_ends = date::year{2028} / date::March / 31;
    CHECK(bmm::project(plan, amber_half).printed(tenths, half_even).override_end_year == fy{2027});
}

TEST_CASE("the resilience measures come from the printed reserves, three years back") {
    auto plan = fixture_plan(10, "0%", "4.5%");
    plan.reserves_history = {m("48")};  // at the end of 2022/23
    const auto printed = bmm::project(plan, amber_half).printed(tenths, half_even);
    const auto res = bmm::resilience(printed);
    REQUIRE(res.size() == 10);
    // The base year's available reserves: 10 + 30.2 (Public Health is ring-fenced).
    CHECK(printed.base_available_reserves == m("40.2"));
    CHECK_FALSE(res[0].three_years_known);  // 2024/25 looks back to 2021/22: not given
    CHECK(res[1].three_years_known);
    CHECK(res[1].change == bmm::reserves_change(printed.years[1].available_reserves, m("48")));
    CHECK(res[1].sustainability ==
          bmm::reserves_sustainability(printed.years[1].available_reserves, m("48")));
    CHECK(res[3].change == bmm::reserves_change(printed.years[3].available_reserves,
                                                printed.years[0].available_reserves));
    CHECK(res[0].level ==
          bmm::ratio_of(printed.years[0].available_reserves, printed.years[0].spending_total));
    CHECK(res[0].cover ==
          bmm::cover_years(printed.years[0].available_reserves, printed.years[0].gap));
}

TEST_CASE("bad plans are refused naming what is wrong") {
    const auto good = fixture_plan(10, "0%", "4.5%");
    auto refused = [](const bmm::mtfs_plan<C>& p, const char* text) {
        try {
            p.validate();
        } catch (const bmm::invalid_argument& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(text) != std::string::npos);
            return;
        }
        FAIL("not refused: " << text);
    };
    auto p = good;
    p.years = 0;
    refused(p, "at least one year");
    p = good;
    p.pay_award.pop_back();
    refused(p, "pay award has 9 entries for 10 plan years");
    p = good;
    p.services.push_back(p.services[0]);
    refused(p, "the service \"Adult Services\" is given twice");
    p = good;
    p.demand_growth.push_back(p.demand_growth[0]);
    refused(p, "the demand growth of \"Adult Services\" is given twice");
    p = good;
    p.demand_growth[0].service = "Adults";
    refused(p, "names the service \"Adults\", which is not in the plan");
    p = good;
    p.savings[0].service = "Adults";
    refused(p, "the saving \"Care review\" names the service \"Adults\"");
    p = good;
    p.savings[0].year = fy{2040};
    refused(p,
            "the saving \"Care review\" is for 2040/41, outside the plan years 2024/25 to 2033/34");
    p = good;
    p.savings[0].amount = m("-1");
    refused(p, "is negative");
    p = good;
    p.changes[0].year = fy{2023};  // the base year is not a plan year
    refused(p, "the budget change \"Systems replacement\" is for 2023/24");
    p = good;
    p.funding.push_back(p.funding[0]);
    refused(p, "the funding line \"Business rates\" is given twice");
    p = good;
    p.funding[0].name = "council tax";
    refused(p, "the name of the council tax line");
    p = good;
    p.funding[1].steps.pop_back();
    refused(p, "funding line \"Grants\" has 9 entries");
    p = good;
    p.reserves.push_back(p.reserves[0]);
    refused(p, "the reserve \"Budget priorities\" is given twice");
    p = good;
    p.reserves[0].movements[0].year = fy{2050};
    refused(p, "the movement \"Planned use\" of the reserve \"Budget priorities\" is for 2050/51");
    p = good;
    p.gap_draw_order.push_back("Rainy day");
    refused(p, "the gap is to be drawn from \"Rainy day\", which is not a reserve");
    p = good;
    p.gap_draw_order.push_back("Public Health");
    refused(p, "ring-fenced reserve \"Public Health\"");
    p = good;
    p.gap_draw_order.push_back("General balances");
    refused(p, "names \"General balances\" twice");
    p = good;
    p.risk_assessed_level.assign(3, m("20"));
    refused(p, "risk-assessed level has 3 entries");
    p = good;
    p.dsg->in_year.pop_back();
    refused(p, "DSG in-year deficit has 9 entries");
    p = good;
    p.dsg->override_ends = date::year{2026} / date::February / 30;
    refused(p, "not a valid date");
    p = good;
    p.council_tax->referendum_limit.pop_back();
    refused(p, "referendum limit has 9 entries");
}

TEST_CASE(
    "figures beyond money when printed are an overflow_error, and the exact ones are still there") {
    bmm::mtfs_plan<C> p;
    p.base_year = fy{2023};
    p.years = 5;
    p.services = {
        {"Everything", m("0"), gbp::from_minor_units(std::int64_t{4'000'000'000'000'000'000})}};
    p.pay_award.assign(5, bmm::ratio(0));
    p.inflation.assign(5, bmm::ratio(1));  // doubling: 4e18 pence overflows int64 in year 2
    const auto x = bmm::project(p, bmm::savings_policy::as_planned());
    CHECK(x.spending(4) ==
          bmm::exact_money<C>(gbp::from_minor_units(std::int64_t{4'000'000'000'000'000'000})) *
              bmm::exact(32));
    CHECK_THROWS_AS((void)x.printed(bmm::print_unit::minor_units(), half_even),
                    bmm::overflow_error);
    CHECK_THROWS_AS((void)x.spending(4).round(half_even), bmm::overflow_error);
    CHECK_THROWS_AS((void)x.spending(5), bmm::invalid_argument);
    CHECK_THROWS_AS((void)x.service(0, 7), bmm::invalid_argument);
    CHECK_THROWS_AS((void)x.dsg_deficit(0), bmm::invalid_argument);
}

TEST_CASE("a print unit finer than a penny is refused") {
    const auto x = bmm::project(fixture_plan(10, "0%", "4.5%"), amber_half);
    CHECK_THROWS_AS((void)x.printed(bmm::print_unit{0, 3}, half_even), bmm::invalid_argument);
    CHECK(bmm::print_unit::millions(1).minor_units_of<C>() == 10'000'000);
    CHECK(bmm::print_unit::thousands(0).minor_units_of<C>() == 100'000);
    CHECK(bmm::print_unit::minor_units().minor_units_of<C>() == 1);
    CHECK(bmm::print_unit::major_units().minor_units_of<bmm::currency::jpy>() == 1);
}
