// Spec for bmm/savings.hpp: savings by status and directorate, shares that add to 100, the
// achievement KPI rated against its target, and the audit of printed savings paragraphs and
// tables — seed 003 ¶75-88 checked figure by figure.
#include <doctest/doctest.h>

#include <bmm/savings.hpp>
// (the header under test comes first)
#include <bmm/rag.hpp>
#include <bmm/target.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "support/spec.hpp"

namespace {
using bmm::gbp;
using item = bmm::saving<bmm::currency::gbp>;
gbp m(const char* s) { return gbp::from_millions(s); }
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
const bmm::fiscal_year<> fy2023{2023};
using part = bmm::printed_savings_part;
std::optional<bmm::decimal> none() { return std::nullopt; }

/// Seed 003 ¶77: of £28.2m planned for 2023/24, £13.8m delivered or expected, £11.3m amber,
/// £3.1m red (the split of the 13.8 between delivered and expected is not printed).
std::vector<item> paragraph77() {
    return {
        {"All", "delivered or expected", m("13.8"), fy2023, false, bmm::savings_status::expected},
        {"All", "amber", m("11.3"), fy2023, false, bmm::savings_status::amber},
        {"All", "red", m("3.1"), fy2023, false, bmm::savings_status::red}};
}
}  // namespace

TEST_CASE("¶77: £13.8m of £28.2m is 48.9% achieved, not the 50% printed") {
    const auto s = bmm::summarize(paragraph77());
    CHECK(s.total() == m("28.2"));
    CHECK(s.on_track() == m("13.8"));
    CHECK(bmm::achievement(s)->percent(1, bmm::rounding_mode::half_up) == d("48.9"));
    // No rounding of 13.8 and 28.2 (each ±0.05) reaches 49.5%: the printed 50% is an error.
    CHECK(bmm::audit_share(d("13.8"), d("28.2"), d("50")) == bmm::finding_class::error);
    CHECK_FALSE(bmm::audit_share(d("13.8"), d("28.2"), d("49")).has_value());
}

TEST_CASE("shares per status add to exactly 100") {
    const auto shares = bmm::summarize(paragraph77()).shares(1);
    CHECK(shares[1] == d("48.9"));  // expected (incl. delivered)
    CHECK(shares[2] == d("40.1"));
    CHECK(shares[3] == d("11.0"));
    CHECK(shares[0] + shares[1] + shares[2] + shares[3] == d("100.0"));
    CHECK_THROWS_AS((void)bmm::savings_summary<bmm::currency::gbp>{}.shares(),
                    bmm::undefined_error);
}

TEST_CASE("the savings table: planned plus carried forward gives each directorate's total") {
    // Seed 003 ¶77 table (printed negative as reductions; held here as positive savings).
    struct row {
        const char* directorate;
        const char* planned;
        const char* carried;
        const char* total;
    };
    const row table[] = {{"Adult Services", "18.1", "4.0", "22.1"},
                         {"Children's Services", "3.4", "1.9", "5.3"},
                         {"Environment & Place", "1.4", "2.3", "3.7"},
                         {"Community Safety", "0.2", "0.0", "0.2"},
                         {"Resources & Cross Directorate", "5.1", "2.0", "7.1"}};
    std::vector<item> items;
    for (const row& r : table) {
        items.push_back({r.directorate, "2023/24 planned", m(r.planned), fy2023, false,
                         bmm::savings_status::expected});
        items.push_back({r.directorate, "2022/23 not achieved", m(r.carried), fy2023.prev(), true,
                         bmm::savings_status::expected});
    }
    const auto per = bmm::by_directorate(items);
    for (const row& r : table) {
        CAPTURE(r.directorate);
        CHECK(per.at(r.directorate).total() == m(r.total));
    }
    CHECK(bmm::summarize(items, fy2023).total() == m("28.2"));
    CHECK(bmm::summarize(items, fy2023.prev()).total() == m("10.2"));
    CHECK(bmm::summarize(items).total() == m("38.4"));
    CHECK(per.begin()->first == "Adult Services");
}

TEST_CASE(
    "a negative saving is an invalid_argument naming it, and no savings have no achievement") {
    const std::vector<item> bad{
        {"Resources", "agency staff", m("-1.5"), fy2023, false, bmm::savings_status::amber}};
    try {
        (void)bmm::summarize(bad);
        FAIL("no error");
    } catch (const bmm::invalid_argument& e) {
        CHECK(e.input() == "agency staff");
    }
    CHECK_FALSE(bmm::achievement(bmm::savings_summary<bmm::currency::gbp>{}).has_value());
    CHECK(bmm::to_string(bmm::savings_status::amber) == "amber");
}

TEST_CASE("¶77 audited: £13.8m (50%) of £28.2m is an error, but the amounts add to the total") {
    const bmm::printed_savings_split p77{"seed 003 ¶77",
                                         d("28.2"),
                                         {{"delivered or expected", d("13.8"), d("50")},
                                          {"amber", d("11.3"), none()},
                                          {"red", d("3.1"), none()}}};
    const auto audit = bmm::audit_savings_split(p77);
    CHECK(audit.cells_checked == 2);  // the 50% and the amounts' sum
    REQUIRE(audit.findings.size() == 1);
    CHECK(audit.findings[0].row == 0);
    CHECK(audit.findings[0].column == bmm::savings_column::percent);
    CHECK(audit.findings[0].published == d("50"));
    CHECK(audit.findings[0].computed == d("49"));  // at the printed places; 48.9 at 1 dp
    CHECK(audit.findings[0].what == bmm::finding_class::error);
    CHECK((bmm::ratio::from_decimal(d("13.8")) / bmm::ratio::from_decimal(d("28.2")))
              .percent(1, bmm::rounding_mode::half_up) == d("48.9"));
    // Printed as it should have been, the paragraph passes.
    auto right = p77;
    right.parts[0].percent = d("48.9");
    CHECK(bmm::audit_savings_split(right).findings.empty());
    // A wrong amount is found through the total: 13.8 + 11.3 + 3.9 is not 28.2.
    auto wrong = p77;
    wrong.parts[2].amount = d("3.9");
    const auto sum = bmm::audit_savings_split(wrong);
    REQUIRE(sum.findings.size() == 2);
    CHECK(sum.findings[1].row == bmm::savings_finding::whole);
    CHECK(sum.findings[1].column == bmm::savings_column::amount);
    CHECK(sum.findings[1].computed == d("29.0"));
    CHECK(sum.findings[1].what == bmm::finding_class::error);
}

TEST_CASE("¶78 and ¶79: 35% + 19% + 46% of £18.1m, the 46% being ¶79's £8.3m") {
    // Adult Services: delivered and expected are printed only as %s; ¶79 says the savings at
    // risk "account for £8.3m", which is 45.9% of 18.1: printed 46%.
    const bmm::printed_savings_split adults{"seed 003 ¶78-79",
                                            d("18.1"),
                                            {{"delivered", none(), d("35")},
                                             {"expected", none(), d("19")},
                                             {"at risk", d("8.3"), d("46")}}};
    const auto audit = bmm::audit_savings_split(adults);
    CHECK(audit.cells_checked == 2);  // the 46% against 8.3 / 18.1, and 35 + 19 + 46 = 100
    CHECK(audit.findings.empty());
    auto off = adults;
    off.parts[2].percent = d("48");  // 8.3 / 18.1 can reach at most 8.35 / 18.05 = 46.3%
    const auto wrong = bmm::audit_savings_split(off);
    REQUIRE(wrong.findings.size() == 2);
    CHECK(wrong.findings[0].row == 2);
    CHECK(wrong.findings[0].computed == d("46"));
    CHECK(wrong.findings[0].what == bmm::finding_class::error);
    CHECK(wrong.findings[1].row == bmm::savings_finding::whole);
    CHECK(wrong.findings[1].published == d("102"));
    CHECK(wrong.findings[1].what == bmm::finding_class::error);  // 35 + 19 + 48 can't be 100
}

TEST_CASE(
    "¶82: 51% delivered is the £3.4m less £0.9m and £0.8m, a rounding effect, and so is 23%") {
    const bmm::printed_savings_split children{
        "seed 003 ¶82",
        d("3.4"),
        {{"delivered", none(), d("51")}, {"amber", d("0.9"), d("26")}, {"red", d("0.8"), d("23")}}};
    const auto audit = bmm::audit_savings_split(children);
    CHECK(audit.cells_checked == 4);  // three %s and their sum
    REQUIRE(audit.findings.size() == 2);
    CHECK(audit.findings[0].row == 0);
    CHECK(audit.findings[0].computed == d("50"));  // (3.4 - 0.9 - 0.8) / 3.4 = 50% exactly
    CHECK(audit.findings[0].what == bmm::finding_class::rounding);
    CHECK(audit.findings[1].row == 2);
    CHECK(audit.findings[1].computed == d("24"));  // 0.8 / 3.4 = 23.5%
    CHECK(audit.findings[1].what == bmm::finding_class::rounding);
    // The derived part's range accounts for the total being shared: 100 - 1.6..1.8 / 3.35..3.45
    // is 46.3%..53.6%, so 54% is a rounding effect (53.5 is in reach) and 55% an error.
    auto far = children;
    far.parts[0].percent = d("54");
    CHECK(bmm::audit_savings_split(far).findings.at(0).what == bmm::finding_class::rounding);
    far.parts[0].percent = d("55");
    far.parts[2].percent = d("19");  // keep the %s adding to 100
    const auto wrong = bmm::audit_savings_split(far);
    REQUIRE(wrong.findings.size() == 2);
    CHECK(wrong.findings[0].what == bmm::finding_class::error);
    CHECK(wrong.findings[1].what == bmm::finding_class::error);  // 0.8 of 3.4 is 21.7%..25.4%
}

TEST_CASE("¶83: £1.0m (72%) and £0.4m (28%) of £1.4m are rounding effects of their amounts") {
    // 1.0 / 1.4 = 71.4% and 0.4 / 1.4 = 28.6%: the printed 72 / 28 follow from amounts of
    // e.g. 1.01 and 0.39 — inside the printed intervals.
    const bmm::printed_savings_split ep{
        "seed 003 ¶83", d("1.4"), {{"expected", d("1.0"), d("72")}, {"red", d("0.4"), d("28")}}};
    const auto audit = bmm::audit_savings_split(ep);
    CHECK(audit.cells_checked == 4);  // two %s, the amounts' sum, the %s' sum
    REQUIRE(audit.findings.size() == 2);
    CHECK(audit.findings[0].computed == d("71"));
    CHECK(audit.findings[0].what == bmm::finding_class::rounding);
    CHECK(audit.findings[1].computed == d("29"));
    CHECK(audit.findings[1].what == bmm::finding_class::rounding);
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
    const auto audit = bmm::audit_savings_split(resources);
    CHECK(audit.cells_checked == 0);
    CHECK(audit.findings.empty());
    // Marked complete, the same figures are an error: 1.2 + 1.9 is not 5.1.
    auto complete = resources;
    complete.complete = true;
    CHECK(bmm::audit_savings_split(complete).errors() == 1);
}

TEST_CASE("the ¶77 savings table: planned + carried forward = total on every row and column") {
    const std::vector<bmm::printed_savings_row> rows{
        {"Adult Services", d("-18.1"), d("-4.0"), d("-22.1")},
        {"Children's Services", d("-3.4"), d("-1.9"), d("-5.3")},
        {"Environment & Place", d("-1.4"), d("-2.3"), d("-3.7")},
        {"Community Safety", d("-0.2"), d("0.0"), d("-0.2")},
        {"Resources & Cross Directorate", d("-5.1"), d("-2.0"), d("-7.1")}};
    const bmm::printed_savings_row total{"TOTAL", d("-28.2"), d("-10.2"), d("-38.4")};
    const auto audit = bmm::audit_savings_table(rows, total);
    CHECK(audit.cells_checked == 9);  // 5 rows + 3 columns + the TOTAL row itself
    CHECK(audit.findings.empty());
    // A changed figure is reported where it breaks a sum: its row's total and its column's.
    auto changed = rows;
    changed[1].carried_forward = d("-1.6");
    const auto wrong = bmm::audit_savings_table(changed, total);
    REQUIRE(wrong.findings.size() == 2);
    CHECK(wrong.findings[0].row == 1);
    CHECK(wrong.findings[0].column == bmm::savings_column::total);
    CHECK(wrong.findings[0].computed == d("-5.0"));
    CHECK(wrong.findings[1].row == rows.size());
    CHECK(wrong.findings[1].column == bmm::savings_column::carried_forward);
    CHECK(wrong.findings[1].computed == d("-9.9"));
    CHECK(wrong.errors() == 2);
}

TEST_CASE("the achievement KPI (OCC11.02) is Red against its 95% target") {
    // Seed 003 Annex A: "Achievement of planned savings" 50.00% against 95.00%, Red; the
    // measure's amber band is 10% of the target (Amber from 85.5%).
    const auto s = bmm::summarize(paragraph77());
    const auto target = bmm::target::parse("95.00%");
    const auto policy =
        bmm::rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(1, 10)));
    const bmm::rater rate(target, policy);
    CHECK(rate(*bmm::achievement(s) * 100) == bmm::status(bmm::rag::red));       // 48.9%, exactly
    CHECK(bmm::rate(d("50.00"), target, policy) == bmm::status(bmm::rag::red));  // as printed
    // Where the bands start, for the same target and policy.
    CHECK(rate(bmm::ratio(855, 10)) == bmm::status(bmm::rag::amber));
    CHECK(rate(bmm::ratio(854, 10)) == bmm::status(bmm::rag::red));
    CHECK(rate(bmm::ratio(95)) == bmm::status(bmm::rag::green));
    // £27.0m of £28.2m delivered or expected would be 95.7%: Green.
    auto better = paragraph77();
    better[0].amount = m("27.0");
    better[1].amount = m("1.2");
    better[2].amount = m("0");
    CHECK(rate(*bmm::achievement(bmm::summarize(better)) * 100) == bmm::status(bmm::rag::green));
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
    // Found in review: the summary's total, the split's amounts and %s and the table's columns
    // were added in order with checked +, so a total that fits threw when a running sum did not
    // (top = 2^63 - 1 pence, or 2^63 - 1 units of a printed figure).
    const gbp top = gbp::from_minor_units(INT64_MAX);
    bmm::savings_summary<bmm::currency::gbp> s;
    s.by_status = {top, bmm::pence(1), bmm::pence(-1), gbp{}};
    CHECK(s.total() == top);
    s.by_status = {top, bmm::pence(1), gbp{}, gbp{}};
    CHECK_THROWS_AS((void)s.total(), bmm::overflow_error);  // a total beyond the range still is
    const std::vector<item> many{{"A", "one", top, fy2023, false, bmm::savings_status::red},
                                 {"A", "two", gbp{}, fy2023, false, bmm::savings_status::red}};
    CHECK(bmm::summarize(many)[bmm::savings_status::red] == top);

    const bmm::decimal big = bmm::decimal::from_units(INT64_MAX, 2);
    const bmm::decimal p1 = d("0.01");
    // A split whose amounts are top, 1p and -1p of the total top: they add up.
    const bmm::printed_savings_split amounts{
        "top", big, {{"a", big, none()}, {"b", p1, none()}, {"c", -p1, none()}}};
    const auto by_amount = bmm::audit_savings_split(amounts);
    CHECK(by_amount.findings.empty());
    CHECK(by_amount.cells_checked == 1);
    // %s whose running sum overflows a decimal on the way to exactly 100.
    const bmm::printed_savings_split percents{
        "%",
        d("1.0"),
        {{"a", none(), big}, {"b", none(), p1}, {"c", none(), d("-92233720368547658.08")}}};
    const auto by_percent = bmm::audit_savings_split(percents);
    CHECK(by_percent.findings.empty());
    CHECK(by_percent.cells_checked == 1);
    // A table whose planned column is top, 1p, -1p under a TOTAL row of top.
    const std::vector<bmm::printed_savings_row> rows{
        {"A", big, d("0.00"), big}, {"B", p1, d("0.00"), p1}, {"C", -p1, d("0.00"), -p1}};
    const auto table = bmm::audit_savings_table(rows, {"TOTAL", big, d("0.00"), big});
    CHECK(table.findings.empty());
    CHECK(table.cells_checked == 3 + 4);
    // A wrong TOTAL is still found, from intervals summed exactly: planned 4·10^16 × 3 -
    // 4·10^16 × 2 (4·10^18 units: a running sum beyond int64, a total within 2^62).
    const bmm::decimal four = d("40000000000000000.00"), zero2 = d("0.00");
    std::vector<bmm::printed_savings_row> big_rows;
    for (const bmm::decimal& x : {four, four, four, -four, -four}) {
        big_rows.push_back({"X", x, zero2, x});
    }
    CHECK(bmm::audit_savings_table(big_rows, {"TOTAL", four, zero2, four}).findings.empty());
    const bmm::decimal less = d("39999999999999999.00");  // £1 short
    const auto wrong = bmm::audit_savings_table(big_rows, {"TOTAL", four, zero2, less});
    CHECK(wrong.errors() == 2);  // its total column, and its own planned + carried forward
}
