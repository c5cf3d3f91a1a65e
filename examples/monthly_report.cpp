// bmm demo: a council's monthly Business Management & Monitoring report, computed by bmm.
//
//   monthly_report [--data DIR] [--html PATH] [--export-csv DIR]
//
// From the embedded data (seed 003, Oxfordshire County Council, May 2023 — see
// report_data.hpp) or from DIR/*.csv in the same form, prints the report in the order a Cabinet
// member reads it — performance summary, red measures, status changes, exceptions, the overall
// finance table, directorate tables, savings, balances, reserves, the DSG deficit, strategic
// risks — and an audit of the published figures; and writes a self-contained HTML dashboard
// (inline SVG, no script). Every figure is computed by a bmm call from the cells as printed.
// Exit status: 0, or 2 for bad input (the message names the file, line and column; nothing is
// written).
#include <bmm/audit.hpp>
#include <bmm/finding.hpp>
#include <bmm/format.hpp>
#include <bmm/history.hpp>
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
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "dashboard.hpp"
#include "report_data.hpp"

namespace {

using bmm::gbp;
using report::table;

std::string str(bmm::decimal d) { return bmm::to_string(d); }
std::string m1(gbp g) { return bmm::to_string(g, bmm::money_format::millions(1)); }
std::string col(gbp g) { return bmm::to_string(g, bmm::money_format::millions_column(1)); }
std::string pct1(const std::optional<bmm::ratio>& r) {
    return r ? bmm::to_string(r->percent(1, bmm::rounding_mode::half_up)) + "%" : "-";
}
std::string sym(bmm::status s) { return std::string(bmm::to_symbol(s)); }
/// A figure as a report prints it: "56.74%", "£439,343", "1,339".
std::string show(bmm::decimal v, bmm::unit u) {
    if (u == bmm::unit::percent) return bmm::to_string(v) + "%";
    auto f = v.places() == 0 ? bmm::money_format::whole() : bmm::money_format::full();
    if (v.places() > 2) return bmm::to_string(v);
    f.decimals = v.places();
    if (u != bmm::unit::money) f = f.without_symbol();
    return bmm::to_string(gbp::from_decimal(v), f);
}
std::string show(const bmm::target& t) {
    return t.what() == bmm::target::kind::value ? show(t.low(), t.unit()) : bmm::to_string(t);
}
std::string word(bmm::status s) { return std::string(bmm::to_string(s)); }

gbp millions(const table& t, std::size_t r, const std::string& c) {
    return t.read(r, c, [](const std::string& s) { return gbp::from_millions(s); });
}
bmm::decimal dec(const table& t, std::size_t r, const std::string& c) {
    return t.read(r, c, [](const std::string& s) { return bmm::decimal::parse(s); });
}

/// The report, computed.
struct measure_result {
    std::string id, title, owner;
    bmm::polarity polarity;
    bmm::figure actual, ytd_actual;
    std::optional<bmm::figure> april_actual;
    bmm::target target, ytd_target;
    bmm::status may = bmm::data_status::not_reported, ytd = bmm::data_status::not_reported;
    std::optional<bmm::status> april, printed, printed_ytd;
    std::string ytd_rule;
    std::optional<bmm::exception_reason> exception;
};

struct model {
    std::string council, source;
    bmm::fiscal_month<> month, previous;
    std::vector<measure_result> measures;
    bmm::rag_counts may_counts, ytd_counts;
    std::map<std::string, bmm::rag_counts> by_priority;
    bmm::change_groups<std::string> changes;
    bmm::budget_table<bmm::currency::gbp> overall;
    std::vector<bmm::published_row> overall_printed;
    bmm::audit_report overall_audit;
    struct directorate {
        std::string name;
        std::vector<std::pair<std::string, std::pair<gbp, gbp>>> lines;  // budget, variance
        gbp budget, variance;
        bmm::decimal printed_budget, printed_variance;
        std::optional<bmm::finding_class> budget_finding, variance_finding;
    };
    std::vector<directorate> directorates;
    std::vector<std::pair<std::string, std::pair<gbp, gbp>>> savings_plan;  // planned, carried
    std::vector<std::optional<bmm::finding_class>> savings_plan_findings;
    bmm::savings_summary<bmm::currency::gbp> savings;
    std::optional<bmm::decimal> savings_printed_percent;
    std::optional<bmm::finding_class> savings_finding;
    bmm::general_balances<bmm::currency::gbp> balances;
    std::vector<bmm::earmarked_reserve<bmm::currency::gbp>> reserves;
    bmm::dsg_deficit_reserve<bmm::currency::gbp> dsg;
    struct risk {
        bmm::strategic_risk r;
        bmm::risk_level level;
        bmm::risk_travel travel;
        std::vector<bmm::risk_finding> findings;
    };
    std::vector<risk> risks;
};

std::optional<bmm::status> optional_status(const table& t, std::size_t r, const std::string& c) {
    if (t.cell(r, c).empty()) return std::nullopt;
    return t.read(r, c, [](const std::string& s) { return bmm::status::parse(s); });
}

model compute(const report::data& d) {
    model m;
    const table& meta = d.get("report");
    for (std::size_t r = 0; r < meta.rows.size(); ++r) {
        const std::string& key = meta.cell(r, "key");
        if (key == "council") m.council = meta.cell(r, "value");
        if (key == "source") m.source = meta.cell(r, "value");
        if (key == "month" || key == "previous_month") {
            const auto mo = meta.read(
                r, "value", [](const std::string& s) { return bmm::fiscal_month<>::parse(s); });
            (key == "month" ? m.month : m.previous) = mo;
        }
    }

    // Performance.
    const table& mt = d.get("measures");
    std::map<std::string, bmm::status> april_map, may_map;
    std::vector<std::pair<bmm::measure_id, bmm::status>> may_rows;
    std::vector<bmm::status> may_statuses, ytd_statuses;
    for (std::size_t r = 0; r < mt.rows.size(); ++r) {
        measure_result x;
        const auto id =
            mt.read(r, "id", [](const std::string& s) { return bmm::measure_id::parse(s); });
        x.id = bmm::to_string(id);
        x.title = mt.cell(r, "title");
        x.owner = mt.cell(r, "owner");
        x.polarity = report::polarity_of(mt, r);
        const auto policy = report::policy_for(mt, r, x.polarity);
        x.ytd_rule = mt.cell(r, "ytd_rule");
        auto fig = [](const std::string& s) { return bmm::parse_figure(s); };
        auto tgt = [](const std::string& s) { return bmm::target::parse(s); };
        x.actual = mt.read(r, "actual", fig);
        x.target = mt.read(r, "target", tgt);
        x.ytd_target = mt.read(r, "ytd_target", tgt);
        x.ytd_actual = mt.read(r, "ytd_actual", fig);
        const auto& ytd_actual = x.ytd_actual;
        x.may = mt.read(r, "actual", [&](const std::string&) {
            return bmm::rate(x.actual.value, x.target, policy);
        });
        x.ytd = mt.read(r, "ytd_actual", [&](const std::string&) {
            return bmm::rate(ytd_actual.value, x.ytd_target, policy);
        });
        if (x.ytd_rule == "sum" || x.ytd_rule == "ratio") {
            // The month before is what the printed YTD adds to May (for a rate, that is how the
            // report made its YTD: the audit says so).
            x.april_actual = bmm::figure{ytd_actual.value - x.actual.value, x.actual.unit};
        }
        x.april = optional_status(mt, r, "april_status");
        x.printed = optional_status(mt, r, "printed_status");
        x.printed_ytd = optional_status(mt, r, "printed_ytd_status");
        bmm::status_history<> h;
        if (x.april) h.record(m.previous, *x.april);
        h.record(m.month, x.may);
        x.exception = bmm::exception_in(h, m.month);
        if (x.april) april_map.emplace(x.id, *x.april);
        may_map.emplace(x.id, x.may);
        may_rows.emplace_back(id, x.may);
        may_statuses.push_back(x.may);
        ytd_statuses.push_back(x.ytd);
        m.measures.push_back(std::move(x));
    }
    m.may_counts = bmm::count(may_statuses);
    m.ytd_counts = bmm::count(ytd_statuses);
    m.by_priority = bmm::by_priority(may_rows);
    m.changes = bmm::group_changes(april_map, may_map);

    // The overall finance table, and its audit.
    const table& ot = d.get("overall");
    bmm::csv_table as_csv;
    as_csv.header = ot.columns;
    for (std::size_t r = 0; r < ot.rows.size(); ++r) {
        as_csv.records.push_back({ot.rows[r], ot.lines[r]});
        const std::string& level = ot.cell(r, "level");
        if (level.empty()) {
            m.overall.add_heading(ot.cell(r, "line"));
        } else if (level == "0") {
            m.overall.add_line(ot.cell(r, "line"), millions(ot, r, "budget"),
                               millions(ot, r, "forecast"));
        } else {
            const int lv = ot.read(r, "level", [](const std::string& s) {
                const auto v = bmm::decimal::parse(s);
                if (v.places() != 0 || v < bmm::zero) {
                    throw bmm::parse_error(s, "a level", "expected 0 or a total's level 1..99");
                }
                return static_cast<int>(v.units());
            });
            try {
                m.overall.add_total(ot.cell(r, "line"), lv);
            } catch (const bmm::error& e) {
                throw report::report_error(ot.where(r, "level") + ": " + e.what());
            }
        }
    }
    try {
        m.overall_printed = bmm::read_published_table(as_csv);
        m.overall_audit = bmm::audit_budget_table(m.overall_printed);
    } catch (const bmm::error& e) {
        throw report::report_error((ot.source.empty() ? "embedded overall" : ot.source) + ": " +
                                   e.what());
    }

    // Directorate tables.
    const table& dt = d.get("directorates");
    for (std::size_t r = 0; r < dt.rows.size(); ++r) {
        const std::string& name = dt.cell(r, "directorate");
        if (m.directorates.empty() || m.directorates.back().name != name) {
            m.directorates.push_back({name, {}, {}, {}, {}, {}, {}, {}});
        }
        auto& dir = m.directorates.back();
        if (dt.cell(r, "level") == "0") {
            const gbp b = millions(dt, r, "budget"), v = millions(dt, r, "variance");
            dir.lines.push_back({dt.cell(r, "line"), {b, v}});
            dir.budget = dir.budget + b;
            dir.variance = dir.variance + v;
        } else {
            dir.printed_budget = dec(dt, r, "budget");
            dir.printed_variance = dec(dt, r, "variance");
            std::vector<bmm::decimal> budgets, variances;
            for (std::size_t k = r - dir.lines.size(); k < r; ++k) {
                budgets.push_back(dec(dt, k, "budget"));
                variances.push_back(dec(dt, k, "variance"));
            }
            dir.budget_finding = bmm::audit_sum(budgets, dir.printed_budget);
            dir.variance_finding = bmm::audit_sum(variances, dir.printed_variance);
        }
    }

    // Savings.
    const table& sp = d.get("savings_plan");
    for (std::size_t r = 0; r < sp.rows.size(); ++r) {
        const gbp planned = millions(sp, r, "planned"),
                  carried = millions(sp, r, "carried_forward");
        m.savings_plan.push_back({sp.cell(r, "directorate"), {planned, carried}});
        m.savings_plan_findings.push_back(bmm::audit_sum(
            {dec(sp, r, "planned"), dec(sp, r, "carried_forward")}, dec(sp, r, "printed_total")));
    }
    const table& ss = d.get("savings_status");
    std::vector<bmm::saving<bmm::currency::gbp>> items;
    for (std::size_t r = 0; r < ss.rows.size(); ++r) {
        const auto status = ss.read(r, "status", [](const std::string& s) {
            for (auto st : {bmm::savings_status::delivered, bmm::savings_status::expected,
                            bmm::savings_status::amber, bmm::savings_status::red}) {
                if (s == bmm::to_string(st)) return st;
            }
            throw bmm::parse_error(s, "a savings status",
                                   "expected delivered, expected, amber or red");
        });
        items.push_back({"All", ss.cell(r, "status"), millions(ss, r, "amount"), m.month.year(),
                         false, status});
        if (!ss.cell(r, "printed_percent").empty())
            m.savings_printed_percent = dec(ss, r, "printed_percent");
    }
    m.savings = bmm::summarize(items);
    if (m.savings_printed_percent) {
        // Part and whole as printed (£m, 1 dp).
        m.savings_finding =
            bmm::audit_share(bmm::ratio(m.savings.on_track().in_minor_units(), 100'000'000)
                                 .round(1, bmm::rounding_mode::half_up),
                             bmm::ratio(m.savings.total().in_minor_units(), 100'000'000)
                                 .round(1, bmm::rounding_mode::half_up),
                             *m.savings_printed_percent);
    }

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
            throw report::report_error(bt.where(r, "kind") + ": unknown kind \"" + kind + "\"");
    }
    const table& rt = d.get("reserves");
    for (std::size_t r = 0; r < rt.rows.size(); ++r) {
        const std::string& name = rt.cell(r, "reserve");
        if (m.reserves.empty() || m.reserves.back().name != name)
            m.reserves.push_back({name, {}, {}, {}});
        auto& res = m.reserves.back();
        const std::string& kind = rt.cell(r, "kind");
        const gbp a = millions(rt, r, "amount");
        const auto year =
            rt.read(r, "year", [](const std::string& s) { return bmm::fiscal_year<>::parse(s); });
        if (kind == "opening")
            res.opening = a;
        else if (kind == "planned_use")
            res.planned_uses.push_back({year, a});
        else if (kind == "commitment")
            res.commitments.push_back({rt.cell(r, "label"), a});
        else
            throw report::report_error(rt.where(r, "kind") + ": unknown kind \"" + kind + "\"");
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
            throw report::report_error(gt.where(r, "item") + ": unknown item \"" + item + "\"");
        }
    }

    // Risks.
    const table& kt = d.get("risks");
    for (std::size_t r = 0; r < kt.rows.size(); ++r) {
        auto score = [](const std::string& s) {
            const auto v = bmm::decimal::parse(s);
            if (v.places() != 0 || v.units() < 1 || v.units() > 25) {
                throw bmm::parse_error(s, "a risk score", "expected a whole number 1 to 25");
            }
            return static_cast<unsigned>(v.units());
        };
        model::risk k;
        k.r = {kt.cell(r, "risk"), kt.read(r, "inherent", score),
               kt.read(r, "previous_residual", score), kt.read(r, "residual", score)};
        k.level = bmm::risk_bands().level(k.r.residual);
        k.travel = bmm::travel(k.r.previous_residual, k.r.residual);
        k.findings = bmm::audit_risk(
            k.r,
            kt.read(r, "printed_rating",
                    [](const std::string& s) { return bmm::status::parse(s); }),
            kt.read(r, "printed_direction",
                    [](const std::string& s) { return bmm::parse_risk_travel(s); }));
        m.risks.push_back(std::move(k));
    }
    return m;
}

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

std::string render_text(const model& m) {
    std::ostringstream o;
    o << "Business Management & Monitoring Report: " << m.council << "\n";
    o << "Position at the end of " << bmm::to_string(m.month) << " (month " << m.month.index()
      << " of " << bmm::to_string(m.month.year()) << ")\n";
    o << "Source: " << m.source << "\n";
    o << "Every figure below is computed by bmm from the report's cells as printed.\n\n";

    o << "1. Performance: " << m.measures.size() << " measures rated against their targets\n";
    o << "  " << pad("", 20) << "   Green     Amber       Red    Mon/NA  Total\n";
    o << counts_row("This month", m.may_counts) << counts_row("Year to date", m.ytd_counts);
    o << "  By priority (worst rated measure): ";
    bool first = true;
    for (const auto& [p, c] : m.by_priority) {
        const auto overall = bmm::overall(c, bmm::rollup_rule::worst);
        o << (first ? "" : ", ") << p << " " << (overall ? sym(*overall) : "?");
        first = false;
    }
    o << "\n\n2. Red measures this month\n";
    for (const auto& x : m.measures) {
        if (x.may == bmm::status(bmm::rag::red)) {
            o << "  " << x.id << " " << x.title << ": " << show(x.actual.value, x.actual.unit)
              << " against " << show(x.target) << " (" << x.owner << ")\n";
        }
    }
    o << "\n3. Status changes since " << bmm::to_string(m.previous) << "\n";
    for (const auto c : bmm::reported_changes) {
        std::string ids;
        for (const auto& id : m.changes[c]) ids += (ids.empty() ? "" : ", ") + id;
        o << "  " << pad(std::string(bmm::to_string(c)), 15) << (ids.empty() ? "No change" : ids)
          << "\n";
    }
    o << "\n4. Exceptions (Red, or Amber two periods running)\n";
    for (const auto& x : m.measures) {
        if (!x.exception) continue;
        o << "  " << pad(x.id, 9) << pad(word(x.may), 6)
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
    auto finding = [&](const std::string& what, bmm::finding_class c) {
        o << "  [" << bmm::to_string(c) << "] " << what << "\n";
        (c == bmm::finding_class::error ? errors : others) += 1;
    };
    for (const auto& f : m.overall_audit.findings) {
        finding("Table 11 " + m.overall_printed[f.row].name + " " +
                    std::string(bmm::to_string(f.column)) + ": printed " + str(f.published) +
                    ", computed " + str(f.computed),
                f.what);
    }
    for (const auto& dir : m.directorates) {
        if (dir.budget_finding) {
            finding(dir.name + " table: printed total budget " + str(dir.printed_budget) +
                        ", its lines add to " + col(dir.budget),
                    *dir.budget_finding);
        }
        if (dir.variance_finding) {
            finding(dir.name + " table: printed total variance " + str(dir.printed_variance) +
                        ", its lines add to " + col(dir.variance),
                    *dir.variance_finding);
        }
    }
    if (m.savings_finding) {
        finding("savings: printed " + str(*m.savings_printed_percent) +
                    "% delivered or expected, computed " + pct1(bmm::achievement(m.savings)),
                *m.savings_finding);
    }
    for (const auto& x : m.measures) {
        if (x.printed && *x.printed != x.may) {
            finding(x.id + " printed " + word(*x.printed) + ", its figures give " + word(x.may) +
                        " (" + show(x.actual.value, x.actual.unit) + " against " + show(x.target) +
                        ", " + std::string(bmm::to_string(x.polarity)) + ")",
                    bmm::finding_class::error);
        }
        if (x.ytd_rule == "ratio" && x.april_actual) {
            finding(x.id + " YTD " + bmm::to_string(x.ytd_actual.value) + "% is " +
                        bmm::to_string(x.april_actual->value) + "% (April) + " +
                        bmm::to_string(x.actual.value) +
                        "% (May) summed; a rate's YTD is a ratio of sums, between the two",
                    bmm::finding_class::error);
        }
    }
    for (const auto& k : m.risks) {
        for (const auto& f : k.findings) {
            finding("risk " + k.r.name + ": printed " + f.printed + ", scores give " + f.computed,
                    bmm::finding_class::error);
        }
    }
    o << "  " << errors << " errors, " << others << " rounding or sign-convention differences\n";
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
            std::filesystem::create_directories(export_dir);
            report::write_dir(report::embedded(), export_dir);
            std::printf("monthly_report: wrote the embedded data as CSV to %s\n",
                        export_dir.c_str());
            return 0;
        }
        const report::data d = data_dir.empty() ? report::embedded() : report::read_dir(data_dir);
        const model m = compute(d);
        const std::string text = render_text(m);
        const std::string page = dashboard::render(m);
        // Nothing is half written: the page goes to a temporary file, renamed when complete.
        const std::filesystem::path target = std::filesystem::absolute(html);
        const std::filesystem::path temp = target.string() + ".part";
        {
            std::ofstream out(temp, std::ios::binary);
            out << page;
            if (!out) throw report::report_error("cannot write " + temp.string());
        }
        std::filesystem::rename(temp, target);
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::printf("\nDashboard: %s\n", target.string().c_str());
    } catch (const report::report_error& e) {
        std::fprintf(stderr, "monthly_report: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "monthly_report: %s\n", e.what());
        return 2;
    }
    return 0;
}
