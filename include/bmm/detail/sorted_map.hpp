// bmm — detail: a small ordered map kept as a sorted vector, for effective-dated values and
// histories keyed by fiscal month (tens of entries, usually appended in order). Smaller and
// faster to walk than a tree, and far cheaper to compile than <map>.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace bmm::detail {

/// Keys unique and ascending by operator<; equal keys are those neither less than the other.
template <class K, class V>
class sorted_map {
public:
    using value_type = std::pair<K, V>;

    /// Returns: the index of the first entry whose key is not less than k (size() if none).
    [[nodiscard]] std::size_t lower_bound(const K& k) const noexcept {
        std::size_t lo = 0, hi = items_.size();
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (items_[mid].first < k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
    /// Returns: the index of the first entry whose key is greater than k (size() if none).
    [[nodiscard]] std::size_t upper_bound(const K& k) const noexcept {
        std::size_t lo = 0, hi = items_.size();
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (k < items_[mid].first) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
    /// Returns: the entry with key k, or nullptr.
    [[nodiscard]] const value_type* find(const K& k) const noexcept {
        const std::size_t i = lower_bound(k);
        return i < items_.size() && !(k < items_[i].first) ? &items_[i] : nullptr;
    }
    /// Sets the value of key k, inserting it in order when new.
    void insert_or_assign(const K& k, V v) {
        const std::size_t i = lower_bound(k);
        if (i < items_.size() && !(k < items_[i].first)) {
            items_[i].second = std::move(v);
        } else {
            items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(i),
                          value_type(k, std::move(v)));
        }
    }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    [[nodiscard]] const value_type& operator[](std::size_t i) const noexcept { return items_[i]; }
    [[nodiscard]] const std::vector<value_type>& items() const noexcept { return items_; }

private:
    std::vector<value_type> items_;
};

}  // namespace bmm::detail
