// Spec for bmm/audit/status.hpp: a printed status against the rating its figures give.
#include <doctest/doctest.h>

#include <bmm/audit/status.hpp>
//
#include <string>

#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
}  // namespace

TEST_CASE("OCC05.03 printed Green: its 46.50 against 48.40 is Amber, an error") {
    const auto policy =
        bmm::rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(3, 40)));
    bmm::cell_ref where;
    where.row = "OCC05.03";
    where.column = "status";
    const bmm::findings f =
        bmm::audit_status(bmm::rag::green, d("46.50"), bmm::target::parse("48.40"), policy, where);
    REQUIRE(f.size() == 1);
    CHECK(f[0].where == where);
    CHECK(f[0].rule == "rating");
    CHECK(f[0].printed == "Green");
    CHECK(f[0].expected == "Amber");
    CHECK(f[0].verdict == bmm::verdict::error);
    CHECK(f[0].explanation == "46.50 against 48.40, higher is better");
    CHECK(bmm_test::only_verdict(bmm::audit_status(bmm::rag::amber, d("46.50"),
                                                   bmm::target::parse("48.40"), policy)) ==
          bmm::verdict::agrees);
}
