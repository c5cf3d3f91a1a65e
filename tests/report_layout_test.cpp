// Spec of the report layout's strictness (bmm/io/report_csv.hpp, docs/report-layout.md; issue
// 11): every file tried missing, a directory, empty, heading-only, with a repeated key, row or
// column, an unknown or misspelled column, a heading that is not the declared one, a blank
// required cell, or not listed: each is a report_error at FILE:LINE[:COLUMN] (what() is the
// place and the message), or a documented absence; none becomes a default £0 or a last row that
// wins. A report of one section reads and audits with no error.
#include <doctest/doctest.h>

#include <bmm/io/report_csv.hpp>
#include <bmm/report/audit.hpp>
//
#include <string>
#include <vector>

namespace {

using file = bmm::layout_file;

file csv(std::string name, std::string text) {
    return file{std::move(name), file::type::regular, std::move(text)};
}

const std::string report_csv = "key,value\nmonth,May 2023\nrounding,half_up\n";
const std::string finance_csv =
    "label,budget,forecast,variance\nAdult Services,1.0,1.5,0.5\nResources,2.0,1.0,-1.0\n";
const std::string tables_csv = "file,kind,declaration\nt.csv,finance,\n";
const std::string declarations_csv =
    "declaration,heading,role\nd,Line,label\nd,Budget £m,budget\nd,Forecast £m,forecast\n";

/// Returns: what() of the report_error read_report throws (fails the test when none).
std::string error_of(const std::vector<file>& files) {
    try {
        (void)bmm::read_report(files);
    } catch (const bmm::report_error& e) {
        return e.what();
    }
    FAIL("read_report threw no report_error");
    return {};
}

bmm::findings audit_of(const std::vector<file>& files) {
    bmm::report_audit_options o;
    o.keep_agreeing = true;
    return bmm::audit(bmm::read_report(files), o);
}

}  // namespace

TEST_CASE(
    "a file listed in tables.csv but not in the folder is an error at its line of tables.csv") {
    CHECK(error_of({csv("report.csv", report_csv), csv("tables.csv", tables_csv)}) ==
          "tables.csv:2:1: the file \"t.csv\" is listed but not in the folder");
}

TEST_CASE(
    "a directory or a device in a listed file's place is an error at its line of tables.csv") {
    CHECK(error_of({csv("report.csv", report_csv), csv("tables.csv", tables_csv),
                    file{"t.csv", file::type::directory, ""}}) ==
          "tables.csv:2:1: t.csv is a directory: the layout reads a CSV file there");
    CHECK(error_of({csv("report.csv", report_csv), csv("tables.csv", tables_csv),
                    file{"t.csv", file::type::other, ""}}) ==
          "tables.csv:2:1: t.csv is not a regular file: the layout reads a CSV file there");
    // One of the layout's own files as a directory: at its own first line.
    CHECK(error_of({file{"report.csv", file::type::directory, ""}}) ==
          "report.csv:1: report.csv is a directory: the layout reads a CSV file there");
}

TEST_CASE("an empty file is an error at its first line, a table's or one of the layout's own") {
    CHECK(error_of(
              {csv("report.csv", report_csv), csv("tables.csv", tables_csv), csv("t.csv", "")}) ==
          "t.csv:1:1: the file is empty: a table has at least its heading row");
    CHECK(error_of({csv("report.csv", "")}) ==
          "report.csv:1:1: the file is empty: a table has at least its heading row");
    CHECK(error_of({csv("report.csv", report_csv), csv("tables.csv", "")}) ==
          "tables.csv:1:1: the file is empty: a table has at least its heading row");
}

TEST_CASE("a file with its heading row only is a table with no rows, not an error") {
    const std::vector<file> files{csv("report.csv", report_csv), csv("tables.csv", tables_csv),
                                  csv("t.csv", "label,budget,forecast,variance\n")};
    const bmm::report r = bmm::read_report(files);
    REQUIRE(r.sections.size() == 1);
    CHECK(r.sections[0].rows.empty());
    CHECK(r.sections[0].headings.size() == 4);
    const bmm::findings f = audit_of(files);
    CHECK(f.cells_checked() == 0);
    // And it is written back as it was.
    CHECK(bmm::write_report(r)[2].text == "label,budget,forecast,variance\n");
}

TEST_CASE("a repeated key of report.csv is an error at the second, never the last one winning") {
    CHECK(error_of({csv("report.csv",
                        "key,value\nmonth,May 2023\nrounding,half_up\nmonth,June 2023\n")}) ==
          "report.csv:4:1: the key \"month\" is given twice");
    CHECK(error_of({csv("report.csv", "key,value\nmonht,May 2023\n")}) ==
          "report.csv:2:1: \"monht\" is not a key of report.csv (council, title, month, "
          "fiscal_year_start, rounding, source)");
    CHECK(error_of({csv("report.csv", "key,value,key\nmonth,May 2023,x\n")}) ==
          "report.csv:1:11: the column \"key\" is repeated");
}

TEST_CASE("a repeated row label where labels must be unique is an error at the repeat") {
    // A measure printed twice in one measures table.
    CHECK(error_of({csv("report.csv", report_csv),
                    csv("measures.csv", "id,status\nM1,Green\nM2,Red\nM1,Amber\n")}) ==
          "measures.csv:4:1: the row \"M1\" is repeated");
    // A period's summary printed twice.
    CHECK(error_of({csv("report.csv", report_csv), csv("measures.csv", "id,status\nM1,Green\n"),
                    csv("summary.csv", "label,green,total\nMay 2023,1,1\nMay 2023,1,1\n")}) ==
          "summary.csv:3:1: the row \"May 2023\" is repeated");
    // A file listed twice in tables.csv.
    CHECK(error_of({csv("report.csv", report_csv),
                    csv("tables.csv", "file,kind\nt.csv,finance\nt.csv,finance\n"),
                    csv("t.csv", finance_csv)}) ==
          "tables.csv:3:1: the file \"t.csv\" is listed twice");
}

TEST_CASE("a second opening balance is an error at its cell, never the last row winning") {
    const std::vector<file> files{
        csv("report.csv", report_csv),
        csv("balances.csv",
            "label,kind,amount\nopening,opening,£1.0m\nopening,opening,£2.0m\n"
            "closing,closing,£1.0m\n")};
    // It reads (the rows are as printed); the audit, which rolls the balance forward, refuses it.
    const bmm::report r = bmm::read_report(files);
    CHECK(r.sections.size() == 1);
    CHECK_THROWS_WITH_AS((void)bmm::audit(r, bmm::report_audit_options{}),
                         "balances.csv:3:17: a second opening balance (each balances table holds "
                         "one roll-forward: opening, in, out, closing)",
                         bmm::report_error);
}

TEST_CASE("an unknown or misspelled column of declarations.csv is an error at its heading") {
    const std::string t = "file,kind,declaration\nt.csv,finance,d\n";
    CHECK(error_of({csv("report.csv", report_csv),
                    csv("declarations.csv", "declaration,heading,rol\nd,Line,label\n"),
                    csv("tables.csv", t), csv("t.csv", "Line\nA\n")}) ==
          "declarations.csv:1:21: unknown column \"rol\" (declarations.csv has declaration, "
          "heading, role, period, status, unit)");
    CHECK(error_of({csv("report.csv", report_csv),
                    csv("declarations.csv", "declaration,heading,role,unti\nd,Line,label,\n"),
                    csv("tables.csv", t), csv("t.csv", "Line\nA\n")}) ==
          "declarations.csv:1:26: unknown column \"unti\" (declarations.csv has declaration, "
          "heading, role, period, status, unit)");
    // A misspelled role, at its cell.
    CHECK(error_of({csv("report.csv", report_csv),
                    csv("declarations.csv", "declaration,heading,role\nd,Line,lable\n"),
                    csv("tables.csv", t), csv("t.csv", "Line\nA\n")}) ==
          "declarations.csv:2:8: cannot read \"lable\" as a column role: not one of the roles of "
          "docs/report-layout.md");
    // A misspelled column of a table read by its kind's built-in declaration.
    CHECK(error_of({csv("report.csv", report_csv), csv("finance.csv", "label,budgte\nA,1.0\n")}) ==
          "finance.csv:1:7: unknown column \"budgte\" (a finance table without a declaration has "
          "label, budget, forecast, variance, variance_pct, previous_variance, change, actual, "
          "amount, note)");
}

TEST_CASE("a heading that is not the declared one is an error at the heading") {
    const std::vector<file> base{csv("report.csv", report_csv),
                                 csv("declarations.csv", declarations_csv),
                                 csv("tables.csv", "file,kind,declaration\nt.csv,finance,d\n")};
    std::vector<file> wrong = base;
    wrong.push_back(csv("t.csv", "Line,Budget £m,Forecast\nA,1.0,1.5\n"));
    CHECK(error_of(wrong) ==
          "t.csv:1:16: the heading \"Forecast\" is not the declared "
          "\"Forecast £m\" (declaration \"d\", column 3)");
    std::vector<file> right = base;
    right.push_back(csv("t.csv", "Line,Budget £m,Forecast £m\nA,1.0,1.5\n"));
    CHECK(bmm::read_report(right).sections.at(0).rows.size() == 1);
}

TEST_CASE("a blank required cell is an error at the cell, never a default") {
    // tables.csv's kind.
    CHECK(error_of({csv("report.csv", report_csv), csv("tables.csv", "file,kind\nt.csv,\n"),
                    csv("t.csv", finance_csv)}) ==
          "tables.csv:2:7: the kind is blank (it is required)");
    // A measure's id.
    CHECK(error_of({csv("report.csv", report_csv),
                    csv("measures.csv", "id,status\nM1,Green\n,Red\n")}) ==
          "measures.csv:3:1: the id is blank (each row of a measures table names what it is)");
    // A balance's amount (a blank risk-assessed level is not £0.0m, met).
    CHECK(error_of({csv("report.csv", report_csv), csv("balances.csv",
                                                       "label,kind,amount\nopening,opening,£1.0m\n"
                                                       "risk assessed level,level,\n")}) ==
          "balances.csv:3:27: the amount is blank (a balances row prints it)");
}

TEST_CASE("a blank figure of a finance row is not printed, never £0: the relation is not checked") {
    const bmm::findings f = audit_of(
        {csv("report.csv", report_csv),
         csv("finance.csv", "label,budget,forecast,variance\nA,,1.5,0.5\nB,1.0,1.5,0.5\n")});
    // Read as £0 the budget would make A's variance 1.5, an error; blank, it checks nothing.
    CHECK(f.errors() == 0);
    CHECK(f.cells_checked() == 1);
    REQUIRE(f.size() == 1);
    CHECK(f[0].where.row == "B");
    CHECK(f[0].verdict == bmm::verdict::agrees);
}

TEST_CASE("a CSV file in the folder that tables.csv does not list is an error at the file") {
    CHECK(error_of({csv("report.csv", report_csv), csv("tables.csv", tables_csv),
                    csv("t.csv", finance_csv), csv("u.csv", finance_csv)}) ==
          "u.csv:1: this file is not listed in tables.csv (list it, as kind text to keep it "
          "unaudited)");
    CHECK(error_of({csv("report.csv", report_csv), csv("finance.csv", finance_csv),
                    csv("u.csv", finance_csv)}) ==
          "u.csv:1: this file is not a kind's (measures.csv, finance.csv, ...) and there is no "
          "tables.csv to list it");
    // A file that is not a CSV (a NOTES.md) is not the layout's.
    CHECK(bmm::read_report({csv("report.csv", report_csv), csv("finance.csv", finance_csv),
                            csv("NOTES.md", "# notes\n")})
              .sections.size() == 1);
}

TEST_CASE("a report of one finance table reads and audits with no error") {
    const std::vector<file> files{csv("report.csv", report_csv), csv("finance.csv", finance_csv)};
    const bmm::report r = bmm::read_report(files);
    CHECK(r.sections.size() == 1);
    CHECK(!r.tables_file);
    const bmm::findings f = audit_of(files);
    CHECK(f.errors() == 0);
    CHECK(f.count(bmm::verdict::agrees) == 2);
    CHECK(f.cells_checked() == 2);
    // Without report.csv the rounding mode is the options' (the audit never assumes one).
    const bmm::report bare = bmm::read_report({csv("finance.csv", finance_csv)});
    CHECK_THROWS_AS((void)bmm::audit(bare, bmm::report_audit_options{}), bmm::report_error);
    bmm::report_audit_options o;
    o.rounding = bmm::rounding_mode::half_up;
    CHECK(bmm::audit(bare, o).count(bmm::verdict::agrees) == 2);
    // A wrong variance is found at its cell.
    const bmm::findings wrong = audit_of(
        {csv("report.csv", report_csv),
         csv("finance.csv", "label,budget,forecast,variance\nAdult Services,1.0,1.5,0.9\n")});
    CHECK(wrong.errors() == 1);
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].where.row == "Adult Services");
    CHECK(wrong[0].where.column == "variance");
    CHECK(wrong[0].expected == "0.5");
}

TEST_CASE(
    "a report of status-only measures with a printed summary reads and audits with no error") {
    const std::string measures = "id,status\nM1,Green\nM2,Red\nM3,Green\n";
    const bmm::findings f =
        audit_of({csv("report.csv", report_csv), csv("measures.csv", measures),
                  csv("summary.csv", "label,green,amber,red,total\nMay 2023,2,0,1,3\n")});
    // No target column: the ratings are not checked (no false "needs a target"); the summary is
    // recounted from the statuses as printed.
    CHECK(f.errors() == 0);
    CHECK(f.count(bmm::verdict::undecided) == 0);
    CHECK(f.count(bmm::verdict::agrees) == 5);
    for (const bmm::finding& x : f) CHECK(x.where.section == "summary.csv");
    // A miscounted summary is found at its cells.
    const bmm::findings wrong =
        audit_of({csv("report.csv", report_csv), csv("measures.csv", measures),
                  csv("summary.csv", "label,green,amber,red,total\nMay 2023,3,0,1,4\n")});
    CHECK(wrong.errors() == 2);
    std::vector<std::string> cells;
    for (const bmm::finding& x : wrong) {
        if (x.verdict == bmm::verdict::error) cells.push_back(x.where.column + " " + x.expected);
    }
    CHECK(cells == std::vector<std::string>{"green 2", "total 3"});
}

TEST_CASE("a spelling the layout would not write back is an error where it first differs") {
    // "Finance" names the kind finance, but written back it is "finance": not byte for byte.
    const std::string t = "file,kind,declaration\nt.csv,Finance,\n";
    CHECK(error_of(
              {csv("report.csv", report_csv), csv("tables.csv", t), csv("t.csv", finance_csv)}) ==
          "tables.csv:2:7: the layout would write this line back as \"t.csv,finance,\": it "
          "refuses what it cannot give back byte for byte (names of kinds and roles as "
          "docs/report-layout.md spells them, no blanks around a name)");
    // As the layout spells it, the same folder reads.
    CHECK(bmm::read_report({csv("report.csv", report_csv), csv("tables.csv", tables_csv),
                            csv("t.csv", finance_csv)})
              .sections.size() == 1);
}
