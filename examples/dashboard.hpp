// The monthly report's dashboard: one self-contained HTML page with inline SVG charts (no
// script, no network). Status is never shown by colour alone: every mark carries its symbol
// (★ ● ▲) or its words. Every figure drawn is one the report computed with bmm.
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

template <class Measure>
std::string trend_chart(const Measure& x, int index) {
    // Two periods: April (when known) and May, against the May target.
    std::ostringstream o;
    const std::string id = "t-trend-" + std::to_string(index);
    std::vector<std::pair<std::string, bmm::ratio>> points;
    if (x.april_actual) points.push_back({"Apr", bmm::ratio::from_decimal(x.april_actual->value)});
    points.push_back({"May", bmm::ratio::from_decimal(x.actual.value)});
    const bmm::ratio target = bmm::ratio::from_decimal(x.target.low());
    bmm::ratio lo = target, hi = target;
    for (const auto& p : points) {
        lo = std::min(lo, p.second);
        hi = std::max(hi, p.second);
    }
    if (hi == lo) hi = lo + bmm::ratio(1);
    const double top = 20, bottom = 120, span = bottom - top;
    auto ypos = [&](bmm::ratio v) { return bottom - px((v - lo) / (hi - lo)) * span; };
    o << "<figure class=\"trend\"><svg role=\"img\" aria-labelledby=\"" << id
      << "\" viewBox=\"0 0 300 150\" width=\"300\" height=\"150\"><title id=\"" << id << "\">"
      << esc(x.id) << " against its target</title>";
    o << "<line x1=\"30\" x2=\"290\" y1=\"" << num(ypos(target)) << "\" y2=\"" << num(ypos(target))
      << "\" class=\"target\"/><text x=\"200\" y=\"" << num(ypos(target) - 4)
      << "\" class=\"small\">target " << esc(bmm::to_string(x.target)) << "</text>";
    double xpos = 80;
    std::string path;
    for (const auto& p : points) {
        const double yy = ypos(p.second);
        path += (path.empty() ? "M" : " L") + num(xpos) + " " + num(yy);
        o << "<circle cx=\"" << num(xpos) << "\" cy=\"" << num(yy) << "\" r=\"5\" fill=\""
          << colour(x.may) << "\"/><text x=\"" << num(xpos - 10) << "\" y=\"145\" class=\"small\">"
          << p.first << "</text><text x=\"" << num(xpos + 8) << "\" y=\"" << num(yy - 6)
          << "\" class=\"small\">"
          << esc(bmm::to_string(
                 p.second.round(x.actual.value.places(), bmm::rounding_mode::half_up)))
          << "</text>";
        xpos += 120;
    }
    if (points.size() > 1) o << "<path d=\"" << path << "\" class=\"line\"/>";
    o << "</svg><figcaption>" << bmm::to_symbol(x.may) << " " << esc(x.id) << " "
      << esc(std::string(bmm::to_string(x.may))) << ": " << esc(x.title) << " (" << esc(x.owner)
      << ")</figcaption></figure>";
    return o.str();
}

template <class Model>
std::string variance_chart(const Model& m) {
    // Directorate lines of the overall table: diverging bars around zero.
    std::ostringstream o;
    std::vector<std::pair<std::string, bmm::gbp>> rows;
    bmm::gbp most = bmm::gbp::from_millions("0.1");
    for (const auto& r : m.overall.rows()) {
        if (r.kind != std::decay_t<decltype(m.overall)>::row_kind::line) continue;
        if (&r - &m.overall.rows()[0] > 5) break;  // the six directorate lines come first
        rows.push_back({r.figures.name, r.figures.variance()});
        most = std::max(most, bmm::abs(r.figures.variance()));
    }
    const int row_h = 26, mid = 330, half = 150;
    const int h = static_cast<int>(rows.size()) * row_h + 20;
    o << "<svg role=\"img\" aria-labelledby=\"t-var\" viewBox=\"0 0 640 " << h
      << "\" width=\"640\" height=\"" << h
      << "\"><title id=\"t-var\">Forecast variance by "
         "directorate</title>";
    int y = 5;
    for (const auto& [name, v] : rows) {
        const double w =
            px(bmm::ratio(bmm::abs(v).in_minor_units(), most.in_minor_units()) * bmm::ratio(half));
        const bool over = v > bmm::zero;
        o << "<text x=\"0\" y=\"" << y + 16 << "\" class=\"lbl\">" << esc(name) << "</text>"
          << "<rect x=\"" << num(over ? mid : mid - w) << "\" y=\"" << y << "\" width=\"" << num(w)
          << "\" height=\"20\" fill=\"" << (over ? "#c62828" : "#2e7d32") << "\"/>"
          << "<text x=\"" << num(over ? mid + w + 4 : mid + 4) << "\" y=\"" << y + 15
          << "\" class=\"small\">"
          << esc(bmm::to_string(v, bmm::money_format::millions(1).with_plus_sign()))
          << (over ? " overspend" : (v.is_zero() ? " on budget" : " underspend")) << "</text>";
        y += row_h;
    }
    o << "<line x1=\"" << mid << "\" x2=\"" << mid << "\" y1=\"0\" y2=\"" << h
      << "\" class=\"axis\"/></svg>";
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

/// The factor pair of a score nearest the diagonal (likelihood ≤ impact): where a risk whose
/// likelihood and impact are not published is placed.
inline std::pair<unsigned, unsigned> placement(unsigned score) {
    for (unsigned l = 5; l >= 1; --l) {
        if (score % l == 0 && score / l >= l && score / l <= 5) return {l, score / l};
    }
    return {1, score};
}

template <class Model>
std::string heat_map(const Model& m) {
    std::ostringstream o;
    const int cell = 64, left = 60, top = 10;
    o << "<svg role=\"img\" aria-labelledby=\"t-heat\" viewBox=\"0 0 460 400\" width=\"460\" "
         "height=\"400\"><title id=\"t-heat\">Strategic risks: likelihood by impact</title>";
    const bmm::risk_bands bands;
    for (unsigned l = 1; l <= 5; ++l) {
        for (unsigned i = 1; i <= 5; ++i) {
            const auto level = bands.level(l * i);
            const int x = left + static_cast<int>(i - 1) * cell;
            const int y = top + static_cast<int>(5 - l) * cell;
            o << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << cell << "\" height=\""
              << cell << "\" fill=\"" << colour(bmm::to_rag(level)) << "\" fill-opacity=\"0.35\" "
              << "stroke=\"#fff\"/><text x=\"" << x + 4 << "\" y=\"" << y + 14
              << "\" class=\"small\">" << l * i << "</text>";
        }
    }
    std::map<std::pair<unsigned, unsigned>, std::string> labels;
    for (const auto& k : m.risks) {
        const auto p = placement(k.r.residual);
        const std::string number = k.r.name.substr(0, k.r.name.find('.'));
        auto& s = labels[p];
        s += (s.empty() ? "" : ",") + number;
    }
    for (const auto& [p, s] : labels) {
        const int x = left + static_cast<int>(p.second - 1) * cell;
        const int y = top + static_cast<int>(5 - p.first) * cell;
        o << "<text x=\"" << x + 8 << "\" y=\"" << y + 40 << "\" class=\"risk\">"
          << bmm::to_symbol(bmm::to_rag(bands.level(p.first * p.second))) << " " << esc(s)
          << "</text>";
    }
    o << "<text x=\"" << left << "\" y=\"350\" class=\"small\">impact 1 \xE2\x86\x92 5</text>"
      << "<text x=\"0\" y=\"30\" class=\"small\">likelihood</text>"
      << "<text x=\"0\" y=\"375\" class=\"small\">Likelihood and impact are not published: each "
         "risk sits at the factor pair of its</text><text x=\"0\" y=\"392\" class=\"small\">"
         "residual score nearest the diagonal.</text></svg>";
    return o.str();
}

/// Returns: the whole page.
template <class Model>
std::string render(const Model& m) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<title>Business Management &amp; Monitoring dashboard: " << esc(m.council) << ", "
      << esc(bmm::to_string(m.month)) << "</title><style>"
      << "body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1100px}"
      << "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}"
      << ".lbl{font-size:13px}.in{font-size:12px;fill:#fff;font-weight:bold}"
      << ".small{font-size:11px}.key{font-size:12px}.risk{font-size:16px;font-weight:bold}"
      << ".target{stroke:#222;stroke-dasharray:4 3}.line{stroke:#555;fill:none}"
      << ".axis{stroke:#222}.trend{display:inline-block;margin:0 1rem 1rem 0;width:300px}"
      << "figcaption{font-size:12px}table{border-collapse:collapse}"
      << "td,th{padding:2px 8px;text-align:right;font-size:13px}td:first-child{text-align:left}"
      << "</style></head><body>";
    o << "<h1>Business Management &amp; Monitoring: " << esc(m.council) << "</h1><p>Position at "
      << "the end of " << esc(bmm::to_string(m.month)) << ". " << m.measures.size()
      << " measures; every figure computed by bmm from the report as printed.</p>";
    o << "<h2 id=\"rag\">Measures by status and priority</h2>" << rag_by_priority(m);
    const auto pct = bmm::percentages(m.may_counts, 0);
    o << "<table aria-label=\"Status summary\"><tr><th></th><th>\xE2\x98\x85 Green</th><th>"
         "\xE2\x97\x8F Amber</th><th>\xE2\x96\xB2 Red</th><th>n/a</th><th>Total</th></tr><tr>"
         "<td>This month</td>";
    const auto cells = m.may_counts.cells();
    for (int k = 0; k < 4; ++k) {
        o << "<td>" << cells[static_cast<std::size_t>(k)] << " ("
          << esc(bmm::to_string(pct[static_cast<std::size_t>(k)])) << "%)</td>";
    }
    o << "<td>" << m.may_counts.total() << "</td></tr></table>";
    o << "<h2 id=\"exceptions\">Exception measures against their targets</h2>";
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
    o << "<p class=\"small\">Made with bmm "
      << "from " << esc(m.source) << ".</p></body></html>\n";
    return o.str();
}

}  // namespace dashboard
