// bmm — mtfs: a medium-term financial strategy projected exactly over any horizon: spending by
// service, funding, the gap each year and cumulatively, reserves drawn to close it, and the DSG
// deficit against them.
//
// Opt-in: it brings Boost.Multiprecision's cpp_int (through bmm/exact.hpp), so bmm/bmm.hpp does
// not include it. Every figure is exact: rates compound as exact fractions (128-bit terms while
// they fit, cpp_int beyond), so a 30-year plan at 3.5% a year is as exact as a 3-year one, and
// money is rounded only when the plan is printed — at one named unit and rounding mode, by
// controlled rounding, so that each printed year adds up:
//
//   printed budget: opening requirement + pay + prices + demand + pressures + one-offs − savings
//                   = closing requirement = Σ spending lines
//   printed gap   = printed spending − printed funding;  cumulative gap = Σ printed gaps
//   each reserve  : printed opening + printed movements = printed closing = next year's opening
//
// The model, per plan year t after the base year (figures of the base year are the base):
//   pay_t     = pay_{t−1} × (1 + pay award_t + demand_t)       per service
//   non-pay_t = non-pay_{t−1} × (1 + inflation_t + demand_t)   per service
//   spending_t = Σ services (pay + non-pay + pressures in force − savings counted), + corporate
//   council tax_t = council tax_{t−1} × (1 + base growth_t) × (1 + increase_t),
//                   the increase at most the referendum limit (referendum_limit_error otherwise)
//   funding_t = council tax_t + Σ funding lines (each grown by a rate or set to an amount)
//   gap_t = spending_t − funding_t (positive: a shortfall), drawn from the reserves named in
//           gap_draw_order: each down to zero in turn, the last taking what remains (a surplus
//           is paid into the last)
// Pressures and savings are cash: an ongoing one applies from its year on, a one-off in its year
// only. Savings count by their delivery status under a named savings_policy (red never counts
// once risk is weighed; amber by the policy).
//
//   bmm::mtfs_plan<bmm::currency::gbp> plan;
//   plan.base_year = bmm::fiscal_year<>{2023};  plan.years = 3;
//   plan.services = {{"Adult Services", m("60.0"), m("166.9")}};   // pay, non-pay
//   plan.pay_award = {r("3%"), r("2.5%"), r("2%")};  plan.inflation = {...};
//   ...
//   auto projection = bmm::project(plan, bmm::savings_policy::red_excluded());
//   projection.gap(0);                                         // exact_money: 2024/25's gap
//   auto printed = projection.printed(bmm::print_unit::millions(1), bmm::rounding_mode::half_even);
//   printed.years[0].gap;                                      // money, a multiple of £0.1m
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/controlled_rounding.hpp"
#include "detail/text.hpp"
#include "detail/wide_int.hpp"
#include "error.hpp"
#include "exact.hpp"
#include "money.hpp"
#include "period.hpp"
#include "ratio.hpp"
#include "rounding.hpp"
#include "savings.hpp"
#include "zero.hpp"

namespace bmm {

// --- vocabulary ------------------------------------------------------------------------------

/// How savings count in a projection, by their delivery status: delivered and expected (green)
/// in full; amber by the policy; red in full only as planned.
///
///   policy             delivered, expected   amber    red
///   as_planned()       1                     1        1     the budget as set
///   red_excluded()     1                     1        0     risk-weighed, amber still counted
///   green_only()       1                     0        0     only what is secure
///   amber_weighted(w)  1                     w        0     amber at a share w in [0, 1]
class savings_policy {
public:
    [[nodiscard]] static savings_policy as_planned() noexcept { return {ratio(1), ratio(1), 0}; }
    [[nodiscard]] static savings_policy red_excluded() noexcept { return {ratio(1), ratio(0), 1}; }
    [[nodiscard]] static savings_policy green_only() noexcept { return {ratio(0), ratio(0), 2}; }
    /// Throws: invalid_argument naming the share unless 0 <= share <= 1.
    [[nodiscard]] static savings_policy amber_weighted(ratio share) {
        if (share < ratio(0) || share > ratio(1)) {
            throw invalid_argument(
                "an amber share of savings must be between 0 and 1, not " + to_string(share),
                to_string(share));
        }
        return {share, ratio(0), 3};
    }
    /// Reads "as_planned", "red_excluded", "green_only", "amber_weighted 50%" (any ratio text,
    /// "1/2" too); case and surrounding space are ignored.
    /// Throws: parse_error naming the text for anything else; invalid_argument for an amber
    /// share outside [0, 1].
    [[nodiscard]] static savings_policy parse(std::string_view text);
    /// Returns: parse(text), or std::nullopt where parse would throw.
    [[nodiscard]] static std::optional<savings_policy> try_parse(std::string_view text) noexcept;

    /// Returns: the share of a saving of status s that counts.
    [[nodiscard]] ratio weight(savings_status s) const noexcept {
        if (s == savings_status::amber) return amber_;
        if (s == savings_status::red) return red_;
        return ratio(1);
    }
    /// Returns: "as_planned", "red_excluded", "green_only" or "amber_weighted 1/2"
    /// (savings_policy::parse reads it back).
    friend std::string to_string(const savings_policy& p) {
        switch (p.kind_) {
            case 0:
                return "as_planned";
            case 1:
                return "red_excluded";
            case 2:
                return "green_only";
            default:
                return "amber_weighted " + to_string(p.amber_);
        }
    }
    friend bool operator==(const savings_policy& a, const savings_policy& b) noexcept {
        return a.amber_ == b.amber_ && a.red_ == b.red_ && a.kind_ == b.kind_;
    }
    friend bool operator!=(const savings_policy& a, const savings_policy& b) noexcept {
        return !(a == b);
    }

private:
    savings_policy(ratio amber, ratio red, int kind) noexcept
        : amber_(amber), red_(red), kind_(kind) {}
    ratio amber_, red_;
    int kind_;
};

/// The unit a plan is printed in: 10^(scale − decimals) major units. millions(1) is £0.1m,
/// thousands(0) is £000, major_units() is £1, minor_units() is 1p.
struct print_unit {
    int scale = 0;     ///< power of ten of the unit shown: 0 units, 3 thousands, 6 millions
    int decimals = 0;  ///< digits shown after the point, in that unit

    [[nodiscard]] static constexpr print_unit millions(int decimals) noexcept {
        return {6, decimals};
    }
    [[nodiscard]] static constexpr print_unit thousands(int decimals) noexcept {
        return {3, decimals};
    }
    [[nodiscard]] static constexpr print_unit major_units() noexcept { return {0, 0}; }
    /// Pence for GBP: no rounding beyond money's own.
    [[nodiscard]] static constexpr print_unit minor_units() noexcept { return {0, -1}; }

    /// Returns: how many minor units of C one printed unit is (10^7 for £0.1m).
    /// Throws: invalid_argument when the unit is finer than C's minor unit or beyond 10^18.
    template <class C>
    [[nodiscard]] std::int64_t minor_units_of() const {
        const int digits = decimals < 0 ? C::minor_digits : decimals;
        const int power = scale - digits + C::minor_digits;
        if (power < 0 || power > 18) {
            throw invalid_argument("a print unit of 10^" + std::to_string(scale) + " with " +
                                   std::to_string(digits) + " decimals is not a whole number of " +
                                   std::string(C::code) + " minor units up to 10^18");
        }
        std::int64_t u = 1;
        for (int i = 0; i < power; ++i) u *= 10;
        return u;
    }
};

/// What a reserve is for: general balances (the risk-assessed level applies to their total);
/// earmarked reserves; ring-fenced ones (schools, public health: usable, but not available to
/// close the gap or meet the DSG deficit, and left out of CIPFA's resilience measures).
enum class reserve_kind : std::uint8_t { general, earmarked, ring_fenced };

/// Returns: "general", "earmarked", "ring_fenced".
[[nodiscard]] constexpr std::string_view to_string(reserve_kind k) noexcept {
    switch (k) {
        case reserve_kind::general:
            return "general";
        case reserve_kind::earmarked:
            return "earmarked";
        case reserve_kind::ring_fenced:
            return "ring_fenced";
    }
    return "unknown";
}
/// Returns: the kind named by `text` (as to_string spells it, any case, "ring-fenced" too), or
/// std::nullopt.
[[nodiscard]] inline std::optional<reserve_kind> try_parse_reserve_kind(
    std::string_view text) noexcept {
    const std::string_view t = detail::trim(text);
    if (detail::iequals(t, "general")) return reserve_kind::general;
    if (detail::iequals(t, "earmarked")) return reserve_kind::earmarked;
    if (detail::iequals(t, "ring_fenced") || detail::iequals(t, "ring-fenced")) {
        return reserve_kind::ring_fenced;
    }
    return std::nullopt;
}
/// Throws: parse_error naming the text unless try_parse_reserve_kind reads it.
[[nodiscard]] inline reserve_kind parse_reserve_kind(std::string_view text) {
    if (auto k = try_parse_reserve_kind(text)) return *k;
    throw parse_error(text, "a reserve kind", "expected general, earmarked or ring_fenced");
}

/// Whether a budget change or saving lasts: from its year on, or in its year only.
enum class item_duration : std::uint8_t { ongoing, one_off };

/// Returns: "ongoing", "one_off".
[[nodiscard]] constexpr std::string_view to_string(item_duration d) noexcept {
    return d == item_duration::ongoing ? "ongoing" : "one_off";
}
/// Returns: the duration named by `text` ("ongoing", "one_off" or "one-off", any case), or
/// std::nullopt.
[[nodiscard]] inline std::optional<item_duration> try_parse_item_duration(
    std::string_view text) noexcept {
    const std::string_view t = detail::trim(text);
    if (detail::iequals(t, "ongoing")) return item_duration::ongoing;
    if (detail::iequals(t, "one_off") || detail::iequals(t, "one-off")) {
        return item_duration::one_off;
    }
    return std::nullopt;
}
/// Throws: parse_error naming the text unless try_parse_item_duration reads it.
[[nodiscard]] inline item_duration parse_item_duration(std::string_view text) {
    if (auto d = try_parse_item_duration(text)) return *d;
    throw parse_error(text, "a duration", "expected ongoing or one_off");
}

/// A council tax increase above the referendum limit: the year and both rates are named.
class referendum_limit_error : public invalid_argument {
public:
    referendum_limit_error(std::string year, ratio increase, ratio limit)
        : invalid_argument("the council tax increase of " + percent(increase) + " in " + year +
                               " exceeds the referendum limit of " + percent(limit),
                           year),
          year_(std::move(year)),
          increase_(increase),
          limit_(limit) {}
    /// Returns: the year's label ("2025/26").
    [[nodiscard]] const std::string& year() const noexcept { return year_; }
    [[nodiscard]] ratio increase() const noexcept { return increase_; }
    [[nodiscard]] ratio limit() const noexcept { return limit_; }

private:
    static std::string percent(ratio r) { return to_string(exact(r) * exact(100)) + "%"; }
    std::string year_;
    ratio increase_, limit_;
};

// --- the plan ----------------------------------------------------------------------------------

/// A service's base-year budget, split into pay and everything else (non-pay).
template <class C>
struct mtfs_service {
    std::string name;
    money<C> pay;
    money<C> non_pay;
};

/// Demand growth of one service: one rate per plan year. A service without one does not grow
/// with demand.
struct mtfs_demand {
    std::string service;
    std::vector<ratio> rates;
};

/// A budget change that is not a saving: a pressure (positive) or another change, of a service
/// (or corporate: service ""), from its year on or in its year only.
template <class C, unsigned S = 4>
struct mtfs_change {
    std::string name;
    std::string service;  ///< "" for a corporate item
    fiscal_year<S> year;
    money<C> amount;  ///< added to spending (negative: a reduction)
    item_duration duration = item_duration::ongoing;
};

/// A planned saving with its delivery status.
template <class C, unsigned S = 4>
struct mtfs_saving {
    std::string name;
    std::string service;  ///< "" for a corporate saving
    fiscal_year<S> year;
    money<C> amount;  ///< the saving, positive
    savings_status status = savings_status::expected;
    item_duration duration = item_duration::ongoing;
};

/// Council tax: the base year's income, and per plan year the tax base's growth, the increase
/// and the referendum limit on the increase.
template <class C>
struct mtfs_council_tax {
    money<C> base;
    std::vector<ratio> base_growth;
    std::vector<ratio> increase;
    std::vector<ratio> referendum_limit;
};

/// One plan year of a funding line: grown by a rate from the year before, or set to an amount.
template <class C>
class funding_step {
public:
    [[nodiscard]] static funding_step grow(ratio rate) noexcept { return funding_step(rate, {}); }
    [[nodiscard]] static funding_step set(money<C> amount) noexcept {
        return funding_step(std::nullopt, amount);
    }
    /// Returns: the growth rate, or std::nullopt for a set amount.
    [[nodiscard]] const std::optional<ratio>& rate() const noexcept { return rate_; }
    /// Returns: the amount, or std::nullopt for a growth rate.
    [[nodiscard]] const std::optional<money<C>>& amount() const noexcept { return amount_; }

private:
    funding_step(std::optional<ratio> r, std::optional<money<C>> a) noexcept
        : rate_(r), amount_(a) {}
    std::optional<ratio> rate_;
    std::optional<money<C>> amount_;
};

/// A funding line other than council tax (business rates, grants): its base-year amount and one
/// step per plan year.
template <class C>
struct mtfs_funding {
    std::string name;
    money<C> base;
    std::vector<funding_step<C>> steps;
};

/// A planned contribution to (+) or use of (−) a reserve in one year.
template <class C, unsigned S = 4>
struct reserve_movement {
    std::string name;
    fiscal_year<S> year;
    money<C> amount;
};

/// A reserve: its balance at the end of the base year and its planned movements.
template <class C, unsigned S = 4>
struct mtfs_reserve {
    std::string name;
    reserve_kind kind = reserve_kind::earmarked;
    money<C> opening;
    std::vector<reserve_movement<C, S>> movements;
};

/// The High Needs DSG deficit in its unusable reserve, as a positive amount owed: at the end of
/// the base year, each plan year's in-year deficit, and the statutory override's end.
template <class C>
struct mtfs_dsg {
    money<C> opening_deficit;
    std::vector<money<C>> in_year;  ///< one per plan year (negative: a surplus)
    date::year_month_day override_ends;
};

/// A medium-term financial strategy. Per-year vectors have one entry per plan year, the first
/// for base_year.next().
template <class C, unsigned S = 4>
struct mtfs_plan {
    fiscal_year<S> base_year{0};
    std::size_t years = 0;  ///< plan years after the base year
    std::vector<mtfs_service<C>> services;
    std::vector<ratio> pay_award;
    std::vector<ratio> inflation;
    std::vector<mtfs_demand> demand_growth;
    std::vector<mtfs_change<C, S>> changes;
    std::vector<mtfs_saving<C, S>> savings;
    std::optional<mtfs_council_tax<C>> council_tax;
    std::vector<mtfs_funding<C>> funding;
    std::vector<mtfs_reserve<C, S>> reserves;
    std::vector<std::string> gap_draw_order;    ///< reserves that close the gap, in order
    std::vector<money<C>> risk_assessed_level;  ///< of general balances: per plan year, or none
    std::optional<mtfs_dsg<C>> dsg;
    /// Available reserves (general + earmarked) at the end of years before the base year,
    /// oldest first, for the resilience measures that look three years back.
    std::vector<money<C>> reserves_history;

    /// Returns: the fiscal year of plan year i (0 is base_year.next()).
    [[nodiscard]] fiscal_year<S> year(std::size_t i) const noexcept {
        return base_year + date::years{static_cast<int>(i) + 1};
    }
    /// Returns: the plan-year index of y, or std::nullopt outside the plan.
    [[nodiscard]] std::optional<std::size_t> index_of(fiscal_year<S> y) const noexcept {
        const auto d = (y - base_year).count();
        if (d < 1 || static_cast<std::size_t>(d) > years) return std::nullopt;
        return static_cast<std::size_t>(d - 1);
    }

    /// Checks that the plan means something: every per-year vector has one entry per plan
    /// year, names are unique and known, every item's year is a plan year, savings are not
    /// negative, and each council tax increase is within its referendum limit.
    /// Throws: referendum_limit_error naming the year and the limit; invalid_argument naming
    /// the offending input otherwise.
    void validate() const;
};

// --- printed results ---------------------------------------------------------------------------

/// One printed figure with its name.
template <class C>
struct printed_line {
    std::string name;
    money<C> amount;
};

/// One printed year of a balance: opening + Σ movements = closing, in print.
template <class C>
struct printed_roll_forward {
    std::string name;
    money<C> opening;
    std::vector<printed_line<C>> movements;
    money<C> closing;
};

/// One plan year as printed. Every money figure is a whole number of the print unit.
template <class C, unsigned S = 4>
struct printed_mtfs_year {
    fiscal_year<S> year;
    printed_roll_forward<C> budget;                 ///< the net budget requirement rolled forward
    std::vector<printed_line<C>> spending;          ///< by service, then "Corporate items" if any
    money<C> spending_total;                        ///< = budget.closing = Σ spending
    std::vector<printed_line<C>> funding;           ///< "Council tax" first when there is one
    money<C> funding_total;                         ///< = Σ funding
    money<C> gap;                                   ///< = spending_total − funding_total
    money<C> cumulative_gap;                        ///< = Σ gaps so far
    money<C> savings_planned;                       ///< savings in force this year, in full
    money<C> savings_counted;                       ///< of which counted under the policy
    std::vector<printed_roll_forward<C>> reserves;  ///< in the plan's order
    money<C> general_balances;                      ///< Σ general reserves' closings
    money<C> available_reserves;                    ///< Σ general and earmarked closings
    std::optional<money<C>> risk_assessed_level;
    /// Exact general balances below the risk-assessed level (not the printed figures).
    bool below_level = false;
    std::optional<printed_roll_forward<C>> dsg;  ///< the DSG deficit, positive = owed
    /// The exact DSG deficit exceeds the exact available reserves.
    bool dsg_exceeds_reserves = false;
};

/// A plan as printed: the base year's figures, then each plan year.
template <class C, unsigned S = 4>
struct printed_mtfs {
    print_unit unit;
    rounding_mode mode = rounding_mode::half_even;
    std::string policy;  ///< to_string of the savings policy
    fiscal_year<S> base_year{0};
    money<C> base_spending;                  ///< the base year's net budget requirement
    money<C> base_available_reserves;        ///< general and earmarked, at the end of the base year
    std::vector<money<C>> reserves_history;  ///< as in the plan, rounded to the unit
    std::vector<printed_mtfs_year<C, S>> years;
    /// The first year whose exact general balances are below the risk-assessed level.
    std::optional<fiscal_year<S>> first_year_below_level;
    /// The first year whose exact DSG deficit exceeds the exact available reserves.
    std::optional<fiscal_year<S>> dsg_passes_reserves;
    /// The year containing the statutory override's end, when it is a plan year.
    std::optional<fiscal_year<S>> override_end_year;
};

// --- the projection ----------------------------------------------------------------------------

template <class C, unsigned S = 4>
class mtfs_projection;

/// Returns: the plan projected exactly, savings counted under `policy`.
/// Throws: as plan.validate(); std::bad_alloc. Never overflow_error: figures outgrow 128 bits
/// into cpp_int.
template <class C, unsigned S>
[[nodiscard]] mtfs_projection<C, S> project(const mtfs_plan<C, S>& plan,
                                            const savings_policy& policy);

namespace detail {

/// One reserve in one plan year: figures over the year's denominator.
struct mtfs_reserve_year {
    wide_int opening;
    std::vector<wide_int> movements;          ///< the plan's movements of the year, in order
    std::vector<std::size_t> movement_names;  ///< index into the reserve's movements
    wide_int draw;  ///< drawn to close the gap (negative: a surplus paid in)
    wide_int closing;
};

/// One plan year: every figure is a numerator over `denominator` (minor units).
struct mtfs_year {
    wide_int denominator;
    wide_int opening_spending, pay_inflation, price_inflation, demand, pressures, one_offs,
        savings;                     ///< the budget roll-forward's movements (savings negative)
    std::vector<wide_int> services;  ///< per service, then corporate items
    wide_int spending;
    std::vector<wide_int> funding;  ///< council tax first when there is one
    wide_int funding_total, gap, cumulative_gap;
    wide_int savings_planned, savings_counted;
    std::vector<mtfs_reserve_year> reserves;
    wide_int general, available;
    wide_int dsg_opening, dsg_in_year, dsg_closing;
};

}  // namespace detail

/// The exact projection of a plan. Figures are exact_money; printed(unit, mode) is the only way
/// to money.
template <class C, unsigned S>
class mtfs_projection {
public:
    /// Returns: the plan projected.
    [[nodiscard]] const mtfs_plan<C, S>& plan() const noexcept { return plan_; }
    /// Returns: the savings policy of the projection.
    [[nodiscard]] const savings_policy& policy() const noexcept { return policy_; }
    /// Returns: the number of plan years.
    [[nodiscard]] std::size_t years() const noexcept { return years_.size(); }
    /// Returns: the fiscal year of plan year i.
    [[nodiscard]] fiscal_year<S> year(std::size_t i) const noexcept { return plan_.year(i); }

    // Exact figures of plan year i (0-based). Requires: i < years() (checked: invalid_argument).
    [[nodiscard]] exact_money<C> spending(std::size_t i) const { return at(i, &Y::spending); }
    [[nodiscard]] exact_money<C> funding(std::size_t i) const { return at(i, &Y::funding_total); }
    [[nodiscard]] exact_money<C> gap(std::size_t i) const { return at(i, &Y::gap); }
    [[nodiscard]] exact_money<C> cumulative_gap(std::size_t i) const {
        return at(i, &Y::cumulative_gap);
    }
    [[nodiscard]] exact_money<C> pay_inflation(std::size_t i) const {
        return at(i, &Y::pay_inflation);
    }
    [[nodiscard]] exact_money<C> savings_counted(std::size_t i) const {
        return at(i, &Y::savings_counted);
    }
    /// Returns: service s's spending (s == plan().services.size(): corporate items).
    [[nodiscard]] exact_money<C> service(std::size_t i, std::size_t s) const {
        const auto& y = checked(i);
        if (s >= y.services.size()) throw invalid_argument("no such service line");
        return value(y.services[s], y.denominator);
    }
    /// Returns: funding line l (0 is council tax when the plan has it).
    [[nodiscard]] exact_money<C> funding_line(std::size_t i, std::size_t l) const {
        const auto& y = checked(i);
        if (l >= y.funding.size()) throw invalid_argument("no such funding line");
        return value(y.funding[l], y.denominator);
    }
    /// Returns: reserve r's closing balance.
    [[nodiscard]] exact_money<C> reserve(std::size_t i, std::size_t r) const {
        const auto& y = checked(i);
        if (r >= y.reserves.size()) throw invalid_argument("no such reserve");
        return value(y.reserves[r].closing, y.denominator);
    }
    /// Returns: the amount drawn from reserve r to close the gap (negative: a surplus paid in).
    [[nodiscard]] exact_money<C> draw(std::size_t i, std::size_t r) const {
        const auto& y = checked(i);
        if (r >= y.reserves.size()) throw invalid_argument("no such reserve");
        return value(y.reserves[r].draw, y.denominator);
    }
    [[nodiscard]] exact_money<C> general_balances(std::size_t i) const {
        return at(i, &Y::general);
    }
    /// Returns: general and earmarked reserves together (not ring-fenced ones).
    [[nodiscard]] exact_money<C> available_reserves(std::size_t i) const {
        return at(i, &Y::available);
    }
    /// Returns: the DSG deficit at the end of year i. Throws: invalid_argument without a DSG.
    [[nodiscard]] exact_money<C> dsg_deficit(std::size_t i) const {
        if (!plan_.dsg) throw invalid_argument("the plan has no DSG deficit");
        return at(i, &Y::dsg_closing);
    }

    /// Returns: the first year whose general balances are below the risk-assessed level.
    [[nodiscard]] std::optional<fiscal_year<S>> first_year_below_level() const;
    /// Returns: the first year whose DSG deficit exceeds the available reserves.
    [[nodiscard]] std::optional<fiscal_year<S>> dsg_passes_reserves() const;

    /// Returns: the plan printed in `unit`, rounded by `mode` with controlled rounding (see the
    /// header comment): every figure a whole number of the unit, every year adding up.
    /// Throws: invalid_argument when the unit is finer than C's minor unit; overflow_error when
    /// a printed figure is out of money's range.
    [[nodiscard]] printed_mtfs<C, S> printed(print_unit unit, rounding_mode mode) const;

private:
    using Y = detail::mtfs_year;
    template <class C2, unsigned S2>
    friend mtfs_projection<C2, S2> project(const mtfs_plan<C2, S2>&, const savings_policy&);

    mtfs_projection(const mtfs_plan<C, S>& plan, const savings_policy& policy)
        : plan_(plan), policy_(policy) {}
    const Y& checked(std::size_t i) const {
        if (i >= years_.size()) {
            throw invalid_argument("plan year " + std::to_string(i) + " is beyond the plan's " +
                                   std::to_string(years_.size()) + " years");
        }
        return years_[i];
    }
    static exact_money<C> value(const detail::wide_int& n, const detail::wide_int& d) {
        return exact_money<C>::from_minor_units(exact::from_wide(n, d));
    }
    exact_money<C> at(std::size_t i, detail::wide_int Y::*member) const {
        const Y& y = checked(i);
        return value(y.*member, y.denominator);
    }

    mtfs_plan<C, S> plan_;
    savings_policy policy_;
    detail::wide_int base_spending_, base_available_;
    std::vector<Y> years_;
};

// ---------------------------------------------------------------------------------------------
// Implementation

inline savings_policy savings_policy::parse(std::string_view text) {
    const std::string_view t = detail::trim(text);
    if (detail::iequals(t, "as_planned")) return as_planned();
    if (detail::iequals(t, "red_excluded")) return red_excluded();
    if (detail::iequals(t, "green_only")) return green_only();
    constexpr std::string_view weighted = "amber_weighted";
    if (detail::istarts_with(t, weighted) && t.size() > weighted.size() &&
        detail::is_space(t[weighted.size()])) {
        if (auto share = ratio::try_parse(t.substr(weighted.size()))) {
            return amber_weighted(*share);
        }
        throw parse_error(text, "a savings policy", "the amber share is not a ratio");
    }
    throw parse_error(text, "a savings policy",
                      "expected as_planned, red_excluded, green_only or amber_weighted SHARE");
}

inline std::optional<savings_policy> savings_policy::try_parse(std::string_view text) noexcept {
    try {
        return parse(text);
    } catch (...) {
        return std::nullopt;
    }
}

namespace detail {

[[nodiscard]] inline std::string name_in_quotes(std::string_view s) {
    std::string out = "\"";
    out += s;
    out += '"';
    return out;
}

/// Returns: the index of `name` in names, or std::nullopt.
template <class T, class Name>
[[nodiscard]] std::optional<std::size_t> find_named(const std::vector<T>& items, Name name,
                                                    std::string_view wanted) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (name(items[i]) == wanted) return i;
    }
    return std::nullopt;
}

/// lcm(a, b) for positive a, b.
[[nodiscard]] inline wide_int lcm(const wide_int& a, const wide_int& b) {
    return wide_int::divide_exact(a, wide_int::gcd(a, b)) * b;
}

/// x × q as a whole number. Requires: x's denominator divides q.
[[nodiscard]] inline wide_int scaled(ratio x, const wide_int& q) {
    return wide_int(x.numerator()) * wide_int::divide_exact(q, wide_int(x.denominator()));
}
[[nodiscard]] inline wide_int scaled(const exact& x, const wide_int& q) {
    return x.wide_numerator() * wide_int::divide_exact(q, x.wide_denominator());
}

[[nodiscard]] inline wide_int wide_of(std::int64_t v) { return wide_int(v); }

}  // namespace detail

template <class C, unsigned S>
void mtfs_plan<C, S>::validate() const {
    using detail::name_in_quotes;
    const std::string n = std::to_string(years);
    if (years == 0) throw invalid_argument("a plan needs at least one year after its base year");
    auto per_year = [&](std::size_t size, const std::string& what) {
        if (size != years) {
            throw invalid_argument("the plan's " + what + " has " + std::to_string(size) +
                                       " entries for " + n + " plan years",
                                   what);
        }
    };
    per_year(pay_award.size(), "pay award");
    per_year(inflation.size(), "inflation");
    for (std::size_t i = 0; i < services.size(); ++i) {
        if (services[i].name.empty()) throw invalid_argument("a service has no name");
        for (std::size_t j = 0; j < i; ++j) {
            if (services[j].name == services[i].name) {
                throw invalid_argument(
                    "the service " + name_in_quotes(services[i].name) + " is given twice",
                    services[i].name);
            }
        }
    }
    auto known_service = [&](const std::string& s, const std::string& what) {
        if (s.empty()) return;
        if (!detail::find_named(
                services, [](const auto& x) -> const std::string& { return x.name; }, s)) {
            throw invalid_argument(
                what + " names the service " + name_in_quotes(s) + ", which is not in the plan", s);
        }
    };
    for (std::size_t i = 0; i < demand_growth.size(); ++i) {
        const mtfs_demand& d = demand_growth[i];
        if (d.service.empty()) throw invalid_argument("a demand growth line names no service");
        known_service(d.service, "a demand growth line");
        per_year(d.rates.size(), "demand growth of " + name_in_quotes(d.service));
        for (std::size_t j = 0; j < i; ++j) {
            if (demand_growth[j].service == d.service) {
                throw invalid_argument(
                    "the demand growth of " + name_in_quotes(d.service) + " is given twice",
                    d.service);
            }
        }
    }
    auto in_plan = [&](fiscal_year<S> y, const std::string& what) {
        if (!index_of(y)) {
            throw invalid_argument(what + " is for " + to_string(y) + ", outside the plan years " +
                                       to_string(year(0)) + " to " + to_string(year(years - 1)),
                                   to_string(y));
        }
    };
    for (const auto& c : changes) {
        known_service(c.service, "the budget change " + name_in_quotes(c.name));
        in_plan(c.year, "the budget change " + name_in_quotes(c.name));
    }
    for (const auto& s : savings) {
        known_service(s.service, "the saving " + name_in_quotes(s.name));
        in_plan(s.year, "the saving " + name_in_quotes(s.name));
        if (s.amount < zero) {
            throw invalid_argument("the saving " + name_in_quotes(s.name) + " is negative (" +
                                       to_string(s.amount) + "): a saving is a positive amount",
                                   to_string(s.amount));
        }
    }
    if (council_tax) {
        per_year(council_tax->base_growth.size(), "council tax base growth");
        per_year(council_tax->increase.size(), "council tax increase");
        per_year(council_tax->referendum_limit.size(), "referendum limit");
        for (std::size_t i = 0; i < years; ++i) {
            if (council_tax->increase[i] > council_tax->referendum_limit[i]) {
                throw referendum_limit_error(to_string(year(i)), council_tax->increase[i],
                                             council_tax->referendum_limit[i]);
            }
        }
    }
    for (std::size_t i = 0; i < funding.size(); ++i) {
        const auto& f = funding[i];
        if (f.name.empty()) throw invalid_argument("a funding line has no name");
        if (council_tax && detail::iequals(f.name, "Council tax")) {
            throw invalid_argument(
                "a funding line is called \"Council tax\", the name of the "
                "council tax line",
                f.name);
        }
        per_year(f.steps.size(), "funding line " + name_in_quotes(f.name));
        for (std::size_t j = 0; j < i; ++j) {
            if (funding[j].name == f.name) {
                throw invalid_argument(
                    "the funding line " + name_in_quotes(f.name) + " is given twice", f.name);
            }
        }
    }
    for (std::size_t i = 0; i < reserves.size(); ++i) {
        const auto& r = reserves[i];
        if (r.name.empty()) throw invalid_argument("a reserve has no name");
        for (std::size_t j = 0; j < i; ++j) {
            if (reserves[j].name == r.name) {
                throw invalid_argument("the reserve " + name_in_quotes(r.name) + " is given twice",
                                       r.name);
            }
        }
        for (const auto& m : r.movements) {
            in_plan(m.year, "the movement " + name_in_quotes(m.name) + " of the reserve " +
                                name_in_quotes(r.name));
        }
    }
    for (std::size_t i = 0; i < gap_draw_order.size(); ++i) {
        const auto r = detail::find_named(
            reserves, [](const auto& x) -> const std::string& { return x.name; },
            gap_draw_order[i]);
        if (!r) {
            throw invalid_argument("the gap is to be drawn from " +
                                       name_in_quotes(gap_draw_order[i]) +
                                       ", which is not a reserve of the plan",
                                   gap_draw_order[i]);
        }
        if (reserves[*r].kind == reserve_kind::ring_fenced) {
            throw invalid_argument("the gap is to be drawn from the ring-fenced reserve " +
                                       name_in_quotes(gap_draw_order[i]),
                                   gap_draw_order[i]);
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (gap_draw_order[j] == gap_draw_order[i]) {
                throw invalid_argument(
                    "the gap draw order names " + name_in_quotes(gap_draw_order[i]) + " twice",
                    gap_draw_order[i]);
            }
        }
    }
    if (!risk_assessed_level.empty()) per_year(risk_assessed_level.size(), "risk-assessed level");
    if (dsg) {
        per_year(dsg->in_year.size(), "DSG in-year deficit");
        if (!dsg->override_ends.ok()) {
            throw invalid_argument("the DSG statutory override's end is not a valid date");
        }
    }
}

template <class C, unsigned S>
mtfs_projection<C, S> project(const mtfs_plan<C, S>& plan, const savings_policy& policy) {
    using detail::wide_int;
    plan.validate();
    mtfs_projection<C, S> out(plan, policy);
    const std::size_t n = plan.years;
    const std::size_t k = plan.services.size();
    const auto service_index = [&](const std::string& name) -> std::size_t {
        if (name.empty()) return k;  // corporate
        for (std::size_t s = 0; s < k; ++s) {
            if (plan.services[s].name == name) return s;
        }
        return k;  // not reached: validate() checked every name
    };

    // Demand rates per service (zero without a line).
    std::vector<const std::vector<ratio>*> demand(k, nullptr);
    for (const mtfs_demand& d : plan.demand_growth) demand[service_index(d.service)] = &d.rates;

    // Cash items by plan year: (line, amount in minor units, status bucket, one-off?).
    // Buckets: 0 changes, 1 savings counted in full, 2 amber savings, 3 red savings.
    struct item {
        std::size_t line;
        detail::i128 amount;
        int bucket;
        bool one_off;
    };
    std::vector<std::vector<item>> by_year(n);
    bool corporate = false;
    for (const auto& c : plan.changes) {
        by_year[*plan.index_of(c.year)].push_back({service_index(c.service),
                                                   c.amount.in_minor_units(), 0,
                                                   c.duration == item_duration::one_off});
        corporate = corporate || c.service.empty();
    }
    for (const auto& s : plan.savings) {
        const int bucket =
            s.status == savings_status::amber ? 2 : (s.status == savings_status::red ? 3 : 1);
        by_year[*plan.index_of(s.year)].push_back({service_index(s.service),
                                                   s.amount.in_minor_units(), bucket,
                                                   s.duration == item_duration::one_off});
        corporate = corporate || s.service.empty();
    }
    const std::size_t lines = k + (corporate ? 1 : 0);

    // Reserves: the draw order as indices.
    std::vector<std::size_t> draw_order;
    for (const std::string& name : plan.gap_draw_order) {
        for (std::size_t r = 0; r < plan.reserves.size(); ++r) {
            if (plan.reserves[r].name == name) draw_order.push_back(r);
        }
    }

    // State, over the running common denominator d.
    wide_int d(1);
    std::vector<wide_int> pay(k), non_pay(k);
    wide_int spending;
    for (std::size_t s = 0; s < k; ++s) {
        pay[s] = detail::wide_of(plan.services[s].pay.in_minor_units());
        non_pay[s] = detail::wide_of(plan.services[s].non_pay.in_minor_units());
        spending += pay[s] + non_pay[s];
    }
    // Cash in force per line: ongoing sums and this year's one-offs, by bucket (minor units).
    std::vector<std::array<detail::i128, 4>> ongoing(k + 1), one_off(k + 1);
    for (auto& a : ongoing) a.fill(0);
    wide_int ct =
        plan.council_tax ? detail::wide_of(plan.council_tax->base.in_minor_units()) : wide_int();
    std::vector<wide_int> funding(plan.funding.size());
    for (std::size_t l = 0; l < funding.size(); ++l) {
        funding[l] = detail::wide_of(plan.funding[l].base.in_minor_units());
    }
    std::vector<wide_int> reserve(plan.reserves.size());
    wide_int available;
    for (std::size_t r = 0; r < reserve.size(); ++r) {
        reserve[r] = detail::wide_of(plan.reserves[r].opening.in_minor_units());
        if (plan.reserves[r].kind != reserve_kind::ring_fenced) available += reserve[r];
    }
    out.base_spending_ = spending;
    out.base_available_ = available;
    wide_int dsg =
        plan.dsg ? detail::wide_of(plan.dsg->opening_deficit.in_minor_units()) : wide_int();
    wide_int cumulative, prev_counted, prev_ongoing_changes, prev_one_off_changes;
    const ratio amber_w = policy.weight(savings_status::amber);
    const ratio red_w = policy.weight(savings_status::red);

    out.years_.resize(n);
    std::vector<wide_int> dq(k);
    for (std::size_t t = 0; t < n; ++t) {
        detail::mtfs_year& y = out.years_[t];
        // The year's common denominator q: every rate of the year is a whole number over it.
        wide_int q(1);
        auto with_den = [&q](const wide_int& den) {
            if (den != q && den != wide_int(1)) q = detail::lcm(q, den);
        };
        with_den(wide_int(plan.pay_award[t].denominator()));
        with_den(wide_int(plan.inflation[t].denominator()));
        for (std::size_t s = 0; s < k; ++s) {
            if (demand[s]) with_den(wide_int((*demand[s])[t].denominator()));
        }
        std::optional<exact> ct_factor;
        if (plan.council_tax) {
            ct_factor = (exact(1) + exact(plan.council_tax->base_growth[t])) *
                        (exact(1) + exact(plan.council_tax->increase[t]));
            with_den(ct_factor->wide_denominator());
        }
        for (const auto& f : plan.funding) {
            if (f.steps[t].rate()) with_den(wide_int(f.steps[t].rate()->denominator()));
        }
        with_den(wide_int(amber_w.denominator()));
        with_den(wide_int(red_w.denominator()));

        const wide_int d_prev = d;
        const bool rescale = q != wide_int(1);
        if (rescale) d *= q;
        y.denominator = d;
        auto up = [&](wide_int& v) {
            if (rescale) v *= q;
        };

        // Budget roll-forward: opening, pay and price inflation, demand.
        y.opening_spending = spending;
        up(y.opening_spending);
        const wide_int pq = detail::scaled(plan.pay_award[t], q);
        const wide_int iq = detail::scaled(plan.inflation[t], q);
        for (std::size_t s = 0; s < k; ++s) {
            dq[s] = demand[s] ? detail::scaled((*demand[s])[t], q) : wide_int();
        }
        y.services.assign(lines, wide_int());
        for (std::size_t s = 0; s < k; ++s) {
            // Inflation and demand on the year-before figures; the new figure is their sum.
            const wide_int p_inf = pay[s] * pq, n_inf = non_pay[s] * iq;
            y.pay_inflation += p_inf;
            y.price_inflation += n_inf;
            if (!dq[s].is_zero()) {
                const wide_int p_dem = pay[s] * dq[s], n_dem = non_pay[s] * dq[s];
                y.demand += p_dem;
                y.demand += n_dem;
                up(pay[s]);
                up(non_pay[s]);
                pay[s] += p_dem;
                non_pay[s] += n_dem;
            } else {
                up(pay[s]);
                up(non_pay[s]);
            }
            pay[s] += p_inf;
            non_pay[s] += n_inf;
            y.services[s] = pay[s] + non_pay[s];
        }

        // Cash items: this year's one-offs replace last year's; ongoing ones accumulate.
        for (auto& a : one_off) a.fill(0);
        for (const item& it : by_year[t]) {
            (it.one_off ? one_off : ongoing)[it.line][static_cast<std::size_t>(it.bucket)] +=
                it.amount;
        }
        const wide_int d_amber = d_prev * detail::scaled(amber_w, q);
        const wide_int d_red = d_prev * detail::scaled(red_w, q);
        wide_int counted, ongoing_changes, one_off_changes, planned;
        for (std::size_t s = 0; s < lines; ++s) {
            const auto& on = ongoing[s];
            const auto& off = one_off[s];
            const detail::i128 change_on = on[0], change_off = off[0];
            const detail::i128 full = on[1] + off[1], amber = on[2] + off[2], red = on[3] + off[3];
            ongoing_changes += wide_int::from_i128(change_on);
            one_off_changes += wide_int::from_i128(change_off);
            planned += wide_int::from_i128(full + amber + red);
            wide_int cash = wide_int::from_i128(change_on + change_off - full) * d;
            wide_int line_counted = wide_int::from_i128(full) * d;
            if (amber != 0) {
                const wide_int a = wide_int::from_i128(amber) * d_amber;
                cash -= a;
                line_counted += a;
            }
            if (red != 0) {
                const wide_int r = wide_int::from_i128(red) * d_red;
                cash -= r;
                line_counted += r;
            }
            counted += line_counted;
            if (!cash.is_zero()) y.services[s] += cash;
        }
        y.pressures = (ongoing_changes - prev_ongoing_changes) * d;
        y.one_offs = (one_off_changes - prev_one_off_changes) * d;
        up(prev_counted);
        y.savings = prev_counted - counted;
        prev_counted = counted;
        prev_ongoing_changes = ongoing_changes;
        prev_one_off_changes = one_off_changes;
        y.savings_planned = planned * d;
        y.savings_counted = counted;
        spending = wide_int();
        for (const wide_int& v : y.services) spending += v;
        y.spending = spending;

        // Funding.
        y.funding.clear();
        if (plan.council_tax) {
            ct *= detail::scaled(*ct_factor, q);
            y.funding.push_back(ct);
        }
        for (std::size_t l = 0; l < funding.size(); ++l) {
            const funding_step<C>& step = plan.funding[l].steps[t];
            if (step.rate()) {
                funding[l] *= q + detail::scaled(*step.rate(), q);
            } else {
                funding[l] = detail::wide_of(step.amount()->in_minor_units()) * d;
            }
            y.funding.push_back(funding[l]);
        }
        y.funding_total = wide_int();
        for (const wide_int& f : y.funding) y.funding_total += f;
        y.gap = y.spending - y.funding_total;
        up(cumulative);
        cumulative += y.gap;
        y.cumulative_gap = cumulative;

        // Reserves: planned movements, then the gap drawn in order.
        y.reserves.resize(reserve.size());
        for (std::size_t r = 0; r < reserve.size(); ++r) {
            detail::mtfs_reserve_year& ry = y.reserves[r];
            up(reserve[r]);
            ry.opening = reserve[r];
            const auto& moves = plan.reserves[r].movements;
            for (std::size_t m = 0; m < moves.size(); ++m) {
                if (moves[m].year != plan.year(t)) continue;
                const wide_int v = detail::wide_of(moves[m].amount.in_minor_units()) * d;
                ry.movements.push_back(v);
                ry.movement_names.push_back(m);
                reserve[r] += v;
            }
        }
        if (!draw_order.empty()) {
            wide_int remaining = y.gap;
            for (std::size_t j = 0; j + 1 < draw_order.size() && remaining.sign() > 0; ++j) {
                const std::size_t r = draw_order[j];
                if (reserve[r].sign() <= 0) continue;
                const wide_int take = reserve[r] < remaining ? reserve[r] : remaining;
                y.reserves[r].draw = take;
                reserve[r] -= take;
                remaining -= take;
            }
            const std::size_t last = draw_order.back();
            y.reserves[last].draw += remaining;
            reserve[last] -= remaining;
        }
        y.general = wide_int();
        y.available = wide_int();
        for (std::size_t r = 0; r < reserve.size(); ++r) {
            y.reserves[r].closing = reserve[r];
            if (plan.reserves[r].kind == reserve_kind::general) y.general += reserve[r];
            if (plan.reserves[r].kind != reserve_kind::ring_fenced) y.available += reserve[r];
        }

        // The DSG deficit.
        if (plan.dsg) {
            up(dsg);
            y.dsg_opening = dsg;
            y.dsg_in_year = detail::wide_of(plan.dsg->in_year[t].in_minor_units()) * d;
            dsg += y.dsg_in_year;
            y.dsg_closing = dsg;
        }
    }
    return out;
}

template <class C, unsigned S>
std::optional<fiscal_year<S>> mtfs_projection<C, S>::first_year_below_level() const {
    if (plan_.risk_assessed_level.empty()) return std::nullopt;
    for (std::size_t i = 0; i < years_.size(); ++i) {
        const Y& y = years_[i];
        if (y.general <
            detail::wide_of(plan_.risk_assessed_level[i].in_minor_units()) * y.denominator) {
            return year(i);
        }
    }
    return std::nullopt;
}

template <class C, unsigned S>
std::optional<fiscal_year<S>> mtfs_projection<C, S>::dsg_passes_reserves() const {
    if (!plan_.dsg) return std::nullopt;
    for (std::size_t i = 0; i < years_.size(); ++i) {
        if (years_[i].dsg_closing > years_[i].available) return year(i);
    }
    return std::nullopt;
}

template <class C, unsigned S>
printed_mtfs<C, S> mtfs_projection<C, S>::printed(print_unit unit, rounding_mode mode) const {
    using detail::wide_int;
    const wide_int u(unit.template minor_units_of<C>());
    printed_mtfs<C, S> out;
    out.unit = unit;
    out.mode = mode;
    out.policy = to_string(policy_);
    out.base_year = plan_.base_year;
    // A whole number of units as money (units × u minor units).
    auto as_money = [&u](const wide_int& units, std::string_view what) {
        const wide_int m = units * u;
        if (!m.is_small() || !detail::fits_i64(m.small())) {
            throw overflow_error("the printed " + std::string(what) + " (" + m.to_string() +
                                 " minor units) is out of the range of " + std::string(C::code) +
                                 " money");
        }
        return money<C>::from_minor_units(static_cast<std::int64_t>(m.small()));
    };
    auto lines = [&](const std::vector<std::string>& names, const std::vector<wide_int>& units,
                     std::string_view what) {
        std::vector<printed_line<C>> v;
        v.reserve(names.size());
        for (std::size_t i = 0; i < names.size(); ++i) {
            v.push_back({names[i], as_money(units[i], what)});
        }
        return v;
    };

    const wide_int base_spending = detail::round_div(base_spending_, u, mode);
    out.base_spending = as_money(base_spending, "base spending");
    for (const money<C>& h : plan_.reserves_history) {
        out.reserves_history.push_back(as_money(
            detail::round_div(detail::wide_of(h.in_minor_units()), u, mode), "reserves history"));
    }
    std::vector<std::string> service_names;
    for (const auto& s : plan_.services) service_names.push_back(s.name);
    if (!years_.empty() && years_[0].services.size() > service_names.size()) {
        service_names.push_back("Corporate items");
    }
    std::vector<std::string> funding_names;
    if (plan_.council_tax) funding_names.push_back("Council tax");
    for (const auto& f : plan_.funding) funding_names.push_back(f.name);
    static const std::vector<std::string> budget_names{"Pay inflation",       "Price inflation",
                                                       "Demand growth",       "Pressures",
                                                       "One-off items (net)", "Savings"};

    // Printed balances carried from year to year (whole units).
    wide_int spending_units = base_spending, cumulative_units;
    std::vector<wide_int> reserve_units(plan_.reserves.size());
    wide_int base_available_units;
    for (std::size_t r = 0; r < reserve_units.size(); ++r) {
        reserve_units[r] =
            detail::round_div(detail::wide_of(plan_.reserves[r].opening.in_minor_units()), u, mode);
        if (plan_.reserves[r].kind != reserve_kind::ring_fenced) {
            base_available_units += reserve_units[r];
        }
    }
    out.base_available_reserves = as_money(base_available_units, "available reserves");
    wide_int dsg_units =
        plan_.dsg ? detail::round_div(detail::wide_of(plan_.dsg->opening_deficit.in_minor_units()),
                                      u, mode)
                  : wide_int();
    std::vector<std::size_t> draw_order;
    for (const std::string& name : plan_.gap_draw_order) {
        for (std::size_t r = 0; r < plan_.reserves.size(); ++r) {
            if (plan_.reserves[r].name == name) draw_order.push_back(r);
        }
    }

    out.years.reserve(years_.size());
    for (std::size_t i = 0; i < years_.size(); ++i) {
        const Y& y = years_[i];
        const wide_int w = y.denominator * u;
        printed_mtfs_year<C, S> p;
        p.year = year(i);

        // The budget requirement: its closing is the spending total.
        const std::vector<wide_int> moves{y.pay_inflation, y.price_inflation, y.demand,
                                          y.pressures,     y.one_offs,        y.savings};
        const detail::rolled_forward budget =
            detail::round_roll_forward(spending_units, wide_int(), moves, y.spending, w, mode);
        p.budget.name = "Net budget requirement";
        p.budget.opening = as_money(spending_units, "budget requirement");
        p.budget.movements = lines(budget_names, budget.movements, "budget movement");
        p.budget.closing = as_money(budget.closing, "budget requirement");
        spending_units = budget.closing;
        p.spending_total = p.budget.closing;
        p.spending = lines(service_names, detail::apportion(y.services, w, budget.closing),
                           "service spending");

        // Funding and the gap.
        const wide_int funding_units = detail::round_div(y.funding_total, w, mode);
        p.funding_total = as_money(funding_units, "funding");
        p.funding =
            lines(funding_names, detail::apportion(y.funding, w, funding_units), "funding line");
        const wide_int gap_units = spending_units - funding_units;
        p.gap = as_money(gap_units, "gap");
        cumulative_units += gap_units;
        p.cumulative_gap = as_money(cumulative_units, "cumulative gap");
        p.savings_planned = as_money(detail::round_div(y.savings_planned, w, mode), "savings");
        p.savings_counted = as_money(detail::round_div(y.savings_counted, w, mode), "savings");

        // Reserves: the printed gap split over the reserves that close it, then each reserve.
        std::vector<wide_int> draws_units(plan_.reserves.size());
        if (!draw_order.empty()) {
            std::vector<wide_int> exact_draws;
            for (std::size_t r : draw_order) exact_draws.push_back(y.reserves[r].draw);
            const std::vector<wide_int> split = detail::apportion(exact_draws, w, gap_units);
            for (std::size_t j = 0; j < draw_order.size(); ++j)
                draws_units[draw_order[j]] = split[j];
        }
        wide_int general_units, available_units;
        for (std::size_t r = 0; r < plan_.reserves.size(); ++r) {
            const detail::mtfs_reserve_year& ry = y.reserves[r];
            const bool draws =
                std::find(draw_order.begin(), draw_order.end(), r) != draw_order.end();
            const detail::rolled_forward rolled = detail::round_roll_forward(
                reserve_units[r], -draws_units[r], ry.movements, ry.closing, w, mode);
            printed_roll_forward<C> pr;
            pr.name = plan_.reserves[r].name;
            pr.opening = as_money(reserve_units[r], "reserve");
            for (std::size_t m = 0; m < ry.movements.size(); ++m) {
                pr.movements.push_back({plan_.reserves[r].movements[ry.movement_names[m]].name,
                                        as_money(rolled.movements[m], "reserve movement")});
            }
            if (draws) {
                pr.movements.push_back(
                    {"Draw to close the gap", as_money(-draws_units[r], "reserve movement")});
            }
            pr.closing = as_money(rolled.closing, "reserve");
            reserve_units[r] = rolled.closing;
            if (plan_.reserves[r].kind == reserve_kind::general) general_units += rolled.closing;
            if (plan_.reserves[r].kind != reserve_kind::ring_fenced) {
                available_units += rolled.closing;
            }
            p.reserves.push_back(std::move(pr));
        }
        p.general_balances = as_money(general_units, "general balances");
        p.available_reserves = as_money(available_units, "available reserves");
        if (!plan_.risk_assessed_level.empty()) {
            const money<C> level = plan_.risk_assessed_level[i];
            p.risk_assessed_level =
                as_money(detail::round_div(detail::wide_of(level.in_minor_units()), u, mode),
                         "risk-assessed level");
            p.below_level = y.general < detail::wide_of(level.in_minor_units()) * y.denominator;
            if (p.below_level && !out.first_year_below_level) out.first_year_below_level = p.year;
        }

        // The DSG deficit.
        if (plan_.dsg) {
            const detail::rolled_forward rolled = detail::round_roll_forward(
                dsg_units, wide_int(), {y.dsg_in_year}, y.dsg_closing, w, mode);
            printed_roll_forward<C> pd;
            pd.name = "DSG deficit";
            pd.opening = as_money(dsg_units, "DSG deficit");
            pd.movements.push_back({"In-year deficit", as_money(rolled.movements[0], "DSG")});
            pd.closing = as_money(rolled.closing, "DSG deficit");
            dsg_units = rolled.closing;
            p.dsg = std::move(pd);
            p.dsg_exceeds_reserves = y.dsg_closing > y.available;
            if (p.dsg_exceeds_reserves && !out.dsg_passes_reserves)
                out.dsg_passes_reserves = p.year;
            if (p.year.contains(plan_.dsg->override_ends)) out.override_end_year = p.year;
        }
        out.years.push_back(std::move(p));
    }
    return out;
}

}  // namespace bmm
