// bmm — report/info: what a report is — its council, its month, its fiscal calendar, how its
// figures were rounded.
//
//   key                  value                                 e.g.
//   council              the council's name                    Oxfordshire County Council
//   title                the report's title                    Business Management and ...
//   month                the month the report is as at         May 2023
//   fiscal_year_start    the month its fiscal years start in   April
//   rounding             how its figures were rounded          half_up
//   source               where the figures come from           Cabinet 18 July 2023
//
// Each is optional; what is absent is said so by the audit (a check that needs the month is
// undecided without it), never guessed. The entries are kept in order, as read, so that writing
// them back gives the same text.
//
//   bmm::report_info info;
//   info.set("month", "May 2023");          // parses: info.month == May 2023
//   info.set("rounding", "half_up");
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../audit/finding.hpp"
#include "../detail/text.hpp"
#include "../error.hpp"
#include "../rounding.hpp"
#include "calendar.hpp"

namespace bmm {

/// Returns: the mode to_string(rounding_mode) names, or std::nullopt.
[[nodiscard]] constexpr std::optional<rounding_mode> try_parse_rounding_mode(
    std::string_view text) noexcept {
    text = detail::trim(text);
    for (rounding_mode m :
         {rounding_mode::half_up, rounding_mode::half_down, rounding_mode::half_even,
          rounding_mode::toward_zero, rounding_mode::away_from_zero, rounding_mode::floor,
          rounding_mode::ceiling}) {
        if (detail::iequals(text, to_string(m))) return m;
    }
    return std::nullopt;
}
/// Returns: the mode `text` names. Throws: parse_error naming the text when it names none.
[[nodiscard]] inline rounding_mode parse_rounding_mode(std::string_view text) {
    if (auto m = try_parse_rounding_mode(text)) return *m;
    throw parse_error(text, "a rounding mode",
                      "expected half_up, half_down, half_even, toward_zero, away_from_zero, "
                      "floor or ceiling");
}

/// One key of report.csv as read: the key, its value, where the value was read.
struct info_entry {
    std::string key;
    std::string value;
    std::optional<source_position> source;
};

/// What a report is (see the header comment).
struct report_info {
    std::string council;
    std::string title;
    std::string source;
    std::optional<calendar_month> month;
    std::optional<fiscal_calendar> calendar;
    std::optional<rounding_mode> rounding;
    std::vector<info_entry> entries;  ///< every key in order, as read

    /// The keys report.csv may hold.
    static constexpr std::string_view keys[] = {"council",           "title",    "month",
                                                "fiscal_year_start", "rounding", "source"};

    /// Sets `key` to `value` (parsed), after the keys already set.
    /// Throws: invalid_argument naming the key for a key not in `keys` or set already;
    /// parse_error for a value that is not one (a month, a start month, a rounding mode).
    void set(std::string_view key, std::string_view value,
             std::optional<source_position> where = std::nullopt) {
        bool known = false;
        for (std::string_view k : keys) known = known || k == key;
        if (!known) {
            throw invalid_argument("\"" + std::string(key) +
                                       "\" is not a key of report.csv (council, title, month, "
                                       "fiscal_year_start, rounding, source)",
                                   key);
        }
        for (const info_entry& e : entries) {
            if (e.key == key) {
                throw invalid_argument("the key \"" + std::string(key) + "\" is given twice", key);
            }
        }
        const std::string_view v = detail::trim(value);
        if (key == "council") council = std::string(v);
        if (key == "title") title = std::string(v);
        if (key == "source") source = std::string(v);
        if (key == "month") month = calendar_month::parse(v);
        if (key == "fiscal_year_start") calendar = fiscal_calendar::parse(v);
        if (key == "rounding") rounding = parse_rounding_mode(v);
        entries.push_back({std::string(key), std::string(value), std::move(where)});
    }
    /// Returns: the entry of `key`, or nullptr.
    [[nodiscard]] const info_entry* entry(std::string_view key) const noexcept {
        for (const info_entry& e : entries) {
            if (e.key == key) return &e;
        }
        return nullptr;
    }
};

}  // namespace bmm
