// bmm — detail: small ASCII text helpers shared by every parser (no allocation, constexpr).
#pragma once

#include <cstddef>
#include <string_view>

namespace bmm::detail {

[[nodiscard]] constexpr bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_alpha(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
[[nodiscard]] constexpr char to_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Text with surrounding white space removed; `offset` receives the number of leading spaces.
[[nodiscard]] constexpr std::string_view trim(std::string_view s,
                                              std::size_t* offset = nullptr) noexcept {
    std::size_t b = 0;
    while (b < s.size() && is_space(s[b])) ++b;
    std::size_t e = s.size();
    while (e > b && is_space(s[e - 1])) --e;
    if (offset != nullptr) *offset = b;
    return s.substr(b, e - b);
}

/// ASCII case-insensitive equality (bytes outside ASCII compare exactly).
[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    }
    return true;
}
[[nodiscard]] constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
[[nodiscard]] constexpr bool iends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

}  // namespace bmm::detail
