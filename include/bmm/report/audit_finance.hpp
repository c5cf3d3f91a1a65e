// bmm — report/audit_finance: finance tables, balances and strategic risks against their own
// relations (part of bmm/report/audit.hpp).
//
//   table        rule                             the printed cell must be
//   finance      variance = forecast - budget     (a row printing all three)
//                variance % = variance / |budget| × 100; holding only of the signed budget
//                                                 (an income line's favourable variance printed
//                                                 positive) is sign_convention; a budget whose
//                                                 interval reaches 0 has no % (undecided)
//                change = variance - previous variance
//                the same table printed twice     each cell as the table it reprints (same_as)
//   finance, declared by a .decl                  every relation of its table declaration, as
//                                                 bmm-audit --declare audits it (agreeing cells
//                                                 counted, not stored)
//   balances     closing = opening + in - out     (kind opening, in, out, closing; level: the
//                                                 closing balance at least the level)
//   risks        a score is likelihood × impact   on a 5 × 5 scale (and their product where
//                                                 printed)
//                residual ≤ inherent score
//                band of the residual score       high ▲, medium ●, low ★ (or the words)
//                direction = previous → residual  ⬆ increased, ➡ or ↔ maintained, ⬇ decreased
// Totals and relations between tables are checks (bmm/report/check.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../audit/declared_table.hpp"
#include "../risk.hpp"
#include "audit_context.hpp"
#include "audit_performance.hpp"
#include "declared_section.hpp"

namespace bmm::detail {

/// Returns: {|x| : x in i}.
[[nodiscard]] inline printed_interval abs_of(const printed_interval& i) {
    if (i.lo >= zero) return i;
    if (i.hi <= zero) return -i;
    const ratio m = max_r(-i.lo, i.hi);
    bool closed = false;
    if (-i.lo == m) closed = closed || i.lo_closed;
    if (i.hi == m) closed = closed || i.hi_closed;
    return {ratio(), m, true, closed};
}

class finance_audit {
public:
    explicit finance_audit(audit_context& cx) : cx_(cx) {}

    void run() {
        for (const printed_section* s : cx_.data().sections_of(section_kind::finance)) {
            if (s->table_declaration.empty()) {
                table(*s);
            } else {
                declared(*s);
            }
        }
        for (const printed_section& s : cx_.data().sections) {
            if (!s.same_as.empty()) reprint(s);
        }
        for (const printed_section* s : cx_.data().sections_of(section_kind::balances))
            balances(*s);
        for (const printed_section* s : cx_.data().sections_of(section_kind::risks)) risks(*s);
    }

private:
    /// A finance table declared by a table declaration file: audited as bmm-audit --declare
    /// audits it (audit/declared_table.hpp); its agreeing cells are counted.
    void declared(const printed_section& s) {
        const table_declaration_file* d = cx_.data().find_table_declaration(s.table_declaration);
        if (!d) {
            throw report_error(s.source.value_or(source_position{s.file, 1, std::nullopt}),
                               "the table declaration \"" + s.table_declaration + "\" of " +
                                   s.file + " is not in the report");
        }
        declared_audit a;
        try {
            a = audit_declared(read_declared_section(s, d->declaration), audit_options{});
        } catch (const table_error& e) {
            throw report_error(e.where(), e.reason(), e.input());
        }
        std::size_t stored_agreeing = 0;
        for (const finding& f : a.found) {
            if (f.verdict == verdict::agrees) ++stored_agreeing;
            cx_.add(f);
        }
        cx_.tally_agreeing(a.found.count(verdict::agrees) - stored_agreeing);
    }

    struct fig {
        cell_view cell;
        cell_figure f;
        [[nodiscard]] bool ok() const { return f.figure.has_value(); }
    };
    [[nodiscard]] fig get(const printed_section& s, const section_declaration& d, std::size_t i,
                          column_role r) const {
        fig x;
        x.cell = view_of(s, d, i, r);
        x.f = cx_.figure(x.cell);
        return x;
    }
    [[nodiscard]] quantity q(const fig& x) const {
        return cx_.of(*x.f.figure, x.f.exact, x.cell.where);
    }

    void table(const printed_section& s) {
        const section_declaration& d = cx_.data().declaration_of(s);
        for (std::size_t i = 0; i < s.rows.size(); ++i) {
            const fig b = get(s, d, i, column_role::budget),
                      f = get(s, d, i, column_role::forecast),
                      v = get(s, d, i, column_role::variance),
                      p = get(s, d, i, column_role::variance_pct),
                      pv = get(s, d, i, column_role::previous_variance),
                      c = get(s, d, i, column_role::change);
            // Printed figures that are not figures.
            for (const fig* x : {&b, &f, &v, &p, &pv, &c}) {
                if (x->cell.printed() && !x->ok() && !data_word(x->cell.text)) {
                    cx_.undecided(x->cell.where, x->cell.text, "a printed figure parses",
                                  "not a figure: " + x->f.problem);
                }
            }
            if (b.ok() && f.ok() && v.ok()) {
                cx_.derived(v.cell.where, v.cell.text, *v.f.figure, v.f.exact, q(f) - q(b),
                            "variance = forecast - budget");
            }
            if (b.ok() && v.ok() && p.ok()) variance_pct(b, v, p);
            if (v.ok() && pv.ok() && c.ok()) {
                cx_.derived(c.cell.where, c.cell.text, *c.f.figure, c.f.exact, q(v) - q(pv),
                            "change = variance - previous variance");
            }
        }
    }

    void variance_pct(const fig& b, const fig& v, const fig& p) {
        const quantity bq = q(b), vq = q(v);
        const std::string note = p.f.missing_percent_sign ? "printed without a % sign" : "";
        if (bq.range.reaches(ratio()) || bq.exact == zero) {
            cx_.undecided(p.cell.where, p.cell.text, "variance % = variance / budget",
                          "a budget of " + b.cell.text +
                              " has no variance % of its own (division by zero); the printed " +
                              p.cell.text + " is a convention");
            return;
        }
        printed_figure pf = *p.f.figure;
        pf.percent = true;
        quantity by_abs = vq;
        by_abs.exact = vq.exact * ratio(100) / (bq.exact < zero ? -bq.exact : bq.exact);
        {
            auto r = vq.range.scaled(ratio(100)).divided_by(abs_of(bq.range));
            if (r) by_abs.range = *r;
        }
        by_abs.inputs = {v.cell.where, b.cell.where};
        const verdict va = cx_.judge(pf, false, by_abs);
        if (bq.exact > zero || va != verdict::error) {
            cx_.derived(p.cell.where, p.cell.text, pf, false, by_abs,
                        "variance % = variance / |budget|", note);
            return;
        }
        quantity signed_q = by_abs;
        signed_q.exact = vq.exact * ratio(100) / bq.exact;
        if (auto r = vq.range.scaled(ratio(100)).divided_by(bq.range)) signed_q.range = *r;
        if (cx_.judge(pf, false, signed_q) != verdict::error) {
            finding fd;
            fd.where = p.cell.where;
            fd.printed = p.cell.text;
            fd.rule = "variance % = variance / |budget|";
            fd.expected = cx_.print(by_abs.exact, pf.number.places()) + "%";
            fd.fits = by_abs.range;
            fd.verdict = verdict::sign_convention;
            fd.explanation = "the printed figure is variance / signed budget (" +
                             cx_.print(signed_q.exact, pf.number.places()) +
                             "): on an income line a favourable variance prints positive" +
                             (note.empty() ? "" : "; " + note);
            cx_.add(std::move(fd));
            return;
        }
        cx_.derived(p.cell.where, p.cell.text, pf, false, by_abs,
                    "variance % = variance / |budget|",
                    "not under either sign convention" + (note.empty() ? "" : "; " + note));
    }

    void reprint(const printed_section& s) {
        const printed_section* o = cx_.data().find_section(s.same_as);
        if (!o) {
            throw report_error(
                s.source.value_or(source_position{s.file, 1, {}}),
                "same_as names \"" + s.same_as + "\", which tables.csv does not list");
        }
        const section_declaration& d = cx_.data().declaration_of(s);
        const std::size_t rows = s.rows.size() < o->rows.size() ? s.rows.size() : o->rows.size();
        for (std::size_t i = 0; i < rows; ++i) {
            for (std::size_t c = 0; c < d.columns.size(); ++c) {
                const column_role role = d.columns[c].role;
                if (role == column_role::label || role == column_role::ignore ||
                    role == column_role::note) {
                    continue;
                }
                const cell_view v = view_of(s, d, i, c);
                if (c >= o->rows[i].cells.size()) continue;
                const std::string& other = o->rows[i].cells[c].text;
                cx_.fact(v.text == other, v.where, v.text,
                         "the same table printed twice (" + s.same_as + ") prints the same cell",
                         other);
            }
        }
        if (s.rows.size() != o->rows.size()) {
            cell_ref w;
            w.section = s.file;
            w.row = "(rows)";
            cx_.fact(false, w, std::to_string(s.rows.size()) + " rows",
                     "the same table printed twice has the same rows",
                     std::to_string(o->rows.size()) + " rows");
        }
    }

    void balances(const printed_section& s) {
        const section_declaration& d = cx_.data().declaration_of(s);
        std::optional<quantity> opening, flows, level;
        std::vector<std::size_t> closings;
        quantity sum = quantity::of(ratio());
        bool have_open = false;
        for (std::size_t i = 0; i < s.rows.size(); ++i) {
            const std::string kind(view_of(s, d, i, column_role::kind).trimmed());
            const fig a = get(s, d, i, column_role::amount);
            if (!a.ok()) {
                cx_.undecided(where_of(s, d, i), a.cell.text, "a printed figure parses",
                              "not a figure: " + a.f.problem);
                return;
            }
            quantity x = cx_.of(*a.f.figure, a.f.exact, where_of(s, d, i));
            if (kind == "opening") {
                if (have_open) {
                    throw report_error(*a.cell.where.source,
                                       "a second opening balance (each balances table holds one "
                                       "roll-forward: opening, in, out, closing)");
                }
                have_open = true;
                sum = x;
            } else if (kind == "in") {
                sum = sum + x;
            } else if (kind == "out") {
                sum = sum - x;
            } else if (kind == "closing") {
                if (!have_open) {
                    throw report_error(*a.cell.where.source,
                                       "a closing balance before its opening balance");
                }
                cx_.derived(where_of(s, d, i), a.cell.text, *a.f.figure, a.f.exact, sum,
                            "closing = opening + in - out (" + s.file + ")");
                sum = x;  // a later use rolls on from the printed closing
            } else if (kind == "level") {
                finding f;
                f.where = where_of(s, d, i);
                f.printed = a.cell.text;
                f.rule = "the balance is at least the level";
                f.expected = cx_.print(sum.exact, a.f.figure->number.places());
                const bool ok = sum.exact >= x.exact;
                f.verdict = ok ? verdict::agrees
                               : (sum.range.hi >= x.range.lo ? verdict::rounding : verdict::error);
                cx_.add(std::move(f));
            } else {
                throw report_error(
                    view_of(s, d, i, column_role::kind)
                        .where.source.value_or(source_position{s.file, 1, {}}),
                    "the kind \"" + kind + "\" is not one of opening, in, out, closing, level");
            }
        }
    }

    /// Where a balances row's figure is printed: its claim's figure when it names one.
    [[nodiscard]] cell_ref where_of(const printed_section& s, const section_declaration& d,
                                    std::size_t i) const {
        const cell_view a = view_of(s, d, i, column_role::amount);
        const cell_view c = view_of(s, d, i, column_role::claim);
        if (!c.printed()) return a.where;
        cell_ref w;
        w.section = "claims.csv";
        w.row = std::string(c.trimmed());
        w.column = s.label_of(i, d);
        w.source = a.where.source;
        return w;
    }

    void risks(const printed_section& s) {
        const section_declaration& d = cx_.data().declaration_of(s);
        for (std::size_t i = 0; i < s.rows.size(); ++i) {
            const fig inh = get(s, d, i, column_role::inherent),
                      prev = get(s, d, i, column_role::previous_residual),
                      res = get(s, d, i, column_role::residual),
                      lik = get(s, d, i, column_role::likelihood),
                      imp = get(s, d, i, column_role::impact);
            auto score = [&](const fig& x) -> std::optional<unsigned> {
                if (!x.ok()) return std::nullopt;
                const ratio v = x.f.figure->value();
                if (v.denominator() != 1 || v.numerator() < 1 || v.numerator() > 25) {
                    return std::nullopt;
                }
                return static_cast<unsigned>(v.numerator());
            };
            bool scores_ok = true;
            for (const fig* x : {&inh, &prev, &res}) {
                if (!x->cell.printed()) continue;
                const auto sc = score(*x);
                bool product = false;
                for (unsigned a = 1; a <= 5 && sc; ++a) {
                    product = product || (*sc % a == 0 && *sc / a <= 5);
                }
                cx_.fact(product, x->cell.where, x->cell.text,
                         "a score is likelihood × impact on a 5 × 5 scale");
                scores_ok = scores_ok && product;
            }
            const auto r = score(res), p = score(prev), n = score(inh);
            if (lik.ok() && imp.ok() && r) {
                cx_.fact(lik.f.figure->value() * imp.f.figure->value() == ratio(*r), res.cell.where,
                         res.cell.text, "score = likelihood × impact",
                         to_string(lik.f.figure->value() * imp.f.figure->value()));
            }
            if (!scores_ok || !r) continue;
            if (n) cx_.fact(*r <= *n, res.cell.where, res.cell.text, "residual <= inherent score");
            const cell_view band = view_of(s, d, i, column_role::rating);
            if (band.printed()) {
                const risk_level lv = cx_.options().bands.level(*r);
                const std::string_view sym =
                    lv == risk_level::high
                        ? "\xE2\x96\xB2"
                        : (lv == risk_level::medium ? "\xE2\x97\x8F" : "\xE2\x98\x85");
                const std::string_view word =
                    lv == risk_level::high ? "High" : (lv == risk_level::medium ? "Medium" : "Low");
                const bool ok = band.trimmed() == sym || iequals(band.trimmed(), word);
                cx_.fact(ok, band.where, band.text,
                         "band: high >= 16 \xE2\x96\xB2, medium 10-15 \xE2\x97\x8F, low 1-9 "
                         "\xE2\x98\x85",
                         std::string(sym));
            }
            const cell_view tr = view_of(s, d, i, column_role::travel);
            if (tr.printed() && p) {
                const risk_travel want = travel(*p, *r);
                std::optional<risk_travel> got;
                try {
                    got = parse_risk_travel(tr.text);
                } catch (const parse_error&) {
                }
                if (!got) {
                    cx_.undecided(tr.where, tr.text, "a direction of travel is an arrow",
                                  "not an arrow bmm reads");
                } else {
                    cx_.fact(*got == want, tr.where, tr.text,
                             "direction = previous -> current residual score",
                             std::string(to_symbol(want)) + " (" + std::to_string(*p) +
                                 " \xE2\x86\x92 " + std::to_string(*r) + ")");
                }
            }
        }
    }

    audit_context& cx_;
};

}  // namespace bmm::detail
