// bmm demo: a medium-term financial strategy, projected exactly and printed by bmm.
//
//   mtfs --plan FILE.csv [--html PATH]
//
// Reads the plan and its scenarios from FILE.csv (bmm/io/mtfs_csv.hpp; examples/data/
// mtfs_plan.csv is one, its 2023/24 base taken from seed 003's Table 11 and ¶113-115, its later
// years assumptions), projects it under the file's savings policy, and prints: the plan year by
// year (spending, funding, the gap, reserves against the risk-assessed level, the DSG deficit),
// the budget requirement rolled forward, every reserve rolled forward, CIPFA's resilience
// measures, the scenarios side by side, and the sensitivity of each year's gap to the pay award
// moved 1 point (seed 003 ¶103: an offer of 5.5% against 4.5% budgeted). With --html, writes the
// dashboard (bmm/io/mtfs_html.hpp: inline SVG, no script) and prints its path.
// Exit status: 0; 2 for bad input (the message names FILE:LINE:COLUMN) or an unwritable page.
#include <bmm/format.hpp>
#include <bmm/io/mtfs_csv.hpp>
#include <bmm/io/mtfs_html.hpp>
#include <bmm/mtfs.hpp>
#include <bmm/mtfs_scenario.hpp>
#include <bmm/resilience.hpp>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

using C = bmm::currency::gbp;
using bmm::gbp;

std::string pad(const std::string& s, std::size_t width, bool right) {
    // Widths count characters, not bytes (£ and ▲ are two and three bytes).
    std::size_t chars = 0;
    for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
    if (chars >= width) return s;
    const std::string fill(width - chars, ' ');
    return right ? fill + s : s + fill;
}

std::string share(const std::optional<bmm::ratio>& r, const char* none) {
    if (!r) return none;
    return bmm::to_string(r->percent(1, bmm::rounding_mode::half_even)) + "%";
}

std::string years_of(const std::optional<bmm::ratio>& r, const char* none) {
    if (!r) return none;
    return bmm::to_string(r->round(1, bmm::rounding_mode::half_even));
}

}  // namespace

int main(int argc, char** argv) {
    std::string plan_path, html_path;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--plan" && i + 1 < argc) {
            plan_path = argv[++i];
        } else if (a == "--html" && i + 1 < argc) {
            html_path = argv[++i];
        } else {
            std::fprintf(stderr, "usage: mtfs --plan FILE.csv [--html PATH]\n");
            return 2;
        }
    }
    if (plan_path.empty()) {
        std::fprintf(stderr, "usage: mtfs --plan FILE.csv [--html PATH]\n");
        return 2;
    }
    try {
        const auto file = bmm::load_mtfs_csv<C>(plan_path);
        if (!file.policy) {
            std::fprintf(stderr, "%s: the plan sets no savings_policy\n", plan_path.c_str());
            return 2;
        }
        const bmm::savings_policy policy = *file.policy;
        const auto unit = bmm::print_unit::millions(1);
        const auto mode = bmm::rounding_mode::half_even;
        const bmm::money_format f = bmm::format_of(unit, mode);
        const auto show = [&f](gbp m) { return bmm::to_string(m, f); };
        const auto projection = bmm::project(file.plan, policy);
        const auto p = projection.printed(unit, mode);

        std::printf("Medium Term Financial Strategy %s to %s (base year %s)\n",
                    bmm::to_string(p.years.front().year).c_str(),
                    bmm::to_string(p.years.back().year).c_str(),
                    bmm::to_string(p.base_year).c_str());
        std::printf(
            "Printed to %s (half-even, each year adding up); savings: %s; exact figures "
            "%s.\n\n",
            show(gbp::from_millions("0.1")).c_str(), p.policy.c_str(),
            projection.fits_128_bits() ? "in 128 bits" : "beyond 128 bits (cpp_int)");

        std::printf("%s %s %s %s %s %s %s  %s %s %s\n", pad("Year", 8, false).c_str(),
                    pad("Spending", 10, true).c_str(), pad("Funding", 10, true).c_str(),
                    pad("Gap", 8, true).c_str(), pad("Cumulative", 10, true).c_str(),
                    pad("Balances", 9, true).c_str(), pad("Level", 8, true).c_str(),
                    pad("Status", 15, false).c_str(), pad("Available", 10, true).c_str(),
                    pad("DSG", 9, true).c_str());
        for (const auto& y : p.years) {
            std::printf(
                "%s %s %s %s %s %s %s  %s %s %s%s\n", pad(bmm::to_string(y.year), 8, false).c_str(),
                pad(show(y.spending_total), 10, true).c_str(),
                pad(show(y.funding_total), 10, true).c_str(), pad(show(y.gap), 8, true).c_str(),
                pad(show(y.cumulative_gap), 10, true).c_str(),
                pad(show(y.general_balances), 9, true).c_str(),
                pad(y.risk_assessed_level ? show(*y.risk_assessed_level) : "-", 8, true).c_str(),
                pad(!y.risk_assessed_level ? "no level"
                    : y.below_level        ? "▲ below level"
                                           : "● at or above",
                    15, false)
                    .c_str(),
                pad(show(y.available_reserves), 10, true).c_str(),
                pad(y.dsg ? show(y.dsg->closing) : "-", 9, true).c_str(),
                y.dsg_exceeds_reserves ? " ▲ DSG deficit exceeds available reserves" : "");
        }
        std::printf("\n");
        if (p.first_year_below_level) {
            std::printf("General balances fall below the risk-assessed level in %s.\n",
                        bmm::to_string(*p.first_year_below_level).c_str());
        } else {
            std::printf("General balances stay at or above the risk-assessed level.\n");
        }
        if (p.dsg_passes_reserves) {
            std::printf("The DSG deficit exceeds the available reserves from %s.\n",
                        bmm::to_string(*p.dsg_passes_reserves).c_str());
        }
        for (const auto& y : p.years) {
            if (p.override_end_year && y.year == *p.override_end_year && y.dsg) {
                std::printf(
                    "The statutory override ends on %04d-%02u-%02u: the DSG deficit at the "
                    "end of %s is %s.\n",
                    static_cast<int>(file.plan.dsg->override_ends.year()),
                    static_cast<unsigned>(file.plan.dsg->override_ends.month()),
                    static_cast<unsigned>(file.plan.dsg->override_ends.day()),
                    bmm::to_string(y.year).c_str(), show(y.dsg->closing).c_str());
            }
        }

        std::printf("\nThe budget requirement rolled forward (opening + movements = closing)\n");
        for (const auto& y : p.years) {
            std::printf("  %s  %s", bmm::to_string(y.year).c_str(), show(y.budget.opening).c_str());
            for (const auto& l : y.budget.movements) {
                if (!l.amount.is_zero()) {
                    std::printf(" %s %s %s", l.amount.is_negative() ? "-" : "+",
                                show(bmm::abs(l.amount)).c_str(), l.name.c_str());
                }
            }
            std::printf(" = %s\n", show(y.budget.closing).c_str());
        }

        std::printf("\nReserves rolled forward\n");
        for (std::size_t r = 0; r < p.years.front().reserves.size(); ++r) {
            std::printf("  %s\n", p.years.front().reserves[r].name.c_str());
            for (const auto& y : p.years) {
                const auto& rf = y.reserves[r];
                std::printf("    %s  %s", bmm::to_string(y.year).c_str(), show(rf.opening).c_str());
                for (const auto& l : rf.movements) {
                    std::printf(" %s %s %s", l.amount.is_negative() ? "-" : "+",
                                show(bmm::abs(l.amount)).c_str(), l.name.c_str());
                }
                std::printf(" = %s\n", show(rf.closing).c_str());
            }
        }

        std::printf("\nCIPFA resilience measures (available reserves, printed figures)\n");
        std::printf("  %s %s %s %s %s\n", pad("Year", 8, false).c_str(),
                    pad("Level of NRE", 13, true).c_str(), pad("3-year change", 14, true).c_str(),
                    pad("Sustainability", 15, true).c_str(), pad("Cover at gap", 13, true).c_str());
        for (const auto& r : bmm::resilience(p)) {
            std::printf(
                "  %s %s %s %s %s\n", pad(bmm::to_string(r.year), 8, false).c_str(),
                pad(share(r.level, "-"), 13, true).c_str(),
                pad(r.three_years_known ? share(r.change, "-") : "not known", 14, true).c_str(),
                pad(!r.three_years_known ? "not known"
                                         : years_of(r.sustainability, "not falling") +
                                               (r.sustainability ? " years" : ""),
                    15, true)
                    .c_str(),
                pad(years_of(r.cover, "no gap") + (r.cover ? " years" : ""), 13, true).c_str());
        }

        std::vector<bmm::mtfs_scenario<C>> named;
        for (const auto& s : file.scenarios) named.push_back(s);
        const auto side = bmm::side_by_side(named, policy, unit, mode);
        if (!side.empty()) {
            std::printf("\nThe gap in each scenario\n  %s", pad("Scenario", 16, false).c_str());
            for (const auto& y : p.years)
                std::printf(" %s", pad(bmm::to_string(y.year), 8, true).c_str());
            std::printf("  first below level\n  %s", pad("Base plan", 16, false).c_str());
            for (const auto& y : p.years) std::printf(" %s", pad(show(y.gap), 8, true).c_str());
            std::printf("  %s\n", p.first_year_below_level
                                      ? bmm::to_string(*p.first_year_below_level).c_str()
                                      : "never");
            for (const auto& s : side) {
                std::printf("  %s", pad(s.name, 16, false).c_str());
                for (const auto& y : s.printed.years)
                    std::printf(" %s", pad(show(y.gap), 8, true).c_str());
                std::printf("  %s\n",
                            s.printed.first_year_below_level
                                ? bmm::to_string(*s.printed.first_year_below_level).c_str()
                                : "never");
            }
        }

        // Seed 003 ¶103: the pay offer is 1.0% more than the 4.5% budgeted.
        const auto pay = bmm::sensitivity(file.plan, policy, bmm::mtfs_assumption::pay_award,
                                          bmm::ratio(1, 100), unit, mode);
        std::printf(
            "\nSensitivity: the pay award 1 point higher every year (seed 003 ¶103: 5.5%% "
            "against 4.5%%)\n  gap rises by");
        for (std::size_t i = 0; i < pay.years.size(); ++i) {
            std::printf(" %s %s%s", bmm::to_string(pay.years[i]).c_str(),
                        bmm::to_string(pay.printed_effect[i], f.with_plus_sign()).c_str(),
                        i + 1 < pay.years.size() ? ";" : "");
        }
        std::printf("\n  (exactly %s in %s)\n", bmm::to_string(pay.effect[0]).c_str(),
                    bmm::to_string(pay.years[0]).c_str());

        if (!html_path.empty()) {
            bmm::mtfs_dashboard<C> d;
            d.title = "Medium Term Financial Strategy " + bmm::to_string(p.years.front().year) +
                      " to " + bmm::to_string(p.years.back().year);
            d.plan = p;
            d.scenarios = side;
            d.sensitivities = {pay};
            const std::string page = bmm::to_html(d);
            const std::string tmp = html_path + ".tmp";
            {
                std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
                out << page;
                if (!out.flush()) {
                    std::fprintf(stderr, "%s: cannot write the dashboard\n", tmp.c_str());
                    return 2;
                }
            }
            if (std::rename(tmp.c_str(), html_path.c_str()) != 0) {
                std::remove(tmp.c_str());
                std::fprintf(stderr, "%s: cannot write the dashboard\n", html_path.c_str());
                return 2;
            }
            std::printf("\nDashboard: %s\n", html_path.c_str());
        }
    } catch (const bmm::error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    return 0;
}
