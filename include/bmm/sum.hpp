// bmm — sum: exact totals of many amounts, however large the running sum gets.
//
// A running total of int64 pence overflows long before any real budget does — but an
// intermediate can (a column of large positive and negative figures, or adversarial data).
// bmm sums on int64 with a per-add overflow check (as fast as the raw loop: the branch is never
// taken) and, only if a running sum overflows, continues on Boost.Multiprecision's checked
// 128-bit integer. The final total must fit money again, else overflow_error: never a wrapped,
// never a rounded, total.
//
//   std::vector<bmm::gbp> column = ...;
//   bmm::gbp total = bmm::sum(column);                       // or sum(first, last)
//   bmm::money_accumulator<bmm::currency::gbp> acc;          // streaming form
//   for (auto x : column) acc += x;
//   bmm::gbp same = acc.total();
#pragma once

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>

#include "config.hpp"
#include "detail/checked.hpp"
#include "error.hpp"
#include "money.hpp"

namespace bmm {

/// Accumulates amounts of one currency exactly (int64 fast path, checked 128-bit on overflow).
template <class Currency>
class money_accumulator {
public:
    using wide = boost::multiprecision::checked_int128_t;

    constexpr money_accumulator() noexcept = default;

    /// Adds an amount. Throws: overflow_error only if the 128-bit total overflows (needs more
    /// than 2^64 maximal amounts: not reachable with real data).
    money_accumulator& operator+=(money<Currency> m) {
        std::int64_t r = 0;
        if (BMM_LIKELY(!wide_ && !detail::add_overflow(narrow_, m.in_minor_units(), &r))) {
            narrow_ = r;
        } else {
            add_wide(m.in_minor_units());
        }
        return *this;
    }
    money_accumulator& operator-=(money<Currency> m) {
        std::int64_t r = 0;
        if (BMM_LIKELY(!wide_ && !detail::sub_overflow(narrow_, m.in_minor_units(), &r))) {
            narrow_ = r;
        } else {
            add_wide_negated(m.in_minor_units());
        }
        return *this;
    }

    /// Returns: true while the running total has never left int64 (the fast path).
    [[nodiscard]] bool is_narrow() const noexcept { return !wide_.has_value(); }

    /// Returns: the exact total. Throws: overflow_error if it does not fit money.
    [[nodiscard]] money<Currency> total() const {
        if (!wide_) return money<Currency>::from_minor_units(narrow_);
        const wide& w = *wide_;
        if (w > wide(detail::i64_max) || w < wide(detail::i64_min)) {
            throw overflow_error("the total of the " + std::string(Currency::code) + " amounts (" +
                                 w.str() + " minor units) is out of the range of money");
        }
        return money<Currency>::from_minor_units(static_cast<std::int64_t>(w));
    }

    /// Returns: the exact total in minor units as decimal text, even when it does not fit money.
    [[nodiscard]] std::string total_minor_units_text() const {
        return wide_ ? wide_->str() : std::to_string(narrow_);
    }

private:
    void add_wide(std::int64_t v) {
        try {
            if (!wide_) wide_ = wide(narrow_);
            *wide_ += v;
        } catch (const std::overflow_error&) {
            throw overflow_error("a running total overflowed 128 bits");
        }
    }
    void add_wide_negated(std::int64_t v) {
        try {
            if (!wide_) wide_ = wide(narrow_);
            *wide_ -= v;
        } catch (const std::overflow_error&) {
            throw overflow_error("a running total overflowed 128 bits");
        }
    }

    std::int64_t narrow_ = 0;
    std::optional<wide> wide_;
};

/// Returns: the exact sum of the amounts in [first, last).
/// Throws: overflow_error if the total (not an intermediate) does not fit money.
template <class It>
[[nodiscard]] auto sum(It first, It last) {
    using M = typename std::iterator_traits<It>::value_type;
    using C = typename M::currency_type;
    std::int64_t acc = 0;
    for (; first != last; ++first) {
        std::int64_t r = 0;
        if (BMM_UNLIKELY(detail::add_overflow(acc, (*first).in_minor_units(), &r))) {
            // Escalate: continue exactly on the wide accumulator from here.
            money_accumulator<C> wide;
            wide += money<C>::from_minor_units(acc);
            for (; first != last; ++first) wide += *first;
            return wide.total();
        }
        acc = r;
    }
    return money<C>::from_minor_units(acc);
}

/// Returns: the exact sum of the amounts in `range` (any container or range of money<C>).
/// Throws: overflow_error if the total does not fit money.
template <class Range>
[[nodiscard]] auto sum(const Range& range) -> decltype(sum(std::begin(range), std::end(range))) {
    return sum(std::begin(range), std::end(range));
}

}  // namespace bmm
