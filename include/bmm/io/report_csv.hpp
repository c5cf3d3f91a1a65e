// bmm — io/report_csv: a report read from, and written back to, a folder of CSV files.
//
// The layout (docs/report-layout.md): one file per printed table, as printed, and four files of
// the layout's own, every one optional:
//
//   file               columns                                       says
//   report.csv         key, value                                    council, month, calendar,
//                                                                    rounding, title, source
//   tables.csv         file, kind [, declaration, title, period,     each printed table's file
//                      group, same_as, rule]                          and what it is (a finance
//                                                                    table's declaration may be
//                                                                    a .decl file: docs/tables.md)
//   declarations.csv   declaration, heading, role [, period, status,  what each printed column
//                      unit]                                          is, in order
//   checks.csv         id, section, row, column, rule, expression     what the text states
//                      [, printed, mismatch, note]
//
// Without tables.csv, a file named after a kind (measures.csv, finance.csv, ...) is read with
// that kind's built-in declaration. Reading is strict, and every error names its place as
// FILE:LINE:COLUMN (a report_error): malformed CSV; an unknown, misspelled, repeated or missing
// column; a heading that is not the declared one; a row with too many or too few cells; a blank
// required cell; a repeated key, row or file; a file listed but missing, or a directory; a CSV
// file in the folder that tables.csv does not list; a file that writing would not give back
// byte for byte (a blank line, mixed line endings). An empty file is an error; a file with its
// heading row only is a table with no rows.
//
// write_report gives each file back: byte-identical to what read_report read.
//
//   bmm::report r = bmm::read_report_folder("tests/data/seed003");
//   for (const bmm::layout_file& f : bmm::write_report(r)) ...   // the same files
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../csv.hpp"
#include "../detail/text.hpp"
#include "../detail/try_twin.hpp"
#include "../error.hpp"
#include "../report/declared_section.hpp"
#include "../report/report.hpp"
#include "table_declaration.hpp"

namespace bmm {

/// One file of a report's folder: its name, what it is, and (a regular file) its text.
struct layout_file {
    enum class type : std::uint8_t { regular, directory, other };
    std::string name;
    type what = type::regular;
    std::string text;
};

/// Reads a report from the files of its folder (see the header comment).
/// Throws: report_error naming FILE:LINE:COLUMN for any error of the layout.
[[nodiscard]] report read_report(const std::vector<layout_file>& files);

/// Reads the files of `folder` (not its subfolders' contents) and then read_report.
/// Throws: report_error naming the folder when it cannot be read; as read_report.
[[nodiscard]] report read_report_folder(const std::string& folder);
/// Returns: read_report(files), or std::nullopt exactly where it would throw.
[[nodiscard]] std::optional<report> try_read_report(const std::vector<layout_file>& files) noexcept;
/// Returns: read_report_folder(folder), or std::nullopt exactly where it would throw.
[[nodiscard]] std::optional<report> try_read_report_folder(const std::string& folder) noexcept;

/// Returns: the files of r in the layout, byte-identical to those read_report read (the layout's
/// own files only where r read them, or holds what they would say).
[[nodiscard]] std::vector<layout_file> write_report(const report& r);

/// Returns: `rows` (the heading row first) as CSV text in `layout` (quoting a field where it
/// must be quoted or where the layout says it was).
[[nodiscard]] std::string write_csv_text(const std::vector<std::vector<std::string>>& rows,
                                         const csv_layout& layout);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

inline constexpr std::string_view own_files[] = {"report.csv", "tables.csv", "declarations.csv",
                                                 "checks.csv"};

/// A CSV file as read: its rows (the heading row first) with positions, and its layout.
struct layout_csv {
    std::string name;
    std::vector<printed_row> rows;
    csv_layout layout;
};

[[nodiscard]] inline source_position at_of(const std::string& file, std::size_t line,
                                           std::optional<std::size_t> column) {
    return source_position{file, line, column};
}

/// Returns: the byte offset of (line, column) in text, both 1-based, the column in UTF-8
/// characters; line_starts[k] is where line k+1 starts.
[[nodiscard]] inline std::size_t byte_at(std::string_view text,
                                         const std::vector<std::size_t>& line_starts,
                                         std::size_t line, std::size_t column) {
    if (line == 0 || line > line_starts.size()) return text.size();
    std::size_t i = line_starts[line - 1];
    for (std::size_t c = 1; c < column && i < text.size(); ++c) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0u) == 0x80u) ++i;
    }
    return i;
}

[[nodiscard]] inline bool needs_quotes(std::string_view f) {
    return f.find_first_of(",\"\n\r") != std::string_view::npos || f.substr(0, 3) == "\xEF\xBB\xBF";
}

/// Reads one CSV file of the layout, keeping its layout; checks that writing it back gives it.
/// Throws: report_error at FILE:LINE:COLUMN.
[[nodiscard]] inline layout_csv read_layout_csv(const std::string& name, std::string_view text) {
    layout_csv out;
    out.name = name;
    if (text.empty()) {
        throw report_error(at_of(name, 1, 1),
                           "the file is empty: a table has at least its "
                           "heading row");
    }
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') starts.push_back(i + 1);
    }
    csv_reader reader(text);
    try {
        csv_record rec;
        while (reader.next(rec)) {
            printed_row row;
            row.line = rec.line;
            std::vector<bool> quoted;
            for (std::size_t i = 0; i < rec.fields.size(); ++i) {
                const csv_position p = rec.at(i);
                row.cells.push_back({rec.fields[i], at_of(name, p.line, p.column)});
                const std::size_t b = byte_at(text, starts, p.line, p.column);
                quoted.push_back(b < text.size() && text[b] == '"');
            }
            out.layout.quoted.push_back(std::move(quoted));
            out.rows.push_back(std::move(row));
        }
    } catch (const csv_error& e) {
        throw report_error(at_of(name, e.line(), e.column()), e.reason(), e.field());
    }
    if (out.rows.empty()) {
        throw report_error(at_of(name, 1, 1), "the file holds no heading row");
    }
    out.layout.bom = text.substr(0, 3) == "\xEF\xBB\xBF";
    const std::size_t first_lf = text.find('\n');
    out.layout.crlf =
        first_lf != std::string_view::npos && first_lf > 0 && text[first_lf - 1] == '\r';
    out.layout.final_newline = text.back() == '\n';
    // Writing it back must give the same bytes: say where it would not.
    std::vector<std::vector<std::string>> texts;
    for (const printed_row& r : out.rows) {
        std::vector<std::string> t;
        for (const section_cell& c : r.cells) t.push_back(c.text);
        texts.push_back(std::move(t));
    }
    const std::string back = write_csv_text(texts, out.layout);
    if (back != text) {
        std::size_t i = 0;
        while (i < back.size() && i < text.size() && back[i] == text[i]) ++i;
        const std::size_t line = static_cast<std::size_t>(
            std::upper_bound(starts.begin(), starts.end(), i) - starts.begin());
        std::string why = "the file is not in the layout's form here";
        if (i < text.size() && (text[i] == '\n' || text[i] == '\r') &&
            (i == 0 || text[i - 1] == '\n')) {
            why = "a blank line (the layout has none: remove it)";
        } else if (i < text.size() && (text[i] == '\r' || text[i] == '\n')) {
            why = "a line ending unlike the file's first one (use LF or CRLF throughout)";
        }
        throw report_error(at_of(name, line, std::nullopt), why);
    }
    return out;
}

/// Returns: the header's columns matched to `allowed` names: index per allowed name.
/// Throws: report_error for an unknown or repeated column (at its heading), a missing required
/// one (at the heading row).
[[nodiscard]] inline std::vector<std::optional<std::size_t>> match_header(
    const layout_csv& f, const std::vector<std::string_view>& allowed,
    const std::vector<std::string_view>& required) {
    std::vector<std::optional<std::size_t>> idx(allowed.size());
    const printed_row& h = f.rows.front();
    for (std::size_t c = 0; c < h.cells.size(); ++c) {
        const std::string_view name = trim(h.cells[c].text);
        std::size_t k = 0;
        while (k < allowed.size() && allowed[k] != name) ++k;
        if (k == allowed.size()) {
            std::string list;
            for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            throw report_error(
                *h.cells[c].source,
                "unknown column \"" + std::string(name) + "\" (" + f.name + " has " + list + ")",
                name);
        }
        if (idx[k]) {
            throw report_error(*h.cells[c].source,
                               "the column \"" + std::string(name) + "\" is repeated", name);
        }
        idx[k] = c;
    }
    for (std::string_view r : required) {
        const std::size_t k = static_cast<std::size_t>(
            std::find(allowed.begin(), allowed.end(), r) - allowed.begin());
        if (!idx[k]) {
            throw report_error(at_of(f.name, h.line, std::nullopt),
                               "the column \"" + std::string(r) + "\" is missing");
        }
    }
    return idx;
}

/// Checks every row has as many cells as the heading row.
/// Throws: report_error at the first extra cell, or at the last cell of a short row.
inline void check_widths(const layout_csv& f) {
    const std::size_t n = f.rows.front().cells.size();
    for (std::size_t r = 1; r < f.rows.size(); ++r) {
        const printed_row& row = f.rows[r];
        if (row.cells.size() > n) {
            throw report_error(*row.cells[n].source,
                               "the row has " + std::to_string(row.cells.size()) +
                                   " cells; the heading row has " + std::to_string(n));
        }
        if (row.cells.size() < n) {
            throw report_error(*row.cells.back().source,
                               "the row has " + std::to_string(row.cells.size()) +
                                   " cells; the heading row has " + std::to_string(n));
        }
    }
}

/// A cell of an own file's row, by matched column (empty when the column is absent).
[[nodiscard]] inline const section_cell* field(const printed_row& row,
                                               const std::optional<std::size_t>& c) {
    if (!c || *c >= row.cells.size()) return nullptr;
    return &row.cells[*c];
}
/// Throws: report_error at the cell when its text starts or ends with a space (the layout's own
/// files hold none: what is read is what is written back).
inline void no_surrounding_space(const section_cell& c) {
    if (!c.text.empty() && (is_space(c.text.front()) || is_space(c.text.back()))) {
        throw report_error(c.source.value_or(source_position{}),
                           "a space before or after \"" + std::string(trim(c.text)) +
                               "\" (the layout's own files hold none)",
                           c.text);
    }
}
[[nodiscard]] inline std::string text_of(const printed_row& row,
                                         const std::optional<std::size_t>& c) {
    const section_cell* p = field(row, c);
    if (p) no_surrounding_space(*p);
    return p ? p->text : std::string();
}
/// Throws: report_error at the cell when it is blank.
inline const section_cell& required(const printed_row& row, const std::optional<std::size_t>& c,
                                    std::string_view column, const layout_csv& f) {
    const section_cell* p = field(row, c);
    if (!p) throw report_error(at_of(f.name, row.line, std::nullopt), "no " + std::string(column));
    if (p->blank()) {
        throw report_error(*p->source, "the " + std::string(column) + " is blank (it is required)");
    }
    no_surrounding_space(*p);
    return *p;
}

[[nodiscard]] inline own_file_shape shape_of(const layout_csv& f) {
    own_file_shape s;
    for (const section_cell& c : f.rows.front().cells) s.header.push_back(c.text);
    s.layout = f.layout;
    return s;
}

/// Rethrows a bmm::error from reading a cell as a report_error at the cell.
template <class F>
auto at_cell(const section_cell& cell, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const report_error&) {
        throw;
    } catch (const error& e) {
        std::string m = e.what();
        if (m.rfind("bmm: ", 0) == 0) m.erase(0, 5);
        throw report_error(cell.source.value_or(source_position{}), m, cell.text);
    }
}

inline void read_info(report& r, const layout_csv& f) {
    auto idx = match_header(f, {"key", "value"}, {"key", "value"});
    check_widths(f);
    for (std::size_t i = 1; i < f.rows.size(); ++i) {
        const printed_row& row = f.rows[i];
        const section_cell& k = required(row, idx[0], "key", f);
        const section_cell& v = required(row, idx[1], "value", f);
        at_cell(k, [&] {
            try {
                r.info.set(std::string(trim(k.text)), v.text, v.source);
            } catch (const parse_error& e) {
                std::string m = e.what();
                if (m.rfind("bmm: ", 0) == 0) m.erase(0, 5);
                throw report_error(*v.source, "the " + std::string(trim(k.text)) + ": " + m,
                                   v.text);
            }
            return 0;
        });
    }
    r.info_file = shape_of(f);
}

inline void read_declarations(report& r, const layout_csv& f) {
    auto idx = match_header(f, {"declaration", "heading", "role", "period", "status", "unit"},
                            {"declaration", "heading", "role"});
    check_widths(f);
    for (std::size_t i = 1; i < f.rows.size(); ++i) {
        const printed_row& row = f.rows[i];
        const section_cell& name = required(row, idx[0], "declaration", f);
        const section_cell& role = required(row, idx[2], "role", f);
        const std::string n(trim(name.text));
        if (try_parse_section_kind(n)) {
            throw report_error(*name.source, "a declaration may not be named after a kind (\"" + n +
                                                 "\" is a kind's built-in declaration)");
        }
        if (r.declarations.empty() || r.declarations.back().name != n) {
            for (const section_declaration& d : r.declarations) {
                if (d.name == n) {
                    throw report_error(*name.source, "the columns of the declaration \"" + n +
                                                         "\" are not together (it is declared "
                                                         "again after another)");
                }
            }
            r.declarations.push_back(section_declaration{n, {}, false});
        }
        column_declaration c;
        c.heading = text_of(row, idx[1]);
        c.role = at_cell(role, [&] { return parse_column_role(role.text); });
        c.period = text_of(row, idx[3]);
        c.status = text_of(row, idx[4]);
        c.unit = text_of(row, idx[5]);
        c.source = role.source;
        r.declarations.back().columns.push_back(std::move(c));
    }
    r.declarations_file = shape_of(f);
}

[[nodiscard]] inline bool plain_file_name(std::string_view n) {
    return !n.empty() && n.find('/') == std::string_view::npos &&
           n.find('\\') == std::string_view::npos && n != "." && n != ".." && n.size() > 4 &&
           n.substr(n.size() - 4) == ".csv";
}

[[nodiscard]] inline bool is_own_file(std::string_view n) {
    for (std::string_view o : own_files) {
        if (o == n) return true;
    }
    return false;
}

inline void read_tables(report& r, const layout_csv& f) {
    auto idx = match_header(
        f, {"file", "kind", "declaration", "title", "period", "group", "same_as", "rule"},
        {"file", "kind"});
    check_widths(f);
    for (std::size_t i = 1; i < f.rows.size(); ++i) {
        const printed_row& row = f.rows[i];
        const section_cell& file = required(row, idx[0], "file", f);
        const section_cell& kind = required(row, idx[1], "kind", f);
        printed_section s;
        s.file = std::string(trim(file.text));
        if (!plain_file_name(s.file) || is_own_file(s.file)) {
            throw report_error(*file.source, "\"" + s.file +
                                                 "\" is not a table's file: a name in the "
                                                 "report's folder ending .csv, not one of the "
                                                 "layout's own files");
        }
        for (const printed_section& o : r.sections) {
            if (o.file == s.file) {
                throw report_error(*file.source, "the file \"" + s.file + "\" is listed twice");
            }
        }
        s.kind = at_cell(kind, [&] { return parse_section_kind(kind.text); });
        s.declaration = std::string(trim(text_of(row, idx[2])));
        if (s.declaration.size() > 5 &&
            s.declaration.compare(s.declaration.size() - 5, 5, ".decl") == 0) {
            // A finance table declared by a table declaration file (docs/tables.md).
            if (s.declaration.find_first_of("/\\") != std::string::npos) {
                throw report_error(*field(row, idx[2])->source,
                                   "\"" + s.declaration +
                                       "\": a table declaration file is a name in the report's "
                                       "folder");
            }
            if (s.kind != section_kind::finance) {
                throw report_error(*field(row, idx[2])->source,
                                   "\"" + s.declaration +
                                       "\": a table declaration file (.decl, in the report's "
                                       "folder) declares a finance table; a " +
                                       std::string(to_string(s.kind)) +
                                       " table is declared in declarations.csv");
            }
            s.table_declaration = std::move(s.declaration);
            s.declaration.clear();
        }
        s.title = text_of(row, idx[3]);
        s.period = text_of(row, idx[4]);
        s.group = text_of(row, idx[5]);
        s.same_as = text_of(row, idx[6]);
        s.rule = text_of(row, idx[7]);
        s.source = file.source;
        if (!s.declaration.empty()) {
            const section_declaration* d = r.find_declaration(s.declaration);
            if (!d) {
                throw report_error(
                    *field(row, idx[2])->source,
                    "the declaration \"" + s.declaration + "\" is not in declarations.csv");
            }
            for (const column_declaration& c : d->columns) {
                if (!role_allowed(s.kind, c.role)) {
                    throw report_error(c.source.value_or(*file.source),
                                       "a " + std::string(to_string(s.kind)) +
                                           " table has no column of role " +
                                           std::string(to_string(c.role)) + " (declaration \"" +
                                           d->name + "\", used by " + s.file + ")");
                }
            }
        }
        r.sections.push_back(std::move(s));
    }
    r.tables_file = shape_of(f);
}

inline void read_checks(report& r, const layout_csv& f) {
    auto idx = match_header(
        f, {"id", "section", "row", "column", "printed", "rule", "expression", "mismatch", "note"},
        {"id", "section", "row", "column", "rule", "expression"});
    check_widths(f);
    for (std::size_t i = 1; i < f.rows.size(); ++i) {
        const printed_row& row = f.rows[i];
        report_check c;
        const section_cell& id = required(row, idx[0], "id", f);
        c.id = std::string(trim(id.text));
        for (const report_check& o : r.checks) {
            if (o.id == c.id)
                throw report_error(*id.source, "the check \"" + c.id + "\" is repeated");
        }
        c.section = std::string(trim(required(row, idx[1], "section", f).text));
        c.row = std::string(trim(required(row, idx[2], "row", f).text));
        c.column = std::string(trim(required(row, idx[3], "column", f).text));
        c.printed = text_of(row, idx[4]);
        c.rule = required(row, idx[5], "rule", f).text;
        const section_cell& ex = required(row, idx[6], "expression", f);
        c.expression_text = ex.text;
        c.note = text_of(row, idx[8]);
        for (const auto& k : idx) {
            const section_cell* p = field(row, k);
            c.sources.push_back(p ? p->source : std::nullopt);
        }
        try {
            c.expression = parse_check_expression(ex.text);
        } catch (const parse_error& e) {
            source_position p = *ex.source;
            if (e.position() != error::no_position && p.column) {
                // The offset is in bytes: count the characters before it.
                std::size_t chars = 0;
                for (std::size_t b = 0; b < e.position() && b < ex.text.size(); ++b) {
                    if ((static_cast<unsigned char>(ex.text[b]) & 0xC0u) != 0x80u) ++chars;
                }
                *p.column += chars;
            }
            std::string m = e.what();
            if (m.rfind("bmm: ", 0) == 0) m.erase(0, 5);
            throw report_error(p, m, ex.text);
        }
        const std::string mm = text_of(row, idx[7]);
        c.mismatch_text = mm;
        if (mm == "undecided") {
            c.undecided_on_mismatch = true;
        } else if (!mm.empty() && mm != "error") {
            throw report_error(*field(row, idx[7])->source,
                               "the mismatch is \"error\" (the default) or \"undecided\"", mm);
        }
        r.checks.push_back(std::move(c));
    }
    r.checks_file = shape_of(f);
}

/// Whether a kind's rows are keyed by their label (a repeated label is an error), and which
/// role's cell each row must print.
[[nodiscard]] inline bool keyed(section_kind k) noexcept {
    switch (k) {
        case section_kind::measures:
        case section_kind::measure_info:
        case section_kind::summary:
        case section_kind::status_changes:
        case section_kind::exceptions:
        case section_kind::group_status:
        case section_kind::status_key:
        case section_kind::risks:
        case section_kind::claims:
        case section_kind::measure_list:
            return true;
        default:
            return false;
    }
}

inline void read_section(report& r, printed_section& s, const layout_csv& f) {
    const table_declaration_file* td =
        s.table_declaration.empty() ? nullptr : r.find_table_declaration(s.table_declaration);
    if (td) {
        // Its own declaration, in its columns' order: the name column is the label, an ignored
        // column ignored, every other a note (the table declaration says what they are).
        section_declaration mine{"decl:" + s.file, {}, true};
        for (const section_cell& c : f.rows.front().cells) {
            column_role role = column_role::note;
            for (const table_column& col : td->declaration.columns) {
                if (col.heading != c.text) continue;
                if (col.role == table_role::name) role = column_role::label;
                if (col.role == table_role::ignore) role = column_role::ignore;
            }
            mine.columns.push_back(column_declaration{c.text, role, {}, {}, {}, {}});
        }
        r.declarations.push_back(std::move(mine));
        s.declaration = r.declarations.back().name;
    }
    if (s.declaration.empty()) {
        s.declaration = std::string(to_string(s.kind));
        if (!r.find_declaration(s.declaration))
            r.declarations.push_back(builtin_declaration(s.kind));
    }
    const section_declaration& d = *r.find_declaration(s.declaration);
    const printed_row& h = f.rows.front();
    s.headings = h.cells;
    s.layout = f.layout;
    check_widths(f);
    section_declaration* own = nullptr;
    if (td) {
        // Declared above, column by column.
    } else if (d.builtin && s.kind == section_kind::text) {
        // A text table: every column a note, whatever its heading. Its own declaration.
        r.declarations.push_back(section_declaration{"text:" + s.file, {}, true});
        own = &r.declarations.back();
        for (const section_cell& c : h.cells) {
            own->columns.push_back(column_declaration{c.text, column_role::note, {}, {}, {}, {}});
        }
        s.declaration = own->name;
    } else if (d.builtin) {
        // Matched by heading, in any order, each optional: the section gets a declaration of
        // its own, in its columns' order.
        section_declaration mine{"builtin:" + s.file, {}, true};
        for (const section_cell& c : h.cells) {
            const std::string_view name = trim(c.text);
            const column_declaration* found = nullptr;
            for (const column_declaration& b : d.columns) {
                if (detail::iequals(b.heading, name)) found = &b;
            }
            if (!found) {
                std::string list;
                for (const column_declaration& b : d.columns) {
                    list += (list.empty() ? "" : ", ") + b.heading;
                }
                throw report_error(*c.source,
                                   "unknown column \"" + std::string(name) + "\" (a " +
                                       std::string(to_string(s.kind)) +
                                       " table without a declaration has " + list + ")",
                                   name);
            }
            for (const column_declaration& m : mine.columns) {
                if (detail::iequals(m.heading, name)) {
                    throw report_error(*c.source,
                                       "the column \"" + std::string(name) + "\" is repeated");
                }
            }
            column_declaration col = *found;
            col.heading = c.text;
            mine.columns.push_back(std::move(col));
        }
        r.declarations.push_back(std::move(mine));
        s.declaration = r.declarations.back().name;
    } else {
        if (h.cells.size() != d.columns.size()) {
            const std::size_t at = std::min(h.cells.size(), d.columns.size());
            const source_position where =
                at < h.cells.size() ? *h.cells[at].source : *h.cells.back().source;
            throw report_error(where, "the heading row has " + std::to_string(h.cells.size()) +
                                          " columns; the declaration \"" + d.name + "\" has " +
                                          std::to_string(d.columns.size()));
        }
        for (std::size_t c = 0; c < h.cells.size(); ++c) {
            if (h.cells[c].text != d.columns[c].heading) {
                throw report_error(*h.cells[c].source,
                                   "the heading \"" + h.cells[c].text +
                                       "\" is not the declared \"" + d.columns[c].heading +
                                       "\" (declaration \"" + d.name + "\", column " +
                                       std::to_string(c + 1) + ")",
                                   h.cells[c].text);
            }
        }
    }
    for (std::size_t i = 1; i < f.rows.size(); ++i) s.rows.push_back(f.rows[i]);
    if (td) {
        try {
            (void)read_declared_section(s, td->declaration);  // every cell as its column says
        } catch (const table_error& e) {
            throw report_error(e.where(), e.reason(), e.input());
        }
    }
    // Keys: a keyed table's rows each print their label, once.
    const section_declaration& dd = *r.find_declaration(s.declaration);
    if (keyed(s.kind)) {
        std::optional<std::size_t> key;
        for (column_role role : {column_role::id, column_role::measure, column_role::label}) {
            if (!key) key = dd.find(role);
        }
        if (key) {
            std::vector<std::string> seen;
            for (std::size_t i = 0; i < s.rows.size(); ++i) {
                const section_cell& c = s.rows[i].cells[*key];
                if (c.blank()) {
                    throw report_error(
                        *c.source, "the " + dd.columns[*key].heading + " is blank (each row of a " +
                                       std::string(to_string(s.kind)) + " table names what it is)");
                }
                const std::string label = s.label_of(i, dd);
                if (std::find(seen.begin(), seen.end(), label) != seen.end()) {
                    throw report_error(*c.source, "the row \"" + label + "\" is repeated", label);
                }
                seen.push_back(label);
            }
        }
    }
    if (s.kind == section_kind::balances) {
        for (std::size_t i = 0; i < s.rows.size(); ++i) {
            for (column_role role : {column_role::kind, column_role::amount}) {
                if (const section_cell* c = s.cell(i, role, dd); c && c->blank()) {
                    throw report_error(*c->source, "the " + std::string(to_string(role)) +
                                                       " is blank (a balances row prints it)");
                }
            }
        }
    }
}

}  // namespace detail

inline std::string write_csv_text(const std::vector<std::vector<std::string>>& rows,
                                  const csv_layout& layout) {
    std::string out;
    if (layout.bom) out += "\xEF\xBB\xBF";
    const std::string_view eol = layout.crlf ? "\r\n" : "\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c > 0) out += ',';
            const bool q =
                detail::needs_quotes(row[c]) ||
                (r < layout.quoted.size() && c < layout.quoted[r].size() && layout.quoted[r][c]) ||
                (row.size() == 1 && row[c].empty());
            if (q) {
                out += '"';
                for (char ch : row[c]) {
                    if (ch == '"') out += '"';
                    out += ch;
                }
                out += '"';
            } else {
                out += row[c];
            }
        }
        if (r + 1 < rows.size() || layout.final_newline) out += eol;
    }
    return out;
}

namespace detail {

/// Throws: report_error at the first byte where `read` and `written` (the same file, as
/// write_report gives it back) differ, quoting the line as it would be written.
[[noreturn]] inline void refuse_unwritable(const layout_file& read, const layout_file& written) {
    const std::string& a = read.text;
    const std::string& b = written.text;
    std::size_t i = 0, line = 1, line_start = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) {
        if (a[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
        ++i;
    }
    const std::size_t end = b.find('\n', line_start);
    std::string as_written =
        b.substr(line_start, end == std::string::npos ? end : end - line_start);
    if (!as_written.empty() && as_written.back() == '\r') as_written.pop_back();
    throw report_error(source_position{read.name, line, i - line_start + 1},
                       "the layout would write this line back as \"" + as_written +
                           "\": it refuses what it cannot give back byte for byte (names of "
                           "kinds and roles as docs/report-layout.md spells them, no blanks "
                           "around a name)");
}

}  // namespace detail

inline report read_report(const std::vector<layout_file>& files) {
    report r;
    auto find = [&](std::string_view name) -> const layout_file* {
        for (const layout_file& f : files) {
            if (f.name == name) return &f;
        }
        return nullptr;
    };
    auto regular = [&](std::string_view name,
                       const std::optional<source_position>& listed) -> const layout_file* {
        const layout_file* f = find(name);
        if (f && f->what != layout_file::type::regular) {
            throw report_error(
                listed.value_or(source_position{std::string(name), 1, std::nullopt}),
                std::string(name) + " is " +
                    (f->what == layout_file::type::directory ? "a directory"
                                                             : "not a regular file") +
                    ": the layout reads a CSV file there");
        }
        return f;
    };
    if (const layout_file* f = regular("report.csv", std::nullopt)) {
        detail::read_info(r, detail::read_layout_csv(f->name, f->text));
    }
    if (const layout_file* f = regular("declarations.csv", std::nullopt)) {
        detail::read_declarations(r, detail::read_layout_csv(f->name, f->text));
    }
    if (const layout_file* f = regular("tables.csv", std::nullopt)) {
        detail::read_tables(r, detail::read_layout_csv(f->name, f->text));
    } else {
        if (!r.declarations.empty()) {
            throw report_error(source_position{"declarations.csv", 1, std::nullopt},
                               "declarations.csv declares columns, but there is no tables.csv "
                               "to say which tables they are for");
        }
        for (std::size_t k = 0; k < section_kind_count; ++k) {
            const auto kind = static_cast<section_kind>(k);
            const std::string name = std::string(to_string(kind)) + ".csv";
            if (find(name)) {
                printed_section s;
                s.file = name;
                s.kind = kind;
                r.sections.push_back(std::move(s));
            }
        }
    }
    for (printed_section& s : r.sections) {
        if (!s.table_declaration.empty() && !r.find_table_declaration(s.table_declaration)) {
            const layout_file* d = regular(s.table_declaration, s.source);
            if (!d) {
                throw report_error(s.source.value_or(source_position{s.file, 1, std::nullopt}),
                                   "the table declaration \"" + s.table_declaration +
                                       "\" is listed but not in the folder");
            }
            try {
                r.table_declarations.push_back(
                    {d->name, d->text, parse_table_declaration(d->text, d->name)});
            } catch (const table_error& e) {
                throw report_error(e.where(), e.reason(), e.input());
            }
        }
        const layout_file* f = regular(s.file, s.source);
        if (!f) {
            throw report_error(s.source.value_or(source_position{s.file, 1, std::nullopt}),
                               "the file \"" + s.file + "\" is listed but not in the folder");
        }
        detail::read_section(r, s, detail::read_layout_csv(f->name, f->text));
    }
    for (const layout_file& f : files) {
        const std::string& n = f.name;
        if (n.size() < 4 || n.substr(n.size() - 4) != ".csv" || detail::is_own_file(n)) continue;
        if (!r.find_section(n)) {
            throw report_error(source_position{n, 1, std::nullopt},
                               r.tables_file ? "this file is not listed in tables.csv (list it, "
                                               "as kind text to keep it unaudited)"
                                             : "this file is not a kind's (measures.csv, "
                                               "finance.csv, ...) and there is no tables.csv to "
                                               "list it");
        }
    }
    if (const layout_file* f = regular("checks.csv", std::nullopt)) {
        detail::read_checks(r, detail::read_layout_csv(f->name, f->text));
    }
    // Every file must come back as it was read: a spelling the layout does not write (a kind or
    // role in capitals, blanks around a name) is refused where it first differs.
    for (const layout_file& out : write_report(r)) {
        const layout_file* in = find(out.name);
        if (in && in->text != out.text) detail::refuse_unwritable(*in, out);
    }
    return r;
}

inline report read_report_folder(const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(folder, ec);
    if (ec || !fs::is_directory(st)) {
        throw report_error(source_position{folder, 1, std::nullopt},
                           ec ? "cannot read the folder: " + ec.message()
                              : std::string("not a folder: a report is a folder of CSV files"));
    }
    std::vector<layout_file> files;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        layout_file f;
        f.name = it->path().filename().string();
        const fs::file_status s = it->symlink_status(ec);
        if (ec) break;
        if (fs::is_directory(s)) {
            f.what = layout_file::type::directory;
        } else if (!fs::is_regular_file(s)) {
            f.what = layout_file::type::other;
        } else if (f.name.size() >= 4 && f.name.substr(f.name.size() - 4) == ".csv") {
            std::ifstream in(it->path(), std::ios::binary);
            if (!in) {
                throw report_error(source_position{folder + "/" + f.name, 1, std::nullopt},
                                   "cannot open the file");
            }
            f.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            if (in.bad()) {
                throw report_error(source_position{folder + "/" + f.name, 1, std::nullopt},
                                   "cannot read the file");
            }
        }
        files.push_back(std::move(f));
    }
    if (ec) {
        throw report_error(source_position{folder, 1, std::nullopt},
                           "cannot list the folder: " + ec.message());
    }
    std::sort(files.begin(), files.end(),
              [](const layout_file& a, const layout_file& b) { return a.name < b.name; });
    return read_report(files);
}

inline std::vector<layout_file> write_report(const report& r) {
    std::vector<layout_file> out;
    auto own = [&](const std::string& name, const std::optional<own_file_shape>& shape,
                   std::vector<std::string> canonical,
                   const std::vector<std::vector<std::pair<std::string, std::string>>>& rows) {
        const std::vector<std::string> header = shape ? shape->header : canonical;
        std::vector<std::vector<std::string>> t{header};
        for (const auto& row : rows) {
            std::vector<std::string> cells;
            for (const std::string& h : header) {
                std::string v;
                for (const auto& kv : row) {
                    if (kv.first == detail::trim(h)) v = kv.second;
                }
                cells.push_back(std::move(v));
            }
            t.push_back(std::move(cells));
        }
        out.push_back({name, layout_file::type::regular,
                       write_csv_text(t, shape ? shape->layout : csv_layout{})});
    };
    if (r.info_file || !r.info.entries.empty()) {
        std::vector<std::vector<std::pair<std::string, std::string>>> rows;
        for (const info_entry& e : r.info.entries)
            rows.push_back({{"key", e.key}, {"value", e.value}});
        own("report.csv", r.info_file, {"key", "value"}, rows);
    }
    bool any_named = false;
    for (const section_declaration& d : r.declarations) any_named = any_named || !d.builtin;
    if (r.declarations_file || any_named) {
        std::vector<std::vector<std::pair<std::string, std::string>>> rows;
        for (const section_declaration& d : r.declarations) {
            if (d.builtin) continue;
            for (const column_declaration& c : d.columns) {
                rows.push_back({{"declaration", d.name},
                                {"heading", c.heading},
                                {"role", std::string(to_string(c.role))},
                                {"period", c.period},
                                {"status", c.status},
                                {"unit", c.unit}});
            }
        }
        own("declarations.csv", r.declarations_file,
            {"declaration", "heading", "role", "period", "status", "unit"}, rows);
    }
    if (r.tables_file) {
        std::vector<std::vector<std::pair<std::string, std::string>>> rows;
        for (const printed_section& s : r.sections) {
            const section_declaration* d = r.find_declaration(s.declaration);
            rows.push_back({{"file", s.file},
                            {"kind", std::string(to_string(s.kind))},
                            {"declaration", !s.table_declaration.empty() ? s.table_declaration
                                            : d && d->builtin            ? std::string()
                                                                         : s.declaration},
                            {"title", s.title},
                            {"period", s.period},
                            {"group", s.group},
                            {"same_as", s.same_as},
                            {"rule", s.rule}});
        }
        own("tables.csv", r.tables_file,
            {"file", "kind", "declaration", "title", "period", "group", "same_as", "rule"}, rows);
    }
    for (const table_declaration_file& d : r.table_declarations) {
        out.push_back({d.name, layout_file::type::regular, d.text});
    }
    for (const printed_section& s : r.sections) {
        std::vector<std::vector<std::string>> t;
        std::vector<std::string> h;
        for (const section_cell& c : s.headings) h.push_back(c.text);
        t.push_back(std::move(h));
        for (const printed_row& row : s.rows) {
            std::vector<std::string> cells;
            for (const section_cell& c : row.cells) cells.push_back(c.text);
            t.push_back(std::move(cells));
        }
        out.push_back({s.file, layout_file::type::regular, write_csv_text(t, s.layout)});
    }
    if (r.checks_file || !r.checks.empty()) {
        std::vector<std::vector<std::pair<std::string, std::string>>> rows;
        for (const report_check& c : r.checks) {
            rows.push_back({{"id", c.id},
                            {"section", c.section},
                            {"row", c.row},
                            {"column", c.column},
                            {"printed", c.printed},
                            {"rule", c.rule},
                            {"expression", c.expression_text},
                            {"mismatch", c.mismatch_text.empty() && c.undecided_on_mismatch
                                             ? std::string("undecided")
                                             : c.mismatch_text},
                            {"note", c.note}});
        }
        own("checks.csv", r.checks_file,
            {"id", "section", "row", "column", "printed", "rule", "expression", "mismatch", "note"},
            rows);
    }
    return out;
}

inline std::optional<report> try_read_report(const std::vector<layout_file>& files) noexcept {
    return detail::try_twin([&files] { return read_report(files); });
}

inline std::optional<report> try_read_report_folder(const std::string& folder) noexcept {
    return detail::try_twin([&folder] { return read_report_folder(folder); });
}

}  // namespace bmm
