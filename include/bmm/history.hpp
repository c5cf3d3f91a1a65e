// bmm — history: a measure's statuses over time; exceptions and status changes between reports.
//
// Exceptions (what a report's "Performance Exceptions" section lists): a measure is an exception
// in month m when its status in m is
//   Red, or
//   Amber, and it has been off target (Amber or Red) for at least exception_rule::amber_run
//   consecutive reporting periods ending in m (2 by default; N is configurable).
// Reporting periods come from the history's reporting_schedule (bmm/period.hpp): a monthly
// measure reports every month, a quarterly one in M3, M6, M9 and M12, a bi-monthly one in M2,
// M4, .... So:
//   - months that are not reporting months are not periods: they never break a run (a quarterly
//     measure Amber in M3 and M6 is an exception in M6), and only a data status (n/r) may be
//     recorded in them;
//   - a reporting month without a rating — nothing recorded, or a data status (n/r, ?, n/a) —
//     breaks the run by default (missing_period::breaks_run): Amber in M1 and in M1 a year later
//     is not "Amber twice running"; with missing_period::skipped it neither extends nor breaks
//     the run (a run over the months that were rated).
// So Red, Amber, Amber is an exception in both later months; Amber, Green, Amber is not in the
// third.
//
// Status changes between two reports group measures as the reports' "Table 4" does:
//   Red→Green, Amber→Green, Red→Amber, Green→Amber, Amber→Red, Green→Red
// plus unchanged, newly rated (no rating before, e.g. "N/A"→Red), and no longer rated.
//
//   bmm::status_history<> h;                                    // monthly
//   h.record(fy.month(1), bmm::rag::red).record(fy.month(2), bmm::rag::amber);
//   bmm::is_exception(h, fy.month(2));                          // true: off target twice
//   bmm::status_history<> q{bmm::frequency::quarterly};         // M3, M6, M9, M12
//   bmm::classify_change(bmm::rag::amber, bmm::rag::red);       // status_change::amber_to_red
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/sorted_map.hpp"
#include "error.hpp"
#include "period.hpp"
#include "status.hpp"

namespace bmm {

/// What a reporting month without a rating (nothing recorded, or a data status) does to a run
/// of off-target periods (see the header comment).
enum class missing_period : std::uint8_t {
    breaks_run,  ///< the run stops there (the default)
    skipped,     ///< it neither extends nor breaks the run
};

/// One measure's status per fiscal month, on the measure's reporting schedule.
template <unsigned StartMonth = 4>
class status_history {
public:
    using month_type = fiscal_month<StartMonth>;
    using schedule_type = reporting_schedule<StartMonth>;

    /// A monthly measure's history.
    status_history() = default;
    /// A history of a measure reported on `schedule` (its reporting months are its periods).
    explicit status_history(schedule_type schedule) noexcept : schedule_(schedule) {}
    /// A history of a measure of frequency f on the default schedule (quarterly: M3, M6, ...).
    explicit status_history(frequency f) noexcept : schedule_(f) {}

    /// Returns: the reporting schedule whose months are this history's periods.
    [[nodiscard]] const schedule_type& schedule() const noexcept { return schedule_; }

    /// Records (or replaces) the status of month m.
    /// Throws: invalid_argument for an invalid month, or a rating (Green, Amber, Red) in a month
    /// that is not a reporting month of the schedule (a data status such as n/r is accepted
    /// there and does not count as a period).
    status_history& record(month_type m, status s) {
        if (!m.ok()) throw invalid_argument("a status history needs valid fiscal months");
        if (s.is_rated() && !schedule_.is_reporting_month(m)) {
            throw invalid_argument(to_string(m) + " is not a reporting month of a " +
                                       std::string(to_string(schedule_.cadence())) +
                                       " measure: it cannot be rated " + std::string(to_string(s)),
                                   to_string(m));
        }
        entries_.insert_or_assign(m, s);
        return *this;
    }
    /// Returns: the status recorded for m, if any.
    [[nodiscard]] std::optional<status> at(month_type m) const {
        const auto* e = entries_.find(m);
        if (e == nullptr) return std::nullopt;
        return e->second;
    }
    /// Returns: the latest entry strictly before m, if any.
    [[nodiscard]] std::optional<std::pair<month_type, status>> before(month_type m) const {
        const std::size_t i = entries_.lower_bound(m);
        if (i == 0) return std::nullopt;
        return entries_[i - 1];
    }
    /// Returns: the entries in month order.
    [[nodiscard]] std::vector<std::pair<month_type, status>> entries() const {
        return entries_.items();
    }
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

    /// Returns: how many consecutive reporting periods up to and including m were rated Amber
    /// or Red. A Green period ends the run; a reporting month without a rating ends it too, or
    /// is passed over with missing_period::skipped; months that are not reporting months are
    /// never periods. 0 when m is not a reporting month or is not rated Amber or Red.
    [[nodiscard]] unsigned off_target_run(
        month_type m, missing_period missing = missing_period::breaks_run) const {
        if (!m.ok() || !schedule_.is_reporting_month(m)) return 0;
        const date::months step{static_cast<int>(months_per_period(schedule_.cadence()))};
        std::size_t i = entries_.upper_bound(m);
        unsigned run = 0;
        month_type expected = m;  // the reporting month the run needs next
        while (i != 0) {
            --i;
            const month_type when = entries_[i].first;
            if (!schedule_.is_reporting_month(when)) continue;  // n/r in an off month
            const status s = entries_[i].second;
            // A gap (reporting months with nothing recorded) or a data status: no rating.
            if (when != expected || !s.is_rated()) {
                if (run == 0) return 0;  // m itself is not rated
                if (missing == missing_period::breaks_run) break;
                if (!s.is_rated()) {
                    expected = when - step;
                    continue;
                }
            }
            if (s.is(rag::green)) break;
            ++run;
            expected = when - step;
        }
        return run;
    }

private:
    detail::sorted_map<month_type, status> entries_;  ///< by month
    schedule_type schedule_{frequency::monthly};
};

/// When an Amber measure becomes an exception.
struct exception_rule {
    unsigned amber_run = 2;  ///< consecutive off-target reporting periods, at least 1
    /// What a reporting month without a rating does to the run (breaks it, by default).
    missing_period missing = missing_period::breaks_run;
};

/// Why a measure is an exception.
enum class exception_reason : std::uint8_t { red, persistent_amber };

/// Returns: why the measure is an exception in month m (Red; or Amber with an off-target run of
/// at least rule.amber_run reporting periods, see off_target_run), or std::nullopt when it is
/// not. Throws: invalid_argument if rule.amber_run is 0.
template <unsigned S>
[[nodiscard]] std::optional<exception_reason> exception_in(const status_history<S>& h,
                                                           fiscal_month<S> m,
                                                           exception_rule rule = {}) {
    if (rule.amber_run == 0) throw invalid_argument("an exception rule needs amber_run >= 1");
    const auto s = h.at(m);
    if (!s || !s->is_rated()) return std::nullopt;
    if (s->is(rag::red)) return exception_reason::red;
    if (s->is(rag::amber) && h.off_target_run(m, rule.missing) >= rule.amber_run) {
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
    constexpr std::string_view names[10]{
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
/// one side counts as data_status::not_reported there. Each group is in the maps' key order.
/// Requires: `before` and `after` are maps from keys to statuses ordered by the same comparator,
/// e.g. two std::map<Key, bmm::status, Compare>.
/// Throws: std::bad_alloc only.
template <class Map>
[[nodiscard]] change_groups<typename Map::key_type> group_changes(const Map& before,
                                                                  const Map& after) {
    change_groups<typename Map::key_type> out;
    const status absent = data_status::not_reported;
    const auto less = before.key_comp();
    auto add = [&out](const typename Map::key_type& k, status was, status now) {
        out.groups[static_cast<std::size_t>(classify_change(was, now))].push_back(k);
    };
    // Both maps are sorted by the same order: walk them together, as a merge.
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        if (a == after.end() || (b != before.end() && less(b->first, a->first))) {
            add(b->first, b->second, absent);
            ++b;
        } else if (b == before.end() || less(a->first, b->first)) {
            add(a->first, absent, a->second);
            ++a;
        } else {
            add(b->first, b->second, a->second);
            ++b;
            ++a;
        }
    }
    return out;
}

}  // namespace bmm
