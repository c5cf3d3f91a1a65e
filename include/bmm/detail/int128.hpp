// bmm — detail: a 128-bit signed integer for exact intermediates (products of two int64 values,
// cross-multiplied comparisons, scaled quotients). GCC and Clang have __int128, which is exact
// and fast; elsewhere Boost.Multiprecision's int128_t stands in (same semantics, slower).
// Define BMM_USE_BOOST_INT128 to use Boost's type everywhere. BMM_DETAIL_NATIVE_INT128 is 1 when
// i128 is __int128 (for headers that need Boost only without it, such as bmm/sum.hpp).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#if defined(__SIZEOF_INT128__) && !defined(BMM_USE_BOOST_INT128)
#define BMM_DETAIL_NATIVE_INT128 1
namespace bmm::detail {
__extension__ typedef __int128 i128;  // __extension__: -Wpedantic accepts it under -Werror
inline constexpr bool native_int128 = true;
}  // namespace bmm::detail
#else
#define BMM_DETAIL_NATIVE_INT128 0
#include <boost/multiprecision/cpp_int.hpp>
namespace bmm::detail {
using i128 = boost::multiprecision::int128_t;
inline constexpr bool native_int128 = false;
}  // namespace bmm::detail
#endif

namespace bmm::detail {

/// True for an integer type wider than 64 bits: the compiler's __int128 and unsigned __int128
/// (integral types under gnu++17, CMake's default, though not under -std=c++17) or any wider
/// integral type. bmm's whole-number arguments (money * n, money / n, ratio(n, d), allocation
/// weights and counts) are at most 64 bits, and a static_assert names the rule rather than let
/// a conversion truncate such a value.
#if defined(__SIZEOF_INT128__)
__extension__ typedef __int128 compiler_int128;
__extension__ typedef unsigned __int128 compiler_uint128;
template <class I>
inline constexpr bool is_wide_integer = std::is_same_v<std::remove_cv_t<I>, compiler_int128> ||
                                        std::is_same_v<std::remove_cv_t<I>, compiler_uint128> ||
                                        (std::is_integral_v<I> && sizeof(I) > sizeof(std::int64_t));
#else
template <class I>
inline constexpr bool is_wide_integer = std::is_integral_v<I> && sizeof(I) > sizeof(std::int64_t);
#endif
/// The integers a whole-number argument template accepts, so that a wide one reaches its
/// static_assert (never bool).
template <class I>
inline constexpr bool is_whole_number_arg =
    (std::is_integral_v<I> && !std::is_same_v<I, bool>) || is_wide_integer<I>;

inline constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
inline constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();

/// True when the 128-bit value fits in int64_t.
[[nodiscard]] constexpr bool fits_i64(const i128& v) noexcept {
    return v >= i128(i64_min) && v <= i128(i64_max);
}

/// |v| for a value that is not the 128-bit minimum (never reached: inputs are int64 products).
[[nodiscard]] constexpr i128 abs128(const i128& v) noexcept { return v < 0 ? -v : v; }

/// 10^n for n in [0, 38].
[[nodiscard]] constexpr i128 pow10_128(int n) noexcept {
    i128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

/// Returns: v in decimal digits ("-170141183460469231731687303715884105727"), for messages.
[[nodiscard]] inline std::string i128_text(i128 v) {
    const bool negative = v < 0;
    std::string s;
    do {
        const i128 q = v / 10;
        const int digit = static_cast<int>(v - q * 10);
        s.insert(s.begin(), static_cast<char>('0' + (digit < 0 ? -digit : digit)));
        v = q;
    } while (v != 0);
    if (negative) s.insert(s.begin(), '-');
    return s;
}

/// Greatest common divisor of |a| and |b| (gcd(0, 0) == 0).
[[nodiscard]] constexpr i128 gcd128(i128 a, i128 b) noexcept {
    a = abs128(a);
    b = abs128(b);
    while (b != 0) {
        i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

}  // namespace bmm::detail
