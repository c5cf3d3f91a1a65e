// bmm — virement: moving budget between service areas; a request must balance.
//
// Each line changes an expenditure budget (+ increase / − decrease) and an income budget
// (− more income / + less income), in the report's £000 columns, permanently or temporarily.
// A request balances when the grand total of expenditure plus income changes is zero (seed 003
// Annex B-2a: expenditure 1,762 and income −1,762). Its size — the budget moved — is the sum of
// the expenditure increases and income reductions; the approval level is the first
// threshold that covers it, from rules the council configures. A table of several virements
// (one per narration, each with its lines) balances group by group: by_narration() splits it.
//
//   bmm::virement_request<bmm::currency::gbp> r{{line1, line2}};
//   r.check();                       // throws invalid_argument naming the imbalance
//   rules.approver_for(r.size());    // e.g. "Cabinet"
//   for (const auto& g : r.by_narration()) g.check();   // each virement on its own
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "error.hpp"
#include "format.hpp"
#include "money.hpp"
#include "zero.hpp"

namespace bmm {

enum class virement_term : std::uint8_t { permanent, temporary };

/// One line of a virement request.
template <class C>
struct virement_line {
    std::string narration;
    std::string budget_book_line;
    std::string service_area;
    virement_term term = virement_term::temporary;
    money<C> expenditure;  ///< + increase / − decrease
    money<C> income;       ///< − increase / + decrease (income budgets are negative)
};

/// A request: lines that together must balance.
template <class C>
struct virement_request {
    std::vector<virement_line<C>> lines;

    /// Returns: Σ expenditure changes ("Grand Total" of the expenditure column).
    /// Throws: overflow_error.
    [[nodiscard]] money<C> expenditure_total() const {
        money<C> t;
        for (const auto& l : lines) t = t + l.expenditure;
        return t;
    }
    /// Returns: Σ income changes. Throws: overflow_error.
    [[nodiscard]] money<C> income_total() const {
        money<C> t;
        for (const auto& l : lines) t = t + l.income;
        return t;
    }
    /// Returns: expenditure total + income total: zero when the request balances.
    /// Throws: overflow_error.
    [[nodiscard]] money<C> imbalance() const { return expenditure_total() + income_total(); }
    /// Returns: imbalance() is zero. Throws: overflow_error.
    [[nodiscard]] bool balances() const { return imbalance().is_zero(); }
    /// Returns: the budget moved: the sum of the expenditure increases and the income
    /// reductions (the positive side of the transfer). Throws: overflow_error.
    [[nodiscard]] money<C> size() const {
        money<C> t;
        for (const auto& l : lines) {
            if (l.expenditure > zero) t = t + l.expenditure;
            if (l.income > zero) t = t + l.income;
        }
        return t;
    }
    /// Returns: nothing (a request that balances passes).
    /// Throws: invalid_argument naming the difference ("£9,000.00") when the request does not
    /// balance; overflow_error.
    void check() const {
        const money<C> d = imbalance();
        if (!d.is_zero()) {
            const std::string shown = to_string(d, money_format::full());
            throw invalid_argument(
                "the virement does not balance: expenditure and income changes differ by " + shown,
                shown);
        }
    }
    /// A table of virements lists each one's lines under its narration (seed 003 Annex B-2a:
    /// four virements, two lines each).
    /// Returns: one request per narration, in the order each first appears, its lines in table
    /// order — so that each can be checked on its own (a table can balance in total while two
    /// of its virements are out by opposite amounts).
    /// Throws: std::bad_alloc.
    [[nodiscard]] std::vector<virement_request> by_narration() const {
        std::vector<virement_request> groups;
        std::vector<std::string> names;
        for (const auto& l : lines) {
            std::size_t g = 0;
            while (g < names.size() && names[g] != l.narration) ++g;
            if (g == names.size()) {
                names.push_back(l.narration);
                groups.emplace_back();
            }
            groups[g].lines.push_back(l);
        }
        return groups;
    }
};

/// Who approves a virement of a given size: thresholds in ascending order, then a final level.
template <class C>
class virement_rules {
public:
    /// `levels`: (up to and including this size, approver), ascending; `above`: beyond them.
    /// Returns: the rules. Throws: invalid_argument if the thresholds are not strictly
    /// ascending or negative.
    virement_rules(std::vector<std::pair<money<C>, std::string>> levels, std::string above)
        : levels_(std::move(levels)), above_(std::move(above)) {
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            if (levels_[i].first < zero || (i > 0 && !(levels_[i - 1].first < levels_[i].first))) {
                throw invalid_argument("virement thresholds must be non-negative and ascending");
            }
        }
    }
    /// Returns: the approver for a virement of `size`.
    [[nodiscard]] const std::string& approver_for(money<C> size) const noexcept {
        for (const auto& l : levels_) {
            if (size <= l.first) return l.second;
        }
        return above_;
    }

private:
    std::vector<std::pair<money<C>, std::string>> levels_;
    std::string above_;
};

}  // namespace bmm
