// bmm — audit/printed_table: a table as printed, read under its declaration.
//
// Every cell keeps its text as printed and, in a figure column, what it reads as:
//
//   printed             reads as                          note
//   ""                  blank: not printed                never zero
//   "-", "–", "#DIV/0!" a nil mark: zero, or not printed  as the column or table declares
//   "1,234", "£1,234"   1234                              commas only as thousands separators
//   "(1,234)", "-1,234", "- 315.7", "−5"                   negative (brackets unless prose)
//   "6.2%", "(6.2%)"    6.2, -6.2                          a % only in a % column
//   "£9m", "£40k"       9 (£m), 40 (£000)                  the unit's letter only in its column
//   "(0)", "-0"         a negative zero                    with `signed zeros`: (-u/2, 0)
//   "less than 1%"      a band: [at_least, 1)              also under/below, more than/over/
//                                                          above (to at_most)
// Anything else in a figure column is a table_error at its FILE:LINE:COLUMN, as is a figure
// with other places than its column declares, or a heading the declaration does not name.
//
//   bmm::printed_table t = bmm::printed_table::read(declaration, headings, rows);
//   t.rows()[2].name;                      // "Expenditure#2": a repeated label, numbered
//   t.cell(2, 5).value;                    // the figure, or std::nullopt
//   t.row(bmm::row_ref::named("Total"));   // its index; a table_error if there is none
//
// Reading a CSV file and a declaration's text is bmm/io/table_declaration.hpp; auditing a
// printed table is bmm/audit/declared_table.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../decimal.hpp"
#include "../detail/text.hpp"
#include "../detail/try_twin.hpp"
#include "../error.hpp"
#include "finding.hpp"
#include "table_declaration.hpp"

namespace bmm {

/// What a printed cell reads as.
enum class cell_kind : std::uint8_t {
    blank,     ///< nothing printed (or a nil mark meaning nothing)
    figure,    ///< a figure
    nil_zero,  ///< a nil mark meaning a printed zero (exact)
    band,      ///< a bound: "less than 1%" (value: 1)
    text,      ///< text (a name, a note, a sign word, an ignored column or row)
};

/// A printed cell: its text as printed and what it reads as.
struct table_cell {
    std::string text;  ///< as printed
    cell_kind kind = cell_kind::blank;
    std::optional<decimal> value;  ///< figure, nil_zero (0) and band (its figure)
    bool negative_zero = false;    ///< "(0)", "-0": a negative value printed as zero
    bool band_below = true;        ///< band: "less than X" (true) or "more than X" (false)
    source_position source;

    /// Returns: true for a printed figure (a figure, a nil zero or a band).
    [[nodiscard]] bool is_figure() const noexcept {
        return kind == cell_kind::figure || kind == cell_kind::nil_zero || kind == cell_kind::band;
    }
};

/// A printed row: its cells in column order, its label and unique name, and where it was read.
struct table_row {
    std::vector<table_cell> cells;
    std::string label;         ///< the name column's text (trimmed)
    std::string name;          ///< unique: the label, "label#k" for a repeated label, "@N" for none
    std::string group;         ///< the group column's text (trimmed), if the table has one
    std::optional<int> level;  ///< the level column's level (today's layout)
    std::size_t line = 0;      ///< its line in the file
    bool ignored = false;      ///< declared not data (a repeated heading)

    /// Returns: true when the row prints a figure (a row without one is a heading).
    [[nodiscard]] bool has_figures() const noexcept {
        for (const table_cell& c : cells) {
            if (c.is_figure()) return true;
        }
        return false;
    }
};

/// A field of text as read, and where.
struct text_field {
    std::string text;
    source_position source;
};

/// A table as printed, read under its declaration (see the header comment).
class printed_table {
public:
    /// Reads a table under `declaration`: its headings (the first row as printed) and its data
    /// rows, each a list of fields (as many as the headings) and its line.
    /// Returns: the table, every cell read as its column declares.
    /// Throws: table_error at the place of a heading the declaration does not name (or names
    /// twice, or a repeated heading), of a declared column the table does not print (at the
    /// declaration), of a row with the wrong number of fields, of a cell that cannot be read
    /// as its column's figure, and of a row reference of the declaration that names no row, or
    /// a repeated label without its number.
    [[nodiscard]] static printed_table read(table_declaration declaration,
                                            const std::vector<text_field>& headings,
                                            const std::vector<std::vector<text_field>>& rows,
                                            const std::vector<std::size_t>& lines);
    /// Returns: read(declaration, headings, rows, lines), or std::nullopt exactly where it would
    /// throw.
    [[nodiscard]] static std::optional<printed_table> try_read(
        const table_declaration& declaration, const std::vector<text_field>& headings,
        const std::vector<std::vector<text_field>>& rows,
        const std::vector<std::size_t>& lines) noexcept {
        return detail::try_twin([&] { return read(declaration, headings, rows, lines); });
    }

    [[nodiscard]] const table_declaration& declaration() const noexcept { return decl_; }
    /// Returns: the printed headings, in print order.
    [[nodiscard]] const std::vector<text_field>& headings() const noexcept { return headings_; }
    /// Returns: the declaration of each printed column, in print order.
    [[nodiscard]] const std::vector<table_column>& columns() const noexcept { return columns_; }
    [[nodiscard]] const std::vector<table_row>& rows() const noexcept { return rows_; }
    /// Returns: the cell. Requires: row < rows().size(), column < columns().size().
    [[nodiscard]] const table_cell& cell(std::size_t row, std::size_t column) const noexcept {
        return rows_[row].cells[column];
    }
    /// Returns: the index of the column printed with this heading, or std::nullopt.
    [[nodiscard]] std::optional<std::size_t> find_column(std::string_view heading) const noexcept {
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            if (columns_[i].heading == heading) return i;
        }
        return std::nullopt;
    }
    /// Returns: the index of the row `r` names, or std::nullopt (none, or a repeated label
    /// without its number).
    [[nodiscard]] std::optional<std::size_t> find_row(const row_ref& r) const noexcept;
    /// Returns: the index of the row `r` names.
    /// Throws: table_error at r.source (or the declaration) when it names none.
    [[nodiscard]] std::size_t row(const row_ref& r) const;
    /// Returns: the table's name in findings: the declaration's title, or its file.
    [[nodiscard]] const std::string& section() const noexcept { return section_; }
    /// Returns: the file the table was read from (may be empty).
    [[nodiscard]] const std::string& file() const noexcept { return file_; }

    /// Returns: where the declaration of `c` was read (its file, line 1 when unknown).
    [[nodiscard]] source_position declared_at(const std::optional<source_position>& c) const {
        if (c) return *c;
        return source_position{decl_.file, 1, std::nullopt};
    }

private:
    table_declaration decl_;
    std::vector<text_field> headings_;
    std::vector<table_column> columns_;
    std::vector<table_row> rows_;
    std::string section_;
    std::string file_;
};

/// Reads one printed cell of `column` (of a table declared by `declaration`) at `where`.
/// Returns: the cell (see the header comment).
/// Throws: table_error at `where` for text the column cannot hold.
[[nodiscard]] table_cell read_table_cell(std::string_view text, const table_column& column,
                                         const table_declaration& declaration,
                                         const source_position& where);
/// Returns: read_table_cell(text, column, declaration, where), or std::nullopt exactly where it
/// would throw.
[[nodiscard]] std::optional<table_cell> try_read_table_cell(std::string_view text,
                                                            const table_column& column,
                                                            const table_declaration& declaration,
                                                            const source_position& where) noexcept;

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// The byte length of a leading minus sign: '-', U+2212 or U+2013 (0 for none).
[[nodiscard]] inline std::size_t minus_sign_length(std::string_view t) noexcept {
    if (!t.empty() && t[0] == '-') return 1;
    if (t.size() >= 3 && t.substr(0, 3) == "\xE2\x88\x92") return 3;
    if (t.size() >= 3 && t.substr(0, 3) == "\xE2\x80\x93") return 3;
    return 0;
}

/// Reads "1,234.5" (commas only as thousands separators) as a decimal, or std::nullopt.
[[nodiscard]] inline std::optional<decimal> grouped_number(std::string_view t) {
    if (t.empty()) return std::nullopt;
    std::string digits;
    const std::size_t dot = t.find('.');
    const std::string_view whole = t.substr(0, dot);
    const bool has_commas = whole.find(',') != std::string_view::npos;
    std::size_t run = 0, groups = 0;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        const char c = whole[i];
        if (c == ',') {
            if (run == 0 || (groups > 0 && run != 3) || (groups == 0 && run > 3)) {
                return std::nullopt;
            }
            ++groups;
            run = 0;
            continue;
        }
        if (!is_digit(c)) return std::nullopt;
        digits += c;
        ++run;
    }
    if (has_commas && run != 3) return std::nullopt;
    if (dot != std::string_view::npos) {
        const std::string_view frac = t.substr(dot + 1);
        if (frac.empty()) return std::nullopt;
        digits += '.';
        for (char c : frac) {
            if (!is_digit(c)) return std::nullopt;
            digits += c;
        }
        if (whole.empty()) digits.insert(0, "0");
    } else if (whole.empty()) {
        return std::nullopt;
    }
    return decimal::try_parse(digits);
}

/// A figure as printed, before its sign: the number, whether it was negative, its suffix.
struct figure_text {
    decimal value;
    bool negative = false;
    bool percent = false;
    bool pound = false;
    char letter = 0;  ///< 'm' or 'k' after the number
};

/// Reads a figure ("(1,234)", "- 315.7", "£9m", "6.2%"); why says what is wrong otherwise.
[[nodiscard]] inline std::optional<figure_text> read_figure_text(std::string_view t,
                                                                 bool brackets_negative,
                                                                 std::string& why) {
    figure_text f;
    t = trim(t);
    if (brackets_negative && t.size() >= 2 && t.front() == '(' && t.back() == ')') {
        f.negative = true;
        t = trim(t.substr(1, t.size() - 2));
    }
    if (const std::size_t m = minus_sign_length(t)) {
        if (f.negative) {
            why = "a figure is negative by brackets or by a sign, not both";
            return std::nullopt;
        }
        f.negative = true;
        t = trim(t.substr(m));
    }
    if (t.size() >= 2 && t.substr(0, 2) == "£") {
        f.pound = true;
        t = t.substr(2);
    }
    if (!t.empty() && t.back() == '%') {
        f.percent = true;
        t = trim(t.substr(0, t.size() - 1));
    } else if (!t.empty() && (t.back() == 'm' || t.back() == 'k')) {
        f.letter = t.back();
        t = t.substr(0, t.size() - 1);
    }
    const std::optional<decimal> v = grouped_number(t);
    if (!v) {
        why =
            "not a figure (digits, commas as thousands separators, a point; a sign or "
            "brackets; £, %, m or k as its column's unit allows), nor a declared nil mark";
        return std::nullopt;
    }
    f.value = *v;
    return f;
}

/// The band words: "less than X" (below) and "more than X" (above), and their synonyms.
[[nodiscard]] inline std::optional<std::pair<bool, std::string_view>> band_words(
    std::string_view t) noexcept {
    constexpr std::string_view below[] = {"less than ", "under ", "below "};
    constexpr std::string_view above[] = {"more than ", "over ", "above "};
    for (std::string_view w : below) {
        if (istarts_with(t, w)) return std::make_pair(true, trim(t.substr(w.size())));
    }
    for (std::string_view w : above) {
        if (istarts_with(t, w)) return std::make_pair(false, trim(t.substr(w.size())));
    }
    return std::nullopt;
}

[[nodiscard]] inline bool is_money(table_unit u) noexcept {
    return u == table_unit::pounds || u == table_unit::thousands || u == table_unit::millions;
}

}  // namespace detail

inline table_cell read_table_cell(std::string_view text, const table_column& column,
                                  const table_declaration& declaration,
                                  const source_position& where) {
    table_cell cell;
    cell.text = std::string(text);
    cell.source = where;
    std::string_view t = detail::trim(text);
    if (!is_figure(column.role)) {
        cell.kind = t.empty() ? cell_kind::blank : cell_kind::text;
        return cell;
    }
    const std::string what = "a figure of column \"" + column.heading + "\"";
    if (column.brackets == bracket_style::prose && t.size() >= 2 && t.front() == '(' &&
        t.back() == ')') {
        t = detail::trim(t.substr(1, t.size() - 2));
    }
    auto nil = [&](const std::vector<nil_mark>& marks) -> const nil_mark* {
        for (const nil_mark& m : marks) {
            if (m.text == t) return &m;
        }
        return nullptr;
    };
    const nil_mark* mark = nil(column.nil);
    if (mark == nullptr) mark = nil(declaration.nil);
    if (mark != nullptr) {
        if (mark->meaning == nil_meaning::printed_zero) {
            cell.kind = cell_kind::nil_zero;
            cell.value = decimal();
        }
        return cell;
    }
    if (t.empty()) return cell;
    std::string_view figure = t;
    const auto band = detail::band_words(t);
    if (band) figure = band->second;
    std::string why;
    const std::optional<detail::figure_text> f =
        detail::read_figure_text(figure, column.brackets == bracket_style::negative, why);
    if (!f) throw table_error(where, text, what, why);
    const bool money = detail::is_money(column.unit);
    if (f->pound && !money) {
        throw table_error(where, text, what,
                          "a £ sign in a column of unit " + std::string(to_string(column.unit)));
    }
    if (f->percent && column.unit != table_unit::percent) {
        throw table_error(where, text, what, "a % sign in a column that is not a %");
    }
    if (f->letter == 'm' && column.unit != table_unit::millions) {
        throw table_error(where, text, what, "an 'm' after a figure of a column not in £m");
    }
    if (f->letter == 'k' && column.unit != table_unit::thousands) {
        throw table_error(where, text, what, "a 'k' after a figure of a column not in £000");
    }
    if (column.places && f->value.places() != *column.places) {
        throw table_error(where, text, what,
                          "printed with " + std::to_string(f->value.places()) +
                              " decimal places; the column declares " +
                              std::to_string(*column.places));
    }
    cell.value = f->negative ? -f->value : f->value;
    cell.negative_zero = f->negative && f->value == zero;
    cell.kind = cell_kind::figure;
    if (band) {
        cell.kind = cell_kind::band;
        cell.band_below = band->first;
        const bool bounded = band->first
                                 ? column.at_least.has_value() ||
                                       column.role == table_role::share || column.is_exact()
                                 : column.at_most.has_value() || column.role == table_role::share;
        if (!bounded) {
            throw table_error(where, text, what,
                              std::string("a band needs the column's ") +
                                  (band->first ? "at_least" : "at_most") +
                                  " declared (the value it cannot pass)");
        }
    }
    return cell;
}

inline std::optional<std::size_t> printed_table::find_row(const row_ref& r) const noexcept {
    if (r.number) {
        if (*r.number >= 1 && *r.number <= rows_.size()) return *r.number - 1;
        return std::nullopt;
    }
    std::size_t seen = 0;
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].label != r.label) continue;
        ++seen;
        if (r.occurrence == 0 && !found) found = i;
        if (r.occurrence != 0 && seen == r.occurrence) return i;
    }
    if (r.occurrence != 0 || seen != 1) return std::nullopt;
    return found;
}

inline std::size_t printed_table::row(const row_ref& r) const {
    if (auto i = find_row(r)) return *i;
    const source_position at = declared_at(r.source);
    if (r.number) {
        throw table_error(at, r.text(), "a row",
                          "the table has " + std::to_string(rows_.size()) + " data rows");
    }
    std::size_t seen = 0;
    for (const table_row& row : rows_)
        if (row.label == r.label) ++seen;
    if (seen > 1 && r.occurrence == 0) {
        throw table_error(at, r.text(), "a row",
                          "the label is printed on " + std::to_string(seen) + " rows: write " +
                              r.text() + "#1 ... #" + std::to_string(seen));
    }
    throw table_error(at, r.text(), "a row",
                      seen == 0 ? "no row of the table has this label"
                                : "the label is printed on " + std::to_string(seen) + " rows");
}

inline printed_table printed_table::read(table_declaration declaration,
                                         const std::vector<text_field>& headings,
                                         const std::vector<std::vector<text_field>>& rows,
                                         const std::vector<std::size_t>& lines) {
    printed_table t;
    t.decl_ = std::move(declaration);
    t.headings_ = headings;
    t.file_ = t.decl_.file;
    if (!headings.empty() && !headings.front().source.file.empty()) {
        t.file_ = headings.front().source.file;
    }
    t.section_ = !t.decl_.title.empty() ? t.decl_.title : t.file_;
    const table_declaration& d = t.decl_;
    // Every printed heading declared once, every declared column printed.
    std::vector<bool> used(d.columns.size(), false);
    for (std::size_t h = 0; h < headings.size(); ++h) {
        const std::string_view text = headings[h].text;
        for (std::size_t k = 0; k < h; ++k) {
            const bool same =
                d.builtin_budget_layout
                    ? detail::iequals(detail::trim(headings[k].text), detail::trim(text))
                    : headings[k].text == text;
            if (same) {
                throw table_error(headings[h].source, text, "a column heading",
                                  "the heading is printed twice (columns " + std::to_string(k + 1) +
                                      " and " + std::to_string(h + 1) + ")");
            }
        }
        std::optional<std::size_t> found;
        for (std::size_t c = 0; c < d.columns.size(); ++c) {
            const bool same = d.builtin_budget_layout
                                  ? detail::iequals(detail::trim(text), d.columns[c].heading)
                                  : d.columns[c].heading == text;
            if (same) found = c;
        }
        if (!found) {
            throw table_error(
                headings[h].source, text, "a column heading",
                d.builtin_budget_layout
                    ? "not a column of the bmm-audit layout (line, level, budget, forecast, "
                      "variance, variance_pct, previous_variance, change): declare the table "
                      "(docs/tables.md)"
                    : "the declaration does not declare this column: give it a role, or "
                      "declare it ignore");
        }
        used[*found] = true;
        t.columns_.push_back(d.columns[*found]);
    }
    for (std::size_t c = 0; c < d.columns.size(); ++c) {
        const bool optional =
            d.builtin_budget_layout && (d.columns[c].role == table_role::previous_variance ||
                                        d.columns[c].role == table_role::change);
        if (!used[c] && !optional) {
            throw table_error(t.declared_at(d.columns[c].source), d.columns[c].heading,
                              "a declared column", "the table prints no column with this heading");
        }
    }
    std::optional<std::size_t> name_col, group_col, level_col;
    for (std::size_t c = 0; c < t.columns_.size(); ++c) {
        const table_role r = t.columns_[c].role;
        auto one = [&](std::optional<std::size_t>& slot) {
            if (slot) {
                throw table_error(t.declared_at(t.columns_[c].source), t.columns_[c].heading,
                                  "a column",
                                  "the table has two " + std::string(to_string(r)) + " columns");
            }
            slot = c;
        };
        if (r == table_role::name) one(name_col);
        if (r == table_role::group) one(group_col);
        if (r == table_role::level) one(level_col);
    }
    if (!name_col) {
        throw table_error(source_position{d.file, 1, std::nullopt}, t.section_, "a declaration",
                          "no column is declared name (the row labels)");
    }
    // Ignored rows are known by number before the cells are read.
    std::vector<bool> ignored(rows.size(), false);
    for (const row_ref& r : d.ignored_rows) {
        if (!r.number || *r.number < 1 || *r.number > rows.size()) {
            throw table_error(
                t.declared_at(r.source), r.text(), "an ignored row",
                "ignore takes data-row numbers @1 ... @" + std::to_string(rows.size()));
        }
        ignored[*r.number - 1] = true;
    }
    t.rows_.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::vector<text_field>& fields = rows[i];
        const std::size_t line = i < lines.size() ? lines[i] : 0;
        if (fields.size() != headings.size()) {
            source_position at =
                fields.empty() ? source_position{t.file_, line, std::size_t{1}} : fields[0].source;
            throw table_error(at, fields.empty() ? std::string() : fields[0].text, "a row",
                              std::to_string(fields.size()) + " fields; the heading row has " +
                                  std::to_string(headings.size()));
        }
        table_row row;
        row.line = line;
        row.ignored = ignored[i];
        row.cells.reserve(fields.size());
        for (std::size_t c = 0; c < fields.size(); ++c) {
            if (row.ignored) {
                table_cell cell;
                cell.text = fields[c].text;
                cell.source = fields[c].source;
                cell.kind =
                    detail::trim(fields[c].text).empty() ? cell_kind::blank : cell_kind::text;
                row.cells.push_back(std::move(cell));
                continue;
            }
            row.cells.push_back(
                read_table_cell(fields[c].text, t.columns_[c], d, fields[c].source));
        }
        row.label = std::string(detail::trim(fields[*name_col].text));
        if (group_col) row.group = std::string(detail::trim(fields[*group_col].text));
        if (level_col && !row.ignored) {
            const std::string_view lv = detail::trim(fields[*level_col].text);
            bool ok = !lv.empty() && lv.size() <= 2;
            int v = 0;
            for (char ch : lv) {
                ok = ok && detail::is_digit(ch);
                if (ok) v = v * 10 + (ch - '0');
            }
            if (ok) {
                row.level = v;
            } else if (!lv.empty() || row.has_figures()) {
                throw table_error(fields[*level_col].source, fields[*level_col].text, "a level",
                                  "a level is 0 (a line) or a total's level 1..99");
            }
        }
        t.rows_.push_back(std::move(row));
    }
    // Unique names: the label, "label#k" for a repeated one, "@N" for none.
    for (std::size_t i = 0; i < t.rows_.size(); ++i) {
        table_row& row = t.rows_[i];
        if (row.label.empty()) {
            row.name = "@" + std::to_string(i + 1);
            continue;
        }
        std::size_t before = 0, all = 0;
        for (std::size_t k = 0; k < t.rows_.size(); ++k) {
            if (t.rows_[k].label != row.label) continue;
            ++all;
            if (k < i) ++before;
        }
        row.name = all == 1 ? row.label : row.label + "#" + std::to_string(before + 1);
    }
    // Every row reference of the declaration names a row.
    for (const table_total& tt : d.totals) {
        (void)t.row(tt.total);
        for (const total_member& m : tt.members) (void)t.row(m.row);
        if (tt.by == members_by::after) (void)t.row(tt.after);
        for (const std::string& h : tt.columns) {
            if (!t.find_column(h)) {
                throw table_error(t.declared_at(tt.source), h, "a column of a total",
                                  "the table prints no column with this heading");
            }
        }
    }
    for (const table_summary& s : d.summaries) {
        for (const summary_part& p : s.parts) (void)t.row(p.row);
        if (s.total) (void)t.row(*s.total);
        if (s.of_row) (void)t.row(*s.of_row);
    }
    for (const table_check& c : d.checks) {
        for (const row_ref& r : c.rows) (void)t.row(r);
        for (const check_term& term : c.terms) {
            if (term.row) (void)t.row(*term.row);
        }
    }
    return t;
}

inline std::optional<table_cell> try_read_table_cell(std::string_view text,
                                                     const table_column& column,
                                                     const table_declaration& declaration,
                                                     const source_position& where) noexcept {
    return detail::try_twin([&] { return read_table_cell(text, column, declaration, where); });
}

}  // namespace bmm
