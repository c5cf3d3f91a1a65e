// bmm — audit/sum: a printed total against its printed parts.
//
// The parts are summed exactly (and their printed intervals only when the exact sum does not
// round to the printed total), so parts whose total fits are audited even when a running sum of
// them does not (2^63 - 1, 1, -1). Rule "sum".
//
//   // Seed 003's waste table: 159,420 + 103,163 + 8,108 printed as 281,024 (they sum to 270,691).
//   bmm::audit_sum(d("281024"), {d("159420"), d("103163"), d("8108")},
//                  bmm::rounding_mode::half_up).errors();   // 1
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "../decimal.hpp"
#include "../detail/exact_sum.hpp"
#include "../rounding.hpp"
#include "derived.hpp"
#include "finding.hpp"
#include "interval.hpp"

namespace bmm {

/// Checks a printed total against its printed parts, each printed by `mode`.
/// Returns: one cell checked: agrees, or a stored finding (rounding or error, with what fits).
/// Throws: overflow_error only for figures beyond int64 ratios (a sum, or an interval's end, that
/// does not fit one).
[[nodiscard]] inline findings audit_sum(decimal printed_total, const std::vector<decimal>& parts,
                                        rounding_mode mode, cell_ref where = {}) {
    detail::ratio_sum exact;
    for (const decimal& p : parts) exact.add(p);
    const ratio total = exact.total();
    if (total.round(printed_total.places(), mode) == printed_total) {
        findings out;
        out.tally(verdict::agrees);
        return out;
    }
    detail::interval_sum range;
    for (const decimal& p : parts) range.add(printed_interval::of(p, mode));
    return audit_derived(printed_total, total, range.total(), mode, "sum", std::move(where));
}

}  // namespace bmm
