// bmm — report/report: one council's monitoring report, as printed.
//
// A report holds what it is (report_info), its printed tables (printed_section: a performance
// table, a summary, a list, a finance table, a risk register, the claims of its text ...), the
// declarations that say what each printed column is, and the structured checks of what its
// text states. Every part is optional: a report may hold one finance table and nothing else.
// Typed views (bmm/report/performance.hpp) read the sections; the audit
// (bmm/report/audit.hpp) checks every printed figure; io/report_csv.hpp reads and writes the
// whole report as files.
//
//   bmm::report r;
//   r.info.set("month", "May 2023");
//   r.declarations.push_back(bmm::builtin_declaration(bmm::section_kind::finance));
//   const bmm::printed_section* s = r.find_section("table11_financial_position.csv");
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../audit/table_declaration.hpp"
#include "check.hpp"
#include "info.hpp"
#include "section.hpp"

namespace bmm {

/// How one of the layout's own files (report.csv, tables.csv, declarations.csv, checks.csv) was
/// written: its columns in order and its CSV layout, so that writing it back gives the same
/// bytes.
struct own_file_shape {
    std::vector<std::string> header;
    csv_layout layout;
};

/// A table declaration file of the report's folder (bmm-audit's `.decl` format, docs/tables.md)
/// that a finance table names in tables.csv: its name, its text as read (written back as it is)
/// and the declaration it says.
struct table_declaration_file {
    std::string name;
    std::string text;
    table_declaration declaration;
};

/// A report as printed (see the header comment).
struct report {
    report_info info;
    std::vector<section_declaration> declarations;
    std::vector<printed_section> sections;
    std::vector<report_check> checks;
    std::vector<table_declaration_file> table_declarations;
    /// The shapes of the layout's own files as read (absent: the file was not there).
    std::optional<own_file_shape> info_file, tables_file, declarations_file, checks_file;

    /// Returns: the section read from `file`, or nullptr.
    [[nodiscard]] const printed_section* find_section(std::string_view file) const noexcept {
        for (const printed_section& s : sections) {
            if (s.file == file) return &s;
        }
        return nullptr;
    }
    /// Returns: the table declaration file named `name`, or nullptr.
    [[nodiscard]] const table_declaration_file* find_table_declaration(
        std::string_view name) const noexcept {
        for (const table_declaration_file& d : table_declarations) {
            if (d.name == name) return &d;
        }
        return nullptr;
    }
    /// Returns: the declaration named `name`, or nullptr.
    [[nodiscard]] const section_declaration* find_declaration(
        std::string_view name) const noexcept {
        for (const section_declaration& d : declarations) {
            if (d.name == name) return &d;
        }
        return nullptr;
    }
    /// Returns: the declaration of section s.
    /// Throws: report_error at the section's place in tables.csv when it names none.
    [[nodiscard]] const section_declaration& declaration_of(const printed_section& s) const {
        if (const section_declaration* d = find_declaration(s.declaration)) return *d;
        throw report_error(s.source.value_or(source_position{s.file, 1, std::nullopt}),
                           "the declaration \"" + s.declaration + "\" of " + s.file +
                               " is not in declarations.csv");
    }
    /// Returns: every section of kind k, in the order listed.
    [[nodiscard]] std::vector<const printed_section*> sections_of(section_kind k) const {
        std::vector<const printed_section*> out;
        for (const printed_section& s : sections) {
            if (s.kind == k) out.push_back(&s);
        }
        return out;
    }
};

}  // namespace bmm
