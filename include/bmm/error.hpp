// bmm — error: the one exception hierarchy every bmm function throws from.
//
//   bmm::error                   base; code(), input(), position(), what()
//   ├── bmm::parse_error         text that is not what it should be ("2023/25", "£493,032,40")
//   ├── bmm::inexact_error       text or a result finer than the type holds (0.005 as money)
//   ├── bmm::overflow_error      a result outside the type's range; never wrap-around
//   ├── bmm::undefined_error     a division by zero, for callers that chose the throwing form
//   ├── bmm::invalid_argument    a value that has no meaning for the call (negative weights)
//   └── bmm::io_error            a file that cannot be read or written, with the system's reason
//
//   try { auto fy = bmm::fiscal_year<>::parse("2023/25"); }
//   catch (const bmm::parse_error& e) {
//       // e.what():     bmm: cannot read "2023/25" as a fiscal year: ... (at offset 5)
//       // e.input():    "2023/25"      e.position(): 5      e.code(): bmm::errc::parse
//   }
//
// Every message starts "bmm: ", names the offending input in double quotes when there is one
// (a long input cut to about 60 bytes, a NUL byte shown as \0: what() is never cut short), and
// says why. Functions that can fail also say so in their `Throws:` line; hot paths have
// a `try_…` twin returning std::optional instead.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bmm {

namespace detail {
/// The most bytes of an input a message quotes: a longer one is cut to its first 60 bytes (at a
/// character boundary) and "...", as csv_error cuts a field.
inline constexpr std::size_t quoted_input_max = 63;
/// Returns: `input` as messages show it: cut as above, and each NUL byte written \0, so that
/// what() (a C string) holds the whole message.
[[nodiscard]] inline std::string shown_input(std::string_view input) {
    std::size_t n = input.size();
    const bool cut = n > quoted_input_max;
    if (cut) {
        n = 60;
        while (n > 0 && (static_cast<unsigned char>(input[n]) & 0xC0u) == 0x80u) --n;
    }
    std::string out;
    out.reserve(n + 3);
    for (std::size_t i = 0; i < n; ++i) {
        if (input[i] == '\0') {
            out += "\\0";
        } else {
            out += input[i];
        }
    }
    if (cut) out += "...";
    return out;
}
/// Returns: shown_input(input) in double quotes, as every message quotes its input.
[[nodiscard]] inline std::string quoted(std::string_view input) {
    return '"' + shown_input(input) + '"';
}
}  // namespace detail

/// What kind of failure an error is; also the discriminator for callers that prefer codes.
enum class errc {
    parse = 1,         ///< malformed text
    inexact,           ///< more precision than the target type can hold exactly
    overflow,          ///< a result out of the representable range
    undefined,         ///< division by zero: the result is not a number
    invalid_argument,  ///< an argument with no meaning for the operation
    io,                ///< a file or stream that cannot be read or written
};

/// Returns: a short English name for `c` ("parse error", "overflow", ...).
[[nodiscard]] constexpr const char* to_string(errc c) noexcept {
    switch (c) {
        case errc::parse:
            return "parse error";
        case errc::inexact:
            return "inexact value";
        case errc::overflow:
            return "overflow";
        case errc::undefined:
            return "undefined result";
        case errc::invalid_argument:
            return "invalid argument";
        case errc::io:
            return "input/output error";
    }
    return "unknown error";
}

/// The base of every exception bmm throws.
class error : public std::runtime_error {
public:
    /// position() when the error has no offset.
    static constexpr std::size_t no_position = static_cast<std::size_t>(-1);

    /// `message` is the reason; `input` the offending text (may be empty); `position` the
    /// offset in `input` where reading failed, or no_position. what() is "bmm: " + message,
    /// then " (at offset N)" when there is a position.
    /// Throws: std::bad_alloc.
    error(errc code, const std::string& message, std::string_view input = {},
          std::size_t position = no_position)
        : std::runtime_error(compose(message, position)),
          code_(code),
          input_(input),
          position_(position) {}

    /// Returns: what kind of failure this is.
    [[nodiscard]] errc code() const noexcept { return code_; }
    /// Returns: the offending input text, or "" when the error is not about text.
    [[nodiscard]] const std::string& input() const noexcept { return input_; }
    /// Returns: the offset in input() where reading failed, or error::no_position.
    [[nodiscard]] std::size_t position() const noexcept { return position_; }

private:
    static std::string compose(const std::string& message, std::size_t position) {
        std::string s = "bmm: ";
        for (char c : message) {  // a NUL byte would end what() there
            if (c == '\0') {
                s += "\\0";
            } else {
                s += c;
            }
        }
        if (position != no_position) {
            s += " (at offset ";
            s += std::to_string(position);
            s += ')';
        }
        return s;
    }

    errc code_;
    std::string input_;
    std::size_t position_;
};

/// Malformed text: what() reads `bmm: cannot read "<input>" as <what>: <why> (at offset N)`.
/// Every bmm parser throws it naming the whole text it was given, so what() contains the input
/// (as detail::shown_input shows it: at most about 60 bytes, NUL bytes as \0); input() is whole.
class parse_error : public error {
public:
    /// Throws: std::bad_alloc.
    parse_error(std::string_view input, std::string_view what, std::string_view why,
                std::size_t position = no_position)
        : error(errc::parse,
                "cannot read " + detail::quoted(input) + " as " + std::string(what) + ": " +
                    std::string(why),
                input, position) {}
};

/// A value finer than the type holds (e.g. "0.005" as pounds and pence).
class inexact_error : public error {
public:
    /// `message` should quote `input` when there is one. Throws: std::bad_alloc.
    explicit inexact_error(const std::string& message, std::string_view input = {},
                           std::size_t position = no_position)
        : error(errc::inexact, message, input, position) {}
};

/// A result outside the representable range. bmm never wraps around.
class overflow_error : public error {
public:
    /// `message` should quote `input` when there is one. Throws: std::bad_alloc.
    explicit overflow_error(const std::string& message, std::string_view input = {})
        : error(errc::overflow, message, input) {}
};

/// A division by zero, in the throwing forms of operations whose result would be undefined.
class undefined_error : public error {
public:
    /// Throws: std::bad_alloc.
    explicit undefined_error(const std::string& message) : error(errc::undefined, message) {}
};

/// An argument with no meaning for the operation (e.g. all allocation weights zero).
class invalid_argument : public error {
public:
    /// `input` is the offending value as text, when there is one. Throws:
    /// std::bad_alloc.
    explicit invalid_argument(const std::string& message, std::string_view input = {})
        : error(errc::invalid_argument, message, input) {}
};

/// A file or stream that cannot be read or written (bmm/io/output.hpp): what() names the path and
/// the system's reason ("bmm: cannot write standard output: No space left on device").
class io_error : public error {
public:
    /// `path` is the file's path or the stream's name; `system_error` the errno value, or 0.
    /// Throws: std::bad_alloc.
    explicit io_error(const std::string& message, std::string_view path = {}, int system_error = 0)
        : error(errc::io, message, path), system_error_(system_error) {}
    /// Returns: the errno value of the failure, or 0 when it has none.
    [[nodiscard]] int system_error() const noexcept { return system_error_; }

private:
    int system_error_;
};

namespace detail {
/// Throws: invalid_argument "<what> must be <lo> to <hi>, not <value>": a broken precondition on
/// an argument, checked in every build mode (with or without NDEBUG) because breaking it would
/// otherwise be undefined behaviour.
[[noreturn]] inline void out_of_range(const char* what, long long value, long long lo,
                                      long long hi) {
    throw invalid_argument(std::string(what) + " must be " + std::to_string(lo) + " to " +
                               std::to_string(hi) + ", not " + std::to_string(value),
                           std::to_string(value));
}
}  // namespace detail

}  // namespace bmm
