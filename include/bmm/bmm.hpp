// bmm — the umbrella header: every bmm concept except I/O (bmm/io.hpp, bmm/io/…) and the opt-in
// headers that bring Boost's cpp_int (bmm/exact.hpp, bmm/mtfs.hpp, bmm/mtfs_scenario.hpp). Include
// single headers instead to pay only for what you use:
//
//   bmm/money.hpp     money<Currency> in exact minor units       (no Boost, no date)
//   bmm/ratio.hpp     exact ratios, percentages                  (no Boost, no date)
//   bmm/decimal.hpp   fixed-place decimals as printed
//   bmm/rounding.hpp  the named rounding modes
//   bmm/allocate.hpp  splitting amounts without losing a penny
//   bmm/sum.hpp       exact totals (checked 128-bit on overflow; Boost only as a fallback)
//   bmm/period.hpp    fiscal years, quarters, months, YTD, reporting frequencies (date)
//   bmm/status.hpp    Green / Amber / Red and the data statuses, symbols and words
//   bmm/target.hpp    targets as printed (value, bound, range, quartile), YTD profiles
//   bmm/rag.hpp       rating policies, readings, rate()
//   bmm/effective.hpp values in force from a fiscal month on (date)
//   bmm/measure_id.hpp measure ids ("OCC11.02")
//   bmm/ytd.hpp       YTD rules: sum, latest, ratio of sums, average
//   bmm/measure.hpp   measures, observations, YTD plans (date)
//   bmm/history.hpp   exceptions and status changes between reports (date)
//   bmm/trend.hpp     direction of travel: improving / stable / deteriorating (date)
//   bmm/summary.hpp   counts and percentages that add to 100, per priority, roll-ups
//   bmm/variance.hpp  budget lines and tables: variance, variance %, computed totals, rounding
//   bmm/csv.hpp       a strict CSV reader with line numbers
//   bmm/savings.hpp   savings by status and directorate, the achievement KPI
//   bmm/reserves.hpp  general balances, projections, earmarked reserves, the DSG deficit (date)
//   bmm/resilience.hpp CIPFA Financial Resilience Index reserves measures, years of cover
//   bmm/risk.hpp      5 x 5 risk scores, bands, direction of travel
//   bmm/virement.hpp  virement requests that balance, approval levels (includes format.hpp)
//   bmm/error.hpp     the exception hierarchy
//   bmm/column.hpp    column_view / column_span and the run-time kernel paths of the columnar API:
//   bmm/variance_columns.hpp  variances, variance_percents (percent_column)
//   bmm/rag_columns.hpp       rate_column
//   bmm/sum_columns.hpp       sums_by_group, hierarchy_totals
//   bmm/audit/…       every audit of printed figures, in one findings vocabulary:
//     finding.hpp     verdict, cell_ref, finding, findings        interval.hpp  printed intervals
//     derived.hpp     one derived figure (verdict_of)             sum.hpp, share.hpp
//     table.hpp       a published budget table, cell by cell      status.hpp    a printed status
//     summary.hpp     a printed summary row                       savings.hpp   savings splits, tables
//     risk.hpp        a risk row's band and arrow                 ytd.hpp       a YTD figure by its rule
//     relations.hpp   printed cells and relations, their audit    table_relations.hpp  a table's
//
//   #include <bmm/bmm.hpp>
//   auto total = bmm::sum(std::vector{bmm::gbp::from_millions("22.6"),
//                                     bmm::gbp::from_millions("6.8")});
#pragma once

#include "allocate.hpp"
#include "audit/derived.hpp"
#include "audit/finding.hpp"
#include "audit/interval.hpp"
#include "audit/printed_table.hpp"
#include "audit/relations.hpp"
#include "audit/risk.hpp"
#include "audit/savings.hpp"
#include "audit/share.hpp"
#include "audit/status.hpp"
#include "audit/sum.hpp"
#include "audit/summary.hpp"
#include "audit/table.hpp"
#include "audit/table_declaration.hpp"
#include "audit/table_relations.hpp"
#include "audit/ytd.hpp"
#include "column.hpp"
#include "config.hpp"
#include "csv.hpp"
#include "decimal.hpp"
#include "effective.hpp"
#include "error.hpp"
#include "history.hpp"
#include "measure.hpp"
#include "measure_id.hpp"
#include "money.hpp"
#include "period.hpp"
#include "rag.hpp"
#include "rag_columns.hpp"
#include "ratio.hpp"
#include "reserves.hpp"
#include "resilience.hpp"
#include "risk.hpp"
#include "rounding.hpp"
#include "savings.hpp"
#include "status.hpp"
#include "sum.hpp"
#include "sum_columns.hpp"
#include "summary.hpp"
#include "target.hpp"
#include "trend.hpp"
#include "variance.hpp"
#include "variance_columns.hpp"
#include "version.hpp"
#include "virement.hpp"
#include "ytd.hpp"
#include "zero.hpp"
