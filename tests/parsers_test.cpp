// Spec: every public parser has a try_ twin, listed here with it (issue 14).
//
// A parser reads text and throws a typed error where the text is not what it reads; its twin
// returns std::optional, is noexcept, and says std::nullopt exactly where the parser throws.
// For each pair below, the twin reads a good text as the parser does, and a bad text that
// makes the parser throw its documented error makes the twin say nothing.
// scripts/check-public-api.py twins (CTest api.every_reader_has_a_try_twin) finds any public
// parse*, read*, from_thousands or from_millions without a twin; this spec checks what they do.
//
//   header                          parser                              twin
//   decimal.hpp                     decimal::parse                      decimal::try_parse
//   exact.hpp                       exact::parse                        exact::try_parse
//   ratio.hpp                       ratio::parse                        ratio::try_parse
//   money.hpp                       money::parse(text [, mode])         money::try_parse
//                                   money::from_thousands(text [, mode]) try_from_thousands
//                                   money::from_millions(text [, mode])  try_from_millions
//   format.hpp                      parse_money<C>, parse_percent       try_parse_money<C>,
//                                                                       try_parse_percent
//   measure_id.hpp                  measure_id::parse                   measure_id::try_parse
//   period.hpp                      fiscal_year/month/quarter::parse    ::try_parse
//                                   parse_frequency                     try_parse_frequency
//   status.hpp                      status::parse                       status::try_parse
//   risk.hpp                        parse_risk_travel                   try_parse_risk_travel
//   target.hpp                      parse_figure, target::parse         try_parse_figure,
//                                   (text [, scale])                    target::try_parse
//   ytd.hpp                         parse_ytd_rule                      try_parse_ytd_rule
//   mtfs.hpp                        savings_policy::parse,              ::try_parse,
//                                   parse_reserve_kind,                 try_parse_reserve_kind,
//                                   parse_item_duration                 try_parse_item_duration
//   mtfs_scenario.hpp               parse_mtfs_assumption               try_parse_mtfs_assumption
//   csv.hpp                         read_csv                            try_read_csv
//   audit/finding.hpp               parse_verdict                       try_parse_verdict
//   audit/table.hpp                 parse_audit_column                  try_parse_audit_column
//   audit/table_declaration.hpp     parse_table_role, _table_unit,      try_parse_... each
//                                   _nil_meaning, _bracket_style,
//                                   _variance_direction,
//                                   _percent_basis, _comparison
//   audit/printed_table.hpp         printed_table::read,                printed_table::try_read,
//                                   read_table_cell                     try_read_table_cell
//   io/table_declaration.hpp        parse_table_declaration,            try_parse_...,
//                                   read_printed_table                  try_read_printed_table
//   io/published_table.hpp          read_published_table (csv or text)  try_read_published_table
//   io/mtfs_csv.hpp                 read_mtfs_csv                       try_read_mtfs_csv
//   io/report_csv.hpp               read_report, read_report_folder     try_read_report, ..._folder
//   report/calendar.hpp             calendar_month::parse,              ::try_parse each,
//                                   fiscal_calendar::parse,
//                                   report_period::parse,
//                                   parse_reporting_frequency           try_parse_reporting_...
//   report/info.hpp                 parse_rounding_mode                 try_parse_rounding_mode
//   report/section.hpp              parse_section_kind,                 try_parse_section_kind,
//                                   parse_column_role                   try_parse_column_role
//   report/check.hpp                parse_check_expression              try_parse_check_expression
//   report/declared_section.hpp     read_declared_section               try_read_declared_section
#include <doctest/doctest.h>

#include <bmm/audit/finding.hpp>
#include <bmm/audit/printed_table.hpp>
#include <bmm/audit/table.hpp>
#include <bmm/audit/table_declaration.hpp>
#include <bmm/csv.hpp>
#include <bmm/decimal.hpp>
#include <bmm/error.hpp>
#include <bmm/exact.hpp>
#include <bmm/format.hpp>
#include <bmm/io/mtfs_csv.hpp>
#include <bmm/io/published_table.hpp>
#include <bmm/io/report_csv.hpp>
#include <bmm/io/table_declaration.hpp>
#include <bmm/measure_id.hpp>
#include <bmm/money.hpp>
#include <bmm/mtfs.hpp>
#include <bmm/mtfs_scenario.hpp>
#include <bmm/period.hpp>
#include <bmm/ratio.hpp>
#include <bmm/report/calendar.hpp>
#include <bmm/report/check.hpp>
#include <bmm/report/declared_section.hpp>
#include <bmm/report/info.hpp>
#include <bmm/report/section.hpp>
#include <bmm/risk.hpp>
#include <bmm/status.hpp>
#include <bmm/target.hpp>
#include <bmm/ytd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "support/spec.hpp"
#include "support/twins.hpp"

using bmm::rounding_mode;
using bmm_test::enum_twins;
using bmm_test::twins;

namespace {

const char* const pound = "\xC2\xA3";

std::string gbp_text(const char* figure) { return pound + std::string(figure); }

const char* const budget_decl =
    "table \"Adults\"\n"
    "rounding half_up\n"
    "column \"Service\" name\n"
    "column \"Budget \xC2\xA3"
    "000\" budget \xC2\xA3"
    "000\n";

const std::string mtfs_header =
    "section,scenario,name,service,reserve,status,duration,base,2024/25,2025/26\n";
const std::string mtfs_rows =
    "setting,,amounts,,,,,\xC2\xA3m,,\n"
    "setting,,savings_policy,,,,,amber_weighted 50%,,\n"
    "setting,,dsg_override_ends,,,,,2026-03-31,,\n"
    "pay,,Adults,,,,,60.0,,\n"
    "non_pay,,Adults,,,,,166.9,,\n"
    "pay_award,,,,,,,,4.5%,3%\n"
    "inflation,,,,,,,,3.5%,2%\n"
    "demand_growth,,Adults,,,,,,2%,2%\n"
    "council_tax,,,,,,,300,,\n"
    "council_tax_base_growth,,,,,,,,1%,1%\n"
    "council_tax_increase,,,,,,,,4.99%,2.99%\n"
    "referendum_limit,,,,,,,,4.99%,2.99%\n"
    "funding,,Grants,,,,,41.5,43.0,40.0\n"
    "reserve,,General balances,,,general,,30.2,,\n";

const char* const published_csv =
    "line,level,budget,forecast,variance,variance_pct,previous_variance,change\n"
    "Resources,0,69.7,71.3,1.6,2.3%,1.2,0.4\n"
    "Total,1,69.7,71.3,1.6,2.3,,\n";
const char* const published_bad =
    "line,level,budget,forecast,variance,variance_pct,previous_variance,change\n"
    "Resources,0,n/a,71.3,1.6,2.3%,1.2,0.4\n";

bool same_rows(const std::vector<bmm::published_row>& a, const std::vector<bmm::published_row>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].budget != b[i].budget ||
            a[i].source_line != b[i].source_line) {
            return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("the number parsers and their twins read the same text and refuse the same text") {
    twins<bmm::parse_error>([](const std::string& t) { return bmm::decimal::parse(t); },
                            [](const std::string& t) { return bmm::decimal::try_parse(t); },
                            "-1,234.50", "1.2.3");
    twins<bmm::parse_error>([](const std::string& t) { return bmm::exact::parse(t); },
                            [](const std::string& t) { return bmm::exact::try_parse(t); },
                            "207/200", "1//2");
    twins<bmm::parse_error>([](const std::string& t) { return bmm::ratio::parse(t); },
                            [](const std::string& t) { return bmm::ratio::try_parse(t); }, "3.5%",
                            "n/a");
    twins<bmm::parse_error>([](const std::string& t) { return bmm::measure_id::parse(t); },
                            [](const std::string& t) { return bmm::measure_id::try_parse(t); },
                            "OCC11.02", "OCC11");
}

TEST_CASE("the money parsers and their twins read the same amounts and refuse the same text") {
    using bmm::gbp;
    using C = bmm::currency::gbp;
    twins<bmm::parse_error>([](const std::string& t) { return gbp::parse(t); },
                            [](const std::string& t) { return gbp::try_parse(t); },
                            gbp_text("1,234.56"), gbp_text("493,032,40"));
    twins<bmm::inexact_error>([](const std::string& t) { return gbp::parse(t); },
                              [](const std::string& t) { return gbp::try_parse(t); }, "0.01",
                              "0.005");
    twins<bmm::parse_error>(
        [](const std::string& t) { return gbp::parse(t, rounding_mode::half_up); },
        [](const std::string& t) { return gbp::try_parse(t, rounding_mode::half_up); }, "0.005",
        "n/a");
    CHECK(gbp::try_parse("0.005", rounding_mode::half_up) == gbp::parse("0.01"));
    twins<bmm::overflow_error>(
        [](const std::string& t) { return gbp::parse(t, rounding_mode::half_up); },
        [](const std::string& t) { return gbp::try_parse(t, rounding_mode::half_up); }, "-0.07",
        "92233720368547758.08");
    twins<bmm::inexact_error>([](const std::string& t) { return gbp::from_thousands(t); },
                              [](const std::string& t) { return gbp::try_from_thousands(t); },
                              "1,762", "0.000001");
    CHECK(gbp::try_from_thousands("1,762") == gbp::parse("1762000"));
    twins<bmm::parse_error>(
        [](const std::string& t) { return gbp::from_thousands(t, rounding_mode::half_up); },
        [](const std::string& t) { return gbp::try_from_thousands(t, rounding_mode::half_up); },
        "0.00001", "1,76,2");
    twins<bmm::parse_error>([](const std::string& t) { return gbp::from_millions(t); },
                            [](const std::string& t) { return gbp::try_from_millions(t); }, "0.070",
                            "5.3m");
    CHECK(gbp::try_from_millions("0.070") == gbp::parse("70000"));
    twins<bmm::inexact_error>([](const std::string& t) { return gbp::from_millions(t); },
                              [](const std::string& t) { return gbp::try_from_millions(t); }, "5.3",
                              "1.2345678912");
    twins<bmm::overflow_error>(
        [](const std::string& t) { return gbp::from_millions(t, rounding_mode::half_even); },
        [](const std::string& t) { return gbp::try_from_millions(t, rounding_mode::half_even); },
        "1.2345678912", "100000000000000");
    CHECK(gbp::try_from_millions("1.2345678912", rounding_mode::half_even) ==
          gbp::parse("1234567.89"));

    const bmm::money_format m1 = bmm::money_format::millions(1);
    twins<bmm::parse_error>([&](const std::string& t) { return bmm::parse_money<C>(t, m1); },
                            [&](const std::string& t) { return bmm::try_parse_money<C>(t, m1); },
                            "(" + gbp_text("5.3m") + ")", gbp_text("5.3"));
    CHECK(bmm::try_parse_money<C>(gbp_text("5.3m"), m1) == gbp::from_millions("5.3"));
    twins<bmm::inexact_error>([&](const std::string& t) { return bmm::parse_money<C>(t, m1); },
                              [&](const std::string& t) { return bmm::try_parse_money<C>(t, m1); },
                              gbp_text("0.07m"), gbp_text("0.000000001m"));
    const bmm::percent_format p = bmm::percent_format::places(1);
    twins<bmm::parse_error>([&](const std::string& t) { return bmm::parse_percent(t, p); },
                            [&](const std::string& t) { return bmm::try_parse_percent(t, p); },
                            "(1.2)%", "(-1.2)%");
    CHECK(bmm::try_parse_percent("(1.2)%") == bmm::decimal::parse("-1.2"));
    CHECK_FALSE(bmm::try_parse_percent("n/a").has_value());
}

TEST_CASE("the period parsers and their twins read the same periods and refuse the same text") {
    using fy = bmm::fiscal_year<>;
    twins<bmm::parse_error>([](const std::string& t) { return fy::parse(t); },
                            [](const std::string& t) { return fy::try_parse(t); }, "2023/24",
                            "2023/25");
    twins<bmm::parse_error>([](const std::string& t) { return bmm::fiscal_month<>::parse(t); },
                            [](const std::string& t) { return bmm::fiscal_month<>::try_parse(t); },
                            "M3 2023/24", "M13 2023/24");
    twins<bmm::parse_error>(
        [](const std::string& t) { return bmm::fiscal_quarter<>::parse(t); },
        [](const std::string& t) { return bmm::fiscal_quarter<>::try_parse(t); }, "Q1 2023/24",
        "Q5 2023/24");
    twins<bmm::parse_error>([](const std::string& t) { return bmm::parse_frequency(t); },
                            [](const std::string& t) { return bmm::try_parse_frequency(t); },
                            " Bi monthly ", "mon thly");
    CHECK(bmm::try_parse_frequency("six - monthly") == bmm::frequency::six_monthly);
    CHECK(bmm::try_parse_frequency("HALF-YEARLY") == bmm::frequency::six_monthly);
    CHECK_FALSE(bmm::try_parse_frequency("monthly monthly monthly").has_value());
    CHECK_FALSE(bmm::try_parse_frequency("").has_value());
}

TEST_CASE("the rating and target parsers and their twins read the same values") {
    twins<bmm::parse_error>([](const std::string& t) { return bmm::status::parse(t); },
                            [](const std::string& t) { return bmm::status::try_parse(t); }, "Green",
                            "Purple");
    twins<bmm::parse_error>([](const std::string& t) { return bmm::parse_risk_travel(t); },
                            [](const std::string& t) { return bmm::try_parse_risk_travel(t); },
                            "\xE2\xAC\x86\xEF\xB8\x8F", "sideways");
    CHECK(bmm::try_parse_risk_travel(" Decreased ") == bmm::risk_travel::decreased);
    auto same_figure = [](const bmm::figure& a, const bmm::figure& b) {
        return a.value == b.value && a.unit == b.unit;
    };
    twins<bmm::parse_error>([](const std::string& t) { return bmm::parse_figure(t); },
                            [](const std::string& t) { return bmm::try_parse_figure(t); },
                            "48 days", "12 apples", same_figure);
    twins<bmm::overflow_error>([](const std::string& t) { return bmm::parse_figure(t); },
                               [](const std::string& t) { return bmm::try_parse_figure(t); },
                               "56.74%", "99999999999999999999", same_figure);
    twins<bmm::parse_error>([](const std::string& t) { return bmm::target::parse(t); },
                            [](const std::string& t) { return bmm::target::try_parse(t); },
                            "93-95%", "%%");
    CHECK(bmm::target::try_parse("n/a") == bmm::target::none());
    const bmm::milestone_scale plan{"Delivering to plan", "Slightly behind schedule"};
    twins<bmm::parse_error>([&](const std::string& t) { return bmm::target::parse(t, plan); },
                            [&](const std::string& t) { return bmm::target::try_parse(t, plan); },
                            "Slightly behind schedule", "Somewhat behind");
    enum_twins([](const std::string& t) { return bmm::parse_ytd_rule(t); },
               [](const std::string& t) { return bmm::try_parse_ytd_rule(t); },
               bmm::ytd_rule::ratio_of_sums, "ratio of sums?");
}

TEST_CASE("the MTFS parsers and their twins read the same values and refuse the same text") {
    twins<bmm::parse_error>([](const std::string& t) { return bmm::savings_policy::parse(t); },
                            [](const std::string& t) { return bmm::savings_policy::try_parse(t); },
                            "amber_weighted 50%", "sometimes");
    twins<bmm::invalid_argument>(
        [](const std::string& t) { return bmm::savings_policy::parse(t); },
        [](const std::string& t) { return bmm::savings_policy::try_parse(t); }, "green_only",
        "amber_weighted 150%");
    enum_twins([](const std::string& t) { return bmm::parse_reserve_kind(t); },
               [](const std::string& t) { return bmm::try_parse_reserve_kind(t); },
               bmm::reserve_kind::ring_fenced, "ring fenced?");
    enum_twins([](const std::string& t) { return bmm::parse_item_duration(t); },
               [](const std::string& t) { return bmm::try_parse_item_duration(t); },
               bmm::item_duration::one_off, "twice");
    enum_twins([](const std::string& t) { return bmm::parse_mtfs_assumption(t); },
               [](const std::string& t) { return bmm::try_parse_mtfs_assumption(t); },
               bmm::mtfs_assumption::inflation, "deflation");
}

TEST_CASE("read_csv and try_read_csv read the same records and refuse the same text") {
    twins<bmm::csv_error>([](const std::string& t) { return bmm::read_csv(t); },
                          [](const std::string& t) { return bmm::try_read_csv(t); },
                          "a,b\n1,\"2,3\"\n", "a,b\n1,\"2\n",
                          [](const bmm::csv_table& a, const bmm::csv_table& b) {
                              return a.header == b.header && a.records.size() == b.records.size() &&
                                     a.records[0].fields == b.records[0].fields;
                          });
    CHECK_FALSE(bmm::try_read_csv("").has_value());
}

TEST_CASE("the audit vocabulary parsers and their twins read every name they print") {
    enum_twins([](const std::string& t) { return bmm::parse_verdict(t); },
               [](const std::string& t) { return bmm::try_parse_verdict(t); },
               bmm::verdict::sign_convention, "wrong");
    enum_twins([](const std::string& t) { return bmm::parse_audit_column(t); },
               [](const std::string& t) { return bmm::try_parse_audit_column(t); },
               bmm::audit_column::variance, "varience");
    enum_twins([](const std::string& t) { return bmm::parse_table_role(t); },
               [](const std::string& t) { return bmm::try_parse_table_role(t); },
               bmm::table_role::budget, "budgets");
    enum_twins([](const std::string& t) { return bmm::parse_table_unit(t); },
               [](const std::string& t) { return bmm::try_parse_table_unit(t); },
               bmm::table_unit::millions, "$m");
    enum_twins([](const std::string& t) { return bmm::parse_nil_meaning(t); },
               [](const std::string& t) { return bmm::try_parse_nil_meaning(t); },
               bmm::nil_meaning::absent, "nothing");
    enum_twins([](const std::string& t) { return bmm::parse_bracket_style(t); },
               [](const std::string& t) { return bmm::try_parse_bracket_style(t); },
               bmm::bracket_style::prose, "square");
    enum_twins([](const std::string& t) { return bmm::parse_variance_direction(t); },
               [](const std::string& t) { return bmm::try_parse_variance_direction(t); },
               bmm::variance_direction::budget_minus_spend, "budget + forecast");
    enum_twins([](const std::string& t) { return bmm::parse_percent_basis(t); },
               [](const std::string& t) { return bmm::try_parse_percent_basis(t); },
               bmm::percent_basis::signed_budget, "unsigned");
    enum_twins([](const std::string& t) { return bmm::parse_comparison(t); },
               [](const std::string& t) { return bmm::try_parse_comparison(t); },
               bmm::comparison::less_equal, "=<");
}

TEST_CASE("the printed-table readers and their twins read the same tables and cells") {
    const bmm::table_declaration d = bmm::parse_table_declaration(budget_decl, "t.decl");
    twins<bmm::table_error>(
        [](const std::string& t) { return bmm::parse_table_declaration(t); },
        [](const std::string& t) { return bmm::try_parse_table_declaration(t); }, budget_decl,
        "rounding sideways\n",
        [](const bmm::table_declaration& a, const bmm::table_declaration& b) {
            return a.title == b.title && a.columns.size() == b.columns.size();
        });
    const std::string good_csv = "Service,Budget " + std::string(pound) + "000\nCare,\"1,234\"\n";
    const std::string bad_csv = "Service,Budget " + std::string(pound) + "000\nCare,lots\n";
    auto same_table = [](const bmm::printed_table& a, const bmm::printed_table& b) {
        return a.rows().size() == b.rows().size() && a.cell(0, 1).value == b.cell(0, 1).value;
    };
    twins<bmm::table_error>([&](const std::string& t) { return bmm::read_printed_table(t, d); },
                            [&](const std::string& t) { return bmm::try_read_printed_table(t, d); },
                            good_csv, bad_csv, same_table);
    CHECK(bmm::try_read_printed_table(good_csv, d)->cell(0, 1).value ==
          bmm::decimal::parse("1234"));

    // printed_table::read: one row of fields under the same headings.
    auto field = [](const std::string& text, std::size_t column) {
        return bmm::text_field{text, bmm::source_position{"t.csv", 2, column}};
    };
    const std::vector<bmm::text_field> headings{field("Service", 1),
                                                field("Budget " + std::string(pound) + "000", 9)};
    twins<bmm::table_error>(
        [&](const std::string& t) {
            return bmm::printed_table::read(d, headings, {{field("Care", 1), field(t, 6)}}, {2});
        },
        [&](const std::string& t) {
            return bmm::printed_table::try_read(d, headings, {{field("Care", 1), field(t, 6)}},
                                                {2});
        },
        "(5)", "five", same_table);

    const bmm::table_column& budget = d.column("Budget " + std::string(pound) + "000");
    const bmm::source_position where{"t.csv", 2, 6};
    twins<bmm::table_error>(
        [&](const std::string& t) { return bmm::read_table_cell(t, budget, d, where); },
        [&](const std::string& t) { return bmm::try_read_table_cell(t, budget, d, where); },
        "(1,234)", "1,2,3,4",
        [](const bmm::table_cell& a, const bmm::table_cell& b) {
            return a.kind == b.kind && a.value == b.value;
        });
    CHECK(bmm::try_read_table_cell("(1,234)", budget, d, where)->value ==
          bmm::decimal::parse("-1234"));
}

TEST_CASE("read_published_table and its twins read the same rows and refuse the same text") {
    twins<bmm::parse_error>(
        [](const std::string& t) { return bmm::read_published_table(std::string_view(t)); },
        [](const std::string& t) { return bmm::try_read_published_table(std::string_view(t)); },
        published_csv, published_bad, same_rows);
    twins<bmm::parse_error>(
        [](const std::string& t) { return bmm::read_published_table(bmm::read_csv(t)); },
        [](const std::string& t) { return bmm::try_read_published_table(bmm::read_csv(t)); },
        published_csv, published_bad, same_rows);
    CHECK(bmm::try_read_published_table(std::string_view(published_csv))->size() == 2);
}

TEST_CASE("read_mtfs_csv and try_read_mtfs_csv read the same plan and refuse the same file") {
    using C = bmm::currency::gbp;
    twins<bmm::mtfs_csv_error>(
        [](const std::string& t) { return bmm::read_mtfs_csv<C, 4>(t, "plan.csv"); },
        [](const std::string& t) { return bmm::try_read_mtfs_csv<C, 4>(t, "plan.csv"); },
        mtfs_header + mtfs_rows, mtfs_header + mtfs_rows + "bogus,,,,,,,,,\n",
        [](const bmm::mtfs_file<C, 4>& a, const bmm::mtfs_file<C, 4>& b) {
            return a.plan.years == b.plan.years && a.plan.services.size() == 1 &&
                   b.plan.services.size() == 1;
        });
}

TEST_CASE("every twin added for issue 14 is noexcept and returns std::optional") {
    using bmm::gbp;
    using C = bmm::currency::gbp;
    static_assert(noexcept(gbp::try_parse("", rounding_mode::half_up)));
    static_assert(noexcept(gbp::try_from_thousands("")));
    static_assert(noexcept(gbp::try_from_thousands("", rounding_mode::half_up)));
    static_assert(noexcept(gbp::try_from_millions("")));
    static_assert(noexcept(gbp::try_from_millions("", rounding_mode::half_up)));
    static_assert(noexcept(bmm::try_parse_money<C>("", bmm::money_format::millions(1))));
    static_assert(noexcept(bmm::try_parse_percent("")));
    static_assert(noexcept(bmm::try_parse_frequency("")));
    static_assert(noexcept(bmm::try_parse_risk_travel("")));
    static_assert(noexcept(bmm::try_parse_figure("")));
    static_assert(noexcept(bmm::target::try_parse("")));
    static_assert(noexcept(bmm::try_read_csv("")));
    static_assert(noexcept(bmm::try_read_published_table(std::string_view())));
    static_assert(noexcept(bmm::try_read_mtfs_csv<C, 4>("", "")));
    static_assert(std::is_same_v<decltype(bmm::try_parse_figure("")), std::optional<bmm::figure>>);
    static_assert(std::is_same_v<decltype(gbp::try_from_millions("")), std::optional<gbp>>);
    static_assert(std::is_same_v<decltype(bmm::try_read_csv("")), std::optional<bmm::csv_table>>);
    constexpr auto up = bmm::try_parse_risk_travel("up");  // the enumeration twins are constexpr
    static_assert(up == bmm::risk_travel::increased);
    CHECK(up.has_value());
}

// The report/ parsers and their twins.

TEST_CASE("read_report and its twins read the same report and refuse the same layout") {
    using file = bmm::layout_file;
    auto as_files = [](const std::string& report_csv) {
        return std::vector<file>{file{"report.csv", file::type::regular, report_csv}};
    };
    auto same_report = [](const bmm::report& a, const bmm::report& b) {
        return bmm::write_report(a).size() == bmm::write_report(b).size();
    };
    twins<bmm::report_error>(
        [&](const std::string& t) { return bmm::read_report(as_files(t)); },
        [&](const std::string& t) { return bmm::try_read_report(as_files(t)); },
        "key,value\ncouncil,Test Council\n", "key,value\ncouncil\n", same_report);
    twins<bmm::report_error>([](const std::string& t) { return bmm::read_report_folder(t); },
                             [](const std::string& t) { return bmm::try_read_report_folder(t); },
                             BMM_SOURCE_DIR "/tests/data/seed003",
                             BMM_SOURCE_DIR "/tests/data/no such folder", same_report);
}

TEST_CASE("the report calendar and vocabulary parsers and their twins read the same values") {
    twins<bmm::parse_error>([](const std::string& t) { return bmm::calendar_month::parse(t); },
                            [](const std::string& t) { return bmm::calendar_month::try_parse(t); },
                            "Sept 2023", "Septober 2023");
    twins<bmm::parse_error>([](const std::string& t) { return bmm::fiscal_calendar::parse(t); },
                            [](const std::string& t) { return bmm::fiscal_calendar::try_parse(t); },
                            "Apr", "13");
    const bmm::fiscal_calendar april = bmm::fiscal_calendar::parse("April");
    twins<bmm::parse_error>(
        [&](const std::string& t) { return bmm::report_period::parse(t, april); },
        [&](const std::string& t) { return bmm::report_period::try_parse(t, april); }, "Q1 2017/18",
        "Q5 2017/18",
        [](const bmm::report_period& a, const bmm::report_period& b) {
            return a.first == b.first && a.last == b.last;
        });
    enum_twins([](const std::string& t) { return bmm::parse_reporting_frequency(t); },
               [](const std::string& t) { return bmm::try_parse_reporting_frequency(t); },
               bmm::reporting_frequency::quarterly, "fortnightly");
    enum_twins([](const std::string& t) { return bmm::parse_rounding_mode(t); },
               [](const std::string& t) { return bmm::try_parse_rounding_mode(t); },
               rounding_mode::half_even, "half_odd");
    enum_twins([](const std::string& t) { return bmm::parse_section_kind(t); },
               [](const std::string& t) { return bmm::try_parse_section_kind(t); },
               bmm::section_kind::summary, "summaries?");
    enum_twins([](const std::string& t) { return bmm::parse_column_role(t); },
               [](const std::string& t) { return bmm::try_parse_column_role(t); },
               bmm::column_role::note, "footnote?");
    twins<bmm::parse_error>([](const std::string& t) { return bmm::parse_check_expression(t); },
                            [](const std::string& t) { return bmm::try_parse_check_expression(t); },
                            "= sum([A]..[B]) - {Budget}", "= sum([A]..",
                            [](const bmm::check_expression& a, const bmm::check_expression& b) {
                                return a.leading == b.leading && a.terms.size() == b.terms.size();
                            });
}

TEST_CASE("every report twin added for issue 14 is noexcept") {
    static_assert(noexcept(bmm::try_read_report({})));
    const std::string folder;
    static_assert(noexcept(bmm::try_read_report_folder(folder)));
    static_assert(noexcept(bmm::try_parse_check_expression("")));
    CHECK_FALSE(bmm::try_parse_check_expression("").has_value());
}

TEST_CASE("read_declared_section and its twin read a report's declared table alike") {
    const bmm::table_declaration d = bmm::parse_table_declaration(
        "rounding half_up\ncolumn \"Line\" name\ncolumn \"Budget\" budget £m\n", "t.decl");
    auto section = [](const std::string& budget) {
        bmm::printed_section s;
        s.file = "t.csv";
        s.kind = bmm::section_kind::finance;
        s.headings = {bmm::section_cell{"Line", bmm::source_position{"t.csv", 1, 1}},
                      bmm::section_cell{"Budget", bmm::source_position{"t.csv", 1, 6}}};
        s.rows.push_back(
            bmm::printed_row{{bmm::section_cell{"Adults", bmm::source_position{"t.csv", 2, 1}},
                              bmm::section_cell{budget, bmm::source_position{"t.csv", 2, 8}}},
                             2});
        return s;
    };
    twins<bmm::table_error>(
        [&](const std::string& t) { return bmm::read_declared_section(section(t), d); },
        [&](const std::string& t) { return bmm::try_read_declared_section(section(t), d); }, "1.5",
        "lots",
        [](const bmm::printed_table& a, const bmm::printed_table& b) {
            return a.cell(0, 1).value == b.cell(0, 1).value;
        });
    CHECK(bmm::try_read_declared_section(section("1.5"), d)->cell(0, 1).value ==
          bmm::decimal::parse("1.5"));
}
