// Fuzz target: money text in every form a report prints — plain ("1,234.56"), £m and £000, with
// and without a rounding mode, in four currencies (GBP, EUR, USD and JPY, which has no minor
// unit), and the display formats (parse_money). Whatever the input:
//   - parsing returns money or throws parse_error / inexact_error / overflow_error quoting it
//     (a rounding mode never gives inexact_error);
//   - try_parse is std::nullopt exactly where parse throws, and otherwise the same amount;
//   - what is read prints and reads back to the same amount (to_string, and the £m format with
//     every penny shown);
//   - the scaled readers agree with the plain one (from_thousands(t) is parse(t) × 1000), and a
//     rounded read is the exact read when that exists, else within one minor unit of it.
#include <bmm/format.hpp>
#include <bmm/money.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "check.hpp"

namespace {

using bmm::rounding_mode;
using bmm_fuzz::attempt;
using bmm_fuzz::require;

constexpr rounding_mode modes[] = {rounding_mode::half_up,        rounding_mode::half_down,
                                   rounding_mode::half_even,      rounding_mode::toward_zero,
                                   rounding_mode::away_from_zero, rounding_mode::floor,
                                   rounding_mode::ceiling};

/// True when `m` is within one unit of the display `f` of the ends of the range of money.
bool rounds_out_of_range(bmm::gbp m, const bmm::money_format& f) {
    const int shift = 2 + f.scale - (f.decimals < 0 ? 2 : f.decimals);
    if (shift <= 0) return false;         // every minor unit shown: nothing is rounded
    __extension__ typedef __int128 wide;  // -Wpedantic accepts it
    wide unit = 1;
    for (int i = 0; i < shift; ++i) unit *= 10;
    const wide v = m.in_minor_units();
    return (v < 0 ? -v : v) + unit > INT64_MAX;
}

template <class C>
void one_currency(std::string_view text) {
    using M = bmm::money<C>;
    auto exact = [](int scale) {
        return [scale](std::string_view s) {
            return scale == 0 ? M::parse(s)
                              : (scale == 3 ? M::from_thousands(s) : M::from_millions(s));
        };
    };
    const auto plain =
        attempt<bmm::parse_error, bmm::inexact_error, bmm::overflow_error>(text, exact(0));
    bmm_fuzz::agree(plain, M::try_parse(text));
    if (plain) {
        require(M::parse(bmm::to_string(*plain)) == *plain, "to_string then parse is the amount");
        require(M::parse(bmm::to_string(*plain, bmm::money_format::full())) == *plain,
                "the full display format reads back");
    }
    for (int scale : {3, 6}) {
        const auto scaled =
            attempt<bmm::parse_error, bmm::inexact_error, bmm::overflow_error>(text, exact(scale));
        if (plain) {
            // The same text in £000 / £m: a thousand or a million times the amount, if it fits.
            const std::int64_t factor = scale == 3 ? 1'000 : 1'000'000;
            std::int64_t expect = 0;
            const bool fits = !__builtin_mul_overflow(plain->in_minor_units(), factor, &expect);
            require(fits ? (scaled && scaled->in_minor_units() == expect) : !scaled,
                    "a scaled read is the plain read times 10^scale");
        }
        if (scaled) {  // every amount, INT64_MIN minor units included
            // Every minor unit shown: the £m / £000 display reads back exactly.
            bmm::money_format f = scale == 3 ? bmm::money_format::thousands(3 + C::minor_digits)
                                             : bmm::money_format::millions(6 + C::minor_digits);
            require(bmm::parse_money<C>(bmm::to_string(*scaled, f), f) == *scaled,
                    "a scaled amount prints and reads back in its format");
        }
    }
    for (int scale : {0, 3, 6}) {
        const auto unrounded =
            attempt<bmm::parse_error, bmm::inexact_error, bmm::overflow_error>(text, exact(scale));
        std::optional<M> low, high;
        for (rounding_mode mode : modes) {
            const auto r = attempt<bmm::parse_error, bmm::overflow_error>(
                text, [scale, mode](std::string_view s) {
                    return scale == 0 ? M::parse(s, mode)
                                      : (scale == 3 ? M::from_thousands(s, mode)
                                                    : M::from_millions(s, mode));
                });
            if (unrounded)
                require(r && *r == *unrounded, "rounding an exact figure changes nothing");
            if (mode == rounding_mode::floor) low = r;
            if (mode == rounding_mode::ceiling) high = r;
        }
        if (low && high) {
            require(*low <= *high && high->in_minor_units() - low->in_minor_units() <= 1,
                    "floor and ceiling are at most one minor unit apart");
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    one_currency<bmm::currency::gbp>(text);
    one_currency<bmm::currency::eur>(text);
    one_currency<bmm::currency::usd>(text);
    one_currency<bmm::currency::jpy>(text);
    for (const auto& f : {bmm::money_format::millions(1), bmm::money_format::thousands(),
                          bmm::money_format::whole(), bmm::money_format::millions_column(),
                          bmm::money_format::full()}) {
        // Every refusal (a parse, inexact or overflow error) names the whole text as given.
        const auto m = attempt<bmm::parse_error, bmm::inexact_error, bmm::overflow_error>(
            text, [&f](std::string_view s) { return bmm::parse_money<bmm::currency::gbp>(s, f); });
        if (m) {
            const auto shown = bmm::to_string(*m, f);
            try {
                require(bmm::to_string(bmm::parse_money<bmm::currency::gbp>(shown, f), f) == shown,
                        "a displayed amount reads back to the same display");
            } catch (const bmm::overflow_error&) {
                // Rounded for display, an amount within one shown unit of the range's ends may
                // show as a figure beyond it ("-92,233,720,368,548" £000 for INT64_MIN pence).
                require(rounds_out_of_range(*m, f),
                        "a displayed amount reads back unless rounding took it out of range");
            }
        }
    }
    return 0;
}
