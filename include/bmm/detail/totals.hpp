// bmm — detail: which rows a printed table's total sums. A total of level k >= 1 sums the rows
// after the previous total of level >= k that are not already inside a lower total (lines are
// level 0; headings take no part). Shared by budget_table and the table auditor.
#pragma once

#include <cstddef>
#include <vector>

namespace bmm::detail {

class total_tracker {
public:
    /// Row `index` is a line (or any row a later total may sum).
    void line(std::size_t index) { pending_.push_back({index, 0}); }
    /// Row `index` is a total of `level` (>= 1). Returns: the rows it sums, in order (empty when
    /// there is nothing to sum — the caller reports that).
    std::vector<std::size_t> total(std::size_t index, int level) {
        bool bounded = false;
        std::size_t bound = 0;
        for (auto it = totals_.rbegin(); it != totals_.rend(); ++it) {
            if (it->level >= level) {
                bounded = true;
                bound = it->index;
                break;
            }
        }
        std::vector<std::size_t> members;
        std::vector<item> keep;
        for (const item& p : pending_) {
            if ((!bounded || p.index > bound) && p.level < level) {
                members.push_back(p.index);
            } else {
                keep.push_back(p);
            }
        }
        keep.push_back({index, level});
        pending_ = std::move(keep);
        totals_.push_back({index, level});
        return members;
    }

private:
    struct item {
        std::size_t index;
        int level;
    };
    std::vector<item> pending_;
    std::vector<item> totals_;
};

}  // namespace bmm::detail
