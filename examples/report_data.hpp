// The data a monthly report is made from: named tables of text cells exactly as printed, with
// the embedded default (seed 003, May 2023) and their CSV form (one file per table).
//
// Every cell is text as a report prints it ("56.74%", "£439,343", "-16.7"); the report program
// reads each one with a bmm parser when it computes, and a bad cell is reported as
// FILE:LINE:COLUMN (report_error). Writing the embedded data as CSV and reading it back gives the
// same tables, so the report is byte-identical either way. Some columns are optional in a file
// (listed in optional_columns()): a file without them reads as if they were blank.
#pragma once

#include <algorithm>
#include <bmm/csv.hpp>
#include <bmm/error.hpp>
#include <bmm/format.hpp>
#include <bmm/io/output.hpp>
#include <bmm/rag.hpp>
#include <bmm/target.hpp>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace report {

/// Bad input: the message names the file (or embedded table), line and column.
class report_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One table: its columns and rows of text cells, and where each cell came from.
struct table {
    std::string name;  ///< also the file name without ".csv"
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::vector<bmm::csv_position>> at;  ///< per row and column; empty: embedded
    std::string source;                              ///< the file path, or "" for the embedded data

    [[nodiscard]] std::size_t column(const std::string& c) const {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i] == c) return i;
        }
        throw report_error("table " + name + " has no column " + c);
    }
    /// Where row r, column c is, for messages: "DIR/measures.csv:12:21" (line and column of the
    /// cell; only the line when the file has no such column), or "embedded table measures,
    /// row 12" for the embedded data.
    [[nodiscard]] std::string where(std::size_t r, const std::string& c) const {
        // Appended piece by piece: GCC 12 -O3 warns falsely (-Wrestrict) on s += a + b.
        std::string s;
        if (source.empty()) {
            s = "embedded table ";
            s += name;
            s += ", row ";
            s += std::to_string(r + 1);
            return s;
        }
        const bmm::csv_position p = at.at(r).at(column(c));
        s = source;
        s += ':';
        s += std::to_string(p.line);
        if (p.column != 0) {
            s += ':';
            s += std::to_string(p.column);
        }
        return s;
    }
    /// Returns: an error for row r, column c: "FILE:LINE:COLUMN: column c: why".
    [[nodiscard]] report_error error_at(std::size_t r, const std::string& c,
                                        const std::string& why) const {
        return report_error(where(r, c) + ": column " + c + ": " + why);
    }
    /// Returns: an error about the table as a whole: "FILE: why".
    [[nodiscard]] report_error error(const std::string& why) const {
        return report_error((source.empty() ? "embedded table " + name : source) + ": " + why);
    }
    [[nodiscard]] const std::string& cell(std::size_t r, const std::string& c) const {
        return rows.at(r).at(column(c));
    }
    /// Runs `parse` on a cell; a bmm::error becomes a report_error naming the cell.
    template <class F>
    auto read(std::size_t r, const std::string& c, F parse) const -> decltype(parse("")) {
        try {
            return parse(cell(r, c));
        } catch (const bmm::error& e) {
            throw error_at(r, c, e.what());
        }
    }
};

struct data {
    std::vector<table> tables;
    [[nodiscard]] const table& get(const std::string& name) const {
        for (const table& t : tables) {
            if (t.name == name) return t;
        }
        throw report_error("the data has no table " + name);
    }
};

namespace fixture {
inline table make(std::string name, std::vector<std::string> columns,
                  std::vector<std::vector<std::string>> rows) {
    return table{std::move(name), std::move(columns), std::move(rows), {}, {}};
}
/// A heading without the blanks around it.
inline std::string trimmed(std::string_view s) {
    constexpr std::string_view blanks = " \t\n\r\f\v";
    const auto first = s.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(blanks) - first + 1));
}
}  // namespace fixture

/// The embedded data: seed 003 (Oxfordshire County Council, Business Management & Monitoring
/// Report to Cabinet 18 July 2023, position at the end of May 2023), as printed.
inline data embedded() {
    data d;
    // Keys: council, month (the report's fiscal month), previous_month (optional; it must be the
    // month before), source, overall_title (how the report names its overall finance table).
    d.tables.push_back(fixture::make(
        "report", {"key", "value"},
        {{"council", "Oxfordshire County Council"},
         {"month", "M2 2023/24"},
         {"previous_month", "M1 2023/24"},
         {"source", "Business Management & Monitoring Report, Cabinet 18 July 2023 (seed 003)"},
         {"overall_title", "Table 11"}}));
    // Annex A. amber_band: the share of the target a miss may be and stay Amber (for
    // close-to-target measures: Green within it, Amber within twice it; blank: Amber within 1);
    // the report does not print its thresholds: each is the narrowest that reproduces the
    // report's own May symbols. ytd_rule: how the monthly figures make the year to date — sum
    // (flows), latest (stocks and forecasts), ratio_of_sums (rates: Σ numerators / Σ denominators, so
    // between the monthly rates) or average; the report does not say, so each follows what the
    // measure counts.
    d.tables.push_back(fixture::make(
        "measures", {"id", "title", "owner", "polarity", "amber_band", "ytd_rule"},
        {
            {"OCC01.02", "Total No. of streetlights fitted with LED Lanterns", "Bill Cotton",
             "higher", "10%", "sum"},
            {"OCC01.03", "Engagement with the Climate Action Oxfordshire website",
             "Susannah Wintersgill", "higher", "", "sum"},
            {"OCC01.07", "Total % of household waste reused, recycled or composted", "Bill Cotton",
             "higher", "7.5%", "ratio_of_sums"},
            {"OCC02.01", "Digital inclusion: hours of use of library computers", "Mark Haynes",
             "higher", "", "sum"},
            {"OCC02.03", "Number of physical visits to Libraries", "Mark Haynes", "higher", "",
             "sum"},
            {"OCC03.09", "No of people contacted via Making Every Conversation", "Mark Haynes",
             "higher", "", "sum"},
            {"OCC04.01", "No of people supported with on-going care", "Karen Fuller", "higher", "",
             "latest"},
            {"OCC04.02", "% of residents 18-64 with LD support living independently",
             "Karen Fuller", "higher", "5%", "ratio_of_sums"},
            {"OCC04.03", "% of residents 65+ receiving ASC using a direct payment", "Karen Fuller",
             "higher", "5%", "ratio_of_sums"},
            {"OCC04.04", "% of residents under 65 receiving ASC using a direct payment",
             "Karen Fuller", "higher", "5%", "ratio_of_sums"},
            {"OCC04.05", "% of older residents in long term care living at home", "Karen Fuller",
             "higher", "5%", "ratio_of_sums"},
            {"OCC04.06", "No of residents with a formal carer's assessment", "Karen Fuller",
             "higher", "", "sum"},
            {"OCC04.07", "No of Carers who have received a direct payment", "Karen Fuller",
             "higher", "", "sum"},
            {"OCC04.08", "No of visits to Live Well Oxfordshire", "Karen Fuller", "higher", "",
             "sum"},
            {"OCC05.03", "91 KM (2%) of the highway to be treated", "Bill Cotton", "higher", "5%",
             "sum"},
            {"OCC06.02", "% of newly planted trees still alive on OCC land", "Bill Cotton",
             "higher", "", "ratio_of_sums"},
            {"OCC07.01", "Total number of children with an EHC Plan", "Anne Coyle", "higher", "",
             "latest"},
            {"OCC07.02", "No of children we care for who are UASC", "Anne Coyle", "higher", "",
             "latest"},
            {"OCC07.03", "Number of multi-agency strength & needs assessments", "Anne Coyle",
             "higher", "20%", "sum"},
            {"OCC07.04", "Increase the % of children in Foster Care", "Anne Coyle", "higher", "5%",
             "ratio_of_sums"},
            {"OCC07.05", "The percentage of children in residential care", "Anne Coyle", "lower",
             "10%", "ratio_of_sums"},
            {"OCC07.06", "Number of Oxfordshire children we care for", "Anne Coyle", "lower", "5%",
             "latest"},
            {"OCC07.07", "% of EHC Plans completed within 20 weeks", "Anne Coyle", "higher", "5%",
             "ratio_of_sums"},
            {"OCC09.02", "Innovation funding bids or projects for Living Oxfordshire", "Tim Spiers",
             "higher", "", "sum"},
            {"OCC10.03", "Customer satisfaction, Customer Service Centre telephony", "Mark Haynes",
             "higher", "5%", "ratio_of_sums"},
            {"OCC10.04", "First contact resolution, Customer Service Centre", "Mark Haynes",
             "higher", "5%", "ratio_of_sums"},
            {"OCC10.05", "% of customer telephone calls abandoned", "Mark Haynes", "lower", "50%",
             "ratio_of_sums"},
            {"OCC10.06", "Customer satisfaction, Registration Service", "Mark Haynes", "higher",
             "5%", "ratio_of_sums"},
            {"OCC10.07", "Customer satisfaction, Coroners Inquest Service", "Mark Haynes", "higher",
             "5%", "ratio_of_sums"},
            {"OCC10.08", "Number of FOIs responded to within timescales", "Mark Haynes", "higher",
             "5%", "ratio_of_sums"},
            {"OCC11.01", "Overall forecast revenue variance across the Council", "Lorna Baxter",
             "close", "", "latest"},
            {"OCC11.02", "Achievement of planned savings", "Lorna Baxter", "higher", "10%",
             "latest"},
            {"OCC11.03", "General balances at or above the risk assessed level", "Lorna Baxter",
             "higher", "", "latest"},
            {"OCC11.04", "Directorates deliver within agreed budget", "Lorna Baxter", "lower", "",
             "latest"},
            {"OCC11.05", "Outturn variation, DSG (schools/early years)", "Lorna Baxter", "close",
             "", "latest"},
            {"OCC11.06", "Outturn variation, DSG (high needs)", "Lorna Baxter", "close", "",
             "latest"},
            {"OCC11.07", "Use of non-DSG revenue grant funding", "Lorna Baxter", "higher", "5%",
             "latest"},
            {"OCC11.08", "% of agreed invoices paid within 30 days", "Lorna Baxter", "higher", "5%",
             "ratio_of_sums"},
            {"OCC11.09", "Invoice collection rate - Corporate Debtors", "Lorna Baxter", "higher",
             "5%", "ratio_of_sums"},
            {"OCC11.10", "Debt requiring impairment - Corporate Debtors", "Lorna Baxter", "lower",
             "10%", "latest"},
            {"OCC11.11", "Debt requiring impairment - ASC contribution debtors", "Lorna Baxter",
             "lower", "10%", "latest"},
            {"OCC11.12", "Average cash balance compared to forecast", "Lorna Baxter", "close",
             "10%", "average"},
            {"OCC11.13", "Average interest rate, in-house investments", "Lorna Baxter", "higher",
             "5%", "ratio_of_sums"},
            {"OCC11.14", "Average annualised return, external funds", "Lorna Baxter", "higher",
             "5%", "ratio_of_sums"},
            {"OCC11.15", "Invoice collection rate - ASC contribution debtors", "Lorna Baxter",
             "higher", "5%", "ratio_of_sums"},
        }));
    // One row per measure per month, cells as printed (blank: not given). May: Annex A's
    // period and YTD figures and printed symbols. April: the statuses printed in the exception
    // Tables 5-9 and Table 4 (the April figures are not printed), and OCC10.05's April rate,
    // which Table 8's commentary gives as 2 points below May's ("The abandonment rate increased
    // by 2% compared to April").
    const std::string m1 = "M1 2023/24", m2 = "M2 2023/24";
    const std::string pound = "\xC2\xA3";
    const std::string green = "\xE2\x98\x85", amber = "\xE2\x97\x8F", red = "\xE2\x96\xB2";
    d.tables.push_back(fixture::make(
        "observations",
        {"measure", "month", "actual", "target", "ytd_actual", "ytd_target", "numerator",
         "denominator", "printed_status", "printed_ytd_status"},
        {
            {"OCC01.02", m1, "", "", "", "", "", "", "Amber", ""},
            {"OCC01.02", m2, "35", "1,500", "1,339", "3,000", "", "", red, red},
            {"OCC01.03", m2, "40.00", "", "90.00", "", "", "", "n/a", "n/a"},
            {"OCC01.07", m1, "", "", "", "", "", "", "Amber", ""},
            {"OCC01.07", m2, "56.74%", "61.50%", "56.98%", "61.50%", "", "", red, amber},
            {"OCC02.01", m2, "6,898", "5,500", "6,898", "5,500", "", "", green, green},
            {"OCC02.03", m2, "150,159", "125,000", "297,989", "245,000", "", "", green, green},
            {"OCC03.09", m2, "662", "450", "726", "450", "", "", green, green},
            {"OCC04.01", m2, "6,461", "", "6,461", "", "", "", "n/a", "n/a"},
            {"OCC04.02", m2, "88.30%", "86.00%", "88.40%", "86.00%", "", "", green, green},
            {"OCC04.03", m2, "18.20%", "15.50%", "18.20%", "15.50%", "", "", green, green},
            {"OCC04.04", m1, "", "", "", "", "", "", "Amber", ""},
            {"OCC04.04", m2, "37.90%", "38.40%", "37.85%", "38.40%", "", "", amber, amber},
            {"OCC04.05", m1, "", "", "", "", "", "", "Amber", ""},
            {"OCC04.05", m2, "59.00%", "60.00%", "59.00%", "60.00%", "", "", "", ""},
            {"OCC04.06", m2, "619", "197", "1,101", "394", "", "", "", ""},
            {"OCC04.07", m2, "234", "", "310", "", "", "", "n/a", "n/a"},
            {"OCC04.08", m2, "11,782", "6,000", "22,480", "12,000", "", "", "", ""},
            {"OCC05.03", m2, "46.50", "48.40", "57.03", "58.70", "", "", green, green},
            {"OCC06.02", m2, "99.10%", "", "99.55%", "", "", "", "n/a", "n/a"},
            {"OCC07.01", m2, "5,953", "", "5,953", "", "", "", "n/a", "n/a"},
            {"OCC07.02", m2, "102", "", "205", "", "", "", "n/a", "n/a"},
            {"OCC07.03", m1, "", "", "", "", "", "", "Amber", ""},
            {"OCC07.03", m2, "367", "438", "637", "714", "", "", amber, amber},
            {"OCC07.04", m2, "62.00%", "62.00%", "62.00%", "62.00%", "", "", green, green},
            {"OCC07.05", m1, "", "", "", "", "", "", "Amber", ""},
            {"OCC07.05", m2, "15%", "14%", "15%", "14%", "", "", amber, amber},
            {"OCC07.06", m2, "755", "770", "755", "770", "", "", green, green},
            {"OCC07.07", m2, "52.00%", "50.70%", "53.50%", "50.70%", "", "", green, green},
            {"OCC09.02", m1, "", "", "", "", "", "", "Red", ""},
            {"OCC09.02", m2, "4.00", "2.50", "6.00", "5.00", "", "", green, green},
            {"OCC10.03", m2, "98%", "80%", "99%", "80%", "", "", green, green},
            {"OCC10.04", m2, "76%", "75%", "78%", "75%", "", "", green, green},
            {"OCC10.05", m1, "13%", "", "", "", "", "", "Amber", ""},
            {"OCC10.05", m2, "15%", "10%", "29%", "20%", "", "", amber, amber},
            {"OCC10.06", m2, "100%", "95%", "100%", "95%", "", "", green, green},
            {"OCC10.07", m2, "100%", "99%", "100%", "99%", "", "", green, green},
            {"OCC10.08", m2, "90%", "85%", "89%", "85%", "", "", green, green},
            {"OCC11.01", m2, "0.00%", "0.00%", "0.00%", "0.00%", "", "", green, green},
            {"OCC11.02", m1, "", "", "", "", "", "", "N/A", ""},
            {"OCC11.02", m2, "50.00%", "95.00%", "50.00%", "95.00%", "", "", red, red},
            {"OCC11.03", m2, pound + "30,200,000", pound + "30,200,000", pound + "30,200,000",
             pound + "30,200,000", "", "", green, green},
            {"OCC11.04", m2, "0.9%", "1.0%", "0.9%", "1.0%", "", "", green, green},
            {"OCC11.05", m2, "0.00%", "0.00%", "0.00%", "0.00%", "", "", green, green},
            {"OCC11.06", m2, "0.00%", "0.00%", "0.00%", "0.00%", "", "", green, green},
            {"OCC11.07", m2, "95.00%", "95.00%", "95.00%", "95.00%", "", "", green, green},
            {"OCC11.08", m2, "95.41%", "95.00%", "95.20%", "95.00%", "", "", green, green},
            {"OCC11.09", m2, "98.32%", "95.00%", "97.40%", "95.00%", "", "", green, green},
            {"OCC11.10", m2, pound + "439,343", pound + "300,000", pound + "439,343",
             pound + "300,000", "", "", green, green},
            {"OCC11.11", m1, "", "", "", "", "", "", "Red", ""},
            {"OCC11.11", m2, pound + "4,685,633", pound + "3,500,000", pound + "4,685,633",
             pound + "3,500,000", "", "", red, red},
            {"OCC11.12", m2, pound + "441,293,000", pound + "480,000,000", pound + "441,293,000",
             pound + "480,000,000", "", "", green, green},
            {"OCC11.13", m2, "3.00%", "3.00%", "3.00%", "3.00%", "", "", green, green},
            {"OCC11.14", m2, "3.75%", "3.75%", "3.75%", "3.75%", "", "", green, green},
            {"OCC11.15", m2, "90.51%", "92.00%", "90.06%", "92.00%", "", "", green, green},
        }));
    // Annex B "Overall Financial Position" (Table 11 of the main report), £m, in the bmm-audit
    // contract.
    d.tables.push_back(fixture::make(
        "overall", {"line", "level", "budget", "forecast", "variance", "variance_pct"},
        {{"Adult Services", "0", "226.9", "226.9", "0.0", "0.0"},
         {"Children's Services", "0", "169.3", "172.4", "3.1", "1.8"},
         {"Environment & Place", "0", "74.5", "75.1", "0.6", "0.8"},
         {"Public Health", "0", "2.2", "2.2", "0.0", "0.0"},
         {"Community Safety", "0", "24.8", "24.8", "0.0", "0.0"},
         {"Resources", "0", "69.7", "71.3", "1.6", "2.3"},
         {"Directorate Total", "1", "567.4", "572.7", "5.3", "0.9"},
         {"Budgets Held Centrally", "", "", "", "", ""},
         {"Capital Financing", "0", "28.4", "28.4", "0.0", "0.0"},
         {"Interest on Balances", "0", "-16.7", "-17.2", "-0.5", "3.0"},
         {"Inflation", "0", "9.3", "9.3", "0.0", "0.0"},
         {"Contingency", "0", "12.4", "9.1", "-3.3", "-29.6"},
         {"Un-ringfenced Specific Grants", "0", "-41.5", "-41.5", "0.0", "0.0"},
         {"Insurance", "0", "1.4", "1.4", "0.0", "0.0"},
         {"Contribution from COVID-19 reserve", "0", "-7.4", "-8.9", "-1.5", "20.3"},
         {"Contribution from Budget Priority Reserve", "0", "-2.3", "-2.3", "0.0", "0.0"},
         {"Contributions to reserves", "0", "20.1", "20.1", "0.0", "0.0"},
         {"Contribution to balances", "0", "7.6", "7.6", "0.0", "0.0"},
         {"Total Budgets Held Centrally", "1", "11.3", "6.0", "-5.3", "-49.6"},
         {"Net Operating Budget", "2", "578.7", "578.7", "0.0", "0.0"},
         {"Business Rates & Council Tax funding", "0", "-578.7", "-578.7", "0.0", "0.0"},
         {"Forecast Year End Position", "3", "0.0", "0.0", "0.0", "0.0"}}));
    // Annex B-1 directorate tables, £m: lines (level 0) and their printed totals (level 1).
    d.tables.push_back(fixture::make(
        "directorates", {"directorate", "line", "level", "budget", "variance"},
        {{"Adult Services", "Adult Social Care", "0", "23.8", "0.0"},
         {"Adult Services", "Health, Education & Social Care Commissioning", "0", "5.1", "0.0"},
         {"Adult Services", "Housing & Social Care Commissioning", "0", "1.4", "0.0"},
         {"Adult Services", "Business Support Service", "0", "1.0", "0.0"},
         {"Adult Services", "Pooled Budgets", "0", "195.6", "0.0"},
         {"Adult Services", "Total Adult Services", "1", "226.9", "0.0"},
         {"Children's Services", "Education & Learning", "0", "40.8", "0.0"},
         {"Children's Services", "Children's Social Care", "0", "37.7", "1.8"},
         {"Children's Services", "Children's Social Care Countywide", "0", "85.8", "1.2"},
         {"Children's Services", "Schools", "0", "0.2", "0.0"},
         {"Children's Services", "Children's Services Central Costs", "0", "4.8", "0.0"},
         {"Children's Services", "Total Children's Services", "1", "169.3", "3.1"},
         {"Environment & Place", "Transport & Infrastructure", "0", "2.4", "0.0"},
         {"Environment & Place", "Planning, Environment & Climate Change", "0", "37.1", "0.0"},
         {"Environment & Place", "Highways & Operations", "0", "34.1", "0.6"},
         {"Environment & Place", "Directorate Support", "0", "0.9", "0.0"},
         {"Environment & Place", "Total Environment & Place", "1", "74.5", "0.6"},
         {"Public Health", "Public Health Functions", "0", "35.6", "0.0"},
         {"Public Health", "Public Health Recharges", "0", "0.6", "0.0"},
         {"Public Health", "Other Income", "0", "-0.7", "0.0"},
         {"Public Health", "Grant Income", "0", "-33.6", "0.0"},
         {"Public Health", "Transfer to Public Health Reserve", "0", "0.0", "0.0"},
         {"Public Health", "Total Public Health", "1", "2.2", "0.0"},
         {"Resources", "Corporate Services", "0", "3.0", "0.0"},
         {"Resources", "Human Resources & Organisational Development", "0", "3.0", "0.6"},
         {"Resources", "Communications, Strategy & Insight", "0", "3.1", "0.0"},
         {"Resources", "IT, Innovation & Digital", "0", "10.4", "0.3"},
         {"Resources", "Culture & Customer Experience", "0", "11.9", "0.2"},
         {"Resources", "Finance & Procurement", "0", "8.6", "0.1"},
         {"Resources", "Property, Investment & Facilities Management", "0", "19.1", "0.2"},
         {"Resources", "Law & Governance", "0", "7.7", "0.2"},
         {"Resources", "Delivery & Partnership", "0", "2.9", "0.0"},
         {"Resources", "Total Resources", "1", "69.7", "1.6"}}));
    // ¶75-77: planned savings by directorate (£m, as reductions: the table prints them negative)
    // and its TOTAL row (level 1), then the 2023/24 delivery status (¶77), a split of the TOTAL
    // row's planned savings.
    d.tables.push_back(fixture::make(
        "savings_plan", {"directorate", "level", "planned", "carried_forward", "printed_total"},
        {{"Adult Services", "0", "18.1", "4.0", "22.1"},
         {"Children's Services", "0", "3.4", "1.9", "5.3"},
         {"Environment & Place", "0", "1.4", "2.3", "3.7"},
         {"Community Safety", "0", "0.2", "0.0", "0.2"},
         {"Resources & Cross Directorate", "0", "5.1", "2.0", "7.1"},
         {"TOTAL", "1", "28.2", "10.2", "38.4"}}));
    d.tables.push_back(
        fixture::make("savings_status", {"status", "amount", "printed_percent"},
                      {{"expected", "13.8", "50"}, {"amber", "11.3", ""}, {"red", "3.1", ""}}));
    // ¶113-115: general balances (£m).
    d.tables.push_back(fixture::make("balances", {"item", "kind", "amount"},
                                     {{"Balances at 31 March 2023", "opening", "22.6"},
                                      {"Budgeted top-up 2023/24", "contribution", "6.8"},
                                      {"Further top-up (May 2023)", "contribution", "0.8"},
                                      {"Forecast outturn variance", "variance", "0.0"},
                                      {"Risk-assessed level 2023/24", "level", "30.2"}}));
    // ¶108, Table 11 and ¶63: earmarked reserves (£m). ¶108: the use of £13.4m from 2023/24 to
    // 2025/26 is built into the MTFS; Table 11 budgets 7.4 of it for 2023/24 ("Contribution from
    // COVID-19 reserve"); how the other 6.0 (13.4 - 7.4) falls between 2024/25 and 2025/26 is not
    // printed, so it is one use over both years (year to last_year).
    d.tables.push_back(fixture::make(
        "reserves", {"reserve", "kind", "label", "year", "last_year", "amount"},
        {{"COVID-19 Reserve", "opening", "Balance at 1 April 2023", "2023/24", "", "15.4"},
         {"COVID-19 Reserve", "planned_use", "Budgeted contribution in Table 11", "2023/24", "",
          "7.4"},
         {"COVID-19 Reserve", "planned_use",
          "The rest of the MTFS use 2023/24 - 2025/26, split not printed", "2024/25", "2025/26",
          "6.0"},
         {"COVID-19 Reserve", "commitment", "Information Management (SARs)", "2023/24", "", "0.1"},
         {"COVID-19 Reserve", "commitment", "Children's Services pressures", "2023/24", "", "1.5"},
         {"Public Health Reserve", "opening", "Balance at 1 April 2023", "2023/24", "", "5.9"},
         {"Public Health Reserve", "planned_use", "Forecast spend", "2023/24", "", "1.7"},
         {"Public Health Reserve", "planned_use", "Forecast spend", "2024/25", "", "1.1"},
         {"Public Health Reserve", "planned_use", "Forecast spend", "2025/26", "", "0.7"}}));
    // ¶110: the High Needs DSG deficit in the unusable reserve (£m).
    d.tables.push_back(fixture::make("dsg", {"item", "value"},
                                     {{"opening_deficit", "41.1"},
                                      {"in_year_deficit", "18.3"},
                                      {"override_ends", "2026-03-31"}}));
    // Table 10: strategic risks. It prints the scores only: the residual score's likelihood and
    // impact (optional columns) are blank.
    d.tables.push_back(fixture::make(
        "risks",
        {"risk", "inherent", "previous_residual", "residual", "likelihood", "impact",
         "printed_rating", "printed_direction"},
        {{"01. Financial Resilience", "25", "15", "15", "", "", amber, "\xE2\x9E\xA1"},
         {"02. Cyber security", "25", "15", "15", "", "", amber, "\xE2\x9E\xA1"},
         {"03. Capital Projects", "16", "12", "16", "", "", red, "\xE2\x86\x94"},
         {"04. Demand Management - Adult", "16", "9", "12", "", "", amber, "\xE2\x86\x94"},
         {"05. Demand Management - Children", "25", "16", "16", "", "", red, "\xE2\x9E\xA1"},
         {"06. Oxford Core Schemes", "20", "16", "16", "", "", red, "\xE2\x9E\xA1"},
         {"07. Strategic Workforce Planning", "16", "12", "9", "", "", green,
          "\xE2\xAC\x87\xEF\xB8\x8F"}}));
    return d;
}

/// The columns a CSV file may leave out (read as blank): "table.column".
inline const std::vector<std::string>& optional_columns() {
    static const std::vector<std::string> names{"observations.numerator",
                                                "observations.denominator", "reserves.last_year",
                                                "risks.likelihood", "risks.impact"};
    return names;
}
inline bool is_optional(const std::string& table_name, const std::string& column) {
    for (const std::string& n : optional_columns()) {
        if (n == table_name + "." + column) return true;
    }
    return false;
}

/// The rating policy a measures row states (see the column notes in embedded()).
inline bmm::rag_policy policy_for(const table& t, std::size_t r, bmm::polarity pol) {
    const std::string& band = t.cell(r, "amber_band");
    const auto share =
        band.empty() ? bmm::ratio() : t.read(r, "amber_band", [](const std::string& s) {
            const auto v = bmm::ratio::parse(s);
            if (v < bmm::zero)
                throw bmm::parse_error(s, "an amber band", "a band cannot be negative");
            return v;
        });
    switch (pol) {
        case bmm::polarity::higher_is_better:
            return bmm::rag_policy::higher_is_better(
                band.empty() ? bmm::amber_band::none() : bmm::amber_band::relative(share));
        case bmm::polarity::lower_is_better:
            return bmm::rag_policy::lower_is_better(
                band.empty() ? bmm::amber_band::none() : bmm::amber_band::relative(share));
        case bmm::polarity::close_to_target:
            if (band.empty()) {
                return bmm::rag_policy::close_to_target(
                    {}, bmm::amber_band::absolute(bmm::decimal::parse("1")));
            }
            return bmm::rag_policy::close_to_target(bmm::amber_band::relative(share),
                                                    bmm::amber_band::relative(share * 2));
    }
    return bmm::rag_policy::higher_is_better();
}

/// The polarity a measures row states: higher, lower or close.
inline bmm::polarity polarity_of(const table& t, std::size_t r) {
    return t.read(r, "polarity", [](const std::string& s) {
        if (s == "higher") return bmm::polarity::higher_is_better;
        if (s == "lower") return bmm::polarity::lower_is_better;
        if (s == "close") return bmm::polarity::close_to_target;
        throw bmm::parse_error(s, "a polarity", "expected higher, lower or close");
    });
}

/// A figure as a report prints it: "56.74%", "£439,343", "1,339", "46.50".
inline std::string show(bmm::decimal v, bmm::unit u) {
    if (u == bmm::unit::percent) return bmm::to_string(v) + "%";
    if (v.places() > 2) return bmm::to_string(v);
    auto f = v.places() == 0 ? bmm::money_format::whole() : bmm::money_format::full();
    f.decimals = v.places();
    if (u != bmm::unit::money) f = f.without_symbol();
    return bmm::to_string(bmm::gbp::from_decimal(v), f);
}
inline std::string show(const bmm::figure& f) { return show(f.value, f.unit); }
/// A target as printed: a value target like its figures ("£300,000"), others as bmm prints them.
inline std::string show(const bmm::target& t) {
    return t.what() == bmm::target::kind::value ? show(t.low(), t.unit()) : bmm::to_string(t);
}

/// "May 2023": a fiscal month named by its calendar month.
inline std::string long_label(bmm::fiscal_month<> m) {
    return date::format("%B %Y", m.first_day());
}
/// "May": the calendar month alone, for a chart's axis.
inline std::string short_label(bmm::fiscal_month<> m) { return date::format("%b", m.first_day()); }

/// Writes the tables as DIR/<name>.csv, all or none (bmm::directory_writer): into a new directory
/// DIR.part beside DIR, created exclusively, renamed to DIR when every file is complete and
/// synced. DIR must not exist yet, or be an empty directory; an existing DIR.part is refused and
/// left as it is (it may be another run's, or the user's). The files are data that
/// read_dir reads back byte for byte, so cells are csv_quote'd, not neutralised for spreadsheets.
/// Throws: bmm::io_error naming the path when DIR is not empty, DIR.part exists or a file cannot
/// be written (nothing bmm created is left behind).
inline void write_dir(const data& d, const std::string& dir) {
    namespace fs = std::filesystem;
    const fs::path target = fs::absolute(dir).lexically_normal();
    const fs::path final_dir = target.has_filename() ? target : target.parent_path();
    bmm::directory_writer out(final_dir.string());
    for (const table& t : d.tables) {
        // bmm::csv_row: a row of one empty cell is written "", not as a blank line that
        // read_csv would skip.
        std::string text = bmm::csv_row(t.columns);
        for (const auto& r : t.rows) text += bmm::csv_row(r);
        out.write(t.name + ".csv", text);
    }
    out.commit();
}

/// Reads DIR/<name>.csv for every table. A file has the embedded table's columns, in any order
/// (they are put back in the embedded order); the optional ones may be left out.
/// Throws: report_error naming FILE:LINE:COLUMN for a missing file, malformed CSV, an unknown or
/// repeated column, a missing column (FILE:LINE of the header), or a row with the wrong number of
/// cells.
inline data read_dir(const std::string& dir) {
    data out;
    for (const table& model : embedded().tables) {
        const std::string path = dir + "/" + model.name + ".csv";
        std::FILE* in = std::fopen(path.c_str(), "rb");
        if (in == nullptr) {
            throw report_error(path + ": cannot open the file: " + std::strerror(errno));
        }
        std::string whole;
        char buf[1 << 16];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) whole.append(buf, n);
        const bool failed = std::ferror(in) != 0;
        const int read_errno = errno;
        std::fclose(in);
        if (failed) {
            throw report_error(path + ": cannot read the file: " + std::strerror(read_errno));
        }

        bmm::csv_table csv;
        try {
            csv = bmm::read_csv(whole);
        } catch (const bmm::csv_error& e) {
            std::string field;  // on one line: line breaks shown as \n
            for (char c : e.input()) {
                if (c == '\n') {
                    field += "\\n";
                } else if (c == '\r') {
                    field += "\\r";
                } else {
                    field += c;
                }
            }
            throw report_error(path + ":" + std::to_string(e.line()) + ":" +
                               std::to_string(e.column()) + ": " + e.reason() + " in \"" + field +
                               "\"");
        }
        auto at = [&](bmm::csv_position p) {
            return path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
        };
        std::string expected;
        for (const std::string& c : model.columns) expected += (expected.empty() ? "" : ", ") + c;
        // Where each model column is in the file (or npos when an optional one is left out).
        constexpr std::size_t absent = static_cast<std::size_t>(-1);
        std::vector<std::size_t> from(model.columns.size(), absent);
        for (std::size_t i = 0; i < csv.header.size(); ++i) {
            const std::string name = fixture::trimmed(csv.header[i]);
            std::size_t k = 0;
            while (k < model.columns.size() && model.columns[k] != name) ++k;
            if (k == model.columns.size()) {
                throw report_error(at(csv.header_positions[i]) + ": unknown column \"" + name +
                                   "\" (" + model.name + ".csv has " + expected + ")");
            }
            if (from[k] != absent) {
                throw report_error(at(csv.header_positions[i]) + ": the column \"" + name +
                                   "\" appears twice");
            }
            from[k] = i;
        }
        for (std::size_t k = 0; k < model.columns.size(); ++k) {
            if (from[k] == absent && !is_optional(model.name, model.columns[k])) {
                throw report_error(path + ":" + std::to_string(csv.header_line) +
                                   ": the header has no column \"" + model.columns[k] + "\" (" +
                                   model.name + ".csv has " + expected + ")");
            }
        }
        table t{model.name, model.columns, {}, {}, path};
        for (const bmm::csv_record& r : csv.records) {
            if (r.fields.size() != csv.header.size()) {
                const std::size_t k = std::min(r.fields.size(), csv.header.size()) - 1;
                const bmm::csv_position p =
                    r.fields.size() > csv.header.size() ? r.at(csv.header.size()) : r.at(k);
                throw report_error(at(p) + ": " + std::to_string(r.fields.size()) +
                                   " cells, the header has " + std::to_string(csv.header.size()));
            }
            std::vector<std::string> cells;
            std::vector<bmm::csv_position> where;
            for (std::size_t i : from) {
                cells.push_back(i == absent ? std::string() : r.fields[i]);
                where.push_back(i == absent ? bmm::csv_position{r.line, 0} : r.at(i));
            }
            t.rows.push_back(std::move(cells));
            t.at.push_back(std::move(where));
        }
        out.tables.push_back(std::move(t));
    }
    return out;
}

}  // namespace report
