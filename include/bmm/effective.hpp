// bmm — effective: a value that changes from a fiscal month on (rating policies, targets, owners).
//
//   operation                       result
//   e.set(from, value)              value in force from `from` on (replacing one set that month)
//   e.at(m), e.find(m)              the value set for the latest month <= m (T&, or T* / nullptr)
//   e.effective_from(m)             that month (std::nullopt before the first)
//
// Setting a new value from M7 never changes what at(M6) returns, so a change of policy or target
// never re-rates earlier months. (Split from bmm/rag.hpp so that rating needs no dates.)
//
//   bmm::effective_dated<bmm::rag_policy> policies{fy.month(1), bmm::rag_policy::higher_is_better()};
//   policies.set(fy.month(7), bmm::rag_policy::lower_is_better());
//   policies.at(fy.month(6));   // higher is better: set from M1
#pragma once

#include <cstddef>
#include <optional>
#include <utility>

#include "detail/sorted_map.hpp"
#include "error.hpp"
#include "period.hpp"

namespace bmm {

/// A value that changes from a fiscal month on: rating policies, targets, owners.
/// at(m) is the value set for the latest month ≤ m, so setting a new value from M7 never
/// changes what at(M6) returns.
template <class T, unsigned StartMonth = 4>
class effective_dated {
public:
    using month_type = fiscal_month<StartMonth>;

    /// Nothing in force in any month.
    effective_dated() = default;
    /// `value` in force from `from` on. Throws: invalid_argument if `from` is not a valid month.
    effective_dated(month_type from, T value) { set(from, std::move(value)); }

    /// Makes `value` effective from `from` on (replacing a value set for the same month).
    /// Returns: *this.
    /// Throws: invalid_argument if `from` is not a valid month.
    effective_dated& set(month_type from, T value) {
        if (!from.ok()) throw invalid_argument("an effective date must be a valid fiscal month");
        values_.insert_or_assign(from, std::move(value));
        return *this;
    }
    /// Returns: the value in force in month m, or nullptr before the first effective month.
    [[nodiscard]] const T* find(month_type m) const noexcept {
        const std::size_t i = values_.upper_bound(m);
        return i == 0 ? nullptr : &values_[i - 1].second;
    }
    /// Returns: the value in force in month m.
    /// Throws: invalid_argument naming the month when nothing is in force yet.
    [[nodiscard]] const T& at(month_type m) const {
        if (const T* v = find(m)) return *v;
        throw invalid_argument("nothing is in force in " + to_string(m), to_string(m));
    }
    /// Returns: the month from which the value in force in m applies.
    [[nodiscard]] std::optional<month_type> effective_from(month_type m) const noexcept {
        const std::size_t i = values_.upper_bound(m);
        if (i == 0) return std::nullopt;
        return values_[i - 1].first;
    }
    /// Returns: the number of months a value was set for.
    [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }

private:
    detail::sorted_map<month_type, T> values_;  ///< by effective month
};

}  // namespace bmm
