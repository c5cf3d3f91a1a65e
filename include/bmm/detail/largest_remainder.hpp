// bmm — detail: the one largest-remainder (Hamilton) split, shared by allocate() (pennies),
// summary percentages (tenths of a percent) and rounded tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "int128.hpp"

namespace bmm::detail {

/// Who receives the units left after every part is rounded toward zero.
enum class remainder_to : std::uint8_t {
    largest,  ///< the largest fractional remainders, ties to the earlier part
    first,    ///< the first parts with a non-zero weight, one unit each
    nobody,   ///< kept apart: returned in split_result::left
};

/// Sorts order[0..n) (indices into `rest`) by rest descending, equal remainders keeping their
/// order (a stable sort, as std::stable_sort with `rest[a] > rest[b]`, without <algorithm>):
/// insertion sort of runs of 16, then bottom-up merges through `scratch` (n more indices).
/// O(n log n). Returns: the buffer that holds the sorted indices, `order` or `scratch`.
inline std::size_t* sort_by_remainder(std::size_t* order, std::size_t* scratch, const i128* rest,
                                      std::size_t n) noexcept {
    constexpr std::size_t run = 16;
    for (std::size_t lo = 0; lo < n; lo += run) {
        const std::size_t hi = n - lo < run ? n : lo + run;
        for (std::size_t i = lo + 1; i < hi; ++i) {
            const std::size_t x = order[i];
            std::size_t j = i;
            for (; j > lo && rest[x] > rest[order[j - 1]]; --j) order[j] = order[j - 1];
            order[j] = x;
        }
    }
    std::size_t* merged = scratch;
    for (std::size_t width = run; width < n; width *= 2) {
        for (std::size_t lo = 0; lo < n; lo += 2 * width) {
            const std::size_t mid = n - lo < width ? n : lo + width;
            const std::size_t hi = n - mid < width ? n : mid + width;
            std::size_t i = lo, j = mid, k = lo;
            // The right run's element goes first only when strictly larger: stable.
            while (i < mid && j < hi)
                merged[k++] = rest[order[j]] > rest[order[i]] ? order[j++] : order[i++];
            while (i < mid) merged[k++] = order[i++];
            while (j < hi) merged[k++] = order[j++];
        }
        std::size_t* const t = order;
        order = merged;
        merged = t;
    }
    return order;
}

struct split_result {
    std::vector<i128> parts;
    i128 left = 0;  ///< units not given out (only with remainder_to::nobody)
};

/// Splits `whole` (>= 0) units in proportion to `weights` (each >= 0, summing to `total` > 0,
/// whole × weight fitting 128 bits). Parts sum to `whole` (plus `left`). A zero weight always
/// gets zero.
[[nodiscard]] inline split_result split_by_weights(i128 whole, const std::vector<std::int64_t>& w,
                                                   i128 total, remainder_to policy) {
    const std::size_t n = w.size();
    split_result out;
    out.parts.assign(n, i128(0));
    std::vector<i128> rest(n);  // fractional remainder numerators, over `total`
    i128 given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const i128 p = whole * w[i];
        out.parts[i] = p / total;
        rest[i] = p % total;
        given += out.parts[i];
    }
    i128 left = whole - given;  // < n units
    if (policy == remainder_to::largest) {
        std::vector<std::size_t> buffers(2 * n);  // the indices, and the sort's scratch
        for (std::size_t i = 0; i < n; ++i) buffers[i] = i;
        const std::size_t* order =
            sort_by_remainder(buffers.data(), buffers.data() + n, rest.data(), n);
        for (std::size_t k = 0; k < n && left > 0; ++k) {
            if (w[order[k]] == 0) continue;
            ++out.parts[order[k]];
            --left;
        }
    } else if (policy == remainder_to::first) {
        for (std::size_t i = 0; i < n && left > 0; ++i) {
            if (w[i] == 0) continue;
            ++out.parts[i];
            --left;
        }
    }
    out.left = left;
    return out;
}

}  // namespace bmm::detail
