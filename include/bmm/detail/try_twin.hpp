// bmm — detail: the try_ twin of a reader that throws. A reader with a fast refusal of its own
// (money::try_parse, ratio::try_parse) does not need this; a reader of whole files does.
//
//   bmm::detail::try_twin([&] { return read_csv(text); })   // std::optional<csv_table>
#pragma once

#include <exception>
#include <optional>

namespace bmm::detail {

/// Returns: read(), or std::nullopt where it throws (every bmm error is a std::exception, and
/// so is std::bad_alloc).
template <class Read>
[[nodiscard]] auto try_twin(Read read) noexcept -> std::optional<decltype(read())> {
    try {
        return read();
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace bmm::detail
