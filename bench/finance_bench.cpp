// bmm benchmarks: variance and variance % of 10 million budget lines, beside same-run baselines.
//
//   variance_pct/raw_int64   baseline: forecast − budget, then the % to 1 dp rounded half up
//                            from the remainder, branch-free, in exact int64
//   variance_pct/bmm         bmm::variance_percent(budget, forecast − budget) on bmm::gbp
//   variance_pct/double      information: (f − b) / |b| × 100 rounded with std::round; counts the
//                            ties it rounds wrong
//
// The budgets are ±£100m in pence with a tenth of them whole pounds (so exact ties occur).
// --items=N sets the number of lines (default 10,000,000).
#include <benchmark/benchmark.h>

#include <bmm/variance.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "bench_main.hpp"

namespace {

struct data_set {
    std::vector<std::int64_t> budget, forecast;
    std::vector<bmm::gbp> budget_m, forecast_m;
    std::vector<double> budget_d, forecast_d;
};

const data_set& data() {
    static const data_set d = [] {
        data_set s;
        std::mt19937_64 rng(20230531);
        std::uniform_int_distribution<std::int64_t> pence(-10'000'000'000, 10'000'000'000);
        std::uniform_int_distribution<std::int64_t> drift(-500'000'000, 500'000'000);
        for (std::size_t i = 0; i < bmm_bench::items; ++i) {
            std::int64_t b = pence(rng);
            if (i % 10 == 0) b = b / 800 * 800;  // 1/8 steps make exact .x5 ties common
            if (b == 0) b = 100;
            std::int64_t f = b + drift(rng);
            if (i % 10 == 0) f = b + (f - b) / 100 * 100;
            s.budget.push_back(b);
            s.forecast.push_back(f);
            s.budget_m.push_back(bmm::gbp::from_minor_units(b));
            s.forecast_m.push_back(bmm::gbp::from_minor_units(f));
            s.budget_d.push_back(static_cast<double>(b) / 100.0);
            s.forecast_d.push_back(static_cast<double>(f) / 100.0);
        }
        return s;
    }();
    return d;
}

/// The baseline: exact int64, branch-free half-up rounding of 1000 · v / |b| (tenths of a %).
inline std::int64_t pct_tenths(std::int64_t b, std::int64_t f) {
    const std::int64_t v = f - b;
    const std::int64_t d = b < 0 ? -b : b;
    const std::int64_t n = v * 1000;
    const std::int64_t q = n / d, r = n % d;
    const std::int64_t ar = r < 0 ? -r : r;
    const std::int64_t away = n < 0 ? -1 : 1;
    return q + away * static_cast<std::int64_t>(ar >= d - ar);
}

void variance_raw_int64(benchmark::State& state) {
    const auto& d = data();
    std::vector<std::int64_t> out(d.budget.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < d.budget.size(); ++i) {
            out[i] = pct_tenths(d.budget[i], d.forecast[i]);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.budget.size()));
}

void variance_bmm(benchmark::State& state) {
    const auto& d = data();
    std::vector<bmm::decimal> out(d.budget_m.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < d.budget_m.size(); ++i) {
            out[i] = *bmm::variance_percent(d.budget_m[i], d.forecast_m[i] - d.budget_m[i]);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.budget_m.size()));
}

void variance_double(benchmark::State& state) {
    const auto& d = data();
    std::vector<double> out(d.budget_d.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < d.budget_d.size(); ++i) {
            const double b = d.budget_d[i];
            out[i] = std::round((d.forecast_d[i] - b) / std::fabs(b) * 1000.0) / 10.0;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    std::int64_t wrong = 0;
    for (std::size_t i = 0; i < d.budget_d.size(); ++i) {
        if (std::llround(out[i] * 10.0) != pct_tenths(d.budget[i], d.forecast[i])) ++wrong;
    }
    state.counters["wrong_ties"] = static_cast<double>(wrong);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.budget_d.size()));
}

/// bmm and the baseline must agree on every line (ties included) before anything is timed.
bool baselines_agree() {
    const auto& d = data();
    for (std::size_t i = 0; i < d.budget.size(); ++i) {
        const auto p = bmm::variance_percent(d.budget_m[i], d.forecast_m[i] - d.budget_m[i]);
        if (!p || p->places() != 1 || p->units() != pct_tenths(d.budget[i], d.forecast[i])) {
            return false;
        }
    }
    return true;
}

bool write_data(const std::string& prefix) {
    const auto& d = data();
    return bmm_bench::dump(prefix, "budget.i64", d.budget.data(), d.budget.size()) &&
           bmm_bench::dump(prefix, "forecast.i64", d.forecast.data(), d.forecast.size());
}

}  // namespace

BENCHMARK(variance_raw_int64)->Name("variance_pct/raw_int64")->Unit(benchmark::kMillisecond);
BENCHMARK(variance_bmm)->Name("variance_pct/bmm")->Unit(benchmark::kMillisecond);
BENCHMARK(variance_double)->Name("variance_pct/double")->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) { return bmm_bench::main(argc, argv, baselines_agree, write_data); }
