// Spec for bmm/audit/savings.hpp: the audit of printed savings paragraphs and tables — seed 003
// ¶75-88 checked figure by figure.
#include <doctest/doctest.h>

#include <bmm/audit/savings.hpp>
//
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
std::optional<bmm::decimal> none() { return std::nullopt; }
constexpr bmm::rounding_mode half_up = bmm::rounding_mode::half_up;
}  // namespace

TEST_CASE("¶77 audited: £13.8m (50%) of £28.2m is an error, but the amounts add to the total") {
    const bmm::printed_savings_split p77{"seed 003 ¶77",
                                         d("28.2"),
                                         {{"delivered or expected", d("13.8"), d("50")},
                                          {"amber", d("11.3"), none()},
                                          {"red", d("3.1"), none()}}};
    const auto audit = bmm::audit_savings_split(p77, half_up);
    CHECK(audit.cells_checked() == 2);  // the 50% and the amounts' sum
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].where.row_index == 0u);
    CHECK(audit[0].where.column == "percent");
    CHECK(audit[0].printed == "50");
    CHECK(audit[0].expected == "49");  // at the printed places; 48.9 at 1 dp
    CHECK(audit[0].verdict == bmm::verdict::error);
    CHECK((bmm::ratio::from_decimal(d("13.8")) / bmm::ratio::from_decimal(d("28.2")))
              .percent(1, bmm::rounding_mode::half_up) == d("48.9"));
    // Printed as it should have been, the paragraph passes.
    auto right = p77;
    right.parts[0].percent = d("48.9");
    CHECK(bmm::audit_savings_split(right, half_up).stored().empty());
    // A wrong amount is found through the total: 13.8 + 11.3 + 3.9 is not 28.2.
    auto wrong = p77;
    wrong.parts[2].amount = d("3.9");
    const auto sum = bmm::audit_savings_split(wrong, half_up);
    REQUIRE(sum.size() == 2);
    CHECK_FALSE(sum[1].where.row_index.has_value());
    CHECK(sum[1].where.column == "amount");
    CHECK(sum[1].expected == "29.0");
    CHECK(sum[1].verdict == bmm::verdict::error);
}

TEST_CASE("¶78 and ¶79: 35% + 19% + 46% of £18.1m, the 46% being ¶79's £8.3m") {
    // Adult Services: delivered and expected are printed only as %s; ¶79 says the savings at
    // risk "account for £8.3m", which is 45.9% of 18.1: printed 46%.
    const bmm::printed_savings_split adults{"seed 003 ¶78-79",
                                            d("18.1"),
                                            {{"delivered", none(), d("35")},
                                             {"expected", none(), d("19")},
                                             {"at risk", d("8.3"), d("46")}}};
    const auto audit = bmm::audit_savings_split(adults, half_up);
    CHECK(audit.cells_checked() == 2);  // the 46% against 8.3 / 18.1, and 35 + 19 + 46 = 100
    CHECK(audit.empty());
    auto off = adults;
    off.parts[2].percent = d("48");  // 8.3 / 18.1 can reach at most 8.35 / 18.05 = 46.3%
    const auto wrong = bmm::audit_savings_split(off, half_up);
    REQUIRE(wrong.size() == 2);
    CHECK(wrong[0].where.row_index == 2u);
    CHECK(wrong[0].expected == "46");
    CHECK(wrong[0].verdict == bmm::verdict::error);
    CHECK_FALSE(wrong[1].where.row_index.has_value());
    CHECK(wrong[1].printed == "102");
    CHECK(wrong[1].verdict == bmm::verdict::error);  // 35 + 19 + 48 can't be 100
}

TEST_CASE(
    "¶82: 51% delivered is the £3.4m less £0.9m and £0.8m, a rounding effect, and so is 23%") {
    const bmm::printed_savings_split children{
        "seed 003 ¶82",
        d("3.4"),
        {{"delivered", none(), d("51")}, {"amber", d("0.9"), d("26")}, {"red", d("0.8"), d("23")}}};
    const auto audit = bmm::audit_savings_split(children, half_up);
    CHECK(audit.cells_checked() == 4);  // three %s and their sum
    REQUIRE(audit.size() == 2);
    CHECK(audit[0].where.row_index == 0u);
    CHECK(audit[0].expected == "50");  // (3.4 - 0.9 - 0.8) / 3.4 = 50% exactly
    CHECK(audit[0].verdict == bmm::verdict::rounding);
    CHECK(audit[1].where.row_index == 2u);
    CHECK(audit[1].expected == "24");  // 0.8 / 3.4 = 23.5%
    CHECK(audit[1].verdict == bmm::verdict::rounding);
    // The derived part's range accounts for the total being shared: 100 - 1.6..1.8 / 3.35..3.45
    // is 46.3%..53.6%, so 54% is a rounding effect (53.5 is in reach) and 55% an error.
    auto far = children;
    far.parts[0].percent = d("54");
    CHECK(bmm::audit_savings_split(far, half_up).stored().at(0).verdict == bmm::verdict::rounding);
    far.parts[0].percent = d("55");
    far.parts[2].percent = d("19");  // keep the %s adding to 100
    const auto wrong = bmm::audit_savings_split(far, half_up);
    REQUIRE(wrong.size() == 2);
    CHECK(wrong[0].verdict == bmm::verdict::error);
    CHECK(wrong[1].verdict == bmm::verdict::error);  // 0.8 of 3.4 is 21.7%..25.4%
}

TEST_CASE("¶83: £1.0m (72%) and £0.4m (28%) of £1.4m are rounding effects of their amounts") {
    // 1.0 / 1.4 = 71.4% and 0.4 / 1.4 = 28.6%: the printed 72 / 28 follow from amounts of
    // e.g. 1.01 and 0.39 — inside the printed intervals.
    const bmm::printed_savings_split ep{
        "seed 003 ¶83", d("1.4"), {{"expected", d("1.0"), d("72")}, {"red", d("0.4"), d("28")}}};
    const auto audit = bmm::audit_savings_split(ep, half_up);
    CHECK(audit.cells_checked() == 4);  // two %s, the amounts' sum, the %s' sum
    REQUIRE(audit.size() == 2);
    CHECK(audit[0].expected == "71");
    CHECK(audit[0].verdict == bmm::verdict::rounding);
    CHECK(audit[1].expected == "29");
    CHECK(audit[1].verdict == bmm::verdict::rounding);
    CHECK(audit.errors() == 0);
}

TEST_CASE("an incomplete split (¶86, ¶87: the rest is not printed) has nothing to add up") {
    // ¶86: Community Safety's £0.1m amber of its £0.2m; ¶87: Resources £1.2m expected, £1.9m
    // amber of £5.1m; the red is not printed, so the amounts need not add to 5.1.
    const bmm::printed_savings_split resources{
        "seed 003 ¶87",
        d("5.1"),
        {{"expected", d("1.2"), none()}, {"amber", d("1.9"), none()}},
        false};
    const auto audit = bmm::audit_savings_split(resources, half_up);
    CHECK(audit.cells_checked() == 0);
    CHECK(audit.empty());
    // Marked complete, the same figures are an error: 1.2 + 1.9 is not 5.1.
    auto complete = resources;
    complete.complete = true;
    CHECK(bmm::audit_savings_split(complete, half_up).errors() == 1);
}

TEST_CASE("the ¶77 savings table: planned + carried forward = total on every row and column") {
    const std::vector<bmm::printed_savings_row> rows{
        {"Adult Services", d("-18.1"), d("-4.0"), d("-22.1")},
        {"Children's Services", d("-3.4"), d("-1.9"), d("-5.3")},
        {"Environment & Place", d("-1.4"), d("-2.3"), d("-3.7")},
        {"Community Safety", d("-0.2"), d("0.0"), d("-0.2")},
        {"Resources & Cross Directorate", d("-5.1"), d("-2.0"), d("-7.1")}};
    const bmm::printed_savings_row total{"TOTAL", d("-28.2"), d("-10.2"), d("-38.4")};
    const auto audit = bmm::audit_savings_table(rows, total, half_up);
    CHECK(audit.cells_checked() == 9);  // 5 rows + 3 columns + the TOTAL row itself
    CHECK(audit.empty());
    // A changed figure is reported where it breaks a sum: its row's total and its column's.
    auto changed = rows;
    changed[1].carried_forward = d("-1.6");
    const auto wrong = bmm::audit_savings_table(changed, total, half_up);
    REQUIRE(wrong.size() == 2);
    CHECK(wrong[0].where.row_index == 1u);
    CHECK(wrong[0].where.column == "total");
    CHECK(wrong[0].expected == "-5.0");
    CHECK(wrong[1].where.row_index == rows.size());
    CHECK(wrong[1].where.column == "carried_forward");
    CHECK(wrong[1].expected == "-9.9");
    CHECK(wrong.errors() == 2);
}

TEST_CASE("property: an exact split printed by any rounding mode is never called an error") {
    constexpr bmm::rounding_mode modes[] = {
        bmm::rounding_mode::half_up,        bmm::rounding_mode::half_down,
        bmm::rounding_mode::half_even,      bmm::rounding_mode::toward_zero,
        bmm::rounding_mode::away_from_zero, bmm::rounding_mode::floor,
        bmm::rounding_mode::ceiling};
    std::mt19937_64 gen(77);
    std::uniform_int_distribution<std::int64_t> pence(1, 3'000'000'000);  // up to £30m
    std::uniform_int_distribution<int> count(1, 5);
    std::bernoulli_distribution coin(0.3);
    int errors = 0;
    for (int trial = 0; trial < 35'000; ++trial) {
        const bmm::rounding_mode mode = modes[trial % 7];
        const auto unit = bmm::ratio(1, 100'000'000);  // pence -> £m
        const int n = count(gen);
        std::vector<std::int64_t> parts;
        std::int64_t whole = 0;
        for (int i = 0; i < n; ++i) {
            parts.push_back(trial % 5 == 0 ? pence(gen) % 100'000 : pence(gen));
            whole += parts.back();
        }
        bmm::printed_savings_split split{"random", (bmm::ratio(whole) * unit).round(1, mode), {}};
        const int unprinted = coin(gen) ? static_cast<int>(gen() % static_cast<unsigned>(n)) : -1;
        for (int i = 0; i < n; ++i) {
            bmm::printed_savings_part p;
            const std::int64_t amount = parts[static_cast<std::size_t>(i)];
            if (i != unprinted) p.amount = (bmm::ratio(amount) * unit).round(1, mode);
            p.percent = bmm::ratio(amount, whole).percent(trial % 2 == 0 ? 0 : 1, mode);
            split.parts.push_back(p);
        }
        errors += static_cast<int>(bmm::audit_savings_split(split, mode).errors());
    }
    CHECK(errors == 0);
}

TEST_CASE(
    "savings figures are added up exactly: top, 1p, -1p total top, with no overflow on the way") {
    // Found in review: the split's amounts and %s and the table's columns were added in order
    // with checked +, so a total that fits threw when a running sum did not (top = 2^63 - 1
    // units of a printed figure).
    const bmm::decimal big = bmm::decimal::from_units(INT64_MAX, 2);
    const bmm::decimal p1 = d("0.01");
    // A split whose amounts are top, 1p and -1p of the total top: they add up.
    const bmm::printed_savings_split amounts{
        "top", big, {{"a", big, none()}, {"b", p1, none()}, {"c", -p1, none()}}};
    const auto by_amount = bmm::audit_savings_split(amounts, half_up);
    CHECK(by_amount.empty());
    CHECK(by_amount.cells_checked() == 1);
    // %s whose running sum overflows a decimal on the way to exactly 100.
    const bmm::printed_savings_split percents{
        "%",
        d("1.0"),
        {{"a", none(), big}, {"b", none(), p1}, {"c", none(), d("-92233720368547658.08")}}};
    const auto by_percent = bmm::audit_savings_split(percents, half_up);
    CHECK(by_percent.empty());
    CHECK(by_percent.cells_checked() == 1);
    // A table whose planned column is top, 1p, -1p under a TOTAL row of top.
    const std::vector<bmm::printed_savings_row> rows{
        {"A", big, d("0.00"), big}, {"B", p1, d("0.00"), p1}, {"C", -p1, d("0.00"), -p1}};
    const auto table = bmm::audit_savings_table(rows, {"TOTAL", big, d("0.00"), big}, half_up);
    CHECK(table.empty());
    CHECK(table.cells_checked() == 3 + 4);
    // A wrong TOTAL is still found, from intervals summed exactly: planned 4·10^16 × 3 -
    // 4·10^16 × 2 (4·10^18 units: a running sum beyond int64, a total within 2^62).
    const bmm::decimal four = d("40000000000000000.00"), zero2 = d("0.00");
    std::vector<bmm::printed_savings_row> big_rows;
    for (const bmm::decimal& x : {four, four, four, -four, -four}) {
        big_rows.push_back({"X", x, zero2, x});
    }
    CHECK(
        bmm::audit_savings_table(big_rows, {"TOTAL", four, zero2, four}, half_up).stored().empty());
    const bmm::decimal less = d("39999999999999999.00");  // £1 short
    const auto wrong = bmm::audit_savings_table(big_rows, {"TOTAL", four, zero2, less}, half_up);
    CHECK(wrong.errors() == 2);  // its total column, and its own planned + carried forward
}
