// bmm-audit: checks a published budget table against itself (see bmm/audit.hpp).
//
//   bmm-audit FILE.csv [--format text|csv] [--basis magnitude|signed] [--rounding MODE]
//
// FILE.csv has a header row with the columns line,level,budget,forecast,variance,variance_pct
// and optionally previous_variance,change. Figures are as printed (£m, 1 dp; the % column
// without its sign; blank = not printed: a table printing only budget and variance leaves the
// forecast cells blank). Level 0 is a line; a row of level k >= 1 is a total of the rows after
// the previous row of level >= k that are not already inside a lower total; a row with no
// figures is a heading. --rounding names how the figures were rounded for print (half_up, the
// default, half_down, half_even, toward_zero, away_from_zero, floor, ceiling).
//
// Prints one finding per checked cell that differs from the value recomputed from the printed
// inputs — row, column, published value, computed value, and class (rounding / sign / error) —
// then a summary line. With --format csv the findings are CSV on stdout, with the header
// row,line,name,column,published,computed,class (row counts the file's data rows from 1, line
// is the file's line; a name a spreadsheet would run as a formula, "=HYPERLINK(...)", is written
// "'=HYPERLINK(...)": bmm::csv_quote_for_spreadsheet), and the summary goes to stderr. Names are
// written whole, NUL bytes included. Exit status: 0 when no errors were found, 1 when errors were
// found, 2 for bad input or bad arguments (the message, on stderr, names the line — FILE:LINE:
// COLUMN for malformed CSV or an unknown or repeated column —; nothing is printed on stdout
// then), and 2 when the output cannot be written (a full disk, >/dev/full).
//
// The file is streamed: read in 64 KiB chunks, each row audited as it is read
// (bmm::published_table_reader, bmm::budget_table_audit), so that memory holds the findings and
// the rows a later total may still sum, never the file or its table.
#include <bmm/audit.hpp>
#include <bmm/io/output.hpp>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char* usage_text =
    "usage: bmm-audit FILE.csv [--format text|csv] [--basis magnitude|signed] [--rounding MODE]\n"
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

}  // namespace

int main(int argc, char** argv) {
    std::string file;
    bool as_csv = false;
    bmm::audit_options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(usage_text, stdout);
            return 0;
        }
        if (a == "--rounding" && i + 1 < argc) {
            if (!parse_mode(argv[++i], options.mode)) return usage();
        } else if (a == "--format" && i + 1 < argc) {
            const std::string_view f = argv[++i];
            if (f != "text" && f != "csv") return usage();
            as_csv = f == "csv";
        } else if (a == "--basis" && i + 1 < argc) {
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
    std::FILE* in = std::fopen(file.c_str(), "rb");
    if (in == nullptr) {
        std::fprintf(stderr, "bmm-audit: cannot open %s: %s\n", file.c_str(), std::strerror(errno));
        return 2;
    }
    bmm::published_table_reader reader;
    bmm::budget_table_audit audit(options);
    // What the output names for each row with a finding: its line, and its name (in `names`).
    struct named_row {
        std::size_t row, line, name_end;
    };
    std::vector<named_row> named;
    std::string names;
    try {
        std::vector<char> chunk(std::size_t{1} << 16);
        bmm::published_row row;
        for (bool more = true; more;) {
            const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in);
            if (n > 0) reader.feed(std::string_view(chunk.data(), n));
            if (n < chunk.size()) {
                if (std::ferror(in) != 0) {
                    std::fclose(in);
                    std::fprintf(stderr, "bmm-audit: cannot read %s: %s\n", file.c_str(),
                                 std::strerror(errno));
                    return 2;
                }
                reader.finish();
                more = false;
            }
            while (reader.next(row)) {
                const std::size_t before = audit.report().findings.size();
                audit.add(row);
                if (audit.report().findings.size() != before) {
                    names += row.name;
                    named.push_back({audit.rows() - 1, row.source_line, names.size()});
                }
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

    const bmm::audit_report& report = audit.report();
    if (as_csv) std::fputs("row,line,name,column,published,computed,class\n", stdout);
    std::size_t at = 0, name_start = 0;  // the named row of the finding, and where its name starts
    std::string out;                     // one line, written whole (a name may hold a NUL byte)
    for (const bmm::finding& f : report.findings) {
        while (named[at].row != f.row) name_start = named[at++].name_end;
        const std::string name = names.substr(name_start, named[at].name_end - name_start);
        const std::string row = std::to_string(f.row + 1), line = std::to_string(named[at].line);
        const std::string published = bmm::to_string(f.published);
        const std::string computed = bmm::to_string(f.computed);
        const std::string_view column = bmm::to_string(f.column), what = bmm::to_string(f.what);
        if (as_csv) {
            out = row + ',' + line + ',' + bmm::csv_quote_for_spreadsheet(name) + ',';
            out += column;
            out += ',' + published + ',' + computed + ',';
            out += what;
        } else {
            out = "row " + row + " (line " + line + ") " + name + ": ";
            out += column;
            out += " published " + published + ", computed " + computed + ": ";
            out += what;
        }
        out += '\n';
        std::fwrite(out.data(), 1, out.size(), stdout);
    }
    const std::size_t errors = report.errors();
    std::fprintf(as_csv ? stderr : stdout,
                 "bmm-audit: %zu rows, %zu cells checked: %zu errors, %zu sign-convention, %zu "
                 "rounding\n",
                 audit.rows(), report.cells_checked, errors, report.count(bmm::finding_class::sign),
                 report.count(bmm::finding_class::rounding));
    try {
        bmm::flush_output(stdout, "standard output");
    } catch (const bmm::io_error& e) {
        std::fprintf(stderr, "bmm-audit: %s\n", e.what());
        return 2;
    }
    return errors == 0 ? 0 : 1;
}
