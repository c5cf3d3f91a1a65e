// Spec: bmm/effective.hpp — a value that changes from a fiscal month on, never re-dating earlier
// months.
#include <doctest/doctest.h>

#include <bmm/effective.hpp>
#include <map>
#include <optional>
#include <random>
#include <string>

#include "support/spec.hpp"

namespace {
const bmm::fiscal_year<> fy{2023};
bmm::fiscal_month<> month(int k) {  // k = 0 is M1 2023/24, -1 M12 2022/23
    const int years = k >= 0 ? k / 12 : -((11 - k) / 12);
    return (fy + date::years{years}).month(static_cast<unsigned>(k - 12 * years + 1));
}
}  // namespace

TEST_CASE("a value set from a month is in force from it, and nothing before the first") {
    bmm::effective_dated<std::string> owner(month(0), "Ansaf Azhar");
    owner.set(month(6), "Claire Taylor");
    CHECK(owner.at(month(5)) == "Ansaf Azhar");
    CHECK(owner.at(month(6)) == "Claire Taylor");
    CHECK(owner.effective_from(month(20)) == month(6));
    CHECK(owner.find(month(-1)) == nullptr);
    CHECK_THROWS_AS((void)owner.at(month(-1)), bmm::invalid_argument);
}

TEST_CASE(
    "property: at(m) is the value set for the latest month up to m, whatever the order of the "
    "sets, and a later set never changes an earlier month (2,000 histories)") {
    std::mt19937_64 gen(9);
    std::uniform_int_distribution<int> months(-6, 40), sets(0, 8);
    for (int trial = 0; trial < 2'000; ++trial) {
        bmm::effective_dated<int> e;
        std::map<int, int> reference;  // month index -> value, the last set for it
        for (int k = sets(gen); k > 0; --k) {
            const int m = months(gen), v = static_cast<int>(gen() % 1000);
            // Everything before m is as it was.
            std::map<int, std::optional<int>> before;
            for (int q = -8; q < m; ++q) {
                const int* p = e.find(month(q));
                before[q] = p == nullptr ? std::nullopt : std::optional<int>(*p);
            }
            e.set(month(m), v);
            reference[m] = v;
            for (const auto& [q, was] : before) {
                const int* p = e.find(month(q));
                CHECK((p == nullptr ? std::nullopt : std::optional<int>(*p)) == was);
            }
        }
        CHECK(e.size() == reference.size());
        for (int q = -8; q <= 44; ++q) {
            auto it = reference.upper_bound(q);
            const int* p = e.find(month(q));
            CAPTURE(trial);
            CAPTURE(q);
            if (it == reference.begin()) {
                CHECK(p == nullptr);
                CHECK_FALSE(e.effective_from(month(q)).has_value());
            } else {
                --it;
                REQUIRE(p != nullptr);
                CHECK(*p == it->second);
                CHECK(e.at(month(q)) == it->second);
                CHECK(e.effective_from(month(q)) == month(it->first));
            }
        }
    }
}
