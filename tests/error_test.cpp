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
        CHECK(std::string(bmm::to_string(bmm::errc::io)) == "input/output error");
        CHECK(bmm::io_error("x", "p", 28).code() == bmm::errc::io);
        CHECK(bmm::io_error("x", "p", 28).system_error() == 28);
    }

    TEST_CASE("a parse error at offset zero says so and an empty input is quoted too") {
        const bmm::parse_error e("", "a fiscal year", "the text is empty", 0);
        CHECK(std::string(e.what()) ==
              "bmm: cannot read \"\" as a fiscal year: the text is empty (at offset 0)");
        CHECK(e.position() == 0);
        CHECK(e.input().empty());
        const bmm::parse_error q("say \"hi\"", "a status", "no");
        CHECK(std::string(q.what()).find("\"say \"hi\"\"") != std::string::npos);
        CHECK(q.position() == bmm::error::no_position);
    }

    TEST_CASE("every error type keeps its input and its message starts bmm:") {
        const bmm::inexact_error a("\"0.005\" is finer than a penny", "0.005", 3);
        const bmm::overflow_error b("\"1e99\" is out of range", "1e99");
        const bmm::invalid_argument c("allocate: -2 parts", "-2");
        const bmm::undefined_error d("division by zero");
        CHECK(a.input() == "0.005");
        CHECK(a.position() == 3);
        CHECK(b.input() == "1e99");
        CHECK(c.input() == "-2");
        CHECK(d.input().empty());
        for (const bmm::error* e :
             {static_cast<const bmm::error*>(&a), static_cast<const bmm::error*>(&b),
              static_cast<const bmm::error*>(&c), static_cast<const bmm::error*>(&d)}) {
            CHECK(std::string(e->what()).rfind("bmm: ", 0) == 0);
        }
        CHECK(std::string(a.what()) == "bmm: \"0.005\" is finer than a penny (at offset 3)");
    }

    TEST_CASE(
        "a message quotes at most about 60 bytes of a long input, and input() keeps it whole") {
        // A 10 MB bad cell gives a short message, cut as csv_error cuts a field.
        const std::string cell(10'000'000, '7');
        const bmm::parse_error e(cell + "x", "a decimal number", "unexpected character");
        const std::string what = e.what();
        CHECK(what.size() < 200);
        CHECK(what == "bmm: cannot read \"" + std::string(60, '7') +
                          "...\" as a decimal number: unexpected character");
        CHECK(e.input().size() == cell.size() + 1);
        // Up to 63 bytes are quoted whole; a cut never splits a UTF-8 character.
        CHECK(bmm::detail::shown_input(std::string(63, 'a')) == std::string(63, 'a'));
        CHECK(bmm::detail::shown_input(std::string(59, 'a') + "\xC2\xA3" + std::string(9, 'b')) ==
              std::string(59, 'a') + "...");
    }

    TEST_CASE("a NUL byte in a message is shown as \\0 and never cuts what() short") {
        std::string input = "ab";
        input += '\0';
        input += "cd";
        const bmm::parse_error e(input, "a number", "a number was expected");
        CHECK(std::string(e.what()) ==
              "bmm: cannot read \"ab\\0cd\" as a number: a number was expected");
        CHECK(e.input() == input);
        std::string message = "a name with ";
        message += '\0';
        message += " inside";
        const bmm::invalid_argument f(message);
        CHECK(std::string(f.what()) == "bmm: a name with \\0 inside");
    }
}
