// Spec: bmm/allocate.hpp — splitting an amount so that no penny is created or lost.
#include <doctest/doctest.h>

#include <bmm/allocate.hpp>
#include <bmm/sum.hpp>
#include <cstdint>
#include <random>
#include <vector>

#include "support/spec.hpp"

using bmm::allocation_policy;
using bmm::gbp;

namespace {
std::vector<std::int64_t> pennies(const bmm::allocation<bmm::currency::gbp>& a) {
    std::vector<std::int64_t> out;
    for (gbp p : a.parts) out.push_back(p.in_minor_units());
    return out;
}
using v64 = std::vector<std::int64_t>;
}  // namespace

TEST_SUITE("allocate") {
    TEST_CASE("an amount split in equal parts loses no penny and the first parts get the extra") {
        const auto a = bmm::allocate(gbp::parse("100.00"), 3);
        CHECK(pennies(a) == v64{3334, 3333, 3333});
        CHECK(a.remainder == bmm::zero);
        CHECK(pennies(bmm::allocate(gbp::parse("100.00"), std::size_t{3})) == pennies(a));
        CHECK(bmm::sum(a.parts) == gbp::parse("100.00"));
    }

    TEST_CASE("the largest remainders get the leftover pennies") {
        // 10p by 1:2:3: exact shares 1.67, 3.33, 5.00 -> floors 1, 3, 5 and one penny left,
        // which goes to the largest remainder (0.67).
        const auto a = bmm::allocate(bmm::pence(10), {1, 2, 3});
        CHECK(pennies(a) == v64{2, 3, 5});
    }

    TEST_CASE("ties between equal remainders go to the earlier part") {
        const auto a = bmm::allocate(bmm::pence(2), {1, 1, 1, 1});
        CHECK(pennies(a) == v64{1, 1, 0, 0});
        const auto b = bmm::allocate(bmm::pence(1), {5, 5});
        CHECK(pennies(b) == v64{1, 0});
    }

    TEST_CASE("first_parts gives the leftover pennies in order whatever the remainders") {
        const auto a = bmm::allocate(bmm::pence(10), {1, 2, 3}, allocation_policy::first_parts);
        CHECK(pennies(a) == v64{2, 3, 5});
        const auto b = bmm::allocate(bmm::pence(10), {3, 2, 1}, allocation_policy::first_parts);
        CHECK(pennies(b) == v64{6, 3, 1});  // floors 5, 3, 1: the first part gets the penny
        const auto c = bmm::allocate(bmm::pence(10), {3, 2, 1});
        CHECK(pennies(c) == v64{5, 3, 2});  // largest remainder: 1.67 -> the last part
    }

    TEST_CASE("remainder_separately returns the leftover pennies instead of giving them away") {
        const auto a = bmm::allocate(bmm::pence(5), 3, allocation_policy::remainder_separately);
        CHECK(pennies(a) == v64{1, 1, 1});
        CHECK(a.remainder == bmm::pence(2));
    }

    TEST_CASE("a negative amount is split as its magnitude with every part negated") {
        CHECK(pennies(bmm::allocate(bmm::pence(-10), 3)) == v64{-4, -3, -3});
        const auto a = bmm::allocate(bmm::pence(-5), 3, allocation_policy::remainder_separately);
        CHECK(pennies(a) == v64{-1, -1, -1});
        CHECK(a.remainder == bmm::pence(-2));
    }

    TEST_CASE("a part with zero weight gets exactly zero and never a leftover penny") {
        CHECK(pennies(bmm::allocate(bmm::pence(7), {0, 1, 0, 1})) == v64{0, 4, 0, 3});
        CHECK(pennies(bmm::allocate(bmm::pence(7), {0, 1, 0, 1}, allocation_policy::first_parts)) ==
              v64{0, 4, 0, 3});
    }

    TEST_CASE("weights that cannot share an amount are an invalid_argument") {
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(7), std::vector<std::int64_t>{}),
                        bmm::invalid_argument);
        CHECK_THROWS_WITH_AS((void)bmm::allocate(bmm::pence(7), {1, -1}),
                             doctest::Contains("weight 2 is negative"), bmm::invalid_argument);
        CHECK_THROWS_WITH_AS((void)bmm::allocate(bmm::pence(7), {0, 0}),
                             doctest::Contains("every weight is zero"), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(7), 0), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(7), -2), bmm::invalid_argument);
        const std::int64_t big = INT64_MAX;
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(7), {big, big}), bmm::overflow_error);
    }

    TEST_CASE("amounts can be allocated in proportion to other amounts") {
        // Shares of a £1.0m saving in proportion to three directorate budgets (seed 003 Table 11).
        const std::vector<gbp> budgets{gbp::from_millions("226.9"), gbp::from_millions("169.3"),
                                       gbp::from_millions("74.5")};
        const auto a = bmm::allocate(gbp::from_millions("1.0"), budgets);
        CHECK(bmm::sum(a.parts) == gbp::from_millions("1.0"));
        CHECK(a.parts[0] == gbp::parse("482048.01"));  // 1,000,000 x 226.9 / 470.7 = 482,048.0136
    }

    TEST_CASE("the extreme amounts split exactly") {
        const gbp top = gbp::from_minor_units(INT64_MAX);
        const gbp bottom = gbp::from_minor_units(INT64_MIN);
        CHECK(bmm::sum(bmm::allocate(top, 7).parts) == top);
        CHECK(bmm::sum(bmm::allocate(bottom, 7).parts) == bottom);
        CHECK(bmm::sum(bmm::allocate(bottom, {INT64_MAX - 1, 1}).parts) == bottom);
    }

    SCENARIO("Homes for Ukraine: the admin cap shared equally among the five districts") {
        GIVEN(
            "the Admin/Discretionary element of seed 003 Annex B-6, initially capped at 500k "
            "each") {
            const gbp envelope = gbp::parse("2,500,000");
            WHEN("it is allocated equally to City, CDC, SODC, VOWH and WODC") {
                const auto a = bmm::allocate(envelope, 5);
                THEN("each gets 500,000 and nothing is left") {
                    for (gbp p : a.parts) CHECK(p == gbp::parse("500,000"));
                    CHECK(bmm::sum(a.parts) == envelope);
                }
            }
        }
    }

    TEST_CASE("the parts always add up to the whole for every policy (property)") {
        std::mt19937_64 rng(20230531);
        std::uniform_int_distribution<std::int64_t> amount(-1'000'000'000'000, 1'000'000'000'000);
        std::uniform_int_distribution<int> count(1, 12);
        std::uniform_int_distribution<std::int64_t> weight(0, 1000);
        std::bernoulli_distribution zero(0.2);
        for (int trial = 0; trial < 3000; ++trial) {
            const gbp whole = bmm::pence(amount(rng));
            std::vector<std::int64_t> w(static_cast<std::size_t>(count(rng)));
            for (auto& x : w) x = zero(rng) ? 0 : weight(rng);
            w.back() += 1;  // at least one positive weight
            for (auto policy :
                 {allocation_policy::largest_remainder, allocation_policy::first_parts,
                  allocation_policy::remainder_separately}) {
                const auto a = bmm::allocate(whole, w, policy);
                REQUIRE(a.parts.size() == w.size());
                CHECK(bmm::sum(a.parts) + a.remainder == whole);
                for (std::size_t i = 0; i < w.size(); ++i) {
                    if (w[i] == 0) CHECK(a.parts[i] == bmm::zero);
                    // every part is within a penny of its exact share, on the amount's side
                    CHECK(a.parts[i].sign() * whole.sign() >= 0);
                }
                if (policy != allocation_policy::remainder_separately)
                    CHECK(a.remainder == bmm::zero);
            }
        }
    }

    TEST_CASE(
        "more equal parts than max_allocation_parts is an invalid_argument naming the count") {
        // Not std::bad_alloc or std::length_error: the count is checked before any allocation.
        CHECK_THROWS_WITH_AS((void)bmm::allocate(bmm::pence(7), bmm::max_allocation_parts + 1),
                             doctest::Contains("100000001"), bmm::invalid_argument);
        CHECK_THROWS_WITH_AS((void)bmm::allocate(bmm::pence(7), INT64_MAX),
                             doctest::Contains("9223372036854775807"), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(7), UINT64_MAX), bmm::invalid_argument);
        CHECK_THROWS_WITH_AS((void)bmm::allocate(bmm::pence(7), -2), doctest::Contains("-2"),
                             bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(7), INT64_MIN), bmm::invalid_argument);
        try {
            (void)bmm::allocate(bmm::pence(7), std::int64_t{0});
            FAIL("no error");
        } catch (const bmm::invalid_argument& e) {
            CHECK(e.input() == "0");
        }
    }

    TEST_CASE("equal parts are the parts of equal weights for every policy (property)") {
        std::mt19937_64 rng(42);
        std::uniform_int_distribution<std::int64_t> amount(INT64_MIN, INT64_MAX);
        std::uniform_int_distribution<int> count(1, 40);
        for (int trial = 0; trial < 2000; ++trial) {
            const gbp whole = bmm::pence(trial % 3 == 0 ? amount(rng) % 1000 : amount(rng));
            const int n = count(rng);
            for (auto policy :
                 {allocation_policy::largest_remainder, allocation_policy::first_parts,
                  allocation_policy::remainder_separately}) {
                const auto a = bmm::allocate(whole, n, policy);
                const auto b = bmm::allocate(
                    whole, std::vector<std::int64_t>(static_cast<std::size_t>(n), 1), policy);
                CHECK(pennies(a) == pennies(b));
                CHECK(a.remainder == b.remainder);
            }
        }
        CHECK(bmm::allocate(gbp::from_minor_units(INT64_MIN), 2).parts[0].in_minor_units() ==
              INT64_MIN / 2);
        CHECK(bmm::allocate(gbp::from_minor_units(INT64_MAX), 1).parts[0].in_minor_units() ==
              INT64_MAX);
    }

    TEST_CASE("weights that do not fit or are negative amounts are typed errors") {
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(7), std::vector<std::uint64_t>{UINT64_MAX}),
                        bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(7),
                                            std::vector<std::uint64_t>{1, std::uint64_t{1} << 63}),
                        bmm::overflow_error);
        CHECK(pennies(bmm::allocate(bmm::pence(7), std::vector<std::uint64_t>{
                                                       std::uint64_t{INT64_MAX}, 0})) == v64{7, 0});
        CHECK_THROWS_WITH_AS(
            (void)bmm::allocate(bmm::pence(7), std::vector<gbp>{bmm::pence(5), bmm::pence(-1)}),
            doctest::Contains("weight 2 is negative"), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(7), std::vector<gbp>{gbp{}, gbp{}}),
                        bmm::invalid_argument);
        CHECK_THROWS_AS(
            (void)bmm::allocate(bmm::pence(7),
                                std::vector<gbp>{gbp::from_minor_units(INT64_MAX), bmm::pence(1)}),
            bmm::overflow_error);
    }
}
