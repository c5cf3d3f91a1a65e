// Spec for bmm/exact.hpp: rationals of any size (128-bit terms, cpp_int beyond) and exact money:
// the compounding that overflows bmm::ratio in year 9 goes on exactly, every rounding is named.
#include <bmm/exact.hpp>
// (the header under test first)
#include <doctest/doctest.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <string>

#include "support/spec.hpp"

namespace {
using bmm::exact;
using C = bmm::currency::gbp;
exact x(const char* s) { return exact::parse(s); }
}  // namespace

static_assert(!bmm_test::can_multiply<bmm::exact_money<C>, bmm::exact_money<C>>);
static_assert(!bmm_test::can_add<bmm::exact_money<C>, bmm::exact_money<bmm::currency::eur>>);
static_assert(!std::is_convertible_v<double, exact>);

TEST_CASE("1.035 compounded for 30 years is exact, where ratio overflows in year 9") {
    exact growth(1);
    for (int year = 0; year < 30; ++year) growth *= x("1.035");
    CHECK(growth == bmm::pow(x("207/200"), 30));
    CHECK(growth.denominator() ==
          boost::multiprecision::pow(boost::multiprecision::cpp_int(200), 30));
    CHECK(bmm::to_string(growth) ==
          "2."
          "8067937047026336169838918321688929798069613734690441083822064948317119851708412170410156"
          "25");
    const bmm::exact_money<C> budget(bmm::gbp::from_millions("100"));
    CHECK((budget * growth).round(bmm::rounding_mode::half_even) ==
          bmm::gbp::parse("280679370.47"));
    CHECK(growth.round(6, bmm::rounding_mode::half_up) == bmm::decimal::parse("2.806794"));
    CHECK_FALSE(growth.to_ratio().has_value());
    CHECK(x("1.035").to_ratio() == bmm::ratio(207, 200));
}

TEST_CASE("exact values read ratio text and print their shortest exact form") {
    CHECK(bmm::to_string(x("2.5%")) == "0.025");
    CHECK(bmm::to_string(x("1/3")) == "1/3");
    CHECK(bmm::to_string(x("-6/4")) == "-1.5");
    CHECK(bmm::to_string(x(" 1,000/3 ")) == "1000/3");
    CHECK(bmm::to_string(x("-0.05")) == "-0.05");
    CHECK(bmm::to_string(exact(-5)) == "-5");
    CHECK(bmm::to_string(exact()) == "0");
    // Beyond 64 bits on each side of the slash.
    const exact big = x("123456789012345678901234567890/11");
    CHECK(bmm::to_string(big) == "123456789012345678901234567890/11");
    CHECK(bmm::to_string(big * big * big) ==
          "1881676372353657772546716040589641726257477229849409426207693797722198701224860897069000"
          "/1331");
    for (const char* text :
         {"1.035", "-1/3", "0.0001", "17", "-123456789012345678901234567890/11"}) {
        CHECK(exact::parse(bmm::to_string(x(text))) == x(text));
    }
}

TEST_CASE("malformed or undefined exact text is a parse_error naming it") {
    for (const char* bad : {"", "n/a", "%", "1//2", "1/0", "£5", "1.2.3"}) {
        INFO(bad);
        CHECK_THROWS_AS((void)exact::parse(bad), bmm::parse_error);
        CHECK_FALSE(exact::try_parse(bad).has_value());
        try {
            (void)exact::parse(bad);
        } catch (const bmm::parse_error& e) {
            CHECK(e.input() == bad);
        }
    }
    CHECK_THROWS_AS((void)(exact(1) / exact()), bmm::undefined_error);
    CHECK_FALSE(exact::try_divide(exact(1), exact()).has_value());
    CHECK_THROWS_AS((void)bmm::pow(exact(), -1), bmm::undefined_error);
}

TEST_CASE("arithmetic is exact and in lowest terms at every size") {
    CHECK(x("1/6") + x("1/3") == x("1/2"));
    CHECK(x("1/6") - x("1/3") == x("-1/6"));
    CHECK(x("2/3") * x("3/4") == x("1/2"));
    CHECK(x("2/3") / x("-4/9") == x("-3/2"));
    CHECK(bmm::pow(x("2/3"), -2) == x("9/4"));
    CHECK(x("1/3") < x("0.334"));
    CHECK(x("-1/3") > x("-0.334"));
    // Around 2^127: sums and products that leave 128 bits come back when they fit again.
    const exact two_127 = bmm::pow(exact(2), 127);
    CHECK(two_127 - exact(1) + exact(1) == two_127);
    CHECK((two_127 * two_127) / two_127 == two_127);
    CHECK(-(-two_127) == two_127);
    CHECK(bmm::to_string(two_127) == "170141183460469231731687303715884105728");
    CHECK(bmm::to_string(-two_127 - two_127) == "-340282366920938463463374607431768211456");
    CHECK(two_127 > exact(std::int64_t{9'223'372'036'854'775'807}));
    CHECK(-two_127 < exact(std::int64_t{-9'223'372'036'854'775'807}));
}

TEST_CASE("every rounding mode rounds an exact value as ratio does") {
    for (const auto mode : bmm_test::all_rounding_modes) {
        for (const char* text :
             {"2.5", "-2.5", "2.4", "-2.6", "1/3", "-2/3", "7/2", "0", "-0.05"}) {
            INFO(text);
            CHECK(x(text).round(1, mode) == bmm::ratio::parse(text).round(1, mode));
            CHECK(x(text).round(0, mode) == bmm::ratio::parse(text).round(0, mode));
        }
    }
    CHECK_THROWS_AS((void)bmm::pow(exact(10), 19).round(0, bmm::rounding_mode::floor),
                    bmm::overflow_error);
}

TEST_CASE("exact money rounds to money only by a named mode and says when it does not fit") {
    const bmm::exact_money<C> third = bmm::exact_money<C>(bmm::gbp::parse("100.00")) / exact(3);
    CHECK(third.round(bmm::rounding_mode::half_even) == bmm::gbp::parse("33.33"));
    CHECK(third.round(bmm::rounding_mode::ceiling) == bmm::gbp::parse("33.34"));
    CHECK_FALSE(third.is_exact_money());
    CHECK(bmm::to_string(third) == "100/3");
    CHECK(bmm::to_string(bmm::exact_money<C>(bmm::gbp::parse("-12.30"))) == "-12.3");
    CHECK(third * exact(3) == bmm::gbp::parse("100.00"));
    CHECK(third / (third + third) == x("1/2"));
    CHECK(third * bmm::ratio(3, 1) == bmm::exact_money<C>(bmm::gbp::parse("100")));
    const auto huge =
        bmm::exact_money<C>(bmm::gbp::from_minor_units(std::int64_t{9'000'000'000'000'000'000})) *
        exact(2);
    CHECK_THROWS_AS((void)huge.round(bmm::rounding_mode::half_even), bmm::overflow_error);
    try {
        (void)huge.round(bmm::rounding_mode::half_even);
    } catch (const bmm::overflow_error& e) {
        CHECK(std::string(e.what()).find("180000000000000000") != std::string::npos);
    }
    CHECK(bmm::exact_money<C>(bmm::zero) == bmm::gbp());
    CHECK(huge >
          bmm::exact_money<C>(bmm::gbp::from_minor_units(std::int64_t{9'000'000'000'000'000'000})));
}
