// Spec for bmm/audit/finding.hpp: the one findings vocabulary — verdicts by name, cells, findings
// and the collection every audit returns, with its counts of stored and counted verdicts.
#include <doctest/doctest.h>

#include <bmm/audit/finding.hpp>
//
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "support/findings.hpp"
#include "support/spec.hpp"

namespace {
constexpr bmm::verdict all_verdicts[] = {bmm::verdict::agrees,          bmm::verdict::rounding,
                                         bmm::verdict::sign_convention, bmm::verdict::error,
                                         bmm::verdict::follows,         bmm::verdict::undecided};
bmm::finding finding_of(bmm::verdict v, const char* row) {
    bmm::finding f;
    f.where.section = "Table 11";
    f.where.row = row;
    f.where.column = "variance_pct";
    f.rule = "variance_pct";
    f.printed = "-29.6";
    f.expected = "-26.6";
    f.verdict = v;
    return f;
}
}  // namespace

TEST_CASE("every verdict reads back from its name, and nothing else reads as a verdict") {
    for (bmm::verdict v : all_verdicts) {
        CHECK(bmm::parse_verdict(bmm::to_string(v)) == v);
        CHECK(bmm::try_parse_verdict(bmm::to_string(v)) == v);
    }
    CHECK(bmm::to_string(bmm::verdict::sign_convention) == "sign_convention");
    CHECK(bmm::parse_verdict(" Rounding ") == bmm::verdict::rounding);
    CHECK_FALSE(bmm::try_parse_verdict("sign").has_value());  // one spelling
    CHECK_FALSE(bmm::try_parse_verdict("").has_value());
    CHECK_THROWS_AS((void)bmm::parse_verdict("wrong"), bmm::parse_error);
    static_assert(bmm::try_parse_verdict("follows") == bmm::verdict::follows);
}

TEST_CASE("findings count every verdict, stored or only counted, and keep the stored in order") {
    bmm::findings r;
    CHECK(r.ok());
    CHECK(r.empty());
    CHECK(r.cells_checked() == 0);
    r.tally(bmm::verdict::agrees, 40);
    r.add(finding_of(bmm::verdict::error, "Contingency"));
    r.tally(bmm::verdict::rounding, 3);  // a huge table's rounding findings, counted only
    r.add(finding_of(bmm::verdict::sign_convention, "Interest on Balances"));
    CHECK(r.size() == 2);
    CHECK(r[0].where.row == "Contingency");
    CHECK(r[1].where.row == "Interest on Balances");
    CHECK(r.count(bmm::verdict::agrees) == 40);
    CHECK(r.count(bmm::verdict::rounding) == 3);
    CHECK(r.count(bmm::verdict::error) == 1);
    CHECK(r.errors() == 1);
    CHECK(r.cells_checked() == 45);
    CHECK_FALSE(r.ok());
    std::size_t seen = 0;
    for (const bmm::finding& f : r) seen += f.verdict == bmm::verdict::error;
    CHECK(seen == 1);
}

TEST_CASE(
    "a cell that only follows from an error is not ok either, and undecided is not an error") {
    bmm::findings follows;
    follows.add(finding_of(bmm::verdict::follows, "Directorate Total"));
    CHECK(follows.errors() == 0);
    CHECK_FALSE(follows.ok());
    bmm::findings undecided;
    undecided.add(finding_of(bmm::verdict::undecided, "OCC01.02"));
    undecided.add(finding_of(bmm::verdict::rounding, "OCC01.03"));
    CHECK(undecided.ok());
}

TEST_CASE("appending findings keeps both orders and adds both counts") {
    bmm::findings a, b;
    a.add(finding_of(bmm::verdict::error, "A"));
    a.tally(bmm::verdict::agrees, 2);
    b.add(finding_of(bmm::verdict::rounding, "B"));
    b.add(finding_of(bmm::verdict::error, "C"));
    b.tally(bmm::verdict::rounding, 5);
    a.append(b);
    REQUIRE(a.size() == 3);
    CHECK(a[0].where.row == "A");
    CHECK(a[2].where.row == "C");
    CHECK(a.errors() == 2);
    CHECK(a.count(bmm::verdict::rounding) == 6);
    CHECK(a.cells_checked() == 10);
    bmm::findings empty;
    empty.append(std::move(b));
    CHECK(empty.size() == 2);
    CHECK(empty.cells_checked() == 7);
}

TEST_CASE("taking the stored findings out keeps the counts") {
    bmm::findings r;
    r.add(finding_of(bmm::verdict::error, "A"));
    const std::vector<bmm::finding> out = r.take_stored();
    CHECK(out.size() == 1);
    CHECK(r.empty());
    CHECK(r.errors() == 1);
}

TEST_CASE("findings and cells are equal when every member is") {
    const bmm::finding f = finding_of(bmm::verdict::error, "Contingency");
    bmm::finding g = f;
    CHECK(f == g);
    g.where.source = bmm::source_position{"overall.csv", 13, std::nullopt};
    CHECK(f != g);
    g = f;
    g.fits = bmm::printed_interval::exactly(bmm::ratio(1));
    CHECK(f != g);
    g = f;
    g.likely_cause = "sign flipped";
    CHECK(f != g);
    g = f;
    g.follows_from.push_back(f.where);
    CHECK(f != g);
    g = f;
    g.alternatives.push_back({f.where});
    CHECK(f != g);
    bmm::findings a, b;
    a.add(f);
    b.add(f);
    CHECK(a == b);
    b.tally(bmm::verdict::agrees);
    CHECK(a != b);
}

TEST_CASE("a finding's localization fields start empty, for an audit that does not localize") {
    const bmm::finding f;
    CHECK(f.likely_cause.empty());
    CHECK(f.follows_from.empty());
    CHECK(f.alternatives.empty());
    CHECK_FALSE(f.fits.has_value());
    CHECK_FALSE(f.where.row_index.has_value());
    CHECK_FALSE(f.where.source.has_value());
    static_assert(std::is_nothrow_move_constructible_v<bmm::finding>);
    static_assert(std::is_nothrow_move_constructible_v<bmm::findings>);
}
