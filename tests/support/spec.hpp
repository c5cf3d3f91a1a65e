// Test support for bmm's specs: detection of (deliberately) missing operators, and
// same_type_and_value, which fails when a result silently changed type.
//
//   static_assert(!bmm_test::can_add<bmm::gbp, bmm::eur>);
//   CHECK(bmm_test::same_type_and_value(fy + date::years{1}, bmm::fiscal_year<>{2024}));
#pragma once

// operator<< for bmm's types, so that doctest prints values in failed checks. Specs include the
// header under test first, so this cannot hide a missing include.
#include <array>
#include <bmm/io.hpp>
#include <bmm/rounding.hpp>
#include <cstdlib>
#include <initializer_list>
#include <type_traits>
#include <utility>
#include <vector>

namespace bmm_test {

/// How many cases a long property runs: `full` in an optimised build (NDEBUG: the Release
/// configurations), a tenth of it in a Debug one (the sanitizer's included) so that it runs in a
/// few seconds there; BMM_PROPERTY_FULL=1 in the environment runs the full count anywhere.
/// True in a build with AddressSanitizer (the asan and asan-ndebug configurations): a property
/// whose cost is exact arithmetic may run less there, saying so.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool sanitized = true;
#else
inline constexpr bool sanitized = false;
#endif
#else
inline constexpr bool sanitized = false;
#endif

inline int property_count(int full) {
#ifdef NDEBUG
    return full;
#else
    const char* all = std::getenv("BMM_PROPERTY_FULL");
    return all != nullptr && all[0] == '1' ? full : full / 10;
#endif
}

/// Every rounding mode, for specs and properties that must hold in each.
inline constexpr std::array<bmm::rounding_mode, 7> all_rounding_modes{
    bmm::rounding_mode::half_up,        bmm::rounding_mode::half_down,
    bmm::rounding_mode::half_even,      bmm::rounding_mode::toward_zero,
    bmm::rounding_mode::away_from_zero, bmm::rounding_mode::floor,
    bmm::rounding_mode::ceiling};

template <class, template <class...> class Op, class... Args>
struct detector : std::false_type {};
template <template <class...> class Op, class... Args>
struct detector<std::void_t<Op<Args...>>, Op, Args...> : std::true_type {};
template <template <class...> class Op, class... Args>
inline constexpr bool is_detected = detector<void, Op, Args...>::value;

template <class A, class B>
using add_t = decltype(std::declval<A>() + std::declval<B>());
template <class A, class B>
using sub_t = decltype(std::declval<A>() - std::declval<B>());
template <class A, class B>
using mul_t = decltype(std::declval<A>() * std::declval<B>());
template <class A, class B>
using div_t = decltype(std::declval<A>() / std::declval<B>());
template <class A, class B>
using less_t = decltype(std::declval<A>() < std::declval<B>());
template <class A, class B>
using equal_t = decltype(std::declval<A>() == std::declval<B>());

template <class A, class B>
inline constexpr bool can_add = is_detected<add_t, A, B>;
template <class A, class B>
inline constexpr bool can_subtract = is_detected<sub_t, A, B>;
template <class A, class B>
inline constexpr bool can_multiply = is_detected<mul_t, A, B>;
template <class A, class B>
inline constexpr bool can_divide = is_detected<div_t, A, B>;
template <class A, class B>
inline constexpr bool can_order = is_detected<less_t, A, B>;
template <class A, class B>
inline constexpr bool can_compare_equal = is_detected<equal_t, A, B>;

/// Decimals from their printed text: ds({"61", "14", "9", "16"}).
inline std::vector<bmm::decimal> ds(std::initializer_list<const char*> texts) {
    std::vector<bmm::decimal> out;
    for (const char* t : texts) out.push_back(bmm::decimal::parse(t));
    return out;
}

/// True when `actual` has exactly type T and equals `expected`.
template <class T, class U>
constexpr bool same_type_and_value(const T& actual, const U& expected) {
    if constexpr (std::is_same_v<T, U>) {
        return actual == expected;
    } else {
        return false;
    }
}

}  // namespace bmm_test
