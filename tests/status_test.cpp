// Spec for bmm/status.hpp: Green / Amber / Red and the data statuses, read from and written to
// the symbols and words reports print (seed 003's key: ★ ● ▲, n/a, ?; seed 002's n/r).
#include <doctest/doctest.h>

#include <bmm/status.hpp>
#include <string>

#include "support/spec.hpp"

namespace {
const char* const star = "\xE2\x98\x85";
const char* const dot = "\xE2\x97\x8F";
const char* const triangle = "\xE2\x96\xB2";
}  // namespace

TEST_CASE("the report symbols read as Green, Amber and Red") {
    CHECK(bmm::status::parse(star) == bmm::rag::green);
    CHECK(bmm::status::parse(dot) == bmm::rag::amber);
    CHECK(bmm::status::parse(triangle) == bmm::rag::red);
    CHECK(bmm::status::parse(" \xE2\x96\xB2 ").rating() == bmm::rag::red);
}

TEST_CASE("words and letters read in any case") {
    CHECK(bmm::status::parse("Green") == bmm::rag::green);
    CHECK(bmm::status::parse("AMBER") == bmm::rag::amber);
    CHECK(bmm::status::parse("r") == bmm::rag::red);
    CHECK(bmm::status::parse("On target") == bmm::rag::green);
    CHECK(bmm::status::parse("N/A") == bmm::data_status::monitoring_only);
    CHECK(bmm::status::parse("n/r") == bmm::data_status::not_reported);
    CHECK(bmm::status::parse("?") == bmm::data_status::data_unavailable);
    CHECK(bmm::status::parse("No complaints received") == bmm::data_status::no_complaints);
    CHECK(bmm::status::parse("Not updated (Due in Q3)") == bmm::data_status::not_updated);
    CHECK(bmm::status::parse("Monitoring only/Data Unavailable") ==
          bmm::data_status::monitoring_only);
}

TEST_CASE("every status prints as a word and a symbol that read back to it") {
    for (auto r : {bmm::rag::green, bmm::rag::amber, bmm::rag::red}) {
        CHECK(bmm::status::parse(bmm::to_string(r)) == r);
        CHECK(bmm::status::parse(bmm::to_symbol(r)) == r);
    }
    for (auto d : {bmm::data_status::monitoring_only, bmm::data_status::not_reported,
                   bmm::data_status::data_unavailable, bmm::data_status::no_complaints,
                   bmm::data_status::not_updated}) {
        CHECK(bmm::status::parse(bmm::to_string(d)) == d);
        CHECK(bmm::status::parse(bmm::to_symbol(d)) == d);
    }
    CHECK(bmm::to_string(bmm::status(bmm::rag::amber)) == "Amber");
    CHECK(bmm::to_symbol(bmm::status(bmm::rag::red)) == triangle);
    CHECK(bmm::to_symbol(bmm::status(bmm::data_status::monitoring_only)) == "n/a");
}

TEST_CASE("a status equals only the same rating or the same data status") {
    const bmm::status g = bmm::rag::green, n = bmm::data_status::monitoring_only;
    CHECK(g == bmm::status(bmm::rag::green));
    CHECK(g != bmm::status(bmm::rag::amber));
    CHECK(g != n);
    CHECK(n != bmm::status(bmm::data_status::not_reported));
    CHECK(g.is_rated());
    CHECK_FALSE(n.is_rated());
    CHECK(g.rating() == bmm::rag::green);
    CHECK_FALSE(g.data().has_value());
    CHECK(n.data() == bmm::data_status::monitoring_only);
    CHECK_FALSE(n.rating().has_value());
    CHECK(g.is(bmm::rag::green));
    CHECK_FALSE(g.is(bmm::data_status::monitoring_only));
    CHECK(g.column() == 0);
    CHECK(n.column() == 3);
    static_assert(!bmm_test::can_order<bmm::status, bmm::status>);
}

TEST_CASE("severity orders ratings: worse and better") {
    CHECK(bmm::severity(bmm::rag::green) < bmm::severity(bmm::rag::amber));
    CHECK(bmm::worse(bmm::rag::amber, bmm::rag::red) == bmm::rag::red);
    CHECK(bmm::worse(bmm::rag::green, bmm::rag::amber) == bmm::rag::amber);
    CHECK(bmm::better(bmm::rag::amber, bmm::rag::red) == bmm::rag::amber);
    static_assert(bmm::worse(bmm::rag::red, bmm::rag::green) == bmm::rag::red);
}

TEST_CASE("unknown status text is a parse_error naming it, and try_parse says nothing") {
    for (const char* bad : {"Purple", "", "  ", "G/A", "\xE2\x97\x8B", "n/a/r"}) {
        CAPTURE(bad);
        CHECK_FALSE(bmm::status::try_parse(bad).has_value());
        try {
            (void)bmm::status::parse(bad);
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == bad);
            CHECK(std::string(e.what()).find("as a status") != std::string::npos);
            CHECK(std::string(e.what()).find('"' + std::string(bad) + '"') != std::string::npos);
            CHECK(e.code() == bmm::errc::parse);
        }
    }
    try {
        (void)bmm::status::parse("  Purple");
        FAIL("no error");
    } catch (const bmm::parse_error& e) {
        CHECK(e.position() == 2);  // where the word starts
    }
}
