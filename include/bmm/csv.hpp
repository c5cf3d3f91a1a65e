// bmm — csv: a strict RFC 4180 reader for the tables bmm's tools read, with line and column of
// every field.
//
// Fields are separated by commas; a field may be quoted with '"' (a quote inside is doubled) and
// may then hold commas and line breaks. Lines end in LF or CRLF; a UTF-8 byte-order mark at the
// start is skipped; blank lines are skipped. Every field remembers where it starts (csv_position:
// 1-based line and column, the column counted in characters — UTF-8 code points — as an editor
// shows it), so a caller that finds a bad cell can name it as FILE:LINE:COLUMN. Malformed text is
// a csv_error (a parse_error) carrying the line, the column and the offending field's text:
//
//   error                                          where it points
//   a quoted field is not closed                   the opening quote
//   text after a closing quote ("ab"c)             the first character after the closing quote
//   a quote inside an unquoted field (ab"c)        the quote
//   a carriage return not followed by a line feed  the carriage return
//   there is no header row (empty input)           line 1, column 1
//
// The writers are its inverse: csv_quote writes a field and csv_row a record (each field quoted
// as needed, a lone empty field as `""`), and read_csv reads what they write back to the same
// records, whatever the fields hold (commas, quotes, CR, LF, a leading byte-order mark, nothing).
//
//   auto table = bmm::read_csv("line,level,budget\nAdult Services,0,226.9\n");
//   table.header[2];                 // "budget"
//   table.records[0].fields[0];      // "Adult Services"   table.records[0].line == 2
//   table.records[0].at(2).column;   // 18: "226.9" starts in column 18 of line 2
//   table.column("budget");          // 2, or std::nullopt
//   bmm::csv_quote("Rates, Council Tax");   // "\"Rates, Council Tax\""
//   bmm::csv_row(table.header);              // "line,level,budget\n": read_csv reads it back
#pragma once

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/text.hpp"
#include "error.hpp"

namespace bmm {

/// Where a field starts: 1-based line and column (the column in characters, not bytes).
struct csv_position {
    std::size_t line = 0;
    std::size_t column = 0;
};

/// Malformed CSV: a parse_error that also says where (line, column, both 1-based) and which
/// field. what() reads `bmm: cannot read "<field>" as CSV: <why> (line L, column C)`; the field
/// text is cut to 60 bytes (at a character boundary, "..." added) in what() and input(), and kept
/// whole in field().
class csv_error : public parse_error {
public:
    csv_error(std::string_view field, std::string_view why, csv_position where)
        : parse_error(shorten(field), "CSV",
                      std::string(why) + " (line " + std::to_string(where.line) + ", column " +
                          std::to_string(where.column) + ")"),
          why_(why),
          field_(field),
          where_(where) {}

    /// Returns: the 1-based line of the error.
    [[nodiscard]] std::size_t line() const noexcept { return where_.line; }
    /// Returns: the 1-based column (in characters) of the error.
    [[nodiscard]] std::size_t column() const noexcept { return where_.column; }
    /// Returns: the offending field's text as far as it was read.
    [[nodiscard]] const std::string& field() const noexcept { return field_; }
    /// Returns: the reason alone ("a quote inside an unquoted field").
    [[nodiscard]] const std::string& reason() const noexcept { return why_; }

private:
    static std::string shorten(std::string_view s) {
        if (s.size() <= 60) return std::string(s);
        std::size_t n = 60;
        while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0u) == 0x80u) --n;
        std::string out(s.substr(0, n));
        out += "...";
        return out;
    }
    std::string why_;
    std::string field_;
    csv_position where_;
};

struct csv_record {
    std::vector<std::string> fields;
    std::size_t line = 0;                 ///< 1-based line on which the record starts
    std::vector<csv_position> positions;  ///< where each field starts (empty if built by hand)

    /// Returns: where field i starts; {line, 0} when the record holds no positions for it.
    [[nodiscard]] csv_position at(std::size_t i) const noexcept {
        return i < positions.size() ? positions[i] : csv_position{line, 0};
    }
};

struct csv_table {
    std::vector<std::string> header;
    std::size_t header_line = 0;
    std::vector<csv_record> records;
    std::vector<csv_position> header_positions;  ///< where each header field starts

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
/// it holds a comma, a quote or a line break, or starts with a UTF-8 byte-order mark (which
/// read_csv skips at the start of a text, so unquoted it would be lost as a table's first field).
/// read_csv reads it back; a whole record is written by csv_row. Throws: nothing but
/// std::bad_alloc. Requires: nothing.
[[nodiscard]] inline std::string csv_quote(std::string_view field) {
    if (field.find_first_of(",\"\n\r") == std::string_view::npos &&
        field.substr(0, 3) != "\xEF\xBB\xBF") {
        return std::string(field);
    }
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

/// Returns: `fields` as one CSV record: each field csv_quote'd, separated by commas, ending in
/// "\n", so that read_csv reads the records written one after another back to the same fields
/// (`Range` is any range of things convertible to std::string_view, e.g. a csv_record's fields).
/// A record of one empty field is written `""`, not as the blank line read_csv skips.
/// Throws: invalid_argument for no fields (a CSV record has at least one); nothing else but
/// std::bad_alloc. Requires: nothing.
template <class Range>
[[nodiscard]] std::string csv_row(const Range& fields) {
    std::string out;
    bool first = true;
    for (const auto& f : fields) {
        if (!first) out += ',';
        first = false;
        out += csv_quote(std::string_view(f));
    }
    if (first) throw invalid_argument("a CSV record has at least one field");
    if (out.empty()) out = "\"\"";  // one empty field
    out += '\n';
    return out;
}

/// Returns: csv_row of the fields listed: csv_row({"Adult Services", "0", "226.9"}).
/// Throws: as csv_row. Requires: nothing.
[[nodiscard]] inline std::string csv_row(std::initializer_list<std::string_view> fields) {
    return csv_row<std::initializer_list<std::string_view>>(fields);
}

/// Reads CSV text whose first record is a header.
/// Throws: csv_error (a parse_error) with the line, column and field for malformed CSV (see the
/// table at the top of this header) or an empty input (no header).
[[nodiscard]] inline csv_table read_csv(std::string_view text) {
    std::vector<csv_record> records;
    std::size_t i = 0, line = 1, line_start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = line_start = 3;
    // The column of byte offset `at` (at or after the last one asked for on this line):
    // characters, not UTF-8 continuation bytes, since the line began, plus one. Counted
    // incrementally, so a long line costs linear time.
    std::size_t counted_to = line_start, counted_column = 1;
    auto here = [&](std::size_t at) {
        if (at < counted_to) {
            counted_to = line_start;
            counted_column = 1;
        }
        for (; counted_to < at && counted_to < text.size(); ++counted_to) {
            counted_column += (static_cast<unsigned char>(text[counted_to]) & 0xC0u) != 0x80u;
        }
        return csv_position{line, counted_column};
    };
    auto new_line = [&](std::size_t next) {
        ++line;
        line_start = counted_to = next;
        counted_column = 1;
    };
    auto is_end = [&](std::size_t k) {
        return k >= text.size() || text[k] == ',' || text[k] == '\n' || text[k] == '\r';
    };
    // The raw text of a field from `from` to the next separator, for messages.
    auto raw_to_separator = [&](std::size_t from) {
        std::size_t k = from;
        while (!is_end(k)) ++k;
        return text.substr(from, k - from);
    };
    while (i < text.size()) {
        // Skip blank lines.
        if (text[i] == '\n') {
            new_line(++i);
            continue;
        }
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            i += 2;
            new_line(i);
            continue;
        }
        csv_record rec;
        rec.line = line;
        for (;;) {
            std::string field;
            const std::size_t start = i;
            const csv_position at = here(start);
            if (i < text.size() && text[i] == '"') {
                ++i;
                for (;;) {
                    if (i >= text.size())
                        throw csv_error(field, "a quoted field is not closed", at);
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
                    field += c;
                    ++i;
                    if (c == '\n') new_line(i);
                }
                if (!is_end(i)) {
                    throw csv_error(std::string(text.substr(start, i - start)) +
                                        std::string(raw_to_separator(i)),
                                    "text after a closing quote", here(i));
                }
            } else {
                while (!is_end(i)) {
                    if (text[i] == '"') {
                        throw csv_error(raw_to_separator(start), "a quote inside an unquoted field",
                                        here(i));
                    }
                    field += text[i++];
                }
            }
            rec.fields.push_back(std::move(field));
            rec.positions.push_back(at);
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
                throw csv_error(rec.fields.back(), "a carriage return not followed by a line feed",
                                here(i));
            }
        }
        if (i < text.size() && text[i] == '\n') new_line(++i);
        records.push_back(std::move(rec));
    }
    if (records.empty()) throw csv_error("", "there is no header row", csv_position{1, 1});
    csv_table t;
    t.header = std::move(records.front().fields);
    t.header_line = records.front().line;
    t.header_positions = std::move(records.front().positions);
    t.records.assign(std::make_move_iterator(records.begin() + 1),
                     std::make_move_iterator(records.end()));
    return t;
}

}  // namespace bmm
