// bmm — report/declared_section: a report's finance table declared by a table declaration (the
// `.decl` format of bmm-audit --declare, docs/tables.md), read as a printed_table so that the
// report audits it exactly as bmm-audit does.
//
// tables.csv names the declaration file in the table's `declaration` column:
//
//   file,kind,declaration
//   adult_services.csv,finance,adult_services.decl
//
//   const bmm::printed_section& s = *r.find_section("adult_services.csv");
//   bmm::printed_table t =
//       bmm::read_declared_section(s, r.find_table_declaration(s.table_declaration)->declaration);
//   bmm::audit_declared(t, bmm::audit_options{});   // the findings bmm-audit --declare gives
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../audit/printed_table.hpp"
#include "../audit/table_declaration.hpp"
#include "../detail/try_twin.hpp"
#include "section.hpp"

namespace bmm {

/// Returns: the section's printed cells read under `declaration` (its findings are named by the
/// section's file).
/// Throws: table_error, as printed_table::read, at the place of the cell or heading.
[[nodiscard]] inline printed_table read_declared_section(const printed_section& s,
                                                         table_declaration declaration) {
    auto field = [&s](const section_cell& c, std::size_t line) {
        return text_field{c.text, c.source.value_or(source_position{s.file, line, std::nullopt})};
    };
    std::vector<text_field> headings;
    for (const section_cell& c : s.headings) headings.push_back(field(c, 1));
    std::vector<std::vector<text_field>> rows;
    std::vector<std::size_t> lines;
    for (const printed_row& r : s.rows) {
        std::vector<text_field> fields;
        for (const section_cell& c : r.cells) fields.push_back(field(c, r.line));
        rows.push_back(std::move(fields));
        lines.push_back(r.line);
    }
    declaration.title = s.file;  // findings name the section's file, as the report's do
    if (declaration.file.empty()) declaration.file = s.file;
    return printed_table::read(std::move(declaration), headings, rows, lines);
}

/// Returns: read_declared_section(s, declaration), or std::nullopt exactly where it would throw.
[[nodiscard]] inline std::optional<printed_table> try_read_declared_section(
    const printed_section& s, const table_declaration& declaration) noexcept {
    return detail::try_twin([&] { return read_declared_section(s, declaration); });
}

}  // namespace bmm
