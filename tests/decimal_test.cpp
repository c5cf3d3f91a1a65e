// Spec: bmm/decimal.hpp — exact decimal numbers with the places they were printed with.
#include <doctest/doctest.h>

#include <bmm/decimal.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

#include "support/spec.hpp"

using bmm::decimal;
using bmm::rounding_mode;

static_assert(std::is_trivially_copyable_v<decimal>);
static_assert(!std::is_constructible_v<decimal, double>);
static_assert(!std::is_convertible_v<int, decimal>);
static_assert(!bmm_test::can_multiply<decimal, decimal>, "products go through bmm::ratio");
static_assert(decimal::from_units(9, 1) == decimal::from_units(90, 2));
static_assert(decimal::from_units(-7, 2) < bmm::zero);

TEST_SUITE("decimal") {
    TEST_CASE("a decimal keeps the places it was printed with") {
        const decimal d = decimal::parse("-0.07");
        CHECK(d.units() == -7);
        CHECK(d.places() == 2);
        CHECK(decimal::parse("93.50").places() == 2);
        CHECK(decimal::parse("1,234.5").units() == 12345);
        CHECK(decimal::parse("+2.4").units() == 24);
    }

    TEST_CASE("decimals with different places compare by value") {
        CHECK(decimal::parse("0.9") == decimal::parse("0.90"));
        CHECK(decimal::parse("0.9") < decimal::parse("0.91"));
        CHECK(decimal::parse("-0.1") < decimal::parse("0.0"));
        CHECK(decimal::parse("12") > decimal::parse("11.99999999999999999"));
        CHECK(decimal::parse("0.0") == bmm::zero);
    }

    TEST_CASE("adding and subtracting decimals is exact at the larger number of places") {
        const decimal s = decimal::parse("22.6") + decimal::parse("6.8") + decimal::parse("0.8");
        CHECK(s == decimal::parse("30.2"));
        CHECK(bmm::to_string(s) == "30.2");
        CHECK(bmm::to_string(decimal::parse("1.25") - decimal::parse("0.5")) == "0.75");
        CHECK(bmm::to_string(-decimal::parse("3.0")) == "-3.0");
    }

    TEST_CASE("a decimal never prints a negative zero") {
        CHECK(bmm::to_string(decimal::parse("-0.0")) == "0.0");
        CHECK(bmm::to_string(decimal::parse("-0.04").round(1, rounding_mode::half_up)) == "0.0");
        CHECK(bmm::to_string(decimal::parse("-0.05").round(1, rounding_mode::half_up)) == "-0.1");
        CHECK(bmm::to_string(decimal::from_units(5, 3)) == "0.005");
        CHECK(bmm::to_string(decimal::from_units(std::numeric_limits<std::int64_t>::min(), 0)) ==
              "-9223372036854775808");
    }

    TEST_CASE("rounding a decimal to fewer places uses the named mode and widening is exact") {
        CHECK(bmm::to_string(decimal::parse("2.45").round(1, rounding_mode::half_even)) == "2.4");
        CHECK(bmm::to_string(decimal::parse("2.45").round(1, rounding_mode::half_up)) == "2.5");
        CHECK(bmm::to_string(decimal::parse("2.4").round(3, rounding_mode::half_up)) == "2.400");
        CHECK_THROWS_AS(
            (void)decimal::parse("9223372036854775807").round(1, rounding_mode::half_up),
            bmm::overflow_error);
    }

    TEST_CASE("malformed decimal text is a parse_error naming the text") {
        for (const char* bad : {"", "1.", ".1", "1,2", "1e5", "--1", "0x10", "1 2"}) {
            CAPTURE(bad);
            const std::string quoted = '"' + std::string(bad) + '"';
            CHECK_THROWS_WITH_AS((void)decimal::parse(bad), doctest::Contains(quoted.c_str()),
                                 bmm::parse_error);
            CHECK_FALSE(decimal::try_parse(bad).has_value());
        }
    }

    TEST_CASE("a decimal beyond int64 or 18 places is an overflow_error naming the text") {
        CHECK_THROWS_WITH_AS((void)decimal::parse("9223372036854775808"),
                             doctest::Contains("9223372036854775808"), bmm::overflow_error);
        CHECK_THROWS_AS((void)decimal::parse("0.0000000000000000001"), bmm::overflow_error);
        CHECK(decimal::parse("-9223372036854775808").units() ==
              std::numeric_limits<std::int64_t>::min());
        CHECK_FALSE(decimal::try_parse("9223372036854775808").has_value());
        CHECK_THROWS_AS((void)(decimal::from_units(std::numeric_limits<std::int64_t>::max(), 0) +
                               decimal::from_units(1, 0)),
                        bmm::overflow_error);
        CHECK_THROWS_AS((void)-decimal::from_units(std::numeric_limits<std::int64_t>::min(), 0),
                        bmm::overflow_error);
    }

    TEST_CASE("subtraction and mixed places overflow at the int64 edges, never wrap") {
        const decimal top = decimal::from_units(std::numeric_limits<std::int64_t>::max(), 0);
        const decimal least = decimal::from_units(std::numeric_limits<std::int64_t>::min(), 0);
        CHECK_THROWS_AS((void)(least - decimal::from_units(1, 0)), bmm::overflow_error);
        CHECK_THROWS_AS((void)(top - decimal::from_units(-1, 0)), bmm::overflow_error);
        CHECK((top - top) == bmm::zero);
        CHECK((least - least) == bmm::zero);
        CHECK((least + top).units() == -1);
        CHECK((top - decimal::from_units(1, 0)).units() ==
              std::numeric_limits<std::int64_t>::max() - 1);
        // Widening to the larger places multiplies the coefficient: 2^63 - 1 at 1 dp does not fit.
        CHECK_THROWS_AS((void)(top + decimal::from_units(1, 1)), bmm::overflow_error);
        CHECK_THROWS_AS((void)(decimal::from_units(1, 18) - decimal::from_units(10, 0)),
                        bmm::overflow_error);
        CHECK((decimal::from_units(1, 18) - decimal::from_units(9, 0)).places() == 18);
        CHECK(-top == decimal::from_units(-std::numeric_limits<std::int64_t>::max(), 0));
        CHECK(bmm::to_string(-decimal::from_units(std::numeric_limits<std::int64_t>::max(), 18)) ==
              "-9.223372036854775807");
    }

    TEST_CASE("the extreme coefficients print and parse back") {
        for (std::int64_t u : {std::numeric_limits<std::int64_t>::max(),
                               std::numeric_limits<std::int64_t>::min(), std::int64_t{0}}) {
            for (int places : {0, 1, 18}) {
                const decimal d = decimal::from_units(u, places);
                CHECK(decimal::parse(bmm::to_string(d)) == d);
                CHECK(decimal::parse(bmm::to_string(d)).places() == places);
            }
        }
    }

    TEST_CASE("a leading zero group is not a thousands group, so 0,001 is refused, not read as 1") {
        // A European 0.001 read as one thousandth would be a thousand times too big.
        for (const char* text : {"0,001", "-0,001", "00,001", "0,001.5", "01,234"}) {
            CAPTURE(text);
            CHECK_THROWS_AS((void)decimal::parse(text), bmm::parse_error);
            CHECK_FALSE(decimal::try_parse(text).has_value());
        }
        CHECK(decimal::parse("1,001").units() == 1001);
        CHECK(decimal::parse("10,001").units() == 10001);
        CHECK(decimal::parse("0.001").units() == 1);
    }

    TEST_CASE("a number too long to be exact is an overflow_error whatever its length") {
        // 20 to 36 digits and 37 or more are the same error: a well-formed number too big.
        for (std::size_t n : {20u, 36u, 37u, 40u, 1000u}) {
            CAPTURE(n);
            CHECK_THROWS_AS((void)decimal::parse(std::string(n, '9')), bmm::overflow_error);
            CHECK_THROWS_AS((void)decimal::parse("0." + std::string(n, '1')), bmm::overflow_error);
            CHECK_THROWS_AS((void)decimal::parse("1." + std::string(n, '0')), bmm::overflow_error);
            CHECK_FALSE(decimal::try_parse(std::string(n, '9')).has_value());
        }
        // A malformed long number is still a parse_error.
        CHECK_THROWS_AS((void)decimal::parse(std::string(40, '9') + "x"), bmm::parse_error);
        CHECK_THROWS_AS((void)decimal::parse(std::string(40, '9') + "."), bmm::parse_error);
        // Leading zeros take no room: 40 of them before a digit are fine.
        CHECK(decimal::parse(std::string(40, '0') + "7").units() == 7);
    }

    TEST_CASE("a decimal overflow names its operands") {
        const decimal top = decimal::from_units(std::numeric_limits<std::int64_t>::max(), 0);
        auto message = [](auto f) {
            try {
                f();
            } catch (const bmm::overflow_error& e) {
                return std::string(e.what());
            }
            return std::string("no overflow_error");
        };
        CHECK(message([&] { (void)(top + decimal::parse("0.1")); }) ==
              "bmm: the decimal sum 9223372036854775807 + 0.1 does not fit an int64 coefficient "
              "at 1 places");
        CHECK(message([&] { (void)(-top - decimal::parse("2")); }) ==
              "bmm: the decimal difference -9223372036854775807 - 2 does not fit an int64 "
              "coefficient at 0 places");
        CHECK(message([&] { (void)top.round(1, rounding_mode::half_up); }) ==
              "bmm: the decimal 9223372036854775807 at 1 places does not fit an int64 coefficient");
        CHECK(message([] {
                  (void)-decimal::from_units(std::numeric_limits<std::int64_t>::min(), 2);
              }) ==
              "bmm: negating the decimal -92233720368547758.08 overflows (its coefficient "
              "is INT64_MIN)");
    }

    TEST_CASE("places out of range are an invalid_argument in every build mode, never undefined") {
        CHECK_THROWS_AS((void)decimal::from_units(1, 19), bmm::invalid_argument);
        CHECK_THROWS_AS((void)decimal::from_units(1, -1), bmm::invalid_argument);
        CHECK_THROWS_AS((void)decimal::parse("1.5").round(19, rounding_mode::half_up),
                        bmm::invalid_argument);
        CHECK_THROWS_AS((void)decimal::parse("1.5").round(-1, rounding_mode::half_up),
                        bmm::invalid_argument);
        CHECK(decimal::from_units(1, 18).places() == 18);
    }
}
