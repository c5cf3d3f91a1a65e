// bmm — detail: heap_array<T>, n values on the heap: the scratch buffers of largest-remainder
// splits and the pending rows of a table's totals. Not std::vector: a header whose inline
// functions use std::vector<X> makes every includer compile vector<X>'s members (growth,
// relocation, erasure), while these few one-line members cost next to nothing.
#pragma once

#include <cstddef>

namespace bmm::detail {

/// n values of T on the heap, value-initialised; copyable and movable (a value type, so the
/// tables and audits holding one are too).
template <class T>
class heap_array {
public:
    heap_array() noexcept = default;
    /// Throws: std::bad_alloc.
    explicit heap_array(std::size_t n) : p_(n == 0 ? nullptr : new T[n]()), n_(n) {}
    heap_array(heap_array&& o) noexcept : p_(o.p_), n_(o.n_) {
        o.p_ = nullptr;
        o.n_ = 0;
    }
    heap_array& operator=(heap_array&& o) noexcept {
        T* const p = p_;
        p_ = o.p_;
        n_ = o.n_;
        o.p_ = nullptr;
        o.n_ = 0;
        delete[] p;
        return *this;
    }
    /// A copy of every value. Throws: std::bad_alloc, or what copying a T throws.
    heap_array(const heap_array& o) : heap_array(o.n_) {
        for (std::size_t i = 0; i < n_; ++i) p_[i] = o.p_[i];
    }
    /// Throws: as the copy constructor (*this unchanged then).
    heap_array& operator=(const heap_array& o) {
        if (this != &o) *this = heap_array(o);
        return *this;
    }
    ~heap_array() {
        if (p_ != nullptr) delete[] p_;  // no call for an unused buffer (a hot path's scratch)
    }

    /// Makes size() at least n (the values are then unspecified). Throws: std::bad_alloc.
    void reserve_discarding(std::size_t n) {
        if (n > n_) *this = heap_array(n);
    }
    [[nodiscard]] std::size_t size() const noexcept { return n_; }
    [[nodiscard]] T* data() noexcept { return p_; }
    [[nodiscard]] const T* data() const noexcept { return p_; }
    [[nodiscard]] T& operator[](std::size_t i) noexcept { return p_[i]; }
    [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return p_[i]; }
    [[nodiscard]] const T* begin() const noexcept { return p_; }
    [[nodiscard]] const T* end() const noexcept { return p_ + n_; }

private:
    T* p_ = nullptr;
    std::size_t n_ = 0;
};

}  // namespace bmm::detail
