// bmm-audit: checks a published budget table against itself (see bmm/audit/table.hpp), or any
// printed table under its declaration (docs/tables.md).
//
//   bmm-audit FILE.csv [--format text|csv] [--basis magnitude|signed] [--rounding MODE]
//   bmm-audit --declare TABLE.decl FILE.csv [--localize [--max-cells N]] [--format text|csv]
//   bmm-audit --localize FILE.csv [--max-cells N] [--format text|csv] [--basis magnitude|signed]
//             [--rounding MODE]
//
// FILE.csv has a header row with the columns line,level,budget,forecast,variance,variance_pct
// and optionally previous_variance,change. Figures are as printed (£m, 1 dp; the % column
// without its sign; blank = not printed: a table printing only budget and variance leaves the
// forecast cells blank). Level 0 is a line; a row of level k >= 1 is a total of the rows after
// the previous row of level >= k that are not already inside a lower total; a row with no
// figures is a heading. --rounding names how the figures were rounded for print (half_up, the
// default, half_down, half_even, toward_zero, away_from_zero, floor, ceiling).
//
// With --declare, FILE.csv is any council's table as printed, every column declared in
// TABLE.decl (its role, block and unit, or ignore; the rounding, the variance direction, the %
// basis, nil marks, totals, summaries of status counts and shares, checks): an undeclared
// column, or anything the declaration does not allow, is bad input (exit 2, the message names
// FILE:LINE:COLUMN). The declaration says how the table was rounded and which way it runs, so
// --rounding and --basis are refused with it. A finding for the whole table (a variance column
// in the other direction) has no row; what the audit inferred is printed as "read as" lines.
//
// Prints one finding per checked cell that differs from the value recomputed from the printed
// inputs — row, column, printed value, expected value, and verdict (rounding / sign_convention /
// error, as bmm::to_string(bmm::verdict) names them) — then a summary line. With --format csv
// the findings are CSV on stdout, with the header row,line,name,column,printed,expected,verdict
// (row counts the file's data rows from 1, line is the file's line; a name a spreadsheet would
// run as a formula, "=HYPERLINK(...)", is written "'=HYPERLINK(...)":
// bmm::csv_quote_for_spreadsheet), and the summary goes to stderr. Names are written whole, NUL
// bytes included. Exit status: 0 when no errors were found, 1 when errors were found, 2 for bad
// input or bad arguments (the message, on stderr, names the line — FILE:LINE:COLUMN for
// malformed CSV or an unknown or repeated column —; nothing is printed on stdout then), and 2
// when the output cannot be written (a full disk, >/dev/full).
//
// With --localize (bmm/audit/localize.hpp), the table is read whole and the cells to change are
// named: a localized cell is an error with the values that fit it and its likely cause; a cell
// the plain audit would flag that is wrong only because a localized cell is, "follows" (and
// from which cells); co-minimal sets are "undecided" with their alternatives. The text adds
// "; fits LO to HI", "; cause: ...", "; follows from ROW COLUMN", "; or: ..." to a finding's
// line; the CSV adds the columns fits_lo,fits_hi,cause,follows_from,alternatives (cells as
// "ROW COLUMN", joined by "; ", sets by " | "). --max-cells N (1 to 9; 3 by default) is the most
// cells one explanation may change.
//
// The file is streamed: read in 64 KiB chunks, each row audited as it is read
// (bmm::published_table_reader, bmm::budget_table_audit) and its findings written into the
// output, so that memory holds the output and the rows a later total may still sum, never the
// file or its table.
#include <bmm/audit/declared_table.hpp>
#include <bmm/audit/localize.hpp>
#include <bmm/audit/table.hpp>
#include <bmm/audit/table_relations.hpp>
#include <bmm/io/output.hpp>
#include <bmm/io/progress.hpp>
#include <bmm/io/published_table.hpp>
#include <bmm/io/table_declaration.hpp>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char* usage_text =
    "usage: bmm-audit FILE.csv [--format text|csv] [--basis magnitude|signed] [--rounding MODE]\n"
    "       bmm-audit --declare TABLE.decl FILE.csv [--localize [--max-cells N]] "
    "[--format text|csv]\n"
    "       bmm-audit --localize FILE.csv [--max-cells N] [--format text|csv] "
    "[--basis magnitude|signed] [--rounding MODE]\n"
    "  MODE: half_up (default), half_down, half_even, toward_zero, away_from_zero, floor, "
    "ceiling\n";

int usage() {
    std::fputs(usage_text, stderr);
    return 2;
}

bool parse_mode(std::string_view name, bmm::rounding_mode& mode) {
    for (auto m :
         {bmm::rounding_mode::half_up, bmm::rounding_mode::half_down, bmm::rounding_mode::half_even,
          bmm::rounding_mode::toward_zero, bmm::rounding_mode::away_from_zero,
          bmm::rounding_mode::floor, bmm::rounding_mode::ceiling}) {
        if (bmm::to_string(m) == name) {
            mode = m;
            return true;
        }
    }
    return false;
}

/// Returns: the whole file, or std::nullopt (with a message) when it cannot be read.
std::optional<std::string> read_whole(const std::string& path) {
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (in == nullptr) {
        std::fprintf(stderr, "bmm-audit: cannot open %s\n", path.c_str());
        return std::nullopt;
    }
    std::string text;
    std::vector<char> chunk(std::size_t{1} << 16);
    for (;;) {
        const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in);
        text.append(chunk.data(), n);
        if (n < chunk.size()) break;
    }
    const bool failed = std::ferror(in) != 0;
    std::fclose(in);
    if (failed) {
        std::fprintf(stderr, "bmm-audit: cannot read %s\n", path.c_str());
        return std::nullopt;
    }
    return text;
}

/// bmm-audit --declare: the table read under its declaration, audited whole.
int run_declared(const std::string& declaration, const std::string& file, bool as_csv) {
    const std::optional<std::string> decl_text = read_whole(declaration);
    if (!decl_text) return 2;
    const std::optional<std::string> csv_text = read_whole(file);
    if (!csv_text) return 2;
    bmm::declared_audit audit;
    std::size_t rows = 0;
    try {
        const bmm::printed_table table = bmm::read_printed_table(
            *csv_text, bmm::parse_table_declaration(*decl_text, declaration), file);
        rows = table.rows().size();
        audit = bmm::audit_declared(table, bmm::audit_options{});
    } catch (const bmm::table_error& e) {
        std::fprintf(stderr, "bmm-audit: %s: %s\n", bmm::table_error::place(e.where()).c_str(),
                     e.what());
        return 2;
    } catch (const bmm::error& e) {
        std::fprintf(stderr, "bmm-audit: %s: %s\n", file.c_str(), e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bmm-audit: %s: %s\n", file.c_str(), e.what());
        return 2;
    }
    std::string out = as_csv ? "row,line,name,column,printed,expected,verdict\n" : "";
    for (const bmm::finding& f : audit.found) {
        const std::string row = f.where.row_index ? std::to_string(*f.where.row_index + 1) : "";
        const std::string line = f.where.source ? std::to_string(f.where.source->line) : "";
        if (as_csv) {
            out += row + ',' + line + ',' + bmm::csv_quote(f.where.row) + ',' +
                   bmm::csv_quote(f.where.column) + ',' + bmm::csv_quote(f.printed) + ',' +
                   bmm::csv_quote(f.expected) + ',';
        } else if (f.where.row_index) {
            out += "row " + row + " (line " + line + ") " + f.where.row + ": " + f.where.column +
                   " printed " + f.printed + ", expected " + f.expected + ": ";
        } else {
            out += "table (" + declaration + " line " + line + "): " + f.where.column + " " +
                   f.rule + " printed " + f.printed + ", expected " + f.expected + ": ";
        }
        out += bmm::to_string(f.verdict);
        out += '\n';
    }
    std::FILE* notes = as_csv ? stderr : stdout;
    std::fwrite(out.data(), 1, out.size(), stdout);
    for (const std::string& r : audit.read_as) std::fprintf(notes, "read as: %s\n", r.c_str());
    const bmm::findings& report = audit.found;
    std::fprintf(notes,
                 "bmm-audit: %zu rows, %zu cells checked: %zu errors, %zu sign-convention, %zu "
                 "rounding, %zu not checked\n",
                 rows, report.cells_checked(), report.errors(),
                 report.count(bmm::verdict::sign_convention), report.count(bmm::verdict::rounding),
                 audit.not_checked.size());
    return report.errors() == 0 ? 0 : 1;
}

/// A cell as "ROW COLUMN" (its row counted from 1).
std::string cell_text(const bmm::cell_ref& c) {
    return (c.row_index ? "row " + std::to_string(*c.row_index + 1) + " " : std::string()) +
           c.column;
}
std::string cells_text(const std::vector<bmm::cell_ref>& cells) {
    std::string out;
    for (const bmm::cell_ref& c : cells) out += (out.empty() ? "" : "; ") + cell_text(c);
    return out;
}

int print_localized(const bmm::findings& found, std::size_t rows, bool as_csv);

/// bmm-audit --localize: the table read whole, its relations localized.
int run_localized(const std::string& file, const bmm::table_audit_options& options,
                  std::size_t max_cells, bool as_csv) {
    const std::optional<std::string> text = read_whole(file);
    if (!text) return 2;
    std::vector<bmm::published_row> rows;
    bmm::findings found;
    try {
        bmm::published_table_reader reader;
        reader.feed(*text);
        reader.finish();
        bmm::published_row row;
        while (reader.next(row)) rows.push_back(row);
        bmm::localize_options localize;
        localize.max_cells = max_cells;
        found = bmm::localize(bmm::budget_table_relations(rows, options), localize);
    } catch (const bmm::csv_error& e) {
        std::fprintf(stderr, "bmm-audit: %s:%zu:%zu: %s\n", file.c_str(), e.line(), e.column(),
                     e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bmm-audit: %s: %s\n", file.c_str(), e.what());
        return 2;
    }
    return print_localized(found, rows.size(), as_csv);
}

/// bmm-audit --declare D --localize: the declared table's relations (bmm::relations_of)
/// localized; its bands, sign words and inequalities are --declare's alone.
int run_declared_localized(const std::string& declaration, const std::string& file,
                           std::size_t max_cells, bool as_csv) {
    const std::optional<std::string> decl_text = read_whole(declaration);
    if (!decl_text) return 2;
    const std::optional<std::string> csv_text = read_whole(file);
    if (!csv_text) return 2;
    bmm::findings found;
    std::size_t rows = 0;
    try {
        const bmm::printed_table table = bmm::read_printed_table(
            *csv_text, bmm::parse_table_declaration(*decl_text, declaration), file);
        rows = table.rows().size();
        bmm::localize_options localize;
        localize.max_cells = max_cells;
        found = bmm::localize(bmm::relations_of(table), localize);
    } catch (const bmm::table_error& e) {
        std::fprintf(stderr, "bmm-audit: %s: %s\n", bmm::table_error::place(e.where()).c_str(),
                     e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bmm-audit: %s: %s\n", file.c_str(), e.what());
        return 2;
    }
    return print_localized(found, rows, as_csv);
}

/// Writes localized findings (text or CSV) and the summary line; the exit status.
int print_localized(const bmm::findings& found, std::size_t rows, bool as_csv) {
    std::string out = as_csv ? "row,line,name,column,printed,expected,verdict,fits_lo,fits_hi,"
                               "cause,follows_from,alternatives\n"
                             : "";
    for (const bmm::finding& f : found) {
        const std::string row = std::to_string(*f.where.row_index + 1);
        const std::string line = f.where.source ? std::to_string(f.where.source->line) : "";
        std::string alternatives;
        for (const auto& set : f.alternatives) {
            alternatives += (alternatives.empty() ? "" : " | ") + cells_text(set);
        }
        const std::string lo = f.fits ? bmm::fitting_figure(f.fits->lo) : "";
        const std::string hi = f.fits ? bmm::fitting_figure(f.fits->hi) : "";
        if (as_csv) {
            out += row + ',' + line + ',' + bmm::csv_quote_for_spreadsheet(f.where.row) + ',' +
                   f.where.column + ',' + f.printed + ',' + f.expected + ',' +
                   std::string(bmm::to_string(f.verdict)) + ',' + lo + ',' + hi + ',' +
                   bmm::csv_quote(f.likely_cause) + ',' +
                   bmm::csv_quote(cells_text(f.follows_from)) + ',' + bmm::csv_quote(alternatives);
        } else {
            out += "row " + row + " (line " + line + ") " + f.where.row + ": " + f.where.column +
                   " printed " + f.printed + ", expected " + f.expected + ": ";
            out += bmm::to_string(f.verdict);
            if (f.rule == "localize" && f.fits) out += "; fits " + lo + " to " + hi;
            if (!f.likely_cause.empty()) out += "; cause: " + f.likely_cause;
            if (!f.follows_from.empty()) out += "; follows from " + cells_text(f.follows_from);
            if (!alternatives.empty()) out += "; or: " + alternatives;
        }
        out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fprintf(as_csv ? stderr : stdout,
                 "bmm-audit: %zu rows, %zu cells checked: %zu errors, %zu follow, %zu undecided, "
                 "%zu sign-convention, %zu rounding\n",
                 rows, found.cells_checked(), found.errors(), found.count(bmm::verdict::follows),
                 found.count(bmm::verdict::undecided), found.count(bmm::verdict::sign_convention),
                 found.count(bmm::verdict::rounding));
    try {
        bmm::flush_output(stdout, "standard output");
    } catch (const bmm::io_error& e) {
        std::fprintf(stderr, "bmm-audit: %s\n", e.what());
        return 2;
    }
    return found.errors() == 0 && found.count(bmm::verdict::undecided) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string file;
    bool as_csv = false;
    std::string declaration;
    bool localize = false;
    std::size_t max_cells = 0;                                      // 0: not given (3)
    bool conventions = false;                                       // --rounding or --basis given
    bmm::table_audit_options options(bmm::rounding_mode::half_up);  // unless --rounding says
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(usage_text, stdout);
            return 0;
        }
        if (a == "--localize") {
            localize = true;
        } else if (a == "--max-cells" && i + 1 < argc && max_cells == 0) {
            const std::string_view n = argv[++i];
            if (n.size() != 1 || n[0] < '1' || n[0] > '9') return usage();
            max_cells = static_cast<std::size_t>(n[0] - '0');
        } else if (a == "--declare" && i + 1 < argc && declaration.empty()) {
            declaration = argv[++i];
        } else if (a == "--rounding" && i + 1 < argc) {
            conventions = true;
            if (!parse_mode(argv[++i], options.mode)) return usage();
        } else if (a == "--format" && i + 1 < argc) {
            const std::string_view f = argv[++i];
            if (f != "text" && f != "csv") return usage();
            as_csv = f == "csv";
        } else if (a == "--basis" && i + 1 < argc) {
            conventions = true;
            const std::string_view b = argv[++i];
            if (b == "magnitude") {
                options.basis = bmm::variance_basis::magnitude;
            } else if (b == "signed") {
                options.basis = bmm::variance_basis::signed_budget;
            } else {
                return usage();
            }
        } else if (file.empty() && !a.empty() && a[0] != '-') {
            file = a;
        } else {
            return usage();
        }
    }
    if (file.empty()) return usage();
    if (localize) {
        if (!declaration.empty()) {
            if (conventions) return usage();  // the declaration says how the table was printed
            return run_declared_localized(declaration, file, max_cells == 0 ? 3 : max_cells,
                                          as_csv);
        }
        return run_localized(file, options, max_cells == 0 ? 3 : max_cells, as_csv);
    }
    if (max_cells != 0) return usage();  // --max-cells is for --localize
    if (!declaration.empty()) {
        if (conventions) return usage();  // the declaration says how the table was printed
        return run_declared(declaration, file, as_csv);
    }
    std::FILE* in = std::fopen(file.c_str(), "rb");
    if (in == nullptr) {
        std::fprintf(stderr, "bmm-audit: cannot open %s: %s\n", file.c_str(), std::strerror(errno));
        return 2;
    }
    bmm::published_table_reader reader;
    bmm::budget_table_audit audit(options);
    // The findings, written out as each row is audited (so memory holds one row's findings,
    // not the table's), and printed once the whole file has been read.
    std::string out = as_csv ? "row,line,name,column,printed,expected,verdict\n" : "";
    auto write = [&out, as_csv](const bmm::finding& f) {
        const std::string row = std::to_string(*f.where.row_index + 1);
        const std::string line = f.where.source ? std::to_string(f.where.source->line) : "";
        const std::string_view verdict = bmm::to_string(f.verdict);
        if (as_csv) {
            out += row + ',' + line + ',' + bmm::csv_quote_for_spreadsheet(f.where.row) + ',' +
                   f.where.column + ',' + f.printed + ',' + f.expected + ',';
        } else {
            out += "row " + row + " (line " + line + ") " + f.where.row + ": " + f.where.column +
                   " printed " + f.printed + ", expected " + f.expected + ": ";
        }
        out += verdict;
        out += '\n';
    };
    try {
        std::vector<char> chunk(std::size_t{1} << 16);
        bmm::published_row row;
        // On a terminal only: bytes read of the file's size, and rows audited.
        std::uint64_t bytes = 0, size = 0;
        if (std::fseek(in, 0, SEEK_END) == 0) size = static_cast<std::uint64_t>(std::ftell(in));
        std::rewind(in);
        bmm::progress_line progress("bmm-audit " + file, size, "rows");
        for (bool more = true; more;) {
            const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in);
            progress.update(bytes += n, audit.rows());
            if (n > 0) reader.feed(std::string_view(chunk.data(), n));
            if (n < chunk.size()) {
                if (std::ferror(in) != 0) {
                    progress.finish();
                    std::fclose(in);
                    std::fprintf(stderr, "bmm-audit: cannot read %s: %s\n", file.c_str(),
                                 std::strerror(errno));
                    return 2;
                }
                reader.finish();
                more = false;
            }
            while (reader.next(row)) {
                if (audit.add(row) == 0) continue;
                for (const bmm::finding& f : audit.take_stored()) write(f);
            }
        }
        std::fclose(in);
        in = nullptr;
    } catch (const bmm::csv_error& e) {  // malformed CSV, or an unknown or repeated column
        if (in != nullptr) std::fclose(in);
        std::fprintf(stderr, "bmm-audit: %s:%zu:%zu: %s\n", file.c_str(), e.line(), e.column(),
                     e.what());
        return 2;
    } catch (const bmm::error& e) {
        if (in != nullptr) std::fclose(in);
        std::fprintf(stderr, "bmm-audit: %s: %s\n", file.c_str(), e.what());
        return 2;
    } catch (const std::exception& e) {  // e.g. std::bad_alloc: still bad input, not a crash
        if (in != nullptr) std::fclose(in);
        std::fprintf(stderr, "bmm-audit: %s: %s\n", file.c_str(), e.what());
        return 2;
    }

    std::fwrite(out.data(), 1, out.size(), stdout);
    const bmm::findings& report = audit.result();
    const std::size_t errors = report.errors();
    std::fprintf(as_csv ? stderr : stdout,
                 "bmm-audit: %zu rows, %zu cells checked: %zu errors, %zu sign-convention, %zu "
                 "rounding\n",
                 audit.rows(), report.cells_checked(), errors,
                 report.count(bmm::verdict::sign_convention), report.count(bmm::verdict::rounding));
    try {
        bmm::flush_output(stdout, "standard output");
    } catch (const bmm::io_error& e) {
        std::fprintf(stderr, "bmm-audit: %s\n", e.what());
        return 2;
    }
    return errors == 0 ? 0 : 1;
}
