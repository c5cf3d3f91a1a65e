// Test support for the specs of printed budget tables: seeded random hierarchical tables (lines,
// headings, nested totals, negative budgets, with or without previous variance), the conditions
// of a controlled rounding checked cell by cell, and a brute-force reference (every rounding of
// the lines, for small tables) of whether one exists and how close the closest is.
//
//   std::mt19937_64 gen(7);
//   auto t = bmm_test::random_budget_table(gen, {true, 8});
//   auto why = bmm_test::controlled_violation(t, t.rounded(1, 6, controlled), unit);  // "" if ok
#pragma once

#include <array>
#include <bmm/detail/int128.hpp>
#include <bmm/variance.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace bmm_test {

using budget_table = bmm::budget_table<bmm::currency::gbp>;
using printed_table = std::vector<budget_table::rounded_row>;
using bmm::detail::i128;

struct table_shape {
    bool previous = false;  ///< every line has a previous variance (so every total has one)
    int max_lines = 12;     ///< at most this many lines (a few more rows: totals, headings)
    int max_level = 3;      ///< totals nest up to this level
    std::int64_t unit = 10'000'000;  ///< the print unit in pence (£0.1m), for the grid
};

/// A random table in print order. Figures are random pence or, in some tables, multiples of a
/// quarter, a tenth or a half of the print unit (so that exact multiples, halves and ties are
/// common);
/// a quarter of the lines forecast exactly their budget, a sixth are income (negative).
inline budget_table random_budget_table(std::mt19937_64& gen, const table_shape& shape) {
    std::uniform_int_distribution<int> percent(0, 99);
    // 0 pence, 1 quarter units, 2 tenths of a unit, 3 half units of a few units at most (where
    // tables without a controlled rounding are found).
    const int style = percent(gen) % 4;
    const std::int64_t grid = style == 0   ? 1
                              : style == 1 ? shape.unit / 4
                              : style == 2 ? shape.unit / 10
                                           : shape.unit / 2;
    auto amount = [&](std::int64_t units_max) {
        if (style == 3 && units_max > 2) units_max = 2;
        std::uniform_int_distribution<std::int64_t> d(0, units_max * shape.unit / grid);
        return d(gen) * grid;
    };
    budget_table t;
    int lines = 0;
    auto line = [&] {
        std::int64_t b = amount(300);
        if (percent(gen) < 16) b = -b;
        if (percent(gen) < 5) b = 0;
        const int kind = percent(gen);
        std::int64_t v = kind < 25 ? 0 : amount(kind < 60 ? 2 : 20);
        if (percent(gen) < 50) v = -v;
        std::optional<bmm::gbp> prev;
        if (shape.previous) {
            std::int64_t p = percent(gen) < 20 ? 0 : (percent(gen) < 30 ? v : amount(3));
            if (percent(gen) < 50) p = -p;
            prev = bmm::gbp::from_minor_units(p);
        }
        t.add_line("line " + std::to_string(++lines), bmm::gbp::from_minor_units(b),
                   bmm::gbp::from_minor_units(b + v), prev);
    };
    // A group of `level` >= 1: members (lines, or groups of a lower level), then its total.
    auto group = [&](auto& self, int level) -> void {
        // Mostly up to four members, sometimes up to fourteen (past controlled rounding's small
        // grid of eight).
        const int members = 1 + percent(gen) % (percent(gen) < 15 ? 14 : 4);
        for (int k = 0; k < members && (k == 0 || lines < shape.max_lines); ++k) {
            if (percent(gen) < 10) t.add_heading("heading");
            if (level > 1 && percent(gen) < 45 && lines < shape.max_lines) {
                self(self, level - 1);
            } else {
                line();
            }
        }
        t.add_total("total " + std::to_string(level) + " after line " + std::to_string(lines),
                    level);
    };
    const int top = 1 + percent(gen) % shape.max_level;
    const int groups = 1 + percent(gen) % 2;
    for (int g = 0; g < groups && lines < shape.max_lines; ++g) group(group, top);
    if (percent(gen) < 20) line();  // a line no total sums
    if (percent(gen) < 50) t.add_total("grand total", top + 1);
    return t;
}

/// The exact figures of row i in pence: budget, forecast, variance, previous, change.
inline std::vector<i128> exact_cells(const budget_table& t, std::size_t i) {
    const auto& f = t[i].figures;
    const i128 b = f.budget.in_minor_units(), fc = f.forecast.in_minor_units(), v = fc - b;
    std::vector<i128> out{b, fc, v};
    if (f.previous_variance) {
        const i128 p = f.previous_variance->in_minor_units();
        out.push_back(p);
        out.push_back(v - p);
    }
    return out;
}

inline std::vector<i128> printed_cells(const budget_table::rounded_row& r) {
    std::vector<i128> out{r.budget.units(), r.forecast.units(), r.variance.units()};
    if (r.previous_variance) {
        out.push_back(r.previous_variance->units());
        out.push_back(r.change ? i128(r.change->units()) : i128(0));
    }
    return out;
}

/// Returns: "" when `p` is a zero-restricted controlled rounding of `t` to `unit` pence (every
/// figure its exact value rounded down or up, a multiple printed exactly; every total the sum of
/// its members in every column; variance = forecast − budget and change = variance − previous
/// on every row); otherwise what fails, and where.
inline std::string controlled_violation(const budget_table& t, const printed_table& p,
                                        std::int64_t unit) {
    static const char* const names[5] = {"budget", "forecast", "variance", "previous", "change"};
    if (p.size() != t.size()) return "row count";
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].kind == budget_table::row_kind::heading) continue;
        const auto& row = t[i];
        const std::vector<i128> x = exact_cells(t, i), y = printed_cells(p[i]);
        const std::string where = "row " + std::to_string(i + 1) + " (" + row.figures.name + ") ";
        if (x.size() != y.size() || p[i].change.has_value() != (x.size() == 5)) {
            return where + "previous/change present or not";
        }
        for (std::size_t k = 0; k < x.size(); ++k) {
            const i128 d = y[k] * unit - x[k];
            if (d <= -unit || d >= unit) return where + names[k] + " is not rounded up or down";
        }
        if (y[1] != y[0] + y[2]) return where + "variance != forecast - budget";
        if (y.size() == 5 && y[4] != y[2] - y[3]) return where + "change != variance - previous";
        if (row.kind != budget_table::row_kind::total) continue;
        for (std::size_t k = 0; k < y.size(); ++k) {
            i128 sum = 0;
            for (std::size_t m : row.members) sum += printed_cells(p[m])[k];
            if (sum != y[k]) return where + "total's " + names[k] + " != sum of its members";
        }
    }
    return "";
}

/// Σ |printed − exact| over every printed figure, in pence.
inline i128 distance(const budget_table& t, const printed_table& p, std::int64_t unit) {
    i128 d = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].kind == budget_table::row_kind::heading) continue;
        const std::vector<i128> x = exact_cells(t, i), y = printed_cells(p[i]);
        for (std::size_t k = 0; k < x.size(); ++k) {
            const i128 e = y[k] * unit - x[k];
            d += e < 0 ? -e : e;
        }
    }
    return d;
}

/// floor(x / unit).
inline i128 floor_div(i128 x, std::int64_t unit) {
    i128 q = x / unit;
    if (q * unit > x) --q;
    return q;
}

/// The brute-force reference: every choice of each line's budget, variance and previous
/// rounded down or up (the rest follows), checked against every condition. Returns: the least
/// distance of a controlled rounding, std::nullopt when there is none; or -1 when there are more
/// than `limit` choices to try.
inline std::optional<i128> best_controlled_distance(const budget_table& t, std::int64_t unit,
                                                    long limit = 100'000) {
    using cells = std::array<i128, 5>;  // budget, forecast, variance, previous, change
    const std::size_t n = t.size();
    std::vector<cells> x(n);
    std::vector<std::size_t> width(n, 0), lines;
    for (std::size_t i = 0; i < n; ++i) {
        if (t[i].kind == budget_table::row_kind::heading) continue;
        const std::vector<i128> e = exact_cells(t, i);
        width[i] = e.size();
        for (std::size_t k = 0; k < e.size(); ++k) x[i][k] = e[k];
        if (t[i].kind == budget_table::row_kind::line) lines.push_back(i);
    }
    auto fits = [unit](const cells& y, const cells& e, std::size_t w, i128& d) {
        for (std::size_t k = 0; k < w; ++k) {
            const i128 diff = y[k] * unit - e[k];
            if (diff <= -unit || diff >= unit) return false;
            d += diff < 0 ? -diff : diff;
        }
        return true;
    };
    // Each line's candidate printed cells, with their distance.
    std::vector<std::vector<std::pair<cells, i128>>> options(lines.size());
    long count = 1;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const std::size_t i = lines[l];
        auto choices = [&](i128 v) {
            const i128 q = floor_div(v, unit);
            return q * unit == v ? std::vector<i128>{q} : std::vector<i128>{q, q + 1};
        };
        const bool prev = width[i] == 5;
        for (i128 b : choices(x[i][0])) {
            for (i128 v : choices(x[i][2])) {
                for (i128 pv : prev ? choices(x[i][3]) : std::vector<i128>{0}) {
                    const cells y{b, b + v, v, pv, v - pv};
                    i128 d = 0;
                    if (fits(y, x[i], width[i], d)) options[l].push_back({y, d});
                }
            }
        }
        count *= static_cast<long>(options[l].size());
        if (count > limit) return i128(-1);
    }
    std::optional<i128> best;
    std::vector<std::size_t> pick(lines.size(), 0);
    std::vector<cells> y(n);
    while (true) {
        i128 d = 0;
        for (std::size_t l = 0; l < lines.size(); ++l) {
            y[lines[l]] = options[l][pick[l]].first;
            d += options[l][pick[l]].second;
        }
        bool ok = true;
        for (std::size_t i = 0; i < n && ok; ++i) {
            if (t[i].kind != budget_table::row_kind::total) continue;
            cells s{};
            for (std::size_t m : t[i].members) {
                for (std::size_t k = 0; k < width[i]; ++k) s[k] += y[m][k];
            }
            y[i] = s;
            ok = fits(s, x[i], width[i], d);
        }
        if (ok && (!best || d < *best)) best = d;
        std::size_t l = 0;
        while (l < lines.size() && ++pick[l] == options[l].size()) pick[l++] = 0;
        if (l == lines.size()) break;
    }
    return best;
}

}  // namespace bmm_test
