// bmm — audit/relations: printed cells, the relations between them, and their plain audit.
//
// A relation_set is a small model of a printed table or report: each printed cell (where it is,
// its figure as printed, how it was rounded) and each relation the print implies, as an explicit
// object with a rule text, so that the plain audit, the report and the docs
// speak about the same thing. Two kinds of relation:
//
//   kind     holds when                                  the plain audit judges
//   linear   Σ coefficient × cell = constant              its `derived` cell (a total, a
//                                                         variance, a change) from the others
//   percent  pct = 100 × numerator ÷ basis(denominator)   the pct cell; basis |d| (magnitude)
//            (no value when the denominator is zero)      or d (signed_budget)
//
// Each printed cell stands for its printed interval (audit/interval.hpp), or for itself when it
// is exact (a count, a nil mark); a cell that is not printed is a free unknown. The plain audit
// judges each relation's derived cell against its printed inputs, as every audit of bmm does:
//   agrees           the inputs, as printed, give the printed figure (counted, not stored)
//   rounding         some values inside the inputs' intervals give it
//   sign_convention  (percent) it holds only under the other basis: a % of a negative budget
//   error            no values inside the inputs' intervals give it
// A linear relation whose derived cell is not printed is not checked: it defines that cell, and
// an input that is not printed is read through its definition (a member's forecast = its budget
// + its variance, say); a relation with an input neither printed nor defined so is not checked. A percent
// of a printed zero denominator has no value: a printed 0 agrees, any other figure is rounding
// (the true denominator may be as small as we like).
//
//   bmm::relation_set s;
//   auto cell = [&](const char* column, const char* figure) {
//       bmm::cell_ref where{"Table 11", "Contingency", column, std::nullopt, std::nullopt};
//       return s.add_cell(bmm::printed_cell::figure(where, bmm::decimal::parse(figure),
//                                                   bmm::rounding_mode::half_up));
//   };
//   auto b = cell("budget", "12.4"), f = cell("forecast", "9.1"), v = cell("variance", "-3.3"),
//        p = cell("variance_pct", "-29.6");
//   s.add_difference("variance = forecast - budget", v, f, b);
//   s.add_percent("variance % = variance / |budget|", p, v, b, bmm::variance_basis::magnitude);
//   bmm::findings found = bmm::audit(s, bmm::audit_options{});
//   found.errors();   // 1: -3.3 of 12.4 is -26.6%, and no rounding of them gives -29.6%
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../decimal.hpp"
#include "../detail/exact_sum.hpp"
#include "../error.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "../variance.hpp"
#include "../zero.hpp"
#include "finding.hpp"
#include "interval.hpp"

namespace bmm {

/// A cell of a relation_set: its place among the set's cells (from 0, in the order added).
struct cell_id {
    std::uint32_t index = 0;

    friend constexpr bool operator==(cell_id a, cell_id b) noexcept { return a.index == b.index; }
    friend constexpr bool operator!=(cell_id a, cell_id b) noexcept { return a.index != b.index; }
    friend constexpr bool operator<(cell_id a, cell_id b) noexcept { return a.index < b.index; }
};

/// A printed cell. printed_by has no default: set it (it is how the figure was rounded), or make
/// the cell with figure(), exact_figure() or blank().
struct printed_cell {
    cell_ref where;                ///< section, row, column, row_index, source
    std::optional<decimal> value;  ///< std::nullopt: not printed (a free unknown)
    std::string text;              ///< as printed ("(1.2)", "-", "6.2%"); empty: to_string(value)
    rounding_mode printed_by;      ///< how it was rounded when printed
    bool exact = false;            ///< a count or a nil mark: it stands for itself, no interval
    std::uint32_t weight = 1;      ///< its weight in localization (the cost of blaming it)
    /// The set of true values when it is not the figure's own interval: an aggregate of several
    /// printed cells (their sum's interval), say. Requires: it contains value, when set.
    std::optional<printed_interval> interval;

    /// Returns: a figure printed by printed_by (text empty: shown as the figure).
    [[nodiscard]] static printed_cell figure(cell_ref where, decimal value,
                                             rounding_mode printed_by, std::string text = {}) {
        return printed_cell{std::move(where), value, std::move(text), printed_by, false, 1,
                            std::nullopt};
    }
    /// Returns: an exact figure (a count, a nil mark); shown_by rounds a recomputed value to
    /// its places for `expected`.
    [[nodiscard]] static printed_cell exact_figure(cell_ref where, decimal value,
                                                   rounding_mode shown_by, std::string text = {}) {
        return printed_cell{std::move(where), value, std::move(text), shown_by, true, 1,
                            std::nullopt};
    }
    /// Returns: a cell not printed (a free unknown); printed_by rounds a value found for it.
    [[nodiscard]] static printed_cell blank(cell_ref where, rounding_mode printed_by) {
        return printed_cell{std::move(where), std::nullopt, std::string(), printed_by, false, 1,
                            std::nullopt};
    }

    /// Returns: the true values the cell stands for: `interval` when set; the point `value`
    /// when exact; else the printed interval of value by printed_by.
    /// Requires: value (a printed cell).
    [[nodiscard]] printed_interval range() const {
        if (interval) return *interval;
        if (exact) return printed_interval::exactly(ratio::from_decimal(*value));
        return printed_interval::of(*value, printed_by);
    }
    /// Returns: text, or the figure when text is empty ("" for a cell not printed).
    [[nodiscard]] std::string shown() const {
        if (!text.empty() || !value) return text;
        return to_string(*value);
    }
};

/// coefficient × cell, a term of a linear relation.
struct term {
    ratio coefficient;
    cell_id cell;
};

enum class relation_kind : std::uint8_t { linear, percent };

/// A relation between printed cells (see the header comment).
struct relation {
    relation_kind kind = relation_kind::linear;
    /// What it says, for people: "variance = forecast - budget", "Total Adults = sum(members)".
    std::string rule;
    // linear: Σ terms = constant; `derived` is the cell the plain audit judges.
    std::vector<term> terms;
    ratio constant;
    cell_id derived;
    // percent: derived = 100 × numerator ÷ basis(denominator).
    cell_id numerator, denominator;
    variance_basis basis = variance_basis::magnitude;
};

/// Printed cells and the relations between them (see the header comment).
class relation_set {
public:
    /// Adds a cell. Returns: its id (the number of cells added before it).
    /// Throws: invalid_argument for a weight of 0, or for more than 2^32 - 1 cells.
    cell_id add_cell(printed_cell c);
    /// Adds the linear relation Σ terms = constant, judged by the plain audit at `derived`.
    /// Terms may name a cell more than once (their coefficients add).
    /// Throws: invalid_argument (naming the rule) for an unknown cell, a zero coefficient, or a
    /// derived cell whose coefficients do not add to a nonzero one.
    void add_linear(std::string rule, std::vector<term> terms, ratio constant, cell_id derived);
    /// Adds total = Σ members (a linear relation judged at total).
    /// Throws: as add_linear; also for no members.
    void add_sum(std::string rule, cell_id total, const std::vector<cell_id>& members);
    /// Adds derived = a - b (a linear relation judged at derived: a variance, a change).
    /// Throws: as add_linear.
    void add_difference(std::string rule, cell_id derived, cell_id a, cell_id b);
    /// Adds pct = 100 × numerator ÷ basis(denominator), judged at pct.
    /// Throws: invalid_argument (naming the rule) for an unknown cell, or a pct cell that is also
    /// the numerator or the denominator.
    void add_percent(std::string rule, cell_id pct, cell_id numerator, cell_id denominator,
                     variance_basis basis);

    [[nodiscard]] const std::vector<printed_cell>& cells() const noexcept { return cells_; }
    [[nodiscard]] const std::vector<relation>& relations() const noexcept { return relations_; }
    /// Returns: the cell. Throws: invalid_argument for an id the set has not given.
    [[nodiscard]] const printed_cell& cell(cell_id id) const {
        check(id, "relation_set::cell");
        return cells_[id.index];
    }
    /// Returns: the ids of the cells each relation names (derived first; duplicates removed),
    /// in relation order.
    [[nodiscard]] std::vector<cell_id> cells_of(const relation& r) const;

private:
    void check(cell_id id, const std::string& rule) const;

    std::vector<printed_cell> cells_;
    std::vector<relation> relations_;
};

/// What the plain audit keeps.
struct audit_options {
    /// false: rounding findings are counted (findings::count) but not stored.
    bool store_rounding = true;
};

/// The plain audit of a relation_set (see the header comment): one verdict per checked
/// relation, at its derived cell, in relation order; a finding stored unless it agrees (or is a
/// rounding effect and options.store_rounding is false). Each finding's where is the derived
/// cell's, its rule the relation's rule, printed the cell as shown, fits the values its inputs
/// allow (std::nullopt when unbounded), expected what they give at the cell's places.
/// Throws: overflow_error naming the rule and the cell when a recomputed value does not fit an
/// exact 64-bit ratio.
[[nodiscard]] findings audit(const relation_set& s, const audit_options& options);

// ---------------------------------------------------------------------------------------------
// Implementation

inline void relation_set::check(cell_id id, const std::string& rule) const {
    if (id.index >= cells_.size()) {
        throw invalid_argument("relation \"" + rule + "\" names cell " + std::to_string(id.index) +
                                   ", but the set has " + std::to_string(cells_.size()) + " cells",
                               rule);
    }
}

inline cell_id relation_set::add_cell(printed_cell c) {
    if (c.weight == 0) {
        throw invalid_argument("a printed cell's weight must be at least 1", c.where.row);
    }
    if (cells_.size() >= 0xffffffffu) throw invalid_argument("a relation_set holds < 2^32 cells");
    cells_.push_back(std::move(c));
    return cell_id{static_cast<std::uint32_t>(cells_.size() - 1)};
}

inline void relation_set::add_linear(std::string rule, std::vector<term> terms, ratio constant,
                                     cell_id derived) {
    check(derived, rule);
    ratio on_derived;
    for (const term& t : terms) {
        check(t.cell, rule);
        if (t.coefficient == zero) {
            throw invalid_argument("relation \"" + rule + "\" has a zero coefficient", rule);
        }
        if (t.cell == derived) on_derived = on_derived + t.coefficient;
    }
    if (on_derived == zero) {
        throw invalid_argument("relation \"" + rule + "\" does not name its derived cell " +
                                   std::to_string(derived.index) + " with a nonzero coefficient",
                               rule);
    }
    relation r;
    r.kind = relation_kind::linear;
    r.rule = std::move(rule);
    r.terms = std::move(terms);
    r.constant = constant;
    r.derived = derived;
    relations_.push_back(std::move(r));
}

inline void relation_set::add_sum(std::string rule, cell_id total,
                                  const std::vector<cell_id>& members) {
    if (members.empty()) {
        throw invalid_argument("relation \"" + rule + "\" sums no members", rule);
    }
    std::vector<term> terms;
    terms.reserve(members.size() + 1);
    terms.push_back(term{ratio(1), total});
    for (cell_id m : members) terms.push_back(term{ratio(-1), m});
    add_linear(std::move(rule), std::move(terms), ratio(), total);
}

inline void relation_set::add_difference(std::string rule, cell_id derived, cell_id a, cell_id b) {
    add_linear(std::move(rule), {term{ratio(1), derived}, term{ratio(-1), a}, term{ratio(1), b}},
               ratio(), derived);
}

inline void relation_set::add_percent(std::string rule, cell_id pct, cell_id numerator,
                                      cell_id denominator, variance_basis basis) {
    check(pct, rule);
    check(numerator, rule);
    check(denominator, rule);
    if (pct == numerator || pct == denominator) {
        throw invalid_argument("relation \"" + rule + "\" divides its own % cell", rule);
    }
    relation r;
    r.kind = relation_kind::percent;
    r.rule = std::move(rule);
    r.derived = pct;
    r.numerator = numerator;
    r.denominator = denominator;
    r.basis = basis;
    relations_.push_back(std::move(r));
}

inline std::vector<cell_id> relation_set::cells_of(const relation& r) const {
    std::vector<cell_id> out{r.derived};
    auto add = [&out](cell_id c) {
        for (cell_id o : out) {
            if (o == c) return;
        }
        out.push_back(c);
    };
    if (r.kind == relation_kind::percent) {
        add(r.numerator);
        add(r.denominator);
    } else {
        for (const term& t : r.terms) add(t.cell);
    }
    return out;
}

namespace detail {

/// A linear form Σ coefficient × cell + constant over a relation_set's cells, each cell once.
struct linear_form {
    std::vector<term> terms;
    ratio constant;

    void add(cell_id c, ratio k) {
        for (term& t : terms) {
            if (t.cell == c) {
                t.coefficient = t.coefficient + k;
                return;
            }
        }
        terms.push_back(term{k, c});
    }
    [[nodiscard]] ratio coefficient_of(cell_id c) const noexcept {
        for (const term& t : terms) {
            if (t.cell == c) return t.coefficient;
        }
        return ratio();
    }
    void drop_zeros() {
        std::vector<term> kept;
        for (const term& t : terms) {
            if (t.coefficient != zero) kept.push_back(t);
        }
        terms = std::move(kept);
    }
};

/// The plain audit's reading of a relation: its derived cell as a form over printed cells, an
/// unprinted input read through a linear relation that defines it (whose derived cell it is).
class relation_reader {
public:
    explicit relation_reader(const relation_set& s) : s_(&s), defs_(s.cells().size()) {
        const auto& rs = s.relations();
        for (std::size_t i = 0; i < rs.size(); ++i) {
            if (rs[i].kind == relation_kind::linear) defs_[rs[i].derived.index].push_back(i);
        }
    }

    /// Returns: linear relation r solved for its derived cell, every other cell printed or read
    /// through its definition, or std::nullopt when one cannot be read so (or the form names the
    /// derived cell again).
    [[nodiscard]] std::optional<linear_form> solve(std::size_t r) const {
        std::vector<std::size_t> used;
        std::optional<linear_form> f = solve(r, used, 0);
        if (f && f->coefficient_of(s_->relations()[r].derived) != zero) return std::nullopt;
        return f;
    }
    /// Returns: the cell as a form over printed cells (itself when printed), or std::nullopt.
    [[nodiscard]] std::optional<linear_form> read(cell_id c) const {
        linear_form out;
        std::vector<std::size_t> used;
        if (!add_read(out, c, ratio(1), used, 0)) return std::nullopt;
        out.drop_zeros();
        return out;
    }

private:
    [[nodiscard]] std::optional<linear_form> solve(std::size_t r, std::vector<std::size_t>& used,
                                                   int depth) const {
        const relation& rel = s_->relations()[r];
        linear_form raw;
        for (const term& t : rel.terms) raw.add(t.cell, t.coefficient);
        const ratio k = raw.coefficient_of(rel.derived);
        linear_form out;
        out.constant = rel.constant / k;
        used.push_back(r);
        for (const term& t : raw.terms) {
            if (t.cell == rel.derived || t.coefficient == zero) continue;
            if (!add_read(out, t.cell, -(t.coefficient / k), used, depth)) {
                used.pop_back();
                return std::nullopt;
            }
        }
        used.pop_back();
        out.drop_zeros();
        return out;
    }
    /// Adds coef × cell to out, reading an unprinted cell through a relation that defines it.
    bool add_read(linear_form& out, cell_id c, ratio coef, std::vector<std::size_t>& used,
                  int depth) const {
        if (s_->cells()[c.index].value) {
            out.add(c, coef);
            return true;
        }
        if (depth >= 4) return false;
        for (std::size_t r : defs_[c.index]) {
            bool seen = false;
            for (std::size_t u : used) seen = seen || u == r;
            if (seen) continue;
            if (auto f = solve(r, used, depth + 1)) {
                out.constant = out.constant + coef * f->constant;
                for (const term& t : f->terms) out.add(t.cell, coef * t.coefficient);
                return true;
            }
        }
        return false;
    }

    const relation_set* s_;
    std::vector<std::vector<std::size_t>> defs_;
};

/// The exact value and the interval of a form over printed cells.
[[nodiscard]] inline ratio value_of(const relation_set& s, const linear_form& f) {
    ratio_sum sum;
    sum.add(f.constant);
    for (const term& t : f.terms) {
        sum.add(t.coefficient * ratio::from_decimal(*s.cells()[t.cell.index].value));
    }
    return sum.total();
}
[[nodiscard]] inline printed_interval range_of(const relation_set& s, const linear_form& f) {
    interval_sum sum;
    sum.add(printed_interval::exactly(f.constant));
    for (const term& t : f.terms) sum.add(s.cells()[t.cell.index].range().scaled(t.coefficient));
    return sum.total();
}

/// The plain verdict of one relation: std::nullopt when it is not checked.
struct plain_judgement {
    verdict what = verdict::agrees;
    decimal computed;
    std::optional<printed_interval> fits;
};

[[nodiscard]] inline std::optional<plain_judgement> judge_linear(const relation_set& s,
                                                                 const relation_reader& reader,
                                                                 std::size_t r) {
    const relation& rel = s.relations()[r];
    const printed_cell& d = s.cells()[rel.derived.index];
    if (!d.value) return std::nullopt;
    const std::optional<linear_form> form = reader.solve(r);
    if (!form) return std::nullopt;
    plain_judgement j;
    const ratio exact = value_of(s, *form);
    j.computed = exact.round(d.value->places(), d.printed_by);
    // An exact cell, or an aggregate (its own interval), agrees only with its exact value.
    const bool agrees =
        d.exact || d.interval ? exact == ratio::from_decimal(*d.value) : j.computed == *d.value;
    if (agrees) return j;
    const printed_interval fits = range_of(s, *form);
    j.fits = fits;
    j.what = d.range().meets(fits) ? verdict::rounding : verdict::error;
    return j;
}

[[nodiscard]] inline std::optional<plain_judgement> judge_percent(const relation_set& s,
                                                                  const relation_reader& reader,
                                                                  std::size_t r) {
    const relation& rel = s.relations()[r];
    const printed_cell& p = s.cells()[rel.derived.index];
    const printed_cell& den = s.cells()[rel.denominator.index];
    if (!p.value || !den.value) return std::nullopt;
    plain_judgement j;
    const ratio b = ratio::from_decimal(*den.value);
    if (b == zero) {
        j.computed = decimal::from_units(0, p.value->places());
        j.what = *p.value == zero ? verdict::agrees : verdict::rounding;
        return j;
    }
    // The numerator as a form over printed cells (itself when printed).
    const std::optional<linear_form> n = reader.read(rel.numerator);
    if (!n) return std::nullopt;
    const bool flip = rel.basis == variance_basis::magnitude && b < zero;
    const ratio k(flip ? -100 : 100);
    const ratio exact = value_of(s, *n) / b * k;
    j.computed = exact.round(p.value->places(), p.printed_by);
    if (p.exact || p.interval ? exact == ratio::from_decimal(*p.value) : j.computed == *p.value) {
        return j;
    }
    // n ÷ d = (Σ others + constant) ÷ d + (d's own coefficient): exact over the intervals, as
    // the others do not hold d.
    const ratio own = n->coefficient_of(rel.denominator);
    linear_form others = *n;
    if (own != zero) others.add(rel.denominator, -own);
    others.drop_zeros();
    const std::optional<printed_interval> share = range_of(s, others).divided_by(den.range());
    j.what = verdict::rounding;  // unbounded when the denominator reaches zero
    if (share) {
        j.fits = (*share + printed_interval::exactly(own)).scaled(k);
        const printed_interval printed = p.range();
        if (printed.meets(*j.fits)) {
            j.what = verdict::rounding;
        } else if (b < zero && printed.meets(-*j.fits)) {
            j.what = verdict::sign_convention;
        } else {
            j.what = verdict::error;
        }
    }
    return j;
}

/// Returns: the plain judgement of relation r (std::nullopt: not checked).
/// Throws: overflow_error naming the rule and the derived cell.
[[nodiscard]] inline std::optional<plain_judgement> judge(const relation_set& s,
                                                          const relation_reader& reader,
                                                          std::size_t r) {
    const relation& rel = s.relations()[r];
    try {
        return rel.kind == relation_kind::linear ? judge_linear(s, reader, r)
                                                 : judge_percent(s, reader, r);
    } catch (const overflow_error& e) {
        const cell_ref& w = s.cells()[rel.derived.index].where;
        std::string why = e.what();
        if (why.rfind("bmm: ", 0) == 0) why.erase(0, 5);
        throw overflow_error("relation \"" + rel.rule + "\" at " + w.section + " / " + w.row +
                                 " / " + w.column + ": " + why,
                             rel.rule);
    }
}

/// Returns: the finding of a judged relation.
[[nodiscard]] inline finding plain_finding(const relation_set& s, std::size_t r,
                                           const plain_judgement& j) {
    const relation& rel = s.relations()[r];
    const printed_cell& c = s.cells()[rel.derived.index];
    finding f;
    f.where = c.where;
    f.rule = rel.rule;
    f.printed = c.shown();
    f.fits = j.fits;
    f.expected = to_string(j.computed);
    f.verdict = j.what;
    return f;
}

}  // namespace detail

inline findings audit(const relation_set& s, const audit_options& options) {
    findings out;
    const detail::relation_reader reader(s);
    for (std::size_t r = 0; r < s.relations().size(); ++r) {
        const std::optional<detail::plain_judgement> j = detail::judge(s, reader, r);
        if (!j) continue;
        if (j->what == verdict::agrees ||
            (j->what == verdict::rounding && !options.store_rounding)) {
            out.tally(j->what);
            continue;
        }
        out.add(detail::plain_finding(s, r, *j));
    }
    return out;
}

}  // namespace bmm
