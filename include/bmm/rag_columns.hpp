// bmm — rag columns: rating whole columns of figures, each against its measure's rater, equal to
// calling the rater on each figure (bmm/rag.hpp), at the speed of a table lookup.
//
//   rate_column(figures, rater_index, raters, out)   out[i] = raters[rater_index[i]](figures[i])
//   rate_column(units, places, rater_index, raters, out)
//                                          the same for figures units[i] × 10^-places (a column
//                                          read at one number of places, e.g. a CSV column)
//   rate_column(figures, r, out)           out[i] = r(figures[i]) (one measure)
//
//   std::vector<bmm::rater> raters = ...;            // one per measure: target + policy
//   std::vector<std::uint32_t> measure = ...;        // which rater each observation uses
//   std::vector<bmm::decimal> actual = ...;
//   std::vector<bmm::status> status(actual.size(), bmm::data_status::not_reported);
//   bmm::rate_column(actual, measure, raters, status);
//
// How: each rater's Green and Amber intervals at its places are read once into a table; a figure
// at the rater's places is then rated by four integer comparisons, without a branch, 256 at a
// time (an AVX2 or AVX-512 copy is chosen at run time, see bmm/column.hpp). A block with a figure
// at other places, a rater without figure thresholds (a position or no target) or an index out
// of range is rated again one figure at a time by the rater itself, so every status is the
// rater's and every error the rater's (or the index's), naming the observation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "column.hpp"
#include "decimal.hpp"
#include "error.hpp"
#include "rag.hpp"
#include "status.hpp"

namespace bmm {

/// Writes out[i] = raters[rater_index[i]](figures[i]) for every observation.
/// Throws: invalid_argument when the columns differ in length, when an index is not a rater's
/// (naming the observation, 0-based) or as the rater does (a figure against a position target;
/// the message names the observation); out is then partly written.
inline void rate_column(column_view<decimal> figures, column_view<std::uint32_t> rater_index,
                        column_view<rater> raters, column_span<status> out,
                        kernel_path path = active_kernel_path());

/// As above for the figures units[i] × 10^-places (0 <= places <= 18).
/// Throws: as above; invalid_argument for places outside 0..18.
inline void rate_column(column_view<std::int64_t> units, int places,
                        column_view<std::uint32_t> rater_index, column_view<rater> raters,
                        column_span<status> out, kernel_path path = active_kernel_path());

/// Writes out[i] = r(figures[i]) for every figure.
/// Throws: invalid_argument when the columns differ in length, or as the rater does.
inline void rate_column(column_view<decimal> figures, const rater& r, column_span<status> out,
                        kernel_path path = active_kernel_path());

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

struct rater_access {
    /// True when `r` rates a figure at `places` by its integer thresholds.
    static bool by_thresholds(const rater& r, int places) noexcept {
        return r.figures_ && r.places_ == places;
    }
    static int places(const rater& r) noexcept { return r.figures_ ? r.places_ : -1; }
    static std::int64_t green_lo(const rater& r) noexcept { return r.green_lo_; }
    static std::int64_t green_hi(const rater& r) noexcept { return r.green_hi_; }
    static std::int64_t amber_lo(const rater& r) noexcept { return r.amber_lo_; }
    static std::int64_t amber_hi(const rater& r) noexcept { return r.amber_hi_; }
};

namespace columns {

inline constexpr std::size_t rate_block = 256;

/// The raters of one call: their intervals at their places, as a low end and a width (u is in
/// [lo, lo + width] iff the unsigned difference u − lo is at most width: one compare an
/// interval), and each one's places (-1 without thresholds).
struct rater_table {
    // One column per threshold (a vectorised lookup gathers each with the index as it is).
    std::vector<std::uint64_t> green_lo, green_width, amber_lo, amber_width;
    std::vector<std::int64_t> places;
    /// The one number of places every rater has thresholds at, or -1.
    std::int64_t common_places = -1;

    explicit rater_table(column_view<rater> raters)
        : green_lo(raters.size()),
          green_width(raters.size()),
          amber_lo(raters.size()),
          amber_width(raters.size()),
          places(raters.size()) {
        for (std::size_t k = 0; k < raters.size(); ++k) {
            const rater& r = raters[k];
            const auto interval = [](std::int64_t lo, std::int64_t hi) {
                // An empty interval (hi < lo, a rater without thresholds) never matches: such a
                // rater's places are -1, so it is never rated by the table anyway.
                const auto ulo = static_cast<std::uint64_t>(lo);
                return hi < lo ? std::pair<std::uint64_t, std::uint64_t>{ulo, 0}
                               : std::pair<std::uint64_t, std::uint64_t>{
                                     ulo, static_cast<std::uint64_t>(hi) - ulo};
            };
            const auto g = interval(rater_access::green_lo(r), rater_access::green_hi(r));
            const auto a = interval(rater_access::amber_lo(r), rater_access::amber_hi(r));
            green_lo[k] = g.first;
            green_width[k] = g.second;
            amber_lo[k] = a.first;
            amber_width[k] = a.second;
            places[k] = rater_access::places(r);
        }
        common_places = places.empty() ? -1 : places[0];
        for (std::int64_t p : places) {
            if (p != common_places) common_places = -1;
        }
    }
};

/// The status of a rating code 0..2 (rag's enumerators are 0, 1, 2).
BMM_DETAIL_ALWAYS_INLINE status of_code(std::uint8_t code) noexcept {
    return status(static_cast<rag>(code));
}

/// Figures as a column of decimals (their places checked one by one) or of units at one number
/// of places (checked once).
struct decimal_figures {
    const decimal* x;
    BMM_DETAIL_ALWAYS_INLINE std::int64_t units(std::size_t i) const noexcept {
        return x[i].units();
    }
    BMM_DETAIL_ALWAYS_INLINE std::int64_t places(std::size_t i) const noexcept {
        return x[i].places();
    }
    decimal at(std::size_t i) const noexcept { return x[i]; }
};
struct unit_figures {
    const std::int64_t* u;
    int p;
    BMM_DETAIL_ALWAYS_INLINE std::int64_t units(std::size_t i) const noexcept { return u[i]; }
    BMM_DETAIL_ALWAYS_INLINE std::int64_t places(std::size_t) const noexcept { return p; }
    decimal at(std::size_t i) const noexcept { return decimal::from_units(u[i], p); }
};

/// One block by the thresholds, branch-free. Returns: non-zero when some observation must be
/// rated by its rater (other places, no thresholds, an index out of range). With Uniform, every
/// rater has thresholds at the figures' places (checked once by the caller).
template <bool Uniform, class Figures>
BMM_DETAIL_ALWAYS_INLINE std::uint64_t rate_one_block(Figures fig, std::size_t first,
                                                      const std::uint32_t* __restrict index,
                                                      const rater_table& table,
                                                      std::uint32_t n_raters,
                                                      status* __restrict out) {
    // The indices first, in a loop of their own (a vectorised maximum): the rating loop then
    // reads the table without a check.
    std::uint32_t highest = 0;
    BMM_DETAIL_IVDEP
    for (std::size_t i = 0; i < rate_block; ++i) highest = highest < index[i] ? index[i] : highest;
    if (highest >= n_raters) return 1;
    const std::uint64_t* __restrict green_lo = table.green_lo.data();
    const std::uint64_t* __restrict green_width = table.green_width.data();
    const std::uint64_t* __restrict amber_lo = table.amber_lo.data();
    const std::uint64_t* __restrict amber_width = table.amber_width.data();
    const std::int64_t* __restrict places = table.places.data();
    std::uint64_t outside = 0;
    // The codes in 8-byte lanes first, then narrowed to status bytes in a loop of their own (one
    // loop mixing 8-byte lookups and 1-byte stores is unrolled to 64 lanes and spills).
    std::uint64_t code[rate_block];
    BMM_DETAIL_IVDEP
    for (std::size_t i = 0; i < rate_block; ++i) {
        const std::uint32_t k = index[i];
        if constexpr (!Uniform) {
            outside |= static_cast<std::uint64_t>(places[k] != fig.places(first + i));
        }
        const auto u = static_cast<std::uint64_t>(fig.units(first + i));
        code[i] = static_cast<std::uint64_t>(u - green_lo[k] > green_width[k]) +
                  static_cast<std::uint64_t>(u - amber_lo[k] > amber_width[k]);
    }
    BMM_DETAIL_IVDEP
    for (std::size_t i = 0; i < rate_block; ++i) {
        out[i] = of_code(static_cast<std::uint8_t>(code[i]));
    }
    return outside;
}

/// Observation i rated by its rater (the exact path), errors naming it.
template <class Figures>
BMM_NOINLINE void rate_by_rater(Figures fig, std::size_t i, const std::uint32_t* index,
                                column_view<rater> raters, status* out) {
    if (index[i] >= raters.size()) {
        throw invalid_argument("observation " + std::to_string(i) + " names rater " +
                                   std::to_string(index[i]) + " of " +
                                   std::to_string(raters.size()),
                               std::to_string(index[i]));
    }
    try {
        out[i] = raters[index[i]](fig.at(i));
    } catch (const invalid_argument& e) {
        throw invalid_argument("observation " + std::to_string(i) + ": " + e.what(), e.input());
    }
}

template <bool Uniform, class Figures>
BMM_DETAIL_ALWAYS_INLINE void rate_blocks(Figures fig, std::size_t n, const std::uint32_t* index,
                                          column_view<rater> raters, const rater_table& table,
                                          status* out) {
    const auto n_raters = static_cast<std::uint32_t>(
        raters.size() < 0xFFFFFFFFu ? raters.size() : 0xFFFFFFFFu);  // every index is below
    std::size_t i = 0;
    if (n_raters > 0) {
        for (; i + rate_block <= n; i += rate_block) {
            if (rate_one_block<Uniform>(fig, i, index + i, table, n_raters, out + i) != 0) {
                for (std::size_t k = i; k < i + rate_block; ++k) {
                    rate_by_rater(fig, k, index, raters, out);
                }
            }
        }
    }
    for (; i < n; ++i) rate_by_rater(fig, i, index, raters, out);
}

template <bool Uniform, class Figures>
void rate_portable(Figures fig, std::size_t n, const std::uint32_t* index,
                   column_view<rater> raters, const rater_table& table, status* out) {
    rate_blocks<Uniform>(fig, n, index, raters, table, out);
}
#if BMM_DETAIL_AVX2_DISPATCH
template <bool Uniform, class Figures>
BMM_DETAIL_TARGET_AVX2 void rate_avx2(Figures fig, std::size_t n, const std::uint32_t* index,
                                      column_view<rater> raters, const rater_table& table,
                                      status* out) {
    rate_blocks<Uniform>(fig, n, index, raters, table, out);
}
template <bool Uniform, class Figures>
BMM_DETAIL_TARGET_AVX512 void rate_avx512(Figures fig, std::size_t n, const std::uint32_t* index,
                                          column_view<rater> raters, const rater_table& table,
                                          status* out) {
    rate_blocks<Uniform>(fig, n, index, raters, table, out);
}
#endif

template <bool Uniform, class Figures>
void rate_on(kernel_path path, Figures fig, std::size_t n, const std::uint32_t* index,
             column_view<rater> raters, const rater_table& table, status* out) {
#if BMM_DETAIL_AVX2_DISPATCH
    if (path == kernel_path::avx512) return rate_avx512<Uniform>(fig, n, index, raters, table, out);
    if (path == kernel_path::avx2) return rate_avx2<Uniform>(fig, n, index, raters, table, out);
#endif
    static_cast<void>(path);
    rate_portable<Uniform>(fig, n, index, raters, table, out);
}

}  // namespace columns
}  // namespace detail

inline void rate_column(column_view<decimal> figures, column_view<std::uint32_t> rater_index,
                        column_view<rater> raters, column_span<status> out, kernel_path path) {
    detail::check_same_size(figures.size(), rater_index.size(),
                            "the figure and rater-index columns");
    detail::check_same_size(figures.size(), out.size(), "the figure and status columns");
    detail::check_kernel_path(path);
    const detail::columns::rater_table table(raters);
    detail::columns::rate_on<false>(path, detail::columns::decimal_figures{figures.data()},
                                    figures.size(), rater_index.data(), raters, table, out.data());
}

inline void rate_column(column_view<std::int64_t> units, int places,
                        column_view<std::uint32_t> rater_index, column_view<rater> raters,
                        column_span<status> out, kernel_path path) {
    detail::check_same_size(units.size(), rater_index.size(), "the figure and rater-index columns");
    detail::check_same_size(units.size(), out.size(), "the figure and status columns");
    if (places < 0 || places > decimal::max_places) {
        throw invalid_argument("figures have 0..18 places");
    }
    detail::check_kernel_path(path);
    const detail::columns::rater_table table(raters);
    const detail::columns::unit_figures fig{units.data(), places};
    if (table.common_places == places) {
        detail::columns::rate_on<true>(path, fig, units.size(), rater_index.data(), raters, table,
                                       out.data());
    } else {
        detail::columns::rate_on<false>(path, fig, units.size(), rater_index.data(), raters, table,
                                        out.data());
    }
}

inline void rate_column(column_view<decimal> figures, const rater& r, column_span<status> out,
                        kernel_path path) {
    const std::vector<std::uint32_t> index(figures.size(), 0);
    rate_column(figures, index, column_view<rater>(&r, 1), out, path);
}

}  // namespace bmm
