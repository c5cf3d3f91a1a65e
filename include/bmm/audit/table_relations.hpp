// bmm — audit/table_relations: a published budget table's relations as a relation_set.
//
// Each row's six figures become cells (a blank figure a cell that is not printed), and the rules
// audit/table.hpp checks become relations, in the order it checks them, so that the plain
// audit of the set gives audit_budget_table's findings: the same cells, verdicts, figures and
// intervals, in the same order. A figure the audit derives (a member's forecast = its budget +
// its variance, a variance from a change and a previous variance, …) is a relation that defines
// a blank cell. Every relation holds of the table's true figures, whichever of its cells is
// printed.
//
//   rule        relation                     derived cell   when
//   sum         total = Σ its members        the total's    budget always; forecast, previous
//                                                           variance when printed; variance
//                                                           (change) when the forecast
//                                                           (previous variance) is blank
//   variance    variance = forecast − budget variance       (the forecast, when it is blank)
//   variance_pct pct = 100 × variance ÷ |budget| (or ÷ budget: the options' basis)
//   change      change = variance − previous change         (the variance or previous, when
//                                                           blank)
//
//   bmm::relation_set s = bmm::budget_table_relations(rows, options);
//   bmm::audit(s, bmm::audit_options{}) == bmm::audit_budget_table(rows, options);   // true
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../decimal.hpp"
#include "../detail/totals.hpp"
#include "../error.hpp"
#include "../ratio.hpp"
#include "finding.hpp"
#include "relations.hpp"
#include "table.hpp"

namespace bmm {

/// Returns: the relations of a published budget table (see the header comment).
/// Throws: invalid_argument naming the first bad row, as audit_budget_table does.
[[nodiscard]] relation_set budget_table_relations(const std::vector<published_row>& rows,
                                                  const table_audit_options& options);

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// The cells of one row, by audit_column.
struct row_cells {
    std::array<cell_id, 6> id{};
    [[nodiscard]] cell_id operator[](audit_column c) const noexcept {
        return id[static_cast<std::size_t>(c)];
    }
};

/// Builds a relation_set from rows of a budget table (the whole table, or the rows near a
/// finding: localization's neighbourhoods).
class table_relation_builder {
public:
    table_relation_builder(relation_set& s, const table_audit_options& options) noexcept
        : s_(&s), options_(&options) {}

    /// Adds the row's six cells. Returns: their ids.
    row_cells add_cells(const published_row& r, std::size_t index) {
        row_cells out;
        const std::optional<decimal>* figures[6] = {
            &r.budget, &r.forecast, &r.variance, &r.variance_pct, &r.change, &r.previous_variance};
        for (std::size_t c = 0; c < 6; ++c) {
            cell_ref where{options_->section, r.name,
                           std::string(to_string(static_cast<audit_column>(c))), index,
                           std::nullopt};
            printed_cell cell = *figures[c]
                                    ? printed_cell::figure(where, **figures[c], options_->mode)
                                    : printed_cell::blank(where, options_->mode);
            if (r.source_line) {
                cell.where.source = source_position{options_->file, *r.source_line, std::nullopt};
            }
            out.id[c] = s_->add_cell(std::move(cell));
        }
        return out;
    }

    /// Adds the row's relations in the order audit_budget_table checks them: for a total, the
    /// sums over `members` (each a row and its cells) and, at the end, any `extra` member
    /// terms (aggregates of members not copied: a cell per column, or none).
    void add_relations(const published_row& r, const row_cells& c,
                       const std::vector<std::pair<const published_row*, row_cells>>& members,
                       const std::array<std::optional<cell_id>, 6>& extra) {
        const bool total = r.level > 0;
        auto sum = [&](audit_column col) {
            std::vector<cell_id> of;
            for (const auto& m : members) of.push_back(m.second[col]);
            if (auto e = extra[static_cast<std::size_t>(col)]) of.push_back(*e);
            s_->add_sum("sum", c[col], of);
        };
        auto need = [&](audit_column col) {
            for (const auto& m : members) {
                if (!gives(col, *m.first)) {
                    fail(r, "is a total printing a " + std::string(to_string(col)) + " that " +
                                where(*m.first, m.second) + " neither prints nor lets be derived");
                }
            }
        };
        const bool f = r.forecast.has_value(), v = r.variance.has_value();
        const bool prev = r.previous_variance.has_value(), chg = r.change.has_value();
        if (total) {
            sum(audit_column::budget);
            if (f) {
                need(audit_column::forecast);
                sum(audit_column::forecast);
            }
        }
        // variance = forecast - budget, judged at the variance when both are printed; else it
        // defines the blank one (a total's variance without a forecast is the sum of its
        // members' variances).
        if (v && !f && total) {
            need(audit_column::variance);
            sum(audit_column::variance);
        }
        if (v || f) {
            const cell_id derived = v && !f ? c[audit_column::forecast] : c[audit_column::variance];
            s_->add_linear("variance",
                           {term{ratio(1), c[audit_column::variance]},
                            term{ratio(-1), c[audit_column::forecast]},
                            term{ratio(1), c[audit_column::budget]}},
                           ratio(), derived);
        }
        if (r.variance_pct) {
            if (!v && !f && *r.budget != zero) {
                fail(r, "prints a variance % but neither a variance nor a forecast");
            }
            s_->add_percent("variance_pct", c[audit_column::variance_pct],
                            c[audit_column::variance], c[audit_column::budget], options_->basis);
        }
        if (prev && total) {
            need(audit_column::previous_variance);
            sum(audit_column::previous_variance);
        }
        if (chg && !prev && total) {
            need(audit_column::change);
            sum(audit_column::change);
        }
        if (chg && prev && !v && !f) {
            fail(r, "prints a change but neither a variance nor a forecast");
        }
        // change = variance - previous: judged at the change when it and the previous are
        // printed; else it defines the blank one of the three.
        if ((chg || prev) && (v || f || (chg && prev))) {
            cell_id derived = c[audit_column::change];
            if (chg && !prev) derived = c[audit_column::previous_variance];
            if (chg && prev && !v && !f) derived = c[audit_column::variance];
            s_->add_linear("change",
                           {term{ratio(1), c[audit_column::change]},
                            term{ratio(-1), c[audit_column::variance]},
                            term{ratio(1), c[audit_column::previous_variance]}},
                           ratio(), derived);
        }
    }

    /// Returns: true when row m prints column col or lets it be derived (as the audit does).
    [[nodiscard]] static bool gives(audit_column col, const published_row& m) noexcept {
        const bool direct = m.variance || m.forecast;
        switch (col) {
            case audit_column::budget:
                return m.budget.has_value();
            case audit_column::forecast:
                return m.forecast || m.variance;
            case audit_column::variance:
                return direct || (m.change && m.previous_variance);
            case audit_column::previous_variance:
                return m.previous_variance || (m.change && direct);
            case audit_column::change:
                return m.change || (m.previous_variance && direct);
            case audit_column::variance_pct:
                break;
        }
        return false;
    }

    [[noreturn]] void fail(const published_row& r, const std::string& why) const {
        throw invalid_argument(where(r, std::nullopt) + ", " + why, r.name);
    }

    /// The row's index, for messages: set by the caller before each row's relations.
    std::size_t current_index = 0;

private:
    [[nodiscard]] std::string where(const published_row& r, std::optional<row_cells> cells) const {
        const std::size_t index =
            cells ? *s_->cell((*cells)[audit_column::budget]).where.row_index : current_index;
        std::string w = "row " + std::to_string(index + 1);
        if (r.source_line) w += " (line " + std::to_string(*r.source_line) + ')';
        w += ", \"";
        w += r.name;
        w += '"';
        return w;
    }

    relation_set* s_;
    const table_audit_options* options_;
};

}  // namespace detail

inline relation_set budget_table_relations(const std::vector<published_row>& rows,
                                           const table_audit_options& options) {
    relation_set s;
    detail::table_relation_builder builder(s, options);
    detail::total_tracker totals;
    std::vector<std::optional<detail::row_cells>> cells(rows.size());
    const std::array<std::optional<cell_id>, 6> none{};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const published_row& r = rows[i];
        if (r.is_heading()) continue;
        builder.current_index = i;
        if (r.level < 0) builder.fail(r, "has a negative level");
        if (!r.budget) builder.fail(r, "prints figures but no budget");
        std::vector<std::pair<const published_row*, detail::row_cells>> members;
        if (r.level > 0) {
            const std::vector<std::size_t> of = totals.members(r.level);
            if (of.empty()) builder.fail(r, "is a total with nothing to sum");
            for (std::size_t m : of) members.emplace_back(&rows[m], *cells[m]);
        }
        cells[i] = builder.add_cells(r, i);
        builder.add_relations(r, *cells[i], members, none);
        if (r.level > 0) {
            totals.total(i, r.level);
        } else {
            totals.line(i);
        }
    }
    return s;
}

}  // namespace bmm
