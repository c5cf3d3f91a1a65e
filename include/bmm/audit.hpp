// bmm — audit: check a *published* budget table against itself, cell by cell.
//
// Each printed figure stands for an interval: "12.4" printed half up at 1 dp is anything in
// [12.35, 12.45); printed by floor it is [12.4, 12.5) (see bmm/finding.hpp for every mode). The
// auditor recomputes every derived cell from the printed inputs —
//   a total's budget (and forecast)    = the sum of its members (rows as budget_table sums them)
//   variance                           = forecast − budget; for a total printed without a
//                                        forecast (seed 003's directorate tables print only
//                                        budget and variance), the sum of its members' variances
//   variance %                         = variance ÷ |budget| (or ÷ budget, see below), from the
//                                        printed variance, or from forecast − budget when the
//                                        variance is blank
//   a total's previous variance        = the sum of its members' previous variances
//   change                             = variance − previous variance; for a total printed
//                                        without a previous variance, the sum of its members'
//                                        changes
// — and classifies each printed cell that differs from the value recomputed at its precision:
//   finding_class::rounding   some choice of true values inside the printed inputs' intervals
//                             gives the printed figure: a rounding effect, not a mistake
//   finding_class::sign       the % holds only under the other sign convention (÷ budget rather
//                             than ÷ |budget|, or the reverse): seed 003's income lines
//   finding_class::error      no choice of values inside the intervals gives the printed figure
// Everything is exact (ratios of the printed decimals, intervals with their open and closed
// ends), so an exact-but-rounded table is never called an error, whatever the rounding mode. A
// member's figure that a total sums but the member does not print is derived from what it does
// print (forecast = budget + variance, variance = forecast − budget, ...). A line's budget,
// forecast, previous variance, its variance when no forecast is printed, and its change when no
// previous variance is printed are inputs: nothing printed derives them.
// A budget printed as zero may truly be zero or tiny, so its variance % is undefined or
// unbounded: a printed 0.0% passes (the report's "Forecast Year End Position 0.0 0.0 0.0 0.0%")
// and any other figure is at most a rounding finding.
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

    /// Returns: true when the row prints no figure at all. Throws: nothing. Requires: nothing.
    [[nodiscard]] bool is_heading() const noexcept {
        return !budget && !forecast && !variance && !variance_pct && !previous_variance && !change;
    }
};

/// A checked column. (previous_variance comes last so that earlier values keep their numbers.)
enum class audit_column : std::uint8_t {
    budget,
    forecast,
    variance,
    variance_pct,
    change,
    previous_variance
};

/// Returns: "budget", "forecast", "variance", "variance_pct", "change", "previous_variance" (the
/// CSV contract's column names). Throws: nothing. Requires: c is an enumerator.
[[nodiscard]] constexpr std::string_view to_string(audit_column c) noexcept {
    constexpr std::array<std::string_view, 6> names{
        "budget", "forecast", "variance", "variance_pct", "change", "previous_variance"};
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
    std::size_t cells_checked = 0;  ///< derived cells recomputed (with or without a finding)
    /// Returns: how many findings are of class c. Throws: nothing. Requires: nothing.
    [[nodiscard]] std::size_t count(finding_class c) const noexcept {
        return static_cast<std::size_t>(std::count_if(
            findings.begin(), findings.end(), [c](const finding& f) { return f.what == c; }));
    }
    /// Returns: count(finding_class::error). Throws: nothing. Requires: nothing.
    [[nodiscard]] std::size_t errors() const noexcept { return count(finding_class::error); }
};

struct audit_options {
    /// The convention a printed variance % is expected to follow; the other one is "sign".
    variance_basis basis = variance_basis::magnitude;
    /// How every printed figure was rounded (its interval) and how recomputed cells are rounded
    /// to the printed places.
    rounding_mode mode = rounding_mode::half_up;
};

/// Reads a published table in the bmm-audit CSV contract: a header with the columns
/// line,level,budget,forecast,variance,variance_pct and optionally previous_variance,change (any
/// order, any case); figures as printed ("-3.3", "1,762", "(1.2)" for negative; a blank cell is
/// not printed; a trailing % is allowed in variance_pct); level 0 is a line, k >= 1 a total.
/// Returns: the rows in file order, each with its source_line.
/// Throws: parse_error naming the line and column for a missing column, a non-numeric cell (or
/// a figure beyond 18 places or an int64 coefficient), an unknown level, or a row with the wrong
/// number of cells.
/// Requires: nothing (csv comes from bmm::read_csv).
[[nodiscard]] std::vector<published_row> read_published_table(const csv_table& csv);

/// Audits a published budget table (see the header comment).
/// Returns: every finding, in row order and, within a row, in the CSV contract's column order
/// (budget, forecast, variance, variance_pct, previous_variance, change).
/// Throws: invalid_argument naming the row (and its source line) for a negative level, a total
/// with nothing to sum, a row with figures but no budget, a variance % with neither a variance
/// nor a forecast, a change with a previous variance but neither a variance nor a forecast, or a
/// total printing a figure that one of its members neither prints nor lets be derived;
/// overflow_error naming the row when a recomputed value does not fit an exact 64-bit ratio
/// (possible with figures read from a CSV of very large or very long numbers, e.g. by bmm-audit);
/// a total's members are summed exactly on 128 bits, so only a sum that does not fit is one,
/// never a running sum on the way to a total that does.
/// Requires: options.mode is an enumerator.
[[nodiscard]] audit_report audit_budget_table(const std::vector<published_row>& rows,
                                              const audit_options& options = {});

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// A value recomputed from printed figures: exact from the figures as printed, and the set of
/// values their true values allow.
struct derived_value {
    ratio exact;
    printed_interval range;

    friend derived_value operator+(const derived_value& a, const derived_value& b) {
        return {a.exact + b.exact, a.range + b.range};
    }
    friend derived_value operator-(const derived_value& a, const derived_value& b) {
        return {a.exact - b.exact, a.range - b.range};
    }
};

/// An exact running sum of ratios on 128 bits (the numerator over the least common multiple of
/// the denominators, which for printed decimals stays a power of ten, or twice one), so that only
/// a total that does not fit a ratio is an overflow_error — never a partial sum on the way to one
/// that does (budgets 2^63 - 1, 1, -1 total 2^63 - 1).
class ratio_sum {
public:
    void add(ratio r) {
        if (r.numerator() == 0 || overflowed_) return;
        const i128 n = r.numerator(), d = r.denominator();
        if (d == den_) {  // the common case: members printed to the same places
            overflowed_ = add_overflow(num_, n, &num_);
            return;
        }
        // den_ × d / g over both: num_ × (d / g) + n × (den_ / g).
        const i128 g = gcd128(den_, d);
        i128 a = 0, b = 0, den = 0;
        overflowed_ = mul_overflow(num_, d / g, &a) || mul_overflow(n, den_ / g, &b) ||
                      mul_overflow(den_, d / g, &den) || add_overflow(a, b, &num_);
        den_ = den;
    }
    /// Returns: the sum. Throws: overflow_error if it does not fit a ratio.
    [[nodiscard]] ratio total() const {
        if (overflowed_) {
            throw overflow_error("an exact sum does not fit 128 bits, nor its total a ratio");
        }
        return ratio::from128(num_, den_);
    }

private:
    // Checked 128-bit arithmetic within ±(2^127 - 1), portable to Boost's int128_t.
    static i128 max128() { return ((i128(1) << 126) - 1) * 2 + 1; }
    static bool add_overflow(i128 a, i128 b, i128* out) {
        if ((b > 0 && a > max128() - b) || (b < 0 && a < -max128() - b)) return true;
        *out = a + b;
        return false;
    }
    static bool mul_overflow(i128 a, i128 b, i128* out) {
        if (a != 0 && b != 0 && !(fits_i64(a) && fits_i64(b)) && abs128(a) > max128() / abs128(b)) {
            return true;
        }
        *out = a * b;
        return false;
    }

    i128 num_ = 0;
    i128 den_ = 1;
    bool overflowed_ = false;
};

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
            if (!r.budget) fail(i, "prints figures but no budget");
            if (r.level == 0) {
                tracker.line(i);
            } else {
                members[i] = tracker.total(i, r.level);
                if (members[i].empty()) fail(i, "is a total with nothing to sum");
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (rows_[i].is_heading()) continue;
            try {
                check_row(i, members[i]);
            } catch (const overflow_error& e) {
                std::string why = e.what();
                if (why.rfind("bmm: ", 0) == 0) why.erase(0, 5);
                std::string message = where(i);
                message += ": ";
                message += why;
                throw overflow_error(message, rows_[i].name);
            }
        }
        return std::move(report_);
    }

private:
    std::string where(std::size_t i) const {
        const published_row& r = rows_[i];
        std::string w = "row " + std::to_string(i + 1);
        if (r.source_line != 0) {
            w += " (line ";
            w += std::to_string(r.source_line);
            w += ')';
        }
        w += ", \"";
        w += r.name;
        w += '"';
        return w;
    }
    [[noreturn]] void fail(std::size_t i, const std::string& why) const {
        std::string message = where(i);
        message += ", ";
        message += why;
        throw invalid_argument(message, rows_[i].name);
    }

    /// A printed figure: its value, and its interval in the second pass of check().
    derived_value printed(decimal d) const {
        return {ratio::from_decimal(d), ranged_ ? printed_interval::of(d, options_.mode)
                                                : printed_interval::exactly(ratio())};
    }
    // A row's figures, printed or derived from its other printed figures (nullopt: neither).
    std::optional<derived_value> direct_variance(const published_row& r) const {
        if (r.variance) return printed(*r.variance);
        if (r.forecast) return printed(*r.forecast) - printed(*r.budget);
        return std::nullopt;
    }
    std::optional<derived_value> forecast_of(const published_row& r) const {
        if (r.forecast) return printed(*r.forecast);
        if (r.variance) return printed(*r.budget) + printed(*r.variance);
        return std::nullopt;
    }
    std::optional<derived_value> variance_of(const published_row& r) const {
        if (auto v = direct_variance(r)) return v;
        if (r.change && r.previous_variance) {
            return printed(*r.change) + printed(*r.previous_variance);
        }
        return std::nullopt;
    }
    std::optional<derived_value> previous_of(const published_row& r) const {
        if (r.previous_variance) return printed(*r.previous_variance);
        if (r.change) {
            if (auto v = direct_variance(r)) return *v - printed(*r.change);
        }
        return std::nullopt;
    }
    std::optional<derived_value> change_of(const published_row& r) const {
        if (r.change) return printed(*r.change);
        if (r.previous_variance) {
            if (auto v = direct_variance(r)) return *v - printed(*r.previous_variance);
        }
        return std::nullopt;
    }

    void check_row(std::size_t i, const std::vector<std::size_t>& members) {
        const published_row& r = rows_[i];
        const bool total = r.level > 0;
        if (total) {
            check_sum(i, audit_column::budget, *r.budget, members,
                      [this](const published_row& m) { return std::optional(printed(*m.budget)); });
            if (r.forecast) {
                check_sum(i, audit_column::forecast, *r.forecast, members,
                          [this](const published_row& m) { return forecast_of(m); });
            }
        }
        if (r.variance) {
            if (r.forecast) {
                check(i, audit_column::variance, *r.variance,
                      [&] { return printed(*r.forecast) - printed(*r.budget); });
            } else if (total) {
                check_sum(i, audit_column::variance, *r.variance, members,
                          [this](const published_row& m) { return variance_of(m); });
            }
        }
        if (r.variance_pct) check_percent(i);
        if (r.previous_variance && total) {
            check_sum(i, audit_column::previous_variance, *r.previous_variance, members,
                      [this](const published_row& m) { return previous_of(m); });
        }
        if (r.change) {
            if (r.previous_variance) {
                if (!r.variance && !r.forecast) {
                    fail(i, "prints a change but neither a variance nor a forecast");
                }
                check(i, audit_column::change, *r.change,
                      [&] { return *direct_variance(r) - printed(*r.previous_variance); });
            } else if (total) {
                check_sum(i, audit_column::change, *r.change, members,
                          [this](const published_row& m) { return change_of(m); });
            }
        }
    }

    void add(std::size_t i, audit_column c, decimal published, ratio exact, finding_class what) {
        report_.findings.push_back(
            finding{i, c, published, exact.round(published.places(), options_.mode), what});
    }

    /// A cell derived by sums and differences of printed figures: `compute` is run once for the
    /// exact value and, only when that does not round to the printed figure, again with the
    /// printed figures' intervals.
    template <class Compute>
    void check(std::size_t i, audit_column col, decimal published, Compute compute) {
        ++report_.cells_checked;
        const derived_value v = compute();
        if (v.exact.round(published.places(), options_.mode) == published) return;
        ranged_ = true;
        const derived_value w = compute();
        ranged_ = false;
        const finding_class what = printed_interval::of(published, options_.mode).meets(w.range)
                                       ? finding_class::rounding
                                       : finding_class::error;
        add(i, col, published, v.exact, what);
    }

    template <class Get>
    void check_sum(std::size_t i, audit_column col, decimal published,
                   const std::vector<std::size_t>& members, Get get) {
        check(i, col, published, [&] {
            // Each of the exact value and the interval's ends summed exactly (ratio_sum).
            ratio_sum exact, lo, hi;
            bool lo_closed = true, hi_closed = true;
            for (std::size_t m : members) {
                const auto v = get(rows_[m]);
                if (!v) {
                    std::string why = "is a total printing a ";
                    why += to_string(col);
                    why += " that ";
                    why += where(m);
                    why += " neither prints nor lets be derived";
                    fail(i, why);
                }
                exact.add(v->exact);
                lo.add(v->range.lo);
                hi.add(v->range.hi);
                lo_closed = lo_closed && v->range.lo_closed;
                hi_closed = hi_closed && v->range.hi_closed;
            }
            return derived_value{exact.total(),
                                 printed_interval{lo.total(), hi.total(), lo_closed, hi_closed}};
        });
    }

    void check_percent(std::size_t i) {
        const published_row& r = rows_[i];
        const decimal p = *r.variance_pct;
        const decimal b = *r.budget;
        ++report_.cells_checked;
        if (b == zero) {
            // The true budget may be zero or as small as we like: the % is undefined or
            // unbounded, so any printed figure is possible (a rounding effect unless it is 0).
            if (p != zero) add(i, audit_column::variance_pct, p, ratio(), finding_class::rounding);
            return;
        }
        ratio v0;
        if (r.variance) {
            v0 = ratio::from_decimal(*r.variance);
        } else if (r.forecast) {
            v0 = ratio::from_decimal(*r.forecast) - ratio::from_decimal(b);
        } else {
            fail(i, "prints a variance % but neither a variance nor a forecast");
        }
        const bool flip = options_.basis == variance_basis::magnitude && b < zero;
        const ratio k(flip ? -100 : 100);
        const ratio exact = v0 / ratio::from_decimal(b) * k;
        if (exact.round(p.places(), options_.mode) == p) return;
        // The set of variance ÷ budget the printed figures allow. From a blank variance it is
        // forecast ÷ budget − 1: exact, as the two share the budget's true value.
        const printed_interval budget = printed_interval::of(b, options_.mode);
        std::optional<printed_interval> share;
        if (r.variance) {
            share = printed_interval::of(*r.variance, options_.mode).divided_by(budget);
        } else if (auto q = printed_interval::of(*r.forecast, options_.mode).divided_by(budget)) {
            share = *q - printed_interval::exactly(ratio(1));
        }
        finding_class what = finding_class::rounding;  // unbounded when the budget reaches zero
        if (share) {
            const printed_interval range = share->scaled(k);
            const printed_interval printed_pct = printed_interval::of(p, options_.mode);
            if (printed_pct.meets(range)) {
                what = finding_class::rounding;
            } else if (b < zero && printed_pct.meets(-range)) {
                what = finding_class::sign;  // holds under the other convention
            } else {
                what = finding_class::error;
            }
        }
        add(i, audit_column::variance_pct, p, exact, what);
    }

    const std::vector<published_row>& rows_;
    audit_options options_;
    audit_report report_;
    bool ranged_ = false;  ///< printed() gives intervals (the second pass of check())
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
