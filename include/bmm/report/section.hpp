// bmm — report/section: one printed table of a report, as printed, with what each column is.
//
// A report is entered as printed: every table keeps its printed headings and cells (blank is
// "not printed", never zero), and a declaration says what each column is — its role, and for
// some roles the period, status or unit it speaks of — or that it is ignored. The section's
// kind says what the table is (a performance table, a summary, a list, a finance table ...),
// and so which roles it may declare:
//
//   kind             a row is                       roles (besides ignore, note, label, group)
//   measures         a measure's row                id, measure, title, owner, actual, target,
//                                                   status, ytd_actual, ytd_target, ytd_status,
//                                                   cumulative, outlook, outcome
//   measure_info     a measure's annotation         id, unit, polarity, ytd_rule, frequency,
//                    (not printed)                  arrears, band, period_figure, title
//   summary          a period's or group's counts   count, share (each of a status), period
//   measure_list     a listed measure               measure (its rule: the section's status)
//   status_changes   a change ("Red to Green")      measures
//   exceptions       an exception measure           measure, status (of a period), owner
//   group_status     a group's roll-up              status (of a period)
//   status_key       a symbol and its meaning       symbol, meaning
//   finance          a budget line or total         budget, forecast, variance, variance_pct,
//                                                   previous_variance, change, actual, amount
//   risks            a strategic risk               description, inherent, previous_residual,
//                                                   residual, likelihood, impact, rating, travel
//   balances         an item of a roll-forward      kind, amount, claim
//   claims           a statement of the text        id, source, quote, figures, claim_kind,
//                                                   claim
//   text             printed text, not audited      (note only)
//
// A cell of a section is named by the section's file, its row's label (the cell of the role
// `label`, `id` or `measure`, else its index) and the column's printed heading: the cell_ref
// every finding about it carries, with the place it was read (FILE:LINE:COLUMN).
//
//   bmm::section_declaration d{"occ_measures", {{"Measure", bmm::column_role::id},
//                                               {"Status", bmm::column_role::status}}};
//   d.find(bmm::column_role::status);      // 1
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../audit/finding.hpp"
#include "../detail/text.hpp"
#include "../error.hpp"
#include "printed.hpp"

namespace bmm {

/// A located error in a report's data: what() is "FILE:LINE:COLUMN: message" (the column left
/// out when not known), so a tool can print it as it is.
class report_error : public error {
public:
    /// Throws: std::bad_alloc.
    report_error(source_position where, const std::string& message, std::string_view input = {})
        : error(errc::parse, message, input),
          where_(std::move(where)),
          message_(message),
          text_(located(where_, message)) {}
    [[nodiscard]] const char* what() const noexcept override { return text_.c_str(); }
    /// Returns: where the offending input is.
    [[nodiscard]] const source_position& where() const noexcept { return where_; }
    /// Returns: the message without the place.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    /// Returns: "FILE:LINE:COLUMN: " for `where` ("FILE:LINE: " without a column).
    [[nodiscard]] static std::string place(const source_position& where) {
        std::string s = where.file.empty() ? std::string("(input)") : where.file;
        s += ":" + std::to_string(where.line);
        if (where.column) s += ":" + std::to_string(*where.column);
        return s;
    }

private:
    static std::string located(const source_position& w, const std::string& m) {
        return place(w) + ": " + m;
    }
    source_position where_;
    std::string message_;
    std::string text_;
};

/// What a section is (see the header comment).
enum class section_kind : std::uint8_t {
    measures,
    measure_info,
    summary,
    measure_list,
    status_changes,
    exceptions,
    group_status,
    status_key,
    finance,
    risks,
    balances,
    claims,
    text,
};
inline constexpr std::size_t section_kind_count = 13;

/// Returns: the kind's name as the layout spells it ("measures", "measure_info", ...).
[[nodiscard]] constexpr std::string_view to_string(section_kind k) noexcept {
    constexpr std::string_view names[section_kind_count] = {
        "measures",   "measure_info", "summary",    "measure_list", "status_changes",
        "exceptions", "group_status", "status_key", "finance",      "risks",
        "balances",   "claims",       "text"};
    return names[static_cast<std::size_t>(k)];
}
/// Returns: the kind `text` names (ASCII case ignored, space trimmed), or std::nullopt.
[[nodiscard]] constexpr std::optional<section_kind> try_parse_section_kind(
    std::string_view text) noexcept {
    text = detail::trim(text);
    for (std::size_t i = 0; i < section_kind_count; ++i) {
        if (detail::iequals(text, to_string(static_cast<section_kind>(i)))) {
            return static_cast<section_kind>(i);
        }
    }
    return std::nullopt;
}
/// Returns: the kind `text` names. Throws: parse_error naming the text when it names none.
[[nodiscard]] inline section_kind parse_section_kind(std::string_view text) {
    if (auto k = try_parse_section_kind(text)) return *k;
    throw parse_error(text, "a section kind",
                      "expected measures, measure_info, summary, measure_list, status_changes, "
                      "exceptions, group_status, status_key, finance, risks, balances, claims "
                      "or text");
}

/// What a column holds (see the header comment for which kinds use which).
enum class column_role : std::uint8_t {
    ignore,
    note,
    label,
    group,
    id,
    measure,
    title,
    owner,
    actual,
    target,
    status,
    ytd_actual,
    ytd_target,
    ytd_status,
    cumulative,
    outlook,
    outcome,
    unit,
    polarity,
    ytd_rule,
    frequency,
    arrears,
    band,
    count,
    share,
    period,
    measures,
    symbol,
    meaning,
    budget,
    forecast,
    variance,
    variance_pct,
    previous_variance,
    change,
    amount,
    description,
    inherent,
    previous_residual,
    residual,
    likelihood,
    impact,
    rating,
    travel,
    kind,
    claim,
    source,
    quote,
    figures,
    claim_kind,
    period_figure,
};
inline constexpr std::size_t column_role_count = 51;

/// Returns: the role's name as the layout spells it ("ytd_actual", "variance_pct", ...).
[[nodiscard]] constexpr std::string_view to_string(column_role r) noexcept {
    constexpr std::string_view names[column_role_count] = {"ignore",
                                                           "note",
                                                           "label",
                                                           "group",
                                                           "id",
                                                           "measure",
                                                           "title",
                                                           "owner",
                                                           "actual",
                                                           "target",
                                                           "status",
                                                           "ytd_actual",
                                                           "ytd_target",
                                                           "ytd_status",
                                                           "cumulative",
                                                           "outlook",
                                                           "outcome",
                                                           "unit",
                                                           "polarity",
                                                           "ytd_rule",
                                                           "frequency",
                                                           "arrears",
                                                           "band",
                                                           "count",
                                                           "share",
                                                           "period",
                                                           "measures",
                                                           "symbol",
                                                           "meaning",
                                                           "budget",
                                                           "forecast",
                                                           "variance",
                                                           "variance_pct",
                                                           "previous_variance",
                                                           "change",
                                                           "amount",
                                                           "description",
                                                           "inherent",
                                                           "previous_residual",
                                                           "residual",
                                                           "likelihood",
                                                           "impact",
                                                           "rating",
                                                           "travel",
                                                           "kind",
                                                           "claim",
                                                           "source",
                                                           "quote",
                                                           "figures",
                                                           "claim_kind",
                                                           "period_figure"};
    return names[static_cast<std::size_t>(r)];
}
/// Returns: the role `text` names (ASCII case ignored, space trimmed), or std::nullopt.
[[nodiscard]] constexpr std::optional<column_role> try_parse_column_role(
    std::string_view text) noexcept {
    text = detail::trim(text);
    for (std::size_t i = 0; i < column_role_count; ++i) {
        if (detail::iequals(text, to_string(static_cast<column_role>(i)))) {
            return static_cast<column_role>(i);
        }
    }
    return std::nullopt;
}
/// Returns: the role `text` names. Throws: parse_error naming the text when it names none.
[[nodiscard]] inline column_role parse_column_role(std::string_view text) {
    if (auto r = try_parse_column_role(text)) return *r;
    throw parse_error(text, "a column role", "not one of the roles of docs/report-layout.md");
}

/// Returns: true when a section of kind k may declare a column of role r.
[[nodiscard]] constexpr bool role_allowed(section_kind k, column_role r) noexcept {
    using R = column_role;
    if (r == R::ignore || r == R::note || r == R::label || r == R::group) return true;
    switch (k) {
        case section_kind::measures:
            return r == R::id || r == R::measure || r == R::title || r == R::owner ||
                   r == R::actual || r == R::target || r == R::status || r == R::ytd_actual ||
                   r == R::ytd_target || r == R::ytd_status || r == R::cumulative ||
                   r == R::outlook || r == R::outcome;
        case section_kind::measure_info:
            return r == R::id || r == R::unit || r == R::polarity || r == R::ytd_rule ||
                   r == R::frequency || r == R::arrears || r == R::band || r == R::period_figure ||
                   r == R::title;
        case section_kind::summary:
            return r == R::count || r == R::share || r == R::period;
        case section_kind::measure_list:
            return r == R::measure;
        case section_kind::status_changes:
            return r == R::measures;
        case section_kind::exceptions:
            return r == R::measure || r == R::status || r == R::owner;
        case section_kind::group_status:
            return r == R::status;
        case section_kind::status_key:
            return r == R::symbol || r == R::meaning;
        case section_kind::finance:
            return r == R::budget || r == R::forecast || r == R::variance || r == R::variance_pct ||
                   r == R::previous_variance || r == R::change || r == R::actual || r == R::amount;
        case section_kind::risks:
            return r == R::description || r == R::inherent || r == R::previous_residual ||
                   r == R::residual || r == R::likelihood || r == R::impact || r == R::rating ||
                   r == R::travel;
        case section_kind::balances:
            return r == R::kind || r == R::amount || r == R::claim;
        case section_kind::claims:
            return r == R::id || r == R::source || r == R::quote || r == R::figures ||
                   r == R::claim_kind || r == R::claim;
        case section_kind::text:
            return false;
    }
    return false;
}

/// One printed column: its heading as printed, its role, and (for some roles) the period,
/// status or unit it speaks of ("April 2023" for an "April Status:" column; "Green" for a
/// count; "£000" for a finance column).
struct column_declaration {
    std::string heading;
    column_role role = column_role::ignore;
    std::string period;
    std::string status;
    std::string unit;
    std::optional<source_position> source;  ///< where the declaration was read

    friend bool operator==(const column_declaration& a, const column_declaration& b) noexcept {
        return a.heading == b.heading && a.role == b.role && a.period == b.period &&
               a.status == b.status && a.unit == b.unit;
    }
    friend bool operator!=(const column_declaration& a, const column_declaration& b) noexcept {
        return !(a == b);
    }
};

/// The columns of a printed table, in order: every printed column declared or ignored.
struct section_declaration {
    std::string name;
    std::vector<column_declaration> columns;
    /// A kind's built-in declaration (builtin_declaration): its columns are matched by heading,
    /// in any order, each optional; it is not written to declarations.csv.
    bool builtin = false;

    /// Returns: the index of the first column of role r, or std::nullopt.
    [[nodiscard]] std::optional<std::size_t> find(column_role r) const noexcept {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].role == r) return i;
        }
        return std::nullopt;
    }
    /// Returns: the indices of every column of role r, in order.
    [[nodiscard]] std::vector<std::size_t> all(column_role r) const {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].role == r) out.push_back(i);
        }
        return out;
    }
};

/// One printed row: its cells in column order, and the line it was read from.
struct printed_row {
    std::vector<section_cell> cells;
    std::size_t line = 0;
};

/// How a section's file was written, so that writing it back gives the same bytes.
struct csv_layout {
    bool bom = false;
    bool crlf = false;
    bool final_newline = true;
    /// Per row (the heading row first), per cell: printed in double quotes.
    std::vector<std::vector<bool>> quoted;
};

/// One printed table of a report, as printed (see the header comment).
struct printed_section {
    std::string file;  ///< its file in the report's folder ("table11_financial_position.csv")
    section_kind kind = section_kind::text;
    std::string title;        ///< as the report names it ("Table 11"); may be empty
    std::string period;       ///< the period its figures are for ("May 2023"); empty: the report's
    std::string group;        ///< the group its rows belong to ("OCC01"); may be empty
    std::string same_as;      ///< the file of the table it reprints; may be empty
    std::string rule;         ///< a list's rule ("Red", "exceptions"); may be empty
    std::string declaration;  ///< the name of its declaration
    /// A finance table declared by a table declaration file instead (report/declared_section.hpp):
    /// its name in the folder ("adult_services.decl"); empty otherwise.
    std::string table_declaration;
    std::vector<section_cell> headings;
    std::vector<printed_row> rows;
    csv_layout layout;
    std::optional<source_position> source;  ///< where tables.csv lists it

    /// Returns: the cell_ref of row r, column c: this file, the row's label (as label_of), the
    /// column's heading, the row index, and where the cell was read.
    [[nodiscard]] cell_ref ref(std::size_t r, std::size_t c, const section_declaration& d) const {
        cell_ref out;
        out.section = file;
        out.row = label_of(r, d);
        out.column = column_name(c, d);
        out.row_index = r;
        if (r < rows.size() && c < rows[r].cells.size()) out.source = rows[r].cells[c].source;
        return out;
    }
    /// Returns: the name findings give column c: its heading; a blank heading of a share
    /// printed beside its count (a heading over both) is the count's heading and " %".
    [[nodiscard]] std::string column_name(std::size_t c, const section_declaration& d) const {
        if (c >= headings.size()) return {};
        if (!detail::trim(headings[c].text).empty() || c == 0 || c >= d.columns.size()) {
            return headings[c].text;
        }
        if (d.columns[c].role == column_role::share &&
            !detail::trim(headings[c - 1].text).empty()) {
            return headings[c - 1].text + " %";
        }
        return headings[c].text;
    }
    /// Returns: the text of row r's label: its `label`, `id` or `measure` cell (a measure cell
    /// "OCC01.02: Total No. of ..." gives its id; a blank label its first printed `group` cell,
    /// else "(row N)", N from 1), else the first cell.
    [[nodiscard]] std::string label_of(std::size_t r, const section_declaration& d) const {
        if (r >= rows.size()) return {};
        const auto& cells = rows[r].cells;
        for (column_role role : {column_role::label, column_role::id, column_role::measure}) {
            if (auto c = d.find(role); c && *c < cells.size()) {
                std::string t(detail::trim(cells[*c].text));
                if (role == column_role::measure) {
                    std::size_t k = 0;
                    while (k < t.size() && t[k] != ':' && !detail::is_space(t[k])) ++k;
                    t = t.substr(0, k);
                }
                if (t.empty()) {
                    // An unlabelled row: its group cell ("Grand Total"), else its place.
                    for (std::size_t g : d.all(column_role::group)) {
                        if (g < cells.size() && !detail::trim(cells[g].text).empty()) {
                            return std::string(detail::trim(cells[g].text));
                        }
                    }
                    return "(row " + std::to_string(r + 1) + ")";
                }
                return t;
            }
        }
        return cells.empty() ? std::string() : std::string(detail::trim(cells[0].text));
    }
    /// Returns: the text of row r's cell of role `role` (the first such column), or nullptr
    /// when the section declares no such column.
    [[nodiscard]] const section_cell* cell(std::size_t r, column_role role,
                                           const section_declaration& d) const noexcept {
        auto c = d.find(role);
        if (!c || r >= rows.size() || *c >= rows[r].cells.size()) return nullptr;
        return &rows[r].cells[*c];
    }
};

/// Returns: the declaration a section of kind k has when tables.csv names none: its columns
/// headed by their roles' names ("id", "ytd_actual"), in any order, each optional (a measures
/// table: id, title, owner, actual, target, status, ytd_actual, ytd_target, ytd_status; a
/// summary: label, green, amber, red, unrated, total, the counts of each status). Its name is
/// the kind's. A text section has none: its every column is a note.
[[nodiscard]] inline section_declaration builtin_declaration(section_kind k) {
    using R = column_role;
    section_declaration d;
    d.name = std::string(to_string(k));
    d.builtin = true;
    auto add = [&](R r, std::string status = {}) {
        column_declaration c;
        c.role = r;
        c.heading = status.empty() ? std::string(to_string(r)) : status;
        if (!status.empty()) c.status = status;
        d.columns.push_back(std::move(c));
    };
    switch (k) {
        case section_kind::measures:
            for (R r : {R::id, R::title, R::owner, R::group, R::actual, R::target, R::status,
                        R::ytd_actual, R::ytd_target, R::ytd_status, R::note}) {
                add(r);
            }
            break;
        case section_kind::measure_info:
            for (R r : {R::id, R::title, R::group, R::unit, R::polarity, R::ytd_rule, R::frequency,
                        R::arrears, R::band, R::period_figure, R::note}) {
                add(r);
            }
            break;
        case section_kind::summary:
            add(R::label);
            for (const char* s : {"green", "amber", "red", "unrated", "total"}) add(R::count, s);
            break;
        case section_kind::measure_list:
            add(R::measure);
            break;
        case section_kind::status_changes:
            add(R::label);
            add(R::measures);
            break;
        case section_kind::exceptions:
            add(R::measure);
            add(R::status);
            add(R::owner);
            break;
        case section_kind::group_status:
            add(R::label);
            add(R::status);
            break;
        case section_kind::status_key:
            add(R::symbol);
            add(R::meaning);
            break;
        case section_kind::finance:
            for (R r : {R::label, R::budget, R::forecast, R::variance, R::variance_pct,
                        R::previous_variance, R::change, R::actual, R::amount, R::note}) {
                add(r);
            }
            break;
        case section_kind::risks:
            for (R r : {R::label, R::description, R::inherent, R::previous_residual, R::residual,
                        R::likelihood, R::impact, R::rating, R::travel}) {
                add(r);
            }
            break;
        case section_kind::balances:
            for (R r : {R::label, R::kind, R::amount, R::claim, R::note}) add(r);
            break;
        case section_kind::claims:
            for (R r : {R::id, R::source, R::quote, R::figures, R::claim_kind, R::claim}) add(r);
            break;
        case section_kind::text:
            break;
    }
    return d;
}

}  // namespace bmm
