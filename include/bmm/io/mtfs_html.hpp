// bmm — io/mtfs_html: a printed medium-term financial strategy as one self-contained HTML page
// with inline SVG charts: the gap by year (and cumulatively), reserves against the risk-assessed
// level with the DSG deficit, scenarios side by side and sensitivities, then the tables the
// charts are drawn from. No script, no network, no external file; status is never shown by colour
// alone (each series has its own line dash and marker shape, named in a key, and a year below
// the level carries a ▲ and the words "below level"); every chart has a text title and
// description and the same figures in a table.
//
//   bmm::mtfs_dashboard<bmm::currency::gbp> d;
//   d.title = "Medium Term Financial Strategy 2024/25 to 2028/29";
//   d.plan = projection.printed(bmm::print_unit::millions(1), bmm::rounding_mode::half_even);
//   d.scenarios = bmm::side_by_side(scenarios, policy, unit, mode);   // optional
//   d.sensitivities = {bmm::sensitivity(...)};                          // optional
//   std::string page = bmm::to_html(d);
//
// Figures are drawn from the printed figures (whole numbers of the print unit); chart geometry is
// integer arithmetic on them. Opt-in (bmm/mtfs.hpp brings Boost's cpp_int).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/html.hpp"
#include "../detail/int128.hpp"
#include "../format.hpp"
#include "../money.hpp"
#include "../mtfs.hpp"
#include "../mtfs_scenario.hpp"
#include "../period.hpp"
#include "../rounding.hpp"

namespace bmm {

/// What the dashboard shows: the plan, and optionally its scenarios and sensitivities.
template <class C = currency::gbp, unsigned S = 4>
struct mtfs_dashboard {
    std::string title;
    printed_mtfs<C, S> plan;                        ///< the base plan
    std::vector<printed_scenario<C, S>> scenarios;  ///< shown beside the base plan
    std::vector<mtfs_sensitivity<C, S>> sensitivities;
};

/// Returns: the format that shows figures printed in `unit` without rounding them again
/// (millions(1) -> "£5.3m", thousands(0) -> "5,297", minor_units() -> "£5,297,400.00").
[[nodiscard]] inline money_format format_of(print_unit unit, rounding_mode mode) noexcept {
    money_format f;
    if (unit.scale == 6) {
        f = money_format::millions(unit.decimals);
    } else if (unit.scale == 3) {
        f = money_format::thousands(unit.decimals);
    } else {
        f = unit.decimals < 0 ? money_format::full() : money_format::whole();
        if (unit.decimals > 0) f.decimals = unit.decimals;
    }
    return f.with_rounding(mode);
}

/// Returns: the dashboard as one HTML page (UTF-8).
/// Throws: std::bad_alloc.
template <class C, unsigned S>
[[nodiscard]] std::string to_html(const mtfs_dashboard<C, S>& d);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// One series of a chart: values in whole print units, drawn as bars or a line.
struct chart_series {
    std::string name;
    std::vector<std::int64_t> units;
    bool bars = false;
    int style = 0;              ///< 0..3: the line dash and marker shape
    std::vector<bool> flagged;  ///< per point: drawn with ▲ and `flag_text`
    std::string flag_text;
};

inline constexpr const char* chart_colours[] = {"#1f4e79", "#b35900", "#2e7d32", "#6a1b9a"};
inline constexpr const char* chart_dashes[] = {"", "8 4", "2 4", "10 4 2 4"};

/// A marker of `style` at (x, y): circle, square, diamond, cross.
[[nodiscard]] inline std::string chart_marker(int style, std::int64_t x, std::int64_t y,
                                              const char* colour) {
    const std::string xs = std::to_string(x), ys = std::to_string(y);
    switch (style % 4) {
        case 0:
            return "<circle cx=\"" + xs + "\" cy=\"" + ys + "\" r=\"4\" fill=\"" + colour + "\"/>";
        case 1:
            return "<rect x=\"" + std::to_string(x - 4) + "\" y=\"" + std::to_string(y - 4) +
                   "\" width=\"8\" height=\"8\" fill=\"" + colour + "\"/>";
        case 2:
            return "<path d=\"M" + xs + " " + std::to_string(y - 5) + " L" + std::to_string(x + 5) +
                   " " + ys + " L" + xs + " " + std::to_string(y + 5) + " L" +
                   std::to_string(x - 5) + " " + ys + " Z\" fill=\"" + colour + "\"/>";
        default:
            return "<path d=\"M" + std::to_string(x - 4) + " " + std::to_string(y - 4) + " L" +
                   std::to_string(x + 4) + " " + std::to_string(y + 4) + " M" +
                   std::to_string(x - 4) + " " + std::to_string(y + 4) + " L" +
                   std::to_string(x + 4) + " " + std::to_string(y - 4) + "\" stroke=\"" + colour +
                   "\" stroke-width=\"2\"/>";
    }
}

/// A round step for about `ticks` gridlines over a span of `span` units: 1, 2 or 5 × 10^k.
[[nodiscard]] inline std::int64_t chart_step(std::int64_t span, std::int64_t ticks) {
    std::int64_t step = 1;
    while (step < span / ticks) {
        if (step * 2 >= span / ticks) return step * 2;
        if (step * 5 >= span / ticks) return step * 5;
        step *= 10;
    }
    return step;
}

/// An SVG chart of `series` over the `labels` (years), figures shown by `show`.
template <class Show>
[[nodiscard]] std::string svg_chart(const std::string& id, const std::string& title,
                                    const std::string& desc, const std::vector<std::string>& labels,
                                    const std::vector<chart_series>& series, Show show) {
    constexpr std::int64_t width = 760, height = 320, left = 90, right = 20, top = 20, bottom = 40;
    const std::int64_t plot_w = width - left - right, plot_h = height - top - bottom;
    const auto n = static_cast<std::int64_t>(labels.size());
    std::int64_t lo = 0, hi = 0;
    for (const auto& s : series) {
        for (std::int64_t v : s.units) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    const std::int64_t step = chart_step(std::max<std::int64_t>(hi - lo, 1), 5);
    lo = (lo / step - (lo % step < 0 ? 1 : 0)) * step;
    hi = (hi / step + (hi % step > 0 ? 1 : 0)) * step;
    if (hi == lo) hi = lo + step;
    // Integer geometry: y of a value, x of a year's band centre.
    const auto y_of = [&](std::int64_t v) {
        return top +
               static_cast<std::int64_t>((static_cast<detail::i128>(hi - v) * plot_h) / (hi - lo));
    };
    const std::int64_t band = n > 0 ? plot_w / n : plot_w;
    const auto x_of = [&](std::int64_t i) { return left + i * band + band / 2; };
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
                      std::to_string(width) + " " + std::to_string(height) +
                      "\" aria-labelledby=\"" + id + "-title " + id + "-desc\">\n<title id=\"" +
                      id + "-title\">" + html_escape(title) + "</title>\n<desc id=\"" + id +
                      "-desc\">" + html_escape(desc) + "</desc>\n";
    // Gridlines and the value axis.
    for (std::int64_t v = lo; v <= hi; v += step) {
        const std::string y = std::to_string(y_of(v));
        svg += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(width - right) +
               "\" y1=\"" + y + "\" y2=\"" + y + "\" stroke=\"" + (v == 0 ? "#000" : "#ccc") +
               "\" stroke-width=\"1\"/>\n<text x=\"" + std::to_string(left - 6) + "\" y=\"" + y +
               "\" dy=\"4\" text-anchor=\"end\" font-size=\"11\">" + html_escape(show(v)) +
               "</text>\n";
    }
    for (std::int64_t i = 0; i < n; ++i) {
        svg += "<text x=\"" + std::to_string(x_of(i)) + "\" y=\"" +
               std::to_string(height - bottom + 18) +
               "\" text-anchor=\"middle\" font-size=\"11\">" +
               html_escape(labels[static_cast<std::size_t>(i)]) + "</text>\n";
    }
    // Bars first (side by side within a band), then lines over them.
    std::int64_t bar_series = 0, bar_index = 0;
    for (const auto& s : series) bar_series += s.bars ? 1 : 0;
    for (std::size_t k = 0; k < series.size(); ++k) {
        const auto& s = series[k];
        const char* colour = chart_colours[static_cast<std::size_t>(s.style) % 4];
        if (s.bars) {
            const std::int64_t w = (band * 2 / 3) / std::max<std::int64_t>(bar_series, 1);
            for (std::int64_t i = 0; i < n && i < static_cast<std::int64_t>(s.units.size()); ++i) {
                const std::int64_t v = s.units[static_cast<std::size_t>(i)];
                const std::int64_t y0 = y_of(0), y1 = y_of(v);
                const std::int64_t x = x_of(i) - band / 3 + bar_index * w;
                svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" +
                       std::to_string(std::min(y0, y1)) + "\" width=\"" +
                       std::to_string(std::max<std::int64_t>(w - 2, 1)) + "\" height=\"" +
                       std::to_string(std::max<std::int64_t>(std::abs(y0 - y1), 1)) + "\" fill=\"" +
                       colour + "\"" +
                       (s.style % 2 == 1 ? " fill-opacity=\"0.55\" stroke=\"#000\"" : "") +
                       "><title>" +
                       html_escape(s.name + ", " + labels[static_cast<std::size_t>(i)] + ": " +
                                   show(v)) +
                       "</title></rect>\n";
            }
            ++bar_index;
            continue;
        }
        std::string points;
        for (std::int64_t i = 0; i < n && i < static_cast<std::int64_t>(s.units.size()); ++i) {
            points += std::to_string(x_of(i)) + "," +
                      std::to_string(y_of(s.units[static_cast<std::size_t>(i)])) + " ";
        }
        svg += "<polyline fill=\"none\" stroke=\"" + std::string(colour) + "\" stroke-width=\"2\"" +
               (*chart_dashes[s.style % 4]
                    ? " stroke-dasharray=\"" + std::string(chart_dashes[s.style % 4]) + "\""
                    : std::string()) +
               " points=\"" + points + "\"/>\n";
        for (std::int64_t i = 0; i < n && i < static_cast<std::int64_t>(s.units.size()); ++i) {
            const auto u = static_cast<std::size_t>(i);
            const std::int64_t x = x_of(i), y = y_of(s.units[u]);
            const bool flag = u < s.flagged.size() && s.flagged[u];
            svg +=
                "<g><title>" +
                html_escape(s.name + ", " + labels[u] + ": " + show(s.units[u]) +
                            (flag ? " (" + s.flag_text + ")" : std::string())) +
                "</title>" +
                (flag ? "<path d=\"M" + std::to_string(x) + " " + std::to_string(y - 7) + " L" +
                            std::to_string(x + 7) + " " + std::to_string(y + 5) + " L" +
                            std::to_string(x - 7) + " " + std::to_string(y + 5) +
                            " Z\" fill=\"#b00020\"/><text x=\"" + std::to_string(x) + "\" y=\"" +
                            std::to_string(y + 18) + "\" text-anchor=\"middle\" font-size=\"10\">" +
                            html_escape(s.flag_text) + "</text>"
                      : chart_marker(s.style, x, y, colour)) +
                "</g>\n";
        }
    }
    svg += "</svg>\n";
    // The key: each series' marker and dash, in words too.
    std::string key = "<ul class=\"key\">";
    for (const auto& s : series) {
        const char* colour = chart_colours[static_cast<std::size_t>(s.style) % 4];
        key += "<li><svg width=\"40\" height=\"12\" aria-hidden=\"true\">";
        if (s.bars) {
            key += "<rect x=\"8\" y=\"1\" width=\"24\" height=\"10\" fill=\"" +
                   std::string(colour) + "\"" +
                   (s.style % 2 == 1 ? " fill-opacity=\"0.55\" stroke=\"#000\"" : "") + "/>";
        } else {
            key += "<line x1=\"0\" x2=\"40\" y1=\"6\" y2=\"6\" stroke=\"" + std::string(colour) +
                   "\" stroke-width=\"2\"" +
                   (*chart_dashes[s.style % 4]
                        ? " stroke-dasharray=\"" + std::string(chart_dashes[s.style % 4]) + "\""
                        : std::string()) +
                   "/>" + chart_marker(s.style, 20, 6, colour);
        }
        key += "</svg> " + html_escape(s.name) + (s.bars ? " (bars)" : "") + "</li>";
        bool any_flag = false;
        for (bool f : s.flagged) any_flag = any_flag || f;
        if (any_flag) {
            key +=
                "<li><svg width=\"40\" height=\"12\" aria-hidden=\"true\"><path d=\"M20 0 L27 "
                "12 L13 12 Z\" fill=\"#b00020\"/></svg> ▲ " +
                html_escape(s.name + ": " + s.flag_text) + "</li>";
        }
    }
    key += "</ul>\n";
    return "<figure id=\"" + id + "\">\n" + svg + "<figcaption>" + html_escape(title) +
           "</figcaption>\n" + key + "</figure>\n";
}

}  // namespace detail

template <class C, unsigned S>
std::string to_html(const mtfs_dashboard<C, S>& d) {
    using detail::html_escape;
    const printed_mtfs<C, S>& p = d.plan;
    const money_format f = format_of(p.unit, p.mode);
    const std::int64_t per_unit = p.unit.template minor_units_of<C>();
    const auto units = [per_unit](money<C> m) { return m.in_minor_units() / per_unit; };
    const auto show_units = [&](std::int64_t u) {
        return to_string(money<C>::from_minor_units(u * per_unit), f);
    };
    const auto show = [&](money<C> m) { return html_escape(to_string(m, f)); };
    std::vector<std::string> years;
    for (const auto& y : p.years) years.push_back(to_string(y.year));
    const std::string unit_text = html_escape(to_string(money<C>::from_minor_units(per_unit), f));

    std::string h =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
        html_escape(d.title) +
        "</title>\n<style>\nbody{font-family:system-ui,sans-serif;margin:2rem;max-width:64rem;"
        "color:#111}\ntable{border-collapse:collapse;margin:1rem 0}\nth,td{border:1px solid "
        "#999;padding:.25rem .5rem}\ntd.n{text-align:right;font-variant-numeric:tabular-nums}\n"
        "th[scope=row]{text-align:left}\n.key{list-style:none;padding:0}\n.key li{display:"
        "inline-block;margin-right:1.5rem}\n.below{font-weight:bold}\nfigure{margin:1rem 0}\n"
        "svg{max-width:100%;height:auto}\n</style>\n</head>\n<body>\n<h1>" +
        html_escape(d.title) + "</h1>\n<p>Base year " + html_escape(to_string(p.base_year)) +
        "; figures printed to " + unit_text + " (rounding " +
        html_escape(std::string(to_string(p.mode))) +
        ", each year adding up); savings counted: " + html_escape(p.policy) + ".</p>\n";

    // The headline table.
    h += "<h2>The plan year by year</h2>\n<table>\n<caption>Spending, funding, the gap and "
         "reserves</caption>\n<tr><th scope=\"col\">Year</th><th scope=\"col\">Spending</th>"
         "<th scope=\"col\">Funding</th><th scope=\"col\">Gap</th><th scope=\"col\">Cumulative "
         "gap</th><th scope=\"col\">General balances</th><th scope=\"col\">Risk-assessed "
         "level</th><th scope=\"col\">Status</th><th scope=\"col\">Available reserves</th>"
         "<th scope=\"col\">DSG deficit</th></tr>\n";
    for (const auto& y : p.years) {
        h += "<tr><th scope=\"row\">" + html_escape(to_string(y.year)) + "</th><td class=\"n\">" +
             show(y.spending_total) + "</td><td class=\"n\">" + show(y.funding_total) +
             "</td><td class=\"n\">" + show(y.gap) + "</td><td class=\"n\">" +
             show(y.cumulative_gap) + "</td><td class=\"n\">" + show(y.general_balances) +
             "</td><td class=\"n\">" +
             (y.risk_assessed_level ? show(*y.risk_assessed_level) : std::string("none")) +
             "</td><td>" +
             (!y.risk_assessed_level ? std::string("no level set")
              : y.below_level        ? std::string("<span class=\"below\">▲ below level</span>")
                                     : std::string("● at or above level")) +
             "</td><td class=\"n\">" + show(y.available_reserves) + "</td><td class=\"n\">" +
             (y.dsg ? show(y.dsg->closing) + (y.dsg_exceeds_reserves ? " ▲ exceeds reserves" : "")
                    : std::string("none")) +
             "</td></tr>\n";
    }
    h += "</table>\n<p>";
    h += p.first_year_below_level
             ? "General balances first fall below the risk-assessed level in " +
                   html_escape(to_string(*p.first_year_below_level)) + ". "
             : std::string("General balances stay at or above the risk-assessed level. ");
    if (p.dsg_passes_reserves) {
        h += "The DSG deficit exceeds the available reserves from " +
             html_escape(to_string(*p.dsg_passes_reserves)) + ". ";
    }
    if (p.override_end_year) {
        for (const auto& y : p.years) {
            if (y.year == *p.override_end_year && y.dsg) {
                h += "At the end of " + html_escape(to_string(y.year)) +
                     ", when the statutory override ends, the DSG deficit is " +
                     show(y.dsg->closing) + ".";
            }
        }
    }
    h += "</p>\n";

    // Chart 1: the gap by year.
    detail::chart_series gap{"Gap (shortfall above zero)", {}, true, 0, {}, {}};
    detail::chart_series cumulative{"Cumulative gap", {}, false, 1, {}, {}};
    for (const auto& y : p.years) {
        gap.units.push_back(units(y.gap));
        cumulative.units.push_back(units(y.cumulative_gap));
    }
    h += "<h2>The gap</h2>\n" +
         detail::svg_chart("gap", "The funding gap by year and cumulatively",
                           "Bars: each year's gap, spending less funding; the line: the gap "
                           "added up year by year. The table above has the figures.",
                           years, {gap, cumulative}, show_units);

    // Chart 2: reserves against the risk-assessed level.
    std::vector<detail::chart_series> rs;
    detail::chart_series general{"General balances", {}, false, 0, {}, "below level"};
    detail::chart_series level{"Risk-assessed level", {}, false, 2, {}, {}};
    detail::chart_series available{"Available reserves", {}, false, 1, {}, {}};
    detail::chart_series dsg{"DSG deficit (owed)", {}, false, 3, {}, {}};
    bool has_level = false, has_dsg = false;
    for (const auto& y : p.years) {
        general.units.push_back(units(y.general_balances));
        general.flagged.push_back(y.below_level);
        available.units.push_back(units(y.available_reserves));
        if (y.risk_assessed_level) {
            has_level = true;
            level.units.push_back(units(*y.risk_assessed_level));
        }
        if (y.dsg) {
            has_dsg = true;
            dsg.units.push_back(units(y.dsg->closing));
        }
    }
    rs.push_back(general);
    if (has_level) rs.push_back(level);
    rs.push_back(available);
    if (has_dsg) rs.push_back(dsg);
    h += "<h2>Reserves</h2>\n" +
         detail::svg_chart("reserves", "Reserves against the risk-assessed level",
                           "General balances at the end of each year against the risk-assessed "
                           "level (a triangle marks a year below it), the reserves available to "
                           "close the gap, and the DSG deficit held in the unusable reserve.",
                           years, rs, show_units);

    // Scenarios side by side.
    if (!d.scenarios.empty()) {
        std::vector<detail::chart_series> ss;
        ss.push_back({"Base plan", {}, false, 0, {}, {}});
        for (const auto& y : p.years) ss[0].units.push_back(units(y.gap));
        for (std::size_t k = 0; k < d.scenarios.size(); ++k) {
            detail::chart_series s{d.scenarios[k].name, {}, false, static_cast<int>(k + 1), {}, {}};
            for (const auto& y : d.scenarios[k].printed.years) s.units.push_back(units(y.gap));
            ss.push_back(s);
        }
        h += "<h2>Scenarios</h2>\n" +
             detail::svg_chart("scenarios", "The gap by year in each scenario",
                               "One line per scenario, each with its own dash and marker.", years,
                               ss, show_units) +
             "<table>\n<caption>The gap by year in each scenario</caption>\n<tr><th "
             "scope=\"col\">Scenario</th>";
        for (const auto& y : years) h += "<th scope=\"col\">" + html_escape(y) + "</th>";
        h += "<th scope=\"col\">Cumulative</th><th scope=\"col\">General balances first below "
             "level</th></tr>\n";
        auto scenario_row = [&](const std::string& name, const printed_mtfs<C, S>& sp) {
            h += "<tr><th scope=\"row\">" + html_escape(name) + "</th>";
            for (const auto& y : sp.years) h += "<td class=\"n\">" + show(y.gap) + "</td>";
            h += "<td class=\"n\">" +
                 (sp.years.empty() ? std::string() : show(sp.years.back().cumulative_gap)) +
                 "</td><td>" +
                 (sp.first_year_below_level
                      ? "▲ " + html_escape(to_string(*sp.first_year_below_level))
                      : std::string("never")) +
                 "</td></tr>\n";
        };
        scenario_row("Base plan", p);
        for (const auto& s : d.scenarios) scenario_row(s.name, s.printed);
        h += "</table>\n";
    }

    // Sensitivities.
    if (!d.sensitivities.empty()) {
        h += "<h2>Sensitivities</h2>\n<table>\n<caption>The effect of one assumption moved on "
             "each year's gap</caption>\n<tr><th scope=\"col\">Assumption moved</th>";
        for (const auto& y : years) h += "<th scope=\"col\">" + html_escape(y) + "</th>";
        h += "</tr>\n";
        for (const auto& s : d.sensitivities) {
            h += "<tr><th scope=\"row\">" + html_escape(std::string(to_string(s.assumption))) +
                 " " + (s.delta < ratio(0) ? "" : "+") +
                 html_escape(to_string(exact(s.delta) * exact(100))) + " points</th>";
            for (const money<C>& e : s.printed_effect) {
                h += "<td class=\"n\">" + html_escape(to_string(e, f.with_plus_sign())) + "</td>";
            }
            h += "</tr>\n";
        }
        h += "</table>\n";
    }

    // The budget roll-forward and the reserves, year by year.
    h += "<h2>The budget requirement rolled forward</h2>\n<table>\n<caption>Each year's "
         "opening requirement plus its movements is its closing requirement</caption>\n<tr><th "
         "scope=\"col\">Line</th>";
    for (const auto& y : years) h += "<th scope=\"col\">" + html_escape(y) + "</th>";
    h += "</tr>\n";
    if (!p.years.empty()) {
        h += "<tr><th scope=\"row\">Opening</th>";
        for (const auto& y : p.years) h += "<td class=\"n\">" + show(y.budget.opening) + "</td>";
        h += "</tr>\n";
        for (std::size_t m = 0; m < p.years[0].budget.movements.size(); ++m) {
            h += "<tr><th scope=\"row\">" + html_escape(p.years[0].budget.movements[m].name) +
                 "</th>";
            for (const auto& y : p.years) {
                h += "<td class=\"n\">" + show(y.budget.movements[m].amount) + "</td>";
            }
            h += "</tr>\n";
        }
        h += "<tr><th scope=\"row\">Closing</th>";
        for (const auto& y : p.years) h += "<td class=\"n\">" + show(y.budget.closing) + "</td>";
        h += "</tr>\n";
    }
    h += "</table>\n";
    // Spending by service and funding by line: each column adds up to its printed total.
    const auto lines_table = [&](const char* caption, const std::vector<std::string>& names,
                                 auto figures, auto total, const char* total_name) {
        h += std::string("<table>\n<caption>") + caption + "</caption>\n<tr><th scope=\"col\">" +
             "Line</th>";
        for (const auto& y : years) h += "<th scope=\"col\">" + html_escape(y) + "</th>";
        h += "</tr>\n";
        for (std::size_t l = 0; l < names.size(); ++l) {
            h += "<tr><th scope=\"row\">" + html_escape(names[l]) + "</th>";
            for (const auto& y : p.years) h += "<td class=\"n\">" + show(figures(y)[l]) + "</td>";
            h += "</tr>\n";
        }
        h += std::string("<tr><th scope=\"row\">") + total_name + "</th>";
        for (const auto& y : p.years) h += "<td class=\"n\">" + show(total(y)) + "</td>";
        h += "</tr>\n</table>\n";
    };
    h += "<h2>Spending and funding by line</h2>\n";
    lines_table(
        "Spending by service", p.spending_lines, [](const auto& y) { return y.spending; },
        [](const auto& y) { return y.spending_total; }, "Total spending");
    lines_table(
        "Funding", p.funding_lines, [](const auto& y) { return y.funding; },
        [](const auto& y) { return y.funding_total; }, "Total funding");
    h += "<h2>Reserves rolled forward</h2>\n";
    for (std::size_t r = 0; !p.years.empty() && r < p.years[0].reserves.size(); ++r) {
        h += "<table>\n<caption>" + html_escape(p.years[0].reserves[r].name) +
             "</caption>\n<tr><th scope=\"col\">Year</th><th scope=\"col\">Opening</th><th "
             "scope=\"col\">Movements</th><th scope=\"col\">Closing</th></tr>\n";
        for (const auto& y : p.years) {
            const auto& rf = y.reserves[r];
            std::string moves;
            for (const auto& l : rf.movements) {
                if (!moves.empty()) moves += "; ";
                moves += html_escape(l.name) + " " + show(l.amount);
            }
            h += "<tr><th scope=\"row\">" + html_escape(to_string(y.year)) +
                 "</th><td class=\"n\">" + show(rf.opening) + "</td><td>" +
                 (moves.empty() ? std::string("none") : moves) + "</td><td class=\"n\">" +
                 show(rf.closing) + "</td></tr>\n";
        }
        h += "</table>\n";
    }
    h += "</body>\n</html>\n";
    return h;
}

}  // namespace bmm
