// bmm — audit: check a *published* budget table against itself, cell by cell.
//
// Each printed figure stands for an interval: "12.4" at 1 dp is anything in [12.35, 12.45]. The
// auditor recomputes every derived cell from the printed inputs —
//   a total's budget and forecast      = the sum of its members (rows as budget_table sums them)
//   variance                           = forecast − budget
//   variance %                         = variance ÷ |budget| (or ÷ budget, see below)
//   change                             = variance − previous variance
// — and classifies each printed cell that differs from the value recomputed at its precision:
//   finding_class::rounding   some choice of true values inside the printed inputs' intervals
//                             gives the printed figure: a rounding effect, not a mistake
//   finding_class::sign       the % holds only under the other sign convention (÷ budget rather
//                             than ÷ |budget|, or the reverse): seed 003's income lines
//   finding_class::error      no choice of values inside the intervals gives the printed figure
// Everything is exact (ratios of the printed decimals), so an exact-but-rounded table is never
// called an error. A budget printed as zero may truly be zero or tiny, so its variance % is
// undefined or unbounded: a printed 0.0% passes (the report's "Forecast Year End Position 0.0
// 0.0 0.0 0.0%") and any other figure is at most a rounding finding.
//
//   std::vector<bmm::published_row> rows = ...;   // as printed, e.g. read from CSV
//   auto report = bmm::audit_budget_table(rows);  // report.findings, report.errors()
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv.hpp"
#include "decimal.hpp"
#include "detail/int128.hpp"
#include "detail/totals.hpp"
#include "error.hpp"
#include "finding.hpp"
#include "ratio.hpp"
#include "rounding.hpp"
#include "variance.hpp"

namespace bmm {

/// One row of a published table, figures as printed (std::nullopt = blank). A row with no
/// figures is a heading; level 0 is a line, k >= 1 a total (see bmm/variance.hpp).
struct published_row {
    std::string name;
    int level = 0;
    std::optional<decimal> budget;
    std::optional<decimal> forecast;
    std::optional<decimal> variance;
    std::optional<decimal> variance_pct;  ///< the figure without its % sign
    std::optional<decimal> previous_variance;
    std::optional<decimal> change;
    std::size_t source_line = 0;  ///< where it was read (e.g. its CSV line), 0 if not from a file

    [[nodiscard]] bool is_heading() const noexcept {
        return !budget && !forecast && !variance && !variance_pct && !previous_variance && !change;
    }
};

enum class audit_column : std::uint8_t { budget, forecast, variance, variance_pct, change };

/// Returns: "budget", "forecast", "variance", "variance_pct", "change".
[[nodiscard]] constexpr std::string_view to_string(audit_column c) noexcept {
    constexpr std::array<std::string_view, 5> names{"budget", "forecast", "variance",
                                                    "variance_pct", "change"};
    return names[static_cast<std::size_t>(c)];
}
/// A printed cell that differs from the value recomputed from the printed inputs.
struct finding {
    std::size_t row = 0;  ///< index in the audited rows
    audit_column column = audit_column::budget;
    decimal published;
    decimal computed;  ///< from the printed inputs, at the published figure's places
    finding_class what = finding_class::rounding;
};

struct audit_report {
    std::vector<finding> findings;
    std::size_t cells_checked = 0;
    [[nodiscard]] std::size_t count(finding_class c) const noexcept {
        return static_cast<std::size_t>(std::count_if(
            findings.begin(), findings.end(), [c](const finding& f) { return f.what == c; }));
    }
    [[nodiscard]] std::size_t errors() const noexcept { return count(finding_class::error); }
};

struct audit_options {
    /// The convention a printed variance % is expected to follow; the other one is "sign".
    variance_basis basis = variance_basis::magnitude;
    /// How the recomputed % is rounded to the printed places.
    rounding_mode mode = rounding_mode::half_up;
};

/// Reads a published table in the bmm-audit CSV contract: a header with the columns
/// line,level,budget,forecast,variance,variance_pct and optionally previous_variance,change (any
/// order, any case); figures as printed ("-3.3", "1,762", "(1.2)" for negative; a blank cell is
/// not printed; a trailing % is allowed in variance_pct); level 0 is a line, k >= 1 a total.
/// Throws: parse_error naming the line and column for a missing column, a non-numeric cell, an
/// unknown level, or a row with the wrong number of cells.
[[nodiscard]] std::vector<published_row> read_published_table(const csv_table& csv);

/// Audits a published budget table (see the header comment).
/// Returns: every finding, in row then column order.
/// Throws: invalid_argument naming the row for a negative level, a total with nothing to sum,
/// or a line or total missing its budget or forecast.
[[nodiscard]] audit_report audit_budget_table(const std::vector<published_row>& rows,
                                              const audit_options& options = {});

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

class table_auditor {
public:
    table_auditor(const std::vector<published_row>& rows, const audit_options& o)
        : rows_(rows), options_(o) {}

    audit_report run() {
        const std::size_t n = rows_.size();
        std::vector<std::vector<std::size_t>> members(n);
        total_tracker tracker;
        for (std::size_t i = 0; i < n; ++i) {
            const published_row& r = rows_[i];
            if (r.is_heading()) continue;
            if (r.level < 0) fail(i, "has a negative level");
            if (!r.budget || !r.forecast) fail(i, "has no budget or no forecast");
            if (r.level == 0) {
                tracker.line(i);
            } else {
                members[i] = tracker.total(i, r.level);
                if (members[i].empty()) fail(i, "is a total with nothing to sum");
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            const published_row& r = rows_[i];
            if (r.is_heading()) continue;
            if (r.level > 0) {
                check_sum(i, audit_column::budget, *r.budget, members[i],
                          [](const published_row& m) { return *m.budget; });
                check_sum(i, audit_column::forecast, *r.forecast, members[i],
                          [](const published_row& m) { return *m.forecast; });
            }
            if (r.variance) {
                check_linear(i, audit_column::variance, *r.variance,
                             ratio::from_decimal(*r.forecast) - ratio::from_decimal(*r.budget),
                             printed_interval::of(*r.forecast, options_.mode) -
                                 printed_interval::of(*r.budget, options_.mode));
            }
            if (r.variance_pct && r.variance) check_percent(i);
            if (r.change && r.previous_variance && r.variance) {
                check_linear(
                    i, audit_column::change, *r.change,
                    ratio::from_decimal(*r.variance) - ratio::from_decimal(*r.previous_variance),
                    printed_interval::of(*r.variance, options_.mode) -
                        printed_interval::of(*r.previous_variance, options_.mode));
            }
        }
        return std::move(report_);
    }

private:
    [[noreturn]] void fail(std::size_t i, const char* why) const {
        const published_row& r = rows_[i];
        std::string where = "row " + std::to_string(i + 1);
        if (r.source_line != 0) where += " (line " + std::to_string(r.source_line) + ")";
        throw invalid_argument(where + ", \"" + r.name + "\", " + why, r.name);
    }

    void add(std::size_t i, audit_column c, decimal published, ratio exact, finding_class what) {
        report_.findings.push_back(
            finding{i, c, published, exact.round(published.places(), options_.mode), what});
    }

    /// A cell that is a sum or difference of printed figures: its exact value from the printed
    /// inputs, and the interval of values their true values allow.
    void check_linear(std::size_t i, audit_column col, decimal published, ratio c,
                      const printed_interval& range) {
        ++report_.cells_checked;
        if (const auto what = audit_derived(published, c, range, options_.mode)) {
            add(i, col, published, c, *what);
        }
    }

    template <class Get>
    void check_sum(std::size_t i, audit_column col, decimal published,
                   const std::vector<std::size_t>& members, Get get) {
        ratio sum;
        printed_interval range = printed_interval::exactly(ratio());
        for (std::size_t m : members) {
            const decimal v = get(rows_[m]);
            sum += ratio::from_decimal(v);
            range = range + printed_interval::of(v, options_.mode);
        }
        check_linear(i, col, published, sum, range);
    }

    /// The range of 100 · v / b over v in [v0 ± hv], b in [b0 ± hb] (b's interval excludes 0).
    static std::pair<ratio, ratio> percent_range(ratio v0, ratio hv, ratio b0, ratio hb) {
        const ratio hundred(100);
        std::array<ratio, 4> corners{(v0 - hv) / (b0 - hb), (v0 - hv) / (b0 + hb),
                                     (v0 + hv) / (b0 - hb), (v0 + hv) / (b0 + hb)};
        ratio lo = corners[0], hi = corners[0];
        for (const ratio& c : corners) {
            lo = std::min(lo, c);
            hi = std::max(hi, c);
        }
        return {lo * hundred, hi * hundred};
    }

    void check_percent(std::size_t i) {
        const published_row& r = rows_[i];
        const decimal p = *r.variance_pct;
        ++report_.cells_checked;
        const ratio b0 = ratio::from_decimal(*r.budget), hb = half_unit(*r.budget);
        const ratio v0 = ratio::from_decimal(*r.variance), hv = half_unit(*r.variance);
        if (abs_ratio(b0) <= hb) {
            // The true budget may be zero or as small as we like: the % is undefined or
            // unbounded, so any printed figure is possible (a rounding effect unless it is 0).
            if (p != zero) add(i, audit_column::variance_pct, p, ratio(), finding_class::rounding);
            return;
        }
        const bool flip = options_.basis == variance_basis::magnitude && b0 < zero;
        const ratio exact = (v0 / b0) * ratio(flip ? -100 : 100);
        if (exact.round(p.places(), options_.mode) == p) return;
        auto [lo, hi] = percent_range(v0, hv, b0, hb);
        if (flip) {
            const ratio t = lo;
            lo = -hi;
            hi = -t;
        }
        const ratio pp = ratio::from_decimal(p), hp = half_unit(p);
        const auto overlaps = [&](ratio a, ratio b) { return !(pp + hp < a || pp - hp > b); };
        finding_class what = finding_class::error;
        if (overlaps(lo, hi)) {
            what = finding_class::rounding;
        } else if (b0 < zero && overlaps(-hi, -lo)) {
            what = finding_class::sign;  // holds under the other convention
        }
        add(i, audit_column::variance_pct, p, exact, what);
    }

    const std::vector<published_row>& rows_;
    audit_options options_;
    audit_report report_;
};

}  // namespace detail

inline std::vector<published_row> read_published_table(const csv_table& csv) {
    static constexpr std::array<std::string_view, 8> names{
        "line",  "level", "budget", "forecast", "variance", "variance_pct", "previous_variance",
        "change"};
    std::array<std::optional<std::size_t>, 8> at{};
    for (std::size_t k = 0; k < names.size(); ++k) {
        at[k] = csv.column(names[k]);
        if (k < 6 && !at[k]) {
            throw parse_error(names[k], "a bmm-audit table",
                              "line " + std::to_string(csv.header_line) +
                                  ": the header has no column \"" + std::string(names[k]) + "\"");
        }
    }
    std::vector<published_row> rows;
    for (const csv_record& rec : csv.records) {
        if (rec.fields.size() != csv.header.size()) {
            throw parse_error(
                rec.fields.empty() ? std::string_view() : rec.fields[0], "a bmm-audit row",
                "line " + std::to_string(rec.line) + ": " + std::to_string(rec.fields.size()) +
                    " cells, the header has " + std::to_string(csv.header.size()));
        }
        published_row r;
        r.source_line = rec.line;
        r.name = std::string(detail::trim(rec.fields[*at[0]]));
        auto figure = [&](std::size_t k) -> std::optional<decimal> {
            if (!at[k]) return std::nullopt;
            std::string_view cell = detail::trim(rec.fields[*at[k]]);
            if (cell.empty()) return std::nullopt;
            bool bracket = false;
            if (cell.size() >= 2 && cell.front() == '(' && cell.back() == ')') {
                bracket = true;
                cell = detail::trim(cell.substr(1, cell.size() - 2));
            }
            if (k == 5 && !cell.empty() && cell.back() == '%') {
                cell = detail::trim(cell.substr(0, cell.size() - 1));
            }
            const auto d = decimal::try_parse(cell);
            if (!d || (bracket && *d < zero)) {
                throw parse_error(
                    rec.fields[*at[k]], "a figure",
                    "line " + std::to_string(rec.line) + ", column " + std::string(names[k]));
            }
            return bracket ? -*d : *d;
        };
        const std::string_view level = detail::trim(rec.fields[*at[1]]);
        int lv = 0;
        bool level_ok = !level.empty() && level.size() <= 2;
        for (char c : level) {
            if (!detail::is_digit(c)) level_ok = false;
        }
        if (level_ok) {
            for (char c : level) lv = lv * 10 + (c - '0');
        }
        r.budget = figure(2);
        r.forecast = figure(3);
        r.variance = figure(4);
        r.variance_pct = figure(5);
        r.previous_variance = figure(6);
        r.change = figure(7);
        if (!level_ok && !(level.empty() && r.is_heading())) {
            throw parse_error(rec.fields[*at[1]], "a level",
                              "line " + std::to_string(rec.line) +
                                  ": a level is 0 (a line) or a total's level 1..99");
        }
        r.level = level_ok ? lv : 0;
        rows.push_back(std::move(r));
    }
    return rows;
}

inline audit_report audit_budget_table(const std::vector<published_row>& rows,
                                       const audit_options& options) {
    return detail::table_auditor(rows, options).run();
}

}  // namespace bmm
