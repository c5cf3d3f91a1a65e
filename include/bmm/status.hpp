// bmm — status: a measure's rating for a period (Green / Amber / Red) or why it has none.
//
//   value                         to_string()            to_symbol()   also read from
//   rag::green                    "Green"                "★"           "G", "green", "On target"
//   rag::amber                    "Amber"                "●"           "A"
//   rag::red                      "Red"                  "▲"           "R"
//   data_status::monitoring_only  "Monitoring only"      "n/a"         "N/A", "no target"
//   data_status::not_reported     "Not reported"         "n/r"         "N/R"
//   data_status::data_unavailable "Data unavailable"     "?"           "data missing"
//   data_status::no_complaints    "No complaints received" "n/c"       "N/C"
//   data_status::not_updated      "Not updated"          "n/u"         "Not updated (Due in Q3)"
//
// Reading ignores case and surrounding space; anything else is a parse_error naming the text.
// A status compares equal only to the same rating or the same data status; ratings order by
// severity through bmm::worse() and severity() (Green < Amber < Red), never by operator<.
//
//   auto s = bmm::status::parse("▲");          // s.rating() == bmm::rag::red
//   bmm::to_string(bmm::status::parse("n/a")); // "Monitoring only"
//   bmm::worse(bmm::rag::amber, bmm::rag::red) // rag::red
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "detail/text.hpp"
#include "error.hpp"

namespace bmm {

/// A rating: Green meets or exceeds target, Amber misses by a narrow margin, Red misses by a
/// significant margin. The enumerators are ordered by severity.
enum class rag : std::uint8_t { green, amber, red };

/// Why a measure has no rating this period.
enum class data_status : std::uint8_t {
    monitoring_only,   ///< no target: reported for information ("n/a")
    not_reported,      ///< not due this period, e.g. a quarterly measure in a month ("n/r")
    data_unavailable,  ///< due but missing ("?")
    no_complaints,     ///< complaint measures when none were received
    not_updated,       ///< "Not updated (Due in Q3)"
};

/// Returns: 0 for Green, 1 for Amber, 2 for Red.
[[nodiscard]] constexpr int severity(rag r) noexcept { return static_cast<int>(r); }
/// Returns: the more severe of two ratings.
[[nodiscard]] constexpr rag worse(rag a, rag b) noexcept {
    return severity(a) >= severity(b) ? a : b;
}
/// Returns: the less severe of two ratings.
[[nodiscard]] constexpr rag better(rag a, rag b) noexcept {
    return severity(a) <= severity(b) ? a : b;
}

/// A rating or a data status: what one cell of a performance table says.
class status {
public:
    /// Implicit, as std::optional from its value: every rating and data status is a status.
    constexpr status(rag r) noexcept  // NOLINT(google-explicit-constructor)
        : code_(static_cast<std::uint8_t>(r)) {}
    constexpr status(data_status d) noexcept  // NOLINT(google-explicit-constructor)
        : code_(static_cast<std::uint8_t>(data_base + static_cast<unsigned>(d))) {}

    /// Returns: true for Green, Amber or Red; false for a data status.
    [[nodiscard]] constexpr bool is_rated() const noexcept { return code_ < data_base; }
    /// Returns: the rating, or std::nullopt for a data status.
    [[nodiscard]] constexpr std::optional<rag> rating() const noexcept {
        if (!is_rated()) return std::nullopt;
        return static_cast<rag>(code_);
    }
    /// Returns: the data status, or std::nullopt for a rating.
    [[nodiscard]] constexpr std::optional<data_status> data() const noexcept {
        if (is_rated()) return std::nullopt;
        return static_cast<data_status>(code_ - data_base);
    }
    /// Returns: true when this status is `r` (or `d`).
    [[nodiscard]] constexpr bool is(rag r) const noexcept {
        return code_ == static_cast<std::uint8_t>(r);
    }
    [[nodiscard]] constexpr bool is(data_status d) const noexcept { return *this == status(d); }
    /// Returns: 0 Green, 1 Amber, 2 Red, 3 for every data status (a table column index).
    [[nodiscard]] constexpr unsigned column() const noexcept {
        return code_ < data_base ? code_ : data_base;
    }

    /// Returns: true for the same rating or the same data status.
    friend constexpr bool operator==(status a, status b) noexcept { return a.code_ == b.code_; }
    friend constexpr bool operator!=(status a, status b) noexcept { return !(a == b); }

    /// Reads a symbol or a word from the table at the top of this header.
    /// Returns: the status.
    /// Throws: parse_error naming the text when it is none of them (e.g. "Purple", "", "G/A"),
    /// at the offset of its first non-space character.
    [[nodiscard]] static status parse(std::string_view text);
    /// Returns: parse(text), or std::nullopt where parse would throw.
    [[nodiscard]] static std::optional<status> try_parse(std::string_view text) noexcept;

private:
    static constexpr unsigned data_base = 3;
    std::uint8_t code_;  ///< 0..2 a rag, 3.. a data_status
};

/// Returns: "Green", "Amber" or "Red".
[[nodiscard]] constexpr std::string_view to_string(rag r) noexcept {
    constexpr std::string_view names[3]{"Green", "Amber", "Red"};
    return names[static_cast<std::size_t>(r)];
}
/// Returns: "★", "●" or "▲" (UTF-8), the symbols of the seed reports' key.
[[nodiscard]] constexpr std::string_view to_symbol(rag r) noexcept {
    constexpr std::string_view symbols[3]{"\xE2\x98\x85", "\xE2\x97\x8F", "\xE2\x96\xB2"};
    return symbols[static_cast<std::size_t>(r)];
}
/// Returns: the long name of a data status ("Monitoring only", ...).
[[nodiscard]] constexpr std::string_view to_string(data_status d) noexcept {
    constexpr std::string_view names[5]{"Monitoring only", "Not reported", "Data unavailable",
                                        "No complaints received", "Not updated"};
    return names[static_cast<std::size_t>(d)];
}
/// Returns: the short form of a data status ("n/a", "n/r", "?", "n/c", "n/u").
[[nodiscard]] constexpr std::string_view to_symbol(data_status d) noexcept {
    constexpr std::string_view symbols[5]{"n/a", "n/r", "?", "n/c", "n/u"};
    return symbols[static_cast<std::size_t>(d)];
}
/// Returns: the word of a status ("Amber", "Monitoring only").
[[nodiscard]] constexpr std::string_view to_string(status s) noexcept {
    return s.is_rated() ? to_string(*s.rating()) : to_string(*s.data());
}
/// Returns: the symbol of a status ("●", "n/a").
[[nodiscard]] constexpr std::string_view to_symbol(status s) noexcept {
    return s.is_rated() ? to_symbol(*s.rating()) : to_symbol(*s.data());
}

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
struct status_word {
    std::string_view text;
    status value;
};
// Compared case-insensitively after trimming; symbols are matched exactly.
inline constexpr status_word status_words[31]{
    {"\xE2\x98\x85", rag::green},
    {"\xE2\x97\x8F", rag::amber},
    {"\xE2\x96\xB2", rag::red},
    {"green", rag::green},
    {"g", rag::green},
    {"on target", rag::green},
    {"amber", rag::amber},
    {"a", rag::amber},
    {"red", rag::red},
    {"r", rag::red},
    {"n/a", data_status::monitoring_only},
    {"na", data_status::monitoring_only},
    {"monitoring only", data_status::monitoring_only},
    {"monitoring", data_status::monitoring_only},
    {"no target", data_status::monitoring_only},
    {"n/r", data_status::not_reported},
    {"nr", data_status::not_reported},
    {"not reported", data_status::not_reported},
    {"?", data_status::data_unavailable},
    {"data unavailable", data_status::data_unavailable},
    {"data missing", data_status::data_unavailable},
    {"missing", data_status::data_unavailable},
    {"n/c", data_status::no_complaints},
    {"no complaints", data_status::no_complaints},
    {"no complaints received", data_status::no_complaints},
    {"n/u", data_status::not_updated},
    {"not updated", data_status::not_updated},
    {"monitoring only/data unavailable", data_status::monitoring_only},
    {"-", data_status::monitoring_only},
    {"\xE2\x80\x93", data_status::monitoring_only},  // en dash, as printed for "no target"
    {"not due", data_status::not_reported},
};
}  // namespace detail

inline std::optional<status> status::try_parse(std::string_view text) noexcept {
    const std::string_view t = detail::trim(text);
    for (const auto& w : detail::status_words) {
        if (detail::iequals(t, w.text)) return w.value;
    }
    // "Not updated (Due in Q3)": the reason in brackets is kept by the caller if wanted.
    if (detail::istarts_with(t, "not updated (") && t.back() == ')') {
        return status(data_status::not_updated);
    }
    return std::nullopt;
}

inline status status::parse(std::string_view text) {
    if (auto s = try_parse(text)) return *s;
    std::size_t lead = 0;  // the offset of the word that is not a status
    (void)detail::trim(text, &lead);
    throw parse_error(text, "a status",
                      "expected Green/Amber/Red, \xE2\x98\x85/\xE2\x97\x8F/\xE2\x96\xB2, n/a, "
                      "n/r, ?, n/c or Not updated",
                      lead);
}

}  // namespace bmm
