// bmm demo: money and financial periods at work on figures from Oxfordshire County Council's
// Business Management & Monitoring Report, forecast position as at the end of May 2023
// (../shared/seeds/003_…: Table 11, paragraphs 24-25, 77, 108-114 and Annex B-6).
//
// Every figure printed below is computed by bmm from the figures as the report prints them;
// the inputs are embedded here as text, exactly as printed.
#include <bmm/allocate.hpp>
#include <bmm/audit/share.hpp>
#include <bmm/format.hpp>
#include <bmm/money.hpp>
#include <bmm/period.hpp>
#include <bmm/ratio.hpp>
#include <bmm/sum.hpp>
#include <bmm/version.hpp>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using bmm::gbp;
using bmm::rounding_mode;

std::string m1(gbp amount) { return bmm::to_string(amount, bmm::money_format::millions(1)); }
std::string pct1(bmm::ratio r) {
    return bmm::to_string(r.percent(1, rounding_mode::half_up)) + "%";
}

struct line {
    const char* name;
    const char* budget;    // £m as printed
    const char* forecast;  // £m as printed
};

// Seed 003, Table 11 "OCC Forecast Financial Position May 2023": the directorate lines.
const line directorates[] = {
    {"Adult Services", "226.9", "226.9"},    {"Children's Services", "169.3", "172.4"},
    {"Environment & Place", "74.5", "75.1"}, {"Public Health", "2.2", "2.2"},
    {"Community Safety", "24.8", "24.8"},    {"Resources", "69.7", "71.3"},
};

void section(const char* title) { std::printf("\n%s\n", title); }

}  // namespace

int main() {
    std::printf("bmm %d.%d.%d demo: money and financial periods\n", BMM_VERSION_MAJOR,
                BMM_VERSION_MINOR, BMM_VERSION_PATCH);
    std::printf("Figures from the Business Management & Monitoring Report, May 2023 (seed 003)\n");

    // --- The reporting period ------------------------------------------------------------------
    section("The reporting period");
    const auto report =
        bmm::fiscal_month<>::containing(date::year_month{date::year{2023}, date::May});
    const auto ytd = report.ytd();
    std::printf("  'Forecast position as at the end of May 2023' is %s, in %s of %s\n",
                bmm::to_string(report).c_str(), bmm::to_string(report.quarter()).c_str(),
                bmm::to_string(report.year()).c_str());
    std::printf("  year to date: %s to %s (%zu months)\n",
                date::format("%d %B %Y", report.year().first_day()).c_str(),
                date::format("%d %B %Y", ytd.last_day()).c_str(),
                static_cast<std::size_t>(ytd.size()));
    std::printf("  months of the year still to run: %d\n",
                static_cast<int>((report.year().month(12) - report).count()));
    const bmm::reporting_schedule<> cabinet{bmm::frequency::bi_monthly};
    std::printf("  bi-monthly Cabinet reports fall in:");
    for (auto m : report.year().months()) {
        if (cabinet.is_reporting_month(m)) {
            std::printf(" %s",
                        date::format("%b", date::year_month_day{m.year_month() / 1}).c_str());
        }
    }
    std::printf("\n  waste data, a month in arrears, shows %s\n",
                bmm::to_string(bmm::in_arrears(report, date::months{1})).c_str());

    // --- Table 11: directorate budgets -----------------------------------------------------------
    section("Table 11: directorate budgets (GBP m, 1 dp; variance % = variance / budget)");
    std::vector<gbp> budgets, forecasts;
    for (const line& l : directorates) {
        const gbp b = gbp::from_millions(l.budget);
        const gbp f = gbp::from_millions(l.forecast);
        budgets.push_back(b);
        forecasts.push_back(f);
        std::printf("  %-22s %9s %9s %8s %7s\n", l.name, m1(b).c_str(), m1(f).c_str(),
                    m1(f - b).c_str(), pct1((f - b) / b).c_str());
    }
    const gbp total_budget = bmm::sum(budgets);
    const gbp total_forecast = bmm::sum(forecasts);
    std::printf("  %-22s %9s %9s %8s %7s\n", "Directorate Total", m1(total_budget).c_str(),
                m1(total_forecast).c_str(), m1(total_forecast - total_budget).c_str(),
                pct1((total_forecast - total_budget) / total_budget).c_str());

    // --- General balances (paragraphs 113-115) --------------------------------------------------
    section("General balances (paragraphs 113-115)");
    const gbp opening = gbp::from_millions("22.6");
    const gbp budgeted_top_up = gbp::from_millions("6.8");
    const gbp further_top_up = gbp::from_millions("0.8");
    const gbp risk_assessed = gbp::from_millions("30.2");
    const gbp closing = bmm::sum(std::vector<gbp>{opening, budgeted_top_up, further_top_up});
    std::printf("  %s + %s + %s = %s (risk-assessed level %s: %s)\n", m1(opening).c_str(),
                m1(budgeted_top_up).c_str(), m1(further_top_up).c_str(), m1(closing).c_str(),
                m1(risk_assessed).c_str(), closing >= risk_assessed ? "met" : "NOT met");
    std::printf("  as the KPI prints it: %s\n",
                bmm::to_string(closing, bmm::money_format::whole()).c_str());
    std::printf("  the same sum in double: 22.6 + 6.8 + 0.8 == 30.2 is %s\n",
                (22.6 + 6.8 + 0.8 == 30.2) ? "true" : "false (binary floating point)");

    // --- Reserves (paragraphs 108 and 110) ------------------------------------------------------
    section("Reserves (paragraphs 108 and 110)");
    const gbp covid_opening = gbp::from_millions("15.4");
    const gbp covid_committed = gbp::from_millions("13.4");
    const gbp covid_free = covid_opening - covid_committed;
    const gbp covid_left = covid_free - gbp::from_millions("0.1") - gbp::from_millions("1.5");
    std::printf("  COVID-19 reserve: %s - %s = %s uncommitted, less %s and %s leaves %s\n",
                m1(covid_opening).c_str(), m1(covid_committed).c_str(), m1(covid_free).c_str(),
                m1(gbp::from_millions("0.1")).c_str(), m1(gbp::from_millions("1.5")).c_str(),
                m1(covid_left).c_str());
    const gbp dsg_opening = gbp::from_millions("-41.1");
    const gbp dsg_in_year = gbp::from_millions("-18.3");
    std::printf("  DSG High Needs unusable reserve: %s %s = %s at %s\n", m1(dsg_opening).c_str(),
                m1(dsg_in_year).c_str(), m1(dsg_opening + dsg_in_year).c_str(),
                date::format("%d %B %Y", report.year().last_day()).c_str());

    // --- Savings (paragraph 77) -----------------------------------------------------------------
    section("Savings (paragraph 77)");
    const char* on_track_text = "13.8";  // £m, as printed
    const char* planned_text = "28.2";   // £m, as printed
    const char* printed_share = "50";    // %, as printed
    const gbp planned = gbp::from_millions(planned_text);
    const gbp on_track = gbp::from_millions(on_track_text);
    const gbp amber = gbp::from_millions("11.3");
    const gbp red = gbp::from_millions("3.1");
    // The printed share against the printed part and whole, allowing for their rounding.
    const bmm::findings share =
        bmm::audit_share(bmm::decimal::parse(printed_share), bmm::decimal::parse(on_track_text),
                         bmm::decimal::parse(planned_text), bmm::rounding_mode::half_up);
    std::printf("  delivered or expected %s of %s planned = %s; the printed %s%% is %s\n",
                m1(on_track).c_str(), m1(planned).c_str(), pct1(on_track / planned).c_str(),
                printed_share,
                share.errors() != 0 ? "an error (no values that round to the printed £m give it)"
                : share.empty()     ? "right"
                                    : "a rounding difference");
    std::printf("  amber %s, red %s: %s + %s + %s = %s\n", pct1(amber / planned).c_str(),
                pct1(red / planned).c_str(), m1(on_track).c_str(), m1(amber).c_str(),
                m1(red).c_str(), m1(on_track + amber + red).c_str());

    // --- Homes for Ukraine (Annex B-6) -----------------------------------------------------------
    section("Homes for Ukraine (Annex B-6)");
    const gbp tariff = gbp::parse("10,500");
    const gbp reduced = gbp::parse("5,900");
    std::printf("  tariff per guest %s, from 1 January 2023 %s: a cut of %s\n",
                bmm::to_string(tariff, bmm::money_format::whole()).c_str(),
                bmm::to_string(reduced, bmm::money_format::whole()).c_str(),
                pct1((tariff - reduced) / tariff).c_str());
    const char* names[] = {"City", "CDC", "SODC", "VOWH", "WODC"};
    const char* elements[][5] = {
        {"50000", "50000", "50000", "50000", "0"},           // Community Liaison Officers 12 months
        {"30000", "30000", "30000", "30000", "0"},           // Community Liaison Officers extension
        {"158000", "0", "0", "0", "0"},                      // Rematching resources
        {"500000", "500000", "500000", "500000", "500000"},  // Admin/Discretionary
        {"0", "0", "170000", "0", "0"},                      // Moving on staffing support
        {"633000", "544000", "977000", "693000", "655000"},  // Moving on Private Rental Support
    };
    std::printf("  district totals:");
    std::vector<gbp> district_totals;
    for (int d = 0; d < 5; ++d) {
        std::vector<gbp> column;
        for (const auto& row : elements) column.push_back(gbp::parse(row[d]));
        district_totals.push_back(bmm::sum(column));
        std::printf(" %s %s", names[d],
                    bmm::to_string(district_totals.back(), bmm::money_format::whole()).c_str());
    }
    std::printf("\n  all five: %s\n",
                bmm::to_string(bmm::sum(district_totals), bmm::money_format::whole()).c_str());

    // --- No penny lost
    // ------------------------------------------------------------------------------
    section("No penny lost");
    const gbp childrens = gbp::from_millions("169.3");
    const auto months = bmm::allocate(childrens, 12);
    std::printf("  Children's Services budget %s in 12 monthly parts: %s ... %s, summing to %s\n",
                bmm::to_string(childrens, bmm::money_format::full()).c_str(),
                bmm::to_string(months.parts.front(), bmm::money_format::full()).c_str(),
                bmm::to_string(months.parts.back(), bmm::money_format::full()).c_str(),
                bmm::to_string(bmm::sum(months.parts), bmm::money_format::full()).c_str());
    const auto inflation = (childrens * bmm::ratio::parse("2.5%")).round(rounding_mode::half_even);
    std::printf("  2.5%% of it, rounded half-even to the penny: %s\n",
                bmm::to_string(inflation, bmm::money_format::full()).c_str());
    const auto thirds = bmm::allocate(gbp::parse("100.00"), 3);
    std::printf("  GBP 100.00 in three: %s + %s + %s\n", bmm::to_string(thirds.parts[0]).c_str(),
                bmm::to_string(thirds.parts[1]).c_str(), bmm::to_string(thirds.parts[2]).c_str());
    return 0;
}
