// Fuzz target: decimals, ratios and percentages ("93.5", "2.5%", "1/12", "-0.07", "150%").
// Whatever the input:
//   - each parser returns a value or throws parse_error / overflow_error quoting the input;
//   - try_parse is std::nullopt exactly where parse throws, and otherwise the same value;
//   - what is read prints and reads back to the same value (keeping a decimal's places);
//   - from_percent(t) is parse(t + "%") wherever from_percent reads, and a decimal's exact
//     ratio is the ratio read from the same text.
#include <bmm/decimal.hpp>
#include <bmm/ratio.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"

using bmm_fuzz::attempt;
using bmm_fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto d = attempt<bmm::parse_error, bmm::overflow_error>(
        text, [](std::string_view s) { return bmm::decimal::parse(s); });
    bmm_fuzz::agree(d, bmm::decimal::try_parse(text));
    if (d) {
        const auto back = bmm::decimal::parse(bmm::to_string(*d));
        require(back == *d && back.places() == d->places(), "a decimal prints and reads back");
        for (int places : {0, 1, 2, 18}) {
            try {
                const auto r = d->round(places, bmm::rounding_mode::half_even);
                require(r.places() == places, "a rounded decimal has the places asked for");
            } catch (const bmm::overflow_error&) {
            }
        }
    }
    const auto r = attempt<bmm::parse_error, bmm::overflow_error>(
        text, [](std::string_view s) { return bmm::ratio::parse(s); });
    bmm_fuzz::agree(r, bmm::ratio::try_parse(text));
    if (r) {
        require(bmm::ratio::parse(bmm::to_string(*r)) == *r, "a ratio prints and reads back");
        require(r->denominator() > 0, "a ratio's denominator is positive");
        try {
            (void)r->percent(1, bmm::rounding_mode::half_up);
        } catch (const bmm::overflow_error&) {
        }
    }
    if (d)
        require(r && *r == bmm::ratio::from_decimal(*d), "a decimal's ratio is its text's ratio");
    const auto p = attempt<bmm::parse_error, bmm::overflow_error>(
        text, [](std::string_view s) { return bmm::ratio::from_percent(s); });
    if (p) {
        std::string with_sign(text);
        with_sign += '%';
        require(bmm::ratio::parse(with_sign) == *p, "from_percent(t) is parse(t + \"%\")");
    }
    return 0;
}
