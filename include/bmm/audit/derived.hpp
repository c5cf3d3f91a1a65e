// bmm — audit/derived: the verdict on one printed figure derived from other printed figures.
//
// `exact` is the value the printed inputs give as printed; `fits` the set of values their true
// values allow (the sum of their printed intervals, say). The printed figure then
//   agrees     when `exact` rounds (by the mode it was printed with) to it,
//   rounding   when its own printed interval meets `fits`,
//   error      otherwise.
//
//   const auto a = bmm::printed_interval::of(d("1.2"), bmm::rounding_mode::half_up);
//   bmm::verdict_of(d("2.5"), bmm::ratio(12, 5), a + a, bmm::rounding_mode::half_up);
//                                                        // rounding: 1.24 + 1.24 rounds to 2.5
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "../decimal.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "finding.hpp"
#include "interval.hpp"

namespace bmm {

/// Returns: the verdict on `printed` (printed by `mode`) when its inputs give `exact` and allow
/// `fits`: agrees, rounding or error (see the header comment).
/// Throws: overflow_error only for figures beyond int64 ratios.
[[nodiscard]] inline verdict verdict_of(decimal printed, ratio exact, const printed_interval& fits,
                                        rounding_mode mode) {
    if (exact.round(printed.places(), mode) == printed) return verdict::agrees;
    if (printed_interval::of(printed, mode).meets(fits)) return verdict::rounding;
    return verdict::error;
}

/// Audits one derived figure (see the header comment) under `rule`, the cell named `where`.
/// Returns: one cell checked; a stored finding unless it agrees.
/// Throws: overflow_error only for figures beyond int64 ratios.
[[nodiscard]] inline findings audit_derived(decimal printed, ratio exact,
                                            const printed_interval& fits, rounding_mode mode,
                                            std::string rule = "derived", cell_ref where = {}) {
    findings out;
    const verdict v = verdict_of(printed, exact, fits, mode);
    if (v == verdict::agrees) {
        out.tally(v);
        return out;
    }
    finding f;
    f.where = std::move(where);
    f.rule = std::move(rule);
    f.printed = to_string(printed);
    f.fits = fits;
    f.expected = to_string(exact.round(printed.places(), mode));
    f.verdict = v;
    out.add(std::move(f));
    return out;
}

}  // namespace bmm
