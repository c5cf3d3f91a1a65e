// Fuzz target: money text in every form a report prints — plain ("1,234.56"), £m, £000 and the
// display formats. Whatever the input, parsing either returns money or throws a bmm::error;
// whatever it returns prints and parses back to the same amount.
#include <bmm/format.hpp>
#include <bmm/money.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
void check(bool ok) {
    if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto m = bmm::gbp::parse(text);
        check(bmm::gbp::parse(bmm::to_string(m)) == m);
        check(bmm::parse_money<bmm::currency::gbp>(bmm::to_string(m, bmm::money_format::full()),
                                                   bmm::money_format::full()) == m);
    } catch (const bmm::error&) {
    }
    try {
        const auto m = bmm::gbp::from_millions(text, bmm::rounding_mode::half_even);
        const auto shown = bmm::to_string(m, bmm::money_format::millions(3));
        const auto back =
            bmm::parse_money<bmm::currency::gbp>(shown, bmm::money_format::millions(3));
        check(bmm::to_string(back, bmm::money_format::millions(3)) == shown);
    } catch (const bmm::error&) {
    }
    try {
        (void)bmm::gbp::from_thousands(text);
    } catch (const bmm::error&) {
    }
    for (const auto& f : {bmm::money_format::millions(1), bmm::money_format::thousands(),
                          bmm::money_format::whole(), bmm::money_format::millions_column()}) {
        try {
            const auto m = bmm::parse_money<bmm::currency::gbp>(text, f);
            const auto shown = bmm::to_string(m, f);
            check(bmm::to_string(bmm::parse_money<bmm::currency::gbp>(shown, f), f) == shown);
        } catch (const bmm::error&) {
        }
    }
    return 0;
}
