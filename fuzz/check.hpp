// Shared checks for bmm's fuzz targets: a broken property aborts (libFuzzer records the input as
// a crash), and every refusal must be a bmm::error of a type the parser documents whose message
// quotes the offending text.
//
//   auto m = bmm_fuzz::attempt<bmm::parse_error, bmm::overflow_error>(
//       text, [](std::string_view s) { return bmm::gbp::parse(s); });   // std::optional<gbp>
#pragma once

#include <bmm/error.hpp>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace bmm_fuzz {

/// Aborts, naming the property, when `ok` is false.
inline void require(bool ok, const char* property) {
    if (!ok) {
        std::fprintf(stderr, "bmm fuzz: property broken: %s\n", property);
        std::abort();
    }
}

/// Returns: true when what() quotes `text` as every message does (bmm::detail::quoted: cut to
/// about 60 bytes, a NUL byte shown as \0), whatever the text holds.
inline bool quotes(const bmm::error& e, std::string_view text) {
    return std::string(e.what()).find(bmm::detail::quoted(text)) != std::string::npos;
}

/// Requires: the error's message quotes `text` ("…\"<text>\"…") and input() is `text`.
inline void names(const bmm::error& e, std::string_view text) {
    require(quotes(e, text), "the error message quotes the input");
    require(e.input() == text, "the error's input() is the input");
}

template <class... Allowed>
bool is_one_of(const bmm::error& e) {
    return ((dynamic_cast<const Allowed*>(&e) != nullptr) || ...);
}

/// Returns: parse(text), or std::nullopt when it threw one of the Allowed error types naming
/// `text`. Any other exception escapes (and crashes the run: only bmm::error may be thrown).
template <class... Allowed, class F>
auto attempt(std::string_view text, F parse) -> std::optional<decltype(parse(text))> {
    try {
        return parse(text);
    } catch (const bmm::error& e) {
        require(is_one_of<Allowed...>(e), "the error is of a type the parser documents");
        names(e, text);
        return std::nullopt;
    }
}

/// Requires: a try_ form agrees with the throwing form (same value, or nullopt where it threw).
template <class T, class U>
void agree(const std::optional<T>& thrown, const std::optional<U>& tried) {
    require(thrown.has_value() == tried.has_value(),
            "try_parse is nullopt exactly where parse throws");
    if (thrown) require(*thrown == *tried, "try_parse returns what parse returns");
}

}  // namespace bmm_fuzz
