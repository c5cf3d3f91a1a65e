// bmm — zero: one constant that every bmm quantity compares with, so code reads like the rule.
//
//   if (variance > bmm::zero) { /* overspend */ }
//   bmm::gbp nothing = bmm::zero;        // zero converts to any money, ratio or decimal
#pragma once

namespace bmm {

/// The type of bmm::zero; a zero of every bmm quantity.
struct zero_t {
    friend constexpr bool operator==(zero_t, zero_t) noexcept { return true; }
    friend constexpr bool operator!=(zero_t, zero_t) noexcept { return false; }
};

inline constexpr zero_t zero{};

}  // namespace bmm
