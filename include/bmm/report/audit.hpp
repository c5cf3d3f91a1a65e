// bmm — report/audit: every printed figure, status, count, share, list and claim of a report
// against what its other printed figures imply, in the one findings vocabulary.
//
//   part                        what is checked (each part's header has its rules)
//   measures                    statuses against figures, targets and polarity; YTD figures
//                               against the YTD rule; a measure printed in several tables
//                               (report/audit_performance.hpp)
//   summaries, lists, roll-ups  recounted from the measures (report/audit_summaries.hpp)
//   finance, balances, risks    variances, variance %, reprints, roll-forwards, scores, bands,
//                               arrows (report/audit_finance.hpp)
//   checks                      the structured checks of the text and between tables
//                               (report/audit_checks.hpp)
// Where the data cannot decide — a figure not printed, a status left blank, another report's
// figure — the finding is undecided, never an error. A figure derived from a wrong one (a YTD
// that copies a wrong month) follows from it. Printed figures stand for their rounding
// intervals under the report's rounding mode (report.csv's `rounding`, else the options'; one
// of them is required).
//
//   bmm::findings f = bmm::audit(report, bmm::report_audit_options{});
//   f.errors();                  // the discrepancies
//   for (const bmm::finding& x : f) x.where.section;   // "table11_financial_position.csv"
#pragma once

#include <utility>
#include <vector>

#include "../audit/finding.hpp"
#include "audit_checks.hpp"
#include "audit_context.hpp"
#include "audit_finance.hpp"
#include "audit_performance.hpp"
#include "audit_summaries.hpp"
#include "report.hpp"

namespace bmm {

/// Audits a report (see the header comment).
/// Returns: the findings in the order of the parts above, agreeing ones counted (and stored when
/// options.keep_agreeing).
/// Throws: report_error at FILE:LINE:COLUMN for data the audit cannot read (an annotation that is
/// not one, a check naming a table, row or column the report does not hold, no rounding mode).
[[nodiscard]] findings audit(const report& r, const report_audit_options& options);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
/// A YTD copied from its period's figure (rule latest) follows from that figure when it is wrong:
/// beside its agreeing finding, one that says so.
inline void copied_follow(std::vector<finding>& all) {
    std::vector<finding> more;
    for (const finding& f : all) {
        if (f.verdict != verdict::agrees || f.rule.rfind("YTD of a stock", 0) != 0) continue;
        for (const cell_ref& from : f.follows_from) {
            for (const finding& g : all) {
                if (g.verdict != verdict::error || g.where.section != from.section ||
                    g.where.row != from.row || g.where.column != from.column) {
                    continue;
                }
                finding x = f;
                x.rule = "YTD (latest) = the period figure";
                x.verdict = verdict::follows;
                x.expected = g.expected;
                x.explanation = "it repeats " + from.column + ", which is wrong (" + g.rule + ")";
                x.follows_from = {from};
                more.push_back(std::move(x));
                break;
            }
        }
    }
    for (finding& x : more) all.push_back(std::move(x));
}
}  // namespace detail

inline findings audit(const report& r, const report_audit_options& options) {
    detail::audit_context cx(r, options);
    detail::performance_audit perf(cx);
    perf.run();
    detail::summary_audit sums(cx, perf.knowledge());
    sums.run();
    detail::finance_audit fin(cx);
    fin.run();
    detail::check_audit checks(cx, sums);
    checks.run();
    detail::copied_follow(cx.all());
    findings out;
    out.tally(verdict::agrees, cx.agreeing_tallied());
    for (finding& f : cx.all()) {
        if (f.verdict == verdict::agrees && !options.keep_agreeing) {
            out.tally(verdict::agrees);
        } else {
            out.add(std::move(f));
        }
    }
    return out;
}

}  // namespace bmm
