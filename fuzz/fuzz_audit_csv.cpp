// Fuzz target: the bmm-audit CSV input — read_csv, read_published_table and the audit itself.
// Any input is either audited or refused with a bmm::error; nothing crashes, hangs or leaks.
#include <bmm/audit.hpp>
#include <bmm/csv.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto csv = bmm::read_csv(text);
        const auto rows = bmm::read_published_table(csv);
        (void)bmm::audit_budget_table(rows);
    } catch (const bmm::error&) {
    }
    return 0;
}
