// bmm demo: a council's monthly Business Management & Monitoring report, computed by bmm.
//
//   monthly_report [--data DIR] [--html PATH] [--export-csv DIR]
//
// From the embedded data (seed 003, Oxfordshire County Council, May 2023 — see
// report_data.hpp) or from DIR/*.csv in the same form, prints the report in the order a Cabinet
// member reads it — performance summary, red measures, status changes, exceptions, the overall
// finance table, directorate tables, savings, balances, reserves, the DSG deficit, strategic
// risks — and an audit of the published figures; and writes a self-contained HTML dashboard
// (inline SVG, no script). Every figure is computed by a bmm call from the cells as printed;
// every label (months, tables, lines) comes from the data.
// Exit status: 0, or 2 for bad input (the message names FILE:LINE:COLUMN; nothing is written) or
// for output that cannot be written whole (bmm/io/output.hpp: the dashboard's path is a device,
// a FIFO or a symbolic link, PATH.part or DIR.part exists, a write fails, >/dev/full).
#include <bmm/audit/risk.hpp>
#include <bmm/audit/savings.hpp>
#include <bmm/audit/table.hpp>
#include <bmm/audit/ytd.hpp>
#include <bmm/format.hpp>
#include <bmm/history.hpp>
#include <bmm/io/output.hpp>
#include <bmm/io/progress.hpp>
#include <bmm/io/published_table.hpp>
#include <bmm/measure.hpp>
#include <bmm/rag.hpp>
#include <bmm/reserves.hpp>
#include <bmm/risk.hpp>
#include <bmm/savings.hpp>
#include <bmm/summary.hpp>
#include <bmm/target.hpp>
#include <bmm/variance.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "dashboard.hpp"
#include "report_data.hpp"

namespace {

using bmm::gbp;
using report::long_label;
using report::show;
using report::table;
using month_t = bmm::fiscal_month<>;

std::string str(bmm::decimal d) { return bmm::to_string(d); }
std::string m1(gbp g) { return bmm::to_string(g, bmm::money_format::millions(1)); }
std::string col(gbp g) { return bmm::to_string(g, bmm::money_format::millions_column(1)); }
std::string pct1(const std::optional<bmm::ratio>& r) {
    return r ? bmm::to_string(r->percent(1, bmm::rounding_mode::half_up)) + "%" : "-";
}
std::string sym(bmm::status s) { return std::string(bmm::to_symbol(s)); }
/// The report's tables are printed half up (seed 003's figures and percentages).
const bmm::table_audit_options printed_half_up(bmm::rounding_mode::half_up);
std::string word(bmm::status s) { return std::string(bmm::to_string(s)); }

gbp millions(const table& t, std::size_t r, const std::string& c) {
    return t.read(r, c, [](const std::string& s) { return gbp::from_millions(s); });
}
bmm::decimal dec(const table& t, std::size_t r, const std::string& c) {
    return t.read(r, c, [](const std::string& s) { return bmm::decimal::parse(s); });
}
std::optional<bmm::status> optional_status(const table& t, std::size_t r, const std::string& c) {
    if (t.cell(r, c).empty()) return std::nullopt;
    return t.read(r, c, [](const std::string& s) { return bmm::status::parse(s); });
}

/// What the data say about one month of one measure.
struct month_value {
    month_t month;
    std::optional<bmm::figure> actual;
    bool actual_derived = false;  ///< YTD less the other months (a sum measure's one gap)
    std::optional<bmm::target> target;
    bool target_derived = false;
    std::optional<bmm::rate_parts> parts;
    std::optional<bmm::status> printed;  ///< the status the report printed for the month
    std::optional<bmm::status> status;   ///< printed, else rated from the month's figures
    std::size_t row = 0;                 ///< its row in the observations table
};

/// The report, computed.
struct measure_result {
    std::string id, title, owner;
    bmm::polarity polarity = bmm::polarity::higher_is_better;
    bmm::ytd_rule rule = bmm::ytd_rule::sum;
    std::vector<month_value> months;  ///< M1 .. the report month, in order
    bmm::figure actual;               ///< the report month's
    bmm::target target, ytd_target;
    std::optional<bmm::figure> ytd_actual;
    bmm::status current = bmm::data_status::not_reported, ytd = bmm::data_status::not_reported;
    std::optional<bmm::status> previous, printed, printed_ytd;
    std::optional<bmm::exception_reason> exception;
    /// The printed YTD figure and YTD target against the rule (bmm::audit_ytd), when checked.
    bmm::findings ytd_actual_check, ytd_target_check;
};

struct model {
    std::string council, source, overall_title = "overall table";
    month_t month, previous;
    std::vector<measure_result> measures;
    bmm::rag_counts current_counts, ytd_counts;
    std::map<std::string, bmm::rag_counts> by_priority;
    bmm::change_groups<std::string> changes;
    bmm::budget_table<bmm::currency::gbp> overall;
    std::vector<bmm::published_row> overall_printed;
    bmm::findings overall_audit;
    struct directorate {
        std::string name;
        std::vector<std::pair<std::string, std::pair<gbp, gbp>>> lines;  // budget, variance
        gbp budget, variance;
        std::vector<bmm::published_row> printed;  ///< its lines, then its total, as printed
        bmm::findings audit;                      ///< of `printed`: budget and variance only
        bool has_total = false;
    };
    std::vector<directorate> directorates;
    std::vector<std::pair<std::string, std::pair<gbp, gbp>>> savings_plan;  // planned, carried
    std::vector<bmm::printed_savings_row> savings_plan_printed;             // its rows as printed
    bmm::printed_savings_row savings_plan_total;                            // its TOTAL row
    bmm::findings savings_plan_audit;
    bmm::savings_summary<bmm::currency::gbp> savings;
    bmm::printed_savings_split savings_split;  ///< the statuses, a split of the planned TOTAL
    bmm::findings savings_split_audit;
    bmm::general_balances<bmm::currency::gbp> balances;
    std::vector<bmm::earmarked_reserve<bmm::currency::gbp>> reserves;
    bmm::dsg_deficit_reserve<bmm::currency::gbp> dsg;
    struct risk {
        bmm::strategic_risk r;
        std::string number;  ///< the label on the heat map: the name's leading "01", or the row
        std::optional<bmm::risk_score> factors;  ///< likelihood and impact, when given
        bmm::risk_level level;
        bmm::risk_travel travel;
        bmm::findings findings;
    };
    std::vector<risk> risks;
};

// --- Reading and computing ----------------------------------------------------------------------

bmm::ytd_rule rule_of(const table& t, std::size_t r) {
    return t.read(r, "ytd_rule", [](const std::string& s) { return bmm::parse_ytd_rule(s); });
}

void read_report_keys(const table& meta, model& m) {
    std::map<std::string, std::size_t> seen;
    std::optional<std::size_t> month_row, previous_row;
    for (std::size_t r = 0; r < meta.rows.size(); ++r) {
        const std::string& key = meta.cell(r, "key");
        if (!seen.emplace(key, r).second) {
            throw meta.error_at(r, "key", "the key \"" + key + "\" appears twice");
        }
        auto fiscal = [&]() {
            return meta.read(r, "value", [](const std::string& s) { return month_t::parse(s); });
        };
        if (key == "council") {
            m.council = meta.cell(r, "value");
        } else if (key == "source") {
            m.source = meta.cell(r, "value");
        } else if (key == "overall_title") {
            m.overall_title = meta.cell(r, "value");
        } else if (key == "month") {
            m.month = fiscal();
            month_row = r;
        } else if (key == "previous_month") {
            m.previous = fiscal();
            previous_row = r;
        } else {
            throw meta.error_at(r, "key",
                                "unknown key \"" + key +
                                    "\" (expected council, month, previous_month, source or "
                                    "overall_title)");
        }
    }
    if (!month_row) throw meta.error("there is no row with the key \"month\" (the report month)");
    if (!seen.count("council")) throw meta.error("there is no row with the key \"council\"");
    if (previous_row) {
        if (m.previous != m.month.prev()) {
            throw meta.error_at(*previous_row, "value",
                                "previous_month is " + bmm::to_string(m.previous) +
                                    ", but the month before " + bmm::to_string(m.month) + " is " +
                                    bmm::to_string(m.month.prev()));
        }
    } else {
        m.previous = m.month.prev();
    }
}

void compute_measures(const report::data& d, model& m) {
    const table& mt = d.get("measures");
    const table& ot = d.get("observations");
    std::map<std::string, std::size_t> index;  // measure id -> position in m.measures
    std::vector<bmm::rag_policy> policies;
    for (std::size_t r = 0; r < mt.rows.size(); ++r) {
        measure_result x;
        const auto id =
            mt.read(r, "id", [](const std::string& s) { return bmm::measure_id::parse(s); });
        x.id = bmm::to_string(id);
        if (!index.emplace(x.id, m.measures.size()).second) {
            throw mt.error_at(r, "id", "the measure " + x.id + " appears twice");
        }
        x.title = mt.cell(r, "title");
        x.owner = mt.cell(r, "owner");
        x.polarity = report::polarity_of(mt, r);
        policies.push_back(report::policy_for(mt, r, x.polarity));
        x.rule = rule_of(mt, r);
        for (month_t k = m.month.year().month(1); k <= m.month; k = k.next()) {
            x.months.push_back(month_value{k, {}, false, {}, false, {}, {}, {}, 0});
        }
        m.measures.push_back(std::move(x));
    }

    // Observations: one row per measure per month of the year to date.
    std::vector<std::optional<std::size_t>> current_row(m.measures.size());
    std::set<std::pair<std::string, unsigned>> seen;
    for (std::size_t r = 0; r < ot.rows.size(); ++r) {
        const auto id =
            ot.read(r, "measure", [](const std::string& s) { return bmm::measure_id::parse(s); });
        const auto it = index.find(bmm::to_string(id));
        if (it == index.end()) {
            throw ot.error_at(r, "measure",
                              "no measure " + bmm::to_string(id) + " in the measures table");
        }
        measure_result& x = m.measures[it->second];
        const month_t mo =
            ot.read(r, "month", [](const std::string& s) { return month_t::parse(s); });
        if (mo.year() != m.month.year() || mo > m.month) {
            throw ot.error_at(r, "month",
                              bmm::to_string(mo) + " is not in the year to date of the report (" +
                                  bmm::to_string(m.month.year().month(1)) + " to " +
                                  bmm::to_string(m.month) + ")");
        }
        if (!seen.emplace(x.id, mo.index()).second) {
            throw ot.error_at(r, "month", x.id + " has a second row for " + bmm::to_string(mo));
        }
        month_value& v = x.months[mo.index() - 1];
        v.row = r;
        auto fig = [](const std::string& s) { return bmm::parse_figure(s); };
        auto tgt = [](const std::string& s) { return bmm::target::parse(s); };
        if (!ot.cell(r, "actual").empty()) v.actual = ot.read(r, "actual", fig);
        if (!ot.cell(r, "target").empty()) v.target = ot.read(r, "target", tgt);
        const bool has_n = !ot.cell(r, "numerator").empty(),
                   has_d = !ot.cell(r, "denominator").empty();
        if (has_n != has_d) {
            const std::string c = has_n ? "denominator" : "numerator";
            throw ot.error_at(r, c,
                              "a numerator needs a denominator, and a denominator a numerator");
        }
        if (has_n) {
            const auto den = dec(ot, r, "denominator");
            if (den <= bmm::zero) throw ot.error_at(r, "denominator", "a denominator is positive");
            v.parts = bmm::rate_parts{dec(ot, r, "numerator"), den};
        }
        v.printed = optional_status(ot, r, "printed_status");
        if (mo == m.month) {
            current_row[it->second] = r;
            if (!v.actual) {
                throw ot.error_at(r, "actual", "the report month needs an actual (" + x.id + ")");
            }
            x.actual = *v.actual;
            x.target = v.target.value_or(bmm::target::none());
            x.ytd_target = ot.read(r, "ytd_target", tgt);
            if (!ot.cell(r, "ytd_actual").empty()) x.ytd_actual = ot.read(r, "ytd_actual", fig);
            x.printed = v.printed;
            x.printed_ytd = optional_status(ot, r, "printed_ytd_status");
        } else if (!ot.cell(r, "ytd_actual").empty() || !ot.cell(r, "ytd_target").empty() ||
                   !ot.cell(r, "printed_ytd_status").empty()) {
            throw ot.error_at(
                r, ot.cell(r, "ytd_actual").empty() ? "ytd_target" : "ytd_actual",
                "YTD figures belong to the report month's row (" + bmm::to_string(m.month) + ")");
        }
    }

    std::map<std::string, bmm::status> before, after;
    std::vector<std::pair<bmm::measure_id, bmm::status>> current_rows;
    std::vector<bmm::status> current_statuses, ytd_statuses;
    for (std::size_t i = 0; i < m.measures.size(); ++i) {
        measure_result& x = m.measures[i];
        const bmm::rag_policy& policy = policies[i];
        if (!current_row[i]) {
            throw mt.error_at(i, "id",
                              x.id + " has no row in observations for " + bmm::to_string(m.month));
        }
        const std::size_t r = *current_row[i];
        for (const auto& v : x.months) {
            if (v.actual && v.actual->unit != x.actual.unit) {
                throw ot.error_at(v.row, "actual",
                                  x.id + ": " + bmm::to_string(v.month) + " is in " +
                                      std::string(bmm::to_string(v.actual->unit)) + ", " +
                                      bmm::to_string(m.month) + " in " +
                                      std::string(bmm::to_string(x.actual.unit)));
            }
        }
        x.current = ot.read(r, "actual", [&](const std::string&) {
            return bmm::rate(x.actual.value, x.target, policy);
        });
        x.ytd = x.ytd_actual
                    ? ot.read(r, "ytd_actual",
                              [&](const std::string&) {
                                  return bmm::rate(x.ytd_actual->value, x.ytd_target, policy);
                              })
                    : bmm::status(bmm::data_status::not_reported);

        // A sum measure's one month without a figure is the YTD less the other months (and the
        // same for its target): valid in any month, and the only derivation made.
        if (x.rule == bmm::ytd_rule::sum) {
            std::size_t gaps = 0, gap = 0, target_gaps = 0, target_gap = 0;
            bool targets_are_values = true;
            for (std::size_t k = 0; k < x.months.size(); ++k) {
                if (!x.months[k].actual) {
                    ++gaps;
                    gap = k;
                }
                if (!x.months[k].target) {
                    ++target_gaps;
                    target_gap = k;
                } else if (x.months[k].target->what() != bmm::target::kind::value) {
                    targets_are_values = false;
                }
            }
            if (gaps == 1 && x.ytd_actual && x.ytd_actual->unit == x.actual.unit) {
                bmm::decimal rest = x.ytd_actual->value;
                for (const auto& v : x.months) {
                    if (v.actual) rest = rest - v.actual->value;
                }
                x.months[gap].actual = bmm::figure{rest, x.actual.unit};
                x.months[gap].actual_derived = true;
            }
            if (target_gaps == 1 && targets_are_values &&
                x.ytd_target.what() == bmm::target::kind::value) {
                bmm::decimal rest = x.ytd_target.low();
                for (const auto& v : x.months) {
                    if (v.target) rest = rest - v.target->low();
                }
                x.months[target_gap].target = bmm::target::value(rest, x.ytd_target.unit());
                x.months[target_gap].target_derived = true;
            }
        }

        // Each month's status: the report month's is rated; an earlier month's is what the
        // report printed then, else rated from its figures when they are known.
        bmm::status_history<> h;
        for (auto& v : x.months) {
            if (v.month == m.month) {
                v.status = x.current;
            } else if (v.printed) {
                v.status = v.printed;
            } else if (v.actual && v.target && !v.target->is_none()) {
                v.status = bmm::rate(v.actual->value, *v.target, policy);
            }
            if (v.status) h.record(v.month, *v.status);
        }
        x.exception = bmm::exception_in(h, m.month);
        if (m.month.index() >= 2) x.previous = x.months[m.month.index() - 2].status;
        if (x.previous) before.emplace(x.id, *x.previous);
        after.emplace(x.id, x.current);
        current_rows.emplace_back(bmm::measure_id::parse(x.id), x.current);
        current_statuses.push_back(x.current);
        ytd_statuses.push_back(x.ytd);

        // The printed YTD against the rule, from the monthly figures (bmm::audit_ytd).
        std::vector<bmm::ytd_month> values, targets;
        bool targets_ok = x.ytd_target.what() == bmm::target::kind::value;
        for (const auto& v : x.months) {
            const std::string label = long_label(v.month);
            values.push_back({label, v.actual ? std::optional(v.actual->value) : std::nullopt,
                              v.actual_derived, v.parts});
            if (v.target && v.target->what() != bmm::target::kind::value) targets_ok = false;
            targets.push_back({label, v.target ? std::optional(v.target->low()) : std::nullopt,
                               v.target_derived, std::nullopt});
        }
        // Every figure of the report is printed half up; a whole count is exact.
        if (x.ytd_actual) {
            x.ytd_actual_check =
                bmm::audit_ytd(x.ytd_actual->value, values, x.rule,
                               bmm::ytd_audit_options(bmm::rounding_mode::half_up, x.actual.unit));
        }
        if (targets_ok && targets.back().figure) {
            x.ytd_target_check = bmm::audit_ytd(
                x.ytd_target.low(), targets, x.rule,
                bmm::ytd_audit_options(bmm::rounding_mode::half_up, x.ytd_target.unit()));
        }
    }
    m.current_counts = bmm::count(current_statuses);
    m.ytd_counts = bmm::count(ytd_statuses);
    m.by_priority = bmm::by_priority(current_rows);
    m.changes = bmm::group_changes(before, after);
}

int level_of(const table& t, std::size_t r, int most) {
    return t.read(r, "level", [most](const std::string& s) {
        const auto v = bmm::decimal::try_parse(s);
        if (!v || v->places() != 0 || *v < bmm::zero || v->units() > most) {
            throw bmm::parse_error(s, "a level",
                                   most == 1 ? "expected 0 (a line) or 1 (the total)"
                                             : "expected 0 (a line) or a total's level 1..99");
        }
        return static_cast<int>(v->units());
    });
}

model compute(const report::data& d) {
    model m;
    read_report_keys(d.get("report"), m);
    compute_measures(d, m);

    // The overall finance table, and its audit.
    const table& ot = d.get("overall");
    bmm::csv_table as_csv;
    as_csv.header = ot.columns;
    for (std::size_t r = 0; r < ot.rows.size(); ++r) {
        as_csv.records.push_back({ot.rows[r], ot.at.empty() ? 0 : ot.at[r].at(0).line, {}});
        if (ot.cell(r, "level").empty()) {
            m.overall.add_heading(ot.cell(r, "line"));
            continue;
        }
        const int lv = level_of(ot, r, 99);
        if (lv == 0) {
            m.overall.add_line(ot.cell(r, "line"), millions(ot, r, "budget"),
                               millions(ot, r, "forecast"));
            continue;
        }
        try {
            m.overall.add_total(ot.cell(r, "line"), lv);
        } catch (const bmm::error& e) {
            throw ot.error_at(r, "level", e.what());
        }
    }
    try {
        m.overall_printed = bmm::read_published_table(as_csv);
        m.overall_audit = bmm::audit_budget_table(m.overall_printed, printed_half_up);
    } catch (const bmm::error& e) {
        throw ot.error(e.what());
    }

    // Directorate tables: each directorate's lines (level 0), then its printed total (level 1).
    const table& dt = d.get("directorates");
    for (std::size_t r = 0; r < dt.rows.size(); ++r) {
        const std::string& name = dt.cell(r, "directorate");
        const int lv = level_of(dt, r, 1);
        if (m.directorates.empty() || m.directorates.back().name != name ||
            m.directorates.back().has_total) {
            if (lv == 1) {
                throw dt.error_at(r, "level", "a total with no lines before it for " + name);
            }
            for (const auto& seen_dir : m.directorates) {
                if (seen_dir.name == name) {
                    throw dt.error_at(r, "directorate", name + " appears again after its total");
                }
            }
            if (!m.directorates.empty() && !m.directorates.back().has_total) {
                throw dt.error_at(
                    r, "directorate",
                    m.directorates.back().name + " ends without its total (a row of level 1)");
            }
            m.directorates.push_back({name, {}, {}, {}, {}, {}, false});
        }
        auto& dir = m.directorates.back();
        // Budget and variance as printed; the forecast and variance % are not printed.
        bmm::published_row row;
        row.name = dt.cell(r, "line");
        row.level = lv;
        row.budget = dec(dt, r, "budget");
        row.variance = dec(dt, r, "variance");
        if (!dt.at.empty()) row.source_line = dt.at[r].at(0).line;
        dir.printed.push_back(row);
        if (lv == 0) {
            const gbp b = millions(dt, r, "budget"), v = millions(dt, r, "variance");
            dir.lines.push_back({row.name, {b, v}});
            dir.budget = dir.budget + b;
            dir.variance = dir.variance + v;
        } else {
            dir.has_total = true;
            // A total without a forecast: its budget and variance against its lines' sums.
            try {
                dir.audit = bmm::audit_budget_table(dir.printed, printed_half_up);
            } catch (const bmm::error& e) {
                throw dt.error_at(r, "level", e.what());
            }
        }
    }
    if (!m.directorates.empty() && !m.directorates.back().has_total) {
        throw dt.error(m.directorates.back().name + " ends without its total (a row of level 1)");
    }

    // Savings: the table's rows, then its TOTAL row (level 1), audited as printed.
    const table& sp = d.get("savings_plan");
    std::optional<std::size_t> total_row;
    for (std::size_t r = 0; r < sp.rows.size(); ++r) {
        const int lv = level_of(sp, r, 1);
        if (total_row) {
            throw sp.error_at(r, "level",
                              "a row after the TOTAL row (level 1): the TOTAL row comes last");
        }
        const bmm::printed_savings_row printed{sp.cell(r, "directorate"), dec(sp, r, "planned"),
                                               dec(sp, r, "carried_forward"),
                                               dec(sp, r, "printed_total")};
        if (lv == 1) {
            if (m.savings_plan.empty()) {
                throw sp.error_at(r, "level", "a TOTAL row (level 1) with no rows before it");
            }
            total_row = r;
            m.savings_plan_total = printed;
            continue;
        }
        m.savings_plan.push_back(
            {printed.directorate,
             {millions(sp, r, "planned"), millions(sp, r, "carried_forward")}});
        m.savings_plan_printed.push_back(printed);
    }
    if (!total_row) {
        throw sp.error("there is no TOTAL row (a row of level 1, the table's last)");
    }
    m.savings_plan_audit = bmm::audit_savings_table(m.savings_plan_printed, m.savings_plan_total,
                                                    bmm::rounding_mode::half_up);

    const table& ss = d.get("savings_status");
    std::vector<bmm::saving<bmm::currency::gbp>> items;
    m.savings_split.name = "savings";
    m.savings_split.total = m.savings_plan_total.planned;
    for (std::size_t r = 0; r < ss.rows.size(); ++r) {
        const auto status = ss.read(r, "status", [](const std::string& s) {
            for (auto st : {bmm::savings_status::delivered, bmm::savings_status::expected,
                            bmm::savings_status::amber, bmm::savings_status::red}) {
                if (s == bmm::to_string(st)) return st;
            }
            throw bmm::parse_error(s, "a savings status",
                                   "expected delivered, expected, amber or red");
        });
        const gbp amount = ss.read(r, "amount", [](const std::string& s) {
            const gbp a = gbp::from_millions(s);
            if (a < bmm::zero) {
                throw bmm::parse_error(s, "a saving", "a saving is a positive amount");
            }
            return a;
        });
        items.push_back({"All", ss.cell(r, "status"), amount, m.month.year(), false, status});
        std::optional<bmm::decimal> printed_percent;
        if (!ss.cell(r, "printed_percent").empty()) {
            printed_percent = dec(ss, r, "printed_percent");
        }
        m.savings_split.parts.push_back(
            {ss.cell(r, "status"), dec(ss, r, "amount"), printed_percent});
    }
    m.savings = bmm::summarize(items);
    // The statuses split the planned TOTAL; every figure as printed (£m at 1 dp, % as printed).
    m.savings_split_audit = bmm::audit_savings_split(m.savings_split, bmm::rounding_mode::half_up);

    // Balances, reserves, DSG.
    const table& bt = d.get("balances");
    for (std::size_t r = 0; r < bt.rows.size(); ++r) {
        const std::string& kind = bt.cell(r, "kind");
        const gbp a = millions(bt, r, "amount");
        if (kind == "opening")
            m.balances.opening = a;
        else if (kind == "contribution")
            m.balances.contributions.push_back(a);
        else if (kind == "variance")
            m.balances.forecast_variance = a;
        else if (kind == "level")
            m.balances.risk_assessed_level = a;
        else
            throw bt.error_at(r, "kind",
                              "unknown kind \"" + kind +
                                  "\" (expected opening, contribution, variance or level)");
    }
    const table& rt = d.get("reserves");
    for (std::size_t r = 0; r < rt.rows.size(); ++r) {
        const std::string& name = rt.cell(r, "reserve");
        if (m.reserves.empty() || m.reserves.back().name != name)
            m.reserves.push_back({name, {}, {}, {}, {}});
        auto& res = m.reserves.back();
        const std::string& kind = rt.cell(r, "kind");
        if (kind != "opening" && kind != "planned_use" && kind != "commitment") {
            throw rt.error_at(
                r, "kind",
                "unknown kind \"" + kind + "\" (expected opening, planned_use or commitment)");
        }
        const gbp a = millions(rt, r, "amount");
        auto fiscal_year = [](const std::string& s) { return bmm::fiscal_year<>::parse(s); };
        const auto year = rt.read(r, "year", fiscal_year);
        // A planned use over several years whose split is not printed: year to last_year.
        std::optional<bmm::fiscal_year<>> last;
        if (!rt.cell(r, "last_year").empty()) {
            if (kind != "planned_use") {
                throw rt.error_at(
                    r, "last_year",
                    "only a planned_use spans years; leave last_year blank for " + kind);
            }
            last = rt.read(r, "last_year", fiscal_year);
            if (*last < year) {
                throw rt.error_at(r, "last_year",
                                  "last_year " + bmm::to_string(*last) + " is before year " +
                                      bmm::to_string(year));
            }
        }
        if (kind == "opening") {
            res.opening = a;
        } else if (kind == "commitment") {
            res.commitments.push_back({rt.cell(r, "label"), a});
        } else if (last && *last != year) {
            res.spread_uses.push_back({year, *last, a});
        } else {
            res.planned_uses.push_back({year, a});
        }
    }
    const table& gt = d.get("dsg");
    for (std::size_t r = 0; r < gt.rows.size(); ++r) {
        const std::string& item = gt.cell(r, "item");
        if (item == "opening_deficit")
            m.dsg.opening_deficit = millions(gt, r, "value");
        else if (item == "in_year_deficit")
            m.dsg.in_year_deficit = millions(gt, r, "value");
        else if (item == "override_ends") {
            m.dsg.override_ends = gt.read(r, "value", [](const std::string& s) {
                // YYYY-MM-DD, read by hand (date::parse trips a GCC -O3 warning in date.h).
                auto digits = [&s](std::size_t at, std::size_t n) {
                    unsigned v = 0;
                    for (std::size_t i = at; i < at + n; ++i) {
                        if (s[i] < '0' || s[i] > '9')
                            throw bmm::parse_error(s, "a date", "expected YYYY-MM-DD");
                        v = v * 10 + static_cast<unsigned>(s[i] - '0');
                    }
                    return v;
                };
                if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
                    throw bmm::parse_error(s, "a date", "expected YYYY-MM-DD");
                }
                const date::year_month_day ymd{date::year{static_cast<int>(digits(0, 4))},
                                               date::month{digits(5, 2)}, date::day{digits(8, 2)}};
                if (!ymd.ok()) throw bmm::parse_error(s, "a date", "no such day");
                return ymd;
            });
        } else {
            throw gt.error_at(r, "item",
                              "unknown item \"" + item +
                                  "\" (expected opening_deficit, in_year_deficit or "
                                  "override_ends)");
        }
    }

    // Risks.
    const table& kt = d.get("risks");
    for (std::size_t r = 0; r < kt.rows.size(); ++r) {
        auto whole = [](unsigned lo, unsigned hi, const char* what) {
            return [lo, hi, what](const std::string& s) {
                const auto v = bmm::decimal::parse(s);
                if (v.places() != 0 || v.units() < lo || v.units() > hi) {
                    throw bmm::parse_error(s, what,
                                           "expected a whole number " + std::to_string(lo) +
                                               " to " + std::to_string(hi));
                }
                return static_cast<unsigned>(v.units());
            };
        };
        const auto score = whole(1, 25, "a risk score");
        model::risk k;
        k.r = {kt.cell(r, "risk"), kt.read(r, "inherent", score),
               kt.read(r, "previous_residual", score), kt.read(r, "residual", score)};
        const bool has_l = !kt.cell(r, "likelihood").empty(), has_i = !kt.cell(r, "impact").empty();
        if (has_l != has_i) {
            throw kt.error_at(r, has_l ? "impact" : "likelihood",
                              "likelihood and impact go together: give both or neither");
        }
        if (has_l) {
            const auto factor = whole(1, 5, "a likelihood or impact");
            const unsigned l = kt.read(r, "likelihood", factor), i = kt.read(r, "impact", factor);
            k.factors = bmm::risk_score(l, i);
            if (k.factors->score() != k.r.residual) {
                throw kt.error_at(
                    r, "likelihood",
                    "likelihood " + std::to_string(l) + " x impact " + std::to_string(i) + " = " +
                        std::to_string(k.factors->score()) + ", but the residual score is " +
                        std::to_string(k.r.residual));
            }
        }
        // The heat map's label: the number the name starts with ("01. Financial Resilience"),
        // else the row's position.
        std::size_t digits = 0;
        while (digits < k.r.name.size() && k.r.name[digits] >= '0' && k.r.name[digits] <= '9') {
            ++digits;
        }
        k.number = digits > 0 && digits < 4 ? k.r.name.substr(0, digits) : std::to_string(r + 1);
        k.level = bmm::risk_bands().level(k.r.residual);
        k.travel = bmm::travel(k.r.previous_residual, k.r.residual);
        k.findings =
            bmm::audit_risk(k.r,
                            kt.read(r, "printed_rating",
                                    [](const std::string& s) { return bmm::status::parse(s); }),
                            kt.read(r, "printed_direction",
                                    [](const std::string& s) { return bmm::parse_risk_travel(s); }),
                            bmm::risk_bands());
        m.risks.push_back(std::move(k));
    }
    return m;
}

// --- The text report ----------------------------------------------------------------------------

std::string counts_row(const char* label, const bmm::rag_counts& c) {
    const auto p = bmm::percentages(c, 0);
    char buf[200];
    std::snprintf(buf, sizeof buf, "  %-20s %3lld %4s  %3lld %4s  %3lld %4s  %3lld %4s  %3lld\n",
                  label, static_cast<long long>(c.green), (str(p[0]) + "%").c_str(),
                  static_cast<long long>(c.amber), (str(p[1]) + "%").c_str(),
                  static_cast<long long>(c.red), (str(p[2]) + "%").c_str(),
                  static_cast<long long>(c.unrated), (str(p[3]) + "%").c_str(),
                  static_cast<long long>(c.total()));
    return buf;
}

std::string pad(const std::string& s, std::size_t n) {
    // Pads by characters, not bytes (UTF-8 text has multi-byte characters).
    std::size_t chars = 0;
    for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    return s + std::string(chars < n ? n - chars : 0, ' ');
}

/// `lead`, then `items` on lines of at most 96 columns indented by four.
std::string wrapped(const std::string& lead, const std::vector<std::string>& items) {
    std::string out = lead + "\n    ", line = "    ";
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string piece = items[i] + (i + 1 < items.size() ? "," : "");
        if (line.size() > 4 && line.size() + 1 + piece.size() > 96) {
            out += "\n    ";
            line = "    ";
        } else if (line.size() > 4) {
            out += ' ';
            line += ' ';
        }
        out += piece;
        line += piece;
    }
    return out + "\n";
}

std::string render_text(const model& m) {
    std::ostringstream o;
    o << "Business Management & Monitoring Report: " << m.council << "\n";
    o << "Position at the end of " << long_label(m.month) << " (" << bmm::to_string(m.month)
      << ", month " << m.month.index() << " of " << bmm::to_string(m.month.year()) << ")\n";
    if (!m.source.empty()) o << "Source: " << m.source << "\n";
    o << "Every figure below is computed by bmm from the report's cells as printed.\n\n";

    o << "1. Performance: " << m.measures.size() << " measures rated against their targets\n";
    o << "  " << pad("", 20) << "   Green     Amber       Red    Mon/NA  Total\n";
    o << counts_row("This month", m.current_counts) << counts_row("Year to date", m.ytd_counts);
    o << "  By priority (worst rated measure): ";
    bool first = true;
    for (const auto& [p, c] : m.by_priority) {
        const auto overall = bmm::overall(c, bmm::rollup_rule::worst);
        o << (first ? "" : ", ") << p << " " << (overall ? sym(*overall) : "?");
        first = false;
    }
    o << "\n\n2. Red measures this month\n";
    for (const auto& x : m.measures) {
        if (x.current == bmm::status(bmm::rag::red)) {
            o << "  " << x.id << " " << x.title << ": " << show(x.actual) << " against "
              << show(x.target) << " (" << x.owner << ")\n";
        }
    }
    o << "\n3. Status changes since " << long_label(m.previous) << " ("
      << bmm::to_string(m.previous) << ")\n";
    for (const auto c : bmm::reported_changes) {
        std::string ids;
        for (const auto& id : m.changes[c]) ids += (ids.empty() ? "" : ", ") + id;
        o << "  " << pad(std::string(bmm::to_string(c)), 15) << (ids.empty() ? "No change" : ids)
          << "\n";
    }
    o << "\n4. Exceptions (Red, or Amber two periods running)\n";
    for (const auto& x : m.measures) {
        if (!x.exception) continue;
        o << "  " << pad(x.id, 9) << pad(word(x.current), 6)
          << pad(*x.exception == bmm::exception_reason::red ? "red" : "amber 2+ periods", 17)
          << pad(x.owner, 21) << x.title << "\n";
    }

    o << "\n5. Overall financial position (GBP m)\n";
    o << "  " << pad("", 42) << "  Budget  Forecast  Variance  Var %\n";
    for (std::size_t i = 0; i < m.overall.size(); ++i) {
        const auto& row = m.overall[i];
        if (row.kind == bmm::budget_table<bmm::currency::gbp>::row_kind::heading) {
            o << "  " << row.figures.name << "\n";
            continue;
        }
        char buf[200];
        std::snprintf(buf, sizeof buf, "  %s %8s %9s %9s %6s\n", pad(row.figures.name, 42).c_str(),
                      col(row.figures.budget).c_str(), col(row.figures.forecast).c_str(),
                      col(row.figures.variance()).c_str(),
                      pct1(m.overall.variance_ratio(i)).c_str());
        o << buf;
    }
    o << "  (variance % = variance / |budget|: + is an overspend on any line)\n";

    o << "\n6. Directorate tables (GBP m; totals computed from their lines)\n";
    for (const auto& dir : m.directorates) {
        o << "  " << dir.name << "\n";
        for (const auto& [line, bv] : dir.lines) {
            char buf[200];
            std::snprintf(buf, sizeof buf, "    %s %8s %8s\n", pad(line, 46).c_str(),
                          col(bv.first).c_str(), col(bv.second).c_str());
            o << buf;
        }
        char buf[200];
        std::snprintf(buf, sizeof buf, "    %s %8s %8s\n", pad("Total " + dir.name, 46).c_str(),
                      col(dir.budget).c_str(), col(dir.variance).c_str());
        o << buf;
    }
    o << "\n7. Savings\n";
    gbp planned, carried;
    for (const auto& [name, pc] : m.savings_plan) {
        planned = planned + pc.first;
        carried = carried + pc.second;
    }
    o << "  planned for " << bmm::to_string(m.month.year()) << ": " << m1(planned)
      << "; not achieved in " << bmm::to_string(m.month.year().prev())
      << " and carried forward: " << m1(carried) << "; in all " << m1(planned + carried) << "\n";
    const auto shares = m.savings.shares(1);
    o << "  " << bmm::to_string(m.month.year()) << " savings delivered or expected "
      << m1(m.savings.on_track()) << " (" << str(shares[0] + shares[1]) << "%), amber "
      << m1(m.savings[bmm::savings_status::amber]) << " (" << str(shares[2]) << "%), red "
      << m1(m.savings[bmm::savings_status::red]) << " (" << str(shares[3]) << "%)\n";
    o << "  achievement of planned savings: " << pct1(bmm::achievement(m.savings)) << "\n";

    o << "\n8. General balances\n";
    o << "  " << m1(m.balances.opening);
    for (const auto& c : m.balances.contributions) o << " + " << m1(c);
    o << " - forecast variance " << m1(m.balances.forecast_variance) << " = "
      << m1(m.balances.closing()) << "; risk-assessed level " << m1(m.balances.risk_assessed_level)
      << (m.balances.at_or_above_level() ? " (met" : " (below") << ", headroom "
      << m1(m.balances.headroom()) << ")\n";

    o << "\n9. Earmarked reserves\n";
    for (const auto& r : m.reserves) {
        o << "  " << r.name << ": opening " << m1(r.opening) << ", after planned uses "
          << m1(r.after_planned_uses()) << ", uncommitted " << m1(r.uncommitted()) << "\n";
        // Year by year from the report's year to the last planned use: exact where each year's
        // use is known, the lowest and highest balance while a use's split is not printed.
        bmm::fiscal_year<> last = m.month.year();
        for (const auto& u : r.planned_uses) last = u.first > last ? u.first : last;
        for (const auto& u : r.spread_uses) last = u.last > last ? u.last : last;
        std::string years;
        for (bmm::fiscal_year<> y = m.month.year(); y <= last; y = y.next()) {
            const auto b = r.bounds_after(y);
            years += years.empty() ? "" : "; ";
            years += bmm::to_string(y);
            years += ": ";
            years += m1(b.lowest);
            if (b.lowest != b.highest) {
                years += " to ";
                years += m1(b.highest);
            }
        }
        o << "    balance after planned uses at the end of " << years << "\n";
        for (const auto& u : r.spread_uses) {
            o << "    (" << m1(u.amount) << " is planned over " << bmm::to_string(u.first) << " to "
              << bmm::to_string(u.last) << ", its split between the years not printed)\n";
        }
    }
    o << "\n10. Dedicated Schools Grant: High Needs deficit (unusable reserve)\n";
    o << "  " << m1(m.dsg.opening_deficit) << " + " << m1(m.dsg.in_year_deficit) << " = "
      << m1(m.dsg.closing_deficit()) << " at "
      << date::format("%d %B %Y", m.month.year().last_day()) << "; statutory override ends "
      << date::format("%d %B %Y", m.dsg.override_ends) << "\n";

    o << "\n11. Strategic risks (residual score, band, direction of travel)\n";
    for (const auto& k : m.risks) {
        char scores[32];
        std::snprintf(scores, sizeof scores, "%2u -> %2u", k.r.previous_residual, k.r.residual);
        o << "  " << pad(k.r.name, 36) << " " << scores << "  "
          << pad(std::string(bmm::to_string(k.level)), 7) << sym(bmm::to_rag(k.level)) << "  "
          << bmm::to_symbol(k.travel) << " " << bmm::to_string(k.travel) << "\n";
    }

    o << "\n12. Audit: published figures that differ from the computed ones\n";
    std::size_t errors = 0, others = 0;
    auto finding = [&](const std::string& what, bmm::verdict v) {
        o << "  [" << bmm::to_string(v) << "] " << what << "\n";
        (v == bmm::verdict::error ? errors : others) += 1;
    };
    for (const auto& f : m.overall_audit) {
        finding(m.overall_title + " " + f.where.row + " " + f.where.column + ": printed " +
                    f.printed + ", computed " + f.expected,
                f.verdict);
    }
    for (const auto& dir : m.directorates) {
        for (const auto& f : dir.audit) {
            finding(f.rule == "sum" ? dir.name + " table: printed total " + f.where.column + " " +
                                          f.printed + ", its lines add to " + f.expected
                                    : dir.name + " table " + f.where.row + " " + f.where.column +
                                          ": printed " + f.printed + ", computed " + f.expected,
                    f.verdict);
        }
    }
    const auto money_m = [](const std::string& v) { return "£" + v + "m"; };
    const auto& split = m.savings_split;
    for (const auto& f : m.savings_split_audit) {
        if (f.where.row_index) {
            const auto& part = split.parts[*f.where.row_index];
            std::string what = "savings: printed " + f.printed + "% " + part.label + " (";
            what += part.amount ? money_m(str(*part.amount)) + " of " : "the rest of ";
            what += money_m(str(split.total)) + "), computed " + f.expected + "%";
            if (part.amount) {
                what += " (" +
                        pct1(bmm::ratio::from_decimal(*part.amount) /
                             bmm::ratio::from_decimal(split.total)) +
                        ")";
            }
            finding(what, f.verdict);
        } else if (f.where.column == "amount") {
            finding("savings: printed planned TOTAL " + money_m(f.printed) +
                        ", the statuses' amounts add to " + money_m(f.expected),
                    f.verdict);
        } else {
            finding("savings: the printed %s add to " + f.printed + "%, not " + f.expected + "%",
                    f.verdict);
        }
    }
    // A TOTAL row's cell is checked against its column (rule "sum") and, for its total, across
    // its row too (rule "row_total", as every row's).
    for (const auto& f : m.savings_plan_audit) {
        finding("savings table " + f.where.row + " " + f.where.column + ": printed " + f.printed +
                    ", " +
                    (f.rule == "sum" ? "the column adds to " : "planned + carried forward give ") +
                    f.expected,
                f.verdict);
    }
    std::vector<std::string> undecided, consistent;
    for (const auto& x : m.measures) {
        if (x.printed && *x.printed != x.current) {
            finding(x.id + " printed " + word(*x.printed) + ", its figures give " +
                        word(x.current) + " (" + show(x.actual) + " against " + show(x.target) +
                        ", " + std::string(bmm::to_string(x.polarity)) + ")",
                    bmm::verdict::error);
        }
        for (const auto* c : {&x.ytd_actual_check, &x.ytd_target_check}) {
            const char* what = c == &x.ytd_actual_check ? " YTD " : " YTD target ";
            for (const auto& f : *c) {
                if (f.verdict == bmm::verdict::error || f.verdict == bmm::verdict::rounding) {
                    finding(x.id + what + "printed " + f.printed + "; " + f.explanation, f.verdict);
                }
            }
        }
        for (const auto& f : x.ytd_actual_check) {
            if (f.verdict != bmm::verdict::undecided) continue;
            // Bounded but not decided (a rate without its numerators and denominators), or not
            // checkable at all.
            (f.fits ? consistent : undecided).push_back(x.id);
        }
    }
    for (const auto& k : m.risks) {
        for (const auto& f : k.findings) {
            finding("risk " + k.r.name + ": printed " + f.printed + ", scores give " + f.expected,
                    f.verdict);
        }
    }
    o << "  " << errors << " errors, " << others << " rounding or sign-convention differences\n";
    if (!consistent.empty()) {
        o << wrapped(
            "  YTD within its rule's range, not exactly checkable (no numerators and "
            "denominators), " +
                std::to_string(consistent.size()) + ":",
            consistent);
    }
    if (!undecided.empty()) {
        o << wrapped(
            "  YTD rule not checkable from the data (a month's figure not given or "
            "derived from the YTD), " +
                std::to_string(undecided.size()) + ":",
            undecided);
    }
    return o.str();
}

int usage() {
    std::fprintf(stderr, "usage: monthly_report [--data DIR] [--html PATH] [--export-csv DIR]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string data_dir, html = "bmm-dashboard.html", export_dir;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage();
        if (a == "--data") {
            data_dir = argv[++i];
        } else if (a == "--html") {
            html = argv[++i];
        } else if (a == "--export-csv") {
            export_dir = argv[++i];
        } else {
            return usage();
        }
    }
    try {
        if (!export_dir.empty()) {
            report::write_dir(report::embedded(), export_dir);
            std::printf("monthly_report: wrote the embedded data as CSV to %s\n",
                        export_dir.c_str());
            bmm::flush_output(stdout, "standard output");
            return 0;
        }
        bmm::progress_line progress("monthly_report");  // on a terminal only
        progress.stage(data_dir.empty() ? "reading the embedded data" : "reading " + data_dir);
        const report::data d = data_dir.empty() ? report::embedded() : report::read_dir(data_dir);
        progress.stage("computing");
        const model m = compute(d);
        progress.stage("rendering");
        const std::string text = render_text(m);
        const std::string page = dashboard::render(m);
        const std::filesystem::path target = std::filesystem::absolute(html);
        progress.stage("writing " + target.string());
        // Whole or not at all, never over a device, FIFO or symbolic link (bmm/io/output.hpp).
        bmm::write_file(target.string(), page);
        progress.finish();
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::printf("\nDashboard: %s\n", target.string().c_str());
        bmm::flush_output(stdout, "standard output");  // >/dev/full: exit 2, not 0
    } catch (const std::exception& e) {
        std::fprintf(stderr, "monthly_report: %s\n", e.what());
        return 2;
    }
    return 0;
}
