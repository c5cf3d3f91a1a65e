// Spec: bmm/bmm.hpp (the umbrella), bmm/fwd.hpp, bmm/version.hpp, bmm/zero.hpp, bmm/config.hpp.
#include <doctest/doctest.h>

#include <bmm/bmm.hpp>
#include <bmm/fwd.hpp>  // first: the forward declarations must agree with the definitions
#include <type_traits>
#include <vector>

#include "support/spec.hpp"

static_assert(BMM_VERSION ==
              BMM_VERSION_NUMBER(BMM_VERSION_MAJOR, BMM_VERSION_MINOR, BMM_VERSION_PATCH));
static_assert(BMM_VERSION_NUMBER(0, 1, 0) == 100);
static_assert(BMM_VERSION_NUMBER(1, 0, 0) > BMM_VERSION_NUMBER(0, 99, 99));
static_assert(std::is_same_v<bmm::gbp, bmm::money<bmm::currency::gbp>>);
static_assert(std::is_same_v<bmm::fiscal_year<>, bmm::fiscal_year<4>>);

TEST_SUITE("bmm") {
    TEST_CASE("a broken precondition throws in every build mode, and asan-ndebug has NDEBUG") {
        // The asan-ndebug configuration (BMM_TEST_NDEBUG) builds every spec with assert() gone,
        // under the sanitizers, so that a precondition that relied on it would show as UB there.
#ifdef NDEBUG
        constexpr bool ndebug = true;
#else
        constexpr bool ndebug = false;
#endif
#ifdef BMM_TEST_NDEBUG
        CHECK(ndebug);
#else
        (void)ndebug;
#endif
        CHECK_THROWS_AS((void)bmm::ratio(1, 3).percent(40, bmm::rounding_mode::half_up),
                        bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::decimal::from_units(1, 19), bmm::invalid_argument);
    }

    TEST_CASE("the umbrella header gives money periods sums and allocation together") {
        const auto fy = bmm::fiscal_year<>::parse("2023/24");
        const std::vector<bmm::gbp> parts{bmm::gbp::from_millions("22.6"),
                                          bmm::gbp::from_millions("6.8"),
                                          bmm::gbp::from_millions("0.8")};
        CHECK(bmm::sum(parts) == bmm::gbp::from_millions("30.2"));
        CHECK(bmm::sum(bmm::allocate(bmm::sum(parts), 12).parts) == bmm::sum(parts));
        CHECK(fy.last_day() == date::year{2024} / date::March / 31);
    }

    TEST_CASE("zero converts to every quantity and compares with each") {
        bmm::gbp m = bmm::zero;
        bmm::ratio r = bmm::zero;
        bmm::decimal d = bmm::zero;
        CHECK(m == bmm::zero);
        CHECK(r == bmm::zero);
        CHECK(d == bmm::zero);
        CHECK(bmm::pence(1) > bmm::zero);
        CHECK(bmm::ratio(-1, 2) < bmm::zero);
        CHECK(bmm::zero == bmm::zero);
    }
}

// Boost's cpp_int (the long-horizon rationals of bmm/exact.hpp and bmm/mtfs.hpp) is opt-in: the
// umbrella does not bring it (only the fallback without __int128 needs Boost's int128_t, which
// lives in the same header).
#if BMM_DETAIL_NATIVE_INT128
#ifdef BOOST_MP_CPP_INT_HPP
#error "bmm/bmm.hpp includes boost/multiprecision/cpp_int.hpp: it must stay opt-in"
#endif
TEST_CASE("the umbrella header does not include Boost's cpp_int or the opt-in MTFS headers") {
    CHECK(true);  // the check is the #error above, at compile time
}
#endif
