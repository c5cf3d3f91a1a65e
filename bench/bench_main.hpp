// Shared main() for bmm's benchmark programs: reads --items=N (the data size, default 10^7),
// checks that bmm and the hand-written baselines agree on every item before timing anything,
// then runs Google Benchmark with the remaining arguments.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace bmm_bench {

inline std::size_t items = 10'000'000;

/// `agree` returns false when bmm and a baseline compute different results.
inline int main(int argc, char** argv, bool (*agree)()) {
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--items=", 8) == 0) {
            items = static_cast<std::size_t>(std::strtoull(argv[i] + 8, nullptr, 10));
        } else {
            args.push_back(argv[i]);
        }
    }
    if (!agree()) {
        std::fprintf(stderr, "bmm bench: bmm and the hand-written baselines disagree\n");
        return 1;
    }
    int n = static_cast<int>(args.size());
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

}  // namespace bmm_bench
