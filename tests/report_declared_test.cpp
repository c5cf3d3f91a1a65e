// Spec of a report's finance table declared by a table declaration (bmm/report/
// declared_section.hpp; issue 18's last line): tables.csv names a `.decl` file of the folder in
// the table's `declaration` column, and bmm::audit(report) audits that table exactly as
// bmm-audit --declare does — the same declaration text, the same findings. Each collected
// finance table of tests/data/councils is entered so, as a report of that one table.
#include <doctest/doctest.h>

#include <bmm/audit/declared_table.hpp>
#include <bmm/io/report_csv.hpp>
#include <bmm/io/table_declaration.hpp>
#include <bmm/report/audit.hpp>
//
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support/slurp.hpp"

namespace {

using bmm_test::slurp;

const std::string councils = std::string(BMM_SOURCE_DIR) + "/tests/data/councils/";

// The collected finance tables (budget monitoring); the performance tables are not finance.
const char* const finance_tables[] = {
    "bath-ne-somerset_2002_all-portfolios-december",
    "bath-ne-somerset_2005_all-portfolios-june",
    "brighton-hove_2022_fcl-hasc-month5-movement",
    "brighton-hove_2022_fcl-month2",
    "brighton-hove_2024_fcl-month2",
    "east-ayrshire_2012_educational-social-p4",
    "east-ayrshire_2020_economy-skills-p7",
    "isle-of-wight_2004_adult-community-month4",
    "isle-of-wight_2004_economic-development-november",
    "surrey_2018_forecast-bridge-month11",
    "temple-cloud-parish_2021_finance-july",
    "unidentified_2011_corporate-monthly-september",
    "wycombe_2003_special-expenses-q3",
};

using file = bmm::layout_file;

std::vector<file> folder_of(const std::string& name) {
    const std::string dir = councils + name + "/";
    return {file{"tables.csv", file::type::regular,
                 "file,kind,declaration\ntable.csv,finance,table.decl\n"},
            file{"table.csv", file::type::regular, slurp(dir + "table.csv")},
            file{"table.decl", file::type::regular, slurp(dir + "table.decl")}};
}

using seen = std::tuple<std::string, std::string, std::string, std::string, std::string>;

std::vector<seen> seen_of(const bmm::findings& f) {
    std::vector<seen> out;
    for (const bmm::finding& x : f) {
        out.emplace_back(x.where.row, x.where.column, std::string(bmm::to_string(x.verdict)),
                         x.printed, x.expected);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bmm::report_audit_options half_up() {
    bmm::report_audit_options o;
    o.rounding = bmm::rounding_mode::half_up;  // the report's own figures; the table's is declared
    return o;
}

}  // namespace

TEST_CASE("a finance table declared by its .decl audits in a report as bmm-audit audits it") {
    std::size_t tables = 0, errors = 0;
    for (const char* name : finance_tables) {
        CAPTURE(std::string(name));
        const std::vector<file> files = folder_of(name);
        const bmm::report r = bmm::read_report(files);
        REQUIRE(r.sections.size() == 1);
        CHECK(r.sections[0].table_declaration == "table.decl");
        const bmm::findings in_report = bmm::audit(r, half_up());
        // The same table and declaration, as bmm-audit --declare reads them.
        const bmm::table_declaration d = bmm::parse_table_declaration(files[2].text, "table.decl");
        const bmm::findings alone =
            bmm::audit_declared(bmm::read_printed_table(files[1].text, d, "table.csv"),
                                bmm::audit_options{})
                .found;
        for (const bmm::verdict v :
             {bmm::verdict::agrees, bmm::verdict::rounding, bmm::verdict::sign_convention,
              bmm::verdict::error, bmm::verdict::follows, bmm::verdict::undecided}) {
            CHECK(in_report.count(v) == alone.count(v));
        }
        CHECK(seen_of(in_report) == seen_of(alone));
        for (const bmm::finding& x : in_report) CHECK(x.where.section == "table.csv");
        // Written back, the folder is the folder read: the .decl file too.
        const std::vector<file> back = bmm::write_report(r);
        REQUIRE(back.size() == files.size());
        for (const file& f : files) {
            const auto w = std::find_if(back.begin(), back.end(),
                                        [&](const file& b) { return b.name == f.name; });
            REQUIRE(w != back.end());
            CHECK(w->text == f.text);
        }
        ++tables;
        errors += in_report.errors();
    }
    CHECK(tables == 13);
    CHECK(errors > 0);  // the collected tables' real discrepancies are among them
}

TEST_CASE("a table declaration that is missing, wrong, or for another kind is a located error") {
    const std::string table = "Line,Budget\nAdults,1.0\n";
    auto error_of = [](const std::vector<file>& files) {
        try {
            (void)bmm::read_report(files);
        } catch (const bmm::report_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const file t{"t.csv", file::type::regular, table};
    CHECK(error_of({file{"tables.csv", file::type::regular,
                         "file,kind,declaration\nt.csv,finance,t.decl\n"},
                    t}) ==
          "tables.csv:2:1: the table declaration \"t.decl\" is listed but not in "
          "the folder");
    CHECK(error_of({file{"tables.csv", file::type::regular,
                         "file,kind,declaration\nt.csv,measures,t.decl\n"},
                    t, file{"t.decl", file::type::regular, "rounding half_up\n"}}) ==
          "tables.csv:2:16: \"t.decl\": a table declaration file (.decl, in the report's folder) "
          "declares a finance table; a measures table is declared in declarations.csv");
    // The declaration's own errors keep their place in the .decl file.
    const std::string bad = error_of(
        {file{"tables.csv", file::type::regular, "file,kind,declaration\nt.csv,finance,t.decl\n"},
         t, file{"t.decl", file::type::regular, "rounding half_up\ncolumn \"Line\" nam\n"}});
    CHECK(bad.rfind("t.decl:2:", 0) == 0);
    // A printed heading the declaration does not name is an error at the heading.
    const std::string undeclared = error_of(
        {file{"tables.csv", file::type::regular, "file,kind,declaration\nt.csv,finance,t.decl\n"},
         t, file{"t.decl", file::type::regular, "rounding half_up\ncolumn \"Line\" name\n"}});
    CHECK(undeclared.rfind("t.csv:1:6: ", 0) == 0);
}
