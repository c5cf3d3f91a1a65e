// bmm — detail: controlled rounding of exact figures that share a denominator, so that what is
// printed adds up: lines to their total (apportion) and a balance's opening plus its movements
// to its closing (round_roll_forward). Every figure is numerator / w for one positive w (the
// figures of one plan year over its common denominator, times the printed unit); the results are
// whole numbers of the printed unit.
//
//   apportion({10, 10, 10} / 3, target 10)   ->  4, 3, 3   (the earlier tie gets the unit)
//   round_roll_forward(opening 4, closing 22/3, movements {5/3, 5/3}, ...)  ->  7 = 4 + 2 + 1
#pragma once

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

#include "../rounding.hpp"
#include "wide_int.hpp"

namespace bmm::detail {

/// Returns: whole numbers summing to `target`: each value's floor (values[i] / w), then the
/// difference between target and the sum of floors spread as evenly as it goes: each value gets
/// ⌊extra / n⌋ more and the (extra mod n) values with the largest remainders (ties: the earlier)
/// one more. When target lies between the sum of floors and the sum of ceilings, every result is
/// its value's floor or ceiling and the values already whole stay exact where they can.
/// Requires: w > 0; values non-empty unless target is zero.
[[nodiscard]] inline std::vector<wide_int> apportion(const std::vector<wide_int>& values,
                                                     const wide_int& w, const wide_int& target) {
    const std::size_t n = values.size();
    std::vector<wide_int> out(n), rest(n);
    wide_int floors;
    for (std::size_t i = 0; i < n; ++i) {
        wide_int::floor_divmod(values[i], w, out[i], rest[i]);
        floors += out[i];
    }
    if (n == 0) return out;
    wide_int extra = target - floors;
    if (extra.is_zero()) return out;
    wide_int each, left;
    wide_int::floor_divmod(extra, wide_int(static_cast<std::int64_t>(n)), each, left);
    if (!each.is_zero()) {
        for (wide_int& v : out) v += each;
    }
    if (left.is_zero()) return out;
    // left < n: the first `left` values by remainder, largest first, ties to the earlier.
    const auto k = static_cast<std::size_t>(static_cast<std::int64_t>(left.small()));
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto by_remainder = [&rest](std::size_t a, std::size_t b) {
        const int c = wide_int::compare(rest[a], rest[b]);
        return c > 0 || (c == 0 && a < b);
    };
    std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k - 1), order.end(),
                     by_remainder);
    for (std::size_t i = 0; i < k; ++i) out[order[i]] += wide_int(1);
    return out;
}

/// The printed closing and free movements of one roll-forward.
struct rolled_forward {
    wide_int closing;
    std::vector<wide_int> movements;
};

/// Rounds one year of a balance: opening (already printed, whole units) + pinned movements
/// (already printed, their sum given) + free movements (exact numerators over w) = closing.
/// The closing is the exact closing rounded by `mode` when the free movements can reach it with
/// each rounded down or up; otherwise the nearest closing they can reach; without free movements
/// it is opening + pinned. The free movements are then apportioned to make it add up.
/// Requires: w > 0.
[[nodiscard]] inline rolled_forward round_roll_forward(const wide_int& opening,
                                                       const wide_int& pinned,
                                                       const std::vector<wide_int>& free,
                                                       const wide_int& exact_closing,
                                                       const wide_int& w, rounding_mode mode) {
    rolled_forward out;
    const wide_int fixed = opening + pinned;
    if (free.empty()) {
        out.closing = fixed;
        return out;
    }
    wide_int lo, q, r;
    std::int64_t fractional = 0;
    for (const wide_int& m : free) {
        wide_int::floor_divmod(m, w, q, r);
        lo += q;
        if (!r.is_zero()) ++fractional;
    }
    const wide_int low = fixed + lo, high = low + wide_int(fractional);
    wide_int closing = round_div(exact_closing, w, mode);
    if (closing < low) closing = low;
    if (closing > high) closing = high;
    out.movements = apportion(free, w, closing - fixed);
    out.closing = std::move(closing);
    return out;
}

}  // namespace bmm::detail
