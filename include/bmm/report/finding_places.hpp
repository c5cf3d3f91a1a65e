// bmm — report/finding_places: which printed cell of a report each finding names, so that a
// renderer can show the finding beside the cell as printed (never a recomputed figure in its
// place).
//
// A finding names its cell by section (the section's file), row and column, and the place the
// cell was read (FILE:LINE:COLUMN). It is placed at the cell of its section whose place it
// names; else at its row index and column heading (as printed_section::column_name gives it);
// else at the row its label names and that column; else, when its section is in the report
// but no printed cell is named (a finding about a whole table, a row or a claim), beside the
// section; else (a check between tables, or a section the report does not hold) elsewhere.
// Every stored finding is in exactly one of those places.
//
//   bmm::findings f = bmm::audit(r, bmm::report_audit_options{});
//   bmm::finding_places at(r, f);
//   for (std::size_t i : at.at(s, row, column)) f[i].verdict;   // the findings of that cell
//   at.of_section(s);   // the section's findings at no printed cell
//   at.elsewhere();     // the findings of no section of the report
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../audit/finding.hpp"
#include "../detail/text.hpp"
#include "report.hpp"

namespace bmm {

/// Returns: the declaration of section s of r: the one it names, else its kind's built-in one
/// (a section whose declaration is not in the report is read as built in). Never throws but
/// std::bad_alloc.
[[nodiscard]] inline section_declaration declaration_or_builtin(const report& r,
                                                                const printed_section& s) {
    if (const section_declaration* d = r.find_declaration(s.declaration)) return *d;
    return builtin_declaration(s.kind);
}

/// Where each stored finding of a report's audit belongs (see the header comment).
class finding_places {
public:
    /// Places every stored finding of f among the sections of r. Throws: nothing but
    /// std::bad_alloc.
    finding_places(const report& r, const findings& f) {
        sections_.resize(r.sections.size());
        std::vector<section_declaration> decls;
        decls.reserve(r.sections.size());
        for (const printed_section& s : r.sections) decls.push_back(declaration_or_builtin(r, s));
        for (std::size_t i = 0; i < f.size(); ++i) place(r, decls, f[i], i);
    }

    /// Returns: the indices (into the findings) of the findings of row `row`, column `column`
    /// of section `section` (an index into report::sections), in the findings' order.
    [[nodiscard]] const std::vector<std::size_t>& at(std::size_t section, std::size_t row,
                                                     std::size_t column) const {
        if (section >= sections_.size()) return none_;
        const auto& cells = sections_[section].cells;
        const auto it = cells.find({row, column});
        return it == cells.end() ? none_ : it->second;
    }
    /// Returns: the findings of section `section` that name no printed cell of it.
    [[nodiscard]] const std::vector<std::size_t>& of_section(std::size_t section) const {
        return section < sections_.size() ? sections_[section].whole : none_;
    }
    /// Returns: the findings that name no section of the report.
    [[nodiscard]] const std::vector<std::size_t>& elsewhere() const noexcept { return elsewhere_; }
    /// Returns: how many findings of section `section` name a printed cell.
    [[nodiscard]] std::size_t at_cells(std::size_t section) const noexcept {
        if (section >= sections_.size()) return 0;
        std::size_t n = 0;
        for (const auto& c : sections_[section].cells) n += c.second.size();
        return n;
    }

private:
    struct section_places {
        std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> cells;
        std::vector<std::size_t> whole;
    };

    void place(const report& r, const std::vector<section_declaration>& decls, const finding& f,
               std::size_t index) {
        for (std::size_t s = 0; s < r.sections.size(); ++s) {
            const printed_section& sec = r.sections[s];
            if (sec.file != f.where.section) continue;
            const section_declaration& d = decls[s];
            if (auto rc = cell_of(sec, d, f.where)) {
                sections_[s].cells[*rc].push_back(index);
            } else {
                sections_[s].whole.push_back(index);
            }
            return;
        }
        elsewhere_.push_back(index);
    }

    static std::optional<std::pair<std::size_t, std::size_t>> cell_of(const printed_section& s,
                                                                      const section_declaration& d,
                                                                      const cell_ref& w) {
        auto column_in = [&](std::size_t row) -> std::optional<std::size_t> {
            const std::size_t n = std::min(s.headings.size(), s.rows[row].cells.size());
            for (std::size_t c = 0; c < n; ++c) {
                if (s.column_name(c, d) == w.column || s.headings[c].text == w.column) return c;
            }
            return std::nullopt;
        };
        if (w.source) {  // the place it was read names the cell
            for (std::size_t row = 0; row < s.rows.size(); ++row) {
                if (s.rows[row].line != w.source->line) continue;
                const auto& cells = s.rows[row].cells;
                for (std::size_t c = 0; c < cells.size(); ++c) {
                    if (cells[c].source && *cells[c].source == *w.source) {
                        return std::make_pair(row, c);
                    }
                }
            }
        }
        if (w.row_index && *w.row_index < s.rows.size()) {
            if (auto c = column_in(*w.row_index)) return std::make_pair(*w.row_index, *c);
        }
        if (!w.row.empty()) {
            for (std::size_t row = 0; row < s.rows.size(); ++row) {
                if (s.label_of(row, d) != w.row) continue;
                if (auto c = column_in(row)) return std::make_pair(row, *c);
            }
        }
        return std::nullopt;
    }

    std::vector<section_places> sections_;
    std::vector<std::size_t> elsewhere_;
    std::vector<std::size_t> none_;
};

}  // namespace bmm
