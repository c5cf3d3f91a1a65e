// bmm benchmarks: variance and variance % of 10 million budget lines, beside same-run baselines.
//
//   variance_pct/raw_int64   baseline: forecast − budget, then the % to 1 dp rounded half up
//                            from the remainder, branch-free, in exact int64
//   variance_pct/bmm         bmm::variance_percent(budget, forecast − budget) on bmm::gbp
//   variance_pct/double      information: (f − b) / |b| × 100 rounded with std::round; counts the
//                            ties it rounds wrong
//   variance_pct/floor       information, the memory-traffic floor: stream the same two input
//                            columns and write one int64 output column with the cheapest exact
//                            integer work there is (forecast − budget); no program computing the
//                            % from these columns can be faster on this machine
//   variance_pct/columns     bmm::variance_percents(budgets, forecasts, 1, half_up, magnitude,
//                            units, has): the public columnar API on the kernel path this CPU
//                            runs by default (bmm::active_kernel_path()), tenths of a % into an
//                            int64 column and a one-byte "has a %" column
//   variance_pct/columns_floor  the memory-traffic floor of exactly those columns (read 16 B,
//                            write 9 B a line; bench/floors.hpp), same blocks, same path
//   variance_pct/columns_avx2, columns_portable  information: the same call on the other paths
//   variance_pct/batch       information, a prototype (bench/variance_batch.hpp): the exact
//                            variance % written for vectorisation (double quotient + exact
//                            integer correction, the exact scalar path outside its bounds),
//                            tenths of a % into an int64 column
//
// Built a second time with -march=native (bmm_bench_finance_native, benchmarks named
// variance_pct_native/...) to show what the vector units of this machine give the same code.
//
// The budgets are ±£100m in pence, forecasts within ±£5m; every tenth line is an exact tie at
// 1 dp (budget a multiple of £20, the % an odd number of twentieths), 1,000,000 ties in all.
// --items=N sets the number of lines (default 10,000,000).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <bmm/variance.hpp>
#include <bmm/variance_columns.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

#include "bench_main.hpp"
#include "floors.hpp"
#include "variance_batch.hpp"

#ifdef BMM_BENCH_NATIVE
#define BMM_BENCH_NAME(x) "variance_pct_native/" x
#else
#define BMM_BENCH_NAME(x) "variance_pct/" x
#endif

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
            if (b == 0) b = 100;
            std::int64_t f = b + drift(rng);
            if (i % 10 == 0) {
                // An exact tie at 1 dp: |b| = 2000 m and v = (2k + 1) m make the % (2k + 1) / 20,
                // k in -499..499 (within ±5%).
                const std::int64_t m = std::max<std::int64_t>(1, (b < 0 ? -b : b) / 2000);
                const std::int64_t k = (f - b) % 500;
                b = (b < 0 ? -2000 : 2000) * m;
                f = b + (2 * k + 1) * m;
            }
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

void variance_floor(benchmark::State& state) {
    const auto& d = data();
    std::vector<std::int64_t> out(d.budget.size());
    for (auto _ : state) {
        const std::int64_t* b = d.budget.data();
        const std::int64_t* f = d.forecast.data();
        std::int64_t* o = out.data();
        for (std::size_t i = 0; i < d.budget.size(); ++i) o[i] = f[i] - b[i];
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.budget.size()));
}

void variance_batch(benchmark::State& state) {
    const auto& d = data();
    std::vector<std::int64_t> out(d.budget.size());
    for (auto _ : state) {
        bmm_bench::variance_percents(d.budget.data(), d.forecast.data(), out.data(), out.size());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.budget.size()));
}

void variance_columns_on(benchmark::State& state, bmm::kernel_path path) {
    const auto& d = data();
    std::vector<std::int64_t> units(d.budget_m.size());
    std::vector<std::uint8_t> has(d.budget_m.size());
    for (auto _ : state) {
        auto pct = bmm::variance_percents<bmm::currency::gbp>(
            d.budget_m, d.forecast_m, 1, bmm::rounding_mode::half_up,
            bmm::variance_basis::magnitude, units, has, path);
        benchmark::DoNotOptimize(pct);
        benchmark::ClobberMemory();
    }
    state.SetLabel(std::string(bmm::to_string(path)));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.budget_m.size()));
}
void variance_columns(benchmark::State& state) {
    variance_columns_on(state, bmm::active_kernel_path());
}
void variance_columns_avx2(benchmark::State& state) {
    if (!bmm::kernel_path_supported(bmm::kernel_path::avx2)) {
        state.SkipWithError("no AVX2 here");
        return;
    }
    variance_columns_on(state, bmm::kernel_path::avx2);
}
void variance_columns_portable(benchmark::State& state) {
    variance_columns_on(state, bmm::kernel_path::portable);
}
void variance_columns_floor(benchmark::State& state) {
    const auto& d = data();
    std::vector<std::int64_t> units(d.budget_m.size());
    std::vector<std::uint8_t> has(d.budget_m.size());
    for (auto _ : state) {
        bmm_bench::variance_floor(bmm::active_kernel_path(), d.budget_m.size(), d.budget_m.data(),
                                  d.forecast_m.data(), units.data(), has.data());
        benchmark::DoNotOptimize(units.data());
        benchmark::DoNotOptimize(has.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.budget_m.size()));
}

/// The columnar API against bmm::variance_percent on every line, on every path.
bool columns_agree() {
    const auto& d = data();
    std::vector<std::int64_t> units(d.budget_m.size());
    std::vector<std::uint8_t> has(d.budget_m.size());
    for (bmm::kernel_path path :
         {bmm::kernel_path::portable, bmm::kernel_path::avx2, bmm::kernel_path::avx512}) {
        if (!bmm::kernel_path_supported(path)) continue;
        const auto pct = bmm::variance_percents<bmm::currency::gbp>(
            d.budget_m, d.forecast_m, 1, bmm::rounding_mode::half_up,
            bmm::variance_basis::magnitude, units, has, path);
        std::size_t wrong = pct.missing();
        for (std::size_t i = 0; i < d.budget.size(); ++i) {
            wrong += units[i] != pct_tenths(d.budget[i], d.forecast[i]) || has[i] != 1;
        }
        if (wrong != 0) {
            std::fprintf(stderr, "variance_percents (%s): %zu lines differ\n",
                         std::string(bmm::to_string(path)).c_str(), wrong);
            return false;
        }
    }
    return true;
}

/// The prototype against bmm::variance_percent on `b`, `f` (every line; a zero budget is
/// no_percent). Returns: the number of lines that differ.
std::size_t batch_differs(const std::vector<std::int64_t>& b, const std::vector<std::int64_t>& f) {
    std::vector<std::int64_t> out(b.size());
    bmm_bench::variance_percents(b.data(), f.data(), out.data(), out.size());
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < b.size(); ++i) {
        wrong += out[i] != bmm_bench::batch_detail::exact_one(b[i], f[i]);
    }
    return wrong;
}

/// Lines at and beyond every bound of the prototype's fast path, ties of every size, and random
/// lines of every magnitude (each with f − b inside int64).
bool batch_edges_agree() {
    std::vector<std::int64_t> b, f;
    const auto add = [&](std::int64_t x, std::int64_t y) {
        b.push_back(x);
        f.push_back(y);
    };
    constexpr std::int64_t p51 = std::int64_t{1} << 51, p40 = std::int64_t{1} << 40;
    for (std::int64_t x : {std::int64_t{1}, std::int64_t{-1}, std::int64_t{2}, std::int64_t{3},
                           std::int64_t{7}, std::int64_t{2000}, p51 - 1, -p51, p51, -p51 - 1,
                           std::int64_t{1} << 62, -(std::int64_t{1} << 62)}) {
        for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, p40 - 1, -p40,
                               p40, -p40 - 1, std::int64_t{1} << 50, -(std::int64_t{1} << 50)}) {
            if ((x > 0 && v > INT64_MAX - x) || (x < 0 && v < INT64_MIN - x)) continue;
            add(x, x + v);
        }
        add(0, x);
    }
    add(0, 0);
    std::mt19937_64 rng(7);
    const std::size_t edges = b.size();
    for (int k = 0; k < 1'000'000; ++k) {
        // The first 700,000 inside the fast path's bounds (|b| < 2^51, |v| < 2^40), the rest
        // of any magnitude.
        const bool inside = k < 700'000;
        const int bits = static_cast<int>(rng() % (inside ? 50 : 62));
        const int vbits = static_cast<int>(rng() % (inside ? 39 : 52));
        std::int64_t x = static_cast<std::int64_t>(rng() >> (64 - bits - 1)) + 1;
        std::int64_t v = static_cast<std::int64_t>(rng() >> (64 - vbits - 1));
        if (k % 3 == 0) {
            // An exact tie: x = 2000 m, v = (2q + 1) m, so 1000 v / x = q + 1/2.
            const auto m = static_cast<std::int64_t>(rng() >> (64 - bits / 2 - 1)) + 1;
            const auto q = static_cast<std::int64_t>(rng() % (inside ? 1'000 : 100'000));
            x = 2000 * m;
            v = (2 * q + 1) * m;
        }
        if (rng() % 2) x = -x;
        if (rng() % 2) v = -v;
        add(x, x + v);
    }
    const std::size_t wrong = batch_differs(b, f);
    if (wrong != 0) std::fprintf(stderr, "variance_percents: %zu edge lines differ\n", wrong);
    // The fast path must have been taken, not only the exact fallback.
    std::size_t fast = 0;
    std::vector<std::int64_t> out(256);
    for (std::size_t i = edges + 256; i + 256 <= edges + 700'000; i += 256) {
        fast += bmm_bench::batch_detail::fast_block<256>(&b[i], &f[i], out.data()) == 0;
    }
    if (fast < 2'000) std::fprintf(stderr, "variance_percents: only %zu fast blocks\n", fast);
    return wrong == 0 && fast >= 2'000;
}

/// bmm and the baseline must agree on every line (ties included) before anything is timed, and
/// so must the prototype batch kernel (on every line, and on its edge cases).
bool baselines_agree() {
    const auto& d = data();
    std::size_t ties = 0;
    for (std::size_t i = 0; i < d.budget.size(); ++i) {
        const std::int64_t n = (d.forecast[i] - d.budget[i]) * 1000;
        const std::int64_t ad = d.budget[i] < 0 ? -d.budget[i] : d.budget[i];
        ties += 2 * (n % ad < 0 ? -(n % ad) : n % ad) == ad;
    }
    if (ties < d.budget.size() / 10) {
        std::fprintf(stderr, "variance_pct: only %zu exact ties\n", ties);
        return false;
    }
    for (std::size_t i = 0; i < d.budget.size(); ++i) {
        const auto p = bmm::variance_percent(d.budget_m[i], d.forecast_m[i] - d.budget_m[i]);
        if (!p || p->places() != 1 || p->units() != pct_tenths(d.budget[i], d.forecast[i])) {
            return false;
        }
    }
    if (batch_differs(d.budget, d.forecast) != 0) {
        std::fprintf(stderr, "variance_percents: differs from bmm::variance_percent\n");
        return false;
    }
    return batch_edges_agree() && columns_agree();
}

bool write_data(const std::string& prefix) {
    const auto& d = data();
    return bmm_bench::dump(prefix, "budget.i64", d.budget.data(), d.budget.size()) &&
           bmm_bench::dump(prefix, "forecast.i64", d.forecast.data(), d.forecast.size());
}

}  // namespace

BENCHMARK(variance_raw_int64)->Name(BMM_BENCH_NAME("raw_int64"))->Unit(benchmark::kMillisecond);
BENCHMARK(variance_bmm)->Name(BMM_BENCH_NAME("bmm"))->Unit(benchmark::kMillisecond);
BENCHMARK(variance_double)->Name(BMM_BENCH_NAME("double"))->Unit(benchmark::kMillisecond);
BENCHMARK(variance_floor)->Name(BMM_BENCH_NAME("floor"))->Unit(benchmark::kMillisecond);
BENCHMARK(variance_batch)->Name(BMM_BENCH_NAME("batch"))->Unit(benchmark::kMillisecond);
BENCHMARK(variance_columns)->Name(BMM_BENCH_NAME("columns"))->Unit(benchmark::kMillisecond);
BENCHMARK(variance_columns_floor)
    ->Name(BMM_BENCH_NAME("columns_floor"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK(variance_columns_avx2)
    ->Name(BMM_BENCH_NAME("columns_avx2"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK(variance_columns_portable)
    ->Name(BMM_BENCH_NAME("columns_portable"))
    ->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) { return bmm_bench::main(argc, argv, baselines_agree, write_data); }
