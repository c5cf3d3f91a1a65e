// Spec for bmm/io/published_table.hpp: reading a published budget table from CSV text (the
// bmm-audit contract), whole or in chunks, with every bad cell a located parse_error.
#include <doctest/doctest.h>

#include <bmm/io/published_table.hpp>
//
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
}  // namespace

TEST_CASE("read_published_table reads the bmm-audit CSV contract") {
    const auto csv = bmm::read_csv(
        "line,level,budget,forecast,variance,variance_pct,previous_variance,change\n"
        "Resources,0,69.7,71.3,1.6,2.3%,1.2,0.4\n"
        "\"Budgets Held Centrally, heading\",,,,,,,\n"
        "Interest on Balances,0,(16.7),(17.2),-0.5,3.0,,\n"
        "Total,1,\"1,053.0\",71.3,1.6,2.3,,\n");
    const auto rows = bmm::read_published_table(csv);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].variance_pct == d("2.3"));
    CHECK(rows[0].change == d("0.4"));
    CHECK(rows[0].source_line == 2);
    CHECK(rows[1].is_heading());
    CHECK(rows[1].name == "Budgets Held Centrally, heading");
    CHECK(rows[2].budget == d("-16.7"));
    CHECK_FALSE(rows[2].previous_variance.has_value());
    CHECK(rows[3].level == 1);
    CHECK(rows[3].budget == d("1053.0"));
}

TEST_CASE(
    "an unknown, misspelled or repeated column is a csv_error at its line and column, never "
    "ignored") {
    const std::string figures = "\nA,0,1.0,1.0,0.0,0.0,1\n";
    struct bad_header {
        std::string header, field, why;
        std::size_t column;
    };
    const std::vector<bad_header> cases{
        {"line,level,budget,forecast,variance,variance_pct,previous variance", "previous variance",
         "unknown column", 50},
        {"line,level,budget,forcast,variance,variance_pct,forecast", "forcast", "unknown column",
         19},
        {"line,level,budget,forecast,variance,variance_pct,Budget", "Budget",
         "the column budget is repeated (it is also field 3 of the header)", 50},
        {"line,level,budget,forecast,variance,variance_pct, ", " ", "unknown column", 50},
    };
    for (const bad_header& c : cases) {
        const std::string text = c.header + figures;
        CAPTURE(text);
        auto check = [&](auto read) {
            try {
                read();
                FAIL("no csv_error");
            } catch (const bmm::csv_error& e) {
                CHECK(e.line() == 1);
                CHECK(e.column() == c.column);
                CHECK(e.field() == c.field);
                CHECK(std::string(e.what()).find("as a bmm-audit column: " + c.why) !=
                      std::string::npos);
            }
        };
        check([&] { (void)bmm::read_published_table(bmm::read_csv(text)); });
        check([&] { (void)bmm::read_published_table(std::string_view(text)); });
        check([&] {
            std::vector<bmm::published_row> rows;
            bmm::published_table_reader reader;
            for (char ch : text) reader.feed(std::string_view(&ch, 1));
            reader.finish();
            for (bmm::published_row r; reader.next(r);) rows.push_back(r);
        });
    }
    // Any case and surrounding space still name a column of the contract.
    CHECK(bmm::read_published_table(
              std::string_view(" Line ,LEVEL,budget,forecast,variance,variance_pct\n"
                               "A,0,1.0,1.0,0.0,0.0\n"))
              .size() == 1);
}

TEST_CASE("malformed audit CSV is a parse_error naming the line and column") {
    auto message_of = [](const char* text) -> std::string {
        try {
            (void)bmm::read_published_table(bmm::read_csv(text));
        } catch (const bmm::parse_error& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(message_of("line,level,budget,forecast,variance\nA,0,1,1,0\n").find("variance_pct") !=
          std::string::npos);
    const std::string cell =
        message_of("line,level,budget,forecast,variance,variance_pct\nA,0,1.0,abc,0,0\n");
    CHECK(cell.find("\"abc\"") != std::string::npos);
    CHECK(cell.find("line 2, column forecast") != std::string::npos);
    CHECK(message_of("line,level,budget,forecast,variance,variance_pct\nA,x,1,1,0,0\n")
              .find("\"x\" as a level") != std::string::npos);
    CHECK(message_of("line,level,budget,forecast,variance,variance_pct\nA,0,1,1\n")
              .find("line 2: 4 cells") != std::string::npos);
    CHECK(message_of("line,level,budget,forecast,variance,variance_pct\nA,0,1,1,0,(-1)\n")
              .find("line 2") != std::string::npos);
}

TEST_CASE("a long level is a parse error, not an overflow (found by fuzzing)") {
    CHECK_THROWS_AS(
        (void)bmm::read_published_table(bmm::read_csv(
            "line,level,budget,forecast,variance,variance_pct\nA,-533333328,1,1,0,0\n")),
        bmm::parse_error);
    CHECK_THROWS_AS(
        (void)bmm::read_published_table(bmm::read_csv(
            "line,level,budget,forecast,variance,variance_pct\nA,99999999999,1,1,0,0\n")),
        bmm::parse_error);
}

namespace {
/// The rows of `text` read by published_table_reader fed `chunk` bytes at a time, or the
/// parse_error's message.
std::string read_in_chunks(const std::string& text, std::size_t chunk,
                           std::vector<bmm::published_row>& rows) {
    try {
        bmm::published_table_reader reader;
        bmm::published_row r;
        std::size_t at = 0;
        for (;;) {
            while (reader.next(r)) rows.push_back(r);
            if (reader.done()) return "";
            if (at >= text.size()) {
                reader.finish();
                continue;
            }
            reader.feed(std::string_view(text).substr(at, chunk));
            at += chunk;
        }
    } catch (const bmm::parse_error& e) {
        return e.what();
    }
}
}  // namespace

TEST_CASE(
    "a table read record by record from its CSV text, whole or in chunks, is the table read_csv "
    "gives, errors included") {
    const std::string good =
        "line,level,budget,forecast,variance,variance_pct,previous_variance,change\n"
        "Resources,0,69.7,71.3,1.6,2.3%,1.2,0.4\n"
        "\"Budgets Held Centrally, heading\",,,,,,,\n"
        "\n"
        "Interest on Balances,0,(16.7),(17.2),-0.5,3.0,,\r\n"
        "Total,1,\"1,053.0\",71.3,1.6,2.3,,\n";
    const std::string header = "line,level,budget,forecast,variance,variance_pct\n";
    const std::vector<std::string> texts{
        good,
        header,
        "",
        "line,level,budget,forecast,variance\nA,0,1,1,0\n",
        header + "A,0,1.0,abc,0,0\n",
        header + "A,x,1,1,0,0\n",
        header + "A,0,1,1\n",
        header + "A,0,1,1,0,(-1)\n",
        header + "A,0,1,1,0,0\n\"B,0,1,1,0,0\n",
    };
    for (const std::string& text : texts) {
        CAPTURE(text);
        std::string expected_error;
        std::vector<bmm::published_row> expected;
        try {
            expected = bmm::read_published_table(bmm::read_csv(text));
        } catch (const bmm::parse_error& e) {
            expected_error = e.what();
        }
        std::string whole_error;
        std::vector<bmm::published_row> whole;
        try {
            whole = bmm::read_published_table(std::string_view(text));
        } catch (const bmm::parse_error& e) {
            whole_error = e.what();
        }
        CHECK(whole_error == expected_error);
        for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
            std::vector<bmm::published_row> rows;
            CHECK(read_in_chunks(text, chunk, rows) == expected_error);
            if (!expected_error.empty()) continue;
            REQUIRE(rows.size() == expected.size());
            for (std::size_t i = 0; i < rows.size(); ++i) CHECK(rows[i] == expected[i]);
        }
        if (!expected_error.empty()) continue;
        REQUIRE(whole.size() == expected.size());
        for (std::size_t i = 0; i < whole.size(); ++i) CHECK(whole[i] == expected[i]);
    }
    CHECK(bmm::read_published_table(std::string_view(good)).size() == 4);
    CHECK(bmm::read_published_table(std::string_view(good)).capacity() == 4);  // reserved once
}
