// bmm — mtfs_scenario: named scenarios of a medium-term financial strategy side by side, and
// sensitivities: one assumption moved, and its effect on each year's gap.
//
//   moved(plan, mtfs_assumption::pay_award, ratio::parse("1%"))    the plan, pay 1 point higher
//                                                                  in every plan year
//   moved(plan, assumption, delta, first, last)                    ... in years first..last
//   sensitivity(plan, policy, assumption, delta, unit, mode)       each year's gap, before and
//                                                                  after, exact and printed
//   side_by_side(scenarios, policy, unit, mode)                    each scenario printed
//
//   // Seed 003 ¶103: the pay offer is 5.5% against the 4.5% budgeted, 1.0% more.
//   auto s = bmm::sensitivity(plan, bmm::savings_policy::as_planned(),
//                             bmm::mtfs_assumption::pay_award, bmm::ratio::parse("1%"),
//                             bmm::print_unit::millions(1), bmm::rounding_mode::half_even);
//   s.effect[0];   // exact: the gap of the first year grows by 1% of the pay bill
//
// Opt-in, as bmm/mtfs.hpp (Boost's cpp_int).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/text.hpp"
#include "error.hpp"
#include "exact.hpp"
#include "money.hpp"
#include "mtfs.hpp"
#include "period.hpp"
#include "ratio.hpp"
#include "rounding.hpp"

namespace bmm {

/// An assumption of a plan that a sensitivity moves.
enum class mtfs_assumption : std::uint8_t {
    pay_award,
    inflation,
    demand_growth,  ///< every service's demand growth
    council_tax_base_growth,
    council_tax_increase,  ///< still bound by the referendum limit
};

/// Returns: "pay_award", "inflation", "demand_growth", "council_tax_base_growth",
/// "council_tax_increase".
[[nodiscard]] constexpr std::string_view to_string(mtfs_assumption a) noexcept {
    switch (a) {
        case mtfs_assumption::pay_award:
            return "pay_award";
        case mtfs_assumption::inflation:
            return "inflation";
        case mtfs_assumption::demand_growth:
            return "demand_growth";
        case mtfs_assumption::council_tax_base_growth:
            return "council_tax_base_growth";
        case mtfs_assumption::council_tax_increase:
            return "council_tax_increase";
    }
    return "unknown";
}
/// Returns: the assumption named as to_string spells it (any case), or std::nullopt.
[[nodiscard]] inline std::optional<mtfs_assumption> try_parse_mtfs_assumption(
    std::string_view text) noexcept {
    const std::string_view t = detail::trim(text);
    for (auto a :
         {mtfs_assumption::pay_award, mtfs_assumption::inflation, mtfs_assumption::demand_growth,
          mtfs_assumption::council_tax_base_growth, mtfs_assumption::council_tax_increase}) {
        if (detail::iequals(t, to_string(a))) return a;
    }
    return std::nullopt;
}
/// Throws: parse_error naming the text unless try_parse_mtfs_assumption reads it.
[[nodiscard]] inline mtfs_assumption parse_mtfs_assumption(std::string_view text) {
    if (auto a = try_parse_mtfs_assumption(text)) return *a;
    throw parse_error(text, "an MTFS assumption",
                      "expected pay_award, inflation, demand_growth, council_tax_base_growth or "
                      "council_tax_increase");
}

/// Returns: `plan` with assumption `a` moved by `delta` (a rate: 1% is ratio(1, 100)) in the
/// plan years first..last (inclusive).
/// Throws: invalid_argument when first..last is not a range of plan years, or the plan has no
/// council tax to move; overflow_error when a moved rate does not fit ratio.
template <class C, unsigned S>
[[nodiscard]] mtfs_plan<C, S> moved(mtfs_plan<C, S> plan, mtfs_assumption a, ratio delta,
                                    fiscal_year<S> first, fiscal_year<S> last) {
    const auto from = plan.index_of(first), to = plan.index_of(last);
    if (!from || !to || *to < *from) {
        throw invalid_argument("a sensitivity's years " + to_string(first) + " to " +
                                   to_string(last) + " are not plan years in order",
                               to_string(first));
    }
    auto shift = [&](std::vector<ratio>& rates) {
        for (std::size_t i = *from; i <= *to && i < rates.size(); ++i) rates[i] += delta;
    };
    switch (a) {
        case mtfs_assumption::pay_award:
            shift(plan.pay_award);
            break;
        case mtfs_assumption::inflation:
            shift(plan.inflation);
            break;
        case mtfs_assumption::demand_growth:
            for (auto& d : plan.demand_growth) shift(d.rates);
            break;
        case mtfs_assumption::council_tax_base_growth:
        case mtfs_assumption::council_tax_increase:
            if (!plan.council_tax) {
                throw invalid_argument("the plan has no council tax to move", to_string(a));
            }
            shift(a == mtfs_assumption::council_tax_increase ? plan.council_tax->increase
                                                             : plan.council_tax->base_growth);
            break;
    }
    return plan;
}

/// Returns: `plan` with assumption `a` moved by `delta` in every plan year.
template <class C, unsigned S>
[[nodiscard]] mtfs_plan<C, S> moved(const mtfs_plan<C, S>& plan, mtfs_assumption a, ratio delta) {
    if (plan.years == 0) throw invalid_argument("a plan needs at least one year");
    return moved(plan, a, delta, plan.year(0), plan.year(plan.years - 1));
}

/// The effect of one assumption moved on each year's gap: exact, and as printed (the printed
/// effect is the moved plan's printed gap less the base plan's, so it adds up in print).
template <class C, unsigned S = 4>
struct mtfs_sensitivity {
    mtfs_assumption assumption;
    ratio delta;
    std::vector<fiscal_year<S>> years;
    std::vector<exact_money<C>> base_gap, moved_gap, effect;  ///< effect = moved − base
    std::vector<money<C>> printed_base_gap, printed_moved_gap, printed_effect;
    printed_mtfs<C, S> base, moved;  ///< both plans printed in full
};

/// Returns: the effect of moving `a` by `delta` in years first..last on each year's gap.
/// Throws: as moved() and project(); referendum_limit_error when a moved council tax increase
/// exceeds its limit.
template <class C, unsigned S>
[[nodiscard]] mtfs_sensitivity<C, S> sensitivity(const mtfs_plan<C, S>& plan,
                                                 const savings_policy& policy, mtfs_assumption a,
                                                 ratio delta, fiscal_year<S> first,
                                                 fiscal_year<S> last, print_unit unit,
                                                 rounding_mode mode) {
    const mtfs_projection<C, S> base = project(plan, policy);
    const mtfs_projection<C, S> after = project(moved(plan, a, delta, first, last), policy);
    mtfs_sensitivity<C, S> out{
        a, delta, {}, {}, {}, {}, {}, {}, {}, base.printed(unit, mode), after.printed(unit, mode)};
    for (std::size_t i = 0; i < base.years(); ++i) {
        out.years.push_back(base.year(i));
        out.base_gap.push_back(base.gap(i));
        out.moved_gap.push_back(after.gap(i));
        out.effect.push_back(after.gap(i) - base.gap(i));
        out.printed_base_gap.push_back(out.base.years[i].gap);
        out.printed_moved_gap.push_back(out.moved.years[i].gap);
        out.printed_effect.push_back(out.moved.years[i].gap - out.base.years[i].gap);
    }
    return out;
}

/// Returns: the effect of moving `a` by `delta` in every plan year.
template <class C, unsigned S>
[[nodiscard]] mtfs_sensitivity<C, S> sensitivity(const mtfs_plan<C, S>& plan,
                                                 const savings_policy& policy, mtfs_assumption a,
                                                 ratio delta, print_unit unit, rounding_mode mode) {
    if (plan.years == 0) throw invalid_argument("a plan needs at least one year");
    return sensitivity(plan, policy, a, delta, plan.year(0), plan.year(plan.years - 1), unit, mode);
}

/// A named scenario: a whole plan (built from a base plan with moved() or by hand).
template <class C, unsigned S = 4>
struct mtfs_scenario {
    std::string name;
    mtfs_plan<C, S> plan;
};

/// A scenario printed.
template <class C, unsigned S = 4>
struct printed_scenario {
    std::string name;
    printed_mtfs<C, S> printed;
};

/// Returns: every scenario projected under `policy` and printed in `unit` by `mode`, in order.
/// Throws: invalid_argument when two scenarios share a name or cover different years; as
/// project() and printed().
template <class C, unsigned S>
[[nodiscard]] std::vector<printed_scenario<C, S>> side_by_side(
    const std::vector<mtfs_scenario<C, S>>& scenarios, const savings_policy& policy,
    print_unit unit, rounding_mode mode) {
    std::vector<printed_scenario<C, S>> out;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        const auto& s = scenarios[i];
        for (std::size_t j = 0; j < i; ++j) {
            if (scenarios[j].name == s.name) {
                throw invalid_argument("the scenario \"" + s.name + "\" is given twice", s.name);
            }
            if (scenarios[j].plan.base_year != s.plan.base_year ||
                scenarios[j].plan.years != s.plan.years) {
                throw invalid_argument("the scenario \"" + s.name +
                                           "\" covers other years than \"" + scenarios[j].name +
                                           "\"",
                                       s.name);
            }
        }
        out.push_back({s.name, project(s.plan, policy).printed(unit, mode)});
    }
    return out;
}

}  // namespace bmm
