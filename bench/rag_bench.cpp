// bmm benchmarks: rating 10 million observations of 1,000 measures, beside a same-run baseline.
//
//   rate/raw_int64   baseline: a hand-written loop over int64 figures (2 dp) with each
//                    measure's Green and Amber thresholds precomputed as int64:
//                    x >= green ? G : x >= amber ? A : R
//   rate/bmm         one bmm::rater per measure (target + policy, built once), called on each
//                    observation's bmm::decimal; counts kept in a bmm::rag_counts
//   rate/double      information: the same thresholds and figures as double
//   rate/columns     bmm::rate_column(units, 2, measure, raters, statuses): the public columnar
//                    API (figures as int64 units at 2 dp, a uint32 measure index, one bmm::status
//                    byte out) on the kernel path this CPU runs by default
//   rate/columns_decimal  the same on the bmm::decimal column (16 bytes a figure)
//   rate/columns_floor    the memory-traffic floor of rate/columns' columns (read 12 B, write
//                    1 B; bench/floors.hpp), same blocks, same path
//   rate/lookup_floor     information: that floor plus one read of a per-measure value (the
//                    measure's Green threshold) for each observation
//
// The measures are higher-is-better with a value target and an amber band of 5% or 10% of the
// target (both exact: the thresholds are the band's exact integer bounds at 2 dp).
// --items=N sets the number of observations (default 10,000,000).
#include <benchmark/benchmark.h>

#include <array>
#include <bmm/rag.hpp>
#include <bmm/rag_columns.hpp>
#include <bmm/summary.hpp>
#include <bmm/target.hpp>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench_main.hpp"
#include "floors.hpp"

namespace {

constexpr std::size_t measures = 1000;

struct data_set {
    std::vector<std::uint32_t> measure;  ///< which measure each observation belongs to
    std::vector<std::int64_t> units;     ///< the figure at 2 dp
    std::vector<bmm::decimal> figures;
    std::vector<double> doubles;
    std::vector<bmm::rater> raters;
    std::vector<std::int64_t> green_from, amber_from;  ///< the baseline's thresholds
    std::vector<double> green_d, amber_d;
};

const data_set& data() {
    static const data_set d = [] {
        data_set s;
        std::mt19937_64 rng(20230531);
        std::uniform_int_distribution<std::int64_t> target_units(1'000, 1'000'000);
        std::uniform_int_distribution<std::uint32_t> pick(0, measures - 1);
        for (std::size_t m = 0; m < measures; ++m) {
            const std::int64_t t = target_units(rng);
            const std::int64_t band_percent = m % 2 == 0 ? 5 : 10;
            s.raters.emplace_back(bmm::target::value(bmm::decimal::from_units(t, 2)),
                                  bmm::rag_policy::higher_is_better(
                                      bmm::amber_band::relative(bmm::ratio(band_percent, 100))),
                                  2);
            s.green_from.push_back(t);
            // x >= t - t*b/100 over integers: x >= ceil(t*(100-b)/100).
            const std::int64_t n = t * (100 - band_percent);
            s.amber_from.push_back(n / 100 + (n % 100 != 0 ? 1 : 0));
            s.green_d.push_back(static_cast<double>(t) / 100.0);
            s.amber_d.push_back(static_cast<double>(t) / 100.0 *
                                (1.0 - 0.01 * static_cast<double>(band_percent)));
        }
        s.measure.reserve(bmm_bench::items);
        s.units.reserve(bmm_bench::items);
        s.figures.reserve(bmm_bench::items);
        s.doubles.reserve(bmm_bench::items);
        std::uniform_int_distribution<std::int64_t> spread(80, 120);
        for (std::size_t i = 0; i < bmm_bench::items; ++i) {
            const std::uint32_t m = pick(rng);
            const std::int64_t x = s.green_from[m] * spread(rng) / 100;  // 80%..120% of target
            s.measure.push_back(m);
            s.units.push_back(x);
            s.figures.push_back(bmm::decimal::from_units(x, 2));
            s.doubles.push_back(static_cast<double>(x) / 100.0);
        }
        return s;
    }();
    return d;
}

std::array<std::int64_t, 3> rate_by_hand(const data_set& d) {
    std::array<std::int64_t, 3> counts{};
    for (std::size_t i = 0; i < d.units.size(); ++i) {
        const std::uint32_t m = d.measure[i];
        const std::int64_t x = d.units[i];
        const int r = x >= d.green_from[m] ? 0 : (x >= d.amber_from[m] ? 1 : 2);
        ++counts[static_cast<std::size_t>(r)];
    }
    return counts;
}

bmm::rag_counts rate_with_bmm(const data_set& d) {
    bmm::rag_counts counts;
    for (std::size_t i = 0; i < d.figures.size(); ++i) {
        counts.add(d.raters[d.measure[i]](d.figures[i]));
    }
    return counts;
}

void rate_raw_int64(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        auto counts = rate_by_hand(d);
        benchmark::DoNotOptimize(counts);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.units.size()));
}

void rate_bmm(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        auto counts = rate_with_bmm(d);
        benchmark::DoNotOptimize(counts);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.units.size()));
}

void rate_double(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        std::array<std::int64_t, 3> counts{};
        for (std::size_t i = 0; i < d.doubles.size(); ++i) {
            const std::uint32_t m = d.measure[i];
            const double x = d.doubles[i];
            const int r = x >= d.green_d[m] ? 0 : (x >= d.amber_d[m] ? 1 : 2);
            ++counts[static_cast<std::size_t>(r)];
        }
        benchmark::DoNotOptimize(counts);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.doubles.size()));
}

template <bool Decimals>
void rate_columns_bench(benchmark::State& state) {
    const auto& d = data();
    std::vector<bmm::status> out(d.units.size(), bmm::data_status::not_reported);
    for (auto _ : state) {
        if constexpr (Decimals) {
            bmm::rate_column(d.figures, d.measure, d.raters, out);
        } else {
            bmm::rate_column(d.units, 2, d.measure, d.raters, out);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetLabel(std::string(bmm::to_string(bmm::active_kernel_path())));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.units.size()));
}

void rate_columns_floor(benchmark::State& state) {
    const auto& d = data();
    std::vector<bmm::status> out(d.units.size(), bmm::data_status::not_reported);
    for (auto _ : state) {
        bmm_bench::rate_floor(bmm::active_kernel_path(), d.units.size(), d.units.data(),
                              d.measure.data(), out.data());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.units.size()));
}

void rate_lookup_floor(benchmark::State& state) {
    const auto& d = data();
    std::vector<bmm::status> out(d.units.size(), bmm::data_status::not_reported);
    for (auto _ : state) {
        bmm_bench::rate_lookup_floor(bmm::active_kernel_path(), d.units.size(), d.units.data(),
                                     d.measure.data(), d.green_from.data(), out.data());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.units.size()));
}

/// The columnar rating against each rater on every observation, on every path.
bool columns_agree() {
    const auto& d = data();
    std::vector<bmm::status> from_units(d.units.size(), bmm::data_status::not_reported);
    std::vector<bmm::status> from_decimals(d.units.size(), bmm::data_status::not_reported);
    for (bmm::kernel_path path :
         {bmm::kernel_path::portable, bmm::kernel_path::avx2, bmm::kernel_path::avx512}) {
        if (!bmm::kernel_path_supported(path)) continue;
        bmm::rate_column(d.units, 2, d.measure, d.raters, from_units, path);
        bmm::rate_column(d.figures, d.measure, d.raters, from_decimals, path);
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < d.units.size(); ++i) {
            const bmm::status want = d.raters[d.measure[i]](d.figures[i]);
            wrong += from_units[i] != want || from_decimals[i] != want;
        }
        if (wrong != 0) {
            std::fprintf(stderr, "rate_column (%s): %zu observations differ\n",
                         std::string(bmm::to_string(path)).c_str(), wrong);
            return false;
        }
    }
    return true;
}

/// bmm and the hand-written loop must agree on every observation before anything is timed.
bool baselines_agree() {
    const auto& d = data();
    const auto by_hand = rate_by_hand(d);
    const auto counts = rate_with_bmm(d);
    if (counts.green != by_hand[0] || counts.amber != by_hand[1] || counts.red != by_hand[2]) {
        return false;
    }
    for (std::size_t i = 0; i < d.figures.size() && i < 100'000; ++i) {
        const auto m = d.measure[i];
        const std::int64_t x = d.units[i];
        const bmm::status expect = x >= d.green_from[m]
                                       ? bmm::rag::green
                                       : (x >= d.amber_from[m] ? bmm::rag::amber : bmm::rag::red);
        if (d.raters[m](d.figures[i]) != expect) return false;
    }
    return columns_agree();
}

bool write_data(const std::string& prefix) {
    const auto& d = data();
    return bmm_bench::dump(prefix, "measure.u32", d.measure.data(), d.measure.size()) &&
           bmm_bench::dump(prefix, "units.i64", d.units.data(), d.units.size()) &&
           bmm_bench::dump(prefix, "green_from.i64", d.green_from.data(), d.green_from.size()) &&
           bmm_bench::dump(prefix, "amber_from.i64", d.amber_from.data(), d.amber_from.size());
}

}  // namespace

BENCHMARK(rate_raw_int64)->Name("rate/raw_int64")->Unit(benchmark::kMillisecond);
BENCHMARK(rate_bmm)->Name("rate/bmm")->Unit(benchmark::kMillisecond);
BENCHMARK(rate_double)->Name("rate/double")->Unit(benchmark::kMillisecond);
BENCHMARK(rate_columns_bench<false>)->Name("rate/columns")->Unit(benchmark::kMillisecond);
BENCHMARK(rate_columns_bench<true>)->Name("rate/columns_decimal")->Unit(benchmark::kMillisecond);
BENCHMARK(rate_columns_floor)->Name("rate/columns_floor")->Unit(benchmark::kMillisecond);
BENCHMARK(rate_lookup_floor)->Name("rate/lookup_floor")->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) { return bmm_bench::main(argc, argv, baselines_agree, write_data); }
