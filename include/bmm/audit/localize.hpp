// bmm — audit/localize: which printed cells are wrong (Fellegi–Holt error localization, exact).
//
// The plain audit (audit/relations.hpp) judges each relation at its derived cell: a wrong
// forecast shows up as errors at the variance beside it and at the totals above it, all at the
// wrong place. localize() asks instead for the smallest set of printed cells whose change lets
// every relation hold with every other cell inside its printed interval, and names those cells.
//
//   step          what it does
//   components    cells joined by relations; only a component whose relations cannot all hold
//                 (as printed) is searched, and the search stays inside it
//   feasibility   exact: the relations are linear equalities over the cells, each cell bounded
//                 by its printed interval (open or closed ends alike, by a symbolic δ); a changed
//                 cell, or one not printed, is free. A percent relation pct = 100 × n ÷ basis(d)
//                 is, with pct inside its interval and d's sign fixed, two linear inequalities in
//                 n and d; where d's interval (or a changed d) reaches both signs, both signs are
//                 tried. Left out: at d = 0 exactly the % is taken to need n = 0.
//                 Solved by an exact rational simplex (Dutertre–de Moura, Bland's rule).
//   search        sets of at most options.max_cells cells, least total weight first (each
//                 printed_cell's weight; 1 each: fewest cells); a set that fails gives the cells
//                 whose bounds conflict, and one of them must change: the search branches on
//                 those only
//   fits          for each cell of the unique minimal set, the values it may take (min and max
//                 of the cell over every way the relations hold, exact, ends open or closed);
//                 for a % cell, the % of its numerator's and denominator's fitting values (the
//                 hull, which may be wider than the exact set); std::nullopt when unbounded, or
//                 when an end does not fit a 64-bit ratio
//   cause         likely_cause where one explains the cell exactly: "the other variance-% basis",
//                 "sign flipped", "×1000 (£000 printed as £m)", "÷1000 (£m printed as £000)",
//                 "digits transposed"; the corrected figure is `expected`
//
// The findings, in this order: each localized cell (verdict error, rule "localize", fits,
// expected, likely_cause); for a component the data cannot decide, each cell of any co-minimal
// set (verdict undecided, alternatives: every co-minimal set, up to options.max_alternatives);
// then the plain audit's findings in relation order, except those at a localized or undecided
// cell (the localization's finding replaces them): an
// error (or sign_convention) of a relation that names a localized cell becomes verdict follows,
// follows_from those cells; in a component the search could not explain within max_cells, the
// plain findings stay as they are. Counts: one per localized or undecided cell, and one per
// relation the plain audit checks at any other cell (agrees, rounding, follows, …).
//
//   bmm::relation_set s = bmm::budget_table_relations(rows, bmm::table_audit_options(mode));
//   bmm::findings found = bmm::localize(s, bmm::localize_options{});
//   found[0].where.column;   // "forecast": the one cell whose change makes every relation hold
//   found[0].fits;           // (156.55, 156.65): the values that fit it
//
// Opt-in: it uses bmm/exact.hpp (Boost.Multiprecision cpp_int) for the simplex.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../decimal.hpp"
#include "../error.hpp"
#include "../exact.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "../variance.hpp"
#include "../zero.hpp"
#include "finding.hpp"
#include "interval.hpp"
#include "relations.hpp"

namespace bmm {

/// How far localize() searches.
struct localize_options {
    /// The most cells one explanation may change (per component). Requires: >= 1.
    std::size_t max_cells = 3;
    /// The most co-minimal sets kept in a finding's alternatives.
    std::size_t max_alternatives = 8;
    /// false: the plain audit's rounding findings are counted but not stored.
    bool store_rounding = true;
};

/// Returns: the findings of error localization over s (see the header comment).
/// Throws: invalid_argument for max_cells of 0; overflow_error as the plain audit does.
[[nodiscard]] findings localize(const relation_set& s, const localize_options& options);

namespace detail {

/// A δ-rational r + k·δ, δ a positive infinitesimal: strict bounds as closed ones.
struct delta_rational {
    exact r, k;

    // (The δ parts are mostly zero: they are skipped then.)
    friend delta_rational operator+(const delta_rational& a, const delta_rational& b) {
        if (b.k.sign() == 0) return {b.r.sign() == 0 ? a.r : a.r + b.r, a.k};
        return {a.r + b.r, a.k.sign() == 0 ? b.k : a.k + b.k};
    }
    friend delta_rational operator-(const delta_rational& a, const delta_rational& b) {
        if (b.k.sign() == 0) return {b.r.sign() == 0 ? a.r : a.r - b.r, a.k};
        return {a.r - b.r, a.k - b.k};
    }
    friend delta_rational operator*(const exact& c, const delta_rational& a) {
        return {a.r.sign() == 0 ? a.r : c * a.r, a.k.sign() == 0 ? a.k : c * a.k};
    }
    friend bool operator<(const delta_rational& a, const delta_rational& b) {
        return a.r < b.r || (a.r == b.r && a.k < b.k);
    }
    friend bool operator>(const delta_rational& a, const delta_rational& b) { return b < a; }
    friend bool operator==(const delta_rational& a, const delta_rational& b) {
        return a.r == b.r && a.k == b.k;
    }
};

/// A bounded-variable exact simplex (Dutertre & de Moura, 2006): variables 0..n-1 are the
/// originals, each row adds a basic variable equal to a linear form of the originals.
class exact_simplex {
public:
    explicit exact_simplex(std::size_t originals) : lo_(originals), hi_(originals) {}

    /// Adds a row: a new variable = Σ coefficient × original. Returns: its index.
    std::size_t add_row(const std::vector<std::pair<std::size_t, exact>>& form) {
        const std::size_t v = lo_.size();
        lo_.emplace_back();
        hi_.emplace_back();
        rows_.push_back(form);
        return v;
    }
    void lower(std::size_t v, delta_rational b) {
        if (!lo_[v] || *lo_[v] < b) lo_[v] = std::move(b);
    }
    void upper(std::size_t v, delta_rational b) {
        if (!hi_[v] || b < *hi_[v]) hi_[v] = std::move(b);
    }

    /// Returns: true when the bounds and rows hold together; else false, and conflict() names
    /// the variables whose bounds conflict.
    bool check() {
        build();
        for (;;) {
            std::size_t row = n_rows_;
            for (std::size_t r = 0; r < n_rows_; ++r) {
                const std::size_t b = basic_[r];
                if (violated(b) && (row == n_rows_ || b < basic_[row])) row = r;
            }
            if (row == n_rows_) return true;
            const std::size_t b = basic_[row];
            const bool below = lo_[b] && value_[b] < *lo_[b];
            std::size_t enter = vars_;
            for (std::size_t j = 0; j < vars_ && enter == vars_; ++j) {
                if (is_basic_[j] || tab_[row][j].sign() == 0) continue;
                const bool up = (tab_[row][j].sign() > 0) == below;
                if (up ? (!hi_[j] || value_[j] < *hi_[j]) : (!lo_[j] || *lo_[j] < value_[j])) {
                    enter = j;
                }
            }
            if (enter == vars_) {
                conflict_.clear();
                conflict_.push_back(b);
                for (std::size_t j = 0; j < vars_; ++j) {
                    if (!is_basic_[j] && tab_[row][j].sign() != 0) conflict_.push_back(j);
                }
                return false;
            }
            pivot_and_update(row, enter, below ? *lo_[b] : *hi_[b]);
        }
    }
    [[nodiscard]] const std::vector<std::size_t>& conflict() const noexcept { return conflict_; }

    /// Returns: the greatest value of v (sign +1) or the least (sign -1) where everything holds
    /// (check() returned true), or std::nullopt when unbounded.
    std::optional<delta_rational> optimum(std::size_t v, int sign) {
        for (;;) {
            // The objective sign × v as a form over the nonbasic variables.
            std::vector<exact> c(vars_);
            if (is_basic_[v]) {
                const std::size_t r = row_of_[v];
                for (std::size_t j = 0; j < vars_; ++j) {
                    if (!is_basic_[j]) c[j] = sign > 0 ? tab_[r][j] : -tab_[r][j];
                }
            } else {
                c[v] = exact(sign);
            }
            std::size_t enter = vars_;
            for (std::size_t j = 0; j < vars_ && enter == vars_; ++j) {
                if (is_basic_[j] || c[j].sign() == 0) continue;
                const bool up = c[j].sign() > 0;
                if (up ? (!hi_[j] || value_[j] < *hi_[j]) : (!lo_[j] || *lo_[j] < value_[j])) {
                    enter = j;
                }
            }
            if (enter == vars_) return value_[v];
            const bool up = c[enter].sign() > 0;
            // The ratio test: the smallest step, its own bound first, then the smallest basic.
            std::optional<delta_rational> step;
            std::size_t leave = n_rows_;
            delta_rational leave_to;
            if (up && hi_[enter]) step = *hi_[enter] - value_[enter];
            if (!up && lo_[enter]) step = value_[enter] - *lo_[enter];
            for (std::size_t r = 0; r < n_rows_; ++r) {
                const exact& a = tab_[r][enter];
                if (a.sign() == 0) continue;
                const std::size_t b = basic_[r];
                const bool rises = (a.sign() > 0) == up;
                const std::optional<delta_rational>& bound = rises ? hi_[b] : lo_[b];
                if (!bound) continue;
                const exact per = a.sign() > 0 ? a : -a;
                const delta_rational room = rises ? *bound - value_[b] : value_[b] - *bound;
                const delta_rational t = exact(1) / per * room;
                if (!step || t < *step || (t == *step && leave != n_rows_ && b < basic_[leave])) {
                    step = t;
                    leave = r;
                    leave_to = *bound;
                }
            }
            if (!step) return std::nullopt;
            if (leave == n_rows_) {
                const delta_rational delta_v = up ? *step : delta_rational{} - *step;
                update(enter, delta_v);
            } else {
                pivot_and_update(leave, enter, leave_to);
            }
        }
    }

private:
    [[nodiscard]] bool violated(std::size_t b) const {
        return (lo_[b] && value_[b] < *lo_[b]) || (hi_[b] && *hi_[b] < value_[b]);
    }
    void build() {
        vars_ = lo_.size();
        n_rows_ = rows_.size();
        const std::size_t originals = vars_ - n_rows_;
        tab_.assign(n_rows_, std::vector<exact>(vars_));
        basic_.assign(n_rows_, 0);
        is_basic_.assign(vars_, false);
        row_of_.assign(vars_, 0);
        value_.assign(vars_, delta_rational{});
        for (std::size_t j = 0; j < originals; ++j) {
            if (lo_[j]) {
                value_[j] = *lo_[j];
            } else if (hi_[j]) {
                value_[j] = *hi_[j];
            }
        }
        for (std::size_t r = 0; r < n_rows_; ++r) {
            const std::size_t b = originals + r;
            basic_[r] = b;
            is_basic_[b] = true;
            row_of_[b] = r;
            for (const auto& t : rows_[r]) tab_[r][t.first] += t.second;
            delta_rational v;
            for (std::size_t j = 0; j < originals; ++j) {
                if (tab_[r][j].sign() != 0) v = v + tab_[r][j] * value_[j];
            }
            value_[b] = v;
        }
    }
    /// Moves nonbasic j by d, and the basic variables with it.
    void update(std::size_t j, const delta_rational& d) {
        value_[j] = value_[j] + d;
        for (std::size_t r = 0; r < n_rows_; ++r) {
            if (tab_[r][j].sign() != 0) value_[basic_[r]] = value_[basic_[r]] + tab_[r][j] * d;
        }
    }
    /// Sets the basic variable of `row` to v by moving nonbasic j, then swaps them.
    void pivot_and_update(std::size_t row, std::size_t j, const delta_rational& v) {
        const std::size_t b = basic_[row];
        const exact a = tab_[row][j];
        const delta_rational theta = exact(1) / a * (v - value_[b]);
        update(j, theta);
        value_[b] = v;
        // b = a·j + Σ others  →  j = (b − Σ others) / a.
        std::vector<exact>& pr = tab_[row];
        const exact inv = exact(1) / a;
        nonzero_.clear();
        for (std::size_t l = 0; l < vars_; ++l) {
            if (pr[l].sign() == 0) continue;
            pr[l] = -(pr[l] * inv);
            nonzero_.push_back(l);
        }
        pr[j] = exact();
        pr[b] = inv;
        nonzero_.push_back(b);
        for (std::size_t r = 0; r < n_rows_; ++r) {
            if (r == row || tab_[r][j].sign() == 0) continue;
            const exact k = tab_[r][j];
            tab_[r][j] = exact();
            for (std::size_t l : nonzero_) {
                if (l != j) tab_[r][l] += k * pr[l];
            }
        }
        basic_[row] = j;
        is_basic_[j] = true;
        is_basic_[b] = false;
        row_of_[j] = row;
    }

    std::vector<std::optional<delta_rational>> lo_, hi_;
    std::vector<std::vector<std::pair<std::size_t, exact>>> rows_;
    std::size_t vars_ = 0, n_rows_ = 0;
    std::vector<std::vector<exact>> tab_;
    std::vector<std::size_t> basic_, row_of_;
    std::vector<bool> is_basic_;
    std::vector<delta_rational> value_;
    std::vector<std::size_t> conflict_;
    std::vector<std::size_t> nonzero_;  // the pivot row's nonzero columns
};

[[nodiscard]] inline delta_rational low_end(const printed_interval& i) {
    return {exact(i.lo), exact(i.lo_closed ? 0 : 1)};
}
[[nodiscard]] inline delta_rational high_end(const printed_interval& i) {
    return {exact(i.hi), exact(i.hi_closed ? 0 : -1)};
}

/// The relations of one component over its cells, and the feasibility of a set of changed cells.
class component_model {
public:
    component_model(const relation_set& s, std::vector<std::size_t> relations,
                    std::vector<std::uint32_t> cells)
        : s_(&s), relations_(std::move(relations)), cells_(std::move(cells)) {
        for (std::size_t i = 0; i < cells_.size(); ++i) local_[cells_[i]] = i;
    }

    [[nodiscard]] const std::vector<std::uint32_t>& cells() const noexcept { return cells_; }
    [[nodiscard]] const std::vector<std::size_t>& relations() const noexcept { return relations_; }

    /// Returns: true when every relation can hold with the cells of `changed` free and every
    /// other printed cell inside its interval; else false, and `conflict` gets printed cells not
    /// in `changed` of which any explanation keeping `changed` must change one (empty: none can).
    bool feasible(const std::vector<std::uint32_t>& changed, std::vector<std::uint32_t>* conflict) {
        std::vector<std::size_t> ambiguous;
        for (std::size_t r : relations_) {
            const relation& rel = s_->relations()[r];
            if (!percent_bounded(rel, changed)) continue;
            if (!sign_of(rel, changed)) ambiguous.push_back(r);
        }
        if (ambiguous.size() > 12) {
            throw invalid_argument(
                "localize: more than 12 percent relations of unknown sign in "
                "one component");
        }
        std::set<std::uint32_t> blame;
        const std::size_t branches = std::size_t(1) << ambiguous.size();
        for (std::size_t mask = 0; mask < branches; ++mask) {
            exact_simplex lp = model(changed, ambiguous, mask);
            if (lp.check()) return true;
            if (conflict) blame_of(lp, changed, blame);
        }
        if (conflict) conflict->assign(blame.begin(), blame.end());
        return false;
    }

    /// Returns: the hull of the values cell c may take with `changed` free (c in changed, not a
    /// % cell), or std::nullopt when unbounded (or an end does not fit a ratio).
    std::optional<printed_interval> range(const std::vector<std::uint32_t>& changed,
                                          std::uint32_t c) {
        // The feasible branches' simplexes, kept for the next cell with the same changed set.
        if (!cached_ || cached_changed_ != changed) {
            std::vector<std::size_t> ambiguous;
            for (std::size_t r : relations_) {
                const relation& rel = s_->relations()[r];
                if (percent_bounded(rel, changed) && !sign_of(rel, changed)) {
                    ambiguous.push_back(r);
                }
            }
            feasible_lps_.clear();
            const std::size_t branches = std::size_t(1) << ambiguous.size();
            for (std::size_t mask = 0; mask < branches; ++mask) {
                exact_simplex lp = model(changed, ambiguous, mask);
                if (lp.check()) feasible_lps_.push_back(std::move(lp));
            }
            cached_changed_ = changed;
            cached_ = true;
        }
        std::optional<delta_rational> lo, hi;
        bool any = false;
        for (exact_simplex& lp : feasible_lps_) {
            const std::size_t v = local_.at(c);
            std::optional<delta_rational> top = lp.optimum(v, 1);
            if (!top) return std::nullopt;
            std::optional<delta_rational> bottom = lp.optimum(v, -1);
            if (!bottom) return std::nullopt;
            if (!any || *hi < *top) hi = top;
            if (!any || *bottom < *lo) lo = bottom;
            any = true;
        }
        if (!any) return std::nullopt;
        const std::optional<ratio> l = lo->r.to_ratio(), h = hi->r.to_ratio();
        if (!l || !h) return std::nullopt;
        return printed_interval{*l, *h, lo->k == zero, hi->k == zero};
    }

private:
    [[nodiscard]] static bool in(const std::vector<std::uint32_t>& v, std::uint32_t c) {
        return std::find(v.begin(), v.end(), c) != v.end();
    }
    [[nodiscard]] bool bounded(std::uint32_t c, const std::vector<std::uint32_t>& changed) const {
        return s_->cells()[c].value.has_value() && !in(changed, c);
    }
    /// True for a percent relation whose % cell bounds it (printed, not changed).
    [[nodiscard]] bool percent_bounded(const relation& rel,
                                       const std::vector<std::uint32_t>& changed) const {
        return rel.kind == relation_kind::percent && bounded(rel.derived.index, changed);
    }
    /// The sign of a percent relation's denominator when fixed: +1, -1, or 0 (unknown).
    [[nodiscard]] int sign_of(const relation& rel,
                              const std::vector<std::uint32_t>& changed) const {
        const std::uint32_t d = rel.denominator.index;
        if (!bounded(d, changed)) return 0;
        const printed_interval i = s_->cells()[d].range();
        if (i.lo >= zero) return 1;
        if (i.hi <= zero) return -1;
        return 0;
    }

    exact_simplex model(const std::vector<std::uint32_t>& changed,
                        const std::vector<std::size_t>& ambiguous, std::size_t mask) {
        exact_simplex lp(cells_.size());
        for (std::size_t i = 0; i < cells_.size(); ++i) {
            if (!bounded(cells_[i], changed)) continue;
            const printed_interval r = s_->cells()[cells_[i]].range();
            lp.lower(i, low_end(r));
            lp.upper(i, high_end(r));
        }
        row_cell_.clear();
        for (std::size_t r : relations_) {
            const relation& rel = s_->relations()[r];
            if (rel.kind == relation_kind::linear) {
                std::vector<std::pair<std::size_t, exact>> form;
                for (const term& t : rel.terms) {
                    form.emplace_back(local_.at(t.cell.index), exact(t.coefficient));
                }
                const std::size_t v = lp.add_row(form);
                lp.lower(v, {exact(rel.constant), exact()});
                lp.upper(v, {exact(rel.constant), exact()});
                row_cell_.push_back(no_cell);
                continue;
            }
            if (!percent_bounded(rel, changed)) continue;
            int sign = sign_of(rel, changed);
            const std::size_t n = local_.at(rel.numerator.index);
            const std::size_t d = local_.at(rel.denominator.index);
            if (sign == 0) {
                const auto at =
                    std::find(ambiguous.begin(), ambiguous.end(), r) - ambiguous.begin();
                sign = (mask >> at) & 1u ? -1 : 1;
                if (sign > 0) {
                    lp.lower(d, {exact(), exact()});
                } else {
                    lp.upper(d, {exact(), exact()});
                }
            }
            // d > 0: 100n − P·d in [0, 0]-sided; d < 0, magnitude: 100n + P·d; signed: −100n + P·d.
            const printed_interval p = s_->cells()[rel.derived.index].range();
            const bool neg = sign < 0;
            const exact kn(neg && rel.basis == variance_basis::signed_budget ? -100 : 100);
            const int kd = neg ? 1 : -1;
            // lower: kn·n + kd·P_lo·d >= 0 ; upper: kn·n + kd·P_hi·d <= 0.
            const std::size_t lo_row = lp.add_row({{n, kn}, {d, exact(kd) * exact(p.lo)}});
            lp.lower(lo_row, {exact(), exact(p.lo_closed ? 0 : 1)});
            row_cell_.push_back(rel.derived.index);
            const std::size_t hi_row = lp.add_row({{n, kn}, {d, exact(kd) * exact(p.hi)}});
            lp.upper(hi_row, {exact(), exact(p.hi_closed ? 0 : -1)});
            row_cell_.push_back(rel.derived.index);
        }
        return lp;
    }
    void blame_of(const exact_simplex& lp, const std::vector<std::uint32_t>& changed,
                  std::set<std::uint32_t>& out) const {
        for (std::size_t v : lp.conflict()) {
            std::uint32_t c = no_cell;
            if (v < cells_.size()) {
                c = cells_[v];
            } else {
                c = row_cell_[v - cells_.size()];
            }
            if (c != no_cell && bounded(c, changed)) out.insert(c);
        }
    }

    static constexpr std::uint32_t no_cell = 0xffffffffu;
    const relation_set* s_;
    std::vector<std::size_t> relations_;
    std::vector<std::uint32_t> cells_;
    std::map<std::uint32_t, std::size_t> local_;
    std::vector<std::uint32_t> row_cell_;
    bool cached_ = false;
    std::vector<std::uint32_t> cached_changed_;
    std::vector<exact_simplex> feasible_lps_;
};

/// The least-weight sets of at most max_cells printed cells that explain a component.
struct explanation_search {
    std::vector<std::vector<std::uint32_t>> best;  ///< co-minimal sets, each sorted
    std::uint64_t weight = 0;
    bool found = false;
};

/// `failing`: for each relation the plain audit finds an error, the printed cells it judged by
/// (one of them must change: the relation alone cannot hold with them inside their intervals).
inline explanation_search search_explanations(
    const relation_set& s, component_model& m,
    const std::vector<std::vector<std::uint32_t>>& failing, const localize_options& options) {
    explanation_search out;
    std::set<std::vector<std::uint32_t>> seen;
    auto weight_of = [&s](const std::vector<std::uint32_t>& t) {
        std::uint64_t w = 0;
        for (std::uint32_t c : t) w += s.cells()[c].weight;
        return w;
    };
    // Breadth-first over sets grown by one conflicting cell at a time, every set once.
    std::vector<std::vector<std::uint32_t>> queue{{}};
    for (std::size_t next_set = 0; next_set < queue.size(); ++next_set) {
        const std::vector<std::uint32_t> t = queue[next_set];
        const std::uint64_t w = weight_of(t);
        if (out.found && w > out.weight) continue;
        std::vector<std::uint32_t> conflict;
        // A relation that fails alone with none of its cells changed: no simplex needed.
        const std::vector<std::uint32_t>* unhit = nullptr;
        for (const std::vector<std::uint32_t>& f : failing) {
            bool hit = false;
            for (std::uint32_t c : f) hit = hit || std::binary_search(t.begin(), t.end(), c);
            if (!hit && (!unhit || f.size() < unhit->size())) unhit = &f;
        }
        if (unhit) {
            conflict = *unhit;
        } else if (m.feasible(t, &conflict)) {
            if (!out.found || w < out.weight) {
                out.best.clear();
                out.weight = w;
                out.found = true;
            }
            out.best.push_back(t);
            continue;
        }
        if (t.size() >= options.max_cells) continue;
        for (std::uint32_t c : conflict) {
            std::vector<std::uint32_t> next = t;
            next.insert(std::upper_bound(next.begin(), next.end(), c), c);
            if (seen.insert(next).second) queue.push_back(std::move(next));
        }
    }
    std::sort(out.best.begin(), out.best.end());
    return out;
}

/// Returns: the printed figure's interval, negated, scaled or with digits swapped, when it
/// meets `fits`: a likely cause and the figure it names.
[[nodiscard]] inline std::optional<std::pair<std::string, decimal>> likely_cause(
    const relation_set& s, std::uint32_t c, const printed_interval& fits) {
    const printed_cell& cell = s.cells()[c];
    const decimal v = *cell.value;
    if (v == zero) return std::nullopt;
    auto fits_figure = [&](decimal x) {
        return printed_interval::of(x, cell.printed_by).meets(fits);
    };
    for (const relation& rel : s.relations()) {
        if (rel.kind != relation_kind::percent || rel.derived.index != c) continue;
        const printed_cell& den = s.cells()[rel.denominator.index];
        if (den.value && *den.value < zero && fits_figure(-v)) {
            return std::make_pair(std::string("the other variance-% basis"), -v);
        }
    }
    if (fits_figure(-v)) return std::make_pair(std::string("sign flipped"), -v);
    const printed_interval own = printed_interval::of(v, cell.printed_by);
    if (own.scaled(ratio(1, 1000)).meets(fits)) {
        const decimal x = (ratio::from_decimal(v) / ratio(1000)).round(v.places(), cell.printed_by);
        return std::make_pair(std::string("×1000 (£000 printed as £m)"), x);
    }
    if (v.units() < 1'000'000'000'000LL && v.units() > -1'000'000'000'000LL &&
        own.scaled(ratio(1000)).meets(fits)) {
        return std::make_pair(std::string("÷1000 (£m printed as £000)"),
                              decimal::from_units(v.units() * 1000, v.places()));
    }
    std::int64_t units = v.units() < 0 ? -v.units() : v.units();
    std::string digits = std::to_string(units);
    for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
        if (digits[i] == digits[i + 1]) continue;
        std::string swapped = digits;
        std::swap(swapped[i], swapped[i + 1]);
        const std::int64_t u = std::stoll(swapped);
        const decimal x = decimal::from_units(v.units() < 0 ? -u : u, v.places());
        if (fits_figure(x)) {
            return std::make_pair(
                "digits transposed (" + to_string(x) + " printed as " + to_string(v) + ")", x);
        }
    }
    return std::nullopt;
}

/// The values a changed % cell may take: the % of its numerator's and denominator's values.
[[nodiscard]] inline std::optional<printed_interval> percent_range(
    const relation_set& s, component_model& m, const std::vector<std::uint32_t>& changed,
    std::uint32_t c) {
    for (const relation& rel : s.relations()) {
        if (rel.kind != relation_kind::percent || rel.derived.index != c) continue;
        const std::optional<printed_interval> n = m.range(changed, rel.numerator.index);
        const std::optional<printed_interval> d = m.range(changed, rel.denominator.index);
        if (!n || !d) return std::nullopt;
        std::optional<printed_interval> q = n->divided_by(*d);
        if (!q) return std::nullopt;
        if (rel.basis == variance_basis::magnitude && d->hi <= zero) q = -*q;
        if (rel.basis == variance_basis::magnitude && d->lo < zero && d->hi > zero) {
            return std::nullopt;
        }
        return q->scaled(ratio(100));
    }
    return std::nullopt;
}

}  // namespace detail

/// Returns: r as a decimal figure when it is one ("156.55"), else as a fraction ("-1100/333"):
/// how localize prints the ends of the values that fit a cell.
[[nodiscard]] inline std::string fitting_figure(ratio r) {
    std::int64_t p = 1;
    for (int places = 0; places <= 18; ++places) {
        if (p % r.denominator() == 0) return to_string(r.round(places, rounding_mode::half_up));
        if (places < 18) p *= 10;
    }
    return to_string(r);
}

namespace detail {

[[nodiscard]] inline std::string interval_text(const printed_interval& i) {
    return fitting_figure(i.lo) + " to " + fitting_figure(i.hi);
}

}  // namespace detail

inline findings localize(const relation_set& s, const localize_options& options) {
    if (options.max_cells == 0) {
        throw invalid_argument("localize_options::max_cells must be at least 1");
    }
    const auto& cells = s.cells();
    const auto& rels = s.relations();
    // Components: cells joined by relations (union-find).
    std::vector<std::uint32_t> parent(cells.size());
    for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto find = [&parent](std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const relation& r : rels) {
        const std::vector<cell_id> of = s.cells_of(r);
        for (cell_id c : of) parent[find(c.index)] = find(of.front().index);
    }
    // The plain audit, relation by relation.
    const detail::relation_reader reader(s);
    std::vector<std::optional<detail::plain_judgement>> plain(rels.size());
    // Component root → the printed cells of each relation that fails alone.
    std::map<std::uint32_t, std::vector<std::vector<std::uint32_t>>> failing;
    for (std::size_t r = 0; r < rels.size(); ++r) {
        plain[r] = detail::judge(s, reader, r);
        if (!plain[r] ||
            (plain[r]->what != verdict::error && plain[r]->what != verdict::sign_convention)) {
            continue;
        }
        const relation& rel = rels[r];
        std::optional<detail::linear_form> form;
        if (rel.kind == relation_kind::linear) {
            form = reader.solve(r);
        } else {
            form = reader.read(rel.numerator);
            if (form) form->add(rel.denominator, ratio(1));
        }
        std::vector<std::uint32_t> judged{rel.derived.index};
        if (form) {
            for (const term& t : form->terms) judged.push_back(t.cell.index);
        }
        std::sort(judged.begin(), judged.end());
        judged.erase(std::unique(judged.begin(), judged.end()), judged.end());
        failing[find(rel.derived.index)].push_back(std::move(judged));
    }
    // Every component's relations and cells, for those that may fail jointly.
    std::map<std::uint32_t, std::pair<std::vector<std::size_t>, std::vector<std::uint32_t>>> parts;
    for (std::size_t r = 0; r < rels.size(); ++r) {
        parts[find(rels[r].derived.index)].first.push_back(r);
    }
    for (std::uint32_t c = 0; c < cells.size(); ++c) {
        if (parts.count(find(c))) parts[find(c)].second.push_back(c);
    }

    findings out;
    std::vector<char> localized(cells.size(), 0);    // 1: localized cell
    std::vector<char> unexplained(cells.size(), 0);  // component root: search gave nothing
    for (auto& part : parts) {
        detail::component_model m(s, part.second.first, part.second.second);
        if (!failing.count(part.first) && m.feasible({}, nullptr)) continue;
        const detail::explanation_search found =
            detail::search_explanations(s, m, failing[part.first], options);
        if (!found.found) {
            unexplained[part.first] = 1;
            continue;
        }
        if (found.best.size() == 1) {
            const std::vector<std::uint32_t>& set = found.best.front();
            for (std::uint32_t c : set) {
                localized[c] = 1;
                const printed_cell& cell = cells[c];
                finding f;
                f.where = cell.where;
                f.rule = "localize";
                f.printed = cell.shown();
                bool pct = false;
                for (const relation& r : rels) {
                    pct = pct || (r.kind == relation_kind::percent && r.derived.index == c);
                }
                f.verdict = verdict::error;
                std::optional<std::pair<std::string, decimal>> cause;
                try {  // an end beyond a 64-bit ratio: the values that fit are not given
                    f.fits = pct ? detail::percent_range(s, m, set, c) : m.range(set, c);
                    if (f.fits) cause = detail::likely_cause(s, c, *f.fits);
                    if (cause) {
                        f.likely_cause = cause->first;
                        f.expected = to_string(cause->second);
                    } else if (f.fits) {
                        const ratio mid = (f.fits->lo + f.fits->hi) / ratio(2);
                        f.expected = to_string(mid.round(cell.value->places(), cell.printed_by));
                    }
                } catch (const overflow_error&) {
                    f.fits = std::nullopt;
                    cause = std::nullopt;
                    f.expected.clear();
                }
                f.explanation = set.size() == 1
                                    ? "the one cell whose change lets every relation hold"
                                    : "one of the " + std::to_string(set.size()) +
                                          " cells whose change lets every relation hold";
                if (f.fits) {
                    f.explanation +=
                        "; " + f.expected + " (" + detail::interval_text(*f.fits) + ") fits";
                }
                if (cause) f.explanation += "; likely cause: " + cause->first;
                out.add(std::move(f));
            }
            continue;
        }
        // Co-minimal sets: the data cannot decide.
        std::vector<std::vector<cell_ref>> alts;
        std::set<std::uint32_t> any;
        for (const auto& set : found.best) {
            for (std::uint32_t c : set) any.insert(c);
            if (alts.size() >= options.max_alternatives) continue;
            std::vector<cell_ref> refs;
            for (std::uint32_t c : set) refs.push_back(cells[c].where);
            alts.push_back(std::move(refs));
        }
        for (std::uint32_t c : any) {
            finding f;
            f.where = cells[c].where;
            f.rule = "localize";
            f.printed = cells[c].shown();
            f.verdict = verdict::undecided;
            f.alternatives = alts;
            f.fits = std::nullopt;
            f.explanation = std::to_string(found.best.size()) +
                            " sets of cells explain the data equally well; this cell is in " +
                            "some of them";
            out.add(std::move(f));
            localized[c] = 2;
        }
    }
    // The plain findings, read through the localization.
    for (std::size_t r = 0; r < rels.size(); ++r) {
        if (!plain[r]) continue;
        const detail::plain_judgement& j = *plain[r];
        const std::uint32_t d = rels[r].derived.index;
        if (localized[d]) continue;  // the localization's finding replaces it
        const bool wrong = j.what == verdict::error || j.what == verdict::sign_convention;
        if (j.what == verdict::agrees || (j.what == verdict::rounding && !options.store_rounding)) {
            out.tally(j.what);
            continue;
        }
        finding f = detail::plain_finding(s, r, j);
        if (wrong && !unexplained[find(d)]) {
            std::vector<cell_ref> from;
            bool undecided = false;
            for (cell_id c : s.cells_of(rels[r])) {
                if (localized[c.index] == 1) from.push_back(cells[c.index].where);
                undecided = undecided || localized[c.index] == 2;
            }
            if (!from.empty()) {
                f.verdict = verdict::follows;
                f.follows_from = std::move(from);
                f.explanation = "wrong only because a cell it is derived from is wrong";
            } else if (undecided) {
                f.verdict = verdict::undecided;
                f.explanation = "the data cannot decide which cell is wrong";
            }
        }
        if (wrong && f.verdict == j.what) {
            f.explanation =
                "no set of at most " + std::to_string(options.max_cells) + " cells explains it";
        }
        out.add(std::move(f));
    }
    return out;
}

}  // namespace bmm
