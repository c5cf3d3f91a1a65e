// bmm — sum: exact totals of many amounts, however large the running sum gets.
//
// A running total of int64 pence overflows long before any real budget does — but an
// intermediate can (a column of large positive and negative figures, or adversarial data).
// bmm sums on int64 with a per-add overflow check (as fast as the raw loop: the branch is never
// taken) and, only if a running sum overflows, continues on a checked 128-bit integer: the
// compiler's __int128 with overflow-checked adds on GCC and Clang (no Boost), else (or with
// BMM_USE_BOOST_INT128 defined) Boost.Multiprecision's checked_int128_t. The final total must fit
// money again, else overflow_error: never a wrapped, never a rounded, total.
//
//   std::vector<bmm::gbp> column = ...;
//   bmm::gbp total = bmm::sum(column);                       // or sum(first, last)
//   bmm::money_accumulator<bmm::currency::gbp> acc;          // streaming form
//   for (auto x : column) acc += x;
//   bmm::gbp same = acc.total();
#pragma once

#include <cstdint>
#include <iterator>
#include <string>
#include <type_traits>

#include "config.hpp"
#include "detail/checked.hpp"
#include "detail/int128.hpp"
#include "error.hpp"
#include "money.hpp"

#if !BMM_DETAIL_NATIVE_INT128
#include <boost/multiprecision/cpp_int.hpp>
#endif

namespace bmm {

namespace detail {
#if BMM_DETAIL_NATIVE_INT128
/// The accumulator's wide total: __int128, every add checked.
using wide_total = i128;
/// Returns: true (and *out unspecified) when a + b does not fit 128 bits.
[[nodiscard]] inline bool wide_add_overflow(wide_total a, std::int64_t b,
                                            wide_total* out) noexcept {
    return __builtin_add_overflow(a, b, out);
}
/// Returns: true (and *out unspecified) when a - b does not fit 128 bits.
[[nodiscard]] inline bool wide_sub_overflow(wide_total a, std::int64_t b,
                                            wide_total* out) noexcept {
    return __builtin_sub_overflow(a, b, out);
}
#else
/// The accumulator's wide total: Boost's checked 128-bit integer (it throws on overflow).
using wide_total = boost::multiprecision::checked_int128_t;
[[nodiscard]] inline bool wide_add_overflow(const wide_total& a, std::int64_t b, wide_total* out) {
    try {
        *out = a + b;
        return false;
    } catch (const std::overflow_error&) {
        return true;
    }
}
[[nodiscard]] inline bool wide_sub_overflow(const wide_total& a, std::int64_t b, wide_total* out) {
    try {
        *out = a - b;
        return false;
    } catch (const std::overflow_error&) {
        return true;
    }
}
#endif
}  // namespace detail

/// Accumulates amounts of one currency exactly (int64 fast path, checked 128-bit on overflow).
template <class Currency>
class money_accumulator {
public:
    /// An empty total (zero).
    constexpr money_accumulator() noexcept = default;

    /// Adds an amount. Returns: *this.
    /// Throws: overflow_error only if the 128-bit total overflows (needs more than 2^64 maximal
    /// amounts: not reachable with real data).
    money_accumulator& operator+=(money<Currency> m) {
        std::int64_t r = 0;
        if (BMM_LIKELY(!is_wide_ && !detail::add_overflow(narrow_, m.in_minor_units(), &r))) {
            narrow_ = r;
        } else {
            add_wide(m.in_minor_units());
        }
        return *this;
    }
    /// Subtracts an amount. Returns: *this. Throws: as operator+=.
    money_accumulator& operator-=(money<Currency> m) {
        std::int64_t r = 0;
        if (BMM_LIKELY(!is_wide_ && !detail::sub_overflow(narrow_, m.in_minor_units(), &r))) {
            narrow_ = r;
        } else {
            add_wide_negated(m.in_minor_units());
        }
        return *this;
    }

    /// Returns: true while the running total has never left int64 (the fast path).
    [[nodiscard]] bool is_narrow() const noexcept { return !is_wide_; }

    /// Returns: the exact total. Throws: overflow_error if it does not fit money.
    [[nodiscard]] money<Currency> total() const {
        if (!is_wide_) return money<Currency>::from_minor_units(narrow_);
        const wide& w = wide_;
        if (w > wide(detail::i64_max) || w < wide(detail::i64_min)) {
            throw overflow_error("the total of the " + std::string(Currency::code) + " amounts (" +
                                 text(w) + " minor units) is out of the range of money");
        }
        return money<Currency>::from_minor_units(static_cast<std::int64_t>(w));
    }

    /// Returns: the exact total in minor units as decimal text, even when it does not fit money.
    /// Throws: std::bad_alloc.
    [[nodiscard]] std::string total_minor_units_text() const {
        return is_wide_ ? text(wide_) : std::to_string(narrow_);
    }

private:
    /// The 128-bit type a total escalates to (__int128, or Boost's checked_int128_t).
    using wide = detail::wide_total;
    // Decimal text of a wide value, digit by digit from the low end without negating it (so the
    // most negative value prints too). (Boost's own str() trips GCC 12's -Wrestrict false
    // positive in C++20 builds, so bmm writes the digits itself.)
    static std::string text(wide v) {
        const bool negative = v < 0;
        std::string digits;
        do {
            const int d = static_cast<int>(v % 10);  // in -9..9, the sign of v
            digits.push_back(static_cast<char>('0' + (d < 0 ? -d : d)));
            v /= 10;
        } while (v != 0);
        if (negative) digits.push_back('-');
        return std::string(digits.rbegin(), digits.rend());
    }

    void add_wide(std::int64_t v) {
        if (!is_wide_) {
            wide_ = wide(narrow_);
            is_wide_ = true;
        }
        if (detail::wide_add_overflow(wide_, v, &wide_)) {
            throw overflow_error("a running total overflowed 128 bits");
        }
    }
    void add_wide_negated(std::int64_t v) {
        if (!is_wide_) {
            wide_ = wide(narrow_);
            is_wide_ = true;
        }
        if (detail::wide_sub_overflow(wide_, v, &wide_)) {
            throw overflow_error("a running total overflowed 128 bits");
        }
    }

    std::int64_t narrow_ = 0;
    bool is_wide_ = false;  ///< the total has left int64: wide_ holds it
    wide wide_ = 0;
};

/// Returns: the exact sum of the amounts in [first, last).
/// Throws: overflow_error if the total (not an intermediate) does not fit money.
template <class It>
[[nodiscard]] auto sum(It first, It last) {
    using M = typename std::iterator_traits<It>::value_type;
    using C = typename M::currency_type;
    using category = typename std::iterator_traits<It>::iterator_category;
    if constexpr (std::is_base_of_v<std::random_access_iterator_tag, category>) {
        // Four independent checked int64 sums: the per-add check costs no more than the add
        // when the sums do not depend on each other (see BENCHMARKS.md).
        const auto n = last - first;
        std::int64_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        bool overflowed = false;
        decltype(last - first) i = 0;
        for (; i + 4 <= n; i += 4) {
            overflowed |= detail::add_overflow(a0, first[i].in_minor_units(), &a0);
            overflowed |= detail::add_overflow(a1, first[i + 1].in_minor_units(), &a1);
            overflowed |= detail::add_overflow(a2, first[i + 2].in_minor_units(), &a2);
            overflowed |= detail::add_overflow(a3, first[i + 3].in_minor_units(), &a3);
        }
        for (; i < n; ++i) overflowed |= detail::add_overflow(a0, first[i].in_minor_units(), &a0);
        money_accumulator<C> acc;
        if (BMM_LIKELY(!overflowed)) {
            // Partial sums are exact; their combination escalates only if it must.
            acc += money<C>::from_minor_units(a0);
            acc += money<C>::from_minor_units(a1);
            acc += money<C>::from_minor_units(a2);
            acc += money<C>::from_minor_units(a3);
        } else {
            // A partial sum overflowed: add everything again on the escalating accumulator.
            for (It it = first; it != last; ++it) acc += *it;
        }
        return acc.total();
    } else {
        money_accumulator<C> acc;
        for (; first != last; ++first) acc += *first;
        return acc.total();
    }
}

/// Returns: the exact sum of the amounts in `range` (any container or range of money<C>).
/// Throws: overflow_error if the total does not fit money.
template <class Range>
[[nodiscard]] auto sum(const Range& range) -> decltype(sum(std::begin(range), std::end(range))) {
    return sum(std::begin(range), std::end(range));
}

}  // namespace bmm
