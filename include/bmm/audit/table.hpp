// bmm — audit/table: check a *published* budget table against itself, cell by cell.
//
// Each printed figure stands for an interval: "12.4" printed half up at 1 dp is anything in
// [12.35, 12.45); printed by floor it is [12.4, 12.5) (bmm/audit/interval.hpp has every mode).
// The auditor recomputes every derived cell from the printed inputs, by these rules:
//
//   rule           cell                       = what the printed inputs give
//   sum            a total's budget, forecast   the sum of its members (rows as budget_table sums
//                  and previous variance        them); a total's variance printed without a
//                                               forecast, its change printed without a previous
//                                               variance: the sum of its members' too
//   variance       variance                     forecast − budget
//   variance_pct   variance %                   variance ÷ |budget| × 100 (or ÷ budget: the
//                                               options' basis), from the printed variance, or
//                                               from forecast − budget when it is blank
//   change         change                       variance − previous variance
//
// Each checked cell gets a verdict (bmm/audit/finding.hpp): agrees; rounding (some true values
// inside the printed inputs' intervals give the printed figure); sign_convention (the % holds
// only under the other basis: seed 003's income lines); error. Everything is exact (ratios of
// the printed decimals, intervals with their open and closed ends), so an exact-but-rounded
// table is never called an error, whatever the rounding mode. A member's figure that a total
// sums but the member does not print is derived from what it does print (forecast = budget +
// variance, ...); a line's budget, forecast and previous variance are inputs. A budget printed
// as zero may truly be zero or tiny: its variance % is undefined or unbounded, so a printed 0.0%
// agrees and any other figure is at most rounding.
//
// How the table was printed (table_audit_options::rounding, the table_rounding that printed it)
// decides what each printed figure stands for and which relations must hold in print:
//
//   printed by          a printed figure p stands for          relations
//   per_cell (mode)     the values `mode` rounds to p           recomputed and rounded by mode
//   largest_remainder   budget, forecast, previous variance:    every total, variance and change
//                       (p − u, p + u); variance: (p − 2u,      hold exactly in print (else
//                       p + 2u); change: (p − 3u, p + 3u)       error)
//   controlled          (p − u, p + u), u the printed unit     every total, variance and change
//                                                               hold exactly in print (else error)
//
// and in every case the variance % is the exact figures' % rounded by `mode`, judged against the
// intervals of the printed budget and variance (so bmm's own rounding of a table, printed with
// variance_percent of its exact figures, never has an error).
//
// Large tables stream: budget_table_audit takes one row at a time and keeps only running sums of
// the rows a later total will sum (not the rows: a few KB whatever the table's shape);
// store_rounding = false counts rounding findings without storing them.
// Reading the rows from CSV is bmm/io/published_table.hpp.
//
//   bmm::table_audit_options options(bmm::rounding_mode::half_up);   // as the table was printed
//   bmm::findings found = bmm::audit_budget_table(rows, options);  // found.errors(), found[0]
//
//   bmm::budget_table_audit audit(options);
//   for (const bmm::published_row& row : rows) audit.add(row);
//   audit.result().ok();
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../decimal.hpp"
#include "../detail/exact_sum.hpp"
#include "../detail/int128.hpp"
#include "../detail/text.hpp"
#include "../error.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "../variance.hpp"
#include "finding.hpp"
#include "interval.hpp"

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
    std::optional<std::size_t> source_line;  ///< where it was read (e.g. its CSV line)

    /// Returns: true when the row prints no figure at all.
    [[nodiscard]] bool is_heading() const noexcept {
        return !budget && !forecast && !variance && !variance_pct && !previous_variance && !change;
    }
    /// Returns: true when every member is equal (figures by value, as decimal compares them).
    friend bool operator==(const published_row& a, const published_row& b) noexcept {
        return a.name == b.name && a.level == b.level && a.budget == b.budget &&
               a.forecast == b.forecast && a.variance == b.variance &&
               a.variance_pct == b.variance_pct && a.previous_variance == b.previous_variance &&
               a.change == b.change && a.source_line == b.source_line;
    }
    friend bool operator!=(const published_row& a, const published_row& b) noexcept {
        return !(a == b);
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
/// CSV contract's column names, and each finding's where.column).
[[nodiscard]] constexpr std::string_view to_string(audit_column c) noexcept {
    constexpr std::string_view names[] = {"budget",       "forecast", "variance",
                                          "variance_pct", "change",   "previous_variance"};
    return names[static_cast<std::size_t>(c)];
}
/// Returns: the column to_string names (ASCII case ignored, space trimmed), or std::nullopt.
[[nodiscard]] constexpr std::optional<audit_column> try_parse_audit_column(
    std::string_view text) noexcept {
    text = detail::trim(text);
    for (std::uint8_t i = 0; i < 6; ++i) {
        if (detail::iequals(text, to_string(static_cast<audit_column>(i)))) {
            return static_cast<audit_column>(i);
        }
    }
    return std::nullopt;
}
/// Returns: the column `text` names. Throws: parse_error naming the text when it names none.
[[nodiscard]] inline audit_column parse_audit_column(std::string_view text) {
    if (auto c = try_parse_audit_column(text)) return *c;
    throw parse_error(text, "a column of a budget table",
                      "expected budget, forecast, variance, variance_pct, change or "
                      "previous_variance");
}

/// How a published table was printed, and what to keep of its audit.
struct table_audit_options {
    /// The options for a table whose every figure was rounded by `printed_with` (its intervals,
    /// and how recomputed cells are rounded to the printed places).
    explicit table_audit_options(rounding_mode printed_with) noexcept : mode(printed_with) {}
    /// The options for a table printed by budget_table::rounded(places, scale, printed_by,
    /// percent_with), its variance % from the exact figures rounded by `percent_with` (see the
    /// header comment).
    table_audit_options(table_rounding printed_by, rounding_mode percent_with) noexcept
        : mode(percent_with), rounding(printed_by) {}

    rounding_mode mode;
    /// How the figures were rounded: each on its own by `mode` (per_cell), to keep totals
    /// (largest_remainder), or with every relation holding in print (controlled).
    table_rounding rounding = table_rounding::per_cell;
    /// The convention a printed variance % is expected to follow; the other one is
    /// sign_convention.
    variance_basis basis = variance_basis::magnitude;
    /// false: rounding findings are counted (findings::count) but not stored, so that a large
    /// table's audit holds only its sign-convention and error findings.
    bool store_rounding = true;
    std::string section;  ///< each finding's where.section (e.g. "Table 11")
    std::string file;     ///< each finding's where.source->file, for rows with a source_line
};

namespace detail {
struct general_only_t {};
struct table_audit_access;
/// The printed figures of a row that a total may sum (budget, forecast, variance, previous
/// variance, change), compactly.
struct row_figures {
    static constexpr int budget = 0, forecast = 1, variance = 2, previous = 3, change = 4;
    std::array<std::int64_t, 5> units{};
    std::array<std::int8_t, 5> places{};
    std::uint8_t present = 0;  ///< bit c: figure c is printed

    [[nodiscard]] bool has(int c) const noexcept { return ((present >> c) & 1u) != 0; }
    [[nodiscard]] decimal get(int c) const noexcept {
        const auto k = static_cast<std::size_t>(c);
        return decimal::from_units(units[k], places[k]);
    }
};
/// The interval a printed figure of `units` stands for, in half units of its last digit: from
/// 2·units + lo to 2·units + hi (see printed_interval::of), per mode, sign and parity.
struct interval_shape {
    std::int8_t lo = -2, hi = 2;
    bool lo_closed = true, hi_closed = true;
};
class interval_shapes {
public:
    explicit interval_shapes(rounding_mode mode) noexcept;
    [[nodiscard]] const interval_shape& of(std::int64_t units) const noexcept {
        const int s = units > 0 ? 2 : (units < 0 ? 0 : 1);
        return shapes_[static_cast<std::size_t>(s)][units % 2 != 0 ? 1u : 0u];
    }

private:
    std::array<std::array<interval_shape, 2>, 3> shapes_{};
};

/// One column of the rows a later total sums, summed rather than kept: while every figure shares
/// its places and lies within ±fast_bound, in integers as fast_sum sums them (the exact sum in
/// units, the interval's ends in half units); from the first figure that does not, as exact
/// fractions (ratio_sum: an overflow of 128 bits is thrown only when a total is taken).
class running_cell {
public:
    /// Makes this the sum of nothing.
    void reset() noexcept {
        integers_ = lo_closed_ = hi_closed_ = true;
        places_ = -1;
        units_ = 0;
        lo_offset_ = hi_offset_ = 0;
    }
    /// Adds the printed figure d (subtracts it when `minus`).
    void add(decimal d, bool minus, const interval_shapes& shapes) noexcept;
    /// Adds the figures summed in o.
    void add(const running_cell& o) noexcept;
    /// Returns: true while the sum is in integers (then places(), units(), lo(), hi() say it).
    [[nodiscard]] bool in_integers() const noexcept { return integers_; }
    [[nodiscard]] int places() const noexcept { return places_; }  ///< -1 before any figure
    [[nodiscard]] i128 units() const noexcept { return units_; }
    [[nodiscard]] i128 lo() const noexcept { return 2 * units_ + lo_offset_; }
    [[nodiscard]] i128 hi() const noexcept { return 2 * units_ + hi_offset_; }
    [[nodiscard]] bool lo_closed() const noexcept { return lo_closed_; }
    [[nodiscard]] bool hi_closed() const noexcept { return hi_closed_; }
    /// Adds the exact sum to `exact` and, when given, the interval's ends to `lo` and `hi`.
    void add_to(ratio_sum& exact, ratio_sum* lo, ratio_sum* hi) const noexcept;

private:
    void to_fractions() noexcept;

    bool integers_ = true;
    int places_ = -1;
    i128 units_ = 0;
    /// The interval's ends are 2·units_ plus these (each figure's shape, -2..2 half units).
    std::int64_t lo_offset_ = 0, hi_offset_ = 0;
    bool lo_closed_ = true, hi_closed_ = true;
    ratio_sum exact_, lo_sum_, hi_sum_;  ///< once not in integers (set by to_fractions)
};

/// The pending rows of a streamed audit that share a level and follow one another: a total of
/// level k sums the runs of level < k on top of the stack. The levels of the pending rows never
/// increase in print order, so there is at most one run per level (at most 100). A run keeps its
/// latest rows' figures (up to `recent_rows`: a total of a few rows sums only the columns it
/// prints, as fast as from the rows) and the running sums of the rows before them.
struct pending_run {
    static constexpr std::size_t recent_rows = 16;
    struct member {
        std::size_t index = 0, source_line = 0;
        std::string name;
    };
    int level = 0;
    std::array<running_cell, 5> cells{};            ///< by row_figures' column: budget ... change
    std::array<row_figures, recent_rows> recent{};  ///< the rows after those summed in cells
    std::size_t recent_count = 0;
    /// The first row of the run that neither prints nor lets be derived the column.
    std::array<std::optional<member>, 5> missing{};

    /// Makes this an empty run of `level`.
    void reset(int l) noexcept {
        level = l;
        recent_count = 0;
        for (running_cell& c : cells) c.reset();
        for (auto& m : missing) m.reset();
    }
};
}  // namespace detail

/// An audit of a published budget table fed one row at a time (see the header comment): the
/// same findings as audit_budget_table of the rows added, in the same order. Memory: the stored
/// findings and, for each level with a total still to come, the running sums of the rows it will
/// sum (a few KB at most: never the rows, whatever the table's shape), in time linear in the rows.
class budget_table_audit {
public:
    /// An audit of a table printed as `options` say.
    explicit budget_table_audit(table_audit_options options);

    /// Audits the next row (rows are numbered from 0 in the order added, headings included).
    /// Returns: the number of the row's cells that do not agree (stored, or counted only).
    /// Throws: as audit_budget_table, for this row; the audit is then as it was before the call.
    std::size_t add(const published_row& row);
    /// Returns: the rows added so far.
    [[nodiscard]] std::size_t rows() const noexcept { return rows_; }
    /// Returns: the findings so far.
    [[nodiscard]] const findings& result() const noexcept { return result_; }
    /// Returns: the stored findings so far, moved out; the counts stay (a caller that writes
    /// findings as they come keeps the audit's memory to one row's).
    [[nodiscard]] std::vector<finding> take_stored() noexcept { return result_.take_stored(); }
    /// Returns: the findings, moved out (the audit then holds none, and counts from zero).
    [[nodiscard]] findings take_result() noexcept {
        findings r = std::move(result_);
        result_ = findings();
        return r;
    }

private:
    friend struct detail::table_audit_access;
    /// Every cell by exact ratios alone (no integer fast path): for bmm's own tests.
    budget_table_audit(table_audit_options options, detail::general_only_t);
    using figures = detail::row_figures;
    [[nodiscard]] std::string where(std::size_t index, std::size_t source_line,
                                    std::string_view name) const;
    [[nodiscard]] std::string where_current() const;
    [[noreturn]] void fail(const std::string& why) const;
    void check_row(const figures& f, std::size_t first);
    void check_percent(const figures& f);
    [[nodiscard]] bool fast_percent(const figures& f, decimal p, decimal b, bool flip);
    [[nodiscard]] std::optional<printed_interval> percent_range(const figures& f, decimal b,
                                                                bool flip);
    [[nodiscard]] const detail::interval_shape& shape_of(std::int64_t units, int column) const;
    [[nodiscard]] printed_interval interval_of(decimal printed, int column) const;
    void add_finding(audit_column c, const char* rule, decimal published, decimal computed,
                     verdict what, std::optional<printed_interval> fits);
    template <class Feed>
    void check(audit_column col, const char* rule, decimal published, const Feed& feed);
    template <class Acc>
    static bool direct_variance(const figures& r, Acc& a, bool minus);
    template <class Acc>
    static bool figure_of(audit_column col, const figures& r, Acc& a);
    void fold(detail::pending_run& run) const noexcept;

    table_audit_options options_;
    detail::interval_shapes shapes_;
    bool fast_ = true;
    findings result_;
    // The current row's counts, added to result_ once the row is audited whole (its stored
    // findings go straight to result_, and are removed again if the row is rejected).
    std::array<std::size_t, 6> row_counts_{};
    std::size_t row_stored_ = 0;
    /// The pending runs, bottom (earliest) first: pending_[0, runs_) (the rest kept for reuse).
    std::vector<detail::pending_run> pending_;
    std::size_t runs_ = 0;
    std::size_t rows_ = 0;
    const published_row* current_ = nullptr;  ///< the row being added
};

namespace detail {
/// For bmm's own tests: an audit that checks every cell by exact ratios alone.
struct table_audit_access {
    [[nodiscard]] static budget_table_audit general_only(table_audit_options options) {
        return budget_table_audit(std::move(options), general_only_t{});
    }
};
}  // namespace detail

/// Audits a published budget table (see the header comment).
/// Returns: every finding, in row order and, within a row, in the CSV contract's column order
/// (budget, forecast, variance, variance_pct, previous_variance, change); with
/// options.store_rounding = false, rounding findings only counted.
/// Throws: invalid_argument naming the first bad row (and its source line) for a negative level,
/// a total with nothing to sum, a row with figures but no budget, a variance % with neither a
/// variance nor a forecast, a change with a previous variance but neither a variance nor a
/// forecast, or a total printing a figure that one of its members neither prints nor lets be
/// derived; overflow_error naming the row when a recomputed value does not fit an exact 64-bit
/// ratio (possible with figures read from a CSV of very large or very long numbers); a
/// recomputed cell is summed exactly on 128 bits, so only a value that does not fit is one,
/// never a running sum on the way to a total that does.
[[nodiscard]] findings audit_budget_table(const std::vector<published_row>& rows,
                                          const table_audit_options& options);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// Figures within ±2^59 units take the integer fast path: no sum or interval end of a few of
/// them, nor their 100-fold, leaves int64 on the way (larger ones take the exact ratio path).
inline constexpr std::int64_t fast_bound = std::int64_t{1} << 59;
/// The variance %'s fast path: budget, variance and forecast within ±2^50 units.
inline constexpr std::int64_t fast_percent_bound = std::int64_t{1} << 50;

inline interval_shapes::interval_shapes(rounding_mode mode) noexcept {
    for (int s = 0; s < 3; ++s) {  // negative, zero, positive
        for (int odd = 0; odd < 2; ++odd) {
            interval_shape& x = shapes_[static_cast<std::size_t>(s)][static_cast<std::size_t>(odd)];
            const bool pos = s == 2, neg = s == 0;
            switch (mode) {  // as printed_interval::of, with c = 2·units, h = 1, u = 2
                case rounding_mode::half_up:
                    x = {-1, 1, pos, neg};
                    break;
                case rounding_mode::half_down:
                    x = {-1, 1, !pos, !neg};
                    break;
                case rounding_mode::half_even:
                    x = {-1, 1, odd == 0, odd == 0};
                    break;
                case rounding_mode::floor:
                    x = {0, 2, true, false};
                    break;
                case rounding_mode::ceiling:
                    x = {-2, 0, false, true};
                    break;
                case rounding_mode::toward_zero:
                    x = pos ? interval_shape{0, 2, true, false}
                            : (neg ? interval_shape{-2, 0, false, true}
                                   : interval_shape{-2, 2, false, false});
                    break;
                case rounding_mode::away_from_zero:
                    x = pos ? interval_shape{-2, 0, false, true}
                            : (neg ? interval_shape{0, 2, true, false}
                                   : interval_shape{0, 0, true, true});
                    break;
                default:
                    x = {-2, 2, true, true};  // not reached for an enumerator: a safe superset
            }
        }
    }
}

/// An end of a set of values n / d (d > 0), open or closed.
struct fraction_end {
    i128 n, d;
    bool closed;
};
[[nodiscard]] inline int compare(const fraction_end& a, const fraction_end& b) noexcept {
    const i128 x = a.n * b.d, y = b.n * a.d;
    return x < y ? -1 : (x > y ? 1 : 0);
}
struct fraction_interval {
    fraction_end lo, hi;
};
/// printed_interval::meets, on fraction ends.
[[nodiscard]] inline bool meets(const fraction_interval& a, const fraction_interval& b) noexcept {
    const int lo = compare(a.lo, b.lo), hi = compare(a.hi, b.hi);
    const fraction_end& l = lo > 0 ? a.lo : b.lo;
    const bool l_closed = lo == 0 ? (a.lo.closed && b.lo.closed) : l.closed;
    const fraction_end& h = hi < 0 ? a.hi : b.hi;
    const bool h_closed = hi == 0 ? (a.hi.closed && b.hi.closed) : h.closed;
    const int c = compare(l, h);
    return c < 0 || (c == 0 && l_closed && h_closed);
}
[[nodiscard]] inline fraction_interval negated(const fraction_interval& a) noexcept {
    return {{-a.hi.n, a.hi.d, a.hi.closed}, {-a.lo.n, a.lo.d, a.lo.closed}};
}

/// A cell as a sum of printed figures (each added or subtracted), in integers: every figure at
/// one number of places, within ±fast_bound; the exact sum in units, the interval's ends in
/// half units. ok() is false when a figure does not fit that (the exact ratio path decides).
class fast_sum {
public:
    explicit fast_sum(const interval_shapes& shapes) noexcept : shapes_(&shapes) {}
    void add(decimal d, bool minus) noexcept {
        const std::int64_t u = d.units();
        if (places_ != d.places()) {
            if (places_ >= 0) ok_ = false;
            places_ = d.places();
        }
        if (u > fast_bound || u < -fast_bound) {
            ok_ = false;
            return;
        }
        const interval_shape& s = shapes_->of(u);
        const std::int64_t c = 2 * u;
        if (!minus) {
            exact_ += u;
            lo_ += c + s.lo;
            hi_ += c + s.hi;
            lo_closed_ = lo_closed_ && s.lo_closed;
            hi_closed_ = hi_closed_ && s.hi_closed;
        } else {
            exact_ -= u;
            lo_ -= c + s.hi;
            hi_ -= c + s.lo;
            lo_closed_ = lo_closed_ && s.hi_closed;
            hi_closed_ = hi_closed_ && s.lo_closed;
        }
    }
    /// Adds the figures summed in c (of rows a total sums).
    void add(const running_cell& c) noexcept {
        if (!c.in_integers()) {
            ok_ = false;
            return;
        }
        if (c.places() < 0) return;
        if (places_ != c.places()) {
            if (places_ >= 0) ok_ = false;
            places_ = c.places();
        }
        exact_ += c.units();
        lo_ += c.lo();
        hi_ += c.hi();
        lo_closed_ = lo_closed_ && c.lo_closed();
        hi_closed_ = hi_closed_ && c.hi_closed();
    }
    [[nodiscard]] bool ok() const noexcept { return ok_ && places_ >= 0; }

    enum class outcome : std::uint8_t { pass, finding, general };
    struct judgement {
        outcome what = outcome::general;
        decimal computed;
        bmm::verdict cls = bmm::verdict::rounding;
        std::optional<printed_interval> fits;  ///< what the inputs allow, when it fits a ratio
    };
    /// Returns: pass when the exact sum rounds (by mode) to `published`; a finding (the computed
    /// figure and its class, as the exact ratio path gives them); general when a value on the way
    /// would not fit a ratio (the exact path then throws what it throws).
    [[nodiscard]] judgement judge(decimal published, rounding_mode mode) const noexcept {
        judgement j;
        if (!ok() || !fits_i64(exact_)) return j;
        const int p = places_, q = published.places();
        i128 r = exact_;
        if (q > p) {
            r = exact_ * pow10_64[q - p];
            if (!fits_i64(r)) return j;
        } else if (q < p) {
            r = div_round<std::int64_t>(static_cast<std::int64_t>(exact_), pow10_64[p - q], mode);
        }
        if (r == published.units()) {
            j.what = outcome::pass;
            return j;
        }
        const std::int64_t pu = published.units();
        if (!fits_i64(lo_) || !fits_i64(hi_) || pu > fast_bound || pu < -fast_bound) return j;
        const interval_shape& s = shapes_->of(pu);
        i128 plo = i128(2) * pu + s.lo, phi = i128(2) * pu + s.hi, clo = lo_, chi = hi_;
        if (q > p) {
            clo *= pow10_64[q - p];
            chi *= pow10_64[q - p];
        } else {
            plo *= pow10_64[p - q];
            phi *= pow10_64[p - q];
        }
        // printed_interval::meets on a common scale.
        const i128 l = plo > clo ? plo : clo, h = phi < chi ? phi : chi;
        const bool l_closed =
            plo == clo ? (s.lo_closed && lo_closed_) : (plo > clo ? s.lo_closed : lo_closed_);
        const bool h_closed =
            phi == chi ? (s.hi_closed && hi_closed_) : (phi < chi ? s.hi_closed : hi_closed_);
        j.what = outcome::finding;
        j.computed = decimal::from_units(static_cast<std::int64_t>(r), q);
        j.cls = l < h || (l == h && l_closed && h_closed) ? bmm::verdict::rounding
                                                          : bmm::verdict::error;
        // The inputs' interval, lo_ and hi_ half units of 10^-p: over 2·10^p (p <= 18 fits).
        const std::int64_t den = 2 * pow10_64[p];
        j.fits =
            printed_interval{ratio(static_cast<std::int64_t>(lo_), den),
                             ratio(static_cast<std::int64_t>(hi_), den), lo_closed_, hi_closed_};
        return j;
    }

private:
    const interval_shapes* shapes_;
    int places_ = -1;
    bool ok_ = true;
    i128 exact_ = 0, lo_ = 0, hi_ = 0;
    bool lo_closed_ = true, hi_closed_ = true;
};

/// The same cell by exact ratios (ratio_sum and interval_sum): the value, and its interval only
/// when `ranged`.
class ratio_cell {
public:
    ratio_cell(rounding_mode mode, bool ranged) noexcept : mode_(mode), ranged_(ranged) {}
    void add(decimal d, bool minus) {
        const ratio r = ratio::from_decimal(d);
        if (minus) {
            exact_.sub(r);
        } else {
            exact_.add(r);
        }
        if (!ranged_) return;
        const printed_interval i = printed_interval::of(d, mode_);
        if (minus) {  // {-x : x in i}, as interval_sum::sub
            lo_.sub(i.hi);
            hi_.sub(i.lo);
            lo_closed_ = lo_closed_ && i.hi_closed;
            hi_closed_ = hi_closed_ && i.lo_closed;
        } else {
            lo_.add(i.lo);
            hi_.add(i.hi);
            lo_closed_ = lo_closed_ && i.lo_closed;
            hi_closed_ = hi_closed_ && i.hi_closed;
        }
    }
    /// Adds the figures summed in c (of rows a total sums).
    void add(const running_cell& c) noexcept {
        c.add_to(exact_, ranged_ ? &lo_ : nullptr, ranged_ ? &hi_ : nullptr);
        lo_closed_ = lo_closed_ && c.lo_closed();
        hi_closed_ = hi_closed_ && c.hi_closed();
    }
    [[nodiscard]] ratio exact() const { return exact_.total(); }
    [[nodiscard]] printed_interval range() const {
        return {lo_.total(), hi_.total(), lo_closed_, hi_closed_};
    }

private:
    rounding_mode mode_;
    bool ranged_;
    ratio_sum exact_, lo_, hi_;
    bool lo_closed_ = true, hi_closed_ = true;
};

inline void running_cell::add(decimal d, bool minus, const interval_shapes& shapes) noexcept {
    const std::int64_t u = d.units();
    const interval_shape& s = shapes.of(u);
    // The figure's interval in half units of its last digit, 2u + lo to 2u + hi, subtracted as
    // {-x : x in it}.
    const int lo = minus ? -s.hi : s.lo, hi = minus ? -s.lo : s.hi;
    lo_closed_ = lo_closed_ && (minus ? s.hi_closed : s.lo_closed);
    hi_closed_ = hi_closed_ && (minus ? s.lo_closed : s.hi_closed);
    const i128 v = minus ? -i128(u) : i128(u);
    if (integers_ && (places_ < 0 || places_ == d.places()) && u <= fast_bound &&
        u >= -fast_bound) {
        places_ = d.places();
        units_ += v;
        lo_offset_ += lo;
        hi_offset_ += hi;
        return;
    }
    to_fractions();
    const i128 den = pow10_128(d.places());
    exact_.add_fraction(v, den);
    lo_sum_.add_fraction(2 * v + lo, 2 * den);
    hi_sum_.add_fraction(2 * v + hi, 2 * den);
}

inline void running_cell::add(const running_cell& o) noexcept {
    lo_closed_ = lo_closed_ && o.lo_closed_;
    hi_closed_ = hi_closed_ && o.hi_closed_;
    if (o.integers_ && o.places_ < 0) return;  // nothing summed
    if (integers_ && o.integers_ && (places_ < 0 || places_ == o.places_)) {
        places_ = o.places_;
        units_ += o.units_;
        lo_offset_ += o.lo_offset_;
        hi_offset_ += o.hi_offset_;
        return;
    }
    to_fractions();
    o.add_to(exact_, &lo_sum_, &hi_sum_);
}

inline void running_cell::add_to(ratio_sum& exact, ratio_sum* lo, ratio_sum* hi) const noexcept {
    if (integers_) {
        if (places_ < 0) return;
        const i128 den = pow10_128(places_);
        exact.add_fraction(units_, den);
        if (lo != nullptr) lo->add_fraction(this->lo(), 2 * den);
        if (hi != nullptr) hi->add_fraction(this->hi(), 2 * den);
        return;
    }
    exact.add(exact_);
    if (lo != nullptr) lo->add(lo_sum_);
    if (hi != nullptr) hi->add(hi_sum_);
}

inline void running_cell::to_fractions() noexcept {
    if (!integers_) return;
    exact_ = lo_sum_ = hi_sum_ = ratio_sum();
    if (places_ >= 0) {
        const i128 den = pow10_128(places_);
        exact_.add_fraction(units_, den);
        lo_sum_.add_fraction(lo(), 2 * den);
        hi_sum_.add_fraction(hi(), 2 * den);
    }
    integers_ = false;
}

}  // namespace detail

// The streamed audit.

inline budget_table_audit::budget_table_audit(table_audit_options options)
    : options_(std::move(options)), shapes_(options_.mode) {}
inline budget_table_audit::budget_table_audit(table_audit_options options, detail::general_only_t)
    : options_(std::move(options)), shapes_(options_.mode), fast_(false) {}

inline std::string budget_table_audit::where(std::size_t index, std::size_t source_line,
                                             std::string_view name) const {
    std::string w = "row " + std::to_string(index + 1);
    if (source_line != 0) {
        w += " (line ";
        w += std::to_string(source_line);
        w += ')';
    }
    w += ", \"";
    w += name;
    w += '"';
    return w;
}
inline std::string budget_table_audit::where_current() const {
    return where(rows_, current_->source_line.value_or(0), current_->name);
}
inline void budget_table_audit::fail(const std::string& why) const {
    std::string message = where_current();
    message += ", ";
    message += why;
    throw invalid_argument(message, current_->name);
}
inline std::size_t budget_table_audit::add(const published_row& r) {
    if (r.is_heading()) {
        ++rows_;
        return 0;
    }
    current_ = &r;
    row_counts_ = {};
    row_stored_ = 0;
    try {
        if (r.level < 0) fail("has a negative level");
        if (!r.budget) fail("prints figures but no budget");
        figures f;
        const std::optional<decimal>* cols[5] = {&r.budget, &r.forecast, &r.variance,
                                                 &r.previous_variance, &r.change};
        for (std::size_t c = 0; c < 5; ++c) {
            if (!*cols[c]) continue;
            f.units[c] = (*cols[c])->units();
            f.places[c] = static_cast<std::int8_t>((*cols[c])->places());
            f.present = static_cast<std::uint8_t>(f.present | (1u << c));
        }
        // A total sums the runs on top of the stack of lower levels (see detail/totals.hpp).
        std::size_t first = runs_;
        if (r.level > 0) {
            while (first > 0 && pending_[first - 1].level < r.level) --first;
            if (first == runs_) fail("is a total with nothing to sum");
        }
        try {
            check_row(f, first);
        } catch (const overflow_error& e) {
            std::string why = e.what();
            if (why.rfind("bmm: ", 0) == 0) why.erase(0, 5);
            std::string message = where_current();
            message += ": ";
            message += why;
            throw overflow_error(message, r.name);
        }
        // The row is now pending in place of its members: summed into the run of its level.
        // Everything that may throw (std::bad_alloc) comes before the first change.
        static constexpr audit_column columns[5] = {
            audit_column::budget, audit_column::forecast, audit_column::variance,
            audit_column::previous_variance, audit_column::change};
        struct probe {
            void add(decimal, bool) noexcept {}
        } none;
        // The run it joins: the one below its members' runs, when that is of its level.
        const detail::pending_run* joins =
            first > 0 && pending_[first - 1].level == r.level ? &pending_[first - 1] : nullptr;
        unsigned lacks = 0;  // bit c: the run gets its first row lacking column c
        for (std::size_t c = 0; c < 5; ++c) {
            if ((joins == nullptr || !joins->missing[c]) && !figure_of(columns[c], f, none)) {
                lacks |= 1u << c;
            }
        }
        // The name copied now (it may throw), once for each column it is the first to lack.
        std::optional<std::array<std::optional<detail::pending_run::member>, 5>> lacking;
        if (lacks != 0) {
            lacking.emplace();
            for (std::size_t c = 0; c < 5; ++c) {
                if ((lacks >> c) & 1u) {
                    (*lacking)[c] =
                        detail::pending_run::member{rows_, r.source_line.value_or(0), r.name};
                }
            }
        }
        if (pending_.size() == runs_) pending_.emplace_back();
        runs_ = first;  // the members' runs, now inside the total
        if (joins == nullptr) pending_[runs_++].reset(r.level);
        detail::pending_run& run = pending_[runs_ - 1];
        for (std::size_t c = 0; c < 5; ++c) {
            if (((lacks >> c) & 1u) != 0) run.missing[c] = std::move((*lacking)[c]);
        }
        if (run.recent_count == run.recent.size()) fold(run);
        run.recent[run.recent_count++] = f;
    } catch (...) {
        for (; row_stored_ > 0; --row_stored_) result_.pop_back();
        current_ = nullptr;
        throw;
    }
    current_ = nullptr;
    ++rows_;
    std::size_t found = row_stored_;
    for (std::size_t v = 0; v < row_counts_.size(); ++v) {
        result_.tally(static_cast<verdict>(v), row_counts_[v]);
        if (static_cast<verdict>(v) != verdict::agrees) found += row_counts_[v];
    }
    return found;
}

inline void budget_table_audit::add_finding(audit_column c, const char* rule, decimal published,
                                            decimal computed, verdict what,
                                            std::optional<printed_interval> fits) {
    if (what == verdict::rounding && !options_.store_rounding) {
        ++row_counts_[static_cast<std::size_t>(what)];
        return;
    }
    finding f;
    f.where.section = options_.section;
    f.where.row = current_->name;
    f.where.column = to_string(c);
    f.where.row_index = rows_;
    if (current_->source_line) {
        f.where.source = source_position{options_.file, *current_->source_line, std::nullopt};
    }
    f.rule = rule;
    f.printed = to_string(published);
    f.fits = fits;
    f.expected = to_string(computed);
    f.verdict = what;
    result_.add(std::move(f));
    ++row_stored_;
}

inline void budget_table_audit::fold(detail::pending_run& run) const noexcept {
    static constexpr audit_column columns[5] = {
        audit_column::budget, audit_column::forecast, audit_column::variance,
        audit_column::previous_variance, audit_column::change};
    for (std::size_t c = 0; c < 5; ++c) {
        struct into {
            detail::running_cell& cell;
            const detail::interval_shapes& shapes;
            void add(decimal d, bool minus) noexcept { cell.add(d, minus, shapes); }
        } acc{run.cells[c], shapes_};
        for (std::size_t k = 0; k < run.recent_count; ++k)
            (void)figure_of(columns[c], run.recent[k], acc);
    }
    run.recent_count = 0;
}

template <class Acc>
bool budget_table_audit::direct_variance(const figures& r, Acc& a, bool minus) {
    if (r.has(figures::variance)) {
        a.add(r.get(figures::variance), minus);
        return true;
    }
    if (r.has(figures::forecast)) {
        a.add(r.get(figures::forecast), minus);
        a.add(r.get(figures::budget), !minus);
        return true;
    }
    return false;
}

template <class Acc>
bool budget_table_audit::figure_of(audit_column col, const figures& r, Acc& a) {
    // A row's figure, printed or derived from its other printed figures (false: neither).
    const bool direct = r.has(figures::variance) || r.has(figures::forecast);
    switch (col) {
        case audit_column::budget:
            a.add(r.get(figures::budget), false);
            return true;
        case audit_column::forecast:
            if (r.has(figures::forecast)) {
                a.add(r.get(figures::forecast), false);
                return true;
            }
            if (!r.has(figures::variance)) return false;
            a.add(r.get(figures::budget), false);
            a.add(r.get(figures::variance), false);
            return true;
        case audit_column::variance:
            if (direct_variance(r, a, false)) return true;
            if (!r.has(figures::change) || !r.has(figures::previous)) return false;
            a.add(r.get(figures::change), false);
            a.add(r.get(figures::previous), false);
            return true;
        case audit_column::previous_variance:
            if (r.has(figures::previous)) {
                a.add(r.get(figures::previous), false);
                return true;
            }
            if (!r.has(figures::change) || !direct) return false;
            direct_variance(r, a, false);
            a.add(r.get(figures::change), true);
            return true;
        case audit_column::change:
            if (r.has(figures::change)) {
                a.add(r.get(figures::change), false);
                return true;
            }
            if (!r.has(figures::previous) || !direct) return false;
            direct_variance(r, a, false);
            a.add(r.get(figures::previous), true);
            return true;
        case audit_column::variance_pct:
            break;
    }
    return false;
}

/// A cell derived by sums and differences of printed figures: `feed(acc)` adds its figures to an
/// accumulator — first the integer fast path, and only when that cannot decide, the exact
/// ratios (once for the value and, when that does not round to the printed figure, again with
/// the printed figures' intervals).
template <class Feed>
void budget_table_audit::check(audit_column col, const char* rule, decimal published,
                               const Feed& feed) {
    if (options_.rounding != table_rounding::per_cell) {
        // Largest remainder and controlled rounding print every relation exactly.
        detail::ratio_cell v(options_.mode, false);
        feed(v);
        const ratio exact = v.exact();
        if (exact == ratio::from_decimal(published)) {
            ++row_counts_[static_cast<std::size_t>(verdict::agrees)];
            return;
        }
        add_finding(col, rule, published, exact.round(published.places(), options_.mode),
                    verdict::error, printed_interval::exactly(exact));
        return;
    }
    if (fast_) {
        detail::fast_sum f(shapes_);
        feed(f);
        auto j = f.judge(published, options_.mode);
        if (j.what == detail::fast_sum::outcome::pass) {
            ++row_counts_[static_cast<std::size_t>(verdict::agrees)];
            return;
        }
        if (j.what == detail::fast_sum::outcome::finding) {
            add_finding(col, rule, published, j.computed, j.cls, j.fits);
            return;
        }
    }
    detail::ratio_cell v(options_.mode, false);
    feed(v);
    const decimal computed = v.exact().round(published.places(), options_.mode);
    if (computed == published) {
        ++row_counts_[static_cast<std::size_t>(verdict::agrees)];
        return;
    }
    detail::ratio_cell w(options_.mode, true);
    feed(w);
    const printed_interval range = w.range();
    const verdict what = printed_interval::of(published, options_.mode).meets(range)
                             ? verdict::rounding
                             : verdict::error;
    add_finding(col, rule, published, computed, what, range);
}

inline void budget_table_audit::check_row(const figures& r, std::size_t first) {
    const bool total = current_->level > 0;
    // A total's cell: the running sums of its members' runs, in print order.
    auto sum_of = [this, first](audit_column col) {
        const std::size_t c = col == audit_column::budget              ? 0
                              : col == audit_column::forecast          ? 1
                              : col == audit_column::variance          ? 2
                              : col == audit_column::previous_variance ? 3
                                                                       : 4;
        for (std::size_t k = first; k < runs_; ++k) {
            if (const auto& m = pending_[k].missing[c]) {
                std::string why = "is a total printing a ";
                why += to_string(col);
                why += " that ";
                why += where(m->index, m->source_line, m->name);
                why += " neither prints nor lets be derived";
                fail(why);
            }
        }
        return [this, first, c, col](auto& acc) {
            for (std::size_t k = first; k < runs_; ++k) {
                const detail::pending_run& run = pending_[k];
                acc.add(run.cells[c]);
                for (std::size_t i = 0; i < run.recent_count; ++i) {
                    (void)figure_of(col, run.recent[i], acc);
                }
            }
        };
    };
    if (total) {
        check(audit_column::budget, "sum", r.get(figures::budget), sum_of(audit_column::budget));
        if (r.has(figures::forecast)) {
            check(audit_column::forecast, "sum", r.get(figures::forecast),
                  sum_of(audit_column::forecast));
        }
    }
    if (r.has(figures::variance)) {
        if (r.has(figures::forecast)) {
            check(audit_column::variance, "variance", r.get(figures::variance), [&r](auto& acc) {
                acc.add(r.get(figures::forecast), false);
                acc.add(r.get(figures::budget), true);
            });
        } else if (total) {
            check(audit_column::variance, "sum", r.get(figures::variance),
                  sum_of(audit_column::variance));
        }
    }
    if (current_->variance_pct) check_percent(r);
    if (r.has(figures::previous) && total) {
        check(audit_column::previous_variance, "sum", r.get(figures::previous),
              sum_of(audit_column::previous_variance));
    }
    if (r.has(figures::change)) {
        if (r.has(figures::previous)) {
            if (!r.has(figures::variance) && !r.has(figures::forecast)) {
                fail("prints a change but neither a variance nor a forecast");
            }
            check(audit_column::change, "change", r.get(figures::change), [&r](auto& acc) {
                direct_variance(r, acc, false);
                acc.add(r.get(figures::previous), true);
            });
        } else if (total) {
            check(audit_column::change, "sum", r.get(figures::change),
                  sum_of(audit_column::change));
        }
    }
}

/// The variance % in integers when budget and variance (or forecast) share their places and
/// are within ±2^50 units: the exact % rounded by one division and, when it differs from the
/// printed figure, the classification of printed_interval's divided_by, scaled and meets on
/// fraction ends — the same answers as the exact ratio path, which cannot overflow there.
/// Returns: true when it decided (a finding, if any, added); false for the exact ratio path.
inline bool budget_table_audit::fast_percent(const figures& r, decimal p, decimal b, bool flip) {
    using detail::i128;
    const bool from_variance = r.has(figures::variance);
    const decimal x = r.get(from_variance ? figures::variance : figures::forecast);
    const std::int64_t bu = b.units(), xu = x.units(), pu = p.units();
    constexpr std::int64_t bound = detail::fast_percent_bound;
    if (x.places() != b.places() || bu > bound || bu < -bound || xu > bound || xu < -bound ||
        pu > detail::fast_bound || pu < -detail::fast_bound) {
        return false;
    }
    const int q = p.places();
    const std::int64_t k = flip ? -100 : 100;
    // The exact % rounded: (v ÷ b) × k at q places, v = x (or x - b from a forecast).
    const std::int64_t v = from_variance ? xu : xu - bu;
    i128 n = i128(v) * k * detail::pow10_64[q];
    i128 d = bu;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    const i128 rounded =
        detail::fits_i64(n)
            ? i128(detail::div_round<std::int64_t>(static_cast<std::int64_t>(n),
                                                   static_cast<std::int64_t>(d), options_.mode))
            : detail::div_round<i128>(n, d, options_.mode);
    if (!detail::fits_i64(rounded)) return false;
    if (rounded == pu) {
        ++row_counts_[static_cast<std::size_t>(verdict::agrees)];
        return true;
    }
    const decimal computed = decimal::from_units(static_cast<std::int64_t>(rounded), q);
    // The set of x ÷ budget the printed figures allow: the corners of their intervals (in half
    // units of the shared last digit, which cancel), each closed when both its ends are, or when
    // x's end is a closed 0.
    const detail::interval_shape& sb = shape_of(bu, figures::budget);
    const detail::interval_shape& sx =
        shape_of(xu, from_variance ? figures::variance : figures::forecast);
    const i128 ylo = i128(2) * bu + sb.lo, yhi = i128(2) * bu + sb.hi;
    if (ylo <= 0 && 0 <= yhi) {  // the budget may be as near zero as we like: unbounded
        add_finding(audit_column::variance_pct, "variance_pct", p, computed, verdict::rounding,
                    std::nullopt);
        return true;
    }
    const i128 xs[2] = {i128(2) * xu + sx.lo, i128(2) * xu + sx.hi};
    const bool xc[2] = {sx.lo_closed, sx.hi_closed};
    const i128 ys[2] = {ylo, yhi};
    const bool yc[2] = {sb.lo_closed, sb.hi_closed};
    detail::fraction_end cs[4];
    for (std::size_t a = 0; a < 2; ++a) {
        for (std::size_t c = 0; c < 2; ++c) {
            // x / y, or x / y - 1 = (x - y) / y from a forecast; the denominator made positive.
            i128 num = from_variance ? xs[a] : xs[a] - ys[c], den = ys[c];
            if (den < 0) {
                num = -num;
                den = -den;
            }
            cs[2 * a + c] = {num, den, xc[a] && (yc[c] || xs[a] == 0)};
        }
    }
    detail::fraction_interval share{cs[0], cs[0]};
    share.lo.closed = share.hi.closed = false;
    for (const auto& c : cs) {
        if (detail::compare(c, share.lo) < 0) share.lo = {c.n, c.d, false};
        if (detail::compare(c, share.hi) > 0) share.hi = {c.n, c.d, false};
    }
    for (const auto& c : cs) {
        if (detail::compare(c, share.lo) == 0) share.lo.closed = share.lo.closed || c.closed;
        if (detail::compare(c, share.hi) == 0) share.hi.closed = share.hi.closed || c.closed;
    }
    // × k: a negative k swaps the ends.
    share.lo.n *= k;
    share.hi.n *= k;
    if (k < 0) {
        const detail::fraction_end t = share.lo;
        share.lo = share.hi;
        share.hi = t;
    }
    const detail::interval_shape& sp = shapes_.of(pu);
    const i128 unit2 = i128(2) * detail::pow10_64[q];
    const detail::fraction_interval printed{{i128(2) * pu + sp.lo, unit2, sp.lo_closed},
                                            {i128(2) * pu + sp.hi, unit2, sp.hi_closed}};
    verdict what = verdict::error;
    if (detail::meets(printed, share)) {
        what = verdict::rounding;
    } else if (bu < 0 && detail::meets(printed, detail::negated(share))) {
        what = verdict::sign_convention;  // holds under the other convention
    }
    if (what == verdict::rounding && !options_.store_rounding) {
        ++row_counts_[static_cast<std::size_t>(what)];
        return true;
    }
    add_finding(audit_column::variance_pct, "variance_pct", p, computed, what,
                percent_range(r, b, flip));
    return true;
}

inline void budget_table_audit::check_percent(const figures& r) {
    const published_row& row = *current_;
    const decimal p = *row.variance_pct;
    const decimal b = r.get(figures::budget);
    if (b == zero) {
        // The true budget may be zero or as small as we like: the % is undefined or
        // unbounded, so any printed figure is possible (a rounding effect unless it is 0).
        if (p != zero) {
            add_finding(audit_column::variance_pct, "variance_pct", p,
                        decimal::from_units(0, p.places()), verdict::rounding, std::nullopt);
        } else {
            ++row_counts_[static_cast<std::size_t>(verdict::agrees)];
        }
        return;
    }
    if (!r.has(figures::variance) && !r.has(figures::forecast)) {
        fail("prints a variance % but neither a variance nor a forecast");
    }
    const bool flip = options_.basis == variance_basis::magnitude && b < zero;
    if (fast_ && fast_percent(r, p, b, flip)) return;
    ratio v0;
    if (r.has(figures::variance)) {
        v0 = ratio::from_decimal(r.get(figures::variance));
    } else {
        v0 = ratio::from_decimal(r.get(figures::forecast)) - ratio::from_decimal(b);
    }
    const ratio k(flip ? -100 : 100);
    const ratio exact = v0 / ratio::from_decimal(b) * k;
    const decimal computed = exact.round(p.places(), options_.mode);
    if (computed == p) {
        ++row_counts_[static_cast<std::size_t>(verdict::agrees)];
        return;
    }
    const std::optional<printed_interval> range = percent_range(r, b, flip);
    verdict what = verdict::rounding;  // unbounded when the budget reaches zero
    if (range) {
        const printed_interval printed_pct = printed_interval::of(p, options_.mode);
        if (printed_pct.meets(*range)) {
            what = verdict::rounding;
        } else if (b < zero && printed_pct.meets(-*range)) {
            what = verdict::sign_convention;  // holds under the other convention
        } else {
            what = verdict::error;
        }
    }
    add_finding(audit_column::variance_pct, "variance_pct", p, computed, what, range);
}

inline std::optional<printed_interval> budget_table_audit::percent_range(const figures& r,
                                                                         decimal b, bool flip) {
    // The set of variance ÷ budget × ±100 the printed figures allow (std::nullopt: unbounded, the
    // budget's interval reaching zero). From a blank variance it is forecast ÷ budget − 1:
    // exact, as the two share the budget's true value.
    const printed_interval budget = interval_of(b, figures::budget);
    std::optional<printed_interval> share;
    if (r.has(figures::variance)) {
        share = interval_of(r.get(figures::variance), figures::variance).divided_by(budget);
    } else if (auto q =
                   interval_of(r.get(figures::forecast), figures::forecast).divided_by(budget)) {
        share = *q - printed_interval::exactly(ratio(1));
    }
    if (!share) return std::nullopt;
    return share->scaled(ratio(flip ? -100 : 100));
}

namespace detail {
/// How many units either side of a printed figure of `column` its true value may be, for a table
/// printed by largest remainder or controlled rounding (open ends; 0 for per cell).
[[nodiscard]] inline int units_either_side(table_rounding how, int column) noexcept {
    if (how == table_rounding::controlled) return 1;
    if (how != table_rounding::largest_remainder) return 0;
    return column == row_figures::variance ? 2 : (column == row_figures::change ? 3 : 1);
}
}  // namespace detail

inline const detail::interval_shape& budget_table_audit::shape_of(std::int64_t units,
                                                                  int column) const {
    // In half units of the last digit, open: ±1, ±2 or ±3 units.
    static constexpr detail::interval_shape within[3] = {
        {-2, 2, false, false}, {-4, 4, false, false}, {-6, 6, false, false}};
    const int k = detail::units_either_side(options_.rounding, column);
    return k == 0 ? shapes_.of(units) : within[k - 1];
}

inline printed_interval budget_table_audit::interval_of(decimal printed, int column) const {
    const int k = detail::units_either_side(options_.rounding, column);
    if (k == 0) return printed_interval::of(printed, options_.mode);
    const ratio p = ratio::from_decimal(printed);
    const ratio u = ratio::from_decimal(decimal::from_units(k, printed.places()));
    return printed_interval{p - u, p + u, false, false};
}

inline findings audit_budget_table(const std::vector<published_row>& rows,
                                   const table_audit_options& options) {
    budget_table_audit audit(options);
    for (const published_row& r : rows) audit.add(r);
    return audit.take_result();
}

}  // namespace bmm
