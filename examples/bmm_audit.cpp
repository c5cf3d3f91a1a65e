// bmm-audit: checks a published budget table against itself (see bmm/audit.hpp).
//
//   bmm-audit FILE.csv [--format text|csv] [--basis magnitude|signed]
//
// FILE.csv has a header row with the columns line,level,budget,forecast,variance,variance_pct
// and optionally previous_variance,change. Figures are as printed (£m, 1 dp; the % column
// without its sign; blank = not printed). Level 0 is a line; a row of level k >= 1 is a total of
// the rows after the previous row of level >= k that are not already inside a lower total; a row
// with no figures is a heading.
//
// Prints one finding per checked cell that differs from the value recomputed from the printed
// inputs — row, column, published value, computed value, and class (rounding / sign / error) —
// then a summary line. Exit status: 0 when no errors were found, 1 when errors were found, 2 for
// bad input (the message names the line).
#include <bmm/audit.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: bmm-audit FILE.csv [--format text|csv] [--basis magnitude|signed]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string file;
    bool as_csv = false;
    bmm::audit_options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--format" && i + 1 < argc) {
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
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "bmm-audit: cannot open %s\n", file.c_str());
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();

    std::vector<bmm::published_row> rows;
    bmm::audit_report report;
    try {
        rows = bmm::read_published_table(bmm::read_csv(text.str()));
        report = bmm::audit_budget_table(rows, options);
    } catch (const bmm::error& e) {
        std::fprintf(stderr, "bmm-audit: %s: %s\n", file.c_str(), e.what());
        return 2;
    }

    if (as_csv) std::printf("row,line,name,column,published,computed,class\n");
    for (const bmm::finding& f : report.findings) {
        const bmm::published_row& r = rows[f.row];
        const std::string published = bmm::to_string(f.published);
        const std::string computed = bmm::to_string(f.computed);
        if (as_csv) {
            std::printf("%zu,%zu,%s,%s,%s,%s,%s\n", f.row + 1, r.source_line,
                        bmm::csv_quote(r.name).c_str(),
                        std::string(bmm::to_string(f.column)).c_str(), published.c_str(),
                        computed.c_str(), std::string(bmm::to_string(f.what)).c_str());
        } else {
            std::printf("row %zu (line %zu) %s: %s published %s, computed %s: %s\n", f.row + 1,
                        r.source_line, r.name.c_str(),
                        std::string(bmm::to_string(f.column)).c_str(), published.c_str(),
                        computed.c_str(), std::string(bmm::to_string(f.what)).c_str());
        }
    }
    const std::size_t errors = report.errors();
    std::fprintf(as_csv ? stderr : stdout,
                 "bmm-audit: %zu rows, %zu cells checked: %zu errors, %zu sign-convention, %zu "
                 "rounding\n",
                 rows.size(), report.cells_checked, errors, report.count(bmm::finding_class::sign),
                 report.count(bmm::finding_class::rounding));
    return errors == 0 ? 0 : 1;
}
