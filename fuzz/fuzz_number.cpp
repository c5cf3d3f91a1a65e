// Fuzz target: decimals, ratios and percentages ("93.5", "2.5%", "1/12", "-0.07", "150%").
// Whatever the input:
//   - each parser returns a value or throws parse_error / overflow_error quoting the input;
//   - try_parse is std::nullopt exactly where parse throws, and otherwise the same value;
//   - what is read prints and reads back to the same value (keeping a decimal's places);
//   - from_percent(t) is parse(t + "%") wherever from_percent reads, and a decimal's exact
//     ratio is the ratio read from the same text;
//   - parse_percent (with and without the % sign, negatives in brackets) returns a decimal or
//     throws parse_error / overflow_error quoting the input; where ratio::parse reads the same
//     text too, the two agree (the percentage is 100 × the ratio);
//   - a percentage read prints and reads back in every style (as printed: the same decimal and
//     places; at 0, 1 and 2 places: the decimal as the format rounds it), and a ratio read prints
//     as a percentage that reads back as ratio::percent gives it, or overflows.
#include <bmm/decimal.hpp>
#include <bmm/format.hpp>
#include <bmm/ratio.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "check.hpp"

using bmm_fuzz::attempt;
using bmm_fuzz::require;

namespace {

/// parse_percent and percentage printing on `text` (`r`: the text read as a ratio, if it reads).
void percentages(std::string_view text, const std::optional<bmm::ratio>& r) {
    using bmm::percent_format;
    const percent_format styles[] = {percent_format::as_printed(),
                                     percent_format::as_printed().with_brackets(),
                                     percent_format::as_printed().without_percent_sign(),
                                     percent_format::places(1).with_plus_sign().with_grouping()};
    for (const percent_format& style : styles) {
        const auto p = attempt<bmm::parse_error, bmm::overflow_error>(
            text, [&style](std::string_view s) { return bmm::parse_percent(s, style); });
        if (!p) continue;
        if (r && style.percent_sign && !text.empty() && text.back() == '%') {
            // r = p / 100, compared without a division that could overflow: p = 100 r.
            const bmm::ratio q = bmm::ratio::from_decimal(*p);
            require(bmm::detail::i128(q.numerator()) * r->denominator() ==
                        bmm::detail::i128(r->numerator()) * 100 * q.denominator(),
                    "parse_percent and ratio::parse agree where both read");
        }
        for (const percent_format& shown : styles) {
            std::string printed;
            try {
                printed = bmm::to_string(*p, shown);
            } catch (const bmm::overflow_error&) {
                continue;  // rounding to more places than fit
            }
            const bmm::decimal back = bmm::parse_percent(printed, shown);
            if (shown.decimals < 0) {
                require(back == *p && back.places() == p->places(),
                        "a percentage prints as printed and reads back with its places");
            } else {
                require(back == p->round(shown.decimals, shown.rounding),
                        "a percentage prints and reads back as the format rounds it");
            }
        }
    }
    if (!r) return;
    for (int places : {0, 1, 2}) {
        const percent_format f = percent_format::places(places).with_brackets();
        try {
            const std::string printed = bmm::to_string(*r, f);
            require(bmm::parse_percent(printed, f) == r->percent(places, f.rounding),
                    "a share prints as its percentage and reads back");
        } catch (const bmm::overflow_error&) {
            bool overflows = false;
            try {
                (void)r->percent(places, f.rounding);
            } catch (const bmm::overflow_error&) {
                overflows = true;
            }
            require(overflows, "a share's % overflows only where ratio::percent does");
        }
    }
}

}  // namespace

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
    percentages(text, r);
    return 0;
}
