// bmm — report/performance: a report's measures and their observations, read from its tables.
//
// A measure is known from every table that prints it (its performance table, an exception
// table, a list) and from its annotation (a measure_info table: what the report does not print,
// as inferred — unit, polarity, YTD rule, frequency, arrears, amber band). An observation is one
// printed row about one measure for one period: a figure, a target, a printed status — any of
// them, or all — and the year-to-date figure, target and status where printed. Nothing is
// filled in: a blank cell stays blank, an "n/a" stays "n/a".
//
//   annotation   text                         meaning
//   polarity     higher, lower, close, range  which way is better ("range": within the target)
//                none                         monitoring only: no target is expected
//                undecided (or blank)         not stated: a rating that needs it is undecided
//   ytd_rule     sum, latest, ratio_of_sums,  how the months make the YTD (bmm/ytd.hpp)
//                average; unknown (or blank)  not stated: the YTD is not checked against it
//   frequency    monthly ... cumulative       its own previous period (report/calendar.hpp)
//   arrears      "1 month", "4 months", blank the months its figures lag the report (blank: none)
//   band         "10%" (of the target), "2.5" the amber band; blank: no band printed (a miss is
//                (in its unit), "none"        Amber or Red, undecided which); none: a miss is Red
//   period_figure  level (or blank), change   what the period's figure is: the measure's value
//                                             for the period, or its change over the period (the
//                                             YTD of a stock is then its level, in another unit)
//
//   bmm::performance p = bmm::performance_of(report);
//   const bmm::measure_record* m = p.find("OCC11.02");
//   m->observations.front().status.text;     // "▲"
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../audit/finding.hpp"
#include "../detail/polarity.hpp"
#include "../detail/text.hpp"
#include "../status.hpp"
#include "../ytd.hpp"
#include "calendar.hpp"
#include "report.hpp"

namespace bmm {

/// A printed cell with its place: what a typed view hands out. `present` is false when the
/// table has no such column (as distinct from a blank cell).
struct cell_view {
    cell_ref where;
    std::string text;
    const column_declaration* column = nullptr;
    bool present = false;

    /// Returns: true when the column is there and its cell prints something.
    [[nodiscard]] bool printed() const noexcept { return present && !detail::trim(text).empty(); }
    /// Returns: the text without surrounding space.
    [[nodiscard]] std::string_view trimmed() const noexcept { return detail::trim(text); }
};

/// Returns: the view of row r's cell in column c of section s.
[[nodiscard]] inline cell_view view_of(const printed_section& s, const section_declaration& d,
                                       std::size_t r, std::size_t c) {
    cell_view v;
    if (c >= d.columns.size() || r >= s.rows.size() || c >= s.rows[r].cells.size()) return v;
    v.where = s.ref(r, c, d);
    v.text = s.rows[r].cells[c].text;
    v.column = &d.columns[c];
    v.present = true;
    return v;
}
/// Returns: the view of row r's first cell of role `role` (not present when there is none).
[[nodiscard]] inline cell_view view_of(const printed_section& s, const section_declaration& d,
                                       std::size_t r, column_role role) {
    if (auto c = d.find(role)) return view_of(s, d, r, *c);
    return {};
}

/// Returns: the measure id a printed measure cell names: "OCC01.02: Total No. of ..." gives
/// "OCC01.02", "OCC04.04 % of residents ..." gives "OCC04.04", "11" gives "11".
[[nodiscard]] inline std::string measure_id_of(std::string_view text) {
    const std::string_view t = detail::trim(text);
    std::size_t k = 0;
    while (k < t.size() && t[k] != ':' && !detail::is_space(t[k])) ++k;
    return std::string(t.substr(0, k));
}
/// Returns: the title a printed measure cell gives after its id ("" when it gives none).
[[nodiscard]] inline std::string measure_title_of(std::string_view text) {
    const std::string_view t = detail::trim(text);
    std::size_t k = 0;
    while (k < t.size() && t[k] != ':' && !detail::is_space(t[k])) ++k;
    std::string_view rest = t.substr(k);
    if (!rest.empty() && rest[0] == ':') rest = rest.substr(1);
    return std::string(detail::trim(rest));
}

/// One printed row about one measure for one period (see the header comment).
struct observation_record {
    std::string measure;
    std::optional<report_period> period;  ///< nullopt: the table does not say, nor the report
    std::string period_text;              ///< as the table or report names it
    cell_view id, title, owner, actual, target, status, ytd_actual, ytd_target, ytd_status;
    cell_view outlook, cumulative, outcome;
    const printed_section* section = nullptr;
    std::size_t row = 0;
};

/// A measure's annotation (see the header comment), with where it was read.
struct measure_annotation {
    std::string unit;
    std::optional<polarity> direction;
    bool monitoring_only = false;  ///< polarity "none"
    std::optional<ytd_rule> ytd;
    std::optional<reporting_frequency> frequency;
    int arrears = 0;
    std::string band;  ///< as written: "", "none", "10%", "2.5"
    /// period_figure "change": the period's figure is the change over the period, not the value.
    bool period_change = false;
    std::string group;
    cell_view row;  ///< the annotation's id cell
};

/// Everything a report prints or annotates about one measure.
struct measure_record {
    std::string id;
    std::string group;  ///< its priority or dashboard, as its table or annotation names it
    std::optional<measure_annotation> annotation;
    std::vector<observation_record> observations;  ///< in the order the tables list them

    /// Returns: its main observation for period p: the first from a measures table, else the
    /// first of any table; nullptr when none is for p.
    [[nodiscard]] const observation_record* at(const report_period& p) const noexcept {
        const observation_record* any = nullptr;
        for (const observation_record& o : observations) {
            if (!o.period || *o.period != p) continue;
            if (o.section && o.section->kind == section_kind::measures) return &o;
            if (!any) any = &o;
        }
        return any;
    }
    /// Returns: its title as its measures table prints it (else any table's), or "".
    [[nodiscard]] std::string title() const {
        std::string any;
        for (const observation_record& o : observations) {
            if (o.title.printed()) {
                if (o.section && o.section->kind == section_kind::measures) {
                    return std::string(o.title.trimmed());
                }
                if (any.empty()) any = std::string(o.title.trimmed());
            }
        }
        return any;
    }
};

/// A report's measures, in the order first printed.
struct performance {
    std::vector<measure_record> measures;

    [[nodiscard]] const measure_record* find(std::string_view id) const noexcept {
        for (const measure_record& m : measures) {
            if (m.id == id) return &m;
        }
        return nullptr;
    }
};

/// Returns: the months a polarity word names, as the annotation reads it ("1 month", "4 months",
/// "" for none), or std::nullopt.
[[nodiscard]] inline std::optional<int> try_parse_arrears(std::string_view text) noexcept {
    const std::string_view t = detail::trim(text);
    if (t.empty()) return 0;
    std::size_t k = 0;
    int n = 0;
    while (k < t.size() && detail::is_digit(t[k]) && k < 3) n = n * 10 + (t[k++] - '0');
    if (k == 0) return std::nullopt;
    const std::string_view rest = detail::trim(t.substr(k));
    if (rest == "month" || rest == "months" || rest.empty()) return n;
    if (rest == "quarter" || rest == "quarters") return 3 * n;
    return std::nullopt;
}

/// Reads a report's measures and observations from its measures, measure_info and exceptions
/// tables (see the header comment).
/// Throws: report_error at the cell for an annotation that is not one (a polarity "higer").
[[nodiscard]] performance performance_of(const report& r);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
inline measure_record& measure_slot(performance& p, const std::string& id) {
    for (measure_record& m : p.measures) {
        if (m.id == id) return m;
    }
    p.measures.push_back(measure_record{id, {}, {}, {}});
    return p.measures.back();
}
inline std::optional<report_period> period_named(const report& r, std::string_view text) {
    if (!r.info.calendar && !calendar_month::try_parse(text)) return std::nullopt;
    return report_period::try_parse(text, r.info.calendar.value_or(fiscal_calendar::starting(4)));
}
}  // namespace detail

inline performance performance_of(const report& r) {
    performance p;
    // Annotations first: they give no observations.
    for (const printed_section* s : r.sections_of(section_kind::measure_info)) {
        const section_declaration& d = r.declaration_of(*s);
        for (std::size_t i = 0; i < s->rows.size(); ++i) {
            const std::string id(detail::trim(view_of(*s, d, i, column_role::id).text));
            measure_annotation a;
            a.row = view_of(*s, d, i, column_role::id);
            auto read = [&](column_role role, auto&& parse) {
                const cell_view c = view_of(*s, d, i, role);
                if (!c.printed()) return;
                if (!parse(c.trimmed())) {
                    throw report_error(c.where.source.value_or(source_position{s->file, 1, {}}),
                                       "\"" + std::string(c.trimmed()) + "\" is not a " +
                                           std::string(to_string(role)) + " (" + id + ")",
                                       c.text);
                }
            };
            read(column_role::polarity, [&](std::string_view t) {
                if (t == "higher")
                    a.direction = polarity::higher_is_better;
                else if (t == "lower")
                    a.direction = polarity::lower_is_better;
                else if (t == "close" || t == "range")
                    a.direction = polarity::close_to_target;
                else if (t == "none")
                    a.monitoring_only = true;
                else if (t != "undecided")
                    return false;
                return true;
            });
            read(column_role::ytd_rule, [&](std::string_view t) {
                if (t == "unknown") return true;
                a.ytd = try_parse_ytd_rule(t);
                return a.ytd.has_value();
            });
            read(column_role::frequency, [&](std::string_view t) {
                a.frequency = try_parse_reporting_frequency(t);
                return a.frequency.has_value();
            });
            read(column_role::arrears, [&](std::string_view t) {
                auto n = try_parse_arrears(t);
                if (n) a.arrears = *n;
                return n.has_value();
            });
            read(column_role::band, [&](std::string_view t) {
                a.band = std::string(t);
                return true;
            });
            read(column_role::period_figure, [&](std::string_view t) {
                a.period_change = t == "change";
                return t == "change" || t == "level";
            });
            if (auto c = view_of(*s, d, i, column_role::unit); c.printed()) {
                a.unit = std::string(c.trimmed());
            }
            if (auto c = view_of(*s, d, i, column_role::group); c.printed()) {
                a.group = std::string(c.trimmed());
            }
            measure_record& m = detail::measure_slot(p, id);
            m.annotation = std::move(a);
            if (m.group.empty()) m.group = m.annotation->group;
        }
    }
    const std::string report_month = r.info.month ? to_string(*r.info.month) : std::string();
    for (const printed_section& s : r.sections) {
        if (s.kind != section_kind::measures && s.kind != section_kind::exceptions &&
            s.kind != section_kind::measure_list) {
            continue;
        }
        const section_declaration& d = r.declaration_of(s);
        const std::string table_period = s.period.empty() ? report_month : s.period;
        std::string carried_group;  // a group cell printed once for the rows below it
        for (std::size_t i = 0; i < s.rows.size(); ++i) {
            cell_view idc = view_of(s, d, i, column_role::id);
            cell_view mc = view_of(s, d, i, column_role::measure);
            std::string id;
            if (idc.present) {
                id = std::string(idc.trimmed());
            } else if (mc.present) {
                id = measure_id_of(mc.text);
            } else {
                continue;
            }
            if (id.empty()) continue;
            std::string group = s.group;
            if (auto g = view_of(s, d, i, column_role::group); g.present) {
                if (g.printed()) carried_group = std::string(g.trimmed());
                if (group.empty()) group = carried_group;
            }
            measure_record& m = detail::measure_slot(p, id);
            if (m.group.empty()) m.group = group;
            // One observation per period the row speaks of: the table's, and each status
            // column's own period.
            std::vector<std::string> periods{table_period};
            for (const column_declaration& c : d.columns) {
                if (!c.period.empty() &&
                    std::find(periods.begin(), periods.end(), c.period) == periods.end()) {
                    periods.push_back(c.period);
                }
            }
            for (const std::string& per : periods) {
                observation_record o;
                o.measure = id;
                o.period_text = per;
                if (!per.empty()) o.period = detail::period_named(r, per);
                o.section = &s;
                o.row = i;
                o.id = idc.present ? idc : mc;
                if (mc.present) {
                    o.title = mc;
                    o.title.text = measure_title_of(mc.text);
                }
                for (std::size_t c = 0; c < d.columns.size(); ++c) {
                    const column_declaration& col = d.columns[c];
                    const std::string& cp = col.period.empty() ? table_period : col.period;
                    if (cp != per) continue;
                    cell_view v = view_of(s, d, i, c);
                    switch (col.role) {
                        case column_role::title:
                            o.title = v;
                            break;
                        case column_role::owner:
                            o.owner = v;
                            break;
                        case column_role::actual:
                            o.actual = v;
                            break;
                        case column_role::target:
                            o.target = v;
                            break;
                        case column_role::status:
                            o.status = v;
                            break;
                        case column_role::ytd_actual:
                            o.ytd_actual = v;
                            break;
                        case column_role::ytd_target:
                            o.ytd_target = v;
                            break;
                        case column_role::ytd_status:
                            o.ytd_status = v;
                            break;
                        case column_role::outlook:
                            o.outlook = v;
                            break;
                        case column_role::cumulative:
                            o.cumulative = v;
                            break;
                        case column_role::outcome:
                            o.outcome = v;
                            break;
                        default:
                            break;
                    }
                }
                m.observations.push_back(std::move(o));
            }
        }
    }
    return p;
}

}  // namespace bmm
