// bmm — detail: which rows a printed table's total sums. A total of level k >= 1 sums the rows
// after the previous total of level >= k that are not already inside a lower total (lines are
// level 0; headings take no part). Shared by budget_table and the table auditor.
//
// The rows a later total may still sum form a stack in print order: a total of level k sums the
// rows on top of the stack of level < k (the first row below them of level >= k is the previous
// total that bounds it, and the latest such total is always still on the stack), and then stands
// on the stack in their place. Each row is pushed once and taken off at most once, so a table
// costs O(rows) however flat or deep its totals are.
#pragma once

#include <cstddef>
#include <vector>

namespace bmm::detail {

/// The rows a later total may sum, in print order. `Item` is any default-constructible,
/// copyable type with an `int level` member (0 for a line, k >= 1 for a total); it carries what
/// its user needs of each row.
template <class Item>
class pending_rows {
public:
    /// The pending rows, oldest first: valid until the next push or fold.
    class view {
    public:
        view(const Item* p, std::size_t n) noexcept : p_(p), n_(n) {}
        [[nodiscard]] std::size_t size() const noexcept { return n_; }
        [[nodiscard]] const Item& operator[](std::size_t k) const noexcept { return p_[k]; }
        [[nodiscard]] const Item* begin() const noexcept { return p_; }
        [[nodiscard]] const Item* end() const noexcept { return p_ + n_; }

    private:
        const Item* p_;
        std::size_t n_;
    };

    /// Row `item` (a line) may be summed by a later total. Throws: std::bad_alloc (the rows are
    /// then unchanged).
    void push(const Item& item) { items_.push_back(item); }
    /// Returns: the position in items() of the first row a total of `level` sums: it sums
    /// items()[first_member(level)] to the last (nothing when it is items().size()). Does not
    /// change the stack, so that a caller may reject the total and leave the table as it was.
    [[nodiscard]] std::size_t first_member(int level) const noexcept {
        std::size_t k = items_.size();
        while (k > 0 && items_[k - 1].level < level) --k;
        return k;
    }
    /// Replaces the members of a total (items()[first] to the last) by the total itself.
    /// Throws: std::bad_alloc only when there are no members (first == items().size()).
    void fold(std::size_t first, const Item& total) {
        items_.resize(first);  // never grows: the capacity stays for the push
        push(total);
    }
    /// Returns: the pending rows, oldest first.
    [[nodiscard]] view items() const noexcept { return view(items_.data(), items_.size()); }

private:
    std::vector<Item> items_;  ///< the pending rows, oldest first
};

/// budget_table's use: the pending rows by index.
class total_tracker {
public:
    /// Row `index` is a line (or any row a later total may sum).
    void line(std::size_t index) { rows_.push({index, 0}); }
    /// Returns: the rows a total of `level` (>= 1) added now would sum, in order (empty when
    /// there is nothing to sum — the caller reports that). Does not change the tracker.
    [[nodiscard]] std::vector<std::size_t> members(int level) const {
        const std::size_t first = rows_.first_member(level);
        std::vector<std::size_t> out;
        out.reserve(rows_.items().size() - first);
        for (std::size_t k = first; k < rows_.items().size(); ++k) {
            out.push_back(rows_.items()[k].index);
        }
        return out;
    }
    /// Row `index` is a total of `level` (>= 1): its members (as members(level) gives them)
    /// are summed and it stands in their place.
    void total(std::size_t index, int level) {
        rows_.fold(rows_.first_member(level), {index, level});
    }

private:
    struct item {
        std::size_t index;
        int level;
    };
    pending_rows<item> rows_;
};

}  // namespace bmm::detail
