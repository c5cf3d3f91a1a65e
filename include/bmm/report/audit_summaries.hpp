// bmm — report/audit_summaries: printed summaries, lists and roll-ups recounted from the
// measures (part of bmm/report/audit.hpp).
//
//   printed                         checked against
//   a status count (summary)        the measures of its period (and group) by their audited
//                                   statuses: agrees when it is that count; follows when it is
//                                   the count by the printed statuses but a printed status is
//                                   wrong; undecided when the statuses it needs are not settled
//                                   (a blank, a band not printed) and it is one of the counts
//                                   they allow; error otherwise
//   a total                         the number of measures listed for the period
//   a share                         its count over the total, recounted (follows when it is
//                                   the printed count over the printed total); a period whose
//                                   statuses are not printed: the printed count over the
//                                   printed total
//   the same count in two summaries equal
//   a list of measures (rule S)     every measure whose status is S, and only those
//   an exception list of a group    its Red measures (and Amber ones two periods running)
//   a status-change row "A to B"    the measures whose status went from A to B; "No change"
//                                   undecided while a previous status is not printed
//   a group's roll-up symbol        its measures: the declared rule (worst, majority), or
//                                   either rule when none is declared (undecided if neither)
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit_context.hpp"
#include "audit_performance.hpp"

namespace bmm::detail {

/// The counts a set of measures' statuses allow: audited (lo..hi: a status not settled), with
/// the statuses printed wrong read as printed (follows), with the blank ones read as anything
/// (blank), and the total.
struct status_count {
    std::size_t lo = 0, hi = 0, follows_lo = 0, follows_hi = 0, blank_lo = 0, blank_hi = 0,
                total = 0;
    /// Returns: true when a wrong or blank printed status could change the count.
    [[nodiscard]] bool unsettled() const noexcept {
        return lo != hi || follows_lo != lo || follows_hi != hi || blank_lo != lo || blank_hi != hi;
    }
};

class summary_audit {
public:
    summary_audit(audit_context& cx, status_knowledge& k) : cx_(cx), known_(k) {}

    void run() {
        summaries();
        lists();
        changes();
        rollups();
    }

    /// Returns: the counts of status `bit` among the measures of `group` (all when empty) with a
    /// measures-table observation for `period`; nullopt when none has one.
    [[nodiscard]] std::optional<status_count> count(const std::string& group,
                                                    const std::string& period,
                                                    std::uint8_t bit) const {
        status_count c;
        for (const measure_record& m : cx_.measures().measures) {
            if (!group.empty() && !in_group(m, group)) continue;
            bool listed = false;
            for (const observation_record& o : m.observations) {
                if (o.section && o.section->kind == section_kind::measures &&
                    period_key(o) == period) {
                    listed = true;
                }
            }
            if (!listed) continue;
            ++c.total;
            auto it = known_.find(m.id);
            status_fact f;
            if (it != known_.end()) {
                auto jt = it->second.find(period);
                if (jt != it->second.end()) f = jt->second;
            }
            auto within = [&](std::uint8_t set) { return set != 0 && (set & ~bit & 15) == 0; };
            if (bit == 15) {
                ++c.lo, ++c.hi, ++c.follows_lo, ++c.follows_hi, ++c.blank_lo, ++c.blank_hi;
                continue;
            }
            const std::uint8_t audited = f.possible.bits;
            std::uint8_t with_printed = audited;
            if (f.wrong && f.printed) with_printed |= status_set::of(*f.printed).bits;
            const std::uint8_t with_blank = f.printed_blank ? 15 : with_printed;
            if (within(audited)) ++c.lo;
            if (audited & bit) ++c.hi;
            if (within(with_printed)) ++c.follows_lo;
            if (with_printed & bit) ++c.follows_hi;
            if (within(with_blank)) ++c.blank_lo;
            if (with_blank & bit) ++c.blank_hi;
        }
        if (c.total == 0) return std::nullopt;
        return c;
    }

    [[nodiscard]] static bool in_group(const measure_record& m, const std::string& group) {
        if (m.group == group) return true;
        return m.id.size() > group.size() && m.id.compare(0, group.size(), group) == 0 &&
               (m.id[group.size()] == '.' || m.id[group.size()] == ' ');
    }

    /// Returns: the verdict on a printed count p against c (see the header comment), with its
    /// explanation.
    [[nodiscard]] static verdict count_verdict(std::size_t p, const status_count& c, bool total,
                                               std::string* why) {
        const std::size_t lo = total ? c.total : c.lo, hi = total ? c.total : c.hi;
        const std::string audited =
            lo == hi ? std::to_string(lo) : std::to_string(lo) + ".." + std::to_string(hi);
        if (lo == hi && p == lo) return verdict::agrees;
        if (!total && p >= lo && p <= hi) {
            *why = "the measures' statuses allow " + audited + " (an amber band not printed)";
            return verdict::undecided;
        }
        if (!total && p >= c.follows_lo && p <= c.follows_hi) {
            *why = "the measures' statuses give " + audited +
                   "; it is a count with a printed status that is wrong: it follows from it";
            return verdict::follows;
        }
        if (!total && p >= c.blank_lo && p <= c.blank_hi) {
            *why = "the measures' statuses give " + audited +
                   "; a status left blank, counted as another, would give it";
            return verdict::undecided;
        }
        *why = "the measures' statuses give " + audited;
        return verdict::error;
    }

    /// Records the verdict on a printed count against c (see the header comment).
    void judge_count(const cell_ref& where, const std::string& printed, std::size_t p,
                     const status_count& c, const std::string& rule, bool total) {
        finding f;
        f.where = where;
        f.printed = printed;
        f.rule = rule;
        const std::size_t lo = total ? c.total : c.lo, hi = total ? c.total : c.hi;
        f.expected = lo == hi ? std::to_string(lo) : std::to_string(lo) + ".." + std::to_string(hi);
        f.verdict = count_verdict(p, c, total, &f.explanation);
        cx_.add(std::move(f));
    }

private:
    struct row_scope {
        std::string period;
        std::string group;
    };

    [[nodiscard]] row_scope scope_of(const printed_section& s, const section_declaration& d,
                                     std::size_t i) const {
        row_scope sc;
        sc.group = s.group;
        if (auto g = view_of(s, d, i, column_role::group); g.printed())
            sc.group = std::string(g.trimmed());
        const std::string label = s.label_of(i, d);
        if (auto p = detail::period_named(cx_.data(), label)) {
            sc.period = to_string(*p);
        } else if (!s.period.empty()) {
            auto p2 = detail::period_named(cx_.data(), s.period);
            sc.period = p2 ? to_string(*p2) : s.period;
        } else if (cx_.data().info.month) {
            sc.period = to_string(*cx_.data().info.month);
        }
        return sc;
    }

    void summaries() {
        struct seen_count {
            std::string period, group, status, text;
            cell_ref where;
        };
        std::vector<seen_count> seen;
        for (const printed_section* s : cx_.data().sections_of(section_kind::summary)) {
            const section_declaration& d = cx_.data().declaration_of(*s);
            for (std::size_t i = 0; i < s->rows.size(); ++i) {
                const row_scope sc = scope_of(*s, d, i);
                // The printed counts of the row, by status.
                struct cell_count {
                    std::size_t col;
                    std::uint8_t bit;
                    std::optional<ratio> value;
                };
                std::vector<cell_count> counts, shares;
                std::optional<ratio> printed_total;
                std::optional<std::size_t> total_col;
                for (std::size_t c = 0; c < d.columns.size(); ++c) {
                    const column_declaration& col = d.columns[c];
                    if (col.role != column_role::count && col.role != column_role::share) continue;
                    const auto bit = status_bit(col.status);
                    if (!bit) {
                        throw report_error(col.source.value_or(source_position{s->file, 1, {}}),
                                           "a count or share column names its status: green, "
                                           "amber, red, unrated, rated or total (got \"" +
                                               col.status + "\")");
                    }
                    const cell_view v = view_of(*s, d, i, c);
                    const cell_figure f = cx_.figure(v);
                    std::optional<ratio> value;
                    if (f.figure) value = f.figure->value();
                    if (col.role == column_role::count) {
                        if (*bit == 15) {
                            printed_total = value;
                            total_col = c;
                        } else {
                            counts.push_back({c, *bit, value});
                        }
                    } else {
                        shares.push_back({c, *bit, value});
                    }
                }
                const bool recount =
                    cx_.data().info.month.has_value() && count(sc.group, sc.period, 15).has_value();
                // Total = sum of the printed counts.
                if (total_col && printed_total) {
                    ratio sum;
                    bool all = true;
                    for (const cell_count& c : counts) {
                        if (c.value)
                            sum = sum + *c.value;
                        else
                            all = false;
                    }
                    if (all && !counts.empty()) {
                        const cell_view v = view_of(*s, d, i, *total_col);
                        cx_.fact(sum == *printed_total, v.where, v.text,
                                 "total = sum of the counts (as printed)", cx_.print(sum, 0));
                    }
                }
                if (!recount) {
                    if (!counts.empty()) {
                        cell_ref w = view_of(*s, d, i, counts.front().col).where;
                        w.column = "counts";
                        std::string printed;
                        for (const cell_count& c : counts) {
                            printed +=
                                (printed.empty() ? "" : ", ") + view_of(*s, d, i, c.col).text;
                        }
                        if (total_col) printed += ", " + view_of(*s, d, i, *total_col).text;
                        cx_.undecided(
                            w, printed, "count of the listed measures' statuses",
                            "the statuses of " +
                                (sc.period.empty() ? std::string("its period") : sc.period) +
                                " are not printed measure by measure: the counts "
                                "cannot be derived");
                    }
                } else {
                    for (const cell_count& c : counts) {
                        const cell_view v = view_of(*s, d, i, c.col);
                        if (!c.value) continue;
                        judge_count(v.where, v.text, static_cast<std::size_t>(c.value->numerator()),
                                    *count(sc.group, sc.period, c.bit),
                                    "count of the listed measures' statuses", false);
                    }
                    if (total_col && printed_total) {
                        const cell_view v = view_of(*s, d, i, *total_col);
                        judge_count(
                            v.where, v.text, static_cast<std::size_t>(printed_total->numerator()),
                            *count(sc.group, sc.period, 15), "count of the listed measures", true);
                    }
                }
                // Shares.
                ratio share_sum;
                bool all_shares = !shares.empty();
                for (const cell_count& sh : shares) {
                    const cell_view v = view_of(*s, d, i, sh.col);
                    const cell_figure f = cx_.figure(v);
                    if (!f.figure) {
                        all_shares = false;
                        continue;
                    }
                    share_sum = share_sum + ratio::from_decimal(f.figure->number);
                    std::optional<ratio> pc;
                    for (const cell_count& c : counts) {
                        if (c.bit == sh.bit) pc = c.value;
                    }
                    std::optional<quantity> as_printed;
                    if (pc && printed_total && *printed_total != zero) {
                        as_printed = quantity::of(*pc * ratio(100) / *printed_total);
                    }
                    if (recount && as_printed) {
                        cx_.derived(v.where, v.text, *f.figure, false, *as_printed,
                                    "share = count / total (as printed)");
                    }
                    if (recount) {
                        const status_count c = *count(sc.group, sc.period, sh.bit);
                        if (c.lo != c.hi || c.total == 0) continue;
                        const quantity right =
                            quantity::of(ratio(static_cast<std::int64_t>(c.lo)) * ratio(100) /
                                         ratio(static_cast<std::int64_t>(c.total)));
                        const verdict vr = cx_.judge(*f.figure, false, right);
                        if (vr == verdict::agrees || !c.unsettled()) {
                            cx_.derived(
                                v.where, v.text, *f.figure, false, right,
                                "share of the listed measures (" + std::to_string(c.total) + ")");
                        } else {
                            finding fd;
                            fd.where = v.where;
                            fd.printed = v.text;
                            fd.rule =
                                "share of the listed measures (" + std::to_string(c.total) + ")";
                            fd.expected = cx_.print(right.exact, 0) + "%";
                            fd.verdict = verdict::follows;
                            fd.explanation = "the measures give " + fd.expected +
                                             "; the printed share follows from counts with a "
                                             "printed status that is wrong or blank";
                            cx_.add(std::move(fd));
                        }
                    } else if (as_printed) {
                        cx_.derived(v.where, v.text, *f.figure, false, *as_printed,
                                    "share = count / total (as printed)");
                    }
                }
                if (all_shares && shares.size() >= 2) {
                    cell_ref w = view_of(*s, d, i, shares.front().col).where;
                    w.column = "shares";
                    cx_.fact(share_sum == ratio(100), w, cx_.print(share_sum, 0),
                             "the shares add to 100%");
                }
                // The same count printed in an earlier summary.
                for (const cell_count& c : counts) {
                    const cell_view v = view_of(*s, d, i, c.col);
                    const std::string st = d.columns[c.col].status;
                    for (const seen_count& e : seen) {
                        if (e.period == sc.period && e.group == sc.group && iequals(e.status, st)) {
                            cx_.fact(trim(e.text) == v.trimmed(), v.where, v.text,
                                     "= the same count in " + e.where.section, e.text);
                            break;
                        }
                    }
                    seen.push_back({sc.period, sc.group, st, v.text, v.where});
                }
            }
        }
    }

    void lists() {
        const std::string month = cx_.data().info.month ? to_string(*cx_.data().info.month) : "";
        for (const printed_section* s : cx_.data().sections_of(section_kind::measure_list)) {
            const section_declaration& d = cx_.data().declaration_of(*s);
            const auto bit = status_bit(s->rule);
            if (!bit || s->rows.empty()) continue;
            std::string period = s->period.empty() ? month : s->period;
            if (auto p = detail::period_named(cx_.data(), period)) period = to_string(*p);
            std::vector<std::string> listed;
            for (std::size_t i = 0; i < s->rows.size(); ++i) listed.push_back(s->label_of(i, d));
            compare_list(*s, d, listed, s->group, period, *bit, "Red list");
        }
        // Exception lists: a group's Red measures are its exceptions' Red rows.
        for (const printed_section* s : cx_.data().sections_of(section_kind::exceptions)) {
            const section_declaration& d = cx_.data().declaration_of(*s);
            const auto cols = d.all(column_role::status);
            if (cols.empty() || s->group.empty()) continue;
            std::string period = d.columns[cols.back()].period;
            if (period.empty()) period = s->period.empty() ? month : s->period;
            if (auto p = detail::period_named(cx_.data(), period)) period = to_string(*p);
            std::vector<std::string> red;
            std::string printed;
            for (std::size_t i = 0; i < s->rows.size(); ++i) {
                printed += (printed.empty() ? "" : ", ") + s->label_of(i, d);
                auto st = read_status(view_of(*s, d, i, cols.back()).text);
                if (st && st->is(rag::red)) red.push_back(s->label_of(i, d));
            }
            std::vector<std::string> audited, as_printed;
            bool settled = true;
            for (const measure_record& m : cx_.measures().measures) {
                if (!summary_audit::in_group(m, s->group)) continue;
                const status_fact f = fact_of(m.id, period);
                if (f.possible.bits == 4)
                    audited.push_back(m.id);
                else if (f.possible.has(4))
                    settled = false;
                if (f.printed && f.printed->is(rag::red)) as_printed.push_back(m.id);
            }
            std::sort(red.begin(), red.end());
            std::sort(audited.begin(), audited.end());
            std::sort(as_printed.begin(), as_printed.end());
            if (red == audited && settled) continue;  // nothing to say beyond the rows
            cell_ref w;
            w.section = s->file;
            w.row = "(the list)";
            w.column = d.columns[d.find(column_role::measure).value_or(0)].heading;
            w.source = s->rows.front().cells.front().source;
            finding f;
            f.where = w;
            f.printed = printed;
            f.rule = "the exceptions of " + s->group +
                     " = its Red measures and its Amber-twice measures";
            f.expected = join(audited);
            f.verdict = !settled ? verdict::undecided
                                 : (red == as_printed ? verdict::follows : verdict::error);
            f.explanation = "its Red measures by their figures: " + join(audited) +
                            "; Red as printed: " + join(as_printed);
            cx_.add(std::move(f));
        }
    }

    [[nodiscard]] static std::string join(const std::vector<std::string>& v) {
        std::string s;
        for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
        return s;
    }

    [[nodiscard]] status_fact fact_of(const std::string& id, const std::string& period) const {
        auto it = known_.find(id);
        if (it != known_.end()) {
            auto jt = it->second.find(period);
            if (jt != it->second.end()) return jt->second;
        }
        status_fact none;
        none.possible = status_set{0};
        return none;
    }

    void compare_list(const printed_section& s, const section_declaration& d,
                      std::vector<std::string> listed, const std::string& group,
                      const std::string& period, std::uint8_t bit, const std::string& what) {
        std::vector<std::string> audited, as_printed;
        bool every = true, settled = true;
        for (const std::string& id : listed) {
            const status_fact f = fact_of(id, period);
            if (!(f.possible.bits & bit)) every = false;
        }
        for (const measure_record& m : cx_.measures().measures) {
            if (!group.empty() && !in_group(m, group)) continue;
            const status_fact f = fact_of(m.id, period);
            if (f.possible.bits == 0) continue;
            if ((f.possible.bits & ~bit & 15) == 0)
                audited.push_back(m.id);
            else if (f.possible.bits & bit)
                settled = false;
            if (f.printed && (status_set::of(*f.printed).bits & bit)) as_printed.push_back(m.id);
        }
        std::sort(listed.begin(), listed.end());
        std::sort(audited.begin(), audited.end());
        std::sort(as_printed.begin(), as_printed.end());
        cell_ref all;
        all.section = s.file;
        all.row = "(all rows)";
        all.source = s.rows.front().cells.front().source;
        cx_.fact(every, all, join(listed), "every listed measure is " + s.rule);
        cell_ref w = all;
        w.row = "(the list)";
        w.column = s.headings.empty() ? std::string() : s.headings.front().text;
        finding f;
        f.where = w;
        f.printed = s.headings.empty() ? join(listed) : s.headings.front().text;
        f.rule = what + " = the measures rated " + s.rule + " in " + period;
        f.expected = join(audited);
        if (listed == audited && settled) {
            f.verdict = verdict::agrees;
        } else if (!settled) {
            f.verdict = verdict::undecided;
            f.explanation = "a measure's status is not settled";
        } else {
            f.verdict = listed == as_printed ? verdict::follows : verdict::error;
            f.explanation = "rated " + s.rule + " by their figures: " + join(audited) +
                            "; as printed: " + join(as_printed);
        }
        (void)d;
        cx_.add(std::move(f));
    }

    void changes() {
        const std::string month = cx_.data().info.month ? to_string(*cx_.data().info.month) : "";
        for (const printed_section* s : cx_.data().sections_of(section_kind::status_changes)) {
            const section_declaration& d = cx_.data().declaration_of(*s);
            std::string now = s->period.empty() ? month : s->period;
            if (auto p = detail::period_named(cx_.data(), now)) now = to_string(*p);
            for (std::size_t i = 0; i < s->rows.size(); ++i) {
                const std::string label = s->label_of(i, d);
                const std::size_t to = label.find(" to ");
                if (to == std::string::npos) continue;
                const auto from_bit = status_bit(label.substr(0, to));
                const auto to_bit = status_bit(label.substr(to + 4));
                if (!from_bit || !to_bit) continue;
                const cell_view cell = view_of(*s, d, i, column_role::measures);
                std::vector<std::string> ids = ids_in(cell.text);
                for (const std::string& id : ids) {
                    const measure_record* m = cx_.measures().find(id);
                    const std::string before = previous_of(m, now);
                    if (m) {
                        if (auto mb = derived_month_before(cx_, *m, before)) {
                            const auto meets =
                                meets_target(mb->actual, mb->target,
                                             m->annotation ? m->annotation->direction
                                                           : std::optional<polarity>());
                            if (meets) {
                                cell_ref w = cell.where;
                                w.column = id + " " +
                                           month_word(report_period::month(
                                               calendar_month::parse(before))) +
                                           " figure";
                                cx_.fact(*meets == (*from_bit == 1), w,
                                         cx_.print(mb->actual, mb->places),
                                         label.substr(0, to) + " = " +
                                             (*from_bit == 1 ? "meets" : "misses") +
                                             " its target (the YTD less " + now + ": " + mb->text +
                                             ")");
                            }
                        }
                    }
                    const status_fact b = fact_of(id, before), n = fact_of(id, now);
                    const bool now_ok = n.possible.bits == *to_bit;
                    const bool before_known = b.possible.bits != 0 && b.possible.single();
                    const bool ok = now_ok && (!before_known || b.possible.bits == *from_bit);
                    cell_ref w = cell.where;
                    w.column = id;
                    cx_.fact(ok, w, id,
                             label.substr(0, to) + " (" + before + ") \xE2\x86\x92 " +
                                 label.substr(to + 4) + " (" + now + ")",
                             {}, before_known ? "" : before + "'s status is not printed elsewhere");
                }
                if (ids.empty()) {
                    // "No change": any measure known to have made this change contradicts it.
                    std::vector<std::string> known, open;
                    for (const measure_record& m : cx_.measures().measures) {
                        const std::string before = previous_of(&m, now);
                        const status_fact b = fact_of(m.id, before), n = fact_of(m.id, now);
                        if (n.possible.bits == 0) continue;
                        if (b.possible.bits == *from_bit && n.possible.bits == *to_bit) {
                            known.push_back(m.id);
                        } else if ((b.possible.bits == 0 || (b.possible.bits & *from_bit)) &&
                                   (n.possible.bits & *to_bit)) {
                            open.push_back(m.id);
                        }
                    }
                    cell_ref w = cell.where;
                    if (w.column.empty()) w.column = "measures";
                    finding f;
                    f.where = w;
                    f.printed = cell.text;
                    f.rule = "the measures whose status went " + label;
                    f.expected = join(known);
                    f.verdict = !known.empty()
                                    ? verdict::error
                                    : (open.empty() ? verdict::agrees : verdict::undecided);
                    if (f.verdict == verdict::undecided) {
                        f.explanation =
                            "none among the measures whose previous status is "
                            "printed; it is not printed for " +
                            join(open);
                    }
                    cx_.add(std::move(f));
                }
            }
        }
    }

    [[nodiscard]] std::string previous_of(const measure_record* m, const std::string& now) const {
        auto p = detail::period_named(cx_.data(), now);
        if (!p) return {};
        reporting_frequency f = reporting_frequency::monthly;
        if (m && m->annotation && m->annotation->frequency) f = *m->annotation->frequency;
        auto prev = previous_period(p->last, f);
        return prev ? to_string(*prev) : std::string();
    }

    [[nodiscard]] static std::vector<std::string> ids_in(std::string_view text) {
        // Measure ids in a cell: letters, digits, a point and digits ("OCC01.02").
        std::vector<std::string> out;
        std::size_t i = 0;
        while (i < text.size()) {
            if (is_alpha(text[i]) && (i == 0 || !is_alpha(text[i - 1]))) {
                std::size_t k = i;
                while (k < text.size() && is_alpha(text[k])) ++k;
                std::size_t dstart = k;
                while (k < text.size() && is_digit(text[k])) ++k;
                if (k > dstart && k < text.size() && text[k] == '.') {
                    std::size_t e = k + 1;
                    while (e < text.size() && is_digit(text[e])) ++e;
                    if (e > k + 1) {
                        out.emplace_back(text.substr(i, e - i));
                        i = e;
                        continue;
                    }
                }
                i = k > i ? k : i + 1;
                continue;
            }
            ++i;
        }
        return out;
    }

    void rollups() {
        const std::string month = cx_.data().info.month ? to_string(*cx_.data().info.month) : "";
        for (const printed_section* s : cx_.data().sections_of(section_kind::group_status)) {
            const section_declaration& d = cx_.data().declaration_of(*s);
            const auto sc = d.find(column_role::status);
            if (!sc) continue;
            const column_declaration& col = d.columns[*sc];
            if (col.status == "lost") continue;
            std::string period =
                !col.period.empty() ? col.period : (s->period.empty() ? month : s->period);
            if (auto p = detail::period_named(cx_.data(), period)) period = to_string(*p);
            std::vector<std::string> misses_worst, misses_majority;
            std::string all_printed;
            for (std::size_t i = 0; i < s->rows.size(); ++i) {
                const cell_view v = view_of(*s, d, i, *sc);
                all_printed += (all_printed.empty() ? "" : " ") + std::string(v.trimmed());
                std::string label = s->label_of(i, d);
                const std::string group = label.substr(0, label.find(" - "));
                const status_count none;
                const status_count g = count(group, period, 1).value_or(none),
                                   a = count(group, period, 2).value_or(none),
                                   r = count(group, period, 4).value_or(none);
                if (g.lo != g.hi || a.lo != a.hi || r.lo != r.hi) {
                    cx_.undecided(v.where, v.text, "a group's symbol summarises its measures",
                                  "its measures' statuses are not settled");
                    continue;
                }
                const auto printed = read_status(v.text);
                const std::size_t rated = g.lo + a.lo + r.lo;
                if (rated == 0) {
                    cx_.fact(!printed || !printed->is_rated(), v.where, v.text,
                             "a group without rated measures has no rating");
                    continue;
                }
                const rag worst = r.lo ? rag::red : (a.lo ? rag::amber : rag::green);
                rag maj = rag::green;
                std::size_t best = g.lo;
                if (a.lo >= best) maj = rag::amber, best = a.lo;
                if (r.lo >= best) maj = rag::red;
                const bool fits_worst = printed && printed->is(worst);
                const bool fits_maj = printed && printed->is(maj);
                if (!fits_worst) misses_worst.push_back(group);
                if (!fits_maj) misses_majority.push_back(group);
                const std::string counts = std::to_string(g.lo) + " Green, " +
                                           std::to_string(a.lo) + " Amber, " +
                                           std::to_string(r.lo) + " Red";
                if (s->rule == "worst" || s->rule == "majority") {
                    const bool ok = s->rule == "worst" ? fits_worst : fits_maj;
                    cx_.fact(ok, v.where, v.text,
                             "a group's symbol is the " + s->rule + " of its measures",
                             std::string(to_string(s->rule == "worst" ? worst : maj)), counts);
                } else {
                    finding f;
                    f.where = v.where;
                    f.printed = v.text;
                    f.rule = "a group's symbol summarises its measures (rule not printed)";
                    f.expected = "worst " + std::string(to_string(worst)) + ", majority " +
                                 std::string(to_string(maj));
                    f.verdict = (fits_worst || fits_maj) ? verdict::agrees : verdict::undecided;
                    f.explanation = counts;
                    cx_.add(std::move(f));
                }
            }
            if (s->rule.empty() && !misses_worst.empty() && !misses_majority.empty()) {
                cell_ref w;
                w.section = s->file;
                w.row = "(all groups)";
                w.column = d.columns[*sc].heading;
                cx_.undecided(w, all_printed, "one roll-up rule gives every group's symbol",
                              "'worst' misses " + join(misses_worst) + "; 'majority' misses " +
                                  join(misses_majority));
            }
        }
    }

    audit_context& cx_;
    status_knowledge& known_;
};

}  // namespace bmm::detail
