// bmm — report/audit_performance: each measure's printed statuses and year-to-date figures
// against its figures, target, polarity and YTD rule (part of bmm/report/audit.hpp).
//
//   rule                                      the printed cell must be
//   Green = meets or exceeds target           the figure meets the target (in its polarity)
//   Amber/Red = misses target                 the figure misses it; with a declared band, Amber
//                                             within the band and Red beyond
//   n/a = monitoring only (no target)         printed only without a target (else undecided)
//   a status is printed                       blank with a target: undecided (what the figures
//                                             imply is said, if any: a dashboard may print a
//                                             target and no figure); a column whose symbols
//                                             the source lost (status "lost") is not checked
//   a printed figure parses                   a figure cell that is none ("£292,000,00"):
//                                             undecided, never read as a figure; a target
//                                             that prints a bound (">28%", "<20%"), a range
//                                             ("93-95%") or a composite ("60/20") of figures
//                                             is a target, not a malformed figure (its rating
//                                             is not checked)
//   YTD of a stock = the latest figure        rule latest: the YTD actual (and target) is the
//                                             period's
//   period and YTD in one unit                period_figure change (the period prints the
//                                             change, the YTD the level): undecided, at the
//                                             period's figure; the YTD is not checked against it
//   n/r = not reported this period            a status n/r: the period prints no figure
//   YTD of a flow = the months                rule sum: the YTD is at least the month; equal to
//                                             it after the first month: undecided
//   the same measure in another table         status, owner (its first named) and title as the
//                                             measures table prints them
//   an exception is Red, or Amber twice       each exception row (its two periods)
//
// Every status it settles (printed and right, or implied by the figures) is kept for the
// summaries: status_knowledge says, per measure and period, which statuses remain possible.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../status.hpp"
#include "audit_context.hpp"
#include "performance.hpp"
#include "printed.hpp"

namespace bmm::detail {

/// The statuses a measure may have for a period, as a set of Green, Amber, Red and unrated.
struct status_set {
    std::uint8_t bits = 0;  ///< 1 Green, 2 Amber, 4 Red, 8 unrated (a data status)

    [[nodiscard]] static status_set all() noexcept { return {15}; }
    [[nodiscard]] static status_set of(status s) noexcept {
        if (auto r = s.rating())
            return {static_cast<std::uint8_t>(1u << static_cast<unsigned>(*r))};
        return {8};
    }
    [[nodiscard]] static status_set missed() noexcept { return {6}; }
    [[nodiscard]] bool has(std::uint8_t bit) const noexcept { return (bits & bit) != 0; }
    [[nodiscard]] bool single() const noexcept {
        return bits == 1 || bits == 2 || bits == 4 || bits == 8;
    }
    [[nodiscard]] bool empty() const noexcept { return bits == 0; }
};

/// Returns: the bit of a status word as count() and summaries name it: green, amber, red,
/// unrated (any data status); 0 for "any"/"total".
[[nodiscard]] inline std::optional<std::uint8_t> status_bit(std::string_view w) {
    w = trim(w);
    if (iequals(w, "green")) return 1;
    if (iequals(w, "amber")) return 2;
    if (iequals(w, "red")) return 4;
    if (iequals(w, "unrated") || iequals(w, "monitoring") || iequals(w, "other")) return 8;
    if (iequals(w, "rated")) return 7;
    if (iequals(w, "any") || iequals(w, "total")) return 15;
    return std::nullopt;
}

/// What the audit knows of one measure's status for one period.
struct status_fact {
    std::optional<status> printed;  ///< as its measures table (else another table) prints it
    bool printed_blank = true;
    status_set possible = status_set::all();
    bool wrong = false;  ///< the printed status is an error
    cell_ref where;      ///< the printed status cell
};

/// Per measure id, per period: the status facts.
using status_knowledge = std::map<std::string, std::map<std::string, status_fact>>;

/// Returns: the period key of an observation ("May 2023"), or its text.
[[nodiscard]] inline std::string period_key(const observation_record& o) {
    if (o.period) return to_string(*o.period);
    return o.period_text;
}

/// Returns: the status a printed cell reads as, or std::nullopt (blank, or not a status).
[[nodiscard]] inline std::optional<status> read_status(std::string_view t) {
    t = trim(t);
    if (t.empty()) return std::nullopt;
    if (t == "Yes" || t == "yes") return status(rag::green);
    if (t == "No" || t == "no") return status(rag::red);
    return status::try_parse(t);
}

/// Returns: the month name of a period ("May"), for rule names.
[[nodiscard]] inline std::string month_word(const std::optional<report_period>& p) {
    if (!p) return "the period";
    const std::string s = to_string(p->last);
    return s.substr(0, s.find(' '));
}

/// Returns: true when the text is a data status or a word that is not meant as a figure ("n/r",
/// "n/a", "-", "?").
[[nodiscard]] inline bool data_word(std::string_view t) {
    auto s = status::try_parse(t);
    return s && !s->is_rated();
}

/// Returns: true when a target cell prints a target that is not one figure: a bound (">28%",
/// "<20%", "≥ 5"), a range ("93-95%") or a composite ("60/20") of printed figures.
[[nodiscard]] inline bool target_form(std::string_view t) {
    t = trim(t);
    for (std::string_view op :
         {std::string_view(">="), std::string_view("<="), std::string_view("\xE2\x89\xA5"),
          std::string_view("\xE2\x89\xA4"), std::string_view(">"), std::string_view("<")}) {
        if (t.substr(0, op.size()) == op) {
            return read_printed_figure(trim(t.substr(op.size()))).figure.has_value();
        }
    }
    for (char sep : {'-', '/'}) {
        const std::size_t k = t.find(sep, 1);
        if (k == std::string_view::npos) continue;
        return read_printed_figure(trim(t.substr(0, k))).figure.has_value() &&
               read_printed_figure(trim(t.substr(k + 1))).figure.has_value();
    }
    return false;
}

/// A sum-rule measure's figure and target for the month before its measures table's month, when
/// that month is the second of the year: the YTD less the month (actual, target, the month's
/// observation).
struct month_before {
    ratio actual, target;
    int places = 0;
    std::string text;
};
[[nodiscard]] inline std::optional<month_before> derived_month_before(const audit_context& cx,
                                                                      const measure_record& m,
                                                                      const std::string& before) {
    if (!m.annotation || m.annotation->ytd != ytd_rule::sum || !cx.data().info.calendar) {
        return std::nullopt;
    }
    for (const observation_record& o : m.observations) {
        if (!o.section || o.section->kind != section_kind::measures || !o.period) continue;
        if (cx.data().info.calendar->index_of(o.period->last) != 2) continue;
        if (to_string(o.period->last - 1) != before) continue;
        const cell_figure a = cx.figure(o.actual), t = cx.figure(o.target);
        const cell_figure ya = cx.figure(o.ytd_actual), yt = cx.figure(o.ytd_target);
        if (!a.figure || !t.figure || !ya.figure || !yt.figure) return std::nullopt;
        month_before mb;
        mb.actual = ya.figure->value() - a.figure->value();
        mb.target = yt.figure->value() - t.figure->value();
        mb.places = ya.figure->number.places();
        mb.text = cx.print(mb.actual, mb.places) + " against " + cx.print(mb.target, mb.places);
        return mb;
    }
    return std::nullopt;
}

/// Returns: whether a figure meets its target in polarity p (nullopt: no polarity).
[[nodiscard]] inline std::optional<bool> meets_target(ratio a, ratio t,
                                                      const std::optional<polarity>& p) {
    if (p == polarity::higher_is_better) return a >= t;
    if (p == polarity::lower_is_better) return a <= t;
    if (p == polarity::close_to_target) return a == t;
    return std::nullopt;
}

class performance_audit {
public:
    explicit performance_audit(audit_context& cx) : cx_(cx) {}

    void run() {
        for (const printed_section* s : cx_.data().sections_of(section_kind::measures)) {
            if (!s->rows.empty()) continue;
            cell_ref w;
            w.section = s->file;
            w.row = "(none)";
            cx_.fact(true, w, "no rows", "a group with no measures to report prints no rows");
        }
        for (const measure_record& m : cx_.measures().measures) {
            for (const observation_record& o : m.observations) {
                if (!o.section) continue;
                if (o.section->kind == section_kind::measures) {
                    figures_parse(m, o);
                    rating(m, o, false);
                    rating(m, o, true);
                    ytd(m, o);
                }
            }
        }
        // Statuses printed elsewhere (exception tables) settle blank ones; then cross-table.
        for (const measure_record& m : cx_.measures().measures) {
            for (const observation_record& o : m.observations) {
                if (!o.section || o.section->kind == section_kind::measures) continue;
                elsewhere(m, o);
            }
        }
        exceptions();
    }

    [[nodiscard]] status_knowledge& knowledge() noexcept { return known_; }

private:
    /// The polarity, band and so the status set a miss allows.
    status_set miss_set(const measure_record& m, const quantity& actual, const quantity& target) {
        if (!m.annotation || m.annotation->band.empty()) return status_set::missed();
        const std::string& b = m.annotation->band;
        if (b == "none") return {4};
        auto fr = read_printed_figure(b);
        if (!fr.figure) return status_set::missed();
        ratio width = fr.figure->value();
        if (fr.figure->percent)
            width = width / ratio(100) * (target.exact < zero ? -target.exact : target.exact);
        ratio miss = actual.exact - target.exact;
        if (miss < zero) miss = -miss;
        return miss <= width ? status_set{2} : status_set{4};
    }

    void figures_parse(const measure_record& m, const observation_record& o) {
        const bool words =
            m.annotation && (m.annotation->unit == "milestone" || m.annotation->unit == "quartile");
        for (const cell_view* c : {&o.actual, &o.target, &o.ytd_actual, &o.ytd_target}) {
            if (!c->printed() || words || data_word(c->text)) continue;
            if ((c == &o.target || c == &o.ytd_target) && target_form(c->text)) continue;
            const cell_figure f = cx_.figure(*c);
            if (!f.figure) {
                cx_.undecided(c->where, c->text, "a printed figure parses",
                              "not a figure: " + f.problem);
            }
        }
    }

    void rating(const measure_record& m, const observation_record& o, bool ytd) {
        const cell_view& sc = ytd ? o.ytd_status : o.status;
        const cell_view& ac = ytd ? o.ytd_actual : o.actual;
        const cell_view& tc = ytd ? o.ytd_target : o.target;
        if (!sc.present) return;
        const bool lost = sc.column && sc.column->status == "lost";
        const std::string shown = sc.printed() ? std::string(sc.trimmed()) : "(blank)";
        const std::optional<status> s = read_status(sc.text);
        status_fact fact;
        fact.where = sc.where;
        fact.printed = s;
        fact.printed_blank = !sc.printed();
        if (s) fact.possible = status_set::of(*s);
        auto keep = [&] {
            if (!ytd) known_[m.id][period_key(o)] = fact;
        };
        if (sc.printed() && !s) {
            cx_.undecided(sc.where, shown, "a status is one of the key's",
                          "\"" + shown + "\" is not a status bmm reads");
            fact.possible = status_set::all();
            keep();
            return;
        }
        if (s && s->is(data_status::not_reported)) {
            // Not reported this period: the period's figure is not printed (n/r or blank).
            if (!ytd) {
                const bool none = !ac.printed() || data_word(ac.text);
                cx_.fact(none, sc.where, shown, "n/r = not reported this period",
                         none ? std::string() : std::string("no figure"),
                         none ? std::string() : "the period prints the figure " + ac.text);
            }
            keep();
            return;
        }
        const cell_figure af = cx_.figure(ac), tf = cx_.figure(tc);
        const bool has_target = tc.printed() && !data_word(tc.text);
        if (!has_target) {
            if (s && s->is(data_status::monitoring_only)) {
                cx_.fact(true, sc.where, shown, "no target printed: monitoring only (n/a)");
            } else if (!sc.printed()) {
                if (!lost) {
                    cx_.undecided(sc.where, shown, "a status is printed",
                                  "no status and no target printed");
                }
                fact.possible = status_set::all();
            } else if (s && s->is_rated() && tc.present) {
                cx_.fact(false, sc.where, shown, "a rated measure needs a target", "n/a",
                         "rated without a target");
                fact.wrong = true;
            }
            // A table that prints no target column (statuses only, as exception and
            // status-change tables print them) cannot decide a rating: it is not checked, and
            // the status counts as printed.
            keep();
            return;
        }
        if (!af.figure || !tf.figure) {
            // Milestones, positions or figures that do not parse: the rating is not checked.
            if (!sc.printed()) {
                fact.possible = status_set::all();
                if (!lost && !ac.printed()) {
                    cx_.undecided(
                        sc.where, shown, "a status is printed",
                        "no status printed, and no figure to rate against the target " + tc.text);
                }
            }
            keep();
            return;
        }
        const quantity a = cx_.of(*af.figure, af.exact), t = cx_.of(*tf.figure, tf.exact);
        const std::optional<polarity> pol =
            m.annotation ? m.annotation->direction : std::optional<polarity>();
        std::optional<bool> meets;
        if (pol == polarity::higher_is_better) meets = a.exact >= t.exact;
        if (pol == polarity::lower_is_better) meets = a.exact <= t.exact;
        if (pol == polarity::close_to_target) meets = a.exact == t.exact;
        std::string desc = ac.text + " against " + tc.text;
        if (meets == false && t.exact != zero) {
            ratio miss = (a.exact - t.exact) * ratio(100) / t.exact;
            if (miss < zero) miss = -miss;
            desc += ", misses by " + cx_.print(miss, 2) + "% of the target";
        }
        const std::string pol_word =
            !pol ? "polarity not printed"
                 : (*pol == polarity::higher_is_better
                        ? "higher is better"
                        : (*pol == polarity::lower_is_better ? "lower is better"
                                                             : "close is better"));
        if (s && s->is(data_status::monitoring_only)) {
            cx_.undecided(sc.where, shown, "n/a = monitoring only (no target)",
                          "printed n/a although a target is printed (" + desc + ")",
                          meets ? (*meets ? "Green" : "Amber or Red") : "a rating");
            keep();
            return;
        }
        if (!meets) {
            if (s && s->is(rag::green) && a.exact != t.exact) {
                cx_.undecided(sc.where, shown,
                              "Green = meets or exceeds target (polarity not printed)",
                              desc +
                                  "; Green only if the measure is close to target with a "
                                  "tolerance of at least the miss");
            } else if (s) {
                cx_.fact(true, sc.where, shown, "status against figure and target", {}, desc);
            }
            keep();
            return;
        }
        const status_set implied = *meets ? status_set{1} : miss_set(m, a, t);
        if (!sc.printed()) {
            if (!lost) {
                const std::string im =
                    *meets ? "Green"
                           : (implied.bits == 2 ? "Amber"
                                                : (implied.bits == 4 ? "Red" : "Amber or Red"));
                cx_.undecided(
                    sc.where, shown, "a status is printed",
                    "no symbol in the printed row; the figures imply " + im + " (" + desc + ")",
                    im);
            }
            fact.possible = implied;
            keep();
            return;
        }
        if (s->is(rag::green)) {
            cx_.fact(*meets, sc.where, shown, "Green = meets or exceeds target (" + pol_word + ")",
                     *meets ? "Green" : "Amber or Red",
                     desc + (*meets ? "" : " under every amber band"));
            if (!*meets) {
                fact.wrong = true;
                fact.possible = implied;
            }
        } else if (s->is_rated()) {
            bool ok = !*meets && implied.has(status_set::of(*s).bits);
            cx_.fact(ok, sc.where, shown, "Amber/Red = misses target (" + pol_word + ")",
                     *meets ? "Green" : std::string(to_string(*s->rating())), desc);
            if (!ok) {
                fact.wrong = true;
                fact.possible = implied;
            }
        }
        keep();
    }

    void ytd(const measure_record& m, const observation_record& o) {
        if (!m.annotation || !m.annotation->ytd) return;
        const ytd_rule rule = *m.annotation->ytd;
        const cell_figure pa = cx_.figure(o.actual), pt = cx_.figure(o.target);
        const cell_figure ya = cx_.figure(o.ytd_actual), yt = cx_.figure(o.ytd_target);
        const std::string month = month_word(o.period);
        const bool count = m.annotation->unit == "count";
        auto q = [&](const cell_figure& f, const cell_view& c) {
            return cx_.of(*f.figure, f.exact, c.where);
        };
        if (rule == ytd_rule::latest && m.annotation->period_change) {
            if (o.actual.printed() && o.ytd_actual.printed()) {
                cx_.undecided(o.actual.where, o.actual.text, "period and YTD in one unit",
                              "the period figure " + o.actual.text +
                                  " is the change over the period (period_figure change), the "
                                  "YTD " +
                                  o.ytd_actual.text + " the level: not compared");
            }
            return;
        }
        if (rule == ytd_rule::latest) {
            if (ya.figure && pa.figure) {
                cx_.derived(o.ytd_actual.where, o.ytd_actual.text, *ya.figure, ya.exact,
                            q(pa, o.actual), "YTD of a stock = the latest figure (" + month + ")");
            }
            if (yt.figure && pt.figure) {
                cx_.derived(o.ytd_target.where, o.ytd_target.text, *yt.figure, yt.exact,
                            q(pt, o.target), "YTD target of a stock = the period target");
            }
            return;
        }
        if (rule != ytd_rule::sum || !ya.figure || !pa.figure) return;
        const calendar ok_cal = calendar_of();
        const unsigned months = o.period && ok_cal.known ? ok_cal.cal.index_of(o.period->last) : 0;
        if (months == 1) {
            cx_.derived(o.ytd_actual.where, o.ytd_actual.text, *ya.figure, ya.exact,
                        q(pa, o.actual), "YTD of a flow in the first month = the month");
            return;
        }
        (void)count;
        const ratio earlier = ya.figure->value() - pa.figure->value();
        std::optional<ratio> earlier_t;
        if (yt.figure && pt.figure) earlier_t = yt.figure->value() - pt.figure->value();
        const std::string n = months ? std::to_string(months) + " months" : "the months";
        if (months == 2) {
            const std::string before = o.period
                                           ? month_word(report_period::month(o.period->last - 1))
                                           : "the month before";
            if (earlier == zero && (!earlier_t || *earlier_t == zero)) {
                cx_.undecided(o.ytd_actual.where, o.ytd_actual.text,
                              "YTD of a flow = " + before + " + " + month,
                              "YTD equals " + month + "'s figure (and the YTD target " + month +
                                  "'s target): either " + before +
                                  " is not counted or the flow is printed under 'latest'");
            } else if (earlier_t && *earlier_t == zero) {
                cx_.undecided(o.ytd_target.where, o.ytd_target.text,
                              "YTD target of a flow = " + before + "'s + " + month + "'s target",
                              "the YTD actual sums two months but the YTD target equals " + month +
                                  "'s target alone");
            } else {
                cx_.fact(earlier >= zero && (!earlier_t || *earlier_t >= zero), o.ytd_actual.where,
                         o.ytd_actual.text, "YTD of a flow = " + before + " + " + month, {},
                         before + " " + cx_.print(earlier, ya.figure->number.places()));
            }
            return;
        }
        cx_.fact(earlier >= zero, o.ytd_actual.where, o.ytd_actual.text,
                 "YTD of a flow (" + n + ") >= " + month);
        if (earlier_t) {
            cx_.fact(*earlier_t >= zero, o.ytd_target.where, o.ytd_target.text,
                     "YTD target of a flow >= " + month + "'s target");
        }
    }

    struct calendar {
        fiscal_calendar cal = fiscal_calendar::starting(4);
        bool known = false;
    };
    [[nodiscard]] calendar calendar_of() const {
        if (cx_.data().info.calendar) return {*cx_.data().info.calendar, true};
        return {};
    }

    /// The measure's observation for the same period in its measures table.
    [[nodiscard]] static const observation_record* main_of(const measure_record& m,
                                                           const observation_record& o) {
        for (const observation_record& x : m.observations) {
            if (x.section && x.section->kind == section_kind::measures && x.period == o.period &&
                x.period_text == o.period_text) {
                return &x;
            }
        }
        for (const observation_record& x : m.observations) {
            if (x.section && x.section->kind == section_kind::measures) return &x;
        }
        return nullptr;
    }

    void elsewhere(const measure_record& m, const observation_record& o) {
        const observation_record* main = main_of(m, o);
        const std::string key = period_key(o);
        // A status printed here for a period its measures table also prints.
        if (o.status.present && o.status.printed()) {
            const std::optional<status> s = read_status(o.status.text);
            auto it = known_.find(m.id);
            status_fact* f = nullptr;
            if (it != known_.end()) {
                auto jt = it->second.find(key);
                if (jt != it->second.end()) f = &jt->second;
            }
            if (f && main && main->period == o.period) {
                if (f->printed_blank) {
                    // The only printed status: it settles the blank one where the figures allow.
                    if (s && f->possible.has(status_set::of(*s).bits)) {
                        f->possible = status_set::of(*s);
                        f->printed = s;
                        cx_.fact(true, o.status.where, std::string(o.status.trimmed()),
                                 "status = the measures table's status",
                                 std::string(o.status.trimmed()),
                                 "the measures table prints no symbol: this is its only printed "
                                 "status");
                    } else {
                        cx_.fact(false, o.status.where, std::string(o.status.trimmed()),
                                 "status = what the figures imply", {},
                                 "the measures table prints no symbol and its figures do not "
                                 "allow this status");
                    }
                } else {
                    const bool same = s && f->printed && *s == *f->printed;
                    cx_.fact(same, o.status.where, std::string(o.status.trimmed()),
                             "status = the measures table's status",
                             f->printed ? std::string(to_string(*f->printed)) : std::string());
                }
            } else if (s) {
                // A period no measures table prints (April, in a May report): as printed, and
                // against the figures the YTD implies for it.
                if (auto mb = derived_month_before(cx_, m, key); mb && s->is_rated()) {
                    const auto meets = meets_target(
                        mb->actual, mb->target,
                        m.annotation ? m.annotation->direction : std::optional<polarity>());
                    if (meets) {
                        cx_.fact(s->is(rag::green) == *meets, o.status.where,
                                 std::string(o.status.trimmed()),
                                 std::string(to_string(*s->rating())) + " = " +
                                     (s->is(rag::green) ? "meets" : "misses") +
                                     " its target (the YTD less the next month: " + mb->text + ")");
                    }
                }
                status_fact nf;
                nf.printed = s;
                nf.printed_blank = false;
                nf.possible = status_set::of(*s);
                nf.where = o.status.where;
                known_[m.id][key] = nf;
            }
        }
        if (!main || o.section->kind != section_kind::exceptions) return;
        const std::string table_period = o.section->period.empty() && cx_.data().info.month
                                             ? to_string(*cx_.data().info.month)
                                             : o.section->period;
        if (o.period_text != table_period) return;
        if (o.owner.printed() && main->owner.printed()) {
            std::string first(main->owner.trimmed());
            const std::size_t semi = first.find(';');
            if (semi != std::string::npos) first = std::string(trim(first.substr(0, semi)));
            cx_.fact(first == o.owner.trimmed(), o.owner.where, std::string(o.owner.trimmed()),
                     "owner = the measures table's (first named) owner", first);
        }
        if (o.title.printed() && main->title.printed()) {
            const bool same = o.title.trimmed() == main->title.trimmed();
            cell_ref w = o.id.where;
            cx_.fact(same, w, o.id.text, "the measure's title = its measures table's",
                     std::string(main->title.trimmed()),
                     same ? std::string() : "printed \"" + std::string(o.title.trimmed()) + "\"");
        }
    }

    /// Each exception row: Red now, or Amber now and in its previous period.
    void exceptions() {
        for (const printed_section* s : cx_.data().sections_of(section_kind::exceptions)) {
            const section_declaration& d = cx_.data().declaration_of(*s);
            const std::vector<std::size_t> cols = d.all(column_role::status);
            if (cols.size() < 2) continue;
            for (std::size_t i = 0; i < s->rows.size(); ++i) {
                const cell_view before = view_of(*s, d, i, cols[cols.size() - 2]);
                const cell_view now = view_of(*s, d, i, cols.back());
                const auto b = read_status(before.text), n = read_status(now.text);
                const bool ok =
                    (n && n->is(rag::red)) || (n && n->is(rag::amber) && b && b->is(rag::amber));
                cell_ref w = view_of(*s, d, i, column_role::measure).where;
                w.column = "(row)";
                w.source = now.where.source;
                cx_.fact(
                    ok, w,
                    std::string(before.trimmed()) + " \xE2\x86\x92 " + std::string(now.trimmed()),
                    "an exception is Red, or Amber two periods running");
            }
        }
    }

    audit_context& cx_;
    status_knowledge known_;
};

}  // namespace bmm::detail
