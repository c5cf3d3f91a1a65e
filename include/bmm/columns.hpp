// bmm — columns: the columnar functions, each equal to its scalar function on every value, at
// the speed of memory (kernels chosen for this CPU at run time; see bmm/column.hpp).
//
//   header                      functions
//   bmm/variance_columns.hpp    variances, variance_percents (-> percent_column)
//   bmm/rag_columns.hpp         rate_column
//   bmm/sum_columns.hpp         sums_by_group, hierarchy_totals
//
//   bmm::variances(budget, forecast, variance);
//   auto pct = bmm::variance_percents(budget, forecast, 1, bmm::rounding_mode::half_up,
//                                     bmm::variance_basis::magnitude, units, has);
#pragma once

#include "column.hpp"
#include "rag_columns.hpp"
#include "sum_columns.hpp"
#include "variance_columns.hpp"
