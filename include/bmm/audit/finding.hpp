// bmm — audit/finding: the one shape of every audit's result.
//
// Each audit (a budget table, a sum, a share, a status, a summary, savings, risks, year to date)
// checks printed cells against what the other printed cells imply, and says of each one:
//
//   verdict          the printed figure ...
//   agrees           is what its inputs give (audits count these; they do not store them)
//   rounding         differs, but some true values inside its inputs' printed intervals give it
//   sign_convention  holds only under the other sign convention (a % of a negative budget)
//   error            cannot follow from its inputs: no values inside their intervals give it
//   follows          is wrong only because a cell it is derived from is wrong
//   undecided        the data cannot decide (several cells could be the wrong one, or a
//                    needed figure is not printed)
//
// A finding says where the cell is (section, row, column, its index, its place in a source
// file), the rule it was checked by, the printed figure, the values that fit it, the expected
// figure and the verdict; an explanation in words where the fields do not say it all; and, for
// localization, a likely cause, the cells it follows from and the co-minimal alternatives.
// A `findings` collection holds the stored findings in order and counts every verdict, stored or
// counted only (a huge table's rounding findings may be counted without being stored).
//
//   operation                          result        note
//   findings.add(f)                    void          stores f, counts its verdict
//   findings.tally(v)                  void          counts v without storing a finding
//   findings.pop_back()                void          removes the last stored finding and its count
//   findings.append(other)             void          other's findings after these, counts added
//   findings.count(v), .errors()       std::size_t   stored and counted alike
//   findings.cells_checked()           std::size_t   the sum of every verdict's count
//   findings.ok()                      bool          no error, nothing that follows from one
//   finding == finding, findings == …  bool          every member equal
//
//   bmm::findings r = bmm::audit_sum(d("4.3"), {d("1.0"), d("1.0"), d("1.0"), d("1.0")},
//                                    bmm::rounding_mode::floor);
//   r.count(bmm::verdict::rounding);   // 1: four 1.09s truncate to 1.0, 4.36 to 4.3
//   r[0].printed;                      // "4.3"
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../detail/text.hpp"
#include "../error.hpp"
#include "interval.hpp"

namespace bmm {

/// What an audit says of a printed cell (see the header comment).
enum class verdict : std::uint8_t { agrees, rounding, sign_convention, error, follows, undecided };

/// Returns: "agrees", "rounding", "sign_convention", "error", "follows", "undecided".
[[nodiscard]] constexpr std::string_view to_string(verdict v) noexcept {
    constexpr std::string_view names[] = {"agrees", "rounding", "sign_convention",
                                          "error",  "follows",  "undecided"};
    return names[static_cast<std::size_t>(v)];
}
/// Returns: the verdict named by `text` as to_string spells it (ASCII case ignored, surrounding
/// space trimmed), or std::nullopt.
[[nodiscard]] constexpr std::optional<verdict> try_parse_verdict(std::string_view text) noexcept {
    text = detail::trim(text);
    for (std::uint8_t i = 0; i < 6; ++i) {
        if (detail::iequals(text, to_string(static_cast<verdict>(i)))) {
            return static_cast<verdict>(i);
        }
    }
    return std::nullopt;
}
/// Returns: the verdict named by `text`, as try_parse_verdict.
/// Throws: parse_error naming the text when it names none.
[[nodiscard]] inline verdict parse_verdict(std::string_view text) {
    if (auto v = try_parse_verdict(text)) return *v;
    throw parse_error(text, "a verdict",
                      "expected agrees, rounding, sign_convention, error, follows or undecided");
}

/// Where a cell was read: a file (empty when the text had no file name), its line (from 1) and,
/// when known, its column (from 1).
struct source_position {
    std::string file;
    std::size_t line = 1;
    std::optional<std::size_t> column;

    friend bool operator==(const source_position& a, const source_position& b) noexcept {
        return a.file == b.file && a.line == b.line && a.column == b.column;
    }
    friend bool operator!=(const source_position& a, const source_position& b) noexcept {
        return !(a == b);
    }
};

/// A printed cell: the section (table or paragraph) it is in, its row and column as the report
/// names them, the row's index among the audited rows (from 0), and where it was read.
struct cell_ref {
    std::string section;
    std::string row;
    std::string column;
    std::optional<std::size_t> row_index;
    std::optional<source_position> source;

    friend bool operator==(const cell_ref& a, const cell_ref& b) noexcept {
        return a.section == b.section && a.row == b.row && a.column == b.column &&
               a.row_index == b.row_index && a.source == b.source;
    }
    friend bool operator!=(const cell_ref& a, const cell_ref& b) noexcept { return !(a == b); }
};

/// What an audit says of one printed cell.
struct finding {
    cell_ref where;
    /// The rule the cell was checked by: a short name ("sum", "variance", "variance_pct",
    /// "change", "share", "count", "rating", ...; each audit's header lists its own).
    std::string rule;
    std::string printed;  ///< the figure (or status, band, arrow) as printed
    /// The true values of this cell that its inputs' printed intervals allow (std::nullopt when
    /// unbounded, or when the cell is not a figure).
    std::optional<printed_interval> fits;
    /// What the inputs give, as the cell would print it (a figure at the printed places).
    std::string expected;
    bmm::verdict verdict = bmm::verdict::error;
    std::string explanation;  ///< in words, where the fields above do not say it all

    // Localization (each may be empty: the audit did not localize).
    std::string likely_cause;  ///< e.g. "sign flipped", "digits transposed", "£000 as £m"
    /// The cells this one is derived from whose findings explain it (verdict follows).
    std::vector<cell_ref> follows_from;
    /// Other sets of cells whose change would explain the data as well (verdict undecided).
    std::vector<std::vector<cell_ref>> alternatives;

    friend bool operator==(const finding& a, const finding& b) noexcept {
        return a.where == b.where && a.rule == b.rule && a.printed == b.printed &&
               a.fits == b.fits && a.expected == b.expected && a.verdict == b.verdict &&
               a.explanation == b.explanation && a.likely_cause == b.likely_cause &&
               a.follows_from == b.follows_from && a.alternatives == b.alternatives;
    }
    friend bool operator!=(const finding& a, const finding& b) noexcept { return !(a == b); }
};

/// The result of every audit: the stored findings in order, and a count of every verdict given,
/// stored or counted only.
class findings {
public:
    using value_type = finding;
    using const_iterator = std::vector<finding>::const_iterator;

    /// Stores f (after the others) and counts its verdict.
    void add(finding f) {
        stored_.push_back(std::move(f));
        ++counts_[static_cast<std::size_t>(stored_.back().verdict)];
    }
    /// Removes the last stored finding and its count. Requires: !empty().
    void pop_back() noexcept {
        --counts_[static_cast<std::size_t>(stored_.back().verdict)];
        stored_.pop_back();
    }
    /// Counts n cells of verdict v without storing a finding for them.
    void tally(bmm::verdict v, std::size_t n = 1) noexcept {
        counts_[static_cast<std::size_t>(v)] += n;
    }
    /// Appends other's stored findings after these and adds its counts.
    void append(findings other) {
        for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
        if (stored_.empty()) {
            stored_ = std::move(other.stored_);
            return;
        }
        stored_.reserve(stored_.size() + other.stored_.size());
        for (finding& f : other.stored_) stored_.push_back(std::move(f));
    }

    /// Returns: how many cells were given verdict v, stored or counted only.
    [[nodiscard]] std::size_t count(bmm::verdict v) const noexcept {
        return counts_[static_cast<std::size_t>(v)];
    }
    /// Returns: count(verdict::error).
    [[nodiscard]] std::size_t errors() const noexcept { return count(bmm::verdict::error); }
    /// Returns: true when no cell is an error or follows from one.
    [[nodiscard]] bool ok() const noexcept {
        return errors() == 0 && count(bmm::verdict::follows) == 0;
    }
    /// Returns: every verdict's count added: the cells (and checks) the audit made.
    [[nodiscard]] std::size_t cells_checked() const noexcept {
        std::size_t n = 0;
        for (std::size_t c : counts_) n += c;
        return n;
    }

    /// Returns: the stored findings, in the order the audit gave them.
    [[nodiscard]] const std::vector<finding>& stored() const noexcept { return stored_; }
    /// Returns: the stored findings, moved out; the counts stay.
    [[nodiscard]] std::vector<finding> take_stored() noexcept {
        std::vector<finding> out = std::move(stored_);
        stored_.clear();
        return out;
    }
    [[nodiscard]] std::size_t size() const noexcept { return stored_.size(); }
    [[nodiscard]] bool empty() const noexcept { return stored_.empty(); }
    [[nodiscard]] const finding& operator[](std::size_t i) const noexcept { return stored_[i]; }
    [[nodiscard]] const_iterator begin() const noexcept { return stored_.begin(); }
    [[nodiscard]] const_iterator end() const noexcept { return stored_.end(); }

    friend bool operator==(const findings& a, const findings& b) noexcept {
        return a.counts_ == b.counts_ && a.stored_ == b.stored_;
    }
    friend bool operator!=(const findings& a, const findings& b) noexcept { return !(a == b); }

private:
    std::vector<finding> stored_;
    std::array<std::size_t, 6> counts_{};
};

}  // namespace bmm
