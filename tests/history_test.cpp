// Spec for bmm/history.hpp: a measure's statuses month by month, when a measure is an exception
// (Red, or Amber for a run of reporting periods: months that are not reporting months of the
// measure's frequency are skipped, a reporting month without a rating breaks the run unless
// missing_period::skipped is asked for), and status changes between two reports grouped as seed
// 003's Table 4.
#include <doctest/doctest.h>

#include <array>
#include <bmm/history.hpp>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "support/spec.hpp"

namespace {
using month = bmm::fiscal_month<>;
using bmm::status_change;
const bmm::fiscal_year<> fy{2023};  // 2023/24: M1 is April 2023
const bmm::status green = bmm::rag::green, amber = bmm::rag::amber, red = bmm::rag::red;
const bmm::status na = bmm::data_status::monitoring_only, nr = bmm::data_status::not_reported,
                  unavailable = bmm::data_status::data_unavailable;

/// A history of one status per month from M1 of 2023/24 on.
bmm::status_history<> monthly(std::initializer_list<bmm::status> statuses) {
    bmm::status_history<> h;
    unsigned m = 1;
    for (const bmm::status s : statuses) h.record(fy.month(m++), s);
    return h;
}
}  // namespace

// The contract's examples hold at compile time.
static_assert(bmm::classify_change(bmm::rag::amber, bmm::rag::red) == status_change::amber_to_red);
static_assert(bmm::classify_change(bmm::data_status::monitoring_only, bmm::rag::red) ==
              status_change::newly_rated);
static_assert(bmm::to_string(status_change::red_to_green) == "Red to Green");
static_assert(bmm::is_improvement(status_change::red_to_amber));
static_assert(bmm::is_deterioration(status_change::green_to_amber));
static_assert(bmm::exception_rule{}.amber_run == 2, "Amber twice running is an exception");
static_assert(bmm::exception_rule{}.missing == bmm::missing_period::breaks_run,
              "a reporting month without a rating breaks a run by default");

TEST_SUITE("history") {
    // --- Exceptions ---------------------------------------------------------------------------

    TEST_CASE("a measure Red, then Amber, then Amber is an exception in every month") {
        const auto h = monthly({red, amber, amber});
        CHECK(bmm::exception_in(h, fy.month(1)) == bmm::exception_reason::red);
        CHECK(bmm::exception_in(h, fy.month(2)) == bmm::exception_reason::persistent_amber);
        CHECK(bmm::exception_in(h, fy.month(3)) == bmm::exception_reason::persistent_amber);
        CHECK(bmm::is_exception(h, fy.month(1)));
        CHECK(bmm::is_exception(h, fy.month(2)));
        CHECK(bmm::is_exception(h, fy.month(3)));
    }

    TEST_CASE("the contract's example: Red in M1 then Amber in M2 is an exception in M2") {
        bmm::status_history<> h;
        h.record(fy.month(1), bmm::rag::red).record(fy.month(2), bmm::rag::amber);
        CHECK(bmm::is_exception(h, fy.month(2)));
        CHECK(bmm::is_exception(h, month::parse("M2 2023/24")));
    }

    TEST_CASE("a single Amber is not an exception, but Amber twice running is") {
        const auto once = monthly({amber});
        CHECK_FALSE(bmm::is_exception(once, fy.month(1)));
        CHECK(bmm::exception_in(once, fy.month(1)) == std::nullopt);

        const auto twice = monthly({amber, amber});
        CHECK_FALSE(bmm::is_exception(twice, fy.month(1)));
        CHECK(bmm::exception_in(twice, fy.month(2)) == bmm::exception_reason::persistent_amber);
    }

    TEST_CASE("a Green month breaks the run: Amber, Green, Amber is not an exception in month 3") {
        const auto h = monthly({amber, green, amber});
        CHECK_FALSE(bmm::is_exception(h, fy.month(1)));
        CHECK_FALSE(bmm::is_exception(h, fy.month(2)));
        CHECK_FALSE(bmm::is_exception(h, fy.month(3)));
        // Red before the Green does not reach past it either.
        const auto after_red = monthly({red, green, amber});
        CHECK_FALSE(bmm::is_exception(after_red, fy.month(3)));
    }

    TEST_CASE("a Green month is never an exception") {
        const auto h = monthly({red, red, green});
        CHECK(bmm::exception_in(h, fy.month(3)) == std::nullopt);
        CHECK_FALSE(bmm::is_exception(h, fy.month(3), bmm::exception_rule{1}));
    }

    TEST_CASE("with exception_rule{3} Amber twice is not an exception and three times is") {
        const bmm::exception_rule three{3};
        const auto h = monthly({amber, amber, amber});
        CHECK_FALSE(bmm::is_exception(h, fy.month(2), three));
        CHECK(bmm::exception_in(h, fy.month(3), three) == bmm::exception_reason::persistent_amber);
        // Red counts towards the run: Red, Amber, Amber is three periods off target.
        const auto after_red = monthly({red, amber, amber});
        CHECK_FALSE(bmm::is_exception(after_red, fy.month(2), three));
        CHECK(bmm::is_exception(after_red, fy.month(3), three));
    }

    TEST_CASE("with exception_rule{1} a single Amber is an exception") {
        const auto h = monthly({green, amber});
        CHECK(bmm::exception_in(h, fy.month(2), bmm::exception_rule{1}) ==
              bmm::exception_reason::persistent_amber);
        CHECK_FALSE(bmm::is_exception(h, fy.month(2)));
    }

    TEST_CASE("a Red month is an exception whatever the Amber rule") {
        const auto h = monthly({green, red});
        CHECK(bmm::exception_in(h, fy.month(2), bmm::exception_rule{12}) ==
              bmm::exception_reason::red);
        CHECK(bmm::exception_in(h, fy.month(2), bmm::exception_rule{1}) ==
              bmm::exception_reason::red);
    }

    TEST_CASE("an exception rule with amber_run 0 is invalid") {
        const auto h = monthly({red, amber, amber});
        const bmm::exception_rule zero_run{0};
        CHECK_THROWS_AS((void)bmm::exception_in(h, fy.month(1), zero_run), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::exception_in(h, fy.month(3), zero_run), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::is_exception(h, fy.month(2), zero_run), bmm::invalid_argument);
        // Even for a month with nothing recorded.
        CHECK_THROWS_AS((void)bmm::is_exception(h, fy.month(9), zero_run), bmm::invalid_argument);
    }

    TEST_CASE("a quarterly measure's non-reporting months do not break a run") {
        bmm::status_history<> h{bmm::frequency::quarterly};  // M3, M6, M9, M12
        h.record(fy.month(3), amber).record(fy.month(6), amber).record(fy.month(9), green);
        CHECK_FALSE(bmm::is_exception(h, fy.month(3)));
        CHECK(bmm::exception_in(h, fy.month(6)) == bmm::exception_reason::persistent_amber);
        CHECK(h.off_target_run(fy.month(6)) == 2);
        CHECK_FALSE(bmm::is_exception(h, fy.month(9)));
        // The months between are not periods, and not exceptions themselves.
        CHECK_FALSE(bmm::is_exception(h, fy.month(4)));
        CHECK_FALSE(bmm::is_exception(h, fy.month(5)));
        CHECK(bmm::exception_in(h, fy.month(7)) == std::nullopt);
        CHECK(h.off_target_run(fy.month(5)) == 0u);
        // "n/r" printed in the months between (a monthly table's cell for a quarterly measure)
        // changes nothing.
        h.record(fy.month(4), nr).record(fy.month(5), nr);
        CHECK(h.off_target_run(fy.month(6)) == 2);
        CHECK(bmm::is_exception(h, fy.month(6)));
        // The same two Ambers in a monthly history are three months apart: not consecutive.
        bmm::status_history<> m;
        m.record(fy.month(3), amber).record(fy.month(6), amber);
        CHECK(m.off_target_run(fy.month(6)) == 1);
        CHECK_FALSE(bmm::is_exception(m, fy.month(6)));
    }

    TEST_CASE("a quarterly run continues across the fiscal year end: M12 then M3") {
        bmm::status_history<> h{bmm::frequency::quarterly};
        h.record(bmm::fiscal_year<>{2022}.month(12), red).record(fy.month(3), amber);
        CHECK(h.off_target_run(fy.month(3)) == 2);
        CHECK(bmm::exception_in(h, fy.month(3)) == bmm::exception_reason::persistent_amber);
        // A missed quarter (nothing in M3) breaks it: M12 then M6.
        bmm::status_history<> gap{bmm::frequency::quarterly};
        gap.record(bmm::fiscal_year<>{2022}.month(12), amber).record(fy.month(6), amber);
        CHECK_FALSE(bmm::is_exception(gap, fy.month(6)));
    }

    TEST_CASE(
        "a bi-monthly measure's periods are M2, M4, ...: Amber in M2 and M4 is an exception") {
        bmm::status_history<> h{bmm::frequency::bi_monthly};
        CHECK(h.schedule().cadence() == bmm::frequency::bi_monthly);
        h.record(fy.month(2), amber).record(fy.month(3), nr).record(fy.month(4), amber);
        CHECK(h.off_target_run(fy.month(4)) == 2);
        CHECK(bmm::is_exception(h, fy.month(4)));
        // Another schedule: reports in M1, M3, M5, ...
        bmm::status_history<> odd{bmm::reporting_schedule<>(bmm::frequency::bi_monthly, 1)};
        odd.record(fy.month(1), amber).record(fy.month(3), amber);
        CHECK(bmm::is_exception(odd, fy.month(3)));
        CHECK_THROWS_AS(odd.record(fy.month(2), amber), bmm::invalid_argument);
    }

    TEST_CASE("a rating in a month that is not a reporting month is an invalid_argument") {
        bmm::status_history<> q{bmm::frequency::quarterly};
        try {
            q.record(fy.month(4), amber);
            FAIL("no error");
        } catch (const bmm::invalid_argument& e) {
            CHECK(e.input() == "M4 2023/24");
            CHECK(std::string(e.what()).find("quarterly") != std::string::npos);
        }
        CHECK_THROWS_AS(q.record(fy.month(5), green), bmm::invalid_argument);
        CHECK(q.size() == 0);
        // Data statuses are what such months print: accepted, and never periods.
        q.record(fy.month(4), nr).record(fy.month(5), na);
        CHECK(q.size() == 2);
        CHECK(q.off_target_run(fy.month(4)) == 0u);
    }

    TEST_CASE("a monthly measure's missing month breaks the run") {
        bmm::status_history<> h;
        h.record(fy.month(1), amber).record(fy.month(3), amber);  // nothing for M2
        CHECK(h.off_target_run(fy.month(3)) == 1);
        CHECK_FALSE(bmm::is_exception(h, fy.month(3)));
        // With the rule asked to skip missing periods, the two Ambers are a run.
        const bmm::exception_rule skip{2, bmm::missing_period::skipped};
        CHECK(h.off_target_run(fy.month(3), bmm::missing_period::skipped) == 2);
        CHECK(bmm::is_exception(h, fy.month(3), skip));
    }

    TEST_CASE("two Ambers twelve months apart on a monthly measure are not consecutive") {
        bmm::status_history<> h;
        h.record(fy.month(1), amber).record(bmm::fiscal_year<>{2024}.month(1), amber);
        CHECK(h.off_target_run(bmm::fiscal_year<>{2024}.month(1)) == 1);
        CHECK_FALSE(bmm::is_exception(h, bmm::fiscal_year<>{2024}.month(1)));
        // On an annual measure (reported in M12) Amber two years running is an exception.
        bmm::status_history<> annual{bmm::frequency::annual};
        annual.record(fy.month(12), amber).record(bmm::fiscal_year<>{2024}.month(12), amber);
        CHECK(bmm::is_exception(annual, bmm::fiscal_year<>{2024}.month(12)));
    }

    TEST_CASE(
        "an n/r entry between two Ambers breaks the run, and skipped it neither breaks nor "
        "extends") {
        const auto h = monthly({amber, nr, amber});
        CHECK(bmm::exception_in(h, fy.month(3)) == std::nullopt);
        CHECK(h.off_target_run(fy.month(3)) == 1);
        const bmm::exception_rule skip{2, bmm::missing_period::skipped};
        CHECK(bmm::exception_in(h, fy.month(3), skip) == bmm::exception_reason::persistent_amber);
        CHECK(h.off_target_run(fy.month(3), bmm::missing_period::skipped) == 2);
        // Skipped, it does not count as a period: with a rule of three the run of two is short.
        const bmm::exception_rule skip3{3, bmm::missing_period::skipped};
        CHECK_FALSE(bmm::is_exception(h, fy.month(3), skip3));
        CHECK(bmm::is_exception(monthly({amber, nr, amber, amber}), fy.month(4), skip3));
        CHECK_FALSE(bmm::is_exception(monthly({amber, nr, amber, amber}), fy.month(4),
                                      bmm::exception_rule{3}));
    }

    TEST_CASE("a '?' entry between two Ambers breaks the run as n/r does") {
        const auto h = monthly({amber, bmm::status::parse("?"), amber});
        CHECK_FALSE(bmm::is_exception(h, fy.month(3)));
        CHECK(h.off_target_run(fy.month(3)) == 1);
        const bmm::exception_rule skip{2, bmm::missing_period::skipped};
        CHECK(bmm::exception_in(h, fy.month(3), skip) == bmm::exception_reason::persistent_amber);
        // Several data statuses in a row are skipped alike when asked.
        const auto longer = monthly({amber, unavailable, nr, na, amber});
        CHECK(h.off_target_run(fy.month(3), bmm::missing_period::skipped) ==
              longer.off_target_run(fy.month(5), bmm::missing_period::skipped));
        CHECK(bmm::is_exception(longer, fy.month(5), skip));
        CHECK_FALSE(bmm::is_exception(longer, fy.month(5)));
    }

    TEST_CASE("a month with a data status is never an exception, even after Reds") {
        for (const bmm::status s :
             {na, nr, unavailable, bmm::status(bmm::data_status::no_complaints),
              bmm::status(bmm::data_status::not_updated)}) {
            CAPTURE(s);
            const auto h = monthly({red, red, s});
            CHECK(bmm::exception_in(h, fy.month(3)) == std::nullopt);
            CHECK_FALSE(bmm::is_exception(h, fy.month(3), bmm::exception_rule{1}));
            CHECK(h.off_target_run(fy.month(3)) == 0u);
        }
    }

    TEST_CASE("a month with no entry is not an exception, even between Reds") {
        bmm::status_history<> h;
        h.record(fy.month(1), red).record(fy.month(3), red);
        CHECK_FALSE(bmm::is_exception(h, fy.month(2)));
        CHECK_FALSE(bmm::is_exception(h, fy.month(2), bmm::exception_rule{1}));
        CHECK_FALSE(bmm::is_exception(bmm::status_history<>{}, fy.month(1)));
    }

    TEST_CASE("a run of Ambers continues across the fiscal year end") {
        bmm::status_history<> h;
        h.record(bmm::fiscal_year<>{2022}.month(12), amber).record(fy.month(1), amber);
        CHECK(bmm::exception_in(h, fy.month(1)) == bmm::exception_reason::persistent_amber);
        CHECK(h.off_target_run(fy.month(1)) == 2);
    }

    TEST_CASE("histories work in any fiscal calendar") {
        bmm::status_history<1> h;  // calendar years
        const bmm::fiscal_year<1> y{2023};
        h.record(y.month(1), amber).record(y.month(2), amber);
        CHECK(bmm::is_exception(h, y.month(2)));
        CHECK_FALSE(bmm::is_exception(h, y.month(1)));
    }

    // --- status_history ----------------------------------------------------------------------

    TEST_CASE("recording a month again replaces its status") {
        bmm::status_history<> h;
        h.record(fy.month(1), amber).record(fy.month(2), amber);
        CHECK(bmm::is_exception(h, fy.month(2)));
        h.record(fy.month(1), green);
        CHECK(h.size() == 2);
        CHECK(h.at(fy.month(1)) == green);
        CHECK_FALSE(bmm::is_exception(h, fy.month(2)));
    }

    TEST_CASE("at() gives the status recorded for a month, or nothing") {
        const auto h = monthly({red, na});
        CHECK(h.at(fy.month(1)) == red);
        CHECK(h.at(fy.month(2)) == na);
        CHECK(h.at(fy.month(3)) == std::nullopt);
        CHECK(h.at(bmm::fiscal_year<>{2022}.month(1)) == std::nullopt);
    }

    TEST_CASE("before() gives the latest entry strictly before a month") {
        bmm::status_history<> h;
        h.record(fy.month(3), amber).record(fy.month(1), red).record(fy.month(6), green);
        CHECK(h.before(fy.month(1)) == std::nullopt);
        const auto b3 = h.before(fy.month(3));  // not M3 itself
        REQUIRE(b3);
        CHECK(b3->first == fy.month(1));
        CHECK(b3->second == red);
        const auto b5 = h.before(fy.month(5));  // skips the empty M4
        REQUIRE(b5);
        CHECK(b5->first == fy.month(3));
        CHECK(b5->second == amber);
        const auto next_year = h.before(bmm::fiscal_year<>{2024}.month(1));
        REQUIRE(next_year);
        CHECK(next_year->first == fy.month(6));
        CHECK(next_year->second == green);
    }

    TEST_CASE("entries() lists the entries in month order, whatever order they were recorded in") {
        bmm::status_history<> h;
        h.record(fy.month(12), green)
            .record(fy.month(2), red)
            .record(bmm::fiscal_year<>{2022}.month(12), nr)
            .record(fy.month(1), amber);
        const auto e = h.entries();
        REQUIRE(e.size() == 4);
        CHECK(h.size() == 4);
        CHECK(e[0] == std::pair<month, bmm::status>(bmm::fiscal_year<>{2022}.month(12), nr));
        CHECK(e[1] == std::pair<month, bmm::status>(fy.month(1), amber));
        CHECK(e[2] == std::pair<month, bmm::status>(fy.month(2), red));
        CHECK(e[3] == std::pair<month, bmm::status>(fy.month(12), green));
        CHECK(bmm::status_history<>{}.entries().empty());
    }

    TEST_CASE("off_target_run counts consecutive off-target reporting periods ending in a month") {
        // M1 Red, M2 Amber, M3 Amber, M4 Green, M5 Amber, M6 n/r, M7 Amber, M8 Red, M9 "?".
        const auto h = monthly({red, amber, amber, green, amber, nr, amber, red, unavailable});
        using bmm::missing_period;
        const std::array<unsigned, 11> breaks{1, 2, 3, 0, 1, 0, 1, 2, 0, 0, 0};
        const std::array<unsigned, 11> skips{1, 2, 3, 0, 1, 0, 2, 3, 0, 0, 0};
        for (unsigned i = 1; i <= 11; ++i) {
            CAPTURE(i);
            // M4 Green, M6 and M9 not rated themselves, M10 and M11 nothing recorded.
            CHECK(h.off_target_run(fy.month(i)) == breaks[i - 1]);
            CHECK(h.off_target_run(fy.month(i), missing_period::breaks_run) == breaks[i - 1]);
            CHECK(h.off_target_run(fy.month(i), missing_period::skipped) == skips[i - 1]);
        }
        CHECK(h.off_target_run(bmm::fiscal_year<>{2022}.month(12)) == 0);  // before everything
        CHECK(h.off_target_run(fy.month(13)) == 0);                        // not a month
    }

    TEST_CASE("recording an invalid month is an invalid_argument") {
        bmm::status_history<> h;
        CHECK_THROWS_AS(h.record(fy.month(13), red), bmm::invalid_argument);
        CHECK_THROWS_AS(h.record(fy.month(0), red), bmm::invalid_argument);
        CHECK_THROWS_AS(h.record(month{}, red), bmm::invalid_argument);
        CHECK(h.size() == 0);
    }

    // --- Status changes ----------------------------------------------------------------------

    TEST_CASE("every pair of ratings classifies as one of the six reported changes or unchanged") {
        using bmm::classify_change;
        CHECK(classify_change(red, green) == status_change::red_to_green);
        CHECK(classify_change(amber, green) == status_change::amber_to_green);
        CHECK(classify_change(red, amber) == status_change::red_to_amber);
        CHECK(classify_change(green, amber) == status_change::green_to_amber);
        CHECK(classify_change(amber, red) == status_change::amber_to_red);
        CHECK(classify_change(green, red) == status_change::green_to_red);
        CHECK(classify_change(green, green) == status_change::unchanged);
        CHECK(classify_change(amber, amber) == status_change::unchanged);
        CHECK(classify_change(red, red) == status_change::unchanged);
    }

    TEST_CASE("a rating after a data status is newly rated: seed 003 OCC11.02 April N/A, May Red") {
        CHECK(bmm::classify_change(bmm::status::parse("N/A"), bmm::status::parse("Red")) ==
              status_change::newly_rated);
        for (const bmm::status before : {na, nr, unavailable}) {
            for (const bmm::status after : {green, amber, red}) {
                CAPTURE(before);
                CAPTURE(after);
                CHECK(bmm::classify_change(before, after) == status_change::newly_rated);
            }
        }
    }

    TEST_CASE("a data status after a rating is no longer rated") {
        for (const bmm::status before : {green, amber, red}) {
            for (const bmm::status after : {na, nr, unavailable}) {
                CAPTURE(before);
                CAPTURE(after);
                CHECK(bmm::classify_change(before, after) == status_change::no_longer_rated);
            }
        }
    }

    TEST_CASE("the same data status twice is unchanged, and two different ones are unrated") {
        CHECK(bmm::classify_change(na, na) == status_change::unchanged);
        CHECK(bmm::classify_change(nr, nr) == status_change::unchanged);
        CHECK(bmm::classify_change(na, nr) == status_change::unrated);
        CHECK(bmm::classify_change(nr, unavailable) == status_change::unrated);
        CHECK(bmm::classify_change(unavailable, na) == status_change::unrated);
    }

    TEST_CASE(
        "the three changes toward Green improve, the three toward Red deteriorate, the rest "
        "neither") {
        const std::array<status_change, 10> all{
            status_change::red_to_green,    status_change::amber_to_green,
            status_change::red_to_amber,    status_change::green_to_amber,
            status_change::amber_to_red,    status_change::green_to_red,
            status_change::unchanged,       status_change::newly_rated,
            status_change::no_longer_rated, status_change::unrated};
        const std::array<bool, 10> improves{true,  true,  true,  false, false,
                                            false, false, false, false, false};
        const std::array<bool, 10> worsens{false, false, false, true,  true,
                                           true,  false, false, false, false};
        for (std::size_t i = 0; i < all.size(); ++i) {
            CAPTURE(all[i]);
            CHECK(bmm::is_improvement(all[i]) == improves[i]);
            CHECK(bmm::is_deterioration(all[i]) == worsens[i]);
        }
    }

    TEST_CASE("status changes read as the report's table rows") {
        CHECK(bmm::to_string(status_change::red_to_green) == "Red to Green");
        CHECK(bmm::to_string(status_change::amber_to_green) == "Amber to Green");
        CHECK(bmm::to_string(status_change::red_to_amber) == "Red to Amber");
        CHECK(bmm::to_string(status_change::green_to_amber) == "Green to Amber");
        CHECK(bmm::to_string(status_change::amber_to_red) == "Amber to Red");
        CHECK(bmm::to_string(status_change::green_to_red) == "Green to Red");
        CHECK(bmm::to_string(status_change::unchanged) == "Unchanged");
        CHECK(bmm::to_string(status_change::newly_rated) == "Newly rated");
        CHECK(bmm::to_string(status_change::no_longer_rated) == "No longer rated");
        CHECK(bmm::to_string(status_change::unrated) == "Unrated");
    }

    TEST_CASE("the reported changes are Table 4's six rows in its order") {
        const std::array<status_change, 6> table4{
            status_change::red_to_green, status_change::amber_to_green,
            status_change::red_to_amber, status_change::green_to_amber,
            status_change::amber_to_red, status_change::green_to_red};
        CHECK(bmm::reported_changes == table4);
        std::vector<std::string> rows;
        for (const status_change c : bmm::reported_changes) {
            rows.emplace_back(bmm::to_string(c));
            CHECK((bmm::is_improvement(c) || bmm::is_deterioration(c)));
        }
        CHECK(rows == std::vector<std::string>{"Red to Green", "Amber to Green", "Red to Amber",
                                               "Green to Amber", "Amber to Red", "Green to Red"});
    }

    TEST_CASE("seed 003 Table 4, status changes April 2023 to May 2023, is reproduced") {
        // Oxfordshire CC, May 2023 report. April and May statuses from the exception tables,
        // plus three measures Green both months.
        const std::map<std::string, bmm::status> april{
            {"OCC01.02", amber}, {"OCC01.07", amber}, {"OCC02.01", green}, {"OCC02.03", green},
            {"OCC03.09", green}, {"OCC04.04", amber}, {"OCC04.05", amber}, {"OCC07.03", amber},
            {"OCC07.05", amber}, {"OCC09.02", red},   {"OCC10.05", amber}, {"OCC11.02", na},
            {"OCC11.11", red},
        };
        const std::map<std::string, bmm::status> may{
            {"OCC01.02", red},   {"OCC01.07", red},   {"OCC02.01", green}, {"OCC02.03", green},
            {"OCC03.09", green}, {"OCC04.04", amber}, {"OCC04.05", amber}, {"OCC07.03", amber},
            {"OCC07.05", amber}, {"OCC09.02", green}, {"OCC10.05", amber}, {"OCC11.02", red},
            {"OCC11.11", red},
        };
        const auto g = bmm::group_changes(april, may);
        using ids = std::vector<std::string>;
        // Table 4 as printed.
        CHECK(g[status_change::red_to_green] == ids{"OCC09.02"});
        CHECK(g[status_change::amber_to_green].empty());
        CHECK(g[status_change::red_to_amber].empty());
        CHECK(g[status_change::green_to_amber].empty());
        CHECK(g[status_change::amber_to_red] == ids{"OCC01.02", "OCC01.07"});
        CHECK(g[status_change::green_to_red].empty());
        // OCC11.02 (N/A in April, Red in May) is newly rated, not a change Table 4 lists: the
        // table leaving it out is consistent.
        CHECK(g[status_change::newly_rated] == ids{"OCC11.02"});
        CHECK(g[status_change::unchanged] == ids{"OCC02.01", "OCC02.03", "OCC03.09", "OCC04.04",
                                                 "OCC04.05", "OCC07.03", "OCC07.05", "OCC10.05",
                                                 "OCC11.11"});
        CHECK(g[status_change::no_longer_rated].empty());
        CHECK(g[status_change::unrated].empty());
        std::size_t total = 0;
        for (const auto& group : g.groups) total += group.size();
        CHECK(total == april.size());
    }

    TEST_CASE("a key only in `after` counts as not reported before") {
        // Seed 003: OCC11 was not reported in April; OCC11.15 is Amber in May.
        const std::map<std::string, bmm::status> april{{"OCC04.04", amber}};
        const std::map<std::string, bmm::status> may{
            {"OCC04.04", amber}, {"OCC11.15", amber}, {"OCC99.01", nr}, {"OCC99.02", na}};
        const auto g = bmm::group_changes(april, may);
        using ids = std::vector<std::string>;
        CHECK(g[status_change::newly_rated] == ids{"OCC11.15"});
        // n/r after nothing is unchanged; another data status after nothing is unrated.
        CHECK(g[status_change::unchanged] == ids{"OCC04.04", "OCC99.01"});
        CHECK(g[status_change::unrated] == ids{"OCC99.02"});
    }

    TEST_CASE("a key only in `before` counts as not reported after") {
        const std::map<std::string, bmm::status> before{{"A", red}, {"B", nr}, {"C", unavailable}};
        const std::map<std::string, bmm::status> after{};
        const auto g = bmm::group_changes(before, after);
        using ids = std::vector<std::string>;
        CHECK(g[status_change::no_longer_rated] == ids{"A"});
        CHECK(g[status_change::unchanged] == ids{"B"});
        CHECK(g[status_change::unrated] == ids{"C"});
    }

    TEST_CASE("each group is in the maps' key order") {
        const std::map<int, bmm::status, std::greater<>> before{
            {1, amber}, {2, amber}, {3, green}, {4, amber}};
        const std::map<int, bmm::status, std::greater<>> after{
            {1, red}, {2, green}, {3, green}, {4, red}};
        const auto g = bmm::group_changes(before, after);
        CHECK(g[status_change::amber_to_red] == std::vector<int>{4, 1});
        CHECK(g[status_change::amber_to_green] == std::vector<int>{2});
        CHECK(g[status_change::unchanged] == std::vector<int>{3});
    }

    TEST_CASE("grouping two empty reports gives empty groups") {
        const std::map<std::string, bmm::status> none;
        const auto g = bmm::group_changes(none, none);
        for (const auto& group : g.groups) CHECK(group.empty());
    }
}

TEST_CASE(
    "property: off_target_run counts the Amber and Red periods back to the last Green, as a "
    "walk over the reporting months does (3,000 histories)") {
    std::mt19937_64 gen(88);
    const bmm::fiscal_year<> first_year{2022};
    for (int trial = 0; trial < 3'000; ++trial) {
        const bmm::frequency f =
            trial % 3 == 0 ? bmm::frequency::quarterly : bmm::frequency::monthly;
        bmm::status_history<> h(f);
        std::map<unsigned, bmm::status> recorded;  // by month number 0..23
        auto month = [&first_year](unsigned k) {
            return (first_year + date::years{static_cast<int>(k / 12)}).month(k % 12 + 1);
        };
        const bmm::reporting_schedule<> schedule(f);
        for (unsigned k = 0; k < 24; ++k) {
            const auto roll = gen() % 100;
            if (!schedule.is_reporting_month(month(k))) {
                if (roll < 30) h.record(month(k), bmm::data_status::not_reported);
                continue;
            }
            if (roll < 20) continue;  // a gap
            const bmm::status s = roll < 35   ? bmm::status(bmm::data_status::data_unavailable)
                                  : roll < 55 ? bmm::status(bmm::rag::green)
                                  : roll < 80 ? bmm::status(bmm::rag::amber)
                                              : bmm::status(bmm::rag::red);
            h.record(month(k), s);
            recorded.emplace(k, s);
        }
        for (unsigned k = 0; k < 24; ++k) {
            for (const auto missing :
                 {bmm::missing_period::breaks_run, bmm::missing_period::skipped}) {
                unsigned run = 0;
                const auto own = recorded.find(k);
                const bool off = schedule.is_reporting_month(month(k)) && own != recorded.end() &&
                                 own->second.is_rated() && !own->second.is(bmm::rag::green);
                for (unsigned p = k + 1; off && p-- > 0;) {
                    if (!schedule.is_reporting_month(month(p))) continue;
                    const auto e = recorded.find(p);
                    if (e == recorded.end() || !e->second.is_rated()) {
                        if (missing == bmm::missing_period::breaks_run) break;
                        continue;
                    }
                    if (e->second.is(bmm::rag::green)) break;
                    ++run;
                }
                CAPTURE(trial);
                CAPTURE(k);
                CHECK(h.off_target_run(month(k), missing) == run);
            }
        }
    }
}
