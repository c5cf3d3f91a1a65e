// bmm benchmarks: summing and scaling 10 million amounts, each beside a same-run baseline.
//
//   sum/raw_int64      baseline: a plain int64 loop (no overflow check)
//   sum/bmm            bmm::sum: int64 with a per-add overflow check, escalating only on overflow
//   sum/double         information: the same amounts as double pounds (and inexact)
//   scale/raw_int64    baseline: hand-written exact int64 multiply-and-round (half-even from
//                      the remainder) by the rate 7/365
//   scale/bmm          (amount * bmm::ratio(7, 365)).round(bmm::rounding_mode::half_even)
//   scale/double       information: amount * 7.0 / 365.0 rounded with nearbyint (ties wrong)
//
// scripts/run-bench.sh turns the medians of one run into ratios (BENCHMARKS.md).
// --items=N sets the number of amounts (default 10,000,000).
#include <benchmark/benchmark.h>

#include <bmm/money.hpp>
#include <bmm/ratio.hpp>
#include <bmm/sum.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "bench_main.hpp"

namespace {

struct data_set {
    std::vector<std::int64_t> pence;
    std::vector<bmm::gbp> amounts;
    std::vector<double> pounds;
};

const data_set& data() {
    static const data_set d = [] {
        data_set s;
        std::mt19937_64 rng(20230531);
        // Amounts as a budget table holds them: ±£10m, in pence.
        std::uniform_int_distribution<std::int64_t> dist(-1'000'000'000, 1'000'000'000);
        s.pence.reserve(bmm_bench::items);
        s.amounts.reserve(bmm_bench::items);
        s.pounds.reserve(bmm_bench::items);
        for (std::size_t i = 0; i < bmm_bench::items; ++i) {
            const std::int64_t p = dist(rng);
            s.pence.push_back(p);
            s.amounts.push_back(bmm::pence(p));
            s.pounds.push_back(static_cast<double>(p) / 100.0);
        }
        return s;
    }();
    return d;
}

// The rate is data (as it is for bmm): volatile, so that the baseline's compiler cannot turn the
// division into a multiplication by a constant reciprocal.
volatile std::int64_t rate_num_v = 7;
volatile std::int64_t rate_den_v = 365;

/// The baseline: exact (amount × num / den) rounded half-even, written by hand in int64 (the
/// amounts here are at most £10m, so the product cannot overflow).
inline std::int64_t scale_half_even(std::int64_t pence, std::int64_t rate_num,
                                    std::int64_t rate_den) {
    const std::int64_t n = pence * rate_num;
    std::int64_t q = n / rate_den;
    const std::int64_t r = n % rate_den;
    const std::int64_t twice = 2 * (r < 0 ? -r : r);
    if (twice > rate_den || (twice == rate_den && (q % 2 != 0))) q += (n < 0) ? -1 : 1;
    return q;
}

void sum_raw_int64(benchmark::State& state) {
    const auto& v = data().pence;
    for (auto _ : state) {
        std::int64_t acc = 0;
        for (std::int64_t x : v) acc += x;
        benchmark::DoNotOptimize(acc);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(v.size()));
}

void sum_bmm(benchmark::State& state) {
    const auto& v = data().amounts;
    for (auto _ : state) {
        bmm::gbp total = bmm::sum(v);
        benchmark::DoNotOptimize(total);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(v.size()));
}

void sum_double(benchmark::State& state) {
    const auto& v = data().pounds;
    for (auto _ : state) {
        double acc = 0;
        for (double x : v) acc += x;
        benchmark::DoNotOptimize(acc);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(v.size()));
}

void scale_raw_int64(benchmark::State& state) {
    const auto& v = data().pence;
    std::vector<std::int64_t> out(v.size());
    for (auto _ : state) {
        const std::int64_t num = rate_num_v, den = rate_den_v;
        for (std::size_t i = 0; i < v.size(); ++i) out[i] = scale_half_even(v[i], num, den);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(v.size()));
}

void scale_bmm(benchmark::State& state) {
    const auto& v = data().amounts;
    const bmm::ratio rate(rate_num_v, rate_den_v);
    std::vector<bmm::gbp> out(v.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            out[i] = (v[i] * rate).round(bmm::rounding_mode::half_even);
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(v.size()));
}

void scale_double(benchmark::State& state) {
    const auto& v = data().pounds;
    std::vector<double> out(v.size());
    for (auto _ : state) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            out[i] = std::nearbyint(v[i] * 100.0 * 7.0 / 365.0) / 100.0;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    // How many pennies double gets wrong (counted once, outside the timing).
    std::int64_t wrong = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto p = static_cast<std::int64_t>(std::llround(out[i] * 100.0));
        if (p != scale_half_even(data().pence[i], rate_num_v, rate_den_v)) ++wrong;
    }
    state.counters["wrong_pennies"] = static_cast<double>(wrong);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(v.size()));
}

/// The baselines must do the same exact work: check once that bmm and the hand-written code
/// agree on every amount before anything is timed.
bool baselines_agree() {
    const auto& d = data();
    std::int64_t raw = 0;
    for (std::int64_t x : d.pence) raw += x;
    if (bmm::sum(d.amounts).in_minor_units() != raw) return false;
    const bmm::ratio rate(rate_num_v, rate_den_v);
    for (std::size_t i = 0; i < d.pence.size(); ++i) {
        if ((d.amounts[i] * rate).round(bmm::rounding_mode::half_even).in_minor_units() !=
            scale_half_even(d.pence[i], rate_num_v, rate_den_v)) {
            return false;
        }
    }
    return true;
}

}  // namespace

BENCHMARK(sum_raw_int64)->Name("sum/raw_int64")->Unit(benchmark::kMillisecond);
BENCHMARK(sum_bmm)->Name("sum/bmm")->Unit(benchmark::kMillisecond);
BENCHMARK(sum_double)->Name("sum/double")->Unit(benchmark::kMillisecond);
BENCHMARK(scale_raw_int64)->Name("scale/raw_int64")->Unit(benchmark::kMillisecond);
BENCHMARK(scale_bmm)->Name("scale/bmm")->Unit(benchmark::kMillisecond);
BENCHMARK(scale_double)->Name("scale/double")->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) { return bmm_bench::main(argc, argv, baselines_agree); }
