// Fuzz target: the bmm-audit CSV input — read_csv, read_published_table and the audit itself.
// Whatever the input:
//   - read_csv returns a table or throws a csv_error;
//   - read_published_table returns rows or throws a parse_error whose message quotes what it
//     names (a cell of a record, or the missing column's name) and says the line;
//   - the rows it reads have their source line and a level of 0..99;
//   - the audit either reports or throws a bmm::error (audit_budget_table documents
//     invalid_argument; an extreme printed figure can also overflow its exact arithmetic).
// Nothing crashes, hangs or leaks.
#include <bmm/audit.hpp>
#include <bmm/csv.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"

using bmm_fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    bmm::csv_table csv;
    try {
        csv = bmm::read_csv(text);
    } catch (const bmm::csv_error&) {
        return 0;
    }
    std::vector<bmm::published_row> rows;
    try {
        rows = bmm::read_published_table(csv);
    } catch (const bmm::parse_error& e) {
        if (bmm_fuzz::checkable(e.input())) {  // else what() stops at the input's NUL
            require(std::string(e.what()).find('"' + e.input() + '"') != std::string::npos,
                    "an audit-table error quotes what it names");
            require(std::string(e.what()).find("line ") != std::string::npos,
                    "an audit-table error says the line");
        }
        return 0;
    }
    require(rows.size() == csv.records.size(), "one row per record");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        require(rows[i].source_line == csv.records[i].line, "a row keeps its source line");
        require(rows[i].level >= 0 && rows[i].level <= 99, "a level is 0..99");
    }
    try {
        const auto report = bmm::audit_budget_table(rows);
        for (const auto& f : report.findings) require(f.row < rows.size(), "a finding names a row");
    } catch (const bmm::error&) {
    }
    return 0;
}
