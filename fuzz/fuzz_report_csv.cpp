// Fuzz target: the CSV tables examples/monthly_report reads with --data DIR (report, measures,
// observations, overall, directorates, savings_plan, savings_status, balances, reserves, dsg,
// risks: see examples/report_data.hpp and README.md), read as the report reads them —
// bmm::read_csv, then each cell by the bmm parser of its column (figures in £m, decimals, measure
// ids, targets, actuals, statuses, fiscal months and years, amber-band ratios, risk arrows); a
// column the report does not know goes through every parser. Whatever the input, read_csv
// returns a table or throws a csv_error, and each cell is read or refused with the error types
// its parser documents, quoting the cell. (The report's own readers — levels, kinds, YTD rules,
// polarities, savings statuses, the DSG's YYYY-MM-DD date — are examples/ code, not bmm's.)
#include <bmm/csv.hpp>
#include <bmm/decimal.hpp>
#include <bmm/measure.hpp>
#include <bmm/money.hpp>
#include <bmm/period.hpp>
#include <bmm/ratio.hpp>
#include <bmm/risk.hpp>
#include <bmm/status.hpp>
#include <bmm/target.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"

namespace {

using bmm_fuzz::attempt;

enum parser : unsigned {
    millions = 1u << 0,
    number = 1u << 1,
    id = 1u << 2,
    target = 1u << 3,
    figure = 1u << 4,
    status = 1u << 5,
    month = 1u << 6,
    year = 1u << 7,
    rate = 1u << 8,
    arrow = 1u << 9,
    every = (1u << 10) - 1,
};

/// The parsers monthly_report applies to a column (0: free text, such as a name or a title).
unsigned parsers_of(std::string_view column) {
    struct entry {
        std::string_view name;
        unsigned parsers;
    };
    static constexpr entry columns[] = {
        {"amount", millions | number},  // savings_status reads it both ways
        {"budget", millions | number},
        {"forecast", millions},
        {"variance", millions | number},
        {"planned", millions | number},
        {"carried_forward", millions | number},
        {"value", month | millions},
        {"level", number},  // overall, directorates and savings_plan (0 a row, 1 the TOTAL)
        {"printed_total", number},
        {"printed_percent", number},
        {"numerator", number},
        {"denominator", number},
        {"inherent", number},
        {"previous_residual", number},
        {"residual", number},
        {"likelihood", number},
        {"impact", number},
        {"variance_pct", number | rate},
        {"id", id},
        {"measure", id},
        {"amber_band", rate},
        {"actual", figure},
        {"ytd_actual", figure},
        {"target", target},
        {"ytd_target", target},
        {"printed_status", status},
        {"printed_ytd_status", status},
        {"printed_rating", status},
        {"april_status", status},
        {"printed_direction", arrow},
        {"month", month},
        {"year", year},
        {"last_year", year},  // reserves.csv, optional: a planned use's last year
        {"key", 0},
        {"title", 0},
        {"owner", 0},
        {"polarity", 0},
        {"ytd_rule", 0},
        {"kind", 0},
        {"status", 0},
        {"label", 0},
        {"item", 0},
        {"line", 0},
        {"directorate", 0},
        {"reserve", 0},
        {"risk", 0},
    };
    for (const entry& e : columns) {
        if (e.name == column) return e.parsers;
    }
    return every;
}

void read_cell(std::string_view cell, unsigned parsers) {
    if (parsers & millions) {
        (void)attempt<bmm::parse_error, bmm::inexact_error, bmm::overflow_error>(
            cell, [](std::string_view s) { return bmm::gbp::from_millions(s); });
    }
    if (parsers & number) {
        (void)attempt<bmm::parse_error, bmm::overflow_error>(
            cell, [](std::string_view s) { return bmm::decimal::parse(s); });
    }
    if (parsers & id) {
        (void)attempt<bmm::parse_error>(
            cell, [](std::string_view s) { return bmm::measure_id::parse(s); });
    }
    if (parsers & target) {
        (void)attempt<bmm::parse_error, bmm::overflow_error>(
            cell, [](std::string_view s) { return bmm::target::parse(s); });
    }
    if (parsers & figure) {
        (void)attempt<bmm::parse_error, bmm::overflow_error>(
            cell, [](std::string_view s) { return bmm::parse_figure(s); });
    }
    if ((parsers & status) && !cell.empty()) {  // the report leaves a blank status unread
        (void)attempt<bmm::parse_error>(cell,
                                        [](std::string_view s) { return bmm::status::parse(s); });
    }
    if (parsers & month) {
        (void)attempt<bmm::parse_error>(
            cell, [](std::string_view s) { return bmm::fiscal_month<>::parse(s); });
    }
    if (parsers & year) {
        (void)attempt<bmm::parse_error>(
            cell, [](std::string_view s) { return bmm::fiscal_year<>::parse(s); });
    }
    if ((parsers & rate) && !cell.empty()) {  // a blank band is no band
        (void)attempt<bmm::parse_error, bmm::overflow_error>(
            cell, [](std::string_view s) { return bmm::ratio::parse(s); });
    }
    if (parsers & arrow) {
        (void)attempt<bmm::parse_error>(
            cell, [](std::string_view s) { return bmm::parse_risk_travel(s); });
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    bmm::csv_table t;
    try {
        t = bmm::read_csv(text);
    } catch (const bmm::csv_error&) {
        return 0;  // fuzz_csv checks the reader's errors
    }
    for (const bmm::csv_record& r : t.records) {
        for (std::size_t i = 0; i < r.fields.size(); ++i) {
            read_cell(r.fields[i], parsers_of(i < t.header.size() ? t.header[i] : ""));
        }
    }
    return 0;
}
