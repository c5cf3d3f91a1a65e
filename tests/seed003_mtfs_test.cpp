// Seed 003 (the May 2023 Business Management & Monitoring Report) as an MTFS: its general
// balances, earmarked and ring-fenced reserves, the High Needs DSG deficit and the pay award
// sensitivity, projected by bmm/mtfs.hpp and printed in £m to 1 dp as the report prints them.
// Figures after 2023/24 that the report does not print are assumptions, said so where used.
#include <bmm/mtfs.hpp>
#include <bmm/mtfs_scenario.hpp>
// (the headers under test first)
#include <doctest/doctest.h>

#include <string>

#include "support/spec.hpp"

namespace {
using C = bmm::currency::gbp;
using bmm::gbp;
using fy = bmm::fiscal_year<>;
gbp m(const char* s) { return gbp::from_millions(s); }
bmm::ratio r(const char* s) { return bmm::ratio::parse(s); }
const auto half_even = bmm::rounding_mode::half_even;

/// 2023/24 to 2025/26 from the end of 2022/23.
bmm::mtfs_plan<C> seed003_plan() {
    bmm::mtfs_plan<C> p;
    p.base_year = fy{2022};
    p.years = 3;
    // Table 11: the net operating budget of £578.7m, met by £578.7m of business rates and
    // council tax funding: breakeven. (Kept flat: the report sets no later years.)
    p.services = {{"Net operating budget", m("0"), m("578.7")}};
    p.pay_award.assign(3, bmm::ratio(0));
    p.inflation.assign(3, bmm::ratio(0));
    p.funding = {{"Business rates & council tax", m("578.7"),
                  std::vector<bmm::funding_step<C>>(3, bmm::funding_step<C>::grow(bmm::ratio(0)))}};
    // ¶113-114: balances of £22.6m at 31 March 2023; £6.8m budgeted and a £0.8m top-up.
    p.reserves.push_back({"General balances",
                          bmm::reserve_kind::general,
                          m("22.6"),
                          {{"Budgeted contribution", fy{2023}, m("6.8")},
                           {"Top-up from additional funding", fy{2023}, m("0.8")}}});
    // ¶108: the COVID-19 reserve held £15.4m at 1 April 2023; £13.4m of planned use over
    // 2023/24 - 2025/26 (£7.4m in 2023/24, Table 11), £0.1m for SARs, £1.5m for Children's
    // Social Care. The split of the other £6.0m between 2024/25 and 2025/26 is not printed:
    // assumed half each.
    p.reserves.push_back({"COVID-19",
                          bmm::reserve_kind::earmarked,
                          m("15.4"),
                          {{"Planned use (MTFS)", fy{2023}, m("-7.4")},
                           {"Children's Social Care", fy{2023}, m("-1.5")},
                           {"Subject Access Requests", fy{2023}, m("-0.1")},
                           {"Planned use (MTFS)", fy{2024}, m("-3.0")},
                           {"Planned use (MTFS)", fy{2025}, m("-3.0")}}});
    // ¶63: the Public Health reserve, £5.9m at 1 April 2023, forecast to spend £1.7m, £1.1m and
    // £0.7m: ring-fenced (the grant's conditions).
    p.reserves.push_back({"Public Health",
                          bmm::reserve_kind::ring_fenced,
                          m("5.9"),
                          {{"Forecast use", fy{2023}, m("-1.7")},
                           {"Forecast use", fy{2024}, m("-1.1")},
                           {"Forecast use", fy{2025}, m("-0.7")}}});
    p.gap_draw_order = {"General balances"};
    // ¶114: the risk-assessed level of £30.2m for 2023/24 (assumed unchanged after).
    p.risk_assessed_level.assign(3, m("30.2"));
    // ¶25, ¶110: the High Needs deficit of £41.1m at 31 March 2023 and £18.3m in 2023/24; the
    // override ends on 31 March 2026. Later in-year deficits are assumed equal to 2023/24's.
    p.dsg = bmm::mtfs_dsg<C>{
        m("41.1"), {m("18.3"), m("18.3"), m("18.3")}, date::year{2026} / date::March / 31};
    return p;
}

}  // namespace

TEST_CASE("seed 003 Table 11: breakeven, so no gap and nothing drawn from balances") {
    const auto x = bmm::project(seed003_plan(), bmm::savings_policy::as_planned());
    const auto printed = x.printed(bmm::print_unit::millions(1), half_even);
    CHECK(printed.years[0].spending_total == m("578.7"));
    CHECK(printed.years[0].funding_total == m("578.7"));
    CHECK(printed.years[0].gap == m("0"));
    CHECK(x.gap(0) == bmm::exact_money<C>(m("0")));
}

TEST_CASE(
    "seed 003 ¶113-115 and Table 11: 22.6 + 6.8 + 0.8 = 30.2 at 31 March 2024, the risk-assessed "
    "level") {
    const auto printed = bmm::project(seed003_plan(), bmm::savings_policy::as_planned())
                             .printed(bmm::print_unit::millions(1), half_even);
    const auto& balances = printed.years[0].reserves[0];
    CHECK(balances.opening == m("22.6"));
    CHECK(balances.movements[0].amount == m("6.8"));
    CHECK(balances.movements[1].amount == m("0.8"));
    // Table 11's "Contribution to balances 7.6" is the two together.
    CHECK(balances.movements[0].amount + balances.movements[1].amount == m("7.6"));
    CHECK(balances.movements[2].name == "Draw to close the gap");
    CHECK(balances.movements[2].amount == m("0"));
    CHECK(balances.closing == m("30.2"));
    CHECK(printed.years[0].general_balances == m("30.2"));
    CHECK(printed.years[0].risk_assessed_level == m("30.2"));
    CHECK_FALSE(printed.years[0].below_level);  // ¶115: "at the risk assessed level"
    CHECK_FALSE(printed.first_year_below_level.has_value());
}

TEST_CASE("seed 003 ¶108: the COVID-19 reserve 15.4 - 13.4 - 0.1 - 1.5 leaves 0.4 by 2025/26") {
    const auto printed = bmm::project(seed003_plan(), bmm::savings_policy::as_planned())
                             .printed(bmm::print_unit::millions(1), half_even);
    const auto& y0 = printed.years[0].reserves[1];
    CHECK(y0.opening == m("15.4"));
    CHECK(y0.closing == m("6.4"));  // 15.4 − 7.4 − 1.5 − 0.1
    // Table 11: the forecast contribution from the reserve, −8.9, is the planned −7.4 and the
    // −1.5 for Children's Social Care.
    CHECK(y0.movements[0].amount + y0.movements[1].amount == m("-8.9"));
    CHECK(printed.years[1].reserves[1].opening == m("6.4"));
    CHECK(printed.years[2].reserves[1].closing == m("0.4"));  // ¶108: "£0.4m remains uncommitted"
}

TEST_CASE("seed 003 ¶63: the Public Health reserve 5.9 - 1.7 - 1.1 - 0.7 leaves 2.4, ring-fenced") {
    const auto x = bmm::project(seed003_plan(), bmm::savings_policy::as_planned());
    const auto printed = x.printed(bmm::print_unit::millions(1), half_even);
    CHECK(printed.years[0].reserves[2].closing == m("4.2"));
    CHECK(printed.years[1].reserves[2].closing == m("3.1"));
    CHECK(printed.years[2].reserves[2].closing == m("2.4"));
    // Ring-fenced: not in the reserves available to close a gap or meet the DSG deficit.
    CHECK(printed.years[0].available_reserves == m("36.6"));  // 30.2 + 6.4
}

TEST_CASE(
    "seed 003 ¶25 and ¶110: the High Needs deficit 41.1 + 18.3 = 59.4 passes the available "
    "reserves") {
    const auto x = bmm::project(seed003_plan(), bmm::savings_policy::as_planned());
    const auto printed = x.printed(bmm::print_unit::millions(1), half_even);
    const auto& dsg = *printed.years[0].dsg;
    CHECK(dsg.opening == m("41.1"));
    CHECK(dsg.movements[0].amount == m("18.3"));
    CHECK(dsg.closing == m("59.4"));
    // 59.4 owed against 36.6 available at 31 March 2024.
    CHECK(printed.years[0].dsg_exceeds_reserves);
    CHECK(printed.dsg_passes_reserves == fy{2023});
    // To the override's end, 31 March 2026 (2024/25 and 2025/26 at 2023/24's £18.3m: assumed).
    CHECK(printed.override_end_year == fy{2025});
    CHECK(printed.years[2].dsg->closing == m("96.0"));
    CHECK(x.dsg_deficit(2) == bmm::exact_money<C>(m("96.0")));
}

TEST_CASE("seed 003 ¶102-103: the pay offer of 5.5% against 4.5% budgeted costs £2.6m a year") {
    // £2.6m for 1.0% is a pay bill of £260m. Budgeted: 4.5% in 2023/24, then 3% (assumed).
    auto plan = seed003_plan();
    plan.services = {{"Net operating budget", m("260"), m("318.7")}};
    plan.pay_award = {r("4.5%"), r("3%"), r("3%")};
    const auto s =
        bmm::sensitivity(plan, bmm::savings_policy::as_planned(), bmm::mtfs_assumption::pay_award,
                         r("1%"), fy{2023}, fy{2023}, bmm::print_unit::millions(1), half_even);
    CHECK(s.effect[0] == bmm::exact_money<C>(m("2.6")));
    CHECK(s.printed_effect[0] == m("2.6"));
    // The award is in the base from then on: 2.6 grows with the later awards, 2.678 and 2.75834.
    CHECK(s.effect[1] == bmm::exact_money<C>(m("2.678")));
    CHECK(s.effect[2] == bmm::exact_money<C>(gbp::parse("2758340")));
    // Printed, the effect is the printed gaps' difference (so the table adds up): 2.678 shows
    // as 2.6 or 2.7, whichever the two gaps' roundings leave.
    CHECK((s.printed_effect[1] == m("2.6") || s.printed_effect[1] == m("2.7")));
    CHECK(s.printed_moved_gap[0] - s.printed_base_gap[0] == s.printed_effect[0]);
}
