// Spec for bmm/csv.hpp: a strict RFC 4180 reader that keeps line numbers, reads quoted fields
// with commas, doubled quotes and line breaks, and names the line of any malformed text.
#include <doctest/doctest.h>

#include <bmm/csv.hpp>
#include <string>

#include "support/spec.hpp"

TEST_CASE("a header and records, with each record's starting line") {
    const auto t = bmm::read_csv("line,level,budget\nAdult Services,0,226.9\n\nResources,0,69.7");
    REQUIRE(t.header.size() == 3);
    CHECK(t.header_line == 1);
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields[0] == "Adult Services");
    CHECK(t.records[0].line == 2);
    CHECK(t.records[1].line == 4);  // the blank line is skipped but counted
    CHECK(t.column("BUDGET") == 2u);
    CHECK_FALSE(t.column("forecast").has_value());
}

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks") {
    const auto t =
        bmm::read_csv("a,b\r\n\"Rates, Council Tax\",\"said \"\"no\"\"\"\r\n\"two\nlines\",x\r\n");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields[0] == "Rates, Council Tax");
    CHECK(t.records[0].fields[1] == "said \"no\"");
    CHECK(t.records[1].fields[0] == "two\nlines");
    CHECK(t.records[1].line == 3);
}

TEST_CASE("a UTF-8 byte-order mark and empty fields are read") {
    const auto t = bmm::read_csv("\xEF\xBB\xBFname,value\nA,\n,\n");
    CHECK(t.header[0] == "name");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields == std::vector<std::string>{"A", ""});
    CHECK(t.records[1].fields == std::vector<std::string>{"", ""});
}

TEST_CASE("malformed CSV is a parse_error naming the line") {
    auto why = [](const char* text) -> std::string {
        try {
            (void)bmm::read_csv(text);
        } catch (const bmm::parse_error& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(why("a,b\nx,\"open\n").find("line 3: a quoted field is not closed") != std::string::npos);
    CHECK(why("a,b\nx,\"q\"z\n").find("line 2: text after a closing quote") != std::string::npos);
    CHECK(why("a,b\nx,y\"z\n").find("line 2: a quote inside an unquoted field") !=
          std::string::npos);
    CHECK(why("").find("no header") != std::string::npos);
    CHECK(why("a,b\rc").find("carriage return") != std::string::npos);
}

TEST_CASE("csv_quote quotes only what needs it, and read_csv reads it back") {
    CHECK(bmm::csv_quote("Adult Services") == "Adult Services");
    CHECK(bmm::csv_quote("Rates, Council Tax") == "\"Rates, Council Tax\"");
    CHECK(bmm::csv_quote("said \"no\"") == "\"said \"\"no\"\"\"");
    const std::string fields[] = {"a,b", "q\"q", "two\nlines", "", "plain"};
    std::string row;
    for (const auto& f : fields) {
        if (!row.empty()) row += ',';
        row += bmm::csv_quote(f);
    }
    const auto t = bmm::read_csv("h1,h2,h3,h4,h5\n" + row + "\n");
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].fields == std::vector<std::string>(std::begin(fields), std::end(fields)));
}
