// bmm — variance: budget lines and tables — forecast against budget, variance and variance %,
// totals computed from their lines, and rounding to £m that keeps totals consistent.
//
//   variance      = forecast − budget                   (positive = overspend)
//   variance %    = variance ÷ |budget|                  variance_basis::magnitude (default): the
//                                                        sign always means over (+) / under (−)
//                 = variance ÷ budget                    variance_basis::signed_budget: as seed 003
//                                                        prints income lines ("Interest on
//                                                        Balances −16.7 −17.2 −0.5 3.0%")
//   a zero budget has no variance % (std::nullopt), e.g. "Forecast Year End Position".
//   change        = variance − previous variance        (when the previous report's is known)
//
// A budget_table holds rows in print order: lines (level 0), headings (no figures) and totals
// (level k >= 1). A total of level k sums the rows after the previous row of level >= k that are
// not already inside a lower total — so lines -> subtotal (1) -> total (2) -> grand total (3), as
// in seed 003's Table 11: six directorate lines -> "Directorate Total"; ten central lines ->
// "Total Budgets Held Centrally"; both totals -> "Net Operating Budget" (2); that and the funding
// line -> "Forecast Year End Position" (3).
//
// Rounding to £m at 1 dp (or any places): table_rounding::per_cell rounds every cell on its own
// (by the mode given, half up by default as reports print, so printed lines may not add to
// printed totals), and
// table_rounding::largest_remainder rounds totals first and then their members so that every
// printed total equals the sum of its printed members (budget, forecast, previous variance; the
// variance and change are then differences of printed figures, up to two units off).
// table_rounding::controlled rounds every figure down or up (a multiple of the unit prints
// exactly: a zero variance prints 0.0) so that every total adds up in every column and
// variance = forecast − budget, change = variance − previous on every row, as close to the exact
// figures as that allows (see bmm/detail/controlled_rounding.hpp); with previous variance and
// change some tables have none (no_controlled_rounding). Print the variance % beside it from the
// exact figures: variance_percent(row.figures.budget, row.figures.variance(), 1, mode).
//
//   bmm::budget_table<bmm::currency::gbp> t;
//   t.add_line("Children's Services", gbp::from_millions("169.3"), gbp::from_millions("172.4"));
//   t.add_total("Directorate Total", 1);
//   t.variance_ratio(0)->percent(1, bmm::rounding_mode::half_up);   // 1.8
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config.hpp"
#include "decimal.hpp"
#include "detail/controlled_rounding.hpp"
#include "detail/exact_sum.hpp"
#include "detail/int128.hpp"
#include "detail/largest_remainder.hpp"
#include "detail/totals.hpp"
#include "error.hpp"
#include "money.hpp"
#include "ratio.hpp"
#include "rounding.hpp"

namespace bmm {

/// What a variance % is divided by (see the header comment).
enum class variance_basis : std::uint8_t { magnitude, signed_budget };

/// Returns: variance ÷ |budget| (magnitude) or ÷ budget (signed_budget), exactly; std::nullopt
/// when the budget is zero. Throws: overflow_error if the exact ratio does not fit.
/// Requires: basis is an enumerator.
template <class C>
[[nodiscard]] std::optional<ratio> variance_ratio(
    money<C> budget, money<C> variance, variance_basis basis = variance_basis::magnitude) {
    if (budget.is_zero()) return std::nullopt;
    const ratio r(variance.in_minor_units(), budget.in_minor_units());
    return basis == variance_basis::magnitude && budget.is_negative() ? -r : r;
}

namespace detail {
/// 10^n for n in [0, 18] (every power of ten an int64 holds).
inline constexpr std::int64_t pow10_64[19] = {1,
                                              10,
                                              100,
                                              1'000,
                                              10'000,
                                              100'000,
                                              1'000'000,
                                              10'000'000,
                                              100'000'000,
                                              1'000'000'000,
                                              10'000'000'000,
                                              100'000'000'000,
                                              1'000'000'000'000,
                                              10'000'000'000'000,
                                              100'000'000'000'000,
                                              1'000'000'000'000'000,
                                              10'000'000'000'000'000,
                                              100'000'000'000'000'000,
                                              1'000'000'000'000'000'000};

/// Every case but the common one (half up, no overflow): exact in 128 bits.
inline BMM_NOINLINE decimal variance_percent_wide(std::int64_t b, std::int64_t v, int places,
                                                  rounding_mode mode, bool flip) {
    const i128 d = flip ? -i128(b) : i128(b);
    const i128 q = div_round(i128(v) * pow10_64[places + 2], d, mode);
    if (!fits_i64(q)) throw overflow_error("a variance % does not fit a decimal");
    return decimal::from_units(static_cast<std::int64_t>(q), places);
}
}  // namespace detail

/// Returns: the variance % rounded to `places` (0..15) by `mode`, computed with one exact integer
/// division (no fraction is built: the fast path for large tables); the same value as
/// variance_ratio(budget, variance, basis)->percent(places, mode). std::nullopt for a zero budget.
/// Throws: overflow_error if the % does not fit a decimal; invalid_argument if places is not
/// 0..15. Requires: mode and basis are enumerators.
template <class C>
[[nodiscard]] std::optional<decimal> variance_percent(
    money<C> budget, money<C> variance, int places = 1, rounding_mode mode = rounding_mode::half_up,
    variance_basis basis = variance_basis::magnitude) {
    if (places < 0 || places > 15) detail::out_of_range("variance_percent: places", places, 0, 15);
    const std::int64_t b = budget.in_minor_units(), v = variance.in_minor_units();
    if (b == 0) return std::nullopt;
    const bool flip = basis == variance_basis::magnitude && b < 0;
    const std::int64_t scale = detail::pow10_64[places + 2];
    // |v| < 2^53 keeps v · scale in range for places <= 1 without a division to check it.
    constexpr std::int64_t small = std::int64_t{1} << 53;
    if (BMM_LIKELY(mode == rounding_mode::half_up && places <= 1 && v < small && v > -small &&
                   b != INT64_MIN)) {
        // Branch-free: round half away from zero from the remainder.
        const std::int64_t n = v * scale;
        const std::int64_t d = flip ? -b : b;
        const std::int64_t q = n / d, r = n % d;
        const std::int64_t ar = r < 0 ? -r : r, ad = d < 0 ? -d : d;
        const std::int64_t away = ((n < 0) != (d < 0)) ? -1 : 1;
        return decimal::from_units(q + away * static_cast<std::int64_t>(ar >= ad - ar), places);
    }
    return detail::variance_percent_wide(b, v, places, mode, flip);
}

/// One budget line: what was budgeted and what is forecast.
template <class C>
struct budget_line {
    std::string name;
    money<C> budget;
    money<C> forecast;
    std::optional<money<C>> previous_variance;  ///< the variance in the previous report

    /// Returns: forecast − budget. Throws: overflow_error.
    [[nodiscard]] money<C> variance() const { return forecast - budget; }
    /// Returns: the variance %, as a ratio (see variance_ratio()); std::nullopt for a zero
    /// budget. Throws: overflow_error. Requires: basis is an enumerator.
    [[nodiscard]] std::optional<ratio> variance_ratio(
        variance_basis basis = variance_basis::magnitude) const {
        return bmm::variance_ratio(budget, variance(), basis);
    }
    /// Returns: variance − previous variance, or std::nullopt without a previous one.
    /// Throws: overflow_error.
    [[nodiscard]] std::optional<money<C>> change() const {
        if (!previous_variance) return std::nullopt;
        return variance() - *previous_variance;
    }
};

/// How a table is rounded for print (see the header comment).
enum class table_rounding : std::uint8_t { per_cell, largest_remainder, controlled };

/// A table that has no controlled rounding (possible only with previous variance and change):
/// row() is the first total, in row order, whose rows admit none.
class no_controlled_rounding : public invalid_argument {
public:
    /// Throws: std::bad_alloc.
    no_controlled_rounding(std::size_t row, const std::string& name)
        : invalid_argument("the table has no controlled rounding: the rows summed by \"" + name +
                               "\" (row " + std::to_string(row + 1) +
                               ") cannot all be rounded up or down so that every total and "
                               "difference holds in print",
                           name),
          row_(row) {}
    /// Returns: the index of the total.
    [[nodiscard]] std::size_t row() const noexcept { return row_; }

private:
    std::size_t row_;
};

/// A budget table in print order, with computed totals.
template <class C>
class budget_table {
public:
    enum class row_kind : std::uint8_t { line, heading, total };
    struct row {
        row_kind kind = row_kind::line;
        int level = 0;  ///< 0 for lines and headings, k >= 1 for totals
        budget_line<C> figures;
        std::vector<std::size_t> members;  ///< for totals: the rows it sums, in order
    };

    /// Adds a line. Returns: its row index. Throws: std::bad_alloc.
    std::size_t add_line(std::string name, money<C> budget, money<C> forecast,
                         std::optional<money<C>> previous_variance = std::nullopt) {
        row r;
        r.figures = budget_line<C>{std::move(name), budget, forecast, previous_variance};
        totals_.line(rows_.size());
        rows_.push_back(std::move(r));
        return rows_.size() - 1;
    }
    /// Adds a heading (a row with no figures). Returns: its row index.
    /// Throws: std::bad_alloc.
    std::size_t add_heading(std::string name) {
        row r;
        r.kind = row_kind::heading;
        r.figures.name = std::move(name);
        rows_.push_back(std::move(r));
        return rows_.size() - 1;
    }
    /// Adds a total of level k >= 1 and computes it (see the header comment).
    /// Returns: its row index.
    /// Throws: invalid_argument naming the row for a level < 1 or a total with nothing to sum;
    /// overflow_error naming the row if a total (budget, forecast or previous variance) does not
    /// fit money — summed exactly, so a running sum beyond the range on the way to a total that
    /// fits is no error (the table is unchanged when it throws).
    std::size_t add_total(std::string name, int level) {
        if (level < 1) {
            throw invalid_argument("a total has level 1 or more (row " +
                                       std::to_string(rows_.size() + 1) + ", \"" + name + "\")",
                                   name);
        }
        row t;
        t.kind = row_kind::total;
        t.level = level;
        t.figures.name = std::move(name);
        t.members = totals_.members(level);  // the tracker is unchanged if this total is rejected
        if (t.members.empty()) {
            throw invalid_argument("the total \"" + t.figures.name + "\" (row " +
                                       std::to_string(rows_.size() + 1) + ") has nothing to sum",
                                   t.figures.name);
        }
        // Exact sums on 128 bits: only a total that does not fit is an overflow, never a running
        // sum on the way to one that does (rows top, 1p, -1p total top).
        detail::int_sum budget, forecast, previous;
        bool any_previous = true;
        for (std::size_t idx : t.members) {
            const budget_line<C>& f = rows_[idx].figures;
            budget.add(f.budget.in_minor_units());
            forecast.add(f.forecast.in_minor_units());
            if (f.previous_variance) {
                previous.add(f.previous_variance->in_minor_units());
            } else {
                any_previous = false;
            }
        }
        t.figures.budget = total_of(budget, "budget", t.figures.name);
        t.figures.forecast = total_of(forecast, "forecast", t.figures.name);
        if (any_previous) {
            t.figures.previous_variance = total_of(previous, "previous variance", t.figures.name);
        }
        totals_.total(rows_.size(), level);
        rows_.push_back(std::move(t));
        return rows_.size() - 1;
    }

    /// Returns: the number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
    /// Returns: row i. Throws: std::out_of_range for i >= size() (a programmer's error, not a
    /// data error). Requires: i < size().
    [[nodiscard]] const row& operator[](std::size_t i) const { return rows_.at(i); }
    /// Returns: every row, in print order.
    [[nodiscard]] const std::vector<row>& rows() const noexcept { return rows_; }

    /// Returns: row i's variance % as a ratio; std::nullopt for a heading or a zero budget.
    /// Throws: std::out_of_range for i >= size() (a programmer's error); overflow_error.
    /// Requires: i < size(); basis is an enumerator.
    [[nodiscard]] std::optional<ratio> variance_ratio(
        std::size_t i, variance_basis basis = variance_basis::magnitude) const {
        const row& r = rows_.at(i);
        if (r.kind == row_kind::heading) return std::nullopt;
        return r.figures.variance_ratio(basis);
    }

    /// A table's figures rounded for print: per row, budget, forecast and variance as decimals
    /// in major units ÷ 10^scale (6 for £m) at `places` decimal places.
    struct rounded_row {
        decimal budget, forecast, variance;
        std::optional<decimal> previous_variance, change;  ///< for rows with a previous variance
    };
    /// Returns: every row rounded (headings are zeros). per_cell rounds each cell by `mode` on
    /// its own; largest_remainder makes every total equal the sum of its members' printed
    /// figures (and variance = forecast − budget, change = variance − previous on every printed
    /// row), its outermost totals rounded by `mode`; controlled rounds each figure down or up
    /// with every relation holding in print (`mode` is not used: see the header comment).
    /// Throws: invalid_argument for places outside 0..18, a negative scale, or places and scale
    /// that do not fit the currency's minor unit; no_controlled_rounding (an invalid_argument)
    /// naming the total when a controlled rounding does not exist; overflow_error if a rounded
    /// figure does not fit a decimal, or (controlled) if the table's distances from its exact
    /// figures do not fit 128 bits (print units beyond about 10^30 minor units) or a total with
    /// previous variance and change has too many members for the exact search (several hundred
    /// directly under it: its partial sums would take more than 64 MB).
    /// Requires: how and mode are enumerators.
    [[nodiscard]] std::vector<rounded_row> rounded(
        int places, int scale = 6, table_rounding how = table_rounding::per_cell,
        rounding_mode mode = rounding_mode::half_up) const;
    /// Returns: rounded(places, scale, table_rounding::controlled), or std::nullopt when the
    /// table has no controlled rounding. Throws: as rounded(), but no_controlled_rounding.
    [[nodiscard]] std::optional<std::vector<rounded_row>> find_controlled_rounding(
        int places, int scale) const {
        std::optional<std::size_t> none_at;
        std::vector<rounded_row> out = rounded_with(places, scale, table_rounding::controlled,
                                                    rounding_mode::half_up, none_at);
        if (none_at) return std::nullopt;
        return out;
    }

private:
    std::vector<rounded_row> rounded_with(int places, int scale, table_rounding how,
                                          rounding_mode mode,
                                          std::optional<std::size_t>& none_at) const;
    template <class I>
    std::vector<rounded_row> rounded_as(int places, I unit, table_rounding how,
                                        rounding_mode mode) const;
    template <class I>
    std::vector<rounded_row> controlled_as(int places, I unit,
                                           std::optional<std::size_t>& none_at) const;
    /// The exact sum `v` of a total's column as money, or overflow_error naming the total.
    money<C> total_of(const detail::int_sum& v, const char* column, const std::string& name) const {
        if (!v.fits()) {
            throw overflow_error("the " + std::string(column) + " of the total \"" + name +
                                     "\" (row " + std::to_string(rows_.size() + 1) +
                                     ") is out of the range of " + std::string(C::code) + " money",
                                 name);
        }
        return money<C>::from_minor_units(static_cast<std::int64_t>(v.value()));
    }

    std::vector<row> rows_;
    detail::total_tracker totals_;
};

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// floor(x / unit) and the remainder x - unit · floor(x / unit), in [0, unit). Requires: unit > 0.
template <class I>
constexpr void floor_divide(I x, I unit, I& q, I& rest) noexcept {
    q = x / unit;
    rest = x % unit;
    if (rest < 0) {
        --q;
        rest += unit;
    }
}

/// Scratch space of round_to_sum for a total of many members (grown once, reused).
struct round_to_sum_scratch {
    std::vector<i128> q, rest;
    std::vector<std::size_t> order;  ///< the indices, and the sort's scratch (2n)
};

/// Largest remainder: the exact minor-unit values exact(0..n) rounded to `unit` steps so that
/// they sum to `target` units, moving the fewest values by one unit from their rounded-down
/// position (largest remainders first, ties to the earlier); store(k, units) receives each.
/// Works for negative values and any target. Up to 16 values are sorted on the stack (insertion
/// sort); more by detail::sort_by_remainder (the one stable sort of largest-remainder splits) in
/// `big`.
template <class I, class Exact, class Store>
void round_to_sum(std::size_t n, Exact exact, I unit, i128 target, Store store,
                  round_to_sum_scratch& big) {
    if (n == 0) return;
    constexpr std::size_t small = 16;
    const bool many = n > small;
    i128 small_q[small], small_rest[small];
    std::size_t small_order[small];
    if (many) {
        if (big.q.size() < n) big.q.resize(n);
        if (big.rest.size() < n) big.rest.resize(n);
        if (big.order.size() < 2 * n) big.order.resize(2 * n);
    }
    i128* q = many ? big.q.data() : small_q;
    i128* rest = many ? big.rest.data() : small_rest;
    i128 base = 0;
    for (std::size_t k = 0; k < n; ++k) {
        I qk = 0, rk = 0;
        floor_divide<I>(exact(k), unit, qk, rk);
        q[k] = qk;
        rest[k] = rk;
        base += qk;
    }
    i128 d = target - base;
    // Whole rounds of one unit each (only when the target is far from the members' sum), by an
    // int64 division when d fits one (it is a few units: a 128-bit division costs far more).
    i128 whole = 0;
    if (fits_i64(d) && n <= static_cast<std::size_t>(i64_max)) {
        std::int64_t w = 0, r = 0;
        floor_divide<std::int64_t>(static_cast<std::int64_t>(d), static_cast<std::int64_t>(n), w,
                                   r);
        whole = w;
    } else {
        const i128 nn = static_cast<i128>(n);
        whole = d / nn;
        if (d % nn < 0) --whole;
    }
    d -= whole * static_cast<i128>(n);  // now 0 <= d < n
    const auto give = static_cast<std::size_t>(d);
    if (give > 0) {
        std::size_t* order = many ? big.order.data() : small_order;
        for (std::size_t k = 0; k < n; ++k) order[k] = k;
        if (many) {  // the sort may leave the order in its scratch half
            order = sort_by_remainder(order, big.order.data() + n, rest, n);
        } else {  // stable: an equal remainder stays after the earlier one
            for (std::size_t i = 1; i < n; ++i) {
                const std::size_t x = order[i];
                std::size_t j = i;
                for (; j > 0 && rest[x] > rest[order[j - 1]]; --j) order[j] = order[j - 1];
                order[j] = x;
            }
        }
        for (std::size_t k = 0; k < give; ++k) rest[order[k]] = -1;  // marked: one unit more
    }
    for (std::size_t k = 0; k < n; ++k) store(k, q[k] + whole + (rest[k] < 0 ? 1 : 0));
}

/// x / unit rounded by `mode`, in int64 when both fit (the common case: no 128-bit division).
template <class I>
[[nodiscard]] constexpr i128 divide_rounded(i128 x, I unit, rounding_mode mode) noexcept {
    if constexpr (sizeof(I) == sizeof(std::int64_t)) {
        if (fits_i64(x)) return div_round<std::int64_t>(static_cast<std::int64_t>(x), unit, mode);
    }
    return div_round<i128>(x, i128(unit), mode);
}

}  // namespace detail

template <class C>
std::vector<typename budget_table<C>::rounded_row> budget_table<C>::rounded(
    int places, int scale, table_rounding how, rounding_mode mode) const {
    std::optional<std::size_t> none_at;
    std::vector<rounded_row> out = rounded_with(places, scale, how, mode, none_at);
    if (none_at) throw no_controlled_rounding(*none_at, rows_[*none_at].figures.name);
    return out;
}

template <class C>
std::vector<typename budget_table<C>::rounded_row> budget_table<C>::rounded_with(
    int places, int scale, table_rounding how, rounding_mode mode,
    std::optional<std::size_t>& none_at) const {
    const int minor = C::minor_digits;
    const int shift = scale + minor - places;  // minor units per printed unit = 10^shift
    if (scale < 0 || places < 0 || places > decimal::max_places || shift < 0 || shift > 36) {
        throw invalid_argument("a table is rounded to 0..18 places of a non-negative scale");
    }
    const detail::i128 unit = detail::pow10_128(shift);
    if (how == table_rounding::controlled && !detail::controlled_costs_fit(unit, rows_.size())) {
        throw overflow_error("a controlled rounding's distances do not fit 128 bits");
    }
    // A printed unit of at most 10^18 minor units fits int64, and so does every amount: divide in
    // int64 (a 128-bit division costs several times more).
    if (shift <= 18) {
        const auto unit64 = static_cast<std::int64_t>(unit);
        if (how == table_rounding::controlled) return controlled_as(places, unit64, none_at);
        return rounded_as<std::int64_t>(places, unit64, how, mode);
    }
    if (how == table_rounding::controlled) return controlled_as(places, unit, none_at);
    return rounded_as<detail::i128>(places, unit, how, mode);
}

template <class C>
template <class I>
std::vector<typename budget_table<C>::rounded_row> budget_table<C>::controlled_as(
    int places, I unit, std::optional<std::size_t>& none_at) const {
    struct view {
        const std::vector<row>& rows;
        [[nodiscard]] std::size_t size() const noexcept { return rows.size(); }
        [[nodiscard]] bool heading(std::size_t i) const noexcept {
            return rows[i].kind == row_kind::heading;
        }
        [[nodiscard]] const std::vector<std::size_t>& members(std::size_t i) const noexcept {
            return rows[i].members;
        }
        [[nodiscard]] std::int64_t budget(std::size_t i) const noexcept {
            return rows[i].figures.budget.in_minor_units();
        }
        [[nodiscard]] std::int64_t forecast(std::size_t i) const noexcept {
            return rows[i].figures.forecast.in_minor_units();
        }
        [[nodiscard]] std::optional<std::int64_t> previous(std::size_t i) const noexcept {
            const auto& p = rows[i].figures.previous_variance;
            if (!p) return std::nullopt;
            return p->in_minor_units();
        }
    };
    std::vector<rounded_row> out(rows_.size());
    auto figure = [places](detail::i128 units) {
        if (!detail::fits_i64(units))
            throw overflow_error("a rounded figure does not fit a decimal");
        return decimal::from_units(static_cast<std::int64_t>(units), places);
    };
    auto store = [&](std::size_t i, const detail::controlled_cells& c) {
        rounded_row& r = out[i];
        r.budget = figure(c.budget);
        r.forecast = figure(c.forecast);
        r.variance = figure(c.variance);
        if (c.has_previous) {
            r.previous_variance = figure(c.previous);
            r.change = figure(c.change);
        }
    };
    const detail::controlled_outcome found = detail::controlled_round(view{rows_}, unit, store);
    if (found.what == detail::controlled_outcome::kind::too_large) {
        const row& t = rows_[found.row];
        throw overflow_error("the exact search for a controlled rounding of \"" + t.figures.name +
                                 "\" (row " + std::to_string(found.row + 1) + ": " +
                                 std::to_string(t.members.size()) +
                                 " members with previous variance and change) would keep too "
                                 "many partial sums",
                             t.figures.name);
    }
    if (found.what == detail::controlled_outcome::kind::none) none_at = found.row;
    return out;
}

template <class C>
template <class I>
std::vector<typename budget_table<C>::rounded_row> budget_table<C>::rounded_as(
    int places, I unit, table_rounding how, rounding_mode mode) const {
    const std::size_t n = rows_.size();
    std::vector<rounded_row> out(n);
    auto fail = [] { throw overflow_error("a rounded figure does not fit a decimal"); };
    auto figure = [&](detail::i128 units) {
        if (!detail::fits_i64(units)) fail();
        return decimal::from_units(static_cast<std::int64_t>(units), places);
    };
    // Columns: 0 budget, 1 forecast, 2 previous variance (where there is one), each first
    // rounded on its own.
    auto exact = [this](std::size_t i, int c) -> std::int64_t {
        const budget_line<C>& f = rows_[i].figures;
        return (c == 0 ? f.budget : c == 1 ? f.forecast : *f.previous_variance).in_minor_units();
    };
    auto cell = [&out](std::size_t i, int c) -> decimal& {
        return c == 0 ? out[i].budget : c == 1 ? out[i].forecast : *out[i].previous_variance;
    };
    auto columns = [this](std::size_t i) { return rows_[i].figures.previous_variance ? 3 : 2; };
    for (std::size_t i = 0; i < n; ++i) {
        if (rows_[i].kind == row_kind::heading) continue;
        if (columns(i) == 3) out[i].previous_variance.emplace();
        for (int c = 0; c < columns(i); ++c) {
            cell(i, c) = figure(detail::divide_rounded(exact(i, c), unit, mode));
        }
    }
    if (how == table_rounding::largest_remainder) {
        // Top down: a total's printed value is fixed (by its own rounding, or by its parent),
        // then its members are rounded to sum to it.
        detail::round_to_sum_scratch big;
        for (std::size_t i = n; i-- > 0;) {
            const row& t = rows_[i];
            if (t.kind != row_kind::total) continue;
            const std::vector<std::size_t>& m = t.members;
            for (int c = 0; c < columns(i); ++c) {
                detail::round_to_sum<I>(
                    m.size(), [&](std::size_t k) { return I(exact(m[k], c)); }, unit,
                    cell(i, c).units(),
                    [&](std::size_t k, detail::i128 v) { cell(m[k], c) = figure(v); }, big);
            }
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (rows_[i].kind == row_kind::heading) continue;
        // The variance is forecast − budget of the printed figures (largest remainder), or the
        // exact variance rounded on its own (per cell).
        const detail::i128 v =
            how == table_rounding::largest_remainder
                ? detail::i128(out[i].forecast.units()) - out[i].budget.units()
                : detail::divide_rounded(detail::i128(exact(i, 1)) - exact(i, 0), unit, mode);
        out[i].variance = figure(v);
        if (columns(i) == 3) {
            out[i].change = figure(
                how == table_rounding::largest_remainder
                    ? v - out[i].previous_variance->units()
                    : detail::divide_rounded(detail::i128(exact(i, 1)) - exact(i, 0) - exact(i, 2),
                                             unit, mode));
        }
    }
    return out;
}

}  // namespace bmm
