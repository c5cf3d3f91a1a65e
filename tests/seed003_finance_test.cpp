// Seed 003 (Oxfordshire County Council, Business Management & Monitoring Report, May 2023),
// Annex B: the directorate tables, the children-we-care-for counts and the highway defects table,
// each checked total by total with the printed-interval rule (figures printed half-up).
#include <doctest/doctest.h>

#include <bmm/finding.hpp>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {

bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
using bmm_test::ds;

struct column_check {
    const char* table;
    std::vector<bmm::decimal> lines;
    const char* printed_total;
    std::optional<bmm::finding_class> expected;
};

}  // namespace

TEST_CASE("every directorate table's columns add to their printed totals, except Public Health") {
    const std::vector<column_check> checks{
        {"Adult Services budget", ds({"23.8", "5.1", "1.4", "1.0", "195.6"}), "226.9", {}},
        {"Adult Services variance", ds({"0.0", "0.0", "0.0", "0.0", "0.0"}), "0.0", {}},
        {"Children's Services budget", ds({"40.8", "37.7", "85.8", "0.2", "4.8"}), "169.3", {}},
        // 1.8 + 1.2 = 3.0 printed 3.1: a rounding effect (e.g. 1.84 + 1.24 = 3.08).
        {"Children's Services variance", ds({"0.0", "1.8", "1.2", "0.0", "0.0"}), "3.1",
         bmm::finding_class::rounding},
        {"Environment & Place budget", ds({"2.4", "37.1", "34.1", "0.9"}), "74.5", {}},
        {"Environment & Place variance", ds({"0.0", "0.0", "0.6", "0.0"}), "0.6", {}},
        // 35.6 + 0.6 - 0.7 - 33.6 + 0.0 = 1.9, printed 2.2: no rounding reaches it.
        {"Public Health budget", ds({"35.6", "0.6", "-0.7", "-33.6", "0.0"}), "2.2",
         bmm::finding_class::error},
        {"Public Health & Community Safety budget", ds({"2.2", "24.8"}), "27.0", {}},
        {"Resources budget",
         ds({"3.0", "3.0", "3.1", "10.4", "11.9", "8.6", "19.1", "7.7", "2.9"}),
         "69.7",
         {}},
        {"Resources variance",
         ds({"0.0", "0.6", "0.0", "0.3", "0.2", "0.1", "0.2", "0.2", "0.0"}),
         "1.6",
         {}},
    };
    for (const auto& c : checks) {
        CAPTURE(c.table);
        CHECK(bmm::audit_sum(c.lines, d(c.printed_total)) == c.expected);
    }
}

TEST_CASE("children we care for: subtotals and totals add up in every month") {
    // Seed 003 ¶44 table: Mainstream + Disabled Children = Subtotal; + Unaccompanied = Total.
    const char* mainstream[] = {"757", "778", "755", "752", "735", "719", "722", "704"};
    const char* disabled[] = {"61", "61", "62", "57", "57", "59", "57", "57"};
    const char* subtotal[] = {"818", "839", "817", "809", "792", "778", "779", "761"};
    const char* unaccompanied[] = {"66", "69", "73", "115", "105", "104", "104", "102"};
    const char* total[] = {"884", "908", "890", "924", "897", "882", "883", "863"};
    for (int i = 0; i < 8; ++i) {
        CAPTURE(i);
        CHECK(bmm::audit_sum({d(mainstream[i]), d(disabled[i])}, d(subtotal[i])) == std::nullopt);
        CHECK(bmm::audit_sum({d(subtotal[i]), d(unaccompanied[i])}, d(total[i])) == std::nullopt);
    }
}

TEST_CASE("highway defects: totals add up and each % change follows from its counts") {
    // Seed 003 ¶52 table: April, May, June, Total; 2022/23, 2023/24, % increase/decrease.
    CHECK(bmm::audit_sum(ds({"3320", "2927", "2212"}), d("8459")) == std::nullopt);
    CHECK(bmm::audit_sum(ds({"4143", "4944", "1474"}), d("10561")) == std::nullopt);
    struct row {
        const char* before;
        const char* after;
        const char* printed;
    };
    const row rows[] = {{"3320", "4143", "25"},
                        {"2927", "4944", "69"},
                        {"2212", "1474", "-33"},
                        {"8459", "10561", "25"}};
    for (const row& r : rows) {
        CAPTURE(r.printed);
        // % change = (after − before) ÷ before: the change is a share of the earlier count.
        const auto change = d(r.after) - d(r.before);
        CHECK(bmm::audit_share(change, d(r.before), d(r.printed)) == std::nullopt);
    }
}
