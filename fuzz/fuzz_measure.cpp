// Fuzz target: measure ids ("OCC11.02"), target text (">6.8%", "93-95%", "< 2.0% of net
// budget", milestone labels), status symbols and words, figures and risk arrows. Whatever the
// input:
//   - each parser returns a value or throws the error types it documents, quoting the input;
//   - the try_ forms (measure_id, status, milestone_scale::try_find) agree with the throwing ones;
//   - ids, targets (with and without a milestone scale), statuses, figures and arrows print and
//     read back to the same value;
//   - a target that reads can rate a figure without crashing;
//   - the input's lines, when they make a milestone scale, find each of its labels where it is.
#include <bmm/measure.hpp>
#include <bmm/rag.hpp>
#include <bmm/risk.hpp>
#include <bmm/status.hpp>
#include <bmm/target.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"

namespace {

using bmm_fuzz::attempt;
using bmm_fuzz::require;

const bmm::milestone_scale& plan() {
    static const bmm::milestone_scale s{"Delivering to plan", "Slightly behind schedule",
                                        "Significantly behind schedule"};
    return s;
}

/// A figure as a report would print it, for the round trip.
std::string print(const bmm::figure& f) {
    std::string s = f.unit == bmm::unit::money ? "\xC2\xA3" : "";
    s += bmm::to_string(f.value);
    if (f.unit == bmm::unit::percent) s += '%';
    if (f.unit == bmm::unit::days) s += " days";
    if (f.unit == bmm::unit::length_km) s += " km";
    return s;
}

void targets(std::string_view text, const bmm::milestone_scale* scale) {
    const auto t =
        attempt<bmm::parse_error, bmm::overflow_error>(text, [scale](std::string_view s) {
            return scale != nullptr ? bmm::target::parse(s, *scale) : bmm::target::parse(s);
        });
    if (!t) return;
    const std::string shown = bmm::to_string(*t);
    require(
        (scale != nullptr ? bmm::target::parse(shown, *scale) : bmm::target::parse(shown)) == *t,
        "a target prints and reads back");
    for (const auto& p :
         {bmm::rag_policy::close_to_target({}, bmm::amber_band::relative(bmm::ratio(1, 10))),
          bmm::rag_policy::higher_is_better(bmm::amber_band::absolute(bmm::decimal::parse("0.5"))),
          bmm::rag_policy::lower_is_better()}) {
        try {
            (void)bmm::rate(bmm::decimal::parse("61.5"), *t, p);
        } catch (const bmm::error&) {
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto id = attempt<bmm::parse_error>(
        text, [](std::string_view s) { return bmm::measure_id::parse(s); });
    bmm_fuzz::agree(id, bmm::measure_id::try_parse(text));
    if (id) require(bmm::measure_id::parse(bmm::to_string(*id)) == *id, "an id reads back");

    targets(text, nullptr);
    targets(text, &plan());

    const auto s =
        attempt<bmm::parse_error>(text, [](std::string_view x) { return bmm::status::parse(x); });
    bmm_fuzz::agree(s, bmm::status::try_parse(text));
    if (s) {
        require(bmm::status::parse(bmm::to_symbol(*s)) == *s, "a status symbol reads back");
        require(bmm::status::parse(bmm::to_string(*s)) == *s, "a status word reads back");
    }

    const auto found =
        attempt<bmm::parse_error>(text, [](std::string_view x) { return plan().find(x); });
    bmm_fuzz::agree(found, plan().try_find(text));

    const auto f = attempt<bmm::parse_error, bmm::overflow_error>(
        text, [](std::string_view x) { return bmm::parse_figure(x); });
    if (f) {
        const auto back = bmm::parse_figure(print(*f));
        require(back.value == f->value && back.unit == f->unit, "a figure prints and reads back");
    }

    const auto travel = attempt<bmm::parse_error>(
        text, [](std::string_view x) { return bmm::parse_risk_travel(x); });
    if (travel) {
        require(bmm::parse_risk_travel(bmm::to_symbol(*travel)) == *travel &&
                    bmm::parse_risk_travel(bmm::to_string(*travel)) == *travel,
                "an arrow reads back");
    }

    // The input's lines as a milestone scale: each label is found at its own position.
    std::vector<std::string> labels;
    for (std::size_t at = 0; at <= text.size() && labels.size() < 8;) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        labels.emplace_back(text.substr(at, end - at));
        at = end + 1;
    }
    try {
        const bmm::milestone_scale scale(labels);
        for (std::size_t i = 0; i < labels.size(); ++i) {
            require(scale.find(labels[i]).level() == i, "a scale finds each label at its place");
            const auto t = bmm::target::parse(labels[i], scale);
            // A label that is also "n/a" or blank-looking is no target; any other is its level.
            require(t.is_none() || (t.what() == bmm::target::kind::position && t.at().level() == i),
                    "a label reads as a position target on its scale");
            targets(labels[i], &scale);
        }
    } catch (const bmm::invalid_argument&) {
    }
    return 0;
}
