// bmm — ytd: how a measure's monthly figures make its year-to-date figure.
//
// Year to date is declared per measure, because summing the wrong thing is the commonest error
// in published reports (seed 003 prints "% of calls abandoned" YTD 29% = 15% + 14%):
//
//   ytd_rule::sum            flows: visits, assessments       YTD = Σ monthly figures
//   ytd_rule::latest         stocks: children we care for     YTD = the latest figure
//   ytd_rule::ratio_of_sums  rates: % calls abandoned         YTD = Σ numerators / Σ denominators
//   ytd_rule::average        averages of a level (cash)       YTD = Σ figures / months
//
//   bmm::ytd_sum({bmm::decimal::parse("367"), bmm::decimal::parse("270")});   // 637
//   bmm::parse_ytd_rule("ratio_of_sums");                                     // ytd_rule::ratio_of_sums
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "decimal.hpp"
#include "detail/text.hpp"
#include "error.hpp"
#include "ratio.hpp"

namespace bmm {

/// How a measure's monthly figures make its year-to-date figure (see the header comment).
enum class ytd_rule : std::uint8_t { sum, latest, ratio_of_sums, average };

/// Returns: "sum", "latest", "ratio_of_sums", "average".
[[nodiscard]] constexpr std::string_view to_string(ytd_rule r) noexcept {
    constexpr std::string_view names[] = {"sum", "latest", "ratio_of_sums", "average"};
    return names[static_cast<std::size_t>(r)];
}
/// Returns: the rule to_string names (ASCII case ignored, space trimmed), or std::nullopt.
[[nodiscard]] constexpr std::optional<ytd_rule> try_parse_ytd_rule(std::string_view text) noexcept {
    text = detail::trim(text);
    for (std::uint8_t i = 0; i < 4; ++i) {
        if (detail::iequals(text, to_string(static_cast<ytd_rule>(i)))) {
            return static_cast<ytd_rule>(i);
        }
    }
    return std::nullopt;
}
/// Returns: the rule `text` names. Throws: parse_error naming the text when it names none.
[[nodiscard]] inline ytd_rule parse_ytd_rule(std::string_view text) {
    if (auto r = try_parse_ytd_rule(text)) return *r;
    throw parse_error(text, "a YTD rule", "expected sum, latest, ratio_of_sums or average");
}

/// Returns: the sum of monthly figures (flows). Throws: overflow_error.
[[nodiscard]] inline decimal ytd_sum(const std::vector<decimal>& months) {
    decimal total;
    for (const decimal& m : months) total = total + m;
    return total;
}
/// Returns: the latest figure (stocks). Throws: invalid_argument for no months.
[[nodiscard]] inline decimal ytd_latest(const std::vector<decimal>& months) {
    if (months.empty()) throw invalid_argument("a YTD figure needs at least one month");
    return months.back();
}
/// One month of a rate measure: numerator over denominator (abandoned calls over calls offered).
struct rate_parts {
    decimal numerator;
    decimal denominator;
};
/// Returns: Σ numerators / Σ denominators, exactly (rates), or std::nullopt (undefined) when the
/// denominators sum to zero. Throws: overflow_error.
[[nodiscard]] inline std::optional<ratio> ytd_ratio_of_sums(const std::vector<rate_parts>& months) {
    decimal n, d;
    for (const rate_parts& m : months) {
        n = n + m.numerator;
        d = d + m.denominator;
    }
    return ratio::try_divide(ratio::from_decimal(n), ratio::from_decimal(d));
}
/// Returns: the mean of the monthly figures, exactly. Throws: invalid_argument for no months.
[[nodiscard]] inline ratio ytd_average(const std::vector<decimal>& months) {
    if (months.empty()) throw invalid_argument("a YTD average needs at least one month");
    return ratio::from_decimal(ytd_sum(months)) / ratio(static_cast<std::int64_t>(months.size()));
}

}  // namespace bmm
