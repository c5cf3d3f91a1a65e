// bmm — summary: counts of statuses with percentages that add up, overall and per priority.
//
//   rag_counts c = bmm::count(statuses);         green, amber, red, unrated (any data status)
//   bmm::percentages(c, 0)                       {61, 14, 9, 16}: always sums to exactly 100
//   bmm::percentages(c, 0, percent_rounding::per_cell)   each cell rounded half-up on its own,
//                                                as reports print them (may sum to 99 or 101)
//   bmm::by_priority(rows)                       counts per priority id ("OCC11")
//   bmm::overall(c, rollup_rule::worst)          one status for a priority
//   (bmm/audit/summary.hpp audits a printed summary row against its statuses)
//
// Counts are int64 and every sum of them (add, +, rated(), total()) is checked: one past
// INT64_MAX is a bmm::overflow_error, never a wrapped count.
//
// Largest remainder: every cell gets its exact share of 100 rounded down (at `places`), then the
// units left go to the largest fractional remainders, ties to the earlier cell (Green, Amber,
// Red, unrated). Seed 003 Table 2, April 2023 (12/5/4/11 of 32): 37.5, 15.6, 12.5, 34.4 -> 38,
// 16, 12, 34 — as printed.
//
// Roll-up rules for a priority's overall status (seed 003's printed priority symbols follow none
// consistently: OCC04 and OCC07 both have 3 Green and 2 Amber, one printed ★, the other ●):
//   worst           the worst rating of its rated measures
//   majority        the most common rating; a tie goes to the worse rating
//   share_green     Green when at least `green_share` of rated measures are Green, Red when at
//                   least `red_share` are Red, otherwise Amber
// A priority with no rated measure has no overall rating (std::nullopt).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config.hpp"
#include "decimal.hpp"
#include "detail/checked.hpp"
#include "detail/int128.hpp"
#include "detail/percentages.hpp"
#include "error.hpp"
#include "measure_id.hpp"
#include "ratio.hpp"
#include "rounding.hpp"
#include "status.hpp"

namespace bmm {

namespace detail {
[[noreturn]] BMM_NOINLINE inline void throw_count_overflow() {
    throw overflow_error("a status count beyond int64");
}
/// Returns: a + b. Throws: overflow_error when it does not fit int64.
[[nodiscard]] constexpr std::int64_t checked_count_sum(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (add_overflow(a, b, &r)) throw_count_overflow();
    return r;
}
}  // namespace detail

/// How many measures have each status. Every sum is checked: a count beyond int64 is an
/// overflow_error, never a wrapped number.
struct rag_counts {
    std::int64_t green = 0;
    std::int64_t amber = 0;
    std::int64_t red = 0;
    std::int64_t unrated = 0;  ///< monitoring only, data unavailable, not reported, ...

    /// Returns: green + amber + red. Throws: overflow_error when it does not fit int64.
    [[nodiscard]] constexpr std::int64_t rated() const {
        return detail::checked_count_sum(detail::checked_count_sum(green, amber), red);
    }
    /// Returns: rated() + unrated. Throws: overflow_error when it does not fit int64.
    [[nodiscard]] constexpr std::int64_t total() const {
        return detail::checked_count_sum(rated(), unrated);
    }
    /// Counts one more status.
    /// Throws: overflow_error when its count is already INT64_MAX (the counts are unchanged).
    constexpr rag_counts& add(status s) {
        // Rating many statuses is a hot loop: branch-free increments of 0 or 1, and one cheap test
        // that no cell is near INT64_MAX (none is ≥ 2^62 or negative) before the exact one.
        const unsigned c = s.column();
        if (BMM_UNLIKELY(static_cast<std::uint64_t>(green | amber | red | unrated) >> 62 != 0)) {
            constexpr std::int64_t top = std::numeric_limits<std::int64_t>::max();
            if ((c == 0 && green == top) || (c == 1 && amber == top) || (c == 2 && red == top) ||
                (c == 3 && unrated == top)) {
                detail::throw_count_overflow();
            }
        }
        green += c == 0;
        amber += c == 1;
        red += c == 2;
        unrated += c == 3;
        return *this;
    }
    /// Returns: {green, amber, red, unrated}.
    [[nodiscard]] constexpr std::array<std::int64_t, 4> cells() const noexcept {
        return {green, amber, red, unrated};
    }
    /// Returns: the counts cell by cell. Throws: overflow_error when a cell does not fit int64.
    friend constexpr rag_counts operator+(const rag_counts& a, const rag_counts& b) {
        return rag_counts{detail::checked_count_sum(a.green, b.green),
                          detail::checked_count_sum(a.amber, b.amber),
                          detail::checked_count_sum(a.red, b.red),
                          detail::checked_count_sum(a.unrated, b.unrated)};
    }
    friend constexpr bool operator==(const rag_counts& a, const rag_counts& b) noexcept {
        return a.green == b.green && a.amber == b.amber && a.red == b.red && a.unrated == b.unrated;
    }
    friend constexpr bool operator!=(const rag_counts& a, const rag_counts& b) noexcept {
        return !(a == b);
    }
};

/// Returns: the counts of a range of statuses. Throws: overflow_error (as rag_counts::add).
template <class Statuses>
[[nodiscard]] rag_counts count(const Statuses& statuses) {
    rag_counts c;
    for (const status& s : statuses) c.add(s);
    return c;
}

/// Returns: {green, amber, red, unrated} as percentages of the total (see above).
[[nodiscard]] inline std::array<decimal, 4> percentages(
    const rag_counts& c, int places = 0, percent_rounding how = percent_rounding::largest_remainder,
    rounding_mode per_cell_mode = rounding_mode::half_up) {
    const auto cells = c.cells();
    const auto v = percentages(std::vector<std::int64_t>{cells[0], cells[1], cells[2], cells[3]},
                               places, how, per_cell_mode);
    return {v[0], v[1], v[2], v[3]};
}

/// Returns: counts per priority ("OCC11") of (measure id, status) rows, in priority order. Ids
/// whose prefixes differ only in case share a priority, named as the first of its rows spells it.
/// Throws: overflow_error (as rag_counts::add).
template <class Rows>
[[nodiscard]] std::map<std::string, rag_counts> by_priority(const Rows& rows) {
    // One group per (prefix in lower case, priority), kept sorted by that key.
    struct group {
        std::string prefix;
        unsigned priority;
        std::string id;
        rag_counts counts;
    };
    std::vector<group> groups;
    for (const auto& [id, s] : rows) {
        const measure_id& m = id;
        std::string prefix;
        for (char ch : m.prefix()) prefix += detail::to_lower(ch);
        std::size_t lo = 0, hi = groups.size();  // the first group not before (prefix, priority)
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            const group& g = groups[mid];
            const int c = g.prefix.compare(prefix);
            if (c < 0 || (c == 0 && g.priority < m.priority())) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == groups.size() || groups[lo].prefix != prefix ||
            groups[lo].priority != m.priority()) {
            groups.insert(groups.begin() + static_cast<std::ptrdiff_t>(lo),
                          group{prefix, m.priority(), m.priority_id(), rag_counts{}});
        }
        groups[lo].counts.add(s);
    }
    std::map<std::string, rag_counts> out;
    for (const group& g : groups) out[g.id] = g.counts;
    return out;
}

/// How a priority's measures roll up to one status (see the header comment).
enum class rollup_rule : std::uint8_t { worst, majority, share_green };

/// Returns: the overall rating of a set of measures, or std::nullopt with none rated.
/// `green_share` and `red_share` apply to share_green only (defaults 2/3 and 1/3).
/// Throws: invalid_argument for shares outside 0..1; overflow_error (as rag_counts::rated).
[[nodiscard]] inline std::optional<rag> overall(const rag_counts& c, rollup_rule rule,
                                                ratio green_share = ratio(2, 3),
                                                ratio red_share = ratio(1, 3)) {
    if (green_share < zero || green_share > ratio(1) || red_share < zero || red_share > ratio(1)) {
        throw invalid_argument("roll-up shares are between 0 and 1");
    }
    if (c.rated() == 0) return std::nullopt;
    switch (rule) {
        case rollup_rule::worst:
            return c.red > 0 ? rag::red : (c.amber > 0 ? rag::amber : rag::green);
        case rollup_rule::majority:
            if (c.red >= c.amber && c.red >= c.green) return rag::red;
            if (c.amber >= c.green) return rag::amber;
            return rag::green;
        case rollup_rule::share_green: {
            const ratio g(c.green, c.rated()), r(c.red, c.rated());
            if (g >= green_share) return rag::green;
            if (r >= red_share) return rag::red;
            return rag::amber;
        }
    }
    return std::nullopt;
}

}  // namespace bmm
