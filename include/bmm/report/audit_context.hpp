// bmm — report/audit_context: what every part of a report's audit shares (internals of
// bmm/report/audit.hpp): the rounding mode the report was printed by, the findings so far, how
// a printed cell reads as a figure, and exact arithmetic on figures with their intervals.
//
// A quantity is an exact value (the figures as printed) with the interval of values their true
// values allow (bmm/audit/interval.hpp), the cells it was computed from, and whether it is
// exact (a count). A printed figure is judged against one as audit_derived does: agrees when the
// exact value prints as it, rounding when its interval meets the quantity's, error otherwise.
//
//   bmm::detail::audit_context cx(report, options);
//   auto q = cx.figure(cell);           // the figure a cell prints, or why it prints none
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../audit/finding.hpp"
#include "../audit/interval.hpp"
#include "../decimal.hpp"
#include "../ratio.hpp"
#include "../risk.hpp"
#include "../rounding.hpp"
#include "../zero.hpp"
#include "performance.hpp"
#include "printed.hpp"
#include "report.hpp"

namespace bmm {

/// How bmm::audit(report) reads and reports the report.
struct report_audit_options {
    /// The rounding mode the report's figures were printed by, when report.csv names none (it
    /// is then required: the audit never assumes one).
    std::optional<rounding_mode> rounding;
    /// Store the agreeing findings too (they are counted either way), so that a renderer can
    /// show every cell checked.
    bool keep_agreeing = false;
    /// The bands of a strategic risk's score (bmm/risk.hpp: high from 16, medium from 10).
    risk_bands bands{};
};

namespace detail {

/// An exact quantity with its interval (see the header comment).
struct quantity {
    ratio exact;
    printed_interval range = printed_interval::exactly(ratio());
    bool is_exact = true;
    int places = 0;                ///< the finest places of the printed figures in it
    std::vector<cell_ref> inputs;  ///< the cells it was computed from
    /// For a count of statuses: the counts a wrong printed status (read as printed) or a blank
    /// one (read as anything) would give, beside the audited count in `range`.
    struct count_ranges {
        ratio follows_lo, follows_hi, blank_lo, blank_hi;
    };
    std::optional<count_ranges> counts;
    /// It depends on a count of statuses some of which are printed wrong or blank.
    bool from_unsettled_counts = false;
    bool unknown = false;  ///< the data cannot give it (why says so)
    std::string why;
    /// The one printed figure it is, when it is one (a figure or a cell, before arithmetic):
    /// a more precise printed figure that rounds to it is the same figure.
    std::optional<printed_figure> as_figure;

    [[nodiscard]] static quantity of(ratio v) {
        quantity q;
        q.exact = v;
        q.range = printed_interval::exactly(v);
        return q;
    }
    [[nodiscard]] static quantity not_known(std::string why) {
        quantity q;
        q.unknown = true;
        q.why = std::move(why);
        return q;
    }
};

[[nodiscard]] inline ratio min_r(ratio a, ratio b) { return a < b ? a : b; }
[[nodiscard]] inline ratio max_r(ratio a, ratio b) { return a < b ? b : a; }

[[nodiscard]] inline quantity combine(const quantity& a, const quantity& b) {
    quantity q;
    q.as_figure.reset();
    q.is_exact = a.is_exact && b.is_exact;
    q.places = a.places > b.places ? a.places : b.places;
    q.inputs = a.inputs;
    q.inputs.insert(q.inputs.end(), b.inputs.begin(), b.inputs.end());
    q.from_unsettled_counts = a.from_unsettled_counts || b.from_unsettled_counts;
    if (a.unknown || b.unknown) {
        q.unknown = true;
        q.why = a.unknown ? a.why : b.why;
    }
    return q;
}
[[nodiscard]] inline quantity operator+(const quantity& a, const quantity& b) {
    quantity q = combine(a, b);
    if (q.unknown) return q;
    q.exact = a.exact + b.exact;
    q.range = a.range + b.range;
    return q;
}
[[nodiscard]] inline quantity operator-(const quantity& a) {
    quantity q = a;
    if (q.unknown) return q;
    if (q.as_figure) {
        q.as_figure->number = decimal() - q.as_figure->number;
    }
    q.exact = -a.exact;
    q.range = -a.range;
    q.counts.reset();
    return q;
}
[[nodiscard]] inline quantity operator-(const quantity& a, const quantity& b) { return a + (-b); }
[[nodiscard]] inline quantity operator*(const quantity& a, const quantity& b) {
    quantity q = combine(a, b);
    if (q.unknown) return q;
    q.exact = a.exact * b.exact;
    // The extremes of x·y are at the corners; a corner is in the set when both its ends are
    // (or a factor's closed end is 0, which gives 0 all along).
    struct corner {
        ratio v;
        bool closed;
    };
    const corner xs[2] = {{a.range.lo, a.range.lo_closed}, {a.range.hi, a.range.hi_closed}};
    const corner ys[2] = {{b.range.lo, b.range.lo_closed}, {b.range.hi, b.range.hi_closed}};
    corner cs[4] = {};
    std::size_t n = 0;
    for (const corner& x : xs) {
        for (const corner& y : ys) {
            const bool zero_closed = (x.v == zero && x.closed) || (y.v == zero && y.closed);
            cs[n++] = corner{x.v * y.v, (x.closed && y.closed) || zero_closed};
        }
    }
    printed_interval r{cs[0].v, cs[0].v, false, false};
    for (const corner& c : cs) {
        r.lo = min_r(r.lo, c.v);
        r.hi = max_r(r.hi, c.v);
    }
    for (const corner& c : cs) {
        if (c.v == r.lo) r.lo_closed = r.lo_closed || c.closed;
        if (c.v == r.hi) r.hi_closed = r.hi_closed || c.closed;
    }
    q.range = r;
    return q;
}
[[nodiscard]] inline quantity operator/(const quantity& a, const quantity& b) {
    quantity q = combine(a, b);
    if (q.unknown) return q;
    if (b.exact == zero) return quantity::not_known("a division by a printed zero");
    q.exact = a.exact / b.exact;
    auto r = a.range.divided_by(b.range);
    if (!r) {
        // The divisor's interval reaches zero: the quotient is unbounded.
        q.range = printed_interval{ratio(-1000000000000LL), ratio(1000000000000LL), true, true};
        q.why = "a divisor whose printed interval reaches zero";
    } else {
        q.range = *r;
    }
    return q;
}

/// The figure a cell prints, read with its column's unit (see read_cell_figure).
struct cell_figure {
    std::optional<printed_figure> figure;
    std::string problem;  ///< why it prints none ("" for a blank cell)
    bool exact = false;   ///< a count, or a figure its column declares exact
    bool percent_column = false;
    bool missing_percent_sign = false;  ///< "-49.6" in a % column
};

/// Returns: the powers of ten a column's unit adds ("£m" 6, "£000" 3, "£k" 3), and whether it is
/// a % or count column.
struct unit_info {
    int scale = 0;
    bool percent = false;
    bool count = false;
};
[[nodiscard]] inline unit_info unit_of(std::string_view u) {
    unit_info i;
    u = trim(u);
    if (u == "\xC2\xA3m" || u == "m")
        i.scale = 6;
    else if (u == "\xC2\xA3"
                  "000" ||
             u == "\xC2\xA3k" || u == "000" || u == "\xC2\xA3'000")
        i.scale = 3;
    else if (u == "%")
        i.percent = true;
    else if (u == "count")
        i.count = true;
    return i;
}

/// Everything the parts of the audit share.
class audit_context {
public:
    audit_context(const report& r, const report_audit_options& o) : report_(r), options_(o) {
        if (r.info.rounding) {
            mode_ = *r.info.rounding;
        } else if (o.rounding) {
            mode_ = *o.rounding;
        } else {
            const info_entry* e = r.info.entry("rounding");
            throw report_error(e && e->source ? *e->source : source_position{"report.csv", 1, {}},
                               "the report names no rounding mode: add \"rounding,half_up\" (or "
                               "the mode its figures were printed by) to report.csv");
        }
        perf_ = performance_of(r);
    }

    [[nodiscard]] const report& data() const noexcept { return report_; }
    [[nodiscard]] const report_audit_options& options() const noexcept { return options_; }
    [[nodiscard]] rounding_mode mode() const noexcept { return mode_; }
    [[nodiscard]] const performance& measures() const noexcept { return perf_; }

    /// Records a finding (agreeing ones too: they are counted, and kept when asked).
    void add(finding f) { all_.push_back(std::move(f)); }
    [[nodiscard]] std::vector<finding>& all() noexcept { return all_; }
    /// Counts n agreeing cells that have no finding of their own (a declared table's).
    void tally_agreeing(std::size_t n) noexcept { agreeing_tallied_ += n; }
    [[nodiscard]] std::size_t agreeing_tallied() const noexcept { return agreeing_tallied_; }

    /// Returns: the verdicts given so far to the cell named (section, row, column).
    [[nodiscard]] std::vector<verdict> verdicts_at(const cell_ref& c) const {
        std::vector<verdict> v;
        for (const finding& f : all_) {
            if (f.where.section == c.section && f.where.row == c.row &&
                f.where.column == c.column) {
                v.push_back(f.verdict);
            }
        }
        return v;
    }

    /// Returns: the figure a cell prints, with its column's unit (see cell_figure).
    [[nodiscard]] cell_figure figure(const cell_view& c) const {
        cell_figure out;
        const unit_info u = c.column ? unit_of(c.column->unit) : unit_info{};
        out.percent_column = u.percent;
        out.exact = u.count;
        if (!c.printed()) return out;
        figure_reading fr = read_printed_figure(c.text);
        if (!fr.figure) {
            out.problem = fr.problem;
            return out;
        }
        printed_figure f = fr.figure->scaled_by(u.scale);
        if (u.percent && !f.percent) out.missing_percent_sign = true;
        out.figure = std::move(f);
        return out;
    }
    /// Returns: the quantity a printed figure is (its value, its interval, its cell).
    [[nodiscard]] quantity of(const printed_figure& f, bool exact,
                              std::optional<cell_ref> where = std::nullopt) const {
        quantity q;
        q.exact = f.value();
        q.range = exact ? printed_interval::exactly(q.exact) : f.interval(mode_);
        q.is_exact = exact;
        q.places = f.number.places() - f.scale;
        if (where) q.inputs.push_back(*where);
        q.as_figure = f;
        return q;
    }

    /// Returns: the verdict on a printed figure against a quantity: agrees when the quantity's
    /// exact value prints as it, rounding when their intervals meet (or it is an exact tie
    /// printed the other way), error otherwise.
    [[nodiscard]] verdict judge(const printed_figure& printed, bool exact,
                                const quantity& q) const {
        const ratio scale = printed_figure::pow10(printed.scale);
        if (q.as_figure && !q.is_exact && !exact) {
            // Two printed figures of one amount: the more precise rounds to the other.
            const printed_figure& o = *q.as_figure;
            const int mine = printed.number.places() - printed.scale;
            const int theirs = o.number.places() - o.scale;
            if (mine > theirs) {
                const ratio other_scale = printed_figure::pow10(o.scale);
                if ((printed.value() / other_scale).round(o.number.places(), mode_) == o.number) {
                    return verdict::agrees;
                }
            }
        }
        if (exact) {
            if (q.exact == printed.value()) return verdict::agrees;
        } else {
            const ratio in_units = q.exact / scale;
            if (in_units.round(printed.number.places(), mode_) == printed.number) {
                return verdict::agrees;
            }
            // An exact tie printed the other way (12.5 printed 12): half-even or largest
            // remainder prints it so.
            const ratio diff = in_units - ratio::from_decimal(printed.number);
            const ratio half = detail::half_unit(printed.number);
            if (diff == half || diff == -half) return verdict::rounding;
        }
        const printed_interval p =
            exact ? printed_interval::exactly(printed.value()) : printed.interval(mode_);
        if (p.meets(q.range)) return verdict::rounding;
        return verdict::error;
    }

    /// Returns: x printed at `places` decimals in the report's mode ("48.94"), for messages.
    [[nodiscard]] std::string print(ratio x, int places) const {
        if (places < 0) places = 0;
        if (places > 12) places = 12;
        try {
            return to_string(x.round(places, mode_));
        } catch (const error&) {
            return to_string(x);
        }
    }
    /// Returns: the printed figures whose intervals meet `range`, at `places`: "a" or "a..b".
    [[nodiscard]] std::string fits(const printed_interval& range, int places) const {
        if (places < 0) places = 0;
        if (places > 9) places = 9;
        try {
            const decimal lo = range.lo.round(places, rounding_mode::floor);
            const decimal hi = range.hi.round(places, rounding_mode::ceiling);
            const std::int64_t step = 1;
            std::int64_t a = lo.units() - step, b = hi.units() + step;
            auto ok = [&](std::int64_t u) {
                return printed_interval::of(decimal::from_units(u, places), mode_).meets(range);
            };
            while (a <= b && !ok(a)) ++a;
            while (b >= a && !ok(b)) --b;
            if (a > b) return "";
            const std::string sa = to_string(decimal::from_units(a, places));
            if (a == b) return sa;
            return sa + ".." + to_string(decimal::from_units(b, places));
        } catch (const error&) {
            return "";
        }
    }

    /// Records the verdict on printed figure `p` (in cell `where`) against q under `rule`.
    /// Returns: the verdict.
    verdict derived(const cell_ref& where, const std::string& printed_text, const printed_figure& p,
                    bool exact, const quantity& q, std::string rule, std::string explanation = {}) {
        finding f;
        f.where = where;
        f.rule = std::move(rule);
        f.printed = printed_text;
        f.explanation = std::move(explanation);
        if (q.unknown) {
            f.verdict = verdict::undecided;
            if (!f.explanation.empty()) f.explanation += "; ";
            f.explanation += q.why;
            add(std::move(f));
            return verdict::undecided;
        }
        f.verdict = judge(p, exact, q);
        const int places = p.number.places();
        const ratio scale = printed_figure::pow10(p.scale);
        f.expected = print_like(p, (q.exact / scale).round(places, mode_));
        if (f.verdict != verdict::agrees) {
            try {
                f.fits = q.range;
                f.explanation += (f.explanation.empty() ? "" : "; ") + std::string("fits ") +
                                 fits(q.range.scaled(ratio(1) / scale), places);
            } catch (const error&) {
            }
        }
        for (const cell_ref& c : q.inputs) {
            if (c.section != where.section || c.row != where.row || c.column != where.column) {
                f.follows_from.push_back(c);
            }
        }
        const verdict v = f.verdict;
        add(std::move(f));
        return v;
    }

    /// Records a fact: agrees when it holds, `otherwise` (error) when not.
    void fact(bool holds, const cell_ref& where, std::string printed, std::string rule,
              std::string expected = {}, std::string explanation = {},
              verdict otherwise = verdict::error) {
        finding f;
        f.where = where;
        f.printed = std::move(printed);
        f.rule = std::move(rule);
        f.expected = std::move(expected);
        f.explanation = std::move(explanation);
        f.verdict = holds ? verdict::agrees : otherwise;
        add(std::move(f));
    }
    /// Records an undecided finding: the data cannot decide.
    void undecided(const cell_ref& where, std::string printed, std::string rule,
                   std::string explanation, std::string expected = {}) {
        fact(false, where, std::move(printed), std::move(rule), std::move(expected),
             std::move(explanation), verdict::undecided);
    }

private:
    const report& report_;
    const report_audit_options& options_;
    rounding_mode mode_ = rounding_mode::half_up;
    performance perf_;
    std::vector<finding> all_;
    std::size_t agreeing_tallied_ = 0;
};

}  // namespace detail
}  // namespace bmm
