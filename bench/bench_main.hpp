// Shared main() for bmm's benchmark programs: reads --items=N (the data size, default 10^7),
// checks that bmm and the hand-written baselines agree on every item before timing anything,
// then runs Google Benchmark with the remaining arguments.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace bmm_bench {

inline std::size_t items = 10'000'000;

/// Writes `n` values to PREFIX.NAME as raw native-endian binary (for the pandas peer).
template <class T>
bool dump(const std::string& prefix, const char* name, const T* values, std::size_t n) {
    const std::string path = prefix + "." + name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return false;
    const bool ok = std::fwrite(values, sizeof(T), n, f) == n;
    return std::fclose(f) == 0 && ok;
}

/// `agree` returns false when bmm and a baseline compute different results; `write_data`, if
/// given, writes the generated data under a prefix (--dump=PREFIX) for the pandas peer and the
/// program exits without timing.
inline int main(int argc, char** argv, bool (*agree)(),
                bool (*write_data)(const std::string&) = nullptr) {
    std::vector<char*> args;
    std::string dump_prefix;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--items=", 8) == 0) {
            items = static_cast<std::size_t>(std::strtoull(argv[i] + 8, nullptr, 10));
        } else if (std::strncmp(argv[i], "--dump=", 7) == 0) {
            dump_prefix = argv[i] + 7;
        } else {
            args.push_back(argv[i]);
        }
    }
    if (!agree()) {
        std::fprintf(stderr, "bmm bench: bmm and the hand-written baselines disagree\n");
        return 1;
    }
    if (!dump_prefix.empty()) {
        if (write_data == nullptr || !write_data(dump_prefix)) {
            std::fprintf(stderr, "bmm bench: cannot write the data to %s.*\n", dump_prefix.c_str());
            return 1;
        }
        return 0;
    }
    int n = static_cast<int>(args.size());
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

}  // namespace bmm_bench
