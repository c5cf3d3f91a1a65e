// Test support for tests/parsers_test.cpp and tests/parsers_report.cpp: a parser and its try_
// twin read the same good text and refuse the same bad text.
//
//   bmm_test::twins<bmm::parse_error>(parse, try_parse, "2023/24", "2023/25");
#pragma once

#include <doctest/doctest.h>

#include <bmm/error.hpp>
#include <string>

namespace bmm_test {

/// parse(good) and try_parse(good) read the same value (same(a, b)); parse(bad) throws E and
/// try_parse(bad) is std::nullopt.
template <class E, class Parse, class Try, class Same>
void twins(Parse parse, Try try_parse, const std::string& good, const std::string& bad, Same same) {
    CAPTURE(good);
    CAPTURE(bad);
    const auto value = parse(good);
    const auto twin = try_parse(good);
    REQUIRE(twin.has_value());
    CHECK(same(value, *twin));
    CHECK_THROWS_AS((void)parse(bad), E);
    CHECK_FALSE(try_parse(bad).has_value());
}

template <class E, class Parse, class Try>
void twins(Parse parse, Try try_parse, const std::string& good, const std::string& bad) {
    twins<E>(parse, try_parse, good, bad, [](const auto& a, const auto& b) { return a == b; });
}

/// An enumeration's parser and twin: each reads to_string(e) as e and refuses `bad`.
template <class Enum, class Parse, class Try>
void enum_twins(Parse parse, Try try_parse, Enum e, const std::string& bad) {
    twins<bmm::parse_error>(parse, try_parse, std::string(to_string(e)), bad);
    CHECK(parse(std::string(to_string(e))) == e);
}

}  // namespace bmm_test
