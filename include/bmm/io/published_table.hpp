// bmm — io/published_table: a published budget table read from CSV, for bmm/audit/table.hpp.
//
// The bmm-audit CSV contract: a header with the columns line,level,budget,forecast,variance,
// variance_pct and optionally previous_variance,change (any order, any case); figures as printed
// ("-3.3", "1,762", "(1.2)" for negative; a blank cell is not printed; a trailing % is allowed in
// variance_pct); level 0 is a line, k >= 1 a total of the rows after the previous row of level
// >= k that are not already inside a lower total; a row with no figures is a heading.
//
//   auto rows = bmm::read_published_table(csv_text);       // each row with its source_line
//
//   bmm::published_table_reader reader;                    // a text in chunks, row by row
//   reader.feed(chunk); ... reader.finish();
//   for (bmm::published_row row; reader.next(row);) audit.add(row);
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../audit/table.hpp"
#include "../csv.hpp"
#include "../decimal.hpp"
#include "../detail/text.hpp"
#include "../detail/try_twin.hpp"
#include "../error.hpp"
#include "../zero.hpp"

namespace bmm {

/// Reads a published table in the bmm-audit CSV contract: a header with the columns
/// line,level,budget,forecast,variance,variance_pct and optionally previous_variance,change (any
/// order, any case); figures as printed ("-3.3", "1,762", "(1.2)" for negative; a blank cell is
/// not printed; a trailing % is allowed in variance_pct); level 0 is a line, k >= 1 a total.
/// Returns: the rows in file order, each with its source_line.
/// Throws: csv_error (a parse_error) naming the line and column of an unknown, misspelled or
/// repeated column (none is ignored); parse_error naming the line and column for a missing
/// column, a non-numeric cell (or
/// a figure beyond 18 places or an int64 coefficient), an unknown level, or a row with the wrong
/// number of cells.
[[nodiscard]] std::vector<published_row> read_published_table(const csv_table& csv);
/// Reads a published table from its CSV text, as read_published_table(read_csv(text)) does but
/// record by record, without a csv_table of the text (the rows vector is reserved once, from the
/// text's line count).
/// Returns: the rows in file order, each with its source_line.
/// Throws: csv_error as read_csv (malformed CSV, no header); parse_error as above.
[[nodiscard]] std::vector<published_row> read_published_table(std::string_view csv_text);
/// Returns: read_published_table(csv), or std::nullopt exactly where it would throw.
[[nodiscard]] std::optional<std::vector<published_row>> try_read_published_table(
    const csv_table& csv) noexcept;
/// Returns: read_published_table(csv_text), or std::nullopt exactly where it would throw.
[[nodiscard]] std::optional<std::vector<published_row>> try_read_published_table(
    std::string_view csv_text) noexcept;

/// Reads the rows of a published table (the bmm-audit CSV contract, as read_published_table) one
/// at a time from CSV text: a whole text (a view, not copied) or a text in chunks (feed() each,
/// split anywhere, then finish()). Memory: one record and one row, not the table.
class published_table_reader {
public:
    /// A reader of a text given in chunks by feed() and ended by finish().
    published_table_reader() = default;
    /// A reader of the whole text `csv_text`, which is not copied and must outlive the reader.
    explicit published_table_reader(std::string_view csv_text) noexcept : csv_(csv_text) {}

    /// Appends the next chunk of the text. Throws: as csv_reader::feed.
    void feed(std::string_view chunk) { csv_.feed(chunk); }
    /// Marks the end of a text given in chunks.
    void finish() noexcept { csv_.finish(); }

    /// Reads the next row into `row` (its storage reused), reading the header first.
    /// Returns: true with a row; false when the table is read (done()) or, for a text in
    /// chunks, when the next row needs more of it than has been fed.
    /// Throws: csv_error for malformed CSV, or for a text that ends without a header;
    /// parse_error as read_published_table for the header or the row (after either, the text
    /// is not read further: a caller reports the error rather than calling next() again).
    bool next(published_row& row);
    /// Returns: true when the whole table has been read.
    [[nodiscard]] bool done() const noexcept { return csv_.done(); }
    /// Returns: the rows read so far.
    [[nodiscard]] std::size_t rows() const noexcept { return rows_; }

private:
    csv_reader csv_;
    csv_record record_;
    std::array<std::optional<std::size_t>, 8> columns_{};
    std::size_t header_size_ = 0;
    bool has_header_ = false;
    std::size_t rows_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

inline std::optional<decimal> published_figure(std::string_view cell, bool percent_column,
                                               bool& bad) {
    cell = trim(cell);
    if (cell.empty()) return std::nullopt;
    bool bracket = false;
    if (cell.size() >= 2 && cell.front() == '(' && cell.back() == ')') {
        bracket = true;
        cell = trim(cell.substr(1, cell.size() - 2));
    }
    if (percent_column && !cell.empty() && cell.back() == '%') {
        cell = trim(cell.substr(0, cell.size() - 1));
    }
    const auto d = decimal::try_parse(cell);
    if (!d || (bracket && *d < zero)) {
        bad = true;
        return std::nullopt;
    }
    return bracket ? -*d : *d;
}

inline constexpr std::array<std::string_view, 8> published_columns{
    "line",  "level", "budget", "forecast", "variance", "variance_pct", "previous_variance",
    "change"};

/// The positions of the contract's columns in a header (`positions`: where each field starts,
/// or empty). Throws: csv_error at the field for an unknown (or misspelled) or repeated column,
/// so that no column is silently ignored; parse_error naming the line for a missing one.
inline std::array<std::optional<std::size_t>, 8> published_header(
    const std::vector<std::string>& fields, const std::vector<csv_position>& positions,
    std::size_t header_line) {
    std::array<std::optional<std::size_t>, 8> at{};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view name = trim(fields[i]);
        const csv_position where =
            i < positions.size() ? positions[i] : csv_position{header_line, 0};
        std::size_t k = 0;
        while (k < published_columns.size() && !iequals(name, published_columns[k])) ++k;
        if (k == published_columns.size()) {
            throw csv_error(fields[i], "a bmm-audit column",
                            "unknown column (the columns are line, level, budget, forecast, "
                            "variance, variance_pct, previous_variance and change)",
                            where);
        }
        if (at[k]) {
            throw csv_error(fields[i], "a bmm-audit column",
                            "the column " + std::string(published_columns[k]) +
                                " is repeated (it is also field " + std::to_string(*at[k] + 1) +
                                " of the header)",
                            where);
        }
        at[k] = i;
    }
    for (std::size_t k = 0; k < published_columns.size(); ++k) {
        if (k < 6 && !at[k]) {
            throw parse_error(published_columns[k], "a bmm-audit table",
                              "line " + std::to_string(header_line) +
                                  ": the header has no column \"" +
                                  std::string(published_columns[k]) + "\"");
        }
    }
    return at;
}

/// One record of the contract as a row (the one row parser behind every reader).
inline void read_published_record(const std::array<std::optional<std::size_t>, 8>& at,
                                  std::size_t header_size, const csv_record& rec,
                                  published_row& r) {
    if (rec.fields.size() != header_size) {
        throw parse_error(
            rec.fields.empty() ? std::string_view() : rec.fields[0], "a bmm-audit row",
            "line " + std::to_string(rec.line) + ": " + std::to_string(rec.fields.size()) +
                " cells, the header has " + std::to_string(header_size));
    }
    r.source_line = rec.line;
    r.name.assign(trim(rec.fields[*at[0]]));
    auto figure = [&](std::size_t k) -> std::optional<decimal> {
        if (!at[k]) return std::nullopt;
        bool bad = false;
        auto d = published_figure(rec.fields[*at[k]], k == 5, bad);
        if (bad) {
            throw parse_error(rec.fields[*at[k]], "a figure",
                              "line " + std::to_string(rec.line) + ", column " +
                                  std::string(published_columns[k]));
        }
        return d;
    };
    const std::string_view level = trim(rec.fields[*at[1]]);
    int lv = 0;
    bool level_ok = !level.empty() && level.size() <= 2;
    for (char c : level) {
        if (!is_digit(c)) level_ok = false;
    }
    if (level_ok) {
        for (char c : level) lv = lv * 10 + (c - '0');
    }
    r.budget = figure(2);
    r.forecast = figure(3);
    r.variance = figure(4);
    r.variance_pct = figure(5);
    r.previous_variance = figure(6);
    r.change = figure(7);
    if (!level_ok && !(level.empty() && r.is_heading())) {
        throw parse_error(rec.fields[*at[1]], "a level",
                          "line " + std::to_string(rec.line) +
                              ": a level is 0 (a line) or a total's level 1..99");
    }
    r.level = level_ok ? lv : 0;
}

}  // namespace detail

inline std::vector<published_row> read_published_table(const csv_table& csv) {
    const auto at = detail::published_header(csv.header, csv.header_positions, csv.header_line);
    std::vector<published_row> rows;
    rows.reserve(csv.records.size());
    for (const csv_record& rec : csv.records) {
        published_row r;
        detail::read_published_record(at, csv.header.size(), rec, r);
        rows.push_back(std::move(r));
    }
    return rows;
}

inline bool published_table_reader::next(published_row& row) {
    if (!has_header_) {
        if (!csv_.next(record_)) {
            if (csv_.done()) throw csv_error("", "there is no header row", csv_position{1, 1});
            return false;
        }
        const csv_record& h = record_;
        columns_ = detail::published_header(h.fields, h.positions, h.line);
        header_size_ = h.fields.size();
        has_header_ = true;
    }
    if (!csv_.next(record_)) return false;
    detail::read_published_record(columns_, header_size_, record_, row);
    ++rows_;
    return true;
}

inline std::vector<published_row> read_published_table(std::string_view csv_text) {
    // At most one row a line after the header: count the lines that hold something (a blank
    // line is no row), and never more than a row for each 6 bytes (five commas and a line end).
    std::size_t lines = 0;
    bool blank = true;
    for (char c : csv_text) {
        if (c == '\n') {
            lines += !blank;
            blank = true;
        } else if (c != '\r') {
            blank = false;
        }
    }
    lines += !blank;
    const std::size_t records = lines > 0 ? lines - 1 : 0;
    const std::size_t cap = csv_text.size() / 6 + 1;
    std::vector<published_row> rows;
    rows.reserve(records < cap ? records : cap);
    published_table_reader reader(csv_text);
    published_row r;
    while (reader.next(r)) rows.push_back(std::move(r));  // next() assigns every member
    return rows;
}

inline std::optional<std::vector<published_row>> try_read_published_table(
    const csv_table& csv) noexcept {
    return detail::try_twin([&csv] { return read_published_table(csv); });
}

inline std::optional<std::vector<published_row>> try_read_published_table(
    std::string_view csv_text) noexcept {
    return detail::try_twin([csv_text] { return read_published_table(csv_text); });
}

}  // namespace bmm
