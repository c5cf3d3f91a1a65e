// The data a monthly report is made from: named tables of text cells exactly as printed, with
// the embedded default (seed 003, May 2023) and their CSV form (one file per table).
//
// Every cell is text as a report prints it ("56.74%", "£439,343", "-16.7"); the report program
// reads each one with a bmm parser when it computes, and a bad cell is reported with its file,
// line and column (report_error). Writing the embedded data as CSV and reading it back gives the
// same tables, so the report is byte-identical either way.
#pragma once

#include <bmm/csv.hpp>
#include <bmm/error.hpp>
#include <bmm/rag.hpp>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace report {

/// A bad input cell: the message names the file (or embedded table), line and column.
class report_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One table: its columns and rows of text cells, and where each row came from.
struct table {
    std::string name;  ///< also the file name without ".csv"
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;  ///< CSV line of each row (0: embedded)
    std::string source;              ///< the file path, or "" for the embedded data

    [[nodiscard]] std::size_t column(const std::string& c) const {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i] == c) return i;
        }
        throw report_error("table " + name + " has no column " + c);
    }
    /// Where row r, column c is, for messages: "measures.csv:12, column actual".
    [[nodiscard]] std::string where(std::size_t r, const std::string& c) const {
        const std::string file = source.empty() ? "embedded " + name : source;
        const std::string at =
            source.empty() ? "row " + std::to_string(r + 1) : "line " + std::to_string(lines[r]);
        return file + ", " + at + ", column " + c;
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
            throw report_error(where(r, c) + ": " + e.what());
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

namespace detail {
inline table make(std::string name, std::vector<std::string> columns,
                  std::vector<std::vector<std::string>> rows) {
    table t{std::move(name), std::move(columns), std::move(rows), {}, {}};
    t.lines.assign(t.rows.size(), 0);
    return t;
}
}  // namespace detail

/// The embedded data: seed 003 (Oxfordshire County Council, Business Management & Monitoring
/// Report to Cabinet 18 July 2023, position at the end of May 2023), as printed.
inline data embedded() {
    data d;
    d.tables.push_back(detail::make(
        "report", {"key", "value"},
        {{"council", "Oxfordshire County Council"},
         {"month", "M2 2023/24"},
         {"previous_month", "M1 2023/24"},
         {"source", "Business Management & Monitoring Report, Cabinet 18 July 2023 (seed 003)"}}));
    // Annex A, May 2023. amber_band: the share of the target a miss may be and stay Amber (for
    // close-to-target measures: Green within it, Amber within twice it; blank: Amber within 1).
    // april_status: from the exception tables 5-9 and Table 4 (blank: not printed).
    d.tables.push_back(detail::make(
        "measures",
        {"id", "title", "owner", "polarity", "amber_band", "ytd_rule", "april_status", "actual",
         "target", "ytd_actual", "ytd_target", "printed_status", "printed_ytd_status"},
        {
            {"OCC01.02", "Total No. of streetlights fitted with LED Lanterns", "Bill Cotton",
             "higher", "10%", "sum", "Amber", "35", "1,500", "1,339", "3,000", "\u25B2", "\u25B2"},
            {"OCC01.03", "Engagement with the Climate Action Oxfordshire website",
             "Susannah Wintersgill", "higher", "", "sum", "", "40.00", "", "90.00", "", "n/a",
             "n/a"},
            {"OCC01.07", "Total % of household waste reused, recycled or composted", "Bill Cotton",
             "higher", "7.5%", "latest", "Amber", "56.74%", "61.50%", "56.98%", "61.50%", "\u25B2",
             "\u25CF"},
            {"OCC02.01", "Digital inclusion: hours of use of library computers", "Mark Haynes",
             "higher", "", "sum", "", "6,898", "5,500", "6,898", "5,500", "\u2605", "\u2605"},
            {"OCC02.03", "Number of physical visits to Libraries", "Mark Haynes", "higher", "",
             "sum", "", "150,159", "125,000", "297,989", "245,000", "\u2605", "\u2605"},
            {"OCC03.09", "No of people contacted via Making Every Conversation", "Mark Haynes",
             "higher", "", "sum", "", "662", "450", "726", "450", "\u2605", "\u2605"},
            {"OCC04.01", "No of people supported with on-going care", "Karen Fuller", "higher", "",
             "latest", "", "6,461", "", "6,461", "", "n/a", "n/a"},
            {"OCC04.02", "% of residents 18-64 with LD support living independently",
             "Karen Fuller", "higher", "5%", "latest", "", "88.30%", "86.00%", "88.40%", "86.00%",
             "\u2605", "\u2605"},
            {"OCC04.03", "% of residents 65+ receiving ASC using a direct payment", "Karen Fuller",
             "higher", "5%", "latest", "", "18.20%", "15.50%", "18.20%", "15.50%", "\u2605",
             "\u2605"},
            {"OCC04.04", "% of residents under 65 receiving ASC using a direct payment",
             "Karen Fuller", "higher", "5%", "latest", "Amber", "37.90%", "38.40%", "37.85%",
             "38.40%", "\u25CF", "\u25CF"},
            {"OCC04.05", "% of older residents in long term care living at home", "Karen Fuller",
             "higher", "5%", "latest", "Amber", "59.00%", "60.00%", "59.00%", "60.00%", "", ""},
            {"OCC04.06", "No of residents with a formal carer's assessment", "Karen Fuller",
             "higher", "", "sum", "", "619", "197", "1,101", "394", "", ""},
            {"OCC04.07", "No of Carers who have received a direct payment", "Karen Fuller",
             "higher", "", "sum", "", "234", "", "310", "", "n/a", "n/a"},
            {"OCC04.08", "No of visits to Live Well Oxfordshire", "Karen Fuller", "higher", "",
             "sum", "", "11,782", "6,000", "22,480", "12,000", "", ""},
            {"OCC05.03", "91 KM (2%) of the highway to be treated", "Bill Cotton", "higher", "5%",
             "sum", "", "46.50", "48.40", "57.03", "58.70", "\u2605", "\u2605"},
            {"OCC06.02", "% of newly planted trees still alive on OCC land", "Bill Cotton",
             "higher", "", "latest", "", "99.10%", "", "99.55%", "", "n/a", "n/a"},
            {"OCC07.01", "Total number of children with an EHC Plan", "Anne Coyle", "higher", "",
             "latest", "", "5,953", "", "5,953", "", "n/a", "n/a"},
            {"OCC07.02", "No of children we care for who are UASC", "Anne Coyle", "higher", "",
             "latest", "", "102", "", "205", "", "n/a", "n/a"},
            {"OCC07.03", "Number of multi-agency strength & needs assessments", "Anne Coyle",
             "higher", "20%", "sum", "Amber", "367", "438", "637", "714", "\u25CF", "\u25CF"},
            {"OCC07.04", "Increase the % of children in Foster Care", "Anne Coyle", "higher", "5%",
             "latest", "", "62.00%", "62.00%", "62.00%", "62.00%", "\u2605", "\u2605"},
            {"OCC07.05", "The percentage of children in residential care", "Anne Coyle", "lower",
             "10%", "latest", "Amber", "15%", "14%", "15%", "14%", "\u25CF", "\u25CF"},
            {"OCC07.06", "Number of Oxfordshire children we care for", "Anne Coyle", "lower", "5%",
             "latest", "", "755", "770", "755", "770", "\u2605", "\u2605"},
            {"OCC07.07", "% of EHC Plans completed within 20 weeks", "Anne Coyle", "higher", "5%",
             "latest", "", "52.00%", "50.70%", "53.50%", "50.70%", "\u2605", "\u2605"},
            {"OCC09.02", "Innovation funding bids or projects for Living Oxfordshire", "Tim Spiers",
             "higher", "", "sum", "Red", "4.00", "2.50", "6.00", "5.00", "\u2605", "\u2605"},
            {"OCC10.03", "Customer satisfaction, Customer Service Centre telephony", "Mark Haynes",
             "higher", "5%", "latest", "", "98%", "80%", "99%", "80%", "\u2605", "\u2605"},
            {"OCC10.04", "First contact resolution, Customer Service Centre", "Mark Haynes",
             "higher", "5%", "latest", "", "76%", "75%", "78%", "75%", "\u2605", "\u2605"},
            {"OCC10.05", "% of customer telephone calls abandoned", "Mark Haynes", "lower", "50%",
             "ratio", "Amber", "15%", "10%", "29%", "20%", "\u25CF", "\u25CF"},
            {"OCC10.06", "Customer satisfaction, Registration Service", "Mark Haynes", "higher",
             "5%", "latest", "", "100%", "95%", "100%", "95%", "\u2605", "\u2605"},
            {"OCC10.07", "Customer satisfaction, Coroners Inquest Service", "Mark Haynes", "higher",
             "5%", "latest", "", "100%", "99%", "100%", "99%", "\u2605", "\u2605"},
            {"OCC10.08", "Number of FOIs responded to within timescales", "Mark Haynes", "higher",
             "5%", "latest", "", "90%", "85%", "89%", "85%", "\u2605", "\u2605"},
            {"OCC11.01", "Overall forecast revenue variance across the Council", "Lorna Baxter",
             "close", "", "latest", "", "0.00%", "0.00%", "0.00%", "0.00%", "\u2605", "\u2605"},
            {"OCC11.02", "Achievement of planned savings", "Lorna Baxter", "higher", "10%",
             "latest", "N/A", "50.00%", "95.00%", "50.00%", "95.00%", "\u25B2", "\u25B2"},
            {"OCC11.03", "General balances at or above the risk assessed level", "Lorna Baxter",
             "higher", "", "latest", "",
             "\u00A3"
             "30,200,000",
             "\u00A3"
             "30,200,000",
             "\u00A3"
             "30,200,000",
             "\u00A3"
             "30,200,000",
             "\u2605", "\u2605"},
            {"OCC11.04", "Directorates deliver within agreed budget", "Lorna Baxter", "lower", "",
             "latest", "", "0.9%", "1.0%", "0.9%", "1.0%", "\u2605", "\u2605"},
            {"OCC11.05", "Outturn variation, DSG (schools/early years)", "Lorna Baxter", "close",
             "", "latest", "", "0.00%", "0.00%", "0.00%", "0.00%", "\u2605", "\u2605"},
            {"OCC11.06", "Outturn variation, DSG (high needs)", "Lorna Baxter", "close", "",
             "latest", "", "0.00%", "0.00%", "0.00%", "0.00%", "\u2605", "\u2605"},
            {"OCC11.07", "Use of non-DSG revenue grant funding", "Lorna Baxter", "higher", "5%",
             "latest", "", "95.00%", "95.00%", "95.00%", "95.00%", "\u2605", "\u2605"},
            {"OCC11.08", "% of agreed invoices paid within 30 days", "Lorna Baxter", "higher", "5%",
             "latest", "", "95.41%", "95.00%", "95.20%", "95.00%", "\u2605", "\u2605"},
            {"OCC11.09", "Invoice collection rate - Corporate Debtors", "Lorna Baxter", "higher",
             "5%", "latest", "", "98.32%", "95.00%", "97.40%", "95.00%", "\u2605", "\u2605"},
            {"OCC11.10", "Debt requiring impairment - Corporate Debtors", "Lorna Baxter", "lower",
             "10%", "latest", "",
             "\u00A3"
             "439,343",
             "\u00A3"
             "300,000",
             "\u00A3"
             "439,343",
             "\u00A3"
             "300,000",
             "\u2605", "\u2605"},
            {"OCC11.11", "Debt requiring impairment - ASC contribution debtors", "Lorna Baxter",
             "lower", "10%", "latest", "Red",
             "\u00A3"
             "4,685,633",
             "\u00A3"
             "3,500,000",
             "\u00A3"
             "4,685,633",
             "\u00A3"
             "3,500,000",
             "\u25B2", "\u25B2"},
            {"OCC11.12", "Average cash balance compared to forecast", "Lorna Baxter", "close",
             "10%", "average", "",
             "\u00A3"
             "441,293,000",
             "\u00A3"
             "480,000,000",
             "\u00A3"
             "441,293,000",
             "\u00A3"
             "480,000,000",
             "\u2605", "\u2605"},
            {"OCC11.13", "Average interest rate, in-house investments", "Lorna Baxter", "higher",
             "5%", "latest", "", "3.00%", "3.00%", "3.00%", "3.00%", "\u2605", "\u2605"},
            {"OCC11.14", "Average annualised return, external funds", "Lorna Baxter", "higher",
             "5%", "latest", "", "3.75%", "3.75%", "3.75%", "3.75%", "\u2605", "\u2605"},
            {"OCC11.15", "Invoice collection rate - ASC contribution debtors", "Lorna Baxter",
             "higher", "5%", "latest", "", "90.51%", "92.00%", "90.06%", "92.00%", "\u2605",
             "\u2605"},
        }));
    // Annex B "Overall Financial Position" (Table 11), £m, in the bmm-audit contract.
    d.tables.push_back(detail::make(
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
    d.tables.push_back(detail::make(
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
    // ¶75-77: planned savings by directorate (£m, as reductions) and the 2023/24 delivery status.
    d.tables.push_back(detail::make("savings_plan",
                                    {"directorate", "planned", "carried_forward", "printed_total"},
                                    {{"Adult Services", "18.1", "4.0", "22.1"},
                                     {"Children's Services", "3.4", "1.9", "5.3"},
                                     {"Environment & Place", "1.4", "2.3", "3.7"},
                                     {"Community Safety", "0.2", "0.0", "0.2"},
                                     {"Resources & Cross Directorate", "5.1", "2.0", "7.1"}}));
    d.tables.push_back(
        detail::make("savings_status", {"status", "amount", "printed_percent"},
                     {{"expected", "13.8", "50"}, {"amber", "11.3", ""}, {"red", "3.1", ""}}));
    // ¶113-115: general balances (£m).
    d.tables.push_back(detail::make("balances", {"item", "kind", "amount"},
                                    {{"Balances at 31 March 2023", "opening", "22.6"},
                                     {"Budgeted top-up 2023/24", "contribution", "6.8"},
                                     {"Further top-up (May 2023)", "contribution", "0.8"},
                                     {"Forecast outturn variance", "variance", "0.0"},
                                     {"Risk-assessed level 2023/24", "level", "30.2"}}));
    // ¶108 and ¶63: earmarked reserves (£m).
    d.tables.push_back(detail::make(
        "reserves", {"reserve", "kind", "label", "year", "amount"},
        {{"COVID-19 Reserve", "opening", "Balance at 1 April 2023", "2023/24", "15.4"},
         {"COVID-19 Reserve", "planned_use", "Built into the MTFS 2023/24 - 2025/26", "2023/24",
          "13.4"},
         {"COVID-19 Reserve", "commitment", "Information Management (SARs)", "2023/24", "0.1"},
         {"COVID-19 Reserve", "commitment", "Children's Services pressures", "2023/24", "1.5"},
         {"Public Health Reserve", "opening", "Balance at 1 April 2023", "2023/24", "5.9"},
         {"Public Health Reserve", "planned_use", "Forecast spend", "2023/24", "1.7"},
         {"Public Health Reserve", "planned_use", "Forecast spend", "2024/25", "1.1"},
         {"Public Health Reserve", "planned_use", "Forecast spend", "2025/26", "0.7"}}));
    // ¶110: the High Needs DSG deficit in the unusable reserve (£m).
    d.tables.push_back(detail::make("dsg", {"item", "value"},
                                    {{"opening_deficit", "41.1"},
                                     {"in_year_deficit", "18.3"},
                                     {"override_ends", "2026-03-31"}}));
    // Table 10: strategic risks (scores; likelihood and impact are not published).
    d.tables.push_back(detail::make(
        "risks",
        {"risk", "inherent", "previous_residual", "residual", "printed_rating",
         "printed_direction"},
        {{"01. Financial Resilience", "25", "15", "15", "\u25CF", "\u27A1"},
         {"02. Cyber security", "25", "15", "15", "\u25CF", "\u27A1"},
         {"03. Capital Projects", "16", "12", "16", "\u25B2", "\u2194"},
         {"04. Demand Management - Adult", "16", "9", "12", "\u25CF", "\u2194"},
         {"05. Demand Management - Children", "25", "16", "16", "\u25B2", "\u27A1"},
         {"06. Oxford Core Schemes", "20", "16", "16", "\u25B2", "\u27A1"},
         {"07. Strategic Workforce Planning", "16", "12", "9", "\u2605", "\u2B07\uFE0F"}}));
    return d;
}

/// The rating policy a measures row states (see the column notes in embedded()).
inline bmm::rag_policy policy_for(const table& t, std::size_t r, bmm::polarity pol) {
    const std::string& band = t.cell(r, "amber_band");
    const auto share =
        band.empty()
            ? bmm::ratio()
            : t.read(r, "amber_band", [](const std::string& s) { return bmm::ratio::parse(s); });
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

/// The names of the tables, in file order.
inline std::vector<std::string> table_names() {
    std::vector<std::string> out;
    for (const table& t : embedded().tables) out.push_back(t.name);
    return out;
}

/// Writes each table as DIR/<name>.csv. Throws: report_error if a file cannot be written.
inline void write_dir(const data& d, const std::string& dir) {
    for (const table& t : d.tables) {
        const std::string path = dir + "/" + t.name + ".csv";
        std::ofstream out(path, std::ios::binary);
        if (!out) throw report_error("cannot write " + path);
        auto row = [&out](const std::vector<std::string>& cells) {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (i != 0) out << ',';
                out << bmm::csv_quote(cells[i]);
            }
            out << '\n';
        };
        row(t.columns);
        for (const auto& r : t.rows) row(r);
        if (!out) throw report_error("cannot write " + path);
    }
}

/// Reads DIR/<name>.csv for every table. Each file must have exactly the columns of the
/// embedded table, in any order (they are put back in the embedded order).
/// Throws: report_error naming the file (and line) for a missing file, malformed CSV, a missing
/// or unknown column, or a row with the wrong number of cells.
inline data read_dir(const std::string& dir) {
    data out;
    for (const table& model : embedded().tables) {
        const std::string path = dir + "/" + model.name + ".csv";
        std::ifstream in(path, std::ios::binary);
        if (!in) throw report_error(path + ": cannot open the file");
        std::ostringstream text;
        text << in.rdbuf();
        bmm::csv_table csv;
        try {
            csv = bmm::read_csv(text.str());
        } catch (const bmm::error& e) {
            throw report_error(path + ": " + e.what());
        }
        table t{model.name, model.columns, {}, {}, path};
        std::vector<std::size_t> at;
        for (const std::string& c : model.columns) {
            const auto i = csv.column(c);
            if (!i) {
                throw report_error(path + ", line " + std::to_string(csv.header_line) +
                                   ": the header has no column " + c);
            }
            at.push_back(*i);
        }
        if (csv.header.size() != model.columns.size()) {
            throw report_error(path + ", line " + std::to_string(csv.header_line) +
                               ": the header has " + std::to_string(csv.header.size()) +
                               " columns, expected " + std::to_string(model.columns.size()));
        }
        for (const bmm::csv_record& r : csv.records) {
            if (r.fields.size() != csv.header.size()) {
                throw report_error(path + ", line " + std::to_string(r.line) + ": " +
                                   std::to_string(r.fields.size()) + " cells, the header has " +
                                   std::to_string(csv.header.size()));
            }
            std::vector<std::string> cells;
            for (std::size_t i : at) cells.push_back(r.fields[i]);
            t.rows.push_back(std::move(cells));
            t.lines.push_back(r.line);
        }
        out.tables.push_back(std::move(t));
    }
    return out;
}

}  // namespace report
