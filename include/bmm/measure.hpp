// bmm — measure: a performance measure, its observations, and how they add up to year to date.
//
//   measure_id::parse("OCC11.02")   prefix "OCC", priority 11, number 2; prints "OCC11.02"
//                                   (bmm/measure_id.hpp, which needs no dates)
//   measure<>                       id, title, owner, unit, frequency, cumulative?, polarity,
//                                   how it aggregates to YTD, effective-dated target and policy,
//                                   and (cumulative measures) an effective-dated ytd_plan
//   observation<>                   a fiscal month, the reading (a figure, a position, or a data
//                                   status), and optional YTD actual and YTD target
//   ytd_plan                        an annual target and the ytd_profile it accrues by: the YTD
//                                   target at month m is annual × profile.share_to(m), exactly
//
// Year to date is declared per measure by its ytd_rule (bmm/ytd.hpp: sum, latest,
// ratio_of_sums, average). A YTD actual is rated against, in this order: the observation's own YTD target (as printed),
// the measure's ytd_plan in force that month (never rounded: 1,000 a year is 83.333... by M1),
// the period target in force (a measure that is not cumulative), else it is an error.
//
//   auto id = bmm::measure_id::parse("OCC01.07");   // id.priority() == 1, id.number() == 7
//   m.ytd_plans.set(fy.month(1), bmm::ytd_plan{bmm::decimal::parse("7500")});  // flat
//   m.ytd_target(fy.month(2));                       // ratio 1250
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decimal.hpp"
#include "effective.hpp"
#include "error.hpp"
#include "measure_id.hpp"
#include "period.hpp"
#include "rag.hpp"
#include "ratio.hpp"
#include "status.hpp"
#include "target.hpp"
#include "ytd.hpp"

namespace bmm {

/// One period's observation of a measure.
template <unsigned StartMonth = 4>
struct observation {
    fiscal_month<StartMonth> month;
    bmm::reading actual;
    std::optional<bmm::reading> ytd_actual;
    std::optional<target> ytd_target;
};

/// A cumulative measure's year: its annual target and how the target accrues month by month.
struct ytd_plan {
    decimal annual;                             ///< the year's target, in the measure's unit
    ytd_profile profile = ytd_profile::flat();  ///< the share of `annual` due by each month

    /// Returns: the exact YTD target at the end of fiscal month index m (1..12):
    /// annual × profile.share_to(m).
    /// Throws: invalid_argument if m is not 1..12; overflow_error (as ytd_profile::ytd).
    [[nodiscard]] ratio ytd(unsigned m) const { return profile.ytd(annual, m); }
};

/// A performance measure. Targets, rating policies and YTD plans are effective-dated.
template <unsigned StartMonth = 4>
struct measure {
    measure_id id;
    std::string title;
    std::string owner;  ///< the accountable director
    bmm::unit unit = unit::number;
    bmm::frequency frequency = frequency::monthly;
    bool cumulative = false;  ///< its target accumulates over the year (YTD = profile share)
    ytd_rule ytd = ytd_rule::sum;
    effective_dated<target, StartMonth> targets;
    effective_dated<rag_policy, StartMonth> policies;

    /// Which way is better; every policy in force must agree (see rate()).
    bmm::polarity polarity = polarity::higher_is_better;
    /// The annual target and profile giving YTD targets (empty: YTD targets come with each
    /// observation, or, for a measure that is not cumulative, are the period target).
    effective_dated<ytd_plan, StartMonth> ytd_plans;

    /// Returns: the exact YTD target at the end of month m from the plan in force in m
    /// (annual × share_to(m.index())), or std::nullopt when no plan is in force.
    /// Throws: invalid_argument if m is not ok(); overflow_error (as ytd_plan::ytd).
    [[nodiscard]] std::optional<ratio> ytd_target(fiscal_month<StartMonth> m) const {
        if (!m.ok()) throw invalid_argument("a YTD target needs a valid fiscal month");
        const ytd_plan* p = ytd_plans.find(m);
        if (p == nullptr) return std::nullopt;
        return p->ytd(m.index());
    }

    /// Returns: the rating of a reading for month m, with the target and policy in force in m.
    /// Throws: invalid_argument when no target or policy is in force in m, or the policy's
    /// polarity is not the measure's; as bmm::rate().
    [[nodiscard]] status rate(fiscal_month<StartMonth> m, const reading& r) const {
        return bmm::rate(r, targets.at(m), policy_at(m));
    }
    /// Returns: the rating of an observation's actual for its month.
    /// Throws: as rate(m, r).
    [[nodiscard]] status rate(const observation<StartMonth>& o) const {
        return rate(o.month, o.actual);
    }
    /// Returns: the rating of an observation's YTD actual, under the policy in force in its
    /// month, against the first of: the observation's own ytd_target; the ytd_plan in force
    /// (a value target of annual × share_to(month), exact); for a measure that is not
    /// cumulative, the period target in force. std::nullopt without a YTD actual.
    /// Throws: invalid_argument for a cumulative measure with neither a YTD target nor a plan
    /// in force, or (with a plan) a policy of explicit thresholds; as rate(m, r);
    /// overflow_error (as ytd_plan::ytd).
    [[nodiscard]] std::optional<status> rate_ytd(const observation<StartMonth>& o) const {
        if (!o.ytd_actual) return std::nullopt;
        if (o.ytd_target) return bmm::rate(*o.ytd_actual, *o.ytd_target, policy_at(o.month));
        if (!o.month.ok()) throw invalid_argument("a YTD rating needs a valid fiscal month");
        if (const ytd_plan* p = ytd_plans.find(o.month)) {
            return bmm::rate(*o.ytd_actual, target::value(p->annual, unit), policy_at(o.month),
                             p->profile.share_to(o.month.index()));
        }
        if (cumulative) {
            throw invalid_argument("a cumulative measure's YTD needs a YTD target or a ytd_plan (" +
                                       to_string(id) + ", " + to_string(o.month) + ")",
                                   to_string(id));
        }
        return rate(o.month, *o.ytd_actual);
    }

private:
    const rag_policy& policy_at(fiscal_month<StartMonth> m) const {
        const rag_policy& p = policies.at(m);
        if (p.direction() != polarity) {
            throw invalid_argument("the policy in force for " + to_string(id) + " in " +
                                       to_string(m) + " is " +
                                       std::string(to_string(p.direction())) +
                                       " but the measure is " + std::string(to_string(polarity)),
                                   to_string(id));
        }
        return p;
    }
};

}  // namespace bmm
