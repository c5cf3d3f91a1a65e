// bmm — target: what a measure is rated against, read exactly from the text reports print.
//
//   text as printed                  kind                     meaning
//   "61.50%", "1,500", "£300,000"    value                    meet it (in the measure's polarity)
//   ">6.8%", ">= 28%", "≥ 2315"      bound (greater)          x > 6.8 (or x ≥ ...)
//   "<20%", "≤ 10"                   bound (less)             x < 20  (or x ≤ ...)
//   "< 2.0% of net budget"           within                   |x| < 2.0 either side ("of ..." kept
//                                                             as the basis)
//   "93-95%", "60 – 63%"             range                    93 ≤ x ≤ 95
//   "Top quartile"                   position                 quartile 1 (of 4) or better
//   "Delivering to plan"             position                 a level on a milestone_scale
//   "", "-", "n/a", "No target"      none                     monitoring only
//
// Numbers are exact decimals (bmm::decimal): "61.50%" holds 61.50 with unit::percent. A unit
// word after the number ("48 days", "46.5 km") is kept as the target's qualifier. Text that is
// none of these is a parse_error naming it ("93-", "95-93%", "60/20": composite targets are not
// supported and say so).
//
// A ytd_profile gives the year-to-date target at any fiscal month exactly: flat (annual × m/12),
// from relative monthly weights, from monthly shares that must sum to the whole, or from
// monthly targets that must sum to the annual one.
//
//   auto t = bmm::target::parse("93-95%");     // t.low() == 93, t.high() == 95
//   auto p = bmm::ytd_profile::flat();
//   p.ytd(bmm::decimal::parse("7500"), 2);     // ratio 1250: the target to the end of month 2
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decimal.hpp"
#include "detail/checked.hpp"
#include "detail/decimal_text.hpp"
#include "detail/int128.hpp"
#include "detail/text.hpp"
#include "detail/try_twin.hpp"
#include "error.hpp"
#include "ratio.hpp"
#include "zero.hpp"

namespace bmm {

/// What a measure counts. Percentages hold the figure as printed (61.50 for 61.50%).
enum class unit : std::uint8_t {
    number,         ///< a plain figure or count ("1,500")
    percent,        ///< "61.50%"
    money,          ///< pounds as printed ("£300,000")
    rate_per_100k,  ///< a rate per 100,000 population
    length_km,      ///< kilometres
    days,           ///< elapsed days ("48 days")
    milestone,      ///< a level on an ordered milestone scale
};

/// Returns: "number", "percent", "money", "rate per 100,000", "km", "days", "milestone".
[[nodiscard]] constexpr std::string_view to_string(unit u) noexcept {
    constexpr std::string_view names[7]{"number", "percent", "money",    "rate per 100,000",
                                        "km",     "days",    "milestone"};
    return names[static_cast<std::size_t>(u)];
}

/// A level on an ordered scale: 0 is the best level. Quartiles are positions 0..3 (top first).
class position {
public:
    /// The position `level` (0 best).
    explicit constexpr position(unsigned level) noexcept : level_(level) {}
    /// Returns: the level, 0 for the best.
    [[nodiscard]] constexpr unsigned level() const noexcept { return level_; }
    /// Returns: true for the same level.
    friend constexpr bool operator==(position a, position b) noexcept {
        return a.level_ == b.level_;
    }
    friend constexpr bool operator!=(position a, position b) noexcept { return !(a == b); }
    /// Returns: true when `a` is strictly better (a lower level) than `b`.
    [[nodiscard]] friend constexpr bool better_than(position a, position b) noexcept {
        return a.level_ < b.level_;
    }

private:
    unsigned level_;
};

/// An ordered list of milestone labels, best first, e.g.
/// {"Delivering to plan", "Slightly behind schedule", "Significantly behind schedule"}.
class milestone_scale {
public:
    /// The scale with these levels, best first.
    /// Throws: invalid_argument if `labels` is empty, or a label is blank or repeated (ignoring
    /// case), naming the label.
    explicit milestone_scale(std::vector<std::string> labels) : labels_(std::move(labels)) {
        if (labels_.empty()) throw invalid_argument("a milestone scale needs at least one level");
        for (std::size_t i = 0; i < labels_.size(); ++i) {
            if (detail::trim(labels_[i]).empty()) {
                throw invalid_argument("a milestone scale has a blank level", labels_[i]);
            }
            for (std::size_t j = 0; j < i; ++j) {
                if (detail::iequals(detail::trim(labels_[i]), detail::trim(labels_[j]))) {
                    throw invalid_argument(
                        "a milestone scale repeats the level \"" + labels_[i] + "\"", labels_[i]);
                }
            }
        }
    }
    /// As above. Throws: as above.
    milestone_scale(std::initializer_list<std::string> labels)
        : milestone_scale(std::vector<std::string>(labels)) {}

    /// The four benchmark quartiles: "Top quartile", "Second quartile", "Third quartile",
    /// "Bottom quartile".
    [[nodiscard]] static const milestone_scale& quartiles() {
        static const milestone_scale q{"Top quartile", "Second quartile", "Third quartile",
                                       "Bottom quartile"};
        return q;
    }

    /// Returns: the number of levels.
    [[nodiscard]] std::size_t size() const noexcept { return labels_.size(); }
    /// Returns: the label of a position. Throws: invalid_argument when it is not on the scale.
    [[nodiscard]] const std::string& label(position p) const {
        if (p.level() >= labels_.size()) {
            throw invalid_argument("position " + std::to_string(p.level()) +
                                   " is not on a scale of " + std::to_string(labels_.size()));
        }
        return labels_[p.level()];
    }
    /// Returns: the position whose label is `text` (ignoring case and surrounding space), or
    /// std::nullopt exactly where find(text) would throw.
    [[nodiscard]] std::optional<position> try_find(std::string_view text) const noexcept {
        const std::string_view t = detail::trim(text);
        for (std::size_t i = 0; i < labels_.size(); ++i) {
            if (detail::iequals(t, detail::trim(labels_[i]))) {
                return position(static_cast<unsigned>(i));
            }
        }
        return std::nullopt;
    }
    /// Returns: the position whose label is `text` (ignoring case and surrounding space).
    /// Throws: parse_error naming the text and the scale's first level when it is not a level
    /// ("", "n/a", "Ahead"), at the offset of its first non-space character.
    [[nodiscard]] position find(std::string_view text) const {
        if (auto p = try_find(text)) return *p;
        std::size_t lead = 0;  // the offset of the label that is not a level
        (void)detail::trim(text, &lead);
        throw parse_error(text, "a milestone",
                          "not a level of the scale that starts \"" + labels_.front() + "\"", lead);
    }

private:
    std::vector<std::string> labels_;
};

/// A figure as a report prints it: its exact value and the unit its text shows.
struct figure {
    decimal value;
    bmm::unit unit = unit::number;
};

/// Reads "56.74%", "£439,343", "1,339", "46.50", "48 days" (a unit word kept as the unit),
/// "−2.6%" (U+2212 minus), "150%" (over 100 is a figure like any other).
/// Returns: the exact value and its unit.
/// Throws: parse_error naming the text and the offset where it went wrong when it is not one
/// figure ("", "n/a", "15%%", "1,2", "12 apples"); overflow_error naming the text when its
/// number does not fit a decimal (int64 coefficient, at most 18 places).
[[nodiscard]] figure parse_figure(std::string_view text);
/// Returns: parse_figure(text), or std::nullopt exactly where it would throw.
[[nodiscard]] std::optional<figure> try_parse_figure(std::string_view text) noexcept;
/// Returns: the figure as a report prints it and parse_figure reads it back: "56.74%",
/// "£439,343", "-1,339", "46.50", "48 days", "12.5 km" (thousands grouped but in a percentage).
[[nodiscard]] std::string to_string(const figure& f);

/// A target, as described at the top of this header.
class target {
public:
    enum class kind : std::uint8_t { none, value, bound, within, range, position };
    /// For bounds: which side of the figure meets the target.
    enum class side : std::uint8_t { greater, greater_equal, less, less_equal };

    /// No target: the measure is monitoring only.
    target() = default;

    /// Returns: no target (monitoring only).
    [[nodiscard]] static target none() { return target(); }
    /// Returns: meet `v` (polarity comes from the rating policy).
    [[nodiscard]] static target value(decimal v, bmm::unit u = unit::number) {
        target t(kind::value, u);
        t.low_ = t.high_ = v;
        return t;
    }
    /// Returns: x > v, x ≥ v, x < v or x ≤ v.
    [[nodiscard]] static target bound(side s, decimal v, bmm::unit u = unit::number) {
        target t(kind::bound, u);
        t.side_ = s;
        t.low_ = t.high_ = v;
        return t;
    }
    /// Returns: |x| < m (strict) or |x| ≤ m, e.g. a variance within 2.0% of net budget either
    /// side.
    /// Throws: invalid_argument if m is negative.
    [[nodiscard]] static target within(decimal m, bool inclusive, bmm::unit u = unit::number,
                                       std::string basis = {}) {
        if (m < zero) throw invalid_argument("a tolerance cannot be negative", to_string(m));
        target t(kind::within, u);
        t.side_ = inclusive ? side::less_equal : side::less;
        t.low_ = t.high_ = m;
        t.qualifier_ = std::move(basis);
        return t;
    }
    /// Returns: lo ≤ x ≤ hi. Throws: invalid_argument if lo > hi.
    [[nodiscard]] static target range(decimal lo, decimal hi, bmm::unit u = unit::number) {
        if (hi < lo) {
            throw invalid_argument("a target range runs from low to high",
                                   to_string(lo) + "-" + to_string(hi));
        }
        target t(kind::range, u);
        t.low_ = lo;
        t.high_ = hi;
        return t;
    }
    /// Returns: a position on an ordered scale (0 best) with its label, e.g. quartile(1) "Top
    /// quartile".
    [[nodiscard]] static target at_position(position p, std::string label) {
        target t(kind::position, unit::milestone);
        t.position_ = p;
        t.qualifier_ = std::move(label);
        return t;
    }
    /// Returns: benchmark quartile q, 1 (top) to 4 (bottom). Throws: invalid_argument otherwise.
    [[nodiscard]] static target quartile(unsigned q) {
        if (q < 1 || q > 4) {
            throw invalid_argument("a quartile is 1 (top) to 4 (bottom)", std::to_string(q));
        }
        const position p(q - 1);
        return at_position(p, milestone_scale::quartiles().label(p));
    }

    /// Returns: what kind of target this is.
    [[nodiscard]] kind what() const noexcept { return kind_; }
    /// Returns: true for no target.
    [[nodiscard]] bool is_none() const noexcept { return kind_ == kind::none; }
    /// Returns: the unit its figures are in.
    [[nodiscard]] bmm::unit unit() const noexcept { return unit_; }
    /// Returns: the figure of a value or bound target, the tolerance of a within target, a
    /// range's low end.
    [[nodiscard]] decimal low() const noexcept { return low_; }
    /// Returns: the same as low() except for a range, where it is the high end.
    [[nodiscard]] decimal high() const noexcept { return high_; }
    /// Returns: the side of a bound or within target (greater_equal otherwise).
    [[nodiscard]] side bound_side() const noexcept { return side_; }
    /// Returns: the position of a position target (position 0 otherwise).
    [[nodiscard]] bmm::position at() const noexcept { return position_; }
    /// Returns: the words after the figure ("days", "of net budget") or a position's label.
    [[nodiscard]] const std::string& qualifier() const noexcept { return qualifier_; }

    /// Returns: true when kind, unit, side, figures (by value), position and qualifier agree.
    friend bool operator==(const target& a, const target& b) noexcept {
        return a.kind_ == b.kind_ && a.unit_ == b.unit_ && a.side_ == b.side_ && a.low_ == b.low_ &&
               a.high_ == b.high_ && a.position_ == b.position_ && a.qualifier_ == b.qualifier_;
    }
    friend bool operator!=(const target& a, const target& b) noexcept { return !(a == b); }

    /// Reads a target as printed (table at the top of this header).
    /// Returns: the target; target::none() for "", "-", "n/a", "No target".
    /// Throws: parse_error naming the text, saying why and (where there is one) at which
    /// offset; overflow_error naming the text when a number does not fit a decimal.
    [[nodiscard]] static target parse(std::string_view text);
    /// Returns: as parse(text), also reading the labels of `scale` as position targets.
    /// Throws: as parse(text).
    [[nodiscard]] static target parse(std::string_view text, const milestone_scale& scale);
    /// Returns: parse(text), or std::nullopt exactly where it would throw.
    [[nodiscard]] static std::optional<target> try_parse(std::string_view text) noexcept;
    /// Returns: parse(text, scale), or std::nullopt exactly where it would throw.
    [[nodiscard]] static std::optional<target> try_parse(std::string_view text,
                                                         const milestone_scale& scale) noexcept;

private:
    target(kind k, bmm::unit u) : kind_(k), unit_(u) {}

    kind kind_ = kind::none;
    bmm::unit unit_ = unit::number;
    side side_ = side::greater_equal;
    decimal low_;
    decimal high_;
    bmm::position position_{0};
    std::string qualifier_;
};

/// Returns: the target as a report would print it: "61.50%", ">6.8%", "< 2.0% of net budget",
/// "93-95%", "£300,000" is printed "£300000", "Top quartile", "No target". parse() reads it back.
[[nodiscard]] std::string to_string(const target& t);

/// How an annual target is spread over the months of a fiscal year, to give YTD targets.
class ytd_profile {
public:
    /// Returns: the profile where each month carries 1/12: the YTD target at month m is
    /// annual × m / 12.
    [[nodiscard]] static ytd_profile flat() { return ytd_profile(std::array<ratio, 12>{}, true); }
    /// Returns: the profile of relative weights per fiscal month (month 1 first); any positive
    /// total.
    /// Throws: invalid_argument for a negative weight or all weights zero; overflow_error if
    /// the weights sum beyond int64.
    [[nodiscard]] static ytd_profile from_weights(const std::array<std::int64_t, 12>& weights);
    /// Returns: the profile of each month's share of the year (e.g. 1/10, 8.5%); the shares
    /// must sum to exactly 1.
    /// Throws: invalid_argument naming the sum when they do not, or a share is negative;
    /// overflow_error if the exact sum does not fit a ratio.
    [[nodiscard]] static ytd_profile from_shares(const std::array<ratio, 12>& shares);
    /// Returns: the profile of monthly targets that must sum to the annual target exactly.
    /// Throws: invalid_argument naming both sums when they differ, a month is negative or the
    /// annual target is zero; overflow_error if the sum does not fit a decimal.
    [[nodiscard]] static ytd_profile from_monthly_targets(decimal annual,
                                                          const std::array<decimal, 12>& months);

    /// Returns: the fraction of the year's target due by the end of fiscal month `m` (1..12).
    /// Throws: invalid_argument if m is not 1..12.
    [[nodiscard]] ratio share_to(unsigned m) const {
        if (m < 1 || m > 12) {
            throw invalid_argument("a fiscal month index is 1 to 12", std::to_string(m));
        }
        return flat_ ? ratio(static_cast<std::int64_t>(m), 12) : cumulative_[m - 1];
    }
    /// Returns: the exact YTD target at the end of month m for an annual target.
    /// Throws: as share_to(); overflow_error if the exact product does not fit a ratio.
    [[nodiscard]] ratio ytd(decimal annual, unsigned m) const {
        return ratio::from_decimal(annual) * share_to(m);
    }
    /// Returns: the same, rounded to `places` by `mode` (as a report prints it).
    /// Requires: 0 <= places <= 18. Throws: as ytd(annual, m); overflow_error if the rounded
    /// figure does not fit a decimal.
    [[nodiscard]] decimal ytd(decimal annual, unsigned m, int places, rounding_mode mode) const {
        return ytd(annual, m).round(places, mode);
    }

private:
    ytd_profile(const std::array<ratio, 12>& cumulative, bool flat)
        : cumulative_(cumulative), flat_(flat) {}
    static ytd_profile from_cumulative_shares(const std::array<ratio, 12>& shares);

    std::array<ratio, 12> cumulative_;  ///< share of the year due by the end of each month
    bool flat_ = false;
};

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

struct target_number {
    decimal value;
    bmm::unit unit = unit::number;
    std::string_view rest;  ///< what follows the number (and its % sign), trimmed
};

/// Why and where reading a target or a figure failed. `at` points into the text read (every
/// piece the readers look at is a view of it), so the offset is at - text.data().
struct target_failure {
    const char* why = "not a target";
    const char* at = nullptr;  ///< nullptr: no position
    bool overflow = false;     ///< the number is well formed but does not fit a decimal

    void fail(const char* reason, const char* where) noexcept {
        why = reason;
        at = where;
    }
    /// Throws: overflow_error or parse_error naming `text` (as `what`), with the position.
    [[noreturn]] void raise(std::string_view text, std::string_view what) const {
        if (overflow) {
            throw overflow_error(detail::quoted(text) +
                                     " has a number that does not fit a decimal (an int64 "
                                     "coefficient and at most 18 places)",
                                 text);
        }
        std::size_t position = error::no_position;
        if (at != nullptr && !text.empty()) {
            const auto offset = at - text.data();
            if (offset >= 0 && static_cast<std::size_t>(offset) <= text.size()) {
                position = static_cast<std::size_t>(offset);
            }
        }
        throw parse_error(text, what, why, position);
    }
};

/// Reads "£300,000", "61.50%", "46.5 km", "2.0% of net budget" from the front of `s`: an optional
/// '£', a decimal (a sign, '-', '+' or U+2212, and thousands separators allowed), an optional
/// '%', then the rest.
/// Returns: true with *out set, or false with *f saying why.
inline bool scan_target_number(std::string_view s, target_failure* f, target_number* out) {
    s = trim(s);
    std::size_t i = 0;
    constexpr std::string_view pound = "\xC2\xA3";
    bool pounds = false;
    if (s.substr(0, pound.size()) == pound) {
        pounds = true;
        i = pound.size();
    }
    std::size_t j = i;
    if (j < s.size() && (s[j] == '-' || s[j] == '+')) {
        ++j;
    } else if (s.substr(j, unicode_minus.size()) == unicode_minus) {
        j += unicode_minus.size();
    }
    const std::size_t digits_at = j;
    while (j < s.size() && (is_digit(s[j]) || s[j] == ',' || s[j] == '.')) ++j;
    if (j == digits_at) {
        f->fail("expected a number", s.data() + i);
        return false;
    }
    const decimal_text number = scan_decimal(s.substr(i, j - i));
    if (!number.ok()) {
        f->fail(number.error, s.data() + i + number.error_position);
        return false;
    }
    const i128 v = number.negative ? -number.digits : number.digits;
    if (number.fraction_digits > decimal::max_places || !fits_i64(v)) {
        f->overflow = true;
        f->at = s.data() + i;
        return false;
    }
    out->value = decimal::from_units(static_cast<std::int64_t>(v), number.fraction_digits);
    std::size_t k = j;
    while (k < s.size() && is_space(s[k])) ++k;
    if (k < s.size() && s[k] == '%') {
        if (pounds) {
            f->fail("a figure cannot be both pounds and a percentage", s.data() + k);
            return false;
        }
        out->unit = unit::percent;
        ++k;
    } else if (pounds) {
        out->unit = unit::money;
    }
    out->rest = trim(s.substr(k));
    if (out->unit == unit::number) {
        if (iequals(out->rest, "days") || iequals(out->rest, "day")) out->unit = unit::days;
        if (iequals(out->rest, "km")) out->unit = unit::length_km;
    }
    return true;
}

struct target_parse_result {
    bool ok = false;  ///< value is the target read; else failure says why
    target value;
    target_failure failure;

    target_parse_result& set(target t) {
        value = std::move(t);
        ok = true;
        return *this;
    }
};

inline target_parse_result parse_target(std::string_view text, const milestone_scale* scale) {
    target_parse_result r;
    target_failure& f = r.failure;
    const std::string_view t = trim(text);
    if (t.empty() || t == "-" || t == "\xE2\x80\x93" || iequals(t, "n/a") ||
        iequals(t, "no target") || iequals(t, "monitoring only")) {
        return r.set(target::none());
    }
    if (scale != nullptr) {
        if (auto p = scale->try_find(t)) {
            return r.set(target::at_position(*p, scale->label(*p)));
        }
    }
    if (auto q = milestone_scale::quartiles().try_find(t)) {
        return r.set(target::quartile(q->level() + 1));
    }
    // Bounds: >, >=, ≥, <, <=, ≤ (UTF-8), then a number and perhaps "of <basis>".
    std::size_t i = 0;
    bool bounded = true;
    target::side side = target::side::greater_equal;
    constexpr std::string_view ge = "\xE2\x89\xA5", le = "\xE2\x89\xA4";
    if (t.substr(0, ge.size()) == ge) {
        side = target::side::greater_equal;
        i = ge.size();
    } else if (t.substr(0, le.size()) == le) {
        side = target::side::less_equal;
        i = le.size();
    } else if (t[0] == '>' || t[0] == '<') {
        const bool eq = t.size() > 1 && t[1] == '=';
        side = t[0] == '>' ? (eq ? target::side::greater_equal : target::side::greater)
                           : (eq ? target::side::less_equal : target::side::less);
        i = eq ? 2 : 1;
    } else {
        bounded = false;
    }
    if (bounded) {
        target_number number;
        if (!scan_target_number(t.substr(i), &f, &number)) return r;
        const target_number* n = &number;
        if (istarts_with(n->rest, "of ")) {
            if (side == target::side::greater || side == target::side::greater_equal) {
                f.fail("\"of <basis>\" tolerances are written with < or \xE2\x89\xA4",
                       n->rest.data());
                return r;
            }
            if (n->value < zero) {
                f.fail("a tolerance cannot be negative", t.data() + i);
                return r;
            }
            return r.set(target::within(n->value, side == target::side::less_equal, n->unit,
                                        std::string(n->rest)));
        }
        if (!n->rest.empty() && n->unit != unit::days && n->unit != unit::length_km) {
            f.fail("unexpected text after the number", n->rest.data());
            return r;
        }
        return r.set(target::bound(side, n->value, n->unit));
    }
    target_number first_number;
    if (!scan_target_number(t, &f, &first_number)) return r;
    const target_number* first = &first_number;
    // A range: "93-95%", "60 – 63%", "2-2.5".
    std::string_view rest = first->rest;
    std::size_t dash = 0;
    if (!rest.empty() && rest[0] == '-') dash = 1;
    if (rest.substr(0, 3) == "\xE2\x80\x93") dash = 3;  // en dash
    if (dash != 0) {
        const std::string_view after = trim(rest.substr(dash));
        if (after.empty()) {
            f.fail("a range needs a high end after the dash", rest.data() + dash);
            return r;
        }
        target_number second_number;
        if (!scan_target_number(after, &f, &second_number)) return r;
        const target_number* second = &second_number;
        if (!second->rest.empty()) {
            f.fail("unexpected text after the range", second->rest.data());
            return r;
        }
        const bmm::unit u =
            first->unit == unit::number ? second->unit : first->unit;  // "93-95%": % on the end
        if (first->unit != unit::number && second->unit != u) {
            f.fail("the two ends of the range have different units", after.data());
            return r;
        }
        if (second->value < first->value) {
            f.fail("a range runs from low to high", after.data());
            return r;
        }
        return r.set(target::range(first->value, second->value, u));
    }
    if (!rest.empty() && rest[0] == '/') {
        f.fail("composite targets (\"60/20\") are not supported: rate each part as a measure",
               rest.data());
        return r;
    }
    if (!rest.empty() && first->unit != unit::days && first->unit != unit::length_km &&
        !iequals(rest, "achieved")) {
        f.fail("unexpected text after the number", rest.data());
        return r;
    }
    return r.set(target::value(first->value, first->unit));
}

}  // namespace detail

inline figure parse_figure(std::string_view text) {
    detail::target_failure f;
    f.why = "expected a figure";
    detail::target_number n;
    if (!detail::scan_target_number(text, &f, &n)) f.raise(text, "a figure");
    if (!n.rest.empty() && n.unit != unit::days && n.unit != unit::length_km) {
        f.fail("unexpected text after the number", n.rest.data());
        f.raise(text, "a figure");
    }
    return figure{n.value, n.unit};
}

inline std::optional<figure> try_parse_figure(std::string_view text) noexcept {
    detail::target_failure f;
    detail::target_number n;
    if (!detail::scan_target_number(text, &f, &n)) return std::nullopt;
    if (!n.rest.empty() && n.unit != unit::days && n.unit != unit::length_km) return std::nullopt;
    return figure{n.value, n.unit};
}

inline target target::parse(std::string_view text) {
    auto r = detail::parse_target(text, nullptr);
    if (r.ok) return std::move(r.value);
    r.failure.raise(text, "a target");
}

inline target target::parse(std::string_view text, const milestone_scale& scale) {
    auto r = detail::parse_target(text, &scale);
    if (r.ok) return std::move(r.value);
    r.failure.raise(text, "a target");
}

inline std::optional<target> target::try_parse(std::string_view text) noexcept {
    return detail::try_twin([text] { return parse(text); });
}

inline std::optional<target> target::try_parse(std::string_view text,
                                               const milestone_scale& scale) noexcept {
    return detail::try_twin([text, &scale] { return parse(text, scale); });
}

inline std::string to_string(const figure& f) {
    const std::string digits = to_string(f.value);
    std::string s;
    std::size_t at = 0;
    if (!digits.empty() && digits[0] == '-') {
        s += '-';
        at = 1;
    }
    if (f.unit == unit::money) s += "\xC2\xA3";
    std::size_t int_end = digits.find('.');
    if (int_end == std::string::npos) int_end = digits.size();
    const bool group = f.unit != unit::percent;
    for (std::size_t i = at; i < int_end; ++i) {
        s += digits[i];
        const std::size_t left = int_end - i - 1;
        if (group && left > 0 && left % 3 == 0) s += ',';
    }
    s.append(digits, int_end, std::string::npos);
    if (f.unit == unit::percent) s += '%';
    if (f.unit == unit::days) s += " days";
    if (f.unit == unit::length_km) s += " km";
    return s;
}

inline std::string to_string(const target& t) {
    auto figure = [&t](decimal d) {
        std::string s = t.unit() == unit::money ? "\xC2\xA3" : "";
        s += to_string(d);
        if (t.unit() == unit::percent) s += '%';
        if (t.unit() == unit::days) s += " days";
        if (t.unit() == unit::length_km) s += " km";
        return s;
    };
    switch (t.what()) {
        case target::kind::none:
            return "No target";
        case target::kind::value:
            return figure(t.low());
        case target::kind::bound: {
            constexpr std::string_view ops[4]{">", ">=", "<", "<="};
            return std::string(ops[static_cast<std::size_t>(t.bound_side())]) + figure(t.low());
        }
        case target::kind::within: {
            std::string s = t.bound_side() == target::side::less ? "< " : "<= ";
            s += figure(t.low());
            if (!t.qualifier().empty()) s += ' ' + t.qualifier();
            return s;
        }
        case target::kind::range: {
            std::string lo = to_string(t.low());
            if (t.unit() == unit::money) lo = "\xC2\xA3" + lo;
            return lo + '-' + figure(t.high());
        }
        case target::kind::position:
            return t.qualifier();
    }
    return "No target";
}

inline ytd_profile ytd_profile::from_cumulative_shares(const std::array<ratio, 12>& shares) {
    std::array<ratio, 12> cum{};
    ratio run;
    for (std::size_t i = 0; i < 12; ++i) {
        if (shares[i] < zero) {
            throw invalid_argument("a YTD profile cannot have a negative month (month " +
                                       std::to_string(i + 1) + ": " + to_string(shares[i]) + ")",
                                   to_string(shares[i]));
        }
        run += shares[i];
        cum[i] = run;
    }
    return ytd_profile(cum, false);
}

inline ytd_profile ytd_profile::from_weights(const std::array<std::int64_t, 12>& weights) {
    std::int64_t total = 0;
    for (std::size_t i = 0; i < 12; ++i) {
        if (weights[i] < 0) {
            throw invalid_argument(
                "a YTD weight cannot be negative (month " + std::to_string(i + 1) + ")",
                std::to_string(weights[i]));
        }
        if (detail::add_overflow(total, weights[i], &total)) {
            throw overflow_error("YTD weights sum beyond int64");
        }
    }
    if (total == 0) throw invalid_argument("YTD weights are all zero");
    std::array<ratio, 12> shares{};
    for (std::size_t i = 0; i < 12; ++i) shares[i] = ratio(weights[i], total);
    return from_cumulative_shares(shares);
}

inline ytd_profile ytd_profile::from_shares(const std::array<ratio, 12>& shares) {
    ratio total;
    for (const ratio& s : shares) total += s;
    if (total != ratio(1)) {
        throw invalid_argument(
            "monthly shares of a YTD profile sum to " + to_string(total) + ", not 1",
            to_string(total));
    }
    return from_cumulative_shares(shares);
}

inline ytd_profile ytd_profile::from_monthly_targets(decimal annual,
                                                     const std::array<decimal, 12>& months) {
    decimal total;
    for (const decimal& m : months) total = total + m;
    if (total != annual) {
        throw invalid_argument("monthly targets sum to " + to_string(total) +
                                   ", not the annual target " + to_string(annual),
                               to_string(total));
    }
    if (annual == zero) throw invalid_argument("an annual target of zero cannot be profiled");
    std::array<ratio, 12> shares{};
    const ratio a = ratio::from_decimal(annual);
    for (std::size_t i = 0; i < 12; ++i) shares[i] = ratio::from_decimal(months[i]) / a;
    return from_cumulative_shares(shares);
}

}  // namespace bmm
