// Seed 003 (Oxfordshire County Council, Business Management & Monitoring Report, Cabinet
// 18 July 2023, performance as at May 2023): Tables 1–4, the exception tables 5–9 and ¶8–17,
// reproduced from Annex A (every one of its 45 measure rows, period and YTD) by the library.
// Fixtures are the report's printed figures; where a printed figure is wrong, the test says so
// and shows the figure bmm computes.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <bmm/audit/status.hpp>
#include <bmm/audit/summary.hpp>
#include <bmm/history.hpp>
#include <bmm/measure.hpp>
#include <bmm/rag.hpp>
#include <bmm/summary.hpp>
#include <bmm/target.hpp>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/spec.hpp"

namespace {

bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
using bmm_test::ds;

const bmm::fiscal_year<> fy2023{2023};
const auto april = fy2023.month(1);
const auto may = fy2023.month(2);

// The key's symbols (Annex A page 13).
const char* const G = "\xE2\x98\x85";  // ★ meets or exceeds target
const char* const A = "\xE2\x97\x8F";  // ● misses target by narrow margin
const char* const R = "\xE2\x96\xB2";  // ▲ misses target by significant margin
const char* const NA = "n/a";          // monitoring only
const char* const BLANK = "";          // no symbol in the printed row

// Per-measure policies ("the margins vary depending on set thresholds for each measure"): the
// report does not print them. A relative band is a share of the target; band(7.5) is 7.5%.
bmm::amber_band band(const char* percent) {
    return bmm::amber_band::relative(bmm::ratio::from_percent(percent));
}
bmm::rag_policy higher(const char* percent = nullptr) {
    return percent == nullptr ? bmm::rag_policy::higher_is_better()
                              : bmm::rag_policy::higher_is_better(band(percent));
}
bmm::rag_policy lower(const char* percent = nullptr) {
    return percent == nullptr ? bmm::rag_policy::lower_is_better()
                              : bmm::rag_policy::lower_is_better(band(percent));
}
bmm::rag_policy close(bmm::amber_band green, bmm::amber_band amber) {
    return bmm::rag_policy::close_to_target(green, amber);
}

/// What the printed symbols say about a row's amber band, checked by a test below:
/// `any`: the figures meet their targets (or there is none), so every band of the polarity gives
/// the same statuses and the band given is arbitrary; `at_least`/`below` (percent of the
/// target): the band that reproduces the statuses must be ≥ / < that, and any band in the range
/// gives the same statuses; neither: stated in the row's comment.
struct band_rule {
    bool any = false;
    const char* at_least = nullptr;
    const char* below = nullptr;
};
const band_rule any_band{true, nullptr, nullptr};
band_rule at_least(const char* p) { return {false, p, nullptr}; }
band_rule below(const char* p) { return {false, nullptr, p}; }
band_rule between(const char* lo, const char* hi) { return {false, lo, hi}; }

struct annex_row {
    const char* id;
    const char* actual;       ///< "Period Actual" as printed
    const char* target;       ///< "Period Target" as printed ("" for none)
    const char* printed;      ///< "Status" as printed ("" where the row has none)
    const char* ytd_actual;   ///< "YTD Actual"
    const char* ytd_target;   ///< "YTD Target"
    const char* printed_ytd;  ///< "YTD" status
    bmm::rag_policy policy;
    band_rule rule;
};

// Annex A, May 2023: all 45 measure rows, in the printed order (OCC07.03 is printed before
// OCC07.01). Each row's comment gives its polarity, how far the figures are from the target,
// and why its band is what it is.
const std::vector<annex_row>& annex_a() {
    static const std::vector<annex_row> rows{
        // Streetlights fitted with LED lanterns, higher is better: 97.7% short, YTD 55.4% short.
        // Red for any band < 55.37% (the YTD binds); 10% is one such.
        {"OCC01.02", "35", "1,500", R, "1,339", "3,000", R, higher("10"), below("55.37")},
        // No target: monitoring only, whatever the policy.
        {"OCC01.03", "40.00", "", NA, "90.00", "", NA, higher(), any_band},
        // Household waste recycled, higher is better: YTD 56.98 is 7.35% short and Amber, May's
        // 56.74 is 7.74% short and Red: the band is pinned to 7.35% ≤ band < 7.74%; 7.5% used.
        {"OCC01.07", "56.74%", "61.50%", R, "56.98%", "61.50%", A, higher("7.5"),
         between("7.35", "7.74")},
        // OCC02–OCC03: library computers, library visits, conversations; higher is better and
        // above target: Green under any band.
        {"OCC02.01", "6,898", "5,500", G, "6,898", "5,500", G, higher(), any_band},
        {"OCC02.03", "150,159", "125,000", G, "297,989", "245,000", G, higher(), any_band},
        {"OCC03.09", "662", "450", G, "726", "450", G, higher(), any_band},
        // OCC04: care and carers. No target (n/a) or above target (Green): any band.
        {"OCC04.01", "6,461", "", NA, "6,461", "", NA, higher(), any_band},
        {"OCC04.02", "88.30%", "86.00%", G, "88.40%", "86.00%", G, higher(), any_band},
        {"OCC04.03", "18.20%", "15.50%", G, "18.20%", "15.50%", G, higher(), any_band},
        // Direct payments under 65, higher is better: 1.30% short, YTD 1.43% short: Amber for
        // any band ≥ 1.44%; 5% used.
        {"OCC04.04", "37.90%", "38.40%", A, "37.85%", "38.40%", A, higher("5"), at_least("1.44")},
        // Older residents supported at home, higher is better: 1.67% short. Annex A's text has no
        // symbol; Table 6 prints it Amber, which needs a band ≥ 1.67%; 5% used.
        {"OCC04.05", "59.00%", "60.00%", BLANK, "59.00%", "60.00%", BLANK, higher("5"),
         at_least("1.67")},
        // Carers assessed, and visits to Live Well Oxfordshire: no symbol printed, but each has a
        // target and beats it (higher is better): Green under any band.
        {"OCC04.06", "619", "197", BLANK, "1,101", "394", BLANK, higher(), any_band},
        {"OCC04.07", "234", "", NA, "310", "", NA, higher(), any_band},
        {"OCC04.08", "11,782", "6,000", BLANK, "22,480", "12,000", BLANK, higher(), any_band},
        // Highway treated (km), higher is better: 3.93% short, YTD 2.84% short, printed Green —
        // not Green under any band. Amber for a band ≥ 3.93% (the priority OCC05, whose only
        // measure this is, is printed ●); 5% used.
        {"OCC05.03", "46.50", "48.40", G, "57.03", "58.70", G, higher("5"), at_least("3.93")},
        {"OCC06.02", "99.10%", "", NA, "99.55%", "", NA, higher(), any_band},
        // Early help assessments, higher is better: 16.2% short, YTD 10.8% short: Amber for a
        // band ≥ 16.22%; 20% used.
        {"OCC07.03", "367", "438", A, "637", "714", A, higher("20"), at_least("16.22")},
        {"OCC07.01", "5,953", "", NA, "5,953", "", NA, higher(), any_band},
        {"OCC07.02", "102", "", NA, "205", "", NA, higher(), any_band},
        // Children in foster care: exactly on target, Green by the boundary rule (x == t is
        // Green) under any band.
        {"OCC07.04", "62.00%", "62.00%", G, "62.00%", "62.00%", G, higher(), any_band},
        // Children in residential care, lower is better: 15% against 14% is 7.14% over: Amber for
        // a band ≥ 7.15%; 10% used.
        {"OCC07.05", "15%", "14%", A, "15%", "14%", A, lower("10"), at_least("7.15")},
        // Children we care for, lower is better, under target: any band.
        {"OCC07.06", "755", "770", G, "755", "770", G, lower(), any_band},
        {"OCC07.07", "52.00%", "50.70%", G, "53.50%", "50.70%", G, higher(), any_band},
        {"OCC09.02", "4.00", "2.50", G, "6.00", "5.00", G, higher(), any_band},
        // OCC10 customer service: satisfaction, resolution, FOIs are higher is better and above
        // target (any band).
        {"OCC10.03", "98%", "80%", G, "99%", "80%", G, higher(), any_band},
        {"OCC10.04", "76%", "75%", G, "78%", "75%", G, higher(), any_band},
        // Calls abandoned, lower is better: 15% against 10% misses by exactly half the target.
        // The narrowest band that prints ● is 50%, and it works only by the boundary rule: a miss
        // exactly equal to the band is Amber (the value belongs to the better band). Any band
        // ≥ 50% gives the same; 49.99% makes May Red. (YTD 29% against 20%: see the YTD tests.)
        {"OCC10.05", "15%", "10%", A, "29%", "20%", A, lower("50"), at_least("50")},
        {"OCC10.06", "100%", "95%", G, "100%", "95%", G, higher(), any_band},
        {"OCC10.07", "100%", "99%", G, "100%", "99%", G, higher(), any_band},
        {"OCC10.08", "90%", "85%", G, "89%", "85%", G, higher(), any_band},
        // OCC11 finance. Variances against 0.00%: close to target and exactly on it, Green under
        // any tolerance.
        {"OCC11.01", "0.00%", "0.00%", G, "0.00%", "0.00%", G,
         close({}, bmm::amber_band::absolute(d("1"))), any_band},
        // Achievement of planned savings, higher is better: 47.4% short: Red for a band < 47.37%.
        {"OCC11.02", "50.00%", "95.00%", R, "50.00%", "95.00%", R, higher("10"), below("47.37")},
        {"OCC11.03",
         "\xC2\xA3"
         "30,200,000",
         "\xC2\xA3"
         "30,200,000",
         G,
         "\xC2\xA3"
         "30,200,000",
         "\xC2\xA3"
         "30,200,000",
         G, higher(), any_band},
        // Directorate overspend as a share of budget, lower is better: 0.9% within 1.0%.
        {"OCC11.04", "0.9%", "1.0%", G, "0.9%", "1.0%", G, lower(), any_band},
        {"OCC11.05", "0.00%", "0.00%", G, "0.00%", "0.00%", G,
         close({}, bmm::amber_band::absolute(d("1"))), any_band},
        {"OCC11.06", "0.00%", "0.00%", G, "0.00%", "0.00%", G,
         close({}, bmm::amber_band::absolute(d("1"))), any_band},
        {"OCC11.07", "95.00%", "95.00%", G, "95.00%", "95.00%", G, higher(), any_band},
        {"OCC11.08", "95.41%", "95.00%", G, "95.20%", "95.00%", G, higher(), any_band},
        {"OCC11.09", "98.32%", "95.00%", G, "97.40%", "95.00%", G, higher(), any_band},
        // Debt requiring impairment (corporate), lower is better: £439,343 is 46.4% over the
        // £300,000 target, printed Green — not Green under any band. OCC11.11, the same kind of
        // measure, is printed Red at 33.9% over, so its band is < 33.88%; under any such band
        // (10% used) OCC11.10 is Red.
        {"OCC11.10",
         "\xC2\xA3"
         "439,343",
         "\xC2\xA3"
         "300,000",
         G,
         "\xC2\xA3"
         "439,343",
         "\xC2\xA3"
         "300,000",
         G, lower("10"), below("46.45")},
        // Debt requiring impairment (ASC), lower is better: 33.9% over: Red for a band < 33.88%.
        {"OCC11.11",
         "\xC2\xA3"
         "4,685,633",
         "\xC2\xA3"
         "3,500,000",
         R,
         "\xC2\xA3"
         "4,685,633",
         "\xC2\xA3"
         "3,500,000",
         R, lower("10"), below("33.88")},
        // Average cash balance against the forecast, close to target: 8.06% below. Green needs a
        // green tolerance ≥ 8.07% (10% used); the amber tolerance (20%) is then arbitrary.
        {"OCC11.12",
         "\xC2\xA3"
         "441,293,000",
         "\xC2\xA3"
         "480,000,000",
         G,
         "\xC2\xA3"
         "441,293,000",
         "\xC2\xA3"
         "480,000,000",
         G, close(band("10"), band("20")), band_rule{}},
        {"OCC11.13", "3.00%", "3.00%", G, "3.00%", "3.00%", G, higher(), any_band},
        {"OCC11.14", "3.75%", "3.75%", G, "3.75%", "3.75%", G, higher(), any_band},
        // ASC invoice collection, higher is better: 1.62% short, YTD 2.11% short, printed Green —
        // not Green under any band. Amber for a band ≥ 2.11% (¶17: OCC11 has one Amber); 5%
        // used.
        {"OCC11.15", "90.51%", "92.00%", G, "90.06%", "92.00%", G, higher("5"), at_least("2.11")},
    };
    return rows;
}

bmm::decimal figure(const char* text) { return bmm::parse_figure(text).value; }
bmm::status rate_period(const annex_row& r, const bmm::rag_policy& p) {
    return bmm::rate(figure(r.actual), bmm::target::parse(r.target), p);
}
bmm::status rate_ytd(const annex_row& r, const bmm::rag_policy& p) {
    return bmm::rate(figure(r.ytd_actual), bmm::target::parse(r.ytd_target), p);
}
/// bmm's status for a row's May figures under its stated policy.
bmm::status computed(const annex_row& r) { return rate_period(r, r.policy); }
/// The printed symbol, or nothing where the row has none.
std::optional<bmm::status> printed(const char* symbol) {
    if (*symbol == '\0') return std::nullopt;
    return bmm::status::parse(symbol);
}
const annex_row& row(const std::string& id) {
    for (const annex_row& r : annex_a()) {
        if (id == r.id) return r;
    }
    throw bmm::invalid_argument("no Annex A row", id);
}
std::vector<bmm::status> computed_may() {
    std::vector<bmm::status> out;
    for (const annex_row& r : annex_a()) out.push_back(computed(r));
    return out;
}
std::vector<std::pair<bmm::measure_id, bmm::status>> computed_by_id() {
    std::vector<std::pair<bmm::measure_id, bmm::status>> out;
    for (const annex_row& r : annex_a())
        out.emplace_back(bmm::measure_id::parse(r.id), computed(r));
    return out;
}
std::vector<bmm::decimal> as_vector(const std::array<bmm::decimal, 4>& a) {
    return std::vector<bmm::decimal>(a.begin(), a.end());
}
using ids = std::vector<std::string>;

// Table 1 ("Monthly 27 6 4 7 44") and Table 2 as printed.
const bmm::rag_counts table1{27, 6, 4, 7};
const std::int64_t table1_total = 44;
// Table 2's April row. April's measure-level statuses are not published (Annex A is May's), so
// these counts cannot be derived: they are the report's, used as given.
const bmm::rag_counts table2_april{12, 5, 4, 11};
const std::int64_t table2_april_total = 32;

// The April statuses the report prints: the exception tables 5–9 (April Status column) and
// Table 4 (OCC09.02 Red to Green). Table 2's footnote: April does not include OCC11.
const std::map<std::string, bmm::status> printed_april{
    {"OCC01.02", bmm::rag::amber},
    {"OCC01.07", bmm::rag::amber},
    {"OCC04.04", bmm::rag::amber},
    {"OCC04.05", bmm::rag::amber},
    {"OCC07.03", bmm::rag::amber},
    {"OCC07.05", bmm::rag::amber},
    {"OCC09.02", bmm::rag::red},
    {"OCC10.05", bmm::rag::amber},
    {"OCC11.02", bmm::status::parse("N/A")},
    {"OCC11.11", bmm::rag::red},
};

}  // namespace

// --- Annex A ---------------------------------------------------------------------------------

TEST_CASE("Annex A lists 45 measures: 28 printed Green, 4 Amber, 4 Red, 6 n/a and 3 blank") {
    REQUIRE(annex_a().size() == 45);
    std::vector<bmm::status> symbols;
    ids blank;
    for (const annex_row& r : annex_a()) {
        if (const auto s = printed(r.printed)) {
            symbols.push_back(*s);
        } else {
            blank.emplace_back(r.id);
        }
    }
    CHECK(bmm::count(symbols) == bmm::rag_counts{28, 4, 4, 6});
    CHECK(blank == ids{"OCC04.05", "OCC04.06", "OCC04.08"});
    std::set<std::string> unique;
    for (const annex_row& r : annex_a())
        unique.insert(bmm::to_string(bmm::measure_id::parse(r.id)));
    CHECK(unique.size() == 45);
}

TEST_CASE(
    "Annex A: every printed status follows from its figures and policy except OCC05.03, OCC11.10 "
    "and OCC11.15, printed Green but Amber, Red and Amber") {
    std::map<std::string, bmm::status> wrong;
    int agree = 0;
    for (const annex_row& r : annex_a()) {
        CAPTURE(r.id);
        const auto p = printed(r.printed);
        if (!p) continue;
        if (*p == computed(r)) {
            ++agree;
        } else {
            CHECK(*p == bmm::status(bmm::rag::green));
            wrong.emplace(r.id, computed(r));
        }
    }
    CHECK(agree == 39);
    const std::map<std::string, bmm::status> expected{
        {"OCC05.03", bmm::rag::amber}, {"OCC11.10", bmm::rag::red}, {"OCC11.15", bmm::rag::amber}};
    CHECK(wrong == expected);
    // The rows printed without a symbol: OCC04.05 is Amber (as Table 6 prints it), OCC04.06 and
    // OCC04.08 are Green.
    CHECK(computed(row("OCC04.05")) == bmm::rag::amber);
    CHECK(computed(row("OCC04.06")) == bmm::rag::green);
    CHECK(computed(row("OCC04.08")) == bmm::rag::green);
}

TEST_CASE("the three measures printed Green cannot be Green under any band of their polarity") {
    // The Green interval does not depend on the amber band: no policy makes these Green.
    for (const char* id : {"OCC05.03", "OCC11.10", "OCC11.15"}) {
        CAPTURE(id);
        const annex_row& r = row(id);
        const bmm::rater period(bmm::target::parse(r.target), r.policy);
        const bmm::rater ytd(bmm::target::parse(r.ytd_target), r.policy);
        CHECK_FALSE(period.green().contains(bmm::ratio::from_decimal(figure(r.actual))));
        CHECK_FALSE(ytd.green().contains(bmm::ratio::from_decimal(figure(r.ytd_actual))));
        CHECK(bmm::audit_status(bmm::rag::green, figure(r.actual), bmm::target::parse(r.target),
                                r.policy)
                  .errors() == 1);
    }
}

TEST_CASE("rows whose band is arbitrary rate the same under every band of their polarity") {
    int checked = 0;
    for (const annex_row& r : annex_a()) {
        if (!r.rule.any) continue;
        CAPTURE(r.id);
        std::vector<bmm::rag_policy> policies;
        const bmm::polarity pol = r.policy.direction();
        const std::vector<bmm::amber_band> bands{bmm::amber_band::none(),
                                                 band("1"),
                                                 band("10"),
                                                 band("50"),
                                                 band("100"),
                                                 bmm::amber_band::absolute(d("1")),
                                                 bmm::amber_band::absolute(d("1000000"))};
        for (const bmm::amber_band& b : bands) {
            if (pol == bmm::polarity::higher_is_better) {
                policies.push_back(bmm::rag_policy::higher_is_better(b));
            } else if (pol == bmm::polarity::lower_is_better) {
                policies.push_back(bmm::rag_policy::lower_is_better(b));
            } else {
                policies.push_back(close({}, b));
                policies.push_back(close(b, bmm::amber_band::absolute(d("1000000"))));
            }
        }
        for (const bmm::rag_policy& p : policies) {
            CHECK(rate_period(r, p) == computed(r));
            CHECK(rate_ytd(r, p) == rate_ytd(r, r.policy));
        }
        ++checked;
    }
    CHECK(checked == 32);
}

TEST_CASE("rows whose band is constrained keep their statuses exactly inside the stated range") {
    // For each limit: at it (≥) or just under it (<) the statuses are the row's; one hundredth of
    // a percentage point outside, the period or the YTD status changes.
    auto with_band = [](const annex_row& r, bmm::ratio share) {
        return r.policy.direction() == bmm::polarity::higher_is_better
                   ? bmm::rag_policy::higher_is_better(bmm::amber_band::relative(share))
                   : bmm::rag_policy::lower_is_better(bmm::amber_band::relative(share));
    };
    const bmm::ratio hundredth(1, 10'000);  // 0.01 percentage points of the target
    int checked = 0;
    for (const annex_row& r : annex_a()) {
        if (r.rule.any || (r.rule.at_least == nullptr && r.rule.below == nullptr)) continue;
        CAPTURE(r.id);
        const bmm::status period = computed(r), ytd = rate_ytd(r, r.policy);
        auto same = [&](bmm::ratio share) {
            const auto p = with_band(r, share);
            return rate_period(r, p) == period && rate_ytd(r, p) == ytd;
        };
        if (r.rule.at_least != nullptr) {
            const bmm::ratio lo = bmm::ratio::from_percent(r.rule.at_least);
            CHECK(same(lo));
            CHECK_FALSE(same(lo - hundredth));
        }
        if (r.rule.below != nullptr) {
            const bmm::ratio hi = bmm::ratio::from_percent(r.rule.below);
            CHECK(same(hi - hundredth));
            CHECK_FALSE(same(hi));
        }
        // The policy used lies inside the range.
        const bmm::ratio used = r.policy.amber().width();
        if (r.rule.at_least != nullptr) CHECK(used >= bmm::ratio::from_percent(r.rule.at_least));
        if (r.rule.below != nullptr) CHECK(used < bmm::ratio::from_percent(r.rule.below));
        ++checked;
    }
    CHECK(checked == 12);
    // OCC11.10 is Red under every band that keeps OCC11.11 Red: at the widest such band (just
    // under 33.88%) it is still Red.
    CHECK(rate_period(row("OCC11.11"), lower("33.87")) == bmm::rag::red);
    CHECK(rate_period(row("OCC11.10"), lower("33.87")) == bmm::rag::red);
    CHECK(rate_ytd(row("OCC11.10"), lower("33.87")) == bmm::rag::red);
    // OCC11.12 (close to target, 8.06% below): Green needs a green tolerance ≥ 8.07%, whatever
    // the amber one.
    const annex_row& cash = row("OCC11.12");
    CHECK(rate_period(cash, close(band("8.07"), band("8.07"))) == bmm::rag::green);
    CHECK(rate_period(cash, close(band("8.07"), band("50"))) == bmm::rag::green);
    CHECK(rate_period(cash, close(band("8.06"), band("20"))) == bmm::rag::amber);
}

TEST_CASE("OCC10.05's 15% against 10% is Amber only because a miss equal to the band is Amber") {
    const annex_row& r = row("OCC10.05");
    CHECK(computed(r) == bmm::rag::amber);
    // The Amber interval is closed at 10 + 50% × 10 = 15.
    const bmm::rater rater(bmm::target::parse(r.target), r.policy);
    REQUIRE(rater.amber().high.has_value());
    CHECK(*rater.amber().high == bmm::ratio(15));
    CHECK_FALSE(rater.amber().high_open);
    CHECK(rate_period(r, lower("49.99")) == bmm::rag::red);
    CHECK(rate_period(r, lower("60")) == bmm::rag::amber);
}

// --- Tables 1 and 2 --------------------------------------------------------------------------

TEST_CASE(
    "Table 1 from Annex A is 27 Green, 7 Amber, 5 Red, 6 unrated of 45 (60%, 16%, 11%, 13%): the "
    "printed 6 Amber, 4 Red, 7 unrated, 44 and every percentage are wrong") {
    const bmm::rag_counts may_counts = bmm::count(computed_may());
    CHECK(may_counts == bmm::rag_counts{27, 7, 5, 6});
    CHECK(may_counts.total() == 45);
    // The audit of the printed row against the computed one, finding by finding.
    const auto f = bmm::audit_summary(table1, table1_total, {d("61"), d("14"), d("9"), d("16")},
                                      may_counts, bmm::rounding_mode::half_up);
    struct expected {
        const char* column;
        const char* rule;
        const char* printed;
        const char* right;
    };
    const expected findings[] = {
        {"amber", "count", "6", "7"},       // + OCC05.03 (printed Green)
        {"red", "count", "4", "5"},         // + OCC11.10 (printed Green)
        {"unrated", "count", "7", "6"},     // OCC04.06 or OCC04.08 is Green, not monitoring only
        {"total", "count", "44", "45"},     // one measure left out (see the next test)
        {"green", "share", "61", "60"},     // 27 of 45 is exactly 60%
        {"amber", "share", "14", "16"},     // 7 of 45 is 15.6%
        {"red", "share", "9", "11"},        // 5 of 45 is 11.1%
        {"unrated", "share", "16", "13"}};  // 6 of 45 is 13.3%
    REQUIRE(f.size() == std::size(findings));
    for (std::size_t i = 0; i < f.size(); ++i) {
        CAPTURE(i);
        CHECK(f[i].where.column == findings[i].column);
        CHECK(f[i].rule == findings[i].rule);
        CHECK(f[i].printed == findings[i].printed);
        CHECK(f[i].expected == findings[i].right);
        CHECK(f[i].verdict == bmm::verdict::error);  // none is a rounding effect
    }
    // Green agrees only because errors cancel: of the 28 printed Green, OCC05.03, OCC11.10 and
    // OCC11.15 are not Green, and the unprinted OCC04.06 and OCC04.08 are.
    ids computed_green, printed_green;
    for (const annex_row& r : annex_a()) {
        if (computed(r) == bmm::rag::green) computed_green.emplace_back(r.id);
        if (printed(r.printed) == bmm::status(bmm::rag::green)) printed_green.emplace_back(r.id);
    }
    std::sort(computed_green.begin(), computed_green.end());
    std::sort(printed_green.begin(), printed_green.end());
    ids lost, gained;
    std::set_difference(printed_green.begin(), printed_green.end(), computed_green.begin(),
                        computed_green.end(), std::back_inserter(lost));
    std::set_difference(computed_green.begin(), computed_green.end(), printed_green.begin(),
                        printed_green.end(), std::back_inserter(gained));
    CHECK(lost == ids{"OCC05.03", "OCC11.10", "OCC11.15"});
    CHECK(gained == ids{"OCC04.06", "OCC04.08"});
}

TEST_CASE(
    "Table 1 as printed is the priority sections' counts plus the other priorities' symbols, "
    "less one Green measure of OCC02, OCC03, OCC05 or OCC09") {
    // ¶13–17 state each described priority's counts (green, amber, red, monitoring only):
    const bmm::rag_counts p13{0, 0, 2, 1};   // OCC01: "two Red and one 'monitoring only'"
    const bmm::rag_counts p14{3, 2, 0, 3};   // OCC04: "three Green, two Amber and three ..."
    const bmm::rag_counts p15{3, 2, 0, 2};   // OCC07: "three Green, two Amber and two ..."
    const bmm::rag_counts p17{12, 1, 2, 0};  // OCC11: "12 Green, one Amber, two Red"
    // ¶16 says OCC10 has "nine measures: five Green, one Amber and three Red", but Annex A has
    // six OCC10 rows and Table 1 counts no OCC10 Red (its four are OCC01's and OCC11's): Table 1
    // uses Annex A's six.
    std::map<unsigned, std::vector<bmm::status>> symbols_by_priority;
    for (const annex_row& r : annex_a()) {
        if (const auto s = printed(r.printed)) {
            symbols_by_priority[bmm::measure_id::parse(r.id).priority()].push_back(*s);
        }
    }
    const bmm::rag_counts occ10 = bmm::count(symbols_by_priority[10]);
    CHECK(occ10 == bmm::rag_counts{5, 1, 0, 0});
    CHECK(occ10.total() == 6);  // not ¶16's nine
    // The priorities no section describes, by their printed symbols: five Green, one n/a.
    bmm::rag_counts rest;
    for (unsigned p : {2u, 3u, 5u, 6u, 9u}) rest = rest + bmm::count(symbols_by_priority[p]);
    CHECK(rest == bmm::rag_counts{5, 0, 0, 1});
    const bmm::rag_counts all = p13 + p14 + p15 + occ10 + p17 + rest;
    CHECK(all == bmm::rag_counts{28, 6, 4, 7});
    CHECK(all.total() == 45);
    // Table 1 is that, one Green short: one of the five Green measures of OCC02 (two), OCC03,
    // OCC05 and OCC09 is not counted. Which one the report does not say (OCC05's priority is
    // printed ● although its only measure is printed ★).
    CHECK(all + bmm::rag_counts{-1, 0, 0, 0} == table1);
    // Where the sections differ from bmm's ratings (per priority):
    const auto by = bmm::by_priority(computed_by_id());
    CHECK(by.at("OCC01") == p13);
    CHECK(by.at("OCC07") == p15);
    // ¶14 counts one of OCC04.06 / OCC04.08 as monitoring only; both beat their targets.
    CHECK(by.at("OCC04") == bmm::rag_counts{4, 2, 0, 2});
    CHECK(by.at("OCC10") == bmm::rag_counts{5, 1, 0, 0});
    // ¶17's "two Red" misses OCC11.10; its one Amber is OCC11.15.
    CHECK(by.at("OCC11") == bmm::rag_counts{11, 1, 3, 0});
    CHECK(by.at("OCC05") == bmm::rag_counts{0, 1, 0, 0});
}

TEST_CASE(
    "the printed percentages of Tables 1 and 2 are largest remainder, and per-cell half-up differs "
    "only for April's 12.5%") {
    struct printed_row {
        const char* what;
        bmm::rag_counts counts;
        std::int64_t total;
        std::vector<bmm::decimal> percent;
    };
    const printed_row rows[] = {
        {"Table 1, May 2023", table1, table1_total, ds({"61", "14", "9", "16"})},
        {"Table 2, April 2023 (counts as printed)", table2_april, table2_april_total,
         ds({"38", "16", "12", "34"})},
        {"Table 2, May 2023", bmm::rag_counts{27, 6, 4, 7}, 44, ds({"61", "14", "9", "16"})},
    };
    for (const printed_row& r : rows) {
        CAPTURE(r.what);
        CHECK(r.counts.total() == r.total);  // each printed row adds up to its printed total
        CHECK(as_vector(bmm::percentages(r.counts, 0)) == r.percent);
    }
    // Table 1 and Table 2's May row are the same row, and so are ¶8's "27 (61%) ... Six (14%)
    // ... Four (9%)".
    CHECK(rows[0].percent == rows[2].percent);
    // May, cell by cell: 61.4, 13.6, 9.1, 15.9 round to the same.
    CHECK(as_vector(bmm::percentages(table1, 0, bmm::percent_rounding::per_cell)) ==
          rows[0].percent);
    // April: 37.5, 15.625, 12.5, 34.375. Half up per cell prints 13% for Red and the row adds to
    // 101%; the printed 12% is largest remainder (the last unit goes to Green, the earlier tie).
    const auto half_up = bmm::percentages(table2_april, 0, bmm::percent_rounding::per_cell);
    CHECK(as_vector(half_up) == ds({"38", "16", "13", "34"}));
    CHECK(half_up[0] + half_up[1] + half_up[2] + half_up[3] == d("101"));
    // Half-even per cell happens to agree with the printed row.
    CHECK(as_vector(bmm::percentages(table2_april, 0, bmm::percent_rounding::per_cell,
                                     bmm::rounding_mode::half_even)) == rows[1].percent);
    // The audit says the same: 12% for 4 of 32 is a rounding effect, not an error.
    const auto f =
        bmm::audit_summary(table2_april, table2_april_total, {d("38"), d("16"), d("12"), d("34")},
                           table2_april, bmm::rounding_mode::half_up);
    REQUIRE(f.size() == 1);
    CHECK(f[0].where.column == "red");
    CHECK(f[0].expected == "13");
    CHECK(f[0].verdict == bmm::verdict::rounding);
    // The right May row (27/7/5/6 of 45) is the same both ways: 60, 16, 11, 13.
    const bmm::rag_counts right = bmm::count(computed_may());
    CHECK(as_vector(bmm::percentages(right, 0)) == ds({"60", "16", "11", "13"}));
    CHECK(as_vector(bmm::percentages(right, 0, bmm::percent_rounding::per_cell)) ==
          ds({"60", "16", "11", "13"}));
}

TEST_CASE(
    "Table 2: against April's printed counts (not derivable), May's Red rose from 4 to 5, so ¶9's "
    "'remained static' is wrong") {
    const bmm::rag_counts may_counts = bmm::count(computed_may());
    CHECK(table2_april.red == 4);
    CHECK(may_counts.red == 5);
    CHECK(may_counts.green > table2_april.green);  // ¶9: Green "has increased" (12 to 27): right
    CHECK(may_counts.green == 27);
}

// --- Table 3 and Table 4 ---------------------------------------------------------------------

TEST_CASE("Table 3: May 2023 has five Red measures, the printed four and OCC11.10 it missed") {
    ids red;
    for (const annex_row& r : annex_a()) {
        if (computed(r) == bmm::rag::red) red.emplace_back(r.id);
    }
    const ids table3{"OCC01.02", "OCC01.07", "OCC11.02", "OCC11.11"};
    CHECK(red == ids{"OCC01.02", "OCC01.07", "OCC11.02", "OCC11.10", "OCC11.11"});
    ids missed;
    std::set_difference(red.begin(), red.end(), table3.begin(), table3.end(),
                        std::back_inserter(missed));
    CHECK(missed == ids{"OCC11.10"});
    // Every measure Table 3 lists is Red.
    for (const std::string& id : table3) CHECK(computed(row(id)) == bmm::rag::red);
}

TEST_CASE("Table 4: April's printed statuses to May's computed ones give Table 4's rows") {
    std::map<std::string, bmm::status> may_status;
    for (const auto& [id, s] : printed_april) may_status.emplace(id, computed(row(id)));
    const auto g = bmm::group_changes(printed_april, may_status);
    using bmm::status_change;
    CHECK(g[status_change::red_to_green] == ids{"OCC09.02"});
    CHECK(g[status_change::amber_to_green].empty());
    CHECK(g[status_change::red_to_amber].empty());
    CHECK(g[status_change::green_to_amber].empty());
    CHECK(g[status_change::amber_to_red] == ids{"OCC01.02", "OCC01.07"});
    CHECK(g[status_change::green_to_red].empty());
    // OCC11.02 (N/A to Red) is newly rated, not one of Table 4's changes.
    CHECK(g[status_change::newly_rated] == ids{"OCC11.02"});
    CHECK(g[status_change::unchanged] ==
          ids{"OCC04.04", "OCC04.05", "OCC07.03", "OCC07.05", "OCC10.05", "OCC11.11"});
}

// --- Exceptions (¶12, Tables 5–9) ------------------------------------------------------------

TEST_CASE(
    "May 2023 exceptions are five Red (as ¶12 says, but Tables 3 and 9 omit OCC11.10) and five "
    "persistent Amber (¶8 and ¶12 say six, Tables 6-8 list five)") {
    // Monthly histories: April from the printed statuses (Tables 5–9, Table 4); OCC11's other
    // measures were not reported in April (Table 2's footnote): n/r; no other April status is
    // published, so April is missing for them (which breaks a run).
    std::map<std::string, bmm::exception_reason> exceptions, skipped_rule;
    ids amber_not_exception;
    for (const annex_row& r : annex_a()) {
        bmm::status_history<> h;  // every Annex A measure is monthly
        if (auto a = printed_april.find(r.id); a != printed_april.end()) {
            h.record(april, a->second);
        } else if (bmm::measure_id::parse(r.id).priority() == 11) {
            h.record(april, bmm::data_status::not_reported);
        }
        h.record(may, computed(r));
        if (const auto why = bmm::exception_in(h, may)) exceptions.emplace(r.id, *why);
        if (const auto why = bmm::exception_in(h, may, {2, bmm::missing_period::skipped})) {
            skipped_rule.emplace(r.id, *why);
        }
        if (computed(r) == bmm::rag::amber && !bmm::is_exception(h, may)) {
            amber_not_exception.emplace_back(r.id);
        }
    }
    ids red, amber;
    for (const auto& [id, why] : exceptions) {
        (why == bmm::exception_reason::red ? red : amber).push_back(id);
    }
    CHECK(red == ids{"OCC01.02", "OCC01.07", "OCC11.02", "OCC11.10", "OCC11.11"});
    CHECK(amber == ids{"OCC04.04", "OCC04.05", "OCC07.03", "OCC07.05", "OCC10.05"});
    CHECK(red.size() == 5);    // ¶12: "five Red": right, though Tables 3 and 9 list four
    CHECK(amber.size() == 5);  // ¶12: "six Amber": wrong
    // The sixth Amber of Table 1 is OCC11.15, not reported in April: it cannot have been Amber
    // for two consecutive months (¶8: "all six were Amber for 2+ months" is wrong too).
    // OCC05.03, Amber by its figures, has no published April status.
    CHECK(amber_not_exception == ids{"OCC05.03", "OCC11.15"});
    // Skipping unrated months instead of breaking the run changes nothing here.
    CHECK(skipped_rule == exceptions);

    // Tables 5–9 as printed (measure, April, May) agree with the computed May statuses.
    const std::pair<const char*, const char*> tables[] = {
        {"OCC01.02", "Red"},   {"OCC01.07", "Red"},   {"OCC04.04", "Amber"},
        {"OCC04.05", "Amber"}, {"OCC07.03", "Amber"}, {"OCC07.05", "Amber"},
        {"OCC10.05", "Amber"}, {"OCC11.02", "Red"},   {"OCC11.11", "Red"}};
    ids listed;
    for (const auto& t : tables) {
        CAPTURE(t.first);
        CHECK(computed(row(t.first)) == bmm::status::parse(t.second));
        listed.emplace_back(t.first);
    }
    // The tables list 4 Red and 5 Amber (not ¶12's 5 and 6); the exceptions are those nine
    // and OCC11.10.
    listed.emplace_back("OCC11.10");
    std::sort(listed.begin(), listed.end());
    ids all;
    for (const auto& e : exceptions) all.push_back(e.first);
    CHECK(all == listed);
}

// --- Year to date ----------------------------------------------------------------------------

TEST_CASE(
    "Annex A's YTD statuses follow from the YTD figures and each row's policy except OCC05.03, "
    "OCC11.10 and OCC11.15, printed Green") {
    std::map<std::string, bmm::status> wrong;
    int agree = 0;
    for (const annex_row& r : annex_a()) {
        CAPTURE(r.id);
        const auto p = printed(r.printed_ytd);
        if (!p) continue;  // OCC04.05, OCC04.06, OCC04.08: no YTD symbol
        const bmm::status s = rate_ytd(r, r.policy);
        if (*p == s) {
            ++agree;
        } else {
            wrong.emplace(r.id, s);
        }
    }
    CHECK(agree == 39);
    const std::map<std::string, bmm::status> expected{
        {"OCC05.03", bmm::rag::amber}, {"OCC11.10", bmm::rag::red}, {"OCC11.15", bmm::rag::amber}};
    CHECK(wrong == expected);
    // OCC01.07: YTD 56.98% Amber while May's 56.74% is Red — the pinned 7.5% band.
    CHECK(rate_ytd(row("OCC01.07"), row("OCC01.07").policy) == bmm::rag::amber);
    // The three unprinted YTD statuses: Amber, Green, Green.
    CHECK(rate_ytd(row("OCC04.05"), row("OCC04.05").policy) == bmm::rag::amber);
    CHECK(rate_ytd(row("OCC04.06"), row("OCC04.06").policy) == bmm::rag::green);
    CHECK(rate_ytd(row("OCC04.08"), row("OCC04.08").policy) == bmm::rag::green);
}

TEST_CASE(
    "OCC10.05 YTD '% of calls abandoned' is a ratio of sums: not 29% against 20% as printed "
    "(both sums of two months) but 14.5% against 10%, Amber") {
    const annex_row& r = row("OCC10.05");
    // The printed 29% is May's 15% plus April's 14% (what the printed sum implies), and the
    // printed YTD target 20% is 10% + 10%. Rated as printed they happen to give ●.
    CHECK(bmm::ytd_sum(ds({"14", "15"})) == figure(r.ytd_actual));
    CHECK(bmm::ytd_sum(ds({"10", "10"})) == figure(r.ytd_target));
    CHECK(rate_ytd(r, r.policy) == bmm::rag::amber);
    // A rate's YTD is abandoned ÷ offered. ¶16: May's calls were 18% more than April's, so for
    // any April volume N it is (0.14 N + 0.15 × 1.18 N) / 2.18 N.
    const auto ytd = bmm::ytd_ratio_of_sums({{d("14"), d("100")}, {d("17.7"), d("118")}});
    REQUIRE(ytd);
    CHECK(*ytd == bmm::ratio(317, 2180));
    CHECK(ytd->percent(1, bmm::rounding_mode::half_up) == d("14.5"));
    // A rate's target does not accumulate: the measure is not cumulative, so its YTD is rated
    // against the period target, 10%, exactly (14.54...% misses it by less than the 5-point band).
    bmm::measure<> calls{bmm::measure_id::parse(r.id), {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    calls.unit = bmm::unit::percent;
    calls.ytd = bmm::ytd_rule::ratio_of_sums;
    calls.polarity = bmm::polarity::lower_is_better;
    calls.targets.set(april, bmm::target::parse(r.target));
    calls.policies.set(april, r.policy);
    const bmm::observation<> o{may, figure(r.actual),
                               bmm::reading(ytd->percent(4, bmm::rounding_mode::half_up)),
                               std::nullopt};
    CHECK(calls.rate(o) == bmm::rag::amber);
    CHECK(calls.rate_ytd(o) == bmm::rag::amber);
    const bmm::rater exact(bmm::target::parse(r.target), r.policy);
    CHECK(exact(*ytd * bmm::ratio(100)) == bmm::rag::amber);
    // Whatever the volumes, the YTD rate lies between April's 14% and May's 15%: Amber (15%
    // exactly by the boundary rule), never the printed 29%.
    CHECK(exact(bmm::ratio(14)) == bmm::rag::amber);
    CHECK(exact(bmm::ratio(15)) == bmm::rag::amber);
}

TEST_CASE("flat YTD plans give OCC04.06's and OCC04.08's printed YTD targets exactly: Green") {
    // Carers assessed: 197 a month, YTD 394 at May; Live Well visits: 6,000 a month, 12,000.
    struct flow {
        const char* id;
        const char* annual;
    };
    for (const flow& f : {flow{"OCC04.06", "2364"}, flow{"OCC04.08", "72000"}}) {
        CAPTURE(f.id);
        const annex_row& r = row(f.id);
        bmm::measure<> m{bmm::measure_id::parse(f.id), {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
        m.cumulative = true;
        m.ytd = bmm::ytd_rule::sum;
        m.targets.set(april, bmm::target::parse(r.target));
        m.policies.set(april, r.policy);
        m.ytd_plans.set(april, bmm::ytd_plan{d(f.annual)});
        CHECK(m.ytd_target(april) == bmm::ratio::from_decimal(figure(r.target)));
        CHECK(m.ytd_target(may) == bmm::ratio::from_decimal(figure(r.ytd_target)));
        const bmm::observation<> o{may, figure(r.actual), bmm::reading(figure(r.ytd_actual)),
                                   std::nullopt};
        CHECK(m.rate(o) == bmm::rag::green);
        CHECK(m.rate_ytd(o) == bmm::rag::green);
    }
    // OCC07.03's YTD target 714 is not a flat share of its 7,500 for the year (1,250 at May):
    // April 276 + May 438, an uneven profile (see measure_test.cpp).
    CHECK(bmm::ytd_profile::flat().ytd(d("7500"), may.index()) == bmm::ratio(1250));
    CHECK(figure(row("OCC07.03").ytd_target) == d("714"));
}
