// bmm — allocate: split an amount by weights so that the parts add up to the whole, to the penny.
//
//   call                                          parts always sum to the amount (or, for
//   allocate(amount, weights[, policy])           remainder_separately, parts + remainder do)
//   allocate(amount, n[, policy])                 n equal shares
//
//   policy                   who gets the pennies left after every part is rounded toward zero
//   largest_remainder        the parts with the largest fractional remainders, ties to the
//   (default)                earlier part (deterministic); the Hamilton / largest-remainder method
//   first_parts              the first parts, one penny each, in order (as brick/money does)
//   remainder_separately     nobody: the pennies are returned in allocation::remainder
//
// Negative amounts are split as their magnitude and every part negated, so -£0.10 in three is
// -0.04, -0.03, -0.03. A part whose weight is zero gets exactly zero (it never receives a
// remainder penny). Weights are non-negative whole numbers (counts, pence, per-mille shares...).
//
//   auto a = bmm::allocate(bmm::gbp::parse("100.00"), std::vector<std::int64_t>{1, 1, 1});
//   // a.parts == {33.34, 33.33, 33.33}, a.remainder == 0
//   auto b = bmm::allocate(bmm::pence(5), 3, bmm::allocation_policy::remainder_separately);
//   // b.parts == {0.01, 0.01, 0.01}, b.remainder == 0.02
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/int128.hpp"
#include "detail/largest_remainder.hpp"
#include "error.hpp"
#include "money.hpp"

namespace bmm {

enum class allocation_policy { largest_remainder, first_parts, remainder_separately };

/// The most parts allocate(amount, n) makes: 100,000,000 (the parts alone take 800 MB). A
/// larger n is an invalid_argument naming it, never std::bad_alloc or std::length_error.
inline constexpr std::uint64_t max_allocation_parts = 100'000'000;

template <class C>
struct allocation {
    std::vector<money<C>> parts;
    money<C> remainder;  ///< zero unless the policy is remainder_separately
};

/// Splits `amount` in proportion to `weights`.
/// Returns: one part per weight; parts (plus remainder) sum exactly to `amount`.
/// Throws: invalid_argument if `weights` is empty, has a negative weight (a negative amount
/// among money weights), or all weights are zero; overflow_error if the weights' sum exceeds
/// int64 or an unsigned weight does.
/// `Weights` is any range of integers of at most 64 bits, or of money<C> (to allocate in
/// proportion to amounts of the same currency): anything else (double, another currency,
/// __int128) is a static_assert that names the rule.
template <class C, class Weights, class = decltype(std::begin(std::declval<const Weights&>()))>
[[nodiscard]] allocation<C> allocate(
    money<C> amount, const Weights& weights,
    allocation_policy policy = allocation_policy::largest_remainder);

/// As above, for weights written in place: allocate(amount, {70, 30}). Returns, Throws: as above.
template <class C>
[[nodiscard]] allocation<C> allocate(
    money<C> amount, std::initializer_list<std::int64_t> weights,
    allocation_policy policy = allocation_policy::largest_remainder) {
    return allocate(amount, std::vector<std::int64_t>(weights), policy);
}

/// Splits `amount` into `n` equal shares (see above): the same parts as n weights of 1, without
/// building the weights.
/// Returns: n parts; parts (plus remainder) sum exactly to `amount`.
/// Throws: invalid_argument naming n if n <= 0 or n > max_allocation_parts.
template <class C, class I,
          std::enable_if_t<detail::is_whole_number_arg<I> || std::is_same_v<I, bool>, int> = 0>
[[nodiscard]] allocation<C> allocate(
    money<C> amount, I n, allocation_policy policy = allocation_policy::largest_remainder);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

template <class W>
inline constexpr bool is_money_v = false;
template <class C>
inline constexpr bool is_money_v<money<C>> = true;

/// The weight w of an allocation of money<C>, as int64.
template <class C, class W>
[[nodiscard]] constexpr std::int64_t weight_value(const W& w) {
    static_assert(is_whole_number_arg<W> || std::is_same_v<W, bool> || is_money_v<W>,
                  "bmm: allocation weights are whole numbers (counts, shares, pence) or amounts "
                  "of money, never floating point: convert shares to integers, e.g. per mille");
    static_assert(!is_money_v<W> || std::is_same_v<W, money<C>>,
                  "bmm: allocate in proportion to amounts of the same currency as the amount "
                  "allocated");
    static_assert(!is_wide_integer<W>,
                  "bmm: allocation weights are integers of at most 64 bits: a wider weight "
                  "(__int128) would be truncated");
    if constexpr (std::is_integral_v<W>) {
        static_assert(!std::is_same_v<W, bool>, "allocation weights are numbers, not bools");
        if constexpr (std::is_unsigned_v<W>) {
            if (w > static_cast<W>(i64_max))
                throw overflow_error("an allocation weight exceeds int64");
        }
        return static_cast<std::int64_t>(w);
    } else if constexpr (is_money_v<W>) {
        return w.in_minor_units();  // allocate in proportion to amounts (e.g. budgets)
    } else {
        return 0;  // not reached: a static_assert above has failed
    }
}

}  // namespace detail

template <class C, class Weights, class>
allocation<C> allocate(money<C> amount, const Weights& weights, allocation_policy policy) {
    using detail::i128;
    const std::size_t n =
        static_cast<std::size_t>(std::distance(std::begin(weights), std::end(weights)));
    if (n == 0) throw invalid_argument("allocate: there are no weights to allocate over");
    std::vector<std::int64_t> w;
    w.reserve(n);
    i128 total = 0;
    for (const auto& x : weights) {
        const std::int64_t v = detail::weight_value<C>(x);
        if (v < 0) {
            throw invalid_argument("allocate: weight " + std::to_string(w.size() + 1) +
                                   " is negative (" + std::to_string(v) + ")");
        }
        w.push_back(v);
        total += v;
    }
    if (total == 0) throw invalid_argument("allocate: every weight is zero");
    if (!detail::fits_i64(total)) throw overflow_error("allocate: the weights' sum exceeds int64");

    // Work on the magnitude (as 128-bit: |INT64_MIN| fits), then restore the sign.
    const bool negative = amount.is_negative();
    const i128 whole = detail::abs128(i128(amount.in_minor_units()));
    const auto split = detail::split_by_weights(
        whole, w, total,
        policy == allocation_policy::largest_remainder
            ? detail::remainder_to::largest
            : (policy == allocation_policy::first_parts ? detail::remainder_to::first
                                                        : detail::remainder_to::nobody));
    const i128 left = split.left;
    const std::vector<i128>& part = split.parts;
    allocation<C> out;
    out.parts.reserve(n);
    for (const i128& p : part) {
        const auto v = static_cast<std::int64_t>(negative ? -p : p);
        out.parts.push_back(money<C>::from_minor_units(v));
    }
    out.remainder = money<C>::from_minor_units(static_cast<std::int64_t>(negative ? -left : left));
    return out;
}

template <class C, class I,
          std::enable_if_t<detail::is_whole_number_arg<I> || std::is_same_v<I, bool>, int>>
allocation<C> allocate(money<C> amount, I n, allocation_policy policy) {
    static_assert(!std::is_same_v<I, bool>, "allocate into a number of parts, not a bool");
    static_assert(!detail::is_wide_integer<I>,
                  "bmm: allocate(amount, n) takes a count of at most 64 bits: a wider n (__int128) "
                  "would be truncated");
    if (n <= 0) {
        throw invalid_argument(
            "allocate: cannot split an amount into " + std::to_string(n) + " parts (zero or fewer)",
            std::to_string(n));
    }
    if (static_cast<std::uint64_t>(n) > max_allocation_parts) {
        throw invalid_argument("allocate: " + std::to_string(n) +
                                   " parts is more than max_allocation_parts (" +
                                   std::to_string(max_allocation_parts) + ")",
                               std::to_string(n));
    }
    // Equal weights: every part is |amount| / n and every remainder the same, so the pennies
    // left (|amount| % n of them) go to the first parts under both largest_remainder (ties to
    // the earlier part) and first_parts.
    using detail::i128;
    const auto count = static_cast<std::size_t>(n);
    const bool negative = amount.is_negative();
    const i128 whole = detail::abs128(i128(amount.in_minor_units()));
    const i128 base = whole / i128(static_cast<std::int64_t>(count));
    const i128 left = whole % i128(static_cast<std::int64_t>(count));  // < n
    const bool give = policy != allocation_policy::remainder_separately;
    auto signed_units = [negative](i128 v) {
        return money<C>::from_minor_units(static_cast<std::int64_t>(negative ? -v : v));
    };
    allocation<C> out;
    out.parts.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        out.parts.push_back(
            signed_units(give && i128(static_cast<std::int64_t>(i)) < left ? base + 1 : base));
    }
    out.remainder = give ? money<C>() : signed_units(left);
    return out;
}

}  // namespace bmm
