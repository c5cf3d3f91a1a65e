// bmm — column: views of contiguous columns, what the columnar functions read and write
// (bmm/variance_columns.hpp, bmm/rag_columns.hpp, bmm/sum_columns.hpp), and the vector path they
// take on this CPU.
//
// C++17 has no std::span: a column_view<T> is a pointer and a size over memory someone else owns
// (read only), a column_span<T> the same for writing. Both are made from any contiguous container
// of exactly T (std::vector, std::array, a C array) or from a pointer and a size; neither owns or
// allocates. std::vector<bool> is not contiguous: use std::vector<std::uint8_t> for a flag column.
//
//   std::vector<bmm::gbp> budget = ..., forecast = ...;
//   std::vector<bmm::gbp> variance(budget.size());
//   bmm::variances(budget, forecast, variance);              // column_view in, column_span out
//   bmm::column_view<bmm::gbp> first_ten(budget.data(), 10);
//
// The columnar functions choose their vector path at run time (no -march flag needed):
// kernel_path::avx512 or avx2 where the CPU has them and the compiler can target them (GCC or
// Clang on x86), kernel_path::portable elsewhere. Both give the same results; each function also takes the path
// as a last argument, to run (and test) a given one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>

#include "config.hpp"
#include "error.hpp"

namespace bmm {

namespace detail {
/// True when `Container` is contiguous storage of exactly T (std::data gives T*, maybe const).
template <class Container, class T, class = void>
struct contiguous_of : std::false_type {};
template <class Container, class T>
struct contiguous_of<Container, T,
                     std::void_t<decltype(std::data(std::declval<Container&>())),
                                 decltype(std::size(std::declval<Container&>()))>>
    : std::is_same<
          std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<Container&>()))>>,
          T> {};
}  // namespace detail

/// A read-only view of `size()` contiguous values of T owned elsewhere.
template <class T>
class column_view {
public:
    using value_type = T;

    /// An empty column.
    constexpr column_view() noexcept = default;
    /// The `size` values from `data`. Requires: [data, data + size) is readable.
    constexpr column_view(const T* data, std::size_t size) noexcept : data_(data), size_(size) {}
    /// The values of a contiguous container of T (std::vector, std::array, a C array).
    template <class Container,
              std::enable_if_t<detail::contiguous_of<const Container, T>::value, int> = 0>
    constexpr column_view(const Container& c) noexcept  // NOLINT: as std::span from a container
        : data_(std::data(c)), size_(std::size(c)) {}

    [[nodiscard]] constexpr const T* data() const noexcept { return data_; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr const T* begin() const noexcept { return data_; }
    [[nodiscard]] constexpr const T* end() const noexcept { return data_ + size_; }
    /// Requires: i < size().
    [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept {
        BMM_EXPECTS(i < size_);
        return data_[i];
    }

private:
    const T* data_ = nullptr;
    std::size_t size_ = 0;
};

/// A writable view of `size()` contiguous values of T owned elsewhere.
template <class T>
class column_span {
public:
    using value_type = T;

    /// An empty column.
    constexpr column_span() noexcept = default;
    /// The `size` values at `data`. Requires: [data, data + size) is writable.
    constexpr column_span(T* data, std::size_t size) noexcept : data_(data), size_(size) {}
    /// The values of a non-const contiguous container of T.
    template <class Container, std::enable_if_t<!std::is_const_v<Container> &&
                                                    detail::contiguous_of<Container, T>::value,
                                                int> = 0>
    constexpr column_span(Container& c) noexcept  // NOLINT: as std::span from a container
        : data_(std::data(c)), size_(std::size(c)) {}

    [[nodiscard]] constexpr T* data() const noexcept { return data_; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr T* begin() const noexcept { return data_; }
    [[nodiscard]] constexpr T* end() const noexcept { return data_ + size_; }
    /// Requires: i < size().
    [[nodiscard]] constexpr T& operator[](std::size_t i) const noexcept {
        BMM_EXPECTS(i < size_);
        return data_[i];
    }
    /// The same values, read only.
    [[nodiscard]] constexpr operator column_view<T>() const noexcept {  // NOLINT: widening
        return column_view<T>(data_, size_);
    }

private:
    T* data_ = nullptr;
    std::size_t size_ = 0;
};

/// The code a columnar function runs: the same results either way.
enum class kernel_path : std::uint8_t {
    portable,  ///< the compiler's default instruction set (SSE2 on x86-64)
    avx2,      ///< AVX2 and FMA, chosen at run time on CPUs that have them
    avx512,    ///< AVX-512 (F, DQ, VL, BW) in 512-bit vectors, chosen on CPUs that have it
};

/// Returns: "portable", "avx2" or "avx512".
[[nodiscard]] constexpr std::string_view to_string(kernel_path p) noexcept {
    switch (p) {
        case kernel_path::avx2:
            return "avx2";
        case kernel_path::avx512:
            return "avx512";
        case kernel_path::portable:
            break;
    }
    return "portable";
}

// GCC and Clang on x86 compile an AVX2 and an AVX-512 copy of each kernel (target attributes)
// beside the portable one and pick one by __builtin_cpu_supports; BMM_NO_RUNTIME_DISPATCH turns
// this off.
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(BMM_NO_RUNTIME_DISPATCH)
#define BMM_DETAIL_AVX2_DISPATCH 1
#define BMM_DETAIL_TARGET_AVX2 __attribute__((target("avx2,fma")))
#if defined(__clang__)
#define BMM_DETAIL_TARGET_AVX512 \
    __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,fma"), min_vector_width(512)))
#else
#define BMM_DETAIL_TARGET_AVX512 \
    __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,fma,prefer-vector-width=512")))
#endif
#else
#define BMM_DETAIL_AVX2_DISPATCH 0
#define BMM_DETAIL_TARGET_AVX2
#define BMM_DETAIL_TARGET_AVX512
#endif
// GCC keeps the __restrict of a kernel's parameters only as this pragma once the kernel is inlined
// into its per-target copy: without it, -O2 (whose cost model does not version loops for aliasing)
// leaves the loop scalar.
#if defined(__GNUC__) && !defined(__clang__)
#define BMM_DETAIL_IVDEP _Pragma("GCC ivdep")
#else
#define BMM_DETAIL_IVDEP
#endif
#if defined(__GNUC__) || defined(__clang__)
#define BMM_DETAIL_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define BMM_DETAIL_ALWAYS_INLINE inline
#endif

/// Returns: true when this program can run `p` on this CPU (portable: always).
[[nodiscard]] inline bool kernel_path_supported(kernel_path p) noexcept {
#if BMM_DETAIL_AVX2_DISPATCH
    static const bool avx2 = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }();
    static const bool avx512 = [] {
        __builtin_cpu_init();
        return avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
               __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw");
    }();
    switch (p) {
        case kernel_path::avx2:
            return avx2;
        case kernel_path::avx512:
            return avx512;
        case kernel_path::portable:
            break;
    }
#else
    if (p != kernel_path::portable) return false;
#endif
    return true;
}

/// Returns: the path the columnar functions take by default: the widest this CPU supports.
[[nodiscard]] inline kernel_path active_kernel_path() noexcept {
    if (kernel_path_supported(kernel_path::avx512)) return kernel_path::avx512;
    if (kernel_path_supported(kernel_path::avx2)) return kernel_path::avx2;
    return kernel_path::portable;
}

namespace detail {
/// Throws: invalid_argument when `p` cannot run here (a path asked for by name).
inline void check_kernel_path(kernel_path p) {
    if (!kernel_path_supported(p)) {
        throw invalid_argument("the kernel path " + std::string(to_string(p)) +
                                   " is not supported by this CPU or compiler",
                               to_string(p));
    }
}
/// Throws: invalid_argument naming `what` when two columns a function pairs differ in length.
inline void check_same_size(std::size_t a, std::size_t b, const char* what) {
    if (a != b) {
        throw invalid_argument(std::string(what) + " have different lengths (" + std::to_string(a) +
                               " and " + std::to_string(b) + ")");
    }
}
}  // namespace detail

}  // namespace bmm
