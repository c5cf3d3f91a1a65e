// Spec for bmm/reserves.hpp: general balances against the risk-assessed level, multi-year
// projections, years of cover at a real rate of use, earmarked reserves year by year and the DSG
// deficit — with seed 003's figures.
#include <doctest/doctest.h>

#include <algorithm>
#include <bmm/reserves.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "support/spec.hpp"

namespace {
using bmm::gbp;
gbp m(const char* s) { return gbp::from_millions(s); }
const bmm::fiscal_year<> fy2023{2023};
int start(bmm::fiscal_year<> y) { return static_cast<int>(y.start_year()); }
}  // namespace

TEST_CASE("seed 003 ¶113-115: 22.6 + 6.8 + 0.8 at breakeven is 30.2, exactly the level") {
    const bmm::general_balances<bmm::currency::gbp> b{
        m("22.6"), {m("6.8"), m("0.8")}, m("0"), m("30.2")};
    CHECK(b.closing() == m("30.2"));
    CHECK(b.headroom() == m("0"));
    CHECK(b.at_or_above_level());
    // The directorate overspend of £5.3m, uncovered, would leave balances £5.3m below the level.
    auto overspend = b;
    overspend.forecast_variance = m("5.3");
    CHECK(overspend.closing() == m("24.9"));
    CHECK(overspend.headroom() == m("-5.3"));
    CHECK_FALSE(overspend.at_or_above_level());
}

TEST_CASE("a projection says in which MTFS year a balance falls below its floor") {
    const auto p =
        bmm::project_balances(m("30.2"), fy2023, {m("0"), m("-4.0"), m("-3.5"), m("1.0")},
                              {m("30.2"), m("26.0"), m("24.0"), m("24.0")});
    REQUIRE(p.size() == 4);
    CHECK(p[1].closing == m("26.2"));
    CHECK(p[2].opening == m("26.2"));
    CHECK(p[2].closing == m("22.7"));
    CHECK(bmm::first_year_below_floor(p) == fy2023.next().next());  // 2025/26
    const auto steady = bmm::project_balances(m("30.2"), fy2023, {m("0"), m("0")}, {m("30.2")});
    CHECK_FALSE(bmm::first_year_below_floor(steady).has_value());
    CHECK_THROWS_AS(
        (void)bmm::project_balances(m("1"), fy2023, {m("0"), m("0")}, {m("1"), m("1"), m("1")}),
        bmm::invalid_argument);
}

TEST_CASE("years of cover are an exact ratio at a real rate of use") {
    // Seed 003 ¶63: the Public Health reserve held £5.9m; £1.7m is forecast to be spent in
    // 2023/24. At that rate it lasts 59/17 = 3.47 years (the planned profile, 1.7, 1.1, 0.7,
    // uses it more slowly: 2.4 remains after three years).
    CHECK(bmm::years_of_cover(m("5.9"), m("1.7")) == bmm::ratio(59, 17));
    CHECK(bmm::years_of_cover(m("5.9"), m("1.7"))->round(2, bmm::rounding_mode::half_up) ==
          bmm::decimal::parse("3.47"));
    // Table 11 / ¶108: the COVID-19 reserve's £15.4m, drawn at its 2023/24 forecast use of £8.9m
    // (the budgeted 7.4 plus 1.5 for Children's pressures), lasts 154/89 = 1.73 years: it would
    // be exhausted in its second year.
    CHECK(bmm::years_of_cover(m("15.4"), m("8.9")) == bmm::ratio(154, 89));
    CHECK(*bmm::years_of_cover(m("15.4"), m("8.9")) < bmm::ratio(2));
    CHECK_FALSE(bmm::years_of_cover(m("15.4"), m("0")).has_value());  // never exhausted
    CHECK_THROWS_AS((void)bmm::years_of_cover(m("15.4"), m("-1")), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::years_of_cover(m("-1"), m("1")), bmm::invalid_argument);
}

TEST_CASE("reserves as a share of the net budget are exact") {
    // General balances of £30.2m against the £578.7m net operating budget: 5.2%.
    CHECK(bmm::share_of_budget(m("30.2"), m("578.7"))->percent(1, bmm::rounding_mode::half_up) ==
          bmm::decimal::parse("5.2"));
    CHECK_FALSE(bmm::share_of_budget(m("30.2"), m("0")).has_value());
}

TEST_CASE("seed 003 ¶108: the COVID-19 reserve by year, and £0.4m after its commitments") {
    // £15.4m at 1 April 2023; £13.4m of planned use over 2023/24 - 2025/26 is built into the
    // MTFS, of which 2023/24's is Table 11's budgeted "Contribution from COVID-19 reserve" of
    // £7.4m; how the other £6.0m falls between 2024/25 and 2025/26 is not printed.
    const bmm::earmarked_reserve<bmm::currency::gbp> covid{
        "COVID-19 Reserve",
        m("15.4"),
        {{fy2023, m("7.4")}},
        {{"Information Management (SARs)", m("0.1")}, {"Children's pressures", m("1.5")}},
        {{fy2023.next(), fy2023.next().next(), m("6.0")}}};
    CHECK(covid.after_planned_uses() == m("2.0"));  // "the remaining £2.0m balance"
    CHECK(covid.uncommitted() == m("0.4"));         // "£0.4m remains uncommitted"
    CHECK(covid.balance_after(fy2023.prev()) == m("15.4"));
    CHECK(covid.balance_after(fy2023) == m("8.0"));
    CHECK(covid.balance_after(fy2023.next().next()) == m("2.0"));
    // At the end of 2024/25 it holds between £2.0m and £8.0m: the split is not known.
    const auto mid = covid.bounds_after(fy2023.next());
    CHECK(mid.lowest == m("2.0"));
    CHECK(mid.highest == m("8.0"));
    CHECK_THROWS_AS((void)covid.balance_after(fy2023.next()), bmm::invalid_argument);
    // The 13.4 is all of the MTFS use: 7.4 + 6.0.
    CHECK(covid.opening - covid.after_planned_uses() == m("13.4"));
}

TEST_CASE("seed 003 ¶63: the Public Health reserve 5.9 - 1.7 - 1.1 - 0.7 leaves 2.4") {
    const bmm::earmarked_reserve<bmm::currency::gbp> ph{
        "Public Health",
        m("5.9"),
        {{fy2023, m("1.7")}, {fy2023.next(), m("1.1")}, {fy2023.next().next(), m("0.7")}},
        {}};
    CHECK(ph.balance_after(fy2023) == m("4.2"));
    CHECK(ph.balance_after(fy2023.next()) == m("3.1"));
    CHECK(ph.after_planned_uses() == m("2.4"));
    CHECK(ph.uncommitted() == m("2.4"));
    CHECK(ph.balance_after(fy2023.prev()) == m("5.9"));
}

TEST_CASE("seed 003 ¶110: the High Needs deficit 41.1 + 18.3 = 59.4, override to 31 March 2026") {
    using namespace date::literals;
    const bmm::dsg_deficit_reserve<bmm::currency::gbp> dsg{m("41.1"), m("18.3"),
                                                           2026_y / date::March / 31};
    CHECK(dsg.closing_deficit() == m("59.4"));
    CHECK(dsg.override_applies(2026_y / date::March / 31));
    CHECK_FALSE(dsg.override_applies(2026_y / date::April / 1));
    // The DSG table: 84.4 budget, 102.7 outturn for High Needs: the in-year deficit is 18.3.
    CHECK(m("102.7") - m("84.4") == dsg.in_year_deficit);
}

TEST_CASE("overflow in a reserve calculation is a typed error") {
    const bmm::general_balances<bmm::currency::gbp> b{
        gbp::from_minor_units(INT64_MAX), {gbp::from_minor_units(1)}, m("0"), m("0")};
    CHECK_THROWS_AS((void)b.closing(), bmm::overflow_error);
}

TEST_CASE(
    "property: a reserve's balance, however a spread use is split, lies within bounds_after, "
    "and the bounds meet outside the spread years (2,000 reserves)") {
    // Planned uses and spread uses of either sign (a negative use is a top-up); each spread use
    // is split between its years at random, and the balance year by year must lie within the
    // bounds, which are equal (balance_after) where no spread use is part-way through.
    std::mt19937_64 gen(2023);
    std::uniform_int_distribution<std::int64_t> pence(-2'000'000, 10'000'000);
    std::uniform_int_distribution<int> count(0, 4), year(2023, 2028), span(0, 3);
    int outside = 0;
    for (int trial = 0; trial < 2'000; ++trial) {
        bmm::earmarked_reserve<bmm::currency::gbp> r;
        r.name = "reserve";
        r.opening = gbp::from_minor_units(pence(gen) * 3);
        for (int k = count(gen); k > 0; --k) {
            r.planned_uses.push_back(
                {bmm::fiscal_year<>{year(gen)}, gbp::from_minor_units(pence(gen))});
        }
        // Each spread use's split: a random share of it in each of its years.
        std::vector<std::vector<std::int64_t>> splits;
        for (int k = count(gen) % 3; k > 0; --k) {
            const int first = year(gen), last = first + span(gen);
            const std::int64_t amount = pence(gen);
            r.spread_uses.push_back({bmm::fiscal_year<>{first}, bmm::fiscal_year<>{last},
                                     gbp::from_minor_units(amount)});
            std::vector<std::int64_t> split;
            std::int64_t left = amount;
            for (int y = first; y < last; ++y) {
                const std::int64_t part = left == 0 ? 0 : std::int64_t(gen() % 1000) * left / 1000;
                split.push_back(part);
                left -= part;
            }
            split.push_back(left);
            splits.push_back(split);
        }
        for (int y = 2022; y <= 2032; ++y) {
            const bmm::fiscal_year<> fy{y};
            // The balance at the end of y under the random splits.
            gbp balance = r.opening;
            for (const auto& u : r.planned_uses) {
                if (u.first <= fy) balance -= u.second;
            }
            bool part_way = false;
            for (std::size_t k = 0; k < r.spread_uses.size(); ++k) {
                const auto& u = r.spread_uses[k];
                for (int z = start(u.first); z <= std::min(y, start(u.last)); ++z) {
                    balance -= gbp::from_minor_units(
                        splits[k][static_cast<std::size_t>(z - start(u.first))]);
                }
                part_way = part_way || (u.first <= fy && fy < u.last);
            }
            const auto b = r.bounds_after(fy);
            CAPTURE(trial);
            CAPTURE(y);
            CHECK(b.lowest <= b.highest);
            const bool within = b.lowest <= balance && balance <= b.highest;
            outside += !within;
            CHECK(within);
            if (!part_way) {
                CHECK(b.lowest == b.highest);
                CHECK(r.balance_after(fy) == balance);
            } else if (b.lowest != b.highest) {
                CHECK_THROWS_AS((void)r.balance_after(fy), bmm::invalid_argument);
            }
            if (y == 2032) CHECK(balance == r.after_planned_uses());
        }
        if (outside > 3) break;
    }
}

TEST_CASE(
    "property: project_balances chains each year's closing into the next opening and names the "
    "first year below its floor (2,000 projections)") {
    std::mt19937_64 gen(2024);
    std::uniform_int_distribution<std::int64_t> pence(-50'000'000, 30'000'000);
    std::uniform_int_distribution<int> years(1, 8);
    for (int trial = 0; trial < 2'000; ++trial) {
        const gbp opening = gbp::from_minor_units(pence(gen) + 100'000'000);
        std::vector<gbp> movements, floors;
        const int n = years(gen);
        for (int k = 0; k < n; ++k) movements.push_back(gbp::from_minor_units(pence(gen)));
        const bool one_floor = gen() % 2 == 0;
        for (int k = 0; k < (one_floor ? 1 : n); ++k) {
            floors.push_back(gbp::from_minor_units(pence(gen) + 60'000'000));
        }
        const auto p = bmm::project_balances(opening, fy2023, movements, floors);
        REQUIRE(p.size() == movements.size());
        gbp total = opening;
        std::optional<bmm::fiscal_year<>> first_below;
        for (std::size_t k = 0; k < p.size(); ++k) {
            CHECK(p[k].year == fy2023 + date::years{static_cast<int>(k)});
            CHECK(p[k].opening == (k == 0 ? opening : p[k - 1].closing));
            CHECK(p[k].closing == p[k].opening + p[k].movement);
            CHECK(p[k].movement == movements[k]);
            CHECK(p[k].floor == floors[one_floor ? 0 : k]);
            total += movements[k];
            if (!first_below && total < p[k].floor) first_below = p[k].year;
        }
        CHECK(p.back().closing == total);
        CHECK(bmm::first_year_below_floor(p) == first_below);
    }
    const std::vector<gbp> two{m("1.0"), m("2.0")}, three{m("0"), m("0"), m("0")};
    CHECK_THROWS_AS((void)bmm::project_balances(m("1.0"), fy2023, two, three),
                    bmm::invalid_argument);
}
