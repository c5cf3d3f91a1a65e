// Spec: bmm/period.hpp — financial years, quarters and months on Howard Hinnant's date.
#include <doctest/doctest.h>

#include <bmm/period.hpp>
#include <climits>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "support/spec.hpp"

using bmm::fiscal_month;
using bmm::fiscal_quarter;
using bmm::fiscal_year;
using namespace date::literals;
using namespace bmm::literals;

// --- Static spec ------------------------------------------------------------------------------
static_assert(std::is_trivially_copyable_v<fiscal_year<>>);
static_assert(std::is_trivially_copyable_v<fiscal_month<>>);
static_assert(!std::is_convertible_v<int, fiscal_year<>>,
              "a year number is not implicitly a fiscal year");
static_assert(!bmm_test::can_add<fiscal_year<>, fiscal_year<>>, "years are points: add durations");
static_assert(!bmm_test::can_add<fiscal_month<>, fiscal_month<>>);
static_assert(!bmm_test::can_add<fiscal_quarter<>, fiscal_quarter<>>);
static_assert(!bmm_test::can_compare_equal<fiscal_year<4>, fiscal_year<7>>, "calendars never mix");
static_assert(!bmm_test::can_subtract<fiscal_month<4>, fiscal_month<1>>);
static_assert(bmm_test::same_type_and_value(fiscal_year<>{2023} + date::years{1},
                                            fiscal_year<>{2024}));
static_assert(bmm_test::same_type_and_value(fiscal_year<>{2024} - fiscal_year<>{2021},
                                            date::years{3}));
static_assert(bmm_test::same_type_and_value(2023_fy, bmm::uk_fiscal_year{2023}));
static_assert((2023_fy / date::May).index() == 2);
static_assert((2023_fy / date::January).index() == 10);
static_assert((2023_fy).month(13).ok() == false && (2023_fy).month(12).ok());
static_assert((2023_fy).quarter(5).ok() == false);

TEST_SUITE("period") {
    TEST_CASE("the fiscal year 2023/24 runs from 1 April 2023 to 31 March 2024") {
        const fiscal_year<> fy{2023};
        CHECK(fy.first_day() == 2023_y / date::April / 1);
        CHECK(fy.last_day() == 2024_y / date::March / 31);
        CHECK(fy.start_year() == 2023_y);
        CHECK(fy.end_year() == 2024_y);
        CHECK(bmm::to_string(fy) == "2023/24");
        CHECK(fy.contains(2024_y / date::March / 31));
        CHECK_FALSE(fy.contains(2024_y / date::April / 1));
    }

    TEST_CASE(
        "a fiscal year is named by the year it starts in and can be built from its end year") {
        CHECK(fiscal_year<>::ending_in(2024_y) == fiscal_year<>{2023});
        CHECK(fiscal_year<>::starting_in(2023_y) == fiscal_year<>{2023});
        CHECK(fiscal_year<1>::ending_in(2023_y) == fiscal_year<1>{2023});
        CHECK(fiscal_year<10>::ending_in(2024_y).first_day() == 2023_y / date::October / 1);
    }

    TEST_CASE("a date falls in exactly one fiscal year") {
        CHECK(fiscal_year<>::containing(2023_y / date::March / 31) == fiscal_year<>{2022});
        CHECK(fiscal_year<>::containing(2023_y / date::April / 1) == fiscal_year<>{2023});
        CHECK(fiscal_year<7>::containing(2023_y / date::June / 30) == fiscal_year<7>{2022});
        CHECK(fiscal_year<1>::containing(2023_y / date::December / 31) == fiscal_year<1>{2023});
        CHECK(fiscal_year<>::containing(date::sys_days{2024_y / date::February / 29}) ==
              fiscal_year<>{2023});
    }

    TEST_CASE("fiscal year labels are read in every form the seeds print and printed in one") {
        for (const char* label : {"2023/24", "2023-24", "2023/2024", "2023-2024", "23/24", "2023/4",
                                  " 2023/24 ", "FY 2023/24", "FY2023/24", "fy23/24"}) {
            CAPTURE(label);
            CHECK(fiscal_year<>::parse(label) == fiscal_year<>{2023});
        }
        CHECK(fiscal_year<>::parse("2017-18") == fiscal_year<>{2017});
        CHECK(fiscal_year<>::parse("22/23") == fiscal_year<>{2022});
        CHECK(fiscal_year<>::parse("2024/2025") == fiscal_year<>{2024});
        CHECK(fiscal_year<>::parse("1999/00") == fiscal_year<>{1999});
        CHECK(bmm::to_string(fiscal_year<>{1999}) == "1999/00");
        CHECK(bmm::to_string(fiscal_year<>{2009}) == "2009/10");
        CHECK(fiscal_year<1>::parse("2023") == fiscal_year<1>{2023});
        CHECK(bmm::to_string(fiscal_year<1>{2023}) == "2023");
    }

    TEST_CASE("text that is not a fiscal year is a parse_error naming the text") {
        for (const char* bad : {"2023/25", "13/2023", "", "abcd", "2023/", "2023/24x", "2023",
                                "202/23", "2023/245", "2023 24", "FY", "2023/-24"}) {
            CAPTURE(bad);
            const std::string quoted = '"' + std::string(bad) + '"';
            CHECK_THROWS_WITH_AS((void)fiscal_year<>::parse(bad), doctest::Contains(quoted.c_str()),
                                 bmm::parse_error);
            CHECK_FALSE(fiscal_year<>::try_parse(bad).has_value());
        }
        CHECK_THROWS_WITH_AS((void)fiscal_year<>::parse("2023/25"),
                             doctest::Contains("the year after the first"), bmm::parse_error);
        CHECK_THROWS_AS((void)fiscal_year<1>::parse("2023/24"), bmm::parse_error);
    }

    TEST_CASE("the parse error says where the text went wrong") {
        try {
            (void)fiscal_year<>::parse("2023/25");
            FAIL("no exception");
        } catch (const bmm::parse_error& e) {
            CHECK(e.position() == 5);
            CHECK(e.input() == "2023/25");
        }
    }

    TEST_CASE("fiscal years are points in time that move by whole years") {
        fiscal_year<> fy{2023};
        CHECK(fy + date::years{2} == fiscal_year<>{2025});
        CHECK(date::years{2} + fy == fiscal_year<>{2025});
        CHECK(fy - date::years{1} == fiscal_year<>{2022});
        CHECK(fy.next() == fiscal_year<>{2024});
        CHECK(fy.prev() == fiscal_year<>{2022});
        CHECK(++fy == fiscal_year<>{2024});
        CHECK(fy-- == fiscal_year<>{2024});
        CHECK(fy == fiscal_year<>{2023});
        CHECK(fiscal_year<>{2022} < fiscal_year<>{2023});
    }

    TEST_CASE("fiscal month 1 is April and month 10 is January of the next calendar year") {
        const auto m1 = (2023_fy).month(1);
        CHECK(m1.calendar_month() == date::April);
        CHECK(m1.calendar_year() == 2023_y);
        const auto m10 = (2023_fy).month(10);
        CHECK(m10.calendar_month() == date::January);
        CHECK(m10.calendar_year() == 2024_y);
        CHECK(m10.year_month() == 2024_y / date::January);
        CHECK(m10.first_day() == 2024_y / date::January / 1);
        CHECK((2023_fy).month(11).last_day() == 2024_y / date::February / 29);
    }

    TEST_CASE("the end of May 2023 is month 2 of 2023/24 in quarter 1") {
        const auto may = fiscal_month<>::containing(2023_y / date::May);
        CHECK(may == (2023_fy).month(2));
        CHECK(bmm::to_string(may) == "M2 2023/24");
        CHECK(may.quarter() == (2023_fy).quarter(1));
        CHECK(bmm::to_string(may.quarter()) == "Q1 2023/24");
        CHECK(fiscal_month<>::containing(2023_y / date::May / 31) == may);
    }

    TEST_CASE("other calendars number their months from their own start") {
        CHECK(fiscal_month<7>::containing(2023_y / date::July).index() == 1);
        CHECK(fiscal_month<7>::containing(2023_y / date::June).year() == fiscal_year<7>{2022});
        CHECK(fiscal_month<10>::containing(2024_y / date::September).index() == 12);
        CHECK(fiscal_month<1>::containing(2024_y / date::September).index() == 9);
        CHECK(bmm::to_string(fiscal_month<1>::containing(2024_y / date::September)) == "M9 2024");
    }

    TEST_CASE("months move across fiscal years and months between counts them") {
        const auto m = (2023_fy).month(11);
        CHECK(m + date::months{3} == (2024_fy).month(2));
        CHECK(m - date::months{11} == (2022_fy).month(12));
        CHECK(date::months{1} + m == (2023_fy).month(12));
        CHECK((2024_fy).month(2) - (2022_fy).month(12) == date::months{14});
        CHECK((2022_fy).month(12) - (2024_fy).month(2) == date::months{-14});
        CHECK(bmm::months_between((2022_fy).month(12), (2023_fy).month(2)) == date::months{2});
        CHECK(m.next() == (2023_fy).month(12));
        CHECK((2023_fy).month(1).prev() == (2022_fy).month(12));
        CHECK((2022_fy).month(12) < (2023_fy).month(1));
    }

    TEST_CASE("the year to date runs from month 1 to the reporting month inclusive") {
        const auto ytd = (2023_fy).month(2).ytd();
        CHECK(ytd.size() == 2);
        CHECK(ytd.first() == (2023_fy).month(1));
        CHECK(ytd.first_day() == 2023_y / date::April / 1);
        CHECK(ytd.last_day() == 2023_y / date::May / 31);
        CHECK(ytd.contains((2023_fy).month(2)));
        CHECK_FALSE(ytd.contains((2023_fy).month(3)));
        std::vector<unsigned> seen;
        for (auto m : (2023_fy).month(12).ytd()) seen.push_back(m.index());
        CHECK(seen == std::vector<unsigned>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        CHECK((2023_fy).months().size() == 12);
    }

    TEST_CASE("quarters hold three months and move by bmm::quarters") {
        const auto q3 = (2023_fy).quarter(3);
        CHECK(q3.first_month() == (2023_fy).month(7));
        CHECK(q3.last_month() == (2023_fy).month(9));
        CHECK(q3.first_day() == 2023_y / date::October / 1);
        CHECK(q3.last_day() == 2023_y / date::December / 31);
        CHECK(q3.contains((2023_fy).month(8)));
        CHECK_FALSE(q3.contains((2024_fy).month(8)));
        CHECK(q3 + bmm::quarters{2} == (2024_fy).quarter(1));
        CHECK(q3 - bmm::quarters{3} == (2022_fy).quarter(4));
        CHECK((2024_fy).quarter(1) - (2023_fy).quarter(3) == bmm::quarters{2});
        CHECK(q3.next() == (2023_fy).quarter(4));
        CHECK((2023_fy).quarter(1).prev() == (2022_fy).quarter(4));
        CHECK(q3.months().size() == 3);
        CHECK(fiscal_quarter<>::containing(2024_y / date::February / 10) == (2023_fy).quarter(4));
    }

    TEST_CASE("quarter and month labels print and parse back") {
        CHECK(fiscal_quarter<>::parse("Q1 2023/24") == (2023_fy).quarter(1));
        CHECK(fiscal_quarter<>::parse("2023/24 Q3") == (2023_fy).quarter(3));
        CHECK(fiscal_quarter<>::parse("q4 2017-18") == (2017_fy).quarter(4));
        CHECK(fiscal_month<>::parse("M3 2023/24") == (2023_fy).month(3));
        CHECK(fiscal_month<>::parse("M03 2023-24") == (2023_fy).month(3));
        CHECK(fiscal_month<>::parse("m12 FY2022/23") == (2022_fy).month(12));
        for (int y = 1990; y <= 2100; ++y) {
            const fiscal_year<> fy{y};
            CHECK(fiscal_year<>::parse(bmm::to_string(fy)) == fy);
            for (unsigned q = 1; q <= 4; ++q) {
                CHECK(fiscal_quarter<>::parse(bmm::to_string(fy.quarter(q))) == fy.quarter(q));
            }
            for (auto m : fy.months()) CHECK(fiscal_month<>::parse(bmm::to_string(m)) == m);
        }
    }

    TEST_CASE("text that is not a month or quarter label is a parse_error naming the text") {
        for (const char* bad : {"M13 2023/24", "M0 2023/24", "3 2023/24", "M3", "M3 2023/25",
                                "M32023/24", "M3 2023/24 x", ""}) {
            CAPTURE(bad);
            const std::string quoted = '"' + std::string(bad) + '"';
            CHECK_THROWS_WITH_AS((void)fiscal_month<>::parse(bad),
                                 doctest::Contains(quoted.c_str()), bmm::parse_error);
            CHECK_FALSE(fiscal_month<>::try_parse(bad).has_value());
        }
        for (const char* bad :
             {"Q5 2023/24", "Q0 2023/24", "Q1", "Q1 2023/25", "2023/24", "Q12 2023/24"}) {
            CAPTURE(bad);
            const std::string quoted = '"' + std::string(bad) + '"';
            CHECK_THROWS_WITH_AS((void)fiscal_quarter<>::parse(bad),
                                 doctest::Contains(quoted.c_str()), bmm::parse_error);
            CHECK_FALSE(fiscal_quarter<>::try_parse(bad).has_value());
        }
    }

    TEST_CASE("every day from 1990 to 2100 falls in exactly one fiscal month that contains it") {
        const date::sys_days first{1990_y / date::January / 1};
        const date::sys_days last{2100_y / date::December / 31};
        long days = 0;
        auto previous = fiscal_month<>::containing(first);
        for (date::sys_days d = first; d <= last; d += date::days{1}) {
            const date::year_month_day ymd{d};
            const auto m = fiscal_month<>::containing(ymd);
            if (!(m.contains(ymd) && m.year().contains(ymd) && m.quarter().first_day() <= ymd &&
                  ymd <= m.quarter().last_day() && m.first_day() <= ymd && ymd <= m.last_day())) {
                FAIL_CHECK(date::format("%F", ymd) << " is not inside " << bmm::to_string(m));
            }
            // no neighbouring month contains it, another calendar places it too, the label reads back
            if (m.next().contains(ymd) || m.prev().contains(ymd) ||
                !fiscal_month<7>::containing(ymd).contains(ymd) ||
                fiscal_month<>::parse(bmm::to_string(m)) != m) {
                FAIL_CHECK(date::format("%F", ymd)
                           << " breaks a round trip of " << bmm::to_string(m));
            }
            // months advance by exactly one at each month boundary
            if (m != previous) {
                CHECK(m - previous == date::months{1});
                CHECK(ymd.day() == date::day{1});
                previous = m;
            }
            ++days;
        }
        CHECK(days == 40542);  // 111 years of 365 days and 27 leap days
    }

    TEST_CASE("reporting frequencies say which months have a report") {
        const bmm::reporting_schedule<> cabinet{bmm::frequency::bi_monthly};
        std::vector<date::month> months;
        for (auto m : cabinet.reporting_months(2023_fy)) months.push_back(m.calendar_month());
        CHECK(months == std::vector<date::month>{date::May, date::July, date::September,
                                                 date::November, date::January, date::March});
        CHECK(bmm::is_reporting_month((2023_fy).month(3), bmm::frequency::quarterly));
        CHECK_FALSE(bmm::is_reporting_month((2023_fy).month(2), bmm::frequency::quarterly));
        CHECK(bmm::is_reporting_month((2023_fy).month(6), bmm::frequency::six_monthly));
        CHECK(bmm::is_reporting_month((2023_fy).month(12), bmm::frequency::annual));
        CHECK_FALSE(bmm::is_reporting_month((2023_fy).month(11), bmm::frequency::annual));
        CHECK(bmm::is_reporting_month((2023_fy).month(7), bmm::frequency::monthly));
        const bmm::reporting_schedule<> odd{bmm::frequency::quarterly, 1};
        CHECK(odd.reporting_months(2023_fy).size() == 4);
        CHECK(odd.is_reporting_month((2023_fy).month(10)));
    }

    TEST_CASE("the latest report at or before a month may be in the previous year") {
        const bmm::reporting_schedule<> quarterly{bmm::frequency::quarterly};
        CHECK(quarterly.latest_reporting_month((2023_fy).month(2)) == (2022_fy).month(12));
        CHECK(quarterly.latest_reporting_month((2023_fy).month(6)) == (2023_fy).month(6));
        CHECK(quarterly.latest_reporting_month((2023_fy).month(8)) == (2023_fy).month(6));
    }

    TEST_CASE("frequencies print and parse in the words reports use") {
        CHECK(bmm::parse_frequency("Bi-monthly") == bmm::frequency::bi_monthly);
        CHECK(bmm::parse_frequency("QUARTERLY") == bmm::frequency::quarterly);
        CHECK(bmm::parse_frequency("half-yearly") == bmm::frequency::six_monthly);
        CHECK(bmm::parse_frequency("annually") == bmm::frequency::annual);
        CHECK(bmm::to_string(bmm::frequency::six_monthly) == "six-monthly");
        for (const char* bad : {"fortnightly", "", "termly"}) {
            const std::string quoted = '"' + std::string(bad) + '"';
            CHECK_THROWS_WITH_AS((void)bmm::parse_frequency(bad), doctest::Contains(quoted.c_str()),
                                 bmm::parse_error);
        }
        CHECK(bmm::months_per_period(bmm::frequency::bi_monthly) == 2);
    }

    TEST_CASE("a frequency is trimmed and its words may be spaced, but a word is not mended") {
        CHECK(bmm::parse_frequency("  Monthly ") == bmm::frequency::monthly);
        CHECK(bmm::parse_frequency("bi monthly") == bmm::frequency::bi_monthly);
        CHECK(bmm::parse_frequency("Six - Monthly") == bmm::frequency::six_monthly);
        CHECK(bmm::parse_frequency("half\tyearly") == bmm::frequency::six_monthly);
        for (const char* bad : {"mon thly", "quarter ly", "an nual", "bi-", "-monthly"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS((void)bmm::parse_frequency(bad), bmm::parse_error);
        }
        try {
            (void)bmm::parse_frequency("  termly");
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.position() == 2);  // where the word starts
        }
        for (auto f :
             {bmm::frequency::monthly, bmm::frequency::bi_monthly, bmm::frequency::quarterly,
              bmm::frequency::six_monthly, bmm::frequency::annual}) {
            CHECK(bmm::parse_frequency(bmm::to_string(f)) == f);
        }
    }

    SCENARIO("data reported in arrears shows an earlier month") {
        GIVEN("the May 2023 report (seed 003)") {
            const auto report = fiscal_month<>::containing(2023_y / date::May);
            THEN("waste tonnage, a month behind, is April's") {
                CHECK(bmm::in_arrears(report, date::months{1}) == (2023_fy).month(1));
            }
            THEN("invoices collected at 120 days were raised four months before, in January") {
                const auto raised = bmm::in_arrears(report, date::months{4});
                CHECK(raised == (2022_fy).month(10));
                CHECK(raised.calendar_month() == date::January);
            }
        }
        GIVEN("the January 2023 performance report (seed 002): complaints are for December") {
            const auto report = fiscal_month<>::containing(2023_y / date::January);
            CHECK(bmm::in_arrears(report, date::months{1}).calendar_month() == date::December);
        }
    }

    TEST_CASE("arithmetic far outside date's range stays defined and is not ok") {
        const auto far = fiscal_year<>{2023} + date::years{2'000'000'000};
        CHECK_FALSE(far.ok());
        const auto m = (2023_fy).month(1) + date::months{2'000'000'000};
        CHECK_FALSE(m.ok());
        CHECK(fiscal_year<>{32766}.ok());        // ends in 32767, date's last year
        CHECK_FALSE(fiscal_year<>{32767}.ok());  // would end in 32768
        CHECK(fiscal_year<1>{32767}.ok());
        CHECK_FALSE(fiscal_year<>{-32768}.ok());
        CHECK(fiscal_year<>{-32767}.ok());
    }
}

TEST_CASE(
    "years before 1000 print with four digits, so their labels read back (found by fuzzing)") {
    const auto y = bmm::fiscal_year<>::parse("0023/4");
    CHECK(y.start_year() == date::year{23});
    CHECK(bmm::to_string(y) == "0023/24");
    CHECK(bmm::fiscal_year<>::parse(bmm::to_string(y)) == y);
    CHECK(bmm::to_string(bmm::fiscal_year<>{2023}) == "2023/24");
}

TEST_SUITE("period at the edges") {
    TEST_CASE("fiscal years at the ends of int move and subtract without overflow") {
        // A start year beyond +-1,000,000 is held as +-1,000,000: never ok(), always defined.
        const fiscal_year<> top{INT_MAX}, bottom{INT_MIN};
        CHECK(top == fiscal_year<>{1'000'000});
        CHECK(bottom == fiscal_year<>{-1'000'000});
        CHECK_FALSE(top.ok());
        CHECK_FALSE(bottom.ok());
        CHECK(top.next() == top);
        CHECK(bottom.prev() == bottom);
        CHECK(top.prev() == fiscal_year<>{999'999});
        fiscal_year<> y = top;
        CHECK(++y == top);
        CHECK(y++ == top);
        CHECK(y == top);
        y = bottom;
        CHECK(--y == bottom);
        CHECK(y-- == bottom);
        CHECK(top - bottom == date::years{2'000'000});
        CHECK(bottom - top == date::years{-2'000'000});
        CHECK(top + date::years{INT_MAX} == top);
        CHECK(bottom - date::years{INT_MAX} == bottom);
        CHECK(bottom - date::years{INT_MIN} == fiscal_year<>{1'000'000});
        CHECK(fiscal_year<1>{INT_MAX}.next() == fiscal_year<1>{1'000'000});
        CHECK_FALSE(fiscal_year<>{INT_MAX}.ok());
        static_assert(fiscal_year<>{INT_MAX}.next() == fiscal_year<>{1'000'000});
    }

    TEST_CASE("a fiscal year outside date's range never becomes a wrapped-around calendar year") {
        // date::year holds 16 bits: a year of 1,000,000 used to print "16960/61".
        const fiscal_year<> far{1'000'000};
        CHECK(bmm::to_string(far) == "1000000/01");
        CHECK(bmm::to_string(fiscal_year<>{-1'000'000}) == "-1000000/99");
        CHECK(bmm::to_string(fiscal_year<1>{40'000}) == "40000");
        CHECK_FALSE(far.start_year().ok());
        CHECK_FALSE(far.end_year().ok());
        CHECK_FALSE(far.first_day().ok());
        CHECK_FALSE(far.last_day().ok());
        CHECK_FALSE(far.contains(2023_y / date::April / 1));
        CHECK_FALSE(far.month(1).first_day().ok());
        CHECK_FALSE(far.month(10).calendar_year().ok());
        CHECK_FALSE(far.month(10).contains(2023_y / date::April / 1));
        CHECK_FALSE(far.quarter(1).last_day().ok());
        // The year that ends just beyond date's range: its start is a real year, its end not.
        const fiscal_year<> edge{32'767};
        CHECK(edge.start_year() == date::year{32'767});
        CHECK_FALSE(edge.end_year().ok());
        CHECK(edge.month(9).first_day() == date::year{32'767} / date::December / 1);
        CHECK_FALSE(edge.month(10).first_day().ok());  // January 32768
        CHECK_FALSE(edge.contains(date::year{32'767} / date::May / 1));
        CHECK(bmm::to_string(edge) == "32767/68");
        // Negative years print their number too (the next year's last two digits).
        CHECK(bmm::to_string(fiscal_year<>{-5}) == "-0005/04");
    }

    TEST_CASE("the first and last fiscal years inside date's range have real first and last days") {
        const fiscal_year<> first{-32'767}, last{32'766};
        CHECK(first.ok());
        CHECK(last.ok());
        CHECK(first.first_day() == date::year{-32'767} / date::April / 1);
        CHECK(last.last_day() == date::year{32'767} / date::March / 31);
        CHECK(last.last_day().ok());
        CHECK(last.contains(date::year{32'767} / date::March / 31));
        CHECK(fiscal_month<>::containing(date::year::max() / date::March / 31) == last.month(12));
        CHECK(fiscal_month<>::containing(date::year::min() / date::April / 1) == first.month(1));
        CHECK_FALSE(fiscal_month<>::containing(date::year::min() / date::March / 1).ok());
        CHECK(fiscal_year<1>{32'767}.last_day() == date::year::max() / date::December / 31);
        CHECK(first.prev().month(12).ok() == false);
        CHECK(last.next().ok() == false);
        CHECK((last.month(12) - first.month(1)).count() == (32'766 + 32'767) * 12 + 11);
    }

    TEST_CASE("subtracting months{INT_MIN} or quarters{INT_MIN} is defined and far away") {
        const auto m = (2023_fy).month(1);
        const auto later = m - date::months{INT_MIN};  // 2^31 months later
        const std::int64_t serial = std::int64_t{2023} * 12 + std::int64_t{1} + INT_MAX;
        CHECK(later.year() == fiscal_year<>{1'000'000});
        CHECK(later.index() == static_cast<unsigned>(serial % 12) + 1);
        CHECK_FALSE(later.ok());
        CHECK(bmm::in_arrears(m, date::months{INT_MIN}) == later);
        CHECK(m - date::months{-5} == m + date::months{5});
        CHECK((m + date::months{INT_MIN}).year() == fiscal_year<>{-1'000'000});
        const auto q = (2023_fy).quarter(1);
        const auto far_q = q - bmm::quarters{INT_MIN};
        CHECK(far_q.year() == fiscal_year<>{1'000'000});
        CHECK(far_q.index() ==
              static_cast<unsigned>((std::int64_t{2023} * 4 + std::int64_t{1} + INT_MAX) % 4) + 1);
        CHECK(q - bmm::quarters{-3} == q + bmm::quarters{3});
        CHECK((q + bmm::quarters{INT_MIN}).year() == fiscal_year<>{-1'000'000});
    }

    TEST_CASE("months and quarters between the furthest periods apart fit int") {
        const auto first = fiscal_year<>{INT_MIN}.month(1);
        const auto last = fiscal_year<>{INT_MAX}.month(12);
        CHECK((last - first).count() == 24'000'011);
        CHECK((first - last).count() == -24'000'011);
        CHECK(bmm::months_between(first, last) == date::months{24'000'011});
        CHECK(bmm::fiscal_month_range<>(first, last).size() == 24'000'012);
        CHECK(fiscal_year<>{INT_MAX}.quarter(4) - fiscal_year<>{INT_MIN}.quarter(1) ==
              bmm::quarters{8'000'003});
    }

    TEST_CASE("the year literal clamps as the constructor does") {
        CHECK(99'999'999'999_fy == fiscal_year<>{1'000'000});
        CHECK_FALSE((99'999'999'999_fy).ok());
        CHECK(2023_fy == fiscal_year<>{2023});
    }

    TEST_CASE(
        "a month range that ends before it starts is an invalid_argument in every build mode") {
        const fiscal_month<> may = fiscal_month<>::parse("M2 2023/24");
        const fiscal_month<> april = fiscal_month<>::parse("M1 2023/24");
        CHECK_THROWS_AS((void)bmm::fiscal_month_range<>(may, april), bmm::invalid_argument);
        CHECK(bmm::fiscal_month_range<>(april, may).size() == 2);
        CHECK(bmm::fiscal_month_range<>(may, may).size() == 1);
    }

    TEST_CASE("a reporting schedule's first month beyond its period is an invalid_argument") {
        using bmm::frequency;
        CHECK_THROWS_AS((void)bmm::reporting_schedule<>(frequency::quarterly, 4),
                        bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::reporting_schedule<>(frequency::monthly, 2),
                        bmm::invalid_argument);
        CHECK(bmm::reporting_schedule<>(frequency::quarterly, 3).first_month() == 3);
        CHECK(bmm::reporting_schedule<>(frequency::quarterly).first_month() == 3);
    }
}
