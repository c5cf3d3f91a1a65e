// bmm benchmarks: a medium-term financial strategy of 200 services × 5 scenarios × 10 years,
// projected exactly and printed to £0.1m with controlled rounding, beside a hand-written int128
// loop that computes the same printed figures.
//
//   mtfs/int128         baseline: the same plans in plain __int128 arrays, written for this plan
//                       shape: every rate a multiple of 0.5% (so every year's figures are whole
//                       numbers over 200^t), no overflow checks (the plan is known to fit), the
//                       same rounding (largest remainder, ties to the earlier line; roll-forwards
//                       whose closing is the exact one rounded half-even when their free
//                       movements can reach it)
//   mtfs/bmm            bmm::project(plan, policy).printed(print_unit::millions(1), half_even)
//                       for each of the 5 scenarios
//   mtfs/bmm_project    information: bmm::project alone (the exact figures, nothing printed)
//   mtfs/bmm_cpp_int    information: the same plans with a council tax base growth of 0.7% and
//                       increases of 4.99%, whose figures outgrow 128 bits in year 2 and go on
//                       in cpp_int (no baseline: the int128 loop cannot compute them)
//
// Before timing, the program checks that the baseline and bmm print the same figure in every
// cell (budget roll-forward, 201 spending lines, funding lines, gap, cumulative gap, every
// reserve movement and balance, the DSG deficit) of every year of every scenario.
// --items=N sets the number of services (default 200).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <bmm/mtfs.hpp>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "bench_main.hpp"

namespace {

using C = bmm::currency::gbp;
using bmm::gbp;
__extension__ typedef __int128 i128;

constexpr std::size_t years = 10;
constexpr std::size_t scenarios = 5;
constexpr std::int64_t unit = 10'000'000;  // £0.1m in pence

struct item {  // a cash item of the plan, for the baseline
    std::size_t line;
    std::size_t year;
    std::int64_t pence;
    int bucket;  // 0 change, 1 saving in full, 2 amber saving (counted at 1/2), 3 red (not counted)
    bool one_off;
};

struct scenario {
    bmm::mtfs_plan<C> plan;
    // The same plan as the baseline reads it: rates as numerators over 200.
    std::vector<std::int64_t> pay, non_pay;
    std::vector<std::array<std::int64_t, years>> demand;
    std::array<std::int64_t, years> pay_award{}, inflation{};
    std::vector<item> items;
    std::int64_t council_tax = 0, ct_factor = 0;  // council tax_t = council tax_{t−1} × f / 200
    std::array<std::int64_t, years> rates{};      // business rates: set amounts
    std::int64_t grants = 0, rsg = 0;             // grants grow 2%, RSG flat
    std::int64_t equalisation = 0, general = 0, equalisation_in = 0;
    std::int64_t dsg = 0;
    std::array<std::int64_t, years> dsg_in_year{};
};

bmm::ratio over200(std::int64_t k) { return bmm::ratio(k, 200); }

scenario make_scenario(std::size_t sc, std::size_t services, bool beyond_128) {
    scenario s;
    std::mt19937_64 rng(20240401 + sc);
    auto pence = [&rng](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    bmm::mtfs_plan<C>& p = s.plan;
    p.base_year = bmm::fiscal_year<>{2024};
    p.years = years;
    for (std::size_t t = 0; t < years; ++t) {
        s.pay_award[t] = static_cast<std::int64_t>(6 + sc + t % 3);  // 3% .. 6%
        s.inflation[t] = static_cast<std::int64_t>(4 + sc + t % 2);  // 2% .. 4.5%
        p.pay_award.push_back(over200(s.pay_award[t]));
        p.inflation.push_back(over200(s.inflation[t]));
    }
    for (std::size_t i = 0; i < services; ++i) {
        const std::string name = "Service " + std::to_string(1000 + i).substr(1);
        s.pay.push_back(pence(100'000'000, 4'000'000'000));
        s.non_pay.push_back(pence(100'000'000, 8'000'000'000));
        p.services.push_back(
            {name, gbp::from_minor_units(s.pay.back()), gbp::from_minor_units(s.non_pay.back())});
        std::array<std::int64_t, years> d{};
        bmm::mtfs_demand demand{name, {}};
        for (std::size_t t = 0; t < years; ++t) {
            d[t] = pence(0, 6);  // 0% .. 3% in steps of 0.5%
            demand.rates.push_back(over200(d[t]));
        }
        s.demand.push_back(d);
        p.demand_growth.push_back(demand);
        // One saving per service, of a random status, and a pressure for every fourth.
        const auto year = static_cast<std::size_t>(pence(0, years - 1));
        const int bucket = static_cast<int>(pence(0, 4));
        const bmm::savings_status status =
            bucket == 0
                ? bmm::savings_status::delivered
                : (bucket == 1
                       ? bmm::savings_status::expected
                       : (bucket == 2 ? bmm::savings_status::amber : bmm::savings_status::red));
        const std::int64_t amount = pence(10'000'000, 100'000'000);
        p.savings.push_back({"Saving " + name, name, p.year(year), gbp::from_minor_units(amount),
                             status, bmm::item_duration::ongoing});
        s.items.push_back({i, year, amount, bucket <= 1 ? 1 : std::min(bucket, 3), false});
        if (i % 4 == 0) {
            const auto y2 = static_cast<std::size_t>(pence(0, years - 1));
            const std::int64_t a2 = pence(5'000'000, 50'000'000);
            p.changes.push_back({"Pressure " + name, name, p.year(y2), gbp::from_minor_units(a2),
                                 bmm::item_duration::ongoing});
            s.items.push_back({i, y2, a2, 0, false});
        }
    }
    for (std::size_t t = 0; t < years; t += 3) {  // corporate one-offs
        const std::int64_t a = pence(50'000'000, 300'000'000);
        p.changes.push_back({"One-off " + std::to_string(t), "", p.year(t),
                             gbp::from_minor_units(a), bmm::item_duration::one_off});
        s.items.push_back({services, t, a, 0, true});
    }
    s.council_tax = 40'000'000'000;  // £400m
    s.ct_factor = 209;               // 4.5%, the tax base flat
    p.council_tax = bmm::mtfs_council_tax<C>{gbp::from_minor_units(s.council_tax), {}, {}, {}};
    for (std::size_t t = 0; t < years; ++t) {
        p.council_tax->base_growth.push_back(beyond_128 ? bmm::ratio::parse("0.7%")
                                                        : bmm::ratio(0));
        p.council_tax->increase.push_back(beyond_128 ? bmm::ratio::parse("4.99%") : over200(9));
        p.council_tax->referendum_limit.push_back(bmm::ratio::parse("4.99%"));
    }
    bmm::mtfs_funding<C> rates{"Business rates", gbp::from_millions("150"), {}};
    bmm::mtfs_funding<C> grants{"Grants", gbp::from_millions("250"), {}};
    bmm::mtfs_funding<C> rsg{"Revenue support grant", gbp::from_millions("30"), {}};
    s.grants = 25'000'000'000;
    s.rsg = 3'000'000'000;
    for (std::size_t t = 0; t < years; ++t) {
        s.rates[t] = 15'000'000'000 + static_cast<std::int64_t>(t) * 300'000'000;
        rates.steps.push_back(bmm::funding_step<C>::set(gbp::from_minor_units(s.rates[t])));
        grants.steps.push_back(bmm::funding_step<C>::grow(bmm::ratio(1, 50)));
        rsg.steps.push_back(bmm::funding_step<C>::grow(bmm::ratio(0)));
    }
    p.funding = {rates, grants, rsg};
    s.equalisation = 4'000'000'000;
    s.general = 3'000'000'000;
    s.equalisation_in = 200'000'000;
    p.reserves = {
        {"Budget equalisation",
         bmm::reserve_kind::earmarked,
         gbp::from_minor_units(s.equalisation),
         {{"Contribution", p.year(0), gbp::from_minor_units(s.equalisation_in)}}},
        {"General balances", bmm::reserve_kind::general, gbp::from_minor_units(s.general), {}}};
    p.gap_draw_order = {"Budget equalisation", "General balances"};
    for (std::size_t t = 0; t < years; ++t) {
        p.risk_assessed_level.push_back(
            gbp::from_minor_units(3'000'000'000 + static_cast<std::int64_t>(t) * 100'000'000));
    }
    s.dsg = 6'000'000'000;
    p.dsg = bmm::mtfs_dsg<C>{gbp::from_minor_units(s.dsg), {}, date::year{2026} / 3 / 31};
    for (std::size_t t = 0; t < years; ++t) {
        s.dsg_in_year[t] = 1'800'000'000 + static_cast<std::int64_t>(t) * 50'000'000;
        p.dsg->in_year.push_back(gbp::from_minor_units(s.dsg_in_year[t]));
    }
    return s;
}

const std::vector<scenario>& data(bool beyond_128 = false) {
    static const std::vector<scenario> fit = [] {
        std::vector<scenario> v;
        for (std::size_t sc = 0; sc < scenarios; ++sc) {
            v.push_back(make_scenario(sc, bmm_bench::items, false));
        }
        return v;
    }();
    static const std::vector<scenario> big = [] {
        std::vector<scenario> v;
        for (std::size_t sc = 0; sc < scenarios; ++sc) {
            v.push_back(make_scenario(sc, bmm_bench::items, true));
        }
        return v;
    }();
    return beyond_128 ? big : fit;
}

const bmm::savings_policy policy = bmm::savings_policy::amber_weighted(bmm::ratio(1, 2));

// --- the hand-written baseline ------------------------------------------------------------------

i128 floor_div(i128 a, i128 b, i128* rest) {
    i128 q = a / b, r = a % b;
    if (r < 0) {
        r += b;
        --q;
    }
    *rest = r;
    return q;
}

i128 round_half_even(i128 n, i128 w) {
    i128 r;
    const i128 q = floor_div(n, w, &r);
    if (2 * r < w) return q;
    if (2 * r > w) return q + 1;
    return q % 2 == 0 ? q : q + 1;
}

/// Whole numbers summing to target: floors, then the units left to the largest remainders.
void apportion(const i128* v, std::size_t n, i128 w, i128 target, i128* out, i128* rest,
               std::size_t* order) {
    i128 floors = 0;
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = floor_div(v[i], w, &rest[i]);
        floors += out[i];
    }
    if (n == 0) return;
    i128 left;
    const i128 each = floor_div(target - floors, static_cast<i128>(n), &left);
    if (each != 0) {
        for (std::size_t i = 0; i < n; ++i) out[i] += each;
    }
    if (left == 0) return;
    const auto k = static_cast<std::size_t>(left);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::nth_element(order, order + k - 1, order + n, [rest](std::size_t a, std::size_t b) {
        return rest[a] > rest[b] || (rest[a] == rest[b] && a < b);
    });
    for (std::size_t i = 0; i < k; ++i) out[order[i]] += 1;
}

/// The closing of a roll-forward: the exact closing rounded, within reach of the free movements.
i128 roll(i128 fixed, const i128* free, std::size_t n, i128 exact_closing, i128 w, i128* out,
          i128* rest, std::size_t* order) {
    if (n == 0) return fixed;
    i128 lo = 0, r;
    i128 fractional = 0;
    for (std::size_t i = 0; i < n; ++i) {
        lo += floor_div(free[i], w, &r);
        if (r != 0) ++fractional;
    }
    i128 closing = round_half_even(exact_closing, w);
    closing = std::max(closing, fixed + lo);
    closing = std::min(closing, fixed + lo + fractional);
    apportion(free, n, w, closing - fixed, out, rest, order);
    return closing;
}

/// The printed figures of one scenario, in units of £0.1m, in a fixed order.
void baseline(const scenario& s, std::vector<std::int64_t>& printed) {
    const std::size_t k = s.pay.size(), lines = k + 1;
    std::vector<i128> pay(s.pay.begin(), s.pay.end()), non(s.non_pay.begin(), s.non_pay.end());
    std::vector<i128> service(lines), out(lines + 8), rest(lines + 8);
    std::vector<std::size_t> order(lines + 8);
    std::vector<std::array<i128, 4>> ongoing(lines), one_off(lines);
    for (auto& a : ongoing) a.fill(0);
    i128 spending = 0;
    for (std::size_t i = 0; i < k; ++i) spending += pay[i] + non[i];
    i128 d = 1, ct = s.council_tax, grants = s.grants, rsg = s.rsg, eq = s.equalisation,
         gen = s.general, dsg = s.dsg, cumulative = 0, prev_counted = 0, prev_changes = 0,
         prev_one_off = 0;
    i128 spending_units = round_half_even(spending, unit), eq_units = round_half_even(eq, unit),
         gen_units = round_half_even(gen, unit), dsg_units = round_half_even(dsg, unit),
         cumulative_units = 0;
    printed.clear();
    for (std::size_t t = 0; t < years; ++t) {
        const i128 d_prev = d;
        d *= 200;
        const i128 w = d * unit;
        const i128 opening = spending * 200;
        i128 pay_inf = 0, price_inf = 0, demand = 0;
        for (std::size_t i = 0; i < k; ++i) {
            const i128 p = pay[i] * s.pay_award[t], n = non[i] * s.inflation[t];
            const i128 pd = pay[i] * s.demand[i][t], nd = non[i] * s.demand[i][t];
            pay_inf += p;
            price_inf += n;
            demand += pd + nd;
            pay[i] = pay[i] * 200 + p + pd;
            non[i] = non[i] * 200 + n + nd;
            service[i] = pay[i] + non[i];
        }
        service[k] = 0;
        for (auto& a : one_off) a.fill(0);
        for (const item& it : s.items) {
            if (it.year == t) {
                (it.one_off ? one_off : ongoing)[it.line][static_cast<std::size_t>(it.bucket)] +=
                    it.pence;
            }
        }
        i128 counted = 0, changes = 0, one_offs = 0;
        for (std::size_t l = 0; l < lines; ++l) {
            const auto& on = ongoing[l];
            const auto& off = one_off[l];
            changes += on[0];
            one_offs += off[0];
            const i128 full = on[1] + off[1], amber = on[2] + off[2];
            const i128 c = full * d + amber * (d / 2);
            counted += c;
            service[l] += (on[0] + off[0]) * d - c;
        }
        const i128 pressures = (changes - prev_changes) * d;
        const i128 one_off_moves = (one_offs - prev_one_off) * d;
        const i128 savings = prev_counted * 200 - counted;
        prev_counted = counted;
        prev_changes = changes;
        prev_one_off = one_offs;
        spending = opening + pay_inf + price_inf + demand + pressures + one_off_moves + savings;
        ct = ct * s.ct_factor;
        grants = grants * 204;
        rsg = rsg * 200;
        const i128 rates = i128(s.rates[t]) * d;
        const i128 funding[4] = {ct, rates, grants, rsg};
        const i128 funding_total = ct + rates + grants + rsg;
        const i128 gap = spending - funding_total;
        cumulative = cumulative * 200 + gap;
        eq *= 200;
        gen *= 200;
        const i128 eq_in = t == 0 ? i128(s.equalisation_in) * d : 0;
        eq += eq_in;
        i128 eq_draw = 0;
        if (gap > 0 && eq > 0) eq_draw = std::min(eq, gap);
        eq -= eq_draw;
        const i128 gen_draw = gap - eq_draw;
        gen -= gen_draw;
        const i128 dsg_in = i128(s.dsg_in_year[t]) * d;
        dsg = dsg * 200 + dsg_in;
        (void)d_prev;

        // Printed figures.
        const i128 moves[6] = {pay_inf, price_inf, demand, pressures, one_off_moves, savings};
        i128 moved[6];
        printed.push_back(static_cast<std::int64_t>(spending_units));
        const i128 closing =
            roll(spending_units, moves, 6, spending, w, moved, rest.data(), order.data());
        for (const i128 m : moved) printed.push_back(static_cast<std::int64_t>(m));
        printed.push_back(static_cast<std::int64_t>(closing));
        spending_units = closing;
        apportion(service.data(), lines, w, closing, out.data(), rest.data(), order.data());
        for (std::size_t l = 0; l < lines; ++l)
            printed.push_back(static_cast<std::int64_t>(out[l]));
        const i128 funding_units = round_half_even(funding_total, w);
        printed.push_back(static_cast<std::int64_t>(funding_units));
        apportion(funding, 4, w, funding_units, out.data(), rest.data(), order.data());
        for (std::size_t l = 0; l < 4; ++l) printed.push_back(static_cast<std::int64_t>(out[l]));
        const i128 gap_units = closing - funding_units;
        cumulative_units += gap_units;
        printed.push_back(static_cast<std::int64_t>(gap_units));
        printed.push_back(static_cast<std::int64_t>(cumulative_units));
        const i128 draws[2] = {eq_draw, gen_draw};
        i128 drawn[2];
        apportion(draws, 2, w, gap_units, drawn, rest.data(), order.data());
        // Budget equalisation: its contribution (year 1) free, the draw pinned.
        i128 eq_moved[1];
        printed.push_back(static_cast<std::int64_t>(eq_units));
        const i128 eq_closing = roll(eq_units - drawn[0], &eq_in, t == 0 ? 1 : 0, eq, w, eq_moved,
                                     rest.data(), order.data());
        if (t == 0) printed.push_back(static_cast<std::int64_t>(eq_moved[0]));
        printed.push_back(static_cast<std::int64_t>(-drawn[0]));
        printed.push_back(static_cast<std::int64_t>(eq_closing));
        eq_units = eq_closing;
        printed.push_back(static_cast<std::int64_t>(gen_units));
        printed.push_back(static_cast<std::int64_t>(-drawn[1]));
        gen_units -= drawn[1];
        printed.push_back(static_cast<std::int64_t>(gen_units));
        i128 dsg_moved[1];
        printed.push_back(static_cast<std::int64_t>(dsg_units));
        const i128 dsg_closing =
            roll(dsg_units, &dsg_in, 1, dsg, w, dsg_moved, rest.data(), order.data());
        printed.push_back(static_cast<std::int64_t>(dsg_moved[0]));
        printed.push_back(static_cast<std::int64_t>(dsg_closing));
        dsg_units = dsg_closing;
    }
}

/// bmm's printed figures in the baseline's order, in units of £0.1m.
void flatten(const bmm::printed_mtfs<C>& p, std::vector<std::int64_t>& out) {
    out.clear();
    auto u = [&out](bmm::gbp m) { out.push_back(m.in_minor_units() / unit); };
    for (const auto& y : p.years) {
        u(y.budget.opening);
        for (const auto& l : y.budget.movements) u(l.amount);
        u(y.budget.closing);
        for (const bmm::gbp l : y.spending) u(l);
        u(y.funding_total);
        for (const bmm::gbp l : y.funding) u(l);
        u(y.gap);
        u(y.cumulative_gap);
        for (const auto& r : y.reserves) {
            u(r.opening);
            for (const auto& l : r.movements) u(l.amount);
            u(r.closing);
        }
        u(y.dsg->opening);
        u(y.dsg->movements[0].amount);
        u(y.dsg->closing);
    }
}

bool agree() {
    std::vector<std::int64_t> a, b;
    for (const scenario& s : data()) {
        baseline(s, a);
        const auto printed =
            bmm::project(s.plan, policy)
                .printed(bmm::print_unit::millions(1), bmm::rounding_mode::half_even);
        flatten(printed, b);
        if (a != b) {
            std::fprintf(stderr, "bmm bench: mtfs: %zu figures from the baseline, %zu from bmm\n",
                         a.size(), b.size());
            for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
                if (a[i] != b[i]) {
                    std::fprintf(stderr, "  figure %zu: baseline %lld, bmm %lld\n", i,
                                 static_cast<long long>(a[i]), static_cast<long long>(b[i]));
                    break;
                }
            }
            return false;
        }
        // And the printed year adds up (the property the rounding is for).
        for (const auto& y : printed.years) {
            bmm::gbp sum = y.budget.opening;
            for (const auto& l : y.budget.movements) sum += l.amount;
            if (sum != y.budget.closing || y.gap != y.spending_total - y.funding_total) {
                return false;
            }
        }
    }
    // The plans beyond 128 bits go on in cpp_int (and still add up in print).
    const auto big = bmm::project(data(true)[0].plan, policy);
    return !bmm::detail::exact_access::numerator(big.gap(years - 1).in_minor_units()).is_small();
}

void mtfs_int128(benchmark::State& state) {
    const auto& d = data();
    std::vector<std::int64_t> printed;
    for (auto _ : state) {
        for (const scenario& s : d) {
            baseline(s, printed);
            benchmark::DoNotOptimize(printed.data());
        }
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenarios));
}

void mtfs_bmm(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        for (const scenario& s : d) {
            auto printed =
                bmm::project(s.plan, policy)
                    .printed(bmm::print_unit::millions(1), bmm::rounding_mode::half_even);
            benchmark::DoNotOptimize(printed.years.data());
        }
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenarios));
}

void mtfs_bmm_project(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        for (const scenario& s : d) {
            auto projection = bmm::project(s.plan, policy);
            benchmark::DoNotOptimize(&projection);
        }
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenarios));
}

void mtfs_bmm_cpp_int(benchmark::State& state) {
    const auto& d = data(true);
    for (auto _ : state) {
        for (const scenario& s : d) {
            auto printed =
                bmm::project(s.plan, policy)
                    .printed(bmm::print_unit::millions(1), bmm::rounding_mode::half_even);
            benchmark::DoNotOptimize(printed.years.data());
        }
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenarios));
}

}  // namespace

BENCHMARK(mtfs_int128)->Name("mtfs/int128")->Unit(benchmark::kMicrosecond);
BENCHMARK(mtfs_bmm)->Name("mtfs/bmm")->Unit(benchmark::kMicrosecond);
BENCHMARK(mtfs_bmm_project)->Name("mtfs/bmm_project")->Unit(benchmark::kMicrosecond);
BENCHMARK(mtfs_bmm_cpp_int)->Name("mtfs/bmm_cpp_int")->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
    bmm_bench::items = 200;
    return bmm_bench::main(argc, argv, agree);
}
