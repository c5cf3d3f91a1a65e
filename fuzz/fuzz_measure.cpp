// Fuzz target: measure ids ("OCC11.02"), target text (">6.8%", "93-95%", "< 2.0% of net
// budget"), status symbols and words, figures and risk arrows. Each parser either succeeds or
// throws a bmm::error; ids, targets and statuses print and read back to the same value, and a
// target that reads can rate a figure without crashing.
#include <bmm/measure.hpp>
#include <bmm/rag.hpp>
#include <bmm/risk.hpp>
#include <bmm/status.hpp>
#include <bmm/target.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto id = bmm::measure_id::parse(text);
        if (bmm::measure_id::parse(bmm::to_string(id)) != id) std::abort();
    } catch (const bmm::error&) {
    }
    try {
        const auto t = bmm::target::parse(text);
        if (bmm::target::parse(bmm::to_string(t)) != t) std::abort();
        for (const auto& p :
             {bmm::rag_policy::close_to_target({}, bmm::amber_band::relative(bmm::ratio(1, 10))),
              bmm::rag_policy::higher_is_better(
                  bmm::amber_band::absolute(bmm::decimal::parse("0.5")))}) {
            try {
                (void)bmm::rate(bmm::decimal::parse("61.5"), t, p);
            } catch (const bmm::error&) {
            }
        }
    } catch (const bmm::error&) {
    }
    try {
        const auto s = bmm::status::parse(text);
        if (bmm::status::parse(bmm::to_symbol(s)) != s) std::abort();
        if (bmm::status::parse(bmm::to_string(s)) != s) std::abort();
    } catch (const bmm::error&) {
    }
    try {
        (void)bmm::parse_figure(text);
    } catch (const bmm::error&) {
    }
    try {
        const auto t = bmm::parse_risk_travel(text);
        if (bmm::parse_risk_travel(bmm::to_symbol(t)) != t) std::abort();
    } catch (const bmm::error&) {
    }
    return 0;
}
