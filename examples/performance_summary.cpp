// bmm demo: the performance summary of Oxfordshire County Council's Business Management &
// Monitoring Report for May 2023 (../shared/seeds/003_…: Tables 1–4 and Annex A).
//
// The embedded data are Annex A's rows as printed — actual and target text — with the rating
// policy each measure needs (the report does not print its thresholds; each is the narrowest
// that reproduces the report's own symbols). Every status, count, percentage, list and change
// below is computed by bmm; the report's printed figures appear only where they are compared.
#include <bmm/history.hpp>
#include <bmm/measure.hpp>
#include <bmm/rag.hpp>
#include <bmm/status.hpp>
#include <bmm/summary.hpp>
#include <bmm/target.hpp>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace {

using bmm::data_status;
using bmm::rag;

struct row {
    const char* id;
    const char* title;
    const char* owner;
    bmm::polarity polarity;
    int band_percent;   ///< amber band as % of the target (0: none)
    const char* april;  ///< April 2023 status as printed in Tables 5–9 ("" = not in those tables)
    const char* actual;   ///< May 2023 "Period Actual" ("" = none)
    const char* target;   ///< May 2023 "Period Target" ("" = monitoring only)
    const char* printed;  ///< the May symbol printed in Annex A ("" = lost in extraction)
};

constexpr auto hi = bmm::polarity::higher_is_better;
constexpr auto lo = bmm::polarity::lower_is_better;
constexpr auto near = bmm::polarity::close_to_target;

// Seed 003, Annex A "Performance as at May 2023" (45 rows).
const row annex_a[] = {
    {"OCC01.02", "Total No. of streetlights fitted with LED Lanterns", "Bill Cotton", hi, 10,
     "Amber", "35", "1,500", "\xE2\x96\xB2"},
    {"OCC01.03", "Engagement with the Climate Action Oxfordshire website", "Susannah Wintersgill",
     hi, 0, "", "40.00", "", "n/a"},
    {"OCC01.07", "Total % of household waste reused, recycled or composted", "Bill Cotton", hi, -75,
     "Amber", "56.74", "61.50%", "\xE2\x96\xB2"},
    {"OCC02.01", "Digital inclusion: hours of use of library public computers", "Mark Haynes", hi,
     0, "", "6,898", "5,500", "\xE2\x98\x85"},
    {"OCC02.03", "Number of physical visits to Libraries", "Mark Haynes", hi, 0, "", "150,159",
     "125,000", "\xE2\x98\x85"},
    {"OCC03.09", "No of people contacted via Making Every Conversation", "Mark Haynes", hi, 0, "",
     "662", "450", "\xE2\x98\x85"},
    {"OCC04.01", "No of people supported with on-going care", "Karen Fuller", hi, 0, "", "6,461",
     "", "n/a"},
    {"OCC04.02", "% of residents 18-64 with LD support living on their own or with family",
     "Karen Fuller", hi, 5, "", "88.30", "86.00%", "\xE2\x98\x85"},
    {"OCC04.03", "% of residents 65+ receiving ASC managing care by direct payment", "Karen Fuller",
     hi, 5, "", "18.20", "15.50%", "\xE2\x98\x85"},
    {"OCC04.04", "% of residents under 65 receiving ASC managing care by direct payment",
     "Karen Fuller", hi, 5, "Amber", "37.90", "38.40%", "\xE2\x97\x8F"},
    {"OCC04.05", "% of older residents in long term care supported to live at home", "Karen Fuller",
     hi, 5, "Amber", "59.00", "60.00%", ""},
    {"OCC04.06", "No of residents with a formal carer's assessment", "Karen Fuller", hi, 0, "",
     "619", "197", ""},
    {"OCC04.07", "No of Carers who have received a direct payment", "Karen Fuller", hi, 0, "",
     "234", "", "n/a"},
    {"OCC04.08", "No of visits to Live Well Oxfordshire", "Karen Fuller", hi, 0, "", "11,782",
     "6,000", ""},
    {"OCC05.03", "91 KM (2%) of the highway to be treated", "Bill Cotton", hi, 5, "", "46.50",
     "48.40", "\xE2\x98\x85"},
    {"OCC06.02", "% of newly planted trees still alive on OCC land", "Bill Cotton", hi, 0, "",
     "99.10", "", "n/a"},
    {"OCC07.01", "Total number of children with an EHC Plan", "Anne Coyle", hi, 0, "", "5,953", "",
     "n/a"},
    {"OCC07.02", "No of children we care for who are UASC", "Anne Coyle", hi, 0, "", "102", "",
     "n/a"},
    {"OCC07.03", "Number of multi-agency strength & needs assessments completed", "Anne Coyle", hi,
     20, "Amber", "367", "438", "\xE2\x97\x8F"},
    {"OCC07.04", "Increase the % of children in Foster Care", "Anne Coyle", hi, 5, "", "62.00",
     "62.00%", "\xE2\x98\x85"},
    {"OCC07.05", "The percentage of children in residential care", "Anne Coyle", lo, 10, "Amber",
     "15", "14%", "\xE2\x97\x8F"},
    {"OCC07.06", "Number of Oxfordshire children we care for", "Anne Coyle", lo, 5, "", "755",
     "770", "\xE2\x98\x85"},
    {"OCC07.07", "% of EHC Plans completed within 20 weeks", "Anne Coyle", hi, 5, "", "52.00",
     "50.70%", "\xE2\x98\x85"},
    {"OCC09.02", "Innovation funding bids or projects for Living Oxfordshire", "Tim Spiers", hi, 0,
     "Red", "4.00", "2.50", "\xE2\x98\x85"},
    {"OCC10.03", "Customer satisfaction, Customer Service Centre telephony", "Mark Haynes", hi, 5,
     "", "98", "80%", "\xE2\x98\x85"},
    {"OCC10.04", "First contact resolution, Customer Service Centre", "Mark Haynes", hi, 5, "",
     "76", "75%", "\xE2\x98\x85"},
    {"OCC10.05", "% of customer telephone calls abandoned", "Mark Haynes", lo, 50, "Amber", "15",
     "10%", "\xE2\x97\x8F"},
    {"OCC10.06", "Customer satisfaction, Registration Service", "Mark Haynes", hi, 5, "", "100",
     "95%", "\xE2\x98\x85"},
    {"OCC10.07", "Customer satisfaction, Coroners Inquest Service", "Mark Haynes", hi, 5, "", "100",
     "99%", "\xE2\x98\x85"},
    {"OCC10.08", "Number of FOIs responded to within timescales", "Mark Haynes", hi, 5, "", "90",
     "85%", "\xE2\x98\x85"},
    {"OCC11.01", "Overall forecast revenue variance across the Council", "Lorna Baxter", near, 0,
     "", "0.00", "0.00%", "\xE2\x98\x85"},
    {"OCC11.02", "Achievement of planned savings", "Lorna Baxter", hi, 10, "N/A", "50.00", "95.00%",
     "\xE2\x96\xB2"},
    {"OCC11.03", "General balances at or above the risk assessed level", "Lorna Baxter", hi, 0, "",
     "30,200,000",
     "\xC2\xA3"
     "30,200,000",
     "\xE2\x98\x85"},
    {"OCC11.04", "Directorates deliver within agreed budget", "Lorna Baxter", lo, 0, "", "0.9",
     "1.0%", "\xE2\x98\x85"},
    {"OCC11.05", "Outturn variation, DSG (schools/early years)", "Lorna Baxter", near, 0, "",
     "0.00", "0.00%", "\xE2\x98\x85"},
    {"OCC11.06", "Outturn variation, DSG (high needs)", "Lorna Baxter", near, 0, "", "0.00",
     "0.00%", "\xE2\x98\x85"},
    {"OCC11.07", "Use of non-DSG revenue grant funding", "Lorna Baxter", hi, 5, "", "95.00",
     "95.00%", "\xE2\x98\x85"},
    {"OCC11.08", "% of agreed invoices paid within 30 days", "Lorna Baxter", hi, 5, "", "95.41",
     "95.00%", "\xE2\x98\x85"},
    {"OCC11.09", "Invoice collection rate - Corporate Debtors", "Lorna Baxter", hi, 5, "", "98.32",
     "95.00%", "\xE2\x98\x85"},
    {"OCC11.10", "Debt requiring impairment - Corporate Debtors", "Lorna Baxter", lo, 10, "",
     "439,343",
     "\xC2\xA3"
     "300,000",
     "\xE2\x98\x85"},
    {"OCC11.11", "Debt requiring impairment - ASC contribution debtors", "Lorna Baxter", lo, 10,
     "Red", "4,685,633",
     "\xC2\xA3"
     "3,500,000",
     "\xE2\x96\xB2"},
    {"OCC11.12", "Average cash balance compared to forecast", "Lorna Baxter", near, 10, "",
     "441,293,000",
     "\xC2\xA3"
     "480,000,000",
     "\xE2\x98\x85"},
    {"OCC11.13", "Average interest rate, in-house investments", "Lorna Baxter", hi, 5, "", "3.00",
     "3.00%", "\xE2\x98\x85"},
    {"OCC11.14", "Average annualised return, external funds", "Lorna Baxter", hi, 5, "", "3.75",
     "3.75%", "\xE2\x98\x85"},
    {"OCC11.15", "Invoice collection rate - ASC contribution debtors", "Lorna Baxter", hi, 5, "",
     "90.51", "92.00%", "\xE2\x98\x85"},
};

/// The policy a row states: a relative amber band of band_percent % of the target (negative:
/// per mille, so -75 is 7.5%); close-to-target rows are Green within band_percent % and Amber
/// within twice that (or within 1 point of a zero target).
bmm::rag_policy policy_of(const row& r) {
    const auto share =
        r.band_percent < 0 ? bmm::ratio(-r.band_percent, 1000) : bmm::ratio(r.band_percent, 100);
    switch (r.polarity) {
        case bmm::polarity::higher_is_better:
            return bmm::rag_policy::higher_is_better(
                r.band_percent == 0 ? bmm::amber_band::none() : bmm::amber_band::relative(share));
        case bmm::polarity::lower_is_better:
            return bmm::rag_policy::lower_is_better(
                r.band_percent == 0 ? bmm::amber_band::none() : bmm::amber_band::relative(share));
        case bmm::polarity::close_to_target:
            if (r.band_percent == 0) {
                return bmm::rag_policy::close_to_target(
                    {}, bmm::amber_band::absolute(bmm::decimal::parse("1")));
            }
            return bmm::rag_policy::close_to_target(bmm::amber_band::relative(share),
                                                    bmm::amber_band::relative(share * 2));
    }
    return bmm::rag_policy::higher_is_better();
}

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
    const bmm::fiscal_year<> fy{2023};
    const auto april = fy.month(1), may = fy.month(2);

    // Rate every measure for May 2023.
    std::vector<std::pair<bmm::measure_id, bmm::status>> may_status;
    std::map<std::string, bmm::status> april_map, may_map;
    std::vector<std::string> disagreements;
    for (const row& r : annex_a) {
        const auto id = bmm::measure_id::parse(r.id);
        const auto target = bmm::target::parse(r.target);
        const bmm::status s = bmm::rate(bmm::decimal::parse(r.actual), target, policy_of(r));
        may_status.emplace_back(id, s);
        may_map.emplace(r.id, s);
        if (*r.april != '\0') april_map.emplace(r.id, bmm::status::parse(r.april));
        if (*r.printed != '\0' && bmm::status::parse(r.printed) != s) {
            disagreements.push_back(std::string(r.id) + " printed " +
                                    std::string(bmm::to_string(bmm::status::parse(r.printed))) +
                                    ", computed " + std::string(bmm::to_string(s)) + " (" +
                                    r.actual + " against " + r.target + ", " +
                                    std::string(bmm::to_string(r.polarity)) + ")");
        }
    }
    std::vector<bmm::status> statuses;
    for (const auto& p : may_status) statuses.push_back(p.second);
    const bmm::rag_counts may_counts = bmm::count(statuses);

    std::printf("bmm performance summary: May 2023 (%s), Oxfordshire County Council\n",
                bmm::to_string(may).c_str());
    std::printf("%zu measures from Annex A, each rated by bmm against its target\n\n",
                may_status.size());

    std::printf("Table 1: May 2023 performance, all measures\n");
    std::printf("  %-22s %8s  %8s  %8s  %8s  %5s\n", "", "Green", "Amber", "Red", "Mon/NA",
                "Total");
    print_counts_row("Monthly (computed)", may_counts);
    // The report's own counts, with percentages computed from them.
    print_counts_row("Monthly (report's)", bmm::rag_counts{27, 6, 4, 7});
    std::printf("  Percentages by largest remainder: each row adds to exactly 100%%.\n");
    std::printf(
        "  The report counts 44 measures by its printed symbols; Annex A lists %zu, and\n"
        "  %zu printed symbols contradict their own figures (see the end).\n\n",
        may_status.size(), disagreements.size());

    std::printf("Table 2: monthly measures in 2023/24\n");
    std::printf("  %-22s %8s  %8s  %8s  %8s  %5s\n", "", "Green", "Amber", "Red", "Mon/NA",
                "Total");
    // April's counts are the report's (its measure-level data are not published).
    print_counts_row("April 2023 (counts)", bmm::rag_counts{12, 5, 4, 11});
    print_counts_row("May 2023 (computed)", may_counts);
    const auto april_cells =
        bmm::percentages(bmm::rag_counts{12, 5, 4, 11}, 0, bmm::percent_rounding::per_cell);
    std::printf("  April rounded cell by cell (half up) would print %s %s %s %s: 101%%.\n\n",
                pct(april_cells[0]).c_str(), pct(april_cells[1]).c_str(),
                pct(april_cells[2]).c_str(), pct(april_cells[3]).c_str());

    std::printf("Table 3: Red measures, May 2023\n");
    for (const row& r : annex_a) {
        if (may_map.at(r.id) == bmm::status(rag::red)) {
            std::printf("  %s: %s (%s)\n", r.id, r.title, r.owner);
        }
    }
    std::printf("\n");

    std::printf("Table 4: status changes, April 2023 to May 2023\n");
    const auto changes = bmm::group_changes(april_map, may_map);
    for (const auto change : bmm::reported_changes) {
        std::string names;
        for (const auto& id : changes[change]) names += (names.empty() ? "" : ", ") + id;
        std::printf("  %-15s %s\n", std::string(bmm::to_string(change)).c_str(),
                    names.empty() ? "No change" : names.c_str());
    }
    std::printf("\n");

    std::printf("Exceptions (Red, or Amber two months running), May 2023\n");
    for (const row& r : annex_a) {
        bmm::status_history<> h;
        if (auto a = april_map.find(r.id); a != april_map.end()) h.record(april, a->second);
        h.record(may, may_map.at(r.id));
        if (const auto why = bmm::exception_in(h, may)) {
            std::printf("  %-9s %-5s %-16s %s\n", r.id,
                        std::string(bmm::to_string(*h.at(may))).c_str(),
                        *why == bmm::exception_reason::red ? "red" : "amber 2+ months", r.owner);
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
