// The monthly report's dashboard: one self-contained HTML page with inline SVG charts (no
// script, no network). Status is never shown by colour alone: every mark carries its symbol
// (★ ● ▲) or its words, and every colour has a key. Every figure drawn is one the report
// computed with bmm, formatted as the report prints it; every label comes from the data.
#pragma once

#include <algorithm>
#include <bmm/format.hpp>
#include <bmm/history.hpp>
#include <bmm/risk.hpp>
#include <bmm/status.hpp>
#include <bmm/summary.hpp>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "report_data.hpp"

namespace dashboard {

inline std::string esc(const std::string& s) {
    std::string o;
    for (char c : s) {
        switch (c) {
            case '&':
                o += "&amp;";
                break;
            case '<':
                o += "&lt;";
                break;
            case '>':
                o += "&gt;";
                break;
            case '"':
                o += "&quot;";
                break;
            default:
                o += c;
        }
    }
    return o;
}

inline const char* colour(bmm::status s) {
    if (s.is(bmm::rag::green)) return "#2e7d32";
    if (s.is(bmm::rag::amber)) return "#f9a825";
    if (s.is(bmm::rag::red)) return "#c62828";
    return "#9e9e9e";
}
inline std::string symbol_and_word(bmm::status s) {
    std::string out(bmm::to_symbol(s));
    out += ' ';
    out += bmm::to_string(s);
    return out;
}

/// A number for SVG coordinates, from an exact value (display only: never fed back).
inline double px(bmm::ratio r) {
    return static_cast<double>(r.numerator()) / static_cast<double>(r.denominator());
}

inline std::string num(double v) {
    std::ostringstream o;
    o.precision(1);
    o << std::fixed << v;
    return o.str();
}

template <class Model>
std::string rag_by_priority(const Model& m) {
    std::ostringstream o;
    const int row_h = 26, left = 70, width = 420;
    const int h = static_cast<int>(m.by_priority.size()) * row_h + 40;
    o << "<svg role=\"img\" aria-labelledby=\"t-rag\" viewBox=\"0 0 640 " << h
      << "\" width=\"640\" height=\"" << h << "\">"
      << "<title id=\"t-rag\">Measures by status and priority</title>";
    int y = 10;
    std::int64_t most = 1;
    for (const auto& [p, c] : m.by_priority) most = std::max(most, c.total());
    for (const auto& [p, c] : m.by_priority) {
        o << "<text x=\"0\" y=\"" << y + 17 << "\" class=\"lbl\">" << esc(p) << "</text>";
        double x = left;
        const std::int64_t cells[] = {c.green, c.amber, c.red, c.unrated};
        const bmm::status kinds[] = {bmm::rag::green, bmm::rag::amber, bmm::rag::red,
                                     bmm::data_status::monitoring_only};
        for (int k = 0; k < 4; ++k) {
            if (cells[k] == 0) continue;
            const double w = px(bmm::ratio(cells[k] * width, most));
            o << "<rect x=\"" << num(x) << "\" y=\"" << y << "\" width=\"" << num(w)
              << "\" height=\"20\" fill=\"" << colour(kinds[k]) << "\"><title>"
              << esc(std::string(bmm::to_string(kinds[k]))) << ": " << cells[k] << "</title></rect>"
              << "<text x=\"" << num(x + 4) << "\" y=\"" << y + 15 << "\" class=\"in\">"
              << bmm::to_symbol(kinds[k]) << " " << cells[k] << "</text>";
            x += w;
        }
        y += row_h;
    }
    o << "<text x=\"0\" y=\"" << y + 20
      << "\" class=\"key\">\xE2\x98\x85 Green  \xE2\x97\x8F Amber  "
         "\xE2\x96\xB2 Red  n/a monitoring only / no data</text></svg>";
    return o.str();
}

/// One exception measure's months of the year to date against its targets: every month with a
/// known figure is a point (hollow when derived: YTD less the other months), a month whose
/// figure is not given but whose status is known is marked below the axis; the target of each
/// month with one is a dashed step.
template <class Measure>
std::string trend_chart(const Measure& x, int index) {
    std::ostringstream o;
    const std::string id = "t-trend-" + std::to_string(index);
    const std::size_t n = x.months.size();
    bmm::ratio lo, hi;
    bool any = false;
    auto include = [&](bmm::decimal d) {
        const bmm::ratio v = bmm::ratio::from_decimal(d);
        if (!any || v < lo) lo = v;
        if (!any || v > hi) hi = v;
        any = true;
    };
    for (const auto& v : x.months) {
        if (v.actual) include(v.actual->value);
        if (v.target && v.target->what() == bmm::target::kind::value) include(v.target->low());
    }
    if (hi == lo) {
        hi = hi + bmm::ratio(1);
        lo = lo - bmm::ratio(1);
    }
    const double left = 20, right = 300, top = 28, bottom = 118, span = bottom - top;
    const double step = (right - left) / static_cast<double>(n);
    auto xpos = [&](std::size_t i) { return left + step * (static_cast<double>(i) + 0.5); };
    auto ypos = [&](bmm::decimal v) {
        return bottom - px((bmm::ratio::from_decimal(v) - lo) / (hi - lo)) * span;
    };
    std::string desc;
    bool derived_any = false, status_only = false;
    for (const auto& v : x.months) {
        desc += report::long_label(v.month) + ": ";
        desc += v.actual ? report::show(*v.actual) + (v.actual_derived ? " (derived)" : "")
                         : std::string("figure not given");
        desc += v.status ? ", " + std::string(bmm::to_string(*v.status)) : std::string();
        if (v.target) desc += ", target " + report::show(*v.target);
        desc += "; ";
        derived_any = derived_any || v.actual_derived || v.target_derived;
    }
    o << "<figure class=\"trend\"><svg role=\"img\" aria-labelledby=\"" << id << " " << id
      << "d\" viewBox=\"0 0 320 200\" width=\"320\" height=\"200\"><title id=\"" << id << "\">"
      << esc(x.id) << " by month against its target</title><desc id=\"" << id << "d\">" << esc(desc)
      << "</desc>";
    o << "<line x1=\"" << left << "\" x2=\"" << right << "\" y1=\"" << bottom + 12 << "\" y2=\""
      << bottom + 12 << "\" class=\"axis\"/>";
    // Targets: a dashed step per month, labelled at the report month.
    std::string target_label;
    double target_y = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& t = x.months[i].target;
        if (!t || t->what() != bmm::target::kind::value) continue;
        const double yy = ypos(t->low());
        o << "<line x1=\"" << num(xpos(i) - step / 2 + 2) << "\" x2=\""
          << num(xpos(i) + step / 2 - 2) << "\" y1=\"" << num(yy) << "\" y2=\"" << num(yy)
          << "\" class=\"target\"/>";
        target_label = "target " + report::show(*t) + (x.months[i].target_derived ? "*" : "");
        target_y = yy;
    }
    if (!target_label.empty()) {
        o << "<text x=\"" << right << "\" y=\"" << num(target_y - 4)
          << "\" text-anchor=\"end\" class=\"small\">" << esc(target_label) << "</text>";
    }
    // Figures: points joined where consecutive months are known.
    std::string path;
    bool joined = false;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& v = x.months[i];
        if (!v.actual) {
            joined = false;
            continue;
        }
        const double yy = ypos(v.actual->value);
        path += (joined ? " L" : (path.empty() ? "M" : " M")) + num(xpos(i)) + " " + num(yy);
        joined = true;
    }
    if (!path.empty()) o << "<path d=\"" << path << "\" class=\"line\"/>";
    for (std::size_t i = 0; i < n; ++i) {
        const auto& v = x.months[i];
        const bmm::status s = v.status.value_or(bmm::data_status::not_reported);
        const std::string mark = v.status ? std::string(bmm::to_symbol(s)) : std::string("?");
        if (v.actual) {
            const double yy = ypos(v.actual->value);
            o << "<circle cx=\"" << num(xpos(i)) << "\" cy=\"" << num(yy) << "\" r=\"5\" fill=\""
              << (v.actual_derived ? "#fff" : colour(s)) << "\" stroke=\"" << colour(s)
              << "\" stroke-width=\"2\"><title>" << esc(report::long_label(v.month)) << ": "
              << esc(report::show(*v.actual)) << (v.actual_derived ? " (derived)" : "")
              << (v.status ? ", " + esc(std::string(bmm::to_string(s))) : std::string())
              << "</title></circle><text x=\"" << num(xpos(i)) << "\" y=\"" << num(yy - 9)
              << "\" text-anchor=\"middle\" class=\"small\">" << mark << " "
              << esc(report::show(*v.actual)) << (v.actual_derived ? "*" : "") << "</text>";
        } else if (v.status) {
            // The status alone, on the axis; the words too while the months are wide enough.
            status_only = true;
            o << "<text x=\"" << num(xpos(i)) << "\" y=\"" << bottom + 8
              << "\" text-anchor=\"middle\" class=\"small\"><tspan fill=\"" << colour(s)
              << "\" class=\"mark\">" << mark << "</tspan>"
              << (step >= 110 ? " figure not given" : "") << "<title>"
              << esc(report::long_label(v.month)) << ": " << esc(std::string(bmm::to_string(s)))
              << ", figure not given</title></text>";
        }
        o << "<text x=\"" << num(xpos(i)) << "\" y=\"" << bottom + 26
          << "\" text-anchor=\"middle\" class=\"small\">" << esc(report::short_label(v.month))
          << "</text>";
    }
    double note_y = bottom + 44;
    if (derived_any) {
        o << "<text x=\"" << left << "\" y=\"" << note_y
          << "\" class=\"small\">* derived: the YTD less the other months</text>";
        note_y += 13;
    }
    if (status_only && step < 110) {
        o << "<text x=\"" << left << "\" y=\"" << note_y
          << "\" class=\"small\">on the axis: the status only, no figure given</text>";
    }
    o << "</svg><figcaption>" << bmm::to_symbol(x.current) << " " << esc(x.id) << " "
      << esc(std::string(bmm::to_string(x.current))) << ": " << esc(x.title) << " (" << esc(x.owner)
      << ")</figcaption></figure>";
    return o.str();
}

/// The lines of the overall table's first total (the directorates, in seed 003), as diverging
/// bars around zero. Label, colour and bar length all come from the variance rounded as shown
/// (£0.1m): a variance that rounds to £0.0m is "on budget", never a red sliver.
template <class Model>
std::string variance_chart(const Model& m) {
    std::ostringstream o;
    using row_kind = typename std::decay_t<decltype(m.overall)>::row_kind;
    const auto shown = bmm::money_format::millions(1);
    std::vector<std::pair<std::string, bmm::gbp>> rows;
    std::string total_name;
    for (const auto& r : m.overall.rows()) {
        if (r.kind != row_kind::total) continue;
        total_name = r.figures.name;
        for (std::size_t i : r.members) {
            const auto& line = m.overall[i].figures;
            rows.push_back({line.name, bmm::parse_money<bmm::currency::gbp>(
                                           bmm::to_string(line.variance(), shown), shown)});
        }
        break;
    }
    bmm::gbp most = bmm::gbp::from_millions("0.1");
    for (const auto& r : rows) most = std::max(most, bmm::abs(r.second));
    const int row_h = 26, mid = 330, half = 150;
    const int h = static_cast<int>(rows.size()) * row_h + 30;
    o << "<svg role=\"img\" aria-labelledby=\"t-var\" viewBox=\"0 0 640 " << h
      << "\" width=\"640\" height=\"" << h << "\"><title id=\"t-var\">Forecast variance by "
      << "directorate: the lines of " << esc(total_name) << "</title>";
    int y = 5;
    for (const auto& [name, v] : rows) {
        const double w =
            px(bmm::ratio(bmm::abs(v).in_minor_units(), most.in_minor_units()) * bmm::ratio(half));
        const bool over = v > bmm::zero, under = v < bmm::zero;
        o << "<text x=\"0\" y=\"" << y + 16 << "\" class=\"lbl\">" << esc(name) << "</text>";
        if (over || under) {
            o << "<rect x=\"" << num(over ? mid : mid - w) << "\" y=\"" << y << "\" width=\""
              << num(w) << "\" height=\"20\" fill=\"" << (over ? "#c62828" : "#2e7d32") << "\"/>";
        }
        o << "<text x=\"" << num(over ? mid + w + 4 : mid + 4) << "\" y=\"" << y + 15
          << "\" class=\"small\">" << esc(over ? "\xE2\x96\xB2 " : (under ? "\xE2\x96\xBC " : ""))
          << esc(bmm::to_string(v, shown.with_plus_sign()))
          << (over ? " overspend" : (under ? " underspend" : " on budget")) << "</text>";
        y += row_h;
    }
    o << "<line x1=\"" << mid << "\" x2=\"" << mid << "\" y1=\"0\" y2=\"" << h - 20
      << "\" class=\"axis\"/><text x=\"0\" y=\"" << h - 4
      << "\" class=\"small\">\xE2\x96\xB2 red, right of the axis: overspend; \xE2\x96\xBC green, "
         "left: underspend; variances as printed, to "
      << esc(bmm::to_string(bmm::gbp::from_millions("0.1"), shown)) << "</text></svg>";
    return o.str();
}

template <class Model>
std::string balances_chart(const Model& m) {
    std::ostringstream o;
    const auto closing = m.balances.closing(), level = m.balances.risk_assessed_level;
    const auto top = std::max(closing, level) + bmm::gbp::from_millions("5");
    auto w = [&](bmm::gbp g) {
        return px(bmm::ratio(g.in_minor_units(), top.in_minor_units()) * bmm::ratio(520));
    };
    o << "<svg role=\"img\" aria-labelledby=\"t-bal\" viewBox=\"0 0 640 110\" width=\"640\" "
         "height=\"110\"><title id=\"t-bal\">General balances against the risk-assessed "
         "level</title>"
      << "<rect x=\"100\" y=\"20\" width=\"" << num(w(closing)) << "\" height=\"30\" fill=\""
      << (m.balances.at_or_above_level() ? "#2e7d32" : "#c62828") << "\"/>"
      << "<text x=\"0\" y=\"40\" class=\"lbl\">Forecast</text><text x=\"104\" y=\"40\" "
         "class=\"in\">"
      << esc(bmm::to_string(closing, bmm::money_format::millions(1))) << "</text>"
      << "<line x1=\"" << num(100 + w(level)) << "\" x2=\"" << num(100 + w(level))
      << "\" y1=\"10\" y2=\"60\" class=\"target\"/><text x=\"" << num(100 + w(level) - 150)
      << "\" y=\"80\" class=\"small\">risk-assessed level "
      << esc(bmm::to_string(level, bmm::money_format::millions(1))) << "</text>"
      << "<text x=\"0\" y=\"100\" class=\"small\">"
      << (m.balances.at_or_above_level() ? "\xE2\x98\x85 at or above the level"
                                         : "\xE2\x96\xB2 below the level")
      << ", headroom " << esc(bmm::to_string(m.balances.headroom(), bmm::money_format::millions(1)))
      << "</text></svg>";
    return o.str();
}

/// The 5 × 5 likelihood × impact grid. A risk with its likelihood and impact given sits in its
/// cell (bold); a risk published as a score only is drawn, dashed and in italics, in every cell
/// whose likelihood × impact is that score, and the page says so. Each cell shows its score and
/// its band's symbol; a key gives the bands' score ranges.
template <class Model>
std::string heat_map(const Model& m) {
    std::ostringstream o;
    const int cell = 60, left = 40, top = 10;
    const bmm::risk_bands bands;
    std::map<std::pair<unsigned, unsigned>, std::string> placed, possible;
    std::size_t score_only = 0;
    for (const auto& k : m.risks) {
        if (k.factors) {
            auto& s = placed[{k.factors->likelihood(), k.factors->impact()}];
            s += (s.empty() ? "" : " ") + k.number;
            continue;
        }
        ++score_only;
        for (unsigned l = 1; l <= 5; ++l) {
            if (k.r.residual % l == 0 && k.r.residual / l >= 1 && k.r.residual / l <= 5) {
                auto& s = possible[{l, k.r.residual / l}];
                s += (s.empty() ? "" : " ") + k.number;
            }
        }
    }
    const int list_x = left + 5 * cell + 30;
    const int h = std::max(top + 5 * cell + 120, 40 + 18 * static_cast<int>(m.risks.size()) + 60);
    o << "<svg role=\"img\" aria-labelledby=\"t-heat\" viewBox=\"0 0 1000 " << h
      << "\" width=\"1000\" height=\"" << h
      << "\"><title id=\"t-heat\">Strategic risks: likelihood by impact</title>";
    for (unsigned l = 1; l <= 5; ++l) {
        for (unsigned i = 1; i <= 5; ++i) {
            const auto level = bands.level(l * i);
            const int x = left + static_cast<int>(i - 1) * cell;
            const int y = top + static_cast<int>(5 - l) * cell;
            const bool maybe = possible.count({l, i}) != 0;
            o << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << cell << "\" height=\""
              << cell << "\" fill=\"" << colour(bmm::to_rag(level)) << "\" fill-opacity=\"0.3\" "
              << "stroke=\"" << (maybe ? "#222" : "#fff") << "\""
              << (maybe ? " stroke-dasharray=\"4 3\" stroke-width=\"1.5\"" : "") << "/><text x=\""
              << x + 4 << "\" y=\"" << y + 13 << "\" class=\"small\">" << l * i << " "
              << bmm::to_symbol(bmm::to_rag(level)) << "</text>";
            if (auto it = placed.find({l, i}); it != placed.end()) {
                o << "<text x=\"" << x + 6 << "\" y=\"" << y + 34 << "\" class=\"risk\">"
                  << esc(it->second) << "</text>";
            }
            if (maybe) {
                o << "<text x=\"" << x + 6 << "\" y=\"" << y + 52 << "\" class=\"maybe\">"
                  << esc(possible[{l, i}]) << "</text>";
            }
        }
    }
    const int grid_bottom = top + 5 * cell;
    for (unsigned i = 1; i <= 5; ++i) {
        o << "<text x=\"" << left + static_cast<int>(i - 1) * cell + cell / 2 - 3 << "\" y=\""
          << grid_bottom + 14 << "\" class=\"small\">" << i << "</text><text x=\"" << left - 12
          << "\" y=\"" << top + static_cast<int>(5 - i) * cell + cell / 2 + 4
          << "\" class=\"small\">" << i << "</text>";
    }
    o << "<text x=\"" << left << "\" y=\"" << grid_bottom + 30
      << "\" class=\"small\">impact \xE2\x86\x92</text><text x=\"0\" y=\"" << top - 2
      << "\" class=\"small\">likelihood \xE2\x86\x91</text>";
    // The key: each band's symbol, colour and score range, from the bands themselves.
    int key_x = left;
    for (const auto level :
         {bmm::risk_level::high, bmm::risk_level::medium, bmm::risk_level::low}) {
        unsigned from = 0, to = 0;
        for (unsigned s = 1; s <= 25; ++s) {
            if (bands.level(s) != level) continue;
            if (from == 0) from = s;
            to = s;
        }
        o << "<rect x=\"" << key_x << "\" y=\"" << grid_bottom + 42
          << "\" width=\"14\" height=\"14\" fill=\"" << colour(bmm::to_rag(level))
          << "\" fill-opacity=\"0.3\" stroke=\"#555\"/><text x=\"" << key_x + 18 << "\" y=\""
          << grid_bottom + 54 << "\" class=\"key\">" << bmm::to_symbol(bmm::to_rag(level)) << " "
          << bmm::to_string(level) << " " << from << "\xE2\x80\x93" << to << "</text>";
        key_x += 130;
    }
    o << "<text x=\"" << left << "\" y=\"" << grid_bottom + 76
      << "\" class=\"small\">Bold: a risk in its cell (likelihood and impact given).</text>"
      << "<text x=\"" << left << "\" y=\"" << grid_bottom + 92
      << "\" class=\"small\">Dashed cell, italics: a risk published as a score only may be in "
         "any cell of that score.</text>";
    // The list: every risk, its scores and where it is.
    int y = 20;
    o << "<text x=\"" << list_x << "\" y=\"" << y << "\" class=\"lbl\">Residual risk, "
      << "previous \xE2\x86\x92 current score</text>";
    for (const auto& k : m.risks) {
        y += 18;
        std::string where;
        if (k.factors) {
            where = "likelihood " + std::to_string(k.factors->likelihood()) + " \xC3\x97 impact " +
                    std::to_string(k.factors->impact());
        } else {
            where = "score only: ";
            bool first = true;
            for (unsigned l = 1; l <= 5; ++l) {
                if (k.r.residual % l == 0 && k.r.residual / l <= 5) {
                    where += (first ? "" : " or ") + std::to_string(l) + "\xC3\x97" +
                             std::to_string(k.r.residual / l);
                    first = false;
                }
            }
        }
        o << "<text x=\"" << list_x << "\" y=\"" << y << "\" class=\"small\">"
          << bmm::to_symbol(bmm::to_rag(k.level)) << " " << esc(k.r.name) << ": "
          << k.r.previous_residual << " \xE2\x86\x92 " << k.r.residual << " "
          << bmm::to_string(k.level) << ", " << bmm::to_symbol(k.travel) << " "
          << bmm::to_string(k.travel) << " (" << esc(where) << ")</text>";
    }
    if (score_only > 0) {
        y += 28;
        o << "<text x=\"" << list_x << "\" y=\"" << y << "\" class=\"small\">" << score_only
          << " of " << m.risks.size()
          << " risks are published as scores only: their likelihood and impact are not "
             "known.</text>";
    }
    o << "</svg>";
    return o.str();
}

/// Returns: the whole page.
template <class Model>
std::string render(const Model& m) {
    std::ostringstream o;
    const std::string when = report::long_label(m.month);
    o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<title>Business Management &amp; Monitoring dashboard: " << esc(m.council) << ", "
      << esc(when) << "</title><style>"
      << "body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1100px}"
      << "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}"
      << ".lbl{font-size:13px}.in{font-size:12px;fill:#fff;font-weight:bold}"
      << ".small{font-size:11px}.key{font-size:12px}.risk{font-size:16px;font-weight:bold}"
      << ".maybe{font-size:12px;font-style:italic}.mark{font-size:14px;font-weight:bold}"
      << ".target{stroke:#222;stroke-dasharray:4 3}.line{stroke:#555;fill:none}"
      << ".axis{stroke:#222}.trend{display:inline-block;margin:0 1rem 1rem 0;width:320px;"
      << "vertical-align:top}"
      << "figcaption{font-size:12px}table{border-collapse:collapse}"
      << "td,th{padding:2px 8px;text-align:right;font-size:13px}td:first-child{text-align:left}"
      << "</style></head><body>";
    o << "<h1>Business Management &amp; Monitoring: " << esc(m.council) << "</h1><p>Position at "
      << "the end of " << esc(when) << " (" << esc(bmm::to_string(m.month)) << "). "
      << m.measures.size() << " measures; every figure computed by bmm from the report as "
      << "printed.</p>";
    o << "<h2 id=\"rag\">Measures by status and priority</h2>" << rag_by_priority(m);
    o << "<table aria-label=\"Status summary\"><tr><th></th><th>\xE2\x98\x85 Green</th><th>"
         "\xE2\x97\x8F Amber</th><th>\xE2\x96\xB2 Red</th><th>n/a</th><th>Total</th></tr>";
    for (const auto* c : {&m.current_counts, &m.ytd_counts}) {
        const auto pct = bmm::percentages(*c, 0);
        const auto cells = c->cells();
        o << "<tr><td>" << (c == &m.current_counts ? esc(when) : std::string("Year to date"))
          << "</td>";
        for (std::size_t k = 0; k < 4; ++k) {
            o << "<td>" << cells[k] << " (" << esc(bmm::to_string(pct[k])) << "%)</td>";
        }
        o << "<td>" << c->total() << "</td></tr>";
    }
    o << "</table>";
    o << "<h2 id=\"exceptions\">Exception measures against their targets</h2>"
      << "<p class=\"small\">Each month of " << esc(bmm::to_string(m.month.year()))
      << " to date: the figure with its status symbol, the target dashed.</p>";
    int index = 0;
    for (const auto& x : m.measures) {
        if (x.exception && !x.target.is_none() && x.target.what() != bmm::target::kind::position) {
            o << trend_chart(x, index++);
        }
    }
    o << "<h2 id=\"variance\">Forecast variance by directorate</h2>" << variance_chart(m);
    o << "<h2 id=\"balances\">General balances against the risk-assessed level</h2>"
      << balances_chart(m);
    o << "<h2 id=\"risks\">Strategic risks</h2>" << heat_map(m);
    o << "<p class=\"small\">Made with bmm";
    if (!m.source.empty()) o << " from " << esc(m.source);
    o << ".</p></body></html>\n";
    return o.str();
}

}  // namespace dashboard
