// Spec for bmm/risk.hpp: 5 × 5 risk scores, rating bands, direction of travel.
#include <doctest/doctest.h>

#include <bmm/risk.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "support/spec.hpp"

TEST_CASE("a score is likelihood times impact, each 1 to 5") {
    CHECK(bmm::risk_score(4, 4).score() == 16);
    CHECK(bmm::risk_score(5, 5).score() == 25);
    CHECK_THROWS_AS(bmm::risk_score(0, 3), bmm::invalid_argument);
    CHECK_THROWS_AS(bmm::risk_score(3, 6), bmm::invalid_argument);
}

TEST_CASE("a printed score must be possible on a 5 x 5 scale") {
    CHECK(bmm::risk_score::from_score(12).score() == 12);
    CHECK(bmm::risk_score::from_score(12).likelihood() == 0);  // unknown factors
    for (unsigned impossible : {7u, 11u, 13u, 14u, 17u, 18u, 19u, 21u, 22u, 23u, 24u}) {
        CAPTURE(impossible);
        CHECK_FALSE(bmm::is_possible_score(impossible));
        try {
            (void)bmm::risk_score::from_score(impossible);
            FAIL("no error");
        } catch (const bmm::invalid_argument& e) {
            CHECK(e.input() == std::to_string(impossible));
        }
    }
    CHECK_THROWS_AS((void)bmm::risk_score::from_score(0), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bmm::risk_score::from_score(26), bmm::invalid_argument);
}

TEST_CASE("default bands: high from 16, medium 10 to 15, low 1 to 9, and they are configurable") {
    const bmm::risk_bands bands;
    CHECK(bands.level(16) == bmm::risk_level::high);
    CHECK(bands.level(15) == bmm::risk_level::medium);
    CHECK(bands.level(10) == bmm::risk_level::medium);
    CHECK(bands.level(9) == bmm::risk_level::low);
    CHECK(bmm::to_rag(bmm::risk_level::high) == bmm::rag::red);
    const bmm::risk_bands strict(8, 15);
    CHECK(strict.level(15) == bmm::risk_level::high);
    CHECK_THROWS_AS(bmm::risk_bands(15, 10), bmm::invalid_argument);
    CHECK_THROWS_AS((void)bands.level(0), bmm::invalid_argument);
}

TEST_CASE("direction of travel from the previous score, and the printed arrows read back") {
    CHECK(bmm::travel(12, 16) == bmm::risk_travel::increased);
    CHECK(bmm::travel(15, 15) == bmm::risk_travel::maintained);
    CHECK(bmm::travel(12, 9) == bmm::risk_travel::decreased);
    CHECK(bmm::parse_risk_travel("\xE2\xAC\x87\xEF\xB8\x8F") == bmm::risk_travel::decreased);
    CHECK(bmm::parse_risk_travel("\xE2\x86\x94") == bmm::risk_travel::maintained);
    CHECK(bmm::parse_risk_travel(" Increased ") == bmm::risk_travel::increased);
    for (auto t :
         {bmm::risk_travel::increased, bmm::risk_travel::maintained, bmm::risk_travel::decreased}) {
        CHECK(bmm::parse_risk_travel(bmm::to_symbol(t)) == t);
        CHECK(bmm::parse_risk_travel(bmm::to_string(t)) == t);
    }
    for (const char* bad : {"", "sideways", "\xE2\x86\x97"}) {
        CAPTURE(bad);
        try {
            (void)bmm::parse_risk_travel(bad);
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == bad);
        }
    }
}

TEST_CASE("a direction of travel that is not one says where its word starts") {
    struct bad {
        std::string text;
        std::size_t position;
    };
    for (const bad& c : {bad{"sideways", 0}, bad{"  sideways ", 2}, bad{"\tup down", 1},
                         bad{" \xE2\x86\x97\xEF\xB8\x8F", 1}, bad{"", 0}, bad{"   ", 3}}) {
        CAPTURE(c.text);
        try {
            (void)bmm::parse_risk_travel(c.text);
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == c.text);
            CHECK(e.position() == c.position);
            CHECK(std::string(e.what()).find("(at offset " + std::to_string(c.position) + ")") !=
                  std::string::npos);
        }
    }
}
