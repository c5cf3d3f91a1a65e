// bmm — rag: rating an actual against its target, Green / Amber / Red, exactly.
//
// A rag_policy says which way is better and how wide the amber band is; rate() applies it.
//
//   policy                                   Green when               Amber when (else Red)
//   higher_is_better(band)   value target t  x ≥ t                    t − x ≤ band
//   lower_is_better(band)    value target t  x ≤ t                    x − t ≤ band
//   close_to_target(g, a)    value target t  |x − t| ≤ g              |x − t| ≤ a
//   thresholds(pol, g, a)    (target value   x ≥ g (≤ g if lower)     x ≥ a (≤ a if lower)
//                             not used)
//   any band                 bound ">v"      x > v   (≥, <, ≤ alike)  distance to v ≤ band
//                            within "<m"     |x| < m (or ≤ m)         |x| − m ≤ band
//                            range lo–hi     lo ≤ x ≤ hi              distance to the range ≤ band
//                            position p      level ≤ p                level ≤ p + amber_steps
//
// A band is none (a miss is Red), absolute (a decimal in the measure's unit), or relative
// (a ratio of |reference|: the target value, the bound, the tolerance m, or the nearer end of
// a range). Boundary rule, everywhere: a value exactly on a boundary belongs to the better band
// (x == t is Green; a miss exactly equal to the band is Amber) — except where the target itself
// is strict (">6.8%": 6.8 is not Green). Every comparison is exact (decimal and ratio; no
// floating point). A bound's direction must agree with the policy's polarity (">" needs
// higher_is_better or close_to_target) or rate() throws invalid_argument.
//
// A reading that is a data status (n/a, n/r, ?) rates as that status; a target of kind none
// rates as data_status::monitoring_only. Policies and targets change over time: keep them in an
// effective_dated<T> (bmm/effective.hpp) so that a change from a month on never re-rates earlier
// months. Rating needs no dates: this header does not include date.
// (polarity and amber_band live in bmm/detail/polarity.hpp, which this header includes, so
// that bmm/trend.hpp can use them without targets and rating.)
//
// For many readings against one target, build a rater once: it turns the bands into integer
// thresholds at the readings' scale, so each rating is two comparisons.
//
// A target can be rated scaled by an exact share: rate(r, t, p, ratio(2, 12)) rates against
// every figure of t multiplied by 2/12, with no rounding (a YTD target from an annual one and a
// ytd_profile: 1,000 × 1/12 is 83.333..., so 83.33 misses it). Relative bands follow the scaled
// figure; explicit thresholds are figures of their own and cannot be scaled.
//
//   auto policy = bmm::rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(3, 40)));
//   bmm::rate(bmm::decimal::parse("56.98"), bmm::target::parse("61.50%"), policy) // Amber
//   bmm::rate(bmm::decimal::parse("56.74"), bmm::target::parse("61.50%"), policy) // Red
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "config.hpp"
#include "decimal.hpp"
#include "detail/int128.hpp"
#include "detail/polarity.hpp"
#include "error.hpp"
#include "ratio.hpp"
#include "status.hpp"
#include "target.hpp"
#include "zero.hpp"

namespace bmm {

/// A measure's rating rule (see the table at the top of this header).
class rag_policy {
public:
    [[nodiscard]] static rag_policy higher_is_better(amber_band amber = {}) {
        return rag_policy(polarity::higher_is_better, amber);
    }
    [[nodiscard]] static rag_policy lower_is_better(amber_band amber = {}) {
        return rag_policy(polarity::lower_is_better, amber);
    }
    /// Green within `green` of the target either side, Amber within `amber`.
    /// Throws: invalid_argument if the amber band is narrower than the green one (for bands of
    /// the same kind), or a band is none for green.
    [[nodiscard]] static rag_policy close_to_target(amber_band green, amber_band amber) {
        if (green.what() == amber_band::kind::none) green = amber_band::absolute(decimal());
        if (green.what() == amber.what() && amber.width() < green.width()) {
            throw invalid_argument("the amber tolerance is narrower than the green one");
        }
        rag_policy p(polarity::close_to_target, amber);
        p.green_ = green;
        return p;
    }
    /// Explicit thresholds: higher is better: Green from `green`, Amber from `amber` (amber ≤
    /// green); lower is better: Green up to `green`, Amber up to `amber` (amber ≥ green).
    /// Throws: invalid_argument for close_to_target or thresholds in the wrong order.
    [[nodiscard]] static rag_policy thresholds(polarity pol, decimal green, decimal amber) {
        if (pol == polarity::close_to_target) {
            throw invalid_argument(
                "thresholds need a direction: use close_to_target() for tolerances");
        }
        if (pol == polarity::higher_is_better ? amber > green : amber < green) {
            throw invalid_argument("the amber threshold " + to_string(amber) +
                                   " is better than the green threshold " + to_string(green));
        }
        rag_policy p(pol, {});
        p.thresholds_ = std::pair<decimal, decimal>(green, amber);
        return p;
    }
    /// For position targets (milestones, quartiles): how many levels below the target are Amber.
    [[nodiscard]] rag_policy with_amber_steps(unsigned steps) const {
        rag_policy p = *this;
        p.amber_steps_ = steps;
        return p;
    }

    [[nodiscard]] polarity direction() const noexcept { return polarity_; }
    [[nodiscard]] amber_band amber() const noexcept { return amber_; }
    [[nodiscard]] amber_band green_tolerance() const noexcept { return green_; }
    [[nodiscard]] const std::optional<std::pair<decimal, decimal>>& explicit_thresholds()
        const noexcept {
        return thresholds_;
    }
    [[nodiscard]] unsigned amber_steps() const noexcept { return amber_steps_; }

    friend bool operator==(const rag_policy& a, const rag_policy& b) noexcept {
        // The thresholds member by member (not optional<pair>'s operator== overload set).
        const auto& x = a.thresholds_;
        const auto& y = b.thresholds_;
        return a.polarity_ == b.polarity_ && a.amber_ == b.amber_ && a.green_ == b.green_ &&
               x.has_value() == y.has_value() &&
               (!x || (x->first == y->first && x->second == y->second)) &&
               a.amber_steps_ == b.amber_steps_;
    }
    friend bool operator!=(const rag_policy& a, const rag_policy& b) noexcept { return !(a == b); }

private:
    rag_policy(polarity p, amber_band amber) : polarity_(p), amber_(amber) {}

    polarity polarity_;
    amber_band amber_;
    amber_band green_;  ///< close_to_target only
    std::optional<std::pair<decimal, decimal>> thresholds_;
    unsigned amber_steps_ = 1;
};

/// What was observed for a period: a figure, a position on a scale, or why there is none.
class reading {
public:
    constexpr reading(decimal v) noexcept  // NOLINT(google-explicit-constructor)
        : what_(kind::figure), figure_(v) {}
    constexpr reading(position p) noexcept  // NOLINT(google-explicit-constructor)
        : what_(kind::position), position_(p) {}
    constexpr reading(data_status d) noexcept  // NOLINT(google-explicit-constructor)
        : what_(kind::data), data_(d) {}
    /// Returns: the figure, or nullptr when the reading is not one.
    [[nodiscard]] constexpr const decimal* figure() const noexcept {
        return what_ == kind::figure ? &figure_ : nullptr;
    }
    /// Returns: the position, or nullptr when the reading is not one.
    [[nodiscard]] constexpr const position* at() const noexcept {
        return what_ == kind::position ? &position_ : nullptr;
    }
    /// Returns: the data status, or nullptr when the reading is not one.
    [[nodiscard]] constexpr const data_status* data() const noexcept {
        return what_ == kind::data ? &data_ : nullptr;
    }
    /// Returns: true for readings of the same kind with equal values (figures by exact value).
    friend constexpr bool operator==(const reading& a, const reading& b) noexcept {
        if (a.what_ != b.what_) return false;
        switch (a.what_) {
            case kind::figure:
                return a.figure_ == b.figure_;
            case kind::position:
                return a.position_ == b.position_;
            case kind::data:
                return a.data_ == b.data_;
        }
        return false;
    }
    friend constexpr bool operator!=(const reading& a, const reading& b) noexcept {
        return !(a == b);
    }

private:
    // A tagged struct rather than std::variant (a reading is rated in hot loops, and the
    // variant's machinery is compiled by every file that includes this header).
    enum class kind : std::uint8_t { figure, position, data };
    kind what_;
    decimal figure_{};
    position position_{0};
    data_status data_ = data_status::monitoring_only;
};

/// A target and policy prepared for rating many figures: Green and Amber are intervals on the
/// figure's line, turned into integer thresholds at one scale (decimal places).
namespace detail {
struct rater_access;  // the columnar rating (bmm/rag_columns.hpp) reads the thresholds
}

class rater {
public:
    /// Throws: invalid_argument when the policy cannot apply to the target (a ">" bound with a
    /// lower-is-better policy, a position target with a figure policy is fine); overflow_error
    /// if a band's exact width does not fit a ratio.
    rater(const target& t, const rag_policy& p, int places = 2) : rater(t, p, ratio(1), places) {}
    /// A rater for `t` with each of its figures (value, bound, tolerance, range ends) multiplied
    /// by `scale` exactly, e.g. an annual target scaled to a YTD share. Position and none
    /// targets have no figures: the scale does not apply to them.
    /// Throws: as above; invalid_argument for a negative scale, or a scale other than 1 with
    /// a policy of explicit thresholds; overflow_error if a scaled figure does not fit a ratio.
    rater(const target& t, const rag_policy& p, ratio scale, int places = 2);

    /// Returns: the rating of one reading (see the header comment).
    /// Throws: invalid_argument when a figure meets a position target or a position a figure
    /// target.
    [[nodiscard]] status operator()(const reading& r) const {
        if (const decimal* x = r.figure()) return (*this)(*x);
        if (const data_status* d = r.data()) return *d;
        return rate_position(*r.at());
    }
    /// Returns: the rating of a figure. Fast (two integer interval tests, no branch) when x
    /// has the rater's places.
    /// Throws: invalid_argument against a position target.
    [[nodiscard]] status operator()(decimal x) const {
        if (BMM_LIKELY(x.places() == places_ && figures_)) {
            // The Amber interval contains the Green one, so the count of intervals missed is
            // the rating: 0 Green, 1 Amber, 2 Red.
            const std::int64_t u = x.units();
            const unsigned r = static_cast<unsigned>((u < green_lo_) | (u > green_hi_)) +
                               static_cast<unsigned>((u < amber_lo_) | (u > amber_hi_));
            return static_cast<rag>(r);
        }
        return rate_other(x);
    }
    /// Returns: the rating of an exact value (e.g. a computed % of target).
    [[nodiscard]] status operator()(ratio x) const {
        if (none_) return data_status::monitoring_only;
        if (position_target_)
            throw invalid_argument("a figure cannot be rated against a position target");
        return rate_exact(x);
    }

    /// The Green and Amber intervals (std::nullopt ends are unbounded), for display and audit.
    /// Amber always contains Green (with no band they are equal).
    struct interval {
        std::optional<ratio> low, high;
        bool low_open = false, high_open = false;
        [[nodiscard]] bool contains(ratio x) const noexcept {
            if (low && (low_open ? !(x > *low) : x < *low)) return false;
            if (high && (high_open ? !(x < *high) : x > *high)) return false;
            return true;
        }
    };
    [[nodiscard]] const interval& green() const noexcept { return green_; }
    [[nodiscard]] const interval& amber() const noexcept { return amber_; }

private:
    BMM_NOINLINE status rate_other(decimal x) const {
        if (none_) return data_status::monitoring_only;
        if (position_target_) {
            throw invalid_argument("a figure cannot be rated against a position target",
                                   to_string(x));
        }
        return rate_exact(ratio::from_decimal(x));
    }
    status rate_exact(ratio x) const {
        if (green_.contains(x)) return rag::green;
        if (amber_.contains(x)) return rag::amber;
        return rag::red;
    }
    status rate_position(position p) const {
        if (none_) return data_status::monitoring_only;
        if (!position_target_) {
            throw invalid_argument("a position cannot be rated against a figure target");
        }
        if (p.level() <= target_level_) return rag::green;
        if (p.level() - target_level_ <= amber_steps_) return rag::amber;
        return rag::red;
    }
    void thresholds_at_scale();
    friend struct detail::rater_access;

    // The hot fields first: a figure at the rater's scale needs only these.
    std::int64_t green_lo_ = 0, green_hi_ = -1, amber_lo_ = 0, amber_hi_ = -1;
    int places_ = 2;
    bool figures_ = false;  ///< a figure target: the fast path applies
    bool none_ = false;
    bool position_target_ = false;
    unsigned target_level_ = 0;
    unsigned amber_steps_ = 1;
    interval green_, amber_;
};

/// Returns: the rating of `r` against `t` under `p` (rater(t, p)(r)).
/// Throws: as rater's constructor and call operator.
[[nodiscard]] inline status rate(const reading& r, const target& t, const rag_policy& p) {
    const int places = r.figure() != nullptr ? r.figure()->places() : 2;
    return rater(t, p, places)(r);
}

/// Returns: the rating of `r` against `t` with its figures multiplied by `scale` exactly
/// (rater(t, p, scale)(r)), e.g. a YTD target that is a share of an annual one.
/// Throws: as rater's scaled constructor and call operator.
[[nodiscard]] inline status rate(const reading& r, const target& t, const rag_policy& p,
                                 ratio scale) {
    const int places = r.figure() != nullptr ? r.figure()->places() : 2;
    return rater(t, p, scale, places)(r);
}

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

[[nodiscard]] inline ratio abs(ratio r) { return r < zero ? -r : r; }

/// floor(r × 10^places) and ceil(r × 10^places), exactly, in 128 bits.
[[nodiscard]] inline i128 floor_scaled(ratio r, int places) {
    const i128 n = i128(r.numerator()) * pow10_128(places);
    const i128 d = r.denominator();
    i128 q = n / d;
    if ((n % d != 0) && (n < 0)) --q;
    return q;
}
[[nodiscard]] inline i128 ceil_scaled(ratio r, int places) {
    const i128 n = i128(r.numerator()) * pow10_128(places);
    const i128 d = r.denominator();
    i128 q = n / d;
    if ((n % d != 0) && (n > 0)) ++q;
    return q;
}
[[nodiscard]] inline std::int64_t clamp_i64(i128 v) noexcept {
    if (v > i128(i64_max)) return i64_max;
    if (v < i128(i64_min)) return i64_min;
    return static_cast<std::int64_t>(v);
}

}  // namespace detail

inline rater::rater(const target& t, const rag_policy& p, ratio scale, int places)
    : places_(places) {
    if (places < 0 || places > decimal::max_places) {
        throw invalid_argument("a rater's scale is 0 to 18 decimal places");
    }
    if (scale < zero) {
        throw invalid_argument("a target cannot be scaled by a negative share", to_string(scale));
    }
    amber_steps_ = p.amber_steps();
    if (t.is_none()) {
        none_ = true;
        return;
    }
    if (t.what() == target::kind::position) {
        position_target_ = true;
        target_level_ = t.at().level();
        return;
    }
    using side = target::side;
    const polarity pol = p.direction();
    const bool unscaled = scale == ratio(1);
    const ratio lo = unscaled ? ratio::from_decimal(t.low()) : ratio::from_decimal(t.low()) * scale;
    const ratio hi =
        unscaled ? ratio::from_decimal(t.high()) : ratio::from_decimal(t.high()) * scale;
    interval g, a;
    // `reference` is what a relative band is a share of.
    auto widen = [&](const interval& gi, ratio reference) {
        interval ai = gi;
        const auto w = p.amber().width_for(reference);
        if (!w) return ai;  // no band: Amber is empty beyond Green
        if (ai.low) {
            ai.low = *ai.low - *w;
            ai.low_open = false;
        }
        if (ai.high) {
            ai.high = *ai.high + *w;
            ai.high_open = false;
        }
        return ai;
    };
    if (const auto& th = p.explicit_thresholds()) {
        if (!unscaled) {
            throw invalid_argument(
                "explicit thresholds cannot be scaled to a share of the target: give the "
                "thresholds for that share instead",
                to_string(scale));
        }
        const ratio gt = ratio::from_decimal(th->first), at = ratio::from_decimal(th->second);
        if (pol == polarity::higher_is_better) {
            g.low = gt;
            a.low = at;
        } else {
            g.high = gt;
            a.high = at;
        }
    } else {
        switch (t.what()) {
            case target::kind::value:
                if (pol == polarity::higher_is_better) {
                    g.low = lo;
                } else if (pol == polarity::lower_is_better) {
                    g.high = lo;
                } else {
                    const ratio gw = *p.green_tolerance().width_for(lo);
                    g.low = lo - gw;
                    g.high = lo + gw;
                    const auto aw = p.amber().width_for(lo);
                    if (aw) {
                        a.low = lo - *aw;
                        a.high = lo + *aw;
                    } else {
                        a = g;
                    }
                    break;
                }
                a = widen(g, lo);
                break;
            case target::kind::bound: {
                const side s = t.bound_side();
                const bool greater = s == side::greater || s == side::greater_equal;
                if ((greater && pol == polarity::lower_is_better) ||
                    (!greater && pol == polarity::higher_is_better)) {
                    throw invalid_argument("the target \"" + to_string(t) +
                                               "\" contradicts the policy's polarity (" +
                                               std::string(to_string(pol)) + ")",
                                           to_string(t));
                }
                if (greater) {
                    g.low = lo;
                    g.low_open = s == side::greater;
                } else {
                    g.high = lo;
                    g.high_open = s == side::less;
                }
                a = widen(g, lo);
                break;
            }
            case target::kind::within:
                g.low = -lo;
                g.high = lo;
                g.low_open = g.high_open = t.bound_side() == side::less;
                a = widen(g, lo);
                break;
            case target::kind::range: {
                g.low = lo;
                g.high = hi;
                // A relative band on a range is a share of each end.
                const auto wl = p.amber().width_for(lo), wh = p.amber().width_for(hi);
                if (!wl) {
                    a = g;
                } else {
                    a.low = lo - *wl;
                    a.high = hi + *wh;
                }
                break;
            }
            case target::kind::none:
            case target::kind::position:
                break;
        }
    }
    green_ = g;
    amber_ = a;
    figures_ = true;
    thresholds_at_scale();
}

inline void rater::thresholds_at_scale() {
    auto to_int = [this](const interval& in, std::int64_t& l, std::int64_t& h) {
        constexpr std::int64_t lo_inf = detail::i64_min, hi_inf = detail::i64_max;
        // Integers u at this scale with u / 10^places inside the interval.
        detail::i128 li = lo_inf, hi = hi_inf;
        if (in.low) {
            li = in.low_open ? detail::floor_scaled(*in.low, places_) + 1
                             : detail::ceil_scaled(*in.low, places_);
        }
        if (in.high) {
            hi = in.high_open ? detail::ceil_scaled(*in.high, places_) - 1
                              : detail::floor_scaled(*in.high, places_);
        }
        if (li > hi || li > detail::i128(hi_inf) || hi < detail::i128(lo_inf)) {
            l = 0;
            h = -1;  // no int64 figure at this scale lies inside
            return;
        }
        l = detail::clamp_i64(li);
        h = detail::clamp_i64(hi);
    };
    to_int(green_, green_lo_, green_hi_);
    to_int(amber_, amber_lo_, amber_hi_);
}

}  // namespace bmm
