// bmm — audit/comparison: how the two sides of a written check compare. One vocabulary for the
// checks of a table declaration (audit/table_declaration.hpp) and of a report (report/check.hpp),
// so that a program may include both.
//
//   comparison      spelt   holds when
//   equal           ==      the sides are equal (a report's check may write "=")
//   not_equal       !=      they differ
//   less            <       left < right
//   less_equal      <=      left <= right
//   greater         >       left > right
//   greater_equal   >=      left >= right
//   about           ~       a round figure in words ("the remaining 1400") stands for the values
//                           that round to it at its last non-zero digit (report checks only)
//
//   bmm::parse_comparison("<=") == bmm::comparison::less_equal;
//   bmm::to_string(bmm::comparison::equal) == "==";
//   bmm::try_parse_comparison("=<");   // std::nullopt
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "../detail/text.hpp"
#include "../error.hpp"

namespace bmm {

/// How two sides of a check compare (see the header comment).
enum class comparison : std::uint8_t {
    equal,
    not_equal,
    less,
    less_equal,
    greater,
    greater_equal,
    about
};

/// Returns: "==", "!=", "<", "<=", ">", ">=", "~".
[[nodiscard]] constexpr std::string_view to_string(comparison c) noexcept {
    constexpr std::string_view names[] = {"==", "!=", "<", "<=", ">", ">=", "~"};
    return names[static_cast<std::size_t>(c)];
}

/// Returns: the comparison `text` spells (as to_string spells it, blanks around it ignored), or
/// std::nullopt.
[[nodiscard]] constexpr std::optional<comparison> try_parse_comparison(
    std::string_view text) noexcept {
    text = detail::trim(text);
    for (std::uint8_t i = 0; i <= static_cast<std::uint8_t>(comparison::about); ++i) {
        if (text == to_string(static_cast<comparison>(i))) return static_cast<comparison>(i);
    }
    return std::nullopt;
}

/// Returns: the comparison `text` spells. Throws: parse_error naming the text otherwise.
[[nodiscard]] inline comparison parse_comparison(std::string_view text) {
    if (auto c = try_parse_comparison(text)) return *c;
    throw parse_error(text, "a comparison", "expected ==, !=, <, <=, >, >= or ~");
}

}  // namespace bmm
