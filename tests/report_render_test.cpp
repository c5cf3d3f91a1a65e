// Spec of a report's renderers (bmm/report/finding_places.hpp, render_text.hpp,
// render_findings.hpp, render_html.hpp; issue 11): each finding is placed at the printed cell it
// names (else beside its section, else elsewhere), the text and the page show every cell exactly
// as entered with the finding's marker beside it, the findings CSV is spreadsheet-safe, the JSON
// escapes every string and the page every text.
#include <doctest/doctest.h>

#include <bmm/io/report_csv.hpp>
#include <bmm/report/audit.hpp>
#include <bmm/report/finding_places.hpp>
#include <bmm/report/render_findings.hpp>
#include <bmm/report/render_html.hpp>
#include <bmm/report/render_text.hpp>
//
#include <string>
#include <vector>

namespace {

using file = bmm::layout_file;

file csv(std::string name, std::string text) {
    return file{std::move(name), file::type::regular, std::move(text)};
}

/// A report of one finance table (read by its built-in declaration) whose Contingency % is wrong
/// (the label is quoted: the % is at column 29 of line 3).
bmm::report finance_report(const std::string& label = "Contingency") {
    return bmm::read_report({csv("report.csv", "key,value\nrounding,half_up\n"),
                             csv("finance.csv",
                                 "label,budget,forecast,variance,variance_pct\n"
                                 "Adult Services,226.9,226.9,0.0,0.0%\n\"" +
                                     label + "\",12.4,9.1,-3.3,-29.6%\n")});
}

bmm::findings audited(const bmm::report& r) { return bmm::audit(r, bmm::report_audit_options{}); }

}  // namespace

TEST_CASE("a finding is placed at the printed cell it names") {
    const bmm::report r = finance_report();
    const bmm::findings f = audited(r);
    REQUIRE(f.size() == 1);
    const bmm::finding_places at(r, f);
    CHECK(at.at(0, 1, 4) == std::vector<std::size_t>{0});
    CHECK(at.at(0, 1, 3).empty());
    CHECK(at.at(0, 0, 4).empty());
    CHECK(at.at_cells(0) == 1);
    CHECK(at.of_section(0).empty());
    CHECK(at.elsewhere().empty());
}

TEST_CASE(
    "a finding at no printed cell of its section is beside the section, one of no section "
    "elsewhere") {
    const bmm::report r = finance_report();
    bmm::findings f;
    bmm::finding whole;
    whole.where.section = "finance.csv";
    whole.where.column = "a column the table does not print";
    f.add(whole);
    bmm::finding other;
    other.where.section = "another report's table.csv";
    f.add(other);
    const bmm::finding_places at(r, f);
    CHECK(at.of_section(0) == std::vector<std::size_t>{0});
    CHECK(at.elsewhere() == std::vector<std::size_t>{1});
    CHECK(at.at_cells(0) == 0);
    const std::string text = bmm::render_text(r, f);
    CHECK(
        text.find("  findings of the table:\n    [1] error at a column the table does not print") !=
        std::string::npos);
    CHECK(
        text.find("\nfindings of no printed table:\n  another report's table.csv\n    [2] error") !=
        std::string::npos);
}

TEST_CASE("the text shows each cell as entered with the finding's marker beside it") {
    const bmm::report r = finance_report();
    const bmm::findings f = audited(r);
    const std::string text = bmm::render_text(r, f);
    CHECK(text ==
          "rounding: half_up\n"
          "\n"
          "finance.csv (finance)\n"
          "  label | budget | forecast | variance | variance_pct\n"
          "  Adult Services | 226.9 | 226.9 | 0.0 | 0.0%\n"
          "  Contingency | 12.4 | 9.1 | -3.3 | -29.6% [error 1]\n"
          "    [1] error at Contingency, variance_pct (finance.csv:3:29): printed -29.6%, expected "
          "-26.6%, rule variance % = variance / |budget|: fits -27.1..-26.1\n"
          "\n"
          "1 tables, 4 cells checked: 1 errors, 0 follow from an error, 0 undecided, 0 "
          "sign-convention, 0 rounding\n");
}

TEST_CASE("the text shows a control character in a cell escaped, so that a row stays one line") {
    const bmm::report r = finance_report("Contin\ngency\t\x01");
    const std::string text = bmm::render_text(r, audited(r));
    CHECK(text.find("  Contin\\ngency\\t\\x01 | 12.4 | 9.1 | -3.3 | -29.6% [error 1]\n") !=
          std::string::npos);
}

TEST_CASE(
    "the findings CSV writes a formula-like field with a leading quote and a number as it is") {
    bmm::findings f;
    bmm::finding x;
    x.where.section = "t.csv";
    x.where.row = "=HYPERLINK(\"http://x\")";
    x.where.column = "variance";
    x.where.source = bmm::source_position{"t.csv", 3, 18};
    x.rule = "variance";
    x.printed = "-3.3";
    x.expected = "+2.4";
    x.explanation = "@SUM(A1)";
    f.add(x);
    CHECK(
        bmm::findings_csv(f) ==
        "section,row,column,line,cell_column,rule,printed,expected,verdict,explanation,"
        "likely_cause\n"
        "t.csv,\"'=HYPERLINK(\"\"http://x\"\")\",variance,3,18,variance,-3.3,+2.4,error,'@SUM(A1),"
        "\n");
    const bmm::csv_table back = bmm::read_csv(bmm::findings_csv(f));
    REQUIRE(back.records.size() == 1);
    CHECK(back.records[0].fields.size() == 11);
}

TEST_CASE("a JSON string escapes quotes, backslashes and control characters and keeps UTF-8") {
    CHECK(bmm::json_string("a\"b\\c\n\r\t\x01\x7f") == "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u007f\"");
    CHECK(bmm::json_string(std::string("a\0b", 3)) == "\"a\\u0000b\"");
    CHECK(bmm::json_string("£5.3m −2.6% ★ 😀") == "\"£5.3m −2.6% ★ 😀\"");
}

TEST_CASE("a JSON string writes each byte that is not UTF-8 as U+FFFD") {
    CHECK(bmm::json_string("\xff") == "\"\\ufffd\"");
    CHECK(bmm::json_string("a\xc3") == "\"a\\ufffd\"");                      // cut short
    CHECK(bmm::json_string("\xc0\xaf") == "\"\\ufffd\\ufffd\"");             // overlong
    CHECK(bmm::json_string("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");  // a surrogate
    CHECK(bmm::json_string("\xf4\x90\x80\x80") ==
          "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");  // > U+10FFFF
}

TEST_CASE("the findings JSON gives the counts and every finding with its place") {
    const bmm::report r = finance_report();
    const std::string js = bmm::findings_json(audited(r));
    CHECK(js.rfind("{\"cells_checked\": 4,\n \"counts\": {\"agrees\": 3, \"rounding\": 0, "
                   "\"sign_convention\": 0, \"error\": 1, \"follows\": 0, \"undecided\": 0},\n",
                   0) == 0);
    CHECK(js.find("{\"section\": \"finance.csv\", \"row\": \"Contingency\", \"column\": "
                  "\"variance_pct\", \"row_index\": 1, \"file\": \"finance.csv\", \"line\": 3, "
                  "\"cell_column\": 29, \"rule\": \"variance % = variance / |budget|\", "
                  "\"printed\": \"-29.6%\", \"expected\": \"-26.6%\", \"verdict\": \"error\"") !=
          std::string::npos);
    CHECK(bmm::findings_json(bmm::findings{}) ==
          "{\"cells_checked\": 0,\n \"counts\": {\"agrees\": 0, \"rounding\": 0, "
          "\"sign_convention\": 0, \"error\": 0, \"follows\": 0, \"undecided\": 0},\n "
          "\"findings\": []}\n");
}

TEST_CASE("the page escapes every text and marks the cell a finding names") {
    CHECK(bmm::html_escape("<b>&\"x'</b>") == "&lt;b&gt;&amp;&quot;x&#39;&lt;/b&gt;");
    CHECK(bmm::html_escape(std::string("a\0b", 3)) == "a&#xFFFD;b");
    const bmm::report r = finance_report("<script>alert(1)</script>");
    const std::string page = bmm::render_html(r, audited(r));
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>12.4</td><td>9.1</td>"
                    "<td>-3.3</td><td class=\"error\">-29.6% <sup><a href=\"#f1\">[1]</a></sup>"
                    "</td></tr>") != std::string::npos);
    CHECK(page.find("<li id=\"f1\" class=\"error\"><b>[1] error</b> ") != std::string::npos);
    CHECK(page.rfind("</html>\n") == page.size() - 8);
}
