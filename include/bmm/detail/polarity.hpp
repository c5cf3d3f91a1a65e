// bmm — detail: which way is better for a measure (polarity) and how wide its amber band is
// (amber_band), split from bmm/rag.hpp so that bmm/trend.hpp needs neither targets nor rating.
// Both are public types of namespace bmm, documented with rag_policy in bmm/rag.hpp.
//
//   operation                         result
//   to_string(p)                      "higher is better", "lower is better", "close to target"
//   amber_band::absolute(width)       Amber within `width` of the Green boundary
//   amber_band::relative(share)       Amber within share × |reference|
//   b.width_for(reference)            the band's width (std::nullopt for none)
//   a == b, a != b                    same kind and width
//
//   bmm::amber_band::relative(bmm::ratio(1, 10)).width_for(bmm::ratio(50));   // 5
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "../decimal.hpp"
#include "../error.hpp"
#include "../ratio.hpp"
#include "../zero.hpp"

namespace bmm {

/// Which way is better for a measure.
enum class polarity : std::uint8_t { higher_is_better, lower_is_better, close_to_target };

/// Returns: "higher is better", "lower is better" or "close to target".
[[nodiscard]] constexpr std::string_view to_string(polarity p) noexcept {
    return p == polarity::higher_is_better
               ? "higher is better"
               : (p == polarity::lower_is_better ? "lower is better" : "close to target");
}

/// How far past the Green boundary a value may be and still be Amber.
class amber_band {
public:
    enum class kind : std::uint8_t { none, absolute, relative };
    /// No amber: a miss is Red.
    constexpr amber_band() noexcept = default;
    [[nodiscard]] static constexpr amber_band none() noexcept { return {}; }
    /// Amber within `width` (in the measure's unit). Throws: invalid_argument if negative.
    [[nodiscard]] static amber_band absolute(decimal width) {
        if (width < zero)
            throw invalid_argument("an amber band cannot be negative", to_string(width));
        amber_band b;
        b.kind_ = kind::absolute;
        b.width_ = ratio::from_decimal(width);
        return b;
    }
    /// Amber within `share` × |reference| (e.g. ratio(1, 10) for 10% of the target).
    /// Throws: invalid_argument if negative.
    [[nodiscard]] static amber_band relative(ratio share) {
        if (share < zero)
            throw invalid_argument("an amber band cannot be negative", to_string(share));
        amber_band b;
        b.kind_ = kind::relative;
        b.width_ = share;
        return b;
    }
    [[nodiscard]] constexpr kind what() const noexcept { return kind_; }
    [[nodiscard]] constexpr ratio width() const noexcept { return width_; }
    /// Returns: the band's width for a reference value (|reference| × share when relative),
    /// or std::nullopt for none.
    [[nodiscard]] constexpr std::optional<ratio> width_for(ratio reference) const {
        switch (kind_) {
            case kind::none:
                return std::nullopt;
            case kind::absolute:
                return width_;
            case kind::relative:
                return width_ * (reference < zero ? -reference : reference);
        }
        return std::nullopt;
    }
    friend constexpr bool operator==(amber_band a, amber_band b) noexcept {
        return a.kind_ == b.kind_ && a.width_ == b.width_;
    }
    friend constexpr bool operator!=(amber_band a, amber_band b) noexcept { return !(a == b); }

private:
    kind kind_ = kind::none;
    ratio width_;
};

}  // namespace bmm
