// bmm — csv: a strict RFC 4180 reader for the tables bmm's tools read, with line numbers.
//
// Fields are separated by commas; a field may be quoted with '"' (a quote inside is doubled) and
// may then hold commas and line breaks. Lines end in LF or CRLF; a UTF-8 byte-order mark at the
// start is skipped; blank lines are skipped. Every record remembers the line it starts on, so
// errors can name it. Malformed text (a quote inside an unquoted field, text after a closing
// quote, an unterminated quote) is a parse_error naming the line.
//
//   auto table = bmm::read_csv("line,level,budget\nAdult Services,0,226.9\n");
//   table.header[2];            // "budget"
//   table.records[0].fields[0]; // "Adult Services"   table.records[0].line == 2
//   table.column("budget");     // 2, or std::nullopt
//   bmm::csv_quote("Rates, Council Tax");   // "\"Rates, Council Tax\""
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/text.hpp"
#include "error.hpp"

namespace bmm {

struct csv_record {
    std::vector<std::string> fields;
    std::size_t line = 0;  ///< 1-based line on which the record starts
};

struct csv_table {
    std::vector<std::string> header;
    std::size_t header_line = 0;
    std::vector<csv_record> records;

    /// Returns: the index of the header column named `name` (ignoring case and surrounding
    /// space), or std::nullopt.
    [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const noexcept {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (detail::iequals(detail::trim(header[i]), name)) return i;
        }
        return std::nullopt;
    }
};

/// Returns: `field` as one CSV field: unchanged, or in double quotes (inner quotes doubled) when
/// it holds a comma, a quote or a line break. read_csv reads it back.
[[nodiscard]] inline std::string csv_quote(std::string_view field) {
    if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

/// Reads CSV text whose first record is a header.
/// Throws: parse_error naming the line for malformed CSV or an empty input (no header).
[[nodiscard]] inline csv_table read_csv(std::string_view text) {
    std::vector<csv_record> records;
    std::size_t i = 0, line = 1;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    auto fail = [&](const char* why) {
        throw parse_error(text.substr(0, std::min<std::size_t>(text.size(), 40)), "CSV",
                          "line " + std::to_string(line) + ": " + why, i);
    };
    while (i < text.size()) {
        // Skip blank lines.
        if (text[i] == '\n') {
            ++i;
            ++line;
            continue;
        }
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            i += 2;
            ++line;
            continue;
        }
        csv_record rec;
        rec.line = line;
        for (;;) {
            std::string field;
            if (i < text.size() && text[i] == '"') {
                ++i;
                for (;;) {
                    if (i >= text.size()) fail("a quoted field is not closed");
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++i;
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    fail("text after a closing quote");
                }
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"') fail("a quote inside an unquoted field");
                    field += text[i++];
                }
            }
            rec.fields.push_back(std::move(field));
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            break;
        }
        if (i < text.size() && text[i] == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            } else {
                fail("a carriage return not followed by a line feed");
            }
        }
        if (i < text.size() && text[i] == '\n') {
            ++i;
            ++line;
        }
        records.push_back(std::move(rec));
    }
    if (records.empty()) fail("there is no header row");
    csv_table t;
    t.header = std::move(records.front().fields);
    t.header_line = records.front().line;
    t.records.assign(std::make_move_iterator(records.begin() + 1),
                     std::make_move_iterator(records.end()));
    return t;
}

}  // namespace bmm
