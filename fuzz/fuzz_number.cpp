// Fuzz target: decimals, ratios and percentages ("93.5", "2.5%", "1/12", "-0.07"). Parsing either
// succeeds or throws a bmm::error; what it reads prints and reads back to the same value.
#include <bmm/decimal.hpp>
#include <bmm/ratio.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto d = bmm::decimal::parse(text);
        if (bmm::decimal::parse(bmm::to_string(d)) != d) std::abort();
        if (bmm::decimal::try_parse(text) != d) std::abort();
        (void)d.round(0, bmm::rounding_mode::half_even);
    } catch (const bmm::error&) {
        if (bmm::decimal::try_parse(text).has_value()) std::abort();
    }
    try {
        const auto r = bmm::ratio::parse(text);
        if (bmm::ratio::parse(bmm::to_string(r)) != r) std::abort();
        (void)r.percent(1, bmm::rounding_mode::half_up);
    } catch (const bmm::error&) {
    }
    return 0;
}
