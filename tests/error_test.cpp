// Spec: bmm/error.hpp — one exception hierarchy with the offending input and its position.
#include <doctest/doctest.h>

#include <bmm/error.hpp>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "support/spec.hpp"

static_assert(std::is_base_of_v<std::runtime_error, bmm::error>);
static_assert(std::is_base_of_v<bmm::error, bmm::parse_error>);
static_assert(std::is_base_of_v<bmm::error, bmm::inexact_error>);
static_assert(std::is_base_of_v<bmm::error, bmm::overflow_error>);
static_assert(std::is_base_of_v<bmm::error, bmm::undefined_error>);
static_assert(std::is_base_of_v<bmm::error, bmm::invalid_argument>);
static_assert(!std::is_base_of_v<std::overflow_error, bmm::overflow_error>,
              "catch (const bmm::error&) catches everything bmm throws, and nothing else");

TEST_SUITE("error") {
    TEST_CASE("a parse error quotes the input and says why and where") {
        const bmm::parse_error e("2023/25", "a fiscal year", "the second year must follow", 5);
        CHECK(std::string(e.what()) ==
              "bmm: cannot read \"2023/25\" as a fiscal year: the second year must follow (at "
              "offset 5)");
        CHECK(e.input() == "2023/25");
        CHECK(e.position() == 5);
        CHECK(e.code() == bmm::errc::parse);
    }

    TEST_CASE("errors without a position or input say so") {
        const bmm::overflow_error e("adding GBP amounts overflows");
        CHECK(std::string(e.what()) == "bmm: adding GBP amounts overflows");
        CHECK(e.input().empty());
        CHECK(e.position() == bmm::error::no_position);
        CHECK(e.code() == bmm::errc::overflow);
        CHECK(bmm::undefined_error("x").code() == bmm::errc::undefined);
        CHECK(bmm::invalid_argument("x").code() == bmm::errc::invalid_argument);
        CHECK(bmm::inexact_error("x").code() == bmm::errc::inexact);
    }

    TEST_CASE("every error can be caught as bmm::error and as std::runtime_error") {
        CHECK_THROWS_AS(throw bmm::inexact_error("too fine", "0.005"), bmm::error);
        CHECK_THROWS_AS(throw bmm::undefined_error("zero"), std::runtime_error);
    }

    TEST_CASE("every error code has a name") {
        CHECK(std::string(bmm::to_string(bmm::errc::parse)) == "parse error");
        CHECK(std::string(bmm::to_string(bmm::errc::overflow)) == "overflow");
        CHECK(std::string(bmm::to_string(bmm::errc::undefined)) == "undefined result");
        CHECK(std::string(bmm::to_string(bmm::errc::inexact)) == "inexact value");
        CHECK(std::string(bmm::to_string(bmm::errc::invalid_argument)) == "invalid argument");
    }
}
