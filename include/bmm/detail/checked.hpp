// bmm — detail: checked int64 arithmetic. Each returns true when the exact result does not fit
// (then *out is unspecified); callers turn that into bmm::overflow_error. Never wraps silently.
#pragma once

#include <cstdint>

namespace bmm::detail {

[[nodiscard]] constexpr bool add_overflow(std::int64_t a, std::int64_t b,
                                          std::int64_t* out) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_add_overflow(a, b, out);
#else
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b)) return true;
    *out = a + b;
    return false;
#endif
}

[[nodiscard]] constexpr bool sub_overflow(std::int64_t a, std::int64_t b,
                                          std::int64_t* out) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_sub_overflow(a, b, out);
#else
    if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b)) return true;
    *out = a - b;
    return false;
#endif
}

[[nodiscard]] constexpr bool mul_overflow(std::int64_t a, std::int64_t b,
                                          std::int64_t* out) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_mul_overflow(a, b, out);
#else
    if (a == 0 || b == 0) {
        *out = 0;
        return false;
    }
    if (a == -1) {
        if (b == INT64_MIN) return true;
        *out = -b;
        return false;
    }
    if (b == -1) {
        if (a == INT64_MIN) return true;
        *out = -a;
        return false;
    }
    if (a > 0 ? (b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a)
              : (b > 0 ? a < INT64_MIN / b : a < INT64_MAX / b))
        return true;
    *out = a * b;
    return false;
#endif
}

}  // namespace bmm::detail
