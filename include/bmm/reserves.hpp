// bmm — reserves: general balances against the risk-assessed level, multi-year projections,
// earmarked reserves, and the DSG High Needs deficit in its unusable reserve.
//
//   general_balances        opening + budgeted contributions − forecast overspend (+ underspend)
//                           = closing; headroom = closing − risk-assessed level
//                           seed 003: 22.6 + 6.8 + 0.8 (breakeven) = 30.2 = the level: headroom 0
//   project_balances(...)   a balance over MTFS years: the first year it falls below its floor
//   years_of_cover(r, use)  CIPFA-style: the exact number of years (a ratio, not rounded to whole
//                           years) until a reserve is exhausted at a constant annual rate of use
//                           seed 003: the Public Health reserve's £5.9m at its 2023/24 use of
//                           £1.7m lasts 59/17 = 3.47 years
//   share_of_budget(r, b)   reserves as a ratio of the net revenue budget
//   earmarked_reserve       opening, planned uses by year (and uses planned over several years
//                           whose split is not printed), commitments -> uncommitted
//                           seed 003 COVID-19: 15.4 − 7.4 (2023/24) − 6.0 (2024/25 – 2025/26)
//                           = 2.0 uncommitted; − 0.1 − 1.5 = 0.4
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
    /// Throws: overflow_error.
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
    /// Returns: closing < floor.
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
/// Throws: std::bad_alloc.
template <class C, unsigned S>
[[nodiscard]] std::optional<fiscal_year<S>> first_year_below_floor(
    const std::vector<projection_year<C, S>>& p) {
    for (const auto& row : p) {
        if (row.below_floor()) return row.year;
    }
    return std::nullopt;
}

/// Returns: the exact number of years a reserve lasts at `annual_use`, a constant draw per year
/// (not rounded to whole years: 5.9 / 1.7 = 59/17, about 3.47); std::nullopt when nothing is
/// drawn (it is never exhausted). Money paid into a reserve is not a rate of use.
/// Throws: invalid_argument for a negative reserve or a negative use; overflow_error if the
/// exact ratio does not fit.
template <class C>
[[nodiscard]] std::optional<ratio> years_of_cover(money<C> reserve, money<C> annual_use) {
    if (reserve < zero || annual_use < zero) {
        throw invalid_argument("years of cover need a non-negative reserve and rate of use");
    }
    if (annual_use.is_zero()) return std::nullopt;
    return reserve / annual_use;
}

/// Returns: reserves as an exact share of the net revenue budget (std::nullopt for a zero
/// budget). Throws: overflow_error if the exact ratio does not fit.
template <class C>
[[nodiscard]] std::optional<ratio> share_of_budget(money<C> reserves, money<C> net_budget) {
    return ratio_of(reserves, net_budget);
}

/// A use planned over several years whose split between them is not printed (seed 003 ¶108:
/// "The use of £13.4m to support planned expenditure from 2023/24 – 2025/26 is built into the
/// MTFS").
template <class C, unsigned S = 4>
struct spread_use {
    fiscal_year<S> first;
    fiscal_year<S> last;
    money<C> amount;
};

/// The lowest and highest balance a reserve may have at the end of a year.
template <class C>
struct balance_bounds {
    money<C> lowest;
    money<C> highest;
};

/// An earmarked reserve: its opening balance, what is planned from it, and what is committed.
template <class C, unsigned S = 4>
struct earmarked_reserve {
    std::string name;
    money<C> opening;
    std::vector<std::pair<fiscal_year<S>, money<C>>> planned_uses;  ///< built into the MTFS
    std::vector<std::pair<std::string, money<C>>> commitments;      ///< further agreed uses
    std::vector<spread_use<C, S>> spread_uses = {};  ///< planned over years, split not printed

    /// Returns: opening − Σ planned uses (spread ones included). Throws: overflow_error.
    [[nodiscard]] money<C> after_planned_uses() const {
        money<C> b = opening;
        for (const auto& u : planned_uses) b = b - u.second;
        for (const auto& u : spread_uses) b = b - u.amount;
        return b;
    }
    /// Returns: opening − Σ planned uses − Σ commitments (negative: over-committed).
    /// Throws: overflow_error.
    [[nodiscard]] money<C> uncommitted() const {
        money<C> b = after_planned_uses();
        for (const auto& c : commitments) b = b - c.second;
        return b;
    }
    /// Returns: the balance at the end of year y after the planned uses up to and including y
    /// (a use spread over several years counts once its last year is reached).
    /// Throws: invalid_argument naming the year when a spread use is part-way through at y (its
    /// split is not known: see bounds_after); overflow_error.
    [[nodiscard]] money<C> balance_after(fiscal_year<S> y) const {
        const balance_bounds<C> b = bounds_after(y);
        if (b.lowest != b.highest) {
            std::string why = "the balance of \"";
            why += name;
            why += "\" at the end of ";
            why += to_string(y);
            why += " depends on how a use spread over several years is split, which is not known";
            throw invalid_argument(why, to_string(y));
        }
        return b.lowest;
    }
    /// Returns: the lowest and highest balance at the end of year y: the planned uses up to and
    /// including y, plus each spread use part-way through at y in full or not at all, whichever
    /// gives the lower (the higher) balance — in full for a use, not at all for a negative use
    /// (a top-up spread over years). The two are equal when no spread use is part-way through.
    /// Throws: overflow_error.
    [[nodiscard]] balance_bounds<C> bounds_after(fiscal_year<S> y) const {
        money<C> b = opening;
        for (const auto& u : planned_uses) {
            if (u.first <= y) b = b - u.second;
        }
        money<C> uses, top_ups;  // of the spread uses part-way through at y
        for (const auto& u : spread_uses) {
            if (u.last <= y) {
                b = b - u.amount;
            } else if (u.first <= y) {
                if (u.amount > zero) {
                    uses = uses + u.amount;
                } else {
                    top_ups = top_ups - u.amount;
                }
            }
        }
        return {b - uses, b + top_ups};
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
    /// Returns: true when the override still applies on `d` (up to and including its end).
    /// Requires: d.ok() and override_ends.ok().
    [[nodiscard]] bool override_applies(date::year_month_day d) const noexcept {
        return date::sys_days(d) <= date::sys_days(override_ends);
    }
};

}  // namespace bmm
