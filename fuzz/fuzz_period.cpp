// Fuzz target: fiscal year, quarter and month labels ("2023/24", "Q1 2023/24", "M3 2023/24",
// "2017-18", "22/23") and reporting frequencies. A label that reads prints in canonical form and
// reads back to the same period.
#include <bmm/period.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto y = bmm::fiscal_year<>::parse(text);
        if (bmm::fiscal_year<>::parse(bmm::to_string(y)) != y) std::abort();
        (void)y.first_day();
        (void)y.last_day();
    } catch (const bmm::error&) {
    }
    try {
        const auto q = bmm::fiscal_quarter<>::parse(text);
        if (bmm::fiscal_quarter<>::parse(bmm::to_string(q)) != q) std::abort();
    } catch (const bmm::error&) {
    }
    try {
        const auto m = bmm::fiscal_month<>::parse(text);
        if (bmm::fiscal_month<>::parse(bmm::to_string(m)) != m) std::abort();
        (void)m.ytd();
    } catch (const bmm::error&) {
    }
    try {
        (void)bmm::fiscal_year<7>::parse(text);
    } catch (const bmm::error&) {
    }
    try {
        (void)bmm::parse_frequency(text);
    } catch (const bmm::error&) {
    }
    return 0;
}
