// bmm — history: a measure's statuses over time; exceptions and status changes between reports.
//
// Exceptions (what a report's "Performance Exceptions" section lists): a measure is an exception
// in month m when its status in m is
//   Red, or
//   Amber, and it has been off target (Amber or Red) for at least exception_rule::amber_run
//   consecutive rated periods ending in m (2 by default).
// Periods are the months the history holds: months with no entry (a quarterly measure's other
// months) and entries with a data status (n/r, ?, n/a) neither extend nor break a run. So
// Red, Amber, Amber is an exception in both later months; Amber, Green, Amber is not in the
// third.
//
// Status changes between two reports group measures as the reports' "Table 4" does:
//   Red→Green, Amber→Green, Red→Amber, Green→Amber, Amber→Red, Green→Red
// plus unchanged, newly rated (no rating before, e.g. "N/A"→Red), and no longer rated.
//
//   bmm::status_history<> h;
//   h.record(fy.month(1), bmm::rag::red).record(fy.month(2), bmm::rag::amber);
//   bmm::is_exception(h, fy.month(2));                          // true: off target twice
//   bmm::classify_change(bmm::rag::amber, bmm::rag::red);       // status_change::amber_to_red
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "error.hpp"
#include "period.hpp"
#include "status.hpp"

namespace bmm {

/// One measure's status per fiscal month.
template <unsigned StartMonth = 4>
class status_history {
public:
    using month_type = fiscal_month<StartMonth>;

    /// Records (or replaces) the status of month m. Throws: invalid_argument for an invalid month.
    status_history& record(month_type m, status s) {
        if (!m.ok()) throw invalid_argument("a status history needs valid fiscal months");
        entries_.insert_or_assign(m, std::pair<month_type, status>(m, s));
        return *this;
    }
    /// Returns: the status recorded for m, if any.
    [[nodiscard]] std::optional<status> at(month_type m) const {
        auto it = entries_.find(m);
        if (it == entries_.end()) return std::nullopt;
        return it->second.second;
    }
    /// Returns: the latest entry strictly before m, if any.
    [[nodiscard]] std::optional<std::pair<month_type, status>> before(month_type m) const {
        auto it = entries_.lower_bound(m);
        if (it == entries_.begin()) return std::nullopt;
        return std::prev(it)->second;
    }
    /// Returns: the entries in month order.
    [[nodiscard]] std::vector<std::pair<month_type, status>> entries() const {
        std::vector<std::pair<month_type, status>> out;
        out.reserve(entries_.size());
        for (const auto& e : entries_) out.push_back(e.second);
        return out;
    }
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

    /// Returns: how many consecutive rated entries up to and including m were Amber or Red
    /// (entries with a data status are skipped). 0 when m itself is not rated off target.
    [[nodiscard]] unsigned off_target_run(month_type m) const {
        auto it = entries_.upper_bound(m);
        unsigned run = 0;
        bool first = true;
        while (it != entries_.begin()) {
            --it;
            const status s = it->second.second;
            if (first && it->first != m) return 0;  // nothing recorded for m
            first = false;
            if (!s.is_rated()) {
                if (run == 0) return 0;  // m itself is not rated
                continue;
            }
            if (s.is(rag::green)) break;
            ++run;
        }
        return run;
    }

private:
    std::map<month_type, std::pair<month_type, status>> entries_;
};

/// When an Amber measure becomes an exception.
struct exception_rule {
    unsigned amber_run = 2;  ///< consecutive off-target rated periods, at least 1
};

/// Why a measure is an exception.
enum class exception_reason : std::uint8_t { red, persistent_amber };

/// Returns: why the measure is an exception in month m, or std::nullopt when it is not.
/// Throws: invalid_argument if rule.amber_run is 0.
template <unsigned S>
[[nodiscard]] std::optional<exception_reason> exception_in(const status_history<S>& h,
                                                           fiscal_month<S> m,
                                                           exception_rule rule = {}) {
    if (rule.amber_run == 0) throw invalid_argument("an exception rule needs amber_run >= 1");
    const auto s = h.at(m);
    if (!s || !s->is_rated()) return std::nullopt;
    if (s->is(rag::red)) return exception_reason::red;
    if (s->is(rag::amber) && h.off_target_run(m) >= rule.amber_run) {
        return exception_reason::persistent_amber;
    }
    return std::nullopt;
}
/// Returns: exception_in(h, m, rule).has_value().
template <unsigned S>
[[nodiscard]] bool is_exception(const status_history<S>& h, fiscal_month<S> m,
                                exception_rule rule = {}) {
    return exception_in(h, m, rule).has_value();
}

/// A measure's change of status between two reports.
enum class status_change : std::uint8_t {
    red_to_green,
    amber_to_green,
    red_to_amber,
    green_to_amber,
    amber_to_red,
    green_to_red,
    unchanged,        ///< the same rating, or the same data status
    newly_rated,      ///< no rating before (a data status or absent), a rating now
    no_longer_rated,  ///< a rating before, a data status now
    unrated,          ///< a data status both times (different ones)
};

/// The six changes a report's status-change table lists, in its order.
inline constexpr std::array<status_change, 6> reported_changes{
    status_change::red_to_green,   status_change::amber_to_green, status_change::red_to_amber,
    status_change::green_to_amber, status_change::amber_to_red,   status_change::green_to_red};

/// Returns: "Red to Green", ..., "Unchanged", "Newly rated", "No longer rated", "Unrated".
[[nodiscard]] constexpr std::string_view to_string(status_change c) noexcept {
    constexpr std::array<std::string_view, 10> names{
        "Red to Green", "Amber to Green", "Red to Amber", "Green to Amber",  "Amber to Red",
        "Green to Red", "Unchanged",      "Newly rated",  "No longer rated", "Unrated"};
    return names[static_cast<std::size_t>(c)];
}
/// Returns: true for the three changes toward Green.
[[nodiscard]] constexpr bool is_improvement(status_change c) noexcept {
    return c == status_change::red_to_green || c == status_change::amber_to_green ||
           c == status_change::red_to_amber;
}
/// Returns: true for the three changes toward Red.
[[nodiscard]] constexpr bool is_deterioration(status_change c) noexcept {
    return c == status_change::green_to_amber || c == status_change::amber_to_red ||
           c == status_change::green_to_red;
}

/// Returns: how a status changed from `before` to `after`.
[[nodiscard]] constexpr status_change classify_change(status before, status after) noexcept {
    if (before == after) return status_change::unchanged;
    if (!before.is_rated())
        return after.is_rated() ? status_change::newly_rated : status_change::unrated;
    if (!after.is_rated()) return status_change::no_longer_rated;
    const rag b = *before.rating(), a = *after.rating();
    if (b == rag::red)
        return a == rag::green ? status_change::red_to_green : status_change::red_to_amber;
    if (b == rag::amber) {
        return a == rag::green ? status_change::amber_to_green : status_change::amber_to_red;
    }
    return a == rag::amber ? status_change::green_to_amber : status_change::green_to_red;
}

/// Measures grouped by their change between two reports, each group in key order.
template <class Key>
struct change_groups {
    std::array<std::vector<Key>, 10> groups;  ///< indexed by status_change
    [[nodiscard]] const std::vector<Key>& operator[](status_change c) const noexcept {
        return groups[static_cast<std::size_t>(c)];
    }
};

/// Returns: every key of `before` and `after` grouped by classify_change; a key missing from
/// one side counts as data_status::not_reported there.
template <class Key, class Compare>
[[nodiscard]] change_groups<Key> group_changes(const std::map<Key, status, Compare>& before,
                                               const std::map<Key, status, Compare>& after) {
    change_groups<Key> out;
    std::map<Key, std::pair<status, status>, Compare> both(before.key_comp());
    const status absent = data_status::not_reported;
    for (const auto& [k, s] : before)
        both.insert_or_assign(k, std::pair<status, status>(s, absent));
    for (const auto& [k, s] : after) {
        auto it = both.find(k);
        if (it == both.end()) {
            both.emplace(k, std::pair<status, status>(absent, s));
        } else {
            it->second.second = s;
        }
    }
    for (const auto& [k, p] : both) {
        out.groups[static_cast<std::size_t>(classify_change(p.first, p.second))].push_back(k);
    }
    return out;
}

}  // namespace bmm
