// bmm benchmarks: auditing a published table of 10 million lines (11.1 million rows), beside a
// same-run baseline.
//
//   audit/raw_int64   baseline: a hand-written exact integer interval check of the same table
//                     (figures as int64 tenths, intervals in twentieths with bmm's open and
//                     closed ends, totals from a stack, 128-bit cross products for the variance
//                     % corners), producing the same findings (row, column, printed, computed,
//                     class) in the same order
//   audit/bmm         bmm::audit_budget_table(rows) on std::vector<bmm::published_row>
//   audit/double      information: the same checks in double (£k, tolerances of half a unit);
//                     counts the cells it classifies differently from the exact audit
//
// The table (bench/audit_data.hpp): lines under a hierarchy of totals (10 per total), printed
// to 1 dp in £k, each figure rounded on its own, with 7 planted cells (5 errors, 2 printed under
// the other sign convention). Before timing, the program checks that bmm and the baseline give
// identical findings and that every planted cell is found. --items=N sets the number of lines.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <bmm/audit/table.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "audit_data.hpp"
#include "bench_main.hpp"

namespace {

using bmm_audit_data::i128;
using bmm_audit_data::printed_row;

struct data_set {
    bmm_audit_data::table printed;
    std::vector<bmm::published_row> rows;
};

const data_set& data() {
    static const data_set d = [] {
        data_set s;
        s.printed = bmm_audit_data::generate(bmm_bench::items);
        s.rows = bmm_audit_data::to_published(s.printed);
        return s;
    }();
    return d;
}

/// A finding as the baseline records it (figures in tenths).
struct raw_finding {
    std::size_t row;
    std::uint8_t column;  ///< as bmm::audit_column
    std::uint8_t what;    ///< rounding, sign convention, error (is_rounding, ...)
    std::int64_t published, computed;
};

// ---- The baseline: exact integers ------------------------------------------------------------

/// The values a printed figure stands for, in twentieths (half tenths), ends open or closed as
/// half-up rounding makes them: x tenths is [2x - 1, 2x + 1], closed below iff x > 0 and above
/// iff x < 0.
struct interval {
    std::int64_t lo, hi;
    bool lc, hc;
};
inline interval of(std::int64_t x) { return {2 * x - 1, 2 * x + 1, x >= 1, x <= -1}; }
inline interval operator-(interval a, interval b) {
    return {a.lo - b.hi, a.hi - b.lo, a.lc && b.hc, a.hc && b.lc};
}
inline bool meets(interval a, interval b) {
    const std::int64_t l = std::max(a.lo, b.lo), h = std::min(a.hi, b.hi);
    const bool l_closed = a.lo == b.lo ? (a.lc && b.lc) : (a.lo > b.lo ? a.lc : b.lc);
    const bool h_closed = a.hi == b.hi ? (a.hc && b.hc) : (a.hi < b.hi ? a.hc : b.hc);
    return l < h || (l == h && l_closed && h_closed);
}

constexpr std::uint8_t col_budget = 0, col_forecast = 1, col_variance = 2, col_pct = 3,
                       col_change = 4, col_previous = 5;
constexpr std::uint8_t is_rounding = 0, is_sign = 1, is_error = 2;
/// The baseline's class of a bmm verdict.
std::uint8_t what_of(bmm::verdict v) {
    return v == bmm::verdict::rounding ? is_rounding
                                       : (v == bmm::verdict::sign_convention ? is_sign : is_error);
}
/// The bench tables are printed half up.
const bmm::table_audit_options half_up(bmm::rounding_mode::half_up);

/// A fraction n / d with d > 0, and whether the set it bounds includes it.
struct bound {
    i128 n, d;
    bool closed;
};
inline bool less(const bound& a, const bound& b) { return a.n * b.d < b.n * a.d; }
inline bool same(const bound& a, const bound& b) { return a.n * b.d == b.n * a.d; }
struct range {
    bound lo, hi;
};
inline bool meets(const range& a, const range& b) {
    const bool a_lo = less(b.lo, a.lo), a_hi = less(a.hi, b.hi);
    const bound l = a_lo ? a.lo : b.lo, h = a_hi ? a.hi : b.hi;
    const bool l_closed =
        same(a.lo, b.lo) ? (a.lo.closed && b.lo.closed) : (a_lo ? a.lo.closed : b.lo.closed);
    const bool h_closed =
        same(a.hi, b.hi) ? (a.hi.closed && b.hi.closed) : (a_hi ? a.hi.closed : b.hi.closed);
    return less(l, h) || (same(l, h) && l_closed && h_closed);
}
inline range negate(const range& r) {
    return {{-r.hi.n, r.hi.d, r.hi.closed}, {-r.lo.n, r.lo.d, r.lo.closed}};
}

/// n / d rounded half away from zero (d != 0).
inline std::int64_t div_half_up(std::int64_t n, std::int64_t d) {
    const std::int64_t q = n / d, r = n % d;
    const std::int64_t ar = r < 0 ? -r : r, ad = d < 0 ? -d : d;
    return q + (2 * ar >= ad ? ((n < 0) != (d < 0) ? -1 : 1) : 0);
}

void check_linear(std::vector<raw_finding>& out, std::size_t i, std::uint8_t col,
                  std::int64_t printed, std::int64_t exact, interval computed) {
    if (printed == exact) return;
    out.push_back({i, col, meets(of(printed), computed) ? is_rounding : is_error, printed, exact});
}

/// A total's printed figure against the sum of its members' (the members' figures in `x`).
struct member_sum {
    std::int64_t sum = 0, count = 0;
    bool all_positive = true, all_negative = true;
    void add(std::int64_t x) {
        sum += x;
        ++count;
        all_positive = all_positive && x >= 1;
        all_negative = all_negative && x <= -1;
    }
    interval computed() const {
        return {2 * sum - count, 2 * sum + count, all_positive, all_negative};
    }
};

void check_percent(std::vector<raw_finding>& out, std::size_t i, const printed_row& r) {
    const std::int64_t b = r.budget, v = r.variance, p = r.pct;
    if (b == 0) {
        if (p != 0) out.push_back({i, col_pct, is_rounding, p, 0});
        return;
    }
    const std::int64_t exact = div_half_up(1000 * v, b < 0 ? -b : b);
    if (exact == p) return;
    // The set of variance ÷ budget: the corners (2v ± 1) / (2b ± 1) with the ends' closures.
    const interval iv = of(v), ib = of(b);
    const std::int64_t xs[2] = {iv.lo, iv.hi}, ys[2] = {ib.lo, ib.hi};
    const bool xc[2] = {iv.lc, iv.hc}, yc[2] = {ib.lc, ib.hc};
    bound c[4];
    for (int k = 0; k < 4; ++k) {
        const i128 n = xs[k / 2], d = ys[k % 2];
        c[k] = d < 0 ? bound{-n, -d, false} : bound{n, d, false};
        c[k].closed = xc[k / 2] && yc[k % 2];  // the x ends are odd: never 0
    }
    range share{c[0], c[0]};
    for (const bound& x : c) {
        if (less(x, share.lo)) share.lo = x;
        if (less(share.hi, x)) share.hi = x;
    }
    share.lo.closed = share.hi.closed = false;
    for (const bound& x : c) {
        if (same(x, share.lo)) share.lo.closed = share.lo.closed || x.closed;
        if (same(x, share.hi)) share.hi.closed = share.hi.closed || x.closed;
    }
    // × 100, or × −100 for ÷ |budget| when the budget is negative.
    share.lo.n *= 100;
    share.hi.n *= 100;
    if (b < 0) share = negate(share);
    // The printed % stands for [(2p − 1) / 20, (2p + 1) / 20] (half up ends).
    const range printed{{2 * p - 1, 20, p >= 1}, {2 * p + 1, 20, p <= -1}};
    std::uint8_t what = is_error;
    if (meets(printed, share)) {
        what = is_rounding;
    } else if (b < 0 && meets(printed, negate(share))) {
        what = is_sign;
    }
    out.push_back({i, col_pct, what, p, exact});
}

std::vector<raw_finding> audit_by_hand(const std::vector<printed_row>& rows) {
    std::vector<raw_finding> out;
    struct pending {
        int level;
        std::int64_t budget, forecast, previous;
    };
    std::vector<pending> stack;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const printed_row& r = rows[i];
        member_sum b, f, pv;
        if (r.level > 0) {
            // The members: the pending rows of a lower level since the last of this level or
            // above (bmm's rule).
            while (!stack.empty() && stack.back().level < r.level) {
                b.add(stack.back().budget);
                f.add(stack.back().forecast);
                pv.add(stack.back().previous);
                stack.pop_back();
            }
            check_linear(out, i, col_budget, r.budget, b.sum, b.computed());
            check_linear(out, i, col_forecast, r.forecast, f.sum, f.computed());
        }
        stack.push_back({r.level, r.budget, r.forecast, r.previous});
        check_linear(out, i, col_variance, r.variance, r.forecast - r.budget,
                     of(r.forecast) - of(r.budget));
        check_percent(out, i, r);
        if (r.level > 0) check_linear(out, i, col_previous, r.previous, pv.sum, pv.computed());
        check_linear(out, i, col_change, r.change, r.variance - r.previous,
                     of(r.variance) - of(r.previous));
    }
    return out;
}

// ---- Information: the same checks in double --------------------------------------------------

std::vector<raw_finding> audit_double(const std::vector<printed_row>& rows) {
    std::vector<raw_finding> out;
    struct pending {
        int level;
        double budget, forecast, previous;
    };
    std::vector<pending> stack;
    const auto round1 = [](double x) { return std::round(x * 10.0) / 10.0; };
    const auto tenths = [](double x) { return static_cast<std::int64_t>(std::llround(x * 10.0)); };
    const auto linear = [&](std::size_t i, std::uint8_t col, double printed, double exact,
                            double half_width) {
        if (round1(exact) == printed) return;
        const bool rounding = std::fabs(printed - exact) < half_width + 0.05;
        out.push_back(
            {i, col, rounding ? is_rounding : is_error, tenths(printed), tenths(round1(exact))});
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const printed_row& r = rows[i];
        const double b = static_cast<double>(r.budget) / 10.0;
        const double f = static_cast<double>(r.forecast) / 10.0;
        const double v = static_cast<double>(r.variance) / 10.0;
        const double p = static_cast<double>(r.pct) / 10.0;
        const double pv = static_cast<double>(r.previous) / 10.0;
        double sb = 0, sf = 0, spv = 0, k = 0;
        if (r.level > 0) {
            while (!stack.empty() && stack.back().level < r.level) {
                sb += stack.back().budget;
                sf += stack.back().forecast;
                spv += stack.back().previous;
                k += 1;
                stack.pop_back();
            }
            linear(i, col_budget, b, sb, 0.05 * k);
            linear(i, col_forecast, f, sf, 0.05 * k);
        }
        stack.push_back({r.level, b, f, pv});
        linear(i, col_variance, v, f - b, 0.1);
        if (r.budget == 0) {
            if (r.pct != 0) out.push_back({i, col_pct, is_rounding, r.pct, 0});
        } else {
            const double exact = v / std::fabs(b) * 100.0;
            if (round1(exact) != p) {
                double lo = 1e300, hi = -1e300;
                for (double dv : {-0.05, 0.05}) {
                    for (double db : {-0.05, 0.05}) {
                        const double c = (v + dv) / std::fabs(b + db) * 100.0;
                        lo = std::min(lo, c);
                        hi = std::max(hi, c);
                    }
                }
                std::uint8_t what = is_error;
                if (p + 0.05 >= lo && p - 0.05 <= hi) {
                    what = is_rounding;
                } else if (b < 0 && p + 0.05 >= -hi && p - 0.05 <= -lo) {
                    what = is_sign;
                }
                out.push_back({i, col_pct, what, r.pct, tenths(round1(exact))});
            }
        }
        if (r.level > 0) linear(i, col_previous, pv, spv, 0.05 * k);
        linear(i, col_change, static_cast<double>(r.change) / 10.0, v - pv, 0.1);
    }
    return out;
}

/// Cells whose finding (or absence of one) differs from the exact audit.
std::int64_t misjudged(const std::vector<raw_finding>& got, const std::vector<raw_finding>& exact) {
    std::int64_t wrong = 0;
    std::size_t a = 0, b = 0;
    // bmm's order within a row: budget, forecast, variance, variance %, previous variance, change.
    static constexpr std::size_t position[6] = {0, 1, 2, 3, 5, 4};
    const auto key = [](const raw_finding& f) { return f.row * 8 + position[f.column]; };
    while (a < got.size() || b < exact.size()) {
        if (b == exact.size() || (a < got.size() && key(got[a]) < key(exact[b]))) {
            ++wrong;
            ++a;
        } else if (a == got.size() || key(exact[b]) < key(got[a])) {
            ++wrong;
            ++b;
        } else {
            wrong += got[a].what != exact[b].what || got[a].computed != exact[b].computed;
            ++a;
            ++b;
        }
    }
    return wrong;
}

void audit_raw_int64(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        auto findings = audit_by_hand(d.printed.rows);
        benchmark::DoNotOptimize(findings.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.rows.size()));
}

void audit_bmm(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        auto report = bmm::audit_budget_table(d.rows, half_up);
        benchmark::DoNotOptimize(report.stored().data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.rows.size()));
}

void audit_bmm_counted(benchmark::State& state) {
    const auto& d = data();
    bmm::table_audit_options counted = half_up;
    counted.store_rounding = false;
    for (auto _ : state) {
        auto report = bmm::audit_budget_table(d.rows, counted);
        benchmark::DoNotOptimize(report.stored().data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.rows.size()));
}

void audit_double_bench(benchmark::State& state) {
    const auto& d = data();
    std::vector<raw_finding> findings;
    for (auto _ : state) {
        findings = audit_double(d.printed.rows);
        benchmark::DoNotOptimize(findings.data());
    }
    state.counters["misjudged_cells"] =
        static_cast<double>(misjudged(findings, audit_by_hand(d.printed.rows)));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.rows.size()));
}

/// bmm and the baseline must give identical findings, and find every planted cell, before
/// anything is timed.
bool baselines_agree() {
    const auto& d = data();
    const auto by_hand = audit_by_hand(d.printed.rows);
    const auto report = bmm::audit_budget_table(d.rows, half_up);
    if (report.size() != by_hand.size()) {
        std::fprintf(stderr, "audit: bmm %zu findings, baseline %zu\n", report.size(),
                     by_hand.size());
    }
    for (std::size_t k = 0; k < by_hand.size() && k < report.size(); ++k) {
        const bmm::finding& f = report[k];
        const raw_finding& g = by_hand[k];
        const bmm::decimal printed = bmm::decimal::parse(f.printed);
        const bmm::decimal expected = bmm::decimal::parse(f.expected);
        if (f.where.row_index != g.row ||
            static_cast<std::uint8_t>(bmm::parse_audit_column(f.where.column)) != g.column ||
            what_of(f.verdict) != g.what || printed.units() != g.published ||
            printed.places() != 1 || expected.units() != g.computed || expected.places() != 1) {
            std::fprintf(stderr,
                         "audit: finding %zu: bmm row %s col %s %s %s/%s, baseline "
                         "row %zu col %d class %d %lld/%lld\n",
                         k, f.where.row.c_str(), f.where.column.c_str(),
                         std::string(bmm::to_string(f.verdict)).c_str(), f.printed.c_str(),
                         f.expected.c_str(), g.row, g.column, g.what,
                         static_cast<long long>(g.published), static_cast<long long>(g.computed));
            return false;
        }
    }
    if (report.size() != by_hand.size()) return false;
    for (std::size_t row : d.printed.planted) {
        const bool found = std::any_of(by_hand.begin(), by_hand.end(), [row](const raw_finding& f) {
            return f.row == row && f.what != is_rounding;
        });
        if (!found) {
            std::fprintf(stderr, "audit: the planted cell in row %zu is not found\n", row);
            return false;
        }
    }
    std::size_t counts[3] = {};
    for (const raw_finding& f : by_hand) ++counts[f.what];
    std::fprintf(stderr,
                 "audit: %zu rows, %zu cells checked, findings: %zu rounding, %zu sign, %zu "
                 "error (%zu planted cells, all found)\n",
                 d.rows.size(), report.cells_checked(), counts[0], counts[1], counts[2],
                 d.printed.planted.size());
    return true;
}

}  // namespace

BENCHMARK(audit_raw_int64)->Name("audit/raw_int64")->Unit(benchmark::kMillisecond);
BENCHMARK(audit_bmm)->Name("audit/bmm")->Unit(benchmark::kMillisecond);
BENCHMARK(audit_bmm_counted)->Name("audit/bmm_counted")->Unit(benchmark::kMillisecond);
BENCHMARK(audit_double_bench)->Name("audit/double")->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) { return bmm_bench::main(argc, argv, baselines_agree); }
