// bmm demo: the performance summary of Oxfordshire County Council's Business Management &
// Monitoring Report for May 2023 (../shared/seeds/003_…: Tables 1–4 and Annex A).
//
// The embedded data are Annex A's rows as printed — actual and target text — with the rating
// policy each measure needs (the report does not print its thresholds; each is the narrowest
// that reproduces the report's own symbols), shared with the monthly report (report_data.hpp).
// Every status, count, percentage, list and change below is computed by bmm; the report's
// printed figures appear only where they are compared.
#include <bmm/history.hpp>
#include <bmm/measure.hpp>
#include <bmm/rag.hpp>
#include <bmm/status.hpp>
#include <bmm/summary.hpp>
#include <bmm/target.hpp>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report_data.hpp"

namespace {

using bmm::rag;

std::string pct(bmm::decimal d) { return bmm::to_string(d) + "%"; }

void print_counts_row(const char* label, const bmm::rag_counts& c) {
    const auto p = bmm::percentages(c, 0);
    std::printf("  %-22s %3lld %4s  %3lld %4s  %3lld %4s  %3lld %4s  %3lld\n", label,
                static_cast<long long>(c.green), pct(p[0]).c_str(), static_cast<long long>(c.amber),
                pct(p[1]).c_str(), static_cast<long long>(c.red), pct(p[2]).c_str(),
                static_cast<long long>(c.unrated), pct(p[3]).c_str(),
                static_cast<long long>(c.total()));
}

}  // namespace

int main() {
    // The report month (and the one before it) as the data name it.
    const report::data data = report::embedded();
    const report::table& meta = data.get("report");
    std::optional<bmm::fiscal_month<>> month;
    for (std::size_t r = 0; r < meta.rows.size(); ++r) {
        if (meta.cell(r, "key") == "month")
            month = bmm::fiscal_month<>::parse(meta.cell(r, "value"));
    }
    if (!month) return 2;
    const auto may = *month, april = may.prev();
    const std::string may_label = report::long_label(may), april_label = report::long_label(april);

    // Rate every measure for the report month; the month before's statuses are as printed.
    const report::table& mt = data.get("measures");
    const report::table& ot = data.get("observations");
    std::vector<std::pair<bmm::measure_id, bmm::status>> may_status;
    std::map<std::string, bmm::status> april_map, may_map;
    std::vector<std::string> disagreements;
    for (std::size_t r = 0; r < mt.rows.size(); ++r) {
        const std::string& id_text = mt.cell(r, "id");
        const auto id = bmm::measure_id::parse(id_text);
        const auto polarity = report::polarity_of(mt, r);
        for (std::size_t k = 0; k < ot.rows.size(); ++k) {
            if (ot.cell(k, "measure") != id_text) continue;
            const auto when = bmm::fiscal_month<>::parse(ot.cell(k, "month"));
            const std::string& printed = ot.cell(k, "printed_status");
            if (when == april && !printed.empty()) {
                april_map.emplace(id_text, bmm::status::parse(printed));
            }
            if (when != may) continue;
            const auto target = bmm::target::parse(ot.cell(k, "target"));
            const bmm::status s = bmm::rate(bmm::parse_figure(ot.cell(k, "actual")).value, target,
                                            report::policy_for(mt, r, polarity));
            may_status.emplace_back(id, s);
            may_map.emplace(id_text, s);
            if (!printed.empty() && bmm::status::parse(printed) != s) {
                disagreements.push_back(id_text + " printed " +
                                        std::string(bmm::to_string(bmm::status::parse(printed))) +
                                        ", computed " + std::string(bmm::to_string(s)) + " (" +
                                        ot.cell(k, "actual") + " against " + ot.cell(k, "target") +
                                        ", " + std::string(bmm::to_string(polarity)) + ")");
            }
        }
    }
    std::vector<bmm::status> statuses;
    for (const auto& p : may_status) statuses.push_back(p.second);
    const bmm::rag_counts may_counts = bmm::count(statuses);

    std::printf("bmm performance summary: %s (%s), Oxfordshire County Council\n", may_label.c_str(),
                bmm::to_string(may).c_str());
    std::printf("%zu measures from Annex A, each rated by bmm against its target\n\n",
                may_status.size());

    std::printf("Table 1: %s performance, all measures\n", may_label.c_str());
    std::printf("  %-22s %8s  %8s  %8s  %8s  %5s\n", "", "Green", "Amber", "Red", "Mon/NA",
                "Total");
    print_counts_row("Monthly (computed)", may_counts);
    // The report's own counts as printed (Table 1 and Table 2), with percentages computed from
    // them: they are compared, never used.
    const bmm::rag_counts report_counts{27, 6, 4, 7}, april_counts{12, 5, 4, 11};
    print_counts_row("Monthly (report's)", report_counts);
    std::printf("  Percentages by largest remainder: each row adds to exactly 100%%.\n");
    std::printf(
        "  The report counts %lld measures by its printed symbols; Annex A lists %zu, and\n"
        "  %zu printed symbols contradict their own figures (see the end).\n\n",
        static_cast<long long>(report_counts.total()), may_status.size(), disagreements.size());

    std::printf("Table 2: monthly measures in %s\n", bmm::to_string(may.year()).c_str());
    std::printf("  %-22s %8s  %8s  %8s  %8s  %5s\n", "", "Green", "Amber", "Red", "Mon/NA",
                "Total");
    // April's counts are the report's (its measure-level data are not published).
    print_counts_row((april_label + " (counts)").c_str(), april_counts);
    print_counts_row((may_label + " (computed)").c_str(), may_counts);
    const auto april_cells = bmm::percentages(april_counts, 0, bmm::percent_rounding::per_cell);
    std::printf("  %s rounded cell by cell (half up) would print %s %s %s %s: %s.\n\n",
                april_label.c_str(), pct(april_cells[0]).c_str(), pct(april_cells[1]).c_str(),
                pct(april_cells[2]).c_str(), pct(april_cells[3]).c_str(),
                pct(april_cells[0] + april_cells[1] + april_cells[2] + april_cells[3]).c_str());

    std::printf("Table 3: Red measures, %s\n", may_label.c_str());
    for (std::size_t r = 0; r < mt.rows.size(); ++r) {
        if (may_map.at(mt.cell(r, "id")) == bmm::status(rag::red)) {
            std::printf("  %s: %s (%s)\n", mt.cell(r, "id").c_str(), mt.cell(r, "title").c_str(),
                        mt.cell(r, "owner").c_str());
        }
    }
    std::printf("\n");

    std::printf("Table 4: status changes, %s to %s\n", april_label.c_str(), may_label.c_str());
    const auto changes = bmm::group_changes(april_map, may_map);
    for (const auto change : bmm::reported_changes) {
        std::string names;
        for (const auto& id : changes[change]) names += (names.empty() ? "" : ", ") + id;
        std::printf("  %-15s %s\n", std::string(bmm::to_string(change)).c_str(),
                    names.empty() ? "No change" : names.c_str());
    }
    std::printf(
        "  (%s statuses as the report prints them; the monthly report also rates a\n"
        "  month from its figures where the data give or derive them.)\n\n",
        april_label.c_str());

    std::printf("Exceptions (Red, or Amber two months running), %s\n", may_label.c_str());
    for (std::size_t r = 0; r < mt.rows.size(); ++r) {
        const std::string& id = mt.cell(r, "id");
        bmm::status_history<> h;
        if (auto a = april_map.find(id); a != april_map.end()) h.record(april, a->second);
        h.record(may, may_map.at(id));
        if (const auto why = bmm::exception_in(h, may)) {
            std::printf("  %-9s %-5s %-16s %s\n", id.c_str(),
                        std::string(bmm::to_string(*h.at(may))).c_str(),
                        *why == bmm::exception_reason::red ? "red" : "amber 2+ months",
                        mt.cell(r, "owner").c_str());
        }
    }
    std::printf("\n");

    std::printf("By priority (worst rated measure)\n");
    for (const auto& [priority, c] : bmm::by_priority(may_status)) {
        const auto overall = bmm::overall(c, bmm::rollup_rule::worst);
        std::printf("  %-6s %2lld measures  %s\n", priority.c_str(),
                    static_cast<long long>(c.total()),
                    overall ? std::string(bmm::to_symbol(*overall)).c_str() : "?");
    }
    std::printf("\n");

    std::printf("Where the printed symbol differs from the computed status (%zu)\n",
                disagreements.size());
    for (const auto& line : disagreements) std::printf("  %s\n", line.c_str());
    return 0;
}
