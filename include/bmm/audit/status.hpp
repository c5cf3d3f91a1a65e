// bmm — audit/status: a printed status against the one its reading, target and policy give.
//
// A status is not rounded: a printed status that differs from the rating (bmm::rate) is an error.
// Rule "rating".
//
//   auto policy = bmm::rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(3, 40)));
//   bmm::audit_status(bmm::rag::green, d("46.50"), bmm::target::parse("48.40"), policy).errors();
//                                                         // 1: the figures give Amber
#pragma once

#include <string>
#include <utility>

#include "../rag.hpp"
#include "../status.hpp"
#include "../target.hpp"
#include "finding.hpp"

namespace bmm {

/// Checks a printed status against rate(r, t, p), the cell named `where`.
/// Returns: one cell checked: agrees, or a stored error whose expected is the rating and whose
/// explanation names the reading, the target and the polarity.
/// Throws: as rate().
[[nodiscard]] inline findings audit_status(status printed, const reading& r, const target& t,
                                           const rag_policy& p, cell_ref where = {}) {
    findings out;
    const status rated = rate(r, t, p);
    if (rated == printed) {
        out.tally(verdict::agrees);
        return out;
    }
    finding f;
    f.where = std::move(where);
    f.rule = "rating";
    f.printed = to_string(printed);
    f.expected = to_string(rated);
    f.verdict = verdict::error;
    if (const decimal* x = r.figure()) {
        f.explanation = to_string(*x) + " against " + to_string(t) + ", " +
                        std::string(to_string(p.direction()));
    }
    out.add(std::move(f));
    return out;
}

}  // namespace bmm
