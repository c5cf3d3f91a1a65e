// bmm — risk: strategic risks scored likelihood × impact on a 5 × 5 scale, rated, and tracked.
//
//   risk_score(likelihood, impact)     1..5 each; score() = likelihood × impact (1..25)
//   risk_score::from_score(16)         a printed score; only products of two 1..5 (not 7, 11, 13,
//                                      14, 17, 18, 19, 21, 22, 23, 24 ... see is_possible_score)
//   risk_bands{} .level(score)         high >= 16, medium 10..15, low 1..9 (configurable)
//   risk_level -> rag                  high Red ▲, medium Amber ●, low Green ★ (seed 003 Table 10)
//   travel(previous, current)          increased ⬆ / maintained ➡ / decreased ⬇
//   (bmm/audit/risk.hpp says where a printed band or arrow contradicts the scores)
//
//   auto r = bmm::strategic_risk{"03. Capital Projects", 16, 12, 16};
//   bmm::travel(r.previous_residual, r.residual);   // risk_travel::increased (printed ↔)
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/text.hpp"
#include "error.hpp"
#include "status.hpp"

namespace bmm {

/// Returns: true when n is likelihood × impact for some likelihood and impact in 1..5.
[[nodiscard]] constexpr bool is_possible_score(unsigned n) noexcept {
    for (unsigned l = 1; l <= 5; ++l) {
        if (n % l == 0 && n / l >= 1 && n / l <= 5) return true;
    }
    return false;
}

/// A risk's score: likelihood × impact, each 1..5.
class risk_score {
public:
    /// Returns: the score likelihood × impact.
    /// Throws: invalid_argument if likelihood or impact is outside 1..5.
    constexpr risk_score(unsigned likelihood, unsigned impact)
        : likelihood_(likelihood), impact_(impact), score_(likelihood * impact) {
        if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5) {
            throw invalid_argument("likelihood and impact are each 1 to 5");
        }
    }
    /// A score as printed, without its factors.
    /// Returns: the score, with likelihood() and impact() 0 (unknown).
    /// Throws: invalid_argument naming it when no likelihood × impact on the 5 × 5 scale gives it.
    [[nodiscard]] static risk_score from_score(unsigned score) {
        if (score < 1 || score > 25 || !is_possible_score(score)) {
            throw invalid_argument("a risk score of " + std::to_string(score) +
                                       " is not likelihood x impact on a 5 x 5 scale",
                                   std::to_string(score));
        }
        risk_score r(1, 1);
        r.likelihood_ = r.impact_ = 0;  // unknown
        r.score_ = score;
        return r;
    }
    /// Returns: likelihood × impact, 1..25.
    [[nodiscard]] constexpr unsigned score() const noexcept { return score_; }
    /// Returns: the likelihood 1..5, or 0 when the score was read without its factors.
    [[nodiscard]] constexpr unsigned likelihood() const noexcept { return likelihood_; }
    /// Returns: the impact 1..5, or 0 when the score was read without its factors.
    [[nodiscard]] constexpr unsigned impact() const noexcept { return impact_; }

private:
    unsigned likelihood_, impact_, score_;
};

enum class risk_level : std::uint8_t { low, medium, high };

/// Returns: "Low", "Medium", "High". Requires: l is an enumerator.
[[nodiscard]] constexpr std::string_view to_string(risk_level l) noexcept {
    constexpr std::array<std::string_view, 3> names{"Low", "Medium", "High"};
    return names[static_cast<std::size_t>(l)];
}
/// Returns: Green for low, Amber for medium, Red for high (the symbols of seed 003 Table 10).
/// Requires: l is an enumerator.
[[nodiscard]] constexpr rag to_rag(risk_level l) noexcept { return static_cast<rag>(l); }

/// Where the rating bands start.
class risk_bands {
public:
    /// Returns: the default bands: high from 16, medium from 10, low below.
    constexpr risk_bands() noexcept = default;
    /// Returns: bands with medium from `medium_from` and high from `high_from`.
    /// Throws: invalid_argument unless 1 < medium_from < high_from <= 25.
    constexpr risk_bands(unsigned medium_from, unsigned high_from)
        : medium_from_(medium_from), high_from_(high_from) {
        if (!(1 < medium_from && medium_from < high_from && high_from <= 25)) {
            throw invalid_argument("risk bands need 1 < medium < high <= 25");
        }
    }
    /// Returns: the band of `score`.
    /// Throws: invalid_argument for a score outside 1..25.
    [[nodiscard]] constexpr risk_level level(unsigned score) const {
        if (score < 1 || score > 25) throw invalid_argument("a risk score is 1 to 25");
        return score >= high_from_ ? risk_level::high
                                   : (score >= medium_from_ ? risk_level::medium : risk_level::low);
    }
    /// Returns: the band of s's score (a risk_score is always 1..25).
    [[nodiscard]] constexpr risk_level level(risk_score s) const { return level(s.score()); }

private:
    unsigned medium_from_ = 10;
    unsigned high_from_ = 16;
};

/// A risk's direction of travel since the previous review.
enum class risk_travel : std::uint8_t { increased, maintained, decreased };

/// Returns: "increased", "maintained", "decreased".
/// Requires: t is an enumerator.
[[nodiscard]] constexpr std::string_view to_string(risk_travel t) noexcept {
    constexpr std::array<std::string_view, 3> names{"increased", "maintained", "decreased"};
    return names[static_cast<std::size_t>(t)];
}
/// Returns: "⬆", "➡", "⬇". Requires: t is an enumerator.
[[nodiscard]] constexpr std::string_view to_symbol(risk_travel t) noexcept {
    constexpr std::array<std::string_view, 3> symbols{"\xE2\xAC\x86", "\xE2\x9E\xA1",
                                                      "\xE2\xAC\x87"};
    return symbols[static_cast<std::size_t>(t)];
}
/// Returns: the travel from one score to the next.
[[nodiscard]] constexpr risk_travel travel(unsigned previous, unsigned current) noexcept {
    return current > previous
               ? risk_travel::increased
               : (current < previous ? risk_travel::decreased : risk_travel::maintained);
}

/// Reads an arrow as printed: ⬆ ↑ ⇧ "up" "increased"; ➡ → ↔ "same" "maintained"; ⬇ ↓ "down"
/// "decreased" (a trailing emoji variation selector U+FE0F is ignored).
/// Returns: the direction the text names.
/// Throws: parse_error naming the text, at the offset of its first character after leading space
/// (the end of the text when it is blank).
[[nodiscard]] inline risk_travel parse_risk_travel(std::string_view text);
/// Returns: parse_risk_travel(text), or std::nullopt exactly where it would throw.
[[nodiscard]] constexpr std::optional<risk_travel> try_parse_risk_travel(
    std::string_view text) noexcept {
    std::string_view t = detail::trim(text);
    constexpr std::string_view vs16 = "\xEF\xB8\x8F";
    if (t.size() >= vs16.size() && t.substr(t.size() - vs16.size()) == vs16) {
        t = t.substr(0, t.size() - vs16.size());
    }
    struct word {
        std::string_view text;
        risk_travel value;
    };
    constexpr std::array<word, 14> words{{
        {"\xE2\xAC\x86", risk_travel::increased},
        {"\xE2\x86\x91", risk_travel::increased},
        {"up", risk_travel::increased},
        {"increased", risk_travel::increased},
        {"\xE2\x9E\xA1", risk_travel::maintained},
        {"\xE2\x86\x92", risk_travel::maintained},
        {"\xE2\x86\x94", risk_travel::maintained},
        {"same", risk_travel::maintained},
        {"maintained", risk_travel::maintained},
        {"\xE2\xAC\x87", risk_travel::decreased},
        {"\xE2\x86\x93", risk_travel::decreased},
        {"down", risk_travel::decreased},
        {"decreased", risk_travel::decreased},
        {"\xE2\x87\xA7", risk_travel::increased},
    }};
    for (const word& w : words) {
        if (detail::iequals(t, w.text)) return w.value;
    }
    return std::nullopt;
}
inline risk_travel parse_risk_travel(std::string_view text) {
    if (const auto r = try_parse_risk_travel(text)) return *r;
    std::size_t offset = 0;
    (void)detail::trim(text, &offset);
    throw parse_error(text, "a direction of travel",
                      "expected an arrow or increased/maintained/decreased", offset);
}

/// A strategic risk as a register prints it.
struct strategic_risk {
    std::string name;
    unsigned inherent = 0;           ///< before controls
    unsigned previous_residual = 0;  ///< last review
    unsigned residual = 0;           ///< this review
};

}  // namespace bmm
