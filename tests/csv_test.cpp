// Spec for bmm/csv.hpp: a strict RFC 4180 reader that keeps the line and column of every field,
// reads quoted fields with commas, doubled quotes and line breaks, and names the line, column
// and field of any malformed text.
#include <doctest/doctest.h>

#include <bmm/csv.hpp>
#include <cstddef>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {
struct failure {
    std::size_t line = 0, column = 0;
    std::string field, reason, what;
};
failure fail(const std::string& text) {
    try {
        (void)bmm::read_csv(text);
    } catch (const bmm::csv_error& e) {
        return {e.line(), e.column(), e.field(), e.reason(), e.what()};
    }
    return {0, 0, "", "no error", ""};
}
}  // namespace

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

TEST_CASE("every field knows its 1-based line and column, header fields too") {
    const auto t = bmm::read_csv("line,level,budget\nAdult Services,0,226.9\n");
    REQUIRE(t.header_positions.size() == 3);
    CHECK(t.header_positions[2].line == 1);
    CHECK(t.header_positions[2].column == 12);
    const auto& r = t.records.at(0);
    CHECK(r.at(0).line == 2);
    CHECK(r.at(0).column == 1);
    CHECK(r.at(1).column == 16);
    CHECK(r.at(2).column == 18);
    CHECK(r.at(9).column == 0);  // no such field: the record's line, column 0
    CHECK(r.at(9).line == 2);
}

TEST_CASE("columns count characters, not bytes: a UTF-8 pound sign is one column") {
    const auto t = bmm::read_csv(
        "a,b,c\n\xC2\xA3"
        "439,\xE2\x96\xB2,x\n");
    const auto& r = t.records.at(0);
    CHECK(r.fields[0] ==
          "\xC2\xA3"
          "439");
    CHECK(r.at(1).column == 6);  // "£439," is five characters (six bytes)
    CHECK(r.at(2).column == 8);  // "▲," is two characters (four bytes)
}

TEST_CASE("a byte-order mark is not a column, and a quoted line break moves later fields' lines") {
    const auto t = bmm::read_csv("\xEF\xBB\xBFh1,h2,h3\n\"two\nlines\",x,y\r\nz,w,v\r\n");
    CHECK(t.header_positions.at(0).column == 1);
    const auto& r = t.records.at(0);
    CHECK(r.line == 2);
    CHECK(r.at(0).line == 2);
    CHECK(r.at(1).line == 3);
    CHECK(r.at(1).column == 8);  // after `lines",`
    CHECK(t.records.at(1).line == 4);
    CHECK(t.records.at(1).at(2).column == 5);
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

TEST_CASE("a quote inside an unquoted field: the quote's line and column, and the field") {
    const auto f = fail("a,b\nx,y\"z\n");
    CHECK(f.reason == "a quote inside an unquoted field");
    CHECK(f.line == 2);
    CHECK(f.column == 4);
    CHECK(f.field == "y\"z");
    CHECK(f.what ==
          "bmm: cannot read \"y\"z\" as CSV: a quote inside an unquoted field "
          "(line 2, column 4)");
}

TEST_CASE("text after a closing quote: the first character after it, and the field as written") {
    const auto f = fail("a,b\nx,\"q\"z,w\n");
    CHECK(f.reason == "text after a closing quote");
    CHECK(f.line == 2);
    CHECK(f.column == 6);
    CHECK(f.field == "\"q\"z");
}

TEST_CASE("an unclosed quote points at the opening quote, even when the text runs on") {
    const auto f = fail("a,b\nx,\"open\nmore\n");
    CHECK(f.reason == "a quoted field is not closed");
    CHECK(f.line == 2);
    CHECK(f.column == 3);
    CHECK(f.field == "open\nmore\n");
}

TEST_CASE("a lone carriage return and an empty input are errors with a place") {
    const auto cr = fail("a,b\rc");
    CHECK(cr.reason == "a carriage return not followed by a line feed");
    CHECK(cr.line == 1);
    CHECK(cr.column == 4);
    const auto empty = fail("");
    CHECK(empty.reason == "there is no header row");
    CHECK(empty.line == 1);
    CHECK(empty.column == 1);
    CHECK(fail("\n\n").reason == "there is no header row");
}

TEST_CASE(
    "csv_error is a bmm::parse_error, and a long field is cut in the message but whole in "
    "field()") {
    const std::string long_field(100, 'x');
    try {
        (void)bmm::read_csv("a\n" + long_field + "\"\n");
        FAIL("no error");
    } catch (const bmm::parse_error& e) {
        CHECK(e.code() == bmm::errc::parse);
        CHECK(e.input() == std::string(60, 'x') + "...");
        const auto* c = dynamic_cast<const bmm::csv_error*>(&e);
        REQUIRE(c != nullptr);
        CHECK(c->field() == long_field + "\"");
        CHECK(c->column() == 101);
    }
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

TEST_CASE(
    "csv_quote quotes a field that starts with a byte-order mark, so a table's first field "
    "keeps it") {
    // Found by fuzz_csv: read_csv skips a BOM at the start of the text, so an unquoted first
    // field "\xEF\xBB\xBFline" read back as "line".
    const std::string bom = "\xEF\xBB\xBF";
    CHECK(bmm::csv_quote(bom + "line") == "\"" + bom + "line\"");
    CHECK(bmm::csv_quote(bom) == "\"" + bom + "\"");
    CHECK(bmm::csv_quote("a" + bom) == "a" + bom);  // only a leading one needs it
    const auto t = bmm::read_csv(bmm::csv_quote(bom + "line") + ",level\nx,0\n");
    REQUIRE(t.header.size() == 2);
    CHECK(t.header[0] == bom + "line");
    // A file's own BOM is still skipped before the quoted field.
    CHECK(bmm::read_csv(bom + bmm::csv_row({bom + "h", "k"})).header[0] == bom + "h");
}

TEST_CASE(
    "csv_row writes a record of one empty field as \"\", not as a blank line that read_csv "
    "skips") {
    CHECK(bmm::csv_row({""}) == "\"\"\n");
    CHECK(bmm::csv_row({"", ""}) == ",\n");
    CHECK(bmm::csv_row({"Rates, Council Tax", "said \"no\"", ""}) ==
          "\"Rates, Council Tax\",\"said \"\"no\"\"\",\n");
    const std::vector<std::string> one_empty{""};
    const auto t = bmm::read_csv(bmm::csv_row({"h"}) + bmm::csv_row(one_empty) + "x\n");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[0].fields == one_empty);
    CHECK(t.records[0].line == 2);
    CHECK(t.records[1].fields == std::vector<std::string>{"x"});
    CHECK_THROWS_AS((void)bmm::csv_row(std::vector<std::string>{}), bmm::invalid_argument);
}

TEST_CASE(
    "property: records written by csv_row read back as the same records, whatever their "
    "fields hold") {
    // Fields drawn from the pieces that break naive writers: a byte-order mark, quotes, commas,
    // CR, LF, CRLF, spaces, a multi-byte character, and the empty field; records of 1 to 4 fields,
    // so that lone empty fields and BOM-first headers come up often.
    const std::string pieces[] = {"",   "\xEF\xBB\xBF", "\"",   "\"\"", ",",
                                  "\r", "\n",           "\r\n", " ",    "a",
                                  "7",  "\xC2\xA3",     "x y"};
    std::mt19937 gen(6);
    std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
    std::uniform_int_distribution<int> count(1, 4), length(0, 3), rows(1, 5);
    int mismatches = 0;
    for (int trial = 0; trial < 5'000; ++trial) {
        std::vector<std::vector<std::string>> records(static_cast<std::size_t>(rows(gen)));
        std::string text;
        for (auto& r : records) {
            r.resize(static_cast<std::size_t>(count(gen)));
            for (auto& f : r) {
                for (int k = length(gen); k > 0; --k) f += pieces[piece(gen)];
            }
            text += bmm::csv_row(r);
        }
        const bmm::csv_table t = bmm::read_csv(text);
        bool same = t.header == records[0] && t.records.size() + 1 == records.size();
        for (std::size_t i = 0; same && i < t.records.size(); ++i) {
            same = t.records[i].fields == records[i + 1];
        }
        if (!same) {
            ++mismatches;
            CAPTURE(text);
            CHECK(same);  // show the first few that fail
            if (mismatches > 3) break;
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("csv_reader reads one record at a time, with the lines and columns read_csv gives") {
    const std::string text = "\xEF\xBB\xBFline,level\n\nAdult Services,0\r\n\"two\nlines\",1";
    bmm::csv_reader reader(text);
    bmm::csv_record r;
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"line", "level"});
    CHECK(r.line == 1);
    CHECK(r.at(1).column == 6);
    REQUIRE(reader.next(r));  // the blank line is skipped but counted
    CHECK(r.fields == std::vector<std::string>{"Adult Services", "0"});
    CHECK(r.line == 3);
    CHECK(r.at(1).column == 16);
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"two\nlines", "1"});
    CHECK(r.line == 4);
    CHECK(r.at(1).line == 5);
    CHECK(r.at(1).column == 8);
    CHECK_FALSE(reader.next(r));
    CHECK(reader.done());
    CHECK(reader.records() == 3);
    // A record with fewer fields than the last one read into the same record has just those.
    bmm::csv_reader two("a,b,c\nd\n");
    REQUIRE(two.next(r));
    REQUIRE(two.next(r));
    CHECK(r.fields == std::vector<std::string>{"d"});
    CHECK(r.positions.size() == 1);
}

TEST_CASE("csv_reader fed in chunks waits for the rest of a record and reads the same records") {
    bmm::csv_reader reader;
    bmm::csv_record r;
    CHECK_FALSE(reader.next(r));  // nothing fed yet: more is needed, not the end
    CHECK_FALSE(reader.done());
    reader.feed("h1,h2\nRates, Counc");
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"h1", "h2"});
    CHECK_FALSE(reader.next(r));  // "Rates, Counc" may go on
    reader.feed("il Tax\r");
    CHECK_FALSE(reader.next(r));  // a CR at the end may be a CRLF
    reader.feed("\n\"said \"");
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"Rates", " Council Tax"});
    CHECK(r.line == 2);
    CHECK_FALSE(reader.next(r));  // a closing quote, or the first of a doubled one
    reader.feed("\"no\"\"\",x");
    CHECK_FALSE(reader.next(r));
    reader.finish();
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"said \"no\"", "x"});
    CHECK(r.line == 3);
    CHECK(r.at(1).column == 15);
    CHECK_FALSE(reader.next(r));
    CHECK(reader.done());
    CHECK_THROWS_AS(reader.feed("more"), bmm::invalid_argument);  // after finish()
    bmm::csv_reader whole("a\n");
    CHECK_THROWS_AS(whole.feed("b\n"), bmm::invalid_argument);
    // An unclosed quote is an error only once the text is known to end there.
    bmm::csv_reader open;
    open.feed("a\n\"open");
    REQUIRE(open.next(r));
    CHECK_FALSE(open.next(r));
    open.finish();
    CHECK_THROWS_AS(open.next(r), bmm::csv_error);
}

TEST_CASE(
    "property: a text fed in chunks split anywhere reads as the whole text does, records and "
    "errors alike") {
    // Texts from the pieces that break naive readers (a BOM, quotes, commas, CR, LF, CRLF, a
    // multi-byte character, malformed quoting), fed whole, one byte at a time, and in random
    // chunks: the same records (fields, lines, columns) and the same csv_error (reason, line,
    // column, field) at the same record.
    const std::string pieces[] = {"",   "\xEF\xBB\xBF", "\"",   "\"\"", ",",
                                  "\r", "\n",           "\r\n", " ",    "a",
                                  "7",  "\xC2\xA3",     "x y",  "\"q\""};
    struct outcome {
        std::vector<bmm::csv_record> records;
        std::string error;
    };
    auto read = [](bmm::csv_reader& reader, const std::string& text, auto split) {
        outcome out;
        std::size_t at = 0;
        try {
            bmm::csv_record r;
            for (;;) {
                while (reader.next(r)) out.records.push_back(r);
                if (reader.done()) break;
                if (at >= text.size()) {
                    reader.finish();
                    continue;
                }
                const std::size_t n = split(text.size() - at);
                reader.feed(std::string_view(text).substr(at, n));
                at += n;
            }
        } catch (const bmm::csv_error& e) {
            out.error = e.reason() + " at " + std::to_string(e.line()) + ":" +
                        std::to_string(e.column()) + " [" + e.field() + "]";
        }
        return out;
    };
    auto same = [](const outcome& a, const outcome& b) {
        if (a.error != b.error || a.records.size() != b.records.size()) return false;
        for (std::size_t i = 0; i < a.records.size(); ++i) {
            const auto &x = a.records[i], &y = b.records[i];
            if (x.fields != y.fields || x.line != y.line ||
                x.positions.size() != y.positions.size()) {
                return false;
            }
            for (std::size_t k = 0; k < x.positions.size(); ++k) {
                if (x.positions[k].line != y.positions[k].line ||
                    x.positions[k].column != y.positions[k].column) {
                    return false;
                }
            }
        }
        return true;
    };
    std::mt19937 gen(7);
    std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
    std::uniform_int_distribution<int> length(1, 30);
    int mismatches = 0, errors = 0;
    for (int trial = 0; trial < 4'000; ++trial) {
        std::string text;
        for (int k = length(gen); k > 0; --k) text += pieces[piece(gen)];
        bmm::csv_reader whole(text);
        const outcome expected = read(whole, text, [](std::size_t) { return std::size_t{0}; });
        errors += !expected.error.empty();
        bmm::csv_reader bytes;
        const outcome one = read(bytes, text, [](std::size_t) { return std::size_t{1}; });
        bmm::csv_reader chunks;
        const outcome some = read(chunks, text, [&gen](std::size_t left) {
            return std::uniform_int_distribution<std::size_t>(1, left)(gen);
        });
        if (!same(expected, one) || !same(expected, some)) {
            ++mismatches;
            CAPTURE(text);
            CAPTURE(expected.error);
            CAPTURE(one.error);
            CHECK(false);
            if (mismatches > 3) break;
        }
    }
    CHECK(mismatches == 0);
    CHECK(errors > 500);  // malformed texts came up too
}

TEST_CASE("csv_quote_for_spreadsheet neutralises a formula with a leading quote, not a number") {
    // The OWASP rule: a cell starting with = + - @ TAB or CR is shown as text, not run.
    CHECK(bmm::csv_quote_for_spreadsheet("=HYPERLINK(\"http://x\",\"y\")") ==
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(bmm::csv_quote_for_spreadsheet("=1+1") == "'=1+1");
    CHECK(bmm::csv_quote_for_spreadsheet("+cmd") == "'+cmd");
    CHECK(bmm::csv_quote_for_spreadsheet("-2+3") == "'-2+3");
    CHECK(bmm::csv_quote_for_spreadsheet("@SUM(A1)") == "'@SUM(A1)");
    CHECK(bmm::csv_quote_for_spreadsheet("\t=1") == "'\t=1");
    CHECK(bmm::csv_quote_for_spreadsheet("\r=1") == "\"'\r=1\"");
    // Numbers stay numbers; other text is csv_quote'd as usual.
    CHECK(bmm::csv_quote_for_spreadsheet("-3.3") == "-3.3");
    CHECK(bmm::csv_quote_for_spreadsheet("+2.4") == "+2.4");
    CHECK(bmm::csv_quote_for_spreadsheet("-1,234.5") == "\"-1,234.5\"");
    CHECK(bmm::csv_quote_for_spreadsheet("Adult Services") == "Adult Services");
    CHECK(bmm::csv_quote_for_spreadsheet("Rates, Council Tax") == "\"Rates, Council Tax\"");
    CHECK(bmm::csv_quote_for_spreadsheet("") == "");
    // What it writes reads back as the neutralised text.
    const auto t = bmm::read_csv("name\n" + bmm::csv_quote_for_spreadsheet("=A1,B1") + "\n");
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].fields[0] == "'=A1,B1");
}

TEST_CASE("a field holding a NUL byte is written whole and reads back whole") {
    const std::string field("Bad,\0Name", 9);
    const std::string row = bmm::csv_row(std::vector<std::string>{field, "x"});
    CHECK(row.size() == 14);
    const auto t = bmm::read_csv("a,b\n" + row);
    REQUIRE(t.records.size() == 1);
    CHECK(t.records[0].fields[0] == field);
    try {
        (void)bmm::read_csv(std::string("a\nx\"\0y\n", 7));
        FAIL("no csv_error");
    } catch (const bmm::csv_error& e) {
        CHECK(std::string(e.what()) ==
              "bmm: cannot read \"x\"\\0y\" as CSV: a quote inside an unquoted field (line 2, "
              "column 2)");
    }
}
