// bmm — audit/table_declaration: what a printed table's columns and rows are, so that any
// council's table can be audited as printed.
//
// A table_declaration says, for one printed table: each printed column (by its heading as
// printed) with its role, block and unit, or that it is ignored; how the table was rounded;
// which way its variances run and what its variance % divides by; its nil marks; and how its
// rows group (a total names its members, a group column, the rows after a heading, or today's
// level rule). Relations no role covers are written as checks, R validate style. The text form
// (docs/tables.md) is read by bmm/io/table_declaration.hpp; bmm/audit/printed_table.hpp holds a
// table read under a declaration and turns it into relations.
//
//   role               relation (within one block: year, to_date, last_year or a named one)
//   variance           = forecast − budget (or budget − forecast: the direction); without a
//                        forecast, = actual − budget; without either, not checked
//   variance_pct       = 100 × variance ÷ |budget| (basis magnitude) or ÷ budget (signed)
//   movement           = forecast − previous_forecast
//   change             = variance − previous_variance
//   remaining          = budget − actual
//   pct_spent          = 100 × actual ÷ budget
//   at_risk            = planned − achieved
//   budget, original_budget, forecast, previous_forecast, actual, previous_variance,
//   planned, achieved, amount, count     inputs; summed by totals, as are the derived money roles
//   share, denominator  performance summaries (see `summary`)
//   sign               a word naming the sign of another column's figure ("ADV" / "FAV")
//   name, group, level, note, ignore     text (the row label, its group, today's level, notes)
//
//   table_declaration d;
//   d.rounding = bmm::rounding_mode::half_up;
//   d.columns.push_back(bmm::table_column::of("Service", bmm::table_role::name));
//   d.columns.push_back(bmm::table_column::of("Budget £000", bmm::table_role::budget,
//                                             bmm::table_unit::thousands));
//   d.find_column("Budget £000");   // the column, or nullptr
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../decimal.hpp"
#include "../detail/text.hpp"
#include "../error.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"
#include "comparison.hpp"
#include "finding.hpp"

namespace bmm {

/// Bad text of a printed table or its declaration, at a place in a file: a parse_error whose
/// what() ends "(at FILE:LINE:COLUMN)" and whose where() says the place.
class table_error : public parse_error {
public:
    table_error(source_position where, std::string_view input, std::string_view what,
                std::string_view why)
        : parse_error(input, what, std::string(why) + " (at " + place(where) + ")"),
          where_(std::move(where)),
          why_(why) {}

    /// Returns: where the bad text is (its file, line and column).
    [[nodiscard]] const source_position& where() const noexcept { return where_; }
    /// Returns: the reason alone.
    [[nodiscard]] const std::string& reason() const noexcept { return why_; }
    /// Returns: "FILE:LINE:COLUMN" ("FILE:LINE" without a column, "LINE:…" without a file).
    [[nodiscard]] static std::string place(const source_position& p) {
        std::string s = p.file.empty() ? std::string("<text>") : p.file;
        s += ':' + std::to_string(p.line);
        if (p.column) s += ':' + std::to_string(*p.column);
        return s;
    }

private:
    source_position where_;
    std::string why_;
};

/// What a printed column holds (see the header comment).
enum class table_role : std::uint8_t {
    name,
    group,
    level,
    budget,
    original_budget,
    forecast,
    previous_forecast,
    movement,
    actual,
    variance,
    variance_pct,
    previous_variance,
    change,
    remaining,
    pct_spent,
    planned,
    achieved,
    at_risk,
    count,
    share,
    denominator,
    amount,
    sign,
    note,
    ignore,
};
inline constexpr std::size_t table_role_count = 25;

/// Returns: the role's name as a declaration spells it ("variance_pct", "at_risk", ...).
[[nodiscard]] constexpr std::string_view to_string(table_role r) noexcept {
    constexpr std::string_view names[table_role_count] = {"name",
                                                          "group",
                                                          "level",
                                                          "budget",
                                                          "original_budget",
                                                          "forecast",
                                                          "previous_forecast",
                                                          "movement",
                                                          "actual",
                                                          "variance",
                                                          "variance_pct",
                                                          "previous_variance",
                                                          "change",
                                                          "remaining",
                                                          "pct_spent",
                                                          "planned",
                                                          "achieved",
                                                          "at_risk",
                                                          "count",
                                                          "share",
                                                          "denominator",
                                                          "amount",
                                                          "sign",
                                                          "note",
                                                          "ignore"};
    return names[static_cast<std::size_t>(r)];
}
/// Returns: the role `text` names (ASCII case ignored, space trimmed), or std::nullopt.
[[nodiscard]] constexpr std::optional<table_role> try_parse_table_role(
    std::string_view text) noexcept {
    text = detail::trim(text);
    for (std::size_t i = 0; i < table_role_count; ++i) {
        if (detail::iequals(text, to_string(static_cast<table_role>(i)))) {
            return static_cast<table_role>(i);
        }
    }
    return std::nullopt;
}
/// Returns: the role `text` names. Throws: parse_error naming the text when it names none.
[[nodiscard]] inline table_role parse_table_role(std::string_view text) {
    if (auto r = try_parse_table_role(text)) return *r;
    throw parse_error(text, "a column role", "not one of the roles of docs/tables.md");
}

/// Returns: true for a role whose cells are figures (money, a %, a count).
[[nodiscard]] constexpr bool is_figure(table_role r) noexcept {
    return r != table_role::name && r != table_role::group && r != table_role::level &&
           r != table_role::sign && r != table_role::note && r != table_role::ignore;
}
/// Returns: true for a role whose figures are percentages (variance_pct, pct_spent, share).
[[nodiscard]] constexpr bool is_percent(table_role r) noexcept {
    return r == table_role::variance_pct || r == table_role::pct_spent || r == table_role::share;
}
/// Returns: true for a role whose figures a total sums (money and counts; not %s, not a
/// summary's denominator).
[[nodiscard]] constexpr bool is_additive(table_role r) noexcept {
    return is_figure(r) && !is_percent(r) && r != table_role::denominator;
}

/// The unit of a column's figures.
enum class table_unit : std::uint8_t { none, pounds, thousands, millions, percent, count };

/// Returns: "", "£", "£000", "£m", "%", "count".
[[nodiscard]] constexpr std::string_view to_string(table_unit u) noexcept {
    constexpr std::string_view names[] = {"", "£", "£000", "£m", "%", "count"};
    return names[static_cast<std::size_t>(u)];
}
/// Returns: the unit `text` names ("£", "£000", "£'000", "£’000", "£k", "£m", "%", "count"),
/// or std::nullopt.
[[nodiscard]] constexpr std::optional<table_unit> try_parse_table_unit(
    std::string_view text) noexcept {
    text = detail::trim(text);
    if (text == "£") return table_unit::pounds;
    if (text == "£000" || text == "£'000" ||
        text ==
            "£\xE2\x80\x99"
            "000" ||
        text == "£k") {
        return table_unit::thousands;
    }
    if (text == "£m") return table_unit::millions;
    if (text == "%") return table_unit::percent;
    if (detail::iequals(text, "count")) return table_unit::count;
    return std::nullopt;
}
/// Returns: the unit `text` names. Throws: parse_error naming the text when it names none.
[[nodiscard]] inline table_unit parse_table_unit(std::string_view text) {
    if (auto u = try_parse_table_unit(text)) return *u;
    throw parse_error(text, "a unit", "expected £, £000, £'000, £m, % or count");
}
/// Returns: how many pounds one unit is (1 for %, count and none).
[[nodiscard]] constexpr std::int64_t pounds_per(table_unit u) noexcept {
    return u == table_unit::thousands ? 1000 : u == table_unit::millions ? 1000000 : 1;
}

/// What a nil mark ("-", "–", "#DIV/0!") stands for: a printed zero, or nothing printed.
enum class nil_meaning : std::uint8_t { printed_zero, absent };

/// Returns: "zero" or "absent".
[[nodiscard]] constexpr std::string_view to_string(nil_meaning m) noexcept {
    return m == nil_meaning::printed_zero ? "zero" : "absent";
}
/// Returns: the meaning `text` names, or std::nullopt.
[[nodiscard]] constexpr std::optional<nil_meaning> try_parse_nil_meaning(
    std::string_view text) noexcept {
    text = detail::trim(text);
    if (detail::iequals(text, "zero")) return nil_meaning::printed_zero;
    if (detail::iequals(text, "absent")) return nil_meaning::absent;
    return std::nullopt;
}
/// Returns: the meaning `text` names. Throws: parse_error naming the text otherwise.
[[nodiscard]] inline nil_meaning parse_nil_meaning(std::string_view text) {
    if (auto m = try_parse_nil_meaning(text)) return *m;
    throw parse_error(text, "a nil mark's meaning", "expected zero or absent");
}

/// A text printed for nil, and what it means.
struct nil_mark {
    std::string text;
    nil_meaning meaning = nil_meaning::absent;

    friend bool operator==(const nil_mark& a, const nil_mark& b) noexcept {
        return a.text == b.text && a.meaning == b.meaning;
    }
    friend bool operator!=(const nil_mark& a, const nil_mark& b) noexcept { return !(a == b); }
};

/// What brackets around a figure mean: a negative ("(1.2)"), or prose ("(83%)" in a sentence).
enum class bracket_style : std::uint8_t { negative, prose };

/// Returns: "negative" or "prose".
[[nodiscard]] constexpr std::string_view to_string(bracket_style b) noexcept {
    return b == bracket_style::negative ? "negative" : "prose";
}
/// Returns: the style `text` names, or std::nullopt.
[[nodiscard]] constexpr std::optional<bracket_style> try_parse_bracket_style(
    std::string_view text) noexcept {
    text = detail::trim(text);
    if (detail::iequals(text, "negative")) return bracket_style::negative;
    if (detail::iequals(text, "prose")) return bracket_style::prose;
    return std::nullopt;
}
/// Returns: the style `text` names. Throws: parse_error naming the text otherwise.
[[nodiscard]] inline bracket_style parse_bracket_style(std::string_view text) {
    if (auto b = try_parse_bracket_style(text)) return *b;
    throw parse_error(text, "a bracket style", "expected negative or prose");
}

/// Which way a table's variances run: spend − budget (an overspend positive: forecast − budget,
/// actual − budget), budget − spend (an underspend positive), or infer (read the cells both
/// ways and take the one they fit).
enum class variance_direction : std::uint8_t { spend_minus_budget, budget_minus_spend, infer };

/// Returns: "forecast - budget", "budget - forecast" or "infer".
[[nodiscard]] constexpr std::string_view to_string(variance_direction d) noexcept {
    constexpr std::string_view names[] = {"forecast - budget", "budget - forecast", "infer"};
    return names[static_cast<std::size_t>(d)];
}
/// Returns: the direction `text` names ("forecast - budget", "actual - budget",
/// "spend - budget", "budget - forecast", "budget - actual", "budget - spend", "infer"; spaces
/// around the "-" optional), or std::nullopt.
[[nodiscard]] inline std::optional<variance_direction> try_parse_variance_direction(
    std::string_view text) noexcept {
    text = detail::trim(text);
    if (detail::iequals(text, "infer")) return variance_direction::infer;
    const std::size_t dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const std::string_view a = detail::trim(text.substr(0, dash));
    const std::string_view b = detail::trim(text.substr(dash + 1));
    auto spend = [](std::string_view w) {
        return detail::iequals(w, "forecast") || detail::iequals(w, "actual") ||
               detail::iequals(w, "spend");
    };
    if (spend(a) && detail::iequals(b, "budget")) return variance_direction::spend_minus_budget;
    if (detail::iequals(a, "budget") && spend(b)) return variance_direction::budget_minus_spend;
    return std::nullopt;
}
/// Returns: the direction `text` names. Throws: parse_error naming the text otherwise.
[[nodiscard]] inline variance_direction parse_variance_direction(std::string_view text) {
    if (auto d = try_parse_variance_direction(text)) return *d;
    throw parse_error(text, "a variance direction",
                      "expected forecast - budget, budget - forecast (or actual/spend for "
                      "forecast) or infer");
}

/// What a table's variance % divides by: |budget|, the signed budget, or infer.
enum class percent_basis : std::uint8_t { magnitude, signed_budget, infer };

/// Returns: "magnitude", "signed" or "infer".
[[nodiscard]] constexpr std::string_view to_string(percent_basis b) noexcept {
    constexpr std::string_view names[] = {"magnitude", "signed", "infer"};
    return names[static_cast<std::size_t>(b)];
}
/// Returns: the basis `text` names ("magnitude", "signed", "infer"), or std::nullopt.
[[nodiscard]] constexpr std::optional<percent_basis> try_parse_percent_basis(
    std::string_view text) noexcept {
    text = detail::trim(text);
    if (detail::iequals(text, "magnitude")) return percent_basis::magnitude;
    if (detail::iequals(text, "signed")) return percent_basis::signed_budget;
    if (detail::iequals(text, "infer")) return percent_basis::infer;
    return std::nullopt;
}
/// Returns: the basis `text` names. Throws: parse_error naming the text otherwise.
[[nodiscard]] inline percent_basis parse_percent_basis(std::string_view text) {
    if (auto b = try_parse_percent_basis(text)) return *b;
    throw parse_error(text, "a percentage basis", "expected magnitude, signed or infer");
}

/// A row of a printed table: by its label ("Education"), the k-th row of a repeated label
/// ("Expenditure"#3), or its place among the data rows (@8, from 1; for an unlabelled row).
struct row_ref {
    std::string label;
    std::size_t occurrence = 0;             ///< 0: the label names one row; k >= 1: its k-th row
    std::optional<std::size_t> number;      ///< @N: the N-th data row (label unused)
    std::optional<source_position> source;  ///< where the reference was written

    /// Returns: a reference to the row labelled `label`.
    [[nodiscard]] static row_ref named(std::string label) {
        row_ref r;
        r.label = std::move(label);
        return r;
    }
    /// Returns: a reference to the n-th data row (from 1).
    [[nodiscard]] static row_ref at(std::size_t n) {
        row_ref r;
        r.number = n;
        return r;
    }
    /// Returns: the reference as a declaration writes it: "Education", "Expenditure"#3, @8.
    [[nodiscard]] std::string text() const {
        if (number) return "@" + std::to_string(*number);
        std::string s = "\"" + label + "\"";
        if (occurrence > 0) s += "#" + std::to_string(occurrence);
        return s;
    }
    friend bool operator==(const row_ref& a, const row_ref& b) noexcept {
        return a.label == b.label && a.occurrence == b.occurrence && a.number == b.number;
    }
    friend bool operator!=(const row_ref& a, const row_ref& b) noexcept { return !(a == b); }
};

/// One printed column: its heading as printed, its role, block and unit, and how its cells read.
struct table_column {
    std::string heading;
    table_role role = table_role::ignore;
    /// The block its relations hold in: "year" (the default), "to_date", "last_year" or a
    /// named period ("month 2", "expenditure").
    std::string block = "year";
    table_unit unit = table_unit::none;
    std::optional<int> places;  ///< every figure printed with these places; none: as printed
    std::vector<nil_mark> nil;  ///< the column's own nil marks (before the table's)
    /// What a % column prints for a ratio it does not compute (its denominator printed 0): such
    /// a cell is not checked.
    std::vector<std::string> undefined;
    bracket_style brackets = bracket_style::negative;
    bool exact = false;               ///< a figure stands for itself (counts always do)
    std::optional<decimal> at_least;  ///< the least value a figure can have (bands' open side)
    std::optional<decimal> at_most;   ///< the most
    std::optional<variance_direction> direction;  ///< a variance column's own direction
    // role sign: the column whose sign it names, and the words.
    std::string sign_of;
    std::string positive, negative, zero_word;
    std::string status;                     ///< count / share: the status counted ("green"), if one
    std::optional<source_position> source;  ///< where the declaration was read

    /// Returns: a column of `role` with `unit` (and the defaults above).
    [[nodiscard]] static table_column of(std::string heading, table_role role,
                                         table_unit unit = table_unit::none,
                                         std::string block = "year") {
        table_column c;
        c.heading = std::move(heading);
        c.role = role;
        c.unit = unit;
        c.block = std::move(block);
        return c;
    }
    /// Returns: true when a figure of the column stands for itself (a count, or declared exact).
    [[nodiscard]] bool is_exact() const noexcept {
        return exact || role == table_role::count || role == table_role::denominator ||
               unit == table_unit::count;
    }
};

/// A member of a total: a row, added or subtracted (Surrey's "net underspends").
struct total_member {
    row_ref row;
    int sign = 1;  ///< +1 or -1
};

/// How a total's members are given.
enum class members_by : std::uint8_t {
    named,  ///< listed: total "Total Adults" = "Adult Social Care" + "Commissioning"
    group,  ///< the rows of a group column's group: total "Actions" = group "Actions status"
    after,  ///< the rows between a heading and the total: total @8 = after "2.Childrens Services"
    above,  ///< the rows since the previous total (position): total "Totals" = above
};

/// A total row and its members; it sums every additive column (or only `columns`).
struct table_total {
    row_ref total;
    members_by by = members_by::named;
    std::vector<total_member> members;  ///< by named
    std::string group;                  ///< by group
    row_ref after;                      ///< by after
    std::vector<std::string> columns;   ///< the headings it sums; empty: every additive column
    std::optional<source_position> source;
};

/// Net = expenditure + income, down the rows (each "Net Expenditure" row the sum of the latest
/// "Expenditure" and "Income" rows above it) or across the blocks (each role of block "net" the
/// sum of that role in blocks "expenditure" and "income").
struct table_net {
    bool across_blocks = false;
    std::string net, expenditure, income;  ///< row labels, or block names
    std::optional<source_position> source;
};

/// A part of a summary: a row counting one status; unrated parts are counted in the total but
/// not in the rated measures' shares.
struct summary_part {
    row_ref row;
    bool unrated = false;
};

/// What a summary's shares are of.
enum class shares_of : std::uint8_t {
    total,  ///< the total row's count (all measures)
    rated,  ///< the sum of the rated parts' counts (unrated excluded; the total need not print)
    row,    ///< the count of another row (`of_row`)
};

/// A performance summary: status counts (and shares) of rows that partition a whole.
/// Relations: total = Σ parts (when printed); each part's share = 100 × count ÷ the
/// denominator (or ÷ its denominator column's cell, which must equal the denominator); the
/// shares of the parts counted in the denominator add to 100.
struct table_summary {
    std::vector<summary_part> parts;
    std::optional<row_ref> total;
    shares_of of = shares_of::total;
    std::optional<row_ref> of_row;
    std::optional<source_position> source;
};

/// A term of a check: coefficient × a column (by heading, or by role in a block), on the row
/// being checked or on a named row.
struct check_term {
    ratio coefficient{1};
    std::string heading;             ///< by heading; empty: by role
    std::optional<table_role> role;  ///< by role (with `block`)
    std::string block = "year";
    std::optional<row_ref> row;  ///< a fixed row; none: the row being checked
};

/// A relation the user writes (R validate's rules): Σ lhs `op` Σ rhs + constant, on every row
/// (or the rows listed) where its cells are printed; an equality is judged at the first cell of
/// its left side, like every relation; an inequality (a sub-count "7 of these 17") is checked
/// on its own.
struct table_check {
    std::string text;               ///< as written: "remaining == budget - actual"
    std::vector<check_term> terms;  ///< lhs − rhs: every term moved to the left
    ratio constant;                 ///< Σ terms op constant
    comparison op = comparison::equal;
    std::vector<row_ref> rows;  ///< empty: every row
    std::optional<source_position> source;
};

/// How one printed table is to be read (see the header comment).
struct table_declaration {
    std::string title;                      ///< the table's name in findings (cell_ref.section)
    std::optional<rounding_mode> rounding;  ///< how its figures were rounded (required to audit)
    variance_direction direction = variance_direction::infer;
    percent_basis basis = percent_basis::infer;
    std::optional<source_position> direction_at;  ///< where `direction` was declared
    std::optional<source_position> basis_at;      ///< where `basis` was declared
    std::vector<nil_mark> nil;                    ///< the table's nil marks
    /// "(0)" and "-0" print a negative value that rounds to zero, and a plain 0 a value >= 0.
    bool signed_zeros = false;
    std::vector<row_ref> ignored_rows;  ///< rows that are not data (a repeated heading)
    std::vector<table_column> columns;
    std::vector<table_total> totals;
    std::vector<table_net> nets;
    std::vector<table_summary> summaries;
    std::vector<table_check> checks;
    /// Today's bmm-audit layout (line, level, budget, forecast, variance, variance_pct,
    /// previous_variance, change): headings matched in any order and case, the last two
    /// optional, totals by level. Audited by budget_table_relations (the streaming
    /// budget_table_audit's relations).
    bool builtin_budget_layout = false;
    std::string file;  ///< the declaration's file, for messages

    /// Returns: the declared column with this heading (exactly as printed), or nullptr.
    [[nodiscard]] const table_column* find_column(std::string_view heading) const noexcept {
        for (const table_column& c : columns) {
            if (c.heading == heading) return &c;
        }
        return nullptr;
    }
    /// Returns: the declared column with this heading. Throws: invalid_argument naming it.
    [[nodiscard]] const table_column& column(std::string_view heading) const {
        if (const table_column* c = find_column(heading)) return *c;
        throw invalid_argument("the declaration has no column \"" + std::string(heading) + "\"",
                               heading);
    }

    /// Returns: today's bmm-audit layout as a declaration (see builtin_budget_layout), printed
    /// by `printed_with`; variances forecast − budget, % of |budget|.
    [[nodiscard]] static table_declaration budget_layout(rounding_mode printed_with) {
        table_declaration d;
        d.title = "budget table";
        d.rounding = printed_with;
        d.direction = variance_direction::spend_minus_budget;
        d.basis = percent_basis::magnitude;
        d.builtin_budget_layout = true;
        const std::pair<const char*, table_role> cols[] = {
            {"line", table_role::name},
            {"level", table_role::level},
            {"budget", table_role::budget},
            {"forecast", table_role::forecast},
            {"variance", table_role::variance},
            {"variance_pct", table_role::variance_pct},
            {"previous_variance", table_role::previous_variance},
            {"change", table_role::change}};
        for (const auto& c : cols) {
            d.columns.push_back(table_column::of(c.first, c.second,
                                                 c.second == table_role::variance_pct
                                                     ? table_unit::percent
                                                 : is_figure(c.second) ? table_unit::millions
                                                                       : table_unit::none));
        }
        return d;
    }
};

}  // namespace bmm
