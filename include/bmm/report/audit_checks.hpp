// bmm — report/audit_checks: the structured checks of a report (bmm/report/check.hpp) evaluated
// against its tables (part of bmm/report/audit.hpp).
//
// Each check's printed figure (its table cell, or the figure it gives for a claim) is judged
// against its expression: `=` as a derived figure (agrees, rounding, error); a comparison holds
// for the printed values (agrees), for some values inside their intervals (rounding), or for none
// (error); a count of statuses as the summaries judge one (follows when it is the count of the
// statuses as printed, undecided while a status is not settled). A figure written in words
// ("four", "all six") is an exact count. A mismatch declared undecided (another report's figure)
// is undecided instead of an error. A reference to a table, row or column the report does not
// hold is a report_error at the expression's place in checks.csv.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit_context.hpp"
#include "audit_performance.hpp"
#include "audit_summaries.hpp"
#include "check.hpp"

namespace bmm::detail {

/// Returns: the count a number word names ("four", "Six", "all six", "twelve"), or nullopt.
[[nodiscard]] inline std::optional<int> number_word(std::string_view t) {
    t = trim(t);
    if (istarts_with(t, "all ")) t = trim(t.substr(4));
    static constexpr std::string_view words[] = {
        "zero",     "one",     "two",     "three",     "four",     "five",     "six",
        "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    for (std::size_t i = 0; i < 21; ++i) {
        if (iequals(t, words[i])) return static_cast<int>(i);
    }
    return std::nullopt;
}

class check_audit {
public:
    check_audit(audit_context& cx, summary_audit& sum) : cx_(cx), sum_(sum) {}

    void run() {
        for (const report_check& c : cx_.data().checks) one(c);
    }

private:
    struct target_cell {
        cell_ref where;
        std::string printed;
        const column_declaration* column = nullptr;
    };

    [[noreturn]] void fail(const report_check& c, std::size_t offset,
                           const std::string& why) const {
        throw report_error(c.expression_at(offset).value_or(source_position{"checks.csv", 1, {}}),
                           "check " + c.id + ": " + why, c.expression_text);
    }
    [[noreturn]] void fail_field(const report_check& c, std::size_t field,
                                 const std::string& why) const {
        std::optional<source_position> p =
            field < c.sources.size() ? c.sources[field] : std::nullopt;
        throw report_error(p.value_or(source_position{"checks.csv", 1, {}}),
                           "check " + c.id + ": " + why);
    }

    [[nodiscard]] const printed_section* section(const report_check& c, const std::string& file,
                                                 std::size_t offset) const {
        const printed_section* s = cx_.data().find_section(file);
        if (!s) fail(c, offset, "no table \"" + file + "\" (tables.csv lists none)");
        return s;
    }
    [[nodiscard]] std::size_t row_of(const report_check& c, const printed_section& s,
                                     const std::string& label, std::size_t offset) const {
        const section_declaration& d = cx_.data().declaration_of(s);
        std::optional<std::size_t> found;
        for (std::size_t i = 0; i < s.rows.size(); ++i) {
            if (s.label_of(i, d) == label) {
                if (found) fail(c, offset, "the row \"" + label + "\" is in " + s.file + " twice");
                found = i;
            }
        }
        if (!found) fail(c, offset, "no row \"" + label + "\" in " + s.file);
        return *found;
    }
    [[nodiscard]] std::size_t column_of(const report_check& c, const printed_section& s,
                                        const std::string& heading, std::size_t offset) const {
        std::optional<std::size_t> found;
        for (std::size_t i = 0; i < s.headings.size(); ++i) {
            if (s.headings[i].text == heading ||
                s.column_name(i, cx_.data().declaration_of(s)) == heading) {
                if (found)
                    fail(c, offset, "the column \"" + heading + "\" is in " + s.file + " twice");
                found = i;
            }
        }
        if (!found) fail(c, offset, "no column \"" + heading + "\" in " + s.file);
        return *found;
    }

    [[nodiscard]] bool names_cell(const printed_section& s, const std::string& row,
                                  const std::string& column) const {
        const section_declaration& d = cx_.data().declaration_of(s);
        bool r = false, col = false;
        for (std::size_t i = 0; i < s.rows.size(); ++i) r = r || s.label_of(i, d) == row;
        for (const section_cell& h : s.headings) col = col || h.text == column;
        return r && col;
    }

    [[nodiscard]] quantity cell_value(const report_check& c, const printed_section& s,
                                      std::size_t r, std::size_t col, std::size_t offset) const {
        const section_declaration& d = cx_.data().declaration_of(s);
        const cell_view v = view_of(s, d, r, col);
        const cell_figure f = cx_.figure(v);
        if (!f.figure) {
            if (!v.printed()) return quantity::not_known(cell_text(v) + " is not printed");
            if (auto n = number_word(v.text)) {
                quantity q = quantity::of(ratio(*n));
                q.inputs.push_back(v.where);
                return q;
            }
            return quantity::not_known(cell_text(v) + " is not a figure (\"" + v.text + "\")");
        }
        (void)c;
        (void)offset;
        return cx_.of(*f.figure, f.exact, v.where);
    }
    [[nodiscard]] static std::string cell_text(const cell_view& v) {
        return v.where.section + " " + v.where.row + " / " + v.where.column;
    }

    struct context {
        const report_check* check;
        const printed_section* section;  ///< the checked cell's table (nullptr for a claim)
        std::size_t row = 0, column = 0;
    };

    quantity eval(const context& k, const check_node& n) {
        const report_check& c = *k.check;
        switch (n.what) {
            case check_node::kind::literal: {
                if (auto w = number_word(n.text)) return quantity::of(ratio(*w));
                figure_reading fr = read_printed_figure(n.text);
                if (!fr.figure)
                    fail(c, n.offset, "\"" + n.text + "\" is not a figure: " + fr.problem);
                return cx_.of(*fr.figure, false);
            }
            case check_node::kind::cell: {
                const printed_section* s =
                    n.file.empty() ? k.section : section(c, n.file, n.offset);
                if (!s) fail(c, n.offset, "a cell without a table: name it [FILE|ROW|COLUMN]");
                std::size_t r = k.row, col = k.column;
                if (n.row != "{this row}") {
                    r = row_of(c, *s, n.row, n.offset);
                } else if (s != k.section) {
                    fail(c, n.offset, "{COLUMN} is a cell of the checked row");
                }
                if (!n.column.empty()) {
                    col = column_of(c, *s, n.column, n.offset);
                } else if (s != k.section) {
                    fail(c, n.offset,
                         "a cell of another table names its column: [FILE|ROW|COLUMN]");
                }
                return cell_value(c, *s, r, col, n.offset);
            }
            case check_node::kind::range: {
                const printed_section* s =
                    n.file.empty() ? k.section : section(c, n.file, n.offset);
                if (!s) fail(c, n.offset, "a range without a table");
                const std::size_t a = row_of(c, *s, n.row, n.offset);
                const std::size_t b = row_of(c, *s, n.row_to, n.offset);
                if (b < a) fail(c, n.offset, "a range's last row is printed before its first");
                const std::size_t col =
                    n.column.empty() ? k.column : column_of(c, *s, n.column, n.offset);
                quantity q = quantity::of(ratio());
                for (std::size_t i = a; i <= b; ++i) {
                    const section_declaration& d = cx_.data().declaration_of(*s);
                    if (!view_of(*s, d, i, col).printed()) continue;  // a heading row
                    q = q + cell_value(c, *s, i, col, n.offset);
                }
                return q;
            }
            case check_node::kind::negate:
                return -eval(k, n.args[0]);
            case check_node::kind::add:
                return eval(k, n.args[0]) + eval(k, n.args[1]);
            case check_node::kind::subtract:
                return eval(k, n.args[0]) - eval(k, n.args[1]);
            case check_node::kind::multiply:
                return eval(k, n.args[0]) * eval(k, n.args[1]);
            case check_node::kind::divide:
                return eval(k, n.args[0]) / eval(k, n.args[1]);
            case check_node::kind::call:
                return call(k, n);
        }
        return quantity::not_known("an expression bmm cannot evaluate");
    }

    quantity call(const context& k, const check_node& n) {
        const std::string& f = n.text;
        if (f == "count") return count(k, n);
        std::vector<quantity> a;
        for (const check_node& x : n.args) a.push_back(eval(k, x));
        if (f == "sum") {
            quantity q = quantity::of(ratio());
            for (const quantity& x : a) q = q + x;
            return q;
        }
        if (f == "abs") {
            quantity q = a[0];
            if (q.unknown) return q;
            if (q.exact < zero) q.exact = -q.exact;
            if (!(q.range.lo >= zero)) {
                const printed_interval r = q.range;
                if (r.hi <= zero) {
                    q.range = -r;
                } else {
                    const ratio m = max_r(-r.lo, r.hi);
                    q.range = {ratio(), m, true,
                               (-r.lo == m && r.lo_closed) || (r.hi == m && r.hi_closed)};
                }
            }
            return q;
        }
        if (f == "exact") {
            quantity q = a[0];
            q.range = printed_interval::exactly(q.exact);
            q.is_exact = true;
            return q;
        }
        if (f == "pct") return a[0] * quantity::of(ratio(100)) / a[1];
        if (f == "min" || f == "max") {
            quantity best = a[0];
            for (const quantity& x : a) {
                if (x.unknown) return x;
                const bool better = f == "min" ? x.exact < best.exact : x.exact > best.exact;
                if (better) best = x;
            }
            quantity q = best;
            for (const quantity& x : a) {
                if (&x == &best) continue;
                q.inputs.insert(q.inputs.end(), x.inputs.begin(), x.inputs.end());
                // The range of a min/max: from the min/max of the lows to that of the highs.
                if (f == "min") {
                    q.range.lo = min_r(q.range.lo, x.range.lo);
                    q.range.hi = min_r(q.range.hi, x.range.hi);
                } else {
                    q.range.lo = max_r(q.range.lo, x.range.lo);
                    q.range.hi = max_r(q.range.hi, x.range.hi);
                }
            }
            return q;
        }
        fail(*k.check, n.offset, "unknown function " + f);
    }

    /// count(group=G, status=S, period=P, section=F[;F...], as=rows, outlook=O).
    quantity count(const context& k, const check_node& n) {
        std::string group, status = "any", period, sections, as, outlook;
        for (const auto& kv : n.named) {
            if (kv.first == "group") group = kv.second;
            if (kv.first == "status") status = kv.second;
            if (kv.first == "period") period = kv.second;
            if (kv.first == "section") sections = kv.second;
            if (kv.first == "as") as = kv.second;
            if (kv.first == "outlook") outlook = kv.second;
        }
        const auto bit = status_bit(status);
        if (!bit)
            fail(*k.check, n.offset,
                 "count(status=" + status + "): green, amber, red, unrated, rated or any");
        if (period.empty() && cx_.data().info.month) period = to_string(*cx_.data().info.month);
        if (auto p = detail::period_named(cx_.data(), period)) period = to_string(*p);
        quantity q;
        q.is_exact = true;
        if (!sections.empty() || as == "rows" || !outlook.empty()) {
            // Rows of the named tables: their latest status column, or their outlook.
            std::size_t total = 0;
            std::vector<std::string> files;
            std::string rest = sections;
            while (!rest.empty()) {
                const std::size_t semi = rest.find(';');
                files.emplace_back(trim(rest.substr(0, semi)));
                rest = semi == std::string::npos ? std::string() : rest.substr(semi + 1);
            }
            std::vector<const printed_section*> list;
            for (const std::string& fname : files)
                list.push_back(section(*k.check, fname, n.offset));
            if (files.empty()) {
                for (const printed_section& s : cx_.data().sections) {
                    if (s.kind == section_kind::measures) list.push_back(&s);
                }
            }
            for (const printed_section* s : list) {
                const section_declaration& d = cx_.data().declaration_of(*s);
                const auto cols = d.all(column_role::status);
                for (std::size_t i = 0; i < s->rows.size(); ++i) {
                    if (!group.empty()) {
                        const std::string id = s->label_of(i, d);
                        const measure_record* m = cx_.measures().find(id);
                        std::string g = s->group;
                        if (m && g.empty()) g = m->group;
                        if (g != group) continue;
                    }
                    if (!outlook.empty()) {
                        const cell_view o = view_of(*s, d, i, column_role::outlook);
                        bool hit = false;
                        std::string rest2 = outlook;
                        while (!rest2.empty()) {
                            const std::size_t bar = rest2.find('|');
                            if (o.trimmed() == trim(rest2.substr(0, bar))) hit = true;
                            rest2 =
                                bar == std::string::npos ? std::string() : rest2.substr(bar + 1);
                        }
                        if (hit) ++total;
                        continue;
                    }
                    if (*bit == 15) {
                        ++total;
                        continue;
                    }
                    if (cols.empty()) continue;
                    const auto st = read_status(view_of(*s, d, i, cols.back()).text);
                    if (st && (status_set::of(*st).bits & *bit)) ++total;
                }
            }
            q.exact = ratio(static_cast<std::int64_t>(total));
            q.range = printed_interval::exactly(q.exact);
            return q;
        }
        const auto c = sum_.count(group, period, *bit);
        if (!c)
            return quantity::not_known("no measure of " +
                                       (group.empty() ? std::string("the report") : group) +
                                       " is printed for " + period);
        const std::size_t lo = *bit == 15 ? c->total : c->lo;
        const std::size_t hi = *bit == 15 ? c->total : c->hi;
        q.exact = ratio(static_cast<std::int64_t>(lo));
        q.range = {ratio(static_cast<std::int64_t>(lo)), ratio(static_cast<std::int64_t>(hi)), true,
                   true};
        auto r = [](std::size_t v) { return ratio(static_cast<std::int64_t>(v)); };
        if (*bit != 15) {
            q.counts = quantity::count_ranges{r(c->follows_lo), r(c->follows_hi), r(c->blank_lo),
                                              r(c->blank_hi)};
            q.from_unsettled_counts = c->unsettled();
        }
        if (lo != hi)
            q.why = "the statuses allow " + std::to_string(lo) + " to " + std::to_string(hi);
        return q;
    }

    /// The figure a check's printed text (or cell) gives.
    struct printed_value {
        std::optional<printed_figure> figure;
        bool exact = false;
        std::string problem;
    };
    [[nodiscard]] printed_value read_printed(const std::string& text,
                                             const column_declaration* col) const {
        printed_value p;
        if (auto w = number_word(text)) {
            printed_figure f;
            f.number = decimal::from_units(*w, 0);
            p.figure = f;
            p.exact = true;
            return p;
        }
        cell_view v;
        v.text = text;
        v.column = col;
        v.present = true;
        const cell_figure f = cx_.figure(v);
        p.figure = f.figure;
        p.exact = f.exact;
        p.problem = f.problem;
        return p;
    }

    void one(const report_check& c) {
        // The checked cells: a claim's figure, or cells of a table (every row or column for *).
        std::vector<context> targets;
        std::vector<target_cell> cells;
        const printed_section* s = cx_.data().find_section(c.section);
        if (!s && c.section != "claims.csv") {
            fail_field(c, 1, "no table \"" + c.section + "\" (tables.csv lists none)");
        }
        bool table_cell = s && s->kind != section_kind::claims;
        if (table_cell && c.row != "*" && c.column != "*" && !names_cell(*s, c.row, c.column)) {
            // A figure the table implies but does not print as one cell ("over the pair"): it is
            // given as printed, like a claim's.
            table_cell = false;
        }
        if (!table_cell) {
            if (c.printed.empty()) {
                fail_field(c, 4,
                           s && s->kind != section_kind::claims
                               ? "no cell \"" + c.row + "\" / \"" + c.column + "\" in " +
                                     c.section +
                                     ": a figure it does not print as a cell is "
                                     "given as printed (column printed)"
                               : std::string("a check of a claim gives the figure as "
                                             "printed (column printed)"));
            }
            target_cell t;
            t.where.section = c.section;
            t.where.row = c.row;
            t.where.column = c.column;
            t.where.source = c.sources.size() > 6 ? c.sources[6] : std::nullopt;
            t.printed = c.printed;
            if (s) {
                const section_declaration& d = cx_.data().declaration_of(*s);
                for (std::size_t i = 0; i < s->rows.size(); ++i) {
                    if (s->label_of(i, d) == c.row)
                        t.where.source = s->rows[i].cells.front().source;
                }
                if (s->kind != section_kind::claims) {
                    // Cells of the row are reachable as {COLUMN} when the row is the table's.
                    for (std::size_t i = 0; i < s->rows.size(); ++i) {
                        if (s->label_of(i, d) == c.row) {
                            targets.push_back(context{&c, s, i, 0});
                            cells.push_back(t);
                            break;
                        }
                    }
                    if (!targets.empty()) {
                        for (std::size_t i = 0; i < cells.size(); ++i)
                            judge(c, targets[i], cells[i]);
                        return;
                    }
                }
            }
            cells.push_back(t);
            targets.push_back(
                context{&c, s && s->kind != section_kind::claims ? s : nullptr, 0, 0});
        } else {
            const section_declaration& d = cx_.data().declaration_of(*s);
            std::vector<std::size_t> rows, cols;
            if (c.row == "*") {
                for (std::size_t i = 0; i < s->rows.size(); ++i) rows.push_back(i);
            } else {
                rows.push_back(row_of(c, *s, c.row, 0));
            }
            if (c.column == "*") {
                for (std::size_t j = 0; j < d.columns.size(); ++j) {
                    const column_role r = d.columns[j].role;
                    if (r == column_role::budget || r == column_role::forecast ||
                        r == column_role::variance || r == column_role::amount ||
                        r == column_role::actual || r == column_role::previous_variance ||
                        r == column_role::change || r == column_role::count) {
                        if (unit_of(d.columns[j].unit).percent) continue;
                        cols.push_back(j);
                    }
                }
            } else {
                cols.push_back(column_of(c, *s, c.column, 0));
            }
            for (std::size_t r : rows) {
                for (std::size_t col : cols) {
                    const cell_view v = view_of(*s, d, r, col);
                    if (!v.printed() && (c.row == "*" || c.column == "*")) continue;
                    if (c.row == "*" && !cx_.figure(v).figure) continue;
                    target_cell t;
                    t.where = v.where;
                    t.printed = c.printed.empty() ? v.text : c.printed;
                    // A figure given as printed elsewhere ("£1.8m" of a £000 cell) is read as
                    // it prints, not in the cell's unit.
                    t.column = c.printed.empty() ? v.column : nullptr;
                    cells.push_back(t);
                    targets.push_back(context{&c, s, r, col});
                }
            }
        }
        for (std::size_t i = 0; i < cells.size(); ++i) judge(c, targets[i], cells[i]);
    }

    void judge(const report_check& c, const context& k, const target_cell& t) {
        const check_expression& e = c.expression;
        finding f;
        f.where = t.where;
        f.rule = c.rule;
        f.printed = t.printed.empty() ? "(blank)" : t.printed;
        f.explanation = c.note;
        std::vector<quantity> terms;
        for (const check_node& n : e.terms) terms.push_back(eval(k, n));
        verdict v = verdict::agrees;
        std::optional<printed_value> lhs;
        if (e.leading) {
            lhs = read_printed(t.printed, t.column);
            if (!lhs->figure) {
                f.verdict = verdict::undecided;
                f.explanation = (f.explanation.empty() ? "" : f.explanation + "; ") +
                                "the printed \"" + t.printed + "\" is not a figure" +
                                (lhs->problem.empty() ? "" : ": " + lhs->problem);
                cx_.add(std::move(f));
                return;
            }
        }
        for (const quantity& q : terms) {
            for (const cell_ref& r : q.inputs) f.follows_from.push_back(r);
            if (q.unknown) {
                f.verdict = verdict::undecided;
                f.explanation = (f.explanation.empty() ? "" : f.explanation + "; ") + q.why;
                cx_.add(std::move(f));
                return;
            }
        }
        if (e.leading) {
            const quantity& q = terms.front();
            v = compare(*lhs, *e.leading, q, f);
        } else {
            std::string shown;
            for (std::size_t i = 0; i + 1 < terms.size(); ++i) {
                const verdict w = compare_q(terms[i], e.between[i], terms[i + 1]);
                if (static_cast<int>(w) > static_cast<int>(v)) v = w;
            }
            f.expected = "";
        }
        if (c.undecided_on_mismatch && v == verdict::error) {
            v = verdict::undecided;
            f.explanation = (f.explanation.empty() ? "" : f.explanation + "; ") +
                            "another figure for the same thing (a revision, another report): "
                            "the data cannot decide which is right";
        }
        f.verdict = v;
        cx_.add(std::move(f));
    }

    /// The printed figure p against q under comparison op.
    verdict compare(const printed_value& p, comparison op, const quantity& q, finding& f) {
        const printed_figure& pf = *p.figure;
        const ratio scale = printed_figure::pow10(pf.scale);
        try {
            f.expected = print_like(pf, (q.exact / scale).round(pf.number.places(), cx_.mode()));
        } catch (const error&) {
        }
        if (op == comparison::equal) {
            if (q.counts) {
                // A count of statuses, judged as the summaries judge one.
                const ratio x = pf.value();
                if (x.denominator() != 1 || x < zero) return verdict::error;
                status_count c;
                auto n = [](ratio v) { return static_cast<std::size_t>(v.numerator()); };
                c.lo = n(q.range.lo), c.hi = n(q.range.hi);
                c.follows_lo = n(q.counts->follows_lo), c.follows_hi = n(q.counts->follows_hi);
                c.blank_lo = n(q.counts->blank_lo), c.blank_hi = n(q.counts->blank_hi);
                std::string why;
                const verdict v = summary_audit::count_verdict(n(x), c, false, &why);
                if (v != verdict::agrees)
                    f.explanation += (f.explanation.empty() ? "" : "; ") + why;
                return v;
            }
            verdict v = cx_.judge(pf, p.exact, q);
            if (v == verdict::error && q.from_unsettled_counts) {
                f.explanation += std::string(f.explanation.empty() ? "" : "; ") +
                                 "it follows from counts with a printed status that is wrong or "
                                 "blank";
                v = verdict::follows;
            }
            if (v != verdict::agrees) {
                f.fits = q.range;
                const std::string fit =
                    cx_.fits(q.range.scaled(ratio(1) / scale), pf.number.places());
                if (!fit.empty())
                    f.explanation += (f.explanation.empty() ? "" : "; ") + ("fits " + fit);
            }
            return v;
        }
        quantity lhs = cx_.of(pf, p.exact);
        if (op == comparison::about) {
            // The values that round to it at its last non-zero digit: 1400 is [1350, 1450).
            std::int64_t u = pf.number.units();
            int zeros = 0;
            while (u != 0 && u % 10 == 0 && zeros < 15) u /= 10, ++zeros;
            const ratio half =
                printed_figure::pow10(zeros - pf.number.places() + pf.scale) / ratio(2);
            lhs.range = {lhs.exact - half, lhs.exact + half, true, false};
        }
        return compare_q(lhs, op, q);
    }

    /// Two quantities compared: the exact values (agrees), some values in their ranges
    /// (rounding), none (error).
    [[nodiscard]] static verdict compare_q(const quantity& a, comparison op, const quantity& b) {
        auto holds = [&](ratio x, ratio y) {
            switch (op) {
                case comparison::equal:
                    return x == y;
                case comparison::not_equal:
                    return x != y;
                case comparison::less:
                    return x < y;
                case comparison::less_equal:
                    return x <= y;
                case comparison::greater:
                    return x > y;
                case comparison::greater_equal:
                    return x >= y;
                case comparison::about:
                    return x == y;
            }
            return false;
        };
        if (holds(a.exact, b.exact)) return verdict::agrees;
        // Some values: the most favourable corners of the two ranges.
        bool some = false;
        switch (op) {
            case comparison::equal:
                some = a.range.meets(b.range);
                break;
            case comparison::not_equal:
                some = !(a.range.lo == a.range.hi && b.range.lo == b.range.hi);
                break;
            case comparison::less:
            case comparison::less_equal:
                some = a.range.lo < b.range.hi;
                break;
            case comparison::greater:
            case comparison::greater_equal:
                some = a.range.hi > b.range.lo;
                break;
            case comparison::about:
                some = a.range.meets(b.range);
                break;
        }
        return some ? verdict::rounding : verdict::error;
    }

    audit_context& cx_;
    summary_audit& sum_;
};

}  // namespace bmm::detail
