// bmm — report/render_text: a report as printed, as plain text, each finding beside its cell.
//
// The report's own keys first (report.csv, as entered), then every section in the order listed:
// a title line (its title, file and kind; its period and group when given), its headings, and
// each row as its printed cells exactly as entered, separated by " | " — never a recomputed
// figure in place of a printed one, never two values for one cell. A cell a finding names is
// followed by its marker, "[error 3]" (the verdict and the finding's number, from 1, in the
// findings' order); the findings of the row are listed under it, each with its column, rule,
// printed figure, what the audit expected and why. The findings of a section at no printed cell
// (a whole table, a claim) follow the section; those of no section come last, then a summary
// line. A control character inside a cell is shown escaped ("\n", "\t", "\x01") so that a row
// stays one line.
//
//   bmm::findings f = bmm::audit(r, bmm::report_audit_options{});
//   std::string text = bmm::render_text(r, f);
//   //   Contingency | 5.4 | 3.8 | -1.6 | -29.6% [error 4]
//   //     [4] error at Variance May 2023 %: printed -29.6%, expected -26.6% (variance_pct) ...
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../audit/finding.hpp"
#include "finding_places.hpp"
#include "report.hpp"

namespace bmm {

/// Returns: r as printed, with the findings f of its audit beside their cells (see the header
/// comment). Throws: nothing but std::bad_alloc.
[[nodiscard]] std::string render_text(const report& r, const findings& f);

/// Returns: the one-line summary of f: "N cells checked: E errors, F follow from an error, U
/// undecided, S sign-convention, R rounding". Throws: nothing but std::bad_alloc.
[[nodiscard]] std::string findings_summary(const findings& f);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// Appends `text` with its control characters escaped (see the header comment).
inline void append_visible(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    for (char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        if (b == '\n') {
            out += "\\n";
        } else if (b == '\r') {
            out += "\\r";
        } else if (b == '\t') {
            out += "\\t";
        } else if (b < 0x20 || b == 0x7f) {
            out += "\\x";
            out += hex[b >> 4];
            out += hex[b & 0xf];
        } else {
            out += ch;
        }
    }
}

/// Appends finding number `n` (from 1) of f as a detail line: "    [n] VERDICT at COLUMN: ...".
inline void append_finding_line(std::string& out, const findings& f, std::size_t i) {
    const finding& x = f[i];
    out += "    [" + std::to_string(i + 1) + "] ";
    out += to_string(x.verdict);
    if (!x.where.row.empty() || !x.where.column.empty()) {
        out += " at ";
        append_visible(out, x.where.row);
        if (!x.where.row.empty() && !x.where.column.empty()) out += ", ";
        append_visible(out, x.where.column);
    }
    if (x.where.source) {
        out += " (" + report_error::place(*x.where.source) + ")";
    }
    out += ": ";
    if (!x.printed.empty()) {
        out += "printed ";
        append_visible(out, x.printed);
        out += ", ";
    }
    if (!x.expected.empty()) {
        out += "expected ";
        append_visible(out, x.expected);
        out += ", ";
    }
    out += "rule ";
    append_visible(out, x.rule);
    if (!x.explanation.empty()) {
        out += ": ";
        append_visible(out, x.explanation);
    }
    if (!x.likely_cause.empty()) {
        out += " (likely cause: ";
        append_visible(out, x.likely_cause);
        out += ")";
    }
    out += '\n';
}

}  // namespace detail

inline std::string findings_summary(const findings& f) {
    return std::to_string(f.cells_checked()) + " cells checked: " + std::to_string(f.errors()) +
           " errors, " + std::to_string(f.count(verdict::follows)) + " follow from an error, " +
           std::to_string(f.count(verdict::undecided)) + " undecided, " +
           std::to_string(f.count(verdict::sign_convention)) + " sign-convention, " +
           std::to_string(f.count(verdict::rounding)) + " rounding";
}

inline std::string render_text(const report& r, const findings& f) {
    const finding_places places(r, f);
    std::string out;
    for (const info_entry& e : r.info.entries) {
        detail::append_visible(out, e.key);
        out += ": ";
        detail::append_visible(out, e.value);
        out += '\n';
    }
    for (std::size_t s = 0; s < r.sections.size(); ++s) {
        const printed_section& sec = r.sections[s];
        out += '\n';
        if (!sec.title.empty()) {
            detail::append_visible(out, sec.title);
            out += " — ";
        }
        detail::append_visible(out, sec.file);
        out += " (";
        out += to_string(sec.kind);
        if (!sec.period.empty()) {
            out += ", ";
            detail::append_visible(out, sec.period);
        }
        if (!sec.group.empty()) {
            out += ", ";
            detail::append_visible(out, sec.group);
        }
        out += ")\n  ";
        for (std::size_t c = 0; c < sec.headings.size(); ++c) {
            if (c != 0) out += " | ";
            detail::append_visible(out, sec.headings[c].text);
        }
        out += '\n';
        for (std::size_t row = 0; row < sec.rows.size(); ++row) {
            const auto& cells = sec.rows[row].cells;
            std::vector<std::size_t> of_row;
            out += "  ";
            for (std::size_t c = 0; c < cells.size(); ++c) {
                if (c != 0) out += " | ";
                detail::append_visible(out, cells[c].text);
                for (std::size_t i : places.at(s, row, c)) {
                    out += " [";
                    out += to_string(f[i].verdict);
                    out += ' ';
                    out += std::to_string(i + 1);
                    out += ']';
                    of_row.push_back(i);
                }
            }
            out += '\n';
            for (std::size_t i : of_row) detail::append_finding_line(out, f, i);
        }
        const std::vector<std::size_t>& whole = places.of_section(s);
        if (!whole.empty()) {
            out += "  findings of the table:\n";
            for (std::size_t i : whole) detail::append_finding_line(out, f, i);
        }
    }
    if (!places.elsewhere().empty()) {
        out += "\nfindings of no printed table:\n";
        for (std::size_t i : places.elsewhere()) {
            out += "  ";
            detail::append_visible(out, f[i].where.section);
            out += '\n';
            detail::append_finding_line(out, f, i);
        }
    }
    out += '\n';
    out += std::to_string(r.sections.size());
    out += " tables, ";
    out += findings_summary(f);
    out += '\n';
    return out;
}

}  // namespace bmm
