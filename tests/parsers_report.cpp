// Spec (continued from tests/parsers_test.cpp, whose list it completes): the report/ parsers
// and their try_ twins, in a translation unit of their own because bmm/report/ and
// bmm/audit/printed_table.hpp cannot be included together.
#include <doctest/doctest.h>

#include <bmm/io/report_csv.hpp>
#include <bmm/report/calendar.hpp>
#include <bmm/report/check.hpp>
#include <bmm/report/info.hpp>
#include <bmm/report/section.hpp>
#include <string>
#include <vector>

#include "support/twins.hpp"

using bmm::rounding_mode;
using bmm_test::enum_twins;
using bmm_test::twins;

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
