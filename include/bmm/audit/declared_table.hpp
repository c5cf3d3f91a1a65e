// bmm — audit/declared_table: a printed table's relations, from its declaration, and their audit.
//
// relations_of(table) turns every relation a declared table implies into a relation of a
// relation_set (bmm/audit/relations.hpp), each with its rule text and cells:
//
//   source                          relation (per row, within each block)
//   variance                        variance = forecast − budget, or budget − forecast (the
//                                   direction); without a forecast, actual − budget; else none
//   variance_pct                    pct = 100 × variance ÷ |budget| or ÷ budget (the basis)
//   pct_spent                       pct = 100 × actual ÷ budget
//   movement, change, remaining,    forecast − previous_forecast, variance − previous_variance,
//   at_risk                         budget − actual, planned − achieved
//   total ROW = members             per summed column: total = Σ ± members
//   a level column                  today's level rule (bmm/audit/table.hpp)
//   net rows / net blocks           net = expenditure + income
//   summary                         total = Σ parts; share = 100 × count ÷ denominator (or ÷ its
//                                   denominator column, which = the denominator); Σ shares = 100
//   check                           the user's equality (judged at its first cell)
//
// A % cell printing its column's `undefined` mark over a denominator printed 0 is not checked
// (declared_audit::not_checked), nor is a total whose cell is not printed.
//
// The audit is the plain audit of that set, with what a linear relation cannot say judged
// beside it, cell by cell, by the same rule (agrees / rounding / error): a band ("less than 1%"
// agrees when the recomputed value lies inside it), a signed zero, a sign word (ADV / FAV), an
// inequality (a sub-count "7 of these 17" ≤ 17). A whole variance column in the other direction
// than declared (two or more rows that fit only the other one, none that fit only the declared
// one) is ONE sign_convention finding for the table, naming the declaration that fixes it, and
// the column is audited the other way; likewise a variance % column on the other basis. A table
// declared `infer` is read the way its cells fit, and read_as says which.
//
//   bmm::printed_table t = bmm::read_printed_table(csv, bmm::parse_table_declaration(decl));
//   bmm::declared_audit a = bmm::audit_declared(t, bmm::audit_options{});
//   a.found.errors();    // the plain audit's errors
//   a.read_as;           // "FORECAST OUTTURN VARIANCE £000: variance = budget - forecast (...)"
//   bmm::relation_set s = bmm::relations_of(t);   // for localization
#pragma once

#include <algorithm>
#include <cstddef>
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
#include "printed_table.hpp"
#include "relations.hpp"
#include "table.hpp"
#include "table_declaration.hpp"
#include "table_relations.hpp"

namespace bmm {

/// A cell a declared relation does not check, and why.
struct unchecked_cell {
    cell_ref where;
    std::string rule;
    std::string why;
};

/// The audit of a declared table: its findings, the cells it leaves unchecked, and how it read
/// what the declaration left to infer.
struct declared_audit {
    findings found;
    std::vector<unchecked_cell> not_checked;
    /// One line per inferred (or corrected) reading: "HEADING: variance = budget - forecast
    /// (inferred: ...)".
    std::vector<std::string> read_as;
};

/// Returns: every relation of the table (see the header comment), bands and signed zeros as
/// cells with their own intervals, directions and bases as the audit resolves them.
/// Throws: table_error at the declaration for relations it cannot build (two columns of one role
/// in one block, a % of columns in different units, a net row without its parts); invalid_argument
/// for a declaration without a rounding mode.
[[nodiscard]] relation_set relations_of(const printed_table& table);

/// Returns: the audit of the table (see the header comment).
/// Throws: as relations_of; table_error at a sign column's cell whose word is not declared.
[[nodiscard]] declared_audit audit_declared(const printed_table& table,
                                            const audit_options& options);

/// Returns: audit_declared(table, options).found.
[[nodiscard]] findings audit(const printed_table& table, const audit_options& options);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// A relation the declared audit judges itself (a band, a signed zero, an input band).
struct special_relation {
    relation rel;
    bool inequality = false;
    comparison op = comparison::equal;
};

/// The verdict of a relation judged by its face value and its range.
struct face_judgement {
    verdict what = verdict::agrees;
    ratio face;
    std::optional<printed_interval> fits;
};

class declared_builder {
public:
    declared_builder(const printed_table& t, bool for_audit) : t_(&t), for_audit_(for_audit) {
        if (!t.declaration().rounding) {
            throw invalid_argument(
                "a table declaration needs the rounding mode its table was "
                "printed by",
                t.section());
        }
        mode_ = *t.declaration().rounding;
    }

    relation_set& set() noexcept { return s_; }
    std::vector<special_relation>& specials() noexcept { return specials_; }
    std::vector<unchecked_cell>& skipped() noexcept { return skipped_; }
    std::vector<std::string>& read_as() noexcept { return read_as_; }
    findings& conventions() noexcept { return conventions_; }

    void build() {
        if (t_->declaration().builtin_budget_layout) {
            build_builtin();
            return;
        }
        add_cells();
        resolve();
        for (std::size_t r = 0; r < t_->rows().size(); ++r) {
            if (t_->rows()[r].ignored) continue;
            for (const std::string& b : blocks_) row_relations(r, b);
        }
        totals();
        levels();
        nets();
        summaries();
        checks();
    }

    /// The verdict of the sign words (ADV / FAV) and the inequalities: their findings.
    void judge_words_and_inequalities(findings& out, const audit_options& o) const;

private:
    // -- cells -------------------------------------------------------------------------------
    [[nodiscard]] cell_ref where(std::size_t r, std::size_t c) const {
        const table_row& row = t_->rows()[r];
        return cell_ref{t_->section(), row.name, t_->columns()[c].heading, r, row.cells[c].source};
    }

    void add_cells() {
        const std::size_t n = t_->columns().size();
        ids_.assign(t_->rows().size(), std::vector<std::optional<cell_id>>(n));
        for (std::size_t r = 0; r < t_->rows().size(); ++r) {
            const table_row& row = t_->rows()[r];
            if (row.ignored) continue;
            for (std::size_t c = 0; c < n; ++c) {
                const table_column& col = t_->columns()[c];
                if (!is_figure(col.role)) continue;
                const table_cell& cell = row.cells[c];
                printed_cell p = printed_cell::blank(where(r, c), mode_);
                if (cell.kind == cell_kind::nil_zero) {
                    p = printed_cell::exact_figure(where(r, c), decimal(), mode_, cell.text);
                } else if (cell.kind == cell_kind::figure || cell.kind == cell_kind::band) {
                    p = col.is_exact() ? printed_cell::exact_figure(where(r, c), *cell.value, mode_,
                                                                    std::string(trim(cell.text)))
                                       : printed_cell::figure(where(r, c), *cell.value, mode_,
                                                              std::string(trim(cell.text)));
                    if (cell.kind == cell_kind::band) {
                        p.exact = false;
                        p.interval = band_range(cell, col);
                    } else if (t_->declaration().signed_zeros && !col.is_exact() &&
                               *cell.value == zero) {
                        const ratio h = half_unit(*cell.value);
                        p.interval = cell.negative_zero
                                         ? printed_interval{-h, ratio(), false, false}
                                         : printed_interval{ratio(), h, true, false};
                    }
                }
                ids_[r][c] = s_.add_cell(std::move(p));
            }
        }
        for (const table_column& col : t_->columns()) {
            if (!is_figure(col.role)) continue;
            if (std::find(blocks_.begin(), blocks_.end(), col.block) == blocks_.end()) {
                blocks_.push_back(col.block);
            }
        }
        aggregate_.assign(s_.cells().size(), false);
    }

    [[nodiscard]] static printed_interval band_range(const table_cell& cell,
                                                     const table_column& col) {
        const ratio x = ratio::from_decimal(*cell.value);
        if (cell.band_below) {
            const ratio lo = col.at_least ? ratio::from_decimal(*col.at_least) : ratio();
            return printed_interval{lo, x, true, false};
        }
        const ratio hi = col.at_most ? ratio::from_decimal(*col.at_most) : ratio(100);
        return printed_interval{x, hi, false, true};
    }

    [[nodiscard]] bool special_cell(cell_id id) const {
        return s_.cell(id).interval.has_value() && !aggregate_[id.index];
    }

    // -- columns -----------------------------------------------------------------------------
    /// The column of `role` in `block`, or std::nullopt. Throws: table_error for two.
    [[nodiscard]] std::optional<std::size_t> column(table_role role,
                                                    const std::string& block) const {
        std::optional<std::size_t> found;
        for (std::size_t c = 0; c < t_->columns().size(); ++c) {
            const table_column& col = t_->columns()[c];
            if (col.role != role || col.block != block) continue;
            if (found) {
                throw table_error(t_->declared_at(col.source), col.heading, "a column",
                                  "block " + block + " has two " + std::string(to_string(role)) +
                                      " columns: give one its own block");
            }
            found = c;
        }
        return found;
    }
    [[nodiscard]] std::optional<cell_id> id(std::size_t r, std::optional<std::size_t> c) const {
        if (!c) return std::nullopt;
        return ids_[r][*c];
    }
    [[nodiscard]] ratio scale(std::size_t c, std::size_t derived) const {
        return ratio(pounds_per(t_->columns()[c].unit), pounds_per(t_->columns()[derived].unit));
    }
    [[nodiscard]] static std::string qualified(table_role role, const std::string& block) {
        std::string s(to_string(role));
        if (block != "year") s += "[" + block + "]";
        return s;
    }

    // -- adding relations ----------------------------------------------------------------------
    void linear(std::string rule, std::vector<term> terms, ratio constant, cell_id derived) {
        bool special = special_cell(derived);
        for (const term& x : terms) {
            if (x.cell != derived && s_.cell(x.cell).interval && !aggregate_[x.cell.index] &&
                s_.cell(x.cell).value && !signed_zero(x.cell)) {
                special = true;  // a band input
            }
        }
        if (for_audit_ && special) {
            special_relation sp;
            sp.rel.kind = relation_kind::linear;
            sp.rel.rule = std::move(rule);
            sp.rel.terms = std::move(terms);
            sp.rel.constant = constant;
            sp.rel.derived = derived;
            specials_.push_back(std::move(sp));
            return;
        }
        s_.add_linear(std::move(rule), std::move(terms), constant, derived);
    }
    void percent(std::string rule, cell_id pct, cell_id n, cell_id d, variance_basis basis) {
        const bool special = special_cell(pct) || (special_cell(n) && !signed_zero(n));
        if (for_audit_ && special) {
            special_relation sp;
            sp.rel.kind = relation_kind::percent;
            sp.rel.rule = std::move(rule);
            sp.rel.derived = pct;
            sp.rel.numerator = n;
            sp.rel.denominator = d;
            sp.rel.basis = basis;
            specials_.push_back(std::move(sp));
            return;
        }
        s_.add_percent(std::move(rule), pct, n, d, basis);
    }
    [[nodiscard]] bool signed_zero(cell_id c) const {
        const printed_cell& p = s_.cell(c);
        return p.interval && p.value && *p.value == zero && !aggregate_[c.index];
    }
    /// derived = a − b, in the derived column's unit.
    void difference(std::string rule, std::size_t r, std::size_t cd, std::size_t ca,
                    std::size_t cb) {
        const auto d = ids_[r][cd], a = ids_[r][ca], b = ids_[r][cb];
        if (!d || !a || !b) return;
        linear(std::move(rule),
               {term{ratio(1), *d}, term{-scale(ca, cd), *a}, term{scale(cb, cd), *b}}, ratio(),
               *d);
    }
    void percent_of(std::string rule, std::size_t r, std::size_t cp, std::size_t cn,
                    std::size_t cden, variance_basis basis) {
        const auto p = ids_[r][cp], n = ids_[r][cn], den = ids_[r][cden];
        if (!p || !n || !den) return;
        if (t_->columns()[cn].unit != t_->columns()[cden].unit) {
            throw table_error(
                t_->declared_at(t_->columns()[cp].source), t_->columns()[cp].heading, "a % column",
                "its numerator (" + t_->columns()[cn].heading + ") and denominator (" +
                    t_->columns()[cden].heading + ") are in different units");
        }
        const table_cell& pc = t_->cell(r, cp);
        const table_cell& dc = t_->cell(r, cden);
        if (dc.is_figure() && dc.kind != cell_kind::band && *dc.value == zero) {
            const std::vector<std::string>& marks = t_->columns()[cp].undefined;
            const std::string shown(trim(pc.text));
            if (std::find(marks.begin(), marks.end(), shown) != marks.end()) {
                skipped_.push_back(
                    unchecked_cell{where(r, cp), rule,
                                   "denominator printed 0; the column prints \"" + shown +
                                       "\" for a ratio it does not compute (declared undefined)"});
                return;
            }
        }
        percent(std::move(rule), *p, *n, *den, basis);
    }

    // -- directions and bases ----------------------------------------------------------------
    [[nodiscard]] std::optional<std::size_t> spend_of(const std::string& block) const {
        if (auto f = column(table_role::forecast, block)) return f;
        return column(table_role::actual, block);
    }

    /// Verdict of derived = a − b at face value and over the ranges (nullopt: not judged).
    [[nodiscard]] std::optional<verdict> difference_verdict(cell_id d, cell_id a, cell_id b,
                                                            int sign) const {
        const printed_cell &pd = s_.cell(d), &pa = s_.cell(a), &pb = s_.cell(b);
        if (!pd.value || !pa.value || !pb.value) return std::nullopt;
        const ratio face =
            ratio(sign) * (ratio::from_decimal(*pa.value) - ratio::from_decimal(*pb.value));
        if (face.round(pd.value->places(), pd.printed_by) == *pd.value) return verdict::agrees;
        const printed_interval range = (pa.range() - pb.range()).scaled(ratio(sign));
        return pd.range().meets(range) ? verdict::rounding : verdict::error;
    }

    void resolve() {
        const table_declaration& d = t_->declaration();
        directions_.assign(t_->columns().size(), variance_direction::spend_minus_budget);
        bases_.assign(t_->columns().size(), variance_basis::magnitude);
        for (std::size_t c = 0; c < t_->columns().size(); ++c) {
            const table_column& col = t_->columns()[c];
            if (col.role == table_role::variance) resolve_direction(c, col, d);
        }
        for (std::size_t c = 0; c < t_->columns().size(); ++c) {
            const table_column& col = t_->columns()[c];
            if (col.role == table_role::variance_pct) resolve_basis(c, col, d);
        }
    }

    void resolve_direction(std::size_t c, const table_column& col, const table_declaration& d) {
        const variance_direction declared = col.direction ? *col.direction : d.direction;
        directions_[c] = declared == variance_direction::infer
                             ? variance_direction::spend_minus_budget
                             : declared;
        const auto spend = spend_of(col.block);
        const auto budget = column(table_role::budget, col.block);
        if (!spend || !budget) return;
        std::size_t errors[2] = {0, 0}, rounding[2] = {0, 0};
        for (std::size_t r = 0; r < t_->rows().size(); ++r) {
            const auto v = ids_[r][c], a = ids_[r][*spend], b = ids_[r][*budget];
            if (!v || !a || !b) continue;
            for (int k = 0; k < 2; ++k) {
                const auto j = difference_verdict(*v, *a, *b, k == 0 ? 1 : -1);
                if (j == verdict::error) ++errors[k];
                if (j == verdict::rounding) ++rounding[k];
            }
        }
        const auto index = [](variance_direction x) {
            return x == variance_direction::spend_minus_budget ? 0 : 1;
        };
        const auto other = [](variance_direction x) {
            return x == variance_direction::spend_minus_budget
                       ? variance_direction::budget_minus_spend
                       : variance_direction::spend_minus_budget;
        };
        const std::string spend_word =
            t_->columns()[*spend].role == table_role::forecast ? "forecast" : "actual";
        auto says = [&](variance_direction x) {
            return x == variance_direction::spend_minus_budget ? spend_word + " - budget"
                                                               : "budget - " + spend_word;
        };
        auto counts = [&](variance_direction x) {
            return std::to_string(errors[index(x)]) + " rows fit no value of " + says(x);
        };
        if (declared == variance_direction::infer) {
            const variance_direction a = variance_direction::spend_minus_budget;
            const variance_direction b = variance_direction::budget_minus_spend;
            const bool take_b =
                errors[1] < errors[0] || (errors[1] == errors[0] && rounding[1] < rounding[0]);
            directions_[c] = take_b ? b : a;
            read_as_.push_back(col.heading + ": variance = " + says(directions_[c]) +
                               " (inferred: " + counts(a) + ", " + counts(b) + ")");
            return;
        }
        const variance_direction o = other(declared);
        if (errors[index(o)] == 0 && errors[index(declared)] >= 2) {
            directions_[c] = o;
            finding f;
            f.where = cell_ref{t_->section(), std::string(), col.heading, std::nullopt,
                               t_->declared_at(col.direction ? col.source : d.direction_at)};
            f.rule = "variance direction";
            f.printed = says(declared);
            f.expected = says(o);
            f.verdict = verdict::sign_convention;
            f.explanation = "the whole column is printed " + says(o) + ": " + counts(declared) +
                            ", none fit no value of " + says(o) + "; declare `direction " +
                            std::string(to_string(o)) + "` (for the table, or on this column) " +
                            "to read it so. Audited as " + says(o) + ".";
            conventions_.add(std::move(f));
            read_as_.push_back(col.heading + ": variance = " + says(o) + " (declared " +
                               says(declared) + "; " + counts(declared) + ")");
        }
    }

    /// Verdict of pct = 100 × n ÷ basis(d) at face value and over the ranges.
    [[nodiscard]] std::optional<verdict> percent_verdict(cell_id p, cell_id n, cell_id d,
                                                         bool magnitude) const {
        const printed_cell &pp = s_.cell(p), &pn = s_.cell(n), &pd = s_.cell(d);
        if (!pp.value || !pn.value || !pd.value || *pd.value == zero) return std::nullopt;
        const ratio b = ratio::from_decimal(*pd.value);
        const ratio k(magnitude && b < zero ? -100 : 100);
        const ratio face = ratio::from_decimal(*pn.value) / b * k;
        if (face.round(pp.value->places(), pp.printed_by) == *pp.value) return verdict::agrees;
        const auto q = pn.range().divided_by(pd.range());
        if (!q) return verdict::rounding;
        return pp.range().meets(q->scaled(k)) ? verdict::rounding : verdict::error;
    }

    void resolve_basis(std::size_t c, const table_column& col, const table_declaration& d) {
        const percent_basis declared = d.basis;
        bases_[c] = declared == percent_basis::signed_budget ? variance_basis::signed_budget
                                                             : variance_basis::magnitude;
        const auto budget = column(table_role::budget, col.block);
        auto numerator = column(table_role::variance, col.block);
        if (!budget || !numerator) return;
        std::size_t misses[2] = {0, 0};  // rows with a negative budget that fit only the other
        bool any_negative = false;
        for (std::size_t r = 0; r < t_->rows().size(); ++r) {
            const auto p = ids_[r][c], n = ids_[r][*numerator], b = ids_[r][*budget];
            if (!p || !n || !b || !s_.cell(*b).value || !(*s_.cell(*b).value < zero)) continue;
            const auto mag = percent_verdict(*p, *n, *b, true);
            const auto sig = percent_verdict(*p, *n, *b, false);
            if (!mag || !sig) continue;
            any_negative = true;
            if (*mag == verdict::error && *sig != verdict::error) ++misses[0];
            if (*sig == verdict::error && *mag != verdict::error) ++misses[1];
        }
        auto name = [](variance_basis b) {
            return b == variance_basis::magnitude ? std::string("variance / |budget|")
                                                  : std::string("variance / budget");
        };
        if (declared == percent_basis::infer) {
            if (!any_negative) return;
            bases_[c] =
                misses[1] < misses[0] ? variance_basis::signed_budget : variance_basis::magnitude;
            read_as_.push_back(col.heading + ": % = " + name(bases_[c]) +
                               " (inferred: " + std::to_string(misses[0]) +
                               " rows with a negative budget fit " + "only the signed budget, " +
                               std::to_string(misses[1]) + " only its magnitude)");
            return;
        }
        const std::size_t mine = declared == percent_basis::magnitude ? 0 : 1;
        if (misses[mine] >= 2 && misses[1 - mine] == 0) {
            const variance_basis o =
                mine == 0 ? variance_basis::signed_budget : variance_basis::magnitude;
            bases_[c] = o;
            finding f;
            f.where = cell_ref{t_->section(), std::string(), col.heading, std::nullopt,
                               t_->declared_at(d.basis_at)};
            f.rule = "variance % basis";
            f.printed = name(mine == 0 ? variance_basis::magnitude : variance_basis::signed_budget);
            f.expected = name(o);
            f.verdict = verdict::sign_convention;
            f.explanation =
                "the whole column divides by the " +
                std::string(o == variance_basis::signed_budget ? "signed budget"
                                                               : "budget's magnitude") +
                ": " + std::to_string(misses[mine]) +
                " rows with a negative budget fit only it, none only the declared "
                "basis; declare `basis " +
                std::string(o == variance_basis::signed_budget ? "signed" : "magnitude") +
                "` to read it so. Audited so.";
            conventions_.add(std::move(f));
            read_as_.push_back(col.heading + ": % = " + name(o) + " (declared otherwise)");
        }
    }

    // -- per-row relations ---------------------------------------------------------------------
    void row_relations(std::size_t r, const std::string& b) {
        const auto budget = column(table_role::budget, b);
        const auto forecast = column(table_role::forecast, b);
        const auto actual = column(table_role::actual, b);
        const auto variance = column(table_role::variance, b);
        const auto spend = forecast ? forecast : actual;
        if (variance && budget && spend) {
            const variance_direction dir = directions_[*variance];
            const std::string sw = forecast ? "forecast" : "actual";
            const std::string v = qualified(table_role::variance, b);
            if (dir == variance_direction::spend_minus_budget) {
                difference(v + " = " + sw + " - budget", r, *variance, *spend, *budget);
            } else {
                difference(v + " = budget - " + sw, r, *variance, *budget, *spend);
            }
        }
        if (const auto pct = column(table_role::variance_pct, b)) {
            if (variance && budget) {
                const variance_basis basis = bases_[*pct];
                percent_of(qualified(table_role::variance_pct, b) + " = 100 x variance / " +
                               (basis == variance_basis::magnitude ? "|budget|" : "budget"),
                           r, *pct, *variance, *budget, basis);
            }
        }
        if (const auto pct = column(table_role::pct_spent, b)) {
            if (actual && budget) {
                percent_of(qualified(table_role::pct_spent, b) + " = 100 x actual / budget", r,
                           *pct, *actual, *budget, variance_basis::signed_budget);
            }
        }
        const auto previous_forecast = column(table_role::previous_forecast, b);
        if (const auto m = column(table_role::movement, b)) {
            if (forecast && previous_forecast) {
                difference(qualified(table_role::movement, b) + " = forecast - previous_forecast",
                           r, *m, *forecast, *previous_forecast);
            }
        }
        const auto previous_variance = column(table_role::previous_variance, b);
        if (const auto ch = column(table_role::change, b)) {
            if (variance && previous_variance) {
                difference(qualified(table_role::change, b) + " = variance - previous_variance", r,
                           *ch, *variance, *previous_variance);
            }
        }
        if (const auto rem = column(table_role::remaining, b)) {
            if (budget && actual) {
                difference(qualified(table_role::remaining, b) + " = budget - actual", r, *rem,
                           *budget, *actual);
            }
        }
        if (const auto risk = column(table_role::at_risk, b)) {
            const auto planned = column(table_role::planned, b);
            const auto achieved = column(table_role::achieved, b);
            if (planned && achieved) {
                difference(qualified(table_role::at_risk, b) + " = planned - achieved", r, *risk,
                           *planned, *achieved);
            }
        }
    }

    // -- totals --------------------------------------------------------------------------------
    [[nodiscard]] std::vector<std::size_t> summed_columns(
        const std::vector<std::string>& only) const {
        std::vector<std::size_t> out;
        for (std::size_t c = 0; c < t_->columns().size(); ++c) {
            const table_column& col = t_->columns()[c];
            if (!is_additive(col.role)) continue;
            if (!only.empty() && std::find(only.begin(), only.end(), col.heading) == only.end()) {
                continue;
            }
            out.push_back(c);
        }
        return out;
    }

    void sum_rows(const std::string& rule, std::size_t total,
                  const std::vector<std::pair<std::size_t, int>>& members,
                  const std::vector<std::size_t>& columns) {
        for (std::size_t c : columns) {
            const auto tc = ids_[total][c];
            if (!tc) continue;
            bool any = false;
            std::vector<term> terms{term{ratio(1), *tc}};
            bool complete = true;
            for (const auto& m : members) {
                const auto mc = ids_[m.first][c];
                if (!mc) {
                    complete = false;
                    continue;
                }
                any = any || s_.cell(*mc).value.has_value();
                terms.push_back(term{ratio(-m.second), *mc});
            }
            if (!complete || members.empty()) continue;
            if (!s_.cell(*tc).value) {
                if (any)
                    skipped_.push_back(
                        unchecked_cell{where(total, c), rule, "total cell not printed"});
                continue;
            }
            linear(rule, std::move(terms), ratio(), *tc);
        }
    }

    [[nodiscard]] std::string members_text(
        const std::vector<std::pair<std::size_t, int>>& m) const {
        std::string s;
        auto add = [&](std::size_t i) {
            if (i > 0) {
                s += m[i].second < 0 ? " - " : " + ";
            } else if (m[i].second < 0) {
                s += "-";
            }
            s += t_->rows()[m[i].first].name;
        };
        if (m.size() <= 4) {
            for (std::size_t i = 0; i < m.size(); ++i) add(i);
            return s;
        }
        add(0);
        add(1);
        s += " + ...";
        add(m.size() - 1);
        return s + " (" + std::to_string(m.size()) + " rows)";
    }

    /// The data rows strictly between `from` (exclusive; none: the start) and `to`, that print a
    /// figure, with a nested declared total standing for its members.
    [[nodiscard]] std::vector<std::size_t> rows_between(std::optional<std::size_t> from,
                                                        std::size_t to) const {
        std::vector<std::size_t> out;
        for (std::size_t r = from ? *from + 1 : 0; r < to; ++r) {
            if (!t_->rows()[r].ignored && t_->rows()[r].has_figures()) out.push_back(r);
        }
        std::vector<std::size_t> kept;
        for (std::size_t r : out) {
            bool nested = false;
            for (const auto& g : total_members_) {
                if (g.first == r) continue;
                const bool total_inside = std::find(out.begin(), out.end(), g.first) != out.end();
                if (total_inside &&
                    std::find(g.second.begin(), g.second.end(), r) != g.second.end()) {
                    nested = true;
                }
            }
            if (!nested) kept.push_back(r);
        }
        return kept;
    }

    void totals() {
        const table_declaration& d = t_->declaration();
        // Named and grouped members first, so that positional totals can see nested ones.
        std::vector<std::vector<std::pair<std::size_t, int>>> members(d.totals.size());
        std::vector<std::size_t> rows(d.totals.size());
        for (std::size_t i = 0; i < d.totals.size(); ++i) {
            const table_total& tt = d.totals[i];
            rows[i] = t_->row(tt.total);
            if (tt.by == members_by::named) {
                for (const total_member& m : tt.members)
                    members[i].push_back({t_->row(m.row), m.sign});
            } else if (tt.by == members_by::group) {
                for (std::size_t r = 0; r < t_->rows().size(); ++r) {
                    if (r != rows[i] && !t_->rows()[r].ignored && t_->rows()[r].group == tt.group) {
                        members[i].push_back({r, 1});
                    }
                }
                if (members[i].empty()) {
                    throw table_error(t_->declared_at(tt.source), tt.group, "a total's group",
                                      "no other row carries this group");
                }
            }
            if (tt.by == members_by::named || tt.by == members_by::group) {
                std::vector<std::size_t> plain;
                for (const auto& m : members[i]) plain.push_back(m.first);
                total_members_.push_back({rows[i], plain});
            }
        }
        for (std::size_t i = 0; i < d.totals.size(); ++i) {
            const table_total& tt = d.totals[i];
            if (tt.by != members_by::after && tt.by != members_by::above) continue;
            std::optional<std::size_t> from;
            if (tt.by == members_by::after) {
                from = t_->row(tt.after);
                if (*from >= rows[i]) {
                    throw table_error(t_->declared_at(tt.source), tt.after.text(), "a heading",
                                      "the heading is not above its total");
                }
            } else {
                for (std::size_t k = 0; k < d.totals.size(); ++k) {
                    if (rows[k] < rows[i] && (!from || rows[k] > *from)) from = rows[k];
                }
            }
            for (std::size_t r : rows_between(from, rows[i])) members[i].push_back({r, 1});
            if (members[i].empty()) {
                throw table_error(t_->declared_at(tt.source), tt.total.text(), "a total",
                                  "no row with figures lies between it and the rows above");
            }
            std::vector<std::size_t> plain;
            for (const auto& m : members[i]) plain.push_back(m.first);
            total_members_.push_back({rows[i], plain});
        }
        for (std::size_t i = 0; i < d.totals.size(); ++i) {
            const std::string rule = t_->rows()[rows[i]].name + " = " + members_text(members[i]);
            sum_rows(rule, rows[i], members[i], summed_columns(d.totals[i].columns));
        }
    }

    void levels() {
        bool any = false;
        for (const table_column& c : t_->columns()) any = any || c.role == table_role::level;
        if (!any) return;
        std::vector<std::pair<std::size_t, int>> stack;  // row, level
        const std::vector<std::size_t> columns = summed_columns({});
        for (std::size_t r = 0; r < t_->rows().size(); ++r) {
            const table_row& row = t_->rows()[r];
            if (row.ignored || !row.level || !row.has_figures()) continue;
            const int k = *row.level;
            if (k == 0) {
                stack.push_back({r, 0});
                continue;
            }
            std::size_t first = stack.size();
            while (first > 0 && stack[first - 1].second < k) --first;
            std::vector<std::pair<std::size_t, int>> members;
            for (std::size_t i = first; i < stack.size(); ++i)
                members.push_back({stack[i].first, 1});
            stack.resize(first);
            stack.push_back({r, k});
            if (members.empty()) {
                throw table_error(
                    row.cells.empty() ? t_->declared_at(std::nullopt) : row.cells.front().source,
                    row.label, "a total",
                    "a total of level " + std::to_string(k) + " with no rows to sum");
            }
            sum_rows(row.name + " = " + members_text(members), r, members, columns);
        }
    }

    void nets() {
        for (const table_net& n : t_->declaration().nets) {
            if (n.across_blocks) {
                for (std::size_t c = 0; c < t_->columns().size(); ++c) {
                    const table_column& col = t_->columns()[c];
                    if (col.block != n.net || !is_additive(col.role)) continue;
                    const auto e = column(col.role, n.expenditure);
                    const auto i = column(col.role, n.income);
                    if (!e || !i) continue;
                    const std::string rule = qualified(col.role, n.net) + " = " +
                                             qualified(col.role, n.expenditure) + " + " +
                                             qualified(col.role, n.income);
                    for (std::size_t r = 0; r < t_->rows().size(); ++r) {
                        const auto cn = ids_[r][c], ce = ids_[r][*e], ci = ids_[r][*i];
                        if (!cn || !ce || !ci) continue;
                        linear(rule,
                               {term{ratio(1), *cn}, term{-scale(*e, c), *ce},
                                term{-scale(*i, c), *ci}},
                               ratio(), *cn);
                    }
                }
                continue;
            }
            std::optional<std::size_t> e, i;
            bool found = false;
            for (std::size_t r = 0; r < t_->rows().size(); ++r) {
                const table_row& row = t_->rows()[r];
                if (row.ignored) continue;
                if (row.label == n.expenditure) e = r;
                if (row.label == n.income) i = r;
                if (row.label != n.net) continue;
                found = true;
                if (!e || !i) {
                    throw table_error(t_->declared_at(n.source), row.name, "a net row",
                                      "no \"" + (e ? n.income : n.expenditure) +
                                          "\" row lies between it and the net row above");
                }
                const std::vector<std::pair<std::size_t, int>> members{{*e, 1}, {*i, 1}};
                sum_rows(row.name + " = " + t_->rows()[*e].name + " + " + t_->rows()[*i].name, r,
                         members, summed_columns({}));
                e.reset();
                i.reset();
            }
            if (!found) {
                throw table_error(t_->declared_at(n.source), n.net, "a net row",
                                  "no row of the table has this label");
            }
        }
    }

    // -- summaries -----------------------------------------------------------------------------
    cell_id aggregate(const std::vector<cell_id>& cells, const cell_ref& where) {
        ratio_sum face;
        interval_sum range;
        bool exact = true;
        int places = 0;
        for (cell_id c : cells) {
            const printed_cell& p = s_.cell(c);
            face.add(ratio::from_decimal(*p.value));
            range.add(p.range());
            exact = exact && p.exact;
            places = std::max(places, p.value->places());
        }
        const decimal value = face.total().round(places, mode_);
        printed_cell p = exact ? printed_cell::exact_figure(where, value, mode_)
                               : printed_cell::figure(where, value, mode_);
        if (!exact) p.interval = range.total();
        const cell_id id = s_.add_cell(std::move(p));
        aggregate_.resize(s_.cells().size(), false);
        aggregate_[id.index] = true;
        return id;
    }

    void summaries() {
        for (const table_summary& sm : t_->declaration().summaries) {
            std::vector<std::size_t> parts, rated;
            for (const summary_part& p : sm.parts) {
                parts.push_back(t_->row(p.row));
                if (!p.unrated) rated.push_back(parts.back());
            }
            if (sm.of == shares_of::total && !sm.total) {
                throw table_error(t_->declared_at(sm.source), "shares of total", "a summary",
                                  "its shares are of the total, but no total row is declared");
            }
            // The total's row, looked up once (a plain index with its flag: GCC 12 at -O3 warns
            // falsely on an optional index read in a branch it cannot relate to the check).
            const bool has_total = sm.total.has_value();
            const std::size_t total = has_total ? t_->row(*sm.total) : 0;
            for (const std::string& b : blocks_) {
                const auto count = column(table_role::count, b);
                const auto share = column(table_role::share, b);
                const auto den_col = column(table_role::denominator, b);
                if (count && has_total) {
                    std::vector<std::pair<std::size_t, int>> m;
                    for (std::size_t r : parts) m.push_back({r, 1});
                    sum_rows(t_->rows()[total].name + " = " + members_text(m), total, m, {*count});
                }
                if (!share) continue;
                const std::vector<std::size_t>& in = sm.of == shares_of::rated ? rated : parts;
                if (count) {
                    std::optional<cell_id> den;
                    std::string of;
                    if (sm.of == shares_of::total) {
                        den = ids_[total][*count];  // has_total: checked above
                        of = t_->rows()[total].name;
                    } else if (sm.of == shares_of::row) {
                        const std::size_t r = t_->row(*sm.of_row);
                        den = ids_[r][*count];
                        of = t_->rows()[r].name;
                    } else {
                        std::vector<cell_id> cells;
                        bool printed = true;
                        for (std::size_t r : rated) {
                            const auto c = ids_[r][*count];
                            printed = printed && c && s_.cell(*c).value.has_value();
                            if (c) cells.push_back(*c);
                        }
                        if (printed && !cells.empty()) {
                            den = aggregate(cells, cell_ref{t_->section(), "rated",
                                                            t_->columns()[*count].heading,
                                                            std::nullopt, std::nullopt});
                        }
                        of = "the rated parts (" + std::to_string(rated.size()) + " rows)";
                    }
                    if (den && s_.cell(*den).value) {
                        for (std::size_t r : in) {
                            const auto p = ids_[r][*share], n = ids_[r][*count];
                            if (!p || !n || !s_.cell(*p).value) continue;
                            const std::string rule =
                                qualified(table_role::share, b) + " = 100 x count / " + of;
                            if (den_col && ids_[r][*den_col] && s_.cell(*ids_[r][*den_col]).value) {
                                const cell_id dc = *ids_[r][*den_col];
                                linear(qualified(table_role::denominator, b) + " = count of " + of,
                                       {term{ratio(1), dc}, term{ratio(-1), *den}}, ratio(), dc);
                                percent(rule, *p, *n, dc, variance_basis::signed_budget);
                            } else {
                                percent(rule, *p, *n, *den, variance_basis::signed_budget);
                            }
                        }
                    }
                }
                if (sm.of == shares_of::row || in.empty()) continue;
                std::vector<term> terms;
                bool printed = true;
                for (std::size_t r : in) {
                    const auto p = ids_[r][*share];
                    printed = printed && p && s_.cell(*p).value.has_value();
                    if (p) terms.push_back(term{ratio(1), *p});
                }
                if (!printed) continue;
                linear(qualified(table_role::share, b) + " of " + std::to_string(in.size()) +
                           " parts sum to 100",
                       std::move(terms), ratio(100), *ids_[in.back()][*share]);
            }
        }
    }

    // -- checks --------------------------------------------------------------------------------
    [[nodiscard]] std::size_t check_column(const check_term& term) const {
        if (!term.heading.empty()) return *t_->find_column(term.heading);
        return *column(*term.role, term.block);
    }

    void checks() {
        const table_declaration& d = t_->declaration();
        for (std::size_t k = 0; k < d.checks.size(); ++k) {
            const table_check& ch = d.checks[k];
            for (const check_term& ct : ch.terms) {
                if (!ct.heading.empty() && !t_->find_column(ct.heading)) {
                    throw table_error(t_->declared_at(ch.source), ct.heading, "a check's column",
                                      "the table prints no column with this heading");
                }
                if (ct.heading.empty() && !column(*ct.role, ct.block)) {
                    throw table_error(t_->declared_at(ch.source), std::string(to_string(*ct.role)),
                                      "a check's column",
                                      "the table prints no column of this role");
                }
            }
            bool fixed = true;
            for (const check_term& ct : ch.terms) fixed = fixed && ct.row.has_value();
            std::vector<std::size_t> rows;
            if (fixed) {
                rows.push_back(0);
            } else if (!ch.rows.empty()) {
                for (const row_ref& r : ch.rows) rows.push_back(t_->row(r));
            } else {
                for (std::size_t r = 0; r < t_->rows().size(); ++r) {
                    if (!t_->rows()[r].ignored) rows.push_back(r);
                }
            }
            for (std::size_t r : rows) check_row(ch, k, r);
        }
    }

    void check_row(const table_check& ch, std::size_t k, std::size_t r) {
        std::vector<term> terms;
        const std::size_t first_col = check_column(ch.terms.front());
        for (const check_term& ct : ch.terms) {
            const std::size_t c = check_column(ct);
            const std::size_t row = ct.row ? t_->row(*ct.row) : r;
            const auto id = ids_[row][c];
            if (!id) return;
            terms.push_back(term{ct.coefficient * scale(c, first_col), *id});
        }
        const cell_id derived = terms.front().cell;
        if (ch.op == comparison::about) {
            throw table_error(t_->declared_at(ch.source), std::string(to_string(ch.op)), "a check",
                              "a table's check compares by ==, !=, <, <=, > or >= (~ is for a "
                              "report's round figures in words)");
        }
        if (ch.op != comparison::equal) {
            inequalities_.push_back({k, terms});
            return;
        }
        // Σ terms = constant, in the first column's unit.
        const ratio constant = ch.constant / ratio(pounds_per(t_->columns()[first_col].unit));
        ratio own;
        for (const term& x : terms) {
            if (x.cell == derived) own = own + x.coefficient;
        }
        if (own == zero) {
            throw table_error(t_->declared_at(ch.source), ch.text, "a check",
                              "its first cell cancels out: write the cell it judges first");
        }
        linear(ch.text, std::move(terms), constant, derived);
    }

    // -- today's layout --------------------------------------------------------------------------
    void build_builtin() {
        std::vector<published_row> rows;
        rows.reserve(t_->rows().size());
        std::optional<std::size_t> at[8];
        const table_role roles[8] = {table_role::name,
                                     table_role::level,
                                     table_role::budget,
                                     table_role::forecast,
                                     table_role::variance,
                                     table_role::variance_pct,
                                     table_role::previous_variance,
                                     table_role::change};
        for (std::size_t k = 0; k < 8; ++k) at[k] = column(roles[k], "year");
        for (std::size_t r = 0; r < t_->rows().size(); ++r) {
            const table_row& row = t_->rows()[r];
            published_row p;
            p.name = row.label;
            p.level = row.level ? *row.level : 0;
            p.source_line = row.line;
            auto figure = [&](std::size_t k) -> std::optional<decimal> {
                if (!at[k]) return std::nullopt;
                const table_cell& c = row.cells[*at[k]];
                return c.is_figure() ? c.value : std::nullopt;
            };
            p.budget = figure(2);
            p.forecast = figure(3);
            p.variance = figure(4);
            p.variance_pct = figure(5);
            p.previous_variance = figure(6);
            p.change = figure(7);
            rows.push_back(std::move(p));
        }
        table_audit_options o(mode_);
        o.basis = t_->declaration().basis == percent_basis::signed_budget
                      ? variance_basis::signed_budget
                      : variance_basis::magnitude;
        o.section = t_->section();
        o.file = t_->file();
        s_ = budget_table_relations(rows, o);
    }

    const printed_table* t_;
    bool for_audit_;
    rounding_mode mode_ = rounding_mode::half_up;
    relation_set s_;
    std::vector<std::vector<std::optional<cell_id>>> ids_;
    std::vector<std::string> blocks_;
    std::vector<variance_direction> directions_;
    std::vector<variance_basis> bases_;
    std::vector<special_relation> specials_;
    std::vector<unchecked_cell> skipped_;
    std::vector<std::string> read_as_;
    findings conventions_;
    std::vector<bool> aggregate_;
    std::vector<std::pair<std::size_t, std::vector<std::size_t>>> total_members_;
    std::vector<std::pair<std::size_t, std::vector<term>>> inequalities_;

public:
    /// Returns: the judgement of a special relation (std::nullopt: a cell it needs is blank).
    [[nodiscard]] std::optional<face_judgement> judge_special(const special_relation& sp) const;
    [[nodiscard]] const std::vector<std::pair<std::size_t, std::vector<term>>>& inequalities()
        const noexcept {
        return inequalities_;
    }
};

[[nodiscard]] inline bool is_band_cell(const printed_cell& p) {
    return p.interval.has_value() && !(p.value && *p.value == zero && !p.exact);
}

inline std::optional<face_judgement> declared_builder::judge_special(
    const special_relation& sp) const {
    const relation& rel = sp.rel;
    const printed_cell& d = s_.cell(rel.derived);
    if (!d.value) return std::nullopt;
    face_judgement j;
    bool input_band = false;
    printed_interval range = printed_interval::exactly(ratio());
    if (rel.kind == relation_kind::linear) {
        ratio own;
        ratio_sum face;
        interval_sum others;
        face.add(rel.constant);
        others.add(printed_interval::exactly(rel.constant));
        for (const term& x : rel.terms) {
            if (x.cell == rel.derived) {
                own = own + x.coefficient;
                continue;
            }
            const printed_cell& p = s_.cell(x.cell);
            if (!p.value) return std::nullopt;
            input_band =
                input_band || (p.interval && !aggregate_[x.cell.index] && *p.value != zero);
            face.add(-(x.coefficient * ratio::from_decimal(*p.value)));
            others.add(p.range().scaled(-x.coefficient));
        }
        j.face = face.total() / own;
        range = others.total().scaled(ratio(1) / own);
        j.fits = range;
    } else {
        const printed_cell& n = s_.cell(rel.numerator);
        const printed_cell& den = s_.cell(rel.denominator);
        if (!n.value || !den.value) return std::nullopt;
        input_band = n.interval && !aggregate_[rel.numerator.index] && *n.value != zero;
        const ratio b = ratio::from_decimal(*den.value);
        if (b == zero) {
            j.what = *d.value == zero ? verdict::agrees : verdict::rounding;
            return j;
        }
        const ratio k(rel.basis == variance_basis::magnitude && b < zero ? -100 : 100);
        j.face = ratio::from_decimal(*n.value) / b * k;
        const auto q = n.range().divided_by(den.range());
        if (!q) {
            j.what = verdict::rounding;
            return j;
        }
        range = q->scaled(k);
        j.fits = range;
    }
    const bool feasible = d.range().meets(range);
    bool face_ok = false;
    if (!input_band) {
        if (is_band_cell(d)) {
            face_ok = d.range().contains(j.face);
        } else {
            face_ok = j.face.round(d.value->places(), d.printed_by) == *d.value;
        }
    }
    j.what = !feasible ? verdict::error : face_ok ? verdict::agrees : verdict::rounding;
    return j;
}

inline void declared_builder::judge_words_and_inequalities(findings& out,
                                                           const audit_options& o) const {
    auto add = [&](finding f) {
        if (f.verdict == verdict::agrees || (f.verdict == verdict::rounding && !o.store_rounding)) {
            out.tally(f.verdict);
            return;
        }
        out.add(std::move(f));
    };
    // Sign words.
    for (std::size_t c = 0; c < t_->columns().size(); ++c) {
        const table_column& col = t_->columns()[c];
        if (col.role != table_role::sign) continue;
        const std::size_t fc = *t_->find_column(col.sign_of);
        for (std::size_t r = 0; r < t_->rows().size(); ++r) {
            if (t_->rows()[r].ignored) continue;
            const table_cell& word = t_->cell(r, c);
            const auto id = ids_[r][fc];
            if (word.kind == cell_kind::blank || !id || !s_.cell(*id).value) continue;
            const std::string w(trim(word.text));
            const printed_cell& v = s_.cell(*id);
            std::optional<printed_interval> want;
            const ratio big = ratio(1) + (v.range().hi > zero ? v.range().hi : -v.range().lo);
            if (w == col.positive) {
                want = printed_interval{ratio(), big, false, true};
            } else if (w == col.negative) {
                want = printed_interval{-big, ratio(), true, false};
            } else if (!col.zero_word.empty() && w == col.zero_word) {
                want = printed_interval::exactly(ratio());
            } else {
                throw table_error(
                    word.source, word.text, "a sign word",
                    "the column's words are \"" + col.positive + "\" and \"" + col.negative + "\"" +
                        (col.zero_word.empty() ? "" : " and \"" + col.zero_word + "\""));
            }
            const int sign = v.value->units() > 0 ? 1 : v.value->units() < 0 ? -1 : 0;
            const std::string& face_word = sign > 0   ? col.positive
                                           : sign < 0 ? col.negative
                                                      : col.zero_word;
            finding f;
            f.where = where(r, c);
            f.rule = col.heading + " names the sign of " + col.sign_of;
            f.printed = w;
            f.fits = v.range();
            f.expected = face_word;
            const bool feasible = v.range().meets(*want);
            f.verdict = !feasible        ? verdict::error
                        : face_word == w ? verdict::agrees
                                         : verdict::rounding;
            add(std::move(f));
        }
    }
    // Inequalities: Σ terms op constant.
    for (const auto& q : inequalities_) {
        const table_check& ch = t_->declaration().checks[q.first];
        ratio_sum face;
        interval_sum range;
        bool printed = true;
        const std::size_t first_col = check_column(ch.terms.front());
        for (const term& x : q.second) {
            const printed_cell& p = s_.cell(x.cell);
            if (!p.value) {
                printed = false;
                break;
            }
            face.add(x.coefficient * ratio::from_decimal(*p.value));
            range.add(p.range().scaled(x.coefficient));
        }
        if (!printed) continue;
        const ratio constant = ch.constant / ratio(pounds_per(t_->columns()[first_col].unit));
        const ratio v = face.total() - constant;
        const printed_interval iv = range.total() - printed_interval::exactly(constant);
        auto holds = [&](const ratio& x) {
            switch (ch.op) {
                case comparison::less_equal:
                    return x <= zero;
                case comparison::less:
                    return x < zero;
                case comparison::greater_equal:
                    return x >= zero;
                case comparison::greater:
                    return x > zero;
                case comparison::equal:
                    return x == zero;
                case comparison::not_equal:
                    return x != zero;
                case comparison::about:  // refused in check_row
                    break;
            }
            return false;
        };
        bool feasible = false;
        switch (ch.op) {
            case comparison::less_equal:
                feasible = iv.lo < zero || (iv.lo == zero && iv.lo_closed);
                break;
            case comparison::less:
                feasible = iv.lo < zero;
                break;
            case comparison::greater_equal:
                feasible = iv.hi > zero || (iv.hi == zero && iv.hi_closed);
                break;
            case comparison::greater:
                feasible = iv.hi > zero;
                break;
            case comparison::equal:
                feasible = iv.contains(ratio());
                break;
            case comparison::not_equal:  // fails only when the sides are exactly equal
                feasible = !(iv.lo == zero && iv.hi == zero);
                break;
            case comparison::about:  // refused in check_row
                break;
        }
        const printed_cell& d = s_.cell(q.second.front().cell);
        finding f;
        f.where = d.where;
        f.rule = ch.text;
        f.printed = d.shown();
        f.fits = iv;
        f.expected = holds(v) ? d.shown() : std::string();
        f.verdict = !feasible ? verdict::error : holds(v) ? verdict::agrees : verdict::rounding;
        f.explanation = "an inequality: " + ch.text;
        add(std::move(f));
    }
}

}  // namespace detail

inline relation_set relations_of(const printed_table& table) {
    detail::declared_builder b(table, false);
    b.build();
    return std::move(b.set());
}

inline declared_audit audit_declared(const printed_table& table, const audit_options& options) {
    detail::declared_builder b(table, true);
    b.build();
    declared_audit out;
    out.found = b.conventions();
    out.found.append(audit(b.set(), options));
    for (const detail::special_relation& sp : b.specials()) {
        const std::optional<detail::face_judgement> j = b.judge_special(sp);
        if (!j) continue;
        if (j->what == verdict::agrees ||
            (j->what == verdict::rounding && !options.store_rounding)) {
            out.found.tally(j->what);
            continue;
        }
        const printed_cell& c = b.set().cell(sp.rel.derived);
        finding f;
        f.where = c.where;
        f.rule = sp.rel.rule;
        f.printed = c.shown();
        f.fits = j->fits;
        f.expected = to_string(j->face.round(c.value->places(), c.printed_by));
        f.verdict = j->what;
        out.found.add(std::move(f));
    }
    b.judge_words_and_inequalities(out.found, options);
    out.not_checked = std::move(b.skipped());
    out.read_as = std::move(b.read_as());
    return out;
}

inline findings audit(const printed_table& table, const audit_options& options) {
    return audit_declared(table, options).found;
}

}  // namespace bmm
