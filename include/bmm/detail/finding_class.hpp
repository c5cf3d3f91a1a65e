// bmm — detail: finding_class, the verdict on a printed figure that differs from the one
// recomputed from its printed inputs (rounding effect, sign convention, error). Split from
// bmm/finding.hpp, which documents it, so that bmm/rag.hpp (audit_status) needs no intervals.
//
//   bmm::to_string(bmm::finding_class::sign);   // "sign"
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace bmm {

/// rounding: some true values inside the printed inputs' intervals give the printed figure;
/// sign: it holds only under the other sign convention; error: no values inside them give it.
enum class finding_class : std::uint8_t { rounding, sign, error };

/// Returns: "rounding", "sign", "error". Throws: nothing. Requires: c is an enumerator.
[[nodiscard]] constexpr std::string_view to_string(finding_class c) noexcept {
    constexpr std::string_view names[] = {"rounding", "sign", "error"};
    return names[static_cast<std::size_t>(c)];
}

}  // namespace bmm
