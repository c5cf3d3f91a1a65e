// Spec for bmm/audit/share.hpp: a printed percentage share against its printed part and whole.
#include <doctest/doctest.h>

#include <bmm/audit/share.hpp>
//
#include <cstdint>
#include <optional>
#include <vector>

#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
using bmm::printed_interval;
using bmm::rounding_mode;
}  // namespace

TEST_CASE("a printed share is checked against the intervals of its rounding mode") {
    // 13.8 / 28.2 = 48.94%: truncated it prints 48; 49 is reachable ([13.8, 13.9) / [28.2, 28.3)
    // reaches 49.29%), 50 is not.
    CHECK(bmm_test::only_verdict(bmm::audit_share(d("48"), d("13.8"), d("28.2"),
                                                  rounding_mode::floor)) == bmm::verdict::agrees);
    CHECK(bmm_test::only_verdict(bmm::audit_share(d("49"), d("13.8"), d("28.2"),
                                                  rounding_mode::floor)) == bmm::verdict::rounding);
    CHECK(bmm_test::only_verdict(bmm::audit_share(d("50"), d("13.8"), d("28.2"),
                                                  rounding_mode::floor)) == bmm::verdict::error);
    // Half up, 50% is an error (seed 003 ¶77) and 49% is the share.
    CHECK(bmm_test::only_verdict(bmm::audit_share(
              d("50"), d("13.8"), d("28.2"), bmm::rounding_mode::half_up)) == bmm::verdict::error);
    CHECK(bmm_test::only_verdict(bmm::audit_share(
              d("49"), d("13.8"), d("28.2"), bmm::rounding_mode::half_up)) == bmm::verdict::agrees);
    // A whole printed as zero has no share; one that may be as small as we like allows any.
    CHECK(bmm_test::only_verdict(bmm::audit_share(
              d("0"), d("0.0"), d("0.0"), bmm::rounding_mode::half_up)) == bmm::verdict::agrees);
    CHECK(bmm_test::only_verdict(bmm::audit_share(
              d("40"), d("0.1"), d("0.0"), bmm::rounding_mode::half_up)) == bmm::verdict::rounding);
    CHECK(bmm_test::only_verdict(
              bmm::audit_share(d("4000"), d("0.1"), d("0.1"), rounding_mode::ceiling)) ==
          bmm::verdict::rounding);  // (0, 0.1] reaches zero
}

TEST_CASE("seed 003 para 77: 50% of savings on track is an error, with 48.7% to 49.2% fitting") {
    const bmm::findings f = bmm::audit_share(d("50"), d("13.8"), d("28.2"), rounding_mode::half_up);
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == "share");
    CHECK(f[0].printed == "50");
    CHECK(f[0].expected == "49");
    REQUIRE(f[0].fits.has_value());
    CHECK(f[0].fits->lo.round(1, rounding_mode::half_up) == d("48.7"));
    CHECK(f[0].fits->hi.round(1, rounding_mode::half_up) == d("49.2"));
    // Where any share is possible, the finding says why and names no interval.
    const bmm::findings any = bmm::audit_share(d("40"), d("0.1"), d("0.0"), rounding_mode::half_up);
    REQUIRE(any.size() == 1);
    CHECK_FALSE(any[0].fits.has_value());
    CHECK(any[0].explanation.find("zero") != std::string::npos);
}
