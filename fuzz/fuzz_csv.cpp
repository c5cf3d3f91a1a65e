// Fuzz target: bmm::read_csv on its own. Whatever the input:
//   - it returns a table or throws a csv_error (a parse_error) whose message quotes the field it
//     names and gives a line inside the text;
//   - a table read, written back record by record with csv_row (csv_quote on each field), reads
//     back to the same header and records, which write the same text again;
//   - records are in line order and every record starts on a line of the text.
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
    std::size_t lines = 1;
    for (char c : text) lines += c == '\n' ? 1 : 0;
    bmm::csv_table t;
    try {
        t = bmm::read_csv(text);
    } catch (const bmm::csv_error& e) {
        require(e.line() >= 1 && e.line() <= lines, "a CSV error names a line of the text");
        require(bmm_fuzz::quotes(e, e.input()), "a CSV error quotes the field it names");
        require(std::string(e.what()).find("line " + std::to_string(e.line())) != std::string::npos,
                "a CSV error says its line");
        return 0;
    }
    require(t.header_line >= 1 && t.header_line <= lines, "the header is on a line of the text");
    std::size_t previous = t.header_line;
    for (const auto& r : t.records) {
        require(r.line > previous && r.line <= lines, "records are in line order");
        previous = r.line;
    }
    std::string again = bmm::csv_row(t.header);
    for (const auto& r : t.records) again += bmm::csv_row(r.fields);
    const bmm::csv_table u = bmm::read_csv(again);
    require(u.header == t.header, "the header is written and read back");
    require(u.records.size() == t.records.size(), "every record is written and read back");
    for (std::size_t i = 0; i < t.records.size(); ++i) {
        require(u.records[i].fields == t.records[i].fields, "each record's fields read back");
    }
    std::string twice = bmm::csv_row(u.header);
    for (const auto& r : u.records) twice += bmm::csv_row(r.fields);
    require(twice == again, "what is written and read back writes the same text");
    return 0;
}
