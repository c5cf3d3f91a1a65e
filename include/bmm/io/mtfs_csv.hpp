// bmm — io/mtfs_csv: a medium-term financial strategy read from one strict CSV file, with its
// scenarios. The layout (docs/mtfs.md has it in full):
//
//   section,scenario,name,service,reserve,status,duration,base,2024/25,2025/26,2026/27
//   setting,,amounts,,,,,£m,,,
//   pay,,Adult Services,,,,,80.0,,,
//   non_pay,,Adult Services,,,,,146.9,,,
//   pay_award,,,,,,,,4.5%,3%,2.5%
//   pay_award,Pay +1%,,,,,,,5.5%,4%,3.5%
//   saving,,Care review,Adult Services,,amber,ongoing,,3.0,,
//   ...
//
// One row per line of the plan, the base year's figure in `base` and one column per plan year
// (consecutive fiscal years, the first after the base year). A row with a scenario name replaces
// the base plan's row of the same section and name in that scenario. Strict: every column must be
// known, every row's section known, a cell that has no meaning for its section blank, every
// required cell filled, no row repeated (same scenario, section, name, service and reserve) —
// each is a mtfs_csv_error naming FILE:LINE:COLUMN, never a default. Amounts are read in the unit
// of the `amounts` setting (£m, £000 or £) exactly; rates as bmm::ratio reads them ("4.5%",
// "0.045", "9/200").
//
//   auto file = bmm::read_mtfs_csv(text, "plan.csv");       // or load_mtfs_csv("plan.csv")
//   auto projection = bmm::project(file.plan, *file.policy);
//   for (const auto& s : file.scenarios) ...                // each a whole plan
//
// Opt-in (bmm/mtfs.hpp brings Boost's cpp_int).
#pragma once

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../csv.hpp"
#include "../detail/text.hpp"
#include "../detail/try_twin.hpp"
#include "../error.hpp"
#include "../money.hpp"
#include "../mtfs.hpp"
#include "../mtfs_scenario.hpp"
#include "../period.hpp"
#include "../ratio.hpp"
#include "../savings.hpp"

namespace bmm {

/// Bad MTFS input: a parse_error whose message ends with "(FILE:LINE:COLUMN)", with the file,
/// the 1-based line and column (0 when the error is about the file as a whole), and the cell.
class mtfs_csv_error : public parse_error {
public:
    mtfs_csv_error(std::string file, std::size_t line, std::size_t column, std::string_view cell,
                   std::string_view what, const std::string& why)
        : parse_error(cell, what, why + " (" + locate(file, line, column) + ")"),
          file_(std::move(file)),
          line_(line),
          column_(column) {}
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    [[nodiscard]] std::size_t column() const noexcept { return column_; }
    /// Returns: "FILE:LINE:COLUMN" ("FILE:LINE" without a column, "FILE" without a line).
    [[nodiscard]] std::string where() const { return locate(file_, line_, column_); }

private:
    static std::string locate(const std::string& file, std::size_t line, std::size_t column) {
        std::string s = file;
        if (line > 0) {
            s += ':';
            s += std::to_string(line);
            if (column > 0) {
                s += ':';
                s += std::to_string(column);
            }
        }
        return s;
    }
    std::string file_;
    std::size_t line_, column_;
};

/// A plan read from CSV: the base plan, each scenario as a whole plan (in the order the file
/// first names them), and the savings policy when the file sets one.
template <class C = currency::gbp, unsigned S = 4>
struct mtfs_file {
    mtfs_plan<C, S> plan;
    std::vector<mtfs_scenario<C, S>> scenarios;
    std::optional<savings_policy> policy;
};

/// Returns: the plan in `text`, which came from `file` (named in errors).
/// Throws: mtfs_csv_error naming FILE:LINE:COLUMN for anything the layout above does not allow,
/// malformed CSV included; referendum_limit_error cannot escape (a council tax increase above
/// its limit is a mtfs_csv_error at the increase's cell).
template <class C = currency::gbp, unsigned S = 4>
[[nodiscard]] mtfs_file<C, S> read_mtfs_csv(std::string_view text, std::string_view file);
/// Returns: read_mtfs_csv<C, S>(text, file), or std::nullopt exactly where it would throw.
template <class C = currency::gbp, unsigned S = 4>
[[nodiscard]] std::optional<mtfs_file<C, S>> try_read_mtfs_csv(std::string_view text,
                                                               std::string_view file) noexcept {
    return detail::try_twin([text, file] { return read_mtfs_csv<C, S>(text, file); });
}

/// Returns: the plan in the file at `path`.
/// Throws: mtfs_csv_error naming the path when it cannot be read; as read_mtfs_csv.
template <class C = currency::gbp, unsigned S = 4>
[[nodiscard]] mtfs_file<C, S> load_mtfs_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw mtfs_csv_error(path, 0, 0, path, "an MTFS plan", "the file cannot be opened");
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw mtfs_csv_error(path, 0, 0, path, "an MTFS plan", "the file cannot be read");
    return read_mtfs_csv<C, S>(s.str(), path);
}

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// Returns: an error's message without its "bmm: " prefix (it is quoted inside another).
[[nodiscard]] inline std::string reason_of(const error& e) {
    std::string_view w = e.what();
    if (w.substr(0, 5) == "bmm: ") w.remove_prefix(5);
    return std::string(w);
}

/// What a section's row may or must hold.
enum class cell_rule : std::uint8_t { blank, optional, required };
enum class years_rule : std::uint8_t { blank, all_rates, all_amounts, some_amounts };

struct mtfs_section_rule {
    std::string_view section;
    cell_rule name, service, reserve, status, duration, base;
    years_rule years;
    bool scenario;  ///< a scenario may replace the row
};

inline constexpr mtfs_section_rule mtfs_sections[] = {
    // section                  name      service   reserve   status    duration  base
    {"setting", cell_rule::required, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::required, years_rule::blank, false},
    {"pay", cell_rule::required, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::required, years_rule::blank, false},
    {"non_pay", cell_rule::required, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::required, years_rule::blank, false},
    {"pay_award", cell_rule::blank, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::blank, years_rule::all_rates, true},
    {"inflation", cell_rule::blank, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::blank, years_rule::all_rates, true},
    {"demand_growth", cell_rule::required, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::blank, years_rule::all_rates, true},
    {"change", cell_rule::required, cell_rule::optional, cell_rule::blank, cell_rule::blank,
     cell_rule::required, cell_rule::blank, years_rule::some_amounts, false},
    {"saving", cell_rule::required, cell_rule::optional, cell_rule::blank, cell_rule::required,
     cell_rule::required, cell_rule::blank, years_rule::some_amounts, false},
    {"council_tax", cell_rule::blank, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::required, years_rule::blank, false},
    {"council_tax_base_growth", cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::blank, cell_rule::blank, years_rule::all_rates, true},
    {"council_tax_increase", cell_rule::blank, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::blank, years_rule::all_rates, true},
    {"referendum_limit", cell_rule::blank, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::blank, years_rule::all_rates, true},
    {"funding", cell_rule::required, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::required, years_rule::all_amounts, true},
    {"funding_growth", cell_rule::required, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::required, years_rule::all_rates, true},
    {"reserve", cell_rule::required, cell_rule::blank, cell_rule::blank, cell_rule::required,
     cell_rule::blank, cell_rule::required, years_rule::blank, false},
    {"reserve_movement", cell_rule::required, cell_rule::blank, cell_rule::required,
     cell_rule::blank, cell_rule::blank, cell_rule::blank, years_rule::some_amounts, false},
    {"gap_draw", cell_rule::required, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::blank, years_rule::blank, false},
    {"risk_assessed_level", cell_rule::blank, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::blank, years_rule::all_amounts, true},
    {"dsg", cell_rule::blank, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::required, years_rule::all_amounts, true},
    {"reserves_history", cell_rule::required, cell_rule::blank, cell_rule::blank, cell_rule::blank,
     cell_rule::blank, cell_rule::required, years_rule::blank, false},
};

/// The fixed columns, in the order the header names them in docs/mtfs.md.
enum mtfs_column : std::size_t {
    col_section,
    col_scenario,
    col_name,
    col_service,
    col_reserve,
    col_status,
    col_duration,
    col_base,
    fixed_columns
};
inline constexpr std::string_view mtfs_column_names[] = {
    "section", "scenario", "name", "service", "reserve", "status", "duration", "base"};

/// Reads "YYYY-MM-DD" strictly. Returns: the date, or std::nullopt.
[[nodiscard]] inline std::optional<date::year_month_day> read_iso_date(std::string_view t) {
    t = trim(t);
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, sizes[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (std::size_t i = 0; i < sizes[p]; ++i) {
            const char c = t[starts[p] + i];
            if (!is_digit(c)) return std::nullopt;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    const date::year_month_day d{date::year{parts[0]}, date::month{static_cast<unsigned>(parts[1])},
                                 date::day{static_cast<unsigned>(parts[2])}};
    if (!d.ok()) return std::nullopt;
    return d;
}

template <class C, unsigned S>
class mtfs_csv_reader {
public:
    mtfs_csv_reader(std::string_view text, std::string_view file) : file_(file) {
        try {
            table_ = read_csv(text);
        } catch (const csv_error& e) {
            throw mtfs_csv_error(file_, e.line(), e.column(), e.field(), "CSV", e.reason());
        }
    }

    mtfs_file<C, S> read() {
        read_header();
        for (std::size_t i = 0; i < table_.records.size(); ++i) read_row(i);
        mtfs_file<C, S> out;
        out.policy = policy_;
        build_base(out.plan);
        for (const std::string& name : scenario_names_) {
            mtfs_plan<C, S> p = out.plan;
            for (const row& r : rows_) {
                if (r.scenario == name) apply(r, p);
            }
            check_referendum(p, name);
            out.scenarios.push_back({name, std::move(p)});
        }
        check_referendum(out.plan, "");
        try {
            out.plan.validate();
            for (const auto& s : out.scenarios) s.plan.validate();
        } catch (const invalid_argument& e) {  // not reached for a file this reader accepts
            throw mtfs_csv_error(file_, 0, 0, e.input(), "an MTFS plan", reason_of(e));
        }
        return out;
    }

private:
    struct row {
        const mtfs_section_rule* rule;
        std::size_t record;  // index into table_.records
        std::string scenario, section, name, service, reserve, status, duration, base;
    };

    [[noreturn]] void fail(std::size_t line, std::size_t column, std::string_view cell,
                           std::string_view what, const std::string& why) const {
        throw mtfs_csv_error(file_, line, column, cell, what, why);
    }
    [[noreturn]] void fail_cell(std::size_t record, std::size_t col, std::string_view what,
                                const std::string& why) const {
        const csv_record& rec = table_.records[record];
        const csv_position p = rec.at(col);
        fail(p.line, p.column, col < rec.fields.size() ? rec.fields[col] : std::string_view(), what,
             why);
    }
    [[noreturn]] void fail_header(std::size_t col, const std::string& why) const {
        const csv_position p = col < table_.header_positions.size()
                                   ? table_.header_positions[col]
                                   : csv_position{table_.header_line, 1};
        fail(p.line, p.column, col < table_.header.size() ? table_.header[col] : std::string(),
             "an MTFS header", why);
    }

    std::string_view cell(std::size_t record, std::size_t col) const {
        const std::size_t i = columns_[col];
        if (i == missing) return {};
        return trim(std::string_view(table_.records[record].fields[i]));
    }
    std::size_t field_of(std::size_t col) const { return columns_[col]; }

    void read_header() {
        columns_.assign(fixed_columns, missing);
        const auto& h = table_.header;
        for (std::size_t i = 0; i < h.size(); ++i) {
            const std::string_view name = trim(std::string_view(h[i]));
            bool known = false;
            for (std::size_t c = 0; c < fixed_columns; ++c) {
                if (iequals(name, mtfs_column_names[c])) {
                    if (columns_[c] != missing) fail_header(i, "the column is given twice");
                    if (!years_.empty()) {
                        fail_header(i, "the year columns must come after every other column");
                    }
                    columns_[c] = i;
                    known = true;
                }
            }
            if (known) continue;
            const auto y = fiscal_year<S>::try_parse(name);
            if (!y) {
                fail_header(i,
                            "an unknown column: expected section, scenario, name, service, "
                            "reserve, status, duration, base or a fiscal year such as 2024/25");
            }
            if (!years_.empty() && *y != years_.back().next()) {
                fail_header(i, "the year columns must be consecutive fiscal years (" +
                                   to_string(years_.back().next()) + " after " +
                                   to_string(years_.back()) + ")");
            }
            years_.push_back(*y);
            year_columns_.push_back(i);
        }
        for (std::size_t c : {col_section, col_name, col_base}) {
            if (columns_[c] == missing) {
                fail(table_.header_line, 1, "", "an MTFS header",
                     "the header has no \"" + std::string(mtfs_column_names[c]) + "\" column");
            }
        }
        if (years_.empty()) {
            fail(table_.header_line, 1, "", "an MTFS header",
                 "the header has no fiscal year columns (2024/25, 2025/26, ...)");
        }
    }

    void read_row(std::size_t i) {
        const csv_record& rec = table_.records[i];
        if (rec.fields.size() != table_.header.size()) {
            const std::size_t col = rec.fields.size() < table_.header.size()
                                        ? (rec.fields.empty() ? 0 : rec.fields.size() - 1)
                                        : table_.header.size();
            const csv_position p = rec.at(col);
            fail(p.line, p.column, col < rec.fields.size() ? rec.fields[col] : std::string(),
                 "an MTFS row",
                 "the row has " + std::to_string(rec.fields.size()) + " cells; the header has " +
                     std::to_string(table_.header.size()));
        }
        row r{nullptr,
              i,
              std::string(cell(i, col_scenario)),
              std::string(cell(i, col_section)),
              std::string(cell(i, col_name)),
              std::string(cell(i, col_service)),
              std::string(cell(i, col_reserve)),
              std::string(cell(i, col_status)),
              std::string(cell(i, col_duration)),
              std::string(cell(i, col_base))};
        if (r.section.empty())
            fail_cell(i, field_of(col_section), "a section", "the section is blank");
        for (const auto& rule : mtfs_sections) {
            if (iequals(r.section, rule.section)) r.rule = &rule;
        }
        if (!r.rule) {
            fail_cell(i, field_of(col_section), "a section",
                      "an unknown section (docs/mtfs.md lists them)");
        }
        r.section = std::string(r.rule->section);
        const auto check = [&](std::size_t col, cell_rule rule, const std::string& value) {
            if (rule == cell_rule::blank && !value.empty()) {
                fail_cell(i, field_of(col), "an MTFS cell",
                          "a " + r.section + " row has no " + std::string(mtfs_column_names[col]) +
                              ": leave it blank");
            }
            if (rule == cell_rule::required && value.empty()) {
                const std::size_t f = field_of(col);
                if (f == missing) {
                    fail(rec.line, 1, "", "an MTFS row",
                         "a " + r.section + " row needs a " + std::string(mtfs_column_names[col]) +
                             ", and the file has no such column");
                }
                fail_cell(i, f, "an MTFS cell",
                          "a " + r.section + " row needs a " + std::string(mtfs_column_names[col]) +
                              ": the cell is blank");
            }
        };
        check(col_name, r.rule->name, r.name);
        check(col_service, r.rule->service, r.service);
        check(col_reserve, r.rule->reserve, r.reserve);
        check(col_status, r.rule->status, r.status);
        check(col_duration, r.rule->duration, r.duration);
        check(col_base, r.rule->base, r.base);
        if (!r.scenario.empty() && !r.rule->scenario) {
            fail_cell(i, field_of(col_scenario), "a scenario",
                      "a scenario cannot change a " + r.section + " row (only rates and amounts)");
        }
        bool any = false;
        for (std::size_t t = 0; t < years_.size(); ++t) {
            const std::string_view v = year_cell(i, t);
            if (r.rule->years == years_rule::blank && !v.empty()) {
                fail_cell(i, year_columns_[t], "an MTFS cell",
                          "a " + r.section + " row has no figures by year: leave it blank");
            }
            if ((r.rule->years == years_rule::all_rates ||
                 r.rule->years == years_rule::all_amounts) &&
                v.empty()) {
                fail_cell(i, year_columns_[t], "an MTFS cell",
                          "a " + r.section + " row needs a figure for every year: " +
                              to_string(years_[t]) + " is blank");
            }
            any = any || !v.empty();
        }
        if (r.rule->years == years_rule::some_amounts && !any) {
            fail(rec.line, 1, r.name, "an MTFS row",
                 "a " + r.section + " row needs an amount in at least one year");
        }
        // No row twice: the same scenario, section, name, service and reserve.
        for (const row& o : rows_) {
            if (o.scenario == r.scenario && o.section == r.section && o.name == r.name &&
                o.service == r.service && o.reserve == r.reserve) {
                fail(rec.line, 1, r.name.empty() ? r.section : r.name, "an MTFS row",
                     "the row repeats line " + std::to_string(table_.records[o.record].line) +
                         " (the same section" + (r.name.empty() ? "" : ", name") +
                         (r.scenario.empty() ? "" : " and scenario") + ")");
            }
        }
        if (r.section == "setting") read_setting(r);
        if (!r.scenario.empty()) {
            bool known = false;
            for (const std::string& s : scenario_names_) known = known || s == r.scenario;
            if (!known) scenario_names_.push_back(r.scenario);
        }
        rows_.push_back(std::move(r));
    }

    std::string_view year_cell(std::size_t record, std::size_t t) const {
        return trim(std::string_view(table_.records[record].fields[year_columns_[t]]));
    }

    void read_setting(const row& r) {
        const std::size_t i = r.record;
        if (iequals(r.name, "amounts")) {
            if (r.base == "£m" || iequals(r.base, "m")) {
                scale_ = 6;
            } else if (r.base == "£000" || r.base == "000") {
                scale_ = 3;
            } else if (r.base == "£" || iequals(r.base, C::code)) {
                scale_ = 0;
            } else {
                fail_cell(i, field_of(col_base), "the amounts setting",
                          "amounts are in \"£m\", \"£000\" or \"£\"");
            }
        } else if (iequals(r.name, "savings_policy")) {
            try {
                policy_ = savings_policy::parse(r.base);
            } catch (const error& e) {
                fail_cell(i, field_of(col_base), "a savings policy", reason_of(e));
            }
        } else if (iequals(r.name, "dsg_override_ends")) {
            override_ends_ = read_iso_date(r.base);
            if (!override_ends_) {
                fail_cell(i, field_of(col_base), "a date", "expected a date as YYYY-MM-DD");
            }
        } else {
            fail_cell(i, field_of(col_name), "a setting",
                      "an unknown setting: expected amounts, savings_policy or dsg_override_ends");
        }
    }

    money<C> amount(std::size_t record, std::size_t field, std::string_view text) const {
        if (!scale_) {
            fail_cell(record, field, "an amount",
                      "the file sets no unit for amounts: add a row setting,,amounts,,,,,£m");
        }
        try {
            if (*scale_ == 6) return money<C>::from_millions(text);
            if (*scale_ == 3) return money<C>::from_thousands(text);
            return money<C>::parse(text);
        } catch (const error& e) {
            fail_cell(record, field, "an amount", reason_of(e));
        }
    }
    ratio rate(std::size_t record, std::size_t field, std::string_view text) const {
        try {
            return ratio::parse(text);
        } catch (const error& e) {
            fail_cell(record, field, "a rate", reason_of(e));
        }
    }
    std::vector<ratio> rates(const row& r) const {
        std::vector<ratio> v;
        for (std::size_t t = 0; t < years_.size(); ++t) {
            v.push_back(rate(r.record, year_columns_[t], year_cell(r.record, t)));
        }
        return v;
    }
    std::vector<money<C>> amounts(const row& r) const {
        std::vector<money<C>> v;
        for (std::size_t t = 0; t < years_.size(); ++t) {
            v.push_back(amount(r.record, year_columns_[t], year_cell(r.record, t)));
        }
        return v;
    }
    money<C> base_amount(const row& r) const {
        return amount(r.record, field_of(col_base), r.base);
    }

    const row* find(std::string_view section, std::string_view name = {}) const {
        for (const row& r : rows_) {
            if (r.scenario.empty() && r.section == section && r.name == name) return &r;
        }
        return nullptr;
    }
    std::size_t line(const row& r) const { return table_.records[r.record].line; }

    /// A rate or amount row's figures into the plan (base rows, and scenario rows over them).
    void apply(const row& r, mtfs_plan<C, S>& p) {
        if (!r.scenario.empty()) {
            const row* b = nullptr;
            for (const row& o : rows_) {
                if (o.scenario.empty() && o.section == r.section && o.name == r.name) b = &o;
            }
            if (!b) {
                fail(line(r), 1, r.name.empty() ? r.section : r.name, "a scenario row",
                     "the scenario \"" + r.scenario + "\" changes a " + r.section +
                         " row the base plan does not have");
            }
        }
        const std::string& s = r.section;
        if (s == "pay_award") {
            p.pay_award = rates(r);
        } else if (s == "inflation") {
            p.inflation = rates(r);
        } else if (s == "demand_growth") {
            for (auto& d : p.demand_growth) {
                if (d.service == r.name) d.rates = rates(r);
            }
        } else if (s == "council_tax_base_growth") {
            p.council_tax->base_growth = rates(r);
        } else if (s == "council_tax_increase") {
            p.council_tax->increase = rates(r);
            increase_row_[r.scenario] = &r;
        } else if (s == "referendum_limit") {
            p.council_tax->referendum_limit = rates(r);
        } else if (s == "funding" || s == "funding_growth") {
            for (auto& f : p.funding) {
                if (f.name != r.name) continue;
                f.base = base_amount(r);
                f.steps.clear();
                for (std::size_t t = 0; t < years_.size(); ++t) {
                    const std::string_view v = year_cell(r.record, t);
                    f.steps.push_back(
                        s == "funding"
                            ? funding_step<C>::set(amount(r.record, year_columns_[t], v))
                            : funding_step<C>::grow(rate(r.record, year_columns_[t], v)));
                }
            }
        } else if (s == "risk_assessed_level") {
            p.risk_assessed_level = amounts(r);
        } else if (s == "dsg") {
            p.dsg->opening_deficit = base_amount(r);
            p.dsg->in_year = amounts(r);
        }
    }

    void build_base(mtfs_plan<C, S>& p) {
        if (!scale_) {
            fail(table_.header_line, 1, "", "an MTFS plan",
                 "the file sets no unit for amounts: add a row setting,,amounts,,,,,£m");
        }
        p.base_year = years_.front().prev();
        p.years = years_.size();
        // Services, in the order they first appear; each needs its pay and non-pay rows.
        for (const row& r : rows_) {
            if (!r.scenario.empty() || (r.section != "pay" && r.section != "non_pay")) continue;
            bool known = false;
            for (const auto& s : p.services) known = known || s.name == r.name;
            if (known) continue;
            const row* pay = find("pay", r.name);
            const row* non = find("non_pay", r.name);
            if (!pay || !non) {
                fail(line(r), 1, r.name, "a service",
                     "the service \"" + r.name + "\" has a " + r.section + " row but no " +
                         (pay ? "non_pay" : "pay") + " row");
            }
            p.services.push_back({r.name, base_amount(*pay), base_amount(*non)});
        }
        const auto known_service = [&](const row& r, const std::string& s, std::size_t col) {
            for (const auto& sv : p.services) {
                if (sv.name == s) return;
            }
            fail_cell(
                r.record, field_of(col), "a service",
                "no service of the plan is called \"" + s + "\" (it needs pay and non_pay rows)");
        };
        const row* pay_award = find("pay_award");
        const row* inflation = find("inflation");
        if (!pay_award || !inflation) {
            fail(
                table_.header_line, 1, "", "an MTFS plan",
                std::string("the file has no ") + (pay_award ? "inflation" : "pay_award") + " row");
        }
        const row* tax = find("council_tax");
        const char* tax_rows[] = {"council_tax_base_growth", "council_tax_increase",
                                  "referendum_limit"};
        for (const char* t : tax_rows) {
            const row* tr = find(t);
            if (tax && !tr) {
                fail(line(*tax), 1, "council_tax", "an MTFS plan",
                     std::string("the plan has council tax but no ") + t + " row");
            }
            if (!tax && tr) {
                fail(line(*tr), 1, t, "an MTFS plan",
                     std::string("a ") + t + " row without a council_tax row");
            }
        }
        if (tax) p.council_tax = mtfs_council_tax<C>{base_amount(*tax), {}, {}, {}};
        const row* dsg = find("dsg");
        if (dsg) {
            if (!override_ends_) {
                fail(line(*dsg), 1, "dsg", "an MTFS plan",
                     "a dsg row needs the setting dsg_override_ends (the statutory override's "
                     "end, YYYY-MM-DD)");
            }
            p.dsg = mtfs_dsg<C>{{}, {}, *override_ends_};
        }
        for (const row& r : rows_) {
            if (!r.scenario.empty()) continue;
            const std::string& s = r.section;
            if (s == "demand_growth") {
                known_service(r, r.name, col_name);
                p.demand_growth.push_back({r.name, {}});
            } else if (s == "funding" || s == "funding_growth") {
                for (const auto& f : p.funding) {
                    if (f.name == r.name) {
                        fail(line(r), 1, r.name, "a funding line",
                             "the funding line \"" + r.name +
                                 "\" has a funding and a funding_growth row");
                    }
                }
                p.funding.push_back({r.name, {}, {}});
            } else if (s == "change" || s == "saving") {
                if (!r.service.empty()) known_service(r, r.service, col_service);
                const auto duration = try_parse_item_duration(r.duration);
                if (!duration) {
                    fail_cell(r.record, field_of(col_duration), "a duration",
                              "expected ongoing or one_off");
                }
                std::optional<savings_status> status;
                if (s == "saving") {
                    status = read_status(r.status);
                    if (!status) {
                        fail_cell(r.record, field_of(col_status), "a delivery status",
                                  "expected delivered, expected (or green), amber or red");
                    }
                }
                for (std::size_t t = 0; t < years_.size(); ++t) {
                    const std::string_view v = year_cell(r.record, t);
                    if (v.empty()) continue;
                    const money<C> a = amount(r.record, year_columns_[t], v);
                    if (s == "change") {
                        p.changes.push_back({r.name, r.service, years_[t], a, *duration});
                    } else {
                        if (a < zero) {
                            fail_cell(r.record, year_columns_[t], "a saving",
                                      "a saving is a positive amount (a negative one is a change)");
                        }
                        p.savings.push_back({r.name, r.service, years_[t], a, *status, *duration});
                    }
                }
            } else if (s == "reserve") {
                const auto kind = try_parse_reserve_kind(r.status);
                if (!kind) {
                    fail_cell(r.record, field_of(col_status), "a reserve kind",
                              "expected general, earmarked or ring_fenced");
                }
                p.reserves.push_back({r.name, *kind, base_amount(r), {}});
            } else if (s == "reserves_history") {
                const auto y = fiscal_year<S>::try_parse(r.name);
                if (!y || !(*y < p.base_year)) {
                    fail_cell(r.record, field_of(col_name), "a fiscal year",
                              "a reserves_history row names a fiscal year before the base year " +
                                  to_string(p.base_year));
                }
                history_.push_back({*y, base_amount(r)});
            }
        }
        for (const row& r : rows_) {
            if (!r.scenario.empty()) continue;
            if (r.section == "reserve_movement" || r.section == "gap_draw") {
                const std::string& name = r.section == "gap_draw" ? r.name : r.reserve;
                mtfs_reserve<C, S>* res = nullptr;
                for (auto& x : p.reserves) {
                    if (x.name == name) res = &x;
                }
                if (!res) {
                    fail_cell(r.record, field_of(r.section == "gap_draw" ? col_name : col_reserve),
                              "a reserve", "no reserve row is called \"" + name + "\"");
                }
                if (r.section == "gap_draw") {
                    if (res->kind == reserve_kind::ring_fenced) {
                        fail_cell(r.record, field_of(col_name), "a reserve",
                                  "a ring-fenced reserve cannot close the gap");
                    }
                    p.gap_draw_order.push_back(name);
                    continue;
                }
                for (std::size_t t = 0; t < years_.size(); ++t) {
                    const std::string_view v = year_cell(r.record, t);
                    if (v.empty()) continue;
                    res->movements.push_back(
                        {r.name, years_[t], amount(r.record, year_columns_[t], v)});
                }
            }
        }
        // History: consecutive years ending just before the base year, oldest first.
        std::sort(history_.begin(), history_.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t h = 0; h < history_.size(); ++h) {
            if (history_[h].first !=
                p.base_year - date::years{static_cast<int>(history_.size() - h)}) {
                fail(table_.header_line, 1, to_string(history_[h].first), "reserves history",
                     "the reserves_history rows must be consecutive years ending in " +
                         to_string(p.base_year.prev()));
            }
            p.reserves_history.push_back(history_[h].second);
        }
        for (const row& r : rows_) {
            if (r.scenario.empty()) apply(r, p);
        }
    }

    static std::optional<savings_status> read_status(std::string_view t) {
        if (iequals(t, "delivered")) return savings_status::delivered;
        if (iequals(t, "expected") || iequals(t, "green")) return savings_status::expected;
        if (iequals(t, "amber")) return savings_status::amber;
        if (iequals(t, "red")) return savings_status::red;
        return std::nullopt;
    }

    void check_referendum(const mtfs_plan<C, S>& p, const std::string& scenario) const {
        if (!p.council_tax) return;
        for (std::size_t t = 0; t < p.years; ++t) {
            if (p.council_tax->increase[t] <= p.council_tax->referendum_limit[t]) continue;
            auto it = increase_row_.find(scenario);
            if (it == increase_row_.end()) it = increase_row_.find("");
            const row& r = *it->second;
            fail_cell(r.record, year_columns_[t], "a council tax increase",
                      "the council tax increase of " +
                          to_string(exact(p.council_tax->increase[t]) * exact(100)) + "% in " +
                          to_string(years_[t]) + " exceeds the referendum limit of " +
                          to_string(exact(p.council_tax->referendum_limit[t]) * exact(100)) + "%" +
                          (scenario.empty() ? std::string() : " (scenario \"" + scenario + "\")"));
        }
    }

    static constexpr std::size_t missing = static_cast<std::size_t>(-1);
    std::string file_;
    csv_table table_;
    std::vector<std::size_t> columns_;
    std::vector<fiscal_year<S>> years_;
    std::vector<std::size_t> year_columns_;
    std::vector<row> rows_;
    std::vector<std::string> scenario_names_;
    std::optional<int> scale_;
    std::optional<savings_policy> policy_;
    std::optional<date::year_month_day> override_ends_;
    std::vector<std::pair<fiscal_year<S>, money<C>>> history_;
    std::map<std::string, const row*> increase_row_;  ///< by scenario ("" the base plan)
};

}  // namespace detail

template <class C, unsigned S>
mtfs_file<C, S> read_mtfs_csv(std::string_view text, std::string_view file) {
    return detail::mtfs_csv_reader<C, S>(text, file).read();
}

}  // namespace bmm
