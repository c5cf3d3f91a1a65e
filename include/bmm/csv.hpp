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
// read_csv holds the whole table; csv_reader, which read_csv is built on (one parser), reads one
// record at a time from a whole text or from chunks fed as they arrive, for tables too large to
// hold: the same records, positions and errors.
//
//   auto table = bmm::read_csv("line,level,budget\nAdult Services,0,226.9\n");
//   table.header[2];                 // "budget"
//   table.records[0].fields[0];      // "Adult Services"   table.records[0].line == 2
//   table.records[0].at(2).column;   // 18: "226.9" starts in column 18 of line 2
//   table.column("budget");          // 2, or std::nullopt
//   bmm::csv_quote("Rates, Council Tax");   // "\"Rates, Council Tax\""
//   bmm::csv_row(table.header);              // "line,level,budget\n": read_csv reads it back
//   bmm::csv_quote_for_spreadsheet("=1+1");  // "'=1+1": shown, not run, by a spreadsheet
//   bmm::csv_reader reader(text);           // or reader.feed(chunk) ... reader.finish()
//   for (bmm::csv_record r; reader.next(r);) use(r);   // one record in memory at a time
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/decimal_text.hpp"
#include "detail/text.hpp"
#include "detail/try_twin.hpp"
#include "error.hpp"

namespace bmm {

/// Where a field starts: 1-based line and column (the column in characters, not bytes).
struct csv_position {
    std::size_t line = 0;
    std::size_t column = 0;
};

/// Malformed CSV (or a field of a table that is not what its reader expects): a parse_error that
/// also says where (line, column, both 1-based) and which field. what() reads `bmm: cannot read "<field>" as CSV: <why> (line L, column C)`; the field
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
    /// A field of well-formed CSV that is not what its reader expects (e.g. an unknown column of
    /// a table): what() reads `bmm: cannot read "<field>" as <what>: <why> (line L, column C)`.
    csv_error(std::string_view field, std::string_view what, std::string_view why,
              csv_position where)
        : parse_error(shorten(field), what,
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
/// read_csv reads it back; a whole record is written by csv_row. Throws:
/// std::bad_alloc.
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

/// Returns: `field` as one CSV field of a file meant for a spreadsheet (a report's findings, not
/// data that bmm reads back): a field that starts with '=', '+', '-', '@', a tab or a carriage
/// return, which a spreadsheet would run as a formula ("=HYPERLINK(...)"), is written with a
/// leading single quote ("'=HYPERLINK(...)"), the OWASP rule against CSV injection — unless the
/// whole field is a number in bmm's decimal grammar ("-3.3", "+2.4", "-1,234.5"), which a
/// spreadsheet reads as the number it is; then it is csv_quote'd. Throws:
/// std::bad_alloc.
[[nodiscard]] inline std::string csv_quote_for_spreadsheet(std::string_view field) {
    const bool formula = !field.empty() &&
                         std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
    if (!formula || detail::scan_decimal(field).ok()) return csv_quote(field);
    std::string neutral = "'";
    neutral += field;
    return csv_quote(neutral);
}

/// Returns: `fields` as one CSV record: each field csv_quote'd, separated by commas, ending in
/// "\n", so that read_csv reads the records written one after another back to the same fields
/// (`Range` is any range of things convertible to std::string_view, e.g. a csv_record's fields).
/// A record of one empty field is written `""`, not as the blank line read_csv skips.
/// Throws: invalid_argument for no fields (a CSV record has at least one); nothing else but
/// std::bad_alloc.
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
/// Throws: as csv_row.
[[nodiscard]] inline std::string csv_row(std::initializer_list<std::string_view> fields) {
    return csv_row<std::initializer_list<std::string_view>>(fields);
}

/// Reads CSV records one at a time, so that a large table is never held whole as a csv_table:
/// from a whole text (a view: not copied) or from a text given in chunks (feed() each chunk, split
/// anywhere, then finish()). read_csv is built on it: the two read the same records, with the
/// same lines and columns, and throw the same csv_error at the same place.
///
///   bmm::csv_reader reader(text);          // or: reader.feed(chunk) ... reader.finish()
///   bmm::csv_record record;                // its storage is reused from record to record
///   while (reader.next(record)) use(record);
class csv_reader {
public:
    /// A reader of a text given in chunks by feed() and ended by finish().
    csv_reader() = default;
    /// A reader of the whole text `text`, which is not copied and must outlive the reader.
    explicit csv_reader(std::string_view text) noexcept : text_(text), final_(true) {}

    /// Appends the next chunk of the text (any size, split anywhere: inside a record, a quoted
    /// field or a UTF-8 character). Throws: invalid_argument for a reader of a whole text or
    /// after finish(); nothing else but std::bad_alloc.
    void feed(std::string_view chunk) {
        if (final_) throw invalid_argument("csv_reader: feed() after finish() or on a whole text");
        // Keep only what is not read yet (the records before pos_ are done), then append.
        if (pos_ > 0) {
            buffer_.erase(0, pos_);
            line_start_ -= pos_;
            if (scan_from_ == pos_) {  // the scan of the record ahead moves with its text
                scan_from_ = 0;
                scan_to_ -= pos_;
            } else {
                scan_from_ = no_scan;
            }
            pos_ = 0;
        }
        buffer_.append(chunk.data(), chunk.size());
        text_ = buffer_;
    }
    /// Marks the end of a text given in chunks.
    void finish() noexcept {
        if (!final_) text_ = buffer_;
        final_ = true;
    }

    /// Reads the next record into `out`, reusing its storage (its fields and positions are
    /// replaced, its line set; blank lines are skipped, a leading UTF-8 byte-order mark too).
    /// Returns: true with a record; false when the text is read (done()) or, for a text in
    /// chunks, when the next record needs more of it than has been fed.
    /// Throws: csv_error (a parse_error) with the line, column and field for malformed CSV (see
    /// the table at the top of this header); the reader then stays at that record.
    bool next(csv_record& out);
    /// Returns: true when the whole text has been read (for chunks: after finish()).
    [[nodiscard]] bool done() const noexcept {
        return final_ && bom_checked_ && !has_record_ahead();
    }
    /// Returns: the number of records read so far.
    [[nodiscard]] std::size_t records() const noexcept { return records_; }

private:
    enum class step { record, more, end };
    [[nodiscard]] bool has_record_ahead() const noexcept;
    [[nodiscard]] bool record_is_whole() noexcept;
    step read(csv_record& out);

    // A text in chunks: the record ahead (from scan_from_, which is pos_ while it is valid) is
    // looked through from where the last look stopped (scan_to_, in state scan_state_), so that
    // read() parses it once it is whole and each byte is looked at once however small the
    // chunks: linear in a record's length, not quadratic.
    static constexpr std::size_t no_scan = static_cast<std::size_t>(-1);
    std::size_t scan_from_ = no_scan;
    std::size_t scan_to_ = 0;
    unsigned char scan_state_ = 0;

    std::string buffer_;     ///< a text in chunks: what is not read yet
    std::string_view text_;  ///< the whole text, or buffer_
    std::size_t pos_ = 0;    ///< where the next record (or blank line) starts in text_
    std::size_t line_ = 1;   ///< the line at pos_
    std::size_t line_start_ = 0;
    std::size_t records_ = 0;
    bool final_ = false;  ///< text_ ends where the text ends
    bool bom_checked_ = false;
};

/// Reads CSV text whose first record is a header.
/// Throws: csv_error (a parse_error) with the line, column and field for malformed CSV (see the
/// table at the top of this header) or an empty input (no header).
[[nodiscard]] inline csv_table read_csv(std::string_view text) {
    csv_reader reader(text);
    csv_record header;
    if (!reader.next(header)) throw csv_error("", "there is no header row", csv_position{1, 1});
    csv_table t;
    t.header = std::move(header.fields);
    t.header_line = header.line;
    t.header_positions = std::move(header.positions);
    for (;;) {  // each record read in place into a new last one (resize: one growth path)
        t.records.resize(t.records.size() + 1);
        if (!reader.next(t.records.back())) break;
    }
    t.records.pop_back();
    return t;
}

/// Returns: read_csv(text), or std::nullopt exactly where it would throw.
[[nodiscard]] inline std::optional<csv_table> try_read_csv(std::string_view text) noexcept {
    return detail::try_twin([text] { return read_csv(text); });
}

// ---------------------------------------------------------------------------------------------
// Implementation

inline bool csv_reader::has_record_ahead() const noexcept {
    // Only blank lines (LF or CRLF) may be left once the text is read.
    for (std::size_t k = pos_; k < text_.size(); ++k) {
        if (text_[k] == '\n') continue;
        if (text_[k] == '\r' && k + 1 < text_.size() && text_[k + 1] == '\n') {
            ++k;
            continue;
        }
        return true;
    }
    return false;
}

inline bool csv_reader::record_is_whole() noexcept {
    // The states of RFC 4180 as read() parses it, far enough to know that read() will not need
    // more text: a record ends at a line feed outside quotes, after a CR's next byte, or (a
    // malformed field, which read() quotes whole) at the next separator.
    enum : unsigned char { line_start, line_start_cr, field, unquoted, quoted, quote, cr, bad };
    if (scan_from_ != pos_) {
        scan_from_ = scan_to_ = pos_;
        scan_state_ = line_start;
    }
    const std::string_view text = text_;
    unsigned char s = scan_state_;
    std::size_t k = scan_to_;
    bool whole = false;
    for (; k < text.size() && !whole; ++k) {
        const char c = text[k];
        const bool ends = c == '\n';
        switch (s) {
            case line_start:
                if (c == '\n') break;
                if (c == '\r') {
                    s = line_start_cr;
                    break;
                }
                [[fallthrough]];
            case field:
                if (c == '"') {
                    s = quoted;
                } else if (c == ',') {
                    s = field;
                } else if (c == '\r') {
                    s = cr;
                } else {
                    whole = ends;
                    s = unquoted;
                }
                break;
            case line_start_cr:
                if (c == '\n') {
                    s = line_start;
                } else {
                    whole = true;
                }
                break;
            case unquoted:
                if (c == ',') {
                    s = field;
                } else if (c == '\r') {
                    s = cr;
                } else if (c == '"') {
                    s = bad;
                } else {
                    whole = ends;
                }
                break;
            case quoted:
                if (c == '"') s = quote;
                break;
            case quote:
                if (c == '"') {
                    s = quoted;
                } else if (c == ',') {
                    s = field;
                } else if (c == '\r') {
                    s = cr;
                } else if (ends) {
                    whole = true;
                } else {
                    s = bad;
                }
                break;
            case cr:
                whole = true;
                break;
            default:  // bad: the field's text up to the next separator is quoted by read()
                whole = c == ',' || c == '\n' || c == '\r';
        }
    }
    scan_to_ = k;
    scan_state_ = s;
    return whole;
}

inline bool csv_reader::next(csv_record& out) {
    const step s = read(out);
    if (s == step::record) ++records_;
    return s == step::record;
}

inline csv_reader::step csv_reader::read(csv_record& out) {
    const std::string_view text = text_;
    if (!bom_checked_) {
        const std::string_view bom = "\xEF\xBB\xBF";
        if (!final_ && text.size() < 3 && bom.substr(0, text.size()) == text) return step::more;
        if (text.substr(0, 3) == bom) pos_ = line_start_ = 3;
        bom_checked_ = true;
    }
    // A text in chunks is parsed once the record ahead is whole (or the text is).
    if (!final_ && !record_is_whole()) return step::more;
    scan_from_ = no_scan;
    // Work on copies: the reader moves on only when a whole record is read.
    std::size_t i = pos_, line = line_, line_start = line_start_;
    // Skip blank lines.
    for (;;) {
        if (i >= text.size()) {
            if (!final_) {
                pos_ = i;  // the blank lines are read
                line_ = line;
                line_start_ = line_start;
                return step::more;
            }
            pos_ = i;
            line_ = line;
            line_start_ = line_start;
            return step::end;
        }
        if (text[i] == '\n') {
            ++i;
            ++line;
            line_start = i;
            continue;
        }
        if (text[i] == '\r') {
            if (i + 1 >= text.size() && !final_) {
                pos_ = i;
                line_ = line;
                line_start_ = line_start;
                return step::more;
            }
            if (i + 1 < text.size() && text[i + 1] == '\n') {
                i += 2;
                ++line;
                line_start = i;
                continue;
            }
        }
        break;
    }
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
    // The end of a field's raw text from `from` to the next separator, for messages; npos when
    // the text in chunks stops before the separator (the message waits for the rest).
    auto raw_end = [&](std::size_t from) {
        std::size_t k = from;
        while (!is_end(k)) ++k;
        return k >= text.size() && !final_ ? std::string_view::npos : k;
    };
    const std::size_t record_line = line;
    std::size_t n = 0;  // fields read into out
    for (;;) {
        // Grown by resize alone (which also trims below): one growth path of each vector.
        if (n == out.fields.size()) out.fields.resize(n + 1);
        if (n == out.positions.size()) out.positions.resize(n + 1);
        std::string& field = out.fields[n];
        field.clear();
        const std::size_t start = i;
        if (i >= text.size() && !final_) return step::more;
        const csv_position at = here(start);
        if (i < text.size() && text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= text.size()) {
                    if (!final_) return step::more;
                    throw csv_error(field, "a quoted field is not closed", at);
                }
                // Copy up to the next quote or line feed at once.
                std::size_t k = i;
                while (k < text.size() && text[k] != '"' && text[k] != '\n') ++k;
                field.append(text.data() + i, k - i);
                i = k;
                if (i >= text.size()) continue;
                if (text[i] == '\n') {
                    field += '\n';
                    new_line(++i);
                    continue;
                }
                // A quote: doubled, or the closing one.
                if (i + 1 >= text.size() && !final_) return step::more;
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                ++i;
                break;
            }
            if (i >= text.size() && !final_) return step::more;
            if (!is_end(i)) {
                const std::size_t e = raw_end(i);
                if (e == std::string_view::npos) return step::more;
                throw csv_error(std::string(text.substr(start, e - start)),
                                "text after a closing quote", here(i));
            }
        } else {
            const std::size_t from = i;
            while (!is_end(i)) {
                if (text[i] == '"') {
                    const std::size_t e = raw_end(start);
                    if (e == std::string_view::npos) return step::more;
                    throw csv_error(text.substr(start, e - start),
                                    "a quote inside an unquoted field", here(i));
                }
                ++i;
            }
            if (i >= text.size() && !final_) return step::more;
            field.assign(text.data() + from, i - from);
        }
        out.positions[n] = at;
        ++n;
        if (i < text.size() && text[i] == ',') {
            ++i;
            continue;
        }
        break;
    }
    if (i < text.size() && text[i] == '\r') {
        if (i + 1 >= text.size() && !final_) return step::more;
        if (i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
        } else {
            throw csv_error(out.fields[n - 1], "a carriage return not followed by a line feed",
                            here(i));
        }
    }
    if (i < text.size() && text[i] == '\n') new_line(++i);
    out.fields.resize(n);
    out.positions.resize(n);
    out.line = record_line;
    pos_ = i;
    line_ = line;
    line_start_ = line_start;
    return step::record;
}

}  // namespace bmm
