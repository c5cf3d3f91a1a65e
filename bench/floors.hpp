// The memory-traffic floors of the columnar benchmarks: loops that read the same input columns
// and write the same output columns as bmm's columnar function, with the cheapest work there is
// in between, in the same 256-line blocks, compiled for the same kernel path (so that they run at
// what the memory moves, not at what one core computes). No program reading and writing those
// columns can be faster on this machine.
//
//   variance_floor(path, budget, forecast, units, has)   units = f − b, has = (b != 0)
//   rate_floor(path, units, index, out)                  out = low byte of (units ^ index)
//   rate_lookup_floor(path, units, index, table, out)    out = units >= table[index]: the
//                                                        streaming floor plus the one read of
//                                                        a per-measure value that any rating
//                                                        by measure needs (information)
#pragma once

#include <bmm/column.hpp>
#include <bmm/money.hpp>
#include <bmm/status.hpp>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace bmm_bench {

namespace floor_detail {

constexpr std::size_t block = 256;

BMM_DETAIL_ALWAYS_INLINE void variance_body(std::size_t n, const bmm::gbp* __restrict b,
                                            const bmm::gbp* __restrict f,
                                            std::int64_t* __restrict units,
                                            std::uint8_t* __restrict has) {
    for (std::size_t k = 0; k + block <= n; k += block) {
        BMM_DETAIL_IVDEP
        for (std::size_t i = k; i < k + block; ++i) {
            units[i] = f[i].in_minor_units() - b[i].in_minor_units();
        }
        BMM_DETAIL_IVDEP
        for (std::size_t i = k; i < k + block; ++i) {
            const auto ub = static_cast<std::uint64_t>(b[i].in_minor_units());
            has[i] = static_cast<std::uint8_t>((ub | (0 - ub)) >> 63);
        }
    }
}

BMM_DETAIL_ALWAYS_INLINE void rate_body(std::size_t n, const std::int64_t* __restrict units,
                                        const std::uint32_t* __restrict index,
                                        std::uint8_t* __restrict out) {
    for (std::size_t k = 0; k + block <= n; k += block) {
        BMM_DETAIL_IVDEP
        for (std::size_t i = k; i < k + block; ++i) {
            out[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(units[i]) ^ index[i]);
        }
    }
}

BMM_DETAIL_ALWAYS_INLINE void lookup_body(std::size_t n, const std::int64_t* __restrict units,
                                          const std::uint32_t* __restrict index,
                                          const std::int64_t* __restrict table,
                                          std::uint8_t* __restrict out) {
    for (std::size_t k = 0; k + block <= n; k += block) {
        BMM_DETAIL_IVDEP
        for (std::size_t i = k; i < k + block; ++i) {
            out[i] = static_cast<std::uint8_t>(
                (static_cast<std::uint64_t>(units[i] - table[index[i]]) >> 63));
        }
    }
}

inline void lookup_portable(std::size_t n, const std::int64_t* u, const std::uint32_t* k,
                            const std::int64_t* t, std::uint8_t* o) {
    lookup_body(n, u, k, t, o);
}
inline void variance_portable(std::size_t n, const bmm::gbp* b, const bmm::gbp* f, std::int64_t* u,
                              std::uint8_t* h) {
    variance_body(n, b, f, u, h);
}
inline void rate_portable(std::size_t n, const std::int64_t* u, const std::uint32_t* k,
                          std::uint8_t* o) {
    rate_body(n, u, k, o);
}
#if BMM_DETAIL_AVX2_DISPATCH
BMM_DETAIL_TARGET_AVX2 inline void variance_avx2(std::size_t n, const bmm::gbp* b,
                                                 const bmm::gbp* f, std::int64_t* u,
                                                 std::uint8_t* h) {
    variance_body(n, b, f, u, h);
}
BMM_DETAIL_TARGET_AVX512 inline void variance_avx512(std::size_t n, const bmm::gbp* b,
                                                     const bmm::gbp* f, std::int64_t* u,
                                                     std::uint8_t* h) {
    variance_body(n, b, f, u, h);
}
BMM_DETAIL_TARGET_AVX2 inline void lookup_avx2(std::size_t n, const std::int64_t* u,
                                               const std::uint32_t* k, const std::int64_t* t,
                                               std::uint8_t* o) {
    lookup_body(n, u, k, t, o);
}
BMM_DETAIL_TARGET_AVX512 inline void lookup_avx512(std::size_t n, const std::int64_t* u,
                                                   const std::uint32_t* k, const std::int64_t* t,
                                                   std::uint8_t* o) {
    lookup_body(n, u, k, t, o);
}
BMM_DETAIL_TARGET_AVX2 inline void rate_avx2(std::size_t n, const std::int64_t* u,
                                             const std::uint32_t* k, std::uint8_t* o) {
    rate_body(n, u, k, o);
}
BMM_DETAIL_TARGET_AVX512 inline void rate_avx512(std::size_t n, const std::int64_t* u,
                                                 const std::uint32_t* k, std::uint8_t* o) {
    rate_body(n, u, k, o);
}
#endif

}  // namespace floor_detail

inline void variance_floor(bmm::kernel_path path, std::size_t n, const bmm::gbp* b,
                           const bmm::gbp* f, std::int64_t* units, std::uint8_t* has) {
#if BMM_DETAIL_AVX2_DISPATCH
    if (path == bmm::kernel_path::avx512) return floor_detail::variance_avx512(n, b, f, units, has);
    if (path == bmm::kernel_path::avx2) return floor_detail::variance_avx2(n, b, f, units, has);
#endif
    static_cast<void>(path);
    floor_detail::variance_portable(n, b, f, units, has);
}

/// `out` is written as bytes: a bmm::status is one byte (checked below).
inline void rate_floor(bmm::kernel_path path, std::size_t n, const std::int64_t* units,
                       const std::uint32_t* index, bmm::status* out) {
    static_assert(sizeof(bmm::status) == 1);
    std::uint8_t* o = reinterpret_cast<std::uint8_t*>(out);
#if BMM_DETAIL_AVX2_DISPATCH
    if (path == bmm::kernel_path::avx512) return floor_detail::rate_avx512(n, units, index, o);
    if (path == bmm::kernel_path::avx2) return floor_detail::rate_avx2(n, units, index, o);
#endif
    static_cast<void>(path);
    floor_detail::rate_portable(n, units, index, o);
}

inline void rate_lookup_floor(bmm::kernel_path path, std::size_t n, const std::int64_t* units,
                              const std::uint32_t* index, const std::int64_t* table,
                              bmm::status* out) {
    std::uint8_t* o = reinterpret_cast<std::uint8_t*>(out);
#if BMM_DETAIL_AVX2_DISPATCH
    if (path == bmm::kernel_path::avx512) {
        return floor_detail::lookup_avx512(n, units, index, table, o);
    }
    if (path == bmm::kernel_path::avx2) return floor_detail::lookup_avx2(n, units, index, table, o);
#endif
    static_cast<void>(path);
    floor_detail::lookup_portable(n, units, index, table, o);
}

}  // namespace bmm_bench
