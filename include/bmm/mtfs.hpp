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

#include "detail/exact_apportion.hpp"
#include "detail/int128.hpp"
#include "detail/mtfs_engine.hpp"
#include "detail/text.hpp"
#include "detail/wide_int.hpp"
#include "error.hpp"
#include "exact.hpp"
#include "money.hpp"
#include "period.hpp"
#include "ratio.hpp"
#include "resilience.hpp"
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

namespace detail {

/// Names of a plan's items for lookup: find() by name, duplicate() for repeats. An open-address
/// hash table of the items' indices (FNV-1a hashes, linear probing): no string comparison but on
/// a hash match, and a list that follows the items' order is read without a search at all.
class name_index {
public:
    template <class T, class Name>
    name_index(const std::vector<T>& items, Name name) {
        names_.reserve(items.size());
        for (const T& item : items) names_.push_back(name(item));
        std::size_t size = 16;
        while (size < 2 * names_.size()) size *= 2;
        slots_.assign(size, empty);
        hashes_.resize(names_.size());
        for (std::size_t i = 0; i < names_.size(); ++i) {
            hashes_[i] = hash(names_[i]);
            std::size_t at = static_cast<std::size_t>(hashes_[i]) & (size - 1);
            for (;; at = (at + 1) & (size - 1)) {
                const std::size_t j = slots_[at];
                if (j == empty) {
                    slots_[at] = i;
                    break;
                }
                if (hashes_[j] == hashes_[i] && names_[j] == names_[i]) {  // a repeat
                    if (!duplicate_) duplicate_ = i;
                    break;
                }
            }
        }
    }
    /// Returns: the index of the first item called `wanted`, or std::nullopt. Item `hint` is
    /// tried first.
    [[nodiscard]] std::optional<std::size_t> find(std::string_view wanted,
                                                  std::size_t hint = 0) const {
        if (hint < names_.size() && !duplicate_ && names_[hint] == wanted) return hint;
        const std::uint64_t h = hash(wanted);
        for (std::size_t at = static_cast<std::size_t>(h) & (slots_.size() - 1);;
             at = (at + 1) & (slots_.size() - 1)) {
            const std::size_t j = slots_[at];
            if (j == empty) return std::nullopt;
            if (hashes_[j] == h && names_[j] == wanted) return j;
        }
    }
    /// Returns: the index of the earliest item whose name an earlier item has, or std::nullopt.
    [[nodiscard]] std::optional<std::size_t> duplicate() const noexcept { return duplicate_; }

private:
    /// FNV-1a: names are short, and a few instructions a byte are all a lookup needs.
    static std::uint64_t hash(std::string_view s) noexcept {
        std::uint64_t h = 14695981039346656037u;
        for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211u;
        return h;
    }
    static constexpr std::size_t empty = static_cast<std::size_t>(-1);
    std::vector<std::string_view> names_;
    std::vector<std::uint64_t> hashes_;
    std::vector<std::size_t> slots_;
    std::optional<std::size_t> duplicate_;
};

/// Each demand line's, change's and saving's spending line: a service's index, or the number
/// of services for a corporate item.
struct mtfs_lines {
    std::vector<std::size_t> demand, change, saving;
};

}  // namespace detail

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

template <class C, unsigned S = 4>
class mtfs_projection;

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
    void validate() const { (void)checked_lines(); }

private:
    template <class C2, unsigned S2>
    friend mtfs_projection<C2, S2> project(const mtfs_plan<C2, S2>&, const savings_policy&);
    /// validate(), returning each item's spending line, which project() reuses.
    [[nodiscard]] detail::mtfs_lines checked_lines() const;
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
    std::vector<money<C>> spending;                 ///< by printed_mtfs::spending_lines
    money<C> spending_total;                        ///< = budget.closing = Σ spending
    std::vector<money<C>> funding;                  ///< by printed_mtfs::funding_lines
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
    std::vector<std::string> spending_lines;  ///< the services, then "Corporate items" if any
    std::vector<std::string> funding_lines;   ///< "Council tax" first when the plan has it
    std::vector<printed_mtfs_year<C, S>> years;
    /// The first year whose exact general balances are below the risk-assessed level.
    std::optional<fiscal_year<S>> first_year_below_level;
    /// The first year whose exact DSG deficit exceeds the exact available reserves.
    std::optional<fiscal_year<S>> dsg_passes_reserves;
    /// The year containing the statutory override's end, when it is a plan year.
    std::optional<fiscal_year<S>> override_end_year;
};

/// The reserves indicators of one printed plan year (bmm/resilience.hpp), from the printed
/// available reserves (general and earmarked).
template <class C, unsigned S = 4>
struct resilience_year {
    fiscal_year<S> year;
    money<C> available_reserves;
    std::optional<ratio> level;      ///< ÷ the year's net budget requirement
    bool three_years_known = false;  ///< the reserves three years before are known
    std::optional<ratio> change;     ///< over three years; needs three_years_known
    /// Years reserves last at the last three years' average fall; std::nullopt when they did
    /// not fall (or three_years_known is false).
    std::optional<ratio> sustainability;
    std::optional<ratio> cover;  ///< ÷ the year's gap; std::nullopt when there is no gap
};

/// Returns: the resilience indicators of each printed year. The series is the plan's reserves
/// history, the base year's available reserves, then each year's.
/// Throws: overflow_error when an exact ratio does not fit 64-bit terms.
template <class C, unsigned S>
[[nodiscard]] std::vector<resilience_year<C, S>> resilience(const printed_mtfs<C, S>& p) {
    std::vector<money<C>> series = p.reserves_history;
    series.push_back(p.base_available_reserves);
    std::vector<resilience_year<C, S>> out;
    for (const auto& y : p.years) {
        series.push_back(y.available_reserves);
        resilience_year<C, S> r;
        r.year = y.year;
        r.available_reserves = y.available_reserves;
        r.level = reserves_level(y.available_reserves, y.spending_total);
        if (series.size() >= 4) {
            const money<C> then = series[series.size() - 4];
            r.three_years_known = true;
            r.change = reserves_change(y.available_reserves, then);
            r.sustainability = reserves_sustainability(y.available_reserves, then);
        }
        r.cover = cover_years(y.available_reserves, y.gap);
        out.push_back(r);
    }
    return out;
}

// --- the projection ----------------------------------------------------------------------------

/// Returns: the plan projected exactly, savings counted under `policy`.
/// Throws: as plan.validate(); std::bad_alloc. Never overflow_error: figures outgrow 128 bits
/// into cpp_int.
template <class C, unsigned S>
[[nodiscard]] mtfs_projection<C, S> project(const mtfs_plan<C, S>& plan,
                                            const savings_policy& policy);

/// The exact projection of a plan. Figures are exact_money; printed(unit, mode) is the only way
/// to money. It holds what it needs of the plan (names, openings), not the plan itself.
template <class C, unsigned S>
class mtfs_projection {
public:
    /// Returns: the savings policy of the projection.
    [[nodiscard]] const savings_policy& policy() const noexcept { return policy_; }
    /// Returns: the number of plan years.
    [[nodiscard]] std::size_t years() const noexcept { return years_; }
    /// Returns: the fiscal year of plan year i (0 is the year after the base year).
    [[nodiscard]] fiscal_year<S> year(std::size_t i) const noexcept {
        return base_year_ + date::years{static_cast<int>(i) + 1};
    }
    /// Returns: true when every figure fits 128 bits (the fast path); false when the projection
    /// went on in cpp_int.
    [[nodiscard]] bool fits_128_bits() const noexcept { return fast_.has_value(); }

    // Exact figures of plan year i (0-based): invalid_argument unless i < years(), and for a
    // line, service, funding line or reserve that the plan does not have.
    [[nodiscard]] exact_money<C> spending(std::size_t i) const {
        return get(i, [](const auto& y) { return y.spending; });
    }
    [[nodiscard]] exact_money<C> funding(std::size_t i) const {
        return get(i, [](const auto& y) { return y.funding_total; });
    }
    /// Returns: spending − funding (positive: a shortfall).
    [[nodiscard]] exact_money<C> gap(std::size_t i) const {
        return get(i, [](const auto& y) { return y.gap; });
    }
    [[nodiscard]] exact_money<C> cumulative_gap(std::size_t i) const {
        return get(i, [](const auto& y) { return y.cumulative_gap; });
    }
    [[nodiscard]] exact_money<C> pay_inflation(std::size_t i) const {
        return get(i, [](const auto& y) { return y.pay_inflation; });
    }
    [[nodiscard]] exact_money<C> price_inflation(std::size_t i) const {
        return get(i, [](const auto& y) { return y.price_inflation; });
    }
    [[nodiscard]] exact_money<C> demand_growth(std::size_t i) const {
        return get(i, [](const auto& y) { return y.demand; });
    }
    /// Returns: savings in force in year i as counted under the policy.
    [[nodiscard]] exact_money<C> savings_counted(std::size_t i) const {
        return get(i, [](const auto& y) { return y.savings_counted; });
    }
    /// Returns: line s of spending: a service (in the plan's order), or, at index
    /// services.size(), the corporate items.
    [[nodiscard]] exact_money<C> service(std::size_t i, std::size_t s) const {
        return get(i, [s](const auto& y) {
            if (s >= y.services.size()) throw invalid_argument("no such spending line");
            return y.services[s];
        });
    }
    /// Returns: funding line l (0 is council tax when the plan has it).
    [[nodiscard]] exact_money<C> funding_line(std::size_t i, std::size_t l) const {
        return get(i, [l](const auto& y) {
            if (l >= y.funding.size()) throw invalid_argument("no such funding line");
            return y.funding[l];
        });
    }
    /// Returns: reserve r's balance at the end of year i.
    [[nodiscard]] exact_money<C> reserve(std::size_t i, std::size_t r) const {
        return get(i, [r](const auto& y) {
            if (r >= y.reserves.size()) throw invalid_argument("no such reserve");
            return y.reserves[r].closing;
        });
    }
    /// Returns: what was drawn from reserve r to close year i's gap (negative: paid in).
    [[nodiscard]] exact_money<C> draw(std::size_t i, std::size_t r) const {
        return get(i, [r](const auto& y) {
            if (r >= y.reserves.size()) throw invalid_argument("no such reserve");
            return y.reserves[r].draw;
        });
    }
    [[nodiscard]] exact_money<C> general_balances(std::size_t i) const {
        return get(i, [](const auto& y) { return y.general; });
    }
    /// Returns: general and earmarked reserves together (not ring-fenced ones).
    [[nodiscard]] exact_money<C> available_reserves(std::size_t i) const {
        return get(i, [](const auto& y) { return y.available; });
    }
    /// Returns: the DSG deficit at the end of year i. Throws: invalid_argument without one.
    [[nodiscard]] exact_money<C> dsg_deficit(std::size_t i) const {
        if (!dsg_) throw invalid_argument("the plan has no DSG deficit");
        return get(i, [](const auto& y) { return y.dsg_closing; });
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
    template <class C2, unsigned S2>
    friend mtfs_projection<C2, S2> project(const mtfs_plan<C2, S2>&, const savings_policy&);
    struct reserve_info {
        std::string name;
        reserve_kind kind;
        money<C> opening;
        std::vector<std::string> movement_names;
    };

    explicit mtfs_projection(const savings_policy& policy) : policy_(policy) {}

    template <class F>
    exact_money<C> get(std::size_t i, F f) const {
        if (i >= years_) {
            throw invalid_argument("plan year " + std::to_string(i) + " is beyond the plan's " +
                                   std::to_string(years_) + " years");
        }
        if (fast_) {
            const auto& y = fast_->years[i];
            return value(detail::wide_int::from_i128(f(y)),
                         detail::wide_int::from_i128(y.denominator));
        }
        const auto& y = wide_->years[i];
        return value(f(y), y.denominator);
    }
    static exact_money<C> value(const detail::wide_int& n, const detail::wide_int& d) {
        return exact_money<C>::from_minor_units(detail::exact_access::from_wide(n, d));
    }
    template <class I>
    printed_mtfs<C, S> print(const detail::mtfs_figures<I>& figures, const I& u, print_unit unit,
                             rounding_mode mode) const;

    savings_policy policy_;
    fiscal_year<S> base_year_{0};
    std::size_t years_ = 0;
    std::vector<std::string> spending_lines_, funding_lines_;
    std::vector<reserve_info> reserves_;
    std::vector<std::size_t> draw_order_;
    std::vector<money<C>> risk_assessed_level_;
    bool dsg_ = false;
    money<C> dsg_opening_;
    date::year_month_day override_ends_{};
    std::vector<money<C>> reserves_history_;
    detail::i128 base_spending_ = 0;  ///< Σ of the base budgets, in minor units
    std::optional<detail::mtfs_figures<detail::i128>> fast_;
    std::optional<detail::mtfs_figures<detail::wide_int>> wide_;
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

}  // namespace detail

template <class C, unsigned S>
detail::mtfs_lines mtfs_plan<C, S>::checked_lines() const {
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
    const auto service_name = [](const mtfs_service<C>& x) -> std::string_view { return x.name; };
    const detail::name_index service_names(services, service_name);
    for (const auto& sv : services) {
        if (sv.name.empty()) throw invalid_argument("a service has no name");
    }
    if (auto i = service_names.duplicate()) {
        throw invalid_argument(
            "the service " + name_in_quotes(services[*i].name) + " is given twice",
            services[*i].name);
    }
    detail::mtfs_lines lines;
    const std::size_t k = services.size();
    std::size_t hint = 0;
    // The line of an item naming `s` ("" is corporate). Lists that follow the services' order
    // are read without a search.
    auto line_of = [&](const std::string& s, const char* kind, const std::string& item) {
        if (s.empty()) return k;
        if (auto i = service_names.find(s, hint)) {
            hint = *i + 1;
            return *i;
        }
        throw invalid_argument(std::string(kind) + name_in_quotes(item) + " names the service " +
                                   name_in_quotes(s) + ", which is not in the plan",
                               s);
    };
    std::vector<bool> has_demand(k, false);
    for (const mtfs_demand& d : demand_growth) {
        if (d.service.empty()) throw invalid_argument("a demand growth line names no service");
        const std::size_t i = line_of(d.service, "the demand growth of ", d.service);
        if (has_demand[i]) {
            throw invalid_argument(
                "the demand growth of " + name_in_quotes(d.service) + " is given twice", d.service);
        }
        has_demand[i] = true;
        lines.demand.push_back(i);
        if (d.rates.size() != years) {
            per_year(d.rates.size(), "demand growth of " + name_in_quotes(d.service));
        }
    }
    auto in_plan = [&](fiscal_year<S> y, const std::string& what) {
        if (!index_of(y)) {
            throw invalid_argument(what + " is for " + to_string(y) + ", outside the plan years " +
                                       to_string(year(0)) + " to " + to_string(year(years - 1)),
                                   to_string(y));
        }
    };
    hint = 0;
    for (const auto& c : changes) {
        lines.change.push_back(line_of(c.service, "the budget change ", c.name));
        if (!index_of(c.year)) in_plan(c.year, "the budget change " + name_in_quotes(c.name));
    }
    hint = 0;
    for (const auto& s : savings) {
        lines.saving.push_back(line_of(s.service, "the saving ", s.name));
        if (!index_of(s.year)) in_plan(s.year, "the saving " + name_in_quotes(s.name));
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
        if (f.steps.size() != years) {
            per_year(f.steps.size(), "funding line " + name_in_quotes(f.name));
        }
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
            if (index_of(m.year)) continue;
            in_plan(m.year, "the movement " + name_in_quotes(m.name) + " of the reserve " +
                                name_in_quotes(r.name));
        }
    }
    for (std::size_t i = 0; i < gap_draw_order.size(); ++i) {
        std::optional<std::size_t> r;
        for (std::size_t j = 0; j < reserves.size() && !r; ++j) {
            if (reserves[j].name == gap_draw_order[i]) r = j;
        }
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
    return lines;
}

namespace detail {

[[nodiscard]] inline wide_int to_wide(const i128& v) { return wide_int::from_i128(v); }
[[nodiscard]] inline const wide_int& to_wide(const wide_int& v) noexcept { return v; }

/// Sets out = units × u when that fits int64. Returns: false when it does not.
[[nodiscard]] inline bool units_to_minor(const i128& units, const i128& u, std::int64_t& out) {
    i128 m;
    if (mul_overflow_128(units, u, &m) || !fits_i64(m)) return false;
    out = static_cast<std::int64_t>(m);
    return true;
}
[[nodiscard]] inline bool units_to_minor(const wide_int& units, const wide_int& u,
                                         std::int64_t& out) {
    const wide_int m = units * u;
    if (!m.is_small() || !fits_i64(m.small())) return false;
    out = static_cast<std::int64_t>(m.small());
    return true;
}

/// Returns: the figures at any size.
[[nodiscard]] inline mtfs_figures<wide_int> widen(const mtfs_figures<i128>& f) {
    mtfs_figures<wide_int> out;
    auto all = [](const std::vector<i128>& v) {
        std::vector<wide_int> w;
        w.reserve(v.size());
        for (const i128& x : v) w.push_back(wide_int::from_i128(x));
        return w;
    };
    for (const auto& y : f.years) {
        mtfs_year_figures<wide_int> w;
        w.denominator = to_wide(y.denominator);
        w.opening_spending = to_wide(y.opening_spending);
        w.pay_inflation = to_wide(y.pay_inflation);
        w.price_inflation = to_wide(y.price_inflation);
        w.demand = to_wide(y.demand);
        w.pressures = to_wide(y.pressures);
        w.one_offs = to_wide(y.one_offs);
        w.savings = to_wide(y.savings);
        w.services = all(y.services);
        w.spending = to_wide(y.spending);
        w.funding = all(y.funding);
        w.funding_total = to_wide(y.funding_total);
        w.gap = to_wide(y.gap);
        w.cumulative_gap = to_wide(y.cumulative_gap);
        w.savings_planned = to_wide(y.savings_planned);
        w.savings_counted = to_wide(y.savings_counted);
        for (const auto& r : y.reserves) {
            w.reserves.push_back({to_wide(r.opening), all(r.movements), r.index, to_wide(r.draw),
                                  to_wide(r.closing)});
        }
        w.general = to_wide(y.general);
        w.available = to_wide(y.available);
        w.dsg_opening = to_wide(y.dsg_opening);
        w.dsg_in_year = to_wide(y.dsg_in_year);
        w.dsg_closing = to_wide(y.dsg_closing);
        out.years.push_back(std::move(w));
    }
    return out;
}

}  // namespace detail

template <class C, unsigned S>
mtfs_projection<C, S> project(const mtfs_plan<C, S>& plan, const savings_policy& policy) {
    using detail::i128;
    using detail::wide_int;
    const detail::mtfs_lines lines = plan.checked_lines();
    mtfs_projection<C, S> out(policy);
    const std::size_t n = plan.years, k = plan.services.size();
    out.base_year_ = plan.base_year;
    out.years_ = n;

    detail::mtfs_input in;
    in.years = n;
    in.services = k;
    for (const auto& s : plan.services) {
        in.pay.push_back(s.pay.in_minor_units());
        in.non_pay.push_back(s.non_pay.in_minor_units());
        out.base_spending_ += i128(s.pay.in_minor_units()) + i128(s.non_pay.in_minor_units());
        out.spending_lines_.push_back(s.name);
    }
    in.pay_award = &plan.pay_award;
    in.inflation = &plan.inflation;
    in.demand.assign(k, nullptr);
    for (std::size_t i = 0; i < plan.demand_growth.size(); ++i) {
        in.demand[lines.demand[i]] = &plan.demand_growth[i].rates;
    }
    in.items.resize(n);
    for (std::size_t i = 0; i < plan.changes.size(); ++i) {
        const auto& c = plan.changes[i];
        in.corporate = in.corporate || lines.change[i] == k;
        in.items[*plan.index_of(c.year)].push_back(
            {lines.change[i], c.amount.in_minor_units(), 0, c.duration == item_duration::one_off});
    }
    for (std::size_t i = 0; i < plan.savings.size(); ++i) {
        const auto& s = plan.savings[i];
        const int bucket =
            s.status == savings_status::amber ? 2 : (s.status == savings_status::red ? 3 : 1);
        in.corporate = in.corporate || lines.saving[i] == k;
        in.items[*plan.index_of(s.year)].push_back({lines.saving[i], s.amount.in_minor_units(),
                                                    bucket, s.duration == item_duration::one_off});
    }
    if (in.corporate) out.spending_lines_.emplace_back("Corporate items");
    if (plan.council_tax) {
        in.council_tax = true;
        in.council_tax_base = plan.council_tax->base.in_minor_units();
        in.tax_base_growth = &plan.council_tax->base_growth;
        in.tax_increase = &plan.council_tax->increase;
        out.funding_lines_.emplace_back("Council tax");
    }
    for (const auto& f : plan.funding) {
        detail::mtfs_funding_line l;
        l.base = f.base.in_minor_units();
        for (const auto& step : f.steps) {
            l.rate.push_back(step.rate());
            l.amount.push_back(step.amount() ? step.amount()->in_minor_units() : 0);
        }
        in.funding.push_back(std::move(l));
        out.funding_lines_.push_back(f.name);
    }
    in.moves.resize(n);
    for (std::size_t r = 0; r < plan.reserves.size(); ++r) {
        const auto& res = plan.reserves[r];
        in.reserve_opening.push_back(res.opening.in_minor_units());
        in.reserve_general.push_back(res.kind == reserve_kind::general);
        in.reserve_available.push_back(res.kind != reserve_kind::ring_fenced);
        typename mtfs_projection<C, S>::reserve_info info{res.name, res.kind, res.opening, {}};
        for (std::size_t m = 0; m < res.movements.size(); ++m) {
            in.moves[*plan.index_of(res.movements[m].year)].push_back(
                {r, m, res.movements[m].amount.in_minor_units()});
            info.movement_names.push_back(res.movements[m].name);
        }
        out.reserves_.push_back(std::move(info));
    }
    for (const std::string& name : plan.gap_draw_order) {
        for (std::size_t r = 0; r < plan.reserves.size(); ++r) {
            if (plan.reserves[r].name == name) in.draw_order.push_back(r);
        }
    }
    out.draw_order_ = in.draw_order;
    if (plan.dsg) {
        in.dsg = true;
        in.dsg_opening = plan.dsg->opening_deficit.in_minor_units();
        for (const money<C>& m : plan.dsg->in_year) in.dsg_in_year.push_back(m.in_minor_units());
        out.dsg_ = true;
        out.dsg_opening_ = plan.dsg->opening_deficit;
        out.override_ends_ = plan.dsg->override_ends;
    }
    in.amber = policy.weight(savings_status::amber);
    in.red = policy.weight(savings_status::red);
    out.risk_assessed_level_ = plan.risk_assessed_level;
    out.reserves_history_ = plan.reserves_history;

    // 128 bits first; at any size when a figure outgrows them.
    const detail::mtfs_year_scale scales = detail::mtfs_scales(in);
    if (auto f = detail::mtfs_small_factors(in, scales)) {
        detail::mtfs_figures<i128> figures;
        if (detail::run_mtfs(in, *f, figures)) {
            out.fast_ = std::move(figures);
            return out;
        }
    }
    detail::mtfs_figures<wide_int> figures;
    detail::run_mtfs(in, detail::mtfs_wide_factors(in, scales), figures);
    out.wide_ = std::move(figures);
    return out;
}

template <class C, unsigned S>
std::optional<fiscal_year<S>> mtfs_projection<C, S>::first_year_below_level() const {
    if (risk_assessed_level_.empty()) return std::nullopt;
    for (std::size_t i = 0; i < years_; ++i) {
        const exact_money<C> level(risk_assessed_level_[i]);
        if (general_balances(i) < level) return year(i);
    }
    return std::nullopt;
}

template <class C, unsigned S>
std::optional<fiscal_year<S>> mtfs_projection<C, S>::dsg_passes_reserves() const {
    if (!dsg_) return std::nullopt;
    for (std::size_t i = 0; i < years_; ++i) {
        if (dsg_deficit(i) > available_reserves(i)) return year(i);
    }
    return std::nullopt;
}

template <class C, unsigned S>
printed_mtfs<C, S> mtfs_projection<C, S>::printed(print_unit unit, rounding_mode mode) const {
    const std::int64_t u = unit.template minor_units_of<C>();
    if (fast_) {
        // In 128 bits while every year's denominator times the unit fits them.
        detail::i128 w;
        if (fast_->years.empty() ||
            !detail::mul_overflow_128(fast_->years.back().denominator, u, &w)) {
            return print(*fast_, detail::i128(u), unit, mode);
        }
        return print(detail::widen(*fast_), detail::wide_int(u), unit, mode);
    }
    return print(*wide_, detail::wide_int(u), unit, mode);
}

template <class C, unsigned S>
template <class I>
printed_mtfs<C, S> mtfs_projection<C, S>::print(const detail::mtfs_figures<I>& figures, const I& u,
                                                print_unit unit, rounding_mode mode) const {
    using ops = detail::int_ops<I>;
    printed_mtfs<C, S> out;
    out.unit = unit;
    out.mode = mode;
    out.policy = to_string(policy_);
    out.base_year = base_year_;
    out.spending_lines = spending_lines_;
    out.funding_lines = funding_lines_;
    // A whole number of units as money.
    const auto as_money = [&u](const I& units, const char* what) {
        std::int64_t m = 0;
        if (!detail::units_to_minor(units, u, m)) {
            throw overflow_error(
                std::string("a printed ") + what + " (" + detail::to_wide(units).to_string() +
                " units of " + detail::to_wide(u).to_string() +
                " minor units) is out of the range of " + std::string(C::code) + " money");
        }
        return money<C>::from_minor_units(m);
    };
    const auto whole = [&u, mode](std::int64_t minor) {
        return detail::rounded(ops::from(minor), u, mode);
    };
    const auto all_money = [&as_money](const std::vector<I>& units, const char* what) {
        std::vector<money<C>> v;
        v.reserve(units.size());
        for (const I& x : units) v.push_back(as_money(x, what));
        return v;
    };
    static const char* const budget_names[] = {"Pay inflation",       "Price inflation",
                                               "Demand growth",       "Pressures",
                                               "One-off items (net)", "Savings"};

    // The base year. Printed balances then carry from year to year (whole units).
    I spending_units = detail::rounded(ops::from128(base_spending_), u, mode);
    out.base_spending = as_money(spending_units, "base spending");
    for (const money<C>& h : reserves_history_) {
        out.reserves_history.push_back(as_money(whole(h.in_minor_units()), "reserves history"));
    }
    std::vector<I> reserve_units;
    I base_available = ops::from(0);
    for (const reserve_info& r : reserves_) {
        reserve_units.push_back(whole(r.opening.in_minor_units()));
        if (r.kind != reserve_kind::ring_fenced) base_available += reserve_units.back();
    }
    out.base_available_reserves = as_money(base_available, "available reserves");
    I dsg_units = dsg_ ? whole(dsg_opening_.in_minor_units()) : ops::from(0);
    I cumulative_units = ops::from(0);

    detail::apportion_scratch<I> scratch;
    std::vector<I> lines, draws, exact_draws, split;
    out.years.reserve(figures.years.size());
    for (std::size_t i = 0; i < figures.years.size(); ++i) {
        const detail::mtfs_year_figures<I>& y = figures.years[i];
        const I w = y.denominator * u;
        printed_mtfs_year<C, S> p;
        p.year = year(i);

        // The budget requirement: its closing is the spending total.
        const I moves[6] = {y.pay_inflation, y.price_inflation, y.demand,
                            y.pressures,     y.one_offs,        y.savings};
        I moved[6];
        const I closing = detail::round_roll_forward(spending_units, ops::from(0), moves, 6,
                                                     y.spending, w, mode, moved, scratch);
        p.budget.name = "Net budget requirement";
        p.budget.opening = as_money(spending_units, "budget requirement");
        for (std::size_t m = 0; m < 6; ++m) {
            p.budget.movements.push_back({budget_names[m], as_money(moved[m], "budget movement")});
        }
        p.budget.closing = as_money(closing, "budget requirement");
        spending_units = closing;
        p.spending_total = p.budget.closing;
        lines.resize(y.services.size());
        detail::apportion(y.services.data(), y.services.size(), w, closing, lines.data(), scratch);
        p.spending = all_money(lines, "spending line");

        // Funding and the gap.
        const I funding_units = detail::rounded(y.funding_total, w, mode);
        p.funding_total = as_money(funding_units, "funding");
        lines.resize(y.funding.size());
        detail::apportion(y.funding.data(), y.funding.size(), w, funding_units, lines.data(),
                          scratch);
        p.funding = all_money(lines, "funding line");
        const I gap_units = closing - funding_units;
        p.gap = as_money(gap_units, "gap");
        cumulative_units += gap_units;
        p.cumulative_gap = as_money(cumulative_units, "cumulative gap");
        p.savings_planned = as_money(detail::rounded(y.savings_planned, w, mode), "savings");
        p.savings_counted = as_money(detail::rounded(y.savings_counted, w, mode), "savings");

        // Reserves: the printed gap split over the reserves that close it, then each reserve.
        draws.assign(reserves_.size(), ops::from(0));
        if (!draw_order_.empty()) {
            exact_draws.clear();
            for (std::size_t r : draw_order_) exact_draws.push_back(y.reserves[r].draw);
            split.resize(exact_draws.size());
            detail::apportion(exact_draws.data(), exact_draws.size(), w, gap_units, split.data(),
                              scratch);
            for (std::size_t j = 0; j < draw_order_.size(); ++j) draws[draw_order_[j]] = split[j];
        }
        I general_units = ops::from(0), available_units = ops::from(0);
        for (std::size_t r = 0; r < reserves_.size(); ++r) {
            const detail::mtfs_reserve_figures<I>& ry = y.reserves[r];
            const bool drawn =
                std::find(draw_order_.begin(), draw_order_.end(), r) != draw_order_.end();
            lines.resize(ry.movements.size());
            const I reserve_closing = detail::round_roll_forward(
                reserve_units[r], ops::from(0) - draws[r], ry.movements.data(), ry.movements.size(),
                ry.closing, w, mode, lines.data(), scratch);
            printed_roll_forward<C> pr;
            pr.name = reserves_[r].name;
            pr.opening = as_money(reserve_units[r], "reserve");
            for (std::size_t m = 0; m < ry.movements.size(); ++m) {
                pr.movements.push_back({reserves_[r].movement_names[ry.index[m]],
                                        as_money(lines[m], "reserve movement")});
            }
            if (drawn) {
                pr.movements.push_back({"Draw to close the gap",
                                        as_money(ops::from(0) - draws[r], "reserve movement")});
            }
            pr.closing = as_money(reserve_closing, "reserve");
            reserve_units[r] = reserve_closing;
            if (reserves_[r].kind == reserve_kind::general) general_units += reserve_closing;
            if (reserves_[r].kind != reserve_kind::ring_fenced) available_units += reserve_closing;
            p.reserves.push_back(std::move(pr));
        }
        p.general_balances = as_money(general_units, "general balances");
        p.available_reserves = as_money(available_units, "available reserves");
        if (!risk_assessed_level_.empty()) {
            const money<C> level = risk_assessed_level_[i];
            p.risk_assessed_level = as_money(whole(level.in_minor_units()), "risk-assessed level");
            p.below_level = detail::to_wide(y.general) < detail::wide_int(level.in_minor_units()) *
                                                             detail::to_wide(y.denominator);
            if (p.below_level && !out.first_year_below_level) out.first_year_below_level = p.year;
        }

        // The DSG deficit.
        if (dsg_) {
            I in_year;
            const I dsg_closing =
                detail::round_roll_forward(dsg_units, ops::from(0), &y.dsg_in_year, 1,
                                           y.dsg_closing, w, mode, &in_year, scratch);
            printed_roll_forward<C> pd;
            pd.name = "DSG deficit";
            pd.opening = as_money(dsg_units, "DSG deficit");
            pd.movements.push_back({"In-year deficit", as_money(in_year, "DSG in-year deficit")});
            pd.closing = as_money(dsg_closing, "DSG deficit");
            dsg_units = dsg_closing;
            p.dsg = std::move(pd);
            p.dsg_exceeds_reserves = y.available < y.dsg_closing;
            if (p.dsg_exceeds_reserves && !out.dsg_passes_reserves)
                out.dsg_passes_reserves = p.year;
            if (p.year.contains(override_ends_)) out.override_end_year = p.year;
        }
        out.years.push_back(std::move(p));
    }
    return out;
}

}  // namespace bmm
