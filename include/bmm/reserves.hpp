// bmm — reserves: general balances against the risk-assessed level, multi-year projections,
// earmarked reserves, and the DSG High Needs deficit in its unusable reserve.
//
//   general_balances        opening + budgeted contributions − forecast overspend (+ underspend)
//                           = closing; headroom = closing − risk-assessed level
//                           seed 003: 22.6 + 6.8 + 0.8 (breakeven) = 30.2 = the level: headroom 0
//   project_balances(...)   a balance over MTFS years: the first year it falls below its floor
//   years_of_cover(r, use)  CIPFA-style: whole years until a reserve is exhausted at a rate of use
//   share_of_budget(r, b)   reserves as a ratio of the net revenue budget
//   earmarked_reserve       opening, planned uses by year, commitments -> uncommitted
//                           seed 003 COVID-19: 15.4 − 13.4 = 2.0 uncommitted; − 0.1 − 1.5 = 0.4
//   dsg_deficit_reserve     opening deficit + in-year deficit = closing (seed 003: 41.1 + 18.3 =
//                           59.4 at 31 March 2024), with the statutory override's end as data
//
// Deficits are held as positive amounts of deficit (41.1 means £41.1m owed), so "deficit grows"
// reads as addition. All amounts are exact money; overflow throws overflow_error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "error.hpp"
#include "money.hpp"
#include "period.hpp"
#include "ratio.hpp"
#include "zero.hpp"

namespace bmm {

/// General balances for one year.
template <class C>
struct general_balances {
    money<C> opening;
    std::vector<money<C>> contributions;  ///< budgeted and agreed top-ups (negative: draws)
    money<C> forecast_variance;  ///< the council's forecast overspend (+) / underspend (−)
    money<C> risk_assessed_level;

    /// Returns: opening + contributions − forecast_variance. Throws: overflow_error.
    [[nodiscard]] money<C> closing() const {
        money<C> c = opening;
        for (const money<C>& x : contributions) c = c + x;
        return c - forecast_variance;
    }
    /// Returns: closing − risk-assessed level (negative: below the level). Throws: overflow_error.
    [[nodiscard]] money<C> headroom() const { return closing() - risk_assessed_level; }
    /// Returns: true when the closing balance is at or above the risk-assessed level.
    [[nodiscard]] bool at_or_above_level() const { return headroom() >= zero; }
};

/// One MTFS year of a balance projection.
template <class C, unsigned S = 4>
struct projection_year {
    fiscal_year<S> year;
    money<C> opening;
    money<C> movement;  ///< contributions less uses and overspends for the year
    money<C> closing;
    money<C> floor;  ///< the minimum (e.g. the risk-assessed level) for the year
    [[nodiscard]] bool below_floor() const noexcept { return closing < floor; }
};

/// Projects a balance over consecutive years from `first`: closing = opening + movement.
/// `floors` gives each year's minimum (a single value applies to every year).
/// Returns: one row per movement.
/// Throws: invalid_argument if floors has neither 1 nor movements.size() entries;
/// overflow_error.
template <class C, unsigned S>
[[nodiscard]] std::vector<projection_year<C, S>> project_balances(
    money<C> opening, fiscal_year<S> first, const std::vector<money<C>>& movements,
    const std::vector<money<C>>& floors) {
    if (floors.size() != 1 && floors.size() != movements.size()) {
        throw invalid_argument("a projection needs one floor, or one per year");
    }
    std::vector<projection_year<C, S>> out;
    money<C> balance = opening;
    fiscal_year<S> y = first;
    for (std::size_t i = 0; i < movements.size(); ++i) {
        projection_year<C, S> row{y, balance, movements[i], balance + movements[i],
                                  floors.size() == 1 ? floors[0] : floors[i]};
        balance = row.closing;
        out.push_back(row);
        y = y.next();
    }
    return out;
}

/// Returns: the first projected year whose closing balance is below its floor, if any.
template <class C, unsigned S>
[[nodiscard]] std::optional<fiscal_year<S>> first_year_below_floor(
    const std::vector<projection_year<C, S>>& p) {
    for (const auto& row : p) {
        if (row.below_floor()) return row.year;
    }
    return std::nullopt;
}

/// Returns: the exact number of years a reserve lasts at `annual_use` (a positive draw per
/// year), e.g. 30.2 / 6.8; std::nullopt when nothing is drawn (it is never exhausted).
/// Throws: invalid_argument for a negative reserve or a negative use.
template <class C>
[[nodiscard]] std::optional<ratio> years_of_cover(money<C> reserve, money<C> annual_use) {
    if (reserve < zero || annual_use < zero) {
        throw invalid_argument("years of cover need a non-negative reserve and rate of use");
    }
    if (annual_use.is_zero()) return std::nullopt;
    return reserve / annual_use;
}

/// Returns: reserves as an exact share of the net revenue budget (std::nullopt for a zero
/// budget).
template <class C>
[[nodiscard]] std::optional<ratio> share_of_budget(money<C> reserves, money<C> net_budget) {
    return ratio_of(reserves, net_budget);
}

/// An earmarked reserve: its opening balance, what is planned from it, and what is committed.
template <class C, unsigned S = 4>
struct earmarked_reserve {
    std::string name;
    money<C> opening;
    std::vector<std::pair<fiscal_year<S>, money<C>>> planned_uses;  ///< built into the MTFS
    std::vector<std::pair<std::string, money<C>>> commitments;      ///< further agreed uses

    /// Returns: opening − Σ planned uses. Throws: overflow_error.
    [[nodiscard]] money<C> after_planned_uses() const {
        money<C> b = opening;
        for (const auto& u : planned_uses) b = b - u.second;
        return b;
    }
    /// Returns: opening − Σ planned uses − Σ commitments (negative: over-committed).
    [[nodiscard]] money<C> uncommitted() const {
        money<C> b = after_planned_uses();
        for (const auto& c : commitments) b = b - c.second;
        return b;
    }
    /// Returns: the balance at the end of year y after the planned uses up to and including y.
    [[nodiscard]] money<C> balance_after(fiscal_year<S> y) const {
        money<C> b = opening;
        for (const auto& u : planned_uses) {
            if (u.first <= y) b = b - u.second;
        }
        return b;
    }
};

/// The High Needs DSG deficit held in the unusable reserve, as a positive amount owed.
template <class C>
struct dsg_deficit_reserve {
    money<C> opening_deficit;
    money<C> in_year_deficit;            ///< negative: an in-year surplus reduces it
    date::year_month_day override_ends;  ///< the statutory override's end (seed 003: 31 March 2026)

    /// Returns: opening + in-year deficit. Throws: overflow_error.
    [[nodiscard]] money<C> closing_deficit() const { return opening_deficit + in_year_deficit; }
    /// Returns: true when the override still applies on `d`.
    [[nodiscard]] bool override_applies(date::year_month_day d) const noexcept {
        return date::sys_days(d) <= date::sys_days(override_ends);
    }
};

}  // namespace bmm
