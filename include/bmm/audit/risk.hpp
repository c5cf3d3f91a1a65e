// bmm — audit/risk: a printed risk row's band and arrow against its scores.
//
//   rule         column                       the printed cell must be
//   risk_score   inherent, previous_residual, a product of two 1..5 (a risk_score)
//                residual
//   risk_band    band                         the band of the residual score (risk_bands)
//   risk_travel  travel                       the travel from the previous residual score
//   residual     residual                     at most the inherent score
// Every contradiction is an error; with an impossible score nothing else is checked.
//
//   bmm::audit_risk({"03. Capital Projects", 16, 12, 16}, bmm::rag::red,
//                   bmm::risk_travel::maintained, bmm::risk_bands{});
//                   // one error: travel printed maintained, expected increased
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "../risk.hpp"
#include "../status.hpp"
#include "finding.hpp"

namespace bmm {

/// Checks a risk's printed band and arrow (either may be absent) against its printed scores,
/// each finding's where the risk's name and the column of the table above.
/// Returns: the findings: scores, band, travel, residual, in that order.
/// Throws: std::bad_alloc only (an impossible score is itself a finding).
[[nodiscard]] inline findings audit_risk(const strategic_risk& printed,
                                         std::optional<status> printed_band,
                                         std::optional<risk_travel> printed_travel,
                                         const risk_bands& bands) {
    findings out;
    auto add = [&](const char* column, const char* rule, std::string shown, std::string expected) {
        finding f;
        f.where.row = printed.name;
        f.where.column = column;
        f.rule = rule;
        f.printed = std::move(shown);
        f.expected = std::move(expected);
        f.verdict = verdict::error;
        out.add(std::move(f));
    };
    const struct {
        const char* column;
        unsigned score;
    } scores[] = {{"inherent", printed.inherent},
                  {"previous_residual", printed.previous_residual},
                  {"residual", printed.residual}};
    for (const auto& s : scores) {
        if (s.score < 1 || s.score > 25 || !is_possible_score(s.score)) {
            add(s.column, "risk_score", std::to_string(s.score), "a product of two 1..5");
        } else {
            out.tally(verdict::agrees);
        }
    }
    if (out.errors() != 0) return out;
    if (printed_band) {
        const rag computed = to_rag(bands.level(printed.residual));
        if (*printed_band != status(computed)) {
            add("band", "risk_band", std::string(to_string(*printed_band)),
                std::string(to_string(computed)));
        } else {
            out.tally(verdict::agrees);
        }
    }
    if (printed_travel) {
        const risk_travel computed = travel(printed.previous_residual, printed.residual);
        if (*printed_travel != computed) {
            add("travel", "risk_travel", std::string(to_string(*printed_travel)),
                std::string(to_string(computed)));
        } else {
            out.tally(verdict::agrees);
        }
    }
    if (printed.residual > printed.inherent) {
        add("residual", "residual", std::to_string(printed.residual),
            "at most " + std::to_string(printed.inherent));
    } else {
        out.tally(verdict::agrees);
    }
    return out;
}

}  // namespace bmm
