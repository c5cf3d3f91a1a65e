// Spec: bmm/ratio.hpp — exact fractions for rates, variance % and % of target.
#include <doctest/doctest.h>

#include <bmm/ratio.hpp>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <type_traits>

#include "support/spec.hpp"

using bmm::ratio;
using bmm::rounding_mode;

static_assert(sizeof(ratio) == 16);
static_assert(std::is_trivially_copyable_v<ratio>);
static_assert(!std::is_convertible_v<int, ratio>, "a whole number becomes a ratio explicitly");
static_assert(!std::is_convertible_v<ratio, double>);
static_assert(!std::is_constructible_v<ratio, double>);
static_assert(!bmm_test::can_add<ratio, double>);
static_assert(ratio(1, 3) + ratio(1, 6) == ratio(1, 2));
static_assert(ratio(2, 4).numerator() == 1 && ratio(2, 4).denominator() == 2);
static_assert(ratio(1, -2) == -ratio(1, 2));
static_assert(ratio(1, 3) < ratio(1, 2));

TEST_SUITE("ratio") {
    TEST_CASE("a ratio is kept in lowest terms with a positive denominator") {
        CHECK(ratio(6, -4).numerator() == -3);
        CHECK(ratio(6, -4).denominator() == 2);
        CHECK(ratio(0, -5) == ratio{});
        CHECK(ratio(0, -5).denominator() == 1);
    }

    TEST_CASE("a zero denominator is undefined and never infinity") {
        CHECK_THROWS_AS((void)ratio(1, 0), bmm::undefined_error);
        CHECK_FALSE(ratio::try_make(1, 0).has_value());
        CHECK(ratio::try_make(1, 2) == ratio(1, 2));
        CHECK_FALSE(ratio::try_divide(ratio(1, 2), ratio{}).has_value());
        CHECK_THROWS_AS((void)(ratio(1, 2) / ratio{}), bmm::undefined_error);
        CHECK(ratio::try_divide(ratio(1, 2), ratio(1, 4)) == ratio(2));
    }

    TEST_CASE("rates are read as reports and people write them") {
        CHECK(ratio::parse("0.025") == ratio(1, 40));
        CHECK(ratio::parse("2.5%") == ratio(1, 40));
        CHECK(ratio::parse(" 12.5 % ") == ratio(1, 8));
        CHECK(ratio::parse("1/12") == ratio(1, 12));
        CHECK(ratio::parse("-3") == ratio(-3));
        CHECK(ratio::parse("1,000/3") == ratio(1000, 3));
        CHECK(ratio::parse("0.5/0.25") == ratio(2));
        CHECK(ratio::parse("-1/-2") == ratio(1, 2));
        CHECK(ratio::parse("100%") == ratio(1));
        CHECK(ratio::from_percent("2.5") == ratio(1, 40));
        CHECK(ratio::from_percent("-29.6") == ratio(-296, 1000));
    }

    TEST_CASE("malformed ratio text is a parse_error naming the text") {
        for (const char* bad : {"", "%", "1/", "/2", "1//2", "1/x", "abc", "2.5%%", ".5", "1/0"}) {
            CAPTURE(bad);
            const std::string quoted = '"' + std::string(bad) + '"';
            CHECK_THROWS_WITH_AS((void)ratio::parse(bad), doctest::Contains(quoted.c_str()),
                                 bmm::parse_error);
            CHECK_FALSE(ratio::try_parse(bad).has_value());
        }
        CHECK_THROWS_WITH_AS((void)ratio::parse("1/0"), doctest::Contains("undefined"),
                             bmm::parse_error);
        CHECK_THROWS_AS((void)ratio::from_percent("2.5%"), bmm::parse_error);
    }

    TEST_CASE("a ratio whose lowest terms do not fit 64 bits is an overflow_error") {
        CHECK_THROWS_AS((void)ratio::parse("0.0000000000000000000000000001"), bmm::overflow_error);
        CHECK_THROWS_AS((void)ratio::parse("99999999999999999999"), bmm::overflow_error);
        const ratio big(std::numeric_limits<std::int64_t>::max());
        CHECK_THROWS_AS((void)(big + big), bmm::overflow_error);
        CHECK_THROWS_AS((void)(big * big), bmm::overflow_error);
        CHECK_THROWS_AS((void)ratio(std::numeric_limits<std::int64_t>::min(), -1),
                        bmm::overflow_error);
        // But an intermediate beyond 64 bits that reduces is fine.
        CHECK(ratio(big.numerator(), 3) * ratio(3, big.numerator()) == ratio(1));
    }

    TEST_CASE("arithmetic on ratios is exact") {
        CHECK(ratio(1, 3) * 3 == ratio(1));
        CHECK(ratio(1, 10) + ratio(2, 10) == ratio(3, 10));
        CHECK(ratio(1, 2) - ratio(3, 4) == ratio(-1, 4));
        CHECK(ratio(2, 3) / ratio(4, 9) == ratio(3, 2));
        ratio r(1, 12);
        r *= ratio(12);
        CHECK(r == ratio(1));
        r += ratio(1, 2);
        r -= ratio(3, 2);
        CHECK(r == bmm::zero);
        CHECK(ratio(-3, 4).sign() == -1);
    }

    TEST_CASE("comparison is exact even for nearly equal ratios") {
        const std::int64_t big = 3'037'000'499;  // products of these exceed 2^63
        CHECK(ratio(big, big + 1) < ratio(big + 1, big + 2));
        CHECK(ratio(big + 1, big + 2) > ratio(big, big + 1));
        CHECK(ratio(-1, 3) < ratio(-1, 4));
        CHECK(ratio(1, 3) <= ratio(2, 6));
        CHECK(ratio(1, 3) >= ratio(2, 6));
        CHECK(ratio(1, 3) != ratio(1, 4));
        CHECK(ratio(1, 3) > bmm::zero);
    }

    TEST_CASE("a ratio becomes a decimal only through a named rounding") {
        CHECK(bmm::to_string(ratio(1, 12).percent(1, rounding_mode::half_even)) == "8.3");
        CHECK(bmm::to_string(ratio(2, 3).round(2, rounding_mode::toward_zero)) == "0.66");
        CHECK(bmm::to_string(ratio(2, 3).round(2, rounding_mode::half_up)) == "0.67");
        CHECK(bmm::to_string(ratio(-1, 8).round(2, rounding_mode::half_even)) == "-0.12");
        CHECK(bmm::to_string(ratio(-1, 8).round(2, rounding_mode::half_up)) == "-0.13");
        CHECK(bmm::to_string(ratio(-1, 8).round(2, rounding_mode::floor)) == "-0.13");
        CHECK(bmm::to_string(ratio(-1, 8).round(2, rounding_mode::ceiling)) == "-0.12");
        CHECK(bmm::to_string(ratio(1, 2).round(0, rounding_mode::half_even)) == "0");
        CHECK(bmm::to_string(ratio(-1, 1000).percent(1, rounding_mode::half_up)) == "-0.1");
        CHECK(bmm::to_string(ratio(-1, 10000).percent(1, rounding_mode::half_up)) == "0.0");
    }

    SCENARIO("May 2023 Table 11: variance percentages computed from their figures") {
        GIVEN("Children's Services: budget 169.3 forecast 172.4 (seed 003 Table 11)") {
            const ratio v = (ratio::parse("172.4") - ratio::parse("169.3")) / ratio::parse("169.3");
            THEN("the variance is 1.8% at one decimal place as printed") {
                CHECK(bmm::to_string(v.percent(1, rounding_mode::half_up)) == "1.8");
            }
        }
        GIVEN("Contingency: budget 12.4 forecast 9.1") {
            const ratio v = (ratio::parse("9.1") - ratio::parse("12.4")) / ratio::parse("12.4");
            THEN("the exact figures give -26.6% although the report prints -29.6%") {
                CHECK(bmm::to_string(v.percent(1, rounding_mode::half_up)) == "-26.6");
            }
        }
    }

    TEST_CASE("to_string and parse round-trip every ratio") {
        std::mt19937_64 rng(12);
        std::uniform_int_distribution<std::int64_t> num(-1'000'000'000'000, 1'000'000'000'000);
        std::uniform_int_distribution<std::int64_t> den(1, 1'000'000'000'000);
        for (int i = 0; i < 2000; ++i) {
            const ratio r(num(rng), den(rng));
            CHECK(ratio::parse(bmm::to_string(r)) == r);
        }
        CHECK(bmm::to_string(ratio(1, 12)) == "1/12");
        CHECK(bmm::to_string(ratio(-3)) == "-3");
    }

    TEST_CASE("decimals convert to their exact ratio") {
        CHECK(ratio::from_decimal(bmm::decimal::parse("0.90")) == ratio(9, 10));
        CHECK(ratio::from_decimal(bmm::decimal::parse("-29.6")) == ratio(-148, 5));
    }

    TEST_CASE("every ratio operation overflows with a typed error at the int64 edges") {
        const std::int64_t max = std::numeric_limits<std::int64_t>::max();
        const std::int64_t min = std::numeric_limits<std::int64_t>::min();
        CHECK_THROWS_AS((void)ratio::try_make(min, -1), bmm::overflow_error);
        CHECK(ratio::try_make(min, 1) == ratio(min));
        CHECK_THROWS_AS((void)-ratio(min), bmm::overflow_error);
        CHECK(-ratio(max) == ratio(-max));
        CHECK_THROWS_AS((void)(ratio(min) - ratio(1)), bmm::overflow_error);
        CHECK_THROWS_AS((void)(ratio(max) - ratio(-1)), bmm::overflow_error);
        CHECK(ratio(min) - ratio(min) == bmm::zero);
        CHECK_THROWS_AS((void)(ratio(min) * std::int64_t{-1}), bmm::overflow_error);
        CHECK_THROWS_AS((void)(std::int64_t{2} * ratio(max)), bmm::overflow_error);
        CHECK(ratio(1, max) * max == ratio(1));
        CHECK_THROWS_AS((void)(ratio(max) / ratio(1, 2)), bmm::overflow_error);
        CHECK_THROWS_AS((void)ratio::try_divide(ratio(max), ratio(1, 2)), bmm::overflow_error);
        CHECK_THROWS_AS((void)(ratio(1) / ratio(min)), bmm::overflow_error);  // -1/2^63
        CHECK(ratio(min) / ratio(min) == ratio(1));
        CHECK(ratio(1, max) / ratio(1, max) == ratio(1));
        CHECK_THROWS_AS((void)ratio(max).round(1, rounding_mode::half_up), bmm::overflow_error);
        CHECK(ratio(max).round(0, rounding_mode::half_up).units() == max);
        CHECK_THROWS_AS((void)ratio(max).percent(0, rounding_mode::half_up), bmm::overflow_error);
        CHECK_THROWS_AS((void)ratio(min).percent(0, rounding_mode::floor), bmm::overflow_error);
        CHECK(ratio(1, max).round(18, rounding_mode::toward_zero).units() == 0);
        CHECK(ratio(1, max).round(18, rounding_mode::ceiling).units() == 1);
        ratio r(max);
        CHECK_THROWS_AS(r += ratio(1), bmm::overflow_error);
        CHECK(r == ratio(max));  // unchanged
    }

    TEST_CASE("a percentage too fine or too large for a ratio is an overflow_error naming it") {
        CHECK_THROWS_WITH_AS((void)ratio::from_percent(" 99999999999999999999 "),
                             doctest::Contains("\" 99999999999999999999 \""), bmm::overflow_error);
        CHECK_THROWS_AS((void)ratio::from_percent("0.000000000000000000001"), bmm::overflow_error);
        CHECK(ratio::from_percent("922337203685477580700") ==
              ratio(std::numeric_limits<std::int64_t>::max()));
        CHECK(ratio::from_percent("0.0000000000000001") == ratio(1, 1'000'000'000'000'000'000));
        CHECK(ratio::from_percent("-0") == bmm::zero);
        CHECK(ratio::from_percent(" 150 ") == ratio(3, 2));
    }

    TEST_CASE("a ratio too long to be exact is an overflow_error whatever its length") {
        for (std::size_t n : {20u, 36u, 37u, 40u, 1000u}) {
            CAPTURE(n);
            CHECK_THROWS_AS((void)ratio::parse(std::string(n, '9')), bmm::overflow_error);
            CHECK_THROWS_AS((void)ratio::parse("1/" + std::string(n, '7')), bmm::overflow_error);
            CHECK_THROWS_AS((void)ratio::parse("0." + std::string(n, '0') + "3"),
                            bmm::overflow_error);
            CHECK_THROWS_AS((void)ratio::from_percent(std::string(n, '9')), bmm::overflow_error);
            CHECK_THROWS_AS((void)ratio::from_percent("0." + std::string(n, '0') + "3"),
                            bmm::overflow_error);
            CHECK_FALSE(ratio::try_parse(std::string(n, '9')).has_value());
        }
        // A malformed part is a parse_error even beside a long one.
        CHECK_THROWS_AS((void)ratio::parse(std::string(40, '9') + "/x"), bmm::parse_error);
        CHECK_THROWS_AS((void)ratio::parse("x/" + std::string(40, '9')), bmm::parse_error);
        // A zero denominator is the documented parse_error, however long the numerator.
        CHECK_THROWS_AS((void)ratio::parse(std::string(40, '9') + "/0"), bmm::parse_error);
    }

    TEST_CASE("a ratio overflow names its operands and the exact result") {
        constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
        CHECK_THROWS_WITH_AS((void)(ratio(max, 2) + ratio(1, 3)),
                             "bmm: 9223372036854775807/2 + 1/3 = 27670116110564327423/6 does not "
                             "fit a 64-bit numerator and denominator",
                             bmm::overflow_error);
        CHECK_THROWS_WITH_AS((void)(ratio(max) / ratio(1, 3)),
                             "bmm: 9223372036854775807 ÷ 1/3 = 27670116110564327421 does not fit "
                             "a 64-bit numerator and denominator",
                             bmm::overflow_error);
        CHECK_THROWS_WITH_AS((void)-ratio(std::numeric_limits<std::int64_t>::min()),
                             "bmm: -(-9223372036854775808) = 9223372036854775808 does not fit a "
                             "64-bit numerator and denominator",
                             bmm::overflow_error);
        CHECK_THROWS_WITH_AS((void)(ratio(max) * 3), doctest::Contains("9223372036854775807 × 3 ="),
                             bmm::overflow_error);
        CHECK_THROWS_WITH_AS((void)ratio(max).percent(2, rounding_mode::half_up),
                             "bmm: 100 × 9223372036854775807 rounded to 2 places does not fit a "
                             "decimal (an int64 coefficient)",
                             bmm::overflow_error);
        CHECK_THROWS_WITH_AS((void)ratio(max).round(1, rounding_mode::half_up),
                             doctest::Contains("9223372036854775807 rounded to 1 places"),
                             bmm::overflow_error);
    }

    TEST_CASE("from_percent is parse with a percent sign wherever it reads (property)") {
        std::mt19937_64 rng(6);
        std::uniform_int_distribution<std::int64_t> units(-1'000'000'000'000, 1'000'000'000'000);
        std::uniform_int_distribution<int> places(0, 12);
        for (int i = 0; i < 2000; ++i) {
            const std::string text =
                bmm::to_string(bmm::decimal::from_units(units(rng), places(rng)));
            CHECK(ratio::from_percent(text) == ratio::parse(text + "%"));
        }
    }

    TEST_CASE("places out of range are an invalid_argument in every build mode, never undefined") {
        // Under NDEBUG an assert() would vanish and percent(40) compute 10^42 in 128 bits.
        CHECK_THROWS_AS((void)ratio(1, 3).percent(40, rounding_mode::half_up),
                        bmm::invalid_argument);
        CHECK_THROWS_AS((void)ratio(1, 3).percent(17, rounding_mode::half_up),
                        bmm::invalid_argument);
        CHECK_THROWS_AS((void)ratio(1, 3).percent(-1, rounding_mode::half_up),
                        bmm::invalid_argument);
        CHECK_THROWS_AS((void)ratio(1, 3).round(19, rounding_mode::half_up), bmm::invalid_argument);
        CHECK_THROWS_AS((void)ratio(1, 3).round(-1, rounding_mode::half_up), bmm::invalid_argument);
        CHECK_THROWS_WITH_AS((void)ratio(1, 3).percent(40, rounding_mode::half_up),
                             "bmm: ratio::percent: places must be 0 to 16, not 40",
                             bmm::invalid_argument);
        CHECK(ratio(1, 3).percent(16, rounding_mode::half_up).places() == 16);
        CHECK(ratio(1, 3).round(18, rounding_mode::half_up).places() == 18);
        // A zero denominator given to the 128-bit factory is undefined, not a ratio over 0.
        CHECK_THROWS_AS((void)bmm::detail::ratio_access::from128(1, 0), bmm::undefined_error);
    }
}
