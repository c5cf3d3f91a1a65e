// Spec: bmm/money.hpp — exact amounts in integer minor units.
#include <doctest/doctest.h>

#include <bmm/money.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "support/spec.hpp"

using bmm::gbp;
using bmm::rounding_mode;

// --- Static spec ------------------------------------------------------------------------------
static_assert(sizeof(gbp) == 8, "money is one int64: the cost model in BENCHMARKS.md relies on it");
static_assert(std::is_trivially_copyable_v<gbp>);
static_assert(!std::is_constructible_v<gbp, double>, "no money from double");
static_assert(!std::is_constructible_v<gbp, int>, "no money from a bare number: which unit?");
static_assert(!std::is_constructible_v<gbp, std::int64_t>);
static_assert(!std::is_convertible_v<gbp, std::int64_t>);
static_assert(!std::is_convertible_v<gbp, double>);
static_assert(!bmm_test::can_add<gbp, bmm::eur>, "pounds and euros never mix");
static_assert(!bmm_test::can_subtract<gbp, bmm::usd>);
static_assert(!bmm_test::can_order<gbp, bmm::eur>);
static_assert(!bmm_test::can_compare_equal<gbp, bmm::eur>);
static_assert(!bmm_test::can_multiply<gbp, gbp>, "money * money has no meaning");
static_assert(!bmm_test::can_multiply<gbp, double>, "floating point loses pennies");
static_assert(!bmm_test::can_multiply<float, gbp>);
static_assert(!bmm_test::can_divide<gbp, double>);
static_assert(!bmm_test::can_add<gbp, bmm::ratio>, "a ratio is not an amount");
static_assert(!bmm_test::can_add<gbp, int>);
static_assert(bmm_test::can_add<gbp, gbp>);
static_assert(bmm_test::can_multiply<gbp, int>);
static_assert(
    std::is_same_v<decltype(gbp{} * bmm::ratio(1, 2)), bmm::unrounded_money<bmm::currency::gbp>>,
    "money * ratio must be rounded before it is money again");
static_assert(std::is_same_v<decltype(gbp{} / 3), bmm::unrounded_money<bmm::currency::gbp>>);
static_assert(std::is_same_v<decltype(gbp{} / bmm::pence(1)), bmm::ratio>);
static_assert(!bmm::is_currency_v<int>);
static_assert(bmm::currency::gbp::code == "GBP" && bmm::currency::gbp::minor_digits == 2);
static_assert(bmm::currency::eur::code == "EUR" && bmm::currency::usd::code == "USD");
static_assert(bmm::currency::jpy::minor_digits == 0);
// constexpr arithmetic.
static_assert(bmm::pence(5) + bmm::pence(7) == bmm::pence(12));
static_assert(bmm::pounds(3) == bmm::pence(300));
static_assert(-bmm::pence(5) < bmm::zero);
static_assert(bmm::pence(5) * 3 == bmm::pence(15));
static_assert((bmm::pence(5) / 2).round(rounding_mode::half_even) == bmm::pence(2));

namespace {
constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min();
}  // namespace

TEST_SUITE("money") {
    TEST_CASE("decimal text is read exactly to the penny") {
        CHECK(gbp::parse("1234.56").in_minor_units() == 123456);
        CHECK(gbp::parse("-0.07").in_minor_units() == -7);
        CHECK(gbp::parse("0").in_minor_units() == 0);
        CHECK(gbp::parse("+2.40").in_minor_units() == 240);
        CHECK(gbp::parse("  12.5  ").in_minor_units() == 1250);
        CHECK(gbp::parse("1.2300").in_minor_units() == 123);  // trailing zeros are exact
    }

    TEST_CASE("thousands separators and the pound sign are read as reports print them") {
        CHECK(gbp::parse("1,234.56") == gbp::parse("1234.56"));
        CHECK(gbp::parse("£4,685,633") == bmm::pounds(4'685'633));
        CHECK(gbp::parse("-£5") == bmm::pounds(-5));
        CHECK(gbp::parse("£-5") == bmm::pounds(-5));
        CHECK(gbp::parse("\xE2\x88\x92"
                         "3.50") == bmm::pence(-350));  // U+2212 minus sign
        CHECK(bmm::eur::parse("\xE2\x82\xAC"
                              "10.00")
                  .in_minor_units() == 1000);
    }

    TEST_CASE("figures printed in millions and thousands are exact amounts") {
        CHECK(gbp::from_millions("5.3") == bmm::pounds(5'300'000));
        CHECK(gbp::from_millions("0.070") == bmm::pounds(70'000));
        CHECK(gbp::from_millions("-41.1") == bmm::pounds(-41'100'000));
        CHECK(gbp::from_thousands("1,762") == bmm::pounds(1'762'000));
        CHECK(gbp::from_thousands("-2,000") == bmm::pounds(-2'000'000));
        CHECK(gbp::from_millions("0.00000001") == bmm::pence(1));
    }

    TEST_CASE("malformed money text is a parse_error that names the text") {
        for (const char* bad : {"\xC2\xA3"
                                "493,032,40",
                                "1.2.3", "", "12a", ".5", "5.", "1,23", "--5", "1 000", "abc",
                                "\xC2\xA3\xC2\xA3"
                                "5"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS((void)gbp::parse(bad), bmm::parse_error);
            try {
                (void)gbp::parse(bad);
            } catch (const bmm::parse_error& e) {
                CHECK(std::string(e.what()).find('"' + std::string(bad) + '"') !=
                      std::string::npos);
                CHECK(e.input() == bad);
                CHECK(e.code() == bmm::errc::parse);
            }
        }
    }

    TEST_CASE("the seed 002 figure with a misplaced separator is rejected at its last group") {
        // Seed 002 prints "£493,032,40": the last group has two digits.
        CHECK_THROWS_WITH_AS((void)gbp::parse("\xC2\xA3"
                                              "493,032,40"),
                             doctest::Contains("groups of three digits"), bmm::parse_error);
        CHECK_THROWS_AS((void)gbp::from_thousands("1,7622"), bmm::parse_error);
        CHECK_THROWS_AS((void)gbp::from_millions("5.3m"), bmm::parse_error);
    }

    TEST_CASE("a figure finer than a penny is an inexact_error unless a rounding mode is named") {
        CHECK_THROWS_WITH_AS((void)gbp::parse("0.005"), doctest::Contains("\"0.005\""),
                             bmm::inexact_error);
        CHECK_THROWS_AS((void)gbp::from_millions("0.000000001"), bmm::inexact_error);
        CHECK(gbp::parse("0.005", rounding_mode::half_up) == bmm::pence(1));
        CHECK(gbp::parse("0.005", rounding_mode::half_even) == bmm::pence(0));
        CHECK(gbp::parse("-0.005", rounding_mode::half_up) == bmm::pence(-1));
        CHECK(gbp::parse("-0.005", rounding_mode::floor) == bmm::pence(-1));
        CHECK(gbp::parse("-0.005", rounding_mode::ceiling) == bmm::pence(0));
        CHECK(gbp::from_millions("1.2345678912", rounding_mode::half_even) ==
              gbp::parse("1234567.89"));
    }

    TEST_CASE("try_parse returns nullopt exactly where parse would throw") {
        CHECK(gbp::try_parse("12.34") == bmm::pence(1234));
        CHECK_FALSE(gbp::try_parse("12.345").has_value());
        CHECK_FALSE(gbp::try_parse("1,23").has_value());
        CHECK_FALSE(gbp::try_parse("99999999999999999999").has_value());
    }

    TEST_CASE("the extreme amounts parse and one penny beyond them overflows") {
        CHECK(gbp::parse("92233720368547758.07").in_minor_units() == max64);
        CHECK(gbp::parse("-92233720368547758.08").in_minor_units() == min64);
        CHECK_THROWS_WITH_AS((void)gbp::parse("92233720368547758.08"),
                             doctest::Contains("92233720368547758.08"), bmm::overflow_error);
        CHECK_THROWS_AS((void)gbp::parse("-92233720368547758.09"), bmm::overflow_error);
        CHECK_THROWS_AS((void)gbp::from_millions("100000000000"), bmm::overflow_error);
    }

    TEST_CASE("adding amounts is exact to the penny") {
        CHECK(gbp::parse("0.10") + gbp::parse("0.20") == gbp::parse("0.30"));
        gbp total;
        for (int i = 0; i < 1000; ++i) total += gbp::parse("0.01");
        CHECK(total == bmm::pounds(10));
        total -= bmm::pounds(10);
        CHECK(total == bmm::zero);
    }

    SCENARIO("May 2023 general balances: 22.6 + 6.8 + 0.8 = 30.2 exactly") {
        GIVEN("the balances as printed in seed 003 paragraphs 113-114") {
            const gbp opening = gbp::from_millions("22.6");
            const gbp budgeted = gbp::from_millions("6.8");
            const gbp further = gbp::from_millions("0.8");
            WHEN("they are added") {
                const gbp closing = opening + budgeted + further;
                THEN("the total is the risk-assessed level of 30.2m to the penny") {
                    CHECK(closing == gbp::from_millions("30.2"));
                    CHECK(closing.in_minor_units() == 3'020'000'000);
                }
            }
        }
    }

    TEST_CASE("overflow is an overflow_error and never wraps around") {
        const gbp top = gbp::from_minor_units(max64);
        const gbp bottom = gbp::from_minor_units(min64);
        CHECK_THROWS_AS((void)(top + bmm::pence(1)), bmm::overflow_error);
        CHECK_THROWS_AS((void)(bottom - bmm::pence(1)), bmm::overflow_error);
        CHECK_THROWS_AS((void)(top * 2), bmm::overflow_error);
        CHECK_THROWS_AS((void)(bottom * -1), bmm::overflow_error);
        CHECK_THROWS_AS((void)(-bottom), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::abs(bottom), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::pounds(max64 / 10), bmm::overflow_error);
        CHECK(top + bottom == bmm::pence(-1));  // in range: exact
        CHECK(-top == gbp::from_minor_units(-max64));
        gbp x = top;
        CHECK_THROWS_AS(x += bmm::pence(1), bmm::overflow_error);
        CHECK(x == top);  // a failed += leaves the value unchanged
    }

    TEST_CASE("multiplying by a whole number is exact and checked") {
        CHECK(bmm::pence(333) * 3 == bmm::pence(999));
        CHECK(3 * bmm::pence(333) == bmm::pence(999));
        CHECK(bmm::pence(-7) * static_cast<short>(2) == bmm::pence(-14));
        gbp y = bmm::pounds(2);
        y *= 5;
        CHECK(y == bmm::pounds(10));
    }

    TEST_CASE("money times a rate must be rounded by a named mode before it is money again") {
        const gbp budget = gbp::from_millions("169.3");
        const auto inflation = budget * bmm::ratio::parse("2.5%");
        CHECK(inflation.is_exact());
        CHECK(inflation.round(rounding_mode::half_even) == gbp::parse("4232500.00"));
        const auto monthly = budget * bmm::ratio(1, 12);
        CHECK_FALSE(monthly.is_exact());
        CHECK(monthly.round(rounding_mode::half_up) == gbp::parse("14108333.33"));
        CHECK(monthly.round(rounding_mode::ceiling) == gbp::parse("14108333.34"));
        CHECK(monthly.in_minor_units() == bmm::ratio(16'930'000'000LL, 12));
    }

    TEST_CASE("a half-penny tie goes where each rounding mode says on both sides of zero") {
        struct row {
            rounding_mode mode;
            std::int64_t up;    // 5p / 2 = 2.5p
            std::int64_t down;  // -5p / 2 = -2.5p
        };
        for (const row& r :
             {row{rounding_mode::half_up, 3, -3}, row{rounding_mode::half_down, 2, -2},
              row{rounding_mode::half_even, 2, -2}, row{rounding_mode::toward_zero, 2, -2},
              row{rounding_mode::away_from_zero, 3, -3}, row{rounding_mode::floor, 2, -3},
              row{rounding_mode::ceiling, 3, -2}}) {
            CAPTURE(bmm::to_string(r.mode));
            CHECK((bmm::pence(5) / 2).round(r.mode) == bmm::pence(r.up));
            CHECK((bmm::pence(-5) / 2).round(r.mode) == bmm::pence(r.down));
            CHECK((bmm::pence(5) * bmm::ratio(1, 2)).round(r.mode) == bmm::pence(r.up));
            CHECK((bmm::pence(5) / bmm::ratio(2)).round(r.mode) == bmm::pence(r.up));
            CHECK((bmm::pence(5) / -2).round(r.mode) == bmm::pence(r.down));
        }
    }

    TEST_CASE("a product beyond 64 bits is still exact until it is rounded") {
        const gbp big = gbp::from_minor_units(max64);
        CHECK((big * bmm::ratio(2, 3)).round(rounding_mode::floor).in_minor_units() ==
              6148914691236517204);
        CHECK((big * bmm::ratio(3, 3)).round(rounding_mode::floor) == big);
        CHECK_THROWS_AS((void)(big * bmm::ratio(3, 2)).round(rounding_mode::floor),
                        bmm::overflow_error);
        CHECK_THROWS_AS((void)(big * bmm::ratio(1'000'000'000, 3)).in_minor_units(),
                        bmm::overflow_error);
    }

    TEST_CASE("dividing by zero is undefined and never infinity") {
        CHECK_THROWS_AS((void)(bmm::pence(5) / 0), bmm::undefined_error);
        CHECK_THROWS_AS((void)(bmm::pence(5) / bmm::ratio(0)), bmm::undefined_error);
        CHECK_THROWS_AS((void)(bmm::pence(5) / gbp{}), bmm::undefined_error);
        CHECK_FALSE(bmm::ratio_of(bmm::pence(5), gbp{}).has_value());
        CHECK(bmm::ratio_of(bmm::pence(5), bmm::pence(10)) == bmm::ratio(1, 2));
        // The one quotient of two amounts that does not fit an exact 64-bit ratio.
        CHECK_THROWS_AS((void)bmm::ratio_of(gbp::from_minor_units(min64), bmm::pence(-1)),
                        bmm::overflow_error);
    }

    TEST_CASE("an amount divided by an amount is an exact ratio") {
        // Seed 003 Table 11: directorate overspend 5.3 of 567.4 is 0.9% at 1 dp.
        const bmm::ratio r = gbp::from_millions("5.3") / gbp::from_millions("567.4");
        CHECK(r == bmm::ratio(53, 5674));
        CHECK(bmm::to_string(r.percent(1, rounding_mode::half_up)) == "0.9");
    }

    TEST_CASE("comparisons order amounts and compare with zero") {
        CHECK(bmm::pence(1) > bmm::zero);
        CHECK(bmm::pence(-1) < bmm::zero);
        CHECK(bmm::zero == gbp{});
        CHECK(bmm::zero < bmm::pence(1));
        CHECK(bmm::pence(2) >= bmm::pence(2));
        CHECK(bmm::pence(2) != bmm::pence(3));
        gbp z = bmm::zero;
        CHECK(z.is_zero());
        CHECK(bmm::pence(-3).sign() == -1);
        CHECK(bmm::pence(-3).is_negative());
    }

    TEST_CASE("to_string prints every minor digit and never a negative zero") {
        CHECK(bmm::to_string(bmm::pence(-7)) == "-0.07");
        CHECK(bmm::to_string(bmm::pence(0)) == "0.00");
        CHECK(bmm::to_string(-gbp{}) == "0.00");
        CHECK(bmm::to_string(bmm::pounds(1234)) == "1234.00");
        CHECK(bmm::to_string(gbp::from_minor_units(min64)) == "-92233720368547758.08");
        CHECK(bmm::to_string(bmm::jpy::parse("1500")) == "1500");
    }

    TEST_CASE("printing and parsing give back the same amount") {
        for (std::int64_t v : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{99},
                               std::int64_t{-100}, std::int64_t{123456789}, max64, min64}) {
            const gbp m = gbp::from_minor_units(v);
            CHECK(gbp::parse(bmm::to_string(m)) == m);
        }
    }

    TEST_CASE("whole major units and decimals convert exactly") {
        CHECK(bmm::usd::from_major_units(12).in_minor_units() == 1200);
        CHECK(bmm::jpy::from_major_units(12).in_minor_units() == 12);
        CHECK(gbp::from_decimal(bmm::decimal::parse("5.3"), 6) == gbp::from_millions("5.3"));
        CHECK(gbp::from_decimal(bmm::decimal::parse("-0.07")) == bmm::pence(-7));
        CHECK_THROWS_AS((void)gbp::from_decimal(bmm::decimal::parse("0.001")), bmm::inexact_error);
        CHECK(bmm::pence(-705).in_major_units() == bmm::decimal::from_units(-705, 2));
    }

    TEST_CASE("a currency without minor units reads no decimals") {
        CHECK(bmm::jpy::parse("1,500").in_minor_units() == 1500);
        CHECK_THROWS_AS((void)bmm::jpy::parse("1.5"), bmm::inexact_error);
        CHECK(bmm::jpy::parse("1.0").in_minor_units() == 1);
    }

    TEST_CASE("the largest amounts are exactly plus and minus (2^63 - 1) pence, and INT64_MIN") {
        const gbp top = gbp::from_minor_units(max64), bottom = gbp::from_minor_units(-max64);
        const gbp least = gbp::from_minor_units(min64);
        CHECK(gbp::parse("92233720368547758.07") == top);
        CHECK(gbp::parse("-92233720368547758.07") == bottom);
        CHECK(gbp::parse("-92233720368547758.08") == least);
        CHECK(bottom - bmm::pence(1) == least);
        CHECK_THROWS_AS((void)(bottom - bmm::pence(2)), bmm::overflow_error);
        CHECK_THROWS_AS((void)(least - bmm::pence(1)), bmm::overflow_error);
        CHECK(-bottom == top);
        CHECK(bmm::abs(bottom) == top);
        CHECK(top - top == bmm::zero);
        CHECK_THROWS_AS((void)(top - bottom), bmm::overflow_error);
        CHECK(top * -1 == bottom);
        CHECK(bmm::pence(1) * min64 == least);
        CHECK_THROWS_AS((void)(bmm::pence(-1) * min64), bmm::overflow_error);
        CHECK_THROWS_AS((void)(least * -1), bmm::overflow_error);
        CHECK(bmm::to_string(top) == "92233720368547758.07");
        CHECK(bmm::to_string(bottom) == "-92233720368547758.07");
        CHECK(bmm::jpy::parse("9223372036854775807").in_minor_units() == max64);
        CHECK(bmm::jpy::parse("-9223372036854775808").in_minor_units() == min64);
        CHECK_THROWS_AS((void)bmm::jpy::parse("9223372036854775808"), bmm::overflow_error);
    }

    TEST_CASE("a failed *= or -= leaves the amount unchanged") {
        gbp x = gbp::from_minor_units(max64);
        CHECK_THROWS_AS(x *= 2, bmm::overflow_error);
        CHECK(x == gbp::from_minor_units(max64));
        gbp y = gbp::from_minor_units(min64);
        CHECK_THROWS_AS(y -= bmm::pence(1), bmm::overflow_error);
        CHECK(y == gbp::from_minor_units(min64));
        CHECK_THROWS_AS(y *= -1, bmm::overflow_error);
        CHECK(y == gbp::from_minor_units(min64));
    }

    TEST_CASE("dividing the extreme amounts stays exact until the quotient is rounded") {
        const gbp top = gbp::from_minor_units(max64), least = gbp::from_minor_units(min64);
        CHECK_THROWS_AS((void)(top / bmm::ratio(1, 2)).round(rounding_mode::half_up),
                        bmm::overflow_error);
        CHECK((top / bmm::ratio(2)).round(rounding_mode::floor).in_minor_units() == max64 / 2);
        CHECK((top / bmm::ratio(-1)).round(rounding_mode::half_up) == -top);
        CHECK_THROWS_AS((void)(least / -1).round(rounding_mode::half_up), bmm::overflow_error);
        CHECK((least / -2).round(rounding_mode::half_up).in_minor_units() == -(min64 / 2));
        CHECK((least / min64).round(rounding_mode::half_up) == bmm::pence(1));
        CHECK((top / max64).is_exact());
        CHECK((least / bmm::ratio(min64)).round(rounding_mode::half_even) == bmm::pence(1));
        CHECK(top / top == bmm::ratio(1));
        CHECK(least / least == bmm::ratio(1));
        // The only quotients of two amounts without 64-bit lowest terms involve INT64_MIN pence:
        // an odd amount over it (the denominator would be 2^63), or it over a negative odd one.
        CHECK_THROWS_AS((void)bmm::ratio_of(top, least), bmm::overflow_error);
        CHECK_THROWS_AS((void)(bmm::pence(1) / least), bmm::overflow_error);
        CHECK_THROWS_AS((void)(least / bmm::pence(-3)), bmm::overflow_error);
        CHECK(bmm::pence(2) / least == bmm::ratio(-1, std::int64_t{1} << 62));
        CHECK(least / bmm::pence(-2) == bmm::ratio(std::int64_t{1} << 62));
        CHECK(least / bmm::pence(3) == bmm::ratio(min64, 3));
    }

    TEST_CASE("thousands and millions overflow exactly where the pence would not fit") {
        // 2^63 - 1 pence is £92,233,720,368,547.75807 thousand and £92,233,720,368.54775807 million.
        CHECK(gbp::from_thousands("92233720368547.75807") == gbp::from_minor_units(max64));
        CHECK_THROWS_WITH_AS((void)gbp::from_thousands("92233720368547.75808"),
                             doctest::Contains("\"92233720368547.75808\""), bmm::overflow_error);
        CHECK(gbp::from_millions("-92233720368.54775808") == gbp::from_minor_units(min64));
        CHECK_THROWS_AS((void)gbp::from_millions("-92233720368.54775809"), bmm::overflow_error);
        CHECK(gbp::from_millions("92233720368.547758075", rounding_mode::floor) ==
              gbp::from_minor_units(max64));
        CHECK_THROWS_AS((void)gbp::from_millions("92233720368.547758075", rounding_mode::ceiling),
                        bmm::overflow_error);
    }

    TEST_CASE("an exact decimal out of money's range is an overflow_error naming it") {
        CHECK_THROWS_WITH_AS((void)gbp::from_decimal(bmm::decimal::from_units(max64, 1)),
                             doctest::Contains("\"922337203685477580.7\""), bmm::overflow_error);
        CHECK_THROWS_WITH_AS((void)gbp::from_decimal(bmm::decimal::parse("100000000000"), 6),
                             doctest::Contains("\"100000000000\""), bmm::overflow_error);
        CHECK_THROWS_WITH_AS((void)gbp::from_decimal(bmm::decimal::parse("0.001")),
                             doctest::Contains("\"0.001\""), bmm::inexact_error);
        CHECK(gbp::from_decimal(bmm::decimal::from_units(max64, 2)) ==
              gbp::from_minor_units(max64));
        CHECK(gbp::from_decimal(bmm::decimal::from_units(min64, 2)) ==
              gbp::from_minor_units(min64));
        CHECK(gbp::from_decimal(bmm::decimal::from_units(max64, 18), 16) ==
              gbp::from_minor_units(max64));
    }

    TEST_CASE("a money overflow names its operands") {
        constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
        const gbp top = gbp::from_minor_units(max64);
        auto message = [](auto f) {
            try {
                f();
            } catch (const bmm::overflow_error& e) {
                return std::string(e.what());
            }
            return std::string("no overflow_error");
        };
        CHECK(message([&] { (void)(top + bmm::pence(1)); }) ==
              "bmm: adding GBP amounts overflows the 64-bit range of minor units: "
              "92233720368547758.07 + 0.01");
        CHECK(message([&] { (void)(-top - bmm::pence(2)); }) ==
              "bmm: subtracting GBP amounts overflows the 64-bit range of minor units: "
              "-92233720368547758.07 - 0.02");
        CHECK(message([&] { (void)(top * 2); }) ==
              "bmm: multiplying GBP amounts overflows the 64-bit range of minor units: "
              "92233720368547758.07 × 2");
        CHECK(message(
                  [] { (void)-gbp::from_minor_units(std::numeric_limits<std::int64_t>::min()); }) ==
              "bmm: negating GBP amounts overflows the 64-bit range of minor units: "
              "-92233720368547758.08");
        CHECK(message([] {
                  (void)gbp::from_major_units(max64);
              }).find("9223372036854775807 whole") != std::string::npos);
        CHECK(message([&] { (void)(top * bmm::ratio(3, 2)).round(rounding_mode::half_up); }) ==
              "bmm: a rounded GBP amount overflows the 64-bit range of minor units: "
              "27670116110564327421/2 minor units, rounded");
    }

    TEST_CASE(
        "an amount too long to be exact is an overflow or inexact error whatever its length") {
        // 20 to 36 digits and 37 or more give the same error: overflow for a whole part too big,
        // inexact for a fraction finer than a penny; trailing zeros are still exact.
        for (std::size_t n : {20u, 36u, 37u, 40u, 1000u}) {
            CAPTURE(n);
            CHECK_THROWS_AS((void)gbp::parse(std::string(n, '9')), bmm::overflow_error);
            CHECK_THROWS_AS((void)gbp::parse(std::string(n, '9'), rounding_mode::half_up),
                            bmm::overflow_error);
            CHECK_THROWS_AS((void)gbp::from_millions(std::string(n, '9')), bmm::overflow_error);
            CHECK_THROWS_AS((void)gbp::parse("0." + std::string(n, '0') + "1"), bmm::inexact_error);
            CHECK(gbp::parse("1." + std::string(n, '0')) == bmm::pounds(1));
            CHECK_FALSE(gbp::try_parse(std::string(n, '9')).has_value());
        }
        // Digits beyond the 36 kept still decide a rounding: the tie is broken by the final 1.
        const std::string just_above_half = "0.005" + std::string(40, '0') + "1";
        CHECK(gbp::parse(just_above_half, rounding_mode::half_down) == bmm::pence(1));
        CHECK(gbp::parse(just_above_half, rounding_mode::half_even) == bmm::pence(1));
        CHECK(gbp::parse("0.005" + std::string(40, '0'), rounding_mode::half_down) ==
              bmm::pence(0));
        CHECK(gbp::parse("-" + just_above_half, rounding_mode::half_up) == bmm::pence(-1));
        CHECK(gbp::parse("0.009" + std::string(40, '9'), rounding_mode::floor) == bmm::pence(0));
        CHECK(gbp::parse("0.009" + std::string(40, '9'), rounding_mode::ceiling) == bmm::pence(1));
    }
}

TEST_CASE("a scale out of range is an invalid_argument in every build mode, never undefined") {
    const bmm::decimal d = bmm::decimal::parse("5.3");
    CHECK_THROWS_AS((void)gbp::from_decimal(d, 19), bmm::invalid_argument);
    CHECK_THROWS_AS((void)gbp::from_decimal(d, -1), bmm::invalid_argument);
    CHECK(gbp::from_decimal(d, 6) == gbp::from_millions("5.3"));
}
