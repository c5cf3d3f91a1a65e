// bmm — report/render_html: a report as printed, as one self-contained HTML page, each finding
// beside its cell.
//
// The page needs nothing else (its style is inline; no script, no fetched file). It holds the
// report's own keys, then every section as a table of its printed cells exactly as entered;
// a cell a finding names is marked with the finding's verdict (its class, e.g. "error") and a
// link to the finding, listed under the table with its column, rule, printed figure, what the
// audit expected and why — never a recomputed figure in place of a printed one. The findings
// of no section come last, then the summary. Every text taken from the report or the findings
// is HTML-escaped (& < > " '), so a cell can never add markup; a NUL byte or another control
// character (but tab and line breaks) is written as U+FFFD, which HTML allows.
//
//   bmm::findings f = bmm::audit(r, bmm::report_audit_options{});
//   bmm::write_file("report.html", bmm::render_html(r, f));   // bmm/io/output.hpp
//   bmm::html_escape("<b>");                                    // "&lt;b&gt;"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../audit/finding.hpp"
#include "../detail/html.hpp"
#include "finding_places.hpp"
#include "render_text.hpp"
#include "report.hpp"

namespace bmm {

/// Returns: `text` HTML-escaped (see the header comment). Throws: nothing but std::bad_alloc.
[[nodiscard]] inline std::string html_escape(std::string_view text) {
    return detail::html_escape(text);
}

/// Returns: r as printed with the findings f of its audit, as one HTML page (see the header
/// comment). Throws: nothing but std::bad_alloc.
[[nodiscard]] std::string render_html(const report& r, const findings& f);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

inline void append_html_finding(std::string& out, const findings& f, std::size_t i) {
    const finding& x = f[i];
    out += "<li id=\"f" + std::to_string(i + 1) + "\" class=\"";
    out += to_string(x.verdict);
    out += "\"><b>[" + std::to_string(i + 1) + "] ";
    out += to_string(x.verdict);
    out += "</b> ";
    if (!x.where.row.empty()) out += html_escape(x.where.row) + ", ";
    out += html_escape(x.where.column);
    if (x.where.source)
        out += " <small>(" + html_escape(report_error::place(*x.where.source)) + ")</small>";
    out += ": ";
    if (!x.printed.empty()) out += "printed <code>" + html_escape(x.printed) + "</code>, ";
    if (!x.expected.empty()) out += "expected <code>" + html_escape(x.expected) + "</code>, ";
    out += "rule " + html_escape(x.rule);
    if (!x.explanation.empty()) out += ": " + html_escape(x.explanation);
    if (!x.likely_cause.empty()) out += " (likely cause: " + html_escape(x.likely_cause) + ")";
    out += "</li>\n";
}

}  // namespace detail

inline std::string render_html(const report& r, const findings& f) {
    const finding_places places(r, f);
    const std::string title = r.info.title.empty() ? std::string("Report") : r.info.title;
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
        html_escape(title) +
        "</title>\n<style>\n"
        "body{font-family:sans-serif;margin:1.5em;color:#222}\n"
        "table{border-collapse:collapse;margin:.5em 0}\n"
        "th,td{border:1px solid #bbb;padding:2px 6px;vertical-align:top;white-space:pre-wrap}\n"
        "th{background:#eee}\n"
        "td.error,li.error{background:#fdd}\ntd.follows,li.follows{background:#fec}\n"
        "td.undecided,li.undecided{background:#eef}\n"
        "td.rounding,td.sign_convention,li.rounding,li.sign_convention{background:#efe}\n"
        "sup a{text-decoration:none}\n"
        "</style>\n</head>\n<body>\n<h1>" +
        html_escape(title) + "</h1>\n";
    if (!r.info.entries.empty()) {
        out += "<table class=\"info\">\n";
        for (const info_entry& e : r.info.entries) {
            out += "<tr><th>" + html_escape(e.key) + "</th><td>" + html_escape(e.value) +
                   "</td></tr>\n";
        }
        out += "</table>\n";
    }
    for (std::size_t s = 0; s < r.sections.size(); ++s) {
        const printed_section& sec = r.sections[s];
        out += "<section>\n<h2>";
        if (!sec.title.empty()) out += html_escape(sec.title) + " — ";
        out += html_escape(sec.file) + " <small>(" + std::string(to_string(sec.kind));
        if (!sec.period.empty()) out += ", " + html_escape(sec.period);
        if (!sec.group.empty()) out += ", " + html_escape(sec.group);
        out += ")</small></h2>\n<table>\n<tr>";
        for (const section_cell& h : sec.headings) out += "<th>" + html_escape(h.text) + "</th>";
        out += "</tr>\n";
        std::vector<std::size_t> listed;
        for (std::size_t row = 0; row < sec.rows.size(); ++row) {
            out += "<tr>";
            const auto& cells = sec.rows[row].cells;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const std::vector<std::size_t>& here = places.at(s, row, c);
                if (here.empty()) {
                    out += "<td>" + html_escape(cells[c].text) + "</td>";
                    continue;
                }
                out += "<td class=\"";
                out += to_string(f[here.front()].verdict);
                out += "\">" + html_escape(cells[c].text);
                for (std::size_t i : here) {
                    const std::string n = std::to_string(i + 1);
                    out += " <sup><a href=\"#f" + n + "\">[" + n + "]</a></sup>";
                    listed.push_back(i);
                }
                out += "</td>";
            }
            out += "</tr>\n";
        }
        out += "</table>\n";
        for (std::size_t i : places.of_section(s)) listed.push_back(i);
        if (!listed.empty()) {
            out += "<ul>\n";
            for (std::size_t i : listed) detail::append_html_finding(out, f, i);
            out += "</ul>\n";
        }
        out += "</section>\n";
    }
    if (!places.elsewhere().empty()) {
        out += "<section>\n<h2>Findings of no printed table</h2>\n<ul>\n";
        for (std::size_t i : places.elsewhere()) detail::append_html_finding(out, f, i);
        out += "</ul>\n</section>\n";
    }
    out += "<p class=\"summary\">" + std::to_string(r.sections.size()) + " tables, " +
           html_escape(findings_summary(f)) + "</p>\n</body>\n</html>\n";
    return out;
}

}  // namespace bmm
