// bmm — detail: percentages of counts that add up (largest remainder) or are rounded cell by
// cell: bmm::percentages and bmm::percent_rounding, declared here so that savings.hpp can use
// them without the rest of summary.hpp (statuses, measure ids, <map>). Include bmm/summary.hpp.
//
//   bmm::percentages({12, 5, 4, 11})        {38, 16, 12, 34}: sums to exactly 100
//   bmm::percentages({12, 5, 4, 11}, 0, bmm::percent_rounding::per_cell)   {38, 16, 13, 34}
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "../decimal.hpp"
#include "../error.hpp"
#include "../rounding.hpp"
#include "int128.hpp"
#include "largest_remainder.hpp"

namespace bmm {

/// How percentages of a total are rounded.
enum class percent_rounding : std::uint8_t {
    largest_remainder,  ///< the cells sum to exactly 100 (default)
    per_cell,           ///< each cell rounded on its own (as printed), by the mode given
};

/// Returns: each count as a percentage of their sum at `places` (0..6) decimal places.
/// Throws: undefined_error when the counts sum to zero (no percentage exists);
/// invalid_argument for a negative count or places outside 0..6; overflow_error if the sum
/// exceeds int64.
[[nodiscard]] inline std::vector<decimal> percentages(
    const std::vector<std::int64_t>& counts, int places = 0,
    percent_rounding how = percent_rounding::largest_remainder,
    rounding_mode per_cell_mode = rounding_mode::half_up) {
    if (places < 0 || places > 6) throw invalid_argument("percentages have 0 to 6 decimal places");
    detail::i128 total = 0;
    for (std::int64_t c : counts) {
        if (c < 0) throw invalid_argument("a count cannot be negative", std::to_string(c));
        total += c;
    }
    if (total == 0) throw undefined_error("percentages of an empty table are undefined");
    if (!detail::fits_i64(total)) throw overflow_error("counts sum beyond int64");
    const detail::i128 whole = 100 * detail::pow10_128(places);  // units of 10^-places %
    std::vector<decimal> out(counts.size());
    if (how == percent_rounding::largest_remainder) {
        const auto split =
            detail::split_by_weights(whole, counts, total, detail::remainder_to::largest);
        for (std::size_t i = 0; i < out.size(); ++i) {
            out[i] = decimal::from_units(static_cast<std::int64_t>(split.parts[i]), places);
        }
    } else {
        for (std::size_t i = 0; i < out.size(); ++i) {
            const detail::i128 u = detail::div_round(whole * counts[i], total, per_cell_mode);
            out[i] = decimal::from_units(static_cast<std::int64_t>(u), places);
        }
    }
    return out;
}

/// As above, for counts written in place: percentages({12, 5, 4, 11}).
[[nodiscard]] inline std::vector<decimal> percentages(
    std::initializer_list<std::int64_t> counts, int places = 0,
    percent_rounding how = percent_rounding::largest_remainder,
    rounding_mode per_cell_mode = rounding_mode::half_up) {
    return percentages(std::vector<std::int64_t>(counts), places, how, per_cell_mode);
}

}  // namespace bmm
