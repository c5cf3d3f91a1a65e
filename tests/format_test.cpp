// Spec: bmm/format.hpp — money as reports print it.
#include <doctest/doctest.h>

#include <bmm/format.hpp>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>

#include "support/spec.hpp"

using bmm::gbp;
using bmm::money_format;

TEST_SUITE("format") {
    TEST_CASE("millions print to the places asked for with the pound sign and an m") {
        CHECK(bmm::to_string(gbp::from_millions("5.3"), money_format::millions(1)) ==
              "\xC2\xA3"
              "5.3m");
        CHECK(bmm::to_string(gbp::from_millions("0.070"), money_format::millions(3)) ==
              "\xC2\xA3"
              "0.070m");
        CHECK(bmm::to_string(gbp::parse("5297400"), money_format::millions(1)) ==
              "\xC2\xA3"
              "5.3m");
        CHECK(bmm::to_string(gbp::from_millions("1234.5"), money_format::millions(1)) ==
              "\xC2\xA3"
              "1,234.5m");
    }

    TEST_CASE("whole pounds and thousands print as the seed tables print them") {
        CHECK(bmm::to_string(gbp::parse("4685633"), money_format::whole()) ==
              "\xC2\xA3"
              "4,685,633");
        CHECK(bmm::to_string(gbp::from_thousands("1762"), money_format::thousands()) == "1,762");
        CHECK(bmm::to_string(gbp::from_thousands("-1762"), money_format::thousands()) == "-1,762");
        CHECK(bmm::to_string(gbp::parse("1234.56"), money_format::full()) ==
              "\xC2\xA3"
              "1,234.56");
        CHECK(bmm::to_string(gbp::parse("1234.56"),
                             money_format::full().without_grouping().without_symbol()) ==
              "1234.56");
    }

    TEST_CASE("negatives print with a minus or in brackets and changes with a plus") {
        const gbp m = gbp::from_millions("-1.2");
        CHECK(bmm::to_string(m, money_format::millions_column(1)) == "-1.2");
        CHECK(bmm::to_string(m, money_format::millions_column(1).with_brackets()) == "(1.2)");
        CHECK(bmm::to_string(m, money_format::millions(1).with_brackets()) ==
              "(\xC2\xA3"
              "1.2m)");
        CHECK(bmm::to_string(-m + -m, money_format::millions_column(1).with_plus_sign()) == "+2.4");
        CHECK(bmm::to_string(gbp{}, money_format::millions_column(1).with_plus_sign()) == "0.0");
    }

    TEST_CASE("a value that rounds to zero never prints a minus sign") {
        CHECK(bmm::to_string(bmm::pence(-4), money_format::millions(1)) ==
              "\xC2\xA3"
              "0.0m");
        CHECK(bmm::to_string(bmm::pence(-4), money_format::millions(1).with_brackets()) ==
              "\xC2\xA3"
              "0.0m");
        CHECK(bmm::to_string(gbp::parse("-49999.99"), money_format::millions_column(1)) == "0.0");
        CHECK(bmm::to_string(gbp::parse("-50000.00"), money_format::millions_column(1)) == "-0.1");
        CHECK(bmm::to_string(gbp::parse("-0.49"), money_format::whole()) ==
              "\xC2\xA3"
              "0");
        CHECK(bmm::to_string(gbp{}, money_format::full()) ==
              "\xC2\xA3"
              "0.00");
    }

    TEST_CASE("the rounding mode of a format decides ties") {
        const gbp tie = gbp::parse("250000");  // 0.25m
        CHECK(bmm::to_string(tie, money_format::millions(1)) ==
              "\xC2\xA3"
              "0.3m");  // half_up
        CHECK(bmm::to_string(
                  tie, money_format::millions(1).with_rounding(bmm::rounding_mode::half_even)) ==
              "\xC2\xA3"
              "0.2m");
        CHECK(bmm::to_string(-tie, money_format::millions(1)) ==
              "-\xC2\xA3"
              "0.3m");
        CHECK(bmm::to_string(
                  -tie, money_format::millions(1).with_rounding(bmm::rounding_mode::toward_zero)) ==
              "-\xC2\xA3"
              "0.2m");
    }

    TEST_CASE("the extreme amounts print in full") {
        CHECK(bmm::to_string(gbp::from_minor_units(INT64_MIN), money_format::full()) ==
              "-\xC2\xA3"
              "92,233,720,368,547,758.08");
        CHECK(bmm::to_string(gbp::from_minor_units(INT64_MAX), money_format::millions(8)) ==
              "\xC2\xA3"
              "92,233,720,368.54775807m");
    }

    TEST_CASE("other currencies print with their own symbol and minor digits") {
        CHECK(bmm::to_string(bmm::eur::parse("12.5"), money_format::full()) ==
              "\xE2\x82\xAC"
              "12.50");
        CHECK(bmm::to_string(bmm::jpy::parse("1500"), money_format::full()) ==
              "\xC2\xA5"
              "1,500");
    }

    TEST_CASE("an amount printed in full parses back to itself") {
        for (const char* text : {"0.00", "-0.07", "1,234.56", "-92,233,720,368,547,758.08"}) {
            const gbp m = gbp::parse(text);
            CHECK(gbp::parse(bmm::to_string(m, money_format::full())) == m);
        }
    }
}

TEST_CASE("parse_money reads every printed form back exactly") {
    using bmm::money_format;
    CHECK(bmm::parse_money<bmm::currency::gbp>("\xC2\xA3"
                                               "5.3m",
                                               money_format::millions(1)) ==
          bmm::gbp::from_millions("5.3"));
    CHECK(bmm::parse_money<bmm::currency::gbp>("(\xC2\xA3"
                                               "5.3m)",
                                               money_format::millions(1)) ==
          bmm::gbp::from_millions("-5.3"));
    CHECK(bmm::parse_money<bmm::currency::gbp>("\xC2\xA3"
                                               "0.070m",
                                               money_format::millions(3)) ==
          bmm::gbp::parse("70000"));
    CHECK(bmm::parse_money<bmm::currency::gbp>("-1.2", money_format::millions_column()) ==
          bmm::gbp::from_millions("-1.2"));
    CHECK(bmm::parse_money<bmm::currency::gbp>("+2.4", money_format::millions_column()) ==
          bmm::gbp::from_millions("2.4"));
    CHECK(bmm::parse_money<bmm::currency::gbp>("(1.2)", money_format::millions_column()) ==
          bmm::gbp::from_millions("-1.2"));
    CHECK(bmm::parse_money<bmm::currency::gbp>("1,762", money_format::thousands()) ==
          bmm::gbp::from_thousands("1,762"));
    CHECK(bmm::parse_money<bmm::currency::gbp>("\xC2\xA3"
                                               "4,685,633",
                                               money_format::whole()) ==
          bmm::gbp::parse("4685633"));
}

TEST_CASE("parse_money rejects malformed figures with a parse_error naming them") {
    using bmm::money_format;
    const char* bad[] = {
        "\xC2\xA3"
        "493,032,40",  // seed 002
        "5.3",
        "\xC2\xA3"
        "5.3",
        "(-1.2)m",
        "m",
        "1.2.3m",
        ""};
    for (const char* text : bad) {
        CAPTURE(text);
        try {
            (void)bmm::parse_money<bmm::currency::gbp>(
                text, std::string_view(text).find("493") != std::string_view::npos
                          ? money_format::whole()
                          : money_format::millions(1));
            FAIL("no error");
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == text);
        }
    }
    CHECK_THROWS_AS((void)bmm::parse_money<bmm::currency::gbp>("0.001", money_format::full()),
                    bmm::inexact_error);
}

TEST_CASE(
    "parse_money reads the most negative amount, INT64_MIN minor units, in every format "
    "that shows every minor unit") {
    // Found by fuzz_money: the digits' magnitude (2^63) was checked against int64 before the sign
    // was applied, so -£92,233,720,368,547,758.08 was an overflow_error in every format.
    const gbp least = gbp::from_minor_units(INT64_MIN);
    const gbp top = gbp::from_minor_units(INT64_MAX);
    for (const auto& f : {money_format::full(), money_format::full().with_brackets(),
                          money_format::full().without_grouping(), money_format::millions(8),
                          money_format::millions(8).with_brackets(), money_format::thousands(5),
                          money_format::millions_column(8).with_brackets()}) {
        for (const gbp m : {least, top}) {
            const std::string shown = bmm::to_string(m, f);
            CAPTURE(shown);
            CHECK(bmm::parse_money<bmm::currency::gbp>(shown, f) == m);
        }
    }
    CHECK(bmm::parse_money<bmm::currency::gbp>("-92,233,720,368,547,758.08",
                                               money_format::full()) == least);
    CHECK(bmm::parse_money<bmm::currency::gbp>("(92,233,720,368.54775808)",
                                               money_format::millions_column(8)) == least);
    // One minor unit beyond either end is out of range, named by its text.
    CHECK_THROWS_AS((void)bmm::parse_money<bmm::currency::gbp>("-92,233,720,368,547,758.09",
                                                               money_format::full()),
                    bmm::overflow_error);
    CHECK_THROWS_AS((void)bmm::parse_money<bmm::currency::gbp>("92,233,720,368,547,758.08",
                                                               money_format::full()),
                    bmm::overflow_error);
}

TEST_CASE(
    "parse_money's inexact and overflow errors name the text as given, not the number in "
    "it") {
    struct bad {
        std::string text;
        money_format format;
        bmm::errc code;
    };
    const std::string pound = "\xC2\xA3";
    const bad cases[] = {
        {pound + "0.001", money_format::full(), bmm::errc::inexact},
        {pound + "0.000000001m", money_format::millions(9), bmm::errc::inexact},
        {"(0.000000001)", money_format::millions_column(9), bmm::errc::inexact},
        {"1,762.000001", money_format::thousands(6), bmm::errc::inexact},
        {pound + "99,999,999,999m", money_format::millions(0), bmm::errc::overflow},
        {"(99,999,999,999,999)", money_format::thousands().with_brackets(), bmm::errc::overflow},
        {pound + "0.0000000000000000000001m", money_format::millions(), bmm::errc::inexact},
    };
    for (const bad& c : cases) {
        CAPTURE(c.text);
        try {
            (void)bmm::parse_money<bmm::currency::gbp>(c.text, c.format);
            FAIL("no error");
        } catch (const bmm::error& e) {
            CHECK(e.code() == c.code);
            CHECK((c.code == bmm::errc::inexact
                       ? dynamic_cast<const bmm::inexact_error*>(&e) != nullptr
                       : dynamic_cast<const bmm::overflow_error*>(&e) != nullptr));
            CHECK(e.input() == c.text);
            CHECK(std::string(e.what()).find('"' + c.text + '"') != std::string::npos);
        }
    }
}

TEST_CASE("property: to_string then parse_money is the amount as the format rounds it") {
    std::mt19937_64 gen(7);
    std::uniform_int_distribution<std::int64_t> pence(-1'000'000'000'000, 1'000'000'000'000);
    const bmm::money_format formats[] = {bmm::money_format::millions(1),
                                         bmm::money_format::millions(3).with_brackets(),
                                         bmm::money_format::thousands(),
                                         bmm::money_format::whole(),
                                         bmm::money_format::millions_column().with_plus_sign(),
                                         bmm::money_format::full()};
    int mismatches = 0;
    for (int i = 0; i < 20'000; ++i) {
        const auto amount = bmm::pence(pence(gen));
        for (const auto& f : formats) {
            const std::string shown = bmm::to_string(amount, f);
            const auto back = bmm::parse_money<bmm::currency::gbp>(shown, f);
            if (bmm::to_string(back, f) != shown) ++mismatches;
            if (f.scale == 0 && f.decimals < 0 && back != amount) ++mismatches;
        }
    }
    CHECK(mismatches == 0);
}

TEST_SUITE("format: percentages") {
    using bmm::percent_format;
    bmm::decimal pd(const char* s) { return bmm::decimal::parse(s); }

    TEST_CASE("a percentage figure prints as the reports print it") {
        CHECK(bmm::to_string(pd("0.9"), percent_format::places(1)) == "0.9%");
        CHECK(bmm::to_string(pd("-26.6"), percent_format::places(1)) == "-26.6%");
        CHECK(bmm::to_string(pd("2.4"), percent_format::places(1).with_plus_sign()) == "+2.4%");
        CHECK(bmm::to_string(pd("-1.2"), percent_format::places(1).with_brackets()) == "(1.2)%");
        CHECK(bmm::to_string(pd("25"), percent_format::places(0).with_plus_sign()) == "+25%");
        CHECK(bmm::to_string(pd("-33"), percent_format::places(0).with_plus_sign()) == "-33%");
        CHECK(bmm::to_string(pd("50.00"), percent_format::as_printed()) == "50.00%");
        CHECK(bmm::to_string(pd("3.0"), percent_format::places(1).without_percent_sign()) == "3.0");
        CHECK(bmm::to_string(pd("1234.5"), percent_format::places(1).with_grouping()) ==
              "1,234.5%");
        CHECK(bmm::to_string(pd("0.07"), percent_format::places(3)) == "0.070%");  // widened
    }

    TEST_CASE("a percentage that rounds to zero never prints a sign") {
        CHECK(bmm::to_string(pd("-0.04"), percent_format::places(1)) == "0.0%");
        CHECK(bmm::to_string(pd("-0.0"), percent_format::as_printed()) == "0.0%");
        CHECK(bmm::to_string(pd("-0.04"), percent_format::places(1).with_brackets()) == "0.0%");
        CHECK(bmm::to_string(pd("0.04"), percent_format::places(1).with_plus_sign()) == "0.0%");
        CHECK(bmm::to_string(bmm::ratio(-1, 10'000), percent_format::places(1)) == "0.0%");
        CHECK(bmm::to_string(pd("-0.05"), percent_format::places(1)) == "-0.1%");  // half up
    }

    TEST_CASE("a share prints as 100 times itself, rounded by the format's mode") {
        // Seed 003 Table 11's Contingency: -3.3 of 12.4 is -26.6% (printed -29.6%).
        CHECK(bmm::to_string(bmm::ratio(-33, 124), percent_format::places(1)) == "-26.6%");
        CHECK(bmm::to_string(bmm::ratio(53, 5674), percent_format::places(1)) == "0.9%");
        CHECK(bmm::to_string(bmm::ratio(1, 3), percent_format::places(2)) == "33.33%");
        const bmm::ratio tie(1, 400);  // 0.25%
        CHECK(bmm::to_string(tie, percent_format::places(1)) == "0.3%");
        CHECK(bmm::to_string(tie, percent_format::places(1).with_rounding(
                                      bmm::rounding_mode::half_even)) == "0.2%");
        CHECK(bmm::to_string(-tie, percent_format::places(1).with_rounding(
                                       bmm::rounding_mode::floor)) == "-0.3%");
    }

    TEST_CASE("parse_percent reads every printed form exactly, with its places") {
        CHECK(bmm::parse_percent("0.9%") == pd("0.9"));
        CHECK(bmm::parse_percent("-26.6%") == pd("-26.6"));
        CHECK(bmm::parse_percent("+2.4%") == pd("2.4"));
        CHECK(bmm::parse_percent("(1.2)%") == pd("-1.2"));
        CHECK(bmm::parse_percent("(1.2%)") == pd("-1.2"));
        CHECK(bmm::parse_percent(" 50.00 % ").places() == 2);
        CHECK(bmm::parse_percent("\xE2\x88\x92"
                                 "3.0%") == pd("-3.0"));  // U+2212, as typeset reports print it
        CHECK(bmm::parse_percent("1,234.5%") == pd("1234.5"));
        CHECK(bmm::parse_percent("3.0", percent_format::places().without_percent_sign()) ==
              pd("3.0"));
        CHECK(bmm::parse_percent("3.0%", percent_format::places().without_percent_sign()) ==
              pd("3.0"));
    }

    TEST_CASE("parse_percent rejects malformed percentages with a parse_error naming them") {
        for (const char* text :
             {"1.2", "(-1.2)%", "1.2.3%", "", "%", "()%", "12,34%", "1.2%%", "abc%",
              "\xC2\xA3"
              "1.2%"}) {
            CAPTURE(text);
            try {
                (void)bmm::parse_percent(text);
                FAIL("no error");
            } catch (const bmm::parse_error& e) {
                CHECK(e.input() == text);
            }
        }
        CHECK_THROWS_AS((void)bmm::parse_percent("99999999999999999999%"), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::parse_percent("0.0000000000000000001%"), bmm::overflow_error);
    }

    TEST_CASE("parse_percent reads back every printed decimal, INT64_MIN units among them") {
        constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min();
        constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
        for (std::int64_t u : {min64, min64 + 1, max64, std::int64_t{0}}) {
            for (int places : {0, 1, 18}) {
                const bmm::decimal p = bmm::decimal::from_units(u, places);
                for (const percent_format& f :
                     {percent_format::as_printed(), percent_format::as_printed().with_brackets()}) {
                    CAPTURE(bmm::to_string(p, f));
                    const bmm::decimal back = bmm::parse_percent(bmm::to_string(p, f), f);
                    CHECK(back == p);
                    CHECK(back.places() == places);
                }
            }
        }
        CHECK_THROWS_AS((void)bmm::parse_percent("-9223372036854775809%"), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::parse_percent("9223372036854775808%"), bmm::overflow_error);
    }

    TEST_CASE("a percentage too long to be exact is an overflow_error whatever its length") {
        for (std::size_t n : {20u, 36u, 37u, 40u, 1000u}) {
            CAPTURE(n);
            CHECK_THROWS_AS((void)bmm::parse_percent(std::string(n, '9') + "%"),
                            bmm::overflow_error);
            CHECK_THROWS_AS((void)bmm::parse_percent("0." + std::string(n, '0') + "1%"),
                            bmm::overflow_error);
        }
    }

    TEST_CASE("seed 003's printed percentages print back exactly as they were read") {
        struct printed {
            const char* text;
            percent_format format;
        };
        const printed cases[] = {{"0.9%", percent_format::places(1)},
                                 {"3.0%", percent_format::places(1)},
                                 {"-29.6%", percent_format::places(1)},
                                 {"-49.6%", percent_format::places(1)},
                                 {"0.0%", percent_format::places(1)},
                                 {"+25%", percent_format::places(0).with_plus_sign()},
                                 {"+69%", percent_format::places(0).with_plus_sign()},
                                 {"-33%", percent_format::places(0).with_plus_sign()},
                                 {"50.00%", percent_format::as_printed()}};
        for (const printed& c : cases) {
            CAPTURE(c.text);
            CHECK(bmm::to_string(bmm::parse_percent(c.text), c.format) == c.text);
        }
    }

    TEST_CASE("property: parse -> print -> parse is the identity for every style") {
        std::mt19937_64 gen(11);
        std::uniform_int_distribution<std::int64_t> units(-10'000'000, 10'000'000);
        std::uniform_int_distribution<int> places(0, 3);
        const percent_format styles[] = {percent_format::as_printed(),
                                         percent_format::as_printed().with_brackets(),
                                         percent_format::as_printed().with_plus_sign(),
                                         percent_format::as_printed().with_grouping(),
                                         percent_format::as_printed().without_percent_sign()};
        int mismatches = 0;
        for (int i = 0; i < 20'000; ++i) {
            const bmm::decimal p = bmm::decimal::from_units(units(gen), places(gen));
            for (const percent_format& f : styles) {
                const std::string text = bmm::to_string(p, f);
                const bmm::decimal back = bmm::parse_percent(text, f);
                if (back != p || back.places() != p.places()) ++mismatches;
                if (bmm::to_string(back, f) != text) ++mismatches;
                if (text.rfind("-0", 0) == 0 && back == bmm::zero) ++mismatches;
            }
            // A share printed at 1 dp reads back as its rounded percentage.
            const bmm::ratio share(units(gen), 1 + static_cast<std::int64_t>(gen() % 1'000'000));
            const percent_format one = percent_format::places(1);
            if (bmm::parse_percent(bmm::to_string(share, one)) !=
                share.percent(1, bmm::rounding_mode::half_up)) {
                ++mismatches;
            }
        }
        CHECK(mismatches == 0);
    }

    TEST_CASE("format fields out of range are an invalid_argument in every build mode") {
        percent_format f = percent_format::places(1);
        f.decimals = 19;
        CHECK_THROWS_AS((void)bmm::to_string(pd("1.5"), f), bmm::invalid_argument);
        f.decimals = -2;
        CHECK_THROWS_AS((void)bmm::to_string(pd("1.5"), f), bmm::invalid_argument);
        f.decimals = 17;
        CHECK_THROWS_AS((void)bmm::to_string(bmm::ratio(1, 3), f), bmm::invalid_argument);
        f.decimals = -1;
        CHECK_THROWS_AS((void)bmm::to_string(bmm::ratio(1, 3), f), bmm::invalid_argument);
        money_format m = money_format::millions(1);
        m.scale = 19;
        CHECK_THROWS_AS((void)bmm::to_string(gbp::parse("1.00"), m), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::parse_money<bmm::currency::gbp>("1.0m", m),
                        bmm::invalid_argument);
        m.scale = -1;
        CHECK_THROWS_AS((void)bmm::to_string(gbp::parse("1.00"), m), bmm::invalid_argument);
        m = money_format::millions(19);
        CHECK_THROWS_AS((void)bmm::to_string(gbp::parse("1.00"), m), bmm::invalid_argument);
    }
}
