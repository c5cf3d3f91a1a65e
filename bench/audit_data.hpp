// The published table the audit benchmarks read: N budget lines (default 10^7) under a hierarchy
// of totals, printed to 1 dp in £k with a few real errors planted. Shared by audit_bench.cpp
// (run time) and audit_memory.cpp (peak resident memory).
//
// Shape: every 10 lines are summed by a level-1 total, every 10 level-1 totals by a level-2
// total, and so on up to one grand total (for 10^7 lines: levels 1..7, 1,111,111 totals,
// 11,111,111 rows). Lines are £5k–£5m in pence (a tenth of them income, negative), forecasts
// within ±10% of the budget, previous variances near the current one. Every printed figure is
// the exact figure rounded half up on its own (as reports print), so many totals, variances and
// changes differ from what their printed inputs give by a rounding effect: the auditor must
// classify each of those, and find the planted errors among them.
#pragma once

#include <bmm/audit/table.hpp>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace bmm_audit_data {

__extension__ typedef __int128 i128;

/// One printed row, every figure in tenths (1 dp): £k for money, % for the variance %.
struct printed_row {
    std::int64_t budget, forecast, variance, pct, previous, change;
    int level;  ///< 0 a line, k >= 1 a total
};

struct table {
    std::vector<printed_row> rows;
    std::vector<std::size_t> planted;  ///< rows holding a planted error (or sign-convention cell)
};

constexpr std::int64_t pence_per_tenth = 10'000;  // £0.1k

/// x / pence_per_tenth rounded half away from zero.
inline std::int64_t tenths(i128 x) {
    const i128 q = x / pence_per_tenth, r = x % pence_per_tenth;
    const i128 ar = r < 0 ? -r : r;
    return static_cast<std::int64_t>(q + (2 * ar >= pence_per_tenth ? (x < 0 ? -1 : 1) : 0));
}

/// The variance % of exact pence in tenths of a %, rounded half up, ÷ |budget|.
inline std::int64_t pct_tenths(i128 budget, i128 variance) {
    const i128 n = variance * 1000, d = budget < 0 ? -budget : budget;
    const i128 q = n / d, r = n % d;
    const i128 ar = r < 0 ? -r : r;
    return static_cast<std::int64_t>(q + (2 * ar >= d ? (n < 0 ? -1 : 1) : 0));
}

inline table generate(std::size_t lines) {
    table t;
    std::mt19937_64 rng(20230531);
    std::uniform_int_distribution<std::int64_t> pence(500'000, 500'000'000);
    std::uniform_int_distribution<std::int64_t> drift(-100, 100);  // per mille
    std::uniform_int_distribution<std::int64_t> noise(-20, 20);    // per mille
    int top = 1;
    for (std::size_t span = 10; span < lines; span *= 10) ++top;
    struct exact {
        i128 budget = 0, forecast = 0, previous = 0;
        std::size_t members = 0;
    };
    std::vector<exact> acc(static_cast<std::size_t>(top) + 2);
    std::size_t rows = lines;
    for (std::size_t span = 10; span / 10 < lines; span *= 10) rows += (lines + span - 1) / span;
    t.rows.reserve(rows);
    auto emit = [&](const exact& e, int level) {
        const i128 v = e.forecast - e.budget;
        t.rows.push_back(printed_row{tenths(e.budget), tenths(e.forecast), tenths(v),
                                     e.budget == 0 ? 0 : pct_tenths(e.budget, v),
                                     tenths(e.previous), tenths(v - e.previous), level});
        exact& up = acc[static_cast<std::size_t>(level) + 1];
        up.budget += e.budget;
        up.forecast += e.forecast;
        up.previous += e.previous;
        ++up.members;
    };
    for (std::size_t i = 0; i < lines; ++i) {
        std::int64_t b = pence(rng);
        if (i % 10 == 3) b = -b;                                            // income
        const std::int64_t per_mille = drift(rng), pence_off = drift(rng);  // in this order
        const std::int64_t f = b + b / 1000 * per_mille + pence_off;
        const std::int64_t prev = (f - b) + b / 1000 * noise(rng);
        emit(exact{b, f, prev, 1}, 0);
        std::size_t span = 10;
        for (int k = 1; k <= top && (i + 1) % span == 0; ++k, span *= 10) {
            emit(acc[static_cast<std::size_t>(k)], k);
            acc[static_cast<std::size_t>(k)] = exact{};
        }
    }
    for (int k = 1; k <= top; ++k) {  // close the last partial groups
        if (acc[static_cast<std::size_t>(k)].members == 0) continue;
        emit(acc[static_cast<std::size_t>(k)], k);
        acc[static_cast<std::size_t>(k)] = exact{};
    }
    // Planted: real errors, and two income lines printed under the signed convention.
    const std::size_t n = t.rows.size();
    auto find = [&](std::size_t from, auto pred) {
        for (std::size_t i = from; i < n; ++i) {
            if (pred(t.rows[i])) return i;
        }
        return n;
    };
    auto plant = [&](std::size_t i) {
        if (i < n) t.planted.push_back(i);
        return i < n;
    };
    std::size_t i = find(
        n / 9, [](const printed_row& r) { return r.level == 0 && r.budget > 0 && r.pct >= 20; });
    if (plant(i)) t.rows[i].pct = -t.rows[i].pct;  // the sign of a % lost
    i = find(n / 7, [](const printed_row& r) { return r.level == 1; });
    if (plant(i)) t.rows[i].budget += 100;  // a subtotal's budget £10k out
    i = find(n / 5, [](const printed_row& r) { return r.level == 0; });
    if (plant(i)) t.rows[i].forecast += 90;  // two digits transposed
    i = find(n / 3, [](const printed_row& r) { return r.level == 0; });
    if (plant(i)) t.rows[i].change += 50;
    i = find(n / 2,
             [](const printed_row& r) { return r.level == 0 && r.budget > 0 && r.variance >= 20; });
    if (plant(i)) t.rows[i].variance = -t.rows[i].variance;
    for (std::size_t from : {n / 4, 3 * n / 4}) {
        i = find(from, [](const printed_row& r) {
            return r.level == 0 && r.budget < 0 && (r.pct >= 20 || r.pct <= -20);
        });
        if (plant(i)) t.rows[i].pct = -t.rows[i].pct;  // ÷ budget rather than ÷ |budget|
    }
    return t;
}

inline std::string row_name(const printed_row& r, std::size_t i) {
    return (r.level == 0 ? "Line " : "Total ") + std::to_string(i + 1);  // <= 15 chars: no heap
}

/// The table as bmm holds a published table (capacity == size).
inline std::vector<bmm::published_row> to_published(const table& t) {
    std::vector<bmm::published_row> out;
    out.reserve(t.rows.size());
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const printed_row& r = t.rows[i];
        bmm::published_row p;
        p.name = row_name(r, i);
        p.level = r.level;
        p.budget = bmm::decimal::from_units(r.budget, 1);
        p.forecast = bmm::decimal::from_units(r.forecast, 1);
        p.variance = bmm::decimal::from_units(r.variance, 1);
        p.variance_pct = bmm::decimal::from_units(r.pct, 1);
        p.previous_variance = bmm::decimal::from_units(r.previous, 1);
        p.change = bmm::decimal::from_units(r.change, 1);
        p.source_line = i + 2;
        out.push_back(std::move(p));
    }
    return out;
}

/// The table in the bmm-audit CSV contract.
inline std::string to_csv(const table& t) {
    std::string s = "line,level,budget,forecast,variance,variance_pct,previous_variance,change\n";
    s.reserve(t.rows.size() * 64);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const printed_row& r = t.rows[i];
        s += row_name(r, i);
        s += ',';
        s += std::to_string(r.level);
        for (std::int64_t x : {r.budget, r.forecast, r.variance, r.pct, r.previous, r.change}) {
            s += ',';
            s += bmm::to_string(bmm::decimal::from_units(x, 1));
        }
        s += '\n';
    }
    return s;
}

}  // namespace bmm_audit_data
