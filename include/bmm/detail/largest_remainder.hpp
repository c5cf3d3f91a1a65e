// bmm — detail: the one largest-remainder (Hamilton) split, shared by allocate() (pennies),
// summary percentages (tenths of a percent) and rounded tables.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

#include "int128.hpp"

namespace bmm::detail {

/// Who receives the units left after every part is rounded toward zero.
enum class remainder_to : std::uint8_t {
    largest,  ///< the largest fractional remainders, ties to the earlier part
    first,    ///< the first parts with a non-zero weight, one unit each
    nobody,   ///< kept apart: returned in split_result::left
};

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
    out.parts.resize(n);
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
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return rest[a] > rest[b]; });
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
