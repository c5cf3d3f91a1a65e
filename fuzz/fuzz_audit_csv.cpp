// Fuzz target: the bmm-audit CSV input — read_csv, read_published_table and the audit itself.
// Whatever the input:
//   - read_csv returns a table or throws a csv_error;
//   - read_published_table returns rows or throws a parse_error whose message quotes what it
//     names (a cell of a record, or the missing column's name) and says the line;
//   - the rows it reads have their source line and a level of 0..99;
//   - the audit either reports or throws a bmm::error (audit_budget_table documents
//     invalid_argument; an extreme printed figure can also overflow its exact arithmetic);
//   - the streamed forms agree: published_table_reader, fed the whole text or chunks of a size
//     taken from the input, reads the same rows (or the same error when the CSV itself is
//     well formed; some parse_error when it is not), and budget_table_audit fed row by row
//     finds what audit_budget_table finds, or throws the same error.
// Nothing crashes, hangs or leaks.
#include <bmm/audit/table.hpp>
#include <bmm/csv.hpp>
#include <bmm/io/published_table.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"

using bmm_fuzz::require;

namespace {
/// The rows published_table_reader reads from `text` fed `chunk` bytes at a time (the whole text
/// at once for chunk 0); `error` is set to the parse_error's message when it throws one.
std::vector<bmm::published_row> read_streamed(std::string_view text, std::size_t chunk,
                                              std::string& error) {
    std::vector<bmm::published_row> rows;
    try {
        bmm::published_table_reader reader;
        bmm::published_row r;
        std::size_t at = 0;
        for (;;) {
            while (reader.next(r)) rows.push_back(r);
            if (reader.done()) return rows;
            if (at >= text.size()) {
                reader.finish();
            } else {
                const std::size_t n = chunk == 0 ? text.size() : chunk;
                reader.feed(text.substr(at, n));
                at += n;
            }
        }
    } catch (const bmm::parse_error& e) {
        error = e.what();
    }
    return rows;
}

const bmm::table_audit_options half_up(bmm::rounding_mode::half_up);

/// The findings of `report`, or the message of the error `audit` threw.
template <class Audit>
std::string audit_outcome(Audit audit, std::vector<bmm::finding>& findings, std::size_t& cells) {
    try {
        const bmm::findings report = audit();
        findings = report.stored();
        cells = report.cells_checked();
        return "";
    } catch (const bmm::error& e) {
        return e.what();
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t chunk = size == 0 ? 1 : 1 + data[0] % 13u;
    std::string whole_error, chunk_error;
    const auto whole_rows = read_streamed(text, 0, whole_error);
    const auto chunk_rows = read_streamed(text, chunk, chunk_error);
    bmm::csv_table csv;
    try {
        csv = bmm::read_csv(text);
    } catch (const bmm::csv_error&) {
        require(!whole_error.empty() && !chunk_error.empty(),
                "the streamed reader refuses malformed CSV");
        return 0;
    }
    std::vector<bmm::published_row> rows;
    try {
        rows = bmm::read_published_table(csv);
    } catch (const bmm::parse_error& e) {
        require(whole_error == e.what() && chunk_error == e.what(),
                "the streamed reader refuses a table with the same error");
        require(bmm_fuzz::quotes(e, e.input()), "an audit-table error quotes what it names");
        require(std::string(e.what()).find("line ") != std::string::npos,
                "an audit-table error says the line");
        return 0;
    }
    require(whole_error.empty() && chunk_error.empty(), "the streamed reader reads a good table");
    require(whole_rows == rows && chunk_rows == rows, "the streamed reader reads the same rows");
    std::vector<bmm::finding> whole_findings, streamed_findings;
    std::size_t whole_cells = 0, streamed_cells = 0;
    const std::string whole_audit = audit_outcome(
        [&] { return bmm::audit_budget_table(rows, half_up); }, whole_findings, whole_cells);
    const std::string streamed_audit = audit_outcome(
        [&] {
            bmm::budget_table_audit a(half_up);
            for (const auto& r : rows) a.add(r);
            return a.take_result();
        },
        streamed_findings, streamed_cells);
    require(whole_audit == streamed_audit, "the streamed audit throws what the whole audit throws");
    require(whole_cells == streamed_cells, "the streamed audit checks what the whole audit checks");
    require(whole_findings == streamed_findings,
            "the streamed audit's findings are the same, in the same order");
    require(rows.size() == csv.records.size(), "one row per record");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        require(rows[i].source_line == csv.records[i].line, "a row keeps its source line");
        require(rows[i].level >= 0 && rows[i].level <= 99, "a level is 0..99");
    }
    for (const auto& f : whole_findings) {
        require(f.where.row_index && *f.where.row_index < rows.size(), "a finding names a row");
        require(f.where.row == rows[*f.where.row_index].name, "a finding names its row's name");
    }
    return 0;
}
