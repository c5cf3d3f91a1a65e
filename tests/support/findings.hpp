// Test support for specs of audits: the verdict of a one-cell audit, and verdicts printed by
// name in failed checks.
//
//   CHECK(bmm_test::only_verdict(bmm::audit_sum(d("4.3"), parts, mode)) == bmm::verdict::rounding);
#pragma once

#include <doctest/doctest.h>

#include <bmm/audit/finding.hpp>
#include <cstdint>
#include <string>

namespace bmm_test {

/// Returns: the verdict of an audit of one cell (stored, or counted only). Fails the test when
/// the audit checked more or fewer cells than one.
inline bmm::verdict only_verdict(const bmm::findings& f) {
    REQUIRE(f.cells_checked() == 1);
    if (!f.empty()) return f[0].verdict;
    for (std::uint8_t i = 0; i < 6; ++i) {
        if (f.count(static_cast<bmm::verdict>(i)) == 1) return static_cast<bmm::verdict>(i);
    }
    return bmm::verdict::undecided;  // not reached: one cell has one verdict
}

}  // namespace bmm_test

namespace doctest {
template <>
struct StringMaker<bmm::verdict> {
    static String convert(bmm::verdict v) { return std::string(bmm::to_string(v)).c_str(); }
};
}  // namespace doctest
