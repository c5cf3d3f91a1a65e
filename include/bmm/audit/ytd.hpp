// bmm — audit/ytd: a printed year-to-date figure against its measure's YTD rule and the months.
//
//   rule (ytd_rule)  the printed YTD must be                          else
//   sum              the monthly figures' sum                         rounding or error
//   latest           the latest month's figure                        rounding or error
//   average          the monthly figures' mean                        rounding or error
//   ratio_of_sums    Σ numerators / Σ denominators, when every month  rounding or error
//                    gives them; without them, between the lowest and
//                    the highest monthly rate (undecided, with what
//                    fits), and an error outside — said to be the
//                    rates summed when their sum gives it (seed 003:
//                    OCC10.05 13% + 15% printed 29%)
// A month not given, or derived from the YTD itself (a sum measure's one gap: the YTD less the
// other months), leaves the rule undecided. A whole number of a unit::number measure is a count,
// exact; every other figure stands for its printed interval under the options' mode. The
// finding's rule is "ytd_" and the ytd_rule's name; printed and expected are figures as
// to_string(figure) prints them; the explanation says what the months give.
//
//   bmm::audit_ytd(d("205"), {{"April 2023", d("103")}, {"May 2023", d("102")}},
//                  bmm::ytd_rule::latest, bmm::ytd_audit_options(bmm::rounding_mode::half_up));
//                  // error: "its rule is latest, so the YTD is the latest month's figure:
//                  //         May 2023's 102"
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../decimal.hpp"
#include "../error.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "../target.hpp"
#include "../ytd.hpp"
#include "derived.hpp"
#include "finding.hpp"
#include "interval.hpp"

namespace bmm {

/// One month of a measure as the data give it.
struct ytd_month {
    std::string label;              ///< how explanations name it ("May 2023")
    std::optional<decimal> figure;  ///< std::nullopt: not given
    /// Worked out from the YTD itself (e.g. a sum measure's one gap, the YTD less the other
    /// months): it cannot check the YTD.
    bool derived = false;
    std::optional<rate_parts> parts;  ///< a rate's numerator and denominator, when given
};

/// How the figures of a YTD audit were printed.
struct ytd_audit_options {
    /// Figures rounded by `printed_with`, in `figures`' unit.
    explicit ytd_audit_options(rounding_mode printed_with,
                               bmm::unit figures = bmm::unit::number) noexcept
        : mode(printed_with), unit(figures) {}

    rounding_mode mode;
    bmm::unit unit;
};

/// Checks a printed YTD figure against `rule` and the months (report month last), the cell named
/// `where` (see the header comment).
/// Returns: one cell checked: agrees, or a stored finding (rounding, error, or undecided — with
/// `fits` when the rule bounds the YTD without deciding it).
/// Throws: invalid_argument for no months; overflow_error only for figures beyond int64 ratios.
[[nodiscard]] findings audit_ytd(decimal printed, const std::vector<ytd_month>& months,
                                 ytd_rule rule, const ytd_audit_options& options,
                                 cell_ref where = {});

// ---------------------------------------------------------------------------------------------
// Implementation

inline findings audit_ytd(decimal printed, const std::vector<ytd_month>& months, ytd_rule rule,
                          const ytd_audit_options& options, cell_ref where) {
    if (months.empty()) throw invalid_argument("a YTD audit needs at least one month");
    const rounding_mode mode = options.mode;
    const std::size_t n = months.size();
    auto shown = [&options](decimal v) { return to_string(figure{v, options.unit}); };
    auto shown_ratio = [&](ratio r, int places) { return shown(r.round(places, mode)); };
    auto interval = [&](decimal v) {
        if (options.unit == unit::number && v.places() == 0) {
            return printed_interval::exactly(ratio::from_decimal(v));
        }
        return printed_interval::of(v, mode);
    };
    findings out;
    auto add = [&](verdict v, std::string expected, std::optional<printed_interval> fits,
                   std::string why) {
        finding f;
        f.where = std::move(where);
        f.rule = "ytd_" + std::string(to_string(rule));
        f.printed = shown(printed);
        f.fits = fits;
        f.expected = std::move(expected);
        f.verdict = v;
        f.explanation = std::move(why);
        out.add(std::move(f));
    };
    auto classify = [&](ratio exact, const printed_interval& range, std::string why) {
        const verdict v = verdict_of(printed, exact, range, mode);
        if (v == verdict::agrees) {
            out.tally(v);
        } else {
            add(v, shown_ratio(exact, printed.places()), range, std::move(why));
        }
        return out;
    };
    auto join = [](std::string& list, const std::string& label) {
        if (!list.empty()) list += ", ";
        list += label;
    };
    std::string missing, from_ytd;
    for (const ytd_month& m : months) {
        if (!m.figure) join(missing, m.label);
        if (m.derived) join(from_ytd, m.label);
    }
    switch (rule) {
        case ytd_rule::latest: {
            const ytd_month& last = months.back();
            if (!last.figure) {
                add(verdict::undecided, "", std::nullopt, last.label + " not given");
                return out;
            }
            return classify(ratio::from_decimal(*last.figure), interval(*last.figure),
                            "its rule is latest, so the YTD is the latest month's figure: " +
                                last.label + "'s " + shown(*last.figure));
        }
        case ytd_rule::sum:
        case ytd_rule::average: {
            if (!missing.empty()) {
                add(verdict::undecided, "", std::nullopt, missing + " not given");
                return out;
            }
            if (!from_ytd.empty()) {
                add(verdict::undecided, "", std::nullopt, from_ytd + " derived from the YTD");
                return out;
            }
            ratio total;
            printed_interval range = printed_interval::exactly(ratio());
            std::string terms;
            for (const ytd_month& m : months) {
                total += ratio::from_decimal(*m.figure);
                range = range + interval(*m.figure);
                terms += (terms.empty() ? "" : " + ") + shown(*m.figure);
            }
            if (rule == ytd_rule::sum) {
                return classify(total, range,
                                "its rule is sum, and the months add to " + terms + " = " +
                                    shown_ratio(total, printed.places()));
            }
            const ratio k(1, static_cast<std::int64_t>(n));
            return classify(total * k, range.scaled(k),
                            "its rule is average, and the monthly mean is (" + terms + ") / " +
                                std::to_string(n) + " = " +
                                shown_ratio(total * k, printed.places()));
        }
        case ytd_rule::ratio_of_sums: {
            bool all_parts = true;
            for (const ytd_month& m : months) all_parts = all_parts && m.parts.has_value();
            if (all_parts) {
                std::vector<rate_parts> ps;
                ps.reserve(n);
                for (const ytd_month& m : months) ps.push_back(*m.parts);
                const auto exact = ytd_ratio_of_sums(ps);
                if (!exact) {
                    add(verdict::undecided, "", std::nullopt, "the denominators add to zero");
                    return out;
                }
                const ratio r = options.unit == unit::percent ? *exact * ratio(100) : *exact;
                return classify(r, printed_interval::exactly(r),
                                "its rule is ratio of sums, and the months' numerators over "
                                "denominators give " +
                                    shown_ratio(r, printed.places() + 1));
            }
            if (!missing.empty()) {
                add(verdict::undecided, "", std::nullopt,
                    missing + " not given (and no numerators and denominators)");
                return out;
            }
            // Without the weights, a ratio of sums is still a weighted mean of the monthly
            // rates: it lies between the lowest and the highest.
            printed_interval hull = interval(*months[0].figure);
            printed_interval summed = printed_interval::exactly(ratio());
            ratio total;
            std::string terms;
            decimal lo_v = *months[0].figure, hi_v = *months[0].figure;
            for (const ytd_month& m : months) {
                const decimal v = *m.figure;
                const printed_interval iv = interval(v);
                if (iv.lo < hull.lo) hull.lo = iv.lo;
                if (iv.hi > hull.hi) hull.hi = iv.hi;
                hull.lo_closed = hull.hi_closed = true;
                if (v < lo_v) lo_v = v;
                if (v > hi_v) hi_v = v;
                summed = summed + iv;
                total += ratio::from_decimal(v);
                terms += (terms.empty() ? "" : " + ") + shown(v);
            }
            const std::string between = shown(lo_v) + " to " + shown(hi_v);
            if (interval(printed).meets(hull)) {
                add(verdict::undecided, "", hull,
                    "between the monthly figures " + shown(lo_v) + " and " + shown(hi_v) +
                        "; no numerators and denominators to check it exactly");
                return out;
            }
            std::string why =
                "its rule is ratio of sums (numerators over denominators, summed), so the YTD "
                "lies between the monthly rates, " +
                between;
            if (interval(printed).meets(summed)) {
                why += "; the rates summed, " + terms + " = " +
                       shown_ratio(total, printed.places()) + " (" +
                       shown_ratio(summed.lo, printed.places()) + " to " +
                       shown_ratio(summed.hi, printed.places()) + " before rounding), give " +
                       shown(printed) + ": the YTD was summed, not a rate";
            }
            add(verdict::error, between, hull, std::move(why));
            return out;
        }
    }
    return out;
}

}  // namespace bmm
