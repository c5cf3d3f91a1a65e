// Spec for bmm/audit/derived.hpp: the verdict on one printed figure derived from others.
#include <doctest/doctest.h>

#include <bmm/audit/derived.hpp>
//
#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
using bmm::printed_interval;
using bmm::rounding_mode;
}  // namespace

TEST_CASE("a derived figure agrees, is a rounding effect, or is an error, as its intervals allow") {
    const auto a = printed_interval::of(d("1.2"), rounding_mode::half_up);
    const bmm::ratio exact = bmm::ratio(12, 5);  // 1.2 + 1.2
    CHECK(bmm::verdict_of(d("2.4"), exact, a + a, rounding_mode::half_up) == bmm::verdict::agrees);
    CHECK(bmm::verdict_of(d("2.5"), exact, a + a, rounding_mode::half_up) ==
          bmm::verdict::rounding);  // 1.24 + 1.24 = 2.48
    CHECK(bmm::verdict_of(d("2.6"), exact, a + a, rounding_mode::half_up) ==
          bmm::verdict::error);  // below 2.5 whatever they are
    const bmm::findings f =
        bmm::audit_derived(d("2.6"), exact, a + a, rounding_mode::half_up, "sum");
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == "sum");
    CHECK(f[0].expected == "2.4");
    CHECK(f[0].fits == a + a);
}
