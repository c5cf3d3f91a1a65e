// bmm — audit/share: a printed percentage share against its printed part and whole.
//
// "£13.8m (50%) of £28.2m": part ÷ whole × 100 against the printed %, all three printed by one
// mode. The printed % agrees when the exact share rounds to it; it is a rounding effect when
// some values inside the printed figures' intervals give it (always, when the whole's interval
// reaches zero: the share is then unbounded); an error otherwise. A whole printed as zero has no
// share: a printed 0 agrees, any other figure is rounding. Rule "share".
//
//   bmm::audit_share(d("50"), d("13.8"), d("28.2"), bmm::rounding_mode::half_up).errors();
//                                                   // 1: 48.7% to 49.2% fit, not 50%
#pragma once

#include <string>
#include <utility>

#include "../decimal.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "../zero.hpp"
#include "derived.hpp"
#include "finding.hpp"
#include "interval.hpp"

namespace bmm {

/// Checks a printed percentage share of `part` in `whole`, all printed by `mode` (see the header
/// comment).
/// Returns: one cell checked: agrees, or a stored finding (rounding or error).
/// Throws: overflow_error only for figures beyond int64 ratios.
[[nodiscard]] inline findings audit_share(decimal printed_percent, decimal part, decimal whole,
                                          rounding_mode mode, cell_ref where = {}) {
    findings out;
    auto unbounded = [&](const std::string& expected, const char* why) {
        finding f;
        f.where = std::move(where);
        f.rule = "share";
        f.printed = to_string(printed_percent);
        f.expected = expected;
        f.verdict = verdict::rounding;
        f.explanation = why;
        out.add(std::move(f));
    };
    if (whole == zero) {
        if (printed_percent == zero) {
            out.tally(verdict::agrees);
        } else {
            unbounded("",
                      "the whole is printed as zero: its true value may be as small as we "
                      "like, so any share is possible");
        }
        return out;
    }
    const ratio exact = ratio::from_decimal(part) / ratio::from_decimal(whole) * ratio(100);
    const auto range =
        printed_interval::of(part, mode).divided_by(printed_interval::of(whole, mode));
    if (!range) {
        const decimal rounded = exact.round(printed_percent.places(), mode);
        if (rounded == printed_percent) {
            out.tally(verdict::agrees);
        } else {
            unbounded(to_string(rounded),
                      "the whole's printed interval reaches zero: any share "
                      "is possible");
        }
        return out;
    }
    return audit_derived(printed_percent, exact, range->scaled(ratio(100)), mode, "share",
                         std::move(where));
}

}  // namespace bmm
