// Spec: boundaries across the library — the variance algebra (the variance of the sums is the sum
// of the variances) over random tables; zero and negative budgets; empty, single-line and
// million-line tables; amounts at ±(2^63 − 1) minor units; dates at the ends of date's range.
// Also the overflow and division-by-zero edges of functions whose own spec files belong to other
// headers: each is named in docs/testing.md's review of every public function for overflow and
// division by zero.
#include <doctest/doctest.h>

#include <array>
#include <bmm/bmm.hpp>
#include <bmm/format.hpp>
#include <bmm/io/published_table.hpp>
#include <climits>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "support/spec.hpp"

using bmm::gbp;
using bmm::rounding_mode;
using table = bmm::budget_table<bmm::currency::gbp>;

namespace {
constexpr std::int64_t max64 = INT64_MAX;
constexpr std::int64_t min64 = INT64_MIN;
const gbp top = gbp::from_minor_units(max64);      // +(2^63 - 1) pence
const gbp bottom = gbp::from_minor_units(-max64);  // -(2^63 - 1) pence
const gbp least = gbp::from_minor_units(min64);    // -2^63 pence
bmm::decimal d(const char* s) { return bmm::decimal::parse(s); }
}  // namespace

TEST_SUITE("boundaries") {
    TEST_CASE("the variance of a table's totals is the sum of its lines' variances (property)") {
        std::mt19937_64 rng(20230718);
        std::uniform_int_distribution<std::int64_t> amount(-1'000'000'000'000, 1'000'000'000'000);
        std::uniform_int_distribution<int> lines(1, 30);
        std::bernoulli_distribution has_previous(0.7);
        for (int trial = 0; trial < 2000; ++trial) {
            table t;
            const int n = lines(rng);
            const int split = n / 2;  // two subtotals, then a grand total
            std::vector<gbp> variances[2], budgets, forecasts;
            std::vector<gbp> changes;
            bool every_previous = true;
            for (int i = 0; i < n; ++i) {
                const gbp b = bmm::pence(amount(rng)), f = bmm::pence(amount(rng));
                std::optional<gbp> prev;
                if (has_previous(rng)) prev = bmm::pence(amount(rng));
                every_previous = every_previous && prev.has_value();
                t.add_line("line " + std::to_string(i), b, f, prev);
                variances[i < split ? 0 : 1].push_back(t[t.size() - 1].figures.variance());
                budgets.push_back(b);
                forecasts.push_back(f);
                if (prev) changes.push_back(f - b - *prev);
                if (i + 1 == split) t.add_total("first", 1);
            }
            const std::size_t second = t.add_total("second", 1);
            const std::size_t grand = t.add_total("grand", 2);
            const auto& g = t[grand].figures;
            std::vector<gbp> all = variances[0];
            all.insert(all.end(), variances[1].begin(), variances[1].end());
            CHECK(g.variance() == bmm::sum(all));
            CHECK(g.variance() == bmm::sum(forecasts) - bmm::sum(budgets));
            CHECK(t[second].figures.variance() == bmm::sum(variances[1]));
            if (split > 0) {
                CHECK(g.variance() == t[static_cast<std::size_t>(split)].figures.variance() +
                                          t[second].figures.variance());
            }
            // The change of a total is the sum of the changes, when every line has one.
            if (every_previous) {
                REQUIRE(g.change().has_value());
                CHECK(*g.change() == bmm::sum(changes));
            }
            // Its variance % is the sum of variances over the sum of budgets, exactly.
            const gbp sb = bmm::sum(budgets);
            if (sb.is_zero()) {
                CHECK_FALSE(t.variance_ratio(grand).has_value());
            } else {
                CHECK(t.variance_ratio(grand) ==
                      bmm::ratio(bmm::sum(all).in_minor_units(), bmm::abs(sb).in_minor_units()));
            }
        }
    }

    TEST_CASE("a zero budget has no variance % and a negative budget's % keeps over and under") {
        CHECK_FALSE(bmm::variance_ratio(gbp{}, bmm::pence(5)).has_value());
        CHECK_FALSE(bmm::variance_percent(gbp{}, bmm::pence(5)).has_value());
        CHECK_FALSE(bmm::variance_percent(gbp{}, top, 2, rounding_mode::half_even).has_value());
        const bmm::budget_line<bmm::currency::gbp> zero_line{"Forecast Year End Position", gbp{},
                                                             bmm::pence(1), std::nullopt};
        CHECK_FALSE(zero_line.variance_ratio().has_value());
        CHECK(zero_line.variance() == bmm::pence(1));
        // Income (a negative budget) that falls short: -100 budgeted, -90 forecast.
        const gbp b = bmm::pounds(-100), f = bmm::pounds(-90);
        CHECK(bmm::variance_ratio(b, f - b) == bmm::ratio(1, 10));
        CHECK(bmm::variance_ratio(b, f - b, bmm::variance_basis::signed_budget) ==
              bmm::ratio(-1, 10));
        CHECK(bmm::variance_percent(b, f - b) == d("10.0"));
        CHECK(bmm::variance_percent(b, f - b, 1, rounding_mode::half_up,
                                    bmm::variance_basis::signed_budget) == d("-10.0"));
        // A table of a zero and a negative line totals them as any other.
        table t;
        t.add_line("zero", gbp{}, gbp{});
        t.add_line("income", b, f);
        const std::size_t total = t.add_total("total", 1);
        CHECK(t[total].figures.budget == b);
        CHECK(t[total].figures.variance() == bmm::pounds(10));
        CHECK_FALSE(t.variance_ratio(0).has_value());
        CHECK(t.variance_ratio(total) == bmm::ratio(1, 10));
    }

    TEST_CASE("an empty table has no rows, cannot be totalled and sums to nothing") {
        table t;
        CHECK(t.size() == 0);
        CHECK_THROWS_AS((void)t.add_total("Total", 1), bmm::invalid_argument);
        CHECK(t.size() == 0);
        CHECK(t.rounded(1).empty());
        CHECK(t.rounded(1, 6, bmm::table_rounding::largest_remainder).empty());
        CHECK(bmm::sum(std::vector<gbp>{}) == bmm::zero);
        CHECK_THROWS_AS((void)bmm::percentages(std::vector<std::int64_t>{}), bmm::undefined_error);
        CHECK_THROWS_AS((void)bmm::percentages(std::vector<std::int64_t>{0, 0}),
                        bmm::undefined_error);
        const auto none = bmm::summarize(std::vector<bmm::saving<bmm::currency::gbp>>{});
        CHECK(none.total() == bmm::zero);
        CHECK_FALSE(bmm::achievement(none).has_value());
        CHECK_THROWS_AS((void)none.shares(), bmm::undefined_error);
        CHECK(bmm::audit_budget_table({}, bmm::table_audit_options(bmm::rounding_mode::half_up))
                  .empty());
        CHECK(bmm::read_published_table(
                  bmm::read_csv("line,level,budget,forecast,variance,variance_pct\n"))
                  .empty());
        CHECK_THROWS_AS((void)bmm::allocate(bmm::pence(1), std::vector<std::int64_t>{}),
                        bmm::invalid_argument);
        CHECK(bmm::ytd_sum({}) == bmm::zero);
        CHECK_THROWS_AS((void)bmm::ytd_average({}), bmm::invalid_argument);
        CHECK_FALSE(bmm::ytd_ratio_of_sums({}).has_value());
        CHECK(bmm::virement_request<bmm::currency::gbp>{}.balances());
    }

    TEST_CASE("a single-line table's total is that line, rounded and audited alike") {
        table t;
        t.add_line("Adult Services", gbp::from_millions("226.9"), gbp::from_millions("227.0"));
        const std::size_t total = t.add_total("Directorate Total", 1);
        CHECK(t[total].figures.budget == t[0].figures.budget);
        CHECK(t[total].figures.forecast == t[0].figures.forecast);
        CHECK(t[total].members == std::vector<std::size_t>{0});
        for (auto how : {bmm::table_rounding::per_cell, bmm::table_rounding::largest_remainder}) {
            const auto r = t.rounded(1, 6, how);
            REQUIRE(r.size() == 2);
            CHECK(r[0].budget == r[1].budget);
            CHECK(r[0].variance == d("0.1"));
            CHECK(r[1].variance == d("0.1"));
        }
        std::vector<bmm::published_row> rows(2);
        rows[0].name = "Adult Services";
        rows[1].name = "Directorate Total";
        rows[1].level = 1;
        for (auto& row : rows) {
            row.budget = d("226.9");
            row.forecast = d("227.0");
            row.variance = d("0.1");
            row.variance_pct = d("0.0");
        }
        CHECK(bmm::audit_budget_table(rows, bmm::table_audit_options(bmm::rounding_mode::half_up))
                  .errors() == 0);
        rows[1].variance = d("0.2");
        CHECK(bmm::audit_budget_table(rows, bmm::table_audit_options(bmm::rounding_mode::half_up))
                  .errors() >= 1);
    }

    TEST_CASE("a table of a million lines totals exactly") {
        constexpr std::size_t n = 1'000'000;
        table t;
        std::vector<gbp> budgets;
        budgets.reserve(n);
        std::mt19937_64 rng(6);
        std::uniform_int_distribution<std::int64_t> amount(-1'000'000'000, 1'000'000'000);
        for (std::size_t i = 0; i < n; ++i) {
            const gbp b = bmm::pence(amount(rng));
            budgets.push_back(b);
            t.add_line("L", b, b + bmm::pence(1));
        }
        const std::size_t total = t.add_total("Total", 1);
        CHECK(t.size() == n + 1);
        CHECK(t[total].members.size() == n);
        CHECK(t[total].figures.budget == bmm::sum(budgets));
        CHECK(t[total].figures.variance() == bmm::pence(static_cast<std::int64_t>(n)));
        const auto parts = bmm::allocate(bmm::pounds(1'000'000), n);
        CHECK(bmm::sum(parts.parts) == bmm::pounds(1'000'000));
        CHECK(parts.parts.front() == bmm::pounds(1));
    }

    TEST_CASE(
        "a published table of a million lines under one grand total is audited as it streams, "
        "every line pending until the total") {
        // The streamed audit keeps the rows a later total may sum: here every line, until the
        // last row sums them all (exactly: a million figures of up to £10m at 1 dp).
        constexpr std::size_t n = 1'000'000;
        std::mt19937_64 rng(8);
        std::uniform_int_distribution<std::int64_t> tenths(-100'000'000, 100'000'000);
        bmm::budget_table_audit audit{bmm::table_audit_options(bmm::rounding_mode::half_up)};
        bmm::published_row r;
        std::int64_t sum = 0;
        std::size_t added = 0;
        r.name = "L";
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t b = tenths(rng);
            sum += b;
            r.budget = bmm::decimal::from_units(b, 1);
            added += audit.add(r);
        }
        CHECK(added == 0);
        r.name = "Grand total";
        r.level = 1;
        r.budget = bmm::decimal::from_units(sum, 1);
        CHECK(audit.add(r) == 0);
        r.budget = bmm::decimal::from_units(sum + 1, 1);  // another total: nothing left to sum
        CHECK_THROWS_AS((void)audit.add(r), bmm::invalid_argument);
        CHECK(audit.rows() == n + 1);
        CHECK(audit.result().cells_checked() == 1);
        // The same table one level up from the last total sums it alone.
        r.level = 2;
        r.budget = bmm::decimal::from_units(sum + 1, 1);
        CHECK(audit.add(r) == 1);
        CHECK(audit.result().stored().at(0).expected ==
              bmm::to_string(bmm::decimal::from_units(sum, 1)));
    }

    TEST_CASE("an empty or header-only CSV text streams no row, and an empty one has no header") {
        CHECK(bmm::read_published_table(
                  std::string_view("line,level,budget,forecast,variance,variance_pct\n"))
                  .empty());
        CHECK_THROWS_AS((void)bmm::read_published_table(std::string_view("")), bmm::csv_error);
        CHECK_THROWS_AS((void)bmm::read_published_table(std::string_view("\n\r\n")),
                        bmm::csv_error);
        bmm::published_table_reader chunks;
        bmm::published_row r;
        CHECK_FALSE(chunks.next(r));  // waiting for the text
        chunks.finish();
        CHECK_THROWS_AS((void)chunks.next(r), bmm::csv_error);
    }

    TEST_CASE("budget lines at plus and minus (2^63 - 1) pence overflow with a typed error") {
        const bmm::budget_line<bmm::currency::gbp> wide{"wide", bottom, top, std::nullopt};
        CHECK_THROWS_AS((void)wide.variance(), bmm::overflow_error);
        CHECK_THROWS_AS((void)wide.variance_ratio(), bmm::overflow_error);
        const bmm::budget_line<bmm::currency::gbp> changed{"changed", gbp{}, top, bottom};
        CHECK(changed.variance() == top);
        CHECK_THROWS_AS((void)changed.change(), bmm::overflow_error);
        const bmm::budget_line<bmm::currency::gbp> fits{"fits", top, top, std::nullopt};
        CHECK(fits.variance() == bmm::zero);
        CHECK(fits.variance_ratio() == bmm::ratio(0));
        // A total that does not fit is refused and leaves the table as it was.
        table t;
        t.add_line("a", top, top);
        t.add_line("b", bmm::pence(1), bmm::pence(1));
        CHECK_THROWS_AS((void)t.add_total("Total", 1), bmm::overflow_error);
        CHECK(t.size() == 2);
        CHECK(t.add_line("c", bmm::pence(-1), bmm::pence(-2)) == 2);
        table fits_table;
        fits_table.add_line("a", top, gbp{});
        fits_table.add_line("b", bottom, top);
        const std::size_t total = fits_table.add_total("Total", 1);
        CHECK(fits_table[total].figures.budget == bmm::zero);
        CHECK(fits_table[total].figures.forecast == top);
        // Rounded to the penny (shift 0) the extreme figures print; their variance cannot.
        table u;
        u.add_line("extreme", bottom, top);
        CHECK_THROWS_AS((void)u.rounded(2, 0), bmm::overflow_error);
        table v;
        v.add_line("extreme", top, least);
        CHECK_THROWS_AS((void)v.rounded(2, 0), bmm::overflow_error);
        table w;
        w.add_line("extreme", top, bottom + top);
        CHECK(w.rounded(2, 0)[0].budget == bmm::decimal::from_units(max64, 2));
        CHECK(w.rounded(1, 6)[0].budget == d("92233720368.5"));
    }

    TEST_CASE("variance % at the int64 edges is exact or an overflow_error") {
        // The smallest budget and the largest variance: 2^63 - 1 pence over one penny.
        CHECK_THROWS_AS((void)bmm::variance_percent(bmm::pence(1), top), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::variance_percent(bmm::pence(-1), least, 0), bmm::overflow_error);
        CHECK(bmm::variance_percent(least, bmm::pence(1), 1) == d("0.0"));
        CHECK(bmm::variance_percent(least, least, 1) == d("-100.0"));
        CHECK(bmm::variance_percent(least, top, 0) == d("100"));
        CHECK(bmm::variance_percent(top, least, 0) == d("-100"));
        // A ratio with 2^63 as its denominator does not fit 64 bits.
        CHECK_THROWS_AS((void)bmm::variance_ratio(least, bmm::pence(1)), bmm::overflow_error);
        CHECK(bmm::variance_ratio(least, bmm::pence(2)) == bmm::ratio(1, std::int64_t{1} << 62));
        CHECK(bmm::variance_ratio(top, bottom) == bmm::ratio(-1));
        // Under the magnitude basis a negative budget negates the ratio: INT64_MIN / -1 cannot.
        CHECK_THROWS_AS((void)bmm::variance_ratio(bmm::pence(-1), least), bmm::overflow_error);
    }

    TEST_CASE("reserves overflow with a typed error at the int64 edges and divide by zero never") {
        const bmm::general_balances<bmm::currency::gbp> high{top, {bmm::pence(1)}, {}, {}};
        CHECK_THROWS_AS((void)high.closing(), bmm::overflow_error);
        const bmm::general_balances<bmm::currency::gbp> level{top, {}, {}, bmm::pence(-1)};
        CHECK(level.closing() == top);
        CHECK_THROWS_AS((void)level.headroom(), bmm::overflow_error);
        CHECK_THROWS_AS((void)level.at_or_above_level(), bmm::overflow_error);
        const bmm::general_balances<bmm::currency::gbp> spent{least, {}, bmm::pence(1), {}};
        CHECK_THROWS_AS((void)spent.closing(), bmm::overflow_error);
        CHECK_THROWS_AS(
            (void)bmm::project_balances(top, bmm::fiscal_year<>{2023},
                                        std::vector<gbp>{bmm::pence(1)}, std::vector<gbp>{gbp{}}),
            bmm::overflow_error);
        // Projecting from the last fiscal year an int can name stays defined (not ok()).
        const auto far = bmm::project_balances(gbp{}, bmm::fiscal_year<>{INT_MAX},
                                               std::vector<gbp>{bmm::pence(1), bmm::pence(1)},
                                               std::vector<gbp>{gbp{}});
        CHECK(far.back().year == bmm::fiscal_year<>{1'000'000});
        CHECK_FALSE(far.back().year.ok());
        CHECK(far.back().closing == bmm::pence(2));
        const bmm::earmarked_reserve<bmm::currency::gbp> r{
            "COVID-19 Reserve", bottom, {{bmm::fiscal_year<>{2023}, bmm::pence(2)}}, {}};
        CHECK_THROWS_AS((void)r.after_planned_uses(), bmm::overflow_error);
        CHECK_THROWS_AS((void)r.uncommitted(), bmm::overflow_error);
        CHECK_THROWS_AS((void)r.balance_after(bmm::fiscal_year<>{2023}), bmm::overflow_error);
        CHECK(r.balance_after(bmm::fiscal_year<>{2022}) == bottom);
        const bmm::earmarked_reserve<bmm::currency::gbp> c{
            "Public Health Reserve", gbp{}, {}, {{"SARs", least}}};
        CHECK_THROWS_AS((void)c.uncommitted(), bmm::overflow_error);
        const bmm::dsg_deficit_reserve<bmm::currency::gbp> dsg{top, bmm::pence(1),
                                                               date::year{2026} / date::March / 31};
        CHECK_THROWS_AS((void)dsg.closing_deficit(), bmm::overflow_error);
        CHECK(dsg.override_applies(date::year::min() / date::January / 1));
        CHECK_FALSE(dsg.override_applies(date::year::max() / date::December / 31));
        // Division: zero use and zero budgets have no figure; the extremes are exact.
        CHECK_FALSE(bmm::years_of_cover(top, gbp{}).has_value());
        CHECK_FALSE(bmm::years_of_cover(gbp{}, gbp{}).has_value());
        CHECK(bmm::years_of_cover(gbp{}, top) == bmm::ratio(0));
        CHECK(bmm::years_of_cover(top, bmm::pence(1)) == bmm::ratio(max64));
        CHECK_FALSE(bmm::share_of_budget(top, gbp{}).has_value());
        CHECK_THROWS_AS((void)bmm::share_of_budget(least, bmm::pence(-1)), bmm::overflow_error);
    }

    TEST_CASE("savings totals overflow with a typed error and a zero total has no share") {
        using saving = bmm::saving<bmm::currency::gbp>;
        const bmm::fiscal_year<> fy{2023};
        const std::vector<saving> same{
            {"A", "one", top, fy, false, bmm::savings_status::red},
            {"A", "two", bmm::pence(1), fy, false, bmm::savings_status::red}};
        CHECK_THROWS_AS((void)bmm::summarize(same), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::by_directorate(same), bmm::overflow_error);
        const std::vector<saving> split{
            {"A", "one", top, fy, false, bmm::savings_status::delivered},
            {"B", "two", bmm::pence(1), fy, false, bmm::savings_status::expected}};
        const auto s = bmm::summarize(split);
        CHECK(s[bmm::savings_status::delivered] == top);
        CHECK_THROWS_AS((void)s.total(), bmm::overflow_error);
        CHECK_THROWS_AS((void)s.on_track(), bmm::overflow_error);
        CHECK_THROWS_AS((void)s.shares(), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::achievement(s), bmm::overflow_error);
        CHECK(bmm::summarize(split, bmm::fiscal_year<>{2024}).total() == bmm::zero);
        const std::vector<saving> nothing{{"A", "nil", gbp{}, fy, false, bmm::savings_status::red}};
        CHECK_FALSE(bmm::achievement(bmm::summarize(nothing)).has_value());
        CHECK_THROWS_AS((void)bmm::summarize(nothing).shares(), bmm::undefined_error);
    }

    TEST_CASE("virement totals overflow with a typed error, never a wrapped balance") {
        using line = bmm::virement_line<bmm::currency::gbp>;
        bmm::virement_request<bmm::currency::gbp> v;
        v.lines.push_back(line{"a", "", "", bmm::virement_term::temporary, top, bottom});
        v.lines.push_back(
            line{"b", "", "", bmm::virement_term::temporary, bmm::pence(1), bmm::pence(-2)});
        CHECK_THROWS_AS((void)v.expenditure_total(), bmm::overflow_error);
        CHECK_THROWS_AS((void)v.income_total(), bmm::overflow_error);
        CHECK_THROWS_AS((void)v.imbalance(), bmm::overflow_error);
        CHECK_THROWS_AS((void)v.check(), bmm::overflow_error);
        bmm::virement_request<bmm::currency::gbp> w;
        w.lines.push_back(line{"a", "", "", bmm::virement_term::permanent, top, bottom});
        CHECK(w.balances());
        CHECK(w.size() == top);
        w.lines.push_back(line{"b", "", "", bmm::virement_term::permanent, gbp{}, bmm::pence(1)});
        CHECK_THROWS_AS((void)w.size(), bmm::overflow_error);
    }

    TEST_CASE("status counts and summary percentages overflow with a typed error") {
        const bmm::rag_counts c{max64, 1, 0, 0};
        CHECK_THROWS_AS((void)c.rated(), bmm::overflow_error);
        CHECK_THROWS_AS((void)c.total(), bmm::overflow_error);
        CHECK_THROWS_AS((void)(c + c), bmm::overflow_error);
        bmm::rag_counts full{max64, 0, 0, 0};
        CHECK_THROWS_AS(full.add(bmm::rag::green), bmm::overflow_error);
        CHECK(full.green == max64);
        CHECK_THROWS_AS((void)bmm::percentages(std::vector<std::int64_t>{max64, 1}),
                        bmm::overflow_error);
        CHECK(bmm::percentages(std::vector<std::int64_t>{max64, 0}, 1) ==
              std::vector<bmm::decimal>{d("100.0"), d("0.0")});
        CHECK_THROWS_AS((void)bmm::percentages(bmm::rag_counts{}), bmm::undefined_error);
    }

    TEST_CASE("YTD sums, averages and profiles overflow with a typed error") {
        const bmm::decimal big = bmm::decimal::from_units(max64, 0);
        CHECK_THROWS_AS((void)bmm::ytd_sum({big, d("1")}), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::ytd_average({big, d("1")}), bmm::overflow_error);
        CHECK(bmm::ytd_average({big}) == bmm::ratio(max64));
        CHECK_THROWS_AS((void)bmm::ytd_ratio_of_sums({{big, d("1")}, {d("1"), d("1")}}),
                        bmm::overflow_error);
        CHECK_FALSE(bmm::ytd_ratio_of_sums({{d("5"), d("0")}, {d("1"), d("0")}}).has_value());
        CHECK_THROWS_AS(
            (void)bmm::ytd_profile::from_weights({max64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
            bmm::overflow_error);
        const auto two_thirds =
            bmm::ytd_profile::from_weights({2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        CHECK_THROWS_AS((void)two_thirds.ytd(big, 1), bmm::overflow_error);
        CHECK(two_thirds.ytd(big, 2) == bmm::ratio(max64));
        std::array<bmm::ratio, 12> shares{};
        shares[0] = bmm::ratio(max64);
        shares[1] = bmm::ratio(max64);
        CHECK_THROWS_AS((void)bmm::ytd_profile::from_shares(shares), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::ytd_profile::from_monthly_targets(
                            big, {big, d("1"), d("0"), d("0"), d("0"), d("0"), d("0"), d("0"),
                                  d("0"), d("0"), d("0"), d("0")}),
                        bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::ytd_profile::from_monthly_targets(d("0"), {}),
                        bmm::invalid_argument);
    }

    TEST_CASE("trends, amber bands and audits of extreme figures overflow with a typed error") {
        const bmm::ratio hi(max64), lo(min64);
        CHECK_THROWS_AS((void)bmm::compare(lo, hi, bmm::polarity::higher_is_better),
                        bmm::overflow_error);
        CHECK(bmm::compare(hi, hi, bmm::polarity::higher_is_better) == bmm::direction::stable);
        CHECK_THROWS_AS((void)bmm::amber_band::relative(bmm::ratio(1)).width_for(lo),
                        bmm::overflow_error);
        CHECK(bmm::amber_band::relative(bmm::ratio(1)).width_for(hi) == hi);
        const bmm::decimal big = bmm::decimal::from_units(max64, 0);
        const auto half_up = bmm::rounding_mode::half_up;
        CHECK_THROWS_AS((void)bmm::audit_sum(d("1"), {big, big}, half_up), bmm::overflow_error);
        CHECK_THROWS_AS((void)bmm::audit_share(d("50"), big, d("0.000000000000000001"), half_up),
                        bmm::overflow_error);
        // A zero whole has no share to divide by: no division, no error.
        CHECK_NOTHROW((void)bmm::audit_share(d("50"), d("5"), d("0"), half_up));
        CHECK_THROWS_AS((void)bmm::risk_score(UINT_MAX, UINT_MAX), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::risk_score(65'536, 65'536), bmm::invalid_argument);
        CHECK_THROWS_AS((void)bmm::risk_bands{}.level(26), bmm::invalid_argument);
    }

    TEST_CASE("display formats print the extreme amounts and read back all that fits") {
        for (gbp m : {top, bottom, least}) {
            CAPTURE(m);
            const auto full = bmm::money_format::full();
            CHECK(bmm::parse_money<bmm::currency::gbp>(bmm::to_string(m, full), full) == m);
            const auto whole = bmm::money_format::whole();
            const std::string shown = bmm::to_string(m, whole);
            CHECK(bmm::to_string(bmm::parse_money<bmm::currency::gbp>(shown, whole), whole) ==
                  shown);
            // Rounded for display, 2^63 - 1 pence becomes £92,233,720,368.548m: a figure beyond
            // the range, which reads back as an overflow_error, never a wrapped amount.
            for (const auto& f : {bmm::money_format::millions(3), bmm::money_format::thousands()}) {
                CHECK_THROWS_AS((void)bmm::parse_money<bmm::currency::gbp>(bmm::to_string(m, f), f),
                                bmm::overflow_error);
            }
        }
        CHECK(bmm::to_string(least, bmm::money_format::full()) ==
              "-\xC2\xA3"
              "92,233,720,368,547,758.08");
        CHECK(bmm::to_string(top, bmm::money_format::millions(8)) ==
              "\xC2\xA3"
              "92,233,720,368.54775807m");
        CHECK_THROWS_AS((void)bmm::parse_money<bmm::currency::gbp>("92233720368547758.08",
                                                                   bmm::money_format::full()),
                        bmm::overflow_error);
        // The most negative amount reads back in every format (fuzz_money found it refused).
        CHECK(bmm::parse_money<bmm::currency::gbp>("-92233720368547758.08",
                                                   bmm::money_format::full()) == least);
        CHECK_THROWS_AS((void)bmm::parse_money<bmm::currency::gbp>("-92233720368547758.09",
                                                                   bmm::money_format::full()),
                        bmm::overflow_error);
    }

    TEST_CASE(
        "dates at the ends of date's range fall in fiscal months or in years that are not ok") {
        const date::year_month_day first = date::year::min() / date::January / 1;
        const date::year_month_day last = date::year::max() / date::December / 31;
        // April calendar: January -32767 is in 2023/24's counterpart -32768/-32767, which ends
        // in date's first year but starts before it; December 32767 in 32767/68, which ends after.
        CHECK_FALSE(bmm::fiscal_month<>::containing(first).ok());
        CHECK_FALSE(bmm::fiscal_month<>::containing(last).ok());
        CHECK(bmm::fiscal_month<>::containing(first).index() == 10);
        CHECK(bmm::fiscal_month<>::containing(last).index() == 9);
        CHECK(bmm::to_string(bmm::fiscal_month<>::containing(last)) == "M9 32767/68");
        // The January calendar's years are calendar years: both ends are ok.
        CHECK(bmm::fiscal_month<1>::containing(first).ok());
        CHECK(bmm::fiscal_month<1>::containing(last).ok());
        CHECK(bmm::fiscal_month<1>::containing(last).last_day() == last);
        CHECK(bmm::fiscal_year<1>::containing(first).first_day() == first);
        // The first and last whole April years inside date's range.
        CHECK(bmm::fiscal_year<>{-32'767}.first_day() == date::year::min() / date::April / 1);
        CHECK(bmm::fiscal_year<>{32'766}.last_day() == date::year::max() / date::March / 31);
        CHECK(bmm::fiscal_year<>::containing(date::sys_days{last}).next().month(1).ok() == false);
        const bmm::reporting_schedule<> quarterly{bmm::frequency::quarterly};
        CHECK(quarterly.latest_reporting_month(bmm::fiscal_year<>{-32'767}.month(2)) ==
              bmm::fiscal_year<>{-32'768}.month(12));
    }
}
